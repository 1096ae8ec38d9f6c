//! Decoding mail images (PNG, JPEG, GIF first frame, WebP) with the `image`
//! crate under hard limits, so a decompression bomb costs nothing.
//!
//! The dimensions are read from the header first; an image over
//! [`MAX_IMAGE_PIXELS`], or one that would exceed what is left of the
//! message's [`Budget`], is refused before any pixel is decoded. The decoder
//! also runs under `image::Limits` (width, height, allocation), which catches
//! headers that lie. Encoded inputs over [`MAX_IMAGE_BYTES`] are refused.

use std::io::Cursor;

use super::{Document, ImageSource};
use crate::mail::Attachment;

/// Most pixels of one image (e.g. 2,500 × 1,600).
pub const MAX_IMAGE_PIXELS: u64 = 4_000_000;
/// Most pixels decoded for all images of one message.
pub const MAX_MESSAGE_PIXELS: u64 = 16_000_000;
/// Most encoded bytes of one image.
pub const MAX_IMAGE_BYTES: usize = 10 * 1024 * 1024;
/// Most bytes the decoder may allocate for one image.
const MAX_ALLOC: u64 = 4 * MAX_IMAGE_PIXELS + 8 * 1024 * 1024;
/// Longest side accepted (a 1 × 4,000,000 strip is not a picture either).
const MAX_SIDE: u32 = 16_384;

/// Why an image is not shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// Over the per-image limits.
    #[error("{}", crate::t!("error-image-too-large", width = width.to_string(), height = height.to_string()))]
    TooLarge {
        /// Declared width.
        width: u32,
        /// Declared height.
        height: u32,
    },
    /// Over the encoded size limit.
    #[error("{}", crate::t!("error-image-too-many-bytes", size = crate::fmt::size(*_0 as u64)))]
    TooManyBytes(usize),
    /// The message's images together are over [`MAX_MESSAGE_PIXELS`].
    #[error("{}", crate::t!("error-image-budget"))]
    Budget,
    /// Not an image the reader can decode.
    #[error("{}", crate::t!("error-image-format", error = _0))]
    Format(String),
    /// A remote image: never fetched.
    #[error("{}", crate::t!("error-image-remote"))]
    Remote,
    /// A `cid:` reference to no part of the message.
    #[error("{}", crate::t!("error-image-missing", part = _0))]
    Missing(String),
    /// A source that cannot be shown (see [`ImageSource::Unusable`]).
    #[error("{0}")]
    Unusable(String),
}

/// Decodes every image of `doc` in the order of [`Document::images`]:
/// `cid:` images from the message's parts (`raw` and its `attachments`),
/// `data:` URIs from their bytes, under one message [`Budget`]. Remote images
/// are `Err(Error::Remote)`: nothing is fetched.
pub fn decode_document(
    raw: &[u8],
    attachments: &[Attachment],
    doc: &Document,
) -> Vec<Result<Decoded, Error>> {
    let mut budget = Budget::default();
    doc.images()
        .into_iter()
        .map(|image| match &image.source {
            ImageSource::Remote(_) => Err(Error::Remote),
            ImageSource::Unusable(why) => Err(Error::Unusable(why.clone())),
            ImageSource::Data { bytes, .. } => decode(bytes, &mut budget),
            ImageSource::Cid(cid) => match crate::mail::cid_bytes(raw, attachments, cid) {
                Some(bytes) => decode(&bytes, &mut budget),
                None => Err(Error::Missing(format!("cid:{cid}"))),
            },
        })
        .collect()
}

/// A decoded image: RGBA, 8 bits per channel, row by row.
#[derive(Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width × height × 4` bytes.
    pub rgba: Vec<u8>,
}

impl std::fmt::Debug for Decoded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Decoded({}×{})", self.width, self.height)
    }
}

/// What is left to decode for one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pixels_left: u64,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            pixels_left: MAX_MESSAGE_PIXELS,
        }
    }
}

/// Decodes one image, charging its pixels to `budget`.
pub fn decode(bytes: &[u8], budget: &mut Budget) -> Result<Decoded, Error> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(Error::TooManyBytes(bytes.len()));
    }
    let reader = || {
        image::ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| Error::Format(e.to_string()))
    };
    let (width, height) = reader()?
        .into_dimensions()
        .map_err(|e| Error::Format(e.to_string()))?;
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_IMAGE_PIXELS || width > MAX_SIDE || height > MAX_SIDE {
        return Err(Error::TooLarge { width, height });
    }
    if pixels > budget.pixels_left {
        return Err(Error::Budget);
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    let mut r = reader()?;
    r.limits(limits);
    let img = r.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => Error::TooLarge { width, height },
        other => Error::Format(other.to_string()),
    })?;
    let rgba = img.into_rgba8();
    let (w, h) = rgba.dimensions();
    budget.pixels_left = budget
        .pixels_left
        .saturating_sub(u64::from(w) * u64::from(h));
    Ok(Decoded {
        width: w,
        height: h,
        rgba: rgba.into_raw(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(width, height, image::Rgba([10, 20, 30, 255]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn small_png_decodes_and_charges_the_budget() {
        let mut budget = Budget::default();
        let d = decode(&png(3, 2), &mut budget).unwrap();
        assert_eq!((d.width, d.height, d.rgba.len()), (3, 2, 24));
        assert_eq!(d.rgba.get(..4), Some(&[10, 20, 30, 255][..]));
        assert_eq!(budget.pixels_left, MAX_MESSAGE_PIXELS - 6);
    }

    #[test]
    fn message_budget_refuses_the_image_that_would_exceed_it() {
        let mut budget = Budget { pixels_left: 10 };
        assert_eq!(decode(&png(4, 4), &mut budget), Err(Error::Budget));
        assert_eq!(budget.pixels_left, 10);
    }

    #[test]
    fn garbage_is_a_format_error() {
        let mut budget = Budget::default();
        assert!(matches!(
            decode(b"not an image", &mut budget),
            Err(Error::Format(_))
        ));
    }
}
