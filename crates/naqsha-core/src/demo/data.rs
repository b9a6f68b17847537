//! The tables demo cases are composed from — story skeletons, descriptions of
//! survivors and perpetrators, platform names and closing sentences — embedded
//! from `data/demo/*.toml` and parsed once.
//!
//! The files are meant to be edited by translators and organisers; their
//! format is described in `data/demo/README.md`. Parsing checks what the
//! generator relies on (lists that are picked from are not empty, the years
//! match [`FIRST_YEAR`]..=[`LAST_YEAR`], …), so composing a case never fails;
//! that every key is a term of the default taxonomy is checked by the tests.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{FIRST_YEAR, Gram, LAST_YEAR, Who};
use crate::lang::Lang;

const STORIES_TOML: &str = include_str!("../../../../data/demo/stories.toml");
const PEOPLE_TOML: &str = include_str!("../../../../data/demo/people.toml");
const PLATFORMS_TOML: &str = include_str!("../../../../data/demo/platforms.toml");
const SENTENCES_TOML: &str = include_str!("../../../../data/demo/sentences.toml");

/// Number of survivor age bands; the generator treats band 0 as under 18.
const AGE_BAND_COUNT: usize = 5;

/// The action told with the platform's own sentence ([`Platform::report_en`]).
const REPORTED_PLATFORM: &str = "reported_platform";

/// All demo tables, as read from `data/demo/`.
#[derive(Debug)]
pub(super) struct DemoData {
    /// Relative number of cases per year, one entry per year in order.
    pub(super) years: Vec<Year>,
    /// Story skeletons.
    pub(super) stories: Vec<Story>,
    /// Terms of `survivor_age_band`, youngest first.
    pub(super) age_bands: [String; AGE_BAND_COUNT],
    /// Age band weights for a role without its own.
    pub(super) age_weights: [u32; AGE_BAND_COUNT],
    /// Survivor descriptions per role; the first is "no role".
    pub(super) roles: Vec<Role>,
    /// Descriptions of the person responsible, per perpetrator term.
    pub(super) perpetrators: Vec<Perpetrator>,
    /// How platforms are named; the last is the fallback.
    pub(super) platforms: Vec<Platform>,
    /// Sentences per harm.
    pub(super) harms: Vec<Harm>,
    /// Actions taken, with their weights.
    pub(super) actions: Vec<Action>,
    /// Sentence told when no action was taken.
    pub(super) no_action: Bilingual,
    /// Outcomes, with their weights.
    pub(super) outcomes: Vec<Outcome>,
    /// Sources, with their weights.
    pub(super) sources: Vec<Source>,
}

/// An English text and its Urdu counterpart.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Bilingual {
    /// English.
    pub(super) en: String,
    /// Urdu.
    pub(super) ur: String,
}

impl Bilingual {
    /// The text in `lang`.
    pub(super) fn get(&self, lang: Lang) -> &str {
        match lang.base() {
            Lang::EN => &self.en,
            _ => &self.ur,
        }
    }
}

/// Relative number of cases dated in one year.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Year {
    /// The year.
    pub(super) year: i32,
    /// Relative weight.
    pub(super) weight: u32,
}

/// One story skeleton; its fields are described in `data/demo/README.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Story {
    /// Who the story can be about.
    pub(super) who: Who,
    /// Whether the survivor is always 18 or older.
    pub(super) adults_only: bool,
    /// Relative weight among stories.
    pub(super) weight: u32,
    /// Kinds of violence: the first always, others sometimes.
    pub(super) kinds: Vec<String>,
    /// Acts, all of them.
    pub(super) acts: Vec<String>,
    /// Harms: the first always, up to two others sometimes.
    pub(super) harms: Vec<String>,
    /// Platforms, one chosen.
    pub(super) platforms: Vec<String>,
    /// Perpetrator terms, one chosen.
    pub(super) perpetrators: Vec<String>,
    /// Survivor roles to choose from; empty for any role.
    #[serde(default)]
    pub(super) roles: Vec<String>,
    /// English title template.
    pub(super) title_en: String,
    /// Urdu title template.
    pub(super) title_ur: String,
    /// English body template.
    pub(super) body_en: String,
    /// Urdu body template.
    pub(super) body_ur: String,
}

