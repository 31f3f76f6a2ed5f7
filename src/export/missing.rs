//! What an export cannot do without: the data a ClaimReview needs (a report
//! URL to point at, a publisher to name as author, a verdict on the scale),
//! listed per claim so the user can fill it in. The command line refuses to
//! write a ClaimReview file with anything missing and exits non-zero; the
//! window says what is missing before it writes.

use super::plan::{Plan, VerdictState};
use super::{ExportError, ExportOptions, Format};
use crate::model::Workspace;
use std::fmt;

/// One claim's missing data (or the export's, when `claim` is `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    /// The claim's number in the report, when it is about one claim.
    pub claim: Option<usize>,
    /// What is missing, as a phrase ("the workspace's report URL").
    pub what: Vec<String>,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.claim {
            Some(n) => write!(f, "claim {n} needs {}", self.what.join(", ")),
            None => f.write_str(&self.what.join(", ")),
        }
    }
}

/// What the export of `workspace` in `format` is missing, per claim; empty
/// when nothing is. Only ClaimReview has required data.
pub fn missing_data(
    format: Format,
    workspace: &Workspace,
    options: &ExportOptions,
) -> Result<Vec<Missing>, ExportError> {
    let plan = Plan::new(workspace, options)?;
    if format != Format::ClaimReview {
        return Ok(Vec::new());
    }
    let mut workspace_lacks = Vec::new();
    if plan.report_link("x").is_none() {
        workspace_lacks.push("the workspace's report URL (http or https)".to_owned());
    }
    if workspace.publisher.name.trim().is_empty() {
        workspace_lacks.push("the publisher's name (Workspace › Details)".to_owned());
    }
    let mut out = Vec::new();
    let mut reviewed = 0;
    for planned in &plan.claims {
        let mut what = workspace_lacks.clone();
        match planned.verdict {
            VerdictState::Rated(_) => {}
            VerdictState::Unknown(key) => {
                what.push(format!("a verdict on the scale ({key:?} is not)"))
            }
            // Drafts without a verdict have no ClaimReview yet (internal copy only).
            VerdictState::Unrated if !plan.audience.is_public() => continue,
            VerdictState::Unrated => what.push("a verdict".to_owned()),
        }
        let claim = planned.claim;
        if claim.statement.trim().is_empty() && claim.anchor.exact.trim().is_empty() {
            what.push("a statement".to_owned());
        }
        if what.is_empty() {
            reviewed += 1;
        } else {
            out.push(Missing {
                claim: Some(planned.number),
                what,
            });
        }
    }
    if reviewed == 0 && out.is_empty() {
        out.push(Missing {
            claim: None,
            what: vec![format!(
                "no claim in this export has a verdict, so the ClaimReview file would be empty{}",
                if plan.audience.is_public() {
                    " (only published claims are in a public export)"
                } else {
                    ""
                }
            )],
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_workspace;

    #[test]
    fn the_sample_misses_nothing_and_without_a_report_url_every_claim_says_so() {
        let mut ws = sample_workspace();
        assert_eq!(
            missing_data(Format::ClaimReview, &ws, &ExportOptions::public()).unwrap(),
            []
        );
        ws.report_url = "factcheck.example.org/report".into();
        ws.publisher.name = " ".into();
        let missing = missing_data(Format::ClaimReview, &ws, &ExportOptions::public()).unwrap();
        assert_eq!(missing.len(), 8, "one line per published claim");
        assert!(
            missing[0]
                .to_string()
                .starts_with("claim 1 needs the workspace's report URL")
        );
        assert!(missing[0].to_string().contains("the publisher's name"));
        assert!(
            missing_data(Format::Csv, &ws, &ExportOptions::public())
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn an_export_with_no_rated_claim_is_not_a_silent_empty_file() {
        let mut ws = sample_workspace();
        for claim in &mut ws.claims {
            claim.publication.clear();
        }
        let missing = missing_data(Format::ClaimReview, &ws, &ExportOptions::public()).unwrap();
        assert_eq!(missing.len(), 1);
        assert!(missing[0].to_string().contains("would be empty"));
    }
}
