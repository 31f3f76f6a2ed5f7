//! Lists in a merge: the order items come out in, and lists merged as sets.

use std::collections::HashSet;
use std::hash::Hash;

/// The order of the merged list, holding exactly the keys of `keep`.
///
/// When one side kept the base order, the other side's order is taken
/// whole; otherwise ours leads. Keys missing from the leading order (added
/// on the other side, or kept from the base) go right after the key that
/// precedes them in the list they come from, past the leading side's own
/// additions there, so both sides' additions at the end of a list come out
/// ours first, then theirs: the same inputs always give the same order.
pub(super) fn merged_order<K: Eq + Hash + Clone>(
    base: &[K],
    ours: &[K],
    theirs: &[K],
    keep: &HashSet<K>,
) -> Vec<K> {
    let (lead, others): (&[K], [&[K]; 2]) = if ours == base {
        (theirs, [ours, base])
    } else {
        (ours, [theirs, base])
    };
    let mut out: Vec<K> = lead.iter().filter(|k| keep.contains(*k)).cloned().collect();
    let mut placed: HashSet<K> = out.iter().cloned().collect();
    for other in others {
        let from_other: HashSet<&K> = other.iter().collect();
        let mut previous: Option<&K> = None;
        for key in other {
            if keep.contains(key) && !placed.contains(key) {
                let mut at = previous
                    .and_then(|p| out.iter().position(|k| k == p))
                    .map_or(0, |i| i + 1);
                while at < out.len() && !from_other.contains(&out[at]) {
                    at += 1;
                }
                out.insert(at, key.clone());
                placed.insert(key.clone());
            }
            if placed.contains(key) {
                previous = Some(key);
            }
        }
    }
    out
}

/// A list merged as a set: ours, less what theirs removed from the base,
/// then what theirs added.
pub(super) fn set_merge<T: PartialEq + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut out: Vec<T> = ours
        .iter()
        .filter(|v| !base.contains(v) || theirs.contains(v))
        .cloned()
        .collect();
    for v in theirs {
        if !base.contains(v) && !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep(keys: &[u32]) -> HashSet<u32> {
        keys.iter().copied().collect()
    }

    #[test]
    fn both_sides_appending_gives_ours_then_theirs_whichever_order_they_came() {
        let order = merged_order(&[1, 2], &[1, 2, 3], &[1, 2, 4], &keep(&[1, 2, 3, 4]));
        assert_eq!(order, vec![1, 2, 3, 4]);
    }

    #[test]
    fn an_unchanged_side_gives_the_other_sides_order() {
        let order = merged_order(&[1, 2, 3], &[1, 2, 3], &[3, 1, 5, 2], &keep(&[1, 2, 3, 5]));
        assert_eq!(order, vec![3, 1, 5, 2]);
    }

    #[test]
    fn an_insertion_in_the_middle_stays_after_its_neighbour() {
        let order = merged_order(
            &[1, 2, 3],
            &[1, 2, 3, 9],
            &[1, 7, 2, 3],
            &keep(&[1, 2, 3, 7, 9]),
        );
        assert_eq!(order, vec![1, 7, 2, 3, 9]);
    }

    #[test]
    fn set_merge_applies_both_sides_removals_and_additions() {
        let merged = set_merge(&["a", "b", "c"], &["a", "c", "x"], &["a", "b", "y"]);
        assert_eq!(merged, vec!["a", "x", "y"]);
    }
}
