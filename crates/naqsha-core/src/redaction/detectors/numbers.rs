//! Runs of digit groups ("+92 300 1234567", "35202-1234567-1", "(042) 3576 1234"), found
//! once and handed to the classifiers for CNIC, payment card and phone numbers.

use super::{Ctx, push};
use crate::redaction::Kind;
use crate::redaction::lexicon::flag;
use crate::redaction::spans::Candidate;
use crate::redaction::tokens::Class;

/// At most this many groups and digits are considered in one run.
const MAX_GROUPS: usize = 8;
const MAX_DIGITS: usize = 24;

/// A run of digit groups.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Run {
    /// The digits, ASCII.
    pub digits: [u8; MAX_DIGITS],
    pub n_digits: usize,
    /// Length of each group.
    pub groups: [u8; MAX_GROUPS],
    pub n_groups: usize,
    /// Separator before each group after the first (' ', '-', '.', '/', '(' or ')'); the
    /// most telling character when several stand between two groups.
    pub seps: [u8; MAX_GROUPS],
    /// The run began with '+'.
    pub plus: bool,
    /// The first group was in parentheses: "(042) 35761234".
    pub paren_area: bool,
    /// A phone cue word (phone, call, نمبر …) stands shortly before the run, or a line's
    /// label right after it ("781 1704 office", "082 490 1693-Fax").
    pub phone_cue: bool,
}

impl Run {
    pub(crate) fn digits(&self) -> &[u8] {
        &self.digits[..self.n_digits]
    }
    pub(crate) fn groups(&self) -> &[u8] {
        &self.groups[..self.n_groups]
    }
    pub(crate) fn seps(&self) -> &[u8] {
        &self.seps[1..self.n_groups]
    }
    /// The first `k` groups as a run of their own.
    fn prefix(&self, k: usize) -> Run {
        let mut r = *self;
        r.n_groups = k;
        r.n_digits = self.groups[..k].iter().map(|&g| g as usize).sum();
        r
    }
}

/// Finds digit runs and classifies them.
pub(crate) fn detect(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let toks = ctx.toks;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let starts_run = match t.class {
            Class::Digits => true,
            Class::Punct => {
                matches!(ctx.punct(i), Some('+') | Some('('))
                    && toks
                        .get(i + 1)
                        .is_some_and(|n| n.class == Class::Digits && n.gap == 0)
            }
            _ => false,
        };
        if !starts_run || glued_to_word(ctx, i) {
            i += 1;
            continue;
        }
        let (run, group_toks) = scan(ctx, i);
        if run.n_groups == 0 {
            i += 1;
            continue;
        }
        // a date with a time ("2000-04-16 11:34") or an IP address is no phone number
        if is_ip(&run) {
            i = group_toks[run.n_groups - 1] + 1;
            continue;
        }
        // a date, alone or followed by a space and more numbers (a time, a phone number):
        // skip the date and read on after it
        let date_first = run.n_groups == 3 || (run.n_groups > 3 && run.seps[3] == b' ');
        if run.n_groups >= 3 && date_first && is_date_like(&run.prefix(3)) {
            i = group_toks[2] + 1;
            continue;
        }
        let mut found = false;
        for k in (1..=run.n_groups).rev() {
            let mut last_tok = group_toks[k - 1];
            // a group glued to letters after it ("5kg", "12th") is not part of a number,
            // except a phone extension ("345-899-3560x4587")
            if toks
                .get(last_tok + 1)
                .is_some_and(|n| n.gap == 0 && n.class == Class::Latin)
            {
                let ext = k == run.n_groups
                    && matches!(ctx.word(last_tok + 1), "x" | "ext")
                    && toks
                        .get(last_tok + 2)
                        .is_some_and(|n| n.gap == 0 && n.class == Class::Digits);
                if !ext {
                    continue;
                }
                if let Some((kind, score)) = classify(&run) {
                    push(
                        out,
                        t.start as usize,
                        toks[last_tok + 2].end as usize,
                        kind,
                        score,
                    );
                    last_tok += 2;
                    i = last_tok + 1;
                    found = true;
                    break;
                }
                continue;
            }
            let r = if k == run.n_groups {
                run
            } else {
                run.prefix(k)
            };
            if let Some((kind, score)) = classify(&r) {
                let mut end = toks[last_tok].end as usize;
                if ctx.punct(last_tok + 1) == Some(')') && r.paren_area && k == 1 {
                    end = toks[last_tok + 1].end as usize;
                }
                if kind == Kind::Phone
                    && let Some(ext) = extension_after(ctx, last_tok)
                {
                    end = toks[ext].end as usize;
                    last_tok = ext;
                }
                push(out, t.start as usize, end, kind, score);
                i = last_tok + 1;
                found = true;
                break;
            }
        }
        if !found {
            i = group_toks[0] + 1;
        }
    }
}

