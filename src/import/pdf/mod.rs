//! PDF documents as articles: the text of each page in reading order,
//! with running headers and footers kept apart, page labels, metadata and
//! fingerprint, and what looked wrong page by page (no text layer,
//! garbled text). `docs/pdf.md` says how the extractor was chosen and how
//! well it does.
//!
//! Parsing is lopdf's and font decoding pdf-extract's ([`glyphs`]); the
//! reading order is ours ([`layout`], [`furniture`]). Untrusted files are
//! first checked for what would exhaust memory or stack ([`guard`]), then
//! read on a worker thread with a time limit, a panic caught and reported
//! as a refusal ([`read_pdf_within`]).

mod furniture;
mod glyphs;
mod guard;
pub mod layout;
pub mod make;
mod meta;
mod quality;

pub use meta::PdfMetadata;

use crate::import::Fingerprint;
use crate::import::normalise;
use crate::import::paged::{DocumentMeta, PageText, ReadDocument};
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long reading one PDF may take before it is refused.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);

/// One page as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PdfPage {
    /// The printed label (`iv`, `12`); the page number when the document
    /// gives none.
    pub label: String,
    /// The body text in reading order, normalised as article text is.
    pub text: String,
    /// The running header and footer found on this page, left out of
    /// `text`.
    pub header: Option<String>,
    pub footer: Option<String>,
}

/// A PDF read: its pages, metadata, fingerprint and warnings.
#[derive(Clone, Debug, Default)]
pub struct PdfRead {
    pub pages: Vec<PdfPage>,
    pub metadata: PdfMetadata,
    /// SHA-256 of the file, in hex.
    pub sha256: String,
    /// Whether the file was encrypted (and opened without a password).
    pub encrypted: bool,
    /// What looked wrong, each a sentence ("page 3 has no text layer").
    pub warnings: Vec<String>,
}

impl PdfRead {
    /// The pages' labels and text, metadata, warnings and fingerprint, as
    /// import takes them; a running header or footer left out.
    pub fn into_document(self) -> ReadDocument {
        ReadDocument {
            pages: self
                .pages
                .into_iter()
                .map(|p| PageText {
                    label: p.label,
                    text: p.text,
                })
                .collect(),
            meta: DocumentMeta {
                title: self.metadata.title,
                author: self.metadata.author,
                created: self.metadata.created,
            },
            warnings: self.warnings,
            fingerprint: Fingerprint {
                sha256: self.sha256,
                pdf_id: self.metadata.id,
            },
        }
    }
}

/// Reads a PDF on a worker thread, refusing it when that takes longer
/// than `limit` or the reader panics. The error is the reason, a phrase
/// to follow the file's name.
pub fn read_pdf_within(bytes: &[u8], limit: Duration) -> Result<PdfRead, String> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let cancelled = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancelled);
    let owned = bytes.to_vec();
    quiet_panics_in_readers();
    let spawned = std::thread::Builder::new()
        .name("factbench-pdf".to_owned())
        .stack_size(256 * 1024 * 1024)
        .spawn(move || {
            READING_UNTRUSTED.with(|r| r.set(true));
            let outcome = std::panic::catch_unwind(|| read_pdf(&owned, &flag));
            let _ = sender.send(outcome);
        });
    if let Err(e) = spawned {
        return Err(format!("no thread could be started to read it ({e})"));
    }
    match receiver.recv_timeout(limit) {
        Ok(Ok(result)) => result,
        Ok(Err(panic)) => Err(format!(
            "its reader failed ({}); the file may be damaged",
            panic_message(&*panic)
        )),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            cancelled.store(true, Ordering::Relaxed);
            Err(format!(
                "reading it took longer than {} s; the file may be damaged or built to stall readers",
                limit.as_secs()
            ))
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            Err("its reader stopped without a result; the file may be damaged".to_owned())
        }
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let text = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".to_owned());
    text.lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(160)
        .collect()
}

thread_local! {
    static READING_UNTRUSTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether this thread is reading an untrusted file, whose panics are
/// caught and reported as a refusal (a panic hook need not report them).
pub fn reading_untrusted() -> bool {
    READING_UNTRUSTED.with(std::cell::Cell::get)
}

/// Installs, once, a panic hook that stays silent for panics on reader
/// threads (they are caught and become a refusal) and hands every other
/// panic to the hook there was before.
fn quiet_panics_in_readers() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !reading_untrusted() {
                previous(info);
            }
        }));
    });
}

/// Why an encrypted PDF that needs a password is refused.
const PASSWORD: &str = "it is protected by a password; open it in a PDF reader, save a copy without the password and import that";

