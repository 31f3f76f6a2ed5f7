//! Preferences › Claim library folders: the folders whose workspaces the
//! claim library searches, added with the system folder dialog or a typed
//! path; with none, the open workspace's folder.

use crate::ui::widgets::name_widget;
use std::path::{Path, PathBuf};

/// What the section asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FoldersChange {
    /// The list changed (save the settings, refresh the library).
    Changed,
    /// Show the system folder dialog.
    Choose,
}

/// The typed path and why it was refused, kept between frames.
#[derive(Clone, Default)]
struct Typed {
    text: String,
    refused: Option<String>,
}

/// Draws the section; `default` is the folder used while the list is empty.
pub fn library_folders_section(
    ui: &mut egui::Ui,
    folders: &mut Vec<PathBuf>,
    default: Option<&Path>,
) -> Option<FoldersChange> {
    let mut change = None;
    ui.strong("Claim library folders");
    ui.weak("Earlier checks are looked for in every workspace under these folders.");
    if folders.is_empty() {
        match default {
            Some(folder) => ui.weak(format!(
                "None set: the open workspace's folder is used ({}).",
                folder.display()
            )),
            None => ui.weak("None set, and the workspace is not saved yet: no library."),
        };
    }
    let mut remove = None;
    for (i, folder) in folders.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(folder.display().to_string());
            let button = ui.small_button("Remove");
            name_widget(
                ui,
                &button,
                &format!("Remove library folder {}", folder.display()),
            );
            if button.clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        folders.remove(i);
        change = Some(FoldersChange::Changed);
    }
    let id = ui.make_persistent_id("library-folder-typed");
    let mut typed: Typed = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    ui.horizontal(|ui| {
        if ui.button("Add folder…").clicked() {
            change = Some(FoldersChange::Choose);
        }
        let field = ui.add(
            egui::TextEdit::singleline(&mut typed.text)
                .hint_text("or type a folder's path")
                .desired_width(260.0),
        );
        name_widget(ui, &field, "Library folder path");
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Add").clicked() || entered {
            match add_folder(folders, Path::new(typed.text.trim())) {
                Ok(()) => {
                    typed = Typed::default();
                    change = Some(FoldersChange::Changed);
                }
                Err(why) => typed.refused = Some(why),
            }
        }
    });
    if let Some(why) = &typed.refused {
        ui.colored_label(ui.visuals().error_fg_color, why);
    }
    ui.data_mut(|d| d.insert_temp(id, typed));
    change
}

/// Adds `folder` unless it is not a folder or already listed.
pub fn add_folder(folders: &mut Vec<PathBuf>, folder: &Path) -> Result<(), String> {
    if folder.as_os_str().is_empty() {
        return Err("Type a folder's path first.".into());
    }
    if !folder.is_dir() {
        return Err(format!("{}: no such folder", folder.display()));
    }
    let folder = std::path::absolute(folder).unwrap_or_else(|_| folder.to_owned());
    if !folders.contains(&folder) {
        folders.push(folder);
    }
    Ok(())
}
