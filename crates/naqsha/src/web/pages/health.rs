//! `GET /healthz`: whether the server can reach its database, for monitors and `naqsha`
//! itself. Says nothing else about the deployment.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::state::AppState;

/// Answers `{"status":"ok","database":"sqlite"}`, or 503 with `"status":"unavailable"` when
/// the database does not answer.
pub async fn healthz(State(state): State<AppState>) -> Response {
    let database = state.store().backend().name();
    match state.store().ping().await {
        Ok(()) => Json(json!({ "status": "ok", "database": database })).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: the database does not answer");
            let body = json!({ "status": "unavailable", "database": database });
            (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response()
        }
    }
}
