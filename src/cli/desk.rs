//! What the scripting commands (`mark`, `claims`, `source add`, `sources`,
//! `cite`, `set`, `publish`, `correct`) share: opening the workspace for a
//! read or for a change under the one workspace lock, finding a claim by id
//! or report number, reading enumerations in kebab-case or by label, and
//! printing what came from the workspace without its control characters.

use super::FAILURE;
use crate::edit::Document;
use crate::model::{
    ClaimId, ClaimantKind, Priority, SourceId, SourceKind, Stance, Status, Workspace,
};
use crate::store::{self, Change};
use std::io::Write;
use std::path::Path;

/// At most this many chars of user input are quoted back in a message.
const QUOTED_CHARS: usize = 80;

/// A command's failure: a message for standard error.
pub(super) type Failure = String;

/// Runs a writing or reading command body; on failure prints the one-line
/// error and exits 1 (a writer adds that the file is unchanged).
pub(super) fn finish(
    result: Result<u8, Failure>,
    workspace: &Path,
    writes: bool,
    err: &mut dyn Write,
) -> u8 {
    match result {
        Ok(code) => code,
        Err(message) => {
            // Lines are the message's own; what they quote was escaped.
            let lines: Vec<String> = message.split('\n').map(escape_for_terminal).collect();
            let _ = writeln!(err, "error: {}", lines.join("\n"));
            if writes {
                let _ = writeln!(
                    err,
                    "{}: unchanged",
                    escape_for_terminal(&workspace.display().to_string())
                );
            }
            FAILURE
        }
    }
}

/// The workspace at `path` for reading; recorded merge conflicts are
/// warned about on `err`.
pub(super) fn open_for_reading(path: &Path, err: &mut dyn Write) -> Result<Workspace, Failure> {
    let loaded = store::load(path).map_err(|e| e.to_string())?;
    warn_of_conflicts(&loaded.workspace, path, err);
    Ok(loaded.workspace)
}

/// The workspace at `path` for a change by `command`: locked, read, and
/// refused while it holds merge conflicts or does not exist.
pub(super) fn open_for_writing(path: &Path, command: &str) -> Result<(Change, Document), Failure> {
    if !path.exists() {
        // Refused before the lock, so no lock file is left beside nothing.
        return Err(no_workspace(path));
    }
    let (change, loaded) = store::open_for_change(path, command).map_err(|e| e.to_string())?;
    let loaded = loaded.ok_or_else(|| no_workspace(path))?;
    if !loaded.workspace.conflicts.is_empty() {
        return Err(format!(
            "{}: the workspace holds {} merge conflict(s); settle them first (`factbench check` lists them, the window settles them)",
            path.display(),
            loaded.workspace.conflicts.len()
        ));
    }
    let doc = Document::opened(loaded.workspace, Some(path.to_owned()), loaded.disk);
    Ok((change, doc))
}

fn no_workspace(path: &Path) -> Failure {
    format!(
        "{}: no such workspace file (create one with `factbench import ARTICLE --into {}`)",
        path.display(),
        path.display()
    )
}

/// Saves a changed document through the lock's write path.
pub(super) fn save(change: &mut Change, doc: &mut Document) -> Result<(), Failure> {
    if !doc.is_dirty() {
        return Ok(());
    }
    change.save(doc.workspace()).map_err(|e| e.to_string())?;
    Ok(())
}

fn warn_of_conflicts(ws: &Workspace, path: &Path, err: &mut dyn Write) {
    if !ws.conflicts.is_empty() {
        let _ = writeln!(
            err,
            "warning: {}: the workspace holds {} unsettled merge conflict(s); the values shown are ours",
            escape_for_terminal(&path.display().to_string()),
            ws.conflicts.len()
        );
    }
}

/// The claim `wanted` names: its report number (`7`) or its id.
pub(super) fn find_claim(ws: &Workspace, wanted: &str, path: &Path) -> Result<ClaimId, Failure> {
    let wanted = wanted.trim();
    if let Ok(number) = wanted.parse::<usize>() {
        let numbers = ws.claim_numbers();
        return numbers
            .iter()
            .find(|(_, n)| **n == number)
            .map(|(id, _)| *id)
            .ok_or_else(|| {
                format!(
                    "{}: --claim {number}: no claim has that number (the workspace has {} claim(s))",
                    path.display(),
                    ws.claims.len()
                )
            });
    }
    ws.claims
        .iter()
        .find(|c| c.id.to_string().eq_ignore_ascii_case(wanted))
        .map(|c| c.id)
        .ok_or_else(|| {
            format!(
                "{}: --claim {}: no claim has that id or number (`factbench claims {}` lists them)",
                path.display(),
                quoted(wanted),
                path.display()
            )
        })
}

