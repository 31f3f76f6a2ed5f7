//! Correcting an article's text in place (a paste or OCR error), one edit
//! at a time: the chars `start..end` are replaced by a text, and every
//! claim of the article follows — left alone before the edit, shifted
//! after it, shrunk or grown where the edit cuts into its quote, and made
//! an orphan (everything kept) when its whole quote is deleted. Claims
//! hold whole words, so letters typed against a quote's first or last
//! word join it, while a space or punctuation typed there stays outside.
//! Every claim whose quote or context the edit reaches gets its quote and
//! context captured again from the new text; the others only move.
//!
//! The text is corrected, not versioned: an edit in the window is not a
//! newer version from the outlet (see `docs/window.md`).

use super::change::{ClaimEdit, Edit, TextSplice};
use super::command::{CommandError, Outcome};
use crate::anchor::{AnchorFault, CONTEXT_CHARS, CharIndex};
use crate::model::{ArticleId, Claim, Workspace};
use crate::text::{CharCategory, trim_selection};
use jiff::Timestamp;
use std::cell::OnceCell;
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One edit of an article's text: chars `start..end` become `text`.
struct Splice<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// `text`'s length in chars.
    len: usize,
}

impl Splice<'_> {
    /// How much longer (or shorter) the text gets, in chars.
    fn delta(&self) -> isize {
        self.len as isize - (self.end - self.start) as isize
    }

    fn deletes(&self) -> bool {
        self.end > self.start
    }
}

/// A char index of the new text, made the first time it is needed.
struct LazyIndex<'a> {
    text: &'a str,
    index: OnceCell<CharIndex<'a>>,
}

impl<'a> LazyIndex<'a> {
    fn get(&self) -> &CharIndex<'a> {
        self.index.get_or_init(|| CharIndex::new(self.text))
    }
}

/// What becomes of one claim.
#[derive(Debug, PartialEq)]
enum Fate {
    /// Neither its quote nor its context is reached.
    Stays,
    /// After the edit, its context untouched: only its offsets move.
    Shifts,
    /// The edit reaches its quote or context: these chars of the new text.
    Recaptured(usize, usize),
    /// Its whole quote was deleted.
    Orphaned,
}

/// The text as it will be stored: line breaks as `\n`, composed (NFC), as
/// imported text is.
pub(super) fn normalised_insert(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .nfc()
        .collect()
}

/// The edit replacing chars `start..end` of `article` by `text`, with every
/// claim of the article following it; nothing when the text stays the same.
pub(super) fn plan_text_edit(
    ws: &Workspace,
    article: ArticleId,
    start: usize,
    end: usize,
    text: &str,
    at: jiff::Timestamp,
) -> Result<(Edit, Outcome), CommandError> {
    let index = ws
        .articles
        .iter()
        .position(|a| a.id == article)
        .ok_or(CommandError::NoSuchArticle)?;
    let old_text = &ws.articles[index].text;
    let old = CharIndex::new(old_text);
    check_range(&old, start, end)?;
    let (start, text) = composed_with_char_before(&old, start, normalised_insert(text));
    let splice = Splice {
        start,
        end,
        len: text.chars().count(),
        text: &text,
    };
    let caret = Outcome::TextEdited {
        caret: start + splice.len,
    };
    if old.slice(start, end) == Some(text.as_str()) {
        return Ok((Edit::NOTHING, Outcome::Unchanged));
    }
    let new_text = spliced(old_text, &old, &splice);
    // Built only when a claim near the edit is captured again.
    let new = LazyIndex {
        text: &new_text,
        index: OnceCell::new(),
    };
    let now = at;
    let mut shifted = Vec::new();
    let mut claim_edits = Vec::new();
    for (claim_index, claim) in ws.claims.iter().enumerate() {
        if claim.article != article || claim.is_orphaned() || old.check(&claim.anchor).is_err() {
            continue;
        }
        let edit = match fate(claim, &splice, &old, &new) {
            Fate::Stays => None,
            Fate::Shifts => {
                shifted.push(claim_index);
                None
            }
            Fate::Recaptured(s, e) => recapture(claim, new.get(), s, e),
            Fate::Orphaned => Some(orphan(claim, now)),
        };
        claim_edits.extend(edit.map(|edit| Edit::ChangeClaim {
            index: claim_index,
            edit,
            updated: now,
        }));
    }
    let splice_edit = Edit::SpliceText(Box::new(TextSplice {
        article: index,
        start,
        end,
        text,
        shifted: runs(&shifted),
    }));
    let mut edits = Vec::with_capacity(claim_edits.len() + 1);
    edits.push(splice_edit);
    edits.extend(claim_edits);
    Ok((Edit::Group(edits), caret))
}

fn check_range(index: &CharIndex, start: usize, end: usize) -> Result<(), CommandError> {
    if start > end {
        return Err(AnchorFault::Reversed { start, end }.into());
    }
    if end > index.char_len() {
        let len = index.char_len();
        return Err(AnchorFault::OutOfRange { start, end, len }.into());
    }
    Ok(())
}

