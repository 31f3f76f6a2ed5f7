//! [`Edit`]: one invertible change of the workspace. Applying an edit
//! returns the edit that undoes it, so undo and redo never copy the whole
//! workspace (which can be many megabytes), and changing one field of a
//! claim stores only that field's old value.

use super::vocabulary::{ArticleDetails, ClaimText, EvidenceText, WorkspaceDetails};
use crate::model::{
    Anchor, Article, Claim, ClaimantKind, Conflict, Correction, Evidence, Priority,
    PublicationEvent, Review, Source, Stance, Status, Touched, VerdictScale, Workspace,
};
use jiff::Timestamp;
use jiff::civil::Date;

mod apply_claim;

/// One invertible change of the workspace. Indices are positions in the
/// workspace's vectors; an index out of range makes the edit a no-op, never
/// a panic.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    InsertClaim {
        index: usize,
        claim: Box<Claim>,
    },
    RemoveClaim {
        index: usize,
    },
    /// Change one part of the claim at `index`, and set its `updated` time.
    ChangeClaim {
        index: usize,
        edit: ClaimEdit,
        updated: Timestamp,
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
    /// Replace the verdict scale; every claim's verdict is checked again.
    SetScale {
        scale: Box<VerdictScale>,
    },
    /// Set when the workspace was last changed; every executed command
    /// carries one, so undo restores the time with the content.
    SetModified(Timestamp),
    /// Make `text` the article's text, keeping the text it had (with its
    /// source and retrieved date) as its latest earlier version.
    PushArticleVersion {
        index: usize,
        version: Box<NewVersion>,
    },
    /// Bring the article's latest earlier version back as its text (the
    /// inverse of [`Edit::PushArticleVersion`]).
    PopArticleVersion {
        index: usize,
    },
    /// Replace chars of an article's text in place (a correction, not a
    /// new version), moving the claims listed by the change in length.
    SpliceText(Box<TextSplice>),
    /// Record a merge conflict (the inverse of settling one).
    InsertConflict {
        index: usize,
        conflict: Box<Conflict>,
    },
    /// Forget a merge conflict: it was settled.
    RemoveConflict {
        index: usize,
    },
    /// Put back an article's transcript side table as it was (the inverse
    /// of an in-place text edit that swallowed cue boundaries).
    SetTranscript {
        article: usize,
        transcript: Option<Box<crate::model::Transcript>>,
    },
    /// Put back an article's page starts as they were (the inverse of an
    /// in-place text edit that moved them).
    SetPages {
        article: usize,
        pages: Vec<crate::model::PageStart>,
    },
    /// Append entries to the custody log (`edit/snapshot.rs`).
    PushCustody(Vec<crate::model::CustodyEntry>),
    /// Take the last entries off the custody log (undo only).
    PopCustody(usize),
    /// Give a transcript's speaker a name (`edit/transcript.rs`).
    SetSpeakerName {
        article: usize,
        speaker: usize,
        name: String,
    },
    /// Several edits applied in order, undone in reverse order.
    Group(Vec<Edit>),
}

/// Chars `start..end` of the article at `article` (an index) become
/// `text`; the claims at the indices `shifted` move by the difference in
/// length (their quote and context are not reached, so only their offsets
/// change). Its inverse puts the removed text back and moves them back.
#[derive(Clone, Debug, PartialEq)]
pub struct TextSplice {
    pub article: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub shifted: Vec<std::ops::Range<usize>>,
}

/// A newer text for an article, with where and when it was got.
#[derive(Clone, Debug, PartialEq)]
pub struct NewVersion {
    pub text: String,
    pub source: String,
    pub retrieved: Option<Date>,
    /// When it replaces the current text.
    pub replaced: Timestamp,
    /// The new text's side table, when it is a transcript.
    pub transcript: Option<crate::model::Transcript>,
    /// The new text's page starts, when it is a paged document.
    pub pages: Vec<crate::model::PageStart>,
}

