//! Right-to-left articles in the reader (issue 27): Arabic and Hebrew
//! paragraphs are drawn from the right edge, the arrows move the caret on
//! screen (Left goes forward through Arabic), and claims marked by
//! keyboard or pointer quote exactly the logical text selected. The test
//! sentences are written for these tests.

use crate::support::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factbench::anchor::slice_chars;
use factbench::ui::FactbenchApp;

/// "The spokesman said the number of victims reached 123 people." and a
/// second line.
const ARABIC: &str = "قال المتحدث إن عدد الضحايا بلغ 123 شخصا.\nوأضاف أن Joe Biden سيزور المنطقة.";
/// "The prime minister said that 42 percent of the public support the
/// proposal." and a second line.
const HEBREW: &str = "ראש הממשלה אמר כי 42 אחוז מהציבור תומכים בהצעה.\nשלום 42 עולם.";

fn caret(harness: &mut Harness<'static, FactbenchApp>) -> Option<usize> {
    harness.state_mut().reader_mut().caret()
}

/// Marks the selection with Ctrl+M and returns the new claim's quote
/// and offsets.
fn mark(harness: &mut Harness<'static, FactbenchApp>) -> (String, usize, usize) {
    press(harness, Modifiers::COMMAND, Key::M, 1);
    let claim = harness
        .state()
        .workspace()
        .claims
        .last()
        .expect("a claim was marked")
        .clone();
    (claim.anchor.exact, claim.anchor.start, claim.anchor.end)
}

/// The screen rect of the first paragraph (its accessible node).
fn first_paragraph(harness: &Harness<'static, FactbenchApp>, text: &str) -> egui::Rect {
    paragraph_rect(harness, text.lines().next().unwrap())
}

fn click(
    harness: &mut Harness<'static, FactbenchApp>,
    pos: egui::Pos2,
    modifiers: egui::Modifiers,
) {
    harness.hover_at(pos);
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers,
        });
        harness.run_steps(1);
    }
    harness.run_steps(1);
}

/// Double-clicks `inset` points inside the right edge of the first
/// paragraph of a one-article workspace holding `text` (frames of 0.1 s,
/// so that the two clicks make a double click), then marks the selection:
/// the selection and the marked quote with its span.
fn double_click_at_the_right_edge(
    title: &str,
    text: &str,
    inset: f32,
) -> (Option<(usize, usize)>, (String, usize, usize)) {
    let mut harness = egui_kittest::Harness::builder()
        .with_size(WINDOW)
        .with_step_dt(0.1)
        .with_context_setup(factbench::ui::install_fonts)
        .build_ui_state(
            |ui, app: &mut FactbenchApp| app.show(ui),
            app(one_article(title, text), vec![]),
        );
    harness.run_steps(3);
    let paragraph = first_paragraph(&harness, text);
    let at = egui::pos2(paragraph.max.x - inset, paragraph.min.y + 10.0);
    harness.hover_at(at);
    harness.run_steps(1);
    for pressed in [true, false, true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run_steps(1);
    let selection = harness.state().text_selection();
    (selection, mark(&mut harness))
}

/// Drags leftwards from the right edge of the first paragraph of a
/// one-article workspace holding `text`, `distance` points along its first
/// row; the harness and the selection made.
fn drag_leftwards_from_the_right_edge(
    title: &str,
    text: &str,
    distance: f32,
) -> (Harness<'static, FactbenchApp>, (usize, usize)) {
    let mut harness = harness(app(one_article(title, text), vec![]));
    let paragraph = first_paragraph(&harness, text);
    let y = paragraph.min.y + 10.0;
    let from = egui::pos2(paragraph.max.x - 1.0, y);
    let to = egui::pos2(paragraph.max.x - distance, y);
    harness.drag_at(from);
    harness.run_steps(1);
    harness.hover_at(egui::pos2(paragraph.max.x - distance / 2.0, y));
    harness.run_steps(1);
    harness.hover_at(to);
    harness.run_steps(1);
    harness.drop_at(to);
    harness.run_steps(2);
    let selection = harness.state().text_selection().expect("the drag selected");
    (harness, selection)
}

#[test]
fn shift_left_selects_forward_through_arabic_and_ctrl_m_marks_it() {
    let mut harness = harness(app(one_article("مقال", ARABIC), vec![]));
    assert_eq!(caret(&mut harness), Some(0), "the text has the keyboard");
    // Left goes forward in an Arabic line: three steps select قال.
    press(&mut harness, Modifiers::SHIFT, Key::ArrowLeft, 3);
    assert_eq!(harness.state().text_selection(), Some((0, 3)));
    // Right goes back on screen, and the selection shrinks logically.
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight, 1);
    assert_eq!(harness.state().text_selection(), Some((0, 2)));
    press(&mut harness, Modifiers::SHIFT, Key::ArrowLeft, 1);
    let (quote, start, end) = mark(&mut harness);
    assert_eq!((quote.as_str(), start, end), ("قال", 0, 3));
}

