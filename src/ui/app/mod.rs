//! The window's application object: the open [`Document`] and the state of
//! each panel. Panels only read the workspace and hand back intents; the
//! app applies them after drawing, in one place: document changes become
//! [`Command`]s executed by the document (which records undo and tracks
//! unsaved changes), and everything else (open, save, select…) is handled
//! here. Menus, buttons and shortcuts share one table of [`Action`]s.

mod answers;
mod bars;
mod check_import;
mod claim_library;
mod claim_span;
mod file_actions;
mod intents;
mod keyboard;
mod layout;
mod library;
mod menu_bar;
mod modal;
mod modals;
mod numbers;
mod opening;
mod recovery;
mod snapshots;
mod view;
mod windows;

use crate::edit::{Command, Document, Outcome};
use crate::import::ImportOptions;
use crate::model::{ArticleId, ClaimId, SourceId, Workspace};
use crate::ui::actions::{self, Action};
use crate::ui::dialogs::{self, ProblemLine, UnsavedChoice, details, import as import_dialog};
use crate::ui::fonts;
use crate::ui::panels::claim_inspector::{Inspector, InspectorIntent};
use crate::ui::panels::claim_list::{ClaimList, ListContext, ListIntent};
use crate::ui::panels::reader::{Reader, ReaderContext, ReaderIntent};
use crate::ui::panels::snapshots::SnapshotsContext;
use crate::ui::panels::source_library::{LibraryIntent, SourceLibrary};
use crate::ui::panels::status_bar;
use crate::ui::services::autosave;
use crate::ui::services::files::{self, FilePicker, PathRequest};
use crate::ui::services::settings::{Settings, ThemeChoice};
use intents::Intent;
pub use keyboard::Pane;
use modal::{Modal, ModalStack, Pending, Prompt};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
pub use view::RightTab;
use view::ViewState;

/// The application: the open document and the window's state, by role.
pub struct FactbenchApp {
    doc: Document,
    /// What is shown: the article, the selected claim, the right tab.
    view: ViewState,
    /// The panels' own state (scroll positions, caches, drafts).
    panels: Panels,
    /// The modal dialogs and questions; one is drawn at a time.
    modals: ModalStack,
    /// The windows beside the work (problems, details, preferences…).
    windows: windows::Windows,
    /// Verdict digits right after marking.
    keys: VerdictKeys,
    /// What the window remembers between runs.
    remembered: Remembered,
    /// Autosave, recovery, the lock, the file changed on disk.
    safety: Safety,
    /// File dialogs, Save As, exports, large opens.
    files: FileFlow,
    /// The theme applied and the focus, as the platform last had them.
    window: WindowState,
    /// The claim library: its worker, decisions and answers.
    library: claim_library::ClaimLibrary,
    /// The problems as the window lists them.
    problems: ProblemView,
    /// Snapshots being added or verified on workers.
    evidence: crate::ui::services::evidence_worker::EvidenceWorker,
    /// What this frame's panels, windows and dialogs asked for, applied
    /// after drawing (`intents.rs`).
    intents: VecDeque<Intent>,
    /// Where the panes were drawn, to tell which holds the keyboard.
    panes: keyboard::PaneRects,
    allow_close: bool,
    title: String,
}

/// The state each panel keeps between frames.
#[derive(Default)]
struct Panels {
    reader: Reader,
    list: ClaimList,
    inspector: Inspector,
    sources: SourceLibrary,
    /// The claims' numbers, as in the reports.
    numbers: numbers::ClaimNumbers,
}

/// A claim was just marked: the next key may still be a verdict digit.
#[derive(Default)]
struct VerdictKeys {
    armed: bool,
    /// The text of a digit taken as a verdict, to drop when it arrives
    /// (for a few more frames).
    swallow: Option<(String, u8)>,
}

/// What the window remembers between runs, and the file it is kept in
/// (`None`: kept for this run only, as in tests).
#[derive(Default)]
struct Remembered {
    settings: Settings,
    file: Option<PathBuf>,
}

/// Keeping the work safe: autosave and recovery files, the workspace's
/// lock, and changes made to its file by others.
#[derive(Default)]
struct Safety {
    /// Writes unsaved work to a recovery file in the background.
    autosaver: autosave::Autosaver,
    /// The autosave interval from the environment, overriding the setting.
    autosave_override: Option<f64>,
    /// Where untitled work is autosaved; `None`: nowhere.
    untitled_folder: Option<PathBuf>,
    /// This run's recovery file for untitled work (or the one restored).
    untitled_target: Option<PathBuf>,
    /// The version on disk the user chose not to reload.
    reload_declined: Option<crate::store::DiskState>,
    /// The open workspace's lock file, telling other windows it is open.
    lock: Option<crate::store::WorkspaceLock>,
}