/// One invertible change inside a claim.
#[derive(Clone, Debug, PartialEq)]
pub enum ClaimEdit {
    SetText {
        field: ClaimText,
        text: String,
    },
    SetStatus(Status),
    SetPriority(Priority),
    SetVerdict(Option<String>),
    InsertTag {
        index: usize,
        tag: String,
    },
    RemoveTag {
        index: usize,
    },
    InsertEvidence {
        index: usize,
        evidence: Evidence,
    },
    RemoveEvidence {
        index: usize,
    },
    SetStance {
        index: usize,
        stance: Stance,
    },
    SetEvidenceText {
        index: usize,
        field: EvidenceText,
        text: String,
    },
    InsertCorrection {
        index: usize,
        correction: Correction,
    },
    SetCorrectionNote {
        index: usize,
        note: String,
    },
    RemoveCorrection {
        index: usize,
    },
    SetClaimantKind(ClaimantKind),
    /// Give the claim its public number (or take it back, undoing).
    SetPublicNumber(Option<u32>),
    /// Append to the publication log (publish or withdraw).
    PushPublication(PublicationEvent),
    /// Remove the last entry of the publication log.
    PopPublication,
    PushReview(Review),
    PopReview,
    /// Set where an evidence excerpt lies in its source's snapshot.
    SetEvidenceAnchor {
        index: usize,
        anchor: Option<Box<crate::model::ExcerptAnchor>>,
    },
    /// Put the claim on a new anchor and set or clear its orphan marker.
    Reanchor {
        anchor: Box<Anchor>,
        orphaned: Option<Timestamp>,
        /// Whether the orphan is confirmed removed by the outlet.
        removed_by_outlet: bool,
    },
}

impl Edit {
    pub(super) const NOTHING: Edit = Edit::Group(Vec::new());

    /// Whether applying this edit changes nothing.
    pub fn is_nothing(&self) -> bool {
        matches!(self, Edit::Group(edits) if edits.iter().all(Edit::is_nothing))
    }

    /// Applies the edit and returns its inverse. An index past the end of
    /// its list means the history no longer matches the workspace: a bug,
    /// caught by a debug assertion (so fuzzing finds it); a release build
    /// changes nothing.
    pub fn apply(self, ws: &mut Workspace) -> Edit {
        match self {
            Edit::InsertClaim { index, claim } => insert_claim(ws, index, *claim),
            Edit::RemoveClaim { index } => remove_claim(ws, index),
            Edit::ChangeClaim {
                index,
                edit,
                updated,
            } => change_claim(ws, index, edit, updated),
            Edit::InsertSource { index, source } => insert_source(ws, index, *source),
            Edit::RemoveSource { index } => remove_source(ws, index),
            Edit::ReplaceSource { index, source } => replace_source(ws, index, *source),
            Edit::InsertArticle { index, article } => insert_article(ws, index, *article),
            Edit::RemoveArticle { index } => remove_article(ws, index),
            Edit::SetArticleDetails { index, details } => set_article_details(ws, index, *details),
            Edit::SetWorkspaceDetails { details } => Edit::SetWorkspaceDetails {
                details: Box::new(details.swap_into(ws)),
            },
            Edit::SetScale { scale } => Edit::SetScale {
                scale: Box::new(std::mem::replace(&mut ws.scale, *scale)),
            },
            Edit::SetModified(at) => Edit::SetModified(std::mem::replace(&mut ws.modified, at)),
            Edit::PushArticleVersion { index, version } => {
                push_article_version(ws, index, *version)
            }
            Edit::PopArticleVersion { index } => pop_article_version(ws, index),
            Edit::SpliceText(splice) => splice_text(ws, *splice),
            Edit::InsertConflict { index, conflict } => insert_conflict(ws, index, *conflict),
            Edit::RemoveConflict { index } => remove_conflict(ws, index),
            Edit::PushCustody(entries) => super::snapshot::push_custody(ws, entries),
            Edit::PopCustody(count) => super::snapshot::pop_custody(ws, count),
            Edit::SetSpeakerName {
                article,
                speaker,
                name,
            } => super::transcript::set_speaker_name(ws, article, speaker, name),
            Edit::SetTranscript {
                article,
                transcript,
            } => super::transcript::set_transcript(ws, article, transcript),
            Edit::SetPages { article, pages } => set_pages(ws, article, pages),
            Edit::Group(edits) => {
                let mut inverses: Vec<Edit> = edits.into_iter().map(|e| e.apply(ws)).collect();
                inverses.reverse();
                Edit::Group(inverses)
            }
        }
    }

