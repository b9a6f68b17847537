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
use super::lexicon::{Lexicon, flag};
use super::normalise::Normalised;
use super::spans::Candidate;
use super::tokens::{Class, Tok, tokenize};

const SHIPPED: &[u8] = include_bytes!("../../../../../data/redaction/name-model.bin");
const MAGIC: &[u8; 4] = b"NQNM";
const VERSION: u8 = 1;
const HEADER: usize = 20;
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
    /// Added to the score of O: higher means fewer, surer names.
    o_bias: f32,
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
        if !(scale.is_finite() && scale > 0.0 && o_bias.is_finite() && keep_rules.is_finite()) {
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
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// The same model with another decision offset.
    pub fn with_o_bias(mut self, o_bias: f32) -> Self {
        self.o_bias = o_bias;
        self
    }

    /// The same model keeping the rules' names that score at least `keep_rules`.
    pub fn with_keep_rules(mut self, keep_rules: f32) -> Self {
        self.keep_rules = keep_rules;
        self
    }

    /// The decision offset.
    pub fn o_bias(&self) -> f32 {
        self.o_bias
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
        let urdu = toks.iter().filter(|t| t.class == Class::Urdu).count();
        let mut hashed = Vec::with_capacity(toks.len());
        features::hash_tokens(text, toks, latin >= urdu, &mut hashed);
        let ctx = Context {
            toks,
            hashed: &hashed,
            rules,
        };
        let o_bias = self.o_bias / self.scale;
        let mut rows = Vec::with_capacity(40);
        let mut tag_rows = [0u32; 3];
        let mut prev = START;
        // the open span: first token, last token, smallest margin
        let mut open: Option<(usize, usize, f32)> = None;
        for (i, t) in toks.iter().enumerate() {
            if t.gap == 2 || t.has(flag::BLOCKED) {
                prev = START;
                close(toks, rules, &mut open, self.scale, out);
            }
            if !t.is_word() || t.has(flag::BLOCKED) {
                continue;
            }
            if features::skipped(t) {
                prev = O;
                close(toks, rules, &mut open, self.scale, out);
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
            let so = s[0] as f32 + o_bias;
            let (tag, best) = best_tag(prev, so, s[1] as f32, s[2] as f32);
            let margin = best - so;
            match tag {
                B => {
                    close(toks, rules, &mut open, self.scale, out);
                    open = Some((i, i, margin));
                }
                I => {
                    if let Some(o) = open.as_mut() {
                        o.1 = i;
                        o.2 = o.2.min(margin);
                    }
                }
                _ => close(toks, rules, &mut open, self.scale, out),
            }
            prev = tag;
        }
        close(toks, rules, &mut open, self.scale, out);
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

/// Ends the open span, if any, as a name candidate scored by its least sure word.
fn close(
    toks: &[Tok],
    rules: &[u8],
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
    if inside_other {
        return;
    }
    // a caste, clan or people word standing alone ("بلوچ خواتین", "Baloch women") is a name
    // only where the rules found a cue for it (data/names/name-parts.txt, section [common])
    if first == last && toks[first].has(flag::NAME_PART_COMMON) && rules[first] & 7 == 0 {
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
