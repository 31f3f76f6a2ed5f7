//! An article that is one long paragraph (a transcript, a pasted PDF): the
//! reader lays it out in pieces, and the pieces stay invisible — selecting,
//! marking and moving the caret across a piece boundary behave as inside
//! any paragraph, and offsets stay exact.

use crate::support::{app, harness, one_article, press};
use egui::{Key, Modifiers};
use factbench::anchor::capture;
use factbench::text::{continues_paragraph, cut_long_paragraphs, split_paragraphs};

/// One paragraph in four scripts, with an emoji family and a combining
/// accent in every sentence.
fn long_text() -> String {
    "Путин сказал, что 习近平 поставил 2450 👩‍👩‍👧 танков в кафе\u{301}. ".repeat(1_500)
}

/// The start of the fourth piece of the paragraph.
fn a_piece_boundary(text: &str) -> usize {
    let pieces = cut_long_paragraphs(text, split_paragraphs(text));
    assert!(pieces.len() > 10, "{} pieces", pieces.len());
    assert!(continues_paragraph(&pieces[2], &pieces[3]));
    pieces[3].chars.start
}

fn chars_of(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn only_the_pieces_in_view_are_laid_out() {
    let text = long_text();
    let mut harness = harness(app(one_article("Transcript", &text), vec![]));
    harness.run_steps(2);
    let (pieces, laid_out) = harness.state_mut().reader_mut().pieces_laid_out().unwrap();
    assert!(pieces > 40, "{pieces} pieces");
    assert!((1..=6).contains(&laid_out), "{laid_out} laid out");
}

#[test]
fn a_claim_marked_across_a_piece_boundary_quotes_exactly_what_was_selected() {
    let text = long_text();
    let boundary = a_piece_boundary(&text);
    let mut harness = harness(app(one_article("Transcript", &text), vec![]));
    harness.state_mut().reader_mut().focus();
    harness
        .state_mut()
        .reader_mut()
        .set_selection(boundary - 7, boundary - 7);
    harness.run_steps(2);
    // Right moves by whole characters (the family emoji is one): past the
    // boundary by at least seven chars.
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight, 14);
    let (from, to) = harness.state().text_selection().unwrap();
    assert_eq!(from, boundary - 7);
    assert!(to >= boundary + 7, "selected {from}..{to}");
    press(&mut harness, Modifiers::COMMAND, Key::M, 1);
    let claims = &harness.state().workspace().claims;
    assert_eq!(claims.len(), 1);
    let anchor = &claims[0].anchor;
    let expected = chars_of(&text, anchor.start, anchor.end);
    assert_eq!(anchor.exact, expected);
    assert!(
        anchor.start < boundary && anchor.end > boundary,
        "the quote {}..{} crosses the boundary at {boundary}",
        anchor.start,
        anchor.end
    );
    // The quote is checked against the text as any other: no problem.
    assert_eq!(
        capture(&text, anchor.start, anchor.end).unwrap().exact,
        anchor.exact
    );
}

#[test]
fn the_caret_moves_down_and_up_across_pieces_keeping_its_column() {
    let text = long_text();
    let boundary = a_piece_boundary(&text);
    let mut harness = harness(app(one_article("Transcript", &text), vec![]));
    harness.state_mut().reader_mut().focus();
    // Just before the boundary: on the last row of the third piece.
    let start = boundary - 2;
    harness.state_mut().reader_mut().set_selection(start, start);
    harness.run_steps(1);
    // Right and Left again: the reader scrolls the caret into view.
    press(&mut harness, Modifiers::NONE, Key::ArrowRight, 1);
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft, 1);
    assert_eq!(harness.state_mut().reader_mut().caret(), Some(start));
    press(&mut harness, Modifiers::NONE, Key::ArrowDown, 1);
    let down = harness.state_mut().reader_mut().caret().unwrap();
    assert!(
        down > boundary,
        "Down went to {down}: into the next piece's first row, not to its start {boundary}"
    );
    press(&mut harness, Modifiers::NONE, Key::ArrowUp, 1);
    let up = harness.state_mut().reader_mut().caret().unwrap();
    assert!(
        up.abs_diff(start) <= 1,
        "Up came back to {up}, next to where it started ({start})"
    );
}
