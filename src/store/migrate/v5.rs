//! Version 5, frozen: a correction recorded the verdict before and after
//! (the same key when only the rationale changed or the note was written
//! by hand) instead of a list of changed public fields. Everything else is
//! today's; the step from it is [`corrected_fields`].

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
            media: None,
            public_number: None,
            removed_by_outlet: false,
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
            custody: Vec::new(),
        }
    }
}
