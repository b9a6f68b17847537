//! The word lists the detectors consult: name gazetteers (data/names/), surnames, castes
//! and tribes (data/names/name-parts.txt), cue words (data/redaction/cues.txt), non-name
//! capitalised words (data/redaction/latin-stop.txt), frequent Roman-Urdu words
//! (data/redaction/roman-common.txt), frequent Urdu words
//! (data/redaction/urdu-common.txt, rarer ones in urdu-seen.txt; ordinary words of abuse
//! reports in urdu-domain.txt), words of the names of laws and public bodies
//! (data/redaction/public-words.txt), the place gazetteer, and the phrases that are never a
//! name (data/redaction/never-names.txt). Every word maps to a set of role flags, so a token
//! is looked up once.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::normalise::normalise_str;
use crate::places::Gazetteer;

/// Role flags of a word.
pub(crate) mod flag {
    pub const GIVEN: u32 = 1 << 0;
    pub const FAMILY: u32 = 1 << 1;
    pub const INTL: u32 = 1 << 2;
    pub const URDU_NAME: u32 = 1 << 3;
    pub const AMBIGUOUS: u32 = 1 << 4;
    pub const PLACE: u32 = 1 << 5;
    pub const STOP: u32 = 1 << 6;
    pub const TITLE: u32 = 1 << 7;
    pub const HONORIFIC: u32 = 1 << 8;
    pub const NAME_CUE: u32 = 1 << 9;
    pub const RELATION: u32 = 1 << 10;
    pub const CONNECTOR: u32 = 1 << 11;
    pub const ADDRESS_ANCHOR: u32 = 1 << 12;
    pub const STREET_SUFFIX: u32 = 1 << 13;
    pub const ORG_KEYWORD: u32 = 1 << 14;
    pub const ORG_KNOWN: u32 = 1 << 15;
    pub const PLATE_CUE: u32 = 1 << 16;
    pub const PLATE_PREFIX: u32 = 1 << 17;
    pub const PHONE_CUE: u32 = 1 << 18;
    pub const BIRTH_CUE: u32 = 1 << 19;
    pub const PASSPORT_CUE: u32 = 1 << 20;
    pub const MONTH: u32 = 1 << 21;
    pub const URDU_COMMON: u32 = 1 << 22;
    /// A word of a place name of several words ("Dera", "Ghazi" in Dera Ghazi Khan).
    pub const PLACE_PART: u32 = 1 << 23;
    /// Ends the name of a public body (Authority, Commission, Ministry …).
    pub const INSTITUTION: u32 = 1 << 24;
    /// A common English word (Faker's lorem list, country names): no name when capitalised
    /// alone, but fine inside an address or organisation ("Lovers Lane", "Union Bank").
    pub const COMMON_EN: u32 = 1 << 25;
    /// Set by the detectors on the words of a placeholder already in the text.
    pub const BLOCKED: u32 = 1 << 26;
    /// A surname, caste or tribe (Malik, Mirza, بٹ): part of a name beside another name
    /// part, no name alone.
    pub const NAME_PART: u32 = 1 << 27;
    /// A name part that is also an ordinary word ("ghar ka malik", "ملک بھر میں").
    pub const NAME_PART_COMMON: u32 = 1 << 28;
    /// The first word of a never-name phrase (a law, a public body, a platform).
    pub const NEVER_FIRST: u32 = 1 << 29;
    /// Set by the tokenizer on the words of a never-name phrase found in the text.
    pub const NEVER_NAME: u32 = 1 << 30;
    /// An Urdu word seen in IL-NER train outside names, rarer than URDU_COMMON
    /// (data/redaction/urdu-seen.txt): never grows a name beside it, may be one after a cue.
    pub const URDU_SEEN: u32 = 1 << 31;
    /// Never a name on capitalisation alone.
    pub const NOT_NAME: u32 = STOP | COMMON_EN;

    /// A name from a gazetteer (given, family, international or Urdu-script).
    pub const ANY_NAME: u32 = GIVEN | FAMILY | INTL | URDU_NAME;
}

