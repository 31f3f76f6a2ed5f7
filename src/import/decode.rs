//! Turning the bytes of an article into text: byte-order marks, an
//! encoding the user asked for, an HTML `<meta charset>`, UTF-8, or a guess
//! among legacy encodings (Windows-1251, KOI8-R/U, GB18030, Big5,
//! Shift_JIS, …) by chardetng, decoded by encoding_rs.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

/// How the encoding was chosen, for messages and the import preview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detection {
    ByteOrderMark,
    Requested,
    HtmlMeta,
    Utf8,
    Guessed,
}

impl Detection {
    pub fn describe(self) -> &'static str {
        match self {
            Detection::ByteOrderMark => "from its byte-order mark",
            Detection::Requested => "as requested",
            Detection::HtmlMeta => "declared by the page",
            Detection::Utf8 => "valid UTF-8",
            Detection::Guessed => "detected",
        }
    }
}

/// Text decoded from bytes, and how.
#[derive(Clone, Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub detection: Detection,
}

/// Bytes that are not valid in the encoding chosen for them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed {
    pub encoding: &'static Encoding,
    pub detection: Detection,
}

/// Looks up an encoding by any of its WHATWG labels (`"cp1251"`, `"koi8-r"`, `"gbk"`…).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Decodes article bytes. `requested` (the user's choice) wins over
/// everything but a byte-order mark of the same encoding; then a BOM; then,
/// for HTML, a `<meta charset>` (unless the bytes are UTF-8 anyway); then
/// UTF-8 when valid; then chardetng's guess.
pub fn decode(
    bytes: &[u8],
    requested: Option<&'static Encoding>,
    html: bool,
) -> Result<Decoded, Malformed> {
    if let Some(encoding) = requested {
        return strict(bytes, encoding, Detection::Requested);
    }
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return strict(bytes, encoding, Detection::ByteOrderMark);
    }
    let is_utf8 = std::str::from_utf8(bytes).is_ok();
    let plainly_utf8 = is_utf8 && !bytes.is_ascii();
    if html
        && !plainly_utf8
        && let Some(declared) = declared_charset(bytes)
    {
        return strict(bytes, declared, Detection::HtmlMeta);
    }
    if is_utf8 {
        return strict(bytes, UTF_8, Detection::Utf8);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Deny);
    strict(bytes, guess, Detection::Guessed)
}

fn strict(
    bytes: &[u8],
    encoding: &'static Encoding,
    detection: Detection,
) -> Result<Decoded, Malformed> {
    let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
    if had_errors {
        return Err(Malformed {
            encoding,
            detection,
        });
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
        detection,
    })
}

/// The charset an HTML page declares in its first 1,024 bytes
/// (`<meta charset=…>` or `<meta http-equiv … content="…; charset=…">`).
/// A declared UTF-16 means UTF-8 here, as in browsers: the bytes were
/// readable as ASCII to find the declaration.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = find(&lower[from..], b"charset") {
        let after = from + found + b"charset".len();
        from = after;
        let rest = skip(&lower[after..], |b| b.is_ascii_whitespace());
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = skip(rest, |b| b.is_ascii_whitespace() || b == b'"' || b == b'\'');
        let end = rest
            .iter()
            .position(|&b| {
                b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'>' | b'/')
            })
            .unwrap_or(rest.len());
        if let Some(encoding) = Encoding::for_label(&rest[..end]) {
            return Some(encoding.output_encoding());
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn skip(bytes: &[u8], unwanted: impl Fn(u8) -> bool) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&b| !unwanted(b))
        .unwrap_or(bytes.len());
    &bytes[start..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{SHIFT_JIS, UTF_16LE, WINDOWS_1251};

    #[test]
    fn finds_the_declared_charset() {
        assert_eq!(
            declared_charset(b"<meta charset=\"windows-1251\">"),
            Some(WINDOWS_1251)
        );
        assert_eq!(
            declared_charset(b"<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=gb2312'>"),
            Some(encoding_rs::GBK)
        );
        assert_eq!(declared_charset(b"<meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(declared_charset(b"<p>charset is a word</p>"), None);
    }

    #[test]
    fn declared_legacy_charset_loses_to_bytes_that_are_utf8() {
        let page = "<meta charset=\"iso-8859-1\"><p>Привет</p>";
        let decoded = decode(page.as_bytes(), None, true).unwrap();
        assert_eq!(decoded.encoding, UTF_8);
        assert_eq!(decoded.text, page);
    }

    #[test]
    fn byte_order_marks_win() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend("Ки".encode_utf16().flat_map(u16::to_le_bytes));
        let decoded = decode(&bytes, None, false).unwrap();
        assert_eq!(
            (decoded.encoding, decoded.detection),
            (UTF_16LE, Detection::ByteOrderMark)
        );
        assert_eq!(decoded.text, "Ки");
    }

    #[test]
    fn a_wrong_requested_encoding_is_reported() {
        let cp1251 = WINDOWS_1251.encode("Привет").0;
        assert_eq!(
            decode(&cp1251, Some(UTF_8), false).unwrap_err(),
            Malformed {
                encoding: UTF_8,
                detection: Detection::Requested
            }
        );
        assert_eq!(
            decode(&SHIFT_JIS.encode("こんにちは").0, Some(SHIFT_JIS), false)
                .unwrap()
                .text,
            "こんにちは"
        );
    }
}
