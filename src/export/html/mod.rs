//! The HTML report: one self-contained file for readers, or the desk's
//! internal review copy.
//!
//! Rendered with the [maud](https://maud.lambda.xyz) template macros: every
//! value placed in the markup is escaped by the engine unless it is wrapped
//! in `PreEscaped`, which only the report's own stylesheet and the JSON-LD
//! block (made safe by [`json_for_script`]) are; user text goes through
//! [`text::Text`], which also shows bidirectional overrides as visible
//! placeholders. Only `http`, `https` and `mailto` URLs become links, each
//! with `rel="noopener noreferrer"`.
//!
//! Inline CSS (`assets/report.css`, embedded at build time), no JavaScript,
//! no network fetches (a Content-Security-Policy of `default-src 'none'`
//! makes sure of it), readable on screen and in print. In order: title,
//! publisher and date, contents, methodology with the verdict scale, a
//! verdict summary chart (HTML/CSS bars), then each article with its
//! metadata, its text — the whole annotated text, or in a public report of
//! an article not marked *publish full text* the sentences holding each
//! claim — and a card per claim; the corrections log; the source list; and
//! the ClaimReview JSON-LD of the rated claims in a
//! `<script type="application/ld+json">` block.
//!
//! The public report holds only published claims and no internal text
//! (article and source notes, claims' internal notes, reviews, status). The
//! internal copy holds everything and says *Draft — not for publication* at
//! the top and bottom of the page and on every printed page.

mod archived;
mod article;
mod cards;
mod sources;
mod text;

use super::ExportError;
use crate::export::claimreview;
use crate::export::direction::{Direction, workspace_direction};
use crate::export::escape::{json_for_script, safe_link, with_bidi_placeholders};
use crate::export::plan::{Plan, VerdictState};
use crate::model::Rgb;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use std::fmt::Write as _;
use std::io;
use text::{Text, bdi, date, day, link, paragraphs, plural, title_or_untitled};

/// The report stylesheet, embedded so the report needs no other file.
pub const STYLESHEET: &str = include_str!("../../../assets/report.css");

/// The policy that keeps the report inert: no scripts, no fetches, no forms;
/// only the inline stylesheet and inline styles (bar widths).
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// What the internal copy says on every page.
const DRAFT_MARK: &str = "Draft — not for publication";

/// Writes the report of the plan.
pub(super) fn write(plan: &Plan<'_>, out: &mut dyn io::Write) -> Result<(), ExportError> {
    let report = Report { plan };
    let markup = report.document()?;
    out.write_all(markup.into_string().as_bytes())?;
    Ok(())
}

/// The report of one plan.
struct Report<'p, 'a> {
    plan: &'p Plan<'a>,
}

impl Report<'_, '_> {
    fn internal(&self) -> bool {
        !self.plan.audience.is_public()
    }

    fn document(&self) -> Result<Markup, ExportError> {
        let head = self.head()?;
        Ok(html! {
            (DOCTYPE) "\n"
            html lang="en" dir=(self.page_direction().as_str()) { "\n"
                (head)
                body { "\n"
                    @if self.internal() { p.draft { (DRAFT_MARK) } "\n" }
                    (self.header())
                    main { "\n"
                        (self.methodology())
                        (self.summary())
                        @for article in &self.plan.articles { (self.article(article)) }
                        (self.orphans())
                        (self.corrections_log())
                        (self.sources())
                        (self.custody_log())
                    } "\n"
                    (self.footer())
                } "\n"
            } "\n"
        })
    }

    /// The page's own direction: right to left for a report of Arabic,
    /// Persian or Hebrew articles (the report's own words stay English,
    /// each line of them ordered by its own first strong character).
    /// A report with no article in it (a public one before anything is
    /// published) takes the direction of the workspace's articles.
    fn page_direction(&self) -> Direction {
        if self.plan.articles.is_empty() {
            return workspace_direction(&self.plan.workspace.articles);
        }
        workspace_direction(self.plan.articles.iter().map(|a| a.article))
    }

