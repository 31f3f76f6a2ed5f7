//! The claim numbers the window shows, the same as the reports'
//! ([`crate::model::Workspace::claim_numbers`]), worked out again only
//! when the document changed.

use crate::edit::Document;
use crate::model::ClaimId;
use std::collections::HashMap;

/// Claim numbers for one revision of the document.
#[derive(Default)]
pub(super) struct ClaimNumbers {
    revision: Option<u64>,
    numbers: HashMap<ClaimId, usize>,
}

impl ClaimNumbers {
    /// Every claim's number, up to date with `doc`.
    pub(super) fn all(&mut self, doc: &Document) -> &HashMap<ClaimId, usize> {
        if self.revision != Some(doc.revision()) {
            self.numbers = doc.workspace().claim_numbers();
            self.revision = Some(doc.revision());
        }
        &self.numbers
    }

    pub(super) fn of(&mut self, doc: &Document, claim: ClaimId) -> Option<usize> {
        self.all(doc).get(&claim).copied()
    }
}
