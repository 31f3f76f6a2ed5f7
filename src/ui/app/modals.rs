//! What opens on top of the panels: the questions the app is waiting on
//! ([`Prompt`]), the import and paste dialogs, error messages, the verdict
//! scale editor, the verdict picker, the scale of a new workspace, and the
//! problems, shortcuts, about, preferences and details windows.

use super::*;
use crate::ui::dialogs::scale::{self as scale_dialog, ScaleAnswer, ScaleEditor, ScaleSource};
use crate::ui::dialogs::verdict_picker::{PickerAnswer, VerdictPicker};

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
    /// A typed path names a file that exists: replace it?
    Overwrite {
        request: PathRequest,
        path: PathBuf,
    },
    /// File › New: which verdict scale (the preset chosen so far)?
    NewWorkspace(usize),
}

/// What is open on top of the panels.
#[derive(Default)]
pub(super) struct Modals {
    pub(super) prompt: Option<Prompt>,
    /// What to do after a Save As that a prompt asked for.
    pub(super) after_save: Option<Pending>,
    pub(super) errors: VecDeque<(String, String)>,
    pub(super) show_problems: bool,
    pub(super) show_conflicts: bool,
    /// File › Compare with…: the differences from a file to the workspace.
    pub(super) compare_with: Option<crate::ui::dialogs::compare_with::CompareWithDialog>,
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
    /// Article › Orphans…: the orphans of the shown article and the
    /// passages nearest to their old quotes.
    pub(super) show_orphans: bool,
    pub(super) orphans_view: crate::ui::dialogs::orphans::OrphansView,
    /// Two versions of an article side by side, sentence by sentence.
    pub(super) compare_dialog: Option<crate::ui::dialogs::compare::CompareDialog>,
    /// Unsaved work found on disk, waiting to be offered.
    pub(super) recovery_offers: VecDeque<RecoveryOffer>,
    /// Edit › Verdict scale…, with its draft.
    pub(super) scale_editor: Option<ScaleEditor>,
    /// The verdict picker (Ctrl+R) for the selected claim.
    pub(super) verdict_picker: Option<VerdictPicker>,
    /// A large workspace file being opened on a worker.
    pub(super) opening: Option<super::opening::Opening>,
    /// File › Export › …: audience, articles and text, before the file.
    pub(super) export_dialog: Option<crate::ui::dialogs::export::ExportDialog>,
}

impl Modals {
    /// Whether a modal question or dialog is open, so that the window's
    /// shortcuts (J, K, digits, Ctrl+Z…) wait until it is answered.
    pub(super) fn takes_keyboard(&self) -> bool {
        self.prompt.is_some()
            || !self.recovery_offers.is_empty()
            || self.scale_editor.is_some()
            || self.verdict_picker.is_some()
            || self.opening.is_some()
            || self.export_dialog.is_some()
    }
}

impl FactbenchApp {
    /// The orphans window, while it is open; a passage clicked there is
    /// selected in the reader with its claim.
    fn orphans_window(&mut self, ctx: &egui::Context) {
        let Some(article) = self.view.shown_article else {
            return;
        };
        let picked = self.modals.orphans_view.show(
            ctx,
            &mut self.modals.show_orphans,
            self.doc.workspace(),
            article,
            self.doc.text_revision(),
        );
        if let Some(picked) = picked {
            self.view.selected_claim = Some(picked.claim);
            self.view.right_tab = RightTab::Claim;
            self.panels.list.scroll_to_selected();
            self.panels
                .reader
                .select_and_reveal(picked.start, picked.end);
        }
    }

