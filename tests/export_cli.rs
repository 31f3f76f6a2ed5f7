//! `factbench export`: formats, output file or stdout, one article, and
//! clear errors.

mod fresh_home;

use assert_cmd::Command;
use std::fs;
use std::path::PathBuf;

const SAMPLE_ARTICLE: &str = "01a22065-6084-7143-9336-c38601390774";

fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("workspaces/xi-moscow-victory-day.ron")
}

fn factbench() -> Command {
    fresh_home::factbench()
}

#[test]
fn exports_every_format_to_stdout() {
    for (name, start) in [
        ("html", "<!DOCTYPE html>"),
        ("md", "# Xi Jinping's Victory Day visit to Moscow"),
        ("csv", "Number,Claim ID,Article title,"),
        ("claimreview", "["),
        ("webanno", "{"),
    ] {
        let output = factbench()
            .args(["export"])
            .arg(sample_path())
            .args(["--format", name])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(
            stdout.starts_with(start),
            "{name}: {}",
            &stdout[..40.min(stdout.len())]
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        let warnings: Vec<&str> = stderr.lines().collect();
        assert_eq!(
            warnings.len(),
            1,
            "{name}: the sample exports with one warning: {stderr}"
        );
        assert!(
            warnings[0].contains("the publisher is still the bundled sample's"),
            "{name}: {stderr}"
        );
    }
}

#[test]
fn writes_the_output_file_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    fs::write(&out, "old report").unwrap();
    factbench()
        .arg("export")
        .arg(sample_path())
        .args(["--format", "html", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let html = fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    assert_eq!(
        fs::read_to_string(dir.path().join("report.html.bak")).unwrap(),
        "old report"
    );
}

#[test]
fn exports_one_article_by_id() {
    let output = factbench()
        .arg("export")
        .arg(sample_path())
        .args(["--format", "csv", "--article", SAMPLE_ARTICLE])
        .args(["--audience", "internal"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let rows = csv::Reader::from_reader(output.stdout.as_slice())
        .records()
        .count();
    assert_eq!(rows, 14, "every claim of the sample's one article");
}

#[test]
fn the_audience_is_public_unless_told() {
    let (code, public, _) = run(&["--format", "csv"]);
    assert_eq!(code, 0);
    assert_eq!(public.lines().count(), 1 + 8, "the eight published claims");
    assert!(!public.contains("Internal note"));
    assert!(!public.contains("Ask the trade desk"));
    let (code, internal, _) = run(&["--format", "csv", "--audience", "internal"]);
    assert_eq!(code, 0);
    assert_eq!(internal.lines().count(), 1 + 14);
    assert!(internal.contains("Ask the trade desk"));
    let (code, _, stderr) = run(&["--format", "csv", "--audience", "press"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("use public or internal"), "{stderr}");
}

#[test]
fn claimreview_with_missing_data_writes_nothing_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-url.ron");
    let text = fs::read_to_string(sample_path()).unwrap();
    let no_url = text.replace(
        "report_url: \"https://factcheck.example.org/reports/xi-moscow-victory-day\"",
        "report_url: \"\"",
    );
    assert_ne!(no_url, text);
    fs::write(&path, no_url).unwrap();
    let out = dir.path().join("reviews.json");
    let output = factbench()
        .arg("export")
        .arg(&path)
        .args(["--format", "claimreview", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.matches("missing: claim ").count(), 8, "{stderr}");
    assert!(
        stderr.contains("missing: claim 1 needs the workspace's report URL"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn unknown_article_and_bad_id_are_errors() {
    let (code, _, stderr) = run(&[
        "--format",
        "csv",
        "--article",
        "01a22065-0000-7000-8000-000000000000",
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("no article with the id 01a22065-0000-7000-8000-000000000000"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["--format", "csv", "--article", "nope"]);
    assert_eq!(code, 2, "a usage error");
    assert!(stderr.contains("is not an article id"), "{stderr}");
}

#[test]
fn unknown_format_is_a_usage_error_naming_the_formats() {
    let (code, stdout, stderr) = run(&["--format", "pdf"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("use html, md, csv, claimreview, webanno or mediareview"),
        "{stderr}"
    );
}

#[test]
fn load_errors_are_reported_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "Workspace(format_version: 1, title: ").unwrap();
    let out = dir.path().join("out.html");
    let output = factbench()
        .arg("export")
        .arg(&broken)
        .args(["--format", "html", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error:") && stderr.contains("broken.ron"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn a_workspace_with_problems_still_exports_with_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.ron");
    let text = fs::read_to_string(sample_path()).unwrap();
    // Break the first claim's anchor: it no longer quotes the text there.
    let damaged = text.replacen("start: 29,", "start: 30,", 1);
    assert_ne!(damaged, text);
    fs::write(&path, damaged).unwrap();
    let output = factbench()
        .arg("export")
        .arg(&path)
        .args(["--format", "webanno", "--audience", "internal"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("warning:") && stderr.contains("does not match"),
        "{stderr}"
    );
    assert!(
        stderr.contains("claim 14 (01a22065-6084-7143-9336-c38f8915f104) left out"),
        "broken anchors are numbered after the placed claims: {stderr}"
    );
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(doc["total"], 13);
}

/// Runs `factbench export SAMPLE ARGS…`: exit code, stdout, stderr.
fn run(args: &[&str]) -> (i32, String, String) {
    let output = factbench()
        .arg("export")
        .arg(sample_path())
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}
