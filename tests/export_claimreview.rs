//! ClaimReview JSON-LD: which claims get a review, and the fields Google's
//! fact-check rules ask for.

use factbench::anchor::find_quote;
use factbench::export::{self, ExportOptions, Format};
use factbench::sample::sample_workspace;
use factbench::{Article, Claim, Workspace};
use serde_json::Value;

fn reviews(ws: &Workspace) -> Vec<Value> {
    let mut out = Vec::new();
    export::write(Format::ClaimReview, ws, &ExportOptions::default(), &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

/// A workspace with one article and one claim per verdict key given.
fn with_verdicts(verdicts: &[Option<&str>]) -> Workspace {
    let mut ws = Workspace::new("Ratings");
    ws.report_url = "https://checks.example.org/r".into();
    ws.publisher.name = "Desk".into();
    let mut article = Article::new("Headline", "one two three four five six seven");
    article.url = "https://news.example.org/a".into();
    article.published = Some("2025-05-04".parse().unwrap());
    for (n, verdict) in verdicts.iter().enumerate() {
        let word = ["one", "two", "three", "four", "five", "six", "seven"][n];
        let mut claim = Claim::new(article.id, find_quote(&article.text, word, 0).unwrap(), "");
        claim.statement = format!("Statement {word}");
        claim.claimant = "A. Person".into();
        claim.verdict = verdict.map(str::to_owned);
        ws.claims.push(claim);
    }
    ws.articles.push(article);
    ws
}

#[test]
fn one_review_per_rated_claim_in_report_order() {
    let ws = with_verdicts(&[Some("false"), None, Some("misleading"), Some("no-such-key")]);
    let reviews = reviews(&ws);
    let reviewed: Vec<&str> = reviews
        .iter()
        .map(|r| r["claimReviewed"].as_str().unwrap())
        .collect();
    assert_eq!(reviewed, ["Statement one", "Statement three"]);
}

#[test]
fn ratings_only_where_the_verdict_has_one() {
    let ws = with_verdicts(&[Some("mostly-false"), Some("unverifiable")]);
    let reviews = reviews(&ws);
    let rated = &reviews[0]["reviewRating"];
    assert_eq!(rated["@type"], "Rating");
    assert_eq!(rated["alternateName"], "Mostly false");
    assert_eq!(rated["ratingValue"], 2);
    assert_eq!(rated["bestRating"], 5);
    assert_eq!(rated["worstRating"], 1);
    let off_axis = reviews[1]["reviewRating"].as_object().unwrap();
    assert_eq!(off_axis["alternateName"], "Unverifiable");
    for key in ["ratingValue", "bestRating", "worstRating"] {
        assert!(!off_axis.contains_key(key), "{key} on an off-axis verdict");
    }
}

#[test]
fn required_and_recommended_fields() {
    let ws = with_verdicts(&[Some("true")]);
    let review = &reviews(&ws)[0];
    assert_eq!(review["@context"], "https://schema.org");
    assert_eq!(review["@type"], "ClaimReview");
    assert_eq!(
        review["url"],
        format!("https://checks.example.org/r#claim-{}", ws.claims[0].id)
    );
    assert_eq!(review["author"]["@type"], "Organization");
    assert_eq!(review["author"]["name"], "Desk");
    assert_eq!(
        review["datePublished"],
        ws.claims[0].updated.strftime("%Y-%m-%d").to_string()
    );
    let item = &review["itemReviewed"];
    assert_eq!(item["@type"], "Claim");
    assert_eq!(item["author"]["name"], "A. Person");
    assert_eq!(item["datePublished"], "2025-05-04");
    assert_eq!(item["appearance"]["url"], "https://news.example.org/a");
    assert_eq!(item["appearance"]["headline"], "Headline");
}

#[test]
fn claim_reviewed_is_short_and_free_of_the_verdict() {
    let mut ws = with_verdicts(&[Some("false")]);
    ws.claims[0].statement =
        "The ministry said that exports of machine tools to the region rose by thirty-eight per cent last year"
            .into();
    let review = &reviews(&ws)[0];
    let reviewed = review["claimReviewed"].as_str().unwrap();
    assert!(reviewed.chars().count() <= 75, "{reviewed}");
    assert!(reviewed.starts_with("The ministry said that exports"));
    assert!(reviewed.ends_with('…'));
    assert!(!reviewed.contains("False"));
}

#[test]
fn no_reviews_without_a_web_report_url() {
    let mut ws = with_verdicts(&[Some("true")]);
    ws.report_url = "javascript:alert(1)".into();
    assert!(reviews(&ws).is_empty());
    let warnings = export::warnings(Format::ClaimReview, &ws, &ExportOptions::default()).unwrap();
    assert!(
        warnings.iter().any(|w| w.contains("report URL")),
        "{warnings:?}"
    );
}

#[test]
fn article_url_that_is_not_http_is_left_out_of_the_appearance() {
    let mut ws = with_verdicts(&[Some("true")]);
    ws.articles[0].url = "javascript:alert(1)".into();
    let review = &reviews(&ws)[0];
    assert!(review["itemReviewed"]["appearance"].get("url").is_none());
    assert_eq!(review["itemReviewed"]["appearance"]["headline"], "Headline");
}

#[test]
fn the_sample_has_a_review_for_each_of_its_eight_rated_claims() {
    let ws = sample_workspace();
    assert_eq!(reviews(&ws).len(), 8);
}

#[test]
fn html_embeds_the_same_reviews() {
    let ws = sample_workspace();
    let mut html = Vec::new();
    export::write(Format::Html, &ws, &ExportOptions::default(), &mut html).unwrap();
    let html = String::from_utf8(html).unwrap();
    let open = "<script type=\"application/ld+json\">";
    let start = html.find(open).unwrap() + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    let embedded: Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(embedded, Value::Array(reviews(&ws)));
}
