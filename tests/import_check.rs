//! `factbench import-check`: the Check export fixtures of
//! `tests/fixtures/check-export` (made by its `make_fixtures.py`, in the
//! layout of Check's own export code; see `docs/import-check.md`) become
//! one workspace per Check workspace, with claims, verdicts, published
//! dates, fact-check URLs, tags and annotations kept; an unmapped status
//! stops the import with the suggested `--map` list; nothing is ever
//! overwritten; bad ZIPs are refused naming the file inside; and the claim
//! library finds the imported checks.

mod fresh_home;

use factbench::model::{PublicationAction, Workspace};
use factbench::store;
use serde_json::Value;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

const MAP: [&str; 8] = [
    "--map",
    "False=false",
    "--map",
    "Verified=true",
    "--map",
    "In Progress=none",
    "--map",
    "زائف=false",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check-export")
        .join(name)
}

/// Exit code, standard output and standard error of `import-check EXPORT --into DIR ARGS`.
fn import(export: &Path, into: &Path, args: &[&str]) -> (i32, String, String) {
    let out = fresh_home::factbench()
        .arg("import-check")
        .arg(export)
        .arg("--into")
        .arg(into)
        .args(args)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn load(path: &Path) -> Workspace {
    store::load(path).unwrap().workspace
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

#[test]
fn each_check_workspace_becomes_a_workspace_with_its_checks() {
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("imported");
    let (code, out, err) = import(&fixture("two-workspaces.zip"), &into, &MAP);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        files_in(&into),
        ["Beijing-Desk.ron", "cairo-desk.ron", "newsroom-kyiv.ron"]
    );
    assert_eq!(out.lines().count(), 3, "{out}");

    let kyiv = load(&into.join("newsroom-kyiv.ron"));
    assert_eq!(kyiv.title, "newsroom-kyiv");
    let drones = kyiv
        .claims
        .iter()
        .find(|c| c.statement == "Китай поставляет России ударные дроны")
        .unwrap();
    assert_eq!(drones.verdict.as_deref(), Some("false"));
    assert!(drones.is_published());
    assert_eq!(
        drones.first_published().unwrap().to_string(),
        "2026-03-04T12:00:00Z"
    );
    assert_eq!(drones.created.to_string(), "2026-03-02T09:15:00Z");
    assert_eq!(drones.tags, ["дроны", "Китай 🇨🇳"]);
    assert!(
        drones
            .rationale
            .starts_with("Нет: поставки не подтверждены")
    );
    assert!(
        drones
            .internal_note
            .contains("Source checked: Yes, ministry statement")
    );
    assert!(drones.internal_note.contains("Location: Київ"));
    assert!(drones.internal_note.contains("Created by: Олена Коваль"));
    let cited = kyiv.source(drones.evidence[0].source).unwrap();
    assert_eq!(cited.url, "https://factcheck.example.org/uk/drones");
    let article = kyiv.article(drones.article).unwrap();
    assert_eq!(
        article.url,
        "https://checkmedia.org/newsroom-kyiv/media/101"
    );
    assert_eq!(article.published.unwrap().to_string(), "2026-03-01");

    // A quoted field with a comma, quotes and a newline is one claim.
    let prices = kyiv
        .claims
        .iter()
        .find(|c| {
            c.statement
                .starts_with("Prices rose 40%, says the minister")
        })
        .unwrap();
    assert_eq!(
        prices.statement,
        "Prices rose 40%, says the minister, \"in one year\"\nSecond line of the claim"
    );
    assert_eq!(prices.verdict.as_deref(), Some("true"));

    // In progress: unrated, not published, its status kept.
    let schools = kyiv
        .claims
        .iter()
        .find(|c| c.statement == "Мэр закрыл все школы 🏫")
        .unwrap();
    assert_eq!(schools.verdict, None);
    assert!(!schools.is_published());
    assert_eq!(schools.status, factbench::model::Status::InProgress);

    // The unpublished fact-check no item matches is a claim of its own;
    // the explainer of the articles list is a source.
    let sanctions = kyiv
        .claims
        .iter()
        .find(|c| c.statement == "Санкции: шестнадцатый пакет")
        .unwrap();
    assert!(!sanctions.is_published());
    assert!(
        kyiv.sources
            .iter()
            .any(|s| s.title == "How we check drone claims"
                && s.url == "https://factcheck.example.org/explainers/drones")
    );
}

#[test]
fn the_workspace_data_task_and_a_feed_view_are_read_too() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = import(&fixture("two-workspaces.zip"), dir.path(), &MAP);
    assert_eq!(code, 0, "{err}");
    let cairo = load(&dir.path().join("cairo-desk.ron"));
    let bread = &cairo.claims[0];
    assert_eq!(bread.statement, "الحكومة رفعت أسعار الخبز بنسبة ٥٠٪");
    assert_eq!(bread.verdict.as_deref(), Some("false"));
    assert_eq!(bread.tags, ["اقتصاد", "خبز"]);
    assert!(bread.internal_note.contains("Media: Shares: 15"));
    assert!(bread.internal_note.contains("Reviewed by: Ahmed"));

    let beijing = load(&dir.path().join("Beijing-Desk.ron"));
    let schools = &beijing.claims[0];
    assert_eq!(schools.statement, "某市全部学校已停课");
    assert_eq!(schools.verdict.as_deref(), Some("false"));
    let published = schools.publication.last().unwrap();
    assert_eq!(published.action, PublicationAction::Published);
    assert_eq!(published.date.to_string(), "2026-04-01T00:00:00Z");
    let source = beijing.source(schools.evidence[0].source).unwrap();
    assert_eq!(source.url, "https://factcheck.example.org/zh/schools");
    assert_eq!(source.published.unwrap().to_string(), "2026-04-01");
}

