//! The inspector's publication section: whether the claim is a draft or
//! published (when, approved by whom), what it still lacks, *Publish* and
//! *Unpublish*, the editor's review (approve, or send back with a note),
//! the claimant's kind, the internal note, and corrections once the claim
//! has been published — a change of a public field (statement, claimant,
//! verdict, rationale) then goes through *Correct…*, which asks for the
//! public note.

use super::{InspectorIntent, change, claim_text_field, short_time};
use crate::edit::{ClaimChange, ClaimText, Corrected};
use crate::model::{
    Claim, ClaimantKind, PublicField, PublicationAction, ReviewOutcome, Status, Workspace,
    readiness,
};
use crate::ui::actions::Action;
use crate::ui::widgets::{labelled_combo, name_widget};
use egui::Ui;

/// A correction being written: the new values of the public fields it
/// can change and the public note saying what changed.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct CorrectionDraft {
    pub statement: String,
    pub claimant: String,
    pub verdict: Option<String>,
    pub rationale: String,
    pub note: String,
    /// Opened this frame: the form scrolls into view and its statement
    /// takes the keyboard.
    pub just_opened: bool,
}

impl CorrectionDraft {
    /// The corrected fields as the editing core takes them.
    fn fields(&self) -> Corrected {
        Corrected {
            statement: Some(self.statement.clone()),
            claimant: Some(self.claimant.clone()),
            verdict: Some(self.verdict.clone()),
            rationale: Some(self.rationale.clone()),
            cite: Vec::new(),
        }
    }

    /// Whether the draft differs from the claim in any field.
    fn changes(&self, claim: &Claim) -> bool {
        self.statement != claim.statement
            || self.claimant != claim.claimant
            || self.verdict != claim.verdict
            || self.rationale != claim.rationale
    }
}

/// The section's drafts, kept while the same claim is selected.
#[derive(Default)]
pub(super) struct PublicationState {
    send_back_note: String,
    hand_correction: String,
    pub correction: Option<CorrectionDraft>,
}

impl PublicationState {
    pub(super) fn clear(&mut self) {
        *self = PublicationState::default();
    }

    /// Starts a correction of a published claim, with `verdict` chosen.
    pub(super) fn start_correction(&mut self, claim: &Claim, verdict: Option<String>) {
        let draft = self.correction.get_or_insert_with(|| CorrectionDraft {
            statement: claim.statement.clone(),
            claimant: claim.claimant.clone(),
            verdict: claim.verdict.clone(),
            rationale: claim.rationale.clone(),
            note: String::new(),
            just_opened: true,
        });
        draft.verdict = verdict;
    }

