//! Autosave of unsaved work to a recovery file, without blocking the window.
//!
//! While the document has unsaved changes, [`Autosaver::tick`] serialises it
//! on the UI thread (fast: about 25 ms for 10 MB) once the interval has
//! passed since the first change not yet written, and hands the text to a
//! background thread that writes it with [`write_recovery`]. One write runs
//! at a time; a write that fails is reported once, until one succeeds again.
//!
//! The clock is egui's input time (`ctx.input(|i| i.time)`), so tests drive
//! it by stepping frames, or set the interval to zero.
//!
//! The last text written is also kept in a [`PanicSlot`], which the panic
//! hook installed by [`super::run`] writes out before the process dies.

use crate::model::Workspace;
use crate::store::recovery::{discard_recovery, recovery_text, write_recovery};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// The default time between autosaves, in seconds.
pub const DEFAULT_INTERVAL_SECS: u32 = 30;

/// The environment variable that overrides the interval (seconds, may be
/// fractional), mostly for testing.
pub const INTERVAL_VARIABLE: &str = "FACTBENCH_AUTOSAVE_SECS";

/// The last recovery text written and where it belongs, while the document
/// has unsaved changes; `None` otherwise.
pub type PanicSlot = Arc<Mutex<Option<(PathBuf, String)>>>;

/// The interval from [`INTERVAL_VARIABLE`], when it is set to a number.
pub fn interval_from_environment() -> Option<f64> {
    let text = std::env::var(INTERVAL_VARIABLE).ok()?;
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|secs| secs.is_finite() && *secs >= 0.0)
}

/// A background write of one recovery file.
struct Write {
    path: PathBuf,
    thread: JoinHandle<Result<(), String>>,
}

/// What the document looks like to the autosaver this frame.
pub struct DocumentState<'a> {
    pub workspace: &'a Workspace,
    /// The workspace file, or `None` for untitled work.
    pub path: Option<&'a Path>,
    pub revision: u64,
    pub dirty: bool,
    /// Where its recovery file goes; `None` when there is nowhere to put it.
    pub target: Option<PathBuf>,
}

/// Writes recovery files in the background and removes them once the work
/// is saved or discarded.
#[derive(Default)]
pub struct Autosaver {
    /// When the first change not yet written was seen (egui time); it is
    /// written one interval later (so a new interval applies at once).
    pending_since: Option<f64>,
    /// The document revision last written (for the current document).
    written_revision: Option<u64>,
    /// The recovery file this session wrote (or adopted) and not yet removed.
    written_path: Option<PathBuf>,
    writing: Option<Write>,
    failure_reported: bool,
    slot: PanicSlot,
    /// Recovery files that could not be read: moved aside, not replaced,
    /// before an autosave would write over them.
    protected: Vec<PathBuf>,
}

impl Autosaver {
    /// The slot the panic hook reads.
    pub fn panic_slot(&self) -> PanicSlot {
        self.slot.clone()
    }

    /// A new document replaced the old one: its revisions start afresh.
    /// `adopted` is a recovery file it was restored from, which now belongs
    /// to it (removed when it is saved).
    pub fn new_document(&mut self, adopted: Option<PathBuf>) {
        self.pending_since = None;
        self.written_revision = None;
        if adopted.is_some() {
            self.written_path = adopted;
        }
    }

    /// Keeps `path` (a recovery file that could not be read) from being
    /// replaced by an autosave: it is renamed to [`set_aside_path`] first.
    pub fn protect(&mut self, path: PathBuf) {
        if !self.protected.contains(&path) {
            self.protected.push(path);
        }
    }

    /// The recovery file this session is responsible for, if any.
    pub fn written_path(&self) -> Option<&Path> {
        self.written_path.as_deref()
    }