#[test]
fn every_imported_workspace_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = import(&fixture("two-workspaces.zip"), dir.path(), &MAP);
    assert_eq!(code, 0, "{err}");
    let out = fresh_home::factbench()
        .arg("check")
        .args(files_in(dir.path()).iter().map(|f| dir.path().join(f)))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(text.matches(": ok").count(), 3, "{text}");
}

#[test]
fn json_lists_each_workspace_written_with_its_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = MAP.to_vec();
    args.push("--json");
    let (code, out, err) = import(&fixture("two-workspaces.zip"), dir.path(), &args);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kyiv = lines
        .iter()
        .find(|l| l["workspace"] == "newsroom-kyiv")
        .unwrap();
    assert!(
        kyiv["file"]
            .as_str()
            .unwrap()
            .ends_with("newsroom-kyiv.ron")
    );
    assert_eq!(kyiv["items"], 3);
    assert_eq!(kyiv["fact_checks"], 2);
    assert_eq!(kyiv["explainers"], 1);
    assert_eq!(kyiv["claims"], 4);
    assert_eq!(kyiv["published"], 2);
    assert_eq!(kyiv["sources"], 3);
    let beijing = lines
        .iter()
        .find(|l| l["workspace"] == "Beijing Desk")
        .unwrap();
    assert_eq!(beijing["published"], 2);
}

