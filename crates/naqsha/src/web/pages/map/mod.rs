//! The map page at `/` and `/ur/` and the framable map at `/embed` (being rebuilt for the
//! public side; for now the home page).

use axum::routing::{MethodRouter, get};

use crate::state::AppState;

/// The routes of the map.
pub fn routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/", get(super::home::home)),
        ("/ur/", get(super::home::home)),
    ]
}
