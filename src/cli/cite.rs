//! `factbench cite WORKSPACE --claim ID --source ID --stance S [--excerpt
//! TEXT [--nth N] [--unverified]] [--note TEXT]`: cite a library source as
//! evidence for a claim. When the source has a text snapshot, the excerpt
//! is looked for in the latest one with `mark`'s folding and anchored
//! there; not found, it is refused unless `--unverified` (which the
//! custody log records); found several times, the places are listed
//! unless `--nth` picks one.

use super::desk::{self, escape_for_terminal, finish, open_for_writing, quoted};
use super::your_name::by_or_preference;
use crate::edit::{ClaimChange, Command, Document};
use crate::evidence::excerpt::{anchor_at, occurrences};
use crate::model::{
    ClaimId, CustodyEntry, CustodyEvent, Evidence, ExcerptAnchor, Snapshot, Source,
};
use std::io::Write;
use std::path::{Path, PathBuf};

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
    /// What the source says, quoted; anchored in the source's latest text
    /// snapshot when it has one.
    #[arg(long, default_value = "")]
    pub excerpt: String,
    /// Which occurrence of the excerpt in the snapshot (from 1) when it
    /// occurs more than once.
    #[arg(long, value_name = "N")]
    pub nth: Option<usize>,
    /// Cite the excerpt although the snapshot does not hold it (recorded
    /// in the custody log; `verify` reports it as unverified).
    #[arg(long)]
    pub unverified: bool,
    /// Who cites it unverified, for the custody log (default: Preferences ›
    /// Your name, else the login name).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// A note on the evidence.
    #[arg(long, default_value = "")]
    pub note: String,
}

pub fn run(args: &CiteArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = cite(args, out, err);
    finish(result, &args.workspace, true, err)
}

