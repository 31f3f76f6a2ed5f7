//! Every change to the open workspace goes through [`Document::execute`]:
//! panels hand in a [`Command`], which becomes an invertible [`Edit`]. Each
//! applied edit yields its own inverse, so undo and redo never clone the
//! whole workspace (which can be many megabytes). Typing in one field is
//! coalesced into word- or pause-sized steps, and the document knows whether
//! it differs from what was last saved.
//!
//! Nothing here knows about egui; the window and the unit tests drive it the
//! same way.

use crate::anchor::{AnchorFault, CharIndex};
use crate::model::{
    Article, ArticleId, Claim, ClaimId, Correction, Evidence, Source, SourceId, Workspace,
};
use jiff::civil::Date;
use std::path::PathBuf;

/// How long a pause (seconds) ends one typing step and starts the next.
pub const TYPING_PAUSE: f64 = 1.0;

/// The most undo steps kept; older ones are forgotten.
pub const MAX_UNDO_STEPS: usize = 2_000;

/// Which text field a typing edit changes, so that keystrokes in the same
/// field merge into one undo step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FieldKey {
    pub field: &'static str,
    /// For fields of list items (an evidence excerpt, a correction note).
    pub item: usize,
}

impl FieldKey {
    pub const fn new(field: &'static str) -> Self {
        FieldKey { field, item: 0 }
    }

    pub const fn item(field: &'static str, item: usize) -> Self {
        FieldKey { field, item }
    }
}

/// A keystroke-sized change of a text field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Typing {
    pub key: FieldKey,
    /// The change ended a word (typed a space or punctuation): the next
    /// keystroke starts a new undo step.
    pub ends_word: bool,
}

impl Typing {
    /// Describes typing that left `new_text` in the field `key`.
    pub fn in_field(key: FieldKey, new_text: &str) -> Self {
        let ends_word = new_text
            .chars()
            .next_back()
            .is_some_and(|c| c.is_whitespace() || c.is_ascii_punctuation());
        Typing { key, ends_word }
    }
}

/// What a user asked to change. Panels, menus and shortcuts produce these;
/// only [`Document::execute`] applies them.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Mark the chars `start..end` of an article as a new claim.
    MarkClaim {
        article: ArticleId,
        start: usize,
        end: usize,
    },
    /// Give a claim a verdict (a key of the scale) or clear it. Changing a
    /// verdict that was already set adds a dated correction.
    SetVerdict {
        claim: ClaimId,
        verdict: Option<String>,
    },
    /// Replace a claim with an edited copy (any field but its id).
    EditClaim {
        claim: Box<Claim>,
        typing: Option<Typing>,
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
    EditSource {
        source: Box<Source>,
        typing: Option<Typing>,
    },
    /// Remove a source that no claim cites.
    DeleteSource(SourceId),
    /// Add an imported article.
    AddArticle(Box<Article>),
    /// Change an article's details (title, outlet, author, dates…).
    EditArticle {
        article: ArticleId,
        details: Box<ArticleDetails>,
        typing: Option<Typing>,
    },
    /// Change the workspace's details (title, publisher, report URL…).
    EditWorkspace {
        details: Box<WorkspaceDetails>,
        typing: Option<Typing>,
    },
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
        }
    }

    /// Puts these details on `article` and returns the ones it had.
    fn swap_into(mut self, article: &mut Article) -> Self {
        use std::mem::swap;
        swap(&mut article.title, &mut self.title);
        swap(&mut article.outlet, &mut self.outlet);
        swap(&mut article.author, &mut self.author);
        swap(&mut article.url, &mut self.url);
        swap(&mut article.published, &mut self.published);
        swap(&mut article.retrieved, &mut self.retrieved);
        swap(&mut article.language, &mut self.language);
        swap(&mut article.notes, &mut self.notes);
        self
    }
}

/// The workspace's own details (what the report is, who publishes it).
#[derive(Clone, Debug, PartialEq)]
pub struct WorkspaceDetails {
    pub title: String,
    pub description: String,
    pub methodology: String,
    pub publisher: crate::model::Publisher,
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

