//! What the File menu's actions do: new, open, save, save as, import and
//! update an article to a newer version,
//! each guarded by the Save / Discard / Cancel question when there are
//! unsaved changes, with paths from the [`crate::ui::services::files::FilePicker`].
//!
//! Adding a file-producing action (say, an export) takes a new
//! [`Purpose`], a request in [`FactbenchApp::run_action`] and an arm in
//! [`FactbenchApp::on_path`].

use super::modal::{Modal, Pending, Prompt};
use super::{FactbenchApp, Intent};
use crate::export::{self, ExportOptions, Format};
use crate::store;
use crate::ui::dialogs::update::UpdateDialog;
use crate::ui::services::files::{Mode, PathAnswer, PathRequest, Purpose};
use std::path::{Path, PathBuf};

impl FactbenchApp {
    /// Runs `pending` now, or first asks to save unsaved changes.
    pub(super) fn guard_unsaved(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.doc.is_dirty() {
            self.modals.ask(Prompt::Unsaved(pending));
        } else {
            self.proceed(ctx, pending);
        }
    }

    pub(super) fn request_open_path(&mut self, path: PathBuf) {
        if self.doc.is_dirty() {
            self.modals.ask(Prompt::Unsaved(Pending::OpenPath(path)));
        } else {
            self.open_path(&path);
        }
    }

