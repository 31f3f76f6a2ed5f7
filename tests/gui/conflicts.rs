//! The window on a merged workspace: the conflict banner, the conflict list
//! settling each disagreement (Keep ours, Keep theirs, Keep as edited) as
//! an undoable step, exports refused while conflicts remain, File ›
//! Compare with… listing the differences, and the lock warning when the
//! workspace is already open elsewhere.

use crate::support::{app, harness};
use egui_kittest::kittest::Queryable as _;
use factbench::merge::merge;
use factbench::model::Workspace;
use factbench::sample::sample_workspace;
use factbench::ui::Action;

/// The sample merged with the same claim's verdict changed two ways, and
/// its rationale too.
fn merged() -> Workspace {
    let base = sample_workspace();
    let keys: Vec<String> = base.scale.verdicts.iter().map(|v| v.key.clone()).collect();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.claims[6].verdict = Some(keys[0].clone());
    theirs.claims[6].verdict = Some(keys[1].clone());
    ours.claims[2].rationale = "Наша версия.".into();
    theirs.claims[2].rationale = "他们的版本。".into();
    merge(base, ours, theirs).unwrap().workspace
}

#[test]
fn the_banner_opens_the_list_and_keep_theirs_settles_one_undoably() {
    let ws = merged();
    let theirs_key = sample_workspace().scale.verdicts[1].key.clone();
    let mut harness = harness(app(ws.clone(), vec![]));
    assert!(
        harness
            .query_by_label_contains("2 disagreement(s) from a merge")
            .is_some()
    );
    harness.get_by_label("Show conflicts…").click();
    harness.run_steps(3);
    assert!(harness.state().conflicts_open());
    // In words, without the terminal's `*` marks.
    assert!(harness.query_by_label_contains("verdict is ").is_some());
    assert!(harness.query_by_label_contains("verdict is *").is_none());
    harness
        .get_all_by_label("Keep theirs")
        .next()
        .unwrap()
        .click();
    harness.run_steps(3);
    let now = harness.state().workspace();
    assert_eq!(now.conflicts.len(), 1);
    assert_eq!(now.claims[2].rationale, "他们的版本。");
    harness.get_by_label("Keep as edited").click();
    harness.run_steps(3);
    assert!(harness.state().workspace().conflicts.is_empty());
    assert_eq!(
        harness.state().workspace().claims[6].verdict,
        ws.claims[6].verdict
    );
    assert!(
        harness
            .query_by_label_contains("disagreement(s) from a merge")
            .is_none()
    );
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::Undo);
    harness.state_mut().perform(&ctx, Action::Undo);
    harness.run_steps(2);
    assert_eq!(harness.state().workspace(), &ws);
    assert!(harness.state().document().workspace().claims[6].verdict != Some(theirs_key));
}

#[test]
fn exports_are_refused_while_conflicts_remain() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let mut harness = harness(app(merged(), vec![Some(out.clone())]));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .perform(&ctx, Action::Export(factbench::export::Format::Html));
    harness.run_steps(4);
    let errors: Vec<_> = harness.state().errors().cloned().collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, "Settle the merge conflicts first");
    assert!(!out.exists());
}

#[test]
fn compare_with_lists_what_differs_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("colleague.ron");
    let mut theirs = sample_workspace();
    theirs.claims[0].claimant = "Пресс-служба".into();
    theirs.sources.remove(0);
    factbench::store::save(&other, &theirs).unwrap();
    let mut harness = harness(app(sample_workspace(), vec![Some(other)]));
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::CompareWith);
    harness.run_steps(4);
    let listed = harness
        .state()
        .compared_with()
        .expect("the comparison is shown")
        .len();
    assert_eq!(listed, 2, "one claim changed, one source added back");
    assert!(
        harness
            .query_by_label_contains("Compared with colleague.ron")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("claimant: *Пресс-служба* became *")
            .is_some()
    );
}

#[test]
fn opening_a_workspace_open_elsewhere_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.ron");
    factbench::store::save(&path, &sample_workspace()).unwrap();
    // Another window holds the workspace (here, of this same process: the
    // OS lock is per open file, so it counts as another holder).
    let factbench::store::LockOutcome::Acquired { lock: _other, .. } =
        factbench::store::lock(&path).unwrap()
    else {
        panic!("free");
    };
    let mut harness = harness(app(Workspace::new("Untitled"), vec![Some(path.clone())]));
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::Open);
    harness.run_steps(4);
    let errors: Vec<_> = harness.state().errors().cloned().collect();
    assert!(
        errors
            .iter()
            .any(|(title, message)| title == "Already open elsewhere"
                && message.contains("a Factbench window")
                && message.contains(&format!("process {}", std::process::id()))),
        "{errors:?}"
    );
    assert_eq!(
        harness.state().workspace().title,
        sample_workspace().title,
        "opened anyway"
    );
    // Saving here would overwrite the other window's saves: refused.
    let before = std::fs::read(&path).unwrap();
    let rename = factbench::edit::Command::EditWorkspace {
        details: Box::new({
            let mut details = factbench::edit::WorkspaceDetails::of(harness.state().workspace());
            details.title.push_str(" (edited)");
            details
        }),
        typing: None,
    };
    harness.state_mut().execute(&ctx, rename);
    assert!(harness.state().document().is_dirty(), "a change to save");
    harness.state_mut().perform(&ctx, Action::Save);
    harness.run_steps(2);
    let errors: Vec<_> = harness.state().errors().cloned().collect();
    assert!(
        errors
            .iter()
            .any(|(title, message)| title == "Could not save"
                && message.contains("Nothing was saved")),
        "{errors:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_workspace_opened_here_is_locked_until_another_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.ron");
    factbench::store::save(&path, &sample_workspace()).unwrap();
    let mut harness = harness(app(Workspace::new("Untitled"), vec![Some(path.clone())]));
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::Open);
    harness.run_steps(4);
    let lock = factbench::store::lock_path(&path);
    let text = std::fs::read_to_string(&lock).expect("locked while open");
    assert!(text.starts_with(&format!("{}\n", std::process::id())));
    harness
        .state_mut()
        .open_workspace(Workspace::new("Other"), None);
    assert!(!lock.exists(), "released with the document");
}
