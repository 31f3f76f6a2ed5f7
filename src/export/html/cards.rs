//! The report's claim cards: verdict badge, quote, statement, claimant,
//! rationale, evidence with its sources, and corrections.

use super::*;

impl Report<'_, '_> {
    pub(super) fn card(&mut self, planned: &PlannedClaim<'_>) {
        let claim = planned.claim;
        let class = self.verdict_class(planned.verdict);
        let fragment = &planned.fragment;
        let _ = writeln!(
            self.out,
            "<article class=\"card {class}\" id=\"{fragment}\">"
        );
        self.raw("<div class=\"card-head\">");
        if planned.span.is_some() {
            let _ = write!(
                self.out,
                "<a class=\"num\" href=\"#ref-{fragment}\" title=\"Show claim {n} in the text\">{n}</a>",
                n = planned.number
            );
        } else {
            let _ = write!(self.out, "<span class=\"num\">{}</span>", planned.number);
        }
        self.badge(planned.verdict);
        self.raw("<h4 dir=\"auto\">");
        let statement = if claim.statement.trim().is_empty() {
            &claim.anchor.exact
        } else {
            &claim.statement
        };
        self.text(statement);
        self.raw("</h4></div>\n");
        self.quote(planned);
        self.facts(planned);
        if !claim.rationale.trim().is_empty() {
            self.raw("<div class=\"rationale\"><h5>Rationale</h5>\n");
            self.paragraphs(&claim.rationale);
            self.raw("</div>\n");
        }
        self.evidence(&claim.evidence);
        self.corrections(planned);
        if planned.span.is_some() {
            let _ = writeln!(
                self.out,
                "<p class=\"back\"><a href=\"#ref-{fragment}\">↑ Back to the text</a></p>"
            );
        }
        self.raw("</article>\n");
    }

    pub(super) fn quote(&mut self, planned: &PlannedClaim<'_>) {
        let quote = &planned.claim.anchor.exact;
        if !quote.trim().is_empty() {
            self.raw("<blockquote dir=\"auto\">");
            self.text(quote);
            self.raw("</blockquote>\n");
        }
        if planned.fault.is_some() {
            self.raw("<p class=\"warn\">This quote could not be found at its place in the current text of the article, so it is not highlighted there.</p>\n");
        }
    }

    pub(super) fn facts(&mut self, planned: &PlannedClaim<'_>) {
        let claim = planned.claim;
        self.raw("<dl class=\"facts\">\n");
        for (label, value) in [
            ("Claimant", &claim.claimant),
            ("Reported by", &claim.reported_by),
        ] {
            if !value.trim().is_empty() {
                let _ = write!(self.out, "<dt>{label}</dt><dd>");
                self.bdi(value);
                self.raw("</dd>\n");
            }
        }
        let tags: Vec<&String> = claim.tags.iter().filter(|t| !t.trim().is_empty()).collect();
        if !tags.is_empty() {
            self.raw("<dt>Tags</dt><dd>");
            for tag in tags {
                self.raw("<span class=\"tag\">");
                self.bdi(tag);
                self.raw("</span>");
            }
            self.raw("</dd>\n");
        }
        if !claim.is_rated() {
            let _ = writeln!(self.out, "<dt>Status</dt><dd>{}</dd>", claim.status.label());
        }
        self.raw("</dl>\n");
    }

    pub(super) fn evidence(&mut self, evidence: &[Evidence]) {
        if evidence.is_empty() {
            return;
        }
        self.raw("<h5>Evidence</h5>\n<ul class=\"evidence\">\n");
        for item in evidence {
            let stance = item.stance.label();
            let _ = write!(
                self.out,
                "<li><span class=\"stance {}\">{stance}</span>",
                stance.to_ascii_lowercase()
            );
            match (
                self.plan.source(item.source),
                self.plan.source_number(item.source),
            ) {
                (Some(source), Some(n)) => {
                    self.source_line(source);
                    let _ = write!(
                        self.out,
                        " <a class=\"sref\" href=\"#source-{n}\">[S{n}]</a>"
                    );
                }
                _ => self.raw("<em>a source that is missing from the source library</em>"),
            }
            if !item.excerpt.trim().is_empty() {
                self.raw("\n<blockquote class=\"excerpt\" dir=\"auto\">");
                self.text(&item.excerpt);
                self.raw("</blockquote>");
            }
            if !item.note.trim().is_empty() {
                self.raw("\n<div class=\"excerpt-note\">");
                self.paragraphs(&item.note);
                self.raw("</div>");
            }
            self.raw("</li>\n");
        }
        self.raw("</ul>\n");
    }

    /// A source's title (linked), publisher and date, on one line.
    pub(super) fn source_line(&mut self, source: &Source) {
        self.link(&source.url, &source.title);
        if !source.publisher.trim().is_empty() {
            self.raw(" — ");
            self.bdi(&source.publisher);
        }
        if let Some(date) = source.published {
            self.raw(", ");
            self.date(date);
        }
    }

    pub(super) fn corrections(&mut self, planned: &PlannedClaim<'_>) {
        let corrections = &planned.claim.corrections;
        if corrections.is_empty() {
            return;
        }
        self.raw("<div class=\"corrections\"><h5>Corrections</h5>\n<ol>\n");
        for correction in corrections {
            self.raw("<li>");
            self.date(
                correction
                    .date
                    .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                    .date(),
            );
            self.raw(": ");
            self.bdi(&correction.note);
            self.raw("</li>\n");
        }
        self.raw("</ol></div>\n");
    }
}
