//! What an import did: how the file was read (its encoding, the order of its dates), rows
//! read, imported, skipped with the reason, and warnings about rows imported with something
//! left out. Row numbers are as a spreadsheet shows them (the header is row 1). Reasons name
//! the row and the column, never the reports' content.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

/// Row numbers kept per reason (the counts are always complete).
const ROWS_KEPT: usize = 10_000;

/// Row numbers shown per reason on the terminal.
const ROWS_SHOWN: usize = 10;

/// Why a row was not imported.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skip {
    /// No title and no text.
    EmptyText,
    /// The id column (named) is empty.
    MissingId(String),
    /// Longer than a report may be.
    TextTooLong(usize),
    /// Imported before (same source and id).
    ImportedBefore,
    /// An earlier row of this file has the same id (in the named column).
    RepeatedId(String),
    /// An earlier row of this file says exactly the same (a file without an id column).
    RepeatedRow,
    /// Every cell is empty.
    EmptyRow,
    /// The record has another number of fields than the header.
    FieldCount {
        /// Fields in the record.
        found: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// Not valid UTF-8.
    NotUtf8,
    /// Refused by the intake's validation (e.g. two terms in a single-choice dimension).
    Invalid(String),
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Skip::EmptyText => f.write_str("empty description (no title or text)"),
            Skip::MissingId(c) => write!(f, "no id in the id column {c:?}"),
            Skip::TextTooLong(max) => write!(f, "text longer than {max} characters"),
            Skip::ImportedBefore => f.write_str("imported before (same source and id)"),
            Skip::RepeatedId(c) => write!(f, "same id in column {c:?} as an earlier row"),
            Skip::RepeatedRow => f.write_str("the same in every column as an earlier row"),
            Skip::EmptyRow => f.write_str("empty row"),
            Skip::FieldCount { found, expected } => {
                write!(f, "{found} fields where the header has {expected}")
            }
            Skip::NotUtf8 => f.write_str(
                "not valid UTF-8 (leave out --encoding to let the import detect the encoding)",
            ),
            Skip::Invalid(why) => write!(f, "refused: {why}"),
        }
    }
}

/// Something a row lost on the way in (the row was still imported).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Warning {
    /// A category value the mapping does not list.
    UnmappedValue {
        /// The column.
        column: String,
        /// The value (a category name of the source system, not report content).
        value: String,
    },
    /// The place name matched no gazetteer place; kept as text for the moderator.
    PlaceNotFound,
    /// Coordinates outside the gazetteer's country (dropped).
    CoordinatesOutside,
    /// A date column (named) holds something that is not a date: imported without it.
    UnreadableDate(String),
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::UnmappedValue { column, value } => {
                write!(
                    f,
                    "value {value:?} of column {column:?} is not in the mapping (kept in the text)"
                )
            }
            Warning::PlaceNotFound => {
                f.write_str("place name not in the gazetteer (kept as text for the moderator)")
            }
            Warning::CoordinatesOutside => f.write_str("coordinates outside the country (dropped)"),
            Warning::UnreadableDate(c) => write!(
                f,
                "date in column {c:?} cannot be read (imported without a date, the value kept \
                 in the text)"
            ),
        }
    }
}

/// Rows grouped under one reason.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Rows {
    /// How many.
    pub count: u64,
    /// The first row numbers.
    pub rows: Vec<u64>,
}

impl Rows {
    fn add(&mut self, row: u64) {
        self.count += 1;
        if self.rows.len() < ROWS_KEPT {
            self.rows.push(row);
        }
    }

    fn shown(&self) -> String {
        let mut s: Vec<String> = self
            .rows
            .iter()
            .take(ROWS_SHOWN)
            .map(u64::to_string)
            .collect();
        if self.count as usize > s.len() {
            s.push("…".to_owned());
        }
        s.join(", ")
    }
}

/// The outcome of an import.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// How the file was read: its encoding, the order of its dates.
    pub notes: Vec<String>,
    /// Data rows read (after the header and an HXL row).
    pub rows_read: u64,
    /// Rows stored as submissions (or that would be, in a dry run).
    pub imported: u64,
    /// Skipped rows by reason.
    pub skipped: BTreeMap<Skip, Rows>,
    /// Imported rows with warnings, by warning.
    pub warnings: BTreeMap<Warning, Rows>,
    /// Nothing was stored.
    pub dry_run: bool,
}

#[derive(Serialize)]
struct Entry<'a> {
    reason: String,
    count: u64,
    rows: &'a [u64],
}