fn classify(r: &Run) -> Option<(Kind, f32)> {
    if is_date_like(r) {
        return None;
    }
    super::cnic::classify(r)
        .or_else(|| card(r))
        .or_else(|| super::phone::classify(r))
}

/// A run like 12/03/1995, 1995-03-12 or 12.3.95 is a date, not a number.
fn is_date_like(r: &Run) -> bool {
    let g = r.groups();
    if g.len() != 3 {
        return g.len() == 2 && r.seps()[0] == b'/';
    }
    let s = r.seps();
    if s[0] != s[1] || !matches!(s[0], b'/' | b'-' | b'.') {
        return false;
    }
    let short = |x: u8| (1..=2).contains(&x);
    // the values must be a day and a month: 60-56-85-91 is a phone number
    let d = r.digits();
    // groups here have at most four digits, so the values are small (found by the fuzzer:
    // reading a long group overflowed)
    let value = |from: usize, len: u8| {
        d[from..from + len as usize].iter().fold(0u32, |v, &b| {
            v.saturating_mul(10).saturating_add(u32::from(b - b'0'))
        })
    };
    let day_month = |x: u32, y: u32| (1..=31).contains(&x) && (1..=12).contains(&y);
    if short(g[0]) && short(g[1]) && (g[2] == 2 || g[2] == 4) {
        let (a, b) = (value(0, g[0]), value(g[0] as usize, g[1]));
        return day_month(a, b) || day_month(b, a);
    }
    if g[0] == 4 && short(g[1]) && short(g[2]) {
        let b = value(4, g[1]);
        let c = value(4 + g[1] as usize, g[2]);
        return day_month(c, b);
    }
    false
}

/// Four groups of one to three digits separated by dots: an IP address.
fn is_ip(r: &Run) -> bool {
    r.n_groups == 4 && r.groups().iter().all(|&g| g <= 3) && r.seps().iter().all(|&s| s == b'.')
}

/// A payment card number: 13–19 digits passing the Luhn check, written as one block or in
/// groups of four (Amex 4-6-5).
fn card(r: &Run) -> Option<(Kind, f32)> {
    let n = r.n_digits;
    if !(13..=19).contains(&n) || r.plus {
        return None;
    }
    let g = r.groups();
    let shaped = g.len() == 1
        || (g[..g.len() - 1].iter().all(|&x| x == 4) && g[g.len() - 1] <= 4)
        || g == [4, 6, 5];
    if !shaped || !r.seps().iter().all(|&s| s == b' ' || s == b'-') {
        return None;
    }
    luhn(r.digits()).then_some((Kind::Card, 0.9))
}

pub(crate) fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(d - b'0');
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum.is_multiple_of(10)
}

/// Digits glued to a word before them ("G-9", "LEA-1234", "PK36") belong to a code, which
/// other detectors handle.
fn glued_to_word(ctx: &Ctx<'_>, i: usize) -> bool {
    let toks = ctx.toks;
    if i == 0 || toks[i].gap != 0 {
        return false;
    }
    let prev = &toks[i - 1];
    match prev.class {
        Class::Latin | Class::Urdu | Class::Digits => true,
        Class::Punct => {
            matches!(
                ctx.punct(i - 1),
                Some('-') | Some('/') | Some('.') | Some('#')
            ) && prev.gap == 0
                && i >= 2
                && toks[i - 2].is_word()
                && ctx.punct(i - 1) != Some('#')
        }
    }
}

