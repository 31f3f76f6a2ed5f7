//! The problems panel: what is wrong in the workspace, and the claims whose
//! verdict differs from the same claim's in the claim library, each line
//! able to select its claim.

use crate::model::ClaimId;

/// One line of the problems panel.
#[derive(Clone, Debug)]
pub struct ProblemLine {
    pub claim: Option<ClaimId>,
    pub message: String,
}

/// The problems panel; returns a claim to select when one is clicked.
/// `library` lists the verdicts that differ from the claim library's.
pub fn problems_window(
    ctx: &egui::Context,
    open: &mut bool,
    problems: &[ProblemLine],
    library: &[ProblemLine],
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
                lines(ui, library, &mut picked);
                ui.separator();
            }
            if problems.is_empty() {
                ui.label(
                    "No problems: every anchor matches its text and every reference resolves.",
                );
                return;
            }
            ui.label(format!(
                "{} problem(s). Affected claims are kept and marked (!) in the list and the text.",
                problems.len()
            ));
            ui.separator();
            lines(ui, problems, &mut picked);
        });
    picked
}

fn lines(ui: &mut egui::Ui, lines: &[ProblemLine], picked: &mut Option<ClaimId>) {
    for line in lines {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, "(!)");
            ui.label(&line.message);
            if let Some(claim) = line.claim
                && ui.small_button("Select claim").clicked()
            {
                *picked = Some(claim);
            }
        });
    }
}