    /// Runs once a frame. Returns an error message the first time writing
    /// fails, and how long until the next autosave is due (for
    /// `request_repaint_after`).
    pub fn tick(
        &mut self,
        doc: &DocumentState<'_>,
        now: f64,
        interval: f64,
    ) -> (Option<String>, Option<f64>) {
        let failure = self.collect_finished_write();
        if !doc.dirty {
            self.pending_since = None;
            self.remove_written_file();
            return (failure, None);
        }
        if self.written_revision == Some(doc.revision) {
            return (failure, None);
        }
        let due_at = *self.pending_since.get_or_insert(now) + interval;
        if now < due_at {
            return (failure, Some(due_at - now));
        }
        if self.writing.is_some() {
            // One write at a time: try again shortly.
            return (failure, Some(0.25));
        }
        let Some(target) = doc.target.clone() else {
            return (failure, None);
        };
        self.pending_since = None;
        self.written_revision = Some(doc.revision);
        if let Err(e) = self.set_aside_if_protected(&target) {
            return (failure.or(self.report(e)), None);
        }
        match recovery_text(doc.workspace, doc.path) {
            Ok(text) => self.start_write(target, text),
            Err(e) => return (failure.or(self.report(e.to_string())), None),
        }
        (failure, None)
    }

    /// Writes the document's recovery file now, on this thread (before the
    /// document is replaced without the user discarding it).
    pub fn write_now(&mut self, doc: &DocumentState<'_>) -> Result<(), String> {
        self.wait_for_write();
        let Some(target) = doc.target.clone() else {
            return Ok(());
        };
        if !doc.dirty {
            return Ok(());
        }
        let text = recovery_text(doc.workspace, doc.path).map_err(|e| e.to_string())?;
        write_recovery(&target, &text).map_err(|e| e.to_string())?;
        Ok(())
    }

    /// The work was saved or explicitly discarded: removes the recovery file
    /// (after any write in progress, so it cannot come back) and forgets
    /// it. `also` is a recovery file of the document that may exist too.
    pub fn discard(&mut self, also: Option<&Path>) {
        self.remove_written_file();
        if let Some(path) = also {
            let _ = discard_recovery(path);
        }
        self.pending_since = None;
    }

    /// Renames a protected file at `target` out of the way.
    fn set_aside_if_protected(&mut self, target: &Path) -> Result<(), String> {
        let Some(at) = self.protected.iter().position(|p| p == target) else {
            return Ok(());
        };
        let aside = set_aside_path(target);
        match std::fs::rename(target, &aside) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(format!(
                "{} could not be read and could not be moved out of the way ({e}), so it was not replaced",
                target.display()
            )),
            _ => {
                self.protected.remove(at);
                Ok(())
            }
        }
    }

    fn start_write(&mut self, path: PathBuf, text: String) {
        if let Ok(mut slot) = self.slot.lock() {
            *slot = Some((path.clone(), text.clone()));
        }
        let target = path.clone();
        let spawned = std::thread::Builder::new()
            .name("autosave".into())
            .spawn(move || write_recovery(&target, &text).map_err(|e| e.to_string()));
        match spawned {
            Ok(thread) => {
                self.written_path = Some(path.clone());
                self.writing = Some(Write { path, thread });
            }
            Err(e) => {
                let _ = self.report(format!("could not start the autosave: {e}"));
            }
        }
    }

    /// Checks on the write in progress; returns a message when it failed
    /// (the first failure in a row only).
    fn collect_finished_write(&mut self) -> Option<String> {
        if !self.writing.as_ref()?.thread.is_finished() {
            return None;
        }
        self.finish_write()
    }

    fn wait_for_write(&mut self) -> Option<String> {
        self.writing.as_ref()?;
        self.finish_write()
    }

    fn finish_write(&mut self) -> Option<String> {
        let write = self.writing.take()?;
        let result = write
            .thread
            .join()
            .unwrap_or_else(|_| Err("the autosave thread stopped unexpectedly".into()));
        match result {
            Ok(()) => {
                self.failure_reported = false;
                None
            }
            Err(e) => {
                self.written_revision = None;
                self.report(format!("{}: {e}", write.path.display()))
            }
        }
    }

    fn report(&mut self, message: String) -> Option<String> {
        if self.failure_reported {
            return None;
        }
        self.failure_reported = true;
        Some(message)
    }

    fn remove_written_file(&mut self) {
        let _ = self.wait_for_write();
        if let Ok(mut slot) = self.slot.lock() {
            *slot = None;
        }
        if let Some(path) = self.written_path.take() {
            let _ = discard_recovery(&path);
        }
        self.written_revision = None;
    }
}

