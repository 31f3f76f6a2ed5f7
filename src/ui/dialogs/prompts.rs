//! The modal questions: save changes?, error messages, the typed path when
//! no file dialog can be shown, and what to do about a file changed on disk.

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
/// `Some(None)` on Cancel.
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
        let entered =
            ui.input(|i| i.key_pressed(egui::Key::Enter)) && ui.memory(|m| m.has_focus(field_id));
        let label = match request.mode {
            Mode::OpenFile => "Type the path of the file instead:",
            Mode::SaveFile => "Type the path to save to instead:",
        };
        let edit = egui::TextEdit::singleline(text)
            .id(field_id)
            .desired_width(f32::INFINITY)
            .hint_text("/path/to/file");
        let response = labelled_field_named(ui, label, "File path", edit);
        if !response.has_focus() && !ui.memory(|m| m.focused().is_some()) {
            response.request_focus();
        }
        let typed = !text.trim().is_empty();
        let picked = choice_row(
            ui,
            &[
                Choice::new("OK", true).enabled(typed),
                Choice::new("Cancel", false),
            ],
        );
        match picked {
            Some(false) => Some(None),
            Some(true) => Some(Some(expand_home(text.trim()))),
            None if entered && typed => Some(Some(expand_home(text.trim()))),
            None => None,
        }
    })
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
