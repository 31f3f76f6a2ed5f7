//! What kind of file a snapshot is, by its content (a web archive's
//! readers in `archive/` say whether it is one); whether an image
//! or a PDF is whole (a truncated one is refused); and what an image's
//! EXIF block says (date, camera, GPS), read with `kamadak-exif`.

use super::archive::{ArchiveKind, mhtml, wacz, warc};
use crate::model::{GeoPoint, ImageMeta};
use exif::{In, Tag, Value};

/// A snapshot's kind of file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Png,
    Jpeg,
    WebP,
    Pdf,
    Html,
    Text,
    /// A "single file" page (MHTML), a WARC or a WACZ web archive.
    Archive(ArchiveKind),
}

impl Kind {
    pub fn media_type(self) -> &'static str {
        match self {
            Kind::Png => "image/png",
            Kind::Jpeg => "image/jpeg",
            Kind::WebP => "image/webp",
            Kind::Pdf => "application/pdf",
            Kind::Html => "text/html",
            Kind::Text => "text/plain",
            Kind::Archive(ArchiveKind::Mhtml) => "multipart/related",
            Kind::Archive(ArchiveKind::Warc) => "application/warc",
            Kind::Archive(ArchiveKind::Wacz) => "application/wacz",
        }
    }

    pub fn is_image(self) -> bool {
        matches!(self, Kind::Png | Kind::Jpeg | Kind::WebP)
    }
}

/// The kind of `bytes` (named `file_name`), or `None` for a file that is
/// none of those Factbench keeps.
pub fn kind_of(bytes: &[u8], file_name: &str) -> Option<Kind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(Kind::Png);
    }
    if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        return Some(Kind::Jpeg);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some(Kind::WebP);
    }
    if bytes.starts_with(b"%PDF-") {
        return Some(Kind::Pdf);
    }
    if wacz::looks_like_wacz(bytes, file_name) {
        return Some(Kind::Archive(ArchiveKind::Wacz));
    }
    if warc::looks_like_warc(bytes) {
        return Some(Kind::Archive(ArchiveKind::Warc));
    }
    // Before HTML: a saved MHTML page has its `<html` within its first KB.
    if mhtml::looks_like_mhtml(bytes) {
        return Some(Kind::Archive(ArchiveKind::Mhtml));
    }
    let lower = file_name.to_lowercase();
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_lowercase();
    let looks_html = head.contains("<!doctype html") || head.contains("<html");
    if lower.ends_with(".html") || lower.ends_with(".htm") || looks_html {
        return Some(Kind::Html);
    }
    let binary = bytes[..bytes.len().min(8192)].contains(&0);
    (!binary && std::str::from_utf8(bytes).is_ok()).then_some(Kind::Text)
}

/// Why an image or PDF is not whole, in words; `None` when it is.
pub fn truncated(kind: Kind, bytes: &[u8]) -> Option<&'static str> {
    let whole = match kind {
        Kind::Png => {
            bytes.len() >= 12
                && bytes[bytes.len() - 12..].starts_with(&[0, 0, 0, 0])
                && bytes.ends_with(&[0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])
        }
        Kind::Jpeg => ends_with_jpeg_end(bytes),
        Kind::WebP => {
            let declared = bytes
                .get(4..8)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
            declared.is_some_and(|n| n + 8 <= bytes.len())
        }
        Kind::Pdf => {
            let tail = &bytes[bytes.len().saturating_sub(1024)..];
            tail.windows(5).any(|w| w == b"%%EOF")
        }
        // Archives are checked whole by their readers.
        Kind::Html | Kind::Text | Kind::Archive(_) => true,
    };
    (!whole).then_some(match kind {
        Kind::Png => "a PNG without its end chunk (IEND): truncated",
        Kind::Jpeg => "a JPEG without its end marker: truncated",
        Kind::WebP => "a WebP shorter than its header says: truncated",
        _ => "a PDF without its %%EOF trailer: truncated",
    })
}

/// A JPEG ends with EOI (FF D9), perhaps followed by padding.
fn ends_with_jpeg_end(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(4096)..];
    let trimmed = tail
        .iter()
        .rposition(|b| *b != 0 && *b != b'\n' && *b != b'\r')
        .map_or(&tail[..0], |end| &tail[..=end]);
    trimmed.ends_with(&[0xff, 0xd9])
}

