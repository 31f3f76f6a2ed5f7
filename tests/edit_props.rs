//! Property tests of the editing core: any sequence of commands applied to
//! the sample workspace can be undone back to exactly the workspace opened
//! (and then it is clean) and redone to exactly the state reached; past the
//! history limit, undoing all that is left is still unsaved work.

use factbench::edit::Document;
use factbench::edit::script::run_script;
use factbench::sample::sample_workspace;
use proptest::prelude::*;

/// Applies the commands `bytes` describe; returns how many were applied.
fn apply_all(doc: &mut Document, bytes: &[u8]) -> usize {
    let mut applied = 0;
    let mut clock = 0.0;
    run_script(doc, bytes, |doc, command| {
        clock += 0.4;
        if doc.execute(command, clock).is_ok() {
            applied += 1;
        }
    });
    applied
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn undo_all_restores_the_opened_workspace_and_redo_all_the_last(
        bytes in prop::collection::vec(any::<u8>(), 0..400)
    ) {
        let opened = sample_workspace();
        let mut doc = Document::new(opened.clone(), None);
        apply_all(&mut doc, &bytes);
        let reached = doc.workspace().clone();
        let dirty = doc.is_dirty();
        prop_assert_eq!(dirty, reached != opened || doc.can_undo());
        while doc.undo().is_some() {}
        prop_assert_eq!(doc.workspace(), &opened);
        prop_assert!(!doc.is_dirty(), "back at the opened state is clean");
        while doc.redo().is_some() {}
        prop_assert_eq!(doc.workspace(), &reached);
        prop_assert_eq!(doc.is_dirty(), dirty);
    }

    #[test]
    fn past_the_history_limit_undo_all_is_still_unsaved(
        bytes in prop::collection::vec(any::<u8>(), 50..400)
    ) {
        let limit = 4;
        let mut doc = Document::new(sample_workspace(), None).with_history_limit(limit);
        let mut steps = 0;
        let mut clock = 0.0;
        run_script(&mut doc, &bytes, |doc, command| {
            // Far apart in time, so no two commands merge into one step.
            clock += 10.0;
            if doc.execute(command, clock).is_ok_and(|o| o != factbench::edit::Outcome::Unchanged) {
                steps += 1;
            }
        });
        prop_assume!(steps > limit);
        while doc.undo().is_some() {}
        prop_assert!(doc.is_dirty(), "{} changes were made, {} can be undone", steps, limit);
    }
}
