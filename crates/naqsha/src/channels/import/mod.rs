//! Importing reports from other systems: Ushahidi v3/v5 and v2 CSV exports, and any CSV with
//! a mapping file.
//!
//! Every row becomes a sealed submission in the inbox, exactly like a report from the web
//! form: imported words are anonymised by a moderator before anything is public. The file is
//! streamed: one thread reads and converts rows in batches, the batches are sealed on every
//! core and stored many to a transaction while the next batch is sealed, so memory stays
//! bounded whatever the file's size. An import ledger keeps re-runs from duplicating rows.

pub mod convert;
pub mod dates;
pub mod layout;
pub mod mapping;
pub mod pipeline;
pub mod place;
pub mod report;
pub mod scan;

use std::fs::File;
use std::path::Path;

use anyhow::Context;
use sha2::{Digest, Sha256};

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
    /// The reader, positioned at the first data record.
    pub reader: csv::Reader<File>,
    /// Header cells, cleaned.
    pub headers: Vec<String>,
    /// What kind of file it is.
    pub layout: Layout,
    /// The second record when it was data rather than an HXL row, to be read first.
    pub first: Option<(u64, csv::ByteRecord)>,
    /// The file's size in bytes.
    pub size: u64,
}

/// Opens `path`, reads the header (a byte-order mark is dropped) and skips the HXL or blank
/// row that Ushahidi v3/v5 exports write second.
pub fn open(path: &Path) -> anyhow::Result<Opened> {
    let file = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(file);
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
        let o = open(&with).unwrap();
        assert_eq!(o.layout, Layout::UshahidiV3);
        assert_eq!(o.headers[0], "Post ID");
        assert!(o.first.is_none());
        let without = dir.path().join("without.csv");
        std::fs::write(&without, "Post ID,Post Date (UTC)\n1,2020-01-01\n").unwrap();
        let o = open(&without).unwrap();
        let (row, record) = o.first.unwrap();
        assert_eq!(row, 2);
        assert_eq!(&record[0], b"1");
    }
}