#[test]
fn a_keyboard_selection_across_a_number_quotes_the_logical_text() {
    let mut harness = harness(app(one_article("مقال", ARABIC), vec![]));
    // The caret to عدد (offset 15) by plain Left presses.
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft, 15);
    assert_eq!(caret(&mut harness), Some(15));
    // Shift+Left on until the selection ends after the number; every
    // step keeps a logical range anchored at 15, and never loops.
    let mut seen = Vec::new();
    for _ in 0..30 {
        press(&mut harness, Modifiers::SHIFT, Key::ArrowLeft, 1);
        let (start, end) = harness.state().text_selection().expect("a selection");
        assert!(start == 15 || end == 15, "{start}..{end}");
        seen.push(end);
        if (start, end) == (15, 34) {
            break;
        }
    }
    assert_eq!(seen.last(), Some(&34), "reached the number's end: {seen:?}");
    let (quote, start, end) = mark(&mut harness);
    assert_eq!(quote, "عدد الضحايا بلغ 123");
    assert_eq!((start, end), (15, 34));
}

#[test]
fn the_pointer_marks_hebrew_words_from_the_right_edge() {
    // The paragraph's first word is at its right edge: a double-click
    // there selects ראש (logical 0..3), not the line's last word.
    let (selection, (quote, start, end)) = double_click_at_the_right_edge("כתבה", HEBREW, 8.0);
    assert_eq!(selection, Some((0, 3)));
    assert_eq!((quote.as_str(), start, end), ("ראש", 0, 3));
}

#[test]
fn a_drag_leftwards_from_the_right_edge_marks_hebrew_from_its_start() {
    // A drag leftwards from the right edge selects from the start on,
    // widened to whole words when it ends.
    let (mut harness, (start, end)) = drag_leftwards_from_the_right_edge("כתבה", HEBREW, 160.0);
    assert_eq!(start, 0, "from the logical start");
    assert!(end > 10 && end < 40, "{end}");
    let selected = slice_chars(HEBREW, start, end).unwrap();
    assert!(selected.starts_with("ראש הממשלה"), "{selected}");
    let next = HEBREW.chars().nth(end);
    assert!(
        next.is_none_or(|c| c == ' '),
        "ends at a word's end: {selected}"
    );
    let (quote, start, end) = mark(&mut harness);
    assert_eq!((quote.as_str(), start), (selected, 0));
    assert_eq!(quote, slice_chars(HEBREW, 0, end).unwrap());
}

#[test]
fn a_click_at_the_right_edge_of_a_mixed_hebrew_line_is_its_start() {
    let mut harness = harness(app(one_article("כתבה", HEBREW), vec![]));
    let second = HEBREW.lines().nth(1).unwrap();
    let paragraph = paragraph_rect(&harness, second);
    let y = paragraph.min.y + 10.0;
    // "שלום 42 עולם." drawn from the right: שלום at the right edge.
    click(
        &mut harness,
        egui::pos2(paragraph.max.x - 1.0, y),
        Modifiers::NONE,
    );
    let line_start = HEBREW.lines().next().unwrap().chars().count() + 1;
    assert_eq!(caret(&mut harness), Some(line_start));
    // Shift+End takes the whole line, in logical order.
    press(&mut harness, Modifiers::SHIFT, Key::End, 1);
    let (quote, start, _) = mark(&mut harness);
    assert_eq!(start, line_start);
    // (Marking leaves the full stop out, as it does in any script.)
    assert_eq!(quote, "שלום 42 עולם");
}

