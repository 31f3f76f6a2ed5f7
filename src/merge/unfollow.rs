//! Telling a claim a side only followed into its newer article text from
//! a claim that side changed.
//!
//! Updating an article to a newer text (`factbench update`) re-anchors
//! every claim of it: their offsets, context and `updated` change although
//! nobody touched them. Both sides updating one article would then change
//! the anchor of every claim two ways, each a conflict. Before claims are
//! merged, a side's claim whose only change is that following (its anchor
//! is the base anchor followed from the base text into the side's text, or
//! the orphan marker the update set) is taken back to the base claim; the
//! merge then follows it once, into the merged text.

use crate::model::{Article, ArticleId, Claim, ClaimId};
use crate::reanchor::Reanchorer;
use std::collections::HashMap;

/// Takes back the claims of `side` that only followed their article's
/// text from `base` to `side` (see the module doc).
pub(super) fn unfollow(
    base_articles: &[Article],
    base_claims: &[Claim],
    side_articles: &[Article],
    side_claims: &mut [Claim],
) {
    let changed = changed_texts(base_articles, side_articles);
    if changed.is_empty() {
        return;
    }
    let base_claim: HashMap<ClaimId, &Claim> = base_claims.iter().map(|c| (c.id, c)).collect();
    let mut followers: HashMap<ArticleId, Reanchorer<'_>> = HashMap::new();
    for claim in side_claims.iter_mut() {
        let article = claim.article;
        let Some(&(old, new)) = changed.get(&article) else {
            continue;
        };
        let Some(&before) = base_claim.get(&claim.id) else {
            continue;
        };
        if before.article != article || before.is_orphaned() || claim == before {
            continue;
        }
        let follower = followers
            .entry(article)
            .or_insert_with(|| Reanchorer::new(old, new));
        if only_followed(before, claim, follower) {
            take_back(before, claim);
        }
    }
}

/// The articles whose text the side changed: their base and side texts.
fn changed_texts<'a>(
    base: &'a [Article],
    side: &'a [Article],
) -> HashMap<ArticleId, (&'a str, &'a str)> {
    let base_text: HashMap<ArticleId, &str> =
        base.iter().map(|a| (a.id, a.text.as_str())).collect();
    side.iter()
        .filter_map(|a| {
            let old = *base_text.get(&a.id)?;
            (old != a.text).then_some((a.id, (old, a.text.as_str())))
        })
        .collect()
}

/// Whether `side`'s anchor and orphan marker are what following `base`'s
/// anchor into the side's text gives.
fn only_followed(base: &Claim, side: &Claim, follower: &Reanchorer<'_>) -> bool {
    match follower.reanchor(&base.anchor).anchor {
        Some(followed) => side.anchor == followed && !side.is_orphaned(),
        None => side.anchor == base.anchor && side.is_orphaned(),
    }
}

/// `side` with the base's anchor and orphan marker, and the base's
/// `updated` when nothing else of it changed.
fn take_back(base: &Claim, side: &mut Claim) {
    side.anchor = base.anchor.clone();
    side.orphaned = base.orphaned;
    let updated = std::mem::replace(&mut side.updated, base.updated);
    if side != base {
        side.updated = updated;
    }
}
