//! File ▸ Import article…: the files chosen, each decoded with the encoding
//! found or one the user picks (with a live preview of the first lines),
//! and an editable metadata form, before anything is added. And File ▸ New
//! article from clipboard: pasted text, checked before it is added.
//!
//! The dialog keeps each file's bytes, so choosing another encoding decodes
//! again without touching the disk. It returns finished [`Article`]s; the
//! window adds them through its one command path, so the import is undoable.
//!
//! Drawing a frame never copies or scans an article's text: the preview and
//! the summary line are worked out once per decode, and the articles are
//! built only when the user presses Import.

use crate::edit::ArticleDetails;
use crate::import::{self, ImportOptions, Imported};
use crate::model::Article;
use crate::ui::widgets::{
    Choice, PromptFrame, choice_row, labelled_field, modal_prompt, name_widget,
};
use egui::RichText;
use encoding_rs::Encoding;
use std::path::PathBuf;

/// Encodings offered when detection is wrong, most likely first.
const ENCODINGS: [&Encoding; 14] = [
    encoding_rs::UTF_8,
    encoding_rs::UTF_16LE,
    encoding_rs::UTF_16BE,
    encoding_rs::WINDOWS_1251,
    encoding_rs::KOI8_R,
    encoding_rs::KOI8_U,
    encoding_rs::IBM866,
    encoding_rs::ISO_8859_5,
    encoding_rs::GB18030,
    encoding_rs::BIG5,
    encoding_rs::SHIFT_JIS,
    encoding_rs::EUC_JP,
    encoding_rs::EUC_KR,
    encoding_rs::WINDOWS_1252,
];

/// Lines of text shown in the preview.
const PREVIEW_LINES: usize = 12;

/// At most this many chars of text in the preview, however long its lines.
pub const PREVIEW_CHARS: usize = 2_000;

/// How the dialog ended.
#[derive(Debug)]
pub enum ImportOutcome {
    Import(Vec<Article>),
    Cancel,
}

/// The metadata the user can edit before importing: the article's details
/// as [`ArticleDetails`], with the publication date kept as typed, so a
/// half-typed date is not lost (`details.published` is what the file said;
/// the date imported is parsed from `published`).
#[derive(Clone, Debug, PartialEq)]
pub struct MetadataForm {
    pub details: ArticleDetails,
    pub published: String,
}

