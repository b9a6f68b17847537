//! Interface languages.
//!
//! Every user-facing label in Naqsha exists in each of these languages. The
//! language code is what appears in URLs (`/ur/...`), in `lang` attributes and
//! in serialised data (`"en"`, `"ur"`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language the interface and the data labels are available in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, written left to right.
    #[default]
    En,
    /// Urdu, written right to left in Nastaliq/Arabic script.
    Ur,
}

impl Lang {
    /// All languages, in the order they are offered to users.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ur];

    /// The BCP 47 code: `"en"` or `"ur"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ur => "ur",
        }
    }

    /// Parses a language code, ignoring ASCII case and a region suffix
    /// (`"ur-PK"`, `"en_GB"`). Returns `None` for languages Naqsha does not offer.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "ur" => Some(Lang::Ur),
            _ => None,
        }
    }

    /// Text direction for the HTML `dir` attribute: `"ltr"` or `"rtl"`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::Ur => "rtl",
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ur)
    }

    /// The language's own name, for a language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ur => "اردو",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Error for a language code Naqsha does not offer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language code {0:?} (expected \"en\" or \"ur\")")]
pub struct UnknownLang(pub String);

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
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(lang.code().parse::<Lang>().unwrap(), lang);
            assert_eq!(lang.to_string(), lang.code());
        }
        assert_eq!(Lang::from_code("ur-PK"), Some(Lang::Ur));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("pa"), None);
        assert_eq!(Lang::from_code(""), None);
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn direction() {
        assert_eq!(Lang::En.dir(), "ltr");
        assert_eq!(Lang::Ur.dir(), "rtl");
        assert!(Lang::Ur.is_rtl());
    }

    #[test]
    fn serde_lowercase() {
        assert_eq!(serde_json::to_string(&Lang::Ur).unwrap(), "\"ur\"");
        assert_eq!(serde_json::from_str::<Lang>("\"en\"").unwrap(), Lang::En);
        assert!(serde_json::from_str::<Lang>("\"En\"").is_err());
    }
}
