//! File dialogs, and which files are articles.
//!
//! The window asks for paths through the [`FilePicker`] trait: the real one
//! ([`NativePicker`]) runs rfd's native dialog on a background thread so the
//! window keeps drawing while it is open, and reports when no dialog could be
//! shown so the window can offer a path field instead. Tests answer with a
//! [`ScriptedPicker`]. A new use (say, exporting) only needs a new
//! [`Purpose`] and a match arm where the answer is handled.
//!
//! The settings the window remembers are in `settings.rs`.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// What a path is being asked for; comes back with the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Read a newer version of this article.
    UpdateArticle(crate::model::ArticleId),
    /// Open a workspace.
    Open,
    /// Save the workspace to a new file.
    SaveAs,
    /// Import an article.
    Import,
    /// Export the workspace in a format.
    Export(crate::export::Format),
    /// Start a new workspace with the verdict scale of this one.
    ScaleFrom,
    /// Add a folder to the claim library.
    LibraryFolder,
    /// The claim library's embedding model folder.
    EmbeddingModel,
    /// Compare another workspace file with the open one.
    CompareWith,
    /// Keep a saved copy of this source as a snapshot.
    AddSnapshot(crate::model::SourceId),
    /// Read a Meedan Check export (a ZIP) to turn into workspaces.
    CheckExport,
}

/// Whether the dialog picks an existing file or names a file to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    OpenFile,
    SaveFile,
    /// An existing folder.
    PickFolder,
}

/// A request for a path.
#[derive(Clone, Debug, PartialEq)]
pub struct PathRequest {
    pub purpose: Purpose,
    pub mode: Mode,
    pub title: String,
    /// (filter name, extensions without the dot).
    pub filters: Vec<(String, Vec<String>)>,
    pub folder: Option<PathBuf>,
    pub file_name: Option<String>,
}

impl PathRequest {
    pub fn open_workspace(folder: Option<PathBuf>) -> Self {
        PathRequest {
            purpose: Purpose::Open,
            mode: Mode::OpenFile,
            title: "Open workspace".into(),
            filters: vec![workspace_filter()],
            folder,
            file_name: None,
        }
    }

    pub fn save_workspace(folder: Option<PathBuf>, file_name: String) -> Self {
        PathRequest {
            purpose: Purpose::SaveAs,
            mode: Mode::SaveFile,
            title: "Save workspace as".into(),
            filters: vec![workspace_filter()],
            folder,
            file_name: Some(file_name),
        }
    }

    /// Pick a workspace file to compare the open workspace with.
    pub fn compare_with(folder: Option<PathBuf>) -> Self {
        PathRequest {
            purpose: Purpose::CompareWith,
            title: "Compare the workspace with".into(),
            ..PathRequest::open_workspace(folder)
        }
    }

    /// Pick a Meedan Check export (a ZIP of its CSV files).
    pub fn check_export(folder: Option<PathBuf>) -> Self {
        PathRequest {
            purpose: Purpose::CheckExport,
            mode: Mode::OpenFile,
            title: "Import Meedan Check export".into(),
            filters: vec![("Meedan Check export (.zip)".into(), vec!["zip".into()])],
            folder,
            file_name: None,
        }
    }

    /// Pick a workspace whose verdict scale a new workspace copies.
    pub fn scale_from_workspace(folder: Option<PathBuf>) -> Self {
        PathRequest {
            purpose: Purpose::ScaleFrom,
            mode: Mode::OpenFile,
            title: "Copy the verdict scale of a workspace".into(),
            filters: vec![workspace_filter()],
            folder,
            file_name: None,
        }
    }

    pub fn import_article(folder: Option<PathBuf>) -> Self {
        PathRequest {
            purpose: Purpose::Import,
            mode: Mode::OpenFile,
            title: "Import article".into(),
            filters: vec![(
                "Articles, documents and transcripts (.txt, .md, .html, .pdf, .docx, .vtt, .srt)"
                    .into(),
                ARTICLE_EXTENSIONS.iter().map(|e| (*e).to_owned()).collect(),
            )],
            folder,
            file_name: None,
        }
    }

    /// A folder to add to the claim library.
    pub fn library_folder(folder: Option<PathBuf>) -> Self {
        PathRequest {
            purpose: Purpose::LibraryFolder,
            mode: Mode::PickFolder,
            title: "Add a claim library folder".into(),
            filters: Vec::new(),
            folder,
            file_name: None,
        }
    }

