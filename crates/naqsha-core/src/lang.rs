//! Interface languages, declared as data in `data/languages/languages.toml`.
//!
//! A [`Lang`] is one entry of that file: its code (what appears in URLs `/sd/…`, in `lang`
//! attributes and in stored data), its own name, direction, script, digits, font and the chain
//! of languages a missing message falls back to. Adding a language is adding an entry there
//! (and its catalogs): no Rust changes. English and Urdu are the first two entries and have
//! constants, because the published cases are written in those two ([`Lang::base`]).

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The language declarations compiled into the binary.
pub const LANGUAGES_TOML: &str = include_str!("../../../data/languages/languages.toml");

/// A language the interface is offered in: an index into the declared languages.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Lang(u8);

/// The digits a language shows numbers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Digits {
    /// 0123456789
    Latn,
    /// Extended Arabic-Indic ۰۱۲۳۴۵۶۷۸۹ (Urdu, Sindhi, Pashto, Persian).
    Arabext,
    /// Arabic-Indic ٠١٢٣٤٥٦٧٨٩.
    Arab,
}

impl Digits {
    /// `text` with its ASCII digits written in these digits.
    pub fn write(self, text: &str) -> String {
        let zero = match self {
            Digits::Latn => return text.to_owned(),
            Digits::Arabext => 0x06F0,
            Digits::Arab => 0x0660,
        };
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => char::from_u32(zero + d).unwrap_or(c),
                _ => c,
            })
            .collect()
    }
}

/// The font a language's pages are set in, served by Naqsha itself.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Font {
    /// CSS family name, e.g. "Noto Naskh Arabic".
    pub family: String,
    /// The stylesheet with its `@font-face` rule, a file under `assets/vendor/fonts/`.
    pub stylesheet: String,
    /// The start of the font file's name (which ends in a content hash), for a preload link.
    pub preload: String,
}

/// One declared language, as the file says it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// BCP 47 code.
    pub code: String,
    /// The language's name in English.
    pub name: String,
    /// Its own name, for the language switch.
    pub native: String,
    /// "ltr" or "rtl".
    pub dir: String,
    /// ISO 15924 script code.
    pub script: String,
    /// The CLDR locale whose plural rules apply (the code when not given).
    #[serde(default)]
    pub plural: Option<String>,
    /// The digits numbers are shown with.
    pub digits: Digits,
    /// Languages a missing message is taken from, in order (English is implied last).
    pub fallback: Vec<String>,
    /// Whether a native speaker has reviewed the translations.
    pub reviewed: bool,
    /// The font of its pages; none for languages the base fonts cover.
    #[serde(default)]
    pub font: Option<Font>,
    /// With `font`: the letters of its alphabet, which a test checks its font draws.
    #[serde(default)]
    pub letters: Option<String>,
}

/// Every declared language, with fallback chains resolved.
#[derive(Debug)]
pub struct Registry {
    languages: Vec<Language>,
    chains: Vec<Vec<Lang>>,
    all: Vec<Lang>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    language: Vec<Language>,
}

/// A language file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("languages.toml: {0}")]
pub struct RegistryError(String);

impl Registry {
    /// Reads and checks a languages file: English first and Urdu second, unique codes of
    /// lowercase letters, a known direction, fallbacks to declared languages without cycles.
    pub fn parse(text: &str) -> Result<Registry, RegistryError> {
        let file: File = toml::from_str(text).map_err(|e| RegistryError(e.message().into()))?;
        let languages = file.language;
        let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
        if codes.first() != Some(&"en") || codes.get(1) != Some(&"ur") {
            return Err(RegistryError(
                "the first two languages must be en, then ur".into(),
            ));
        }
        if languages.len() > usize::from(u8::MAX) {
            return Err(RegistryError("too many languages".into()));
        }
        for (i, l) in languages.iter().enumerate() {
            let valid =
                (2..=3).contains(&l.code.len()) && l.code.chars().all(|c| c.is_ascii_lowercase());
            if !valid {
                return Err(RegistryError(format!(
                    "{:?} is not a language code (2 or 3 lowercase letters)",
                    l.code
                )));
            }
            if codes[..i].contains(&l.code.as_str()) {
                return Err(RegistryError(format!("{} is declared twice", l.code)));
            }
            if l.dir != "ltr" && l.dir != "rtl" {
                return Err(RegistryError(format!(
                    "{}: dir must be \"ltr\" or \"rtl\", not {:?}",
                    l.code, l.dir
                )));
            }
            if l.native.trim().is_empty() || l.name.trim().is_empty() {
                return Err(RegistryError(format!("{}: a name is empty", l.code)));
            }
        }
        let index = |code: &str| codes.iter().position(|c| *c == code);
        let mut chains = Vec::with_capacity(languages.len());
        for (i, l) in languages.iter().enumerate() {
            let mut chain = vec![Lang(i as u8)];
            for code in l.fallback.iter().map(String::as_str).chain(["en"]) {
                let Some(j) = index(code) else {
                    return Err(RegistryError(format!(
                        "{}: falls back to {code}, which is not declared",
                        l.code
                    )));
                };
                let lang = Lang(j as u8);
                if chain.contains(&lang) {
                    if code == "en" {
                        continue;
                    }
                    return Err(RegistryError(format!(
                        "{}: {code} comes twice in its fallback",
                        l.code
                    )));
                }
                chain.push(lang);
            }
            chains.push(chain);
        }
        let all = (0..languages.len()).map(|i| Lang(i as u8)).collect();
        Ok(Registry {
            languages,
            chains,
            all,
        })
    }

