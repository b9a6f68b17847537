//! Token features, hashed straight into rows of the weight table.
//!
//! Each feature is a template number and a few bytes (a folded word, a prefix, a flag bit),
//! hashed with FNV-1a and reduced to `BITS` bits. Nothing is allocated per token: words are
//! folded character by character while hashing.

use crate::redaction::Kind;
use crate::redaction::lexicon::flag;
use crate::redaction::spans::Candidate;
use crate::redaction::tokens::{Class, Shape, Tok};

/// Rows in the weight table: 2^BITS.
pub(crate) const BITS: u32 = 18;
const MASK: u64 = (1 << BITS) - 1;

/// Name bits of the lexicon flags; training hides them on some tokens so that the model
/// also learns names that no gazetteer lists.
pub(crate) const NAME_FLAGS: u32 = flag::ANY_NAME | flag::AMBIGUOUS;

// feature templates
const BIAS: u8 = 0;
const WORD: u8 = 1;
const PREFIX: u8 = 2;
const SUFFIX: u8 = 3;
const SHAPE: u8 = 4;
const LENGTH: u8 = 5;
const OPENER: u8 = 6;
const FLAG: u8 = 7;
const PREV_WORD: u8 = 8;
const NEXT_WORD: u8 = 9;
const PREV2_WORD: u8 = 10;
const NEXT2_WORD: u8 = 11;
const PREV_FLAG: u8 = 12;
const NEXT_FLAG: u8 = 13;
const PREV_SHAPE: u8 = 14;
const NEXT_SHAPE: u8 = 15;
const PREV_TAG: u8 = 16;
const PREV_TAG_SHAPE: u8 = 17;
const SHAPE_PAIR: u8 = 18;
const PREV_TAG_WORD: u8 = 19;
const RULE: u8 = 20;
const PREV_RULE: u8 = 21;
const NEXT_RULE: u8 = 22;

/// FNV-1a over the bytes fed to it.
struct Hash(u64);

impl Hash {
    fn new(template: u8) -> Self {
        let mut h = Hash(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }
    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
    fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.byte(b);
        }
    }
    /// The row: the high bits mixed down, since FNV's low bits are weak.
    fn row(self) -> u32 {
        let h = self.0 ^ (self.0 >> 29);
        (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - BITS)) as u32 & MASK as u32
    }
}

/// The characters of a word as looked up: Latin lowercased.
fn folded(word: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    word.chars().map(|c| {
        if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        }
    })
}

fn word_row(template: u8, word: &str) -> u32 {
    let mut h = Hash::new(template);
    for c in folded(word) {
        h.char(c);
    }
    h.row()
}

/// Shape and script in one byte: class, case and whether the text is mostly Latin.
fn shape_code(t: &Tok, latin_text: bool) -> u8 {
    let class = match t.class {
        Class::Latin => 0,
        Class::Urdu => 1,
        Class::Digits => 2,
        Class::Punct => 3,
    };
    let shape = match t.shape {
        Shape::Lower => 0,
        Shape::Capital => 1,
        Shape::Upper => 2,
        Shape::Other => 3,
    };
    class << 3 | shape << 1 | u8::from(latin_text)
}

fn small(template: u8, a: u8, b: u8) -> u32 {
    let mut h = Hash::new(template);
    h.byte(a);
    h.byte(b);
    h.row()
}

/// What the features of one text need besides the tokens.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// What the rules found on each token ([`rule_evidence`]).
    pub rules: &'a [u8],
    /// More Latin than Arabic-script words.
    pub latin_text: bool,
}

/// What the rules' candidates say about each token, one code per token: 0 nothing, 1–5 a
/// name (by rising score), 8 + the kind's index another kind.
pub(crate) fn rule_evidence(toks: &[Tok], cands: &[Candidate], out: &mut Vec<u8>) {
    out.clear();
    out.resize(toks.len(), 0);
    for c in cands {
        let first = toks.partition_point(|t| (t.end as usize) <= c.start);
        for (t, e) in toks[first..].iter().zip(&mut out[first..]) {
            if t.start as usize >= c.end {
                break;
            }
            let code = if c.kind == Kind::Name {
                match c.score {
                    s if s < 0.55 => 1,
                    s if s < 0.65 => 2,
                    s if s < 0.75 => 3,
                    s if s < 0.85 => 4,
                    _ => 5,
                }
            } else {
                8 + Kind::ALL.iter().position(|&k| k == c.kind).unwrap_or(0) as u8
            };
            // a name outranks another kind on the same token; a surer name a weaker one
            if *e == 0 || (*e >= 8 && code < 8) || (code < 8 && code > *e) {
                *e = code;
            }
        }
    }
}

