//! Street addresses as written in Pakistan — House No. 12, Street 5, Sector G-9/2,
//! Islamabad; Flat 3B, Block 13-D, Gulshan-e-Iqbal; Mohalla Islampura, Gali No. 4; Chak 123
//! GB; مکان نمبر ۱۲، گلی نمبر ۵ — and the common Western forms (24 Clarke Avenue,
//! Apt. 864, Suite 932, Koskikatu 25). An address starts at an anchor (house, street, gali,
//! mohalla, sector …, a sector code, or a number before a street name) and runs over
//! numbers, names and the town until the words stop looking like an address.

use super::{Ctx, push};
use crate::redaction::Kind;
use crate::redaction::lexicon::flag;
use crate::redaction::spans::Candidate;
use crate::redaction::tokens::{Class, Shape, Tok};

/// Anchors that are followed by a name rather than a number (Mohalla Islampura, Gali
/// Qasaban, Chak Jhumra, محلہ اسلام پورہ).
const NAMED_ANCHORS: &[&str] = &[
    "mohalla", "muhalla", "mohallah", "muhallah", "mohala", "gali", "galli", "chak", "village",
    "basti", "goth", "mauza", "moza", "dhok", "koocha", "kucha", "محلہ", "محلے", "گلی", "چک",
    "بستی", "گوٹھ", "موضع", "ڈھوک", "کوچہ",
];

/// Endings of street names in languages that write the number after the street.
const STREET_ENDINGS: &[&str] = &[
    "katu", "tie", "vej", "gade", "gatan", "vagen", "väg", "strasse", "straße", "weg", "laan",
    "straat", "utca", "ulica", "gasse",
];

/// Finds addresses.
pub(crate) fn detect(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let toks = ctx.toks;
    let mut i = 0;
    while i < toks.len() {
        let Some(score) = trigger(ctx, i) else {
            i += 1;
            continue;
        };
        let last = extend_right(ctx, i);
        let first = extend_left(ctx, i);
        push(
            out,
            toks[first].start as usize,
            toks[last].end as usize,
            Kind::Address,
            score,
        );
        i = last + 1;
    }
}

fn is_number_word(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks[k];
    t.is_word()
        && matches!(
            ctx.word(k).to_ascii_lowercase().as_str(),
            "no" | "number" | "نمبر" | "num" | "nmbr"
        )
}

