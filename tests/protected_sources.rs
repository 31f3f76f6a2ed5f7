//! Protected sources (issue 23, item 7; format 10): a source marked
//! protected is kept whole in the workspace and the internal copy and shows
//! in every public format only as withheld for the source's safety — no
//! title, address, publisher, archived copy, snapshot or excerpt.

mod fresh_home;

use factbench::export::{self, ExportOptions, Format, withheld::WITHHELD};
use factbench::model::FORMAT_VERSION;
use factbench::sample::sample_workspace;
use factbench::{Workspace, store};
use std::path::Path;

fn v9_fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v9-workspace.ron")
}

#[test]
fn version_nine_file_opens_as_todays_sample_with_no_source_protected() {
    let text = std::fs::read_to_string(v9_fixture()).unwrap();
    assert!(text.starts_with("Workspace(\n    format_version: 9,\n"));
    // The fixture is the bundled sample as format 9 saved it (main at
    // 4573830); today's writer writes the same but its version.
    let today = store::to_ron(&sample_workspace()).unwrap();
    assert_eq!(
        without_public_numbers(&today).replacen("format_version: 12,", "format_version: 9,", 1),
        text
    );
    let loaded = store::load(&v9_fixture()).unwrap();
    assert_eq!(loaded.migrated_from, Some(9));
    assert_eq!(FORMAT_VERSION, 12);
    assert_eq!(loaded.workspace, sample_workspace());
    assert!(loaded.workspace.sources.iter().all(|s| !s.protected));
}

#[test]
fn protection_survives_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.ron");
    let mut ws = sample_workspace();
    ws.sources[1].protected = true;
    store::save(&path, &ws).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("protected: true").count(), 1);
    assert!(!text.contains("protected: false"));
    assert_eq!(store::load(&path).unwrap().workspace, ws);
}

/// The sample with one cited, published source protected, and what
/// identifies that source.
fn protected_sample() -> (Workspace, Vec<String>) {
    let mut ws = sample_workspace();
    let public = export_to_string(Format::Html, &ws, &ExportOptions::public());
    let index = ws
        .sources
        .iter()
        .position(|s| !s.url.is_empty() && public.contains(&s.url))
        .expect("a source shown in the public report");
    let source = &mut ws.sources[index];
    source.protected = true;
    source.archive_url = "https://archive.example/withheld-copy".into();
    let id = source.id;
    source.publisher = "PUBLISHER-OF-A-PROTECTED-SOURCE".into();
    let secrets = vec![
        source.url.clone(),
        source.title.clone(),
        source.archive_url.clone(),
        source.publisher.clone(),
        "EXCERPT-OF-A-PROTECTED-SOURCE".to_owned(),
        "NOTE-ON-A-PROTECTED-SOURCE".to_owned(),
    ];
    for claim in &mut ws.claims {
        for evidence in claim.evidence.iter_mut().filter(|e| e.source == id) {
            evidence.excerpt = "EXCERPT-OF-A-PROTECTED-SOURCE".into();
            evidence.note = "NOTE-ON-A-PROTECTED-SOURCE".into();
        }
    }
    (ws, secrets)
}

fn export_to_string(format: Format, ws: &Workspace, options: &ExportOptions) -> String {
    let mut out = Vec::new();
    export::write(format, ws, options, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Text as JSON and HTML may escape it, for a search of the output.
fn spellings(text: &str) -> Vec<String> {
    let json = serde_json::to_string(text).unwrap();
    let json = json.trim_matches('"').to_owned();
    let html = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;");
    vec![text.to_owned(), json, html, text.replace('/', "\\/")]
}

#[test]
fn a_protected_source_is_withheld_from_every_public_format_and_kept_internally() {
    let (ws, secrets) = protected_sample();
    for format in Format::ALL {
        let public = export_to_string(format, &ws, &ExportOptions::public());
        for secret in &secrets {
            for spelling in spellings(secret) {
                assert!(
                    !public.contains(&spelling),
                    "{format:?} public export holds {spelling:?}"
                );
            }
        }
    }
    for format in [Format::Html, Format::Markdown, Format::Csv] {
        let public = export_to_string(format, &ws, &ExportOptions::public());
        assert!(
            public.contains(WITHHELD),
            "{format:?} says nothing withheld"
        );
        let internal = export_to_string(format, &ws, &ExportOptions::internal());
        // CSV has no column for archived copies, publishers or notes.
        let kept = if format == Format::Csv {
            &[0, 1, 4][..]
        } else {
            &[0, 1, 2, 3, 4, 5][..]
        };
        for secret in kept.iter().map(|&k| &secrets[k]) {
            assert!(
                internal.contains(secret.as_str()),
                "{format:?} internal copy lacks {secret:?}"
            );
        }
    }
}

#[test]
fn an_unprotected_workspace_exports_as_before() {
    let ws = sample_workspace();
    let html = export_to_string(Format::Html, &ws, &ExportOptions::public());
    assert!(!html.contains(WITHHELD));
}

fn factbench(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = fresh_home::factbench().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_protects_sources_and_check_warns_of_an_address_in_a_rationale() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.ron");
    let mut ws = sample_workspace();
    let url = "https://witness.example.org/testimony".to_owned();
    ws.claims[0].rationale = format!("As told at {url}, the figure is wrong.");
    store::save(&path, &ws).unwrap();
    let p = path.as_os_str();
    let os = |s: &'static str| std::ffi::OsStr::new(s);
    let (code, out, err) = factbench(&[
        os("source"),
        os("add"),
        p,
        os("--title"),
        os("A witness"),
        os("--url"),
        std::ffi::OsStr::new(&url),
        os("--protected"),
        os("--json"),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("\"protected\":true"), "{out}");
    let (code, out, err) = factbench(&[os("check"), p]);
    assert_eq!(code, 0, "a warning is no failure: {out}{err}");
    assert!(
        out.contains("its rationale gives the address of protected source"),
        "{out}"
    );
    let id = ws.sources[1].id.to_string();
    let id = std::ffi::OsStr::new(&id);
    let set = |value: &'static str| {
        factbench(&[
            os("source"),
            os("set"),
            p,
            os("--source"),
            id,
            os("--protected"),
            os(value),
        ])
    };
    let (code, out, err) = set("true");
    assert_eq!(code, 0, "{out}{err}");
    assert!(store::load(&path).unwrap().workspace.sources[1].protected);
    let (code, out, err) = factbench(&[os("export"), p, os("-f"), os("md")]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("is protected: the export shows it only as"),
        "{err}"
    );
    // The rationale still gives the witness's address (check said so).
    assert!(out.contains(WITHHELD) && out.contains(&url), "{out}");
    assert!(!out.contains(&ws.sources[1].url), "{out}");
    let (code, out, err) = set("false");
    assert_eq!(code, 0, "{out}{err}");
    let loaded = store::load(&path).unwrap().workspace;
    assert!(!loaded.sources[1].protected);
    assert!(loaded.sources.iter().any(|s| s.protected && s.url == url));
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
