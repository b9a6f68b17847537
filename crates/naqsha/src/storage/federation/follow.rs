//! The follower's side: followed instances (`federation_follows`) with their cursor,
//! validators, errors, backoff and lease, and the cases their feeds sent
//! (`federation_cases`). Every write of cases names its source in the statement, so what one
//! followed instance sends can only ever change its own rows — never another source's, never
//! this instance's own cases (which live in other tables).

use std::future::Future;

use naqsha_core::federation::PublicKey;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::super::intake::unique_violation;
use super::super::rows::{Cols, ts};
use super::super::{StorageError, Store};

/// A followed instance as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Follow {
    /// Its name here (the source name of its cases).
    pub name: String,
    /// Its address, ending in `/`.
    pub url: url::Url,
    /// The key its feed must be signed with.
    pub public_key: PublicKey,
    /// When it was followed.
    pub added_at: OffsetDateTime,
    /// The last sequence number taken: the next pull asks for what follows.
    pub cursor: u64,
    /// The time of the last page accepted (an older one is a replay).
    pub generated_at: Option<OffsetDateTime>,
    /// The last answer's `ETag`.
    pub etag: Option<String>,
    /// The last answer's `Last-Modified`.
    pub last_modified: Option<String>,
    /// When a pull last succeeded.
    pub last_ok_at: Option<OffsetDateTime>,
    /// Why the last pull failed, if it did.
    pub last_error: Option<String>,
    /// When it failed.
    pub last_error_at: Option<OffsetDateTime>,
    /// Pulls failed in a row.
    pub failures: u32,
    /// When it is next due.
    pub next_pull_at: OffsetDateTime,
    /// The items refused on the last pull that took pages, with their reasons.
    pub refused: Vec<RefusedItem>,
    /// Cases held from it.
    pub cases: u64,
}

/// An item of a feed refused, as the admin page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedItem {
    /// The case id at the source, when it had a readable one.
    pub id: Option<String>,
    /// Why.
    pub reason: String,
}

/// A new followed instance.
#[derive(Debug, Clone)]
pub struct NewFollow {
    /// Its name here.
    pub name: String,
    /// Its address.
    pub url: url::Url,
    /// Its key.
    pub public_key: PublicKey,
    /// Now: it is due at once.
    pub at: OffsetDateTime,
}

/// What a configured follow did to the stored one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Synced {
    /// It was not followed yet.
    Added,
    /// Its address or key changed: its cases and cursor were dropped, to be pulled afresh.
    Changed,
    /// Nothing to do.
    Same,
}

/// One verified page, written in one transaction.
#[derive(Debug, Clone)]
pub struct PageWrite {
    /// The cursor the page continued from; the write is refused (false) unless the stored
    /// cursor is still this one.
    pub since: u64,
    /// The cursor it reached.
    pub cursor: u64,
    /// Its time.
    pub generated_at: OffsetDateTime,
    /// Cases to hold: id, sequence number, the feed case's JSON.
    pub upserts: Vec<(String, u64, String)>,
    /// Ids to drop (tombstones, and items now refused: an old version is not shown).
    pub removals: Vec<String>,
    /// Every item refused in this pull so far.
    pub refused: Vec<RefusedItem>,
}

/// How a pull ended, written as the lease is released.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullEnd {
    /// When.
    pub at: OffsetDateTime,
    /// The validators to send next time.
    pub etag: Option<String>,
    /// `Last-Modified` to send next time.
    pub last_modified: Option<String>,
    /// Why it failed, if it did (the cases held stay as they are).
    pub error: Option<String>,
    /// Failures in a row, this one included (0 on success).
    pub failures: u32,
    /// When it is next due.
    pub next_pull_at: OffsetDateTime,
}

/// A followed case as stored: its source, its id there, and the feed case's JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowedRow {
    /// The followed instance's name here.
    pub source: String,
    /// The case's id at the source.
    pub id: String,
    /// The feed case's JSON.
    pub item: String,
}

