//! Char offsets into article texts: conversion to and from byte offsets,
//! capturing a claim's quote and context, and checking an anchor against
//! its text.
//!
//! Offsets count Unicode scalar values (Rust `char`s), end exclusive, the
//! unit of the W3C `TextPositionSelector`. Nothing here slices a `str` at a
//! non-boundary or panics on an offset out of range: such offsets give
//! `None` or an [`AnchorFault`].

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How many chars of context an anchor keeps either side of its quote.
pub const CONTEXT_CHARS: usize = 32;

/// Chars between two remembered byte offsets in a [`CharIndex`].
const STRIDE: usize = 64;

/// Where a claim sits in its article's text.
///
/// `start` and `end` are `char` offsets (Unicode scalar values), end
/// exclusive. `exact` is the quoted text; `prefix` and `suffix` are up to
/// [`CONTEXT_CHARS`] chars either side, so the claim can be found again
/// after the text changes. The field names are those of the workspace file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// What is wrong with an anchor or a requested range.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnchorFault {
    #[error("the range {start}..{end} starts after it ends")]
    Reversed { start: usize, end: usize },
    #[error("the range {start}..{end} is empty")]
    Empty { start: usize, end: usize },
    #[error("the range {start}..{end} lies outside the text, which has {len} characters")]
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error(
        "the quote {} does not match the text there, which reads {}",
        crate::text::quoted(expected),
        crate::text::quoted(found)
    )]
    Mismatch { expected: String, found: String },
}

/// The byte offset of every 64th char of one text, owned, so that a caller
/// can keep them while the text stays the same and check anchors against it
/// again without walking the whole text (see [`CharCheckpoints::index`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CharCheckpoints {
    checkpoints: Vec<usize>,
    char_len: usize,
    byte_len: usize,
}

impl CharCheckpoints {
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut char_len = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(byte);
            }
            char_len = i + 1;
        }
        CharCheckpoints {
            checkpoints,
            char_len,
            byte_len: text.len(),
        }
    }

    /// Length in chars of the text these were taken from.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Length in bytes of the text these were taken from.
    pub fn byte_len(&self) -> usize {
        self.byte_len
    }

    /// A [`CharIndex`] over `text`, which must be the text these checkpoints
    /// were taken from; `None` when its length in bytes differs. Given another
    /// text of the same length the index answers wrongly, but never panics.
    pub fn index<'a>(&'a self, text: &'a str) -> Option<CharIndex<'a>> {
        (text.len() == self.byte_len).then_some(CharIndex {
            text,
            checkpoints: Cow::Borrowed(&self.checkpoints),
            char_len: self.char_len,
        })
    }
}