fn cite(args: &CiteArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, String> {
    let path = &args.workspace;
    let stance =
        desk::parse_stance(&args.stance).map_err(|e| format!("{}: {e}", path.display()))?;
    if args.nth == Some(0) {
        return Err(format!(
            "{}: --nth 0: occurrences are numbered from 1",
            path.display()
        ));
    }
    let (mut change, mut doc) = open_for_writing(path, "cite")?;
    let claim = desk::find_claim(doc.workspace(), &args.claim, path)?;
    let source = desk::find_source(doc.workspace(), "--source", &args.source, path)?;
    let anchor = match doc.workspace().source(source) {
        Some(found) => anchor_excerpt(found, args, path)?.map(Box::new),
        None => None,
    };
    let unverified = anchor.as_ref().is_some_and(|a| a.unverified);
    let evidence = Evidence {
        note: args.note.clone(),
        anchor,
        ..Evidence::new(source, stance, args.excerpt.clone())
    };
    let evidence_id = evidence.id;
    let command = Command::EditClaim {
        claim,
        change: ClaimChange::Cite(evidence),
    };
    doc.execute(command, 0.0)
        .map_err(|e| format!("{}: --claim {}: {e}", path.display(), quoted(&args.claim)))?;
    if unverified {
        record_unverified(&mut doc, args, claim, evidence_id, err)?;
    }
    desk::save(&mut change, &mut doc)?;
    let _ = writeln!(out, "{claim}");
    Ok(0)
}

/// Where the excerpt lies in the source's latest text snapshot; `None`
/// without an excerpt or a text snapshot; refused when not found (unless
/// `--unverified`) or found several times without `--nth`.
fn anchor_excerpt(
    source: &Source,
    args: &CiteArgs,
    path: &Path,
) -> Result<Option<ExcerptAnchor>, String> {
    let excerpt = &args.excerpt;
    let Some(snapshot) = source.latest_text_snapshot() else {
        return Ok(None);
    };
    if excerpt.trim().is_empty() {
        return Ok(None);
    }
    let text = snapshot.text.as_deref().unwrap_or_default();
    let found = occurrences(text, excerpt);
    let place = match (found.as_slice(), args.nth) {
        ([], _) if args.unverified => {
            return Ok(Some(ExcerptAnchor {
                snapshot: snapshot.sha256.clone(),
                anchor: None,
                unverified: true,
            }));
        }
        ([], _) => return Err(not_found(snapshot, excerpt, path)),
        ([only], None) => *only,
        (many, None) => return Err(ambiguous(snapshot, excerpt, many, path)),
        (many, Some(nth)) => *many.get(nth - 1).ok_or_else(|| {
            format!(
                "{}: --nth {nth}: the excerpt {} occurs {} time(s) in snapshot {}",
                path.display(),
                quoted(excerpt),
                many.len(),
                snapshot.short_hash()
            )
        })?,
    };
    Ok(Some(ExcerptAnchor {
        snapshot: snapshot.sha256.clone(),
        anchor: anchor_at(text, place.0, place.1),
        unverified: false,
    }))
}

/// `correct --cite`'s anchor: the excerpt's place in the source's latest
/// text snapshot when it is there once; else no place (flagged by
/// `verify`), with a warning. `None` without an excerpt or a text snapshot.
pub(super) fn anchor_found_once(
    source: &Source,
    excerpt: &str,
    err: &mut dyn Write,
) -> Option<Box<ExcerptAnchor>> {
    let snapshot = source.latest_text_snapshot()?;
    if excerpt.trim().is_empty() {
        return None;
    }
    let anchored = crate::evidence::excerpt::anchor_in(snapshot, excerpt);
    if anchored.anchor.is_none() {
        let _ = writeln!(
            err,
            "warning: --excerpt {}: not found once in snapshot {}; `factbench verify` will report it",
            quoted(excerpt),
            snapshot.short_hash()
        );
    }
    Some(Box::new(anchored))
}

fn not_found(snapshot: &Snapshot, excerpt: &str, path: &Path) -> String {
    format!(
        "{}: --excerpt {}: not found in the source's latest text snapshot {} ({}); quote it as the snapshot has it, or cite it anyway with --unverified",
        path.display(),
        quoted(excerpt),
        snapshot.short_hash(),
        escape_for_terminal(&snapshot.file_name)
    )
}

/// Each occurrence, numbered from 1, with its chars and context.
fn ambiguous(snapshot: &Snapshot, excerpt: &str, found: &[(usize, usize)], path: &Path) -> String {
    let header = format!(
        "{}: --excerpt {}: occurs {} times in snapshot {}; choose one with --nth N:",
        path.display(),
        quoted(excerpt),
        found.len(),
        snapshot.short_hash()
    );
    desk::occurrences(header, snapshot.text.as_deref().unwrap_or_default(), found)
}

/// The custody log's record of an excerpt cited although not found.
fn record_unverified(
    doc: &mut Document,
    args: &CiteArgs,
    claim: ClaimId,
    evidence: crate::model::EvidenceId,
    err: &mut dyn Write,
) -> Result<(), String> {
    let ws = doc.workspace();
    let Some(cited) = ws
        .claim(claim)
        .and_then(|c| c.evidence.iter().find(|e| e.id == evidence))
    else {
        return Ok(());
    };
    let snapshot = cited
        .anchor
        .as_ref()
        .map_or_else(String::new, |a| a.snapshot.clone());
    let by = by_or_preference(args.by.as_deref())
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "factbench cite".to_owned());
    let entry = CustodyEntry::new(
        crate::model::now(),
        &by,
        cited.source,
        &snapshot,
        CustodyEvent::CitedUnverified { claim, evidence },
    );
    doc.execute(Command::RecordCustody(vec![entry]), 0.0)
        .map_err(|e| format!("{}: {e}", args.workspace.display()))?;
    let _ = writeln!(
        err,
        "warning: the excerpt is not in snapshot {}; cited unverified (recorded in the custody log)",
        crate::model::short_hash(&snapshot)
    );
    Ok(())
}
