//! Public routes declared once, by their language-neutral path. A page is served in every
//! language of `data/languages/languages.toml`: `/report` in the default one, `/ur/report`,
//! `/sd/report`… in the others, all from the one declaration, so adding a language to the data
//! file gives it every page without a line of Rust. Files, feeds and webhooks are served once.

use std::collections::HashSet;
use std::sync::{LazyLock, Mutex, PoisonError};

use axum::response::Redirect;
use axum::routing::{MethodRouter, get};
use naqsha_core::lang::Lang;

use crate::state::AppState;

/// One public route, as a page module declares it.
pub struct PublicRoute {
    path: &'static str,
    router: MethodRouter<AppState>,
    every_language: bool,
}

impl PublicRoute {
    /// A page, served at `neutral_path` and under every other language's prefix.
    pub fn page(neutral_path: &'static str, router: MethodRouter<AppState>) -> Self {
        Self {
            path: neutral_path,
            router,
            every_language: true,
        }
    }

    /// A route that has no language (a file, an image, a webhook): served at `path` only.
    pub fn once(path: &'static str, router: MethodRouter<AppState>) -> Self {
        Self {
            path,
            router,
            every_language: false,
        }
    }
}

/// Every path pattern the declarations give, with its handlers: each page in every language,
/// each other route once, and `/ur`, `/sd`… sent on to their home pages `/ur/`, `/sd/`….
pub fn expand(routes: Vec<PublicRoute>) -> Vec<(&'static str, MethodRouter<AppState>)> {
    let others: Vec<Lang> = Lang::all()
        .iter()
        .copied()
        .filter(|l| !l.is_default())
        .collect();
    let mut all = Vec::new();
    for lang in &others {
        let bare = intern(format!("/{}", lang.code()));
        let home = intern(lang.localise("/"));
        all.push((bare, get(move || async move { Redirect::permanent(home) })));
    }
    for route in routes {
        if route.every_language {
            for lang in &others {
                all.push((intern(lang.localise(route.path)), route.router.clone()));
            }
        }
        all.push((route.path, route.router));
    }
    all
}

/// `pattern` as a string that lives as long as the program. Routes are built from the
/// languages' data at startup (and again by tests), always to the same few hundred patterns:
/// each is allocated once and shared after.
fn intern(pattern: String) -> &'static str {
    static PATTERNS: LazyLock<Mutex<HashSet<&'static str>>> =
        LazyLock::new(|| Mutex::new(HashSet::new()));
    let mut patterns = PATTERNS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(known) = patterns.get(pattern.as_str()) {
        return known;
    }
    let leaked: &'static str = Box::leak(pattern.into_boxed_str());
    patterns.insert(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(routes: Vec<PublicRoute>) -> Vec<&'static str> {
        expand(routes).into_iter().map(|(p, _)| p).collect()
    }

    #[test]
    fn a_page_is_served_in_every_language_and_a_file_once() {
        let all = paths(vec![
            PublicRoute::page("/stats", get(|| async { "" })),
            PublicRoute::page("/", get(|| async { "" })),
            PublicRoute::once("/data/cases.csv", get(|| async { "" })),
        ]);
        for lang in Lang::all() {
            assert!(all.contains(&lang.localise("/stats").as_str()), "{lang:?}");
            assert!(all.contains(&lang.localise("/").as_str()), "{lang:?}");
            if !lang.is_default() {
                let bare = format!("/{}", lang.code());
                assert!(all.contains(&bare.as_str()), "{bare}");
            }
        }
        assert!(all.contains(&"/sd/stats"));
        assert!(all.contains(&"/sd/"));
        assert_eq!(all.iter().filter(|p| p.contains("cases.csv")).count(), 1);
    }

    #[test]
    fn the_same_pattern_is_kept_once() {
        let a = intern("/ps/report".to_owned());
        let b = intern("/ps/report".to_owned());
        assert!(std::ptr::eq(a, b));
    }
}
