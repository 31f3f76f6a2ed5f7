//! What one row of the claims list says about its claim: its number and
//! statement, verdict, claimant and state (published under its public
//! number, withdrawn, removed by the outlet), and the name screen readers
//! hear.

use super::{ListContext, moment_label};

/// What a row of the list says about its claim.
pub(super) struct Row<'a> {
    pub(super) claim: &'a crate::model::Claim,
    pub(super) verdict: Option<&'a crate::model::Verdict>,
    pub(super) selected: bool,
    /// "12. ", the claim's number in the report, or nothing.
    pub(super) number: String,
    /// In a transcript, when and by whom it was said: "12:03–12:19, Speaker";
    /// in a PDF or Word document, its pages: "p. 12–13"; for a claim about
    /// media, "Video 12:03–12:19: URL".
    pub(super) moment: Option<String>,
}

impl<'a> Row<'a> {
    pub(super) fn of(cx: &ListContext<'a>, claim: &'a crate::model::Claim) -> Self {
        let number = cx
            .numbers
            .get(&claim.id)
            .map_or_else(String::new, |n| format!("{n}. "));
        Row {
            claim,
            verdict: claim
                .verdict
                .as_deref()
                .and_then(|k| cx.workspace.scale.get(k)),
            selected: cx.selected_claim == Some(claim.id),
            number,
            moment: (claim.media.as_ref().map(|m| m.list_label()))
                .or_else(|| moment_label(cx.workspace, claim)),
        }
    }

    pub(super) fn verdict_label(&self) -> &'a str {
        self.verdict.map_or("Unrated", |v| v.label.as_str())
    }

    /// What screen readers say (and tests find the row by).
    pub(super) fn accessible_label(&self) -> String {
        let published = match (self.claim.is_published(), self.claim.public_number) {
            (true, Some(public)) => format!(", published as number {public}"),
            (true, None) => ", published".to_owned(),
            (false, Some(public)) => format!(", withdrawn, was number {public}"),
            (false, None) => String::new(),
        };
        let (number, verdict) = (&self.number, self.verdict_label());
        let moment = self
            .moment
            .as_ref()
            .map_or_else(String::new, |m| format!(" ({m})"));
        format!(
            "{number}{verdict} — {}{moment}{published}",
            self.claim.statement
        )
    }

    /// The number and statement on one line, "(!) " first for a claim with
    /// a problem.
    pub(super) fn first_line(&self, cx: &ListContext) -> String {
        let shown = match (&self.claim.media, &self.moment) {
            (Some(_), Some(media)) if self.claim.statement.trim().is_empty() => media,
            _ => &self.claim.statement,
        };
        let mut statement = format!("{}{}", self.number, shown.replace('\n', " "));
        if cx.problem_claims.contains(&self.claim.id) {
            statement.insert_str(0, "(!) ");
        }
        statement
    }

    /// Verdict, claimant and status.
    pub(super) fn second_line(&self) -> String {
        let claim = self.claim;
        let who = if claim.claimant.is_empty() {
            "claimant not set".into()
        } else {
            crate::ui::bidi_text::isolate(&claim.claimant)
        };
        // The public number beside the working one: how readers know it.
        let state = match (claim.is_published(), claim.public_number) {
            (true, Some(public)) => format!("Published as no. {public}"),
            (true, None) => "Published".to_owned(),
            (false, Some(public)) => format!("{} · withdrawn no. {public}", claim.status.label()),
            (false, None) => claim.status.label().to_owned(),
        };
        let state = if claim.is_removed_by_outlet() {
            format!("{state} · removed by the outlet")
        } else {
            state
        };
        match &self.moment {
            Some(moment) => format!("{} · {moment} · {who} · {state}", self.verdict_label()),
            None => format!("{} · {who} · {state}", self.verdict_label()),
        }
    }
}
