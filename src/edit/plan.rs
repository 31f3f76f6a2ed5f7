//! Turning a [`Command`] into the [`Edit`] that carries it out, checked
//! against the workspace as it is when the command is applied: one
//! `plan_*` function per command (a claim's changes in `plan/claims.rs`).
//! A command that would change nothing plans to [`Edit::NOTHING`].
//! Planning never reads the clock: the one timestamp comes from
//! [`super::Document::execute`].

mod claims;

use super::change::{ClaimEdit, Edit};
use super::command::{
    ArticleDetails, ClaimChange, Command, CommandError, Outcome, SourceChange, WorkspaceDetails,
};
use super::scale::scale_edit;
use super::span::trimmed_selection;
use crate::anchor::CharIndex;
use crate::model::{
    Article, ArticleId, Claim, ClaimId, Evidence, PublicField, Source, SourceId, Workspace,
};
use jiff::Timestamp;

/// The edit for `command`, and what to tell the window it did; `at` is
/// when the command is executed (claims' `updated`, publication dates).
pub(super) fn plan(
    ws: &Workspace,
    command: Command,
    at: Timestamp,
) -> Result<(Edit, Outcome), CommandError> {
    match command {
        Command::MarkClaim {
            article,
            start,
            end,
        } => plan_mark(ws, article, start, end),
        Command::MarkMedia { article, target } => {
            super::media::plan_mark_media(ws, article, target)
        }
        Command::EditClaim { claim, change } => plan_claim_change(ws, claim, change, at),
        Command::DeleteClaim(id) => {
            let (index, claim) = claim_at(ws, id)?;
            if let Some(number) = claim.public_number {
                return Err(CommandError::PublishedOnce(number));
            }
            Ok((Edit::RemoveClaim { index }, Outcome::Done))
        }
        Command::AddSource(source) => plan_add_source(ws, source),
        Command::AddSourceAndCite {
            source,
            claim,
            evidence,
        } => plan_add_source_and_cite(ws, source, claim, *evidence, at),
        Command::EditSource { source, change } => plan_source_change(ws, source, change),
        Command::DeleteSource(id) => plan_delete_source(ws, id),
        Command::EditArticle {
            article, details, ..
        } => plan_article_details(ws, article, details),
        Command::EditWorkspace { details, .. } => {
            if WorkspaceDetails::of(ws) == *details {
                return Ok((Edit::NOTHING, Outcome::Unchanged));
            }
            Ok((Edit::SetWorkspaceDetails { details }, Outcome::Done))
        }
        Command::SetScale { scale, reassign } => {
            let edit = scale_edit(ws, *scale, &reassign, at)?;
            let outcome = match edit.is_nothing() {
                true => Outcome::Unchanged,
                false => Outcome::Done,
            };
            Ok((edit, outcome))
        }
        Command::UpdateArticle(update) => super::update::plan_update(ws, *update),
        Command::EditArticleText {
            article,
            start,
            end,
            text,
        } => super::article_text::plan_text_edit(ws, article, start, end, &text, at),
        Command::RenameSpeaker {
            article,
            speaker,
            name,
        } => super::transcript::plan_rename(ws, article, &speaker, &name, at),
        Command::ResolveConflict { index, resolution } => Ok((
            super::resolve::resolution_edit(ws, index, resolution)?,
            Outcome::Done,
        )),
        Command::AddArticles(articles) => plan_add_articles(ws, articles),
        Command::AddSnapshot { source, snapshot } => {
            super::snapshot::plan_add_snapshot(ws, source, *snapshot, at)
        }
        Command::RecordCustody(entries) => Ok(super::snapshot::plan_record_custody(entries)),
        Command::AddImportedChecks(batch) => super::imported_checks::plan_add_imported(ws, *batch),
    }
}

fn plan_mark(
    ws: &Workspace,
    article: ArticleId,
    start: usize,
    end: usize,
) -> Result<(Edit, Outcome), CommandError> {
    let article = ws.article(article).ok_or(CommandError::NoSuchArticle)?;
    let (start, end) = trimmed_selection(article, start, end)?;
    let anchor = CharIndex::new(&article.text).capture(start, end)?;
    let claim = Claim::new(article.id, anchor, article.outlet.clone());
    let id = claim.id;
    let edit = Edit::InsertClaim {
        index: ws.claims.len(),
        claim: Box::new(claim),
    };
    Ok((edit, Outcome::Claim(id)))
}

/// A change of one claim, one undo step: each of its edits stamped `at`.
fn plan_claim_change(
    ws: &Workspace,
    claim: ClaimId,
    change: ClaimChange,
    at: Timestamp,
) -> Result<(Edit, Outcome), CommandError> {
    let (index, found) = claim_at(ws, claim)?;
    let public = change.public_field();
    let edits = claims::claim_edits(ws, found, change, at)?;
    if let Some(field) = public {
        claims::refuse_uncorrected_change(found, field, &edits)?;
    }
    let edit = Edit::Group(
        edits
            .into_iter()
            .map(|edit| Edit::ChangeClaim {
                index,
                edit,
                updated: at,
            })
            .collect(),
    );
    Ok((edit, Outcome::Claim(claim)))
}

