//! Version 4, frozen: a claim's evidence had no ids, and a conflict on a
//! piece of evidence named its claim and the source it cites. Each
//! citation is given the id [`EvidenceId::migrated`] derives from its
//! claim, its source and which citation of that source it is, so copies of
//! one old file read apart give the same ids; recorded conflicts (and the
//! evidence in their JSON values) are given the same ids.

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
            custody: Vec::new(),
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
            media: None,
            public_number: None,
            removed_by_outlet: false,
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
                anchor: None,
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
