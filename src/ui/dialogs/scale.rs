//! The verdict scale, in the window: Edit › Verdict scale… edits a draft
//! of the scale (add, rename, recolour, reorder, remove verdicts, set
//! ratings, or start again from a preset) and applies it as one undoable
//! `Command::SetScale`; removing a verdict that claims use asks what those
//! claims become. File › New asks which scale the new workspace uses: a
//! preset, or a copy of another workspace's.

use crate::edit::{Command, Reassign};
use crate::model::{Rgb, Verdict, VerdictScale, Workspace};
use crate::ui::widgets::{Choice, PromptFrame, choice_row, modal_prompt, name_widget};
use egui::Ui;
use std::collections::HashMap;
use std::path::Path;

/// One row of the draft: a verdict, and whether it was added here (its
/// key is then made from its label when the scale is applied).
#[derive(Clone, Debug, PartialEq)]
struct Row {
    verdict: Verdict,
    added: bool,
}

/// The scale editor's state: a draft of the scale, applied only on Apply.
#[derive(Clone, Debug)]
pub struct ScaleEditor {
    name: String,
    rows: Vec<Row>,
    /// The scale as it is in the workspace.
    current: VerdictScale,
    /// Claims per verdict key, when the editor opened.
    in_use: HashMap<String, usize>,
    /// What the claims of a dropped verdict become, by old key: `Some(None)`
    /// is "unrated", `None` not chosen yet.
    targets: HashMap<String, Option<Option<String>>>,
}

/// What the editor answers.
#[derive(Clone, Debug, PartialEq)]
pub enum ScaleAnswer {
    Apply(Command),
    Cancel,
}

impl ScaleEditor {
    pub fn new(ws: &Workspace) -> Self {
        let mut in_use = HashMap::new();
        for key in ws.claims.iter().filter_map(|c| c.verdict.as_ref()) {
            *in_use.entry(key.clone()).or_insert(0) += 1;
        }
        let mut editor = ScaleEditor {
            name: String::new(),
            rows: Vec::new(),
            current: ws.scale.clone(),
            in_use,
            targets: HashMap::new(),
        };
        editor.start_from(&ws.scale);
        editor
    }

    /// Replaces the draft by `scale` (a preset, or the current scale),
    /// keys included.
    fn start_from(&mut self, scale: &VerdictScale) {
        self.name = scale.name.clone();
        self.rows = scale
            .verdicts
            .iter()
            .map(|v| Row {
                verdict: v.clone(),
                added: false,
            })
            .collect();
    }

    /// The scale the draft describes, with keys for added verdicts.
    pub fn draft(&self) -> VerdictScale {
        let mut keys: Vec<String> = self
            .rows
            .iter()
            .filter(|r| !r.added)
            .map(|r| r.verdict.key.clone())
            .collect();
        let verdicts = self
            .rows
            .iter()
            .map(|row| {
                let mut verdict = row.verdict.clone();
                verdict.label = verdict.label.trim().to_owned();
                if row.added {
                    verdict.key = unique_key(&verdict.label, &keys);
                    keys.push(verdict.key.clone());
                }
                verdict
            })
            .collect();
        VerdictScale {
            name: self.name.trim().to_owned(),
            verdicts,
        }
    }

    /// The verdicts in use that the draft drops, with how many claims each.
    fn dropped_in_use(&self, draft: &VerdictScale) -> Vec<(Verdict, usize)> {
        self.current
            .verdicts
            .iter()
            .filter(|v| draft.get(&v.key).is_none())
            .filter_map(|v| Some((v.clone(), *self.in_use.get(&v.key)?)))
            .collect()
    }

