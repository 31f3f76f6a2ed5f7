//! Dialogs, one concern per file: the modal [`prompts`] (save changes?,
//! errors, typed paths, files changed on disk), the [`recovery`] prompt,
//! the [`problems`] panel, the Help windows ([`shortcuts`], About),
//! [`preferences`], the [`details`] windows, the [`import`] dialog (and
//! [`import_check`] for a Meedan Check export), the
//! verdict [`scale`] editor, the [`verdict_picker`], the [`export`]
//! dialog, the merge [`conflicts`] banner and list, and File ›
//! [`compare_with`]; for a transcript, [`go_to_time`] and
//! [`rename_speaker`]; for the claim library, the [`earlier_check`] window
//! and the [`library_folders`] section of the preferences.
//! Their common pieces (the prompt skeleton, labelled fields) are in
//! [`crate::ui::widgets`].

mod claim_about;
pub mod compare;
pub mod compare_with;
pub mod conflicts;
pub mod details;
pub mod earlier_check;
pub mod embedding_model;
pub mod export;
pub mod go_to_page;
pub mod go_to_time;
pub mod import;
pub mod import_check;
pub mod library_folders;
pub mod opening;
pub mod orphans;
mod path_complete;
pub mod preferences;
pub mod problems;
pub mod prompts;
pub mod recovery;
pub mod rename_speaker;
pub mod scale;
pub mod shortcuts;
pub mod update;
pub mod verdict_picker;

pub use preferences::preferences_window;
pub use problems::{ProblemLine, problems_window, unready_lines};
pub use prompts::{
    DiskChoice, UnsavedChoice, disk_changed_prompt, error_dialog, overwrite_prompt, path_entry,
    reload_offer, unsaved_prompt,
};
pub use recovery::{RecoveryChoice, recovery_prompt};
pub use shortcuts::{about_window, shortcuts_window};

#[cfg(test)]
mod tests;
