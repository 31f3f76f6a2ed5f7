//! Finding a phrase in an article: every match, in chars of the original
//! text, by default ignoring case and diacritics ("cafe" finds "Café" and
//! "CAFÉ"), so a checker finds a name however the article spells its
//! accents.
//!
//! Folding is compatibility decomposition (NFKD, from
//! `unicode-normalization`: fullwidth "ＡＢＣ" is "ABC", "ﬁ" is "fi"), then
//! dropping combining marks unless diacritics must match, then lower case
//! unless case must match. The folded text remembers, for each of its
//! chars, the original char it came from, so matches map back to whole
//! original chars, with any combining marks after the last one included.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// How strictly a phrase must match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FindOptions {
    /// Upper and lower case differ ("Putin" does not find "PUTIN").
    pub match_case: bool,
    /// Accents and other marks differ ("cafe" does not find "café").
    pub match_diacritics: bool,
}

/// A text folded for finding, with the way back to the original chars.
#[derive(Clone, Debug, Default)]
pub struct FoldedText {
    folded: String,
    /// For each char of `folded`: its byte offset there and the original
    /// char (index) it came from.
    origin: Vec<(usize, usize)>,
    /// The original text's length in chars.
    original_len: usize,
    /// Original chars that folded to nothing (dropped marks), ascending.
    dropped: Vec<usize>,
    options: FindOptions,
}

impl FoldedText {
    /// Folds `text` as `options` say.
    pub fn new(text: &str, options: FindOptions) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut dropped = Vec::new();
        let mut original_len = 0;
        for (index, c) in text.chars().enumerate() {
            original_len = index + 1;
            let before = origin.len();
            fold_char(c, options, |f| {
                origin.push((folded.len(), index));
                folded.push(f);
            });
            if origin.len() == before {
                dropped.push(index);
            }
        }
        FoldedText {
            folded,
            origin,
            original_len,
            dropped,
            options,
        }
    }

    /// The options the text was folded with.
    pub fn options(&self) -> FindOptions {
        self.options
    }

    /// Every match of `phrase`, as original char ranges `(start, end)`,
    /// in order and not overlapping. An empty phrase matches nothing.
    pub fn find_all(&self, phrase: &str) -> Vec<(usize, usize)> {
        let mut needle = String::with_capacity(phrase.len());
        for c in phrase.chars() {
            fold_char(c, self.options, |f| needle.push(f));
        }
        if needle.is_empty() {
            return Vec::new();
        }
        let needle_chars = needle.chars().count();
        let mut out: Vec<(usize, usize)> = Vec::new();
        // Matches come in order: walk the folded chars forward with them.
        let mut first = 0;
        for (byte, _) in self.folded.match_indices(&needle) {
            while self.origin[first].0 < byte {
                first += 1;
            }
            let last = first + needle_chars - 1;
            if self.mark_follows(last) {
                // "cafe" in "café" while diacritics must match.
                continue;
            }
            let start = self.origin[first].1;
            let end = self.end_after(self.origin[last].1);
            // A match starting inside the folding of a char already covered
            // (one char folding to several) would overlap the previous one.
            if out.last().is_some_and(|(_, prev_end)| *prev_end > start) {
                continue;
            }
            out.push((start, end));
        }
        out
    }

    /// Whether the folded char after folded char `last` is a kept
    /// combining mark (a match ending there would cut a letter from its accent).
    fn mark_follows(&self, last: usize) -> bool {
        self.origin.get(last + 1).is_some_and(|(byte, _)| {
            self.folded[*byte..]
                .chars()
                .next()
                .is_some_and(is_combining_mark)
        })
    }

    /// Where a match whose last char is original char `last` ends: after
    /// it and after the marks that follow it and were dropped.
    fn end_after(&self, last: usize) -> usize {
        let mut end = last + 1;
        let mut at = self.dropped.partition_point(|d| *d < end);
        while self.dropped.get(at) == Some(&end) {
            end += 1;
            at += 1;
        }
        end.min(self.original_len)
    }
}

/// Every match of `phrase` in `text`; see [`FoldedText::find_all`].
pub fn find_all(text: &str, phrase: &str, options: FindOptions) -> Vec<(usize, usize)> {
    FoldedText::new(text, options).find_all(phrase)
}

/// Hands `c`, folded, to `out` char by char.
fn fold_char(c: char, options: FindOptions, mut out: impl FnMut(char)) {
    if c.is_ascii() {
        // Most of a Latin text: nothing to decompose.
        out(if options.match_case {
            c
        } else {
            c.to_ascii_lowercase()
        });
        return;
    }
    let keep = |d: &char| options.match_diacritics || !is_combining_mark(*d);
    if options.match_case {
        std::iter::once(c).nfkd().filter(keep).for_each(out);
    } else {
        for d in std::iter::once(c).nfkd().filter(keep) {
            d.to_lowercase().for_each(&mut out);
        }
    }
}