/// The library source `wanted` names by its id.
pub(super) fn find_source(
    ws: &Workspace,
    argument: &str,
    wanted: &str,
    path: &Path,
) -> Result<SourceId, Failure> {
    ws.sources
        .iter()
        .find(|s| s.id.to_string().eq_ignore_ascii_case(wanted.trim()))
        .map(|s| s.id)
        .ok_or_else(|| {
            format!(
                "{}: {argument} {}: no source of the library has that id (`factbench sources {}` lists them)",
                path.display(),
                quoted(wanted),
                path.display()
            )
        })
}

/// A verdict of the scale named by its key or (ignoring case) its label.
pub(super) fn verdict_key(ws: &Workspace, wanted: &str, path: &Path) -> Result<String, Failure> {
    let trimmed = wanted.trim();
    ws.scale
        .verdicts
        .iter()
        .find(|v| v.key == trimmed)
        .or_else(|| {
            ws.scale.verdicts.iter().find(|v| {
                v.key.eq_ignore_ascii_case(trimmed)
                    || v.label.to_lowercase() == trimmed.to_lowercase()
            })
        })
        .map(|v| v.key.clone())
        .ok_or_else(|| {
            let keys: Vec<&str> = ws.scale.verdicts.iter().map(|v| v.key.as_str()).collect();
            format!(
                "{}: --verdict {}: not a verdict of the workspace's scale; its keys are {}",
                path.display(),
                quoted(wanted),
                keys.join(", ")
            )
        })
}

/// `--verdict` of `set` and `correct`: a verdict of the scale, or `none`
/// (when no verdict has that key) to clear it.
pub(super) fn verdict_choice(
    ws: &Workspace,
    wanted: &str,
    path: &Path,
) -> Result<Option<String>, Failure> {
    if wanted.trim().eq_ignore_ascii_case("none") && ws.scale.get("none").is_none() {
        return Ok(None);
    }
    verdict_key(ws, wanted, path).map(Some)
}

