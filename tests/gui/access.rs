//! What screen readers get (AccessKit): the article's paragraphs with
//! their text, each claim highlight named by number and verdict, and a name
//! on every text field of the window.

use crate::support::*;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use factbench::ui::RightTab;

const TEXT: &str = "Путин встретил Си. ПУТИН заявил, что путин…\nСи Цзиньпин (习近平) прибыл в Москву; 习近平 выступил.";

#[test]
fn screen_readers_get_the_text_and_named_highlights() {
    let mut ws = one_article("Access", TEXT);
    let article = ws.articles[0].id;
    let anchor = factbench::anchor::capture(TEXT, 0, 18).unwrap();
    let mut claim = factbench::model::Claim::new(article, anchor, "Outlet");
    claim.verdict = Some(ws.scale.verdicts[0].key.clone());
    let label = ws.scale.verdicts[0].label.clone();
    claim.statement = "Putin met Xi".into();
    ws.claims.push(claim);
    let harness = harness(app(ws, vec![]));
    let (text, _) = article_text_for_screen_readers(&harness);
    assert_eq!(
        text, TEXT,
        "the document's text is the article's, char for char"
    );
    let paragraph = paragraph_rect(&harness, TEXT.split('\n').next().unwrap());
    let name = format!("claim 1, {label}");
    let mark = harness.get_by_role_and_label(egui::Role::Mark, &name);
    assert!(
        paragraph.expand(1.0).contains_rect(mark.rect()),
        "the highlight is on its paragraph's rows: {paragraph:?} {:?}",
        mark.rect()
    );
    assert_eq!(
        mark.accesskit_node().description(),
        Some("Putin met Xi".to_owned())
    );
}

/// Issue 28 item 26: paragraphs far below the view are in the text too.
#[test]
fn paragraphs_out_of_view_are_in_the_text() {
    let text: String = (0..400)
        .map(|i| format!("Абзац {i}: 习近平 🇺🇦 e\u{301} مرحبا {i}.\n"))
        .collect();
    let mut harness = harness(app(one_article("Long", &text), vec![]));
    let (read, _) = article_text_for_screen_readers(&harness);
    assert_eq!(read.chars().count(), text.chars().count());
    assert_eq!(read, text);
    let shown = harness
        .state_mut()
        .reader_mut()
        .visible_chars()
        .expect("the article is drawn");
    assert!(
        shown.end < text.chars().count() / 4,
        "most of the text is out of view: {shown:?}"
    );
}

/// Issue 28 item 26: the caret and a Shift+arrow selection are what a
/// screen reader hears before Ctrl+M.
#[test]
fn shift_arrows_select_text_a_screen_reader_can_read() {
    let text = "Сказал: «e\u{301}то 習近平».\nВторой абзац.";
    let mut harness = harness(app(one_article("Caret", text), vec![]));
    click_text_start(&mut harness);
    let (_, selection) = article_text_for_screen_readers(&harness);
    assert_eq!(selection.as_deref(), Some(""), "a caret, nothing selected");
    press(
        &mut harness,
        egui::Modifiers::SHIFT,
        egui::Key::ArrowRight,
        6,
    );
    let (_, selection) = article_text_for_screen_readers(&harness);
    assert_eq!(selection.as_deref(), Some("Сказал"));
    press(
        &mut harness,
        egui::Modifiers::SHIFT,
        egui::Key::ArrowRight,
        5,
    );
    let (_, selection) = article_text_for_screen_readers(&harness);
    assert_eq!(
        selection.as_deref(),
        Some("Сказал: «e\u{301}т"),
        "the accent goes with its letter"
    );
}

