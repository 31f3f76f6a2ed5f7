//! Random, stable identifiers (UUID v7) for articles, claims, sources,
//! the evidence entries of a claim and custody log entries.
//!
//! Each kind of id is its own type so a claim id can never be used where a
//! source id is expected. In the file they are plain strings.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new random id (UUID v7: time-ordered, collision-free in practice).
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            /// Parses the textual form written in workspace files.
            pub fn parse(text: &str) -> Option<Self> {
                Uuid::parse_str(text.trim()).ok().map(Self)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// Identifies an [`crate::Article`] within a workspace.
    ArticleId
);
id_type!(
    /// Identifies a [`crate::Claim`] within a workspace.
    ClaimId
);
id_type!(
    /// Identifies a [`crate::Source`] in the workspace's source library.
    SourceId
);
id_type!(
    /// Identifies one [`crate::Evidence`] entry (a citation) within its
    /// claim, so a merge matches citations by identity, not by position.
    EvidenceId
);
id_type!(
    /// Identifies one entry of a workspace's custody log, so a merge keeps
    /// both sides' entries and each once.
    CustodyId
);

impl EvidenceId {
    /// The id a citation written before evidence had ids (format version
    /// 4 and older) is given when its file is read: derived from its
    /// claim, the source it cites and which citation of that source in the
    /// claim it is (1 for the first), so every copy of an old file gives
    /// its citations the same ids, and a merge of copies migrated apart
    /// still matches them. (A UUID of version 8, "custom".)
    pub fn migrated(claim: ClaimId, source: SourceId, nth: usize) -> Self {
        let mut bytes = [0u8; 16];
        let halves = [fnv1a(0, claim, source, nth), fnv1a(1, claim, source, nth)];
        for (half, value) in halves.iter().enumerate() {
            bytes[half * 8..half * 8 + 8].copy_from_slice(&value.to_be_bytes());
        }
        Self(uuid::Builder::from_custom_bytes(bytes).into_uuid())
    }
}

/// FNV-1a (64 bits) of a seed, two ids and a number: a stable hash, the
/// same on every machine and in every version of Rust.
fn fnv1a(seed: u8, claim: ClaimId, source: SourceId, nth: usize) -> u64 {
    let nth = (nth as u64).to_le_bytes();
    let parts = [&[seed][..], claim.0.as_bytes(), source.0.as_bytes(), &nth];
    parts
        .iter()
        .flat_map(|part| part.iter())
        .fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        })
}
