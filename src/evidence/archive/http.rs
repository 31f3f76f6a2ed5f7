//! The HTTP response a WARC `response` record holds: its status line and
//! headers read with `httparse`, its body with the transfer coding
//! (chunked) and content coding (gzip, deflate) undone, within
//! [`MAX_PAGE_BYTES`](super::MAX_PAGE_BYTES). A body that cannot be
//! decoded is a note, not a refusal: the archive itself is whole.

use super::MAX_PAGE_BYTES;
use std::io::Read;

/// Most headers one response may have.
const MAX_HEADERS: usize = 256;

/// A response's status, type and body.
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    pub status: u16,
    /// `Content-Type`, as written (`text/html; charset=utf-8`).
    pub content_type: String,
    /// The body as the page was, or why it could not be had.
    pub body: Result<Vec<u8>, String>,
}

impl Response {
    /// Whether the response is a page (2xx HTML or XHTML).
    pub fn is_page(&self) -> bool {
        (200..300).contains(&self.status) && is_html_type(&self.content_type)
    }
}

/// Whether a media type is HTML or XHTML.
pub fn is_html_type(content_type: &str) -> bool {
    let media = content_type.split(';').next().unwrap_or_default().trim();
    media.eq_ignore_ascii_case("text/html") || media.eq_ignore_ascii_case("application/xhtml+xml")
}

/// The `charset` parameter of a `Content-Type`.
pub fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_owned())
            .filter(|v| !v.is_empty())
    })
}

/// Reads the HTTP response in `block`; an error when its head is not one.
pub fn parse_response(block: &[u8]) -> Result<Response, String> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut response = httparse::Response::new(&mut headers);
    let head = match response.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err("its HTTP head is cut short".to_owned()),
        Err(e) => return Err(format!("its HTTP head cannot be read ({e})")),
    };
    let header = |name: &str| -> String {
        response
            .headers
            .iter()
            .filter(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let content_type = header("Content-Type");
    let transfer = header("Transfer-Encoding").to_ascii_lowercase();
    let content = header("Content-Encoding").to_ascii_lowercase();
    let raw = &block[head..];
    let body = if transfer.contains("chunked") {
        dechunk(raw)
    } else {
        Ok(raw.to_vec())
    };
    let body = body.and_then(|body| decode_content(&content, body));
    Ok(Response {
        status: response.code.unwrap_or(0),
        content_type,
        body,
    })
}

/// The body of a chunked message, its chunks joined; chunk extensions
/// and trailers are left out.
fn dechunk(mut raw: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let line_end = memchr::memmem::find(raw, b"\r\n")
            .ok_or("its chunked body is cut short (a chunk without its size line)")?;
        let size_text = String::from_utf8_lossy(&raw[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| {
            format!("its chunked body has a chunk size {size_text:?} that is not hex")
        })?;
        raw = &raw[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        if size > raw.len() {
            return Err(
                "its chunked body is cut short (a chunk longer than what follows)".to_owned(),
            );
        }
        if (out.len() + size) as u64 > MAX_PAGE_BYTES {
            return Err(too_large());
        }
        out.extend_from_slice(&raw[..size]);
        raw = raw[size..].strip_prefix(b"\r\n").unwrap_or(&raw[size..]);
    }
}

/// The body with its content coding undone.
fn decode_content(coding: &str, body: Vec<u8>) -> Result<Vec<u8>, String> {
    match coding.trim() {
        "" | "identity" => Ok(body),
        "gzip" | "x-gzip" => inflate(flate2::read::MultiGzDecoder::new(&body[..]), "gzip"),
        "deflate" => inflate(flate2::read::ZlibDecoder::new(&body[..]), "deflate")
            .or_else(|_| inflate(flate2::read::DeflateDecoder::new(&body[..]), "deflate")),
        other => Err(format!(
            "its page is sent compressed with {other}, which Factbench does not decode"
        )),
    }
}

fn inflate(decoder: impl Read, coding: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    decoder
        .take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("its page's {coding} content cannot be unpacked ({e})"))?;
    if out.len() as u64 > MAX_PAGE_BYTES {
        return Err(too_large());
    }
    Ok(out)
}

fn too_large() -> String {
    format!(
        "its page is over {} MB, more than article import reads",
        MAX_PAGE_BYTES >> 20
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_and_gzipped_bodies_are_undone() {
        let page = "<p>Вода — это жизнь 🚰</p>".as_bytes();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, page).unwrap();
        let gz = gz.finish().unwrap();
        let (a, b) = gz.split_at(7);
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"UTF-8\"\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        for part in [a, b] {
            block.extend_from_slice(format!("{:x};ext=1\r\n", part.len()).as_bytes());
            block.extend_from_slice(part);
            block.extend_from_slice(b"\r\n");
        }
        block.extend_from_slice(b"0\r\n\r\n");
        let response = parse_response(&block).unwrap();
        assert!(response.is_page());
        assert_eq!(charset_of(&response.content_type).as_deref(), Some("UTF-8"));
        assert_eq!(response.body.unwrap(), page);
    }

    #[test]
    fn a_cut_chunk_and_an_unknown_coding_are_notes() {
        let cut = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n40\r\nshort";
        assert!(
            parse_response(cut)
                .unwrap()
                .body
                .unwrap_err()
                .contains("cut short")
        );
        let br = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n\x0b\x02";
        assert!(parse_response(br).unwrap().body.unwrap_err().contains("br"));
        assert!(parse_response(b"not http at all\r\n\r\n").is_err());
    }
}
