//! Training the name tagger: an averaged perceptron over the engine's tokens, greedy left
//! to right with the predicted previous tag, the same as decoding. Deterministic: the same
//! examples, options and seed give the same weights, bit for bit.

use super::features::{
    BITS, Context, NAME_FLAGS, TAG_WORD_ROW, WORD_ROW, hash_tokens, rule_evidence, skipped,
};
use super::{B, I, LABELS, NameModel, O, START, best_tag};
use crate::redaction::detectors;
use crate::redaction::lexicon::{Lexicon, flag};
use crate::redaction::normalise::Normalised;
use crate::redaction::tokens::{Class, Tok, tokenize};

/// A training text and its person names, in characters of the text (end exclusive).
#[derive(Debug, Clone)]
pub struct Example {
    /// The text.
    pub text: String,
    /// Person names in it.
    pub names: Vec<(usize, usize)>,
}

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the examples.
    pub epochs: usize,
    /// Seed of the shuffles and of the hidden gazetteer flags.
    pub seed: u64,
    /// Share of words whose gazetteer name flags are hidden, so that the model also learns
    /// the names no gazetteer lists.
    pub hide_names: f64,
    /// The same share for Urdu-script words: most Urdu names a survivor writes are in no
    /// list, and IL-NER's are mostly foreign to the lists, so Urdu needs more hiding than
    /// Latin script, where it costs English names.
    pub hide_urdu_names: f64,
    /// Share of words whose identity (the word itself, not its affixes or neighbours) is
    /// hidden, so that the model learns what an unseen word's context says.
    pub hide_words: f64,
}

/// xorshift64*: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A row left out of an update (a hidden word's identity).
const NO_ROW: u32 = u32::MAX;

/// One example, reduced to what the updates need.
struct Prepared {
    /// Feature rows of every word, one after the other.
    rows: Vec<u32>,
    /// Where each word's rows start in `rows` (one more entry at the end).
    offsets: Vec<u32>,
    /// Rows of the previous-tag features, for each of the four previous tags.
    tag_rows: Vec<[[u32; 3]; 4]>,
    /// The true tag of each word.
    gold: Vec<u8>,
    /// The tag history is reset before the word: to START after a line break or a
    /// placeholder, to O after a skipped word ([`skipped`]).
    reset: Vec<Option<u8>>,
}

fn prepare(ex: &Example, rng: &mut Rng, opts: &TrainOptions) -> Prepared {
    let norm = Normalised::new(&ex.text);
    let mut toks: Vec<Tok> = Vec::new();
    tokenize(norm.text(), Lexicon::get(), &mut toks);
    // the rules run on the hidden flags too, so their evidence is what they would find
    // for a name no gazetteer lists
    for t in &mut toks {
        let share = if t.class == Class::Urdu {
            opts.hide_urdu_names
        } else {
            opts.hide_names
        };
        if t.flags & NAME_FLAGS != 0 && rng.unit() < share {
            t.flags &= !NAME_FLAGS;
        }
    }
    let mut cands = Vec::new();
    detectors::run(norm.text(), &mut toks, &mut cands);
    let mut rules = Vec::new();
    rule_evidence(&toks, &cands, &mut rules);
    let latin = toks.iter().filter(|t| t.class == Class::Latin).count();
    let urdu = toks.iter().filter(|t| t.class == Class::Urdu).count();
    let mut hashed = Vec::new();
    hash_tokens(norm.text(), &toks, latin >= urdu, &mut hashed);
    let ctx = Context {
        toks: &toks,
        hashed: &hashed,
        rules: &rules,
    };
    let mut p = Prepared {
        rows: Vec::new(),
        offsets: vec![0],
        tag_rows: Vec::new(),
        gold: Vec::new(),
        reset: Vec::new(),
    };
    let mut buf = Vec::new();
    let mut seen = vec![false; ex.names.len()];
    let mut pending = None;
    for (i, t) in toks.iter().enumerate() {
        if t.gap == 2 || t.has(flag::BLOCKED) {
            pending = Some(START);
        }
        if !t.is_word() || t.has(flag::BLOCKED) {
            continue;
        }
        if skipped(t) {
            pending = Some(O);
            continue;
        }
        let (a, b) = (
            norm.orig_char(t.start as usize),
            norm.orig_char(t.end as usize),
        );
        let name = ex.names.iter().position(|&(s, e)| a < e && s < b);
        let tag = match name {
            // a name continues only over scored words
            Some(k) if seen[k] && pending.is_none() => I,
            Some(k) => {
                seen[k] = true;
                B
            }
            None => O,
        };
        ctx.token(i, &mut buf);
        let hide_word = opts.hide_words > 0.0 && rng.unit() < opts.hide_words;
        if hide_word {
            buf.remove(WORD_ROW);
        }
        p.rows.extend_from_slice(&buf);
        p.offsets.push(p.rows.len() as u32);
        let mut tr = [[0u32; 3]; 4];
        for (prev, r) in tr.iter_mut().enumerate() {
            ctx.with_prev_tag(i, prev as u8, r);
            if hide_word {
                r[TAG_WORD_ROW] = NO_ROW;
            }
        }
        p.tag_rows.push(tr);
        p.gold.push(tag);
        p.reset.push(pending.take());
    }
    p
}

