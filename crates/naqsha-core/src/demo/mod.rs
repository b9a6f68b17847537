//! Fictional demo cases for `naqsha serve --demo` and `naqsha demo seed --cases N`.
//!
//! Every case is invented. Stories are composed from bilingual story skeletons
//! (English and Urdu, written for Naqsha) plus sentences for the harms,
//! the action taken, the outcome and the source, so the text agrees with the
//! labels: a blackmail story speaks of blackmail, the platform in the labels is
//! named in both languages, an action "FIA Cybercrime Wing" is told as a
//! complaint to it. Stories read like moderated, anonymised cases ("a
//! university student", "a journalist") and contain no names, numbers or
//! addresses.
//!
//! The skeletons, descriptions and sentences are data, in `data/demo/` (see
//! its README), read by `data.rs`; this module holds the generator.
//!
//! Every title starts with [`DEMO_TITLE_PREFIX_EN`] / [`DEMO_TITLE_PREFIX_UR`]
//! and every text ends with [`DEMO_FOOTER_EN`] / [`DEMO_FOOTER_UR`], so demo
//! data can never pass for real testimony.
//!
//! Generation is deterministic: case `i` depends only on the seed and `i` (not
//! on how many cases are requested), and uses its own small PRNG so the output
//! does not change with dependency versions (it may change between Naqsha
//! versions when stories are added). 100,000 cases take a fraction of
//! a second in a release build.
//!
//! Labels use the keys of the default Pakistan taxonomy. With another
//! taxonomy, terms it does not have are left out and single-choice dimensions
//! keep one term, so the labels always validate against the taxonomy passed in.

mod data;

use serde::Deserialize;

use self::data::{DemoData, Phrase, Platform, Story};
use crate::lang::Lang;
use crate::taxonomy::{DimensionKey, Labels, Taxonomy, TermKey};

/// Prefix of every English demo title.
pub const DEMO_TITLE_PREFIX_EN: &str = "[Demo] ";
/// Prefix of every Urdu demo title.
pub const DEMO_TITLE_PREFIX_UR: &str = "[نمونہ] ";
/// Last sentence of every English demo text.
pub const DEMO_FOOTER_EN: &str = "This is a fictional demo case.";
/// Last sentence of every Urdu demo text.
pub const DEMO_FOOTER_UR: &str = "یہ ایک فرضی نمونہ کیس ہے۔";
/// First year demo cases are dated in.
pub const FIRST_YEAR: i32 = 2014;
/// Last year demo cases are dated in.
pub const LAST_YEAR: i32 = 2026;
/// Last month used in [`LAST_YEAR`], so demo cases are not dated in the future
/// of the release that ships them.
pub const LAST_MONTH_OF_LAST_YEAR: u8 = 10;

/// One fictional, already anonymised case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoCase {
    /// English title, starting with [`DEMO_TITLE_PREFIX_EN`].
    pub title_en: String,
    /// Urdu title, starting with [`DEMO_TITLE_PREFIX_UR`].
    pub title_ur: String,
    /// English story, ending with [`DEMO_FOOTER_EN`].
    pub text_en: String,
    /// Urdu story, ending with [`DEMO_FOOTER_UR`].
    pub text_ur: String,
    /// Categories, valid for the taxonomy the case was generated with.
    pub labels: Labels,
    /// Index into the caller's district list.
    pub district_index: usize,
    /// Year of the incident (generalised date), [`FIRST_YEAR`]..=[`LAST_YEAR`].
    pub year: i32,
    /// Month of the incident, 1–12.
    pub month: u8,
}

impl DemoCase {
    /// Whether titles and texts carry the demo markers in both languages.
    pub fn is_marked(&self) -> bool {
        self.title_en.starts_with(DEMO_TITLE_PREFIX_EN)
            && self.title_ur.starts_with(DEMO_TITLE_PREFIX_UR)
            && self.text_en.ends_with(DEMO_FOOTER_EN)
            && self.text_ur.ends_with(DEMO_FOOTER_UR)
    }

    /// Title in `lang`.
    pub fn title(&self, lang: Lang) -> &str {
        match lang.base() {
            Lang::EN => &self.title_en,
            _ => &self.title_ur,
        }
    }

    /// Text in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang.base() {
            Lang::EN => &self.text_en,
            _ => &self.text_ur,
        }
    }
}

