//! The HTML report: one self-contained file for readers.
//!
//! Inline CSS (`assets/report.css`, embedded at build time), no JavaScript,
//! no network fetches (a Content-Security-Policy of `default-src 'none'`
//! makes sure of it), readable on screen and in print. In order: title,
//! publisher and date, contents, methodology with the verdict scale, a
//! verdict summary chart (HTML/CSS bars), then each article with its
//! metadata, its full text with numbered claim spans in the verdict colours,
//! and a card per claim; the source list; and the ClaimReview JSON-LD of the
//! rated claims in a `<script type="application/ld+json">` block.
//!
//! The text is split at every claim boundary (see [`super::segments`]), so
//! nested and overlapping claims render as properly nested `<mark>`s. Each
//! claim number in the text links to its card and the card's number links
//! back. All user text is escaped and isolated (`<bdi>` inline, `dir="auto"`
//! on blocks); bidirectional overrides are shown as visible placeholders
//! (see [`super::escape`]); only `http`, `https` and `mailto` URLs become
//! links, each with `rel="noopener noreferrer"`.

mod cards;
mod sources;

use super::ExportError;
use crate::export::claimreview;
use crate::export::escape::{
    json_for_script, push_html_attr, push_html_plain_text, push_html_text, safe_link,
};
use crate::export::plan::{Plan, PlannedArticle, PlannedClaim, VerdictState};
use crate::export::segments::{Segment, segments};
use crate::model::{Evidence, Rgb, Source};
use jiff::civil::Date;
use std::fmt::Write as _;
use std::io;

/// The report stylesheet, embedded so the report needs no other file.
pub const STYLESHEET: &str = include_str!("../../../assets/report.css");

/// The policy that keeps the report inert: no scripts, no fetches, no forms;
/// only the inline stylesheet and inline styles (bar widths).
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// Writes the report of the plan.
pub(super) fn write(plan: &Plan<'_>, out: &mut dyn io::Write) -> Result<(), ExportError> {
    let text_len: usize = plan.articles.iter().map(|a| a.article.text.len()).sum();
    let mut report = Report {
        plan,
        out: String::with_capacity(64 * 1024 + text_len * 2 + plan.claims.len() * 1500),
    };
    report.document()?;
    out.write_all(report.out.as_bytes())?;
    Ok(())
}

/// The report being written, as one string (written out in one go).
struct Report<'p, 'a> {
    plan: &'p Plan<'a>,
    out: String,
}

impl Report<'_, '_> {
    pub(super) fn document(&mut self) -> Result<(), ExportError> {
        self.head()?;
        self.raw("<body>\n");
        self.header();
        self.raw("<main>\n");
        self.methodology();
        self.summary();
        for article in &self.plan.articles {
            self.article(article);
        }
        self.orphans();
        self.sources();
        self.raw("</main>\n");
        self.footer();
        self.raw("</body>\n</html>\n");
        Ok(())
    }

    // --- small writers -------------------------------------------------

    pub(super) fn raw(&mut self, html: &str) {
        self.out.push_str(html);
    }

    pub(super) fn text(&mut self, text: &str) {
        push_html_text(&mut self.out, text);
    }

    pub(super) fn attr(&mut self, text: &str) {
        push_html_attr(&mut self.out, text);
    }

    /// User text inline, isolated so its direction cannot leak.
    pub(super) fn bdi(&mut self, text: &str) {
        self.raw("<bdi>");
        self.text(text);
        self.raw("</bdi>");
    }

