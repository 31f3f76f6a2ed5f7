//! Never losing work, in the window: autosave to the recovery file, a
//! simulated crash and the restore offer on the next start, Discard and
//! Save removing the recovery file, untitled work recovered, a file
//! changed behind the window's back never silently overwritten, and the
//! reload offer when the window regains focus.

use crate::support::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factbench::edit::{ClaimText, Command};
use factbench::sample::sample_workspace;
use factbench::store;
use factbench::store::recovery::{recovery_path, untitled_recoveries};
use factbench::ui::FactbenchApp;
use factbench::ui::ScriptedPicker;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The app as started with `file`, untitled work recovered in `untitled`,
/// autosaving at every change.
fn start(file: Option<&Path>, untitled: &Path) -> Harness<'static, FactbenchApp> {
    let ctx = egui::Context::default();
    let mut app = FactbenchApp::launch_in(
        &ctx,
        file,
        None,
        Some(untitled.to_owned()),
        Box::new(ScriptedPicker::default()),
    );
    app.set_autosave_interval(Some(0.0));
    harness(app)
}

/// The workspace's draft claims, in file order.
fn first_drafts(ws: &factbench::Workspace) -> Vec<factbench::ClaimId> {
    ws.claims
        .iter()
        .filter(|c| c.first_published().is_none())
        .map(|c| c.id)
        .collect()
}

/// Gives the n-th draft claim a new rationale, as typing in the inspector
/// does (a published claim's rationale changes only through a correction).
fn edit_rationale(harness: &mut Harness<'static, FactbenchApp>, n: usize, text: &str) {
    let ctx = harness.ctx.clone();
    let claim = first_drafts(harness.state().workspace())[n];
    harness.state_mut().execute(
        &ctx,
        Command::set_claim_text(claim, ClaimText::Rationale, text),
    );
    harness.run_steps(2);
    assert!(harness.state().document().is_dirty());
}

/// Waits (stepping frames) until `path` exists and holds `needle`.
fn wait_for_file_with(harness: &mut Harness<'static, FactbenchApp>, path: &Path, needle: &str) {
    let started = Instant::now();
    loop {
        harness.run_steps(1);
        if std::fs::read_to_string(path).is_ok_and(|text| text.contains(needle)) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no autosave with {needle:?} in {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn click(harness: &mut Harness<'static, FactbenchApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(3);
}

fn saved_workspace(dir: &Path) -> PathBuf {
    let path = dir.join("xi.ron");
    store::save(&path, &sample_workspace()).unwrap();
    path
}

#[test]
fn edits_survive_a_crash_and_are_restored_as_unsaved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_workspace(dir.path());
    let recovery = recovery_path(&path);
    let mut harness = start(Some(&path), dir.path());
    assert!(!harness.state().recovery_offered());
    edit_rationale(&mut harness, 0, "Confirmed by the customs data.");
    wait_for_file_with(&mut harness, &recovery, "Confirmed by the customs data.");
    let edited = harness.state().workspace().clone();
    drop(harness); // the crash: nothing saved

    assert_eq!(
        store::load(&path).unwrap().workspace,
        sample_workspace(),
        "the workspace file itself is untouched"
    );
    let mut harness = start(Some(&path), dir.path());
    assert!(harness.state().recovery_offered());
    harness.get_by_role_and_label(egui::Role::Dialog, "Unsaved work was found");
    assert_eq!(harness.state().workspace(), &sample_workspace());
    click(&mut harness, "Show differences");
    harness.get_by_label_contains("1 claim(s) changed");
    // The claim and the field are named, with the new text.
    harness.get_by_label_contains("Confirmed by the customs data.");
    click(&mut harness, "Restore unsaved changes");
    assert!(!harness.state().recovery_offered());
    let state = harness.state();
    assert_eq!(state.workspace(), &edited);
    assert!(
        state.document().is_dirty(),
        "restored work is not saved yet"
    );
    assert_eq!(state.document().path(), Some(path.as_path()));
    assert!(recovery.is_file(), "kept until the work is saved");

    // Ctrl+S saves it to the original file and removes the recovery file.
    press(&mut harness, Modifiers::COMMAND, Key::S, 1);
    assert!(!harness.state().document().is_dirty());
    assert_eq!(store::load(&path).unwrap().workspace.claims, edited.claims);
    assert!(!recovery.exists(), "a save removes the recovery file");
}

#[test]
fn discarding_the_offer_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_workspace(dir.path());
    let recovery = recovery_path(&path);
    let mut harness = start(Some(&path), dir.path());
    edit_rationale(&mut harness, 1, "Never mind.");
    wait_for_file_with(&mut harness, &recovery, "Never mind.");
    drop(harness);

    let mut harness = start(Some(&path), dir.path());
    click(&mut harness, "Discard them");
    assert!(!harness.state().recovery_offered());
    assert!(!recovery.exists());
    assert!(!harness.state().document().is_dirty());
    assert_eq!(harness.state().workspace(), &sample_workspace());
    drop(harness);
    let harness = start(Some(&path), dir.path());
    assert!(!harness.state().recovery_offered(), "not offered again");
}

#[test]
fn discard_changes_removes_the_recovery_file_and_cancel_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_workspace(dir.path());
    let recovery = recovery_path(&path);
    let mut harness = start(Some(&path), dir.path());
    edit_rationale(&mut harness, 0, "Draft.");
    wait_for_file_with(&mut harness, &recovery, "Draft.");
    press(&mut harness, Modifiers::COMMAND, Key::N, 1);
    // The new workspace's verdict scale is asked for first (the default).
    click(&mut harness, "Create");
    assert!(harness.state().unsaved_prompt_open());
    click(&mut harness, "Cancel");
    assert!(recovery.is_file(), "Cancel keeps the recovery file");
    press(&mut harness, Modifiers::COMMAND, Key::N, 1);
    click(&mut harness, "Create");
    click(&mut harness, "Discard changes");
    assert!(!recovery.exists(), "Discard removes it");
}

