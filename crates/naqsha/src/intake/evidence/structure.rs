//! Bounds-checked walks over the container structure of JPEG, PNG and WebP files.
//!
//! The decoders in the `image` crate are lenient (a truncated JPEG decodes with grey
//! filler, bytes after the end are ignored), so the structure is walked here first:
//! that is how truncation, appended data and hidden containers are found.

/// One marker segment of a JPEG before or between scans (entropy-coded data excluded).
pub(super) struct JpegSegment<'a> {
    /// The marker byte after `0xFF` (e.g. `0xE1` for APP1).
    pub marker: u8,
    /// The segment body after its two length bytes.
    pub body: &'a [u8],
}

/// The segments of a JPEG and where it ends.
pub(super) struct JpegLayout<'a> {
    pub segments: Vec<JpegSegment<'a>>,
    /// Index just after the EOI marker.
    pub end: usize,
}

/// Walks a JPEG from SOI to EOI; `None` if it is malformed or truncated.
pub(super) fn walk_jpeg(bytes: &[u8]) -> Option<JpegLayout<'_>> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut segments = Vec::new();
    let mut pos = 2;
    let mut seen_scan = false;
    loop {
        if *bytes.get(pos)? != 0xFF {
            return None;
        }
        // Any number of 0xFF fill bytes may precede a marker.
        while *bytes.get(pos + 1)? == 0xFF {
            pos += 1;
        }
        let marker = bytes[pos + 1];
        match marker {
            0xD9 => {
                return seen_scan.then_some(JpegLayout {
                    segments,
                    end: pos + 2,
                });
            }
            0xD8 | 0x00 => return None,
            0x01 | 0xD0..=0xD7 => pos += 2,
            _ => {
                let length = usize::from(u16::from_be_bytes([
                    *bytes.get(pos + 2)?,
                    *bytes.get(pos + 3)?,
                ]));
                if length < 2 {
                    return None;
                }
                let body = bytes.get(pos + 4..pos + 2 + length)?;
                segments.push(JpegSegment { marker, body });
                pos += 2 + length;
                if marker == 0xDA {
                    seen_scan = true;
                    pos = skip_entropy_coded(bytes, pos)?;
                }
            }
        }
    }
}

/// Returns the index of the first real marker after entropy-coded data starting at `pos`.
fn skip_entropy_coded(bytes: &[u8], mut pos: usize) -> Option<usize> {
    loop {
        pos += bytes.get(pos..)?.iter().position(|&b| b == 0xFF)?;
        match *bytes.get(pos + 1)? {
            // Stuffed zero and restart markers belong to the scan.
            0x00 | 0xD0..=0xD7 => pos += 2,
            0xFF => pos += 1,
            _ => return Some(pos),
        }
    }
}

/// One chunk of a PNG.
pub(super) struct PngChunk<'a> {
    pub kind: [u8; 4],
    pub data: &'a [u8],
}

/// The chunks of a PNG and where it ends.
pub(super) struct PngLayout<'a> {
    pub chunks: Vec<PngChunk<'a>>,
    /// Index just after the IEND chunk's CRC.
    pub end: usize,
}

/// Walks a PNG from its signature to IEND; `None` if it is malformed or truncated.
/// CRCs are left to the decoder.
pub(super) fn walk_png(bytes: &[u8]) -> Option<PngLayout<'_>> {
    if !bytes.starts_with(super::sniff::PNG_MAGIC) {
        return None;
    }
    let mut chunks: Vec<PngChunk<'_>> = Vec::new();
    let mut pos = super::sniff::PNG_MAGIC.len();
    loop {
        let length = u32::from_be_bytes(bytes.get(pos..pos + 4)?.try_into().ok()?);
        if length > 0x7FFF_FFFF {
            return None;
        }
        let kind: [u8; 4] = bytes.get(pos + 4..pos + 8)?.try_into().ok()?;
        if !kind.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        if chunks.is_empty() && &kind != b"IHDR" {
            return None;
        }
        let data_start = pos + 8;
        let data_end = data_start.checked_add(usize::try_from(length).ok()?)?;
        let data = bytes.get(data_start..data_end)?;
        bytes.get(data_end..data_end + 4)?;
        pos = data_end + 4;
        chunks.push(PngChunk { kind, data });
        if &kind == b"IEND" {
            return Some(PngLayout { chunks, end: pos });
        }
    }
}

