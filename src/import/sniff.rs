//! What a file is, from its first bytes and its name: an article Factbench
//! can import (text, Markdown, HTML; PDF and Word documents, which
//! [`document_format`] recognises before any text sniffing), or something
//! it refuses (images, other archives, other binary files), named so the
//! user knows why.

use std::path::Path;

/// The article formats Factbench imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Pdf,
    Docx,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "web page",
            Format::Pdf => "PDF",
            Format::Docx => "Word document",
        }
    }
}

/// A file that is not an article, with what it looks like instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAnArticle {
    Pdf,
    Image(&'static str),
    Archive,
    Binary { nul_at: usize },
}

impl NotAnArticle {
    /// "a PDF document", "a PNG image", …
    pub fn describe(self) -> String {
        match self {
            NotAnArticle::Pdf => "a PDF document".to_owned(),
            NotAnArticle::Image(kind) => format!("a {kind} image"),
            NotAnArticle::Archive => "a ZIP archive (such as an .odt or .epub file)".to_owned(),
            NotAnArticle::Binary { nul_at } => {
                format!("a binary file (it has a NUL byte at offset {nul_at})")
            }
        }
    }
}

const SIGNATURES: &[(&[u8], NotAnArticle)] = &[
    (b"%PDF-", NotAnArticle::Pdf),
    (b"\x89PNG\r\n\x1a\n", NotAnArticle::Image("PNG")),
    (b"\xff\xd8\xff", NotAnArticle::Image("JPEG")),
    (b"GIF87a", NotAnArticle::Image("GIF")),
    (b"GIF89a", NotAnArticle::Image("GIF")),
    (b"II*\0", NotAnArticle::Image("TIFF")),
    (b"MM\0*", NotAnArticle::Image("TIFF")),
    (b"PK\x03\x04", NotAnArticle::Archive),
];

/// A PDF (its signature within the first kilobyte, as readers accept it)
/// or a ZIP container named like a Word document or holding one.
pub fn document_format(path: &Path, bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(1024)];
    if memchr::memmem::find(head, b"%PDF-").is_some() {
        return Some(Format::Pdf);
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let word_named = matches!(extension.as_str(), "docx" | "docm" | "dotx" | "dotm");
    let zip = bytes.starts_with(b"PK\x03\x04");
    let holds_word = memchr::memmem::find(bytes, b"word/document.xml").is_some();
    (zip && (word_named || holds_word)).then_some(Format::Docx)
}

/// Refuses files that are plainly not text. UTF-16 text (which has NUL
/// bytes) is recognised by its byte-order mark, or by `utf16_named`: the
/// user named a UTF-16 encoding, which is honoured before any sniffing.
pub fn refuse_non_text(bytes: &[u8], utf16_named: bool) -> Result<(), NotAnArticle> {
    if let Some((_, kind)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Err(*kind);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Err(NotAnArticle::Image("WebP"));
    }
    let utf16 = utf16_named || bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff");
    match memchr::memchr(0, bytes) {
        Some(nul_at) if !utf16 && !mostly_text(bytes) => Err(NotAnArticle::Binary { nul_at }),
        _ => Ok(()),
    }
}

/// How much of a file is looked at to tell text from binary.
const SNIFFED_BYTES: usize = 8 * 1024;

/// Whether a file holding NUL bytes is still text, as browsers read it:
/// fewer than one byte in ten of its start (and of the whole file) is a
/// control that text never has (NUL, and C0 controls other than tab,
/// line and page breaks and escape). A page with a few NULs stays a
/// page; an executable, a database or UTF-16 without a byte-order mark
/// (every other byte NUL) does not.
pub fn mostly_text(bytes: &[u8]) -> bool {
    let binary_share = |sample: &[u8]| {
        let controls = sample.iter().filter(|&&b| is_binary_control(b)).count();
        controls * 10 < sample.len()
    };
    binary_share(&bytes[..bytes.len().min(SNIFFED_BYTES)]) && binary_share(bytes)
}

fn is_binary_control(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0e..=0x1a | 0x1c..=0x1f)
}