/// Fast char↔byte conversion for one text, for repeated lookups in long
/// articles: it remembers the byte offset of every 64th char.
#[derive(Clone, Debug)]
pub struct CharIndex<'a> {
    text: &'a str,
    checkpoints: Cow<'a, [usize]>,
    char_len: usize,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let CharCheckpoints {
            checkpoints,
            char_len,
            ..
        } = CharCheckpoints::new(text);
        CharIndex {
            text,
            checkpoints: Cow::Owned(checkpoints),
            char_len,
        }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Length of the text in chars.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// The byte offset of char offset `char_pos`; `None` past the end.
    pub fn byte_of(&self, char_pos: usize) -> Option<usize> {
        if char_pos > self.char_len {
            return None;
        }
        if char_pos == self.char_len {
            return Some(self.text.len());
        }
        let from = *self.checkpoints.get(char_pos / STRIDE)?;
        self.text
            .get(from..)?
            .char_indices()
            .nth(char_pos % STRIDE)
            .map(|(b, _)| from + b)
    }

    /// The char offset of byte offset `byte_pos`; `None` when it is past the
    /// end or inside a char.
    pub fn char_of(&self, byte_pos: usize) -> Option<usize> {
        if !self.text.is_char_boundary(byte_pos) {
            return None;
        }
        let block = match self.checkpoints.binary_search(&byte_pos) {
            Ok(i) => return Some(i * STRIDE),
            Err(0) => return Some(0),
            Err(i) => i - 1,
        };
        let from = *self.checkpoints.get(block)?;
        Some(block * STRIDE + self.text.get(from..byte_pos)?.chars().count())
    }

    /// The text between two char offsets; `None` when the range is reversed
    /// or out of range.
    pub fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        if start > end {
            return None;
        }
        let from = self.byte_of(start)?;
        let to = self.byte_of(end)?;
        self.text.get(from..to)
    }

    /// Captures an anchor for the chars `start..end`: the quote and up to
    /// [`CONTEXT_CHARS`] chars of context either side.
    pub fn capture(&self, start: usize, end: usize) -> Result<Anchor, AnchorFault> {
        self.check_range(start, end)?;
        let exact = self.slice(start, end).unwrap_or_default();
        let prefix = self
            .slice(start.saturating_sub(CONTEXT_CHARS), start)
            .unwrap_or_default();
        let suffix = self
            .slice(end, (end + CONTEXT_CHARS).min(self.char_len))
            .unwrap_or_default();
        Ok(Anchor {
            start,
            end,
            exact: exact.to_owned(),
            prefix: prefix.to_owned(),
            suffix: suffix.to_owned(),
        })
    }

    /// Checks that `anchor` lies inside the text and quotes it exactly.
    /// Context that no longer matches is not a fault: the quote is what counts.
    pub fn check(&self, anchor: &Anchor) -> Result<(), AnchorFault> {
        self.check_range(anchor.start, anchor.end)?;
        let found = self.slice(anchor.start, anchor.end).unwrap_or_default();
        if found == anchor.exact {
            Ok(())
        } else {
            Err(AnchorFault::Mismatch {
                expected: anchor.exact.clone(),
                found: found.to_owned(),
            })
        }
    }

    fn check_range(&self, start: usize, end: usize) -> Result<(), AnchorFault> {
        if start > end {
            Err(AnchorFault::Reversed { start, end })
        } else if end > self.char_len {
            Err(AnchorFault::OutOfRange {
                start,
                end,
                len: self.char_len,
            })
        } else if start == end {
            Err(AnchorFault::Empty { start, end })
        } else {
            Ok(())
        }
    }
}

/// The byte offset of char offset `char_pos` in `text`; `None` past the end.
pub fn char_to_byte(text: &str, char_pos: usize) -> Option<usize> {
    if char_pos == 0 {
        return Some(0);
    }
    match text.char_indices().nth(char_pos) {
        Some((b, _)) => Some(b),
        None if text.chars().count() == char_pos => Some(text.len()),
        None => None,
    }
}

/// The char offset of byte offset `byte_pos` in `text`; `None` when it is
/// past the end or inside a char.
pub fn byte_to_char(text: &str, byte_pos: usize) -> Option<usize> {
    text.get(..byte_pos).map(|head| head.chars().count())
}

/// The text between two char offsets; `None` when reversed or out of range.
pub fn slice_chars(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let from = char_to_byte(text, start)?;
    let to = from + char_to_byte(&text[from..], end - start)?;
    text.get(from..to)
}

/// Captures an anchor for the chars `start..end` of `text`.
pub fn capture(text: &str, start: usize, end: usize) -> Result<Anchor, AnchorFault> {
    CharIndex::new(text).capture(start, end)
}

/// Checks `anchor` against `text`.
pub fn check(anchor: &Anchor, text: &str) -> Result<(), AnchorFault> {
    CharIndex::new(text).check(anchor)
}

