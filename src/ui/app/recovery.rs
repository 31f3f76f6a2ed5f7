//! Never losing a fact-checker's work, the window's half: autosave each
//! frame, unsaved work offered back on start and on open, and files
//! changed on disk noticed before saving over them and when the window
//! regains focus.

use super::answers::Answer;
use super::modal::{Modal, Prompt};
use super::modals::Shown;
use super::{FactbenchApp, Pending};
use crate::edit::Document;
use crate::model::Workspace;
use crate::store::recovery::{
    Recovery, differences, discard_recovery, pending_recovery, read_recovery, recovery_path,
    untitled_recoveries,
};
use crate::store::{DiskChange, DiskState};
use crate::ui::dialogs::{self, DiskChoice, RecoveryChoice};
use crate::ui::services::autosave::{DocumentState, set_aside_path};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// At most this many untitled recoveries are offered at one start.
const MAX_UNTITLED_OFFERS: usize = 20;

/// Unsaved work found in a recovery file, waiting for the user's answer.
#[derive(Debug)]
pub(super) struct RecoveryOffer {
    /// The recovery file.
    file: PathBuf,
    /// The workspace it belongs to; `None` for untitled work.
    workspace_path: Option<PathBuf>,
    recovered: Workspace,
    /// What differs from the saved file, in words.
    differences: String,
    /// When it was written, in words ("3 minutes ago").
    written: String,
    show_differences: bool,
}

impl FactbenchApp {
    // ----- autosave -----

    /// The autosave interval in seconds: the environment's, else the
    /// setting's (at least a second, whatever the settings file says).
    pub(super) fn autosave_interval(&self) -> f64 {
        self.safety
            .autosave_override
            .unwrap_or(f64::from(self.remembered.settings.autosave_secs.max(1)))
    }

    /// Where the open document's recovery file goes.
    pub(super) fn recovery_target(&self) -> Option<PathBuf> {
        match self.doc.path() {
            Some(path) => Some(recovery_path(path)),
            None => self.safety.untitled_target.clone(),
        }
    }

