//! Words, for double-click selection and word-by-word caret motion.
//!
//! A word is a run of [`CharCategory::Word`] characters (letters, digits,
//! apostrophes and hyphens in any alphabetic script: "don't", "30-day",
//! "Путин") or a run of [`CharCategory::Cjk`] characters. Chinese and
//! Japanese are written without spaces, so a CJK run reaches to the next
//! punctuation, space or non-CJK char ("中国外交部" is one word): the
//! reader cannot know where one CJK word ends without a dictionary, and a
//! run is what a reader selects most often (a name or a phrase between
//! punctuation). Categories are decided per cluster (see
//! [`next_cluster_boundary`](super::next_cluster_boundary)), so a word
//! never leaves a combining mark or half an emoji behind.

use super::clusters::{clamp, cluster_after, cluster_before};
use crate::anchor::CharIndex;

/// What kind of character a char is, as far as words are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharCategory {
    /// Whitespace, including `\n`.
    Space,
    /// Letters and digits of alphabetic scripts, and `'`, `’` and `-`.
    Word,
    /// Han ideographs, kana, Hangul and the like.
    Cjk,
    /// Punctuation, symbols, emoji and anything else.
    Other,
}

impl CharCategory {
    pub fn of(c: char) -> Self {
        if c.is_whitespace() {
            CharCategory::Space
        } else if is_cjk(c) && c.is_alphanumeric() {
            CharCategory::Cjk
        } else if c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' {
            CharCategory::Word
        } else {
            CharCategory::Other
        }
    }

    /// Whether a run of these makes a word.
    pub fn is_wordlike(self) -> bool {
        matches!(self, CharCategory::Word | CharCategory::Cjk)
    }
}

/// Whether `c` is a Chinese character (CJK unified ideographs and extensions).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2EBEF}' | '\u{F900}'..='\u{FAFF}')
}

/// Scripts written without spaces between words (and Hangul, whose
/// syllables pattern with them).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11ff}'
        | '\u{2e80}'..='\u{2fdf}'
        | '\u{3005}'..='\u{3007}'
        | '\u{3040}'..='\u{30ff}'
        | '\u{3100}'..='\u{31ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{a960}'..='\u{a97f}'
        | '\u{ac00}'..='\u{d7ff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff66}'..='\u{ffdc}'
        | '\u{20000}'..='\u{3ffff}')
}

/// The category of a cluster: that of its first char.
fn category(cluster: Option<(char, usize, usize)>) -> Option<CharCategory> {
    cluster.map(|(c, _, _)| CharCategory::of(c))
}

/// Chars in the run of clusters whose category passes `category` just
/// before `byte` (`(chars, bytes)`).
fn run_before(text: &str, byte: usize, category: impl Fn(CharCategory) -> bool) -> (usize, usize) {
    let (mut chars, mut bytes) = (0, 0);
    while let Some((c, n, b)) = cluster_before(&text[..byte - bytes]) {
        if !category(CharCategory::of(c)) {
            break;
        }
        chars += n;
        bytes += b;
    }
    (chars, bytes)
}

/// Chars in the run of clusters whose category passes `category` just
/// after `byte` (`(chars, bytes)`).
fn run_after(text: &str, byte: usize, category: impl Fn(CharCategory) -> bool) -> (usize, usize) {
    let (mut chars, mut bytes) = (0, 0);
    while let Some((c, n, b)) = cluster_after(&text[byte + bytes..]) {
        if !category(CharCategory::of(c)) {
            break;
        }
        chars += n;
        bytes += b;
    }
    (chars, bytes)
}

/// The word around char `at`, as `(start, end)` char offsets: the run of
/// word clusters of one category on both sides of `at` (the one after it
/// first). Where there is no word, the single cluster after `at` (nothing
/// at a line's end); `at` inside a cluster counts from the cluster's start.
pub fn word_around(index: &CharIndex, at: usize) -> (usize, usize) {
    let text = index.text();
    let (mut at, mut byte) = clamp(index, at);
    // Inside a cluster (between "e" and its accent): start at its start.
    if let Some((_, n, b)) = cluster_before(&text[..byte])
        && cluster_after(&text[byte - b..]).is_some_and(|(_, _, whole)| whole > b)
    {
        at -= n;
        byte -= b;
    }
    let after = cluster_after(&text[byte..]);
    let before = cluster_before(&text[..byte]);
    let class = match (category(after), category(before)) {
        (Some(c), _) if c.is_wordlike() => c,
        (_, Some(c)) if c.is_wordlike() => c,
        _ => {
            return match after {
                Some((c, n, _)) if c != '\n' => (at, at + n),
                _ => (at, at),
            };
        }
    };
    let (left, _) = run_before(text, byte, |c| c == class);
    let (right, _) = run_after(text, byte, |c| c == class);
    (at - left, at + right)
}

/// Where Ctrl+Left goes from char `at`: over any spaces before it, then to
/// the start of the word (or run of punctuation) before them.
pub fn word_start_before(index: &CharIndex, at: usize) -> usize {
    let (at, byte) = clamp(index, at);
    let text = index.text();
    let (spaces, space_bytes) = run_before(text, byte, |c| c == CharCategory::Space);
    let (word, _) = run_before(text, byte - space_bytes, |c| c != CharCategory::Space);
    at - spaces - word
}

