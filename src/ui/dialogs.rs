//! Dialogs: the Save / Discard / Cancel prompt, error messages, the typed
//! path fallback when no file dialog can be shown, the problems panel, the
//! keyboard shortcuts list and About.

use super::actions::{ACTIONS, Scope};
use super::files::{Mode, PathRequest};
use super::name_widget;
use crate::model::ClaimId;
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
