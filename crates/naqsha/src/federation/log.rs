//! Keeping the feed's change log in line with the published stories.
//!
//! The log is compared with the snapshot by digest: each story the feed sends is drawn as
//! its feed case, serialised and hashed, and only the digests are held (about 150 bytes a
//! case); a case new or changed is drawn again when its row is written. The store writes the
//! changes in short transactions of a few hundred rows ([`FeedLogStore::update_feed_log`]),
//! so that a survivor's report never waits for the write lock behind 100,000 rows, and each
//! transaction refuses a snapshot older than the store's publication counter, so a node that
//! is behind never sends a case back to an earlier state.

use std::collections::HashMap;
use std::sync::Arc;

use sha2::{Digest as _, Sha256};

use super::cases::FeedSource;
use crate::public::Snapshot;
use crate::storage::{FeedLogStore, LogUpdate, PublicStore, StorageError, Store};

/// The digest of an item's JSON, as the log keeps it.
pub fn digest(json: &str) -> String {
    let hash = Sha256::digest(json.as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// Brings the log in line with `snapshot`, on a heavy thread: 100,000 cases are a second of
/// drawing and hashing that must not hold an async worker.
pub async fn sync_log(
    store: &Store,
    snapshot: Arc<Snapshot>,
    source: Arc<FeedSource>,
) -> Result<LogUpdate, StorageError> {
    // A snapshot behind the store's counter would only be refused after all the drawing.
    let counter = crate::storage::quick(store.publication_generation()).await?;
    if counter != snapshot.generation {
        return Ok(LogUpdate::Stale { counter });
    }
    let store = store.clone();
    let runtime = tokio::runtime::Handle::current();
    crate::heavy::run(move || runtime.block_on(update(&store, &snapshot, &source)))
        .await
        .map_err(|e| StorageError::Corrupt {
            table: "federation_log",
            column: "item",
            reason: e.to_string(),
        })?
}

/// The comparison and the writes (see [`sync_log`]).
pub async fn update(
    store: &impl FeedLogStore,
    snapshot: &Snapshot,
    source: &FeedSource,
) -> Result<LogUpdate, StorageError> {
    let mut digests = HashMap::with_capacity(snapshot.cases.len());
    let mut index = HashMap::with_capacity(snapshot.cases.len());
    for (i, record) in snapshot.cases.iter().enumerate() {
        let Ok(i) = u32::try_from(i) else { break };
        let Ok(case) = source.case(snapshot, i, false) else {
            continue;
        };
        let id = record.id.to_string();
        digests.insert(id.clone(), digest(&to_json(&case)?));
        index.insert(id, i);
    }
    let item = |id: &str| {
        let &i = index.get(id)?;
        let case = source.case(snapshot, i, false).ok()?;
        to_json(&case).ok()
    };
    store
        .update_feed_log(snapshot.generation, &digests, item)
        .await
}

fn to_json(case: &naqsha_core::federation::FeedCase) -> Result<String, StorageError> {
    serde_json::to_string(case).map_err(|e| StorageError::Corrupt {
        table: "federation_log",
        column: "item",
        reason: e.to_string(),
    })
}
