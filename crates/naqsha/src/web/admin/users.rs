//! (being written)

use super::Route;

/// The routes of this part of the workspace.
pub fn routes() -> Vec<Route> {
    Vec::new()
}
