//! What a user can ask to change: [`Command`]s, and the typed parts they
//! are made of. Panels, menus, shortcuts and the command line build these;
//! only [`super::Document::execute`] applies them.

use crate::model::{
    Article, ArticleId, ClaimId, ClaimantKind, Evidence, Priority, PublicField, Source, SourceId,
    Stance, Status, VerdictScale,
};

pub use super::vocabulary::{
    ArticleDetails, ArticleText, ClaimField, ClaimText, CommandError, EvidenceText, FieldKey,
    SourceChange, SourceText, WorkspaceDetails, WorkspaceText,
};

/// What a user asked to change.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Mark the chars `start..end` of an article as a new claim; spaces
    /// and punctuation at either end are left out of the quote.
    MarkClaim {
        article: ArticleId,
        start: usize,
        end: usize,
    },
    /// Mark a new claim about media (an image, or a video or recording,
    /// whole or a time range) that appeared in an article; refused for a
    /// bad target (`edit/media.rs`).
    MarkMedia {
        article: ArticleId,
        target: crate::model::MediaTarget,
    },
    /// Change one thing about a claim.
    EditClaim {
        claim: ClaimId,
        change: ClaimChange,
    },
    DeleteClaim(ClaimId),
    /// Add a new source to the library.
    AddSource(Box<Source>),
    /// Add a new source to the library and cite it for a claim, as one step.
    AddSourceAndCite {
        source: Box<Source>,
        claim: ClaimId,
        evidence: Box<Evidence>,
    },
    /// Change one field of a source; keystrokes in one text field merge
    /// into one undo step.
    EditSource {
        source: SourceId,
        change: SourceChange,
    },
    /// Remove a source that no claim cites.
    DeleteSource(SourceId),
    /// Add imported articles, as one step.
    AddArticles(Vec<Article>),
    /// Change an article's details (title, outlet, author, dates…).
    EditArticle {
        article: ArticleId,
        details: Box<ArticleDetails>,
        typing: Option<ArticleText>,
    },
    /// Change the workspace's details (title, publisher, report URL…).
    EditWorkspace {
        details: Box<WorkspaceDetails>,
        typing: Option<WorkspaceText>,
    },
    /// Replace the verdict scale (verdicts added, renamed, recoloured,
    /// reordered, removed, ratings changed) as one step. Claims whose
    /// verdict is not on the new scale become what `reassign` says (`(old
    /// key, new key or None)`); without a say for a key in use the command
    /// is refused with [`CommandError::VerdictInUse`].
    SetScale {
        scale: Box<VerdictScale>,
        reassign: super::scale::Reassign,
    },
    /// Replace an article's text by a newer version, as prepared (and shown)
    /// by [`super::ArticleUpdate::prepare`]: the old text becomes an earlier
    /// version and every claim takes its new anchor or becomes an orphan.
    UpdateArticle(Box<super::ArticleUpdate>),
    /// Correct an article's text in place: the chars `start..end` become
    /// `text`, and every claim of the article follows (see
    /// `edit/article_text.rs`). Typing merges into one undo step.
    EditArticleText {
        article: ArticleId,
        start: usize,
        end: usize,
        text: String,
    },
    /// Name a transcript's speaker (given by its label or its name) for
    /// the whole article; an empty name goes back to the file's label.
    /// Draft claims whose claimant was the old name follow (`edit/transcript.rs`).
    RenameSpeaker {
        article: ArticleId,
        speaker: String,
        name: String,
    },
    /// Add a snapshot (its bytes already stored beside the workspace) to a
    /// source; nothing when the source holds those bytes already. It
    /// replaces the latest snapshot of the same page, which is kept; the
    /// custody log says so and excerpts citing the source are anchored
    /// again in its text (`edit/snapshot.rs`).
    AddSnapshot {
        source: SourceId,
        snapshot: Box<crate::model::Snapshot>,
    },
    /// Append entries to the custody log (what `verify` found, an excerpt
    /// cited unverified).
    RecordCustody(Vec<crate::model::CustodyEntry>),
    /// Add articles, claims and sources read from another tool's export
    /// (a Meedan Check export), as one step, keeping the dates and the
    /// publication history the export recorded (`edit/imported_checks.rs`).
    AddImportedChecks(Box<super::ImportedChecks>),
    /// Settle the merge conflict at `index` of the workspace's list.
    ResolveConflict {
        index: usize,
        resolution: crate::model::Resolution,
    },
}

impl Command {
    /// Adds one article.
    pub fn add_article(article: Article) -> Self {
        Command::AddArticles(vec![article])
    }

    /// Sets or clears a claim's verdict.
    pub fn set_verdict(claim: ClaimId, verdict: Option<String>) -> Self {
        Command::EditClaim {
            claim,
            change: ClaimChange::SetVerdict(verdict),
        }
    }

    /// Sets one of a claim's text fields.
    pub fn set_claim_text(claim: ClaimId, field: ClaimText, text: impl Into<String>) -> Self {
        Command::EditClaim {
            claim,
            change: ClaimChange::SetText {
                field,
                text: text.into(),
            },
        }
    }

