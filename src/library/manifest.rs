//! The list of indexed workspace files with their fingerprints (size,
//! modification time, content hash), kept beside the index as JSON so a
//! refresh reads only the files that changed.

use crate::store::{DiskChange, DiskState};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Bumped whenever analysis or the schema changes: an index made by
/// another version is rebuilt.
pub const ANALYSIS_VERSION: u32 = 4;

const FILE_NAME: &str = "manifest.json";

/// Every indexed workspace and how it looked when indexed.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub files: BTreeMap<PathBuf, Fingerprint>,
    /// `.ron` entries that are not regular files (a FIFO, a device, a link
    /// to one), left out and remembered so that they are neither opened nor
    /// reported again while they stay as they are.
    #[serde(default)]
    pub not_regular: BTreeMap<PathBuf, NotRegular>,
}

/// How a `.ron` entry that is not a regular file looked when it was left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotRegular {
    /// What it is ("a FIFO", "a device", …), following links.
    pub kind: String,
    /// The entry's own modification time (the link's, for a link), in
    /// nanoseconds since the Unix epoch.
    pub modified: Option<u64>,
}

/// A [`DiskState`] in a form that can be written down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    pub size: u64,
    /// Nanoseconds since the Unix epoch.
    pub modified: Option<u64>,
    pub hash: u64,
    /// How many claims of the file the index holds (0 in manifests written
    /// before this was counted: the index is then checked and rebuilt once).
    #[serde(default)]
    pub claims: u64,
}

/// Nanoseconds since the Unix epoch, when the time is after it.
pub fn nanos_since_epoch(time: SystemTime) -> Option<u64> {
    time.duration_since(SystemTime::UNIX_EPOCH)
        .ok()
        .map(|d| d.as_nanos() as u64)
}

impl Fingerprint {
    pub fn of(state: DiskState, claims: u64) -> Self {
        Fingerprint {
            size: state.size,
            modified: state.modified.and_then(nanos_since_epoch),
            hash: state.hash,
            claims,
        }
    }

    fn state(self) -> DiskState {
        DiskState {
            size: self.size,
            modified: self
                .modified
                .map(|n| SystemTime::UNIX_EPOCH + Duration::from_nanos(n)),
            hash: self.hash,
        }
    }

    /// Whether the file at `path` is still what was indexed; an unreadable
    /// file counts as changed (reading it again will say why).
    pub fn unchanged_on_disk(self, path: &Path) -> bool {
        matches!(
            self.state().compare_with_disk(path),
            Ok(DiskChange::Unchanged)
        )
    }
}

impl Manifest {
    /// How many claims the index should hold, by this manifest.
    pub fn claim_total(&self) -> u64 {
        self.files.values().map(|f| f.claims).sum()
    }

    /// The manifest in `dir`, or an empty one when it is missing, unreadable
    /// or from another analysis version (the index is then rebuilt).
    pub fn read(dir: &Path) -> Self {
        std::fs::read(dir.join(FILE_NAME))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok())
            .filter(|m| m.version == ANALYSIS_VERSION)
            .unwrap_or_default()
    }

    /// Writes the manifest atomically.
    pub fn write(&mut self, dir: &Path) -> std::io::Result<()> {
        self.version = ANALYSIS_VERSION;
        let bytes = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        crate::store::replace_atomically(&dir.join(FILE_NAME), &bytes)
            .map_err(|e| std::io::Error::other(e.to_string()))
    }
}
