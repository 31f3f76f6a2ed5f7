//! Reading files written in older workspace format versions.
//!
//! Each older version keeps a frozen copy of the parts of the model that
//! changed since, and a conversion to the next version. Loading an old file
//! parses it with its own version's types and converts it step by step.
//!
//! Version 0 was the pre-release layout: the workspace had `name` instead of
//! `title`, `publisher` was a plain string, and there was no `methodology`.
//!
//! Version 1 had no article versions: an article had no `source` and no
//! `versions`, and a claim had no `orphaned` marker. Its articles become
//! articles with no earlier versions and an unknown source; no claim is an
//! orphan.
//!
//! Version 2 had no publication state: a claim had no `claimant_kind`,
//! `internal_note`, `publication` log or `reviews`, a correction was only a
//! date and a note, and an article had no `publish_full_text`. Nothing of a
//! version 2 file was ever published through Factbench, so its claims
//! become drafts (their claimants persons, as ClaimReview wrote them), its
//! articles show their claims in context, and its corrections — verdict
//! changes made while drafting, which are not corrections — are kept as
//! the claim's internal note.
//!
//! Version 3 had no recorded merge conflicts (see `v3` below).
//!
//! Version 4 had no evidence ids: a claim's citations were told apart by
//! the source they cite and their order, and a conflict on a citation
//! named its claim and source (see `v4` below).
//!
//! Version 5 recorded only the verdict in a correction (`old_verdict`,
//! `new_verdict`); version 6 records each public field a correction
//! changed (see `v5` below).
//!
//! Version 6 had no transcripts: an article had no `media_url` and no
//! `transcript` side table, both optional, so a version 6 file reads as
//! today's model with nothing more than its version number changed.
//!
//! Version 7 had no media claims: a claim had no `media` target, an
//! optional field, so a version 7 file too reads as today's model with
//! only its version number changed.
//!
//! Version 8 had no snapshots: a source had no `snapshots`, an evidence
//! entry no `anchor` in one, and the workspace no `custody` log — all
//! optional, so a version 8 file reads as today's model with only its
//! version number changed.
//!
//! Version 9 had no protected sources (`Source.protected`, written only
//! when set), and version 10 no page starts (`pages` of an article and of
//! its earlier versions, written only for a paged document): both read as
//! today's model with only their version number changed. The pages of a
//! PDF or Word article imported by version 10 are not in its file, so
//! such an article has no pages until it is updated with its document.
//!
//! Version 11 had no public claim numbers: a file of version 11 or older
//! reads as today's model, then each claim published in it gets its public
//! number, in order of first publication.

use super::LoadError;
use super::format::parse;
use crate::anchor::Anchor;
use crate::model::{
    Article, ArticleId, ArticleVersion, ClaimId, ClaimantKind, FORMAT_VERSION, Priority, Publisher,
    Source, Status, VerdictScale, Workspace,
};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;
use std::path::Path;
use v4::{Claim, Evidence};

/// Just enough of any version's file to read its `format_version`.
#[derive(Deserialize)]
#[serde(rename = "Workspace")]
struct VersionProbe {
    format_version: u32,
}

/// The `format_version` a file declares, if it can be read at all.
pub(super) fn declared_version(text: &str, path: &Path) -> Option<u32> {
    parse::<VersionProbe>(text, path)
        .ok()
        .map(|p| p.format_version)
}

/// Reads a file of an older `version` and brings it up to the current one.
pub(super) fn upgrade(version: u32, text: &str, path: &Path) -> Result<Workspace, LoadError> {
    let mut ws = upgrade_shape(version, text, path)?;
    if version < 12 {
        // Format 12: claims published before it get their public numbers,
        // in order of first publication.
        ws.settle_public_numbers();
    }
    Ok(ws)
}

/// Reads a file of an older `version` into today's model.
fn upgrade_shape(version: u32, text: &str, path: &Path) -> Result<Workspace, LoadError> {
    match version {
        0 => parse::<v0::Workspace>(text, path).map(|v0| {
            let v2 = v2::Workspace::from(v1::Workspace::from(v0));
            Workspace::from(v4::Workspace::from(v2))
        }),
        1 => parse::<v1::Workspace>(text, path)
            .map(|v1| Workspace::from(v4::Workspace::from(v2::Workspace::from(v1)))),
        2 => parse::<v2::Workspace>(text, path).map(|v2| Workspace::from(v4::Workspace::from(v2))),
        3 => parse::<v3::Workspace>(text, path).map(|v3| Workspace::from(v4::Workspace::from(v3))),
        4 => parse::<v4::Workspace>(text, path).map(Workspace::from),
        5 => parse::<v5::Workspace>(text, path).map(Workspace::from),
        6..=11 => parse::<Workspace>(text, path).map(|ws| Workspace {
            format_version: FORMAT_VERSION,
            ..ws
        }),
        FORMAT_VERSION => parse::<Workspace>(text, path),
        _ => unreachable_version(version, path),
    }
}