/// One editable text field of the form: its label (also its accessible
/// name) and where its text is.
type FormField = (&'static str, fn(&mut MetadataForm) -> &mut String);

/// The form's fields, in the order shown. The rows, [`MetadataForm::follow`]
/// and [`MetadataForm::apply_to`] all go by this one list.
const FORM_FIELDS: [FormField; 6] = [
    ("Title", |form| &mut form.details.title),
    ("Outlet", |form| &mut form.details.outlet),
    ("Author", |form| &mut form.details.author),
    ("URL", |form| &mut form.details.url),
    ("Published", |form| &mut form.published),
    ("Language", |form| &mut form.details.language),
];

impl MetadataForm {
    /// The form filled in from what `article` says.
    pub fn of(article: &Article) -> Self {
        MetadataForm {
            details: ArticleDetails::of(article),
            published: article.published.map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    /// The publication date, or a message saying what is wrong with it.
    pub fn published_date(&self) -> Result<Option<jiff::civil::Date>, String> {
        let text = self.published.trim();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse()
            .map(Some)
            .map_err(|_| format!("“{text}” is not a date of the form YYYY-MM-DD"))
    }

    /// Becomes what the file now says (`now`), except for the fields the
    /// user changed from what it said before (`before`): those are kept, so
    /// choosing another encoding does not undo their typing. Returns `now`,
    /// to compare with next time.
    fn follow(&mut self, mut before: MetadataForm, now: MetadataForm) -> MetadataForm {
        let mut shown = std::mem::replace(self, now.clone());
        for (_, field) in FORM_FIELDS {
            let typed = field(&mut shown);
            if typed != field(&mut before) {
                std::mem::swap(field(self), typed);
            }
        }
        now
    }

    /// Puts the form's details, trimmed, on `article` (whose text it leaves
    /// alone), or says why the form cannot be used.
    fn apply_to(&self, article: &mut Article) -> Result<(), String> {
        let published = self.published_date()?;
        let mut form = self.clone();
        for (_, field) in FORM_FIELDS {
            let value = field(&mut form);
            *value = value.trim().to_owned();
        }
        form.details.published = published;
        form.details.apply_to(article);
        Ok(())
    }
}

impl Default for MetadataForm {
    fn default() -> Self {
        MetadataForm::of(&Article::new("", ""))
    }
}

/// One file in the dialog.
#[derive(Debug)]
pub struct ImportEntry {
    pub path: PathBuf,
    bytes: Result<Vec<u8>, String>,
    /// `None`: detect.
    pub encoding: Option<&'static Encoding>,
    result: Result<Imported, String>,
    pub form: MetadataForm,
    /// What the file itself said, the last time it was decoded.
    read: MetadataForm,
    pub include: bool,
    /// The first lines of the decoded text, worked out once per decode.
    preview: String,
    /// Format, encoding and length of the decoded text, once per decode.
    summary: String,
}

impl ImportEntry {
    /// Reads `path` and decodes it with the detected encoding.
    pub fn read(path: PathBuf) -> Self {
        let bytes = import::read_article_file(&path).map_err(|e| e.to_string());
        let mut entry = ImportEntry {
            path,
            bytes,
            encoding: None,
            result: Err(String::new()),
            form: MetadataForm::default(),
            read: MetadataForm::default(),
            include: true,
            preview: String::new(),
            summary: String::new(),
        };
        entry.decode();
        entry
    }

    /// The decoded file, or why it could not be decoded.
    pub fn result(&self) -> &Result<Imported, String> {
        &self.result
    }

    /// Decodes again with `encoding` (`None` to detect); the form is refilled
    /// from what the file says.
    pub fn set_encoding(&mut self, encoding: Option<&'static Encoding>) {
        self.encoding = encoding;
        self.decode();
    }

    fn decode(&mut self) {
        self.result = match &self.bytes {
            Ok(bytes) => {
                let options = ImportOptions {
                    encoding: self.encoding,
                    ..Default::default()
                };
                import::import_bytes(&self.path, bytes, &options).map_err(|e| e.to_string())
            }
            Err(message) => Err(message.clone()),
        };
        self.include = self.result.is_ok();
        self.preview.clear();
        self.summary.clear();
        if let Ok(imported) = &self.result {
            self.preview = preview_of(&imported.article.text);
            self.summary = format!(
                "{}, {} ({}), {} characters",
                imported.format.label(),
                imported.encoding.name(),
                imported.detection.describe(),
                imported.article.char_len()
            );
            let before = std::mem::take(&mut self.read);
            self.read = self
                .form
                .follow(before, MetadataForm::of(&imported.article));
        }
    }

    /// The first lines of the decoded text (at most [`PREVIEW_CHARS`]
    /// chars), as worked out when it was decoded; empty when it was not.
    pub fn preview(&self) -> &str {
        &self.preview
    }

    /// Whether this file is to be imported and whether its form allows it;
    /// builds nothing.
    fn check(&self) -> Option<Result<&Imported, String>> {
        let imported = self.result.as_ref().ok().filter(|_| self.include)?;
        Some(
            self.form
                .published_date()
                .map(|_| imported)
                .map_err(|e| format!("{}: {e}", self.file_name())),
        )
    }

    fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }
}

/// The first [`PREVIEW_LINES`] lines of `text`, cut to [`PREVIEW_CHARS`]
/// chars with "…" when longer; reads no further into `text` than that.
fn preview_of(text: &str) -> String {
    let mut preview = String::new();
    let mut room = PREVIEW_CHARS;
    for (n, line) in text.lines().take(PREVIEW_LINES).enumerate() {
        if n > 0 {
            if room == 0 {
                preview.push('…');
                break;
            }
            preview.push('\n');
            room -= 1;
        }
        match line.char_indices().nth(room) {
            Some((cut, _)) => {
                preview.push_str(&line[..cut]);
                preview.push('…');
                break;
            }
            None => {
                preview.push_str(line);
                room -= line.chars().count();
            }
        }
    }
    preview
}

/// The dialog's state: the files and which one is shown.
#[derive(Debug)]
pub struct ImportDialog {
    pub entries: Vec<ImportEntry>,
    pub selected: usize,
}

impl ImportDialog {
    pub fn new(paths: Vec<PathBuf>) -> Self {
        ImportDialog {
            entries: paths.into_iter().map(ImportEntry::read).collect(),
            selected: 0,
        }
    }

    /// How many articles an import would add, or the first problem that
    /// prevents it. Cheap enough for every frame: it builds nothing.
    pub fn ready(&self) -> Result<usize, String> {
        let mut count = 0;
        for checked in self.entries.iter().filter_map(ImportEntry::check) {
            checked?;
            count += 1;
        }
        if count == 0 {
            return Err("No file can be imported.".to_owned());
        }
        Ok(count)
    }

    /// The articles to add, or the first problem that prevents it. Each is
    /// a copy of its text: call it once, when the user presses Import.
    pub fn articles(&self) -> Result<Vec<Article>, String> {
        self.ready()?;
        let mut articles = Vec::new();
        for entry in &self.entries {
            if let Some(imported) = entry.check().transpose()? {
                let mut article = imported.article.clone();
                entry
                    .form
                    .apply_to(&mut article)
                    .map_err(|e| format!("{}: {e}", entry.file_name()))?;
                articles.push(article);
            }
        }
        Ok(articles)
    }

    /// Draws the dialog; returns how it ended, once it has.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<ImportOutcome> {
        let frame = PromptFrame {
            id: "import-dialog",
            title: "Import articles",
            width: 760.0,
        };
        modal_prompt(ctx, frame, Some(ImportOutcome::Cancel), |ui| {
            ui.set_width(760.0);
            ui.add_space(4.0);
            ui.horizontal_top(|ui| {
                self.file_list(ui);
                ui.add_space(12.0);
                ui.vertical(|ui| {
                    ui.set_width(520.0);
                    if let Some(entry) = self.entries.get_mut(self.selected) {
                        entry_details(ui, entry);
                    }
                });
            });
            ui.separator();
            self.buttons(ui)
        })
    }

    fn file_list(&mut self, ui: &mut egui::Ui) {
        ui.vertical(|ui| {
            ui.set_width(200.0);
            ui.label(RichText::new("Files").strong());
            for (n, entry) in self.entries.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    let include = ui.add_enabled(
                        entry.result.is_ok(),
                        egui::Checkbox::without_text(&mut entry.include),
                    );
                    let name = format!("Import {}", entry.file_name());
                    name_widget(ui, &include, &name);
                    let mark = if entry.result.is_ok() { "" } else { "⚠ " };
                    let label = format!("{mark}{}", entry.file_name());
                    if ui.selectable_label(self.selected == n, label).clicked() {
                        self.selected = n;
                    }
                });
            }
        });
    }

    fn buttons(&self, ui: &mut egui::Ui) -> Option<ImportOutcome> {
        #[derive(Clone, Copy)]
        enum Pressed {
            Import,
            Cancel,
        }
        let ready = self.ready();
        let label = match ready {
            Ok(1) => "Import 1 article".to_owned(),
            Ok(n) => format!("Import {n} articles"),
            Err(_) => "Import 0 articles".to_owned(),
        };
        let pressed = choice_row(
            ui,
            &[
                Choice::new(label.as_str(), Pressed::Import).enabled(ready.is_ok()),
                Choice::new("Cancel", Pressed::Cancel),
            ],
        );
        if let Err(problem) = &ready {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
        match pressed? {
            Pressed::Import => self.articles().ok().map(ImportOutcome::Import),
            Pressed::Cancel => Some(ImportOutcome::Cancel),
        }
    }
}

