//! Scores the claim library on a labelled corpus: a folder of workspaces
//! and ClaimReview files, and a TSV of queries (`expected<TAB>wording`,
//! where `expected` is the claim ids or review URLs that check the claim,
//! space-separated, or `-` when nothing in the corpus does).
//!
//! ```text
//! cargo run --example library_score -- tests/fixtures/claimreview/corpus tests/fixtures/claimreview/heldout.tsv
//! cargo run --release --example library_score -- CORPUS A.tsv B.tsv --embedding-model DIR
//! ```
//!
//! Several query files are scored one after the other on the same index.
//! `--embedding-model DIR` re-ranks with the static embedding model in DIR
//! (see `docs/library.md`). Prints recall@1 and recall@5 over the queries something checks, and
//! *same claim* precision (of every match called the same claim in the
//! top 5, how many are expected) and recall (of the queries something
//! checks, how many have an expected match called the same claim), then
//! each miss. `--verbose` prints every query's top 3.

use factbench::library::{EmbeddingModel, Library, Match, Query};
use std::collections::HashSet;
use std::path::PathBuf;

struct Labelled {
    expected: HashSet<String>,
    text: String,
    /// The wording's language, in the desk set's four-column format
    /// (`id<TAB>key<TAB>language<TAB>wording`).
    language: Option<String>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let model_at = args
        .iter()
        .position(|a| a == "--embedding-model")
        .and_then(|at| args.get(at + 1));
    let paths: Vec<&String> = args
        .iter()
        .filter(|a| !a.starts_with("--") && Some(*a) != model_at)
        .collect();
    let [corpus, query_files @ ..] = &paths[..] else {
        eprintln!(
            "usage: library_score CORPUS_FOLDER QUERIES.tsv… [--embedding-model DIR] [--verbose]"
        );
        std::process::exit(2);
    };
    if query_files.is_empty() {
        eprintln!("library_score: give at least one QUERIES.tsv");
        std::process::exit(2);
    }
    let cache = tempfile::tempdir().expect("a temporary folder");
    let mut library = Library::open(cache.path()).expect("the index opens");
    if let Some(dir) = model_at {
        match EmbeddingModel::load(std::path::Path::new(dir)) {
            Ok(model) => {
                println!(
                    "embedding model {}: {} tokens × {} dimensions, floor {:.3}",
                    model.name(),
                    model.vocab(),
                    model.dim(),
                    model.floor()
                );
                library.set_embedding_model(Some(std::sync::Arc::new(model)));
            }
            Err(e) => {
                eprintln!("library_score: {e}");
                std::process::exit(1);
            }
        }
    }
    let folders = vec![PathBuf::from(corpus)];
    let refresh = library.refresh(&folders).expect("the corpus is read");
    for note in refresh.skipped.iter().chain(&refresh.notes) {
        eprintln!("note: {note}");
    }
    let folders = library.folders(&folders).expect("the folder");
    for file in query_files {
        println!("== {file}");
        score_file(&library, &folders, file, verbose);
    }
}

fn score_file(library: &Library, folders: &[PathBuf], file: &str, verbose: bool) {
    let queries = read_queries(file);
    let mut score = Score::default();
    for labelled in &queries {
        let query = Query {
            text: labelled.text.clone(),
            folders: folders.to_vec(),
            top: 5,
            ..Query::default()
        };
        let matches = library.similar(&query).expect("the search");
        if verbose {
            print_top(labelled, &matches);
        }
        score.add(labelled, &matches);
    }
    score.print(library.claim_count());
}

fn read_queries(path: &str) -> Vec<Labelled> {
    std::fs::read_to_string(path)
        .expect("the queries file")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            match cols[..] {
                [expected, text] => Some((expected, None, text)),
                [expected, _, language, text] => Some((expected, Some(language), text)),
                _ => None,
            }
        })
        .map(|(expected, language, text)| Labelled {
            expected: expected
                .split_whitespace()
                .filter(|e| *e != "-")
                .map(str::to_owned)
                .collect(),
            text: text.trim().to_owned(),
            language: language.map(str::to_owned),
        })
        .collect()
}

#[derive(Default)]
struct Score {
    checked: usize,
    unchecked: usize,
    first: usize,
    top5: usize,
    called_same: usize,
    called_same_right: usize,
    found_same: usize,
    /// Desk set only: (called the same, of) rewordings in the check's
    /// language, and across languages (by the workspace's `-xx` name).
    same_language: (usize, usize),
    cross_language: (usize, usize),
    misses: Vec<String>,
}

impl Score {
    fn add(&mut self, labelled: &Labelled, matches: &[Match]) {
        let right = |m: &Match| labelled.expected.contains(&m.claim);
        for m in matches.iter().filter(|m| m.same_claim) {
            self.called_same += 1;
            if right(m) {
                self.called_same_right += 1;
            } else {
                self.misses.push(format!(
                    "false same claim ({:.3}): {:?} → {:?}",
                    m.score, labelled.text, m.statement
                ));
            }
        }
        if labelled.expected.is_empty() {
            self.unchecked += 1;
            return;
        }
        self.checked += 1;
        if matches.first().is_some_and(right) {
            self.first += 1;
        } else {
            let got = matches.first().map_or("nothing", |m| m.statement.as_str());
            self.misses
                .push(format!("not first: {:?} → {:?}", labelled.text, got));
        }
        if matches.iter().any(right) {
            self.top5 += 1;
        }
        if let (Some(language), Some(m)) = (&labelled.language, matches.iter().find(|m| right(m))) {
            let file = m
                .workspace
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            let same = file.is_some_and(|f| f.contains(&format!("-{language}")));
            let tally = if same {
                &mut self.same_language
            } else {
                &mut self.cross_language
            };
            tally.1 += 1;
            tally.0 += usize::from(m.same_claim);
        }
        if matches.iter().any(|m| right(m) && m.same_claim) {
            self.found_same += 1;
        } else if let Some(m) = matches.iter().find(|m| right(m)) {
            self.misses.push(format!(
                "not called the same ({:.3}): {:?} → {:?}",
                m.score, labelled.text, m.statement
            ));
        }
    }

    fn print(&self, claims: u64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        println!(
            "corpus: {claims} checks; queries: {} checked, {} about claims nothing checks",
            self.checked, self.unchecked
        );
        println!(
            "recall@1 {:.3} ({}/{})",
            ratio(self.first, self.checked),
            self.first,
            self.checked
        );
        println!(
            "recall@5 {:.3} ({}/{})",
            ratio(self.top5, self.checked),
            self.top5,
            self.checked
        );
        println!(
            "same claim: precision {:.3} ({}/{} called), recall {:.3} ({}/{})",
            ratio(self.called_same_right, self.called_same),
            self.called_same_right,
            self.called_same,
            ratio(self.found_same, self.checked),
            self.found_same,
            self.checked
        );
        if self.same_language.1 + self.cross_language.1 > 0 {
            println!(
                "called the same: same-language {}/{}, cross-language {}/{}",
                self.same_language.0,
                self.same_language.1,
                self.cross_language.0,
                self.cross_language.1
            );
        }
        for miss in &self.misses {
            println!("  {miss}");
        }
    }
}

fn print_top(labelled: &Labelled, matches: &[Match]) {
    println!("{}", labelled.text);
    for m in matches.iter().take(3) {
        let mark = if labelled.expected.contains(&m.claim) {
            "*"
        } else {
            " "
        };
        println!(
            "  {mark} {:.3} {} {}",
            m.score,
            if m.same_claim { "same" } else { "    " },
            m.statement
        );
    }
}
