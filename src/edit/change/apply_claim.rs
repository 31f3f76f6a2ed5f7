//! Applying a [`ClaimEdit`] to one claim, returning the edit that undoes
//! it (only the changed field's old value is kept).

use super::{ClaimEdit, insert, remove};
use crate::model::Claim;

impl ClaimEdit {
    /// Applies the change to `claim`; `None` when it did not apply (an
    /// index out of range).
    pub(super) fn apply(self, claim: &mut Claim) -> Option<ClaimEdit> {
        use std::mem::replace;
        Some(match self {
            ClaimEdit::SetText { field, text } => ClaimEdit::SetText {
                field,
                text: replace(field.slot(claim), text),
            },
            ClaimEdit::SetStatus(status) => {
                ClaimEdit::SetStatus(replace(&mut claim.status, status))
            }
            ClaimEdit::SetPriority(priority) => {
                ClaimEdit::SetPriority(replace(&mut claim.priority, priority))
            }
            ClaimEdit::SetVerdict(verdict) => {
                ClaimEdit::SetVerdict(replace(&mut claim.verdict, verdict))
            }
            ClaimEdit::InsertTag { index, tag } => ClaimEdit::RemoveTag {
                index: insert(&mut claim.tags, index, tag),
            },
            ClaimEdit::RemoveTag { index } => ClaimEdit::InsertTag {
                index,
                tag: remove(&mut claim.tags, index)?,
            },
            ClaimEdit::InsertEvidence { index, evidence } => ClaimEdit::RemoveEvidence {
                index: insert(&mut claim.evidence, index, evidence),
            },
            ClaimEdit::RemoveEvidence { index } => ClaimEdit::InsertEvidence {
                index,
                evidence: remove(&mut claim.evidence, index)?,
            },
            ClaimEdit::SetStance { index, stance } => ClaimEdit::SetStance {
                index,
                stance: replace(&mut claim.evidence.get_mut(index)?.stance, stance),
            },
            ClaimEdit::SetEvidenceText { index, field, text } => ClaimEdit::SetEvidenceText {
                index,
                field,
                text: replace(field.slot(claim.evidence.get_mut(index)?), text),
            },
            ClaimEdit::InsertCorrection { index, correction } => ClaimEdit::RemoveCorrection {
                index: insert(&mut claim.corrections, index, correction),
            },
            ClaimEdit::SetCorrectionNote { index, note } => ClaimEdit::SetCorrectionNote {
                index,
                note: replace(&mut claim.corrections.get_mut(index)?.note, note),
            },
            ClaimEdit::RemoveCorrection { index } => ClaimEdit::InsertCorrection {
                index,
                correction: remove(&mut claim.corrections, index)?,
            },
            ClaimEdit::SetClaimantKind(kind) => {
                ClaimEdit::SetClaimantKind(replace(&mut claim.claimant_kind, kind))
            }
            ClaimEdit::SetPublicNumber(number) => {
                ClaimEdit::SetPublicNumber(replace(&mut claim.public_number, number))
            }
            ClaimEdit::PushPublication(event) => {
                claim.publication.push(event);
                ClaimEdit::PopPublication
            }
            ClaimEdit::PopPublication => ClaimEdit::PushPublication(claim.publication.pop()?),
            ClaimEdit::PushReview(review) => {
                claim.reviews.push(review);
                ClaimEdit::PopReview
            }
            ClaimEdit::PopReview => ClaimEdit::PushReview(claim.reviews.pop()?),
            ClaimEdit::SetEvidenceAnchor { index, anchor } => ClaimEdit::SetEvidenceAnchor {
                index,
                anchor: replace(&mut claim.evidence.get_mut(index)?.anchor, anchor),
            },
            ClaimEdit::Reanchor {
                anchor,
                orphaned,
                removed_by_outlet,
            } => ClaimEdit::Reanchor {
                anchor: Box::new(replace(&mut claim.anchor, *anchor)),
                orphaned: replace(&mut claim.orphaned, orphaned),
                removed_by_outlet: replace(&mut claim.removed_by_outlet, removed_by_outlet),
            },
        })
    }
}