fn entry_details(ui: &mut egui::Ui, entry: &mut ImportEntry) {
    ui.label(RichText::new(entry.path.display().to_string()).weak());
    encoding_picker(ui, entry);
    if let Err(message) = &entry.result {
        ui.colored_label(ui.visuals().error_fg_color, message);
        return;
    }
    ui.label(entry.summary.as_str());
    metadata_form(ui, &mut entry.form);
    ui.label(RichText::new("Preview").strong());
    egui::ScrollArea::vertical()
        .max_height(180.0)
        .auto_shrink([false, false])
        .id_salt("import-preview")
        .show(ui, |ui| {
            ui.add(egui::Label::new(entry.preview()).wrap());
        });
}

fn encoding_picker(ui: &mut egui::Ui, entry: &mut ImportEntry) {
    let shown = match entry.encoding {
        None => "Detect automatically",
        Some(encoding) => encoding.name(),
    };
    let mut choice = entry.encoding;
    ui.horizontal(|ui| {
        ui.label("Encoding");
        let combo = egui::ComboBox::from_id_salt("import-encoding")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut choice, None, "Detect automatically");
                for encoding in ENCODINGS {
                    ui.selectable_value(&mut choice, Some(encoding), encoding.name());
                }
            });
        name_widget(ui, &combo.response, "Encoding");
    });
    if choice != entry.encoding {
        entry.set_encoding(choice);
    }
}

