//! `factbench similar "TEXT" [--in DIR…] [--top N] [--json]
//! [--embedding-model DIR]` and
//! `factbench similar --claim ID WORKSPACE.ron`: earlier checks of a claim
//! from the claim library; and the library part of `factbench check
//! --library DIR` (same claims with another verdict).

use super::FAILURE;
use crate::library::{Library, LibraryError, Match, Query, claim_text};
use crate::model::Workspace;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["text", "claim"]))]
pub struct SimilarArgs {
    /// The claim to look for, in any of the library's languages.
    pub text: Option<String>,
    /// Look for an existing claim instead: its id, then its workspace file.
    #[arg(long, num_args = 2, value_names = ["ID", "WORKSPACE"], conflicts_with = "text")]
    pub claim: Option<Vec<String>>,
    /// Library folders (default: the workspace's folder with --claim, else the current folder).
    #[arg(long = "in", value_name = "DIR")]
    pub folders: Vec<PathBuf>,
    /// How many matches to show.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// One JSON object per line instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Where the index is kept (default: the platform cache folder).
    #[arg(long, value_name = "DIR")]
    pub index_dir: Option<PathBuf>,
    /// Re-rank with the static embedding model in DIR (a Model2Vec or
    /// WordLlama folder; default: the one set in Preferences, if any).
    #[arg(long, value_name = "DIR")]
    pub embedding_model: Option<PathBuf>,
}

/// The JSON line of one match; fields in the order the issue gives. For a
/// published review `workspace` is its file, `claim` its URL and `verdict`
/// its rating mapped onto the scale (or null), and the review's own fields
/// follow.
#[derive(serde::Serialize)]
struct JsonMatch<'a> {
    workspace: String,
    claim: &'a str,
    statement: &'a str,
    verdict: Option<&'a str>,
    score: f64,
    same_claim: bool,
    /// The claim's own id in another file: a copy, not an earlier check.
    another_copy: bool,
    external: bool,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    review: Option<JsonReview<'a>>,
}

/// What a published review adds to its JSON line.
#[derive(serde::Serialize)]
struct JsonReview<'a> {
    rating: &'a str,
    rating_value: Option<f64>,
    best: Option<f64>,
    worst: Option<f64>,
    publisher: &'a str,
    url: &'a str,
    /// `YYYY-MM-DD`, or null when the review gives no date.
    date: Option<&'a str>,
    language: Option<&'a str>,
    /// Every file it was found in (the same review in several is one check).
    sources: Vec<String>,
}

pub fn run(args: &SimilarArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match similar(args, err) {
        Ok(matches) => {
            if args.json {
                print_json(&matches, out);
            } else {
                print_table(&matches, out);
            }
            0
        }
        Err(message) => {
            let _ = writeln!(err, "factbench: {message}");
            FAILURE
        }
    }
}

fn similar(args: &SimilarArgs, err: &mut dyn Write) -> Result<Vec<Match>, String> {
    let (text, exclude, default_folder, scale) = match (&args.text, &args.claim) {
        (_, Some(pair)) => claim_query(&pair[0], Path::new(&pair[1]))?,
        (Some(text), None) => (text.clone(), None, PathBuf::from("."), None),
        (None, None) => return Err("give a TEXT or --claim ID WORKSPACE".into()),
    };
    let folders = if args.folders.is_empty() {
        vec![default_folder]
    } else {
        args.folders.clone()
    };
    let mut library = open_library(args.index_dir.as_deref())?;
    super::embedding_model::configure(&mut library, args.embedding_model.as_deref(), err)?;
    refresh(&mut library, &folders, err)?;
    let query = Query {
        text,
        folders: library.folders(&folders).map_err(|e| e.to_string())?,
        exclude,
        copies_of: None,
        scale,
        top: args.top,
    };
    library.similar(&query).map_err(|e| e.to_string())
}

/// What to look for: the text, the claim to leave out, the default folder,
/// the scale published ratings are mapped onto.
type Asked = (
    String,
    Option<(PathBuf, String)>,
    PathBuf,
    Option<crate::model::VerdictScale>,
);

/// The text of claim `id` in `workspace`, the claim to leave out, and the
/// workspace's folder.
fn claim_query(id: &str, workspace: &Path) -> Result<Asked, String> {
    let loaded = crate::store::load(workspace).map_err(|e| e.to_string())?;
    let claim = find_claim(&loaded.workspace, id).ok_or_else(|| {
        format!(
            "{}: has no claim with the id {}",
            workspace.display(),
            crate::text::quoted(id)
        )
    })?;
    let folder = match workspace.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    Ok((
        claim_text(claim),
        Some((workspace.to_owned(), claim.id.to_string())),
        folder,
        Some(loaded.workspace.scale.clone()),
    ))
}

fn find_claim<'w>(workspace: &'w Workspace, id: &str) -> Option<&'w crate::model::Claim> {
    workspace
        .claims
        .iter()
        .find(|c| c.id.to_string().eq_ignore_ascii_case(id.trim()))
}

/// The library index, from `dir` or the platform cache folder.
pub fn open_library(dir: Option<&Path>) -> Result<Library, String> {
    match dir {
        Some(dir) => Library::open(dir),
        None => Library::open_default(),
    }
    .map_err(|e: LibraryError| e.to_string())
}

