//! schema.org MediaReview JSON-LD: one `MediaReview` per rated claim about
//! media (an image, a video or a recording), as a JSON array, beside the
//! ClaimReview export.
//!
//! - `url`, `author`, `datePublished`, `dateModified`: as in ClaimReview
//!   (the report URL with the claim's fragment, the publisher, the days of
//!   first publication and latest correction).
//! - `mediaAuthenticityCategory`: one of schema.org's six
//!   `MediaManipulationRatingEnumeration` values, only when the verdict's
//!   key or label names one (case, spaces, hyphens and a missing "Content"
//!   ignored: "Decontextualized", "Edited or cropped"); otherwise left out,
//!   and [`super::warnings`] says so.
//! - `originalMediaLink`: the `http(s)` URL of the first source the claim
//!   cites as supporting or context evidence, if any.
//! - `itemReviewed`: a `MediaReviewItem` with the claimant as `creator`
//!   and `mediaItemAppearance`, the media as an `ImageObject`,
//!   `VideoObject` or `AudioObject` with its `contentUrl` and, for a time
//!   range, `startTime` and `endTime` as ISO 8601 durations (`PT12M3S`).
//!
//! Like ClaimReview, nothing is written when the workspace has no `http(s)`
//! report URL.

use super::ExportError;
use super::claimreview::{Agent, agent, day, organisation};
use super::escape::is_web_url;
use super::plan::{Plan, PlannedClaim, VerdictState};
use crate::model::{MediaTarget, Stance};
use serde::Serialize;
use std::io;

/// schema.org's `MediaManipulationRatingEnumeration` values.
pub const CATEGORIES: [&str; 6] = [
    "OriginalMediaContent",
    "TransformedContent",
    "EditedOrCroppedContent",
    "SatireOrParodyContent",
    "DecontextualizedContent",
    "StagedContent",
];

/// One schema.org `MediaReview`.
#[derive(Debug, Serialize)]
pub struct MediaReview {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Agent>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(
        rename = "mediaAuthenticityCategory",
        skip_serializing_if = "Option::is_none"
    )]
    media_authenticity_category: Option<&'static str>,
    #[serde(rename = "originalMediaLink", skip_serializing_if = "Option::is_none")]
    original_media_link: Option<String>,
    #[serde(rename = "itemReviewed")]
    item_reviewed: Item,
}

#[derive(Debug, Serialize)]
struct Item {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Agent>,
    #[serde(rename = "mediaItemAppearance")]
    appearance: Vec<MediaObject>,
}

#[derive(Debug, Serialize)]
struct MediaObject {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "contentUrl")]
    content_url: String,
    #[serde(rename = "startTime", skip_serializing_if = "Option::is_none")]
    start_time: Option<String>,
    #[serde(rename = "endTime", skip_serializing_if = "Option::is_none")]
    end_time: Option<String>,
}

/// Writes the MediaReviews of the plan as a pretty-printed JSON array.
pub(super) fn write(plan: &Plan<'_>, out: &mut dyn io::Write) -> Result<(), ExportError> {
    serde_json::to_writer_pretty(&mut *out, &reviews(plan))?;
    out.write_all(b"\n")?;
    Ok(())
}

/// The MediaReviews of the plan's rated media claims, in report order.
pub fn reviews(plan: &Plan<'_>) -> Vec<MediaReview> {
    if plan.report_link("").is_none() {
        return Vec::new();
    }
    plan.claims
        .iter()
        .filter_map(|planned| review(plan, planned))
        .collect()
}

