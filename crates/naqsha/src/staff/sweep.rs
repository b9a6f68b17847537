//! The sweeper: ends this node's sessions that timed out even if their browser never comes
//! back, forgets the keys this node holds for sessions that are gone or timed out (wherever
//! they began), and deletes sign-in throttle counters forgotten by time. Without it an
//! abandoned sign-in would keep the organisation key in memory until the process stops.
//!
//! It never ends a live session of another node. Another node's timed-out sessions are left
//! to that node, except those timed out by more than [`OTHER_NODES_GRACE`]: a node that was
//! renamed or taken away would otherwise leave them forever, and by then no clock between
//! nodes is so far off that the session could still be live.

use std::time::Duration;

use time::OffsetDateTime;

use super::{ABSOLUTE_TIMEOUT, Context, IDLE_TIMEOUT};
use crate::storage::{StaffStore, StorageError};

/// How often the sweeper runs.
pub const EVERY: Duration = Duration::from_secs(60);

/// How long past its timeout another node's session is left to that node.
pub const OTHER_NODES_GRACE: Duration = Duration::from_secs(60 * 60);

/// Deletes this node's timed-out sessions (and any node's long timed-out ones), forgets every
/// key in this node's memory whose session is gone or timed out, and prunes the throttle.
/// Returns how many keys were forgotten.
pub async fn sweep(state: &impl Context) -> Result<usize, StorageError> {
    let now = OffsetDateTime::now_utc();
    let store = state.store();
    store
        .purge_node_sessions(state.node(), now - IDLE_TIMEOUT, now - ABSOLUTE_TIMEOUT)
        .await?;
    store
        .purge_sessions(
            now - IDLE_TIMEOUT - OTHER_NODES_GRACE,
            now - ABSOLUTE_TIMEOUT - OTHER_NODES_GRACE,
        )
        .await?;
    super::throttle::prune(store, now).await?;
    let vault = &state.staff().vault;
    let mut forget = Vec::new();
    for vault_id in vault.keys() {
        let sessions = store.sessions_with_vault_id(&vault_id).await?;
        if !sessions.iter().any(|s| !super::expired(s, now)) {
            forget.push(vault_id);
        }
    }
    for vault_id in &forget {
        vault.remove(vault_id);
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
