//! A short text (a category label, a place name, a hint) in every language it has been
//! written in.
//!
//! English is always there: it ends every fallback chain, so [`Label::get`] always has an
//! answer. Other languages are optional; a language without its own text shows the next one
//! of its chain (`sd` → `ur` → `en`), the same rule the interface catalogs follow.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use crate::lang::{Lang, registry};

/// A text keyed by language, English always present.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Label {
    // Keyed by `Lang`, whose order is the declaration order: English, Urdu, then the others.
    texts: BTreeMap<Lang, String>,
}

/// Why a label could not be built from language codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LabelCodeError {
    /// A code that is not one of `data/languages/languages.toml`.
    #[error("unknown language code {0:?} (declared: {codes})", codes = crate::lang::declared_codes())]
    UnknownLanguage(String),
    /// No English text, which every fallback chain ends in.
    #[error("the English text (en) is missing")]
    MissingEnglish,
}

/// The declared language with exactly this code (`"sd"`, not `"SD"` or `"sd-PK"`): files
/// name languages as `languages.toml` does, so a near miss is a mistake to report.
pub fn declared(code: &str) -> Option<Lang> {
    registry().find(code)
}

impl Label {
    /// A label with only its English text.
    pub fn new(en: impl Into<String>) -> Label {
        Label {
            texts: BTreeMap::from([(Lang::EN, en.into())]),
        }
    }

    /// A label in English and Urdu.
    pub fn bilingual(en: impl Into<String>, ur: impl Into<String>) -> Label {
        Label::new(en).with(Lang::UR, ur)
    }

    /// This label with `text` as its `lang` text (replacing any).
    #[must_use]
    pub fn with(mut self, lang: Lang, text: impl Into<String>) -> Label {
        self.texts.insert(lang, text.into());
        self
    }

    /// Builds a label from `(code, text)` pairs; every code must be declared and `en` given.
    pub fn from_codes<K, V>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Result<Label, LabelCodeError>
    where
        K: AsRef<str>,
        V: Into<String>,
    {
        let mut texts = BTreeMap::new();
        for (code, text) in pairs {
            let code = code.as_ref();
            let lang =
                declared(code).ok_or_else(|| LabelCodeError::UnknownLanguage(code.to_owned()))?;
            texts.insert(lang, text.into());
        }
        if !texts.contains_key(&Lang::EN) {
            return Err(LabelCodeError::MissingEnglish);
        }
        Ok(Label { texts })
    }

    /// The English text.
    pub fn en(&self) -> &str {
        self.own(Lang::EN).unwrap_or_default()
    }

    /// The text for a reader of `lang`: its own, else the first of its fallback chain.
    pub fn get(&self, lang: Lang) -> &str {
        lang.fallbacks()
            .iter()
            .find_map(|l| self.own(*l))
            .unwrap_or_else(|| self.en())
    }

    /// The text written in exactly `lang`, if any.
    pub fn own(&self, lang: Lang) -> Option<&str> {
        self.texts.get(&lang).map(String::as_str)
    }

    /// Every language the label is written in with its text, English first, then in the
    /// order the languages are declared.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.texts.iter().map(|(l, t)| (*l, t.as_str()))
    }
}

impl Serialize for Label {
    /// A JSON object from language code to text: `{"en":"Police","ur":"پولیس","sd":"پوليس"}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.texts.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        Lang::from_code(code).unwrap()
    }

    #[test]
    fn get_walks_the_fallback_chain() {
        let only_base = Label::bilingual("Police", "پولیس");
        assert_eq!(only_base.get(Lang::EN), "Police");
        assert_eq!(only_base.get(Lang::UR), "پولیس");
        // Sindhi, Pashto and Punjabi fall back to Urdu, then English.
        for code in ["sd", "ps", "pa"] {
            assert_eq!(only_base.get(lang(code)), "پولیس", "{code}");
        }
        let sindhi = only_base.clone().with(lang("sd"), "پوليس");
        assert_eq!(sindhi.get(lang("sd")), "پوليس");
        assert_eq!(sindhi.get(lang("ps")), "پولیس");
        assert_eq!(sindhi.get(Lang::UR), "پولیس");

        let english_only = Label::new("Lahore");
        for &l in Lang::all() {
            assert_eq!(english_only.get(l), "Lahore", "{l}");
        }
        assert_eq!(english_only.own(Lang::UR), None);
    }

    #[test]
    fn from_codes_refuses_unknown_codes_and_a_missing_english() {
        let label =
            Label::from_codes([("ur", "پولیس"), ("en", "Police"), ("ps", "پولیس")]).unwrap();
        assert_eq!(label.get(lang("ps")), "پولیس");
        assert_eq!(
            label.iter().map(|(l, _)| l.code()).collect::<Vec<_>>(),
            ["en", "ur", "ps"]
        );
        let err = Label::from_codes([("en", "Police"), ("fr", "Police")]).unwrap_err();
        assert_eq!(err, LabelCodeError::UnknownLanguage("fr".into()));
        let message = err.to_string();
        assert!(
            message.contains("\"fr\"") && message.contains("sd"),
            "{message}"
        );
        // Codes are taken exactly as declared.
        assert!(Label::from_codes([("en", "a"), ("SD", "b")]).is_err());
        assert_eq!(
            Label::from_codes([("ur", "پولیس")]),
            Err(LabelCodeError::MissingEnglish)
        );
    }

    #[test]
    fn serialises_as_an_object_of_codes_in_declared_order() {
        let label = Label::new("Sindh")
            .with(lang("sd"), "سنڌ")
            .with(Lang::UR, "سندھ");
        assert_eq!(
            serde_json::to_string(&label).unwrap(),
            r#"{"en":"Sindh","ur":"سندھ","sd":"سنڌ"}"#
        );
    }
}
