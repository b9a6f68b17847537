//! A learned tagger for person names, beside the rules.
//!
//! An averaged perceptron tags each word of the engine's own tokens as outside a name (O),
//! beginning one (B) or inside one (I), left to right, from hashed features: the folded
//! word, its prefixes and suffixes, case and script, the lexicon flags the rules use
//! (gazetteers, cues, titles, honorifics), what the rules found on and beside it, the
//! words around it and the tag of the word before. Words the lists know are never names
//! are tagged O unscored, which keeps it fast. The weights (`data/redaction/name-model.bin`) are trained by
//! `cargo run --release -p naqsha-core --example train_names` (see
//! `data/redaction/name-model.md`) and compiled in; nothing is downloaded at run time.
//!
//! How the two combine: the rules alone decide every structured kind, and a model name
//! wholly inside such a span is dropped; the rules' Latin-script names and their sure
//! (cue-backed) Urdu-script names stay; their weaker Urdu-script names are left to the
//! model; overlapping spans are merged into their union as before.

mod features;
mod train;

use std::sync::OnceLock;

use features::{BITS, Context};
pub use train::{Example, TrainOptions, train};

use super::Kind;
use super::detectors::name::verb_before_auxiliary;
use super::lexicon::{Lexicon, flag};
use super::normalise::Normalised;
use super::spans::Candidate;
use super::tokens::{Class, Shape, Tok, tokenize};

const SHIPPED: &[u8] = include_bytes!("../../../../../data/redaction/name-model.bin");
const MAGIC: &[u8; 4] = b"NQNM";
const VERSION: u8 = 3;
const HEADER: usize = 28;
/// Tags: outside, beginning, inside; `START` is the "tag" before the first word.
const LABELS: usize = 3;
const O: u8 = 0;
const B: u8 = 1;
const I: u8 = 2;
const START: u8 = 3;

/// A weights file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// Not a name-model file of this version and size.
    #[error("not a name-model file (version {VERSION}, 2^{BITS} rows)")]
    Format,
}

/// The trained name tagger: quantised weights and the decision offset.
pub struct NameModel {
    /// `LABELS` weights per feature row, in units of `scale`.
    weights: Vec<i16>,
    scale: f32,
    /// Added to the score of O for Urdu-script words: higher means fewer, surer names.
    /// Chosen on Urdu tuning text (IL-NER train's tenth).
    o_bias: f32,
    /// The same for Latin-script words that are not lower case (capitalised, all capitals),
    /// chosen on English and Roman-Urdu tuning text (presidio's training quarter and the
    /// Latin tuning part): one offset for all scripts either cost Urdu names or took
    /// English and Roman-Urdu words for names.
    latin_o_bias: f32,
    /// The same for lower-case Latin-script words, chosen on English and Roman-Urdu
    /// tuning text: IL-NER, which chooses `o_bias`, has no Latin script, and a lower-case
    /// name ("meri dost sadia ne") is rare among lower-case words ("case jari hai").
    lower_o_bias: f32,
    /// The rules' Urdu-script names scoring below this are left to the model (dropped
    /// unless it finds them too); 0 keeps them all.
    keep_rules: f32,
}

impl std::fmt::Debug for NameModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameModel")
            .field("rows", &(self.weights.len() / LABELS))
            .field("scale", &self.scale)
            .field("o_bias", &self.o_bias)
            .field("latin_o_bias", &self.latin_o_bias)
            .field("lower_o_bias", &self.lower_o_bias)
            .field("keep_rules", &self.keep_rules)
            .finish()
    }
}

