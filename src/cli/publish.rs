//! `factbench publish WORKSPACE --claim ID --by NAME`: publish a claim, as
//! the window's *Publish* does — refused, saying what is missing, while
//! the claim is not ready.

use super::desk::{self, finish, open_for_writing, quoted};
use crate::edit::{ClaimChange, Command, Outcome};
use crate::model::readiness;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct PublishArgs {
    /// The workspace file (.ron).
    pub workspace: PathBuf,
    /// The claim: its id or its report number.
    #[arg(long, value_name = "ID")]
    pub claim: String,
    /// Who approves the publication.
    #[arg(long, value_name = "NAME")]
    pub by: String,
}

pub fn run(args: &PublishArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = publish(args, out, err);
    finish(result, &args.workspace, true, err)
}

fn publish(args: &PublishArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, String> {
    let path = &args.workspace;
    if args.by.trim().is_empty() {
        return Err(format!(
            "{}: --by is empty: say who approves the publication",
            path.display()
        ));
    }
    let (mut change, mut doc) = open_for_writing(path, "publish")?;
    let claim = desk::find_claim(doc.workspace(), &args.claim, path)?;
    let command = Command::EditClaim {
        claim,
        change: ClaimChange::Publish {
            by: args.by.trim().to_owned(),
        },
    };
    let outcome = doc
        .execute(command, 0.0)
        .map_err(|e| format!("{}: --claim {}: {e}", path.display(), quoted(&args.claim)))?;
    if outcome == Outcome::Unchanged {
        let _ = writeln!(err, "note: the claim is published already; nothing saved");
    } else if let Some(published) = doc.workspace().claim(claim) {
        let lacks = readiness::lacks(doc.workspace(), published);
        if !lacks.is_empty() {
            let _ = writeln!(
                err,
                "note: published; an editor may still want {}",
                readiness::describe(&lacks)
            );
        }
    }
    desk::save(&mut change, &mut doc)?;
    let _ = writeln!(out, "{claim}");
    Ok(0)
}
