//! Merge conflicts in the window: the banner over the article while any
//! remain, and the list, where each is settled with *Keep ours*, *Keep
//! theirs* or, after editing the item by hand, *Keep as edited* — each one
//! undoable step (`Command::ResolveConflict`).

use crate::merge::describe_conflict_plain;
use crate::model::Resolution;
use crate::model::{ConflictItem, Workspace};

/// What the banner or the list asks for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ConflictIntent {
    /// Open the conflict list.
    ShowList,
    Resolve {
        index: usize,
        resolution: Resolution,
    },
    /// Show the item a conflict is about.
    Show(ConflictItem),
}

/// The banner naming how many conflicts remain; `Some(ShowList)` when its
/// button is clicked.
pub fn conflict_banner(ui: &mut egui::Ui, count: usize) -> Option<ConflictIntent> {
    let mut intent = None;
    ui.horizontal_wrapped(|ui| {
        ui.colored_label(ui.visuals().warn_fg_color, "⚠ Merge conflicts:");
        ui.label(format!(
            "{count} disagreement(s) from a merge wait to be settled; exports are refused until then."
        ));
        if ui.button("Show conflicts…").clicked() {
            intent = Some(ConflictIntent::ShowList);
        }
    });
    intent
}

/// The conflict list window.
pub fn conflicts_window(
    ctx: &egui::Context,
    open: &mut bool,
    ws: &Workspace,
) -> Option<ConflictIntent> {
    let mut intent = None;
    egui::Window::new("Merge conflicts")
        .open(open)
        .default_width(620.0)
        .default_height(260.0)
        .vscroll(true)
        .show(ctx, |ui| {
            if ws.conflicts.is_empty() {
                ui.label("No conflicts: everything the merge brought together agreed.");
                return;
            }
            ui.label(format!(
                "{} conflict(s). Ours is the version merged into (it is what the workspace holds now); theirs is the version merged in.",
                ws.conflicts.len()
            ));
            for (index, conflict) in ws.conflicts.iter().enumerate() {
                ui.separator();
                ui.label(describe_conflict_plain(conflict, ws));
                ui.horizontal_wrapped(|ui| {
                    let resolve = |resolution| ConflictIntent::Resolve { index, resolution };
                    if ui
                        .button("Keep ours")
                        .on_hover_text(side_hint(conflict.ours.is_some()))
                        .clicked()
                    {
                        intent = Some(resolve(Resolution::KeepOurs));
                    }
                    if ui
                        .button("Keep theirs")
                        .on_hover_text(side_hint(conflict.theirs.is_some()))
                        .clicked()
                    {
                        intent = Some(resolve(Resolution::KeepTheirs));
                    }
                    if ui
                        .button("Keep as edited")
                        .on_hover_text(
                            "Edit the item by hand first (Show it), then keep what it holds now",
                        )
                        .clicked()
                    {
                        intent = Some(resolve(Resolution::KeepCurrent));
                    }
                    if ui.button("Show").clicked() {
                        intent = Some(ConflictIntent::Show(conflict.item));
                    }
                });
            }
        });
    intent
}

fn side_hint(present: bool) -> &'static str {
    if present {
        "Take this side's value"
    } else {
        "This side deleted the item: keeping it deletes the item"
    }
}