#[test]
fn autosave_waits_for_the_interval_and_writes_only_changed_revisions() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_workspace(dir.path());
    let recovery = recovery_path(&path);
    let mut harness = start(Some(&path), dir.path());
    harness.state_mut().set_autosave_interval(Some(3600.0));
    edit_rationale(&mut harness, 0, "Not yet.");
    harness.run_steps(5);
    std::thread::sleep(Duration::from_millis(50));
    harness.run_steps(2);
    assert!(!recovery.exists(), "an hour has not passed");
    assert!(harness.try_run().is_ok(), "waiting does not repaint");
    harness.state_mut().set_autosave_interval(Some(0.0));
    wait_for_file_with(&mut harness, &recovery, "Not yet.");
    // The same revision is not written again.
    std::fs::remove_file(&recovery).unwrap();
    harness.run_steps(5);
    std::thread::sleep(Duration::from_millis(50));
    harness.run_steps(2);
    assert!(!recovery.exists(), "nothing new to write");
    edit_rationale(&mut harness, 0, "Now a new revision.");
    wait_for_file_with(&mut harness, &recovery, "Now a new revision.");
}

#[test]
fn untitled_work_is_recovered_from_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("recovery");
    let settings = dir.path().join("settings.ron");
    let ctx = egui::Context::default();
    let mut app = FactbenchApp::launch_in(
        &ctx,
        None,
        Some(settings.clone()),
        Some(folder.clone()),
        Box::new(ScriptedPicker::default()),
    );
    app.set_autosave_interval(Some(0.0));
    let mut harness = crate::support::harness(app);
    assert_eq!(harness.state().document().path(), None, "the sample");
    edit_rationale(&mut harness, 2, "Untitled but precious.");
    let file = harness.state().recovery_file().unwrap();
    assert!(file.starts_with(&folder));
    wait_for_file_with(&mut harness, &file, "Untitled but precious.");
    let edited = harness.state().workspace().clone();
    drop(harness);

    assert_eq!(untitled_recoveries(&folder).len(), 1);
    let target = dir.path().join("rescued.ron");
    let ctx = egui::Context::default();
    let mut app = FactbenchApp::launch_in(
        &ctx,
        None,
        Some(settings),
        Some(folder.clone()),
        Box::new(ScriptedPicker::answering([Some(target.clone())])),
    );
    app.set_autosave_interval(Some(0.0));
    let mut harness = crate::support::harness(app);
    assert!(harness.state().recovery_offered());
    click(&mut harness, "Show differences");
    harness.get_by_label_contains("It holds 1 article(s), 14 claim(s)");
    click(&mut harness, "Restore unsaved changes");
    assert_eq!(harness.state().workspace(), &edited);
    assert!(harness.state().document().is_dirty());
    assert_eq!(harness.state().document().path(), None);
    assert_eq!(harness.state().recovery_file(), Some(file.clone()));
    // Saving it somewhere removes the untitled recovery file.
    press(&mut harness, Modifiers::COMMAND, Key::S, 1);
    harness.run_steps(3);
    assert!(target.is_file());
    assert!(!file.exists(), "saved: the untitled recovery file is gone");
    assert!(untitled_recoveries(&folder).is_empty());
}

