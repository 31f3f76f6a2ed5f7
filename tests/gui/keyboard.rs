//! Working without the mouse: the article has the keyboard at start, F6
//! and Shift+F6 move it between the claims list, the article and the
//! inspector, Escape brings it back to the article, the reader's keys move
//! the caret, Enter on a list row opens its claim, Alt+digit gives a
//! verdict while typing, and after Ctrl+M the whole statement is selected.

use crate::support::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use factbench::model::Claim;
use factbench::ui::Pane;

const TEXT: &str = "Zelenskyy accused China of supplying Russia with weapons and components.\nBeijing denied it the same day.";

fn pane(harness: &egui_kittest::Harness<'static, factbench::ui::FactbenchApp>) -> Option<Pane> {
    harness.state().focused_pane(&harness.ctx)
}

fn statement(harness: &egui_kittest::Harness<'static, factbench::ui::FactbenchApp>) -> String {
    let id = harness
        .state()
        .selected_claim()
        .expect("a claim is selected");
    harness
        .state()
        .workspace()
        .claim(id)
        .unwrap()
        .statement
        .clone()
}

#[test]
fn a_claim_is_marked_and_rated_with_the_keyboard_alone() {
    let mut harness = harness(app(one_article("Keys", TEXT), vec![]));
    assert!(
        harness.state().article_has_focus(),
        "the article takes the keyboard at start"
    );
    assert_eq!(pane(&harness), Some(Pane::Article));
    // No click: Ctrl+Shift+Right selects the first two words.
    press(
        &mut harness,
        Modifiers::SHIFT | Modifiers::COMMAND,
        Key::ArrowRight,
        2,
    );
    assert_eq!(harness.state().text_selection(), Some((0, 17)));
    press(&mut harness, Modifiers::COMMAND, Key::M, 1);
    harness.key_press(Key::Num2);
    harness.event(egui::Event::Text("2".into()));
    harness.run_steps(2);
    let claim = harness.state().workspace().claims[0].clone();
    assert_eq!(claim.anchor.exact, "Zelenskyy accused");
    let second = harness.state().workspace().scale.verdicts[1].key.clone();
    assert_eq!(claim.verdict, Some(second));
}

#[test]
fn f6_cycles_the_panes_and_escape_returns_to_the_article() {
    let mut ws = one_article("Panes", TEXT);
    let article = ws.articles[0].id;
    ws.claims.push(Claim::new(
        article,
        factbench::anchor::capture(TEXT, 0, 9).unwrap(),
        "Outlet",
    ));
    let claim = ws.claims[0].id;
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness.run_steps(2);
    assert_eq!(pane(&harness), Some(Pane::Article));

    press(&mut harness, Modifiers::NONE, Key::F6, 1);
    assert_eq!(pane(&harness), Some(Pane::Inspector));
    let field = harness.get_by_role_and_label(egui::Role::MultilineTextInput, "Statement");
    assert!(field.is_focused(), "F6 reaches the inspector's first field");

    press(&mut harness, Modifiers::NONE, Key::F6, 1);
    assert_eq!(
        pane(&harness),
        Some(Pane::Claims),
        "and wraps round to the list"
    );
    press(&mut harness, Modifiers::NONE, Key::F6, 1);
    assert_eq!(pane(&harness), Some(Pane::Article));
    assert!(harness.state().article_has_focus());

    press(&mut harness, Modifiers::SHIFT, Key::F6, 1);
    assert_eq!(pane(&harness), Some(Pane::Claims), "Shift+F6 goes back");
    press(&mut harness, Modifiers::SHIFT, Key::F6, 1);
    assert_eq!(pane(&harness), Some(Pane::Inspector));

    press(&mut harness, Modifiers::NONE, Key::Escape, 1);
    assert!(
        harness.state().article_has_focus(),
        "Escape in a field gives the article the keyboard back"
    );
    press(&mut harness, Modifiers::SHIFT, Key::F6, 1);
    press(&mut harness, Modifiers::NONE, Key::Escape, 1);
    assert!(harness.state().article_has_focus(), "and from the list");
}

