//! Vehicle registration plates as written in Pakistan: LEA-1234, LHR 5678, LEB-07-1234,
//! ICT-AB-123. A plate is taken when its letters are a known registration series or a
//! vehicle word (car, bike, gari, گاڑی, plate …) stands nearby.

use super::{Ctx, push};
use crate::redaction::Kind;
use crate::redaction::lexicon::flag;
use crate::redaction::spans::Candidate;
use crate::redaction::tokens::{Class, Shape};

/// Finds plates.
pub(crate) fn detect(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let toks = ctx.toks;
    for i in 0..toks.len() {
        let t = &toks[i];
        if t.class != Class::Latin
            || t.shape != Shape::Upper
            || !(2..=4).contains(&t.len())
            || ctx.glued(i)
            || (t.has(flag::STOP) && !t.has(flag::PLATE_PREFIX))
        {
            continue;
        }
        let mut j = i + 1;
        // optional second letter group: ICT-AB-123
        if sep(ctx, j)
            && toks
                .get(j + 1)
                .is_some_and(|n| n.class == Class::Latin && n.shape == Shape::Upper && n.len() <= 3)
        {
            j += 2;
        }
        let Some(k) = number_after(ctx, j) else {
            continue;
        };
        let mut end_tok = k;
        // optional year or serial: LEB-07-1234
        if let Some(k2) = number_after(ctx, k + 1)
            && (toks[k].len() == 2 || toks[k2].len() == 2)
        {
            end_tok = k2;
        }
        if toks
            .get(end_tok + 1)
            .is_some_and(|n| n.gap == 0 && (n.is_word() || n.class == Class::Digits))
        {
            continue;
        }
        let cue = t.has(flag::PLATE_PREFIX)
            || ctx.flag_before(i, 8, flag::PLATE_CUE)
            || ctx.flag_after(end_tok, 5, flag::PLATE_CUE);
        if cue {
            push(
                out,
                t.start as usize,
                toks[end_tok].end as usize,
                Kind::Plate,
                0.9,
            );
        }
    }
}

fn sep(ctx: &Ctx<'_>, j: usize) -> bool {
    ctx.punct(j) == Some('-') && ctx.toks[j].gap <= 1
}

/// Index of a 2–4 digit group right after `j` (after an optional '-' or one space).
fn number_after(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    let toks = ctx.toks;
    let k = if sep(ctx, j) { j + 1 } else { j };
    let n = toks.get(k)?;
    let spaced = n.gap <= 1 && (k > j || n.gap == 1 || n.gap == 0);
    (n.class == Class::Digits && (2..=4).contains(&n.len()) && spaced && n.gap < 2).then_some(k)
}