/// Files in and out: the file dialogs, what a Save As is for, the export
/// under way and the last one written, and when a file opens on a worker.
struct FileFlow {
    picker: Box<dyn FilePicker>,
    /// What to do after a Save As that a question asked for.
    after_save: Option<Pending>,
    /// What the export dialog asked for, used when its file is chosen.
    export_options: crate::export::ExportOptions,
    /// The file last exported, which the status bar names.
    last_export: Option<PathBuf>,
    /// Files larger than this open on a worker; `None`: the standard size.
    open_in_background_above: Option<u64>,
    /// The open document is the bundled sample (imports then start a new
    /// investigation instead of adding to it).
    sample_open: bool,
    /// Opens reports and folders in other programs, saying when it could not.
    opener: crate::ui::services::opener::Opener,
}

/// What the window last told or heard from the platform.
struct WindowState {
    applied_theme: Option<ThemeChoice>,
    /// Whether the window had the focus last frame.
    was_focused: bool,
    /// Whether a popup (a combo box's list, a menu) was open at the end of
    /// last frame: Escape then closes it, not the pane.
    popup_was_open: bool,
    /// The last thing announced to screen readers (and shown in the status
    /// bar): "Claim 3: False" after a verdict was given.
    announcement: Option<String>,
}

/// The problems in words, for the generation of the document's problem
/// index they were made from.
#[derive(Default)]
struct ProblemView {
    lines: Vec<ProblemLine>,
    generation: Option<u64>,
    /// The claims not ready to publish, as of a document revision.
    unready: Vec<ProblemLine>,
    unready_revision: Option<u64>,
}

impl FactbenchApp {
    /// The app on a workspace (no file, no settings file): for tests and benchmarks.
    pub fn new(workspace: Workspace, picker: Box<dyn FilePicker>) -> Self {
        let mut app = FactbenchApp {
            doc: Document::new(Workspace::new("Untitled"), None),
            view: ViewState::default(),
            panels: Panels::default(),
            modals: ModalStack::default(),
            windows: windows::Windows::default(),
            keys: VerdictKeys::default(),
            remembered: Remembered::default(),
            safety: Safety::default(),
            files: FileFlow {
                picker,
                after_save: None,
                export_options: crate::export::ExportOptions::public(),
                last_export: None,
                open_in_background_above: None,
                sample_open: false,
                opener: Default::default(),
            },
            window: WindowState {
                applied_theme: None,
                was_focused: true,
                popup_was_open: false,
                announcement: None,
            },
            library: claim_library::ClaimLibrary::default(),
            problems: ProblemView::default(),
            evidence: Default::default(),
            intents: VecDeque::new(),
            panes: keyboard::PaneRects::default(),
            allow_close: false,
            title: String::new(),
        };
        app.replace_document(Document::new(workspace, None));
        app
    }

    /// The app as the binary starts it: `file` when given (a workspace, or
    /// an article to import), else the last workspace, else the sample.
    /// Unsaved work left by a crash is offered back.
    pub fn launch(
        ctx: &egui::Context,
        file: Option<&Path>,
        settings_path: Option<PathBuf>,
        picker: Box<dyn FilePicker>,
    ) -> Self {
        let untitled_folder = crate::store::recovery::untitled_recovery_folder();
        let mut app = Self::launch_in(ctx, file, settings_path, untitled_folder, picker);
        if let Some(index_dir) = crate::library::Library::default_cache_dir() {
            app.set_claim_library(index_dir, crate::library::Decisions::default_path());
        }
        app
    }

    /// Like [`FactbenchApp::launch`], with untitled work autosaved to (and
    /// recovered from) `untitled_folder`.
    pub fn launch_in(
        ctx: &egui::Context,
        file: Option<&Path>,
        settings_path: Option<PathBuf>,
        untitled_folder: Option<PathBuf>,
        picker: Box<dyn FilePicker>,
    ) -> Self {
        fonts::install(ctx);
        let settings = settings_path
            .as_deref()
            .map(Settings::load)
            .unwrap_or_default();
        let mut app = FactbenchApp::new(Workspace::new("Untitled"), picker);
        app.remembered.settings = settings;
        app.remembered.file = settings_path;
        app.safety.autosave_override = autosave::interval_from_environment();
        app.set_untitled_recovery_folder(untitled_folder);
        app.open_at_launch(file);
        app.offer_untitled_recoveries();
        app
    }

