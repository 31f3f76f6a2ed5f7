//! CSV: one row per claim, RFC 4180 (comma-separated, `"`-quoted where
//! needed, CRLF line ends), UTF-8, with a header row.
//!
//! Columns ([`HEADER`]): claim number (as in the report), claim id,
//! article title and URL, quote, statement, claimant and its kind, reported
//! by, verdict label, rating, tags, rationale, published date (first
//! publication), approved by, number of corrections, the cited sources'
//! titles and URLs, each piece of evidence's stance and excerpt, start and
//! end; the internal copy adds status, priority, internal note, reviews
//! and the article's note ([`INTERNAL_HEADER`]). When an exported article
//! is a transcript, [`TRANSCRIPT_HEADER`] follows at the very end: the
//! claim's start and end in seconds, its speaker and the link opening the
//! recording there (empty for claims of other articles). When an exported
//! claim is about media, [`MEDIA_HEADER`] follows after those: the media's
//! URL, kind (`image`, `video`, `audio`) and time range in seconds (empty
//! for text claims); an export without media claims has no such columns.
//! When an exported article is a PDF or Word document, [`PAGE_HEADER`]
//! comes last: the pages of the quote's first and last chars (1-based) and
//! their printed labels (empty for claims of other articles).
//! Lists are joined with [`LIST_SEPARATOR`]
//! everywhere, one item per piece of evidence in the evidence columns (so
//! the n-th title, URL, stance and excerpt belong together). Start and end
//! are char offsets, left empty when the claim's anchor does not match its
//! article's text. Text cells that a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, tab or CR) get a leading apostrophe;
//! everything else is written exactly as it is. Quoting is the `csv`
//! crate's.

use super::ExportError;
use super::escape::csv_cell;
use super::plan::{Plan, PlannedClaim, VerdictState};
use std::io;

/// The header row of a public export.
pub const HEADER: [&str; 22] = [
    "Number",
    "Claim ID",
    "Article title",
    "Article URL",
    "Quote",
    "Statement",
    "Claimant",
    "Claimant kind",
    "Reported by",
    "Verdict",
    "Rating",
    "Tags",
    "Rationale",
    "Published",
    "Approved by",
    "Corrections",
    "Source titles",
    "Source URLs",
    "Evidence stances",
    "Evidence excerpts",
    "Start",
    "End",
];

/// The columns the internal copy adds after [`HEADER`].
pub const INTERNAL_HEADER: [&str; 5] = [
    "Status",
    "Priority",
    "Internal note",
    "Reviews",
    "Article note",
];

/// The columns added at the end when an exported article is a transcript.
pub const TRANSCRIPT_HEADER: [&str; 4] = ["Start (s)", "End (s)", "Speaker", "Watch at"];

/// The columns added at the very end when an exported claim is about media.
pub const MEDIA_HEADER: [&str; 4] = [
    "Media URL",
    "Media kind",
    "Media start (s)",
    "Media end (s)",
];

/// The columns added last when an exported article has pages.
pub const PAGE_HEADER: [&str; 4] = ["Page", "End page", "Page label", "End page label"];

/// What joins the items of a list in one cell.
pub const LIST_SEPARATOR: &str = "; ";

/// Writes the header and one row per claim of the plan, in report order.
pub(super) fn write(plan: &Plan<'_>, out: &mut dyn io::Write) -> Result<(), ExportError> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    let internal = !plan.audience.is_public();
    let mut header: Vec<&str> = HEADER.to_vec();
    if internal {
        header.extend(INTERNAL_HEADER);
    }
    let transcripts = plan.articles.iter().any(|a| a.article.transcript.is_some());
    if transcripts {
        header.extend(TRANSCRIPT_HEADER);
    }
    let media = plan.claims.iter().any(|p| p.claim.is_media());
    if media {
        header.extend(MEDIA_HEADER);
    }
    let paged = plan.articles.iter().any(|a| !a.article.pages.is_empty());
    if paged {
        header.extend(PAGE_HEADER);
    }
    writer.write_record(&header)?;
    for planned in &plan.claims {
        let mut cells = row(plan, planned).to_vec();
        if internal {
            let claim = planned.claim;
            cells.push(claim.status.label().to_owned());
            cells.push(claim.priority.label().to_owned());
            cells.push(claim.internal_note.clone());
            cells.push(reviews(claim));
            cells.push(planned.article.map(|a| a.notes.clone()).unwrap_or_default());
        }
        if transcripts {
            cells.extend(moment_cells(planned));
        }
        if media {
            cells.extend(media_cells(planned.claim));
        }
        if paged {
            cells.extend(page_cells(planned));
        }
        let safe: Vec<_> = cells.iter().map(|cell| csv_cell(cell)).collect();
        writer.write_record(safe.iter().map(|cell| cell.as_bytes()))?;
    }
    writer.flush()?;
    Ok(())
}