/// `n` demo cases placed over `district_count` districts.
///
/// Districts are weighted so that lower indices get more cases (weight of
/// index `i` is proportional to `1 / (i + 3)`): pass the districts ordered by
/// population, largest first, and big cities get the most cases. With
/// `district_count == 0` there is nowhere to place a case and the result is
/// empty. Use [`demo_cases_weighted`] for explicit weights.
pub fn demo_cases(
    taxonomy: &Taxonomy,
    district_count: usize,
    n: usize,
    seed: u64,
) -> Vec<DemoCase> {
    demo_iter(taxonomy, district_count, seed).take(n).collect()
}

/// `n` demo cases with one weight per district (`district_weights[i]` is the
/// relative share of district `i`; zero means never). If every weight is zero
/// (or the slice is empty) the result is empty.
pub fn demo_cases_weighted(
    taxonomy: &Taxonomy,
    district_weights: &[u32],
    n: usize,
    seed: u64,
) -> Vec<DemoCase> {
    DemoCases::with_weights(taxonomy, district_weights, seed)
        .take(n)
        .collect()
}

/// An endless stream of demo cases with the default district weighting of
/// [`demo_cases`]; take as many as needed. Empty if `district_count == 0`.
pub fn demo_iter(taxonomy: &Taxonomy, district_count: usize, seed: u64) -> DemoCases {
    let weights: Vec<u32> = (0..district_count)
        .map(|i| {
            let w = 1_000_000 / (i.saturating_add(3));
            u32::try_from(w.max(1)).unwrap_or(u32::MAX)
        })
        .collect();
    DemoCases::with_weights(taxonomy, &weights, seed)
}

/// Iterator over demo cases; see [`demo_iter`]. Endless unless no district
/// can be chosen.
#[derive(Debug, Clone)]
pub struct DemoCases {
    keys: KeyTable,
    district_cumulative: Vec<u64>,
    seed: u64,
    next_index: u64,
}

impl DemoCases {
    /// Demo cases with explicit per-district weights (see [`demo_cases_weighted`]).
    pub fn with_weights(taxonomy: &Taxonomy, district_weights: &[u32], seed: u64) -> DemoCases {
        let mut total = 0u64;
        let district_cumulative = district_weights
            .iter()
            .map(|w| {
                total += u64::from(*w);
                total
            })
            .collect();
        DemoCases {
            keys: KeyTable::new(taxonomy),
            district_cumulative,
            seed,
            next_index: 0,
        }
    }

    /// The case at position `index` of this stream, independent of any
    /// other position. `None` if no district can be chosen.
    pub fn case_at(&self, index: u64) -> Option<DemoCase> {
        let total = *self.district_cumulative.last()?;
        if total == 0 {
            return None;
        }
        let mut rng = Rng::for_case(self.seed, index);
        let target = rng.below_u64(total);
        let district_index = self.district_cumulative.partition_point(|c| *c <= target);
        Some(compose(&self.keys, &mut rng, district_index))
    }
}

impl Iterator for DemoCases {
    type Item = DemoCase;

    fn next(&mut self) -> Option<DemoCase> {
        let case = self.case_at(self.next_index)?;
        self.next_index += 1;
        Some(case)
    }
}

// ---------------------------------------------------------------------------
// Randomness: SplitMix64, small, fast and stable forever.

