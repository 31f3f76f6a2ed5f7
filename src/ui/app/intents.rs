//! Applying what the panels, windows, dialogs, menus and shortcuts asked
//! for — the one place where [`Intent`]s become document commands, file
//! actions or changes of what is shown, after the frame is drawn. After
//! each, [`ViewState::reconcile`] keeps the selection pointing at things
//! that exist. Only this file runs a [`Command`] on the document
//! (`tests/architecture.rs` checks it).

use super::answers::Answer;
use super::modal::{Modal, Pending, Prompt};
use super::windows::Window;
use super::*;
use crate::edit::CommandError;
use crate::ui::actions::Unmet;

/// Smallest and largest article text sizes.
const TEXT_SIZES: std::ops::RangeInclusive<f32> = 11.0..=32.0;

/// What panels, windows, dialogs, menus and shortcuts ask for; queued
/// while the frame is drawn and applied after it, in order.
#[derive(Debug)]
pub(super) enum Intent {
    Action(Action),
    Command(Command),
    SelectClaim {
        claim: ClaimId,
        reveal: bool,
    },
    ShowArticle(ArticleId),
    ShowSource(SourceId),
    /// A passage of the shown article selected, with the claim it is for.
    RevealPassage {
        claim: ClaimId,
        start: usize,
        end: usize,
    },
    VerdictNumber(usize),
    Copy(String),
    /// The claim library's earlier checks: open, cite, decide.
    CheckedBefore(crate::ui::panels::claim_inspector::checked_before::CheckedBeforeIntent),
    /// The conflict banner's or list's buttons.
    Conflict(crate::ui::dialogs::conflicts::ConflictIntent),
    /// The status bar's buttons.
    Status(crate::ui::panels::status_bar::StatusIntent),
    /// A modal dialog's answer.
    Answer(Answer),
    /// A file dialog's answer.
    PathAnswer(files::PathAnswer),
    /// Ask for a path in a file dialog.
    RequestPath(PathRequest),
    /// Files dropped on the window (the article's text, when over it).
    Dropped {
        paths: Vec<PathBuf>,
        on_article: Option<ArticleId>,
    },
    /// Preferences › Your name and autosave.
    SetPreferences {
        your_name: String,
        autosave_secs: u32,
    },
    /// Preferences › Claim library folders.
    SetLibraryFolders(Vec<PathBuf>),
    /// Preferences › Embedding model: a model folder, or none.
    SetEmbeddingModel(Option<PathBuf>),
    /// A source's snapshots: add, verify, open (`snapshots.rs`).
    Snapshot(crate::ui::panels::snapshots::SnapshotIntent),
}

impl FactbenchApp {
    /// Applies `intent` now, and whatever it asks for in turn.
    pub(super) fn apply(&mut self, ctx: &egui::Context, intent: Intent) {
        self.intents.push_back(intent);
        self.apply_queued(ctx);
    }

    /// Applies the queued intents in order, keeping what is shown valid
    /// after each. The one place the window changes the workspace.
    pub(super) fn apply_queued(&mut self, ctx: &egui::Context) {
        while let Some(intent) = self.intents.pop_front() {
            self.apply_one(ctx, intent);
            self.reconcile_view();
        }
    }

