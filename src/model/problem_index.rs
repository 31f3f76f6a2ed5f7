//! The problems of a workspace, checked in full once and then again only
//! where a change touched it.
//!
//! Checking anchors is what costs: each one is compared with its article's
//! text. The index keeps, per article, the checkpoints that make that
//! comparison cheap, and per claim id the problems found, so that an edit of
//! one claim re-checks that claim alone. Ids are cheap: when claims, articles
//! or sources come and go, their ids are counted again (a pass over ids, no
//! anchor) and only the claims whose situation changed are checked again.

use super::problems::{
    ClusterSplit, check_anchor, duplicates, own_problems, scale_problems, url_problems,
};
use super::{ArticleId, Claim, ClaimId, Problem, SourceId, VerdictScale, Workspace};
use crate::anchor::{AnchorFault, CharCheckpoints, CharIndex};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};

/// What one change touched, so that only that is checked again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Touched {
    /// Claims inserted, removed or changed, by id (removed ones are no longer
    /// in the workspace). A claim whose id changed is listed under both ids.
    pub claims: Vec<ClaimId>,
    /// Articles inserted, removed, or whose text changed: all their claims
    /// are checked again.
    pub articles: Vec<ArticleId>,
    /// Sources inserted or removed: claims citing them are checked again.
    pub sources: Vec<SourceId>,
    /// An article's details (its URL among them) changed: the URLs of the
    /// articles and sources are checked again.
    pub details: bool,
    /// The verdict scale changed, or the change is not described: check
    /// everything.
    pub everything: bool,
}

impl Touched {
    /// A change that is not described: everything is checked again.
    pub fn everything() -> Self {
        Touched {
            everything: true,
            ..Touched::default()
        }
    }

    /// A change to one claim (inserted, removed or edited).
    pub fn claim(id: ClaimId) -> Self {
        Touched {
            claims: vec![id],
            ..Touched::default()
        }
    }

    /// Adds what `other` touched, each id once.
    pub fn merge(&mut self, other: Touched) {
        self.everything |= other.everything;
        self.details |= other.details;
        merge_ids(&mut self.claims, other.claims);
        merge_ids(&mut self.articles, other.articles);
        merge_ids(&mut self.sources, other.sources);
    }

    /// Whether the change touched nothing that could have a problem.
    pub fn is_empty(&self) -> bool {
        !self.everything
            && !self.details
            && self.claims.is_empty()
            && self.articles.is_empty()
            && self.sources.is_empty()
    }
}

fn merge_ids<T: Ord>(into: &mut Vec<T>, more: Vec<T>) {
    if more.is_empty() {
        return;
    }
    into.extend(more);
    into.sort_unstable();
    into.dedup();
}

/// The problems of a workspace, kept up to date change by change.
///
/// Build it with [`ProblemIndex::new`], then after each change call
/// [`ProblemIndex::update`] with the changed workspace and what the change
/// touched. Every query answers for the workspace last given.
#[derive(Clone, Debug)]
pub struct ProblemIndex {
    /// The scale the verdicts were checked against.
    scale: VerdictScale,
    scale_problems: Vec<Problem>,
    article_dups: Vec<Problem>,
    claim_dups: Vec<Problem>,
    source_dups: Vec<Problem>,
    /// URLs of articles and sources without `http(s)://`.
    url_problems: Vec<Problem>,
    /// For each article id, the last article with it (the one claims are
    /// checked against, as in [`Workspace::problems`]).
    articles: HashMap<ArticleId, ArticleEntry>,
    article_count: usize,
    sources: HashSet<SourceId>,
    source_count: usize,
    /// Where each claim id is in `Workspace::claims`.
    places: HashMap<ClaimId, Places>,
    claim_count: usize,
    /// The problems of each claim id that has any.
    entries: HashMap<ClaimId, ClaimEntry>,
    with_problems: HashSet<ClaimId>,
    /// The claims that have problems of their own, by position in the file:
    /// their id and which occurrence of that id they are.
    ordered: BTreeMap<usize, (ClaimId, usize)>,
    generation: u64,
}

#[derive(Clone, Debug)]
struct ArticleEntry {
    position: usize,
    offsets: CharCheckpoints,
}

/// The positions of the claims with one id, in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Places {
    One(usize),
    Many(Vec<usize>),
}

impl Places {
    fn as_slice(&self) -> &[usize] {
        match self {
            Places::One(position) => std::slice::from_ref(position),
            Places::Many(positions) => positions,
        }
    }

