//! The JSON Lines records of `claims --json`, `mark --json` and `sources
//! --json` (documented in `docs/cli-json.md`): one serialisable record per
//! kind, fields in the documented order, built by one function each so a
//! field is added in one place. Later versions only add fields.

use super::desk::name_of;
use crate::model::{Claim, ClaimId, Correction, Evidence, Source, Workspace};
use serde::Serialize;
use std::collections::HashMap;

/// A claim as `claims --json` prints it.
#[derive(Serialize)]
pub(super) struct ClaimRecord<'a> {
    id: String,
    number: usize,
    article: String,
    article_title: Option<&'a str>,
    article_url: Option<&'a str>,
    start: usize,
    end: usize,
    exact: &'a str,
    statement: &'a str,
    claimant: &'a str,
    claimant_kind: String,
    reported_by: &'a str,
    verdict: Option<&'a str>,
    verdict_label: Option<&'a str>,
    rationale: &'a str,
    status: String,
    priority: String,
    tags: &'a [String],
    published: bool,
    published_at: Option<String>,
    /// Its number in public reports, given at its first publication.
    public_number: Option<u32>,
    /// An orphan confirmed removed by the outlet.
    removed_by_outlet: bool,
    approved_by: Option<&'a str>,
    corrections: Vec<CorrectionRecord<'a>>,
    created: String,
    updated: String,
    orphaned: bool,
    /// When and by whom the quote was said, for a transcript; its pages,
    /// for a PDF or Word document; `null` otherwise (and for an orphan,
    /// whose quote is in an older text).
    location: Option<LocationRecord>,
    evidence: Vec<EvidenceRecord<'a>>,
    /// What a claim about media is about; `null` for a claim of the text.
    media: Option<MediaRecord<'a>>,
}

/// A claim's media target: its URL, kind (`image`, `video`, `audio`) and
/// time range in seconds (`null` for the whole media).
#[derive(Serialize)]
pub(super) struct MediaRecord<'a> {
    url: &'a str,
    kind: &'static str,
    start_s: Option<f64>,
    end_s: Option<f64>,
}

/// Where a claim's quote is: when it was said (a transcript: the first
/// touched cue's start and the last one's end, in seconds, and the first
/// cue's speaker), or on which pages (a PDF or Word document: the 1-based
/// pages of its first and last chars and their printed labels).
#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum LocationRecord {
    Time {
        start_s: f64,
        end_s: f64,
        speaker: Option<String>,
    },
    Pages(crate::model::Location),
}

/// The location of `claim` in its article's transcript or pages, if it
/// has either.
pub(super) fn location_record(ws: &Workspace, claim: &Claim) -> Option<LocationRecord> {
    if claim.is_orphaned() || claim.is_media() {
        return None;
    }
    let article = ws.article(claim.article)?;
    let (start, end) = (claim.anchor.start, claim.anchor.end);
    if let Some(moment) = article.moment(start, end) {
        return Some(LocationRecord::Time {
            start_s: crate::model::seconds(moment.from_ms),
            end_s: crate::model::seconds(moment.to_ms),
            speaker: moment.speaker,
        });
    }
    article.location(start, end).map(LocationRecord::Pages)
}

/// One piece of evidence of a claim.
#[derive(Serialize)]
pub(super) struct EvidenceRecord<'a> {
    id: String,
    source: String,
    stance: String,
    excerpt: &'a str,
    note: &'a str,
}

/// One correction of a claim: when, the public note, who, and old and new
/// of each public field it changed.
#[derive(Serialize)]
pub(super) struct CorrectionRecord<'a> {
    date: String,
    note: &'a str,
    by: &'a str,
    changes: Vec<FieldChangeRecord<'a>>,
}

#[derive(Serialize)]
pub(super) struct FieldChangeRecord<'a> {
    field: &'static str,
    old: &'a str,
    new: &'a str,
}

