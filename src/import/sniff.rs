//! What a file is, from its first bytes and its name: an article Factbench
//! can import (text, Markdown, HTML), or something it refuses (PDF, images,
//! archives, other binary files), named so the user knows why.

use std::path::Path;

/// The article formats Factbench imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "web page",
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
            NotAnArticle::Archive => {
                "a ZIP archive (such as a Word .docx, .odt or .epub file)".to_owned()
            }
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

/// Refuses files that are plainly not text. UTF-16 text (which has NUL
/// bytes) is recognised by its byte-order mark.
pub fn refuse_non_text(bytes: &[u8]) -> Result<(), NotAnArticle> {
    if let Some((_, kind)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Err(*kind);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Err(NotAnArticle::Image("WebP"));
    }
    let utf16 = bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff");
    match bytes.iter().position(|&b| b == 0) {
        Some(nul_at) if !utf16 => Err(NotAnArticle::Binary { nul_at }),
        _ => Ok(()),
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
        assert_eq!(refuse_non_text(b"%PDF-1.7\n"), Err(NotAnArticle::Pdf));
        assert_eq!(
            refuse_non_text(b"\xff\xd8\xff\xe0"),
            Err(NotAnArticle::Image("JPEG"))
        );
        assert_eq!(
            refuse_non_text(b"RIFF\0\0\0\0WEBPVP8 "),
            Err(NotAnArticle::Image("WebP"))
        );
        assert_eq!(refuse_non_text(b"PK\x03\x04"), Err(NotAnArticle::Archive));
        assert_eq!(
            refuse_non_text(b"text\0more"),
            Err(NotAnArticle::Binary { nul_at: 4 })
        );
        assert_eq!(refuse_non_text(b"\xff\xfeA\0"), Ok(()));
        assert_eq!(refuse_non_text("Обычный текст".as_bytes()), Ok(()));
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
