//! The claim numbers the window shows, the same as the reports'
//! ([`crate::model::Workspace::claim_numbers`]). Working them out reads
//! every article's text, so they are worked out again only when an
//! article's text or a claim's place changed — not on every keystroke in
//! a claim's fields.

use crate::edit::Document;
use crate::model::ClaimId;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Claim numbers, with what they were worked out from.
#[derive(Default)]
pub(super) struct ClaimNumbers {
    revision: Option<u64>,
    /// The text revision and the fingerprint of the claims' places.
    basis: Option<(u64, u64)>,
    numbers: HashMap<ClaimId, usize>,
}

impl ClaimNumbers {
    /// Every claim's number, up to date with `doc`.
    pub(super) fn all(&mut self, doc: &Document) -> &HashMap<ClaimId, usize> {
        if self.revision != Some(doc.revision()) {
            self.revision = Some(doc.revision());
            let basis = Some((doc.text_revision(), places_fingerprint(doc)));
            if self.basis != basis {
                self.numbers = doc.workspace().claim_numbers();
                self.basis = basis;
            }
        }
        &self.numbers
    }

    pub(super) fn of(&mut self, doc: &Document, claim: ClaimId) -> Option<usize> {
        self.all(doc).get(&claim).copied()
    }
}

/// A hash of what numbering depends on besides the texts: the articles'
/// order and each claim's id, article and offsets (a quote that stops
/// matching its text without either changing needs a text change, which
/// the text revision catches).
fn places_fingerprint(doc: &Document) -> u64 {
    let ws = doc.workspace();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for article in &ws.articles {
        article.id.hash(&mut hasher);
    }
    for claim in &ws.claims {
        claim.id.hash(&mut hasher);
        claim.article.hash(&mut hasher);
        claim.anchor.start.hash(&mut hasher);
        claim.anchor.end.hash(&mut hasher);
    }
    hasher.finish()
}
