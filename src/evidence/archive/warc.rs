//! WARC files (ISO 28500, versions 1.0 and 1.1), plain or gzipped one
//! record per member (`.warc.gz`): a small streaming record reader — no
//! crate reads WARC within bounds we can set (see `docs/evidence.md`) —
//! over `flate2`'s multi-member gzip decoder. Every record is walked, so a
//! file cut short anywhere is refused; only the page's block is kept in
//! memory. The page is the first `response` (or `resource`) record of a
//! 2xx HTML page, or the one captured from the address asked for (a
//! WACZ's main page); its `WARC-Target-URI` and `WARC-Date` say where and
//! when it was captured.

use super::http::{Response, charset_of, is_html_type, parse_response};
use super::parse_archive_time;
use super::{ArchivedPage, MAX_EXPANDED_BYTES, MAX_PAGE_BYTES, MAX_RATIO, RATIO_FREE_BYTES};
use jiff::Timestamp;
use std::io::{self, BufRead, BufReader, Read};

/// Longest header line read.
const MAX_LINE_BYTES: u64 = 64 * 1024;
/// Most header lines one record may have.
const MAX_HEADER_LINES: usize = 1_000;

/// Whether `bytes` are a WARC: `WARC/1.` at the start, or a gzip member
/// that unpacks to it.
pub fn looks_like_warc(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"WARC/") {
        return true;
    }
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return false;
    }
    let mut head = [0u8; 5];
    flate2::read::GzDecoder::new(bytes)
        .read_exact(&mut head)
        .is_ok()
        && &head == b"WARC/"
}

/// Reads the page a WARC holds: the one captured from `want` when given
/// (and there), else the first page in it.
pub fn read_warc(bytes: &[u8], want: Option<&str>) -> Result<ArchivedPage, String> {
    let scan = scan(bytes, want)?;
    let mut notes = Vec::new();
    let chosen = match (want, scan.wanted, scan.first_page) {
        (_, Some(page), _) => Some(page),
        (Some(url), None, first) => {
            notes.push(format!(
                "the archive names {url} as its page but holds no page captured from it"
            ));
            first
        }
        (None, None, first) => first,
    };
    let Some(record) = chosen else {
        notes.push(format!(
            "its {} record(s) hold no HTML page: kept as bytes, no text",
            scan.records
        ));
        return Ok(ArchivedPage {
            notes,
            ..ArchivedPage::default()
        });
    };
    let (html, charset) = match record.response.body {
        Ok(body) => (Some(body), charset_of(&record.response.content_type)),
        Err(why) => {
            notes.push(format!("{why}: kept as bytes, no text"));
            (None, None)
        }
    };
    Ok(ArchivedPage {
        html,
        charset,
        url: record.url,
        captured: record.date,
        notes,
    })
}

/// A record holding a page.
#[derive(Debug)]
struct PageRecord {
    url: String,
    date: Option<Timestamp>,
    response: Response,
}

/// What walking a WARC found.
#[derive(Debug, Default)]
struct Scan {
    records: usize,
    first_page: Option<PageRecord>,
    wanted: Option<PageRecord>,
}

/// A guard's refusal, carried through `io::Error` out of the decoder.
#[derive(Debug)]
struct Tripped(String);

impl std::fmt::Display for Tripped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Tripped {}

/// Packed bytes read so far.
struct Counting<'a> {
    bytes: &'a [u8],
    read: u64,
}

impl Read for Counting<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.bytes.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

/// A gzip stream that stops past [`MAX_EXPANDED_BYTES`], or when it
/// unpacks to over [`MAX_RATIO`] times its packed size (a bomb).
struct Guarded<'a> {
    decoder: flate2::read::MultiGzDecoder<Counting<'a>>,
    expanded: u64,
}