    /// The command for the draft, or why it cannot be applied yet.
    fn command(&self) -> Result<Command, String> {
        let draft = self.draft();
        if draft.verdicts.is_empty() {
            return Err("Keep at least one verdict.".into());
        }
        if draft.verdicts.iter().any(|v| v.label.is_empty()) {
            return Err("Every verdict needs a name.".into());
        }
        let mut reassign: Reassign = Vec::new();
        for (verdict, _) in self.dropped_in_use(&draft) {
            match self.targets.get(&verdict.key).cloned().flatten() {
                Some(target) if target.as_ref().is_none_or(|k| draft.get(k).is_some()) => {
                    reassign.push((verdict.key.clone(), target))
                }
                _ => {
                    return Err(format!(
                        "Say what the claims rated “{}” become.",
                        verdict.label
                    ));
                }
            }
        }
        Ok(Command::SetScale {
            scale: Box::new(draft),
            reassign,
        })
    }

    /// Draws the editor; `Some` once applied or cancelled.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<ScaleAnswer> {
        let frame = PromptFrame {
            id: "scale-editor",
            title: "Verdict scale",
            width: 700.0,
        };
        modal_prompt(ctx, frame, Some(ScaleAnswer::Cancel), |ui| {
            ui.set_width(700.0);
            ui.weak("Changes apply when you press Apply, as one step that Ctrl+Z undoes.");
            self.name_and_presets(ui);
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("scale-rows")
                .max_height(360.0)
                .show(ui, |ui| self.rows(ui));
            if ui.button("Add verdict").clicked() {
                self.add_verdict();
            }
            self.reassignments(ui);
            ui.separator();
            let command = self.command();
            if let Err(why) = &command {
                ui.colored_label(ui.visuals().warn_fg_color, why);
            }
            let picked = choice_row(
                ui,
                &[
                    Choice::new("Apply", true).enabled(command.is_ok()),
                    Choice::new("Cancel", false),
                ],
            );
            match (picked, command) {
                (Some(true), Ok(command)) => Some(ScaleAnswer::Apply(command)),
                (Some(false), _) => Some(ScaleAnswer::Cancel),
                _ => None,
            }
        })
    }

    fn name_and_presets(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.label("Name");
            let response = ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(240.0));
            name_widget(ui, &response, "Scale name");
        });
        ui.horizontal_wrapped(|ui| {
            ui.label("Start from");
            for preset in VerdictScale::presets() {
                if ui
                    .button(&preset.name)
                    .on_hover_text(preset_summary(&preset))
                    .clicked()
                {
                    self.start_from(&preset);
                }
            }
        });
    }

    fn rows(&mut self, ui: &mut Ui) {
        let mut action = None;
        egui::Grid::new("scale-grid")
            .num_columns(7)
            .striped(true)
            .show(ui, |ui| {
                for heading in ["", "Colour", "Name", "Rating", "Description", "", ""] {
                    ui.strong(heading);
                }
                ui.end_row();
                let count = self.rows.len();
                for (i, row) in self.rows.iter_mut().enumerate() {
                    if let Some(a) = verdict_row(ui, i, count, &mut row.verdict) {
                        action = Some(a);
                    }
                    ui.end_row();
                }
            });
        match action {
            Some(RowAction::Up(i)) if i > 0 => self.rows.swap(i, i - 1),
            Some(RowAction::Down(i)) if i + 1 < self.rows.len() => self.rows.swap(i, i + 1),
            Some(RowAction::Remove(i)) if i < self.rows.len() => {
                self.rows.remove(i);
            }
            _ => {}
        }
    }

    fn add_verdict(&mut self) {
        self.rows.push(Row {
            verdict: Verdict {
                key: String::new(),
                label: format!("Verdict {}", self.rows.len() + 1),
                colour: Rgb(0x99, 0x99, 0x99),
                rating: None,
                description: String::new(),
            },
            added: true,
        });
    }

    /// For each verdict in use that the draft drops: what its claims become.
    fn reassignments(&mut self, ui: &mut Ui) {
        let draft = self.draft();
        let dropped = self.dropped_in_use(&draft);
        if dropped.is_empty() {
            return;
        }
        ui.separator();
        ui.strong("Verdicts in use that this scale no longer has");
        egui::Grid::new("scale-reassign")
            .num_columns(2)
            .show(ui, |ui| {
                for (verdict, count) in dropped {
                    ui.label(format!("{count} claim(s) rated “{}” become", verdict.label));
                    let target = self.targets.entry(verdict.key.clone()).or_insert_with(|| {
                        same_label(&draft, &verdict.label).map(|key| Some(key.to_owned()))
                    });
                    target_combo(ui, &verdict.key, &draft, target);
                    ui.end_row();
                }
            });
    }
}

