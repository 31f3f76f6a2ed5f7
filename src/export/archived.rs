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
//!
//! An image holding a GPS position is published as a copy with its EXIF
//! (and XMP) taken out, named `SHA256-location-removed.EXT` after the
//! evidentiary copy it was made from; the report says "location data
//! removed from the published copy" beside it, and the hash it shows stays
//! the evidentiary copy's (`evidence::location`).

use super::escape::is_web_url;
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
    /// The published copy is the image without its location data.
    pub location_removed: bool,
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

    /// What a report adds when the published copy lost its location data.
    pub fn location_note(&self) -> Option<&'static str> {
        self.location_removed.then_some(LOCATION_REMOVED)
    }
}

/// What a report says beside an image published without its location.
pub const LOCATION_REMOVED: &str = "location data removed from the published copy";

/// The source's latest snapshot as a report names it; `None` when it has
/// none (or its record's hash is not a SHA-256, which `check` reports).
pub fn archived_copy<'a>(plan: &Plan<'_>, source: &'a Source) -> Option<ArchivedCopy<'a>> {
    let snapshot = source.snapshots.last()?;
    let name = published_name(snapshot)?;
    let href = match &plan.snapshot_links {
        SnapshotLinks::Folder(folder) => Some(format!("{}/{name}", path_segment(folder))),
        SnapshotLinks::ArchiveUrl => None,
    };
    Some(ArchivedCopy {
        snapshot,
        captured: snapshot.captured.strftime("%Y-%m-%d").to_string(),
        location_removed: href.is_some() && strip_location(snapshot),
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
/// extension for its media type (`-location-removed` before it for an
/// image published without its GPS position).
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
        "application/warc" if snapshot.file_name.to_lowercase().ends_with(".gz") => "warc.gz",
        "application/warc" => "warc",
        "application/wacz" => "wacz",
        _ => "bin",
    };
    let suffix = match strip_location(snapshot) {
        true => "-location-removed",
        false => "",
    };
    Some(format!("{}{suffix}.{extension}", snapshot.sha256))
}

/// Whether the snapshot is an image holding a GPS position, so that the
/// copy published must be one with its location data taken out.
pub fn strip_location(snapshot: &Snapshot) -> bool {
    snapshot
        .image
        .as_ref()
        .is_some_and(|meta| meta.location.is_some())
}

/// A snapshot `export --with-snapshots` writes beside the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedFile {
    /// The evidentiary copy's SHA-256.
    pub sha256: String,
    /// Its name in `NAME_files/`.
    pub name: String,
    /// Publish a copy with the location data taken out
    /// (`evidence::location::published_copy`), never the bytes themselves.
    pub strip_location: bool,
}

/// Where an excerpt anchored in a snapshot lies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExcerptPlace {
    /// The snapshot's capture day, `YYYY-MM-DD`.
    pub captured: String,
    pub short_hash: String,
    /// The page or pages (`p. 12`, `p. 12–13`, printed labels), for a
    /// snapshot read page by page (a PDF); `None` for a page of the web or
    /// a text.
    pub page: Option<String>,
}

impl ExcerptPlace {
    pub fn label(&self) -> String {
        let page = self
            .page
            .as_ref()
            .map(|p| format!(", {p}"))
            .unwrap_or_default();
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
    let anchor = anchored.anchor.as_ref()?;
    let snapshot = source.snapshot(&anchored.snapshot)?;
    Some(ExcerptPlace {
        captured: snapshot.captured.strftime("%Y-%m-%d").to_string(),
        short_hash: snapshot.short_hash().to_owned(),
        page: crate::model::pages_location(&snapshot.pages, anchor.start, anchor.end)
            .map(|l| l.label()),
    })
}

/// The snapshots a report of `plan` publishes with `--with-snapshots`:
/// each cited source's latest, each once.
pub fn files_to_publish(plan: &Plan<'_>) -> Vec<PublishedFile> {
    let mut files: Vec<PublishedFile> = Vec::new();
    for source in &plan.sources {
        let Some(snapshot) = source.snapshots.last() else {
            continue;
        };
        let Some(name) = published_name(snapshot) else {
            continue;
        };
        if !files.iter().any(|f| f.sha256 == snapshot.sha256) {
            files.push(PublishedFile {
                sha256: snapshot.sha256.clone(),
                name,
                strip_location: strip_location(snapshot),
            });
        }
    }
    files
}

/// An excerpt's place in its snapshot, for a `TextQuoteSelector`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnchoredExcerpt {
    /// The snapshot named by its hash: `ni:///sha-256;…` (RFC 6920), an
    /// address for exactly those bytes wherever they are kept.
    pub iri: String,
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// `evidence`'s excerpt as found in its snapshot, with its context.
pub fn anchored_excerpt(source: &Source, evidence: &Evidence) -> Option<AnchoredExcerpt> {
    let anchored = evidence.anchor.as_deref()?;
    let anchor = anchored.anchor.as_ref()?;
    let snapshot = source.snapshot(&anchored.snapshot)?;
    Some(AnchoredExcerpt {
        iri: snapshot_iri(&snapshot.sha256)?,
        exact: anchor.exact.clone(),
        prefix: anchor.prefix.clone(),
        suffix: anchor.suffix.clone(),
    })
}

/// The RFC 6920 name of the bytes of SHA-256 `sha256` (hex):
/// `ni:///sha-256;` and the digest in unpadded base64url.
pub fn snapshot_iri(sha256: &str) -> Option<String> {
    if !is_sha256(sha256) {
        return None;
    }
    let bytes: Vec<u8> = (0..32)
        .map(|i| u8::from_str_radix(&sha256[2 * i..2 * i + 2], 16).unwrap_or(0))
        .collect();
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::from("ni:///sha-256;");
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for k in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * k)) as usize & 63]));
        }
    }
    Some(out)
}

