//! Snapshots of a source (format 9): the files a checker saved of it — a
//! web page, a screenshot, a text — each known by the SHA-256 of its bytes,
//! with where and when it was captured, who added it and the text taken
//! out of it; the custody log of every add, verify and replace; and where
//! an evidence excerpt lies in its source's latest text snapshot.
//!
//! The bytes themselves live beside the workspace, never in it
//! (`store::snapshots`); the text is kept here, so a better extractor later
//! never moves an anchored excerpt.

use super::{ClaimId, EvidenceId, SourceId};
use crate::anchor::Anchor;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Where a snapshot's capture time came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CapturedFrom {
    /// Given by the person who added it (`--captured`).
    Given,
    /// Said by the file itself.
    File,
    /// The file's modification time: the file said nothing.
    FileTime,
    /// When it was added: neither the file nor its time said anything.
    Added,
}

impl CapturedFrom {
    /// The kebab-case word JSON and messages use.
    pub fn label(self) -> &'static str {
        match self {
            CapturedFrom::Given => "given",
            CapturedFrom::File => "file",
            CapturedFrom::FileTime => "file-time",
            CapturedFrom::Added => "added",
        }
    }
}

/// What kind of capture a snapshot is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CaptureMethod {
    /// A web page as a browser saved it (HTML).
    SavedPage,
    /// An image: a screenshot or a photograph (PNG, JPEG, WebP).
    Image,
    /// A plain text file.
    PlainText,
    /// A document kept as bytes only (a PDF, until its text is read).
    Document,
}

impl CaptureMethod {
    pub fn label(self) -> &'static str {
        match self {
            CaptureMethod::SavedPage => "saved-page",
            CaptureMethod::Image => "image",
            CaptureMethod::PlainText => "plain-text",
            CaptureMethod::Document => "document",
        }
    }
}

/// A latitude and longitude in decimal degrees (EXIF GPS).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeoPoint {
    pub latitude: f64,
    pub longitude: f64,
}

/// What an image's EXIF block says, where it says it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageMeta {
    /// When the picture was taken, as EXIF writes it (local time, no zone).
    pub taken: String,
    /// The camera's make and model.
    pub camera: String,
    pub location: Option<GeoPoint>,
}

/// One saved copy of a source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// SHA-256 of the bytes, 64 lowercase hex digits: also the file's name
    /// in `NAME.snapshots/`.
    pub sha256: String,
    pub size: u64,
    pub media_type: String,
    /// The name of the file it was added from.
    pub file_name: String,
    /// The address it was captured from (may be empty when unknown).
    pub url: String,
    pub captured: Timestamp,
    pub captured_from: CapturedFrom,
    /// What the file said when a given time or address won over it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub captured_in_file: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url_in_file: String,
    pub method: CaptureMethod,
    /// Who added it (Preferences › Your name, `--by`).
    pub by: String,
    pub added: Timestamp,
    /// The text taken out of it (a page's main text, as article import
    /// extracts it); `None` for an image or when none could be taken.
    pub text: Option<String>,
    /// Why there is no text, or what to know about it.
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageMeta>,
    /// The snapshot of the same page this one replaced (kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    /// Where each page starts in `text`, for a snapshot read page by page
    /// (a PDF), so an excerpt's page can be told (format 12).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<super::PageStart>,
}

impl Snapshot {
    /// The first 12 hex digits of the hash, as messages show it.
    pub fn short_hash(&self) -> &str {
        short_hash(&self.sha256)
    }

    /// Whether `self` and `other` are captures of the same page of the
    /// same kind, so the newer replaces the older: same method and same
    /// address (ignoring a `#fragment` and a trailing `/`), both known.
    pub fn same_page(&self, other: &Snapshot) -> bool {
        let page = |url: &str| {
            let url = url.trim();
            let url = url.split('#').next().unwrap_or(url);
            url.trim_end_matches('/').to_lowercase()
        };
        self.method == other.method && !self.url.is_empty() && page(&self.url) == page(&other.url)
    }
}

