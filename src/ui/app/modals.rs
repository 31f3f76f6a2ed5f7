//! Drawing the modal shown this frame (see [`ModalStack`]) and turning its
//! answer into an [`Intent`]. A dialog here never changes the workspace or
//! the window itself: it stays open ([`Shown::Open`]) or closes with what
//! the user chose ([`Shown::Closed`]); `intents.rs` applies that after
//! drawing, with the panels' intents.
//!
//! A new modal dialog is a [`Modal`] variant (`modal.rs`), an arm in
//! [`FactbenchApp::draw_modal`] returning [`Shown`], and, when its answer
//! is more than a [`Command`] or an [`Action`], an [`Answer`] variant
//! handled in `answers.rs`.

use super::answers::Answer;
use super::modal::Modal;
use super::*;
use crate::ui::dialogs::export::ExportAnswer;
use crate::ui::dialogs::scale::{self as scale_dialog, ScaleAnswer};
use crate::ui::dialogs::update::UpdateChoice;
use crate::ui::dialogs::verdict_picker::PickerAnswer;

/// What drawing a modal came to.
pub(super) enum Shown {
    /// Still open, with its state.
    Open(Modal),
    /// Closed; what the user chose, if anything is to be done.
    Closed(Option<Intent>),
}

impl Shown {
    fn closed_with(intent: Intent) -> Shown {
        Shown::Closed(Some(intent))
    }

    fn answered(answer: Answer) -> Shown {
        Shown::Closed(Some(Intent::Answer(answer)))
    }
}

impl FactbenchApp {
    /// Draws the modal on top; returns what its answer asks for.
    pub(super) fn show_modal(&mut self, ctx: &egui::Context) -> Option<Intent> {
        let (slot, modal) = self.modals.take_shown()?;
        match self.draw_modal(ctx, modal) {
            Shown::Open(modal) => {
                self.modals.put_back(slot, modal);
                None
            }
            Shown::Closed(intent) => intent,
        }
    }

