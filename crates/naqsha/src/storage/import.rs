//! Imports from other systems: sealed submissions stored many to a transaction, each with a
//! ledger entry so that the same source row is never stored twice.

use std::collections::HashSet;
use std::future::Future;

use naqsha_core::audit::AuditEvent;
use sqlx::Row;
use time::OffsetDateTime;

use super::intake::{NewSubmission, submission_values};
use super::rows::ts;
use super::{StorageError, Store};

/// Rows per multi-row statement: a few round trips instead of one per row, but few bound
/// parameters per statement (sqlx's SQLite driver looks each `$N` up by name, which costs
/// time quadratic in their number: at 100 rows, 1,300 parameters, it took 13% of an import).
const ROWS_PER_STATEMENT: usize = 25;

/// A sealed submission from an import and the ledger key of the source row it came from.
#[derive(Debug, Clone)]
pub struct ImportedSubmission {
    /// SHA-256 of the source name and the row's id there (see
    /// [`crate::channels::import::ledger_key`]).
    pub ledger_key: String,
    /// The submission, sealed.
    pub submission: NewSubmission,
}

/// The import ledger and batched storing of imported submissions.
pub trait ImportStore {
    /// Which of `keys` are in the ledger already.
    fn imported_keys(
        &self,
        keys: &[String],
    ) -> impl Future<Output = Result<HashSet<String>, StorageError>> + Send;

    /// Stores a batch in one durable transaction: a row whose ledger key is already present
    /// (an earlier import, or an earlier row of this batch) is left out. The audit entry
    /// `audit(n)` is written in the same transaction for the `n` rows stored, so it counts
    /// what was stored (no entry when none was). Returns, per row of `batch`, whether it was
    /// stored.
    fn insert_imported(
        &self,
        batch: &[ImportedSubmission],
        audit: impl FnOnce(usize) -> AuditEvent + Send,
    ) -> impl Future<Output = Result<Vec<bool>, StorageError>> + Send;
}

impl ImportStore for Store {
    async fn imported_keys(&self, keys: &[String]) -> Result<HashSet<String>, StorageError> {
        let mut found = HashSet::new();
        for chunk in keys.chunks(500) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT key FROM import_ledger WHERE key IN ({})",
                placeholders.join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for k in chunk {
                q = q.bind(k.as_str());
            }
            for row in q.fetch_all(self.pool()).await? {
                found.insert(row.try_get::<String, _>("key")?);
            }
        }
        Ok(found)
    }

    async fn insert_imported(
        &self,
        batch: &[ImportedSubmission],
        audit: impl FnOnce(usize) -> AuditEvent + Send,
    ) -> Result<Vec<bool>, StorageError> {
        let now = ts(OffsetDateTime::now_utc());
        let mut stored = vec![false; batch.len()];
        let mut tx = self.begin_write().await?;
        for (chunk_no, chunk) in batch.chunks(ROWS_PER_STATEMENT).enumerate() {
            // Claim the ledger keys first; the database answers which ones were new.
            let placeholders: Vec<String> = (0..chunk.len())
                .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
                .collect();
            let sql = format!(
                "INSERT INTO import_ledger (key, imported_at) VALUES {} \
                 ON CONFLICT (key) DO NOTHING RETURNING key",
                placeholders.join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for row in chunk {
                q = q.bind(row.ledger_key.as_str()).bind(now);
            }
            let claimed: HashSet<String> = q
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| r.try_get::<String, _>("key"))
                .collect::<Result<_, _>>()?;
            // A key repeated inside the chunk is claimed once: only its first row is stored.
            let mut taken: HashSet<&str> = HashSet::new();
            let fresh: Vec<(usize, &NewSubmission)> = chunk
                .iter()
                .enumerate()
                .filter(|(_, r)| {
                    claimed.contains(&r.ledger_key) && taken.insert(r.ledger_key.as_str())
                })
                .map(|(i, r)| (chunk_no * ROWS_PER_STATEMENT + i, &r.submission))
                .collect();
            if fresh.is_empty() {
                continue;
            }
            let columns = 15; // as many as `submission_values` binds
            let rows: Vec<String> = (0..fresh.len())
                .map(|r| {
                    let cells: Vec<String> = (1..=columns)
                        .map(|c| format!("${}", r * columns + c))
                        .collect();
                    format!("({})", cells.join(", "))
                })
                .collect();
            let sql = format!(
                "INSERT INTO submissions (id, channel, status, consent, province, received_hour, \
                 flagged, taxonomy_version, receipt_hash, sealed_report, sealed_contact, \
                 updated_at, kinds, urgency, approve_first) VALUES {}",
                rows.join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (_, s) in &fresh {
                q = submission_values(q, s);
            }
            q.execute(&mut *tx).await?;
            for (i, s) in &fresh {
                super::intake::insert_attachments(&mut tx, s).await?;
                stored[*i] = true;
            }
        }
        let count = stored.iter().filter(|s| **s).count();
        if count > 0 {
            super::audit::write_audit(&mut tx, &audit(count)).await?;
        }
        tx.commit().await?;
        Ok(stored)
    }
}
