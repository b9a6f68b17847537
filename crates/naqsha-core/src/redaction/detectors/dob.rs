//! Dates of birth: a date (12/03/1995, 1995-03-12, 12 March 1995, March 12, 1995,
//! ۱۲ مارچ ۱۹۹۵) with a birth word nearby (born, date of birth, DOB, paidaish, پیدائش,
//! سالگرہ …). Other dates are not personal data on their own and are left alone.

use super::{Ctx, push};
use crate::redaction::Kind;
use crate::redaction::lexicon::flag;
use crate::redaction::spans::Candidate;
use crate::redaction::tokens::Class;

/// Finds dates of birth.
pub(crate) fn detect(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let toks = ctx.toks;
    let mut i = 0;
    while i < toks.len() {
        let Some(last) = date_at(ctx, i) else {
            i += 1;
            continue;
        };
        let cue =
            ctx.flag_before(i, 10, flag::BIRTH_CUE) || ctx.flag_after(last, 4, flag::BIRTH_CUE);
        if cue {
            push(
                out,
                toks[i].start as usize,
                toks[last].end as usize,
                Kind::Dob,
                0.9,
            );
        }
        i = last + 1;
    }
}

fn digits(ctx: &Ctx<'_>, i: usize, lens: std::ops::RangeInclusive<usize>) -> bool {
    ctx.toks
        .get(i)
        .is_some_and(|t| t.class == Class::Digits && lens.contains(&t.len()))
}

fn month(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.toks.get(i).is_some_and(|t| t.has(flag::MONTH))
}

/// If a date starts at token `i`, the index of its last token.
fn date_at(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let toks = ctx.toks;
    let glued_sep = |k: usize| {
        matches!(ctx.punct(k), Some('/') | Some('-') | Some('.'))
            && toks[k].gap == 0
            && toks.get(k + 1).is_some_and(|n| n.gap == 0)
    };
    if digits(ctx, i, 1..=2) {
        // 12/03/1995, 12-3-95, 12.03.1995
        if glued_sep(i + 1)
            && digits(ctx, i + 2, 1..=2)
            && glued_sep(i + 3)
            && digits(ctx, i + 4, 2..=4)
        {
            return Some(i + 4);
        }
        // 12 March 1995, 12th of March, 1995, ۱۲ مارچ ۱۹۹۵
        let mut k = i + 1;
        if toks
            .get(k)
            .is_some_and(|t| t.gap == 0 && matches!(ctx.word(k), "st" | "nd" | "rd" | "th"))
        {
            k += 1;
        }
        if toks
            .get(k)
            .is_some_and(|t| t.class == Class::Latin && ctx.word(k).eq_ignore_ascii_case("of"))
        {
            k += 1;
        }
        if month(ctx, k) {
            let mut y = k + 1;
            if matches!(ctx.punct(y), Some(',') | Some('،')) {
                y += 1;
            }
            if digits(ctx, y, 4..=4) {
                return Some(y);
            }
            return Some(k);
        }
        return None;
    }
    if digits(ctx, i, 4..=4)
        && glued_sep(i + 1)
        && digits(ctx, i + 2, 1..=2)
        && glued_sep(i + 3)
        && digits(ctx, i + 4, 1..=2)
    {
        return Some(i + 4);
    }
    if month(ctx, i) && toks[i].len() >= 3 {
        // March 12, 1995 / March 1995
        let mut k = i + 1;
        if digits(ctx, k, 1..=2) {
            let mut day_end = k;
            k += 1;
            if toks
                .get(k)
                .is_some_and(|t| t.gap == 0 && matches!(ctx.word(k), "st" | "nd" | "rd" | "th"))
            {
                day_end = k;
                k += 1;
            }
            if matches!(ctx.punct(k), Some(',') | Some('،')) {
                k += 1;
            }
            if digits(ctx, k, 4..=4) {
                return Some(k);
            }
            return Some(day_end);
        }
        if digits(ctx, k, 4..=4) {
            return Some(k);
        }
    }
    None
}
