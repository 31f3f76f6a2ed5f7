//! Public claim numbers (format 12, issue 28 item 13): a claim gets its
//! number in public reports at its first publication and keeps it; a
//! version 11 file numbers its published claims on opening; public
//! reports show those numbers in text order without gaps, the internal
//! copy the window's working numbers; `claims --json` gives both.

mod fresh_home;

use factbench::export::{self, ExportOptions, Format};
use factbench::model::FORMAT_VERSION;
use factbench::sample::sample_workspace;
use factbench::store;
use std::path::Path;

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v11-workspace.ron")
}

#[test]
fn a_version_eleven_file_numbers_its_published_claims_in_order_of_publication() {
    let text = std::fs::read_to_string(fixture()).unwrap();
    // The bundled sample as format 11 wrote it (commit 079b267).
    assert!(text.starts_with("Workspace(\n    format_version: 11,\n"));
    assert!(!text.contains("public_number"));
    let loaded = store::load(&fixture()).unwrap();
    assert_eq!(loaded.migrated_from, Some(11));
    assert_eq!(FORMAT_VERSION, 12);
    let ws = loaded.workspace;
    let mut published: Vec<_> = ws.claims.iter().filter(|c| c.is_published()).collect();
    published.sort_by_key(|c| (c.first_published(), c.id.to_string()));
    let numbers: Vec<_> = published.iter().map(|c| c.public_number).collect();
    let expected: Vec<_> = (1..=published.len() as u32).map(Some).collect();
    assert_eq!(numbers, expected, "1, 2, 3… in order of first publication");
    assert!(
        ws.claims
            .iter()
            .filter(|c| !c.is_published())
            .all(|c| c.public_number.is_none())
    );
    assert_eq!(
        ws,
        sample_workspace(),
        "the bundled sample is this file, numbered"
    );
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

#[test]
fn the_public_report_numbers_by_public_number_and_the_internal_copy_by_position() {
    let mut ws = sample_workspace();
    ws.publisher.name = "Northern Verification Desk".into();
    let report = |options: ExportOptions| {
        let mut out = Vec::new();
        export::write(Format::Markdown, &ws, &options, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    let public = report(ExportOptions::public());
    let working = ws.claim_numbers();
    let mut differing = 0;
    for claim in ws.claims.iter().filter(|c| c.is_published()) {
        let public_number = claim.public_number.unwrap() as usize;
        differing += usize::from(public_number != working[&claim.id]);
        let heading = format!("#### {public_number}. ");
        assert!(public.contains(&heading), "{heading} in the public report");
    }
    assert!(
        differing > 0,
        "the sample's working and public numbers differ somewhere (else this test shows nothing)"
    );
    let internal = report(ExportOptions::internal());
    let first = &ws.claims[0];
    let heading = format!("#### {}. ", working[&first.id]);
    assert!(
        internal.contains(&heading),
        "{heading} in the internal copy"
    );
}

#[test]
fn claims_json_gives_the_public_number_and_a_published_claim_cannot_be_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("desk.ron");
    store::save(&file, &sample_workspace()).unwrap();
    let out = fresh_home::factbench_std()
        .args(["claims", "--json"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for line in &lines {
        let published = line["published"].as_bool().unwrap();
        assert_eq!(published, line["public_number"].is_u64(), "{line}");
    }
    let mut numbers: Vec<u64> = lines
        .iter()
        .filter_map(|l| l["public_number"].as_u64())
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=8).collect::<Vec<_>>());
}
