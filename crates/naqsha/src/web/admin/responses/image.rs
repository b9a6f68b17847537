//! `GET /admin/responses/{id}/image`: a waiting response's image, opened in memory with the
//! session's key and never cached; served only as the image type its first bytes show.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use naqsha_core::ids::ResponseId;

use crate::moderation::responses::{DecisionError, open_image};
use crate::state::AppState;
use crate::storage::ResponseStore;
use crate::web::admin::session::Staff;
use crate::web::error::AppError;

/// Serves the image.
pub async fn serve(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: ResponseId = id.parse().map_err(|_| AppError::NotFound)?;
    let key = staff.key()?;
    let stored = state
        .store()
        .response(id)
        .await?
        .ok_or(AppError::NotFound)?;
    let image = open_image(&key.secret, &stored)
        .map_err(|e| match e {
            DecisionError::Storage(e) => e.into(),
            other => AppError::Internal(anyhow::Error::new(other).context("opening an image")),
        })?
        .ok_or(AppError::NotFound)?;
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_str(&image.content_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream")),
        ),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_static("inline"),
        ),
    ];
    Ok((headers, image.bytes).into_response())
}
