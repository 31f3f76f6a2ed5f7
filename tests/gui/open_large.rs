//! A large workspace opens on a worker: the window keeps drawing a modal
//! progress window, the open work stays until the new one is ready, and
//! Cancel (or a failure) leaves it as it was. The size at which a file
//! goes to the worker is lowered here so that a test file is "large".

use crate::support::*;
use egui::Key;
use egui_kittest::kittest::Queryable as _;
use factbench::sample::{generated_workspace, sample_workspace};
use factbench::ui::Action;
use std::time::{Duration, Instant};

/// Runs frames until the open is over (or ten seconds have passed).
fn wait_for_open(harness: &mut egui_kittest::Harness<'static, factbench::ui::FactbenchApp>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while harness.state().is_opening() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
        harness.run_steps(1);
    }
    assert!(!harness.state().is_opening(), "the open never finished");
}

#[test]
fn a_large_workspace_opens_behind_a_progress_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    let large = generated_workspace(3, 300_000, 1_500);
    factbench::store::save(&path, &large).unwrap();

    let mut harness = harness(app(sample_workspace(), vec![Some(path.clone())]));
    harness.state_mut().set_open_in_background_above(Some(1024));
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::Open);
    harness.run_steps(2);
    assert!(
        harness.state().is_opening(),
        "a large file goes to the worker"
    );
    assert_eq!(
        harness.state().workspace().title,
        sample_workspace().title,
        "the open work stays while the file loads"
    );
    assert!(
        harness.query_by_label("Cancel").is_some(),
        "the progress window shows"
    );
    wait_for_open(&mut harness);
    assert_eq!(harness.state().workspace(), &large);
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn cancel_keeps_the_open_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    factbench::store::save(&path, &generated_workspace(10, 450_000, 5_000)).unwrap();

    let mut harness = harness(app(sample_workspace(), vec![Some(path)]));
    harness.state_mut().set_open_in_background_above(Some(1024));
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::Open);
    harness.run_steps(2);
    assert!(harness.state().is_opening());
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().is_opening(), "Escape cancelled the open");
    std::thread::sleep(Duration::from_millis(200));
    harness.run_steps(3);
    assert_eq!(harness.state().workspace().title, sample_workspace().title);
    assert_eq!(harness.state().document().path(), None);
}

#[test]
fn a_broken_large_file_is_reported_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let mut text = factbench::store::to_ron(&generated_workspace(1, 100_000, 200)).unwrap();
    text.truncate(text.len() / 2);
    std::fs::write(&path, text).unwrap();

    let mut harness = harness(app(sample_workspace(), vec![Some(path)]));
    harness.state_mut().set_open_in_background_above(Some(1024));
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::Open);
    harness.run_steps(2);
    wait_for_open(&mut harness);
    assert_eq!(harness.state().workspace().title, sample_workspace().title);
    let (title, message) = harness.state().errors().next().expect("an error shows");
    assert_eq!(title, "Could not open the workspace");
    assert!(message.contains("broken.ron"), "{message}");
}
