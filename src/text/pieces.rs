//! Long paragraphs cut into pieces for laying out. A transcript or a pasted
//! PDF can arrive as one paragraph of a megabyte; laid out as one galley it
//! costs hundreds of megabytes and a long first frame, and every width
//! change lays it all out again. Cut into pieces of a few thousand chars,
//! only the pieces in view are laid out.
//!
//! A paragraph is cut after a sentence end where it can be, else after a
//! space, else between two characters (never inside a grapheme cluster, so
//! an accent or an emoji sequence stays whole). The pieces of one paragraph
//! are contiguous: one piece's end is the next one's start, while separate
//! paragraphs are one `\n` apart — which is how a reader tells a piece from
//! a paragraph ([`continues_paragraph`]).

use super::paragraphs::{Paragraph, em_width};
use unicode_segmentation::GraphemeCursor;

/// Paragraphs up to this many chars stay whole; a piece is cut at the first
/// sentence end after this many chars. About thirty lines of a normal
/// column: laying one out takes well under a millisecond, and a screen
/// shows no more than a few of them.
pub const PIECE_CHARS: usize = 2_000;
/// No piece is longer than this: without a sentence end, the piece is cut
/// after its last space, and without a space (a text in a script written
/// without spaces, or a garbled line) between two characters.
pub const MAX_PIECE_CHARS: usize = 2 * PIECE_CHARS;

/// The paragraphs of a text with every one longer than [`MAX_PIECE_CHARS`]
/// cut into pieces. Shorter paragraphs come through unchanged.
pub fn cut_long_paragraphs(text: &str, paragraphs: Vec<Paragraph>) -> Vec<Paragraph> {
    if paragraphs.iter().all(|p| p.chars.len() <= MAX_PIECE_CHARS) {
        return paragraphs;
    }
    let mut pieces = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs {
        if paragraph.chars.len() <= MAX_PIECE_CHARS {
            pieces.push(paragraph);
        } else {
            cut_paragraph(text, &paragraph, &mut pieces);
        }
    }
    pieces
}

/// Whether `next` carries on the paragraph `piece` belongs to (no `\n`
/// between them, so no paragraph gap either).
pub fn continues_paragraph(piece: &Paragraph, next: &Paragraph) -> bool {
    next.chars.start == piece.chars.end
}

/// A place a piece may end, as char and byte offsets from the start of the
/// paragraph.
#[derive(Clone, Copy)]
struct Cut {
    chars: usize,
    bytes: usize,
}

fn cut_paragraph(text: &str, paragraph: &Paragraph, out: &mut Vec<Paragraph>) {
    let body = &text[paragraph.bytes.clone()];
    let mut start = Cut { chars: 0, bytes: 0 };
    let mut sentence: Option<Cut> = None;
    let mut space: Option<Cut> = None;
    let mut reading = SentenceEnds::default();
    let mut chars = 0;
    for (byte, c) in body.char_indices() {
        // `here` is the place just before `c`.
        let here = Cut { chars, bytes: byte };
        let (sentence_ends, after_space) = reading.before(c);
        if here.chars > start.chars {
            if sentence_ends && chars - start.chars >= PIECE_CHARS {
                push_piece(body, paragraph, start, here, out);
                start = here;
                sentence = None;
                space = None;
            } else if sentence_ends {
                sentence = Some(here);
            } else if after_space {
                space = Some(here);
            }
        }
        if chars - start.chars >= MAX_PIECE_CHARS {
            let end = sentence
                .or(space)
                .filter(|cut| cut.chars - start.chars >= PIECE_CHARS / 2)
                .unwrap_or_else(|| grapheme_boundary_at_or_before(body, here, start));
            push_piece(body, paragraph, start, end, out);
            start = end;
            sentence = None;
            space = None;
        }
        chars += 1;
    }
    let end = Cut {
        chars,
        bytes: body.len(),
    };
    if end.chars > start.chars {
        push_piece(body, paragraph, start, end, out);
    }
}

/// What the text read so far says about the place before the next char.
#[derive(Default)]
struct SentenceEnds {
    /// Terminal punctuation was read, possibly followed by closing quotes
    /// or brackets, and nothing else yet.
    terminal: bool,
    /// That punctuation was a full-width mark, which needs no space after it.
    full_width: bool,
    /// The last char read was a space.
    in_space: bool,
}

impl SentenceEnds {
    /// Reads `c`; says whether a sentence ends just before it (after `.`,
    /// `!`, `?` or `…` and the spaces after them, or right after a
    /// full-width `。！？`), and whether it starts a word after a space.
    fn before(&mut self, c: char) -> (bool, bool) {
        let starts_word = !c.is_whitespace() && !is_closing(c);
        let ends = starts_word && self.terminal && (self.in_space || self.full_width);
        let after_space = self.in_space && !c.is_whitespace();
        if c.is_whitespace() {
            self.in_space = true;
        } else {
            self.in_space = false;
            if matches!(c, '.' | '!' | '?' | '…') {
                self.terminal = true;
                self.full_width = false;
            } else if matches!(c, '。' | '！' | '？') {
                self.terminal = true;
                self.full_width = true;
            } else if !is_closing(c) {
                self.terminal = false;
                self.full_width = false;
            }
        }
        (ends, after_space)
    }
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '»' | '”' | '’' | '」' | '』' | '）'
    )
}