    fn swap_into(mut self, ws: &mut Workspace) -> Self {
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
    #[error("cannot mark this selection: {0}")]
    BadSelection(#[from] AnchorFault),
    #[error("\"{0}\" is not a verdict of this workspace's scale")]
    UnknownVerdict(String),
    #[error("the source is cited by {0} claim(s); remove it from their evidence first")]
    SourceInUse(usize),
}

/// What a command did, for the window to follow up (select the new claim…).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Claim(ClaimId),
    Source(SourceId),
    Article(ArticleId),
    Nothing,
}

/// One invertible change of the workspace. Applying it returns the edit
/// that undoes it. Indices are positions in the workspace's vectors; an
/// index out of range makes the edit a no-op, never a panic.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    InsertClaim {
        index: usize,
        claim: Box<Claim>,
    },
    RemoveClaim {
        index: usize,
    },
    ReplaceClaim {
        index: usize,
        claim: Box<Claim>,
    },
    InsertSource {
        index: usize,
        source: Box<Source>,
    },
    RemoveSource {
        index: usize,
    },
    ReplaceSource {
        index: usize,
        source: Box<Source>,
    },
    InsertArticle {
        index: usize,
        article: Box<Article>,
    },
    RemoveArticle {
        index: usize,
    },
    SetArticleDetails {
        index: usize,
        details: Box<ArticleDetails>,
    },
    SetWorkspaceDetails {
        details: Box<WorkspaceDetails>,
    },
    /// Several edits applied in order, undone in reverse order.
    Group(Vec<Edit>),
}

impl Edit {
    const NOTHING: Edit = Edit::Group(Vec::new());

    /// Applies the edit and returns its inverse.
    pub fn apply(self, ws: &mut Workspace) -> Edit {
        match self {
            Edit::InsertClaim { index, claim } => insert(&mut ws.claims, index, *claim)
                .map_or(Edit::NOTHING, |index| Edit::RemoveClaim { index }),
            Edit::RemoveClaim { index } => {
                remove(&mut ws.claims, index).map_or(Edit::NOTHING, |claim| Edit::InsertClaim {
                    index,
                    claim: Box::new(claim),
                })
            }
            Edit::ReplaceClaim { index, claim } => {
                replace(&mut ws.claims, index, *claim).map_or(Edit::NOTHING, |old| {
                    Edit::ReplaceClaim {
                        index,
                        claim: Box::new(old),
                    }
                })
            }
            Edit::InsertSource { index, source } => insert(&mut ws.sources, index, *source)
                .map_or(Edit::NOTHING, |index| Edit::RemoveSource { index }),
            Edit::RemoveSource { index } => {
                remove(&mut ws.sources, index).map_or(Edit::NOTHING, |source| Edit::InsertSource {
                    index,
                    source: Box::new(source),
                })
            }
            Edit::ReplaceSource { index, source } => replace(&mut ws.sources, index, *source)
                .map_or(Edit::NOTHING, |old| Edit::ReplaceSource {
                    index,
                    source: Box::new(old),
                }),
            Edit::InsertArticle { index, article } => insert(&mut ws.articles, index, *article)
                .map_or(Edit::NOTHING, |index| Edit::RemoveArticle { index }),
            Edit::RemoveArticle { index } => {
                remove(&mut ws.articles, index).map_or(Edit::NOTHING, |article| {
                    Edit::InsertArticle {
                        index,
                        article: Box::new(article),
                    }
                })
            }
            Edit::SetArticleDetails { index, details } => match ws.articles.get_mut(index) {
                Some(article) => Edit::SetArticleDetails {
                    index,
                    details: Box::new(details.swap_into(article)),
                },
                None => Edit::NOTHING,
            },
            Edit::SetWorkspaceDetails { details } => Edit::SetWorkspaceDetails {
                details: Box::new(details.swap_into(ws)),
            },
            Edit::Group(edits) => {
                let mut inverses: Vec<Edit> = edits.into_iter().map(|e| e.apply(ws)).collect();
                inverses.reverse();
                Edit::Group(inverses)
            }
        }
    }

