//! (being written)

use axum::routing::MethodRouter;

use crate::state::AppState;

/// The public read API routes.
pub fn routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    Vec::new()
}
