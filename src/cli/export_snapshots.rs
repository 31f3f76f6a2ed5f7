//! `factbench export … -o OUT --with-snapshots`: the report's snapshots
//! copied beside it into `NAME_files/` (named `SHA256.EXT`, so nothing is
//! written outside that folder), each copy checked against its hash first.
//! A missing or changed snapshot is not published; the export says so and
//! still writes the report. An image holding a GPS position is published
//! as a copy without its EXIF and XMP blocks (`evidence::location`); the
//! evidentiary copy is only read.

use super::export::ExportArgs;
use crate::evidence::location::{Published, published_copy};
use crate::export::{self, ExportOptions, Format, PublishedFile, SnapshotLinks};
use crate::model::Workspace;
use crate::store::snapshots::{sha256_hex, snapshot_path};
use std::io::Write;

/// How the report links snapshots: into `NAME_files/` with
/// `--with-snapshots` (HTML and Markdown written to a file), else the
/// archive URL.
pub(super) fn links(args: &ExportArgs) -> Result<SnapshotLinks, String> {
    if !args.with_snapshots {
        return Ok(SnapshotLinks::ArchiveUrl);
    }
    if !matches!(args.format, Format::Html | Format::Markdown) {
        return Err(format!(
            "--with-snapshots goes with an HTML or Markdown report (-f html or md), not -f {}; nothing written",
            args.format.cli_name()
        ));
    }
    let Some(output) = &args.output else {
        return Err(
            "--with-snapshots writes the snapshots beside the report: give it a file with -o; nothing written"
                .to_owned(),
        );
    };
    Ok(SnapshotLinks::Folder(SnapshotLinks::folder_for(output)))
}

/// Copies the snapshots the report links into `folder` beside the report.
pub(super) fn publish(
    args: &ExportArgs,
    workspace: &Workspace,
    options: &ExportOptions,
    folder: &str,
    err: &mut dyn Write,
) -> Result<(), String> {
    let files = export::snapshot_files(workspace, options).map_err(|e| e.to_string())?;
    let Some(report) = &args.output else {
        return Ok(());
    };
    let dir = report
        .parent()
        .unwrap_or_else(|| std::path::Path::new(""))
        .join(folder);
    if files.is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("{}: could not make the folder: {e}", dir.display()))?;
    for file in &files {
        let (sha256, name) = (&file.sha256, &file.name);
        let Some(from) = snapshot_path(&args.workspace, sha256) else {
            continue;
        };
        let bytes = match std::fs::read(&from) {
            Ok(bytes) => bytes,
            Err(e) => {
                let _ = writeln!(
                    err,
                    "warning: snapshot {sha256} not published: {}: {e}",
                    from.display()
                );
                continue;
            }
        };
        if sha256_hex(&bytes) != *sha256 {
            let _ = writeln!(
                err,
                "warning: snapshot {sha256} not published: {} has changed (run `factbench verify`)",
                from.display()
            );
            continue;
        }
        let bytes = match published_bytes(file, bytes) {
            Ok(bytes) => bytes,
            Err(why) => {
                let _ = writeln!(err, "warning: snapshot {sha256} not published: {why}");
                continue;
            }
        };
        let to = dir.join(name);
        let part = dir.join(format!(".{name}.part"));
        std::fs::write(&part, &bytes)
            .and_then(|()| std::fs::rename(&part, &to))
            .map_err(|e| format!("{}: could not write the snapshot: {e}", to.display()))?;
    }
    let _ = writeln!(err, "{}: wrote {} snapshot(s)", dir.display(), files.len());
    Ok(())
}

/// The bytes published for `file`: the snapshot's own, or for an image
/// holding a GPS position a copy with its location data taken out (an
/// image whose metadata cannot be rewritten is not published).
fn published_bytes(file: &PublishedFile, bytes: Vec<u8>) -> Result<Vec<u8>, String> {
    if !file.strip_location {
        return Ok(bytes);
    }
    match published_copy(&file.name, &bytes)? {
        Published::LocationRemoved(copy) => Ok(copy),
        // Its record says it holds a position the file does not show: the
        // record is trusted, and nothing is published by mistake.
        Published::Unchanged(_) => Err(format!(
            "{}: its record holds a GPS position that its EXIF block does not show",
            file.name
        )),
    }
}
