//! The scripting commands run as a desk's scripts run them: `mark` (one
//! quote, or a JSON Lines file), `claims`, `source add`, `sources`, `cite`,
//! `set`, `publish` and `correct`, with quotes in Cyrillic, Chinese, emoji
//! and combining marks, and every refusal leaving the file as it was.

mod fresh_home;

use assert_cmd::Command;
use factbench::edit::{Command as Edit, Document, Outcome};
use factbench::model::{Article, Conflict, ConflictItem, Workspace};
use factbench::store;
use serde_json::Value;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// An article with what pasted quotes trip over: Cyrillic, Chinese, an
/// emoji family, a flag, a combining mark with no precomposed form, a
/// no-break space, curly quotes and a soft hyphen.
const TEXT: &str = "Министр заявил: «экспорт вырос на 38 %» 📈.\n\n\
外交部发言人表示，双边贸易额增长了百分之二十六。\n\n\
A 👩‍👩‍👧 family in Kyiv 🇺🇦 said prices had doubled.\n\n\
The q\u{307}uark report called it \u{201c}completely unfounded\u{201d}; the pre\u{ad}sident\u{a0}agreed.\n\n\
Экспорт вырос снова. Экспорт вырос снова.";

fn factbench() -> Command {
    fresh_home::factbench()
}

