//! `factbench snapshot WORKSPACE FILE --source ID [--url U] [--captured
//! RFC3339] [--by NAME] [--json]`: keep a saved copy of a source (a web
//! page, a web archive, an image, a text) beside the workspace, hashed, with where and
//! when it was captured and who added it; prints its SHA-256. Bytes the
//! source holds already change nothing; a new capture of the same page
//! replaces the latest (which is kept). See `docs/evidence.md`.

use super::desk::{self, escape_for_terminal, finish, json_line, open_for_writing};
use super::your_name::by_or_preference;
use crate::edit::{Command, Outcome};
use crate::evidence::{self, Request};
use crate::model::{Snapshot, SourceId, Workspace};
use crate::store::snapshots::store_snapshot;
use jiff::Timestamp;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct SnapshotArgs {
    /// The workspace file (.ron).
    pub workspace: PathBuf,
    /// The saved copy: a web page (.html, or MHTML from Chrome or Edge),
    /// a WARC or WACZ web archive, an image (PNG, JPEG, WebP), a PDF or a
    /// text file; at most 200 MB.
    pub file: PathBuf,
    /// The source it is a copy of (`factbench sources` lists them).
    #[arg(long, value_name = "ID")]
    pub source: String,
    /// The address it was captured from (wins over what the file says).
    #[arg(long, value_name = "U")]
    pub url: Option<String>,
    /// When it was captured, RFC 3339 (`2026-05-09T10:30:00Z`); wins over
    /// what the file says.
    #[arg(long, value_name = "RFC3339")]
    pub captured: Option<String>,
    /// Who adds it (default: Preferences › Your name).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// Print the snapshot as one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// `--json`'s record.
#[derive(Serialize)]
struct SnapshotRecord<'a> {
    sha256: &'a str,
    size: u64,
    media_type: &'a str,
    file_name: &'a str,
    url: &'a str,
    captured: String,
    captured_from: &'static str,
    by: &'a str,
    source: SourceId,
    replaced: Option<&'a str>,
    duplicate: bool,
}

pub fn run(args: &SnapshotArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = snapshot(args, out, err);
    finish(result, &args.workspace, true, err)
}

fn snapshot(args: &SnapshotArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, String> {
    let path = &args.workspace;
    let captured = args
        .captured
        .as_deref()
        .map(|text| parse_time(text, path))
        .transpose()?;
    let by = by_or_preference(args.by.as_deref()).ok_or_else(|| {
        format!(
            "{}: who adds the snapshot? Give --by NAME (or set Preferences › Your name in the window)",
            path.display()
        )
    })?;
    let (mut change, mut doc) = open_for_writing(path, "snapshot")?;
    let source = desk::find_source(doc.workspace(), "--source", &args.source, path)?;
    let source_url = doc
        .workspace()
        .source(source)
        .map_or_else(String::new, |s| s.url.clone());
    let request = Request {
        path: &args.file,
        url: args.url.clone(),
        captured,
        by,
        source_url,
        now: crate::model::now(),
    };
    let captured = evidence::capture(&request)?;
    let sha256 = captured.snapshot.sha256.clone();
    if let Some(held) = held(doc.workspace(), source, &sha256) {
        let _ = writeln!(
            err,
            "note: {}: the source holds these bytes already (added {} by {}); nothing changed",
            escape_for_terminal(&args.file.display().to_string()),
            held.added,
            escape_for_terminal(&held.by)
        );
        print_snapshot(out, held, source, true, args.json);
        return Ok(0);
    }
    store_snapshot(path, &sha256, &captured.bytes).map_err(|e| {
        format!(
            "{}: could not keep the snapshot beside the workspace: {e}",
            path.display()
        )
    })?;
    let command = Command::add_snapshot(source, captured.snapshot);
    let outcome = doc
        .execute(command, 0.0)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if outcome != Outcome::Unchanged {
        desk::save(&mut change, &mut doc)?;
    }
    let ws = doc.workspace();
    if let Some(added) = held(ws, source, &sha256) {
        tell_excerpts(ws, source, &sha256, err);
        print_snapshot(out, added, source, false, args.json);
    }
    Ok(0)
}

/// The snapshot of these bytes the source holds.
fn held<'a>(ws: &'a Workspace, source: SourceId, sha256: &str) -> Option<&'a Snapshot> {
    ws.source(source)?.snapshot(sha256)
}

fn print_snapshot(
    out: &mut dyn Write,
    snapshot: &Snapshot,
    source: SourceId,
    duplicate: bool,
    json: bool,
) {
    if !json {
        let _ = writeln!(out, "{}", snapshot.sha256);
        return;
    }
    let record = SnapshotRecord {
        sha256: &snapshot.sha256,
        size: snapshot.size,
        media_type: &snapshot.media_type,
        file_name: &snapshot.file_name,
        url: &snapshot.url,
        captured: snapshot.captured.to_string(),
        captured_from: snapshot.captured_from.label(),
        by: &snapshot.by,
        source,
        replaced: snapshot.replaces.as_deref(),
        duplicate,
    };
    let _ = out.write_all(json_line(&record).as_bytes());
}

/// Says on standard error how the excerpts citing the source fared in the
/// new snapshot's text.
fn tell_excerpts(ws: &Workspace, source: SourceId, sha256: &str, err: &mut dyn Write) {
    let anchored: Vec<_> = ws
        .claims
        .iter()
        .flat_map(|c| c.evidence.iter())
        .filter(|e| e.source == source)
        .filter_map(|e| e.anchor.as_ref())
        .filter(|a| a.snapshot == sha256)
        .collect();
    let found = anchored.iter().filter(|a| a.anchor.is_some()).count();
    let unverified = anchored.iter().filter(|a| a.unverified).count();
    let lost = anchored.len() - found - unverified;
    if !anchored.is_empty() {
        let _ = writeln!(
            err,
            "note: {found} excerpt(s) anchored in the new snapshot, {lost} not found in it, {unverified} unverified (`factbench verify` lists them)",
        );
    }
}

/// `--captured`: RFC 3339 with an offset (`Z` or `+02:00`).
fn parse_time(text: &str, path: &Path) -> Result<Timestamp, String> {
    text.trim().parse::<Timestamp>().map_err(|e| {
        format!(
            "{}: --captured {}: not an RFC 3339 time with an offset, such as 2026-05-09T10:30:00Z ({e})",
            path.display(),
            desk::quoted(text)
        )
    })
}