fn review(plan: &Plan<'_>, planned: &PlannedClaim<'_>) -> Option<MediaReview> {
    let VerdictState::Rated(verdict) = planned.verdict else {
        return None;
    };
    let claim = planned.claim;
    let media = claim.media.as_ref()?;
    let content_url = media.url.trim();
    if !is_web_url(content_url) {
        return None;
    }
    let ws = plan.workspace;
    Some(MediaReview {
        context: "https://schema.org",
        kind: "MediaReview",
        url: plan.report_link(&planned.fragment)?,
        author: organisation(&ws.publisher.name, &ws.publisher.url),
        date_published: claim.first_published().map(day),
        date_modified: claim.last_corrected().map(day),
        media_authenticity_category: category(&verdict.key).or_else(|| category(&verdict.label)),
        original_media_link: original_link(plan, planned),
        item_reviewed: Item {
            kind: "MediaReviewItem",
            creator: agent(claim.claimant_kind.schema_type(), &claim.claimant),
            appearance: vec![media_object(media, content_url)],
        },
    })
}

fn media_object(media: &MediaTarget, content_url: &str) -> MediaObject {
    let moment = media.moment();
    MediaObject {
        kind: media.kind.schema_type(),
        content_url: content_url.to_owned(),
        start_time: moment.as_ref().map(|m| duration(m.from_ms)),
        end_time: moment.as_ref().map(|m| duration(m.to_ms)),
    }
}

/// The schema.org category a verdict's key or label names, if any:
/// `Decontextualized`, `edited-or-cropped`, `Original media` all count.
pub fn category(name: &str) -> Option<&'static str> {
    let squeezed: String = name
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '_')
        .flat_map(char::to_lowercase)
        .collect();
    if squeezed.is_empty() {
        return None;
    }
    CATEGORIES.into_iter().find(|cat| {
        let cat = cat.to_ascii_lowercase();
        let core = cat.strip_suffix("content").unwrap_or(&cat);
        squeezed == cat || squeezed == core
    })
}

/// The URL of the first source cited as supporting or context evidence.
fn original_link(plan: &Plan<'_>, planned: &PlannedClaim<'_>) -> Option<String> {
    planned
        .claim
        .evidence
        .iter()
        .filter(|e| matches!(e.stance, Stance::Supports | Stance::Context))
        .filter_map(|e| plan.source(e.source))
        .map(|s| s.url.trim())
        .find(|url| is_web_url(url))
        .map(str::to_owned)
}

/// Milliseconds as an ISO 8601 duration: `PT12M3S`, `PT1H2M3.5S`, `PT0S`.
pub fn duration(ms: u64) -> String {
    let (h, m, s, frac) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if s > 0 || frac > 0 || (h == 0 && m == 0) {
        let fraction = format!("{frac:03}");
        match fraction.trim_end_matches('0') {
            "" => out.push_str(&format!("{s}S")),
            digits => out.push_str(&format!("{s}.{digits}S")),
        }
    }
    out
}

/// The rated media claims whose verdict names no schema.org category, for
/// [`super::warnings`].
pub(super) fn uncategorised<'p>(plan: &'p Plan<'_>) -> impl Iterator<Item = &'p PlannedClaim<'p>> {
    plan.claims.iter().filter(|p| match p.verdict {
        VerdictState::Rated(v) => {
            p.claim.is_media() && category(&v.key).or_else(|| category(&v.label)).is_none()
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(duration(723_000), "PT12M3S");
        assert_eq!(duration(0), "PT0S");
        assert_eq!(duration(3_723_500), "PT1H2M3.5S");
        assert_eq!(duration(3_600_000), "PT1H");
        assert_eq!(duration(250), "PT0.25S");
    }

    #[test]
    fn verdicts_naming_a_category_map_to_it() {
        for (name, expected) in [
            ("Decontextualized", Some("DecontextualizedContent")),
            ("Edited or cropped", Some("EditedOrCroppedContent")),
            ("edited-or-cropped", Some("EditedOrCroppedContent")),
            ("SATIRE OR PARODY", Some("SatireOrParodyContent")),
            ("Original media", Some("OriginalMediaContent")),
            ("staged_content", Some("StagedContent")),
            ("Transformed", Some("TransformedContent")),
            ("False", None),
            ("Original", None),
            ("", None),
        ] {
            assert_eq!(category(name), expected, "{name}");
        }
    }
}
