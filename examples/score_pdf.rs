//! Scores PDF page text against a reference extractor (poppler's
//! `pdftotext`, which must be on the PATH), page by page.
//!
//! ```text
//! cargo run --example score_pdf -- CORPUS_DIR [--pages-from DIR] [--details] [--limit SECONDS]
//! ```
//!
//! `--limit` gives Factbench's reader longer than import's 10 s per file
//! (a debug build reads a 350-page book in about 10 s).
//!
//! Every `*.pdf` under `CORPUS_DIR` is read by Factbench's extractor (the
//! running header and footer put back, as the reference keeps them) or,
//! with `--pages-from DIR`, taken from `DIR/NAME.json` (`{"pages": [..]}`
//! or `{"error": ..}`, what another extractor gave), and compared with
//! `pdftotext`'s page of the same number:
//! - token F1: tokens are runs of letters and digits (each CJK char one
//!   token), NFKC and lower case, a line-end hyphen joined on both sides;
//! - order: the longest common subsequence of the two token sequences over
//!   the tokens they share (1.0 when the shared words come in the same
//!   order; a two-column page read across the columns scores low).
//!
//! A *text page* has at least 20 reference tokens; it *agrees* when its F1
//! is 0.9 or more. The text pages of a file refused count as empty pages
//! (F1 0), so extractors are compared on the same pages. `docs/pdf.md` has the figures.

use factbench::import::pdf::read_pdf_within;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use unicode_normalization::UnicodeNormalization;

#[derive(Default)]
struct Totals {
    files: usize,
    refused: usize,
    no_reference: usize,
    text_pages: usize,
    agreeing: usize,
    f1_sum: f64,
    order_sum: f64,
    empty_ours: usize,
    order_read_sum: f64,
    times: Vec<Duration>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(corpus) = args.first().map(PathBuf::from) else {
        eprintln!("usage: score_pdf CORPUS_DIR [--pages-from DIR] [--details]");
        std::process::exit(2);
    };
    let pages_from = args
        .iter()
        .position(|a| a == "--pages-from")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let details = args.iter().any(|a| a == "--details");
    let limit = args
        .iter()
        .position(|a| a == "--limit")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .map_or(Duration::from_secs(10), Duration::from_secs);
    let mut files = pdfs_under(&corpus);
    files.sort();
    let mut totals = Totals::default();
    for file in &files {
        score_file(file, pages_from.as_deref(), (details, limit), &mut totals);
    }
    report(&totals);
}

fn pdfs_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(pdfs_under(&path));
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            out.push(path);
        }
    }
    out
}

fn score_file(
    file: &Path,
    pages_from: Option<&Path>,
    (details, limit): (bool, Duration),
    totals: &mut Totals,
) {
    let Some(reference) = reference_pages(file) else {
        totals.no_reference += 1;
        return;
    };
    totals.files += 1;
    let started = Instant::now();
    let ours = match pages_from {
        Some(dir) => stored_pages(dir, file),
        None => our_pages(file, limit),
    };
    totals.times.push(started.elapsed());
    let ours = match ours {
        Ok(pages) => pages,
        Err(why) => {
            // A refused file's text pages count, as pages read empty.
            totals.refused += 1;
            if details {
                println!("{}: refused: {why}", file.display());
            }
            Vec::new()
        }
    };
    for (i, expected) in reference.iter().enumerate() {
        let want = tokens(expected);
        if want.len() < 20 {
            continue;
        }
        let got = tokens(ours.get(i).map_or("", String::as_str));
        let (f1, order) = (f1(&want, &got), order(&want, &got));
        totals.text_pages += 1;
        totals.f1_sum += f1;
        totals.order_sum += order;
        totals.agreeing += usize::from(f1 >= 0.9);
        totals.empty_ours += usize::from(got.is_empty());
        if !got.is_empty() {
            totals.order_read_sum += order;
        }
        if details && (f1 < 0.9 || order < 0.85) {
            println!("{} p{}: F1 {f1:.2} order {order:.2}", file.display(), i + 1);
        }
    }
}

