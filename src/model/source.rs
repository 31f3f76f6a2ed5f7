//! Sources in the workspace library and the evidence that cites them.

use super::{EvidenceId, ExcerptAnchor, Snapshot, SourceId};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What kind of material a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceKind {
    OfficialStatement,
    PrimaryDocument,
    Dataset,
    NewsReport,
    Expert,
    Other,
}

impl SourceKind {
    pub const ALL: [SourceKind; 6] = [
        SourceKind::OfficialStatement,
        SourceKind::PrimaryDocument,
        SourceKind::Dataset,
        SourceKind::NewsReport,
        SourceKind::Expert,
        SourceKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SourceKind::OfficialStatement => "Official statement",
            SourceKind::PrimaryDocument => "Primary document",
            SourceKind::Dataset => "Dataset",
            SourceKind::NewsReport => "News report",
            SourceKind::Expert => "Expert",
            SourceKind::Other => "Other",
        }
    }
}

/// A source in the workspace library, shared between claims.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    pub url: String,
    pub publisher: String,
    pub kind: SourceKind,
    pub published: Option<Date>,
    pub accessed: Option<Date>,
    pub archive_url: String,
    pub notes: String,
    /// Saved copies of the source, oldest first (format 9).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<Snapshot>,
    /// Withheld from public reports for the source's safety (format 10):
    /// kept whole in the workspace and the internal copy, shown to readers
    /// only as withheld.
    #[serde(
        default,
        skip_serializing_if = "is_false",
        deserialize_with = "false_when_null"
    )]
    pub protected: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A flag written only when set reads `null` as unset: the merge driver
/// gives a field one side dropped as `null`.
fn false_when_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    struct Flag;
    impl serde::de::Visitor<'_> for Flag {
        type Value = bool;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("true or false")
        }
        fn visit_bool<E>(self, v: bool) -> Result<bool, E> {
            Ok(v)
        }
        fn visit_unit<E>(self) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_none<E>(self) -> Result<bool, E> {
            Ok(false)
        }
    }
    d.deserialize_any(Flag)
}

impl Source {
    /// The latest snapshot holding text: the one excerpts are anchored in.
    pub fn latest_text_snapshot(&self) -> Option<&Snapshot> {
        self.snapshots.iter().rev().find(|s| s.text.is_some())
    }

    pub fn snapshot(&self, sha256: &str) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.sha256 == sha256)
    }

    /// A new source with a fresh id.
    pub fn new(title: impl Into<String>, url: impl Into<String>, kind: SourceKind) -> Self {
        Source {
            id: SourceId::new(),
            title: title.into(),
            url: url.into(),
            publisher: String::new(),
            kind,
            published: None,
            accessed: None,
            archive_url: String::new(),
            notes: String::new(),
            snapshots: Vec::new(),
            protected: false,
        }
    }
}

/// How a piece of evidence bears on a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stance {
    Supports,
    Refutes,
    Context,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::Supports, Stance::Refutes, Stance::Context];

    pub fn label(self) -> &'static str {
        match self {
            Stance::Supports => "Supports",
            Stance::Refutes => "Refutes",
            Stance::Context => "Context",
        }
    }
}

/// A source cited for a claim, with what it says about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// This citation's own id: a claim may cite one source more than once.
    pub id: EvidenceId,
    pub source: SourceId,
    pub stance: Stance,
    pub excerpt: String,
    pub note: String,
    /// Where the excerpt lies in the source's latest text snapshot
    /// (format 9); `None` while the source has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Box<ExcerptAnchor>>,
}

impl Evidence {
    /// A new citation of `source`, with a fresh id and no note.
    pub fn new(source: SourceId, stance: Stance, excerpt: impl Into<String>) -> Self {
        Evidence {
            id: EvidenceId::new(),
            source,
            stance,
            excerpt: excerpt.into(),
            note: String::new(),
            anchor: None,
        }
    }
}
