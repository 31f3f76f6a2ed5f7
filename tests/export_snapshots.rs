//! Snapshots in reports (issue 23 step c, item 5): the HTML and Markdown
//! reports name each archived copy (capture day, short hash, full hash in
//! a title or footnote) and where an excerpt was found in it; `export
//! --with-snapshots` publishes the copies beside the report, byte for byte;
//! Web Annotation and ClaimReview carry them where the standards allow; the
//! internal copy lists the custody log; a protected source's copy is never
//! published. (The W3C and ClaimReview validators the desk uses were run
//! on these exports by hand; the tests check the shapes themselves.)

mod fresh_home;

use factbench::evidence::{Request, capture};
use factbench::export::{self, ExportOptions, Format};
use factbench::model::{CustodyEntry, CustodyEvent};
use factbench::sample::sample_workspace;
use factbench::store::{self, snapshots};
use factbench::{Evidence, Workspace};
use std::path::{Path, PathBuf};

const PAGE: &str = "The ministry said on 9 May: «Мы за мир». 習近平 came to Moscow.";
const EXCERPT: &str = "«Мы за мир»";
const ARCHIVE: &str = "https://web.archive.org/web/2026/https://example.org/statement";

/// A workspace saved at `dir/case.ron`: the sample with a text snapshot on
/// a source a published claim cites, its excerpt anchored, the custody
/// entry of the add. Returns the workspace, its path, the source's index,
/// the snapshot's hash and the file it was made from.
fn case(dir: &Path) -> (Workspace, PathBuf, usize, String, PathBuf) {
    let mut ws = sample_workspace();
    let mut public = Vec::new();
    export::write(Format::Html, &ws, &ExportOptions::public(), &mut public).unwrap();
    let public = String::from_utf8(public).unwrap();
    let index = ws
        .sources
        .iter()
        .position(|s| !s.url.is_empty() && public.contains(&s.url))
        .unwrap();
    let path = dir.join("case.ron");
    let file = dir.join("statement.txt");
    std::fs::write(&file, PAGE).unwrap();
    let request = Request {
        path: &file,
        url: Some("https://example.org/statement".into()),
        captured: Some("2026-05-09T10:30:00Z".parse().unwrap()),
        by: "Ana".into(),
        source_url: String::new(),
        now: "2026-05-10T08:00:00Z".parse().unwrap(),
    };
    let captured = capture(&request).unwrap();
    let sha = captured.snapshot.sha256.clone();
    snapshots::store_snapshot(&path, &sha, &captured.bytes).unwrap();
    let source = &mut ws.sources[index];
    source.snapshots.push(captured.snapshot.clone());
    source.archive_url = ARCHIVE.into();
    let id = source.id;
    for evidence in cited(&mut ws, id) {
        evidence.excerpt = EXCERPT.into();
        evidence.anchor = Some(Box::new(factbench::evidence::excerpt::anchor_in(
            &captured.snapshot,
            EXCERPT,
        )));
    }
    ws.custody.push(CustodyEntry::new(
        request.now,
        "Ana",
        id,
        &sha,
        CustodyEvent::Added,
    ));
    store::save(&path, &ws).unwrap();
    (ws, path, index, sha, file)
}

fn cited(ws: &mut Workspace, id: factbench::SourceId) -> impl Iterator<Item = &mut Evidence> {
    ws.claims
        .iter_mut()
        .flat_map(|c| c.evidence.iter_mut())
        .filter(move |e| e.source == id)
}

fn exported(format: Format, ws: &Workspace, options: &ExportOptions) -> String {
    let mut out = Vec::new();
    export::write(format, ws, options, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn reports_name_the_archived_copy_its_hash_and_where_the_excerpt_was_found() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, _, _, sha, _) = case(dir.path());
    let short = format!("{}…", &sha[..12]);
    let html = exported(Format::Html, &ws, &ExportOptions::public());
    assert!(
        html.contains(&format!(
            "captured <time datetime=\"2026-05-09\">2026-05-09</time>, SHA-256 <code class=\"sha256\" title=\"{sha}\">{short}</code>"
        )),
        "{html}"
    );
    assert!(html.contains(&format!(
        "<a href=\"{ARCHIVE}\" rel=\"noopener noreferrer\">Archived copy</a>"
    )));
    assert!(html.contains("Found in the archived copy captured 2026-05-09"));
    let md = exported(Format::Markdown, &ws, &ExportOptions::public());
    assert!(
        md.contains(&format!(
            "[Archived copy](<{ARCHIVE}>), captured 2026-05-09, SHA-256 `{short}`[^sha256-"
        )),
        "{md}"
    );
    assert!(md.contains("SHA-256 of the archived copy of \\[S"));
    assert!(md.contains(&format!("`{sha}`")));
    assert!(md.contains("Found in the archived copy captured 2026-05-09"));
    // Without snapshots nothing of the kind is said.
    let plain = sample_workspace();
    for format in [Format::Html, Format::Markdown] {
        let text = exported(format, &plain, &ExportOptions::internal());
        assert!(!text.contains("SHA-256"), "{format:?}");
        assert!(!text.contains("Custody of the evidence"), "{format:?}");
    }
}

