//! Making a [`Snapshot`] of a file: its bytes read (bounded), hashed and
//! sniffed; a truncated image, PDF or web archive refused; the text taken
//! out of a web page or the page a web archive holds (as article import
//! extracts its main text), a PDF (page by page, by the PDF extractor
//! article import uses) or a text file; an image's EXIF read; the address and capture time taken from the flags,
//! else from the file, else from the file's time — and, when the flags and
//! the file disagree, both kept.

use super::archive::{ArchiveKind, read_archive};
use super::image::{Kind, image_meta, kind_of, truncated};
use crate::import::{ImportOptions, ReadAs, encoding_for_label, import_bytes};
use crate::model::{CaptureMethod, CapturedFrom, Snapshot};
use crate::read_limited::{ReadFailure, read_limited};
use crate::store::snapshots::sha256_hex;
use jiff::Timestamp;
use std::path::Path;

/// Largest snapshot kept: 200 MB (a long saved page with its images
/// inlined, a screenshot of a whole site; a video is not a snapshot).
pub const MAX_SNAPSHOT_BYTES: u64 = 200 * 1024 * 1024;

/// What the person adding a snapshot said about it.
#[derive(Clone, Debug)]
pub struct Request<'a> {
    pub path: &'a Path,
    /// `--url`: wins over what the file says.
    pub url: Option<String>,
    /// `--captured`: wins over what the file says.
    pub captured: Option<Timestamp>,
    pub by: String,
    /// The source's own address: the snapshot's when nothing else says.
    pub source_url: String,
    pub now: Timestamp,
}

/// A snapshot made of a file, with its bytes (to be stored).
#[derive(Clone, Debug)]
pub struct Captured {
    pub snapshot: Snapshot,
    pub bytes: Vec<u8>,
}

/// Reads `request.path` and makes its snapshot; a refusal names the file
/// and says why, and nothing was stored.
pub fn capture(request: &Request<'_>) -> Result<Captured, String> {
    let path = request.path;
    let named = path.display();
    let bytes = read_limited(path, MAX_SNAPSHOT_BYTES).map_err(|failure| match failure {
        ReadFailure::NotFound => format!("{named}: no such file"),
        ReadFailure::IsDirectory => format!("{named}: is a folder, not a file"),
        ReadFailure::NotRegular { kind } => {
            format!("{named}: {}", ReadFailure::not_regular_message(kind))
        }
        ReadFailure::TooLarge { size } => format!(
            "{named}: is {size} bytes; a snapshot may be up to {} MB",
            MAX_SNAPSHOT_BYTES >> 20
        ),
        ReadFailure::Io(e) => format!("{named}: could not be read: {e}"),
    })?;
    if bytes.is_empty() {
        return Err(format!("{named}: is empty"));
    }
    let file_name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let kind = kind_of(&bytes, &file_name).ok_or_else(|| {
        format!(
            "{named}: is not a file Factbench keeps as a snapshot (a saved web page, an MHTML, WARC or WACZ web archive, a PNG, JPEG or WebP image, a PDF, or plain UTF-8 text)"
        )
    })?;
    if let Some(why) = truncated(kind, &bytes) {
        return Err(format!("{named}: is {why}; nothing stored"));
    }
    let found = match kind {
        Kind::Archive(archive) => read_archived(path, archive, &bytes)
            .map_err(|why| format!("{named}: {why}; nothing stored"))?,
        _ => read_content(path, kind, &bytes),
    };
    let snapshot = snapshot_of(request, kind, &bytes, file_name, found);
    Ok(Captured { snapshot, bytes })
}

/// What a file says of itself.
#[derive(Default)]
struct Found {
    text: Option<String>,
    note: String,
    url: String,
    captured: Option<Timestamp>,
    image: Option<crate::model::ImageMeta>,
    /// Where each page starts in `text` (a PDF's).
    pages: Vec<crate::model::PageStart>,
}

fn read_content(path: &Path, kind: Kind, bytes: &[u8]) -> Found {
    match kind {
        Kind::Html | Kind::Text => read_text(path, kind, bytes),
        Kind::Pdf => read_pdf(path, bytes),
        _ => {
            let image = image_meta(bytes);
            let note = match &image {
                Some(_) => "an image: no text; its EXIF data is kept".to_owned(),
                None => "an image: no text, no EXIF data".to_owned(),
            };
            Found {
                image,
                note,
                ..Found::default()
            }
        }
    }
}

/// The page a web archive holds: its main text taken out as article import
/// takes a saved page's; its address and capture time as the archive
/// says, else as the page says (its canonical). An archive that is not
/// whole is refused (the error says why); a page whose text cannot be had
/// is kept as bytes with a note.
fn read_archived(path: &Path, kind: ArchiveKind, bytes: &[u8]) -> Result<Found, String> {
    let page = read_archive(kind, bytes)?;
    let mut found = Found {
        note: page.notes.join("; "),
        url: page.url,
        captured: page.captured,
        ..Found::default()
    };
    let Some(html) = page.html else {
        return Ok(found);
    };
    let options = ImportOptions {
        encoding: page.charset.as_deref().and_then(encoding_for_label),
        ..ImportOptions::default()
    };
    let stem = path
        .file_stem()
        .map_or_else(|| "page".into(), |s| s.to_os_string());
    let as_page = Path::new(&stem).with_extension("html");
    let from_page = read_text_as(&as_page, Kind::Html, &html, &options);
    if found.url.is_empty() {
        found.url = from_page.url;
    }
    if found.captured.is_none() {
        found.captured = from_page.captured;
    }
    found.text = from_page.text;
    push_note(&mut found.note, &from_page.note);
    Ok(found)
}

