//! Person names in Latin and Urdu script.
//!
//! Evidence, strongest first:
//! * a cue before the name — "my name is", "named", "mera naam", "میرا نام", a title (Mr,
//!   Dr, Syed, مسٹر، جناب) or a relation ("my cousin", "meri behen", "میری بہن") — or an
//!   honorific after it (sahib, bhai, baji, begum, صاحب، بھائی، بیگم، باجی، نامی);
//! * a word from the name gazetteers (data/names/), capitalised when in Latin script;
//! * being next to a name: an unknown capitalised word beside a known name ("Zarmeen
//!   Baloch"), or an unknown Urdu word beside a known Urdu name;
//! * for Latin script, a capitalised word in mid-sentence that is no known common word,
//!   place, platform or organisation word (weak, score 0.5).
//!
//! Words that are names and common words alike (Noor, Hope, Iqbal, Sabr, نور، امین) are
//! taken only with a cue or beside another name. Places from the gazetteer are not names.
//!
//! Surnames, castes and tribes (data/names/name-parts.txt: Malik, Mirza, Butt, ملک، شیخ)
//! are name parts: beside a name, or beside an unknown word in a name's place ("Adnan
//! Mirza" with capitals, "adnan mirza ne", "صدف ملک نے"), they make a name with it. Alone,
//! one that is also an ordinary word or the name of a people needs a cue ("Malik sahab",
//! "my cousin Baloch"): "Baloch women" and "ملک کے حالات" are no names. Words of a
//! never-name phrase (data/redaction/never-names.txt: PECA, FIA, High Court) are never
//! part of a name.

use std::collections::HashSet;

use super::{Ctx, push};
use crate::redaction::Kind;
use crate::redaction::lexicon::flag;
use crate::redaction::spans::Candidate;
use crate::redaction::tokens::{Class, Shape, Tok};

/// Cue strength before a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cue {
    None,
    /// "my cousin", "meri behen": a following capitalised or known word is a name.
    Relation,
    /// "my name is", "Mr", "مسٹر": the following word is a name.
    Strong,
}

fn known(t: &Tok) -> bool {
    t.has(flag::ANY_NAME)
}

/// A gazetteer name that is not also a common word or place.
fn strong(t: &Tok) -> bool {
    let common_urdu = t.class == Class::Urdu && t.has(flag::URDU_COMMON);
    let place_only = t.has(flag::PLACE) && !t.has(flag::GIVEN | flag::FAMILY);
    known(t)
        && !t.has(flag::AMBIGUOUS | flag::NOT_NAME | flag::NAME_PART_COMMON)
        && !common_urdu
        && !place_only
}

/// A gazetteer name that needs context.
fn weak(t: &Tok) -> bool {
    (known(t) || t.has(flag::AMBIGUOUS | flag::NAME_PART)) && !strong(t)
}

/// Words that can never be a name part themselves (cues, platforms, months …).
fn never(t: &Tok) -> bool {
    t.has(
        flag::NAME_CUE
            | flag::RELATION
            | flag::MONTH
            | flag::ORG_KEYWORD
            | flag::INSTITUTION
            | flag::PHONE_CUE
            | flag::BIRTH_CUE
            | flag::ADDRESS_ANCHOR
            | flag::STREET_SUFFIX,
    ) && !known(t)
        && !t.has(flag::AMBIGUOUS | flag::NAME_PART)
}

fn capitalised(t: &Tok) -> bool {
    t.shape == Shape::Capital || (t.shape == Shape::Upper && t.len() >= 3)
}

/// Urdu titles of public offices (minister, president, governor, chief minister).
const URDU_OFFICES: &[&str] = &["وزیر", "وزیراعظم", "وزیراعلی", "وزیراعلیٰ", "صدر", "گورنر"];

/// Pashto enclitic pronouns (his/her/their, my, your, our), which follow the noun they
/// possess: "نوم یې" is "his name", "خور مې" "my sister". Folded as the text is.
const PASHTO_ENCLITICS: &[&str] = &["یې", "مې", "دې", "مو"];

/// Sindhi and Pashto participles and agent nouns, by their endings: Sindhi "رهندڙ" ("living
/// in"), "ڏيندڙ" ("giving"); Pashto "اوسېدونکی" ("resident"), "ګواښونکی" ("the one who
/// threatens"). No name ends so; before a name they describe the person ("پاڙي ۾ رهندڙ
/// عمران سومرو") and are no part of the name. Folded as the text is (ڙ is ڑ, ي is ی).
fn regional_participle(w: &str) -> bool {
    ["ندڑ", "ونکی", "ونکې", "ونکو"]
        .iter()
        .any(|e| w.ends_with(e))
        && w.chars().count() >= 5
}

