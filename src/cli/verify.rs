//! `factbench verify WORKSPACE [--json]`: re-hash every snapshot beside the
//! workspace and look for every anchored excerpt again, one line each —
//! `ok | changed | missing | excerpt-not-found | unverified`, the hash,
//! the source and the claim's number — and record the result in the
//! custody log (under the workspace lock). Exit 0 unless something is
//! changed, missing or not found.

use super::desk::{self, finish, json_line, open_for_writing};
use super::your_name::by_or_preference;
use crate::edit::Command;
use crate::evidence::verify::{Finding, Found, custody_of, verify};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The workspace file (.ron).
    pub workspace: PathBuf,
    /// Who verifies, for the custody log (default: Preferences › Your
    /// name, else the login name).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// One JSON object per line.
    #[arg(long)]
    pub json: bool,
}

/// `--json`'s record of one finding.
#[derive(Serialize)]
struct FindingRecord<'a> {
    result: &'static str,
    sha256: &'a str,
    source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    claim: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claim_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    now_hashes_to: Option<&'a str>,
}

pub fn run(args: &VerifyArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = verify_workspace(args, out, err);
    finish(result, &args.workspace, true, err)
}

fn verify_workspace(
    args: &VerifyArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, String> {
    let path = &args.workspace;
    let by = by_or_preference(args.by.as_deref())
        .or_else(login_name)
        .unwrap_or_else(|| "factbench verify".to_owned());
    let (mut change, mut doc) = open_for_writing(path, "verify")?;
    let findings = verify(doc.workspace(), path);
    if findings.is_empty() {
        let _ = writeln!(
            err,
            "note: the workspace holds no snapshot; nothing to verify"
        );
        return Ok(0);
    }
    let custody = custody_of(&findings, &by, crate::model::now());
    doc.execute(Command::RecordCustody(custody), 0.0)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    desk::save(&mut change, &mut doc)?;
    let mut text = String::new();
    for finding in &findings {
        text.push_str(&line(finding, args.json));
    }
    let _ = out.write_all(text.as_bytes());
    let failed = findings.iter().filter(|f| f.is_problem()).count();
    if failed > 0 {
        let _ = writeln!(
            err,
            "{failed} of {} check(s) failed; recorded in the custody log",
            findings.len()
        );
        return Ok(super::FAILURE);
    }
    Ok(0)
}

/// One finding: `RESULT  SHA256  source ID[  claim N]`, or its JSON.
fn line(finding: &Finding, json: bool) -> String {
    let (claim, claim_id, evidence) = match &finding.what {
        Found::Excerpt {
            claim,
            evidence,
            number,
            ..
        } => (
            Some(*number),
            Some(claim.to_string()),
            Some(evidence.to_string()),
        ),
        Found::Bytes(_) => (None, None, None),
    };
    let now_hashes_to = match &finding.what {
        Found::Bytes(crate::model::ByteCheck::Changed(now)) => Some(now.as_str()),
        _ => None,
    };
    if json {
        return json_line(&FindingRecord {
            result: finding.label(),
            sha256: &finding.snapshot,
            source: finding.source.to_string(),
            claim,
            claim_id,
            evidence,
            now_hashes_to,
        });
    }
    let claim = claim.map(|n| format!("  claim {n}")).unwrap_or_default();
    format!(
        "{:<17}  {}  source {}{claim}\n",
        finding.label(),
        finding.snapshot,
        finding.source
    )
}

/// The login name, when the environment says it.
fn login_name() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .into_iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|n| n.trim().to_owned())
        .find(|n| !n.is_empty())
}