    fn draw_modal(&mut self, ctx: &egui::Context, modal: Modal) -> Shown {
        match modal {
            Modal::Error(error) => {
                if dialogs::error_dialog(ctx, &error.0, &error.1) {
                    Shown::Closed(None)
                } else {
                    Shown::Open(Modal::Error(error))
                }
            }
            Modal::Notice(notice) => {
                if dialogs::error_dialog(ctx, &notice.0, &notice.1) {
                    Shown::Closed(None)
                } else {
                    Shown::Open(Modal::Notice(notice))
                }
            }
            Modal::CheckReading(reading) => self.draw_check_reading(ctx, reading),
            Modal::ImportCheck(mut dialog) => {
                use crate::ui::dialogs::import_check::ImportCheckAnswer;
                match dialog.show(ctx) {
                    None => Shown::Open(Modal::ImportCheck(dialog)),
                    Some(ImportCheckAnswer::Cancel) => Shown::Closed(None),
                    Some(ImportCheckAnswer::Import(request)) => {
                        Shown::answered(Answer::ImportCheck(request))
                    }
                }
            }
            Modal::Recovery(offer) => self.draw_recovery_offer(ctx, offer),
            Modal::Prompt(prompt) => self.draw_prompt(ctx, prompt),
            Modal::ScaleEditor(editor) => draw_scale_editor(ctx, editor),
            Modal::VerdictPicker(picker) => self.draw_verdict_picker(ctx, picker),
            Modal::Export(dialog) => self.draw_export_dialog(ctx, dialog),
            Modal::Paste(mut dialog) => match dialog.show(ctx) {
                None => Shown::Open(Modal::Paste(dialog)),
                Some(None) => Shown::Closed(None),
                Some(Some(article)) => Shown::answered(Answer::Import(vec![article])),
            },
            Modal::Compare(mut dialog) => match self.doc.workspace().article(dialog.article()) {
                Some(article) if !dialog.show(ctx, article) => Shown::Open(Modal::Compare(dialog)),
                _ => Shown::Closed(None),
            },
            Modal::Update(mut dialog) => match dialog.show(ctx) {
                None => Shown::Open(Modal::Update(dialog)),
                Some(UpdateChoice::Cancel) => Shown::Closed(None),
                Some(UpdateChoice::Apply) => {
                    Shown::closed_with(Intent::Command(dialog.into_update().into_command()))
                }
            },
            Modal::Import(mut dialog) => match dialog.show(ctx) {
                None => Shown::Open(Modal::Import(dialog)),
                Some(import_dialog::ImportOutcome::Cancel) => Shown::Closed(None),
                Some(import_dialog::ImportOutcome::Import(articles)) => {
                    Shown::answered(Answer::Import(articles))
                }
            },
            Modal::Opening(opening) => self.draw_opening(ctx, opening),
            Modal::GoToTime(mut dialog) => {
                use crate::ui::dialogs::go_to_time::GoToTimeAnswer;
                let shown = self
                    .view
                    .shown_article
                    .and_then(|id| self.doc.workspace().article(id));
                match shown
                    .and_then(|a| a.transcript.as_ref())
                    .map(|t| dialog.show(ctx, t))
                {
                    Some(None) => Shown::Open(Modal::GoToTime(dialog)),
                    Some(Some(GoToTimeAnswer::Go { start, end })) => {
                        Shown::answered(Answer::RevealText { start, end })
                    }
                    _ => Shown::Closed(None),
                }
            }
            Modal::GoToPage(mut dialog) => {
                use crate::ui::dialogs::go_to_page::GoToPageAnswer;
                let shown = self
                    .view
                    .shown_article
                    .and_then(|id| self.doc.workspace().article(id));
                match shown
                    .filter(|a| !a.pages.is_empty())
                    .map(|a| dialog.show(ctx, &a.pages))
                {
                    Some(None) => Shown::Open(Modal::GoToPage(dialog)),
                    Some(Some(GoToPageAnswer::Go { start })) => {
                        Shown::answered(Answer::RevealText { start, end: start })
                    }
                    _ => Shown::Closed(None),
                }
            }
            Modal::RenameSpeaker(mut dialog) => {
                let article = self.doc.workspace().article(dialog.article());
                match article
                    .and_then(|a| a.transcript.as_ref())
                    .map(|t| dialog.show(ctx, t))
                {
                    Some(None) => Shown::Open(Modal::RenameSpeaker(dialog)),
                    Some(Some(Some(command))) => Shown::closed_with(Intent::Command(command)),
                    _ => Shown::Closed(None),
                }
            }
        }
    }

    /// The questions about files.
    fn draw_prompt(&mut self, ctx: &egui::Context, prompt: Prompt) -> Shown {
        let still = |prompt| Shown::Open(Modal::Prompt(prompt));
        match prompt {
            Prompt::Unsaved(pending) => {
                let name = self.document_name();
                match dialogs::unsaved_prompt(ctx, &name, pending.doing()) {
                    None => still(Prompt::Unsaved(pending)),
                    Some(choice) => Shown::answered(Answer::Unsaved(pending, choice)),
                }
            }
            Prompt::PathEntry {
                request,
                reason,
                mut text,
            } => match dialogs::path_entry(ctx, &request, &reason, &mut text) {
                None => still(Prompt::PathEntry {
                    request,
                    reason,
                    text,
                }),
                Some(Some(path)) => Shown::answered(Answer::TypedPath(request, path)),
                Some(None) => Shown::answered(Answer::PathEntryCancelled),
            },
            Prompt::DiskChanged {
                path,
                deleted,
                then,
            } => match dialogs::disk_changed_prompt(ctx, &path.display().to_string(), deleted) {
                None => still(Prompt::DiskChanged {
                    path,
                    deleted,
                    then,
                }),
                Some(choice) => Shown::answered(Answer::DiskChanged { path, then, choice }),
            },
            Prompt::Overwrite { request, path } => {
                match dialogs::overwrite_prompt(ctx, &path.display().to_string()) {
                    None => still(Prompt::Overwrite { request, path }),
                    Some(replace) => Shown::answered(Answer::Overwrite {
                        request,
                        path,
                        replace,
                    }),
                }
            }
            Prompt::NewWorkspace(mut chosen) => {
                match scale_dialog::new_workspace_prompt(ctx, &mut chosen) {
                    None => still(Prompt::NewWorkspace(chosen)),
                    Some(None) => Shown::Closed(None),
                    Some(Some(source)) => Shown::answered(Answer::NewWorkspace(source)),
                }
            }
            // Changes made since it was asked: the offer no longer applies.
            Prompt::ReloadOffer(_) if self.doc.is_dirty() => Shown::Closed(None),
            Prompt::ReloadOffer(path) => {
                match dialogs::reload_offer(ctx, &path.display().to_string()) {
                    None => still(Prompt::ReloadOffer(path)),
                    Some(reload) => Shown::answered(Answer::Reload { path, reload }),
                }
            }
        }
    }

