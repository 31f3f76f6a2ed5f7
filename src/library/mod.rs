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
//!     copies_of: None,
//!     top: 5,
//!     scale: None,
//! })?;
//! # Ok(()) }
//! ```

mod actors;
mod agreement;
mod analyze;
mod consistency;
mod countries;
mod cyrillic_number_words;
mod decisions;
mod embedding;
mod external;
mod grams;
mod health;
mod index;
mod manifest;
mod names;
mod number_words;
mod numbers;
mod scope;
mod search;
mod synonyms;

pub use analyze::{Analysis, Analyzer};
pub use consistency::{VerdictConflict, external_disagreements, verdict_conflicts};
pub use decisions::{ClaimKey, Decision, Decisions};
pub use embedding::{EmbeddingError, EmbeddingModel, cosine as embedding_cosine};
pub use external::{Review, mapped_verdict};
pub use index::{Refresh, claim_text};
pub use manifest::ANALYSIS_VERSION;
pub use numbers::{Quantity, quantities};
pub use search::{ExternalCheck, Match, Query, SAME_CLAIM_THRESHOLD};

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether tantivy failed only because another process is writing the
/// index (the window's worker and a command at once): that is no damage,
/// and the index must not be thrown away under the other writer.
fn is_busy(error: &tantivy::TantivyError) -> bool {
    matches!(error, tantivy::TantivyError::LockFailure(..))
}

/// Why one refresh attempt stopped.
enum Refreshing {
    /// The index is damaged: rebuild it and try again.
    Damaged(health::Damage),
    /// Anything else (an unreadable folder): an error for the caller.
    Failed(LibraryError),
}

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
    #[error("{dir}: the claim library index is damaged ({why})")]
    Damaged { dir: PathBuf, why: String },
    #[error("no cache folder for the claim library on this system; give one with --index-dir")]
    NoCacheFolder,
}

/// The claim library index. It is a cache: found damaged (on opening, or
/// by tantivy failing or panicking while refreshing or searching), it is
/// emptied and filled again from the workspaces, and the refresh that does
/// so says it in [`Refresh::notes`].
pub struct Library {
    index: index::ClaimIndex,
    /// Notes for the next refresh's report (the index was rebuilt).
    notes: Vec<String>,
    /// Set when a search found the index damaged: the next refresh rebuilds it.
    damaged: AtomicBool,
    /// The optional embedding re-ranker's model; none by default.
    embedding: Option<Arc<EmbeddingModel>>,
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
        let (index, note) = index::ClaimIndex::open(cache)?;
        Ok(Library {
            index,
            notes: note.into_iter().collect(),
            damaged: AtomicBool::new(false),
            embedding: None,
        })
    }

    /// Re-reads the workspaces under `folders` that changed since the last
    /// refresh. Unreadable workspaces are listed in [`Refresh::skipped`];
    /// a damaged index is rebuilt and said so in [`Refresh::notes`]; only
    /// an unreadable folder, or an index that cannot be made again, is an
    /// error.
    pub fn refresh(&mut self, folders: &[PathBuf]) -> Result<Refresh, LibraryError> {
        if self.damaged.swap(false, Ordering::Relaxed) {
            self.rebuild(&health::Damage("a search could not read it".to_owned()))?;
        }
        let mut report = match self.refresh_once(folders) {
            Err(Refreshing::Damaged(damage)) => {
                self.rebuild(&damage)?;
                self.refresh_once(folders)
                    .map_err(|failure| match failure {
                        Refreshing::Failed(error) => error,
                        Refreshing::Damaged(damage) => LibraryError::Damaged {
                            dir: self.index.dir.clone(),
                            why: damage.0,
                        },
                    })?
            }
            Err(Refreshing::Failed(error)) => return Err(error),
            Ok(report) => report,
        };
        report.notes = std::mem::take(&mut self.notes);
        Ok(report)
    }

    fn refresh_once(&mut self, folders: &[PathBuf]) -> Result<Refresh, Refreshing> {
        match health::without_panic(|| self.index.refresh(folders)) {
            Ok(Ok(report)) => Ok(report),
            Ok(Err(LibraryError::Index { source, .. })) if !is_busy(&source) => {
                Err(Refreshing::Damaged(health::Damage(source.to_string())))
            }
            Ok(Err(error)) => Err(Refreshing::Failed(error)),
            Err(damage) => Err(Refreshing::Damaged(damage)),
        }
    }

    /// Empties the index (to be filled by the refresh under way) and keeps
    /// a note saying why.
    fn rebuild(&mut self, damage: &health::Damage) -> Result<(), LibraryError> {
        self.notes
            .push(health::rebuild_note(&self.index.dir, damage));
        let dir = self.index.dir.clone();
        self.index = index::ClaimIndex::emptied(&dir)?;
        Ok(())
    }

    /// `folders` as the index names them, for [`Query::folders`].
    pub fn folders(&self, folders: &[PathBuf]) -> Result<Vec<PathBuf>, LibraryError> {
        index::canonical(folders)
    }

    /// The earlier checks closest to `query.text`, best first.
    /// A damaged index is an error here (never an empty answer), and the
    /// next [`Library::refresh`] rebuilds it.
    pub fn similar(&self, query: &Query) -> Result<Vec<Match>, LibraryError> {
        let damaged = |why: String| {
            self.damaged.store(true, Ordering::Relaxed);
            LibraryError::Damaged {
                dir: self.index.dir.clone(),
                why: format!("{why}; it is rebuilt on the next refresh"),
            }
        };
        match health::without_panic(|| {
            search::search(&self.index, query, self.embedding.as_deref())
        }) {
            Ok(Err(LibraryError::Index { source, .. })) if !is_busy(&source) => {
                Err(damaged(source.to_string()))
            }
            Ok(result) => result,
            Err(damage) => Err(damaged(damage.0)),
        }
    }

    /// Re-ranks with `model` from now on (`None`: without, the default).
    pub fn set_embedding_model(&mut self, model: Option<Arc<EmbeddingModel>>) {
        self.embedding = model;
    }

    /// The embedding model searches re-rank with, if any.
    pub fn embedding_model(&self) -> Option<&EmbeddingModel> {
        self.embedding.as_deref()
    }

    /// How many claims the index holds.
    pub fn claim_count(&self) -> u64 {
        self.index.claim_count()
    }
}
