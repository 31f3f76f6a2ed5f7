//! Preferences › Embedding model (optional): the folder of a static
//! embedding model (Model2Vec, WordLlama) that re-ranks the claim
//! library's matches, chosen with the system folder dialog or typed; what
//! the library made of it (not set, loaded with its name, vocabulary and
//! dimensions, or why it is not used). Nothing is ever downloaded.

use crate::ui::services::library_worker::EmbeddingStatus;
use crate::ui::widgets::name_widget;
use std::path::PathBuf;

/// What the section asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelChange {
    /// Show the system folder dialog.
    Choose,
    /// Use the model in this folder (typed).
    Use(PathBuf),
    /// Use none.
    Clear,
}

/// Draws the section.
pub fn embedding_model_section(ui: &mut egui::Ui, status: &EmbeddingStatus) -> Option<ModelChange> {
    let mut change = None;
    ui.strong("Embedding model (optional)");
    ui.weak(
        "A local static embedding model (a Model2Vec or WordLlama folder: a .safetensors \
         matrix and its tokenizer.json) helps find rewordings. Factbench never downloads one.",
    );
    let line = status.describe();
    let shown = match status {
        EmbeddingStatus::Failed { .. } => {
            ui.colored_label(ui.visuals().error_fg_color, line.as_str())
        }
        _ => ui.label(line.as_str()),
    };
    name_widget(ui, &shown, &format!("Embedding model: {line}"));
    if let Some(folder) = status.folder() {
        ui.weak(folder.display().to_string());
    }
    let id = ui.make_persistent_id("embedding-model-typed");
    let mut typed: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let set = status != &EmbeddingStatus::NotSet;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Choose model folder…").clicked() {
            change = Some(ModelChange::Choose);
        }
        // The field takes what the row has left beside its buttons ("Use",
        // and "Use none" once a model is set), so none is cut off.
        let buttons = if set { 130.0 } else { 50.0 };
        let width = (ui.available_width() - buttons).clamp(100.0, 260.0);
        let field = ui.add(
            egui::TextEdit::singleline(&mut typed)
                .hint_text("or type the model folder's path")
                .desired_width(width),
        );
        name_widget(ui, &field, "Embedding model folder path");
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Use").clicked() || entered) && !typed.trim().is_empty() {
            change = Some(ModelChange::Use(PathBuf::from(typed.trim())));
            typed.clear();
        }
        if set && ui.button("Use none").clicked() {
            change = Some(ModelChange::Clear);
        }
    });
    ui.data_mut(|d| d.insert_temp(id, typed));
    change
}
