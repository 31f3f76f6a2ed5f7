//! The `factbench` command line: `check`, `import` and `similar`, run as a user would.

mod fresh_home;

use assert_cmd::Command;
use factbench::store;
use std::fs;
use std::path::{Path, PathBuf};

fn factbench() -> Command {
    fresh_home::factbench()
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn output_of(command: &mut Command) -> (i32, String, String) {
    let out = command.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_no_panic(text: &str) {
    assert!(!text.contains("panicked"), "{text}");
    assert!(!text.contains("RUST_BACKTRACE"), "{text}");
}

#[test]
fn check_passes_on_the_sample() {
    let (code, out, err) = output_of(
        factbench()
            .arg("check")
            .arg(repo("workspaces/xi-moscow-victory-day.ron")),
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.ends_with("xi-moscow-victory-day.ron: 1 article, 14 claims (8 rated), 8 sources: ok\n"),
        "{out}"
    );
}

#[test]
fn check_ready_says_what_each_draft_still_lacks() {
    let (code, out, err) = output_of(
        factbench()
            .args(["check", "--ready"])
            .arg(repo("workspaces/xi-moscow-victory-day.ron")),
    );
    assert_eq!(code, 1, "six claims of the sample are drafts: {out}{err}");
    let unready: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("  not ready: "))
        .collect();
    assert_eq!(unready.len(), 6, "{out}");
    assert!(
        unready
            .iter()
            .any(|l| l.starts_with("  not ready: claim 7 (")
                && l.ends_with("needs a verdict and a rationale")),
        "{out}"
    );
    assert!(
        unready[0].starts_with("  not ready: claim 3 (")
            && unready[0].ends_with("needs a verdict, a rationale, at least one piece of evidence and a cited source with a working http(s) URL"),
        "in report order: {out}"
    );
    assert!(
        !out.contains("published, "),
        "the published claims are ready: {out}"
    );
}

#[test]
fn check_fails_on_each_broken_fixture_with_a_message() {
    let expected = [
        ("anchor-mismatch.ron", "does not match the text there"),
        ("deeply-nested.ron", "deeply-nested.ron:1:"),
        ("empty.ron", "the file is empty"),
        ("latin1.ron", "latin1.ron:3:"),
        ("newer-version.ron", "format version 99"),
        ("truncated.ron", "is the file truncated?"),
        ("unknown-field.ron", "`colour_scheme`"),
        (
            "unknown-verdict.ron",
            "\"pants-on-fire\", which is not on the scale",
        ),
        ("wrong-type.ron", "wrong-type.ron:3:11: expected string"),
    ];
    for (name, message) in expected {
        let path = repo("tests/fixtures/broken").join(name);
        let before = fs::read(&path).unwrap();
        let (code, out, err) = output_of(factbench().arg("check").arg(&path));
        assert_eq!(code, 1, "{name}: {out}{err}");
        assert!(out.contains(message), "{name}: {out}");
        assert!(out.contains(name), "{name}: {out}");
        assert_no_panic(&out);
        assert_no_panic(&err);
        assert_eq!(fs::read(&path).unwrap(), before, "check changed {name}");
    }
}

#[test]
fn check_lists_urls_without_a_scheme() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ссылки.ron");
    let mut ws = factbench::sample::sample_workspace();
    ws.sources[0].url = "en.wikipedia.org/wiki/Парад".into();
    store::save(&path, &ws).unwrap();
    let (code, out, err) = output_of(factbench().arg("check").arg(&path));
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("\"en.wikipedia.org/wiki/Парад\" does not start with http:// or https://"),
        "{out}"
    );
    assert!(
        out.contains(&ws.sources[0].title),
        "names the source: {out}"
    );
    assert_no_panic(&out);
}

#[test]
fn check_of_several_files_fails_if_any_fails_and_reports_all() {
    let (code, out, _) = output_of(
        factbench()
            .arg("check")
            .arg(repo("workspaces/xi-moscow-victory-day.ron"))
            .arg(repo("tests/fixtures/broken/empty.ron"))
            .arg("no-such-file.ron"),
    );
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(out.contains("no-such-file.ron: no such file"), "{out}");
}

#[test]
fn check_without_files_is_a_usage_error() {
    let (code, _, err) = output_of(factbench().arg("check"));
    assert_eq!(code, 2);
    assert!(err.contains("FILES"), "{err}");
}

