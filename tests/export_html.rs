//! The HTML report's structure: overlapping claims, links between claim
//! numbers and cards, the verdict summary, and graceful handling of broken
//! anchors, missing sources and unknown verdicts.

use factbench::anchor::find_quote;
use factbench::export::{self, ExportOptions, Format};
use factbench::{Article, Claim, Evidence, SourceId, Stance, Workspace};

fn report(ws: &Workspace) -> String {
    let mut out = Vec::new();
    export::write(Format::Html, ws, &ExportOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The rendered article text: between `<div class="text"` and its `</div>`.
fn article_text(html: &str) -> &str {
    let start = html.find("<div class=\"text\"").unwrap();
    let end = start + html[start..].find("</div>").unwrap();
    &html[start..end]
}

fn workspace(text: &str, quotes: &[(&str, Option<&str>)]) -> Workspace {
    let mut ws = Workspace::new("Report");
    let article = Article::new("Article", text);
    for (quote, verdict) in quotes {
        let mut claim = Claim::new(article.id, find_quote(text, quote, 0).unwrap(), "");
        claim.verdict = verdict.map(str::to_owned);
        ws.claims.push(claim);
    }
    ws.articles.push(article);
    ws
}

#[test]
fn overlapping_and_nested_claims_render_as_nested_marks() {
    let ws = workspace(
        "a b c d e f",
        &[("b c d", Some("true")), ("c", Some("false")), ("d e", None)],
    );
    let html = report(&ws);
    let text = article_text(&html);
    let [outer, nested, overlapping] = [0, 1, 2].map(|i| format!("claim-{}", ws.claims[i].id));
    let expected = format!(
        concat!(
            "a ",
            "<a class=\"ref v0\" id=\"ref-{o}\" href=\"#{o}\" dir=\"ltr\" title=\"Claim 1\">1</a>",
            "<mark class=\"hl v0 l0\">b </mark>",
            "<a class=\"ref v4\" id=\"ref-{n}\" href=\"#{n}\" dir=\"ltr\" title=\"Claim 2\">2</a>",
            "<mark class=\"hl v0 l1\"><mark class=\"hl v4 l0\">c</mark></mark>",
            "<mark class=\"hl v0 l0\"> </mark>",
            "<a class=\"ref vu\" id=\"ref-{v}\" href=\"#{v}\" dir=\"ltr\" title=\"Claim 3\">3</a>",
            "<mark class=\"hl v0 l1\"><mark class=\"hl vu l0\">d</mark></mark>",
            "<mark class=\"hl vu l0\"> e</mark>",
            " f"
        ),
        o = outer,
        n = nested,
        v = overlapping
    );
    assert!(text.ends_with(&expected), "{text}");
    assert_eq!(
        text.matches("<mark").count(),
        text.matches("</mark>").count()
    );
}

#[test]
fn numbers_link_to_cards_and_cards_link_back() {
    let ws = workspace(
        "Xi will travel to Moscow.",
        &[("travel to Moscow", Some("true"))],
    );
    let html = report(&ws);
    let id = format!("claim-{}", ws.claims[0].id);
    assert!(html.contains(&format!("id=\"ref-{id}\" href=\"#{id}\"")));
    assert!(html.contains(&format!("<article class=\"card v0\" id=\"{id}\">")));
    assert!(html.contains(&format!("<a class=\"num\" href=\"#ref-{id}\"")));
    assert!(html.contains(&format!("<p class=\"back\"><a href=\"#ref-{id}\">")));
}

#[test]
fn summary_counts_claims_per_verdict() {
    let ws = workspace(
        "one two three four",
        &[
            ("one", Some("true")),
            ("two", Some("true")),
            ("three", None),
            ("four", Some("false")),
        ],
    );
    let html = report(&ws);
    assert!(html.contains("4 claims in 1 article; 3 rated, 1 not yet rated."));
    assert!(html.contains("<span class=\"fill v0\" style=\"width:100.0%\"></span></span></td><td class=\"count\">2</td>"));
    assert!(html.contains("<span class=\"fill v4\" style=\"width:50.0%\"></span></span></td><td class=\"count\">1</td>"));
    assert!(html.contains("<span class=\"fill v1 zero\" style=\"width:0.0%\"></span></span></td><td class=\"count\">0</td>"));
}

#[test]
fn damaged_workspaces_still_make_a_whole_report() {
    let mut ws = workspace(
        "Путин и 习近平 👩‍👩‍👧 встретились.",
        &[("习近平", Some("nonsense")), ("встретились", None)],
    );
    ws.claims[1].anchor.start = 900; // out of range
    ws.claims[1].anchor.end = 905;
    ws.claims[0].evidence.push(Evidence {
        id: Default::default(),
        source: SourceId::new(),
        stance: Stance::Context,
        excerpt: "quoted".into(),
        note: String::new(),
        anchor: None,
    });
    let mut orphan = ws.claims[0].clone();
    orphan.id = factbench::ClaimId::new();
    orphan.article = factbench::ArticleId::new();
    ws.claims.push(orphan);
    ws.scale.verdicts.clear();
    let html = report(&ws);
    assert!(html.ends_with("</html>\n"));
    assert!(html.contains("Unknown verdict “<bdi>nonsense</bdi>”"));
    assert!(html.contains("a source that is missing from the source library"));
    assert!(html.contains("could not be found at its place in the current text"));
    assert!(html.contains("<section id=\"unplaced\">"));
    let text = article_text(&html);
    assert_eq!(
        text.matches("class=\"ref").count(),
        1,
        "only the placed claim is numbered in the text"
    );
    assert!(text.contains("встретились."));
}
