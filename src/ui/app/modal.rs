//! What holds the window until it is answered: one [`Modal`] enum for every
//! modal dialog and question, kept on a [`ModalStack`] of which one is drawn at a
//! time. Opening a dialog pushes it; its answer comes back as an
//! [`super::Intent`] (see `modals.rs`), applied after drawing like every
//! other intent. Errors come first, then recovery offers, each oldest first.

use super::opening::Opening;
use super::recovery::RecoveryOffer;
use crate::ui::dialogs::compare::CompareDialog;
use crate::ui::dialogs::export::ExportDialog;
use crate::ui::dialogs::import::{ImportDialog, PasteDialog};
use crate::ui::dialogs::scale::ScaleEditor;
use crate::ui::dialogs::update::UpdateDialog;
use crate::ui::dialogs::verdict_picker::VerdictPicker;
use crate::ui::services::files::PathRequest;
use std::path::PathBuf;

/// Something waiting for an answer to "save changes?".
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Pending {
    /// A new workspace with this verdict scale.
    New(Box<crate::model::VerdictScale>),
    Open,
    OpenPath(PathBuf),
    Quit,
}

impl Pending {
    pub(super) fn doing(&self) -> &'static str {
        match self {
            Pending::New(_) => "starting a new workspace",
            Pending::Open | Pending::OpenPath(_) => "opening another workspace",
            Pending::Quit => "closing",
        }
    }
}

/// A question about files on screen.
#[derive(Clone, Debug)]
pub(super) enum Prompt {
    Unsaved(Pending),
    PathEntry {
        request: PathRequest,
        reason: String,
        text: String,
    },
    /// The file changed on disk since it was loaded or saved: save over it?
    DiskChanged {
        path: PathBuf,
        deleted: bool,
        then: Option<Pending>,
    },
    /// The file changed on disk and there are no unsaved changes: reload?
    ReloadOffer(PathBuf),
    /// A typed path names a file that exists: replace it?
    Overwrite {
        request: PathRequest,
        path: PathBuf,
    },
    /// File › New: which verdict scale (the preset chosen so far)?
    NewWorkspace(usize),
}

/// One modal dialog or question, with the state it keeps while open.
pub(super) enum Modal {
    /// An error: its title and message.
    Error((String, String)),
    /// Something done that the user should read: its title and message.
    Notice((String, String)),
    /// A Meedan Check export being read on a worker.
    CheckReading(super::check_import::CheckReading),
    /// File › Import Meedan Check export…: statuses, scale and folder.
    ImportCheck(Box<crate::ui::dialogs::import_check::ImportCheckDialog>),
    /// Unsaved work found on disk.
    Recovery(Box<RecoveryOffer>),
    Prompt(Prompt),
    /// Edit › Verdict scale…, with its draft.
    ScaleEditor(ScaleEditor),
    /// The verdict picker (Ctrl+R) for the selected claim.
    VerdictPicker(VerdictPicker),
    /// File › Export › …: audience, articles and text, before the file.
    Export(ExportDialog),
    /// Text pasted as a new article, before it is added.
    Paste(PasteDialog),
    /// Two versions of an article side by side, sentence by sentence.
    Compare(CompareDialog),
    /// A newer version of an article, shown claim by claim before it is applied.
    Update(UpdateDialog),
    /// Articles being imported: encoding and metadata checked before they are added.
    Import(ImportDialog),
    /// A large workspace file being opened on a worker.
    Opening(Opening),
    /// Article › Go to time… in a transcript.
    GoToTime(crate::ui::dialogs::go_to_time::GoToTimeDialog),
    GoToPage(crate::ui::dialogs::go_to_page::GoToPageDialog),
    /// Article › Rename speaker… in a transcript.
    RenameSpeaker(crate::ui::dialogs::rename_speaker::RenameSpeakerDialog),
}

impl Modal {
    /// Whether the window's shortcuts (J, K, digits, Ctrl+Z…) wait while it is open.
    fn takes_keyboard(&self) -> bool {
        matches!(
            self,
            Modal::Recovery(_)
                | Modal::Prompt(_)
                | Modal::ScaleEditor(_)
                | Modal::VerdictPicker(_)
                | Modal::Export(_)
                | Modal::Opening(_)
                | Modal::GoToTime(_)
                | Modal::GoToPage(_)
                | Modal::RenameSpeaker(_)
                | Modal::ImportCheck(_)
        )
    }
}

