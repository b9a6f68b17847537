//! Public pages, one file per page.

pub mod case_view;
pub mod data;
pub mod exit;
pub mod follow_up;
pub mod health;
pub mod map;
pub mod page_cache;
pub mod report;
pub mod resources;
pub mod stats;
pub mod story;

use askama::Template;
use axum::response::{Html, IntoResponse, Response};

use super::error::AppError;

/// Renders a page template into an HTML response.
pub fn render(page: &impl Template) -> Result<Response, AppError> {
    Ok(Html(page.render()?).into_response())
}

/// The fallback for every address without a route: the 404 page in the path's language.
pub async fn not_found() -> AppError {
    AppError::NotFound
}
