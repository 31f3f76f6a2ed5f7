//! Claims marked in an article. Their anchors ([`Anchor`]) live in
//! [`crate::anchor`], with the code that checks them.

use super::{Anchor, ArticleId, ClaimId, Evidence};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Where a claim is in the checking workflow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Status {
    #[default]
    ToCheck,
    InProgress,
    NeedsReview,
    Done,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::ToCheck,
        Status::InProgress,
        Status::NeedsReview,
        Status::Done,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::ToCheck => "To check",
            Status::InProgress => "In progress",
            Status::NeedsReview => "Needs review",
            Status::Done => "Done",
        }
    }
}

/// How urgent checking a claim is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum Priority {
    Low,
    #[default]
    Normal,
    High,
    Urgent,
}

impl Priority {
    pub const ALL: [Priority; 4] = [
        Priority::Low,
        Priority::Normal,
        Priority::High,
        Priority::Urgent,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Priority::Low => "Low",
            Priority::Normal => "Normal",
            Priority::High => "High",
            Priority::Urgent => "Urgent",
        }
    }
}

/// A dated note recording a change made after a verdict was given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub date: Timestamp,
    pub note: String,
}

/// A checkable statement found in an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: ClaimId,
    pub article: ArticleId,
    pub anchor: Anchor,
    /// The claim in checkable words; starts as the quote.
    pub statement: String,
    /// Who made the claim.
    pub claimant: String,
    /// Who reported it; starts as the article's outlet.
    pub reported_by: String,
    pub tags: Vec<String>,
    pub priority: Priority,
    pub status: Status,
    /// A key of the workspace's verdict scale, or `None` while unrated.
    pub verdict: Option<String>,
    pub rationale: String,
    pub evidence: Vec<Evidence>,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub corrections: Vec<Correction>,
    /// Set when a newer version of the article no longer held the quote:
    /// the moment it was orphaned. The anchor then still points into the
    /// text it quoted (the article version replaced at that moment), and
    /// the claim waits to be attached again by hand.
    pub orphaned: Option<Timestamp>,
}

impl Claim {
    /// A new unrated claim on `anchor`, with the statement set to the quote.
    pub fn new(article: ArticleId, anchor: Anchor, reported_by: impl Into<String>) -> Self {
        let now = super::now();
        Claim {
            id: ClaimId::new(),
            article,
            statement: anchor.exact.clone(),
            anchor,
            claimant: String::new(),
            reported_by: reported_by.into(),
            tags: Vec::new(),
            priority: Priority::default(),
            status: Status::default(),
            verdict: None,
            rationale: String::new(),
            evidence: Vec::new(),
            created: now,
            updated: now,
            corrections: Vec::new(),
            orphaned: None,
        }
    }

    pub fn is_rated(&self) -> bool {
        self.verdict.is_some()
    }

    /// Whether the claim lost its text in a newer version of the article.
    pub fn is_orphaned(&self) -> bool {
        self.orphaned.is_some()
    }
}
