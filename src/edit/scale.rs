//! Planning a new verdict scale: the whole scale is replaced in one
//! invertible edit (adding, renaming, recolouring, reordering, removing
//! verdicts and changing ratings are all a new scale), and the claims whose
//! verdict leaves the scale get what the user chose for them — another
//! verdict, or none — in the same undo step. A scale that would leave a
//! claim's verdict dangling without that choice is refused.

use super::change::{ClaimEdit, Edit};
use super::vocabulary::CommandError;
use crate::model::{VerdictScale, Workspace};
use std::collections::HashSet;

/// What claims with a verdict that leaves the scale become: `(old key,
/// new key or None for unrated)`.
pub type Reassign = Vec<(String, Option<String>)>;

/// The edit replacing the scale by `scale`, with the verdict changes of
/// the claims whose verdict is not on it; [`Edit::NOTHING`] when `scale`
/// is the scale already.
pub(super) fn scale_edit(
    ws: &Workspace,
    scale: VerdictScale,
    reassign: &Reassign,
    at: jiff::Timestamp,
) -> Result<Edit, CommandError> {
    check_scale(&scale)?;
    if scale == ws.scale {
        return Ok(Edit::NOTHING);
    }
    let mut edits = vec![Edit::SetScale {
        scale: Box::new(scale.clone()),
    }];
    let now = at;
    for (index, claim) in ws.claims.iter().enumerate() {
        let Some(key) = claim.verdict.as_deref() else {
            continue;
        };
        if scale.get(key).is_some() || ws.scale.get(key).is_none() {
            // Still on the scale, or already unknown before (a problem the
            // user sees and fixes on the claim itself).
            continue;
        }
        let target = target_for(&scale, reassign, key, ws)?;
        edits.push(Edit::ChangeClaim {
            index,
            edit: ClaimEdit::SetVerdict(target),
            updated: now,
        });
    }
    Ok(Edit::Group(edits))
}

/// The keys of the current scale that `scale` drops and claims still use,
/// with how many claims use each, in the current scale's order.
pub fn verdicts_in_use_dropped(ws: &Workspace, scale: &VerdictScale) -> Vec<(String, usize)> {
    ws.scale
        .verdicts
        .iter()
        .filter(|v| scale.get(&v.key).is_none())
        .map(|v| {
            let count = ws
                .claims
                .iter()
                .filter(|c| c.verdict.as_deref() == Some(v.key.as_str()))
                .count();
            (v.key.clone(), count)
        })
        .filter(|(_, count)| *count > 0)
        .collect()
}

fn target_for(
    scale: &VerdictScale,
    reassign: &Reassign,
    key: &str,
    ws: &Workspace,
) -> Result<Option<String>, CommandError> {
    let (_, target) = reassign
        .iter()
        .find(|(from, _)| from == key)
        .ok_or_else(|| CommandError::VerdictInUse {
            key: key.to_owned(),
            claims: ws
                .claims
                .iter()
                .filter(|c| c.verdict.as_deref() == Some(key))
                .count(),
        })?;
    if let Some(to) = target
        && scale.get(to).is_none()
    {
        return Err(CommandError::UnknownVerdict(to.clone()));
    }
    Ok(target.clone())
}

/// Refuses a scale that would be a problem from the start: no verdicts, a
/// key twice, an empty key or label, a rating of 0.
fn check_scale(scale: &VerdictScale) -> Result<(), CommandError> {
    let bad = |why: String| Err(CommandError::BadScale(why));
    if scale.verdicts.is_empty() {
        return bad("a scale needs at least one verdict".into());
    }
    let mut keys = HashSet::new();
    for verdict in &scale.verdicts {
        if verdict.key.trim().is_empty() || verdict.label.trim().is_empty() {
            return bad("every verdict needs a key and a label".into());
        }
        if !keys.insert(verdict.key.as_str()) {
            return bad(format!("the key {:?} is used twice", verdict.key));
        }
        if verdict.rating == Some(0) {
            return bad(format!(
                "verdict {:?} has rating 0; ratings start at 1 (the worst)",
                verdict.label
            ));
        }
    }
    Ok(())
}
