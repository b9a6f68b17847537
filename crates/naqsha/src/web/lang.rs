//! The page language, chosen by the path alone: `/ur/...` is Urdu, everything else English.
//! No cookie and no `Accept-Language` sniffing: the address says what a visitor gets, and a
//! shared link opens in the language it was shared in.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use naqsha_core::lang::Lang;

/// The language of the requested page, from its path prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for PathLang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(PathLang(lang_of_path(parts.uri.path())))
    }
}

/// The language a path is in.
pub fn lang_of_path(path: &str) -> Lang {
    if path == "/ur" || path.starts_with("/ur/") {
        Lang::Ur
    } else {
        Lang::En
    }
}

/// The path of a page in `lang`, from its language-neutral path (which starts with `/`).
pub fn localise(lang: Lang, neutral: &str) -> String {
    match lang {
        Lang::En => neutral.to_owned(),
        Lang::Ur => format!("/ur{neutral}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_decides_language() {
        assert_eq!(lang_of_path("/"), Lang::En);
        assert_eq!(lang_of_path("/ur"), Lang::Ur);
        assert_eq!(lang_of_path("/ur/stories/1"), Lang::Ur);
        assert_eq!(lang_of_path("/urdu"), Lang::En);
        assert_eq!(lang_of_path("/stories/ur/"), Lang::En);
    }

    #[test]
    fn paths_localise() {
        assert_eq!(localise(Lang::Ur, "/stories/1"), "/ur/stories/1");
        assert_eq!(localise(Lang::En, "/stories/1"), "/stories/1");
        assert_eq!(localise(Lang::Ur, "/"), "/ur/");
        assert_eq!(localise(Lang::En, "/"), "/");
    }
}
