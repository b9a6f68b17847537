//! Which kind of file an import reads, told from its header row, and the columns each kind
//! is known to have.

use serde::{Deserialize, Serialize};

/// The kind of a CSV file to import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Layout {
    /// An Ushahidi v3 or v5 ("platform") export: labels, then a row of HXL tags or a blank
    /// row, then posts.
    #[serde(rename = "ushahidi-v3")]
    UshahidiV3,
    /// An Ushahidi v2 ("Ushahidi_Web") report download.
    #[serde(rename = "ushahidi-v2")]
    UshahidiV2,
    /// Any other CSV: the mapping names the columns.
    #[serde(rename = "csv")]
    Plain,
}

impl Layout {
    /// The name used in mapping files.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::UshahidiV3 => "ushahidi-v3",
            Layout::UshahidiV2 => "ushahidi-v2",
            Layout::Plain => "csv",
        }
    }
}

/// Columns every v3/v5 post export starts with (the platform's native fields).
pub const V3_FIXED: &[&str] = &[
    "Post ID",
    "Survey",
    "Post Status",
    "Created (UTC)",
    "Updated (UTC)",
    "Post Date (UTC)",
    "Contact ID",
    "Contact",
    "Data Source ID",
    "Source",
    "Unstructured Description",
];

/// v3 columns that only describe the source system's bookkeeping: never text, never
/// categories.
pub const V3_BOOKKEEPING: &[&str] = &[
    "Post Status",
    "Updated (UTC)",
    "Contact ID",
    "Data Source ID",
    "Source",
    "Sets",
];

/// The fixed columns of a v2 report download (custom form fields sit between LONGITUDE
/// and the reporter's name). The first column is `#` in most exports, `Serial` in some
/// (the Haiti 2010 one) and missing in others; it is not what tells a v2 export.
pub const V2_FIXED: &[&str] = &[
    "#",
    "INCIDENT TITLE",
    "INCIDENT DATE",
    "LOCATION",
    "DESCRIPTION",
    "CATEGORY",
    "LATITUDE",
    "LONGITUDE",
];

/// v2 columns about moderation in the old system.
pub const V2_BOOKKEEPING: &[&str] = &["APPROVED", "VERIFIED"];

/// Names of a v2 export's id column, first found wins.
pub const V2_ID: &[&str] = &["#", "Serial", "ID", "Incident ID"];

/// The v2 columns that tell a v2 export, besides `INCIDENT TITLE` and `INCIDENT DATE`: at
/// least one of them.
const V2_TELLING: &[&str] = &["DESCRIPTION", "LOCATION", "CATEGORY", "LATITUDE"];

/// Header cells as written, without a byte-order mark or surrounding spaces.
pub fn clean_header(cell: &str) -> String {
    cell.trim_start_matches('\u{feff}').trim().to_owned()
}

/// The header named `name`, compared without regard to case (spreadsheets and old
/// exports differ in it).
pub fn find<'a>(headers: &'a [String], name: &str) -> Option<&'a String> {
    headers
        .iter()
        .find(|h| *h == name)
        .or_else(|| headers.iter().find(|h| h.eq_ignore_ascii_case(name)))
}

/// Tells the layout from the header row: v3/v5 by `Post ID` and its dates, v2 by its incident
/// columns (whatever its first column is).
pub fn detect(headers: &[String]) -> Layout {
    let has = |name: &str| find(headers, name).is_some();
    if has("Post ID") && (has("Post Date (UTC)") || has("Created (UTC)")) {
        Layout::UshahidiV3
    } else if has("INCIDENT TITLE") && has("INCIDENT DATE") && V2_TELLING.iter().any(|n| has(n)) {
        Layout::UshahidiV2
    } else {
        Layout::Plain
    }
}

/// Whether a header names links (`NEWS LINKS`, `Source URL`): such a column is kept as the
/// report's source links, never read as categories.
pub fn names_links(header: &str) -> bool {
    header
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "link" | "links" | "url" | "urls" | "website"))
}

/// Whether a record right after the header is the row of HXL hashtags (`#event +id`) or the
/// blank row a v3 export writes when the survey has no HXL tags.
pub fn is_hxl_row(cells: &[&str]) -> bool {
    let filled: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    filled.iter().all(|c| c.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| clean_header(c)).collect()
    }

    #[test]
    fn layouts_are_told_from_their_headers() {
        assert_eq!(detect(&h(V3_FIXED)), Layout::UshahidiV3);
        assert_eq!(
            detect(&h(&["\u{feff}Post ID", "Survey", "Post Date (UTC)"])),
            Layout::UshahidiV3
        );
        assert_eq!(detect(&h(V2_FIXED)), Layout::UshahidiV2);
        // The first column of a v2 export does not matter: `Serial`, or none at all.
        let haiti = h(&[
            "Serial",
            "INCIDENT TITLE",
            "INCIDENT DATE",
            "LOCATION",
            "DESCRIPTION",
            "CATEGORY",
            "LATITUDE",
            "LONGITUDE",
            "APPROVED",
            "VERIFIED",
        ]);
        assert_eq!(detect(&haiti), Layout::UshahidiV2);
        assert_eq!(detect(&haiti[1..]), Layout::UshahidiV2);
        assert_eq!(
            detect(&h(&["incident title", "Incident Date", "Description"])),
            Layout::UshahidiV2
        );
        assert_eq!(
            detect(&h(&["INCIDENT TITLE", "INCIDENT DATE"])),
            Layout::Plain,
            "two columns are not enough to tell"
        );
        assert_eq!(detect(&h(&["id", "story", "date"])), Layout::Plain);
    }

    #[test]
    fn link_columns_are_told_by_their_name() {
        assert!(names_links("NEWS LINKS"));
        assert!(names_links("Source URL"));
        assert!(!names_links("Unlinked account"));
        assert!(!names_links("INCIDENT TITLE"));
    }

    #[test]
    fn hxl_and_blank_second_rows_are_recognised_but_posts_are_not() {
        assert!(is_hxl_row(&["#event +id", "", "#date +reported"]));
        assert!(is_hxl_row(&["", "", ""]));
        assert!(!is_hxl_row(&["12", "Survey", "published"]));
    }
}