    /// Opens `file` (a workspace, or an article to import), else the last
    /// workspace, else the sample.
    fn open_at_launch(&mut self, file: Option<&Path>) {
        match file {
            Some(path) if files::is_article_file(path) => self.start_with_article(path),
            Some(path) => {
                if !self.open_path(path) {
                    self.replace_document(Document::new(Workspace::new("Untitled"), None));
                }
            }
            None => self.start_with_last_or_sample(),
        }
    }

    /// Autosaves untitled work into `folder` (a file named after this run),
    /// or nowhere when `None`.
    pub fn set_untitled_recovery_folder(&mut self, folder: Option<PathBuf>) {
        let session = uuid::Uuid::now_v7().to_string();
        self.safety.untitled_target = folder
            .as_deref()
            .map(|f| crate::store::recovery::untitled_recovery_path(f, &session));
        self.safety.untitled_folder = folder;
    }

    /// Sets the autosave interval in seconds, overriding the setting (as
    /// `FACTBENCH_AUTOSAVE_SECS` does); `None` goes back to the setting.
    pub fn set_autosave_interval(&mut self, secs: Option<f64>) {
        self.safety.autosave_override = secs;
    }

    /// What the panic hook writes: the last autosaved text and its file.
    pub fn panic_slot(&self) -> autosave::PanicSlot {
        self.safety.autosaver.panic_slot()
    }

