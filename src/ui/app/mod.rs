//! The window's application object: the open [`Document`] and the state of
//! each panel. Panels only read the workspace and hand back intents; the
//! app applies them after drawing, in one place: document changes become
//! [`Command`]s executed by the document (which records undo and tracks
//! unsaved changes), and everything else (open, save, select…) is handled
//! here. Menus, buttons and shortcuts share one table of [`Action`]s.

mod file_actions;
mod menu_bar;
mod recovery;

use crate::edit::{Command, Document, Outcome};
use crate::import::{ImportOptions, import_file};
use crate::model::{ArticleId, ClaimId, SourceId, Workspace};
use crate::ui::actions::{self, Action};
use crate::ui::dialogs::{self, ProblemLine, UnsavedChoice, details, import as import_dialog};
use crate::ui::fonts;
use crate::ui::panels::claim_inspector::{Inspector, InspectorIntent};
use crate::ui::panels::claim_list::{ClaimList, ListContext, ListIntent};
use crate::ui::panels::reader::{Reader, ReaderContext, ReaderIntent};
use crate::ui::panels::source_library::{LibraryIntent, SourceLibrary};
use crate::ui::panels::status_bar;
use crate::ui::services::autosave;
use crate::ui::services::files::{self, FilePicker, PathRequest, Settings, ThemeChoice};
use recovery::RecoveryOffer;
use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};

/// Smallest and largest article text sizes.
const TEXT_SIZES: std::ops::RangeInclusive<f32> = 11.0..=32.0;

/// Which tab the right panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RightTab {
    Claim,
    Sources,
}

/// Something waiting for an answer to "save changes?".
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    New,
    Open,
    OpenPath(PathBuf),
    Quit,
}

impl Pending {
    fn doing(&self) -> &'static str {
        match self {
            Pending::New => "starting a new workspace",
            Pending::Open | Pending::OpenPath(_) => "opening another workspace",
            Pending::Quit => "closing",
        }
    }
}

/// A modal question on screen.
#[derive(Clone, Debug)]
enum Prompt {
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
}

/// What panels ask for; applied after the frame's panels are drawn.
#[derive(Clone, Debug)]
enum Intent {
    Action(Action),
    Command(Command),
    SelectClaim { claim: ClaimId, reveal: bool },
    ShowArticle(ArticleId),
    ShowSource(SourceId),
    VerdictNumber(usize),
    Copy(String),
}

/// The application: the open document and the window's state.
pub struct FactbenchApp {
    doc: Document,
    problems: Vec<ProblemLine>,
    problem_claims: HashSet<ClaimId>,
    problems_revision: Option<u64>,
    settings: Settings,
    settings_path: Option<PathBuf>,
    picker: Box<dyn FilePicker>,
    shown_article: Option<ArticleId>,
    selected_claim: Option<ClaimId>,
    right_tab: RightTab,
    reader: Reader,
    list: ClaimList,
    inspector: Inspector,
    library: SourceLibrary,
    prompt: Option<Prompt>,
    /// What to do after a Save As that a prompt asked for.
    after_save: Option<Pending>,
    errors: VecDeque<(String, String)>,
    show_problems: bool,
    show_shortcuts: bool,
    show_about: bool,
    show_article_details: bool,
    show_workspace_details: bool,
    /// Articles being imported: encoding and metadata are checked before they are added.
    import_dialog: Option<import_dialog::ImportDialog>,
    /// Text pasted as a new article, before it is added.
    paste_dialog: Option<import_dialog::PasteDialog>,
    /// A claim was just marked: the next key may still be a verdict digit.
    verdict_key_armed: bool,
    /// The text of a digit taken as a verdict, to drop when it arrives
    /// (for a few more frames).
    swallow: Option<(String, u8)>,
    allow_close: bool,
    title: String,
    intents: Vec<Intent>,
    applied_theme: Option<ThemeChoice>,
    /// Writes unsaved work to a recovery file in the background.
    autosaver: autosave::Autosaver,
    /// The autosave interval from the environment, overriding the setting.
    autosave_override: Option<f64>,
    /// Where untitled work is autosaved; `None`: nowhere.
    untitled_folder: Option<PathBuf>,
    /// This run's recovery file for untitled work (or the one restored).
    untitled_target: Option<PathBuf>,
    /// Unsaved work found on disk, waiting to be offered.
    recovery_offers: VecDeque<RecoveryOffer>,
    /// Whether the window had the focus last frame.
    was_focused: bool,
    /// The version on disk the user chose not to reload.
    reload_declined: Option<crate::store::DiskState>,
    show_preferences: bool,
}

