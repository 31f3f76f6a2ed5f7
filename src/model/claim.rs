//! Claims marked in an article. Their anchors ([`Anchor`]) live in
//! [`crate::anchor`], with the code that checks them.

use super::{Anchor, ArticleId, ClaimId, Evidence, FieldChange};
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

/// A correction published with a claim: a change of its public fields
/// (see [`super::PublicField`]) made after the claim was first published,
/// or a note written by hand. Changes made before publication are drafting
/// and are not corrections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub date: Timestamp,
    /// The public note explaining the correction, written by the user.
    pub note: String,
    /// Each public field the correction changed, with its old and new
    /// value, in the order of [`super::PublicField::ALL`]; empty for a
    /// correction written by hand.
    #[serde(default)]
    pub changes: Vec<FieldChange>,
    /// Who made the correction (Preferences › Your name).
    pub by: String,
}

impl Correction {
    /// The change of verdict this correction made, as `(old, new)` keys
    /// (`None` for unrated), if it changed the verdict.
    pub fn verdict_change(&self) -> Option<(Option<&str>, Option<&str>)> {
        self.changes
            .iter()
            .find(|c| c.field == super::PublicField::Verdict)
            .map(|c| {
                (
                    FieldChange::verdict_key(&c.old),
                    FieldChange::verdict_key(&c.new),
                )
            })
    }
}

/// Whether a claimant is a person or an organisation (ClaimReview's
/// `Person` or `Organization`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum ClaimantKind {
    #[default]
    Person,
    Organization,
}

impl ClaimantKind {
    pub const ALL: [ClaimantKind; 2] = [ClaimantKind::Person, ClaimantKind::Organization];

    pub fn label(self) -> &'static str {
        match self {
            ClaimantKind::Person => "Person",
            ClaimantKind::Organization => "Organisation",
        }
    }

    /// The schema.org type.
    pub fn schema_type(self) -> &'static str {
        match self {
            ClaimantKind::Person => "Person",
            ClaimantKind::Organization => "Organization",
        }
    }
}

/// Publishing or withdrawing a claim from publication.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PublicationAction {
    Published,
    Unpublished,
}

/// One entry of a claim's publication log: who published or withdrew it, when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicationEvent {
    pub action: PublicationAction,
    pub date: Timestamp,
    /// Who approved the publication (or withdrew it).
    pub by: String,
}

/// What an editor decided when reviewing a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReviewOutcome {
    Approved,
    SentBack,
}

/// One review of a claim by an editor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub outcome: ReviewOutcome,
    pub date: Timestamp,
    pub by: String,
    /// Why it was sent back (internal; may be empty on approval).
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
    /// Whether the claimant is a person or an organisation.
    pub claimant_kind: ClaimantKind,
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
    /// Editors' comments; never in a public export.
    pub internal_note: String,
    /// Publishing and withdrawing, oldest first: the claim is published
    /// when the last entry is [`PublicationAction::Published`].
    pub publication: Vec<PublicationEvent>,
    /// Editors' reviews, oldest first.
    pub reviews: Vec<Review>,
    /// Set when a newer version of the article no longer held the quote:
    /// the moment it was orphaned. The anchor then still points into the
    /// text it quoted (the article version replaced at that moment), and
    /// the claim waits to be attached again by hand.
    pub orphaned: Option<Timestamp>,
    /// Set for a claim about an image, a video or a recording rather than
    /// words (format 8): its anchor is then empty (no text quoted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<super::MediaTarget>,
    /// The number public reports give the claim, given at its first
    /// publication (1, 2, 3… in order of publication) and never changed or
    /// reused, also when the claim is withdrawn (format 12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_number: Option<u32>,
    /// An orphan the checker confirmed: the outlet deleted the quoted
    /// sentence. The claim stays as it was checked (its quote from the
    /// older text) and is no longer a problem waiting to be re-attached
    /// (format 12; meaningful only while the claim is orphaned).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed_by_outlet: bool,
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
            claimant_kind: ClaimantKind::default(),
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
            internal_note: String::new(),
            publication: Vec::new(),
            reviews: Vec::new(),
            orphaned: None,
            media: None,
            public_number: None,
            removed_by_outlet: false,
        }
    }

    /// A new unrated claim about `media`, which appeared in `article`:
    /// its anchor is empty (0..0, no text quoted), its statement empty.
    pub fn on_media(
        article: ArticleId,
        media: super::MediaTarget,
        reported_by: impl Into<String>,
    ) -> Self {
        let anchor = Anchor {
            start: 0,
            end: 0,
            exact: String::new(),
            prefix: String::new(),
            suffix: String::new(),
        };
        Claim {
            media: Some(media),
            ..Claim::new(article, anchor, reported_by)
        }
    }

    /// Whether the claim is about media rather than a quote of its text.
    pub fn is_media(&self) -> bool {
        self.media.is_some()
    }

    pub fn is_rated(&self) -> bool {
        self.verdict.is_some()
    }

    /// Whether the claim is published now.
    pub fn is_published(&self) -> bool {
        self.publication
            .last()
            .is_some_and(|e| e.action == PublicationAction::Published)
    }

    /// When the claim was first published, if it ever was (ClaimReview
    /// `datePublished`); withdrawing and publishing again keeps this date.
    pub fn first_published(&self) -> Option<Timestamp> {
        self.publication
            .iter()
            .find(|e| e.action == PublicationAction::Published)
            .map(|e| e.date)
    }

    /// Who approved the current publication, while published.
    pub fn approved_by(&self) -> Option<&str> {
        self.publication
            .last()
            .filter(|e| e.action == PublicationAction::Published)
            .map(|e| e.by.as_str())
    }

    /// When the last correction was made (ClaimReview `dateModified`).
    pub fn last_corrected(&self) -> Option<Timestamp> {
        self.corrections.iter().map(|c| c.date).max()
    }

    /// Whether the claim lost its text in a newer version of the article.
    pub fn is_orphaned(&self) -> bool {
        self.orphaned.is_some()
    }

    /// An orphan whose sentence the checker confirmed the outlet deleted:
    /// kept as checked, not a problem.
    pub fn is_removed_by_outlet(&self) -> bool {
        self.removed_by_outlet && self.is_orphaned()
    }
}
