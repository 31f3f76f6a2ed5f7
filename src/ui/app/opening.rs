//! Opening a workspace file. Small files (nearly all of them) open at once;
//! a large one is read and parsed on a worker thread while the window keeps
//! drawing a modal progress window with *Cancel*, and the document is
//! replaced only when the whole file has been read and checked. A failed
//! or cancelled open leaves the open work as it was.

use super::answers::Answer;
use super::modal::Modal;
use super::modals::Shown;
use super::windows::Window;
use super::*;
use crate::import::background::Job;
use crate::store::{LoadError, Loaded};
use crate::ui::dialogs::opening::{OpeningProgress, opening_window};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Files larger than this open on a worker thread. Loading takes about
/// 20 ms a megabyte (docs/budgets.md: ≤ 200 ms for 10 MB), so a file this
/// size would hold the window for a third of a second.
pub(super) const OPEN_IN_BACKGROUND_BYTES: u64 = 16 * 1024 * 1024;

/// A workspace file read on a worker: what became of it.
pub(super) struct Opened {
    path: PathBuf,
    revision_at_start: u64,
    /// `None` when the worker stopped without an answer.
    result: Option<Result<Loaded, LoadError>>,
}

/// A workspace file being opened on a worker.
pub(super) struct Opening {
    path: PathBuf,
    size: u64,
    read: Arc<AtomicU64>,
    job: Job<Result<Loaded, LoadError>>,
    /// The document's revision when the open started: work done meanwhile
    /// is never replaced.
    revision_at_start: u64,
}

impl FactbenchApp {
    /// Opens a workspace file: at once when it is small, on a worker when
    /// it is large (then true means "started"). On failure shows why, keeps
    /// the open workspace and returns false.
    pub(super) fn open_path(&mut self, path: &Path) -> bool {
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        let threshold = self
            .files
            .open_in_background_above
            .unwrap_or(OPEN_IN_BACKGROUND_BYTES);
        if size > threshold && size <= crate::store::MAX_FILE_BYTES {
            self.start_opening(path, size);
            return true;
        }
        let result = crate::store::load(path);
        self.finish_opening(path, result)
    }

    fn start_opening(&mut self, path: &Path, size: u64) {
        let read = Arc::new(AtomicU64::new(0));
        let job = {
            let (path, read) = (path.to_owned(), Arc::clone(&read));
            Job::spawn(move |_| crate::store::load_counting(&path, &read))
        };
        self.modals.push(Modal::Opening(Opening {
            path: path.to_owned(),
            size,
            read,
            job,
            revision_at_start: self.doc.revision(),
        }));
    }

    /// Shows the progress of a background open; its result, once read,
    /// is an answer (Cancel drops the job, throwing its result away).
    pub(super) fn draw_opening(&mut self, ctx: &egui::Context, opening: Opening) -> Shown {
        if let Some(result) = opening.job.poll() {
            let opened = Opened {
                path: opening.path,
                revision_at_start: opening.revision_at_start,
                result,
            };
            return Shown::Closed(Some(Intent::Answer(Answer::Opened(Box::new(opened)))));
        }
        let progress = OpeningProgress {
            path: &opening.path,
            size: opening.size,
            read: opening.read.load(Ordering::Relaxed),
            elapsed: opening.job.elapsed(),
        };
        if opening_window(ctx, &progress) {
            return Shown::Closed(None);
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
        Shown::Open(Modal::Opening(opening))
    }

    /// Shows the workspace read on a worker, unless the open work changed
    /// meanwhile.
    pub(super) fn take_opened(&mut self, opened: Opened) {
        let Opened {
            path,
            revision_at_start,
            result,
        } = opened;
        let Some(result) = result else {
            self.error(
                "Could not open the workspace",
                format!("{}: reading the file stopped unexpectedly.", path.display()),
            );
            return;
        };
        if self.doc.revision() != revision_at_start {
            self.error(
                "The workspace was not opened",
                format!(
                    "{} was read, but the open workspace changed while it was loading; your changes are kept. Open it again to switch.",
                    path.display()
                ),
            );
            return;
        }
        self.finish_opening(&path, result);
    }

    /// Shows a loaded workspace (with its recovery offer, problems and
    /// upgrade note), or why it could not be loaded.
    fn finish_opening(&mut self, path: &Path, result: Result<Loaded, LoadError>) -> bool {
        match result {
            Ok(loaded) => {
                let mut note = None;
                if let Some(version) = loaded.migrated_from {
                    note = Some(format!(
                        "{} was written by an older Factbench (format version {version}) and was upgraded; saving writes the current format.",
                        path.display()
                    ));
                }
                self.offer_recovery_of(path, Some(&loaded.workspace));
                let doc = Document::opened(loaded.workspace, Some(path.to_owned()), loaded.disk);
                self.replace_document(doc);
                self.lock_workspace(path);
                if !self.doc.workspace().conflicts.is_empty() {
                    self.windows.open(Window::Conflicts);
                }
                // Problems are counted in the status bar; the window opens
                // when asked for, not at every start.
                if let Some(note) = note {
                    self.error("Workspace upgraded", note);
                }
                self.remembered.settings.remember(path);
                self.save_settings();
                true
            }
            Err(e) => {
                self.error("Could not open the workspace", e.to_string());
                self.offer_recovery_of(path, None);
                false
            }
        }
    }

    /// Opens files larger than `bytes` on a worker (tests use a small
    /// size); `None` goes back to [`OPEN_IN_BACKGROUND_BYTES`].
    pub fn set_open_in_background_above(&mut self, bytes: Option<u64>) {
        self.files.open_in_background_above = bytes;
    }

    /// Whether a workspace is being opened in the background.
    pub fn is_opening(&self) -> bool {
        self.modals.any(|m| matches!(m, Modal::Opening(_)))
    }
}
