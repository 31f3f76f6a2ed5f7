//! The inspector's line for a claim of a transcript: when and by whom it
//! was said ("Said 12:03–12:19, Speaker"), a *Watch at 12:03* link opening
//! the article's recording at that moment (the same link the exports
//! build, `export::moment::watch_link`), and, while the claim has no
//! claimant, a button making the speaker its claimant (the ordinary
//! [`ClaimChange::SetText`], one undo step).

use super::InspectorIntent;
use crate::edit::{ClaimChange, ClaimText, Command};
use crate::export::moment::{label, watch_label, watch_link};
use crate::model::{Claim, PublicField, Workspace};
use egui::Ui;

/// Draws the line; nothing for a claim that is not on a transcript's cues.
pub(super) fn moment_section(
    ui: &mut Ui,
    ws: &Workspace,
    claim: &Claim,
    out: &mut Vec<InspectorIntent>,
) {
    if claim.is_orphaned() {
        return;
    }
    let Some(article) = ws.article(claim.article) else {
        return;
    };
    let Some(moment) = article.moment(claim.anchor.start, claim.anchor.end) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("Said {}", label(&moment)));
        if let Some(url) = watch_link(article, &moment) {
            crate::ui::widgets::link(ui, watch_label(&moment), &url);
        }
    });
    let editable = !PublicField::needs_correction(claim);
    if let Some(speaker) = moment
        .speaker
        .filter(|_| claim.claimant.trim().is_empty() && editable)
    {
        let button = ui
            .button(format!("Claimant: {speaker}"))
            .on_hover_text("Make the speaker of this passage the claim's claimant");
        if button.clicked() {
            out.push(InspectorIntent::Command(Command::EditClaim {
                claim: claim.id,
                change: ClaimChange::SetText {
                    field: ClaimText::Claimant,
                    text: speaker,
                },
            }));
        }
    }
}
