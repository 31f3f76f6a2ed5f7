//! What the reader treats as one character on screen, so that a caret step
//! or a word never splits it: Unicode's extended grapheme clusters (a base
//! char with its combining marks, "e\u{301}"; an emoji with its modifiers
//! and zero-width-joined followers, 👩‍👩‍👧 being five chars; a flag, 🇺🇦),
//! as the `unicode-segmentation` crate finds them. Lookups work from the
//! caret outwards, never from the text's start.

use crate::anchor::CharIndex;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

/// The cluster starting at the head of `text`: its first char, its length
/// in chars and in bytes; `None` for an empty text.
pub(super) fn cluster_after(text: &str) -> Option<(char, usize, usize)> {
    let cluster = text.graphemes(true).next()?;
    describe(cluster)
}

/// The cluster ending at the tail of `text`: its first char, its length in
/// chars and in bytes; `None` for an empty text.
pub(super) fn cluster_before(text: &str) -> Option<(char, usize, usize)> {
    let cluster = text.graphemes(true).next_back()?;
    describe(cluster)
}

fn describe(cluster: &str) -> Option<(char, usize, usize)> {
    let first = cluster.chars().next()?;
    Some((first, cluster.chars().count(), cluster.len()))
}

/// The byte offset of char `at`, clamped to the text: `(char, byte)`.
pub(super) fn clamp(index: &CharIndex, at: usize) -> (usize, usize) {
    let at = at.min(index.char_len());
    let byte = index.byte_of(at).unwrap_or(index.text().len());
    (at, byte)
}

/// The caret position one character (cluster) after char `at`; the text's
/// length at its end.
pub fn next_cluster_boundary(index: &CharIndex, at: usize) -> usize {
    let (at, byte) = clamp(index, at);
    cluster_after(&index.text()[byte..]).map_or(at, |(_, chars, _)| at + chars)
}

/// The caret position one character (cluster) before char `at`; 0 at the
/// text's start.
pub fn prev_cluster_boundary(index: &CharIndex, at: usize) -> usize {
    let (at, byte) = clamp(index, at);
    cluster_before(&index.text()[..byte]).map_or(at, |(_, chars, _)| at - chars)
}

/// The cluster that char offset `at` falls strictly inside, as a char
/// range (`start < at < end`); `None` when `at` lies between two clusters
/// (or outside the text). Looks at the text around `at` only.
pub fn cluster_around(index: &CharIndex, at: usize) -> Option<(usize, usize)> {
    if at == 0 || at >= index.char_len() {
        return None;
    }
    let text = index.text();
    let byte = index.byte_of(at)?;
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    if cursor.is_boundary(text, 0).unwrap_or(true) {
        return None;
    }
    let start_byte = cursor.prev_boundary(text, 0).ok().flatten()?;
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    let end_byte = cursor.next_boundary(text, 0).ok().flatten()?;
    let start = at - text[start_byte..byte].chars().count();
    let end = at + text[byte..end_byte].chars().count();
    Some((start, end))
}

/// `start..end` widened so that neither end falls inside a cluster: the
/// start moves back to its cluster's start, the end on to its cluster's end.
pub fn widen_to_clusters(index: &CharIndex, start: usize, end: usize) -> (usize, usize) {
    let start = cluster_around(index, start).map_or(start, |(s, _)| s);
    let end = cluster_around(index, end).map_or(end, |(_, e)| e);
    (start, end)
}

