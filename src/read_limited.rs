//! Reading a whole file with a size limit, telling apart the failures a
//! person can act on (no such file, a folder, not a regular file, too
//! large) from other I/O errors. Workspace loading, article import and
//! settings read files this way; [`ReadFailure::NotRegular`] is distinct so
//! that a folder scan (the claim library's) can skip such entries.
//!
//! Only regular files are read. A named pipe (FIFO) would block the reader
//! until some other process writes to it, and a device such as `/dev/zero`
//! never ends, so anything that is not a regular file is refused before it
//! is opened. The file type is checked twice: on the path before opening
//! (opening a FIFO for reading blocks), and on the opened handle, which is
//! opened without blocking, in case the path was replaced in between.

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
    /// A FIFO, socket or device: never read. `kind` says which, in words
    /// ("a named pipe (FIFO)").
    NotRegular {
        kind: &'static str,
    },
    TooLarge {
        size: u64,
    },
    Io(io::Error),
}

impl ReadFailure {
    /// For a [`ReadFailure::NotRegular`]: "is a named pipe (FIFO), not a
    /// regular file", to follow the file's name in a message.
    pub fn not_regular_message(kind: &str) -> String {
        format!("is {kind}, not a regular file; Factbench reads only regular files")
    }
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

/// The bytes of `path`, refusing folders, anything that is not a regular
/// file, and files over `limit` bytes without reading them (and files that
/// grow past it while being read).
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
    refuse_unless_regular(&meta)?;
    if meta.len() > limit {
        return Err(ReadFailure::TooLarge { size: meta.len() });
    }
    let file = open_without_blocking(path)?;
    let meta = file.metadata()?;
    refuse_unless_regular(&meta)?;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    let mut file = file.take(limit + 1);
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

/// Ok for a regular file; [`ReadFailure::IsDirectory`] or
/// [`ReadFailure::NotRegular`] otherwise.
fn refuse_unless_regular(meta: &fs::Metadata) -> Result<(), ReadFailure> {
    if meta.is_file() {
        Ok(())
    } else if meta.is_dir() {
        Err(ReadFailure::IsDirectory)
    } else {
        Err(ReadFailure::NotRegular {
            kind: kind_of(&meta.file_type()),
        })
    }
}

/// What a file that is neither a regular file nor a folder is, in words.
#[cfg(unix)]
fn kind_of(file_type: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        "a named pipe (FIFO)"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_char_device() {
        "a character device"
    } else if file_type.is_block_device() {
        "a block device"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn kind_of(_: &fs::FileType) -> &'static str {
    "a special file"
}

/// Opens `path` for reading without waiting for a writer, should it have
/// become a FIFO since it was looked at (O_NONBLOCK changes nothing for a
/// regular file's reads).
#[cfg(unix)]
fn open_without_blocking(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> io::Result<fs::File> {
    fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_whole_and_a_folder_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("статья 文章 📰.txt");
        fs::write(&path, "Привет, 世界 👋 e\u{301}").unwrap();
        let bytes = read_limited(&path, 1000).unwrap();
        assert_eq!(bytes, "Привет, 世界 👋 e\u{301}".as_bytes());
        assert!(matches!(
            read_limited(&path, 3),
            Err(ReadFailure::TooLarge { .. })
        ));
        assert!(matches!(
            read_limited(dir.path(), 1000),
            Err(ReadFailure::IsDirectory)
        ));
        assert!(matches!(
            read_limited(&dir.path().join("missing"), 1000),
            Err(ReadFailure::NotFound)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once_without_opening_it() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("article.html");
        make_fifo(&fifo);
        // Nobody ever writes to it: opening it to read would block for ever.
        assert!(matches!(
            read_limited(&fifo, 1000),
            Err(ReadFailure::NotRegular {
                kind: "a named pipe (FIFO)"
            })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_and_so_is_a_link_to_one() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("zero.ron");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        for path in [Path::new("/dev/zero"), link.as_path()] {
            assert!(
                matches!(
                    read_limited(path, 1 << 30),
                    Err(ReadFailure::NotRegular {
                        kind: "a character device"
                    })
                ),
                "{path:?}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_handle_that_is_not_a_regular_file_is_refused_after_opening() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("swapped");
        make_fifo(&fifo);
        // As if the path had been swapped for a FIFO after it was looked at.
        let file = open_without_blocking(&fifo).unwrap();
        assert!(matches!(
            refuse_unless_regular(&file.metadata().unwrap()),
            Err(ReadFailure::NotRegular { .. })
        ));
    }

    #[cfg(unix)]
    fn make_fifo(path: &Path) {
        let made = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(made.success(), "mkfifo {path:?}");
    }
}
