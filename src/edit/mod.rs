//! The editing core, outside the window: every change to an open workspace
//! is a [`Command`] (what the user asked for), planned against the
//! workspace as it is into an invertible [`Edit`] and applied by the
//! [`Document`], which keeps the undo [`History`] and knows whether the
//! workspace differs from its file. Typing in one field is coalesced into
//! word- or pause-sized steps. The window, the command line and the tests
//! all go through here; nothing in this module knows of the window.
//!
//! Adding a kind of change: a [`Command`] variant (or a [`ClaimChange`]),
//! its planning in `plan.rs`, and — only if no existing [`Edit`] can
//! express it — a new invertible edit in `change.rs`.

mod article_text;
mod change;
mod command;
mod describe;
mod document;
mod history;
mod imported_checks;
mod media;
mod plan;
mod resolve;
mod scale;
pub mod script;
mod snapshot;
mod span;
mod transcript;
mod update;
mod vocabulary;

pub use change::{ClaimEdit, Edit, NewVersion, TextSplice};
pub use command::{
    ArticleDetails, ArticleText, ClaimChange, ClaimField, ClaimText, Command, CommandError,
    Corrected, EvidenceText, FieldKey, Outcome, SourceChange, SourceText, WorkspaceDetails,
    WorkspaceText,
};
pub use document::Document;
pub use history::{History, MAX_UNDO_STEPS, TYPING_PAUSE};
pub use imported_checks::ImportedChecks;
pub use scale::{Reassign, verdicts_in_use_dropped};
pub use span::marked_span;
pub use update::{ArticleUpdate, ClaimUpdate};

#[cfg(test)]
mod publication_tests;
#[cfg(test)]
mod span_scale_tests;
#[cfg(test)]
mod tests;
