//! Following claims into a newer version of their article's text.
//!
//! Each anchor gets one [`Outcome`], with a score from 0 to 1:
//!
//! - *unchanged*: the exact quote at the same place;
//! - *moved*: the exact quote elsewhere — where the old→new diff carried it
//!   whole, or, when it was cut and pasted, the occurrence in the new text
//!   that is not a copy of some other old passage, chosen by prefix, suffix
//!   and position;
//! - *edited*: the quote's words partly changed (a typo fixed, a word
//!   replaced, a number corrected — never *unchanged*): its edges are mapped
//!   through the diff, which works on whole words, so the new span covers the
//!   edited words and never half a word;
//! - *orphaned*: nothing scored above [`SCORE_FLOOR`], two candidates scored
//!   within [`CLOSE_SCORES`] of each other, or the only candidate was old
//!   text that some other passage said. An orphan is not attached to
//!   anything: its claim keeps its old anchor.
//!
//! Every anchor found is captured again from the new text, so its prefix and
//! suffix are the new ones and it slices to its `exact` there.
//!
//! [`compare`] shows what changed between two versions, sentence by sentence.

mod compare;
mod diff;
mod score;

mod passages;

pub use compare::{COMPARE_BUDGET, PAIRING_WINDOW, Piece, SentenceChange, compare, compare_within};
pub use diff::{Alignment, Segment, tokens};
pub use passages::{Passage, PassageFinder};
pub use score::likeness;

use crate::anchor::{Anchor, CharIndex};
use std::ops::Range;

/// A candidate scoring below this is not taken: the claim is orphaned.
pub const SCORE_FLOOR: f64 = 0.6;
/// Two candidates scoring closer than this are too close to choose between.
pub const CLOSE_SCORES: f64 = 0.05;
/// Share of a quote's word characters that must come through unchanged for
/// the changed text there to count as the same quote edited.
const KEPT_FLOOR: f64 = 0.5;
/// How alike an edited span must be to the old quote.
const QUOTE_FLOOR: f64 = 0.5;
/// How well one side of the context must match for a copy of the quote
/// elsewhere to be taken as the quote moved there…
const CONTEXT_FLOOR: f64 = 0.5;
/// …or the rest of its line (paragraph) as well…
const LINE_FLOOR: f64 = 0.6;
/// …or the quote is at least this long (in chars).
const LONG_QUOTE: usize = 40;
/// A quote that is a whole line by itself counts as keeping its line when
/// it is at least this long.
const WHOLE_LINE_QUOTE: usize = 12;
/// How well one side of the context must match to find an anchor again with
/// no diff to go by (an orphan, or an anchor that no longer fitted its text).
const REFIND_CONTEXT_FLOOR: f64 = 0.75;
/// Most occurrences of one quote looked at.
const MAX_OCCURRENCES: usize = 1_000;

/// What became of one claim's anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    Unchanged,
    Moved,
    Edited,
    Orphaned,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Unchanged,
        Outcome::Moved,
        Outcome::Edited,
        Outcome::Orphaned,
    ];

    /// The lowercase word used in summaries and JSON.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Unchanged => "unchanged",
            Outcome::Moved => "moved",
            Outcome::Edited => "edited",
            Outcome::Orphaned => "orphaned",
        }
    }
}

/// One anchor followed into the new text.
#[derive(Clone, Debug, PartialEq)]
pub struct Reanchored {
    pub outcome: Outcome,
    /// The anchor in the new text; `None` when orphaned.
    pub anchor: Option<Anchor>,
    /// How sure: 1.0 for unchanged; for an orphan, the best score that was
    /// not good enough (0.0 when there was no candidate at all).
    pub score: f64,
}

impl Reanchored {
    fn orphaned(score: f64) -> Self {
        Reanchored {
            outcome: Outcome::Orphaned,
            anchor: None,
            score,
        }
    }
}

/// A place in the new text that may hold the quote.
#[derive(Clone, Debug)]
struct Candidate {
    start: usize,
    end: usize,
    exact: bool,
    score: f64,
}

/// An old and a new text, aligned once, to follow any number of anchors.
pub struct Reanchorer<'a> {
    old: CharIndex<'a>,
    new: CharIndex<'a>,
    alignment: Alignment,
    changed_new: Vec<Range<usize>>,
    changed_old: Vec<Range<usize>>,
}

impl<'a> Reanchorer<'a> {
    pub fn new(old: &'a str, new: &'a str) -> Self {
        let old = CharIndex::new(old);
        let new = CharIndex::new(new);
        let alignment = Alignment::new(&old, &new);
        Reanchorer {
            changed_new: alignment.changed_in_new(),
            changed_old: alignment.changed_in_old(),
            old,
            new,
            alignment,
        }
    }

