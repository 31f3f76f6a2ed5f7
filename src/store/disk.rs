//! What a workspace file looked like on disk when it was loaded or saved
//! (size, modification time, content hash), to notice when someone else —
//! a colleague's `git pull`, a sync client, another Factbench — changed it.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::Hasher;
use std::io;
use std::path::Path;
use std::time::SystemTime;

/// A file's identity at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskState {
    pub size: u64,
    pub modified: Option<SystemTime>,
    /// A 64-bit SipHash of the contents: enough to tell a real change from a
    /// touched timestamp.
    pub hash: u64,
}

/// How the file on disk compares with what was last loaded or saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChange {
    Unchanged,
    Modified,
    Deleted,
}

impl DiskState {
    /// The state of `bytes` just read from or written to `path`.
    pub fn of_bytes(path: &Path, bytes: &[u8]) -> Self {
        DiskState {
            size: bytes.len() as u64,
            modified: fs::metadata(path).and_then(|m| m.modified()).ok(),
            hash: hash(bytes),
        }
    }

    /// Reads the file at `path` now.
    pub fn read(path: &Path) -> io::Result<Self> {
        let bytes = fs::read(path)?;
        Ok(Self::of_bytes(path, &bytes))
    }

    /// Whether the file at `path` still is what this state recorded. Size and
    /// time decide quickly; when only the time moved, the contents decide.
    pub fn compare_with_disk(&self, path: &Path) -> io::Result<DiskChange> {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DiskChange::Deleted),
            Err(e) => return Err(e),
        };
        if meta.len() != self.size {
            return Ok(DiskChange::Modified);
        }
        if meta.modified().ok() == self.modified {
            return Ok(DiskChange::Unchanged);
        }
        let now = Self::read(path)?;
        Ok(if now.hash == self.hash {
            DiskChange::Unchanged
        } else {
            DiskChange::Modified
        })
    }
}

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}
