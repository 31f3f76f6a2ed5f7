//! The panic safety net: a panic anywhere writes the last autosaved work to
//! its recovery file before the process goes. Alone in its own test binary,
//! since a panic hook is process-wide.

#![cfg(feature = "gui")]

use factbench::sample::sample_workspace;
use factbench::store::recovery::{pending_recovery, read_recovery, recovery_path, recovery_text};
use factbench::ui::install_panic_hook;
use std::sync::{Arc, Mutex};

#[test]
fn a_panic_writes_the_last_autosave_to_its_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let ws_path = dir.path().join("xi.ron");
    factbench::store::save(&ws_path, &sample_workspace()).unwrap();
    let mut edited = sample_workspace();
    edited.claims[0].rationale = "Written by the panic hook.".into();
    let recovery = recovery_path(&ws_path);
    let text = recovery_text(&edited, Some(&ws_path)).unwrap();
    let slot = Arc::new(Mutex::new(None));
    install_panic_hook(slot.clone());

    // Nothing unsaved: a panic writes nothing.
    assert!(
        std::thread::spawn(|| panic!("test panic, nothing unsaved"))
            .join()
            .is_err()
    );
    assert!(!recovery.exists());

    *slot.lock().unwrap() = Some((recovery.clone(), text));
    assert!(
        std::thread::spawn(|| panic!("test panic, work unsaved"))
            .join()
            .is_err()
    );
    assert_eq!(pending_recovery(&ws_path).unwrap().path, recovery);
    let (restored, owner) = read_recovery(&recovery).unwrap();
    assert_eq!(restored, edited);
    assert_eq!(owner.as_deref(), Some(ws_path.as_path()));
}
