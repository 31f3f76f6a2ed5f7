//! The workspace file: round trips, stable bytes, migrations, load errors
//! that name the file and the place, and atomic saves that fail safely.

mod fresh_home;

use factbench::model::{FORMAT_VERSION, Workspace};
use factbench::sample::{generated_workspace, sample_workspace};
use factbench::store::{self, LoadError, backup_path};
use std::fs;
use std::path::{Path, PathBuf};

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn load_error(dir: &Path, name: &str, bytes: &[u8]) -> (PathBuf, LoadError) {
    let path = write(dir, name, bytes);
    let error = store::load(&path).expect_err("the file must not load");
    (path, error)
}

fn sample_text() -> String {
    store::to_ron(&sample_workspace()).unwrap()
}

#[test]
fn save_then_load_gives_an_equal_workspace_and_identical_bytes() {
    let dir = temp_dir();
    for workspace in [sample_workspace(), generated_workspace(2, 5_000, 120)] {
        let path = dir.path().join("round.ron");
        store::save(&path, &workspace).unwrap();
        let first = fs::read(&path).unwrap();
        let loaded = store::load(&path).unwrap();
        assert_eq!(loaded.workspace, workspace);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        store::save(&path, &loaded.workspace).unwrap();
        assert_eq!(
            fs::read(&path).unwrap(),
            first,
            "saving again changed the bytes"
        );
    }
}

#[test]
fn file_starts_with_format_version_and_uses_unix_line_ends() {
    let text = sample_text();
    assert!(
        text.starts_with(&format!(
            "Workspace(\n    format_version: {FORMAT_VERSION},\n"
        )),
        "{}",
        &text[..80]
    );
    assert!(!text.contains('\r'));
    assert!(text.ends_with(")\n"));
}

#[test]
fn long_texts_are_written_as_multi_line_strings() {
    let mut workspace = sample_workspace();
    workspace.claims[0].rationale =
        "First line.\nSecond line with \"quotes\" and a \\ backslash.".into();
    let text = store::to_ron(&workspace).unwrap();
    assert!(
        text.contains("First line.\nSecond line with \"quotes\" and a \\ backslash."),
        "rationale was escaped"
    );
    let back = store::parse(&text, Path::new("x.ron")).unwrap().workspace;
    assert_eq!(back, workspace);
}

#[test]
fn a_one_word_edit_is_a_one_line_diff() {
    let mut workspace = sample_workspace();
    let before = store::to_ron(&workspace).unwrap();
    let article = &mut workspace.articles[0];
    article.text = article.text.replacen("underscores", "highlights", 1);
    let after = store::to_ron(&workspace).unwrap();
    let changed = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed, 1);
}

#[test]
fn version_zero_file_is_migrated() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v0-workspace.ron");
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.migrated_from, Some(0));
    let ws = &loaded.workspace;
    assert_eq!(ws.format_version, FORMAT_VERSION);
    assert_eq!(ws.title, "Старый файл: проверка");
    assert_eq!(ws.publisher.name, "Example Fact-Check Desk");
    assert_eq!(ws.methodology, "");
    assert_eq!(ws.claims[0].anchor.exact, "посетит Москву 7–10 мая");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let resaved = store::to_ron(ws).unwrap();
    assert!(resaved.contains(&format!("format_version: {FORMAT_VERSION},")));
    assert!(resaved.contains("title: \"Старый файл: проверка\""));
}

#[test]
fn version_one_file_is_migrated_with_no_versions_and_no_orphans() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1-workspace.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("Workspace(\n    format_version: 1,\n"));
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    let ws = &loaded.workspace;
    assert_eq!(ws.format_version, FORMAT_VERSION);
    assert_eq!(ws.title, "Xi Jinping's Victory Day visit to Moscow");
    assert_eq!(ws.claims.len(), 14);
    assert!(
        ws.articles
            .iter()
            .all(|a| a.versions.is_empty() && a.source.is_empty())
    );
    assert!(ws.claims.iter().all(|c| !c.is_orphaned()));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    // Apart from the new fields, it is the sample as version 2 saved it.
    let v2 = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2-workspace.ron");
    assert_eq!(ws, &store::load(&v2).unwrap().workspace);
    let resaved = store::to_ron(ws).unwrap();
    assert!(resaved.contains("            versions: [],\n"));
    assert!(resaved.contains("            orphaned: None,\n"));
}

