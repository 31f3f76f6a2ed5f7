//! A text's paragraphs (its `\n`-separated lines), in chars and bytes.

use std::ops::Range;

/// One paragraph (a line of the text, without its `\n`): char and byte
/// ranges, and an estimate of its width in ems for guessing its height
/// before it is laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub chars: Range<usize>,
    pub bytes: Range<usize>,
    pub ems: f32,
}

/// Splits a text at `\n` into paragraphs, with an em-width estimate each.
/// There is always at least one paragraph (empty for an empty text), and
/// an empty one after a final `\n`.
pub fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut char_start = 0;
    let mut byte_start = 0;
    let mut chars = 0;
    let mut ems = 0.0;
    for (byte, c) in text.char_indices() {
        if c == '\n' {
            paragraphs.push(Paragraph {
                chars: char_start..chars,
                bytes: byte_start..byte,
                ems,
            });
            char_start = chars + 1;
            byte_start = byte + 1;
            ems = 0.0;
        } else {
            ems += em_width(c);
        }
        chars += 1;
    }
    paragraphs.push(Paragraph {
        chars: char_start..chars,
        bytes: byte_start..text.len(),
        ems,
    });
    paragraphs
}

/// A rough width of a char in ems, for estimating unseen paragraph heights.
pub fn em_width(c: char) -> f32 {
    match c {
        ' ' | 'i' | 'l' | 'j' | 't' | 'f' | 'r' | '.' | ',' | '\'' => 0.3,
        'A'..='Z' | 'm' | 'w' => 0.68,
        c if c.is_ascii() => 0.52,
        '\u{0400}'..='\u{04ff}' => 0.58,
        c if c >= '\u{2e80}' => 1.0,
        _ => 0.6,
    }
}

/// The index of the paragraph holding char `pos`: a paragraph's end (just
/// before its `\n`) belongs to it; offsets past the text give the last
/// paragraph. `paragraphs` must be ordered, as [`split_paragraphs`] gives
/// them; an empty slice gives 0.
pub fn paragraph_of_char(paragraphs: &[Paragraph], pos: usize) -> usize {
    paragraphs
        .partition_point(|p| p.chars.end < pos)
        .min(paragraphs.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_cover_the_text_in_chars_and_bytes() {
        let text = "Первый абзац.\n\n第二段。\nlast";
        let paragraphs = split_paragraphs(text);
        assert_eq!(paragraphs.len(), 4);
        for p in &paragraphs {
            let by_bytes = &text[p.bytes.clone()];
            let by_chars: String = text
                .chars()
                .skip(p.chars.start)
                .take(p.chars.len())
                .collect();
            assert_eq!(by_bytes, by_chars);
        }
        assert_eq!(paragraphs[1].chars.len(), 0);
        assert_eq!(paragraphs[3].chars.end, text.chars().count());
    }

    #[test]
    fn paragraph_ranges_are_exact_in_every_script() {
        // 👩‍👩‍👧 is 5 chars, 🇺🇦 2, "e\u{301}" 2.
        let text = "Привет 👩‍👩‍👧\n中文🇺🇦\ncafe\u{301}\n";
        let paragraphs = split_paragraphs(text);
        let chars: Vec<_> = paragraphs.iter().map(|p| p.chars.clone()).collect();
        assert_eq!(chars, vec![0..12, 13..17, 18..23, 24..24]);
        assert_eq!(&text[paragraphs[1].bytes.clone()], "中文🇺🇦");
        assert_eq!(&text[paragraphs[2].bytes.clone()], "cafe\u{301}");
        assert_eq!(paragraphs[3].bytes, text.len()..text.len());
        assert_eq!(split_paragraphs("")[0].chars, 0..0);
    }

    #[test]
    fn width_estimates_grow_with_wider_scripts() {
        let latin = &split_paragraphs("abcd")[0];
        let cyrillic = &split_paragraphs("абвг")[0];
        let cjk = &split_paragraphs("中文中文")[0];
        assert!(latin.ems < cyrillic.ems && cyrillic.ems < cjk.ems);
        assert_eq!(cjk.ems, 4.0);
    }

    #[test]
    fn a_paragraph_end_belongs_to_its_paragraph() {
        let paragraphs = split_paragraphs("ab\n\nщё\n");
        assert_eq!(paragraph_of_char(&paragraphs, 0), 0);
        assert_eq!(paragraph_of_char(&paragraphs, 2), 0, "end of the first");
        assert_eq!(paragraph_of_char(&paragraphs, 3), 1, "the empty one");
        assert_eq!(paragraph_of_char(&paragraphs, 4), 2);
        assert_eq!(paragraph_of_char(&paragraphs, 6), 2);
        assert_eq!(paragraph_of_char(&paragraphs, 7), 3);
        assert_eq!(paragraph_of_char(&paragraphs, 99), 3);
        assert_eq!(paragraph_of_char(&[], 5), 0);
    }
}
