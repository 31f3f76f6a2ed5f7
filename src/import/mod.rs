//! Turning files into [`Article`]s: plain text, Markdown and saved web
//! pages, in UTF-8, UTF-16 or legacy encodings, PDF and Word documents
//! (page by page, [`pdf`], [`docx`], [`paged`]), normalised so that char
//! offsets stay stable.
//!
//! Every entry point (the CLI's `import`, the window's File ▸ Import,
//! drag-and-drop, pasted text) goes through [`import_bytes`], so each gets
//! the same formats, encodings, limits and refusals. A refusal changes
//! nothing anywhere.

mod archive;
mod authors;
pub mod background;
pub mod blocks;
mod bound;
mod charset;
pub mod check_export;
mod dates;
mod decode;
pub mod docx;
mod foreign;
mod html;
mod jsonld;
mod language;
mod markdown;
mod metadata;
mod normalise;
pub(crate) mod numerals;
mod page_meta;
pub mod paged;
pub mod pathological;
pub mod pdf;
mod published;
mod second_opinion;
mod sniff;
mod stand_in;
mod text;
pub mod transcript;
mod zones;

pub use crate::model::PageStart;
pub use bound::{
    MAX_ATTRIBUTE_VALUE_BYTES, MAX_ATTRIBUTES, MAX_DEPTH, MAX_ELEMENTS, TooComplex, bounded_html,
};
pub use decode::{Detection, encoding_for_label};
pub use html::{PageArticle, read_page, read_page_from};
pub use language::detect_language;
pub use metadata::clean_metadata;
pub use normalise::normalise;
pub use sniff::{Format, NotAnArticle};
pub use text::{article_from_text, title_from_file_name};
pub use transcript::ReadAs;

use crate::model::Article;
use crate::read_limited::{ReadFailure, read_limited};
use encoding_rs::Encoding;
use jiff::civil::Date;
use std::io;
use std::path::{Path, PathBuf};

/// Largest article file accepted.
pub const MAX_ARTICLE_BYTES: u64 = 20 * 1024 * 1024;

/// What Factbench imports, for messages.
pub const ACCEPTED: &str = "Factbench imports articles as text (.txt), Markdown (.md), saved web pages (.html, .htm), PDF (.pdf) or Word documents (.docx)";

/// Choices made by the user; each field set here wins over what the file says.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
    /// Read the file in this encoding instead of detecting it.
    pub encoding: Option<&'static Encoding>,
    /// Read the file as a transcript or as text, whatever it looks like.
    pub read_as: Option<ReadAs>,
    /// The recording the article transcribes (a video page, a media file).
    pub media_url: Option<String>,
}

/// An imported article, with how its file was read.
#[derive(Clone, Debug)]
pub struct Imported {
    pub article: Article,
    pub format: Format,
    pub encoding: &'static Encoding,
    pub detection: Detection,
    /// What looked wrong but did not stop the import (bytes replaced,
    /// NULs dropped, …), each a sentence; shown as `warning: FILE: …`.
    pub warnings: Vec<String>,
    /// When the article was last changed, as a web page says (not kept in
    /// the workspace).
    pub modified: Option<Date>,
    /// When a web archive captured a page saved from it (not kept in the
    /// workspace; never taken for the publication date).
    pub captured: Option<Date>,
    /// For a web page, the blocks that may be its article (the one
    /// imported among them), for a reader to pick another when the
    /// warnings say the text may not be the article.
    pub candidates: Vec<blocks::Candidate>,
    /// For a PDF or Word document, where each page starts in the text
    /// (char offsets, in order; the same as the article's `pages`).
    pub pages: Vec<PageStart>,
    /// For a PDF or Word document, what identifies the file.
    pub fingerprint: Option<Fingerprint>,
}

/// What identifies a document file: its SHA-256 and, for a PDF, the first
/// string of its `/ID`; both in hex.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Fingerprint {
    pub sha256: String,
    pub pdf_id: Option<String>,
}

