//! CSV: one row per claim, RFC 4180 (comma-separated, `"`-quoted where
//! needed, CRLF line ends), UTF-8, with a header row.
//!
//! Columns: claim id, article title, article URL, quote, statement,
//! claimant, reported by, verdict label, rating, status, priority, tags
//! (`; `-separated), rationale, evidence URLs (one per line), start, end.
//! Start and end are char offsets, left empty when the claim's anchor does
//! not match its article's text. Text cells that a spreadsheet would run as
//! a formula (starting with `=`, `+`, `-`, `@`, tab or CR) get a leading
//! apostrophe; everything else is written exactly as it is. Quoting is the
//! `csv` crate's.

use super::ExportError;
use super::escape::csv_cell;
use super::plan::{Plan, PlannedClaim, VerdictState};
use std::io;

/// The header row.
pub const HEADER: [&str; 16] = [
    "Claim ID",
    "Article title",
    "Article URL",
    "Quote",
    "Statement",
    "Claimant",
    "Reported by",
    "Verdict",
    "Rating",
    "Status",
    "Priority",
    "Tags",
    "Rationale",
    "Evidence URLs",
    "Start",
    "End",
];

/// Writes the header and one row per claim of the plan, in report order.
pub(super) fn write(plan: &Plan<'_>, out: &mut dyn io::Write) -> Result<(), ExportError> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(HEADER)?;
    for planned in &plan.claims {
        let cells = row(plan, planned);
        let safe: Vec<_> = cells.iter().map(|cell| csv_cell(cell)).collect();
        writer.write_record(safe.iter().map(|cell| cell.as_bytes()))?;
    }
    writer.flush()?;
    Ok(())
}

/// The cells of one claim's row, before formula neutralising.
fn row(plan: &Plan<'_>, planned: &PlannedClaim<'_>) -> [String; 16] {
    let claim = planned.claim;
    let (verdict, rating) = match planned.verdict {
        VerdictState::Rated(v) => (v.label.clone(), v.rating.map(|r| r.to_string())),
        VerdictState::Unrated => (String::new(), None),
        VerdictState::Unknown(key) => (key.to_owned(), None),
    };
    let evidence_urls: Vec<&str> = claim
        .evidence
        .iter()
        .filter_map(|e| plan.source(e.source))
        .map(|s| s.url.trim())
        .filter(|url| !url.is_empty())
        .collect();
    let (start, end) = planned
        .span
        .map(|(s, e)| (s.to_string(), e.to_string()))
        .unwrap_or_default();
    [
        claim.id.to_string(),
        planned.article.map(|a| a.title.clone()).unwrap_or_default(),
        planned.article.map(|a| a.url.clone()).unwrap_or_default(),
        claim.anchor.exact.clone(),
        claim.statement.clone(),
        claim.claimant.clone(),
        claim.reported_by.clone(),
        verdict,
        rating.unwrap_or_default(),
        claim.status.label().to_owned(),
        claim.priority.label().to_owned(),
        claim.tags.join("; "),
        claim.rationale.clone(),
        evidence_urls.join("\n"),
        start,
        end,
    ]
}
