//! File safety and feedback in the window: the typed-path fallback asks
//! before replacing a file and completes with Tab; an export says where it
//! went; *New source* adds nothing until saved; a URL without a scheme is
//! flagged; the right panel keeps its width across its tabs.

use crate::support::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factbench::export::Format;
use factbench::sample::sample_workspace;
use factbench::ui::{Action, FactbenchApp, RightTab};
use std::path::PathBuf;

/// Opens Save as (no dialog can be shown) and types `path` in the field.
fn type_save_path(harness: &mut Harness<'static, FactbenchApp>, path: &str) {
    press(
        harness,
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::S,
        1,
    );
    harness.run_steps(2);
    harness.get_by_label("File path").focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run_steps(1);
    harness.get_by_label("File path").type_text(path);
    harness.run_steps(1);
}

#[test]
fn a_typed_path_asks_before_replacing_an_existing_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("другая.ron");
    std::fs::write(&other, "someone else's work").unwrap();
    let mut harness = harness(app(sample_workspace(), Vec::<Option<PathBuf>>::new()));
    // Typed without the extension: the file it would write is still found.
    let typed = dir.path().join("другая");
    type_save_path(&mut harness, &typed.display().to_string());
    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    assert!(harness.state().overwrite_prompt_open(), "asked first");
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "someone else's work"
    );
    harness.get_by_label("Choose another name").click();
    harness.run_steps(2);
    assert!(!harness.state().overwrite_prompt_open());
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "someone else's work"
    );
    assert!(harness.state().document().path().is_none(), "nothing saved");
    assert_eq!(
        harness.get_by_label("File path").value().as_deref(),
        Some(other.display().to_string().as_str()),
        "the path is offered again to be changed"
    );
    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    harness.get_by_label("Replace").click();
    harness.run_steps(2);
    assert_eq!(harness.state().document().path(), Some(other.as_path()));
    assert!(
        factbench::store::load(&other).is_ok(),
        "replaced once told to"
    );
}

#[test]
fn a_new_typed_path_saves_without_asking_and_tab_completes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("расследования 2026")).unwrap();
    let mut harness = harness(app(sample_workspace(), Vec::<Option<PathBuf>>::new()));
    let typed = format!("{}/рас", dir.path().display());
    type_save_path(&mut harness, &typed);
    press(&mut harness, Modifiers::NONE, Key::Tab, 1);
    let completed = format!("{}/расследования 2026/", dir.path().display());
    assert_eq!(
        harness.get_by_label("File path").value().as_deref(),
        Some(completed.as_str())
    );
    assert!(
        harness.get_by_label("File path").is_focused(),
        "Tab stays in the field"
    );
    harness.get_by_label("File path").type_text("new");
    harness.run_steps(1);
    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    assert!(!harness.state().overwrite_prompt_open());
    let saved = dir.path().join("расследования 2026").join("new.ron");
    assert!(saved.is_file());
}

#[test]
fn after_an_export_the_status_bar_says_where_it_went() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report");
    let mut harness = harness(app(desk_workspace(), vec![Some(target)]));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .perform(&ctx, Action::Export(Format::Markdown));
    harness.run_steps(2);
    harness.get_by_label("Choose file…").click();
    harness.run_steps(3);
    let written = dir.path().join("report.md");
    assert!(written.is_file());
    assert_eq!(harness.state().last_export(), Some(written.as_path()));
    assert!(harness.query_by_label("✔ Exported to").is_some());
    assert!(
        harness
            .query_by_label_contains(&written.display().to_string())
            .is_some()
    );
    assert!(harness.query_by_label("Open").is_some());
    assert!(harness.query_by_label("Show in folder").is_some());
    harness.get_by_label("Dismiss").click();
    harness.run_steps(2);
    assert!(harness.state().last_export().is_none());
}

#[test]
fn new_source_opens_a_form_and_adds_nothing_until_saved() {
    let mut harness = harness(app(sample_workspace(), vec![]));
    let count = harness.state().workspace().sources.len();
    harness.state_mut().set_right_tab(RightTab::Sources);
    harness.run_steps(2);
    harness.get_by_label("New source…").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().workspace().sources.len(),
        count,
        "nothing added"
    );
    assert!(
        is_disabled(&harness, "Add to library"),
        "a title comes first"
    );
    type_into(&mut harness, "Title", "Заявление МИД 外交部");
    type_into(&mut harness, "URL", "mid.ru/ru/press");
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("Start the URL with https://")
            .is_some(),
        "a URL without a scheme is flagged in the form"
    );
    harness.get_by_label("Add to library").click();
    harness.run_steps(2);
    let ws = harness.state().workspace();
    assert_eq!(ws.sources.len(), count + 1);
    assert_eq!(ws.sources[count].title, "Заявление МИД 外交部");
    assert!(
        harness
            .state()
            .problem_lines()
            .iter()
            .any(|p| p.message.contains("mid.ru/ru/press")),
        "and listed as a problem"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z, 1);
    assert_eq!(harness.state().workspace().sources.len(), count);
}

/// The left edge of the right panel, from its first tab button.
fn right_panel_left(harness: &Harness<'static, FactbenchApp>) -> f32 {
    harness.get_by_label("Source library").rect().min.x
}

#[test]
fn the_right_panel_keeps_its_width_across_tabs() {
    let mut harness = harness(app(sample_workspace(), vec![]));
    let claim = harness.state().workspace().claims[0].id;
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness.run_steps(3);
    let on_claim = right_panel_left(&harness);
    harness.state_mut().set_right_tab(RightTab::Sources);
    harness.run_steps(3);
    let on_sources = right_panel_left(&harness);
    harness.get_by_label("New source…").click();
    harness.run_steps(3);
    let with_form = right_panel_left(&harness);
    harness.state_mut().set_right_tab(RightTab::Claim);
    harness.run_steps(3);
    let back = right_panel_left(&harness);
    assert_eq!([on_sources, with_form, back], [on_claim; 3]);
}