/// The cue before word `i`: looks back over ':' '.' ',' '-' and "is"/"was"/"hai".
fn cue_before(ctx: &Ctx<'_>, i: usize) -> Cue {
    let toks = ctx.toks;
    let mut k = i;
    let mut steps = 0;
    while k > 0 && steps < 3 {
        if toks[k].gap == 2 {
            return Cue::None;
        }
        k -= 1;
        steps += 1;
        let t = &toks[k];
        match t.class {
            Class::Punct => {
                let c = ctx.punct(k);
                // a full stop ends the sentence, except after "Mr." or an initial
                if c == Some('.') {
                    let abbrev = k > 0 && {
                        let p = &toks[k - 1];
                        p.class == Class::Latin && (p.has(flag::TITLE) || p.len() == 1)
                    };
                    if !abbrev {
                        return Cue::None;
                    }
                } else if !matches!(c, Some(':') | Some(',') | Some('-') | Some('"')) {
                    return Cue::None;
                }
            }
            Class::Latin | Class::Urdu => {
                let w = ctx.word(k);
                if t.has(flag::RELATION) && !(t.has(flag::TITLE) && t.shape != Shape::Lower) {
                    return Cue::Relation;
                }
                // "وزیر تجارت", "صدر مملکت": an office before an ordinary word names the
                // office, not the person holding it
                if URDU_OFFICES.contains(&w)
                    && toks[i].has(flag::URDU_COMMON | flag::URDU_SEEN)
                    && !known(&toks[i])
                {
                    return Cue::None;
                }
                // "کے نام معنون کیا", "ایک بڑا نام ہے جنھوں نے": the word "name" used as a
                // noun; after it an ordinary word is a name only where the clause ends
                // ("میرا نام اسماء ہے")
                if w == "نام"
                    && toks[i].has(flag::URDU_COMMON | flag::URDU_SEEN)
                    && !known(&toks[i])
                    && !urdu_clause_ends(ctx, i)
                {
                    return Cue::None;
                }
                if t.has(flag::NAME_CUE)
                    || (t.has(flag::TITLE) && !known(t) && !t.has(flag::AMBIGUOUS))
                {
                    // a title used as a word ("the doctor said") is lowercase
                    if t.class == Class::Latin
                        && t.has(flag::TITLE)
                        && t.shape == Shape::Lower
                        && !t.has(flag::NAME_CUE)
                    {
                        return Cue::None;
                    }
                    return Cue::Strong;
                }
                if t.has(flag::RELATION) {
                    return Cue::Relation;
                }
                if matches!(
                    w,
                    "is" | "was" | "hai" | "tha" | "thi" | "ہے" | "تھا" | "تھی"
                ) && steps == 1
                {
                    continue;
                }
                // Pashto "نوم یې شاه ولي دی" ("his name is"), "ورور مې" ("my brother"): the
                // enclitic pronoun comes after the cue, right before the name
                if PASHTO_ENCLITICS.contains(&w) && steps == 1 {
                    continue;
                }
                // "بیوی کی تصویریں", "ڈاکٹر کی مدد", "behen ki shadi": after a relation or a
                // title and a possessive comes what is theirs, not their name
                if matches!(w, "ka" | "ki" | "کا" | "کی") && steps == 1 {
                    return Cue::None;
                }
                return Cue::None;
            }
            Class::Digits => return Cue::None,
        }
    }
    Cue::None
}

/// After Urdu word `i` comes an auxiliary, a case marker, an honorific, punctuation or
/// the end: "میرا نام اسماء ہے", "اس کا نام مسرت تھا۔".
/// A second name word may stand between: "میرا نام مسرت رشید ہے".
fn urdu_clause_ends(ctx: &Ctx<'_>, i: usize) -> bool {
    let ends = |k: usize| match ctx.toks.get(k) {
        None => true,
        Some(n) if n.gap == 2 || n.class == Class::Punct => true,
        Some(n) => {
            n.has(flag::HONORIFIC)
                || matches!(
                    ctx.word(k),
                    "ہے" | "تھا" | "تھی" | "ہیں" | "نے" | "کو" | "اور"
                )
        }
    };
    ends(i + 1)
        || ctx.toks.get(i + 1).is_some_and(|n| {
            n.class == Class::Urdu && n.gap == 1 && !n.has(flag::URDU_COMMON) && ends(i + 2)
        })
}

/// An honorific right after word `i` (sahib, bhai, صاحب, نامی).
fn honorific_after(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.toks
        .get(i + 1)
        .is_some_and(|n| n.gap < 2 && n.is_word() && n.has(flag::HONORIFIC) && !strong(n))
}