#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn for_case(seed: u64, index: u64) -> Rng {
        let mut base = Rng(seed ^ 0x6e61_7173_6861_6465); // "naqshade"
        let a = base.next_u64();
        let mut r = Rng(a ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next_u64();
        r
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-shift.
    fn below_u64(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    fn below(&mut self, n: usize) -> usize {
        self.below_u64(n as u64) as usize
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below_u64(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Index chosen with the given weights (not all zero).
    fn weighted(&mut self, weights: &[u32]) -> usize {
        self.weighted_by(weights, |w| *w)
    }

    /// Index of an item chosen with the weights `weight` gives (not all zero).
    fn weighted_by<T>(&mut self, items: &[T], weight: impl Fn(&T) -> u32) -> usize {
        let total: u64 = items.iter().map(|item| u64::from(weight(item))).sum();
        let mut target = self.below_u64(total);
        for (i, item) in items.iter().enumerate() {
            let w = u64::from(weight(item));
            if target < w {
                return i;
            }
            target -= w;
        }
        items.len() - 1
    }

    /// A uniformly chosen item among those `keep` accepts, if any.
    fn pick_where<'a, T>(&mut self, items: &'a [T], keep: impl Fn(&T) -> bool) -> Option<&'a T> {
        let count = items.iter().filter(|item| keep(item)).count();
        if count == 0 {
            return None;
        }
        let nth = self.below(count);
        items.iter().filter(|item| keep(item)).nth(nth)
    }
}

// ---------------------------------------------------------------------------
// Label keys of the taxonomy in use

/// The taxonomy's keys, looked up by linear scan: a taxonomy has a dozen
/// dimensions of a dozen terms, where scanning beats hashing.
#[derive(Debug, Clone)]
struct KeyTable {
    dims: Vec<DimEntry>,
}

#[derive(Debug, Clone)]
struct DimEntry {
    key: DimensionKey,
    multiple: bool,
    terms: Vec<TermKey>,
}

impl KeyTable {
    fn new(taxonomy: &Taxonomy) -> KeyTable {
        let dims = taxonomy
            .dimensions()
            .iter()
            .map(|d| DimEntry {
                key: d.key.clone(),
                multiple: d.multiple,
                terms: d.terms.iter().map(|t| t.key.clone()).collect(),
            })
            .collect();
        KeyTable { dims }
    }

    /// Adds `dim.term` to `labels` if the taxonomy has it and a single-choice
    /// dimension is not already filled.
    fn add(&self, labels: &mut Labels, dim: &str, term: &str) {
        let Some(entry) = self.dims.iter().find(|e| e.key.as_str() == dim) else {
            return;
        };
        let Some(term_key) = entry.terms.iter().find(|t| t.as_str() == term) else {
            return;
        };
        if !entry.multiple && labels.get(dim).is_some_and(|set| !set.is_empty()) {
            return;
        }
        labels.insert(entry.key.clone(), term_key.clone());
    }
}

// ---------------------------------------------------------------------------
// Grammar of the survivor

/// Grammatical person the story is told about; decides pronouns in English
/// and verb endings in Urdu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gram {
    /// A woman (feminine singular).
    Woman,
    /// A transgender person / khawaja sira (feminine singular, "she").
    Trans,
    /// A man (masculine singular).
    Man,
    /// A non-binary person ("they"; respectful plural in Urdu).
    NonBinary,
}

impl Gram {
    fn term(self) -> &'static str {
        match self {
            Gram::Woman => "woman",
            Gram::Trans => "transgender",
            Gram::Man => "man",
            Gram::NonBinary => "non_binary",
        }
    }

    fn index(self) -> usize {
        match self {
            Gram::Woman => 0,
            Gram::Trans => 1,
            Gram::Man => 2,
            Gram::NonBinary => 3,
        }
    }
}

/// Who a story can be about (a story's `who` in `data/demo/stories.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Who {
    /// Women only (the story speaks of a husband, a wife, a fiancé…).
    Women,
    /// Women and transgender people.
    #[serde(rename = "women_and_trans")]
    WomenTrans,
    /// Transgender people only.
    Trans,
    /// Anyone.
    Anyone,
}

impl Who {
    fn pick(self, rng: &mut Rng) -> Gram {
        match self {
            Who::Women => Gram::Woman,
            Who::Trans => Gram::Trans,
            Who::WomenTrans => [Gram::Woman, Gram::Trans][rng.weighted(&[88, 12])],
            Who::Anyone => [Gram::Woman, Gram::Trans, Gram::Man, Gram::NonBinary]
                [rng.weighted(&[76, 10, 10, 4])],
        }
    }
}

// ---------------------------------------------------------------------------
// Composition

/// Everything a template placeholder can refer to, for one case. The
/// placeholders are described in `data/demo/README.md`; a capital first letter
/// (`{Survivor}`) capitalises the value.
struct Slots {
    gram: Gram,
    survivor: &'static Phrase,
    perp: &'static Phrase,
    platform: &'static Platform,
}

