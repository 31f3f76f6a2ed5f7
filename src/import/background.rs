//! Reading and decoding articles on a worker thread, so that a window asking
//! for them keeps drawing: a [`Job`] runs one piece of work on its own
//! thread and is polled for the result; dropping it (Cancel) tells the work
//! to stop at its next check and throws its result away.
//!
//! The decoder is a parameter ([`Decoder`]), so that tests can stand a slow
//! one in for [`super::import_bytes`].

use super::{ImportError, ImportOptions, Imported, import_bytes, read_article_file};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// What turns a file's bytes into an article: [`import_bytes`], or a
/// stand-in.
pub type Decoder =
    Arc<dyn Fn(&Path, &[u8], &ImportOptions) -> Result<Imported, ImportError> + Send + Sync>;

/// The decoder every import uses.
pub fn standard_decoder() -> Decoder {
    Arc::new(import_bytes)
}

/// Work running on its own thread.
#[derive(Debug)]
pub struct Job<T> {
    receiver: Receiver<T>,
    cancelled: Arc<AtomicBool>,
    started: Instant,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a new thread; `work` is told whether it was cancelled.
    pub fn spawn(work: impl FnOnce(&AtomicBool) -> T + Send + 'static) -> Self {
        let (sender, receiver) = channel();
        let cancelled = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancelled);
        let spawned = std::thread::Builder::new()
            .name("factbench-import".to_owned())
            .spawn(move || {
                let _ = sender.send(work(&flag));
            });
        if let Err(error) = spawned {
            // No thread could be started: the job ends at once, with no
            // result, and polling it says so.
            drop(error);
        }
        Job {
            receiver,
            cancelled,
            started: Instant::now(),
        }
    }
}

impl<T> Job<T> {
    /// The result once the work is done; `Some(None)` when the work ended
    /// without one (its thread panicked or could not start).
    pub fn poll(&self) -> Option<Option<T>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(Some(result)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }

    /// Waits for the result.
    pub fn wait(self) -> Option<T> {
        self.receiver.recv().ok()
    }

    /// How long the work has been running.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

impl<T> Drop for Job<T> {
    fn drop(&mut self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }
}

/// A file read and decoded: its bytes (kept to decode again in another
/// encoding) and the article, or why there is none.
#[derive(Debug)]
pub struct FileDecoded {
    pub bytes: Result<Arc<Vec<u8>>, String>,
    pub result: Result<Imported, String>,
}

/// Reads `path` (unless its `bytes` are given) and decodes it with
/// `decoder`, on a worker thread.
pub fn decode_file(
    path: PathBuf,
    bytes: Option<Arc<Vec<u8>>>,
    options: ImportOptions,
    decoder: Decoder,
) -> Job<FileDecoded> {
    Job::spawn(move |cancelled| {
        let bytes = match bytes {
            Some(bytes) => Ok(bytes),
            None => read_article_file(&path)
                .map(Arc::new)
                .map_err(|e| e.to_string()),
        };
        let result = match &bytes {
            _ if cancelled.load(Ordering::Relaxed) => Err("Cancelled.".to_owned()),
            Ok(bytes) => decoder(&path, bytes, &options).map_err(|e| e.to_string()),
            Err(message) => Err(message.clone()),
        };
        FileDecoded { bytes, result }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn a_job_is_polled_until_its_result_comes() {
        let (release, gate) = channel::<()>();
        let gate = Mutex::new(gate);
        let job = Job::spawn(move |_| {
            gate.lock().unwrap().recv().unwrap();
            42
        });
        assert_eq!(job.poll(), None, "still waiting for the gate");
        release.send(()).unwrap();
        assert_eq!(job.wait(), Some(42));
    }

    #[test]
    fn a_dropped_job_is_told_it_was_cancelled() {
        let (release, gate) = channel::<()>();
        let (report, seen) = channel::<bool>();
        let job = Job::spawn(move |cancelled| {
            gate.recv().unwrap();
            report.send(cancelled.load(Ordering::Relaxed)).unwrap();
        });
        drop(job);
        release.send(()).unwrap();
        assert!(seen.recv().unwrap());
    }

    #[test]
    fn a_file_is_read_and_decoded_on_the_worker() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Title\n\nBody text.").unwrap();
        let job = decode_file(path, None, ImportOptions::default(), standard_decoder());
        let decoded = job.wait().unwrap();
        assert_eq!(decoded.bytes.unwrap().len(), 17);
        assert_eq!(decoded.result.unwrap().article.text, "Body text.");
    }
}