/// Exit code, standard output and standard error of `args`.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = factbench().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Like [`run`], with `input` on standard input.
fn run_with_input(args: &[&str], input: &str) -> (i32, String, String) {
    let out = factbench()
        .args(args)
        .write_stdin(input.to_owned())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A saved workspace holding one article with [`TEXT`].
fn workspace(dir: &Path) -> (PathBuf, Workspace) {
    let mut ws = Workspace::new("Проверка");
    let mut article = Article::new("Статья 习近平", TEXT);
    article.outlet = "Вести".into();
    article.url = "https://example.org/статья".into();
    ws.articles.push(article);
    let path = dir.join("desk.ron");
    store::save(&path, &ws).unwrap();
    (path, ws)
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn json_lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn loaded(path: &Path) -> Workspace {
    store::load(path).unwrap().workspace
}

/// The char range of the `nth` (0-based) occurrence of `needle` in `text`.
fn chars_of(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (byte, _) = text.match_indices(needle).nth(nth).unwrap();
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// What the window makes of selecting `start..end` of the first article:
/// the anchor `Command::MarkClaim` gives, through `Document`.
fn window_anchor(ws: &Workspace, start: usize, end: usize) -> factbench::Anchor {
    let mut doc = Document::new(ws.clone(), None);
    let article = ws.articles[0].id;
    let outcome = doc
        .execute(
            Edit::MarkClaim {
                article,
                start,
                end,
            },
            0.0,
        )
        .unwrap();
    let Outcome::Claim(id) = outcome else {
        panic!("{outcome:?}")
    };
    doc.workspace().claim(id).unwrap().anchor.clone()
}

/// Marks `quote` with `--json`; returns the printed claim.
fn mark_json(path: &Path, quote: &str, extra: &[&str]) -> Value {
    let mut args = vec!["mark", path_str(path), "--quote", quote, "--json"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{quote}: {err}");
    let mut lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "{out}");
    lines.remove(0)
}

#[test]
fn mark_in_four_scripts_gives_the_anchor_the_window_makes_and_claims_reads_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before) = workspace(dir.path());
    // (as pasted, as it is in the text: the window's selection)
    let quotes = [
        ("«экспорт вырос на 38 %» 📈.", "«экспорт вырос на 38 %» 📈."),
        (
            "双边贸易额增长了百分之二十六",
            "双边贸易额增长了百分之二十六",
        ),
        ("A 👩‍👩‍👧 family in Kyiv 🇺🇦", "A 👩‍👩‍👧 family in Kyiv 🇺🇦"),
        ("q\u{307}uark report", "q\u{307}uark report"),
        (
            "\"completely unfounded\"; the president agreed",
            "\u{201c}completely unfounded\u{201d}; the pre\u{ad}sident\u{a0}agreed",
        ),
    ];
    let mut marked = Vec::new();
    for (pasted, selected) in quotes {
        let claim = mark_json(&path, pasted, &[]);
        let (start, end) = chars_of(TEXT, selected, 0);
        let window = window_anchor(&before, start, end);
        assert_eq!(claim["start"], window.start, "{pasted}");
        assert_eq!(claim["end"], window.end, "{pasted}");
        assert_eq!(claim["exact"], window.exact.as_str(), "{pasted}");
        marked.push((claim["id"].as_str().unwrap().to_owned(), window));
    }
    assert_eq!(
        marked[0].1.exact, "экспорт вырос на 38 %» 📈",
        "trimmed as the window trims"
    );
    // Read back: the file holds the window's anchors, context included.
    let ws = loaded(&path);
    for (id, window) in &marked {
        let claim = ws.claims.iter().find(|c| c.id.to_string() == *id).unwrap();
        assert_eq!(&claim.anchor, window);
        assert_eq!(claim.statement, window.exact);
        assert_eq!(claim.reported_by, "Вести");
    }
    let (code, out, _) = run(&["claims", path_str(&path), "--json"]);
    assert_eq!(code, 0);
    let listed = json_lines(&out);
    assert_eq!(listed.len(), marked.len());
    let numbers: Vec<u64> = listed
        .iter()
        .map(|c| c["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5], "report order");
    for claim in &listed {
        for field in [
            "id",
            "number",
            "article",
            "article_title",
            "article_url",
            "start",
            "end",
            "exact",
            "statement",
            "claimant",
            "claimant_kind",
            "reported_by",
            "verdict",
            "verdict_label",
            "rationale",
            "status",
            "priority",
            "tags",
            "published",
            "published_at",
            "approved_by",
            "corrections",
            "created",
            "updated",
            "orphaned",
            "location",
            "evidence",
        ] {
            assert!(claim.get(field).is_some(), "{field} missing from {claim}");
        }
        assert_eq!(claim["article_title"], "Статья 习近平");
        assert_eq!(claim["status"], "to-check");
        assert_eq!(claim["verdict"], Value::Null);
        assert_eq!(claim["location"], Value::Null);
    }
}

#[test]
fn mark_sets_the_fields_given_with_the_quote() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = workspace(dir.path());
    let claim = mark_json(
        &path,
        "双边贸易额增长了百分之二十六",
        &[
            "--statement",
            "Торговля выросла на 26 %",
            "--claimant",
            "外交部",
            "--claimant-kind",
            "Organisation",
            "--tag",
            "торговля",
            "--tag",
            "🇨🇳",
            "--verdict",
            "Mostly false",
            "--status",
            "in-progress",
        ],
    );
    assert_eq!(claim["statement"], "Торговля выросла на 26 %");
    assert_eq!(claim["claimant"], "外交部");
    assert_eq!(claim["claimant_kind"], "organization");
    assert_eq!(claim["tags"], serde_json::json!(["торговля", "🇨🇳"]));
    assert_eq!(claim["verdict"], "mostly-false");
    assert_eq!(claim["verdict_label"], "Mostly false");
    assert_eq!(claim["status"], "in-progress");
    // Marking the same span again reports that claim.
    let (code, out, err) = run(&[
        "mark",
        path_str(&path),
        "--quote",
        "双边贸易额增长了百分之二十六",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), claim["id"].as_str().unwrap());
    assert!(err.contains("already marked"), "{err}");
    assert_eq!(loaded(&path).claims.len(), 1);
}

/// Runs `args`, expects exit 1 with `wanted` in the message, and the file
/// byte for byte as it was.
fn refused(path: &Path, args: &[&str], wanted: &[&str]) -> String {
    let before = fs::read(path).unwrap();
    let (code, out, err) = run(args);
    assert_eq!(code, 1, "{args:?}: {out} {err}");
    for w in wanted {
        assert!(err.contains(w), "{args:?}: {w:?} not in {err}");
    }
    assert!(
        err.contains(path.file_name().unwrap().to_str().unwrap()),
        "names the file: {err}"
    );
    assert_eq!(fs::read(path).unwrap(), before, "{args:?} changed the file");
    assert!(!err.contains('\u{1b}'));
    err
}

#[test]
fn mark_refuses_ambiguous_missing_empty_and_split_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = workspace(dir.path());
    let p = path_str(&path);
    let err = refused(
        &path,
        &["mark", p, "--quote", "Экспорт вырос снова"],
        &["occurs 2 times", "--nth", "1: chars", "2: chars"],
    );
    assert_eq!(err.lines().filter(|l| l.contains(": chars ")).count(), 2);
    refused(
        &path,
        &["mark", p, "--quote", "Экспорт вырос снова", "--nth", "3"],
        &["--nth 3", "2 time"],
    );
    refused(
        &path,
        &["mark", p, "--quote", "Экспорт вырос снова", "--nth", "0"],
        &["--nth 0"],
    );
    refused(
        &path,
        &["mark", p, "--quote", "prices had tripled"],
        &["not found", "closest passage", "prices had doubled"],
    );
    refused(&path, &["mark", p, "--quote", ""], &["--quote", "empty"]);
    refused(
        &path,
        &["mark", p, "--quote", " \u{200b}\u{a0}"],
        &["--quote", "empty"],
    );
    refused(&path, &["mark", p, "--quote", "..."], &["--quote"]);
    // "q" alone would cut the q from its combining dot; "👩" a family apart.
    refused(
        &path,
        &["mark", p, "--quote", "The q"],
        &["inside a character"],
    );
    refused(
        &path,
        &["mark", p, "--quote", "A 👩"],
        &["inside a character"],
    );
    refused(
        &path,
        &["mark", p, "--quote", "Kyiv 🇺"],
        &["inside a character"],
    );
    refused(
        &path,
        &["mark", p, "--quote", "экспорт", "--verdict", "ложь"],
        &["--verdict", "mostly-false"],
    );
    refused(
        &path,
        &["mark", p, "--quote", "экспорт", "--status", "🙂"],
        &["--status", "to-check"],
    );
    refused(
        &path,
        &["mark", p, "--quote", "экспорт", "--claimant-kind", "robot"],
        &["--claimant-kind"],
    );
    refused(
        &path,
        &["mark", p, "--quote", "экспорт", "--article", "nope"],
        &["--article", "Статья 习近平"],
    );
    let long = "ы".repeat(200);
    let err = refused(&path, &["mark", p, "--quote", &long], &["not found", "…"]);
    assert!(
        !err.contains(&"ы".repeat(81)),
        "user input is quoted at most 80 chars"
    );
    let missing = dir.path().join("missing.ron");
    let (code, _, err) = run(&["mark", path_str(&missing), "--quote", "x"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no such workspace") && err.contains("missing.ron"),
        "{err}"
    );
    assert!(!missing.exists());
}

#[test]
fn mark_asks_which_article_when_there_are_several() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut ws) = workspace(dir.path());
    let second = Article::new("Вторая 第二", "Экспорт вырос на 12 %.");
    let second_id = second.id.to_string();
    ws.articles.push(second);
    store::save(&path, &ws).unwrap();
    let err = refused(
        &path,
        &["mark", path_str(&path), "--quote", "Экспорт вырос на 12 %"],
        &["2 articles", "--article", &second_id, "Вторая 第二"],
    );
    assert!(err.contains(&ws.articles[0].id.to_string()));
    let first_id = ws.articles[0].id.to_string();
    refused(
        &path,
        &[
            "mark",
            path_str(&path),
            "--quote",
            "Экспорт вырос на 12 %",
            "--article",
            &first_id,
        ],
        &["not found in article", "but found in", &second_id],
    );
    let claim = mark_json(&path, "Экспорт вырос на 12 %", &["--article", &second_id]);
    assert_eq!(claim["article"], second_id.as_str());
    assert_eq!(claim["exact"], "Экспорт вырос на 12 %");
}

