//! Format 9 (snapshots, custody, anchored excerpts): a version 8 file opens
//! unchanged but for its version; a workspace without snapshots writes
//! none of the new fields; snapshots, custody entries and anchored
//! excerpts survive a save; opening a workspace never reads snapshot
//! bytes; a merge keeps both sides' snapshots and custody entries.

use factbench::evidence::{Request, capture};
use factbench::model::{CustodyEntry, CustodyEvent, FORMAT_VERSION, SourceId, Workspace};
use factbench::sample::sample_workspace;
use factbench::store::{self, snapshots};
use std::path::Path;

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v8-workspace.ron")
}

#[test]
fn version_eight_file_opens_as_todays_sample() {
    let text = std::fs::read_to_string(fixture()).unwrap();
    assert!(text.starts_with("Workspace(\n    format_version: 8,\n"));
    assert!(text.contains("Evidence(") && text.contains("Source("));
    // The fixture is the bundled sample as format 8 saved it (commit
    // 9d4090d, `workspaces/xi-moscow-victory-day.ron`); today's writer,
    // which adds no field to a workspace without snapshots, writes the
    // same but its version.
    let today = store::to_ron(&sample_workspace()).unwrap();
    assert_eq!(
        without_public_numbers(&today).replacen("format_version: 12,", "format_version: 8,", 1),
        text
    );
    let loaded = store::load(&fixture()).unwrap();
    assert_eq!(loaded.migrated_from, Some(8));
    assert_eq!(FORMAT_VERSION, 12);
    assert_eq!(loaded.workspace.format_version, FORMAT_VERSION);
    assert_eq!(loaded.workspace, sample_workspace());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

/// The sample with a text snapshot on its first source, an excerpt of
/// it anchored, and the custody entry of the add; the bytes stored beside
/// `path`.
fn with_snapshot(path: &Path) -> (Workspace, String) {
    let mut ws = sample_workspace();
    let dir = path.parent().unwrap();
    let file = dir.join("statement.txt");
    std::fs::write(
        &file,
        "The ministry said on 9 May: «Мы за мир». 習近平 came.",
    )
    .unwrap();
    let request = Request {
        path: &file,
        url: Some("https://example.org/statement".into()),
        captured: Some("2026-05-09T10:30:00Z".parse().unwrap()),
        by: "Ana".into(),
        source_url: String::new(),
        now: "2026-05-10T00:00:00Z".parse().unwrap(),
    };
    let captured = capture(&request).unwrap();
    let sha = captured.snapshot.sha256.clone();
    snapshots::store_snapshot(path, &sha, &captured.bytes).unwrap();
    let source = ws.sources[0].id;
    ws.sources[0].snapshots.push(captured.snapshot.clone());
    let claim = ws
        .claims
        .iter_mut()
        .find(|c| c.evidence.iter().any(|e| e.source == source));
    if let Some(claim) = claim {
        let evidence = claim
            .evidence
            .iter_mut()
            .find(|e| e.source == source)
            .unwrap();
        evidence.excerpt = "«Мы за мир»".into();
        evidence.anchor = Some(Box::new(factbench::evidence::excerpt::anchor_in(
            &captured.snapshot,
            "«Мы за мир»",
        )));
    }
    ws.custody.push(CustodyEntry::new(
        request.now,
        "Ana",
        source,
        &sha,
        CustodyEvent::Added,
    ));
    (ws, sha)
}

#[test]
fn snapshots_custody_and_anchors_survive_a_save_and_old_files_gain_no_fields() {
    let plain = store::to_ron(&sample_workspace()).unwrap();
    for field in ["snapshots:", "custody:", "anchor: Some(ExcerptAnchor"] {
        assert!(
            !plain.contains(field),
            "{field} in a workspace without snapshots"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.ron");
    let (ws, sha) = with_snapshot(&path);
    store::save(&path, &ws).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(&format!("sha256: \"{sha}\"")), "{text}");
    assert!(text.contains("captured_from: Given"));
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.workspace, ws);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let anchored = loaded
        .workspace
        .claims
        .iter()
        .flat_map(|c| &c.evidence)
        .find_map(|e| e.anchor.as_ref())
        .expect("an anchored excerpt");
    let anchor = anchored.anchor.as_ref().unwrap();
    assert_eq!(anchor.exact, "«Мы за мир»");
    assert_eq!((anchor.start, anchor.end), (28, 39));
}

#[test]
fn opening_a_workspace_never_reads_snapshot_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.ron");
    let (ws, sha) = with_snapshot(&path);
    store::save(&path, &ws).unwrap();
    // The bytes replaced by a folder of that name: any read would fail.
    let file = snapshots::snapshot_path(&path, &sha).unwrap();
    let mut permissions = std::fs::metadata(&file).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&file, permissions).unwrap();
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.workspace, ws);
    assert!(loaded.problems.is_empty());
    // Verify is where a missing file is found: as a finding, not a panic.
    let findings = factbench::evidence::verify(&loaded.workspace, &path);
    assert_eq!(findings[0].label(), "missing");
}

#[test]
fn a_merge_keeps_both_sides_snapshots_and_custody_entries() {
    let dir = tempfile::tempdir().unwrap();
    let base = sample_workspace();
    let add = |ws: &mut Workspace, text: &str, by: &str| {
        let file = dir.path().join(format!("{by}.txt"));
        std::fs::write(&file, text).unwrap();
        let request = Request {
            path: &file,
            url: Some(format!("https://example.org/{by}")),
            captured: None,
            by: by.into(),
            source_url: String::new(),
            now: factbench::model::now(),
        };
        let captured = capture(&request).unwrap();
        let source: SourceId = ws.sources[0].id;
        ws.custody.push(CustodyEntry::new(
            request.now,
            by,
            source,
            &captured.snapshot.sha256,
            CustodyEvent::Added,
        ));
        ws.sources[0].snapshots.push(captured.snapshot);
    };
    let mut ours = base.clone();
    add(&mut ours, "ours says this", "ours");
    let mut theirs = base.clone();
    add(&mut theirs, "theirs says that", "theirs");
    let swapped = factbench::merge::merge(base.clone(), theirs.clone(), ours.clone()).unwrap();
    let merged = factbench::merge::merge(base, ours.clone(), theirs.clone()).unwrap();
    assert_eq!(
        merged.workspace.custody, swapped.workspace.custody,
        "both sides merge to the same log"
    );
    assert_eq!(merged.new_conflicts, 0, "{:?}", merged.workspace.conflicts);
    let snaps = &merged.workspace.sources[0].snapshots;
    assert_eq!(snaps.len(), 2);
    for side in [&ours, &theirs] {
        let sha = &side.sources[0].snapshots[0].sha256;
        assert!(snaps.iter().any(|s| &s.sha256 == sha));
        assert!(merged.workspace.custody.contains(&side.custody[0]));
    }
    assert_eq!(merged.workspace.custody.len(), 2);
}

/// Today's text of the sample without the public numbers format 11 gives
/// its published claims (an older file has none; they are given on opening).
fn without_public_numbers(today: &str) -> String {
    today
        .lines()
        .filter(|line| !line.trim_start().starts_with("public_number:"))
        .map(|line| format!("{line}\n"))
        .collect()
}
