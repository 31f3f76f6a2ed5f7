//! Turning the bytes of an article into text the way a browser does: a
//! byte-order mark, an encoding the user asked for, the charset the page's
//! `<meta>` declares ([`super::charset`]), UTF-8, or — when declarations
//! disagree or the bytes are not valid in the declared encoding —
//! chardetng's guess among legacy encodings (Windows-1251/1252, ISO-8859-2,
//! KOI8-R/U, GB18030, Big5, Shift_JIS, …), decoded by encoding_rs.
//!
//! A page is read even when a few of its bytes are not valid in the
//! encoding chosen: each bad sequence becomes U+FFFD and a warning says how
//! many there were and where. Only an encoding the user named is held to
//! every byte, and only a file that is mostly undecodable is refused, with
//! the encodings worth trying named.

use super::charset::{Agreement, agreed, declared_charsets};
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, UTF_8};

/// How the encoding was chosen, for messages and the import preview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detection {
    ByteOrderMark,
    Requested,
    HtmlMeta,
    Utf8,
    Guessed,
    /// The page's declarations disagreed, or its bytes were not valid in
    /// the one it declared: chardetng chose.
    GuessedOverDeclared,
    /// A PDF or Word document, whose text comes with its own encoding.
    Document,
}

impl Detection {
    pub fn describe(self) -> &'static str {
        match self {
            Detection::ByteOrderMark => "from its byte-order mark",
            Detection::Requested => "as requested",
            Detection::HtmlMeta => "declared by the page",
            Detection::Utf8 => "valid UTF-8",
            Detection::Guessed => "detected",
            Detection::GuessedOverDeclared => "detected; the page's declaration did not fit",
            Detection::Document => "as the document stores it",
        }
    }
}

/// Text decoded from bytes, and how.
#[derive(Clone, Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub detection: Detection,
    /// What the reader should know: bytes replaced, and where.
    pub warnings: Vec<String>,
}

/// Bytes that are not valid in the encoding chosen for them, with the
/// encodings worth trying instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed {
    pub encoding: &'static Encoding,
    pub detection: Detection,
    pub suggestions: Vec<&'static Encoding>,
}

impl Malformed {
    /// "windows-1252, ISO-8859-2, KOI8-R", for messages.
    pub fn suggest(&self) -> String {
        let names: Vec<&str> = self.suggestions.iter().map(|e| e.name()).collect();
        names.join(", ")
    }
}

/// Looks up an encoding by any of its WHATWG labels (`"cp1251"`, `"koi8-r"`, `"gbk"`…).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Most bad sequences a decoded file may have before it is refused, as a
/// share of its bytes (1 in 100), and never fewer than [`MIN_REFUSED`].
const REFUSED_SHARE: usize = 100;
const MIN_REFUSED: usize = 16;

/// Decodes article bytes. `requested` (the user's choice) wins and must fit
/// every byte; then a BOM; then, for HTML, the `<meta>` declarations when
/// they agree and fit; then UTF-8 when valid or nearly so; then chardetng.
pub fn decode(
    bytes: &[u8],
    requested: Option<&'static Encoding>,
    html: bool,
) -> Result<Decoded, Malformed> {
    if let Some(encoding) = requested {
        return strict(bytes, encoding, Detection::Requested);
    }
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return lenient(bytes, encoding, Detection::ByteOrderMark);
    }
    let declared = if html {
        agreed(&declared_charsets(bytes))
    } else {
        Agreement::None
    };
    if std::str::from_utf8(bytes).is_ok() {
        if bytes.is_ascii()
            && let Agreement::One(encoding) = declared
            && let Some(decoded) = clean(bytes, encoding, Detection::HtmlMeta)
        {
            return Ok(decoded);
        }
        return strict(bytes, UTF_8, Detection::Utf8);
    }
    if nearly_utf8(bytes) {
        let detection = match declared {
            Agreement::None => Detection::Utf8,
            declared if declared.is_utf8() => Detection::Utf8,
            _ => Detection::GuessedOverDeclared,
        };
        return lenient(bytes, UTF_8, detection);
    }
    if let Agreement::One(encoding) = declared
        && let Some(decoded) = clean(bytes, encoding, Detection::HtmlMeta)
    {
        return Ok(decoded);
    }
    let detection = match declared {
        Agreement::None => Detection::Guessed,
        _ => Detection::GuessedOverDeclared,
    };
    lenient(bytes, guess(bytes, None), detection)
}

/// chardetng's guess, with a top-level domain as a hint (or none).
fn guess(bytes: &[u8], tld: Option<&[u8]>) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(tld, Utf8Detection::Deny)
}

/// UTF-8 with a few stray bytes (a truncated character, a pasted
/// Windows-1252 quote): at least ten valid multi-byte characters for
/// each invalid sequence.
fn nearly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid >= 10 * invalid.max(1)
}

