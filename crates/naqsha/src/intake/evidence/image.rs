//! Images: refuse polyglots and bombs, decode within limits, apply orientation, re-encode.
//!
//! Re-encoding from pixels is what removes EXIF (and its GPS block), XMP, ICC profiles,
//! IPTC, comments, text chunks, thumbnails and anything appended: the encoders below are
//! given pixels only, never metadata. Each format is re-encoded to itself: JPEG at quality
//! 85, PNG losslessly, WebP as *lossless* WebP (the only WebP the `image` crate writes;
//! on a 12-megapixel photo it is 14 % smaller than PNG and 25× faster to write).

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::codecs::webp::WebPEncoder;
use image::{ColorType, DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader};

use super::sniff::foreign_signature;
use super::structure::{walk_jpeg, walk_png, walk_webp};
use super::{CleanEvidence, EvidenceError, EvidenceKind, EvidenceLimits};

/// JPEG quality of the re-encoded copy: visually faithful for evidence, about a third of
/// the size of quality 100.
const JPEG_QUALITY: u8 = 85;

/// Deflate level of re-encoded PNGs. Measured on 12-megapixel images (see
/// `tests/app/evidence.rs`): level 2 is 8× faster than the encoder's default on photo-like
/// pixels (0.8 s against 6 s) for 8 % more bytes, and within 7 % on screenshots.
const PNG_DEFLATE_LEVEL: u8 = 2;

/// Bytes of 0x00/0xFF padding tolerated after a JPEG's EOI (some cameras pad files).
const JPEG_PADDING_ALLOWANCE: usize = 4096;

/// Further JPEGs tolerated after the first one: phones append depth maps and HDR gain maps
/// as whole JPEGs after the primary image (CIPA Multi-Picture Format).
const JPEG_MAX_APPENDED_IMAGES: usize = 8;

/// Cleans a sniffed JPEG, PNG or WebP.
pub(super) fn clean_image(
    bytes: &[u8],
    kind: EvidenceKind,
    limits: &EvidenceLimits,
) -> Result<CleanEvidence, EvidenceError> {
    let format = match kind {
        EvidenceKind::Jpeg => {
            check_jpeg_structure(bytes)?;
            ImageFormat::Jpeg
        }
        EvidenceKind::Png => {
            check_png_structure(bytes)?;
            ImageFormat::Png
        }
        EvidenceKind::WebP => {
            check_webp_structure(bytes)?;
            ImageFormat::WebP
        }
        EvidenceKind::Pdf => return Err(EvidenceError::UnsupportedType),
    };
    let image = decode(bytes, format, limits)?;
    let encoded = encode(&image, kind)?;
    Ok(CleanEvidence {
        kind,
        media_type: kind.media_type(),
        bytes: encoded,
        original_name_extension: None,
        width: Some(image.width()),
        height: Some(image.height()),
    })
}

fn check_jpeg_structure(bytes: &[u8]) -> Result<(), EvidenceError> {
    let layout = walk_jpeg(bytes).ok_or(EvidenceError::Corrupt)?;
    if layout
        .segments
        .iter()
        .any(|segment| foreign_signature(segment.body, &[]))
    {
        return Err(EvidenceError::Polyglot);
    }
    let mut rest = &bytes[layout.end..];
    let mut appended = 0;
    while !rest.is_empty() {
        if rest.starts_with(&[0xFF, 0xD8, 0xFF]) && appended < JPEG_MAX_APPENDED_IMAGES {
            let next = walk_jpeg(rest).ok_or(EvidenceError::Polyglot)?;
            if next
                .segments
                .iter()
                .any(|segment| foreign_signature(segment.body, &[]))
            {
                return Err(EvidenceError::Polyglot);
            }
            rest = &rest[next.end..];
            appended += 1;
        } else if rest.len() <= JPEG_PADDING_ALLOWANCE && rest.iter().all(|&b| b == 0 || b == 0xFF)
        {
            break;
        } else {
            return Err(EvidenceError::Polyglot);
        }
    }
    Ok(())
}

fn check_png_structure(bytes: &[u8]) -> Result<(), EvidenceError> {
    let layout = walk_png(bytes).ok_or(EvidenceError::Corrupt)?;
    if layout.end != bytes.len() {
        return Err(EvidenceError::Polyglot);
    }
    let hides_container = layout.chunks.iter().any(|chunk| {
        !matches!(&chunk.kind, b"IDAT" | b"fdAT") && foreign_signature(chunk.data, &[])
    });
    if hides_container {
        return Err(EvidenceError::Polyglot);
    }
    Ok(())
}