#[test]
fn mark_from_a_jsonl_file_keeps_the_good_lines_and_reports_each() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = workspace(dir.path());
    let lines = [
        r#"{"quote": "экспорт вырос на 38 %", "claimant": "Министр", "tags": ["экспорт"]}"#,
        r#"{"quote": "Экспорт вырос снова"}"#,
        r#"{"quote": "Экспорт вырос снова", "nth": 2, "verdict": "false"}"#,
        "",
        "not json at all",
        r#"{"quote": "外交部发言人", "tag": "中国", "status": "Needs review"}"#,
        r#"{"quote": "nothing like it", "article": "x"}"#,
        r#"{"quote": "Kyiv", "colour": "red"}"#,
        r#"{"quote": "экспорт вырос на 38 %"}"#,
    ];
    let file = dir.path().join("quotes.jsonl");
    fs::write(&file, format!("\u{feff}{}", lines.join("\r\n"))).unwrap();
    let (code, out, err) = run(&["mark", path_str(&path), "--from", path_str(&file), "--json"]);
    assert_eq!(code, 1, "some lines failed: {err}");
    let results = json_lines(&out);
    let by_line: Vec<(u64, bool)> = results
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r.get("error").is_none()))
        .collect();
    assert_eq!(
        by_line,
        [
            (1, true),
            (2, false),
            (3, true),
            (5, false),
            (6, true),
            (7, false),
            (8, false),
            (9, true)
        ]
    );
    assert!(
        results[1]["error"]
            .as_str()
            .unwrap()
            .contains("occurs 2 times")
    );
    assert!(results[6]["error"].as_str().unwrap().contains("colour"));
    assert_eq!(results[7]["existing"], true);
    assert_eq!(results[7]["id"], results[0]["id"]);
    let ws = loaded(&path);
    assert_eq!(ws.claims.len(), 3);
    assert_eq!(ws.claims[0].claimant, "Министр");
    assert_eq!(ws.claims[1].verdict.as_deref(), Some("false"));
    assert_eq!(ws.claims[2].tags, ["中国"]);
    // Standard input, plain output.
    let (code, out, err) = run_with_input(
        &["mark", path_str(&path), "--from", "-"],
        "{\"quote\": \"prices had doubled\"}\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("line 1: "), "{out}");
    assert_eq!(loaded(&path).claims.len(), 4);
    refused(
        &path,
        &["mark", path_str(&path), "--from", "/no/such/file.jsonl"],
        &["--from"],
    );
}