#[test]
fn the_internal_copy_lists_the_custody_log_and_the_public_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, ..) = case(dir.path());
    for format in [Format::Html, Format::Markdown] {
        let internal = exported(format, &ws, &ExportOptions::internal());
        assert!(internal.contains("Custody of the evidence"), "{format:?}");
        assert!(
            internal.contains("2026-05-10T08:00:00Z") && internal.contains("by Ana: added"),
            "{format:?}: {internal}"
        );
        let public = exported(format, &ws, &ExportOptions::public());
        assert!(!public.contains("Custody of the evidence"), "{format:?}");
    }
}

#[test]
fn web_annotation_selects_the_excerpt_in_the_copy_and_claimreview_cites_it() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, ..) = case(dir.path());
    let anno = exported(Format::WebAnnotation, &ws, &ExportOptions::public());
    let value: serde_json::Value = serde_json::from_str(&anno).unwrap();
    let bodies: Vec<&serde_json::Value> = value["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["body"].as_array().into_iter().flatten())
        .filter(|b| {
            b["source"]
                .as_str()
                .is_some_and(|s| s.starts_with("ni:///sha-256;"))
        })
        .collect();
    assert!(!bodies.is_empty(), "{anno}");
    for body in bodies {
        assert_eq!(body["type"], "SpecificResource");
        assert_eq!(body["selector"]["type"], "TextQuoteSelector");
        assert_eq!(body["selector"]["exact"], EXCERPT);
    }
    let reviews = exported(Format::ClaimReview, &ws, &ExportOptions::public());
    assert!(
        reviews.contains(&format!("\"archivedAt\": \"{ARCHIVE}\"")),
        "{reviews}"
    );
}

fn factbench(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let out = fresh_home::factbench().args(args).output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

fn export_html(path: &Path, report: &Path, with_snapshots: bool) -> (i32, String) {
    let mut args = vec![
        path.as_os_str(),
        "-f".as_ref(),
        "html".as_ref(),
        "-o".as_ref(),
        report.as_os_str(),
    ];
    if with_snapshots {
        args.push("--with-snapshots".as_ref());
    }
    let mut all = vec![std::ffi::OsStr::new("export")];
    all.extend(args);
    factbench(&all)
}

#[test]
fn with_snapshots_publishes_the_copies_byte_for_byte_and_links_them() {
    let dir = tempfile::tempdir().unwrap();
    let (_, path, _, sha, file) = case(dir.path());
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let report = out.join("my report.html");
    let (code, text) = export_html(&path, &report, true);
    assert_eq!(code, 0, "{text}");
    let published = out.join("my report_files").join(format!("{sha}.txt"));
    assert_eq!(
        std::fs::read(&published).unwrap(),
        std::fs::read(&file).unwrap()
    );
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(
        html.contains(&format!("href=\"my%20report_files/{sha}.txt\"")),
        "{html}"
    );
    // Without the flag nothing is published and the archive URL is linked.
    let plain = out.join("plain.html");
    let (code, text) = export_html(&path, &plain, false);
    assert_eq!(code, 0, "{text}");
    assert!(!out.join("plain_files").exists());
    assert!(std::fs::read_to_string(&plain).unwrap().contains(ARCHIVE));
    // The flag needs a file to write beside.
    let (code, text) = factbench(&[
        "export".as_ref(),
        path.as_os_str(),
        "-f".as_ref(),
        "html".as_ref(),
        "--with-snapshots".as_ref(),
    ]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("give it a file with -o"), "{text}");
}

#[test]
fn a_changed_snapshot_is_not_published_and_a_protected_ones_never_is() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ws, path, index, sha, _) = case(dir.path());
    let stored = snapshots::snapshot_path(&path, &sha).unwrap();
    let mut permissions = std::fs::metadata(&stored).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&stored, permissions).unwrap();
    std::fs::write(&stored, "tampered").unwrap();
    let report = dir.path().join("changed.html");
    let (code, text) = export_html(&path, &report, true);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("has changed"), "{text}");
    assert!(
        !dir.path()
            .join("changed_files")
            .join(format!("{sha}.txt"))
            .exists()
    );

    ws.sources[index].protected = true;
    store::save(&path, &ws).unwrap();
    let report = dir.path().join("protected.html");
    let (code, text) = export_html(&path, &report, true);
    assert_eq!(code, 0, "{text}");
    assert!(!dir.path().join("protected_files").exists(), "{text}");
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(!html.contains(&sha[..12]) && !html.contains(ARCHIVE));
    assert!(html.contains(export::withheld::WITHHELD));
}
