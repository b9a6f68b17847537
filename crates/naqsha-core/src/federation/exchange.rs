//! The exchange vocabulary instances share, and an aggregator's mapping of each source's
//! taxonomy onto it.
//!
//! A source sends each case's categories twice: in its own taxonomy (`terms`) and as it mapped
//! them onto the exchange vocabulary (`exchange`). An aggregator counts cases from several
//! sources together in exchange terms. It may keep its own mapping of a source's terms (a
//! file written by `naqsha federation mapping --write`, with counts, that an admin edits):
//! where it has one for a source, that mapping decides and a term it does not map is reported
//! as unmapped — never guessed; where it has none, the source's own mapping is used.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::wire::FeedCase;

/// The exchange vocabulary shipped with Naqsha.
pub const EXCHANGE_TOML: &str = include_str!("../../../../data/federation/exchange.toml");

/// A vocabulary file that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("exchange vocabulary: {0}")]
pub struct ExchangeError(String);

/// One dimension of the exchange vocabulary.
#[derive(Debug, Clone, Deserialize)]
pub struct ExchangeDimension {
    /// `kind`, `act`, `harm`, `platform`.
    pub key: String,
    /// English label.
    pub label_en: String,
    /// Urdu label.
    pub label_ur: String,
    /// Its terms.
    pub terms: Vec<ExchangeTerm>,
}

/// One term of the exchange vocabulary.
#[derive(Debug, Clone, Deserialize)]
pub struct ExchangeTerm {
    /// Its key within the dimension.
    pub key: String,
    /// English label.
    pub label_en: String,
    /// Urdu label.
    pub label_ur: String,
}

/// The shared categories: APC's five kinds of violence, and act, harm and platform.
#[derive(Debug, Clone, Deserialize)]
pub struct Exchange {
    version: String,
    dimensions: Vec<ExchangeDimension>,
}

impl Exchange {
    /// The vocabulary shipped with Naqsha.
    pub fn shipped() -> &'static Exchange {
        static SHIPPED: std::sync::OnceLock<Exchange> = std::sync::OnceLock::new();
        SHIPPED.get_or_init(|| {
            // Checked by a test; an empty vocabulary (every exchange term refused) is the
            // safe failure if the embedded file were ever broken.
            Exchange::parse(EXCHANGE_TOML).unwrap_or_else(|_| Exchange {
                version: "broken".into(),
                dimensions: Vec::new(),
            })
        })
    }

    /// Reads a vocabulary file.
    pub fn parse(text: &str) -> Result<Self, ExchangeError> {
        toml::from_str(text).map_err(|e| ExchangeError(e.to_string()))
    }

    /// Its version string.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Its dimensions, in order.
    pub fn dimensions(&self) -> &[ExchangeDimension] {
        &self.dimensions
    }

    /// Whether `dimension/term` is one of its terms.
    pub fn has(&self, path: &str) -> bool {
        self.term(path).is_some()
    }

    /// The term `dimension/term`, with its dimension.
    pub fn term(&self, path: &str) -> Option<(&ExchangeDimension, &ExchangeTerm)> {
        let (dimension, term) = path.split_once('/')?;
        let d = self.dimensions.iter().find(|d| d.key == dimension)?;
        Some((d, d.terms.iter().find(|t| t.key == term)?))
    }
}

/// What one source's terms map to; a term mapped to nothing is known and deliberately left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMapping {
    terms: BTreeMap<String, Vec<String>>,
}

/// An aggregator's mapping of every source it follows, keyed by the source's name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    sources: BTreeMap<String, SourceMapping>,
}

/// A mapping file that does not parse or names terms outside the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    /// Not TOML of the expected shape.
    #[error("the mapping file is not valid: {0}")]
    Syntax(String),
    /// A target that the exchange vocabulary lacks.
    #[error(
        "source {source_name:?}: {term:?} maps to {target:?}, which is not in the exchange vocabulary"
    )]
    UnknownTarget {
        /// The source.
        source_name: String,
        /// Its term.
        term: String,
        /// The target that is not a term.
        target: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    #[serde(default)]
    sources: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

/// A case's exchange categories, and its source terms the mapping does not cover.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exchanged {
    /// Exchange terms, `dimension/term`, each once.
    pub terms: BTreeSet<String>,
    /// Source terms the aggregator's mapping has no line for.
    pub unmapped: Vec<String>,
}

impl Mapping {
    /// Reads a mapping file, checking every target against `vocabulary`.
    pub fn parse(text: &str, vocabulary: &Exchange) -> Result<Self, MappingError> {
        let file: MappingFile =
            toml::from_str(text).map_err(|e| MappingError::Syntax(e.to_string()))?;
        let mut sources = BTreeMap::new();
        for (source, terms) in file.sources {
            for (term, targets) in &terms {
                if let Some(target) = targets.iter().find(|t| !vocabulary.has(t)) {
                    return Err(MappingError::UnknownTarget {
                        source_name: source.clone(),
                        term: term.clone(),
                        target: target.clone(),
                    });
                }
            }
            sources.insert(source, SourceMapping { terms });
        }
        Ok(Self { sources })
    }

    /// Whether it has a section for `source`.
    pub fn covers(&self, source: &str) -> bool {
        self.sources.contains_key(source)
    }

    /// The exchange categories of `case` from `source`: by this mapping when it has a
    /// section for the source (terms it lacks are reported), else as the source mapped them.
    pub fn exchange_of(&self, source: &str, case: &FeedCase) -> Exchanged {
        let mut out = Exchanged::default();
        match self.sources.get(source) {
            Some(mapping) => {
                for term in &case.terms {
                    match mapping.terms.get(term) {
                        Some(targets) => out.terms.extend(targets.iter().cloned()),
                        None => out.unmapped.push(term.clone()),
                    }
                }
            }
            None => out.terms.extend(case.exchange.iter().cloned()),
        }
        out
    }