#[test]
fn version_two_file_opens_as_drafts_with_its_drafting_changes_kept_internal() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2-workspace.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("Workspace(\n    format_version: 2,\n"));
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.migrated_from, Some(2));
    let ws = &loaded.workspace;
    assert_eq!(ws.format_version, FORMAT_VERSION);
    assert_eq!(ws.claims.len(), 14);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    for claim in &ws.claims {
        assert!(!claim.is_published() && claim.first_published().is_none());
        assert_eq!(claim.claimant_kind, factbench::model::ClaimantKind::Person);
        assert!(claim.reviews.is_empty() && claim.corrections.is_empty());
        assert_eq!(claim.internal_note, "");
    }
    assert!(ws.articles.iter().all(|a| !a.publish_full_text));
    let resaved = store::to_ron(ws).unwrap();
    assert!(resaved.contains(&format!("format_version: {FORMAT_VERSION},")));
    assert!(resaved.contains("            publish_full_text: false,\n"));
    assert!(resaved.contains("            publication: [],\n"));

    // A version 2 "correction" was a verdict change while drafting: it is
    // kept as an internal note, never as a public correction.
    let with_drafting = text.replacen(
        "corrections: [],",
        "corrections: [\n                Correction(\n                    date: \"2026-11-28T05:00:00Z\",\n                    note: \"Verdict changed from “Mixed” to “True”.\",\n                ),\n            ],",
        1,
    );
    let migrated = store::parse(&with_drafting, &path).unwrap().workspace;
    let first = &migrated.claims[0];
    assert!(first.corrections.is_empty());
    assert!(
        first
            .internal_note
            .contains("2026-11-28T05:00:00Z: Verdict changed from “Mixed” to “True”.")
    );
}

#[test]
fn missing_file_is_named() {
    let dir = temp_dir();
    let path = dir.path().join("nowhere.ron");
    let error = store::load(&path).unwrap_err();
    assert!(matches!(error, LoadError::NotFound { .. }));
    assert_eq!(
        error.to_string(),
        format!("{}: no such file", path.display())
    );
}

#[test]
fn a_folder_is_not_a_workspace() {
    let dir = temp_dir();
    let error = store::load(dir.path()).unwrap_err();
    assert!(matches!(error, LoadError::IsDirectory { .. }));
    assert!(
        error
            .to_string()
            .starts_with(&dir.path().display().to_string())
    );
    assert!(error.to_string().contains("is a folder"));
}

#[test]
fn empty_file_says_so() {
    let dir = temp_dir();
    for bytes in [&b""[..], b"  \n\t\n"] {
        let (path, error) = load_error(dir.path(), "empty.ron", bytes);
        assert!(matches!(error, LoadError::Empty { .. }));
        assert_eq!(
            error.to_string(),
            format!(
                "{}: the file is empty; a workspace file starts with `Workspace(format_version: …`",
                path.display()
            )
        );
    }
}

#[test]
fn invalid_utf8_names_line_and_column() {
    let dir = temp_dir();
    let mut bytes = b"Workspace(\n    format_version: 1,\n    title: \"ab".to_vec();
    bytes.push(0xff);
    let (path, error) = load_error(dir.path(), "latin.ron", &bytes);
    assert_eq!(error.position(), Some((3, 15)));
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("{}:3:15:", path.display())),
        "{message}"
    );
    assert!(message.contains("not valid UTF-8"), "{message}");
}

