//! Three arbitrary workspaces through the merge driver's merge: no panic,
//! and no item of either side lost without a reason. Each is the sample
//! edited by a third of the input (as commands, like `document`); the
//! first byte says whether the sides start from the edited base or from
//! the sample (unrelated histories) and whether ours copies a claim under
//! its id, which the merge must refuse, naming it.
#![no_main]

use factbench::edit::Document;
use factbench::edit::script::run_script;
use factbench::merge::{merge, unrecorded_losses};
use factbench::model::Workspace;
use factbench::sample::sample_workspace;
use libfuzzer_sys::fuzz_target;

fn edited(start: Workspace, bytes: &[u8]) -> Workspace {
    let mut doc = Document::new(start, None);
    let mut clock = 0.0;
    run_script(&mut doc, bytes, |doc, command| {
        clock += 0.3;
        let _ = doc.execute(command, clock);
    });
    doc.workspace().clone()
}

fuzz_target!(|bytes: &[u8]| {
    let Some((&flags, rest)) = bytes.split_first() else {
        return;
    };
    let third = rest.len() / 3;
    let (a, rest) = rest.split_at(third);
    let (b, c) = rest.split_at(third);
    let base = edited(sample_workspace(), a);
    let start = |from_base: bool| if from_base { base.clone() } else { sample_workspace() };
    let mut ours = edited(start(flags & 1 != 0), b);
    let theirs = edited(start(flags & 2 != 0), c);
    let twin = flags & 4 != 0 && !ours.claims.is_empty();
    if twin {
        ours.claims.push(ours.claims[0].clone());
    }
    match merge(base.clone(), ours.clone(), theirs.clone()) {
        Ok(merged) => {
            assert!(!twin, "two claims of one id were merged");
            let lost = unrecorded_losses([&base, &ours, &theirs], &merged.workspace);
            assert!(lost.is_empty(), "lost without a conflict: {lost:?}");
        }
        Err(refused) => {
            let id = ours.claims[0].id.to_string();
            assert!(twin && refused.0.iter().any(|d| d.id == id), "{refused}");
        }
    }
});