    pub(super) fn show(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        claim: &Claim,
        your_name: &str,
        out: &mut Vec<InspectorIntent>,
    ) {
        ui.strong("Publication");
        ui.label(state_line(claim));
        let lacks = readiness::lacks(ws, claim);
        if !lacks.is_empty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "Not ready to publish: needs {}.",
                    readiness::describe(&lacks)
                ),
            );
        }
        ui.horizontal_wrapped(|ui| {
            if claim.is_published() {
                if ui
                    .button("Unpublish")
                    .on_hover_text("Withdraw the claim from the public report (recorded)")
                    .clicked()
                {
                    out.push(change(
                        claim,
                        ClaimChange::Unpublish {
                            by: your_name.to_owned(),
                        },
                    ));
                }
            } else {
                let blocked = lacks.iter().any(|l| l.blocks_publishing());
                let button = egui::Button::new(format!(
                    "{} ({})",
                    Action::PublishClaim.label(),
                    Action::PublishClaim.shortcut_text(ui.ctx())
                ));
                if ui
                    .add_enabled(!blocked, button)
                    .on_hover_text(Action::PublishClaim.tooltip(ui.ctx()))
                    .on_disabled_hover_text(
                        "A claim needs a verdict and a rationale to be published",
                    )
                    .clicked()
                {
                    out.push(InspectorIntent::Action(Action::PublishClaim));
                }
            }
            claimant_kind(ui, claim, out);
        });
        self.review(ui, claim, your_name, out);
        ui.label("Internal note (never published)");
        claim_text_field(
            ui,
            claim,
            ClaimText::InternalNote,
            Some(2),
            "Comments for the desk: what to ask, what is still open",
            out,
        );
        if claim.first_published().is_some() {
            self.corrections(ui, ws, claim, your_name, out);
        }
    }

    fn review(
        &mut self,
        ui: &mut Ui,
        claim: &Claim,
        your_name: &str,
        out: &mut Vec<InspectorIntent>,
    ) {
        for review in &claim.reviews {
            let outcome = match review.outcome {
                ReviewOutcome::Approved => "Approved",
                ReviewOutcome::SentBack => "Sent back",
            };
            let mut line = format!("{outcome} {} by {}", short_time(review.date), review.by);
            if !review.note.trim().is_empty() {
                line.push_str(&format!(": {}", review.note.trim()));
            }
            ui.weak(line);
        }
        if claim.status != Status::NeedsReview {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Approve")
                .on_hover_text("The claim is checked: status Done")
                .clicked()
            {
                out.push(change(
                    claim,
                    ClaimChange::Approve {
                        by: your_name.to_owned(),
                    },
                ));
            }
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.send_back_note)
                    .hint_text("What still needs doing")
                    .desired_width(180.0),
            );
            name_widget(ui, &field, "Note for sending back");
            let note = self.send_back_note.trim().to_owned();
            if ui
                .add_enabled(!note.is_empty(), egui::Button::new("Send back"))
                .on_hover_text("Back to In progress, with your note")
                .clicked()
            {
                out.push(change(
                    claim,
                    ClaimChange::SendBack {
                        by: your_name.to_owned(),
                        note,
                    },
                ));
                // Unsigned, the step is refused and the note kept for
                // once Your name is set.
                if is_signed(your_name) {
                    self.send_back_note.clear();
                }
            }
        });
    }

    fn corrections(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        claim: &Claim,
        your_name: &str,
        out: &mut Vec<InspectorIntent>,
    ) {
        ui.strong(format!("Corrections ({})", claim.corrections.len()));
        for correction in &claim.corrections {
            let label = |key: Option<&str>| {
                key.map(|k| ws.scale.get(k).map_or(k.to_owned(), |v| v.label.clone()))
                    .unwrap_or_else(|| "no verdict".to_owned())
            };
            let mut line = short_time(correction.date);
            if let Some((old, new)) = correction.verdict_change() {
                line.push_str(&format!(" · {} to {}", label(old), label(new)));
            }
            for change in correction
                .changes
                .iter()
                .filter(|c| c.field != PublicField::Verdict)
            {
                line.push_str(&format!(" · {} corrected", change.field));
            }
            line.push_str(&format!(" · {}", correction.note));
            ui.label(line);
        }
        match &mut self.correction {
            None => {
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .button("Correct…")
                        .on_hover_text(
                            "The claim is published: a change of its statement, claimant, verdict or rationale is a correction with a public note",
                        )
                        .clicked()
                    {
                        self.start_correction(claim, claim.verdict.clone());
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut self.hand_correction)
                            .hint_text("Or write a correction (e.g. a date fixed)")
                            .desired_width(220.0),
                    );
                    name_widget(ui, &field, "Correction written by hand");
                    let note = self.hand_correction.trim().to_owned();
                    if ui
                        .add_enabled(!note.is_empty(), egui::Button::new("Add correction"))
                        .clicked()
                    {
                        out.push(change(
                            claim,
                            ClaimChange::AddCorrection {
                                note,
                                by: your_name.to_owned(),
                            },
                        ));
                        if is_signed(your_name) {
                            self.hand_correction.clear();
                        }
                    }
                });
            }
            Some(draft) => {
                if let Some(intent) = correction_form(ui, ws, claim, draft, your_name) {
                    let recorded = intent.is_some();
                    out.extend(intent);
                    // An unsigned correction is refused: the form stays.
                    if !recorded || is_signed(your_name) {
                        self.correction = None;
                    }
                }
            }
        }
    }
}

/// Whether a publication step would carry a name (else the window asks
/// for Preferences › Your name and the step is not recorded).
fn is_signed(your_name: &str) -> bool {
    !your_name.trim().is_empty()
}

