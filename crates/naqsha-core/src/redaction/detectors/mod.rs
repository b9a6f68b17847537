//! The detectors. Each reads the normalised text and its tokens and pushes candidates;
//! [`run`] calls them all and drops whatever falls inside an existing placeholder, so that
//! redacting twice changes nothing more.

mod address;
mod cnic;
mod dob;
mod email;
mod iban;
pub(crate) mod name;
mod numbers;
mod org;
mod passport;
mod phone;
mod plate;
mod url;
mod username;

use super::Kind;
use super::lexicon::flag;
use super::spans::Candidate;
use super::tokens::{Class, Tok};

/// What every detector gets.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub bytes: &'a [u8],
    pub toks: &'a [Tok],
}

impl Ctx<'_> {
    pub(crate) fn word(&self, i: usize) -> &str {
        self.toks[i].text(self.text)
    }

    pub(crate) fn punct(&self, i: usize) -> Option<char> {
        self.toks.get(i).and_then(|t| t.punct(self.text))
    }

    /// Whether any of the `n` tokens before `i` carries `f`.
    pub(crate) fn flag_before(&self, i: usize, n: usize, f: u32) -> bool {
        self.toks[i.saturating_sub(n)..i].iter().any(|t| t.has(f))
    }

    /// Whether any of the `n` tokens after `i` carries `f`.
    pub(crate) fn flag_after(&self, i: usize, n: usize, f: u32) -> bool {
        let end = (i + 1 + n).min(self.toks.len());
        self.toks[(i + 1).min(end)..end].iter().any(|t| t.has(f))
    }

    /// Whether token `i` touches token `i - 1` (no whitespace between).
    pub(crate) fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i].gap == 0
    }
}

pub(crate) fn push(out: &mut Vec<Candidate>, start: usize, end: usize, kind: Kind, score: f32) {
    out.push(Candidate {
        start,
        end,
        kind,
        score,
    });
}

/// Runs every detector over the tokens of `text`.
pub(crate) fn run(text: &str, toks: &mut [Tok], out: &mut Vec<Candidate>) {
    let blocked = placeholders(&Ctx {
        text,
        bytes: text.as_bytes(),
        toks,
    });
    // words inside a placeholder ("[PHONE]", "[تاریخ پیدائش]") are no cue for anything;
    // the placeholders come sorted, so one sweep marks them
    let mut b = 0;
    for t in toks.iter_mut() {
        while b < blocked.len() && blocked[b].1 <= t.start as usize {
            b += 1;
        }
        if b < blocked.len() && blocked[b].0 <= t.start as usize {
            t.flags = flag::BLOCKED;
        }
    }
    let ctx = Ctx {
        text,
        bytes: text.as_bytes(),
        toks,
    };
    numbers::detect(&ctx, out);
    iban::detect(&ctx, out);
    email::detect(&ctx, out);
    username::detect(&ctx, out);
    url::detect(&ctx, out);
    passport::detect(&ctx, out);
    plate::detect(&ctx, out);
    dob::detect(&ctx, out);
    address::detect(&ctx, out);
    org::detect(&ctx, out);
    name::detect(&ctx, out);
    if !blocked.is_empty() {
        out.retain(|c| {
            // the first placeholder ending after the candidate's start must start at or
            // after its end
            let k = blocked.partition_point(|&(_, e)| e <= c.start);
            blocked.get(k).is_none_or(|&(s, _)| s >= c.end)
        });
    }
}

/// The Urdu letters used to tell pseudonyms apart ("شخص الف", "شخص ب", …).
pub(crate) const URDU_LETTERS: [&str; 26] = [
    "الف", "ب", "پ", "ت", "ٹ", "ث", "ج", "چ", "ح", "خ", "د", "ڈ", "ذ", "ر", "ڑ", "ز", "ژ", "س",
    "ش", "ص", "ض", "ط", "ظ", "ع", "غ", "ف",
];

/// Byte ranges of placeholders and pseudonyms already in the text.
fn placeholders(ctx: &Ctx<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let toks = ctx.toks;
    for i in 0..toks.len() {
        if let Some(open @ ('[' | ']')) = ctx.punct(i) {
            // [NAME], [شناختی کارڈ]; under a bidi override the text is also read as
            // displayed, where a placeholder stands reversed ("]EMAN[", "EMAN" a name)
            let close = if open == '[' { ']' } else { '[' };
            let mut j = i + 1;
            while j < toks.len() && j <= i + 4 && toks[j].is_word() {
                j += 1;
            }
            if j > i + 1 && ctx.punct(j) == Some(close) {
                let inner = &ctx.text[toks[i + 1].start as usize..toks[j - 1].end as usize];
                if is_placeholder_text(inner)
                    || is_placeholder_text(&inner.chars().rev().collect::<String>())
                {
                    out.push((toks[i].start as usize, toks[j].end as usize));
                }
            }
        }
        let w = ctx.word(i);
        if toks[i].is_word()
            && matches!(w, "Person" | "Organisation" | "شخص" | "ادارہ")
            && let Some(next) = toks.get(i + 1)
        {
            let nw = next.text(ctx.text);
            let latin_letter = next.class == Class::Latin
                && nw.len() <= 2
                && nw.bytes().all(|b| b.is_ascii_uppercase());
            if next.gap == 1 && (latin_letter || URDU_LETTERS.contains(&nw)) {
                out.push((toks[i].start as usize, next.end as usize));
            }
        }
    }
    out
}

fn is_placeholder_text(inner: &str) -> bool {
    super::Kind::ALL.iter().any(|k| {
        [super::Lang::EN, super::Lang::UR]
            .iter()
            .any(|&l| &k.placeholder(l)[1..k.placeholder(l).len() - 1] == inner)
    })
}
