//! PDFs: kept byte for byte (for moderators only), after checks for polyglots and active
//! content.
//!
//! The active-content check is a heuristic over the file's bytes, not a PDF parser: it
//! reads every name token (decoding `#xx` escapes) outside stream data, and inside
//! Flate-compressed object streams, where PDF 1.5+ writers put most dictionaries. It can be
//! fooled by objects a reader recovers from damaged files, by filters other than Flate on
//! object streams, and it refuses PDFs that merely mention `/JavaScript` in a text string.
//! That is why PDFs are never served publicly: the web layer must send them to moderators
//! only, as `Content-Disposition: attachment` with `X-Content-Type-Options: nosniff`.

use std::io::Read;

use super::EvidenceError;
use super::sniff::{contains, find, foreign_signature};

/// Names of actions and objects that run code, open other files, send data away or carry
/// files. Compared after `#xx` decoding, so `/J#61vaScript` is caught too.
const ACTIVE_NAMES: &[&[u8]] = &[
    b"JavaScript",
    b"JS",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
    b"SubmitForm",
    b"ImportData",
    b"GoToE",
    b"GoToR",
    b"XFA",
];

/// Bytes at the start of a PDF where another format's header would make it a polyglot.
const HEADER_REGION: usize = 1024;

/// How far `%%EOF` may sit from the end (trailing whitespace only is allowed after it).
const EOF_MARKER: &[u8] = b"%%EOF";

/// Total bytes inflated from object streams per file; beyond it the file is refused as
/// uncheckable rather than risking a decompression bomb.
const INFLATE_BUDGET: usize = 32 * 1024 * 1024;

/// Checks a PDF that starts with `%PDF-`; the bytes are kept as they are if this passes.
pub(super) fn check_pdf(bytes: &[u8]) -> Result<(), EvidenceError> {
    if !(bytes.starts_with(b"%PDF-1.") || bytes.starts_with(b"%PDF-2.")) {
        return Err(EvidenceError::Corrupt);
    }
    check_trailer(bytes)?;
    let header = &bytes[..bytes.len().min(HEADER_REGION)];
    if foreign_signature(&header[5..], &[])
        || contains(bytes, b"PK\x03\x04")
        || contains(bytes, b"PK\x05\x06")
    {
        return Err(EvidenceError::Polyglot);
    }
    let mut budget = INFLATE_BUDGET;
    scan(bytes, true, &mut budget)
}

fn check_trailer(bytes: &[u8]) -> Result<(), EvidenceError> {
    let end = bytes
        .iter()
        .rposition(|b| !is_whitespace(*b))
        .map_or(0, |last| last + 1);
    if bytes[..end].ends_with(EOF_MARKER) {
        Ok(())
    } else if contains(bytes, EOF_MARKER) {
        // A complete PDF with something else after it.
        Err(EvidenceError::Polyglot)
    } else {
        Err(EvidenceError::Corrupt)
    }
}

/// Scans name tokens; with `streams`, skips stream data except object streams, which are
/// inflated and scanned.
fn scan(bytes: &[u8], streams: bool, budget: &mut usize) -> Result<(), EvidenceError> {
    let mut name = Vec::with_capacity(32);
    let mut object_stream = false;
    let mut flate = false;
    let mut pos = 0;
    while pos < bytes.len() {
        match bytes[pos] {
            b'/' => {
                pos = read_name(bytes, pos + 1, &mut name);
                if ACTIVE_NAMES.contains(&name.as_slice()) {
                    return Err(EvidenceError::PdfActiveContent);
                }
                object_stream |= name == b"ObjStm";
                flate |= name == b"FlateDecode" || name == b"Fl";
            }
            b's' if streams && is_keyword(bytes, pos, b"stream") => {
                let data_start = skip_eol(bytes, pos + b"stream".len());
                match stream_end(bytes, data_start) {
                    Some(data_end) => {
                        if object_stream {
                            let inflated = inflate(&bytes[data_start..data_end], flate, budget)?;
                            scan(&inflated, false, budget)?;
                        }
                        object_stream = false;
                        flate = false;
                        pos = data_end + b"endstream".len();
                    }
                    // Not a real stream: keep reading its bytes as objects.
                    None => pos += b"stream".len(),
                }
            }
            b'e' if is_keyword(bytes, pos, b"endobj") => {
                object_stream = false;
                flate = false;
                pos += b"endobj".len();
            }
            _ => pos += 1,
        }
    }
    Ok(())
}