    /// What this edit touches, by id, looked up before it is applied (for
    /// following the change in the window and for checking again only what
    /// changed).
    pub fn touches(&self, ws: &Workspace) -> Touched {
        let mut touches = Touched::default();
        self.collect_touches(ws, &mut touches);
        touches
    }

    fn collect_touches(&self, ws: &Workspace, out: &mut Touched) {
        let claim_at = |index: &usize| ws.claims.get(*index).map(|c| c.id);
        let source_at = |index: &usize| ws.sources.get(*index).map(|s| s.id);
        let article_at = |index: &usize| ws.articles.get(*index).map(|a| a.id);
        match self {
            Edit::InsertClaim { claim, .. } => out.claims.push(claim.id),
            Edit::RemoveClaim { index } | Edit::ChangeClaim { index, .. } => {
                out.claims.extend(claim_at(index))
            }
            Edit::InsertSource { source, .. } => out.sources.push(source.id),
            Edit::RemoveSource { index } | Edit::ReplaceSource { index, .. } => {
                out.sources.extend(source_at(index))
            }
            Edit::InsertArticle { article, .. } => out.articles.push(article.id),
            Edit::SpliceText(splice) => out.articles.extend(article_at(&splice.article)),
            Edit::RemoveArticle { index }
            | Edit::PushArticleVersion { index, .. }
            | Edit::PopArticleVersion { index }
            | Edit::SetSpeakerName { article: index, .. }
            | Edit::SetTranscript { article: index, .. }
            | Edit::SetPages { article: index, .. } => out.articles.extend(article_at(index)),
            Edit::SetArticleDetails { .. } => out.details = true,
            Edit::SetWorkspaceDetails { .. }
            | Edit::InsertConflict { .. }
            | Edit::RemoveConflict { .. }
            | Edit::PushCustody(_)
            | Edit::PopCustody(_)
            | Edit::SetModified(_) => {}
            Edit::SetScale { .. } => out.everything = true,
            Edit::Group(edits) => edits.iter().for_each(|e| e.collect_touches(ws, out)),
        }
    }
}

/// Makes a splice of an article's text; returns the splice undoing it
/// (nothing when its range is not in the text).
fn splice_text(ws: &mut Workspace, splice: TextSplice) -> Edit {
    let Some(article) = ws.articles.get_mut(splice.article) else {
        return Edit::NOTHING;
    };
    // Two walks up to the edit, not a char index of the whole text.
    use crate::anchor::char_to_byte;
    let Some(from) = char_to_byte(&article.text, splice.start) else {
        return Edit::NOTHING;
    };
    let Some(to) = splice
        .end
        .checked_sub(splice.start)
        .and_then(|len| char_to_byte(&article.text[from..], len))
        .map(|len| from + len)
    else {
        return Edit::NOTHING;
    };
    let removed = article.text[from..to].to_owned();
    article.text.replace_range(from..to, &splice.text);
    let inserted = splice.text.chars().count();
    let lost_cues = article
        .transcript
        .as_mut()
        .and_then(|t| t.splice(splice.start, splice.end, inserted));
    let pages_before = (!article.pages.is_empty()).then(|| article.pages.clone());
    let pages_moved =
        crate::model::splice_pages(&mut article.pages, splice.start, splice.end, inserted);
    let delta = inserted as isize - (splice.end - splice.start) as isize;
    for claim in splice.shifted.iter().cloned().flatten() {
        if let Some(claim) = ws.claims.get_mut(claim) {
            let anchor = &mut claim.anchor;
            anchor.start = anchor.start.saturating_add_signed(delta);
            anchor.end = anchor.end.saturating_add_signed(delta);
        }
    }
    let inverse = Edit::SpliceText(Box::new(TextSplice {
        article: splice.article,
        start: splice.start,
        end: splice.start + inserted,
        text: removed,
        shifted: splice.shifted,
    }));
    let inverse = super::transcript::with_cues_restored(inverse, splice.article, lost_cues);
    match pages_before.filter(|_| pages_moved) {
        Some(pages) => Edit::Group(vec![
            inverse,
            Edit::SetPages {
                article: splice.article,
                pages,
            },
        ]),
        None => inverse,
    }
}

