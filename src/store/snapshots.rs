//! Snapshot bytes beside the workspace: `NAME.snapshots/<sha256>` next to
//! `NAME.ron`, content-addressed, written once (atomically, read-only) and
//! never modified. Opening a workspace never reads them; `verify` re-hashes
//! them, several files at a time.

use crate::model::{ByteCheck, is_sha256};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bytes read at a time while hashing a file.
const HASH_BUFFER: usize = 1 << 20;

/// The folder of a workspace's snapshots: `NAME.snapshots` beside `NAME.ron`.
pub fn snapshots_dir(workspace: &Path) -> PathBuf {
    let stem = workspace
        .file_stem()
        .map_or_else(|| "workspace".into(), |s| s.to_os_string());
    let mut name = stem;
    name.push(".snapshots");
    workspace.with_file_name(name)
}

/// Where the snapshot of hash `sha256` is kept; `None` for anything that is
/// not a hash (so no name from a file can point outside the folder).
pub fn snapshot_path(workspace: &Path, sha256: &str) -> Option<PathBuf> {
    is_sha256(sha256).then(|| snapshots_dir(workspace).join(sha256))
}

/// SHA-256 of `bytes` as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of a file's bytes, read in pieces, and its length.
pub fn sha256_file(path: &Path) -> io::Result<(String, u64)> {
    let mut file = fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; HASH_BUFFER];
    let mut size = 0u64;
    loop {
        let read = match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buffer[..read]);
        size += read as u64;
    }
    Ok((hex(&hasher.finalize()), size))
}

/// Keeps `bytes` as the snapshot `sha256` of the workspace at `workspace`:
/// written to a temporary file in the folder, synced, made read-only and
/// renamed into place. `Ok(false)` when a file of that name was there
/// already with the right hash (nothing written); a file of that name
/// holding other bytes (damaged) is put right.
pub fn store_snapshot(workspace: &Path, sha256: &str, bytes: &[u8]) -> io::Result<bool> {
    let target = snapshot_path(workspace, sha256)
        .ok_or_else(|| io::Error::other(format!("{sha256:?} is not a SHA-256")))?;
    if let Ok((found, _)) = sha256_file(&target)
        && found == sha256
    {
        return Ok(false);
    }
    let dir = snapshots_dir(workspace);
    fs::create_dir_all(&dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".incoming-")
        .tempfile_in(&dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    let mut permissions = temp.as_file().metadata()?.permissions();
    permissions.set_readonly(true);
    temp.as_file().set_permissions(permissions)?;
    if target.exists() {
        // A damaged copy: read-only files cannot always be renamed over.
        let _ = make_writable(&target);
    }
    temp.persist(&target).map_err(|e| e.error)?;
    if let Ok(folder) = fs::File::open(&dir) {
        let _ = folder.sync_all();
    }
    Ok(true)
}

#[allow(clippy::permissions_set_readonly_false)]
fn make_writable(path: &Path) -> io::Result<()> {
    let mut permissions = fs::metadata(path)?.permissions();
    permissions.set_readonly(false);
    fs::set_permissions(path, permissions)
}

/// Copies the snapshots named by `hashes` from beside `from` to beside `to`
/// (Save As): each copied once, checked by its hash; a missing one is
/// named in the error, the others copied anyway.
pub fn copy_snapshots<'a>(
    from: &Path,
    to: &Path,
    hashes: impl IntoIterator<Item = &'a str>,
) -> Result<usize, String> {
    if snapshots_dir(from) == snapshots_dir(to) {
        return Ok(0);
    }
    let mut copied = 0;
    let mut missing = Vec::new();
    for sha256 in hashes {
        let Some(source) = snapshot_path(from, sha256) else {
            continue;
        };
        match fs::read(&source) {
            Ok(bytes) if sha256_hex(&bytes) == sha256 => {
                store_snapshot(to, sha256, &bytes)
                    .map_err(|e| format!("{}: {e}", snapshots_dir(to).display()))?;
                copied += 1;
            }
            _ => missing.push(source.display().to_string()),
        }
    }
    match missing.is_empty() {
        true => Ok(copied),
        false => Err(format!(
            "snapshot(s) missing or changed, not copied: {}",
            missing.join(", ")
        )),
    }
}

