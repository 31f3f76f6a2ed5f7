//! `factbench speaker list WORKSPACE [--article ID]` and `factbench
//! speaker rename WORKSPACE OLD NEW [--article ID]`: a transcript's
//! speakers, and naming one (a diarised `SPEAKER_00`) once for the whole
//! article, as [`Command::RenameSpeaker`] does in the window.

use super::desk::{self, escape_for_terminal, finish, open_for_reading, open_for_writing, quoted};
use crate::edit::{Command, Outcome};
use crate::model::{Article, ArticleId, Workspace};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Subcommand)]
pub enum SpeakerCommand {
    /// Each speaker of a transcript: label, name given, cues.
    List {
        /// The workspace file (.ron).
        workspace: PathBuf,
        /// The article (needed when several are transcripts).
        #[arg(long, value_name = "ID")]
        article: Option<String>,
    },
    /// Name a speaker (by its label or its name) for the whole article; the
    /// draft claims whose claimant was the old name follow. An empty NEW
    /// goes back to the file's label.
    Rename {
        /// The workspace file (.ron).
        workspace: PathBuf,
        /// The speaker's label (`SPEAKER_00`) or the name it has.
        old: String,
        /// The new name.
        new: String,
        /// The article (needed when several are transcripts).
        #[arg(long, value_name = "ID")]
        article: Option<String>,
    },
}

pub fn run(command: &SpeakerCommand, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match command {
        SpeakerCommand::List { workspace, article } => {
            let result = list(workspace, article.as_deref(), out, err);
            finish(result, workspace, false, err)
        }
        SpeakerCommand::Rename {
            workspace,
            old,
            new,
            article,
        } => {
            let result = rename(workspace, article.as_deref(), old, new, out, err);
            finish(result, workspace, true, err)
        }
    }
}

/// `SPEAKER_00  Ольга Петрова  12 cues`, one line per speaker.
fn list(
    path: &Path,
    wanted: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, String> {
    let ws = open_for_reading(path, err)?;
    let article = ws
        .article(transcript_article(&ws, wanted, path)?)
        .ok_or("the article went missing")?;
    let Some(table) = &article.transcript else {
        return Ok(0);
    };
    for (index, speaker) in table.speakers.iter().enumerate() {
        let cues = table
            .cues
            .iter()
            .filter(|c| c.speaker == Some(index))
            .count();
        let _ = writeln!(
            out,
            "{}\t{}\t{cues} cues",
            escape_for_terminal(&speaker.label),
            escape_for_terminal(&speaker.name)
        );
    }
    Ok(0)
}

fn rename(
    path: &Path,
    wanted: Option<&str>,
    old: &str,
    new: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, String> {
    let (mut change, mut doc) = open_for_writing(path, "speaker rename")?;
    let article = transcript_article(doc.workspace(), wanted, path)?;
    let command = Command::RenameSpeaker {
        article,
        speaker: old.to_owned(),
        name: new.to_owned(),
    };
    let outcome = doc
        .execute(command, 0.0)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if outcome == Outcome::Unchanged {
        let _ = writeln!(
            err,
            "note: the speaker has that name already; nothing saved"
        );
        return Ok(0);
    }
    desk::save(&mut change, &mut doc)?;
    let _ = writeln!(out, "{} → {}", quoted(old), quoted(new));
    Ok(0)
}

/// The transcript `wanted` names by id, or the only transcript.
fn transcript_article(
    ws: &Workspace,
    wanted: Option<&str>,
    path: &Path,
) -> Result<ArticleId, String> {
    let transcripts: Vec<&Article> = ws
        .articles
        .iter()
        .filter(|a| a.transcript.is_some())
        .collect();
    let listing = || {
        transcripts
            .iter()
            .map(|a| format!("\n  {}  {}", a.id, crate::text::one_line(&a.title, 60)))
            .collect::<String>()
    };
    match wanted {
        Some(wanted) => transcripts
            .iter()
            .find(|a| a.id.to_string().eq_ignore_ascii_case(wanted.trim()))
            .map(|a| a.id)
            .ok_or_else(|| {
                format!(
                    "{}: --article {}: no transcript has that id; its transcripts are:{}",
                    path.display(),
                    quoted(wanted),
                    listing()
                )
            }),
        None => match transcripts.as_slice() {
            [only] => Ok(only.id),
            [] => Err(format!(
                "{}: no article of the workspace is a transcript",
                path.display()
            )),
            many => Err(format!(
                "{}: the workspace holds {} transcripts; choose one with --article ID:{}",
                path.display(),
                many.len(),
                listing()
            )),
        },
    }
}