    /// The class of a claim's verdict colour: `v0`… by scale position,
    /// `vu` unrated, `vx` a verdict not on the scale.
    fn verdict_class(&self, verdict: VerdictState<'_>) -> String {
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

    fn badge(&self, verdict: VerdictState<'_>) -> Markup {
        html! {
            span class=(format!("badge {}", self.verdict_class(verdict))) {
                @match verdict {
                    VerdictState::Rated(v) => (bdi(&v.label)),
                    VerdictState::Unrated => "Not yet rated",
                    VerdictState::Unknown(key) => { "Unknown verdict “" (bdi(key)) "”" }
                }
            }
        }
    }

    fn head(&self) -> Result<Markup, ExportError> {
        let ws = self.plan.workspace;
        let kind = if self.internal() {
            "internal review copy (draft)"
        } else {
            "fact-check report"
        };
        let title = format!(
            "{} — {kind}",
            with_bidi_placeholders(title_or_untitled(&ws.title))
        );
        Ok(html! {
            head { "\n"
                meta charset="utf-8"; "\n"
                meta name="viewport" content="width=device-width, initial-scale=1"; "\n"
                meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY); "\n"
                meta name="referrer" content="no-referrer"; "\n"
                meta name="generator" content="Factbench"; "\n"
                @if self.internal() { meta name="robots" content="noindex, nofollow"; "\n" }
                title { (title) } "\n"
                style { "\n" (PreEscaped(STYLESHEET)) (PreEscaped(self.verdict_styles())) } "\n"
                (self.claim_review_block()?)
            } "\n"
        })
    }

    /// One rule per verdict of the scale: its colour, a tint for highlights
    /// and the text colour that reads on it. Colours are validated `#rrggbb`.
    fn verdict_styles(&self) -> String {
        let mut css = String::new();
        for (i, verdict) in self.plan.workspace.scale.verdicts.iter().enumerate() {
            let colour = verdict.colour;
            let _ = writeln!(
                css,
                ".v{i} {{ --c: {colour}; --bg: {colour}38; --fg: {}; }}",
                text_colour_on(colour)
            );
        }
        css.push_str(".vu { --c: #6b6b73; --bg: #8a8a9214; --fg: #fff; }\n");
        css.push_str(".vx { --c: #3d3d44; --bg: #3d3d4422; --fg: #fff; }\n");
        css
    }

    fn claim_review_block(&self) -> Result<Markup, ExportError> {
        let reviews = claimreview::reviews(self.plan);
        if reviews.is_empty() {
            return Ok(html! {});
        }
        let json = serde_json::to_string(&reviews)?;
        Ok(html! {
            script type="application/ld+json" { (PreEscaped(json_for_script(&json))) } "\n"
        })
    }

    fn header(&self) -> Markup {
        let ws = self.plan.workspace;
        let named = !ws.publisher.name.trim().is_empty() || safe_link(&ws.publisher.url).is_some();
        html! {
            header { "\n"
                p.kicker {
                    @if self.internal() { "Internal review copy" } @else { "Fact-check report" }
                } "\n"
                h1 dir="auto" { (Text(title_or_untitled(&ws.title))) } "\n"
                @if !ws.description.trim().is_empty() {
                    div.lede { (paragraphs(&ws.description)) } "\n"
                }
                p.byline {
                    @if named {
                        "Published by " (link(&ws.publisher.url, &ws.publisher.name)) " · "
                    }
                    "Updated " (date(day(self.plan.updated())))
                } "\n"
                (self.contents())
            } "\n"
        }
    }