impl FactbenchApp {
    /// The app on a workspace (no file, no settings file): for tests and benchmarks.
    pub fn new(workspace: Workspace, picker: Box<dyn FilePicker>) -> Self {
        let mut app = FactbenchApp {
            doc: Document::new(Workspace::new("Untitled"), None),
            problems: Vec::new(),
            problem_claims: HashSet::new(),
            problems_revision: None,
            settings: Settings::default(),
            settings_path: None,
            picker,
            shown_article: None,
            selected_claim: None,
            right_tab: RightTab::Claim,
            reader: Reader::default(),
            list: ClaimList::default(),
            inspector: Inspector::default(),
            library: SourceLibrary::default(),
            prompt: None,
            after_save: None,
            errors: VecDeque::new(),
            show_problems: false,
            show_shortcuts: false,
            show_about: false,
            show_article_details: false,
            show_workspace_details: false,
            import_dialog: None,
            paste_dialog: None,
            verdict_key_armed: false,
            swallow: None,
            allow_close: false,
            title: String::new(),
            intents: Vec::new(),
            applied_theme: None,
            autosaver: autosave::Autosaver::default(),
            autosave_override: None,
            untitled_folder: None,
            untitled_target: None,
            recovery_offers: VecDeque::new(),
            was_focused: true,
            reload_declined: None,
            show_preferences: false,
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
        Self::launch_in(ctx, file, settings_path, untitled_folder, picker)
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
        app.settings = settings;
        app.settings_path = settings_path;
        app.autosave_override = autosave::interval_from_environment();
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
        self.untitled_target = folder
            .as_deref()
            .map(|f| crate::store::recovery::untitled_recovery_path(f, &session));
        self.untitled_folder = folder;
    }

    /// Sets the autosave interval in seconds, overriding the setting (as
    /// `FACTBENCH_AUTOSAVE_SECS` does); `None` goes back to the setting.
    pub fn set_autosave_interval(&mut self, secs: Option<f64>) {
        self.autosave_override = secs;
    }

    /// What the panic hook writes: the last autosaved text and its file.
    pub fn panic_slot(&self) -> autosave::PanicSlot {
        self.autosaver.panic_slot()
    }

    /// The recovery file the open document's unsaved work goes to.
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.recovery_target()
    }

    fn start_with_article(&mut self, path: &Path) {
        match import_file(path, &ImportOptions::default()) {
            Ok(article) => {
                let mut ws = Workspace::new(article.title.clone());
                ws.articles.push(article);
                self.replace_document(Document::new(ws, None));
            }
            Err(e) => self.error("Could not import the article", e.to_string()),
        }
    }

    fn start_with_last_or_sample(&mut self) {
        if let Some(last) = self.settings.recent.first().cloned() {
            if self.open_path(&last) {
                return;
            }
            self.settings.forget(&last);
            self.save_settings();
        }
        self.replace_document(Document::new(crate::sample::sample_workspace(), None));
    }

    // ----- read access, for tests and benchmarks -----

    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// What the window remembers between runs (recent files, theme, …).
    pub fn settings_mut(&mut self) -> &mut Settings {
        &mut self.settings
    }

    pub fn workspace(&self) -> &Workspace {
        self.doc.workspace()
    }

    pub fn selected_claim(&self) -> Option<ClaimId> {
        self.selected_claim
    }

    pub fn shown_article(&self) -> Option<ArticleId> {
        self.shown_article
    }

    /// The reader's text selection (chars of the shown article).
    pub fn text_selection(&self) -> Option<(usize, usize)> {
        self.reader.selection()
    }

    pub fn reader_mut(&mut self) -> &mut Reader {
        &mut self.reader
    }

