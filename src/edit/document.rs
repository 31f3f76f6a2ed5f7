//! [`Document`]: the open workspace, where it lives on disk, and its undo
//! history. Every change goes through [`Document::execute`]; the window,
//! the command line and the tests all drive it the same way.

use super::change::Edit;
use super::command::{Command, CommandError, Outcome};
use super::history::{History, Keystroke, StateSerial};
use super::plan::plan;
use crate::model::{ProblemIndex, Touched, Workspace};
use crate::store::DiskState;
use std::path::{Path, PathBuf};

/// A state serial no state ever has: the document differs from its file.
const NEVER_SAVED: StateSerial = StateSerial::MAX;

/// The open workspace, where it lives, and its undo history.
#[derive(Debug)]
pub struct Document {
    workspace: Workspace,
    history: History,
    /// The file it was opened from or last saved to; `None` until saved.
    path: Option<PathBuf>,
    /// The file as last loaded or saved, to notice changes by others.
    disk: Option<DiskState>,
    /// The state last saved (or opened).
    saved: StateSerial,
    /// Bumped by every change, so views can tell their caches are stale.
    revision: u64,
    /// Bumped by every change that adds, removes or rewrites an article's
    /// text, so views can keep what they computed from the texts.
    text_revision: u64,
    /// The workspace's problems, checked again only where a change touched.
    problems: ProblemIndex,
}

impl Document {
    /// A document as opened from `path` (or new, when `None`): clean, no history.
    pub fn new(workspace: Workspace, path: Option<PathBuf>) -> Self {
        Document::opened(workspace, path, None)
    }

    /// A document read from `path`, which was `disk` when read.
    pub fn opened(workspace: Workspace, path: Option<PathBuf>, disk: Option<DiskState>) -> Self {
        let history = History::default();
        Document {
            problems: ProblemIndex::new(&workspace),
            workspace,
            saved: history.current(),
            history,
            path,
            disk,
            revision: 0,
            text_revision: 0,
        }
    }

    /// A document restored from a recovery file: it belongs to `path` (or
    /// is untitled), whose file was `disk`, and has unsaved changes from
    /// the start.
    pub fn recovered(workspace: Workspace, path: Option<PathBuf>, disk: Option<DiskState>) -> Self {
        Document {
            saved: NEVER_SAVED,
            ..Document::opened(workspace, path, disk)
        }
    }

    /// The same document keeping at most `limit` undo steps.
    pub fn with_history_limit(mut self, limit: usize) -> Self {
        self.history = History::with_limit(limit);
        if self.saved != NEVER_SAVED {
            self.saved = self.history.current();
        }
        self
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The file it was opened from or last saved to; `None` until saved.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The file as it was when last loaded or saved.
    pub fn disk(&self) -> Option<&DiskState> {
        self.disk.as_ref()
    }

    /// Broken invariants of the workspace as it is now.
    pub fn problems(&self) -> &ProblemIndex {
        &self.problems
    }

    /// Changes since the document was opened or last saved.
    pub fn is_dirty(&self) -> bool {
        self.history.current() != self.saved
    }

    /// A number that changes whenever the workspace does.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// A number that changes whenever an article's text may have changed.
    pub fn text_revision(&self) -> u64 {
        self.text_revision
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// What *Undo* would undo now ("the verdict").
    pub fn undo_what(&self) -> Option<&str> {
        self.history.undo_what()
    }

    /// What *Redo* would redo now.
    pub fn redo_what(&self) -> Option<&str> {
        self.history.redo_what()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Records that the current state is what is now on disk at `path`.
    pub fn mark_saved(&mut self, path: PathBuf, disk: Option<DiskState>) {
        self.path = Some(path);
        self.disk = disk;
        self.saved = self.history.current();
        self.history.seal();
    }

    /// Applies a command as one undo step; `now` is the caller's clock in
    /// seconds (used to end typing steps at pauses). A command that would
    /// change nothing records nothing and returns [`Outcome::Unchanged`].
    pub fn execute(&mut self, command: Command, now: f64) -> Result<Outcome, CommandError> {
        let keystroke = command
            .typing()
            .map(|(field, text)| Keystroke::new(field, text, now));
        let what = command.what();
        // The one reading of the clock for this command.
        let at = crate::model::now();
        let (edit, outcome) = plan(&self.workspace, command, at)?;
        if edit.is_nothing() {
            return Ok(Outcome::Unchanged);
        }
        let (inverse, _) = self.apply(Edit::Group(vec![edit, Edit::SetModified(at)]));
        self.history.record(inverse, keystroke, self.saved, what);
        Ok(outcome)
    }

    /// Undoes the last step; returns what it touched.
    pub fn undo(&mut self) -> Option<Touched> {
        let super::history::Taken { edit, step } = self.history.take_undo()?;
        let (redo, touched) = self.apply(edit);
        self.history.undone(redo, step);
        Some(touched)
    }

    /// Redoes the last undone step; returns what it touched.
    pub fn redo(&mut self) -> Option<Touched> {
        let super::history::Taken { edit, step } = self.history.take_redo()?;
        let (undo, touched) = self.apply(edit);
        self.history.redone(undo, step);
        Some(touched)
    }

    /// Applies `edit`, checks again what it touched; returns its inverse
    /// and what it touched.
    fn apply(&mut self, edit: Edit) -> (Edit, Touched) {
        self.revision += 1;
        let touched = edit.touches(&self.workspace);
        if touched.everything || !touched.articles.is_empty() {
            self.text_revision += 1;
        }
        let inverse = edit.apply(&mut self.workspace);
        self.problems.update(&self.workspace, &touched);
        (inverse, touched)
    }
}