/// A source of the library, with the claims citing it.
#[derive(Serialize)]
pub(super) struct SourceRecord<'a> {
    id: String,
    title: &'a str,
    url: &'a str,
    publisher: &'a str,
    kind: String,
    published: Option<String>,
    accessed: Option<String>,
    archive_url: &'a str,
    protected: bool,
    cited_by: Vec<CitationRecord>,
}

#[derive(Serialize)]
pub(super) struct CitationRecord {
    claim: String,
    number: usize,
    stance: String,
}

/// `claim`, numbered `number` in the report, as one record.
pub(super) fn claim_record<'a>(
    ws: &'a Workspace,
    claim: &'a Claim,
    number: usize,
) -> ClaimRecord<'a> {
    let article = ws.article(claim.article);
    ClaimRecord {
        id: claim.id.to_string(),
        number,
        article: claim.article.to_string(),
        article_title: article.map(|a| a.title.as_str()),
        article_url: article.map(|a| a.url.as_str()),
        start: claim.anchor.start,
        end: claim.anchor.end,
        exact: &claim.anchor.exact,
        statement: &claim.statement,
        claimant: &claim.claimant,
        claimant_kind: name_of(claim.claimant_kind),
        reported_by: &claim.reported_by,
        verdict: claim.verdict.as_deref(),
        verdict_label: claim
            .verdict
            .as_deref()
            .and_then(|k| ws.scale.get(k))
            .map(|v| v.label.as_str()),
        rationale: &claim.rationale,
        status: name_of(claim.status),
        priority: name_of(claim.priority),
        tags: &claim.tags,
        published: claim.is_published(),
        published_at: claim.first_published().map(|t| t.to_string()),
        public_number: claim.public_number,
        removed_by_outlet: claim.is_removed_by_outlet(),
        approved_by: claim.approved_by(),
        corrections: claim.corrections.iter().map(correction_record).collect(),
        created: claim.created.to_string(),
        updated: claim.updated.to_string(),
        orphaned: claim.is_orphaned(),
        location: location_record(ws, claim),
        evidence: claim.evidence.iter().map(evidence_record).collect(),
        media: claim.media.as_ref().map(|m| MediaRecord {
            url: &m.url,
            kind: m.kind.key(),
            start_s: m.start_s,
            end_s: m.end_s,
        }),
    }
}

/// One piece of evidence. Until evidence has ids of its own, its `id` is
/// a placeholder made of the claim's id and the evidence's position
/// (`CLAIM#1` for the first).
fn evidence_record(evidence: &Evidence) -> EvidenceRecord<'_> {
    EvidenceRecord {
        id: evidence.id.to_string(),
        source: evidence.source.to_string(),
        stance: name_of(evidence.stance),
        excerpt: &evidence.excerpt,
        note: &evidence.note,
    }
}

fn correction_record(correction: &Correction) -> CorrectionRecord<'_> {
    CorrectionRecord {
        date: correction.date.to_string(),
        note: &correction.note,
        by: &correction.by,
        changes: correction
            .changes
            .iter()
            .map(|c| FieldChangeRecord {
                field: c.field.key(),
                old: &c.old,
                new: &c.new,
            })
            .collect(),
    }
}

/// `source` as one record, with the claims citing it (numbered by `numbers`).
pub(super) fn source_record<'a>(
    ws: &Workspace,
    source: &'a Source,
    numbers: &HashMap<ClaimId, usize>,
) -> SourceRecord<'a> {
    let cited_by = ws
        .claims
        .iter()
        .flat_map(|claim| {
            claim
                .evidence
                .iter()
                .filter(|e| e.source == source.id)
                .map(move |e| CitationRecord {
                    claim: claim.id.to_string(),
                    number: numbers.get(&claim.id).copied().unwrap_or(0),
                    stance: name_of(e.stance),
                })
        })
        .collect();
    SourceRecord {
        id: source.id.to_string(),
        title: &source.title,
        url: &source.url,
        publisher: &source.publisher,
        kind: name_of(source.kind),
        published: source.published.map(|d| d.to_string()),
        accessed: source.accessed.map(|d| d.to_string()),
        archive_url: &source.archive_url,
        protected: source.protected,
        cited_by,
    }
}
