//! Reading and writing workspace files: versioned RON, migrations from
//! older versions, atomic saves with a `.bak`, and load errors that name
//! the file, the line and column, and what was wrong.

mod atomic;
mod disk;
mod error;
mod format;
mod lock;
mod migrate;
pub mod recovery;
pub mod snapshots;
mod write;

pub use atomic::{backup_path, replace_atomically, write_atomically, write_new};
pub use disk::{DiskChange, DiskState};
pub use error::{LoadError, SaveError};
pub use format::{RECURSION_LIMIT, to_ron};
pub use lock::{
    COMMAND_WAIT, Holder, LockError, LockOutcome, Role, WorkspaceLock, follow_links, lock,
    lock_for_command, lock_path, real_path, try_lock,
};
pub use write::{Change, Expect, OpenError, lock_for_writing, open_for_change, save_locked};

use crate::model::{FORMAT_VERSION, Problem, Workspace};
use crate::read_limited::{ReadFailure, read_limited_counting};
use std::io;
use std::path::Path;
use std::sync::atomic::AtomicU64;

/// Largest workspace file Factbench opens (a 10 MB workspace is already large).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// A workspace read from a file, with whatever is wrong inside it.
#[derive(Debug)]
pub struct Loaded {
    pub workspace: Workspace,
    /// Broken invariants; the workspace loads anyway so nothing is lost.
    pub problems: Vec<Problem>,
    /// The older format version the file was migrated from, if any.
    pub migrated_from: Option<u32>,
    /// The file as it was read, to notice later changes by others.
    pub disk: Option<DiskState>,
}

/// Opens a workspace file.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    load_with_text(path).map(|(loaded, _)| loaded)
}

/// Like [`load`], counting the bytes read so far into `read` (for a
/// progress bar while a large file opens on another thread).
pub fn load_counting(path: &Path, read: &AtomicU64) -> Result<Loaded, LoadError> {
    let bytes = read_file_counting(path, read)?;
    load_bytes(path, bytes).map(|(loaded, _)| loaded)
}

/// Reads a workspace file without checking its problems (for `factbench
/// merge`, which only passes the items through).
pub fn read_workspace(path: &Path) -> Result<Workspace, LoadError> {
    let text = decode(path, read_file(path)?)?;
    parse_unchecked(&text, path).map(|(workspace, _)| workspace)
}

/// Like [`load`], also giving the file's text (for readers of its comments).
fn load_with_text(path: &Path) -> Result<(Loaded, String), LoadError> {
    load_bytes(path, read_file(path)?)
}

fn load_bytes(path: &Path, bytes: Vec<u8>) -> Result<(Loaded, String), LoadError> {
    let disk = DiskState::of_bytes(path, &bytes);
    let text = decode(path, bytes)?;
    let mut loaded = parse(&text, path)?;
    loaded.disk = Some(disk);
    Ok((loaded, text))
}

/// Parses the text of a workspace file; `path` is only used in messages.
pub fn parse(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    let (workspace, migrated_from) = parse_unchecked(text, path)?;
    let problems = workspace.problems();
    Ok(Loaded {
        workspace,
        problems,
        migrated_from,
        disk: None,
    })
}

/// The workspace a file's text holds, and the older version it was
/// migrated from, if any.
fn parse_unchecked(text: &str, path: &Path) -> Result<(Workspace, Option<u32>), LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    parse_any_version(text, path).map_err(|error| blame_conflict_markers(error, text, path))
}

/// The workspace in `text`, of this format version or an older one.
fn parse_any_version(text: &str, path: &Path) -> Result<(Workspace, Option<u32>), LoadError> {
    let (workspace, migrated_from) = match format::parse::<Workspace>(text, path) {
        Ok(ws) if ws.format_version == FORMAT_VERSION => (ws, None),
        Ok(ws) => read_other_version(ws.format_version, text, path)?,
        Err(error) => match migrate::declared_version(text, path) {
            Some(version) if version != FORMAT_VERSION => read_other_version(version, text, path)?,
            _ => return Err(error),
        },
    };
    Ok((workspace, migrated_from))
}