    /// The folder of a static embedding model for the claim library.
    pub fn embedding_model(folder: Option<PathBuf>) -> Self {
        PathRequest {
            purpose: Purpose::EmbeddingModel,
            mode: Mode::PickFolder,
            title: "Choose an embedding model folder".into(),
            filters: Vec::new(),
            folder,
            file_name: None,
        }
    }

    /// A saved copy of a source (a page, web archive, image, PDF, text),
    /// from the workspace's folder; any file may be picked, as its kind is
    /// told by its content.
    pub fn add_snapshot(folder: Option<PathBuf>, source: crate::model::SourceId) -> Self {
        PathRequest {
            purpose: Purpose::AddSnapshot(source),
            mode: Mode::OpenFile,
            title: "Add a snapshot of the source".into(),
            filters: vec![
                (
                    "Saved pages, web archives, images, PDF, text".into(),
                    SNAPSHOT_EXTENSIONS
                        .iter()
                        .map(|e| (*e).to_owned())
                        .collect(),
                ),
                ("All files".into(), vec!["*".into()]),
            ],
            folder,
            file_name: None,
        }
    }

    /// A newer version of an article, read as an import is.
    pub fn update_article(folder: Option<PathBuf>, article: crate::model::ArticleId) -> Self {
        PathRequest {
            purpose: Purpose::UpdateArticle(article),
            title: "Newer version of the article".into(),
            ..PathRequest::import_article(folder)
        }
    }

    pub fn export(
        folder: Option<PathBuf>,
        format: crate::export::Format,
        file_name: String,
    ) -> Self {
        PathRequest {
            purpose: Purpose::Export(format),
            mode: Mode::SaveFile,
            title: format!("Export {}", format.label()),
            filters: vec![(
                format!("{} (.{})", format.label(), format.extension()),
                vec![format.extension().to_owned()],
            )],
            folder,
            file_name: Some(file_name),
        }
    }

    /// The path to prefill a typed-path fallback with.
    pub fn suggested_path(&self) -> String {
        let folder = self.folder.clone().or_else(default_folder);
        match (folder, &self.file_name) {
            (Some(folder), Some(name)) => folder.join(name).display().to_string(),
            (Some(folder), None) => format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR),
            (None, Some(name)) => name.clone(),
            (None, None) => String::new(),
        }
    }
}

/// File extensions imported as articles (transcripts among them: WebVTT
/// and SRT subtitles; PDF and Word documents page by page).
/// The extensions the snapshot dialog lists first.
pub const SNAPSHOT_EXTENSIONS: [&str; 14] = [
    "html", "htm", "mhtml", "mht", "warc", "gz", "wacz", "png", "jpg", "jpeg", "webp", "pdf",
    "txt", "md",
];

pub const ARTICLE_EXTENSIONS: [&str; 8] = ["txt", "md", "html", "htm", "vtt", "srt", "pdf", "docx"];

fn workspace_filter() -> (String, Vec<String>) {
    ("Factbench workspace (.ron)".into(), vec!["ron".into()])
}

/// How a request ended.
#[derive(Clone, Debug, PartialEq)]
pub enum PathAnswer {
    Picked(Purpose, PathBuf),
    Cancelled(Purpose),
    /// No dialog could be shown; the message says why. The window then asks
    /// for the path in a text field.
    Unavailable(PathRequest, String),
}

/// Asks the user for paths without blocking the window.
pub trait FilePicker {
    /// Starts asking. At most one request is open at a time; a second one
    /// while the first is open is answered `Cancelled` at once.
    fn request(&mut self, request: PathRequest, ctx: &egui::Context);
    /// The answer, once there is one.
    fn poll(&mut self) -> Option<PathAnswer>;
}

/// A dialog closed this fast was never shown (no person cancels that fast).
const TOO_FAST_TO_BE_SEEN: Duration = Duration::from_millis(120);

/// rfd's native dialogs, each on its own thread.
#[derive(Default)]
pub struct NativePicker {
    pending: Option<(PathRequest, Instant, Receiver<Option<PathBuf>>)>,
    immediate: VecDeque<PathAnswer>,
}

