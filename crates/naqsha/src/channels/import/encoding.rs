//! The character encoding of a file to import. Exports are UTF-8 when they come straight from
//! Ushahidi, but a file re-saved by Excel is often Windows-1252 (Windows) or Mac OS Roman
//! (Excel on a Mac, with bare CR line ends). A file that is not valid UTF-8 is given to a
//! detector (chardetng, which knows the legacy encodings of the Web but not Mac OS Roman),
//! and Mac OS Roman is weighed against its guess; the file is then decoded to UTF-8 as it is
//! read.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use anyhow::Context;
use encoding_rs::{CoderResult, Decoder, Encoding, MACINTOSH, UTF_8};

/// Bytes of a legacy file read to weigh Mac OS Roman against the detector's guess.
const SAMPLE: usize = 4 << 20;

/// How the encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    /// The file is valid UTF-8.
    Utf8,
    /// A byte-order mark says so.
    Bom,
    /// The file is not UTF-8; the encoding was detected.
    Detected,
    /// `--encoding` said so.
    Given,
}

/// The encoding a file is read in.
#[derive(Debug, Clone, Copy)]
pub struct FileEncoding {
    /// The encoding.
    pub encoding: &'static Encoding,
    /// How it was chosen.
    pub chosen: Chosen,
}

impl FileEncoding {
    /// One line for the import's report.
    pub fn note(&self) -> String {
        let name = display_name(self.encoding);
        match self.chosen {
            Chosen::Utf8 => "Encoding: UTF-8.".to_owned(),
            Chosen::Bom => format!("Encoding: {name} (the file starts with its byte-order mark)."),
            Chosen::Given => format!("Encoding: {name}, as --encoding said."),
            Chosen::Detected => format!(
                "Encoding: not UTF-8; read as {name}, as detected. If letters look wrong, \
                 run again with --encoding NAME (e.g. windows-1252, macintosh)."
            ),
        }
    }

    /// Whether reading needs a decoder (everything but UTF-8 without a byte-order mark).
    fn needs_decoder(&self) -> bool {
        self.encoding != UTF_8 || self.chosen == Chosen::Bom
    }
}

/// The name shown for an encoding: its WHATWG name, with what `macintosh` means.
pub fn display_name(encoding: &'static Encoding) -> String {
    if encoding == MACINTOSH {
        "macintosh (Mac OS Roman)".to_owned()
    } else {
        encoding.name().to_owned()
    }
}

/// An encoding named by the person running the import (a WHATWG label such as `utf-8`,
/// `windows-1252`, `latin1`, `macintosh` or `mac`).
pub fn by_name(name: &str) -> anyhow::Result<&'static Encoding> {
    Encoding::for_label(name.trim().as_bytes())
        .filter(|e| *e != encoding_rs::REPLACEMENT)
        .ok_or_else(|| {
            anyhow::anyhow!(
                "unknown encoding {name:?}: use a name such as utf-8, windows-1252, macintosh \
                 or windows-1256"
            )
        })
}

/// Tells the encoding of `path`: `given` if set, else a byte-order mark, else UTF-8 when
/// the whole file is valid UTF-8, else the detector's guess.
pub fn detect(path: &Path, given: Option<&'static Encoding>) -> anyhow::Result<FileEncoding> {
    if let Some(encoding) = given {
        return Ok(FileEncoding {
            encoding,
            chosen: Chosen::Given,
        });
    }
    let mut file = open(path)?;
    let mut head = [0u8; 3];
    let n = read_full(&mut file, &mut head).with_context(|| read_error(path))?;
    if let Some((encoding, _)) = Encoding::for_bom(&head[..n])
        && encoding != UTF_8
    {
        return Ok(FileEncoding {
            encoding,
            chosen: Chosen::Bom,
        });
    }
    let mut utf8 = Utf8Check::default();
    utf8.feed(&head[..n]);
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf).with_context(|| read_error(path))?;
        if n == 0 || !utf8.valid {
            break;
        }
        utf8.feed(&buf[..n]);
    }
    if utf8.valid && utf8.pending.is_empty() {
        return Ok(FileEncoding {
            encoding: UTF_8,
            chosen: Chosen::Utf8,
        });
    }
    Ok(FileEncoding {
        encoding: guess(path)?,
        chosen: Chosen::Detected,
    })
}

fn open(path: &Path) -> anyhow::Result<BufReader<File>> {
    Ok(BufReader::new(
        File::open(path).with_context(|| read_error(path))?,
    ))
}

fn read_error(path: &Path) -> String {
    format!("cannot read {}", path.display())
}

fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// UTF-8 validity over a stream read in chunks (a character may be split between two).
struct Utf8Check {
    pending: Vec<u8>,
    valid: bool,
}