/// Why a file could not be imported. Nothing was added anywhere.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: no such file")]
    NotFound { path: PathBuf },
    #[error("{path}: is a folder; {ACCEPTED}")]
    IsDirectory { path: PathBuf },
    #[error("{path}: {}", ReadFailure::not_regular_message(kind))]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("{path}: could not be read: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: is {size} bytes; Factbench imports articles of up to {limit} bytes (20 MB)")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: is {what}, not an article; {ACCEPTED}")]
    NotAnArticle { path: PathBuf, what: String },
    #[error(
        "{path}: is not valid {encoding} text ({how}); name its encoding with --encoding, such as {suggestions}"
    )]
    Malformed {
        path: PathBuf,
        encoding: &'static str,
        how: &'static str,
        /// The encodings worth trying, most likely first.
        suggestions: String,
    },
    #[error("{path}: {what}")]
    TooComplex { path: PathBuf, what: String },
    #[error("{path}: is {kind} that Factbench cannot import: {why}")]
    Document {
        path: PathBuf,
        /// "a PDF document", "a Word document"
        kind: &'static str,
        why: String,
    },
    #[error("{path}: has no article text")]
    Empty { path: PathBuf },
    #[error(
        "{path}: has no article text of its own: a browser builds this page with its scripts ({script_kb} KB of them); save it from the browser once it has loaded (Save Page As…, complete) or print it to PDF, and import that"
    )]
    Scripted { path: PathBuf, script_kb: usize },
    #[error("{path}:{line}: {what}")]
    Transcript {
        path: PathBuf,
        line: usize,
        what: String,
    },
}

/// Reads an article file and makes an [`Article`] of it.
pub fn import_file(path: &Path, options: &ImportOptions) -> Result<Article, ImportError> {
    import_file_detailed(path, options).map(|imported| imported.article)
}

/// Like [`import_file`], also telling the format and encoding found.
pub fn import_file_detailed(path: &Path, options: &ImportOptions) -> Result<Imported, ImportError> {
    let bytes = read_article_file(path)?;
    import_bytes(path, &bytes, options)
}

/// Makes an article of a file's bytes; `path` names it in messages and
/// gives its format by extension.
pub fn import_bytes(
    path: &Path,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    if let Some(format) = sniff::document_format(path, bytes) {
        return import_document(path, bytes, options, format);
    }
    let not_an_article = |what: NotAnArticle| ImportError::NotAnArticle {
        path: path.to_owned(),
        what: what.describe(),
    };
    let utf16_named = options.encoding.is_some_and(is_utf16);
    sniff::refuse_non_text(bytes, utf16_named).map_err(not_an_article)?;
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(256)]);
    let format = sniff::format_of(path, &head);
    let decoded = decode_text(path, bytes, options, format)?;
    let mut warnings = decoded.warnings;
    let text = decoded.text;
    let fallback_title = title_from_file_name(path);
    let transcript = transcript::format_of(path, &text, options.read_as);
    let mut page_extras = PageExtras::default();
    let mut article = match format {
        _ if transcript.is_some() => {
            transcript_article(path, transcript, &text, options, &fallback_title)?
        }
        Format::Text => article_from_text(&text, options, &fallback_title),
        Format::Markdown => article_from_markdown(&text, options, &fallback_title),
        Format::Pdf | Format::Docx => unreachable!("documents are read before decoding"),
        Format::Html => {
            let page = read_page_from(&text, options.url.as_deref()).map_err(|too| {
                ImportError::TooComplex {
                    path: path.to_owned(),
                    what: too.describe(),
                }
            })?;
            let (article, extras) = article_from_page(page, options, &fallback_title);
            page_extras = extras;
            article
        }
    };
    article.media_url.clone_from(&options.media_url);
    warnings.append(&mut page_extras.warnings);
    if article.text.is_empty() {
        return Err(no_text(path, format, &text));
    }
    if article.language.is_empty() {
        article.language = detect_language(&article.text).unwrap_or_default();
    }
    // Where the text came from, kept with it (and with its earlier versions).
    article.source = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    clean_metadata(&mut article);
    Ok(Imported {
        article,
        format,
        encoding: decoded.encoding,
        detection: decoded.detection,
        warnings,
        modified: page_extras.modified,
        captured: page_extras.captured,
        candidates: page_extras.candidates,
        pages: Vec::new(),
        fingerprint: None,
    })
}