#[derive(Serialize)]
struct JsonReport<'a> {
    notes: &'a [String],
    rows_read: u64,
    imported: u64,
    skipped: u64,
    dry_run: bool,
    skip_reasons: Vec<Entry<'a>>,
    warnings: Vec<Entry<'a>>,
}

fn entries<K: ToString>(m: &BTreeMap<K, Rows>) -> Vec<Entry<'_>> {
    m.iter()
        .map(|(k, r)| Entry {
            reason: k.to_string(),
            count: r.count,
            rows: &r.rows,
        })
        .collect()
}

impl ImportReport {
    /// Records a skipped row.
    pub fn skip(&mut self, row: u64, why: Skip) {
        self.skipped.entry(why).or_default().add(row);
    }

    /// Records a warning about an imported row.
    pub fn warn(&mut self, row: u64, what: Warning) {
        self.warnings.entry(what).or_default().add(row);
    }

    /// Rows skipped in all.
    pub fn skipped_count(&self) -> u64 {
        self.skipped.values().map(|r| r.count).sum()
    }

    /// How many rows were skipped for `why`.
    pub fn count_of(&self, why: &Skip) -> u64 {
        self.skipped.get(why).map_or(0, |r| r.count)
    }

    /// The summary printed at the end of an import.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        for note in &self.notes {
            let _ = writeln!(out, "{note}");
        }
        let verb = if self.dry_run {
            "would import"
        } else {
            "imported"
        };
        let _ = writeln!(
            out,
            "Read {} rows: {verb} {}, skipped {}.",
            self.rows_read,
            self.imported,
            self.skipped_count()
        );
        for (why, rows) in &self.skipped {
            let _ = writeln!(out, "  {why}: {} (rows {})", rows.count, rows.shown());
        }
        if !self.warnings.is_empty() {
            let _ = writeln!(out, "Imported with warnings:");
            for (what, rows) in &self.warnings {
                let _ = writeln!(out, "  {what}: {} (rows {})", rows.count, rows.shown());
            }
        }
        out
    }

    /// The report as JSON (for `--report FILE.json`).
    pub fn to_json(&self) -> String {
        let report = JsonReport {
            notes: &self.notes,
            rows_read: self.rows_read,
            imported: self.imported,
            skipped: self.skipped_count(),
            dry_run: self.dry_run,
            skip_reasons: entries(&self.skipped),
            warnings: entries(&self.warnings),
        };
        serde_json::to_string_pretty(&report).unwrap_or_default()
    }

    /// The report as CSV, one line per skipped or warned row: `row,outcome,reason`.
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["row", "outcome", "reason"])?;
        for (outcome, m) in [
            (
                "skipped",
                self.skipped
                    .iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect::<Vec<_>>(),
            ),
            (
                "warning",
                self.warnings
                    .iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect(),
            ),
        ] {
            for (reason, rows) in m {
                for row in &rows.rows {
                    w.write_record([row.to_string().as_str(), outcome, reason.as_str()])?;
                }
            }
        }
        w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_grouped_with_their_rows() {
        let mut r = ImportReport {
            rows_read: 5,
            imported: 2,
            ..Default::default()
        };
        r.skip(4, Skip::EmptyText);
        r.skip(9, Skip::EmptyText);
        r.skip(6, Skip::RepeatedId("Post ID".into()));
        r.warn(3, Warning::PlaceNotFound);
        r.warn(7, Warning::UnreadableDate("Post Date (UTC)".into()));
        r.notes.push("Encoding: UTF-8.".into());
        let s = r.summary();
        assert!(s.contains("imported 2, skipped 3"), "{s}");
        assert!(
            s.contains("empty description (no title or text): 2 (rows 4, 9)"),
            "{s}"
        );
        assert!(s.starts_with("Encoding: UTF-8.\nRead 5 rows"), "{s}");
        assert!(
            s.contains("same id in column \"Post ID\" as an earlier row: 1 (rows 6)"),
            "{s}"
        );
        assert!(
            s.contains(
                "date in column \"Post Date (UTC)\" cannot be read (imported without a date, the \
                 value kept in the text): 1 (rows 7)"
            ),
            "{s}"
        );
        let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(json["skipped"], 3);
        assert_eq!(json["skip_reasons"][0]["rows"], serde_json::json!([4, 9]));
        assert_eq!(json["notes"][0], "Encoding: UTF-8.");
        let csv = String::from_utf8(r.to_csv().unwrap()).unwrap();
        assert!(csv.contains("9,skipped,empty description"), "{csv}");
        assert!(csv.contains("3,warning,place name"), "{csv}");
    }
}
