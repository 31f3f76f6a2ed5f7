//! Team work through git: the three-way merge of workspaces, the conflicts
//! it records, settling them, and the semantic diff.
//!
//! [`merge`] is keyed by the stable ids: articles, claims and sources (and
//! evidence within a claim) are matched by id and merged field by field,
//! generically over their serde form (`fields.rs`), so a field added to the
//! model merges with no change here. Additions on either side are kept,
//! deletions applied, the same change on both sides is no conflict; the
//! same field changed two ways is a [`Conflict`] (ours is kept meanwhile);
//! an item deleted on one side and changed on the other is kept as changed,
//! with a conflict. `modified` and a claim's `updated` never conflict: the
//! later wins. Article text changed on both sides is merged line by line
//! when the changes do not overlap (`lines.rs`, within a time budget: a
//! diff too costly to finish in time is a conflict on the whole text), and
//! the claims are followed into the merged text, once: a claim a side only
//! followed into its own newer text is taken as unchanged (`unfollow.rs`).
//! An article's `source` changed two ways becomes both names, its
//! `retrieved` the later date. Lists come out in a
//! deterministic order (`lists.rs`).
//! Inputs in which two items share an id are refused (`duplicates.rs`):
//! a merge keeps every item of every side or records it, never drops one.
//! A source's snapshots merge by their SHA-256 and the custody log by
//! entry id (both only grow), so independent additions never conflict.

mod describe;
mod diff;
mod duplicates;
mod fields;
mod items;
mod lines;
mod lists;
mod losses;
mod text;
mod unfollow;

pub use describe::{describe_conflict, describe_conflict_plain};
pub use diff::{Difference, diff, outline, render_diff};
pub use duplicates::{DuplicateId, DuplicateIds, Input};
pub use losses::unrecorded_losses;

use crate::model::{
    Article, Claim, ClaimId, Conflict, ConflictItem, CustodyEntry, Source, Workspace,
};
use fields::{Kind, merge_item};
use items::ListMerge;
use lines::TextBudget;

/// The outcome of a merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub workspace: Workspace,
    /// How many conflicts this merge found that its inputs did not already
    /// record (the workspace keeps those too).
    pub new_conflicts: usize,
    /// Claims whose quote could not be found again in a merged text.
    pub orphaned: Vec<ClaimId>,
}

/// Merges `ours` and `theirs`, two descendants of `base`. Refused, with
/// every shared id named, when an input holds two items of one id (they
/// could not both be matched, and one would be lost).
pub fn merge(base: Workspace, ours: Workspace, theirs: Workspace) -> Result<Merged, DuplicateIds> {
    duplicates::check_unique_ids([&base, &ours, &theirs])?;
    Ok(merge_unique(base, ours, theirs))
}

/// [`merge`] of inputs whose ids are unique.
fn merge_unique(mut base: Workspace, mut ours: Workspace, mut theirs: Workspace) -> Merged {
    let mut lists = [&mut base, &mut ours, &mut theirs].map(take_lists);
    let [b, o, t] = &mut lists;
    for side in [&mut *o, &mut *t] {
        unfollow::unfollow(&b.articles, &b.claims, &side.articles, &mut side.claims);
    }
    let [b, o, t] = &lists;
    let mut found = Vec::new();
    let budget = TextBudget::start();
    let mut workspace = merge_details(&base, &ours, &theirs, &mut found, budget);

    let mut articles = ListMerge::new(
        (Kind::Article, |a: &Article| a.id, ConflictItem::Article),
        [&b.articles, &o.articles, &t.articles],
        &mut found,
        budget,
    );
    let claims = ListMerge::new(
        (Kind::Claim, |c: &Claim| c.id, ConflictItem::Claim),
        [&b.claims, &o.claims, &t.claims],
        &mut found,
        budget,
    );
    let mut sources = ListMerge::new(
        (Kind::Source, |s: &Source| s.id, ConflictItem::Source),
        [&b.sources, &o.sources, &t.sources],
        &mut found,
        budget,
    );
    keep_what_claims_refer_to(&claims, &mut articles, &mut sources, &mut found);
    let mut claim_list = claims.into_list();
    let orphaned = text::follow_texts(&mut claim_list, &articles);

    workspace.articles = articles.into_list();
    workspace.claims = claim_list;
    workspace.sources = sources.into_list();
    workspace.conflicts = lists::set_merge(&b.conflicts, &o.conflicts, &t.conflicts);
    workspace.custody = merge_custody(&o.custody, &t.custody);
    // Two sides may each have published a claim under the same next number.
    workspace.settle_public_numbers();
    let mut new_conflicts = 0;
    for conflict in found {
        if !workspace.conflicts.contains(&conflict) {
            workspace.conflicts.push(conflict);
            new_conflicts += 1;
        }
    }
    Merged {
        workspace,
        new_conflicts,
        orphaned,
    }
}