    fn push(&mut self, position: usize) {
        match self {
            Places::One(first) => *self = Places::Many(vec![*first, position]),
            Places::Many(positions) => positions.push(position),
        }
    }
}

/// Every problem about one claim id, in the order of the full check: the
/// shared id first when several claims have it, then the problems of each
/// claim with the id, in file order.
#[derive(Clone, Debug, PartialEq)]
struct ClaimEntry {
    problems: Vec<Problem>,
    /// Where the claims' own problems start (after the shared id, if any).
    first_own: usize,
    /// Where the problems of each claim with the id end, one per claim.
    ends: Vec<usize>,
}

impl ClaimEntry {
    /// The problems of the `k`-th claim with this id.
    fn occurrence(&self, k: usize) -> &[Problem] {
        let start = match k {
            0 => self.first_own,
            _ => self.ends.get(k - 1).copied().unwrap_or(self.problems.len()),
        };
        let end = self.ends.get(k).copied().unwrap_or(start);
        self.problems.get(start..end).unwrap_or_default()
    }

    fn own_len(&self) -> usize {
        self.problems.len() - self.first_own
    }
}

/// A generation never handed out before, so that two indexes (say, before and
/// after opening another workspace) never share one.
fn next_generation() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Replaces `old` by `new` and tells whether they differed.
fn replace<T: PartialEq>(old: &mut T, new: T) -> bool {
    let changed = *old != new;
    *old = new;
    changed
}

impl ProblemIndex {
    /// Checks all of `ws`.
    pub fn new(ws: &Workspace) -> Self {
        let mut index = ProblemIndex {
            scale: ws.scale.clone(),
            scale_problems: Vec::new(),
            article_dups: Vec::new(),
            claim_dups: Vec::new(),
            source_dups: Vec::new(),
            url_problems: Vec::new(),
            articles: HashMap::new(),
            article_count: 0,
            sources: HashSet::new(),
            source_count: 0,
            places: HashMap::new(),
            claim_count: 0,
            entries: HashMap::new(),
            with_problems: HashSet::new(),
            ordered: BTreeMap::new(),
            generation: next_generation(),
        };
        index.update(ws, &Touched::everything());
        index
    }

    /// Brings the index up to date with `ws` after a change that touched
    /// `touched`.
    ///
    /// An edit of claims that stay where they are costs the check of those
    /// claims alone. Claims inserted or removed, articles and sources cost a
    /// pass over the ids (claims, articles or sources) plus the check of the
    /// claims concerned. A change of scale, or `touched.everything`, checks
    /// everything again. A change of scale or of the number of articles,
    /// sources or claims is noticed even when `touched` leaves it out.
    pub fn update(&mut self, ws: &Workspace, touched: &Touched) {
        let everything = touched.everything || ws.scale != self.scale;
        let articles_or_sources = !touched.articles.is_empty()
            || !touched.sources.is_empty()
            || ws.articles.len() != self.article_count
            || ws.sources.len() != self.source_count;
        let mut changed = false;
        if everything {
            if ws.scale != self.scale {
                self.scale = ws.scale.clone();
            }
            changed |= replace(&mut self.scale_problems, scale_problems(&ws.scale));
        }
        let mut recheck: HashSet<ClaimId> = touched.claims.iter().copied().collect();

        if everything || !touched.articles.is_empty() || ws.articles.len() != self.article_count {
            let moved = self.sync_articles(ws, &touched.articles, everything, &mut changed);
            if !everything && !moved.is_empty() {
                recheck.extend(
                    ws.claims
                        .iter()
                        .filter(|c| moved.contains(&c.article))
                        .map(|c| c.id),
                );
            }
        }
        if everything || !touched.sources.is_empty() || ws.sources.len() != self.source_count {
            let moved = self.sync_sources(ws, &mut changed);
            if !everything && !moved.is_empty() {
                recheck.extend(
                    ws.claims
                        .iter()
                        .filter(|c| c.evidence.iter().any(|e| moved.contains(&e.source)))
                        .map(|c| c.id),
                );
            }
        }

        if everything || touched.details || articles_or_sources {
            changed |= replace(&mut self.url_problems, url_problems(ws));
        }
        let restructured = everything || !self.places_hold(ws, &touched.claims);
        if restructured {
            self.sync_claims(ws, &mut recheck, &mut changed);
        }
        if everything {
            recheck.extend(self.places.keys());
        }
        for id in recheck {
            changed |= self.recheck(ws, id, !restructured);
        }
        if restructured {
            changed |= self.rebuild_ordered(ws);
        }
        if changed {
            self.generation = next_generation();
        }
    }

