//! What a visitor carries from one request to the next, kept where every node finds it:
//! the secrets nodes sign and key with, per-network token buckets and the flood detector
//! (PostgreSQL), receipts waiting to be shown once and drafts of evidence files (both
//! backends).
//!
//! On SQLite there is one node. Its secrets stay in the memory of its [`Store`] (shared by
//! every clone of it, never on disk), and [`Store::process_local`] keeps the rest of its
//! in-memory guards beside them; the bucket and flood methods are for PostgreSQL only and
//! answer [`StorageError::Conflict`]`("backend")` on SQLite.
//!
//! Nothing here sees an address: networks are the callers' keyed hashes, receipts are
//! encrypted under a key only the survivor's address holds, drafts are sealed files.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::sync::{Arc, Mutex};

use naqsha_core::sealing::Sealed;
use sqlx::Row;

use super::rows::Cols;
use super::{Backend, NewAttachment, StorageError, Store};

/// In-process state of a store, shared by its clones: the SQLite node's secrets and guards.
#[derive(Default)]
pub(super) struct ProcessLocal {
    secrets: Mutex<HashMap<(String, i64), Vec<u8>>>,
    extensions: Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
}

impl fmt::Debug for ProcessLocal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ProcessLocal(..)")
    }
}

impl Store {
    /// The one `T` this process keeps for this database (built by `init` on first use): the
    /// in-memory guards of a SQLite node, shared by every clone of the store.
    pub fn process_local<T: Any + Send + Sync>(&self, init: impl FnOnce() -> T) -> Arc<T> {
        let mut map = self
            .local
            .extensions
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let entry = map
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Arc::new(init()) as Arc<dyn Any + Send + Sync>)
            .clone();
        drop(map);
        match entry.downcast::<T>() {
            Ok(t) => t,
            Err(_) => unreachable!("entries are keyed by their own TypeId"),
        }
    }
}

/// A receipt to show once, written with its report (see [`super::Arrival::receipt_view`]).
#[derive(Debug, Clone)]
pub struct HeldReceipt {
    /// Hash of the address token.
    pub id_hash: String,
    /// The receipt encrypted under a key derived from the address token.
    pub sealed: Vec<u8>,
    /// Unix seconds after which it is no longer shown.
    pub expires_at: i64,
}

/// Sealed evidence files of a form shown again, waiting for its next try.
#[derive(Debug, Clone)]
pub struct DraftFiles {
    /// Hash of the draft token the form carries.
    pub id_hash: String,
    /// The keyed hash of the sender's network (for the per-network bound).
    pub network: Vec<u8>,
    /// Unix milliseconds when it was kept.
    pub created_ms: i64,
    /// The files, sealed.
    pub files: Vec<NewAttachment>,
}

impl DraftFiles {
    /// Sealed bytes it holds.
    pub fn bytes(&self) -> i64 {
        self.files
            .iter()
            .map(|f| i64::try_from(f.sealed.as_bytes().len()).unwrap_or(i64::MAX))
            .sum()
    }
}

/// The shared flood state, in unix milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FloodRow {
    /// When the current automatic flood began.
    pub since_ms: Option<i64>,
    /// When the automatic flood ends.
    pub until_ms: Option<i64>,
    /// Traffic does not start a flood before this.
    pub paused_until_ms: Option<i64>,
}

/// Visitor state shared by every node.
pub trait VisitorStore {
    /// The secret of `purpose` for `generation`, agreed by every node: the stored one, or
    /// `fresh` stored now if there was none (the first node to ask creates it). On
    /// PostgreSQL an unlogged table; on SQLite this store's memory.
    fn shared_secret(
        &self,
        purpose: &str,
        generation: i64,
        fresh: &[u8],
    ) -> impl Future<Output = Result<Vec<u8>, StorageError>> + Send;