#[test]
fn sources_are_added_once_per_address_listed_and_cited() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = workspace(dir.path());
    let p = path_str(&path);
    let claim = mark_json(&path, "экспорт вырос на 38 %", &[]);
    let (code, out, err) = run(&[
        "source",
        "add",
        p,
        "--title",
        "Росстат: экспорт 2025",
        "--url",
        "https://rosstat.example/export",
        "--publisher",
        "Росстат",
        "--kind",
        "dataset",
        "--published",
        "2025-03-01",
    ]);
    assert_eq!(code, 0, "{err}");
    let source = out.trim().to_owned();
    assert_eq!(
        loaded(&path).sources[0].accessed,
        None,
        "as the window adds it"
    );
    let (code, again, err) = run(&[
        "source",
        "add",
        p,
        "--title",
        "Same page",
        "--url",
        "HTTPS://WWW.rosstat.example/export/#t",
    ]);
    assert_eq!(code, 0);
    assert_eq!(again.trim(), source);
    assert!(err.contains("already in the library"), "{err}");
    let (_, json, _) = run(&[
        "source",
        "add",
        p,
        "--title",
        "x",
        "--url",
        "https://rosstat.example/export",
        "--json",
    ]);
    assert_eq!(json_lines(&json)[0]["id"], source.as_str());
    refused(
        &path,
        &["source", "add", p, "--title", "x", "--kind", "rumour"],
        &["--kind", "official-statement"],
    );
    refused(
        &path,
        &["source", "add", p, "--title", "x", "--published", "вчера"],
        &["--published"],
    );
    refused(&path, &["source", "add", p, "--title", " "], &["--title"]);

    let (code, _, err) = run(&[
        "cite",
        p,
        "--claim",
        "1",
        "--source",
        &source,
        "--stance",
        "Refutes",
        "--excerpt",
        "рост 3 % 📉",
    ]);
    assert_eq!(code, 0, "{err}");
    refused(
        &path,
        &[
            "cite", p, "--claim", "1", "--source", "nope", "--stance", "refutes",
        ],
        &["--source"],
    );
    refused(
        &path,
        &[
            "cite", p, "--claim", "9", "--source", &source, "--stance", "refutes",
        ],
        &["--claim 9"],
    );
    refused(
        &path,
        &[
            "cite", p, "--claim", "1", "--source", &source, "--stance", "maybe",
        ],
        &["--stance"],
    );

    let (_, out, _) = run(&["sources", p, "--json"]);
    let sources = json_lines(&out);
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0]["kind"], "dataset");
    assert_eq!(sources[0]["published"], "2025-03-01");
    assert_eq!(
        sources[0]["cited_by"],
        serde_json::json!([{"claim": claim["id"], "number": 1, "stance": "refutes"}])
    );
    let (_, out, _) = run(&["claims", p, "--json"]);
    let evidence = &json_lines(&out)[0]["evidence"][0];
    assert_eq!(evidence["source"], source.as_str());
    assert_eq!(evidence["excerpt"], "рост 3 % 📉");
    assert!(evidence["id"].is_string());
    let (_, plain, _) = run(&["sources", p]);
    assert!(plain.contains("Росстат: экспорт 2025") && plain.contains("cited by 1"));
}

