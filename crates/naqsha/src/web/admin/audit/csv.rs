//! Writing the audit log as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel
//! reads Urdu names correctly), a header row, and cells that a spreadsheet would run as a
//! formula neutralised with a leading `'`.

/// The byte-order mark that starts the file.
const BOM: &str = "\u{feff}";

/// A CSV document being written.
#[derive(Debug)]
pub struct Csv {
    text: String,
    rows: usize,
}

/// A cell made safe: one that begins like a formula gets a leading `'`, then any cell with a
/// separator, quote or line break is quoted.
fn cell(value: &str) -> String {
    let neutral = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

impl Csv {
    /// A document with its header row.
    pub fn new(header: &[&str]) -> Self {
        let mut csv = Self {
            text: BOM.to_owned(),
            rows: 0,
        };
        csv.line(header);
        csv
    }

    fn line(&mut self, cells: &[&str]) {
        let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        self.text.push_str(&line.join(","));
        self.text.push_str("\r\n");
    }

    /// Adds a data row.
    pub fn row(&mut self, cells: &[&str]) {
        self.line(cells);
        self.rows += 1;
    }

    /// How many data rows were written (the header not counted).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The finished document.
    pub fn finish(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_separators_quoted() {
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@x"), "'@x");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("=a,\"b\""), "\"'=a,\"\"b\"\"\"");
        assert_eq!(cell("in_review -> published"), "in_review -> published");
    }

    #[test]
    fn a_document_starts_with_the_bom_and_a_header() {
        let mut csv = Csv::new(&["a", "b"]);
        csv.row(&["1", "ناصر"]);
        assert_eq!(csv.rows(), 1);
        assert_eq!(csv.finish(), "\u{feff}a,b\r\n1,ناصر\r\n");
    }
}
