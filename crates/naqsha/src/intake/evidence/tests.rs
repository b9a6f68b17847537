//! End-to-end tests of [`clean`] over fixtures built in code (see
//! `tests/fixtures/evidence/builders.rs`).

use ::image::{GenericImageView, ImageFormat, Rgb};

use super::*;

#[path = "../../../tests/fixtures/evidence/builders.rs"]
#[allow(dead_code)]
pub(super) mod builders;
use builders::*;

fn limits() -> EvidenceLimits {
    EvidenceLimits::default()
}

fn refusal(bytes: &[u8]) -> &'static str {
    match clean(bytes, &limits()) {
        Ok(_) => "accepted",
        Err(error) => error.message_key(),
    }
}

fn has(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Identifying byte strings the phone fixtures carry.
fn identifying_strings() -> Vec<Vec<u8>> {
    vec![
        b"Exif\0\0".to_vec(),
        b"GPS".to_vec(),
        XMP_NAMESPACE.as_bytes().to_vec(),
        XMP_GPS.as_bytes().to_vec(),
        b"ICC_PROFILE".to_vec(),
        ICC_DESCRIPTION.as_bytes().to_vec(),
        COMMENT.as_bytes().to_vec(),
        PNG_TEXT.as_bytes().to_vec(),
        gps_latitude_rationals(),
        gps_longitude_rationals(),
    ]
}

fn assert_no_identifying_strings(bytes: &[u8]) {
    for needle in identifying_strings() {
        assert!(
            !has(bytes, &needle),
            "cleaned file still holds {:?}",
            String::from_utf8_lossy(&needle)
        );
    }
    assert_eq!(strip_check(bytes), Vec::<&str>::new());
}

fn is_reddish(p: Rgb<u8>) -> bool {
    p[0] > 150 && p[2] < 100
}

fn is_bluish(p: Rgb<u8>) -> bool {
    p[2] > 150 && p[0] < 100
}

#[test]
fn a_phone_jpeg_loses_exif_gps_xmp_icc_and_comment_but_keeps_its_picture() {
    let original = phone_jpeg(&two_colour_picture(64, 48), None);
    assert_eq!(
        strip_check(&original),
        ["comment", "exif", "gps", "icc", "xmp"],
        "the fixture must carry what a phone writes, or this test proves nothing"
    );
    for needle in [&b"GPS"[..], &gps_latitude_rationals(), COMMENT.as_bytes()] {
        assert!(has(&original, needle));
    }

    let cleaned = clean(&original, &limits()).expect("a phone JPEG is accepted");

    assert_no_identifying_strings(&cleaned.bytes);
    assert_eq!(cleaned.kind, EvidenceKind::Jpeg);
    assert_eq!(cleaned.media_type, "image/jpeg");
    assert_eq!((cleaned.width, cleaned.height), (Some(64), Some(48)));
    let decoded = ::image::load_from_memory_with_format(&cleaned.bytes, ImageFormat::Jpeg)
        .expect("the cleaned copy is a JPEG");
    assert_eq!(decoded.dimensions(), (64, 48));
    let rgb = decoded.to_rgb8();
    assert!(is_reddish(*rgb.get_pixel(5, 24)) && is_bluish(*rgb.get_pixel(58, 24)));
}

#[test]
fn exif_orientation_6_turns_a_landscape_picture_upright() {
    let original = phone_jpeg(&two_colour_picture(40, 20), Some(6));
    let cleaned = clean(&original, &limits()).expect("accepted");
    assert_eq!((cleaned.width, cleaned.height), (Some(20), Some(40)));
    let rgb = ::image::load_from_memory(&cleaned.bytes)
        .expect("decodes")
        .to_rgb8();
    assert_eq!(rgb.dimensions(), (20, 40));
    // Rotating 90° clockwise puts the red left half on top.
    assert!(
        is_reddish(*rgb.get_pixel(10, 5)),
        "{:?}",
        rgb.get_pixel(10, 5)
    );
    assert!(
        is_bluish(*rgb.get_pixel(10, 34)),
        "{:?}",
        rgb.get_pixel(10, 34)
    );
    assert_no_identifying_strings(&cleaned.bytes);
}

#[test]
fn without_an_orientation_tag_the_picture_keeps_its_shape() {
    let cleaned = clean(&phone_jpeg(&two_colour_picture(40, 20), None), &limits()).unwrap();
    assert_eq!((cleaned.width, cleaned.height), (Some(40), Some(20)));
}

#[test]
fn a_png_loses_its_exif_text_xmp_and_icc_chunks_and_keeps_every_pixel() {
    let picture = two_colour_picture(30, 18);
    let original = phone_png(&picture);
    assert_eq!(
        strip_check(&original),
        ["exif", "gps", "icc", "text", "xmp"]
    );

    let cleaned = clean(&original, &limits()).expect("a PNG with metadata is accepted");

    assert_no_identifying_strings(&cleaned.bytes);
    for chunk in [b"eXIf", b"tEXt", b"iTXt", b"iCCP", b"zTXt"] {
        assert!(!has(&cleaned.bytes, chunk));
    }
    assert_eq!(cleaned.media_type, "image/png");
    let decoded = ::image::load_from_memory_with_format(&cleaned.bytes, ImageFormat::Png)
        .expect("PNG")
        .to_rgb8();
    assert_eq!(decoded, picture, "PNG cleaning is lossless");
}

#[test]
fn a_webp_loses_its_exif_xmp_and_icc_chunks_and_stays_a_lossless_webp() {
    let picture = two_colour_picture(26, 14);
    let original = phone_webp(&picture);
    assert_eq!(strip_check(&original), ["exif", "gps", "icc", "xmp"]);

    let cleaned = clean(&original, &limits()).expect("a WebP with metadata is accepted");

    assert_no_identifying_strings(&cleaned.bytes);
    for chunk in [b"EXIF", b"XMP ", b"ICCP", b"VP8X"] {
        assert!(!has(&cleaned.bytes, chunk));
    }
    assert_eq!(cleaned.kind, EvidenceKind::WebP);
    assert_eq!(cleaned.media_type, "image/webp");
    let decoded = ::image::load_from_memory_with_format(&cleaned.bytes, ImageFormat::WebP)
        .expect("WebP")
        .to_rgb8();
    assert_eq!(decoded, picture, "WebP cleaning is lossless");
}

#[test]
fn a_png_bomb_is_refused_from_its_header() {
    // 100 000 × 100 000 RGB would need 30 GB; the file is a few hundred bytes.
    let bomb = png_bomb(100_000, 100_000, 8, 2);
    assert!(bomb.len() < 1024);
    assert_eq!(refusal(&bomb), "evidence.too_many_pixels");
}

#[test]
fn an_image_within_the_side_limit_but_over_the_pixel_limit_is_refused() {
    assert_eq!(
        refusal(&png_bomb(12_000, 12_000, 8, 2)),
        "evidence.too_many_pixels"
    );
}

#[test]
fn an_image_within_the_pixel_limit_but_over_the_decode_memory_limit_is_refused() {
    // 35 megapixels of 16-bit RGBA is 280 MB decoded, over the 256 MiB default.
    assert_eq!(
        refusal(&png_bomb(7_000, 5_000, 16, 6)),
        "evidence.too_many_pixels"
    );
}

#[test]
fn a_jpeg_announcing_huge_dimensions_is_refused() {
    let mut bytes = jpeg(&two_colour_picture(16, 16));
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("baseline SOF0");
    bytes[sof + 5..sof + 9].copy_from_slice(&[0xEA, 0x60, 0xEA, 0x60]); // 60 000 × 60 000
    assert_eq!(refusal(&bytes), "evidence.too_many_pixels");
}

#[test]
fn a_jpeg_with_a_zip_or_pdf_appended_is_a_polyglot() {
    let picture = jpeg(&two_colour_picture(16, 16));
    assert_eq!(
        refusal(&[&picture[..], &zip()].concat()),
        "evidence.polyglot"
    );
    assert_eq!(
        refusal(&[&picture[..], &pdf("", &[])].concat()),
        "evidence.polyglot"
    );
}

#[test]
fn a_jpeg_hiding_a_zip_in_a_comment_is_a_polyglot() {
    let picture = jpeg(&two_colour_picture(16, 16));
    let bytes = with_jpeg_segments(&picture, &[jpeg_segment(0xFE, &zip())]);
    assert_eq!(refusal(&bytes), "evidence.polyglot");
}

#[test]
fn a_jpeg_followed_by_padding_or_a_multi_picture_image_is_accepted() {
    let primary = phone_jpeg(&two_colour_picture(32, 16), None);
    let padded = [&primary[..], &[0u8; 100]].concat();
    assert_eq!(refusal(&padded), "accepted");

    // Phones append depth maps and gain maps as whole JPEGs; only the primary is kept.
    let gain_map = phone_jpeg(&two_colour_picture(8, 8), None);
    let cleaned = clean(&[&primary[..], &gain_map].concat(), &limits()).expect("accepted");
    assert_eq!((cleaned.width, cleaned.height), (Some(32), Some(16)));
    assert_no_identifying_strings(&cleaned.bytes);
}

#[test]
fn a_png_with_data_after_iend_is_a_polyglot() {
    let picture = png(&two_colour_picture(8, 8));
    assert_eq!(
        refusal(&[&picture[..], &zip()].concat()),
        "evidence.polyglot"
    );
    assert_eq!(
        refusal(&[&picture[..], b"\0"].concat()),
        "evidence.polyglot"
    );
}

#[test]
fn a_png_hiding_html_in_a_text_chunk_is_a_polyglot() {
    let picture = png(&two_colour_picture(8, 8));
    let text = png_chunk(b"tEXt", b"Comment\0<html><script>alert(1)</script>");
    assert_eq!(
        refusal(&with_png_chunks(&picture, &[text])),
        "evidence.polyglot"
    );
}

#[test]
fn a_webp_longer_than_its_riff_size_is_a_polyglot_and_shorter_is_corrupt() {
    let picture = phone_webp(&two_colour_picture(8, 8));
    assert_eq!(
        refusal(&[&picture[..], &zip()].concat()),
        "evidence.polyglot"
    );
    assert_eq!(refusal(&picture[..picture.len() - 4]), "evidence.corrupt");
}

#[test]
fn a_plain_pdf_is_accepted_unchanged_and_never_public() {
    let original = pdf("", &[]);
    let cleaned = clean(&original, &limits()).expect("a plain PDF is accepted");
    assert_eq!(cleaned.bytes, original);
    assert_eq!(cleaned.kind, EvidenceKind::Pdf);
    assert_eq!(cleaned.media_type, "application/pdf");
    assert_eq!((cleaned.width, cleaned.height), (None, None));
    assert!(!cleaned.kind.may_be_served_publicly());
    assert!(EvidenceKind::Jpeg.may_be_served_publicly());
}

#[test]
fn a_pdf_with_javascript_is_refused() {
    let bytes = pdf(
        "/OpenAction 4 0 R",
        &[b"<< /Type /Action /S /JavaScript /JS (this.exportDataObject\\(\\)) >>"],
    );
    assert_eq!(refusal(&bytes), "evidence.pdf_active_content");
}

#[test]
fn other_formats_are_refused_whatever_their_name() {
    let svg = b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>";
    let docx = zip();
    for bytes in [
        &b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"[..],
        svg,
        b"<!DOCTYPE html><html><body>hi</body></html>",
        &docx,
        b"MZ\x90\x00\x03\x00\x00\x00",
        b"just some text",
    ] {
        assert_eq!(refusal(bytes), "evidence.unsupported_type", "{bytes:?}");
    }
}

#[test]
fn a_heic_photo_is_refused_as_heic_so_the_sender_can_be_told_what_to_send() {
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic rest of the photo";
    assert_eq!(refusal(heic), "evidence.heic");
    assert_eq!(
        refusal(b"\0\0\0\x20ftypisom\0\0\x02\0 an mp4"),
        "evidence.unsupported_type"
    );
}

#[test]
fn an_empty_file_is_refused_as_empty() {
    assert_eq!(refusal(b""), "evidence.empty");
}

#[test]
fn truncated_images_are_refused_as_corrupt() {
    let picture = two_colour_picture(16, 16);
    for (name, bytes) in [
        ("jpeg", phone_jpeg(&picture, None)),
        ("png", phone_png(&picture)),
        ("webp", phone_webp(&picture)),
    ] {
        let cut = &bytes[..bytes.len() - 3];
        assert_eq!(refusal(cut), "evidence.corrupt", "{name}");
    }
    assert_eq!(refusal(&[0xFF, 0xD8, 0xFF]), "evidence.corrupt");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let small = EvidenceLimits {
        max_file_bytes: 100,
        ..EvidenceLimits::default()
    };
    let bytes = phone_jpeg(&two_colour_picture(16, 16), None);
    assert_eq!(
        clean(&bytes, &small).map_err(|e| e.message_key()),
        Err("evidence.too_large")
    );
}

#[test]
fn a_grey_jpeg_stays_a_grey_jpeg() {
    let grey = ::image::GrayImage::from_fn(12, 10, |x, _| {
        ::image::Luma([u8::try_from(x * 20).unwrap()])
    });
    let mut bytes = Vec::new();
    ::image::DynamicImage::ImageLuma8(grey)
        .write_to(&mut std::io::Cursor::new(&mut bytes), ImageFormat::Jpeg)
        .unwrap();
    let cleaned = clean(&bytes, &limits()).expect("accepted");
    let decoded = ::image::load_from_memory(&cleaned.bytes).unwrap();
    assert_eq!(decoded.color(), ::image::ColorType::L8);
}

#[test]
fn a_png_with_transparency_keeps_it() {
    let picture = ::image::RgbaImage::from_fn(6, 4, |x, _| {
        ::image::Rgba([10, 20, 30, u8::try_from(x * 40).unwrap()])
    });
    let mut bytes = Vec::new();
    ::image::DynamicImage::ImageRgba8(picture.clone())
        .write_to(&mut std::io::Cursor::new(&mut bytes), ImageFormat::Png)
        .unwrap();
    let cleaned = clean(&bytes, &limits()).expect("accepted");
    let decoded = ::image::load_from_memory(&cleaned.bytes)
        .unwrap()
        .to_rgba8();
    assert_eq!(decoded, picture);
}

#[test]
fn only_a_plain_extension_of_the_uploaded_name_is_kept() {
    let cleaned = clean(&pdf("", &[]), &limits()).unwrap();
    let ext = |name: &str| {
        cleaned
            .clone()
            .with_original_name(name)
            .original_name_extension
    };
    assert_eq!(
        ext("C:\\Users\\ayesha\\photo_of_ayesha.JPG").as_deref(),
        Some("jpg")
    );
    assert_eq!(ext("/home/s/screenshot.2024.png").as_deref(), Some("png"));
    assert_eq!(ext("noextension"), None);
    assert_eq!(ext(".bashrc"), None);
    assert_eq!(ext("x.<script>"), None);
    assert_eq!(ext("x.verylongext"), None);
    assert_eq!(ext("dir.d/noext"), None);
}

#[test]
fn strip_check_sees_metadata_that_sits_outside_any_known_structure() {
    // EXIF signature hidden in a PDF, which has no image structure to walk.
    let bytes = pdf("", &[b"<< /Note (Exif\0\0) >>"]);
    assert_eq!(strip_check(&bytes), ["exif"]);
    assert_eq!(strip_check(&pdf("", &[])), Vec::<&str>::new());
}
