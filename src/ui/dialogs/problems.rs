//! The problems panel: what is wrong in the workspace, then apart from it
//! the claims not ready to publish and what each still lacks, and the
//! claims whose verdict differs from the same claim's in the claim library;
//! each line
//! able to select its claim.

use crate::model::ClaimId;

/// One line of the problems panel.
#[derive(Clone, Debug)]
pub struct ProblemLine {
    pub claim: Option<ClaimId>,
    pub message: String,
}

/// The problems panel; returns a claim to select when one is clicked.
/// `unready` lists the claims not ready to publish, `library` the
/// verdicts that differ from the claim library's.
pub fn problems_window(
    ctx: &egui::Context,
    open: &mut bool,
    problems: &[ProblemLine],
    library: &[ProblemLine],
    unready: &[ProblemLine],
) -> Option<ClaimId> {
    let mut picked = None;
    egui::Window::new("Problems")
        .open(open)
        .default_width(520.0)
        .vscroll(true)
        .show(ctx, |ui| {
            if !library.is_empty() {
                ui.strong(format!(
                    "{} verdict(s) differ from the same claim's in the claim library",
                    library.len()
                ));
                lines(ui, library, "(!)", &mut picked);
                ui.separator();
            }
            ui.strong("Broken");
            if problems.is_empty() {
                ui.label(
                    "No problems: every anchor matches its text and every reference resolves.",
                );
            } else {
                ui.label(format!(
                    "{} problem(s). Affected claims are kept and marked (!) in the list and the text.",
                    problems.len()
                ));
                lines(ui, problems, "(!)", &mut picked);
            }
            ui.separator();
            ui.strong("Not ready to publish");
            if unready.is_empty() {
                ui.label("Every claim has what publishing needs.");
            } else {
                ui.label(format!(
                    "{} claim(s) still lack something before they can be published.",
                    unready.len()
                ));
                lines(ui, unready, "…", &mut picked);
            }
        });
    picked
}

fn lines(ui: &mut egui::Ui, lines: &[ProblemLine], mark: &str, picked: &mut Option<ClaimId>) {
    for line in lines {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, mark);
            ui.label(&line.message);
            if let Some(claim) = line.claim
                && ui.small_button("Select claim").clicked()
            {
                *picked = Some(claim);
            }
        });
    }
}

/// One line per claim not ready to publish, in report order: "Claim 7
/// “…” needs a verdict and a rationale".
pub fn unready_lines(
    ws: &crate::model::Workspace,
    numbers: &std::collections::HashMap<ClaimId, usize>,
) -> Vec<ProblemLine> {
    use crate::model::readiness;
    readiness::unready_claims(ws, numbers)
        .into_iter()
        .map(|item| {
            let published = if item.claim.is_published() {
                " (published)"
            } else {
                ""
            };
            ProblemLine {
                claim: Some(item.claim.id),
                message: format!(
                    "Claim {}{published} “{}” needs {}",
                    item.number,
                    crate::text::one_line(&item.claim.statement, 60),
                    readiness::describe(&item.lacks)
                ),
            }
        })
        .collect()
}
