//! The publishing side: the instance's signing key (one row, made once) and the feed's change
//! log (`federation_log`: one row per case ever sent, at the `seq` of its last change).

use std::collections::HashMap;
use std::future::Future;

use time::OffsetDateTime;

use super::super::rows::{Cols, ts};
use super::super::{Backend, StorageError, Store};

/// Rows written in one statement: four values each, well under either backend's limit of
/// bound values, and few enough round trips for 100,000 cases.
const BATCH: usize = 200;

/// The digest of a tombstone (the column is NOT NULL; no item's digest looks like it).
const GONE: &str = "gone";

/// One change in the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRow {
    /// Its place in the sequence of changes.
    pub seq: u64,
    /// The case's id.
    pub case_id: String,
    /// The case as sent (the feed case's JSON), or none for a tombstone.
    pub item: Option<String>,
}

/// One page of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogPage {
    /// The last `seq` in the log when the page was read (0 for an empty log).
    pub head: u64,
    /// The rows, in `seq` order.
    pub rows: Vec<LogRow>,
    /// Whether rows remain after the page (up to `head`).
    pub more: bool,
}

/// What [`FeedLogStore::update_feed_log`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogUpdate {
    /// Nothing: the cases given were read at another publication counter than the store's
    /// now (`counter`), so they may be older than what the log already says. The node whose
    /// snapshot is current writes the log.
    Stale {
        /// The store's publication counter.
        counter: u64,
    },
    /// The log now matches the cases given.
    Written {
        /// Cases sent anew (new or changed).
        changed: usize,
        /// Tombstones written (cases no longer published).
        gone: usize,
        /// The last `seq` in the log.
        head: u64,
    },
}

