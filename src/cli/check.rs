//! `factbench check FILE…`: load, validate, summarise — including what
//! `verify` would find of the snapshots (changed, missing, an excerpt not
//! found), reported as problems but not recorded; with `--ready`, also
//! what each claim still lacks before publication.

use super::FAILURE;
use crate::store;
use std::io::Write;
use std::path::PathBuf;

/// `--library DIR…`: the claim library to compare verdicts with.
pub struct LibraryCheck {
    folders: Vec<PathBuf>,
    index_dir: Option<PathBuf>,
    embedding_model: Option<PathBuf>,
    ready: bool,
}

impl LibraryCheck {
    pub fn new(folders: Vec<PathBuf>, index_dir: Option<PathBuf>) -> Self {
        LibraryCheck {
            folders,
            index_dir,
            embedding_model: None,
            ready: false,
        }
    }

    /// Re-rank with the model in this folder (`--embedding-model`).
    pub fn with_embedding_model(mut self, folder: Option<PathBuf>) -> Self {
        self.embedding_model = folder;
        self
    }

    /// Also list what each claim lacks before publication (`--ready`).
    pub fn with_ready(mut self, ready: bool) -> Self {
        self.ready = ready;
        self
    }
}

/// Prints a summary line per file and every problem; 0 only when all are clean.
pub fn run(
    files: &[PathBuf],
    library: &LibraryCheck,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut opened = None;
    if !library.folders.is_empty() {
        match open_library(library, err) {
            Ok(lib) => opened = Some(lib),
            Err(message) => {
                let _ = writeln!(err, "factbench: {message}");
                return FAILURE;
            }
        }
    }
    let mut all_clean = true;
    for path in files {
        all_clean &= check_one(
            path,
            opened.as_ref().map(|l| (l, &library.folders[..])),
            library.ready,
            out,
        );
    }
    if all_clean { 0 } else { FAILURE }
}

fn open_library(
    library: &LibraryCheck,
    err: &mut dyn Write,
) -> Result<crate::library::Library, String> {
    let mut opened = super::similar::open_library(library.index_dir.as_deref())?;
    super::embedding_model::configure(&mut opened, library.embedding_model.as_deref(), err)?;
    super::similar::refresh(&mut opened, &library.folders, err)?;
    Ok(opened)
}

fn check_one(
    path: &std::path::Path,
    library: Option<(&crate::library::Library, &[PathBuf])>,
    ready: bool,
    out: &mut dyn Write,
) -> bool {
    let loaded = match store::load(path) {
        Ok(loaded) => loaded,
        Err(error) => {
            let _ = writeln!(out, "error: {error}");
            return false;
        }
    };
    let ws = &loaded.workspace;
    let mut cue_faults = transcript_faults(ws);
    cue_faults.extend(page_faults(ws));
    let snapshot_faults = snapshot_faults(ws, path);
    let extra = cue_faults.len() + snapshot_faults.len();
    print_summary(path, &loaded, extra, out);
    for problem in &loaded.problems {
        let _ = writeln!(out, "  problem: {problem}");
    }
    for fault in cue_faults.iter().chain(&snapshot_faults) {
        let _ = writeln!(out, "  problem: {fault}");
    }
    for warning in protected_addresses_in_rationales(ws) {
        let _ = writeln!(out, "  warning: {warning}");
    }
    for conflict in &ws.conflicts {
        let _ = writeln!(
            out,
            "  conflict: {}",
            crate::merge::describe_conflict(conflict, ws)
        );
    }
    let conflicts = library_findings(library, path, ws, out);
    let unready = if ready {
        print_unready(&loaded.workspace, out)
    } else {
        0
    };
    loaded.problems.is_empty()
        && extra == 0
        && conflicts.is_empty()
        && unready == 0
        && loaded.workspace.conflicts.is_empty()
}

