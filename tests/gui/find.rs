//! Find in the article: Ctrl+F opens the bar with the keyboard in it, the
//! count follows the phrase, Enter / Shift+Enter and F3 / Shift+F3 go
//! through the matches (ignoring case and accents unless asked), in
//! Cyrillic and Chinese too; *Mark claim* marks the current match; the
//! claims search keeps Ctrl+Shift+F; both are in Help › Keyboard
//! shortcuts.

use crate::support::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

const TEXT: &str = "Путин встретил Си. ПУТИН заявил, что путин…\nСи Цзиньпин (习近平) прибыл в Москву; 习近平 выступил.";

type Harness = egui_kittest::Harness<'static, factbench::ui::FactbenchApp>;

fn type_in_find(harness: &mut Harness, text: &str) {
    let field = harness.get_by_label("Find in article");
    assert!(field.is_focused(), "the find field has the keyboard");
    harness.event(egui::Event::Text(text.into()));
    harness.run_steps(2);
}

fn matches(harness: &mut Harness) -> Vec<(usize, usize)> {
    harness.state_mut().reader_mut().find_matches().to_vec()
}

#[test]
fn ctrl_f_finds_every_match_and_enter_and_f3_go_through_them() {
    let mut harness = harness(app(one_article("Find", TEXT), vec![]));
    press(&mut harness, Modifiers::COMMAND, Key::F, 1);
    type_in_find(&mut harness, "путин");
    assert_eq!(matches(&mut harness), [(0, 5), (19, 24), (37, 42)]);
    assert!(
        harness.query_by_label("3 matches").is_some(),
        "the count is shown"
    );

    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    assert_eq!(harness.state().text_selection(), Some((0, 5)));
    assert!(harness.query_by_label("1 of 3").is_some());
    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    assert_eq!(harness.state().text_selection(), Some((19, 24)));
    press(&mut harness, Modifiers::SHIFT, Key::Enter, 1);
    assert_eq!(
        harness.state().text_selection(),
        Some((0, 5)),
        "Shift+Enter goes back"
    );
    press(&mut harness, Modifiers::SHIFT, Key::Enter, 1);
    assert_eq!(
        harness.state().text_selection(),
        Some((37, 42)),
        "and wraps round"
    );
    press(&mut harness, Modifiers::NONE, Key::F3, 1);
    assert_eq!(harness.state().text_selection(), Some((0, 5)), "F3: next");
    press(&mut harness, Modifiers::SHIFT, Key::F3, 1);
    assert_eq!(
        harness.state().text_selection(),
        Some((37, 42)),
        "Shift+F3: previous"
    );

    // Match case narrows to the lower-case one.
    harness.get_by_label("Match case").click();
    harness.run_steps(2);
    assert_eq!(matches(&mut harness), [(37, 42)]);
    assert!(harness.query_by_label("1 match").is_some());

    // Escape closes the bar and the article has the keyboard again.
    press(&mut harness, Modifiers::COMMAND, Key::F, 1);
    assert!(harness.get_by_label("Find in article").is_focused());
    press(&mut harness, Modifiers::NONE, Key::Escape, 1);
    assert!(!harness.state_mut().reader_mut().find_open());
    assert!(harness.state().article_has_focus());
}

#[test]
fn chinese_phrases_are_found_and_the_current_match_is_marked() {
    let mut harness = harness(app(one_article("习近平", TEXT), vec![]));
    press(&mut harness, Modifiers::COMMAND, Key::F, 1);
    type_in_find(&mut harness, "习近平");
    assert_eq!(matches(&mut harness), [(57, 60), (79, 82)]);
    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    assert!(harness.query_by_label("2 of 2").is_some());
    // One Mark claim per place: the header's and the find bar's, no
    // floating button over the text as well.
    assert_eq!(
        harness.query_all_by_label("Mark claim (Ctrl+M)").count(),
        1,
        "only the header's"
    );
    harness.get_by_label("Mark claim").click();
    harness.run_steps(2);
    let claim = harness
        .state()
        .workspace()
        .claims
        .last()
        .expect("marked")
        .clone();
    assert_eq!((claim.anchor.start, claim.anchor.end), (79, 82));
    assert_eq!(claim.anchor.exact, "习近平");
    assert_eq!(harness.state().selected_claim(), Some(claim.id));
}

#[test]
fn accents_are_ignored_unless_asked_and_a_selection_seeds_the_phrase() {
    let text = "Le café de Zelensky. Cafe\u{301} et CAFÉ, puis cafe.";
    let mut harness = harness(app(one_article("Café", text), vec![]));
    harness.state_mut().reader_mut().set_selection(3, 7);
    harness.run_steps(1);
    press(&mut harness, Modifiers::COMMAND, Key::F, 1);
    assert_eq!(
        matches(&mut harness),
        [(3, 7), (21, 26), (30, 34), (41, 45)],
        "the selected word is the phrase; all four spellings match"
    );
    harness.get_by_label("Match diacritics").click();
    harness.run_steps(2);
    assert_eq!(matches(&mut harness), [(3, 7), (21, 26), (30, 34)]);
}

#[test]
fn the_claims_search_keeps_its_own_shortcut_and_help_lists_both() {
    let mut harness = harness(app(one_article("Find", TEXT), vec![]));
    press(
        &mut harness,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::F,
        1,
    );
    assert!(harness.get_by_label("Search claims").is_focused());
    assert!(!harness.state_mut().reader_mut().find_open());
    press(&mut harness, Modifiers::NONE, Key::F1, 1);
    assert!(harness.query_by_label("Find in article…").is_some());
    assert!(harness.query_by_label("Find claims").is_some());
    assert!(harness.query_by_label("Next pane").is_some());
}
