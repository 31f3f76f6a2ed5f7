//! The page model (issue 24, step b; format 11): a PDF or Word article
//! keeps where each page starts, beside its text as a transcript keeps its
//! cues; a claim's `location` (pages and their labels) is derived from its
//! char span — on page 1, on a later page, across a page break; updates
//! replace the pages with the text (the old version keeps its own); edits
//! in place move them and undo puts them back; `check` finds broken page
//! starts; a merge takes the side that changed them.
//!
//! The PDF is `tests/fixtures/pdf/japanese-and-two-column.pdf`: a page of
//! Japanese (pdf.js `issue16063.pdf`) and two pages of a two-column LaTeX
//! article (py-pdf sample files), joined by pypdf (see the README there).

mod fresh_home;

use factbench::edit::{ArticleUpdate, Command as Edit, Document};
use factbench::merge::merge;
use factbench::model::{FORMAT_VERSION, PageStart, Workspace};
use factbench::store;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

const JAPANESE: &str = "絶縁電線に該当しないと解釈し";
const ACROSS: &str = "１．２ ケーブル関係 Two-Column Document with Lorem Ipsum";
const PAGE_TWO: &str = "This is a sample document with two columns";
const PAGE_THREE: &str = "lacus vel est. Curabitur consectetuer";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = fresh_home::factbench().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}\nstdout: {out}\nstderr: {err}");
    out
}

/// A workspace with the three-page PDF imported, and its path as text.
fn imported(dir: &Path) -> (PathBuf, String) {
    let ws = dir.join("report.ron");
    let p = ws.to_str().unwrap().to_owned();
    let pdf = fixture("pdf/japanese-and-two-column.pdf");
    let out = ok(&["import", pdf.to_str().unwrap(), "--into", &p]);
    assert!(out.contains("PDF, 3 pages"), "{out}");
    (ws, p)
}

fn mark(p: &str, quote: &str) -> Value {
    serde_json::from_str(&ok(&["mark", p, "--quote", quote, "--json"])).unwrap()
}

