//! The mapping file (TOML): which column holds what, and which of the source's categories
//! and field values mean which taxonomy terms. `naqsha import … --write-mapping` writes a
//! starting one (see [`super::scan`]).

use std::collections::{BTreeMap, HashMap};

use naqsha_core::submission::{Consent, WhoseStory};
use naqsha_core::taxonomy::Taxonomy;
use serde::{Deserialize, Serialize};

use super::layout::{self, Layout};

/// A whole mapping file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The kind of file it was written for.
    pub format: Layout,
    /// The name of the source in the import ledger: keep it when importing a newer export
    /// of the same system, so rows imported before are recognised.
    pub source: String,
    /// What imported reports allow to become public. The most protective default: private.
    #[serde(default = "private")]
    pub consent: Consent,
    /// Whose story the rows tell, when the whole source is of one kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whose_story: Option<WhoseStory>,
    /// How to read dates written with slashes: `dmy` (31/12/2020) or `mdy` (12/31/2020).
    /// Without it, the import tells the order from the file's dates (day first when none
    /// tells).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
    /// Which column is which.
    pub columns: Columns,
    /// Category columns and what their values mean.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<CategoryColumn>,
}

fn private() -> Consent {
    Consent::Private
}

/// The order of day and month in dates written with slashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Day first, as written in Pakistan.
    #[default]
    Dmy,
    /// Month first.
    Mdy,
}

impl DateOrder {
    /// The name used in mapping files.
    pub fn as_str(self) -> &'static str {
        match self {
            DateOrder::Dmy => "dmy",
            DateOrder::Mdy => "mdy",
        }
    }
}

/// The roles of columns. Every name must be a column of the file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// The row's id in the source (the ledger key); without one, the row number is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A title, put first in the report text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The report text: the non-empty ones are joined with blank lines.
    #[serde(default)]
    pub text: Vec<String>,
    /// When it happened (its month becomes the report's month).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// When the source received it (kept as the submission's arrival time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<String>,
    /// A place name, matched against the gazetteer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Latitude (WGS 84), resolved to the nearest district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<String>,
    /// Longitude (WGS 84).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<String>,
    /// A phone number or email address: sealed apart from the report.
    #[serde(default)]
    pub contact: Vec<String>,
    /// Other columns kept in the sealed report as "label: value" lines.
    #[serde(default)]
    pub extra: Vec<String>,
    /// Columns of links (news reports, posts): kept in the sealed report under "Links:",
    /// never read as categories.
    #[serde(default)]
    pub links: Vec<String>,
}

/// One column whose values are categories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryColumn {
    /// The column.
    pub column: String,
    /// What separates several values in one cell.
    #[serde(default = "comma")]
    pub separator: String,
    /// Source value → taxonomy terms as `dimension:term` (an empty list ignores the value).
    #[serde(default)]
    pub values: BTreeMap<String, Vec<String>>,
}

fn comma() -> String {
    ",".to_owned()
}

/// A mapping that cannot be used with this file or taxonomy.
#[derive(Debug, thiserror::Error)]
pub enum MappingError {
    /// Not TOML of the expected shape.
    #[error("the mapping does not parse: {0}")]
    Parse(#[from] toml::de::Error),
    /// A column that the file does not have (and the file's columns).
    #[error("the mapping names column {0:?}, which the file does not have (its columns: {1})")]
    UnknownColumn(String, String),
    /// A term reference that is not `dimension:term` of the taxonomy.
    #[error(
        "{value:?} in column {column:?} maps to {term:?}, which is not a term of the taxonomy (write dimension:term)"
    )]
    UnknownTerm {
        /// The category column.
        column: String,
        /// The source value.
        value: String,
        /// The reference as written.
        term: String,
    },
    /// Nothing to take the report text from.
    #[error("the mapping names no text column ([columns] text = [...])")]
    NoText,
    /// An empty ledger source name.
    #[error("the mapping's source name is empty")]
    NoSource,
}

impl Mapping {
    /// Parses a mapping file.
    pub fn from_toml(text: &str) -> Result<Self, MappingError> {
        Ok(toml::from_str(text)?)
    }