fn plan_add_source(ws: &Workspace, source: Box<Source>) -> Result<(Edit, Outcome), CommandError> {
    refuse_known_source(ws, &source)?;
    let id = source.id;
    let edit = Edit::InsertSource {
        index: ws.sources.len(),
        source,
    };
    Ok((edit, Outcome::Source(id)))
}

/// A new source and its citation by `claim`, one undo step.
fn plan_add_source_and_cite(
    ws: &Workspace,
    source: Box<Source>,
    claim: ClaimId,
    evidence: Evidence,
    at: Timestamp,
) -> Result<(Edit, Outcome), CommandError> {
    refuse_known_source(ws, &source)?;
    let (index, found) = claim_at(ws, claim)?;
    if PublicField::needs_correction(found) {
        return Err(CommandError::PublishedNeedsCorrection(
            PublicField::Evidence,
        ));
    }
    let evidence = with_unused_id(
        found,
        Evidence {
            source: source.id,
            ..evidence
        },
    );
    let edit = Edit::Group(vec![
        Edit::InsertSource {
            index: ws.sources.len(),
            source,
        },
        Edit::ChangeClaim {
            index,
            edit: ClaimEdit::InsertEvidence {
                index: found.evidence.len(),
                evidence,
            },
            updated: at,
        },
    ]);
    Ok((edit, Outcome::Claim(claim)))
}

fn plan_source_change(
    ws: &Workspace,
    source: SourceId,
    change: SourceChange,
) -> Result<(Edit, Outcome), CommandError> {
    let index = source_index(ws, source)?;
    let mut changed = ws.sources[index].clone();
    change.apply_to(&mut changed);
    if ws.sources[index] == changed {
        return Ok((Edit::NOTHING, Outcome::Unchanged));
    }
    let edit = Edit::ReplaceSource {
        index,
        source: Box::new(changed),
    };
    Ok((edit, Outcome::Source(source)))
}

fn plan_delete_source(ws: &Workspace, id: SourceId) -> Result<(Edit, Outcome), CommandError> {
    let index = source_index(ws, id)?;
    let citing = ws.claims_citing(id).count();
    if citing > 0 {
        return Err(CommandError::SourceInUse(citing));
    }
    Ok((Edit::RemoveSource { index }, Outcome::Done))
}

fn plan_article_details(
    ws: &Workspace,
    article: ArticleId,
    details: Box<ArticleDetails>,
) -> Result<(Edit, Outcome), CommandError> {
    let index = ws
        .articles
        .iter()
        .position(|a| a.id == article)
        .ok_or(CommandError::NoSuchArticle)?;
    if ArticleDetails::of(&ws.articles[index]) == *details {
        return Ok((Edit::NOTHING, Outcome::Unchanged));
    }
    Ok((Edit::SetArticleDetails { index, details }, Outcome::Done))
}

/// Imported articles, one undo step; refused when an id is taken.
fn plan_add_articles(
    ws: &Workspace,
    articles: Vec<Article>,
) -> Result<(Edit, Outcome), CommandError> {
    let Some(last) = articles.last().map(|a| a.id) else {
        return Ok((Edit::NOTHING, Outcome::Unchanged));
    };
    for (i, article) in articles.iter().enumerate() {
        let twice = articles[..i].iter().any(|a| a.id == article.id);
        if twice || ws.article(article.id).is_some() {
            return Err(CommandError::DuplicateId(article.id.to_string()));
        }
    }
    let first = ws.articles.len();
    let edit = Edit::Group(
        articles
            .into_iter()
            .enumerate()
            .map(|(i, article)| Edit::InsertArticle {
                index: first + i,
                article: Box::new(article),
            })
            .collect(),
    );
    Ok((edit, Outcome::Article(last)))
}

fn claim_at(ws: &Workspace, id: ClaimId) -> Result<(usize, &Claim), CommandError> {
    ws.claims
        .iter()
        .enumerate()
        .find(|(_, c)| c.id == id)
        .ok_or(CommandError::NoSuchClaim)
}

fn source_index(ws: &Workspace, id: crate::model::SourceId) -> Result<usize, CommandError> {
    ws.sources
        .iter()
        .position(|s| s.id == id)
        .ok_or(CommandError::NoSuchSource)
}

fn refuse_known_source(ws: &Workspace, source: &crate::model::Source) -> Result<(), CommandError> {
    match ws.source(source.id) {
        Some(_) => Err(CommandError::DuplicateId(source.id.to_string())),
        None => Ok(()),
    }
}

pub(super) fn item<T>(items: &[T], index: usize) -> Result<&T, CommandError> {
    items.get(index).ok_or(CommandError::NoSuchItem(index))
}

/// `evidence` with a fresh id should `claim` already hold a citation of
/// its id (the same entry cited again): ids stay unique within a claim.
pub(super) fn with_unused_id(claim: &crate::model::Claim, evidence: Evidence) -> Evidence {
    if claim.evidence.iter().any(|e| e.id == evidence.id) {
        Evidence {
            id: crate::model::EvidenceId::new(),
            ..evidence
        }
    } else {
        evidence
    }
}
