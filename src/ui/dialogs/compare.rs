//! Article › Compare versions: what the outlet changed between any two
//! versions of the shown article, sentence by sentence — removed, added and
//! changed sentences, the changed words marked and changed numbers listed
//! ("2450 to 2448"). Words, not only colours, say what each line is.

use crate::model::Article;
use crate::reanchor::{Piece, SentenceChange, compare};
use crate::ui::widgets::{Choice, PromptFrame, choice_row, modal_prompt};
use egui::text::LayoutJob;
use egui::{Color32, RichText, TextFormat};

/// The comparison window of one article.
pub struct CompareDialog {
    article: crate::model::ArticleId,
    /// Versions compared: indices into the article's versions, where
    /// `versions.len()` is the current text.
    from: usize,
    to: usize,
    cached: Option<((usize, usize), Vec<SentenceChange>)>,
}

impl CompareDialog {
    /// Compares the latest earlier version of `article` with its text.
    pub fn new(article: &Article) -> Self {
        let current = article.versions.len();
        CompareDialog {
            article: article.id,
            from: current.saturating_sub(1),
            to: current,
            cached: None,
        }
    }

    pub fn article(&self) -> crate::model::ArticleId {
        self.article
    }

    /// Draws the window; `true` once it is closed.
    pub fn show(&mut self, ctx: &egui::Context, article: &Article) -> bool {
        let frame = PromptFrame {
            id: "compare-dialog",
            title: "Compare versions",
            width: 860.0,
        };
        let closed = modal_prompt(ctx, frame, Some(()), |ui| {
            ui.set_width(860.0);
            ui.horizontal(|ui| {
                version_combo(ui, "compare-from", "From", article, &mut self.from);
                version_combo(ui, "compare-to", "To", article, &mut self.to);
            });
            ui.separator();
            let changes = self.changes(article);
            if changes.is_empty() {
                ui.label("These two versions have the same text.");
            }
            egui::ScrollArea::vertical()
                .max_height(460.0)
                .auto_shrink([false, true])
                .id_salt("compare-rows")
                .show(ui, |ui| changes.iter().for_each(|c| change_ui(ui, c)));
            ui.separator();
            choice_row(ui, &[Choice::new("Close", ())])
        });
        closed.is_some()
    }

    /// The differences between the chosen versions, computed once per choice.
    fn changes(&mut self, article: &Article) -> &[SentenceChange] {
        let key = (self.from, self.to);
        if self.cached.as_ref().is_none_or(|(k, _)| *k != key) {
            let changes = compare(
                version_text(article, self.from),
                version_text(article, self.to),
            );
            self.cached = Some((key, changes));
        }
        self.cached.as_ref().map_or(&[], |(_, c)| c.as_slice())
    }
}

/// The text of version `n` (`versions.len()` being the current one).
fn version_text(article: &Article, n: usize) -> &str {
    article.versions.get(n).map_or(&article.text, |v| &v.text)
}

fn version_label(article: &Article, n: usize) -> String {
    match article.versions.get(n) {
        Some(v) => {
            let date = v
                .retrieved
                .map_or_else(|| "date unknown".to_owned(), |d| d.to_string());
            let source = if v.source.is_empty() {
                "source unknown"
            } else {
                &v.source
            };
            format!("Version {} ({date}, {source})", n + 1)
        }
        None => format!(
            "Current ({})",
            if article.source.is_empty() {
                "source unknown"
            } else {
                &article.source
            }
        ),
    }
}

fn version_combo(ui: &mut egui::Ui, id: &str, label: &str, article: &Article, chosen: &mut usize) {
    ui.label(label);
    let combo = crate::ui::widgets::combo(
        ui,
        egui::ComboBox::from_id_salt(id)
            .selected_text(version_label(article, *chosen))
            .width(260.0),
        |ui| {
            for n in 0..=article.versions.len() {
                ui.selectable_value(chosen, n, version_label(article, n));
            }
        },
    );
    crate::ui::widgets::name_widget(ui, &combo.response, &format!("{label} version"));
}

const REMOVED: Color32 = Color32::from_rgb(0xf4, 0xc7, 0xc3);
const ADDED: Color32 = Color32::from_rgb(0xc8, 0xe6, 0xc9);

fn change_ui(ui: &mut egui::Ui, change: &SentenceChange) {
    match change {
        SentenceChange::Removed(text) => {
            let line = format!("Removed: {}", crate::ui::bidi_text::isolate(text));
            crate::ui::bidi_text::line_label(ui, &line, RichText::strikethrough);
        }
        SentenceChange::Added(text) => {
            let line = format!("Added: {}", crate::ui::bidi_text::isolate(text));
            crate::ui::bidi_text::line_label(ui, &line, RichText::underline);
        }
        SentenceChange::Changed { old, new, numbers } => {
            pieces_ui(ui, "Before: ", old, REMOVED);
            pieces_ui(ui, "After: ", new, ADDED);
            if !numbers.0.is_empty() || !numbers.1.is_empty() {
                let isolated = |list: &[String]| {
                    list.iter()
                        .map(|n| crate::ui::bidi_text::isolate(n).into_owned())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let text = format!(
                    "Numbers changed: {} to {}",
                    isolated(&numbers.0),
                    isolated(&numbers.1)
                );
                let warn = ui.visuals().warn_fg_color;
                crate::ui::bidi_text::line_label(ui, &text, |t| t.strong().color(warn));
            }
        }
    }
    ui.add_space(6.0);
}

/// A sentence with its changed pieces on a coloured ground: egui's label
/// for a left-to-right one, the bidi step's layout under its `lead` for a
/// right-to-left one.
fn pieces_ui(ui: &mut egui::Ui, lead: &str, pieces: &[Piece], ground: Color32) {
    let sentence: String = pieces.iter().map(|p| p.text.as_str()).collect();
    if !crate::text::has_rtl(&sentence) {
        ui.label(pieces_job(ui, lead, pieces, ground));
        return;
    }
    ui.label(lead.trim_end());
    let mut changed = Vec::new();
    let mut at = 0;
    for piece in pieces {
        let len = piece.text.chars().count();
        if piece.changed {
            changed.push(at..at + len);
        }
        at += len;
    }
    crate::ui::bidi_text::highlighted_label(ui, &sentence, &changed, ground);
}

/// A sentence with its changed pieces on a coloured ground and underlined.
fn pieces_job(ui: &egui::Ui, lead: &str, pieces: &[Piece], ground: Color32) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().text_color();
    let mut job = LayoutJob::default();
    job.append(lead, 0.0, TextFormat::simple(font.clone(), colour));
    for piece in pieces {
        let mut format = TextFormat::simple(font.clone(), colour);
        if piece.changed {
            format.background = ground;
            format.color = Color32::BLACK;
            format.underline = egui::Stroke::new(1.0, Color32::BLACK);
        }
        job.append(&piece.text, 0.0, format);
    }
    job
}