    pub fn list_mut(&mut self) -> &mut ClaimList {
        &mut self.list
    }

    pub fn picker(&self) -> &dyn FilePicker {
        self.picker.as_ref()
    }

    /// Errors waiting to be shown (title, message), oldest first.
    pub fn errors(&self) -> impl Iterator<Item = &(String, String)> {
        self.errors.iter()
    }

    /// Whether the window may close now (after Quit or a close with no
    /// unsaved changes, or after Discard).
    pub fn close_allowed(&self) -> bool {
        self.allow_close
    }

    /// Whether the Save / Discard / Cancel prompt is showing.
    pub fn unsaved_prompt_open(&self) -> bool {
        matches!(self.prompt, Some(Prompt::Unsaved(_)))
    }

    /// Whether "the file changed on disk: overwrite?" is showing.
    pub fn disk_changed_prompt_open(&self) -> bool {
        matches!(self.prompt, Some(Prompt::DiskChanged { .. }))
    }

    /// Whether "the file changed on disk: reload?" is showing.
    pub fn reload_offer_open(&self) -> bool {
        matches!(self.prompt, Some(Prompt::ReloadOffer(_)))
    }

    pub fn problem_lines(&self) -> &[ProblemLine] {
        &self.problems
    }

    pub fn set_right_tab(&mut self, tab: RightTab) {
        self.right_tab = tab;
    }

    /// Shows an article and selects nothing in it.
    pub fn show_article(&mut self, id: ArticleId) {
        if self.workspace().article(id).is_some() {
            self.shown_article = Some(id);
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

    /// Draws one frame and handles its input.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_settings(&ctx);
        self.poll_picker(&ctx);
        self.handle_dropped_files(&ctx);
        self.handle_close_request(&ctx);
        if self.prompt.is_none() && self.recovery_offers.is_empty() {
            self.handle_shortcuts(&ctx);
        }
        self.refresh_problems();
        self.panels(ui);
        self.dialogs(&ctx);
        for intent in std::mem::take(&mut self.intents) {
            self.apply(&ctx, intent);
        }
        self.check_disk_on_focus(&ctx);
        self.autosave_tick(&ctx);
        self.update_title(&ctx);
    }

    fn apply_settings(&mut self, ctx: &egui::Context) {
        if self.applied_theme == Some(self.settings.theme) {
            return;
        }
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.set_theme(match self.settings.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
        self.applied_theme = Some(self.settings.theme);
    }

    fn refresh_problems(&mut self) {
        if self.problems_revision == Some(self.doc.revision()) {
            return;
        }
        let problems = self.workspace().problems();
        self.problem_claims = problems.iter().filter_map(|p| p.claim()).collect();
        let ws = self.doc.workspace();
        self.problems = problems
            .iter()
            .map(|p| ProblemLine {
                claim: p.claim(),
                message: problem_message(ws, p),
            })
            .collect();
        self.problems_revision = Some(self.doc.revision());
    }

    fn panels(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("menu-bar").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            let ws = self.doc.workspace();
            if let Some(status_bar::StatusIntent::ShowProblems) = status_bar::show(
                ui,
                ws,
                self.doc.path.as_deref(),
                self.doc.is_dirty(),
                self.problems.len(),
            ) {
                self.show_problems = true;
            }
        });
        egui::Panel::left("claims-panel")
            .default_size(330.0)
            .size_range(220.0..=600.0)
            .show(ui, |ui| self.left_panel(ui));
        egui::Panel::right("inspector-panel")
            .default_size(400.0)
            .size_range(260.0..=720.0)
            .show(ui, |ui| self.right_panel(ui));
        egui::CentralPanel::default().show(ui, |ui| self.central_panel(ui));
    }

    fn left_panel(&mut self, ui: &mut egui::Ui) {
        let cx = ListContext {
            workspace: self.doc.workspace(),
            revision: self.doc.revision(),
            shown_article: self.shown_article,
            selected_claim: self.selected_claim,
            problem_claims: &self.problem_claims,
        };
        for intent in self.list.show(ui, &cx) {
            self.intents.push(match intent {
                ListIntent::ShowArticle(id) => Intent::ShowArticle(id),
                ListIntent::SelectClaim(claim) => Intent::SelectClaim {
                    claim,
                    reveal: true,
                },
                ListIntent::ImportArticle => Intent::Action(Action::ImportArticle),
            });
        }
    }