    pub(super) fn proceed(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::New(scale) => self.start_new_workspace(*scale),
            Pending::Open => {
                let request = PathRequest::open_workspace(self.dialog_folder());
                self.files.picker.request(request, ctx);
            }
            Pending::OpenPath(path) => {
                self.open_path(&path);
            }
            Pending::Quit => {
                self.allow_close = true;
                self.save_settings();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Saves, then runs `pending` if the save worked.
    pub(super) fn save_then(&mut self, ctx: &egui::Context, pending: Pending) {
        match self.doc.path().map(Path::to_owned) {
            Some(path) => self.save_checked(ctx, path, Some(pending)),
            None => {
                self.files.after_save = Some(pending);
                self.request_save_as(ctx);
            }
        }
    }

    pub(super) fn save(&mut self, ctx: &egui::Context) {
        match self.doc.path().map(Path::to_owned) {
            Some(path) => self.save_checked(ctx, path, None),
            None => self.request_save_as(ctx),
        }
    }

    pub(super) fn request_save_as(&mut self, ctx: &egui::Context) {
        let name = self
            .doc
            .path()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| format!("{}.ron", file_stem_for(&self.workspace().title)));
        let request = PathRequest::save_workspace(self.dialog_folder(), name);
        self.files.picker.request(request, ctx);
    }

    /// Saves to `path` when the file there is as `expect` says (the
    /// caller asked the user about changes on disk already); on failure
    /// shows why and returns false. The recovery file goes once saved.
    pub(super) fn save_to(&mut self, path: &Path, expect: crate::store::Expect) -> bool {
        let held_already = self.safety.lock.as_ref().is_some_and(|l| l.covers(path));
        let Some(lock) = self.lock_for_saving(path) else {
            return false;
        };
        match crate::store::save_locked(&lock, path, self.doc.workspace(), expect) {
            Ok(disk) => {
                self.safety.lock = Some(lock);
                self.copy_snapshots_to(path);
                self.discard_unsaved_work();
                self.doc.mark_saved(path.to_owned(), Some(disk));
                self.remembered.settings.remember(path);
                self.save_settings();
                self.library_after_save();
                true
            }
            Err(e) => {
                if held_already {
                    self.safety.lock = Some(lock);
                }
                self.error("Could not save", e.to_string());
                false
            }
        }
    }

    /// After a Save As: the sources' snapshot files copied from beside
    /// the old file to beside the new one (the evidence moves with the work).
    fn copy_snapshots_to(&mut self, path: &Path) {
        let Some(from) = self.doc.path().filter(|from| *from != path) else {
            return;
        };
        if let Err(e) =
            crate::store::snapshots::copy_workspace_snapshots(from, path, self.doc.workspace())
        {
            self.error(
                "Saved, but the snapshots were not all copied",
                format!(
                    "{} was saved; the evidence snapshots beside {} could not all be copied beside it: {e}",
                    path.display(),
                    from.display()
                ),
            );
        }
    }

    /// What a save of the document's own file expects to find there: the
    /// file as it was opened or last saved.
    pub(super) fn expect_own_file(&self, path: &Path) -> crate::store::Expect {
        use crate::store::Expect;
        match self.doc.disk() {
            Some(disk) if self.doc.path() == Some(path) => Expect::Unchanged(*disk),
            _ => Expect::Anything,
        }
    }

    /// The workspace lock of `path` for a save: the one this window holds,
    /// or taken now (waiting a moment while a command finishes with the
    /// file). None, after telling the user, while another window has it.
    fn lock_for_saving(&mut self, path: &Path) -> Option<crate::store::WorkspaceLock> {
        use crate::store::{LockOutcome, Role};
        if self.safety.lock.as_ref().is_some_and(|l| l.covers(path)) {
            return self.safety.lock.take();
        }
        let started = std::time::Instant::now();
        loop {
            match crate::store::try_lock(path, Role::Window) {
                Ok(LockOutcome::Acquired { lock, .. }) => return Some(lock),
                Ok(LockOutcome::HeldBy(holder))
                    if holder.role != Some(Role::Window)
                        && started.elapsed() < crate::store::COMMAND_WAIT =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                Ok(LockOutcome::HeldBy(holder)) => {
                    self.error(
                        "Could not save",
                        format!(
                            "{} is open in {holder}. Saving here would overwrite the work saved there: close it there, or save this copy under another name (File › Save as…). Nothing was saved.",
                            path.display()
                        ),
                    );
                    return None;
                }
                Err(e) => {
                    self.error(
                        "Could not save",
                        format!(
                            "{}: could not take the workspace lock {}: {e}. Nothing was saved.",
                            path.display(),
                            crate::store::lock_path(path).display()
                        ),
                    );
                    return None;
                }
            }
        }
    }

    /// File › Compare with…: the differences from `path` to the workspace.
    pub(super) fn compare_with(&mut self, path: &Path) {
        match crate::store::load(path) {
            Ok(loaded) => {
                let differences = crate::merge::diff(&loaded.workspace, self.doc.workspace());
                self.windows.compare_with =
                    Some(crate::ui::dialogs::compare_with::CompareWithDialog {
                        path: path.to_owned(),
                        differences,
                    });
            }
            Err(e) => self.error("Could not compare", e.to_string()),
        }
    }

    /// Takes the lock of `path` (see `store::lock`) for as long as the
    /// workspace is open here, telling the user when another Factbench has
    /// it (this window then cannot save over it).
    pub(super) fn lock_workspace(&mut self, path: &Path) {
        if self.safety.lock.as_ref().is_some_and(|l| l.covers(path)) {
            return;
        }
        self.safety.lock = None;
        match crate::store::lock(path) {
            Ok(crate::store::LockOutcome::Acquired { lock, .. }) => self.safety.lock = Some(lock),
            Ok(crate::store::LockOutcome::HeldBy(holder)) => {
                self.error(
                    "Already open elsewhere",
                    format!(
                        "{} is already open in {holder}. Saving in both would overwrite one another's work: close one of them, or save this copy under another name.",
                        path.display(),
                    ),
                );
            }
            // A folder where the lock cannot be written (read-only media):
            // no lock; a save there fails on its own.
            Err(_) => {}
        }
    }

    /// Writes the workspace in `format` to `path` (atomically); the HTML
    /// report then opens in the browser when the user asked for that.
    pub(super) fn export_to(&mut self, ctx: &egui::Context, format: Format, path: &Path) {
        let path = with_extension(path, format.extension());
        let workspace = self.doc.workspace();
        let options: ExportOptions = self.files.export_options.clone();
        let mut bytes = Vec::new();
        let written = export::write(format, workspace, &options, &mut bytes)
            .map_err(|e| e.to_string())
            .and_then(|()| store::write_atomically(&path, &bytes).map_err(|e| e.to_string()));
        if let Err(message) = written {
            self.error("Could not export", message);
            return;
        }
        self.files.last_export = Some(std::path::absolute(&path).unwrap_or(path.clone()));
        let workspace = self.doc.workspace();
        let notes = export::warnings(format, workspace, &options).unwrap_or_default();
        if !notes.is_empty() {
            let message = format!(
                "{} was written. Note:\n• {}",
                path.display(),
                notes.join("\n• ")
            );
            self.error("Exported with notes", message);
        }
        if format == Format::Html && self.remembered.settings.open_report_after_export {
            self.open_in_other_program(ctx, &path);
        }
    }

    /// Opens `path` in the program the desktop uses for it, on a worker:
    /// a failure comes back as an error on a later frame.
    pub(super) fn open_in_other_program(&mut self, ctx: &egui::Context, path: &std::path::Path) {
        let repaint = ctx.clone();
        self.files
            .opener
            .open(path, move || repaint.request_repaint());
    }

    /// The files other programs could not open, each said in an error.
    pub(super) fn take_open_failures(&mut self) {
        for failure in self.files.opener.failures() {
            self.error(
                "Could not open it",
                format!(
                    "No program could open {} ({}). Open it from your file \
                     manager, or set a default browser for your desktop (for example with \
                     `xdg-settings set default-web-browser`).",
                    failure.path.display(),
                    failure.reason
                ),
            );
        }
    }

    /// Opens files with `launcher` instead of the desktop's programs (tests).
    pub fn set_file_launcher(&mut self, launcher: crate::ui::services::opener::Launcher) {
        self.files.opener = crate::ui::services::opener::Opener::with_launcher(launcher);
    }

    /// The file dialogs' answers so far, as intents.
    pub(super) fn poll_picker(&mut self) {
        while let Some(answer) = self.files.picker.poll() {
            self.intents.push_back(Intent::PathAnswer(answer));
        }
    }

    /// A file dialog's answer: a path, nothing, or "no dialog here" (then
    /// the path is asked for in a text field).
    pub(super) fn on_path_answer(&mut self, ctx: &egui::Context, answer: PathAnswer) {
        match answer {
            PathAnswer::Picked(purpose, path) => self.on_path(ctx, purpose, path),
            PathAnswer::Cancelled(_) => self.files.after_save = None,
            PathAnswer::Unavailable(request, reason) => {
                let text = request.suggested_path();
                self.modals.ask(Prompt::PathEntry {
                    request,
                    reason,
                    text,
                });
            }
        }
    }

    /// A path chosen in a dialog (or typed) for `purpose`.
    pub(super) fn on_path(&mut self, ctx: &egui::Context, purpose: Purpose, path: PathBuf) {
        match purpose {
            Purpose::Open => {
                self.open_path(&path);
            }
            Purpose::Export(format) => self.export_to(ctx, format, &path),
            Purpose::Import => {
                let dialog = crate::ui::dialogs::import::ImportDialog::open(vec![path]);
                self.modals.push(Modal::Import(dialog));
            }
            Purpose::ScaleFrom => match crate::ui::dialogs::scale::scale_of_file(&path) {
                Ok(scale) => self.guard_unsaved(ctx, Pending::New(Box::new(scale))),
                Err(e) => self.error("Could not read that workspace's verdict scale", e),
            },
            Purpose::UpdateArticle(article) => self.prepare_update(article, &path),
            Purpose::LibraryFolder => self.add_library_folder(path),
            Purpose::EmbeddingModel => self.set_embedding_model(Some(path)),
            Purpose::CompareWith => self.compare_with(&path),
            Purpose::AddSnapshot(source) => self.add_snapshot_from(ctx, source, path),
            Purpose::CheckExport => self.open_check_export(&path),
            Purpose::SaveAs => {
                let path = with_extension(&path, "ron");
                if self.save_to(&path, crate::store::Expect::Anything)
                    && let Some(pending) = self.files.after_save.take()
                {
                    self.proceed(ctx, pending);
                }
            }
        }
    }

    /// Reads a newer version of `article` as an import would, and shows
    /// what it would do to each claim before anything changes.
    pub(super) fn prepare_update(&mut self, article: crate::model::ArticleId, path: &Path) {
        let options = crate::import::ImportOptions::default();
        let read = crate::import::import_file_detailed(path, &options)
            .map(|imported| imported.article)
            .map_err(|e| e.to_string());
        self.preview_update(article, read);
    }

    /// Reads a newer version of `article` from text copied elsewhere (the
    /// clipboard's), as a new article from the clipboard is read, and
    /// shows what it would do to each claim before anything changes.
    pub fn prepare_update_from_clipboard(
        &mut self,
        article: crate::model::ArticleId,
        clipboard: String,
    ) {
        let options = crate::import::ImportOptions::default();
        let read = if clipboard.trim().is_empty() {
            Err("The clipboard holds no text. Copy the newer version of the article first.".into())
        } else {
            crate::import::article_from_clipboard(&clipboard, &options)
                .map(|mut read| {
                    read.source = "clipboard".to_owned();
                    read
                })
                .map_err(|e| e.to_string())
        };
        self.preview_update(article, read);
    }

    /// Shows the preview of updating `article` to the text read.
    fn preview_update(
        &mut self,
        article: crate::model::ArticleId,
        read: Result<crate::model::Article, String>,
    ) {
        let prepared = read.and_then(|read| {
            let today = Some(crate::model::today());
            crate::edit::ArticleUpdate::prepare(
                self.workspace(),
                article,
                read.text,
                read.source,
                today,
            )
            .map(|update| {
                update
                    .with_transcript(self.workspace(), read.transcript)
                    .with_pages(read.pages)
            })
            .map_err(|e| e.to_string())
        });
        match prepared {
            Ok(update) => {
                let title = self
                    .workspace()
                    .article(article)
                    .map_or_else(String::new, |a| a.title.clone());
                self.modals.push(Modal::Update(
                    UpdateDialog::new(update, &title).describing(self.workspace()),
                ));
            }
            Err(message) => self.error("The newer version could not be used", message),
        }
    }

    /// A path typed in the fallback field: a file to be written that
    /// already exists is only replaced once the user says so.
    pub(super) fn on_typed_path(
        &mut self,
        ctx: &egui::Context,
        request: PathRequest,
        path: PathBuf,
    ) {
        let target = target_path(&request.purpose, &path);
        if request.mode == Mode::SaveFile && target.exists() {
            self.modals.ask(Prompt::Overwrite {
                request,
                path: target,
            });
        } else {
            self.on_path(ctx, request.purpose, path);
        }
    }

    /// Asks for a path again, prefilled with `path` (after "don't replace").
    pub(super) fn reopen_path_entry(&mut self, request: PathRequest, path: PathBuf) {
        self.modals.ask(Prompt::PathEntry {
            request,
            reason: "choose another name, or another folder".into(),
            text: path.display().to_string(),
        });
    }

    /// Where file dialogs start: the open workspace's folder, else that of
    /// the workspace opened last (a relative path made absolute), else the
    /// user's documents or home — never whatever folder the program was
    /// started from.
    pub(super) fn dialog_folder(&self) -> Option<PathBuf> {
        let folder_of = |path: &Path| {
            let absolute = std::path::absolute(path).ok()?;
            absolute.parent().map(Path::to_owned)
        };
        self.doc
            .path()
            .and_then(folder_of)
            .or_else(|| {
                self.remembered
                    .settings
                    .recent
                    .first()
                    .and_then(|p| folder_of(p))
            })
            .filter(|folder| folder.is_dir())
            // Never the folder the program happened to start in.
            .or_else(crate::ui::services::files::default_folder)
    }
}

/// The file a path chosen for `purpose` ends up as (with the extension
/// that saving or exporting adds).
fn target_path(purpose: &Purpose, path: &Path) -> PathBuf {
    match purpose {
        Purpose::SaveAs => with_extension(path, "ron"),
        Purpose::Export(format) => with_extension(path, format.extension()),
        Purpose::Open
        | Purpose::Import
        | Purpose::ScaleFrom
        | Purpose::UpdateArticle(_)
        | Purpose::LibraryFolder
        | Purpose::EmbeddingModel
        | Purpose::CompareWith
        | Purpose::AddSnapshot(_)
        | Purpose::CheckExport => path.to_owned(),
    }
}

/// Adds `.EXTENSION` to a path typed without it.
fn with_extension(path: &Path, extension: &str) -> PathBuf {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
    {
        path.to_owned()
    } else {
        let mut name = path
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        name.push(".");
        name.push(extension);
        path.with_file_name(name)
    }
}

/// A file name made from a workspace title.
fn file_stem_for(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem: String = stem.chars().take(60).collect();
    if stem.is_empty() {
        "workspace".to_owned()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(super) fn save_paths_get_the_ron_extension() {
        assert_eq!(
            with_extension(Path::new("/a/b"), "ron"),
            PathBuf::from("/a/b.ron")
        );
        assert_eq!(
            with_extension(Path::new("/a/b.RON"), "ron"),
            PathBuf::from("/a/b.RON")
        );
        assert_eq!(file_stem_for("Xi Jinping: Moscow!"), "xi-jinping-moscow");
        assert_eq!(file_stem_for("??"), "workspace");
    }
}