#[test]
fn an_unreadable_recovery_file_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_workspace(dir.path());
    let recovery = recovery_path(&path);
    std::fs::write(&recovery, "// Factbench recovery file of: xi.ron\n(garbage").unwrap();
    let harness = start(Some(&path), dir.path());
    assert!(!harness.state().recovery_offered());
    let (title, message) = harness.state().errors().next().expect("an error").clone();
    assert_eq!(title, "Could not read unsaved work");
    assert!(
        message.contains(&recovery.display().to_string()),
        "{message}"
    );
    assert!(recovery.is_file(), "left on disk");
    // Editing the workspace moves it aside rather than writing over it.
    let mut harness = harness;
    click(&mut harness, "OK");
    edit_rationale(&mut harness, 0, "New work.");
    wait_for_file_with(&mut harness, &recovery, "New work.");
    let aside = factbench::ui::set_aside_path(&recovery);
    assert_eq!(
        std::fs::read_to_string(aside).unwrap(),
        "// Factbench recovery file of: xi.ron\n(garbage"
    );
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_workspace(dir.path());
    let mut harness = start(Some(&path), dir.path());
    edit_rationale(&mut harness, 0, "Mine.");
    // A colleague's version arrives behind the window's back.
    let mut theirs = sample_workspace();
    theirs.title = "Their version".into();
    store::save(&path, &theirs).unwrap();

    press(&mut harness, Modifiers::COMMAND, Key::S, 1);
    assert!(harness.state().disk_changed_prompt_open());
    assert_eq!(store::load(&path).unwrap().workspace.title, "Their version");
    click(&mut harness, "Cancel");
    assert!(!harness.state().disk_changed_prompt_open());
    assert_eq!(store::load(&path).unwrap().workspace.title, "Their version");
    assert!(harness.state().document().is_dirty());

    press(&mut harness, Modifiers::COMMAND, Key::S, 1);
    click(&mut harness, "Overwrite");
    let saved = store::load(&path).unwrap().workspace;
    assert_eq!(saved.title, sample_workspace().title);
    let edited = first_drafts(&saved)[0];
    assert_eq!(saved.claim(edited).unwrap().rationale, "Mine.");
    assert!(!harness.state().document().is_dirty());
    // Saved again: no question, since nobody changed it since.
    edit_rationale(&mut harness, 0, "Mine, again.");
    press(&mut harness, Modifiers::COMMAND, Key::S, 1);
    assert!(!harness.state().disk_changed_prompt_open());
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn reload_discards_local_changes_only_when_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_workspace(dir.path());
    let recovery = recovery_path(&path);
    let mut harness = start(Some(&path), dir.path());
    edit_rationale(&mut harness, 0, "Mine.");
    wait_for_file_with(&mut harness, &recovery, "Mine.");
    let mut theirs = sample_workspace();
    theirs.title = "Their version".into();
    store::save(&path, &theirs).unwrap();
    press(&mut harness, Modifiers::COMMAND, Key::S, 1);
    click(&mut harness, "Reload (discard my changes)");
    assert_eq!(harness.state().workspace().title, "Their version");
    assert!(!harness.state().document().is_dirty());
    assert!(
        !recovery.exists(),
        "my discarded changes are not offered back"
    );
    assert!(!harness.state().recovery_offered());
}

fn set_focus(harness: &mut Harness<'static, FactbenchApp>, focused: bool) {
    harness.input_mut().focused = focused;
    harness.run_steps(3);
}