/// Whether an address starts at token `i`, and how sure that is.
fn trigger(ctx: &Ctx<'_>, i: usize) -> Option<f32> {
    let toks = ctx.toks;
    let t = &toks[i];
    if sector_code(ctx, i).is_some() {
        return Some(0.75);
    }
    if t.has(flag::ADDRESS_ANCHOR) && t.is_word() {
        // skip '#', '.', ':', "no", "number", "نمبر"
        let mut k = i + 1;
        while k < toks.len() && k <= i + 3 && toks[k].gap < 2 {
            if matches!(ctx.punct(k), Some('#') | Some('.') | Some(':') | Some('-'))
                || is_number_word(ctx, k)
            {
                k += 1;
                continue;
            }
            break;
        }
        let n = toks.get(k)?;
        if n.gap == 2 {
            return None;
        }
        if n.class == Class::Digits || sector_code(ctx, k).is_some() {
            return Some(0.8);
        }
        let w = ctx.word(i).to_lowercase();
        if NAMED_ANCHORS.contains(&w.as_str()) && k == i + 1 {
            let named = match n.class {
                Class::Latin => n.shape == Shape::Capital && !n.has(flag::STOP),
                Class::Urdu => !n.has(flag::URDU_COMMON) || n.has(flag::PLACE),
                _ => false,
            };
            if named {
                return Some(0.7);
            }
        }
        return None;
    }
    // 24 Clarke Avenue, 90 Whitchurch Road
    if t.class == Class::Digits && t.len() <= 5 && !ctx.glued(i) {
        let mut k = i + 1;
        while k < toks.len() && k <= i + 3 {
            let n = &toks[k];
            if n.class != Class::Latin || n.shape != Shape::Capital || n.gap != 1 {
                break;
            }
            if n.has(flag::STREET_SUFFIX) && k > i + 1 {
                return Some(0.8);
            }
            k += 1;
        }
    }
    // 5850 Jana Nerudy 894, 9721 Dalmatinova 43: a number, capitalised words, a number
    if t.class == Class::Digits && (3..=5).contains(&t.len()) && !ctx.glued(i) {
        let mut k = i + 1;
        while k < toks.len()
            && k <= i + 3
            && toks[k].class == Class::Latin
            && toks[k].shape == Shape::Capital
            && toks[k].gap == 1
            && !toks[k].has(flag::STOP | flag::MONTH)
        {
            k += 1;
        }
        if k > i + 1
            && toks
                .get(k)
                .is_some_and(|n| n.class == Class::Digits && n.gap == 1 && n.len() <= 4)
        {
            return Some(0.7);
        }
    }
    // Koskikatu 25
    if t.class == Class::Latin
        && t.shape == Shape::Capital
        && t.len() > 5
        && toks
            .get(i + 1)
            .is_some_and(|n| n.class == Class::Digits && n.gap == 1 && n.len() <= 4)
    {
        let w = ctx.word(i).to_lowercase();
        if STREET_ENDINGS.iter().any(|e| w.ends_with(e)) {
            return Some(0.7);
        }
    }
    None
}

/// A sector code like G-9/2, F-7, I-8/4, E-11/3 starting at `k`; returns its last token.
fn sector_code(ctx: &Ctx<'_>, k: usize) -> Option<usize> {
    let toks = ctx.toks;
    let t = toks.get(k)?;
    if t.class != Class::Latin
        || t.len() != 1
        || !matches!(ctx.bytes[t.start as usize], b'A'..=b'I')
    {
        return None;
    }
    if ctx.punct(k + 1) != Some('-') || toks[k + 1].gap != 0 {
        return None;
    }
    let d = toks.get(k + 2)?;
    if d.class != Class::Digits || d.gap != 0 || d.len() > 2 {
        return None;
    }
    let mut last = k + 2;
    if ctx.punct(k + 3) == Some('/')
        && toks[k + 3].gap == 0
        && toks
            .get(k + 4)
            .is_some_and(|n| n.class == Class::Digits && n.gap == 0 && n.len() <= 2)
    {
        last = k + 4;
    }
    if toks
        .get(last + 1)
        .is_some_and(|n| n.gap == 0 && n.is_word())
    {
        return None;
    }
    Some(last)
}

fn addressy_word(ctx: &Ctx<'_>, k: usize, t: &Tok) -> bool {
    if t.has(flag::ADDRESS_ANCHOR | flag::STREET_SUFFIX | flag::PLACE) {
        return true;
    }
    match t.class {
        Class::Latin => {
            // Block A, Flat 185A
            if t.len() == 1 && t.shape == Shape::Capital {
                return true;
            }
            if matches!(t.shape, Shape::Capital | Shape::Upper) {
                !t.has(flag::STOP | flag::TITLE | flag::RELATION | flag::MONTH)
                    || is_number_word(ctx, k)
            } else {
                is_number_word(ctx, k) || matches!(ctx.word(k), "e" | "i" | "ul")
            }
        }
        Class::Urdu => !t.has(flag::URDU_COMMON) || is_number_word(ctx, k),
        _ => false,
    }
}