#[test]
fn dragging_the_start_of_a_hebrew_quote_leftwards_shortens_it_from_its_start() {
    let mut harness = harness(app(one_article("כתבה", HEBREW), vec![]));
    // Mark ראש הממשלה (0..10) by keyboard: it is selected after marking.
    press(&mut harness, Modifiers::SHIFT, Key::ArrowLeft, 10);
    let (quote, start, end) = mark(&mut harness);
    assert_eq!((quote.as_str(), start, end), ("ראש הממשלה", 0, 10));
    // Its start is the right edge of the paragraph: grab it there and drag
    // it leftwards into the second word.
    let paragraph = first_paragraph(&harness, HEBREW);
    let y = paragraph.min.y + 10.0;
    let grab = egui::pos2(paragraph.max.x - 1.0, y);
    let to = egui::pos2(paragraph.max.x - 45.0, y);
    harness.drag_at(grab);
    harness.run_steps(1);
    harness.hover_at(egui::pos2(paragraph.max.x - 20.0, y));
    harness.run_steps(1);
    harness.hover_at(to);
    harness.run_steps(1);
    harness.drop_at(to);
    harness.run_steps(3);
    let claim = harness.state().workspace().claims.last().unwrap().clone();
    assert_eq!(claim.anchor.end, 10, "the end stays");
    assert!(
        claim.anchor.start > 0 && claim.anchor.start < 10,
        "the start moved forward: {}",
        claim.anchor.start
    );
    assert_eq!(
        claim.anchor.exact,
        slice_chars(HEBREW, claim.anchor.start, 10).unwrap()
    );
}

#[test]
fn the_title_and_the_selection_preview_are_named_in_logical_order() {
    let mut ws = one_article("Desk", ARABIC);
    ws.articles[0].title = "المتحدث: عدد الضحايا".into();
    ws.title = "تقرير المتحدث: 2026".into();
    let mut harness = harness(app(ws, vec![]));
    // Drawn in display order, named as written: the header's title is
    // a label whose text is the logical title; no node holds the display
    // order.
    let texts: Vec<String> = harness
        .query_all_by_label_contains("المتحدث")
        .map(|n| {
            use egui_kittest::kittest::NodeT as _;
            let node = n.accesskit_node();
            node.value().or(node.label()).unwrap_or_default().to_owned()
        })
        .collect();
    assert!(
        texts.iter().any(|t| t == "المتحدث: عدد الضحايا"),
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t.contains("الضحايا :")), "{texts:?}");
    // So is the workspace's title over the inspector.
    assert!(
        texts.iter().any(|t| t == "تقرير المتحدث: 2026"),
        "{texts:?}"
    );
    press(&mut harness, Modifiers::SHIFT, Key::ArrowLeft, 11);
    assert_eq!(harness.state().text_selection(), Some((0, 11)));
    let preview: Vec<String> = harness
        .query_all_by_label_contains("قال")
        .map(|n| {
            use egui_kittest::kittest::NodeT as _;
            let node = n.accesskit_node();
            node.value().or(node.label()).unwrap_or_default().to_owned()
        })
        .collect();
    assert!(preview.iter().any(|t| t == "“قال المتحدث”"), "{preview:?}");
}

/// The Arabic article with one claim on "عدد الضحايا بلغ 123", its
/// statement and claimant in Arabic, selected.
fn arabic_claim_selected(statement: &str) -> (Harness<'static, FactbenchApp>, factbench::ClaimId) {
    let mut ws = one_article("مقال", ARABIC);
    let article = ws.articles[0].id;
    let quote = factbench::anchor::find_quote(ARABIC, "عدد الضحايا بلغ 123", 0).unwrap();
    let mut claim = factbench::model::Claim::new(article, quote, "المتحدث");
    claim.statement = statement.to_owned();
    let id = claim.id;
    ws.claims.push(claim);
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, id);
    harness.run_steps(3);
    (harness, id)
}

fn statement_of(harness: &Harness<'static, FactbenchApp>, claim: factbench::ClaimId) -> String {
    harness
        .state()
        .workspace()
        .claim(claim)
        .unwrap()
        .statement
        .clone()
}

fn statement_field(harness: &Harness<'static, FactbenchApp>) -> egui::Rect {
    harness
        .get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Statement")
        .rect()
}

#[test]
fn arabic_and_hebrew_typed_into_the_statement_field_are_stored_as_typed() {
    let (mut harness, claim) = arabic_claim_selected("");
    let field = statement_field(&harness);
    click(&mut harness, field.center(), Modifiers::NONE);
    // Key by key, as an input method sends them: letters, a space, digits.
    for text in ["ق", "ا", "ل", " ", "1", "2", "3", " ", "שלום"] {
        harness.event(egui::Event::Text(text.to_owned()));
        harness.run_steps(1);
    }
    harness.run_steps(1);
    assert_eq!(statement_of(&harness, claim), "قال 123 שלום");
    // Backspace takes the last char typed, in logical order.
    press(&mut harness, Modifiers::NONE, Key::Backspace, 4);
    assert_eq!(statement_of(&harness, claim), "قال 123 ");
    harness
        .get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Statement")
        .type_text("وأضاف");
    harness.run_steps(2);
    assert_eq!(statement_of(&harness, claim), "قال 123 وأضاف");
}