/// pdftotext's pages (split at form feeds), or none when it fails.
fn reference_pages(file: &Path) -> Option<Vec<String>> {
    let output = Command::new("timeout")
        .args(["30", "pdftotext", "-q", "-enc", "UTF-8"])
        .arg(file)
        .arg("-")
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Some(pages)
}

fn our_pages(file: &Path, limit: Duration) -> Result<Vec<String>, String> {
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    let read = read_pdf_within(&bytes, limit)?;
    Ok(read
        .pages
        .into_iter()
        .map(|p| {
            let parts = [
                p.header.unwrap_or_default(),
                p.text,
                p.footer.unwrap_or_default(),
            ];
            parts.join("\n")
        })
        .collect())
}

fn stored_pages(dir: &Path, file: &Path) -> Result<Vec<String>, String> {
    let name = file.file_stem().unwrap_or_default().to_string_lossy();
    let json = std::fs::read_to_string(dir.join(format!("{name}.json")))
        .map_err(|e| format!("no stored pages ({e})"))?;
    let value: serde_json::Value = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    match value.get("pages").and_then(|p| p.as_array()) {
        Some(pages) => Ok(pages
            .iter()
            .map(|p| p.as_str().unwrap_or_default().to_owned())
            .collect()),
        None => Err(value
            .get("error")
            .map_or("no pages".to_owned(), |e| e.to_string())),
    }
}

/// Word tokens: NFKC, lower case, hyphens at line ends joined.
fn tokens(text: &str) -> Vec<String> {
    let joined = dehyphenate(&text.nfkc().collect::<String>());
    let mut out = Vec::new();
    let mut word = String::new();
    for c in joined.chars().flat_map(char::to_lowercase) {
        if is_cjk(c) {
            out.extend((!word.is_empty()).then(|| std::mem::take(&mut word)));
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    out.extend((!word.is_empty()).then_some(word));
    out
}

fn dehyphenate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let line = line.trim_end();
        let next_lower = lines
            .peek()
            .and_then(|n| n.trim_start().chars().next())
            .is_some_and(char::is_lowercase);
        match line.strip_suffix('-') {
            Some(stem) if next_lower && stem.chars().last().is_some_and(char::is_alphabetic) => {
                out.push_str(stem);
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

fn is_cjk(c: char) -> bool {
    factbench::import::pdf::layout::is_cjk(c)
}

fn f1(want: &[String], got: &[String]) -> f64 {
    use std::collections::HashMap;
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for t in want {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0;
    for t in got {
        if let Some(n) = counts.get_mut(t.as_str())
            && *n > 0
        {
            *n -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / got.len() as f64;
    let recall = common as f64 / want.len() as f64;
    2.0 * precision * recall / (precision + recall)
}

/// LCS of the two sequences over the size of their multiset
/// intersection; long pages are compared on their first 3,000 tokens.
fn order(want: &[String], got: &[String]) -> f64 {
    let (a, b) = (&want[..want.len().min(3000)], &got[..got.len().min(3000)]);
    let shared = (f1(a, b) * (a.len() + b.len()) as f64 / 2.0).round();
    if shared < 1.0 {
        return 0.0;
    }
    let mut row = vec![0u32; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    (f64::from(row[b.len()]) / shared).min(1.0)
}

fn report(t: &Totals) {
    let mut times = t.times.clone();
    times.sort();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    let max = times.last().copied().unwrap_or_default();
    let pages = t.text_pages.max(1) as f64;
    println!("files scored:            {}", t.files);
    println!("files without reference: {}", t.no_reference);
    println!("files refused:           {}", t.refused);
    println!("text pages:              {}", t.text_pages);
    println!(
        "pages agreeing (F1≥0.9): {} ({:.1} %)",
        t.agreeing,
        100.0 * t.agreeing as f64 / pages
    );
    println!("mean token F1:           {:.3}", t.f1_sum / pages);
    println!("mean reading order:      {:.3}", t.order_sum / pages);
    println!("text pages empty:        {}", t.empty_ours);
    let read = (t.text_pages - t.empty_ours).max(1) as f64;
    println!("reading order, pages read: {:.3}", t.order_read_sum / read);
    println!("time per file:           median {median:.2?}, max {max:.2?}");
}
