//! Article › Rename speaker… in a transcript: a diarised label
//! (`SPEAKER_00`) or a name the file gave gets a name once for the whole
//! article, as one undoable `Command::RenameSpeaker` (an empty name goes
//! back to the file's label). Draft claims whose claimant was the old name
//! follow; published ones keep theirs.

use crate::edit::Command;
use crate::model::{ArticleId, Transcript};
use crate::ui::widgets::{
    Choice, PromptFrame, choice_row, labelled_combo, labelled_field, modal_prompt,
};

/// The dialog's state while it is open.
#[derive(Clone, Debug)]
pub struct RenameSpeakerDialog {
    article: ArticleId,
    /// The file's label of the speaker chosen.
    label: String,
    name: String,
}

impl RenameSpeakerDialog {
    /// The dialog for `article`, its first speaker chosen.
    pub fn new(article: ArticleId, transcript: &Transcript) -> Self {
        let first = transcript.speakers.first();
        RenameSpeakerDialog {
            article,
            label: first.map(|s| s.label.clone()).unwrap_or_default(),
            name: first.map(|s| s.name.clone()).unwrap_or_default(),
        }
    }

    /// The article it renames a speaker of.
    pub fn article(&self) -> ArticleId {
        self.article
    }

    /// Draws the dialog; `Some(None)` when cancelled, `Some(Some(command))`
    /// to rename.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        transcript: &Transcript,
    ) -> Option<Option<Command>> {
        let frame = PromptFrame {
            id: "rename-speaker",
            title: "Rename speaker",
            width: 420.0,
        };
        modal_prompt(ctx, frame, Some(None), |ui| {
            ui.set_width(420.0);
            if transcript.speakers.is_empty() {
                ui.label("This transcript names no speakers.");
                return choice_row(ui, &[Choice::new("Close", None)]);
            }
            self.fields(ui, transcript);
            ui.weak("Every cue of this speaker shows the name; draft claims whose claimant was the old name follow. An empty name goes back to the file's label.");
            ui.add_space(6.0);
            let command = Command::RenameSpeaker {
                article: self.article,
                speaker: self.label.clone(),
                name: self.name.trim().to_owned(),
            };
            choice_row(
                ui,
                &[
                    Choice::new("Rename", Some(command)),
                    Choice::new("Cancel", None),
                ],
            )
        })
    }

    fn fields(&mut self, ui: &mut egui::Ui, transcript: &Transcript) {
        let before = self.label.clone();
        egui::Grid::new("rename-speaker-fields")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let combo = egui::ComboBox::from_id_salt("rename-speaker-label")
                    .selected_text(self.label.as_str())
                    .width(280.0);
                labelled_combo(ui, "Speaker", "Speaker to rename", combo, |ui| {
                    for (index, speaker) in transcript.speakers.iter().enumerate() {
                        let cues = transcript
                            .cues
                            .iter()
                            .filter(|c| c.speaker == Some(index))
                            .count();
                        let text = match speaker.name.as_str() {
                            "" => format!("{} ({cues} cues)", speaker.label),
                            name => format!("{} — {name} ({cues} cues)", speaker.label),
                        };
                        ui.selectable_value(&mut self.label, speaker.label.clone(), text);
                    }
                });
                ui.end_row();
                let edit = egui::TextEdit::singleline(&mut self.name)
                    .hint_text("Ольга Петрова")
                    .desired_width(280.0);
                labelled_field(ui, "Name", edit);
                ui.end_row();
            });
        if self.label != before {
            self.name = transcript
                .speakers
                .iter()
                .find(|s| s.label == self.label)
                .map(|s| s.name.clone())
                .unwrap_or_default();
        }
    }
}