/// The workspace's line: its counts and whether it is sound.
fn print_summary(
    path: &std::path::Path,
    loaded: &store::Loaded,
    extra: usize,
    out: &mut dyn Write,
) {
    let s = loaded.workspace.summary();
    let verdict = match (
        loaded.problems.len() + extra,
        loaded.workspace.conflicts.len(),
    ) {
        (0, 0) => "ok".to_owned(),
        (1, 0) => "1 problem".to_owned(),
        (n, 0) => format!("{n} problems"),
        (p, c) => format!(
            "{p} {}, {c} merge {}",
            plural(p, "problem", "problems"),
            plural(c, "conflict", "conflicts")
        ),
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
}

/// Protected sources whose address a claim's rationale gives away: the
/// rationale is published, so the public report would name the source.
fn protected_addresses_in_rationales(ws: &crate::model::Workspace) -> Vec<String> {
    let numbers = ws.claim_numbers();
    let mut found = Vec::new();
    for source in ws.sources.iter().filter(|s| s.protected) {
        let url = source.url.trim();
        if url.is_empty() {
            continue;
        }
        let bare = url
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/');
        for claim in &ws.claims {
            if !bare.is_empty() && claim.rationale.contains(bare) {
                found.push(format!(
                    "claim {} ({}): its rationale gives the address of protected source {}, which public reports withhold",
                    numbers.get(&claim.id).copied().unwrap_or(0),
                    claim.id,
                    source.id
                ));
            }
        }
    }
    found
}

/// The claim library's findings about the workspace at `path`: verdicts
/// that differ from the desk's earlier checks (returned: they fail the
/// check) and published reviews rated otherwise (printed, never a failure).
fn library_findings(
    library: Option<(&crate::library::Library, &[PathBuf])>,
    path: &std::path::Path,
    ws: &crate::model::Workspace,
    out: &mut dyn Write,
) -> Vec<String> {
    let Some((library, folders)) = library else {
        return Vec::new();
    };
    let conflicts = super::similar::verdict_conflicts(library, folders, path, ws)
        .unwrap_or_else(|message| vec![message]);
    for conflict in &conflicts {
        let _ = writeln!(out, "  verdict differs: {conflict}");
    }
    let notes = super::similar::external_disagreements(library, folders, path, ws)
        .unwrap_or_else(|message| vec![message]);
    for note in notes {
        let _ = writeln!(out, "  published elsewhere: {note}");
    }
    conflicts
}

/// What `verify` would find wrong with the snapshots beside `path` and
/// the excerpts anchored in them, one line each (nothing recorded).
fn snapshot_faults(ws: &crate::model::Workspace, path: &std::path::Path) -> Vec<String> {
    crate::evidence::verify(ws, path)
        .iter()
        .filter(|f| f.is_problem())
        .map(|f| f.describe(ws, path))
        .collect()
}

/// What is wrong with each paged article's page starts (out of order,
/// past the end of its text, misnumbered), one line each.
fn page_faults(ws: &crate::model::Workspace) -> Vec<String> {
    let mut lines = Vec::new();
    for article in ws.articles.iter().filter(|a| !a.pages.is_empty()) {
        let faults = crate::model::page_faults(&article.pages, article.char_len());
        let name = format!(
            "pages of article {} ({})",
            crate::text::quoted(&article.title),
            article.id
        );
        push_capped_faults(&mut lines, &name, &faults);
    }
    lines
}

/// One line per fault of `name`, the first [`MAX_CUE_FAULTS`] told and the
/// rest counted.
fn push_capped_faults(lines: &mut Vec<String>, name: &str, faults: &[impl std::fmt::Display]) {
    for fault in faults.iter().take(MAX_CUE_FAULTS) {
        lines.push(format!("{name}: {fault}"));
    }
    if faults.len() > MAX_CUE_FAULTS {
        lines.push(format!(
            "{name}: {} more faults",
            faults.len() - MAX_CUE_FAULTS
        ));
    }
}

/// Most faults told per article's side table; the rest are counted.
const MAX_CUE_FAULTS: usize = 10;

/// What is wrong with each transcript's side table (ranges past the text,
/// out of order, unknown speakers), one line each.
fn transcript_faults(ws: &crate::model::Workspace) -> Vec<String> {
    let mut lines = Vec::new();
    for article in &ws.articles {
        let Some(transcript) = &article.transcript else {
            continue;
        };
        let faults = transcript.faults(article.char_len());
        let name = format!(
            "transcript of article {} ({})",
            crate::text::quoted(&article.title),
            article.id
        );
        push_capped_faults(&mut lines, &name, &faults);
    }
    lines
}

/// One line per claim not ready to publish, in report order; returns how many.
fn print_unready(ws: &crate::model::Workspace, out: &mut dyn Write) -> usize {
    use crate::model::readiness;
    let unready = readiness::unready_claims(ws, &ws.claim_numbers());
    for item in &unready {
        let state = if item.claim.is_published() {
            "published, "
        } else {
            ""
        };
        let statement = crate::text::one_line(&item.claim.statement, 60);
        let _ = writeln!(
            out,
            "  not ready: claim {} ({state}{}) {statement:?} needs {}",
            item.number,
            item.claim.id,
            readiness::describe(&item.lacks)
        );
    }
    if unready.is_empty() {
        let _ = writeln!(out, "  every claim is ready to publish");
    }
    unready.len()
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
