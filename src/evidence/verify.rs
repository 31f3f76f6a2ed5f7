//! `verify`'s findings: every snapshot's file re-hashed (in parallel) and
//! every anchored excerpt looked for again, one finding each; `check`
//! shows the same findings as problems without recording them, `verify`
//! records them in the custody log.

use super::excerpt;
use crate::model::{
    ByteCheck, ClaimId, CustodyEntry, CustodyEvent, EvidenceId, ExcerptCheck, SourceId, Workspace,
};
use crate::store::snapshots::check_snapshots;
use jiff::Timestamp;
use std::collections::HashMap;
use std::path::Path;

/// What was found about one snapshot or one excerpt.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub source: SourceId,
    /// The snapshot's SHA-256.
    pub snapshot: String,
    pub what: Found,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Bytes(ByteCheck),
    Excerpt {
        claim: ClaimId,
        evidence: EvidenceId,
        /// The claim's report number.
        number: usize,
        check: ExcerptCheck,
    },
}

impl Finding {
    /// `ok`, `changed`, `missing`, `excerpt-not-found` or `unverified`.
    pub fn label(&self) -> &'static str {
        match &self.what {
            Found::Bytes(check) => check.label(),
            Found::Excerpt { check, .. } => check.label(),
        }
    }

    /// Whether this finding makes `verify` fail (and `check` report it).
    pub fn is_problem(&self) -> bool {
        matches!(
            self.what,
            Found::Bytes(ByteCheck::Changed(_) | ByteCheck::Missing)
                | Found::Excerpt {
                    check: ExcerptCheck::NotFound,
                    ..
                }
        )
    }

    /// The finding as a sentence, for `check`'s problem list.
    pub fn describe(&self, ws: &Workspace, workspace: &Path) -> String {
        let title = ws.source(self.source).map_or("", |s| s.title.as_str());
        let short = crate::model::short_hash(&self.snapshot);
        match &self.what {
            Found::Bytes(ByteCheck::Ok) => {
                format!("snapshot {short} of source \"{title}\" is intact")
            }
            Found::Bytes(ByteCheck::Changed(now)) => format!(
                "snapshot {short} of source \"{title}\" has changed: its file now hashes to {}",
                crate::model::short_hash(now)
            ),
            Found::Bytes(ByteCheck::Missing) => format!(
                "snapshot {short} of source \"{title}\" is missing from {}",
                crate::store::snapshots::snapshots_dir(workspace).display()
            ),
            Found::Excerpt { number, check, .. } => format!(
                "the excerpt cited for claim {number} from source \"{title}\" is {} snapshot {short}",
                match check {
                    ExcerptCheck::Found => "in",
                    ExcerptCheck::NotFound => "not found in",
                    ExcerptCheck::Unverified => "cited unverified, not found in",
                }
            ),
        }
    }
}

/// Every snapshot of every source re-hashed (each file once), then every
/// anchored excerpt checked, in the order of the workspace.
pub fn verify(ws: &Workspace, workspace: &Path) -> Vec<Finding> {
    let mut hashes: Vec<&str> = ws
        .sources
        .iter()
        .flat_map(|s| s.snapshots.iter().map(|snap| snap.sha256.as_str()))
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    let checks: HashMap<&str, ByteCheck> = hashes
        .iter()
        .copied()
        .zip(check_snapshots(workspace, &hashes))
        .collect();
    let mut findings = Vec::new();
    for source in &ws.sources {
        for snap in &source.snapshots {
            let check = checks
                .get(snap.sha256.as_str())
                .cloned()
                .unwrap_or(ByteCheck::Missing);
            findings.push(Finding {
                source: source.id,
                snapshot: snap.sha256.clone(),
                what: Found::Bytes(check),
            });
        }
    }
    findings.extend(excerpt_findings(ws));
    findings
}

/// Every anchored excerpt, by claim in report order.
pub fn excerpt_findings(ws: &Workspace) -> Vec<Finding> {
    let numbers = ws.claim_numbers();
    let mut claims: Vec<_> = ws.claims.iter().collect();
    claims.sort_by_key(|c| numbers.get(&c.id).copied().unwrap_or(usize::MAX));
    let mut findings = Vec::new();
    for claim in claims {
        for evidence in &claim.evidence {
            let Some(source) = ws.source(evidence.source) else {
                continue;
            };
            let (Some(check), Some(anchored)) =
                (excerpt::check(source, evidence), evidence.anchor.as_ref())
            else {
                continue;
            };
            findings.push(Finding {
                source: source.id,
                snapshot: anchored.snapshot.clone(),
                what: Found::Excerpt {
                    claim: claim.id,
                    evidence: evidence.id,
                    number: numbers.get(&claim.id).copied().unwrap_or(0),
                    check,
                },
            });
        }
    }
    findings
}

/// The custody entries recording `findings`, by `by` at `at`.
pub fn custody_of(findings: &[Finding], by: &str, at: Timestamp) -> Vec<CustodyEntry> {
    findings
        .iter()
        .map(|f| {
            let event = match &f.what {
                Found::Bytes(check) => CustodyEvent::Verified(check.clone()),
                Found::Excerpt {
                    claim,
                    evidence,
                    check,
                    ..
                } => CustodyEvent::ExcerptVerified {
                    claim: *claim,
                    evidence: *evidence,
                    result: *check,
                },
            };
            CustodyEntry::new(at, by, f.source, &f.snapshot, event)
        })
        .collect()
}
