//! Evidence files made at run time (nothing generated is committed): PNG pictures written
//! with the `png` crate, PDFs of a chosen size, and random bytes from the system.
//!
//! Shared by `benches/faults` and `benches/soak` through `#[path]`; each uses part of it.
#![allow(dead_code)]

use std::io::{Read, Write};

/// A PNG of `width` × `height` RGB pixels. `uniform`: every pixel the same colour, so that
/// deflate squeezes it to about 1/1000 of its decoded size (12,000 × 3,333 → about 116 KB
/// that decode to 120 MB); otherwise a gradient, like a small screenshot.
pub fn png(width: u32, height: u32, uniform: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_deflate_compression(png::DeflateCompression::Level(9));
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        let mut stream = writer.stream_writer().map_err(|e| e.to_string())?;
        let width = usize::try_from(width).map_err(|e| e.to_string())?;
        let mut row = vec![0u8; width * 3];
        for y in 0..height {
            for (x, px) in row.chunks_mut(3).enumerate() {
                let (r, g, b) = if uniform {
                    (0xd8, 0xe4, 0xf0)
                } else {
                    (
                        u8::try_from(x % 256).unwrap_or(0),
                        u8::try_from(y % 256).unwrap_or(0),
                        0x80,
                    )
                };
                px.copy_from_slice(&[r, g, b]);
            }
            stream.write_all(&row).map_err(|e| e.to_string())?;
        }
        stream.finish().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// A PDF of exactly `size` bytes: one page whose content stream is padded with comment
/// lines (nothing active, nothing another format would recognise).
pub fn pdf(size: usize) -> Vec<u8> {
    let head = "%PDF-1.4\n\
        1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
        2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n\
        3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n";
    let tail = "\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    let line = b"% padding of a scanned statement, kept for the moderators only.\n";
    // The stream's declared length has a fixed width so the total size comes out exact.
    let fixed = head.len() + "4 0 obj\n<< /Length 0000000000 >>\nstream\n".len() + tail.len();
    let padding = size.saturating_sub(fixed);
    let mut out = Vec::with_capacity(size);
    out.extend_from_slice(head.as_bytes());
    out.extend_from_slice(format!("4 0 obj\n<< /Length {padding:010} >>\nstream\n").as_bytes());
    let start = out.len();
    while out.len() - start < padding {
        let room = padding - (out.len() - start);
        out.extend_from_slice(&line[..line.len().min(room)]);
    }
    out.extend_from_slice(tail.as_bytes());
    out
}

/// `n` random bytes from the system.
pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        let _ = f.read_exact(&mut buf);
    }
    buf
}

/// Unpadded base64url (RFC 4648 §5).
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// A small, fast random number generator (xorshift64*), seeded from the system.
pub struct Rng(u64);

impl Rng {
    pub fn new() -> Self {
        let seed = random_bytes(8)
            .iter()
            .fold(0u64, |s, b| s << 8 | u64::from(*b));
        Self(seed | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }
}
