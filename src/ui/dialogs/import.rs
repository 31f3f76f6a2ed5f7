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

use crate::import::background::{self, Decoder, FileDecoded, Job};
use crate::import::{self, ImportOptions, Imported};
use crate::model::Article;
use crate::ui::widgets::{Choice, PromptFrame, choice_row, modal_prompt, name_widget};
mod blocks;
mod form;
mod paste;
mod transcript;

pub use form::MetadataForm;
use form::metadata_form;
pub use paste::PasteDialog;

use egui::RichText;
use encoding_rs::Encoding;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

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

/// Files up to this size are decoded in the frame that opens the dialog
/// (or changes the encoding): with bounded HTML import a page this size,
/// even a hostile one, takes some tens of milliseconds (the 220 KB page of
/// 20,000 nested `<div>`s takes 0.19 s in `cargo bench --bench import`).
/// Larger files, and files whose size cannot be known beforehand (pipes),
/// are decoded on a worker with a progress line and Cancel.
pub const DECODED_AT_ONCE_BYTES: u64 = 64 * 1024;

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

/// One file in the dialog.
pub struct ImportEntry {
    pub path: PathBuf,
    /// The file's bytes, once read (empty while they are being read).
    bytes: Result<Arc<Vec<u8>>, String>,
    /// `None`: detect.
    pub encoding: Option<&'static Encoding>,
    result: Result<Imported, String>,
    /// The read or decode running on a worker, if any.
    job: Option<Job<FileDecoded>>,
    decoder: Decoder,
    pub form: MetadataForm,
    /// How a `.txt` file is read (`--as`): `None` to tell by its lines.
    pub read_as: Option<import::ReadAs>,
    /// The recording a transcript transcribes, as typed.
    pub media_url: String,
    /// What the file itself said, the last time it was decoded.
    read: MetadataForm,
    pub include: bool,
    /// The page's block picked instead of the text extracted (an index
    /// into `Imported::candidates`); `None`: the text extracted.
    pub block: Option<usize>,
    /// The first lines of the decoded text, worked out once per decode.
    preview: String,
    /// Format, encoding and length of the decoded text, once per decode.
    summary: String,
}

impl std::fmt::Debug for ImportEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportEntry")
            .field("path", &self.path)
            .field("encoding", &self.encoding.map(Encoding::name))
            .field("decoding", &self.is_decoding())
            .field("result", &self.result.as_ref().map(|i| i.format))
            .finish()
    }
}

impl ImportEntry {
    /// Reads `path` and decodes it with the detected encoding, waiting for
    /// the result.
    pub fn read(path: PathBuf) -> Self {
        let mut entry = ImportEntry::in_background(path, import::background::standard_decoder());
        entry.wait();
        entry
    }

    /// Starts reading and decoding `path` on a worker with `decoder`.
    pub fn in_background(path: PathBuf, decoder: Decoder) -> Self {
        let mut entry = ImportEntry {
            path,
            bytes: Err(String::new()),
            encoding: None,
            result: Err(String::new()),
            job: None,
            decoder,
            form: MetadataForm::default(),
            read_as: None,
            media_url: String::new(),
            read: MetadataForm::default(),
            include: false,
            block: None,
            preview: String::new(),
            summary: String::new(),
        };
        entry.start_decode(None);
        entry
    }

    /// The decoded file, or why it could not be decoded.
    pub fn result(&self) -> &Result<Imported, String> {
        &self.result
    }

    /// Whether the file is still being read or decoded.
    pub fn is_decoding(&self) -> bool {
        self.job.is_some()
    }

    /// Decodes again with `encoding` (`None` to detect), waiting for the
    /// result; the form is refilled from what the file says.
    pub fn set_encoding(&mut self, encoding: Option<&'static Encoding>) {
        self.choose_encoding(encoding);
        self.wait();
    }

    /// Starts decoding again with `encoding` on a worker, or decodes at
    /// once when the file is small.
    pub fn choose_encoding(&mut self, encoding: Option<&'static Encoding>) {
        self.encoding = encoding;
        let bytes = self.bytes.as_ref().ok().map(Arc::clone);
        let small = bytes
            .as_ref()
            .is_some_and(|b| b.len() as u64 <= DECODED_AT_ONCE_BYTES);
        self.start_decode(bytes);
        if small {
            self.wait();
        }
    }

    fn start_decode(&mut self, bytes: Option<Arc<Vec<u8>>>) {
        let options = ImportOptions {
            encoding: self.encoding,
            read_as: self.read_as,
            ..Default::default()
        };
        let decoder = Arc::clone(&self.decoder);
        self.job = Some(background::decode_file(
            self.path.clone(),
            bytes,
            options,
            decoder,
        ));
    }

    /// Takes the worker's result if it is done; true once nothing runs.
    pub fn poll(&mut self) -> bool {
        let Some(done) = self.job.as_ref().and_then(Job::poll) else {
            return self.job.is_none();
        };
        self.job = None;
        self.finish(done);
        true
    }

    fn wait(&mut self) {
        if let Some(job) = self.job.take() {
            let done = job.wait();
            self.finish(done);
        }
    }

