//! What a user can ask to change: [`Command`]s, and the typed parts they
//! are made of. Panels, menus, shortcuts and the command line build these;
//! only [`super::Document::execute`] applies them.

use crate::anchor::AnchorFault;
use crate::model::{
    Article, ArticleId, Claim, ClaimId, ClaimantKind, Evidence, Priority, PublicField, Publisher,
    Source, SourceId, Stance, Status, VerdictScale, Workspace,
};
use jiff::civil::Date;

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
    /// Replace a source's fields (its id stays); `typing` names the text
    /// field typed in, so keystrokes merge into one undo step.
    EditSource {
        source: Box<Source>,
        typing: Option<SourceText>,
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
    /// Settle the merge conflict at `index` of the workspace's list.
    ResolveConflict {
        index: usize,
        resolution: crate::merge::Resolution,
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
            Command::EditSource {
                source,
                typing: Some(field),
            } => Some((FieldKey::Source(source.id, *field), field.get(source))),
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

/// A claim's own text fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimText {
    Statement,
    Claimant,
    ReportedBy,
    Rationale,
    /// Editors' comments, never published.
    InternalNote,
}

impl ClaimText {
    pub const ALL: [ClaimText; 5] = [
        ClaimText::Statement,
        ClaimText::Claimant,
        ClaimText::ReportedBy,
        ClaimText::Rationale,
        ClaimText::InternalNote,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ClaimText::Statement => "Statement",
            ClaimText::Claimant => "Claimant",
            ClaimText::ReportedBy => "Reported by",
            ClaimText::Rationale => "Rationale",
            ClaimText::InternalNote => "Internal note",
        }
    }

    /// The public field this text is, if it is one.
    pub fn public_field(self) -> Option<PublicField> {
        match self {
            ClaimText::Statement => Some(PublicField::Statement),
            ClaimText::Claimant => Some(PublicField::Claimant),
            ClaimText::Rationale => Some(PublicField::Rationale),
            ClaimText::ReportedBy | ClaimText::InternalNote => None,
        }
    }

    pub fn get(self, claim: &Claim) -> &str {
        match self {
            ClaimText::Statement => &claim.statement,
            ClaimText::Claimant => &claim.claimant,
            ClaimText::ReportedBy => &claim.reported_by,
            ClaimText::Rationale => &claim.rationale,
            ClaimText::InternalNote => &claim.internal_note,
        }
    }

    pub(super) fn slot(self, claim: &mut Claim) -> &mut String {
        match self {
            ClaimText::Statement => &mut claim.statement,
            ClaimText::Claimant => &mut claim.claimant,
            ClaimText::ReportedBy => &mut claim.reported_by,
            ClaimText::Rationale => &mut claim.rationale,
            ClaimText::InternalNote => &mut claim.internal_note,
        }
    }
}

/// The text fields of a piece of evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EvidenceText {
    Excerpt,
    Note,
}

impl EvidenceText {
    pub fn get(self, evidence: &Evidence) -> &str {
        match self {
            EvidenceText::Excerpt => &evidence.excerpt,
            EvidenceText::Note => &evidence.note,
        }
    }

    pub(super) fn slot(self, evidence: &mut Evidence) -> &mut String {
        match self {
            EvidenceText::Excerpt => &mut evidence.excerpt,
            EvidenceText::Note => &mut evidence.note,
        }
    }
}

/// A source's text fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceText {
    Title,
    Url,
    Publisher,
    ArchiveUrl,
    Notes,
}

impl SourceText {
    pub fn get(self, source: &Source) -> &str {
        match self {
            SourceText::Title => &source.title,
            SourceText::Url => &source.url,
            SourceText::Publisher => &source.publisher,
            SourceText::ArchiveUrl => &source.archive_url,
            SourceText::Notes => &source.notes,
        }
    }
}

/// An article's text fields besides its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArticleText {
    Title,
    Outlet,
    Author,
    Url,
    Language,
    Notes,
}

impl ArticleText {
    pub fn get(self, details: &ArticleDetails) -> &str {
        match self {
            ArticleText::Title => &details.title,
            ArticleText::Outlet => &details.outlet,
            ArticleText::Author => &details.author,
            ArticleText::Url => &details.url,
            ArticleText::Language => &details.language,
            ArticleText::Notes => &details.notes,
        }
    }
}

/// The workspace's text fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WorkspaceText {
    Title,
    Description,
    Methodology,
    PublisherName,
    PublisherUrl,
    ReportUrl,
}

impl WorkspaceText {
    pub fn get(self, details: &WorkspaceDetails) -> &str {
        match self {
            WorkspaceText::Title => &details.title,
            WorkspaceText::Description => &details.description,
            WorkspaceText::Methodology => &details.methodology,
            WorkspaceText::PublisherName => &details.publisher.name,
            WorkspaceText::PublisherUrl => &details.publisher.url,
            WorkspaceText::ReportUrl => &details.report_url,
        }
    }
}

/// A text field of one claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimField {
    Text(ClaimText),
    Evidence(usize, EvidenceText),
    Correction(usize),
}