    fn contents(&self) -> Markup {
        let plan = self.plan;
        html! {
            nav.toc aria-label="Contents" { ol { "\n"
                li { a href="#methodology" { "Methodology" } } "\n"
                li { a href="#summary" { "Verdict summary" } } "\n"
                @for article in &plan.articles {
                    li { a href=(format!("#article-{}", article.article.id)) {
                        (bdi(title_or_untitled(&article.article.title)))
                    } } "\n"
                }
                @if !plan.orphans.is_empty() {
                    li { a href="#unplaced" { "Claims without an article" } } "\n"
                }
                @if self.has_corrections() {
                    li { a href="#corrections" { "Corrections" } } "\n"
                }
                @if !plan.sources.is_empty() {
                    li { a href="#sources" { "Sources" } } "\n"
                }
            } } "\n"
        }
    }

    fn methodology(&self) -> Markup {
        let ws = self.plan.workspace;
        html! {
            section #methodology { "\n"
                h2 { "Methodology" } "\n"
                @if ws.methodology.trim().is_empty() {
                    p { "Each claim below was checked against the sources listed with it." } "\n"
                } @else {
                    (paragraphs(&ws.methodology))
                }
                h3 { "Verdict scale" } "\n"
                dl.scale { "\n"
                    @for verdict in &ws.scale.verdicts {
                        dt { (self.badge(VerdictState::Rated(verdict))) }
                        dd { (bdi(&verdict.description)) } "\n"
                    }
                } "\n"
            } "\n"
        }
    }

    fn summary(&self) -> Markup {
        let plan = self.plan;
        let (counts, unrated, unknown) = plan.verdict_counts();
        let total = plan.claims.len();
        let rated = total - unrated;
        let most = counts
            .iter()
            .copied()
            .chain([unrated, unknown])
            .max()
            .unwrap_or(0);
        let articles = plan.articles.len();
        let line = if self.internal() {
            format!(
                "{total} {} in {articles} {}; {rated} rated, {unrated} not yet rated.",
                plural(total, "claim", "claims"),
                plural(articles, "article", "articles"),
            )
        } else {
            format!(
                "{total} published {} in {articles} {}.",
                plural(total, "claim", "claims"),
                plural(articles, "article", "articles"),
            )
        };
        html! {
            section #summary { "\n"
                h2 { "Verdict summary" } "\n"
                p { (line) } "\n"
                table.chart { "\n"
                    caption.kicker { "Claims per verdict" } "\n"
                    @for (verdict, &count) in plan.workspace.scale.verdicts.iter().zip(&counts) {
                        (self.chart_row(VerdictState::Rated(verdict), count, most))
                    }
                    @if unknown > 0 { (self.chart_row(VerdictState::Unknown("?"), unknown, most)) }
                    @if self.internal() || unrated > 0 {
                        (self.chart_row(VerdictState::Unrated, unrated, most))
                    }
                } "\n"
            } "\n"
        }
    }

    fn chart_row(&self, verdict: VerdictState<'_>, count: usize, most: usize) -> Markup {
        let class = self.verdict_class(verdict);
        let width = if most == 0 {
            0.0
        } else {
            count as f64 * 100.0 / most as f64
        };
        let zero = if count == 0 { " zero" } else { "" };
        html! {
            tr {
                th scope="row" {
                    @match verdict {
                        VerdictState::Unknown(_) => span class=(format!("badge {class}")) { "Unknown verdict" },
                        _ => (self.badge(verdict)),
                    }
                }
                td { span.bar { span class=(format!("fill {class}{zero}")) style=(format!("width:{width:.1}%")) {} } }
                td.count { (count) }
            } "\n"
        }
    }

    fn footer(&self) -> Markup {
        let url = &self.plan.workspace.report_url;
        html! {
            footer { "\n"
                p {
                    "Made with Factbench. This report is a single file: it runs no scripts and loads nothing from the network."
                    @if !url.trim().is_empty() { " Published at " (link(url, url)) "." }
                } "\n"
                @if self.internal() { p.draft { (DRAFT_MARK) } "\n" }
            } "\n"
        }
    }
}

/// Black or white, whichever reads better on `colour`.
fn text_colour_on(colour: Rgb) -> &'static str {
    if colour.wants_dark_text() {
        "#000"
    } else {
        "#fff"
    }
}
