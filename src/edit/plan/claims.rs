//! Planning a [`ClaimChange`]: the [`ClaimEdit`]s inside one claim that a
//! change asks for — its own fields, its evidence, and its publication
//! (publishing, withdrawing, reviews, corrections, each dated by the one
//! timestamp the command was executed at). A published claim's public
//! fields change only through a correction ([`refuse_uncorrected_change`]).

use super::{item, with_unused_id};
use crate::edit::change::ClaimEdit;
use crate::edit::command::{ClaimChange, ClaimText, CommandError, Corrected};
use crate::edit::span::span_edit;
use crate::model::{
    Claim, Correction, FieldChange, PublicField, PublicationAction, PublicationEvent, Review,
    ReviewOutcome, Status, Workspace, readiness,
};
use jiff::Timestamp;

/// The changes inside a claim that `change` asks for; empty when it asks
/// for what already is. `at` dates what is recorded (publication,
/// reviews, corrections).
pub(in crate::edit) fn claim_edits(
    ws: &Workspace,
    claim: &Claim,
    change: ClaimChange,
    at: Timestamp,
) -> Result<Vec<ClaimEdit>, CommandError> {
    match change {
        ClaimChange::Publish { .. }
        | ClaimChange::Unpublish { .. }
        | ClaimChange::Approve { .. }
        | ClaimChange::SendBack { .. }
        | ClaimChange::Correct { .. }
        | ClaimChange::AddCorrection { .. } => publication_edits(ws, claim, change, at),
        ClaimChange::Cite(_)
        | ClaimChange::Uncite(_)
        | ClaimChange::SetStance { .. }
        | ClaimChange::SetEvidenceText { .. }
        | ClaimChange::SetCorrectionNote { .. } => {
            Ok(evidence_edit(ws, claim, change)?.into_iter().collect())
        }
        ClaimChange::SetText {
            field: ClaimText::Claimant,
            text,
        } => Ok(claimant_edits(ws, claim, text)),
        ClaimChange::SetVerdict(verdict) => verdict_edits(ws, claim, verdict),
        _ => Ok(field_edit(ws, claim, change)?.into_iter().collect()),
    }
}

