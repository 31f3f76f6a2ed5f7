//! What a PDF says about itself: title, author and creation date from its
//! `/Info` dictionary, its `/ID`, and the printed page labels of its
//! `/PageLabels` number tree (`iv`, `12`, `A-3`).

use crate::import::numerals::{letters, roman};
use jiff::civil::Date;
use pdf_extract::{Dictionary, Document, Object};

/// The document's own metadata; empty strings where it says nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PdfMetadata {
    pub title: String,
    pub author: String,
    pub created: Option<Date>,
    /// The first string of the trailer's `/ID`, in hex.
    pub id: Option<String>,
}

/// Reads `/Info` and `/ID`.
pub fn metadata(doc: &Document) -> PdfMetadata {
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok());
    let field = |key: &[u8]| {
        info.and_then(|d| d.get(key).ok())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_str().ok())
            .map(text_string)
            .unwrap_or_default()
    };
    let id = doc
        .trailer
        .get(b"ID")
        .ok()
        .and_then(|o| o.as_array().ok())
        .and_then(|a| a.first())
        .and_then(|o| o.as_str().ok())
        .filter(|b| !b.is_empty())
        .map(|b| b.iter().map(|x| format!("{x:02x}")).collect());
    PdfMetadata {
        title: field(b"Title").trim().to_owned(),
        author: field(b"Author").trim().to_owned(),
        created: pdf_date(&field(b"CreationDate")),
        id,
    }
}

/// A PDF text string: UTF-16BE or UTF-8 after their byte-order marks,
/// else PDFDocEncoding (Latin-1 with typographic marks in 0x80–0x9F).
pub fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| pdf_doc_char(b)).collect()
}

fn pdf_doc_char(b: u8) -> char {
    const HIGH: [char; 32] = [
        '•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘', '’', '‚',
        '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', '\u{fffd}',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        0xa0 => '€',
        _ => char::from(b),
    }
}

/// The date of a PDF date string, `D:YYYYMMDDHHmmSS+HH'mm'` (everything
/// after the year optional).
pub fn pdf_date(text: &str) -> Option<Date> {
    let digits = text.trim().trim_start_matches("D:");
    let number = |range: std::ops::Range<usize>, default: i16| -> Option<i16> {
        match digits.get(range) {
            Some(s) if s.bytes().all(|b| b.is_ascii_digit()) && !s.is_empty() => s.parse().ok(),
            Some(_) => None,
            None => Some(default),
        }
    };
    let year = number(0..4, 0)?;
    if !(1990..=2100).contains(&year) {
        return None;
    }
    let month = number(4..6, 1)?;
    let day = number(6..8, 1)?;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// The printed label of each of `count` pages, from `/PageLabels`; empty
/// when the document has none.
pub fn page_labels(doc: &Document, count: usize) -> Vec<String> {
    let Some(root) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"PageLabels").ok())
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
    else {
        return Vec::new();
    };
    let mut ranges: Vec<(usize, &Dictionary)> = Vec::new();
    number_tree(doc, root, 0, &mut ranges);
    if ranges.is_empty() {
        return Vec::new();
    }
    ranges.sort_by_key(|(start, _)| *start);
    (0..count)
        .map(
            |page| match ranges.iter().rev().find(|(start, _)| *start <= page) {
                Some((start, style)) => label(doc, style, page - start),
                None => (page + 1).to_string(),
            },
        )
        .collect()
}

/// The `(first page, label style)` pairs of a number tree; `/Kids` are
/// followed at most eight levels down.
fn number_tree<'a>(
    doc: &'a Document,
    node: &'a Dictionary,
    depth: usize,
    out: &mut Vec<(usize, &'a Dictionary)>,
) {
    if depth > 8 || out.len() > 100_000 {
        return;
    }
    if let Ok(nums) = node.get(b"Nums").and_then(Object::as_array) {
        for pair in nums.chunks_exact(2) {
            let start = pair[0].as_i64().ok().and_then(|n| usize::try_from(n).ok());
            let style = doc
                .dereference(&pair[1])
                .ok()
                .and_then(|(_, o)| o.as_dict().ok());
            if let (Some(start), Some(style)) = (start, style) {
                out.push((start, style));
            }
        }
    }
    if let Ok(kids) = node.get(b"Kids").and_then(Object::as_array) {
        for kid in kids {
            if let Some(kid) = doc
                .dereference(kid)
                .ok()
                .and_then(|(_, o)| o.as_dict().ok())
            {
                number_tree(doc, kid, depth + 1, out);
            }
        }
    }
}

/// The label of the page `offset` pages into a labelling range.
fn label(doc: &Document, style: &Dictionary, offset: usize) -> String {
    let prefix = style
        .get(b"P")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_str().ok())
        .map(text_string)
        .unwrap_or_default();
    let first = style
        .get(b"St")
        .ok()
        .and_then(|o| o.as_i64().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(1);
    let n = usize::try_from(first).unwrap_or(1).saturating_add(offset);
    let number = match style.get(b"S").ok().and_then(|o| o.as_name().ok()) {
        Some(b"D") => n.to_string(),
        Some(b"R") => roman(n).to_uppercase(),
        Some(b"r") => roman(n),
        Some(b"A") => letters(n).to_uppercase(),
        Some(b"a") => letters(n),
        _ => String::new(),
    };
    format!("{prefix}{number}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_and_strings_are_read() {
        assert_eq!(
            pdf_date("D:20230115093000+01'00'"),
            Date::new(2023, 1, 15).ok()
        );
        assert_eq!(pdf_date("D:2021"), Date::new(2021, 1, 1).ok());
        assert_eq!(pdf_date("yesterday"), None);
        assert_eq!(pdf_date("D:20231345"), None);
        assert_eq!(text_string(b"\xfe\xff\x04\x1f\x04\x40"), "Пр");
        assert_eq!(text_string(b"Caf\xe9 \x8d\x8e"), "Café “”");
    }

    #[test]
    fn labels_count_in_their_style() {
        let mut style = Dictionary::new();
        style.set("S", Object::Name(b"R".to_vec()));
        style.set("St", Object::Integer(3));
        let doc = Document::with_version("1.5");
        assert_eq!(label(&doc, &style, 1), "IV");
        style.set("S", Object::Name(b"D".to_vec()));
        style.set("P", Object::string_literal("A-"));
        assert_eq!(label(&doc, &style, 0), "A-3");
    }
}