fn extend_right(ctx: &Ctx<'_>, i: usize) -> usize {
    let toks = ctx.toks;
    let mut last = sector_code(ctx, i).unwrap_or(i);
    let mut j = last + 1;
    let mut words_without_number = 0;
    let mut after_place = false;
    while j < toks.len() && j < i + 40 {
        let t = &toks[j];
        // an address written over several lines goes on while each line is short and
        // looks like part of an address (a town, a postcode, "Apt. 5")
        if t.gap == 2 && !address_line(ctx, j) {
            break;
        }
        match t.class {
            Class::Digits => {
                if t.len() > 6 {
                    break;
                }
                words_without_number = 0;
                last = j;
            }
            Class::Punct => {
                let c = ctx.punct(j).unwrap_or(' ');
                if !matches!(c, ',' | '/' | '-' | '#' | '.' | ':' | '،' | '(' | ')') {
                    break;
                }
                // a full stop followed by a space ends the address unless an abbreviation
                // ("St.", "No.") or a number follows
                if c == '.'
                    && toks
                        .get(j + 1)
                        .is_some_and(|n| n.gap >= 1 && n.class != Class::Digits)
                    && !toks[j - 1].has(flag::ADDRESS_ANCHOR | flag::STREET_SUFFIX)
                    && !is_number_word(ctx, j - 1)
                {
                    break;
                }
            }
            _ => {
                if let Some(end) = sector_code(ctx, j) {
                    last = end;
                    j = end + 1;
                    words_without_number = 0;
                    continue;
                }
                if !addressy_word(ctx, j, t) {
                    break;
                }
                if after_place && !t.has(flag::PLACE) && t.shape != Shape::Upper {
                    break;
                }
                if t.has(flag::ADDRESS_ANCHOR) {
                    words_without_number = 0;
                } else {
                    words_without_number += 1;
                    if words_without_number > 4 {
                        break;
                    }
                }
                if t.has(flag::PLACE) && !t.has(flag::ADDRESS_ANCHOR | flag::STREET_SUFFIX) {
                    after_place = true;
                }
                last = j;
            }
        }
        j += 1;
    }
    last
}

/// The line starting at token `j` has at most six tokens, no lowercase Latin word and
/// starts with a number or a capitalised word.
fn address_line(ctx: &Ctx<'_>, j: usize) -> bool {
    let toks = ctx.toks;
    let first = &toks[j];
    let starts = first.class == Class::Digits
        || (first.class == Class::Latin
            && matches!(first.shape, Shape::Capital | Shape::Upper)
            && !first.has(flag::STOP | flag::TITLE))
        || matches!(ctx.punct(j), Some(','));
    if !starts {
        return false;
    }
    let mut k = j;
    while k < toks.len() && (k == j || toks[k].gap < 2) {
        let t = &toks[k];
        if k - j > 6
            || (t.class == Class::Latin && t.shape == Shape::Lower && !is_number_word(ctx, k))
            || t.class == Class::Urdu
        {
            return false;
        }
        k += 1;
    }
    true
}

fn extend_left(ctx: &Ctx<'_>, i: usize) -> usize {
    let toks = ctx.toks;
    let mut first = i;
    let mut k = i;
    while k > 0 && k + 4 > i {
        let t = &toks[k];
        if t.gap == 2 {
            break;
        }
        let p = &toks[k - 1];
        let ok = match p.class {
            Class::Digits => true,
            Class::Punct => matches!(
                ctx.punct(k - 1),
                Some('-') | Some('/') | Some('#') | Some(',')
            ),
            Class::Latin => {
                (p.len() == 1 && p.shape == Shape::Upper)
                    || p.has(flag::ADDRESS_ANCHOR)
                    || (p.shape == Shape::Capital
                        && !p.has(flag::STOP | flag::TITLE | flag::RELATION)
                        && !p.sentence_start
                        && toks[i].class == Class::Latin
                        && toks[i].has(flag::ADDRESS_ANCHOR))
            }
            Class::Urdu => p.has(flag::ADDRESS_ANCHOR),
        };
        if !ok {
            break;
        }
        k -= 1;
        if toks[k].class != Class::Punct {
            first = k;
        }
    }
    first
}