/// The correction form; `Some(Some(intent))` when recorded, `Some(None)`
/// when cancelled.
fn correction_form(
    ui: &mut Ui,
    ws: &Workspace,
    claim: &Claim,
    draft: &mut CorrectionDraft,
    your_name: &str,
) -> Option<Option<InspectorIntent>> {
    let mut answer = None;
    let form = egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.strong("Correction");
        let current = draft
            .verdict
            .as_deref()
            .and_then(|k| ws.scale.get(k))
            .map_or("No verdict".to_owned(), |v| v.label.clone());
        ui.weak("New verdict");
        let combo = crate::ui::widgets::combo(
            ui,
            egui::ComboBox::from_id_salt(("correction-verdict", claim.id)).selected_text(current),
            |ui| {
                for verdict in &ws.scale.verdicts {
                    ui.selectable_value(
                        &mut draft.verdict,
                        Some(verdict.key.clone()),
                        &verdict.label,
                    );
                }
            },
        );
        name_widget(ui, &combo.response, "Corrected verdict");
        ui.weak("New statement");
        let statement = ui.add(
            egui::TextEdit::multiline(&mut draft.statement)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        );
        name_widget(ui, &statement, "Corrected statement");
        if draft.just_opened {
            statement.request_focus();
        }
        ui.weak("New claimant");
        let claimant =
            ui.add(egui::TextEdit::singleline(&mut draft.claimant).desired_width(f32::INFINITY));
        name_widget(ui, &claimant, "Corrected claimant");
        ui.weak("New rationale");
        let rationale = ui.add(
            egui::TextEdit::multiline(&mut draft.rationale)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        );
        name_widget(ui, &rationale, "Corrected rationale");
        ui.weak("Public note");
        let note = ui.add(
            egui::TextEdit::singleline(&mut draft.note)
                .hint_text("Public note: what changed and why (shown in the report)")
                .desired_width(f32::INFINITY),
        );
        name_widget(ui, &note, "Public correction note");
        answer = correction_buttons(ui, claim, draft, your_name);
    });
    if std::mem::take(&mut draft.just_opened) {
        form.response.scroll_to_me(Some(egui::Align::Center));
    }
    answer
}

/// *Record correction* (once a public field changed and the note is
/// written) and *Cancel*: what the correction form answers.
fn correction_buttons(
    ui: &mut Ui,
    claim: &Claim,
    draft: &CorrectionDraft,
    your_name: &str,
) -> Option<Option<InspectorIntent>> {
    let ready = draft.changes(claim) && !draft.note.trim().is_empty();
    let mut answer = None;
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(ready, egui::Button::new("Record correction"))
            .clicked()
        {
            answer = Some(Some(change(
                claim,
                ClaimChange::Correct {
                    fields: draft.fields(),
                    note: draft.note.trim().to_owned(),
                    by: your_name.to_owned(),
                },
            )));
        }
        if ui.button("Cancel").clicked() {
            answer = Some(None);
        }
    });
    answer
}

/// "Draft — never published", "Published 2026-11-28 … by Desk", or withdrawn.
fn state_line(claim: &Claim) -> String {
    match claim.publication.last() {
        None => "Draft — never published".to_owned(),
        Some(last) => {
            let by = if last.by.trim().is_empty() {
                String::new()
            } else {
                format!(", approved by {}", last.by.trim())
            };
            match last.action {
                PublicationAction::Published => {
                    let first = claim.first_published().filter(|f| *f != last.date);
                    let since = first
                        .map(|f| format!(" (first published {})", short_time(f)))
                        .unwrap_or_default();
                    format!("Published {}{by}{since}", short_time(last.date))
                }
                PublicationAction::Unpublished => format!(
                    "Withdrawn {} by {} — a draft again",
                    short_time(last.date),
                    last.by.trim()
                ),
            }
        }
    }
}

fn claimant_kind(ui: &mut Ui, claim: &Claim, out: &mut Vec<InspectorIntent>) {
    let mut kind = claim.claimant_kind;
    let combo =
        egui::ComboBox::from_id_salt(("claimant-kind", claim.id)).selected_text(kind.label());
    labelled_combo(ui, "Claimant is", "Claimant kind", combo, |ui| {
        for k in ClaimantKind::ALL {
            ui.selectable_value(&mut kind, k, k.label());
        }
    });
    if kind != claim.claimant_kind {
        out.push(change(claim, ClaimChange::SetClaimantKind(kind)));
    }
}