impl Default for Utf8Check {
    fn default() -> Self {
        Self {
            pending: Vec::new(),
            valid: true,
        }
    }
}

impl Utf8Check {
    fn feed(&mut self, chunk: &[u8]) {
        if !self.valid {
            return;
        }
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(chunk);
        match std::str::from_utf8(&bytes) {
            Ok(_) => {}
            // A character cut at the end of the chunk: keep its bytes for the next one.
            Err(e) if e.error_len().is_none() => {
                self.pending = bytes[e.valid_up_to()..].to_vec();
            }
            Err(_) => self.valid = false,
        }
    }
}

/// The detector's guess for a file that is not UTF-8, with Mac OS Roman weighed against it.
fn guess(path: &Path) -> anyhow::Result<&'static Encoding> {
    let mut file = open(path)?;
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let mut sample = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf).with_context(|| read_error(path))?;
        if n == 0 {
            break;
        }
        detector.feed(&buf[..n], false);
        if sample.len() < SAMPLE {
            sample.extend_from_slice(&buf[..n.min(SAMPLE - sample.len())]);
        }
    }
    detector.feed(&[], true);
    let guessed = detector.guess(None, chardetng::Utf8Detection::Deny);
    Ok(weigh_mac_roman(guessed, &sample))
}

/// Single-byte Latin encodings that Mac OS Roman text is mistaken for.
fn latin_single_byte(encoding: &'static Encoding) -> bool {
    [
        encoding_rs::WINDOWS_1250,
        encoding_rs::WINDOWS_1252,
        encoding_rs::WINDOWS_1254,
        encoding_rs::WINDOWS_1257,
        encoding_rs::ISO_8859_2,
        encoding_rs::ISO_8859_4,
        encoding_rs::ISO_8859_13,
        encoding_rs::ISO_8859_15,
    ]
    .contains(&encoding)
}

/// Chooses between the detector's guess and Mac OS Roman by how plausible each reading of
/// `sample` is. Bare CR line ends (the old Mac convention, which Excel on a Mac still
/// writes) settle a tie for Mac OS Roman.
fn weigh_mac_roman(guessed: &'static Encoding, sample: &[u8]) -> &'static Encoding {
    if !latin_single_byte(guessed) {
        return guessed;
    }
    let (theirs, _) = guessed.decode_without_bom_handling(sample);
    let (mac, _) = MACINTOSH.decode_without_bom_handling(sample);
    let (a, b) = (plausibility(&theirs), plausibility(&mac));
    if b > a || (b == a && bare_cr_line_ends(sample)) {
        MACINTOSH
    } else {
        guessed
    }
}

/// Whether lines end in CR alone (no LF anywhere).
fn bare_cr_line_ends(bytes: &[u8]) -> bool {
    bytes.contains(&b'\r') && !bytes.contains(&b'\n')
}

/// Punctuation that text often carries outside ASCII.
const COMMON_PUNCTUATION: &[char] = &[
    '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2013}', '\u{2014}', '\u{2026}', '\u{2022}',
    '\u{ab}', '\u{bb}', '\u{b0}', '\u{a3}', '\u{20ac}', '\u{a7}', '\u{a9}', '\u{ae}', '\u{b7}',
    '\u{a0}', '\u{bf}', '\u{a1}',
];

/// Letters that are words by themselves (French, Spanish, Portuguese).
const ONE_LETTER_WORDS: &[char] = &['à', 'á', 'é', 'ó'];

/// How much a decoded text looks like text: letters and common punctuation outside ASCII
/// count for it; control characters, a capital inside a lower-case word ("didÕt", "cafŽ")
/// and rare symbols count against it.
fn plausibility(text: &str) -> i64 {
    let chars: Vec<char> = text.chars().collect();
    let mut score = 0i64;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii() {
            continue;
        }
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        score += if c.is_control() || c == '\u{fffd}' {
            -5
        } else if c.is_alphabetic() {
            let after_lower = prev.is_some_and(char::is_lowercase);
            let alone = !prev.is_some_and(char::is_alphanumeric)
                && !next.is_some_and(char::is_alphanumeric);
            if c.is_uppercase() && after_lower {
                -3
            } else if alone && !ONE_LETTER_WORDS.contains(&c) {
                -1
            } else {
                1
            }
        } else if COMMON_PUNCTUATION.contains(&c) {
            1
        } else {
            -1
        };
    }
    score
}