/// A change of one of the claim's own fields (text, kind, tags, status,
/// priority, quote).
fn field_edit(
    ws: &Workspace,
    claim: &Claim,
    change: ClaimChange,
) -> Result<Option<ClaimEdit>, CommandError> {
    Ok(match change {
        ClaimChange::SetText { field, text } => {
            (field.get(claim) != text).then_some(ClaimEdit::SetText { field, text })
        }
        ClaimChange::SetClaimantKind(kind) => {
            (claim.claimant_kind != kind).then_some(ClaimEdit::SetClaimantKind(kind))
        }
        ClaimChange::SetRemovedByOutlet(removed) => {
            if !claim.is_orphaned() {
                return Err(CommandError::NotOrphaned);
            }
            (claim.removed_by_outlet != removed).then(|| ClaimEdit::Reanchor {
                anchor: Box::new(claim.anchor.clone()),
                orphaned: claim.orphaned,
                removed_by_outlet: removed,
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
        ClaimChange::SetSpan { start, end } => span_edit(ws, claim, start, end)?,
        _ => None, // Planned by claim_edits' other arms.
    })
}

/// Who a publication step is recorded as made by.
fn signed_by(change: &ClaimChange) -> Option<&str> {
    match change {
        ClaimChange::Publish { by }
        | ClaimChange::Unpublish { by }
        | ClaimChange::Approve { by }
        | ClaimChange::SendBack { by, .. }
        | ClaimChange::Correct { by, .. }
        | ClaimChange::AddCorrection { by, .. } => Some(by),
        _ => None,
    }
}

/// Publishing, withdrawing, reviews and corrections, dated `at`; each
/// must name who made it.
fn publication_edits(
    ws: &Workspace,
    claim: &Claim,
    change: ClaimChange,
    at: Timestamp,
) -> Result<Vec<ClaimEdit>, CommandError> {
    if signed_by(&change).is_some_and(|by| by.trim().is_empty()) {
        return Err(CommandError::Unsigned);
    }
    match change {
        ClaimChange::Publish { by } => publish_edits(ws, claim, by, at),
        ClaimChange::Unpublish { by } => {
            if !claim.is_published() {
                return Err(CommandError::NotPublished);
            }
            Ok(vec![ClaimEdit::PushPublication(PublicationEvent {
                action: PublicationAction::Unpublished,
                date: at,
                by,
            })])
        }
        ClaimChange::Approve { by } => Ok(review_edits(
            claim,
            ReviewOutcome::Approved,
            (by, String::new()),
            at,
        )),
        ClaimChange::SendBack { by, note } => {
            Ok(review_edits(claim, ReviewOutcome::SentBack, (by, note), at))
        }
        ClaimChange::Correct { fields, note, by } => {
            correct_edits(ws, claim, fields, (note, by), at)
        }
        ClaimChange::AddCorrection { note, by } => {
            if claim.first_published().is_none() {
                return Err(CommandError::NeverPublished);
            }
            if note.trim().is_empty() {
                return Err(CommandError::EmptyCorrectionNote);
            }
            Ok(vec![ClaimEdit::InsertCorrection {
                index: claim.corrections.len(),
                correction: Correction {
                    date: at,
                    note,
                    changes: Vec::new(),
                    by,
                },
            }])
        }
        _ => Ok(Vec::new()), // Planned by claim_edits' other arms.
    }
}

/// Citing, uncititing and editing a piece of evidence, or a correction's note.
fn evidence_edit(
    ws: &Workspace,
    claim: &Claim,
    change: ClaimChange,
) -> Result<Option<ClaimEdit>, CommandError> {
    Ok(match change {
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
        _ => None, // Planned by claim_edits' other arms.
    })
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
pub(in crate::edit) fn refuse_uncorrected_change(
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
/// by the same claimant (names compared ignoring case and outer spaces),
/// else from the name itself when it reads as an institution's
/// ([`ClaimantKind::guessed_from`]).
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
        .flatten()
        .or_else(|| crate::model::ClaimantKind::guessed_from(&text));
    let mut edits = vec![ClaimEdit::SetText {
        field: ClaimText::Claimant,
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
    at: Timestamp,
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
    // What is published carries no stray spaces at its ends.
    let mut edits: Vec<ClaimEdit> = [
        ClaimText::Statement,
        ClaimText::Claimant,
        ClaimText::Rationale,
    ]
    .into_iter()
    .filter_map(|field| {
        let text = field.get(claim);
        (text.trim() != text).then(|| ClaimEdit::SetText {
            field,
            text: text.trim().to_owned(),
        })
    })
    .collect();
    edits.push(ClaimEdit::PushPublication(PublicationEvent {
        action: PublicationAction::Published,
        date: at,
        by,
    }));
    // Its number in public reports, for good (a republished claim keeps its own).
    if claim.public_number.is_none() {
        edits.push(ClaimEdit::SetPublicNumber(Some(ws.next_public_number())));
    }
    if claim.status != Status::Done {
        edits.push(ClaimEdit::SetStatus(Status::Done));
    }
    Ok(edits)
}

/// An editor's review: approval makes the claim *Done*, sending it back
/// *In progress*.
/// `(by, note)`: the reviewer and their note.
fn review_edits(
    claim: &Claim,
    outcome: ReviewOutcome,
    (by, note): (String, String),
    at: Timestamp,
) -> Vec<ClaimEdit> {
    let status = match outcome {
        ReviewOutcome::Approved => Status::Done,
        ReviewOutcome::SentBack => Status::InProgress,
    };
    let mut edits = vec![ClaimEdit::PushReview(Review {
        outcome,
        date: at,
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
/// `(note, by)`: the public note and who corrected.
fn correct_edits(
    ws: &Workspace,
    claim: &Claim,
    fields: Corrected,
    (note, by): (String, String),
    at: Timestamp,
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
        date: at,
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
    field: ClaimText,
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
