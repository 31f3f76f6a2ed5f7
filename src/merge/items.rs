//! Merging the workspace's lists of items (articles, claims, sources) by
//! their stable ids: additions on either side kept, deletions applied, an
//! item changed on both sides merged field by field, an item deleted on one
//! side and changed on the other kept as changed, with a conflict.

use super::fields::{Kind, merge_item, to_text};
use super::lines::TextBudget;
use super::lists::merged_order;
use crate::model::{Conflict, ConflictItem};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// What a list holds: the kind of its items, how to get an item's id, and
/// the conflict item an id names.
pub(super) type ListOf<K, T> = (Kind, fn(&T) -> K, fn(K) -> ConflictItem);

/// One list's three versions, indexed by id, and the merged items so far.
pub(super) struct ListMerge<'a, K, T> {
    kind: Kind,
    conflict_item: fn(K) -> ConflictItem,
    budget: TextBudget,
    base_ids: Vec<K>,
    ours_ids: Vec<K>,
    theirs_ids: Vec<K>,
    pub base: HashMap<K, &'a T>,
    pub ours: HashMap<K, &'a T>,
    pub theirs: HashMap<K, &'a T>,
    pub merged: HashMap<K, T>,
}

impl<'a, K, T> ListMerge<'a, K, T>
where
    K: Eq + Hash + Copy,
    T: Serialize + DeserializeOwned + Clone + PartialEq,
{
    /// Merges the three versions of one list (texts within `budget`).
    pub fn new(
        (kind, id, conflict_item): ListOf<K, T>,
        [base, ours, theirs]: [&'a [T]; 3],
        conflicts: &mut Vec<Conflict>,
        budget: TextBudget,
    ) -> Self {
        let ids = |list: &[T]| list.iter().map(id).collect::<Vec<K>>();
        let index = |list: &'a [T]| list.iter().map(|t| (id(t), t)).collect::<HashMap<K, &T>>();
        let mut merge = ListMerge {
            kind,
            conflict_item,
            budget,
            base_ids: ids(base),
            ours_ids: ids(ours),
            theirs_ids: ids(theirs),
            base: index(base),
            ours: index(ours),
            theirs: index(theirs),
            merged: HashMap::new(),
        };
        let all: Vec<K> = merge
            .ours_ids
            .iter()
            .chain(&merge.theirs_ids)
            .chain(&merge.base_ids)
            .copied()
            .collect();
        for key in all {
            if !merge.merged.contains_key(&key)
                && let Some(item) = merge.merge_one(key, conflicts)
            {
                merge.merged.insert(key, item);
            }
        }
        merge
    }

    fn merge_one(&self, key: K, conflicts: &mut Vec<Conflict>) -> Option<T> {
        let (b, o, t) = (
            self.base.get(&key).copied(),
            self.ours.get(&key).copied(),
            self.theirs.get(&key).copied(),
        );
        match (b, o, t) {
            (_, Some(o), Some(t)) if o == t => Some(o.clone()),
            (Some(b), Some(o), Some(t)) if b == o => Some(t.clone()),
            (Some(b), Some(o), Some(t)) if b == t => Some(o.clone()),
            (b, Some(o), Some(t)) => {
                let item = (self.conflict_item)(key);
                Some(merge_item(self.kind, item, b, o, t, conflicts, self.budget))
            }
            (None, Some(one), None) | (None, None, Some(one)) => Some(one.clone()),
            (Some(b), Some(one), None) | (Some(b), None, Some(one)) if b == one => None,
            (Some(_), None, None) => None,
            (Some(b), o, t) => {
                conflicts.push(self.whole_item_conflict(key, Some(b), o, t));
                o.or(t).cloned()
            }
            (None, None, None) => None,
        }
    }

    fn whole_item_conflict(
        &self,
        key: K,
        base: Option<&T>,
        ours: Option<&T>,
        theirs: Option<&T>,
    ) -> Conflict {
        Conflict {
            item: (self.conflict_item)(key),
            field: String::new(),
            base: base.map(to_text),
            ours: ours.map(to_text),
            theirs: theirs.map(to_text),
        }
    }

    /// Brings back an item one side deleted because something kept from the
    /// other side still refers to it; records a whole-item conflict.
    pub fn restore(&mut self, key: K, conflicts: &mut Vec<Conflict>) {
        if self.merged.contains_key(&key) {
            return;
        }
        let (b, o, t) = (
            self.base.get(&key).copied(),
            self.ours.get(&key).copied(),
            self.theirs.get(&key).copied(),
        );
        let Some(item) = o.or(t).or(b) else {
            return;
        };
        conflicts.push(self.whole_item_conflict(key, b, o, t));
        self.merged.insert(key, item.clone());
    }

    /// Whether `key` is in the merged list.
    pub fn has(&self, key: &K) -> bool {
        self.merged.contains_key(key)
    }

    /// The merged items in their merged order.
    pub fn into_list(mut self) -> Vec<T> {
        let keep: HashSet<K> = self.merged.keys().copied().collect();
        merged_order(&self.base_ids, &self.ours_ids, &self.theirs_ids, &keep)
            .into_iter()
            .filter_map(|k| self.merged.remove(&k))
            .collect()
    }
}