impl NameModel {
    /// The compiled-in model, read on first use; `None` if the file is not a model.
    pub fn shipped() -> Option<&'static NameModel> {
        static MODEL: OnceLock<Option<NameModel>> = OnceLock::new();
        MODEL
            .get_or_init(|| NameModel::from_bytes(SHIPPED).ok())
            .as_ref()
    }

    /// Reads a weights file.
    pub fn from_bytes(bytes: &[u8]) -> Result<NameModel, ModelError> {
        let rows = 1usize << BITS;
        if bytes.len() != HEADER + rows * LABELS * 2
            || &bytes[..4] != MAGIC
            || bytes[4] != VERSION
            || u32::from(bytes[5]) != BITS
            || usize::from(bytes[6]) != LABELS
        {
            return Err(ModelError::Format);
        }
        let f32_at =
            |i: usize| f32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        let scale = f32_at(8);
        let o_bias = f32_at(12);
        let keep_rules = f32_at(16);
        let lower_o_bias = f32_at(20);
        let latin_o_bias = f32_at(24);
        if !(scale.is_finite()
            && latin_o_bias.is_finite()
            && scale > 0.0
            && o_bias.is_finite()
            && keep_rules.is_finite()
            && lower_o_bias.is_finite())
        {
            return Err(ModelError::Format);
        }
        let weights = bytes[HEADER..]
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Ok(NameModel {
            weights,
            scale,
            o_bias,
            latin_o_bias,
            lower_o_bias,
            keep_rules,
        })
    }

    /// The weights file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + self.weights.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[VERSION, BITS as u8, LABELS as u8, 0]);
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.o_bias.to_le_bytes());
        out.extend_from_slice(&self.keep_rules.to_le_bytes());
        out.extend_from_slice(&self.lower_o_bias.to_le_bytes());
        out.extend_from_slice(&self.latin_o_bias.to_le_bytes());
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// The same model with another decision offset for Urdu-script (non-Latin) words.
    pub fn with_o_bias(mut self, o_bias: f32) -> Self {
        self.o_bias = o_bias;
        self
    }

    /// The same model with another decision offset for Latin-script words that are not
    /// lower case.
    pub fn with_latin_o_bias(mut self, latin_o_bias: f32) -> Self {
        self.latin_o_bias = latin_o_bias;
        self
    }

    /// The same model with another decision offset for lower-case Latin-script words.
    pub fn with_lower_o_bias(mut self, lower_o_bias: f32) -> Self {
        self.lower_o_bias = lower_o_bias;
        self
    }

    /// The same model keeping the rules' names that score at least `keep_rules`.
    pub fn with_keep_rules(mut self, keep_rules: f32) -> Self {
        self.keep_rules = keep_rules;
        self
    }

    /// The decision offset of Urdu-script (non-Latin) words.
    pub fn o_bias(&self) -> f32 {
        self.o_bias
    }

    /// The decision offset of Latin-script words that are not lower case.
    pub fn latin_o_bias(&self) -> f32 {
        self.latin_o_bias
    }

    /// The offset of lower-case Latin-script words.
    pub fn lower_o_bias(&self) -> f32 {
        self.lower_o_bias
    }

    /// The least score of a rules' name that is kept without the model's agreement.
    pub fn keep_rules(&self) -> f32 {
        self.keep_rules
    }

    /// Names the model finds in `text` (with the rules' findings as evidence, but without
    /// the rules' own names): (start, end, score), in characters of `text`.
    pub fn names(&self, text: &str) -> Vec<(usize, usize, f32)> {
        let norm = Normalised::new(text);
        let mut toks = Vec::new();
        tokenize(norm.text(), Lexicon::get(), &mut toks);
        let mut cands = Vec::new();
        super::detectors::run(norm.text(), &mut toks, &mut cands);
        let mut rules = Vec::new();
        features::rule_evidence(&toks, &cands, &mut rules);
        let mut found = Vec::new();
        self.tag(norm.text(), &toks, &rules, &mut found);
        found
            .iter()
            .map(|c| (norm.orig_char(c.start), norm.orig_char(c.end), c.score))
            .collect()
    }

    /// Tags the words of `toks`, reading the rules' candidates in `out` as evidence; drops
    /// the rules' Urdu-script names scoring below `keep_rules` and pushes one name per
    /// B I… run.
    pub(crate) fn propose(&self, text: &str, toks: &[Tok], out: &mut Vec<Candidate>) {
        let mut rules = Vec::new();
        features::rule_evidence(toks, out, &mut rules);
        // only Urdu-script names are left to the model: the tuning data (IL-NER train) is
        // Urdu, and in Latin script the rules' weak names are right more often than not
        out.retain(|c| {
            c.kind != Kind::Name
                || c.score >= self.keep_rules
                || text.as_bytes().get(c.start).is_some_and(u8::is_ascii)
        });
        self.tag(text, toks, &rules, out);
    }

    /// Pushes the model's names in `toks` to `out`, given the rules' evidence per token.
    fn tag(&self, text: &str, toks: &[Tok], rules: &[u8], out: &mut Vec<Candidate>) {
        let latin = toks.iter().filter(|t| t.class == Class::Latin).count();
        let roman = std::cell::OnceCell::new();
        let urdu = toks.iter().filter(|t| t.class == Class::Urdu).count();
        let mut hashed = Vec::with_capacity(toks.len());
        features::hash_tokens(text, toks, latin >= urdu, &mut hashed);
        let ctx = Context {
            toks,
            hashed: &hashed,
            rules,
        };
        let o_bias = self.o_bias / self.scale;
        let lower_o_bias = self.lower_o_bias / self.scale;
        let latin_o_bias = self.latin_o_bias / self.scale;
        let mut rows = Vec::with_capacity(40);
        let mut tag_rows = [0u32; 3];
        let mut prev = START;
        // the open span: first token, last token, smallest margin
        let mut open: Option<(usize, usize, f32)> = None;
        for (i, t) in toks.iter().enumerate() {
            if t.gap == 2 || t.has(flag::BLOCKED) {
                prev = START;
                close(text, toks, rules, &roman, &mut open, self.scale, out);
            }
            if !t.is_word() || t.has(flag::BLOCKED) {
                continue;
            }
            if features::skipped(t) {
                prev = O;
                close(text, toks, rules, &roman, &mut open, self.scale, out);
                continue;
            }
            ctx.token(i, &mut rows);
            ctx.with_prev_tag(i, prev, &mut tag_rows);
            let mut s = [0i32; LABELS];
            for &r in rows.iter().chain(&tag_rows) {
                let w = &self.weights[r as usize * LABELS..r as usize * LABELS + LABELS];
                s[0] += i32::from(w[0]);
                s[1] += i32::from(w[1]);
                s[2] += i32::from(w[2]);
            }
            let so = s[0] as f32
                + match (t.class, t.shape) {
                    (Class::Latin, Shape::Lower) => lower_o_bias,
                    (Class::Latin, _) => latin_o_bias,
                    _ => o_bias,
                };
            let (tag, best) = best_tag(prev, so, s[1] as f32, s[2] as f32);
            let margin = best - so;
            match tag {
                B => {
                    close(text, toks, rules, &roman, &mut open, self.scale, out);
                    open = Some((i, i, margin));
                }
                I => {
                    if let Some(o) = open.as_mut() {
                        o.1 = i;
                        o.2 = o.2.min(margin);
                    }
                }
                _ => close(text, toks, rules, &roman, &mut open, self.scale, out),
            }
            prev = tag;
        }
        close(text, toks, rules, &roman, &mut open, self.scale, out);
    }
}

