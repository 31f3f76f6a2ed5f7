//! ClaimReview JSON-LD: which claims get a review, and the fields Google's
//! fact-check rules ask for.

use factbench::anchor::find_quote;
use factbench::export::{self, ExportOptions, Format};
use factbench::model::{
    ClaimantKind, Correction, FieldChange, PublicField, PublicationAction, PublicationEvent,
};
use factbench::sample::sample_workspace;
use factbench::{Article, Claim, Workspace};

fn published_at(moment: &str) -> PublicationEvent {
    PublicationEvent {
        action: PublicationAction::Published,
        date: moment.parse().unwrap(),
        by: "Editor".into(),
    }
}

fn public_reviews(ws: &Workspace) -> Vec<Value> {
    let mut out = Vec::new();
    export::write(Format::ClaimReview, ws, &ExportOptions::public(), &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn dates_follow_publication_and_corrections_not_edits() {
    let mut ws = with_verdicts(&[Some("false"), Some("true")]);
    let claim = &mut ws.claims[0];
    claim.updated = "2026-06-30T10:00:00Z".parse().unwrap();
    claim.publication = vec![
        published_at("2026-03-01T09:00:00Z"),
        PublicationEvent {
            action: PublicationAction::Unpublished,
            date: "2026-03-02T09:00:00Z".parse().unwrap(),
            by: "Editor".into(),
        },
        published_at("2026-04-01T09:00:00Z"),
    ];
    claim.corrections.push(Correction {
        date: "2026-05-05T12:00:00Z".parse().unwrap(),
        note: "New customs data.".into(),
        changes: vec![FieldChange {
            field: PublicField::Verdict,
            old: "mixed".into(),
            new: "false".into(),
        }],
        by: "Editor".into(),
    });
    let reviews = public_reviews(&ws);
    assert_eq!(reviews.len(), 1, "the draft has no public review");
    assert_eq!(reviews[0]["datePublished"], "2026-03-01");
    assert_eq!(reviews[0]["dateModified"], "2026-05-05");
    ws.claims[0].publication.pop();
    assert!(
        public_reviews(&ws).is_empty(),
        "withdrawn claims are not published"
    );
}

#[test]
fn claimants_are_persons_or_organisations_and_the_appearance_is_the_article() {
    let mut ws = with_verdicts(&[Some("true"), Some("false")]);
    ws.articles[0].author = "Анна Иванова".into();
    ws.articles[0].outlet = "新华社".into();
    ws.claims[1].claimant = "Kremlin".into();
    ws.claims[1].claimant_kind = ClaimantKind::Organization;
    let reviews = reviews(&ws);
    assert_eq!(reviews[0]["itemReviewed"]["author"]["@type"], "Person");
    assert_eq!(
        reviews[1]["itemReviewed"]["author"]["@type"],
        "Organization"
    );
    assert_eq!(reviews[1]["itemReviewed"]["author"]["name"], "Kremlin");
    let appearance = &reviews[0]["itemReviewed"]["appearance"];
    assert_eq!(appearance["@type"], "CreativeWork");
    assert_eq!(appearance["datePublished"], "2025-05-04");
    assert_eq!(appearance["author"]["@type"], "Person");
    assert_eq!(appearance["author"]["name"], "Анна Иванова");
    assert_eq!(appearance["publisher"]["@type"], "Organization");
    assert_eq!(appearance["publisher"]["name"], "新华社");
    assert_ne!(
        reviews[0]["url"], reviews[1]["url"],
        "one fragment per claim"
    );
    assert!(
        reviews[1]["url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("#claim-{}", ws.claims[1].id))
    );
}

#[test]
fn missing_report_url_or_publisher_is_said_per_claim() {
    let mut ws = with_verdicts(&[Some("true"), Some("false")]);
    for claim in &mut ws.claims {
        claim.publication.push(published_at("2026-03-01T09:00:00Z"));
    }
    assert!(
        export::missing_data(Format::ClaimReview, &ws, &ExportOptions::public())
            .unwrap()
            .is_empty()
    );
    ws.report_url.clear();
    ws.publisher.name.clear();
    let missing = export::missing_data(Format::ClaimReview, &ws, &ExportOptions::public()).unwrap();
    let lines: Vec<String> = missing.iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with("claim 1 needs the workspace's report URL"),
        "{lines:?}"
    );
    assert!(lines[1].starts_with("claim 2 needs") && lines[1].contains("publisher's name"));
}
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
    let mut ws = with_verdicts(&[Some("true")]);
    ws.claims[0]
        .publication
        .push(published_at("2026-03-01T23:30:00Z"));
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
        review["datePublished"], "2026-03-01",
        "the first publication, in UTC"
    );
    assert!(review.get("dateModified").is_none(), "never corrected");
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