fn metadata_form(ui: &mut egui::Ui, form: &mut MetadataForm) {
    egui::Grid::new("import-metadata")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for (label, field) in FORM_FIELDS {
                let edit = egui::TextEdit::singleline(field(form))
                    .desired_width(400.0)
                    .id_salt(label);
                labelled_field(ui, label, edit);
                ui.end_row();
                if label == "URL" && crate::model::url_lacks_scheme(field(form)) {
                    ui.label("");
                    crate::ui::widgets::url_warning(ui, field(form));
                    ui.end_row();
                }
            }
        });
    if let Err(problem) = form.published_date() {
        ui.colored_label(ui.visuals().warn_fg_color, problem);
    }
}

/// Text pasted as a new article; the title is its first line unless given.
#[derive(Debug, Default)]
pub struct PasteDialog {
    pub text: String,
    pub title: String,
    problem: Option<String>,
}

impl PasteDialog {
    /// The dialog holding `text` (what the clipboard had, perhaps nothing).
    pub fn new(text: String) -> Self {
        PasteDialog {
            text,
            ..Default::default()
        }
    }

    /// The article the text makes, or why it makes none.
    pub fn article(&self) -> Result<Article, String> {
        let title = self.title.trim();
        let options = ImportOptions {
            title: (!title.is_empty()).then(|| title.to_owned()),
            ..Default::default()
        };
        import::article_from_clipboard(&self.text, &options).map_err(|_| {
            "There is no text to make an article of: paste it above (Ctrl+V).".to_owned()
        })
    }

