//! One article of the report: its metadata, its text (whole and annotated,
//! or the sentences holding each claim), and its claim cards.

use super::Report;
use super::text::{Text, bdi, date, link, paragraphs, plausible_lang, plural, title_or_untitled};
use crate::export::direction::article_direction;
use crate::export::plan::{PlannedArticle, PlannedClaim};
use crate::export::segments::{Segment, segments, segments_between};
use maud::{Markup, html};

impl Report<'_, '_> {
    pub(super) fn article(&self, planned: &PlannedArticle<'_>) -> Markup {
        let article = planned.article;
        let lang = plausible_lang(&article.language);
        let dir = article_direction(article).as_str();
        let claims: Vec<&PlannedClaim<'_>> = self.plan.claims_of(planned).collect();
        html! {
            section.article id=(format!("article-{}", article.id)) { "\n"
                h2 dir="auto" lang=[lang] { (Text(title_or_untitled(&article.title))) } "\n"
                (self.article_meta(planned))
                @match &planned.excerpts {
                    // Each paragraph of the text takes its own direction
                    // (`unicode-bidi: plaintext` in the stylesheet).
                    None => { div.text dir=(dir) lang=[lang] { (self.annotated(&segments(self.plan, planned))) } "\n" }
                    Some(excerpts) => (self.in_context(planned, excerpts)),
                }
                @if !claims.is_empty() {
                    h3 { (claims.len()) " " (plural(claims.len(), "claim", "claims")) " in this article" } "\n"
                    div.cards { "\n"
                        @for claim in &claims { (self.card(claim)) }
                    } "\n"
                }
            } "\n"
        }
    }

    fn article_meta(&self, planned: &PlannedArticle<'_>) -> Markup {
        let article = planned.article;
        html! {
            dl.meta { "\n"
                @for (label, value) in [("Outlet", &article.outlet), ("Author", &article.author)] {
                    @if !value.trim().is_empty() { dt { (label) } dd { (bdi(value)) } "\n" }
                }
                @for (label, day) in [("Published", article.published), ("Retrieved", article.retrieved)] {
                    @if let Some(day) = day { dt { (label) } dd { (date(day)) } "\n" }
                }
                @if !article.url.trim().is_empty() {
                    dt { "Address" } dd { (link(&article.url, &article.url)) } "\n"
                }
                @if !article.language.trim().is_empty() {
                    dt { "Language" } dd { (bdi(&article.language)) } "\n"
                }
            } "\n"
            @if self.internal() && !article.notes.trim().is_empty() {
                div.note.internal { h5 { "Internal note" } (paragraphs(&article.notes)) } "\n"
            }
        }
    }

    /// The claims of an article not shown in full: each in the sentences
    /// holding its quote, highlighted, then a link to the whole article.
    fn in_context(&self, planned: &PlannedArticle<'_>, excerpts: &[(usize, usize)]) -> Markup {
        let article = planned.article;
        let lang = plausible_lang(&article.language);
        html! {
            @if !excerpts.is_empty() {
                h3 { "The claims in context" } "\n"
                @for &(from, to) in excerpts {
                    blockquote.text.context dir="auto" lang=[lang] {
                        (self.annotated(&segments_between(self.plan, planned, from, to)))
                    } "\n"
                }
            }
            @if !article.url.trim().is_empty() {
                p.whole { "Read the whole article: " (link(&article.url, title_or_untitled(&article.title))) } "\n"
            }
        }
    }

    /// Text runs with the numbers of the claims starting in them and one
    /// `<mark>` per covering claim, outer first.
    fn annotated(&self, segments: &[Segment<'_>]) -> Markup {
        html! {
            @for segment in segments { (self.segment(segment)) }
        }
    }

    fn segment(&self, segment: &Segment<'_>) -> Markup {
        let plan = self.plan;
        let depth = segment.covering.len();
        let marks: Vec<String> = segment
            .covering
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let level = (depth - 1 - k).min(3);
                format!("hl {} l{level}", self.verdict_class(plan.claims[i].verdict))
            })
            .collect();
        html! {
            @for &i in &segment.opens {
                @let claim = &plan.claims[i];
                a class=(format!("ref {}", self.verdict_class(claim.verdict)))
                    id=(format!("ref-{}", claim.fragment))
                    href=(format!("#{}", claim.fragment))
                    dir="ltr"
                    title=(format!("Claim {}", claim.number)) { (claim.number) }
            }
            @if !segment.text.is_empty() { (nested_marks(&marks, segment.text)) }
        }
    }
}

/// `text` inside one `<mark>` per class, the first outermost.
fn nested_marks(classes: &[String], text: &str) -> Markup {
    match classes.split_first() {
        None => html! { (Text(text)) },
        Some((outer, inner)) => html! { mark class=(outer) { (nested_marks(inner, text)) } },
    }
}