/// What the EXIF block of an image says; `None` without one.
pub fn image_meta(bytes: &[u8]) -> Option<ImageMeta> {
    let exif = exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(bytes))
        .ok()?;
    let text = |tag: Tag| -> String {
        exif.get_field(tag, In::PRIMARY)
            .and_then(|f| match &f.value {
                Value::Ascii(parts) => parts
                    .first()
                    .map(|p| String::from_utf8_lossy(p).into_owned()),
                _ => None,
            })
            .map(|s| s.trim().trim_end_matches('\0').to_owned())
            .unwrap_or_default()
    };
    let taken = [Tag::DateTimeOriginal, Tag::DateTime]
        .into_iter()
        .map(text)
        .find(|t| !t.is_empty())
        .map(|t| exif_date(&t))
        .unwrap_or_default();
    let (make, model) = (text(Tag::Make), text(Tag::Model));
    let camera = match (make.is_empty(), model.is_empty()) {
        (_, true) => make,
        (true, false) => model,
        (false, false) if model.starts_with(&make) => model,
        (false, false) => format!("{make} {model}"),
    };
    let location = location(&exif);
    Some(ImageMeta {
        taken,
        camera,
        location,
    })
}

/// EXIF's `2019:11:09 10:59:36` as `2019-11-09 10:59:36`; anything else
/// as it is.
fn exif_date(text: &str) -> String {
    let b = text.as_bytes();
    let shaped = b.len() >= 10 && b[4] == b':' && b[7] == b':';
    match shaped && text.is_char_boundary(10) {
        true => format!(
            "{}-{}-{}{}",
            &text[..4],
            &text[5..7],
            &text[8..10],
            &text[10..]
        ),
        false => text.to_owned(),
    }
}

fn location(exif: &exif::Exif) -> Option<GeoPoint> {
    let degrees = |tag: Tag| -> Option<f64> {
        match &exif.get_field(tag, In::PRIMARY)?.value {
            Value::Rational(parts) if parts.len() >= 3 && parts.iter().all(|p| p.denom != 0) => {
                Some(parts[0].to_f64() + parts[1].to_f64() / 60.0 + parts[2].to_f64() / 3600.0)
            }
            _ => None,
        }
    };
    let reference = |tag: Tag| -> Option<u8> {
        match &exif.get_field(tag, In::PRIMARY)?.value {
            Value::Ascii(parts) => parts.first()?.first().copied(),
            _ => None,
        }
    };
    let mut latitude = degrees(Tag::GPSLatitude)?;
    let mut longitude = degrees(Tag::GPSLongitude)?;
    if reference(Tag::GPSLatitudeRef) == Some(b'S') {
        latitude = -latitude;
    }
    if reference(Tag::GPSLongitudeRef) == Some(b'W') {
        longitude = -longitude;
    }
    let valid = latitude.abs() <= 90.0 && longitude.abs() <= 180.0;
    valid.then_some(GeoPoint {
        latitude,
        longitude,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_magic_and_truncation_by_their_ends() {
        let png_end = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend_from_slice(&png_end);
        assert_eq!(kind_of(&png, "x.bin"), Some(Kind::Png));
        assert_eq!(truncated(Kind::Png, &png), None);
        assert!(truncated(Kind::Png, &png[..png.len() - 1]).is_some());
        assert!(truncated(Kind::Jpeg, &[0xff, 0xd8, 0xff, 0xe0, 0, 0]).is_some());
        assert_eq!(truncated(Kind::Jpeg, &[0xff, 0xd8, 0xff, 0xff, 0xd9]), None);
        assert_eq!(kind_of(b"<!DOCTYPE html><p>x", "page"), Some(Kind::Html));
        assert_eq!(kind_of("plain текст".as_bytes(), "a.txt"), Some(Kind::Text));
        assert_eq!(kind_of(&[0, 1, 2, 200], "a.bin"), None);
        let webp = b"RIFF\x10\0\0\0WEBPVP8 ";
        assert!(truncated(Kind::WebP, webp).is_some());
    }
}