    /// How many problems there are.
    pub fn len(&self) -> usize {
        self.scale_problems.len()
            + self.article_dups.len()
            + self.claim_dups.len()
            + self.source_dups.len()
            + self
                .entries
                .values()
                .map(ClaimEntry::own_len)
                .sum::<usize>()
            + self.url_problems.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every problem in the same stable order as [`Workspace::problems`]
    /// (scale, ids, then claims in file order), without checking anything.
    /// `ws` must be the workspace last given to `new` or `update`; if it
    /// plainly is not (another number of claims), this falls back to a full
    /// check of `ws` rather than answer for another workspace.
    pub fn problems(&self, ws: &Workspace) -> Vec<Problem> {
        if ws.claims.len() != self.claim_count {
            return ws.problems();
        }
        let mut problems = Vec::with_capacity(self.len());
        problems.extend_from_slice(&self.scale_problems);
        problems.extend_from_slice(&self.article_dups);
        problems.extend_from_slice(&self.claim_dups);
        problems.extend_from_slice(&self.source_dups);
        for (id, k) in self.ordered.values() {
            if let Some(entry) = self.entries.get(id) {
                problems.extend_from_slice(entry.occurrence(*k));
            }
        }
        problems.extend_from_slice(&self.url_problems);
        problems
    }

    /// Claims with at least one problem.
    pub fn claims_with_problems(&self) -> &HashSet<ClaimId> {
        &self.with_problems
    }

    /// The problems about one claim id, in the order of [`Self::problems`];
    /// empty when it has none.
    pub fn for_claim(&self, id: ClaimId) -> &[Problem] {
        self.entries
            .get(&id)
            .map_or(&[][..], |entry| &entry.problems[..])
    }

    /// A number that changes whenever the set of problems changes (so views
    /// rebuild their text only then). No two indexes share one.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Recounts the article ids and takes checkpoints of the texts that are
    /// new or `touched`; returns the article ids whose claims must be checked
    /// again.
    fn sync_articles(
        &mut self,
        ws: &Workspace,
        touched: &[ArticleId],
        everything: bool,
        changed: &mut bool,
    ) -> HashSet<ArticleId> {
        let last: HashMap<ArticleId, usize> = ws
            .articles
            .iter()
            .enumerate()
            .map(|(position, a)| (a.id, position))
            .collect();
        let mut moved: HashSet<ArticleId> = touched.iter().copied().collect();
        moved.extend(self.articles.keys().filter(|id| !last.contains_key(id)));
        let mut articles = HashMap::with_capacity(last.len());
        for (id, position) in last {
            let text = &ws.articles[position].text;
            let kept = self.articles.remove(&id).filter(|entry| {
                !everything && !moved.contains(&id) && entry.offsets.byte_len() == text.len()
            });
            let offsets = match kept {
                Some(entry) => entry.offsets,
                None => {
                    moved.insert(id);
                    CharCheckpoints::new(text)
                }
            };
            articles.insert(id, ArticleEntry { position, offsets });
        }
        self.articles = articles;
        self.article_count = ws.articles.len();
        let dups = duplicates(ws.articles.iter().map(|a| a.id))
            .map(|id| Problem::DuplicateArticleId { id })
            .collect();
        *changed |= replace(&mut self.article_dups, dups);
        moved
    }

    /// Recounts the source ids; returns those that appeared or disappeared.
    fn sync_sources(&mut self, ws: &Workspace, changed: &mut bool) -> HashSet<SourceId> {
        let sources: HashSet<SourceId> = ws.sources.iter().map(|s| s.id).collect();
        let moved = sources
            .symmetric_difference(&self.sources)
            .copied()
            .collect();
        self.sources = sources;
        self.source_count = ws.sources.len();
        let dups = duplicates(ws.sources.iter().map(|s| s.id))
            .map(|id| Problem::DuplicateSourceId { id })
            .collect();
        *changed |= replace(&mut self.source_dups, dups);
        moved
    }

    /// Whether the claims are where the index has them: the same number, and
    /// each claim id in `ids` at the positions remembered for it.
    fn places_hold(&self, ws: &Workspace, ids: &[ClaimId]) -> bool {
        ws.claims.len() == self.claim_count
            && ids.iter().all(|id| {
                self.places.get(id).is_some_and(|places| {
                    places
                        .as_slice()
                        .iter()
                        .all(|&p| ws.claims.get(p).is_some_and(|c| c.id == *id))
                })
            })
    }

    /// Finds every claim id again (ids only, no anchors) and adds to `recheck`
    /// the ids that appeared, disappeared or are now shared by more or fewer
    /// claims.
    fn sync_claims(&mut self, ws: &Workspace, recheck: &mut HashSet<ClaimId>, changed: &mut bool) {
        let mut places: HashMap<ClaimId, Places> = HashMap::with_capacity(ws.claims.len());
        for (position, claim) in ws.claims.iter().enumerate() {
            places
                .entry(claim.id)
                .and_modify(|p| p.push(position))
                .or_insert(Places::One(position));
        }
        for (id, old) in &self.places {
            if places.get(id).map(|p| p.as_slice().len()) != Some(old.as_slice().len()) {
                recheck.insert(*id);
            }
        }
        recheck.extend(places.keys().filter(|id| !self.places.contains_key(id)));
        self.places = places;
        self.claim_count = ws.claims.len();
        let dups = duplicates(ws.claims.iter().map(|c| c.id))
            .map(|id| Problem::DuplicateClaimId { id })
            .collect();
        *changed |= replace(&mut self.claim_dups, dups);
    }

    /// Checks the claims with one id again; tells whether their problems
    /// changed. With `in_place`, the claims have not moved and `ordered` is
    /// updated for them here.
    fn recheck(&mut self, ws: &Workspace, id: ClaimId, in_place: bool) -> bool {
        let entry = self.places.get(&id).and_then(|places| {
            let places = places.as_slice();
            let mut problems = Vec::new();
            if places.len() > 1 {
                problems.push(Problem::DuplicateClaimId { id });
            }
            let first_own = problems.len();
            let mut ends = Vec::with_capacity(places.len());
            for claim in places.iter().filter_map(|&p| ws.claims.get(p)) {
                self.own_problems(ws, claim, &mut problems);
                ends.push(problems.len());
            }
            (!problems.is_empty()).then_some(ClaimEntry {
                problems,
                first_own,
                ends,
            })
        });
        if in_place && let Some(places) = self.places.get(&id) {
            for (k, &position) in places.as_slice().iter().enumerate() {
                if entry.as_ref().is_some_and(|e| !e.occurrence(k).is_empty()) {
                    self.ordered.insert(position, (id, k));
                } else {
                    self.ordered.remove(&position);
                }
            }
        }
        let old = match entry {
            Some(entry) => {
                self.with_problems.insert(id);
                self.entries.insert(id, entry)
            }
            None => {
                self.with_problems.remove(&id);
                self.entries.remove(&id)
            }
        };
        old.as_ref() != self.entries.get(&id)
    }

    fn own_problems(&self, ws: &Workspace, claim: &Claim, out: &mut Vec<Problem>) {
        let anchor = self.check_anchor(ws, claim);
        own_problems(
            claim,
            anchor,
            &ws.scale,
            |source| self.sources.contains(&source),
            out,
        );
    }

    /// The check of the claim's anchor against its article, `None` when the
    /// article is not in the workspace.
    fn check_anchor(
        &self,
        ws: &Workspace,
        claim: &Claim,
    ) -> Option<Result<Option<ClusterSplit>, AnchorFault>> {
        let entry = self.articles.get(&claim.article)?;
        let indexed = ws
            .articles
            .get(entry.position)
            .filter(|a| a.id == claim.article)
            .and_then(|a| entry.offsets.index(&a.text));
        match indexed {
            Some(index) => Some(check_anchor(&index, &claim.anchor)),
            // The articles changed without being reported: right, but slower.
            None => {
                let article = ws.articles.iter().rev().find(|a| a.id == claim.article)?;
                Some(check_anchor(&CharIndex::new(&article.text), &claim.anchor))
            }
        }
    }

    /// Lists again, in file order, the claims with problems of their own
    /// (one pass over the claims, no checks); tells whether the order of
    /// their problems changed.
    fn rebuild_ordered(&mut self, ws: &Workspace) -> bool {
        let mut ordered = BTreeMap::new();
        if !self.entries.is_empty() {
            let mut seen: HashMap<ClaimId, usize> = HashMap::new();
            for (position, claim) in ws.claims.iter().enumerate() {
                let Some(entry) = self.entries.get(&claim.id) else {
                    continue;
                };
                let k = if entry.ends.len() > 1 {
                    let count = seen.entry(claim.id).or_insert(0);
                    *count += 1;
                    *count - 1
                } else {
                    0
                };
                if !entry.occurrence(k).is_empty() {
                    ordered.insert(position, (claim.id, k));
                }
            }
        }
        let changed = !ordered.values().eq(self.ordered.values());
        self.ordered = ordered;
        changed
    }
}

#[cfg(test)]
mod tests;