    /// Writes unsaved work aside when it is due; runs every frame.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let interval = self.autosave_interval();
        let target = self.recovery_target();
        let state = DocumentState {
            workspace: self.doc.workspace(),
            path: self.doc.path(),
            revision: self.doc.revision(),
            dirty: self.doc.is_dirty(),
            target,
        };
        let (failure, next) = self.safety.autosaver.tick(&state, now, interval);
        if let Some(message) = failure {
            self.error(
                "Autosave failed",
                format!("Unsaved work could not be written to its recovery file: {message}. Autosave keeps trying (this is shown once); save the workspace to be safe."),
            );
        }
        if let Some(secs) = next {
            ctx.request_repaint_after(Duration::from_secs_f64(secs.max(0.0)));
        }
    }

    /// The user chose to lose the unsaved work: its recovery file goes too.
    pub(super) fn discard_unsaved_work(&mut self) {
        let target = self.recovery_target();
        self.safety.autosaver.discard(target.as_deref());
    }

    /// Writes the unsaved work aside now, before the document is replaced
    /// without the user having discarded it.
    fn keep_unsaved_work(&mut self) -> Result<(), String> {
        let state = DocumentState {
            workspace: self.doc.workspace(),
            path: self.doc.path(),
            revision: self.doc.revision(),
            dirty: self.doc.is_dirty(),
            target: self.recovery_target(),
        };
        self.safety.autosaver.write_now(&state)
    }

    // ----- recovery offers -----

    /// Offers the unsaved work of `path` when a recovery file newer than it
    /// exists; `saved` is the workspace as saved, when it could be read.
    /// When the workspace cannot be read, any recovery file of it is
    /// offered, however old.
    pub(super) fn offer_recovery_of(&mut self, path: &Path, saved: Option<&Workspace>) {
        let found = match saved {
            Some(_) => pending_recovery(path),
            None => any_recovery(path),
        };
        if let Some(found) = found
            && self.safety.autosaver.written_path() != Some(found.path.as_path())
        {
            self.queue_offer(found, saved);
        }
    }

    /// Offers untitled work left by earlier sessions (on start).
    pub(super) fn offer_untitled_recoveries(&mut self) {
        let Some(folder) = self.safety.untitled_folder.clone() else {
            return;
        };
        // The newest few; the rest stay on disk for a later start.
        for found in untitled_recoveries(&folder)
            .into_iter()
            .take(MAX_UNTITLED_OFFERS)
        {
            if Some(&found.path) != self.safety.untitled_target.as_ref() {
                self.queue_offer(found, None);
            }
        }
    }

    /// Reads a recovery file and queues the question; `saved` is what it
    /// is compared with (`None`: untitled, or the saved file is unreadable).
    fn queue_offer(&mut self, found: Recovery, saved: Option<&Workspace>) {
        let offered = |m: &Modal| matches!(m, Modal::Recovery(o) if o.file == found.path);
        if self.modals.any(offered) {
            return;
        }
        match read_recovery(&found.path) {
            Ok((recovered, _owner)) => {
                let differences =
                    describe_differences(found.workspace_path.is_some(), saved, &recovered);
                self.modals.push(Modal::Recovery(Box::new(RecoveryOffer {
                    file: found.path,
                    workspace_path: found.workspace_path,
                    recovered,
                    differences,
                    written: written_ago(found.written),
                    show_differences: false,
                })));
            }
            Err(e) => {
                let message = format!(
                    "The recovery file {} could not be read, so its work cannot be restored: {e}\nThe file was left where it is (renamed to {} if this workspace is edited, so autosave does not replace it).",
                    found.path.display(),
                    set_aside_path(&found.path).display()
                );
                self.safety.autosaver.protect(found.path);
                self.error("Could not read unsaved work", message);
            }
        }
    }

    /// Whether a recovery offer is on screen (or waiting to be).
    pub fn recovery_offered(&self) -> bool {
        self.modals.any(|m| matches!(m, Modal::Recovery(_)))
    }

    /// Shows a recovery offer; its answer restores or discards the work.
    pub(super) fn draw_recovery_offer(
        &mut self,
        ctx: &egui::Context,
        mut offer: Box<RecoveryOffer>,
    ) -> Shown {
        let what = match &offer.workspace_path {
            Some(path) => format!("unsaved changes to {}", path.display()),
            None => format!("unsaved untitled work (“{}”)", offer.recovered.title),
        };
        let choice = dialogs::recovery_prompt(
            ctx,
            &what,
            &offer.written,
            &offer.differences,
            &mut offer.show_differences,
        );
        match choice {
            None => Shown::Open(Modal::Recovery(offer)),
            Some(choice) => {
                Shown::Closed(Some(super::Intent::Answer(Answer::Recovery(offer, choice))))
            }
        }
    }

    pub(super) fn answer_offer(&mut self, offer: RecoveryOffer, choice: RecoveryChoice) {
        match choice {
            RecoveryChoice::Restore => self.restore(offer),
            RecoveryChoice::Discard => {
                if let Err(e) = discard_recovery(&offer.file) {
                    self.error(
                        "Could not discard the unsaved work",
                        format!("{}: {e}", offer.file.display()),
                    );
                }
            }
        }
    }

    /// Opens the recovered work as a document with unsaved changes,
    /// attached to its workspace file (so saving goes there).
    fn restore(&mut self, offer: RecoveryOffer) {
        if let Err(e) = self.keep_unsaved_work() {
            self.error(
                "Could not restore yet",
                format!("The open workspace has unsaved changes that could not be written aside ({e}). Save or discard them first."),
            );
            self.modals.push(Modal::Recovery(Box::new(offer)));
            return;
        }
        let disk = offer
            .workspace_path
            .as_deref()
            .and_then(|p| DiskState::read(p).ok());
        let doc = Document::recovered(offer.recovered, offer.workspace_path.clone(), disk);
        if offer.workspace_path.is_none() {
            self.safety.untitled_target = Some(offer.file.clone());
        }
        self.replace_document(doc);
        self.safety.autosaver.new_document(Some(offer.file));
    }

    // ----- changes on disk -----

    /// How the open document's file compares with what was loaded or saved.
    fn disk_change(&self) -> Option<DiskChange> {
        let disk = self.doc.disk()?;
        let path = self.doc.path()?;
        disk.compare_with_disk(path).ok()
    }

    /// Saves over the document's own file, first asking when someone else
    /// changed or deleted it; then runs `then`.
    pub(super) fn save_checked(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        then: Option<Pending>,
    ) {
        match self.disk_change() {
            Some(change @ (DiskChange::Modified | DiskChange::Deleted)) => {
                self.modals.ask(Prompt::DiskChanged {
                    path,
                    deleted: change == DiskChange::Deleted,
                    then,
                });
            }
            _ => {
                let expect = self.expect_own_file(&path);
                if self.save_to(&path, expect)
                    && let Some(pending) = then
                {
                    self.proceed(ctx, pending);
                }
            }
        }
    }

    /// The answer to "the file changed on disk".
    pub(super) fn answer_disk_changed(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        then: Option<Pending>,
        choice: DiskChoice,
    ) {
        match choice {
            DiskChoice::Overwrite => {
                if self.save_to(&path, crate::store::Expect::Anything)
                    && let Some(pending) = then
                {
                    self.proceed(ctx, pending);
                }
            }
            DiskChoice::SaveAs => {
                self.files.after_save = then;
                self.request_save_as(ctx);
            }
            DiskChoice::Reload => {
                self.discard_unsaved_work();
                self.open_path(&path);
            }
            DiskChoice::Cancel => {}
        }
    }

    /// When the window regains focus and its file changed while there are
    /// no unsaved changes, offers to reload it.
    pub(super) fn check_disk_on_focus(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.focused);
        let regained = focused && !self.window.was_focused;
        self.window.was_focused = focused;
        let busy = self
            .modals
            .any(|m| matches!(m, Modal::Prompt(_) | Modal::Recovery(_)));
        if !regained || self.doc.is_dirty() || busy {
            return;
        }
        if self.disk_change() != Some(DiskChange::Modified) {
            return;
        }
        let Some(path) = self.doc.path().map(Path::to_owned) else {
            return;
        };
        let declined_this_version = self
            .safety
            .reload_declined
            .as_ref()
            .is_some_and(|d| d.compare_with_disk(&path).ok() == Some(DiskChange::Unchanged));
        if !declined_this_version {
            self.modals.ask(Prompt::ReloadOffer(path));
        }
    }

    /// The answer to "reload the changed file?".
    pub(super) fn answer_reload_offer(&mut self, path: PathBuf, reload: bool) {
        if reload {
            self.open_path(&path);
        } else {
            self.safety.reload_declined = DiskState::read(&path).ok();
        }
    }
}

