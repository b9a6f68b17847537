//! `GET /exit`: where the quick-exit link leads. A near-empty page that names nothing about
//! this site, served by us (a link to another site would be a third-party request) and never
//! cached.

use askama::Template;
use axum::http::{HeaderValue, header};
use axum::response::Response;

use super::render;
use crate::web::error::AppError;

#[derive(Template)]
#[template(path = "public/exit.html")]
struct ExitPage;

/// The neutral page.
pub async fn exit() -> Result<Response, AppError> {
    let mut res = render(&ExitPage)?;
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}