#[test]
fn truncated_file_names_the_place_and_says_it_ends_early() {
    let dir = temp_dir();
    let text = sample_text();
    let cut = text.char_indices().nth(text.chars().count() / 2).unwrap().0;
    let (path, error) = load_error(dir.path(), "cut.ron", &text.as_bytes()[..cut]);
    let message = error.to_string();
    assert!(matches!(error, LoadError::Syntax { .. }), "{message}");
    let (line, _) = error.position().unwrap();
    assert!(line > 100, "line {line}");
    assert!(
        message.starts_with(&format!("{}:{line}:", path.display())),
        "{message}"
    );
    assert!(message.contains("truncated"), "{message}");
}

#[test]
fn wrong_type_names_the_place_and_what_was_expected() {
    let dir = temp_dir();
    let text = sample_text().replacen(
        "title: \"Xi Jinping's Victory Day visit to Moscow\",",
        "title: 42,",
        1,
    );
    let (path, error) = load_error(dir.path(), "type.ron", text.as_bytes());
    let message = error.to_string();
    assert_eq!(error.position().map(|p| p.0), Some(3), "{message}");
    assert!(
        message.starts_with(&format!("{}:3:", path.display())),
        "{message}"
    );
    assert!(message.to_lowercase().contains("expected"), "{message}");
    assert!(message.contains("string"), "{message}");
}

#[test]
fn unknown_field_is_an_error_naming_it() {
    let dir = temp_dir();
    let text = sample_text().replacen(
        "    description:",
        "    colour_scheme: \"dark\",\n    description:",
        1,
    );
    let (path, error) = load_error(dir.path(), "unknown.ron", text.as_bytes());
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("{}:4:", path.display())),
        "{message}"
    );
    assert!(message.contains("colour_scheme"), "{message}");
}

#[test]
fn newer_version_is_refused_naming_the_version_needed() {
    let dir = temp_dir();
    let text = sample_text()
        .replacen(
            &format!("format_version: {FORMAT_VERSION},"),
            &format!("format_version: {},", FORMAT_VERSION + 1),
            1,
        )
        .replacen(
            "    description:",
            "    future_field: true,\n    description:",
            1,
        );
    let (path, error) = load_error(dir.path(), "future.ron", text.as_bytes());
    assert!(matches!(error, LoadError::NewerVersion { found, .. } if found == FORMAT_VERSION + 1));
    let message = error.to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(
        message.contains(&format!("format version {}", FORMAT_VERSION + 1)),
        "{message}"
    );
    assert!(
        message.contains(&format!("up to {FORMAT_VERSION}")),
        "{message}"
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let dir = temp_dir();
    let text = format!(
        "Workspace(format_version: 1, title: {}",
        "(".repeat(100_000)
    );
    let (_, error) = load_error(dir.path(), "deep.ron", text.as_bytes());
    assert!(matches!(error, LoadError::Syntax { .. }), "{error}");
}

#[test]
fn problems_are_reported_but_the_workspace_loads() {
    let dir = temp_dir();
    let mut workspace = sample_workspace();
    workspace.claims[0].anchor.exact = "something else".into();
    workspace.claims[1].verdict = Some("pants-on-fire".into());
    workspace.claims[2].anchor.end = 1_000_000;
    let path = dir.path().join("problems.ron");
    store::save(&path, &workspace).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.workspace, workspace);
    let ids: Vec<_> = loaded.problems.iter().filter_map(|p| p.claim()).collect();
    assert_eq!(
        ids,
        vec![
            workspace.claims[0].id,
            workspace.claims[1].id,
            workspace.claims[2].id
        ]
    );
}

