//! Errors from reading and writing workspace files, worded for the person
//! who has to fix them: each names the file, the place and what was wrong.

use std::io;
use std::path::PathBuf;

/// Why a workspace file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file")]
    NotFound { path: PathBuf },
    #[error("{path}: is a folder, not a workspace file")]
    IsDirectory { path: PathBuf },
    #[error("{path}: could not be read: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error(
        "{path}: the file is empty; a workspace file starts with `Workspace(format_version: …`"
    )]
    Empty { path: PathBuf },
    #[error("{path}: is {size} bytes; Factbench opens workspace files of up to {limit} bytes")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "{path}:{line}:{column}: the file is not valid UTF-8 text (byte {byte:#04x} at offset {offset}); is it a workspace file?"
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
        offset: usize,
        byte: u8,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}:{line}: holds git conflict markers (`<<<<<<<`): git merged it line by line, so it is no longer a workspace; set up Factbench's merge driver (`factbench git-setup`), then redo the merge (`git checkout -m {path}` after `git merge`), or take one side (`git checkout --ours {path}`)"
    )]
    ConflictMarkers { path: PathBuf, line: usize },
    #[error(
        "{path}: written in workspace format version {found}, but this Factbench reads versions up to {supported}; open it with a newer Factbench (one that reads format version {found})"
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
}

impl LoadError {
    /// The line and column the error points at, when it points at one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::NotUtf8 { line, column, .. } | LoadError::Syntax { line, column, .. } => {
                Some((*line, *column))
            }
            LoadError::ConflictMarkers { line, .. } => Some((*line, 1)),
            _ => None,
        }
    }
}

/// Why a workspace could not be saved. The file on disk is unchanged.
#[derive(Debug, thiserror::Error)]
#[error("could not save {path}: {action}: {source}; the file on disk is unchanged")]
pub struct SaveError {
    pub path: PathBuf,
    pub action: &'static str,
    pub source: io::Error,
}
