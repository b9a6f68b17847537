//! The instance's signing key: made on first need and kept in the database, so that every
//! node signs with the same key and a restored backup keeps the key its followers trust.

use naqsha_core::federation::InstanceKey;
use time::OffsetDateTime;

use crate::storage::{FeedLogStore, StorageError};

/// The instance's signing key, made and stored the first time it is asked for. Nodes asking
/// at once each offer a fresh key and all get the one stored first.
pub async fn identity(store: &impl FeedLogStore) -> Result<InstanceKey, StorageError> {
    let candidate = InstanceKey::generate();
    let seed = store
        .federation_seed(&candidate.to_seed(), OffsetDateTime::now_utc())
        .await?;
    let seed = zeroize::Zeroizing::new(seed);
    InstanceKey::from_seed(&seed).map_err(|e| StorageError::Corrupt {
        table: "federation_identity",
        column: "seed",
        reason: e.to_string(),
    })
}