#[test]
fn every_invariant_is_checked() {
    use factbench::model::{ArticleId, Problem, SourceId};
    let mut ws = sample_workspace();
    ws.claims[3].article = ArticleId::new();
    let missing_source = SourceId::new();
    ws.claims[4].evidence[0].source = missing_source;
    let dup_claim = ws.claims[5].clone();
    ws.claims.push(dup_claim.clone());
    ws.sources.push(ws.sources[0].clone());
    ws.articles.push(ws.articles[0].clone());
    ws.claims[6].anchor.start = ws.claims[6].anchor.end + 1;
    let problems = ws.problems();
    let has = |pred: &dyn Fn(&Problem) -> bool| problems.iter().any(pred);
    assert!(has(
        &|p| matches!(p, Problem::MissingArticle { claim, .. } if *claim == ws.claims[3].id)
    ));
    assert!(has(
        &|p| matches!(p, Problem::MissingSource { cited, .. } if *cited == missing_source)
    ));
    assert!(has(
        &|p| matches!(p, Problem::DuplicateClaimId { id } if *id == dup_claim.id)
    ));
    assert!(has(&|p| matches!(p, Problem::DuplicateSourceId { .. })));
    assert!(has(&|p| matches!(p, Problem::DuplicateArticleId { .. })));
    assert!(has(
        &|p| matches!(p, Problem::BadAnchor { claim, .. } if *claim == ws.claims[6].id)
    ));

    let mut empty = Workspace::new("empty scale");
    empty.scale.verdicts.clear();
    assert_eq!(empty.problems(), vec![Problem::EmptyScale]);
}

#[test]
fn save_into_a_missing_folder_fails_and_says_so() {
    let dir = temp_dir();
    let path = dir.path().join("no/such/folder/ws.ron");
    let error = store::save(&path, &sample_workspace()).unwrap_err();
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("folder does not exist"), "{message}");
    assert!(!path.exists());
}

#[test]
fn save_over_a_folder_fails_and_leaves_it_alone() {
    let dir = temp_dir();
    let path = dir.path().join("ws.ron");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("inside.txt"), "keep me").unwrap();
    let error = store::save(&path, &sample_workspace()).unwrap_err();
    assert!(error.to_string().contains("is a folder"), "{error}");
    assert_eq!(
        fs::read_to_string(path.join("inside.txt")).unwrap(),
        "keep me"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn failed_temporary_write_leaves_the_old_file_byte_for_byte() {
    // A full disk, simulated: RLIMIT_FSIZE makes writes past 64 KiB fail with
    // EFBIG, as root too (SIGXFSZ ignored). A child process carries the limit.
    let dir = temp_dir();
    let path = dir.path().join("ws.ron");
    store::save(&path, &sample_workspace()).unwrap();
    let before = fs::read(&path).unwrap();
    let article = write(
        dir.path(),
        "big.txt",
        "Большая статья.\n".repeat(10_000).as_bytes(),
    );
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 128; exec \"$0\" import --into \"$1\" \"$2\"")
        .arg(env!("CARGO_BIN_EXE_factbench"))
        .arg(&path)
        .arg(&article)
        .envs(fresh_home::variables())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(!status.status.success(), "{stderr}");
    assert!(
        stderr.contains("could not write the temporary file"),
        "{stderr}"
    );
    assert!(stderr.contains("unchanged"), "{stderr}");
    assert_eq!(fs::read(&path).unwrap(), before);
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn save_keeps_the_previous_version_as_bak() {
    let dir = temp_dir();
    let path = dir.path().join("ws.ron");
    let mut workspace = sample_workspace();
    store::save(&path, &workspace).unwrap();
    let first = fs::read(&path).unwrap();
    assert!(!backup_path(&path).exists());
    workspace.title = "Second version".into();
    store::save(&path, &workspace).unwrap();
    assert_eq!(fs::read(backup_path(&path)).unwrap(), first);
    assert_eq!(
        store::load(&path).unwrap().workspace.title,
        "Second version"
    );
    assert_eq!(backup_path(&path).file_name().unwrap(), "ws.ron.bak");
}

#[test]
fn version_three_file_is_migrated_with_no_conflicts() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v3-workspace.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("Workspace(\n    format_version: 3,\n"));
    assert!(!text.contains("conflicts"));
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.migrated_from, Some(3));
    let ws = &loaded.workspace;
    assert_eq!(ws.format_version, FORMAT_VERSION);
    assert!(ws.conflicts.is_empty());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    // Version 3 was the sample as issue 11 left it: publication state and all.
    assert_eq!(ws, &factbench::sample::sample_workspace());
    assert!(ws.claims.iter().filter(|c| c.is_published()).count() == 8);
    let resaved = store::to_ron(ws).unwrap();
    assert!(resaved.ends_with("    conflicts: [],\n)\n"));
}