/// Why a file gave no text: a web page mostly made of scripts is built
/// by the browser, anything else is empty.
fn no_text(path: &Path, format: Format, text: &str) -> ImportError {
    let script_bytes = html::script_bytes(text);
    if format == Format::Html && script_bytes * 2 > text.len() {
        ImportError::Scripted {
            path: path.to_owned(),
            script_kb: script_bytes.div_ceil(1024),
        }
    } else {
        ImportError::Empty {
            path: path.to_owned(),
        }
    }
}

/// A PDF or Word document's article, page by page.
fn import_document(
    path: &Path,
    bytes: &[u8],
    options: &ImportOptions,
    format: Format,
) -> Result<Imported, ImportError> {
    let refused = |kind: &'static str| {
        move |why: String| ImportError::Document {
            path: path.to_owned(),
            kind,
            why,
        }
    };
    let read = match format {
        Format::Pdf => pdf::read_pdf_within(bytes, pdf::TIME_LIMIT)
            .map(pdf::PdfRead::into_document)
            .map_err(refused("a PDF document"))?,
        _ => docx::read_docx(bytes).map_err(refused("a Word document"))?,
    };
    let (mut article, pages) = paged::paged_article(
        &read.pages,
        &read.meta,
        options,
        &title_from_file_name(path),
    );
    if article.text.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    article.media_url.clone_from(&options.media_url);
    article.language = detect_language(&article.text).unwrap_or_default();
    article.source = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    clean_metadata(&mut article);
    Ok(Imported {
        article,
        format,
        encoding: encoding_rs::UTF_8,
        detection: Detection::Document,
        warnings: read.warnings,
        modified: None,
        captured: None,
        candidates: Vec::new(),
        pages,
        fingerprint: Some(read.fingerprint),
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The file's text, decoded, with NULs left out (and a warning saying
/// so); refuses UTF-16 holding NUL chars, which is binary.
fn decode_text(
    path: &Path,
    bytes: &[u8],
    options: &ImportOptions,
    format: Format,
) -> Result<decode::Decoded, ImportError> {
    let decoded = decode::decode(bytes, options.encoding, format == Format::Html).map_err(|m| {
        ImportError::Malformed {
            path: path.to_owned(),
            encoding: m.encoding.name(),
            how: m.detection.describe(),
            suggestions: m.suggest(),
        }
    })?;
    if is_utf16(decoded.encoding) {
        let bom = if Encoding::for_bom(bytes).is_some() {
            2
        } else {
            0
        };
        sniff::refuse_nul_in_utf16_text(&decoded.text, bom).map_err(|what| {
            ImportError::NotAnArticle {
                path: path.to_owned(),
                what: what.describe(),
            }
        })?;
    }
    let (text, nuls) = sniff::without_nuls(decoded.text);
    let mut warnings = decoded.warnings;
    if nuls > 0 {
        warnings.push(format!("{nuls} NUL byte{} left out", plural(nuls)));
    }
    Ok(decode::Decoded {
        text,
        warnings,
        ..decoded
    })
}

/// An article of a transcript's text, or the refusal naming its line.
fn transcript_article(
    path: &Path,
    format: Option<crate::model::TranscriptFormat>,
    text: &str,
    options: &ImportOptions,
    fallback_title: &str,
) -> Result<Article, ImportError> {
    let format = format.unwrap_or(crate::model::TranscriptFormat::Text);
    transcript::article_from_transcript(format, text, options, fallback_title).map_err(|e| {
        ImportError::Transcript {
            path: path.to_owned(),
            line: e.line,
            what: e.what,
        }
    })
}

/// UTF-16 (either byte order), whose text is full of NUL bytes.
fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE
}

/// Makes an article of pasted text (Edit ▸ New article from clipboard).
pub fn article_from_clipboard(text: &str, options: &ImportOptions) -> Result<Article, ImportError> {
    let path = Path::new("clipboard");
    let bytes = text.as_bytes();
    let options = ImportOptions {
        encoding: Some(encoding_rs::UTF_8),
        ..options.clone()
    };
    let mut imported = import_bytes(path, bytes, &options)?;
    if imported.article.title == title_from_file_name(path) {
        imported.article.title = "Pasted article".to_owned();
    }
    Ok(imported.article)
}

fn article_from_markdown(markdown: &str, options: &ImportOptions, fallback_title: &str) -> Article {
    let (heading, prose) = markdown::markdown_to_prose(markdown);
    match heading {
        Some(heading) if options.title.is_none() => {
            let options = ImportOptions {
                title: Some(heading),
                ..options.clone()
            };
            article_from_text(&prose, &options, fallback_title)
        }
        _ => article_from_text(&prose, options, fallback_title),
    }
}

/// What a web page gives beyond its article: kept in [`Imported`] only.
#[derive(Debug, Default)]
struct PageExtras {
    modified: Option<Date>,
    captured: Option<Date>,
    candidates: Vec<blocks::Candidate>,
    warnings: Vec<String>,
}

fn article_from_page(
    mut page: PageArticle,
    options: &ImportOptions,
    fallback_title: &str,
) -> (Article, PageExtras) {
    let extras = PageExtras {
        modified: page.modified,
        captured: page.captured,
        candidates: std::mem::take(&mut page.candidates),
        warnings: std::mem::take(&mut page.warnings),
    };
    let title = options
        .title
        .clone()
        .or_else(|| Some(page.title.clone()).filter(|t| !t.trim().is_empty()))
        .unwrap_or_else(|| fallback_title.to_owned());
    let text_options = ImportOptions {
        title: Some(title.clone()),
        ..options.clone()
    };
    let mut article = article_from_text(&page.text, &text_options, fallback_title);
    article.text = without_leading_title(&article.text, &title);
    article.outlet = options.outlet.clone().unwrap_or(page.outlet);
    article.url = options.url.clone().unwrap_or(page.url);
    article.published = options.published.or(page.published);
    article.author = page.author;
    article.language = page.language;
    (article, extras)
}

/// The text without a first paragraph that only repeats the title.
fn without_leading_title(text: &str, title: &str) -> String {
    let title = normalise(title);
    match text.split_once('\n') {
        Some((first, rest)) if first.trim() == title.trim() => {
            rest.trim_start_matches('\n').to_owned()
        }
        None if text.trim() == title.trim() => String::new(),
        _ => text.to_owned(),
    }
}

/// The bytes of an article file, refusing folders, FIFOs, devices and
/// other files that are not regular files, and files over 20 MB.
/// The import dialog reads once and decodes again whenever the user picks
/// another encoding.
pub fn read_article_file(path: &Path) -> Result<Vec<u8>, ImportError> {
    let path_buf = path.to_owned();
    read_limited(path, MAX_ARTICLE_BYTES).map_err(|failure| match failure {
        ReadFailure::NotFound => ImportError::NotFound { path: path_buf },
        ReadFailure::IsDirectory => ImportError::IsDirectory { path: path_buf },
        ReadFailure::NotRegular { kind } => ImportError::NotRegular {
            path: path_buf,
            kind,
        },
        ReadFailure::TooLarge { size } => ImportError::TooLarge {
            path: path_buf,
            size,
            limit: MAX_ARTICLE_BYTES,
        },
        ReadFailure::Io(source) => ImportError::Io {
            path: path_buf,
            source,
        },
    })
}
