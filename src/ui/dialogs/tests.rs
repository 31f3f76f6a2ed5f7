//! The dialogs drawn alone in a test harness.

use super::*;
use crate::ui::actions::Action;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn unsaved_harness() -> Harness<'static, Option<UnsavedChoice>> {
    let mut harness = Harness::new_ui_state(
        |ui, answer: &mut Option<UnsavedChoice>| {
            let ctx = ui.ctx().clone();
            if let Some(choice) = unsaved_prompt(&ctx, "Checks", "closing") {
                *answer = Some(choice);
            }
        },
        None,
    );
    harness.run_steps(2);
    harness
}

#[test]
fn the_unsaved_prompt_answers_its_buttons_and_escape_cancels() {
    let mut harness = unsaved_harness();
    assert_eq!(*harness.state(), None, "no answer before one is given");
    harness.get_by_label("Discard changes").click();
    harness.run_steps(2);
    assert_eq!(*harness.state(), Some(UnsavedChoice::Discard));

    let mut harness = unsaved_harness();
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(*harness.state(), Some(UnsavedChoice::Cancel));
}

#[derive(Default)]
struct Recovery {
    answer: Option<RecoveryChoice>,
    show_differences: bool,
}

#[test]
fn the_recovery_prompt_ignores_escape_and_shows_differences_on_demand() {
    let mut harness = Harness::new_ui_state(
        |ui, state: &mut Recovery| {
            let ctx = ui.ctx().clone();
            let answer = recovery_prompt(
                &ctx,
                "unsaved changes",
                "a minute ago",
                "Two claims differ.",
                &mut state.show_differences,
            );
            if answer.is_some() {
                state.answer = answer;
            }
        },
        Recovery::default(),
    );
    harness.run_steps(2);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().answer, None, "Escape never drops the work");
    assert!(harness.query_by_label("Two claims differ.").is_none());
    harness.get_by_label("Show differences").click();
    harness.run_steps(2);
    assert!(harness.state().show_differences);
    assert!(harness.query_by_label("Two claims differ.").is_some());
    assert!(harness.query_by_label("Show differences").is_none());
    assert_eq!(harness.state().answer, None);
    // The prompt grew: let it settle where it is centred before clicking.
    harness.run();
    harness.get_by_label("Discard them").click();
    harness.run_steps(2);
    assert_eq!(harness.state().answer, Some(RecoveryChoice::Discard));
}

#[test]
fn the_shortcuts_window_lists_the_actions_that_used_to_bypass_the_table() {
    let mut harness = Harness::new_ui(|ui| {
        let ctx = ui.ctx().clone();
        shortcuts_window(&ctx, &mut true);
    });
    harness.run_steps(2);
    for action in [
        Action::Preferences,
        Action::ShowTab(crate::ui::RightTab::Sources),
        Action::ShowTab(crate::ui::RightTab::Claim),
        Action::Theme(crate::ui::services::settings::ThemeChoice::Dark),
        Action::ToggleOpenReportAfterExport,
        Action::ClearRecent,
    ] {
        let label = action.label();
        assert!(
            harness.query_by_label(&label).is_some(),
            "{label} is not listed"
        );
    }
    let keys = Action::Preferences.shortcut_text(&harness.ctx);
    assert!(
        harness.query_by_label(&keys).is_some(),
        "{keys} is not shown"
    );
}