/// The match to go to from `current` (an index into `matches`), one step
/// forward or back, wrapping round; with no current match, the first match
/// at or after char `from` (going forward) or the last before it.
pub fn step_match(
    matches: &[(usize, usize)],
    current: Option<usize>,
    from: usize,
    forward: bool,
) -> Option<usize> {
    let n = matches.len();
    if n == 0 {
        return None;
    }
    Some(match (current, forward) {
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
        (None, true) => matches.partition_point(|(s, _)| *s < from) % n,
        (None, false) => matches
            .partition_point(|(s, _)| *s < from)
            .checked_sub(1)
            .unwrap_or(n - 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::slice_chars;

    fn found<'a>(text: &'a str, phrase: &str, options: FindOptions) -> Vec<&'a str> {
        find_all(text, phrase, options)
            .into_iter()
            .map(|(s, e)| slice_chars(text, s, e).expect("a match is a char range of the text"))
            .collect()
    }

    #[test]
    fn case_and_diacritics_are_ignored_by_default() {
        let text = "Café, CAFÉ, cafe\u{301} and cafe.";
        let all = FindOptions::default();
        assert_eq!(
            found(text, "cafe", all),
            ["Café", "CAFÉ", "cafe\u{301}", "cafe"]
        );
        assert_eq!(
            find_all(text, "café", all),
            [(0, 4), (6, 10), (12, 17), (22, 26)],
            "char offsets; the combining accent is part of its match"
        );
        let case = FindOptions {
            match_case: true,
            ..all
        };
        assert_eq!(found(text, "Cafe", case), ["Café"]);
        let marks = FindOptions {
            match_diacritics: true,
            ..all
        };
        assert_eq!(found(text, "café", marks), ["Café", "CAFÉ", "cafe\u{301}"]);
        assert_eq!(found(text, "cafe", marks), ["cafe"]);
    }

    #[test]
    fn cyrillic_matches_whatever_the_case_and_the_breve() {
        let text = "Путин сказал: ПУТИН ответил. Йошкар-Ола и Иошкар.";
        let all = FindOptions::default();
        assert_eq!(found(text, "путин", all), ["Путин", "ПУТИН"]);
        assert_eq!(find_all(text, "ПУТИН", all), [(0, 5), (14, 19)]);
        // Й is И with a breve: found by "и" unless diacritics must match.
        assert_eq!(found(text, "иошкар", all), ["Йошкар", "Иошкар"]);
        let marks = FindOptions {
            match_diacritics: true,
            ..all
        };
        assert_eq!(found(text, "йошкар", marks), ["Йошкар"]);
    }

    #[test]
    fn chinese_and_japanese_are_found_by_char_offsets_and_fullwidth_folds() {
        let text = "习近平抵达莫斯科。習近平將訪問莫斯科。ＡＢＣ新聞";
        let all = FindOptions::default();
        assert_eq!(find_all(text, "莫斯科", all), [(5, 8), (15, 18)]);
        assert_eq!(find_all(text, "習近平", all), [(9, 12)]);
        assert_eq!(found(text, "abc", all), ["ＡＢＣ"]);
        assert_eq!(
            find_all("東京と大阪、とうきょう", "とうきょう", all),
            [(6, 11)]
        );
    }

    #[test]
    fn emoji_flags_and_sequences_keep_their_char_offsets() {
        let text = "👩‍👩‍👧 family 🇺🇦 Kyiv 🇺🇦 kyiv";
        let all = FindOptions::default();
        assert_eq!(find_all(text, "kyiv", all), [(16, 20), (24, 28)]);
        assert_eq!(find_all(text, "🇺🇦", all), [(13, 15), (21, 23)]);
        assert_eq!(found(text, "👩‍👩‍👧", all), ["👩‍👩‍👧"]);
        assert_eq!(find_all(text, "family", all), [(6, 12)]);
    }

    #[test]
    fn nothing_is_found_for_an_empty_phrase_or_a_phrase_of_marks_only() {
        let all = FindOptions::default();
        assert!(find_all("abc", "", all).is_empty());
        assert!(find_all("abc", "\u{301}", all).is_empty());
        assert!(find_all("", "a", all).is_empty());
        assert!(find_all("abc", "abcd", all).is_empty());
    }

    #[test]
    fn matches_do_not_overlap_and_expanding_chars_map_back_whole() {
        let all = FindOptions::default();
        assert_eq!(find_all("aaaa", "aa", all), [(0, 2), (2, 4)]);
        // "ﬁ" (one char) folds to "fi": a match inside it covers the whole char.
        assert_eq!(find_all("ﬁle and file", "file", all), [(0, 3), (8, 12)]);
        assert_eq!(find_all("ﬁ", "i", all), [(0, 1)]);
        // Turkish İ lower-cases to i + a combining dot, dropped.
        assert_eq!(find_all("İstanbul", "istanbul", all), [(0, 8)]);
    }

    #[test]
    fn stepping_wraps_round_and_starts_from_the_caret() {
        let matches = [(2, 4), (10, 12), (20, 22)];
        assert_eq!(step_match(&matches, Some(2), 0, true), Some(0));
        assert_eq!(step_match(&matches, Some(0), 0, false), Some(2));
        assert_eq!(step_match(&matches, Some(1), 0, true), Some(2));
        assert_eq!(step_match(&matches, None, 5, true), Some(1));
        assert_eq!(step_match(&matches, None, 25, true), Some(0));
        assert_eq!(step_match(&matches, None, 5, false), Some(0));
        assert_eq!(step_match(&matches, None, 0, false), Some(2));
        assert_eq!(step_match(&[], None, 0, true), None);
    }
}
