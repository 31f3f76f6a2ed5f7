//! Random, stable identifiers (UUID v7) for articles, claims and sources.
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
