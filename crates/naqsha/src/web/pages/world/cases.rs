//! This instance's own cases as the world map draws them: the very cases its federation feed
//! sends (`crate::federation::FeedSource`), so the world map here and at a follower agree.

use std::sync::{Arc, Mutex, PoisonError, Weak};

use naqsha_core::federation::WorldCase;

use crate::public::Snapshot;
use crate::state::AppState;

/// The list last built, for the snapshot it was built from (a `Weak` keeps the allocation's
/// address from being reused, so a new snapshot never matches an old entry).
type Built = Option<(Weak<Snapshot>, Arc<Vec<WorldCase>>)>;
static BUILT: Mutex<Built> = Mutex::new(None);

/// This instance's published stories with a place and a month, built once per snapshot
/// (100,000 cases take a while) and then shared.
pub fn own_cases(state: &AppState, snapshot: &Arc<Snapshot>) -> Arc<Vec<WorldCase>> {
    let mut built = BUILT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((of, cases)) = built.as_ref()
        && std::ptr::eq(of.as_ptr(), Arc::as_ptr(snapshot))
    {
        return cases.clone();
    }
    let cases = Arc::new(state.publisher().own_world_cases(snapshot));
    *built = Some((Arc::downgrade(snapshot), cases.clone()));
    cases
}
