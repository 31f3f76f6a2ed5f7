//! Scores Factbench's import on a folder of saved web pages:
//! `cargo run --example score_import -- CORPUS_DIR [--details]`.
//!
//! Layout (see `docs/import.md`): every `NAME.html` (or `.htm`) under
//! `CORPUS_DIR`, at any depth, is a page; a `NAME.json` beside it, when
//! present, says what import should find:
//! `{"url": "…", "with": ["snippet", …], "without": ["snippet", …],
//!   "date": "YYYY-MM-DD", "author": "…", "language": "de"}` — every key
//! optional. `with` snippets must be in the imported title or text,
//! `without` snippets must not (whitespace runs count as one space, curly
//! quotes as straight ones, soft hyphens as nothing).
//! Prints: pages, refused, pages where none of the `with` snippets was
//! imported (and how many of them without a warning), pages with a
//! warning (and how many of them had some of the expected text imported:
//! false alarms, or warnings about a part of the article), snippet precision/recall/F1, date found and right, author
//! right, language right (primary subtag), median and maximum import time.
//! `--details` also lists each page that missed.

use factbench::import::{ImportOptions, import_bytes};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a page's `NAME.json` expects.
#[derive(Debug, Default, Deserialize)]
struct Expected {
    #[serde(default)]
    url: String,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    without: Vec<String>,
    date: Option<String>,
    author: Option<String>,
    language: Option<String>,
}

/// The tallies over the corpus.
#[derive(Debug, Default)]
struct Score {
    pages: usize,
    refused: usize,
    nothing_found: usize,
    /// Pages where none of the expected text was imported, and no warning
    /// said so.
    silently_wrong: usize,
    warned: usize,
    /// Pages with a warning where some of the expected text was imported
    /// (false alarms, or warnings about a part of the article).
    warned_with_article: usize,
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
    dated: usize,
    date_found: usize,
    date_right: usize,
    authored: usize,
    author_right: usize,
    author_filled_when_none: usize,
    no_author: usize,
    with_language: usize,
    language_right: usize,
    times: Vec<Duration>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: score_import CORPUS_DIR [--details]");
        std::process::exit(2);
    };
    let details = args.iter().any(|a| a == "--details");
    let mut pages = Vec::new();
    collect_pages(Path::new(dir), &mut pages);
    pages.sort();
    let mut score = Score::default();
    for page in &pages {
        score_page(page, &mut score, details);
    }
    print_score(dir, &mut score);
}

fn collect_pages(dir: &Path, pages: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("{}: cannot be read", dir.display());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_pages(&path, pages);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
        {
            pages.push(path);
        }
    }
}

