//! The `factbench` command line: argument parsing (clap) and the
//! subcommands, which reuse the library exactly as the window does.

mod check;
mod cite;
mod claim_json;
mod claims;
mod correct;
mod desk;
mod diff;
mod embedding_model;
mod export;
mod export_snapshots;
mod git_setup;
mod import;
mod import_check;
mod list;
mod mark;
mod mark_media;
mod merge;
mod publish;
mod set;
mod similar;
mod snapshot;
mod sources;
mod speaker;
mod update;
mod verify;
mod your_name;

use crate::text::TerminalWriter;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Factbench: mark the claims in news articles, judge them, publish the checks.
#[derive(Debug, Parser)]
#[command(name = "factbench", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A workspace (.ron) to open in the window, or an article to start a
    /// new workspace with: text (.txt), Markdown (.md), a saved web page
    /// (.html, .htm) or a transcript (.vtt, .srt), in any common encoding.
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and validate workspace files; exit non-zero if any has an error or a problem.
    Check {
        /// Workspace files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also list claims whose same claim in the workspaces under DIR carries another verdict.
        #[arg(long = "library", value_name = "DIR")]
        library: Vec<PathBuf>,
        /// Where the library index is kept (default: the platform cache folder).
        #[arg(long, value_name = "DIR", requires = "library")]
        index_dir: Option<PathBuf>,
        /// Re-rank library matches with the static embedding model in DIR
        /// (default: the one set in Preferences, if any).
        #[arg(long, value_name = "DIR", requires = "library")]
        embedding_model: Option<PathBuf>,
        /// Also say what each claim still lacks before it can be published
        /// (a verdict, a rationale, a claimant, evidence, a source with a
        /// web address); exit non-zero if any claim is not ready.
        #[arg(long)]
        ready: bool,
    },
    /// Add articles (text, Markdown, saved web pages, transcripts; any
    /// common encoding) to a workspace file, creating it when missing.
    Import(import::ImportArgs),
    /// Turn a Meedan Check export (a ZIP of its CSVs) into one workspace
    /// per Check workspace, statuses mapped onto a verdict scale with --map.
    ImportCheck(import_check::ImportCheckArgs),
    /// Earlier checks of a claim in the claim library, best first.
    Similar(similar::SimilarArgs),
    /// Export a workspace as an HTML report, Markdown, CSV, ClaimReview or Web Annotations.
    Export(export::ExportArgs),
    /// Replace an article's text by a newer version, keeping the old one, and follow every claim into it.
    Update(update::UpdateArgs),
    /// Print each article's id and title (the ids `update --article` takes).
    List {
        /// The workspace file (.ron).
        workspace: PathBuf,
    },
    /// Three-way merge of workspace files by id; exits 0 when clean, 1 when conflicts were recorded, 2 when an input cannot be read.
    Merge(merge::MergeArgs),
    /// What changed from one workspace file to another: items added, removed and changed.
    Diff(diff::DiffArgs),
    /// Make git merge and diff the workspaces of a repository with Factbench.
    GitSetup {
        /// A folder inside the repository (default: the current folder).
        dir: Option<PathBuf>,
    },
    /// Mark a quote (or every quote of a JSON Lines file) as a claim; prints the claim's id.
    Mark(mark::MarkArgs),
    /// Every claim in report order, one per line (JSON Lines with --json).
    Claims(claims::ClaimsArgs),
    /// The workspace's source library.
    #[command(subcommand)]
    Source(sources::SourceCommand),
    /// Every source of the library with the claims citing it (JSON Lines with --json).
    Sources(sources::SourcesArgs),
    /// Cite a library source as evidence for a claim.
    Cite(cite::CiteArgs),
    /// Change a claim's fields (a published claim's public fields change only with `correct`).
    Set(set::SetArgs),
    /// Publish a claim (refused while it lacks a verdict or a rationale).
    Publish(publish::PublishArgs),
    /// Correct a published claim: record old and new of each public field changed, with a public note.
    Correct(correct::CorrectArgs),
    /// Keep a saved copy of a source (a web page, web archive, image, PDF or text)
    /// beside the workspace, hashed; prints its SHA-256.
    Snapshot(snapshot::SnapshotArgs),
    /// Re-hash every snapshot and look for every anchored excerpt again;
    /// records the result in the custody log; exits 1 when something is
    /// changed, missing or not found.
    Verify(verify::VerifyArgs),
    /// A transcript's speakers: list them, or name one for the whole article.
    #[command(subcommand)]
    Speaker(speaker::SpeakerCommand),
}

