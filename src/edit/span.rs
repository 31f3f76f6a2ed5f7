//! Planning changes to where a claim sits in its article: a new span
//! (moving either end, or re-anchoring to a selection) recaptures the quote
//! and its context from the article text and keeps every other field; and
//! the tidying of a selection before it is marked (spaces and punctuation
//! trimmed from both ends), so that every caller — the window, the command
//! line, scripts — marks the same quote for the same selection. Neither
//! ever leaves a quote end inside a character cluster (between a letter and
//! its combining mark, inside an emoji sequence or a flag): such an end
//! moves out to the cluster's edge, widening the quote.

use super::change::ClaimEdit;
use super::vocabulary::CommandError;
use crate::anchor::CharIndex;
use crate::model::{Article, Claim, Workspace};
use crate::text::{trim_selection, widen_to_clusters};

/// The anchor edit that puts `claim` on the chars `start..end` of its
/// article (widened to whole clusters) (an orphan so placed is attached again); `None` when it already
/// sits there with the same quote and context.
pub(super) fn span_edit(
    ws: &Workspace,
    claim: &Claim,
    start: usize,
    end: usize,
) -> Result<Option<ClaimEdit>, CommandError> {
    if claim.is_media() {
        return Err(CommandError::MediaHasNoQuote);
    }
    let article = ws
        .article(claim.article)
        .ok_or(CommandError::NoSuchArticle)?;
    let index = CharIndex::new(&article.text);
    index.capture(start, end)?;
    let (start, end) = widen_to_clusters(&index, start, end);
    let anchor = index.capture(start, end)?;
    let unchanged = anchor == claim.anchor && !claim.is_orphaned();
    Ok((!unchanged).then(|| ClaimEdit::Reanchor {
        anchor: Box::new(anchor),
        orphaned: None,
        removed_by_outlet: false,
    }))
}

/// The chars `start..end` of `article` trimmed of surrounding spaces and
/// punctuation and widened to whole clusters, checked first so that a range outside the text is refused
/// with the range asked for, not a clamped one.
pub(super) fn trimmed_selection(
    article: &Article,
    start: usize,
    end: usize,
) -> Result<(usize, usize), CommandError> {
    let index = CharIndex::new(&article.text);
    index.capture(start, end)?;
    match trim_selection(&index, start, end) {
        (s, e) if s < e => Ok(widen_to_clusters(&index, s, e)),
        _ => Err(CommandError::NothingToQuote(
            index.slice(start, end).unwrap_or_default().to_owned(),
        )),
    }
}

/// The span marking the chars `start..end` of `article` would give its
/// claim: the selection trimmed of spaces and punctuation at either end,
/// exactly as [`super::Command::MarkClaim`] trims it (so a caller can tell
/// beforehand whether that quote is already marked).
pub fn marked_span(
    article: &Article,
    start: usize,
    end: usize,
) -> Result<(usize, usize), CommandError> {
    trimmed_selection(article, start, end)
}
