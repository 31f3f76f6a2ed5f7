//! Recovery files, changes on disk and size bounds: the library half of
//! "never lose a fact-checker's work".

use factbench::model::{Source, SourceKind};
use factbench::sample::sample_workspace;
use factbench::store::recovery::{
    differences, discard_recovery, pending_recovery, read_recovery, recovery_path, recovery_text,
    untitled_recoveries, untitled_recovery_path, write_recovery,
};
use factbench::store::{self, DiskChange, LoadError};
use std::fs;
use std::time::{Duration, SystemTime};

#[test]
fn recovery_file_sits_beside_the_workspace_as_a_hidden_file() {
    let path = std::path::Path::new("/work/cases/xi.ron");
    assert_eq!(
        recovery_path(path),
        std::path::Path::new("/work/cases/.xi.ron.recovery")
    );
}

#[test]
fn unsaved_work_round_trips_through_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let ws_path = dir.path().join("xi.ron");
    let saved = sample_workspace();
    store::save(&ws_path, &saved).unwrap();
    assert_eq!(pending_recovery(&ws_path), None);

    let mut edited = saved.clone();
    edited.claims[0]
        .rationale
        .push_str(" Confirmed by the Kremlin's own readout.");
    edited.claims[1].verdict = Some("mostly-true".into());
    edited.claims.remove(2);
    let mut added = edited.claims[0].clone();
    added.id = factbench::ClaimId::new();
    edited.claims.push(added);
    edited.sources.push(Source::new(
        "Customs data",
        "https://data.example.org/customs",
        SourceKind::Dataset,
    ));

    let recovery = recovery_path(&ws_path);
    write_recovery(&recovery, &recovery_text(&edited, Some(&ws_path)).unwrap()).unwrap();
    let pending = pending_recovery(&ws_path).expect("a recovery newer than the workspace");
    assert_eq!(pending.path, recovery);

    let (restored, owner) = read_recovery(&recovery).unwrap();
    assert_eq!(restored, edited);
    assert_eq!(owner.as_deref(), Some(ws_path.as_path()));

    let diff = differences(&saved, &restored);
    assert_eq!(
        (diff.claims_added, diff.claims_changed, diff.claims_removed),
        (1, 2, 1)
    );
    assert_eq!(
        (diff.sources_added, diff.articles_added, diff.other_changes),
        (1, 0, false)
    );
    assert_eq!(
        diff.describe(),
        "1 claim(s) added, 2 claim(s) changed, 1 claim(s) deleted, 1 source(s) added"
    );

    discard_recovery(&recovery).unwrap();
    assert_eq!(pending_recovery(&ws_path), None);
    discard_recovery(&recovery).unwrap();
}

#[test]
fn a_recovery_older_than_the_workspace_is_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let ws_path = dir.path().join("ws.ron");
    let recovery = recovery_path(&ws_path);
    write_recovery(
        &recovery,
        &recovery_text(&sample_workspace(), Some(&ws_path)).unwrap(),
    )
    .unwrap();
    store::save(&ws_path, &sample_workspace()).unwrap();
    let later = SystemTime::now() + Duration::from_secs(60);
    fs::File::options()
        .write(true)
        .open(&ws_path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert_eq!(pending_recovery(&ws_path), None);
}

#[test]
fn untitled_work_is_listed_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = sample_workspace();
    first.title = "First".into();
    let older = untitled_recovery_path(dir.path(), "a");
    write_recovery(&older, &recovery_text(&first, None).unwrap()).unwrap();
    fs::File::options()
        .write(true)
        .open(&older)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(600))
        .unwrap();
    let newer = untitled_recovery_path(dir.path(), "b");
    write_recovery(&newer, &recovery_text(&sample_workspace(), None).unwrap()).unwrap();
    fs::write(dir.path().join("notes.txt"), "not a recovery").unwrap();
    let found = untitled_recoveries(dir.path());
    assert_eq!(
        found.iter().map(|r| r.path.clone()).collect::<Vec<_>>(),
        vec![newer, older.clone()]
    );
    let (workspace, owner) = read_recovery(&older).unwrap();
    assert_eq!((workspace.title.as_str(), owner), ("First", None));
    assert!(untitled_recoveries(&dir.path().join("missing")).is_empty());
}

#[test]
fn changes_on_disk_are_noticed_and_touches_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.ron");
    let state = store::save_with_state(&path, &sample_workspace()).unwrap();
    assert_eq!(
        state.compare_with_disk(&path).unwrap(),
        DiskChange::Unchanged
    );
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.disk.unwrap().hash, state.hash);

    let later = SystemTime::now() + Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert_eq!(
        state.compare_with_disk(&path).unwrap(),
        DiskChange::Unchanged,
        "only the time moved"
    );

    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replacen("Victory Day visit", "Victory Day trip!", 1);
    assert_eq!(
        edited.len(),
        text.len(),
        "same size: only the contents can tell"
    );
    fs::write(&path, edited).unwrap();
    assert_eq!(
        state.compare_with_disk(&path).unwrap(),
        DiskChange::Modified
    );

    fs::remove_file(&path).unwrap();
    assert_eq!(state.compare_with_disk(&path).unwrap(), DiskChange::Deleted);
}

#[test]
fn a_500_mb_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = fs::File::create(&path).unwrap();
    file.set_len(500 * 1024 * 1024).unwrap();
    let error = store::load(&path).unwrap_err();
    assert!(matches!(error, LoadError::TooLarge { size, .. } if size == 500 * 1024 * 1024));
    assert!(
        error
            .to_string()
            .contains("huge.ron: is 524288000 bytes; Factbench opens workspace files of up to"),
        "{error}"
    );
}

#[test]
fn deeply_nested_values_are_refused_by_depth() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested.ron");
    let nested = format!(
        "Workspace(format_version: 1, title: \"t\", description: {}",
        "[".repeat(100_000)
    );
    fs::write(&path, nested).unwrap();
    let error = store::load(&path).unwrap_err();
    assert!(
        matches!(error, LoadError::Syntax { line: 1, .. }),
        "{error}"
    );
}