    fn finish(&mut self, done: Option<FileDecoded>) {
        let done = done.unwrap_or_else(|| FileDecoded {
            bytes: Err("The file could not be read.".to_owned()),
            result: Err("The file could not be read.".to_owned()),
        });
        if self.bytes.is_err() {
            self.bytes = done.bytes;
        }
        self.result = done.result;
        self.include = self.result.is_ok();
        self.block = None;
        self.preview.clear();
        self.summary.clear();
        if let Ok(imported) = &self.result {
            self.preview = preview_of(&imported.article.text);
            self.summary = format!(
                "{}, {} ({}), {} characters",
                transcript::format_label(imported),
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

    /// "Reading… 2.1 s", for the file list and the details.
    fn progress(&self) -> Option<String> {
        let job = self.job.as_ref()?;
        let size = std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0);
        let size = if size >= 1_000_000 {
            format!(" {:.1} MB,", size as f64 / 1e6)
        } else {
            String::new()
        };
        Some(format!(
            "Reading and extracting the article…{size} {:.1} s",
            job.elapsed().as_secs_f64()
        ))
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

/// A regular file of at most [`DECODED_AT_ONCE_BYTES`].
fn is_small_file(path: &std::path::Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() <= DECODED_AT_ONCE_BYTES)
}

/// The dialog's state: the files and which one is shown.
#[derive(Debug)]
pub struct ImportDialog {
    pub entries: Vec<ImportEntry>,
    pub selected: usize,
}

impl ImportDialog {
    /// The dialog on `paths`, each read and decoded before this returns.
    pub fn new(paths: Vec<PathBuf>) -> Self {
        ImportDialog {
            entries: paths.into_iter().map(ImportEntry::read).collect(),
            selected: 0,
        }
    }

    /// The dialog on `paths` as the window opens it: small files are
    /// decoded before this returns, the others on workers while it is drawn
    /// (see [`DECODED_AT_ONCE_BYTES`]).
    pub fn open(paths: Vec<PathBuf>) -> Self {
        let decoder = background::standard_decoder();
        let entries = paths
            .into_iter()
            .map(|path| {
                let mut entry = ImportEntry::in_background(path, Arc::clone(&decoder));
                if is_small_file(&entry.path) {
                    entry.wait();
                }
                entry
            })
            .collect();
        ImportDialog {
            entries,
            selected: 0,
        }
    }

    /// Like [`ImportDialog::in_background`], decoding with `decoder`.
    pub fn in_background_with(paths: Vec<PathBuf>, decoder: Decoder) -> Self {
        let entries = paths
            .into_iter()
            .map(|path| ImportEntry::in_background(path, Arc::clone(&decoder)))
            .collect();
        ImportDialog {
            entries,
            selected: 0,
        }
    }

    /// Takes the results of finished workers; true while some still run.
    pub fn poll(&mut self) -> bool {
        let mut running = false;
        for entry in &mut self.entries {
            running |= !entry.poll();
        }
        running
    }

    /// How many articles an import would add, or the first problem that
    /// prevents it. Cheap enough for every frame: it builds nothing.
    pub fn ready(&self) -> Result<usize, String> {
        if let Some(entry) = self.entries.iter().find(|e| e.is_decoding()) {
            return Err(format!("Reading {}…", entry.file_name()));
        }
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
                let mut article = entry.with_block_picked(imported.article.clone());
                entry
                    .form
                    .apply_to(&mut article)
                    .map_err(|e| format!("{}: {e}", entry.file_name()))?;
                transcript::apply_media_url(entry, &mut article);
                articles.push(article);
            }
        }
        Ok(articles)
    }

    /// Draws the dialog; returns how it ended, once it has.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<ImportOutcome> {
        if self.poll() {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
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
                        entry.result.is_ok() && !entry.is_decoding(),
                        egui::Checkbox::without_text(&mut entry.include),
                    );
                    let name = format!("Import {}", entry.file_name());
                    name_widget(ui, &include, &name);
                    let mark = match (entry.is_decoding(), entry.result.is_ok()) {
                        (true, _) => "⏳ ",
                        (false, true) => "",
                        (false, false) => "⚠ ",
                    };
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
    if let Some(progress) = entry.progress() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(progress);
        });
        ui.label("Cancel stops it; nothing is added.");
        return;
    }
    encoding_picker(ui, entry);
    if let Err(message) = &entry.result {
        ui.colored_label(ui.visuals().error_fg_color, message);
        return;
    }
    ui.label(entry.summary.as_str());
    metadata_form(ui, &mut entry.form);
    transcript::media_url_field(ui, entry);
    blocks::warnings_and_blocks(ui, entry);
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
    let mut read_as = entry.read_as;
    ui.horizontal(|ui| {
        ui.label("Encoding");
        let combo = crate::ui::widgets::combo(
            ui,
            egui::ComboBox::from_id_salt("import-encoding").selected_text(shown),
            |ui| {
                ui.selectable_value(&mut choice, None, "Detect automatically");
                for encoding in ENCODINGS {
                    ui.selectable_value(&mut choice, Some(encoding), encoding.name());
                }
            },
        );
        name_widget(ui, &combo.response, "Encoding");
        transcript::read_as_picker(ui, entry, &mut read_as);
    });
    if choice != entry.encoding || read_as != entry.read_as {
        entry.read_as = read_as;
        entry.choose_encoding(choice);
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
}