/// Where a stream's data ends (the `endstream` keyword), if that looks genuine. A stream
/// whose would-be data contains `endobj` is a decoy hiding objects and is not skipped.
fn stream_end(bytes: &[u8], data_start: usize) -> Option<usize> {
    let end = find(bytes, b"endstream", data_start)?;
    (!contains(&bytes[data_start..end], b"endobj")).then_some(end)
}

fn inflate(data: &[u8], flate: bool, budget: &mut usize) -> Result<Vec<u8>, EvidenceError> {
    if !flate {
        return Err(EvidenceError::PdfUncheckable);
    }
    let mut out = Vec::new();
    let limit = u64::try_from(*budget).unwrap_or(u64::MAX).saturating_add(1);
    flate2::read::ZlibDecoder::new(data)
        .take(limit)
        .read_to_end(&mut out)
        .map_err(|_| EvidenceError::PdfUncheckable)?;
    *budget = budget
        .checked_sub(out.len())
        .ok_or(EvidenceError::PdfUncheckable)?;
    Ok(out)
}

/// Reads a name token starting after its `/`, decoding `#xx`; returns the index after it.
fn read_name(bytes: &[u8], mut pos: usize, name: &mut Vec<u8>) -> usize {
    name.clear();
    while let Some(&b) = bytes.get(pos) {
        if is_whitespace(b) || is_delimiter(b) {
            break;
        }
        let escaped = (b == b'#')
            .then(|| bytes.get(pos + 1..pos + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(decoded) => {
                name.push(decoded);
                pos += 3;
            }
            None => {
                name.push(b);
                pos += 1;
            }
        }
    }
    pos
}

/// Whether `keyword` stands at `pos` as a whole token.
fn is_keyword(bytes: &[u8], pos: usize, keyword: &[u8]) -> bool {
    let regular = |b: &u8| !is_whitespace(*b) && !is_delimiter(*b);
    bytes[pos..].starts_with(keyword)
        && !pos
            .checked_sub(1)
            .and_then(|i| bytes.get(i))
            .is_some_and(regular)
        && !bytes.get(pos + keyword.len()).is_some_and(regular)
}

fn skip_eol(bytes: &[u8], pos: usize) -> usize {
    match bytes.get(pos..pos + 2) {
        Some(b"\r\n") => pos + 2,
        _ if matches!(bytes.get(pos), Some(b'\n' | b'\r')) => pos + 1,
        _ => pos,
    }
}

fn is_whitespace(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::intake::evidence::tests::builders::{flate, pdf};

    fn key(result: Result<(), EvidenceError>) -> Result<(), &'static str> {
        result.map_err(|e| e.message_key())
    }

    #[test]
    fn a_plain_pdf_passes() {
        assert_eq!(key(check_pdf(&pdf("", &[]))), Ok(()));
    }

    #[test]
    fn javascript_and_other_actions_in_plain_dictionaries_are_refused() {
        for action in [
            "<< /S /JavaScript /JS (app.alert\\(1\\)) >>",
            "<</S/Launch/F(cmd.exe)>>",
            "<< /Type /EmbeddedFile /Length 0 >>",
            "<< /S /GoToR /F (\\\\\\\\attacker\\\\share\\\\x.pdf) >>",
            "<< /S /SubmitForm /F (https://example.org) >>",
        ] {
            let bytes = pdf("/OpenAction 4 0 R", &[action.as_bytes()]);
            assert_eq!(
                key(check_pdf(&bytes)),
                Err("evidence.pdf_active_content"),
                "{action}"
            );
        }
    }

    #[test]
    fn hex_escaped_names_are_decoded_before_comparison() {
        let bytes = pdf("/OpenAction 4 0 R", &[b"<< /S /J#61vaScript /J#53 (x) >>"]);
        assert_eq!(key(check_pdf(&bytes)), Err("evidence.pdf_active_content"));
    }

    #[test]
    fn names_that_only_start_like_an_action_are_not_refused() {
        let bytes = pdf("/JSON_like_name true /Launcher 1", &[]);
        assert_eq!(key(check_pdf(&bytes)), Ok(()));
    }

    #[test]
    fn javascript_hidden_in_a_compressed_object_stream_is_refused() {
        let hidden = flate(b"4 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>");
        let mut object = format!(
            "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} >>\nstream\n",
            hidden.len()
        )
        .into_bytes();
        object.extend_from_slice(&hidden);
        object.extend_from_slice(b"\nendstream");
        assert_eq!(
            key(check_pdf(&pdf("/OpenAction 4 0 R", &[&object]))),
            Err("evidence.pdf_active_content")
        );
    }

    #[test]
    fn an_object_stream_that_cannot_be_inflated_is_uncheckable() {
        let object = b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 9 >>\nstream\nnot zlib!\nendstream";
        assert_eq!(
            key(check_pdf(&pdf("", &[object]))),
            Err("evidence.pdf_uncheckable")
        );
    }

    #[test]
    fn an_object_stream_inflating_past_the_budget_is_uncheckable() {
        let mut budget = 1000;
        let bomb = flate(&vec![b' '; 5000]);
        assert_eq!(
            inflate(&bomb, true, &mut budget),
            Err(EvidenceError::PdfUncheckable)
        );
    }

    #[test]
    fn action_names_inside_ordinary_stream_data_are_not_mistaken_for_actions() {
        // Binary image data that happens to contain "/JS ".
        let object = b"<< /Type /XObject /Subtype /Image /Length 12 >>\nstream\n\x00\x9f/JS \x01\x02\x03\x04\x05\x06\nendstream";
        assert_eq!(key(check_pdf(&pdf("", &[object]))), Ok(()));
    }

    #[test]
    fn a_decoy_stream_keyword_does_not_hide_the_objects_after_it() {
        let decoy = b"<< /Length 0 >>\nstream\n";
        let hidden = b"<< /S /JavaScript /JS (x) >>";
        let closer = b"<< /Length 0 >>\nstream\n\nendstream";
        let bytes = pdf("", &[decoy, hidden, closer]);
        assert_eq!(key(check_pdf(&bytes)), Err("evidence.pdf_active_content"));
    }

    #[test]
    fn the_header_must_be_a_pdf_1_or_2_version_line() {
        let mut bytes = pdf("", &[]);
        bytes[5] = b'9';
        assert_eq!(key(check_pdf(&bytes)), Err("evidence.corrupt"));
    }

    #[test]
    fn trailing_whitespace_is_allowed_after_the_eof_marker() {
        let mut bytes = pdf("", &[]);
        bytes.extend_from_slice(b"\r\n \n\0");
        assert_eq!(key(check_pdf(&bytes)), Ok(()));
    }

    #[test]
    fn a_truncated_pdf_is_corrupt() {
        let bytes = pdf("", &[]);
        let cut = bytes.len() - 10;
        assert_eq!(key(check_pdf(&bytes[..cut])), Err("evidence.corrupt"));
    }

    #[test]
    fn data_after_the_eof_marker_makes_a_polyglot() {
        let mut bytes = pdf("", &[]);
        bytes.extend_from_slice(b"<html><script>alert(1)</script></html>");
        assert_eq!(key(check_pdf(&bytes)), Err("evidence.polyglot"));
    }

    #[test]
    fn markup_or_another_header_in_the_header_region_makes_a_polyglot() {
        for intruder in [&b"<html><body>"[..], b"GIF89a", b"\x7fELF\x02\x01"] {
            let mut bytes = pdf("", &[]);
            let at = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
            let mut comment = b"%".to_vec();
            comment.extend_from_slice(intruder);
            comment.push(b'\n');
            bytes.splice(at..at, comment);
            assert_eq!(
                key(check_pdf(&bytes)),
                Err("evidence.polyglot"),
                "{intruder:?}"
            );
        }
    }

    #[test]
    fn a_zip_anywhere_in_a_pdf_makes_a_polyglot() {
        let object = [
            &b"<< /Length 8 >>\nstream\n"[..],
            b"PK\x03\x04\x14\x00\x00\x00",
            b"\nendstream",
        ]
        .concat();
        assert_eq!(
            key(check_pdf(&pdf("", &[&object]))),
            Err("evidence.polyglot")
        );
    }
}