    /// The claim this edit is about, looked up before it is applied.
    fn claim_touched(&self, ws: &Workspace) -> Option<ClaimId> {
        match self {
            Edit::InsertClaim { claim, .. } | Edit::ReplaceClaim { claim, .. } => Some(claim.id),
            Edit::RemoveClaim { index } => ws.claims.get(*index).map(|c| c.id),
            Edit::Group(edits) => edits.iter().rev().find_map(|e| e.claim_touched(ws)),
            _ => None,
        }
    }
}

fn insert<T>(items: &mut Vec<T>, index: usize, item: T) -> Option<usize> {
    let index = index.min(items.len());
    items.insert(index, item);
    Some(index)
}

fn remove<T>(items: &mut Vec<T>, index: usize) -> Option<T> {
    (index < items.len()).then(|| items.remove(index))
}

fn replace<T>(items: &mut [T], index: usize, item: T) -> Option<T> {
    items
        .get_mut(index)
        .map(|slot| std::mem::replace(slot, item))
}

/// One undo (or redo) step.
#[derive(Debug)]
struct Step {
    /// Applying this edit takes the document across the step.
    edit: Edit,
    /// Identifies the document state this step leads to (for dirty tracking).
    serial: u64,
    /// Keystrokes in this field may still merge into this step.
    typing: Option<FieldKey>,
    /// When the step was last extended (seconds, from the caller's clock).
    at: f64,
}

/// The open workspace, where it lives, and its undo history.
#[derive(Debug)]
pub struct Document {
    workspace: Workspace,
    /// The file it was opened from or last saved to; `None` until saved.
    pub path: Option<PathBuf>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_serial: u64,
    /// The serial of the state last saved (0: the state as opened).
    saved_serial: u64,
    /// Bumped by every change, so views can tell their caches are stale.
    revision: u64,
    /// The file as last loaded or saved, to notice changes by others.
    pub disk: Option<crate::store::DiskState>,
}

/// A saved serial no state ever has: the document differs from its file.
const NEVER_SAVED: u64 = u64::MAX;

impl Document {
    /// A document as opened from `path` (or new, when `None`): clean, no history.
    pub fn new(workspace: Workspace, path: Option<PathBuf>) -> Self {
        Document {
            workspace,
            path,
            undo: Vec::new(),
            redo: Vec::new(),
            next_serial: 1,
            saved_serial: 0,
            revision: 0,
            disk: None,
        }
    }

    /// A document restored from a recovery file: it belongs to `path` (or
    /// is untitled) and has unsaved changes from the start.
    pub fn recovered(workspace: Workspace, path: Option<PathBuf>) -> Self {
        Document {
            saved_serial: NEVER_SAVED,
            ..Document::new(workspace, path)
        }
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// Changes since the document was opened or last saved.
    pub fn is_dirty(&self) -> bool {
        self.current_serial() != self.saved_serial
    }

    /// A number that changes whenever the workspace does.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Records that the current state is what is on disk at `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_serial = self.current_serial();
        if let Some(step) = self.undo.last_mut() {
            step.typing = None;
        }
    }

    /// Sets `modified` before a save; not an undoable change.
    pub fn touch_modified(&mut self) {
        self.workspace.modified = crate::model::now();
    }