#[test]
fn import_creates_a_workspace_then_extends_it() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("investigation.ron");
    let ru = dir.path().join("ru.txt");
    fs::write(
        &ru,
        "Визит Си Цзиньпина в Москву\r\n\r\nПредседатель КНР посетит Москву 7–10 мая.  \r\n",
    )
    .unwrap();
    let (code, out, err) = output_of(factbench().arg("import").arg(&ru).arg("--into").arg(&ws));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("created with 1 article"), "{out}");
    let first = store::load(&ws).unwrap().workspace;
    assert_eq!(first.title, "investigation");
    assert_eq!(first.articles[0].title, "Визит Си Цзиньпина в Москву");
    assert_eq!(
        first.articles[0].text,
        "Председатель КНР посетит Москву 7–10 мая."
    );

    let zh = dir.path().join("zh.txt");
    fs::write(&zh, "习近平抵达莫斯科。\n").unwrap();
    let (code, out, err) = output_of(
        factbench()
            .arg("import")
            .arg(&zh)
            .arg("--into")
            .arg(&ws)
            .args([
                "--title",
                "新华社报道",
                "--outlet",
                "新华社",
                "--url",
                "https://news.example.org/zh/1",
                "--published",
                "2025-05-07",
            ]),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("added 1 article"), "{out}");
    let second = store::load(&ws).unwrap();
    assert!(second.problems.is_empty());
    let articles = &second.workspace.articles;
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0], first.articles[0]);
    assert_eq!(articles[1].title, "新华社报道");
    assert_eq!(articles[1].text, "习近平抵达莫斯科。");
    assert_eq!(articles[1].outlet, "新华社");
    assert_eq!(articles[1].url, "https://news.example.org/zh/1");
    assert_eq!(articles[1].published.unwrap().to_string(), "2025-05-07");
    assert!(store::backup_path(&ws).exists());
}

#[test]
fn import_takes_all_articles_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.ron");
    fs::copy(repo("workspaces/xi-moscow-victory-day.ron"), &ws).unwrap();
    let before = fs::read(&ws).unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, "Title\nText.").unwrap();
    let binary = dir.path().join("picture.txt");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let (code, _, err) = output_of(
        factbench()
            .arg("import")
            .arg(&good)
            .arg(&binary)
            .arg("--into")
            .arg(&ws),
    );
    assert_eq!(code, 1);
    assert!(err.contains("picture.txt"), "{err}");
    assert!(err.contains("is a PNG image, not an article"), "{err}");
    assert!(err.contains("unchanged"), "{err}");
    assert_no_panic(&err);
    assert_eq!(fs::read(&ws).unwrap(), before);
}

#[test]
fn import_refuses_to_overwrite_a_workspace_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("broken.ron");
    fs::copy(repo("tests/fixtures/broken/truncated.ron"), &ws).unwrap();
    let before = fs::read(&ws).unwrap();
    let article = dir.path().join("a.txt");
    fs::write(&article, "Title\nText.").unwrap();
    let (code, _, err) = output_of(
        factbench()
            .arg("import")
            .arg(&article)
            .arg("--into")
            .arg(&ws),
    );
    assert_eq!(code, 1);
    assert!(err.contains("broken.ron:78:21"), "{err}");
    assert_eq!(fs::read(&ws).unwrap(), before);
}

#[test]
fn import_rejects_a_bad_date_before_touching_anything() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.ron");
    let (code, _, err) = output_of(
        factbench()
            .args(["import", "a.txt", "--published", "7 May"])
            .arg("--into")
            .arg(&ws),
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("is not a date of the form YYYY-MM-DD"),
        "{err}"
    );
    assert!(!ws.exists());
}

#[test]
fn import_of_a_missing_file_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.ron");
    let (code, _, err) = output_of(factbench().args(["import", "gone.txt", "--into"]).arg(&ws));
    assert_eq!(code, 1);
    assert!(err.contains("gone.txt: no such file"), "{err}");
    assert!(!ws.exists());
}

#[test]
fn import_reads_legacy_single_byte_text() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.ron");
    let latin = dir.path().join("latin.txt");
    fs::write(
        &latin,
        b"Caf\xe9 society, na\xefve and r\xe9sum\xe9 in one sentence.",
    )
    .unwrap();
    let (code, _, err) = output_of(factbench().arg("import").arg(&latin).arg("--into").arg(&ws));
    assert_eq!(code, 0, "{err}");
    let article = &store::load(&ws).unwrap().workspace.articles[0];
    assert_eq!(
        article.text,
        "Café society, naïve and résumé in one sentence."
    );
    assert_eq!(article.title, "latin");
}

fn library_fixtures() -> PathBuf {
    repo("tests/fixtures/library")
}