/// Exit code for bad input or a failed command (clap uses 2 for usage errors).
const FAILURE: u8 = 1;
/// Exit code when the window was asked for but could not be opened.
const NO_WINDOW: u8 = 3;

/// Runs a parsed command line, writing results to `out` and errors to `err`.
/// Both go through [`TerminalWriter`]: text from workspaces and pages (a
/// title with escape sequences) is shown, never obeyed by the terminal.
/// Only an export's own output (a report, CSV, JSON-LD written to standard
/// output) is written as it is.
pub fn run(cli: Cli, raw_out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let err = &mut TerminalWriter::new(err);
    let mut escaped;
    let out: &mut dyn Write = if matches!(cli.command, Some(Command::Export(_))) {
        raw_out
    } else {
        escaped = TerminalWriter::new(raw_out);
        &mut escaped
    };
    let code = match cli.command {
        Some(Command::Check {
            files,
            library,
            index_dir,
            embedding_model,
            ready,
        }) => check::run(
            &files,
            &check::LibraryCheck::new(library, index_dir)
                .with_embedding_model(embedding_model)
                .with_ready(ready),
            out,
            err,
        ),
        Some(Command::Similar(args)) => similar::run(&args, out, err),
        Some(Command::Import(args)) => import::run(&args, out, err),
        Some(Command::ImportCheck(args)) => import_check::run(&args, out, err),
        Some(Command::Export(args)) => export::run(&args, out, err),
        Some(Command::Update(args)) => update::run(&args, out, err),
        Some(Command::List { workspace }) => list::run(&workspace, out, err),
        Some(Command::Merge(args)) => merge::run(&args, out, err),
        Some(Command::Diff(args)) => diff::run(&args, out, err),
        Some(Command::GitSetup { dir }) => git_setup::run(dir.as_deref(), out, err),
        Some(Command::Mark(args)) => mark::run(&args, out, err),
        Some(Command::Claims(args)) => claims::run(&args, out, err),
        Some(Command::Source(command)) => sources::run_source(&command, out, err),
        Some(Command::Sources(args)) => sources::run_sources(&args, out, err),
        Some(Command::Cite(args)) => cite::run(&args, out, err),
        Some(Command::Set(args)) => set::run(&args, out, err),
        Some(Command::Publish(args)) => publish::run(&args, out, err),
        Some(Command::Correct(args)) => correct::run(&args, out, err),
        Some(Command::Speaker(command)) => speaker::run(&command, out, err),
        Some(Command::Snapshot(args)) => snapshot::run(&args, out, err),
        Some(Command::Verify(args)) => verify::run(&args, out, err),
        None => open_window(cli.file, err),
    };
    ExitCode::from(code)
}

/// `factbench` and `factbench FILE`: the window, when this build has one.
#[cfg(feature = "gui")]
fn open_window(file: Option<PathBuf>, err: &mut dyn Write) -> u8 {
    match crate::ui::run(file) {
        Ok(()) => 0,
        Err(message) => {
            let _ = writeln!(err, "factbench: {message}");
            NO_WINDOW
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_file: Option<PathBuf>, err: &mut dyn Write) -> u8 {
    let _ = writeln!(
        err,
        "factbench: this build has no window (built without the `gui` feature); use `factbench check`, `import`, `export`, `update`, `list`, `merge`, `diff` or `git-setup`"
    );
    NO_WINDOW
}
