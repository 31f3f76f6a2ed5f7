//! `factbench update` and `factbench list`, run as a user would: a newer
//! version replaces the article's text, the old one is kept, every claim is
//! followed and the workspace is saved once; a refused file changes nothing.

mod fresh_home;

use assert_cmd::Command;
use factbench::anchor::find_quote;
use factbench::model::{Article, Claim, Workspace};
use factbench::store;
use std::fs;
use std::path::{Path, PathBuf};

const OLD: &str = "Власти сообщили, что эвакуированы 2450 жителей 🇺🇦.\n\nМост закрыт до понедельника.\n\n两国贸易额增长了百分之十二。";
const NEW: &str = "ОБНОВЛЕНО: уточнено число эвакуированных.\n\nВласти сообщили, что эвакуированы 2448 жителей 🇺🇦.\n\n两国贸易额增长了百分之十二。";
const QUOTES: [&str; 3] = [
    "эвакуированы 2450 жителей 🇺🇦",
    "Мост закрыт до понедельника",
    "两国贸易额增长了百分之十二",
];

fn factbench() -> Command {
    fresh_home::factbench()
}

fn output_of(command: &mut Command) -> (i32, String, String) {
    let out = command.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A saved workspace with one article (or two) and a claim on each quote.
fn workspace_in(dir: &Path, articles: usize) -> (PathBuf, Workspace) {
    let mut ws = Workspace::new("Эвакуация");
    for n in 0..articles {
        let article = Article::new(format!("Статья {}", n + 1), OLD);
        for quote in QUOTES {
            let anchor = find_quote(OLD, quote, 0).unwrap();
            ws.claims.push(Claim::new(article.id, anchor, "Outlet"));
        }
        ws.articles.push(article);
    }
    let path = dir.join("evacuation.ron");
    store::save(&path, &ws).unwrap();
    (path, ws)
}

fn new_version(dir: &Path) -> PathBuf {
    let path = dir.join("evacuation-v2.txt");
    fs::write(&path, format!("Статья 1\n\n{NEW}\n")).unwrap();
    path
}

#[test]
fn update_replaces_the_text_keeps_the_old_one_and_follows_the_claims() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before) = workspace_in(dir.path(), 1);
    let (code, out, err) = output_of(
        factbench()
            .arg("update")
            .arg(&path)
            .arg(new_version(dir.path())),
    );
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out, "0 unchanged, 1 moved, 1 edited, 1 orphaned\n");
    let after = store::load(&path).unwrap().workspace;
    let article = &after.articles[0];
    assert_eq!(article.text, NEW);
    assert_eq!(article.source, "evacuation-v2.txt");
    assert_eq!(article.versions.len(), 1);
    assert_eq!(article.versions[0].text, OLD);
    assert!(article.retrieved.is_some());
    assert_eq!(after.claims[0].anchor.exact, "эвакуированы 2448 жителей 🇺🇦");
    assert!(after.claims[1].is_orphaned());
    assert_eq!(
        after.claims[1].anchor, before.claims[1].anchor,
        "an orphan keeps its anchor"
    );
    assert_eq!(after.claims[1].verdict, before.claims[1].verdict);
    assert!(
        store::backup_path(&path).exists(),
        "saved atomically with a .bak"
    );
    // `check` lists the orphan as an orphan, not as a bad anchor.
    let (code, out, _) = output_of(factbench().arg("check").arg(&path));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("is orphaned"), "{out}");
    assert!(!out.contains("does not match"), "{out}");
}

