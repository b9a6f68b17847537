//! `--write-mapping`: scans a file and writes a starting mapping with every category value
//! found (with counts), best guesses of the matching taxonomy terms, and comments saying
//! what to edit. What the scan learns from the values is written down too: the id column
//! only if no value repeats in it, columns of links as links (never categories), and the
//! order of day and month told by a day over 12. Memory is bounded: a column with many
//! distinct values is free text, and only its row count is kept (an id column keeps a
//! 64-bit hash per row).

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::path::Path;

use naqsha_core::lang::Lang;
use naqsha_core::taxonomy::Taxonomy;

use super::dates::OrderEvidence;
use super::encoding::FileEncoding;
use super::layout::{self, Layout};
use super::links;
use super::mapping::{CategoryColumn, Mapping};

/// A column with more distinct values than this is free text, not categories.
const MAX_CATEGORY_VALUES: usize = 60;

/// What was seen in one column.
#[derive(Debug, Default)]
struct ColumnStats {
    filled: u64,
    /// Cells holding a link.
    linked: u64,
    /// Distinct comma-separated values and their counts, until there are too many.
    values: Option<HashMap<String, u64>>,
}

impl ColumnStats {
    fn new() -> Self {
        Self {
            filled: 0,
            linked: 0,
            values: Some(HashMap::new()),
        }
    }

    fn add(&mut self, cell: &str) {
        let cell = cell.trim();
        if cell.is_empty() {
            return;
        }
        self.filled += 1;
        if links::has_link(cell) {
            // A link is not a category, and its commas separate nothing.
            self.linked += 1;
            return;
        }
        if let Some(values) = &mut self.values {
            for v in cell.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                *values.entry(v.to_owned()).or_default() += 1;
            }
            if values.len() > MAX_CATEGORY_VALUES {
                self.values = None;
            }
        }
    }

    /// Links: at least half of the filled cells hold one.
    fn is_links(&self) -> bool {
        self.linked > 0 && self.linked * 2 >= self.filled
    }

    /// Categories: few distinct values, repeated across rows, not numbers, not links.
    fn is_categorical(&self) -> bool {
        if self.is_links() {
            return false;
        }
        match &self.values {
            Some(v) if !v.is_empty() => {
                let repeated = v.values().sum::<u64>() > v.len() as u64;
                let numeric = v.keys().all(|k| k.parse::<f64>().is_ok());
                repeated && !numeric
            }
            _ => false,
        }
    }
}

/// Whether a column's values are unique: a hash of each value and the row it was first in,
/// and the first two rows found sharing a value.
struct Uniqueness {
    index: usize,
    seen: HashMap<u64, u64>,
    empty: Option<u64>,
    repeat: Option<(u64, u64)>,
}

impl Uniqueness {
    fn new(index: usize) -> Self {
        Self {
            index,
            seen: HashMap::new(),
            empty: None,
            repeat: None,
        }
    }

    fn add(&mut self, row: u64, cell: &str) {
        if self.repeat.is_some() {
            return;
        }
        let cell = cell.trim();
        if cell.is_empty() {
            self.empty.get_or_insert(row);
            return;
        }
        let mut h = DefaultHasher::new();
        cell.hash(&mut h);
        if let Some(first) = self.seen.insert(h.finish(), row) {
            self.repeat = Some((first, row));
            self.seen = HashMap::new();
        }
    }
}

/// What a scan found, besides the mapping text.
#[derive(Debug)]
pub struct Scanned {
    /// The layout detected.
    pub layout: Layout,
    /// Data rows scanned.
    pub rows: u64,
    /// The encoding the file was read in.
    pub encoding: FileEncoding,
    /// What the scan decided from the values (encoding, id, dates), one line each.
    pub notes: Vec<String>,
    /// The mapping as TOML with comments.
    pub toml: String,
}

/// What the scan decided, for the comments of the mapping.
struct Findings {
    encoding: FileEncoding,
    /// Why no id column was written, when none was.
    id: Option<String>,
    /// How the order of day and month was told.
    dates: Option<String>,
}