/// A workspace's lists, taken out so its details are small to compare.
struct Lists {
    articles: Vec<Article>,
    claims: Vec<Claim>,
    sources: Vec<Source>,
    conflicts: Vec<Conflict>,
    custody: Vec<CustodyEntry>,
}

fn take_lists(ws: &mut Workspace) -> Lists {
    Lists {
        articles: std::mem::take(&mut ws.articles),
        claims: std::mem::take(&mut ws.claims),
        sources: std::mem::take(&mut ws.sources),
        conflicts: std::mem::take(&mut ws.conflicts),
        custody: std::mem::take(&mut ws.custody),
    }
}

/// The custody log is append-only: both sides' entries, each once (by
/// id), oldest first (ties by id, so both sides merge to the same log).
/// An entry one side dropped is kept: the log never loses a record.
fn merge_custody(ours: &[CustodyEntry], theirs: &[CustodyEntry]) -> Vec<CustodyEntry> {
    let mut merged: Vec<CustodyEntry> = ours.to_vec();
    let known: std::collections::HashSet<_> = ours.iter().map(|e| e.id).collect();
    merged.extend(theirs.iter().filter(|e| !known.contains(&e.id)).cloned());
    if merged.len() > ours.len() {
        merged.sort_by_key(|e| (e.at, e.id));
    }
    merged
}

/// The workspace's own fields (title, publisher, scale, `modified`…),
/// merged field by field; the lists are empty here.
fn merge_details(
    base: &Workspace,
    ours: &Workspace,
    theirs: &Workspace,
    found: &mut Vec<Conflict>,
    budget: TextBudget,
) -> Workspace {
    if ours == theirs || base == theirs {
        return ours.clone();
    }
    if base == ours {
        return theirs.clone();
    }
    merge_item(
        Kind::Workspace,
        ConflictItem::Workspace,
        Some(base),
        ours,
        theirs,
        found,
        budget,
    )
}

/// An article or source one side deleted stays while a kept claim refers
/// to it (the claim was added or changed on the other side).
fn keep_what_claims_refer_to(
    claims: &ListMerge<'_, crate::model::ClaimId, Claim>,
    articles: &mut ListMerge<'_, crate::model::ArticleId, Article>,
    sources: &mut ListMerge<'_, crate::model::SourceId, Source>,
    found: &mut Vec<Conflict>,
) {
    let mut needed_articles: Vec<_> = claims
        .merged
        .values()
        .map(|c| c.article)
        .filter(|a| !articles.has(a))
        .collect();
    needed_articles.sort();
    needed_articles.dedup();
    for id in needed_articles {
        articles.restore(id, found);
    }
    let mut needed_sources: Vec<_> = claims
        .merged
        .values()
        .flat_map(|c| c.evidence.iter().map(|e| e.source))
        .filter(|s| !sources.has(s))
        .collect();
    needed_sources.sort();
    needed_sources.dedup();
    for id in needed_sources {
        sources.restore(id, found);
    }
}

#[cfg(test)]
mod tests;