/// Reads a PDF on this thread (see [`read_pdf_within`] for untrusted
/// files); stops early when `cancelled` is set.
pub fn read_pdf(bytes: &[u8], cancelled: &AtomicBool) -> Result<PdfRead, String> {
    let sha256 = hex(&Sha256::digest(bytes));
    guard::check_streams(bytes)?;
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| {
        if memchr::memmem::find(bytes, b"/Encrypt").is_some() {
            format!("{PASSWORD} ({e})")
        } else {
            format!("it could not be read as a PDF ({e})")
        }
    })?;
    let encrypted = doc.is_encrypted() || doc.trailer.get(b"Encrypt").is_ok();
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(PASSWORD.to_owned());
    }
    let count = doc.get_pages().len();
    if count == 0 {
        // An encrypted file whose pages cannot be found was not decrypted.
        return Err(if encrypted {
            PASSWORD
        } else {
            "it has no pages"
        }
        .to_owned());
    }
    guard::check_structure(&doc)?;
    let metadata = meta::metadata(&doc);
    let labels = meta::page_labels(&doc, count);
    let raw = glyphs::collect(&doc, count, cancelled).map_err(|stop| match stop {
        glyphs::Stop::Cancelled => "reading it was cancelled".to_owned(),
        glyphs::Stop::TooManyGlyphs => format!(
            "it draws more than {} characters in all, or {} on one page",
            glyphs::MAX_GLYPHS,
            glyphs::MAX_PAGE_GLYPHS
        ),
    })?;
    let mut raw = raw;
    glyphs::fill_empty_pages(&doc, &mut raw, cancelled);
    drop(doc);
    let first_failure = raw.iter().find_map(|p| p.failure.clone());
    let (pages, warnings) = pages_of(raw, &labels);
    if pages.iter().all(|p| p.text.is_empty()) {
        return Err(match first_failure {
            Some(why) => format!("no page with text could be read (the first failed: {why})"),
            None => {
                "it has no text layer on any page (a scan?); Factbench does not read text in images"
                    .to_owned()
            }
        });
    }
    Ok(PdfRead {
        pages,
        metadata,
        sha256,
        encrypted,
        warnings,
    })
}

/// The pages' text in reading order, furniture apart, with the warnings
/// about them.
fn pages_of(mut raw: Vec<glyphs::RawPage>, labels: &[String]) -> (Vec<PdfPage>, Vec<String>) {
    let edges: Vec<_> = raw
        .iter()
        .map(|p| furniture::edges(&p.segments, p.height))
        .collect();
    let keys = |top: bool| -> Vec<Option<String>> {
        edges
            .iter()
            .map(|(t, b)| if top { t } else { b }.as_ref().map(|e| e.key.clone()))
            .collect()
    };
    let (headers, footers) = (
        furniture::repeated(&keys(true)),
        furniture::repeated(&keys(false)),
    );
    let mut pages = Vec::with_capacity(raw.len());
    let mut report = quality::Report::default();
    for (i, page) in raw.iter_mut().enumerate() {
        let (top, bottom) = &edges[i];
        let mut drop = std::collections::HashSet::new();
        let mut take = |repeated: bool, edge: &Option<furniture::EdgeLine>| {
            let edge = edge.as_ref().filter(|_| repeated)?;
            drop.extend(edge.segments.iter().copied());
            Some(edge.text.clone())
        };
        let header = take(headers[i], top);
        let footer = take(footers[i], bottom);
        let segs: Vec<_> = std::mem::take(&mut page.segments)
            .into_iter()
            .enumerate()
            .filter(|(n, _)| !drop.contains(n))
            .map(|(_, s)| s)
            .collect();
        let text = match page.fallback.take() {
            Some(fallback) if segs.is_empty() => {
                report.read_without_layout(i + 1);
                normalise(&layout::expand_ligatures(&fallback))
            }
            _ => {
                let text = page_text(segs);
                report.page(i + 1, &text, page.failure.as_deref());
                text
            }
        };
        pages.push(PdfPage {
            label: labels
                .get(i)
                .cloned()
                .unwrap_or_else(|| (i + 1).to_string()),
            text,
            header,
            footer,
        });
    }
    (pages, report.warnings())
}

/// A page's body text: its blocks in reading order, paragraphs apart,
/// ligatures expanded, normalised.
pub fn page_text(segs: Vec<layout::Segment>) -> String {
    let text: Vec<String> = layout::blocks(segs)
        .into_iter()
        .map(|block| layout::block_text(&layout::lines(block)))
        .filter(|t| !t.trim().is_empty())
        .collect();
    normalise(&layout::expand_ligatures(&text.join("\n\n")))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
