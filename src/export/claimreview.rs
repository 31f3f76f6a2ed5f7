//! schema.org ClaimReview JSON-LD: one `ClaimReview` per rated claim, as a
//! JSON array, with the fields Google's fact-check markup requires and
//! recommends.
//!
//! - `claimReviewed`: the claim's statement (whitespace collapsed), cut at a
//!   word boundary to at most [`CLAIM_REVIEWED_MAX`] chars; never the verdict.
//! - `reviewRating`: `alternateName` is the verdict label; `ratingValue`,
//!   `bestRating` and `worstRating` only when the verdict has a rating on
//!   the scale (and the scale's ratings form a range with worst ≥ 1).
//! - `url`: the workspace's report URL plus the claim's `#claim-…` fragment,
//!   which is the id of its card in the HTML report.
//! - `author`: the workspace publisher, an `Organization` with its URL.
//! - `datePublished`: the day the claim was first published (withdrawing
//!   and publishing again keeps it); absent for a draft in the internal
//!   copy. `dateModified`: the day of its latest correction, if any.
//! - `itemReviewed`: a `Claim` with `author` (the claimant, a `Person` or
//!   an `Organization` as the claim says), `datePublished` (the article's
//!   date) and `appearance`, the article as a `CreativeWork` (url,
//!   headline, datePublished, author, publisher). For a claim of a
//!   transcript the appearance is the recording — a `VideoObject`, or an
//!   `AudioObject` for an audio file, at the article's media URL (the page
//!   as a `CreativeWork` when it has none) — with `hasPart`, a `Clip` of the
//!   claim's time (`startOffset`, `endOffset` in seconds, the speaker as
//!   its `actor`, `url` opening the recording at that time). For a claim
//!   about media the appearance is the media itself — an `ImageObject`,
//!   `VideoObject` or `AudioObject` with its `contentUrl` — and, for a time
//!   range, a `Clip` of that range. For a claim of a PDF or Word document
//!   the appearance (the document) has as `hasPart` a `CreativeWork` named
//!   after the pages the quote is on (`p. 12–13`, the printed labels), its
//!   `url` the PDF's opened at the first of them (`#page=12`, RFC 3778)
//!   when it is on the web. `claimReviewed` falls back to
//!   "About the video at 12:03–12:19" while the statement is empty.
//!
//! Only the claims of the export's audience are written (published ones in
//! public). A claim whose verdict is not on the scale gets no ClaimReview,
//! and none is written when the workspace has no `http(s)` report URL,
//! because the `url` is required: [`super::missing_data`] says so per
//! claim, and the command line refuses to write the file.

use super::ExportError;
use super::escape::{is_web_url, safe_link};
use super::plan::{Plan, PlannedClaim, VerdictState};
use serde::Serialize;
use std::io;

/// Google shows `claimReviewed` on small screens; keep it under about 75 chars.
pub const CLAIM_REVIEWED_MAX: usize = 75;

/// One schema.org `ClaimReview`.
#[derive(Debug, Serialize)]
pub struct ClaimReview {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    url: String,
    #[serde(rename = "claimReviewed")]
    claim_reviewed: String,
    #[serde(rename = "reviewRating")]
    review_rating: Rating,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Agent>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(rename = "itemReviewed")]
    item_reviewed: ItemReviewed,
    /// Cited sources with an archived copy (`archivedAt`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    citation: Vec<super::archived::Citation>,
}

#[derive(Debug, Serialize)]
struct Rating {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "alternateName")]
    alternate_name: String,
    #[serde(rename = "ratingValue", skip_serializing_if = "Option::is_none")]
    rating_value: Option<u8>,
    #[serde(rename = "bestRating", skip_serializing_if = "Option::is_none")]
    best_rating: Option<u8>,
    #[serde(rename = "worstRating", skip_serializing_if = "Option::is_none")]
    worst_rating: Option<u8>,
}

#[derive(Debug, Serialize)]
pub(super) struct Agent {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Debug, Serialize)]
struct ItemReviewed {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Agent>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    appearance: Option<Appearance>,
}

#[derive(Debug, Serialize)]
struct Appearance {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(rename = "contentUrl", skip_serializing_if = "Option::is_none")]
    content_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<String>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Agent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Agent>,
    #[serde(rename = "hasPart", skip_serializing_if = "Option::is_none")]
    has_part: Option<Part>,
}

/// Where in the appearance the claim is: a clip of a recording, or the
/// pages of a document.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Part {
    Clip(Clip),
    Pages(Pages),
}

