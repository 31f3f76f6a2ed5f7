//! Web addresses as a reader reads them: the percent-escapes of letters
//! written out (`/wiki/Москва`, not `/wiki/%D0%9C%D0%BE…`), as a browser's
//! address bar shows them. Only for showing: the address itself (what is
//! opened, copied and exported) is never changed.

/// `url` with its percent-escaped letters shown as letters. Escapes of
/// spaces, controls, `%` and the characters that give an address its
/// structure (`/ ? # & = + ;` …) stay escaped, so the shown address still
/// reads as the same address; an escape sequence that is not UTF-8 leaves
/// the whole address as it was.
pub fn readable_address(url: &str) -> String {
    if !url.contains('%') {
        return url.to_owned();
    }
    let bytes = url.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match escaped_byte(bytes, i) {
            Some(b) if !keeps_escape(b) => {
                out.push(b);
                i += 3;
            }
            _ => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(readable) if !readable.chars().any(shown_as_escape) => readable,
        _ => url.to_owned(),
    }
}

/// The byte a `%XX` at `at` stands for.
fn escaped_byte(bytes: &[u8], at: usize) -> Option<u8> {
    if bytes.get(at) != Some(&b'%') {
        return None;
    }
    let hex = std::str::from_utf8(bytes.get(at + 1..at + 3)?).ok()?;
    u8::from_str_radix(hex, 16).ok()
}

/// ASCII bytes whose escape is kept: they would change how the address
/// reads (or what it is) if written out.
fn keeps_escape(byte: u8) -> bool {
    byte < 0x80 && !byte.is_ascii_alphanumeric() && !b"-._~".contains(&byte)
}

/// Characters a reader should not see written out: invisible and
/// direction-changing ones (a spoofing risk in an address).
fn shown_as_escape(c: char) -> bool {
    c.is_control()
        || crate::text::is_bidi_control(c)
        || matches!(
            c,
            '\u{200b}'..='\u{200f}' | '\u{feff}' | '\u{00a0}' | '\u{2028}' | '\u{2029}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_letters_are_shown_as_letters() {
        assert_eq!(
            readable_address("https://ru.wikipedia.org/wiki/%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0"),
            "https://ru.wikipedia.org/wiki/Москва"
        );
        assert_eq!(
            readable_address("https://example.org/%E4%B8%AD%E5%9B%BD?q=%D8%B9%D8%AF%D8%AF"),
            "https://example.org/中国?q=عدد"
        );
    }

    #[test]
    fn structure_spaces_and_broken_sequences_stay_escaped() {
        assert_eq!(
            readable_address("https://example.org/a%2Fb%20c%3Fd%25e%7E"),
            "https://example.org/a%2Fb%20c%3Fd%25e~"
        );
        // Not UTF-8: the whole address as it was.
        assert_eq!(
            readable_address("https://example.org/%FF%D0%9C"),
            "https://example.org/%FF%D0%9C"
        );
        // A right-to-left override written out could disguise the address.
        assert_eq!(
            readable_address("https://example.org/%E2%80%AEgpj.exe"),
            "https://example.org/%E2%80%AEgpj.exe"
        );
        assert_eq!(
            readable_address("https://example.org/%"),
            "https://example.org/%"
        );
        assert_eq!(
            readable_address("https://example.org/%Z1"),
            "https://example.org/%Z1"
        );
    }
}
