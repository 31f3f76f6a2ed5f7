//! What the window is showing, as the action table reads it: the
//! [`ActionContext`] that [`super::Action::precondition`] and
//! [`super::Action::checked`] decide from, the right panel's tabs, when a
//! shortcut applies ([`Scope`]) and why an action cannot be done now
//! ([`Unmet`]).

use crate::ui::services::settings::ThemeChoice;

/// Which tab the right panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum RightTab {
    #[default]
    Claim,
    Sources,
}

/// When a shortcut applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Always, even while typing in a field.
    Global,
    /// Only when no text field has the keyboard (so Delete and Ctrl+C
    /// still edit and copy text inside fields).
    Reading,
}

/// What the window is showing, for [`Action::enabled`] and
/// [`Action::checked`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ActionContext {
    pub can_undo: bool,
    pub can_redo: bool,
    /// A claim is selected; `Some(true)` when it has a verdict.
    pub selected_claim_rated: Option<bool>,
    /// The selected claim is an orphan (its text is gone from the article).
    pub selected_claim_orphaned: bool,
    /// The selected claim was published, so its quote stays where it is
    /// (see [`crate::model::PublicField`]).
    pub selected_claim_published: bool,
    /// The workspace has at least one claim.
    pub has_claims: bool,
    /// The selected claim is on the article shown in the reader.
    pub selected_claim_shown: bool,
    pub has_shown_article: bool,
    /// The shown article has earlier versions.
    pub shown_article_has_versions: bool,
    /// The shown article is a transcript (it has cue times).
    pub shown_article_is_transcript: bool,
    /// The shown article is a paged document (it has page starts).
    pub shown_article_has_pages: bool,
    /// Article text is selected in the reader.
    pub has_text_selection: bool,
    /// There are unsaved changes.
    pub dirty: bool,
    /// The workspace has a file.
    pub has_path: bool,
    /// The reader is in edit mode.
    pub editing_text: bool,
    /// How many workspaces File › Open recent lists.
    pub recent_count: usize,
    pub theme: ThemeChoice,
    pub open_report_after_export: bool,
    pub right_tab: RightTab,
}

impl Default for ActionContext {
    /// An untitled, unchanged, empty workspace.
    fn default() -> Self {
        ActionContext {
            can_undo: false,
            can_redo: false,
            selected_claim_rated: None,
            selected_claim_orphaned: false,
            selected_claim_published: false,
            has_claims: false,
            selected_claim_shown: false,
            has_shown_article: false,
            shown_article_has_versions: false,
            shown_article_is_transcript: false,
            shown_article_has_pages: false,
            has_text_selection: false,
            dirty: false,
            has_path: false,
            editing_text: false,
            recent_count: 0,
            theme: ThemeChoice::System,
            open_report_after_export: true,
            right_tab: RightTab::Claim,
        }
    }
}

/// Why an action cannot be done now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unmet {
    /// Nothing to say: a key pressed then does nothing (menus grey it out).
    Quietly,
    /// Said to the user when the action is asked for anyway (by its shortcut).
    Explained {
        title: &'static str,
        message: &'static str,
    },
}