    pub fn alignment(&self) -> &Alignment {
        &self.alignment
    }

    /// Follows an anchor into the old text to its place in the new one. An
    /// anchor that does not fit the old text is looked for as [`Self::refind`]
    /// does.
    pub fn reanchor(&self, anchor: &Anchor) -> Reanchored {
        let fits = !anchor.exact.is_empty()
            && self.old.slice(anchor.start, anchor.end) == Some(anchor.exact.as_str());
        if !fits {
            return self.refind(anchor);
        }
        let expected = self.alignment.map_start(anchor.start, &self.old, &self.new);
        if self.alignment.kept_whole(anchor.start, anchor.end) {
            let end = expected + (anchor.end - anchor.start);
            if self.new.slice(expected, end) == Some(anchor.exact.as_str()) {
                let score = if expected == anchor.start {
                    1.0
                } else {
                    self.score_exact(anchor, expected, end, expected)
                };
                return self.found(anchor, expected, end, true, score);
            }
        }
        let mut candidates = self.moved_candidates(anchor, expected);
        candidates.extend(self.edited_candidate(anchor, expected));
        self.decide(anchor, candidates)
    }

    /// Looks for an anchor with no diff to go by (an orphan from an earlier
    /// version, or an anchor that did not fit the old text): only a copy of
    /// its exact quote with matching context, and only one such copy.
    pub fn refind(&self, anchor: &Anchor) -> Reanchored {
        let whole = 0..self.new.char_len();
        let candidates: Vec<Candidate> = self
            .occurrences(&anchor.exact, std::slice::from_ref(&whole))
            .into_iter()
            .filter_map(|(start, end)| {
                let context = score::context(anchor, &self.new, start, end);
                (context.0.max(context.1) >= REFIND_CONTEXT_FLOOR).then(|| Candidate {
                    start,
                    end,
                    exact: true,
                    score: score::combine(1.0, context, 0.0),
                })
            })
            .collect();
        self.decide(anchor, candidates)
    }

    /// Chooses among candidates, or orphans the anchor.
    fn decide(&self, anchor: &Anchor, mut candidates: Vec<Candidate>) -> Reanchored {
        candidates.sort_by(|a, b| b.score.total_cmp(&a.score));
        let Some(best) = candidates.first() else {
            return Reanchored::orphaned(0.0);
        };
        let rival = candidates
            .iter()
            .skip(1)
            .find(|c| c.end <= best.start || c.start >= best.end);
        if best.score < SCORE_FLOOR || rival.is_some_and(|r| best.score - r.score < CLOSE_SCORES) {
            return Reanchored::orphaned(best.score);
        }
        self.found(anchor, best.start, best.end, best.exact, best.score)
    }

    fn found(
        &self,
        anchor: &Anchor,
        start: usize,
        end: usize,
        exact: bool,
        score: f64,
    ) -> Reanchored {
        let Ok(captured) = self.new.capture(start, end) else {
            return Reanchored::orphaned(score);
        };
        let outcome = match (exact, start == anchor.start) {
            (true, true) => Outcome::Unchanged,
            (true, false) => Outcome::Moved,
            (false, _) => Outcome::Edited,
        };
        if exact && captured.exact != anchor.exact {
            return Reanchored::orphaned(score);
        }
        Reanchored {
            outcome,
            anchor: Some(captured),
            score,
        }
    }

    fn score_exact(&self, anchor: &Anchor, start: usize, end: usize, expected: usize) -> f64 {
        let context = score::context(anchor, &self.new, start, end);
        score::combine(1.0, context, score::nearness(start, expected))
    }

    /// Copies of the exact quote in new text that is not an unchanged copy
    /// of old text (such a copy quotes some other old passage), with enough
    /// context or length to be taken for this one.
    fn moved_candidates(&self, anchor: &Anchor, expected: usize) -> Vec<Candidate> {
        let len = anchor.end - anchor.start;
        let windows = widen(&self.changed_new, len, self.new.char_len());
        self.occurrences(&anchor.exact, &windows)
            .into_iter()
            .filter(|&(start, end)| !self.alignment.new_is_unchanged(start, end))
            .filter_map(|(start, end)| {
                let context = score::context(anchor, &self.new, start, end);
                let supported = context.0.max(context.1) >= CONTEXT_FLOOR
                    || len >= LONG_QUOTE
                    || self.keeps_its_line(anchor, start, end);
                supported.then(|| Candidate {
                    start,
                    end,
                    exact: true,
                    score: score::combine(1.0, context, score::nearness(start, expected)),
                })
            })
            .collect()
    }

