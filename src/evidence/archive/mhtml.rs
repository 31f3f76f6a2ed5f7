//! "Single file" web pages (MHTML, RFC 2557) as Chrome and Edge save them:
//! a MIME `multipart/related` message whose root part is the page, read
//! with the `mail-parser` crate (quoted-printable, base64, charsets). The
//! address is the message's `Snapshot-Content-Location` (Chrome's) or the
//! root part's `Content-Location`; the capture time its `Date`. A message
//! without its closing boundary is cut short and refused.

use super::ArchivedPage;
use super::http::is_html_type;
use mail_parser::{Message, MessageParser, MessagePart, MimeHeaders};

/// Whether `bytes` begin as an MHTML file: MIME headers (no blank line
/// before them) that name `multipart/related` before the first blank line.
pub fn looks_like_mhtml(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(16 * 1024)];
    let text = String::from_utf8_lossy(head);
    let header_block = text
        .split("\r\n\r\n")
        .next()
        .and_then(|h| h.split("\n\n").next())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let first = header_block.lines().next().unwrap_or_default();
    let is_header_line = first.split_once(':').is_some_and(|(name, _)| {
        !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    is_header_line && header_block.contains("multipart/related")
}

/// Reads the page an MHTML file holds.
pub fn read_mhtml(bytes: &[u8]) -> Result<ArchivedPage, String> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or("it cannot be read as an MHTML (MIME) message (malformed)")?;
    let content_type = message
        .content_type()
        .ok_or("it has no Content-Type: not an MHTML page (malformed)")?;
    let is_related = content_type.c_type.eq_ignore_ascii_case("multipart")
        && content_type
            .c_subtype
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case("related"));
    if !is_related {
        return Err(format!(
            "it is a MIME message of type {}/{}, not an MHTML page (multipart/related)",
            content_type.c_type,
            content_type.c_subtype.as_deref().unwrap_or("")
        ));
    }
    let boundary = content_type
        .attribute("boundary")
        .ok_or("its Content-Type names no boundary (malformed)")?;
    let closing = format!("--{boundary}--");
    if memchr::memmem::find(bytes, closing.as_bytes()).is_none() {
        return Err("it ends before its closing MIME boundary (truncated)".to_owned());
    }
    let start = content_type.attribute("start").map(str::to_owned);
    let root = root_part(&message, start.as_deref()).ok_or("it holds no parts (malformed)")?;
    let url = message
        .header_raw("Snapshot-Content-Location")
        .or_else(|| root.content_location())
        .or_else(|| message.header_raw("Content-Location"))
        .unwrap_or_default()
        .trim()
        .to_owned();
    let captured = message
        .date()
        .and_then(|d| jiff::Timestamp::from_second(d.to_timestamp()).ok());
    let root_type = root
        .content_type()
        .map(|t| format!("{}/{}", t.c_type, t.c_subtype.as_deref().unwrap_or("")))
        .unwrap_or_default();
    let mut page = ArchivedPage {
        url,
        captured,
        ..ArchivedPage::default()
    };
    if root.is_text_html() || is_html_type(&root_type) {
        // mail-parser has decoded the part to UTF-8 (from its charset, else
        // as UTF-8: Chrome and Edge write the page in UTF-8).
        page.html = Some(root.contents().to_vec());
        page.charset = Some("utf-8".to_owned());
    } else {
        page.notes.push(format!(
            "its root part is {}, not an HTML page: kept as bytes, no text",
            if root_type.is_empty() {
                "untyped"
            } else {
                &root_type
            }
        ));
    }
    Ok(page)
}

/// The page part: the one the `start` parameter names, else the first.
fn root_part<'m>(message: &'m Message<'m>, start: Option<&str>) -> Option<&'m MessagePart<'m>> {
    let parts = message.parts.first()?.sub_parts()?;
    let named = start.map(|s| s.trim().trim_start_matches('<').trim_end_matches('>'));
    let by_id = named.and_then(|id| {
        parts.iter().filter_map(|&i| message.part(i)).find(|part| {
            part.content_id()
                .is_some_and(|c| c.trim().trim_start_matches('<').trim_end_matches('>') == id)
        })
    });
    by_id.or_else(|| parts.first().and_then(|&i| message.part(i)))
}