#[test]
fn regaining_focus_offers_to_reload_a_file_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_workspace(dir.path());
    let mut harness = start(Some(&path), dir.path());
    set_focus(&mut harness, false);
    set_focus(&mut harness, true);
    assert!(!harness.state().reload_offer_open(), "nothing changed");

    set_focus(&mut harness, false);
    let mut theirs = sample_workspace();
    theirs.title = "Their version".into();
    store::save(&path, &theirs).unwrap();
    set_focus(&mut harness, true);
    assert!(harness.state().reload_offer_open());
    click(&mut harness, "Keep mine");
    assert_eq!(harness.state().workspace().title, sample_workspace().title);
    set_focus(&mut harness, false);
    set_focus(&mut harness, true);
    assert!(
        !harness.state().reload_offer_open(),
        "not asked again about the same version"
    );

    theirs.title = "Their second version".into();
    store::save(&path, &theirs).unwrap();
    set_focus(&mut harness, false);
    set_focus(&mut harness, true);
    click(&mut harness, "Reload");
    assert_eq!(harness.state().workspace().title, "Their second version");
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn with_unsaved_changes_regaining_focus_does_not_offer_a_reload() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_workspace(dir.path());
    let mut harness = start(Some(&path), dir.path());
    edit_rationale(&mut harness, 0, "Mine.");
    set_focus(&mut harness, false);
    let mut theirs = sample_workspace();
    theirs.title = "Their version".into();
    store::save(&path, &theirs).unwrap();
    set_focus(&mut harness, true);
    assert!(!harness.state().reload_offer_open());
    assert!(harness.state().document().is_dirty(), "my changes are kept");
    // Their change is still noticed when saving.
    press(&mut harness, Modifiers::COMMAND, Key::S, 1);
    assert!(harness.state().disk_changed_prompt_open());
}

#[test]
fn the_panic_slot_holds_the_last_autosave_while_there_are_unsaved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_workspace(dir.path());
    let recovery = recovery_path(&path);
    let mut harness = start(Some(&path), dir.path());
    let slot = harness.state().panic_slot();
    assert!(slot.lock().unwrap().is_none());
    edit_rationale(&mut harness, 0, "In the slot.");
    wait_for_file_with(&mut harness, &recovery, "In the slot.");
    let (target, text) = slot.lock().unwrap().clone().expect("the last autosave");
    assert_eq!(target, recovery);
    assert!(text.contains("In the slot."));
    press(&mut harness, Modifiers::COMMAND, Key::S, 1);
    assert!(slot.lock().unwrap().is_none(), "saved: nothing to rescue");
}

#[test]
fn the_interval_comes_from_preferences_and_waits_without_repainting() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_workspace(dir.path());
    let recovery = recovery_path(&path);
    let mut harness = start(Some(&path), dir.path());
    harness.state_mut().set_autosave_interval(None);
    harness.state_mut().settings_mut().autosave_secs = 10;
    harness.get_by_label("View").click();
    harness.run_steps(2);
    click(&mut harness, "Preferences…");
    let field = harness.get_by_label("Autosave interval in seconds");
    assert_eq!(field.value().as_deref(), Some("10"));
    edit_rationale(&mut harness, 0, "After ten seconds.");
    let settled = harness.try_run().expect("waiting does not repaint");
    // Five seconds of frames (the harness steps a quarter second): not yet.
    assert!(settled < 20, "{settled} steps to settle");
    harness.run_steps(20 - settled as usize);
    std::thread::sleep(Duration::from_millis(50));
    harness.run_steps(1);
    assert!(!recovery.exists(), "written before the interval passed");
    // Six more seconds of frames: written.
    harness.run_steps(24);
    wait_for_file_with(&mut harness, &recovery, "After ten seconds.");
}

#[test]
fn work_is_offered_back_even_when_the_workspace_file_is_broken() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_workspace(dir.path());
    let recovery = recovery_path(&path);
    let mut harness = start(Some(&path), dir.path());
    edit_rationale(&mut harness, 0, "Outlives the file.");
    wait_for_file_with(&mut harness, &recovery, "Outlives the file.");
    let edited = harness.state().workspace().clone();
    drop(harness);
    std::fs::write(&path, "(truncated by a bad sync").unwrap();
    let mut harness = start(Some(&path), dir.path());
    let (title, _) = harness.state().errors().next().expect("an error").clone();
    assert_eq!(title, "Could not open the workspace");
    assert!(harness.state().recovery_offered());
    click(&mut harness, "OK");
    click(&mut harness, "Show differences");
    harness.get_by_label_contains("The saved file could not be read");
    click(&mut harness, "Restore unsaved changes");
    assert_eq!(harness.state().workspace(), &edited);
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    press(&mut harness, Modifiers::COMMAND, Key::S, 1);
    assert_eq!(store::load(&path).unwrap().workspace.claims, edited.claims);
    assert!(!recovery.exists());
}