#[test]
fn an_arabic_statement_is_laid_out_until_clicked_and_a_click_at_its_right_edge_types_at_its_start()
{
    let statement = "بلغ عدد الضحايا 123 شخصا";
    let (mut harness, claim) = arabic_claim_selected(statement);
    // Not being typed in: drawn by the bidi step, named and valued as written.
    let node =
        harness.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Statement");
    {
        use egui_kittest::kittest::NodeT as _;
        assert_eq!(node.accesskit_node().value().as_deref(), Some(statement));
    }
    // The statement's first word is at the field's right edge (egui's
    // own layout would put it at the left): a click on it puts the caret
    // in that word, and what is typed goes there. (The last 10 points of
    // the field are the inspector's scroll bar.)
    let field = statement_field(&harness);
    let first_word = egui::pos2(field.max.x - 11.0, field.min.y + 10.0);
    click(&mut harness, first_word, Modifiers::NONE);
    harness.event(egui::Event::Text("«".to_owned()));
    harness.run_steps(2);
    let typed = statement_of(&harness, claim);
    let at = typed.chars().position(|c| c == '«').expect("typed");
    assert!(at <= 3, "typed into the first word: {typed}");
    let mut expected: Vec<char> = statement.chars().collect();
    expected.insert(at, '«');
    assert_eq!(typed, expected.into_iter().collect::<String>());
}

#[test]
fn a_hebrew_claimant_typed_into_its_field_is_stored_as_typed() {
    let (mut harness, claim) = arabic_claim_selected("بلغ عدد الضحايا 123");
    let field = harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Claimant")
        .rect();
    click(&mut harness, field.center(), Modifiers::NONE);
    // Select the Arabic claimant and type a Hebrew one over it.
    press(&mut harness, Modifiers::COMMAND, Key::A, 1);
    harness.event(egui::Event::Text("ראש הממשלה".to_owned()));
    harness.run_steps(2);
    let claimant = harness
        .state()
        .workspace()
        .claim(claim)
        .unwrap()
        .claimant
        .clone();
    assert_eq!(claimant, "ראש הממשלה");
}

#[test]
fn the_pointer_marks_arabic_words_from_the_right_edge() {
    // قال, the paragraph's first word, is at its right edge.
    let (selection, (quote, start, end)) = double_click_at_the_right_edge("مقال", ARABIC, 6.0);
    assert_eq!(selection, Some((0, 3)));
    assert_eq!((quote.as_str(), start, end), ("قال", 0, 3));
}

#[test]
fn a_drag_leftwards_across_an_arabic_line_marks_its_words_in_logical_order() {
    // From the right edge leftwards over the first words, past the number.
    let (mut harness, (start, end)) = drag_leftwards_from_the_right_edge("مقال", ARABIC, 150.0);
    assert_eq!(start, 0, "from the logical start");
    let selected = slice_chars(ARABIC, start, end).unwrap();
    assert!(selected.starts_with("قال المتحدث"), "{selected}");
    assert!(
        ARABIC.chars().nth(end).is_none_or(|c| c == ' ' || c == '.'),
        "ends at a word's end: {selected}"
    );
    let (quote, start, _) = mark(&mut harness);
    assert_eq!((quote.as_str(), start), (selected, 0));
}

#[test]
fn end_home_backspace_and_the_arrows_edit_an_arabic_statement_in_logical_chars() {
    let (mut harness, claim) = arabic_claim_selected("قال المتحدث");
    let field = statement_field(&harness);
    click(&mut harness, field.center(), Modifiers::NONE);
    // End is the statement's logical end: Backspace takes its last letter.
    press(&mut harness, Modifiers::NONE, Key::End, 1);
    press(&mut harness, Modifiers::NONE, Key::Backspace, 1);
    assert_eq!(statement_of(&harness, claim), "قال المتحد");
    press(&mut harness, Modifiers::NONE, Key::Home, 1);
    harness.event(egui::Event::Text("«".to_owned()));
    harness.run_steps(2);
    assert_eq!(statement_of(&harness, claim), "«قال المتحد");
    // Left goes forward in a right-to-left field, as in the reader: two
    // presses pass ق and ا, and Delete takes ل.
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft, 2);
    press(&mut harness, Modifiers::NONE, Key::Delete, 1);
    assert_eq!(statement_of(&harness, claim), "«قا المتحد");
    // Shift+Right selects back over ا; typing replaces it.
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight, 1);
    harness.event(egui::Event::Text("و".to_owned()));
    harness.run_steps(2);
    assert_eq!(statement_of(&harness, claim), "«قو المتحد");
}
