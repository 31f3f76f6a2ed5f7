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
        6 => parse::<Workspace>(text, path).map(|ws| Workspace {
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

/// Version 4, frozen: a claim's evidence had no ids, and a conflict on a
/// piece of evidence named its claim and the source it cites. Each
/// citation is given the id [`EvidenceId::migrated`] derives from its
/// claim, its source and which citation of that source it is, so copies of
/// one old file read apart give the same ids; recorded conflicts (and the
/// evidence in their JSON values) are given the same ids.
mod v4 {
    use super::*;
    use crate::model::{EvidenceId, Stance};

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
        pub conflicts: Vec<Conflict>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Claim {
        pub id: ClaimId,
        pub article: ArticleId,
        pub anchor: Anchor,
        pub statement: String,
        pub claimant: String,
        pub claimant_kind: ClaimantKind,
        pub reported_by: String,
        pub tags: Vec<String>,
        pub priority: Priority,
        pub status: Status,
        pub verdict: Option<String>,
        pub rationale: String,
        pub evidence: Vec<Evidence>,
        pub created: Timestamp,
        pub updated: Timestamp,
        pub corrections: Vec<v5::Correction>,
        pub internal_note: String,
        pub publication: Vec<crate::model::PublicationEvent>,
        pub reviews: Vec<crate::model::Review>,
        pub orphaned: Option<Timestamp>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Evidence {
        pub source: SourceId,
        pub stance: Stance,
        pub excerpt: String,
        pub note: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Conflict {
        pub item: ConflictItem,
        pub field: String,
        pub base: Option<String>,
        pub ours: Option<String>,
        pub theirs: Option<String>,
    }

    #[derive(Deserialize)]
    pub enum ConflictItem {
        Workspace,
        Article(ArticleId),
        Claim(ClaimId),
        Source(SourceId),
        Evidence { claim: ClaimId, source: SourceId },
    }

    use crate::model::SourceId;

    impl From<Workspace> for crate::model::Workspace {
        fn from(old: Workspace) -> Self {
            crate::model::Workspace {
                format_version: FORMAT_VERSION,
                title: old.title,
                description: old.description,
                methodology: old.methodology,
                created: old.created,
                modified: old.modified,
                publisher: old.publisher,
                report_url: old.report_url,
                scale: old.scale,
                articles: old.articles,
                claims: old.claims.into_iter().map(Into::into).collect(),
                sources: old.sources,
                conflicts: old.conflicts.into_iter().map(Into::into).collect(),
            }
        }
    }

    impl From<Claim> for crate::model::Claim {
        fn from(old: Claim) -> Self {
            let evidence = with_ids(old.id, old.evidence);
            crate::model::Claim {
                id: old.id,
                article: old.article,
                anchor: old.anchor,
                statement: old.statement,
                claimant: old.claimant,
                claimant_kind: old.claimant_kind,
                reported_by: old.reported_by,
                tags: old.tags,
                priority: old.priority,
                status: old.status,
                verdict: old.verdict,
                rationale: old.rationale,
                evidence,
                created: old.created,
                updated: old.updated,
                corrections: old.corrections.into_iter().map(Into::into).collect(),
                internal_note: old.internal_note,
                publication: old.publication,
                reviews: old.reviews,
                orphaned: old.orphaned,
            }
        }
    }

    /// A claim's citations with the ids their claim, source and order give.
    fn with_ids(claim: ClaimId, evidence: Vec<Evidence>) -> Vec<crate::model::Evidence> {
        let mut seen: Vec<SourceId> = Vec::new();
        evidence
            .into_iter()
            .map(|old| {
                seen.push(old.source);
                let nth = seen.iter().filter(|s| **s == old.source).count();
                crate::model::Evidence {
                    id: EvidenceId::migrated(claim, old.source, nth),
                    source: old.source,
                    stance: old.stance,
                    excerpt: old.excerpt,
                    note: old.note,
                }
            })
            .collect()
    }

    impl From<Conflict> for crate::model::Conflict {
        fn from(old: Conflict) -> Self {
            use crate::model::ConflictItem as Item;
            let item = match old.item {
                ConflictItem::Workspace => Item::Workspace,
                ConflictItem::Article(id) => Item::Article(id),
                ConflictItem::Claim(id) => Item::Claim(id),
                ConflictItem::Source(id) => Item::Source(id),
                // Version 4 settled such a conflict on the first citation
                // of the source.
                ConflictItem::Evidence { claim, source } => Item::Evidence {
                    claim,
                    evidence: EvidenceId::migrated(claim, source, 1),
                },
            };
            let value = |v: Option<String>| v.map(|text| value_with_ids(item, &old.field, text));
            crate::model::Conflict {
                item,
                base: value(old.base),
                ours: value(old.ours),
                theirs: value(old.theirs),
                field: old.field,
            }
        }
    }

    /// A conflict's value (JSON text) with ids given to the evidence it
    /// holds: a whole claim, a claim's evidence list, or one whole piece.
    fn value_with_ids(item: crate::model::ConflictItem, field: &str, text: String) -> String {
        use crate::model::ConflictItem as Item;
        let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&text) else {
            return text;
        };
        match (item, field) {
            (Item::Claim(claim), "") => {
                if let Some(list) = value.get_mut("evidence") {
                    give_ids(claim, list);
                }
            }
            (Item::Claim(claim), "evidence") => give_ids(claim, &mut value),
            (Item::Evidence { evidence, .. }, "") => {
                if let Some(piece) = value.as_object_mut() {
                    piece
                        .entry("id")
                        .or_insert_with(|| evidence.to_string().into());
                }
            }
            _ => return text,
        }
        serde_json::to_string(&value).unwrap_or(text)
    }

    /// Gives each piece of a JSON evidence list its migrated id.
    fn give_ids(claim: ClaimId, list: &mut serde_json::Value) {
        let Some(pieces) = list.as_array_mut() else {
            return;
        };
        let mut seen: Vec<String> = Vec::new();
        for piece in pieces.iter_mut().filter_map(|p| p.as_object_mut()) {
            let source = piece.get("source").and_then(|s| s.as_str()).unwrap_or("");
            seen.push(source.to_owned());
            let nth = seen.iter().filter(|s| *s == source).count();
            let Some(source) = SourceId::parse(source) else {
                continue;
            };
            let id = EvidenceId::migrated(claim, source, nth).to_string();
            piece.entry("id").or_insert_with(|| id.into());
        }
    }
}

/// Version 5, frozen: a correction recorded the verdict before and after
/// (the same key when only the rationale changed or the note was written
/// by hand) instead of a list of changed public fields. Everything else is
/// today's; the step from it is [`v5::corrected_fields`].
mod v5 {
    use super::*;
    use crate::model::{
        Conflict, Correction as CurrentCorrection, Evidence, FieldChange, PublicField,
        PublicationEvent, Review,
    };

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
        pub conflicts: Vec<Conflict>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Claim {
        pub id: ClaimId,
        pub article: ArticleId,
        pub anchor: Anchor,
        pub statement: String,
        pub claimant: String,
        pub claimant_kind: ClaimantKind,
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
        pub internal_note: String,
        pub publication: Vec<PublicationEvent>,
        pub reviews: Vec<Review>,
        pub orphaned: Option<Timestamp>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Correction {
        pub date: Timestamp,
        pub note: String,
        pub old_verdict: Option<String>,
        pub new_verdict: Option<String>,
        pub by: String,
    }

    /// The step from version 5: a verdict that changed becomes the one
    /// recorded change; the same key before and after (a rationale
    /// change, or a note by hand) records no field, since version 5 never
    /// kept the old rationale.
    pub fn corrected_fields(old: &Correction) -> Vec<FieldChange> {
        if old.old_verdict == old.new_verdict {
            return Vec::new();
        }
        vec![FieldChange {
            field: PublicField::Verdict,
            old: old.old_verdict.clone().unwrap_or_default(),
            new: old.new_verdict.clone().unwrap_or_default(),
        }]
    }

    impl From<Correction> for CurrentCorrection {
        fn from(old: Correction) -> Self {
            CurrentCorrection {
                changes: corrected_fields(&old),
                date: old.date,
                note: old.note,
                by: old.by,
            }
        }
    }

    impl From<Claim> for crate::model::Claim {
        fn from(old: Claim) -> Self {
            crate::model::Claim {
                id: old.id,
                article: old.article,
                anchor: old.anchor,
                statement: old.statement,
                claimant: old.claimant,
                claimant_kind: old.claimant_kind,
                reported_by: old.reported_by,
                tags: old.tags,
                priority: old.priority,
                status: old.status,
                verdict: old.verdict,
                rationale: old.rationale,
                evidence: old.evidence,
                created: old.created,
                updated: old.updated,
                corrections: old.corrections.into_iter().map(Into::into).collect(),
                internal_note: old.internal_note,
                publication: old.publication,
                reviews: old.reviews,
                orphaned: old.orphaned,
            }
        }
    }

    impl From<Workspace> for crate::model::Workspace {
        fn from(old: Workspace) -> Self {
            crate::model::Workspace {
                format_version: FORMAT_VERSION,
                title: old.title,
                description: old.description,
                methodology: old.methodology,
                created: old.created,
                modified: old.modified,
                publisher: old.publisher,
                report_url: old.report_url,
                scale: old.scale,
                articles: old.articles,
                claims: old.claims.into_iter().map(Into::into).collect(),
                sources: old.sources,
                conflicts: old.conflicts,
            }
        }
    }
}
