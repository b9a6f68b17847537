//! The page language, chosen by the path alone: `/ur/...` is Urdu, `/sd/...` Sindhi (every
//! language of `data/languages/languages.toml` but the first has its prefix), everything
//! else English.
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
    prefix_lang(path).unwrap_or_default()
}

/// The language whose prefix starts `path` (`/sd` or `/sd/…`), if any.
fn prefix_lang(path: &str) -> Option<Lang> {
    let rest = path.strip_prefix('/')?;
    let first = rest.split('/').next()?;
    Lang::all()
        .iter()
        .copied()
        .find(|l| !l.is_default() && l.code() == first)
}

/// `path` without its language prefix: `/sd/stories/1` → `/stories/1`, `/ur` → `/`.
pub fn neutral_path(path: &str) -> &str {
    match prefix_lang(path) {
        Some(lang) => {
            let rest = &path[1 + lang.code().len()..];
            if rest.is_empty() { "/" } else { rest }
        }
        None => path,
    }
}

/// The path of a page in `lang`, from its language-neutral path (which starts with `/`).
pub fn localise(lang: Lang, neutral: &str) -> String {
    lang.localise(neutral)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_decides_language() {
        assert_eq!(lang_of_path("/"), Lang::EN);
        assert_eq!(lang_of_path("/ur"), Lang::UR);
        assert_eq!(lang_of_path("/ur/stories/1"), Lang::UR);
        assert_eq!(lang_of_path("/urdu"), Lang::EN);
        assert_eq!(lang_of_path("/stories/ur/"), Lang::EN);
        assert_eq!(lang_of_path("/sd/report").code(), "sd");
        assert_eq!(lang_of_path("/pa").code(), "pa");
        assert_eq!(lang_of_path("/en/report"), Lang::EN);
        assert_eq!(neutral_path("/sd/stories/1"), "/stories/1");
        assert_eq!(neutral_path("/ur"), "/");
        assert_eq!(neutral_path("/sdx/a"), "/sdx/a");
    }

    #[test]
    fn paths_localise() {
        assert_eq!(localise(Lang::UR, "/stories/1"), "/ur/stories/1");
        assert_eq!(localise(Lang::EN, "/stories/1"), "/stories/1");
        assert_eq!(localise(Lang::UR, "/"), "/ur/");
        assert_eq!(localise(Lang::EN, "/"), "/");
    }
}