/// What a row's buttons asked for.
enum RowAction {
    Up(usize),
    Down(usize),
    Remove(usize),
}

/// One verdict's cells: number, colour, name, rating, description, moves.
fn verdict_row(ui: &mut Ui, i: usize, count: usize, verdict: &mut Verdict) -> Option<RowAction> {
    let mut action = None;
    let n = i + 1;
    ui.label(if n <= 9 {
        format!("{n}")
    } else {
        String::new()
    });
    let Rgb(r, g, b) = verdict.colour;
    let mut rgb = [r, g, b];
    let colour = ui.color_edit_button_srgb(&mut rgb);
    name_widget(ui, &colour, &format!("Colour of verdict {n}"));
    verdict.colour = Rgb(rgb[0], rgb[1], rgb[2]);
    // Sized, not desired: a grid cell would otherwise shrink a field to its column.
    let label = ui.add_sized(
        [140.0, 20.0],
        egui::TextEdit::singleline(&mut verdict.label),
    );
    name_widget(ui, &label, &format!("Name of verdict {n}"));
    rating_cell(ui, n, &mut verdict.rating);
    let description = ui.add_sized(
        [220.0, 20.0],
        egui::TextEdit::singleline(&mut verdict.description).hint_text("What it means"),
    );
    name_widget(ui, &description, &format!("Description of verdict {n}"));
    ui.horizontal(|ui| {
        let up = ui.add_enabled(i > 0, egui::Button::new("⏶").small());
        name_widget(ui, &up, &format!("Move verdict {n} up"));
        if up.clicked() {
            action = Some(RowAction::Up(i));
        }
        let down = ui.add_enabled(i + 1 < count, egui::Button::new("⏷").small());
        name_widget(ui, &down, &format!("Move verdict {n} down"));
        if down.clicked() {
            action = Some(RowAction::Down(i));
        }
    });
    let remove = ui.small_button("Remove");
    name_widget(ui, &remove, &format!("Remove verdict {n}"));
    if remove.clicked() {
        action = Some(RowAction::Remove(i));
    }
    action
}

/// A rating: on the truth axis (1 = worst) or off it.
fn rating_cell(ui: &mut Ui, n: usize, rating: &mut Option<u8>) {
    ui.horizontal(|ui| {
        let mut rated = rating.is_some();
        let check = ui.checkbox(&mut rated, "");
        name_widget(ui, &check, &format!("Verdict {n} is on the truth axis"));
        match (rated, rating.as_mut()) {
            (true, Some(value)) => {
                let drag = ui.add(egui::DragValue::new(value).range(1..=99));
                name_widget(ui, &drag, &format!("Rating of verdict {n}"));
            }
            (true, None) => *rating = Some(1),
            (false, _) => {
                *rating = None;
                ui.weak("none");
            }
        }
    });
}

fn target_combo(
    ui: &mut Ui,
    salt: &str,
    draft: &VerdictScale,
    target: &mut Option<Option<String>>,
) {
    let text = match target {
        None => "Choose…".to_owned(),
        Some(None) => "Unrated".to_owned(),
        Some(Some(key)) => draft
            .get(key)
            .map_or_else(|| "Choose…".to_owned(), |v| v.label.clone()),
    };
    let combo = crate::ui::widgets::combo(
        ui,
        egui::ComboBox::from_id_salt(("reassign", salt)).selected_text(text),
        |ui| {
            for verdict in &draft.verdicts {
                ui.selectable_value(target, Some(Some(verdict.key.clone())), &verdict.label);
            }
            ui.selectable_value(target, Some(None), "Unrated");
        },
    );
    name_widget(ui, &combo.response, &format!("New verdict for {salt}"));
}

/// The key of the draft's verdict named like `label`, if any.
fn same_label<'a>(draft: &'a VerdictScale, label: &str) -> Option<&'a str> {
    draft
        .verdicts
        .iter()
        .find(|v| v.label.to_lowercase() == label.to_lowercase())
        .map(|v| v.key.as_str())
}

