//! File › Export › …: before the file is chosen, who the export is for
//! (public or the internal review copy), which articles, and for a public
//! export whether articles marked *publish full text* are shown whole or
//! only as their claims in context. The answers are remembered for the
//! next export. What the export is missing (a ClaimReview needs a report
//! URL and a publisher) is said here, before anything is written.

use crate::export::{Audience, ExportOptions, Format, Missing, TextShown, missing_data};
use crate::model::{ArticleId, Workspace};
use crate::ui::services::settings::ExportChoice;
use crate::ui::widgets::{PromptFrame, modal_prompt, name_widget};

/// The dialog's state while it is open.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportDialog {
    pub format: Format,
    pub choice: ExportChoice,
}

/// What the dialog answers.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportAnswer {
    /// Go on to choose the file, with these options (and remember the choice).
    Export(ExportOptions, ExportChoice),
    Cancel,
}

impl ExportDialog {
    pub fn new(format: Format, last: ExportChoice) -> Self {
        ExportDialog {
            format,
            choice: last,
        }
    }

    /// The export options the answers stand for; `shown` is the article
    /// in the reader (used when only it is exported).
    pub fn options(&self, shown: Option<ArticleId>) -> ExportOptions {
        ExportOptions {
            article: shown.filter(|_| self.choice.shown_article_only),
            audience: if self.choice.internal {
                Audience::Internal
            } else {
                Audience::Public
            },
            text: if self.choice.context_only {
                TextShown::ContextOnly
            } else {
                TextShown::AsMarked
            },
            ..ExportOptions::default()
        }
    }

    pub fn show(
        &mut self,
        ctx: &egui::Context,
        ws: &Workspace,
        shown: Option<ArticleId>,
    ) -> Option<ExportAnswer> {
        let title = format!("Export {}", self.format.label());
        let frame = PromptFrame {
            id: "export-dialog",
            title: &title,
            width: 460.0,
        };
        modal_prompt(ctx, frame, Some(ExportAnswer::Cancel), |ui| {
            self.audience_choice(ui);
            ui.add_space(4.0);
            self.articles_choice(ui, shown);
            if !self.choice.internal {
                ui.add_space(4.0);
                self.text_choice(ui);
            }
            let options = self.options(shown);
            ui.add_space(6.0);
            what_is_left_out(ui, ws, &options);
            let missing = missing_data(self.format, ws, &options).unwrap_or_default();
            if !missing.is_empty() {
                ui.add_space(4.0);
                self.missing_list(ui, &missing);
            }
            ui.add_space(8.0);
            self.answer_buttons(ui, missing.is_empty(), options)
        })
    }

    /// Who is it for: public or the internal review copy.
    fn audience_choice(&mut self, ui: &mut egui::Ui) {
        ui.strong("Who is it for?");
        for audience in Audience::ALL {
            let internal = audience == Audience::Internal;
            let response = ui.radio_value(&mut self.choice.internal, internal, audience.label());
            name_widget(ui, &response, audience.label());
        }
    }

    /// Every article, or only the one in the reader (when there is one).
    fn articles_choice(&mut self, ui: &mut egui::Ui, shown: Option<ArticleId>) {
        ui.strong("Articles");
        ui.radio_value(&mut self.choice.shown_article_only, false, "Every article");
        ui.add_enabled_ui(shown.is_some(), |ui| {
            ui.radio_value(
                &mut self.choice.shown_article_only,
                true,
                "Only the article shown in the reader",
            );
        });
    }

    /// For a public export: full text where marked, or claims in context only.
    fn text_choice(&mut self, ui: &mut egui::Ui) {
        ui.strong("Article text");
        ui.radio_value(
            &mut self.choice.context_only,
            false,
            "Full text of articles marked “publish full text”, claims in context for the rest",
        );
        ui.radio_value(
            &mut self.choice.context_only,
            true,
            "Only the claims in context, for every article",
        );
    }

    /// What the export is missing, the first dozen lines of it.
    fn missing_list(&self, ui: &mut egui::Ui, missing: &[Missing]) {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("The {} is missing data:", self.format.label()),
        );
        for line in missing.iter().take(12) {
            ui.label(format!("• {line}"));
        }
        if missing.len() > 12 {
            ui.weak(format!("…and {} more", missing.len() - 12));
        }
    }

    /// "Choose file…" ("Export anyway…" when data is missing) and "Cancel".
    fn answer_buttons(
        &self,
        ui: &mut egui::Ui,
        complete: bool,
        options: ExportOptions,
    ) -> Option<ExportAnswer> {
        let mut answer = None;
        ui.horizontal(|ui| {
            let label = if complete {
                "Choose file…"
            } else {
                "Export anyway…"
            };
            if ui.button(label).clicked() {
                answer = Some(ExportAnswer::Export(options, self.choice));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(ExportAnswer::Cancel);
            }
        });
        answer
    }
}

/// What the export leaves out, or for the internal copy what it holds.
fn what_is_left_out(ui: &mut egui::Ui, ws: &Workspace, options: &ExportOptions) {
    if options.audience.is_public() {
        let published = ws.claims.iter().filter(|c| c.is_published()).count();
        ui.weak(format!(
            "{published} published claim(s); drafts, internal notes, reviews and source notes are left out."
        ));
    } else {
        ui.weak("Every claim, with status, reviews and internal notes; every page says “Draft — not for publication”.");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_become_export_options() {
        let shown = ArticleId::new();
        let mut dialog = ExportDialog::new(Format::Html, ExportChoice::default());
        assert_eq!(dialog.options(Some(shown)), ExportOptions::public());
        dialog.choice = ExportChoice {
            internal: true,
            shown_article_only: true,
            context_only: true,
        };
        let options = dialog.options(Some(shown));
        assert_eq!(options.audience, Audience::Internal);
        assert_eq!(options.article, Some(shown));
        assert_eq!(options.text, TextShown::ContextOnly);
        assert_eq!(
            dialog.options(None).article,
            None,
            "no article shown: every article"
        );
    }
}
