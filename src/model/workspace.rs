//! The workspace: one investigation, saved as one file.

use super::{
    Article, ArticleId, Claim, ClaimId, Conflict, CustodyEntry, Source, SourceId, VerdictScale,
};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The version of the workspace file this build writes. Older files are
/// migrated on load (see `store::migrate`); newer ones are refused.
pub const FORMAT_VERSION: u32 = 12;

/// The organisation publishing the fact-checks (ClaimReview `author`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    pub name: String,
    pub url: String,
}

/// A fact-checking investigation: its articles, the claims marked in them,
/// the verdict scale and the shared source library.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub format_version: u32,
    pub title: String,
    pub description: String,
    /// How the checks were made; printed in the report.
    pub methodology: String,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub publisher: Publisher,
    /// Where the report will be published (ClaimReview `url`).
    pub report_url: String,
    pub scale: VerdictScale,
    pub articles: Vec<Article>,
    pub claims: Vec<Claim>,
    pub sources: Vec<Source>,
    /// Disagreements left by a merge (`factbench merge`), each settled by
    /// keeping one side or editing; empty in a workspace nobody merged.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// The custody log of the sources' snapshots, append-only, oldest
    /// first (format 9).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custody: Vec<CustodyEntry>,
}

/// Counts shown by `factbench check` and the status bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    pub articles: usize,
    pub claims: usize,
    pub rated: usize,
    pub sources: usize,
}

impl Workspace {
    /// An empty workspace with the default verdict scale.
    pub fn new(title: impl Into<String>) -> Self {
        let now = super::now();
        Workspace {
            format_version: FORMAT_VERSION,
            title: title.into(),
            description: String::new(),
            methodology: String::new(),
            created: now,
            modified: now,
            publisher: Publisher::default(),
            report_url: String::new(),
            scale: VerdictScale::default_scale(),
            articles: Vec::new(),
            claims: Vec::new(),
            sources: Vec::new(),
            conflicts: Vec::new(),
            custody: Vec::new(),
        }
    }

    pub fn article(&self, id: ArticleId) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn claim(&self, id: ClaimId) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    pub fn source(&self, id: SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The claims marked in one article, in file order.
    pub fn claims_in(&self, article: ArticleId) -> impl Iterator<Item = &Claim> {
        self.claims.iter().filter(move |c| c.article == article)
    }

    /// The claims whose quote a newer version of their article lost.
    pub fn orphans(&self) -> impl Iterator<Item = &Claim> {
        self.claims.iter().filter(|c| c.is_orphaned())
    }

    /// The claims citing a source.
    pub fn claims_citing(&self, source: SourceId) -> impl Iterator<Item = &Claim> {
        self.claims
            .iter()
            .filter(move |c| c.evidence.iter().any(|e| e.source == source))
    }

    /// How many claims carry each verdict of the scale, in scale order, then
    /// the number of unrated claims.
    pub fn verdict_counts(&self) -> (Vec<usize>, usize) {
        let mut counts = vec![0; self.scale.verdicts.len()];
        let mut unrated = 0;
        for claim in &self.claims {
            match claim
                .verdict
                .as_deref()
                .and_then(|key| self.scale.verdicts.iter().position(|v| v.key == key))
            {
                Some(i) => counts[i] += 1,
                None => unrated += 1,
            }
        }
        (counts, unrated)
    }

    pub fn summary(&self) -> Summary {
        Summary {
            articles: self.articles.len(),
            claims: self.claims.len(),
            rated: self.claims.iter().filter(|c| c.is_rated()).count(),
            sources: self.sources.len(),
        }
    }

    /// The tags used by any claim, sorted and without repeats.
    pub fn tags_in_use(&self) -> Vec<String> {
        let mut tags: Vec<String> = self
            .claims
            .iter()
            .flat_map(|c| c.tags.iter().cloned())
            .collect();
        tags.sort_by_cached_key(|t| t.to_lowercase());
        tags.dedup();
        tags
    }
}

impl Workspace {
    /// Each claim's number, as the reports and the window show it: claims
    /// ordered by article (in file order), then by where their quote starts
    /// (longer, outer quotes first), then in file order; claims whose anchor
    /// does not match their text follow the others of their article, and
    /// claims whose article is missing come last. Numbers are from 1 and do
    /// not depend on which claims an export shows.
    pub fn claim_numbers(&self) -> std::collections::HashMap<ClaimId, usize> {
        let mut numbers = std::collections::HashMap::with_capacity(self.claims.len());
        let mut next = 1;
        let mut seen_articles = std::collections::HashSet::new();
        for article in &self.articles {
            if !seen_articles.insert(article.id) {
                continue;
            }
            let index = crate::anchor::CharIndex::new(&article.text);
            let mut placed: Vec<(&Claim, (usize, usize, usize))> = self
                .claims_in(article.id)
                .map(|c| {
                    let key = match index.check(&c.anchor) {
                        Ok(()) => (0, c.anchor.start, usize::MAX - c.anchor.end),
                        Err(_) => (1, 0, 0),
                    };
                    (c, key)
                })
                .collect();
            placed.sort_by_key(|(_, key)| *key);
            for (claim, _) in placed {
                numbers.entry(claim.id).or_insert(next);
                next += 1;
            }
        }
        for claim in &self.claims {
            if !seen_articles.contains(&claim.article) {
                numbers.entry(claim.id).or_insert(next);
                next += 1;
            }
        }
        numbers
    }
}
