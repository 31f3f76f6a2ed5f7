//! An image snapshot decoded for the window: read from the stored copy
//! and decoded by the `image` crate on the evidence worker's thread (never
//! on the window's), scaled down to at most [`MAX_SIDE`] pixels a side so
//! that a 20 MB screenshot costs one upload of a bounded texture, then
//! kept by the snapshots section (decoded once, never per frame).

use egui::ColorImage;
use std::path::Path;

/// The longest side of the decoded picture, in pixels: enough for the
/// larger view; the thumbnail is the same texture drawn smaller.
pub const MAX_SIDE: u32 = 1024;

/// A decoded picture and the size of the image it was made from.
pub struct Decoded {
    pub picture: ColorImage,
    /// Width and height of the stored image, in pixels.
    pub full_size: [u32; 2],
}

impl std::fmt::Debug for Decoded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Decoded")
            .field("picture", &self.picture.size)
            .field("full_size", &self.full_size)
            .finish()
    }
}

/// Decodes the stored image at `path`; an error names the file and says
/// what was wrong.
pub fn decode(path: &Path) -> Result<Decoded, String> {
    let named = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("{named}: could not be read: {e}"))?;
    let reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("{named}: {e}"))?;
    let image = reader
        .decode()
        .map_err(|e| format!("{named}: the image could not be decoded: {e}"))?;
    let full_size = [image.width(), image.height()];
    let image = match full_size[0].max(full_size[1]) > MAX_SIDE {
        true => image.thumbnail(MAX_SIDE, MAX_SIDE),
        false => image,
    };
    let rgba = image.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    Ok(Decoded {
        picture: ColorImage::from_rgba_unmultiplied(size, rgba.as_raw()),
        full_size,
    })
}