#[test]
fn json_prints_one_object_per_claim_with_char_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ws) = workspace_in(dir.path(), 1);
    let (code, out, err) = output_of(
        factbench()
            .arg("update")
            .arg(&path)
            .arg(new_version(dir.path()))
            .arg("--json"),
    );
    assert_eq!(code, 0, "{out}{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["claim"], ws.claims[0].id.to_string());
    assert_eq!(lines[0]["outcome"], "edited");
    assert_eq!(lines[0]["before"]["exact"], QUOTES[0]);
    let want = find_quote(NEW, "эвакуированы 2448 жителей 🇺🇦", 0).unwrap();
    assert_eq!(lines[0]["after"]["start"], want.start);
    assert_eq!(lines[0]["after"]["end"], want.end);
    assert_eq!(lines[1]["outcome"], "orphaned");
    assert!(lines[1]["after"].is_null());
    assert_eq!(lines[2]["outcome"], "moved");
    for line in &lines {
        let score = line["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score), "{line}");
    }
}

#[test]
fn a_refused_file_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = workspace_in(dir.path(), 1);
    let bytes = fs::read(&path).unwrap();
    let binary = dir.path().join("picture.txt");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    for file in [binary, dir.path().join("missing.txt")] {
        let (code, out, err) = output_of(factbench().arg("update").arg(&path).arg(&file));
        assert_eq!(code, 1, "{out}{err}");
        assert!(err.contains("error:") && err.contains("unchanged"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), bytes);
    }
    // The same text again: nothing to save.
    let same = dir.path().join("same.txt");
    fs::write(&same, format!("Статья 1\n\n{OLD}\n")).unwrap();
    let (code, out, err) = output_of(factbench().arg("update").arg(&path).arg(&same));
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out, "3 unchanged, 0 moved, 0 edited, 0 orphaned\n");
    assert!(err.contains("nothing saved"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn several_articles_need_an_id_which_list_prints() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ws) = workspace_in(dir.path(), 2);
    let bytes = fs::read(&path).unwrap();
    let file = new_version(dir.path());
    let (code, _, err) = output_of(factbench().arg("update").arg(&path).arg(&file));
    assert_eq!(code, 1);
    assert!(
        err.contains("--article") && err.contains(&ws.articles[1].id.to_string()),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), bytes);
    let (code, out, _) = output_of(
        factbench()
            .arg("update")
            .arg(&path)
            .arg(&file)
            .args(["--article", "nope"]),
    );
    assert_eq!(code, 1, "{out}");
    assert_eq!(fs::read(&path).unwrap(), bytes);

    let (code, listed, err) = output_of(factbench().arg("list").arg(&path));
    assert_eq!(code, 0, "{err}");
    let second = ws.articles[1].id.to_string();
    assert_eq!(
        listed.lines().nth(1),
        Some(format!("{second}\tСтатья 2\t3 claims\t0 earlier versions").as_str())
    );
    let (code, out, err) = output_of(
        factbench()
            .arg("update")
            .arg(&path)
            .arg(&file)
            .args(["--article", &second]),
    );
    assert_eq!(code, 0, "{out}{err}");
    let after = store::load(&path).unwrap().workspace;
    assert_eq!(
        after.articles[0].text, OLD,
        "the other article is left alone"
    );
    assert_eq!(after.articles[1].text, NEW);
    let (_, listed, _) = output_of(factbench().arg("list").arg(&path));
    assert!(
        listed.contains("3 claims (1 orphaned)\t1 earlier version\n"),
        "{listed}"
    );
}

#[test]
fn a_version_1_workspace_is_updated_and_saved_as_the_current_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.ron");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1-workspace.ron"),
        &path,
    )
    .unwrap();
    let old = store::load(&path).unwrap();
    assert_eq!(old.migrated_from, Some(1));
    let text = &old.workspace.articles[0].text;
    assert!(text.contains("from May 7 to 10"));
    let file = dir.path().join("v2.txt");
    fs::write(&file, text.replace("from May 7 to 10", "from May 7 to 11")).unwrap();
    let (code, out, err) = output_of(factbench().arg("update").arg(&path).arg(&file));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.ends_with(" 1 edited, 0 orphaned\n"), "{out}");
    let saved = fs::read_to_string(&path).unwrap();
    assert!(saved.starts_with(&format!(
        "Workspace(\n    format_version: {},\n",
        factbench::model::FORMAT_VERSION
    )));
    let after = store::load(&path).unwrap();
    assert_eq!(after.migrated_from, None);
    assert!(after.problems.is_empty(), "{:?}", after.problems);
}