/// Puts `pages` as the page starts of the article at `article`; returns
/// the edit putting back the ones it had.
fn set_pages(ws: &mut Workspace, article: usize, pages: Vec<crate::model::PageStart>) -> Edit {
    match ws.articles.get_mut(article) {
        Some(found) => Edit::SetPages {
            article,
            pages: std::mem::replace(&mut found.pages, pages),
        },
        None => Edit::NOTHING,
    }
}

/// Makes `version` the article's text, keeping the current one as its
/// latest earlier version.
fn push_version(article: &mut Article, version: NewVersion) {
    use std::mem::replace;
    let earlier = crate::model::ArticleVersion {
        retrieved: replace(&mut article.retrieved, version.retrieved),
        source: replace(&mut article.source, version.source),
        replaced: version.replaced,
        text: replace(&mut article.text, version.text),
        transcript: replace(&mut article.transcript, version.transcript),
        pages: replace(&mut article.pages, version.pages),
    };
    article.versions.push(earlier);
}

/// Brings the latest earlier version back; returns the text it replaces,
/// as the version to push again on redo. `None` without earlier versions.
fn pop_version(article: &mut Article) -> Option<NewVersion> {
    use std::mem::replace;
    let earlier = article.versions.pop()?;
    Some(NewVersion {
        retrieved: replace(&mut article.retrieved, earlier.retrieved),
        source: replace(&mut article.source, earlier.source),
        replaced: earlier.replaced,
        text: replace(&mut article.text, earlier.text),
        transcript: replace(&mut article.transcript, earlier.transcript),
        pages: replace(&mut article.pages, earlier.pages),
    })
}

/// Inserts at `index`, or at the end when `index` is past it; returns where.
/// An edit whose index is past the end of its list: the history and the
/// workspace disagree. A bug; in a release build the edit changes nothing.
fn out_of_range(what: &str, index: usize, len: usize) -> Edit {
    debug_assert!(false, "{what} {index} out of range (there are {len})");
    Edit::NOTHING
}

fn insert_claim(ws: &mut Workspace, index: usize, claim: Claim) -> Edit {
    let index = insert(&mut ws.claims, index, claim);
    Edit::RemoveClaim { index }
}

fn remove_claim(ws: &mut Workspace, index: usize) -> Edit {
    match remove(&mut ws.claims, index) {
        Some(claim) => Edit::InsertClaim {
            index,
            claim: Box::new(claim),
        },
        None => out_of_range("claim", index, ws.claims.len()),
    }
}

/// Changes the claim at `index` and sets its `updated` time (restored by
/// the inverse, and at once when the change did not apply).
fn change_claim(ws: &mut Workspace, index: usize, edit: ClaimEdit, updated: Timestamp) -> Edit {
    let len = ws.claims.len();
    let Some(claim) = ws.claims.get_mut(index) else {
        return out_of_range("claim", index, len);
    };
    let old_updated = std::mem::replace(&mut claim.updated, updated);
    match edit.apply(claim) {
        Some(inverse) => Edit::ChangeClaim {
            index,
            edit: inverse,
            updated: old_updated,
        },
        None => {
            claim.updated = old_updated;
            Edit::NOTHING
        }
    }
}

fn insert_source(ws: &mut Workspace, index: usize, source: Source) -> Edit {
    let index = insert(&mut ws.sources, index, source);
    Edit::RemoveSource { index }
}

fn remove_source(ws: &mut Workspace, index: usize) -> Edit {
    match remove(&mut ws.sources, index) {
        Some(source) => Edit::InsertSource {
            index,
            source: Box::new(source),
        },
        None => out_of_range("source", index, ws.sources.len()),
    }
}

fn replace_source(ws: &mut Workspace, index: usize, source: Source) -> Edit {
    let len = ws.sources.len();
    match ws.sources.get_mut(index) {
        Some(slot) => Edit::ReplaceSource {
            index,
            source: Box::new(std::mem::replace(slot, source)),
        },
        None => out_of_range("source", index, len),
    }
}

fn insert_article(ws: &mut Workspace, index: usize, article: Article) -> Edit {
    let index = insert(&mut ws.articles, index, article);
    Edit::RemoveArticle { index }
}

fn remove_article(ws: &mut Workspace, index: usize) -> Edit {
    match remove(&mut ws.articles, index) {
        Some(article) => Edit::InsertArticle {
            index,
            article: Box::new(article),
        },
        None => out_of_range("article", index, ws.articles.len()),
    }
}