    fn draw_verdict_picker(
        &mut self,
        ctx: &egui::Context,
        mut picker: crate::ui::dialogs::verdict_picker::VerdictPicker,
    ) -> Shown {
        let ws = self.doc.workspace();
        let Some(claim) = self.view.selected_claim.and_then(|id| ws.claim(id)) else {
            return Shown::Closed(None);
        };
        match picker.show(ctx, &ws.scale, claim.verdict.as_deref(), &claim.statement) {
            None => Shown::Open(Modal::VerdictPicker(picker)),
            Some(PickerAnswer::Cancel) => Shown::Closed(None),
            Some(PickerAnswer::Pick(verdict)) => {
                Shown::closed_with(Intent::Command(Command::set_verdict(claim.id, verdict)))
            }
        }
    }

    /// The export dialog. Its answer asks for the file, then
    /// [`FactbenchApp::export_to`] writes with those options.
    fn draw_export_dialog(
        &mut self,
        ctx: &egui::Context,
        mut dialog: crate::ui::dialogs::export::ExportDialog,
    ) -> Shown {
        let shown = self.view.shown_article;
        match dialog.show(ctx, self.doc.workspace(), shown) {
            None => Shown::Open(Modal::Export(dialog)),
            Some(ExportAnswer::Cancel) => Shown::Closed(None),
            Some(ExportAnswer::Export(options, choice)) => Shown::answered(Answer::Export {
                format: dialog.format,
                options,
                choice,
            }),
        }
    }
}

fn draw_scale_editor(ctx: &egui::Context, mut editor: scale_dialog::ScaleEditor) -> Shown {
    match editor.show(ctx) {
        None => Shown::Open(Modal::ScaleEditor(editor)),
        Some(ScaleAnswer::Cancel) => Shown::Closed(None),
        Some(ScaleAnswer::Apply(command)) => Shown::closed_with(Intent::Command(command)),
    }
}

impl FactbenchApp {
    /// Opens `modal` over the window.
    pub(super) fn open_modal(&mut self, modal: Modal) {
        self.modals.push(modal);
    }

    pub(super) fn open_scale_editor(&mut self) {
        self.open_modal(Modal::ScaleEditor(scale_dialog::ScaleEditor::new(
            self.doc.workspace(),
        )));
    }

    pub(super) fn open_verdict_picker(&mut self) {
        if self.view.selected_claim.is_some() {
            self.open_modal(Modal::VerdictPicker(Default::default()));
        }
    }

    /// A new, empty workspace with `scale`.
    pub(super) fn start_new_workspace(&mut self, scale: crate::model::VerdictScale) {
        let mut ws = Workspace::new("Untitled investigation");
        ws.scale = scale;
        self.replace_document(Document::new(ws, None));
    }
}
