//! Bounded inputs (issue 19, rows 6, 7, 8, 11 and 15), through the command
//! line as a user meets them: a FIFO where a file is expected is refused at
//! once, naming it; BOM-less UTF-16 imports when its encoding is named;
//! hostile pages import or are refused; a diff of an article rewritten line
//! by line lists every sentence. Outcomes only: time and memory are
//! measured by the `import` and `diff` benches (docs/budgets.md).

mod fresh_home;

use assert_cmd::Command;
use factbench::import::pathological::{ampersands, reopened_formatting};
use factbench::import::{ImportOptions, import_file};
use factbench::model::{Article, Workspace};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The command, killed should it hang (it must not): the assertions then
/// fail on its output instead of the test never ending.
fn factbench() -> Command {
    let mut command = fresh_home::factbench();
    command.timeout(Duration::from_secs(120));
    command
}

/// Whether the command succeeded, and what it printed (`check` reports
/// on standard output, the others on standard error).
fn stderr_of(command: &mut Command) -> (bool, String) {
    let output = command.output().unwrap();
    let printed = String::from_utf8_lossy(&output.stdout) + String::from_utf8_lossy(&output.stderr);
    (output.status.success(), printed.into_owned())
}

#[cfg(unix)]
fn fifo(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    path
}

#[cfg(unix)]
#[test]
fn a_fifo_as_article_or_workspace_is_refused_at_once_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let article = fifo(dir.path(), "статья.html");
    let workspace = dir.path().join("w.ron");
    let (ok, stderr) = stderr_of(
        factbench()
            .arg("import")
            .arg(&article)
            .arg("--into")
            .arg(&workspace),
    );
    assert!(!ok);
    assert!(stderr.contains("статья.html"), "{stderr}");
    assert!(stderr.contains("named pipe (FIFO)"), "{stderr}");
    assert!(!workspace.exists());

    let fifo_workspace = fifo(dir.path(), "desk.ron");
    let (ok, stderr) = stderr_of(factbench().arg("check").arg(&fifo_workspace));
    assert!(!ok);
    assert!(stderr.contains("desk.ron"), "{stderr}");
    assert!(stderr.contains("not a regular file"), "{stderr}");

    let text = dir.path().join("a.txt");
    fs::write(&text, "Title\n\nA paragraph.").unwrap();
    let (ok, stderr) = stderr_of(
        factbench()
            .arg("import")
            .arg(&text)
            .arg("--into")
            .arg(&fifo_workspace),
    );
    assert!(!ok);
    assert!(stderr.contains("desk.ron"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_device_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    let error = import_file(&link, &ImportOptions::default()).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("zero.txt"), "{message}");
    assert!(message.contains("character device"), "{message}");
}

#[test]
fn bomless_utf16_imports_when_its_encoding_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Заголовок 标题\n\nПривет, 世界 👋 — cafe\u{301}.";
    for (label, bytes) in [
        (
            "utf-16le",
            text.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        ),
        (
            "utf-16be",
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ] {
        let article = dir.path().join(format!("{label}.txt"));
        fs::write(&article, &bytes).unwrap();
        let workspace = dir.path().join(format!("{label}.ron"));
        let (ok, stderr) = stderr_of(
            factbench()
                .arg("import")
                .arg(&article)
                .arg("--into")
                .arg(&workspace)
                .arg("--encoding")
                .arg(label),
        );
        assert!(ok, "{label}: {stderr}");
        let loaded = factbench::store::load(&workspace).unwrap().workspace;
        let imported = &loaded.articles[0];
        assert_eq!(imported.title, "Заголовок 标题");
        assert_eq!(imported.text, "Привет, 世界 👋 — café.");

        // Without the encoding named, the NUL bytes still mark it binary.
        let (ok, stderr) = stderr_of(
            factbench()
                .arg("import")
                .arg(&article)
                .arg("--into")
                .arg(dir.path().join("other.ron")),
        );
        assert!(!ok);
        assert!(stderr.contains("binary"), "{stderr}");
    }
}

#[test]
fn binary_bytes_named_utf16_are_still_refused() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("blob.txt");
    fs::write(&article, [0u8, 0, 0x41, 0, 0, 0]).unwrap();
    let options = ImportOptions {
        encoding: Some(encoding_rs::UTF_16LE),
        ..ImportOptions::default()
    };
    let message = import_file(&article, &options).unwrap_err().to_string();
    assert!(
        message.contains("blob.txt") && message.contains("binary"),
        "{message}"
    );
}

#[test]
fn formatting_reopened_in_every_paragraph_imports_each_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reopened.html");
    fs::write(&path, reopened_formatting(500, 2_000)).unwrap();
    let article = import_file(&path, &ImportOptions::default()).unwrap();
    assert_eq!(article.text.matches('x').count(), 2_000);
}

#[test]
fn a_page_full_of_ampersands_and_guillemets_keeps_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("amp.html");
    let page = ampersands(200_000);
    fs::write(&path, &page).unwrap();
    let article = import_file(&path, &ImportOptions::default()).unwrap();
    let words = page.matches("AT&amp;T").count();
    assert!(words > 4_000);
    assert_eq!(article.text.matches("AT&T «Q&A» 25°C &").count(), words);
    assert_eq!(article.text.matches('&').count(), words * 3);
    assert!(!article.text.contains(['\u{F7C0}', '\u{F7AB}']));
}

/// A workspace file holding one article with this text.
fn workspace_with(dir: &Path, name: &str, text: &str) -> PathBuf {
    let mut ws = Workspace::new("Diff");
    ws.articles.push(Article::new("Rewritten", text));
    let path = dir.join(name);
    factbench::store::save(&path, &ws).unwrap();
    path
}

#[test]
fn diff_of_an_article_rewritten_line_by_line_lists_every_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let lines = 2_000;
    let old: String = (0..lines)
        .map(|i| format!("Строка {i}: 会谈 👋 e\u{301} in the old wording {i}.\n"))
        .collect();
    let new: String = (0..lines)
        .map(|i| format!("Quite another sentence {}, written anew 🌍 {i}?\n", i * 7))
        .collect();
    let old_path = workspace_with(dir.path(), "old.ron", &old);
    let mut ws = factbench::store::load(&old_path).unwrap().workspace;
    ws.articles[0].text = new;
    let new_path = dir.path().join("new.ron");
    factbench::store::save(&new_path, &ws).unwrap();

    let output = factbench()
        .arg("diff")
        .arg(&old_path)
        .arg(&new_path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.matches("sentence removed").count(), lines);
    assert_eq!(stdout.matches("sentence added").count(), lines);
}