/// Scans `file` (read in `encoding`, or the one detected) and writes the starting mapping.
pub fn write_mapping(
    file: &Path,
    taxonomy: &Taxonomy,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> anyhow::Result<Scanned> {
    let mut opened = super::open(file, encoding)?;
    let headers = opened.headers.clone();
    let mut mapping = Mapping::default_for(opened.layout, &headers, &super::default_source(file));
    let id_candidates: Vec<String> = match opened.layout {
        Layout::Plain => guess_plain_columns(&mut mapping, &headers),
        Layout::UshahidiV2 => layout::V2_ID
            .iter()
            .filter_map(|n| layout::find(&headers, n))
            .cloned()
            .collect(),
        Layout::UshahidiV3 => mapping.columns.id.iter().cloned().collect(),
    };
    let position = |name: &str| headers.iter().position(|h| h == name);
    let mut ids: Vec<Uniqueness> = id_candidates
        .iter()
        .filter_map(|n| position(n))
        .map(Uniqueness::new)
        .collect();
    let date_columns: Vec<(usize, String)> = [&mapping.columns.date, &mapping.columns.received]
        .into_iter()
        .flatten()
        .filter_map(|n| position(n).map(|i| (i, n.clone())))
        .collect();
    let mut evidence = OrderEvidence::default();
    let mut stats: Vec<ColumnStats> = headers.iter().map(|_| ColumnStats::new()).collect();
    let mut rows = 0u64;
    let mut record = csv::ByteRecord::new();
    let mut pending = opened.first.take();
    loop {
        let (row, rec) = match pending.take() {
            Some(r) => r,
            None => {
                if !opened.reader.read_byte_record(&mut record)? {
                    break;
                }
                let row = record.position().map_or(0, |p| p.record() + 1);
                (row, record.clone())
            }
        };
        rows += 1;
        let cells: Vec<String> = rec
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        for (i, cell) in cells.iter().enumerate().take(stats.len()) {
            stats[i].add(cell);
        }
        for u in &mut ids {
            u.add(row, cells.get(u.index).map_or("", String::as_str));
        }
        for (i, name) in &date_columns {
            if let Some(cell) = cells.get(*i) {
                evidence.add(row, name, cell);
            }
        }
    }

    // The id: the first candidate whose values never repeat.
    let mut why_no_id = None;
    mapping.columns.id = None;
    for u in &ids {
        let name = &headers[u.index];
        match (u.repeat, u.empty) {
            (None, None) => {
                mapping.columns.id = Some(name.clone());
                why_no_id = None;
                break;
            }
            (Some((a, b)), _) => {
                why_no_id.get_or_insert(format!(
                    "column {name:?} is not an id: rows {a} and {b} have the same value in it"
                ));
            }
            (None, Some(row)) => {
                why_no_id
                    .get_or_insert(format!("column {name:?} is not an id: row {row} has none"));
            }
        }
    }
    if mapping.columns.id.is_none() {
        let why = why_no_id.unwrap_or_else(|| "no column holds an id".to_owned());
        why_no_id = Some(format!(
            "{why}; without one, a row is known by all it says (a row the same in every \
             column as an earlier one is skipped)"
        ));
    }

    // Dates: the order told by the file, or day first when nothing tells.
    let chosen = evidence.choose(None)?;
    mapping.date_order = Some(chosen.order);

    // Columns of links, whatever their name: kept as links.
    let mut roles: Vec<String> = role_columns(&mapping);
    for (i, h) in headers.iter().enumerate() {
        if stats[i].is_links() && !roles.contains(h) {
            mapping.categories.retain(|k| &k.column != h);
            mapping.columns.links.push(h.clone());
            roles.push(h.clone());
        }
    }
    // Category columns: the layout's own (v2 CATEGORY) and any column with few repeated
    // values that has no other role.
    for (i, h) in headers.iter().enumerate() {
        let known = mapping.categories.iter().any(|c| &c.column == h);
        let skip = roles.contains(h)
            || id_candidates.contains(h)
            || layout::V3_BOOKKEEPING.contains(&h.as_str())
            || layout::V2_BOOKKEEPING.contains(&h.as_str())
            || ["Post ID", "Created (UTC)", "Post Date (UTC)", "Contact"].contains(&h.as_str())
            || h.ends_with(".lat")
            || h.ends_with(".lon");
        if !known && !skip && stats[i].is_categorical() {
            mapping.categories.push(CategoryColumn {
                column: h.clone(),
                separator: ",".to_owned(),
                values: BTreeMap::new(),
            });
        }
    }
    // Everything else with content is kept in the sealed report, so nothing is lost.
    let categorical: Vec<String> = mapping
        .categories
        .iter()
        .map(|c| c.column.clone())
        .collect();
    for (i, h) in headers.iter().enumerate() {
        let taken = roles.contains(h) || categorical.contains(h);
        let bookkeeping = layout::V3_BOOKKEEPING.contains(&h.as_str())
            || layout::V2_BOOKKEEPING.contains(&h.as_str())
            || ["Post ID", "Created (UTC)", "Post Date (UTC)", "Survey"].contains(&h.as_str())
            || (id_candidates.contains(h) && mapping.columns.id.is_some());
        if !taken && !bookkeeping && stats[i].filled > 0 && !h.is_empty() {
            mapping.columns.extra.push(h.clone());
        }
    }
    // Fill every category value with its best guess.
    let mut counts: HashMap<String, Vec<(String, u64)>> = HashMap::new();
    for k in &mut mapping.categories {
        let Some(i) = headers.iter().position(|h| h == &k.column) else {
            continue;
        };
        let mut found: Vec<(String, u64)> = stats[i]
            .values
            .as_ref()
            .map(|v| v.iter().map(|(a, b)| (a.clone(), *b)).collect())
            .unwrap_or_default();
        found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for (value, _) in &found {
            k.values.insert(value.clone(), guess_terms(value, taxonomy));
        }
        counts.insert(k.column.clone(), found);
    }
    let findings = Findings {
        encoding: opened.encoding,
        id: why_no_id,
        dates: chosen.note,
    };
    let toml = render(&mapping, &counts, &headers, rows, file, taxonomy, &findings);
    let notes = std::iter::once(findings.encoding.note())
        .chain(findings.id.map(|w| format!("Id: {w}.")))
        .chain(findings.dates)
        .collect();
    Ok(Scanned {
        layout: opened.layout,
        rows,
        encoding: opened.encoding,
        notes,
        toml,
    })
}

fn role_columns(m: &Mapping) -> Vec<String> {
    let c = &m.columns;
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
    .cloned()
    .chain(c.text.iter().cloned())
    .chain(c.contact.iter().cloned())
    .chain(c.extra.iter().cloned())
    .chain(c.links.iter().cloned())
    .collect()
}

/// A header's words, lower case (`INCIDENT TITLE` → `incident title`).
fn header_words(h: &str) -> String {
    let words: Vec<String> = h
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    words.join(" ")
}

/// Column roles of a plain CSV, guessed from common header names: a header that is one of
/// the names, else one that holds one of them as whole words (`incident date` holds `date`;
/// `incident title` does not hold `id`). Returns the columns that may be the id, best first;
/// the scan keeps the first whose values are unique.
fn guess_plain_columns(m: &mut Mapping, headers: &[String]) -> Vec<String> {
    let matching = |keys: &[&str]| -> Vec<String> {
        let exact = headers.iter().filter(|h| {
            let w = header_words(h);
            keys.iter().any(|k| w == *k || h.trim() == *k)
        });
        let within = headers.iter().filter(|h| {
            let w = format!(" {} ", header_words(h));
            keys.iter().any(|k| w.contains(&format!(" {k} ")))
        });
        let mut out: Vec<String> = Vec::new();
        for h in exact.chain(within) {
            if !out.contains(h) {
                out.push(h.clone());
            }
        }
        out
    };
    let find = |keys: &[&str]| matching(keys).into_iter().next();
    let c = &mut m.columns;
    c.title = find(&["title", "subject", "headline"]);
    c.text = find(&[
        "description",
        "story",
        "text",
        "details",
        "what happened",
        "narrative",
    ])
    .into_iter()
    .collect();
    c.date = find(&["incident date", "date", "when"]);
    c.place = find(&["district", "location", "place", "city"]);
    c.latitude = find(&["latitude", "lat"]);
    c.longitude = find(&["longitude", "lon", "lng"]);
    c.contact = find(&["phone", "email", "contact"]).into_iter().collect();
    let taken = role_columns(m);
    matching(&[
        "#",
        "id",
        "ref",
        "reference",
        "case id",
        "serial",
        "number",
        "no",
    ])
    .into_iter()
    .filter(|h| !taken.contains(h))
    .collect()
}

/// Words that say nothing about a category.
const STOPWORDS: &[&str] = &[
    "and", "or", "of", "the", "a", "an", "to", "by", "on", "in", "incl", "e", "g",
];

/// Words in source categories that point to a term whatever the rest says.
const SYNONYMS: &[(&str, &str)] = &[
    ("sextortion", "act:blackmail_sextortion"),
    ("blackmail", "act:blackmail_sextortion"),
    ("fake profile", "act:impersonation"),
    ("fake account", "act:impersonation"),
    ("impersonat", "act:impersonation"),
    ("hack", "act:hacking"),
    ("stalk", "act:stalking_monitoring"),
    ("spyware", "act:stalking_monitoring"),
    ("dox", "act:doxxing"),
    ("threat", "act:threats"),
    ("harass", "act:unwanted_messages"),
    ("deepfake", "act:manipulated_images"),
    ("morphed", "act:manipulated_images"),
    ("nude", "act:nonconsensual_intimate_images"),
    ("intimate image", "act:nonconsensual_intimate_images"),
    ("defam", "act:defamation"),
    ("blasphemy", "act:hate_speech"),
    ("hate speech", "act:hate_speech"),
    ("troll", "act:coordinated_attack"),
    ("twitter", "platform:x_twitter"),
    ("sms", "platform:phone_sms"),
    ("husband", "perpetrator:intimate_partner"),
    ("boyfriend", "perpetrator:intimate_partner"),
    ("stranger", "perpetrator:stranger"),
    ("journalist", "survivor_role:journalist"),
];

fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(w))
        .map(str::to_owned)
        .collect()
}

