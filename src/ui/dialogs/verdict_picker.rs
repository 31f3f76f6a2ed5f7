//! The verdict picker (Ctrl+R): every verdict of the scale in a list that
//! typing filters (by name, or by its number), so that scales with more
//! than nine verdicts — Snopes-style has ten — are reachable from the
//! keyboard. Up/Down move, Enter gives the highlighted verdict, Escape
//! closes. The claim's statement is shown over the list.

use crate::model::VerdictScale;
use crate::ui::widgets::{PromptFrame, modal_prompt, name_widget, verdict_colour};

/// The picker's state while it is open.
#[derive(Clone, Debug, Default)]
pub struct VerdictPicker {
    filter: String,
    highlighted: usize,
}

/// What the picker answers: a verdict key (or `None`: unrated), or cancel.
#[derive(Clone, Debug, PartialEq)]
pub enum PickerAnswer {
    Pick(Option<String>),
    Cancel,
}

impl VerdictPicker {
    /// The choices that match what was typed: `(number, key, label)`,
    /// numbered from 1 as the scale orders them; "Unrated" last.
    pub fn matches(&self, scale: &VerdictScale) -> Vec<(usize, Option<String>, String)> {
        let needle = self.filter.trim().to_lowercase();
        let mut out: Vec<(usize, Option<String>, String)> = scale
            .verdicts
            .iter()
            .enumerate()
            .map(|(i, v)| (i + 1, Some(v.key.clone()), v.label.clone()))
            .collect();
        out.push((0, None, "Unrated".to_owned()));
        out.retain(|(n, _, label)| {
            needle.is_empty()
                || label.to_lowercase().contains(&needle)
                || (*n > 0 && n.to_string().starts_with(&needle))
        });
        out
    }

    pub fn show(
        &mut self,
        ctx: &egui::Context,
        scale: &VerdictScale,
        current: Option<&str>,
        statement: &str,
    ) -> Option<PickerAnswer> {
        let frame = PromptFrame {
            id: "verdict-picker",
            title: "Give a verdict",
            width: 360.0,
        };
        modal_prompt(ctx, frame, Some(PickerAnswer::Cancel), |ui| {
            ui.set_width(360.0);
            // The claim it is for (a right-to-left statement laid out as
            // the reader lays out its paragraphs).
            if !statement.trim().is_empty() {
                crate::ui::bidi_text::label(ui, &crate::text::one_line(statement, 200));
            }
            let (up, down, enter) = ui.input_mut(|i| {
                (
                    i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                    i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                    i.key_pressed(egui::Key::Enter),
                )
            });
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text("Type part of a verdict's name or its number")
                    .desired_width(f32::INFINITY),
            );
            name_widget(ui, &field, "Find verdict");
            if field.changed() {
                self.highlighted = 0;
            }
            if !field.has_focus() {
                field.request_focus();
            }
            let matches = self.matches(scale);
            let last = matches.len().saturating_sub(1);
            if down {
                self.highlighted = (self.highlighted + 1).min(last);
            }
            if up {
                self.highlighted = self.highlighted.saturating_sub(1);
            }
            self.highlighted = self.highlighted.min(last);
            // The list keeps the whole scale's height, so the dialog (kept
            // centred) does not jump under the typing as matches drop out.
            let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
            let whole = (scale.verdicts.len() + 1) as f32 * row_height;
            let rows = ui.vertical(|ui| {
                ui.set_min_height(whole);
                self.rows(ui, scale, &matches, current)
            });
            let mut picked = rows.inner;
            if enter && let Some((_, key, _)) = matches.get(self.highlighted) {
                picked = Some(PickerAnswer::Pick(key.clone()));
            }
            picked
        })
    }

    /// The matching verdicts, the highlighted one selected; the one clicked.
    fn rows(
        &self,
        ui: &mut egui::Ui,
        scale: &VerdictScale,
        matches: &[(usize, Option<String>, String)],
        current: Option<&str>,
    ) -> Option<PickerAnswer> {
        let mut picked = None;
        for (row, (n, key, label)) in matches.iter().enumerate() {
            let entry = Entry {
                number: *n,
                key: key.as_deref(),
                label,
                now: key.as_deref() == current,
            };
            if entry_row(ui, scale, &entry, row == self.highlighted) {
                picked = Some(PickerAnswer::Pick(key.clone()));
            }
        }
        if matches.is_empty() {
            ui.weak("No verdict of this scale is called that.");
        }
        picked
    }
}

/// One verdict of the list.
struct Entry<'a> {
    /// Its place in the scale, from 1; 0 for "Unrated".
    number: usize,
    key: Option<&'a str>,
    label: &'a str,
    /// The claim's verdict now.
    now: bool,
}

/// A row of the list: the verdict's colour, number and name ("(now)" for
/// the current one; a right-to-left name in display order, named as
/// written); true when clicked.
fn entry_row(ui: &mut egui::Ui, scale: &VerdictScale, entry: &Entry, highlighted: bool) -> bool {
    let number = if entry.number > 0 {
        format!("{}. ", entry.number)
    } else {
        String::new()
    };
    let mark = if entry.now { "  (now)" } else { "" };
    let text = format!(
        "{number}{}{mark}",
        crate::ui::bidi_text::isolate(entry.label)
    );
    ui.horizontal(|ui| {
        let (swatch, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
        if let Some(v) = entry.key.and_then(|k| scale.get(k)) {
            ui.painter().rect_filled(swatch, 2.0, verdict_colour(v));
        }
        let shown = crate::ui::bidi_text::one_line(&text);
        let row = ui.selectable_label(highlighted, shown);
        crate::ui::bidi_text::name_as_written(ui, &row, &crate::ui::bidi_text::logical(&text));
        row.clicked()
    })
    .inner
}

#[cfg(test)]
mod tests {
    use super::*;

    impl VerdictPicker {
        fn set_filter(&mut self, text: &str) {
            self.filter = text.to_owned();
        }
    }

    #[test]
    fn typing_filters_by_name_or_number_and_unrated_is_always_offered() {
        let scale = VerdictScale::snopes_style();
        assert_eq!(scale.verdicts.len(), 10, "more than nine verdicts");
        let mut picker = VerdictPicker::default();
        assert_eq!(picker.matches(&scale).len(), 11);
        picker.set_filter("satir");
        let found = picker.matches(&scale);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.as_deref(), Some("satire"));
        assert_eq!(found[0].0, 10);
        picker.set_filter("10");
        assert_eq!(picker.matches(&scale)[0].1.as_deref(), Some("satire"));
        picker.set_filter("UNRAT");
        assert_eq!(
            picker.matches(&scale),
            vec![(0, None, "Unrated".to_owned())]
        );
        picker.set_filter("mis");
        let keys: Vec<_> = picker.matches(&scale).into_iter().map(|m| m.1).collect();
        assert_eq!(
            keys,
            vec![Some("miscaptioned".into()), Some("misattributed".into())]
        );
    }
}
