//! The *public fields* of a claim, defined once: what a published fact
//! check shows its readers — the statement, the quote (its span in the
//! article), the claimant, the verdict, the rationale and the evidence.
//! Once a claim has been published these change only through a
//! correction, which records the old and the new value of each field it
//! changed ([`FieldChange`]). The editing core refuses any other change to
//! them, so the window and the command line follow the same rule.

use super::{Claim, Evidence};
use serde::{Deserialize, Serialize};

/// One public field of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PublicField {
    Statement,
    Quote,
    Claimant,
    Verdict,
    Rationale,
    Evidence,
}

impl PublicField {
    /// Every public field, in the order a report shows them.
    pub const ALL: [PublicField; 6] = [
        PublicField::Statement,
        PublicField::Quote,
        PublicField::Claimant,
        PublicField::Verdict,
        PublicField::Rationale,
        PublicField::Evidence,
    ];

    /// The field's name in JSON and on the command line (`statement`, `quote`…).
    pub fn key(self) -> &'static str {
        match self {
            PublicField::Statement => "statement",
            PublicField::Quote => "quote",
            PublicField::Claimant => "claimant",
            PublicField::Verdict => "verdict",
            PublicField::Rationale => "rationale",
            PublicField::Evidence => "evidence",
        }
    }

    /// The field's name in sentences ("the verdict").
    pub fn label(self) -> &'static str {
        match self {
            PublicField::Statement => "statement",
            PublicField::Quote => "quote",
            PublicField::Claimant => "claimant",
            PublicField::Verdict => "verdict",
            PublicField::Rationale => "rationale",
            PublicField::Evidence => "evidence",
        }
    }

    /// Whether a change of this field of `claim` must be a correction:
    /// the claim was published at some time (withdrawing it does not make
    /// its public record a draft again).
    pub fn needs_correction(claim: &Claim) -> bool {
        claim.first_published().is_some()
    }

    /// The field's value on `claim` as a correction records it: the text
    /// of a text field, the verdict's key (`""` while unrated), the quoted
    /// text, and the evidence as one line per piece (`stance source-id`).
    pub fn recorded_value(self, claim: &Claim) -> String {
        match self {
            PublicField::Statement => claim.statement.clone(),
            PublicField::Quote => claim.anchor.exact.clone(),
            PublicField::Claimant => claim.claimant.clone(),
            PublicField::Verdict => claim.verdict.clone().unwrap_or_default(),
            PublicField::Rationale => claim.rationale.clone(),
            PublicField::Evidence => claim
                .evidence
                .iter()
                .map(PublicField::evidence_line)
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// One piece of evidence as the evidence's recorded value lists it:
    /// its stance and the id of the source it cites.
    pub fn evidence_line(evidence: &Evidence) -> String {
        format!("{} {}", evidence.stance.label(), evidence.source)
    }

    /// How this field of a published claim may still change, as the end
    /// of a sentence for messages ("its verdict changes only through …").
    pub fn rule_after_publication(self) -> String {
        match self {
            PublicField::Statement
            | PublicField::Claimant
            | PublicField::Verdict
            | PublicField::Rationale => format!(
                "its {self} changes only through a correction with a public note (“Correct…” in the inspector, `factbench correct` on the command line)"
            ),
            PublicField::Evidence => "evidence is only added, through a correction with a public note (`factbench correct --cite`)".to_owned(),
            PublicField::Quote => "its quote stays where it was published (mark other words as a claim of their own)".to_owned(),
        }
    }
}

impl std::fmt::Display for PublicField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// One public field a correction changed: its value before and after, as
/// [`PublicField::recorded_value`] gives them (for the verdict, a key of
/// the scale or `""` for none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldChange {
    pub field: PublicField,
    pub old: String,
    pub new: String,
}

impl FieldChange {
    /// The old and new value a report shows, for the short fields whose
    /// values read well in a sentence (statement, quote, claimant); `None`
    /// for the verdict (shown with its labels), the rationale and the
    /// evidence (shown as revised or added).
    pub fn reported_values(&self) -> Option<(&str, &str)> {
        match self.field {
            PublicField::Statement | PublicField::Quote | PublicField::Claimant => {
                Some((&self.old, &self.new))
            }
            PublicField::Verdict | PublicField::Rationale | PublicField::Evidence => None,
        }
    }

    /// How a report says the rationale or the evidence changed.
    pub fn reported_phrase(&self) -> Option<&'static str> {
        match self.field {
            PublicField::Rationale => Some("rationale revised"),
            PublicField::Evidence => Some("evidence added"),
            _ => None,
        }
    }

    /// The verdict key before or after, `None` for "unrated".
    pub fn verdict_key(value: &str) -> Option<&str> {
        (!value.is_empty()).then_some(value)
    }
}
