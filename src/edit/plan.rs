//! Turning a [`Command`] into the [`Edit`] that carries it out, checked
//! against the workspace as it is when the command is applied. A command
//! that would change nothing plans to [`Edit::NOTHING`].

use super::change::{ClaimEdit, Edit};
use super::command::{
    ArticleDetails, ClaimChange, Command, CommandError, Outcome, WorkspaceDetails,
};
use super::scale::scale_edit;
use super::span::{span_edit, trimmed_selection};
use crate::anchor::CharIndex;
use crate::model::{Claim, ClaimId, Correction, Evidence, Workspace};

/// The edit for `command`, and what to tell the window it did.
pub(super) fn plan(ws: &Workspace, command: Command) -> Result<(Edit, Outcome), CommandError> {
    match command {
        Command::MarkClaim {
            article,
            start,
            end,
        } => {
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
        Command::EditClaim { claim, change } => {
            let (index, found) = claim_at(ws, claim)?;
            let edits = claim_edits(ws, found, change)?;
            let now = crate::model::now();
            let edit = Edit::Group(
                edits
                    .into_iter()
                    .map(|edit| Edit::ChangeClaim {
                        index,
                        edit,
                        updated: now,
                    })
                    .collect(),
            );
            Ok((edit, Outcome::Claim(claim)))
        }
        Command::DeleteClaim(id) => {
            let (index, _) = claim_at(ws, id)?;
            Ok((Edit::RemoveClaim { index }, Outcome::Done))
        }
        Command::AddSource(source) => {
            refuse_known_source(ws, &source)?;
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
            refuse_known_source(ws, &source)?;
            let (index, found) = claim_at(ws, claim)?;
            let evidence = Evidence {
                source: source.id,
                ..*evidence
            };
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
                    updated: crate::model::now(),
                },
            ]);
            Ok((edit, Outcome::Claim(claim)))
        }
        Command::EditSource { source, .. } => {
            let index = source_index(ws, source.id)?;
            if ws.sources[index] == *source {
                return Ok((Edit::NOTHING, Outcome::Unchanged));
            }
            let id = source.id;
            Ok((Edit::ReplaceSource { index, source }, Outcome::Source(id)))
        }
        Command::DeleteSource(id) => {
            let index = source_index(ws, id)?;
            let citing = ws.claims_citing(id).count();
            if citing > 0 {
                return Err(CommandError::SourceInUse(citing));
            }
            Ok((Edit::RemoveSource { index }, Outcome::Done))
        }
        Command::EditArticle {
            article, details, ..
        } => {
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
        Command::EditWorkspace { details, .. } => {
            if WorkspaceDetails::of(ws) == *details {
                return Ok((Edit::NOTHING, Outcome::Unchanged));
            }
            Ok((Edit::SetWorkspaceDetails { details }, Outcome::Done))
        }
        Command::SetScale { scale, reassign } => {
            let edit = scale_edit(ws, *scale, &reassign)?;
            let outcome = match edit.is_nothing() {
                true => Outcome::Unchanged,
                false => Outcome::Done,
            };
            Ok((edit, outcome))
        }
        Command::UpdateArticle(update) => super::update::plan_update(ws, *update),
        Command::ResolveConflict { index, resolution } => Ok((
            crate::merge::resolution_edit(ws, index, resolution)?,
            Outcome::Done,
        )),
        Command::AddArticles(articles) => {
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
    }
}

/// The changes inside a claim that `change` asks for; empty when it asks
/// for what already is.
fn claim_edits(
    ws: &Workspace,
    claim: &Claim,
    change: ClaimChange,
) -> Result<Vec<ClaimEdit>, CommandError> {
    let edit = match change {
        ClaimChange::SetText { field, text } => {
            (field.get(claim) != text).then_some(ClaimEdit::SetText { field, text })
        }
        ClaimChange::AddTag(tag) => {
            let tag = tag.trim().to_owned();
            (!tag.is_empty() && !claim.tags.contains(&tag)).then_some(ClaimEdit::InsertTag {
                index: claim.tags.len(),
                tag,
            })
        }
        ClaimChange::RemoveTag(tag) => claim
            .tags
            .iter()
            .position(|t| *t == tag)
            .map(|index| ClaimEdit::RemoveTag { index }),
        ClaimChange::SetStatus(status) => {
            (claim.status != status).then_some(ClaimEdit::SetStatus(status))
        }
        ClaimChange::SetPriority(priority) => {
            (claim.priority != priority).then_some(ClaimEdit::SetPriority(priority))
        }
        ClaimChange::SetVerdict(verdict) => return verdict_edits(ws, claim, verdict),
        ClaimChange::SetSpan { start, end } => span_edit(ws, claim, start, end)?,
        ClaimChange::Cite(evidence) => {
            if ws.source(evidence.source).is_none() {
                return Err(CommandError::NoSuchSource);
            }
            Some(ClaimEdit::InsertEvidence {
                index: claim.evidence.len(),
                evidence,
            })
        }
        ClaimChange::Uncite(index) => {
            item(&claim.evidence, index)?;
            Some(ClaimEdit::RemoveEvidence { index })
        }
        ClaimChange::SetStance { evidence, stance } => {
            (item(&claim.evidence, evidence)?.stance != stance).then_some(ClaimEdit::SetStance {
                index: evidence,
                stance,
            })
        }
        ClaimChange::SetEvidenceText {
            evidence,
            field,
            text,
        } => (field.get(item(&claim.evidence, evidence)?) != text).then_some(
            ClaimEdit::SetEvidenceText {
                index: evidence,
                field,
                text,
            },
        ),
        ClaimChange::SetCorrectionNote { correction, note } => {
            (item(&claim.corrections, correction)?.note != note).then_some(
                ClaimEdit::SetCorrectionNote {
                    index: correction,
                    note,
                },
            )
        }
    };
    Ok(edit.into_iter().collect())
}

/// A new verdict, with a dated correction when a given verdict changes.
fn verdict_edits(
    ws: &Workspace,
    claim: &Claim,
    verdict: Option<String>,
) -> Result<Vec<ClaimEdit>, CommandError> {
    if let Some(key) = &verdict
        && ws.scale.get(key).is_none()
    {
        return Err(CommandError::UnknownVerdict(key.clone()));
    }
    if claim.verdict == verdict {
        return Ok(Vec::new());
    }
    let mut edits = Vec::new();
    if let Some(note) = correction_note(ws, claim.verdict.as_deref(), verdict.as_deref()) {
        edits.push(ClaimEdit::InsertCorrection {
            index: claim.corrections.len(),
            correction: Correction {
                date: crate::model::now(),
                note,
            },
        });
    }
    edits.push(ClaimEdit::SetVerdict(verdict));
    Ok(edits)
}

/// The correction to log when a verdict changes after it was first given.
fn correction_note(ws: &Workspace, old: Option<&str>, new: Option<&str>) -> Option<String> {
    let old = old?;
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

fn item<T>(items: &[T], index: usize) -> Result<&T, CommandError> {
    items.get(index).ok_or(CommandError::NoSuchItem(index))
}
