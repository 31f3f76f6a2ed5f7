//! The one way a workspace file is written, by the window and by every
//! command alike: under the workspace's lock ([`super::lock`]), only when
//! the file on disk is still what the writer read, never larger than
//! Factbench can open again, atomically with a `.bak`, and sweeping away
//! temporary files an earlier, killed save left behind.
//!
//! A command opens the file with [`open_for_change`], changes the workspace
//! through `edit::Document`, and calls [`Change::save`]. The window holds
//! its lock for as long as the file is open and calls [`save_locked`].

use super::lock::{self, COMMAND_WAIT, LockError, WorkspaceLock};
use super::{DiskChange, DiskState, LoadError, Loaded, MAX_FILE_BYTES, SaveError, to_ron};
use crate::model::Workspace;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What the writer expects to find on disk just before it replaces the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// No file: the writer is creating it.
    Absent,
    /// The file as the writer read (or last wrote) it.
    Unchanged(DiskState),
    /// Whatever is there: the person chose to overwrite it.
    Anything,
}

/// Why a command could not open a workspace for a change.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(transparent)]
    Load(#[from] LoadError),
}

/// A workspace file a command has locked and read, ready to be saved once
/// changed. The lock goes when this is dropped.
#[derive(Debug)]
pub struct Change {
    lock: WorkspaceLock,
    path: PathBuf,
    expect: Expect,
}

/// Locks `path` for the command `command` (waiting up to [`COMMAND_WAIT`]
/// for another command; refused at once while a window has it open), then
/// reads it. `Ok((change, None))` when there is no such file yet.
pub fn open_for_change(path: &Path, command: &str) -> Result<(Change, Option<Loaded>), OpenError> {
    let lock = lock::lock_for_command(path, command, COMMAND_WAIT)?;
    match super::load(path) {
        Ok(loaded) => {
            let expect = loaded.disk.map_or(Expect::Anything, Expect::Unchanged);
            let change = Change {
                lock,
                path: path.to_owned(),
                expect,
            };
            Ok((change, Some(loaded)))
        }
        Err(LoadError::NotFound { .. }) => Ok((
            Change {
                lock,
                path: path.to_owned(),
                expect: Expect::Absent,
            },
            None,
        )),
        Err(error) => Err(error.into()),
    }
}