/// A syntax error in a file holding git conflict markers is told as
/// those markers, which are its cause. Only a file that does not parse is
/// looked at: a text quoting a conflict block (which older versions wrote
/// at the start of lines) is no reason to refuse a file.
fn blame_conflict_markers(error: LoadError, text: &str, path: &Path) -> LoadError {
    match (&error, conflict_marker_line(text)) {
        (LoadError::Syntax { .. }, Some(line)) => LoadError::ConflictMarkers {
            path: path.to_owned(),
            line,
        },
        _ => error,
    }
}

/// The first line (from 1) that starts with a git conflict marker, if any:
/// a `<<<<<<< `, `=======`, `>>>>>>> ` run of lines is what git leaves.
fn conflict_marker_line(text: &str) -> Option<usize> {
    if !text.contains("<<<<<<< ") || !text.contains(">>>>>>> ") {
        return None;
    }
    let (mut start, mut middle) = (None, false);
    for (n, line) in text.lines().enumerate() {
        if line.starts_with("<<<<<<< ") {
            (start, middle) = (Some(n + 1), false);
        } else if line == "=======" && start.is_some() {
            middle = true;
        } else if line.starts_with(">>>>>>> ") && middle {
            return start;
        }
    }
    None
}

fn read_other_version(
    version: u32,
    text: &str,
    path: &Path,
) -> Result<(Workspace, Option<u32>), LoadError> {
    if version > FORMAT_VERSION {
        return Err(LoadError::NewerVersion {
            path: path.to_owned(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    Ok((migrate::upgrade(version, text, path)?, Some(version)))
}

/// Saves a workspace atomically, keeping the previous file as `NAME.ron.bak`,
/// without the workspace lock or a check of what is on disk: for new files
/// only a test or a tool owns. The window and the commands write through
/// [`save_locked`] and [`open_for_change`].
pub fn save(path: &Path, workspace: &Workspace) -> Result<(), SaveError> {
    save_with_state(path, workspace).map(drop)
}

/// Saves a workspace as a new file, refusing (and leaving it as it is)
/// when a file of that name is there already, even one that appeared
/// while this was written: for imports that must never overwrite.
pub fn save_new(path: &Path, workspace: &Workspace) -> Result<(), SaveError> {
    let text = to_ron(workspace).map_err(|e| SaveError {
        path: path.to_owned(),
        action: "could not write the workspace as RON",
        source: io::Error::other(e),
    })?;
    write_new(path, text.as_bytes())
}

/// Like [`save`], also returning the file's new [`DiskState`], so later
/// changes by others can be noticed without reading the file back.
pub fn save_with_state(path: &Path, workspace: &Workspace) -> Result<DiskState, SaveError> {
    let text = to_ron(workspace).map_err(|e| SaveError {
        path: path.to_owned(),
        action: "could not write the workspace as RON",
        source: io::Error::other(e),
    })?;
    write_atomically(path, text.as_bytes())?;
    Ok(DiskState::of_bytes(path, text.as_bytes()))
}

fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_file_counting(path, &AtomicU64::new(0))
}

fn read_file_counting(path: &Path, read: &AtomicU64) -> Result<Vec<u8>, LoadError> {
    let path_buf = path.to_owned();
    read_limited_counting(path, MAX_FILE_BYTES, read).map_err(|failure| match failure {
        ReadFailure::NotFound => LoadError::NotFound { path: path_buf },
        ReadFailure::IsDirectory => LoadError::IsDirectory { path: path_buf },
        ReadFailure::NotRegular { kind } => LoadError::Io {
            path: path_buf,
            source: io::Error::other(ReadFailure::not_regular_message(kind)),
        },
        ReadFailure::TooLarge { size } => too_large(path, size),
        ReadFailure::Io(source) => LoadError::Io {
            path: path_buf,
            source,
        },
    })
}

fn too_large(path: &Path, size: u64) -> LoadError {
    LoadError::TooLarge {
        path: path.to_owned(),
        size,
        limit: MAX_FILE_BYTES,
    }
}

fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        let column = valid
            .rsplit('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .count()
            + 1;
        LoadError::NotUtf8 {
            path: path.to_owned(),
            line,
            column,
            offset,
            byte: bytes[offset],
        }
    })
}