#[test]
fn version_two_file_is_migrated_with_no_conflicts() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2-workspace.ron");
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.migrated_from, Some(2));
    assert_eq!(loaded.workspace.format_version, FORMAT_VERSION);
    assert!(loaded.workspace.conflicts.is_empty());
}

/// A text quoting a git conflict block, as an article about a merge might.
const QUOTED_CONFLICT: &str = "The diff showed:\n<<<<<<< HEAD\nПривет, 世界 👋🏽 e\u{301}\n=======\nthe other side\n>>>>>>> feature\nand that was all.";

fn lines_starting_with_a_marker(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| {
            ["<<<<<<<", "=======", ">>>>>>>", "|||||||"]
                .iter()
                .any(|m| line.starts_with(m))
        })
        .collect()
}

#[test]
fn a_text_quoting_a_conflict_block_is_written_with_no_marker_at_the_start_of_a_line() {
    let mut workspace = sample_workspace();
    workspace.articles[0].text = QUOTED_CONFLICT.into();
    workspace.claims[0].rationale = format!("He wrote \"{QUOTED_CONFLICT}\" \\ and\n||||||| base");
    workspace.sources[0].notes = "plain\n=======".into();
    let text = store::to_ron(&workspace).unwrap();
    assert_eq!(lines_starting_with_a_marker(&text), Vec::<&str>::new());
    let dir = temp_dir();
    let path = write(dir.path(), "quoting.ron", text.as_bytes());
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.workspace, workspace, "the texts read back unchanged");
    assert_eq!(store::to_ron(&loaded.workspace).unwrap(), text);
    // Only the marker lines changed; the rest of each text is line for line.
    assert!(text.contains("\nthe other side\n"), "{text}");
}

#[test]
fn an_older_file_quoting_a_conflict_block_at_the_start_of_lines_opens() {
    let mut workspace = sample_workspace();
    workspace.articles[0].text = QUOTED_CONFLICT.into();
    // Earlier versions wrote the lines as they were.
    let old = store::to_ron(&workspace)
        .unwrap()
        .replace("\\u{3c}", "<")
        .replace("\\u{3d}", "=")
        .replace("\\u{3e}", ">");
    assert_eq!(lines_starting_with_a_marker(&old).len(), 3);
    let dir = temp_dir();
    let path = write(dir.path(), "old.ron", old.as_bytes());
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.workspace.articles[0].text, QUOTED_CONFLICT);
}

#[test]
fn a_file_git_left_conflicted_is_still_told_as_conflict_markers() {
    let marked = sample_text().replacen(
        "    title:",
        "<<<<<<< HEAD\n    title: \"a\",\n=======\n    title: \"b\",\n>>>>>>> theirs\n    title:",
        1,
    );
    let dir = temp_dir();
    let (_, error) = load_error(dir.path(), "marked.ron", marked.as_bytes());
    assert!(
        matches!(error, LoadError::ConflictMarkers { line: 3, .. }),
        "{error}"
    );
}

#[test]
fn version_four_file_is_migrated_giving_each_citation_a_stable_id() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v4-workspace.ron");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("Workspace(\n    format_version: 4,\n"));
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.migrated_from, Some(4));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let ws = &loaded.workspace;
    assert_eq!(ws.format_version, FORMAT_VERSION);
    // Version 4 was the sample as issue 19 found it; its citations get the
    // ids their claim, source and order give, which the sample now holds.
    assert_eq!(ws, &sample_workspace());
    let ids: Vec<_> = ws
        .claims
        .iter()
        .flat_map(|c| c.evidence.iter().map(|e| e.id))
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    assert!(ids.len() >= 10);
    // Reading the old file again gives the same ids.
    assert_eq!(store::load(&path).unwrap().workspace, *ws);
    assert_eq!(
        store::to_ron(ws).unwrap(),
        factbench::sample::SAMPLE_WORKSPACE_RON,
        "the bundled sample is the version 4 file migrated and saved"
    );
}

