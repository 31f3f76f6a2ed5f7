//! *Checked before*: the claim library's earlier checks of the selected
//! claim, each with its verdict badge, workspace and date, a click to read
//! it, *Cite this check*, and the checker's *Same claim* / *Not the same*.
//! The window fills [`CheckedBefore`] from the library's worker; this only
//! draws it and hands back what was clicked.

use crate::library::{Decision, Match};
use crate::model::{ClaimId, Verdict};
use crate::text::one_line;
use crate::ui::widgets::{name_widget, text_on_verdict, verdict_colour};
use egui::{RichText, Ui};

/// One earlier check as the inspector shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub found: Match,
    /// The checker said it is the same claim.
    pub confirmed: bool,
    /// Its verdict, for the badge's colour, when a scale knows the key.
    pub verdict: Option<Verdict>,
}

/// Where the library stands for the selected claim.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum LibraryStatus {
    /// No library folder (and an untitled workspace): nothing to search.
    #[default]
    NoFolders,
    /// Waiting for the first answer for this claim.
    Searching,
    /// The answer for this claim's current text (or an older one, while a
    /// newer is on its way).
    Ready {
        stale: bool,
    },
    Failed(String),
}

/// What the section shows; set by the window each frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckedBefore {
    pub claim: Option<ClaimId>,
    pub status: LibraryStatus,
    pub suggestions: Vec<Suggestion>,
    /// Matches left out because the checker called them not the same.
    pub hidden: usize,
    /// Those matches, shown on request (to take a decision back).
    pub rejected: Vec<Suggestion>,
    /// Whether `rejected` is shown.
    pub show_rejected: bool,
    /// Lines about the last refresh: the index rebuilt, workspaces skipped
    /// (each "Skipped: …"), or why it failed.
    pub skipped: Vec<String>,
    /// Copies of this very claim (the same claim id in another file: a
    /// *Save as*, a colleague's clone), shown apart, never as earlier checks.
    pub copies: Vec<Match>,
    /// When the library last scanned its folders ("14:02:31"), if it has.
    pub scanned: Option<String>,
}

/// What the section asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckedBeforeIntent {
    /// Read the earlier check in its own window.
    Open(Match),
    /// Cite it as evidence for the claim.
    Cite(ClaimId, Match),
    /// Record (or, with `None`, forget) the checker's decision.
    Decide(ClaimId, Match, Option<Decision>),
    /// Show (or hide again) the matches called not the same.
    ShowRejected(bool),
}

/// How many suggestions are shown.
pub const SHOWN: usize = 5;

/// Draws the section for `claim`.
pub fn checked_before(
    ui: &mut Ui,
    state: &CheckedBefore,
    claim: ClaimId,
) -> Vec<CheckedBeforeIntent> {
    let mut out = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.strong("Checked before");
        match &state.status {
            LibraryStatus::Searching => {
                ui.spinner();
                ui.weak("searching the claim library…");
            }
            LibraryStatus::Ready { stale: true } => {
                ui.spinner();
            }
            _ => {}
        }
    });
    if state.claim != Some(claim) {
        return out;
    }
    match &state.status {
        LibraryStatus::NoFolders => {
            ui.weak("Save the workspace, or add folders in View › Preferences › Claim library folders, to find earlier checks of this claim.");
        }
        LibraryStatus::Failed(message) => {
            ui.colored_label(ui.visuals().warn_fg_color, message);
        }
        LibraryStatus::Ready { .. } if state.suggestions.is_empty() => {
            ui.weak("No earlier check of this claim in the library.");
        }
        _ => {}
    }
    for suggestion in state.suggestions.iter().take(SHOWN) {
        suggestion_row(ui, suggestion, claim, &mut out);
    }
    if state.hidden > 0 {
        ui.horizontal_wrapped(|ui| {
            ui.weak(format!(
                "{} suggestion(s) you marked “not the same” are left out.",
                state.hidden
            ));
            let (label, show) = if state.show_rejected {
                ("Hide them", false)
            } else {
                ("Show them", true)
            };
            if ui.small_button(label).clicked() {
                out.push(CheckedBeforeIntent::ShowRejected(show));
            }
        });
    }
    if state.show_rejected {
        for suggestion in &state.rejected {
            rejected_row(ui, suggestion, claim, &mut out);
        }
    }
    copies_rows(ui, &state.copies);
    for skipped in &state.skipped {
        ui.weak(skipped);
    }
    if let Some(time) = &state.scanned {
        ui.weak(format!("Library folders last scanned at {time}."));
    }
    out
}