/// Captures an anchor for the first occurrence of `quote` in `text`, or the
/// `nth` (0-based) when the same words appear more than once.
pub fn find_quote(text: &str, quote: &str, nth: usize) -> Option<Anchor> {
    if quote.is_empty() {
        return None;
    }
    let (byte, _) = text.match_indices(quote).nth(nth)?;
    let index = CharIndex::new(text);
    let start = index.char_of(byte)?;
    let end = start + quote.chars().count();
    index.capture(start, end).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIXED: &str = "Путин и 习近平 👩‍👩‍👧 cafe\u{301} end";

    #[test]
    fn converts_between_chars_and_bytes_in_mixed_scripts() {
        let index = CharIndex::new(MIXED);
        assert_eq!(index.char_len(), MIXED.chars().count());
        for (char_pos, (byte_pos, _)) in MIXED.char_indices().enumerate() {
            assert_eq!(index.byte_of(char_pos), Some(byte_pos));
            assert_eq!(index.char_of(byte_pos), Some(char_pos));
            assert_eq!(char_to_byte(MIXED, char_pos), Some(byte_pos));
            assert_eq!(byte_to_char(MIXED, byte_pos), Some(char_pos));
        }
        assert_eq!(index.byte_of(index.char_len()), Some(MIXED.len()));
        assert_eq!(index.byte_of(index.char_len() + 1), None);
        assert_eq!(index.char_of(1), None, "byte 1 is inside 'П'");
        assert_eq!(byte_to_char(MIXED, 1), None);
    }

    #[test]
    fn captures_quote_and_context() {
        let text = "Zelenskyy called for a 30-day ceasefire instead.";
        let anchor = find_quote(text, "30-day ceasefire", 0).unwrap();
        assert_eq!(anchor.start, 23);
        assert_eq!(anchor.end, 39);
        assert_eq!(anchor.exact, "30-day ceasefire");
        assert_eq!(anchor.prefix, "Zelenskyy called for a ");
        assert_eq!(anchor.suffix, " instead.");
        assert_eq!(check(&anchor, text), Ok(()));
    }

    #[test]
    fn context_is_limited_to_32_chars() {
        let text = "я".repeat(100);
        let anchor = capture(&text, 50, 51).unwrap();
        assert_eq!(anchor.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(anchor.suffix.chars().count(), CONTEXT_CHARS);
    }

    #[test]
    fn faults_are_reported_not_panicked() {
        let text = "短文本";
        assert!(matches!(
            capture(text, 2, 9),
            Err(AnchorFault::OutOfRange { len: 3, .. })
        ));
        assert!(matches!(
            capture(text, 2, 1),
            Err(AnchorFault::Reversed { .. })
        ));
        assert!(matches!(
            capture(text, 1, 1),
            Err(AnchorFault::Empty { .. })
        ));
        let wrong = Anchor {
            start: 0,
            end: 2,
            exact: "长文".into(),
            prefix: String::new(),
            suffix: String::new(),
        };
        assert_eq!(
            check(&wrong, text),
            Err(AnchorFault::Mismatch {
                expected: "长文".into(),
                found: "短文".into()
            })
        );
        assert_eq!(slice_chars(text, 1, usize::MAX), None);
        assert_eq!(slice_chars(text, usize::MAX, usize::MAX), None);
    }

    #[test]
    fn kept_checkpoints_answer_like_a_fresh_index_and_never_panic() {
        let text = MIXED.repeat(5);
        let kept = CharCheckpoints::new(&text);
        assert_eq!(kept.byte_len(), text.len());
        assert_eq!(kept.char_len(), text.chars().count());
        let fresh = CharIndex::new(&text);
        let index = kept.index(&text).unwrap();
        assert_eq!(index.char_len(), fresh.char_len());
        for pos in 0..=fresh.char_len() + 1 {
            assert_eq!(index.byte_of(pos), fresh.byte_of(pos));
        }
        let anchor = fresh.capture(70, 80).unwrap();
        assert_eq!(index.check(&anchor), Ok(()));
        assert!(kept.index("shorter").is_none(), "another length is refused");
        // Another text of the same length: wrong answers at worst, no panic.
        // Checkpoints at odd bytes fall inside its two-byte chars.
        let other = "я".repeat(text.len() / 2) + &"x".repeat(text.len() % 2);
        let stale = kept.index(&other).unwrap();
        for pos in 0..=fresh.char_len() + 1 {
            let _ = stale.byte_of(pos);
            let _ = stale.char_of(pos);
        }
        assert!(stale.check(&anchor).is_err());
    }
}
