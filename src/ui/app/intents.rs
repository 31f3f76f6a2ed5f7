//! Applying what the panels, menus and shortcuts asked for — the one
//! place where [`Intent`]s become document commands, file actions or
//! changes of what is shown. After each, [`ViewState::reconcile`] keeps the
//! selection pointing at things that exist.

use super::*;

/// Smallest and largest article text sizes.
const TEXT_SIZES: std::ops::RangeInclusive<f32> = 11.0..=32.0;

/// What panels ask for; applied after the frame's panels are drawn.
#[derive(Clone, Debug)]
pub(super) enum Intent {
    Action(Action),
    Command(Command),
    SelectClaim {
        claim: ClaimId,
        reveal: bool,
    },
    ShowArticle(ArticleId),
    ShowSource(SourceId),
    VerdictNumber(usize),
    Copy(String),
    /// The claim library's earlier checks: open, cite, decide.
    CheckedBefore(crate::ui::panels::claim_inspector::checked_before::CheckedBeforeIntent),
}

impl FactbenchApp {
    pub(super) fn apply(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::Action(action) => self.run_action(ctx, action),
            Intent::Command(command) => self.run_command(ctx, command),
            Intent::SelectClaim { claim, reveal } => self.select(ctx, claim, reveal),
            Intent::ShowArticle(id) => {
                self.show_article(id);
                self.panels.reader.clear_selection();
            }
            Intent::ShowSource(id) => {
                self.view.right_tab = RightTab::Sources;
                self.panels.library.reveal(id);
            }
            Intent::VerdictNumber(n) => self.set_nth_verdict(ctx, n),
            Intent::Copy(text) => ctx.copy_text(text),
            Intent::CheckedBefore(intent) => self.on_checked_before(ctx, intent),
        }
        self.reconcile_view();
    }

    pub(super) fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        let now = ctx.input(|i| i.time);
        match self.doc.execute(command, now) {
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
            Ok(Outcome::Source(id)) => self.panels.library.reveal(id),
            Ok(Outcome::TextEdited { caret }) => self.panels.reader.text_edited(caret),
            Ok(Outcome::Done | Outcome::Unchanged) => {}
            Err(e) => self.error("That change could not be made", e.to_string()),
        }
    }

    /// Publishes the selected claim in the name of Preferences › Your name,
    /// which is asked for first when it is not set.
    fn publish_selected(&mut self, ctx: &egui::Context) {
        let Some(claim) = self.view.selected_claim else {
            return;
        };
        let by = self.services.settings.your_name.trim().to_owned();
        if by.is_empty() {
            self.modals.show_preferences = true;
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

    pub(super) fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::New => self.modals.prompt = Some(Prompt::NewWorkspace(0)),
            Action::Open => self.guard_unsaved(ctx, Pending::Open),
            Action::Quit => self.guard_unsaved(ctx, Pending::Quit),
            Action::Save => self.save(ctx),
            Action::SaveAs => self.request_save_as(ctx),
            Action::ImportArticle => {
                let request = PathRequest::import_article(self.dialog_folder());
                self.services.picker.request(request, ctx);
            }
            Action::UpdateArticle => {
                if let Some(article) = self.view.shown_article {
                    let request = PathRequest::update_article(self.dialog_folder(), article);
                    self.services.picker.request(request, ctx);
                }
            }
            Action::ShowOrphans => self.modals.show_orphans = true,
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
                    self.modals.compare_dialog =
                        Some(crate::ui::dialogs::compare::CompareDialog::new(article));
                }
            }
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
            Action::Export(_) if !self.doc.workspace().conflicts.is_empty() => {
                let n = self.doc.workspace().conflicts.len();
                self.error(
                    "Settle the merge conflicts first",
                    format!("The workspace has {n} unsettled merge conflict(s); an export would publish one side's guess. Settle them in Edit › Merge conflicts…, then export."),
                );
            }
            Action::Export(format) => {
                self.modals.export_dialog = Some(crate::ui::dialogs::export::ExportDialog::new(
                    format,
                    self.services.settings.last_export,
                ));
            }
            Action::NewArticleFromClipboard => {
                self.modals.paste_dialog = Some(import_dialog::PasteDialog::new(clipboard_text()));
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
            Action::AdjustSpan(step) => self.adjust_span(ctx, step),
            Action::ReanchorToSelection => self.reanchor_to_selection(ctx),
            Action::PickVerdict => self.open_verdict_picker(),
            Action::EditScale => self.open_scale_editor(),
            Action::Find => self.panels.list.focus_search(),
            Action::FindInArticle => self.find_in_article(),
            Action::FindNext | Action::FindPrevious => self.find_step(action == Action::FindNext),
            Action::NextPane | Action::PreviousPane => {
                self.cycle_pane(ctx, action == Action::NextPane)
            }
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
            Action::ShowProblems => self.modals.show_problems = true,
            Action::ShowConflicts => self.modals.show_conflicts = true,
            Action::CompareWith => {
                let request = PathRequest::compare_with(self.dialog_folder());
                self.services.picker.request(request, ctx);
            }
            Action::ArticleDetails => {
                self.modals.show_article_details = self.view.shown_article.is_some()
            }
            Action::WorkspaceDetails => self.modals.show_workspace_details = true,
            Action::TextLarger => self.set_text_size(self.services.settings.text_size + 1.0),
            Action::TextSmaller => self.set_text_size(self.services.settings.text_size - 1.0),
            Action::TextReset => self.set_text_size(files::DEFAULT_TEXT_SIZE),
            Action::ShowShortcuts => self.modals.show_shortcuts = true,
            Action::About => self.modals.show_about = true,
            Action::OpenRecent(n) => {
                if let Some(path) = self.services.settings.recent.get(n).cloned() {
                    self.request_open_path(path);
                }
            }
            Action::ClearRecent => {
                self.services.settings.recent.clear();
                self.save_settings();
            }
            Action::ToggleOpenReportAfterExport => {
                let settings = &mut self.services.settings;
                settings.open_report_after_export = !settings.open_report_after_export;
                self.save_settings();
            }
            Action::Theme(choice) => {
                self.services.settings.theme = choice;
                self.save_settings();
            }
            Action::ShowTab(tab) => self.view.right_tab = tab,
            Action::Preferences => self.modals.show_preferences = true,
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
        self.services.settings.text_size = size.clamp(*TEXT_SIZES.start(), *TEXT_SIZES.end());
        self.save_settings();
    }

    pub(super) fn mark_claim(&mut self, ctx: &egui::Context) {
        let (Some(article), Some((start, end))) =
            (self.view.shown_article, self.panels.reader.selection())
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