    /// The known columns of a layout: what a mapping starts from. Header names are found
    /// without regard to case; a v2 export's id is its `#` or `Serial` column.
    pub fn default_for(layout: Layout, headers: &[String], source: &str) -> Self {
        let pick = |names: &[&str]| names.iter().find_map(|n| layout::find(headers, n)).cloned();
        let all = |names: &[&str]| -> Vec<String> {
            names
                .iter()
                .filter_map(|n| layout::find(headers, n))
                .cloned()
                .collect()
        };
        let mut columns = Columns::default();
        match layout {
            Layout::UshahidiV3 => {
                columns.id = pick(&["Post ID"]);
                columns.title = pick(&["Title"]);
                columns.text = all(&["Unstructured Description", "Description"]);
                columns.date = pick(&["Post Date (UTC)", "Created (UTC)"]);
                columns.received = pick(&["Created (UTC)"]);
                columns.contact = pick(&["Contact"]).into_iter().collect();
                // What the source system knew of the post, for the moderator (an archived
                // post may have been judged there already).
                columns.extra = all(&["Survey", "Post Status", "Source"]);
                // The first location field of the survey.
                if let Some(lat) = headers.iter().find(|h| h.ends_with(".lat")) {
                    let stem = &lat[..lat.len() - 4];
                    let lon = format!("{stem}.lon");
                    if headers.contains(&lon) {
                        columns.latitude = Some(lat.clone());
                        columns.longitude = Some(lon);
                    }
                }
            }
            Layout::UshahidiV2 => {
                columns.id = pick(layout::V2_ID);
                columns.title = pick(&["INCIDENT TITLE"]);
                columns.text = all(&["DESCRIPTION"]);
                columns.date = pick(&["INCIDENT DATE"]);
                columns.place = pick(&["LOCATION"]);
                columns.latitude = pick(&["LATITUDE"]);
                columns.longitude = pick(&["LONGITUDE"]);
                columns.contact = all(&["EMAIL"]);
                columns.extra = all(&["FIRST NAME", "LAST NAME", "APPROVED", "VERIFIED"]);
            }
            Layout::Plain => {}
        }
        if layout != Layout::Plain {
            columns.links = headers
                .iter()
                .filter(|h| layout::names_links(h))
                .cloned()
                .collect();
        }
        let categories = match layout {
            Layout::UshahidiV2 => pick(&["CATEGORY"])
                .map(|column| CategoryColumn {
                    column,
                    separator: comma(),
                    values: BTreeMap::new(),
                })
                .into_iter()
                .collect(),
            _ => Vec::new(),
        };
        Mapping {
            format: layout,
            source: source.to_owned(),
            consent: Consent::Private,
            whose_story: None,
            date_order: None,
            columns,
            categories,
        }
    }

    /// The mapping used without a mapping file: the layout's known columns, and every other
    /// named column kept in the sealed report as a "label: value" line, so nothing the file
    /// says is lost.
    pub fn default_keeping_all(layout: Layout, headers: &[String], source: &str) -> Self {
        let mut m = Self::default_for(layout, headers, source);
        let named: Vec<String> = m.named_columns().into_iter().map(str::to_owned).collect();
        let rest: Vec<String> = headers
            .iter()
            .filter(|h| {
                !h.is_empty()
                    && !named.contains(h)
                    && !layout::V3_BOOKKEEPING.contains(&h.as_str())
                    && !layout::V3_FIXED.contains(&h.as_str())
            })
            .cloned()
            .collect();
        m.columns.extra.extend(rest);
        m
    }