    fn right_panel(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.right_tab, RightTab::Claim, "Claim");
            ui.selectable_value(&mut self.right_tab, RightTab::Sources, "Source library");
        });
        ui.separator();
        let ws = self.doc.workspace();
        match self.right_tab {
            RightTab::Sources => {
                for intent in self.library.show(ui, ws) {
                    self.intents.push(match intent {
                        LibraryIntent::Command(c) => Intent::Command(c),
                        LibraryIntent::SelectClaim(claim) => Intent::SelectClaim {
                            claim,
                            reveal: true,
                        },
                    });
                }
            }
            RightTab::Claim => match self.selected_claim.and_then(|id| ws.claim(id)) {
                Some(claim) => {
                    let problems: Vec<String> = self
                        .problems
                        .iter()
                        .filter(|p| p.claim == Some(claim.id))
                        .map(|p| p.message.clone())
                        .collect();
                    for intent in self.inspector.show(ui, ws, claim, &problems) {
                        self.intents.push(match intent {
                            InspectorIntent::Command(c) => Intent::Command(c),
                            InspectorIntent::ShowSource(id) => Intent::ShowSource(id),
                            InspectorIntent::Reveal(claim) => Intent::SelectClaim {
                                claim,
                                reveal: true,
                            },
                        });
                    }
                }
                None => no_claim_selected(ui, ws),
            },
        }
    }

    fn central_panel(&mut self, ui: &mut egui::Ui) {
        let ws = self.doc.workspace();
        let shown = self
            .shown_article
            .and_then(|id| ws.article(id))
            .or_else(|| ws.articles.first());
        let Some(article) = shown else {
            ui.centered_and_justified(|ui| {
                ui.label("No article yet. Use File › Import article… (Ctrl+I) or drop a .txt, .md or .html file on the window.");
            });
            return;
        };
        self.shown_article = Some(article.id);
        let mark_label = format!(
            "{} ({})",
            Action::MarkClaim.label(),
            Action::MarkClaim.shortcut_text(ui.ctx())
        );
        let cx = ReaderContext {
            workspace: ws,
            revision: self.doc.revision(),
            selected_claim: self.selected_claim,
            problem_claims: &self.problem_claims,
            text_size: self.settings.text_size,
            mark_label: &mark_label,
        };
        for intent in self.reader.show(ui, article, &cx) {
            self.intents.push(match intent {
                ReaderIntent::SelectClaim(claim) => Intent::SelectClaim {
                    claim,
                    reveal: false,
                },
                ReaderIntent::MarkClaim => Intent::Action(Action::MarkClaim),
                ReaderIntent::Copy(text) => Intent::Copy(text),
                ReaderIntent::EditDetails => Intent::Action(Action::ArticleDetails),
            });
        }
    }

    fn dialogs(&mut self, ctx: &egui::Context) {
        if let Some(claim) = dialogs::problems_window(ctx, &mut self.show_problems, &self.problems)
        {
            self.intents.push(Intent::SelectClaim {
                claim,
                reveal: true,
            });
        }
        self.details_windows(ctx);
        dialogs::shortcuts_window(ctx, &mut self.show_shortcuts);
        dialogs::about_window(ctx, &mut self.show_about);
        if dialogs::preferences_window(
            ctx,
            &mut self.show_preferences,
            &mut self.settings.autosave_secs,
            self.autosave_override,
        ) {
            self.save_settings();
        }
        if let Some((title, message)) = self.errors.front() {
            if dialogs::error_dialog(ctx, title, message) {
                self.errors.pop_front();
            }
            return;
        }
        if self.recovery_offer_dialog(ctx) {
            return;
        }
        if let Some(dialog) = &mut self.paste_dialog {
            match dialog.show(ctx) {
                None => return,
                Some(article) => {
                    self.paste_dialog = None;
                    if let Some(article) = article {
                        self.run_command(ctx, Command::AddArticle(Box::new(article)));
                    }
                }
            }
        }
        if let Some(dialog) = &mut self.import_dialog {
            match dialog.show(ctx) {
                None => return,
                Some(import_dialog::ImportOutcome::Cancel) => self.import_dialog = None,
                Some(import_dialog::ImportOutcome::Import(articles)) => {
                    self.import_dialog = None;
                    for article in articles {
                        self.run_command(ctx, Command::AddArticle(Box::new(article)));
                    }
                }
            }
        }
        match self.prompt.take() {
            Some(Prompt::Unsaved(pending)) => {
                let name = self.document_name();
                match dialogs::unsaved_prompt(ctx, &name, pending.doing()) {
                    None => self.prompt = Some(Prompt::Unsaved(pending)),
                    Some(UnsavedChoice::Cancel) => {}
                    Some(UnsavedChoice::Discard) => {
                        self.discard_unsaved_work();
                        self.proceed(ctx, pending);
                    }
                    Some(UnsavedChoice::Save) => self.save_then(ctx, pending),
                }
            }
            Some(Prompt::PathEntry {
                request,
                reason,
                mut text,
            }) => match dialogs::path_entry(ctx, &request, &reason, &mut text) {
                None => {
                    self.prompt = Some(Prompt::PathEntry {
                        request,
                        reason,
                        text,
                    })
                }
                Some(Some(path)) => self.on_path(ctx, request.purpose, path),
                Some(None) => self.after_save = None,
            },
            Some(Prompt::DiskChanged {
                path,
                deleted,
                then,
            }) => match dialogs::disk_changed_prompt(ctx, &path.display().to_string(), deleted) {
                None => {
                    self.prompt = Some(Prompt::DiskChanged {
                        path,
                        deleted,
                        then,
                    })
                }
                Some(choice) => self.answer_disk_changed(ctx, path, then, choice),
            },
            // Changes made since it was asked: the offer no longer applies.
            Some(Prompt::ReloadOffer(_)) if self.doc.is_dirty() => {}
            Some(Prompt::ReloadOffer(path)) => {
                match dialogs::reload_offer(ctx, &path.display().to_string()) {
                    None => self.prompt = Some(Prompt::ReloadOffer(path)),
                    Some(reload) => self.answer_reload_offer(path, reload),
                }
            }
            None => {}
        }
    }

    fn details_windows(&mut self, ctx: &egui::Context) {
        let ws = self.doc.workspace();
        let article = self.shown_article.and_then(|id| ws.article(id));
        if let Some(article) = article
            && let Some(command) =
                details::article_window(ctx, &mut self.show_article_details, article)
        {
            self.intents.push(Intent::Command(command));
        }
        if let Some(command) = details::workspace_window(ctx, &mut self.show_workspace_details, ws)
        {
            self.intents.push(Intent::Command(command));
        }
    }

    // ----- input -----

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        self.verdict_key_after_marking(ctx);
        let typing = ctx.text_edit_focused();
        let pressed = ctx.input_mut(|i| actions::pressed(i, typing));
        self.intents.extend(pressed.into_iter().map(Intent::Action));
        let verdict = ctx.input_mut(|i| {
            actions::verdict_key_pressed(i, egui::Modifiers::ALT).or_else(|| {
                (!typing)
                    .then(|| actions::verdict_key_pressed(i, egui::Modifiers::NONE))
                    .flatten()
            })
        });
        if let Some(n) = verdict {
            self.intents.push(Intent::VerdictNumber(n));
        }
    }

    /// Right after marking, the statement has the keyboard, yet the very
    /// next key may be a verdict digit (select, Ctrl+M, 4). Such a digit
    /// gives the verdict instead of typing; any other input ends this.
    fn verdict_key_after_marking(&mut self, ctx: &egui::Context) {
        self.swallow_digit_text(ctx);
        if !self.verdict_key_armed {
            return;
        }
        let digit = ctx.input_mut(|i| {
            let n = first_input(&i.events)?.ok()?;
            let key = actions::VERDICT_KEYS[n];
            let text = (n + 1).to_string();
            i.events.retain(|e| match e {
                egui::Event::Key { key: k, .. } => *k != key,
                egui::Event::Text(t) => *t != text,
                _ => true,
            });
            Some(n)
        });
        if let Some(n) = digit {
            self.intents.push(Intent::VerdictNumber(n));
            // The digit's text may arrive a frame after its key.
            self.swallow = Some(((n + 1).to_string(), 3));
        }
        if digit.is_some() || ctx.input(|i| first_input(&i.events).is_some()) {
            self.verdict_key_armed = false;
        }
    }

    /// Drops the text of a digit taken as a verdict, if it comes late.
    fn swallow_digit_text(&mut self, ctx: &egui::Context) {
        let Some((text, frames)) = self.swallow.take() else {
            return;
        };
        let found = ctx.input_mut(|i| {
            let at = i
                .events
                .iter()
                .position(|e| matches!(e, egui::Event::Text(t) if *t == text));
            at.map(|at| i.events.remove(at)).is_some()
        });
        if !found && frames > 1 {
            self.swallow = Some((text, frames - 1));
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        let (articles, others): (Vec<PathBuf>, Vec<PathBuf>) =
            dropped.into_iter().partition(|p| files::is_article_file(p));
        if !articles.is_empty() {
            self.import_dialog = Some(import_dialog::ImportDialog::new(articles));
        }
        for path in others {
            self.request_open_path(path);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        if self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.prompt = Some(Prompt::Unsaved(Pending::Quit));
        } else {
            self.allow_close = true;
        }
    }

    // ----- applying intents -----

    fn apply(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::Action(action) => self.run_action(ctx, action),
            Intent::Command(command) => self.run_command(ctx, command),
            Intent::SelectClaim { claim, reveal } => self.select(ctx, claim, reveal),
            Intent::ShowArticle(id) => {
                self.show_article(id);
                self.reader.clear_selection();
            }
            Intent::ShowSource(id) => {
                self.right_tab = RightTab::Sources;
                self.library.reveal(id);
            }
            Intent::VerdictNumber(n) => self.set_nth_verdict(ctx, n),
            Intent::Copy(text) => ctx.copy_text(text),
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        let now = ctx.input(|i| i.time);
        match self.doc.execute(command, now) {
            Ok(Outcome::Claim(id)) => {
                if self.selected_claim != Some(id) {
                    self.selected_claim = Some(id);
                    self.list.scroll_to_selected();
                }
            }
            Ok(Outcome::Article(id)) => {
                self.shown_article = Some(id);
                self.reader.clear_selection();
            }
            Ok(Outcome::Source(id)) => self.library.reveal(id),
            Ok(Outcome::Nothing) => {
                if self
                    .selected_claim
                    .is_some_and(|id| self.workspace().claim(id).is_none())
                {
                    self.selected_claim = None;
                }
            }
            Err(e) => self.error("That change could not be made", e.to_string()),
        }
    }

    fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::New => self.guard_unsaved(ctx, Pending::New),
            Action::Open => self.guard_unsaved(ctx, Pending::Open),
            Action::Quit => self.guard_unsaved(ctx, Pending::Quit),
            Action::Save => self.save(ctx),
            Action::SaveAs => self.request_save_as(ctx),
            Action::ImportArticle => {
                let request = PathRequest::import_article(self.dialog_folder());
                self.picker.request(request, ctx);
            }
            Action::Export(format) => {
                let name = format.suggested_file_name(self.doc.workspace());
                let request = PathRequest::export(self.dialog_folder(), format, name);
                self.picker.request(request, ctx);
            }
            Action::NewArticleFromClipboard => {
                self.paste_dialog = Some(import_dialog::PasteDialog::new(clipboard_text()));
            }
            Action::Undo => {
                if let Some(touched) = self.doc.undo() {
                    self.after_history_step(touched);
                }
            }
            Action::Redo => {
                if let Some(touched) = self.doc.redo() {
                    self.after_history_step(touched);
                }
            }
            Action::MarkClaim => self.mark_claim(ctx),
            Action::DeleteClaim => {
                if let Some(claim) = self.selected_claim {
                    self.run_command(ctx, Command::DeleteClaim(claim));
                }
            }
            Action::ClearVerdict => {
                if let Some(claim) = self.selected_claim {
                    self.run_command(
                        ctx,
                        Command::SetVerdict {
                            claim,
                            verdict: None,
                        },
                    );
                }
            }
            Action::Find => self.list.focus_search(),
            Action::CopySelection => {
                let text = self
                    .shown_article
                    .and_then(|id| self.workspace().article(id))
                    .and_then(|a| self.reader.selected_text(a));
                if let Some(text) = text {
                    ctx.copy_text(text);
                }
            }
            Action::NextClaim | Action::PreviousClaim => {
                let step = if action == Action::NextClaim { 1 } else { -1 };
                let ws = self.doc.workspace();
                if let Some(next) =
                    self.list
                        .neighbour(ws, self.doc.revision(), self.selected_claim, step)
                {
                    self.select(ctx, next, true);
                }
            }
            Action::ShowProblems => self.show_problems = true,
            Action::ArticleDetails => self.show_article_details = self.shown_article.is_some(),
            Action::WorkspaceDetails => self.show_workspace_details = true,
            Action::TextLarger => self.set_text_size(self.settings.text_size + 1.0),
            Action::TextSmaller => self.set_text_size(self.settings.text_size - 1.0),
            Action::TextReset => self.set_text_size(files::DEFAULT_TEXT_SIZE),
            Action::ShowShortcuts => self.show_shortcuts = true,
            Action::About => self.show_about = true,
            Action::OpenRecent(n) => {
                if let Some(path) = self.settings.recent.get(n).cloned() {
                    self.request_open_path(path);
                }
            }
            Action::ClearRecent => {
                self.settings.recent.clear();
                self.save_settings();
            }
            Action::ToggleOpenReportAfterExport => {
                self.settings.open_report_after_export = !self.settings.open_report_after_export;
                self.save_settings();
            }
            Action::Theme(choice) => {
                self.settings.theme = choice;
                self.save_settings();
            }
            Action::ShowTab(tab) => self.right_tab = tab,
            Action::Preferences => self.show_preferences = true,
        }
    }

    fn after_history_step(&mut self, touched: Option<ClaimId>) {
        if let Some(id) = touched
            && self.workspace().claim(id).is_some()
        {
            self.selected_claim = Some(id);
            self.list.scroll_to_selected();
        }
        if self
            .selected_claim
            .is_some_and(|id| self.workspace().claim(id).is_none())
        {
            self.selected_claim = None;
        }
        if self
            .shown_article
            .is_some_and(|id| self.workspace().article(id).is_none())
        {
            self.shown_article = None;
        }
    }

    fn set_text_size(&mut self, size: f32) {
        self.settings.text_size = size.clamp(*TEXT_SIZES.start(), *TEXT_SIZES.end());
        self.save_settings();
    }

    fn mark_claim(&mut self, ctx: &egui::Context) {
        let (Some(article), Some((start, end))) = (self.shown_article, self.reader.selection())
        else {
            self.error(
                "Nothing to mark",
                "Select a passage of the article first (drag over it, double-click a word, or Shift+arrow keys), then press Ctrl+M.".into(),
            );
            return;
        };
        let now = ctx.input(|i| i.time);
        match self.doc.execute(
            Command::MarkClaim {
                article,
                start,
                end,
            },
            now,
        ) {
            Ok(Outcome::Claim(id)) => {
                self.selected_claim = Some(id);
                self.right_tab = RightTab::Claim;
                self.reader.clear_selection();
                self.inspector.focus_statement();
                self.verdict_key_armed = true;
                self.list.scroll_to_selected();
            }
            Ok(_) => {}
            Err(e) => self.error("Could not mark the claim", e.to_string()),
        }
    }

    fn set_nth_verdict(&mut self, ctx: &egui::Context, n: usize) {
        let Some(claim) = self.selected_claim else {
            return;
        };
        let Some(verdict) = self.workspace().scale.verdicts.get(n) else {
            return;
        };
        let verdict = Some(verdict.key.clone());
        if self
            .workspace()
            .claim(claim)
            .is_some_and(|c| c.verdict == verdict)
        {
            return;
        }
        self.run_command(ctx, Command::SetVerdict { claim, verdict });
    }

    fn select(&mut self, ctx: &egui::Context, claim: ClaimId, reveal: bool) {
        let Some(found) = self.workspace().claim(claim) else {
            return;
        };
        let article = found.article;
        let found = found.clone();
        self.selected_claim = Some(claim);
        self.right_tab = RightTab::Claim;
        self.list.scroll_to_selected();
        if reveal && self.workspace().article(article).is_some() {
            if self.shown_article != Some(article) {
                self.shown_article = Some(article);
                self.reader.clear_selection();
            }
            self.reader.reveal(&found, ctx.input(|i| i.time));
        }
    }

    // ----- files -----

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.shown_article = self.doc.workspace().articles.first().map(|a| a.id);
        self.selected_claim = None;
        self.reader = Reader::default();
        self.list = ClaimList::default();
        self.inspector = Inspector::default();
        self.problems_revision = None;
        self.refresh_problems();
        self.autosaver.new_document(None);
        self.reload_declined = None;
    }

    fn save_settings(&mut self) {
        if let Some(path) = &self.settings_path
            && let Err(e) = self.settings.save(path)
        {
            self.errors.push_back((
                "Could not save settings".into(),
                format!("{}: {e}", path.display()),
            ));
        }
    }

    fn error(&mut self, title: &str, message: String) {
        self.errors.push_back((title.to_owned(), message));
    }

    fn document_name(&self) -> String {
        let title = self.workspace().title.trim();
        if !title.is_empty() {
            return title.to_owned();
        }
        self.doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || "Untitled".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            )
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let marker = if self.doc.is_dirty() { "• " } else { "" };
        let title = format!("{marker}{} — Factbench", self.document_name());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
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
    }
}

