//! Broken invariants of a workspace, reported as values.
//!
//! A workspace with problems still loads: the window marks the affected
//! claims and `factbench check` lists them, so nothing is dropped silently.

use super::{ArticleId, Claim, ClaimId, SourceId, VerdictScale, Workspace};
use crate::anchor::{AnchorFault, CharIndex};
use crate::text::quoted;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One broken invariant.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Problem {
    #[error("the verdict scale has no verdicts")]
    EmptyScale,
    #[error("the verdict scale has the key {} more than once", quoted(key))]
    DuplicateVerdictKey { key: String },
    #[error("verdict {} has rating 0; ratings start at 1 (the worst)", quoted(key))]
    ZeroRating { key: String },
    #[error("two articles share the id {id}")]
    DuplicateArticleId { id: ArticleId },
    #[error("two claims share the id {id}")]
    DuplicateClaimId { id: ClaimId },
    #[error("two sources share the id {id}")]
    DuplicateSourceId { id: SourceId },
    #[error("claim {claim} belongs to article {article}, which is not in the workspace")]
    MissingArticle { claim: ClaimId, article: ArticleId },
    #[error("claim {claim} cites source {cited}, which is not in the source library")]
    MissingSource { claim: ClaimId, cited: SourceId },
    #[error("claim {claim} has verdict {}, which is not on the scale", quoted(key))]
    UnknownVerdict { claim: ClaimId, key: String },
    #[error("claim {claim}: {fault}")]
    BadAnchor { claim: ClaimId, fault: AnchorFault },
    #[error(
        "claim {claim}: its quote {} at character {at}, inside \"{cluster}\", which shows as one character; the report would split it. Move that end before or after it",
        if *at_start { "starts" } else { "ends" }
    )]
    SplitsCluster {
        claim: ClaimId,
        /// The quote end (char offset) inside the cluster.
        at: usize,
        /// Whether it is the quote's start (else its end).
        at_start: bool,
        /// The whole cluster (a letter with its marks, an emoji sequence, a flag).
        cluster: String,
    },
    #[error(
        "{owner}: the URL {} does not start with http:// or https://",
        quoted(url)
    )]
    UrlWithoutScheme { owner: UrlOwner, url: String },
    #[error(
        "claim {claim} is orphaned: a newer version of its article no longer holds {}; attach it again or delete it",
        quoted(exact)
    )]
    Orphaned { claim: ClaimId, exact: String },
    #[error("claim {claim} is about media: {fault}")]
    BadMedia {
        claim: ClaimId,
        fault: super::MediaFault,
    },
}

/// Whose URL a [`Problem::UrlWithoutScheme`] is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlOwner {
    Article {
        id: ArticleId,
        title: String,
    },
    Source {
        id: SourceId,
        title: String,
    },
    /// A source's archive URL.
    SourceArchive {
        id: SourceId,
        title: String,
    },
}

impl fmt::Display for UrlOwner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlOwner::Article { id, title } => write!(f, "article {} ({id})", quoted(title)),
            UrlOwner::Source { id, title } => write!(f, "source {} ({id})", quoted(title)),
            UrlOwner::SourceArchive { id, title } => {
                write!(f, "archive link of source {} ({id})", quoted(title))
            }
        }
    }
}

/// Whether `url` is filled in but is not a web address a reader can follow
/// (`example.org/x` rather than `https://example.org/x`): reports would
/// print it as plain text. An empty URL is no problem.
pub fn url_lacks_scheme(url: &str) -> bool {
    let url = url.trim();
    let has = |scheme: &str| {
        url.get(..scheme.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(scheme))
    };
    !url.is_empty() && !has("http://") && !has("https://")
}

/// Whether the window may hand `url` to the system opener: a web address
/// (`http://` or `https://` with something after it) or a `mailto:`
/// address, with no spaces or control characters. Anything else — `file://`,
/// a bare path, `javascript:`, a custom scheme that starts a program — is
/// shown as plain text, since the opener would run or open it locally.
pub fn url_opens_in_browser(url: &str) -> bool {
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let after = |scheme: &str| {
        url.get(..scheme.len())
            .filter(|head| head.eq_ignore_ascii_case(scheme))
            .map(|_| &url[scheme.len()..])
    };
    match (after("https://"), after("http://"), after("mailto:")) {
        (Some(rest), _, _) | (_, Some(rest), _) => !rest.is_empty() && !rest.starts_with('/'),
        (_, _, Some(rest)) => !rest.is_empty(),
        _ => false,
    }
}

/// The URL problems of the articles and sources, in file order: articles
/// first, then sources (each source's URL before its archive URL).
pub(super) fn url_problems(ws: &Workspace) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut check = |owner: UrlOwner, url: &str| {
        if url_lacks_scheme(url) {
            problems.push(Problem::UrlWithoutScheme {
                owner,
                url: url.to_owned(),
            });
        }
    };
    for a in &ws.articles {
        let (id, title) = (a.id, a.title.clone());
        check(UrlOwner::Article { id, title }, &a.url);
    }
    for s in &ws.sources {
        let (id, title) = (s.id, s.title.clone());
        check(
            UrlOwner::Source {
                id,
                title: title.clone(),
            },
            &s.url,
        );
        check(UrlOwner::SourceArchive { id, title }, &s.archive_url);
    }
    problems
}