#[test]
fn set_publish_and_correct_follow_the_windows_rules() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = workspace(dir.path());
    let p = path_str(&path);
    let claim = mark_json(&path, "экспорт вырос на 38 %", &[]);
    let id = claim["id"].as_str().unwrap();
    refused(
        &path,
        &["publish", p, "--claim", id, "--by", "Ирина"],
        &["a verdict and a rationale"],
    );
    let (code, _, err) = run(&[
        "set",
        p,
        "--claim",
        "1",
        "--verdict",
        "false",
        "--rationale",
        "Росстат: рост 3 %.",
        "--claimant",
        "Министр",
        "--priority",
        "high",
        "--tag",
        "экспорт",
        "--status",
        "needs-review",
    ]);
    assert_eq!(code, 0, "{err}");
    refused(
        &path,
        &["set", p, "--claim", id, "--verdict", "wrong"],
        &["--verdict", "mostly-true"],
    );
    refused(
        &path,
        &["set", p, "--claim", id, "--priority", "asap"],
        &["--priority"],
    );
    refused(&path, &["set", p, "--claim", id], &["nothing to set"]);
    refused(
        &path,
        &[
            "set",
            p,
            "--claim",
            "01234567-89ab-cdef-0123-456789abcdef",
            "--status",
            "done",
        ],
        &["--claim"],
    );
    let (code, _, err) = run(&["publish", p, "--claim", id, "--by", "Ирина"]);
    assert_eq!(code, 0, "{err}");
    // Published: public fields only through `correct`, the rest still by `set`.
    for args in [
        ["--statement", "другое"],
        ["--verdict", "mixed"],
        ["--rationale", "другое"],
        ["--claimant", "другой"],
    ] {
        let mut all = vec!["set", p, "--claim", id];
        all.extend_from_slice(&args);
        refused(&path, &all, &["published", "factbench correct"]);
    }
    let (code, _, err) = run(&["set", p, "--claim", id, "--priority", "urgent"]);
    assert_eq!(code, 0, "{err}");
    refused(
        &path,
        &[
            "correct",
            p,
            "--claim",
            id,
            "--verdict",
            "mixed",
            "--note",
            " ",
            "--by",
            "Олег",
        ],
        &["public note"],
    );
    refused(
        &path,
        &["correct", p, "--claim", id, "--note", "x", "--by", "Олег"],
        &["nothing to correct"],
    );
    let (code, _, err) = run(&[
        "correct",
        p,
        "--claim",
        id,
        "--verdict",
        "Mixed",
        "--statement",
        "Экспорт станков вырос на 38 %",
        "--note",
        "Новые данные таможни 海关.",
        "--by",
        "Олег",
    ]);
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = run(&["claims", p, "--json", "--published"]);
    let listed = json_lines(&out);
    assert_eq!(listed.len(), 1);
    let c = &listed[0];
    assert_eq!(c["published"], true);
    assert_eq!(c["approved_by"], "Ирина");
    assert!(c["published_at"].is_string());
    assert_eq!(c["priority"], "urgent");
    assert_eq!(c["verdict"], "mixed");
    assert_eq!(
        c["corrections"][0]["changes"],
        serde_json::json!([
            {"field": "statement", "old": "экспорт вырос на 38 %", "new": "Экспорт станков вырос на 38 %"},
            {"field": "verdict", "old": "false", "new": "mixed"},
        ])
    );
    assert_eq!(c["corrections"][0]["by"], "Олег");
    // Evidence after publication: only added, through a correction.
    let (_, source, _) = run(&[
        "source",
        "add",
        p,
        "--title",
        "ФТС 海关",
        "--url",
        "https://customs.example/",
    ]);
    let source = source.trim();
    refused(
        &path,
        &[
            "cite", p, "--claim", id, "--source", source, "--stance", "refutes",
        ],
        &["published", "correct --cite"],
    );
    let (code, _, err) = run(&[
        "correct",
        p,
        "--claim",
        id,
        "--cite",
        source,
        "--stance",
        "refutes",
        "--excerpt",
        "3 %",
        "--note",
        "Данные таможни добавлены.",
        "--by",
        "Олег",
    ]);
    assert_eq!(code, 0, "{err}");
    refused(
        &path,
        &[
            "correct", p, "--claim", id, "--cite", "nope", "--stance", "refutes", "--note", "x",
            "--by", "y",
        ],
        &["--cite"],
    );
    let ws = loaded(&path);
    let corrected = ws.claims.iter().find(|c| c.id.to_string() == id).unwrap();
    assert_eq!(corrected.evidence.len(), 1);
    assert_eq!(corrected.corrections.len(), 2);
    let change = &corrected.corrections[1].changes[0];
    assert_eq!(change.field, factbench::model::PublicField::Evidence);
    assert_eq!(
        (change.old.as_str(), change.new.as_str()),
        ("", format!("Refutes {source}").as_str())
    );
    // A draft has nothing to correct.
    mark_json(&path, "外交部发言人", &[]);
    refused(
        &path,
        &[
            "correct",
            p,
            "--claim",
            "2",
            "--verdict",
            "true",
            "--note",
            "x",
            "--by",
            "y",
        ],
        &["never been published"],
    );
    let (_, out, _) = run(&["claims", p, "--published"]);
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn writers_refuse_and_readers_warn_while_conflicts_are_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut ws) = workspace(dir.path());
    ws.conflicts.push(Conflict {
        item: ConflictItem::Workspace,
        field: "title".into(),
        base: Some("\"a\"".into()),
        ours: Some("\"b\"".into()),
        theirs: Some("\"c\"".into()),
    });
    store::save(&path, &ws).unwrap();
    let p = path_str(&path);
    refused(
        &path,
        &["mark", p, "--quote", "экспорт вырос"],
        &["merge conflict"],
    );
    refused(
        &path,
        &["source", "add", p, "--title", "x"],
        &["merge conflict"],
    );
    let (code, _, err) = run(&["claims", p]);
    assert_eq!(code, 0);
    assert!(err.contains("warning") && err.contains("conflict"), "{err}");
}

