//! The prompt offering back unsaved work found in a recovery file.

use crate::ui::widgets::{Choice, PromptFrame, choice_row, modal_prompt};

/// The answer to "restore unsaved changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoveryChoice {
    Restore,
    Discard,
}

/// Offers unsaved work found in a recovery file. `what` names the work
/// ("unsaved changes to “xi.ron”"), `written` says when it was last
/// autosaved, and `differences` (a sentence) is shown once asked for. Only a button
/// answers: the work is never dropped by pressing Escape.
pub fn recovery_prompt(
    ctx: &egui::Context,
    what: &str,
    written: &str,
    differences: &str,
    show_differences: &mut bool,
) -> Option<RecoveryChoice> {
    let frame = PromptFrame {
        id: "recovery",
        title: "Unsaved work was found",
        width: 480.0,
    };
    modal_prompt(ctx, frame, None, |ui| {
        ui.label(format!(
            "Factbench found {what}, autosaved {written} but never saved — perhaps it was closed by a crash or a power cut."
        ));
        if *show_differences {
            ui.add_space(4.0);
            ui.label(differences);
        }
        ui.add_space(8.0);
        let mut choices = vec![Choice::new(
            "Restore unsaved changes",
            Some(RecoveryChoice::Restore),
        )];
        if !*show_differences {
            choices.push(Choice::new("Show differences", None));
        }
        choices.push(Choice::new("Discard them", Some(RecoveryChoice::Discard)));
        match choice_row(ui, &choices) {
            Some(None) => {
                *show_differences = true;
                None
            }
            Some(answer) => answer,
            None => None,
        }
    })
}