impl Story {
    /// Title template in `lang`.
    pub(super) fn title(&self, lang: Lang) -> &str {
        match lang.base() {
            Lang::EN => &self.title_en,
            _ => &self.title_ur,
        }
    }

    /// Body template in `lang`.
    pub(super) fn body(&self, lang: Lang) -> &str {
        match lang.base() {
            Lang::EN => &self.body_en,
            _ => &self.body_ur,
        }
    }
}

/// A way to describe a person: English, Urdu, and the Urdu oblique form (before
/// a postposition such as نے / کو / کی), which defaults to the Urdu form.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "RawPhrase")]
pub(super) struct Phrase {
    /// English.
    pub(super) en: String,
    /// Urdu, direct form.
    pub(super) ur: String,
    /// Urdu, oblique form.
    pub(super) ur_oblique: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhrase {
    en: String,
    ur: String,
    ur_oblique: Option<String>,
}

impl From<RawPhrase> for Phrase {
    fn from(raw: RawPhrase) -> Phrase {
        let ur_oblique = raw.ur_oblique.unwrap_or_else(|| raw.ur.clone());
        Phrase {
            en: raw.en,
            ur: raw.ur,
            ur_oblique,
        }
    }
}

/// Descriptions for each [`Gram`].
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(super) struct ByGram {
    woman: Vec<Phrase>,
    trans: Vec<Phrase>,
    man: Vec<Phrase>,
    non_binary: Vec<Phrase>,
}

impl ByGram {
    /// The descriptions for `gram` (possibly none).
    pub(super) fn get(&self, gram: Gram) -> &[Phrase] {
        match gram {
            Gram::Woman => &self.woman,
            Gram::Trans => &self.trans,
            Gram::Man => &self.man,
            Gram::NonBinary => &self.non_binary,
        }
    }

    fn all(&self) -> [&[Phrase]; 4] {
        [&self.woman, &self.trans, &self.man, &self.non_binary]
    }
}

/// Survivor descriptions for one public role.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Role {
    /// Term of `survivor_role`, or `""` for no public role.
    pub(super) role: String,
    /// Weight when a story names no roles of its own.
    pub(super) weight: u32,
    /// Age band weights, if not [`DemoData::age_weights`].
    #[serde(default)]
    pub(super) age_weights: Option<[u32; AGE_BAND_COUNT]>,
    /// Descriptions of survivors 18 and older.
    #[serde(default)]
    pub(super) adults: ByGram,
    /// Descriptions of survivors under 18.
    #[serde(default)]
    pub(super) minors: ByGram,
}

/// Descriptions of the person responsible for one perpetrator term.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Perpetrator {
    /// Term of `perpetrator`.
    pub(super) key: String,
    /// The descriptions.
    pub(super) phrases: Vec<PerpPhrase>,
}

/// A description of the person responsible.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "RawPerpPhrase")]
pub(super) struct PerpPhrase {
    /// The words.
    pub(super) phrase: Phrase,
    /// Whether it only fits a woman survivor ("her former husband").
    pub(super) women_only: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerpPhrase {
    en: String,
    ur: String,
    ur_oblique: Option<String>,
    #[serde(default)]
    women_only: bool,
}

impl From<RawPerpPhrase> for PerpPhrase {
    fn from(raw: RawPerpPhrase) -> PerpPhrase {
        PerpPhrase {
            phrase: Phrase::from(RawPhrase {
                en: raw.en,
                ur: raw.ur,
                ur_oblique: raw.ur_oblique,
            }),
            women_only: raw.women_only,
        }
    }
}

/// How a platform is named.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Platform {
    /// Term of `platform`.
    pub(super) key: String,
    /// Word that names the platform in English text ("Facebook").
    pub(super) name_en: String,
    /// Word that names the platform in Urdu text ("فیس بک").
    pub(super) name_ur: String,
    /// "on Facebook".
    pub(super) on_en: String,
    /// "فیس بک پر".
    pub(super) on_ur: String,
    /// Completes "She …" for the action "reported to the platform".
    pub(super) report_en: String,
    /// Completes "اس نے …" for the same action.
    pub(super) report_ur: String,
}

/// Sentences for one harm.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Harm {
    /// Term of `harm`.
    pub(super) key: String,
    /// One is told per case.
    pub(super) sentences: Vec<Bilingual>,
}