/// A source cited by a ClaimReview (schema.org `citation`), with its
/// archived copy as `archivedAt` where one has a web address.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Citation {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    url: String,
    #[serde(rename = "archivedAt", skip_serializing_if = "Option::is_none")]
    archived_at: Option<String>,
}

/// The sources with a snapshot that `evidence` cites, as ClaimReview
/// citations: the copy published beside the report (`--with-snapshots`,
/// resolved against the report URL), else the source's archive URL, is
/// `archivedAt`. Sources without a web address (and withheld ones) are
/// left out.
pub fn citations(plan: &Plan<'_>, evidence: &[Evidence]) -> Vec<Citation> {
    let mut out: Vec<Citation> = Vec::new();
    for item in evidence {
        let Some(source) = plan.source(item.source) else {
            continue;
        };
        let Some(copy) = archived_copy(plan, source) else {
            continue;
        };
        let Some(url) = super::escape::safe_link(source.url.trim()).filter(|u| is_web_url(u))
        else {
            continue;
        };
        if out.iter().any(|c| c.url == url) {
            continue;
        }
        let published = copy.href.as_deref().and_then(|href| {
            url::Url::parse(plan.workspace.report_url.trim())
                .ok()
                .filter(|report| is_web_url(report.as_str()))
                .and_then(|report| report.join(href).ok())
                .map(String::from)
        });
        let archive = Some(source.archive_url.trim()).filter(|u| is_web_url(u));
        out.push(Citation {
            kind: "CreativeWork",
            name: source.title.clone(),
            url: url.to_owned(),
            archived_at: published.or(archive.map(str::to_owned)),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_names_follow_rfc_6920() {
        // RFC 6920 §3's example: SHA-256 of "Hello World!".
        let sha = "7f83b1657ff1fc53b92dc18148a1d65dfc2d4b1fa3d677284addd200126d9069";
        assert_eq!(
            snapshot_iri(sha).unwrap(),
            "ni:///sha-256;f4OxZX_x_FO5LcGBSKHWXfwtSx-j1ncoSt3SABJtkGk"
        );
        assert_eq!(snapshot_iri("../etc"), None);
    }

    fn snapshot(sha256: &str, media_type: &str) -> Snapshot {
        let at: jiff::Timestamp = "2026-05-09T10:30:00Z".parse().unwrap();
        Snapshot {
            sha256: sha256.into(),
            size: 3,
            media_type: media_type.into(),
            file_name: "../../evil name.html".into(),
            url: String::new(),
            captured: at,
            captured_from: crate::model::CapturedFrom::Given,
            captured_in_file: None,
            url_in_file: String::new(),
            method: crate::model::CaptureMethod::Image,
            by: "Ana".into(),
            added: at,
            text: None,
            note: String::new(),
            image: None,
            replaces: None,
            pages: Vec::new(),
        }
    }

    #[test]
    fn published_names_are_the_hash_and_a_known_extension_never_a_path() {
        let sha = "ab".repeat(32);
        assert_eq!(
            published_name(&snapshot(&sha, "image/png")).unwrap(),
            format!("{sha}.png")
        );
        assert_eq!(
            published_name(&snapshot(&sha, "text/html; charset=utf-8")).unwrap(),
            format!("{sha}.html")
        );
        assert_eq!(
            published_name(&snapshot(&sha, "../../x")).unwrap(),
            format!("{sha}.bin")
        );
        assert_eq!(
            published_name(&snapshot("../../etc/passwd", "text/plain")),
            None
        );
        let mut located = snapshot(&sha, "image/jpeg");
        assert!(!strip_location(&located));
        located.image = Some(crate::model::ImageMeta {
            location: Some(crate::model::GeoPoint {
                latitude: 55.75,
                longitude: 37.62,
            }),
            ..Default::default()
        });
        assert!(
            strip_location(&located),
            "a GPS position is never published"
        );
        assert_eq!(
            published_name(&located).unwrap(),
            format!("{sha}-location-removed.jpg")
        );
    }

    #[test]
    fn folder_names_are_encoded_in_links() {
        assert_eq!(path_segment("my report_files"), "my%20report_files");
        assert_eq!(path_segment("a#b?c"), "a%23b%3Fc");
    }
}