/// Where an unreadable recovery file is kept once autosave needs its name:
/// `.NAME.ron.recovery` → `.NAME.ron.recovery.unreadable`.
pub fn set_aside_path(recovery: &Path) -> PathBuf {
    let mut name = recovery.file_name().unwrap_or_default().to_os_string();
    name.push(".unreadable");
    recovery.with_file_name(name)
}

/// Installs a panic hook (after the current one) that writes the last
/// autosaved text to its recovery file and says where it is on stderr.
///
/// The hook writes what the last autosave serialised rather than the
/// document itself: the document may be half-changed or locked by the
/// panicking code, and serialising a large one is slow. So edits made after
/// the last autosave (at most one interval's worth) are not in it.
pub fn install_panic_hook(slot: PanicSlot) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        // A PDF reader's panic is caught and becomes a refusal of the file;
        // the window goes on, so there is no work to rescue.
        if crate::import::pdf::reading_untrusted() {
            return;
        }
        let saved = slot
            .try_lock()
            .ok()
            .and_then(|guard| guard.as_ref().cloned());
        if let Some((path, text)) = saved {
            match write_recovery(&path, &text) {
                Ok(()) => eprintln!(
                    "Factbench stopped unexpectedly. Your unsaved work (as of the last autosave) is in {}; it will be offered back the next time you open the workspace or start Factbench.",
                    path.display()
                ),
                Err(e) => eprintln!(
                    "Factbench stopped unexpectedly and could not write your unsaved work to {}: {e}",
                    path.display()
                ),
            }
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One autosave of `revision` to `target`, waited for; returns the
    /// failures reported.
    fn write_revision(saver: &mut Autosaver, target: &Path, revision: u64) -> Vec<String> {
        let ws = Workspace::new("Autosave test");
        let doc = DocumentState {
            workspace: &ws,
            path: None,
            revision,
            dirty: true,
            target: Some(target.to_owned()),
        };
        let (failure, _) = saver.tick(&doc, revision as f64, 0.0);
        let mut failures: Vec<String> = failure.into_iter().collect();
        while saver
            .writing
            .as_ref()
            .is_some_and(|w| !w.thread.is_finished())
        {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        failures.extend(saver.collect_finished_write());
        failures
    }

    #[test]
    fn a_failing_write_is_reported_once_until_one_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("a-file");
        std::fs::write(&blocker, "not a folder").unwrap();
        let bad = blocker.join("untitled-x.ron.recovery");
        let mut saver = Autosaver::default();
        assert_eq!(write_revision(&mut saver, &bad, 1).len(), 1);
        assert!(write_revision(&mut saver, &bad, 2).is_empty(), "not again");
        let good = dir.path().join("untitled-y.ron.recovery");
        assert!(write_revision(&mut saver, &good, 3).is_empty());
        assert!(good.is_file());
        assert_eq!(
            write_revision(&mut saver, &bad, 4).len(),
            1,
            "a new failure"
        );
    }

    #[test]
    fn unreadable_recovery_files_are_set_aside_beside_themselves() {
        assert_eq!(
            set_aside_path(Path::new("/w/.xi.ron.recovery")),
            Path::new("/w/.xi.ron.recovery.unreadable")
        );
    }
}
