//! Opening a written file (a report, its folder) in another program,
//! off the window's thread, and hearing when that failed.
//!
//! Starting `xdg-open` succeeds even when it then finds no browser, so a
//! detached start says nothing about whether the report opened. The
//! [`Opener`] waits for the opening command on a thread of its own and
//! hands back, on the next frame, what could not be opened and why.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

/// How a file is opened: the platform's way by default (`open::that`,
/// which tries `xdg-open`, `gio`, … in turn and waits for their answer).
pub type Launcher = std::sync::Arc<dyn Fn(&Path) -> std::io::Result<()> + Send + Sync>;

/// A file that could not be opened, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenFailure {
    pub path: PathBuf,
    pub reason: String,
}

/// Opens files on worker threads and collects the failures.
pub struct Opener {
    launcher: Launcher,
    failures: Receiver<OpenFailure>,
    sender: Sender<OpenFailure>,
}

impl Default for Opener {
    fn default() -> Self {
        Opener::with_launcher(std::sync::Arc::new(|path: &Path| open::that(path)))
    }
}

impl Opener {
    /// An opener that opens files with `launcher`.
    pub fn with_launcher(launcher: Launcher) -> Self {
        let (sender, failures) = channel();
        Opener {
            launcher,
            failures,
            sender,
        }
    }

    /// Opens `path` on a worker; `wake` is called when it failed (the
    /// window then repaints and takes the failure).
    pub fn open(&self, path: &Path, wake: impl FnOnce() + Send + 'static) {
        let launcher = self.launcher.clone();
        let sender = self.sender.clone();
        let path = path.to_owned();
        let started = std::thread::Builder::new()
            .name("factbench-open".into())
            .spawn(move || {
                if let Err(e) = launcher(&path) {
                    let _ = sender.send(OpenFailure {
                        path,
                        reason: e.to_string(),
                    });
                    wake();
                }
            });
        if let Err(e) = started {
            let _ = self.sender.send(OpenFailure {
                path: PathBuf::new(),
                reason: format!("no thread could be started to open it: {e}"),
            });
        }
    }

    /// The failures heard since the last call.
    pub fn failures(&self) -> Vec<OpenFailure> {
        self.failures.try_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    fn wait_for_failures(opener: &Opener) -> Vec<OpenFailure> {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let failures = opener.failures();
            if !failures.is_empty() || Instant::now() > deadline {
                return failures;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn a_launcher_that_finds_no_program_is_heard_with_its_reason() {
        let opener = Opener::with_launcher(Arc::new(|_: &Path| {
            Err(std::io::Error::other("xdg-open exited with 3"))
        }));
        let (woke_tx, woke_rx) = channel();
        opener.open(Path::new("/tmp/report.html"), move || {
            let _ = woke_tx.send(());
        });
        let failures = wait_for_failures(&opener);
        assert_eq!(
            failures,
            vec![OpenFailure {
                path: PathBuf::from("/tmp/report.html"),
                reason: "xdg-open exited with 3".into()
            }]
        );
        assert!(woke_rx.recv_timeout(Duration::from_secs(1)).is_ok());
    }

    #[test]
    fn an_opened_file_is_no_failure() {
        let opened = Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = opened.clone();
        let opener = Opener::with_launcher(Arc::new(move |path: &Path| {
            seen.lock().unwrap().push(path.to_owned());
            Ok(())
        }));
        opener.open(Path::new("/tmp/a.html"), || {});
        let deadline = Instant::now() + Duration::from_secs(5);
        while opened.lock().unwrap().is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(*opened.lock().unwrap(), vec![PathBuf::from("/tmp/a.html")]);
        assert!(opener.failures().is_empty());
    }
}