const GIVEN_LATIN: &str = include_str!("../../../../data/names/given-latin.txt");
const FAMILY_LATIN: &str = include_str!("../../../../data/names/family-latin.txt");
const INTL_LATIN: &str = include_str!("../../../../data/names/intl-latin.txt");
const URDU_NAMES: &str = include_str!("../../../../data/names/urdu.txt");
const AMBIGUOUS: &str = include_str!("../../../../data/names/ambiguous.txt");
const URDU_AMBIGUOUS: &str = include_str!("../../../../data/names/urdu-ambiguous.txt");
const NAME_PARTS: &str = include_str!("../../../../data/names/name-parts.txt");
const NEVER_NAMES: &str = include_str!("../../../../data/redaction/never-names.txt");
const CUES: &str = include_str!("../../../../data/redaction/cues.txt");
const LATIN_STOP: &str = include_str!("../../../../data/redaction/latin-stop.txt");
const ROMAN_COMMON: &str = include_str!("../../../../data/redaction/roman-common.txt");
const URDU_COMMON: &str = include_str!("../../../../data/redaction/urdu-common.txt");
const URDU_DOMAIN: &str = include_str!("../../../../data/redaction/urdu-domain.txt");
const URDU_SEEN: &str = include_str!("../../../../data/redaction/urdu-seen.txt");
const URDU_STOP: &str = include_str!("../../../../data/redaction/urdu-stop.txt");
const REGIONAL_STOP: &str = include_str!("../../../../data/redaction/regional-stop.txt");
const REGIONAL_COMMON: &str = include_str!("../../../../data/redaction/regional-common.txt");
const ENGLISH_COMMON: &str = include_str!("../../../../data/redaction/english-common.txt");
const PUBLIC_WORDS: &str = include_str!("../../../../data/redaction/public-words.txt");

/// FNV-1a: the keys are short words and the table is built once, so a simple
/// non-cryptographic hash is several times faster than SipHash here.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The folded words of a never-name phrase after its first word.
pub(crate) type PhraseRest = Box<[Box<str>]>;

/// Every word the engine knows, with its roles.
#[derive(Debug)]
pub(crate) struct Lexicon {
    words: HashMap<Box<str>, u32, BuildHasherDefault<Fnv>>,
    /// Never-name phrases by their first folded word: the folded words after it, longest
    /// phrase first.
    phrases: HashMap<Box<str>, Vec<PhraseRest>, BuildHasherDefault<Fnv>>,
}

