//! File ▸ Import article…: the files chosen, each decoded with the encoding
//! found or one the user picks (with a live preview of the first lines),
//! and an editable metadata form, before anything is added. And File ▸ New
//! article from clipboard: pasted text, checked before it is added.
//!
//! The dialog keeps each file's bytes, so choosing another encoding decodes
//! again without touching the disk. It returns finished [`Article`]s; the
//! window adds them through its one command path, so the import is undoable.

use crate::import::{self, ImportOptions, Imported};
use crate::model::Article;
use egui::{Id, Modal, RichText};
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

/// How the dialog ended.
#[derive(Debug)]
pub enum ImportOutcome {
    Import(Vec<Article>),
    Cancel,
}

/// The metadata fields the user can edit before importing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MetadataForm {
    pub title: String,
    pub outlet: String,
    pub author: String,
    pub url: String,
    pub published: String,
    pub language: String,
}

impl MetadataForm {
    fn from_article(article: &Article) -> Self {
        MetadataForm {
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            author: article.author.clone(),
            url: article.url.clone(),
            published: article.published.map(|d| d.to_string()).unwrap_or_default(),
            language: article.language.clone(),
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

    /// Takes what the file now says (`now`) for every field the user left
    /// as the file said before (`before`); fields the user edited are kept,
    /// so choosing another encoding does not undo their typing.
    fn follow(&mut self, before: &MetadataForm, now: &MetadataForm) {
        let fields = [
            (&mut self.title, &before.title, &now.title),
            (&mut self.outlet, &before.outlet, &now.outlet),
            (&mut self.author, &before.author, &now.author),
            (&mut self.url, &before.url, &now.url),
            (&mut self.published, &before.published, &now.published),
            (&mut self.language, &before.language, &now.language),
        ];
        for (shown, before, now) in fields {
            if shown == before {
                shown.clone_from(now);
            }
        }
    }

    fn apply_to(&self, article: &mut Article) -> Result<(), String> {
        article.published = self.published_date()?;
        article.title = self.title.trim().to_owned();
        article.outlet = self.outlet.trim().to_owned();
        article.author = self.author.trim().to_owned();
        article.url = self.url.trim().to_owned();
        article.language = self.language.trim().to_owned();
        Ok(())
    }
}

/// One file in the dialog.
#[derive(Debug)]
pub struct ImportEntry {
    pub path: PathBuf,
    bytes: Result<Vec<u8>, String>,
    /// `None`: detect.
    pub encoding: Option<&'static Encoding>,
    pub result: Result<Imported, String>,
    pub form: MetadataForm,
    /// What the file itself said, the last time it was decoded.
    read: MetadataForm,
    pub include: bool,
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
        };
        entry.decode();
        entry
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
        if let Ok(imported) = &self.result {
            let read = MetadataForm::from_article(&imported.article);
            self.form.follow(&self.read, &read);
            self.read = read;
        }
    }

    /// The first lines of the decoded text.
    pub fn preview(&self) -> String {
        match &self.result {
            Ok(imported) => imported
                .article
                .text
                .lines()
                .take(PREVIEW_LINES)
                .collect::<Vec<_>>()
                .join("\n"),
            Err(_) => String::new(),
        }
    }

    /// The article to add, with the form's metadata, if this file is included.
    fn finished(&self) -> Option<Result<Article, String>> {
        let imported = self.result.as_ref().ok().filter(|_| self.include)?;
        let mut article = imported.article.clone();
        Some(self.form.apply_to(&mut article).map(|()| article))
    }

    fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }
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

    /// The articles to add, or the first problem that prevents it.
    pub fn articles(&self) -> Result<Vec<Article>, String> {
        let articles: Vec<Article> = self
            .entries
            .iter()
            .filter_map(|entry| {
                entry
                    .finished()
                    .map(|r| r.map_err(|e| format!("{}: {e}", entry.file_name())))
            })
            .collect::<Result<_, _>>()?;
        if articles.is_empty() {
            return Err("No file can be imported.".to_owned());
        }
        Ok(articles)
    }

    /// Draws the dialog; returns how it ended, once it has.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<ImportOutcome> {
        let mut outcome = None;
        let modal = Modal::new(Id::unique("import-dialog")).show(ctx, |ui| {
            ui.set_width(760.0);
            ui.heading("Import articles");
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
            outcome = self.buttons(ui);
        });
        if outcome.is_none() && modal.should_close() {
            outcome = Some(ImportOutcome::Cancel);
        }
        outcome
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
                    crate::ui::widgets::name_widget(ui, &include, &name);
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
        let ready = self.articles();
        let count = ready.as_ref().map_or(0, Vec::len);
        let mut outcome = None;
        ui.horizontal(|ui| {
            let label = match count {
                1 => "Import 1 article".to_owned(),
                n => format!("Import {n} articles"),
            };
            if ui
                .add_enabled(ready.is_ok(), egui::Button::new(label))
                .clicked()
                && let Ok(articles) = self.articles()
            {
                outcome = Some(ImportOutcome::Import(articles));
            }
            if ui.button("Cancel").clicked() {
                outcome = Some(ImportOutcome::Cancel);
            }
            if let Err(problem) = &ready {
                ui.colored_label(ui.visuals().warn_fg_color, problem);
            }
        });
        outcome
    }
}

fn entry_details(ui: &mut egui::Ui, entry: &mut ImportEntry) {
    ui.label(RichText::new(entry.path.display().to_string()).weak());
    encoding_picker(ui, entry);
    match &entry.result {
        Err(message) => {
            ui.colored_label(ui.visuals().error_fg_color, message);
        }
        Ok(imported) => {
            ui.label(format!(
                "{}, {} ({}), {} characters",
                imported.format.label(),
                imported.encoding.name(),
                imported.detection.describe(),
                imported.article.char_len()
            ));
            metadata_form(ui, &mut entry.form);
            ui.label(RichText::new("Preview").strong());
            let preview = entry.preview();
            egui::ScrollArea::vertical()
                .max_height(180.0)
                .auto_shrink([false, false])
                .id_salt("import-preview")
                .show(ui, |ui| {
                    ui.add(egui::Label::new(preview).wrap());
                });
        }
    }
}

fn encoding_picker(ui: &mut egui::Ui, entry: &mut ImportEntry) {
    let shown = match entry.encoding {
        None => "Detect automatically".to_owned(),
        Some(encoding) => encoding.name().to_owned(),
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
        crate::ui::widgets::name_widget(ui, &combo.response, "Encoding");
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
            let field = |ui: &mut egui::Ui, name: &str, value: &mut String| {
                ui.label(name);
                let response = ui.add(
                    egui::TextEdit::singleline(value)
                        .desired_width(400.0)
                        .id_salt(name),
                );
                crate::ui::widgets::name_widget(ui, &response, name);
                ui.end_row();
            };
            field(ui, "Title", &mut form.title);
            field(ui, "Outlet", &mut form.outlet);
            field(ui, "Author", &mut form.author);
            field(ui, "URL", &mut form.url);
            field(ui, "Published", &mut form.published);
            field(ui, "Language", &mut form.language);
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
        let mut outcome = None;
        let modal = Modal::new(Id::unique("paste-dialog")).show(ctx, |ui| {
            ui.set_width(640.0);
            ui.heading("New article from clipboard");
            ui.label("The first line becomes the title unless you give one.");
            ui.horizontal(|ui| {
                ui.label("Title");
                let response = ui.add(
                    egui::TextEdit::singleline(&mut self.title)
                        .hint_text("from the first line")
                        .desired_width(540.0),
                );
                crate::ui::widgets::name_widget(ui, &response, "Title");
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
                    crate::ui::widgets::name_widget(ui, &response, "Article text to add");
                });
            ui.horizontal(|ui| {
                if ui.button("Add article").clicked() {
                    match self.article() {
                        Ok(article) => outcome = Some(Some(article)),
                        Err(problem) => self.problem = Some(problem),
                    }
                }
                if ui.button("Cancel").clicked() {
                    outcome = Some(None);
                }
                if let Some(problem) = &self.problem {
                    ui.colored_label(ui.visuals().warn_fg_color, problem);
                }
            });
        });
        if outcome.is_none() && modal.should_close() {
            outcome = Some(None);
        }
        outcome
    }
}