    /// The text field this command types into, if it is typing, with the
    /// text it leaves there (to tell where words end).
    pub(super) fn typing(&self) -> Option<(FieldKey, &str)> {
        match self {
            Command::EditClaim { claim, change } => {
                change.typed().map(|(f, t)| (FieldKey::Claim(*claim, f), t))
            }
            Command::EditSource { source, change } => change
                .typed()
                .map(|(field, text)| (FieldKey::Source(*source, field), text)),
            Command::EditArticle {
                article,
                details,
                typing: Some(field),
            } => Some((FieldKey::Article(*article, *field), field.get(details))),
            Command::EditWorkspace {
                details,
                typing: Some(field),
            } => Some((FieldKey::Workspace(*field), field.get(details))),
            Command::EditArticleText { article, text, .. } => {
                Some((FieldKey::ArticleBody(*article), text))
            }
            _ => None,
        }
    }
}

/// One change to a claim, planned against the claim as it is when the
/// command is applied (so a panel never sends a whole edited copy).
#[derive(Clone, Debug, PartialEq)]
pub enum ClaimChange {
    /// Confirm (or take back) that the outlet deleted an orphan's sentence.
    SetRemovedByOutlet(bool),
    SetText {
        field: ClaimText,
        text: String,
    },
    AddTag(String),
    RemoveTag(String),
    SetStatus(Status),
    SetPriority(Priority),
    /// Give the claim a verdict (a key of the scale) or clear it, while it
    /// is a draft. A claim that was ever published is changed by
    /// [`ClaimChange::Correct`] instead, which records a correction.
    SetVerdict(Option<String>),
    /// Whether the claimant is a person or an organisation.
    SetClaimantKind(ClaimantKind),
    /// Publish the claim, approved by `by`; refused without a verdict and
    /// a rationale. Publishing again after withdrawing keeps the first date.
    Publish {
        by: String,
    },
    /// Withdraw a published claim (recorded, with who did it).
    Unpublish {
        by: String,
    },
    /// An editor approves the claim under review: status *Done*.
    Approve {
        by: String,
    },
    /// An editor sends the claim back with a note: status *In progress*.
    SendBack {
        by: String,
        note: String,
    },
    /// Change public fields of a claim that was published, as one step
    /// recording a dated correction with a public `note` and the old and
    /// new value of each field it changed.
    Correct {
        fields: Corrected,
        note: String,
        by: String,
    },
    /// A correction written by hand (the verdict stays) on a claim that was
    /// published.
    AddCorrection {
        note: String,
        by: String,
    },
    /// Cite a library source as evidence.
    Cite(Evidence),
    /// Stop citing the evidence at this position.
    Uncite(usize),
    SetStance {
        evidence: usize,
        stance: Stance,
    },
    SetEvidenceText {
        evidence: usize,
        field: EvidenceText,
        text: String,
    },
    SetCorrectionNote {
        correction: usize,
        note: String,
    },
    /// Put the claim on the chars `start..end` of its article: the quote
    /// and its context are taken again from the text, every other field
    /// is kept.
    SetSpan {
        start: usize,
        end: usize,
    },
}

/// The public fields a correction sets; `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Corrected {
    pub statement: Option<String>,
    pub claimant: Option<String>,
    /// The new verdict (`Some(None)` clears it).
    pub verdict: Option<Option<String>>,
    pub rationale: Option<String>,
    /// Evidence to add (evidence is never removed from a published check).
    pub cite: Vec<Evidence>,
}

impl ClaimChange {
    /// The public field of the claim this change touches, if any: once the
    /// claim was published, such a change is refused unless it is a
    /// correction ([`ClaimChange::Correct`]).
    pub fn public_field(&self) -> Option<PublicField> {
        match self {
            ClaimChange::SetText { field, .. } => field.public_field(),
            ClaimChange::SetVerdict(_) => Some(PublicField::Verdict),
            ClaimChange::SetSpan { .. } => Some(PublicField::Quote),
            ClaimChange::Cite(_)
            | ClaimChange::Uncite(_)
            | ClaimChange::SetStance { .. }
            | ClaimChange::SetEvidenceText { .. } => Some(PublicField::Evidence),
            _ => None,
        }
    }

    fn typed(&self) -> Option<(ClaimField, &str)> {
        match self {
            ClaimChange::SetText { field, text } => Some((ClaimField::Text(*field), text)),
            ClaimChange::SetEvidenceText {
                evidence,
                field,
                text,
            } => Some((ClaimField::Evidence(*evidence, *field), text)),
            ClaimChange::SetCorrectionNote { correction, note } => {
                Some((ClaimField::Correction(*correction), note))
            }
            _ => None,
        }
    }
}

/// What a command did, for the window to follow up (select the new claim…).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Claim(ClaimId),
    Source(SourceId),
    Article(ArticleId),
    /// An article's text was edited; the caret goes to `caret` (a char
    /// offset), just after what was put in.
    TextEdited {
        caret: usize,
    },
    /// Applied, nothing to follow up.
    Done,
    /// The command asked for what already is: nothing was recorded.
    Unchanged,
}
