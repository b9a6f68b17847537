//! The redaction engine: finds personal data in English, Urdu and Roman-Urdu text and
//! replaces it with typed placeholders or consistent pseudonyms.
//!
//! One pass normalises the text (digits, letter variants, invisible characters, full-width
//! forms) while keeping a map back to the original, one pass splits it into tokens and
//! looks each word up once in the embedded word lists, and the detectors then work on the
//! tokens and bytes. Every [`Span`] refers to the *original* text in Unicode scalar values
//! (`start` inclusive, `end` exclusive). Pure: no I/O; the word lists are compiled in and
//! parsed once per process.
//!
//! ```
//! use naqsha_core::redaction::{Kind, RedactOptions, Redactor};
//! let r = Redactor::shared();
//! let out = r.redact("Mera naam Ayesha Khan hai, number 0300-1234567.", &RedactOptions::default());
//! assert_eq!(out.text, "Mera naam [NAME] hai, number [PHONE].");
//! assert_eq!(out.spans[1].kind, Kind::Phone);
//! ```

mod detectors;
pub mod generalise;
mod lexicon;
pub mod model;
pub mod normalise;
mod redact;
mod spans;
mod tokens;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

pub(crate) use redact::tidy_spans;
pub use redact::{PlaceholderStyle, RedactOptions, Redacted, apply};

/// What kind of personal data a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person's name.
    Name,
    /// A telephone number (Pakistani mobile or landline, or international).
    Phone,
    /// A Pakistani computerised national identity card number.
    Cnic,
    /// An email address.
    Email,
    /// A web address or a social-media profile link.
    Url,
    /// A social-media @handle.
    Handle,
    /// An international bank account number (checked with mod-97).
    Iban,
    /// A passport number.
    Passport,
    /// A vehicle registration plate.
    Plate,
    /// A date of birth.
    Dob,
    /// A street address.
    Address,
    /// A school, university or employer.
    Org,
    /// A payment card number (checked with the Luhn sum); beyond the issue's list because
    /// a card number identifies its holder as surely as an IBAN.
    Card,
}

impl Kind {
    /// Every kind, in the order of the documentation.
    pub const ALL: [Kind; 13] = [
        Kind::Name,
        Kind::Phone,
        Kind::Cnic,
        Kind::Email,
        Kind::Url,
        Kind::Handle,
        Kind::Iban,
        Kind::Passport,
        Kind::Plate,
        Kind::Dob,
        Kind::Address,
        Kind::Org,
        Kind::Card,
    ];

    /// The lowercase name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Name => "name",
            Kind::Phone => "phone",
            Kind::Cnic => "cnic",
            Kind::Email => "email",
            Kind::Url => "url",
            Kind::Handle => "handle",
            Kind::Iban => "iban",
            Kind::Passport => "passport",
            Kind::Plate => "plate",
            Kind::Dob => "dob",
            Kind::Address => "address",
            Kind::Org => "org",
            Kind::Card => "card",
        }
    }

    /// The placeholder that replaces a span of this kind, in the language of the text.
    pub fn placeholder(self, lang: Lang) -> &'static str {
        match lang.base() {
            Lang::EN => match self {
                Kind::Name => "[NAME]",
                Kind::Phone => "[PHONE]",
                Kind::Cnic => "[CNIC]",
                Kind::Email => "[EMAIL]",
                Kind::Url => "[URL]",
                Kind::Handle => "[HANDLE]",
                Kind::Iban => "[IBAN]",
                Kind::Passport => "[PASSPORT]",
                Kind::Plate => "[PLATE]",
                Kind::Dob => "[DOB]",
                Kind::Address => "[ADDRESS]",
                Kind::Org => "[ORG]",
                Kind::Card => "[CARD]",
            },
            _ => match self {
                Kind::Name => "[نام]",
                Kind::Phone => "[فون]",
                Kind::Cnic => "[شناختی کارڈ]",
                Kind::Email => "[ای میل]",
                Kind::Url => "[لنک]",
                Kind::Handle => "[ہینڈل]",
                Kind::Iban => "[بینک اکاؤنٹ]",
                Kind::Passport => "[پاسپورٹ]",
                Kind::Plate => "[گاڑی نمبر]",
                Kind::Dob => "[تاریخ پیدائش]",
                Kind::Address => "[پتہ]",
                Kind::Org => "[ادارہ]",
                Kind::Card => "[کارڈ]",
            },
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not one of the kinds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind of personal data {0:?}")]
pub struct UnknownKind(pub String);

impl FromStr for Kind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownKind(s.to_owned()))
    }
}

