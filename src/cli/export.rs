//! `factbench export WORKSPACE --format html|md|csv|claimreview|webanno|mediareview
//! [-o OUT] [--article ID] [--audience public|internal] [--context-only]
//! [--with-snapshots]`:
//! the exporters the window uses, from the shell. The audience is `public`
//! unless told: published claims only, no internal text.
//!
//! Without `-o` the export goes to stdout; with it, the file is replaced
//! atomically (the previous file is kept as `OUT.bak`). A workspace that
//! fails to load is an error (exit 1); a workspace with problems still
//! exports, and its problems and whatever the export leaves out are printed
//! to stderr as warnings. A ClaimReview export missing required data (a
//! report URL, a publisher, a verdict) writes nothing: it says what is
//! missing, per claim, and exits 1.

use super::FAILURE;
use crate::export::{self, Audience, ExportOptions, Format, SnapshotLinks, TextShown};
use crate::model::ArticleId;
use crate::store;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The workspace file (.ron).
    pub workspace: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_parser = parse_format, value_name = "html|md|csv|claimreview|webanno|mediareview")]
    pub format: Format,
    /// Write to this file instead of stdout (replaced atomically).
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Export only the article with this id.
    #[arg(long, value_name = "ID", value_parser = parse_article_id)]
    pub article: Option<ArticleId>,
    /// Who the export is for: `public` (published claims only, no internal
    /// text) or `internal` (everything, marked Draft).
    #[arg(long, default_value = "public", value_parser = parse_audience, value_name = "public|internal")]
    pub audience: Audience,
    /// In a public export, show only each claim in its sentences, even for
    /// articles marked *publish full text*.
    #[arg(long)]
    pub context_only: bool,
    /// Write the report's snapshots beside OUT, in `NAME_files/`, and link
    /// them (html and md, with -o); without it the report links each
    /// source's archive URL.
    #[arg(long)]
    pub with_snapshots: bool,
    /// Write OUT even when it is a workspace file or its extension is not
    /// the format's.
    #[arg(long)]
    pub force: bool,
}

fn parse_audience(name: &str) -> Result<Audience, String> {
    name.parse()
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
    if let Some(path) = &args.output
        && !args.force
    {
        refuse_unlikely_target(path, args.format)?;
    }
    let loaded = store::load(&args.workspace).map_err(|e| e.to_string())?;
    let workspace = &loaded.workspace;
    for problem in &loaded.problems {
        let _ = writeln!(err, "warning: {}: {problem}", args.workspace.display());
    }
    let options = ExportOptions {
        article: args.article,
        audience: args.audience,
        text: if args.context_only {
            TextShown::ContextOnly
        } else {
            TextShown::AsMarked
        },
        snapshots: super::export_snapshots::links(args)?,
    };
    let missing =
        export::missing_data(args.format, workspace, &options).map_err(|e| e.to_string())?;
    if !missing.is_empty() {
        for line in &missing {
            let _ = writeln!(err, "missing: {line}");
        }
        return Err(format!(
            "nothing written: the {} needs the data listed above",
            args.format.label()
        ));
    }
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
            if let SnapshotLinks::Folder(folder) = &options.snapshots {
                super::export_snapshots::publish(args, workspace, &options, folder, err)?;
            }
            store::write_atomically(path, &bytes).map_err(|e| e.to_string())?;
            report_written(path, args.format, err);
            Ok(())
        }
    }
}

/// Refuses an output that is a workspace file (it would be replaced by the
/// report) or whose extension is not one of the format's: the likeliest
/// slip is `-o` followed by the workspace's own name.
fn refuse_unlikely_target(path: &Path, format: Format) -> Result<(), String> {
    if holds_a_workspace(path) {
        return Err(format!(
            "{}: is a workspace file; the {} would replace it. Choose another file name (or add --force to overwrite it anyway); nothing written",
            path.display(),
            format.label()
        ));
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !format.extensions().contains(&extension.as_str()) {
        return Err(format!(
            "{}: a {} is written to a .{} file, not {}; choose such a name (or add --force); nothing written",
            path.display(),
            format.label(),
            format.extension(),
            if extension.is_empty() {
                "one without an extension".to_owned()
            } else {
                format!("a .{extension} one")
            }
        ));
    }
    Ok(())
}

/// Whether `path` is an existing workspace file (by its first bytes, so a
/// huge file is not read).
fn holds_a_workspace(path: &Path) -> bool {
    use std::io::Read;
    // Only a regular file is opened (opening a FIFO would wait for a writer).
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::new();
    let _ = file.take(4096).read_to_end(&mut head);
    let head = String::from_utf8_lossy(&head);
    let head = head.trim_start_matches('\u{feff}');
    let body = head
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with("//"))
        .unwrap_or_default();
    body.starts_with("Workspace(") || body.starts_with("(format_version")
}

fn report_written(path: &Path, format: Format, err: &mut dyn Write) {
    let _ = writeln!(err, "{}: wrote the {}", path.display(), format.label());
}