/// Decodes with `encoding`, which must fit every byte.
fn strict(
    bytes: &[u8],
    encoding: &'static Encoding,
    detection: Detection,
) -> Result<Decoded, Malformed> {
    clean(bytes, encoding, detection).ok_or_else(|| Malformed {
        encoding,
        detection,
        suggestions: suggestions(bytes, encoding),
    })
}

/// The text, when `encoding` fits every byte.
fn clean(bytes: &[u8], encoding: &'static Encoding, detection: Detection) -> Option<Decoded> {
    let (text, bad) = decode_marking_bad(bytes, encoding);
    (bad.count == 0).then_some(Decoded {
        text,
        encoding,
        detection,
        warnings: Vec::new(),
    })
}

/// Decodes with U+FFFD for bad sequences and a warning naming them;
/// refuses a file where they are more than one byte in a hundred.
fn lenient(
    bytes: &[u8],
    encoding: &'static Encoding,
    detection: Detection,
) -> Result<Decoded, Malformed> {
    let (text, bad) = decode_marking_bad(bytes, encoding);
    if bad.count > MIN_REFUSED.max(bytes.len() / REFUSED_SHARE) {
        return Err(Malformed {
            encoding,
            detection,
            suggestions: suggestions(bytes, encoding),
        });
    }
    let warnings = if bad.count > 0 {
        vec![bad.describe(bytes, encoding)]
    } else {
        Vec::new()
    };
    Ok(Decoded {
        text,
        encoding,
        detection,
        warnings,
    })
}

/// The bad sequences met while decoding: how many, and the byte offsets
/// of the first few.
#[derive(Debug, Default)]
struct BadBytes {
    count: usize,
    first: Vec<usize>,
}

/// How many bad sequences a warning places.
const PLACES_NAMED: usize = 3;

impl BadBytes {
    fn add(&mut self, at: usize) {
        self.count += 1;
        if self.first.len() < PLACES_NAMED {
            self.first.push(at);
        }
    }

    /// "2 byte sequences not valid in UTF-8 read as U+FFFD (at byte 120
    /// on line 3, byte 4031 on line 80)".
    fn describe(&self, bytes: &[u8], encoding: &'static Encoding) -> String {
        let places: Vec<String> = self
            .first
            .iter()
            .map(|&at| format!("byte {at} on line {}", line_of(bytes, at)))
            .collect();
        let more = if self.count > self.first.len() {
            ", …"
        } else {
            ""
        };
        let (sequences, were) = if self.count == 1 {
            ("byte sequence", "was")
        } else {
            ("byte sequences", "were")
        };
        format!(
            "{} {sequences} not valid in {} {were} read as U+FFFD (at {}{more})",
            self.count,
            encoding.name(),
            places.join(", ")
        )
    }
}

/// The 1-based line of byte offset `at`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    memchr::memchr_iter(b'\n', &bytes[..at.min(bytes.len())]).count() + 1
}

/// Decodes `bytes` (dropping a BOM of `encoding`), each bad sequence
/// replaced by U+FFFD and its byte offset noted.
fn decode_marking_bad(bytes: &[u8], encoding: &'static Encoding) -> (String, BadBytes) {
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut text = String::with_capacity(capacity);
    let mut bad = BadBytes::default();
    let mut read = 0;
    loop {
        let (result, consumed) =
            decoder.decode_to_string_without_replacement(&bytes[read..], &mut text, true);
        read += consumed;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => text.reserve(bytes.len() - read + 16),
            DecoderResult::Malformed(length, after) => {
                bad.add(read.saturating_sub(usize::from(length) + usize::from(after)));
                text.push('\u{FFFD}');
            }
        }
    }
    (text, bad)
}

/// Top-level domains whose hint makes chardetng rank another family of
/// encodings first: Central European, Cyrillic, Greek, Turkish, Baltic,
/// Hebrew, Arabic, Vietnamese, Thai, Japanese, Chinese, Korean.
const HINTS: &[&[u8]] = &[
    b"pl", b"ru", b"gr", b"tr", b"lt", b"il", b"eg", b"vn", b"th", b"jp", b"cn", b"tw", b"kr",
];

