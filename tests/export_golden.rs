//! Golden tests: every format's export of the bundled sample workspace, for
//! both audiences, compared with the reviewed snapshots in
//! `tests/snapshots/`.
//!
//! The sample's timestamps and ids are fixed in its file and no exporter
//! uses the current time or random ids, so the exports are byte-for-byte
//! stable. After an intended change, review with `cargo insta review` (or
//! run with `INSTA_UPDATE=always` and read the diff).

use factbench::export::{self, Audience, ExportOptions, Format};
use factbench::sample::sample_workspace;

fn export_sample(format: Format, audience: Audience) -> String {
    let mut out = Vec::new();
    let options = ExportOptions {
        audience,
        ..ExportOptions::default()
    };
    export::write(format, &sample_workspace(), &options, &mut out).expect("the sample exports");
    String::from_utf8(out).expect("exports are UTF-8")
}

fn snapshot_name(format: Format, audience: Audience) -> String {
    let ext = match format {
        Format::ClaimReview => "claimreview.json",
        Format::WebAnnotation => "annotations.jsonld",
        other => other.extension(),
    };
    format!("sample.{}.{ext}", audience.cli_name())
}

macro_rules! golden {
    ($name:ident, $format:expr) => {
        #[test]
        fn $name() {
            for audience in Audience::ALL {
                insta::assert_snapshot!(
                    snapshot_name($format, audience),
                    export_sample($format, audience)
                );
            }
        }
    };
}

golden!(html_report_of_the_sample, Format::Html);
golden!(markdown_of_the_sample, Format::Markdown);
golden!(csv_of_the_sample, Format::Csv);
golden!(claimreview_of_the_sample, Format::ClaimReview);
golden!(web_annotations_of_the_sample, Format::WebAnnotation);

#[test]
fn exports_are_deterministic() {
    for format in Format::ALL {
        for audience in Audience::ALL {
            assert_eq!(
                export_sample(format, audience),
                export_sample(format, audience),
                "{format}"
            );
        }
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
        ..ExportOptions::internal()
    };
    ws.articles.push(other);
    let mut csv = Vec::new();
    export::write(Format::Csv, &ws, &only, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert_eq!(csv.lines().count(), 2, "header and the one claim: {csv}");
    assert!(csv.contains("Другая статья"));
    assert!(!csv.contains("Xi Jinping"));
    assert!(
        csv.lines().nth(1).unwrap().starts_with("15,"),
        "numbered as in the whole report: {csv}"
    );
}