/// Where Ctrl+Right goes from char `at`: over any spaces after it, then to
/// the end of the word (or run of punctuation) after them.
pub fn word_end_after(index: &CharIndex, at: usize) -> usize {
    let (at, byte) = clamp(index, at);
    let text = index.text();
    let (spaces, space_bytes) = run_after(text, byte, |c| c == CharCategory::Space);
    let (word, _) = run_after(text, byte + space_bytes, |c| c != CharCategory::Space);
    at + spaces + word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around(text: &str, at: usize) -> (usize, usize) {
        word_around(&CharIndex::new(text), at)
    }

    /// The char offset of the first `needle` in `text`.
    fn char_at(text: &str, needle: &str) -> usize {
        text[..text.find(needle).unwrap()].chars().count()
    }

    #[test]
    fn words_are_found_around_a_char_in_any_script() {
        let text = "Zelenskyy accused China; Путин ответил.";
        assert_eq!(around(text, 3), (0, 9));
        let start = text.chars().position(|c| c == 'П').unwrap();
        assert_eq!(around(text, start + 2), (start, start + 5));
        assert_eq!(around("", 5), (0, 0));
        let cjk = "中国外交部 表示";
        assert_eq!(around(cjk, 1), (0, 5));
    }

    #[test]
    fn word_steps_skip_spaces() {
        let text = "one two  three";
        let index = CharIndex::new(text);
        assert_eq!(word_end_after(&index, 0), 3);
        assert_eq!(word_end_after(&index, 3), 7);
        assert_eq!(word_start_before(&index, 14), 9);
        assert_eq!(word_start_before(&index, 9), 4);
        assert_eq!(word_start_before(&index, 0), 0);
        assert_eq!(word_end_after(&index, 14), 14);
        assert_eq!(word_end_after(&index, 99), 14);
    }

    #[test]
    fn categories_replace_the_old_magic_numbers() {
        assert_eq!(CharCategory::of(' '), CharCategory::Space);
        assert_eq!(CharCategory::of('\n'), CharCategory::Space);
        assert_eq!(CharCategory::of('ж'), CharCategory::Word);
        assert_eq!(CharCategory::of('7'), CharCategory::Word);
        assert_eq!(CharCategory::of('’'), CharCategory::Word);
        assert_eq!(CharCategory::of('習'), CharCategory::Cjk);
        assert_eq!(CharCategory::of('か'), CharCategory::Cjk);
        assert_eq!(CharCategory::of('한'), CharCategory::Cjk);
        assert_eq!(CharCategory::of('。'), CharCategory::Other);
        assert_eq!(CharCategory::of('👩'), CharCategory::Other);
        assert_eq!(CharCategory::of('\u{301}'), CharCategory::Other);
    }

    #[test]
    fn a_word_keeps_its_combining_marks() {
        let text = "the cafe\u{301} and nai\u{308}ve";
        assert_eq!(around(text, 5), (4, 9), "café is 5 chars with its accent");
        assert_eq!(around(text, 8), (4, 9), "double-click on the accent itself");
        assert_eq!(around(text, 9), (4, 9), "just after the accent");
        let naive = char_at(text, "nai");
        assert_eq!(around(text, naive + 3), (naive, naive + 6));
        // A mark alone at the start of a paragraph is a cluster of its own.
        assert_eq!(around("\u{301} x", 0), (0, 1));
    }

    #[test]
    fn cjk_runs_are_one_word_apart_from_latin_and_punctuation() {
        let text = "据新华社报道，习近平说OK。";
        assert_eq!(around(text, 2), (0, 6));
        assert_eq!(around(text, 7), (7, 11), "from the comma to the Latin");
        assert_eq!(around(text, 12), (11, 13), "OK is its own word");
        assert_eq!(
            around(text, 6),
            (0, 6),
            "just before the comma: the word before"
        );
        let japanese = "東京でカタカナ、";
        assert_eq!(around(japanese, 4), (0, 7), "kanji and kana run together");
    }

    #[test]
    fn emoji_and_flags_are_selected_whole() {
        let text = "мы 👩‍👩‍👧 и 🇺🇦!";
        let family = char_at(text, "👩");
        assert_eq!(around(text, family), (family, family + 5));
        assert_eq!(
            around(text, family + 2),
            (family, family + 5),
            "inside the sequence"
        );
        let flag = char_at(text, "🇺");
        assert_eq!(around(text, flag), (flag, flag + 2));
        assert_eq!(around(text, flag + 1), (flag, flag + 2));
        assert_eq!(around(text, 1), (0, 2), "мы");
    }

    #[test]
    fn no_word_at_a_space_or_a_line_end() {
        let text = "a  b\nc";
        assert_eq!(around(text, 2), (2, 3), "the space itself");
        assert_eq!(around(text, 4), (3, 4), "the word before the line end");
        assert_eq!(around(". \n", 2), (2, 2), "at the newline: nothing");
        assert_eq!(around(". \n", 0), (0, 1), "punctuation alone");
    }

    #[test]
    fn word_steps_cross_marks_emoji_and_scripts() {
        let text = "Ну cafe\u{301}, 👍🏽 中文";
        let index = CharIndex::new(text);
        let len = index.char_len();
        assert_eq!(word_end_after(&index, 0), 2);
        assert_eq!(word_end_after(&index, 2), 9, "café and its comma");
        assert_eq!(word_end_after(&index, 9), 12, "the thumbs-up whole");
        assert_eq!(word_end_after(&index, 12), len);
        assert_eq!(word_start_before(&index, len), len - 2);
        assert_eq!(word_start_before(&index, len - 2), 10);
        assert_eq!(word_start_before(&index, 10), 3);
        assert_eq!(word_start_before(&index, 3), 0);
    }
}
