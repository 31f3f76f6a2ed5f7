//! Published fact-checks from outside the desk: ClaimReview files in the
//! library folders, each review a read-only earlier check. Read are
//! schema.org JSON-LD (one object, an array, a `@graph`, a `DataFeed` of
//! `DataFeedItem`s), JSON Lines of the same, the Google Fact Check Tools
//! answer (`claims[].claimReview[]`), and CSV downloads of the large
//! collections (the columns read are listed in `docs/library.md`). A
//! malformed file or item is skipped with a note naming the file and the
//! place; the rest is read.

use crate::model::VerdictScale;
use serde_json::Value;
use std::path::Path;

/// Files larger than this are left out with a note (the Data Commons feed
/// is about 200 MB; reading one whole file is bounded by this).
pub const LARGEST_FILE: u64 = 512 * 1024 * 1024;
/// Notes kept per file: a broken export says so a few times, not 250,000.
const NOTES_PER_FILE: usize = 5;

/// One published review of a claim.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Review {
    /// `claimReviewed`: the claim in the fact-checker's words.
    pub claim_reviewed: String,
    /// `reviewRating.alternateName`: the verdict in words ("Mostly false").
    pub rating: String,
    pub rating_value: Option<f64>,
    pub best: Option<f64>,
    pub worst: Option<f64>,
    /// `author.name` of the review: the fact-checker.
    pub publisher: String,
    /// `itemReviewed.author.name`: who made the claim.
    pub claimant: String,
    /// `datePublished`, as `YYYY-MM-DD` when it starts with one.
    pub date: String,
    /// The review's address: what makes two copies of it one check.
    pub url: String,
    /// `inLanguage`, when given.
    pub language: String,
}

/// What one file held.
#[derive(Debug, Default)]
pub struct Read {
    pub reviews: Vec<Review>,
    /// Items or lines skipped, each naming the file and the place.
    pub notes: Vec<String>,
}

impl Read {
    fn note(&mut self, path: &Path, place: &str, why: &str) {
        if self.notes.len() < NOTES_PER_FILE {
            self.notes.push(format!(
                "{}: {place}: {why}; left out of the claim library",
                path.display()
            ));
        }
    }
}

/// Whether the library reads `path` as a file of published reviews.
pub fn is_review_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "json" | "jsonld" | "jsonl" | "ndjson" | "csv"
        )
    })
}

/// The reviews in the file at `path`; an unreadable file is an error
/// naming it (the caller skips it).
pub fn read_file(path: &Path) -> Result<Read, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{}: could not be read: {e}", path.display()))?
        .len();
    if size > LARGEST_FILE {
        return Err(format!(
            "{}: is {} MB, more than the {} MB the claim library reads from one file",
            path.display(),
            size / (1024 * 1024),
            LARGEST_FILE / (1024 * 1024)
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| format!("{}: could not be read: {e}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim_start_matches('\u{feff}');
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let mut read = Read::default();
    match extension.as_str() {
        "csv" => read_csv(path, text, &mut read),
        "jsonl" | "ndjson" => read_lines(path, text, &mut read),
        _ => match serde_json::from_str::<Value>(text) {
            Ok(value) => walk(&value, path, "the file", &mut read),
            // A .json file holding one JSON value per line is read as lines.
            Err(_) if looks_like_lines(text) => read_lines(path, text, &mut read),
            Err(e) => {
                return Err(format!(
                    "{}: line {}, column {}: not JSON ({e})",
                    path.display(),
                    e.line(),
                    e.column()
                ));
            }
        },
    }
    Ok(read)
}

fn looks_like_lines(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next();
    first.is_some_and(|l| serde_json::from_str::<Value>(l).is_ok()) && lines.next().is_some()
}

fn read_lines(path: &Path, text: &str, read: &mut Read) {
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(value) => walk(&value, path, &format!("line {}", number + 1), read),
            Err(e) => read.note(
                path,
                &format!("line {}, column {}", number + 1, e.column()),
                "not JSON",
            ),
        }
    }
}

/// Finds the ClaimReviews in a JSON value, however they are wrapped.
fn walk(value: &Value, path: &Path, place: &str, read: &mut Read) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, path, &format!("{place}, item {}", i + 1), read);
            }
        }
        Value::Object(map) => {
            if has_type(value, "ClaimReview") {
                match review_of(value) {
                    Some(review) => read.reviews.push(review),
                    None => read.note(path, place, "a ClaimReview without claimReviewed"),
                }
                return;
            }
            if let Some(claims) = map.get("claims").and_then(Value::as_array)
                && claims.iter().any(|c| c.get("claimReview").is_some())
            {
                for (i, claim) in claims.iter().enumerate() {
                    fact_check_tools(claim, path, &format!("{place}, claim {}", i + 1), read);
                }
                return;
            }
            for key in ["@graph", "dataFeedElement", "item", "itemListElement"] {
                if let Some(inner) = map.get(key) {
                    walk(inner, path, place, read);
                }
            }
        }
        _ => {}
    }
}