impl Slots {
    fn value(&self, name: &str, lang: Lang) -> Option<&'static str> {
        let g = self.gram.index();
        let v = match (lang, name) {
            (Lang::EN, "survivor") => &self.survivor.en,
            (Lang::UR, "survivor") => &self.survivor.ur,
            (_, "survivor_o") => &self.survivor.ur_oblique,
            (Lang::EN, "perp") | (Lang::EN, "perp_o") | (Lang::EN, "perp_self") => &self.perp.en,
            (Lang::UR, "perp") => &self.perp.ur,
            (Lang::UR, "perp_o") => &self.perp.ur_oblique,
            // Oblique and reflexive, for clauses whose subject is the survivor:
            // "اس کے سابق ساتھی" becomes "اپنے سابق ساتھی" (see `render_into`).
            (Lang::UR, "perp_self") => &self.perp.ur_oblique,
            (Lang::EN, "platform") => &self.platform.on_en,
            (Lang::UR, "platform") => &self.platform.on_ur,
            (Lang::EN, "platform_name") => &self.platform.name_en,
            (Lang::UR, "platform_name") => &self.platform.name_ur,
            (_, "she") => ["she", "she", "he", "they"][g],
            (_, "her") => ["her", "her", "his", "their"][g],
            (_, "her_o") => ["her", "her", "him", "them"][g],
            (_, "was") => ["was", "was", "was", "were"][g],
            (_, "us") => ["اس", "اس", "اس", "ان"][g],
            (_, "use") => ["اسے", "اسے", "اسے", "انہیں"][g],
            (_, "us_ne") => ["اس نے", "اس نے", "اس نے", "انہوں نے"][g],
            (_, "i") => ["ی", "ی", "ا", "ے"][g],
            (_, "gayi") => ["گئی", "گئی", "گیا", "گئے"][g],
            _ => return None,
        };
        Some(v)
    }

    /// Appends `template` to `out`, filling placeholders (values may hold
    /// placeholders themselves, e.g. "{her} former partner").
    fn render_into(&self, out: &mut String, template: &str, lang: Lang, depth: u8) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return;
            };
            let name = &after[..close];
            let capital = name.starts_with(|c: char| c.is_ascii_uppercase());
            let lower = if capital {
                std::borrow::Cow::Owned(name.to_ascii_lowercase())
            } else {
                std::borrow::Cow::Borrowed(name)
            };
            match self.value(&lower, lang) {
                Some(value) if depth < 3 && lang == Lang::UR && lower == "perp_self" => {
                    match value.strip_prefix("{us} کے ") {
                        Some(rest) => {
                            out.push_str("اپنے ");
                            self.render_into(out, rest, lang, depth + 1);
                        }
                        None => self.render_into(out, value, lang, depth + 1),
                    }
                }
                Some(value) if depth < 3 => {
                    let start = out.len();
                    self.render_into(out, value, lang, depth + 1);
                    if capital {
                        capitalise_from(out, start);
                    }
                }
                _ => out.push_str(&rest[open..open + close + 2]),
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
    }
}

fn capitalise_from(s: &mut String, start: usize) {
    if let Some(c) = s[start..].chars().next()
        && c.is_ascii_lowercase()
    {
        s.replace_range(start..start + 1, &c.to_ascii_uppercase().to_string());
    }
}

/// The survivor of a case of `story`: role (`""` for none), age band and description.
fn pick_survivor(
    rng: &mut Rng,
    data: &'static DemoData,
    story: &'static Story,
    gram: Gram,
) -> (&'static str, usize, &'static Phrase) {
    let role: &'static str = if story.roles.is_empty() {
        &data.roles[rng.weighted_by(&data.roles, |r| r.weight)].role
    } else {
        rng.pick(&story.roles).as_str()
    };
    let phrases = data.role(role);
    // Age: students are young; some roles are adults; some stories are adult-only.
    let can_be_minor = !story.adults_only && (role.is_empty() || role == "student");
    let mut weights = phrases.age_weights.unwrap_or(data.age_weights);
    if !can_be_minor {
        weights[0] = 0;
    }
    let band = rng.weighted(&weights);
    let minor = band == 0;
    let list = if minor {
        phrases.minors.get(gram)
    } else {
        phrases.adults.get(gram)
    };
    // Fall back to the role-free phrases when a role has none for this person.
    let list = if list.is_empty() {
        let plain = data.role("");
        if minor {
            plain.minors.get(gram)
        } else {
            plain.adults.get(gram)
        }
    } else {
        list
    };
    let phrase = pick_phrase(rng, list, band);
    (role, band, phrase)
}

