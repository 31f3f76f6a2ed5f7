//! `factbench check FILE…`: load, validate, summarise.

use super::FAILURE;
use crate::store;
use std::io::Write;
use std::path::PathBuf;

/// Prints a summary line per file and every problem; 0 only when all are clean.
pub fn run(files: &[PathBuf], out: &mut dyn Write) -> u8 {
    let mut all_clean = true;
    for path in files {
        all_clean &= check_one(path, out);
    }
    if all_clean { 0 } else { FAILURE }
}

fn check_one(path: &std::path::Path, out: &mut dyn Write) -> bool {
    let loaded = match store::load(path) {
        Ok(loaded) => loaded,
        Err(error) => {
            let _ = writeln!(out, "error: {error}");
            return false;
        }
    };
    let s = loaded.workspace.summary();
    let verdict = match loaded.problems.len() {
        0 => "ok".to_owned(),
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    };
    let migrated = loaded
        .migrated_from
        .map(|v| format!(" (format version {v}, will be saved as the current version)"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}: {} {}, {} {} ({} rated), {} {}: {verdict}{migrated}",
        path.display(),
        s.articles,
        plural(s.articles, "article", "articles"),
        s.claims,
        plural(s.claims, "claim", "claims"),
        s.rated,
        s.sources,
        plural(s.sources, "source", "sources"),
    );
    for problem in &loaded.problems {
        let _ = writeln!(out, "  problem: {problem}");
    }
    loaded.problems.is_empty()
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
