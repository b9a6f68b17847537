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
use naqsha_core::ids::CaseId;

use crate::public::{Snapshot, StoryRecord};
use crate::storage::{FeedLogStore, LogUpdate, PublicStore, StorageError, Store};

/// The digest of an item's JSON, as the log keeps it.
pub fn digest(json: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hash = Sha256::digest(json.as_bytes());
    let mut out = String::with_capacity(64);
    for b in hash {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

/// Each story's digest as last drawn (none: not sent), with the snapshot record it was drawn
/// from. The snapshot shares an unchanged story's record (and its index row) with the next
/// one, so a story whose record is the same one is not drawn again: after one publication
/// the next comparison draws one story, not 100,000.
#[derive(Default)]
pub struct DigestCache(HashMap<CaseId, (Arc<StoryRecord>, Option<String>)>);

/// Brings the log in line with `snapshot`, on a heavy thread: 100,000 cases are a second of
/// drawing and hashing that must not hold an async worker.
pub async fn sync_log(
    store: &Store,
    snapshot: Arc<Snapshot>,
    source: Arc<FeedSource>,
    cache: &mut DigestCache,
) -> Result<LogUpdate, StorageError> {
    // A snapshot behind the store's counter would only be refused after all the drawing.
    let counter = crate::storage::quick(store.publication_generation()).await?;
    if counter != snapshot.generation {
        return Ok(LogUpdate::Stale { counter });
    }
    let store = store.clone();
    let runtime = tokio::runtime::Handle::current();
    let mut taken = std::mem::take(cache);
    let (result, drawn) = crate::heavy::run(move || {
        let result = runtime.block_on(update(&store, &snapshot, &source, &mut taken));
        (result, taken)
    })
    .await
    .map_err(|e| StorageError::Corrupt {
        table: "federation_log",
        column: "item",
        reason: e.to_string(),
    })?;
    *cache = drawn;
    result
}

/// The comparison and the writes (see [`sync_log`]).
pub async fn update(
    store: &impl FeedLogStore,
    snapshot: &Snapshot,
    source: &FeedSource,
    cache: &mut DigestCache,
) -> Result<LogUpdate, StorageError> {
    let mut digests = HashMap::with_capacity(snapshot.cases.len());
    let mut index = HashMap::with_capacity(snapshot.cases.len());
    let mut drawn = HashMap::with_capacity(snapshot.cases.len());
    for (i, record) in snapshot.cases.iter().enumerate() {
        let Ok(i) = u32::try_from(i) else { break };
        let cached = cache
            .0
            .get(&record.id)
            .filter(|(r, _)| Arc::ptr_eq(r, record))
            .map(|(_, d)| d.clone());
        let d = match cached {
            Some(d) => d,
            None => match source.case(snapshot, i) {
                Ok(case) => Some(digest(&to_json(&case)?)),
                Err(_) => None,
            },
        };
        drawn.insert(record.id, (record.clone(), d.clone()));
        let Some(d) = d else { continue };
        let id = record.id.to_string();
        digests.insert(id.clone(), d);
        index.insert(id, i);
    }
    cache.0 = drawn;
    let item = |id: &str| {
        let &i = index.get(id)?;
        let case = source.case(snapshot, i).ok()?;
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
