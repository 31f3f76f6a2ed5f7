//! Tidying a selection before it becomes a claim's quote: trimming the
//! spaces and punctuation around it ("29 heads of state," → "29 heads of
//! state") and snapping a mouse drag to whole words ("9 heads o" → "29
//! heads of"). Both work on character clusters, so an accent or an emoji
//! sequence is never cut, and both are pure: the caller decides when to
//! use them (marking trims always; only a drag snaps, unless Alt is held).

use super::clusters::{clamp, cluster_after, cluster_before};
use super::words::{CharCategory, word_around};
use crate::anchor::CharIndex;

/// Whether a cluster starting with `c` is trimmed from a quote's ends:
/// whitespace, and punctuation of any script (commas, full stops, quote
/// marks, brackets, dashes, CJK and fullwidth punctuation). Symbols that
/// belong to what is quoted (`%`, `$`, `€`, `#`, `+`) and emoji stay.
pub fn is_trimmable(c: char) -> bool {
    if c.is_whitespace() {
        return true;
    }
    if c.is_ascii() {
        return matches!(
            c,
            '!' | '"'
                | '\''
                | '('
                | ')'
                | ','
                | '-'
                | '.'
                | '/'
                | ':'
                | ';'
                | '?'
                | '['
                | '\\'
                | ']'
                | '_'
                | '`'
                | '{'
                | '}'
                | '*'
        );
    }
    matches!(c,
        '\u{a1}' | '\u{a7}' | '\u{ab}' | '\u{b6}' | '\u{b7}' | '\u{bb}' | '\u{bf}'
        | '\u{37e}' | '\u{387}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301f}'
        | '\u{30fb}'
        | '\u{ff01}'..='\u{ff03}'
        | '\u{ff05}'..='\u{ff0f}'
        | '\u{ff1a}'..='\u{ff1b}'
        | '\u{ff1f}'..='\u{ff20}'
        | '\u{ff3b}'..='\u{ff3d}'
        | '\u{ff5b}'..='\u{ff65}')
}

/// The chars `start..end` without the spaces and punctuation at either
/// end, as `(start, end)`. A selection of nothing but punctuation comes
/// back empty (`start == end`), which marking then refuses. Out-of-range
/// or reversed offsets are clamped and put in order first.
pub fn trim_selection(index: &CharIndex, start: usize, end: usize) -> (usize, usize) {
    let (start, end) = ordered(index, start, end);
    let text = index.text();
    let (mut start, mut start_byte) = clamp(index, start);
    let (mut end, mut end_byte) = clamp(index, end);
    while start < end {
        match cluster_after(&text[start_byte..end_byte]) {
            Some((c, chars, bytes)) if is_trimmable(c) => {
                start += chars;
                start_byte += bytes;
            }
            _ => break,
        }
    }
    while start < end {
        match cluster_before(&text[start_byte..end_byte]) {
            Some((c, chars, bytes)) if is_trimmable(c) => {
                end -= chars;
                end_byte -= bytes;
            }
            _ => break,
        }
    }
    (start, end)
}

/// The chars `start..end` widened to whole words: an end that falls
/// inside a word of an alphabetic script moves out to that word's edge.
/// Chinese and Japanese runs are not words one can snap to (a run reaches
/// to the next punctuation), so there an end only moves out of the middle
/// of a character cluster. Ends between words stay where they are.
pub fn snap_to_words(index: &CharIndex, start: usize, end: usize) -> (usize, usize) {
    let (start, end) = ordered(index, start, end);
    if start == end {
        return (start, end);
    }
    (snap_start(index, start), snap_end(index, end))
}

fn ordered(index: &CharIndex, start: usize, end: usize) -> (usize, usize) {
    let len = index.char_len();
    let (start, end) = (start.min(len), end.min(len));
    (start.min(end), start.max(end))
}

/// The start of the word (or cluster) `at` falls inside, else `at`.
fn snap_start(index: &CharIndex, at: usize) -> usize {
    match enclosing(index, at) {
        Some((start, _)) => start,
        None => at,
    }
}

/// The end of the word (or cluster) `at` falls inside, else `at`.
fn snap_end(index: &CharIndex, at: usize) -> usize {
    match enclosing(index, at) {
        Some((_, end)) => end,
        None => at,
    }
}

