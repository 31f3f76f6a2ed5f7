//! Plain-text logic for showing and selecting article texts, with no
//! window in sight: splitting a text into paragraphs, what counts as one
//! character on screen (a base char with its combining marks, an emoji
//! sequence, a flag), what counts as a word, the caret motions built
//! on them, numbers as written in any digits, finding a phrase whatever
//! its case and accents, finding a
//! pasted quote whatever its invisible differences, tidying a selection
//! into a quote (trimmed, snapped to words), and text made safe to print
//! on a terminal.
//!
//! Offsets are char offsets (Unicode scalar values), as everywhere in
//! Factbench; conversions go through a [`CharIndex`](crate::anchor::CharIndex)
//! the caller keeps, so none of these functions walks the text from its
//! start.

mod address;
mod arabic;
mod bidi;
mod clusters;
mod find;
mod numbers;
mod paragraphs;
mod pasted;
mod pieces;
mod quote;
mod span_motion;
mod terminal;
mod trim;
mod words;

pub use address::readable_address;
pub use arabic::{ALL_FORMS, Form, contextual_forms, is_arabic_mark, lam_alef, presentation_form};
pub use bidi::{
    BidiParagraph, CaretBox, Unit, caret_boundary, caret_boxes, caret_stops, display_order,
    has_rtl, is_rtl_paragraph, visual_order, visual_step,
};
pub use clusters::{
    cluster_around, is_cluster_boundary, next_cluster_boundary, prev_cluster_boundary,
    widen_to_clusters,
};
pub use find::{FindOptions, FoldedText, find_all, step_match};
pub use numbers::{
    ARABIC_DECIMAL_SEPARATOR, ARABIC_THOUSANDS_SEPARATOR, WrittenNumber, is_digit, is_percent_sign,
    read_number, written_numbers,
};
pub use paragraphs::{Paragraph, em_width, paragraph_of_char, split_paragraphs};
pub use pasted::PastedQuoteFinder;
pub use pieces::{MAX_PIECE_CHARS, PIECE_CHARS, continues_paragraph, cut_long_paragraphs};
pub use quote::{QUOTE_CHARS, cut, quoted, shorten_quotes};
pub use span_motion::{SpanEnd, Step, moved_span};
pub use terminal::{TerminalWriter, acts_on_terminal, for_terminal, is_bidi_control};
pub use trim::{is_trimmable, snap_to_words, trim_selection};
pub use words::{CharCategory, is_han, word_around, word_end_after, word_start_before};

/// `n` and the noun in the number it takes in English: "1 claim",
/// "0 claims", "3 sources".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `text` on one line (runs of whitespace, newlines included, become one
/// space), cut to `max_chars` chars with "…" when longer.
pub fn one_line(text: &str, max_chars: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = flat.chars();
    let head: String = chars.by_ref().take(max_chars).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_flattens_and_cuts_at_a_char_count() {
        assert_eq!(one_line("  Путин\n\n ответил ", 120), "Путин ответил");
        assert_eq!(one_line("习近平说 👩‍👩‍👧", 5), "习近平说 …");
        assert_eq!(one_line("cafe\u{301}", 5), "cafe\u{301}");
        assert_eq!(one_line("", 3), "");
        assert_eq!(one_line("Путин\n сказал  это", 100), "Путин сказал это");
        assert_eq!(one_line("习近平主席访问", 3), "习近平…");
        assert_eq!(one_line("👩‍👩‍👧abc", 1), "👩…");
        assert_eq!(one_line("abc", 3), "abc");
    }
}