/// The best tag after `prev` (I only continues a name) and its score.
fn best_tag(prev: u8, o: f32, b: f32, i: f32) -> (u8, f32) {
    let mut best = (O, o);
    if b > best.1 {
        best = (B, b);
    }
    if (prev == B || prev == I) && i > best.1 {
        best = (I, i);
    }
    best
}

/// A lone Latin word no list knows, whose case says nothing (lowercase, or opening a
/// sentence), with no cue before it, no word after it that marks a person ("ne", "ko",
/// "sahab") and nothing the rules found on it: "chalne", "Chaar mahine", "Maqami thane".
/// Such guesses were most of what the tagger added to Roman-Urdu text without names.
fn lone_guess(text: &str, toks: &[Tok], rules: &[u8], first: usize, last: usize) -> bool {
    let t = &toks[first];
    if first != last
        || t.class != Class::Latin
        || t.has(flag::ANY_NAME | flag::AMBIGUOUS | flag::NAME_PART)
        || rules[first] & 7 != 0
        || !(t.shape == Shape::Lower || t.sentence_start)
    {
        return false;
    }
    let cued = cued_before(toks, first) && !verb_before_auxiliary(text, toks, first);
    let marked = toks.get(last + 1).is_some_and(|n| {
        n.gap < 2
            && n.is_word()
            && (n.has(flag::HONORIFIC)
                || LONE_MARKERS
                    .iter()
                    .any(|m| m.eq_ignore_ascii_case(n.text(text))))
    });
    !cued && !marked
}

/// Whether a name cue, title or relation stands in the two tokens before token `first`.
fn cued_before(toks: &[Tok], first: usize) -> bool {
    toks[first.saturating_sub(2)..first]
        .iter()
        .any(|p| p.has(flag::NAME_CUE | flag::TITLE | flag::RELATION))
}