/// Page, end page and their labels of a paged document's claim.
fn page_cells(planned: &PlannedClaim<'_>) -> [String; 4] {
    match super::pages::location_of(planned) {
        Some(l) => [
            l.page.to_string(),
            l.end_page.to_string(),
            l.page_label,
            l.end_page_label,
        ],
        None => Default::default(),
    }
}

/// Start and end in seconds, speaker and watch link of a transcript's claim.
fn moment_cells(planned: &PlannedClaim<'_>) -> [String; 4] {
    use super::moment::{moment_of, npt, watch_link};
    let Some(moment) = moment_of(planned) else {
        return Default::default();
    };
    let watch = planned
        .article
        .and_then(|a| watch_link(a, &moment))
        .unwrap_or_default();
    [
        npt(moment.from_ms),
        npt(moment.to_ms),
        moment.speaker.clone().unwrap_or_default(),
        watch,
    ]
}

/// URL, kind and range (seconds) of a media claim's target; empty for others.
fn media_cells(claim: &crate::model::Claim) -> [String; 4] {
    use super::moment::npt;
    let Some(media) = &claim.media else {
        return Default::default();
    };
    let moment = media.moment();
    [
        media.url.trim().to_owned(),
        media.kind.key().to_owned(),
        moment.as_ref().map(|m| npt(m.from_ms)).unwrap_or_default(),
        moment.as_ref().map(|m| npt(m.to_ms)).unwrap_or_default(),
    ]
}

/// A claim's reviews: "approved 2026-03-01 by Name" or "sent back … : note".
fn reviews(claim: &crate::model::Claim) -> String {
    use crate::model::ReviewOutcome;
    let items: Vec<String> = claim
        .reviews
        .iter()
        .map(|r| {
            let outcome = match r.outcome {
                ReviewOutcome::Approved => "approved",
                ReviewOutcome::SentBack => "sent back",
            };
            let mut item = format!(
                "{outcome} {} by {}",
                r.date.strftime("%Y-%m-%d"),
                r.by.trim()
            );
            if !r.note.trim().is_empty() {
                item.push_str(": ");
                item.push_str(r.note.trim());
            }
            item
        })
        .collect();
    items.join(LIST_SEPARATOR)
}

/// The cells of one claim's row (public columns), before formula neutralising.
fn row(plan: &Plan<'_>, planned: &PlannedClaim<'_>) -> [String; 22] {
    let claim = planned.claim;
    let (verdict, rating) = match planned.verdict {
        VerdictState::Rated(v) => (v.label.clone(), v.rating.map(|r| r.to_string())),
        VerdictState::Unrated => (String::new(), None),
        VerdictState::Unknown(key) => (key.to_owned(), None),
    };
    let sources: Vec<Option<&crate::model::Source>> = claim
        .evidence
        .iter()
        .map(|e| plan.source(e.source))
        .collect();
    let list = |items: Vec<String>| items.join(LIST_SEPARATOR);
    let (start, end) = planned
        .span
        .map(|(s, e)| (s.to_string(), e.to_string()))
        .unwrap_or_default();
    [
        planned.number.to_string(),
        claim.id.to_string(),
        planned.article.map(|a| a.title.clone()).unwrap_or_default(),
        planned.article.map(|a| a.url.clone()).unwrap_or_default(),
        claim.anchor.exact.clone(),
        claim.statement.clone(),
        claim.claimant.clone(),
        claim.claimant_kind.label().to_owned(),
        claim.reported_by.clone(),
        verdict,
        rating.unwrap_or_default(),
        claim.tags.join(LIST_SEPARATOR),
        claim.rationale.clone(),
        claim
            .first_published()
            .filter(|_| claim.is_published())
            .map(|t| t.strftime("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        claim.approved_by().unwrap_or_default().to_owned(),
        claim.corrections.len().to_string(),
        list(
            sources
                .iter()
                .map(|s| {
                    s.map_or_else(
                        || "(missing source)".to_owned(),
                        |s| s.title.trim().to_owned(),
                    )
                })
                .collect(),
        ),
        list(
            sources
                .iter()
                .map(|s| s.map(|s| s.url.trim().to_owned()).unwrap_or_default())
                .collect(),
        ),
        list(
            claim
                .evidence
                .iter()
                .map(|e| e.stance.label().to_owned())
                .collect(),
        ),
        list(
            claim
                .evidence
                .iter()
                .map(|e| e.excerpt.trim().to_owned())
                .collect(),
        ),
        start,
        end,
    ]
}
