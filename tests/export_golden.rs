//! Golden tests: every format's export of the bundled sample workspace,
//! compared with the reviewed snapshots in `tests/snapshots/`.
//!
//! The sample's timestamps and ids are fixed in its file and no exporter
//! uses the current time or random ids, so the exports are byte-for-byte
//! stable. After an intended change, review with `cargo insta review` (or
//! run with `INSTA_UPDATE=always` and read the diff).

use factbench::export::{self, ExportOptions, Format};
use factbench::sample::sample_workspace;

fn export_sample(format: Format) -> String {
    let mut out = Vec::new();
    export::write(
        format,
        &sample_workspace(),
        &ExportOptions::default(),
        &mut out,
    )
    .expect("the sample exports");
    String::from_utf8(out).expect("exports are UTF-8")
}

#[test]
fn html_report_of_the_sample() {
    insta::assert_snapshot!("sample.html", export_sample(Format::Html));
}

#[test]
fn markdown_of_the_sample() {
    insta::assert_snapshot!("sample.md", export_sample(Format::Markdown));
}

#[test]
fn csv_of_the_sample() {
    insta::assert_snapshot!("sample.csv", export_sample(Format::Csv));
}

#[test]
fn claimreview_of_the_sample() {
    insta::assert_snapshot!(
        "sample.claimreview.json",
        export_sample(Format::ClaimReview)
    );
}

#[test]
fn web_annotations_of_the_sample() {
    insta::assert_snapshot!(
        "sample.annotations.jsonld",
        export_sample(Format::WebAnnotation)
    );
}

#[test]
fn exports_are_deterministic() {
    for format in Format::ALL {
        assert_eq!(export_sample(format), export_sample(format), "{format}");
    }
}

#[test]
fn one_article_can_be_exported_alone() {
    let mut ws = sample_workspace();
    let mut other = factbench::Article::new("Другая статья", "Текст другой статьи.");
    other.language = "ru".into();
    let anchor = factbench::anchor::find_quote(&other.text, "другой", 0).unwrap();
    ws.claims
        .push(factbench::Claim::new(other.id, anchor, "Outlet"));
    let only = ExportOptions {
        article: Some(other.id),
    };
    ws.articles.push(other);
    let mut csv = Vec::new();
    export::write(Format::Csv, &ws, &only, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert_eq!(csv.lines().count(), 2, "header and the one claim: {csv}");
    assert!(csv.contains("Другая статья"));
    assert!(!csv.contains("Xi Jinping"));
}
