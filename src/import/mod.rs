//! Turning files into [`Article`]s.
//!
//! Today: plain UTF-8 text. Every entry point (the CLI's `import`, the
//! window's File ▸ Import and drag-and-drop) goes through [`import_file`],
//! so formats and encodings added here reach all of them.

mod normalise;
mod text;

pub use normalise::normalise;
pub use text::{article_from_text, title_from_file_name};

use crate::model::Article;
use jiff::civil::Date;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Largest article file accepted.
pub const MAX_ARTICLE_BYTES: u64 = 20 * 1024 * 1024;

/// Metadata given by the user; each field set here wins over what the file says.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
}

/// Why a file could not be imported. Nothing was added anywhere.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: no such file")]
    NotFound { path: PathBuf },
    #[error("{path}: is a folder; import article files (.txt)")]
    IsDirectory { path: PathBuf },
    #[error("{path}: could not be read: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: is {size} bytes; Factbench imports articles of up to {limit} bytes")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "{path}: contains NUL bytes at offset {offset}, so it is a binary file, not an article; Factbench imports text articles (.txt)"
    )]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: byte {offset} is not valid UTF-8; Factbench imports UTF-8 text")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: has no text to check")]
    Empty { path: PathBuf },
}

/// Reads an article file and makes an [`Article`] of it.
pub fn import_file(path: &Path, options: &ImportOptions) -> Result<Article, ImportError> {
    let bytes = read_limited(path)?;
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ImportError::Binary {
            path: path.to_owned(),
            offset,
        });
    }
    let raw = String::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let article = article_from_text(&raw, options, &title_from_file_name(path));
    if article.text.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(article)
}

fn read_limited(path: &Path) -> Result<Vec<u8>, ImportError> {
    let io_error = |source: io::Error| match source.kind() {
        io::ErrorKind::NotFound => ImportError::NotFound {
            path: path.to_owned(),
        },
        _ => ImportError::Io {
            path: path.to_owned(),
            source,
        },
    };
    let meta = fs::metadata(path).map_err(io_error)?;
    if meta.is_dir() {
        return Err(ImportError::IsDirectory {
            path: path.to_owned(),
        });
    }
    let too_large = |size| ImportError::TooLarge {
        path: path.to_owned(),
        size,
        limit: MAX_ARTICLE_BYTES,
    };
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}