#[test]
fn a_version_four_conflict_on_a_citation_names_its_migrated_id() {
    use factbench::model::{ConflictItem, EvidenceId};
    let ws = sample_workspace();
    let claim = ws.claims.iter().find(|c| !c.evidence.is_empty()).unwrap();
    let source = claim.evidence[0].source;
    let conflicts = format!(
        "    conflicts: [\n        Conflict(\n            item: Evidence(\n                claim: \"{}\",\n                source: \"{source}\",\n            ),\n            field: \"\",\n            base: Some(\"{{\\\"source\\\":\\\"{source}\\\",\\\"stance\\\":\\\"Supports\\\",\\\"excerpt\\\":\\\"\\\",\\\"note\\\":\\\"\\\"}}\"),\n            ours: None,\n            theirs: None,\n        ),\n    ],\n)\n",
        claim.id
    );
    let v4 = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v4-workspace.ron"),
    )
    .unwrap()
    .replace("    conflicts: [],\n)\n", &conflicts);
    let dir = temp_dir();
    let loaded = store::load(&write(dir.path(), "v4.ron", v4.as_bytes())).unwrap();
    let conflict = &loaded.workspace.conflicts[0];
    let id = EvidenceId::migrated(claim.id, source, 1);
    assert_eq!(id, claim.evidence[0].id);
    assert_eq!(
        conflict.item,
        ConflictItem::Evidence {
            claim: claim.id,
            evidence: id
        }
    );
    let base: serde_json::Value = serde_json::from_str(conflict.base.as_deref().unwrap()).unwrap();
    assert_eq!(base["id"], id.to_string());
}

#[test]
fn version_five_file_opens_as_todays_sample() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v5-workspace.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("Workspace(\n    format_version: 5,\n"));
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.migrated_from, Some(5));
    assert_eq!(loaded.workspace, sample_workspace());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

#[test]
fn version_four_and_five_corrections_become_recorded_verdict_changes() {
    for fixture in ["v4-workspace.ron", "v5-workspace.ron"] {
        corrections_of_an_older_version_become_recorded_verdict_changes(fixture);
    }
}

fn corrections_of_an_older_version_become_recorded_verdict_changes(fixture: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(fixture);
    let text = std::fs::read_to_string(&path).unwrap();
    let correction = |old: &str, new: &str, note: &str| {
        format!(
            "                Correction(\n                    date: \"2026-11-28T05:00:00Z\",\n                    note: \"{note}\",\n                    old_verdict: {old},\n                    new_verdict: {new},\n                    by: \"Олег\",\n                ),\n"
        )
    };
    let with_corrections = text.replacen(
        "corrections: [],",
        &format!(
            "corrections: [\n{}{}{}            ],",
            correction("Some(\"mixed\")", "Some(\"false\")", "Новые данные 海关"),
            correction("Some(\"false\")", "Some(\"false\")", "Rationale reworded"),
            correction("None", "Some(\"true\")", "Rated 👍"),
        ),
        1,
    );
    let ws = store::parse(&with_corrections, &path).unwrap().workspace;
    let corrections = &ws.claims[0].corrections;
    assert_eq!(corrections.len(), 3);
    assert_eq!(
        corrections[0].verdict_change(),
        Some((Some("mixed"), Some("false")))
    );
    assert_eq!(corrections[0].note, "Новые данные 海关");
    assert_eq!(corrections[0].by, "Олег");
    assert!(
        corrections[1].changes.is_empty(),
        "the same key: no field recorded"
    );
    assert_eq!(corrections[2].verdict_change(), Some((None, Some("true"))));
    let resaved = store::to_ron(&ws).unwrap();
    assert!(resaved.contains("field: Verdict,"));
    assert!(!resaved.contains("old_verdict"));
    assert_eq!(store::parse(&resaved, &path).unwrap().workspace, ws);
}