    /// The file `--write` produces: every source's terms seen in `counts` (term → number of
    /// cases), each with the targets this mapping already gives it or, for a term not yet in
    /// it, the exchange term of the very same `dimension/term` when there is one (an identical
    /// key is the only match taken without a person); anything else is written unmapped, as an
    /// empty list, with a comment, for an admin to decide.
    pub fn write(
        &self,
        counts: &BTreeMap<String, BTreeMap<String, u64>>,
        vocabulary: &Exchange,
    ) -> String {
        let mut out = String::from(
            "# How each followed instance's categories map onto the exchange vocabulary\n\
             # (data/federation/exchange.toml). Written by `naqsha federation mapping --write`;\n\
             # edit the lists. A term mapped to [] is counted in no exchange category; a term\n\
             # left out is reported as unmapped. Counts are the cases seen when it was written.\n",
        );
        out.push_str(&format!(
            "# Exchange vocabulary: {}\n",
            vocabulary.version()
        ));
        for (source, terms) in counts {
            out.push_str(&format!("\n[sources.{}]\n", toml_string(source)));
            let known = self.sources.get(source);
            for (term, count) in terms {
                let (targets, note) = match known.and_then(|m| m.terms.get(term)) {
                    Some(targets) => (targets.clone(), "kept"),
                    None if vocabulary.has(term) => (vec![term.clone()], "same key"),
                    None => (Vec::new(), "UNMAPPED: decide"),
                };
                let list: Vec<String> = targets.iter().map(|t| toml_string(t)).collect();
                out.push_str(&format!(
                    "{} = [{}]  # {count} case{}, {note}\n",
                    toml_string(term),
                    list.join(", "),
                    if *count == 1 { "" } else { "s" },
                ));
            }
        }
        out
    }
}

fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_vocabulary_has_the_five_kinds_and_three_more_dimensions() {
        let v = Exchange::parse(EXCHANGE_TOML).unwrap();
        let keys: Vec<&str> = v.dimensions().iter().map(|d| d.key.as_str()).collect();
        assert_eq!(keys, ["kind", "act", "harm", "platform"]);
        assert_eq!(v.dimensions()[0].terms.len(), 5);
        assert!(v.has("act/blackmail_sextortion"));
        assert!(!v.has("act/nothing"));
        assert!(!v.has("who/stranger"));
    }

    fn case(terms: &[&str], exchange: &[&str]) -> FeedCase {
        FeedCase {
            url: "https://a.example/stories/1".parse().unwrap(),
            country: "NP".parse().unwrap(),
            region: super::super::wire::Area {
                code: "NP-P3".into(),
                name: "Bagmati".into(),
            },
            district: None,
            point: super::super::wire::Point {
                lat: 27.7,
                lon: 85.3,
            },
            month: "2025-01".parse().unwrap(),
            title: BTreeMap::new(),
            terms: terms.iter().map(|s| s.to_string()).collect(),
            exchange: exchange.iter().map(|s| s.to_string()).collect(),
            demo: false,
        }
    }

    #[test]
    fn a_mapping_decides_for_its_sources_and_reports_what_it_lacks() {
        let v = Exchange::shipped();
        let m = Mapping::parse(
            "[sources.\"Nepal map\"]\n\"type/sextortion\" = [\"act/blackmail_sextortion\"]\n\"type/misc\" = []\n",
            v,
        )
        .unwrap();
        let c = case(
            &["type/sextortion", "type/misc", "type/new"],
            &["act/threats"],
        );
        let got = m.exchange_of("Nepal map", &c);
        assert_eq!(
            got.terms.into_iter().collect::<Vec<_>>(),
            ["act/blackmail_sextortion"]
        );
        assert_eq!(got.unmapped, ["type/new"]);
        // No section: the source's own mapping.
        let got = m.exchange_of("Other", &c);
        assert_eq!(got.terms.into_iter().collect::<Vec<_>>(), ["act/threats"]);
        assert!(got.unmapped.is_empty());
    }

    #[test]
    fn a_mapping_to_an_unknown_target_is_refused() {
        let err = Mapping::parse(
            "[sources.X]\n\"a/b\" = [\"act/not_a_term\"]\n",
            Exchange::shipped(),
        )
        .unwrap_err();
        assert!(matches!(err, MappingError::UnknownTarget { .. }), "{err}");
    }

    #[test]
    fn write_keeps_decisions_takes_identical_keys_and_leaves_the_rest_unmapped() {
        let v = Exchange::shipped();
        let m = Mapping::parse(
            "[sources.X]\n\"type/sext\" = [\"act/blackmail_sextortion\"]\n",
            v,
        )
        .unwrap();
        let mut counts = BTreeMap::new();
        counts.insert(
            "X".to_string(),
            BTreeMap::from([
                ("type/sext".to_string(), 3),
                ("act/doxxing".to_string(), 1),
                ("type/odd".to_string(), 2),
            ]),
        );
        let text = m.write(&counts, v);
        assert!(
            text.contains("\"type/sext\" = [\"act/blackmail_sextortion\"]  # 3 cases, kept"),
            "{text}"
        );
        assert!(
            text.contains("\"act/doxxing\" = [\"act/doxxing\"]  # 1 case, same key"),
            "{text}"
        );
        assert!(
            text.contains("\"type/odd\" = []  # 2 cases, UNMAPPED"),
            "{text}"
        );
        // What it writes reads back.
        let again = Mapping::parse(&text, v).unwrap();
        assert!(again.covers("X"));
    }
}