fn pages_of(location: &Value) -> (u64, u64, String, String) {
    (
        location["page"].as_u64().unwrap(),
        location["end_page"].as_u64().unwrap(),
        location["page_label"].as_str().unwrap().to_owned(),
        location["end_page_label"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn an_imported_pdf_keeps_its_pages_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, _) = imported(dir.path());
    let text = fs::read_to_string(&ws).unwrap();
    assert!(text.contains(&format!("format_version: {FORMAT_VERSION},")));
    assert_eq!(text.matches("PageStart(").count(), 3);
    let article = &store::load(&ws).unwrap().workspace.articles[0];
    let starts: Vec<usize> = article.pages.iter().map(|p| p.start).collect();
    let chars: Vec<char> = article.text.chars().collect();
    // Page 2 starts at the LaTeX article's title, after the blank line
    // that ends the Japanese page.
    let second: String = chars[starts[1]..].iter().take(10).collect();
    assert_eq!(second, "Two-Column");
    assert_eq!(&chars[starts[1] - 2..starts[1]], ['\n', '\n']);
    assert_eq!(starts[0], 0);
    assert!(starts[2] > starts[1] && starts[2] < chars.len());
    assert!(factbench::model::page_faults(&article.pages, chars.len()).is_empty());
}

#[test]
fn quotes_land_on_their_page_and_across_a_page_break() {
    let dir = tempfile::tempdir().unwrap();
    let (_, p) = imported(dir.path());
    let first = mark(&p, JAPANESE);
    assert_eq!(pages_of(&first["location"]), (1, 1, "1".into(), "1".into()));
    let second = mark(&p, PAGE_TWO);
    assert_eq!(
        pages_of(&second["location"]),
        (2, 2, "2".into(), "2".into())
    );
    let third = mark(&p, PAGE_THREE);
    assert_eq!(pages_of(&third["location"]), (3, 3, "3".into(), "3".into()));
    // Pasted with a space where the article has the blank line between
    // the pages; the quote keeps the article's text.
    let across = mark(&p, ACROSS);
    assert_eq!(
        pages_of(&across["location"]),
        (1, 2, "1".into(), "2".into())
    );
    assert!(
        across["exact"]
            .as_str()
            .unwrap()
            .contains("ケーブル関係\n\nTwo-Column"),
        "{across}"
    );
    let listed: Vec<Value> = ok(&["claims", &p, "--json"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let pages: Vec<_> = listed.iter().map(|c| pages_of(&c["location"]).0).collect();
    let mut sorted = pages.clone();
    sorted.sort();
    assert_eq!(sorted, [1, 1, 2, 3]);
}

#[test]
fn a_version_ten_file_opens_without_pages_and_is_saved_as_today() {
    let path = fixture("v10-workspace.ron");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("Workspace(\n    format_version: 10,\n"));
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.migrated_from, Some(10));
    assert_eq!(
        FORMAT_VERSION, 12,
        "11 added page starts; 12 public claim numbers"
    );
    let ws = &loaded.workspace;
    assert_eq!((ws.articles.len(), ws.claims.len()), (1, 3));
    assert!(ws.articles[0].pages.is_empty());
    assert_eq!(ws.articles[0].location(0, 5), None);
    // Today's writer writes the same text but the version (and the
    // public numbers format 12 gives published claims on opening).
    let today: String = store::to_ron(ws)
        .unwrap()
        .lines()
        .filter(|line| !line.trim_start().starts_with("public_number:"))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_eq!(
        today.replacen("format_version: 12,", "format_version: 10,", 1),
        text
    );
    // Its claims have no location until the article gets its pages back
    // from the PDF, through an update.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("old.ron");
    fs::copy(&path, &copy).unwrap();
    let p = copy.to_str().unwrap();
    let before: Value =
        serde_json::from_str(ok(&["claims", p, "--json"]).lines().nth(1).unwrap()).unwrap();
    assert!(before["location"].is_null());
    let pdf = fixture("pdf/two-column-latex.pdf");
    ok(&["update", p, pdf.to_str().unwrap()]);
    let after: Vec<Value> = ok(&["claims", p, "--json"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let across = after
        .iter()
        .find(|c| c["statement"] == "Across the first page break")
        .unwrap();
    assert_eq!(
        pages_of(&across["location"]),
        (1, 2, "1".into(), "2".into())
    );
    let updated = store::load(&copy).unwrap().workspace;
    assert_eq!(updated.articles[0].pages.len(), 3);
    assert!(updated.articles[0].versions[0].pages.is_empty());
}

fn pages(starts: &[usize]) -> Vec<PageStart> {
    starts
        .iter()
        .enumerate()
        .map(|(i, &start)| PageStart {
            page: i + 1,
            label: format!("{}", i + 12),
            start,
        })
        .collect()
}

/// A paged article of three pages: `Страница один.` / `第二页。` / `Page 3.`
fn paged() -> Workspace {
    let mut ws = Workspace::new("t");
    let mut article =
        factbench::model::Article::new("Отчёт", "Страница один.\n\n第二页。\n\nPage three.");
    article.pages = pages(&[0, 16, 22]);
    ws.articles.push(article);
    ws
}

#[test]
fn an_update_replaces_the_pages_and_the_old_version_keeps_its_own() {
    let mut doc = Document::new(paged(), None);
    let id = doc.workspace().articles[0].id;
    let newer = "Вступление.\n\nСтраница один.\n\n第二页。\n\nPage three.";
    let update = ArticleUpdate::prepare(doc.workspace(), id, newer.into(), "v2.pdf", None)
        .unwrap()
        .with_pages(pages(&[0, 13, 29, 35]));
    doc.execute(update.into_command(), 0.0).unwrap();
    let article = &doc.workspace().articles[0];
    assert_eq!(article.pages, pages(&[0, 13, 29, 35]));
    assert_eq!(article.versions[0].pages, pages(&[0, 16, 22]));
    // "第二页" is on the third page now, its label "14".
    assert_eq!(article.location(29, 32).unwrap().label(), "p. 14");
    doc.undo();
    assert_eq!(doc.workspace().articles[0].pages, pages(&[0, 16, 22]));
    assert!(doc.workspace().articles[0].versions.is_empty());
}

#[test]
fn an_edit_in_place_moves_the_later_pages_and_undo_puts_them_back() {
    let mut doc = Document::new(paged(), None);
    let article = doc.workspace().articles[0].id;
    let command = Edit::EditArticleText {
        article,
        start: 9,
        end: 9,
        text: "номер ".into(),
    };
    doc.execute(command, 0.0).unwrap();
    let a = &doc.workspace().articles[0];
    assert_eq!(a.text, "Страница номер один.\n\n第二页。\n\nPage three.");
    assert_eq!(
        a.pages.iter().map(|p| p.start).collect::<Vec<_>>(),
        [0, 22, 28]
    );
    let second: String = a.text.chars().skip(22).take(4).collect();
    assert_eq!(second, "第二页。");
    doc.undo();
    assert_eq!(doc.workspace().articles[0].pages, pages(&[0, 16, 22]));
}

#[test]
fn check_finds_page_starts_out_of_order_or_past_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let mut ws = paged();
    ws.articles[0].pages = pages(&[0, 20, 10, 400]);
    store::save(&path, &ws).unwrap();
    let (code, out, _) = run(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("page 3 starts before the page ahead of it"),
        "{out}"
    );
    assert!(
        out.contains("page 4 starts at char 400, past the end of the text"),
        "{out}"
    );
    ws.articles[0].pages = pages(&[0, 16, 22]);
    store::save(&path, &ws).unwrap();
    ok(&["check", path.to_str().unwrap()]);
}

#[test]
fn a_merge_takes_the_pages_of_the_side_that_changed_them() {
    let base = paged();
    let id = base.articles[0].id;
    let mut ours = base.clone();
    ours.articles[0].notes = "Read by the desk.".into();
    let mut theirs = base.clone();
    let mut doc = Document::new(theirs.clone(), None);
    let update = ArticleUpdate::prepare(
        doc.workspace(),
        id,
        "Ввод.\n\nСтраница один.\n\n第二页。\n\nPage three.".into(),
        "v2.pdf",
        None,
    )
    .unwrap()
    .with_pages(pages(&[0, 7, 23, 29]));
    doc.execute(update.into_command(), 0.0).unwrap();
    theirs = doc.workspace().clone();
    let merged = merge(base.clone(), ours.clone(), theirs).unwrap();
    assert_eq!(merged.new_conflicts, 0, "{:?}", merged.workspace.conflicts);
    let article = &merged.workspace.articles[0];
    assert_eq!(article.notes, "Read by the desk.");
    assert!(article.text.starts_with("Ввод."));
    assert_eq!(article.pages, pages(&[0, 7, 23, 29]));
    assert_eq!(article.location(23, 27).unwrap().label(), "p. 14");
    assert_eq!(article.versions.len(), 1);
    assert_eq!(article.versions[0].pages, pages(&[0, 16, 22]));
    // Both sides moving the pages differently is a conflict, ours kept.
    ours.articles[0].pages = pages(&[0, 15, 22]);
    let mut other = base.clone();
    other.articles[0].pages = pages(&[0, 16, 21]);
    let merged = merge(base, ours, other).unwrap();
    assert_eq!(merged.new_conflicts, 1);
    assert_eq!(merged.workspace.conflicts[0].field, "pages");
    assert_eq!(merged.workspace.articles[0].pages, pages(&[0, 15, 22]));
}
