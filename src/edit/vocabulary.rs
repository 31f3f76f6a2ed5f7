//! The words commands and edits are made of, below both: which text field
//! of a claim, piece of evidence, source, article or workspace is meant
//! (`ClaimText`…), the details edited as a whole (`ArticleDetails`,
//! `WorkspaceDetails`), the key typing merges by (`FieldKey`), and why a
//! command was refused (`CommandError`). `command.rs`, `change.rs`,
//! `scale.rs` and `history.rs` all use these; none of them is used here.

use crate::anchor::AnchorFault;
use crate::model::{
    Article, ArticleId, Claim, ClaimId, Evidence, PublicField, Publisher, Source, SourceId,
    SourceKind, Workspace,
};
use jiff::civil::Date;

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

    fn get_mut(self, source: &mut Source) -> &mut String {
        match self {
            SourceText::Title => &mut source.title,
            SourceText::Url => &mut source.url,
            SourceText::Publisher => &mut source.publisher,
            SourceText::ArchiveUrl => &mut source.archive_url,
            SourceText::Notes => &mut source.notes,
        }
    }
}

/// A change of one field of a source.
#[derive(Clone, Debug, PartialEq)]
pub enum SourceChange {
    SetText {
        field: SourceText,
        text: String,
    },
    SetKind(SourceKind),
    SetPublished(Option<Date>),
    SetAccessed(Option<Date>),
    /// Mark the source protected: withheld from public reports.
    SetProtected(bool),
}

impl SourceChange {
    /// Makes the change on `source` (a draft, or the planned new value).
    pub fn apply_to(&self, source: &mut Source) {
        match self {
            SourceChange::SetText { field, text } => text.clone_into(field.get_mut(source)),
            SourceChange::SetKind(kind) => source.kind = *kind,
            SourceChange::SetPublished(date) => source.published = *date,
            SourceChange::SetAccessed(date) => source.accessed = *date,
            SourceChange::SetProtected(protected) => source.protected = *protected,
        }
    }

    /// The text field typed in and the text it leaves, for merging keystrokes.
    pub fn typed(&self) -> Option<(SourceText, &str)> {
        match self {
            SourceChange::SetText { field, text } => Some((*field, text)),
            _ => None,
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
    #[error(
        "claim {0} of the public reports was published, so it is kept (withdraw it instead): its number is never given to another claim"
    )]
    PublishedOnce(u32),
    #[error("the claim is not an orphan: its quote is in the article's text")]
    NotOrphaned,
    #[error("a correction needs a public note saying what changed and why")]
    EmptyCorrectionNote,
    #[error(
        "publishing, withdrawing, reviewing and correcting are recorded with who did it, and no name was given (set Preferences › Your name)"
    )]
    Unsigned,
    #[error("the article has no speaker {}", crate::text::quoted(.0))]
    NoSuchSpeaker(String),
    #[error("that conflict is no longer in the workspace")]
    NoSuchConflict,
    #[error("the conflict's value cannot be used: {0}")]
    BadConflictValue(String),
    #[error("cannot mark this media: {0}")]
    BadMedia(#[from] crate::model::MediaFault),
    #[error("the claim is about media and quotes no text; mark the text as a claim of its own")]
    MediaHasNoQuote,
}
