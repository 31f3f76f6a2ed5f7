//! Moving one end of a claim's span by a character or a word, as the keys
//! that widen and narrow a quote do. A character is a cluster (an accent
//! or an emoji sequence moves whole); a word is a run of letters of an
//! alphabetic script, or one character of Chinese, Japanese or Korean
//! (whose words are not separated by spaces). Spaces and punctuation
//! between words come along with the word they lead to.

use super::clusters::{clamp, cluster_after, cluster_before};
use super::words::CharCategory;
use super::{next_cluster_boundary, prev_cluster_boundary};
use crate::anchor::CharIndex;

/// How far one end moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Char,
    Word,
}

/// Which end of a span moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpanEnd {
    Start,
    End,
}

/// The span `start..end` with one end moved a step back (towards the
/// text's start) or forward; `None` when it cannot move (at the text's
/// edge) or would leave the span empty.
pub fn moved_span(
    index: &CharIndex,
    (start, end): (usize, usize),
    which: SpanEnd,
    step: Step,
    forward: bool,
) -> Option<(usize, usize)> {
    let at = match which {
        SpanEnd::Start => start,
        SpanEnd::End => end,
    };
    let to = match (step, forward) {
        (Step::Char, true) => next_cluster_boundary(index, at),
        (Step::Char, false) => prev_cluster_boundary(index, at),
        (Step::Word, true) => word_step_forward(index, at, which),
        (Step::Word, false) => word_step_back(index, at, which),
    };
    let span = match which {
        SpanEnd::Start => (to, end),
        SpanEnd::End => (start, to),
    };
    (to != at && span.0 < span.1).then_some(span)
}

/// Forward by a word: a start skips its word and what follows to the next
/// word's start; an end skips what follows to the next word's end.
fn word_step_forward(index: &CharIndex, at: usize, which: SpanEnd) -> usize {
    match which {
        SpanEnd::Start => skip_gap_forward(index, skip_word_forward(index, at)),
        SpanEnd::End => skip_word_forward(index, skip_gap_forward(index, at)),
    }
}

/// Back by a word: a start takes in the gap and the word before it; an end
/// drops its last word and the gap before it.
fn word_step_back(index: &CharIndex, at: usize, which: SpanEnd) -> usize {
    match which {
        SpanEnd::Start => skip_word_back(index, skip_gap_back(index, at)),
        SpanEnd::End => skip_gap_back(index, skip_word_back(index, at)),
    }
}

/// Over the clusters after `at` that are not part of a word.
fn skip_gap_forward(index: &CharIndex, at: usize) -> usize {
    let (mut at, mut byte) = clamp(index, at);
    let text = index.text();
    while let Some((c, chars, bytes)) = cluster_after(&text[byte..]) {
        if CharCategory::of(c).is_wordlike() {
            break;
        }
        at += chars;
        byte += bytes;
    }
    at
}

/// Over the clusters before `at` that are not part of a word.
fn skip_gap_back(index: &CharIndex, at: usize) -> usize {
    let (mut at, mut byte) = clamp(index, at);
    let text = index.text();
    while let Some((c, chars, bytes)) = cluster_before(&text[..byte]) {
        if CharCategory::of(c).is_wordlike() {
            break;
        }
        at -= chars;
        byte -= bytes;
    }
    at
}

/// Over the word right after `at` (one cluster of CJK).
fn skip_word_forward(index: &CharIndex, at: usize) -> usize {
    let (mut at, mut byte) = clamp(index, at);
    let text = index.text();
    if let Some((c, chars, _)) = cluster_after(&text[byte..])
        && CharCategory::of(c) == CharCategory::Cjk
    {
        return at + chars;
    }
    while let Some((c, chars, bytes)) = cluster_after(&text[byte..]) {
        if CharCategory::of(c) != CharCategory::Word {
            break;
        }
        at += chars;
        byte += bytes;
    }
    at
}

/// Over the word right before `at` (one cluster of CJK).
fn skip_word_back(index: &CharIndex, at: usize) -> usize {
    let (mut at, mut byte) = clamp(index, at);
    let text = index.text();
    if let Some((c, chars, _)) = cluster_before(&text[..byte])
        && CharCategory::of(c) == CharCategory::Cjk
    {
        return at - chars;
    }
    while let Some((c, chars, bytes)) = cluster_before(&text[..byte]) {
        if CharCategory::of(c) != CharCategory::Word {
            break;
        }
        at -= chars;
        byte -= bytes;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str, span: (usize, usize), which: SpanEnd, step: Step, fwd: bool) -> String {
        let index = CharIndex::new(text);
        match moved_span(&index, span, which, step, fwd) {
            Some((s, e)) => index.slice(s, e).unwrap().to_owned(),
            None => "<none>".into(),
        }
    }

    const TEXT: &str = "Путин сказал: «29 heads of state», 习近平 👩‍👩‍👧 cafe\u{301}.";

    fn at(needle: &str) -> usize {
        TEXT[..TEXT.find(needle).unwrap()].chars().count()
    }

    #[test]
    fn a_word_step_widens_and_narrows_either_end() {
        let span = (at("heads"), at(" of"));
        use SpanEnd::{End, Start};
        assert_eq!(quote(TEXT, span, Start, Step::Word, false), "29 heads");
        assert_eq!(quote(TEXT, span, End, Step::Word, true), "heads of");
        let wide = (at("29"), at("»"));
        assert_eq!(quote(TEXT, wide, Start, Step::Word, true), "heads of state");
        assert_eq!(quote(TEXT, wide, End, Step::Word, false), "29 heads of");
        assert_eq!(
            quote(TEXT, (at("29"), at(" heads")), Start, Step::Word, false),
            "сказал: «29",
            "the punctuation between comes along"
        );
        assert_eq!(
            quote(TEXT, span, End, Step::Word, false),
            "<none>",
            "narrowing a one-word quote by a word would empty it"
        );
    }

    #[test]
    fn steps_in_cjk_emoji_and_combining_marks_move_whole_characters() {
        use SpanEnd::{End, Start};
        let han = (at("习"), at("习") + 1);
        assert_eq!(
            quote(TEXT, han, End, Step::Word, true),
            "习近",
            "a CJK word step is one char"
        );
        assert_eq!(quote(TEXT, han, End, Step::Char, true), "习近");
        let family = (at("👩"), at("👩") + 5);
        assert_eq!(quote(TEXT, family, End, Step::Char, true), "👩‍👩‍👧 ");
        assert_eq!(quote(TEXT, family, End, Step::Char, false), "<none>");
        let cafe = (at("cafe"), at("cafe") + 3);
        assert_eq!(
            quote(TEXT, cafe, End, Step::Char, true),
            "cafe\u{301}",
            "the accent moves with its letter"
        );
        assert_eq!(
            quote(TEXT, (0, 5), Start, Step::Char, false),
            "<none>",
            "at the text's start"
        );
        let len = TEXT.chars().count();
        assert_eq!(quote(TEXT, (len - 1, len), End, Step::Word, true), "<none>");
    }
}
