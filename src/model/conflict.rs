//! Disagreements a merge left for a person to settle: the field, the item it
//! belongs to, and the value it had in the common base and on each side.
//!
//! Values are kept as JSON text of the field's serde form, so a conflict can
//! hold any field of any item (fields added to the model later included)
//! and still be shown and applied by one generic code path (settling is
//! planned in `crate::edit`, as [`Resolution`] says).

use super::{ArticleId, ClaimId, EvidenceId, SourceId};
use serde::{Deserialize, Serialize};

/// One field (or whole item) the two sides of a merge disagree on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub item: ConflictItem,
    /// The field inside the item, dot-separated (`"verdict"`,
    /// `"publisher.name"`); empty when the whole item is in question (it
    /// was deleted on one side and changed on the other).
    pub field: String,
    /// The value in the common ancestor; `None` where the item did not exist.
    pub base: Option<String>,
    /// The value on our side (the file merged into); `None` where deleted.
    pub ours: Option<String>,
    /// The value on their side (the file merged in); `None` where deleted.
    pub theirs: Option<String>,
}

/// What a conflict is about, by stable id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ConflictItem {
    /// The workspace's own details (title, publisher, scale…).
    Workspace,
    Article(ArticleId),
    Claim(ClaimId),
    Source(SourceId),
    /// One piece of evidence of a claim, known by its own id.
    Evidence {
        claim: ClaimId,
        evidence: EvidenceId,
    },
}

/// Which side of a merge a value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Ours,
    Theirs,
}

impl Conflict {
    /// The value `side` had (JSON text; `None` where the item was deleted).
    pub fn value(&self, side: Side) -> Option<&str> {
        match side {
            Side::Ours => self.ours.as_deref(),
            Side::Theirs => self.theirs.as_deref(),
        }
    }

    /// Whether the whole item, not one field, is in question.
    pub fn is_whole_item(&self) -> bool {
        self.field.is_empty()
    }
}

/// How a conflict is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    KeepOurs,
    KeepTheirs,
    /// Keep what the item holds now (the user edited it).
    KeepCurrent,
}