    fn current_serial(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.serial)
    }

    /// Applies a command as one undo step; `now` is the caller's clock in
    /// seconds (used to end typing steps at pauses).
    pub fn execute(&mut self, command: Command, now: f64) -> Result<Outcome, CommandError> {
        let typing = match &command {
            Command::EditClaim { typing, .. }
            | Command::EditSource { typing, .. }
            | Command::EditArticle { typing, .. }
            | Command::EditWorkspace { typing, .. } => *typing,
            _ => None,
        };
        let (edit, outcome) = self.plan(command)?;
        let inverse = edit.apply(&mut self.workspace);
        self.record(inverse, typing, now);
        Ok(outcome)
    }

    /// Undoes the last step; returns the claim it touched, if any.
    pub fn undo(&mut self) -> Option<Option<ClaimId>> {
        let step = self.undo.pop()?;
        let touched = step.edit.claim_touched(&self.workspace);
        let edit = step.edit.apply(&mut self.workspace);
        self.redo.push(Step {
            edit,
            typing: None,
            ..step
        });
        self.revision += 1;
        Some(touched)
    }

    /// Redoes the last undone step; returns the claim it touched, if any.
    pub fn redo(&mut self) -> Option<Option<ClaimId>> {
        let step = self.redo.pop()?;
        let touched = step.edit.claim_touched(&self.workspace);
        let edit = step.edit.apply(&mut self.workspace);
        self.undo.push(Step {
            edit,
            typing: None,
            ..step
        });
        self.revision += 1;
        Some(touched)
    }

    fn record(&mut self, inverse: Edit, typing: Option<Typing>, now: f64) {
        self.revision += 1;
        self.redo.clear();
        if let (Some(typing), Some(top)) = (typing, self.undo.last_mut())
            && top.typing == Some(typing.key)
            && now - top.at < TYPING_PAUSE
            && top.serial != self.saved_serial
        {
            // Same field, no pause: the step's inverse already restores the
            // state before the first keystroke, so the new one is dropped.
            top.at = now;
            if typing.ends_word {
                top.typing = None;
            }
            return;
        }
        let serial = self.next_serial;
        self.next_serial += 1;
        self.undo.push(Step {
            edit: inverse,
            serial,
            typing: typing.filter(|t| !t.ends_word).map(|t| t.key),
            at: now,
        });
        if self.undo.len() > MAX_UNDO_STEPS {
            self.undo.remove(0);
        }
    }

    /// Turns a command into the edit that carries it out.
    fn plan(&self, command: Command) -> Result<(Edit, Outcome), CommandError> {
        let ws = &self.workspace;
        match command {
            Command::MarkClaim {
                article,
                start,
                end,
            } => {
                let article = ws.article(article).ok_or(CommandError::NoSuchArticle)?;
                let anchor = CharIndex::new(&article.text).capture(start, end)?;
                let claim = Claim::new(article.id, anchor, article.outlet.clone());
                let id = claim.id;
                let edit = Edit::InsertClaim {
                    index: ws.claims.len(),
                    claim: Box::new(claim),
                };
                Ok((edit, Outcome::Claim(id)))
            }
            Command::SetVerdict { claim, verdict } => {
                let (index, old) = self.claim_at(claim)?;
                if let Some(key) = &verdict
                    && ws.scale.get(key).is_none()
                {
                    return Err(CommandError::UnknownVerdict(key.clone()));
                }
                let mut new = old.clone();
                if let Some(note) = correction_note(ws, old.verdict.as_deref(), verdict.as_deref())
                {
                    new.corrections.push(Correction {
                        date: crate::model::now(),
                        note,
                    });
                }
                new.verdict = verdict;
                new.updated = crate::model::now();
                Ok((replace_claim(index, new), Outcome::Claim(claim)))
            }
            Command::EditClaim { claim, .. } => {
                let (index, _) = self.claim_at(claim.id)?;
                let id = claim.id;
                let mut claim = *claim;
                claim.updated = crate::model::now();
                Ok((replace_claim(index, claim), Outcome::Claim(id)))
            }
            Command::DeleteClaim(id) => {
                let (index, _) = self.claim_at(id)?;
                Ok((Edit::RemoveClaim { index }, Outcome::Nothing))
            }
            Command::AddSource(source) => {
                let id = source.id;
                let edit = Edit::InsertSource {
                    index: ws.sources.len(),
                    source,
                };
                Ok((edit, Outcome::Source(id)))
            }
            Command::AddSourceAndCite {
                source,
                claim,
                evidence,
            } => {
                let (index, old) = self.claim_at(claim)?;
                let mut cited = old.clone();
                cited.evidence.push(Evidence {
                    source: source.id,
                    ..*evidence
                });
                cited.updated = crate::model::now();
                let edit = Edit::Group(vec![
                    Edit::InsertSource {
                        index: ws.sources.len(),
                        source,
                    },
                    replace_claim(index, cited),
                ]);
                Ok((edit, Outcome::Claim(claim)))
            }
            Command::EditSource { source, .. } => {
                let index = ws
                    .sources
                    .iter()
                    .position(|s| s.id == source.id)
                    .ok_or(CommandError::NoSuchSource)?;
                let id = source.id;
                Ok((Edit::ReplaceSource { index, source }, Outcome::Source(id)))
            }
            Command::DeleteSource(id) => {
                let index = ws
                    .sources
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or(CommandError::NoSuchSource)?;
                let citing = ws.claims_citing(id).count();
                if citing > 0 {
                    return Err(CommandError::SourceInUse(citing));
                }
                Ok((Edit::RemoveSource { index }, Outcome::Nothing))
            }
            Command::EditArticle {
                article, details, ..
            } => {
                let index = ws
                    .articles
                    .iter()
                    .position(|a| a.id == article)
                    .ok_or(CommandError::NoSuchArticle)?;
                let edit = Edit::SetArticleDetails { index, details };
                Ok((edit, Outcome::Nothing))
            }
            Command::EditWorkspace { details, .. } => {
                Ok((Edit::SetWorkspaceDetails { details }, Outcome::Nothing))
            }
            Command::AddArticle(article) => {
                let id = article.id;
                let edit = Edit::InsertArticle {
                    index: ws.articles.len(),
                    article,
                };
                Ok((edit, Outcome::Article(id)))
            }
        }
    }

    fn claim_at(&self, id: ClaimId) -> Result<(usize, &Claim), CommandError> {
        self.workspace
            .claims
            .iter()
            .enumerate()
            .find(|(_, c)| c.id == id)
            .ok_or(CommandError::NoSuchClaim)
    }
}

