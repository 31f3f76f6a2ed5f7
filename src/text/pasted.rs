//! Finding a quote pasted from elsewhere (a spreadsheet, a claim-detection
//! service, a chat) in an article's text. Pasting changes text in ways a
//! reader does not see, so both sides are folded before comparing: the
//! quote is normalised to NFC as imported articles are; any run of
//! whitespace (no-break spaces included) matches any other; curly and
//! straight quote marks match each other, as do dashes, hyphens and the
//! minus sign; soft hyphens and zero-width characters are ignored; Arabic
//! and Persian letter variants (yeh, kaf) match, and Arabic tashkeel and
//! Hebrew niqqud are ignored. Case and other accents still count: a quote
//! is the article's words, not a search.
//!
//! Matches come back as char ranges of the original text (the anchor is
//! always the article's own text), with the ignored marks that follow the
//! last matched char included.

use unicode_normalization::UnicodeNormalization;

/// A text folded for finding pasted quotes, with the way back to its chars.
#[derive(Clone, Debug, Default)]
pub struct PastedQuoteFinder {
    folded: String,
    /// For each char of `folded`: its byte offset there and the original
    /// char (index) it came from.
    origin: Vec<(usize, usize)>,
    /// Whether each original char was ignored (folded to nothing).
    ignored: Vec<bool>,
}

impl PastedQuoteFinder {
    /// Folds an article's (NFC) text once, for any number of quotes.
    pub fn new(text: &str) -> Self {
        let mut finder = PastedQuoteFinder::default();
        for (index, c) in text.chars().enumerate() {
            let before = finder.origin.len();
            if let Some(f) = fold_char(c, finder.folded.ends_with(' ')) {
                finder.origin.push((finder.folded.len(), index));
                finder.folded.push(f);
            }
            finder
                .ignored
                .push(finder.origin.len() == before && is_ignored(c));
        }
        finder
    }

    /// Every occurrence of `quote`, as char ranges `(start, end)` of the
    /// original text, in order and not overlapping. A quote of nothing but
    /// spaces and ignored chars matches nothing.
    pub fn find(&self, quote: &str) -> Vec<(usize, usize)> {
        let needle = fold(quote);
        let needle = needle.trim_matches(' ');
        if needle.is_empty() {
            return Vec::new();
        }
        let needle_chars = needle.chars().count();
        let mut first = 0;
        let mut out = Vec::new();
        for (byte, _) in self.folded.match_indices(needle) {
            while self.origin[first].0 < byte {
                first += 1;
            }
            let last = first + needle_chars - 1;
            out.push((self.origin[first].1, self.end_after(self.origin[last].1)));
        }
        out
    }

    /// Whether `quote` folds to nothing: it holds only spaces and ignored
    /// characters, and can match nothing.
    pub fn is_blank(quote: &str) -> bool {
        fold(quote).trim_matches(' ').is_empty()
    }

    /// Where a match whose last char is original char `last` ends: after
    /// it and the ignored chars right after it.
    fn end_after(&self, last: usize) -> usize {
        let mut end = last + 1;
        while self.ignored.get(end) == Some(&true) {
            end += 1;
        }
        end
    }
}

/// `text` normalised to NFC and folded as a whole.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        if let Some(f) = fold_char(c, out.ends_with(' ')) {
            out.push(f);
        }
    }
    out
}

/// What `c` folds to; `None` when it is ignored, or whitespace following
/// whitespace (`after_space`).
fn fold_char(c: char, after_space: bool) -> Option<char> {
    if c.is_whitespace() {
        return (!after_space).then_some(' ');
    }
    if is_ignored(c) {
        return None;
    }
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}'
        | '\u{ff07}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ff02}' => '"',
        '\u{2010}'..='\u{2015}'
        | '\u{2212}'
        | '\u{fe58}'
        | '\u{fe63}'
        | '\u{ff0d}'
        | '\u{05be}' => '-',
        // Farsi yeh and alef maksura as Arabic yeh; keheh as Arabic kaf.
        '\u{06cc}' | '\u{0649}' => '\u{064a}',
        '\u{06a9}' | '\u{06aa}' => '\u{0643}',
        other => other,
    })
}

/// Chars a pasted quote may have or lack without a reader seeing it: soft
/// hyphens, zero-width spaces and joiners, the byte-order mark, Arabic
/// tashkeel and tatweel, Hebrew niqqud and cantillation.
fn is_ignored(c: char) -> bool {
    matches!(c,
        '\u{00ad}' | '\u{034f}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
        | '\u{0610}'..='\u{061a}' | '\u{0640}' | '\u{064b}'..='\u{065f}' | '\u{0670}'
        | '\u{06d6}'..='\u{06dc}' | '\u{06df}'..='\u{06e4}' | '\u{06e7}' | '\u{06e8}'
        | '\u{06ea}'..='\u{06ed}'
        | '\u{0591}'..='\u{05bd}' | '\u{05bf}' | '\u{05c1}' | '\u{05c2}' | '\u{05c4}'
        | '\u{05c5}' | '\u{05c7}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::slice_chars;

    fn found<'a>(text: &'a str, quote: &str) -> Vec<&'a str> {
        PastedQuoteFinder::new(text)
            .find(quote)
            .into_iter()
            .map(|(s, e)| slice_chars(text, s, e).unwrap())
            .collect()
    }

    #[test]
    fn spaces_quotes_and_dashes_are_folded() {
        let text =
            "He said \u{201c}it\u{2019}s over\u{201d} \u{2014} 72\u{a0}hours,\n  no\u{2011}more.";
        assert_eq!(
            found(text, "\"it's   over\" - 72 hours, no-more"),
            ["\u{201c}it\u{2019}s over\u{201d} \u{2014} 72\u{a0}hours,\n  no\u{2011}more"]
        );
        assert_eq!(found(text, "  it's over "), ["it\u{2019}s over"]);
        assert_eq!(found(text, "It's over"), Vec::<&str>::new(), "case counts");
        assert!(found(text, " \u{200b} ").is_empty());
    }

    #[test]
    fn invisible_chars_and_marks_are_ignored_on_either_side() {
        let text = "Пре\u{ad}зидент за\u{200b}явил";
        assert_eq!(found(text, "Президент заявил"), [text]);
        assert_eq!(found("Президент заявил", "Пре\u{ad}зидент"), ["Президент"]);
        // Hebrew with niqqud, quoted without; the last letter's marks are kept.
        let hebrew = "אָמַר שָׁלוֹם לְכֻלָּם";
        assert_eq!(found(hebrew, "שלום"), ["שָׁלוֹם"]);
        // Persian yeh and keheh against Arabic letters, tashkeel ignored.
        assert_eq!(
            found("رئيس الجمهوريّة كتب", "رئیس الجمهورية"),
            ["رئيس الجمهوريّة"]
        );
        assert_eq!(found("کتاب", "كتاب"), ["کتاب"]);
    }

    #[test]
    fn offsets_are_chars_and_decomposed_quotes_match_composed_text() {
        let text = "习近平 👩‍👩‍👧 café";
        let finder = PastedQuoteFinder::new(text);
        assert_eq!(finder.find("cafe\u{301}"), [(10, 14)]);
        assert_eq!(finder.find("习近平"), [(0, 3)]);
        assert_eq!(finder.find("👩‍👩‍👧"), [(4, 9)]);
    }
}
