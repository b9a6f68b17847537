//! The sweeper: ends sessions that timed out even if their browser never comes back, and
//! forgets the keys they held. Without it an abandoned sign-in would keep the organisation
//! key in memory until the process stops.

use std::time::Duration;

use time::OffsetDateTime;

use super::{ABSOLUTE_TIMEOUT, Context, IDLE_TIMEOUT, PENDING_TIMEOUT};
use crate::storage::{StaffStore, StorageError};

/// How often the sweeper runs.
pub const EVERY: Duration = Duration::from_secs(60);

/// Deletes timed-out sessions and forgets every in-memory value whose session is gone.
/// Returns how many keys were forgotten.
pub async fn sweep(state: &impl Context) -> Result<usize, StorageError> {
    let now = OffsetDateTime::now_utc();
    let store = state.store();
    store
        .purge_sessions(now - IDLE_TIMEOUT, now - ABSOLUTE_TIMEOUT)
        .await?;
    let staff = state.staff();
    let mut forget = Vec::new();
    for hash in staff.vault.keys() {
        let live = match store.session(&hash).await? {
            Some(s) => !super::expired(&s, now),
            None => false,
        };
        if !live {
            forget.push(hash);
        }
    }
    for hash in staff.pending_totp.keys() {
        let pending = store
            .session(&hash)
            .await?
            .is_some_and(|s| (now - s.created_at).unsigned_abs() <= PENDING_TIMEOUT);
        if !pending {
            staff.pending_totp.remove(&hash);
        }
    }
    for hash in &forget {
        staff.vault.remove(hash);
        store.delete_session(hash).await?;
    }
    Ok(forget.len())
}

/// Runs [`sweep`] every [`EVERY`] until the process ends.
pub fn spawn(state: impl Context) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        loop {
            tick.tick().await;
            if let Err(e) = sweep(&state).await {
                tracing::warn!(error = %e, "session sweep failed");
            }
        }
    });
}
