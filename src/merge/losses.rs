//! The promise a merge keeps, as a check the property tests and the fuzz
//! target run: every item of either side is in the result, or was deleted
//! relative to the base by the other side, or a recorded conflict names it.

use crate::model::{ClaimId, ConflictItem, Workspace};
use std::collections::HashSet;

/// Every item of `ours` or `theirs` that `merged` lost without a reason:
/// not kept, not deleted by the other side (present in `base`, absent
/// there), not named by a conflict. Each is told as `"claim ID (ours)"`;
/// empty when the merge kept its promise.
pub fn unrecorded_losses([base, ours, theirs]: [&Workspace; 3], merged: &Workspace) -> Vec<String> {
    let named: HashSet<ConflictItem> = merged.conflicts.iter().map(|c| c.item).collect();
    let mut lost = Vec::new();
    for (side, other, name) in [(ours, theirs, "ours"), (theirs, ours, "theirs")] {
        let mut check = |kind: &str, id: String, item: ConflictItem, kept: bool, deleted: bool| {
            if !kept && !deleted && !named.contains(&item) {
                lost.push(format!("{kind} {id} ({name})"));
            }
        };
        for a in &side.articles {
            let deleted = base.article(a.id).is_some() && other.article(a.id).is_none();
            let kept = merged.article(a.id).is_some();
            check(
                "article",
                a.id.to_string(),
                ConflictItem::Article(a.id),
                kept,
                deleted,
            );
        }
        for s in &side.sources {
            let deleted = base.source(s.id).is_some() && other.source(s.id).is_none();
            let kept = merged.source(s.id).is_some();
            check(
                "source",
                s.id.to_string(),
                ConflictItem::Source(s.id),
                kept,
                deleted,
            );
        }
        for c in &side.claims {
            let claim_deleted = base.claim(c.id).is_some() && other.claim(c.id).is_none();
            let kept = merged.claim(c.id).is_some();
            check(
                "claim",
                c.id.to_string(),
                ConflictItem::Claim(c.id),
                kept,
                claim_deleted,
            );
            for e in &c.evidence {
                let item = ConflictItem::Evidence {
                    claim: c.id,
                    evidence: e.id,
                };
                let in_claim = |ws: &Workspace| has_evidence(ws, c.id, e);
                let deleted = claim_deleted
                    || named.contains(&ConflictItem::Claim(c.id))
                    || (in_claim(base) && !in_claim(other));
                check(
                    "evidence",
                    e.id.to_string(),
                    item,
                    in_claim(merged),
                    deleted,
                );
            }
        }
    }
    lost
}

fn has_evidence(ws: &Workspace, claim: ClaimId, evidence: &crate::model::Evidence) -> bool {
    ws.claim(claim)
        .is_some_and(|c| c.evidence.iter().any(|e| e.id == evidence.id))
}
