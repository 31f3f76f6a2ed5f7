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

/// `text` on one line (runs of white space made one space), cut to `max`
/// chars with "…" when longer.
pub fn shorten(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_counts_chars_and_flattens_lines() {
        assert_eq!(shorten("Путин\n сказал  это", 100), "Путин сказал это");
        assert_eq!(shorten("习近平主席访问", 3), "习近平…");
        assert_eq!(shorten("👩‍👩‍👧abc", 1), "👩…");
        assert_eq!(shorten("abc", 3), "abc");
    }
}