/// One chunk of a WebP (RIFF) file.
pub(super) struct RiffChunk<'a> {
    pub fourcc: [u8; 4],
    pub data: &'a [u8],
}

/// The chunks of a WebP and the end its RIFF header declares.
pub(super) struct WebpLayout<'a> {
    pub chunks: Vec<RiffChunk<'a>>,
    /// `8 + RIFF size`: where the file says it ends.
    pub declared_end: usize,
}

/// Walks a WebP's chunks within its declared RIFF size; `None` if the file is shorter than
/// declared or a chunk overruns. A file *longer* than declared is returned for the caller
/// to judge (that is appended data).
pub(super) fn walk_webp(bytes: &[u8]) -> Option<WebpLayout<'_>> {
    if !bytes.starts_with(b"RIFF") || bytes.get(8..12)? != b"WEBP" {
        return None;
    }
    let riff_size = u32::from_le_bytes(bytes.get(4..8)?.try_into().ok()?);
    let declared_end = usize::try_from(riff_size).ok()?.checked_add(8)?;
    let body = bytes.get(..declared_end)?;
    let mut chunks = Vec::new();
    let mut pos = 12;
    while pos < declared_end {
        let fourcc: [u8; 4] = body.get(pos..pos + 4)?.try_into().ok()?;
        let size = u32::from_le_bytes(body.get(pos + 4..pos + 8)?.try_into().ok()?);
        let size = usize::try_from(size).ok()?;
        let data_start = pos + 8;
        let data_end = data_start.checked_add(size)?;
        let data = body.get(data_start..data_end)?;
        chunks.push(RiffChunk { fourcc, data });
        // Chunks are padded to an even length; the last pad byte may be missing in the wild.
        pos = (data_end + (size & 1)).min(declared_end);
    }
    (!chunks.is_empty()).then_some(WebpLayout {
        chunks,
        declared_end,
    })
}