#[test]
fn enter_on_a_claims_list_row_opens_its_claim() {
    let mut ws = one_article("Rows", TEXT);
    let article = ws.articles[0].id;
    for (start, end) in [(0, 9), (74, 81)] {
        let anchor = factbench::anchor::capture(TEXT, start, end).unwrap();
        ws.claims.push(Claim::new(article, anchor, "Outlet"));
    }
    let first = ws.claims[0].id;
    let mut harness = harness(app(ws, vec![]));
    assert_eq!(harness.state().selected_claim(), None);
    // No claim selected: the inspector has nothing to take, F6 skips it.
    press(&mut harness, Modifiers::NONE, Key::F6, 1);
    assert_eq!(pane(&harness), Some(Pane::Claims));
    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    assert_eq!(
        harness.state().selected_claim(),
        Some(first),
        "Enter opens the focused row's claim"
    );
    let second = harness.state().workspace().claims[1].id;
    press(&mut harness, Modifiers::NONE, Key::ArrowDown, 1);
    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    assert_eq!(
        harness.state().selected_claim(),
        Some(second),
        "Down moves to the next row"
    );
    assert_eq!(
        pane(&harness),
        Some(Pane::Claims),
        "the list keeps the keyboard"
    );
}

#[test]
fn after_marking_the_whole_statement_is_selected_so_typing_replaces_it() {
    let mut harness = harness(app(one_article("Caret", TEXT), vec![]));
    // A first claim, whose statement leaves the field's caret at char 9.
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight, 9);
    press(&mut harness, Modifiers::COMMAND, Key::M, 1);
    harness.event(egui::Event::Text("!".into()));
    harness.run_steps(2);
    assert_eq!(statement(&harness), "!", "typing replaced the statement");

    // A longer second claim: before the fix the caret stayed at char 1
    // (the first statement's length) and typing landed mid-word.
    harness.state_mut().reader_mut().set_selection(18, 71);
    harness.run_steps(1);
    press(&mut harness, Modifiers::COMMAND, Key::M, 1);
    assert_eq!(
        statement(&harness),
        "China of supplying Russia with weapons and components"
    );
    let field = harness.get_by_role_and_label(egui::Role::MultilineTextInput, "Statement");
    assert!(field.is_focused());
    harness.event(egui::Event::Text("Z".into()));
    harness.run_steps(2);
    assert_eq!(statement(&harness), "Z", "the whole statement was selected");
    // The caret is now after "Z", at the end.
    harness.event(egui::Event::Text("hz".into()));
    harness.run_steps(2);
    assert_eq!(statement(&harness), "Zhz");
}

#[test]
fn alt_digit_gives_a_verdict_while_typing_without_typing_the_digit() {
    let mut harness = harness(app(one_article("Alt", TEXT), vec![]));
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight, 9);
    press(&mut harness, Modifiers::COMMAND, Key::M, 1);
    harness.event(egui::Event::Text("Z".into()));
    harness.run_steps(2);
    assert_eq!(statement(&harness), "Z");
    // The window sends Alt+3 as the key, then its text, then the release.
    harness.event(key_event(Key::Num3, true, Modifiers::ALT));
    harness.event(egui::Event::Text("3".into()));
    harness.event(key_event(Key::Num3, false, Modifiers::ALT));
    harness.run_steps(2);
    let claim = harness.state().workspace().claims[0].clone();
    let third = harness.state().workspace().scale.verdicts[2].key.clone();
    assert_eq!(claim.verdict, Some(third));
    assert_eq!(claim.statement, "Z", "the digit was not typed");
    let field = harness.get_by_role_and_label(egui::Role::MultilineTextInput, "Statement");
    assert!(field.is_focused(), "the field keeps the keyboard");
}

fn key_event(key: Key, pressed: bool, modifiers: Modifiers) -> egui::Event {
    egui::Event::Key {
        key,
        pressed,
        modifiers,
        repeat: false,
        physical_key: None,
    }
}