    /// Every language, in the order declared.
    pub fn all(&self) -> &[Lang] {
        &self.all
    }

    /// The declaration of `lang`.
    pub fn language(&self, lang: Lang) -> &Language {
        // `Lang` values are only made by this registry, so the index is in range.
        &self.languages[usize::from(lang.0).min(self.languages.len() - 1)]
    }

    /// `lang`, then the languages its missing messages come from, English last.
    pub fn chain(&self, lang: Lang) -> &[Lang] {
        &self.chains[usize::from(lang.0).min(self.chains.len() - 1)]
    }

    /// The language with this exact code.
    pub fn find(&self, code: &str) -> Option<Lang> {
        self.languages
            .iter()
            .position(|l| l.code == code)
            .map(|i| Lang(i as u8))
    }
}

#[expect(
    clippy::panic,
    reason = "the languages file is embedded; a malformed one is a build mistake every test run catches"
)]
static REGISTRY: LazyLock<Registry> =
    LazyLock::new(|| Registry::parse(LANGUAGES_TOML).unwrap_or_else(|e| panic!("{e}")));

/// The languages compiled into this binary.
pub fn registry() -> &'static Registry {
    &REGISTRY
}

impl Lang {
    /// English: the default language, whose pages have no prefix.
    pub const EN: Lang = Lang(0);
    /// Urdu.
    pub const UR: Lang = Lang(1);
    /// The two languages published cases are written in.
    pub const BASE: [Lang; 2] = [Lang::EN, Lang::UR];

    /// All languages, in the order they are offered to users.
    pub fn all() -> &'static [Lang] {
        REGISTRY.all()
    }

    /// Its position in [`Lang::all`].
    pub fn index(self) -> u8 {
        self.0
    }

    /// The declaration of this language.
    pub fn info(self) -> &'static Language {
        REGISTRY.language(self)
    }

    /// The BCP 47 code, e.g. `"en"`, `"ur"`, `"sd"`.
    pub fn code(self) -> &'static str {
        &self.info().code
    }

    /// Parses a language code, ignoring ASCII case and a region or script suffix
    /// (`"ur-PK"`, `"en_GB"`, `"pa-Arab"`). Returns `None` for languages Naqsha does not offer.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        REGISTRY.find(&primary)
    }

    /// Text direction for the HTML `dir` attribute: `"ltr"` or `"rtl"`.
    pub fn dir(self) -> &'static str {
        &self.info().dir
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        self.dir() == "rtl"
    }

    /// The language's own name, for a language switcher.
    pub fn native_name(self) -> &'static str {
        &self.info().native
    }

    /// The language's name in English.
    pub fn english_name(self) -> &'static str {
        &self.info().name
    }

    /// This language, then the languages a missing message is taken from; English is last.
    pub fn fallbacks(self) -> &'static [Lang] {
        REGISTRY.chain(self)
    }

    /// The first of English and Urdu in this language's fallback chain: the version of a
    /// published case (written in those two) a reader of this language gets.
    pub fn base(self) -> Lang {
        self.fallbacks()
            .iter()
            .copied()
            .find(|l| Lang::BASE.contains(l))
            .unwrap_or(Lang::EN)
    }

    /// The path of a page in this language from its language-neutral path (which starts with
    /// `/`): `/stories/1` is `/sd/stories/1` in Sindhi, unchanged in the default language.
    pub fn localise(self, neutral: &str) -> String {
        if self.is_default() {
            neutral.to_owned()
        } else {
            format!("/{}{neutral}", self.code())
        }
    }

    /// Whether this is the default language (no URL prefix).
    pub fn is_default(self) -> bool {
        self == Lang::EN
    }

    /// The CLDR locale whose plural rules this language follows.
    pub fn plural_locale(self) -> &'static str {
        self.info().plural.as_deref().unwrap_or(self.code())
    }

    /// The digits numbers are shown with.
    pub fn digits(self) -> Digits {
        self.info().digits
    }

    /// The font its pages are set in, when the base fonts do not cover its script.
    pub fn font(self) -> Option<&'static Font> {
        self.info().font.as_ref()
    }

    /// Whether a native speaker has reviewed its translations.
    pub fn reviewed(self) -> bool {
        self.info().reviewed
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    /// Only a declared code exactly as written there (`"ur"`, not `"UR"` or `"ur-PK"`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        REGISTRY
            .find(&code)
            .ok_or_else(|| serde::de::Error::custom(UnknownLang(code)))
    }
}

/// Error for a language code Naqsha does not offer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language code {0:?} (expected one of {codes})", codes = declared_codes())]
pub struct UnknownLang(pub String);

