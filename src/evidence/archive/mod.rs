//! Web archives kept as snapshots (`docs/evidence.md`): a "single file"
//! MHTML page as Chrome and Edge save it ([`mhtml`]), a WARC file, plain
//! or gzipped record by record ([`warc`]), and a WACZ package of WARCs
//! ([`wacz`]). Each reader finds the page the archive was made of — its
//! HTML, the address it was captured from and when — and checks the
//! archive is whole; the page's main text is then taken out as article
//! import takes it (`evidence::capture`), never by a second extractor.
//!
//! Nothing is ever unpacked to disk: entries and records are read into
//! memory by name, within the limits below, so no name in an archive can
//! point anywhere. A refusal is a phrase to follow the file's name.

pub mod http;
pub mod mhtml;
pub mod wacz;
pub mod warc;

use jiff::Timestamp;

/// Most bytes a compressed WARC, or a WACZ's entries together, may unpack
/// to (a bomb of zeros is refused when it passes this).
pub const MAX_EXPANDED_BYTES: u64 = 512 * 1024 * 1024;

/// Past this many unpacked bytes, an archive that unpacks to more than
/// [`MAX_RATIO`] times its packed size is taken for a bomb.
pub const RATIO_FREE_BYTES: u64 = 16 * 1024 * 1024;

/// Most a web archive's data unpacks to per packed byte (HTML and WARC
/// headers pack 5-15 times; runs of zeros over 1,000).
pub const MAX_RATIO: u64 = 100;

/// Largest page kept for text: import's own limit on an article.
pub const MAX_PAGE_BYTES: u64 = crate::import::MAX_ARTICLE_BYTES;

/// The page an archive holds, as found in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArchivedPage {
    /// The page's HTML as served (transfer and content encodings undone);
    /// `None` when the archive holds no page whose text can be taken (the
    /// notes say why).
    pub html: Option<Vec<u8>>,
    /// The charset its headers name (`Content-Type: …; charset=`).
    pub charset: Option<String>,
    /// The address the archive says it captured.
    pub url: String,
    /// When the archive says it captured it.
    pub captured: Option<Timestamp>,
    /// What to know about it, each a phrase.
    pub notes: Vec<String>,
}

/// A kind of web archive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArchiveKind {
    Mhtml,
    Warc,
    Wacz,
}

/// Reads the page an archive holds; the error says why the archive is
/// refused (truncated, malformed, a bomb, a path trick).
pub fn read_archive(kind: ArchiveKind, bytes: &[u8]) -> Result<ArchivedPage, String> {
    match kind {
        ArchiveKind::Mhtml => mhtml::read_mhtml(bytes),
        ArchiveKind::Warc => warc::read_warc(bytes, None),
        ArchiveKind::Wacz => wacz::read_wacz(bytes),
    }
}

/// A time as archives write it: RFC 3339 / W3C (`2026-05-09T10:31:07Z`,
/// with fractions or an offset), or a 14-digit `20260509103107` stamp.
pub fn parse_archive_time(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if let Ok(time) = text.parse::<Timestamp>() {
        return Some(time);
    }
    let digits = text.len() >= 8 && text.bytes().all(|b| b.is_ascii_digit());
    if !digits {
        return None;
    }
    let padded = format!("{text:0<14}");
    let field = |range: std::ops::Range<usize>| padded.get(range)?.parse::<i16>().ok();
    let month = i8::try_from(field(4..6)?.max(1)).ok()?;
    let day = i8::try_from(field(6..8)?.max(1)).ok()?;
    let date = jiff::civil::Date::new(field(0..4)?, month, day).ok()?;
    let [hour, minute, second] =
        [field(8..10)?, field(10..12)?, field(12..14)?].map(|n| i8::try_from(n).unwrap_or(i8::MAX));
    let time = jiff::civil::Time::new(hour, minute, second, 0).ok()?;
    date.to_datetime(time)
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .ok()
        .map(|z| z.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_times_in_both_shapes() {
        let expected: Timestamp = "2026-05-09T10:31:07Z".parse().unwrap();
        assert_eq!(parse_archive_time("2026-05-09T10:31:07Z"), Some(expected));
        assert_eq!(parse_archive_time(" 20260509103107 "), Some(expected));
        assert_eq!(
            parse_archive_time("2026-05-09T12:31:07.250+02:00").map(|t| t.as_second()),
            Some(expected.as_second())
        );
        assert_eq!(parse_archive_time("yesterday"), None);
        assert_eq!(parse_archive_time("20261399"), None);
    }
}