    /// Deletes the secrets of `purpose` older than generation `keep_from`.
    fn forget_secrets(
        &self,
        purpose: &str,
        keep_from: i64,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Takes the receipt held under `id_hash` (it is deleted); `None` if unknown or expired.
    fn take_receipt_view(
        &self,
        id_hash: &str,
        now: i64,
    ) -> impl Future<Output = Result<Option<Vec<u8>>, StorageError>> + Send;

    /// Keeps a draft within `per_network` bytes for its network and `total` bytes overall:
    /// first the network's own oldest drafts give way, then the oldest of whichever network
    /// holds the most. All in one transaction, so every node sees the same bounds.
    fn hold_draft(
        &self,
        draft: &DraftFiles,
        per_network: i64,
        total: i64,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Takes the files kept under `id_hash` if kept after `fresh_after_ms` (they are deleted).
    fn take_draft(
        &self,
        id_hash: &str,
        fresh_after_ms: i64,
    ) -> impl Future<Output = Result<Option<Vec<NewAttachment>>, StorageError>> + Send;

    /// Sealed bytes held by drafts.
    fn draft_bytes(&self) -> impl Future<Output = Result<i64, StorageError>> + Send;

    /// Deletes receipts past `now_secs` and drafts kept before `drafts_before_ms`; returns
    /// how many rows went.
    fn prune_visitor_state(
        &self,
        now_secs: i64,
        drafts_before_ms: i64,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Takes a token from the bucket of `kind` and `network` (PostgreSQL): `None` if taken,
    /// else milliseconds until one is free. A bucket is `full_at` (unix ms); it admits a
    /// request while `full_at − now ≤ tolerance_ms`, and each request adds `interval_ms`.
    fn take_rate_token(
        &self,
        kind: &str,
        network: &[u8],
        now_ms: i64,
        interval_ms: i64,
        tolerance_ms: i64,
    ) -> impl Future<Output = Result<Option<i64>, StorageError>> + Send;

    /// Gives back a token taken for a request the server failed to serve (PostgreSQL).
    fn give_back_rate_token(
        &self,
        kind: &str,
        network: &[u8],
        interval_ms: i64,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Deletes full buckets (PostgreSQL).
    fn prune_rate_buckets(
        &self,
        now_ms: i64,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Counts an accepted submission; when `threshold` fall within `window_ms` and no pause
    /// holds, the flood lasts until `cool_down_ms` from now (PostgreSQL). Returns the state.
    fn flood_record(
        &self,
        now_ms: i64,
        window_ms: i64,
        threshold: i64,
        cool_down_ms: i64,
    ) -> impl Future<Output = Result<FloodRow, StorageError>> + Send;

    /// The shared flood state (PostgreSQL).
    fn flood_read(&self) -> impl Future<Output = Result<FloodRow, StorageError>> + Send;

    /// Ends a flood and keeps traffic from starting one until `until_ms` (PostgreSQL).
    fn flood_pause(&self, until_ms: i64) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Ends a pause (PostgreSQL).
    fn flood_resume(&self) -> impl Future<Output = Result<(), StorageError>> + Send;
}

fn postgres_only(store: &Store) -> Result<(), StorageError> {
    match store.backend() {
        Backend::Postgres => Ok(()),
        Backend::Sqlite => Err(StorageError::Conflict("backend")),
    }
}

fn flood_row(row: &sqlx::any::AnyRow) -> Result<FloodRow, StorageError> {
    let c = Cols::new(row, "flood_state");
    Ok(FloodRow {
        since_ms: c.opt_int("since_ms")?,
        until_ms: c.opt_int("until_ms")?,
        paused_until_ms: c.opt_int("paused_until_ms")?,
    })
}

const FLOOD_READ: &str = "SELECT since_ms, until_ms, paused_until_ms FROM flood_state WHERE id = 1";

impl VisitorStore for Store {
    async fn shared_secret(
        &self,
        purpose: &str,
        generation: i64,
        fresh: &[u8],
    ) -> Result<Vec<u8>, StorageError> {
        if self.backend() == Backend::Sqlite {
            let mut secrets = self.local.secrets.lock().unwrap_or_else(|p| p.into_inner());
            return Ok(secrets
                .entry((purpose.to_owned(), generation))
                .or_insert_with(|| fresh.to_vec())
                .clone());
        }
        sqlx::query(
            "INSERT INTO shared_secrets (purpose, generation, secret) VALUES ($1, $2, $3) \
             ON CONFLICT (purpose, generation) DO NOTHING",
        )
        .bind(purpose)
        .bind(generation)
        .bind(fresh.to_vec())
        .execute(self.pool())
        .await?;
        let row =
            sqlx::query("SELECT secret FROM shared_secrets WHERE purpose = $1 AND generation = $2")
                .bind(purpose)
                .bind(generation)
                .fetch_one(self.pool())
                .await?;
        Cols::new(&row, "shared_secrets")
            .bytes("secret")?
            .ok_or(StorageError::Corrupt {
                table: "shared_secrets",
                column: "secret",
                reason: "NULL".into(),
            })
    }

    async fn forget_secrets(&self, purpose: &str, keep_from: i64) -> Result<u64, StorageError> {
        if self.backend() == Backend::Sqlite {
            let mut secrets = self.local.secrets.lock().unwrap_or_else(|p| p.into_inner());
            let before = secrets.len();
            secrets.retain(|(p, g), _| p != purpose || *g >= keep_from);
            return Ok((before - secrets.len()) as u64);
        }
        let done = sqlx::query("DELETE FROM shared_secrets WHERE purpose = $1 AND generation < $2")
            .bind(purpose)
            .bind(keep_from)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }

    async fn take_receipt_view(
        &self,
        id_hash: &str,
        now: i64,
    ) -> Result<Option<Vec<u8>>, StorageError> {
        let row = sqlx::query(
            "DELETE FROM receipt_views WHERE id_hash = $1 RETURNING sealed, expires_at",
        )
        .bind(id_hash)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let c = Cols::new(&row, "receipt_views");
        if c.int("expires_at")? <= now {
            return Ok(None);
        }
        c.bytes("sealed")
    }

    async fn hold_draft(
        &self,
        draft: &DraftFiles,
        per_network: i64,
        total: i64,
    ) -> Result<(), StorageError> {
        let bytes = draft.bytes();
        let mut tx = self.begin_write().await?;
        if self.backend() == Backend::Postgres {
            // Two nodes keeping drafts at once must not both find room for theirs.
            sqlx::query("LOCK TABLE intake_drafts IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
        }
        // On SQLite a write first takes the write lock for the whole transaction.
        sqlx::query("DELETE FROM intake_drafts WHERE id_hash = $1")
            .bind(&draft.id_hash)
            .execute(&mut *tx)
            .await?;
        loop {
            let held: i64 = sqlx::query(
                "SELECT CAST(COALESCE(SUM(bytes), 0) AS BIGINT) AS held FROM intake_drafts WHERE network = $1",
            )
            .bind(draft.network.clone())
            .fetch_one(&mut *tx)
            .await?
            .try_get("held")?;
            if held + bytes <= per_network || !evict_oldest(&mut tx, &draft.network).await? {
                break;
            }
        }
        loop {
            let held: i64 = sqlx::query(
                "SELECT CAST(COALESCE(SUM(bytes), 0) AS BIGINT) AS held FROM intake_drafts",
            )
            .fetch_one(&mut *tx)
            .await?
            .try_get("held")?;
            if held + bytes <= total {
                break;
            }
            let largest = sqlx::query(
                "SELECT network FROM intake_drafts GROUP BY network \
                 ORDER BY SUM(bytes) DESC LIMIT 1",
            )
            .fetch_optional(&mut *tx)
            .await?;
            let Some(largest) = largest else { break };
            let network: Vec<u8> = largest.try_get("network")?;
            if !evict_oldest(&mut tx, &network).await? {
                break;
            }
        }
        sqlx::query(
            "INSERT INTO intake_drafts (id_hash, network, bytes, created_ms) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(&draft.id_hash)
        .bind(draft.network.clone())
        .bind(bytes)
        .bind(draft.created_ms)
        .execute(&mut *tx)
        .await?;
        for (position, file) in draft.files.iter().enumerate() {
            sqlx::query(
                "INSERT INTO intake_draft_files \
                 (draft_id, position, id, media_type, byte_size, sealed) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&draft.id_hash)
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .bind(file.id.to_string())
            .bind(&file.media_type)
            .bind(i64::try_from(file.byte_size).unwrap_or(i64::MAX))
            .bind(file.sealed.as_bytes().to_vec())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn take_draft(
        &self,
        id_hash: &str,
        fresh_after_ms: i64,
    ) -> Result<Option<Vec<NewAttachment>>, StorageError> {
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(
            "DELETE FROM intake_draft_files WHERE draft_id = $1 \
             RETURNING position, id, media_type, byte_size, sealed",
        )
        .bind(id_hash)
        .fetch_all(&mut *tx)
        .await?;
        let kept = sqlx::query("DELETE FROM intake_drafts WHERE id_hash = $1 RETURNING created_ms")
            .bind(id_hash)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(kept) = kept else {
            tx.commit().await?;
            return Ok(None);
        };
        let created: i64 = kept.try_get("created_ms")?;
        tx.commit().await?;
        if created <= fresh_after_ms {
            return Ok(None);
        }
        let mut files = Vec::with_capacity(rows.len());
        for row in &rows {
            let c = Cols::new(row, "intake_draft_files");
            let sealed = c.bytes("sealed")?.unwrap_or_default();
            files.push((
                c.int("position")?,
                NewAttachment {
                    id: c.parsed("id")?,
                    media_type: c.text("media_type")?,
                    byte_size: u64::try_from(c.int("byte_size")?).unwrap_or(0),
                    sealed: Sealed::from_bytes(sealed).map_err(|e| StorageError::Corrupt {
                        table: "intake_draft_files",
                        column: "sealed",
                        reason: e.to_string(),
                    })?,
                },
            ));
        }
        files.sort_by_key(|(position, _)| *position);
        Ok(Some(files.into_iter().map(|(_, f)| f).collect()))
    }

    async fn draft_bytes(&self) -> Result<i64, StorageError> {
        Ok(
            sqlx::query(
                "SELECT CAST(COALESCE(SUM(bytes), 0) AS BIGINT) AS held FROM intake_drafts",
            )
            .fetch_one(self.pool())
            .await?
            .try_get("held")?,
        )
    }

    async fn prune_visitor_state(
        &self,
        now_secs: i64,
        drafts_before_ms: i64,
    ) -> Result<u64, StorageError> {
        let receipts = sqlx::query("DELETE FROM receipt_views WHERE expires_at <= $1")
            .bind(now_secs)
            .execute(self.pool())
            .await?;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "DELETE FROM intake_draft_files WHERE draft_id IN \
             (SELECT id_hash FROM intake_drafts WHERE created_ms <= $1)",
        )
        .bind(drafts_before_ms)
        .execute(&mut *tx)
        .await?;
        let drafts = sqlx::query("DELETE FROM intake_drafts WHERE created_ms <= $1")
            .bind(drafts_before_ms)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(receipts.rows_affected() + drafts.rows_affected())
    }

    async fn take_rate_token(
        &self,
        kind: &str,
        network: &[u8],
        now_ms: i64,
        interval_ms: i64,
        tolerance_ms: i64,
    ) -> Result<Option<i64>, StorageError> {
        postgres_only(self)?;
        let taken = sqlx::query(
            "INSERT INTO rate_buckets (kind, network, full_at) VALUES ($1, $2, $3 + $4) \
             ON CONFLICT (kind, network) DO UPDATE \
             SET full_at = GREATEST(rate_buckets.full_at, $3) + $4 \
             WHERE GREATEST(rate_buckets.full_at, $3) - $3 <= $5 \
             RETURNING full_at",
        )
        .bind(kind)
        .bind(network.to_vec())
        .bind(now_ms)
        .bind(interval_ms)
        .bind(tolerance_ms)
        .fetch_optional(self.pool())
        .await?;
        if taken.is_some() {
            return Ok(None);
        }
        let row = sqlx::query("SELECT full_at FROM rate_buckets WHERE kind = $1 AND network = $2")
            .bind(kind)
            .bind(network.to_vec())
            .fetch_optional(self.pool())
            .await?;
        let full_at = match row {
            Some(row) => Cols::new(&row, "rate_buckets").int("full_at")?,
            None => now_ms,
        };
        Ok(Some((full_at.max(now_ms) - now_ms - tolerance_ms).max(1)))
    }

    async fn give_back_rate_token(
        &self,
        kind: &str,
        network: &[u8],
        interval_ms: i64,
    ) -> Result<(), StorageError> {
        postgres_only(self)?;
        sqlx::query(
            "UPDATE rate_buckets SET full_at = full_at - $3 WHERE kind = $1 AND network = $2",
        )
        .bind(kind)
        .bind(network.to_vec())
        .bind(interval_ms)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn prune_rate_buckets(&self, now_ms: i64) -> Result<u64, StorageError> {
        postgres_only(self)?;
        let done = sqlx::query("DELETE FROM rate_buckets WHERE full_at <= $1")
            .bind(now_ms)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }

    async fn flood_record(
        &self,
        now_ms: i64,
        window_ms: i64,
        threshold: i64,
        cool_down_ms: i64,
    ) -> Result<FloodRow, StorageError> {
        postgres_only(self)?;
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM flood_accepted WHERE at_ms <= $1")
            .bind(now_ms - window_ms)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO flood_accepted (at_ms) VALUES ($1)")
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
        let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM flood_accepted WHERE at_ms > $1")
            .bind(now_ms - window_ms)
            .fetch_one(&mut *tx)
            .await?
            .try_get("n")?;
        if count >= threshold {
            sqlx::query(
                "UPDATE flood_state SET \
                 since_ms = CASE WHEN until_ms > $1 THEN since_ms ELSE $1 END, \
                 until_ms = $1 + $2 \
                 WHERE id = 1 AND (paused_until_ms IS NULL OR paused_until_ms <= $1)",
            )
            .bind(now_ms)
            .bind(cool_down_ms)
            .execute(&mut *tx)
            .await?;
        }
        let row = sqlx::query(FLOOD_READ).fetch_one(&mut *tx).await?;
        tx.commit().await?;
        flood_row(&row)
    }

    async fn flood_read(&self) -> Result<FloodRow, StorageError> {
        postgres_only(self)?;
        let row = sqlx::query(FLOOD_READ).fetch_one(self.pool()).await?;
        flood_row(&row)
    }

    async fn flood_pause(&self, until_ms: i64) -> Result<(), StorageError> {
        postgres_only(self)?;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE flood_state SET paused_until_ms = $1, since_ms = NULL, until_ms = NULL \
             WHERE id = 1",
        )
        .bind(until_ms)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM flood_accepted")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn flood_resume(&self) -> Result<(), StorageError> {
        postgres_only(self)?;
        sqlx::query("UPDATE flood_state SET paused_until_ms = NULL WHERE id = 1")
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

/// Deletes the oldest draft of `network`; whether there was one.
async fn evict_oldest(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    network: &[u8],
) -> Result<bool, StorageError> {
    let oldest = sqlx::query(
        "SELECT id_hash FROM intake_drafts WHERE network = $1 \
         ORDER BY created_ms, id_hash LIMIT 1",
    )
    .bind(network.to_vec())
    .fetch_optional(&mut **tx)
    .await?;
    let Some(oldest) = oldest else {
        return Ok(false);
    };
    let id: String = oldest.try_get("id_hash")?;
    sqlx::query("DELETE FROM intake_draft_files WHERE draft_id = $1")
        .bind(&id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM intake_drafts WHERE id_hash = $1")
        .bind(&id)
        .execute(&mut **tx)
        .await?;
    Ok(true)
}