/// The open modals, in the order they were opened.
///
/// The one drawn ([`ModalStack::take_shown`]) is the oldest error, else the
/// oldest recovery offer, else the newest of the others: an error is read
/// before anything else, and a dialog opened from another is answered first.
#[derive(Default)]
pub(super) struct ModalStack {
    stack: Vec<Modal>,
}

/// Where a modal taken out to be drawn goes back.
pub(super) struct Slot(usize);

impl ModalStack {
    /// Opens `modal`.
    pub(super) fn push(&mut self, modal: Modal) {
        self.stack.push(modal);
    }

    /// Asks `prompt`, in place of any question already on screen.
    pub(super) fn ask(&mut self, prompt: Prompt) {
        self.stack.retain(|m| !matches!(m, Modal::Prompt(_)));
        self.stack.push(Modal::Prompt(prompt));
    }

    /// Takes out the modal to draw this frame; [`ModalStack::put_back`]
    /// returns it to its place while it stays open.
    pub(super) fn take_shown(&mut self) -> Option<(Slot, Modal)> {
        let oldest = |kind: fn(&Modal) -> bool| self.stack.iter().position(kind);
        let at = oldest(|m| matches!(m, Modal::Error(_)))
            .or_else(|| oldest(|m| matches!(m, Modal::Recovery(_))))
            .or_else(|| self.stack.len().checked_sub(1))?;
        Some((Slot(at), self.stack.remove(at)))
    }

    /// Puts a modal taken out by [`ModalStack::take_shown`] back where it was.
    pub(super) fn put_back(&mut self, slot: Slot, modal: Modal) {
        let at = slot.0.min(self.stack.len());
        self.stack.insert(at, modal);
    }

    pub(super) fn any(&self, test: impl Fn(&Modal) -> bool) -> bool {
        self.stack.iter().any(test)
    }

    /// The open modals, oldest first.
    pub(super) fn iter(&self) -> impl Iterator<Item = &Modal> {
        self.stack.iter()
    }

    /// Whether a modal holds the keyboard, so the window's shortcuts wait.
    pub(super) fn takes_keyboard(&self) -> bool {
        self.any(Modal::takes_keyboard)
    }

    /// The question on screen, if any.
    pub(super) fn prompt(&self) -> Option<&Prompt> {
        self.iter().find_map(|m| match m {
            Modal::Prompt(p) => Some(p),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(title: &str) -> Modal {
        Modal::Error((title.into(), String::new()))
    }

    fn name(modal: &Modal) -> String {
        match modal {
            Modal::Error((title, _)) => title.clone(),
            Modal::Prompt(_) => "prompt".into(),
            _ => "other".into(),
        }
    }

    /// The modals in the order they are shown, answering each in turn.
    fn shown_in_order(mut stack: ModalStack) -> Vec<String> {
        let mut shown = Vec::new();
        while let Some((_, modal)) = stack.take_shown() {
            shown.push(name(&modal));
        }
        shown
    }

    #[test]
    fn errors_are_shown_first_oldest_first() {
        let mut stack = ModalStack::default();
        stack.ask(Prompt::ReloadOffer("a.ron".into()));
        stack.push(error("first"));
        stack.push(error("second"));
        assert_eq!(shown_in_order(stack), ["first", "second", "prompt"]);
    }

    #[test]
    fn a_modal_put_back_keeps_its_place() {
        let mut stack = ModalStack::default();
        stack.push(error("first"));
        stack.push(error("second"));
        let (slot, modal) = stack.take_shown().expect("an error");
        assert_eq!(name(&modal), "first");
        stack.put_back(slot, modal);
        assert_eq!(shown_in_order(stack), ["first", "second"]);
    }

    #[test]
    fn a_new_question_replaces_the_one_on_screen() {
        let mut stack = ModalStack::default();
        stack.ask(Prompt::ReloadOffer("a.ron".into()));
        stack.push(error("e"));
        stack.ask(Prompt::NewWorkspace(0));
        assert!(matches!(stack.prompt(), Some(Prompt::NewWorkspace(0))));
        assert!(stack.takes_keyboard());
        assert_eq!(shown_in_order(stack), ["e", "prompt"]);
    }
}
