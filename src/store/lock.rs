//! The one workspace lock every writer takes: the window for as long as it
//! has the workspace open, each command (`import`, `update`, `merge`, …)
//! for its read–change–save.
//!
//! The lock is an exclusive OS file lock (`flock` on Unix) on
//! `.NAME.ron.lock` beside the workspace's real file: the path is resolved
//! first (symlinks followed, the folder made canonical), so two names of one
//! file share one lock. Taking it is one atomic system call, and the system
//! drops it when its process ends, however it ends: a crashed holder leaves
//! no lock to take over, so there is no stale-lock race. The file's text
//! only names the holder (process, host, window or command) for messages.
//!
//! Releasing removes the file while still holding it; whoever was waiting
//! on the removed file notices that the path no longer names it and tries
//! again on the new one.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a command waits for another command to finish with the file.
pub const COMMAND_WAIT: Duration = Duration::from_secs(5);

/// Time between two tries while waiting.
const RETRY_EVERY: Duration = Duration::from_millis(25);

/// A held lock; released (and its file removed) when dropped.
#[derive(Debug)]
pub struct WorkspaceLock {
    path: PathBuf,
    workspace: PathBuf,
    file: File,
}

/// What holds, or asks for, the lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// A Factbench window with the workspace open.
    Window,
    /// A command-line writer, by its subcommand's name (`import`, `mark`, …).
    Command(String),
}

/// Who holds a workspace's lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    /// `None` while the holder has not yet written its name (it has only
    /// just taken the lock), or for a lock file of an older Factbench.
    pub role: Option<Role>,
}

/// What trying to lock a workspace found.
#[derive(Debug)]
pub enum LockOutcome {
    /// Ours now. `replaced_stale` is always `None`: a holder that crashed
    /// lost its lock with its process (kept for the window's messages).
    Acquired {
        lock: WorkspaceLock,
        replaced_stale: Option<Holder>,
    },
    /// Another holder has it.
    HeldBy(Holder),
}

/// Why a command could not take a workspace's lock.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "{path}: is open in a Factbench window ({holder}); close it there, or make the change in the window, so that neither overwrites the other"
    )]
    OpenInWindow { path: PathBuf, holder: Holder },
    #[error(
        "{path}: still being changed by {holder} after {waited} s of waiting; try again when it has finished"
    )]
    Busy {
        path: PathBuf,
        holder: Holder,
        waited: u64,
    },
    #[error("{path}: could not take the workspace lock {lock}: {source}")]
    Io {
        path: PathBuf,
        lock: String,
        source: io::Error,
    },
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.role {
            Some(Role::Window) => write!(f, "a Factbench window")?,
            Some(Role::Command(name)) => write!(f, "`factbench {name}`")?,
            None => write!(f, "another Factbench")?,
        }
        if self.pid != 0 {
            write!(f, ", process {}", self.pid)?;
        }
        if !self.host.is_empty() && self.host != host_name() {
            write!(f, " on {}", self.host)?;
        }
        Ok(())
    }
}

/// The file a workspace path really names: symlinks followed (a dangling
/// link names the file it would create) and the folder made canonical, so
/// every name of one file gives the same path.
pub fn real_path(workspace: &Path) -> PathBuf {
    let target = follow_links(workspace);
    let Some(name) = target.file_name() else {
        return target;
    };
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match fs::canonicalize(folder) {
        Ok(folder) => folder.join(name),
        Err(_) => target,
    }
}

/// Follows a chain of symbolic links to the path at its end, which may not
/// exist yet. Stops after 40 links (as the kernel does) at the last one.
pub fn follow_links(path: &Path) -> PathBuf {
    let mut current = path.to_owned();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => match fs::read_link(&current) {
                Ok(target) if target.is_absolute() => current = target,
                Ok(target) => {
                    let folder = current.parent().unwrap_or(Path::new("."));
                    current = folder.join(target);
                }
                Err(_) => break,
            },
            _ => break,
        }
    }
    current
}

/// `dir/NAME.ron` → `realdir/.NAME.ron.lock`, beside the file `dir/NAME.ron`
/// really is.
pub fn lock_path(workspace: &Path) -> PathBuf {
    let real = real_path(workspace);
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    real.with_file_name(format!(".{name}.lock"))
}

/// Tries once to lock `workspace` for `role`.
pub fn try_lock(workspace: &Path, role: Role) -> io::Result<LockOutcome> {
    let path = lock_path(workspace);
    loop {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Ok(LockOutcome::HeldBy(read_holder(&mut file)));
            }
            Err(TryLockError::Error(e)) => return Err(e),
        }
        // The holder we waited on may have removed the file as it let go:
        // then this lock is on a file nobody else will open. Try again.
        if !still_named_by(&file, &path) {
            continue;
        }
        write_holder(&mut file, &role)?;
        return Ok(LockOutcome::Acquired {
            lock: WorkspaceLock {
                path,
                workspace: workspace.to_owned(),
                file,
            },
            replaced_stale: None,
        });
    }
}

/// Locks `workspace` for a window (one try; see [`try_lock`]).
pub fn lock(workspace: &Path) -> io::Result<LockOutcome> {
    try_lock(workspace, Role::Window)
}

/// Locks `workspace` for the command `name`: waits up to `wait` while
/// another command holds it, refuses at once while a window does.
pub fn lock_for_command(
    workspace: &Path,
    name: &str,
    wait: Duration,
) -> Result<WorkspaceLock, LockError> {
    let started = Instant::now();
    loop {
        let outcome = try_lock(workspace, Role::Command(name.to_owned())).map_err(|source| {
            LockError::Io {
                path: workspace.to_owned(),
                lock: lock_path(workspace).display().to_string(),
                source,
            }
        })?;
        let holder = match outcome {
            LockOutcome::Acquired { lock, .. } => return Ok(lock),
            LockOutcome::HeldBy(holder) => holder,
        };
        if holder.role == Some(Role::Window) {
            return Err(LockError::OpenInWindow {
                path: workspace.to_owned(),
                holder,
            });
        }
        if started.elapsed() >= wait {
            return Err(LockError::Busy {
                path: workspace.to_owned(),
                holder,
                waited: wait.as_secs(),
            });
        }
        std::thread::sleep(RETRY_EVERY);
    }
}

