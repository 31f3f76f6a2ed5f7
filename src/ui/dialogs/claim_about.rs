//! A claim named in a line, as the update preview and the Orphans window
//! show it: "3 · False · published" — its number in the list, its verdict,
//! and whether it is published.

use crate::model::{Claim, ClaimId, PublicField, Workspace};
use std::collections::HashMap;

/// "3 · False · published" for `claim`, numbered as `numbers` says.
pub fn claim_about(ws: &Workspace, numbers: &HashMap<ClaimId, usize>, claim: &Claim) -> String {
    let verdict = ws.scale.label_of(claim.verdict.as_deref());
    let number = numbers
        .get(&claim.id)
        .map_or("?".to_owned(), usize::to_string);
    let published = if PublicField::needs_correction(claim) {
        " · published"
    } else {
        ""
    };
    format!("{number} · {verdict}{published}")
}
