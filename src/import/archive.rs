//! Pages saved from web archives: the Wayback Machine
//! (`web.archive.org/web/20131110121040/http://…`) and archive.today
//! (`archive.ph/2022.05.05-101010/https://…`). Their toolbar is taken out
//! of the page, the links they rewrote point at the original addresses
//! again, and the original address and the capture date are recovered —
//! the capture date kept apart, never taken for the publication date.
//! Also the address a browser notes in a page it saves
//! (`<!-- saved from url=(0052)https://… -->`).

use dom_query::Document;
use jiff::civil::Date;

/// A page that is an archive's capture of another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Capture {
    /// The address the archive captured.
    pub original_url: String,
    /// When it captured it.
    pub captured: Option<Date>,
}

/// The archives' own elements: the Wayback Machine's toolbar and
/// archive.today's header.
const TOOLBARS: &str = "#wm-ipp-base, #wm-ipp, #wm-ipp-print, #donato, #wm-capinfo, #wm-expand";
const ARCHIVE_TODAY_HEADER: &str = "#HEADER, #hashtags, #SOLID";

/// The original address and capture date of an archive address, or
/// `None` when `url` is not one.
pub fn capture_of_url(url: &str) -> Option<Capture> {
    let url = url.trim();
    let rest = [
        "https://web.archive.org/web/",
        "http://web.archive.org/web/",
        "//web.archive.org/web/",
        "/web/",
    ]
    .iter()
    .find_map(|prefix| url.strip_prefix(prefix))
    .or_else(|| archive_today_rest(url))?;
    let (stamp, original) = rest.split_once('/')?;
    let is_stamp = stamp.len() <= 24
        && stamp.chars().take_while(char::is_ascii_digit).count() >= 4
        && !original.is_empty();
    is_stamp.then(|| Capture {
        original_url: with_scheme(original),
        captured: stamp_date(stamp),
    })
}

/// `http:/e.org` (archives fold the slashes) → `http://e.org`; a bare
/// `e.org/a` → `http://e.org/a`.
fn with_scheme(original: &str) -> String {
    for scheme in ["https:/", "http:/"] {
        if let Some(rest) = original.strip_prefix(scheme)
            && !rest.starts_with('/')
        {
            return format!("{scheme}/{rest}");
        }
    }
    if original.contains("://") {
        original.to_owned()
    } else {
        format!("http://{original}")
    }
}

/// What follows the host in an archive.today address.
fn archive_today_rest(url: &str) -> Option<&str> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (host, rest) = after_scheme.split_once('/')?;
    let is_archive_today = [
        "archive.today",
        "archive.ph",
        "archive.is",
        "archive.li",
        "archive.md",
        "archive.vn",
        "archive.fo",
    ]
    .contains(&host.trim_start_matches("www."));
    is_archive_today.then_some(rest)
}

/// `20131110121040` or `2022.05.05-101010` → the date.
fn stamp_date(stamp: &str) -> Option<Date> {
    let digits: String = stamp.chars().filter(char::is_ascii_digit).take(8).collect();
    if digits.len() < 8 {
        return None;
    }
    let n: i32 = digits.parse().ok()?;
    Date::new(
        i16::try_from(n / 10_000).ok()?,
        i8::try_from(n / 100 % 100).ok()?,
        i8::try_from(n % 100).ok()?,
    )
    .ok()
}

/// The capture a parsed page is, judged by its canonical link, `og:url`
/// or own address; `None` for a page that is not a capture.
pub fn capture_of_page(document: &Document, address: Option<&str>) -> Option<Capture> {
    let canonical = document.select("link[rel=canonical]").attr("href");
    let og_url = document.select("meta[property=\"og:url\"]").attr("content");
    [canonical.as_deref(), og_url.as_deref(), address]
        .into_iter()
        .flatten()
        .find_map(|u| capture_of_url(u).filter(|_| u.contains("archive")))
}

/// Takes the archives' toolbars out of the page and points the links
/// they rewrote at the original addresses again.
pub fn remove_archive_traces(document: &Document, capture: &Capture) {
    document.select(TOOLBARS).remove();
    if capture_of_url(&capture.original_url).is_none() {
        let header = document.select(ARCHIVE_TODAY_HEADER);
        if header.length() > 0 && document.select("body").text().contains("archive.today") {
            header.remove();
        }
    }
    for (selector, attribute) in [
        ("a[href]", "href"),
        ("link[href]", "href"),
        ("meta[content]", "content"),
        ("img[src]", "src"),
    ] {
        for element in document.select(selector).iter() {
            if let Some(value) = element.attr(attribute)
                && value.contains("/web/")
                && let Some(original) = capture_of_url(&value)
            {
                element.set_attr(attribute, &original.original_url);
            }
        }
    }
}

/// The address a browser noted when it saved the page:
/// `<!-- saved from url=(0052)https://… -->` near its start.
pub fn saved_from(html: &str) -> Option<&str> {
    let head = &html[..floor(html, 2048)];
    let at = head.find("saved from url=(")?;
    let rest = &head[at + "saved from url=(".len()..];
    let (_, rest) = rest.split_once(')')?;
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '-')
        .unwrap_or(rest.len());
    let url = &rest[..end];
    url.starts_with("http").then_some(url)
}

fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wayback_addresses_give_the_original_and_the_capture_date() {
        let capture = capture_of_url(
            "https://web.archive.org/web/20131110121040/http://www.peptalks.de/mozart/",
        )
        .unwrap();
        assert_eq!(capture.original_url, "http://www.peptalks.de/mozart/");
        assert_eq!(capture.captured, Some(Date::constant(2013, 11, 10)));
        let rewritten = capture_of_url("/web/20200101000000im_/https://e.org/a.png").unwrap();
        assert_eq!(rewritten.original_url, "https://e.org/a.png");
        assert_eq!(capture_of_url("https://e.org/web/page"), None);
    }

    #[test]
    fn archive_today_addresses_too() {
        let capture =
            capture_of_url("https://archive.ph/2022.05.05-101010/https://e.org/статья").unwrap();
        assert_eq!(capture.original_url, "https://e.org/статья");
        assert_eq!(capture.captured, Some(Date::constant(2022, 5, 5)));
    }

    #[test]
    fn the_toolbar_goes_and_links_point_home() {
        let page = "<html><head><link rel=canonical href=\"https://web.archive.org/web/20131110121040/http://e.org/a\"></head>\
            <body><div id=\"wm-ipp-base\"><div id=\"wm-ipp\">20 captures 10 Nov 2013</div></div>\
            <p>Text <a href=\"/web/20131110121040/http://e.org/b\">link</a></p></body></html>";
        let document = Document::from(page);
        let capture = capture_of_page(&document, None).unwrap();
        remove_archive_traces(&document, &capture);
        assert!(!document.select("body").text().contains("captures"));
        assert_eq!(
            document.select("a").attr("href").unwrap().as_ref(),
            "http://e.org/b"
        );
        assert_eq!(capture.captured, Some(Date::constant(2013, 11, 10)));
    }

    #[test]
    fn the_address_a_browser_noted() {
        let page = "<!DOCTYPE html>\n<!-- saved from url=(0031)https://e.org/news/2022/05/05/x -->\n<html>";
        assert_eq!(saved_from(page), Some("https://e.org/news/2022/05/05/x"));
        assert_eq!(saved_from("<html>"), None);
    }
}