    /// User text as paragraphs, one per non-empty line.
    pub(super) fn paragraphs(&mut self, text: &str) {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            self.raw("<p dir=\"auto\">");
            self.text(line.trim());
            self.raw("</p>\n");
        }
    }

    /// A link to `url` labelled `label` (the URL when the label is empty),
    /// or the label as text when the URL may not become a link.
    pub(super) fn link(&mut self, url: &str, label: &str) {
        let label = if label.trim().is_empty() {
            url.trim()
        } else {
            label
        };
        match safe_link(url) {
            Some(href) => {
                self.raw("<a href=\"");
                self.attr(href);
                self.raw("\" rel=\"noopener noreferrer\">");
                self.bdi(label);
                self.raw("</a>");
            }
            None => self.bdi(label),
        }
    }

    pub(super) fn date(&mut self, date: Date) {
        let _ = write!(
            self.out,
            "<time datetime=\"{date}\">{}</time>",
            date.strftime("%-d %B %Y")
        );
    }

    /// The class of a claim's verdict colour: `v0`… by scale position,
    /// `vu` unrated, `vx` a verdict not on the scale.
    pub(super) fn verdict_class(&self, verdict: VerdictState<'_>) -> String {
        match verdict {
            VerdictState::Rated(v) => self
                .plan
                .workspace
                .scale
                .verdicts
                .iter()
                .position(|x| std::ptr::eq(x, v))
                .map_or_else(|| "vx".to_owned(), |i| format!("v{i}")),
            VerdictState::Unrated => "vu".to_owned(),
            VerdictState::Unknown(_) => "vx".to_owned(),
        }
    }

    pub(super) fn badge(&mut self, verdict: VerdictState<'_>) {
        let class = self.verdict_class(verdict);
        let _ = write!(self.out, "<span class=\"badge {class}\">");
        match verdict {
            VerdictState::Rated(v) => self.bdi(&v.label),
            VerdictState::Unrated => self.raw("Not yet rated"),
            VerdictState::Unknown(key) => {
                self.raw("Unknown verdict “");
                self.bdi(key);
                self.raw("”");
            }
        }
        self.raw("</span>");
    }

    // --- document parts ------------------------------------------------

    pub(super) fn head(&mut self) -> Result<(), ExportError> {
        let ws = self.plan.workspace;
        self.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        self.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        let _ = writeln!(
            self.out,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">"
        );
        self.raw("<meta name=\"referrer\" content=\"no-referrer\">\n");
        self.raw("<meta name=\"generator\" content=\"Factbench\">\n");
        self.raw("<title>");
        push_html_plain_text(&mut self.out, title_or_untitled(&ws.title));
        self.raw(" — fact-check report</title>\n<style>\n");
        self.raw(STYLESHEET);
        self.verdict_styles();
        self.raw("</style>\n");
        self.claim_review_block()?;
        self.raw("</head>\n");
        Ok(())
    }

    /// One rule per verdict of the scale: its colour, a tint for highlights
    /// and the text colour that reads on it. Colours are validated `#rrggbb`.
    pub(super) fn verdict_styles(&mut self) {
        for (i, verdict) in self.plan.workspace.scale.verdicts.iter().enumerate() {
            let colour = verdict.colour;
            let _ = writeln!(
                self.out,
                ".v{i} {{ --c: {colour}; --bg: {colour}38; --fg: {}; }}",
                text_colour_on(colour)
            );
        }
        self.raw(".vu { --c: #6b6b73; --bg: #8a8a9214; --fg: #fff; }\n");
        self.raw(".vx { --c: #3d3d44; --bg: #3d3d4422; --fg: #fff; }\n");
    }

    pub(super) fn claim_review_block(&mut self) -> Result<(), ExportError> {
        let reviews = claimreview::reviews(self.plan);
        if reviews.is_empty() {
            return Ok(());
        }
        let json = serde_json::to_string(&reviews)?;
        self.raw("<script type=\"application/ld+json\">");
        self.raw(&json_for_script(&json));
        self.raw("</script>\n");
        Ok(())
    }

    pub(super) fn header(&mut self) {
        let ws = self.plan.workspace;
        self.raw("<header>\n<p class=\"kicker\">Fact-check report</p>\n<h1 dir=\"auto\">");
        self.text(title_or_untitled(&ws.title));
        self.raw("</h1>\n");
        if !ws.description.trim().is_empty() {
            self.raw("<div class=\"lede\">");
            self.paragraphs(&ws.description);
            self.raw("</div>\n");
        }
        self.raw("<p class=\"byline\">");
        if !ws.publisher.name.trim().is_empty() || safe_link(&ws.publisher.url).is_some() {
            self.raw("Published by ");
            self.link(&ws.publisher.url, &ws.publisher.name);
            self.raw(" · ");
        }
        self.raw("Updated ");
        self.date(
            ws.modified
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .date(),
        );
        self.raw("</p>\n");
        self.contents();
        self.raw("</header>\n");
    }

    pub(super) fn contents(&mut self) {
        self.raw("<nav class=\"toc\" aria-label=\"Contents\"><ol>\n");
        self.raw("<li><a href=\"#methodology\">Methodology</a></li>\n");
        self.raw("<li><a href=\"#summary\">Verdict summary</a></li>\n");
        for article in &self.plan.articles {
            let _ = write!(self.out, "<li><a href=\"#article-{}\">", article.article.id);
            self.bdi(title_or_untitled(&article.article.title));
            self.raw("</a></li>\n");
        }
        if !self.plan.orphans.is_empty() {
            self.raw("<li><a href=\"#unplaced\">Claims without an article</a></li>\n");
        }
        if !self.plan.sources.is_empty() {
            self.raw("<li><a href=\"#sources\">Sources</a></li>\n");
        }
        self.raw("</ol></nav>\n");
    }

    pub(super) fn methodology(&mut self) {
        let ws = self.plan.workspace;
        self.raw("<section id=\"methodology\">\n<h2>Methodology</h2>\n");
        if ws.methodology.trim().is_empty() {
            self.raw("<p>Each claim below was checked against the sources listed with it.</p>\n");
        } else {
            self.paragraphs(&ws.methodology);
        }
        self.raw("<h3>Verdict scale</h3>\n<dl class=\"scale\">\n");
        let verdicts = &ws.scale.verdicts;
        for verdict in verdicts {
            self.raw("<dt>");
            self.badge(VerdictState::Rated(verdict));
            self.raw("</dt><dd>");
            self.bdi(&verdict.description);
            self.raw("</dd>\n");
        }
        self.raw("</dl>\n</section>\n");
    }

    pub(super) fn summary(&mut self) {
        let plan = self.plan;
        let (counts, unrated, unknown) = plan.verdict_counts();
        let total = plan.claims.len();
        let rated = total - unrated;
        self.raw("<section id=\"summary\">\n<h2>Verdict summary</h2>\n<p>");
        let _ = write!(
            self.out,
            "{total} {} in {} {}; {rated} rated, {unrated} not yet rated.",
            plural(total, "claim", "claims"),
            plan.articles.len(),
            plural(plan.articles.len(), "article", "articles"),
        );
        self.raw("</p>\n<table class=\"chart\">\n<caption class=\"kicker\">Claims per verdict</caption>\n");
        let most = counts
            .iter()
            .copied()
            .chain([unrated, unknown])
            .max()
            .unwrap_or(0);
        for (verdict, &count) in plan.workspace.scale.verdicts.iter().zip(&counts) {
            self.chart_row(VerdictState::Rated(verdict), count, most);
        }
        if unknown > 0 {
            self.chart_row(VerdictState::Unknown("?"), unknown, most);
        }
        self.chart_row(VerdictState::Unrated, unrated, most);
        self.raw("</table>\n</section>\n");
    }

    pub(super) fn chart_row(&mut self, verdict: VerdictState<'_>, count: usize, most: usize) {
        let class = self.verdict_class(verdict);
        self.raw("<tr><th scope=\"row\">");
        match verdict {
            VerdictState::Unknown(_) => {
                let _ = write!(
                    self.out,
                    "<span class=\"badge {class}\">Unknown verdict</span>"
                );
            }
            _ => self.badge(verdict),
        }
        let width = if most == 0 {
            0.0
        } else {
            count as f64 * 100.0 / most as f64
        };
        let zero = if count == 0 { " zero" } else { "" };
        let _ = writeln!(
            self.out,
            "</th><td><span class=\"bar\"><span class=\"fill {class}{zero}\" style=\"width:{width:.1}%\"></span></span></td><td class=\"count\">{count}</td></tr>"
        );
    }

    pub(super) fn article(&mut self, planned: &PlannedArticle<'_>) {
        let article = planned.article;
        let _ = writeln!(
            self.out,
            "<section class=\"article\" id=\"article-{}\">",
            article.id
        );
        self.raw("<h2 dir=\"auto\"");
        self.lang_attr(&article.language);
        self.raw(">");
        self.text(title_or_untitled(&article.title));
        self.raw("</h2>\n");
        self.article_meta(planned);
        self.raw("<div class=\"text\" dir=\"auto\"");
        self.lang_attr(&article.language);
        self.raw(">");
        for segment in segments(self.plan, planned) {
            self.segment(&segment);
        }
        self.raw("</div>\n");
        let claims: Vec<&PlannedClaim<'_>> = self.plan.claims_of(planned).collect();
        if !claims.is_empty() {
            let _ = writeln!(
                self.out,
                "<h3>{} {} in this article</h3>\n<div class=\"cards\">",
                claims.len(),
                plural(claims.len(), "claim", "claims")
            );
            for claim in claims {
                self.card(claim);
            }
            self.raw("</div>\n");
        }
        self.raw("</section>\n");
    }

    /// `lang="…"` when the article's language tag looks like a BCP 47 tag.
    pub(super) fn lang_attr(&mut self, language: &str) {
        let tag = language.trim();
        let plausible = !tag.is_empty()
            && tag.len() <= 35
            && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if plausible {
            let _ = write!(self.out, " lang=\"{tag}\"");
        }
    }

    pub(super) fn article_meta(&mut self, planned: &PlannedArticle<'_>) {
        let article = planned.article;
        self.raw("<dl class=\"meta\">\n");
        for (label, value) in [("Outlet", &article.outlet), ("Author", &article.author)] {
            if !value.trim().is_empty() {
                let _ = write!(self.out, "<dt>{label}</dt><dd>");
                self.bdi(value);
                self.raw("</dd>\n");
            }
        }
        for (label, date) in [
            ("Published", article.published),
            ("Retrieved", article.retrieved),
        ] {
            if let Some(date) = date {
                let _ = write!(self.out, "<dt>{label}</dt><dd>");
                self.date(date);
                self.raw("</dd>\n");
            }
        }
        if !article.url.trim().is_empty() {
            self.raw("<dt>Address</dt><dd>");
            self.link(&article.url, &article.url);
            self.raw("</dd>\n");
        }
        if !article.language.trim().is_empty() {
            self.raw("<dt>Language</dt><dd>");
            self.bdi(&article.language);
            self.raw("</dd>\n");
        }
        self.raw("</dl>\n");
        if !article.notes.trim().is_empty() {
            self.raw("<div class=\"note\">");
            self.paragraphs(&article.notes);
            self.raw("</div>\n");
        }
    }

    /// One run of article text: the numbers of the claims starting here,
    /// then the text inside one `<mark>` per covering claim, outer first.
    pub(super) fn segment(&mut self, segment: &Segment<'_>) {
        let plan = self.plan;
        for &i in &segment.opens {
            let claim = &plan.claims[i];
            let class = self.verdict_class(claim.verdict);
            let _ = write!(
                self.out,
                "<a class=\"ref {class}\" id=\"ref-{f}\" href=\"#{f}\" dir=\"ltr\" title=\"Claim {n}\">{n}</a>",
                f = claim.fragment,
                n = claim.number
            );
        }
        if segment.text.is_empty() {
            return;
        }
        let depth = segment.covering.len();
        for (k, &i) in segment.covering.iter().enumerate() {
            let class = self.verdict_class(plan.claims[i].verdict);
            let level = (depth - 1 - k).min(3);
            let _ = write!(self.out, "<mark class=\"hl {class} l{level}\">");
        }
        self.text(segment.text);
        for _ in 0..depth {
            self.raw("</mark>");
        }
    }

    pub(super) fn footer(&mut self) {
        self.raw("<footer>\n<p>Made with Factbench. This report is a single file: it runs no scripts and loads nothing from the network.");
        if !self.plan.workspace.report_url.trim().is_empty() {
            self.raw(" Published at ");
            let url = &self.plan.workspace.report_url;
            self.link(url, url);
            self.raw(".");
        }
        self.raw("</p>\n</footer>\n");
    }
}

pub(super) fn title_or_untitled(title: &str) -> &str {
    if title.trim().is_empty() {
        "Untitled"
    } else {
        title
    }
}

pub(super) fn plural<'s>(n: usize, one: &'s str, many: &'s str) -> &'s str {
    if n == 1 { one } else { many }
}

/// Black or white, whichever reads better on `colour`.
pub(super) fn text_colour_on(colour: Rgb) -> &'static str {
    if colour.wants_dark_text() {
        "#000"
    } else {
        "#fff"
    }
}