#[test]
fn unknown_columns_and_other_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = import(&fixture("two-workspaces.zip"), dir.path(), &MAP);
    assert_eq!(code, 0, "{err}");
    let warning = err
        .lines()
        .find(|l| l.contains("newsroom-kyiv/items.csv") && l.contains("not in Check's item export"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(warning.contains("Source checked, Location"), "{warning}");
    assert!(err.contains("not read, not CSV: README.txt"), "{err}");
}

#[test]
fn an_unmapped_status_stops_the_import_with_a_complete_suggested_map() {
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("out");
    let (code, out, err) = import(
        &fixture("two-workspaces.zip"),
        &into,
        &["--map", "Verified=mostly-true"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("3 Check statuses are not mapped"), "{err}");
    assert!(err.contains("'زائف' (1 record): best guess false"), "{err}");
    let suggested = err
        .lines()
        .find(|l| l.trim_start().starts_with("--map"))
        .unwrap();
    assert_eq!(
        suggested.trim(),
        "--map 'False=false' --map 'Verified=mostly-true' --map 'In Progress=none' --map 'زائف=false'"
    );
    assert!(files_in(&into).is_empty(), "nothing written");
    assert!(!into.exists(), "the folder is not even created");
}

#[test]
fn a_map_to_a_key_not_on_the_scale_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = import(
        &fixture("two-workspaces.zip"),
        dir.path(),
        &["--map", "False=pants-on-fire"],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("\"pants-on-fire\" is not a verdict of the scale"),
        "{err}"
    );
    // On the PolitiFact scale it is one.
    let mut args = vec!["--scale", "politifact", "--map", "False=pants-on-fire"];
    args.extend(&MAP[2..]);
    let (code, _, err) = import(&fixture("two-workspaces.zip"), dir.path(), &args);
    assert_eq!(code, 0, "{err}");
    let kyiv = load(&dir.path().join("newsroom-kyiv.ron"));
    assert_eq!(kyiv.scale.name, "PolitiFact");
    assert!(
        kyiv.claims
            .iter()
            .any(|c| c.verdict.as_deref() == Some("pants-on-fire"))
    );
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("cairo-desk.ron");
    fs::write(&existing, "mine").unwrap();
    let (code, _, err) = import(&fixture("two-workspaces.zip"), dir.path(), &MAP);
    assert_eq!(code, 1);
    assert!(err.contains("cairo-desk.ron exists already"), "{err}");
    assert_eq!(fs::read_to_string(&existing).unwrap(), "mine");
    assert_eq!(
        files_in(dir.path()),
        ["cairo-desk.ron"],
        "nothing else written"
    );
}

#[test]
fn a_zip_that_is_not_a_check_export_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("out");
    let (code, _, err) = import(&fixture("not-check.zip"), &into, &MAP);
    assert_eq!(code, 1);
    assert!(
        err.contains("not-check.zip: not a Meedan Check export"),
        "{err}"
    );
    assert!(err.contains("people.csv"), "{err}");
    assert!(!into.exists());

    let text = dir.path().join("export.zip");
    fs::write(&text, "Claim,Status\n").unwrap();
    let (code, _, err) = import(&text, &into, &MAP);
    assert_eq!(code, 1);
    assert!(err.contains("export.zip: it is not a ZIP file"), "{err}");
}

#[test]
fn a_missing_column_is_named_with_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = import(&fixture("missing-column.zip"), dir.path(), &MAP);
    assert_eq!(code, 1);
    assert!(
        err.contains("items.csv looks like Check's item export but lacks the column Item page URL"),
        "{err}"
    );
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn a_malformed_row_is_named_by_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = import(&fixture("malformed-row.zip"), dir.path(), &MAP);
    assert_eq!(code, 1);
    assert!(
        err.contains("newsroom-kyiv/items.csv line 4: 10 fields where the header has 9"),
        "{err}"
    );
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn a_zip_bomb_is_stopped_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("bomb.zip");
    let mut writer = zip::ZipWriter::new(fs::File::create(&bomb).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    writer.start_file("team/items.csv", options).unwrap();
    writer.write_all(b"Claim,Item page URL,Status\n").unwrap();
    let zeros = vec![b'0'; 1 << 20];
    for _ in 0..(factbench::import::check_export::MAX_CSV_BYTES >> 20) + 1 {
        writer.write_all(&zeros).unwrap();
    }
    writer.finish().unwrap();
    assert!(fs::metadata(&bomb).unwrap().len() < 1 << 20, "a small file");
    let into = dir.path().join("out");
    let (code, _, err) = import(&bomb, &into, &MAP);
    assert_eq!(code, 1);
    assert!(
        err.contains("team/items.csv unpacks to more than 64 MB"),
        "{err}"
    );
    assert!(!into.exists());
}

#[test]
fn the_claim_library_finds_the_imported_checks() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("library");
    let (code, _, err) = import(&fixture("two-workspaces.zip"), &folder, &MAP);
    assert_eq!(code, 0, "{err}");
    let cache = tempfile::tempdir().unwrap();
    let out = fresh_home::factbench()
        .args([
            "similar",
            "Китай поставляет России ударные дроны",
            "--json",
            "--top",
            "3",
            "--in",
        ])
        .arg(&folder)
        .arg("--index-dir")
        .arg(cache.path())
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let first: Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap()).unwrap();
    assert!(
        first["workspace"]
            .as_str()
            .unwrap()
            .ends_with("newsroom-kyiv.ron"),
        "{first}"
    );
    assert_eq!(first["statement"], "Китай поставляет России ударные дроны");
    assert_eq!(first["verdict"], "false");
    assert_eq!(first["external"], false);
}
