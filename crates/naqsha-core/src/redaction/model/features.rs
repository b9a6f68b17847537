//! Token features, hashed into rows of the weight table.
//!
//! Each token's folded word and affixes are hashed once per text (FNV-1a, folding character
//! by character, no allocation); a feature is then a template number and one or two of those
//! hashes or small codes, mixed and reduced to `BITS` bits.

use crate::redaction::Kind;
use crate::redaction::lexicon::flag;
use crate::redaction::spans::Candidate;
use crate::redaction::tokens::{Class, Shape, Tok};

/// Rows in the weight table: 2^BITS.
pub(crate) const BITS: u32 = 18;

/// Name bits of the lexicon flags; training hides them on some tokens so that the model
/// also learns names that no gazetteer lists.
pub(crate) const NAME_FLAGS: u32 = flag::ANY_NAME | flag::AMBIGUOUS;

/// Where [`Context::token`] puts the word's own row, and [`Context::with_prev_tag`] the
/// row of the word with the previous tag (training hides them for some words).
pub(crate) const WORD_ROW: usize = 1;
pub(crate) const TAG_WORD_ROW: usize = 2;

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
}

/// The row of a feature: its template and up to two values, mixed (splitmix64).
fn row(template: u8, a: u64, b: u64) -> u32 {
    let mut h = a ^ (u64::from(template) << 56) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    (h >> (64 - BITS)) as u32
}

/// The characters of a word as looked up: Latin lowercased. Arabic-script letters have no
/// case, so they skip the Unicode case table (most of an Urdu text's cost here); their
/// variants were folded when the text was normalised ([`crate::script::fold_letter`]).
fn folded(word: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    word.chars().map(|c| {
        if c.is_ascii() {
            c.to_ascii_lowercase()
        } else if crate::script::is_arabic_script(c) {
            c
        } else {
            c.to_lowercase().next().unwrap_or(c)
        }
    })
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

/// What the features need of one token, hashed once per text.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Hashed {
    /// The folded word (numbers: only their length).
    word: u64,
    /// The first two, last two, first three and last three characters (0 when the word is
    /// not longer than that).
    affixes: [u64; 4],
    /// Characters, capped at 255.
    chars: u8,
    shape: u8,
}

/// Hashes every token of `toks` into `out`.
pub(crate) fn hash_tokens(text: &str, toks: &[Tok], latin_text: bool, out: &mut Vec<Hashed>) {
    out.clear();
    for t in toks {
        let mut h = Hashed {
            shape: shape_code(t, latin_text),
            ..Hashed::default()
        };
        if t.class == Class::Digits {
            h.word = t.len().min(9) as u64 + 1;
            out.push(h);
            continue;
        }
        let w = t.text(text);
        let mut word = Hash::new(WORD);
        let mut pre = [Hash::new(PREFIX), Hash::new(PREFIX)];
        let mut n = 0usize;
        for c in folded(w) {
            word.char(c);
            if n < 2 {
                pre[0].char(c);
            }
            if n < 3 {
                pre[1].char(c);
            }
            n += 1;
        }
        h.word = word.0;
        h.chars = n.min(255) as u8;
        // a skipped word is never scored, so only its word and shape (read by its
        // neighbours) are needed, not its affixes
        if t.is_word() && n > 2 && !skipped(t) {
            let mut suf = [Hash::new(SUFFIX), Hash::new(SUFFIX)];
            for (k, c) in folded(w).rev().take(3).enumerate() {
                if k < 2 {
                    suf[0].char(c);
                }
                suf[1].char(c);
            }
            h.affixes[0] = pre[0].0;
            h.affixes[1] = suf[0].0;
            if n > 3 {
                h.affixes[2] = pre[1].0;
                h.affixes[3] = suf[1].0;
            }
        }
        out.push(h);
    }
}

/// What the features of one text need besides the tokens.
pub(crate) struct Context<'a> {
    pub toks: &'a [Tok],
    /// [`hash_tokens`] of the tokens.
    pub hashed: &'a [Hashed],
    /// What the rules found on each token ([`rule_evidence`]).
    pub rules: &'a [u8],
}

/// Set in a token's rule evidence when another kind than a name covers it.
pub(crate) const OTHER_KIND: u8 = 16;

/// What the rules' candidates say about each token, one code per token: the surest name
/// over it (0 none, 1–5 by rising score), plus [`OTHER_KIND`] when another kind covers it.
pub(crate) fn rule_evidence(toks: &[Tok], cands: &[Candidate], out: &mut Vec<u8>) {
    out.clear();
    out.resize(toks.len(), 0);
    for c in cands {
        let first = toks.partition_point(|t| (t.end as usize) <= c.start);
        let code = if c.kind == Kind::Name {
            match c.score {
                s if s < 0.55 => 1,
                s if s < 0.65 => 2,
                s if s < 0.75 => 3,
                s if s < 0.85 => 4,
                _ => 5,
            }
        } else {
            OTHER_KIND
        };
        for (t, e) in toks[first..].iter().zip(&mut out[first..]) {
            if t.start as usize >= c.end {
                break;
            }
            if code == OTHER_KIND {
                *e |= OTHER_KIND;
            } else if code > *e & 7 {
                *e = (*e & OTHER_KIND) | code;
            }
        }
    }
}

