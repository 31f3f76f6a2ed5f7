//! Ids that must be unique before a merge can match items by them.
//!
//! A merge pairs each item of one side with the item of the same id on the
//! other: two claims (articles, sources, or evidence entries of one claim)
//! sharing an id in any input could not both be paired, and one would be
//! lost. Such inputs are refused, every shared id named, before anything
//! is merged.

use crate::model::Workspace;
use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;

/// One of the three inputs of a merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Base,
    Ours,
    Theirs,
}

impl Input {
    pub const ALL: [Input; 3] = [Input::Base, Input::Ours, Input::Theirs];

    /// The input's position in `[base, ours, theirs]`.
    pub fn index(self) -> usize {
        match self {
            Input::Base => 0,
            Input::Ours => 1,
            Input::Theirs => 2,
        }
    }
}

/// An id held by more than one item of an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateId {
    pub input: Input,
    /// What the items are: `"articles"`, `"claims"`, `"sources"`, or
    /// `"evidence entries of claim …"`.
    pub items: String,
    pub id: String,
    /// How many items hold it.
    pub count: usize,
}

impl fmt::Display for DuplicateId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} share the id {}", self.count, self.items, self.id)
    }
}

/// Why a merge was refused: ids shared by several items of an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateIds(pub Vec<DuplicateId>);

impl fmt::Display for DuplicateIds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let all: Vec<String> = self
            .0
            .iter()
            .map(|d| format!("{:?}: {d}", d.input))
            .collect();
        write!(f, "{}", all.join("; "))
    }
}

impl std::error::Error for DuplicateIds {}

/// Every id shared by several items of any of the three inputs.
pub(super) fn check_unique_ids(inputs: [&Workspace; 3]) -> Result<(), DuplicateIds> {
    let found: Vec<DuplicateId> = Input::ALL
        .iter()
        .flat_map(|&input| duplicates_in(input, inputs[input.index()]))
        .collect();
    if found.is_empty() {
        Ok(())
    } else {
        Err(DuplicateIds(found))
    }
}

fn duplicates_in(input: Input, ws: &Workspace) -> Vec<DuplicateId> {
    let mut found = Vec::new();
    let mut note = |items: &str, ids: Vec<(String, usize)>| {
        found.extend(ids.into_iter().map(|(id, count)| DuplicateId {
            input,
            items: items.to_owned(),
            id,
            count,
        }));
    };
    note("articles", shared(ws.articles.iter().map(|a| a.id)));
    note("claims", shared(ws.claims.iter().map(|c| c.id)));
    note("sources", shared(ws.sources.iter().map(|s| s.id)));
    for claim in &ws.claims {
        let items = format!("evidence entries of claim {}", claim.id);
        note(&items, shared(claim.evidence.iter().map(|e| e.id)));
    }
    found
}

/// The ids occurring more than once, in the order they first occur, with
/// how often.
fn shared<K: Eq + Hash + Copy + fmt::Display>(
    ids: impl Iterator<Item = K>,
) -> Vec<(String, usize)> {
    let mut counts: HashMap<K, usize> = HashMap::new();
    let mut order = Vec::new();
    for id in ids {
        let count = counts.entry(id).or_default();
        if *count == 0 {
            order.push(id);
        }
        *count += 1;
    }
    order
        .into_iter()
        .filter(|id| counts[id] > 1)
        .map(|id| (id.to_string(), counts[&id]))
        .collect()
}
