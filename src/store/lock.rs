//! Telling a second window or process that a workspace is already open: a
//! lock file `.NAME.ron.lock` beside the workspace holds the process id and
//! host of whoever opened it. A lock whose process is gone (it crashed) is
//! stale and taken over. The lock only warns — the file stays writable.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A held lock; the lock file goes when it is dropped.
#[derive(Debug)]
pub struct WorkspaceLock {
    path: PathBuf,
}

/// Who else has the workspace open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
}

/// What trying to lock a workspace found.
#[derive(Debug)]
pub enum LockOutcome {
    /// Ours now; `replaced_stale` names a crashed holder whose lock was left.
    Acquired {
        lock: WorkspaceLock,
        replaced_stale: Option<Holder>,
    },
    /// Another live process has it open.
    HeldBy(Holder),
}

/// `dir/NAME.ron` → `dir/.NAME.ron.lock`.
pub fn lock_path(workspace: &Path) -> PathBuf {
    let name = workspace
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    workspace.with_file_name(format!(".{name}.lock"))
}

/// Locks `workspace` for this process.
pub fn lock(workspace: &Path) -> io::Result<LockOutcome> {
    let path = lock_path(workspace);
    let me = Holder {
        pid: std::process::id(),
        host: host_name(),
    };
    match create(&path, &me) {
        Ok(()) => {
            return Ok(LockOutcome::Acquired {
                lock: WorkspaceLock { path },
                replaced_stale: None,
            });
        }
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
        Err(_) => {}
    }
    let holder = read_holder(&path);
    match holder {
        Some(h) if h == me => Ok(LockOutcome::Acquired {
            lock: WorkspaceLock { path },
            replaced_stale: None,
        }),
        Some(h) if is_alive(&h) => Ok(LockOutcome::HeldBy(h)),
        stale => {
            fs::remove_file(&path)?;
            create(&path, &me)?;
            Ok(LockOutcome::Acquired {
                lock: WorkspaceLock { path },
                replaced_stale: stale,
            })
        }
    }
}

impl WorkspaceLock {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for WorkspaceLock {
    fn drop(&mut self) {
        if read_holder(&self.path).is_some_and(|h| h.pid == std::process::id()) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

fn create(path: &Path, me: &Holder) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    writeln!(file, "{}\n{}", me.pid, me.host)
}

fn read_holder(path: &Path) -> Option<Holder> {
    let text = fs::read_to_string(path).ok()?;
    let mut lines = text.lines();
    let pid = lines.next()?.trim().parse().ok()?;
    let host = lines.next().unwrap_or_default().trim().to_owned();
    Some(Holder { pid, host })
}

/// Whether the holder's process still runs. A process on another host
/// cannot be asked, so it counts as running.
fn is_alive(holder: &Holder) -> bool {
    if holder.host != host_name() {
        return true;
    }
    process_exists(holder.pid)
}

#[cfg(target_os = "linux")]
fn process_exists(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(not(target_os = "linux"))]
fn process_exists(_pid: u32) -> bool {
    true
}

fn host_name() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace_in(dir: &tempfile::TempDir) -> PathBuf {
        dir.path().join("Москва desk.ron")
    }

    #[test]
    fn the_lock_file_names_this_process_and_goes_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace_in(&dir);
        let LockOutcome::Acquired {
            lock,
            replaced_stale,
        } = lock(&ws).unwrap()
        else {
            panic!("a fresh workspace is free");
        };
        assert_eq!(replaced_stale, None);
        assert_eq!(lock.path(), dir.path().join(".Москва desk.ron.lock"));
        let text = fs::read_to_string(lock.path()).unwrap();
        assert!(text.starts_with(&format!("{}\n", std::process::id())));
        drop(lock);
        assert!(!lock_path(&ws).exists());
    }

    #[test]
    fn a_live_holder_is_reported_with_its_pid() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace_in(&dir);
        // PID 1 always runs.
        fs::write(lock_path(&ws), format!("1\n{}\n", host_name())).unwrap();
        match lock(&ws).unwrap() {
            LockOutcome::HeldBy(holder) => assert_eq!(holder.pid, 1),
            other => panic!("{other:?}"),
        }
        assert!(lock_path(&ws).exists(), "someone else's lock is left alone");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_stale_lock_of_a_gone_process_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace_in(&dir);
        // Above Linux's largest pid (2^22), so no such process.
        fs::write(lock_path(&ws), format!("99999999\n{}\n", host_name())).unwrap();
        match lock(&ws).unwrap() {
            LockOutcome::Acquired {
                replaced_stale,
                lock,
            } => {
                assert_eq!(replaced_stale.map(|h| h.pid), Some(99_999_999));
                assert!(
                    fs::read_to_string(lock.path())
                        .unwrap()
                        .starts_with(&std::process::id().to_string())
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_garbled_lock_file_counts_as_stale() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace_in(&dir);
        fs::write(lock_path(&ws), "не число").unwrap();
        assert!(matches!(
            lock(&ws).unwrap(),
            LockOutcome::Acquired {
                replaced_stale: None,
                ..
            }
        ));
    }
}