/// The alphabetic word, or else the cluster, that `at` lies strictly
/// inside; `None` when `at` is at a boundary of both.
fn enclosing(index: &CharIndex, at: usize) -> Option<(usize, usize)> {
    let text = index.text();
    let (at, byte) = clamp(index, at);
    let before = cluster_before(&text[..byte]).map(|(c, _, _)| CharCategory::of(c));
    let after = cluster_after(&text[byte..]).map(|(c, _, _)| CharCategory::of(c));
    if before == Some(CharCategory::Word) && after == Some(CharCategory::Word) {
        let (start, end) = word_around(index, at);
        if start < at && at < end {
            return Some((start, end));
        }
    }
    let cluster_start =
        super::prev_cluster_boundary(index, super::next_cluster_boundary(index, at));
    if cluster_start < at {
        let end = super::next_cluster_boundary(index, cluster_start);
        return (at < end).then_some((cluster_start, end));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trimmed(text: &str, start: usize, end: usize) -> String {
        let index = CharIndex::new(text);
        let (s, e) = trim_selection(&index, start, end);
        index.slice(s, e).unwrap().to_owned()
    }

    fn snapped(text: &str, start: usize, end: usize) -> String {
        let index = CharIndex::new(text);
        let (s, e) = snap_to_words(&index, start, end);
        index.slice(s, e).unwrap().to_owned()
    }

    fn chars(text: &str) -> usize {
        text.chars().count()
    }

    #[test]
    fn trimming_drops_spaces_and_punctuation_at_both_ends_in_latin() {
        let text = " \"29 heads of state,\" he said.";
        assert_eq!(trimmed(text, 0, 21), "29 heads of state");
        assert_eq!(trimmed("Up 5%.", 0, 6), "Up 5%", "a percent sign is quoted");
        assert_eq!(trimmed("cost $5 ", 0, 8), "cost $5");
        assert_eq!(trimmed(" , . ", 0, 5), "", "only punctuation: nothing left");
        assert_eq!(trimmed("abc", 2, 1), "b", "reversed offsets are ordered");
        assert_eq!(trimmed("abc", 1, 99), "bc", "out of range is clamped");
    }

    #[test]
    fn trimming_works_in_cyrillic_and_cjk() {
        let text = "«Путин ответил»,  — сказал";
        assert_eq!(trimmed(text, 0, 17), "Путин ответил");
        let cjk = "「习近平说，」";
        assert_eq!(trimmed(cjk, 0, chars(cjk)), "习近平说");
        let full = "据报道：中国外交部。";
        assert_eq!(trimmed(full, 3, chars(full)), "中国外交部");
    }

    #[test]
    fn trimming_keeps_emoji_flags_and_combining_marks() {
        let family = "👩‍👩‍👧";
        let text = format!(" {family} met, ");
        assert_eq!(trimmed(&text, 0, chars(&text)), format!("{family} met"));
        assert_eq!(trimmed(" 🇺🇦! ", 0, 5), "🇺🇦");
        // A comma carrying an accent is one cluster: it goes whole.
        assert_eq!(trimmed("cafe\u{301}, ", 0, 7), "cafe\u{301}");
        assert_eq!(trimmed(" .\u{301}x", 0, 4), "x");
    }

    #[test]
    fn snapping_widens_ends_inside_words_only() {
        let text = "with 29 heads of state attending";
        // "9 heads o" → "29 heads of"
        assert_eq!(snapped(text, 6, 15), "29 heads of");
        assert_eq!(snapped(text, 5, 16), "29 heads of", "whole words stay");
        assert_eq!(
            snapped(text, 4, 17),
            " 29 heads of ",
            "ends between words stay"
        );
        assert_eq!(snapped(text, 3, 3), "", "an empty selection stays empty");
        let ru = "Путин ответил журналистам";
        assert_eq!(snapped(ru, 2, 9), "Путин ответил");
    }

    #[test]
    fn snapping_never_cuts_a_cluster_and_leaves_cjk_runs_alone() {
        let family = "👩‍👩‍👧";
        let text = format!("a{family}b");
        // Inside the family emoji (after its first woman).
        let got = snapped(&text, 2, 4);
        assert_eq!(got, family);
        let cafe = "un cafe\u{301} noir";
        assert_eq!(snapped(cafe, 4, 7), "cafe\u{301}", "the accent comes along");
        let cjk = "中国外交部表示";
        assert_eq!(snapped(cjk, 2, 5), "外交部", "no snapping to the whole run");
    }
}
