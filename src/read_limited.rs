//! Reading a whole file with a size limit, telling apart the failures a
//! person can act on (no such file, a folder, too large) from other I/O
//! errors. Workspace loading and article import both read this way.

use std::fs;
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// How much is read at a time.
const PIECE_BYTES: usize = 1 << 20;

/// Why a file could not be read whole.
#[derive(Debug)]
pub enum ReadFailure {
    NotFound,
    IsDirectory,
    TooLarge { size: u64 },
    Io(io::Error),
}

impl From<io::Error> for ReadFailure {
    fn from(error: io::Error) -> Self {
        match error.kind() {
            io::ErrorKind::NotFound => ReadFailure::NotFound,
            io::ErrorKind::IsADirectory => ReadFailure::IsDirectory,
            _ => ReadFailure::Io(error),
        }
    }
}

/// The bytes of `path`, refusing folders and files over `limit` bytes
/// without reading them (and files that grow past it while being read).
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    read_limited_counting(path, limit, &AtomicU64::new(0))
}

/// Like [`read_limited`], adding the bytes read so far to `read` as they
/// come in (in pieces of [`PIECE_BYTES`]).
pub fn read_limited_counting(
    path: &Path,
    limit: u64,
    read: &AtomicU64,
) -> Result<Vec<u8>, ReadFailure> {
    let meta = fs::metadata(path)?;
    if meta.is_dir() {
        return Err(ReadFailure::IsDirectory);
    }
    if meta.len() > limit {
        return Err(ReadFailure::TooLarge { size: meta.len() });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let mut file = fs::File::open(path)?.take(limit + 1);
    let mut piece = vec![0; PIECE_BYTES];
    loop {
        let n = match file.read(&mut piece) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        bytes.extend_from_slice(&piece[..n]);
        read.fetch_add(n as u64, Ordering::Relaxed);
    }
    if bytes.len() as u64 > limit {
        return Err(ReadFailure::TooLarge {
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}