/// The taxonomy terms a source category most likely means (`dimension:term`), best first;
/// empty when nothing is close.
pub fn guess_terms(value: &str, taxonomy: &Taxonomy) -> Vec<String> {
    let v = words(value);
    if v.is_empty() {
        return Vec::new();
    }
    let joined = v.join(" ");
    let mut best: Option<(f32, String)> = None;
    for d in taxonomy.dimensions() {
        for t in &d.terms {
            let reference = format!("{}:{}", d.key.as_str(), t.key.as_str());
            for name in [
                t.key.as_str().replace('_', " "),
                t.label(Lang::EN).to_owned(),
                t.label(Lang::UR).to_owned(),
            ] {
                let n = words(&name);
                if n.join(" ") == joined {
                    return vec![reference];
                }
                let common = v.iter().filter(|w| n.contains(w)).count() as f32;
                let union = (v.len() + n.len()) as f32 - common;
                let score = if union > 0.0 { common / union } else { 0.0 };
                if score >= 0.5 && best.as_ref().is_none_or(|(s, _)| score > *s) {
                    best = Some((score, reference.clone()));
                }
            }
        }
    }
    if let Some((_, r)) = best {
        return vec![r];
    }
    let lower = value.to_lowercase();
    SYNONYMS
        .iter()
        .find(|(w, _)| lower.contains(w))
        .map(|(_, r)| vec![(*r).to_owned()])
        .unwrap_or_default()
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn list(items: &[String]) -> String {
    let q: Vec<String> = items.iter().map(|s| quoted(s)).collect();
    format!("[{}]", q.join(", "))
}

fn render(
    m: &Mapping,
    counts: &HashMap<String, Vec<(String, u64)>>,
    headers: &[String],
    rows: u64,
    file: &Path,
    taxonomy: &Taxonomy,
    findings: &Findings,
) -> String {
    let mut o = String::new();
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let _ = writeln!(
        o,
        "# Naqsha import mapping, written from {name} ({rows} data rows scanned)."
    );
    let _ = writeln!(
        o,
        "# Check every line, then import with: naqsha import … --mapping THIS_FILE"
    );
    let _ = writeln!(
        o,
        "# Taxonomy terms are written dimension:term (`naqsha taxonomy show` lists them)."
    );
    let _ = writeln!(o, "# {}", findings.encoding.note());
    let _ = writeln!(o);
    let _ = writeln!(o, "format = {}", quoted(m.format.as_str()));
    let _ = writeln!(
        o,
        "# The name of this source in the import ledger. Keep it when importing a newer"
    );
    let _ = writeln!(
        o,
        "# export of the same system: rows imported before are then not imported again."
    );
    let _ = writeln!(o, "source = {}", quoted(&m.source));
    let _ = writeln!(
        o,
        "# What imported reports allow to become public: \"private\" (the most protective,"
    );
    let _ = writeln!(
        o,
        "# the default), \"statistics_only\" or \"publish\" — only if the people who reported"
    );
    let _ = writeln!(o, "# to the source system agreed to it.");
    let _ = writeln!(o, "consent = \"private\"");
    let _ = writeln!(
        o,
        "# whose_story = \"own\"   # own | other_with_consent | news_report"
    );
    let _ = writeln!(
        o,
        "# Dates written with slashes: \"dmy\" (31/12/2020) or \"mdy\" (12/31/2020). Remove the"
    );
    let _ = writeln!(
        o,
        "# line to let each import tell the order from a day over 12. Two-digit years: 00-69"
    );
    let _ = writeln!(o, "# are 2000-2069, 70-99 are 1970-1999.");
    if let Some(note) = &findings.dates {
        let _ = writeln!(o, "# {note}");
    }
    let order = m.date_order.unwrap_or_default();
    let _ = writeln!(o, "date_order = {}", quoted(order.as_str()));
    let _ = writeln!(o);
    let _ = writeln!(o, "[columns]");
    let c = &m.columns;
    let one = |o: &mut String, key: &str, v: &Option<String>, what: &str| match v {
        Some(v) => {
            let _ = writeln!(o, "{key} = {}   # {what}", quoted(v));
        }
        None => {
            let _ = writeln!(o, "# {key} = \"…\"   # {what}");
        }
    };
    if let Some(why) = &findings.id {
        let _ = writeln!(o, "# No id: {why}.");
    }
    one(
        &mut o,
        "id",
        &c.id,
        "the row's id in the source (for the import ledger); its values must not repeat",
    );
    one(&mut o, "title", &c.title, "put first in the report text");
    let _ = writeln!(o, "text = {}   # the report text (joined)", list(&c.text));
    one(
        &mut o,
        "date",
        &c.date,
        "when it happened (its month is kept)",
    );
    one(
        &mut o,
        "received",
        &c.received,
        "when the source received it",
    );
    one(
        &mut o,
        "place",
        &c.place,
        "a place name, matched against the gazetteer",
    );
    one(
        &mut o,
        "latitude",
        &c.latitude,
        "coordinates become the nearest district",
    );
    one(&mut o, "longitude", &c.longitude, "");
    let _ = writeln!(
        o,
        "contact = {}   # phone or email: sealed apart from the report",
        list(&c.contact)
    );
    let _ = writeln!(o, "# Kept in the sealed report as \"label: value\" lines:");
    let _ = writeln!(o, "extra = {}", list(&c.extra));
    let _ = writeln!(
        o,
        "# Links (news reports, posts): kept in the sealed report under \"Links:\", never"
    );
    let _ = writeln!(o, "# read as categories:");
    let _ = writeln!(o, "links = {}", list(&c.links));
    let used = role_columns(m);
    let ignored: Vec<String> = headers
        .iter()
        .filter(|h| !used.contains(h) && !m.categories.iter().any(|k| &k.column == *h))
        .cloned()
        .collect();
    if !ignored.is_empty() {
        let _ = writeln!(o, "# Not imported: {}", list(&ignored));
    }
    for k in &m.categories {
        let _ = writeln!(o);
        let _ = writeln!(o, "[[categories]]");
        let _ = writeln!(o, "column = {}", quoted(&k.column));
        let _ = writeln!(o, "separator = {}", quoted(&k.separator));
        let _ = writeln!(o, "[categories.values]");
        let _ = writeln!(
            o,
            "# source value = [terms]   # rows with it; an empty list ignores the value"
        );
        for (value, n) in counts.get(&k.column).map(Vec::as_slice).unwrap_or_default() {
            let terms = k.values.get(value).cloned().unwrap_or_default();
            let note = match terms.first().and_then(|t| t.split_once(':')) {
                Some((d, t)) => format!(
                    "guessed: {}",
                    taxonomy.term(d, t).map(|t| t.label(Lang::EN)).unwrap_or(t)
                ),
                None => "no guess: fill in or leave empty to ignore".to_owned(),
            };
            let _ = writeln!(
                o,
                "{} = {}   # {n} rows; {note}",
                quoted(value),
                list(&terms)
            );
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Scanned {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("helpline.csv");
        std::fs::write(&path, text).unwrap();
        write_mapping(&path, Taxonomy::pakistan_default(), None).unwrap()
    }

    #[test]
    fn an_id_is_written_only_for_a_column_whose_values_never_repeat() {
        // "Incident title" holds "id" only inside a word: never an id.
        let unique = scan(
            "Case no,Incident title,When,Story\n7,Threats,13/01/2021,a\n8,Threats,02/01/2021,b\n",
        );
        let m = Mapping::from_toml(&unique.toml).unwrap();
        assert_eq!(m.columns.id.as_deref(), Some("Case no"), "{}", unique.toml);
        assert_eq!(m.columns.title.as_deref(), Some("Incident title"));
        assert_eq!(m.date_order, Some(super::super::mapping::DateOrder::Dmy));
        assert!(
            unique.toml.contains("told by row 2, column \"When\""),
            "{}",
            unique.toml
        );

        let repeated = scan("ref,title,story\nA1,T,a\nA2,T,b\nA1,T,c\n");
        let m = Mapping::from_toml(&repeated.toml).unwrap();
        assert_eq!(m.columns.id, None, "{}", repeated.toml);
        assert!(
            repeated
                .toml
                .contains("# No id: column \"ref\" is not an id: rows 2 and 4 have the same value"),
            "{}",
            repeated.toml
        );
        assert!(
            repeated
                .notes
                .iter()
                .any(|n| n.starts_with("Id: column \"ref\""))
        );
    }

    #[test]
    fn link_columns_are_links_whatever_their_name_and_never_categories() {
        let s = scan(
            "id,story,sources,platform\n\
             1,a,\"https://twitter.com/x/status/1, https://dawn.com/n/1,2\",Facebook\n\
             2,b,https://twitter.com/x/status/1,Facebook\n\
             3,c,https://twitter.com/x/status/1,WhatsApp\n",
        );
        let m = Mapping::from_toml(&s.toml).unwrap();
        assert_eq!(m.columns.links, vec!["sources".to_owned()], "{}", s.toml);
        let categories: Vec<&str> = m.categories.iter().map(|k| k.column.as_str()).collect();
        assert_eq!(categories, vec!["platform"]);
        assert!(!s.toml.contains("x_twitter"), "{}", s.toml);
    }

    #[test]
    fn categories_are_guessed_from_keys_labels_and_synonyms() {
        let t = Taxonomy::pakistan_default();
        assert_eq!(guess_terms("WhatsApp", t), vec!["platform:whatsapp"]);
        assert_eq!(
            guess_terms("Blackmail / Sextortion", t),
            vec!["act:blackmail_sextortion"]
        );
        assert_eq!(
            guess_terms("Fake profile on Facebook", t),
            vec!["act:impersonation"]
        );
        assert_eq!(
            guess_terms("Online harassment and cyberstalking", t),
            vec!["kind:online_harassment_cyberstalking"]
        );
        assert!(guess_terms("Flood relief", t).is_empty());
    }
}
