//! Evidence cleaning through the public API, as the web layer uses it: check the batch,
//! clean each file, keep only what passes. Also the 12-megapixel timing run (figures in
//! the module docs of `src/intake/evidence/image.rs`):
//! `CARGO_TARGET_DIR=/work/target-evidence cargo test --release -p naqsha --test app evidence:: -- --ignored --nocapture`

use std::time::Instant;

use image::{ImageEncoder, Rgb, RgbImage};
use naqsha::intake::evidence::{EvidenceKind, EvidenceLimits, check_batch, clean, strip_check};

use crate::support::builders;

#[test]
fn a_mixed_report_comes_out_with_no_metadata_in_any_file() {
    let picture = builders::two_colour_picture(48, 32);
    let uploads = [
        builders::phone_jpeg(&picture, Some(6)),
        builders::phone_png(&picture),
        builders::phone_webp(&picture),
        builders::pdf("", &[]),
    ];
    for upload in &uploads[..3] {
        assert!(strip_check(upload).contains(&"gps"), "fixture carries GPS");
    }
    let limits = EvidenceLimits::default();
    let sizes: Vec<usize> = uploads.iter().map(Vec::len).collect();
    check_batch(&sizes, &limits).expect("four small files fit");

    let cleaned: Vec<_> = uploads
        .iter()
        .map(|bytes| clean(bytes, &limits).expect("accepted"))
        .collect();

    let kinds: Vec<EvidenceKind> = cleaned.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            EvidenceKind::Jpeg,
            EvidenceKind::Png,
            EvidenceKind::WebP,
            EvidenceKind::Pdf
        ]
    );
    for file in &cleaned {
        assert_eq!(strip_check(&file.bytes), Vec::<&str>::new());
    }
    assert_eq!((cleaned[0].width, cleaned[0].height), (Some(32), Some(48)));
}

/// A 4000 × 3000 picture with gradients and sensor-like noise, so the JPEG is as costly to
/// decode as a phone photo (a flat picture would compress to almost nothing).
fn photo_like(width: u32, height: u32) -> RgbImage {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    RgbImage::from_fn(width, height, |x, y| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let noise = i32::from(u8::try_from(state & 0x1F).unwrap_or(0)) - 16;
        let channel = |base: u32| {
            u8::try_from((i64::from(base % 256) + i64::from(noise)).clamp(0, 255)).unwrap_or(0)
        };
        Rgb([channel(x / 16), channel(y / 12), channel((x + y) / 28)])
    })
}

#[test]
#[ignore = "timing run for 12-megapixel images; use --release"]
fn time_cleaning_12_megapixel_images() {
    let picture = photo_like(4000, 3000);
    let mut webp = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
        .write_image(picture.as_raw(), 4000, 3000, image::ExtendedColorType::Rgb8)
        .expect("encode");
    let uploads = [
        (
            "JPEG (EXIF orientation 6)",
            builders::phone_jpeg(&picture, Some(6)),
        ),
        ("PNG", builders::png(&picture)),
        ("WebP", webp),
    ];
    // A noisy 12 MP picture is over 10 MiB as PNG or lossless WebP; raise the size limit so
    // the decoding and encoding work is what is timed.
    let limits = EvidenceLimits {
        max_file_bytes: 64 * 1024 * 1024,
        ..EvidenceLimits::default()
    };
    let runs = 5;
    for (name, upload) in uploads {
        let mut best = f64::MAX;
        let mut cleaned = None;
        for _ in 0..runs {
            let start = Instant::now();
            cleaned = Some(clean(&upload, &limits).expect("accepted"));
            best = best.min(start.elapsed().as_secs_f64());
        }
        let cleaned = cleaned.expect("ran");
        assert_eq!(
            cleaned.width.zip(cleaned.height).map(|(w, h)| w * h),
            Some(12_000_000)
        );
        assert_eq!(strip_check(&cleaned.bytes), Vec::<&str>::new());
        println!(
            "12 MP {name}: {} bytes in, {} bytes out, best of {runs}: {:.0} ms",
            upload.len(),
            cleaned.bytes.len(),
            best * 1000.0
        );
    }
}