fn has_type(value: &Value, wanted: &str) -> bool {
    let is = |t: &Value| {
        t.as_str()
            .is_some_and(|t| t == wanted || t.rsplit(['/', ':']).next() == Some(wanted))
    };
    match value.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// A schema.org ClaimReview object as a [`Review`].
fn review_of(value: &Value) -> Option<Review> {
    let claim_reviewed = text_of(value.get("claimReviewed")?).trim().to_owned();
    if claim_reviewed.is_empty() {
        return None;
    }
    let rating = first_of(value.get("reviewRating"));
    let item = first_of(value.get("itemReviewed"));
    Some(Review {
        claim_reviewed,
        rating: rating
            .and_then(|r| r.get("alternateName").or_else(|| r.get("name")))
            .map(text_of)
            .unwrap_or_default(),
        rating_value: rating.and_then(|r| number(r.get("ratingValue"))),
        best: rating.and_then(|r| number(r.get("bestRating"))),
        worst: rating.and_then(|r| number(r.get("worstRating"))),
        publisher: name_of(value.get("author").or_else(|| value.get("publisher"))),
        claimant: item.map(|i| name_of(i.get("author"))).unwrap_or_default(),
        date: day(&value.get("datePublished").map(text_of).unwrap_or_default()),
        url: value.get("url").map(text_of).unwrap_or_default(),
        language: language_of(value.get("inLanguage")),
    })
}

/// One claim of a Google Fact Check Tools answer: each of its reviews.
fn fact_check_tools(claim: &Value, path: &Path, place: &str, read: &mut Read) {
    let text = claim.get("text").map(text_of).unwrap_or_default();
    let Some(reviews) = claim.get("claimReview").and_then(Value::as_array) else {
        return read.note(path, place, "no claimReview");
    };
    if text.trim().is_empty() {
        return read.note(path, place, "a claim without text");
    }
    for review in reviews {
        read.reviews.push(Review {
            claim_reviewed: text.trim().to_owned(),
            rating: review.get("textualRating").map(text_of).unwrap_or_default(),
            publisher: name_of(review.get("publisher")),
            claimant: claim.get("claimant").map(text_of).unwrap_or_default(),
            date: day(&review.get("reviewDate").map(text_of).unwrap_or_default()),
            url: review.get("url").map(text_of).unwrap_or_default(),
            language: review.get("languageCode").map(text_of).unwrap_or_default(),
            ..Review::default()
        });
    }
}

fn first_of(value: Option<&Value>) -> Option<&Value> {
    match value? {
        Value::Array(items) => items.first(),
        other => Some(other),
    }
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.first().map(text_of).unwrap_or_default(),
        Value::Object(map) => map
            .get("@value")
            .or_else(|| map.get("name"))
            .map(text_of)
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn name_of(value: Option<&Value>) -> String {
    match first_of(value) {
        Some(Value::Object(map)) => map.get("name").map(text_of).unwrap_or_default(),
        Some(other) => text_of(other),
        None => String::new(),
    }
}

fn language_of(value: Option<&Value>) -> String {
    match first_of(value) {
        Some(Value::Object(map)) => map
            .get("alternateName")
            .or_else(|| map.get("name"))
            .map(text_of)
            .unwrap_or_default(),
        Some(other) => text_of(other),
        None => String::new(),
    }
}

fn number(value: Option<&Value>) -> Option<f64> {
    match value? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|n: &f64| n.is_finite())
}

/// `YYYY-MM-DD` from the start of a date or date-time; else as given.
fn day(text: &str) -> String {
    let text = text.trim();
    let looks_like_day = text.len() >= 10
        && text.is_char_boundary(10)
        && text[..10].chars().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if looks_like_day {
        text[..10].to_owned()
    } else {
        crate::text::one_line(text, 40)
    }
}

/// The CSV columns read, by what they hold; the first present wins.
/// ClaimsKG's extractor output, the Data Commons research CSV, the Global
/// Claims and MultiClaim downloads, and plain `claimReviewed`-style names.
const CLAIM_COLUMNS: &[&str] = &[
    "claimReview_claimReviewed",
    "claimReviewed",
    "claim_reviewed",
    "claim_text",
    "claim",
    "text",
];
const URL_COLUMNS: &[&str] = &["claimReview_url", "review_url", "factcheck_url", "url"];
const RATING_COLUMNS: &[&str] = &[
    "rating_alternateName",
    "alternateName",
    "review_rating",
    "textualRating",
    "rating",
    "verdict",
];
const VALUE_COLUMNS: &[&str] = &["rating_ratingValue", "ratingValue"];
const BEST_COLUMNS: &[&str] = &["rating_bestRating", "bestRating"];
const WORST_COLUMNS: &[&str] = &["rating_worstRating", "worstRating"];
const PUBLISHER_COLUMNS: &[&str] = &[
    "claimReview_author_name",
    "reviewer_name",
    "publisher",
    "claimReview_source",
    "author",
];
const CLAIMANT_COLUMNS: &[&str] = &["creativeWork_author_name", "claim_author_name", "claimant"];
const DATE_COLUMNS: &[&str] = &[
    "claimReview_datePublished",
    "review_date",
    "factcheck_date",
    "datePublished",
    "date",
];
const LANGUAGE_COLUMNS: &[&str] = &["claim_language", "language", "inLanguage"];

/// Where each kind of value is in a CSV header.
struct Columns {
    claim: usize,
    url: Option<usize>,
    rating: Option<usize>,
    value: Option<usize>,
    best: Option<usize>,
    worst: Option<usize>,
    publisher: Option<usize>,
    claimant: Option<usize>,
    date: Option<usize>,
    language: Option<usize>,
}

impl Columns {
    fn of(header: &csv::StringRecord) -> Option<Self> {
        let find = |names: &[&str]| {
            names.iter().find_map(|name| {
                header
                    .iter()
                    .position(|h| h.trim().eq_ignore_ascii_case(name))
            })
        };
        Some(Columns {
            claim: find(CLAIM_COLUMNS)?,
            url: find(URL_COLUMNS),
            rating: find(RATING_COLUMNS),
            value: find(VALUE_COLUMNS),
            best: find(BEST_COLUMNS),
            worst: find(WORST_COLUMNS),
            publisher: find(PUBLISHER_COLUMNS),
            claimant: find(CLAIMANT_COLUMNS),
            date: find(DATE_COLUMNS),
            language: find(LANGUAGE_COLUMNS),
        })
    }

    fn review(&self, row: &csv::StringRecord) -> Option<Review> {
        let cell = |at: Option<usize>| {
            at.and_then(|i| row.get(i))
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        let claim_reviewed = cell(Some(self.claim));
        if claim_reviewed.is_empty() {
            return None;
        }
        let value = |at| cell(at).parse::<f64>().ok().filter(|n| n.is_finite());
        Some(Review {
            claim_reviewed,
            rating: cell(self.rating),
            rating_value: value(self.value),
            best: value(self.best),
            worst: value(self.worst),
            publisher: cell(self.publisher),
            claimant: cell(self.claimant),
            date: day(&cell(self.date)),
            url: cell(self.url),
            language: cell(self.language),
        })
    }
}

fn read_csv(path: &Path, text: &str, read: &mut Read) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let columns = match reader.headers() {
        Ok(header) => Columns::of(header),
        Err(e) => return read.note(path, "the header row", &e.to_string()),
    };
    let Some(columns) = columns else {
        // Not a file of reviews (no column holds a claim): nothing to read.
        return;
    };
    for (number, row) in reader.records().enumerate() {
        let place = format!("row {}", number + 2);
        match row {
            Ok(row) => match columns.review(&row) {
                Some(review) => read.reviews.push(review),
                None => read.note(path, &place, "no claim text"),
            },
            Err(e) => read.note(path, &place, &e.to_string()),
        }
    }
}

/// The key of `scale` a review's rating stands for: a verdict whose label
/// or key is the rating's words first, else the verdict on the truth axis
/// nearest the normalised `ratingValue`; `None` when neither says.
pub fn mapped_verdict(
    rating: &str,
    value: Option<f64>,
    best: Option<f64>,
    worst: Option<f64>,
    scale: &VerdictScale,
) -> Option<String> {
    let words = normalise_words(rating);
    if !words.is_empty()
        && let Some(v) = scale
            .verdicts
            .iter()
            .find(|v| normalise_words(&v.label) == words || normalise_words(&v.key) == words)
    {
        return Some(v.key.clone());
    }
    let (value, best, worst) = (value?, best.unwrap_or(5.0), worst.unwrap_or(1.0));
    if best <= worst {
        return None;
    }
    let position = ((value - worst) / (best - worst)).clamp(0.0, 1.0);
    let rated: Vec<_> = scale
        .verdicts
        .iter()
        .filter_map(|v| v.rating.map(|r| (v, f64::from(r))))
        .collect();
    let top = rated.iter().map(|(_, r)| *r).fold(1.0, f64::max);
    let low = rated.iter().map(|(_, r)| *r).fold(top, f64::min);
    if top <= low {
        return None;
    }
    rated
        .iter()
        .min_by(|(_, a), (_, b)| {
            let distance = |r: f64| ((r - low) / (top - low) - position).abs();
            distance(*a).total_cmp(&distance(*b))
        })
        .map(|(v, _)| v.key.clone())
}

/// Lower case, letters and digits only, words joined by one space
/// ("Mostly-False." and "mostly false" are the same).
fn normalise_words(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reviews_of(name: &str, text: &str) -> Read {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        read_file(&path).unwrap()
    }

    const ONE: &str = r#"{"@context":"https://schema.org","@type":"ClaimReview",
        "claimReviewed":"The moon is made of cheese","url":"https://example.org/moon",
        "datePublished":"2024-05-06T10:00:00Z","inLanguage":"en",
        "author":{"@type":"Organization","name":"Example Checks"},
        "itemReviewed":{"@type":"Claim","author":{"@type":"Person","name":"A. Person"}},
        "reviewRating":{"@type":"Rating","ratingValue":"1","bestRating":5,"worstRating":1,"alternateName":"False"}}"#;

    #[test]
    fn one_object_an_array_a_graph_a_feed_and_lines_are_read() {
        let one = reviews_of("a.json", ONE);
        assert_eq!(one.reviews.len(), 1, "{:?}", one.notes);
        let r = &one.reviews[0];
        assert_eq!(r.publisher, "Example Checks");
        assert_eq!(r.claimant, "A. Person");
        assert_eq!(r.date, "2024-05-06");
        assert_eq!(r.rating_value, Some(1.0));
        assert_eq!(r.rating, "False");
        let array = reviews_of("b.jsonld", &format!("[{ONE},{ONE}]"));
        assert_eq!(array.reviews.len(), 2);
        let graph = reviews_of("c.json", &format!(r#"{{"@graph":[{ONE}]}}"#));
        assert_eq!(graph.reviews.len(), 1);
        let feed = reviews_of(
            "d.json",
            &format!(
                r#"{{"@type":"DataFeed","dataFeedElement":[{{"@type":"DataFeedItem","item":[{ONE}]}}]}}"#
            ),
        );
        assert_eq!(feed.reviews.len(), 1);
        let lines = reviews_of(
            "e.jsonl",
            &format!(
                "{}\nnot json\n{}\n",
                ONE.replace('\n', " "),
                ONE.replace('\n', " ")
            ),
        );
        assert_eq!(lines.reviews.len(), 2);
        assert!(
            lines.notes[0].contains("e.jsonl: line 2"),
            "{:?}",
            lines.notes
        );
    }

    #[test]
    fn a_claimskg_csv_is_read_by_its_columns() {
        let csv = "rating_ratingValue,rating_worstRating,rating_bestRating,rating_alternateName,creativeWork_author_name,claimReview_author_name,claimReview_url,claimReview_claimReviewed,claimReview_datePublished\n\
                   ,,,False,Someone,fullfact,https://fullfact.org/x,\"A claim, with a comma\",2021-07-27\n\
                   ,,,True,,fullfact,https://fullfact.org/y,,2021-07-27\n";
        let read = reviews_of("k.csv", csv);
        assert_eq!(read.reviews.len(), 1);
        assert_eq!(read.reviews[0].claim_reviewed, "A claim, with a comma");
        assert_eq!(read.reviews[0].claimant, "Someone");
        assert!(read.notes[0].contains("k.csv: row 3"), "{:?}", read.notes);
    }

    #[test]
    fn malformed_json_is_an_error_naming_the_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.json");
        std::fs::write(&path, "{\"@type\": \"ClaimReview\",\n \"claimReviewed\": }").unwrap();
        let error = read_file(&path).unwrap_err();
        assert!(error.contains("bad.json: line 2"), "{error}");
    }

    #[test]
    fn ratings_map_by_label_first_then_by_value() {
        let scale = VerdictScale::default();
        assert_eq!(
            mapped_verdict("Mostly-False.", None, None, None, &scale).as_deref(),
            Some("mostly-false")
        );
        assert_eq!(
            mapped_verdict("Pants on Fire", Some(1.0), Some(5.0), Some(1.0), &scale).as_deref(),
            Some("false")
        );
        assert_eq!(
            mapped_verdict("Half true", Some(3.0), Some(5.0), Some(1.0), &scale).as_deref(),
            Some("mixed")
        );
        assert_eq!(mapped_verdict("Odd", None, None, None, &scale), None);
    }
}
