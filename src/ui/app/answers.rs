//! What the modal dialogs' answers do, when they are more than a
//! [`Command`] or an [`Action`]: the questions about files (save changes?,
//! replace?, reload?, changed on disk), a typed path, the new workspace's
//! scale, the export's options, a recovery offer, a workspace opened on a
//! worker. Each arrives as [`Intent::Answer`] and is applied in
//! `intents.rs`, after drawing.

use super::opening::Opened;
use super::recovery::RecoveryOffer;
use super::*;
use crate::export::{ExportOptions, Format};
use crate::ui::dialogs::scale::ScaleSource;
use crate::ui::dialogs::{DiskChoice, RecoveryChoice};
use crate::ui::services::settings::ExportChoice;

/// The answer of a modal dialog.
pub(super) enum Answer {
    Unsaved(Pending, UnsavedChoice),
    TypedPath(PathRequest, PathBuf),
    PathEntryCancelled,
    DiskChanged {
        path: PathBuf,
        then: Option<Pending>,
        choice: DiskChoice,
    },
    Overwrite {
        request: PathRequest,
        path: PathBuf,
        replace: bool,
    },
    NewWorkspace(ScaleSource),
    Reload {
        path: PathBuf,
        reload: bool,
    },
    Export {
        format: Format,
        options: ExportOptions,
        choice: ExportChoice,
    },
    Recovery(Box<RecoveryOffer>, RecoveryChoice),
    /// Articles read by the import or paste dialog, to add.
    Import(Vec<crate::model::Article>),
    /// A Meedan Check export to write as workspaces, as confirmed.
    ImportCheck(Box<crate::ui::dialogs::import_check::ImportCheckRequest>),
    /// A workspace read on a worker (or cancelled: nothing to do).
    Opened(Box<Opened>),
    /// Go to time…: the chars `start..end` of the shown article selected
    /// and scrolled into view.
    RevealText {
        start: usize,
        end: usize,
    },
}

impl std::fmt::Debug for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self {
            Answer::Unsaved(..) => "Unsaved",
            Answer::TypedPath(..) => "TypedPath",
            Answer::PathEntryCancelled => "PathEntryCancelled",
            Answer::DiskChanged { .. } => "DiskChanged",
            Answer::Overwrite { .. } => "Overwrite",
            Answer::NewWorkspace(_) => "NewWorkspace",
            Answer::Reload { .. } => "Reload",
            Answer::Export { .. } => "Export",
            Answer::Recovery(..) => "Recovery",
            Answer::Import(_) => "Import",
            Answer::ImportCheck(_) => "ImportCheck",
            Answer::Opened(_) => "Opened",
            Answer::RevealText { .. } => "RevealText",
        };
        write!(f, "Answer::{name}")
    }
}

impl FactbenchApp {
    pub(super) fn on_answer(&mut self, ctx: &egui::Context, answer: Answer) {
        match answer {
            Answer::Unsaved(pending, choice) => self.answer_unsaved(ctx, pending, choice),
            Answer::TypedPath(request, path) => self.on_typed_path(ctx, request, path),
            Answer::PathEntryCancelled => self.files.after_save = None,
            Answer::DiskChanged { path, then, choice } => {
                self.answer_disk_changed(ctx, path, then, choice)
            }
            Answer::Overwrite {
                request,
                path,
                replace: true,
            } => self.on_path(ctx, request.purpose, path),
            Answer::Overwrite { request, path, .. } => self.reopen_path_entry(request, path),
            Answer::NewWorkspace(ScaleSource::Preset(scale)) => {
                self.guard_unsaved(ctx, Pending::New(Box::new(scale)))
            }
            Answer::NewWorkspace(ScaleSource::CopyFromFile) => {
                let request = PathRequest::scale_from_workspace(self.dialog_folder());
                self.files.picker.request(request, ctx);
            }
            Answer::Reload { path, reload } => self.answer_reload_offer(path, reload),
            Answer::Export {
                format,
                options,
                choice,
            } => self.choose_export_file(ctx, format, options, choice),
            Answer::Recovery(offer, choice) => self.answer_offer(*offer, choice),
            Answer::Import(articles) => self.add_imported(ctx, articles),
            Answer::ImportCheck(request) => self.import_check(*request),
            Answer::Opened(opened) => self.take_opened(*opened),
            Answer::RevealText { start, end } => {
                self.panels.reader.select_and_reveal(start, end);
                self.panels.reader.focus();
            }
        }
    }

    /// Adds imported articles to the open workspace — unless it is the
    /// bundled sample, untouched: the sample is not the user's
    /// investigation, so they go into a new one (with the sample's scale).
    fn add_imported(&mut self, ctx: &egui::Context, articles: Vec<crate::model::Article>) {
        if !self.files.sample_open || self.doc.is_dirty() {
            self.intents
                .push_back(Intent::Command(Command::AddArticles(articles)));
            return;
        }
        let title = articles
            .first()
            .map_or("Untitled investigation", |a| &a.title);
        let mut ws = Workspace::new(title);
        ws.scale = self.doc.workspace().scale.clone();
        self.replace_document(Document::new(ws, None));
        self.apply(ctx, Intent::Command(Command::AddArticles(articles)));
    }

    fn answer_unsaved(&mut self, ctx: &egui::Context, pending: Pending, choice: UnsavedChoice) {
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::Discard => {
                self.discard_unsaved_work();
                self.proceed(ctx, pending);
            }
            UnsavedChoice::Save => self.save_then(ctx, pending),
        }
    }

    /// The export dialog's options are kept (and the choice remembered)
    /// while the file is asked for; [`FactbenchApp::export_to`] then writes.
    fn choose_export_file(
        &mut self,
        ctx: &egui::Context,
        format: Format,
        options: ExportOptions,
        choice: ExportChoice,
    ) {
        let name = export_file_name(format, self.doc.workspace(), &options);
        self.files.export_options = options;
        if self.remembered.settings.last_export != choice {
            self.remembered.settings.last_export = choice;
            self.save_settings();
        }
        let request = PathRequest::export(self.dialog_folder(), format, name);
        self.files.picker.request(request, ctx);
    }
}

/// The file name an export proposes: the workspace's title, and
/// `-internal` for the internal review copy, so it is never saved over the
/// public report (or sent out in its stead).
fn export_file_name(format: Format, workspace: &Workspace, options: &ExportOptions) -> String {
    let name = format.suggested_file_name(workspace);
    if options.audience == crate::export::Audience::Public {
        return name;
    }
    let extension = format.extension();
    match name.strip_suffix(&format!(".{extension}")) {
        Some(stem) => format!("{stem}-internal.{extension}"),
        None => format!("{name}-internal"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_internal_copy_proposes_its_own_file_name() {
        let ws = crate::sample::sample_workspace();
        let public = ExportOptions::public();
        let internal = ExportOptions {
            audience: crate::export::Audience::Internal,
            ..ExportOptions::public()
        };
        for format in Format::ALL {
            let (p, i) = (
                export_file_name(format, &ws, &public),
                export_file_name(format, &ws, &internal),
            );
            assert_ne!(p, i, "{format:?}");
            assert!(i.contains("-internal."), "{i}");
            assert!(i.ends_with(format.extension()), "{i}");
        }
    }
}
