//! Which identifying metadata a file still carries — the check behind the tests that
//! cleaned (and sealed-then-opened) evidence has none.

use super::EvidenceKind;
use super::sniff::{contains, sniff};
use super::structure::{exif_links_gps, walk_jpeg, walk_png, walk_webp};

/// Metadata found in a file, as stable names: `"exif"`, `"gps"`, `"xmp"`, `"icc"`,
/// `"iptc"`, `"comment"`, `"text"`, `"time"`, `"app_segment"`, `"other_chunk"`,
/// `"trailing_data"`. Empty for a clean file. Works on any bytes; for JPEG, PNG and WebP it
/// reads the container structure, and for every file it also searches for the signatures of
/// EXIF, XMP and ICC blocks wherever they hide.
#[must_use]
pub fn strip_check(bytes: &[u8]) -> Vec<&'static str> {
    let mut found = Vec::new();
    match sniff(bytes) {
        Some(EvidenceKind::Jpeg) => jpeg_markers(bytes, &mut found),
        Some(EvidenceKind::Png) => png_markers(bytes, &mut found),
        Some(EvidenceKind::WebP) => webp_markers(bytes, &mut found),
        Some(EvidenceKind::Pdf) | None => {}
    }
    for (signature, name) in [
        (&b"Exif\0\0"[..], "exif"),
        (b"http://ns.adobe.com/xap/1.0/", "xmp"),
        (b"<x:xmpmeta", "xmp"),
        (b"ICC_PROFILE", "icc"),
        (b"Photoshop 3.0\0", "iptc"),
    ] {
        if contains(bytes, signature) {
            found.push(name);
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

fn jpeg_markers(bytes: &[u8], found: &mut Vec<&'static str>) {
    let Some(layout) = walk_jpeg(bytes) else {
        return;
    };
    for segment in &layout.segments {
        let body = segment.body;
        match segment.marker {
            0xE0 if body.starts_with(b"JFIF\0") => {}
            0xE1 if body.starts_with(b"Exif\0\0") => {
                found.push("exif");
                if exif_links_gps(body) {
                    found.push("gps");
                }
            }
            0xE1 if body.starts_with(b"http://ns.adobe.com/") => found.push("xmp"),
            0xE2 if body.starts_with(b"ICC_PROFILE\0") => found.push("icc"),
            0xED => found.push("iptc"),
            0xE0..=0xEF => found.push("app_segment"),
            0xFE => found.push("comment"),
            _ => {}
        }
    }
    if layout.end < bytes.len() {
        found.push("trailing_data");
    }
}

fn png_markers(bytes: &[u8], found: &mut Vec<&'static str>) {
    let Some(layout) = walk_png(bytes) else {
        return;
    };
    for chunk in &layout.chunks {
        match &chunk.kind {
            b"IHDR" | b"PLTE" | b"IDAT" | b"IEND" | b"tRNS" | b"gAMA" | b"cHRM" | b"sRGB"
            | b"sBIT" | b"bKGD" | b"pHYs" | b"acTL" | b"fcTL" | b"fdAT" => {}
            b"eXIf" => {
                found.push("exif");
                if exif_links_gps(chunk.data) {
                    found.push("gps");
                }
            }
            b"iCCP" => found.push("icc"),
            b"iTXt" if chunk.data.starts_with(b"XML:com.adobe.xmp\0") => found.push("xmp"),
            b"tEXt" | b"zTXt" | b"iTXt" => found.push("text"),
            b"tIME" => found.push("time"),
            _ => found.push("other_chunk"),
        }
    }
    if layout.end < bytes.len() {
        found.push("trailing_data");
    }
}

fn webp_markers(bytes: &[u8], found: &mut Vec<&'static str>) {
    let Some(layout) = walk_webp(bytes) else {
        return;
    };
    for chunk in &layout.chunks {
        match &chunk.fourcc {
            b"VP8 " | b"VP8L" | b"VP8X" | b"ALPH" | b"ANIM" | b"ANMF" => {}
            b"EXIF" => {
                found.push("exif");
                if exif_links_gps(chunk.data) {
                    found.push("gps");
                }
            }
            b"XMP " => found.push("xmp"),
            b"ICCP" => found.push("icc"),
            _ => found.push("other_chunk"),
        }
    }
    if layout.declared_end < bytes.len() {
        found.push("trailing_data");
    }
}
