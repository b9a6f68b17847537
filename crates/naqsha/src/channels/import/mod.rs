//! Importing reports from other systems: Ushahidi v3/v5 and v2 CSV exports, and any CSV with
//! a mapping file.
//!
//! Every row becomes a sealed submission in the inbox, exactly like a report from the web
//! form: imported words are anonymised by a moderator before anything is public. The file is
//! streamed: one thread reads and converts rows in batches, the batches are sealed on every
//! core and stored many to a transaction while the next batch is sealed, so memory stays
//! bounded whatever the file's size. An import ledger keeps re-runs from duplicating rows.
//!
//! Files come as they were re-saved: UTF-8 or a legacy encoding (decoded as read, see
//! [`encoding`]), lines ending in LF, CRLF or CR alone.

pub mod convert;
pub mod dates;
pub mod encoding;
pub mod entities;
pub mod layout;
pub mod links;
pub mod mapping;
pub mod pipeline;
pub mod place;
pub mod report;
pub mod scan;

use std::io::Read;
use std::path::Path;

use anyhow::Context;
use sha2::{Digest, Sha256};

pub use encoding::FileEncoding;
pub use layout::Layout;
pub use mapping::Mapping;
pub use pipeline::{Options, Progress, import};
pub use report::ImportReport;

/// The ledger key of a source row: SHA-256 of the source name and the row's id there. It
/// tells whether a row was imported, and nothing about what it said.
pub fn ledger_key(source: &str, id: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"naqsha-import-ledger-v1\0");
    h.update(source.as_bytes());
    h.update(b"\0");
    h.update(id.as_bytes());
    h.finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
}

/// A CSV file opened for import: its header, layout and the records after it.
pub struct Opened {
    /// The reader (UTF-8 whatever the file's encoding), positioned at the first data record.
    pub reader: csv::Reader<Box<dyn Read + Send>>,
    /// The encoding the file is read in.
    pub encoding: FileEncoding,
    /// Header cells, cleaned.
    pub headers: Vec<String>,
    /// What kind of file it is.
    pub layout: Layout,
    /// The second record when it was data rather than an HXL row, to be read first.
    pub first: Option<(u64, csv::ByteRecord)>,
    /// The file's size in bytes.
    pub size: u64,
}

/// Opens `path` in `encoding` (or the one detected when `None`), reads the header (a
/// byte-order mark is dropped) and skips the HXL or blank row that Ushahidi v3/v5 exports
/// write second.
pub fn open(
    path: &Path,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> anyhow::Result<Opened> {
    open_as(path, encoding::detect(path, encoding)?)
}

/// [`open`] in an encoding told before (to read a file a second time).
pub fn open_as(path: &Path, encoding: FileEncoding) -> anyhow::Result<Opened> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    // The csv reader ends records at LF, CRLF or CR alone.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(encoding::reader(path, encoding)?);
    let mut record = csv::ByteRecord::new();
    if !reader
        .read_byte_record(&mut record)
        .with_context(|| format!("{} is not readable as CSV", path.display()))?
    {
        anyhow::bail!("{} is empty", path.display());
    }
    let headers: Vec<String> = record
        .iter()
        .map(|c| layout::clean_header(&String::from_utf8_lossy(c)))
        .collect();
    let layout = layout::detect(&headers);
    let mut first = None;
    let mut second = csv::ByteRecord::new();
    if reader.read_byte_record(&mut second)? {
        let cells: Vec<String> = second
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        let any_tag = cells.iter().any(|c| c.trim().starts_with('#'));
        let hxl = layout::is_hxl_row(&cells) && (layout == Layout::UshahidiV3 || any_tag);
        if !hxl {
            let row = second.position().map_or(2, |p| p.record() + 1);
            first = Some((row, second));
        }
    }
    Ok(Opened {
        reader,
        encoding,
        headers,
        layout,
        first,
        size,
    })
}

/// The default ledger source name for a file: its name without the extension.
pub fn default_source(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "import".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ledger_keys_depend_on_source_and_id_only() {
        let a = ledger_key("ushahidi-2019", "12");
        assert_eq!(a.len(), 64);
        assert_eq!(a, ledger_key("ushahidi-2019", "12"));
        assert_ne!(a, ledger_key("ushahidi-2019", "13"));
        assert_ne!(a, ledger_key("ushahidi-2020", "12"));
        // The separator keeps ("a", "b1") and ("ab", "1") apart.
        assert_ne!(ledger_key("a", "b1"), ledger_key("ab", "1"));
    }

    #[test]
    fn the_hxl_row_is_skipped_and_a_data_row_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let with = dir.path().join("with.csv");
        std::fs::write(
            &with,
            "\u{feff}Post ID,Survey,Post Date (UTC),Title\n#id,,#date,#description\n1,S,2020-01-01,T\n",
        )
        .unwrap();
        let o = open(&with, None).unwrap();
        assert_eq!(o.layout, Layout::UshahidiV3);
        assert_eq!(o.headers[0], "Post ID");
        assert!(o.first.is_none());
        let without = dir.path().join("without.csv");
        std::fs::write(&without, "Post ID,Post Date (UTC)\n1,2020-01-01\n").unwrap();
        let o = open(&without, None).unwrap();
        let (row, record) = o.first.unwrap();
        assert_eq!(row, 2);
        assert_eq!(&record[0], b"1");
    }

    #[test]
    fn a_mac_roman_file_with_bare_cr_line_ends_reads_as_utf8_records() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mac.csv");
        let text = "#,INCIDENT TITLE,INCIDENT DATE,DESCRIPTION\r1,Caf\u{e9},7/13/15 12:12,\
                    \"She said \u{201c}no\u{201d}.\rTwice.\"\r2,T\u{e9}a,7/14/15 9:00,x\r";
        let (bytes, _, _) = encoding_rs::MACINTOSH.encode(text);
        std::fs::write(&path, &bytes).unwrap();
        let mut o = open(&path, None).unwrap();
        assert_eq!(o.encoding.encoding, encoding_rs::MACINTOSH);
        assert_eq!(o.layout, Layout::UshahidiV2);
        let (row, first) = o.first.take().unwrap();
        assert_eq!(row, 2);
        assert_eq!(std::str::from_utf8(&first[1]).unwrap(), "Caf\u{e9}");
        assert_eq!(
            std::str::from_utf8(&first[3]).unwrap(),
            "She said \u{201c}no\u{201d}.\rTwice."
        );
        let mut next = csv::ByteRecord::new();
        assert!(o.reader.read_byte_record(&mut next).unwrap());
        assert_eq!(std::str::from_utf8(&next[1]).unwrap(), "T\u{e9}a");
        assert_eq!(
            next.position().unwrap().record() + 1,
            3,
            "row numbers count records"
        );
    }
}