/// A stretch of personal data in the original text, in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Span {
    /// First character (inclusive).
    pub start: usize,
    /// One past the last character (exclusive).
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// Confidence in (0, 1]; structured data with a checksum is near 1, a capitalised
    /// word taken as a name on context alone is near 0.5.
    pub score: f32,
}

/// The detector, built once: the word lists are parsed on first use and shared.
#[derive(Debug, Clone, Copy)]
pub struct Redactor {
    lexicon: &'static lexicon::Lexicon,
    /// The learned name tagger, whose names are merged with the rules' ones.
    model: Option<&'static model::NameModel>,
}

impl Default for Redactor {
    fn default() -> Self {
        Self::shared()
    }
}

impl Redactor {
    /// The process-wide redactor (word lists loaded once, on first call).
    pub fn shared() -> Self {
        Self {
            lexicon: lexicon::Lexicon::get(),
            model: model::NameModel::shipped(),
        }
    }

    /// The redactor with another name tagger (for training and comparison).
    pub fn with_model(model: &'static model::NameModel) -> Self {
        Self {
            lexicon: lexicon::Lexicon::get(),
            model: Some(model),
        }
    }

    /// The redactor without the learned name tagger: the rules alone (for comparison).
    pub fn rules_only() -> Self {
        Self {
            lexicon: lexicon::Lexicon::get(),
            model: None,
        }
    }

    /// Finds personal data: spans sorted by start, never overlapping, on character
    /// boundaries of `text`.
    pub fn detect(&self, text: &str) -> Vec<Span> {
        let mut scratch = Scratch::default();
        self.detect_with(text, &mut scratch)
    }

    /// [`Redactor::detect`] reusing buffers across calls (for streaming many texts).
    ///
    /// Invisible characters do not hide anything from it: they are dropped before matching,
    /// a span is widened over those right around it (so "\u{2066}Ayesha\u{2069}" is
    /// redacted whole, leaving no stray control), and text under a bidi override is read
    /// both as stored and as displayed.
    pub fn detect_with(&self, text: &str, scratch: &mut Scratch) -> Vec<Span> {
        let Scratch { norm, toks, cands } = scratch;
        norm.fill(text);
        self.find(norm, toks, cands, self.model);
        let mut found: Vec<Span> = cands
            .iter()
            .map(|c| Span {
                start: norm.orig_char(c.start),
                end: norm.orig_char(c.end),
                kind: c.kind,
                score: c.score,
            })
            .filter(|s| s.end > s.start)
            .collect();
        if !norm.dropped_invisible() {
            return found;
        }
        let chars: Vec<char> = text.chars().collect();
        if norm.has_overrides() {
            // placeholders and pseudonyms of the stored reading, in original characters: the
            // displayed reading shows them reversed ("B nosreP") and must not take them
            let blocked: Vec<(usize, usize)> = toks
                .iter()
                .filter(|t| t.has(lexicon::flag::BLOCKED))
                .map(|t| {
                    (
                        norm.orig_char(t.start as usize),
                        norm.orig_char(t.end as usize),
                    )
                })
                .collect();
            let mut visual = normalise::Normalised::default();
            visual.fill_visual(text);
            // the rules alone: the tagger, trained on text as written, takes the reversed
            // words of an overridden run ("ahak en" for "ne kaha") for unknown names
            self.find(&visual, toks, cands, None);
            found.extend(
                cands
                    .iter()
                    .map(|c| {
                        let (start, end) = visual.orig_range(c.start, c.end);
                        Span {
                            start,
                            end,
                            kind: c.kind,
                            score: c.score,
                        }
                    })
                    .filter(|s| !blocked.iter().any(|&(b, e)| b < s.end && s.start < e)),
            );
            found = tidy_spans(&found, chars.len());
        }
        widen_over_invisible(&chars, &mut found);
        found
    }

