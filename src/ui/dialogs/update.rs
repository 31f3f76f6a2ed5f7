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
    claim: crate::model::ClaimId,
    /// "3 · False · published": which claim, as the list numbers it.
    about: String,
    /// A published claim whose quoted figures change: its check may no
    /// longer hold.
    figure_changed: bool,
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
                claim: c.claim,
                about: String::new(),
                figure_changed: false,
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
                crate::ui::bidi_text::isolate(&one_line(article_title, 60)),
                update.source,
                update.summary()
            ),
            update,
            rows,
        }
    }

    /// Names each claim as `ws` has it — number, verdict, published or
    /// not — and flags the published ones whose quoted figures change.
    pub fn describing(mut self, ws: &crate::model::Workspace) -> Self {
        let numbers = ws.claim_numbers();
        for (row, update) in self.rows.iter_mut().zip(&self.update.claims) {
            let Some(claim) = ws.claim(row.claim) else {
                continue;
            };
            let published = crate::model::PublicField::needs_correction(claim);
            row.about = super::claim_about::claim_about(ws, &numbers, claim);
            let after = update.result.anchor.as_ref().map(|a| a.exact.as_str());
            row.figure_changed = published
                && after.is_some_and(|after| figures(&update.before.exact) != figures(after));
        }
        self
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
            crate::ui::bidi_text::line_label(ui, &self.heading, |t| t);
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
            .num_columns(5)
            .striped(true)
            .show(ui, |ui| {
                for heading in ["Claim", "Outcome", "Quote before", "Quote after", "Score"] {
                    ui.label(RichText::new(heading).strong());
                }
                ui.end_row();
                for row in &self.rows {
                    if row.figure_changed {
                        ui.label(RichText::new(format!("{} · ⚠ figure changed", row.about)).color(ui.visuals().warn_fg_color).strong())
                            .on_hover_text("A published claim whose quoted figures change: its verdict may no longer hold. Check it, and correct it if needed.");
                    } else {
                        ui.label(&row.about);
                    }
                    let label = RichText::new(row.outcome.label());
                    ui.label(match row.outcome {
                        Outcome::Orphaned => label.color(ui.visuals().error_fg_color).strong(),
                        Outcome::Edited => label.color(ui.visuals().warn_fg_color),
                        _ => label,
                    });
                    crate::ui::bidi_text::line_label(ui, &row.before, |t| t);
                    crate::ui::bidi_text::line_label(ui, &row.after, |t| t);
                    ui.label(format!("{:.2}", row.score));
                    ui.end_row();
                }
            });
    }
}

/// The quantities a quote states, as the claim library compares them
/// ("2,450", "2450" and "2 450" alike; amounts to four significant digits).
fn figures(quote: &str) -> Vec<String> {
    crate::library::quantities(quote)
        .into_iter()
        .map(crate::library::Quantity::term)
        .collect()
}
