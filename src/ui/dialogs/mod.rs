//! Dialogs: the Save / Discard / Cancel prompt, error messages, the typed
//! path fallback when no file dialog can be shown, the problems panel, the
//! keyboard shortcuts list and About.

pub mod details;
pub mod import;

use crate::model::ClaimId;
use crate::ui::actions::{ACTIONS, Scope};
use crate::ui::services::files::{Mode, PathRequest};
use crate::ui::widgets::name_widget;
use egui::{Id, Modal, RichText, Ui};
use std::path::PathBuf;

/// The answer to "save changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// Asks whether to save `name` before `doing` (e.g. "opening another workspace").
pub fn unsaved_prompt(ctx: &egui::Context, name: &str, doing: &str) -> Option<UnsavedChoice> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("unsaved-prompt")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Unsaved changes");
        ui.label(format!(
            "“{name}” has changes that are not saved. Save them before {doing}?"
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(UnsavedChoice::Save);
            }
            if ui.button("Discard changes").clicked() {
                choice = Some(UnsavedChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(UnsavedChoice::Cancel);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(UnsavedChoice::Cancel);
    }
    choice
}

/// Shows an error; returns true once dismissed.
pub fn error_dialog(ctx: &egui::Context, title: &str, message: &str) -> bool {
    let mut dismissed = false;
    let modal = Modal::new(Id::unique("error-dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(title);
        ui.add(egui::Label::new(message).wrap().selectable(true));
        ui.add_space(8.0);
        if ui.button("OK").clicked() {
            dismissed = true;
        }
    });
    dismissed || modal.should_close()
}

/// The typed-path fallback. Returns `Some(Some(path))` on OK,
/// `Some(None)` on Cancel.
pub fn path_entry(
    ctx: &egui::Context,
    request: &PathRequest,
    reason: &str,
    text: &mut String,
) -> Option<Option<PathBuf>> {
    let mut answer = None;
    let modal = Modal::new(Id::unique("path-entry")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading(&request.title);
        ui.label(format!("No file dialog could be shown: {reason}."));
        ui.label(match request.mode {
            Mode::OpenFile => "Type the path of the file instead:",
            Mode::SaveFile => "Type the path to save to instead:",
        });
        // Enter ends a single-line field's focus in the same frame, so ask
        // whether it had the keyboard before it saw the key.
        let field_id = ui.make_persistent_id("path-entry-field");
        let enter =
            ui.input(|i| i.key_pressed(egui::Key::Enter)) && ui.memory(|m| m.has_focus(field_id));
        let response = ui.add(
            egui::TextEdit::singleline(text)
                .id(field_id)
                .desired_width(f32::INFINITY)
                .hint_text("/path/to/file"),
        );
        name_widget(ui, &response, "File path");
        if !response.has_focus() && !ui.memory(|m| m.focused().is_some()) {
            response.request_focus();
        }
        let entered = enter;
        ui.horizontal(|ui| {
            let ok = ui.add_enabled(!text.trim().is_empty(), egui::Button::new("OK"));
            if (ok.clicked() || entered) && !text.trim().is_empty() {
                answer = Some(Some(expand_home(text.trim())));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(None);
            }
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(None);
    }
    answer
}

/// `~/x` → the home folder joined with `x`.
fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), directories::UserDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => PathBuf::from(text),
    }
}

/// One line of the problems panel.
#[derive(Clone, Debug)]
pub struct ProblemLine {
    pub claim: Option<ClaimId>,
    pub message: String,
}

/// The problems panel; returns a claim to select when one is clicked.
pub fn problems_window(
    ctx: &egui::Context,
    open: &mut bool,
    problems: &[ProblemLine],
) -> Option<ClaimId> {
    let mut picked = None;
    egui::Window::new("Problems")
        .open(open)
        .default_width(520.0)
        .vscroll(true)
        .show(ctx, |ui| {
            if problems.is_empty() {
                ui.label(
                    "No problems: every anchor matches its text and every reference resolves.",
                );
                return;
            }
            ui.label(format!(
                "{} problem(s). Affected claims are kept and marked (!) in the list and the text.",
                problems.len()
            ));
            ui.separator();
            for line in problems {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(ui.visuals().warn_fg_color, "(!)");
                    ui.label(&line.message);
                    if let Some(claim) = line.claim
                        && ui.small_button("Select claim").clicked()
                    {
                        picked = Some(claim);
                    }
                });
            }
        });
    picked
}

