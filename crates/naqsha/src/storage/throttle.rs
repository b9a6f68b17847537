//! Failed sign-ins per account name, shared by every node over one database.
//!
//! Rows are keyed by an HMAC of the name (see `staff::throttle`), never the name. On
//! PostgreSQL both tables are UNLOGGED (not in the WAL, replicas or base backups); neither is
//! copied by `backup` or `migrate-store`.

use std::future::Future;

use time::OffsetDateTime;

use super::rows::Cols;
use super::{StorageError, Store};

/// The failures recorded for one name key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleEntry {
    /// Failed attempts since the name was last forgotten.
    pub failures: u32,
    /// The last failure.
    pub last_at: OffsetDateTime,
    /// When the failures are forgotten.
    pub forget_at: OffsetDateTime,
}

/// The sign-in throttle's counters.
pub trait ThrottleStore {
    /// The salt of the name keys: the stored one, or `candidate` stored now if there is none.
    fn throttle_salt(
        &self,
        candidate: &str,
    ) -> impl Future<Output = Result<String, StorageError>> + Send;

    /// What is recorded for `key`, forgotten or not.
    fn throttle_entry(
        &self,
        key: &str,
    ) -> impl Future<Output = Result<Option<ThrottleEntry>, StorageError>> + Send;

    /// Records a failure of `key` at `now`, atomically (two nodes failing at once count two):
    /// one more failure, or the first again if the earlier ones were forgotten by `now`. A new
    /// row is forgotten at `forget_at` until [`ThrottleStore::set_throttle_forget_at`] says
    /// otherwise. Returns the failures counted now.
    fn throttle_failed(
        &self,
        key: &str,
        now: OffsetDateTime,
        forget_at: OffsetDateTime,
    ) -> impl Future<Output = Result<u32, StorageError>> + Send;

    /// Sets when `key`'s failures are forgotten, if it still has `failures` of them (a later
    /// failure from another node sets its own).
    fn set_throttle_forget_at(
        &self,
        key: &str,
        failures: u32,
        forget_at: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Forgets `key`'s failures (the account signed in).
    fn throttle_clear(&self, key: &str) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Deletes every entry forgotten by `now`; returns how many.
    fn prune_throttle(
        &self,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;
}

/// Milliseconds since the epoch: waits are whole seconds, but they begin at a failure.
fn ms(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

fn from_ms(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

impl ThrottleStore for Store {
    async fn throttle_salt(&self, candidate: &str) -> Result<String, StorageError> {
        // Read first: only the very first attempt (or the first after PostgreSQL lost the
        // unlogged table in a crash) writes.
        let select = "SELECT salt FROM staff_throttle_salt WHERE id = 1";
        if let Some(row) = sqlx::query(select).fetch_optional(self.pool()).await? {
            return Cols::new(&row, "staff_throttle_salt").text("salt");
        }
        sqlx::query(
            "INSERT INTO staff_throttle_salt (id, salt) VALUES (1, $1) ON CONFLICT (id) DO NOTHING",
        )
        .bind(candidate)
        .execute(self.pool())
        .await?;
        let row = sqlx::query(select).fetch_one(self.pool()).await?;
        Cols::new(&row, "staff_throttle_salt").text("salt")
    }

    async fn throttle_entry(&self, key: &str) -> Result<Option<ThrottleEntry>, StorageError> {
        let row = sqlx::query(
            "SELECT failures, last_at, forget_at FROM staff_throttle WHERE name_key = $1",
        )
        .bind(key)
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| {
            let c = Cols::new(&r, "staff_throttle");
            let failures = c.int("failures")?;
            Ok(ThrottleEntry {
                failures: u32::try_from(failures).map_err(|_| c.corrupt("failures", failures))?,
                last_at: from_ms(c.int("last_at")?),
                forget_at: from_ms(c.int("forget_at")?),
            })
        })
        .transpose()
    }

    async fn throttle_failed(
        &self,
        key: &str,
        now: OffsetDateTime,
        forget_at: OffsetDateTime,
    ) -> Result<u32, StorageError> {
        let row = sqlx::query(
            "INSERT INTO staff_throttle (name_key, failures, last_at, forget_at) \
             VALUES ($1, 1, $2, $3) ON CONFLICT (name_key) DO UPDATE SET \
             failures = CASE WHEN staff_throttle.forget_at <= excluded.last_at THEN 1 \
                        ELSE staff_throttle.failures + 1 END, \
             forget_at = CASE WHEN staff_throttle.forget_at <= excluded.last_at \
                         THEN excluded.forget_at ELSE staff_throttle.forget_at END, \
             last_at = excluded.last_at \
             RETURNING failures",
        )
        .bind(key)
        .bind(ms(now))
        .bind(ms(forget_at))
        .fetch_one(self.pool())
        .await?;
        let c = Cols::new(&row, "staff_throttle");
        let failures = c.int("failures")?;
        u32::try_from(failures).map_err(|_| c.corrupt("failures", failures))
    }

    async fn set_throttle_forget_at(
        &self,
        key: &str,
        failures: u32,
        forget_at: OffsetDateTime,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "UPDATE staff_throttle SET forget_at = $1 WHERE name_key = $2 AND failures = $3",
        )
        .bind(ms(forget_at))
        .bind(key)
        .bind(i64::from(failures))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn throttle_clear(&self, key: &str) -> Result<(), StorageError> {
        sqlx::query("DELETE FROM staff_throttle WHERE name_key = $1")
            .bind(key)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn prune_throttle(&self, now: OffsetDateTime) -> Result<u64, StorageError> {
        let done = sqlx::query("DELETE FROM staff_throttle WHERE forget_at <= $1")
            .bind(ms(now))
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }
}