/// A screen reader moving the caret or the selection (AT-SPI
/// `SetSelection`) moves the reader's selection: Ctrl+M marks it.
#[test]
fn a_screen_reader_can_select_text() {
    use egui::accesskit::{Action, ActionData, ActionRequest, TextPosition, TextSelection};
    let text = "Первый абзац.\nВо втором 習近平 сказал, что 2+2=5.";
    let mut harness = harness(app(one_article("Select", text), vec![]));
    let document = harness.get_by_role_and_label(egui::Role::Document, "Article text");
    let (document_id, tree) = document.accesskit_node().locate();
    let runs: Vec<_> = harness
        .query_all_by_role(egui::accesskit::Role::TextRun)
        .map(|run| {
            let node = run.accesskit_node();
            (node.locate().0, node.value().unwrap_or_default())
        })
        .collect();
    let (second, value) = runs
        .iter()
        .find(|(_, value)| value.starts_with("Во втором"))
        .expect("a run for the second paragraph");
    assert!(value.contains("習近平"));
    let at = |character_index| TextPosition {
        node: *second,
        character_index,
    };
    harness.event(egui::Event::AccessKitActionRequest(ActionRequest {
        action: Action::SetTextSelection,
        target_tree: tree,
        target_node: document_id,
        data: Some(ActionData::SetTextSelection(TextSelection {
            anchor: at(10),
            focus: at(13),
        })),
    }));
    harness.run_steps(2);
    let (_, selection) = article_text_for_screen_readers(&harness);
    assert_eq!(selection.as_deref(), Some("習近平"));
    let start = "Первый абзац.\n".chars().count() + 10;
    assert_eq!(harness.state().text_selection(), Some((start, start + 3)));
}

#[test]
fn every_text_field_has_a_name() {
    let ws = factbench::sample::sample_workspace();
    let claim = ws.claims[0].id;
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness
        .state_mut()
        .perform(&ctx, factbench::ui::Action::FindInArticle);
    harness.run_steps(3);
    let mut checked = assert_fields_named(&harness);
    harness.state_mut().set_right_tab(RightTab::Sources);
    harness.run_steps(3);
    checked += assert_fields_named(&harness);
    assert!(
        checked >= 10,
        "the inspector, list, find bar and library have fields: {checked}"
    );
}

/// Asserts every text field in view has a name; returns how many there are.
fn assert_fields_named(
    harness: &egui_kittest::Harness<'static, factbench::ui::FactbenchApp>,
) -> usize {
    let mut count = 0;
    for role in [egui::Role::TextInput, egui::Role::MultilineTextInput] {
        for node in harness.query_all_by_role(role) {
            let label = node.accesskit_node().label().unwrap_or_default();
            assert!(
                !label.trim().is_empty(),
                "a {role:?} without a name: {node:?}"
            );
            count += 1;
        }
    }
    count
}

/// Issue 28 item 27: claim rows say where they are ("3 of 14").
#[test]
fn claim_rows_give_their_position_in_the_list() {
    use egui_kittest::kittest::NodeT as _;
    let ws = factbench::sample::sample_workspace();
    let total = ws.claims.len();
    let harness = harness(app(ws, vec![]));
    let rows: Vec<_> = harness
        .query_all_by_role(egui::accesskit::Role::ListBoxOption)
        .map(|n| {
            let node = n.accesskit_node();
            (node.position_in_set(), node.size_of_set())
        })
        .collect();
    assert!(!rows.is_empty());
    // AccessKit counts from 0 (its AT-SPI adapter adds 1: "posinset:1").
    assert_eq!(rows[0], (Some(0), Some(total)));
    assert_eq!(rows[1], (Some(1), Some(total)));
    assert!(rows.iter().all(|(_, size)| *size == Some(total)));
}

/// Issue 28 item 27: every Tab stop of the main window has a name a
/// screen reader can say (the article link's neighbours included).
#[test]
fn every_tab_stop_has_a_name() {
    use egui_kittest::kittest::{NodeT as _, by};
    let mut ws = factbench::sample::sample_workspace();
    ws.articles[0].url = "https://example.org/news/2024/claim".into();
    let mut harness = harness(app(ws, vec![]));
    let mut seen = Vec::new();
    for _ in 0..80 {
        harness.key_press(egui::Key::Tab);
        harness.run_steps(2);
        let focused: Vec<_> = harness
            .query_all(by().predicate(|node| node.is_focused()))
            .collect();
        let Some(node) = focused.first() else {
            continue;
        };
        let node = node.accesskit_node();
        let name = node.label().unwrap_or_default();
        let value = node.value().unwrap_or_default();
        assert!(
            !name.trim().is_empty() || !value.trim().is_empty(),
            "an unnamed tab stop ({:?}) after {:?}",
            node.role(),
            seen.last()
        );
        seen.push(format!("{:?} {name}", node.role()));
    }
    assert!(
        seen.iter().any(|s| s.contains("example.org")),
        "the article link is a tab stop: {seen:?}"
    );
}