/// Help › Keyboard shortcuts: every row of the actions table.
pub fn shortcuts_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .default_width(460.0)
        .vscroll(true)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).num_columns(3).show(ui, |ui| {
                for info in ACTIONS {
                    let keys: Vec<String> = [info.shortcut, info.alternative]
                        .into_iter()
                        .flatten()
                        .map(|s| ctx.format_shortcut(&s))
                        .collect();
                    ui.label(RichText::new(info.label).strong());
                    ui.monospace(if keys.is_empty() { "—".to_owned() } else { keys.join(" or ") });
                    ui.weak(match info.scope {
                        Scope::Global => info.help.to_owned(),
                        Scope::Reading => format!("{} (outside text fields)", info.help),
                    });
                    ui.end_row();
                }
                ui.label(RichText::new("Set verdict").strong());
                ui.monospace("1 … 9 or Alt+1 … 9");
                ui.weak("Give the selected claim the n-th verdict of the scale (plain digits outside text fields)");
                ui.end_row();
            });
        });
}

/// Help › About.
pub fn about_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("About Factbench")
        .open(open)
        .resizable(false)
        .show(ctx, |ui: &mut Ui| {
            ui.heading(format!("Factbench {}", env!("CARGO_PKG_VERSION")));
            ui.label("A desktop workbench for fact-checkers: mark the claims in news articles, judge them, cite sources, publish the checks.");
            ui.label("Chinese text uses Droid Sans Fallback (Apache License 2.0), bundled with Factbench.");
        });
}

/// The answer to "restore unsaved changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoveryChoice {
    Restore,
    Discard,
}

/// Offers unsaved work found in a recovery file. `what` names the work
/// ("unsaved changes to “xi.ron”"), `written` says when it was last
/// autosaved, and `differences` (a sentence) is shown once asked for. Only a button
/// answers: the work is never dropped by pressing Escape.
pub fn recovery_prompt(
    ctx: &egui::Context,
    what: &str,
    written: &str,
    differences: &str,
    show_differences: &mut bool,
) -> Option<RecoveryChoice> {
    let mut choice = None;
    Modal::new(Id::unique("recovery-prompt")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading("Unsaved work was found");
        ui.label(format!(
            "Factbench found {what}, autosaved {written} but never saved — perhaps it was closed by a crash or a power cut."
        ));
        if *show_differences {
            ui.add_space(4.0);
            ui.label(differences);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Restore unsaved changes").clicked() {
                choice = Some(RecoveryChoice::Restore);
            }
            if !*show_differences && ui.button("Show differences").clicked() {
                *show_differences = true;
            }
            if ui.button("Discard them").clicked() {
                choice = Some(RecoveryChoice::Discard);
            }
        });
    });
    choice
}

/// The answer to "the file changed on disk; save over it?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChoice {
    Overwrite,
    SaveAs,
    Reload,
    Cancel,
}

/// Asks before saving over `path`, which someone else changed (or deleted).
pub fn disk_changed_prompt(ctx: &egui::Context, path: &str, deleted: bool) -> Option<DiskChoice> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("disk-changed-prompt")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading("The file changed on disk");
        ui.label(if deleted {
            format!("{path} was deleted or moved since you opened it. Save your workspace there anyway?")
        } else {
            format!("The file changed on disk since you opened it: {path} was changed by another program or person. Saving now would replace their version with yours.")
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Overwrite").clicked() {
                choice = Some(DiskChoice::Overwrite);
            }
            if ui.button("Save as…").clicked() {
                choice = Some(DiskChoice::SaveAs);
            }
            if !deleted && ui.button("Reload (discard my changes)").clicked() {
                choice = Some(DiskChoice::Reload);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(DiskChoice::Cancel);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(DiskChoice::Cancel);
    }
    choice
}

/// Offers to reload `path`, changed on disk while there were no unsaved
/// changes. `Some(true)`: reload; `Some(false)`: keep mine.
pub fn reload_offer(ctx: &egui::Context, path: &str) -> Option<bool> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("reload-offer")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading("The file changed on disk");
        ui.label(format!(
            "{path} was changed by another program or person. You have no unsaved changes: reload it to see their version?"
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Reload").clicked() {
                choice = Some(true);
            }
            if ui.button("Keep mine").clicked() {
                choice = Some(false);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(false);
    }
    choice
}

/// View › Preferences: the autosave interval. Returns true when it changed.
pub fn preferences_window(
    ctx: &egui::Context,
    open: &mut bool,
    autosave_secs: &mut u32,
    overridden: Option<f64>,
) -> bool {
    let mut changed = false;
    egui::Window::new("Preferences")
        .open(open)
        .resizable(false)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label("Autosave unsaved work every");
                let response = ui.add(egui::DragValue::new(autosave_secs).range(1..=3600));
                name_widget(ui, &response, "Autosave interval in seconds");
                changed = response.changed();
                ui.label("seconds");
            });
            ui.weak("Unsaved work goes to a recovery file beside the workspace, offered back after a crash.");
            if let Some(secs) = overridden {
                ui.weak(format!(
                    "{} is set: autosaving every {secs} s for now.",
                    crate::ui::services::autosave::INTERVAL_VARIABLE
                ));
            }
        });
    changed
}