    /// Every column the mapping names.
    fn named_columns(&self) -> Vec<&str> {
        let c = &self.columns;
        [
            &c.id,
            &c.title,
            &c.date,
            &c.received,
            &c.place,
            &c.latitude,
            &c.longitude,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(c.text.iter().map(String::as_str))
        .chain(c.contact.iter().map(String::as_str))
        .chain(c.extra.iter().map(String::as_str))
        .chain(c.links.iter().map(String::as_str))
        .chain(self.categories.iter().map(|k| k.column.as_str()))
        .collect()
    }

    /// Checks the mapping against the file's header and the taxonomy, and resolves column
    /// names to positions.
    pub fn resolve(&self, headers: &[String], taxonomy: &Taxonomy) -> Result<Plan, MappingError> {
        if self.source.trim().is_empty() {
            return Err(MappingError::NoSource);
        }
        if self.columns.text.is_empty() && self.columns.title.is_none() {
            return Err(MappingError::NoText);
        }
        let index: HashMap<&str, usize> = headers
            .iter()
            .enumerate()
            .map(|(i, h)| (h.as_str(), i))
            .collect();
        for name in self.named_columns() {
            if !index.contains_key(name) {
                let listed: Vec<String> = headers.iter().map(|h| format!("{h:?}")).collect();
                return Err(MappingError::UnknownColumn(
                    name.to_owned(),
                    listed.join(", "),
                ));
            }
        }
        let at = |name: &Option<String>| name.as_deref().map(|n| index[n]);
        let all = |names: &[String]| {
            names
                .iter()
                .map(|n| (index[n.as_str()], n.clone()))
                .collect()
        };
        let mut categories = Vec::new();
        for k in &self.categories {
            let mut values = HashMap::new();
            for (value, terms) in &k.values {
                let mut parsed = Vec::new();
                for term in terms {
                    let ok = term
                        .split_once(':')
                        .filter(|(d, t)| taxonomy.term(d, t).is_some())
                        .map(|(d, t)| (d.to_owned(), t.to_owned()));
                    match ok {
                        Some(pair) => parsed.push(pair),
                        None => {
                            return Err(MappingError::UnknownTerm {
                                column: k.column.clone(),
                                value: value.clone(),
                                term: term.clone(),
                            });
                        }
                    }
                }
                values.insert(fold_value(value), parsed);
            }
            categories.push(PlannedCategory {
                index: index[k.column.as_str()],
                column: k.column.clone(),
                separator: if k.separator.is_empty() {
                    comma()
                } else {
                    k.separator.clone()
                },
                values,
            });
        }
        let c = &self.columns;
        Ok(Plan {
            source: self.source.clone(),
            consent: self.consent,
            whose_story: self.whose_story,
            date_order: self.date_order.unwrap_or_default(),
            unescape_html: self.format == Layout::UshahidiV2,
            id: c.id.as_deref().map(|n| (index[n], n.to_owned())),
            title: at(&c.title),
            text: all(&c.text),
            date: c.date.as_deref().map(|n| (index[n], n.to_owned())),
            received: c.received.as_deref().map(|n| (index[n], n.to_owned())),
            place: at(&c.place),
            latitude: at(&c.latitude),
            longitude: at(&c.longitude),
            contact: c.contact.iter().map(|n| index[n.as_str()]).collect(),
            extra: all(&c.extra),
            links: c.links.iter().map(|n| index[n.as_str()]).collect(),
            categories,
        })
    }
}

/// How a category value is compared: case and surrounding spaces do not matter.
pub fn fold_value(value: &str) -> String {
    value.trim().to_lowercase()
}

/// A mapping resolved against one file: column positions instead of names.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The ledger source name.
    pub source: String,
    /// Consent of every imported report.
    pub consent: Consent,
    /// Whose story.
    pub whose_story: Option<WhoseStory>,
    /// Slashed dates (the import may settle it from the file's dates).
    pub date_order: DateOrder,
    /// Turn HTML character references back into characters (Ushahidi v2 stored text
    /// escaped).
    pub unescape_html: bool,
    /// Id column (position, name).
    pub id: Option<(usize, String)>,
    /// Title column.
    pub title: Option<usize>,
    /// Text columns (position, name).
    pub text: Vec<(usize, String)>,
    /// Date column (position, name).
    pub date: Option<(usize, String)>,
    /// Arrival column (position, name).
    pub received: Option<(usize, String)>,
    /// Place name column.
    pub place: Option<usize>,
    /// Latitude column.
    pub latitude: Option<usize>,
    /// Longitude column.
    pub longitude: Option<usize>,
    /// Contact columns.
    pub contact: Vec<usize>,
    /// Extra columns (position, name).
    pub extra: Vec<(usize, String)>,
    /// Link columns.
    pub links: Vec<usize>,
    /// Category columns.
    pub categories: Vec<PlannedCategory>,
}

/// A category column resolved.
#[derive(Debug, Clone)]
pub struct PlannedCategory {
    /// Position.
    pub index: usize,
    /// Name, for the report.
    pub column: String,
    /// Value separator.
    pub separator: String,
    /// Folded value → (dimension, term) pairs.
    pub values: HashMap<String, Vec<(String, String)>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_mapping_resolves_against_the_file_and_the_taxonomy() {
        let text = r#"
format = "csv"
source = "helpline-2020"

[columns]
id = "ref"
text = ["story"]
date = "when"

[[categories]]
column = "type"
values = { "Blackmail" = ["act:blackmail_sextortion"], "Other" = [] }
"#;
        let m = Mapping::from_toml(text).unwrap();
        assert_eq!(
            m.consent,
            Consent::Private,
            "private unless the mapping says so"
        );
        let h = headers(&["ref", "story", "when", "type"]);
        let plan = m.resolve(&h, Taxonomy::pakistan_default()).unwrap();
        assert_eq!(plan.id, Some((0, "ref".to_owned())));
        assert_eq!(
            plan.categories[0].values["blackmail"],
            vec![("act".to_owned(), "blackmail_sextortion".to_owned())]
        );
        let missing = m.resolve(&headers(&["ref", "story"]), Taxonomy::pakistan_default());
        let err = missing.unwrap_err();
        assert!(matches!(&err, MappingError::UnknownColumn(c, _) if c == "when"));
        assert!(
            err.to_string()
                .contains("(its columns: \"ref\", \"story\")"),
            "{err}"
        );
    }

    #[test]
    fn unknown_terms_and_keys_are_refused() {
        let bad_term = r#"
format = "csv"
source = "s"
[columns]
text = ["story"]
[[categories]]
column = "story"
values = { "x" = ["act:flying"] }
"#;
        let m = Mapping::from_toml(bad_term).unwrap();
        let err = m
            .resolve(&headers(&["story"]), Taxonomy::pakistan_default())
            .unwrap_err();
        assert!(err.to_string().contains("act:flying"), "{err}");
        let typo = "format = \"csv\"\nsource = \"s\"\ncolums = {}\n";
        assert!(Mapping::from_toml(typo).is_err());
    }
}