    /// The recovery file the open document's unsaved work goes to.
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.recovery_target()
    }

    /// A new workspace holding the article at `path`; what looked wrong in
    /// it (a page whose text may not be the article…) is said at once.
    fn start_with_article(&mut self, path: &Path) {
        match crate::import::import_file_detailed(path, &ImportOptions::default()) {
            Ok(imported) => {
                let article = imported.article;
                let mut ws = Workspace::new(article.title.clone());
                ws.articles.push(article);
                self.replace_document(Document::new(ws, None));
                if !imported.warnings.is_empty() {
                    let notes = imported.warnings.join("\n• ");
                    let message = format!("{}:\n• {notes}", path.display());
                    self.error("Imported with warnings", message);
                }
            }
            Err(e) => self.error("Could not import the article", e.to_string()),
        }
    }

    fn start_with_last_or_sample(&mut self) {
        if let Some(last) = self.remembered.settings.recent.first().cloned() {
            if self.open_path(&last) {
                return;
            }
            self.remembered.settings.forget(&last);
            self.save_settings();
        }
        self.replace_document(Document::new(crate::sample::sample_workspace(), None));
        self.files.sample_open = true;
    }

    // ----- read access, for tests and benchmarks -----

    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// What the window remembers between runs (recent files, theme, …).
    pub fn settings_mut(&mut self) -> &mut Settings {
        &mut self.remembered.settings
    }

    pub fn workspace(&self) -> &Workspace {
        self.doc.workspace()
    }

    pub fn selected_claim(&self) -> Option<ClaimId> {
        self.view.selected_claim
    }

    pub fn shown_article(&self) -> Option<ArticleId> {
        self.view.shown_article
    }

    /// Whether the article text has the keyboard.
    pub fn article_has_focus(&self) -> bool {
        self.panels.reader.has_focus()
    }

    /// The reader's text selection (chars of the shown article).
    pub fn text_selection(&self) -> Option<(usize, usize)> {
        self.panels.reader.selection()
    }

    pub fn reader_mut(&mut self) -> &mut Reader {
        &mut self.panels.reader
    }

    pub fn list_mut(&mut self) -> &mut ClaimList {
        &mut self.panels.list
    }

    pub fn picker(&self) -> &dyn FilePicker {
        self.files.picker.as_ref()
    }

    /// Errors waiting to be shown (title, message), oldest first.
    pub fn errors(&self) -> impl Iterator<Item = &(String, String)> {
        self.modals.iter().filter_map(|m| match m {
            Modal::Error(error) => Some(error),
            _ => None,
        })
    }

    /// Whether the window may close now (after Quit or a close with no
    /// unsaved changes, or after Discard).
    pub fn close_allowed(&self) -> bool {
        self.allow_close
    }

    /// Whether the Save / Discard / Cancel prompt is showing.
    pub fn unsaved_prompt_open(&self) -> bool {
        matches!(self.modals.prompt(), Some(Prompt::Unsaved(_)))
    }

    /// Whether "the file changed on disk: overwrite?" is showing.
    pub fn disk_changed_prompt_open(&self) -> bool {
        matches!(self.modals.prompt(), Some(Prompt::DiskChanged { .. }))
    }

    /// Whether "replace the existing file?" is showing (typed paths).
    pub fn overwrite_prompt_open(&self) -> bool {
        matches!(self.modals.prompt(), Some(Prompt::Overwrite { .. }))
    }

    /// Whether File › New is asking for the new workspace's scale.
    pub fn new_workspace_prompt_open(&self) -> bool {
        matches!(self.modals.prompt(), Some(Prompt::NewWorkspace(_)))
    }

    /// Whether the merge conflict list is open.
    pub fn conflicts_open(&self) -> bool {
        self.windows.is_open(windows::Window::Conflicts)
    }

    /// Whether File › Compare with… is showing, and the differences it lists.
    pub fn compared_with(&self) -> Option<&[crate::merge::Difference]> {
        self.windows
            .compare_with
            .as_ref()
            .map(|d| d.differences.as_slice())
    }

    /// Whether the verdict scale editor is open.
    pub fn scale_editor_open(&self) -> bool {
        self.modals.any(|m| matches!(m, Modal::ScaleEditor(_)))
    }

    /// The file last exported, as the status bar shows it.
    pub fn last_export(&self) -> Option<&Path> {
        self.files.last_export.as_deref()
    }

    /// Whether "the file changed on disk: reload?" is showing.
    pub fn reload_offer_open(&self) -> bool {
        matches!(self.modals.prompt(), Some(Prompt::ReloadOffer(_)))
    }

    pub fn problem_lines(&self) -> &[ProblemLine] {
        &self.problems.lines
    }

    pub fn set_right_tab(&mut self, tab: RightTab) {
        self.view.right_tab = tab;
    }

    /// Shows an article and selects nothing in it.
    pub fn show_article(&mut self, id: ArticleId) {
        if self.workspace().article(id).is_some() {
            self.view.shown_article = Some(id);
        }
    }

    /// Shows `workspace` in place of the open one, as File › Open does once
    /// the file is read (no unsaved-changes check).
    pub fn open_workspace(&mut self, workspace: Workspace, path: Option<PathBuf>) {
        self.replace_document(Document::new(workspace, path));
    }

    /// Runs an action as if chosen from the menu.
    pub fn perform(&mut self, ctx: &egui::Context, action: Action) {
        self.apply(ctx, Intent::Action(action));
    }

    /// Runs a command as if a panel had asked for it.
    pub fn execute(&mut self, ctx: &egui::Context, command: Command) {
        self.apply(ctx, Intent::Command(command));
    }

    /// Selects a claim and shows it in the article, as a click in the list does.
    pub fn select_claim(&mut self, ctx: &egui::Context, claim: ClaimId) {
        self.apply(
            ctx,
            Intent::SelectClaim {
                claim,
                reveal: true,
            },
        );
    }

    // ----- the frame -----

    // ----- input -----

    // ----- applying intents -----

    // ----- files -----

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.files.sample_open = false;
        self.library.forget_workspace();
        self.safety.lock = None;
        self.view = ViewState {
            right_tab: self.view.right_tab,
            ..ViewState::default()
        };
        self.panels = Panels::default();
        self.view.reconcile(self.doc.workspace());
        self.problems.generation = None;
        self.problems.unready_revision = None;
        self.refresh_problems();
        self.safety.autosaver.new_document(None);
        self.safety.reload_declined = None;
    }

    fn save_settings(&mut self) {
        if let Some(path) = &self.remembered.file
            && let Err(e) = self.remembered.settings.save(path)
        {
            let message = format!("{}: {e}", path.display());
            self.error("Could not save settings", message);
        }
    }

    fn error(&mut self, title: &str, message: String) {
        self.modals.push(Modal::Error((title.to_owned(), message)));
    }

    /// The window title last set.
    pub fn window_title(&self) -> &str {
        &self.title
    }
}

impl eframe::App for FactbenchApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_settings();
        // The workspace is no longer open here.
        self.safety.lock = None;
    }
}
