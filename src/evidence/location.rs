//! Location data taken out of an image before it is published (issue 23,
//! item 6): the copy `export --with-snapshots` writes beside a report
//! loses its EXIF block — where a camera or phone writes its GPS position
//! — and its XMP packet (which can repeat it), in JPEG, PNG (`eXIf`,
//! `iTXt`) and WebP (`EXIF`, `XMP `). The containers are rewritten by
//! `img-parts`, segment by segment: the pixels' bytes are copied as they
//! are, never decoded or encoded again. The evidentiary copy beside the
//! workspace is never touched; the published copy hashes differently.
//!
//! `img-parts` handles metadata blocks whole, not the fields inside them,
//! so the whole EXIF block goes (date and camera with the position).

use img_parts::{Bytes, DynImage, ImageEXIF};

/// What [`published_copy`] did to an image.
#[derive(Debug, PartialEq, Eq)]
pub enum Published {
    /// Nothing to take out: the bytes as they are.
    Unchanged(Vec<u8>),
    /// The EXIF and XMP blocks taken out: a copy with no location data.
    LocationRemoved(Vec<u8>),
}

/// The XMP packet's header in a JPEG APP1 segment.
const JPEG_XMP: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
/// The keyword of the PNG `iTXt` chunk that holds an XMP packet.
const PNG_XMP: &[u8] = b"XML:com.adobe.xmp\0";

/// The copy of `bytes` (a PNG, JPEG or WebP named `file`) to publish, with
/// its EXIF and XMP blocks taken out; an error naming `file` when the
/// image cannot be read (then nothing is to be published).
pub fn published_copy(file: &str, bytes: &[u8]) -> Result<Published, String> {
    let image = DynImage::from_bytes(Bytes::copy_from_slice(bytes))
        .map_err(|e| format!("{file}: its metadata could not be read ({e})"))?;
    let Some(mut image) = image else {
        return Err(format!("{file}: not a PNG, JPEG or WebP image"));
    };
    // XMP first: taking EXIF out then also fixes a WebP's VP8X flags.
    let had_xmp = remove_xmp(&mut image);
    let had_exif = image.exif().is_some();
    image.set_exif(None);
    if !had_exif && !had_xmp {
        return Ok(Published::Unchanged(bytes.to_vec()));
    }
    Ok(Published::LocationRemoved(image.encoder().bytes().to_vec()))
}

/// Takes out the image's XMP packets; whether it had one.
fn remove_xmp(image: &mut DynImage) -> bool {
    match image {
        DynImage::Jpeg(jpeg) => {
            let before = jpeg.segments().len();
            jpeg.segments_mut()
                .retain(|s| !(s.marker() == 0xE1 && s.contents().starts_with(JPEG_XMP)));
            jpeg.segments().len() != before
        }
        DynImage::Png(png) => {
            let before = png.chunks().len();
            png.chunks_mut()
                .retain(|c| !(&c.kind() == b"iTXt" && c.contents().starts_with(PNG_XMP)));
            png.chunks().len() != before
        }
        DynImage::WebP(webp) => {
            let had = webp.has_chunk(*b"XMP ");
            webp.remove_chunks_by_id(*b"XMP ");
            had
        }
    }
}
