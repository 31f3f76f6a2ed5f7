//! The JSON Lines records of `claims --json`, `mark --json` and `sources
//! --json` (documented in `docs/cli-json.md`): one function per record, so
//! a field is added in one place. Later versions only add fields.

use super::desk::name_of;
use crate::model::{Claim, Correction, Evidence, Source, Workspace};
use serde_json::{Value, json};

/// A claim as one JSON object; `number` is its report number.
pub(super) fn claim_json(ws: &Workspace, claim: &Claim, number: usize) -> Value {
    let article = ws.article(claim.article);
    let verdict_label = claim
        .verdict
        .as_deref()
        .and_then(|k| ws.scale.get(k))
        .map(|v| v.label.clone());
    json!({
        "id": claim.id.to_string(),
        "number": number,
        "article": claim.article.to_string(),
        "article_title": article.map(|a| a.title.as_str()),
        "article_url": article.map(|a| a.url.as_str()),
        "start": claim.anchor.start,
        "end": claim.anchor.end,
        "exact": claim.anchor.exact,
        "statement": claim.statement,
        "claimant": claim.claimant,
        "claimant_kind": name_of(claim.claimant_kind),
        "reported_by": claim.reported_by,
        "verdict": claim.verdict,
        "verdict_label": verdict_label,
        "rationale": claim.rationale,
        "status": name_of(claim.status),
        "priority": name_of(claim.priority),
        "tags": claim.tags,
        "published": claim.is_published(),
        "published_at": claim.first_published().map(|t| t.to_string()),
        "approved_by": claim.approved_by(),
        "corrections": claim.corrections.iter().map(correction_json).collect::<Vec<_>>(),
        "created": claim.created.to_string(),
        "updated": claim.updated.to_string(),
        "orphaned": claim.is_orphaned(),
        "location": Value::Null,
        "evidence": claim
            .evidence
            .iter()
            .enumerate()
            .map(|(i, e)| evidence_json(claim, i, e))
            .collect::<Vec<_>>(),
    })
}

/// One piece of evidence. Until evidence has ids of its own, its `id` is
/// a placeholder made of the claim's id and the evidence's position
/// (`CLAIM#1` for the first).
pub(super) fn evidence_json(claim: &Claim, index: usize, evidence: &Evidence) -> Value {
    json!({
        "id": format!("{}#{}", claim.id, index + 1),
        "source": evidence.source.to_string(),
        "stance": name_of(evidence.stance),
        "excerpt": evidence.excerpt,
        "note": evidence.note,
    })
}

/// One correction: when, the public note, who, and old and new of each
/// public field it changed.
fn correction_json(correction: &Correction) -> Value {
    json!({
        "date": correction.date.to_string(),
        "note": correction.note,
        "by": correction.by,
        "changes": correction
            .changes
            .iter()
            .map(|c| json!({"field": c.field.key(), "old": c.old, "new": c.new}))
            .collect::<Vec<_>>(),
    })
}

/// A source of the library with the claims citing it.
pub(super) fn source_json(
    ws: &Workspace,
    source: &Source,
    numbers: &std::collections::HashMap<crate::model::ClaimId, usize>,
) -> Value {
    let cited_by: Vec<Value> = ws
        .claims
        .iter()
        .flat_map(|claim| {
            claim
                .evidence
                .iter()
                .filter(|e| e.source == source.id)
                .map(move |e| (claim, e))
        })
        .map(|(claim, e)| {
            json!({
                "claim": claim.id.to_string(),
                "number": numbers.get(&claim.id).copied().unwrap_or(0),
                "stance": name_of(e.stance),
            })
        })
        .collect();
    json!({
        "id": source.id.to_string(),
        "title": source.title,
        "url": source.url,
        "publisher": source.publisher,
        "kind": name_of(source.kind),
        "published": source.published.map(|d| d.to_string()),
        "accessed": source.accessed.map(|d| d.to_string()),
        "archive_url": source.archive_url,
        "cited_by": cited_by,
    })
}