/// A PDF's text as article import reads it (`import::pdf`): the pages'
/// text in order, a blank line between pages; when none can be had (an
/// encrypted or damaged file, no text layer), a note saying why.
fn read_pdf(path: &Path, bytes: &[u8]) -> Found {
    // Import goes by the extension: a PDF saved under another name is
    // read as a PDF all the same.
    let as_pdf = path.with_extension("pdf");
    let options = ImportOptions {
        title: Some("snapshot".to_owned()),
        ..ImportOptions::default()
    };
    let mut found = read_text_as(&as_pdf, Kind::Pdf, bytes, &options);
    if found.text.is_some() {
        let read = "a PDF: its text read page by page as article import reads it";
        let note = std::mem::take(&mut found.note);
        found.note = read.to_owned();
        push_note(&mut found.note, &note);
    }
    found
}

/// A page's main text and address, or a text file's text; when no text
/// can be had, a note saying why (the bytes are kept all the same).
fn read_text(path: &Path, kind: Kind, bytes: &[u8]) -> Found {
    // A text file's first line stays text (import would take it for a title).
    let options = ImportOptions {
        read_as: (kind == Kind::Text).then_some(ReadAs::Text),
        title: (kind == Kind::Text).then(|| "snapshot".to_owned()),
        ..ImportOptions::default()
    };
    read_text_as(path, kind, bytes, &options)
}

fn read_text_as(path: &Path, kind: Kind, bytes: &[u8], options: &ImportOptions) -> Found {
    // Import goes by the file's extension; a page is read as a page.
    let named;
    let path = match (kind, path.extension().and_then(|e| e.to_str())) {
        (Kind::Html, Some(ext)) if ext.eq_ignore_ascii_case("html") => path,
        (Kind::Html, _) => {
            named = path.with_extension("html");
            &named
        }
        _ => path,
    };
    match import_bytes(path, bytes, options) {
        Ok(imported) => Found {
            pages: imported.article.pages,
            text: Some(imported.article.text),
            note: imported.warnings.join("; "),
            url: if kind == Kind::Html {
                imported.article.url
            } else {
                String::new()
            },
            captured: imported
                .captured
                .and_then(|d| d.to_zoned_datetime(jiff::tz::TimeZone::UTC).ok())
                .map(|z| z.timestamp()),
            image: None,
        },
        Err(error) => Found {
            note: format!("no text could be taken out of it: {error}"),
            ..Found::default()
        },
    }
}

fn snapshot_of(
    request: &Request<'_>,
    kind: Kind,
    bytes: &[u8],
    file_name: String,
    found: Found,
) -> Snapshot {
    let mut note = found.note;
    let (captured, captured_from, captured_in_file) = match (request.captured, found.captured) {
        (Some(given), in_file) => (given, CapturedFrom::Given, in_file.filter(|t| *t != given)),
        (None, Some(in_file)) => (in_file, CapturedFrom::File, None),
        (None, None) => match file_time(request.path) {
            Some(time) => {
                push_note(&mut note, "capture time: the file's modification time");
                (time, CapturedFrom::FileTime, None)
            }
            None => (request.now, CapturedFrom::Added, None),
        },
    };
    let given_url = request.url.as_deref().map(str::trim).unwrap_or_default();
    let (url, url_in_file) = match (given_url, found.url.as_str()) {
        ("", "") => (request.source_url.trim().to_owned(), String::new()),
        ("", in_file) => (in_file.to_owned(), String::new()),
        (given, in_file) if in_file == given => (given.to_owned(), String::new()),
        (given, in_file) => (given.to_owned(), in_file.to_owned()),
    };
    Snapshot {
        sha256: sha256_hex(bytes),
        size: bytes.len() as u64,
        media_type: kind.media_type().to_owned(),
        file_name,
        url,
        captured,
        captured_from,
        captured_in_file,
        url_in_file,
        method: method_of(kind),
        by: request.by.clone(),
        added: request.now,
        text: found.text,
        note,
        image: found.image,
        replaces: None,
        pages: found.pages,
    }
}

fn push_note(note: &mut String, more: &str) {
    if more.is_empty() {
        return;
    }
    if !note.is_empty() {
        note.push_str("; ");
    }
    note.push_str(more);
}

fn method_of(kind: Kind) -> CaptureMethod {
    match kind {
        Kind::Html | Kind::Archive(_) => CaptureMethod::SavedPage,
        Kind::Text => CaptureMethod::PlainText,
        Kind::Pdf => CaptureMethod::Document,
        _ => CaptureMethod::Image,
    }
}

/// The file's modification time, to the second.
fn file_time(path: &Path) -> Option<Timestamp> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    let seconds = modified
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Timestamp::from_second(i64::try_from(seconds).ok()?).ok()
}
