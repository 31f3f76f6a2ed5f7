//! The modal questions: save changes?, error messages, the typed path when
//! no file dialog can be shown (with completion, paste, and a question
//! before it replaces a file), and what to do about a file changed on disk.

use super::path_complete::complete_path;
use crate::ui::services::files::{Mode, PathRequest};
use crate::ui::widgets::{
    Choice, PromptFrame, choice_prompt, choice_row, labelled_field_named, modal_prompt,
};
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
    choice_prompt(
        ctx,
        PromptFrame {
            id: "unsaved",
            title: "Unsaved changes",
            width: 420.0,
        },
        &format!("“{name}” has changes that are not saved. Save them before {doing}?"),
        &[
            Choice::new("Save", UnsavedChoice::Save),
            Choice::new("Discard changes", UnsavedChoice::Discard),
            Choice::new("Cancel", UnsavedChoice::Cancel),
        ],
        Some(UnsavedChoice::Cancel),
    )
}

/// Shows an error; returns true once dismissed.
pub fn error_dialog(ctx: &egui::Context, title: &str, message: &str) -> bool {
    choice_prompt(
        ctx,
        PromptFrame {
            id: "error",
            title,
            width: 560.0,
        },
        message,
        &[Choice::new("OK", ())],
        Some(()),
    )
    .is_some()
}

/// The typed-path fallback. Returns `Some(Some(path))` on OK,
/// `Some(None)` on Cancel. Tab completes the path from the files on disk
/// (the candidates are listed below, a click takes one); *Paste* puts the
/// clipboard's text in the field.
pub fn path_entry(
    ctx: &egui::Context,
    request: &PathRequest,
    reason: &str,
    text: &mut String,
) -> Option<Option<PathBuf>> {
    let frame = PromptFrame {
        id: "path-entry",
        title: &request.title,
        width: 520.0,
    };
    modal_prompt(ctx, frame, Some(None), |ui| {
        ui.set_width(520.0);
        ui.label(format!("No file dialog could be shown: {reason}."));
        // Enter ends a single-line field's focus in the same frame, so ask
        // whether it had the keyboard before it saw the key.
        let field_id = ui.make_persistent_id("path-entry-field");
        let focused = ui.memory(|m| m.has_focus(field_id));
        let entered = ui.input(|i| i.key_pressed(egui::Key::Enter)) && focused;
        let tab = focused && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Tab));
        let candidates_id = field_id.with("candidates");
        if tab {
            let (completed, names) = complete_path(text);
            if completed != *text {
                *text = completed;
                caret_to_end(ui.ctx(), field_id, text);
            }
            ui.data_mut(|d| d.insert_temp(candidates_id, names));
        }
        let label = match request.mode {
            Mode::OpenFile => "Type the path of the file instead (Tab completes):",
            Mode::SaveFile => "Type the path to save to instead (Tab completes):",
            Mode::PickFolder => "Type the path of the folder instead (Tab completes):",
        };
        // Tab completes here instead of moving the keyboard on.
        let edit = egui::TextEdit::singleline(text)
            .id(field_id)
            .lock_focus(true)
            .desired_width(f32::INFINITY)
            .hint_text("/path/to/file");
        let response = labelled_field_named(ui, label, "File path", edit);
        if response.changed() {
            ui.data_mut(|d| d.remove::<Vec<String>>(candidates_id));
        }
        if !response.has_focus() && !ui.memory(|m| m.focused().is_some()) {
            response.request_focus();
        }
        let candidates: Vec<String> = ui.data(|d| d.get_temp(candidates_id)).unwrap_or_default();
        if candidates.len() > 1 && pick_candidate(ui, text, &candidates) {
            caret_to_end(ui.ctx(), field_id, text);
            response.request_focus();
            ui.data_mut(|d| d.remove::<Vec<String>>(candidates_id));
        }
        let typed = !text.trim().is_empty();
        let picked = choice_row(
            ui,
            &[
                Choice::new("OK", Answer::Ok).enabled(typed),
                Choice::new("Paste", Answer::Paste),
                Choice::new("Cancel", Answer::Cancel),
            ],
        );
        match picked {
            Some(Answer::Cancel) => Some(None),
            Some(Answer::Ok) => Some(Some(expand_home(text.trim()))),
            Some(Answer::Paste) => {
                if let Some(pasted) = clipboard_text() {
                    *text = pasted.trim().to_owned();
                    caret_to_end(ui.ctx(), field_id, text);
                }
                response.request_focus();
                None
            }
            None if entered && typed => Some(Some(expand_home(text.trim()))),
            None => None,
        }
    })
}

