//! Schools, universities and employers: a capitalised name ending in an organisation word
//! (Karachi Grammar School, Systems Limited, Johnson Inc.), "University of X", a known
//! institution (LUMS, NUST, COMSATS Lahore), and the Urdu forms (پنجاب یونیورسٹی،
//! جامعہ کراچی، گورنمنٹ گرلز کالج). A public body, court, law or platform from
//! data/redaction/never-names.txt (FIA, Lahore High Court, Digital Rights Foundation)
//! identifies nobody and is left in the text, and no organisation grows over its words.

use super::{Ctx, push};
use crate::redaction::Kind;
use crate::redaction::lexicon::flag;
use crate::redaction::spans::Candidate;
use crate::redaction::tokens::{Class, Shape, Tok};

/// Organisation words that come before the name in Urdu (جامعہ کراچی, مدرسہ …).
const URDU_LEADING: &[&str] = &["جامعہ", "مدرسہ"];

fn latin_name_part(t: &Tok) -> bool {
    t.class == Class::Latin
        && !t.has(flag::NEVER_NAME)
        && matches!(t.shape, Shape::Capital | Shape::Upper)
        && !t.has(flag::TITLE | flag::RELATION | flag::MONTH)
        && (!t.has(flag::STOP) || t.has(flag::PLACE | flag::ORG_KEYWORD | flag::ORG_KNOWN))
}

fn joiner(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks[k];
    match t.class {
        Class::Latin => matches!(ctx.word(k), "of" | "and" | "for" | "the" | "&"),
        Class::Punct => matches!(ctx.punct(k), Some('&') | Some('-') | Some('\'')),
        _ => false,
    }
}

/// Finds organisations.
pub(crate) fn detect(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let toks = ctx.toks;
    let mut covered = 0usize;
    for i in 0..toks.len() {
        let t = &toks[i];
        if i < covered || t.has(flag::NEVER_NAME) {
            continue;
        }
        let latin_kw = t.class == Class::Latin
            && t.has(flag::ORG_KEYWORD)
            && matches!(t.shape, Shape::Capital | Shape::Upper);
        let known = t.has(flag::ORG_KNOWN) && (t.class == Class::Urdu || t.shape != Shape::Lower);
        if latin_kw || known {
            // left: capitalised words and joiners, up to six tokens
            let mut first = i;
            let mut k = i;
            while k > 0 && k + 6 > i && toks[k].gap < 2 {
                let p = &toks[k - 1];
                if latin_name_part(p)
                    || (joiner(ctx, k - 1) && k - 1 > 0 && latin_name_part(&toks[k - 2]))
                {
                    k -= 1;
                    if latin_name_part(&toks[k]) {
                        first = k;
                    }
                } else {
                    break;
                }
            }
            if first > 0 && ctx.word(first - 1) == "The" && toks[first].gap == 1 {
                first -= 1;
            }
            // right: "of the Punjab", a town, more organisation words, "(Pvt.) Ltd."
            let mut last = i;
            let mut k = i + 1;
            while k < toks.len() && k < i + 8 && toks[k].gap < 2 {
                let n = &toks[k];
                if latin_name_part(n)
                    && (n.has(flag::ORG_KEYWORD | flag::PLACE)
                        || last + 1 == k && k > i + 1
                        || ctx.word(k - 1) == "of"
                        || ctx.word(k - 1) == "the"
                        || known)
                {
                    last = k;
                    k += 1;
                } else if joiner(ctx, k)
                    && toks.get(k + 1).is_some_and(|m| {
                        latin_name_part(m) || m.class == Class::Latin && ctx.word(k + 1) == "the"
                    })
                {
                    k += 1;
                } else if ctx.punct(k) == Some('.')
                    && last + 1 == k
                    && toks[last].has(flag::ORG_KEYWORD)
                    && toks
                        .get(k + 1)
                        .is_none_or(|n| n.gap > 0 || n.class == Class::Punct)
                {
                    // Inc. Ltd. Co.
                    last = k;
                    k += 1;
                } else {
                    break;
                }
            }
            // a public body ("High Court", "National Assembly") identifies nobody
            let public_body = toks[first..=last].iter().any(|x| x.has(flag::INSTITUTION));
            let has_name = !public_body && first < i
                || known
                || (last > i
                    && toks[i + 1..=last]
                        .iter()
                        .any(|x| latin_name_part(x) && !x.has(flag::ORG_KEYWORD)));
            if has_name {
                push(
                    out,
                    toks[first].start as usize,
                    toks[last].end as usize,
                    Kind::Org,
                    0.75,
                );
                covered = last + 1;
            }
            continue;
        }
        if t.class == Class::Urdu && t.has(flag::ORG_KEYWORD) {
            let kw = ctx.word(i);
            let mut first = i;
            let mut last = i;
            if URDU_LEADING.contains(&kw) {
                let mut k = i + 1;
                while k < toks.len() && k <= i + 2 && urdu_name_part(&toks[k]) && toks[k].gap == 1 {
                    last = k;
                    k += 1;
                }
            } else {
                let mut k = i;
                while k > 0 && k + 3 > i && urdu_name_part(&toks[k - 1]) && toks[k].gap == 1 {
                    k -= 1;
                    first = k;
                }
            }
            let named = (first..=last).any(|k| k != i && distinctive(&toks[k]));
            if named {
                push(
                    out,
                    toks[first].start as usize,
                    toks[last].end as usize,
                    Kind::Org,
                    0.7,
                );
                covered = last + 1;
            }
        }
    }
}

fn urdu_name_part(t: &Tok) -> bool {
    t.class == Class::Urdu
        && !t.has(flag::STOP | flag::TITLE | flag::RELATION | flag::NAME_CUE | flag::NEVER_NAME)
}

/// At least one word of an Urdu organisation's name is no everyday word ("پرائیویٹ سکول"
/// is "a private school", "اقرا پبلک سکول" a school's name).
fn distinctive(t: &Tok) -> bool {
    !t.has(flag::URDU_COMMON) || t.has(flag::PLACE | flag::ANY_NAME | flag::AMBIGUOUS)
}