impl Context<'_> {
    fn neighbour(&self, i: usize, offset: isize, template: u8, out: &mut Vec<u32>) {
        let k = i as isize + offset;
        let word = if k < 0 || k as usize >= self.toks.len() {
            None
        } else {
            Some(k as usize)
        };
        match word {
            Some(k) => {
                let t = &self.toks[k];
                let w = t.text(self.text);
                // numbers differ only in their length
                if t.class == Class::Digits {
                    out.push(small(template, b'0', t.len().min(9) as u8));
                } else {
                    out.push(word_row(template, w));
                }
            }
            None => out.push(small(template, 0xff, 0)),
        }
    }

    fn flag_bits(&self, k: Option<usize>, template: u8, out: &mut Vec<u32>) {
        let f = k.map_or(0, |k| self.toks[k].flags);
        if f == 0 {
            out.push(small(template, 0xff, 0));
            return;
        }
        let mut bits = f & !flag::BLOCKED;
        while bits != 0 {
            let b = bits.trailing_zeros();
            out.push(small(template, b as u8, 0));
            bits &= bits - 1;
        }
    }

    /// Rows of the features of word token `i` that do not depend on the tags before it.
    pub(crate) fn token(&self, i: usize, out: &mut Vec<u32>) {
        out.clear();
        let t = &self.toks[i];
        let w = t.text(self.text);
        let shape = shape_code(t, self.latin_text);
        out.push(small(BIAS, 0, 0));
        out.push(word_row(WORD, w));
        let n = w.chars().count();
        for len in [2usize, 3] {
            if n > len {
                let mut h = Hash::new(PREFIX);
                h.byte(len as u8);
                for c in folded(w).take(len) {
                    h.char(c);
                }
                out.push(h.row());
                let mut h = Hash::new(SUFFIX);
                h.byte(len as u8);
                for c in folded(w).rev().take(len) {
                    h.char(c);
                }
                out.push(h.row());
            }
        }
        out.push(small(SHAPE, shape, 0));
        let length = match n {
            0..=2 => n as u8,
            3..=4 => 3,
            5..=7 => 4,
            _ => 5,
        };
        out.push(small(LENGTH, length, shape));
        out.push(small(OPENER, u8::from(t.sentence_start), shape));
        self.flag_bits(Some(i), FLAG, out);
        self.neighbour(i, -1, PREV_WORD, out);
        self.neighbour(i, 1, NEXT_WORD, out);
        self.neighbour(i, -2, PREV2_WORD, out);
        self.neighbour(i, 2, NEXT2_WORD, out);
        let prev = i.checked_sub(1);
        let next = Some(i + 1).filter(|&k| k < self.toks.len());
        self.flag_bits(prev, PREV_FLAG, out);
        self.flag_bits(next, NEXT_FLAG, out);
        let prev_shape = prev.map_or(0xff, |k| shape_code(&self.toks[k], self.latin_text));
        let next_shape = next.map_or(0xff, |k| shape_code(&self.toks[k], self.latin_text));
        out.push(small(PREV_SHAPE, prev_shape, shape));
        out.push(small(NEXT_SHAPE, next_shape, shape));
        let rule = self.rules[i];
        out.push(small(RULE, rule, shape));
        out.push(small(PREV_RULE, prev.map_or(0xff, |k| self.rules[k]), rule));
        out.push(small(NEXT_RULE, next.map_or(0xff, |k| self.rules[k]), rule));
        let mut h = Hash::new(SHAPE_PAIR);
        h.byte(prev_shape);
        h.byte(shape);
        h.byte(next_shape);
        out.push(h.row());
    }

    /// Rows of the features that depend on the tag of the previous word.
    pub(crate) fn with_prev_tag(&self, i: usize, prev_tag: u8, out: &mut [u32; 3]) {
        let t = &self.toks[i];
        let shape = shape_code(t, self.latin_text);
        out[0] = small(PREV_TAG, prev_tag, 0);
        out[1] = small(PREV_TAG_SHAPE, prev_tag, shape);
        let mut h = Hash::new(PREV_TAG_WORD);
        h.byte(prev_tag);
        for c in folded(t.text(self.text)) {
            h.char(c);
        }
        out[2] = h.row();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redaction::lexicon::Lexicon;
    use crate::redaction::tokens::tokenize;

    fn rows(text: &str) -> Vec<Vec<u32>> {
        let mut toks = Vec::new();
        tokenize(text, Lexicon::get(), &mut toks);
        let rules = vec![0; toks.len()];
        let ctx = Context {
            text,
            toks: &toks,
            rules: &rules,
            latin_text: true,
        };
        let mut out = Vec::new();
        (0..toks.len())
            .map(|i| {
                ctx.token(i, &mut out);
                out.clone()
            })
            .collect()
    }

    #[test]
    fn features_are_the_same_every_time_and_fold_case() {
        let a = rows("mera naam Zarmeen hai");
        assert_eq!(a, rows("mera naam Zarmeen hai"));
        assert!(a.iter().flatten().all(|&r| u64::from(r) <= MASK));
        // the word feature ignores case; the shape feature does not
        let b = rows("mera naam zarmeen hai");
        assert_eq!(a[2][1], b[2][1]);
        assert_ne!(a[2], b[2]);
    }
}