/// A key made from a label ("Half true" → "half-true"), not in `taken`.
pub fn unique_key(label: &str, taken: &[String]) -> String {
    let slug: String = label
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if slug.is_empty() {
        "verdict".into()
    } else {
        slug
    };
    let mut key = base.clone();
    let mut n = 2;
    while taken.contains(&key) {
        key = format!("{base}-{n}");
        n += 1;
    }
    key
}

/// A preset's verdicts in one line, for its button's hover text.
fn preset_summary(scale: &VerdictScale) -> String {
    let labels: Vec<&str> = scale.verdicts.iter().map(|v| v.label.as_str()).collect();
    labels.join(" · ")
}

/// Where a new workspace's scale comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum ScaleSource {
    Preset(VerdictScale),
    /// Pick another workspace file and copy its scale.
    CopyFromFile,
}

/// File › New: which scale? `Some(None)` when cancelled.
pub fn new_workspace_prompt(
    ctx: &egui::Context,
    chosen: &mut usize,
) -> Option<Option<ScaleSource>> {
    let presets = VerdictScale::presets();
    let frame = PromptFrame {
        id: "new-workspace",
        title: "New workspace",
        width: 480.0,
    };
    modal_prompt(ctx, frame, Some(None), |ui| {
        ui.label("Which verdict scale will this investigation use? You can change it later in Edit › Verdict scale…");
        ui.add_space(4.0);
        for (i, preset) in presets.iter().enumerate() {
            ui.radio_value(chosen, i, &preset.name)
                .on_hover_text(preset_summary(preset));
            ui.weak(format!("    {}", preset_summary(preset)));
        }
        ui.radio_value(chosen, presets.len(), "The scale of another workspace…");
        ui.add_space(8.0);
        let picked = choice_row(
            ui,
            &[Choice::new("Create", true), Choice::new("Cancel", false)],
        );
        match picked {
            Some(true) => Some(Some(match presets.get(*chosen) {
                Some(preset) => ScaleSource::Preset(preset.clone()),
                None => ScaleSource::CopyFromFile,
            })),
            Some(false) => Some(None),
            None => None,
        }
    })
}

/// The scale of the workspace at `path`, or why it could not be read.
pub fn scale_of_file(path: &Path) -> Result<VerdictScale, String> {
    crate::store::load(path)
        .map(|loaded| loaded.workspace.scale)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_workspace;

    #[test]
    fn keys_for_added_verdicts_come_from_their_labels_and_stay_unique() {
        let taken = vec!["false".to_owned(), "half-true".to_owned()];
        assert_eq!(unique_key("Half true", &taken), "half-true-2");
        assert_eq!(unique_key("Ложь", &taken), "ложь");
        assert_eq!(unique_key("  ?? ", &taken), "verdict");
        assert_eq!(unique_key("False", &taken), "false-2");
    }

    #[test]
    fn a_dropped_verdict_in_use_must_be_given_a_new_home() {
        let ws = sample_workspace();
        let mut editor = ScaleEditor::new(&ws);
        assert!(matches!(editor.command(), Ok(Command::SetScale { .. })));
        let used = ws.claims.iter().find_map(|c| c.verdict.clone()).unwrap();
        let at = editor
            .rows
            .iter()
            .position(|r| r.verdict.key == used)
            .unwrap();
        editor.rows.remove(at);
        assert!(editor.command().is_err(), "no say for {used} yet");
        editor.targets.insert(used.clone(), Some(None));
        let Ok(Command::SetScale { reassign, .. }) = editor.command() else {
            panic!("the draft can be applied once its claims go unrated");
        };
        assert_eq!(reassign, vec![(used, None)]);
    }

    #[test]
    fn a_preset_keeps_the_keys_it_shares_with_the_current_scale() {
        let ws = sample_workspace();
        let mut editor = ScaleEditor::new(&ws);
        editor.start_from(&VerdictScale::politifact());
        let draft = editor.draft();
        assert_eq!(draft, VerdictScale::politifact());
    }
}