/// Trains a model on `examples` (decision offset 0).
pub fn train(examples: &[Example], opts: &TrainOptions) -> NameModel {
    let mut rng = Rng(opts.seed.max(1));
    let prepared: Vec<Prepared> = examples
        .iter()
        .map(|e| prepare(e, &mut rng, opts))
        .collect();
    let size = (1usize << BITS) * LABELS;
    let mut w = vec![0f32; size];
    // sum over time of the updates, each weighted by when it happened, for the average
    let mut u = vec![0f64; size];
    let mut clock = 1f64;
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    for _ in 0..opts.epochs {
        for k in (1..order.len()).rev() {
            let j = rng.below(k + 1);
            order.swap(k, j);
        }
        for &e in &order {
            let p = &prepared[e];
            let mut prev = START;
            for n in 0..p.gold.len() {
                if let Some(r) = p.reset[n] {
                    prev = r;
                }
                let rows = &p.rows[p.offsets[n] as usize..p.offsets[n + 1] as usize];
                let tag_rows = &p.tag_rows[n][usize::from(prev)];
                let mut s = [0f32; LABELS];
                for &r in rows.iter().chain(tag_rows).filter(|&&r| r != NO_ROW) {
                    let r = r as usize * LABELS;
                    s[0] += w[r];
                    s[1] += w[r + 1];
                    s[2] += w[r + 2];
                }
                let (pred, _) = best_tag(prev, s[0], s[1], s[2]);
                let gold = p.gold[n];
                if pred != gold {
                    for &r in rows.iter().chain(tag_rows).filter(|&&r| r != NO_ROW) {
                        let r = r as usize * LABELS;
                        w[r + usize::from(gold)] += 1.0;
                        w[r + usize::from(pred)] -= 1.0;
                        u[r + usize::from(gold)] += clock;
                        u[r + usize::from(pred)] -= clock;
                    }
                }
                clock += 1.0;
                prev = pred;
            }
        }
    }
    let avg: Vec<f32> = w
        .iter()
        .zip(&u)
        .map(|(&w, &u)| (f64::from(w) - u / clock) as f32)
        .collect();
    let max = avg.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-6);
    let scale = max / f32::from(i16::MAX);
    NameModel {
        weights: avg
            .iter()
            .map(|&x| (x / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect(),
        scale,
        o_bias: 0.0,
        latin_o_bias: 0.0,
        lower_o_bias: 0.0,
        keep_rules: 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn examples() -> Vec<Example> {
        let mut out = Vec::new();
        for (g, f) in [("Ayesha", "Khan"), ("Bilal", "Ahmed"), ("Sana", "Malik")] {
            let text = format!("Yesterday {g} {f} sent me a message.");
            let s = "Yesterday ".chars().count();
            let e = s + g.chars().count() + 1 + f.chars().count();
            out.push(Example {
                text,
                names: vec![(s, e)],
            });
        }
        out
    }

    #[test]
    fn training_is_reproducible_and_learns_its_examples() {
        let opts = TrainOptions {
            epochs: 3,
            seed: 5,
            hide_names: 0.5,
            hide_urdu_names: 0.5,
            hide_words: 0.2,
        };
        let a = train(&examples(), &opts);
        let b = train(&examples(), &opts);
        assert_eq!(a.to_bytes(), b.to_bytes());
        let found = a.names("Yesterday Bilal Ahmed sent me a message.");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0, found[0].1), (10, 21));
    }
}