fn replace_claim(index: usize, claim: Claim) -> Edit {
    Edit::ReplaceClaim {
        index,
        claim: Box::new(claim),
    }
}

/// The correction to log when a verdict changes after it was first given.
fn correction_note(ws: &Workspace, old: Option<&str>, new: Option<&str>) -> Option<String> {
    let old = old?;
    if Some(old) == new {
        return None;
    }
    let label = |key: &str| {
        ws.scale
            .get(key)
            .map_or_else(|| key.to_owned(), |v| v.label.clone())
    };
    Some(match new {
        Some(new) => format!(
            "Verdict changed from \u{201c}{}\u{201d} to \u{201c}{}\u{201d}.",
            label(old),
            label(new)
        ),
        None => format!("Verdict \u{201c}{}\u{201d} withdrawn.", label(old)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceKind, Stance};
    use crate::sample::sample_workspace;

    fn doc() -> Document {
        Document::new(sample_workspace(), None)
    }

    fn first_article(doc: &Document) -> ArticleId {
        doc.workspace().articles[0].id
    }

    #[test]
    fn marking_creates_a_claim_with_the_exact_quote_and_undo_removes_it() {
        let mut doc = doc();
        let before = doc.workspace().clone();
        let article = first_article(&doc);
        let outcome = doc
            .execute(
                Command::MarkClaim {
                    article,
                    start: 0,
                    end: 5,
                },
                0.0,
            )
            .unwrap();
        let Outcome::Claim(id) = outcome else {
            panic!("expected a claim, got {outcome:?}")
        };
        let claim = doc.workspace().claim(id).unwrap();
        let text = &doc.workspace().articles[0].text;
        assert_eq!(claim.anchor.exact, text.chars().take(5).collect::<String>());
        assert_eq!(claim.statement, claim.anchor.exact);
        assert!(doc.is_dirty());
        doc.undo();
        assert_eq!(doc.workspace(), &before);
        assert!(!doc.is_dirty(), "undoing to the opened state is clean");
        doc.redo();
        assert!(doc.workspace().claim(id).is_some());
    }

    #[test]
    fn a_bad_selection_is_refused_and_changes_nothing() {
        let mut doc = doc();
        let article = first_article(&doc);
        let err = doc
            .execute(
                Command::MarkClaim {
                    article,
                    start: 5,
                    end: usize::MAX,
                },
                0.0,
            )
            .unwrap_err();
        assert!(matches!(err, CommandError::BadSelection(_)));
        assert!(!doc.is_dirty());
        assert!(!doc.can_undo());
    }

    #[test]
    fn changing_a_given_verdict_logs_a_correction_and_undo_removes_it() {
        let mut doc = doc();
        let claim = doc.workspace().claims[0].clone();
        let keys: Vec<String> = doc
            .workspace()
            .scale
            .verdicts
            .iter()
            .map(|v| v.key.clone())
            .collect();
        let first = keys
            .iter()
            .find(|k| Some(k.as_str()) != claim.verdict.as_deref())
            .unwrap()
            .clone();
        doc.execute(
            Command::SetVerdict {
                claim: claim.id,
                verdict: None,
            },
            0.0,
        )
        .unwrap();
        let corrections_unrated = doc.workspace().claim(claim.id).unwrap().corrections.len();
        doc.execute(
            Command::SetVerdict {
                claim: claim.id,
                verdict: Some(first.clone()),
            },
            1.0,
        )
        .unwrap();
        let rated = doc.workspace().claim(claim.id).unwrap().clone();
        assert_eq!(rated.verdict.as_deref(), Some(first.as_str()));
        assert_eq!(
            rated.corrections.len(),
            corrections_unrated,
            "a first verdict is not a correction"
        );
        let second = keys.iter().find(|k| **k != first).unwrap().clone();
        doc.execute(
            Command::SetVerdict {
                claim: claim.id,
                verdict: Some(second),
            },
            2.0,
        )
        .unwrap();
        let changed = doc.workspace().claim(claim.id).unwrap();
        assert_eq!(changed.corrections.len(), corrections_unrated + 1);
        assert!(changed.corrections.last().unwrap().note.contains("changed"));
        doc.undo();
        assert_eq!(doc.workspace().claim(claim.id).unwrap(), &rated);
    }

    #[test]
    fn unknown_verdicts_are_refused() {
        let mut doc = doc();
        let claim = doc.workspace().claims[0].id;
        let err = doc
            .execute(
                Command::SetVerdict {
                    claim,
                    verdict: Some("nonsense".into()),
                },
                0.0,
            )
            .unwrap_err();
        assert_eq!(err, CommandError::UnknownVerdict("nonsense".into()));
    }

    fn type_statement(doc: &mut Document, id: ClaimId, text: &str, now: f64) {
        let mut claim = doc.workspace().claim(id).unwrap().clone();
        claim.statement = text.into();
        let typing = Typing::in_field(FieldKey::new("statement"), text);
        doc.execute(
            Command::EditClaim {
                claim: Box::new(claim),
                typing: Some(typing),
            },
            now,
        )
        .unwrap();
    }

    #[test]
    fn typing_is_coalesced_into_words_and_pauses() {
        let mut doc = doc();
        let id = doc.workspace().claims[0].id;
        let original = doc.workspace().claim(id).unwrap().statement.clone();
        type_statement(&mut doc, id, "C", 0.0);
        type_statement(&mut doc, id, "Ch", 0.1);
        type_statement(&mut doc, id, "Chi", 0.2);
        type_statement(&mut doc, id, "Chi ", 0.3);
        type_statement(&mut doc, id, "Chi s", 0.4);
        type_statement(&mut doc, id, "Chi se", 0.5);
        type_statement(&mut doc, id, "Chi sen", 5.0); // after a pause
        let statement = |doc: &Document| doc.workspace().claim(id).unwrap().statement.clone();
        doc.undo();
        assert_eq!(statement(&doc), "Chi se");
        doc.undo();
        assert_eq!(statement(&doc), "Chi ");
        doc.undo();
        assert_eq!(statement(&doc), original);
        assert!(!doc.is_dirty());
        doc.redo();
        assert_eq!(statement(&doc), "Chi ");
    }

    #[test]
    fn typing_in_another_field_starts_a_new_step() {
        let mut doc = doc();
        let id = doc.workspace().claims[0].id;
        type_statement(&mut doc, id, "A", 0.0);
        let mut claim = doc.workspace().claim(id).unwrap().clone();
        claim.claimant = "B".into();
        doc.execute(
            Command::EditClaim {
                claim: Box::new(claim),
                typing: Some(Typing::in_field(FieldKey::new("claimant"), "B")),
            },
            0.1,
        )
        .unwrap();
        doc.undo();
        assert_eq!(doc.workspace().claim(id).unwrap().statement, "A");
    }

    #[test]
    fn saving_seals_the_typing_step_and_tracks_dirtiness() {
        let mut doc = doc();
        let id = doc.workspace().claims[0].id;
        type_statement(&mut doc, id, "A", 0.0);
        doc.mark_saved(PathBuf::from("x.ron"));
        assert!(!doc.is_dirty());
        type_statement(&mut doc, id, "AB", 0.1);
        assert!(doc.is_dirty(), "typing after a save is a new change");
        doc.undo();
        assert!(!doc.is_dirty(), "back at the saved state");
        doc.undo();
        assert!(doc.is_dirty(), "before the saved state");
    }

    #[test]
    fn delete_and_undo_restores_the_claim_in_place() {
        let mut doc = doc();
        let before = doc.workspace().clone();
        let id = before.claims[1].id;
        doc.execute(Command::DeleteClaim(id), 0.0).unwrap();
        assert!(doc.workspace().claim(id).is_none());
        assert_eq!(doc.undo(), Some(Some(id)));
        assert_eq!(doc.workspace(), &before);
        assert!(doc.execute(Command::DeleteClaim(id), 0.0).is_ok());
        assert_eq!(
            doc.execute(Command::DeleteClaim(id), 0.0).unwrap_err(),
            CommandError::NoSuchClaim
        );
    }

    #[test]
    fn adding_a_source_and_citing_it_is_one_step() {
        let mut doc = doc();
        let before = doc.workspace().clone();
        let claim = before.claims[0].id;
        let source = Source::new("Customs data", "https://example.org", SourceKind::Dataset);
        let sid = source.id;
        doc.execute(
            Command::AddSourceAndCite {
                source: Box::new(source),
                claim,
                evidence: Box::new(Evidence {
                    source: sid,
                    stance: Stance::Refutes,
                    excerpt: "x".into(),
                    note: String::new(),
                }),
            },
            0.0,
        )
        .unwrap();
        assert_eq!(doc.workspace().claims_citing(sid).count(), 1);
        assert_eq!(
            doc.execute(Command::DeleteSource(sid), 0.0).unwrap_err(),
            CommandError::SourceInUse(1)
        );
        doc.undo();
        assert_eq!(doc.workspace(), &before);
    }

    #[test]
    fn articles_can_be_added_and_undone() {
        let mut doc = doc();
        let n = doc.workspace().articles.len();
        let article = Article::new("Новость", "Текст статьи.");
        doc.execute(Command::AddArticle(Box::new(article)), 0.0)
            .unwrap();
        assert_eq!(doc.workspace().articles.len(), n + 1);
        doc.undo();
        assert_eq!(doc.workspace().articles.len(), n);
    }

    #[test]
    fn article_and_workspace_details_are_edited_without_copying_the_text() {
        let mut doc = doc();
        let before = doc.workspace().clone();
        let article = before.articles[0].id;
        let mut details = ArticleDetails::of(&before.articles[0]);
        details.outlet = "Reuters".into();
        details.published = Some(Date::new(2025, 5, 5).unwrap());
        doc.execute(
            Command::EditArticle {
                article,
                details: Box::new(details),
                typing: None,
            },
            0.0,
        )
        .unwrap();
        let mut ws_details = WorkspaceDetails::of(doc.workspace());
        ws_details.publisher.name = "Example Fact-Check Desk".into();
        doc.execute(
            Command::EditWorkspace {
                details: Box::new(ws_details),
                typing: None,
            },
            1.0,
        )
        .unwrap();
        assert_eq!(doc.workspace().articles[0].outlet, "Reuters");
        assert_eq!(doc.workspace().articles[0].text, before.articles[0].text);
        assert_eq!(doc.workspace().publisher.name, "Example Fact-Check Desk");
        doc.undo();
        doc.undo();
        assert_eq!(doc.workspace(), &before);
    }

    #[test]
    fn edits_with_stale_indices_are_no_ops() {
        let mut ws = sample_workspace();
        let before = ws.clone();
        let inverse = Edit::RemoveClaim { index: 10_000 }.apply(&mut ws);
        assert_eq!(ws, before);
        assert_eq!(inverse, Edit::Group(Vec::new()));
    }
}
