//! The claim library: every claim in the workspaces under some folders, in
//! a tantivy index kept in the platform cache folder and refreshed
//! incrementally, searched for earlier checks of a claim across English,
//! Russian, Ukrainian and Chinese.
//!
//! ```no_run
//! # fn main() -> Result<(), factbench::library::LibraryError> {
//! use factbench::library::{Library, Query};
//! let mut library = Library::open_default()?;
//! let folders = vec![std::path::PathBuf::from("checks")];
//! let refreshed = library.refresh(&folders)?;      // skipped files in `refreshed.skipped`
//! let matches = library.similar(&Query {
//!     text: "Russia sold $245bn of gas in 2023".into(),
//!     folders: library.folders(&folders)?,
//!     exclude: None,
//!     top: 5,
//! })?;
//! # Ok(()) }
//! ```

mod actors;
mod agreement;
mod analyze;
mod consistency;
mod decisions;
mod index;
mod manifest;
mod numbers;
mod search;

pub use analyze::{Analysis, Analyzer};
pub use consistency::{VerdictConflict, verdict_conflicts};
pub use decisions::{ClaimKey, Decision, Decisions};
pub use index::{Refresh, claim_text};
pub use numbers::{Quantity, quantities};
pub use search::{Match, Query, SAME_CLAIM_THRESHOLD};

use std::path::{Path, PathBuf};

/// Why the library could not be used. Each names the file or folder.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("{path}: {action}: {source}")]
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    #[error("{dir}: the claim library index could not be used: {source}")]
    Index {
        dir: PathBuf,
        source: tantivy::TantivyError,
    },
    #[error("no cache folder for the claim library on this system; give one with --index-dir")]
    NoCacheFolder,
}

/// The claim library index.
pub struct Library {
    index: index::ClaimIndex,
}

impl Library {
    /// The platform's cache folder for the index
    /// (`~/.cache/factbench/library` on Linux).
    pub fn default_cache_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("org", "Factbench", "factbench")
            .map(|dirs| dirs.cache_dir().join("library"))
    }

    /// Opens (or creates) the index in the platform cache folder.
    pub fn open_default() -> Result<Self, LibraryError> {
        let dir = Self::default_cache_dir().ok_or(LibraryError::NoCacheFolder)?;
        Self::open(&dir)
    }

    /// Opens (or creates) the index kept in `cache`.
    pub fn open(cache: &Path) -> Result<Self, LibraryError> {
        Ok(Library {
            index: index::ClaimIndex::open(cache)?,
        })
    }

    /// Re-reads the workspaces under `folders` that changed since the last
    /// refresh. Unreadable workspaces are listed in [`Refresh::skipped`];
    /// only an unreadable folder or index is an error.
    pub fn refresh(&mut self, folders: &[PathBuf]) -> Result<Refresh, LibraryError> {
        self.index.refresh(folders)
    }

    /// `folders` as the index names them, for [`Query::folders`].
    pub fn folders(&self, folders: &[PathBuf]) -> Result<Vec<PathBuf>, LibraryError> {
        index::canonical(folders)
    }

    /// The earlier checks closest to `query.text`, best first.
    pub fn similar(&self, query: &Query) -> Result<Vec<Match>, LibraryError> {
        search::search(&self.index, query)
    }

    /// How many claims the index holds.
    pub fn claim_count(&self) -> u64 {
        self.index.claim_count()
    }
}
