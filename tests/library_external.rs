//! Published fact-checks in the library folders: real ClaimReview items
//! (`tests/fixtures/claimreview/corpus`, see its README) read from a
//! ClaimsKG-style CSV, a JSON-LD `DataFeed`, a `@graph` and JSON Lines;
//! `similar --json` describes them; the same review in two files is one
//! check; a malformed file is skipped with a note naming it; and their
//! ratings never make a verdict conflict.

mod fresh_home;

use factbench::library::{Library, Query, external_disagreements, verdict_conflicts};
use factbench::model::{Anchor, ArticleId, Claim, VerdictScale};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/claimreview/corpus")
}

fn similar_json(folder: &Path, text: &str) -> (Vec<serde_json::Value>, String) {
    let cache = tempfile::tempdir().unwrap();
    let out = fresh_home::factbench()
        .args(["similar", text, "--json", "--top", "5", "--in"])
        .arg(folder)
        .arg("--index-dir")
        .arg(cache.path())
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (lines, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_published_review_is_an_earlier_check_with_its_fields() {
    let (lines, err) = similar_json(
        &corpus(),
        "Five pilots at JetBlue were killed by the Covid vaccine",
    );
    assert!(err.is_empty(), "{err}");
    let first = &lines[0];
    assert_eq!(first["external"], true, "{first}");
    let url = first["claim"].as_str().unwrap();
    assert!(
        url.contains("politifact.com") || url.contains("snopes.com"),
        "{url}"
    );
    assert_eq!(first["url"], first["claim"]);
    assert_eq!(first["verdict"], "false");
    assert_eq!(first["rating"], "False");
    assert_eq!(first["same_claim"], true);
    let date = first["date"].as_str().unwrap();
    assert!(date.len() == 10 && date.starts_with("2021-"), "{date}");
    assert!(!first["publisher"].as_str().unwrap().is_empty());
    assert!(first["workspace"].as_str().unwrap().ends_with(".csv"));
    for key in ["rating_value", "best", "worst", "language"] {
        assert!(first.get(key).is_some(), "{key} missing: {first}");
    }
    let score = first["score"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&score));
}

#[test]
fn the_same_review_in_two_files_is_one_check_with_both_sources() {
    let (lines, _) = similar_json(
        &corpus(),
        "If a wound bleeds there is no risk of tetanus because the bacteria cannot survive oxygen",
    );
    let first = &lines[0];
    assert!(
        first["url"].as_str().unwrap().contains("tetanus"),
        "{first}"
    );
    let sources: Vec<&str> = first["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(sources.len(), 2, "{sources:?}");
    assert!(sources.iter().any(|s| s.ends_with("fullfact.csv")));
    assert!(sources.iter().any(|s| s.ends_with("fullfact-again.json")));
    let same_url = lines.iter().filter(|l| l["url"] == first["url"]).count();
    assert_eq!(same_url, 1);
}

#[test]
fn a_feed_and_json_lines_are_read_and_ratings_map_by_value() {
    let (lines, _) = similar_json(&corpus(), "Propolis throat spray treats coronavirus");
    let first = &lines[0];
    assert!(
        first["workspace"]
            .as_str()
            .unwrap()
            .ends_with("afp-feed.jsonld")
    );
    assert_eq!(first["rating"], "Misleading");
    assert_eq!(first["rating_value"], 3.0);
    assert_eq!(first["verdict"], "misleading", "label first: {first}");
    let (lines, _) = similar_json(
        &corpus(),
        "A horse named Peyo visits cancer patients in a French hospital",
    );
    assert!(
        lines[0]["workspace"]
            .as_str()
            .unwrap()
            .ends_with("truthorfiction.jsonl")
    );
    assert_eq!(lines[0]["verdict"], "true");
}

#[test]
fn a_malformed_file_is_skipped_with_its_place_and_the_rest_still_works() {
    let folder = tempfile::tempdir().unwrap();
    fs::copy(
        corpus().join("politifact.csv"),
        folder.path().join("politifact.csv"),
    )
    .unwrap();
    fs::write(
        folder.path().join("broken.json"),
        "{\"@type\": \"ClaimReview\",\n  \"claimReviewed\": [1, }",
    )
    .unwrap();
    fs::write(
        folder.path().join("half.jsonl"),
        "{\"@type\":\"ClaimReview\",\"claimReviewed\":\"Stonehenge is a modern fake.\",\"url\":\"https://example.org/s\"}\n{oops\n",
    )
    .unwrap();
    let (lines, err) = similar_json(folder.path(), "Trump actually won the state of Arizona");
    assert!(err.contains("broken.json: line 2"), "{err}");
    assert!(err.contains("half.jsonl: line 2"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(lines[0]["statement"].as_str().unwrap().contains("Arizona"));
    let (lines, _) = similar_json(folder.path(), "Stonehenge is a fake built recently");
    assert_eq!(lines[0]["url"], "https://example.org/s");
}

fn claim(statement: &str, verdict: &str) -> Claim {
    let anchor = Anchor {
        start: 0,
        end: statement.chars().count(),
        exact: statement.to_owned(),
        prefix: String::new(),
        suffix: String::new(),
    };
    let mut claim = Claim::new(ArticleId::new(), anchor, "");
    claim.verdict = Some(verdict.to_owned());
    claim
}

#[test]
fn a_published_rating_that_differs_is_a_quiet_note_never_a_conflict() {
    let cache = tempfile::tempdir().unwrap();
    let mut library = Library::open(cache.path()).unwrap();
    let folders = vec![corpus()];
    library.refresh(&folders).unwrap();
    let claims = vec![claim("The EU has a 40% tariff on food from Africa", "true")];
    let conflicts = verdict_conflicts(&library, &folders, None, &claims, |_, _| true).unwrap();
    assert!(conflicts.is_empty(), "{conflicts:?}");
    let notes = external_disagreements(&library, &folders, None, &claims, &VerdictScale::default())
        .unwrap();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].other.verdict.as_deref(), Some("false"));
    // Mapped onto the asker's scale: a scale naming "False" otherwise.
    let query = Query {
        text: "The EU has a 40% tariff on food from Africa".into(),
        folders: library.folders(&folders).unwrap(),
        top: 1,
        ..Query::default()
    };
    let found = library.similar(&query).unwrap();
    assert!(found[0].external.is_some());
}

/// recall@1, same-claim recall, and false same-claim calls on the
/// different claims, for one query set over the published corpus.
fn figures(queries: &str) -> (f64, f64, usize) {
    let cache = tempfile::tempdir().unwrap();
    let mut library = Library::open(cache.path()).unwrap();
    library.refresh(&[corpus()]).unwrap();
    let folders = library.folders(&[corpus()]).unwrap();
    let text = fs::read_to_string(corpus().parent().unwrap().join(queries)).unwrap();
    let (mut checked, mut first, mut same, mut false_same) = (0, 0, 0, 0);
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((expected, wording)) = line.split_once('\t') else {
            continue;
        };
        let expected: Vec<&str> = expected.split_whitespace().filter(|e| *e != "-").collect();
        let query = Query {
            text: wording.to_owned(),
            folders: folders.clone(),
            top: 5,
            ..Query::default()
        };
        let matches = library.similar(&query).unwrap();
        let right = |m: &factbench::library::Match| expected.contains(&m.claim.as_str());
        if expected.is_empty() {
            false_same += usize::from(matches.iter().any(|m| m.same_claim));
            continue;
        }
        checked += 1;
        first += usize::from(matches.first().is_some_and(right));
        same += usize::from(matches.iter().any(|m| right(m) && m.same_claim));
    }
    (
        first as f64 / checked as f64,
        same as f64 / checked as f64,
        false_same,
    )
}

#[test]
fn rewordings_of_published_checks_are_found_first() {
    // The figures docs/library.md reports (word and character n-gram
    // matching, number words, "Covid-19" no amount); a change that lowers
    // them fails here. Before the n-grams: same claim 0.900 / 0.792 / 0.750.
    let (first, same, false_same) = figures("tuning.tsv");
    assert_eq!(first, 1.0);
    assert!(same >= 0.85, "{same}");
    assert!(false_same <= 1, "{false_same}");
    let (first, same, false_same) = figures("heldout.tsv");
    assert_eq!(first, 1.0);
    assert!(same >= 0.91, "{same}");
    assert_eq!(false_same, 0);
    // Written after the two above were used, before the n-grams were built.
    let (first, same, false_same) = figures("heldout2.tsv");
    assert!(first >= 0.95, "{first}");
    assert!(same >= 0.87, "{same}");
    assert!(false_same <= 2, "{false_same}");
    // Read to find the changes of 2026-12-07 (countries, accents, spans
    // of years); before them: 0.917, 0.792, 3.
    let (first, same, false_same) = figures("development.tsv");
    assert_eq!(first, 1.0);
    assert!(same >= 0.87, "{same}");
    assert!(false_same <= 3, "{false_same}");
    // Written after those changes, scored once.
    let (first, same, false_same) = figures("heldout3.tsv");
    assert_eq!(first, 1.0);
    assert!(same >= 0.83, "{same}");
    assert!(false_same <= 2, "{false_same}");
}

/// The similar matches of `text` among reviews claiming `claims`, each a
/// line of a JSON Lines file in a fresh folder: `(claim, score, same)`.
fn matches_among(claims: &[&str], text: &str) -> Vec<(String, f64, bool)> {
    let folder = tempfile::tempdir().unwrap();
    factbench::sample::write_review_lines(folder.path(), claims).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let mut library = Library::open(cache.path()).unwrap();
    library.refresh(&[folder.path().to_owned()]).unwrap();
    let query = Query {
        text: text.to_owned(),
        folders: library.folders(&[folder.path().to_owned()]).unwrap(),
        top: 5,
        ..Query::default()
    };
    library
        .similar(&query)
        .unwrap()
        .into_iter()
        .map(|m| (m.statement, m.score, m.same_claim))
        .collect()
}

/// The misses: an ordinal in words for one in digits, and other
/// forms of the check's words; the near misses (another number, the
/// roles swapped) stay below the same-claim line.
#[test]
fn rewordings_with_other_word_forms_and_spelled_numbers_are_the_same_claim() {
    let checks = [
        "The EU adopted the 16th sanctions package against Russia",
        "The EU adopted the 17th sanctions package against Russia",
        "China is supplying strike drones to Russia",
        "Russia is supplying strike drones to China",
        "Covid-19 vaccines have severed the link between infections and death",
    ];
    let found = matches_among(
        &checks,
        "The EU has now adopted its sixteenth package of Russia sanctions",
    );
    assert_eq!(found[0].0, checks[0], "{found:?}");
    assert!(found[0].2, "{found:?}");
    assert!(found.iter().skip(1).all(|m| !m.2), "{found:?}");
    let found = matches_among(
        &checks,
        "Chinese supplies of strike drones are reaching Russia",
    );
    assert_eq!(found[0].0, checks[2], "{found:?}");
    assert!(found[0].2, "{found:?}");
    assert!(found.iter().skip(1).all(|m| !m.2), "{found:?}");
    // "Covid-19" is a name, not the amount 19 a wording without it lacks.
    let found = matches_among(
        &checks,
        "Covid vaccines severed the link between infection and death",
    );
    assert_eq!(found[0].0, checks[4], "{found:?}");
    assert!(found[0].1 > 0.9, "{found:?}");
}