/// Followed instances and their cases.
pub trait FollowStore {
    /// Every followed instance, by name, with the number of cases held.
    fn follows(&self) -> impl Future<Output = Result<Vec<Follow>, StorageError>> + Send;
    /// One followed instance.
    fn follow(
        &self,
        name: &str,
    ) -> impl Future<Output = Result<Option<Follow>, StorageError>> + Send;
    /// Follows an instance, due at once; [`StorageError::Conflict`] when its name or address
    /// is followed already.
    fn add_follow(&self, new: &NewFollow) -> impl Future<Output = Result<(), StorageError>> + Send;
    /// Makes the stored follow of `new.name` what the configuration says: added when
    /// missing; a changed address or key drops its cases and cursor (they were another
    /// instance's, or signed by another key) and makes it due at once.
    fn sync_follow(
        &self,
        new: &NewFollow,
    ) -> impl Future<Output = Result<Synced, StorageError>> + Send;
    /// Stops following `name` and drops its cases, in one transaction; false if not followed.
    fn remove_follow(&self, name: &str) -> impl Future<Output = Result<bool, StorageError>> + Send;
    /// Makes `name` due at `at`; false if not followed.
    fn set_follow_due(
        &self,
        name: &str,
        at: OffsetDateTime,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
    /// Follows due at `now` that no node holds, the longest-waiting first.
    fn due_follows(
        &self,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Vec<Follow>, StorageError>> + Send;
    /// Takes a due follow for `node` until `until`, in one statement: the follow as it is
    /// now, or none when it is no longer due or another node's lease has not run out.
    fn claim_follow(
        &self,
        name: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
        node: &str,
    ) -> impl Future<Output = Result<Option<Follow>, StorageError>> + Send;
    /// Writes one verified page of `name`'s feed in one transaction: its cases, the cursor,
    /// its time and the refused items, clearing the error. False (nothing written) when the
    /// stored cursor is no longer `page.since` (the follow was reset meanwhile).
    fn apply_page(
        &self,
        name: &str,
        page: &PageWrite,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
    /// Records how a pull ended and releases the lease.
    fn finish_pull(
        &self,
        name: &str,
        end: &PullEnd,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
    /// Every followed case, by source and id.
    fn followed_rows(&self) -> impl Future<Output = Result<Vec<FollowedRow>, StorageError>> + Send;
    /// A number that changes whenever the followed cases do (cursors only grow, and a
    /// reset or an unfollow changes the count), to know when a cache is stale.
    fn followed_stamp(&self) -> impl Future<Output = Result<(i64, i64, i64), StorageError>> + Send;
}

const COLUMNS: &str = "f.name, f.url, f.public_key, f.added_at, f.cursor, f.generated_at, \
    f.etag, f.last_modified, f.last_ok_at, f.last_error, f.last_error_at, f.failures, \
    f.next_pull_at, f.refused, \
    (SELECT COUNT(*) FROM federation_cases c WHERE c.source = f.name) AS cases";

/// Rows per multi-row statement: well under either backend's limit on parameters.
const BATCH: usize = 400;

fn follow_from(row: &sqlx::any::AnyRow) -> Result<Follow, StorageError> {
    let c = Cols::new(row, "federation_follows");
    let unsigned = |column: &'static str| -> Result<u64, StorageError> {
        u64::try_from(c.int(column)?).map_err(|e| c.corrupt(column, e))
    };
    let refused = match c.opt_text("refused")? {
        Some(json) => serde_json::from_str(&json).map_err(|e| c.corrupt("refused", e))?,
        None => Vec::new(),
    };
    Ok(Follow {
        name: c.text("name")?,
        url: c.parsed("url")?,
        public_key: c.parsed("public_key")?,
        added_at: c.time("added_at")?,
        cursor: unsigned("cursor")?,
        generated_at: c.opt_time("generated_at")?,
        etag: c.opt_text("etag")?,
        last_modified: c.opt_text("last_modified")?,
        last_ok_at: c.opt_time("last_ok_at")?,
        last_error: c.opt_text("last_error")?,
        last_error_at: c.opt_time("last_error_at")?,
        failures: u32::try_from(c.int("failures")?).map_err(|e| c.corrupt("failures", e))?,
        next_pull_at: c.time("next_pull_at")?,
        refused,
        cases: unsigned("cases")?,
    })
}

fn seq(n: u64) -> Result<i64, StorageError> {
    i64::try_from(n).map_err(|e| StorageError::Corrupt {
        table: "federation_follows",
        column: "cursor",
        reason: e.to_string(),
    })
}

impl FollowStore for Store {
    async fn follows(&self) -> Result<Vec<Follow>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM federation_follows f ORDER BY f.name");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(follow_from).collect()
    }

    async fn follow(&self, name: &str) -> Result<Option<Follow>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM federation_follows f WHERE f.name = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(name)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(follow_from).transpose()
    }

    async fn add_follow(&self, new: &NewFollow) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO federation_follows (name, url, public_key, added_at, next_pull_at) \
             VALUES ($1, $2, $3, $4, $4)",
        )
        .bind(&new.name)
        .bind(new.url.as_str())
        .bind(new.public_key.to_string())
        .bind(ts(new.at))
        .execute(self.pool())
        .await
        .map_err(|e| unique_violation(e, "federation_follows"))?;
        Ok(())
    }

    async fn sync_follow(&self, new: &NewFollow) -> Result<Synced, StorageError> {
        let mut tx = self.begin_write().await?;
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT url, public_key FROM federation_follows WHERE name = $1")
                .bind(&new.name)
                .fetch_optional(&mut *tx)
                .await?;
        let synced = match row {
            None => {
                sqlx::query(
                    "INSERT INTO federation_follows (name, url, public_key, added_at, \
                     next_pull_at) VALUES ($1, $2, $3, $4, $4)",
                )
                .bind(&new.name)
                .bind(new.url.as_str())
                .bind(new.public_key.to_string())
                .bind(ts(new.at))
                .execute(&mut *tx)
                .await
                .map_err(|e| unique_violation(e, "federation_follows"))?;
                Synced::Added
            }
            Some((url, key)) if url == new.url.as_str() && key == new.public_key.to_string() => {
                Synced::Same
            }
            Some(_) => {
                sqlx::query("DELETE FROM federation_cases WHERE source = $1")
                    .bind(&new.name)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "UPDATE federation_follows SET url = $1, public_key = $2, cursor = 0, \
                     generated_at = NULL, etag = NULL, last_modified = NULL, last_error = NULL, \
                     last_error_at = NULL, failures = 0, refused = NULL, next_pull_at = $3 \
                     WHERE name = $4",
                )
                .bind(new.url.as_str())
                .bind(new.public_key.to_string())
                .bind(ts(new.at))
                .bind(&new.name)
                .execute(&mut *tx)
                .await
                .map_err(|e| unique_violation(e, "federation_follows"))?;
                Synced::Changed
            }
        };
        tx.commit().await?;
        Ok(synced)
    }

    async fn remove_follow(&self, name: &str) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM federation_cases WHERE source = $1")
            .bind(name)
            .execute(&mut *tx)
            .await?;
        let done = sqlx::query("DELETE FROM federation_follows WHERE name = $1")
            .bind(name)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    async fn set_follow_due(&self, name: &str, at: OffsetDateTime) -> Result<bool, StorageError> {
        let done = sqlx::query("UPDATE federation_follows SET next_pull_at = $1 WHERE name = $2")
            .bind(ts(at))
            .bind(name)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn due_follows(&self, now: OffsetDateTime) -> Result<Vec<Follow>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM federation_follows f WHERE f.next_pull_at <= $1 \
             AND (f.lease_until IS NULL OR f.lease_until < $1) ORDER BY f.next_pull_at, f.name"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(ts(now))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(follow_from).collect()
    }

    async fn claim_follow(
        &self,
        name: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
        node: &str,
    ) -> Result<Option<Follow>, StorageError> {
        let done = sqlx::query(
            "UPDATE federation_follows SET lease_until = $1, leased_by = $2 \
             WHERE name = $3 AND next_pull_at <= $4 \
             AND (lease_until IS NULL OR lease_until < $4)",
        )
        .bind(ts(until))
        .bind(node)
        .bind(name)
        .bind(ts(now))
        .execute(self.pool())
        .await?;
        if done.rows_affected() == 0 {
            return Ok(None);
        }
        self.follow(name).await
    }

    async fn apply_page(&self, name: &str, page: &PageWrite) -> Result<bool, StorageError> {
        let refused = serde_json::to_string(&page.refused).map_err(|e| StorageError::Corrupt {
            table: "federation_follows",
            column: "refused",
            reason: e.to_string(),
        })?;
        let mut tx = self.begin_write().await?;
        // The cursor is moved first, guarded by the one the page continues from: a follow
        // reset or pulled by another node meanwhile is left alone.
        let moved = sqlx::query(
            "UPDATE federation_follows SET cursor = $1, generated_at = $2, refused = $3, \
             last_error = NULL, last_error_at = NULL WHERE name = $4 AND cursor = $5",
        )
        .bind(seq(page.cursor)?)
        .bind(ts(page.generated_at))
        .bind(refused)
        .bind(name)
        .bind(seq(page.since)?)
        .execute(&mut *tx)
        .await?;
        if moved.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        for chunk in page.removals.chunks(BATCH) {
            let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
            let sql = format!(
                "DELETE FROM federation_cases WHERE source = $1 AND case_id IN ({})",
                marks.join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(name);
            for id in chunk {
                q = q.bind(id);
            }
            q.execute(&mut *tx).await?;
        }
        for chunk in page.upserts.chunks(BATCH) {
            let rows: Vec<String> = (0..chunk.len())
                .map(|i| format!("($1, ${}, ${}, ${})", 3 * i + 2, 3 * i + 3, 3 * i + 4))
                .collect();
            let sql = format!(
                "INSERT INTO federation_cases (source, case_id, seq, item) VALUES {} \
                 ON CONFLICT (source, case_id) DO UPDATE SET seq = excluded.seq, \
                 item = excluded.item",
                rows.join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(name);
            for (id, n, item) in chunk {
                q = q.bind(id).bind(seq(*n)?).bind(item);
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    async fn finish_pull(&self, name: &str, end: &PullEnd) -> Result<(), StorageError> {
        let ok_at = end.error.is_none().then(|| ts(end.at));
        let error_at = end.error.is_some().then(|| ts(end.at));
        sqlx::query(
            "UPDATE federation_follows SET etag = $1, last_modified = $2, \
             last_ok_at = COALESCE($3, last_ok_at), last_error = $4, \
             last_error_at = $5, failures = $6, next_pull_at = $7, lease_until = NULL, \
             leased_by = NULL WHERE name = $8",
        )
        .bind(end.etag.clone())
        .bind(end.last_modified.clone())
        .bind(ok_at)
        .bind(end.error.clone())
        .bind(error_at)
        .bind(i64::from(end.failures))
        .bind(ts(end.next_pull_at))
        .bind(name)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn followed_rows(&self) -> Result<Vec<FollowedRow>, StorageError> {
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT source, case_id, item FROM federation_cases ORDER BY source, case_id",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(source, id, item)| FollowedRow { source, id, item })
            .collect())
    }

    async fn followed_stamp(&self) -> Result<(i64, i64, i64), StorageError> {
        let row: (i64, i64, i64) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM federation_follows), \
             (SELECT CAST(COALESCE(SUM(cursor), 0) AS BIGINT) FROM federation_follows), \
             (SELECT COUNT(*) FROM federation_cases)",
        )
        .fetch_one(self.pool())
        .await?;
        Ok(row)
    }
}