/// Whether tokens `a` < `b` are neighbours within one name: words of one script separated
/// by spaces, a hyphen (Abdul-Rehman), a connector (Noor ul Ain) or an initial's dot.
fn joined(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let toks = ctx.toks;
    let (ta, tb) = (&toks[a], &toks[b]);
    if ta.class != tb.class || tb.gap == 2 {
        return false;
    }
    match b - a {
        1 => tb.gap == 1 || (ta.class == Class::Urdu && tb.gap == 0),
        2 => {
            let m = &toks[a + 1];
            (ctx.punct(a + 1) == Some('-') && m.gap == 0 && tb.gap == 0)
                || (ctx.punct(a + 1) == Some('.') && ta.len() == 1 && m.gap == 0 && tb.gap == 1)
                || (m.is_word() && m.has(flag::CONNECTOR) && m.gap <= 1 && tb.gap <= 1)
        }
        _ => false,
    }
}

/// "Brabec, Doyle and Gonzalez": a capitalised word joined to a sure name by a comma or
/// "and" is one of a list of people.
fn coordinated(ctx: &Ctx<'_>, score: &[f32], i: usize) -> Option<usize> {
    let toks = ctx.toks;
    let t = &toks[i];
    if t.class != Class::Latin
        || t.shape != Shape::Capital
        || t.has(flag::NOT_NAME | flag::PLACE | flag::PLACE_PART)
    {
        return None;
    }
    let link = |m: usize| {
        toks.get(m).is_some_and(|x| x.gap < 2)
            && (ctx.punct(m) == Some(',') || matches!(ctx.word(m), "and" | "aur" | "or" | "&"))
    };
    let sure = |k: usize| {
        toks.get(k)
            .is_some_and(|x| x.class == Class::Latin && x.gap < 2)
            && score.get(k).is_some_and(|&s| s >= 0.8)
    };
    if link(i + 1) && sure(i + 2) {
        return Some(i + 2);
    }
    if i >= 2 && link(i - 1) && sure(i - 2) && !t.sentence_start {
        return Some(i - 2);
    }
    None
}