impl WorkspaceLock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this lock is the one for `workspace` (any name of its file).
    pub fn covers(&self, workspace: &Path) -> bool {
        lock_path(workspace) == self.path
    }

    /// The workspace path the lock was taken for.
    pub fn workspace(&self) -> &Path {
        &self.workspace
    }
}

impl Drop for WorkspaceLock {
    fn drop(&mut self) {
        // Removed while still held: see the module's doc. The lock itself
        // goes when `file` closes, right after.
        if still_named_by(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

fn write_holder(file: &mut File, role: &Role) -> io::Result<()> {
    let role = match role {
        Role::Window => "window".to_owned(),
        Role::Command(name) => format!("command {name}"),
    };
    let text = format!("{}\n{}\n{role}\n", std::process::id(), host_name());
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(text.as_bytes())?;
    file.flush()
}

/// The holder named in a lock file (unknown parts left empty: it may be
/// being written this very moment).
fn read_holder(file: &mut File) -> Holder {
    let mut text = String::new();
    let _ = file.seek(SeekFrom::Start(0));
    let _ = file.take(4096).read_to_string(&mut text);
    let mut lines = text.lines();
    let pid = lines
        .next()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0);
    let host = lines.next().unwrap_or_default().trim().to_owned();
    let role = match lines.next().map(str::trim) {
        Some("window") => Some(Role::Window),
        Some(other) => other
            .strip_prefix("command ")
            .map(|name| Role::Command(name.to_owned())),
        None => None,
    };
    Holder { pid, host, role }
}

/// Whether `path` still names the open `file` (the same inode).
#[cfg(unix)]
fn still_named_by(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_named_by(_file: &File, path: &Path) -> bool {
    path.exists()
}

pub(crate) fn host_name() -> String {
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

    fn acquired(outcome: LockOutcome) -> WorkspaceLock {
        match outcome {
            LockOutcome::Acquired { lock, .. } => lock,
            LockOutcome::HeldBy(holder) => panic!("held by {holder}"),
        }
    }

    #[test]
    fn the_lock_file_names_this_process_and_goes_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace_in(&dir);
        let lock = acquired(lock(&ws).unwrap());
        let real_dir = fs::canonicalize(dir.path()).unwrap();
        assert_eq!(lock.path(), real_dir.join(".Москва desk.ron.lock"));
        let text = fs::read_to_string(lock.path()).unwrap();
        assert_eq!(
            text,
            format!("{}\n{}\nwindow\n", std::process::id(), host_name())
        );
        drop(lock);
        assert!(!lock_path(&ws).exists());
    }

    #[test]
    fn a_second_holder_is_refused_and_told_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace_in(&dir);
        let _held = acquired(try_lock(&ws, Role::Command("import".into())).unwrap());
        match try_lock(&ws, Role::Window).unwrap() {
            LockOutcome::HeldBy(holder) => {
                assert_eq!(holder.pid, std::process::id());
                assert_eq!(holder.role, Some(Role::Command("import".into())));
                assert_eq!(
                    holder.to_string(),
                    format!("`factbench import`, process {}", std::process::id())
                );
            }
            LockOutcome::Acquired { .. } => panic!("two holders at once"),
        }
    }

    #[test]
    fn a_command_is_refused_at_once_while_a_window_holds_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace_in(&dir);
        let _window = acquired(lock(&ws).unwrap());
        let started = Instant::now();
        let error = lock_for_command(&ws, "mark", COMMAND_WAIT).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(1));
        assert!(matches!(error, LockError::OpenInWindow { .. }), "{error}");
        assert!(error.to_string().contains("open in a Factbench window"));
    }

    #[test]
    fn a_command_waits_for_another_command_then_gives_up_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace_in(&dir);
        let held = acquired(try_lock(&ws, Role::Command("update".into())).unwrap());
        let error = lock_for_command(&ws, "import", Duration::from_millis(100)).unwrap_err();
        assert!(error.to_string().contains("`factbench update`"), "{error}");
        drop(held);
        let lock = lock_for_command(&ws, "import", Duration::from_millis(100)).unwrap();
        assert!(lock.covers(&ws));
    }

    #[test]
    fn a_lock_left_by_a_crashed_process_is_free() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace_in(&dir);
        // The file a crashed holder left (and an older Factbench's format).
        fs::write(lock_path(&ws), format!("99999999\n{}\n", host_name())).unwrap();
        let lock = acquired(lock(&ws).unwrap());
        assert!(
            fs::read_to_string(lock.path())
                .unwrap()
                .starts_with(&format!("{}\n", std::process::id()))
        );
    }

    #[cfg(unix)]
    #[test]
    fn every_name_of_one_file_shares_one_lock() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        fs::write(&real, "x").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let dangling = dir.path().join("dangling.ron");
        std::os::unix::fs::symlink("future.ron", &dangling).unwrap();
        assert_eq!(lock_path(&link), lock_path(&real));
        assert_eq!(
            real_path(&dangling),
            fs::canonicalize(dir.path()).unwrap().join("future.ron")
        );
        let _held = acquired(lock(&real).unwrap());
        assert!(matches!(
            try_lock(&link, Role::Window).unwrap(),
            LockOutcome::HeldBy(_)
        ));
    }
}
