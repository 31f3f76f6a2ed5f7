//! `factbench export WORKSPACE --format html|md|csv|claimreview|webanno
//! [-o OUT] [--article ID]`: the exporters the window uses, from the shell.
//!
//! Without `-o` the export goes to stdout; with it, the file is replaced
//! atomically (the previous file is kept as `OUT.bak`). A workspace that
//! fails to load is an error (exit 1); a workspace with problems still
//! exports, and its problems and whatever the export leaves out are printed
//! to stderr as warnings.

use super::FAILURE;
use crate::export::{self, ExportOptions, Format};
use crate::model::ArticleId;
use crate::store;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The workspace file (.ron).
    pub workspace: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_parser = parse_format, value_name = "html|md|csv|claimreview|webanno")]
    pub format: Format,
    /// Write to this file instead of stdout (replaced atomically).
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Export only the article with this id.
    #[arg(long, value_name = "ID", value_parser = parse_article_id)]
    pub article: Option<ArticleId>,
}

fn parse_format(name: &str) -> Result<Format, String> {
    name.parse()
        .map_err(|e: export::UnknownFormat| e.to_string())
}

fn parse_article_id(text: &str) -> Result<ArticleId, String> {
    ArticleId::parse(text).ok_or_else(|| format!("{text:?} is not an article id (a UUID)"))
}

/// Runs the export; 0 on success, even when there were warnings.
pub fn run(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match export_to(args, out, err) {
        Ok(()) => 0,
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            FAILURE
        }
    }
}

fn export_to(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), String> {
    let loaded = store::load(&args.workspace).map_err(|e| e.to_string())?;
    let workspace = &loaded.workspace;
    for problem in &loaded.problems {
        let _ = writeln!(err, "warning: {}: {problem}", args.workspace.display());
    }
    let options = ExportOptions {
        article: args.article,
    };
    let warnings = export::warnings(args.format, workspace, &options).map_err(|e| e.to_string())?;
    for warning in &warnings {
        let _ = writeln!(err, "warning: {warning}");
    }
    match &args.output {
        None => {
            export::write(args.format, workspace, &options, out).map_err(|e| e.to_string())?;
            out.flush()
                .map_err(|e| format!("could not write the export: {e}"))
        }
        Some(path) => {
            let mut bytes = Vec::new();
            export::write(args.format, workspace, &options, &mut bytes)
                .map_err(|e| e.to_string())?;
            store::write_atomically(path, &bytes).map_err(|e| e.to_string())?;
            report_written(path, args.format, err);
            Ok(())
        }
    }
}

fn report_written(path: &Path, format: Format, err: &mut dyn Write) {
    let _ = writeln!(err, "{}: wrote the {}", path.display(), format.label());
}
