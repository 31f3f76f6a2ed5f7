//! Where a claim of a PDF or Word document is, as every export cites it:
//! the pages of its quote's first and last chars (`p. 12–13`, by the
//! printed labels), found from its article's page starts. A claim whose
//! quote no longer matches its article's text has no page.

use super::plan::PlannedClaim;
use crate::model::Location;

/// The pages of a claim whose quote matches its paged article's text.
pub fn location_of(planned: &PlannedClaim<'_>) -> Option<Location> {
    let (start, end) = planned.span?;
    planned.article?.location(start, end)
}

/// The RFC 3778 fragment of the page a quote starts on: `page=12`, the
/// 1-based index (not the printed label).
pub fn pdf_fragment(location: &Location) -> String {
    format!("page={}", location.page)
}