/// The grapheme boundary at `here`, or the nearest one before it (but after
/// `start`); `here` itself when the piece is one enormous cluster.
fn grapheme_boundary_at_or_before(body: &str, here: Cut, start: Cut) -> Cut {
    let mut cursor = GraphemeCursor::new(here.bytes, body.len(), true);
    match cursor.is_boundary(body, 0) {
        Ok(true) => return here,
        Ok(false) => {}
        Err(_) => return here,
    }
    match cursor.prev_boundary(body, 0) {
        Ok(Some(bytes)) if bytes > start.bytes => Cut {
            chars: here.chars - body[bytes..here.bytes].chars().count(),
            bytes,
        },
        _ => here,
    }
}

fn push_piece(body: &str, paragraph: &Paragraph, start: Cut, end: Cut, out: &mut Vec<Paragraph>) {
    let piece = &body[start.bytes..end.bytes];
    out.push(Paragraph {
        chars: paragraph.chars.start + start.chars..paragraph.chars.start + end.chars,
        bytes: paragraph.bytes.start + start.bytes..paragraph.bytes.start + end.bytes,
        ems: piece.chars().map(em_width).sum(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::split_paragraphs;

    fn pieces_of(text: &str) -> Vec<Paragraph> {
        cut_long_paragraphs(text, split_paragraphs(text))
    }

    /// Every piece slices the same text by chars and by bytes, the pieces
    /// cover the text in order, and none is longer than the most allowed.
    fn assert_exact_cover(text: &str, pieces: &[Paragraph]) {
        let chars: Vec<char> = text.chars().collect();
        let mut at = 0;
        for piece in pieces {
            assert!(piece.chars.start == at || piece.chars.start == at + 1);
            if piece.chars.start == at + 1 {
                assert_eq!(chars[at], '\n', "paragraphs are one newline apart");
            }
            let by_chars: String = chars[piece.chars.clone()].iter().collect();
            assert_eq!(&text[piece.bytes.clone()], by_chars);
            assert!(piece.chars.len() <= MAX_PIECE_CHARS, "{:?}", piece.chars);
            at = piece.chars.end;
        }
        assert_eq!(at, chars.len());
    }

    #[test]
    fn short_paragraphs_stay_whole() {
        let text = "Первый абзац.\n\n第二段。\nlast";
        assert_eq!(pieces_of(text), split_paragraphs(text));
    }

    #[test]
    fn a_long_paragraph_is_cut_after_sentence_ends() {
        let sentence = "Россия поставила 2450 танков, сказал он. ";
        let text = sentence.repeat(400) + "\nNext paragraph.";
        let pieces = pieces_of(&text);
        assert_exact_cover(&text, &pieces);
        assert!(pieces.len() > 4, "{}", pieces.len());
        let (last, long) = pieces.split_last().unwrap();
        assert_eq!(&text[last.bytes.clone()], "Next paragraph.");
        for (piece, next) in long.iter().zip(&pieces[1..]) {
            let body = &text[piece.bytes.clone()];
            if continues_paragraph(piece, next) {
                assert!(
                    body.starts_with("Россия") && body.ends_with("он. "),
                    "{body:?}"
                );
                assert!(piece.chars.len() >= PIECE_CHARS);
            }
        }
        assert!(!continues_paragraph(&long[long.len() - 1], last));
    }

    #[test]
    fn chinese_sentences_end_at_full_width_marks_without_spaces() {
        let text = "中国向俄罗斯提供了零部件。".repeat(600);
        let pieces = pieces_of(&text);
        assert_exact_cover(&text, &pieces);
        assert!(pieces.len() > 2);
        for piece in &pieces {
            assert!(text[piece.bytes.clone()].ends_with('。'));
        }
    }

    #[test]
    fn without_sentence_ends_pieces_end_after_a_space() {
        let text = "word ".repeat(3_000);
        let pieces = pieces_of(&text);
        assert_exact_cover(&text, &pieces);
        for piece in &pieces {
            assert!(text[piece.bytes.clone()].ends_with(' '));
        }
    }

    #[test]
    fn a_line_without_spaces_is_cut_between_whole_clusters() {
        // Each cluster is "e" and a combining acute, or a family emoji of
        // five chars: a cut inside one would split what is drawn as one.
        // Seven chars a unit, so the longest piece (4,000 chars) would end
        // inside a family.
        let text = "e\u{301}👩‍👩‍👧".repeat(2_000);
        let pieces = pieces_of(&text);
        assert_exact_cover(&text, &pieces);
        assert!(pieces.len() > 3);
        for piece in &pieces {
            let body = &text[piece.bytes.clone()];
            let first = body.chars().next().unwrap();
            assert!(first == 'e' || first == '👩', "{first:?}");
        }
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let sentence = "He said: «It is 245 billion dollars.» Then he left. ";
        let text = sentence.repeat(200);
        let pieces = pieces_of(&text);
        assert_exact_cover(&text, &pieces);
        for piece in &pieces[1..] {
            let body = &text[piece.bytes.clone()];
            assert!(!body.starts_with('»'), "{:?}", &body[..20]);
        }
    }
}
