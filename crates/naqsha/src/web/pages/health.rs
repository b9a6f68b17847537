//! `GET /healthz`: whether the server can reach its database, for monitors and `naqsha`
//! itself. Says nothing else about the deployment.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::state::AppState;
use crate::storage::quick;

/// Answers `{"status":"ok","database":"sqlite"}` when the database answers within
/// [`crate::storage::QUICK_READ`]. When it does not, but the published cases are in memory,
/// the public side still works: 200 with `"status":"degraded"` and `"public":"from_memory"`
/// (reports and staff work wait for the database). With nothing to serve, 503 with
/// `"status":"unavailable"`.
pub async fn healthz(State(state): State<AppState>) -> Response {
    let database = state.store().backend().name();
    match quick(state.store().ping()).await {
        Ok(()) => Json(json!({ "status": "ok", "database": database })).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: the database does not answer");
            let (snapshot, _) = state.public().state();
            if snapshot {
                let body = json!({
                    "status": "degraded",
                    "database": database,
                    "public": "from_memory",
                });
                Json(body).into_response()
            } else {
                let body = json!({ "status": "unavailable", "database": database });
                (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response()
            }
        }
    }
}