/// The first 12 hex digits of a hash.
pub fn short_hash(sha256: &str) -> &str {
    sha256.get(..12).unwrap_or(sha256)
}

/// Whether `text` is a SHA-256 as snapshots are named: 64 lowercase hex digits.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Where an evidence excerpt lies in its source's text snapshot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExcerptAnchor {
    /// The snapshot (its SHA-256) the excerpt was looked for in.
    pub snapshot: String,
    /// Where the excerpt is in that snapshot's text (char offsets, with
    /// its context); `None` when it was not found there.
    pub anchor: Option<Anchor>,
    /// Cited with `--unverified`: not found, and the checker said so.
    #[serde(default)]
    pub unverified: bool,
}

/// What re-hashing a snapshot's file found.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ByteCheck {
    Ok,
    /// The file's bytes hash to something else (that hash).
    Changed(String),
    Missing,
}

impl ByteCheck {
    pub fn label(&self) -> &'static str {
        match self {
            ByteCheck::Ok => "ok",
            ByteCheck::Changed(_) => "changed",
            ByteCheck::Missing => "missing",
        }
    }
}

/// What looking for an excerpt in its snapshot found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExcerptCheck {
    Found,
    NotFound,
    Unverified,
}

impl ExcerptCheck {
    pub fn label(self) -> &'static str {
        match self {
            ExcerptCheck::Found => "ok",
            ExcerptCheck::NotFound => "excerpt-not-found",
            ExcerptCheck::Unverified => "unverified",
        }
    }
}

/// What happened to a snapshot, as the custody log records it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CustodyEvent {
    Added,
    Verified(ByteCheck),
    ExcerptVerified {
        claim: ClaimId,
        evidence: EvidenceId,
        result: ExcerptCheck,
    },
    /// An excerpt cited although not found in the snapshot (`--unverified`).
    CitedUnverified {
        claim: ClaimId,
        evidence: EvidenceId,
    },
    /// This snapshot replaced `old` (which is kept).
    Replaced {
        old: String,
    },
}

/// One entry of the append-only custody log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustodyEntry {
    pub id: super::CustodyId,
    pub at: Timestamp,
    pub by: String,
    pub source: SourceId,
    /// The snapshot (its SHA-256) the entry is about.
    pub snapshot: String,
    pub event: CustodyEvent,
}

impl CustodyEntry {
    pub fn new(
        at: Timestamp,
        by: &str,
        source: SourceId,
        snapshot: &str,
        event: CustodyEvent,
    ) -> Self {
        CustodyEntry {
            id: super::CustodyId::new(),
            at,
            by: by.to_owned(),
            source,
            snapshot: snapshot.to_owned(),
            event,
        }
    }

    /// The entry in words, for `check` and the details window.
    pub fn describe(&self) -> String {
        let what = match &self.event {
            CustodyEvent::Added => "added".to_owned(),
            CustodyEvent::Verified(check) => format!("verified: {}", check.label()),
            CustodyEvent::ExcerptVerified { claim, result, .. } => {
                format!("excerpt of claim {claim} verified: {}", result.label())
            }
            CustodyEvent::CitedUnverified { claim, .. } => {
                format!("excerpt cited for claim {claim} unverified")
            }
            CustodyEvent::Replaced { old } => format!("replaced {}", short_hash(old)),
        };
        format!(
            "{} {} by {}: {what}",
            self.at,
            short_hash(&self.snapshot),
            self.by
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_told_apart_from_other_text() {
        assert!(is_sha256(&"ab".repeat(32)));
        assert!(!is_sha256(&"AB".repeat(32)));
        assert!(!is_sha256("../../etc/passwd"));
        assert_eq!(short_hash("0123456789abcdef"), "0123456789ab");
    }
}