/// Picks a phrase, avoiding "young" descriptions for older survivors.
fn pick_phrase(rng: &mut Rng, list: &'static [Phrase], band: usize) -> &'static Phrase {
    rng.pick_where(list, |p| band <= 2 || !p.en.contains("young"))
        .unwrap_or_else(|| rng.pick(list))
}

/// One description of the person responsible among those for perpetrator
/// `key`, fitting a survivor of grammatical person `gram`.
fn perp_phrase(rng: &mut Rng, data: &'static DemoData, key: &str, gram: Gram) -> &'static Phrase {
    let phrases = data.perpetrator_phrases(key);
    &rng.pick_where(phrases, |p| !p.women_only || gram == Gram::Woman)
        .unwrap_or(&phrases[0])
        .phrase
}

fn compose(keys: &KeyTable, rng: &mut Rng, district_index: usize) -> DemoCase {
    let data = DemoData::get();
    let story = &data.stories[rng.weighted_by(&data.stories, |s| s.weight)];

    let year = data.years[rng.weighted_by(&data.years, |y| y.weight)].year;
    let months = if year == LAST_YEAR {
        LAST_MONTH_OF_LAST_YEAR
    } else {
        12
    };
    let month = 1 + rng.below(usize::from(months)) as u8;

    let gram = story.who.pick(rng);
    let (role, band, survivor) = pick_survivor(rng, data, story, gram);
    let no_job = role == "student" || band == 0;
    // The age band is left out of some cases, as survivors may skip it.
    let age = rng.chance(85).then_some(&data.age_bands[band]);
    let platform_key = rng.pick(&story.platforms).as_str();
    let perp_key = rng.pick(&story.perpetrators);
    let slots = Slots {
        gram,
        survivor,
        perp: perp_phrase(rng, data, perp_key, gram),
        platform: data.platform(platform_key),
    };

    let mut labels = Labels::new();
    keys.add(&mut labels, "kind", &story.kinds[0]);
    for kind in &story.kinds[1..] {
        if rng.chance(30) {
            keys.add(&mut labels, "kind", kind);
        }
    }
    for act in &story.acts {
        keys.add(&mut labels, "act", act);
    }
    keys.add(&mut labels, "platform", platform_key);
    keys.add(&mut labels, "perpetrator", perp_key);
    keys.add(&mut labels, "survivor_gender", gram.term());
    if let Some(age) = age {
        keys.add(&mut labels, "survivor_age_band", age);
    }
    if !role.is_empty() {
        keys.add(&mut labels, "survivor_role", role);
    }
    if gram == Gram::Trans && role != "lgbtq" && rng.chance(60) {
        keys.add(&mut labels, "survivor_role", "lgbtq");
    }

    let mut text = [String::with_capacity(1024), String::with_capacity(2048)];
    let mut title = [String::with_capacity(96), String::with_capacity(160)];
    title[0].push_str(DEMO_TITLE_PREFIX_EN);
    title[1].push_str(DEMO_TITLE_PREFIX_UR);
    for (i, lang) in Lang::BASE.into_iter().enumerate() {
        let start = title[i].len();
        slots.render_into(&mut title[i], story.title(lang), lang, 0);
        capitalise_from(&mut title[i], start);
        slots.render_into(&mut text[i], story.body(lang), lang, 0);
    }

    // Second platform, sometimes.
    if rng.chance(10) {
        let second = rng.pick_where(&story.platforms, |p| {
            p != platform_key && !matches!(p.as_str(), "email" | "website_blog" | "other")
        });
        if let Some(second) = second {
            let second = data.platform(second);
            keys.add(&mut labels, "platform", &second.key);
            text[0].push_str(" The same abuse continued ");
            text[0].push_str(&second.on_en);
            text[0].push('.');
            text[1].push(' ');
            text[1].push_str(&second.on_ur);
            text[1].push_str(" بھی یہی سلوک جاری رہا۔");
        }
    }

    // Harms: the first always, then up to two more.
    let mut harm_count = 0;
    for (n, harm) in story.harms.iter().enumerate() {
        if n > 0 && (harm_count >= 3 || !rng.chance(35)) {
            continue;
        }
        harm_count += 1;
        keys.add(&mut labels, "harm", harm);
        if let Some(sentences) = data.harm_sentences(harm) {
            // Students and minors are not told as losing a job.
            let sentence = rng
                .pick_where(sentences, |p| !(no_job && p.en.contains(" job")))
                .unwrap_or(&sentences[0]);
            for (i, lang) in Lang::BASE.into_iter().enumerate() {
                text[i].push(' ');
                slots.render_into(&mut text[i], sentence.get(lang), lang, 0);
            }
        }
    }

    // Action taken.
    let took_no_action = rng.chance(12);
    // Whether someone outside (platform, authority, helpline) was asked to act.
    let mut reported_outside = false;
    if took_no_action {
        keys.add(&mut labels, "action_taken", "none");
        for (i, lang) in Lang::BASE.into_iter().enumerate() {
            text[i].push(' ');
            slots.render_into(&mut text[i], data.no_action.get(lang), lang, 0);
        }
    } else {
        let count = 1 + rng.weighted(&[50, 35, 15]);
        let mut weights: Vec<u32> = data.actions.iter().map(|a| a.weight).collect();
        let mut chosen = vec![false; data.actions.len()];
        for _ in 0..count {
            let i = rng.weighted(&weights);
            weights[i] = 0;
            chosen[i] = true;
        }
        text[0].push(' ');
        slots.render_into(&mut text[0], "{She} ", Lang::EN, 0);
        text[1].push(' ');
        slots.render_into(&mut text[1], "{us_ne} ", Lang::UR, 0);
        let mut written = 0;
        for (action, _) in data.actions.iter().zip(&chosen).filter(|(_, c)| **c) {
            let key = action.key.as_str();
            reported_outside |= !matches!(key, "blocked_privacy" | "told_family_friends");
            keys.add(&mut labels, "action_taken", key);
            let phrase = match action.told_in(year) {
                Some(told) => [told.en.as_str(), told.ur.as_str()],
                // Reported to the platform: the platform's own words.
                None => [
                    slots.platform.report_en.as_str(),
                    slots.platform.report_ur.as_str(),
                ],
            };
            written += 1;
            let last = written == count;
            if written > 1 {
                text[0].push_str(if last { " and " } else { ", " });
                text[1].push_str(if last { " اور " } else { "، " });
            }
            for (j, lang) in Lang::BASE.into_iter().enumerate() {
                slots.render_into(&mut text[j], phrase[j], lang, 0);
            }
        }
        text[0].push('.');
        text[1].push('۔');
    }

    // Outcome, usually.
    if rng.chance(85) {
        let weights: Vec<u32> = data
            .outcomes
            .iter()
            .map(|o| {
                if !reported_outside && o.key == "no_response" {
                    0
                } else {
                    o.weight
                }
            })
            .collect();
        let outcome = &data.outcomes[rng.weighted(&weights)];
        keys.add(&mut labels, "outcome", &outcome.key);
        let sentence = rng.pick(&outcome.sentences);
        for (i, lang) in Lang::BASE.into_iter().enumerate() {
            text[i].push(' ');
            slots.render_into(&mut text[i], sentence.get(lang), lang, 0);
        }
    }

    // Source.
    let source = &data.sources[rng.weighted_by(&data.sources, |s| s.weight)];
    keys.add(&mut labels, "source", &source.key);
    if let Some(sentence) = &source.sentence {
        for (i, lang) in Lang::BASE.into_iter().enumerate() {
            text[i].push(' ');
            slots.render_into(&mut text[i], sentence.get(lang), lang, 0);
        }
    }

    text[0].push(' ');
    text[0].push_str(DEMO_FOOTER_EN);
    text[1].push(' ');
    text[1].push_str(DEMO_FOOTER_UR);

    for t in text.iter_mut().chain(title.iter_mut()) {
        t.shrink_to_fit();
    }
    let [text_en, text_ur] = text;
    let [title_en, title_ur] = title;
    DemoCase {
        title_en,
        title_ur,
        text_en,
        text_ur,
        labels,
        district_index,
        year,
        month,
    }
}

// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn default_cases(n: usize, seed: u64) -> Vec<DemoCase> {
        demo_cases(Taxonomy::pakistan_default(), 160, n, seed)
    }

    #[test]
    fn deterministic_for_a_seed() {
        let a = default_cases(200, 7);
        let b = default_cases(200, 7);
        assert_eq!(a, b);
        let c = default_cases(200, 8);
        assert_ne!(a, c);
        // Case i does not depend on how many are asked for.
        assert_eq!(default_cases(50, 7)[..], a[..50]);
        let stream = demo_iter(Taxonomy::pakistan_default(), 160, 7);
        assert_eq!(stream.case_at(123).as_ref(), Some(&a[123]));
    }

    #[test]
    fn labels_validate_against_default_taxonomy() {
        let t = Taxonomy::pakistan_default();
        for case in default_cases(3000, 1) {
            assert_eq!(t.validate_labels(&case.labels), Ok(()), "{case:#?}");
            for dim in [
                "kind",
                "act",
                "harm",
                "platform",
                "perpetrator",
                "action_taken",
                "source",
            ] {
                assert!(case.labels.get(dim).is_some(), "missing {dim} in {case:#?}");
            }
        }
    }

    #[test]
    fn every_term_of_the_main_dimensions_appears_in_300_cases() {
        let t = Taxonomy::pakistan_default();
        let cases = default_cases(300, 42);
        for dim in ["kind"] {
            let seen: BTreeSet<&str> = cases
                .iter()
                .flat_map(|c| c.labels.terms(dim).map(|k| k.as_str()))
                .collect();
            for term in &t.dimension(dim).unwrap().terms {
                assert!(
                    seen.contains(term.key.as_str()),
                    "{dim}.{} never used",
                    term.key
                );
            }
        }
        // The wider dimensions are all covered in a larger sample.
        let cases = default_cases(3000, 42);
        for dim in [
            "kind",
            "act",
            "harm",
            "platform",
            "perpetrator",
            "action_taken",
            "outcome",
            "source",
            "survivor_role",
            "survivor_age_band",
        ] {
            let seen: BTreeSet<&str> = cases
                .iter()
                .flat_map(|c| c.labels.terms(dim).map(|k| k.as_str()))
                .collect();
            for term in &t.dimension(dim).unwrap().terms {
                assert!(
                    seen.contains(term.key.as_str()),
                    "{dim}.{} never used",
                    term.key
                );
            }
        }
    }

    #[test]
    fn dates_and_districts_in_range() {
        let cases = default_cases(5000, 3);
        let mut per_year = [0usize; 13];
        let mut per_district = vec![0usize; 160];
        for c in &cases {
            assert!((FIRST_YEAR..=LAST_YEAR).contains(&c.year));
            assert!((1..=12).contains(&c.month));
            if c.year == LAST_YEAR {
                assert!(c.month <= LAST_MONTH_OF_LAST_YEAR);
            }
            per_year[(c.year - FIRST_YEAR) as usize] += 1;
            per_district[c.district_index] += 1;
        }
        assert!(per_year.iter().all(|n| *n > 0));
        assert!(per_year[11] > per_year[0] * 3, "{per_year:?}");
        assert!(per_district[0] > per_district[100] * 5, "{per_district:?}");
        assert_eq!(demo_cases(Taxonomy::pakistan_default(), 0, 10, 1).len(), 0);
        let weighted = demo_cases_weighted(Taxonomy::pakistan_default(), &[0, 5, 0, 1], 300, 2);
        assert_eq!(weighted.len(), 300);
        assert!(
            weighted
                .iter()
                .all(|c| c.district_index == 1 || c.district_index == 3)
        );
        assert!(demo_cases_weighted(Taxonomy::pakistan_default(), &[0, 0], 5, 2).is_empty());
    }

    #[test]
    fn all_texts_carry_the_demo_marker() {
        for c in default_cases(2000, 11) {
            assert!(c.is_marked(), "{c:#?}");
            assert!(c.title_en.starts_with("[Demo] "));
            assert!(c.title_ur.starts_with("[نمونہ] "));
            assert!(c.text_en.ends_with("This is a fictional demo case."));
            assert!(c.text_ur.ends_with("یہ ایک فرضی نمونہ کیس ہے۔"));
        }
    }

    #[test]
    fn no_unfilled_placeholders_digits_or_latin_in_urdu() {
        for c in default_cases(3000, 5) {
            for s in [&c.title_en, &c.title_ur, &c.text_en, &c.text_ur] {
                assert!(!s.contains('{') && !s.contains('}'), "{s}");
                assert!(!s.chars().any(|ch| ch.is_numeric()), "digits in {s}");
                assert!(!s.contains("  "), "double space in {s}");
            }
            let latin_in_urdu = c
                .text_ur
                .chars()
                .chain(c.title_ur.chars())
                .any(|ch| ch.is_ascii_alphabetic());
            assert!(!latin_in_urdu, "{}", c.text_ur);
            let first = c.title_en["[Demo] ".len()..]
                .chars()
                .find(|ch| ch.is_alphabetic())
                .unwrap();
            assert!(first.is_uppercase(), "{}", c.title_en);
            let first = c.text_en.chars().next().unwrap();
            assert!(first.is_uppercase(), "{}", c.text_en);
        }
    }

    #[test]
    fn text_mentions_match_the_platform_label() {
        let t = Taxonomy::pakistan_default();
        let brands = [
            "facebook",
            "messenger",
            "whatsapp",
            "instagram",
            "x_twitter",
            "tiktok",
            "youtube",
            "snapchat",
            "telegram",
            "imo",
        ];
        for c in default_cases(1500, 9) {
            for key in c.labels.terms("platform") {
                let p = DemoData::get().platform(key.as_str());
                assert_eq!(p.key, key.as_str());
                assert!(
                    c.text_en.contains(&p.name_en),
                    "{} not in {}",
                    p.name_en,
                    c.text_en
                );
                assert!(
                    c.text_ur.contains(&p.name_ur),
                    "{} not in {}",
                    p.name_ur,
                    c.text_ur
                );
                if brands.contains(&key.as_str()) {
                    let term = t.term("platform", key.as_str()).unwrap();
                    assert!(c.text_en.contains(term.label(Lang::EN)), "{}", c.text_en);
                    assert!(c.text_ur.contains(term.label(Lang::UR)), "{}", c.text_ur);
                }
            }
            if c.labels.contains("act", "blackmail_sextortion") {
                assert!(
                    c.text_en.contains("blackmail") || c.text_en.contains("sextortion"),
                    "{}",
                    c.text_en
                );
                assert!(
                    c.text_ur.contains("بلیک میل") || c.text_ur.contains("بھتہ خوری"),
                    "{}",
                    c.text_ur
                );
            }
            if c.labels.contains("action_taken", "fia_cybercrime") {
                assert!(c.text_en.contains("Cyber"), "{}", c.text_en);
                assert!(c.text_ur.contains("سائبر کرائم"), "{}", c.text_ur);
            }
            if c.labels.contains("source", "news_report") {
                assert!(c.text_en.contains("news report"));
            }
        }
    }

    #[test]
    fn pronouns_follow_the_gender_label() {
        for c in default_cases(3000, 13) {
            if c.labels.contains("survivor_gender", "man") {
                assert!(!c.text_en.contains(" her "), "{}", c.text_en);
                assert!(!c.text_en.contains(" She "), "{}", c.text_en);
            }
            if c.labels.contains("survivor_gender", "woman") {
                assert!(!c.text_en.contains(" They "), "{}", c.text_en);
                assert!(!c.text_ur.contains("انہوں نے"), "{}", c.text_ur);
            }
            if c.labels.contains("survivor_gender", "non_binary") {
                assert!(
                    !c.text_en.contains(" she ") && !c.text_en.contains(" he "),
                    "{}",
                    c.text_en
                );
            }
        }
    }

    #[test]
    fn story_tables_are_consistent_with_the_default_taxonomy() {
        let t = Taxonomy::pakistan_default();
        let data = DemoData::get();
        assert!(data.stories.len() >= 30);
        for s in &data.stories {
            for k in &s.kinds {
                assert!(t.term("kind", k).is_some(), "{k}");
            }
            for a in &s.acts {
                assert!(t.term("act", a).is_some(), "{a}");
            }
            for h in &s.harms {
                assert!(t.term("harm", h).is_some(), "{h}");
                assert!(data.harm_sentences(h).is_some(), "{h}");
            }
            for p in &s.platforms {
                assert!(t.term("platform", p).is_some(), "{p}");
                assert_eq!(&data.platform(p).key, p);
            }
            for p in &s.perpetrators {
                assert!(t.term("perpetrator", p).is_some(), "{p}");
                assert!(data.perpetrators.iter().any(|x| &x.key == p), "{p}");
            }
            for r in &s.roles {
                assert!(t.term("survivor_role", r).is_some(), "{r}");
            }
            assert!(
                s.body_en.contains("{platform"),
                "platform missing: {}",
                s.body_en
            );
            assert!(
                s.body_ur.contains("{platform"),
                "platform missing: {}",
                s.body_ur
            );
        }
        for a in &data.actions {
            assert!(t.term("action_taken", &a.key).is_some(), "{}", a.key);
        }
        for o in &data.outcomes {
            assert!(t.term("outcome", &o.key).is_some(), "{}", o.key);
        }
        for p in &data.platforms {
            assert!(t.term("platform", &p.key).is_some(), "{}", p.key);
        }
    }

    #[test]
    fn other_taxonomies_get_only_their_own_terms() {
        let smaller = crate::taxonomy::PAKISTAN_DEFAULT_TOML
            .replacen("version = \"pk-default-2026.2\"", "version = \"test-2\"", 1)
            .replace("multiple = true", "multiple = false");
        let t = Taxonomy::from_toml(&smaller).unwrap();
        for c in demo_cases(&t, 10, 500, 4) {
            assert_eq!(t.validate_labels(&c.labels), Ok(()));
            assert!(c.is_marked());
        }
    }

    #[test]
    fn many_cases_are_fast_enough() {
        let start = std::time::Instant::now();
        let cases = default_cases(20_000, 99);
        assert_eq!(cases.len(), 20_000);
        // Generous bound for unoptimised test builds; release is far faster.
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    }
}
