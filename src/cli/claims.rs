//! `factbench claims WORKSPACE [--json] [--published] [--article ID]`:
//! every claim in report order, one line each.

use super::claim_json::claim_record;
use super::desk::{escape_for_terminal, finish, json_line, open_for_reading};
use crate::model::{Claim, Workspace};
use crate::text::one_line;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    /// The workspace file (.ron).
    pub workspace: PathBuf,
    /// One JSON object per claim per line (fields in docs/cli-json.md).
    #[arg(long)]
    pub json: bool,
    /// Only the claims published now.
    #[arg(long)]
    pub published: bool,
    /// Only the claims of this article (`factbench list` shows the ids).
    #[arg(long, value_name = "ID")]
    pub article: Option<String>,
}

pub fn run(args: &ClaimsArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = list(args, out, err);
    finish(result, &args.workspace, false, err)
}

fn list(args: &ClaimsArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, String> {
    let ws = open_for_reading(&args.workspace, err)?;
    if let Some(wanted) = &args.article
        && !ws
            .articles
            .iter()
            .any(|a| a.id.to_string() == wanted.trim())
    {
        return Err(format!(
            "{}: --article {}: no article has that id (`factbench list {}` shows them)",
            args.workspace.display(),
            super::desk::quoted(wanted),
            args.workspace.display()
        ));
    }
    for (number, claim) in in_report_order(&ws) {
        if args.published && !claim.is_published() {
            continue;
        }
        if args
            .article
            .as_deref()
            .is_some_and(|a| claim.article.to_string() != a.trim())
        {
            continue;
        }
        let line = if args.json {
            json_line(&claim_record(&ws, claim, number))
        } else {
            format!("{}\n", plain_line(&ws, claim, number))
        };
        let _ = out.write_all(line.as_bytes());
    }
    Ok(0)
}

/// Every claim with its report number, in report order.
pub(super) fn in_report_order(ws: &Workspace) -> Vec<(usize, &Claim)> {
    let numbers = ws.claim_numbers();
    let mut claims: Vec<(usize, &Claim)> = ws
        .claims
        .iter()
        .map(|c| (numbers.get(&c.id).copied().unwrap_or(0), c))
        .collect();
    claims.sort_by_key(|(n, _)| *n);
    claims
}

/// The statement, or for a claim about media with none yet `Video
/// 12:03–12:19: URL`.
fn shown_statement(claim: &Claim) -> String {
    match &claim.media {
        Some(media) if claim.statement.trim().is_empty() => media.list_label(),
        _ => claim.statement.clone(),
    }
}

/// `7  0193…  False  published  “statement”`
fn plain_line(ws: &Workspace, claim: &Claim, number: usize) -> String {
    let verdict = claim
        .verdict
        .as_deref()
        .map(|k| ws.scale.get(k).map_or(k, |v| v.label.as_str()))
        .unwrap_or("unrated");
    let state = if claim.is_published() {
        "published"
    } else if claim.is_orphaned() {
        "orphan"
    } else {
        "draft"
    };
    [
        number.to_string(),
        claim.id.to_string(),
        escape_for_terminal(verdict),
        state.to_owned(),
        escape_for_terminal(&one_line(&shown_statement(claim), 100)),
    ]
    .join("\t")
}
