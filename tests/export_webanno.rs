//! W3C Web Annotation export: the selectors point at exactly the quoted
//! text, counted in Unicode code points, in any script; claims with broken
//! anchors are left out rather than given wrong offsets.

use factbench::anchor::{capture, find_quote};
use factbench::export::{self, ExportOptions, Format};
use factbench::{Article, Claim, Evidence, Source, SourceKind, Stance, Workspace};
use serde_json::Value;

fn annotations(ws: &Workspace) -> Value {
    let mut out = Vec::new();
    export::write(
        Format::WebAnnotation,
        ws,
        &ExportOptions::default(),
        &mut out,
    )
    .unwrap();
    serde_json::from_slice(&out).unwrap()
}

/// Slices `text` by code points, as a Web Annotation client would.
fn slice_code_points(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// A workspace with one article per text, and a claim on each quote.
fn workspace(articles: &[(&str, &[&str])]) -> Workspace {
    let mut ws = Workspace::new("Scripts");
    for (text, quotes) in articles {
        let article = Article::new("Article", *text);
        for quote in *quotes {
            let anchor = find_quote(text, quote, 0).expect("quote is in the text");
            ws.claims.push(Claim::new(article.id, anchor, "Outlet"));
        }
        ws.articles.push(article);
    }
    ws
}

fn assert_positions_match_quotes(ws: &Workspace) -> usize {
    let doc = annotations(ws);
    let items = doc["first"]["items"].as_array().unwrap();
    for item in items {
        let source = item["target"]["source"].as_str().unwrap();
        let article = ws
            .articles
            .iter()
            .find(|a| a.url == source || format!("urn:uuid:{}", a.id) == source)
            .expect("the target names its article");
        let selectors = item["target"]["selector"].as_array().unwrap();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let position = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        let (start, end) = (
            position["start"].as_u64().unwrap(),
            position["end"].as_u64().unwrap(),
        );
        let exact = quote["exact"].as_str().unwrap();
        assert_eq!(slice_code_points(&article.text, start, end), exact);
        let before = slice_code_points(&article.text, start.saturating_sub(32), start);
        let after = slice_code_points(&article.text, end, end + 32);
        assert_eq!(quote["prefix"].as_str().unwrap(), before);
        assert_eq!(quote["suffix"].as_str().unwrap(), after);
    }
    items.len()
}

#[test]
fn positions_slice_to_the_quote_in_cyrillic_cjk_emoji_and_combining_text() {
    let ws = workspace(&[
        (
            "Министр заявил, что объём торговли вырос на 26 процентов. Эксперты сомневаются.",
            &["объём торговли вырос", "Эксперты"],
        ),
        (
            "外交部发言人表示，双边贸易额去年增长了百分之二十六。分析人士对此提出质疑。",
            &["双边贸易额", "分析人士"],
        ),
        (
            "A 👩‍👩‍👧 family 🇺🇦 said prices 🚫 doubled 👍🏽 today.",
            &["👩‍👩‍👧 family 🇺🇦", "doubled 👍🏽"],
        ),
        (
            "The cafe\u{301} owner cited nai\u{308}ve estimates; Zoe\u{308} agreed.",
            &["cafe\u{301} owner", "nai\u{308}ve", "Zoe\u{308}"],
        ),
    ]);
    assert_eq!(assert_positions_match_quotes(&ws), 9);
}

#[test]
fn positions_hold_in_a_large_generated_workspace() {
    let ws = factbench::sample::generated_workspace(3, 5_000, 120);
    assert_eq!(assert_positions_match_quotes(&ws), 120);
}

#[test]
fn claims_with_broken_anchors_or_no_article_are_left_out() {
    let mut ws = workspace(&[(
        "Путин и 习近平 встретились в Москве.",
        &["习近平", "Москве"],
    )]);
    ws.claims[0].anchor.start = 2; // no longer quotes "习近平"
    ws.claims[0].anchor.end = 5;
    let mut orphan = ws.claims[1].clone();
    orphan.id = factbench::ClaimId::new();
    orphan.article = factbench::ArticleId::new();
    ws.claims.push(orphan);
    let doc = annotations(&ws);
    let items = doc["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(doc["total"], 1);
    assert_eq!(items[0]["target"]["selector"][0]["exact"], "Москве");
    let warnings = export::warnings(Format::WebAnnotation, &ws, &ExportOptions::default()).unwrap();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("anchor does not match"));
    assert!(warnings[1].contains("article is missing"));
}

#[test]
fn bodies_are_verdict_rationale_tags_and_linked_evidence() {
    let mut ws = workspace(&[("Exports rose by 38 per cent.", &["rose by 38 per cent"])]);
    ws.publisher.name = "Desk".into();
    ws.publisher.url = "https://desk.example.org/".into();
    ws.articles[0].url = "https://news.example.org/a".into();
    let web = Source::new(
        "Customs data",
        "https://data.example.org/customs",
        SourceKind::Dataset,
    );
    let hostile = Source::new("Bad", "javascript:alert(1)", SourceKind::Other);
    let claim = &mut ws.claims[0];
    claim.verdict = Some("mostly-false".into());
    claim.rationale = "Customs data show 26 per cent.".into();
    claim.tags = vec!["trade".into(), "exports".into()];
    for source in [&web, &hostile] {
        claim.evidence.push(Evidence {
            id: Default::default(),
            source: source.id,
            stance: Stance::Refutes,
            excerpt: String::new(),
            note: String::new(),
            anchor: None,
        });
    }
    ws.sources = vec![web, hostile];
    let doc = annotations(&ws);
    assert_eq!(doc["type"], "AnnotationCollection");
    assert_eq!(doc["first"]["type"], "AnnotationPage");
    let item = &doc["first"]["items"][0];
    assert_eq!(item["motivation"], "assessing");
    assert_eq!(item["creator"]["name"], "Desk");
    assert_eq!(item["target"]["source"], "https://news.example.org/a");
    let bodies: Vec<(String, String)> = item["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let what = b.get("value").or_else(|| b.get("source")).unwrap();
            (
                b["purpose"].as_str().unwrap().to_owned(),
                what.as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("assessing", "Mostly false"),
        ("commenting", "Customs data show 26 per cent."),
        ("tagging", "trade"),
        ("tagging", "exports"),
        ("linking", "https://data.example.org/customs"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(p, v)| (p.to_string(), v.to_string()))
        .collect();
    assert_eq!(bodies, expected);
    assert_eq!(item["body"][4]["type"], "SpecificResource");
}

#[test]
fn a_claim_on_the_whole_text_has_empty_context() {
    let text = "🇺🇦";
    let mut ws = Workspace::new("t");
    let article = Article::new("a", text);
    ws.claims
        .push(Claim::new(article.id, capture(text, 0, 2).unwrap(), ""));
    ws.articles.push(article);
    let doc = annotations(&ws);
    let selector = &doc["first"]["items"][0]["target"]["selector"];
    assert_eq!(selector[0]["prefix"], "");
    assert_eq!(selector[0]["suffix"], "");
    assert_eq!(selector[1]["end"], 2, "a flag is two code points");
}
