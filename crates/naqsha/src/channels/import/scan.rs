//! `--write-mapping`: scans a file and writes a starting mapping with every category value
//! found (with counts), best guesses of the matching taxonomy terms, and comments saying
//! what to edit. Memory is bounded: a column with many distinct values is free text, and
//! only its row count is kept.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use naqsha_core::lang::Lang;
use naqsha_core::taxonomy::Taxonomy;

use super::layout::{self, Layout};
use super::mapping::{CategoryColumn, Mapping};

/// A column with more distinct values than this is free text, not categories.
const MAX_CATEGORY_VALUES: usize = 60;

/// What was seen in one column.
#[derive(Debug, Default)]
struct ColumnStats {
    filled: u64,
    /// Distinct comma-separated values and their counts, until there are too many.
    values: Option<HashMap<String, u64>>,
}

impl ColumnStats {
    fn new() -> Self {
        Self {
            filled: 0,
            values: Some(HashMap::new()),
        }
    }

    fn add(&mut self, cell: &str) {
        let cell = cell.trim();
        if cell.is_empty() {
            return;
        }
        self.filled += 1;
        if let Some(values) = &mut self.values {
            for v in cell.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                *values.entry(v.to_owned()).or_default() += 1;
            }
            if values.len() > MAX_CATEGORY_VALUES {
                self.values = None;
            }
        }
    }

    /// Categories: few distinct values, repeated across rows, not numbers.
    fn is_categorical(&self) -> bool {
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

/// What a scan found, besides the mapping text.
#[derive(Debug)]
pub struct Scanned {
    /// The layout detected.
    pub layout: Layout,
    /// Data rows scanned.
    pub rows: u64,
    /// The mapping as TOML with comments.
    pub toml: String,
}

/// Scans `file` and writes the starting mapping.
pub fn write_mapping(file: &Path, taxonomy: &Taxonomy) -> anyhow::Result<Scanned> {
    let mut opened = super::open(file)?;
    let headers = opened.headers.clone();
    let mut stats: Vec<ColumnStats> = headers.iter().map(|_| ColumnStats::new()).collect();
    let mut rows = 0u64;
    let mut record = csv::ByteRecord::new();
    let mut pending = opened.first.take().map(|(_, r)| r);
    loop {
        let rec = match pending.take() {
            Some(r) => r,
            None => {
                if !opened.reader.read_byte_record(&mut record)? {
                    break;
                }
                record.clone()
            }
        };
        rows += 1;
        for (i, cell) in rec.iter().enumerate().take(stats.len()) {
            stats[i].add(&String::from_utf8_lossy(cell));
        }
    }

    let mut mapping = Mapping::default_for(opened.layout, &headers, &super::default_source(file));
    if opened.layout == Layout::Plain {
        guess_plain_columns(&mut mapping, &headers);
    }
    // Category columns: the layout's own (v2 CATEGORY) and any column with few repeated
    // values that has no other role.
    let roles: Vec<String> = role_columns(&mapping);
    for (i, h) in headers.iter().enumerate() {
        let known = mapping.categories.iter().any(|c| &c.column == h);
        let skip = roles.contains(h)
            || layout::V3_BOOKKEEPING.contains(&h.as_str())
            || layout::V2_BOOKKEEPING.contains(&h.as_str())
            || [
                "Post ID",
                "Created (UTC)",
                "Post Date (UTC)",
                "Contact",
                "#",
            ]
            .contains(&h.as_str())
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
            || ["Post ID", "Created (UTC)", "Post Date (UTC)", "#", "Survey"].contains(&h.as_str());
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
    let toml = render(&mapping, &counts, &headers, rows, file, taxonomy);
    Ok(Scanned {
        layout: opened.layout,
        rows,
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
    .collect()
}

/// Column roles of a plain CSV, guessed from common header names.
fn guess_plain_columns(m: &mut Mapping, headers: &[String]) {
    let find = |words: &[&str]| {
        headers
            .iter()
            .find(|h| {
                let l = h.to_lowercase();
                words.iter().any(|w| l == *w)
            })
            .or_else(|| {
                headers.iter().find(|h| {
                    let l = h.to_lowercase();
                    words.iter().any(|w| l.contains(w))
                })
            })
            .cloned()
    };
    let c = &mut m.columns;
    c.id = find(&["id", "ref", "reference", "case id", "number"]);
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
                t.label(Lang::En).to_owned(),
                t.label(Lang::Ur).to_owned(),
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
        "# Dates written with slashes: \"dmy\" (31/12/2020) or \"mdy\" (12/31/2020)."
    );
    let _ = writeln!(o, "date_order = \"dmy\"");
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
    one(
        &mut o,
        "id",
        &c.id,
        "the row's id in the source (for the import ledger)",
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
                    taxonomy.term(d, t).map(|t| t.label(Lang::En)).unwrap_or(t)
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