impl Read for Guarded<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.decoder.read(buf)?;
        self.expanded += n as u64;
        let packed = self.decoder.get_ref().read.max(1);
        if self.expanded > MAX_EXPANDED_BYTES {
            return Err(io::Error::other(Tripped(format!(
                "it unpacks to more than {} MB (a gzip bomb?)",
                MAX_EXPANDED_BYTES >> 20
            ))));
        }
        if self.expanded > RATIO_FREE_BYTES && self.expanded > packed * MAX_RATIO {
            return Err(io::Error::other(Tripped(format!(
                "it unpacks to over {MAX_RATIO} times its size ({} MB from {} KB so far: a gzip bomb?)",
                self.expanded >> 20,
                packed >> 10
            ))));
        }
        Ok(n)
    }
}

/// Says what an I/O error while reading the WARC means.
fn read_error(e: &io::Error, gzipped: bool, at: &str) -> String {
    if let Some(tripped) = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<Tripped>())
    {
        return tripped.0.clone();
    }
    match (gzipped, e.kind()) {
        (_, io::ErrorKind::UnexpectedEof) => format!("it is cut short {at} (truncated)"),
        (true, _) => format!("its gzip data is damaged {at} ({e})"),
        (false, _) => format!("it cannot be read {at} ({e})"),
    }
}

fn scan(bytes: &[u8], want: Option<&str>) -> Result<Scan, String> {
    let gzipped = bytes.starts_with(&[0x1f, 0x8b]);
    let mut reader: Box<dyn BufRead + '_> = if gzipped {
        let counting = Counting { bytes, read: 0 };
        Box::new(BufReader::new(Guarded {
            decoder: flate2::read::MultiGzDecoder::new(counting),
            expanded: 0,
        }))
    } else {
        Box::new(BufReader::new(bytes))
    };
    let mut scan = Scan::default();
    let mut offset = 0u64;
    loop {
        let at = format!("at byte {offset} (record {})", scan.records + 1);
        let mut line = Vec::new();
        let n = read_line(&mut reader, &mut line).map_err(|e| read_error(&e, gzipped, &at))?;
        if n == 0 {
            break;
        }
        offset += n as u64;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if !line.starts_with(b"WARC/") {
            return Err(format!(
                "it holds {} {at}, where a record should start with WARC/1.0 or WARC/1.1 (malformed)",
                shown(&line)
            ));
        }
        let (headers, read) = read_headers(&mut reader, gzipped, &at)?;
        offset += read;
        scan.records += 1;
        let length = header(&headers, "Content-Length")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .ok_or_else(|| {
                format!(
                    "its record {} has no Content-Length (malformed)",
                    scan.records
                )
            })?;
        let keep = wants_block(&scan, want, &headers, length);
        if keep {
            let mut block = vec![0; length as usize];
            reader
                .read_exact(&mut block)
                .map_err(|e| read_error(&e, gzipped, &format!("in record {}", scan.records)))?;
            consider(&mut scan, want, &headers, &block);
        } else {
            let copied = io::copy(&mut (&mut reader).take(length), &mut io::sink())
                .map_err(|e| read_error(&e, gzipped, &format!("in record {}", scan.records)))?;
            if copied < length {
                return Err(format!(
                    "its record {} declares {length} bytes but only {copied} follow (truncated)",
                    scan.records
                ));
            }
        }
        offset += length;
    }
    if scan.records == 0 {
        return Err("it holds no WARC record".to_owned());
    }
    Ok(scan)
}

/// Reads one line (up to and with its `\n`), at most [`MAX_LINE_BYTES`].
fn read_line(reader: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let n = reader.take(MAX_LINE_BYTES).read_until(b'\n', line)?;
    if n as u64 == MAX_LINE_BYTES && !line.ends_with(b"\n") {
        return Err(io::Error::other(Tripped(format!(
            "it has a line longer than {} KB where record headers should be (malformed)",
            MAX_LINE_BYTES >> 10
        ))));
    }
    Ok(n)
}

