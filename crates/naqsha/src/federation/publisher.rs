//! The publishing side's state in one process: the instance's key once read, and which
//! publication the log was last brought up to, so that the log is compared with the
//! snapshot once per change and not on every request.

use std::sync::Arc;

use naqsha_core::federation::{InstanceKey, PublicKey, WorldCase};
use naqsha_core::places::Gazetteer;
use naqsha_core::taxonomy::Taxonomy;

use super::cases::{FeedSource, SourceError};
use super::log::{DigestCache, sync_log};
use crate::config::Config;
use crate::public::Snapshot;
use crate::storage::{LogUpdate, StorageError, Store};

/// This process's publisher of the federation feed. Cheap to share; one per application.
pub struct Publisher {
    store: Store,
    source: Result<Arc<FeedSource>, SourceError>,
    key: tokio::sync::OnceCell<Arc<InstanceKey>>,
    /// The publication counter the log was last compared at, and the digests drawn then;
    /// one comparison at a time.
    synced: tokio::sync::Mutex<(Option<u64>, DigestCache)>,
}

impl Publisher {
    /// The publisher of the instance `config` describes.
    pub fn new(
        store: Store,
        config: &Config,
        taxonomy: &Taxonomy,
        gazetteer: &'static Gazetteer,
    ) -> Self {
        Self {
            store,
            source: FeedSource::new(config, taxonomy, gazetteer).map(Arc::new),
            key: tokio::sync::OnceCell::new(),
            synced: tokio::sync::Mutex::new((None, DigestCache::default())),
        }
    }

    /// The instance as a feed source, or why it cannot be one.
    pub fn source(&self) -> Result<&Arc<FeedSource>, &SourceError> {
        self.source.as_ref()
    }

    /// This instance's published stories for the world map, as [`FeedSource::own_world_cases`]
    /// draws them; none when the instance cannot be a source (its gazetteer names no country).
    pub fn own_world_cases(&self, snapshot: &Snapshot) -> Vec<WorldCase> {
        match &self.source {
            Ok(source) => source.own_world_cases(snapshot),
            Err(_) => Vec::new(),
        }
    }

    /// The signing key, made on first need ([`super::identity()`]) and then kept in memory.
    pub async fn key(&self) -> Result<Arc<InstanceKey>, StorageError> {
        self.key
            .get_or_try_init(|| async { super::identity(&self.store).await.map(Arc::new) })
            .await
            .cloned()
    }

    /// The public key, as `/data` and `/federation` show it.
    pub async fn public_key(&self) -> Result<PublicKey, StorageError> {
        Ok(self.key().await?.public())
    }

    /// Brings the log up to `snapshot` unless it was brought there (or further) already.
    /// Returns what was written, if anything was compared.
    pub async fn sync(&self, snapshot: &Arc<Snapshot>) -> Result<Option<LogUpdate>, StorageError> {
        let Ok(source) = &self.source else {
            return Ok(None);
        };
        let mut guard = self.synced.lock().await;
        let (synced, cache) = &mut *guard;
        if synced.is_some_and(|g| g >= snapshot.generation) {
            return Ok(None);
        }
        let update = sync_log(&self.store, snapshot.clone(), source.clone(), cache).await?;
        match update {
            LogUpdate::Written {
                changed,
                gone,
                head,
            } => {
                if changed + gone > 0 {
                    tracing::info!(changed, gone, head, "federation feed log updated");
                }
                *synced = Some(snapshot.generation);
            }
            // Another node's snapshot is further on; it (or this one, once caught up) writes.
            LogUpdate::Stale { .. } => {}
        }
        Ok(Some(update))
    }
}