fn no_claim_selected(ui: &mut egui::Ui, ws: &Workspace) {
    ui.heading(&ws.title);
    if !ws.description.is_empty() {
        ui.label(&ws.description);
    }
    let summary = ws.summary();
    ui.label(format!(
        "{} article(s), {} claim(s), {} rated, {} source(s).",
        summary.articles, summary.claims, summary.rated, summary.sources
    ));
    ui.add_space(8.0);
    ui.label("No claim selected. Click a highlight in the article or a row of the claims list; or select text and press Ctrl+M to mark a new claim.");
}

/// A problem in words, naming its claim by statement rather than by id.
fn problem_message(ws: &Workspace, problem: &crate::model::Problem) -> String {
    let message = problem.to_string();
    let Some(claim) = problem.claim().and_then(|id| ws.claim(id)) else {
        return message;
    };
    let mut statement: String = claim.statement.chars().take(60).collect();
    if claim.statement.chars().count() > 60 {
        statement.push('…');
    }
    message.replacen(
        &format!("claim {}", claim.id),
        &format!("the claim “{statement}”"),
        1,
    )
}

/// The first input that ends "just marked": `Ok(n)` for the n-th verdict
/// digit pressed alone, `Err(())` for any other key, text or click.
fn first_input(events: &[egui::Event]) -> Option<Result<usize, ()>> {
    events.iter().find_map(|event| match event {
        egui::Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => Some(
            actions::VERDICT_KEYS
                .iter()
                .position(|k| k == key)
                .filter(|_| modifiers.is_none())
                .ok_or(()),
        ),
        egui::Event::Text(text) => Some(verdict_digit(text).ok_or(())),
        egui::Event::Paste(_) | egui::Event::PointerButton { pressed: true, .. } => Some(Err(())),
        _ => None,
    })
}

/// `Some(n)` when `text` is the single digit of the n-th verdict key (1–9).
fn verdict_digit(text: &str) -> Option<usize> {
    let mut chars = text.chars();
    let digit = chars.next()?.to_digit(10)?;
    (chars.next().is_none() && (1..=9).contains(&digit)).then(|| digit as usize - 1)
}

/// The system clipboard's text, or nothing when there is no clipboard (the
/// paste dialog then waits for Ctrl+V).
fn clipboard_text() -> String {
    arboard::Clipboard::new()
        .and_then(|mut clipboard| clipboard.get_text())
        .unwrap_or_default()
}