impl FilePicker for NativePicker {
    fn request(&mut self, request: PathRequest, ctx: &egui::Context) {
        if self.pending.is_some() {
            self.immediate
                .push_back(PathAnswer::Cancelled(request.purpose));
            return;
        }
        if let Some(reason) = no_dialog_reason() {
            self.immediate
                .push_back(PathAnswer::Unavailable(request, reason));
            return;
        }
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let dialog = native_dialog(&request);
        let mode = request.mode;
        let spawned = std::thread::Builder::new()
            .name("file dialog".into())
            .spawn(move || {
                let picked = match mode {
                    Mode::OpenFile => dialog.pick_file(),
                    Mode::SaveFile => dialog.save_file(),
                    Mode::PickFolder => dialog.pick_folder(),
                };
                let _ = sender.send(picked);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.pending = Some((request, Instant::now(), receiver)),
            Err(e) => self.immediate.push_back(PathAnswer::Unavailable(
                request,
                format!("could not start the file dialog: {e}"),
            )),
        }
    }

    fn poll(&mut self) -> Option<PathAnswer> {
        if let Some(answer) = self.immediate.pop_front() {
            return Some(answer);
        }
        let (request, started, receiver) = self.pending.as_ref()?;
        let answer = match receiver.try_recv() {
            Err(TryRecvError::Empty) => return None,
            Ok(Some(path)) => PathAnswer::Picked(request.purpose.clone(), path),
            Ok(None) if started.elapsed() < TOO_FAST_TO_BE_SEEN => PathAnswer::Unavailable(
                request.clone(),
                "the system file dialog did not open (no desktop portal or zenity?)".into(),
            ),
            Ok(None) => PathAnswer::Cancelled(request.purpose.clone()),
            Err(TryRecvError::Disconnected) => PathAnswer::Unavailable(
                request.clone(),
                "the system file dialog stopped unexpectedly".into(),
            ),
        };
        self.pending = None;
        Some(answer)
    }
}

fn native_dialog(request: &PathRequest) -> rfd::FileDialog {
    let mut dialog = rfd::FileDialog::new().set_title(&request.title);
    for (name, extensions) in &request.filters {
        dialog = dialog.add_filter(name, extensions);
    }
    if let Some(folder) = request.folder.clone().or_else(default_folder) {
        dialog = dialog.set_directory(folder);
    }
    if let Some(name) = &request.file_name {
        dialog = dialog.set_file_name(name);
    }
    dialog
}

/// Why no native dialog can be shown here, if we can tell beforehand.
fn no_dialog_reason() -> Option<String> {
    if cfg!(target_os = "linux") {
        let has_session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
        let has_zenity = std::env::var_os("PATH").is_some_and(|paths| {
            std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file())
        });
        if !has_session_bus && !has_zenity {
            return Some(
                "this desktop has no file dialog service (no session D-Bus for the desktop portal, and no zenity)"
                    .into(),
            );
        }
    }
    None
}

/// Answers requests from a script, for tests.
#[derive(Debug, Default)]
pub struct ScriptedPicker {
    /// Paths to answer with, in order; `None` answers "cancelled".
    pub answers: VecDeque<Option<PathBuf>>,
    /// Every request made, for tests to inspect.
    pub requests: Vec<PathRequest>,
    ready: VecDeque<PathAnswer>,
}

impl ScriptedPicker {
    pub fn answering(answers: impl IntoIterator<Item = Option<PathBuf>>) -> Self {
        ScriptedPicker {
            answers: answers.into_iter().collect(),
            ..Default::default()
        }
    }
}

impl FilePicker for ScriptedPicker {
    fn request(&mut self, request: PathRequest, _ctx: &egui::Context) {
        let answer = match self.answers.pop_front() {
            Some(Some(path)) => PathAnswer::Picked(request.purpose.clone(), path),
            Some(None) => PathAnswer::Cancelled(request.purpose.clone()),
            None => PathAnswer::Unavailable(request.clone(), "no scripted answer left".into()),
        };
        self.requests.push(request);
        self.ready.push_back(answer);
    }

    fn poll(&mut self) -> Option<PathAnswer> {
        self.ready.pop_front()
    }
}

/// A folder to start dialogs in: the user's documents, else home.
pub fn default_folder() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    Some(
        dirs.document_dir()
            .map_or_else(|| dirs.home_dir().to_owned(), Path::to_owned),
    )
}

/// Whether a dropped or given file is an article to import (by extension).
pub fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_files_are_told_by_extension() {
        assert!(is_article_file(Path::new("a/b.TXT")));
        assert!(is_article_file(Path::new("b.html")));
        assert!(!is_article_file(Path::new("b.ron")));
        assert!(!is_article_file(Path::new("README")));
    }
}
