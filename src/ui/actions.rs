//! The one table of user actions: each has one label and at most one
//! shortcut, and menus, buttons, the shortcut handler and Help › Keyboard
//! shortcuts all read them from here.

use crate::export::Format;
use egui::{Key, KeyboardShortcut, Modifiers};

/// Something the user can ask the window to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    New,
    Open,
    Save,
    SaveAs,
    ImportArticle,
    NewArticleFromClipboard,
    Export(Format),
    Quit,
    Undo,
    Redo,
    MarkClaim,
    DeleteClaim,
    Find,
    CopySelection,
    ClearVerdict,
    NextClaim,
    PreviousClaim,
    ShowProblems,
    ArticleDetails,
    WorkspaceDetails,
    TextLarger,
    TextSmaller,
    TextReset,
    ShowShortcuts,
    About,
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

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct ActionInfo {
    pub action: Action,
    pub label: &'static str,
    pub shortcut: Option<KeyboardShortcut>,
    /// A second shortcut doing the same (Ctrl+Y for redo).
    pub alternative: Option<KeyboardShortcut>,
    pub scope: Scope,
    /// What it does, for the shortcuts list and hover texts.
    pub help: &'static str,
}

const fn key(modifiers: Modifiers, key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(modifiers, key))
}

const COMMAND: Modifiers = Modifiers::COMMAND;
const COMMAND_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const NONE: Modifiers = Modifiers::NONE;

const fn row(
    action: Action,
    label: &'static str,
    shortcut: Option<KeyboardShortcut>,
    scope: Scope,
    help: &'static str,
) -> ActionInfo {
    ActionInfo {
        action,
        label,
        shortcut,
        alternative: None,
        scope,
        help,
    }
}

/// Every action, in the order Help lists them.
pub const ACTIONS: &[ActionInfo] = &[
    row(
        Action::New,
        "New workspace",
        key(COMMAND, Key::N),
        Scope::Global,
        "Start an empty workspace",
    ),
    row(
        Action::Open,
        "Open…",
        key(COMMAND, Key::O),
        Scope::Global,
        "Open a workspace file (.ron)",
    ),
    row(
        Action::Save,
        "Save",
        key(COMMAND, Key::S),
        Scope::Global,
        "Save the workspace",
    ),
    row(
        Action::SaveAs,
        "Save as…",
        key(COMMAND_SHIFT, Key::S),
        Scope::Global,
        "Save the workspace to a new file",
    ),
    row(
        Action::ImportArticle,
        "Import article…",
        key(COMMAND, Key::I),
        Scope::Global,
        "Add articles from text, Markdown or web-page files",
    ),
    row(
        Action::NewArticleFromClipboard,
        "New article from clipboard…",
        key(COMMAND_SHIFT, Key::V),
        Scope::Global,
        "Add an article from text copied elsewhere",
    ),
    row(
        Action::Export(Format::Html),
        "HTML report…",
        key(COMMAND, Key::E),
        Scope::Global,
        "Export the annotated report as one self-contained HTML file",
    ),
    row(
        Action::Export(Format::Markdown),
        "Markdown…",
        None,
        Scope::Global,
        "Export the report as Markdown, for pasting into a CMS",
    ),
    row(
        Action::Export(Format::Csv),
        "CSV…",
        None,
        Scope::Global,
        "Export one row per claim, for a spreadsheet",
    ),
    row(
        Action::Export(Format::ClaimReview),
        "ClaimReview JSON-LD…",
        None,
        Scope::Global,
        "Export schema.org ClaimReview markup for the rated claims",
    ),
    row(
        Action::Export(Format::WebAnnotation),
        "W3C Web Annotations…",
        None,
        Scope::Global,
        "Export the claims as W3C Web Annotations (JSON-LD)",
    ),
    row(
        Action::Quit,
        "Quit",
        key(COMMAND, Key::Q),
        Scope::Global,
        "Close Factbench",
    ),
    row(
        Action::Undo,
        "Undo",
        key(COMMAND, Key::Z),
        Scope::Global,
        "Undo the last change",
    ),
    ActionInfo {
        alternative: key(COMMAND, Key::Y),
        ..row(
            Action::Redo,
            "Redo",
            key(COMMAND_SHIFT, Key::Z),
            Scope::Global,
            "Redo the last undone change",
        )
    },
    row(
        Action::MarkClaim,
        "Mark claim",
        key(COMMAND, Key::M),
        Scope::Global,
        "Mark the selected text as a claim",
    ),
    row(
        Action::DeleteClaim,
        "Delete claim",
        key(NONE, Key::Delete),
        Scope::Reading,
        "Delete the selected claim",
    ),
    row(
        Action::Find,
        "Find claims",
        key(COMMAND, Key::F),
        Scope::Global,
        "Search the claims list",
    ),
    row(
        Action::CopySelection,
        "Copy",
        key(COMMAND, Key::C),
        Scope::Reading,
        "Copy the selected article text",
    ),
    row(
        Action::ClearVerdict,
        "Clear verdict",
        key(NONE, Key::Num0),
        Scope::Reading,
        "Remove the selected claim's verdict",
    ),
    row(
        Action::NextClaim,
        "Next claim",
        key(NONE, Key::J),
        Scope::Reading,
        "Select the next claim in the list",
    ),
    row(
        Action::PreviousClaim,
        "Previous claim",
        key(NONE, Key::K),
        Scope::Reading,
        "Select the previous claim in the list",
    ),
    row(
        Action::ShowProblems,
        "Problems…",
        None,
        Scope::Global,
        "List what is wrong in the workspace",
    ),
    row(
        Action::ArticleDetails,
        "Article details…",
        None,
        Scope::Global,
        "Edit the shown article's title, outlet, author, URL and dates",
    ),
    row(
        Action::WorkspaceDetails,
        "Workspace details…",
        None,
        Scope::Global,
        "Edit the workspace's title, publisher and report URL",
    ),
    ActionInfo {
        alternative: key(COMMAND, Key::Equals),
        ..row(
            Action::TextLarger,
            "Larger text",
            key(COMMAND, Key::Plus),
            Scope::Global,
            "Make the article text larger",
        )
    },
    row(
        Action::TextSmaller,
        "Smaller text",
        key(COMMAND, Key::Minus),
        Scope::Global,
        "Make the article text smaller",
    ),
    row(
        Action::TextReset,
        "Default text size",
        key(COMMAND, Key::Num0),
        Scope::Global,
        "Reset the article text size",
    ),
    row(
        Action::ShowShortcuts,
        "Keyboard shortcuts",
        key(NONE, Key::F1),
        Scope::Global,
        "List every shortcut",
    ),
    row(
        Action::About,
        "About Factbench",
        None,
        Scope::Global,
        "Version and licences",
    ),
];