/// Finds names.
pub(crate) fn detect(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let toks = ctx.toks;
    let n = toks.len();
    let mut score = vec![0f32; n];
    // In mostly-Urdu text a capitalised English word is a quoted term ("Fat Free Mass"),
    // not a name: the weak capitalisation rule is for English and Roman-Urdu text.
    let urdu_words = toks.iter().filter(|t| t.class == Class::Urdu).count();
    let latin_words = toks.iter().filter(|t| t.class == Class::Latin).count();
    let latin_text = latin_words >= urdu_words;
    let in_blocked = |t: &Tok| t.has(flag::BLOCKED | flag::NEVER_NAME);
    let participle = |i: usize| {
        toks[i].class == Class::Urdu && !known(&toks[i]) && regional_participle(ctx.word(i))
    };
    // seeds
    for i in 0..n {
        let t = &toks[i];
        if !t.is_word() || never(t) || in_blocked(t) || participle(i) {
            continue;
        }
        let cue = cue_before(ctx, i);
        let hon = honorific_after(ctx, i);
        score[i] = match t.class {
            Class::Latin => latin_seed(ctx, i, t, cue, hon, latin_text),
            Class::Urdu => {
                let verb = cue == Cue::Relation && verb_before_auxiliary(ctx.text, toks, i);
                urdu_seed(t, cue, hon, verb)
            }
            _ => 0.0,
        };
    }
    name_part_pairs(ctx, &mut score);
    urdu_names_before_ne(ctx, &mut score);
    // grow: neighbours of names, forwards and backwards, until nothing changes
    let mut changed = true;
    let mut rounds = 0;
    while changed && rounds < 4 {
        changed = false;
        rounds += 1;
        for i in 0..n {
            if score[i] > 0.0
                || !toks[i].is_word()
                || never(&toks[i])
                || in_blocked(&toks[i])
                || participle(i)
            {
                continue;
            }
            let t = &toks[i];
            let neighbour = [i.checked_sub(2), i.checked_sub(1), Some(i + 1), Some(i + 2)]
                .into_iter()
                .flatten()
                .filter(|&k| k < n && score[k] > 0.0)
                .find(|&k| {
                    if k < i {
                        joined(ctx, k, i)
                    } else {
                        joined(ctx, i, k)
                    }
                });
            let Some(k) = neighbour.or_else(|| coordinated(ctx, &score, i)) else {
                continue;
            };
            let s = match t.class {
                Class::Latin if t.has(flag::NAME_PART) => {
                    let lower_pair = t.shape == Shape::Lower
                        && toks[k].shape == Shape::Lower
                        && score[k] >= 0.6
                        && (!t.has(flag::NAME_PART_COMMON) || strong(&toks[k]));
                    if capitalised(t) {
                        0.8
                    } else if lower_pair {
                        0.7
                    } else {
                        0.0
                    }
                }
                Class::Urdu if t.has(flag::NAME_PART) => 0.7,
                Class::Latin => {
                    let cap = capitalised(t) || (t.len() == 1 && t.shape == Shape::Capital);
                    if t.has(flag::TITLE) && !known(t) && !t.has(flag::AMBIGUOUS) {
                        0.0
                    } else if cap && (known(t) || t.has(flag::AMBIGUOUS)) {
                        0.8
                    } else if cap && !t.has(flag::NOT_NAME | flag::PLACE) && !t.sentence_start {
                        0.6
                    } else if cap && !t.has(flag::NOT_NAME | flag::PLACE) && k > i {
                        // "Zarmeen Baloch" opening a sentence ("Later Ayesha" is kept out
                        // by the list of sentence openers)
                        0.6
                    } else if t.shape == Shape::Lower
                        && strong(t)
                        && score[k] >= 0.6
                        && toks[k].shape == Shape::Lower
                    {
                        0.6
                    } else if t.shape == Shape::Lower
                        && !t.has(flag::NOT_NAME)
                        && k < i
                        && score[k] >= 0.85
                        && toks[k].shape == Shape::Lower
                        && ends_name_clause(ctx, i)
                    {
                        0.7
                    } else {
                        0.0
                    }
                }
                Class::Urdu => {
                    if t.has(flag::TITLE | flag::HONORIFIC) && !known(t) {
                        0.0
                    } else if known(t) || t.has(flag::AMBIGUOUS) {
                        0.7
                    } else if !t.has(flag::URDU_COMMON | flag::URDU_SEEN | flag::NOT_NAME)
                        && score[k] >= 0.75
                        && t.len() >= 4
                    {
                        // next to a sure name: "صدر جوبائیڈن", "ایم وینکیا نائیڈو"
                        0.7
                    } else if !t.has(flag::URDU_COMMON | flag::URDU_SEEN | flag::NOT_NAME)
                        && score[k] >= 0.7
                        && t.len() >= 4
                    {
                        0.55
                    } else {
                        0.0
                    }
                }
                _ => 0.0,
            };
            if s > 0.0 {
                score[i] = s;
                changed = true;
            }
        }
    }
    // a name found once is a name wherever it appears in the story ("Waddah also sent …")
    let mut seen: HashSet<&str> = HashSet::new();
    for i in 0..n {
        let t = &toks[i];
        if score[i] >= 0.6 && t.len() >= 3 && !t.has(flag::NOT_NAME | flag::URDU_COMMON) {
            seen.insert(t.text(ctx.text));
        }
    }
    if !seen.is_empty() {
        for i in 0..n {
            let t = &toks[i];
            if score[i] == 0.0
                && t.is_word()
                && (t.class == Class::Urdu || t.shape != Shape::Lower)
                && !in_blocked(t)
                && seen.contains(t.text(ctx.text))
            {
                score[i] = 0.7;
            }
        }
    }
    // connectors between two name words are part of the name
    for i in 1..n.saturating_sub(1) {
        if score[i] == 0.0
            && toks[i].has(flag::CONNECTOR)
            && score[i - 1] > 0.0
            && score[i + 1] > 0.0
            && joined(ctx, i - 1, i + 1)
        {
            score[i] = score[i - 1].min(score[i + 1]);
        }
    }
    // spans of consecutive name words
    let mut i = 0;
    while i < n {
        if score[i] == 0.0 {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut best = score[i];
        let mut k = i + 1;
        while k < n && k <= last + 2 {
            if score[k] > 0.0 && joined(ctx, last, k) {
                last = k;
                best = best.max(score[k]);
            } else if score[k] > 0.0 || toks[k].is_word() && !toks[k].has(flag::CONNECTOR) {
                break;
            }
            k += 1;
        }
        // a lone weak guess (unknown capitalised word) of one letter is dropped
        if !(last == i && toks[i].len() == 1) {
            push(
                out,
                toks[i].start as usize,
                toks[last].end as usize,
                Kind::Name,
                best,
            );
        }
        i = last + 1;
    }
}

fn latin_seed(ctx: &Ctx<'_>, i: usize, t: &Tok, cue: Cue, hon: bool, latin_text: bool) -> f32 {
    let cap = capitalised(t);
    let lower = t.shape == Shape::Lower;
    // A title that is also a family name (Malik, Raja, Syed) followed by a name is part of
    // the name; the grow step adds it. Pure titles are never names.
    if t.has(flag::TITLE) && !known(t) && !t.has(flag::AMBIGUOUS | flag::NAME_PART) {
        return 0.0;
    }
    if t.len() < 2 {
        return 0.0;
    }
    let stop = t.has(flag::NOT_NAME) && !known(t);
    if cue == Cue::Strong && !stop && (cap || (lower && (strong(t) || ends_name_clause(ctx, i)))) {
        return 0.85;
    }
    if hon && !stop && (cap || strong(t)) {
        return 0.8;
    }
    // ALL-CAPS words are acronyms and codes more often than names: only beside another
    // all-caps name word ("AYESHA KHAN") do they count on their own
    let caps_name = t.shape == Shape::Upper
        && [i.wrapping_sub(1), i + 1].into_iter().any(|k| {
            ctx.toks
                .get(k)
                .is_some_and(|n| n.shape == Shape::Upper && n.gap == 1 && strong(n))
        });
    if strong(t) && (t.shape == Shape::Capital || caps_name) {
        return 0.85;
    }
    if cue == Cue::Relation && (cap && !stop || strong(t)) {
        return 0.75;
    }
    // a listed name that is also a word, lowercase after a relation and before the agent
    // or object marker: "meri behen noor ne", "mere bhai izzat ko"
    if cue == Cue::Relation
        && lower
        && weak(t)
        && !stop
        && ctx.toks.get(i + 1).is_some_and(|n| {
            n.class == Class::Latin && n.gap == 1 && matches!(ctx.word(i + 1), "ne" | "ko")
        })
    {
        return 0.7;
    }
    if weak(t) && cap && (cue != Cue::None || hon) {
        return 0.7;
    }
    // mid-sentence capitalised word that is nothing else we know
    if cap
        && latin_text
        && t.shape == Shape::Capital
        && !t.sentence_start
        && !t.has(
            flag::NOT_NAME | flag::PLACE | flag::ORG_KNOWN | flag::PLATE_CUE | flag::PASSPORT_CUE,
        )
        && !weak(t)
        && !after_digit_or_code(ctx, i)
        && in_latin_sentence(ctx, i)
        && !after_locative(ctx, i)
        && !title_case_run(ctx, i)
        && (!t.has(flag::PLACE_PART) || beside_plain_capital(ctx, i))
    {
        return 0.5;
    }
    0.0
}

/// The nearest word before the run of capitalised words is a lowercase Latin word: an
/// English or Roman-Urdu sentence, not an English term quoted in Urdu text
/// ("کمر ( Waist Circumference )"). The run also must not end in the name of a public body
/// ("the Pakistan Telecommunication Authority").
fn in_latin_sentence(ctx: &Ctx<'_>, i: usize) -> bool {
    let toks = ctx.toks;
    let mut k = i + 1;
    while k < toks.len()
        && k <= i + 4
        && toks[k].class == Class::Latin
        && toks[k].gap == 1
        && capitalised(&toks[k])
    {
        if toks[k].has(flag::INSTITUTION | flag::ORG_KEYWORD) {
            return false;
        }
        k += 1;
    }
    toks[..i]
        .iter()
        .rev()
        .filter(|t| t.is_word())
        .find(|t| !(t.class == Class::Latin && capitalised(t)))
        .is_none_or(|t| t.class == Class::Latin)
}

/// Part of a Title Case phrase ("Guilty Pleasures Of The 70s", "Civil Rights Act"): the
/// run of capitalised words around `i` holds a capitalised common word in mid-sentence, or
/// has three or more words none of which is a known name.
fn title_case_run(ctx: &Ctx<'_>, i: usize) -> bool {
    let toks = ctx.toks;
    let cap = |k: usize| {
        toks[k].class == Class::Latin && matches!(toks[k].shape, Shape::Capital | Shape::Upper)
    };
    // a common word opening the sentence ("Yesterday Hasan Tarin …") is not part of it
    let opener = |k: usize| toks[k].sentence_start && toks[k].has(flag::NOT_NAME);
    let mut first = i;
    while first > 0 && cap(first - 1) && toks[first].gap == 1 && !opener(first - 1) {
        first -= 1;
    }
    let mut last = i;
    while last + 1 < toks.len() && cap(last + 1) && toks[last + 1].gap == 1 {
        last += 1;
    }
    let run = &toks[first..=last];
    let common_inside = run
        .iter()
        .any(|t| t.has(flag::NOT_NAME) && !t.sentence_start && !known(t));
    let any_known = run.iter().any(known);
    common_inside || (run.len() >= 4 && !any_known)
}

/// "in Hernani", "from Kenosha", "at Blatná": an unknown capitalised word after a
/// preposition of place is a place more often than a person.
fn after_locative(ctx: &Ctx<'_>, i: usize) -> bool {
    i > 0
        && ctx.toks[i - 1].class == Class::Latin
        && matches!(
            ctx.word(i - 1),
            "in" | "from" | "at" | "near" | "across" | "via" | "of" | "mein" | "se"
        )
}

/// A lowercase word after "mera naam" is a name when the clause ends after it
/// ("mera naam zarmeen hai", "my name is zarmeen."), not "my name appears …".
fn ends_name_clause(ctx: &Ctx<'_>, i: usize) -> bool {
    match ctx.toks.get(i + 1) {
        None => true,
        Some(n) if n.gap == 2 => true,
        Some(n) => match n.class {
            Class::Punct => true,
            Class::Latin => {
                matches!(
                    ctx.word(i + 1),
                    "hai" | "he" | "hy" | "h" | "hain" | "tha" | "thi" | "and" | "aur" | "ha"
                ) || strong(n)
                    // a second lowercase name word: "mera naam shallal warind hai"
                    || (n.shape == Shape::Lower
                        && !n.has(flag::NOT_NAME)
                        && ctx.toks.get(i + 2).is_some_and(|m| {
                            m.class == Class::Latin
                                && matches!(ctx.word(i + 2), "hai" | "he" | "hy" | "h" | "tha" | "thi")
                        }))
            }
            _ => false,
        },
    }
}

/// A capitalised neighbour that is no place word ("Hasan Tarin", not "Dera Ghazi").
fn beside_plain_capital(ctx: &Ctx<'_>, i: usize) -> bool {
    let plain = |k: usize| {
        ctx.toks.get(k).is_some_and(|n| {
            n.class == Class::Latin
                && n.shape == Shape::Capital
                && !n.has(flag::PLACE | flag::PLACE_PART | flag::NOT_NAME)
        })
    };
    (i > 0 && plain(i - 1) && joined(ctx, i - 1, i)) || (plain(i + 1) && joined(ctx, i, i + 1))
}

/// "5 Ayesha" is rare; "Block 5 Gulberg" is an address: a capitalised word right after a
/// number is left to the address detector.
fn after_digit_or_code(ctx: &Ctx<'_>, i: usize) -> bool {
    i > 0 && matches!(ctx.toks[i - 1].class, Class::Digits)
}

/// Auxiliaries that follow a verb's participle: "کہتا ہے", "kehta hai", "karti thi".
const AUXILIARIES: &[&str] = &[
    "ہے", "ہیں", "تھا", "تھی", "تھے", "hai", "hain", "tha", "thi", "the", "thay", "he",
];

/// Word `i` is an unlisted participle (ending in تا/تی/تے or ta/ti/te) before an auxiliary:
/// "میرا کزن کہتا ہے", "mera cousin kehta hai" — a verb after a relation, not the
/// relative's name.
pub(crate) fn verb_before_auxiliary(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if t.has(flag::ANY_NAME | flag::AMBIGUOUS | flag::NAME_PART) || t.len() < 4 {
        return false;
    }
    let w = t.text(text);
    let participle = match t.class {
        Class::Urdu => ["تا", "تی", "تے"].iter().any(|e| w.ends_with(e)),
        Class::Latin => {
            t.shape == Shape::Lower && ["ta", "ti", "te"].iter().any(|e| w.ends_with(e))
        }
        _ => false,
    };
    participle
        && toks
            .get(i + 1)
            .is_some_and(|n| n.gap == 1 && n.is_word() && AUXILIARIES.contains(&n.text(text)))
}

fn urdu_seed(t: &Tok, cue: Cue, hon: bool, verb: bool) -> f32 {
    if t.has(flag::NOT_NAME) {
        return 0.0;
    }
    let listed = known(t) || t.has(flag::AMBIGUOUS | flag::NAME_PART);
    // a pure title or honorific ("ڈاکٹر", "صاحب") is not a name; a clan name that is also a
    // title ("مرزا", "ملک") is
    if t.has(flag::TITLE | flag::HONORIFIC | flag::NAME_CUE | flag::RELATION) && !listed {
        return 0.0;
    }
    // "جج صاحب", "خالہ جان", "میری نند نے": a relation, or an honorific that some list
    // also holds as a name, is the relation or honorific here (a sure name may be honorific)
    if !t.has(flag::NAME_PART) && (t.has(flag::RELATION) || (t.has(flag::HONORIFIC) && !strong(t)))
    {
        return 0.0;
    }
    // "مولوی صاحب", "مولوی نے کہا": a title alone is no name even where a list holds it;
    // a clan name that is also a title ("ملک", "مرزا") is a name part
    if t.has(flag::TITLE) && !t.has(flag::NAME_PART | flag::AMBIGUOUS) {
        return 0.0;
    }
    if strong(t) {
        return 0.75;
    }
    let common = t.has(flag::URDU_COMMON) && !listed;
    if cue == Cue::Strong {
        return 0.75;
    }
    if hon && !common {
        return 0.7;
    }
    // "پڑوسی ملک" is "a neighbouring country", not "my neighbour Malik"
    if cue == Cue::Relation && (listed || !common) && !t.has(flag::NAME_PART_COMMON) && !verb {
        return 0.7;
    }
    0.0
}

/// Roman-Urdu words after a name that mark it as a person: "adnan mirza ne", "ko", "sahab".
const ROMAN_PERSON_AFTER: &[&str] = &[
    "ne", "ko", "se", "ka", "ki", "ke", "aur", "sahab", "sahib", "saab", "bhai", "ji",
];

/// Urdu words after a name that mark it as a person: "صدف ملک نے", "کو", "صاحب".
const URDU_PERSON_AFTER: &[&str] = &["نے", "کو", "سے", "کا", "کی", "کے", "اور"];

/// Whether token `i` can stand in a name beside a name part: a known name, or a word in a
/// name's place that is nothing else we know.
fn pairs_with_name_part(ctx: &Ctx<'_>, i: usize) -> bool {
    let t = &ctx.toks[i];
    let cue = flag::TITLE | flag::HONORIFIC | flag::NAME_CUE | flag::RELATION;
    if never(t)
        || t.has(flag::BLOCKED | flag::NEVER_NAME)
        || (t.has(cue) && !t.has(flag::NAME_PART))
    {
        return false;
    }
    if known(t) || t.has(flag::NAME_PART | flag::AMBIGUOUS) {
        return !t.has(flag::NOT_NAME | flag::URDU_COMMON);
    }
    let other_role = flag::NOT_NAME
        | flag::URDU_COMMON
        | flag::PLACE
        | flag::PLACE_PART
        | flag::ORG_KEYWORD
        | flag::ORG_KNOWN
        | flag::INSTITUTION;
    !t.has(other_role) && t.text(ctx.text).chars().count() >= 3
}

/// Two or three Urdu words in a name's place that open a sentence right before "نے" are a
/// person: "ارشد ڈوگر نے دھمکی دی" — the ergative "نے" follows the doer of a past act, and a
/// sentence opening with two words nothing else knows is most often a person (IL-NER
/// train, nine tenths: 13 of 18 such runs are people). One word alone ("ایپل نے") or a
/// run inside a sentence ("… بھارتی عدالت عظمیٰ نے") is as often a country or a body, and
/// is left to the tagger.
fn urdu_names_before_ne(ctx: &Ctx<'_>, score: &mut [f32]) {
    let toks = ctx.toks;
    for i in 2..toks.len() {
        if toks[i].gap != 1 || ctx.word(i) != "نے" {
            continue;
        }
        let mut k = i;
        while k > 0 && i - k < 3 {
            let t = &toks[k - 1];
            let fits = t.class == Class::Urdu
                && (k == i || joined(ctx, k - 1, k))
                && !t.has(flag::NAME_PART_COMMON)
                && (pairs_with_name_part(ctx, k - 1) || strong(t));
            if !fits {
                break;
            }
            k -= 1;
        }
        let genitive_before = k > 0 && matches!(ctx.word(k - 1), "کی" | "کے" | "کا");
        if i - k >= URDU_RUN_MIN && (toks[k].sentence_start || !genitive_before) {
            for s in &mut score[k..i] {
                *s = s.max(0.6);
            }
        }
    }
}

/// Words in a run before "نے" that [`urdu_names_before_ne`] needs.
const URDU_RUN_MIN: usize = 2;

/// The word after token `i` is one of `words`, on the same line.
fn followed_by(ctx: &Ctx<'_>, i: usize, words: &[&str]) -> bool {
    ctx.toks
        .get(i + 1)
        .is_some_and(|n| n.gap == 1 && n.is_word() && words.contains(&ctx.word(i + 1)))
        || honorific_after(ctx, i)
}

/// A name part beside a word in a name's place makes a name of both: "Adnan Mirza" (both
/// capitalised), "adnan mirza ne" (lowercase, before a word that marks a person), "زینب
/// شیخ" (beside a known name) and "صدف ملک نے" (beside an unknown word, before a word that
/// marks a person). A name part that is also an ordinary word ("ghar ka malik", "ملک")
/// pairs with an unknown word only before "نے" or an honorific, and in lowercase Roman
/// Urdu only with a known name or after a cue ("meri dost sadaf malik ne").
fn name_part_pairs(ctx: &Ctx<'_>, score: &mut [f32]) {
    let toks = ctx.toks;
    for i in 0..toks.len() {
        let t = &toks[i];
        if !t.has(flag::NAME_PART) || t.has(flag::BLOCKED | flag::NEVER_NAME) {
            continue;
        }
        let common = t.has(flag::NAME_PART_COMMON);
        for o in [i.wrapping_sub(1), i + 1] {
            if o >= toks.len() || !pairs_with_name_part(ctx, o) {
                continue;
            }
            let (a, b) = (i.min(o), i.max(o));
            // a word standing free, not the tail of a link or address ("najma.cheema")
            if !joined(ctx, a, b) || (a > 0 && toks[a].gap == 0) {
                continue;
            }
            let other = &toks[o];
            let s = match t.class {
                Class::Latin if capitalised(t) && other.shape == Shape::Capital => 0.75,
                // lowercase, only the given name before the surname: a Roman-Urdu verb
                // often follows a name ("mirza banaya")
                Class::Latin if t.shape == Shape::Lower && other.shape == Shape::Lower && o < i => {
                    // "meri dost sadaf malik ne": a cue before the pair vouches for it
                    let sure = !common || strong(other) || cue_before(ctx, o) != Cue::None;
                    if sure && followed_by(ctx, b, ROMAN_PERSON_AFTER) {
                        0.7
                    } else {
                        0.0
                    }
                }
                Class::Urdu => {
                    let named = known(other) || other.has(flag::AMBIGUOUS | flag::NAME_PART);
                    let after = if common {
                        followed_by(ctx, b, &["نے"])
                    } else {
                        followed_by(ctx, b, URDU_PERSON_AFTER)
                    };
                    if named || after { 0.7 } else { 0.0 }
                }
                _ => 0.0,
            };
            if s > 0.0 {
                score[i] = score[i].max(s);
                score[o] = score[o].max(s);
            }
        }
    }
}

/// The names of Latin letters in Urdu script, as acronyms are written ("ایس جی ایس ٹی",
/// "ایس پی"); in a name they are initials beside a name word.
const URDU_LETTERS: &[&str] = &[
    "اے",
    "بی",
    "سی",
    "ڈی",
    "ای",
    "ایف",
    "جی",
    "ایچ",
    "آئی",
    "جے",
    "کے",
    "ایل",
    "ایم",
    "این",
    "او",
    "پی",
    "کیو",
    "آر",
    "ایس",
    "ٹی",
    "یو",
    "وی",
    "ڈبلیو",
    "ایکس",
    "وائی",
    "زیڈ",
];

/// Trims a leading title off name candidates (of the rules and the tagger alike) and drops
/// those that are something else:
/// an acronym spelt in Urdu letter names ("ایس جی ایس ٹی") and a single Urdu word joined
/// by '_' to the next or the one before ("دانش_مندی", "ثروت_مند") without a cue before it:
/// a compound, not a name.
pub(crate) fn drop_non_names(text: &str, toks: &[Tok], cands: &mut Vec<Candidate>) {
    if !cands.iter().any(|c| c.kind == Kind::Name) {
        return;
    }
    // "شری مودی" from the tagger: a leading title is no part of the name, nor a leading
    // "name" cue ("ناں شاہد اقبال") or a Sindhi or Pashto participle ("ڏيندڙ اشفاق")
    for c in cands.iter_mut().filter(|c| c.kind == Kind::Name) {
        let first = toks.partition_point(|t| (t.end as usize) <= c.start);
        let last = toks.partition_point(|t| (t.start as usize) < c.end);
        let mut k = first;
        // in Urdu script only: generated Roman and English stories count "Haji" in the name
        while k + 1 < last
            && toks[k].class == Class::Urdu
            && (toks[k].has(flag::TITLE | flag::NAME_CUE)
                || regional_participle(toks[k].text(text)))
            && !toks[k].has(flag::ANY_NAME | flag::AMBIGUOUS | flag::NAME_PART)
        {
            k += 1;
            while k + 1 < last && !toks[k].is_word() {
                k += 1;
            }
        }
        if k > first && toks[k].is_word() {
            c.start = toks[k].start as usize;
        }
    }
    cands.retain(|c| {
        if c.kind != Kind::Name {
            return true;
        }
        let first = toks.partition_point(|t| (t.end as usize) <= c.start);
        let last = toks.partition_point(|t| (t.start as usize) < c.end);
        let mut words = (first..last).filter(|&k| toks[k].is_word());
        let Some(only) = words.next() else {
            return true;
        };
        let single = words.next().is_none();
        let letters = (first..last)
            .filter(|&k| toks[k].is_word())
            .all(|k| toks[k].class == Class::Urdu && URDU_LETTERS.contains(&toks[k].text(text)));
        if letters {
            return false;
        }
        let underscore_at = |k: usize| {
            toks.get(k)
                .is_some_and(|t| t.gap == 0 && t.text(text) == "_")
                && toks
                    .get(k + 1)
                    .is_some_and(|t| t.gap == 0 && t.class == Class::Urdu)
        };
        let joined_after = underscore_at(last);
        let joined_before = first >= 2
            && toks[first].gap == 0
            && toks[first - 1].text(text) == "_"
            && toks[first - 2].class == Class::Urdu
            && toks[first - 1].gap == 0;
        // "میرا نام ثروت_جہاں ہے": after a cue it is a name however it is written
        let cued = first > 0
            && toks[first - 1].has(flag::NAME_CUE | flag::TITLE | flag::RELATION | flag::HONORIFIC);
        let compound =
            single && toks[only].class == Class::Urdu && (joined_after || joined_before) && !cued;
        !compound
    });
}