    fn apply_one(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::Action(action) => self.run_action_if_possible(ctx, action),
            Intent::Command(command) => self.run_command(ctx, command),
            Intent::SelectClaim { claim, reveal } => self.select(ctx, claim, reveal),
            Intent::ShowArticle(id) => {
                self.show_article(id);
                self.panels.reader.clear_selection();
                // The inspector follows: a claim of another article is no
                // longer the one shown.
                let ws = self.doc.workspace();
                let elsewhere = |c: ClaimId| ws.claim(c).is_some_and(|c| c.article != id);
                if self.view.selected_claim.is_some_and(elsewhere) {
                    self.view.selected_claim = None;
                }
            }
            Intent::ShowSource(id) => {
                self.view.right_tab = RightTab::Sources;
                self.panels.sources.reveal(id);
            }
            Intent::RevealPassage { claim, start, end } => {
                self.view.selected_claim = Some(claim);
                self.view.right_tab = RightTab::Claim;
                self.panels.list.scroll_to_selected();
                self.panels.reader.select_and_reveal(start, end);
            }
            Intent::VerdictNumber(n) => self.set_nth_verdict(ctx, n),
            Intent::Copy(text) => ctx.copy_text(text),
            Intent::CheckedBefore(intent) => self.on_checked_before(ctx, intent),
            Intent::Conflict(intent) => self.on_conflict_intent(intent),
            Intent::Status(intent) => self.on_status_intent(ctx, intent),
            Intent::Answer(answer) => self.on_answer(ctx, answer),
            Intent::PathAnswer(answer) => self.on_path_answer(ctx, answer),
            Intent::RequestPath(request) => self.files.picker.request(request, ctx),
            Intent::Dropped { paths, on_article } => self.open_dropped(paths, on_article),
            Intent::SetPreferences {
                your_name,
                autosave_secs,
            } => {
                self.remembered.settings.your_name = your_name;
                self.remembered.settings.autosave_secs = autosave_secs;
                self.save_settings();
            }
            Intent::SetLibraryFolders(folders) => {
                self.remembered.settings.library_folders = folders;
                self.save_settings();
            }
            Intent::SetEmbeddingModel(folder) => self.set_embedding_model(folder),
            Intent::Snapshot(intent) => self.on_snapshot_intent(ctx, intent),
        }
    }

    /// Runs `action` when it can be done now ([`Action::precondition`],
    /// the one check menus, buttons and shortcuts share); otherwise says
    /// why, when there is something to say.
    fn run_action_if_possible(&mut self, ctx: &egui::Context, action: Action) {
        match action.precondition(&self.action_context()) {
            Ok(()) => self.run_action(ctx, action),
            Err(Unmet::Explained { title, message }) => self.error(title, message.to_owned()),
            Err(Unmet::Quietly) => {}
        }
    }

    pub(super) fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        let now = ctx.input(|i| i.time);
        let verdict_of = verdict_changed(&command);
        let result = self.doc.execute(command, now);
        if result.is_ok()
            && let Some(claim) = verdict_of
        {
            self.announce_verdict(claim);
        }
        match result {
            Ok(Outcome::Claim(id)) => {
                if self.view.selected_claim != Some(id) {
                    self.view.selected_claim = Some(id);
                    self.panels.list.scroll_to_selected();
                }
            }
            Ok(Outcome::Article(id)) => {
                self.view.shown_article = Some(id);
                self.panels.reader.clear_selection();
            }
            Ok(Outcome::Source(id)) => self.panels.sources.reveal(id),
            Ok(Outcome::TextEdited { caret }) => self.panels.reader.text_edited(caret),
            Ok(Outcome::Done | Outcome::Unchanged) => {}
            Err(CommandError::Unsigned) => {
                self.windows.open(Window::Preferences);
                self.error(
                    "Who made this change?",
                    "Publishing, withdrawing, reviewing and correcting are recorded with your name: write it in Preferences (now open), then try again.".to_owned(),
                );
            }
            Err(e) => self.error("That change could not be made", e.to_string()),
        }
    }

    /// Announces a claim's verdict, "Claim 3: False" ("Claim 3: Unrated"),
    /// in the status bar and to screen readers.
    fn announce_verdict(&mut self, claim: ClaimId) {
        let Some(found) = self.doc.workspace().claim(claim) else {
            return;
        };
        let ws = self.doc.workspace();
        let verdict = ws.scale.label_of(found.verdict.as_deref()).to_owned();
        let text = match self.panels.numbers.of(&self.doc, claim) {
            Some(n) => format!("Claim {n}: {verdict}"),
            None => format!("Claim: {verdict}"),
        };
        self.window.announcement = Some(text);
    }

    /// Publishes the selected claim in the name of Preferences › Your name,
    /// which is asked for first when it is not set.
    fn publish_selected(&mut self, ctx: &egui::Context) {
        let Some(claim) = self.view.selected_claim else {
            return;
        };
        let by = self.remembered.settings.your_name.trim().to_owned();
        if by.is_empty() {
            self.windows.open(Window::Preferences);
            self.error(
                "Who approves this?",
                "Publishing records who approved the claim: write your name in Preferences (now open), then publish again.".to_owned(),
            );
            return;
        }
        self.run_command(
            ctx,
            Command::EditClaim {
                claim,
                change: crate::edit::ClaimChange::Publish { by },
            },
        );
    }

    /// Does what `action` stands for, by group (its precondition was
    /// checked by [`FactbenchApp::run_action_if_possible`]).
    pub(super) fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::New
            | Action::Open
            | Action::Quit
            | Action::Save
            | Action::SaveAs
            | Action::ImportArticle
            | Action::Export(_)
            | Action::NewArticleFromClipboard
            | Action::CompareWith
            | Action::ImportCheckExport
            | Action::OpenRecent(_)
            | Action::ClearRecent
            | Action::ToggleOpenReportAfterExport => self.run_file_action(ctx, action),
            Action::UpdateArticle
            | Action::ShowOrphans
            | Action::EditArticleText
            | Action::UpdateArticleFromClipboard
            | Action::CompareVersions
            | Action::FindInArticle
            | Action::FindNext
            | Action::FindPrevious
            | Action::CopySelection
            | Action::GoToTime
            | Action::GoToPage
            | Action::RenameSpeaker
            | Action::ArticleDetails => self.run_article_action(ctx, action),
            Action::ReattachClaim
            | Action::Undo
            | Action::Redo
            | Action::MarkClaim
            | Action::DeleteClaim
            | Action::PublishClaim
            | Action::ClearVerdict
            | Action::AdjustSpan(_)
            | Action::ReanchorToSelection
            | Action::PickVerdict
            | Action::EditScale
            | Action::NextClaim
            | Action::PreviousClaim => self.run_claim_action(ctx, action),
            _ => self.run_view_action(ctx, action),
        }
    }

    /// The File menu: workspaces, articles in, exports, recent files.
    fn run_file_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::New => self.modals.ask(Prompt::NewWorkspace(0)),
            Action::Open => self.guard_unsaved(ctx, Pending::Open),
            Action::Quit => self.guard_unsaved(ctx, Pending::Quit),
            Action::Save => self.save(ctx),
            Action::SaveAs => self.request_save_as(ctx),
            Action::ImportArticle => {
                let request = PathRequest::import_article(self.dialog_folder());
                self.files.picker.request(request, ctx);
            }
            Action::Export(_) if !self.doc.workspace().conflicts.is_empty() => {
                let n = self.doc.workspace().conflicts.len();
                self.error(
                    "Settle the merge conflicts first",
                    format!("The workspace has {n} unsettled merge conflict(s); an export would publish one side's guess. Settle them in Edit › Merge conflicts…, then export."),
                );
            }
            Action::Export(format) => {
                let last = self.remembered.settings.last_export;
                let dialog = crate::ui::dialogs::export::ExportDialog::new(format, last);
                self.modals.push(Modal::Export(dialog));
            }
            Action::NewArticleFromClipboard => {
                let dialog = import_dialog::PasteDialog::new(clipboard_text());
                self.modals.push(Modal::Paste(dialog));
            }
            Action::CompareWith => {
                let request = PathRequest::compare_with(self.dialog_folder());
                self.files.picker.request(request, ctx);
            }
            Action::ImportCheckExport => {
                let request = PathRequest::check_export(self.dialog_folder());
                self.files.picker.request(request, ctx);
            }
            Action::OpenRecent(n) => {
                if let Some(path) = self.remembered.settings.recent.get(n).cloned() {
                    self.request_open_path(path);
                }
            }
            Action::ClearRecent => {
                self.remembered.settings.recent.clear();
                self.save_settings();
            }
            Action::ToggleOpenReportAfterExport => {
                let settings = &mut self.remembered.settings;
                settings.open_report_after_export = !settings.open_report_after_export;
                self.save_settings();
            }
            _ => {} // Another group's: see `run_action`.
        }
    }

    /// The Article menu and the reader: versions, orphans, details, find, copy.
    fn run_article_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::UpdateArticle => {
                if let Some(article) = self.view.shown_article {
                    let request = PathRequest::update_article(self.dialog_folder(), article);
                    self.files.picker.request(request, ctx);
                }
            }
            Action::ShowOrphans => self.windows.open(Window::Orphans),
            Action::EditArticleText => {
                let on = !self.panels.reader.is_editing() && self.view.shown_article.is_some();
                self.panels.reader.set_editing(on);
            }
            Action::UpdateArticleFromClipboard => {
                if let Some(article) = self.view.shown_article {
                    self.prepare_update_from_clipboard(article, clipboard_text());
                }
            }
            Action::CompareVersions => {
                let article = self
                    .view
                    .shown_article
                    .and_then(|id| self.doc.workspace().article(id));
                if let Some(article) = article.filter(|a| !a.versions.is_empty()) {
                    let dialog = crate::ui::dialogs::compare::CompareDialog::new(article);
                    self.modals.push(Modal::Compare(dialog));
                }
            }
            Action::FindInArticle => self.find_in_article(),
            Action::FindNext | Action::FindPrevious => self.find_step(action == Action::FindNext),
            Action::CopySelection => {
                let text = self
                    .view
                    .shown_article
                    .and_then(|id| self.workspace().article(id))
                    .and_then(|a| self.panels.reader.selected_text(a));
                if let Some(text) = text {
                    ctx.copy_text(text);
                }
            }
            Action::ArticleDetails if self.view.shown_article.is_some() => {
                self.windows.open(Window::ArticleDetails)
            }
            Action::GoToTime => self.modals.push(Modal::GoToTime(Default::default())),
            Action::GoToPage => self.modals.push(Modal::GoToPage(Default::default())),
            Action::RenameSpeaker => {
                let ws = self.doc.workspace();
                let shown = self.view.shown_article.and_then(|id| ws.article(id));
                if let Some((id, t)) = shown.and_then(|a| Some((a.id, a.transcript.as_ref()?))) {
                    let dialog =
                        crate::ui::dialogs::rename_speaker::RenameSpeakerDialog::new(id, t);
                    self.modals.push(Modal::RenameSpeaker(dialog));
                }
            }
            _ => {} // Another group's: see `run_action`.
        }
    }

    /// Claims: marking, verdicts, publishing, quotes, undo and redo, moving between claims.
    fn run_claim_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::ReattachClaim => {
                if let (Some(claim), Some((start, end))) =
                    (self.view.selected_claim, self.panels.reader.selection())
                {
                    self.run_command(
                        ctx,
                        Command::EditClaim {
                            claim,
                            change: crate::edit::ClaimChange::SetSpan { start, end },
                        },
                    );
                }
            }
            Action::Undo => {
                if let Some(touched) = self.doc.undo() {
                    self.after_history_step(touched.claims.last().copied());
                }
            }
            Action::Redo => {
                if let Some(touched) = self.doc.redo() {
                    self.after_history_step(touched.claims.last().copied());
                }
            }
            Action::MarkClaim => self.mark_claim(ctx),
            Action::DeleteClaim => {
                if let Some(claim) = self.view.selected_claim {
                    self.run_command(ctx, Command::DeleteClaim(claim));
                }
            }
            Action::PublishClaim => self.publish_selected(ctx),
            Action::ClearVerdict => {
                if let Some(claim) = self.view.selected_claim {
                    self.run_command(ctx, Command::set_verdict(claim, None));
                }
            }
            Action::AdjustSpan(step) => self.adjust_span(step),
            Action::ReanchorToSelection => self.reanchor_to_selection(),
            Action::PickVerdict => self.open_verdict_picker(),
            Action::EditScale => self.open_scale_editor(),
            Action::NextClaim | Action::PreviousClaim => {
                let step = if action == Action::NextClaim { 1 } else { -1 };
                let ws = self.doc.workspace();
                if let Some(next) = self.panels.list.neighbour(
                    ws,
                    self.doc.revision(),
                    self.view.selected_claim,
                    step,
                ) {
                    self.select(ctx, next, true);
                }
            }
            _ => {} // Another group's: see `run_action`.
        }
    }

    /// What is shown: windows, panes, tabs, theme, text size.
    fn run_view_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Find => self.panels.list.focus_search(),
            Action::NextPane | Action::PreviousPane => {
                self.cycle_pane(ctx, action == Action::NextPane)
            }
            Action::ShowProblems => self.windows.open(Window::Problems),
            Action::ShowConflicts => self.windows.open(Window::Conflicts),
            Action::WorkspaceDetails => self.windows.open(Window::WorkspaceDetails),
            Action::TextLarger => self.set_text_size(self.remembered.settings.text_size + 1.0),
            Action::TextSmaller => self.set_text_size(self.remembered.settings.text_size - 1.0),
            Action::TextReset => {
                self.set_text_size(crate::ui::services::settings::DEFAULT_TEXT_SIZE)
            }
            Action::ShowShortcuts => self.windows.open(Window::Shortcuts),
            Action::About => self.windows.open(Window::About),
            Action::Theme(choice) => {
                self.remembered.settings.theme = choice;
                self.save_settings();
            }
            Action::ShowTab(tab) => self.view.right_tab = tab,
            Action::Preferences => self.windows.open(Window::Preferences),
            _ => {} // Another group's: see `run_action`.
        }
    }

    pub(super) fn after_history_step(&mut self, touched: Option<ClaimId>) {
        if let Some(id) = touched
            && self.workspace().claim(id).is_some()
        {
            self.view.selected_claim = Some(id);
            self.panels.list.scroll_to_selected();
        }
    }

    /// Keeps what is shown pointing at what exists; runs after every intent.
    pub(super) fn reconcile_view(&mut self) {
        if self.view.reconcile(self.doc.workspace()) {
            self.panels.reader.clear_selection();
        }
    }

    pub(super) fn set_text_size(&mut self, size: f32) {
        self.remembered.settings.text_size = size.clamp(*TEXT_SIZES.start(), *TEXT_SIZES.end());
        self.save_settings();
    }

    pub(super) fn mark_claim(&mut self, ctx: &egui::Context) {
        let (Some(article), Some((start, end))) =
            (self.view.shown_article, self.panels.reader.selection())
        else {
            return; // Action::precondition said why.
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
                self.view.selected_claim = Some(id);
                self.view.right_tab = RightTab::Claim;
                self.panels.reader.clear_selection();
                self.panels.inspector.focus_statement();
                self.keys.armed = true;
                self.panels.list.scroll_to_selected();
            }
            Ok(_) => {}
            Err(e) => self.error("Could not mark the claim", e.to_string()),
        }
    }

    pub(super) fn set_nth_verdict(&mut self, ctx: &egui::Context, n: usize) {
        let Some(claim) = self.view.selected_claim else {
            return;
        };
        let Some(verdict) = self.workspace().scale.verdicts.get(n) else {
            return;
        };
        let verdict = Some(verdict.key.clone());
        self.run_command(ctx, Command::set_verdict(claim, verdict));
    }

    pub(super) fn select(&mut self, ctx: &egui::Context, claim: ClaimId, reveal: bool) {
        let Some(found) = self.workspace().claim(claim) else {
            return;
        };
        let article = found.article;
        let found = found.clone();
        self.view.selected_claim = Some(claim);
        self.view.right_tab = RightTab::Claim;
        self.panels.list.scroll_to_selected();
        if reveal && self.workspace().article(article).is_some() {
            if self.view.shown_article != Some(article) {
                self.view.shown_article = Some(article);
                self.panels.reader.clear_selection();
            }
            self.panels.reader.reveal(&found, ctx.input(|i| i.time));
        }
    }
}

/// The system clipboard's text, or nothing when there is no clipboard (the
/// paste dialog then waits for Ctrl+V).
fn clipboard_text() -> String {
    arboard::Clipboard::new()
        .and_then(|mut clipboard| clipboard.get_text())
        .unwrap_or_default()
}

/// The claim whose verdict `command` sets, if that is what it does.
fn verdict_changed(command: &Command) -> Option<ClaimId> {
    match command {
        Command::EditClaim {
            claim,
            change: crate::edit::ClaimChange::SetVerdict(_),
        } => Some(*claim),
        _ => None,
    }
}