    /// Draws the dialog: `Some(Some(article))` to add, `Some(None)` on cancel.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Option<Article>> {
        let frame = PromptFrame {
            id: "paste-dialog",
            title: "New article from clipboard",
            width: 640.0,
        };
        modal_prompt(ctx, frame, Some(None), |ui| {
            ui.set_width(640.0);
            ui.label("The first line becomes the title unless you give one.");
            ui.horizontal(|ui| {
                let title = egui::TextEdit::singleline(&mut self.title)
                    .hint_text("from the first line")
                    .desired_width(540.0);
                labelled_field(ui, "Title", title);
            });
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .auto_shrink([false, false])
                .id_salt("paste-text")
                .show(ui, |ui| {
                    let response = ui.add(
                        egui::TextEdit::multiline(&mut self.text)
                            .hint_text("Paste the article's text here (Ctrl+V)")
                            .desired_width(f32::INFINITY)
                            .desired_rows(16),
                    );
                    name_widget(ui, &response, "Article text to add");
                });
            let pressed = choice_row(
                ui,
                &[
                    Choice::new("Add article", true),
                    Choice::new("Cancel", false),
                ],
            );
            let answer = match pressed {
                Some(true) => match self.article() {
                    Ok(article) => Some(Some(article)),
                    Err(problem) => {
                        self.problem = Some(problem);
                        None
                    }
                },
                Some(false) => Some(None),
                None => None,
            };
            if let Some(problem) = &self.problem {
                ui.colored_label(ui.visuals().warn_fg_color, problem);
            }
            answer
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry_of(name: &str, bytes: &[u8]) -> (tempfile::TempDir, ImportEntry) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        (dir, ImportEntry::read(path))
    }

    #[test]
    fn the_preview_is_the_first_lines_cut_to_a_bound() {
        assert_eq!(preview_of("один\nдва\n\nтри"), "один\nдва\n\nтри");
        let lines: Vec<String> = (1..=20).map(|n| n.to_string()).collect();
        assert_eq!(preview_of(&lines.join("\n")), lines[..12].join("\n"));
        let long = "字".repeat(PREVIEW_CHARS * 3);
        let cut = preview_of(&long);
        assert_eq!(cut.chars().count(), PREVIEW_CHARS + 1);
        assert!(cut.ends_with("字…"), "{cut}");
        let full_then_more = format!("{}\nnext", "a".repeat(PREVIEW_CHARS));
        assert_eq!(
            preview_of(&full_then_more),
            format!("{}…", "a".repeat(PREVIEW_CHARS))
        );
    }

    #[test]
    fn a_one_line_article_of_a_megabyte_previews_briefly() {
        let text = "Слово ".repeat(200_000);
        let (_dir, entry) = entry_of("one-line.txt", text.as_bytes());
        let article_len = entry.result().as_ref().unwrap().article.char_len();
        assert!(article_len > 1_000_000, "{article_len}");
        assert!(entry.preview().chars().count() <= PREVIEW_CHARS + 1);
        assert!(entry.preview().starts_with("Слово Слово"));
        assert!(
            entry.summary.contains(&format!("{article_len} characters")),
            "{}",
            entry.summary
        );
    }

    #[test]
    fn the_cached_preview_and_the_form_follow_each_decode() {
        let text = "Заголовок статьи\n\nПервый абзац.\nВторой абзац.";
        let (encoded, _, _) = encoding_rs::KOI8_R.encode(text);
        let (_dir, mut entry) = entry_of("статья.txt", &encoded);
        entry.set_encoding(Some(encoding_rs::KOI8_R));
        let right = entry.preview().to_owned();
        assert!(right.starts_with("Первый абзац."), "{right}");
        let title = entry.form.details.title.clone();
        assert_eq!(title, "Заголовок статьи");
        entry.form.details.author = "Иван Петров".into();

        entry.set_encoding(Some(encoding_rs::WINDOWS_1251));
        assert_ne!(entry.preview(), right, "decoded again, previewed again");
        assert_ne!(
            entry.form.details.title, title,
            "read from the file: follows"
        );
        assert_eq!(entry.form.details.author, "Иван Петров", "typed: kept");

        entry.set_encoding(Some(encoding_rs::KOI8_R));
        assert_eq!(entry.preview(), right);
        assert_eq!(entry.form.details.title, title);

        entry.set_encoding(Some(encoding_rs::UTF_8));
        assert!(entry.result().is_err());
        assert_eq!(entry.preview(), "", "nothing decoded, nothing previewed");
    }

    #[test]
    fn the_form_keeps_a_half_typed_date_and_applies_trimmed_fields() {
        let mut article = Article::new("Old", "Text stays.");
        article.notes = "kept".into();
        let mut form = MetadataForm::of(&article);
        form.published = "2025-0".into();
        assert!(form.apply_to(&mut article.clone()).is_err());
        assert_eq!(form.published, "2025-0", "the typing is not lost");
        form.published = " 2025-05-06 ".into();
        form.details.title = "  New title ".into();
        form.details.language = " ru ".into();
        form.apply_to(&mut article).unwrap();
        assert_eq!(article.title, "New title");
        assert_eq!(article.language, "ru");
        assert_eq!(article.published.unwrap().to_string(), "2025-05-06");
        assert_eq!(
            (article.text.as_str(), article.notes.as_str()),
            ("Text stays.", "kept")
        );
        assert_eq!(FORM_FIELDS.map(|(label, _)| label)[4], "Published");
    }
}
