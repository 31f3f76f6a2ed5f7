//! Small pieces shared by the panels and dialogs.

/// Gives a widget an accessible name (what screen readers say, and what
/// tests find it by), for fields whose visible label is a separate widget.
pub(crate) fn name_widget(ui: &egui::Ui, response: &egui::Response, name: &str) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}
