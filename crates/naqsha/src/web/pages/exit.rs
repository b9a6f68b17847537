//! `GET /exit`: the old address of quick exit, kept for links and bookmarks made before it
//! led away by itself. It sends the browser on to the configured outside page
//! (`[server] exit_url`) without telling that page where she came from, and is never cached.
//! The quick-exit link itself points straight at the outside page.

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::state::AppState;
use crate::web::error::AppError;

/// A redirect (303) to the outside page, with no referrer and no caching.
pub async fn exit(State(state): State<AppState>) -> Result<Response, AppError> {
    let location = HeaderValue::from_str(&state.config().exit_url)
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("exit_url")))?;
    Ok((
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, location),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ),
        ],
    )
        .into_response())
}