/// Which text field typing goes to: keystrokes in the same field of the
/// same item merge into one undo step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKey {
    Claim(ClaimId, ClaimField),
    Source(SourceId, SourceText),
    Article(ArticleId, ArticleText),
    Workspace(WorkspaceText),
    /// The article's text itself, edited in place.
    ArticleBody(ArticleId),
}

impl FieldKey {
    /// Whether the steps typed here must be undone one after another: an
    /// edit of an article's text undoes only itself, while a field's edit
    /// undoes to the text the field had before, so a field's first step
    /// alone undoes all typing merged into it.
    pub(super) fn steps_compose(self) -> bool {
        matches!(self, FieldKey::ArticleBody(_))
    }
}

/// An article's details: everything but its id and text, so editing them
/// never copies the (possibly megabytes long) text.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleDetails {
    pub title: String,
    pub outlet: String,
    pub author: String,
    pub url: String,
    pub published: Option<Date>,
    pub retrieved: Option<Date>,
    pub language: String,
    pub notes: String,
    pub publish_full_text: bool,
}

impl ArticleDetails {
    pub fn of(article: &Article) -> Self {
        ArticleDetails {
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            author: article.author.clone(),
            url: article.url.clone(),
            published: article.published,
            retrieved: article.retrieved,
            language: article.language.clone(),
            notes: article.notes.clone(),
            publish_full_text: article.publish_full_text,
        }
    }

    /// Puts these details on `article`, leaving its id and text alone.
    pub fn apply_to(self, article: &mut Article) {
        self.swap_into(article);
    }

    /// Puts these details on `article` and returns the ones it had.
    pub(super) fn swap_into(mut self, article: &mut Article) -> Self {
        use std::mem::swap;
        swap(&mut article.title, &mut self.title);
        swap(&mut article.outlet, &mut self.outlet);
        swap(&mut article.author, &mut self.author);
        swap(&mut article.url, &mut self.url);
        swap(&mut article.published, &mut self.published);
        swap(&mut article.retrieved, &mut self.retrieved);
        swap(&mut article.language, &mut self.language);
        swap(&mut article.notes, &mut self.notes);
        swap(&mut article.publish_full_text, &mut self.publish_full_text);
        self
    }
}

/// The workspace's own details (what the report is, who publishes it).
#[derive(Clone, Debug, PartialEq)]
pub struct WorkspaceDetails {
    pub title: String,
    pub description: String,
    pub methodology: String,
    pub publisher: Publisher,
    pub report_url: String,
}

impl WorkspaceDetails {
    pub fn of(ws: &Workspace) -> Self {
        WorkspaceDetails {
            title: ws.title.clone(),
            description: ws.description.clone(),
            methodology: ws.methodology.clone(),
            publisher: ws.publisher.clone(),
            report_url: ws.report_url.clone(),
        }
    }

    pub(super) fn swap_into(mut self, ws: &mut Workspace) -> Self {
        use std::mem::swap;
        swap(&mut ws.title, &mut self.title);
        swap(&mut ws.description, &mut self.description);
        swap(&mut ws.methodology, &mut self.methodology);
        swap(&mut ws.publisher, &mut self.publisher);
        swap(&mut ws.report_url, &mut self.report_url);
        self
    }
}

/// Why a command was not applied. The document is unchanged.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum CommandError {
    #[error("the article is no longer in the workspace")]
    NoSuchArticle,
    #[error("the claim is no longer in the workspace")]
    NoSuchClaim,
    #[error("the source is no longer in the library")]
    NoSuchSource,
    #[error("the claim has no evidence or correction at position {0}")]
    NoSuchItem(usize),
    #[error("cannot mark this selection: {0}")]
    BadSelection(#[from] AnchorFault),
    #[error("{} is not a verdict of this workspace's scale", crate::text::quoted(.0))]
    UnknownVerdict(String),
    #[error("the source is cited by {0} claim(s); remove it from their evidence first")]
    SourceInUse(usize),
    #[error("an article, claim or source with the id {0} is already in the workspace")]
    DuplicateId(String),
    #[error("the selection {} holds only spaces and punctuation", crate::text::quoted(.0))]
    NothingToQuote(String),
    #[error(
        "verdict {} is given to {claims} claim(s); say what they become first",
        crate::text::quoted(key)
    )]
    VerdictInUse { key: String, claims: usize },
    #[error("this verdict scale cannot be used: {0}")]
    BadScale(String),
    #[error("the article or its claims changed after the update was prepared; prepare it again")]
    StaleUpdate,
    #[error("the claim cannot be published yet: it still needs {0}")]
    NotReady(String),
    #[error("the claim has been published: {}", .0.rule_after_publication())]
    PublishedNeedsCorrection(PublicField),
    #[error("the claim has never been published, so there is nothing to correct")]
    NeverPublished,
    #[error("the claim is not published")]
    NotPublished,
    #[error("a correction needs a public note saying what changed and why")]
    EmptyCorrectionNote,
    #[error("the article has no speaker {}", crate::text::quoted(.0))]
    NoSuchSpeaker(String),
    #[error("that conflict is no longer in the workspace")]
    NoSuchConflict,
    #[error("the conflict's value cannot be used: {0}")]
    BadConflictValue(String),
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
