//! What a file is, by its first bytes — never by its name or the browser's word.

use super::EvidenceKind;

pub(super) const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The kind of an accepted format, or `None` for everything else. Images are told apart by
/// the one check in `naqsha_core::image_type`.
pub(super) fn sniff(bytes: &[u8]) -> Option<EvidenceKind> {
    match naqsha_core::image_type::sniff_image(bytes) {
        Some("image/jpeg") => return Some(EvidenceKind::Jpeg),
        Some("image/png") => return Some(EvidenceKind::Png),
        Some("image/webp") => return Some(EvidenceKind::WebP),
        _ => {}
    }
    if bytes.starts_with(b"%PDF-") {
        Some(EvidenceKind::Pdf)
    } else {
        None
    }
}

/// The brands of an ISO-BMFF `ftyp` box that mark a HEIF image: the HEIC photos iPhones
/// (and some Android phones) take, and AVIF.
const HEIF_BRANDS: &[&[u8; 4]] = &[
    b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1",
    b"avif", b"avis",
];

/// Whether the bytes are a HEIF image (HEIC, AVIF): a format we cannot yet decode, so its
/// location and camera metadata cannot be removed.
pub(super) fn is_heif(bytes: &[u8]) -> bool {
    bytes.len() >= 12
        && &bytes[4..8] == b"ftyp"
        && HEIF_BRANDS.iter().any(|brand| &bytes[8..12] == *brand)
}

/// Signatures of containers that must not hide inside an accepted file. Byte-exact.
const FOREIGN_EXACT: &[&[u8]] = &[
    b"PK\x03\x04",         // ZIP local file (also DOCX, APK, JAR)
    b"PK\x05\x06",         // ZIP end of central directory
    b"%PDF-",              // PDF
    b"\x7fELF",            // ELF executable
    b"Rar!\x1a\x07",       // RAR
    b"7z\xbc\xaf\x27\x1c", // 7-Zip
    b"GIF87a",             // GIF
    b"GIF89a",             // GIF
];

/// Markup that a browser would sniff as a page. Matched ignoring ASCII case.
const FOREIGN_MARKUP: &[&[u8]] = &[
    b"<html",
    b"<script",
    b"<!doctype html",
    b"<svg",
    b"<iframe",
    b"<?php",
];

/// Whether `haystack` contains the signature of another container or of markup.
/// `skip` names exact signatures that are legitimate in this context.
pub(super) fn foreign_signature(haystack: &[u8], skip: &[&[u8]]) -> bool {
    FOREIGN_EXACT
        .iter()
        .filter(|sig| !skip.contains(sig))
        .any(|sig| contains(haystack, sig))
        || FOREIGN_MARKUP
            .iter()
            .any(|sig| contains_ignore_ascii_case(haystack, sig))
}

/// Naive search; signatures are a handful of bytes and files are at most a few MiB.
pub(super) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle, 0).is_some()
}

/// The first index at or after `from` where `needle` starts.
pub(super) fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = *needle.first()?;
    let mut start = from;
    while start + needle.len() <= haystack.len() {
        let offset = haystack[start..=haystack.len() - needle.len()]
            .iter()
            .position(|&b| b == first)?;
        let at = start + offset;
        if haystack[at..].starts_with(needle) {
            return Some(at);
        }
        start = at + 1;
    }
    None
}

fn contains_ignore_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_formats_are_recognised_by_magic_bytes() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Some(EvidenceKind::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Some(EvidenceKind::Png));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(EvidenceKind::WebP));
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(EvidenceKind::Pdf));
    }

    #[test]
    fn other_formats_and_look_alikes_are_not_recognised() {
        for bytes in [
            &b""[..],
            b"GIF89a\x01\x00",
            b"<svg xmlns='http://www.w3.org/2000/svg'/>",
            b"<!DOCTYPE html><html>",
            b"PK\x03\x04\x14\x00",
            b"RIFF\0\0\0\0WAVEfmt ",
            b"\0\0\0\x18ftypheic",
            b"\xFF\xD8",
            b"MZ\x90\x00",
            b" %PDF-1.4",
        ] {
            assert_eq!(sniff(bytes), None, "{bytes:?}");
        }
    }

    #[test]
    fn heif_photos_are_told_apart_from_other_iso_media() {
        assert!(is_heif(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"));
        assert!(is_heif(b"\0\0\0\x1cftypmif1\0\0\0\0mif1heic"));
        assert!(is_heif(b"\0\0\0\x20ftypavif\0\0\0\0"));
        assert!(!is_heif(b"\0\0\0\x20ftypisom\0\0\x02\0"), "an MP4 video");
        assert!(!is_heif(b"\0\0\0\x18ftyphei"), "too short");
        assert!(!is_heif(b"\xFF\xD8\xFF\xE0heic"));
    }

    #[test]
    fn foreign_signatures_are_found_anywhere_and_markup_in_any_case() {
        assert!(foreign_signature(b"abc PK\x03\x04 def", &[]));
        assert!(foreign_signature(b"xx<ScRiPt>alert(1)", &[]));
        assert!(foreign_signature(b"junk%PDF-1.4", &[]));
        assert!(!foreign_signature(b"junk%PDF-1.4", &[b"%PDF-"]));
        assert!(!foreign_signature(b"an honest comment about a PDF", &[]));
    }

    #[test]
    fn find_reports_the_first_match_from_the_offset() {
        assert_eq!(find(b"aXbXc", b"X", 0), Some(1));
        assert_eq!(find(b"aXbXc", b"X", 2), Some(3));
        assert_eq!(find(b"aXbXc", b"Xc", 0), Some(3));
        assert_eq!(find(b"ab", b"abc", 0), None);
        assert_eq!(find(b"ab", b"", 0), None);
    }
}