/// The instance's signing key and the feed's change log.
pub trait FeedLogStore {
    /// The instance's signing-key seed: the stored one, or else `candidate`, stored now. Of
    /// several nodes calling at once with different candidates, every one gets the same seed.
    fn federation_seed(
        &self,
        candidate: &str,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<String, StorageError>> + Send;

    /// The last `seq` in the log (0 when empty): what a feed's ETag is made of.
    fn feed_head(&self) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// The rows after `since`, in order, at most `limit`; with `cases_only`, tombstones are
    /// left out (a follower reading from the start has nothing to remove).
    fn feed_rows(
        &self,
        since: u64,
        limit: usize,
        cases_only: bool,
    ) -> impl Future<Output = Result<LogPage, StorageError>> + Send;

    /// Brings the log in line with the published cases as read at publication counter
    /// `generation`: `current` maps each case to send to the digest of its item, and `item`
    /// gives that item's JSON. A case new or with another digest gets the next `seq` and its
    /// item; a case in the log but not in `current` gets a tombstone at the next `seq`; the
    /// rest is left alone. Written in short transactions of a few hundred rows; two nodes
    /// doing it at once write one batch after the other and never the same change twice. A
    /// call whose `generation` is not the store's counter (checked in every transaction)
    /// writes nothing more once it sees so, and says [`LogUpdate::Stale`].
    fn update_feed_log<F>(
        &self,
        generation: u64,
        current: &HashMap<String, String>,
        item: F,
    ) -> impl Future<Output = Result<LogUpdate, StorageError>> + Send
    where
        F: Fn(&str) -> Option<String> + Send + Sync;
}

fn seq_of(c: &Cols<'_>, column: &'static str) -> Result<u64, StorageError> {
    let v = c.int(column)?;
    u64::try_from(v).map_err(|e| c.corrupt(column, e))
}

impl FeedLogStore for Store {
    async fn federation_seed(
        &self,
        candidate: &str,
        now: OffsetDateTime,
    ) -> Result<String, StorageError> {
        // Insert-if-absent, then read back: a node that lost the race reads the winner's.
        sqlx::query(
            "INSERT INTO federation_identity (id, seed, created_at) VALUES (1, $1, $2) \
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(candidate.to_owned())
        .bind(ts(now))
        .execute(self.pool())
        .await?;
        let row = sqlx::query("SELECT seed FROM federation_identity WHERE id = 1")
            .fetch_one(self.pool())
            .await?;
        Cols::new(&row, "federation_identity").text("seed")
    }

    async fn feed_head(&self) -> Result<u64, StorageError> {
        let row =
            sqlx::query("SELECT CAST(COALESCE(MAX(seq), 0) AS BIGINT) AS head FROM federation_log")
                .fetch_one(self.pool())
                .await?;
        seq_of(&Cols::new(&row, "federation_log"), "head")
    }

    async fn feed_rows(
        &self,
        since: u64,
        limit: usize,
        cases_only: bool,
    ) -> Result<LogPage, StorageError> {
        // The head is read first and bounds the rows: a change committed meanwhile is on the
        // next page, never half on this one.
        let head = self.feed_head().await?;
        let since_i = i64::try_from(since).unwrap_or(i64::MAX);
        let head_i = i64::try_from(head).unwrap_or(i64::MAX);
        let take = i64::try_from(limit.saturating_add(1)).unwrap_or(i64::MAX);
        let sql = if cases_only {
            "SELECT seq, case_id, item FROM federation_log \
             WHERE seq > $1 AND seq <= $2 AND item IS NOT NULL ORDER BY seq LIMIT $3"
        } else {
            "SELECT seq, case_id, item FROM federation_log \
             WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3"
        };
        let found = sqlx::query(sql)
            .bind(since_i)
            .bind(head_i)
            .bind(take)
            .fetch_all(self.pool())
            .await?;
        let mut rows = Vec::with_capacity(found.len().min(limit));
        for row in found.iter().take(limit) {
            let c = Cols::new(row, "federation_log");
            rows.push(LogRow {
                seq: seq_of(&c, "seq")?,
                case_id: c.text("case_id")?,
                item: c.opt_text("item")?,
            });
        }
        Ok(LogPage {
            head,
            more: found.len() > limit,
            rows,
        })
    }

    async fn update_feed_log<F>(
        &self,
        generation: u64,
        current: &HashMap<String, String>,
        item: F,
    ) -> Result<LogUpdate, StorageError>
    where
        F: Fn(&str) -> Option<String> + Send + Sync,
    {
        // What the log says now, read without a lock: each case's digest, or none when it is a
        // tombstone. Digests only: the items (most of the log's bytes) stay on disk.
        let mut logged: HashMap<String, Option<String>> = HashMap::new();
        {
            let rows = sqlx::query("SELECT case_id, digest FROM federation_log")
                .fetch_all(self.pool())
                .await?;
            logged.reserve(rows.len());
            for row in &rows {
                let c = Cols::new(row, "federation_log");
                let digest = c.text("digest")?;
                logged.insert(c.text("case_id")?, (digest != GONE).then_some(digest));
            }
        }

        // Changed or new cases, then cases gone, each in id order so that two runs over the
        // same change write the same log.
        let mut changed: Vec<(&str, &str)> = current
            .iter()
            .filter(|(id, digest)| logged.get(id.as_str()) != Some(&Some((*digest).clone())))
            .map(|(id, digest)| (id.as_str(), digest.as_str()))
            .collect();
        changed.sort_unstable();
        let mut gone: Vec<(&str, &str)> = logged
            .iter()
            .filter(|(id, digest)| digest.is_some() && !current.contains_key(id.as_str()))
            .map(|(id, _)| (id.as_str(), GONE))
            .collect();
        gone.sort_unstable();

        // Written a batch per transaction: a report or a moderator's decision never waits
        // behind the whole log (100,000 cases the first time) for the write lock. Each batch
        // stands on its own: a follower reading between two sees some of the changes, each
        // one true, and the rest on its next pull.
        let (mut written, mut tombstones, mut head) = (0usize, 0usize, 0u64);
        let batches = changed
            .chunks(BATCH)
            .map(|b| (b, false))
            .chain(gone.chunks(BATCH).map(|b| (b, true)));
        let mut any = false;
        for (batch, tombstone) in batches {
            any = true;
            match self.write_batch(generation, batch, &item).await? {
                Batch::Stale(counter) => return Ok(LogUpdate::Stale { counter }),
                Batch::Written(n, h) => {
                    if tombstone {
                        tombstones += n;
                    } else {
                        written += n;
                    }
                    head = h;
                }
            }
        }
        if !any {
            // Nothing to write; still a snapshot of another counter is not the current one.
            let counter = publication_counter(self.pool()).await?;
            if counter != generation {
                return Ok(LogUpdate::Stale { counter });
            }
            head = self.feed_head().await?;
        }
        Ok(LogUpdate::Written {
            changed: written,
            gone: tombstones,
            head,
        })
    }
}

/// What one batch's transaction did.
enum Batch {
    /// The publication counter is another: nothing written.
    Stale(u64),
    /// Rows written, and the log's head after them.
    Written(usize, u64),
}

impl Store {
    /// Writes one batch of `(case, digest)` (digest [`GONE`]: a tombstone) at the next seqs,
    /// in one short write transaction, leaving out the cases whose row already says the same
    /// (another node wrote it meanwhile).
    async fn write_batch<F>(
        &self,
        generation: u64,
        batch: &[(&str, &str)],
        item: &F,
    ) -> Result<Batch, StorageError>
    where
        F: Fn(&str) -> Option<String> + Send + Sync,
    {
        let mut tx = self.begin_write().await?;
        if self.backend() == Backend::Postgres {
            // One writer of the log at a time (SQLite's BEGIN IMMEDIATE already is); readers
            // of the feed are not held up.
            sqlx::query("LOCK TABLE federation_log IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
        }
        let counter = publication_counter(&mut *tx).await?;
        if counter != generation {
            return Ok(Batch::Stale(counter));
        }
        let row =
            sqlx::query("SELECT CAST(COALESCE(MAX(seq), 0) AS BIGINT) AS head FROM federation_log")
                .fetch_one(&mut *tx)
                .await?;
        let mut head = seq_of(&Cols::new(&row, "federation_log"), "head")?;

        let mut placeholders = String::new();
        for i in 0..batch.len() {
            if i > 0 {
                placeholders.push_str(", ");
            }
            placeholders.push_str(&format!("${}", i + 1));
        }
        let sql =
            format!("SELECT case_id, digest FROM federation_log WHERE case_id IN ({placeholders})");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (id, _) in batch {
            query = query.bind((*id).to_owned());
        }
        let mut now: HashMap<String, String> = HashMap::with_capacity(batch.len());
        for row in query.fetch_all(&mut *tx).await? {
            let c = Cols::new(&row, "federation_log");
            now.insert(c.text("case_id")?, c.text("digest")?);
        }

        let mut rows = Vec::with_capacity(batch.len());
        for (id, digest) in batch {
            match now.get(*id) {
                Some(d) if d == digest => continue,
                // A tombstone only for a case the log still sends.
                None if *digest == GONE => continue,
                _ => {}
            }
            let json = if *digest == GONE {
                None
            } else {
                // A case whose item cannot be drawn now is left as the log has it.
                let Some(json) = item(id) else { continue };
                Some(json)
            };
            head += 1;
            rows.push((head, (*id).to_owned(), (*digest).to_owned(), json));
        }
        let n = rows.len();
        upsert(&mut tx, rows).await?;
        tx.commit().await?;
        Ok(Batch::Written(n, head))
    }
}

/// The store's publication counter (0 before the first publication).
async fn publication_counter<'e>(
    conn: impl sqlx::Executor<'e, Database = sqlx::Any>,
) -> Result<u64, StorageError> {
    let row = sqlx::query("SELECT value FROM meta WHERE key = 'publication_generation'")
        .fetch_optional(conn)
        .await?;
    let Some(row) = row else { return Ok(0) };
    let c = Cols::new(&row, "meta");
    let value = c.text("value")?;
    value.parse().map_err(|_| c.corrupt("value", value))
}

/// Writes rows (seq, case, digest, item) over the cases' earlier rows, in one statement.
async fn upsert(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    rows: Vec<(u64, String, String, Option<String>)>,
) -> Result<(), StorageError> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut sql = String::from("INSERT INTO federation_log (seq, case_id, digest, item) VALUES ");
    for i in 0..rows.len() {
        let b = i * 4;
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&format!("(${}, ${}, ${}, ${})", b + 1, b + 2, b + 3, b + 4));
    }
    sql.push_str(
        " ON CONFLICT (case_id) DO UPDATE SET seq = excluded.seq, digest = excluded.digest, \
         item = excluded.item",
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for (seq, id, digest, item) in rows {
        query = query
            .bind(i64::try_from(seq).unwrap_or(i64::MAX))
            .bind(id)
            .bind(digest)
            .bind(item);
    }
    query.execute(&mut **tx).await?;
    Ok(())
}
