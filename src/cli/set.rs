//! `factbench set WORKSPACE --claim ID [--statement …] [--verdict KEY]
//! [--rationale …] [--status …] [--claimant …] [--priority …] [--tag …]`:
//! change a claim's fields, all or none. A claim that was published has
//! its public fields changed only by `factbench correct`.

use super::desk::{self, finish, open_for_writing, quoted};
use crate::edit::{ClaimChange, ClaimText, Command};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The workspace file (.ron).
    pub workspace: PathBuf,
    #[command(flatten)]
    pub fields: desk::ClaimFieldArgs,
    /// to-check, in-progress, needs-review or done.
    #[arg(long)]
    pub status: Option<String>,
    /// person or organization.
    #[arg(long, value_name = "KIND")]
    pub claimant_kind: Option<String>,
    /// low, normal, high or urgent.
    #[arg(long)]
    pub priority: Option<String>,
    /// A tag to add (repeatable).
    #[arg(long = "tag", value_name = "T")]
    pub tags: Vec<String>,
    /// Editors' internal note (never published).
    #[arg(long)]
    pub internal_note: Option<String>,
}

pub fn run(args: &SetArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = set(args, out, err);
    finish(result, &args.workspace, true, err)
}

fn set(args: &SetArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, String> {
    let path = &args.workspace;
    let in_file = |e: String| format!("{}: {e}", path.display());
    let status = args
        .status
        .as_deref()
        .map(desk::parse_status)
        .transpose()
        .map_err(in_file)?;
    let priority = args
        .priority
        .as_deref()
        .map(desk::parse_priority)
        .transpose()
        .map_err(in_file)?;
    let kind = args
        .claimant_kind
        .as_deref()
        .map(desk::parse_claimant_kind)
        .transpose()
        .map_err(in_file)?;
    let (mut change, mut doc) = open_for_writing(path, "set")?;
    let claim = desk::find_claim(doc.workspace(), &args.fields.claim, path)?;
    let verdict = args
        .fields
        .verdict
        .as_deref()
        .map(|v| desk::verdict_choice(doc.workspace(), v, path))
        .transpose()?;
    let mut changes = Vec::new();
    let text = |field, text: &Option<String>| {
        text.clone()
            .map(|text| ClaimChange::SetText { field, text })
    };
    changes.extend(text(ClaimText::Statement, &args.fields.statement));
    changes.extend(text(ClaimText::Claimant, &args.fields.claimant));
    changes.extend(kind.map(ClaimChange::SetClaimantKind));
    changes.extend(verdict.map(ClaimChange::SetVerdict));
    changes.extend(text(ClaimText::Rationale, &args.fields.rationale));
    changes.extend(text(ClaimText::InternalNote, &args.internal_note));
    changes.extend(status.map(ClaimChange::SetStatus));
    changes.extend(priority.map(ClaimChange::SetPriority));
    changes.extend(args.tags.iter().cloned().map(ClaimChange::AddTag));
    if changes.is_empty() {
        return Err(in_file(
            "nothing to set: give --statement, --verdict, --rationale, --status, --claimant, --priority or --tag".to_owned(),
        ));
    }
    let mut clock = 0.0;
    for change in changes {
        clock += 3600.0;
        let outcome = doc.execute(Command::EditClaim { claim, change }, clock);
        if let Err(e) = outcome {
            return Err(format!(
                "{}: --claim {}: {e}",
                path.display(),
                quoted(&args.fields.claim)
            ));
        }
    }
    if !doc.is_dirty() {
        let _ = writeln!(
            err,
            "note: the claim already holds these values; nothing saved"
        );
    }
    desk::save(&mut change, &mut doc)?;
    let _ = writeln!(out, "{claim}");
    Ok(0)
}
