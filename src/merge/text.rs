//! After a merge, claims whose article text changed under them are followed
//! into the merged text (with [`crate::reanchor`]), from whichever version
//! of the text their anchor was made in.

use super::items::ListMerge;
use crate::anchor::CharIndex;
use crate::model::{Article, ArticleId, Claim, ClaimId};
use crate::reanchor::Reanchorer;
use std::collections::HashMap;

/// Re-anchors every claim whose anchor does not fit its article's merged
/// text; returns the claims that could not be found again there (now
/// orphans, waiting to be attached by hand).
pub(super) fn follow_texts(
    claims: &mut [Claim],
    articles: &ListMerge<'_, ArticleId, Article>,
) -> Vec<ClaimId> {
    let now = crate::model::now();
    let mut merged_index: HashMap<ArticleId, Option<CharIndex<'_>>> = HashMap::new();
    let mut side_index: HashMap<(ArticleId, usize), CharIndex<'_>> = HashMap::new();
    let mut followers: HashMap<(ArticleId, usize), Reanchorer<'_>> = HashMap::new();
    let mut orphaned = Vec::new();
    for claim in claims.iter_mut().filter(|c| !c.is_orphaned()) {
        let id = claim.article;
        let Some(article) = articles.merged.get(&id) else {
            continue;
        };
        let sides = [
            articles.ours.get(&id).copied(),
            articles.theirs.get(&id).copied(),
            articles.base.get(&id).copied(),
        ];
        let merged = merged_index.entry(id).or_insert_with(|| {
            let differs = sides.iter().flatten().any(|a| a.text != article.text);
            differs.then(|| CharIndex::new(&article.text))
        });
        let Some(merged) = merged else {
            continue;
        };
        if merged.check(&claim.anchor).is_ok() {
            continue;
        }
        let made_in = (0..sides.len()).find(|&n| {
            sides[n].is_some_and(|side| {
                side_index
                    .entry((id, n))
                    .or_insert_with(|| CharIndex::new(&side.text))
                    .check(&claim.anchor)
                    .is_ok()
            })
        });
        let Some(n) = made_in.and_then(|n| sides[n].map(|side| (n, side))) else {
            continue;
        };
        let follower = followers
            .entry((id, n.0))
            .or_insert_with(|| Reanchorer::new(&n.1.text, &article.text));
        match follower.reanchor(&claim.anchor).anchor {
            Some(anchor) => claim.anchor = anchor,
            None => {
                claim.orphaned = Some(now);
                orphaned.push(claim.id);
            }
        }
    }
    orphaned
}