/// An action taken.
#[derive(Debug, Deserialize)]
#[serde(try_from = "RawAction")]
pub(super) struct Action {
    /// Term of `action_taken`.
    pub(super) key: String,
    /// Relative weight.
    pub(super) weight: u32,
    /// Completes "She …" / "اس نے …"; `None` for [`REPORTED_PLATFORM`].
    text: Option<Bilingual>,
    /// From this year on, told with this text instead.
    since: Option<(i32, Bilingual)>,
}

impl Action {
    /// The words for a case dated `year`, or `None` if the platform tells it
    /// (reported to the platform).
    pub(super) fn told_in(&self, year: i32) -> Option<&Bilingual> {
        match &self.since {
            Some((from, text)) if year >= *from => Some(text),
            _ => self.text.as_ref(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAction {
    key: String,
    weight: u32,
    en: Option<String>,
    ur: Option<String>,
    since: Option<RawSince>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSince {
    year: i32,
    en: String,
    ur: String,
}

impl TryFrom<RawAction> for Action {
    type Error = String;

    fn try_from(raw: RawAction) -> Result<Action, String> {
        let text = both_or_neither(&raw.key, raw.en, raw.ur)?;
        if (raw.key == REPORTED_PLATFORM) != text.is_none() {
            return Err(format!(
                "action {:?}: every action but {REPORTED_PLATFORM} needs `en` and `ur`; \
                 {REPORTED_PLATFORM} is told with the platform's report_en / report_ur",
                raw.key
            ));
        }
        if raw.since.is_some() && text.is_none() {
            return Err(format!(
                "action {:?}: `since` without `en` and `ur`",
                raw.key
            ));
        }
        Ok(Action {
            key: raw.key,
            weight: raw.weight,
            text,
            since: raw
                .since
                .map(|s| (s.year, Bilingual { en: s.en, ur: s.ur })),
        })
    }
}

/// An outcome.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Outcome {
    /// Term of `outcome`.
    pub(super) key: String,
    /// Relative weight.
    pub(super) weight: u32,
    /// One is told per case.
    pub(super) sentences: Vec<Bilingual>,
}

/// A source of the story.
#[derive(Debug, Deserialize)]
#[serde(try_from = "RawSource")]
pub(super) struct Source {
    /// Term of `source`.
    pub(super) key: String,
    /// Relative weight.
    pub(super) weight: u32,
    /// Sentence telling the source, if any.
    pub(super) sentence: Option<Bilingual>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    key: String,
    weight: u32,
    en: Option<String>,
    ur: Option<String>,
}

impl TryFrom<RawSource> for Source {
    type Error = String;

    fn try_from(raw: RawSource) -> Result<Source, String> {
        Ok(Source {
            sentence: both_or_neither(&raw.key, raw.en, raw.ur)?,
            key: raw.key,
            weight: raw.weight,
        })
    }
}

fn both_or_neither(
    key: &str,
    en: Option<String>,
    ur: Option<String>,
) -> Result<Option<Bilingual>, String> {
    match (en, ur) {
        (Some(en), Some(ur)) => Ok(Some(Bilingual { en, ur })),
        (None, None) => Ok(None),
        _ => Err(format!("{key:?}: `en` and `ur` go together")),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoriesFile {
    years: Vec<Year>,
    stories: Vec<Story>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeopleFile {
    age_bands: [String; AGE_BAND_COUNT],
    age_weights: [u32; AGE_BAND_COUNT],
    roles: Vec<Role>,
    perpetrators: Vec<Perpetrator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlatformsFile {
    platforms: Vec<Platform>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SentencesFile {
    harms: Vec<Harm>,
    actions: Vec<Action>,
    no_action: Bilingual,
    outcomes: Vec<Outcome>,
    sources: Vec<Source>,
}

/// Why the demo tables could not be read.
#[derive(Debug, thiserror::Error)]
pub(super) enum DemoDataError {
    /// A file is not valid TOML or not of the expected shape.
    #[error("data/demo/{file}: {source}")]
    Toml {
        /// File name.
        file: &'static str,
        /// Parser error, with the line.
        source: toml::de::Error,
    },
    /// A file parses but breaks a rule the generator relies on.
    #[error("data/demo/{file}: {problem}")]
    Invalid {
        /// File name.
        file: &'static str,
        /// What is wrong.
        problem: String,
    },
}

fn parse<T: serde::de::DeserializeOwned>(
    file: &'static str,
    text: &str,
) -> Result<T, DemoDataError> {
    toml::from_str(text).map_err(|source| DemoDataError::Toml { file, source })
}

/// `Err` if a key comes twice.
fn check_unique<'a>(
    file: &'static str,
    what: &str,
    keys: impl Iterator<Item = &'a str>,
) -> Result<(), DemoDataError> {
    let mut seen = std::collections::BTreeSet::new();
    match keys.into_iter().find(|key| !seen.insert(*key)) {
        Some(key) => Err(DemoDataError::Invalid {
            file,
            problem: format!("{what} {key:?} is listed twice"),
        }),
        None => Ok(()),
    }
}

/// Whether some weight is not zero.
fn any_weight(weights: impl IntoIterator<Item = u32>) -> bool {
    weights.into_iter().any(|w| w > 0)
}

impl DemoData {
    /// The tables embedded from `data/demo/`, parsed once.
    #[allow(
        clippy::expect_used,
        reason = "embedded data, checked by the unit test embedded_tables_parse"
    )]
    pub(super) fn get() -> &'static DemoData {
        static DATA: OnceLock<DemoData> = OnceLock::new();
        DATA.get_or_init(|| {
            DemoData::from_toml(STORIES_TOML, PEOPLE_TOML, PLATFORMS_TOML, SENTENCES_TOML)
                .expect("the embedded demo tables are valid (checked by tests)")
        })
    }

    /// Parses and checks the four files of `data/demo/`.
    fn from_toml(
        stories: &str,
        people: &str,
        platforms: &str,
        sentences: &str,
    ) -> Result<DemoData, DemoDataError> {
        let StoriesFile { years, stories } = parse("stories.toml", stories)?;
        let PeopleFile {
            age_bands,
            age_weights,
            roles,
            perpetrators,
        } = parse("people.toml", people)?;
        let PlatformsFile { platforms } = parse("platforms.toml", platforms)?;
        let SentencesFile {
            harms,
            actions,
            no_action,
            outcomes,
            sources,
        } = parse("sentences.toml", sentences)?;
        let data = DemoData {
            years,
            stories,
            age_bands,
            age_weights,
            roles,
            perpetrators,
            platforms,
            harms,
            actions,
            no_action,
            outcomes,
            sources,
        };
        data.check()?;
        Ok(data)
    }

    /// Checks the rules the generator relies on to never fail.
    fn check(&self) -> Result<(), DemoDataError> {
        /// `Err` for `$file` with the formatted problem unless `$ok`.
        macro_rules! ensure {
            ($ok:expr, $file:expr, $($problem:tt)+) => {
                if !$ok {
                    return Err(DemoDataError::Invalid { file: $file, problem: format!($($problem)+) });
                }
            };
        }

        let file = "stories.toml";
        let years: Vec<i32> = self.years.iter().map(|y| y.year).collect();
        ensure!(
            years == (FIRST_YEAR..=LAST_YEAR).collect::<Vec<_>>(),
            file,
            "`years` must list each year from {FIRST_YEAR} to {LAST_YEAR} once, in order"
        );
        ensure!(
            any_weight(self.years.iter().map(|y| y.weight)),
            file,
            "every year has weight 0"
        );
        ensure!(
            any_weight(self.stories.iter().map(|s| s.weight)),
            file,
            "every story has weight 0"
        );
        for (n, s) in (1..).zip(&self.stories) {
            let title = &s.title_en;
            ensure!(!s.kinds.is_empty(), file, "story {n} ({title:?}): no kinds");
            ensure!(
                !s.platforms.is_empty(),
                file,
                "story {n} ({title:?}): no platforms"
            );
            ensure!(
                !s.perpetrators.is_empty(),
                file,
                "story {n} ({title:?}): no perpetrators"
            );
            let texts = [&s.title_en, &s.title_ur, &s.body_en, &s.body_ur];
            ensure!(
                texts.iter().all(|t| !t.is_empty()),
                file,
                "story {n}: empty title or body"
            );
        }

        let file = "people.toml";
        check_unique(file, "role", self.roles.iter().map(|r| r.role.as_str()))?;
        let plain = self.roles.first().filter(|r| r.role.is_empty());
        let full = |r: &Role| {
            r.adults
                .all()
                .iter()
                .chain(&r.minors.all())
                .all(|l| !l.is_empty())
        };
        ensure!(
            plain.is_some_and(full),
            file,
            "the first role must be \"\" (no public role), with adults and minors \
             descriptions for woman, trans, man and non_binary"
        );
        ensure!(
            any_weight(self.roles.iter().map(|r| r.weight)),
            file,
            "every role has weight 0"
        );
        // Band 0 (under 18) is left out for most roles and stories.
        let own = self
            .roles
            .iter()
            .filter_map(|r| Some((r.role.as_str(), r.age_weights.as_ref()?)));
        for (whose, weights) in std::iter::once(("age_weights", &self.age_weights)).chain(own) {
            ensure!(
                any_weight(weights[1..].iter().copied()),
                file,
                "{whose:?}: an age band other than the first needs a weight above 0"
            );
        }
        ensure!(!self.perpetrators.is_empty(), file, "no perpetrators");
        check_unique(
            file,
            "perpetrator",
            self.perpetrators.iter().map(|p| p.key.as_str()),
        )?;
        for p in &self.perpetrators {
            ensure!(
                !p.phrases.is_empty(),
                file,
                "perpetrator {:?} has no phrases",
                p.key
            );
        }

        let file = "platforms.toml";
        ensure!(!self.platforms.is_empty(), file, "no platforms");
        check_unique(
            file,
            "platform",
            self.platforms.iter().map(|p| p.key.as_str()),
        )?;

        let file = "sentences.toml";
        check_unique(file, "harm", self.harms.iter().map(|h| h.key.as_str()))?;
        for h in &self.harms {
            ensure!(
                !h.sentences.is_empty(),
                file,
                "harm {:?} has no sentences",
                h.key
            );
        }
        check_unique(file, "action", self.actions.iter().map(|a| a.key.as_str()))?;
        // A case tells up to three different actions.
        let actions = self.actions.iter().filter(|a| a.weight > 0).count();
        ensure!(
            actions >= 3,
            file,
            "at least three actions need a weight above 0"
        );
        check_unique(
            file,
            "outcome",
            self.outcomes.iter().map(|o| o.key.as_str()),
        )?;
        let others = self.outcomes.iter().filter(|o| o.key != "no_response");
        ensure!(
            any_weight(others.map(|o| o.weight)),
            file,
            "an outcome other than no_response needs a weight above 0"
        );
        for o in &self.outcomes {
            ensure!(
                !o.sentences.is_empty(),
                file,
                "outcome {:?} has no sentences",
                o.key
            );
        }
        check_unique(file, "source", self.sources.iter().map(|s| s.key.as_str()))?;
        ensure!(
            any_weight(self.sources.iter().map(|s| s.weight)),
            file,
            "every source has weight 0"
        );
        Ok(())
    }

    /// Survivor descriptions for `role`, or those for no role if it is not listed.
    pub(super) fn role(&self, role: &str) -> &Role {
        self.roles
            .iter()
            .find(|r| r.role == role)
            .unwrap_or(&self.roles[0])
    }

    /// Descriptions of the person responsible for perpetrator `key`, or the
    /// last perpetrator's if it is not listed.
    pub(super) fn perpetrator_phrases(&self, key: &str) -> &[PerpPhrase] {
        self.perpetrators
            .iter()
            .find(|p| p.key == key)
            .unwrap_or(&self.perpetrators[self.perpetrators.len() - 1])
            .phrases
            .as_slice()
    }

    /// How platform `key` is named, or the last platform if it is not listed.
    pub(super) fn platform(&self, key: &str) -> &Platform {
        self.platforms
            .iter()
            .find(|p| p.key == key)
            .unwrap_or(&self.platforms[self.platforms.len() - 1])
    }

    /// Sentences for harm `key`, if it has any.
    pub(super) fn harm_sentences(&self, key: &str) -> Option<&[Bilingual]> {
        self.harms
            .iter()
            .find(|h| h.key == key)
            .map(|h| h.sentences.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::demo::Slots;
    use crate::taxonomy::Taxonomy;

    /// Placeholders the README documents, per language.
    const PLACEHOLDERS_EN: &[&str] = &[
        "survivor",
        "perp",
        "platform",
        "platform_name",
        "she",
        "her",
        "her_o",
        "was",
    ];
    const PLACEHOLDERS_UR: &[&str] = &[
        "survivor",
        "survivor_o",
        "perp",
        "perp_o",
        "perp_self",
        "platform",
        "platform_name",
        "us",
        "use",
        "us_ne",
        "i",
        "gayi",
    ];

    fn embedded() -> Result<DemoData, DemoDataError> {
        DemoData::from_toml(STORIES_TOML, PEOPLE_TOML, PLATFORMS_TOML, SENTENCES_TOML)
    }

    #[test]
    fn embedded_tables_parse() {
        let data = embedded().unwrap_or_else(|e| panic!("{e}"));
        assert!(data.stories.len() >= 30);
        assert_eq!(data.roles[0].role, "");
    }

    #[test]
    fn every_key_is_a_term_of_the_default_taxonomy() {
        let t = Taxonomy::pakistan_default();
        let data = DemoData::get();
        let terms = |dim: &str| -> BTreeSet<&str> {
            t.dimension(dim)
                .unwrap_or_else(|| panic!("no dimension {dim}"))
                .terms
                .iter()
                .map(|term| term.key.as_str())
                .collect()
        };
        let check = |dim: &str, keys: Vec<&str>| {
            let known = terms(dim);
            for key in keys {
                assert!(known.contains(key), "{key:?} is not a term of {dim}");
            }
        };
        check(
            "survivor_age_band",
            data.age_bands.iter().map(|b| b.as_str()).collect(),
        );
        assert_eq!(
            data.age_bands
                .iter()
                .map(|b| b.as_str())
                .collect::<BTreeSet<_>>(),
            terms("survivor_age_band")
        );
        check(
            "survivor_role",
            data.roles.iter().skip(1).map(|r| r.role.as_str()).collect(),
        );
        check(
            "perpetrator",
            data.perpetrators.iter().map(|p| p.key.as_str()).collect(),
        );
        check(
            "platform",
            data.platforms.iter().map(|p| p.key.as_str()).collect(),
        );
        check("harm", data.harms.iter().map(|h| h.key.as_str()).collect());
        check(
            "action_taken",
            data.actions.iter().map(|a| a.key.as_str()).collect(),
        );
        check(
            "outcome",
            data.outcomes.iter().map(|o| o.key.as_str()).collect(),
        );
        check(
            "source",
            data.sources.iter().map(|s| s.key.as_str()).collect(),
        );
        // Every role a story asks for has its descriptions.
        for s in &data.stories {
            for r in &s.roles {
                assert!(
                    data.roles.iter().any(|x| &x.role == r),
                    "role {r:?} has no descriptions"
                );
            }
        }
    }

    /// Every text of the tables, with the language it is written in.
    fn all_texts(data: &DemoData) -> Vec<(&str, Lang)> {
        let mut out: Vec<(&str, Lang)> = Vec::new();
        for s in &data.stories {
            out.extend([(s.title_en.as_str(), Lang::EN), (&s.body_en, Lang::EN)]);
            out.extend([(s.title_ur.as_str(), Lang::UR), (&s.body_ur, Lang::UR)]);
        }
        let survivors = data
            .roles
            .iter()
            .flat_map(|r| r.adults.all().into_iter().chain(r.minors.all()))
            .flatten();
        let perps = data
            .perpetrators
            .iter()
            .flat_map(|p| p.phrases.iter().map(|x| &x.phrase));
        for p in survivors.chain(perps) {
            out.extend([
                (p.en.as_str(), Lang::EN),
                (&p.ur, Lang::UR),
                (&p.ur_oblique, Lang::UR),
            ]);
        }
        for p in &data.platforms {
            out.extend([
                (p.name_en.as_str(), Lang::EN),
                (&p.on_en, Lang::EN),
                (&p.report_en, Lang::EN),
            ]);
            out.extend([
                (p.name_ur.as_str(), Lang::UR),
                (&p.on_ur, Lang::UR),
                (&p.report_ur, Lang::UR),
            ]);
        }
        let mut sentences: Vec<&Bilingual> = vec![&data.no_action];
        sentences.extend(data.harms.iter().flat_map(|h| &h.sentences));
        sentences.extend(data.outcomes.iter().flat_map(|o| &o.sentences));
        sentences.extend(data.sources.iter().filter_map(|s| s.sentence.as_ref()));
        for a in &data.actions {
            sentences.extend(a.text.as_ref());
            sentences.extend(a.since.as_ref().map(|(_, text)| text));
        }
        for b in sentences {
            out.extend([(b.en.as_str(), Lang::EN), (&b.ur, Lang::UR)]);
        }
        out
    }

    #[test]
    fn every_placeholder_is_one_the_readme_documents_for_its_language() {
        let data = DemoData::get();
        let slots = Slots {
            gram: Gram::Woman,
            survivor: &data.roles[0].adults.get(Gram::Woman)[0],
            perp: &data.perpetrators[0].phrases[0].phrase,
            platform: &data.platforms[0],
        };
        let texts = all_texts(data);
        assert!(texts.len() > 400, "{}", texts.len());
        let mut used = BTreeSet::new();
        for (text, lang) in texts {
            assert!(!text.is_empty() || lang == Lang::EN, "empty text");
            let allowed = match lang.base() {
                Lang::EN => PLACEHOLDERS_EN,
                _ => PLACEHOLDERS_UR,
            };
            let mut rest = text;
            while let Some(open) = rest.find('{') {
                let after = &rest[open + 1..];
                let close = after
                    .find('}')
                    .unwrap_or_else(|| panic!("unclosed {{ in {text:?}"));
                let name = after[..close].to_ascii_lowercase();
                assert!(
                    allowed.contains(&name.as_str()),
                    "{{{name}}} is not a {lang:?} placeholder, in {text:?}"
                );
                used.insert((lang, name));
                rest = &after[close + 1..];
            }
            assert!(!rest.contains('}'), "stray }} in {text:?}");
        }
        // Every documented placeholder is one the generator fills.
        for (lang, allowed) in [(Lang::EN, PLACEHOLDERS_EN), (Lang::UR, PLACEHOLDERS_UR)] {
            for name in allowed {
                assert!(slots.value(name, lang).is_some(), "{lang:?} {name}");
            }
        }
        assert!(used.len() > 15, "{used:?}");
    }

    /// The error for the embedded files with `file`'s text changed by `edit`.
    fn error_after(file: &str, edit: impl Fn(&str) -> String) -> String {
        let mut texts =
            [STORIES_TOML, PEOPLE_TOML, PLATFORMS_TOML, SENTENCES_TOML].map(str::to_owned);
        let i = ["stories", "people", "platforms", "sentences"]
            .iter()
            .position(|f| *f == file)
            .unwrap();
        let edited = edit(&texts[i]);
        assert_ne!(edited, texts[i], "the edit changed nothing");
        texts[i] = edited;
        match DemoData::from_toml(&texts[0], &texts[1], &texts[2], &texts[3]) {
            Ok(_) => panic!("accepted a broken {file}.toml"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn broken_files_are_rejected_with_the_file_and_the_reason() {
        let e = error_after("stories", |t| t.replacen("title_en =", "titel_en =", 1));
        assert!(
            e.starts_with("data/demo/stories.toml") && e.contains("titel_en"),
            "{e}"
        );
        let e = error_after("stories", |t| {
            t.replacen("    { year = 2015, weight = 4 },\n", "", 1)
        });
        assert!(
            e.starts_with("data/demo/stories.toml") && e.contains("2014"),
            "{e}"
        );
        let e = error_after("stories", |t| {
            t.replacen("platforms = [\"whatsapp\"", "platforms = [] #", 1)
        });
        assert!(e.contains("story 1") && e.contains("no platforms"), "{e}");
        let e = error_after("people", |t| {
            t.replacen("role = \"\"", "role = \"none\"", 1)
        });
        assert!(
            e.starts_with("data/demo/people.toml") && e.contains("first role"),
            "{e}"
        );
        let e = error_after("people", |t| {
            t.replacen("age_bands = [\"under_18\", ", "age_bands = [", 1)
        });
        assert!(e.starts_with("data/demo/people.toml"), "{e}");
        let e = error_after("platforms", |t| {
            t.replacen("key = \"messenger\"", "key = \"facebook\"", 1)
        });
        assert!(e.contains("platform \"facebook\" is listed twice"), "{e}");
        let e = error_after("sentences", |t| {
            t.replacen("ur = \"عدالت سے رجوع کیا\"\n", "", 1)
        });
        assert!(
            e.starts_with("data/demo/sentences.toml") && e.contains("go together"),
            "{e}"
        );
        let e = error_after("sentences", |t| {
            t.replacen("weight = 40\n", "weight = 40\nen = \"x\"\nur = \"y\"\n", 1)
        });
        assert!(e.contains("reported_platform"), "{e}");
    }
}