/// Words after a lone guess that mark a person: "zarnish ne", "tabeer ko", "aur". The
/// possessives ("ka", "ki", "ke") are left out: "Kaam ki jagah", "Ghar ka malik".
const LONE_MARKERS: &[&str] = &["ne", "ko", "aur", "sahab", "sahib", "saab", "bhai", "ji"];

/// Roman-Urdu words that English text does not use: two of them make a text Roman Urdu.
const ROMAN_FUNCTION_WORDS: &[&str] = &[
    "hai", "hain", "ke", "ki", "ka", "ko", "ne", "se", "mein", "aur", "bhi", "nahi", "tha", "thi",
    "kya", "woh", "yeh",
];

/// Whether `text` is (partly) Roman Urdu, where lowercase and sentence-initial words say
/// nothing about names and the tagger's lone guesses are mostly ordinary words; in English
/// (presidio-research) lowercase names are common and are left to the tagger.
fn roman_urdu(text: &str, toks: &[Tok]) -> bool {
    toks.iter()
        .filter(|t| {
            t.class == Class::Latin && t.len() <= 4 && {
                let w = t.text(text);
                ROMAN_FUNCTION_WORDS
                    .iter()
                    .any(|f| f.eq_ignore_ascii_case(w))
            }
        })
        .nth(1)
        .is_some()
}

/// Ends the open span, if any, as a name candidate scored by its least sure word.
fn close(
    text: &str,
    toks: &[Tok],
    rules: &[u8],
    roman: &std::cell::OnceCell<bool>,
    open: &mut Option<(usize, usize, f32)>,
    scale: f32,
    out: &mut Vec<Candidate>,
) {
    let Some((first, last, margin)) = open.take() else {
        return;
    };
    // the rules decide structured kinds: a "name" wholly inside an address, organisation,
    // e-mail … that they found is a word of it, not a person
    let inside_other =
        (first..=last).all(|k| !toks[k].is_word() || rules[k] & features::OTHER_KIND != 0);
    // one word with nothing the rules found on it
    let t = &toks[first];
    let lone = first == last && rules[first] & 7 == 0;
    // a lone word the lists say is never a name alone ("ابو" is a father, "said" a verb),
    // an honorific, relation or title alone ("ڈاکٹر صاحب", "مولوی") or a verb before its
    // auxiliary ("کزن کہتا ہے")
    let listed_never = lone
        && (t.has(flag::STOP)
            || (t.has(flag::HONORIFIC | flag::RELATION) && !t.has(flag::NAME_PART))
            // "Haji bhai ne" names someone in Roman Urdu; "مولوی" alone is the title
            || (t.has(flag::TITLE) && t.class == Class::Urdu && !t.has(flag::NAME_PART))
            || verb_before_auxiliary(text, toks, first));
    // a lone place the gazetteer knows ("near Sukkur") or a short acronym ("DPO ne
    // bataya", "HR ko email ki") that no name list holds and nothing cues is no person
    let place_or_acronym = lone
        && !cued_before(toks, first)
        && ((t.has(flag::PLACE) && !t.has(flag::ANY_NAME | flag::AMBIGUOUS | flag::NAME_PART))
            // "SIM" is also in the international name list; a Pakistani name stays ("ALI")
            || (t.class == Class::Latin
                && t.shape == Shape::Upper
                && t.len() <= 3
                && !t.has(flag::GIVEN | flag::FAMILY | flag::AMBIGUOUS | flag::NAME_PART)));
    // a caste, clan or people word standing alone ("بلوچ خواتین", "Baloch women") is a name
    // only where the rules found a cue for it (data/names/name-parts.txt, section [common])
    let lone_people_word = lone && t.has(flag::NAME_PART_COMMON);
    if inside_other
        || listed_never
        || place_or_acronym
        || lone_people_word
        || (lone_guess(text, toks, rules, first, last)
            && *roman.get_or_init(|| roman_urdu(text, toks)))
    {
        return;
    }
    // a margin of 0 is a coin toss (0.5); the score stays below the rules' cue-backed 0.85
    let sure = 1.0 - (-margin * scale).exp();
    out.push(Candidate {
        start: toks[first].start as usize,
        end: toks[last].end as usize,
        kind: Kind::Name,
        score: 0.5 + 0.3 * sure.clamp(0.0, 1.0),
    });
}

#[cfg(test)]
mod tests;
