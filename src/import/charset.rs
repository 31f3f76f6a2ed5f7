//! The charset a web page declares, found the way browsers look for it:
//! in `<meta charset=…>` and `<meta http-equiv="Content-Type"
//! content="…; charset=…">` tags only (a `<script charset=…>` names the
//! script's encoding, not the page's), in the page's head, skipping
//! comments. Each declaration is returned, so that the caller can tell
//! when two of them disagree.

use encoding_rs::{Encoding, REPLACEMENT, UTF_8};

/// How far into the page declarations are looked for. Browsers prescan
/// 1,024 bytes and then re-read the page when the tree builder meets a
/// later `<meta>` in the head; pages with long inline styles before their
/// `<meta>` are common, so the head is read up to here.
const SCAN_BYTES: usize = 64 * 1024;

/// Every charset declared by a `<meta>` in the page's head, in order. A
/// declared UTF-16 means UTF-8, as in browsers: the bytes were readable as
/// ASCII to find it. Labels no encoding has, and the "replacement"
/// encoding's labels, are skipped.
pub fn declared_charsets(bytes: &[u8]) -> Vec<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SCAN_BYTES)];
    let lower = head.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &lower[at..]) {
        let rest = &lower[at + lt..];
        if rest.starts_with(b"<!--") {
            at += lt + find(rest, b"-->").map_or(rest.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with(b"<body") {
            break;
        }
        let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
        if is_meta_tag(rest)
            && let Some(encoding) = charset_in_tag(&rest[..end])
        {
            found.push(encoding);
        }
        at += lt + end.max(1);
    }
    found
}

fn is_meta_tag(rest: &[u8]) -> bool {
    rest.starts_with(b"<meta")
        && rest
            .get(5)
            .is_some_and(|&b| b.is_ascii_whitespace() || b == b'/')
}

/// The encoding named by `charset=` in one `<meta …` tag.
fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(found) = find(&tag[from..], b"charset") {
        let after = from + found + b"charset".len();
        from = after;
        let rest = skip(&tag[after..], |b| b.is_ascii_whitespace());
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
        match Encoding::for_label(&rest[..end]) {
            Some(encoding) if encoding == REPLACEMENT => return None,
            Some(encoding) if encoding == encoding_rs::X_USER_DEFINED => {
                return Some(encoding_rs::WINDOWS_1252);
            }
            Some(encoding) => return Some(encoding.output_encoding()),
            None => {}
        }
    }
    None
}

/// The one encoding all declarations name, if they agree; UTF-8 and
/// `None` when there are none.
pub fn agreed(declared: &[&'static Encoding]) -> Agreement {
    match declared.split_first() {
        None => Agreement::None,
        Some((first, rest)) if rest.iter().all(|e| e == first) => Agreement::One(first),
        Some(_) => Agreement::Disagree,
    }
}

/// What a page's declarations say together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    None,
    One(&'static Encoding),
    Disagree,
}

impl Agreement {
    pub fn is_utf8(self) -> bool {
        self == Agreement::One(UTF_8)
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
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
    use encoding_rs::{GBK, ISO_8859_2, WINDOWS_1251, WINDOWS_1252};

    #[test]
    fn finds_the_declared_charset_in_meta_tags() {
        assert_eq!(
            declared_charsets(b"<meta charset=\"windows-1251\">"),
            [WINDOWS_1251]
        );
        assert_eq!(
            declared_charsets(
                b"<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=gb2312'>"
            ),
            [GBK]
        );
        assert_eq!(declared_charsets(b"<meta charset=utf-16>"), [UTF_8]);
        assert_eq!(
            declared_charsets(b"<meta charset=x-user-defined>"),
            [WINDOWS_1252]
        );
        assert!(declared_charsets(b"<p>charset=koi8-r is a word</p>").is_empty());
    }

    #[test]
    fn script_charsets_comments_and_the_body_are_not_declarations() {
        let page = b"<script charset=\"utf-8\" src=a.js></script>\
            <!-- <meta charset=koi8-r> --><meta http-equiv=content-type content=\"text/html; charset=iso-8859-2\">\
            <body><meta charset=big5>";
        assert_eq!(declared_charsets(page), [ISO_8859_2]);
        assert!(declared_charsets(b"<metadata charset=koi8-r>").is_empty());
    }

    #[test]
    fn declarations_agree_or_not() {
        assert_eq!(agreed(&[]), Agreement::None);
        assert_eq!(agreed(&[UTF_8, UTF_8]), Agreement::One(UTF_8));
        assert!(agreed(&[UTF_8]).is_utf8());
        assert_eq!(agreed(&[UTF_8, WINDOWS_1251]), Agreement::Disagree);
    }
}