#[test]
fn similar_prints_the_earlier_check_first_as_json_lines() {
    let cache = tempfile::tempdir().unwrap();
    let (code, out, err) = output_of(
        factbench()
            .arg("similar")
            .arg("In 2022 Russian oil and gas export revenue reached 245 billion dollars")
            .arg("--in")
            .arg(library_fixtures())
            .arg("--top")
            .arg("3")
            .arg("--json")
            .arg("--index-dir")
            .arg(cache.path()),
    );
    assert_eq!(code, 0, "{out}{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{out}");
    let first = &lines[0];
    assert_eq!(first["claim"], "01a22065-6084-7000-8c00-000000000000");
    assert_eq!(first["verdict"], "true");
    assert_eq!(first["same_claim"], true);
    assert!(
        first["workspace"]
            .as_str()
            .unwrap()
            .ends_with("desk-en-2024.ron")
    );
    assert!(first["statement"].as_str().unwrap().contains("$245bn"));
    let keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 8, "{keys:?}");
    assert_eq!(first["external"], false);
    assert_eq!(first["another_copy"], false);
    let scores: Vec<f64> = lines.iter().map(|l| l["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
    assert_eq!(lines[1]["same_claim"], false);
}

#[test]
fn similar_prints_a_table_and_finds_an_existing_claim_but_not_itself() {
    let cache = tempfile::tempdir().unwrap();
    let workspace = library_fixtures().join("desk-ru.ron");
    let (code, out, err) = output_of(
        factbench()
            .arg("similar")
            .arg("--claim")
            .arg("01a22065-6084-7000-8c00-00000000000c")
            .arg(&workspace)
            .arg("--index-dir")
            .arg(cache.path()),
    );
    assert_eq!(code, 0, "{out}{err}");
    let mut lines = out.lines();
    let header = lines.next().unwrap();
    for column in [
        "workspace",
        "claim",
        "statement",
        "verdict",
        "date",
        "score",
        "same_claim",
    ] {
        assert!(header.contains(column), "{header}");
    }
    let first = lines.next().unwrap();
    assert!(
        first.contains("01a22065-6084-7000-8c00-00000000000d"),
        "{out}"
    );
    assert!(
        first.contains("False") && first.contains("2025-02-02"),
        "{first}"
    );
    assert!(
        !out.contains("8c00-00000000000c"),
        "the claim itself is left out: {out}"
    );
}

#[test]
fn similar_names_a_missing_claim_or_folder_and_skips_a_broken_workspace() {
    let cache = tempfile::tempdir().unwrap();
    let (code, _, err) = output_of(
        factbench()
            .arg("similar")
            .arg("--claim")
            .arg("no-such-id")
            .arg(library_fixtures().join("desk-ru.ron"))
            .arg("--index-dir")
            .arg(cache.path()),
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("desk-ru.ron") && err.contains("no-such-id"),
        "{err}"
    );
    let (code, _, err) = output_of(
        factbench()
            .args([
                "similar",
                "gas exports",
                "--in",
                "/no/such/folder",
                "--index-dir",
            ])
            .arg(cache.path()),
    );
    assert_eq!(code, 1);
    assert!(err.contains("/no/such/folder"), "{err}");
    let folder = tempfile::tempdir().unwrap();
    fs::copy(
        library_fixtures().join("desk-zh.ron"),
        folder.path().join("desk-zh.ron"),
    )
    .unwrap();
    fs::write(folder.path().join("half.ron"), "Workspace(").unwrap();
    let (code, out, err) = output_of(
        factbench()
            .args([
                "similar",
                "2024年中俄贸易额达到2450亿美元",
                "--json",
                "--in",
            ])
            .arg(folder.path())
            .arg("--index-dir")
            .arg(cache.path()),
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("skipped") && err.contains("half.ron"), "{err}");
    assert!(
        out.lines().next().unwrap().contains("\"same_claim\":true"),
        "{out}"
    );
    assert_no_panic(&err);
}

#[test]
fn check_with_a_library_lists_same_claims_with_another_verdict() {
    let cache = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let mut workspace = store::load(&library_fixtures().join("desk-en-2025.ron"))
        .unwrap()
        .workspace;
    // A later desk rates the grain claim False; the library says True.
    workspace
        .claims
        .retain(|c| c.statement.starts_with("Ukraine exported 40"));
    workspace.claims[0].id = factbench::ClaimId::new();
    workspace.claims[0].verdict = Some("false".into());
    let path = folder.path().join("today.ron");
    store::save(&path, &workspace).unwrap();
    let (code, out, err) = output_of(
        factbench()
            .arg("check")
            .arg(&path)
            .arg("--library")
            .arg(library_fixtures())
            .arg("--index-dir")
            .arg(cache.path()),
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("verdict differs"), "{out}");
    assert!(
        out.contains("desk-en-2025.ron") && out.contains("\"true\""),
        "{out}"
    );
    let (code, out, err) = output_of(
        factbench()
            .arg("check")
            .arg(library_fixtures().join("desk-en-2025.ron"))
            .arg("--library")
            .arg(library_fixtures())
            .arg("--index-dir")
            .arg(cache.path()),
    );
    assert_eq!(
        code, 0,
        "near misses with other verdicts are not conflicts: {out}{err}"
    );
}
