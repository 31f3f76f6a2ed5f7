//! Atomic replacement of a file, keeping the previous version as `NAME.bak`.
//!
//! The new bytes go to a temporary file in the same folder, which is synced
//! and then renamed over the target, so a crash or power cut at any moment
//! leaves either the old file or the new one, whole. The old file is kept by
//! hard-linking it to `NAME.bak` (renamed into place, so the backup is whole
//! too) before the rename.

use super::SaveError;
use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// `NAME.ron` → `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(OsString::from).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Replaces `path` with `bytes` atomically; the previous file, if any,
/// becomes `NAME.bak`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    replace(path, bytes, Backup::Keep)
}

/// Replaces `path` with `bytes` atomically, keeping no backup (for files
/// where only the newest matters: recovery files, settings).
pub fn replace_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    replace(path, bytes, Backup::None)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Backup {
    Keep,
    None,
}

fn replace(path: &Path, bytes: &[u8], backup: Backup) -> Result<(), SaveError> {
    let target = resolve_symlink(path);
    let fail = |action: &'static str| {
        let path = path.to_owned();
        move |source: io::Error| SaveError {
            path,
            action,
            source,
        }
    };
    let folder = parent_folder(&target);
    if !folder.is_dir() {
        return Err(fail("the folder does not exist")(io::Error::from(
            io::ErrorKind::NotFound,
        )));
    }
    let existing = match fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => {
            return Err(fail("the path is a folder")(io::Error::from(
                io::ErrorKind::IsADirectory,
            )));
        }
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail("could not look at the existing file")(e)),
    };

    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(&target))
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(fail("could not create a temporary file in the folder"))?;
    temp.write_all(bytes)
        .and_then(|()| temp.flush())
        .map_err(fail("could not write the temporary file"))?;
    let permissions = match &existing {
        Some(meta) => Some(meta.permissions()),
        None => new_file_permissions(),
    };
    if let Some(permissions) = permissions {
        temp.as_file()
            .set_permissions(permissions)
            .map_err(fail("could not set the temporary file's permissions"))?;
    }
    temp.as_file()
        .sync_all()
        .map_err(fail("could not flush the temporary file to disk"))?;

    if existing.is_some() && backup == Backup::Keep {
        keep_backup(&target).map_err(fail("could not keep the previous version as .bak"))?;
    }
    temp.persist(&target)
        .map_err(|e| fail("could not move the new file into place")(e.error))?;
    sync_folder(folder);
    Ok(())
}

/// Writes a new file `path` whole (synced, then moved into place), refusing
/// when anything is at `path` already, even if it appeared meanwhile: an
/// existing file is never replaced.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |action: &'static str| {
        let path = path.to_owned();
        move |source: io::Error| SaveError {
            path,
            action,
            source,
        }
    };
    let folder = parent_folder(path);
    if !folder.is_dir() {
        return Err(fail("the folder does not exist")(io::Error::from(
            io::ErrorKind::NotFound,
        )));
    }
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(fail("could not create a temporary file in the folder"))?;
    temp.write_all(bytes)
        .and_then(|()| temp.flush())
        .map_err(fail("could not write the temporary file"))?;
    if let Some(permissions) = new_file_permissions() {
        temp.as_file()
            .set_permissions(permissions)
            .map_err(fail("could not set the temporary file's permissions"))?;
    }
    temp.as_file()
        .sync_all()
        .map_err(fail("could not flush the temporary file to disk"))?;
    temp.persist_noclobber(path)
        .map_err(|e| fail("a file of that name is there already; it was left as it is")(e.error))?;
    sync_folder(folder);
    Ok(())
}

/// The file `path` names: a symlink is followed, even a dangling one (its
/// target is created), so saving never replaces a link by a file.
fn resolve_symlink(path: &Path) -> PathBuf {
    super::follow_links(path)
}

fn parent_folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.")
}

/// Makes `NAME.bak` a whole copy of the current file, replacing it atomically.
fn keep_backup(target: &Path) -> io::Result<()> {
    let backup = backup_path(target);
    let linked = tempfile::Builder::new()
        .prefix(&temp_prefix(&backup))
        .suffix(".tmp")
        .make_in(parent_folder(target), |p| fs::hard_link(target, p));
    match linked {
        Ok(staging) => staging.persist(&backup).map(drop).map_err(|e| e.error),
        Err(_) => copy_to_temp(target)?
            .persist(&backup)
            .map(drop)
            .map_err(|e| e.error),
    }
}

fn copy_to_temp(target: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut staging = tempfile::Builder::new()
        .prefix(&temp_prefix(&backup_path(target)))
        .suffix(".tmp")
        .tempfile_in(parent_folder(target))?;
    io::copy(&mut File::open(target)?, staging.as_file_mut())?;
    staging.as_file().sync_all()?;
    Ok(staging)
}

/// A new workspace file is readable by others, like any document (the
/// temporary file starts private).
#[cfg(unix)]
fn new_file_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<fs::Permissions> {
    None
}

/// Makes the rename durable: on Unix a folder's entries reach the disk when
/// the folder itself is synced. Best effort; elsewhere a no-op.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}
