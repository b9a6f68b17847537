//! (being written)

use axum::routing::MethodRouter;

use crate::state::AppState;

/// The routes of this page.
pub fn routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    Vec::new()
}