/// Locks `path` for a command that writes it without reading it as a
/// workspace (the merge's output): expects the file as it is now.
pub fn lock_for_writing(path: &Path, command: &str) -> Result<Change, OpenError> {
    let lock = lock::lock_for_command(path, command, COMMAND_WAIT)?;
    let expect = match fs::read(path) {
        Ok(bytes) => Expect::Unchanged(DiskState::of_bytes(path, &bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Expect::Absent,
        Err(source) => {
            return Err(OpenError::Load(LoadError::Io {
                path: path.to_owned(),
                source,
            }));
        }
    };
    Ok(Change {
        lock,
        path: path.to_owned(),
        expect,
    })
}

impl Change {
    /// Saves `workspace` over the file (with a `.bak`), when the file is
    /// still what was read; afterwards, later saves expect what this wrote.
    pub fn save(&mut self, workspace: &Workspace) -> Result<DiskState, SaveError> {
        self.save_with(workspace, super::write_atomically)
    }

    /// Like [`Change::save`], without a `.bak` (git's merge driver writes
    /// into git's own temporary files).
    pub fn save_without_backup(&mut self, workspace: &Workspace) -> Result<DiskState, SaveError> {
        self.save_with(workspace, super::replace_atomically)
    }

    fn save_with(&mut self, workspace: &Workspace, write: Replace) -> Result<DiskState, SaveError> {
        let state = write_checked(&self.path, workspace, self.expect, write)?;
        self.expect = Expect::Unchanged(state);
        Ok(state)
    }

    /// The workspace file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The lock held.
    pub fn lock(&self) -> &WorkspaceLock {
        &self.lock
    }
}

/// Saves `workspace` to `path`, which `lock` must cover, when the file on
/// disk is as `expect` says; keeps the previous file as `NAME.bak`.
pub fn save_locked(
    lock: &WorkspaceLock,
    path: &Path,
    workspace: &Workspace,
    expect: Expect,
) -> Result<DiskState, SaveError> {
    if !lock.covers(path) {
        return Err(save_error(
            path,
            "the workspace lock is for another file",
            format!("locked {}", lock.workspace().display()),
        ));
    }
    write_checked(path, workspace, expect, super::write_atomically)
}

/// How the new bytes replace the file: with a `.bak` or without.
type Replace = fn(&Path, &[u8]) -> Result<(), SaveError>;

/// The one sequence every save follows, under the lock: the RON (refused
/// when too large to open again), the check of what is on disk, the atomic
/// replacement, the sweep of a killed save's temporary files.
fn write_checked(
    path: &Path,
    workspace: &Workspace,
    expect: Expect,
    write: Replace,
) -> Result<DiskState, SaveError> {
    let text = checked_text(path, workspace)?;
    check_expected(path, expect)?;
    write(path, text.as_bytes())?;
    sweep_stale_temporaries(path);
    Ok(DiskState::of_bytes(path, text.as_bytes()))
}

/// The workspace's RON, refused when it would be too large to open again.
fn checked_text(path: &Path, workspace: &Workspace) -> Result<String, SaveError> {
    let text = to_ron(workspace).map_err(|e| SaveError {
        path: path.to_owned(),
        action: "could not write the workspace as RON",
        source: io::Error::other(e),
    })?;
    refuse_too_large(path, text.len() as u64, MAX_FILE_BYTES)?;
    Ok(text)
}

/// A save of `size` bytes is refused when load would refuse the file.
fn refuse_too_large(path: &Path, size: u64, limit: u64) -> Result<(), SaveError> {
    if size <= limit {
        return Ok(());
    }
    Err(save_error(
        path,
        "the workspace would be too large to open again",
        format!(
            "it would take {} MB, and Factbench opens workspace files of up to {} MB; take something out (in the window: undo the last change) or split the articles into several workspaces",
            size.div_ceil(1 << 20),
            limit >> 20
        ),
    ))
}

/// Refuses when the file on disk is no longer what the writer read.
fn check_expected(path: &Path, expect: Expect) -> Result<(), SaveError> {
    let changed = |what: &str| {
        save_error(
            path,
            "the file changed on disk since it was read",
            format!("{what}; read it again and redo the change"),
        )
    };
    match expect {
        Expect::Anything => Ok(()),
        Expect::Absent => match fs::symlink_metadata(lock::follow_links(path)) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(SaveError {
                path: path.to_owned(),
                action: "could not look at the existing file",
                source,
            }),
            Ok(_) => Err(changed("another program created it meanwhile")),
        },
        Expect::Unchanged(state) => match state.compare_with_disk(path) {
            Ok(DiskChange::Unchanged) => Ok(()),
            Ok(DiskChange::Modified) => Err(changed("another program wrote it meanwhile")),
            Ok(DiskChange::Deleted) => Err(changed("another program deleted it meanwhile")),
            Err(source) => Err(SaveError {
                path: path.to_owned(),
                action: "could not look at the file on disk",
                source,
            }),
        },
    }
}

fn save_error(path: &Path, action: &'static str, detail: String) -> SaveError {
    SaveError {
        path: path.to_owned(),
        action,
        source: io::Error::other(detail),
    }
}

/// Removes the temporary files of a save (or of its `.bak`) that a killed
/// Factbench left beside the workspace: `.NAME.ron.XXXXXX.tmp` and
/// `.NAME.ron.bak.XXXXXX.tmp`. Only called under the workspace's lock, so
/// no other writer of this workspace is using one.
pub fn sweep_stale_temporaries(path: &Path) {
    let real = lock::real_path(path);
    let (Some(folder), Some(name)) = (real.parent(), real.file_name()) else {
        return;
    };
    let name = name.to_string_lossy();
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if is_our_temporary(&file_name, &name) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether `file_name` is one of the temporary names Factbench's atomic
/// save gives for the workspace `name` (a 6-character random part).
fn is_our_temporary(file_name: &str, name: &str) -> bool {
    let Some(rest) = file_name
        .strip_prefix('.')
        .and_then(|r| r.strip_prefix(name))
        .and_then(|r| r.strip_prefix('.'))
        .and_then(|r| r.strip_suffix(".tmp"))
    else {
        return false;
    };
    let random = rest.strip_prefix("bak.").unwrap_or(rest);
    random.len() == 6 && random.chars().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_workspace;

    #[test]
    fn temporaries_of_this_workspace_only_are_recognised() {
        assert!(is_our_temporary(".desk.ron.a1B2c3.tmp", "desk.ron"));
        assert!(is_our_temporary(".desk.ron.bak.a1B2c3.tmp", "desk.ron"));
        assert!(!is_our_temporary(".desk.ron.lock", "desk.ron"));
        assert!(!is_our_temporary(".other.ron.a1B2c3.tmp", "desk.ron"));
        assert!(!is_our_temporary(".desk.ron.notes.tmp", "desk.ron"));
        assert!(!is_our_temporary("desk.ron.a1B2c3.tmp", "desk.ron"));
    }

    #[test]
    fn a_save_refuses_when_someone_else_wrote_the_file_since_it_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Киев desk.ron");
        super::super::save(&path, &sample_workspace()).unwrap();
        let (mut change, loaded) = open_for_change(&path, "test").unwrap();
        let mut ws = loaded.unwrap().workspace;
        // Another program (not Factbench: no lock) writes meanwhile.
        let mut theirs = ws.clone();
        theirs.title = "их версия".into();
        fs::write(&path, to_ron(&theirs).unwrap()).unwrap();
        ws.title = "наша версия".into();
        let error = change.save(&ws).unwrap_err();
        assert!(error.to_string().contains("changed on disk"), "{error}");
        let on_disk = super::super::load(&path).unwrap().workspace;
        assert_eq!(on_disk.title, "их версия", "their work is kept");
    }

    #[test]
    fn a_save_to_a_new_file_refuses_when_someone_created_it_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.ron");
        let (mut change, loaded) = open_for_change(&path, "test").unwrap();
        assert!(loaded.is_none());
        fs::write(&path, "someone's file").unwrap();
        assert!(change.save(&sample_workspace()).is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "someone's file");
    }

    #[test]
    fn saving_twice_expects_what_the_first_save_wrote_and_sweeps_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.ron");
        let left = dir.path().join(".desk.ron.Zx81aB.tmp");
        fs::write(&left, "half a save").unwrap();
        let (mut change, _) = open_for_change(&path, "test").unwrap();
        let mut ws = sample_workspace();
        change.save(&ws).unwrap();
        assert!(!left.exists(), "a killed save's temporary file is removed");
        ws.title = "second".into();
        change.save(&ws).unwrap();
        assert_eq!(super::super::load(&path).unwrap().workspace.title, "second");
    }

    #[test]
    fn a_workspace_too_large_to_open_again_is_refused_before_writing() {
        let path = Path::new("big.ron");
        let limit = 4 << 20;
        assert!(refuse_too_large(path, limit, limit).is_ok());
        let error = refuse_too_large(path, limit + 1, limit).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("too large to open again"), "{message}");
        assert!(
            message.contains("5 MB") && message.contains("up to 4 MB"),
            "{message}"
        );
    }
}