/// The pages of a document a claim's quote is on: a `CreativeWork` named
/// `p. 12–13` (the printed labels), opening the document at the first
/// page (RFC 3778 `#page=12`) when it is on the web.
#[derive(Debug, Serialize)]
struct Pages {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// The part of a recording a claim was said in.
#[derive(Debug, Serialize)]
struct Clip {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    #[serde(rename = "startOffset")]
    start_offset: f64,
    #[serde(rename = "endOffset")]
    end_offset: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    actor: Option<Agent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// Writes the ClaimReviews of the plan as a pretty-printed JSON array.
pub(super) fn write(plan: &Plan<'_>, out: &mut dyn io::Write) -> Result<(), ExportError> {
    let reviews = reviews(plan);
    serde_json::to_writer_pretty(&mut *out, &reviews)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// The ClaimReviews of the plan's rated claims, in report order.
pub(super) fn reviews(plan: &Plan<'_>) -> Vec<ClaimReview> {
    if plan.report_link("").is_none() {
        return Vec::new();
    }
    plan.claims
        .iter()
        .filter_map(|planned| review(plan, planned))
        .collect()
}

fn review(plan: &Plan<'_>, planned: &PlannedClaim<'_>) -> Option<ClaimReview> {
    let VerdictState::Rated(verdict) = planned.verdict else {
        return None;
    };
    let claim = planned.claim;
    let about = claim.media.as_ref().map(|m| m.about()).unwrap_or_default();
    let statement = match claim.statement.trim().is_empty() {
        false => &claim.statement,
        true if claim.is_media() => &about,
        true => &claim.anchor.exact,
    };
    let claim_reviewed = shorten(statement, CLAIM_REVIEWED_MAX);
    if claim_reviewed.is_empty() {
        return None;
    }
    let ws = plan.workspace;
    let numeric = numeric_rating(plan, verdict.rating);
    Some(ClaimReview {
        context: "https://schema.org",
        kind: "ClaimReview",
        url: plan.report_link(&planned.fragment)?,
        claim_reviewed,
        review_rating: Rating {
            kind: "Rating",
            alternate_name: verdict.label.clone(),
            rating_value: numeric.map(|(value, _, _)| value),
            best_rating: numeric.map(|(_, best, _)| best),
            worst_rating: numeric.map(|(_, _, worst)| worst),
        },
        author: organisation(&ws.publisher.name, &ws.publisher.url),
        date_published: claim.first_published().map(day),
        date_modified: claim.last_corrected().map(day),
        item_reviewed: ItemReviewed {
            kind: "Claim",
            author: agent(claim.claimant_kind.schema_type(), &claim.claimant),
            date_published: planned
                .article
                .and_then(|a| a.published)
                .map(|d| d.to_string()),
            appearance: match &claim.media {
                Some(media) => media_appearance(media),
                None => planned
                    .article
                    .and_then(appearance)
                    .map(|a| recording(a, planned))
                    .map(|a| with_pages(a, planned)),
            },
        },
        citation: super::archived::citations(plan, &claim.evidence),
    })
}

/// `(ratingValue, bestRating, worstRating)` when the verdict has a rating
/// that lies within a real range of the scale starting at 1 or above.
fn numeric_rating(plan: &Plan<'_>, rating: Option<u8>) -> Option<(u8, u8, u8)> {
    let scale = &plan.workspace.scale;
    let value = rating?;
    let best = scale.best_rating()?;
    let worst = scale.worst_rating()?;
    (worst >= 1 && worst < best && (worst..=best).contains(&value)).then_some((value, best, worst))
}

pub(super) fn organisation(name: &str, url: &str) -> Option<Agent> {
    let name = collapse_whitespace(name);
    let url = safe_link(url).filter(|u| is_web_url(u)).map(str::to_owned);
    (!name.is_empty() || url.is_some()).then(|| Agent {
        kind: "Organization",
        name: (!name.is_empty()).then_some(name),
        url,
    })
}

/// A named `Person` or `Organization`, when the name is not empty.
pub(super) fn agent(kind: &'static str, name: &str) -> Option<Agent> {
    let name = collapse_whitespace(name);
    (!name.is_empty()).then_some(Agent {
        kind,
        name: Some(name),
        url: None,
    })
}

/// The day of a moment, in UTC, as schema.org `Date` text.
pub(super) fn day(moment: jiff::Timestamp) -> String {
    moment.strftime("%Y-%m-%d").to_string()
}

/// The article as the `CreativeWork` the claim appeared in.
fn appearance(article: &crate::model::Article) -> Option<Appearance> {
    let url = safe_link(&article.url)
        .filter(|u| is_web_url(u))
        .map(str::to_owned);
    let headline = collapse_whitespace(&article.title);
    (url.is_some() || !headline.is_empty()).then(|| Appearance {
        kind: "CreativeWork",
        url,
        content_url: None,
        headline: (!headline.is_empty()).then_some(headline),
        date_published: article.published.map(|d| d.to_string()),
        author: agent("Person", &article.author),
        publisher: agent("Organization", &article.outlet),
        has_part: None,
    })
}

/// For a claim of a transcript, the appearance as the recording with the
/// clip of the claim's time; other appearances unchanged.
fn recording(mut appearance: Appearance, planned: &PlannedClaim<'_>) -> Appearance {
    use super::moment::{label, media_url, moment_of, watch_link};
    let (Some(article), Some(moment)) = (planned.article, moment_of(planned)) else {
        return appearance;
    };
    if let Some(media) = media_url(article) {
        appearance.kind = if super::moment::is_audio(media) {
            "AudioObject"
        } else {
            "VideoObject"
        };
        appearance.url = Some(media.to_owned());
    }
    appearance.has_part = Some(Part::Clip(Clip {
        kind: "Clip",
        name: label(&moment),
        start_offset: crate::model::seconds(moment.from_ms),
        end_offset: crate::model::seconds(moment.to_ms),
        actor: moment.speaker.as_deref().and_then(|s| agent("Person", s)),
        url: watch_link(article, &moment),
    }));
    appearance
}

/// For a claim of a PDF or Word document, the appearance with the pages
/// its quote is on; other appearances unchanged.
fn with_pages(mut appearance: Appearance, planned: &PlannedClaim<'_>) -> Appearance {
    let Some(location) = super::pages::location_of(planned) else {
        return appearance;
    };
    let is_pdf = planned
        .article
        .is_some_and(|a| a.source.to_lowercase().ends_with(".pdf"));
    let url = appearance
        .url
        .as_deref()
        .filter(|_| is_pdf)
        .map(|url| url.split('#').next().unwrap_or(url))
        .map(|url| format!("{url}#{}", super::pages::pdf_fragment(&location)));
    appearance.has_part = Some(Part::Pages(Pages {
        kind: "CreativeWork",
        name: location.label(),
        url,
    }));
    appearance
}

/// A claim's media as the `ImageObject`, `VideoObject` or `AudioObject`
/// it appeared as, with the `Clip` of its time range when it has one;
/// `None` when its address is not `http(s)`.
fn media_appearance(media: &crate::model::MediaTarget) -> Option<Appearance> {
    let url = media.url.trim();
    if !is_web_url(url) {
        return None;
    }
    let clip = media.moment().map(|moment| Clip {
        kind: "Clip",
        name: moment.range_label(),
        start_offset: crate::model::seconds(moment.from_ms),
        end_offset: crate::model::seconds(moment.to_ms),
        actor: None,
        url: super::moment::link_at(url, &moment),
    });
    Some(Appearance {
        kind: media.kind.schema_type(),
        url: None,
        content_url: Some(url.to_owned()),
        headline: None,
        date_published: None,
        author: None,
        publisher: None,
        has_part: clip.map(Part::Clip),
    })
}

pub(super) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` on one line, cut at the last word boundary so that it has at most
/// `max` chars including a closing `…`.
pub(super) fn shorten(text: &str, max: usize) -> String {
    let text = collapse_whitespace(text);
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if space > cut.len() / 2 => &cut[..space],
        _ => &cut,
    };
    let trimmed = at_word.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—".contains(c));
    format!("{trimmed}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_statements_are_kept_and_long_ones_cut_at_a_word() {
        assert_eq!(
            shorten("  Xi   visited\nMoscow. ", 75),
            "Xi visited Moscow."
        );
        let long =
            "China supplies Russia with weapons and critical materials for defence production.";
        let short = shorten(long, 75);
        assert_eq!(
            short,
            "China supplies Russia with weapons and critical materials for defence…"
        );
        assert!(short.chars().count() <= 75);
        let unspaced = "非常长的中文句子".repeat(20);
        assert_eq!(shorten(&unspaced, 10).chars().count(), 10);
    }
}
