//! Archived copies in exports (issue 23, item 5): what a report says of a
//! source's latest snapshot — *Archived copy, captured DATE, SHA-256 …* —
//! where an excerpt anchored in it lies, and which files
//! `export --with-snapshots` publishes beside the report.
//!
//! A published snapshot is named `SHA256.EXT` (the extension from its
//! media type) inside the report's `NAME_files/` folder: a name made only
//! of hex digits and a known extension, so no record can write outside the
//! folder. Without `--with-snapshots` nothing is published and a report
//! links the source's archive URL, as before.

use super::plan::Plan;
use crate::model::{Evidence, Snapshot, Source, is_sha256};

/// Where a report links a source's snapshot.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SnapshotLinks {
    /// Not published: the report names the hash and links the archive URL.
    #[default]
    ArchiveUrl,
    /// Published in this folder beside the report (`NAME_files`), which
    /// links each copy there by a relative address.
    Folder(String),
}

impl SnapshotLinks {
    /// The folder `export --with-snapshots` writes beside `report`:
    /// `NAME_files` for `NAME.EXT`.
    pub fn folder_for(report: &std::path::Path) -> String {
        let stem = report
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "report".to_owned());
        format!("{stem}_files")
    }
}

/// What a report says of a source's archived copy.
#[derive(Clone, Debug)]
pub struct ArchivedCopy<'a> {
    pub snapshot: &'a Snapshot,
    /// The capture day, `YYYY-MM-DD` (UTC).
    pub captured: String,
    /// The relative address of the published copy, with `--with-snapshots`.
    pub href: Option<String>,
}

impl ArchivedCopy<'_> {
    /// The first 12 hex digits, then an ellipsis.
    pub fn short_hash(&self) -> String {
        format!("{}…", self.snapshot.short_hash())
    }

    /// The words a report shows: *Archived copy, captured DATE, SHA-256 abcd…*.
    pub fn label(&self) -> String {
        format!(
            "Archived copy, captured {}, SHA-256 {}",
            self.captured,
            self.short_hash()
        )
    }
}

/// The source's latest snapshot as a report names it; `None` when it has
/// none (or its record's hash is not a SHA-256, which `check` reports).
pub fn archived_copy<'a>(plan: &Plan<'_>, source: &'a Source) -> Option<ArchivedCopy<'a>> {
    let snapshot = source.snapshots.last()?;
    let name = published_name(snapshot)?;
    let href = match &plan.snapshot_links {
        SnapshotLinks::Folder(folder) if publishable(snapshot) => {
            Some(format!("{}/{name}", path_segment(folder)))
        }
        _ => None,
    };
    Some(ArchivedCopy {
        snapshot,
        captured: snapshot.captured.strftime("%Y-%m-%d").to_string(),
        href,
    })
}

/// `segment` percent-encoded for a relative address: anything but
/// letters, digits and `-._~` (a space, `#`, `?`, non-ASCII) is encoded.
fn path_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The name a published snapshot has in `NAME_files/`: its hash and an
/// extension for its media type.
pub fn published_name(snapshot: &Snapshot) -> Option<String> {
    if !is_sha256(&snapshot.sha256) {
        return None;
    }
    let media = snapshot.media_type.split(';').next().unwrap_or_default();
    let extension = match media.trim() {
        "text/html" => "html",
        "text/plain" => "txt",
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/webp" => "webp",
        "application/pdf" => "pdf",
        "multipart/related" | "message/rfc822" => "mhtml",
        _ => "bin",
    };
    Some(format!("{}.{extension}", snapshot.sha256))
}

/// Whether `--with-snapshots` may publish the snapshot: not an image that
/// holds a GPS position (stripping it from a published copy is still to
/// come, issue 23 item 6), so a location is never published by accident.
pub fn publishable(snapshot: &Snapshot) -> bool {
    snapshot
        .image
        .as_ref()
        .is_none_or(|meta| meta.location.is_none())
}

/// Where an excerpt anchored in a snapshot lies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExcerptPlace {
    /// The snapshot's capture day, `YYYY-MM-DD`.
    pub captured: String,
    pub short_hash: String,
    /// The page, for a snapshot read page by page (a PDF's text, when the
    /// PDF reader gives it); `None` for a page of the web or a text.
    pub page: Option<u32>,
}

impl ExcerptPlace {
    pub fn label(&self) -> String {
        let page = self.page.map(|p| format!(", page {p}")).unwrap_or_default();
        format!(
            "Found in the archived copy captured {} (SHA-256 {}…){page}",
            self.captured, self.short_hash
        )
    }
}

/// Where `evidence`'s excerpt was found in a snapshot of `source`, when it
/// is anchored there (an unverified or not-found excerpt says nothing).
pub fn excerpt_place(source: &Source, evidence: &Evidence) -> Option<ExcerptPlace> {
    let anchored = evidence.anchor.as_deref()?;
    anchored.anchor.as_ref()?;
    let snapshot = source.snapshot(&anchored.snapshot)?;
    Some(ExcerptPlace {
        captured: snapshot.captured.strftime("%Y-%m-%d").to_string(),
        short_hash: snapshot.short_hash().to_owned(),
        // Snapshots hold one text each today: no page to tell.
        page: None,
    })
}

/// The snapshots a report of `plan` publishes with `--with-snapshots`:
/// each cited source's latest, as (its SHA-256, its name in the folder),
/// each once.
pub fn files_to_publish(plan: &Plan<'_>) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Vec::new();
    for source in &plan.sources {
        let Some(snapshot) = source.snapshots.last().filter(|s| publishable(s)) else {
            continue;
        };
        let Some(name) = published_name(snapshot) else {
            continue;
        };
        if !files.iter().any(|(sha, _)| *sha == snapshot.sha256) {
            files.push((snapshot.sha256.clone(), name));
        }
    }
    files
}