/// The declared codes, for error messages: `en, ur, sd, ps, pa`.
pub fn declared_codes() -> String {
    Lang::all()
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(", ")
}

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_code(s).ok_or_else(|| UnknownLang(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for &lang in Lang::all() {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(lang.code().parse::<Lang>().unwrap(), lang);
            assert_eq!(lang.to_string(), lang.code());
        }
        assert_eq!(Lang::from_code("ur-PK"), Some(Lang::UR));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::EN));
        assert_eq!(Lang::from_code("sd").map(Lang::code), Some("sd"));
        assert_eq!(Lang::from_code("pa-Arab").map(Lang::code), Some("pa"));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
        let err = "fr".parse::<Lang>().unwrap_err().to_string();
        assert!(err.contains("en, ur, sd"), "{err}");
    }

    #[test]
    fn the_shipped_languages_and_their_chains() {
        let codes: Vec<_> = Lang::all().iter().map(|l| l.code()).collect();
        assert_eq!(codes, ["en", "ur", "sd", "ps", "pa"]);
        for &lang in Lang::all() {
            let chain = lang.fallbacks();
            assert_eq!(chain[0], lang);
            assert_eq!(chain.last(), Some(&Lang::EN));
        }
        let sd = Lang::from_code("sd").unwrap();
        assert_eq!(sd.fallbacks(), [sd, Lang::UR, Lang::EN]);
        assert_eq!(sd.base(), Lang::UR);
        assert_eq!(Lang::EN.base(), Lang::EN);
        assert_eq!(Lang::UR.base(), Lang::UR);
        assert!(sd.is_rtl() && !sd.reviewed() && Lang::UR.reviewed());
        assert_eq!(sd.native_name(), "سنڌي");
    }

    #[test]
    fn direction() {
        assert_eq!(Lang::EN.dir(), "ltr");
        assert_eq!(Lang::UR.dir(), "rtl");
        assert!(Lang::UR.is_rtl());
    }

    #[test]
    fn serde_lowercase() {
        assert_eq!(serde_json::to_string(&Lang::UR).unwrap(), "\"ur\"");
        assert_eq!(serde_json::from_str::<Lang>("\"en\"").unwrap(), Lang::EN);
        assert_eq!(serde_json::from_str::<Lang>("\"ps\"").unwrap().code(), "ps");
        assert!(serde_json::from_str::<Lang>("\"En\"").is_err());
        assert!(serde_json::from_str::<Lang>("\"fr\"").is_err());
    }

    const WITH_SARAIKI: &str = r#"
        [[language]]
        code = "en"
        name = "English"
        native = "English"
        dir = "ltr"
        script = "Latn"
        digits = "latn"
        fallback = []
        reviewed = true

        [[language]]
        code = "ur"
        name = "Urdu"
        native = "اردو"
        dir = "rtl"
        script = "Arab"
        digits = "arabext"
        fallback = ["en"]
        reviewed = true

        [[language]]
        code = "skr"
        name = "Saraiki"
        native = "سرائیکی"
        dir = "rtl"
        script = "Arab"
        digits = "latn"
        fallback = ["pa", "ur"]
        reviewed = false

        [[language]]
        code = "pa"
        name = "Punjabi"
        native = "پنجابی"
        dir = "rtl"
        script = "Arab"
        digits = "latn"
        fallback = ["ur"]
        reviewed = false
    "#;

    #[test]
    fn a_language_added_as_data_falls_back_along_its_chain() {
        let registry = Registry::parse(WITH_SARAIKI).unwrap();
        let skr = registry.find("skr").unwrap();
        let chain: Vec<_> = registry
            .chain(skr)
            .iter()
            .map(|l| registry.language(*l).code.as_str())
            .collect();
        assert_eq!(chain, ["skr", "pa", "ur", "en"]);
        assert_eq!(registry.language(Lang::UR).digits, Digits::Arabext);
    }

    #[test]
    fn a_broken_languages_file_is_refused_with_its_reason() {
        let cases = [
            (WITH_SARAIKI.replace("\"pa\", \"ur\"", "\"xx\""), "xx"),
            (
                WITH_SARAIKI.replace("code = \"pa\"", "code = \"skr\""),
                "twice",
            ),
            (
                WITH_SARAIKI.replace("dir = \"rtl\"", "dir = \"right\""),
                "dir",
            ),
            (
                WITH_SARAIKI.replace("code = \"en\"", "code = \"de\""),
                "first two",
            ),
            (
                WITH_SARAIKI.replace("code = \"skr\"", "code = \"S-K\""),
                "code",
            ),
            (
                WITH_SARAIKI.replace("reviewed = false", "reviewd = false"),
                "reviewd",
            ),
        ];
        for (text, reason) in cases {
            let err = Registry::parse(&text).unwrap_err().to_string();
            assert!(err.contains(reason), "{reason}: {err}");
        }
    }

    #[test]
    fn digits_are_written_in_the_language_s_own() {
        assert_eq!(Digits::Arabext.write("2024, 15"), "۲۰۲۴, ۱۵");
        assert_eq!(Digits::Arab.write("7"), "٧");
        assert_eq!(Digits::Latn.write("7"), "7");
    }
}
