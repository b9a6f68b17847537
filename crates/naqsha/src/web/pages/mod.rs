//! Public pages, one file per page.

pub mod atom;
pub mod campaign;
pub mod case_view;
pub mod creative;
pub mod data;
pub mod exit;
pub mod follow_up;
pub mod health;
pub mod map;
pub mod page_cache;
pub mod public_address;
pub(crate) mod public_form;
pub mod report;
pub mod resources;
pub mod responses;
pub mod stats;
pub mod story;
pub mod world;

use std::collections::HashSet;

use askama::Template;
use axum::http::Uri;
use axum::response::{Html, IntoResponse, Redirect, Response};
use naqsha_core::lang::Lang;

use super::error::AppError;

/// Renders a page template into an HTML response.
pub fn render(page: &impl Template) -> Result<Response, AppError> {
    Ok(Html(html(page)?).into_response())
}

/// Renders a public page (every page whose template extends `layout/base.html`): when any
/// of its words had to be taken from another language, the frame's note says so near the
/// top; otherwise the note is left out. Its words are those its template translates and
/// those its request translated before (counts, labels: [`crate::i18n::request_fell_back`]).
pub fn html(page: &impl Template) -> askama::Result<String> {
    let (rendered, fell_back) = crate::i18n::watch_fallback(|| page.render());
    Ok(fallback_note(
        rendered?,
        fell_back || crate::i18n::request_fell_back(),
    ))
}

/// Keeps or drops the frame's fallback note, which the template writes between two markers
/// because whether the page fell back is only known once all of it is rendered.
fn fallback_note(mut html: String, keep: bool) -> String {
    const OPEN: &str = "<!--fallback-note-->";
    const CLOSE: &str = "<!--/fallback-note-->";
    let (Some(start), Some(end)) = (html.find(OPEN), html.find(CLOSE)) else {
        return html;
    };
    if end < start {
        return html;
    }
    if keep {
        html.replace_range(end..end + CLOSE.len(), "");
        html.replace_range(start..start + OPEN.len(), "");
    } else {
        html.replace_range(start..end + CLOSE.len(), "");
    }
    html
}

/// The fallback for every address without a route. An address that starts with a language
/// code the site does not offer (`/fr/`, `/xx/report`) is a 404 saying so, with a link to each
/// language it is offered in; an address with a trailing slash goes to the same address without
/// it (`/admin/` → `/admin`, `/stats/?year=2024` → `/stats?year=2024`); any other is the 404
/// page in the path's language. `route_roots` are the first segments of every route (`api`,
/// `sms`…), which are not languages.
pub fn not_found(uri: &Uri, route_roots: &HashSet<&str>) -> Response {
    if unknown_language(uri.path(), route_roots) {
        return AppError::UnknownLanguage.into_response();
    }
    match without_trailing_slash(uri) {
        // 308 keeps the method and body, so a form posted to `/report/` is not lost.
        Some(to) => Redirect::permanent(&to).into_response(),
        None => AppError::NotFound.into_response(),
    }
}

/// Whether `path` starts with what looks like a language code (two or three lowercase
/// letters, as BCP 47 writes a language) that is neither a language of the site nor the start
/// of a route.
fn unknown_language(path: &str, route_roots: &HashSet<&str>) -> bool {
    let Some(first) = path.strip_prefix('/').and_then(|p| p.split('/').next()) else {
        return false;
    };
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && Lang::from_code(first).is_none()
        && !route_roots.contains(first)
}

/// `uri`'s path and query without the slashes at the end of the path, when there are any and
/// something is left. Never an address on another host: a path that would start with `//`
/// or `/\\` (both read by browsers as `//host/…`) is left alone.
fn without_trailing_slash(uri: &Uri) -> Option<String> {
    let path = uri.path();
    let trimmed = path.trim_end_matches('/');
    let other_host = trimmed.starts_with("//") || trimmed.starts_with("/\\");
    if trimmed.len() == path.len() || trimmed.is_empty() || other_host {
        return None;
    }
    Some(match uri.query() {
        Some(q) => format!("{trimmed}?{q}"),
        None => trimmed.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redirect(uri: &str) -> Option<String> {
        without_trailing_slash(&uri.parse().unwrap())
    }

    #[test]
    fn an_unknown_language_code_is_told_apart_from_routes_and_languages() {
        let roots: HashSet<&str> = ["api", "sms", "map", "stories"].into_iter().collect();
        assert!(unknown_language("/fr/", &roots));
        assert!(unknown_language("/fr", &roots));
        assert!(unknown_language("/xx/anything", &roots));
        assert!(unknown_language("/fil/report", &roots));
        assert!(!unknown_language("/sd/nothing-here", &roots));
        assert!(!unknown_language("/en/report", &roots));
        assert!(!unknown_language("/api/v9", &roots));
        assert!(!unknown_language("/sms/x", &roots));
        assert!(!unknown_language("/FR/", &roots));
        assert!(!unknown_language("/abcd/", &roots));
        assert!(!unknown_language("/", &roots));
    }

    #[test]
    fn the_fallback_note_is_kept_only_when_the_page_fell_back() {
        let page = "<main><!--fallback-note--><p>note</p><!--/fallback-note--><h1>x</h1></main>";
        assert_eq!(
            fallback_note(page.to_owned(), true),
            "<main><p>note</p><h1>x</h1></main>"
        );
        assert_eq!(
            fallback_note(page.to_owned(), false),
            "<main><h1>x</h1></main>"
        );
        assert_eq!(fallback_note("<p>a</p>".to_owned(), true), "<p>a</p>");
    }

    #[test]
    fn trailing_slashes_are_dropped_and_the_query_kept() {
        assert_eq!(redirect("/admin/").as_deref(), Some("/admin"));
        assert_eq!(redirect("/ur/stats//").as_deref(), Some("/ur/stats"));
        assert_eq!(
            redirect("/stats/?year=2024&province=pk-pb").as_deref(),
            Some("/stats?year=2024&province=pk-pb")
        );
        assert_eq!(redirect("/stats"), None);
        assert_eq!(redirect("/"), None);
        assert_eq!(redirect("///"), None);
        // Never to another host.
        assert_eq!(redirect("//evil.example/"), None);
        assert_eq!(
            redirect("/%5Cevil.example/").as_deref(),
            Some("/%5Cevil.example")
        );
        if let Ok(backslash) = "/\\evil.example/".parse::<Uri>() {
            assert_eq!(without_trailing_slash(&backslash), None);
        }
    }
}