/// Words the lists know as never part of a name (function words, frequent Urdu words,
/// common English words, the words of laws and institutions): tagged O without scoring, in training and use alike.
pub(crate) fn skipped(t: &Tok) -> bool {
    t.has(flag::NEVER_NAME)
        || (t.has(flag::STOP | flag::URDU_COMMON | flag::COMMON_EN) && !t.has(NAME_FLAGS))
}

impl Context<'_> {
    fn neighbour(&self, i: usize, offset: isize) -> Option<usize> {
        let k = i as isize + offset;
        (k >= 0 && (k as usize) < self.toks.len()).then_some(k as usize)
    }

    fn flag_bits(&self, k: Option<usize>, template: u8, out: &mut Vec<u32>) {
        let f = k.map_or(0, |k| self.toks[k].flags) & !flag::BLOCKED;
        if f == 0 {
            out.push(row(template, 0, 0));
            return;
        }
        let mut bits = f;
        while bits != 0 {
            let b = bits.trailing_zeros();
            out.push(row(template, u64::from(b) + 1, 0));
            bits &= bits - 1;
        }
    }

    /// Rows of the features of word token `i` that do not depend on the tags before it.
    pub(crate) fn token(&self, i: usize, out: &mut Vec<u32>) {
        out.clear();
        let h = &self.hashed[i];
        let shape = u64::from(h.shape);
        out.push(row(BIAS, 0, 0));
        out.push(row(WORD, h.word, 0));
        for (k, &a) in h.affixes.iter().enumerate() {
            if a != 0 {
                out.push(row(if k % 2 == 0 { PREFIX } else { SUFFIX }, a, 0));
            }
        }
        out.push(row(SHAPE, shape, 0));
        let length = match h.chars {
            0..=2 => u64::from(h.chars),
            3..=4 => 3,
            5..=7 => 4,
            _ => 5,
        };
        out.push(row(LENGTH, length, shape));
        out.push(row(OPENER, u64::from(self.toks[i].sentence_start), shape));
        self.flag_bits(Some(i), FLAG, out);
        let word_of = |k: Option<usize>| k.map_or(u64::MAX, |k| self.hashed[k].word);
        let prev = self.neighbour(i, -1);
        let next = self.neighbour(i, 1);
        out.push(row(PREV_WORD, word_of(prev), 0));
        out.push(row(NEXT_WORD, word_of(next), 0));
        out.push(row(PREV2_WORD, word_of(self.neighbour(i, -2)), 0));
        out.push(row(NEXT2_WORD, word_of(self.neighbour(i, 2)), 0));
        self.flag_bits(prev, PREV_FLAG, out);
        self.flag_bits(next, NEXT_FLAG, out);
        let prev_shape = prev.map_or(0xff, |k| u64::from(self.hashed[k].shape));
        let next_shape = next.map_or(0xff, |k| u64::from(self.hashed[k].shape));
        out.push(row(PREV_SHAPE, prev_shape, shape));
        out.push(row(NEXT_SHAPE, next_shape, shape));
        out.push(row(SHAPE_PAIR, prev_shape << 8 | next_shape, shape));
        let rule = u64::from(self.rules[i]);
        let rule_of = |k: Option<usize>| k.map_or(0xff, |k| u64::from(self.rules[k]));
        out.push(row(RULE, rule, shape));
        out.push(row(PREV_RULE, rule_of(prev), rule));
        out.push(row(NEXT_RULE, rule_of(next), rule));
    }

    /// Rows of the features that depend on the tag of the previous word.
    pub(crate) fn with_prev_tag(&self, i: usize, prev_tag: u8, out: &mut [u32; 3]) {
        let h = &self.hashed[i];
        let tag = u64::from(prev_tag);
        out[0] = row(PREV_TAG, tag, 0);
        out[1] = row(PREV_TAG_SHAPE, tag, u64::from(h.shape));
        out[2] = row(PREV_TAG_WORD, h.word, tag);
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
        let mut hashed = Vec::new();
        hash_tokens(text, &toks, true, &mut hashed);
        let rules = vec![0; toks.len()];
        let ctx = Context {
            toks: &toks,
            hashed: &hashed,
            rules: &rules,
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
        assert!(a.iter().flatten().all(|&r| r < 1 << BITS));
        // the word feature ignores case; the shape feature does not
        let b = rows("mera naam zarmeen hai");
        assert_eq!(a[2][1], b[2][1]);
        assert_ne!(a[2], b[2]);
    }
}