/// The keys that give the selected claim the n-th verdict of the scale.
pub const VERDICT_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

impl Action {
    /// This action's row of [`ACTIONS`].
    pub fn info(self) -> &'static ActionInfo {
        ACTIONS
            .iter()
            .find(|info| info.action == self)
            .unwrap_or(&ACTIONS[0])
    }

    pub fn label(self) -> &'static str {
        self.info().label
    }

    /// The shortcut as shown in menus (`Ctrl+M`), or empty.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.info()
            .shortcut
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }
}

/// The actions whose shortcut was pressed this frame, consuming the keys.
/// `typing` is whether a text field has the keyboard.
pub fn pressed(input: &mut egui::InputState, typing: bool) -> Vec<Action> {
    let mut pressed = Vec::new();
    // Longer shortcuts first, so Ctrl+Shift+Z is not taken for Ctrl+Z.
    let mut rows: Vec<&ActionInfo> = ACTIONS.iter().collect();
    rows.sort_by_key(|info| {
        std::cmp::Reverse(info.shortcut.map_or(0, |s| modifier_count(s.modifiers)))
    });
    for info in rows {
        if typing && info.scope == Scope::Reading {
            continue;
        }
        let shortcuts = [info.shortcut, info.alternative];
        if shortcuts
            .iter()
            .flatten()
            .any(|s| input.consume_shortcut(s))
        {
            pressed.push(info.action);
        }
    }
    pressed
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.ctrl || m.command || m.mac_cmd) + u8::from(m.shift)
}

/// The n-th verdict key (0-based) pressed this frame, consuming it.
pub fn verdict_key_pressed(input: &mut egui::InputState, modifiers: Modifiers) -> Option<usize> {
    VERDICT_KEYS
        .iter()
        .position(|key| input.consume_key(modifiers, *key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_action_has_one_row_and_shortcuts_are_unique() {
        let mut actions = HashSet::new();
        let mut shortcuts = HashSet::new();
        for info in ACTIONS {
            assert!(actions.insert(info.action), "{:?} twice", info.action);
            for s in [info.shortcut, info.alternative].into_iter().flatten() {
                assert!(
                    shortcuts.insert((s.logical_key, s.modifiers.shift, s.modifiers.command)),
                    "{} used twice",
                    info.label
                );
            }
        }
    }
}
