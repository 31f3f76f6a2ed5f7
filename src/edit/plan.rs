//! Turning a [`Command`] into the [`Edit`] that carries it out, checked
//! against the workspace as it is when the command is applied. A command
//! that would change nothing plans to [`Edit::NOTHING`].

use super::change::{ClaimEdit, Edit};
use super::command::{
    ArticleDetails, ClaimChange, Command, CommandError, Corrected, Outcome, WorkspaceDetails,
};
use super::scale::scale_edit;
use super::span::{span_edit, trimmed_selection};
use crate::anchor::CharIndex;
use crate::model::{
    Claim, ClaimId, Correction, Evidence, FieldChange, PublicField, PublicationAction,
    PublicationEvent, Review, ReviewOutcome, Status, Workspace, readiness,
};

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
            let public = change.public_field();
            let edits = claim_edits(ws, found, change)?;
            if let Some(field) = public {
                refuse_uncorrected_change(found, field, &edits)?;
            }
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
            if PublicField::needs_correction(found) {
                return Err(CommandError::PublishedNeedsCorrection(
                    PublicField::Evidence,
                ));
            }
            let evidence = with_unused_id(
                found,
                Evidence {
                    source: source.id,
                    ..*evidence
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
                    updated: crate::model::now(),
                },
            ]);
            Ok((edit, Outcome::Claim(claim)))
        }
        Command::EditSource { source, change } => {
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
        Command::EditArticleText {
            article,
            start,
            end,
            text,
        } => super::article_text::plan_text_edit(ws, article, start, end, &text),
        Command::RenameSpeaker {
            article,
            speaker,
            name,
        } => super::transcript::plan_rename(ws, article, &speaker, &name),
        Command::ResolveConflict { index, resolution } => Ok((
            super::resolve::resolution_edit(ws, index, resolution)?,
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
            if field == super::ClaimText::Claimant {
                return Ok(claimant_edits(ws, claim, text));
            }
            (field.get(claim) != text).then_some(ClaimEdit::SetText { field, text })
        }
        ClaimChange::SetClaimantKind(kind) => {
            (claim.claimant_kind != kind).then_some(ClaimEdit::SetClaimantKind(kind))
        }
        ClaimChange::Publish { by } => return publish_edits(ws, claim, by),
        ClaimChange::Unpublish { by } => {
            if !claim.is_published() {
                return Err(CommandError::NotPublished);
            }
            Some(ClaimEdit::PushPublication(PublicationEvent {
                action: PublicationAction::Unpublished,
                date: crate::model::now(),
                by,
            }))
        }
        ClaimChange::Approve { by } => {
            return Ok(review_edits(
                claim,
                ReviewOutcome::Approved,
                by,
                String::new(),
            ));
        }
        ClaimChange::SendBack { by, note } => {
            return Ok(review_edits(claim, ReviewOutcome::SentBack, by, note));
        }
        ClaimChange::Correct { fields, note, by } => {
            return correct_edits(ws, claim, fields, note, by);
        }
        ClaimChange::AddCorrection { note, by } => {
            if claim.first_published().is_none() {
                return Err(CommandError::NeverPublished);
            }
            if note.trim().is_empty() {
                return Err(CommandError::EmptyCorrectionNote);
            }
            Some(ClaimEdit::InsertCorrection {
                index: claim.corrections.len(),
                correction: Correction {
                    date: crate::model::now(),
                    note,
                    changes: Vec::new(),
                    by,
                },
            })
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
                evidence: with_unused_id(claim, evidence),
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

/// A new verdict for a draft; a claim that was ever published is changed
/// by [`ClaimChange::Correct`], which records the correction (see
/// [`refuse_uncorrected_change`]).
fn verdict_edits(
    ws: &Workspace,
    claim: &Claim,
    verdict: Option<String>,
) -> Result<Vec<ClaimEdit>, CommandError> {
    check_verdict(ws, verdict.as_deref())?;
    if claim.verdict == verdict {
        return Ok(Vec::new());
    }
    Ok(vec![ClaimEdit::SetVerdict(verdict)])
}

/// Refuses a change of a public field of a claim that was published
/// unless it changes nothing; an orphan may still be attached again to
/// its quote's new place.
fn refuse_uncorrected_change(
    claim: &Claim,
    field: PublicField,
    edits: &[ClaimEdit],
) -> Result<(), CommandError> {
    let reattaching = field == PublicField::Quote && claim.is_orphaned();
    if edits.is_empty() || reattaching || !PublicField::needs_correction(claim) {
        return Ok(());
    }
    Err(CommandError::PublishedNeedsCorrection(field))
}

fn check_verdict(ws: &Workspace, verdict: Option<&str>) -> Result<(), CommandError> {
    match verdict {
        Some(key) if ws.scale.get(key).is_none() => {
            Err(CommandError::UnknownVerdict(key.to_owned()))
        }
        _ => Ok(()),
    }
}

/// The claimant's name, and its kind guessed from the latest other claim
/// by the same claimant (names compared ignoring case and outer spaces).
fn claimant_edits(ws: &Workspace, claim: &Claim, text: String) -> Vec<ClaimEdit> {
    if claim.claimant == text {
        return Vec::new();
    }
    let wanted = text.trim().to_lowercase();
    let earlier_kind = (!wanted.is_empty())
        .then(|| {
            ws.claims
                .iter()
                .rev()
                .filter(|c| c.id != claim.id)
                .find(|c| c.claimant.trim().to_lowercase() == wanted)
                .map(|c| c.claimant_kind)
        })
        .flatten();
    let mut edits = vec![ClaimEdit::SetText {
        field: super::ClaimText::Claimant,
        text,
    }];
    if let Some(kind) = earlier_kind.filter(|k| *k != claim.claimant_kind) {
        edits.push(ClaimEdit::SetClaimantKind(kind));
    }
    edits
}

/// Publishing: refused without a verdict and a rationale; the claim
/// becomes *Done*.
fn publish_edits(
    ws: &Workspace,
    claim: &Claim,
    by: String,
) -> Result<Vec<ClaimEdit>, CommandError> {
    if claim.is_published() {
        return Ok(Vec::new());
    }
    let blocking: Vec<_> = readiness::lacks(ws, claim)
        .into_iter()
        .filter(|l| l.blocks_publishing())
        .collect();
    if !blocking.is_empty() {
        return Err(CommandError::NotReady(readiness::describe(&blocking)));
    }
    let mut edits = vec![ClaimEdit::PushPublication(PublicationEvent {
        action: PublicationAction::Published,
        date: crate::model::now(),
        by,
    })];
    if claim.status != Status::Done {
        edits.push(ClaimEdit::SetStatus(Status::Done));
    }
    Ok(edits)
}

/// An editor's review: approval makes the claim *Done*, sending it back
/// *In progress*.
fn review_edits(claim: &Claim, outcome: ReviewOutcome, by: String, note: String) -> Vec<ClaimEdit> {
    let status = match outcome {
        ReviewOutcome::Approved => Status::Done,
        ReviewOutcome::SentBack => Status::InProgress,
    };
    let mut edits = vec![ClaimEdit::PushReview(Review {
        outcome,
        date: crate::model::now(),
        by,
        note,
    })];
    if claim.status != status {
        edits.push(ClaimEdit::SetStatus(status));
    }
    edits
}

/// A correction of a claim that was published: the new values of its
/// public fields, and the dated correction recording old and new of each
/// field that changed.
fn correct_edits(
    ws: &Workspace,
    claim: &Claim,
    fields: Corrected,
    note: String,
    by: String,
) -> Result<Vec<ClaimEdit>, CommandError> {
    if claim.first_published().is_none() {
        return Err(CommandError::NeverPublished);
    }
    if let Some(verdict) = &fields.verdict {
        check_verdict(ws, verdict.as_deref())?;
    }
    if fields.cite.iter().any(|e| ws.source(e.source).is_none()) {
        return Err(CommandError::NoSuchSource);
    }
    let (changes, mut edits) = corrected_fields(claim, fields);
    if changes.is_empty() {
        return Ok(Vec::new());
    }
    if note.trim().is_empty() {
        return Err(CommandError::EmptyCorrectionNote);
    }
    let correction = Correction {
        date: crate::model::now(),
        note,
        changes,
        by,
    };
    edits.insert(
        0,
        ClaimEdit::InsertCorrection {
            index: claim.corrections.len(),
            correction,
        },
    );
    Ok(edits)
}

/// The recorded change and the edit of each corrected field whose value
/// differs from the claim's, in the order of [`PublicField::ALL`].
fn corrected_fields(claim: &Claim, fields: Corrected) -> (Vec<FieldChange>, Vec<ClaimEdit>) {
    use super::ClaimText;
    let mut out = (Vec::new(), Vec::new());
    correct_text(claim, ClaimText::Statement, fields.statement, &mut out);
    correct_text(claim, ClaimText::Claimant, fields.claimant, &mut out);
    if let Some(verdict) = fields.verdict.filter(|v| *v != claim.verdict) {
        out.0.push(FieldChange {
            field: PublicField::Verdict,
            old: claim.verdict.clone().unwrap_or_default(),
            new: verdict.clone().unwrap_or_default(),
        });
        out.1.push(ClaimEdit::SetVerdict(verdict));
    }
    correct_text(claim, ClaimText::Rationale, fields.rationale, &mut out);
    if !fields.cite.is_empty() {
        let old = PublicField::Evidence.recorded_value(claim);
        let added = fields.cite.iter().map(PublicField::evidence_line);
        let new = old
            .lines()
            .map(str::to_owned)
            .chain(added)
            .collect::<Vec<_>>();
        out.0.push(FieldChange {
            field: PublicField::Evidence,
            old,
            new: new.join("\n"),
        });
        let first = claim.evidence.len();
        out.1
            .extend(fields.cite.into_iter().enumerate().map(|(i, evidence)| {
                ClaimEdit::InsertEvidence {
                    index: first + i,
                    evidence,
                }
            }));
    }
    out
}

/// Records and plans the correction of one public text field, when `new`
/// differs from what the claim holds.
fn correct_text(
    claim: &Claim,
    field: super::ClaimText,
    new: Option<String>,
    (changes, edits): &mut (Vec<FieldChange>, Vec<ClaimEdit>),
) {
    let (Some(public), Some(new)) = (field.public_field(), new) else {
        return;
    };
    let old = field.get(claim);
    if new == old {
        return;
    }
    changes.push(FieldChange {
        field: public,
        old: old.to_owned(),
        new: new.clone(),
    });
    edits.push(ClaimEdit::SetText { field, text: new });
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

/// `evidence` with a fresh id should `claim` already hold a citation of
/// its id (the same entry cited again): ids stay unique within a claim.
fn with_unused_id(claim: &crate::model::Claim, evidence: Evidence) -> Evidence {
    if claim.evidence.iter().any(|e| e.id == evidence.id) {
        Evidence {
            id: crate::model::EvidenceId::new(),
            ..evidence
        }
    } else {
        evidence
    }
}