/// `ToCheck` → `to-check`: the kebab-case name of an enumeration value.
fn kebab(debug_name: &str) -> String {
    let mut out = String::with_capacity(debug_name.len() + 4);
    for (i, c) in debug_name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// A kebab-case name or a label (any case, spaces or underscores for
/// hyphens) as one of `all`.
fn choose<T: Copy + std::fmt::Debug>(
    all: &[T],
    label: fn(T) -> &'static str,
    argument: &str,
    wanted: &str,
) -> Result<T, Failure> {
    let folded = wanted.trim().to_lowercase().replace([' ', '_'], "-");
    all.iter()
        .copied()
        .find(|v| name_of(*v) == folded || label(*v).to_lowercase().replace(' ', "-") == folded)
        .ok_or_else(|| {
            let names: Vec<String> = all.iter().map(|v| name_of(*v)).collect();
            format!(
                "{argument} {}: expected one of {}",
                quoted(wanted),
                names.join(", ")
            )
        })
}

pub(super) fn parse_status(wanted: &str) -> Result<Status, Failure> {
    choose(&Status::ALL, Status::label, "--status", wanted)
}

pub(super) fn parse_priority(wanted: &str) -> Result<Priority, Failure> {
    choose(&Priority::ALL, Priority::label, "--priority", wanted)
}

pub(super) fn parse_claimant_kind(wanted: &str) -> Result<ClaimantKind, Failure> {
    choose(
        &ClaimantKind::ALL,
        ClaimantKind::label,
        "--claimant-kind",
        wanted,
    )
}

pub(super) fn parse_stance(wanted: &str) -> Result<Stance, Failure> {
    choose(&Stance::ALL, Stance::label, "--stance", wanted)
}

pub(super) fn parse_source_kind(wanted: &str) -> Result<SourceKind, Failure> {
    choose(&SourceKind::ALL, SourceKind::label, "--kind", wanted)
}

/// The kebab-case name of an enumeration value, as JSON and flags spell it.
pub(super) fn name_of<T: std::fmt::Debug>(value: T) -> String {
    kebab(&format!("{value:?}"))
}

/// User input quoted in a message: at most 80 chars, with an ellipsis,
/// its control characters escaped.
pub(super) fn quoted(input: &str) -> String {
    let mut chars = input.chars();
    let head: String = chars.by_ref().take(QUOTED_CHARS).collect();
    let tail = if chars.next().is_some() { "…" } else { "" };
    format!("\"{}{tail}\"", escape_for_terminal(&head))
}

/// The claim a command changes and the public fields `set` and
/// `correct` both take, with one spelling of each flag.
#[derive(Debug, clap::Args)]
pub struct ClaimFieldArgs {
    /// The claim: its id or its report number.
    #[arg(long, value_name = "ID")]
    pub claim: String,
    #[arg(long)]
    pub statement: Option<String>,
    /// A verdict key (or label) of the scale; `none` clears it.
    #[arg(long, value_name = "KEY")]
    pub verdict: Option<String>,
    #[arg(long)]
    pub rationale: Option<String>,
    #[arg(long)]
    pub claimant: Option<String>,
}

/// `text` safe to print on one line of a terminal: what would act on the
/// terminal escaped as [`crate::text::for_terminal`] does, and newlines and
/// tabs too, so one record stays one line.
pub(super) fn escape_for_terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` with each whitespace char (newlines, tabs) as a space, for
/// showing a stretch of an article on one line without losing its gaps.
pub(super) fn flat(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

/// A JSON line with every control character inside strings written as a
/// `\uXXXX` escape (serde_json leaves DEL, C1 controls and bidirectional
/// controls as they are).
pub(super) fn json_line(value: &impl serde::Serialize) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    out
}

fn needs_escape(c: char) -> bool {
    matches!(c, '\n' | '\t') || crate::text::acts_on_terminal(c)
}

/// Chars of context shown either side of an occurrence.
const CONTEXT_CHARS: usize = 30;
/// Occurrences listed when a quote or excerpt is ambiguous (the count is
/// always given in the header).
const LISTED_OCCURRENCES: usize = 20;

/// `header`, then each occurrence `found` in `text`, numbered from 1, with
/// its chars and context, for `mark --quote` and `cite --excerpt` found
/// several times.
pub(super) fn occurrences(header: String, text: &str, found: &[(usize, usize)]) -> String {
    use crate::text::one_line;
    let index = crate::anchor::CharIndex::new(text);
    let mut message = header;
    for (n, (start, end)) in found.iter().enumerate().take(LISTED_OCCURRENCES) {
        let before = index
            .slice(start.saturating_sub(CONTEXT_CHARS), *start)
            .unwrap_or_default();
        let quoted_text = index.slice(*start, *end).unwrap_or_default();
        let after = index
            .slice(*end, (end + CONTEXT_CHARS).min(index.char_len()))
            .unwrap_or_default();
        message.push_str(&format!(
            "\n  {}: chars {start}–{end}: …{}[{}]{}…",
            n + 1,
            escape_for_terminal(&flat(before)),
            escape_for_terminal(&one_line(quoted_text, 80)),
            escape_for_terminal(&flat(after)),
        ));
    }
    if found.len() > LISTED_OCCURRENCES {
        message.push_str(&format!(
            "\n  … and {} more (quote more words to tell them apart)",
            found.len() - LISTED_OCCURRENCES
        ));
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerations_read_kebab_case_and_labels() {
        assert_eq!(parse_status("to-check"), Ok(Status::ToCheck));
        assert_eq!(parse_status("Needs review"), Ok(Status::NeedsReview));
        assert_eq!(
            parse_claimant_kind("Organisation"),
            Ok(ClaimantKind::Organization)
        );
        assert_eq!(
            parse_claimant_kind("organization"),
            Ok(ClaimantKind::Organization)
        );
        assert_eq!(
            parse_source_kind("official-statement"),
            Ok(SourceKind::OfficialStatement)
        );
        assert_eq!(parse_source_kind("News report"), Ok(SourceKind::NewsReport));
        assert!(
            parse_stance("maybe")
                .unwrap_err()
                .contains("supports, refutes, context")
        );
        assert_eq!(name_of(Priority::High), "high");
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(
            escape_for_terminal("a\u{1b}[2Jb\u{202e}"),
            "a\\u001b[2Jb\\u202e"
        );
        assert_eq!(
            json_line(&serde_json::json!("x\u{85}\u{1b}")),
            "\"x\\u0085\\u001b\"\n"
        );
        assert_eq!(quoted(&"я".repeat(100)), format!("\"{}…\"", "я".repeat(80)));
    }
}