    fn keeps_its_line(&self, anchor: &Anchor, start: usize, end: usize) -> bool {
        let old_span = (anchor.start, anchor.end);
        score::line_context(
            &self.old,
            old_span,
            &self.new,
            (start, end),
            WHOLE_LINE_QUOTE,
        ) >= LINE_FLOOR
    }

    /// The quote's edges mapped through the diff, when enough of its words
    /// came through and the text there is not some other old passage.
    fn edited_candidate(&self, anchor: &Anchor, start: usize) -> Option<Candidate> {
        let end = self.alignment.map_end(anchor.end, &self.old, &self.new);
        let (start, end) = self.trim_spaces(anchor, start, end)?;
        if self
            .alignment
            .kept_share(anchor.start, anchor.end, &self.old)
            < KEPT_FLOOR
        {
            return None;
        }
        let span = self.new.slice(start, end)?;
        let quote = score::likeness(&anchor.exact, span);
        if quote < QUOTE_FLOOR || self.said_elsewhere_in_old(span, anchor) {
            return None;
        }
        let context = score::context(anchor, &self.new, start, end);
        Some(Candidate {
            start,
            end,
            exact: span == anchor.exact,
            score: score::combine(quote, context, 1.0),
        })
    }

    /// Drops spaces the mapping left at a span's edges (unless the quote had
    /// them); `None` when nothing is left.
    fn trim_spaces(
        &self,
        anchor: &Anchor,
        mut start: usize,
        mut end: usize,
    ) -> Option<(usize, usize)> {
        let is_space = |at: usize| {
            self.new
                .slice(at, at + 1)
                .is_some_and(|c| c.chars().all(char::is_whitespace))
        };
        if !anchor.exact.starts_with(char::is_whitespace) {
            while start < end && is_space(start) {
                start += 1;
            }
        }
        if !anchor.exact.ends_with(char::is_whitespace) {
            while start < end && is_space(end - 1) {
                end -= 1;
            }
        }
        (start < end).then_some((start, end))
    }

    /// Whether `span` is also said, word for word, in old text that changed
    /// (outside the quote): then the diff may have lined the quote up with
    /// the remains of that other passage — a lookalike — and it is not taken.
    /// A copy in text that came through unchanged is another passage that is
    /// still there, which says nothing against this one.
    fn said_elsewhere_in_old(&self, span: &str, anchor: &Anchor) -> bool {
        let len = span.chars().count();
        let windows = widen(&self.changed_old, len, self.old.char_len());
        find_in(&self.old, span, &windows)
            .into_iter()
            .filter(|&(start, end)| end <= anchor.start || start >= anchor.end)
            .any(|(start, end)| !self.alignment.kept_whole(start, end))
    }

    /// Every occurrence of `needle` in the new text inside `windows`, in order.
    fn occurrences(&self, needle: &str, windows: &[Range<usize>]) -> Vec<(usize, usize)> {
        find_in(&self.new, needle, windows)
    }
}

/// Every occurrence (char offsets) of `needle` within `windows` of a text.
fn find_in(index: &CharIndex<'_>, needle: &str, windows: &[Range<usize>]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    if needle.is_empty() {
        return found;
    }
    let len = needle.chars().count();
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    for window in windows {
        let (Some(from), Some(to)) = (index.byte_of(window.start), index.byte_of(window.end))
        else {
            continue;
        };
        let Some(hay) = index.text().get(from..to) else {
            continue;
        };
        for byte in finder.find_iter(hay.as_bytes()) {
            if let Some(start) = index.char_of(from + byte)
                && found.last().is_none_or(|&(s, _)| s < start)
            {
                found.push((start, start + len));
            }
            if found.len() >= MAX_OCCURRENCES {
                return found;
            }
        }
    }
    found
}

/// Windows closer than this (in chars) are searched as one: searching a
/// few more chars costs less than starting another search.
const WINDOW_GAP: usize = 4_096;

/// The ranges widened by `by` chars on both sides (clamped to `len`) and
/// merged where they then overlap or nearly touch.
fn widen(ranges: &[Range<usize>], by: usize, len: usize) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        let wide = r.start.saturating_sub(by)..(r.end + by).min(len);
        match out.last_mut() {
            Some(last) if last.end + WINDOW_GAP >= wide.start => last.end = last.end.max(wide.end),
            _ => out.push(wide),
        }
    }
    out
}

/// Follows every anchor from `old` into `new`, in order.
pub fn reanchor_all(old: &str, new: &str, anchors: &[&Anchor]) -> Vec<Reanchored> {
    let reanchorer = Reanchorer::new(old, new);
    anchors.iter().map(|a| reanchorer.reanchor(a)).collect()
}

#[cfg(test)]
mod tests;