/// The recovery file of `workspace`, whatever its age.
fn any_recovery(workspace: &Path) -> Option<Recovery> {
    let path = recovery_path(workspace);
    let written = std::fs::metadata(&path).ok()?.modified().ok();
    Some(Recovery {
        path,
        workspace_path: Some(workspace.to_owned()),
        written,
    })
}

/// What the recovered work holds or changes, as one sentence.
fn describe_differences(titled: bool, saved: Option<&Workspace>, recovered: &Workspace) -> String {
    match saved {
        Some(saved) => format!(
            "Compared with the saved file: {}.{}",
            differences(saved, recovered).describe(),
            named_differences(saved, recovered)
        ),
        None => {
            let s = recovered.summary();
            let holds = format!(
                "It holds {} article(s), {} claim(s) ({} rated) and {} source(s).",
                s.articles, s.claims, s.rated, s.sources
            );
            if titled {
                format!(
                    "The saved file could not be read, so there is nothing to compare with. {holds}"
                )
            } else {
                holds
            }
        }
    }
}

/// At most this many changed items are named in the recovery offer.
const NAMED_DIFFERENCES: usize = 12;

/// The items that differ and, for a changed one, its fields, one per line
/// (the first few; File › Compare with lists them all).
fn named_differences(saved: &Workspace, recovered: &Workspace) -> String {
    use crate::merge::Difference;
    let all = crate::merge::diff(saved, recovered);
    let mut out = String::new();
    for difference in all.iter().take(NAMED_DIFFERENCES) {
        out.push_str("\n• ");
        match difference {
            Difference::Added(item) => out.push_str(&format!("added: {item}")),
            Difference::Removed(item) => out.push_str(&format!("deleted: {item}")),
            Difference::Changed { item, lines } => {
                out.push_str(&format!("{item}: {}", lines.join("; ")))
            }
        }
    }
    if all.len() > NAMED_DIFFERENCES {
        out.push_str(&format!("\n… and {} more.", all.len() - NAMED_DIFFERENCES));
    }
    out
}

/// "just now", "5 minutes ago", "3 hours ago", "2 days ago".
fn written_ago(written: Option<SystemTime>) -> String {
    let Some(age) = written.and_then(|w| SystemTime::now().duration_since(w).ok()) else {
        return "recently".to_owned();
    };
    let minutes = age.as_secs() / 60;
    match minutes {
        0 => "just now".to_owned(),
        1..=119 => format!("{minutes} minute(s) ago"),
        120..=2879 => format!("{} hours ago", minutes / 60),
        _ => format!("{} days ago", minutes / 1440),
    }
}