/// A record's named fields, continuation lines joined; and the bytes read.
fn read_headers(
    reader: &mut dyn BufRead,
    gzipped: bool,
    at: &str,
) -> Result<(Vec<(String, String)>, u64), String> {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut read = 0u64;
    loop {
        let mut line = Vec::new();
        let n = read_line(reader, &mut line).map_err(|e| read_error(&e, gzipped, at))?;
        read += n as u64;
        if n == 0 || !line.ends_with(b"\n") {
            return Err(format!(
                "it is cut short in the headers of the record {at} (truncated)"
            ));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            return Ok((headers, read));
        }
        if headers.len() >= MAX_HEADER_LINES {
            return Err(format!(
                "the record {at} has over {MAX_HEADER_LINES} header lines (malformed)"
            ));
        }
        match (text.starts_with([' ', '\t']), headers.last_mut()) {
            (true, Some((_, value))) => {
                value.push(' ');
                value.push_str(text.trim());
            }
            _ => {
                let (name, value) = text.split_once(':').ok_or_else(|| {
                    format!(
                        "the record {at} has a header line {} without a colon (malformed)",
                        shown(text.as_bytes())
                    )
                })?;
                headers.push((name.trim().to_owned(), value.trim().to_owned()));
            }
        }
    }
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// A record's target address, without the `<…>` WARC 1.0 drafts put round it.
fn target(headers: &[(String, String)]) -> String {
    let uri = header(headers, "WARC-Target-URI")
        .unwrap_or_default()
        .trim();
    uri.strip_prefix('<')
        .and_then(|u| u.strip_suffix('>'))
        .unwrap_or(uri)
        .to_owned()
}

/// An address compared loosely: no `#fragment`, no trailing `/`.
pub fn same_address(a: &str, b: &str) -> bool {
    let bare = |u: &str| {
        u.trim()
            .split('#')
            .next()
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_owned()
    };
    bare(a) == bare(b)
}

/// Whether the record's block is worth reading into memory: a response or
/// resource that could be the page still looked for, of a size import reads.
fn wants_block(scan: &Scan, want: Option<&str>, headers: &[(String, String)], length: u64) -> bool {
    let kind = header(headers, "WARC-Type").unwrap_or_default();
    let could_be_page =
        kind.eq_ignore_ascii_case("response") || kind.eq_ignore_ascii_case("resource");
    let still_looking = scan.first_page.is_none()
        || want.is_some_and(|url| scan.wanted.is_none() && same_address(url, &target(headers)));
    could_be_page && still_looking && length <= MAX_PAGE_BYTES + MAX_LINE_BYTES
}

/// Takes the record for the page when it is one.
fn consider(scan: &mut Scan, want: Option<&str>, headers: &[(String, String)], block: &[u8]) {
    let kind = header(headers, "WARC-Type").unwrap_or_default();
    let block_type = header(headers, "Content-Type").unwrap_or_default();
    let response = if kind.eq_ignore_ascii_case("response") {
        match parse_response(block) {
            Ok(response) => response,
            Err(_) => return,
        }
    } else if is_html_type(block_type) {
        Response {
            status: 200,
            content_type: block_type.to_owned(),
            body: Ok(block.to_vec()),
        }
    } else {
        return;
    };
    if !response.is_page() {
        return;
    }
    let url = target(headers);
    let record = || PageRecord {
        url: url.clone(),
        date: header(headers, "WARC-Date").and_then(parse_archive_time),
        response: response.clone(),
    };
    if want.is_some_and(|w| same_address(w, &url)) && scan.wanted.is_none() {
        scan.wanted = Some(record());
    }
    if scan.first_page.is_none() {
        scan.first_page = Some(record());
    }
}

/// A line of the file as a message shows it: quoted, cut at 40 chars.
fn shown(line: &[u8]) -> String {
    let text = String::from_utf8_lossy(line);
    let text: String = text.trim_end().chars().take(40).collect();
    format!("{text:?}")
}
