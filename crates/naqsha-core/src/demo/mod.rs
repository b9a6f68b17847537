//! Fictional demo cases for `naqsha serve --demo` and `naqsha demo seed --cases N`.
//!
//! Every case is invented. Stories are composed from bilingual story skeletons
//! (English and Urdu, written for this module) plus sentences for the harms,
//! the action taken, the outcome and the source, so the text agrees with the
//! labels: a blackmail story speaks of blackmail, the platform in the labels is
//! named in both languages, an action "FIA Cybercrime Wing" is told as a
//! complaint to it. Stories read like moderated, anonymised cases ("a
//! university student", "a journalist") and contain no names, numbers or
//! addresses.
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
        match lang {
            Lang::En => &self.title_en,
            Lang::Ur => &self.title_ur,
        }
    }

    /// Text in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.text_en,
            Lang::Ur => &self.text_ur,
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

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
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
    fn pick_where<T: Copy>(&mut self, items: &[T], keep: impl Fn(&T) -> bool) -> Option<T> {
        let count = items.iter().filter(|item| keep(item)).count();
        if count == 0 {
            return None;
        }
        let nth = self.below(count);
        items.iter().filter(|item| keep(item)).nth(nth).copied()
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

/// Who a story can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// Women only (the story speaks of a husband, a wife, a fiancé…).
    Women,
    /// Women and transgender people.
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

/// A way to describe the survivor: English, Urdu (direct), Urdu (oblique, before
/// a postposition such as نے / کو / کی).
type Phrase = (&'static str, &'static str, &'static str);

/// Survivor descriptions per public role (`""` = no role), per [`Gram`] index.
/// `minors` marks phrases for survivors under 18.
struct RolePhrases {
    role: &'static str,
    adults: [&'static [Phrase]; 4],
    minors: [&'static [Phrase]; 4],
}

const NO_PHRASES: &[Phrase] = &[];

const ROLE_PHRASES: &[RolePhrases] = &[
    RolePhrases {
        role: "",
        adults: [
            &[
                ("a woman", "ایک خاتون", "ایک خاتون"),
                ("a young woman", "ایک نوجوان خاتون", "ایک نوجوان خاتون"),
                ("a schoolteacher", "ایک اسکول ٹیچر", "ایک اسکول ٹیچر"),
                ("a nurse", "ایک نرس", "ایک نرس"),
                ("a housewife", "ایک گھریلو خاتون", "ایک گھریلو خاتون"),
                ("a doctor", "ایک خاتون ڈاکٹر", "ایک خاتون ڈاکٹر"),
                (
                    "a working woman",
                    "ایک ملازمت پیشہ خاتون",
                    "ایک ملازمت پیشہ خاتون",
                ),
                ("a beautician", "ایک بیوٹیشن", "ایک بیوٹیشن"),
            ],
            &[
                ("a transgender woman", "ایک خواجہ سرا", "ایک خواجہ سرا"),
                (
                    "a transgender beautician",
                    "ایک خواجہ سرا بیوٹیشن",
                    "ایک خواجہ سرا بیوٹیشن",
                ),
            ],
            &[
                ("a young man", "ایک نوجوان", "ایک نوجوان"),
                ("a man", "ایک شخص", "ایک شخص"),
            ],
            &[(
                "a non-binary person",
                "ایک نان بائنری فرد",
                "ایک نان بائنری فرد",
            )],
        ],
        minors: [
            &[("a teenage girl", "ایک نوعمر لڑکی", "ایک نوعمر لڑکی")],
            &[(
                "a transgender teenager",
                "ایک نوعمر خواجہ سرا",
                "ایک نوعمر خواجہ سرا",
            )],
            &[("a teenage boy", "ایک نوعمر لڑکا", "ایک نوعمر لڑکے")],
            &[(
                "a non-binary teenager",
                "ایک نوعمر نان بائنری فرد",
                "ایک نوعمر نان بائنری فرد",
            )],
        ],
    },
    RolePhrases {
        role: "student",
        adults: [
            &[
                (
                    "a university student",
                    "یونیورسٹی کی ایک طالبہ",
                    "یونیورسٹی کی ایک طالبہ",
                ),
                (
                    "a college student",
                    "کالج کی ایک طالبہ",
                    "کالج کی ایک طالبہ",
                ),
            ],
            &[(
                "a transgender university student",
                "یونیورسٹی کی ایک خواجہ سرا طالبہ",
                "یونیورسٹی کی ایک خواجہ سرا طالبہ",
            )],
            &[(
                "a university student",
                "یونیورسٹی کا ایک طالب علم",
                "یونیورسٹی کے ایک طالب علم",
            )],
            &[(
                "a non-binary university student",
                "یونیورسٹی کا ایک نان بائنری طالب علم",
                "یونیورسٹی کے ایک نان بائنری طالب علم",
            )],
        ],
        minors: [
            &[
                ("a schoolgirl", "اسکول کی ایک طالبہ", "اسکول کی ایک طالبہ"),
                (
                    "a secondary school student",
                    "ہائی اسکول کی ایک طالبہ",
                    "ہائی اسکول کی ایک طالبہ",
                ),
            ],
            &[(
                "a transgender school student",
                "اسکول کی ایک خواجہ سرا طالبہ",
                "اسکول کی ایک خواجہ سرا طالبہ",
            )],
            &[(
                "a schoolboy",
                "اسکول کا ایک طالب علم",
                "اسکول کے ایک طالب علم",
            )],
            &[(
                "a non-binary school student",
                "اسکول کا ایک نان بائنری طالب علم",
                "اسکول کے ایک نان بائنری طالب علم",
            )],
        ],
    },
    RolePhrases {
        role: "journalist",
        adults: [
            &[
                ("a journalist", "ایک خاتون صحافی", "ایک خاتون صحافی"),
                (
                    "a television reporter",
                    "ٹی وی کی ایک رپورٹر",
                    "ٹی وی کی ایک رپورٹر",
                ),
            ],
            &[(
                "a transgender journalist",
                "ایک خواجہ سرا صحافی",
                "ایک خواجہ سرا صحافی",
            )],
            &[("a journalist", "ایک صحافی", "ایک صحافی")],
            &[(
                "a non-binary journalist",
                "ایک نان بائنری صحافی",
                "ایک نان بائنری صحافی",
            )],
        ],
        minors: [NO_PHRASES; 4],
    },
    RolePhrases {
        role: "activist_hrd",
        adults: [
            &[
                (
                    "a women's rights activist",
                    "خواتین کے حقوق کی ایک کارکن",
                    "خواتین کے حقوق کی ایک کارکن",
                ),
                (
                    "a lawyer who defends women's rights",
                    "خواتین کے حقوق کے لیے کام کرنے والی ایک وکیل",
                    "خواتین کے حقوق کے لیے کام کرنے والی ایک وکیل",
                ),
            ],
            &[(
                "a transgender rights activist",
                "خواجہ سرا برادری کے حقوق کی ایک کارکن",
                "خواجہ سرا برادری کے حقوق کی ایک کارکن",
            )],
            &[(
                "a human rights activist",
                "انسانی حقوق کا ایک کارکن",
                "انسانی حقوق کے ایک کارکن",
            )],
            &[(
                "a non-binary activist",
                "ایک نان بائنری سماجی کارکن",
                "ایک نان بائنری سماجی کارکن",
            )],
        ],
        minors: [NO_PHRASES; 4],
    },
    RolePhrases {
        role: "politician",
        adults: [
            &[
                (
                    "a woman politician",
                    "ایک خاتون سیاست دان",
                    "ایک خاتون سیاست دان",
                ),
                (
                    "a candidate in local elections",
                    "بلدیاتی انتخابات کی ایک امیدوار",
                    "بلدیاتی انتخابات کی ایک امیدوار",
                ),
            ],
            &[(
                "a transgender candidate in local elections",
                "بلدیاتی انتخابات میں حصہ لینے والی ایک خواجہ سرا امیدوار",
                "بلدیاتی انتخابات میں حصہ لینے والی ایک خواجہ سرا امیدوار",
            )],
            &[("a politician", "ایک سیاست دان", "ایک سیاست دان")],
            NO_PHRASES,
        ],
        minors: [NO_PHRASES; 4],
    },
    RolePhrases {
        role: "artist",
        adults: [
            &[
                ("a singer", "ایک گلوکارہ", "ایک گلوکارہ"),
                ("an actress", "ایک اداکارہ", "ایک اداکارہ"),
                ("a painter", "ایک مصورہ", "ایک مصورہ"),
            ],
            &[(
                "a transgender dancer",
                "ایک خواجہ سرا رقاصہ",
                "ایک خواجہ سرا رقاصہ",
            )],
            &[("a musician", "ایک موسیقار", "ایک موسیقار")],
            &[(
                "a non-binary artist",
                "ایک نان بائنری فنکار",
                "ایک نان بائنری فنکار",
            )],
        ],
        minors: [NO_PHRASES; 4],
    },
    RolePhrases {
        role: "religious_ethnic_minority",
        adults: [
            &[
                ("a Christian woman", "ایک مسیحی خاتون", "ایک مسیحی خاتون"),
                ("a Hindu woman", "ایک ہندو خاتون", "ایک ہندو خاتون"),
                ("an Ahmadi woman", "ایک احمدی خاتون", "ایک احمدی خاتون"),
                ("a Hazara woman", "ایک ہزارہ خاتون", "ایک ہزارہ خاتون"),
            ],
            &[(
                "a transgender woman from a religious minority",
                "ایک مذہبی اقلیت سے تعلق رکھنے والی خواجہ سرا",
                "ایک مذہبی اقلیت سے تعلق رکھنے والی خواجہ سرا",
            )],
            &[
                (
                    "a young Christian man",
                    "ایک مسیحی نوجوان",
                    "ایک مسیحی نوجوان",
                ),
                ("an Ahmadi man", "ایک احمدی شخص", "ایک احمدی شخص"),
            ],
            NO_PHRASES,
        ],
        minors: [NO_PHRASES; 4],
    },
    RolePhrases {
        role: "lgbtq",
        adults: [
            &[(
                "a woman from the LGBTQ+ community",
                "ایل جی بی ٹی کیو+ برادری سے تعلق رکھنے والی ایک خاتون",
                "ایل جی بی ٹی کیو+ برادری سے تعلق رکھنے والی ایک خاتون",
            )],
            &[
                ("a transgender woman", "ایک خواجہ سرا", "ایک خواجہ سرا"),
                ("a khawaja sira", "ایک خواجہ سرا", "ایک خواجہ سرا"),
            ],
            &[(
                "a young man from the LGBTQ+ community",
                "ایل جی بی ٹی کیو+ برادری سے تعلق رکھنے والا ایک نوجوان",
                "ایل جی بی ٹی کیو+ برادری سے تعلق رکھنے والے ایک نوجوان",
            )],
            &[(
                "a non-binary person",
                "ایک نان بائنری فرد",
                "ایک نان بائنری فرد",
            )],
        ],
        minors: [NO_PHRASES; 4],
    },
];

fn role_phrases(role: &str) -> &'static RolePhrases {
    ROLE_PHRASES
        .iter()
        .find(|r| r.role == role)
        .unwrap_or(&ROLE_PHRASES[0])
}

/// Roles chosen when a story does not ask for particular ones.
const FREE_ROLES: &[(&str, u32)] = &[
    ("", 52),
    ("student", 22),
    ("journalist", 5),
    ("activist_hrd", 6),
    ("artist", 6),
    ("politician", 2),
    ("religious_ethnic_minority", 4),
    ("lgbtq", 3),
];

// ---------------------------------------------------------------------------
// Platforms and perpetrators

struct PlatformText {
    key: &'static str,
    /// "on Facebook"
    on_en: &'static str,
    /// Word that names the platform in English text ("Facebook").
    name_en: &'static str,
    /// "فیس بک پر"
    on_ur: &'static str,
    /// Word that names the platform in Urdu text ("فیس بک").
    name_ur: &'static str,
    /// Completes "She …" for the action "reported to the platform".
    report_en: &'static str,
    /// Completes "اس نے …" for the same action.
    report_ur: &'static str,
}

const PLATFORMS: &[PlatformText] = &[
    PlatformText {
        key: "facebook",
        on_en: "on Facebook",
        name_en: "Facebook",
        on_ur: "فیس بک پر",
        name_ur: "فیس بک",
        report_en: "reported the accounts to Facebook",
        report_ur: "فیس بک کو اکاؤنٹس کی شکایت کی",
    },
    PlatformText {
        key: "messenger",
        on_en: "on Messenger",
        name_en: "Messenger",
        on_ur: "میسنجر پر",
        name_ur: "میسنجر",
        report_en: "reported the messages through Messenger",
        report_ur: "میسنجر کے ذریعے پیغامات کی شکایت کی",
    },
    PlatformText {
        key: "whatsapp",
        on_en: "on WhatsApp",
        name_en: "WhatsApp",
        on_ur: "واٹس ایپ پر",
        name_ur: "واٹس ایپ",
        report_en: "reported the numbers to WhatsApp",
        report_ur: "واٹس ایپ کو نمبروں کی شکایت کی",
    },
    PlatformText {
        key: "instagram",
        on_en: "on Instagram",
        name_en: "Instagram",
        on_ur: "انسٹاگرام پر",
        name_ur: "انسٹاگرام",
        report_en: "reported the accounts to Instagram",
        report_ur: "انسٹاگرام کو اکاؤنٹس کی شکایت کی",
    },
    PlatformText {
        key: "x_twitter",
        on_en: "on X (Twitter)",
        name_en: "X (Twitter)",
        on_ur: "ایکس (ٹوئٹر) پر",
        name_ur: "ایکس (ٹوئٹر)",
        report_en: "reported the posts to X (Twitter)",
        report_ur: "ایکس (ٹوئٹر) کو پوسٹس کی شکایت کی",
    },
    PlatformText {
        key: "tiktok",
        on_en: "on TikTok",
        name_en: "TikTok",
        on_ur: "ٹک ٹاک پر",
        name_ur: "ٹک ٹاک",
        report_en: "reported the videos and comments to TikTok",
        report_ur: "ٹک ٹاک کو ویڈیوز اور تبصروں کی شکایت کی",
    },
    PlatformText {
        key: "youtube",
        on_en: "on YouTube",
        name_en: "YouTube",
        on_ur: "یوٹیوب پر",
        name_ur: "یوٹیوب",
        report_en: "reported the videos to YouTube",
        report_ur: "یوٹیوب کو ویڈیوز کی شکایت کی",
    },
    PlatformText {
        key: "snapchat",
        on_en: "on Snapchat",
        name_en: "Snapchat",
        on_ur: "اسنیپ چیٹ پر",
        name_ur: "اسنیپ چیٹ",
        report_en: "reported the account to Snapchat",
        report_ur: "اسنیپ چیٹ کو اکاؤنٹ کی شکایت کی",
    },
    PlatformText {
        key: "telegram",
        on_en: "on Telegram",
        name_en: "Telegram",
        on_ur: "ٹیلی گرام پر",
        name_ur: "ٹیلی گرام",
        report_en: "reported the channel to Telegram",
        report_ur: "ٹیلی گرام کو چینل کی شکایت کی",
    },
    PlatformText {
        key: "imo",
        on_en: "on IMO",
        name_en: "IMO",
        on_ur: "آئی ایم او پر",
        name_ur: "آئی ایم او",
        report_en: "reported the account to IMO",
        report_ur: "آئی ایم او کو اکاؤنٹ کی شکایت کی",
    },
    PlatformText {
        key: "dating_app",
        on_en: "on a dating app",
        name_en: "dating app",
        on_ur: "ایک ڈیٹنگ ایپ پر",
        name_ur: "ڈیٹنگ ایپ",
        report_en: "reported the profile to the dating app",
        report_ur: "ڈیٹنگ ایپ کو پروفائل کی شکایت کی",
    },
    PlatformText {
        key: "email",
        on_en: "by email",
        name_en: "email",
        on_ur: "ای میل کے ذریعے",
        name_ur: "ای میل",
        report_en: "reported the sender to the email provider",
        report_ur: "ای میل سروس کو بھیجنے والے کی شکایت کی",
    },
    PlatformText {
        key: "phone_sms",
        on_en: "by phone and SMS",
        name_en: "phone",
        on_ur: "فون اور ایس ایم ایس کے ذریعے",
        name_ur: "فون",
        report_en: "reported the phone numbers to the mobile network",
        report_ur: "موبائل کمپنی کو فون نمبروں کی شکایت کی",
    },
    PlatformText {
        key: "website_blog",
        on_en: "on a website",
        name_en: "website",
        on_ur: "ایک ویب سائٹ پر",
        name_ur: "ویب سائٹ",
        report_en: "asked the website to remove the content",
        report_ur: "ویب سائٹ سے مواد ہٹانے کی درخواست کی",
    },
    PlatformText {
        key: "other",
        on_en: "on a little-known messaging app",
        name_en: "app",
        on_ur: "ایک غیر معروف ایپ پر",
        name_ur: "ایپ",
        report_en: "reported the account to the app",
        report_ur: "ایپ کو اکاؤنٹ کی شکایت کی",
    },
];

fn platform_text(key: &str) -> &'static PlatformText {
    PLATFORMS
        .iter()
        .find(|p| p.key == key)
        .unwrap_or(&PLATFORMS[PLATFORMS.len() - 1])
}

/// Ways to name the person responsible: English, Urdu direct, Urdu oblique,
/// and whether the phrase only fits a woman survivor.
type PerpPhrase = (&'static str, &'static str, &'static str, bool);

const PERPETRATORS: &[(&str, &[PerpPhrase])] = &[
    (
        "intimate_partner",
        &[
            (
                "{her} former partner",
                "{us} کا سابق ساتھی",
                "{us} کے سابق ساتھی",
                false,
            ),
            (
                "{her} ex-fiancé",
                "{us} کا سابق منگیتر",
                "{us} کے سابق منگیتر",
                true,
            ),
            (
                "{her} former husband",
                "{us} کا سابق شوہر",
                "{us} کے سابق شوہر",
                true,
            ),
        ],
    ),
    (
        "family_member",
        &[
            ("a relative", "ایک رشتہ دار", "ایک رشتہ دار", false),
            ("a male cousin", "{us} کا ایک کزن", "{us} کے ایک کزن", false),
            (
                "{her} brother-in-law",
                "{us} کا بہنوئی",
                "{us} کے بہنوئی",
                false,
            ),
        ],
    ),
    (
        "friend_acquaintance",
        &[
            ("an acquaintance", "ایک جاننے والا", "ایک جاننے والے", false),
            (
                "a former classmate",
                "ایک سابق ہم جماعت",
                "ایک سابق ہم جماعت",
                false,
            ),
            ("a neighbour", "ایک پڑوسی", "ایک پڑوسی", false),
        ],
    ),
    (
        "colleague_employer_teacher",
        &[
            ("a colleague", "ایک ساتھی کارکن", "ایک ساتھی کارکن", false),
            (
                "a senior at {her} workplace",
                "{us} کے دفتر کا ایک سینئر",
                "{us} کے دفتر کے ایک سینئر",
                false,
            ),
        ],
    ),
    (
        "stranger",
        &[
            ("a stranger", "ایک اجنبی", "ایک اجنبی", false),
            (
                "a man {she} had never met",
                "ایک انجان شخص",
                "ایک انجان شخص",
                false,
            ),
        ],
    ),
    (
        "group_mob",
        &[
            (
                "a group of accounts",
                "اکاؤنٹس کا ایک گروہ",
                "اکاؤنٹس کے ایک گروہ",
                false,
            ),
            (
                "an organised group",
                "ایک منظم گروہ",
                "ایک منظم گروہ",
                false,
            ),
        ],
    ),
    (
        "state_actor",
        &[
            (
                "a police official",
                "ایک پولیس اہلکار",
                "ایک پولیس اہلکار",
                false,
            ),
            (
                "a government official",
                "ایک سرکاری اہلکار",
                "ایک سرکاری اہلکار",
                false,
            ),
        ],
    ),
    (
        "company",
        &[
            (
                "a lending app",
                "قرض دینے والی ایک ایپ",
                "قرض دینے والی ایک ایپ",
                false,
            ),
            (
                "a recruitment company",
                "ملازمت دلانے والی ایک کمپنی",
                "ملازمت دلانے والی ایک کمپنی",
                false,
            ),
        ],
    ),
    (
        "unknown",
        &[
            (
                "an unidentified person",
                "ایک نامعلوم شخص",
                "ایک نامعلوم شخص",
                false,
            ),
            (
                "someone {she} could not identify",
                "کوئی نامعلوم شخص",
                "کسی نامعلوم شخص",
                false,
            ),
        ],
    ),
];

fn perp_phrase(rng: &mut Rng, key: &str, gram: Gram) -> PerpPhrase {
    let phrases = PERPETRATORS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, p)| *p)
        .unwrap_or(PERPETRATORS[PERPETRATORS.len() - 1].1);
    rng.pick_where(phrases, |p| !p.3 || gram == Gram::Woman)
        .unwrap_or(phrases[0])
}

// ---------------------------------------------------------------------------
// Story skeletons

/// One story skeleton. Its labels: every act in `acts`; the first kind and
/// first harm always, others sometimes; one platform; one perpetrator
/// category; a role from `roles` if non-empty.
///
/// Placeholders in the texts: `{survivor}` (Urdu also `{survivor_o}`, the
/// oblique form), `{perp}` / `{perp_o}`, `{platform}` ("on Facebook" /
/// "فیس بک پر"), `{platform_name}`, English pronouns `{she}` `{her}`
/// `{her_o}` `{was}`, Urdu `{us}` (اس/ان), `{us_ne}` (اس نے/انہوں نے),
/// `{i}` (ی/ا/ے verb ending) and `{gayi}` (گئی/گیا/گئے). A capital first
/// letter (`{Survivor}`) capitalises the value.
struct Story {
    who: Who,
    adult: bool,
    kinds: &'static [&'static str],
    acts: &'static [&'static str],
    harms: &'static [&'static str],
    platforms: &'static [&'static str],
    perps: &'static [&'static str],
    roles: &'static [&'static str],
    weight: u32,
    title: [&'static str; 2],
    body: [&'static str; 2],
}

const MESSAGING: &[&str] = &[
    "whatsapp",
    "messenger",
    "instagram",
    "imo",
    "snapchat",
    "telegram",
];

const STORIES: &[Story] = &[
    // 1. Blackmail by a former partner.
    Story {
        who: Who::Anyone,
        adult: true,
        kinds: &[
            "intimate_partner_violence",
            "online_harassment_cyberstalking",
        ],
        acts: &["blackmail_sextortion"],
        harms: &["emotional", "family_social", "reputational"],
        platforms: MESSAGING,
        perps: &["intimate_partner"],
        roles: &[],
        weight: 9,
        title: [
            "Blackmailed by a former partner {platform}",
            "سابق ساتھی کی طرف سے {platform} بلیک میلنگ",
        ],
        body: [
            "{Survivor} ended a relationship with {perp}. Soon after, threatening messages began to arrive {platform}: unless {she} resumed the relationship and paid money, private photos of {her_o} would be made public. This was blackmail, and the messages came every day, often late at night.",
            "{survivor_o} نے {perp_self} سے تعلق ختم کیا تو کچھ ہی دن بعد {platform} دھمکی آمیز پیغامات آنے لگے۔ ان میں کہا گیا کہ اگر تعلق بحال نہ کیا گیا اور پیسے نہ دیے گئے تو {us} کی نجی تصاویر عام کر دی جائیں گی۔ یہ کھلی بلیک میلنگ تھی، اور پیغامات روزانہ، اکثر رات گئے، آتے رہے۔",
        ],
    },
    // 2. Sextortion by a stranger met online.
    Story {
        who: Who::Anyone,
        adult: false,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["blackmail_sextortion"],
        harms: &["emotional", "economic"],
        platforms: &[
            "instagram",
            "facebook",
            "snapchat",
            "dating_app",
            "telegram",
        ],
        perps: &["stranger", "unknown"],
        roles: &[],
        weight: 8,
        title: [
            "Sextortion after a friendly chat {platform}",
            "{platform} دوستانہ بات چیت کے بعد جنسی بھتہ خوری",
        ],
        body: [
            "{Survivor} accepted a friend request from an account that seemed friendly {platform}. After weeks of chatting, the person behind the account obtained private pictures, then demanded money and threatened to send the pictures to {her} family. Paying once did not end it: the sextortion demands kept growing.",
            "{survivor_o} نے {platform} ایک دوستانہ لگنے والے اکاؤنٹ کی فرینڈ ریکویسٹ قبول کی۔ کئی ہفتوں کی بات چیت کے بعد اس اکاؤنٹ کے پیچھے موجود شخص نے نجی تصاویر حاصل کر لیں، پھر پیسوں کا مطالبہ کیا اور دھمکی دی کہ تصاویر {us} کے گھر والوں کو بھیج دی جائیں گی۔ ایک بار پیسے دینے سے بات ختم نہیں ہوئی: جنسی بھتہ خوری کے مطالبات بڑھتے ہی چلے گئے۔",
        ],
    },
    // 3. Intimate videos shared by a former partner.
    Story {
        who: Who::Anyone,
        adult: true,
        kinds: &["intimate_partner_violence", "culturally_justified_violence"],
        acts: &["nonconsensual_intimate_images"],
        harms: &["reputational", "family_social", "emotional", "displacement"],
        platforms: &[
            "facebook",
            "whatsapp",
            "telegram",
            "website_blog",
            "x_twitter",
        ],
        perps: &["intimate_partner"],
        roles: &[],
        weight: 8,
        title: [
            "Private videos shared without consent {platform}",
            "{platform} نجی ویڈیوز رضامندی کے بغیر پھیلا دی گئیں",
        ],
        body: [
            "After {survivor} ended {her} relationship with {perp}, private videos of {her_o} were posted {platform} and forwarded to people in {her} neighbourhood. The videos were shared without consent, yet many who saw them blamed {her_o} rather than the person who leaked them.",
            "جب {survivor_o} نے {perp_self} سے تعلق ختم کیا تو {us} کی نجی ویڈیوز {platform} ڈال دی گئیں اور محلے کے لوگوں تک پہنچا دی گئیں۔ یہ ویڈیوز رضامندی کے بغیر پھیلائی گئی تھیں، لیکن دیکھنے والوں میں سے بہت سوں نے ویڈیو لیک کرنے والے کے بجائے {use} ہی قصوروار ٹھہرایا۔",
        ],
    },
    // 4. Fake profile by an unknown person.
    Story {
        who: Who::Anyone,
        adult: false,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["impersonation"],
        harms: &["reputational", "emotional", "family_social"],
        platforms: &["facebook", "instagram", "tiktok", "x_twitter"],
        perps: &["unknown", "stranger"],
        roles: &[],
        weight: 10,
        title: [
            "Fake profile made in the name of {survivor}",
            "{survivor_o} کے نام سے جعلی پروفائل",
        ],
        body: [
            "Someone created a fake profile {platform} using the name and photographs of {survivor}. Pretending to be {her_o}, the impersonator sent friend requests to {her} relatives and posted vulgar comments in {her} name.",
            "کسی نے {platform} {survivor_o} کے نام اور تصاویر سے ایک جعلی اکاؤنٹ بنا لیا۔ اس جعلی پروفائل سے {us} کا روپ دھار کر رشتہ داروں کو فرینڈ ریکویسٹس بھیجی گئیں اور {us} کے نام سے نازیبا تبصرے کیے گئے۔",
        ],
    },
    // 5. Impersonation and defamation by someone known.
    Story {
        who: Who::Anyone,
        adult: true,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["impersonation", "defamation"],
        harms: &["reputational", "economic", "emotional"],
        platforms: &["facebook", "instagram", "whatsapp", "tiktok"],
        perps: &[
            "friend_acquaintance",
            "colleague_employer_teacher",
            "family_member",
        ],
        roles: &[],
        weight: 7,
        title: [
            "Fake account used to defame {survivor}",
            "{survivor_o} کو بدنام کرنے کے لیے جعلی اکاؤنٹ",
        ],
        body: [
            "Pretending to be {survivor}, {perp} opened an account {platform} and used it to spread lies about {her} character. People who knew {her_o} believed the posts were real. Later it became clear who was behind the fake account, but by then the damage to {her} name was done.",
            "{survivor_o} کا روپ دھار کر {perp_o} نے {platform} ایک جعلی اکاؤنٹ بنایا اور اس کے ذریعے {us} کے کردار کے بارے میں جھوٹی باتیں پھیلائیں۔ جاننے والوں نے ان پوسٹس کو سچ سمجھا۔ بعد میں معلوم ہو گیا کہ جعلی اکاؤنٹ کے پیچھے کون تھا، مگر تب تک بدنامی ہو چکی تھی۔",
        ],
    },
    // 6. Account takeover.
    Story {
        who: Who::Anyone,
        adult: false,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["hacking"],
        harms: &["emotional", "reputational", "self_censorship"],
        platforms: &["facebook", "instagram", "whatsapp", "email", "tiktok"],
        perps: &["intimate_partner", "friend_acquaintance", "unknown"],
        roles: &[],
        weight: 9,
        title: [
            "{platform_name} account hacked and taken over",
            "{platform_name} اکاؤنٹ ہیک کر کے قبضہ کر لیا گیا",
        ],
        body: [
            "{Survivor} lost control of {her} {platform_name} account after {perp} guessed the password. Messages were sent from the hacked account to {her} contacts, and {her} private chats were read and copied.",
            "{survivor_o} کے {platform_name} اکاؤنٹ پر اس وقت قبضہ ہو گیا جب {perp_o} نے پاس ورڈ کا اندازہ لگا لیا۔ ہیک شدہ اکاؤنٹ سے {us} کے جاننے والوں کو پیغامات بھیجے گئے اور {us} کی نجی گفتگو پڑھ کر محفوظ کر لی گئی۔",
        ],
    },
    // 7. Verification-code trick, hacking, blackmail.
    Story {
        who: Who::Anyone,
        adult: false,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["hacking", "blackmail_sextortion"],
        harms: &["emotional", "economic", "family_social"],
        platforms: &["whatsapp", "instagram", "facebook", "snapchat"],
        perps: &["unknown", "stranger"],
        roles: &[],
        weight: 7,
        title: [
            "A verification-code trick leads to hacking and blackmail",
            "تصدیقی کوڈ کے دھوکے سے اکاؤنٹ ہیک اور پھر بلیک میلنگ",
        ],
        body: [
            "{Survivor} received a message that seemed to come from the mobile company, asking for a verification code. Minutes later {her} {platform_name} account was hacked. The hacker copied photos from {her} chats, demanded money and threatened to send the photos to {her} family: blackmail that began with a simple trick.",
            "{survivor_o} کو ایک پیغام ملا جو بظاہر موبائل کمپنی کی طرف سے تھا اور اس میں تصدیقی کوڈ مانگا گیا تھا۔ چند ہی منٹوں میں {us} کا {platform_name} اکاؤنٹ ہیک ہو گیا۔ ہیکر نے چیٹس سے تصاویر نکال لیں، پیسوں کا مطالبہ کیا اور دھمکی دی کہ تصاویر گھر والوں کو بھیج دی جائیں گی۔ یہ بلیک میلنگ ایک سادہ سے دھوکے سے شروع ہوئی۔",
        ],
    },
    // 8. Spyware installed by a husband.
    Story {
        who: Who::Women,
        adult: true,
        kinds: &["intimate_partner_violence"],
        acts: &["stalking_monitoring"],
        harms: &["emotional", "physical", "family_social"],
        platforms: &["whatsapp", "messenger", "imo", "other"],
        perps: &["intimate_partner"],
        roles: &[],
        weight: 7,
        title: [
            "Hidden spyware used to track a wife",
            "بیوی کی نگرانی کے لیے فون میں چھپی جاسوسی ایپ",
        ],
        body: [
            "{Survivor} noticed that {her} husband always knew where {she} had been and repeated things from {her} private messages. With a relative's help {she} checked {her} phone and found a hidden spyware app that sent {her} location and {her} conversations {platform} to him.",
            "{survivor_o} نے محسوس کیا کہ {us} کے شوہر کو ہر اس جگہ کا علم ہوتا ہے جہاں وہ جاتی ہے، اور وہ {us} کے نجی پیغامات کی باتیں دہراتا ہے۔ ایک رشتہ دار کی مدد سے فون دیکھا گیا تو ایک چھپی ہوئی جاسوسی ایپ ملی جو {us} کا مقام اور {platform} ہونے والی گفتگو شوہر کو بھیج رہی تھی۔",
        ],
    },
    // 9. Stalked from comments to the doorstep.
    Story {
        who: Who::Anyone,
        adult: false,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["stalking_monitoring", "unwanted_messages"],
        harms: &["emotional", "self_censorship", "displacement"],
        platforms: &["instagram", "snapchat", "tiktok", "facebook"],
        perps: &["stranger"],
        roles: &[],
        weight: 7,
        title: [
            "Stalked from comments {platform} to the doorstep",
            "{platform} تبصروں سے گھر کی دہلیز تک پیچھا",
        ],
        body: [
            "{Survivor} began to find comments on every post {she} made {platform}, all from a man {she} had never met. He worked out where {she} lived from the background of {her} photos and started waiting outside {her} home.",
            "{platform} {survivor_o} کی ہر پوسٹ پر ایک ایسا شخص تبصرے کرنے لگا جس سے وہ کبھی نہیں مل{i} تھ{i}۔ اس نے تصاویر کے پس منظر سے {us} کے گھر کا پتا معلوم کر لیا اور گھر کے باہر انتظار کرنے لگا۔",
        ],
    },
    // 10. Doxxing of a journalist or activist.
    Story {
        who: Who::Anyone,
        adult: true,
        kinds: &[
            "online_harassment_cyberstalking",
            "violence_targeting_communities",
        ],
        acts: &["doxxing", "coordinated_attack"],
        harms: &["emotional", "self_censorship", "displacement"],
        platforms: &["x_twitter", "facebook", "telegram", "youtube"],
        perps: &["group_mob", "unknown"],
        roles: &["journalist", "activist_hrd", "politician"],
        weight: 6,
        title: [
            "Home address of {survivor} published {platform}",
            "{platform} {survivor_o} کے گھر کا پتا عام کر دیا گیا",
        ],
        body: [
            "After {survivor} criticised powerful people in public, {her} home address and phone number were posted {platform} with calls to “teach {her_o} a lesson”. Dozens of accounts shared the post within hours.",
            "جب {survivor_o} نے طاقتور لوگوں پر کھلے عام تنقید کی تو {platform} {us} کے گھر کا پتا اور فون نمبر اس مطالبے کے ساتھ شائع کر دیے گئے کہ ”اسے سبق سکھایا جائے“۔ چند گھنٹوں میں درجنوں اکاؤنٹس نے یہ پوسٹ آگے پھیلا دی۔",
        ],
    },
    // 11. Coordinated hashtag campaign.
    Story {
        who: Who::Anyone,
        adult: true,
        kinds: &[
            "online_harassment_cyberstalking",
            "violence_targeting_communities",
        ],
        acts: &["coordinated_attack", "threats"],
        harms: &["emotional", "self_censorship", "reputational"],
        platforms: &["x_twitter", "facebook", "tiktok", "youtube"],
        perps: &["group_mob"],
        roles: &["politician", "activist_hrd", "journalist"],
        weight: 6,
        title: [
            "Coordinated hashtag campaign against {survivor}",
            "{survivor_o} کے خلاف منظم ہیش ٹیگ مہم",
        ],
        body: [
            "A day after {survivor} spoke on television, a hashtag against {her_o} began trending {platform}. Hundreds of posts repeated the same insults, and some threatened rape and death. Many came from accounts created that same week.",
            "{survivor_o} کے ٹی وی پر بات کرنے کے ایک ہی دن بعد {platform} {us} کے خلاف ایک ہیش ٹیگ ٹرینڈ کرنے لگا۔ سینکڑوں پوسٹس میں ایک جیسی گالیاں دہرائی گئیں اور کچھ میں ریپ اور قتل کی دھمکیاں دی گئیں۔ ان میں سے بہت سی پوسٹس اسی ہفتے بنائے گئے اکاؤنٹس سے کی گئی تھیں۔",
        ],
    },
    // 12. False accusation of blasphemy.
    Story {
        who: Who::Anyone,
        adult: false,
        kinds: &[
            "violence_targeting_communities",
            "culturally_justified_violence",
        ],
        acts: &["hate_speech", "defamation"],
        harms: &["legal_jeopardy", "displacement", "physical", "emotional"],
        platforms: &["facebook", "whatsapp", "tiktok", "youtube"],
        perps: &["group_mob", "unknown", "colleague_employer_teacher"],
        roles: &["religious_ethnic_minority", "activist_hrd", "student"],
        weight: 5,
        title: [
            "False blasphemy accusation spread {platform}",
            "{platform} توہینِ مذہب کا جھوٹا الزام پھیلایا گیا",
        ],
        body: [
            "A screenshot, edited to look like a post by {survivor}, circulated {platform} with the claim that {she} had insulted religion. The false accusation of blasphemy spread quickly, and a crowd gathered near {her} home.",
            "ایک اسکرین شاٹ، جسے ردوبدل کر کے {survivor_o} کی پوسٹ جیسا بنایا گیا تھا، {platform} اس الزام کے ساتھ پھیلایا گیا کہ {us_ne} مذہب کی توہین کی ہے۔ توہینِ مذہب کا یہ جھوٹا الزام تیزی سے پھیلا اور {us} کے گھر کے قریب ہجوم جمع ہو گیا۔",
        ],
    },
    // 13. Deepfake video.
    Story {
        who: Who::WomenTrans,
        adult: true,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["manipulated_images", "defamation"],
        harms: &["reputational", "emotional", "family_social"],
        platforms: &["x_twitter", "facebook", "tiktok", "youtube", "whatsapp"],
        perps: &["unknown", "group_mob"],
        roles: &["politician", "journalist", "artist", "activist_hrd"],
        weight: 6,
        title: [
            "Deepfake video targets {survivor}",
            "{survivor_o} کو نشانہ بنانے والی ڈیپ فیک ویڈیو",
        ],
        body: [
            "Someone used deepfake software to put the face of {survivor} onto an obscene video, which was then spread {platform}. Although the video was fake, it was viewed thousands of times.",
            "کسی نے ڈیپ فیک سافٹ ویئر کے ذریعے {survivor_o} کا چہرہ ایک فحش ویڈیو پر لگا دیا، اور پھر یہ ویڈیو {platform} پھیلا دی گئی۔ جعلی ہونے کے باوجود یہ ویڈیو ہزاروں بار دیکھی گئی۔",
        ],
    },
    // 14. Edited photos shared in a class group.
    Story {
        who: Who::Anyone,
        adult: false,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["manipulated_images"],
        harms: &["emotional", "reputational", "self_censorship"],
        platforms: &["whatsapp", "snapchat", "telegram", "facebook"],
        perps: &["friend_acquaintance"],
        roles: &["student"],
        weight: 6,
        title: [
            "Edited photos of {survivor} shared in a {platform_name} group",
            "{survivor_o} کی ردوبدل شدہ تصاویر {platform_name} گروپ میں شیئر کی گئیں",
        ],
        body: [
            "A classmate took pictures of {survivor} from social media, edited them into indecent images and shared them in a {platform_name} group used by other students.",
            "ایک ہم جماعت نے سوشل میڈیا سے {survivor_o} کی تصاویر لے کر ان میں ردوبدل کیا اور انہیں نازیبا بنا کر طلبہ کے ایک {platform_name} گروپ میں شیئر کر دیا۔",
        ],
    },
    // 15. Secret recording at work.
    Story {
        who: Who::WomenTrans,
        adult: true,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["recording_without_consent", "blackmail_sextortion"],
        harms: &["emotional", "economic"],
        platforms: &["whatsapp", "telegram", "imo"],
        perps: &["colleague_employer_teacher"],
        roles: &[],
        weight: 5,
        title: [
            "A secret recording at work used for blackmail",
            "دفتر میں چھپ کر بنائی گئی ویڈیو سے بلیک میلنگ",
        ],
        body: [
            "A colleague secretly filmed {survivor} in the changing area at work. He later sent a clip {platform} and demanded a meeting alone; otherwise, he wrote, the recording would go to everyone in the office. It was blackmail from the first message.",
            "دفتر کے ایک ساتھی نے کپڑے بدلنے کی جگہ پر چھپ کر {survivor_o} کی ویڈیو بنا لی۔ بعد میں اس نے {platform} اس ویڈیو کا ایک حصہ بھیجا اور مطالبہ کیا کہ وہ اس سے اکیلے میں ملے، ورنہ یہ ریکارڈنگ دفتر میں سب کو بھیج دی جائے گی۔ یہ پہلے پیغام سے ہی بلیک میلنگ تھی۔",
        ],
    },
    // 16. Assault filmed and used for blackmail.
    Story {
        who: Who::WomenTrans,
        adult: false,
        kinds: &["rape_sexual_assault"],
        acts: &[
            "recording_without_consent",
            "nonconsensual_intimate_images",
            "blackmail_sextortion",
        ],
        harms: &["sexual", "emotional", "family_social"],
        platforms: &["whatsapp", "facebook", "telegram"],
        perps: &["friend_acquaintance"],
        roles: &[],
        weight: 5,
        title: [
            "Sexual assault filmed and used for blackmail",
            "جنسی حملے کی ویڈیو بنا کر بلیک میلنگ",
        ],
        body: [
            "{Survivor} was sexually assaulted by {perp}, who filmed the assault on a phone. The video was used to blackmail {her_o} into silence and was later shared {platform}.",
            "{perp_o} نے {survivor_o} پر جنسی حملہ کیا اور فون پر اس کی ویڈیو بنا لی۔ پھر اس ویڈیو کے ذریعے {use} خاموش رہنے کے لیے بلیک میل کیا گیا، اور بعد میں ویڈیو {platform} پھیلا دی گئی۔",
        ],
    },
    // 17. Rape and death threats after a march.
    Story {
        who: Who::Anyone,
        adult: true,
        kinds: &[
            "online_harassment_cyberstalking",
            "violence_targeting_communities",
        ],
        acts: &["threats", "unwanted_messages"],
        harms: &["emotional", "self_censorship"],
        platforms: &["x_twitter", "facebook", "instagram", "youtube", "tiktok"],
        perps: &["stranger", "group_mob", "unknown"],
        roles: &["activist_hrd", "journalist", "artist"],
        weight: 6,
        title: [
            "Rape and death threats after speaking at a march",
            "مارچ میں تقریر کے بعد ریپ اور قتل کی دھمکیاں",
        ],
        body: [
            "After {survivor} spoke at a women's rights march, {her} inbox {platform} filled with messages threatening rape and death. Some of the messages described the route {she} took home.",
            "خواتین کے حقوق کے ایک مارچ میں {survivor_o} کی تقریر کے بعد {platform} {us} کے ان باکس میں ریپ اور قتل کی دھمکیوں والے پیغامات کی بھرمار ہو گئی۔ کچھ پیغامات میں اس راستے کا ذکر بھی تھا جس سے {us} کی گھر واپسی ہوتی تھی۔",
        ],
    },
    // 18. Calls and messages from unknown numbers.
    Story {
        who: Who::Anyone,
        adult: false,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["unwanted_messages"],
        harms: &["emotional", "family_social"],
        platforms: &["phone_sms", "whatsapp", "imo"],
        perps: &["stranger", "unknown"],
        roles: &[],
        weight: 10,
        title: [
            "Obscene calls and messages from unknown numbers",
            "انجان نمبروں سے فحش کالز اور پیغامات",
        ],
        body: [
            "{Survivor} began receiving calls and obscene messages {platform} from a number {she} did not know. Blocking it did not help: every few days the contact started again from a new number.",
            "{survivor_o} کو {platform} ایک انجان نمبر سے کالز اور فحش پیغامات آنے لگے۔ نمبر بلاک کرنے سے فائدہ نہیں ہوا، ہر چند دن بعد کسی نئے نمبر سے رابطہ پھر شروع ہو جاتا تھا۔",
        ],
    },
    // 19. A teacher's late-night messages.
    Story {
        who: Who::Anyone,
        adult: false,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["unwanted_messages"],
        harms: &["emotional", "self_censorship", "economic"],
        platforms: &["whatsapp", "instagram", "facebook", "messenger", "snapchat"],
        perps: &["colleague_employer_teacher"],
        roles: &["student"],
        weight: 7,
        title: [
            "A teacher harasses a student with late-night messages",
            "استاد کی طرف سے طالب علم کو رات گئے پیغامات کے ذریعے ہراسانی",
        ],
        body: [
            "{Survivor} received late-night messages {platform} from a teacher at {her} institution, commenting on {her} appearance and hinting that {her} grades depended on a reply.",
            "{survivor_o} کو اپنے تعلیمی ادارے کے ایک استاد کی طرف سے رات گئے {platform} پیغامات آنے لگے، جن میں {us} کی شکل و صورت پر تبصرے ہوتے اور اشارہ دیا جاتا کہ نمبروں کا دارومدار جواب دینے پر ہے۔",
        ],
    },
    // 20. A senior at work.
    Story {
        who: Who::Anyone,
        adult: true,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["unwanted_messages"],
        harms: &["economic", "emotional"],
        platforms: &["whatsapp", "phone_sms", "email", "messenger"],
        perps: &["colleague_employer_teacher"],
        roles: &[],
        weight: 7,
        title: [
            "Harassed {platform} by a senior at work",
            "دفتر کے سینئر کی طرف سے {platform} ہراسانی",
        ],
        body: [
            "{Survivor} turned down repeated advances from a senior at work who kept writing {platform}. The messages then turned into warnings that {she} would lose {her} job.",
            "دفتر کے ایک سینئر کی طرف سے {platform} بار بار نامناسب پیغامات آنے پر {survivor_o} نے صاف انکار کر دیا۔ اس کے بعد پیغامات دھمکیوں میں بدل گئے کہ {us} کی نوکری ختم کر دی جائے گی۔",
        ],
    },
    // 21. A lending app shames a borrower.
    Story {
        who: Who::Anyone,
        adult: true,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["doxxing", "defamation", "unwanted_messages"],
        harms: &["reputational", "economic", "emotional"],
        platforms: &["phone_sms", "whatsapp"],
        perps: &["company"],
        roles: &[],
        weight: 5,
        title: [
            "A loan app shames a borrower to all phone contacts",
            "قرض ایپ نے ادھار لینے والے کو فون کے تمام رابطوں میں بدنام کیا",
        ],
        body: [
            "{Survivor} borrowed a small amount through a loan app. When a repayment was late, the app's agents wrote {platform} to everyone in {her} phone contacts, calling {her_o} a thief and sharing {her} picture and identity card.",
            "{survivor_o} نے ایک قرض ایپ سے تھوڑی سی رقم ادھار لی۔ قسط میں تاخیر ہوئی تو ایپ کے نمائندوں نے {platform} {us} کے فون کے تمام رابطوں کو پیغامات بھیجے، جن میں {use} چور کہا گیا اور {us} کی تصویر اور شناختی کارڈ بھی شیئر کیے گئے۔",
        ],
    },
    // 22. An official misuses a complainant's number.
    Story {
        who: Who::Anyone,
        adult: true,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["unwanted_messages", "threats"],
        harms: &["emotional", "legal_jeopardy"],
        platforms: &["whatsapp", "phone_sms", "imo"],
        perps: &["state_actor"],
        roles: &[],
        weight: 4,
        title: [
            "An official misuses a complainant's phone number",
            "سرکاری اہلکار نے شکایت کنندہ کے نمبر کا غلط استعمال کیا",
        ],
        body: [
            "When {survivor} went to file a complaint about a theft, {perp} took {her} number from the form and began sending personal messages {platform}. When {she} objected, the messages turned threatening: {her} complaint would disappear and a case could be made against {her_o} instead.",
            "جب {survivor} چوری کی شکایت درج کروانے {gayi} تو {perp_o} نے فارم سے {us} کا نمبر لے کر {platform} ذاتی پیغامات بھیجنا شروع کر دیا۔ اعتراض کرنے پر پیغامات دھمکیوں میں بدل گئے کہ {us} کی شکایت غائب ہو جائے گی اور الٹا {us} کے خلاف مقدمہ بن سکتا ہے۔",
        ],
    },
    // 23. Family shaming over ordinary photos.
    Story {
        who: Who::Women,
        adult: false,
        kinds: &["culturally_justified_violence"],
        acts: &["defamation"],
        harms: &["family_social", "physical", "emotional"],
        platforms: &["whatsapp", "facebook", "imo"],
        perps: &["family_member"],
        roles: &["student"],
        weight: 6,
        title: [
            "Family shaming in a {platform_name} group over ordinary photos",
            "عام سی تصاویر پر خاندان کے {platform_name} گروپ میں رسوائی",
        ],
        body: [
            "Ordinary photos of {survivor} with a male classmate were posted in the family {platform_name} group by {perp}, who claimed that {she} had dishonoured the family. {Her} family took away {her} phone and stopped {her} studies.",
            "{survivor_o} کی ایک ہم جماعت لڑکے کے ساتھ عام سی تصاویر {perp_o} نے خاندان کے {platform_name} گروپ میں ڈال دیں اور الزام لگایا کہ {us_ne} خاندان کی عزت خاک میں ملا دی ہے۔ گھر والوں نے {us} کا فون چھین لیا اور تعلیم رکوا دی۔",
        ],
    },
    // 24. "Honour" threats over dance videos.
    Story {
        who: Who::WomenTrans,
        adult: true,
        kinds: &["culturally_justified_violence"],
        acts: &["threats"],
        harms: &["physical", "displacement", "family_social", "emotional"],
        platforms: &["tiktok", "facebook", "youtube"],
        perps: &["family_member"],
        roles: &[],
        weight: 5,
        title: [
            "“Honour” threats over dance videos {platform}",
            "{platform} رقص کی ویڈیوز پر ”غیرت“ کے نام پر دھمکیاں",
        ],
        body: [
            "{Survivor} posted dance videos {platform}. {Perp} downloaded them, spread them through the extended family and declared that {she} had brought shame on everyone; soon came threats that {she} would be killed for the sake of “honour”.",
            "{survivor_o} نے {platform} رقص کی ویڈیوز ڈالیں۔ {perp_o} نے یہ ویڈیوز ڈاؤن لوڈ کر کے پورے خاندان میں پھیلا دیں اور کہا کہ {us_ne} سب کو شرمندہ کیا ہے؛ جلد ہی {use} ”غیرت“ کے نام پر قتل کی دھمکیاں ملنے لگیں۔",
        ],
    },
    // 25. Account secretly accessed, then a forced engagement.
    Story {
        who: Who::Women,
        adult: false,
        kinds: &["culturally_justified_violence"],
        acts: &["hacking", "stalking_monitoring"],
        harms: &["family_social", "emotional"],
        platforms: &["facebook", "whatsapp", "instagram", "messenger"],
        perps: &["family_member"],
        roles: &[],
        weight: 5,
        title: [
            "Account secretly accessed, then a forced engagement",
            "اکاؤنٹ تک چوری چھپے رسائی، پھر زبردستی منگنی",
        ],
        body: [
            "A close relative secretly logged into the {platform_name} account of {survivor} and read {her} conversations. The family used what they found to force {her_o} into an engagement {she} had refused.",
            "ایک قریبی رشتہ دار نے چوری چھپے {survivor_o} کے {platform_name} اکاؤنٹ میں لاگ اِن کر کے {us} کی بات چیت پڑھ لی۔ گھر والوں نے اسی کو بنیاد بنا کر {us} کی زبردستی اس رشتے سے منگنی کر دی جس سے وہ انکار کر چکی تھی۔",
        ],
    },
    // 26. Hate campaign against a transgender creator.
    Story {
        who: Who::Trans,
        adult: true,
        kinds: &["violence_targeting_communities"],
        acts: &["hate_speech", "coordinated_attack", "threats"],
        harms: &["emotional", "physical", "displacement"],
        platforms: &["tiktok", "facebook", "instagram", "youtube"],
        perps: &["group_mob", "stranger"],
        roles: &["lgbtq", "artist", "activist_hrd"],
        weight: 5,
        title: [
            "Hate campaign against a transgender creator {platform}",
            "{platform} ایک خواجہ سرا کے خلاف نفرت انگیز مہم",
        ],
        body: [
            "{Survivor} shared short videos about daily life {platform}. Pages that mock transgender people reposted them, and the comments filled with slurs and calls for violence against {her_o} and {her} community.",
            "{survivor_o} نے {platform} روزمرہ زندگی کے بارے میں مختصر ویڈیوز شیئر کیں۔ خواجہ سرا افراد کا مذاق اڑانے والے پیجز نے یہ ویڈیوز دوبارہ پوسٹ کیں اور تبصروں میں {us} اور {us} کی برادری کے خلاف گالیوں اور تشدد پر اکسانے والی باتوں کی بھرمار ہو گئی۔",
        ],
    },
    // 27. Threatened with being outed.
    Story {
        who: Who::Anyone,
        adult: true,
        kinds: &["violence_targeting_communities"],
        acts: &["blackmail_sextortion", "doxxing"],
        harms: &["emotional", "family_social", "displacement"],
        platforms: &["dating_app", "whatsapp", "facebook"],
        perps: &["stranger", "friend_acquaintance"],
        roles: &["lgbtq"],
        weight: 4,
        title: [
            "Threatened with being outed after chatting {platform}",
            "{platform} بات چیت کے بعد راز فاش کرنے کی دھمکی",
        ],
        body: [
            "{Survivor} got talking {platform} with someone who later threatened to tell {her} family and employer about {her} sexuality and gender identity unless {she} paid. When {she} refused to give in to the blackmail, screenshots of {her} private chats were sent to {her} relatives.",
            "{survivor_o} کی {platform} ایک شخص سے بات چیت ہوئی جس نے بعد میں دھمکی دی کہ اگر پیسے نہ دیے گئے تو {us} کے گھر والوں اور دفتر کو {us} کی جنسی و صنفی شناخت کے بارے میں بتا دیا جائے گا۔ بلیک میلنگ کے آگے نہ جھکنے پر {us} کی نجی گفتگو کے اسکرین شاٹس رشتہ داروں کو بھیج دیے گئے۔",
        ],
    },
    // 28. Hate after a festival greeting.
    Story {
        who: Who::Anyone,
        adult: false,
        kinds: &["violence_targeting_communities"],
        acts: &["hate_speech", "unwanted_messages"],
        harms: &["emotional", "self_censorship", "economic"],
        platforms: &["facebook", "whatsapp", "tiktok", "instagram"],
        perps: &["stranger", "group_mob"],
        roles: &["religious_ethnic_minority"],
        weight: 5,
        title: [
            "Hateful comments after a festival greeting {platform}",
            "{platform} تہوار کی مبارکباد پر نفرت انگیز تبصرے",
        ],
        body: [
            "{Survivor} posted a greeting for a religious festival {platform}. The post was flooded with hateful comments attacking {her} faith, and strangers sent messages telling {her_o} to convert or leave the country.",
            "{survivor_o} نے {platform} ایک مذہبی تہوار کی مبارکباد پوسٹ کی۔ اس پوسٹ پر {us} کے عقیدے کے خلاف نفرت انگیز تبصروں کی بھرمار ہو گئی اور اجنبیوں نے پیغامات بھیجے کہ مذہب بدل لو یا ملک چھوڑ دو۔",
        ],
    },
    // 29. A journalist branded a traitor.
    Story {
        who: Who::Anyone,
        adult: true,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["defamation", "coordinated_attack"],
        harms: &["reputational", "self_censorship", "emotional"],
        platforms: &["x_twitter", "youtube", "facebook"],
        perps: &["state_actor"],
        roles: &["journalist"],
        weight: 4,
        title: [
            "A journalist branded a traitor {platform}",
            "{platform} صحافی کو غدار قرار دے دیا گیا",
        ],
        body: [
            "After {survivor} reported on a sensitive issue, videos appeared {platform} calling {her_o} a traitor and a foreign agent. Some of the accounts spreading them appeared to be linked to official bodies.",
            "{survivor_o} کی ایک حساس معاملے پر رپورٹ کے بعد {platform} ایسی ویڈیوز سامنے آئیں جن میں {use} غدار اور غیر ملکی ایجنٹ کہا گیا۔ انہیں پھیلانے والے کچھ اکاؤنٹس بظاہر سرکاری اداروں سے منسلک تھے۔",
        ],
    },
    // 30. A fake job offer.
    Story {
        who: Who::Anyone,
        adult: true,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["other", "unwanted_messages"],
        harms: &["economic", "emotional"],
        platforms: &["facebook", "whatsapp", "email", "other"],
        perps: &["company", "stranger"],
        roles: &[],
        weight: 5,
        title: [
            "A fake job offer used to collect identity documents",
            "جعلی نوکری کی پیشکش سے شناختی دستاویزات حاصل کی گئیں",
        ],
        body: [
            "{Survivor} answered a job advertisement {platform}. The so-called recruiter asked for a copy of {her} identity card and photos, then used them to open accounts in {her} name and kept pressing for a “private interview”.",
            "{survivor_o} نے {platform} نوکری کے ایک اشتہار پر رابطہ کیا۔ نام نہاد بھرتی کرنے والے نے شناختی کارڈ کی کاپی اور تصاویر مانگیں، پھر ان سے {us} کے نام پر اکاؤنٹس کھولے اور ”نجی انٹرویو“ کے لیے مسلسل دباؤ ڈالتا رہا۔",
        ],
    },
    // 31. A husband controls every account.
    Story {
        who: Who::Women,
        adult: true,
        kinds: &["intimate_partner_violence"],
        acts: &["stalking_monitoring", "hacking"],
        harms: &["emotional", "self_censorship", "family_social"],
        platforms: &["facebook", "whatsapp", "instagram"],
        perps: &["intimate_partner"],
        roles: &[],
        weight: 6,
        title: [
            "A husband takes control of his wife's accounts",
            "شوہر کا بیوی کے اکاؤنٹس پر قبضہ",
        ],
        body: [
            "After marriage, {survivor} was made to hand over the passwords to all {her} accounts. {Her} husband read {her} {platform_name} messages every day, deleted {her} contacts and changed the password whenever {she} tried to take the account back.",
            "شادی کے بعد {survivor_o} سے {us} کے تمام اکاؤنٹس کے پاس ورڈ لے لیے گئے۔ شوہر روزانہ {us} کے {platform_name} پیغامات پڑھتا، رابطے حذف کر دیتا، اور جب بھی وہ اپنا اکاؤنٹ واپس لینے کی کوشش کرتی تو پاس ورڈ بدل دیتا۔",
        ],
    },
    // 32. Private photos from a hacked account.
    Story {
        who: Who::WomenTrans,
        adult: true,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["nonconsensual_intimate_images", "hacking"],
        harms: &["reputational", "emotional", "economic"],
        platforms: &["website_blog", "telegram", "x_twitter"],
        perps: &["unknown"],
        roles: &[],
        weight: 4,
        title: [
            "Private photos from a hacked account posted {platform}",
            "ہیک شدہ اکاؤنٹ سے چرائی گئی نجی تصاویر {platform} ڈال دی گئیں",
        ],
        body: [
            "Private photos of {survivor}, taken from a hacked cloud account, were posted {platform} with {her} full name. Copies spread faster than they could be reported.",
            "ہیک شدہ کلاؤڈ اکاؤنٹ سے حاصل کی گئی {survivor_o} کی نجی تصاویر {us} کے پورے نام کے ساتھ {platform} ڈال دی گئیں۔ ان کی نقلیں رپورٹ ہونے سے زیادہ تیزی سے پھیلتی گئیں۔",
        ],
    },
    // 33. A former partner returns with new accounts.
    Story {
        who: Who::Anyone,
        adult: false,
        kinds: &[
            "intimate_partner_violence",
            "online_harassment_cyberstalking",
        ],
        acts: &["stalking_monitoring", "impersonation", "unwanted_messages"],
        harms: &["emotional", "self_censorship"],
        platforms: &["instagram", "facebook", "snapchat", "tiktok"],
        perps: &["intimate_partner"],
        roles: &[],
        weight: 6,
        title: [
            "A former partner keeps returning with new accounts {platform}",
            "سابق ساتھی {platform} نئے نئے اکاؤنٹس سے پیچھا کرتا رہا",
        ],
        body: [
            "{Survivor} blocked {perp} after the relationship ended, but new accounts kept appearing {platform} to follow {her_o}, comment on {her} posts and message {her} friends. Each time one was blocked, another took its place.",
            "تعلق ختم ہونے کے بعد {survivor_o} نے {perp_self} کو بلاک کر دیا، لیکن {platform} نئے نئے اکاؤنٹس بنتے رہے جو {use} فالو کرتے، {us} کی پوسٹس پر تبصرے کرتے اور {us} کے دوستوں کو پیغامات بھیجتے۔ ایک بلاک ہوتا تو دوسرا سامنے آ جاتا۔",
        ],
    },
    // 34. A campus confessions page.
    Story {
        who: Who::Anyone,
        adult: true,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["defamation", "coordinated_attack"],
        harms: &["reputational", "emotional", "self_censorship"],
        platforms: &["facebook", "instagram", "x_twitter", "tiktok"],
        perps: &["friend_acquaintance", "group_mob"],
        roles: &["student"],
        weight: 5,
        title: [
            "A campus confessions page spreads lies about a student",
            "کیمپس کے کنفیشن پیج پر طالب علم کے بارے میں جھوٹ",
        ],
        body: [
            "A confessions page run by students {platform} published posts about {survivor} full of lies about {her} private life. Other students piled on in the comments, and the page refused to remove the posts.",
            "طلبہ کے چلائے جانے والے ایک ”کنفیشن پیج“ نے {platform} {survivor_o} کے بارے میں ایسی پوسٹس شائع کیں جو {us} کی نجی زندگی کے بارے میں جھوٹ سے بھری تھیں۔ دوسرے طلبہ نے بھی تبصروں میں حملے کیے، اور پیج نے پوسٹس ہٹانے سے انکار کر دیا۔",
        ],
    },
    // 35. A meeting arranged online ends in assault.
    Story {
        who: Who::WomenTrans,
        adult: true,
        kinds: &["rape_sexual_assault"],
        acts: &["recording_without_consent", "blackmail_sextortion"],
        harms: &["sexual", "emotional", "family_social"],
        platforms: &["dating_app", "instagram", "facebook", "snapchat"],
        perps: &["stranger"],
        roles: &[],
        weight: 5,
        title: [
            "A meeting arranged {platform} ends in sexual assault and blackmail",
            "{platform} طے پانے والی ملاقات میں جنسی حملہ اور بلیک میلنگ",
        ],
        body: [
            "{Survivor} agreed to meet a man {she} had been chatting with {platform}. At the meeting {she} was sexually assaulted, and the man recorded it on his phone. He later used the recording to blackmail {her_o}, demanding more meetings and threatening to send it to {her} family.",
            "{survivor_o} نے {platform} بات چیت کرنے والے ایک شخص سے ملنے کی حامی بھری۔ ملاقات میں {us} پر جنسی حملہ کیا گیا اور اس شخص نے اپنے فون پر اس کی ویڈیو بنا لی۔ بعد میں اس ویڈیو کے ذریعے {use} بلیک میل کر کے مزید ملاقاتوں کا مطالبہ کیا گیا اور دھمکی دی گئی کہ یہ ویڈیو {us} کے گھر والوں کو بھیج دی جائے گی۔",
        ],
    },
    // 36. A cooking channel re-uploaded with sexual captions.
    Story {
        who: Who::Anyone,
        adult: true,
        kinds: &["online_harassment_cyberstalking"],
        acts: &["unwanted_messages"],
        harms: &["emotional", "self_censorship", "economic"],
        platforms: &["youtube", "tiktok", "instagram", "facebook"],
        perps: &["stranger", "group_mob"],
        roles: &["artist"],
        weight: 4,
        title: [
            "Cooking videos re-uploaded with sexual captions {platform}",
            "{platform} کھانا پکانے کی ویڈیوز فحش عنوانات کے ساتھ دوبارہ اپ لوڈ",
        ],
        body: [
            "{Survivor} ran a cooking channel {platform}. Other accounts re-uploaded {her} videos with sexual captions that drew thousands of views, and {her} own comment section filled with obscene remarks.",
            "{survivor} {platform} کھانا پکانے کا ایک چینل چلات{i} تھ{i}۔ دوسرے اکاؤنٹس نے {us} کی ویڈیوز فحش عنوانات کے ساتھ دوبارہ اپ لوڈ کیں جنہیں ہزاروں لوگوں نے دیکھا، اور {us} کے اپنے تبصروں کے حصے میں فحش باتوں کی بھرمار ہو گئی۔",
        ],
    },
];

// ---------------------------------------------------------------------------
// Closing sentences

/// Sentences for each harm: English, Urdu.
const HARM_SENTENCES: &[(&str, &[[&str; 2]])] = &[
    (
        "emotional",
        &[
            [
                "{She} described months of fear and sleepless nights.",
                "{us_ne} کئی مہینے خوف اور بے خوابی میں گزارے۔",
            ],
            [
                "The constant fear left {her_o} anxious and unable to sleep.",
                "مسلسل خوف کی وجہ سے {us} کا سکون اور نیند ختم ہو گئی۔",
            ],
        ],
    ),
    (
        "reputational",
        &[[
            "Rumours spread among people who knew {her_o}, and {her} reputation suffered.",
            "جاننے والوں میں افواہیں پھیل گئیں اور {us} کی ساکھ کو شدید نقصان پہنچا۔",
        ]],
    ),
    (
        "physical",
        &[[
            "What began online led to physical violence.",
            "جو کچھ آن لائن شروع ہوا وہ جسمانی تشدد تک جا پہنچا۔",
        ]],
    ),
    (
        "sexual",
        &[[
            "The abuse included sexual violence.",
            "اس سلسلے میں جنسی تشدد بھی شامل تھا۔",
        ]],
    ),
    (
        "economic",
        &[
            [
                "{She} lost income because of what happened.",
                "اس واقعے کی وجہ سے {us} کی آمدنی متاثر ہوئی۔",
            ],
            [
                "{Her} family had to spend money on lawyers and a new phone.",
                "{us} کے گھر والوں کو وکیل اور نئے فون پر پیسے خرچ کرنے پڑے۔",
            ],
            [
                "{She} had to give up {her} job.",
                "{use} اپنی ملازمت چھوڑنی پڑی۔",
            ],
        ],
    ),
    (
        "family_social",
        &[
            [
                "{Her} family restricted {her} movements and pressured {her_o} to marry.",
                "گھر والوں نے {us} کے باہر آنے جانے پر پابندی لگا دی اور شادی کے لیے دباؤ ڈالا۔",
            ],
            [
                "Relatives and neighbours stopped speaking to {her} family.",
                "رشتہ داروں اور پڑوسیوں نے {us} کے گھر والوں سے میل جول ختم کر دیا۔",
            ],
        ],
    ),
    (
        "self_censorship",
        &[[
            "{She} deactivated {her} accounts and stopped posting online.",
            "{us_ne} اپنے اکاؤنٹس بند کر دیے اور آن لائن لکھنا چھوڑ دیا۔",
        ]],
    ),
    (
        "legal_jeopardy",
        &[[
            "A complaint was then filed against {her_o}, and a legal case against {her_o} is now pending.",
            "پھر {us} کے خلاف ہی شکایت درج کروا دی گئی اور اب {use} ایک مقدمے کا سامنا ہے۔",
        ]],
    ),
    (
        "displacement",
        &[[
            "{She} had to move to another city for {her} safety.",
            "اپنی حفاظت کے لیے {use} دوسرے شہر منتقل ہونا پڑا۔",
        ]],
    ),
];

/// Actions (other than "none" and "reported to the platform"): key, weight,
/// English (after "She …"), Urdu (after "اس نے …").
const ACTIONS: &[(&str, u32, &str, &str)] = &[
    ("reported_platform", 40, "", ""),
    (
        "blocked_privacy",
        35,
        "tightened {her} privacy settings by blocking the accounts involved",
        "متعلقہ اکاؤنٹس بلاک کر کے اپنی پرائیویسی سیٹنگز سخت کر دیں",
    ),
    (
        "told_family_friends",
        28,
        "told {her} family and friends",
        "اپنے گھر والوں اور دوستوں کو بتایا",
    ),
    ("fia_cybercrime", 26, "", ""),
    (
        "helpline",
        15,
        "called a cyber-harassment helpline",
        "سائبر ہراسانی کی ایک ہیلپ لائن سے رابطہ کیا",
    ),
    ("police", 12, "went to the police", "پولیس سے رجوع کیا"),
    ("court", 4, "took the matter to court", "عدالت سے رجوع کیا"),
];

const FIA_EN: &str = "filed a complaint with the FIA Cybercrime Wing";
const FIA_UR: &str = "ایف آئی اے سائبر کرائم ونگ میں شکایت درج کروائی";
const NCCIA_EN: &str = "filed a complaint with the National Cyber Crime Investigation Agency (formerly the FIA Cybercrime Wing)";
const NCCIA_UR: &str =
    "نیشنل سائبر کرائم انویسٹی گیشن ایجنسی (سابقہ ایف آئی اے سائبر کرائم ونگ) میں شکایت درج کروائی";
/// First year complaints are told as going to the NCCIA.
const NCCIA_FROM_YEAR: i32 = 2026;

const NO_ACTION: [&str; 2] = [
    "{She} did not tell anyone, fearing how {her} family would react.",
    "گھر والوں کے ردِعمل کے ڈر سے {us_ne} کسی کو نہیں بتایا۔",
];

/// Outcomes: key, weight, sentences (English, Urdu).
const OUTCOMES: &[(&str, u32, &[[&str; 2]])] = &[
    (
        "resolved",
        22,
        &[
            [
                "The content was eventually removed and the contact stopped.",
                "آخرکار قابلِ اعتراض مواد ہٹا دیا گیا اور رابطہ بند ہو گیا۔",
            ],
            [
                "The matter was eventually resolved.",
                "آخرکار معاملہ حل ہو گیا۔",
            ],
        ],
    ),
    (
        "ongoing",
        34,
        &[["The case is still ongoing.", "یہ معاملہ ابھی جاری ہے۔"]],
    ),
    (
        "no_response",
        26,
        &[[
            "No response had been received at the time of writing.",
            "اس تحریر کے وقت تک کوئی جواب نہیں ملا تھا۔",
        ]],
    ),
    (
        "got_worse",
        18,
        &[[
            "After that, the harassment got worse.",
            "اس کے بعد ہراسانی مزید بڑھ گئی۔",
        ]],
    ),
];

const SOURCE_CONSENT: [&str; 2] = [
    "Shared by a friend, with {her} consent.",
    "یہ کہانی ایک دوست نے {us} کی رضامندی سے شیئر کی۔",
];
const SOURCE_NEWS: [&str; 2] = [
    "Documented from a news report.",
    "یہ کیس ایک خبر کی بنیاد پر درج کیا گیا۔",
];

/// Relative number of cases per year, [`FIRST_YEAR`]..=[`LAST_YEAR`]:
/// reporting grew over the years; the last year is incomplete.
const YEAR_WEIGHTS: [u32; 13] = [3, 4, 5, 6, 7, 9, 14, 17, 20, 23, 26, 29, 24];

const AGE_BANDS: [&str; 5] = [
    "under_18",
    "age_18_24",
    "age_25_34",
    "age_35_44",
    "age_45_plus",
];

// ---------------------------------------------------------------------------
// Composition

/// Everything a template placeholder can refer to, for one case.
struct Slots {
    gram: Gram,
    survivor: Phrase,
    perp: PerpPhrase,
    platform: &'static PlatformText,
}

impl Slots {
    fn value(&self, name: &str, lang: Lang) -> Option<&'static str> {
        let g = self.gram.index();
        let v = match (lang, name) {
            (Lang::En, "survivor") => self.survivor.0,
            (Lang::Ur, "survivor") => self.survivor.1,
            (_, "survivor_o") => self.survivor.2,
            (Lang::En, "perp") | (Lang::En, "perp_o") | (Lang::En, "perp_self") => self.perp.0,
            (Lang::Ur, "perp") => self.perp.1,
            (Lang::Ur, "perp_o") => self.perp.2,
            // Oblique and reflexive, for clauses whose subject is the survivor:
            // "اس کے سابق ساتھی" becomes "اپنے سابق ساتھی" (see `render_into`).
            (Lang::Ur, "perp_self") => self.perp.2,
            (Lang::En, "platform") => self.platform.on_en,
            (Lang::Ur, "platform") => self.platform.on_ur,
            (Lang::En, "platform_name") => self.platform.name_en,
            (Lang::Ur, "platform_name") => self.platform.name_ur,
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
                Some(value) if depth < 3 && lang == Lang::Ur && lower == "perp_self" => {
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

fn pick_survivor(rng: &mut Rng, story: &Story, gram: Gram) -> (&'static str, usize, Phrase) {
    let role: &'static str = if story.roles.is_empty() {
        FREE_ROLES[rng.weighted_by(FREE_ROLES, |(_, w)| *w)].0
    } else {
        rng.pick(story.roles)
    };
    let phrases = role_phrases(role);
    let g = gram.index();
    // Age: students are young; some roles are adults; some stories are adult-only.
    let can_be_minor = !story.adult && (role.is_empty() || role == "student");
    let age_weights: [u32; 5] = match role {
        "student" => [30, 62, 8, 0, 0],
        "politician" => [0, 4, 36, 34, 26],
        _ => [6, 30, 34, 18, 12],
    };
    let mut weights = age_weights;
    if !can_be_minor {
        weights[0] = 0;
    }
    let band = rng.weighted(&weights);
    let minor = band == 0;
    let list = if minor {
        phrases.minors[g]
    } else {
        phrases.adults[g]
    };
    // Fall back to the role-free phrases when a role has none for this person.
    let list = if list.is_empty() {
        let plain = role_phrases("");
        if minor {
            plain.minors[g]
        } else {
            plain.adults[g]
        }
    } else {
        list
    };
    let phrase = pick_phrase(rng, list, band);
    (role, band, phrase)
}

/// Picks a phrase, avoiding "young" descriptions for older survivors.
fn pick_phrase(rng: &mut Rng, list: &[Phrase], band: usize) -> Phrase {
    rng.pick_where(list, |p| band <= 2 || !p.0.contains("young"))
        .unwrap_or_else(|| rng.pick(list))
}

fn compose(keys: &KeyTable, rng: &mut Rng, district_index: usize) -> DemoCase {
    let story = &STORIES[rng.weighted_by(STORIES, |s| s.weight)];

    let year_index = rng.weighted(&YEAR_WEIGHTS);
    let year = FIRST_YEAR + year_index as i32;
    let months = if year == LAST_YEAR {
        LAST_MONTH_OF_LAST_YEAR
    } else {
        12
    };
    let month = 1 + rng.below(usize::from(months)) as u8;

    let gram = story.who.pick(rng);
    let (role, band, survivor) = pick_survivor(rng, story, gram);
    let no_job = role == "student" || band == 0;
    // The age band is left out of some cases, as survivors may skip it.
    let age = rng.chance(85).then_some(AGE_BANDS[band]);
    let platform_key = rng.pick(story.platforms);
    let perp_key = rng.pick(story.perps);
    let slots = Slots {
        gram,
        survivor,
        perp: perp_phrase(rng, perp_key, gram),
        platform: platform_text(platform_key),
    };

    let mut labels = Labels::new();
    keys.add(&mut labels, "kind", story.kinds[0]);
    for kind in &story.kinds[1..] {
        if rng.chance(30) {
            keys.add(&mut labels, "kind", kind);
        }
    }
    for act in story.acts {
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
    for (i, lang) in Lang::ALL.into_iter().enumerate() {
        let start = title[i].len();
        slots.render_into(&mut title[i], story.title[i], lang, 0);
        capitalise_from(&mut title[i], start);
        slots.render_into(&mut text[i], story.body[i], lang, 0);
    }

    // Second platform, sometimes.
    if rng.chance(10) {
        let second = rng.pick_where(story.platforms, |p| {
            *p != platform_key && !matches!(*p, "email" | "website_blog" | "other")
        });
        if let Some(second) = second {
            let second = platform_text(second);
            keys.add(&mut labels, "platform", second.key);
            text[0].push_str(" The same abuse continued ");
            text[0].push_str(second.on_en);
            text[0].push('.');
            text[1].push(' ');
            text[1].push_str(second.on_ur);
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
        if let Some((_, sentences)) = HARM_SENTENCES.iter().find(|(k, _)| k == harm) {
            // Students and minors are not told as losing a job.
            let pair = rng
                .pick_where(sentences, |p| !(no_job && p[0].contains(" job")))
                .unwrap_or(sentences[0]);
            for (i, lang) in Lang::ALL.into_iter().enumerate() {
                text[i].push(' ');
                slots.render_into(&mut text[i], pair[i], lang, 0);
            }
        }
    }

    // Action taken.
    let took_no_action = rng.chance(12);
    // Whether someone outside (platform, authority, helpline) was asked to act.
    let mut reported_outside = false;
    if took_no_action {
        keys.add(&mut labels, "action_taken", "none");
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            text[i].push(' ');
            slots.render_into(&mut text[i], NO_ACTION[i], lang, 0);
        }
    } else {
        let count = 1 + rng.weighted(&[50, 35, 15]);
        let mut weights = [0u32; ACTIONS.len()];
        for (w, action) in weights.iter_mut().zip(ACTIONS) {
            *w = action.1;
        }
        let mut chosen = [false; ACTIONS.len()];
        for _ in 0..count {
            let i = rng.weighted(&weights);
            weights[i] = 0;
            chosen[i] = true;
        }
        text[0].push(' ');
        slots.render_into(&mut text[0], "{She} ", Lang::En, 0);
        text[1].push(' ');
        slots.render_into(&mut text[1], "{us_ne} ", Lang::Ur, 0);
        let mut written = 0;
        for (i, &(key, _, en, ur)) in ACTIONS.iter().enumerate() {
            if !chosen[i] {
                continue;
            }
            reported_outside |= !matches!(key, "blocked_privacy" | "told_family_friends");
            keys.add(&mut labels, "action_taken", key);
            let phrase = match key {
                "reported_platform" => [slots.platform.report_en, slots.platform.report_ur],
                "fia_cybercrime" if year >= NCCIA_FROM_YEAR => [NCCIA_EN, NCCIA_UR],
                "fia_cybercrime" => [FIA_EN, FIA_UR],
                _ => [en, ur],
            };
            written += 1;
            let last = written == count;
            if written > 1 {
                text[0].push_str(if last { " and " } else { ", " });
                text[1].push_str(if last { " اور " } else { "، " });
            }
            for (j, lang) in Lang::ALL.into_iter().enumerate() {
                slots.render_into(&mut text[j], phrase[j], lang, 0);
            }
        }
        text[0].push('.');
        text[1].push('۔');
    }

    // Outcome, usually.
    if rng.chance(85) {
        let weights: Vec<u32> = OUTCOMES
            .iter()
            .map(|(k, w, _)| {
                if !reported_outside && *k == "no_response" {
                    0
                } else {
                    *w
                }
            })
            .collect();
        let (key, _, sentences) = OUTCOMES[rng.weighted(&weights)];
        keys.add(&mut labels, "outcome", key);
        let pair = rng.pick(sentences);
        for i in 0..2 {
            text[i].push(' ');
            text[i].push_str(pair[i]);
        }
    }

    // Source.
    let source = ["own_story", "someone_else_consent", "news_report"][rng.weighted(&[70, 15, 15])];
    keys.add(&mut labels, "source", source);
    let source_sentence = match source {
        "someone_else_consent" => Some(SOURCE_CONSENT),
        "news_report" => Some(SOURCE_NEWS),
        _ => None,
    };
    if let Some(pair) = source_sentence {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            text[i].push(' ');
            slots.render_into(&mut text[i], pair[i], lang, 0);
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
                let p = platform_text(key.as_str());
                assert_eq!(p.key, key.as_str());
                assert!(
                    c.text_en.contains(p.name_en),
                    "{} not in {}",
                    p.name_en,
                    c.text_en
                );
                assert!(
                    c.text_ur.contains(p.name_ur),
                    "{} not in {}",
                    p.name_ur,
                    c.text_ur
                );
                if brands.contains(&key.as_str()) {
                    let term = t.term("platform", key.as_str()).unwrap();
                    assert!(c.text_en.contains(term.label(Lang::En)), "{}", c.text_en);
                    assert!(c.text_ur.contains(term.label(Lang::Ur)), "{}", c.text_ur);
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
        assert!(STORIES.len() >= 30);
        for s in STORIES {
            for k in s.kinds {
                assert!(t.term("kind", k).is_some(), "{k}");
            }
            for a in s.acts {
                assert!(t.term("act", a).is_some(), "{a}");
            }
            for h in s.harms {
                assert!(t.term("harm", h).is_some(), "{h}");
                assert!(HARM_SENTENCES.iter().any(|(k, _)| k == h), "{h}");
            }
            for p in s.platforms {
                assert!(t.term("platform", p).is_some(), "{p}");
                assert_eq!(platform_text(p).key, *p);
            }
            for p in s.perps {
                assert!(t.term("perpetrator", p).is_some(), "{p}");
                assert!(PERPETRATORS.iter().any(|(k, _)| k == p), "{p}");
            }
            for r in s.roles {
                assert!(t.term("survivor_role", r).is_some(), "{r}");
            }
            assert!(
                s.body[0].contains("{platform"),
                "platform missing: {}",
                s.body[0]
            );
            assert!(
                s.body[1].contains("{platform"),
                "platform missing: {}",
                s.body[1]
            );
        }
        for (k, _, _, _) in ACTIONS {
            assert!(t.term("action_taken", k).is_some(), "{k}");
        }
        for (k, _, _) in OUTCOMES {
            assert!(t.term("outcome", k).is_some(), "{k}");
        }
        for p in PLATFORMS {
            assert!(t.term("platform", p.key).is_some(), "{}", p.key);
        }
    }

    #[test]
    fn other_taxonomies_get_only_their_own_terms() {
        let smaller = crate::taxonomy::PAKISTAN_DEFAULT_TOML
            .replacen("version = \"pk-default-2026.1\"", "version = \"test-2\"", 1)
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
