//! Consistency with the library: the claims of a workspace whose same-claim
//! match elsewhere carries another verdict, so that a desk does not call
//! *True* today what it called *False* last month without meaning to.
//! `factbench check --library` prints them; the window's Problems list
//! shows them. Published reviews from outside the desk are never
//! conflicts here: [`external_disagreements`] lists them apart.

use super::{Library, LibraryError, Match, Query, claim_text};
use crate::model::{Claim, ClaimId};
use std::path::{Path, PathBuf};

/// How many matches of each claim are looked at.
const MATCHES_PER_CLAIM: usize = 5;

/// A rated claim and a same-claim match with another verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictConflict {
    pub claim: ClaimId,
    /// The claim's verdict key.
    pub verdict: String,
    /// The earlier check; its `verdict` is another key.
    pub other: Match,
}

/// The conflicts of `claims` (of the workspace at `path`, left out of its
/// own matches) with the library under `folders`. `keep` may veto a match
/// (the window drops those the checker called "not the same").
pub fn verdict_conflicts(
    library: &Library,
    folders: &[PathBuf],
    path: Option<&Path>,
    claims: &[Claim],
    keep: impl Fn(&Claim, &Match) -> bool,
) -> Result<Vec<VerdictConflict>, LibraryError> {
    let desk_checks = |claim: &Claim, other: &Match| {
        !other.another_copy && other.external.is_none() && keep(claim, other)
    };
    disagreements(library, (folders, path), claims, None, desk_checks)
}

/// A rated claim and a published review, called the same claim, whose
/// rating maps onto another verdict: a quieter warning than a conflict
/// (another organisation may rate differently), never an error.
pub fn external_disagreements(
    library: &Library,
    folders: &[PathBuf],
    path: Option<&Path>,
    claims: &[Claim],
    scale: &crate::model::VerdictScale,
) -> Result<Vec<VerdictConflict>, LibraryError> {
    let published = |_: &Claim, other: &Match| other.external.is_some();
    disagreements(library, (folders, path), claims, Some(scale), published)
}

/// Each rated claim's matches called the same claim with another
/// verdict, of those `counts` takes (`scale` maps published ratings).
fn disagreements(
    library: &Library,
    (folders, path): (&[PathBuf], Option<&Path>),
    claims: &[Claim],
    scale: Option<&crate::model::VerdictScale>,
    counts: impl Fn(&Claim, &Match) -> bool,
) -> Result<Vec<VerdictConflict>, LibraryError> {
    let folders = library.folders(folders)?;
    let mut found = Vec::new();
    for claim in claims {
        let Some(verdict) = &claim.verdict else {
            continue;
        };
        let query = Query {
            text: claim_text(claim),
            folders: folders.clone(),
            exclude: path.map(|p| (p.to_owned(), claim.id.to_string())),
            copies_of: Some(claim.id.to_string()),
            top: MATCHES_PER_CLAIM,
            scale: scale.cloned(),
        };
        for other in library.similar(&query)? {
            let differs = other.verdict.as_deref().is_some_and(|v| v != verdict);
            if other.same_claim && differs && counts(claim, &other) {
                found.push(VerdictConflict {
                    claim: claim.id,
                    verdict: verdict.clone(),
                    other,
                });
            }
        }
    }
    Ok(found)
}
