//! `GET /responses/{id}/image`: the picture of an approved response, as cleaned when it
//! arrived (metadata stripped, re-encoded). Only published responses have one here: a
//! response still waiting, rejected or withdrawn is "not found".

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use naqsha_core::ids::ResponseId;

use crate::state::AppState;
use crate::storage::{ResponseStore, quick};
use crate::web::error::AppError;

/// An hour: a picture never changes under its id, but one withdrawn by its maker or taken
/// down by a moderator should leave caches soon.
const CACHE: &str = "public, max-age=3600";

/// The only types an approved picture can have (what the cleaning writes).
const PICTURE_TYPES: &[&str] = &["image/jpeg", "image/png", "image/webp"];

/// The picture of a published response.
pub async fn image(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: ResponseId = id.parse().map_err(|_| AppError::NotFound)?;
    let picture = quick(state.store().published_response_image(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let content_type = PICTURE_TYPES
        .iter()
        .find(|t| **t == picture.content_type)
        .ok_or_else(|| {
            AppError::Internal(anyhow::anyhow!("a published picture of another type"))
        })?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static(CACHE)),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (
                header::HeaderName::from_static("cross-origin-resource-policy"),
                HeaderValue::from_static("same-origin"),
            ),
        ],
        picture.bytes,
    )
        .into_response())
}
