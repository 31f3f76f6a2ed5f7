//! The import dialog's transcript parts: a transcript is labelled by its
//! format ("WebVTT transcript, 42 cues, 3 speakers"), a `.txt` file can be
//! read as text or as a transcript whatever it looks like (the command
//! line's `--as`), and a transcript gets the address of its recording (a
//! video page or a media file) for the *Watch at* links.

use super::ImportEntry;
use crate::import::{Imported, ReadAs};
use crate::model::Article;
use crate::ui::widgets::{labelled_combo, labelled_field};

/// What the file was read as: the transcript's format with its cues and
/// speakers, else the import format (`text`, `Markdown`, `web page`).
pub(super) fn format_label(imported: &Imported) -> String {
    match &imported.article.transcript {
        Some(t) => {
            let speakers = match t.speakers.len() {
                0 => String::new(),
                1 => ", 1 speaker".to_owned(),
                n => format!(", {n} speakers"),
            };
            format!("{}, {} cues{speakers}", t.format.label(), t.cues.len())
        }
        None => imported.format.label().to_owned(),
    }
}

/// Whether the file is one whose reading the user may choose: a `.txt`
/// (or a file without an extension), told by its lines otherwise.
fn may_be_either(entry: &ImportEntry) -> bool {
    let extension = entry
        .path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    matches!(extension.as_str(), "txt" | "")
}

/// For a `.txt` file, on the encoding's row: read it as text or as a
/// transcript, or tell by its lines (`choice`, applied by the caller).
pub(super) fn read_as_picker(ui: &mut egui::Ui, entry: &ImportEntry, choice: &mut Option<ReadAs>) {
    if !may_be_either(entry) {
        return;
    }
    let name = |choice: Option<ReadAs>| match choice {
        None => "Tell by its lines",
        Some(ReadAs::Text) => "Text",
        Some(ReadAs::Transcript) => "Transcript (time codes)",
    };
    ui.add_space(8.0);
    let combo = egui::ComboBox::from_id_salt("import-read-as")
        .selected_text(name(*choice))
        .width(150.0);
    labelled_combo(ui, "Read as", "Read the file as", combo, |ui| {
        for option in [None, Some(ReadAs::Text), Some(ReadAs::Transcript)] {
            ui.selectable_value(choice, option, name(option));
        }
    });
}

/// For a transcript: the address of its recording.
pub(super) fn media_url_field(ui: &mut egui::Ui, entry: &mut ImportEntry) {
    let is_transcript = entry
        .result
        .as_ref()
        .is_ok_and(|i| i.article.transcript.is_some());
    if !is_transcript {
        return;
    }
    ui.horizontal(|ui| {
        let edit = egui::TextEdit::singleline(&mut entry.media_url)
            .hint_text("https://www.youtube.com/watch?v=…")
            .desired_width(400.0);
        labelled_field(ui, "Media URL", edit).on_hover_text(
            "The video page or media file this transcript is of: claims link to their moment in it",
        );
    });
    crate::ui::widgets::url_warning(ui, entry.media_url.trim());
}

/// Puts the typed media URL, trimmed, on a transcript's article.
pub(super) fn apply_media_url(entry: &ImportEntry, article: &mut Article) {
    let url = entry.media_url.trim();
    if article.transcript.is_some() && !url.is_empty() {
        article.media_url = Some(url.to_owned());
    }
}