/// The files holding another copy of this claim, in one quiet line each.
fn copies_rows(ui: &mut Ui, copies: &[Match]) {
    for copy in copies {
        ui.weak(format!(
            "Another copy of this claim: {} · {}",
            copy.workspace.display(),
            copy.date
        ))
        .on_hover_text("The same claim id in another file (a saved copy): not an earlier check");
    }
}

fn suggestion_row(
    ui: &mut Ui,
    suggestion: &Suggestion,
    claim: ClaimId,
    out: &mut Vec<CheckedBeforeIntent>,
) {
    let found = &suggestion.found;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            verdict_badge(ui, suggestion);
            if suggestion.confirmed {
                ui.label(RichText::new("✔ same claim (confirmed)").strong());
            } else if found.same_claim {
                ui.label("likely the same claim");
            } else {
                ui.weak("similar");
            }
            ui.weak(format!("{:.0}%", found.score * 100.0));
        });
        let link = ui
            .link(one_line(&found.statement, 140))
            .on_hover_text("Read this earlier check (read-only)");
        name_widget(ui, &link, &format!("Earlier check: {}", found.statement));
        if link.clicked() {
            out.push(CheckedBeforeIntent::Open(found.clone()));
        }
        match &found.external {
            Some(review) => published_review_line(ui, found, review),
            None => {
                let file = found.workspace.file_name().map_or_else(
                    || found.workspace.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                ui.weak(format!("{file} · {}", found.date))
                    .on_hover_text(found.workspace.display().to_string());
            }
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .small_button("Cite this check")
                .on_hover_text("Add this earlier check as evidence for the claim (one undo step)")
                .clicked()
            {
                out.push(CheckedBeforeIntent::Cite(claim, found.clone()));
            }
            if suggestion.confirmed {
                if ui
                    .small_button("Not confirmed")
                    .on_hover_text("Forget that you called this the same claim")
                    .clicked()
                {
                    out.push(CheckedBeforeIntent::Decide(claim, found.clone(), None));
                }
            } else if ui
                .small_button("Same claim")
                .on_hover_text("This earlier check is of the same claim")
                .clicked()
            {
                out.push(CheckedBeforeIntent::Decide(
                    claim,
                    found.clone(),
                    Some(Decision::Same),
                ));
            }
            if ui
                .small_button("Not the same")
                .on_hover_text("A different claim: do not suggest it again for this claim")
                .clicked()
            {
                out.push(CheckedBeforeIntent::Decide(
                    claim,
                    found.clone(),
                    Some(Decision::NotSame),
                ));
            }
        });
    });
}

/// A published review's publisher, date and rating, with a link to it.
fn published_review_line(ui: &mut Ui, found: &Match, review: &crate::library::ExternalCheck) {
    ui.horizontal_wrapped(|ui| {
        let publisher = if review.publisher.is_empty() {
            "Published fact-check"
        } else {
            review.publisher.as_str()
        };
        ui.weak(format!(
            "{publisher} · {} · rated “{}”",
            found.date, review.rating
        ))
        .on_hover_text(format!(
            "A published review (ClaimReview), read-only, from {}",
            found.workspace.display()
        ));
        if !review.url.is_empty() {
            crate::ui::widgets::link(ui, "Open the review", &review.url);
        }
    });
}

/// A match the checker called not the same, with the way to take it back.
fn rejected_row(
    ui: &mut Ui,
    suggestion: &Suggestion,
    claim: ClaimId,
    out: &mut Vec<CheckedBeforeIntent>,
) {
    let found = &suggestion.found;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            verdict_badge(ui, suggestion);
            ui.weak("× not the same (your decision)");
        });
        ui.weak(one_line(&found.statement, 140));
        if ui
            .small_button("Forget decision")
            .on_hover_text("Suggest it again for this claim")
            .clicked()
        {
            out.push(CheckedBeforeIntent::Decide(claim, found.clone(), None));
        }
    });
}

/// The verdict as a coloured badge (grey when its scale is unknown here).
fn verdict_badge(ui: &mut Ui, suggestion: &Suggestion) {
    let found = &suggestion.found;
    let label = if found.verdict.is_some() {
        found.verdict_label.as_str()
    } else {
        "unrated"
    };
    let (fill, text) = match &suggestion.verdict {
        Some(v) => (verdict_colour(v), text_on_verdict(v)),
        None => (
            ui.visuals().widgets.inactive.bg_fill,
            ui.visuals().strong_text_color(),
        ),
    };
    ui.label(
        RichText::new(format!(" {label} "))
            .color(text)
            .background_color(fill)
            .strong(),
    );
}
