//! Public pages, one file per page.

pub mod campaign;
pub mod case_view;
pub mod creative;
pub mod data;
pub mod exit;
pub mod follow_up;
pub mod health;
pub mod map;
pub mod page_cache;
pub(crate) mod public_form;
pub mod report;
pub mod resources;
pub mod responses;
pub mod stats;
pub mod story;

use askama::Template;
use axum::http::Uri;
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::error::AppError;

/// Renders a page template into an HTML response.
pub fn render(page: &impl Template) -> Result<Response, AppError> {
    Ok(Html(page.render()?).into_response())
}

/// The fallback for every address without a route: an address with a trailing slash goes to
/// the same address without it (`/admin/` → `/admin`, `/stats/?year=2024` → `/stats?year=2024`),
/// any other is the 404 page in the path's language.
pub async fn not_found(uri: Uri) -> Response {
    match without_trailing_slash(&uri) {
        // 308 keeps the method and body, so a form posted to `/report/` is not lost.
        Some(to) => Redirect::permanent(&to).into_response(),
        None => AppError::NotFound.into_response(),
    }
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
