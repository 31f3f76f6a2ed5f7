//! The claim library in the window, the app's side: which folders it
//! covers (the preferences', else the open workspace's), handing it each
//! frame what it needs and taking back what it found (`claim_library.rs`
//! holds its behaviour), the Problems window's lines for its verdict
//! conflicts, and the preferences' folder list.

use super::claim_library::{ClaimLibrary, LibraryView};
use super::windows::Window;
use super::*;
use crate::library::VerdictConflict;
use crate::model::Claim;
use crate::ui::panels::claim_inspector::checked_before::{CheckedBefore, CheckedBeforeIntent};
use crate::ui::services::library_worker::{EarlierCheck, EmbeddingStatus};

impl FactbenchApp {
    /// Uses the claim library kept in `index_dir` (the platform cache
    /// folder when the binary runs), with the checker's decisions in
    /// `decisions` (a file; `None` keeps them for this run only).
    pub fn set_claim_library(&mut self, index_dir: PathBuf, decisions: Option<PathBuf>) {
        let (library, error) = ClaimLibrary::new(Some(index_dir), decisions);
        self.library = library;
        if let Some(message) = error {
            self.error("The claim decisions could not be read", message);
        }
    }

    /// What the inspector's *Checked before* shows now.
    pub fn checked_before(&self) -> &CheckedBefore {
        &self.panels.inspector.checked_before
    }

    /// Whether the library's worker still owes an answer to the newest search.
    pub fn library_searching(&self) -> bool {
        self.library.searching()
    }

    /// How many searches the window has sent to the library (typing sends
    /// one per pause, not one per key).
    pub fn library_searches_sent(&self) -> u64 {
        self.library.searches_sent()
    }

    /// The earlier check open in its read-only window.
    pub fn earlier_check_shown(&self) -> Option<&EarlierCheck> {
        self.library.earlier_check()
    }

    /// The verdict conflicts with the library, as the Problems window lists them.
    pub fn library_conflict_lines(&self) -> Vec<ProblemLine> {
        self.library
            .verdict_conflicts()
            .iter()
            .map(|c| conflict_line(self.workspace(), c))
            .collect()
    }

    /// The folders the library covers: those set in the preferences, else
    /// the open workspace's.
    pub(super) fn library_folders(&self) -> Vec<PathBuf> {
        if !self.remembered.settings.library_folders.is_empty() {
            return self.remembered.settings.library_folders.clone();
        }
        self.workspace_folder().into_iter().collect()
    }

    pub(super) fn workspace_folder(&self) -> Option<PathBuf> {
        let parent = self.doc.path()?.parent()?;
        Some(if parent.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            parent.to_owned()
        })
    }

    /// Once a frame: the library's turn (see [`ClaimLibrary::tick`]); its
    /// errors are shown, *Checked before* filled in, and what it asks of
    /// the workspace returned as intents.
    pub(super) fn library_tick(&mut self, ctx: &egui::Context) -> Vec<Intent> {
        let view = LibraryView {
            doc: &self.doc,
            selected: self.view.selected_claim,
            folders: self.library_folders(),
            embedding_model: self.remembered.settings.embedding_model.clone(),
            problems_open: self.windows.is_open(Window::Problems),
        };
        let tick = self.library.tick(ctx, &view);
        for (title, message) in tick.errors {
            self.error(&title, message);
        }
        self.panels.inspector.checked_before = tick.checked_before;
        tick.intents
    }

    /// The workspace was saved: its file (and maybe its folder) is new to the index.
    pub(super) fn library_after_save(&mut self) {
        self.library.after_save();
    }

    pub(super) fn on_checked_before(&mut self, ctx: &egui::Context, intent: CheckedBeforeIntent) {
        match self.library.on_intent(ctx, self.doc.workspace(), intent) {
            Ok(Some(next)) => self.intents.push_back(next),
            Ok(None) => {}
            Err((title, message)) => self.error(&title, message),
        }
    }

    /// The earlier-check window, when one is open.
    pub(super) fn earlier_check_window(&mut self, ctx: &egui::Context) {
        self.library.show_earlier_check(ctx);
    }

    /// Preferences › Embedding model: re-rank with the model in `folder`
    /// (loaded by the library's worker, which says how it went), or none.
    pub(super) fn set_embedding_model(&mut self, folder: Option<PathBuf>) {
        self.remembered.settings.embedding_model = folder;
        self.save_settings();
    }

    /// The embedding model as Preferences shows it.
    pub fn embedding_model_status(&self) -> EmbeddingStatus {
        self.library
            .embedding_status(self.remembered.settings.embedding_model.as_deref())
    }

    /// A folder chosen in the folder dialog (or typed in its stead).
    pub(super) fn add_library_folder(&mut self, folder: PathBuf) {
        let folders = &mut self.remembered.settings.library_folders;
        match crate::ui::dialogs::library_folders::add_folder(folders, &folder) {
            Ok(()) => self.save_settings(),
            Err(e) => self.error("Could not add the library folder", e),
        }
    }
}

/// A conflict as a line of the Problems window.
fn conflict_line(ws: &Workspace, conflict: &VerdictConflict) -> ProblemLine {
    let statement = ws
        .claim(conflict.claim)
        .map_or_else(String::new, |c: &Claim| {
            crate::text::one_line(&c.statement, 60)
        });
    let ours = ws
        .scale
        .get(&conflict.verdict)
        .map_or(conflict.verdict.as_str(), |v| v.label.as_str());
    let other = &conflict.other;
    let file = other.workspace.file_name().map_or_else(
        || other.workspace.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    ProblemLine {
        claim: Some(conflict.claim),
        message: format!(
            "“{statement}” is {ours} here, but the same claim in {file} ({}) is {}",
            other.date, other.verdict_label
        ),
    }
}
