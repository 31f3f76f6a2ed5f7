//! CSV export: RFC 4180 that a CSV reader parses back to the same fields,
//! including embedded quotes, commas and newlines.

use factbench::anchor::find_quote;
use factbench::export::csv::{HEADER, INTERNAL_HEADER};
use factbench::export::{self, ExportOptions, Format};
use factbench::{Article, Claim, Evidence, Source, SourceKind, Stance, Workspace};

const TEXT: &str = "He said \"prices rose, sharply\"\nand then: «всё, хватит» — 结束。";

fn workspace() -> Workspace {
    let mut ws = Workspace::new("CSV");
    let mut article = Article::new("Title, with \"quotes\"", TEXT);
    article.url = "https://news.example.org/a?x=1,2".into();
    let mut claim = Claim::new(
        article.id,
        find_quote(TEXT, "\"prices rose, sharply\"\nand then", 0).unwrap(),
        "Outlet, Inc.",
    );
    claim.statement = "Prices rose \"sharply\",\r\nthen fell.".into();
    claim.claimant = "O'Brien, \"the minister\"".into();
    claim.tags = vec!["prices".into(), "a, b".into()];
    claim.verdict = Some("mostly-true".into());
    claim.rationale = "Line one.\nLine two, with a comma.\n\n\"Quoted\" line.".into();
    let one = Source::new("One", "https://data.example.org/1", SourceKind::Dataset);
    let two = Source::new(
        "Two",
        "https://data.example.org/2?a=\"b\"",
        SourceKind::Other,
    );
    for source in [&one, &two] {
        claim.evidence.push(Evidence {
            id: Default::default(),
            source: source.id,
            stance: Stance::Supports,
            excerpt: String::new(),
            note: String::new(),
            anchor: None,
        });
    }
    let mut unrated = Claim::new(article.id, find_quote(TEXT, "结束", 0).unwrap(), "");
    unrated.anchor.exact = "no longer there".into();
    ws.claims = vec![claim, unrated];
    ws.sources = vec![one, two];
    ws.articles.push(article);
    ws
}

fn parse(csv: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().from_reader(csv);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[test]
fn parses_back_to_the_same_fields() {
    let ws = workspace();
    let mut out = Vec::new();
    export::write(Format::Csv, &ws, &ExportOptions::default(), &mut out).unwrap();
    let (header, rows) = parse(&out);
    let full: Vec<&str> = HEADER.iter().chain(&INTERNAL_HEADER).copied().collect();
    assert_eq!(header, full);
    assert_eq!(rows.len(), 2);
    let claim = &ws.claims[0];
    let expected = [
        "1".to_owned(),
        claim.id.to_string(),
        "Title, with \"quotes\"".into(),
        "https://news.example.org/a?x=1,2".into(),
        "\"prices rose, sharply\"\nand then".into(),
        "Prices rose \"sharply\",\r\nthen fell.".into(),
        "O'Brien, \"the minister\"".into(),
        "Person".into(),
        "Outlet, Inc.".into(),
        "Mostly true".into(),
        "4".into(),
        "prices; a, b".into(),
        "Line one.\nLine two, with a comma.\n\n\"Quoted\" line.".into(),
        "".into(),
        "".into(),
        "0".into(),
        "One; Two".into(),
        "https://data.example.org/1; https://data.example.org/2?a=\"b\"".into(),
        "Supports; Supports".into(),
        "; ".into(),
        "8".into(),
        "39".into(),
        "To check".into(),
        "Normal".into(),
        "".into(),
        "".into(),
        "".into(),
    ];
    assert_eq!(rows[0], expected);
}

#[test]
fn broken_anchor_leaves_start_and_end_empty() {
    let ws = workspace();
    let mut out = Vec::new();
    export::write(Format::Csv, &ws, &ExportOptions::default(), &mut out).unwrap();
    let (_, rows) = parse(&out);
    let unrated = &rows[1];
    assert_eq!(unrated[4], "no longer there");
    assert_eq!(unrated[9], "", "no verdict label");
    assert_eq!(unrated[10], "", "no rating");
    assert_eq!((unrated[20].as_str(), unrated[21].as_str()), ("", ""));
}

#[test]
fn is_rfc_4180_with_crlf_records_and_quoted_fields() {
    let ws = workspace();
    let mut out = Vec::new();
    export::write(Format::Csv, &ws, &ExportOptions::default(), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("Number,Claim ID,Article title,Article URL,Quote,"));
    assert!(text.contains("\r\n"));
    assert!(text.ends_with("\r\n"));
    assert!(
        text.contains("\"Title, with \"\"quotes\"\"\""),
        "quotes doubled inside quotes"
    );
    let strict = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes())
        .records()
        .count();
    assert_eq!(strict, 2);
}

#[test]
fn the_sample_has_one_row_per_claim() {
    let ws = factbench::sample::sample_workspace();
    let mut out = Vec::new();
    export::write(Format::Csv, &ws, &ExportOptions::default(), &mut out).unwrap();
    let (_, rows) = parse(&out);
    assert_eq!(rows.len(), ws.claims.len());
    let mut ids: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    ids.sort_unstable();
    let mut expected: Vec<String> = ws.claims.iter().map(|c| c.id.to_string()).collect();
    expected.sort_unstable();
    assert_eq!(ids, expected);
}