impl Problem {
    /// The claim this problem is about, if it is about one.
    pub fn claim(&self) -> Option<ClaimId> {
        match self {
            Problem::MissingArticle { claim, .. }
            | Problem::MissingSource { claim, .. }
            | Problem::UnknownVerdict { claim, .. }
            | Problem::BadAnchor { claim, .. }
            | Problem::SplitsCluster { claim, .. }
            | Problem::Orphaned { claim, .. }
            | Problem::BadMedia { claim, .. } => Some(*claim),
            Problem::DuplicateClaimId { id } => Some(*id),
            _ => None,
        }
    }
}

impl Workspace {
    /// Every broken invariant, in a stable order: scale, ids, claims in
    /// file order, then URLs of articles and sources. This checks everything; a view that asks again after each
    /// change keeps a [`super::ProblemIndex`] instead.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = scale_problems(&self.scale);
        problems.extend(
            duplicates(self.articles.iter().map(|a| a.id))
                .map(|id| Problem::DuplicateArticleId { id }),
        );
        problems.extend(
            duplicates(self.claims.iter().map(|c| c.id)).map(|id| Problem::DuplicateClaimId { id }),
        );
        problems.extend(
            duplicates(self.sources.iter().map(|s| s.id))
                .map(|id| Problem::DuplicateSourceId { id }),
        );
        problems.extend(self.claim_problems());
        problems.extend(url_problems(self));
        problems
    }

    fn claim_problems(&self) -> Vec<Problem> {
        let texts: HashMap<ArticleId, CharIndex<'_>> = self
            .articles
            .iter()
            .map(|a| (a.id, CharIndex::new(&a.text)))
            .collect();
        let sources: HashSet<SourceId> = self.sources.iter().map(|s| s.id).collect();
        let mut problems = Vec::new();
        for claim in &self.claims {
            let anchor = texts
                .get(&claim.article)
                .map(|index| check_anchor(index, &claim.anchor));
            own_problems(
                claim,
                anchor,
                &self.scale,
                |source| sources.contains(&source),
                &mut problems,
            );
        }
        problems
    }
}

/// The problems of a verdict scale, in order.
pub(super) fn scale_problems(scale: &VerdictScale) -> Vec<Problem> {
    let verdicts = &scale.verdicts;
    if verdicts.is_empty() {
        return vec![Problem::EmptyScale];
    }
    let keys = verdicts.iter().map(|v| v.key.as_str());
    let mut problems: Vec<Problem> = duplicates(keys)
        .map(|key| Problem::DuplicateVerdictKey {
            key: key.to_owned(),
        })
        .collect();
    problems.extend(
        verdicts
            .iter()
            .filter(|v| v.rating == Some(0))
            .map(|v| Problem::ZeroRating { key: v.key.clone() }),
    );
    problems
}

/// A quote end that falls inside a character cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ClusterSplit {
    at: usize,
    at_start: bool,
    cluster: String,
}

/// Checks `anchor` against its article's text (see [`CharIndex::check`]);
/// a good anchor whose start or end falls inside a cluster (between "e"
/// and its U+0301, inside an emoji sequence, a flag, a Devanagari
/// syllable) gives that split.
pub(super) fn check_anchor(
    index: &CharIndex,
    anchor: &crate::anchor::Anchor,
) -> Result<Option<ClusterSplit>, AnchorFault> {
    index.check(anchor)?;
    let split = [(anchor.start, true), (anchor.end, false)]
        .into_iter()
        .find_map(|(at, at_start)| {
            let (start, end) = crate::text::cluster_around(index, at)?;
            Some(ClusterSplit {
                at,
                at_start,
                cluster: index.slice(start, end).unwrap_or_default().to_owned(),
            })
        });
    Ok(split)
}

