//! Format 8 (media claims): a version 7 file opens unchanged but for its
//! version; a claim about media survives a save and reads back; a text
//! claim writes no `media` field, so files without media claims look as
//! they did.

use factbench::model::{Claim, FORMAT_VERSION, MediaKind, MediaTarget, Problem, Workspace};
use factbench::sample::sample_workspace;
use factbench::store;
use std::path::Path;

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v7-workspace.ron")
}

#[test]
fn version_seven_file_opens_as_todays_sample() {
    // The fixture is the sample as version 7 wrote it.
    let text = std::fs::read_to_string(fixture()).unwrap();
    assert!(text.starts_with("Workspace(\n    format_version: 7,\n"));
    assert!(text.contains("media_url: None"), "a version 7 file");
    let loaded = store::load(&fixture()).unwrap();
    assert_eq!(loaded.migrated_from, Some(7));
    assert_eq!(
        FORMAT_VERSION, 12,
        "8 added media claims; 9 snapshots; 10 protected sources; 11 page starts; 12 public claim numbers"
    );
    assert_eq!(loaded.workspace.format_version, FORMAT_VERSION);
    assert_eq!(loaded.workspace, sample_workspace());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

fn with_media_claim() -> (Workspace, MediaTarget) {
    let mut ws = sample_workspace();
    let target = MediaTarget {
        url: "https://example.org/parade.mp4".into(),
        kind: MediaKind::Video,
        start_s: Some(723.0),
        end_s: Some(739.5),
    };
    let article = ws.articles[0].id;
    ws.claims
        .push(Claim::on_media(article, target.clone(), "Outlet"));
    (ws, target)
}

#[test]
fn a_media_claim_survives_a_save_and_text_claims_write_no_media_field() {
    let plain = store::to_ron(&sample_workspace()).unwrap();
    assert!(!plain.contains("media:"), "no media field for text claims");
    let (ws, target) = with_media_claim();
    let text = store::to_ron(&ws).unwrap();
    assert!(text.contains("media: Some(MediaTarget(\n"), "{text}");
    assert!(text.contains("kind: Video,"));
    assert!(text.contains("start_s: Some(723.0),"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("media.ron");
    store::save(&path, &ws).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.workspace, ws);
    assert_eq!(loaded.workspace.claims.last().unwrap().media, Some(target));
    // The empty anchor of a media claim is no broken quote.
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

#[test]
fn a_bad_media_target_is_a_problem_with_a_clear_message() {
    let (mut ws, _) = with_media_claim();
    let claim = ws.claims.last_mut().unwrap();
    claim.media.as_mut().unwrap().kind = MediaKind::Image;
    let id = claim.id;
    let problems = ws.problems();
    assert!(
        matches!(problems.as_slice(), [Problem::BadMedia { claim, .. }] if *claim == id),
        "{problems:?}"
    );
    let message = problems[0].to_string();
    assert!(
        message.contains("is about media: an image has no time range"),
        "{message}"
    );
    let claim = ws.claims.last_mut().unwrap();
    claim.media = Some(MediaTarget::whole(
        "ftp://example.org/a.jpg",
        MediaKind::Image,
    ));
    let message = ws.problems()[0].to_string();
    assert!(
        message.contains("\"ftp://example.org/a.jpg\" is not an http"),
        "{message}"
    );
    // The window's index agrees with the full check.
    let index = factbench::model::ProblemIndex::new(&ws);
    assert_eq!(index.problems(&ws).len(), 1);
}
