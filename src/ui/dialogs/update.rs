//! Article › Update to a newer version…: what the newer text does to each
//! claim — unchanged, moved, edited (old and new quote side by side) or
//! orphaned — shown before anything changes. *Apply update* applies it as
//! one undoable step; *Cancel* (or Escape) leaves the workspace alone.

use crate::edit::ArticleUpdate;
use crate::reanchor::Outcome;
use crate::text::one_line;
use crate::ui::widgets::{Choice, PromptFrame, choice_row, modal_prompt};
use egui::RichText;

/// How the user answered the preview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateChoice {
    Apply,
    Cancel,
}

/// One line of the preview: a claim's outcome, old and new quote, score.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    outcome: Outcome,
    before: String,
    after: String,
    score: f64,
}

/// The preview of one prepared update.
pub struct UpdateDialog {
    update: ArticleUpdate,
    heading: String,
    rows: Vec<Row>,
}

/// Longest quote shown on one line of the preview, in chars.
const QUOTE_CHARS: usize = 70;

impl UpdateDialog {
    pub fn new(update: ArticleUpdate, article_title: &str) -> Self {
        let rows = update
            .claims
            .iter()
            .map(|c| Row {
                outcome: c.result.outcome,
                before: one_line(&c.before.exact, QUOTE_CHARS),
                after: c
                    .result
                    .anchor
                    .as_ref()
                    .map_or_else(|| "—".to_owned(), |a| one_line(&a.exact, QUOTE_CHARS)),
                score: c.result.score,
            })
            .collect();
        UpdateDialog {
            heading: format!(
                "“{}” from {}: {}",
                one_line(article_title, 60),
                update.source,
                update.summary()
            ),
            update,
            rows,
        }
    }

    pub fn into_update(self) -> ArticleUpdate {
        self.update
    }

    /// Draws the preview; `Some` once answered.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<UpdateChoice> {
        let frame = PromptFrame {
            id: "update-dialog",
            title: "Update to a newer version",
            width: 820.0,
        };
        modal_prompt(ctx, frame, Some(UpdateChoice::Cancel), |ui| {
            ui.set_width(820.0);
            ui.label(&self.heading);
            if self.rows.iter().any(|r| r.outcome == Outcome::Orphaned) {
                ui.label(
                    "Orphaned claims keep their quote, verdict and evidence; select their text \
                     in the article and use Edit › Re-attach claim to selection.",
                );
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .auto_shrink([false, true])
                .id_salt("update-rows")
                .show(ui, |ui| self.rows_grid(ui));
            ui.separator();
            choice_row(
                ui,
                &[
                    Choice::new("Apply update", UpdateChoice::Apply),
                    Choice::new("Cancel", UpdateChoice::Cancel),
                ],
            )
        })
    }

    fn rows_grid(&self, ui: &mut egui::Ui) {
        egui::Grid::new("update-grid")
            .num_columns(4)
            .striped(true)
            .show(ui, |ui| {
                for heading in ["Outcome", "Quote before", "Quote after", "Score"] {
                    ui.label(RichText::new(heading).strong());
                }
                ui.end_row();
                for row in &self.rows {
                    let label = RichText::new(row.outcome.label());
                    ui.label(match row.outcome {
                        Outcome::Orphaned => label.color(ui.visuals().error_fg_color).strong(),
                        Outcome::Edited => label.color(ui.visuals().warn_fg_color),
                        _ => label,
                    });
                    ui.label(&row.before);
                    ui.label(&row.after);
                    ui.label(format!("{:.2}", row.score));
                    ui.end_row();
                }
            });
    }
}