/// The encodings worth naming when `failed` did not fit: chardetng's
/// guess and the ones it ranks first for other regions, those that decode
/// the bytes cleanly first, then windows-1252 and ISO-8859-2.
fn suggestions(bytes: &[u8], failed: &'static Encoding) -> Vec<&'static Encoding> {
    let mut guesses = vec![guess(bytes, None)];
    for tld in HINTS {
        guesses.push(guess(bytes, Some(tld)));
    }
    let (mut clean, mut unclean): (Vec<_>, Vec<_>) = (Vec::new(), Vec::new());
    for encoding in guesses {
        if encoding == failed || clean.contains(&encoding) || unclean.contains(&encoding) {
            continue;
        }
        if decode_marking_bad(bytes, encoding).1.count == 0 {
            clean.push(encoding);
        } else {
            unclean.push(encoding);
        }
    }
    clean.extend(unclean);
    clean.truncate(4);
    for always in [encoding_rs::WINDOWS_1252, encoding_rs::ISO_8859_2] {
        if always != failed && !clean.contains(&always) {
            clean.push(always);
        }
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{ISO_8859_2, SHIFT_JIS, UTF_16LE, WINDOWS_1251, WINDOWS_1252};

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
    fn a_wrong_requested_encoding_is_reported_with_what_to_try() {
        let cp1251 = WINDOWS_1251.encode("Привет, как дела? Всё хорошо.").0;
        let error = decode(&cp1251, Some(UTF_8), false).unwrap_err();
        assert_eq!(
            (error.encoding, error.detection),
            (UTF_8, Detection::Requested)
        );
        assert_eq!(error.suggestions[0], WINDOWS_1251, "{}", error.suggest());
        assert!(error.suggestions.contains(&WINDOWS_1252));
        assert!(error.suggestions.contains(&ISO_8859_2));
        assert_eq!(
            decode(&SHIFT_JIS.encode("こんにちは").0, Some(SHIFT_JIS), false)
                .unwrap()
                .text,
            "こんにちは"
        );
    }

    /// UTF-8 text of every script, with bytes that are not UTF-8 put in.
    fn utf8_with_stray_bytes() -> (Vec<u8>, usize) {
        let text = "Привет мир. 北京欢迎你。 مرحبا بالعالم 👋 e\u{301} ".repeat(4);
        let mut bytes = text.as_bytes().to_vec();
        let stray_at = bytes.len();
        bytes.extend_from_slice(b"\x92quoted\x93 and a truncated char ");
        bytes.extend_from_slice(&"文".as_bytes()[..2]);
        (bytes, stray_at)
    }

    #[test]
    fn a_few_stray_bytes_in_utf8_become_replacement_characters_with_a_warning() {
        let (bytes, stray_at) = utf8_with_stray_bytes();
        for html in [false, true] {
            let decoded = decode(&bytes, None, html).unwrap();
            assert_eq!(decoded.encoding, UTF_8);
            assert_eq!(decoded.text.matches('\u{FFFD}').count(), 3);
            assert!(
                decoded
                    .text
                    .contains("北京欢迎你。 مرحبا بالعالم 👋 e\u{301}")
            );
            let warning = &decoded.warnings[0];
            assert!(
                warning.starts_with("3 byte sequences not valid in UTF-8"),
                "{warning}"
            );
            assert!(
                warning.contains(&format!("byte {stray_at} on line 1")),
                "{warning}"
            );
        }
    }

    #[test]
    fn a_page_declaring_utf8_in_windows_1252_is_read_as_chardetng_says() {
        let body =
            "Les élèves ont été très contents de leur journée à la mer. Ça coûte cher, ô combien !";
        let mut page = b"<meta charset=utf-8><p>".to_vec();
        page.extend_from_slice(&WINDOWS_1252.encode(body).0);
        let decoded = decode(&page, None, true).unwrap();
        assert_eq!(
            (decoded.encoding, decoded.detection),
            (WINDOWS_1252, Detection::GuessedOverDeclared)
        );
        assert!(decoded.text.ends_with(body));
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn disagreeing_declarations_are_settled_by_chardetng() {
        let body = "Президент посетит Москву на следующей неделе, чтобы принять участие в параде.";
        let mut page = b"<meta charset=koi8-r><meta http-equiv=content-type content='text/html; charset=windows-1251'><p>".to_vec();
        page.extend_from_slice(&WINDOWS_1251.encode(body).0);
        let decoded = decode(&page, None, true).unwrap();
        assert_eq!(decoded.encoding, WINDOWS_1251);
        assert!(decoded.text.ends_with(body));
    }

    #[test]
    fn bytes_mostly_undecodable_are_refused_with_encodings_to_try() {
        let mut sjis = SHIFT_JIS
            .encode("国家主席は来週モスクワを訪問する")
            .0
            .into_owned();
        sjis.extend(std::iter::repeat_n(0xfdu8, 200));
        let error = decode(&sjis, Some(SHIFT_JIS), false).unwrap_err();
        assert_eq!(error.encoding, SHIFT_JIS);
        assert!(!error.suggestions.contains(&SHIFT_JIS));
        assert!(
            error.suggest().contains("windows-1252"),
            "{}",
            error.suggest()
        );
        assert!(
            error.suggest().contains("ISO-8859-2"),
            "{}",
            error.suggest()
        );
    }

    #[test]
    fn bad_bytes_are_placed_by_line() {
        let bytes = b"ok\nok\n\xff";
        let (text, bad) = decode_marking_bad(bytes, UTF_8);
        assert_eq!(
            (text.as_str(), bad.count, bad.first.as_slice()),
            ("ok\nok\n\u{FFFD}", 1, &[6][..])
        );
        assert_eq!(line_of(bytes, 6), 3);
    }
}