fn expected_for(page: &Path) -> Expected {
    std::fs::read_to_string(page.with_extension("json"))
        .ok()
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

fn score_page(page: &Path, score: &mut Score, details: bool) {
    let Ok(bytes) = std::fs::read(page) else {
        return;
    };
    let expected = expected_for(page);
    let options = ImportOptions::default();
    let started = Instant::now();
    let result = import_bytes(page, &bytes, &options);
    score.times.push(started.elapsed());
    score.pages += 1;
    let imported = match result {
        Ok(imported) => imported,
        Err(error) => {
            score.refused += 1;
            score.false_negatives += expected.with.len();
            score.nothing_found += usize::from(!expected.with.is_empty());
            if details {
                println!("REFUSED {error}");
            }
            return;
        }
    };
    let article = &imported.article;
    let text = squeeze(&format!("{}\n{}", article.title, article.text));
    let mut misses = score_snippets(&expected, &text, score);
    let warned = !imported.warnings.is_empty();
    score.warned += usize::from(warned);
    let none_imported = misses.iter().any(|m| m == NONE);
    if none_imported && !warned {
        score.silently_wrong += 1;
    }
    if warned && !none_imported && !expected.with.is_empty() {
        score.warned_with_article += 1;
    }
    if details {
        misses.extend(imported.warnings.iter().map(|w| format!("warning: {w}")));
    }
    misses.extend(score_metadata(&expected, article, score));
    if details && !misses.is_empty() {
        println!(
            "{} [{}]: {}",
            page.display(),
            expected.url,
            misses.join("; ")
        );
    }
}

/// How a page where none of the expected text was imported is marked.
const NONE: &str = "NONE of the article";

/// Tallies the snippets; returns what went wrong.
fn score_snippets(expected: &Expected, text: &str, score: &mut Score) -> Vec<String> {
    let mut misses = Vec::new();
    let mut found = 0;
    for snippet in &expected.with {
        if text.contains(&squeeze(snippet)) {
            found += 1;
        } else {
            misses.push(format!("missing {snippet:?}"));
        }
    }
    score.true_positives += found;
    score.false_negatives += expected.with.len() - found;
    if found == 0 && !expected.with.is_empty() {
        score.nothing_found += 1;
        misses.push(NONE.to_owned());
    }
    for snippet in &expected.without {
        if text.contains(&squeeze(snippet)) {
            score.false_positives += 1;
            misses.push(format!("kept {snippet:?}"));
        }
    }
    misses
}

/// Tallies date, author and language; returns what went wrong.
fn score_metadata(
    expected: &Expected,
    article: &factbench::model::Article,
    score: &mut Score,
) -> Vec<String> {
    let mut misses = Vec::new();
    let published = article.published.map(|d| d.to_string());
    if let Some(date) = expected.date.as_deref().filter(|d| !d.is_empty()) {
        score.dated += 1;
        score.date_found += usize::from(published.is_some());
        if published.as_deref() == Some(date) {
            score.date_right += 1;
        } else {
            misses.push(format!("date {published:?}, not {date}"));
        }
    }
    match expected.author.as_deref().map(str::trim) {
        Some("") => {
            score.no_author += 1;
            if !article.author.is_empty() {
                score.author_filled_when_none += 1;
                misses.push(format!("author {:?}, none expected", article.author));
            }
        }
        Some(author) => {
            score.authored += 1;
            if same_author(author, &article.author) {
                score.author_right += 1;
            } else {
                misses.push(format!("author {:?}, not {author:?}", article.author));
            }
        }
        None => {}
    }
    if let Some(language) = expected.language.as_deref().filter(|l| !l.is_empty()) {
        score.with_language += 1;
        let primary = article.language.split('-').next().unwrap_or("");
        if primary.eq_ignore_ascii_case(language) {
            score.language_right += 1;
        } else {
            misses.push(format!("language {:?}, not {language}", article.language));
        }
    }
    misses
}

/// Authors compared without case, spacing or how several are separated.
fn same_author(expected: &str, found: &str) -> bool {
    let names = |text: &str| {
        let mut names: Vec<String> = text
            .split([';', ',', '&'])
            .flat_map(|part| part.split(" and "))
            .map(|name| squeeze(name).to_lowercase())
            .filter(|name| !name.is_empty())
            .collect();
        names.sort();
        names
    };
    names(expected) == names(found)
}

/// Whitespace runs as one space, trimmed; curly quotes and apostrophes as
/// straight ones (labelled corpora often retype them); no soft hyphens
/// (invisible; some labels copy them, some do not).
fn squeeze(text: &str) -> String {
    text.replace('\u{ad}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['\u{2018}', '\u{2019}', '\u{2032}'], "'")
        .replace(['\u{201C}', '\u{201D}', '\u{2033}'], "\"")
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "–".to_owned();
    }
    format!("{:.1} %", 100.0 * part as f64 / whole as f64)
}

fn print_score(dir: &str, score: &mut Score) {
    let tp = score.true_positives as f64;
    let precision = tp / (tp + score.false_positives as f64).max(1.0);
    let recall = tp / (tp + score.false_negatives as f64).max(1.0);
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    score.times.sort();
    let median = score
        .times
        .get(score.times.len() / 2)
        .copied()
        .unwrap_or_default();
    let max = score.times.last().copied().unwrap_or_default();
    println!("corpus: {dir}");
    println!("pages: {}", score.pages);
    println!("refused: {}", score.refused);
    println!(
        "none of the expected text imported: {} ({} without a warning); pages with a warning: {} ({} where some of the expected text was imported)",
        score.nothing_found, score.silently_wrong, score.warned, score.warned_with_article
    );
    println!("snippets: precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}");
    println!(
        "date: found {}, right {} (of {} dated pages)",
        percent(score.date_found, score.dated),
        percent(score.date_right, score.dated),
        score.dated
    );
    println!(
        "author: right {} (of {}); filled where none expected {} (of {})",
        percent(score.author_right, score.authored),
        score.authored,
        percent(score.author_filled_when_none, score.no_author),
        score.no_author
    );
    println!(
        "language: right {} (of {})",
        percent(score.language_right, score.with_language),
        score.with_language
    );
    println!(
        "import time: median {:.1} ms, max {:.1} ms",
        median.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3
    );
}
