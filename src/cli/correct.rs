//! `factbench correct WORKSPACE --claim ID [--statement …] [--verdict KEY]
//! [--rationale …] [--claimant …] [--cite SOURCE --stance S] --note TEXT
//! --by NAME`: change public
//! fields of a published claim as one dated correction, which records the
//! old and new value of each field it changes. Evidence added with an
//! excerpt on a source with a text snapshot is anchored there (as `cite`
//! anchors it); one not found once exactly is flagged for `verify`.

use super::desk::{self, finish, open_for_writing, quoted};
use crate::edit::{ClaimChange, Command, Corrected, Outcome};
use crate::model::Evidence;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct CorrectArgs {
    /// The workspace file (.ron).
    pub workspace: PathBuf,
    #[command(flatten)]
    pub fields: desk::ClaimFieldArgs,
    /// Add evidence: a library source's id (with --stance).
    #[arg(long, value_name = "SOURCE", requires = "stance")]
    pub cite: Option<String>,
    /// The new evidence's stance: supports, refutes or context.
    #[arg(long, requires = "cite")]
    pub stance: Option<String>,
    /// The new evidence's excerpt.
    #[arg(long, default_value = "", requires = "cite")]
    pub excerpt: String,
    /// A note on the new evidence.
    #[arg(long, default_value = "", requires = "cite")]
    pub evidence_note: String,
    /// The public note: what changed and why (shown in the report).
    #[arg(long)]
    pub note: String,
    /// Who makes the correction.
    #[arg(long, value_name = "NAME")]
    pub by: String,
}

pub fn run(args: &CorrectArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = correct(args, out, err);
    finish(result, &args.workspace, true, err)
}

fn correct(args: &CorrectArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, String> {
    let path = &args.workspace;
    if args.by.trim().is_empty() {
        return Err(format!(
            "{}: --by is empty: say who corrects the claim",
            path.display()
        ));
    }
    let (mut change, mut doc) = open_for_writing(path, "correct")?;
    let claim = desk::find_claim(doc.workspace(), &args.fields.claim, path)?;
    let verdict = args
        .fields
        .verdict
        .as_deref()
        .map(|v| desk::verdict_choice(doc.workspace(), v, path))
        .transpose()?;
    let cite = match (&args.cite, &args.stance) {
        (Some(source), Some(stance)) => {
            let source = desk::find_source(doc.workspace(), "--cite", source, path)?;
            let anchor = doc
                .workspace()
                .source(source)
                .and_then(|s| super::cite::anchor_found_once(s, &args.excerpt, err));
            vec![Evidence {
                note: args.evidence_note.clone(),
                anchor,
                ..Evidence::new(
                    source,
                    desk::parse_stance(stance).map_err(|e| format!("{}: {e}", path.display()))?,
                    args.excerpt.clone(),
                )
            }]
        }
        _ => Vec::new(),
    };
    let fields = Corrected {
        statement: args.fields.statement.clone(),
        claimant: args.fields.claimant.clone(),
        verdict,
        rationale: args.fields.rationale.clone(),
        cite,
    };
    if fields == Corrected::default() {
        return Err(format!(
            "{}: nothing to correct: give --statement, --verdict, --rationale, --claimant or --cite",
            path.display()
        ));
    }
    let command = Command::EditClaim {
        claim,
        change: ClaimChange::Correct {
            fields,
            note: args.note.trim().to_owned(),
            by: args.by.trim().to_owned(),
        },
    };
    let outcome = doc.execute(command, 0.0).map_err(|e| {
        format!(
            "{}: --claim {}: {e}",
            path.display(),
            quoted(&args.fields.claim)
        )
    })?;
    if outcome == Outcome::Unchanged {
        let _ = writeln!(
            err,
            "note: the claim already holds these values; no correction recorded"
        );
    }
    desk::save(&mut change, &mut doc)?;
    let _ = writeln!(out, "{claim}");
    Ok(0)
}