impl Lexicon {
    /// The process-wide lexicon, built on first use.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut lex = Lexicon {
            words: HashMap::default(),
            phrases: HashMap::default(),
        };
        lex.add_list(GIVEN_LATIN, flag::GIVEN);
        lex.add_list(FAMILY_LATIN, flag::FAMILY);
        lex.add_list(INTL_LATIN, flag::INTL);
        lex.add_list(URDU_NAMES, flag::URDU_NAME);
        lex.add_list(AMBIGUOUS, flag::AMBIGUOUS);
        lex.add_list(URDU_AMBIGUOUS, flag::AMBIGUOUS);
        lex.add_list(URDU_COMMON, flag::URDU_COMMON);
        lex.add_list(URDU_DOMAIN, flag::URDU_COMMON);
        // several words a line, like the stop lists
        for w in REGIONAL_COMMON
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
        {
            lex.add(w, flag::URDU_COMMON);
        }
        lex.add_list(URDU_SEEN, flag::URDU_SEEN);
        lex.add_list(ENGLISH_COMMON, flag::COMMON_EN);
        lex.add_list(PUBLIC_WORDS, flag::COMMON_EN);
        let mut part = flag::NAME_PART;
        for line in NAME_PARTS.lines().map(str::trim) {
            if line == "[common]" {
                part = flag::NAME_PART | flag::NAME_PART_COMMON;
            } else if !line.is_empty() && !line.starts_with('#') {
                lex.add(line, part);
            }
        }
        lex.add_phrases(NEVER_NAMES);
        for line in LATIN_STOP
            .lines()
            .chain(URDU_STOP.lines())
            .chain(REGIONAL_STOP.lines())
        {
            let line = line.trim();
            if line.starts_with('#') {
                continue;
            }
            for w in line.split_whitespace() {
                lex.add(w, flag::STOP);
            }
        }
        let mut role = 0;
        for line in CUES.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                role = section_flag(section);
                continue;
            }
            // "سب انسپکٹر", "بھائی جان": the role belongs to the last word; the first may be
            // an ordinary word ("سب" is "all")
            if let Some(w) = line.split_whitespace().last() {
                lex.add(w, role);
            }
        }
        lex.add_english_forms();
        lex.add_roman_common();
        let places = Gazetteer::pakistan();
        for p in places.places() {
            let names = std::iter::once(p.name_en())
                .chain(p.name_ur())
                .chain(p.alt_names().iter().map(String::as_str));
            for name in names {
                let words: Vec<&str> = name
                    .split(|c: char| c.is_whitespace() || c == '-')
                    .filter(|w| !w.is_empty())
                    .collect();
                for w in &words {
                    // A word of a longer place name ("Dera Ghazi Khan") is only part of a
                    // place, and no place at all when it is also a person's name.
                    if words.len() == 1 {
                        lex.add(w, flag::PLACE);
                    } else if lex.flags(&fold(w)) & flag::ANY_NAME == 0 {
                        lex.add(w, flag::PLACE_PART);
                    }
                }
            }
        }
        lex
    }

    /// Frequent Roman-Urdu words ("jayegi", "uthao", "halanke") are stop words, so the
    /// tagger skips them. One that a given or family name list also holds ("qareeb",
    /// "diya") keeps its name flags: like the names of latin-stop.txt it is then a name
    /// with a cue ("mera naam diya hai", "meri behen diya ne"), and the tagger still
    /// reads it. One that needs context already (ambiguous.txt, name parts) stays as it
    /// is, since a stop word that no list names is no name even after "mera naam". An
    /// international name that is a frequent Roman-Urdu word ("kiya", "magar") loses its
    /// name flag.
    fn add_roman_common(&mut self) {
        const CONTEXT: u32 = flag::URDU_NAME | flag::AMBIGUOUS | flag::NAME_PART;
        const PAKISTANI: u32 = CONTEXT | flag::GIVEN | flag::FAMILY;
        for line in ROMAN_COMMON.lines().map(str::trim) {
            if line.starts_with('#') {
                continue;
            }
            for w in line.split_whitespace() {
                let key = fold(w);
                let f = self.words.entry(key.into_boxed_str()).or_insert(0);
                if *f & PAKISTANI == 0 {
                    *f &= !flag::INTL;
                }
                if *f & CONTEXT == 0 {
                    *f |= flag::STOP;
                }
            }
        }
    }

    /// The regular inflections of the English words of english-common.txt, latin-stop.txt
    /// and the organisation words of cues.txt ("mosques", "reported", "factories") are
    /// common words too, unless a list holds them as a name. Added once here, so a lookup
    /// stays one probe.
    fn add_english_forms(&mut self) {
        let base: Vec<(Box<str>, u32)> = self
            .words
            .iter()
            .filter(|&(w, &f)| {
                f & (flag::STOP | flag::COMMON_EN | flag::ORG_KEYWORD | flag::INSTITUTION) != 0
                    && w.len() >= 3
                    && w.bytes().all(|b| b.is_ascii_lowercase())
            })
            .map(|(w, &f)| (w.clone(), f))
            .collect();
        for (w, _) in base {
            for form in english_forms(&w) {
                let f = self.flags(&form);
                if f & (flag::ANY_NAME | flag::AMBIGUOUS | flag::NAME_PART) == 0 {
                    self.add(&form, flag::COMMON_EN);
                }
            }
        }
    }

    fn add_list(&mut self, text: &str, f: u32) {
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            self.add(line, f);
        }
    }

    /// Adds the never-name phrases of `text`, one a line, split into words as the
    /// tokenizer splits them.
    fn add_phrases(&mut self, text: &str) {
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let words: Vec<String> = phrase_words(line).map(fold).collect();
            let Some((first, rest)) = words.split_first() else {
                continue;
            };
            self.add(first, flag::NEVER_FIRST);
            let rest: PhraseRest = rest.iter().map(|w| w.as_str().into()).collect();
            let list = self.phrases.entry(first.as_str().into()).or_default();
            if !list.contains(&rest) {
                list.push(rest);
            }
        }
        for list in self.phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
    }

    /// The never-name phrases that start with the folded word `first`: the words after
    /// it, longest phrase first.
    pub(crate) fn phrases(&self, first: &str) -> &[PhraseRest] {
        self.phrases.get(first).map_or(&[], Vec::as_slice)
    }

    fn add(&mut self, word: &str, f: u32) {
        let key = fold(word);
        if key.is_empty() {
            return;
        }
        *self.words.entry(key.into_boxed_str()).or_insert(0) |= f;
    }

    /// The roles of an already folded word (0 when unknown).
    pub(crate) fn flags(&self, folded: &str) -> u32 {
        self.words.get(folded).copied().unwrap_or(0)
    }
}