fn set_article_details(ws: &mut Workspace, index: usize, details: ArticleDetails) -> Edit {
    let len = ws.articles.len();
    match ws.articles.get_mut(index) {
        Some(article) => Edit::SetArticleDetails {
            index,
            details: Box::new(details.swap_into(article)),
        },
        None => out_of_range("article", index, len),
    }
}

fn push_article_version(ws: &mut Workspace, index: usize, version: NewVersion) -> Edit {
    let len = ws.articles.len();
    match ws.articles.get_mut(index) {
        Some(article) => {
            push_version(article, version);
            Edit::PopArticleVersion { index }
        }
        None => out_of_range("article", index, len),
    }
}

fn pop_article_version(ws: &mut Workspace, index: usize) -> Edit {
    let len = ws.articles.len();
    match ws.articles.get_mut(index) {
        Some(article) => {
            pop_version(article).map_or(Edit::NOTHING, |version| Edit::PushArticleVersion {
                index,
                version: Box::new(version),
            })
        }
        None => out_of_range("article", index, len),
    }
}

fn insert_conflict(ws: &mut Workspace, index: usize, conflict: Conflict) -> Edit {
    let index = insert(&mut ws.conflicts, index, conflict);
    Edit::RemoveConflict { index }
}

fn remove_conflict(ws: &mut Workspace, index: usize) -> Edit {
    match remove(&mut ws.conflicts, index) {
        Some(conflict) => Edit::InsertConflict {
            index,
            conflict: Box::new(conflict),
        },
        None => out_of_range("conflict", index, ws.conflicts.len()),
    }
}

fn insert<T>(items: &mut Vec<T>, index: usize, item: T) -> usize {
    let index = index.min(items.len());
    items.insert(index, item);
    index
}

fn remove<T>(items: &mut Vec<T>, index: usize) -> Option<T> {
    (index < items.len()).then(|| items.remove(index))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_workspace;

    /// A stale index is a history out of step with the workspace: debug
    /// builds (tests, fuzzing) stop on it; release builds change nothing.
    #[test]
    fn edits_with_stale_indices_are_caught_in_debug_and_change_nothing_in_release() {
        let mut ws = sample_workspace();
        let before = ws.clone();
        for edit in [
            Edit::RemoveClaim { index: 10_000 },
            Edit::ChangeClaim {
                index: 10_000,
                edit: ClaimEdit::SetStatus(Status::Done),
                updated: Timestamp::UNIX_EPOCH,
            },
            Edit::RemoveSource { index: 10_000 },
            Edit::PopArticleVersion { index: 10_000 },
            Edit::RemoveConflict { index: 3 },
        ] {
            let applied = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                edit.clone().apply(&mut ws)
            }));
            let debug = cfg!(debug_assertions);
            match applied {
                Err(_) => assert!(debug, "{edit:?} panicked in release"),
                Ok(inverse) => {
                    assert!(!debug, "{edit:?} went unnoticed");
                    assert!(inverse.is_nothing(), "{inverse:?}");
                }
            }
            assert_eq!(ws, before);
        }
    }

    #[test]
    fn a_claim_edit_that_does_not_apply_changes_nothing() {
        let mut ws = sample_workspace();
        let before = ws.clone();
        let inverse = Edit::ChangeClaim {
            index: 0,
            edit: ClaimEdit::RemoveEvidence { index: 10_000 },
            updated: Timestamp::UNIX_EPOCH,
        }
        .apply(&mut ws);
        assert_eq!(ws, before);
        assert!(inverse.is_nothing(), "{inverse:?}");
    }

    #[test]
    fn a_claim_change_restores_the_updated_time_on_undo() {
        let mut ws = sample_workspace();
        let before = ws.clone();
        let inverse = Edit::ChangeClaim {
            index: 0,
            edit: ClaimEdit::SetText {
                field: ClaimText::Claimant,
                text: "Владимир Путин".into(),
            },
            updated: Timestamp::UNIX_EPOCH,
        }
        .apply(&mut ws);
        assert_eq!(ws.claims[0].claimant, "Владимир Путин");
        assert_eq!(ws.claims[0].updated, Timestamp::UNIX_EPOCH);
        inverse.apply(&mut ws);
        assert_eq!(ws, before);
    }
}
