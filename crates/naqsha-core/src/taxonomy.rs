//! The case taxonomy: dimensions (kind, act, harm, platform, …) and their terms,
//! every label in English and Urdu, and in any other declared language a file gives
//! (`label_sd = "…"`); a language without its own text falls back along its chain.
//!
//! A taxonomy is data. The default one for Pakistan lives in
//! `data/taxonomy/pk-default.toml` and is embedded in the binary; an admin can
//! replace it with another file of the same shape (see `data/taxonomy/README.md`).
//! Cases record the [`TaxonomyVersion`] they were coded with, and
//! [`Taxonomy::content_hash`] lets the application notice a file whose content
//! changed while its version string did not.
//!
//! A case's categories are a [`Labels`] value: dimension key → set of term keys,
//! serialised as a JSON object such as `{"act":["blackmail_sextortion"],"platform":["whatsapp"]}`,
//! and checked against a taxonomy with [`Taxonomy::validate_labels`].

use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

pub use crate::label::Label;
use crate::label::declared;
use crate::lang::Lang;

/// The default Pakistan taxonomy, as shipped in `data/taxonomy/pk-default.toml`.
pub const PAKISTAN_DEFAULT_TOML: &str = include_str!("../../../data/taxonomy/pk-default.toml");

/// Longest allowed dimension or term key, in bytes (keys are ASCII).
pub const MAX_KEY_LEN: usize = 48;
/// Longest allowed version string.
pub const MAX_VERSION_LEN: usize = 64;
/// Longest allowed label, in characters.
pub const MAX_LABEL_CHARS: usize = 160;
/// Longest allowed hint or description, in characters.
pub const MAX_HINT_CHARS: usize = 600;

// ---------------------------------------------------------------------------
// Bilingual text

/// A text in English and Urdu (referral entries; taxonomy texts are [`Label`]s).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Bilingual {
    /// English.
    pub en: String,
    /// Urdu.
    pub ur: String,
}

impl Bilingual {
    /// Builds a bilingual text.
    pub fn new(en: impl Into<String>, ur: impl Into<String>) -> Self {
        Bilingual {
            en: en.into(),
            ur: ur.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang.base() {
            Lang::EN => &self.en,
            _ => &self.ur,
        }
    }
}

// ---------------------------------------------------------------------------
// Keys

/// Why a key or version string was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// The key is empty.
    #[error("key is empty")]
    Empty,
    /// The key is longer than [`MAX_KEY_LEN`].
    #[error("key {key:?} is longer than {max} characters")]
    TooLong {
        /// The rejected key.
        key: String,
        /// The limit.
        max: usize,
    },
    /// The key is not ASCII lowercase snake_case.
    #[error(
        "key {key:?} must be ASCII lowercase snake_case: a letter first, then letters, digits or single underscores, not ending in an underscore"
    )]
    NotSnakeCase {
        /// The rejected key.
        key: String,
    },
    /// A version string is empty, too long or uses characters other than
    /// ASCII letters, digits, `.`, `-` and `_`.
    #[error(
        "version {version:?} must be 1–{MAX_VERSION_LEN} characters of ASCII letters, digits, '.', '-' or '_'"
    )]
    InvalidVersion {
        /// The rejected version string.
        version: String,
    },
}

fn check_key(key: &str) -> Result<(), KeyError> {
    if key.is_empty() {
        return Err(KeyError::Empty);
    }
    if key.len() > MAX_KEY_LEN {
        return Err(KeyError::TooLong {
            key: key.to_owned(),
            max: MAX_KEY_LEN,
        });
    }
    let bytes = key.as_bytes();
    let shape_ok = bytes[0].is_ascii_lowercase()
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_')
        && !key.ends_with('_')
        && !key.contains("__");
    if shape_ok {
        Ok(())
    } else {
        Err(KeyError::NotSnakeCase {
            key: key.to_owned(),
        })
    }
}

macro_rules! snake_key {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(Arc<str>);

        impl $name {
            /// The key as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = KeyError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                check_key(s)?;
                Ok($name(Arc::from(s)))
            }
        }

        impl TryFrom<String> for $name {
            type Error = KeyError;

            fn try_from(s: String) -> Result<Self, Self::Error> {
                check_key(&s)?;
                Ok($name(Arc::from(s)))
            }
        }

        impl TryFrom<&str> for $name {
            type Error = KeyError;

            fn try_from(s: &str) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        impl From<$name> for String {
            fn from(key: $name) -> String {
                key.0.as_ref().to_owned()
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }
    };
}

// Keys are immutable and cloned into every case's labels, so they share one
// allocation (`Arc<str>`); ordering, equality and hashing are those of `str`.
snake_key!(
    /// Key of a dimension (`act`, `platform`, …): ASCII lowercase snake_case, 1–48 characters.
    DimensionKey
);
snake_key!(
    /// Key of a term within a dimension (`blackmail_sextortion`, `whatsapp`, …):
    /// ASCII lowercase snake_case, 1–48 characters. Stable across taxonomy versions
    /// wherever the meaning is unchanged.
    TermKey
);

/// Version string of a taxonomy, stored with every coded case
/// (e.g. `pk-default-2026.1`): 1–64 characters of ASCII letters, digits, `.`, `-`, `_`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TaxonomyVersion(String);

impl TaxonomyVersion {
    /// The version as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn check_version(v: &str) -> Result<(), KeyError> {
    let ok = !v.is_empty()
        && v.len() <= MAX_VERSION_LEN
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
    if ok {
        Ok(())
    } else {
        Err(KeyError::InvalidVersion {
            version: v.to_owned(),
        })
    }
}

impl FromStr for TaxonomyVersion {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        check_version(s)?;
        Ok(TaxonomyVersion(s.to_owned()))
    }
}

impl TryFrom<String> for TaxonomyVersion {
    type Error = KeyError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        check_version(&s)?;
        Ok(TaxonomyVersion(s))
    }
}

impl From<TaxonomyVersion> for String {
    fn from(v: TaxonomyVersion) -> String {
        v.0
    }
}

impl fmt::Display for TaxonomyVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// ---------------------------------------------------------------------------
// Taxonomy model

/// One term of a dimension, e.g. `whatsapp` in `platform`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    /// Stable key.
    pub key: TermKey,
    /// Display label.
    pub label: Label,
    /// Optional plain-language explanation shown on the report form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<Label>,
}

impl Term {
    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        self.label.get(lang)
    }
}