/// Opens `path` for reading as UTF-8: the file itself when it is UTF-8, else a decoder
/// over it (malformed bytes become U+FFFD).
pub fn reader(path: &Path, encoding: FileEncoding) -> anyhow::Result<Box<dyn Read + Send>> {
    let file = File::open(path).with_context(|| read_error(path))?;
    if !encoding.needs_decoder() {
        return Ok(Box::new(file));
    }
    Ok(Box::new(Decoded::new(
        BufReader::new(file),
        encoding.encoding.new_decoder_with_bom_removal(),
    )))
}

/// A reader that decodes another one to UTF-8.
struct Decoded<R> {
    inner: R,
    decoder: Decoder,
    input: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    finished: bool,
    output: Vec<u8>,
    out_start: usize,
    out_end: usize,
}

impl<R: Read> Decoded<R> {
    fn new(inner: R, decoder: Decoder) -> Self {
        Self {
            inner,
            decoder,
            input: vec![0; 16 * 1024],
            start: 0,
            end: 0,
            eof: false,
            finished: false,
            output: vec![0; 64 * 1024],
            out_start: 0,
            out_end: 0,
        }
    }
}

impl<R: Read> Read for Decoded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_start < self.out_end {
                let n = buf.len().min(self.out_end - self.out_start);
                buf[..n].copy_from_slice(&self.output[self.out_start..self.out_start + n]);
                self.out_start += n;
                return Ok(n);
            }
            if self.finished || buf.is_empty() {
                return Ok(0);
            }
            if self.start == self.end && !self.eof {
                self.start = 0;
                self.end = self.inner.read(&mut self.input)?;
                self.eof = self.end == 0;
            }
            let (result, read, written, _) = self.decoder.decode_to_utf8(
                &self.input[self.start..self.end],
                &mut self.output,
                self.eof,
            );
            self.start += read;
            self.out_start = 0;
            self.out_end = written;
            if self.eof && result == CoderResult::InputEmpty {
                self.finished = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Caf\u{e9} owner\u{2019}s threats: she said \u{201c}I didn\u{2019}t \
                        answer\u{201d} \u{2013} the caf\u{e9} near her school, r\u{e9}sum\u{e9} \
                        and all.";

    fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn detect_bytes(bytes: &[u8]) -> FileEncoding {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        std::fs::write(&path, bytes).unwrap();
        detect(&path, None).unwrap()
    }

    #[test]
    fn utf8_windows_1252_and_mac_roman_files_are_told_apart() {
        let utf8 = detect_bytes(format!("a,b\n1,{TEXT}\n").as_bytes());
        assert_eq!(
            (utf8.encoding, utf8.chosen),
            (UTF_8, Chosen::Utf8),
            "{utf8:?}"
        );
        let windows = detect_bytes(&encode(
            &format!("a,b\r\n1,{TEXT}\r\n"),
            encoding_rs::WINDOWS_1252,
        ));
        assert_eq!(windows.encoding, encoding_rs::WINDOWS_1252, "{windows:?}");
        assert_eq!(windows.chosen, Chosen::Detected);
        let mac = detect_bytes(&encode(&format!("a,b\n1,{TEXT}\n"), MACINTOSH));
        assert_eq!(mac.encoding, MACINTOSH, "{mac:?}");
    }

    #[test]
    fn quotes_and_dashes_alone_are_enough_to_tell() {
        let text = "He said \u{201c}stop\u{201d} \u{2013} I didn\u{2019}t.\n";
        assert_eq!(
            detect_bytes(&encode(text, encoding_rs::WINDOWS_1252)).encoding,
            encoding_rs::WINDOWS_1252
        );
        assert_eq!(detect_bytes(&encode(text, MACINTOSH)).encoding, MACINTOSH);
    }

    #[test]
    fn a_utf8_character_split_between_chunks_is_still_utf8() {
        let mut check = Utf8Check::default();
        let e = "é".as_bytes();
        check.feed(&[b'a', e[0]]);
        check.feed(&[e[1], b'b']);
        assert!(check.valid && check.pending.is_empty());
        let mut bad = Utf8Check::default();
        bad.feed(&[b'a', 0x8e, b'b']);
        assert!(!bad.valid);
    }

    #[test]
    fn a_decoded_file_reads_as_utf8_and_names_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        // Long enough to cross the decoder's buffers several times.
        let text = TEXT.repeat(2000);
        std::fs::write(&path, encode(&text, MACINTOSH)).unwrap();
        let encoding = FileEncoding {
            encoding: MACINTOSH,
            chosen: Chosen::Detected,
        };
        let mut out = String::new();
        reader(&path, encoding)
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, text);
        assert_eq!(by_name("mac").unwrap(), MACINTOSH);
        assert_eq!(by_name("Windows-1252").unwrap(), encoding_rs::WINDOWS_1252);
        assert!(by_name("klingon").is_err());
    }
}
