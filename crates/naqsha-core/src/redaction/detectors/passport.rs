//! Passport numbers: the Pakistani form (two capital letters and seven digits, AB1234567)
//! anywhere, and any 6–12 character code of letters and digits right after "passport"
//! (پاسپورٹ).

use super::{Ctx, push};
use crate::redaction::Kind;
use crate::redaction::lexicon::flag;
use crate::redaction::spans::Candidate;
use crate::redaction::tokens::{Class, Shape};

/// Finds passport numbers.
pub(crate) fn detect(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let toks = ctx.toks;
    for i in 0..toks.len() {
        let t = &toks[i];
        // AB1234567
        if t.class == Class::Latin
            && t.len() == 2
            && t.shape == Shape::Upper
            && !ctx.glued(i)
            && toks
                .get(i + 1)
                .is_some_and(|n| n.class == Class::Digits && n.gap == 0 && n.len() == 7)
            && !toks.get(i + 2).is_some_and(|n| n.gap == 0 && n.is_word())
        {
            push(
                out,
                t.start as usize,
                toks[i + 1].end as usize,
                Kind::Passport,
                0.8,
            );
            continue;
        }
        if !t.has(flag::PASSPORT_CUE) {
            continue;
        }
        // skip "no", "number", ":", "#", "is", "نمبر", "ہے"; the code is what comes next
        let mut j = i + 1;
        while j < toks.len() && j <= i + 4 && toks[j].gap < 2 && is_filler(ctx, j) {
            j += 1;
        }
        if let Some(n) = toks.get(j)
            && n.gap < 2
            && (n.class == Class::Digits || (n.class == Class::Latin && n.shape == Shape::Upper))
            && let Some(end) = code(ctx, j)
        {
            push(out, n.start as usize, end, Kind::Passport, 0.9);
        }
    }
}

fn is_filler(ctx: &Ctx<'_>, j: usize) -> bool {
    let t = &ctx.toks[j];
    match t.class {
        Class::Punct => matches!(ctx.punct(j), Some(':') | Some('#') | Some('.') | Some('-')),
        Class::Latin | Class::Urdu => {
            matches!(
                ctx.word(j).to_lowercase().as_str(),
                "no" | "number"
                    | "num"
                    | "is"
                    | "was"
                    | "hai"
                    | "tha"
                    | "نمبر"
                    | "ہے"
                    | "تھا"
                    | "ka"
                    | "کا"
            )
        }
        Class::Digits => false,
    }
}

/// A code of letters and digits glued together starting at token `j`, 6–12 characters
/// with at least five digits; returns its end.
fn code(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    let toks = ctx.toks;
    let mut k = j;
    let mut len = 0;
    let mut digits = 0;
    while k < toks.len() && (k == j || toks[k].gap == 0) {
        let t = &toks[k];
        match t.class {
            Class::Digits => digits += t.len(),
            Class::Latin if t.shape == Shape::Upper || t.len() == 1 => {}
            _ => break,
        }
        len += t.len();
        k += 1;
    }
    ((6..=12).contains(&len) && digits >= 5).then(|| toks[k - 1].end as usize)
}