fn check_webp_structure(bytes: &[u8]) -> Result<(), EvidenceError> {
    let layout = walk_webp(bytes).ok_or(EvidenceError::Corrupt)?;
    if layout.declared_end != bytes.len() {
        return Err(EvidenceError::Polyglot);
    }
    let hides_container = layout.chunks.iter().any(|chunk| {
        !matches!(&chunk.fourcc, b"VP8 " | b"VP8L" | b"ALPH" | b"ANMF")
            && foreign_signature(chunk.data, &[])
    });
    if hides_container {
        return Err(EvidenceError::Polyglot);
    }
    Ok(())
}

/// Decodes within the limits: dimensions are read from the header and checked before any
/// pixel buffer exists, so a bomb costs a header parse, not gigabytes.
fn decode(
    bytes: &[u8],
    format: ImageFormat,
    limits: &EvidenceLimits,
) -> Result<DynamicImage, EvidenceError> {
    let map_err = |error: ImageError| match error {
        ImageError::Limits(_) => limits.too_many_pixels(),
        ImageError::Unsupported(_) => EvidenceError::UnsupportedType,
        _ => EvidenceError::Corrupt,
    };
    let mut decoder_limits = image::Limits::default();
    decoder_limits.max_image_width = Some(limits.max_dimension);
    decoder_limits.max_image_height = Some(limits.max_dimension);
    decoder_limits.max_alloc = Some(limits.max_decode_alloc);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(decoder_limits);
    let mut decoder = reader.into_decoder().map_err(map_err)?;
    let (width, height) = decoder.dimensions();
    limits.check_dimensions(width, height)?;
    if decoder.total_bytes() > limits.max_decode_alloc {
        return Err(limits.too_many_pixels());
    }
    let orientation = decoder.orientation().map_err(map_err)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(map_err)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// The image shrunk to at most `side` pixels across and down, as an 8-bit RGB PNG; `None`
/// when it does not decode within `limits`.
pub(super) fn preview(
    bytes: &[u8],
    kind: EvidenceKind,
    limits: &EvidenceLimits,
    side: u32,
) -> Option<Vec<u8>> {
    let format = match kind {
        EvidenceKind::Jpeg => ImageFormat::Jpeg,
        EvidenceKind::Png => ImageFormat::Png,
        EvidenceKind::WebP => ImageFormat::WebP,
        EvidenceKind::Pdf => return None,
    };
    let small = decode(bytes, format, limits)
        .ok()?
        .thumbnail(side, side)
        .to_rgb8();
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(small)
        .write_with_encoder(PngEncoder::new(&mut out))
        .ok()?;
    Some(out)
}

/// The memory cleaning an image needs at its peak, from its header alone: the decoded pixels,
/// a second buffer when the orientation turns the picture or the JPEG encoder needs RGB
/// converted from another layout, and room for the encoder. `None` when the header does not
/// read (cleaning then fails quickly, needing little).
pub(super) fn working_memory(bytes: &[u8], kind: EvidenceKind) -> Option<u64> {
    let format = match kind {
        EvidenceKind::Jpeg => ImageFormat::Jpeg,
        EvidenceKind::Png => ImageFormat::Png,
        EvidenceKind::WebP => ImageFormat::WebP,
        EvidenceKind::Pdf => return None,
    };
    let mut decoder = ImageReader::with_format(Cursor::new(bytes), format)
        .into_decoder()
        .ok()?;
    let pixels = decoder.total_bytes();
    let turned = decoder
        .orientation()
        .is_ok_and(|o| o != image::metadata::Orientation::NoTransforms);
    let converted = kind == EvidenceKind::Jpeg
        && !matches!(decoder.color_type(), ColorType::L8 | ColorType::Rgb8);
    let copies = 1 + u64::from(turned) + u64::from(converted);
    Some(
        pixels
            .saturating_mul(copies)
            .saturating_add(4 * 1024 * 1024),
    )
}

fn encode(image: &DynamicImage, kind: EvidenceKind) -> Result<Vec<u8>, EvidenceError> {
    let mut out = Vec::new();
    let written = match kind {
        EvidenceKind::Jpeg => {
            let encoder = JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            match image.color() {
                ColorType::L8 | ColorType::Rgb8 => image.write_with_encoder(encoder),
                _ => DynamicImage::ImageRgb8(image.to_rgb8()).write_with_encoder(encoder),
            }
        }
        EvidenceKind::Png => {
            let encoder = PngEncoder::new_with_quality(
                &mut out,
                CompressionType::Level(PNG_DEFLATE_LEVEL),
                FilterType::Adaptive,
            );
            image.write_with_encoder(encoder)
        }
        EvidenceKind::WebP => image.write_with_encoder(WebPEncoder::new_lossless(&mut out)),
        EvidenceKind::Pdf => return Err(EvidenceError::Reencode),
    };
    written.map_err(|error| {
        tracing::error!(%error, "re-encoding a decoded image failed");
        EvidenceError::Reencode
    })?;
    Ok(out)
}
