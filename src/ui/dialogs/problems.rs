//! The problems panel: what is wrong in the workspace, each line able to
//! select its claim.

use crate::model::ClaimId;

/// One line of the problems panel.
#[derive(Clone, Debug)]
pub struct ProblemLine {
    pub claim: Option<ClaimId>,
    pub message: String,
}

/// The problems panel; returns a claim to select when one is clicked.
pub fn problems_window(
    ctx: &egui::Context,
    open: &mut bool,
    problems: &[ProblemLine],
) -> Option<ClaimId> {
    let mut picked = None;
    egui::Window::new("Problems")
        .open(open)
        .default_width(520.0)
        .vscroll(true)
        .show(ctx, |ui| {
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
            for line in problems {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(ui.visuals().warn_fg_color, "(!)");
                    ui.label(&line.message);
                    if let Some(claim) = line.claim
                        && ui.small_button("Select claim").clicked()
                    {
                        picked = Some(claim);
                    }
                });
            }
        });
    picked
}