/// The buttons under the typed path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Answer {
    Ok,
    Paste,
    Cancel,
}

/// Lists Tab's candidates (at most 12) as buttons; a click replaces the
/// last part of `text` with it. Tells whether one was clicked.
fn pick_candidate(ui: &mut egui::Ui, text: &mut String, candidates: &[String]) -> bool {
    let folder_end = text
        .rfind(['/', std::path::MAIN_SEPARATOR])
        .map_or(0, |at| at + 1);
    let mut picked = false;
    ui.horizontal_wrapped(|ui| {
        ui.weak(format!("{} matches:", candidates.len()));
        for name in candidates.iter().take(12) {
            if ui.small_button(name).clicked() {
                text.truncate(folder_end);
                text.push_str(name);
                picked = true;
            }
        }
    });
    picked
}

/// Puts the caret of the text field `id` after the last char of `text`.
fn caret_to_end(ctx: &egui::Context, id: egui::Id, text: &str) {
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    let end = egui::text::CCursor::new(text.chars().count());
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::one(end)));
    state.store(ctx, id);
}

/// The system clipboard's text, if there is a clipboard holding text.
fn clipboard_text() -> Option<String> {
    arboard::Clipboard::new()
        .and_then(|mut c| c.get_text())
        .ok()
}

/// Asks before a typed path replaces a file that exists. `Some(true)`:
/// replace it; `Some(false)`: choose another name.
pub fn overwrite_prompt(ctx: &egui::Context, path: &str) -> Option<bool> {
    choice_prompt(
        ctx,
        PromptFrame {
            id: "overwrite",
            title: "Replace the existing file?",
            width: 480.0,
        },
        &format!("{path} already exists. Replacing it loses what it holds now."),
        &[
            Choice::new("Replace", true),
            Choice::new("Choose another name", false),
        ],
        Some(false),
    )
}

/// `~/x` → the home folder joined with `x`.
fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), directories::UserDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => PathBuf::from(text),
    }
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
    let message = if deleted {
        format!(
            "{path} was deleted or moved since you opened it. Save your workspace there anyway?"
        )
    } else {
        format!(
            "The file changed on disk since you opened it: {path} was changed by another program or person. Saving now would replace their version with yours."
        )
    };
    let mut choices = vec![
        Choice::new("Overwrite", DiskChoice::Overwrite),
        Choice::new("Save as…", DiskChoice::SaveAs),
    ];
    if !deleted {
        choices.push(Choice::new(
            "Reload (discard my changes)",
            DiskChoice::Reload,
        ));
    }
    choices.push(Choice::new("Cancel", DiskChoice::Cancel));
    choice_prompt(
        ctx,
        PromptFrame {
            id: "disk-changed",
            title: "The file changed on disk",
            width: 480.0,
        },
        &message,
        &choices,
        Some(DiskChoice::Cancel),
    )
}

/// Offers to reload `path`, changed on disk while there were no unsaved
/// changes. `Some(true)`: reload; `Some(false)`: keep mine.
pub fn reload_offer(ctx: &egui::Context, path: &str) -> Option<bool> {
    choice_prompt(
        ctx,
        PromptFrame {
            id: "reload-offer",
            title: "The file changed on disk",
            width: 480.0,
        },
        &format!(
            "{path} was changed by another program or person. You have no unsaved changes: reload it to see their version?"
        ),
        &[Choice::new("Reload", true), Choice::new("Keep mine", false)],
        Some(false),
    )
}