/// The text without NUL chars, and how many there were: browsers drop
/// them from a page, and no article has one.
pub fn without_nuls(text: String) -> (String, usize) {
    let count = text.matches('\0').count();
    if count == 0 {
        return (text, 0);
    }
    (text.replace('\0', ""), count)
}

/// Refuses decoded text holding a NUL char: binary bytes read as UTF-16
/// decode without error, but no article has one. `nul_at` is the NUL's
/// byte offset in a UTF-16 file whose text starts `skipped` bytes in
/// (after a byte-order mark).
pub fn refuse_nul_in_utf16_text(text: &str, skipped: usize) -> Result<(), NotAnArticle> {
    match text.find('\0') {
        Some(at) => Err(NotAnArticle::Binary {
            nul_at: skipped + text[..at].encode_utf16().count() * 2,
        }),
        None => Ok(()),
    }
}

/// The format of an article: from its extension, or, for other names,
/// HTML when the text starts like a web page.
pub fn format_of(path: &Path, text: &str) -> Format {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
        _ if looks_like_html(text) => Format::Html,
        _ => Format::Text,
    }
}

fn looks_like_html(text: &str) -> bool {
    let start: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_what_it_refuses() {
        assert_eq!(
            refuse_non_text(b"%PDF-1.7\n", false),
            Err(NotAnArticle::Pdf)
        );
        assert_eq!(
            refuse_non_text(b"\xff\xd8\xff\xe0", false),
            Err(NotAnArticle::Image("JPEG"))
        );
        assert_eq!(
            refuse_non_text(b"RIFF\0\0\0\0WEBPVP8 ", false),
            Err(NotAnArticle::Image("WebP"))
        );
        assert_eq!(
            refuse_non_text(b"PK\x03\x04", false),
            Err(NotAnArticle::Archive)
        );
        assert_eq!(
            refuse_non_text(b"text\0more", false),
            Err(NotAnArticle::Binary { nul_at: 4 })
        );
        assert_eq!(refuse_non_text(b"\xff\xfeA\0", false), Ok(()));
        assert_eq!(
            refuse_non_text(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0", false),
            Err(NotAnArticle::Binary { nul_at: 7 })
        );
        assert_eq!(refuse_non_text("Обычный текст".as_bytes(), false), Ok(()));
    }

    #[test]
    fn a_page_with_a_few_nuls_is_text_and_loses_them() {
        let page = "<p>Привет 文 مرحبا 👋 e\u{301}\0 and\0 more</p>".repeat(10);
        assert_eq!(refuse_non_text(page.as_bytes(), false), Ok(()));
        let (text, dropped) = without_nuls(page.clone());
        assert_eq!(dropped, 20);
        assert_eq!(text, page.replace('\0', ""));
        assert!(mostly_text(page.as_bytes()));
        assert!(!mostly_text(&[0, 1, 2, 3, b'a']));
    }

    #[test]
    fn bomless_utf16_is_text_when_its_encoding_is_named() {
        let utf16le: Vec<u8> = "Ки 文 👋"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            refuse_non_text(&utf16le, false),
            Err(NotAnArticle::Binary { nul_at: 5 })
        );
        assert_eq!(refuse_non_text(&utf16le, true), Ok(()));
        assert_eq!(refuse_non_text(b"%PDF-1.7\n", true), Err(NotAnArticle::Pdf));
        assert_eq!(
            refuse_nul_in_utf16_text("a👋\0", 2),
            Err(NotAnArticle::Binary { nul_at: 8 })
        );
        assert_eq!(refuse_nul_in_utf16_text("e\u{301}", 0), Ok(()));
    }

    #[test]
    fn html_is_recognised_by_name_or_content() {
        assert_eq!(format_of(Path::new("a.HTM"), "plain"), Format::Html);
        assert_eq!(
            format_of(Path::new("a.txt"), "\n  <!DOCTYPE html><p>"),
            Format::Html
        );
        assert_eq!(format_of(Path::new("a.md"), "# Title"), Format::Markdown);
        assert_eq!(
            format_of(Path::new("a.txt"), "Title\n<b>not html</b>"),
            Format::Text
        );
    }
}