/// The plural, third-person, past and -ing forms of a lowercase English word.
fn english_forms(w: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(4);
    let consonant_y =
        w.ends_with('y') && !w[..w.len() - 1].ends_with(|c: char| "aeiou".contains(c));
    let stem = &w[..w.len() - 1];
    if consonant_y {
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|e| w.ends_with(e)) {
        out.push(format!("{w}es"));
    } else {
        out.push(format!("{w}s"));
    }
    if w.ends_with('e') {
        out.push(format!("{w}d"));
        if !w.ends_with("ee") {
            out.push(format!("{stem}ing"));
        }
    } else {
        if !consonant_y {
            out.push(format!("{w}ed"));
        }
        out.push(format!("{w}ing"));
    }
    out
}

/// Lowercase (Latin) and normalise (Urdu) a word for lookup.
pub(crate) fn fold(word: &str) -> String {
    normalise_str(word).to_lowercase()
}

/// The words of a phrase: runs of letters and digits (an inner apostrophe stays, as in
/// the tokenizer).
fn phrase_words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
}

fn section_flag(section: &str) -> u32 {
    match section {
        "title" => flag::TITLE,
        "honorific_after" => flag::HONORIFIC,
        "name_cue" => flag::NAME_CUE,
        "relation" => flag::RELATION,
        "connector" => flag::CONNECTOR,
        "address_anchor" => flag::ADDRESS_ANCHOR,
        "street_suffix" => flag::STREET_SUFFIX,
        "org_keyword" => flag::ORG_KEYWORD,
        "org_known" => flag::ORG_KNOWN,
        "plate_cue" => flag::PLATE_CUE,
        "plate_prefix" => flag::PLATE_PREFIX,
        "phone_cue" => flag::PHONE_CUE,
        "birth_cue" => flag::BIRTH_CUE,
        "passport_cue" => flag::PASSPORT_CUE,
        "month" => flag::MONTH,
        "institution" => flag::INSTITUTION,
        // An unknown section is a mistake in the data file; the unit test below catches it.
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_section_is_known() {
        for line in CUES.lines() {
            if let Some(s) = line
                .trim()
                .strip_prefix('[')
                .and_then(|l| l.strip_suffix(']'))
            {
                assert_ne!(section_flag(s), 0, "unknown section [{s}] in cues.txt");
            }
        }
    }

    #[test]
    fn words_carry_their_roles() {
        let lex = Lexicon::get();
        assert_ne!(lex.flags("ayesha") & flag::GIVEN, 0);
        assert_ne!(lex.flags("khan") & flag::AMBIGUOUS, 0);
        assert_ne!(lex.flags("lahore") & flag::PLACE, 0);
        assert_ne!(lex.flags("صاحب") & flag::HONORIFIC, 0);
        assert_ne!(lex.flags("محمد") & flag::URDU_NAME, 0);
        assert_ne!(lex.flags("sector") & flag::ADDRESS_ANCHOR, 0);
    }

    #[test]
    fn sindhi_pashto_and_punjabi_words_are_no_names_and_their_cues_are_cues() {
        let lex = Lexicon::get();
        let words = REGIONAL_STOP
            .lines()
            .chain(REGIONAL_COMMON.lines())
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace);
        let mut n = 0;
        for w in words {
            n += 1;
            let f = lex.flags(&fold(w));
            assert_ne!(f & (flag::STOP | flag::URDU_COMMON), 0, "{w}");
            assert_eq!(
                f & (flag::ANY_NAME | flag::AMBIGUOUS | flag::NAME_PART),
                0,
                "{w} is in a name list"
            );
        }
        assert!(n > 250, "{n} words");
        // each language's keyboard spelling finds the cue
        for (w, role) in [
            ("نالو", flag::NAME_CUE),
            ("نوم", flag::NAME_CUE),
            ("ڀيڻ", flag::RELATION),
            ("خور", flag::RELATION),
            ("شمېره", flag::PHONE_CUE),
            ("ټیلیفون", flag::PHONE_CUE),
            ("ٹیلیفون", flag::PHONE_CUE),
            ("موبائيل", flag::PHONE_CUE),
        ] {
            assert_ne!(lex.flags(&fold(w)) & role, 0, "{w}");
        }
    }

    #[test]
    fn roman_urdu_words_are_stop_words_and_names_keep_their_flags() {
        let lex = Lexicon::get();
        for w in ["jayegi", "uthao", "halanke", "qanoon", "roz", "har"] {
            assert_ne!(lex.flags(w) & flag::STOP, 0, "{w}");
            assert_eq!(lex.flags(w) & flag::ANY_NAME, 0, "{w}");
        }
        // listed as Pakistani names too: they keep their name flags
        assert_eq!(lex.flags("qareeb"), flag::GIVEN | flag::STOP);
        assert_eq!(
            lex.flags("izzat") & (flag::AMBIGUOUS | flag::STOP),
            flag::AMBIGUOUS
        );
        // an international name that is a frequent Roman-Urdu word is no name here
        assert_eq!(lex.flags("kiya") & flag::INTL, 0);
        assert_eq!(lex.flags("magar") & flag::INTL, 0);
    }

    #[test]
    fn english_inflections_are_common_words_unless_a_list_names_them() {
        let lex = Lexicon::get();
        for w in [
            "mosques",
            "reported",
            "reporting",
            "cities",
            "came",
            "factories",
        ] {
            assert_ne!(lex.flags(w) & flag::NOT_NAME, 0, "{w}");
        }
        assert_eq!(english_forms("mosque"), ["mosques", "mosqued", "mosquing"]);
        assert_eq!(english_forms("city"), ["cities", "citied", "citying"]);
        assert_eq!(english_forms("watch"), ["watches", "watched", "watching"]);
        // "Sayed" (a name part) is no past of "say", nor "Frances" a plural of "France"
        assert_ne!(lex.flags("sayed") & flag::NAME_PART, 0);
        assert_eq!(lex.flags("sayed") & flag::NOT_NAME, 0);
        assert_eq!(lex.flags("frances") & flag::NOT_NAME, 0);
    }

    #[test]
    fn name_parts_and_never_names_are_loaded() {
        let lex = Lexicon::get();
        assert_ne!(lex.flags("mirza") & flag::NAME_PART, 0);
        assert_ne!(lex.flags("بٹ") & flag::NAME_PART, 0);
        assert_ne!(lex.flags("ملک") & flag::NAME_PART_COMMON, 0);
        assert_eq!(lex.flags("qureshi") & flag::NAME_PART_COMMON, 0);
        assert_ne!(lex.flags("prevention") & flag::NEVER_FIRST, 0);
        let rest: Vec<&str> = lex.phrases("prevention")[0].iter().map(|w| &**w).collect();
        assert_eq!(rest, ["of", "electronic", "crimes", "amendment", "act"]);
        assert!(lex.phrases("ایف").iter().any(|p| p.len() == 2));
    }

    #[test]
    fn name_parts_hold_no_held_out_name_the_engine_did_not_know() {
        let lex = Lexicon::get();
        let held: Vec<&str> = [
            include_str!("../../../../data/names/heldout/family-latin.txt"),
            include_str!("../../../../data/names/heldout/family-urdu.txt"),
            include_str!("../../../../data/names/heldout/given-latin.txt"),
            include_str!("../../../../data/names/heldout/given-urdu.txt"),
        ]
        .iter()
        .flat_map(|f| f.lines())
        .filter(|l| !l.starts_with('#'))
        .collect();
        for part in NAME_PARTS.lines().filter(|l| !l.starts_with(['#', '['])) {
            // مرزا is named by the issue and was loaded (ambiguous.txt) before name parts
            let known_before = lex.flags(&fold(part)) & flag::AMBIGUOUS != 0;
            assert!(
                known_before || !held.contains(&part),
                "{part} is held out for evaluation"
            );
        }
    }

    #[test]
    fn held_out_names_are_not_loaded() {
        let lex = Lexicon::get();
        let held = include_str!("../../../../data/names/heldout/given-latin.txt");
        for name in held.lines().filter(|l| !l.starts_with('#')).take(200) {
            assert_eq!(lex.flags(name) & flag::GIVEN, 0, "{name} is held out");
        }
    }
}
