//! One page of the feed, read from the log and signed.

use naqsha_core::federation::{
    Change, Envelope, FeedCase, FeedItem, FeedPage, InstanceKey, PublicKey,
};
use sha2::{Digest as _, Sha256};
use time::OffsetDateTime;

use super::cases::FeedSource;
use crate::storage::{FeedLogStore, StorageError};

/// Changes per page when the follower does not say.
pub const DEFAULT_LIMIT: usize = 1000;

/// Why a page cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// The follower's cursor is past the last change: this log is not the one it read (the
    /// instance was restored from an older backup, or it asks another instance's cursor).
    #[error("since={since} is after the feed's last change ({head}); read it again from since=0")]
    Ahead {
        /// The cursor asked for.
        since: u64,
        /// The last change in the log.
        head: u64,
    },
    /// The store failed, or a stored item is not a feed case.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// The validator of the page after `since` of at most `limit` changes while the log's last
/// change is `head`: the same until the log or the instance's description changes.
pub fn etag(source: &FeedSource, key: &PublicKey, head: u64, since: u64, limit: usize) -> String {
    let mut hash = Sha256::new();
    hash.update(key.to_string().as_bytes());
    hash.update(serde_json::to_vec(&source.instance).unwrap_or_default());
    hash.update(format!("/{head}/{since}/{limit}").as_bytes());
    let hex: String = hash.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("\"{head}-{hex}\"")
}

/// The changes after `since` (at most `limit`), signed with `key`, with the ETag of the log
/// as read. From `since = 0` the page is the snapshot: tombstones are left out, as a follower
/// starting afresh has nothing to remove.
pub async fn page(
    store: &impl FeedLogStore,
    key: &InstanceKey,
    source: &FeedSource,
    since: u64,
    limit: usize,
) -> Result<(Envelope, String), PageError> {
    let log = store.feed_rows(since, limit, since == 0).await?;
    if since > log.head {
        return Err(PageError::Ahead {
            since,
            head: log.head,
        });
    }
    let mut items = Vec::with_capacity(log.rows.len());
    for row in log.rows {
        let change = match row.item {
            None => Change::Gone,
            Some(json) => Change::Case(Box::new(serde_json::from_str::<FeedCase>(&json).map_err(
                |e| StorageError::Corrupt {
                    table: "federation_log",
                    column: "item",
                    reason: e.to_string(),
                },
            )?)),
        };
        items.push(FeedItem {
            seq: row.seq,
            id: row.case_id,
            change,
        });
    }
    // On the last page the cursor reaches the head, past any tombstones left out.
    let cursor = match (log.more, items.last()) {
        (true, Some(last)) => last.seq,
        _ => log.head.max(since),
    };
    let page = FeedPage {
        instance: source.instance.clone(),
        generated_at: OffsetDateTime::now_utc(),
        since,
        cursor,
        more: log.more,
        items,
    };
    let envelope = page.seal(key).map_err(|e| StorageError::Corrupt {
        table: "federation_log",
        column: "item",
        reason: e.to_string(),
    })?;
    Ok((
        envelope,
        etag(source, &key.public(), log.head, since, limit),
    ))
}
