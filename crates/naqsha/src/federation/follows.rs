//! Following and unfollowing an instance, from the command line or the configuration.

use naqsha_core::federation::PublicKey;
use time::OffsetDateTime;

use crate::config::{FollowEntry, parse_follow_name, parse_follow_url};
use crate::storage::{FollowStore, NewFollow, StorageError, Store, Synced};

/// Why a follow was not added.
#[derive(Debug, thiserror::Error)]
pub enum FollowError {
    /// The name, address or key does not parse.
    #[error("{0}")]
    Invalid(String),
    /// That name or address is followed already.
    #[error("an instance named {name:?} or at {url} is followed already")]
    Duplicate {
        /// The name asked for.
        name: String,
        /// The address asked for.
        url: url::Url,
    },
    /// Storage failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Checks a follow's parts as typed: the same rules as the configuration's `follow` entries.
pub fn parse(url: &str, key: &str, name: &str) -> Result<NewFollow, FollowError> {
    let name = parse_follow_name(name).map_err(|m| FollowError::Invalid(format!("name: {m}")))?;
    let url = parse_follow_url(url).map_err(|m| FollowError::Invalid(format!("url: {m}")))?;
    let public_key = key
        .parse::<PublicKey>()
        .map_err(|e| FollowError::Invalid(format!("key: {e}")))?;
    Ok(NewFollow {
        name,
        url,
        public_key,
        at: OffsetDateTime::now_utc(),
    })
}

/// Follows an instance, due at once; a name or address followed already is refused.
pub async fn follow(store: &Store, new: &NewFollow) -> Result<(), FollowError> {
    match store.add_follow(new).await {
        Ok(()) => Ok(()),
        Err(StorageError::Conflict(_)) => Err(FollowError::Duplicate {
            name: new.name.clone(),
            url: new.url.clone(),
        }),
        Err(e) => Err(e.into()),
    }
}

/// Makes the stored follows agree with the configuration's `follow` entries (the
/// configuration wins for the address and key of its names; follows added on the command
/// line stay). One entry that cannot be stored (its address followed under another name)
/// is logged and skipped, not fatal.
pub async fn sync_config(store: &Store, entries: &[FollowEntry]) -> Result<(), StorageError> {
    let now = OffsetDateTime::now_utc();
    for entry in entries {
        let new = NewFollow {
            name: entry.name.clone(),
            url: entry.url.clone(),
            public_key: entry.public_key,
            at: now,
        };
        match store.sync_follow(&new).await {
            Ok(Synced::Added) => tracing::info!(name = %entry.name, "federation: now following"),
            Ok(Synced::Changed) => tracing::info!(
                name = %entry.name,
                "federation: address or key changed; its cases will be pulled afresh"
            ),
            Ok(Synced::Same) => {}
            Err(StorageError::Conflict(_)) => tracing::warn!(
                name = %entry.name,
                url = %entry.url,
                "federation: this address is followed under another name; entry skipped"
            ),
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