/// A phone extension written apart after token `last`: "579-888-3058 ext. 12",
/// "x 4587", "extension 12"; the index of its digits.
fn extension_after(ctx: &Ctx<'_>, last: usize) -> Option<usize> {
    let toks = ctx.toks;
    let word = toks
        .get(last + 1)
        .filter(|t| t.gap == 1 && t.class == Class::Latin)?;
    if !matches!(
        word.text(ctx.text).to_ascii_lowercase().as_str(),
        "ext" | "x" | "extn" | "extension"
    ) {
        return None;
    }
    let mut k = last + 2;
    if ctx.punct(k) == Some('.') && toks[k].gap == 0 {
        k += 1;
    }
    toks.get(k)
        .filter(|t| t.gap < 2 && t.class == Class::Digits && (1..=5).contains(&t.len()))
        .map(|_| k)
}

/// A phone label right after token `last` on the same line, after a space or a '-':
/// "781 1704 office", "082 490 1693-Fax", "0300 1234567 (mobile)".
fn label_after(ctx: &Ctx<'_>, last: usize) -> bool {
    let toks = ctx.toks;
    let mut k = last + 1;
    if toks.get(k).is_some_and(|t| {
        t.gap < 2 && t.class == Class::Punct && matches!(ctx.punct(k), Some('-' | '('))
    }) {
        k += 1;
    }
    toks.get(k).is_some_and(|t| {
        t.gap < 2
            && t.class != Class::Punct
            && t.is_word()
            && matches!(
                ctx.word(k).to_ascii_lowercase().as_str(),
                "office"
                    | "home"
                    | "work"
                    | "landline"
                    | "residence"
                    | "fax"
                    | "mobile"
                    | "mob"
                    | "cell"
                    | "tel"
                    | "phone"
                    | "whatsapp"
                    | "موبائل"
                    | "فون"
                    | "دفتر"
                    | "گھر"
            )
    })
}

/// Reads the run starting at token `i`: groups of digits with at most two separator
/// characters (space, '-', '.', '/', parentheses) between them, on one line.
fn scan(ctx: &Ctx<'_>, mut i: usize) -> (Run, [usize; MAX_GROUPS]) {
    let toks = ctx.toks;
    let mut run = Run {
        phone_cue: ctx.flag_before(i, 4, flag::PHONE_CUE),
        ..Run::default()
    };
    let mut group_toks = [0usize; MAX_GROUPS];
    if ctx.punct(i) == Some('+') {
        run.plus = true;
        i += 1;
    } else if ctx.punct(i) == Some('(') {
        run.paren_area = true;
        i += 1;
    }
    let mut sep = b' ';
    loop {
        let t = &toks[i];
        let len = t.len();
        if run.n_groups == MAX_GROUPS || run.n_digits + len > MAX_DIGITS {
            break;
        }
        run.digits[run.n_digits..run.n_digits + len]
            .copy_from_slice(&ctx.bytes[t.start as usize..t.end as usize]);
        run.n_digits += len;
        run.groups[run.n_groups] = len as u8;
        run.seps[run.n_groups] = sep;
        group_toks[run.n_groups] = i;
        run.n_groups += 1;
        // what follows: separators, then digits?
        let mut j = i + 1;
        let mut n_sep = 0;
        sep = b' ';
        let mut ok = false;
        while j < toks.len() && n_sep <= 3 {
            let n = &toks[j];
            if n.gap == 2 {
                break;
            }
            if n.gap == 1 {
                n_sep += 1;
            }
            match n.class {
                Class::Digits => {
                    ok = n_sep <= 3 && (n.gap == 1 || j > i + 1);
                    break;
                }
                Class::Punct => {
                    let c = ctx.punct(j).unwrap_or(' ');
                    if !matches!(c, '-' | '.' | '/' | '(' | ')') {
                        break;
                    }
                    if sep == b' ' || c != ')' {
                        sep = c as u8;
                    }
                    n_sep += 1;
                    j += 1;
                }
                _ => break,
            }
        }
        if !ok {
            break;
        }
        // "1995." ending a sentence followed by a number on the same line is rare; a dot
        // between groups only counts when no space follows it.
        if sep == b'.' && toks[j].gap != 0 {
            break;
        }
        i = j;
    }
    if run.n_groups > 0 && !run.phone_cue {
        run.phone_cue = label_after(ctx, group_toks[run.n_groups - 1]);
    }
    (run, group_toks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_accepts_valid_card_numbers() {
        assert!(luhn(b"4111111111111111"));
        assert!(!luhn(b"4111111111111112"));
    }
}