/// One dimension of the taxonomy, e.g. `act` or `platform`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dimension {
    /// Stable key.
    pub key: DimensionKey,
    /// Display label.
    pub label: Label,
    /// Whether a case may carry several terms of this dimension.
    pub multiple: bool,
    /// Whether the dimension may appear in public statistics and exports at all.
    pub public: bool,
    /// Whether the dimension describes the survivor; such dimensions are shown
    /// only as aggregated statistics, never beside a story, and small cells
    /// must be suppressed more strictly.
    pub sensitive: bool,
    /// Optional plain-language hint shown on the report form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Label>,
    /// The terms, in display order.
    pub terms: Vec<Term>,
}

impl Dimension {
    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        self.label.get(lang)
    }

    /// The term with key `key`, if any.
    pub fn term(&self, key: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.key.as_str() == key)
    }

    /// Whether a case may carry only one term of this dimension.
    pub fn is_single_choice(&self) -> bool {
        !self.multiple
    }
}

/// A validated taxonomy. Construct it with [`Taxonomy::from_toml`] or take the
/// embedded default with [`Taxonomy::pakistan_default`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Taxonomy {
    version: TaxonomyVersion,
    name: Label,
    dimensions: Vec<Dimension>,
}

/// Why a taxonomy file was rejected. Every variant names the place in the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TaxonomyError {
    /// The file is not valid TOML or does not have the expected shape
    /// (missing field, unknown field, wrong type).
    #[error("taxonomy file is not well-formed: {0}")]
    Parse(String),
    /// The version string is empty or malformed.
    #[error("taxonomy version: {0}")]
    Version(KeyError),
    /// The taxonomy has no dimensions.
    #[error("taxonomy has no dimensions")]
    NoDimensions,
    /// A dimension key is malformed.
    #[error("dimension key {key:?}: {error}")]
    InvalidDimensionKey {
        /// The key as written.
        key: String,
        /// What is wrong with it.
        error: KeyError,
    },
    /// A term key is malformed.
    #[error("term key {key:?} in dimension `{dimension}`: {error}")]
    InvalidTermKey {
        /// The dimension.
        dimension: String,
        /// The key as written.
        key: String,
        /// What is wrong with it.
        error: KeyError,
    },
    /// Two dimensions share a key.
    #[error("duplicate dimension key `{key}`")]
    DuplicateDimension {
        /// The repeated key.
        key: String,
    },
    /// Two terms of one dimension share a key.
    #[error("duplicate term key `{key}` in dimension `{dimension}`")]
    DuplicateTerm {
        /// The dimension.
        dimension: String,
        /// The repeated key.
        key: String,
    },
    /// A dimension has no terms.
    #[error("dimension `{dimension}` has no terms")]
    NoTerms {
        /// The dimension.
        dimension: String,
    },
    /// A label is empty (or only whitespace).
    #[error("{at}: {field}_{lang} is empty")]
    EmptyText {
        /// Where: `taxonomy`, `dimension act` or `term act.threats`.
        at: String,
        /// Which field: `label`, `name`, `hint`, `description`.
        field: &'static str,
        /// Which language.
        lang: Lang,
    },
    /// A hint or description is given in one language only.
    #[error("{at}: {field}_{present} is given but {field}_{missing} is missing")]
    MissingTranslation {
        /// Where.
        at: String,
        /// Which field.
        field: &'static str,
        /// The language that is present.
        present: Lang,
        /// The language that is missing.
        missing: Lang,
    },
    /// A text is too long or contains control characters.
    #[error("{at}: {field}_{lang} must be at most {max} characters without control characters")]
    BadText {
        /// Where.
        at: String,
        /// Which field.
        field: &'static str,
        /// Which language.
        lang: Lang,
        /// The length limit for this field.
        max: usize,
    },
    /// An Urdu text contains no Arabic-script letter (e.g. it is untranslated English).
    #[error("{at}: {field}_ur {text:?} contains no Urdu (Arabic-script) letter")]
    UrduNotArabicScript {
        /// Where.
        at: String,
        /// Which field.
        field: &'static str,
        /// The offending text.
        text: String,
    },
    /// A text in another language written in Arabic script (Sindhi, Pashto, Punjabi in
    /// Shahmukhi) contains no Arabic-script letter.
    #[error("{at}: {field}_{lang} {text:?} contains no Arabic-script letter")]
    NotArabicScript {
        /// Where.
        at: String,
        /// Which field.
        field: &'static str,
        /// Which language.
        lang: Lang,
        /// The offending text.
        text: String,
    },
    /// A field name the format does not have (a typo such as `lable_en`).
    #[error("{at}: unknown field `{field}`")]
    UnknownField {
        /// Where.
        at: String,
        /// The field as written.
        field: String,
    },
    /// A text field for a language code `data/languages/languages.toml` does not declare.
    #[error("{at}: `{field}` is for language {code:?}, which is not declared (declared: {codes})", codes = crate::lang::declared_codes())]
    UnknownLanguage {
        /// Where: `taxonomy`, `dimension act` or `term act.threats`.
        at: String,
        /// The field as written, e.g. `label_xx`.
        field: String,
        /// The unknown code.
        code: String,
    },
}

/// Why a set of labels does not fit a taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    /// The taxonomy has no dimension with this key.
    #[error("unknown dimension `{dimension}`")]
    UnknownDimension {
        /// The dimension key.
        dimension: DimensionKey,
    },
    /// The dimension has no term with this key.
    #[error("unknown term `{term}` in dimension `{dimension}`")]
    UnknownTerm {
        /// The dimension key.
        dimension: DimensionKey,
        /// The term key.
        term: TermKey,
    },
    /// Several terms were given for a single-choice dimension.
    #[error("dimension `{dimension}` takes one term, got {count}")]
    MultipleTerms {
        /// The dimension key.
        dimension: DimensionKey,
        /// How many terms were given.
        count: usize,
    },
    /// A dimension is present with no terms (omit it instead).
    #[error("dimension `{dimension}` is present with no terms")]
    EmptyDimension {
        /// The dimension key.
        dimension: DimensionKey,
    },
}

impl Taxonomy {
    /// Parses and validates a taxonomy file (format: `data/taxonomy/README.md`).
    ///
    /// Labels, hints and descriptions are trimmed and put in Unicode NFC.
    /// Empty optional hints/descriptions (both languages blank) count as absent.
    pub fn from_toml(text: &str) -> Result<Taxonomy, TaxonomyError> {
        let raw: RawTaxonomy =
            toml::from_str(text).map_err(|e| TaxonomyError::Parse(e.to_string()))?;
        Taxonomy::from_raw(raw)
    }

