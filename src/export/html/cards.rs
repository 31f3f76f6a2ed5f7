//! The report's claim cards: number, verdict badge, statement, quote,
//! facts, rationale, evidence with its sources, corrections — and in the
//! internal copy the claim's workflow: status, priority, publication,
//! reviews and internal note.

use super::Report;
use super::text::{Text, bdi, date, day, link, paragraphs};
use crate::export::plan::PlannedClaim;
use crate::model::{
    Claim, Correction, Evidence, PublicationAction, QuoteChange, ReviewOutcome, Source,
};
use maud::{Markup, html};

impl Report<'_, '_> {
    pub(super) fn card(&self, planned: &PlannedClaim<'_>) -> Markup {
        let claim = planned.claim;
        let class = self.verdict_class(planned.verdict);
        let fragment = &planned.fragment;
        let statement = planned.heading();
        html! {
            article class=(format!("card {class}")) id=(fragment) { "\n"
                div.card-head {
                    @if planned.span.is_some() {
                        a.num href=(format!("#ref-{fragment}")) title=(format!("Show claim {} in the text", planned.number)) { (planned.number) }
                    } @else {
                        span.num { (planned.number) }
                    }
                    (self.badge(planned.verdict))
                    h4 dir="auto" { (Text(&statement)) }
                } "\n"
                (self.quote(planned))
                (self.facts(planned))
                @if !claim.rationale.trim().is_empty() {
                    div.rationale { h5 { "Rationale" } "\n" (paragraphs(&claim.rationale)) } "\n"
                }
                (self.evidence(&claim.evidence))
                (self.corrections(claim))
                @if self.internal() { (self.workflow(claim)) }
                @if planned.span.is_some() {
                    p.back { a href=(format!("#ref-{fragment}")) { "↑ Back to the text" } } "\n"
                }
            } "\n"
        }
    }

    fn quote(&self, planned: &PlannedClaim<'_>) -> Markup {
        let quote = planned.quote();
        let lang = planned
            .article
            .and_then(|a| super::text::plausible_lang(&a.language));
        html! {
            @if !quote.trim().is_empty() { blockquote.quote dir="auto" lang=[lang] { (Text(quote)) } "\n" }
            (pages(planned))
            (moment(planned))
            @if let Some(media) = &planned.claim.media { (media_line(media)) }
            @if planned.fault.is_some() {
                p.warn { "This quote could not be found at its place in the current text of the article, so it is not highlighted there." } "\n"
            }
            @match planned.quote_change {
                Some(QuoteChange::Changed(when)) => {
                    p.warn.changed { "The article was changed on " (date(day(when))) ", after this check; the quote above is from the changed text." } "\n"
                    @if let Some(checked) = &planned.quote_as_checked {
                        p.checked-quote { "As checked: " } "\n"
                        blockquote.quote.as-checked dir="auto" lang=[lang] { (Text(checked)) } "\n"
                    }
                }
                Some(QuoteChange::Removed(when)) => {
                    p.warn.changed { "The article was changed on " (date(day(when))) ", after this check, and no longer holds this quote." } "\n"
                }
                None => {}
            }
        }
    }

    fn facts(&self, planned: &PlannedClaim<'_>) -> Markup {
        let claim = planned.claim;
        let tags: Vec<&String> = claim.tags.iter().filter(|t| !t.trim().is_empty()).collect();
        html! {
            dl.facts { "\n"
                @if !claim.claimant.trim().is_empty() {
                    dt { "Claimant" } dd { (bdi(&claim.claimant)) } "\n"
                }
                @if !claim.reported_by.trim().is_empty() {
                    dt { "Reported by" } dd { (bdi(&claim.reported_by)) } "\n"
                }
                @if !tags.is_empty() {
                    dt { "Tags" } dd { @for tag in &tags { span.tag { (bdi(tag)) } } } "\n"
                }
                @if let Some(first) = claim.first_published().filter(|_| claim.is_published()) {
                    dt { "Published" } dd { (date(day(first))) } "\n"
                }
                @if let Some(corrected) = claim.last_corrected() {
                    dt { "Corrected" } dd { (date(day(corrected))) } "\n"
                }
                @if self.internal() {
                    dt { "Status" } dd { (claim.status.label()) } "\n"
                    dt { "Priority" } dd { (claim.priority.label()) } "\n"
                }
            } "\n"
        }
    }

    fn evidence(&self, evidence: &[Evidence]) -> Markup {
        html! {
            @if !evidence.is_empty() {
                h5 { "Evidence" } "\n"
                ul.evidence { "\n"
                    @for item in evidence {
                        li {
                            span class=(format!("stance {}", item.stance.label().to_ascii_lowercase())) { (item.stance.label()) }
                            @match (self.plan.source(item.source), self.plan.source_number(item.source)) {
                                (Some(source), Some(n)) => {
                                    (source_line(source))
                                    " "
                                    a.sref href=(format!("#source-{n}")) { "[S" (n) "]" }
                                }
                                _ => em { "a source that is missing from the source library" },
                            }
                            @if !item.excerpt.trim().is_empty() {
                                "\n" blockquote.excerpt dir="auto" { (Text(&item.excerpt)) }
                                (self.excerpt_place(item))
                            }
                            @if !item.note.trim().is_empty() {
                                "\n" div.excerpt-note { (paragraphs(&item.note)) }
                            }
                        } "\n"
                    }
                } "\n"
            }
        }
    }

