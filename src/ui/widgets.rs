//! Small pieces shared by the panels and dialogs.

/// Gives a widget an accessible name (what screen readers say, and what
/// tests find it by), for fields whose visible label is a separate widget.
pub(crate) fn name_widget(ui: &egui::Ui, response: &egui::Response, name: &str) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// A verdict's colour as egui paints it.
pub fn verdict_colour(verdict: &crate::model::Verdict) -> egui::Color32 {
    let crate::model::Rgb(r, g, b) = verdict.colour;
    egui::Color32::from_rgb(r, g, b)
}

/// Text colour that reads on a fill of the verdict's colour.
pub fn text_on_verdict(verdict: &crate::model::Verdict) -> egui::Color32 {
    if verdict.colour.wants_dark_text() {
        egui::Color32::BLACK
    } else {
        egui::Color32::WHITE
    }
}