/// Whether a TIFF structure (the payload of an EXIF block) links a GPS IFD from IFD0.
pub(super) fn exif_links_gps(tiff: &[u8]) -> bool {
    const GPS_IFD_POINTER: u16 = 0x8825;
    let tiff = tiff.strip_prefix(b"Exif\0\0").unwrap_or(tiff);
    let big_endian = match tiff.get(..4) {
        Some(b"II*\0") => false,
        Some(b"MM\0*") => true,
        _ => return false,
    };
    let read_u16 = |at: usize| -> Option<u16> {
        let raw: [u8; 2] = tiff.get(at..at + 2)?.try_into().ok()?;
        Some(if big_endian {
            u16::from_be_bytes(raw)
        } else {
            u16::from_le_bytes(raw)
        })
    };
    let read_u32 = |at: usize| -> Option<u32> {
        let raw: [u8; 4] = tiff.get(at..at + 4)?.try_into().ok()?;
        Some(if big_endian {
            u32::from_be_bytes(raw)
        } else {
            u32::from_le_bytes(raw)
        })
    };
    let links = || -> Option<bool> {
        let ifd0 = usize::try_from(read_u32(4)?).ok()?;
        let count = usize::from(read_u16(ifd0)?);
        Some((0..count).any(|i| read_u16(ifd0 + 2 + i * 12) == Some(GPS_IFD_POINTER)))
    };
    links().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SOI, a COM segment, SOS with entropy data containing a stuffed byte and a restart
    /// marker, EOI.
    fn tiny_jpeg_skeleton() -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8];
        b.extend_from_slice(&[0xFF, 0xFE, 0x00, 0x05, b'h', b'i', b'!']);
        b.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x03, 0x01]);
        b.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56]);
        b.extend_from_slice(&[0xFF, 0xD9]);
        b
    }

    #[test]
    fn jpeg_walk_finds_segments_and_the_real_end_past_stuffed_bytes() {
        let bytes = tiny_jpeg_skeleton();
        let layout = walk_jpeg(&bytes).expect("valid skeleton");
        assert_eq!(layout.end, bytes.len());
        let markers: Vec<u8> = layout.segments.iter().map(|s| s.marker).collect();
        assert_eq!(markers, [0xFE, 0xDA]);
        assert_eq!(layout.segments[0].body, b"hi!");
    }

    #[test]
    fn jpeg_walk_refuses_every_truncation() {
        let bytes = tiny_jpeg_skeleton();
        for cut in 0..bytes.len() {
            assert!(walk_jpeg(&bytes[..cut]).is_none(), "cut at {cut}");
        }
    }

    #[test]
    fn jpeg_walk_reports_the_end_before_appended_data() {
        let mut bytes = tiny_jpeg_skeleton();
        let end = bytes.len();
        bytes.extend_from_slice(b"PK\x03\x04 appended");
        assert_eq!(walk_jpeg(&bytes).map(|l| l.end), Some(end));
    }

    #[test]
    fn png_walk_needs_ihdr_first_and_iend_last() {
        let mut bytes = super::super::sniff::PNG_MAGIC.to_vec();
        for (kind, data) in [(b"IHDR", &[0u8; 13][..]), (b"IEND", &[][..])] {
            bytes.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
            bytes.extend_from_slice(kind);
            bytes.extend_from_slice(data);
            bytes.extend_from_slice(&[0; 4]);
        }
        let layout = walk_png(&bytes).expect("valid skeleton");
        assert_eq!(layout.end, bytes.len());
        assert_eq!(layout.chunks.len(), 2);
        assert!(walk_png(&bytes[..bytes.len() - 1]).is_none());
        let mut no_ihdr = bytes.clone();
        no_ihdr[12..16].copy_from_slice(b"tEXt");
        assert!(walk_png(&no_ihdr).is_none());
    }

    #[test]
    fn webp_walk_refuses_a_file_shorter_than_its_riff_size() {
        let mut bytes = b"RIFF\0\0\0\0WEBPVP8L".to_vec();
        bytes.extend_from_slice(&3u32.to_le_bytes());
        bytes.extend_from_slice(&[1, 2, 3, 0]);
        let size = u32::try_from(bytes.len() - 8).unwrap();
        bytes[4..8].copy_from_slice(&size.to_le_bytes());
        let layout = walk_webp(&bytes).expect("valid skeleton");
        assert_eq!(layout.declared_end, bytes.len());
        assert_eq!(layout.chunks[0].data, &[1, 2, 3]);
        assert!(walk_webp(&bytes[..bytes.len() - 2]).is_none());
    }

    #[test]
    fn gps_link_is_found_in_both_byte_orders_and_not_invented() {
        // IFD0 with one entry: tag 0x8825 (GPS IFD pointer).
        let le = b"II*\0\x08\0\0\0\x01\0\x25\x88\x04\0\x01\0\0\0\x1a\0\0\0\0\0\0\0";
        let be = b"MM\0*\0\0\0\x08\0\x01\x88\x25\0\x04\0\0\0\x01\0\0\0\x1a\0\0\0\0";
        assert!(exif_links_gps(le));
        assert!(exif_links_gps(be));
        let mut other = le.to_vec();
        other[10] = 0x12; // tag 0x8812: not GPS
        assert!(!exif_links_gps(&other));
        assert!(!exif_links_gps(&le[..11]));
    }
}