    /// Serialises the taxonomy back into the file format accepted by
    /// [`Taxonomy::from_toml`] (without comments).
    #[expect(
        clippy::expect_used,
        reason = "a validated taxonomy always serialises to TOML"
    )]
    pub fn to_toml(&self) -> String {
        toml::to_string(&self.to_raw()).expect("a validated taxonomy always serialises to TOML")
    }

    /// The default taxonomy for the Pakistan deployment, embedded from
    /// `data/taxonomy/pk-default.toml` and parsed once.
    #[expect(
        clippy::expect_used,
        reason = "embedded data, parsed by the unit tests"
    )]
    pub fn pakistan_default() -> &'static Taxonomy {
        static DEFAULT: OnceLock<Taxonomy> = OnceLock::new();
        DEFAULT.get_or_init(|| {
            Taxonomy::from_toml(PAKISTAN_DEFAULT_TOML)
                .expect("the embedded default taxonomy is valid (checked by tests)")
        })
    }

    /// The version string cases coded with this taxonomy record.
    pub fn version(&self) -> &TaxonomyVersion {
        &self.version
    }

    /// The taxonomy's display name.
    pub fn name(&self) -> &Label {
        &self.name
    }

    /// The dimensions, in display order.
    pub fn dimensions(&self) -> &[Dimension] {
        &self.dimensions
    }

    /// The dimension with key `key`, if any.
    pub fn dimension(&self, key: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.key.as_str() == key)
    }

    /// The term `term` of dimension `dimension`, if both exist.
    pub fn term(&self, dimension: &str, term: &str) -> Option<&Term> {
        self.dimension(dimension)?.term(term)
    }

    /// Total number of terms over all dimensions.
    pub fn term_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.terms.len()).sum()
    }

    /// Checks that every dimension and term in `labels` exists, that no
    /// dimension is present with an empty set, and that single-choice
    /// dimensions carry at most one term. Returns the first problem found, in
    /// key order; [`Taxonomy::label_errors`] lists them all.
    pub fn validate_labels(&self, labels: &Labels) -> Result<(), LabelError> {
        match self.label_problems(labels, true).into_iter().next() {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }

    /// Every problem [`Taxonomy::validate_labels`] would report, in key order.
    pub fn label_errors(&self, labels: &Labels) -> Vec<LabelError> {
        self.label_problems(labels, false)
    }

    fn label_problems(&self, labels: &Labels, first_only: bool) -> Vec<LabelError> {
        let mut errors = Vec::new();
        for (dim_key, terms) in labels.iter() {
            let Some(dim) = self.dimension(dim_key.as_str()) else {
                errors.push(LabelError::UnknownDimension {
                    dimension: dim_key.clone(),
                });
                if first_only {
                    return errors;
                }
                continue;
            };
            if terms.is_empty() {
                errors.push(LabelError::EmptyDimension {
                    dimension: dim_key.clone(),
                });
            }
            for term in terms {
                if dim.term(term.as_str()).is_none() {
                    errors.push(LabelError::UnknownTerm {
                        dimension: dim_key.clone(),
                        term: term.clone(),
                    });
                }
            }
            if !dim.multiple && terms.len() > 1 {
                errors.push(LabelError::MultipleTerms {
                    dimension: dim_key.clone(),
                    count: terms.len(),
                });
            }
            if first_only && !errors.is_empty() {
                errors.truncate(1);
                return errors;
            }
        }
        errors
    }

    /// Hex SHA-256 of a canonical serialisation of the taxonomy's content
    /// (version, names, dimensions, terms, flags, hints — not comments or
    /// layout). Two files with the same hash code cases identically; a file
    /// that changed content but kept its version string gets a different hash.
    #[expect(
        clippy::expect_used,
        reason = "a validated taxonomy always serialises to JSON"
    )]
    pub fn content_hash(&self) -> String {
        let canonical = serde_json::to_vec(&self.to_raw())
            .expect("a validated taxonomy always serialises to JSON");
        let mut hasher = Sha256::new();
        hasher.update(b"naqsha-taxonomy-v1\n");
        hasher.update(&canonical);
        let digest = hasher.finalize();
        let mut hex = String::with_capacity(64);
        for byte in digest {
            hex.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
            hex.push(char::from_digit(u32::from(byte & 0x0f), 16).unwrap_or('0'));
        }
        hex
    }

    fn from_raw(raw: RawTaxonomy) -> Result<Taxonomy, TaxonomyError> {
        let version = raw
            .version
            .trim()
            .parse::<TaxonomyVersion>()
            .map_err(TaxonomyError::Version)?;
        let mut extra = Translations::parse("taxonomy", raw.translations, &["name"])?;
        let name = required_text(
            "taxonomy",
            "name",
            &raw.name_en,
            &raw.name_ur,
            extra.take("name"),
        )?;
        if raw.dimensions.is_empty() {
            return Err(TaxonomyError::NoDimensions);
        }
        let mut seen_dims = HashSet::new();
        let mut dimensions = Vec::with_capacity(raw.dimensions.len());
        for rd in raw.dimensions {
            let key: DimensionKey =
                rd.key
                    .parse()
                    .map_err(|error| TaxonomyError::InvalidDimensionKey {
                        key: rd.key.clone(),
                        error,
                    })?;
            if !seen_dims.insert(key.clone()) {
                return Err(TaxonomyError::DuplicateDimension { key: rd.key });
            }
            let at = format!("dimension {key}");
            let mut extra = Translations::parse(&at, rd.translations, &["label", "description"])?;
            let label = required_text(
                &at,
                "label",
                &rd.label_en,
                &rd.label_ur,
                extra.take("label"),
            )?;
            let description = optional_text(
                &at,
                "description",
                rd.description_en.as_deref(),
                rd.description_ur.as_deref(),
                extra.take("description"),
            )?;
            if rd.terms.is_empty() {
                return Err(TaxonomyError::NoTerms { dimension: rd.key });
            }
            let mut seen_terms = HashSet::new();
            let mut terms = Vec::with_capacity(rd.terms.len());
            for rt in rd.terms {
                let term_key: TermKey =
                    rt.key
                        .parse()
                        .map_err(|error| TaxonomyError::InvalidTermKey {
                            dimension: key.to_string(),
                            key: rt.key.clone(),
                            error,
                        })?;
                if !seen_terms.insert(term_key.clone()) {
                    return Err(TaxonomyError::DuplicateTerm {
                        dimension: key.to_string(),
                        key: rt.key,
                    });
                }
                let at = format!("term {key}.{term_key}");
                let mut extra = Translations::parse(&at, rt.translations, &["label", "hint"])?;
                let label = required_text(
                    &at,
                    "label",
                    &rt.label_en,
                    &rt.label_ur,
                    extra.take("label"),
                )?;
                let hint = optional_text(
                    &at,
                    "hint",
                    rt.hint_en.as_deref(),
                    rt.hint_ur.as_deref(),
                    extra.take("hint"),
                )?;
                terms.push(Term {
                    key: term_key,
                    label,
                    hint,
                });
            }
            dimensions.push(Dimension {
                key,
                label,
                multiple: rd.multiple,
                public: rd.public,
                sensitive: rd.sensitive,
                description,
                terms,
            });
        }
        Ok(Taxonomy {
            version,
            name,
            dimensions,
        })
    }

    fn to_raw(&self) -> RawTaxonomy {
        RawTaxonomy {
            version: self.version.to_string(),
            name_en: self.name.en().to_owned(),
            name_ur: base_text(&self.name, Lang::UR),
            translations: translations([("name", Some(&self.name))]),
            dimensions: self
                .dimensions
                .iter()
                .map(|d| RawDimension {
                    key: d.key.to_string(),
                    label_en: d.label.en().to_owned(),
                    label_ur: base_text(&d.label, Lang::UR),
                    multiple: d.multiple,
                    public: d.public,
                    sensitive: d.sensitive,
                    description_en: d.description.as_ref().map(|b| b.en().to_owned()),
                    description_ur: d.description.as_ref().map(|b| base_text(b, Lang::UR)),
                    translations: translations([
                        ("label", Some(&d.label)),
                        ("description", d.description.as_ref()),
                    ]),
                    terms: d
                        .terms
                        .iter()
                        .map(|t| RawTerm {
                            key: t.key.to_string(),
                            label_en: t.label.en().to_owned(),
                            label_ur: base_text(&t.label, Lang::UR),
                            hint_en: t.hint.as_ref().map(|b| b.en().to_owned()),
                            hint_ur: t.hint.as_ref().map(|b| base_text(b, Lang::UR)),
                            translations: translations([
                                ("label", Some(&t.label)),
                                ("hint", t.hint.as_ref()),
                            ]),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

fn clean(s: &str) -> String {
    s.trim().nfc().collect()
}

fn check_text(
    at: &str,
    field: &'static str,
    lang: Lang,
    text: &str,
    max: usize,
) -> Result<(), TaxonomyError> {
    if text.is_empty() {
        return Err(TaxonomyError::EmptyText {
            at: at.to_owned(),
            field,
            lang,
        });
    }
    if text.chars().count() > max || text.chars().any(char::is_control) {
        return Err(TaxonomyError::BadText {
            at: at.to_owned(),
            field,
            lang,
            max,
        });
    }
    let arabic_script = lang.info().script == "Arab";
    if arabic_script && !text.chars().any(crate::script::is_arabic_letter) {
        return Err(if lang == Lang::UR {
            TaxonomyError::UrduNotArabicScript {
                at: at.to_owned(),
                field,
                text: text.to_owned(),
            }
        } else {
            TaxonomyError::NotArabicScript {
                at: at.to_owned(),
                field,
                lang,
                text: text.to_owned(),
            }
        });
    }
    Ok(())
}

/// English and Urdu, then the other languages' texts (already cleaned, blank ones dropped).
fn required_text(
    at: &str,
    field: &'static str,
    en: &str,
    ur: &str,
    others: Vec<(Lang, String)>,
) -> Result<Label, TaxonomyError> {
    let (en, ur) = (clean(en), clean(ur));
    check_text(at, field, Lang::EN, &en, MAX_LABEL_CHARS)?;
    check_text(at, field, Lang::UR, &ur, MAX_LABEL_CHARS)?;
    with_others(at, field, Label::bilingual(en, ur), others, MAX_LABEL_CHARS)
}

fn with_others(
    at: &str,
    field: &'static str,
    mut label: Label,
    others: Vec<(Lang, String)>,
    max: usize,
) -> Result<Label, TaxonomyError> {
    for (lang, text) in others {
        check_text(at, field, lang, &text, max)?;
        label = label.with(lang, text);
    }
    Ok(label)
}

fn optional_text(
    at: &str,
    field: &'static str,
    en: Option<&str>,
    ur: Option<&str>,
    others: Vec<(Lang, String)>,
) -> Result<Option<Label>, TaxonomyError> {
    let en = en.map(clean).filter(|s| !s.is_empty());
    let ur = ur.map(clean).filter(|s| !s.is_empty());
    match (en, ur) {
        // A translation of a hint that has no English and Urdu text would never be shown
        // to most readers: the file is incomplete.
        (None, None) => match others.first() {
            Some((lang, _)) => Err(TaxonomyError::MissingTranslation {
                at: at.to_owned(),
                field,
                present: *lang,
                missing: Lang::EN,
            }),
            None => Ok(None),
        },
        (Some(_), None) => Err(TaxonomyError::MissingTranslation {
            at: at.to_owned(),
            field,
            present: Lang::EN,
            missing: Lang::UR,
        }),
        (None, Some(_)) => Err(TaxonomyError::MissingTranslation {
            at: at.to_owned(),
            field,
            present: Lang::UR,
            missing: Lang::EN,
        }),
        (Some(en), Some(ur)) => {
            check_text(at, field, Lang::EN, &en, MAX_HINT_CHARS)?;
            check_text(at, field, Lang::UR, &ur, MAX_HINT_CHARS)?;
            let label = Label::bilingual(en, ur);
            with_others(at, field, label, others, MAX_HINT_CHARS).map(Some)
        }
    }
}

/// The texts of a table in languages other than English and Urdu, by field: `label_sd`,
/// `hint_ps`… The file format names them `<field>_<code>` like `label_en`, so a file written
/// before other languages existed reads unchanged.
struct Translations(BTreeMap<String, Vec<(Lang, String)>>);

impl Translations {
    /// Sorts the table's remaining fields into texts of `fields`, refusing any other field
    /// and any code `languages.toml` does not declare. Blank texts count as absent.
    fn parse(
        at: &str,
        raw: BTreeMap<String, String>,
        fields: &[&str],
    ) -> Result<Translations, TaxonomyError> {
        let mut by_field: BTreeMap<String, Vec<(Lang, String)>> = BTreeMap::new();
        for (name, text) in raw {
            let Some((field, code)) = name
                .split_once('_')
                .filter(|(field, _)| fields.contains(field))
            else {
                return Err(TaxonomyError::UnknownField {
                    at: at.to_owned(),
                    field: name,
                });
            };
            let lang = declared(code).ok_or_else(|| TaxonomyError::UnknownLanguage {
                at: at.to_owned(),
                field: name.clone(),
                code: code.to_owned(),
            })?;
            let text = clean(&text);
            if !text.is_empty() {
                by_field
                    .entry(field.to_owned())
                    .or_default()
                    .push((lang, text));
            }
        }
        Ok(Translations(by_field))
    }

    fn take(&mut self, field: &str) -> Vec<(Lang, String)> {
        self.0.remove(field).unwrap_or_default()
    }
}

/// The text of a base language as the file writes it (a parsed label always has both).
fn base_text(label: &Label, lang: Lang) -> String {
    label.get(lang).to_owned()
}

/// The `<field>_<code>` entries of the languages beyond English and Urdu.
fn translations<'a>(
    fields: impl IntoIterator<Item = (&'static str, Option<&'a Label>)>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (field, label) in fields {
        for (lang, text) in label.into_iter().flat_map(Label::iter) {
            if !Lang::BASE.contains(&lang) {
                out.insert(format!("{field}_{}", lang.code()), text.to_owned());
            }
        }
    }
    out
}

fn default_true() -> bool {
    true
}

/// The file format, field for field (see `data/taxonomy/README.md`). Every other field of a
/// table lands in `translations` and is checked by [`Translations::parse`] (serde cannot both
/// collect the rest and deny unknown fields). On output the translations come before the
/// nested tables, as TOML needs; a file without them serialises, and hashes, as before.
#[derive(Debug, Serialize, Deserialize)]
struct RawTaxonomy {
    version: String,
    name_en: String,
    name_ur: String,
    #[serde(flatten)]
    translations: BTreeMap<String, String>,
    dimensions: Vec<RawDimension>,
}

#[derive(Debug, Serialize, Deserialize)]
struct RawDimension {
    key: String,
    label_en: String,
    label_ur: String,
    multiple: bool,
    #[serde(default = "default_true")]
    public: bool,
    #[serde(default)]
    sensitive: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description_ur: Option<String>,
    #[serde(flatten)]
    translations: BTreeMap<String, String>,
    terms: Vec<RawTerm>,
}

#[derive(Debug, Serialize, Deserialize)]
struct RawTerm {
    key: String,
    label_en: String,
    label_ur: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hint_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hint_ur: Option<String>,
    #[serde(flatten)]
    translations: BTreeMap<String, String>,
}

// ---------------------------------------------------------------------------
// Labels

/// The categories of one case: dimension key → set of term keys, ordered.
///
/// Serialises as a JSON object of arrays, e.g.
/// `{"act":["blackmail_sextortion"],"platform":["whatsapp"]}`. A `Labels`
/// value is only meaningful together with a taxonomy; check it with
/// [`Taxonomy::validate_labels`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Labels(BTreeMap<DimensionKey, BTreeSet<TermKey>>);

impl Labels {
    /// No labels.
    pub fn new() -> Self {
        Labels::default()
    }

    /// Adds `term` to `dimension`. Returns whether it was new.
    pub fn insert(&mut self, dimension: DimensionKey, term: TermKey) -> bool {
        self.0.entry(dimension).or_default().insert(term)
    }

    /// Parses both keys and adds the term. Returns whether it was new.
    pub fn insert_str(&mut self, dimension: &str, term: &str) -> Result<bool, KeyError> {
        Ok(self.insert(dimension.parse()?, term.parse()?))
    }

    /// Builds labels from `(dimension, term)` string pairs.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Labels, KeyError> {
        let mut labels = Labels::new();
        for (dim, term) in pairs {
            labels.insert_str(dim, term)?;
        }
        Ok(labels)
    }

    /// The terms of `dimension`, if present.
    pub fn get(&self, dimension: &str) -> Option<&BTreeSet<TermKey>> {
        self.0.get(dimension)
    }

    /// The terms of `dimension` (empty if absent).
    pub fn terms<'a>(&'a self, dimension: &str) -> impl Iterator<Item = &'a TermKey> + 'a {
        self.0.get(dimension).into_iter().flatten()
    }

    /// Whether `dimension` carries `term`.
    pub fn contains(&self, dimension: &str, term: &str) -> bool {
        self.0.get(dimension).is_some_and(|set| set.contains(term))
    }

    /// Removes a whole dimension, returning its terms.
    pub fn remove(&mut self, dimension: &str) -> Option<BTreeSet<TermKey>> {
        self.0.remove(dimension)
    }

    /// Removes one term; drops the dimension when it becomes empty.
    /// Returns whether the term was present.
    pub fn remove_term(&mut self, dimension: &str, term: &str) -> bool {
        let Some(set) = self.0.get_mut(dimension) else {
            return false;
        };
        let removed = set.remove(term);
        if set.is_empty() {
            self.0.remove(dimension);
        }
        removed
    }

    /// Iterates over dimensions and their terms, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&DimensionKey, &BTreeSet<TermKey>)> {
        self.0.iter()
    }

    /// Iterates over every `(dimension, term)` pair, in key order.
    pub fn pairs(&self) -> impl Iterator<Item = (&DimensionKey, &TermKey)> {
        self.0
            .iter()
            .flat_map(|(d, terms)| terms.iter().map(move |t| (d, t)))
    }

    /// Whether no dimension is present.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of dimensions present.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The underlying map.
    pub fn as_map(&self) -> &BTreeMap<DimensionKey, BTreeSet<TermKey>> {
        &self.0
    }

    /// Consumes the labels into the underlying map.
    pub fn into_map(self) -> BTreeMap<DimensionKey, BTreeSet<TermKey>> {
        self.0
    }
}

impl From<BTreeMap<DimensionKey, BTreeSet<TermKey>>> for Labels {
    fn from(map: BTreeMap<DimensionKey, BTreeSet<TermKey>>) -> Self {
        Labels(map)
    }
}

impl FromIterator<(DimensionKey, TermKey)> for Labels {
    fn from_iter<I: IntoIterator<Item = (DimensionKey, TermKey)>>(iter: I) -> Self {
        let mut labels = Labels::new();
        labels.extend(iter);
        labels
    }
}

impl Extend<(DimensionKey, TermKey)> for Labels {
    fn extend<I: IntoIterator<Item = (DimensionKey, TermKey)>>(&mut self, iter: I) {
        for (dim, term) in iter {
            self.insert(dim, term);
        }
    }
}

// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    const DIMENSION_ORDER: [&str; 11] = [
        "kind",
        "act",
        "harm",
        "platform",
        "perpetrator",
        "survivor_age_band",
        "survivor_gender",
        "survivor_role",
        "action_taken",
        "outcome",
        "source",
    ];

    fn labels(pairs: &[(&str, &str)]) -> Labels {
        Labels::from_pairs(pairs.iter().copied()).unwrap()
    }

    #[test]
    fn default_parses_with_expected_dimensions() {
        let t = Taxonomy::pakistan_default();
        assert_eq!(t.version().as_str(), "pk-default-2026.2");
        let keys: Vec<&str> = t.dimensions().iter().map(|d| d.key.as_str()).collect();
        assert_eq!(keys, DIMENSION_ORDER);
        assert_eq!(t.dimension("kind").unwrap().terms.len(), 5);
        assert_eq!(t.dimension("act").unwrap().terms.len(), 14);
        assert_eq!(t.dimension("platform").unwrap().terms.len(), 15);
        assert!(t.term("act", "blackmail_sextortion").is_some());
        assert!(t.term("act", "nope").is_none());
        assert!(t.term("nope", "other").is_none());
        for d in t.dimensions() {
            assert_eq!(
                d.sensitive,
                d.key.as_str().starts_with("survivor_"),
                "{}",
                d.key
            );
            assert!(d.public, "{}", d.key);
        }
        for single in ["survivor_age_band", "survivor_gender", "outcome", "source"] {
            assert!(t.dimension(single).unwrap().is_single_choice(), "{single}");
        }
        for multi in [
            "kind",
            "act",
            "harm",
            "platform",
            "survivor_role",
            "action_taken",
        ] {
            assert!(t.dimension(multi).unwrap().multiple, "{multi}");
        }
    }

    #[test]
    fn every_urdu_text_uses_arabic_script() {
        let t = Taxonomy::pakistan_default();
        let ur = |l: &Label| l.own(Lang::UR).unwrap().to_owned();
        let mut texts = vec![ur(t.name())];
        for d in t.dimensions() {
            texts.push(ur(&d.label));
            texts.extend(d.description.as_ref().map(ur));
            for term in &d.terms {
                texts.push(ur(&term.label));
                texts.extend(term.hint.as_ref().map(ur));
                assert!(!term.label.en().is_empty());
            }
        }
        for text in texts {
            assert!(
                text.chars().any(crate::script::is_arabic_letter),
                "{text:?}"
            );
        }
    }

    #[test]
    fn brand_names_are_in_urdu_script() {
        let t = Taxonomy::pakistan_default();
        assert_eq!(
            t.term("platform", "facebook").unwrap().label(Lang::UR),
            "فیس بک"
        );
        assert_eq!(
            t.term("platform", "whatsapp").unwrap().label(Lang::UR),
            "واٹس ایپ"
        );
        assert_eq!(
            t.term("survivor_gender", "transgender")
                .unwrap()
                .label(Lang::UR),
            "خواجہ سرا / ٹرانس جینڈر"
        );
    }

    #[test]
    fn to_toml_round_trips_and_hash_is_stable() {
        let t = Taxonomy::pakistan_default();
        let again = Taxonomy::from_toml(&t.to_toml()).unwrap();
        assert_eq!(&again, t);
        assert_eq!(again.content_hash(), t.content_hash());
        assert_eq!(t.content_hash().len(), 64);
        assert!(t.content_hash().bytes().all(|b| b.is_ascii_hexdigit()));
    }

    #[test]
    fn changed_label_with_same_version_changes_hash() {
        let edited =
            PAKISTAN_DEFAULT_TOML.replace("label_en = \"Defamation\"", "label_en = \"Slander\"");
        assert_ne!(edited, PAKISTAN_DEFAULT_TOML);
        let t = Taxonomy::from_toml(&edited).unwrap();
        assert_eq!(t.version(), Taxonomy::pakistan_default().version());
        assert_ne!(
            t.content_hash(),
            Taxonomy::pakistan_default().content_hash()
        );
        // Comments and layout do not matter.
        let recommented = format!("# another comment\n\n{PAKISTAN_DEFAULT_TOML}");
        assert_eq!(
            Taxonomy::from_toml(&recommented).unwrap().content_hash(),
            Taxonomy::pakistan_default().content_hash()
        );
    }

    #[test]
    fn duplicate_term_key_is_rejected_naming_the_key() {
        let broken = PAKISTAN_DEFAULT_TOML.replacen("key = \"snapchat\"", "key = \"tiktok\"", 1);
        let err = Taxonomy::from_toml(&broken).unwrap_err();
        assert_eq!(
            err,
            TaxonomyError::DuplicateTerm {
                dimension: "platform".into(),
                key: "tiktok".into()
            }
        );
        let message = err.to_string();
        assert!(
            message.contains("tiktok") && message.contains("platform"),
            "{message}"
        );
    }

    #[test]
    fn duplicate_dimension_key_is_rejected() {
        let broken = PAKISTAN_DEFAULT_TOML.replacen("key = \"harm\"", "key = \"act\"", 1);
        assert_eq!(
            Taxonomy::from_toml(&broken).unwrap_err(),
            TaxonomyError::DuplicateDimension { key: "act".into() }
        );
    }

    const MINIMAL: &str = r#"
version = "test-1"
name_en = "Test"
name_ur = "آزمائش"

[[dimensions]]
key = "act"
label_en = "Act"
label_ur = "عمل"
multiple = false

[[dimensions.terms]]
key = "threats"
label_en = "Threats"
label_ur = "دھمکیاں"
"#;

    #[test]
    fn minimal_file_uses_defaults() {
        let t = Taxonomy::from_toml(MINIMAL).unwrap();
        let d = t.dimension("act").unwrap();
        assert!(d.public && !d.sensitive && !d.multiple);
        assert_eq!(d.description, None);
        assert_eq!(t.term_count(), 1);
    }

    #[test]
    fn invalid_files_are_rejected() {
        type Expectation = fn(&TaxonomyError) -> bool;
        let cases: Vec<(String, Expectation)> = vec![
            (MINIMAL.replace("\"test-1\"", "\"\""), |e| {
                matches!(e, TaxonomyError::Version(_))
            }),
            (MINIMAL.replace("\"test-1\"", "\"has space\""), |e| {
                matches!(e, TaxonomyError::Version(_))
            }),
            (
                MINIMAL.replace("label_ur = \"دھمکیاں\"", "label_ur = \"Dhamkiyan\""),
                |e| matches!(e, TaxonomyError::UrduNotArabicScript { at, .. } if at == "term act.threats"),
            ),
            (
                MINIMAL.replace("label_en = \"Threats\"", "label_en = \"  \""),
                |e| matches!(e, TaxonomyError::EmptyText { lang: Lang::EN, .. }),
            ),
            (
                MINIMAL.replace("key = \"threats\"", "key = \"Threats\""),
                |e| matches!(e, TaxonomyError::InvalidTermKey { key, .. } if key == "Threats"),
            ),
            (MINIMAL.replace("key = \"act\"", "key = \"a-ct\""), |e| {
                matches!(e, TaxonomyError::InvalidDimensionKey { .. })
            }),
            (
                MINIMAL.replace("multiple = false", "multiple = false\nhint = 1"),
                |e| matches!(e, TaxonomyError::Parse(_)),
            ),
            (MINIMAL.replace("multiple = false", ""), |e| {
                matches!(e, TaxonomyError::Parse(_))
            }),
            (
                MINIMAL.replace(
                    "multiple = false",
                    "multiple = false\ndescription_en = \"Only English\"",
                ),
                |e| {
                    matches!(
                        e,
                        TaxonomyError::MissingTranslation {
                            missing: Lang::UR,
                            ..
                        }
                    )
                },
            ),
            (
                MINIMAL
                    .split("[[dimensions.terms]]")
                    .next()
                    .unwrap()
                    .to_owned()
                    + "terms = []\n",
                |e| matches!(e, TaxonomyError::NoTerms { .. }),
            ),
            (
                "version = \"x\"\nname_en = \"a\"\nname_ur = \"ب\"\ndimensions = []\n".to_owned(),
                |e| matches!(e, TaxonomyError::NoDimensions),
            ),
            ("not toml at all [[[".to_owned(), |e| {
                matches!(e, TaxonomyError::Parse(_))
            }),
        ];
        for (text, expected) in cases {
            let err = Taxonomy::from_toml(&text).unwrap_err();
            assert!(expected(&err), "unexpected error {err:?} for\n{text}");
        }
    }

    #[test]
    fn keys_are_validated() {
        for good in ["a", "act", "age_18_24", "x_twitter", &"a".repeat(48)] {
            assert!(good.parse::<TermKey>().is_ok(), "{good}");
        }
        for bad in [
            "",
            "Act",
            "1act",
            "_act",
            "act_",
            "a__b",
            "a-b",
            "a b",
            "ächt",
            &"a".repeat(49),
        ] {
            assert!(bad.parse::<DimensionKey>().is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<TermKey>("\"BAD\"").is_err());
        assert_eq!(serde_json::from_str::<TermKey>("\"ok_1\"").unwrap(), "ok_1");
    }

    #[test]
    fn labels_validate() {
        let t = Taxonomy::pakistan_default();
        let good = labels(&[
            ("act", "blackmail_sextortion"),
            ("act", "nonconsensual_intimate_images"),
            ("platform", "whatsapp"),
            ("outcome", "ongoing"),
        ]);
        assert_eq!(t.validate_labels(&good), Ok(()));
        assert_eq!(t.validate_labels(&Labels::new()), Ok(()));

        let unknown_dim = labels(&[("colour", "red")]);
        assert_eq!(
            t.validate_labels(&unknown_dim),
            Err(LabelError::UnknownDimension {
                dimension: "colour".parse().unwrap()
            })
        );

        let unknown_term = labels(&[("platform", "myspace")]);
        assert_eq!(
            t.validate_labels(&unknown_term),
            Err(LabelError::UnknownTerm {
                dimension: "platform".parse().unwrap(),
                term: "myspace".parse().unwrap()
            })
        );

        let two_outcomes = labels(&[("outcome", "ongoing"), ("outcome", "resolved")]);
        assert_eq!(
            t.validate_labels(&two_outcomes),
            Err(LabelError::MultipleTerms {
                dimension: "outcome".parse().unwrap(),
                count: 2
            })
        );

        let empty: Labels = serde_json::from_str(r#"{"act":[]}"#).unwrap();
        assert!(matches!(
            t.validate_labels(&empty),
            Err(LabelError::EmptyDimension { .. })
        ));

        let many = labels(&[("colour", "red"), ("outcome", "x"), ("outcome", "y")]);
        assert_eq!(t.label_errors(&many).len(), 4);
    }

    #[test]
    fn labels_serde_as_object_of_arrays() {
        let l = labels(&[
            ("platform", "whatsapp"),
            ("act", "threats"),
            ("act", "doxxing"),
        ]);
        let json = serde_json::to_string(&l).unwrap();
        assert_eq!(
            json,
            r#"{"act":["doxxing","threats"],"platform":["whatsapp"]}"#
        );
        let back: Labels = serde_json::from_str(&json).unwrap();
        assert_eq!(back, l);
        assert!(back.contains("act", "threats"));
        assert!(!back.contains("act", "hacking"));
        assert_eq!(back.terms("harm").count(), 0);
        assert_eq!(back.pairs().count(), 3);
        assert!(serde_json::from_str::<Labels>(r#"{"Act":["x"]}"#).is_err());
        assert!(serde_json::from_str::<Labels>(r#"{"act":["bad key"]}"#).is_err());

        let mut l = l;
        assert!(l.remove_term("platform", "whatsapp"));
        assert!(l.get("platform").is_none());
        assert_eq!(l.len(), 1);
    }

    fn lang(code: &str) -> Lang {
        Lang::from_code(code).unwrap()
    }

    /// The default file without its Sindhi, Pashto and Punjabi lines, as version 2026.1.
    fn english_and_urdu_only() -> String {
        let kept: Vec<&str> = PAKISTAN_DEFAULT_TOML
            .lines()
            .filter(|l| !["_sd = ", "_ps = ", "_pa = "].iter().any(|s| l.contains(s)))
            .collect();
        kept.join("\n")
            .replace("\"pk-default-2026.2\"", "\"pk-default-2026.1\"")
    }

    #[test]
    fn a_file_in_english_and_urdu_only_keeps_its_content_hash() {
        // The hash pk-default-2026.1 was installed with before labels took other languages:
        // a deployment re-installing that file (or any en/ur file) must not see a conflict.
        let t = Taxonomy::from_toml(&english_and_urdu_only()).unwrap();
        assert_eq!(
            t.content_hash(),
            "4e4d952113ec744262f6a45481fd35624eb8bc14b6303aa2c910b022b511a2d9"
        );
        assert!(!t.to_toml().contains("_sd"));
        // 2026.2 is 2026.1 plus translations: same keys, same English and Urdu.
        let shipped = Taxonomy::pakistan_default();
        for (old, new) in t.dimensions().iter().zip(shipped.dimensions()) {
            assert_eq!(old.key, new.key);
            assert_eq!(old.label(Lang::UR), new.label(Lang::UR));
            for (a, b) in old.terms.iter().zip(&new.terms) {
                assert_eq!((&a.key, a.label.en()), (&b.key, b.label.en()));
                assert_eq!(a.label(Lang::UR), b.label(Lang::UR));
            }
        }
    }

    #[test]
    fn every_label_of_the_default_is_in_sindhi_pashto_and_punjabi() {
        let t = Taxonomy::pakistan_default();
        for code in ["sd", "ps", "pa"] {
            let l = lang(code);
            let mut labels = vec![t.name()];
            for d in t.dimensions() {
                labels.push(&d.label);
                labels.extend(d.terms.iter().map(|term| &term.label));
            }
            assert_eq!(labels.len(), 1 + 11 + 85);
            for label in labels {
                let own = label.own(l).unwrap_or_else(|| panic!("{code}: {label:?}"));
                assert_eq!(label.get(l), own);
                assert!(own.chars().any(crate::script::is_arabic_letter), "{own}");
            }
        }
        // A reader of Sindhi sees the Sindhi label, not the Urdu one.
        let police = t.term("action_taken", "police").unwrap();
        assert_eq!(police.label(lang("sd")), "پوليس");
        assert_eq!(police.label(Lang::UR), "پولیس");
        // Hints are not translated yet: they fall back to Urdu.
        let hint = t
            .term("act", "threats")
            .unwrap()
            .hint
            .as_ref()
            .map(|h| h.get(lang("sd")));
        assert_eq!(
            hint,
            t.term("act", "threats")
                .unwrap()
                .hint
                .as_ref()
                .map(|h| h.get(Lang::UR))
        );
    }

    #[test]
    fn other_languages_are_read_by_code_and_fall_back() {
        let text = MINIMAL.replace(
            "label_ur = \"دھمکیاں\"",
            "label_ur = \"دھمکیاں\"\nlabel_sd = \"ڌمڪيون\"\nhint_en = \"Said\"\nhint_ur = \"کہا\"\nhint_ps = \"ویل\"",
        );
        let t = Taxonomy::from_toml(&text).unwrap();
        let term = t.term("act", "threats").unwrap();
        assert_eq!(term.label(lang("sd")), "ڌمڪيون");
        assert_eq!(term.label(lang("ps")), "دھمکیاں");
        assert_eq!(term.label(Lang::EN), "Threats");
        let hint = term.hint.as_ref().unwrap();
        assert_eq!((hint.get(lang("ps")), hint.get(lang("sd"))), ("ویل", "کہا"));
        // The dimension has no Sindhi label: Urdu.
        assert_eq!(t.dimension("act").unwrap().label(lang("sd")), "عمل");
        let again = Taxonomy::from_toml(&t.to_toml()).unwrap();
        assert_eq!(again, t);
        assert_ne!(
            again.content_hash(),
            Taxonomy::from_toml(MINIMAL).unwrap().content_hash()
        );
    }

    #[test]
    fn an_unknown_language_code_is_refused_naming_the_term_and_the_code() {
        let text = MINIMAL.replace(
            "label_ur = \"دھمکیاں\"",
            "label_ur = \"دھمکیاں\"\nlabel_xx = \"?\"",
        );
        let err = Taxonomy::from_toml(&text).unwrap_err();
        assert_eq!(
            err,
            TaxonomyError::UnknownLanguage {
                at: "term act.threats".into(),
                field: "label_xx".into(),
                code: "xx".into(),
            }
        );
        let message = err.to_string();
        assert!(
            message.contains("act.threats") && message.contains("\"xx\"") && message.contains("sd"),
            "{message}"
        );
        // Codes are taken exactly as languages.toml declares them.
        let upper = MINIMAL.replace(
            "label_ur = \"عمل\"",
            "label_ur = \"عمل\"\nlabel_SD = \"عمل\"",
        );
        assert!(matches!(
            Taxonomy::from_toml(&upper).unwrap_err(),
            TaxonomyError::UnknownLanguage { at, code, .. } if at == "dimension act" && code == "SD"
        ));
    }

    #[test]
    fn other_language_texts_are_checked_like_urdu() {
        type Expectation = fn(&TaxonomyError) -> bool;
        let add = |line: &str| {
            MINIMAL.replace(
                "label_ur = \"دھمکیاں\"",
                &format!("label_ur = \"دھمکیاں\"\n{line}"),
            )
        };
        let cases: Vec<(String, Expectation)> = vec![
            (
                add("lable_sd = \"ڌمڪيون\""),
                |e| matches!(e, TaxonomyError::UnknownField { field, .. } if field == "lable_sd"),
            ),
            (
                add("description_sd = \"ڌمڪيون\""),
                |e| matches!(e, TaxonomyError::UnknownField { field, .. } if field == "description_sd"),
            ),
            (
                add("label_sd = \"Dhamkiyun\""),
                |e| matches!(e, TaxonomyError::NotArabicScript { lang, .. } if lang.code() == "sd"),
            ),
            (add("label_pa = 3"), |e| {
                matches!(e, TaxonomyError::Parse(_))
            }),
            (
                add("hint_ps = \"ویل\""),
                |e| matches!(e, TaxonomyError::MissingTranslation { missing: Lang::EN, present, .. } if present.code() == "ps"),
            ),
            (
                add(&format!(
                    "label_ps = \"{}\"",
                    "ښ".repeat(MAX_LABEL_CHARS + 1)
                )),
                |e| matches!(e, TaxonomyError::BadText { .. }),
            ),
        ];
        for (text, expected) in cases {
            let err = Taxonomy::from_toml(&text).unwrap_err();
            assert!(expected(&err), "unexpected error {err:?} for\n{text}");
        }
        // A blank translation is no translation: the label falls back.
        let blank = Taxonomy::from_toml(&add("label_sd = \"  \"")).unwrap();
        assert_eq!(
            blank.term("act", "threats").unwrap().label.own(lang("sd")),
            None
        );
    }

    #[test]
    fn bilingual_get() {
        let b = Bilingual::new("Police", "پولیس");
        assert_eq!(b.get(Lang::EN), "Police");
        assert_eq!(b.get(Lang::UR), "پولیس");
    }
}