    /// Runs the detectors over a normalised text into `cands` (resolved, normalised offsets).
    fn find(
        &self,
        norm: &normalise::Normalised,
        toks: &mut Vec<tokens::Tok>,
        cands: &mut Vec<spans::Candidate>,
        model: Option<&model::NameModel>,
    ) {
        tokens::tokenize(norm.text(), self.lexicon, toks);
        cands.clear();
        detectors::run(norm.text(), toks, cands);
        if let Some(m) = model {
            m.propose(norm.text(), toks, cands);
        }
        detectors::name::drop_non_names(norm.text(), toks, cands);
        spans::resolve(cands);
        spans::trim_possessives(norm.text(), cands);
    }

    /// Detects and replaces personal data. Replacing a span can bring a cue closer to
    /// other data (`[IBAN]` is shorter than the IBAN), so the redacted text is checked again
    /// and what is found there is added, until nothing new turns up (at most
    /// [`MAX_ROUNDS`] rounds): redacting the result once more changes nothing.
    pub fn redact(&self, text: &str, options: &RedactOptions) -> Redacted {
        let mut scratch = Scratch::default();
        let mut spans = self.detect_with(text, &mut scratch);
        let (mut out, mut layout) = redact::apply_with_layout(text, spans.clone(), options);
        // nothing replaced: the text is unchanged and a second look would find nothing new
        let rounds = if out.spans.is_empty() { 0 } else { MAX_ROUNDS };
        for _ in 0..rounds {
            let more: Vec<Span> = self
                .detect_with(&out.text, &mut scratch)
                .into_iter()
                .filter(|s| s.score >= options.min_score)
                .collect();
            if more.is_empty() {
                break;
            }
            spans = redact::merge_back(&layout, more, out.spans);
            (out, layout) = redact::apply_with_layout(text, spans.clone(), options);
        }
        out
    }
}

/// Widens each of `spans` (sorted, not overlapping) over the invisible characters right
/// before and after it, up to its neighbours.
fn widen_over_invisible(chars: &[char], spans: &mut [Span]) {
    for i in 0..spans.len() {
        let floor = if i == 0 { 0 } else { spans[i - 1].end };
        let ceiling = spans.get(i + 1).map_or(chars.len(), |s| s.start);
        let s = &mut spans[i];
        while s.start > floor && crate::invisible::is_invisible(chars[s.start - 1]) {
            s.start -= 1;
        }
        while s.end < ceiling && crate::invisible::is_invisible(chars[s.end]) {
            s.end += 1;
        }
    }
}

/// Rounds of re-checking a redacted text; real stories settle in one or two.
pub const MAX_ROUNDS: usize = 6;

/// Reusable buffers for [`Redactor::detect_with`].
#[derive(Debug, Default)]
pub struct Scratch {
    norm: normalise::Normalised,
    toks: Vec<tokens::Tok>,
    cands: Vec<spans::Candidate>,
}

/// Finds personal data with the shared [`Redactor`].
pub fn detect(text: &str) -> Vec<Span> {
    Redactor::shared().detect(text)
}

/// Detects and replaces personal data with the shared [`Redactor`].
pub fn redact(text: &str, options: &RedactOptions) -> Redacted {
    Redactor::shared().redact(text, options)
}

/// The script most of the text's letters are written in: Urdu when Arabic-script letters
/// outnumber Latin ones.
pub fn text_lang(text: &str) -> Lang {
    let (mut latin, mut arabic) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if crate::script::is_arabic_letter(c) {
            arabic += 1;
        }
    }
    if arabic > latin { Lang::UR } else { Lang::EN }
}

#[cfg(test)]
mod regional_tests;
#[cfg(test)]
mod tests;