    fn corrections(&self, claim: &Claim) -> Markup {
        html! {
            @if !claim.corrections.is_empty() {
                div.corrections { h5 { "Corrections" } "\n" ol { "\n"
                    @for correction in &claim.corrections {
                        li { (self.correction_entry(correction)) } "\n"
                    }
                } } "\n"
            }
        }
    }

    /// A correction's date, what it changed, and its note.
    pub(super) fn correction_entry(&self, correction: &Correction) -> Markup {
        let label = |key: Option<&str>| -> String {
            match key {
                Some(key) => self
                    .plan
                    .workspace
                    .scale
                    .get(key)
                    .map_or_else(|| key.to_owned(), |v| v.label.clone()),
                None => "no verdict".to_owned(),
            }
        };
        html! {
            (date(day(correction.date))) ": "
            @for change in &correction.changes {
                @if let Some((old, new)) = change.reported_values() {
                    (change.field.label()) " changed from “" (bdi(old)) "” to “" (bdi(new)) "”. "
                } @else if let Some(phrase) = change.reported_phrase() {
                    (phrase) ". "
                }
            }
            @if let Some((old, new)) = correction.verdict_change() {
                "verdict changed from “" (bdi(&label(old))) "” to “" (bdi(&label(new))) "”. "
            }
            (bdi(&correction.note))
        }
    }

    /// The claim's workflow, for the internal copy only.
    fn workflow(&self, claim: &Claim) -> Markup {
        html! {
            div.internal { h5 { "Internal" } "\n"
                dl.facts { "\n"
                    dt { "Publication" }
                    dd {
                        @if claim.publication.is_empty() { "Draft — never published" }
                        @for event in &claim.publication {
                            span.event {
                                @match event.action {
                                    PublicationAction::Published => "Published ",
                                    PublicationAction::Unpublished => "Withdrawn ",
                                }
                                (date(day(event.date)))
                                @if !event.by.trim().is_empty() { " by " (bdi(&event.by)) }
                                ". "
                            }
                        }
                    } "\n"
                    @for review in &claim.reviews {
                        dt { "Review" }
                        dd {
                            @match review.outcome {
                                ReviewOutcome::Approved => "Approved ",
                                ReviewOutcome::SentBack => "Sent back ",
                            }
                            (date(day(review.date)))
                            @if !review.by.trim().is_empty() { " by " (bdi(&review.by)) }
                            @if !review.note.trim().is_empty() { ": " (bdi(&review.note)) }
                        } "\n"
                    }
                } "\n"
                @if !claim.internal_note.trim().is_empty() {
                    div.note { (paragraphs(&claim.internal_note)) } "\n"
                }
            } "\n"
        }
    }
}

/// The pages of a paged document's claim, `p. 12–13`; nothing for other
/// claims.
fn pages(planned: &PlannedClaim<'_>) -> Markup {
    match crate::export::pages::location_of(planned) {
        Some(location) => html! { p.pages { (bdi(&location.label())) } "\n" },
        None => html! {},
    }
}

/// When and by whom a transcript's claim was said, with a link opening
/// the recording there; nothing for other claims.
fn moment(planned: &PlannedClaim<'_>) -> Markup {
    use crate::export::moment::{label, moment_of, watch_label, watch_link};
    let Some(moment) = moment_of(planned) else {
        return html! {};
    };
    let watch = planned.article.and_then(|a| watch_link(a, &moment));
    html! {
        p.moment {
            "Said " (bdi(&label(&moment)))
            @if let Some(url) = watch {
                " · " a href=(url) rel="noopener" { (watch_label(&moment)) }
            }
        } "\n"
    }
}

/// What a claim about media is about, with a link opening the media (at
/// its time range when it has one).
fn media_line(media: &crate::model::MediaTarget) -> Markup {
    let url = media.url.trim();
    let target = crate::export::moment::media_target_link(media);
    html! {
        p.media {
            (media.about()) ": "
            @match target {
                Some(href) => a href=(href) rel="noopener noreferrer" { (bdi(url)) },
                None => (bdi(url)),
            }
        } "\n"
    }
}

/// A source's title (linked), publisher and date, on one line.
pub(super) fn source_line(source: &Source) -> Markup {
    html! {
        (link(&source.url, &source.title))
        @if !source.publisher.trim().is_empty() { " — " (bdi(&source.publisher)) }
        @if let Some(published) = source.published { ", " (date(published)) }
    }
}