fn unreachable_version(version: u32, path: &Path) -> Result<Workspace, LoadError> {
    Err(LoadError::NewerVersion {
        path: path.to_owned(),
        found: version,
        supported: FORMAT_VERSION,
    })
}

mod v0 {
    use super::*;
    use v1::{Article, Claim};

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Workspace {
        #[allow(dead_code)]
        pub format_version: u32,
        pub name: String,
        pub description: String,
        pub created: Timestamp,
        pub modified: Timestamp,
        pub publisher: String,
        pub report_url: String,
        pub scale: VerdictScale,
        pub articles: Vec<Article>,
        pub claims: Vec<Claim>,
        pub sources: Vec<Source>,
    }
}

impl From<v0::Workspace> for v1::Workspace {
    fn from(old: v0::Workspace) -> Self {
        v1::Workspace {
            format_version: 1,
            title: old.name,
            description: old.description,
            methodology: String::new(),
            created: old.created,
            modified: old.modified,
            publisher: Publisher {
                name: old.publisher,
                url: String::new(),
            },
            report_url: old.report_url,
            scale: old.scale,
            articles: old.articles,
            claims: old.claims,
            sources: old.sources,
        }
    }
}

/// Version 1, frozen: the parts that version 2 changed.
mod v1 {
    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Workspace {
        #[allow(dead_code)]
        pub format_version: u32,
        pub title: String,
        pub description: String,
        pub methodology: String,
        pub created: Timestamp,
        pub modified: Timestamp,
        pub publisher: Publisher,
        pub report_url: String,
        pub scale: VerdictScale,
        pub articles: Vec<Article>,
        pub claims: Vec<Claim>,
        pub sources: Vec<Source>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Article {
        pub id: ArticleId,
        pub title: String,
        pub outlet: String,
        pub author: String,
        pub url: String,
        pub published: Option<Date>,
        pub retrieved: Option<Date>,
        pub language: String,
        pub text: String,
        pub notes: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Claim {
        pub id: ClaimId,
        pub article: ArticleId,
        pub anchor: Anchor,
        pub statement: String,
        pub claimant: String,
        pub reported_by: String,
        pub tags: Vec<String>,
        pub priority: Priority,
        pub status: Status,
        pub verdict: Option<String>,
        pub rationale: String,
        pub evidence: Vec<Evidence>,
        pub created: Timestamp,
        pub updated: Timestamp,
        pub corrections: Vec<v2::Correction>,
    }
}

impl From<v1::Workspace> for v2::Workspace {
    fn from(old: v1::Workspace) -> Self {
        v2::Workspace {
            format_version: 2,
            title: old.title,
            description: old.description,
            methodology: old.methodology,
            created: old.created,
            modified: old.modified,
            publisher: old.publisher,
            report_url: old.report_url,
            scale: old.scale,
            articles: old.articles.into_iter().map(v2::Article::from).collect(),
            claims: old.claims.into_iter().map(v2::Claim::from).collect(),
            sources: old.sources,
        }
    }
}

impl From<v1::Article> for v2::Article {
    fn from(old: v1::Article) -> Self {
        v2::Article {
            id: old.id,
            title: old.title,
            outlet: old.outlet,
            author: old.author,
            url: old.url,
            published: old.published,
            retrieved: old.retrieved,
            language: old.language,
            text: old.text,
            notes: old.notes,
            source: String::new(),
            versions: Vec::new(),
        }
    }
}

impl From<v1::Claim> for v2::Claim {
    fn from(old: v1::Claim) -> Self {
        v2::Claim {
            id: old.id,
            article: old.article,
            anchor: old.anchor,
            statement: old.statement,
            claimant: old.claimant,
            reported_by: old.reported_by,
            tags: old.tags,
            priority: old.priority,
            status: old.status,
            verdict: old.verdict,
            rationale: old.rationale,
            evidence: old.evidence,
            created: old.created,
            updated: old.updated,
            corrections: old.corrections,
            orphaned: None,
        }
    }
}

/// Version 2, frozen: the parts that version 3 changed.
mod v2 {
    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Workspace {
        #[allow(dead_code)]
        pub format_version: u32,
        pub title: String,
        pub description: String,
        pub methodology: String,
        pub created: Timestamp,
        pub modified: Timestamp,
        pub publisher: Publisher,
        pub report_url: String,
        pub scale: VerdictScale,
        pub articles: Vec<Article>,
        pub claims: Vec<Claim>,
        pub sources: Vec<Source>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Article {
        pub id: ArticleId,
        pub title: String,
        pub outlet: String,
        pub author: String,
        pub url: String,
        pub published: Option<Date>,
        pub retrieved: Option<Date>,
        pub language: String,
        pub text: String,
        pub notes: String,
        pub source: String,
        pub versions: Vec<ArticleVersion>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Correction {
        pub date: Timestamp,
        pub note: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Claim {
        pub id: ClaimId,
        pub article: ArticleId,
        pub anchor: Anchor,
        pub statement: String,
        pub claimant: String,
        pub reported_by: String,
        pub tags: Vec<String>,
        pub priority: Priority,
        pub status: Status,
        pub verdict: Option<String>,
        pub rationale: String,
        pub evidence: Vec<Evidence>,
        pub created: Timestamp,
        pub updated: Timestamp,
        pub corrections: Vec<Correction>,
        pub orphaned: Option<Timestamp>,
    }
}

impl From<v2::Workspace> for v4::Workspace {
    fn from(old: v2::Workspace) -> Self {
        v4::Workspace {
            format_version: 4,
            title: old.title,
            description: old.description,
            methodology: old.methodology,
            created: old.created,
            modified: old.modified,
            publisher: old.publisher,
            report_url: old.report_url,
            scale: old.scale,
            articles: old.articles.into_iter().map(Article::from).collect(),
            claims: old.claims.into_iter().map(Claim::from).collect(),
            sources: old.sources,
            conflicts: Vec::new(),
        }
    }
}

impl From<v2::Article> for Article {
    fn from(old: v2::Article) -> Self {
        Article {
            id: old.id,
            title: old.title,
            outlet: old.outlet,
            author: old.author,
            url: old.url,
            published: old.published,
            retrieved: old.retrieved,
            language: old.language,
            text: old.text,
            notes: old.notes,
            publish_full_text: false,
            source: old.source,
            versions: old.versions,
            media_url: None,
            transcript: None,
            pages: Vec::new(),
        }
    }
}

impl From<v2::Claim> for Claim {
    fn from(old: v2::Claim) -> Self {
        Claim {
            id: old.id,
            article: old.article,
            anchor: old.anchor,
            statement: old.statement,
            claimant: old.claimant,
            claimant_kind: ClaimantKind::Person,
            reported_by: old.reported_by,
            tags: old.tags,
            priority: old.priority,
            status: old.status,
            verdict: old.verdict,
            rationale: old.rationale,
            evidence: old.evidence,
            created: old.created,
            updated: old.updated,
            corrections: Vec::new(),
            internal_note: drafting_history(&old.corrections),
            publication: Vec::new(),
            reviews: Vec::new(),
            orphaned: old.orphaned,
        }
    }
}

/// Version 2's corrections, which were verdict changes made while drafting,
/// as lines of an internal note (empty when there were none).
fn drafting_history(corrections: &[v2::Correction]) -> String {
    if corrections.is_empty() {
        return String::new();
    }
    let mut note =
        String::from("Changes while drafting (recorded as corrections before version 3):");
    for correction in corrections {
        note.push_str(&format!("\n{}: {}", correction.date, correction.note));
    }
    note
}

/// Version 3, frozen: the workspace before merge conflicts were recorded in
/// it. Its items are version 4's; it converts by adding an empty conflict
/// list.
mod v3 {
    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Workspace {
        #[allow(dead_code)]
        pub format_version: u32,
        pub title: String,
        pub description: String,
        pub methodology: String,
        pub created: Timestamp,
        pub modified: Timestamp,
        pub publisher: Publisher,
        pub report_url: String,
        pub scale: VerdictScale,
        pub articles: Vec<Article>,
        pub claims: Vec<Claim>,
        pub sources: Vec<Source>,
    }

    impl From<Workspace> for v4::Workspace {
        fn from(old: Workspace) -> Self {
            v4::Workspace {
                format_version: 4,
                title: old.title,
                description: old.description,
                methodology: old.methodology,
                created: old.created,
                modified: old.modified,
                publisher: old.publisher,
                report_url: old.report_url,
                scale: old.scale,
                articles: old.articles,
                claims: old.claims,
                sources: old.sources,
                conflicts: Vec::new(),
            }
        }
    }
}

mod v4;

mod v5;