#[test]
fn nothing_from_the_workspace_reaches_the_terminal_as_a_control_character() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "Ящик \u{1b}[2J\u{7}\u{85}\u{202e} 盒子 evil";
    let mut ws = Workspace::new("x");
    let mut article = Article::new(format!("Title {hostile}"), format!("Start {hostile} end."));
    article.outlet = hostile.into();
    ws.articles.push(article);
    let path = dir.path().join("hostile.ron");
    store::save(&path, &ws).unwrap();
    let p = path_str(&path);
    let (code, out, err) = run(&["mark", p, "--quote", "Ящик \u{1b}[2J", "--json"]);
    assert_eq!(code, 0, "{err}");
    let (_, plain, _) = run(&["claims", p]);
    let (_, json, _) = run(&["claims", p, "--json"]);
    let (_, _, refusal) = run(&["mark", p, "--quote", "\u{1b}[31mnope"]);
    for text in [&out, &plain, &json, &refusal, &err] {
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t' || c == '\u{202e}'),
            "{text:?}"
        );
    }
    assert!(refusal.contains("\\u001b"), "{refusal}");
    let parsed = json_lines(&json);
    assert_eq!(
        parsed[0]["reported_by"], hostile,
        "JSON escapes, and the value survives"
    );
}

#[test]
fn marking_a_hundred_quotes_from_a_file_is_one_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::new("many");
    let text: String = (0..100)
        .map(|n| format!("Утверждение номер {n} 第{n}号 👍🏽 сказано.\n"))
        .collect();
    ws.articles.push(Article::new("Many", text));
    let path = dir.path().join("many.ron");
    store::save(&path, &ws).unwrap();
    let mut input = Vec::new();
    for n in 0..100 {
        writeln!(input, "{{\"quote\": \"Утверждение номер {n} 第{n}号 👍🏽\"}}").unwrap();
    }
    let started = std::time::Instant::now();
    let (code, out, err) = run_with_input(
        &["mark", path_str(&path), "--from", "-"],
        &String::from_utf8(input).unwrap(),
    );
    eprintln!("marking 100 quotes: {:?}", started.elapsed());
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 100);
    let ws = loaded(&path);
    assert_eq!(ws.claims.len(), 100);
    assert!(ws.claims.iter().all(|c| c.anchor.exact.ends_with("👍🏽")));
    // The .bak is the file before the one save: no claims.
    let bak = store::load(&store::backup_path(&path)).unwrap().workspace;
    assert!(bak.claims.is_empty());
}