#[test]
fn page_and_end_keys_move_the_caret_through_a_long_article() {
    let paragraphs: Vec<String> = (0..120)
        .map(|i| format!("Абзац {i}: 习近平 visited Moscow 👩‍👩‍👧 and spoke."))
        .collect();
    let text = paragraphs.join("\n");
    let len = text.chars().count();
    let mut harness = harness(app(one_article("Long", &text), vec![]));
    assert_eq!(harness.state_mut().reader_mut().caret(), Some(0));
    press(&mut harness, Modifiers::NONE, Key::End, 1);
    let row_end = harness.state_mut().reader_mut().caret().unwrap();
    assert_eq!(
        row_end,
        paragraphs[0].chars().count(),
        "End: end of the row"
    );
    press(&mut harness, Modifiers::NONE, Key::Home, 1);
    assert_eq!(harness.state_mut().reader_mut().caret(), Some(0));

    press(&mut harness, Modifiers::NONE, Key::PageDown, 1);
    let after_page = harness.state_mut().reader_mut().caret().unwrap();
    assert!(
        after_page > 5 * row_end,
        "PageDown moves a screenful: {after_page}"
    );
    press(&mut harness, Modifiers::NONE, Key::PageUp, 1);
    assert!(harness.state_mut().reader_mut().caret().unwrap() < after_page);

    press(
        &mut harness,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::End,
        1,
    );
    let selection = harness.state().text_selection().expect("a selection");
    assert_eq!(selection.1, len, "Ctrl+Shift+End selects to the end");
    harness.run_steps(2);
    let last = harness.state_mut().reader_mut().visible_chars().unwrap();
    assert_eq!(last.end, len, "the end of the article is in view");
    press(&mut harness, Modifiers::COMMAND, Key::Home, 1);
    assert_eq!(harness.state_mut().reader_mut().caret(), Some(0));
    assert_eq!(harness.state().text_selection(), None);
}

#[test]
fn escape_closes_the_keyboard_shortcuts_window() {
    let mut harness = harness(app(one_article("Help", TEXT), vec![]));
    press(&mut harness, Modifiers::NONE, Key::F1, 1);
    assert!(
        harness.query_by_label("Next pane").is_some(),
        "F1 lists the shortcuts"
    );
    press(&mut harness, Modifiers::NONE, Key::Escape, 1);
    assert!(
        harness.query_by_label("Next pane").is_none(),
        "Escape closed the window"
    );
}

/// Item 8 of the working day: a source is cited from the keyboard alone.
/// Enter on an entry of the source list picks it and closes the list, the
/// keyboard stays on the list's box (Tab goes on to the Cite button), and
/// Escape in an open list closes the list without throwing the keyboard
/// back to the article.
#[test]
fn a_source_is_picked_from_the_keyboard_and_the_keyboard_stays_in_the_inspector() {
    use factbench::model::{Source, SourceKind};
    let mut ws = one_article("Cite", TEXT);
    let article = ws.articles[0].id;
    ws.claims.push(Claim::new(
        article,
        factbench::anchor::capture(TEXT, 0, 9).unwrap(),
        "Outlet",
    ));
    for title in ["Customs statistics", "Ministry statement"] {
        ws.sources.push(Source::new(
            title,
            "https://example.org/",
            SourceKind::NewsReport,
        ));
    }
    let claim = ws.claims[0].id;
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness.run_steps(2);

    harness.get_by_label("Cite source").focus();
    harness.run_steps(1);
    // Space opens the list; Escape closes it, and the inspector keeps the keyboard.
    press(&mut harness, Modifiers::NONE, Key::Space, 1);
    assert!(
        harness.query_by_label("Ministry statement").is_some(),
        "the list is open"
    );
    press(&mut harness, Modifiers::NONE, Key::Escape, 1);
    harness.run_steps(2);
    assert!(
        harness.query_by_label("Ministry statement").is_none(),
        "Escape closes the list"
    );
    assert!(
        !harness.state().article_has_focus(),
        "Escape in a list is not Escape in the pane"
    );
    assert!(harness.get_by_label("Cite source").is_focused());

    // Open again; the arrows walk the list; Enter picks and closes it.
    press(&mut harness, Modifiers::NONE, Key::Space, 1);
    press(&mut harness, Modifiers::NONE, Key::ArrowDown, 2);
    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    harness.run_steps(2);
    assert!(
        harness.query_by_label("Ministry statement").is_none(),
        "Enter on an entry closes the list"
    );
    assert!(
        harness.get_by_label("Cite source").is_focused(),
        "the keyboard is back on the list's box"
    );
    assert_eq!(pane(&harness), Some(Pane::Inspector));

    // The pick was made: Tab to Cite's stance box and the Cite button, Enter cites it.
    let picked = harness.state().workspace().claims[0].evidence.len();
    assert_eq!(picked, 0, "nothing is cited before Cite");
    let cite = harness.get_by_role_and_label(egui::accesskit::Role::Button, "Cite");
    cite.focus();
    harness.run_steps(1);
    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    let ws = harness.state().workspace();
    let cited = &ws.claims[0].evidence;
    assert_eq!(cited.len(), 1, "Cite cites the source picked by keyboard");
    assert_eq!(
        ws.source(cited[0].source).unwrap().title,
        "Ministry statement"
    );
}