/// Issue 28 item 27: the main window and the verdict picker are named,
/// and combo boxes say what they are set to.
#[test]
fn the_window_dialogs_and_combo_boxes_are_named() {
    use egui_kittest::kittest::NodeT as _;
    let ws = factbench::sample::sample_workspace();
    let title = ws.title.clone();
    let claim = ws.claims[0].id;
    let mut harness = harness(app(ws, vec![]));
    let root = harness.root();
    let name = root.accesskit_node().label().unwrap_or_default();
    assert_eq!(name, format!("{title} — Factbench"));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness.run_steps(2);
    let status = harness.get_by_role_and_label(egui::Role::ComboBox, "Status");
    let node = status.accesskit_node();
    assert!(
        node.description().is_some_and(|d| !d.is_empty()) && node.description() == node.value(),
        "the Status box describes its value: {:?} / {:?}",
        node.description(),
        node.value()
    );
    harness
        .state_mut()
        .perform(&ctx, factbench::ui::Action::PickVerdict);
    harness.run_steps(3);
    let dialog = harness.get_by_role_and_label(egui::Role::Dialog, "Give a verdict");
    assert!(
        dialog.query_by_label("Find verdict").is_some(),
        "the named dialog holds the picker's field"
    );
}

/// Issue 28 item 27: a verdict given by key is announced (a polite live
/// region in the status bar) with the claim's number.
#[test]
fn a_verdict_given_by_key_is_announced() {
    use egui_kittest::kittest::NodeT as _;
    let ws = factbench::sample::sample_workspace();
    let claim = ws
        .claims
        .iter()
        .find(|c| !c.is_published() && c.verdict.as_deref() != Some(&ws.scale.verdicts[2].key))
        .expect("an unpublished claim")
        .id;
    let label = ws.scale.verdicts[2].label.clone();
    let number = ws.claim_numbers()[&claim];
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness.state_mut().reader_mut().focus();
    harness.run_steps(2);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Num3, 1);
    harness.run_steps(3);
    let verdict = harness
        .state()
        .workspace()
        .claim(claim)
        .unwrap()
        .verdict
        .clone();
    assert_eq!(
        verdict.as_deref(),
        Some(harness.state().workspace().scale.verdicts[2].key.as_str())
    );
    let text = format!("Claim {number}: {label}");
    let announced = harness.get_by_label(&text);
    assert_eq!(
        announced.accesskit_node().live(),
        egui::accesskit::Live::Polite
    );
}

/// A field below the fold that a screen reader gives the keyboard (AT-SPI
/// `grabFocus`, an AccessKit Focus request) scrolls into view.
#[test]
fn a_field_focused_by_a_screen_reader_scrolls_into_view() {
    use egui::accesskit::{Action, ActionRequest};
    use egui_kittest::kittest::NodeT as _;
    let ws = factbench::sample::sample_workspace();
    let claim = ws.claims[2].id;
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness.run_steps(3);
    let window = harness.ctx.content_rect();
    let before = harness.get_by_label("Internal note").rect();
    assert!(
        before.min.y > window.max.y - 40.0,
        "the internal note starts below the fold: {before:?} in {window:?}"
    );
    let (target, tree) = harness
        .get_by_label("Internal note")
        .accesskit_node()
        .locate();
    harness.event(egui::Event::AccessKitActionRequest(ActionRequest {
        action: Action::Focus,
        target_tree: tree,
        target_node: target,
        data: None,
    }));
    harness.run_steps(4);
    let field = harness.get_by_label("Internal note");
    assert!(field.accesskit_node().is_focused());
    let after = field.rect();
    assert!(
        after.max.y <= window.max.y && after.min.y >= window.min.y,
        "the focused field is in view: {after:?} in {window:?}"
    );
}