/// Refreshes the index, telling `err` about every workspace skipped and
/// about an index found damaged and rebuilt.
pub fn refresh(
    library: &mut Library,
    folders: &[PathBuf],
    err: &mut dyn Write,
) -> Result<(), String> {
    let report = library.refresh(folders).map_err(|e| e.to_string())?;
    for note in &report.notes {
        let _ = writeln!(err, "factbench: {note}");
    }
    for skipped in &report.skipped {
        let _ = writeln!(err, "factbench: skipped {skipped}");
    }
    Ok(())
}

fn print_json(matches: &[Match], out: &mut dyn Write) {
    for m in matches {
        let line = JsonMatch {
            workspace: m.workspace.display().to_string(),
            claim: &m.claim,
            statement: &m.statement,
            verdict: m.verdict.as_deref(),
            score: (m.score * 1000.0).round() / 1000.0,
            same_claim: m.same_claim,
            another_copy: m.another_copy,
            external: m.external.is_some(),
            review: m.external.as_ref().map(|e| JsonReview {
                rating: &e.rating,
                rating_value: e.rating_value,
                best: e.best,
                worst: e.worst,
                publisher: &e.publisher,
                url: &e.url,
                date: (!m.date.is_empty()).then_some(m.date.as_str()),
                language: (!e.language.is_empty()).then_some(e.language.as_str()),
                sources: e.sources.iter().map(|p| p.display().to_string()).collect(),
            }),
        };
        if let Ok(text) = serde_json::to_string(&line) {
            let _ = writeln!(out, "{text}");
        }
    }
}

const STATEMENT_WIDTH: usize = 60;

fn print_table(matches: &[Match], out: &mut dyn Write) {
    if matches.is_empty() {
        let _ = writeln!(out, "no earlier checks found");
        return;
    }
    let rows: Vec<[String; 7]> = matches.iter().map(table_row).collect();
    let header = [
        "workspace",
        "claim",
        "statement",
        "verdict",
        "date",
        "score",
        "same_claim",
    ]
    .map(String::from);
    let mut widths = [0usize; 7];
    for row in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, width)| pad(cell, width))
            .collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
}

fn table_row(m: &Match) -> [String; 7] {
    let verdict = match &m.external {
        Some(review) => format!("{} ({})", review.rating, review.publisher),
        None if m.verdict.is_some() => m.verdict_label.clone(),
        None => "unrated".to_owned(),
    };
    [
        m.workspace.display().to_string(),
        m.claim.clone(),
        crate::text::one_line(&m.statement, STATEMENT_WIDTH),
        verdict,
        m.date.clone(),
        format!("{:.3}", m.score),
        match (m.another_copy, m.same_claim) {
            (true, _) => "copy of this claim",
            (false, true) => "yes",
            (false, false) => "no",
        }
        .to_owned(),
    ]
}

fn pad(cell: &str, width: usize) -> String {
    let len = cell.chars().count();
    format!("{cell}{}", " ".repeat(width.saturating_sub(len)))
}

/// `check --library`: the claims of `workspace` (at `path`) whose
/// same-claim match in the library carries another verdict, as lines.
pub fn verdict_conflicts(
    library: &Library,
    folders: &[PathBuf],
    path: &Path,
    workspace: &Workspace,
) -> Result<Vec<String>, String> {
    let conflicts = crate::library::verdict_conflicts(
        library,
        folders,
        Some(path),
        &workspace.claims,
        |_, _| true,
    )
    .map_err(|e| e.to_string())?;
    Ok(conflicts
        .iter()
        .map(|conflict| {
            let statement = workspace
                .claim(conflict.claim)
                .map_or("", |c| c.statement.as_str());
            let other = &conflict.other;
            format!(
                "claim {} ({:?}) is {}, but the same claim in {} (claim {}, {}) is {}",
                conflict.claim,
                crate::text::one_line(statement, STATEMENT_WIDTH),
                crate::text::quoted(&conflict.verdict),
                other.workspace.display(),
                other.claim,
                other.date,
                crate::text::quoted(other.verdict.as_deref().unwrap_or_default()),
            )
        })
        .collect())
}

/// `check --library`: the claims of `workspace` whose same claim among the
/// published reviews is rated otherwise, as lines (warnings only).
pub fn external_disagreements(
    library: &Library,
    folders: &[PathBuf],
    path: &Path,
    workspace: &Workspace,
) -> Result<Vec<String>, String> {
    let found = crate::library::external_disagreements(
        library,
        folders,
        Some(path),
        &workspace.claims,
        &workspace.scale,
    )
    .map_err(|e| e.to_string())?;
    Ok(found
        .iter()
        .map(|d| {
            let review = d.other.external.as_ref();
            format!(
                "claim {} is {}; {} rated it {} ({})",
                d.claim,
                crate::text::quoted(&d.verdict),
                crate::text::quoted(review.map_or("", |r| r.publisher.as_str())),
                crate::text::quoted(review.map_or("", |r| r.rating.as_str())),
                review.map_or("", |r| r.url.as_str()),
            )
        })
        .collect())
}
