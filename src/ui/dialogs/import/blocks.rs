//! The import dialog's answer to "this may not be the article": what
//! looked wrong in a web page (the importer's warnings), and the page's
//! main blocks to pick from instead — the text extracted, its JSON-LD
//! `articleBody`, its `<article>` or `<main>` — each named by where it
//! came from and its first line. The preview follows the pick; the block
//! picked is the text imported.

use super::{ImportEntry, preview_of};
use crate::model::Article;
use crate::ui::widgets::labelled_combo;

/// Longest first line shown for a block, in chars.
const FIRST_LINE_CHARS: usize = 60;

/// The warnings, and the block picker when the page offers other blocks.
pub(super) fn warnings_and_blocks(ui: &mut egui::Ui, entry: &mut ImportEntry) {
    let Ok(imported) = &entry.result else {
        return;
    };
    for warning in &imported.warnings {
        ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {warning}"));
    }
    if imported.candidates.is_empty() {
        return;
    }
    let names: Vec<String> = std::iter::once(block_name("as extracted", &imported.article.text))
        .chain(
            imported
                .candidates
                .iter()
                .map(|c| block_name(c.source, c.first_line())),
        )
        .collect();
    let shown = entry.block.map_or(0, |i| i + 1);
    let mut picked = shown;
    let combo = egui::ComboBox::from_id_salt(("import-block", &entry.path))
        .selected_text(names[shown].as_str())
        .width(420.0)
        .truncate();
    ui.horizontal(|ui| {
        labelled_combo(ui, "Article block", "Article block", combo, |ui| {
            for (i, name) in names.iter().enumerate() {
                ui.selectable_value(&mut picked, i, name.as_str());
            }
        });
    });
    if picked != shown {
        entry.block = picked.checked_sub(1);
        let text = entry.text_to_import().to_owned();
        entry.preview = preview_of(&text);
    }
}

/// "<article>: The minister said…".
fn block_name(source: &str, first_line: &str) -> String {
    let line = crate::text::one_line(first_line.trim_start(), FIRST_LINE_CHARS);
    format!("{source}: {line}")
}

impl ImportEntry {
    /// The text the import adds: the block picked, else the text extracted.
    pub(super) fn text_to_import(&self) -> &str {
        let Ok(imported) = &self.result else {
            return "";
        };
        match self.block.and_then(|i| imported.candidates.get(i)) {
            Some(candidate) => &candidate.text,
            None => &imported.article.text,
        }
    }

    /// `article` with the block picked as its text (normalised as imports are).
    pub(super) fn with_block_picked(&self, mut article: Article) -> Article {
        if self.block.is_some() {
            article.text = crate::import::normalise(self.text_to_import());
        }
        article
    }
}
