//! `factbench cite WORKSPACE --claim ID --source ID --stance S [--excerpt
//! TEXT] [--note TEXT]`: cite a library source as evidence for a claim.

use super::desk::{self, finish, open_for_writing, quoted};
use crate::edit::{ClaimChange, Command};
use crate::model::Evidence;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct CiteArgs {
    /// The workspace file (.ron).
    pub workspace: PathBuf,
    /// The claim: its id or its report number.
    #[arg(long, value_name = "ID")]
    pub claim: String,
    /// The source's id (`factbench sources` lists them).
    #[arg(long, value_name = "ID")]
    pub source: String,
    /// supports, refutes or context.
    #[arg(long)]
    pub stance: String,
    /// What the source says, quoted.
    #[arg(long, default_value = "")]
    pub excerpt: String,
    /// A note on the evidence.
    #[arg(long, default_value = "")]
    pub note: String,
}

pub fn run(args: &CiteArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = cite(args, out);
    finish(result, &args.workspace, true, err)
}

fn cite(args: &CiteArgs, out: &mut dyn Write) -> Result<u8, String> {
    let path = &args.workspace;
    let stance =
        desk::parse_stance(&args.stance).map_err(|e| format!("{}: {e}", path.display()))?;
    let (mut change, mut doc) = open_for_writing(path, "cite")?;
    let claim = desk::find_claim(doc.workspace(), &args.claim, path)?;
    let source = desk::find_source(doc.workspace(), "--source", &args.source, path)?;
    let evidence = Evidence {
        note: args.note.clone(),
        ..Evidence::new(source, stance, args.excerpt.clone())
    };
    let command = Command::EditClaim {
        claim,
        change: ClaimChange::Cite(evidence),
    };
    doc.execute(command, 0.0)
        .map_err(|e| format!("{}: --claim {}: {e}", path.display(), quoted(&args.claim)))?;
    desk::save(&mut change, &mut doc)?;
    let _ = writeln!(out, "{claim}");
    Ok(0)
}
