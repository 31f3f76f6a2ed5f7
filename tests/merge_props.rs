//! Property tests of the three-way merge over random edit sequences from
//! the editing core: a side that changed nothing takes the other side
//! whole, both sides making the same changes is no conflict, and merging
//! is symmetric in what it keeps; and of any three workspaces, no item of
//! either side is lost without a reason (kept, deleted by the other side,
//! or named by a conflict), inputs with shared ids being refused (the same
//! check as the fuzz target `merge`).

use factbench::edit::Document;
use factbench::edit::script::run_script;
use factbench::merge::{Merged, unrecorded_losses};
use factbench::model::Workspace;
use factbench::sample::sample_workspace;
use proptest::prelude::*;

/// The library merge of inputs known to have unique ids.
fn merge(base: Workspace, ours: Workspace, theirs: Workspace) -> Merged {
    factbench::merge::merge(base, ours, theirs).expect("the inputs' ids are unique")
}

/// The sample workspace after the commands `bytes` describe.
fn edited(bytes: &[u8]) -> Workspace {
    edited_from(sample_workspace(), bytes)
}

/// `start` after the commands `bytes` describe.
fn edited_from(start: Workspace, bytes: &[u8]) -> Workspace {
    let mut doc = Document::new(start, None);
    let mut clock = 0.0;
    run_script(&mut doc, bytes, |doc, command| {
        clock += 0.4;
        let _ = doc.execute(command, clock);
    });
    doc.workspace().clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn merging_with_an_unchanged_side_gives_the_changed_side(
        bytes in prop::collection::vec(any::<u8>(), 0..400)
    ) {
        let base = sample_workspace();
        let x = edited(&bytes);
        let ours_changed = merge(base.clone(), x.clone(), base.clone());
        prop_assert_eq!(ours_changed.new_conflicts, 0);
        prop_assert_eq!(&ours_changed.workspace, &x);
        let theirs_changed = merge(base.clone(), base.clone(), x.clone());
        prop_assert_eq!(theirs_changed.new_conflicts, 0);
        prop_assert_eq!(&theirs_changed.workspace, &x);
    }

    #[test]
    fn the_same_changes_on_both_sides_merge_to_them(
        bytes in prop::collection::vec(any::<u8>(), 0..400)
    ) {
        let x = edited(&bytes);
        let merged = merge(sample_workspace(), x.clone(), x.clone());
        prop_assert_eq!(merged.new_conflicts, 0);
        prop_assert_eq!(&merged.workspace, &x);
    }

    #[test]
    fn two_sides_keep_every_item_either_added_and_swapping_them_keeps_the_same(
        a in prop::collection::vec(any::<u8>(), 0..300),
        b in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        let base = sample_workspace();
        let (x, y) = (edited(&a), edited(&b));
        let xy = merge(base.clone(), x.clone(), y.clone()).workspace;
        let yx = merge(base.clone(), y.clone(), x.clone()).workspace;
        for side in [&x, &y] {
            for claim in &side.claims {
                if base.claim(claim.id).is_none() {
                    prop_assert!(xy.claim(claim.id).is_some(), "claim added on one side kept");
                }
            }
            for source in &side.sources {
                if base.source(source.id).is_none() {
                    prop_assert!(xy.source(source.id).is_some(), "source added on one side kept");
                }
            }
        }
        let ids = |ws: &Workspace| {
            let mut ids: Vec<String> = ws.claims.iter().map(|c| c.id.to_string())
                .chain(ws.sources.iter().map(|s| s.id.to_string()))
                .chain(ws.articles.iter().map(|a| a.id.to_string()))
                .collect();
            ids.sort();
            ids
        };
        prop_assert_eq!(ids(&xy), ids(&yx));
        prop_assert_eq!(xy.conflicts.len(), yx.conflicts.len());
    }
}

/// A side for the loss check: the base (or the sample, an unrelated
/// workspace) edited by `bytes`, with a claim copied under its own id when
/// `twin` says so.
fn side(base: &Workspace, from_base: bool, bytes: &[u8], twin: bool) -> Workspace {
    let start = if from_base {
        base.clone()
    } else {
        sample_workspace()
    };
    let mut ws = edited_from(start, bytes);
    if twin && let Some(claim) = ws.claims.first().cloned() {
        ws.claims.push(claim);
    }
    ws
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn of_any_three_workspaces_no_item_is_lost_without_a_conflict(
        a in prop::collection::vec(any::<u8>(), 0..200),
        b in prop::collection::vec(any::<u8>(), 0..300),
        c in prop::collection::vec(any::<u8>(), 0..300),
        flags in any::<[bool; 4]>(),
    ) {
        let base = edited(&a);
        let ours = side(&base, flags[0], &b, flags[2] && flags[3]);
        let theirs = side(&base, flags[1], &c, false);
        match factbench::merge::merge(base.clone(), ours.clone(), theirs.clone()) {
            Ok(merged) => {
                let lost = unrecorded_losses([&base, &ours, &theirs], &merged.workspace);
                prop_assert!(lost.is_empty(), "lost without a conflict: {:?}", lost);
            }
            Err(refused) => {
                prop_assert!(flags[2] && flags[3], "refused: {}", refused);
                let twin = ours.claims[0].id.to_string();
                prop_assert!(refused.0.iter().any(|d| d.id == twin), "{}", refused);
            }
        }
    }
}