/// Appends the problems of one claim on its own, in order: its article or
/// anchor, its verdict, then its evidence. `anchor` is the result of checking
/// the anchor against the claim's article, `None` when there is no such article.
/// An orphaned claim's anchor points into an earlier text: it is listed as an
/// orphan, not as a bad anchor. A media claim quotes no text: its empty
/// anchor is no problem, its media target is checked instead.
pub(super) fn own_problems(
    claim: &Claim,
    anchor: Option<Result<Option<ClusterSplit>, AnchorFault>>,
    scale: &VerdictScale,
    source_exists: impl Fn(SourceId) -> bool,
    out: &mut Vec<Problem>,
) {
    match anchor {
        None => out.push(Problem::MissingArticle {
            claim: claim.id,
            article: claim.article,
        }),
        Some(_) if claim.is_media() => {
            if let Some(fault) = claim.media.as_ref().and_then(|m| m.fault()) {
                out.push(Problem::BadMedia {
                    claim: claim.id,
                    fault,
                });
            }
        }
        // Confirmed removed by the outlet: a state, not a problem.
        Some(_) if claim.is_removed_by_outlet() => {}
        Some(_) if claim.is_orphaned() => out.push(Problem::Orphaned {
            claim: claim.id,
            exact: claim.anchor.exact.clone(),
        }),
        Some(Err(fault)) => out.push(Problem::BadAnchor {
            claim: claim.id,
            fault,
        }),
        Some(Ok(Some(split))) => out.push(Problem::SplitsCluster {
            claim: claim.id,
            at: split.at,
            at_start: split.at_start,
            cluster: split.cluster,
        }),
        Some(Ok(None)) => {}
    }
    if let Some(key) = &claim.verdict
        && scale.get(key).is_none()
    {
        out.push(Problem::UnknownVerdict {
            claim: claim.id,
            key: key.clone(),
        });
    }
    out.extend(
        claim
            .evidence
            .iter()
            .filter(|e| !source_exists(e.source))
            .map(|e| Problem::MissingSource {
                claim: claim.id,
                cited: e.source,
            }),
    );
}

/// Each value that appears more than once, once, in order of its second appearance.
pub(super) fn duplicates<T: Eq + std::hash::Hash + Copy>(
    items: impl Iterator<Item = T>,
) -> impl Iterator<Item = T> {
    let mut seen = HashSet::new();
    let mut reported = HashSet::new();
    items.filter(move |item| !seen.insert(*item) && reported.insert(*item))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::Anchor;
    use crate::model::{Article, Claim};

    /// A workspace with one claim on the chars `start..end` of `text`,
    /// its quote captured as it is (whatever it splits).
    fn claim_on(text: &str, start: usize, end: usize) -> Workspace {
        let mut ws = Workspace::new("t");
        let article = Article::new("a", text);
        let anchor: Anchor = CharIndex::new(text).capture(start, end).unwrap();
        ws.claims.push(Claim::new(article.id, anchor, ""));
        ws.articles.push(article);
        ws
    }

    fn splits(ws: &Workspace) -> Vec<(usize, bool, String)> {
        ws.problems()
            .into_iter()
            .filter_map(|p| match p {
                Problem::SplitsCluster {
                    at,
                    at_start,
                    cluster,
                    ..
                } => Some((at, at_start, cluster)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_quote_end_inside_a_cluster_is_a_problem() {
        let family = "👩\u{200d}👩\u{200d}👧";
        for (text, start, end, expected) in [
            ("cafe\u{301} noir", 0, 4, (4, false, "e\u{301}")),
            ("cafe\u{301} noir", 4, 8, (4, true, "e\u{301}")),
            ("a 👩\u{200d}👩\u{200d}👧 b", 0, 4, (4, false, family)),
            ("флаг 🇺🇦 здесь", 6, 13, (6, true, "🇺🇦")),
            ("दुनिया नमस्ते", 0, 1, (1, false, "दु")),
        ] {
            let ws = claim_on(text, start, end);
            assert_eq!(
                splits(&ws),
                [(expected.0, expected.1, expected.2.to_owned())],
                "{text} {start}..{end}"
            );
            let message = ws.problems()[0].to_string();
            assert!(message.contains(expected.2), "{message}");
        }
    }

    #[test]
    fn whole_clusters_are_no_problem() {
        for (text, start, end) in [
            ("cafe\u{301} noir", 0, 5),
            ("a 👩\u{200d}👩\u{200d}👧 b", 2, 7),
            ("Путин сказал", 0, 5),
            ("习近平主席访问", 0, 3),
            ("قال الرئيس", 0, 3),
        ] {
            let ws = claim_on(text, start, end);
            assert_eq!(splits(&ws), [], "{text}");
            assert_eq!(ws.problems(), []);
        }
    }

    #[test]
    fn only_web_and_mail_addresses_open() {
        for url in [
            "https://news.example.org/2025/05/xi-moscow",
            "HTTP://example.org",
            "https://пример.рф/статья",
            "https://例子.中国/新闻?q=习近平",
            "mailto:desk@example.org",
        ] {
            assert!(url_opens_in_browser(url), "{url}");
        }
        for url in [
            "",
            "file:///etc/passwd",
            "FILE:///C:/Windows/system32/calc.exe",
            "/usr/bin/xcalc",
            "C:\\Windows\\notepad.exe",
            "example.org/x",
            "javascript:alert(1)",
            "ms-settings:",
            "https://",
            "https:///etc/passwd",
            "mailto:",
            " https://example.org",
            "https://example.org/\u{1b}[2J",
            "https://exa mple.org",
        ] {
            assert!(!url_opens_in_browser(url), "{url}");
        }
    }
}
