//! What opens on top of the panels: the questions the app is waiting on
//! ([`Prompt`]), the import and paste dialogs, error messages, and the
//! problems, shortcuts, about, preferences and details windows.

use super::*;

/// Something waiting for an answer to "save changes?".
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Pending {
    New,
    Open,
    OpenPath(PathBuf),
    Quit,
}

impl Pending {
    pub(super) fn doing(&self) -> &'static str {
        match self {
            Pending::New => "starting a new workspace",
            Pending::Open | Pending::OpenPath(_) => "opening another workspace",
            Pending::Quit => "closing",
        }
    }
}

/// A modal question on screen.
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
}

/// What is open on top of the panels.
#[derive(Default)]
pub(super) struct Modals {
    pub(super) prompt: Option<Prompt>,
    /// What to do after a Save As that a prompt asked for.
    pub(super) after_save: Option<Pending>,
    pub(super) errors: VecDeque<(String, String)>,
    pub(super) show_problems: bool,
    pub(super) show_shortcuts: bool,
    pub(super) show_about: bool,
    pub(super) show_article_details: bool,
    pub(super) show_workspace_details: bool,
    pub(super) show_preferences: bool,
    /// Articles being imported: encoding and metadata are checked before they are added.
    pub(super) import_dialog: Option<import_dialog::ImportDialog>,
    /// Text pasted as a new article, before it is added.
    pub(super) paste_dialog: Option<import_dialog::PasteDialog>,
    /// A newer version of an article, shown claim by claim before it is applied.
    pub(super) update_dialog: Option<crate::ui::dialogs::update::UpdateDialog>,
    /// Two versions of an article side by side, sentence by sentence.
    pub(super) compare_dialog: Option<crate::ui::dialogs::compare::CompareDialog>,
    /// Unsaved work found on disk, waiting to be offered.
    pub(super) recovery_offers: VecDeque<RecoveryOffer>,
}

impl FactbenchApp {
    pub(super) fn dialogs(&mut self, ctx: &egui::Context) {
        if let Some(claim) =
            dialogs::problems_window(ctx, &mut self.modals.show_problems, &self.problems.lines)
        {
            self.intents.push(Intent::SelectClaim {
                claim,
                reveal: true,
            });
        }
        self.details_windows(ctx);
        dialogs::shortcuts_window(ctx, &mut self.modals.show_shortcuts);
        dialogs::about_window(ctx, &mut self.modals.show_about);
        if dialogs::preferences_window(
            ctx,
            &mut self.modals.show_preferences,
            &mut self.services.settings.autosave_secs,
            self.services.autosave_override,
        ) {
            self.save_settings();
        }
        if let Some((title, message)) = self.modals.errors.front() {
            if dialogs::error_dialog(ctx, title, message) {
                self.modals.errors.pop_front();
            }
            return;
        }
        if self.recovery_offer_dialog(ctx) {
            return;
        }
        if let Some(dialog) = &mut self.modals.paste_dialog {
            match dialog.show(ctx) {
                None => return,
                Some(article) => {
                    self.modals.paste_dialog = None;
                    if let Some(article) = article {
                        self.run_command(ctx, Command::add_article(article));
                    }
                }
            }
        }
        if let Some(dialog) = &mut self.modals.compare_dialog {
            match self.doc.workspace().article(dialog.article()) {
                Some(article) if !dialog.show(ctx, article) => return,
                _ => self.modals.compare_dialog = None,
            }
        }
        if let Some(dialog) = &mut self.modals.update_dialog {
            match dialog.show(ctx) {
                None => return,
                Some(choice) => {
                    let update = self.modals.update_dialog.take().map(|d| d.into_update());
                    if let (crate::ui::dialogs::update::UpdateChoice::Apply, Some(update)) =
                        (choice, update)
                    {
                        self.run_command(ctx, update.into_command());
                    }
                }
            }
        }
        if let Some(dialog) = &mut self.modals.import_dialog {
            match dialog.show(ctx) {
                None => return,
                Some(import_dialog::ImportOutcome::Cancel) => self.modals.import_dialog = None,
                Some(import_dialog::ImportOutcome::Import(articles)) => {
                    self.modals.import_dialog = None;
                    self.run_command(ctx, Command::AddArticles(articles));
                }
            }
        }
        match self.modals.prompt.take() {
            Some(Prompt::Unsaved(pending)) => {
                let name = self.document_name();
                match dialogs::unsaved_prompt(ctx, &name, pending.doing()) {
                    None => self.modals.prompt = Some(Prompt::Unsaved(pending)),
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
                    self.modals.prompt = Some(Prompt::PathEntry {
                        request,
                        reason,
                        text,
                    })
                }
                Some(Some(path)) => self.on_path(ctx, request.purpose, path),
                Some(None) => self.modals.after_save = None,
            },
            Some(Prompt::DiskChanged {
                path,
                deleted,
                then,
            }) => match dialogs::disk_changed_prompt(ctx, &path.display().to_string(), deleted) {
                None => {
                    self.modals.prompt = Some(Prompt::DiskChanged {
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
                    None => self.modals.prompt = Some(Prompt::ReloadOffer(path)),
                    Some(reload) => self.answer_reload_offer(path, reload),
                }
            }
            None => {}
        }
    }

    pub(super) fn details_windows(&mut self, ctx: &egui::Context) {
        let ws = self.doc.workspace();
        let article = self.view.shown_article.and_then(|id| ws.article(id));
        if let Some(article) = article
            && let Some(command) =
                details::article_window(ctx, &mut self.modals.show_article_details, article)
        {
            self.intents.push(Intent::Command(command));
        }
        if let Some(command) =
            details::workspace_window(ctx, &mut self.modals.show_workspace_details, ws)
        {
            self.intents.push(Intent::Command(command));
        }
    }
}
