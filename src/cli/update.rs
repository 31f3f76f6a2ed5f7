//! `factbench update WORKSPACE NEW_VERSION [--article ID] [--encoding LABEL] [--json]`:
//! replace an article's text by a newer version, keep the old one, follow
//! every claim into the new text, and save once.

use super::FAILURE;
use crate::edit::{ArticleUpdate, ClaimUpdate, Document, Outcome};
use crate::import::{ImportOptions, import_file_detailed};
use crate::model::{Anchor, ArticleId, Workspace};
use crate::store;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct UpdateArgs {
    /// The workspace file (.ron).
    pub workspace: PathBuf,
    /// The newer version of the article (.txt, .md or .html), read as
    /// `factbench import` reads it.
    pub new_version: PathBuf,
    /// The id of the article to update (`factbench list WORKSPACE` shows
    /// them); may be left out when the workspace holds one article.
    #[arg(long, value_name = "ID")]
    pub article: Option<String>,
    /// Read the file in this encoding instead of detecting it.
    #[arg(long, value_name = "LABEL", value_parser = super::import::parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// One JSON object per claim per line instead of the summary line.
    #[arg(long)]
    pub json: bool,
}

/// Updates the article, or changes nothing and says why.
pub fn run(args: &UpdateArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match update(args, out, err) {
        Ok(()) => 0,
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            let _ = writeln!(err, "{}: unchanged", args.workspace.display());
            FAILURE
        }
    }
}

/// The new version is read before the workspace is locked, so the lock is
/// held only for the change and the save.
fn update(args: &UpdateArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), String> {
    let options = ImportOptions {
        encoding: args.encoding,
        ..ImportOptions::default()
    };
    let imported = import_file_detailed(&args.new_version, &options).map_err(|e| e.to_string())?;
    let (mut change, loaded) =
        store::open_for_change(&args.workspace, "update").map_err(|e| e.to_string())?;
    let workspace = loaded
        .ok_or_else(|| format!("{}: no such file", args.workspace.display()))?
        .workspace;
    let article = choose_article(&workspace, args.article.as_deref(), &args.workspace)?;
    let mut doc = Document::new(workspace, Some(args.workspace.clone()));
    let update = ArticleUpdate::prepare(
        doc.workspace(),
        article,
        imported.article.text,
        source_name(&args.new_version),
        Some(crate::model::today()),
    )
    .map_err(|e| format!("{}: {e}", args.workspace.display()))?
    .with_transcript(doc.workspace(), imported.article.transcript)
    .with_pages(imported.article.pages);
    let report = report(&update, args.json);
    let outcome = doc
        .execute(update.into_command(), 0.0)
        .map_err(|e| format!("{}: {e}", args.workspace.display()))?;
    if outcome == Outcome::Unchanged {
        let _ = writeln!(
            err,
            "{}: the new version's text is the same as the article's; nothing saved",
            args.workspace.display()
        );
    } else {
        change.save(doc.workspace()).map_err(|e| e.to_string())?;
    }
    let _ = out.write_all(report.as_bytes());
    Ok(())
}

/// The article `--article` names, or the only one.
fn choose_article(ws: &Workspace, wanted: Option<&str>, path: &Path) -> Result<ArticleId, String> {
    let ids = || {
        ws.articles
            .iter()
            .map(|a| format!("  {}  {}", a.id, a.title))
            .collect::<Vec<_>>()
            .join("\n")
    };
    match wanted {
        Some(wanted) => ws
            .articles
            .iter()
            .find(|a| a.id.to_string() == wanted.trim())
            .map(|a| a.id)
            .ok_or_else(|| {
                format!(
                    "{}: no article has the id {wanted:?}; its articles are:\n{}",
                    path.display(),
                    ids()
                )
            }),
        None => match ws.articles.as_slice() {
            [only] => Ok(only.id),
            [] => Err(format!(
                "{}: the workspace has no article to update",
                path.display()
            )),
            many => Err(format!(
                "{}: the workspace holds {} articles; choose one with --article ID:\n{}",
                path.display(),
                many.len(),
                ids()
            )),
        },
    }
}

/// Where the new text came from, as kept with its version: the file's name.
fn source_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The summary line, or one JSON object per claim per line.
fn report(update: &ArticleUpdate, json: bool) -> String {
    if !json {
        return format!("{}\n", update.summary());
    }
    update
        .claims
        .iter()
        .map(|claim| format!("{}\n", claim_json(claim)))
        .collect()
}

fn claim_json(claim: &ClaimUpdate) -> serde_json::Value {
    let span = |a: &Anchor| serde_json::json!({"start": a.start, "end": a.end, "exact": a.exact});
    serde_json::json!({
        "claim": claim.claim.to_string(),
        "outcome": claim.result.outcome.label(),
        "before": span(&claim.before),
        "after": claim.result.anchor.as_ref().map(span),
        "score": (claim.result.score * 1000.0).round() / 1000.0,
    })
}
