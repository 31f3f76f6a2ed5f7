//! The report's source list, each source with the claims citing it, and
//! the claims whose article is missing.

use super::*;

impl Report<'_, '_> {
    pub(super) fn orphans(&mut self) {
        let plan = self.plan;
        if plan.orphans.is_empty() {
            return;
        }
        self.raw("<section id=\"unplaced\">\n<h2>Claims without an article</h2>\n");
        self.raw("<p class=\"warn\">These claims belong to an article that is not in the workspace.</p>\n<div class=\"cards\">\n");
        for &i in &plan.orphans {
            self.card(&plan.claims[i]);
        }
        self.raw("</div>\n</section>\n");
    }

    pub(super) fn sources(&mut self) {
        let plan = self.plan;
        if plan.sources.is_empty() {
            return;
        }
        self.raw("<section id=\"sources\">\n<h2>Sources</h2>\n<ol class=\"sources\">\n");
        for (k, source) in plan.sources.iter().enumerate() {
            let _ = write!(self.out, "<li id=\"source-{}\">", k + 1);
            self.source_entry(source);
            self.cited_by(k);
            self.raw("</li>\n");
        }
        self.raw("</ol>\n</section>\n");
    }

    pub(super) fn source_entry(&mut self, source: &Source) {
        self.link(&source.url, &source.title);
        let _ = write!(
            self.out,
            " <span class=\"kind\">{}</span>",
            source.kind.label()
        );
        if !source.publisher.trim().is_empty() {
            self.raw(" — ");
            self.bdi(&source.publisher);
        }
        self.raw(".");
        if let Some(date) = source.published {
            self.raw(" Published ");
            self.date(date);
            self.raw(".");
        }
        if let Some(date) = source.accessed {
            self.raw(" Accessed ");
            self.date(date);
            self.raw(".");
        }
        if !source.archive_url.trim().is_empty() {
            self.raw(" ");
            self.link(&source.archive_url, "Archived copy");
            self.raw(".");
        }
        if !source.notes.trim().is_empty() {
            self.raw("<div class=\"note\">");
            self.paragraphs(&source.notes);
            self.raw("</div>");
        }
    }

    /// Links to the claims citing the `k`-th source of the list.
    pub(super) fn cited_by(&mut self, k: usize) {
        let plan = self.plan;
        let citing = &plan.citations[k];
        if citing.is_empty() {
            return;
        }
        let label = plural(citing.len(), "claim", "claims");
        let _ = write!(self.out, "<p class=\"cited\">Cited for {label} ");
        for (n, &i) in citing.iter().enumerate() {
            if n > 0 {
                self.raw(", ");
            }
            let claim = &plan.claims[i];
            let _ = write!(
                self.out,
                "<a href=\"#{}\">{}</a>",
                claim.fragment, claim.number
            );
        }
        self.raw("</p>");
    }
}
