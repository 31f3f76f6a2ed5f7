//! Snapshots made and verified off the window's thread: reading, hashing
//! and storing a saved copy (up to 200 MB, an archive checked whole) and
//! re-hashing a source's snapshots take longer than a frame. A job runs on
//! a thread of its own and its result is taken on a later frame; the
//! window then turns it into a command (adding the snapshot, recording
//! the custody log) like any other change.

use crate::evidence::{self, Finding, Request};
use crate::model::{Snapshot, SourceId, Workspace};
use crate::store::snapshots::store_snapshot;
use jiff::Timestamp;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

/// What a job gave back.
#[derive(Debug)]
pub enum EvidenceDone {
    /// A file made into a snapshot of `source`, its bytes stored beside
    /// the workspace; or why it was refused (nothing stored).
    Captured {
        source: SourceId,
        result: Result<Box<Snapshot>, String>,
    },
    /// `verify`'s findings for the snapshots of `source`.
    Verified {
        source: SourceId,
        findings: Vec<Finding>,
    },
}

/// Runs capture and verify jobs on worker threads.
pub struct EvidenceWorker {
    sender: Sender<EvidenceDone>,
    done: Receiver<EvidenceDone>,
    running: usize,
}

impl Default for EvidenceWorker {
    fn default() -> Self {
        let (sender, done) = channel();
        EvidenceWorker {
            sender,
            done,
            running: 0,
        }
    }
}

/// What adding a snapshot needs to know.
#[derive(Clone, Debug)]
pub struct CaptureJob {
    pub workspace: PathBuf,
    pub file: PathBuf,
    pub source: SourceId,
    pub source_url: String,
    pub by: String,
    pub now: Timestamp,
}

impl EvidenceWorker {
    /// Whether a job is under way.
    pub fn is_busy(&self) -> bool {
        self.running > 0
    }

    /// Makes a snapshot of `job.file` and stores its bytes beside the
    /// workspace, as `factbench snapshot` does; `wake` is called when done.
    pub fn capture(&mut self, job: CaptureJob, wake: impl FnOnce() + Send + 'static) {
        let sender = self.sender.clone();
        self.spawn(move || {
            let result = capture_and_store(&job);
            let _ = sender.send(EvidenceDone::Captured {
                source: job.source,
                result,
            });
            wake();
        });
    }

    /// Runs `verify` over `ws` (saved at `workspace`) and keeps the
    /// findings about `source`.
    pub fn verify(
        &mut self,
        ws: Workspace,
        workspace: PathBuf,
        source: SourceId,
        wake: impl FnOnce() + Send + 'static,
    ) {
        let sender = self.sender.clone();
        self.spawn(move || {
            let findings = evidence::verify(&ws, &workspace)
                .into_iter()
                .filter(|f| f.source == source)
                .collect();
            let _ = sender.send(EvidenceDone::Verified { source, findings });
            wake();
        });
    }

    /// The jobs finished since the last call.
    pub fn finished(&mut self) -> Vec<EvidenceDone> {
        let done: Vec<_> = self.done.try_iter().collect();
        self.running = self.running.saturating_sub(done.len());
        done
    }

    fn spawn(&mut self, work: impl FnOnce() + Send + 'static) {
        let started = std::thread::Builder::new()
            .name("factbench-evidence".into())
            .spawn(work);
        if started.is_ok() {
            self.running += 1;
        }
    }
}

fn capture_and_store(job: &CaptureJob) -> Result<Box<Snapshot>, String> {
    let request = Request {
        path: &job.file,
        url: None,
        captured: None,
        by: job.by.clone(),
        source_url: job.source_url.clone(),
        now: job.now,
    };
    let captured = evidence::capture(&request)?;
    store(&job.workspace, &captured.snapshot.sha256, &captured.bytes)?;
    Ok(Box::new(captured.snapshot))
}

fn store(workspace: &Path, sha256: &str, bytes: &[u8]) -> Result<(), String> {
    store_snapshot(workspace, sha256, bytes)
        .map(|_| ())
        .map_err(|e| {
            format!(
                "{}: could not keep the snapshot beside the workspace: {e}",
                workspace.display()
            )
        })
}