/// An accent typed after a letter composes with it, so the text stays NFC:
/// the splice then starts a char earlier and puts the composed letter in.
fn composed_with_char_before(old: &CharIndex, start: usize, text: String) -> (usize, String) {
    let starts_with_mark = text.chars().next().is_some_and(is_combining_mark);
    let before = start.checked_sub(1).and_then(|at| old.slice(at, start));
    match before {
        Some(base) if starts_with_mark => {
            let joined = format!("{base}{text}");
            let composed: String = joined.nfc().collect();
            if composed == joined {
                (start, text)
            } else {
                (start - 1, composed)
            }
        }
        _ => (start, text),
    }
}

/// `text` with the splice made.
fn spliced(text: &str, index: &CharIndex, splice: &Splice) -> String {
    let from = index.byte_of(splice.start).unwrap_or(text.len());
    let to = index.byte_of(splice.end).unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + splice.text.len());
    out.push_str(&text[..from]);
    out.push_str(splice.text);
    out.push_str(&text[to..]);
    out
}

/// Where the claim goes, in chars of the new text.
fn fate(claim: &Claim, splice: &Splice, old: &CharIndex, new: &LazyIndex) -> Fate {
    let (cs, ce) = (claim.anchor.start, claim.anchor.end);
    let (s, e) = (splice.start, splice.end);
    if ce + CONTEXT_CHARS <= s {
        return Fate::Stays;
    }
    if cs >= e + CONTEXT_CHARS {
        return Fate::Shifts;
    }
    if splice.deletes() && s <= cs && ce <= e {
        return Fate::Orphaned;
    }
    let shift = |p: usize| (p as isize + splice.delta()) as usize;
    let start_cut = splice.deletes() && (s..e).contains(&cs);
    let end_cut = splice.deletes() && ce > s && ce <= e;
    let mut ns = match cs {
        _ if cs < s => cs,
        _ if start_cut => s,
        _ => shift(cs),
    };
    let mut ne = match ce {
        _ if ce <= s => ce,
        _ if end_cut => s + splice.len,
        _ => shift(ce),
    };
    let start_joins = e == cs && !start_cut;
    let end_joins = s == ce && !end_cut;
    if start_joins {
        ns -= joined_before(splice.text, first_char(old, cs));
    }
    if end_joins {
        ne += joined_after(splice.text, last_char(old, ce));
    }
    let (start_touched, end_touched) = (start_cut || start_joins, end_cut || end_joins);
    if start_touched || end_touched {
        // An end the edit reached is tidied as a new quote's ends are.
        let (ts, te) = trim_selection(new.get(), ns, ne);
        if ts >= te {
            return Fate::Orphaned;
        }
        ns = if start_touched { ts } else { ns };
        ne = if end_touched { te } else { ne };
    }
    if ns >= ne {
        return Fate::Orphaned;
    }
    Fate::Recaptured(ns, ne)
}

fn first_char(index: &CharIndex, at: usize) -> Option<char> {
    index.slice(at, at + 1)?.chars().next()
}

fn last_char(index: &CharIndex, end: usize) -> Option<char> {
    index.slice(end.checked_sub(1)?, end)?.chars().next()
}

/// Chars that never start a character on screen: combining marks, the
/// zero-width joiner, variation selectors and skin-tone modifiers.
fn continues_cluster(c: char) -> bool {
    is_combining_mark(c)
        || c == '\u{200d}'
        || ('\u{fe00}'..='\u{fe0f}').contains(&c)
        || ('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
}

/// How many chars at the head of `inserted` continue the word (or the
/// character) the quote ends with, `last`.
fn joined_after(inserted: &str, last: Option<char>) -> usize {
    let Some(last) = last else { return 0 };
    let word = CharCategory::of(last);
    inserted
        .chars()
        .take_while(|&c| {
            continues_cluster(c) || (word.is_wordlike() && CharCategory::of(c) == word)
        })
        .count()
}

/// How many chars at the tail of `inserted` begin the word the quote
/// starts with, `first`.
fn joined_before(inserted: &str, first: Option<char>) -> usize {
    let Some(first) = first else { return 0 };
    let word = CharCategory::of(first);
    if !word.is_wordlike() || continues_cluster(first) {
        return 0;
    }
    let run = inserted
        .chars()
        .rev()
        .take_while(|&c| continues_cluster(c) || CharCategory::of(c) == word)
        .count();
    // A run of marks alone belongs to the char before the edit.
    let marks = inserted
        .chars()
        .rev()
        .take(run)
        .filter(|&c| continues_cluster(c))
        .count();
    if marks == run { 0 } else { run }
}

/// The anchor edit putting `claim` on chars `start..end` of the new text;
/// `None` when that is the anchor it has.
fn recapture(claim: &Claim, new: &CharIndex, start: usize, end: usize) -> Option<ClaimEdit> {
    let anchor = new.capture(start, end).ok()?;
    (anchor != claim.anchor).then(|| ClaimEdit::Reanchor {
        anchor: Box::new(anchor),
        orphaned: None,
        removed_by_outlet: false,
    })
}

/// The orphan marker for a claim whose quote was deleted; its anchor kept.
fn orphan(claim: &Claim, now: Timestamp) -> ClaimEdit {
    ClaimEdit::Reanchor {
        anchor: Box::new(claim.anchor.clone()),
        orphaned: Some(now),
        removed_by_outlet: false,
    }
}

/// Ascending indices as runs of consecutive ones.
fn runs(indices: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for &i in indices {
        match out.last_mut() {
            Some(run) if run.end == i => run.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

#[cfg(test)]
mod tests;