    pub(super) fn dialogs(&mut self, ctx: &egui::Context) {
        let library_lines = if self.modals.show_problems {
            self.library_conflict_lines()
        } else {
            Vec::new()
        };
        if self.modals.show_problems && self.problems.unready_revision != Some(self.doc.revision())
        {
            let numbers = self.panels.numbers.all(&self.doc);
            self.problems.unready = dialogs::unready_lines(self.doc.workspace(), numbers);
            self.problems.unready_revision = Some(self.doc.revision());
        }
        if let Some(claim) = dialogs::problems_window(
            ctx,
            &mut self.modals.show_problems,
            &self.problems.lines,
            &library_lines,
            &self.problems.unready,
        ) {
            self.intents.push(Intent::SelectClaim {
                claim,
                reveal: true,
            });
        }
        if let Some(intent) = crate::ui::dialogs::conflicts::conflicts_window(
            ctx,
            &mut self.modals.show_conflicts,
            self.doc.workspace(),
        ) {
            self.on_conflict_intent(intent);
        }
        if let Some(dialog) = &self.modals.compare_with
            && !dialog.show(ctx)
        {
            self.modals.compare_with = None;
        }
        self.details_windows(ctx);
        self.orphans_window(ctx);
        dialogs::shortcuts_window(ctx, &mut self.modals.show_shortcuts);
        dialogs::about_window(ctx, &mut self.modals.show_about);
        let mut autosave_secs = self.services.settings.autosave_secs;
        let mut your_name = self.services.settings.your_name.clone();
        let mut preferences_open = self.modals.show_preferences;
        if dialogs::preferences_window(
            ctx,
            &mut preferences_open,
            &mut your_name,
            &mut autosave_secs,
            self.services.autosave_override,
            |ui| self.library_preferences(ui),
        ) {
            self.services.settings.autosave_secs = autosave_secs;
            self.services.settings.your_name = your_name;
            self.save_settings();
        }
        self.opening_dialog(ctx);
        self.modals.show_preferences = preferences_open;
        self.library_windows(ctx);
        if let Some((title, message)) = self.modals.errors.front() {
            if dialogs::error_dialog(ctx, title, message) {
                self.modals.errors.pop_front();
            }
            return;
        }
        if self.recovery_offer_dialog(ctx) {
            return;
        }
        if self.scale_dialogs(ctx) || self.export_dialog(ctx) {
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
                Some(Some(path)) => self.on_typed_path(ctx, request, path),
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
            Some(Prompt::Overwrite { request, path }) => {
                match dialogs::overwrite_prompt(ctx, &path.display().to_string()) {
                    None => self.modals.prompt = Some(Prompt::Overwrite { request, path }),
                    Some(true) => self.on_path(ctx, request.purpose, path),
                    Some(false) => self.reopen_path_entry(request, path),
                }
            }
            Some(Prompt::NewWorkspace(mut chosen)) => {
                match scale_dialog::new_workspace_prompt(ctx, &mut chosen) {
                    None => self.modals.prompt = Some(Prompt::NewWorkspace(chosen)),
                    Some(None) => {}
                    Some(Some(ScaleSource::Preset(scale))) => {
                        self.guard_unsaved(ctx, Pending::New(Box::new(scale)))
                    }
                    Some(Some(ScaleSource::CopyFromFile)) => {
                        let request = PathRequest::scale_from_workspace(self.dialog_folder());
                        self.services.picker.request(request, ctx);
                    }
                }
            }
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

impl FactbenchApp {
    pub(super) fn open_scale_editor(&mut self) {
        self.modals.scale_editor = Some(ScaleEditor::new(self.doc.workspace()));
    }

    pub(super) fn open_verdict_picker(&mut self) {
        if self.view.selected_claim.is_some() {
            self.modals.verdict_picker = Some(VerdictPicker::default());
        }
    }

    /// A new, empty workspace with `scale`.
    pub(super) fn start_new_workspace(&mut self, scale: crate::model::VerdictScale) {
        let mut ws = Workspace::new("Untitled investigation");
        ws.scale = scale;
        self.replace_document(Document::new(ws, None));
    }

    /// The export dialog; true while it is open. Its answer asks for the
    /// file, then [`FactbenchApp::export_to`] writes with those options.
    fn export_dialog(&mut self, ctx: &egui::Context) -> bool {
        use crate::ui::dialogs::export::ExportAnswer;
        let Some(dialog) = &mut self.modals.export_dialog else {
            return false;
        };
        let shown = self.view.shown_article;
        match dialog.show(ctx, self.doc.workspace(), shown) {
            None => true,
            Some(ExportAnswer::Cancel) => {
                self.modals.export_dialog = None;
                false
            }
            Some(ExportAnswer::Export(options, choice)) => {
                let format = dialog.format;
                self.modals.export_dialog = None;
                self.services.export_options = options;
                if self.services.settings.last_export != choice {
                    self.services.settings.last_export = choice;
                    self.save_settings();
                }
                let name = format.suggested_file_name(self.doc.workspace());
                let request = PathRequest::export(self.dialog_folder(), format, name);
                self.services.picker.request(request, ctx);
                false
            }
        }
    }

    /// The scale editor and the verdict picker; true while one is open.
    fn scale_dialogs(&mut self, ctx: &egui::Context) -> bool {
        if let Some(editor) = &mut self.modals.scale_editor {
            match editor.show(ctx) {
                None => return true,
                Some(ScaleAnswer::Cancel) => self.modals.scale_editor = None,
                Some(ScaleAnswer::Apply(command)) => {
                    self.modals.scale_editor = None;
                    self.run_command(ctx, command);
                }
            }
        }
        let claim = self
            .view
            .selected_claim
            .and_then(|id| self.doc.workspace().claim(id));
        if let (Some(picker), Some(claim)) = (&mut self.modals.verdict_picker, claim) {
            let (id, current) = (claim.id, claim.verdict.clone());
            match picker.show(ctx, &self.doc.workspace().scale, current.as_deref()) {
                None => return true,
                Some(PickerAnswer::Cancel) => self.modals.verdict_picker = None,
                Some(PickerAnswer::Pick(verdict)) => {
                    self.modals.verdict_picker = None;
                    self.run_command(ctx, Command::set_verdict(id, verdict));
                }
            }
        } else {
            self.modals.verdict_picker = None;
        }
        false
    }
}
