//! PDF snapshots' text (issue 23, item 1): a PDF kept as a snapshot gets
//! its text from the PDF extractor article import uses, the pages joined as
//! import joins them, and an excerpt is anchored in it as in any text
//! snapshot — Latin from a two-column article, Cyrillic from a CID font.
//! The snapshot keeps where each page starts (format 12), so the reports
//! say on which page an anchored excerpt lies.

use factbench::evidence::excerpt::anchor_in;
use factbench::evidence::{Request, capture};
use factbench::import::{self, ImportOptions};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name)
}

fn snapshot_of(path: &Path) -> factbench::model::Snapshot {
    let request = Request {
        path,
        url: Some("https://example.org/report.pdf".into()),
        captured: Some("2026-05-09T10:30:00Z".parse().unwrap()),
        by: "Ana".into(),
        source_url: String::new(),
        now: "2026-05-10T08:00:00Z".parse().unwrap(),
    };
    capture(&request).unwrap().snapshot
}

#[test]
fn a_pdf_snapshot_has_the_text_article_import_reads_and_anchors_excerpts() {
    let path = fixture("two-column-latex.pdf");
    let snapshot = snapshot_of(&path);
    assert_eq!(snapshot.media_type, "application/pdf");
    let imported = import::import_file_detailed(&path, &ImportOptions::default()).unwrap();
    assert!(imported.pages.len() >= 2);
    let text = snapshot.text.as_deref().expect("the PDF's text was read");
    assert_eq!(
        text, imported.article.text,
        "the pages joined as import joins them"
    );
    assert!(
        snapshot.note.contains("read page by page"),
        "{}",
        snapshot.note
    );
    // An excerpt from the second page is anchored at its place.
    let second = imported.pages[1].start;
    let excerpt: String = text.chars().skip(second).take(40).collect();
    let excerpt = excerpt.trim();
    let anchored = anchor_in(&snapshot, excerpt);
    let anchor = anchored
        .anchor
        .expect("the excerpt is found in the PDF's text");
    assert_eq!(anchor.exact, excerpt);
    assert!(anchor.start >= second, "{} < {second}", anchor.start);
    // The snapshot keeps the pages as import found them, and the page of
    // the excerpt is told from them: page 2.
    let starts: Vec<usize> = snapshot.pages.iter().map(|p| p.start).collect();
    let imported_starts: Vec<usize> = imported.pages.iter().map(|p| p.start).collect();
    assert_eq!(starts, imported_starts);
    let place = factbench::model::pages_location(&snapshot.pages, anchor.start, anchor.end)
        .expect("a PDF snapshot has pages");
    assert_eq!((place.page, place.end_page), (2, 2));
    assert_eq!(place.label(), format!("p. {}", imported.pages[1].label));
    // The reports' line for the excerpt names the page.
    use factbench::model::{Evidence, ExcerptAnchor, Source, SourceKind, Stance};
    let mut source = Source::new(
        "Report",
        "https://example.org/report.pdf",
        SourceKind::Other,
    );
    source.snapshots.push(snapshot.clone());
    let mut evidence = Evidence::new(source.id, Stance::Supports, excerpt);
    evidence.anchor = Some(Box::new(ExcerptAnchor {
        snapshot: snapshot.sha256.clone(),
        anchor: Some(anchor.clone()),
        unverified: false,
    }));
    let line = factbench::export::archived::excerpt_place(&source, &evidence)
        .unwrap()
        .label();
    assert!(
        line.ends_with(&format!(", p. {}", imported.pages[1].label)),
        "{line}"
    );
    assert!(
        anchor_in(&snapshot, "not in this document at all")
            .anchor
            .is_none()
    );
}

#[test]
fn a_cyrillic_pdf_saved_under_another_name_is_read_as_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("доклад.bin");
    std::fs::copy(fixture("cyrillic-issue5421.pdf"), &renamed).unwrap();
    let snapshot = snapshot_of(&renamed);
    let text = snapshot
        .text
        .as_deref()
        .expect("read by its content, not its name");
    assert!(text.contains("РЕСПУБЛИКАСЫ"), "{text:?}");
    assert!(anchor_in(&snapshot, "РЕСПУБЛИКАСЫ").anchor.is_some());
}

#[test]
fn a_pdf_whose_text_cannot_be_read_is_kept_with_a_note() {
    let snapshot = snapshot_of(&fixture("encrypted-password-issue6010.pdf"));
    assert_eq!(snapshot.text, None);
    assert!(
        snapshot.note.contains("no text could be taken out of it"),
        "{}",
        snapshot.note
    );
}