/// Save As of `ws` from `from` to `to`: every snapshot of its sources
/// copied beside the new file (see [`copy_snapshots`]).
pub fn copy_workspace_snapshots(
    from: &Path,
    to: &Path,
    ws: &crate::model::Workspace,
) -> Result<usize, String> {
    let hashes = ws
        .sources
        .iter()
        .flat_map(|s| s.snapshots.iter().map(|snap| snap.sha256.as_str()));
    copy_snapshots(from, to, hashes)
}

/// Re-hashes the snapshots `hashes` beside `workspace`, several at a time
/// (one thread per core, at most `hashes.len()`); the results in the same
/// order.
pub fn check_snapshots(workspace: &Path, hashes: &[&str]) -> Vec<ByteCheck> {
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, hashes.len().max(1));
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<ByteCheck>> = vec![None; hashes.len()];
    let found: Vec<Vec<(usize, ByteCheck)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(sha256) = hashes.get(i) else {
                            break;
                        };
                        mine.push((i, check_one(workspace, sha256)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_default())
            .collect()
    });
    for (i, check) in found.into_iter().flatten() {
        results[i] = Some(check);
    }
    results
        .into_iter()
        .map(|r| r.unwrap_or(ByteCheck::Missing))
        .collect()
}

/// What the file of one snapshot holds now.
pub fn check_one(workspace: &Path, sha256: &str) -> ByteCheck {
    let Some(path) = snapshot_path(workspace, sha256) else {
        return ByteCheck::Missing;
    };
    match fs::symlink_metadata(&path) {
        Ok(meta) if meta.is_file() => match sha256_file(&path) {
            Ok((found, _)) if found == sha256 => ByteCheck::Ok,
            Ok((found, _)) => ByteCheck::Changed(found),
            Err(_) => ByteCheck::Missing,
        },
        _ => ByteCheck::Missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_sits_beside_the_workspace_and_names_are_hashes_only() {
        let ws = Path::new("/desk/case.ron");
        assert_eq!(snapshots_dir(ws), Path::new("/desk/case.snapshots"));
        assert!(snapshot_path(ws, "../case.ron").is_none());
        let sha = sha256_hex(b"abc");
        assert_eq!(
            sha,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            snapshot_path(ws, &sha).unwrap(),
            Path::new("/desk/case.snapshots").join(&sha)
        );
    }

    #[test]
    fn stored_once_checked_in_parallel_and_damage_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("w.ron");
        let hashes: Vec<String> = (0..9u8)
            .map(|n| {
                let bytes = vec![n; 1000 + n as usize];
                let sha = sha256_hex(&bytes);
                assert!(store_snapshot(&ws, &sha, &bytes).unwrap());
                assert!(!store_snapshot(&ws, &sha, &bytes).unwrap(), "written once");
                sha
            })
            .collect();
        let path = |i: usize| snapshot_path(&ws, &hashes[i]).unwrap();
        make_writable(&path(3)).unwrap();
        fs::write(path(3), b"tampered").unwrap();
        fs::remove_file(path(5)).unwrap();
        let refs: Vec<&str> = hashes.iter().map(String::as_str).collect();
        let checks = check_snapshots(&ws, &refs);
        assert_eq!(checks[0], ByteCheck::Ok);
        assert_eq!(checks[3], ByteCheck::Changed(sha256_hex(b"tampered")));
        assert_eq!(checks[5], ByteCheck::Missing);
        assert_eq!(checks.iter().filter(|c| **c == ByteCheck::Ok).count(), 7);
        // Save As copies the intact ones and names the others.
        let other = dir.path().join("elsewhere").join("copy.ron");
        let copied = copy_snapshots(&ws, &other, refs.iter().copied());
        let error = copied.unwrap_err();
        assert!(
            error.contains(&hashes[3]) && error.contains(&hashes[5]),
            "{error}"
        );
        let again = check_snapshots(&other, &refs);
        assert_eq!(again[0], ByteCheck::Ok);
        assert_eq!(again[3], ByteCheck::Missing);
        assert_eq!(again.iter().filter(|c| **c == ByteCheck::Ok).count(), 7);
    }
}