/// Whether char `at` is a cluster boundary of the indexed text (its start
/// and end are): a quote starting or ending there splits no character.
pub fn is_cluster_boundary(index: &CharIndex, at: usize) -> bool {
    let text = index.text();
    let Some(byte) = index.byte_of(at) else {
        return false;
    };
    let mut cursor = unicode_segmentation::GraphemeCursor::new(byte, text.len(), true);
    cursor.is_boundary(text, 0).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every caret stop going right, then every one going left.
    fn stops(text: &str) -> (Vec<usize>, Vec<usize>) {
        let index = CharIndex::new(text);
        let mut right = vec![0];
        while *right.last().unwrap() < index.char_len() {
            right.push(next_cluster_boundary(&index, *right.last().unwrap()));
        }
        let mut left = vec![index.char_len()];
        while *left.last().unwrap() > 0 {
            left.push(prev_cluster_boundary(&index, *left.last().unwrap()));
        }
        left.reverse();
        (right, left)
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        let (right, left) = stops("cafe\u{301} ё\u{308}");
        assert_eq!(right, vec![0, 1, 2, 3, 5, 6, 8]);
        assert_eq!(left, right);
    }

    #[test]
    fn emoji_sequences_and_flags_are_one_step() {
        // 👩‍👩‍👧 is 5 chars, 👍🏽 2, ❤️ 2, each flag 2.
        let text = "a👩‍👩‍👧b👍🏽❤\u{fe0f}🇺🇦🇯🇵c";
        let (right, left) = stops(text);
        assert_eq!(right, vec![0, 1, 6, 7, 9, 11, 13, 15, 16]);
        assert_eq!(left, right);
    }

    #[test]
    fn cyrillic_and_cjk_step_one_char_at_a_time() {
        let (right, left) = stops("Путин 习近平");
        assert_eq!(right, (0..=9).collect::<Vec<_>>());
        assert_eq!(left, right);
    }

    #[test]
    fn steps_stop_at_the_ends_and_clamp_offsets() {
        let index = CharIndex::new("ж\u{301}");
        assert_eq!(next_cluster_boundary(&index, 0), 2);
        assert_eq!(next_cluster_boundary(&index, 2), 2);
        assert_eq!(next_cluster_boundary(&index, 50), 2);
        assert_eq!(prev_cluster_boundary(&index, 0), 0);
        assert_eq!(prev_cluster_boundary(&index, 50), 0);
        let empty = CharIndex::new("");
        assert_eq!(next_cluster_boundary(&empty, 0), 0);
        assert_eq!(prev_cluster_boundary(&empty, 3), 0);
    }

    #[test]
    fn a_lone_joiner_or_mark_does_not_swallow_a_space() {
        let (right, _) = stops("\u{301}a\u{200d} b");
        assert_eq!(right, vec![0, 1, 3, 4, 5]);
    }

    #[test]
    fn a_split_is_found_and_widened_in_every_script() {
        // e + U+0301 (chars 3..5), a family of five chars (6..11), a flag
        // (11..13), Devanagari "नि" (13..15), Cyrillic й as и + U+0306 (15..17).
        let text = "cafe\u{301} 👩\u{200d}👩\u{200d}👧🇺🇦निи\u{306}中";
        let index = CharIndex::new(text);
        assert_eq!(cluster_around(&index, 4), Some((3, 5)));
        assert_eq!(cluster_around(&index, 3), None);
        assert_eq!(cluster_around(&index, 8), Some((6, 11)));
        assert_eq!(cluster_around(&index, 11), None);
        assert_eq!(cluster_around(&index, 12), Some((11, 13)));
        assert_eq!(cluster_around(&index, 14), Some((13, 15)));
        assert_eq!(cluster_around(&index, 16), Some((15, 17)));
        assert_eq!(cluster_around(&index, 0), None);
        assert_eq!(cluster_around(&index, 99), None);
        assert_eq!(widen_to_clusters(&index, 4, 8), (3, 11));
        assert_eq!(widen_to_clusters(&index, 12, 16), (11, 17));
        assert_eq!(widen_to_clusters(&index, 0, 3), (0, 3));
    }

    #[test]
    fn boundaries_are_between_whole_characters_only() {
        let text = "q\u{307}👩‍👩‍👧🇺🇦я";
        let index = CharIndex::new(text);
        let boundaries: Vec<usize> = (0..=index.char_len() + 1)
            .filter(|at| is_cluster_boundary(&index, *at))
            .collect();
        assert_eq!(boundaries, [0, 2, 7, 9, 10]);
    }
}
