//! Double coding for the quality page: a random sample of coded reports, and the second,
//! independent coding of each (see `naqsha_core::agreement`).

use naqsha_core::audit::AuditEvent;
use naqsha_core::ids::{SubmissionId, UserId};
use naqsha_core::taxonomy::Labels;
use time::OffsetDateTime;

use super::audit::write_audit;
use super::rows::{Cols, ts};
use super::{StorageError, Store};

/// A report of the sample: the first coding (its case's labels) and the second, if done.
#[derive(Debug, Clone, PartialEq)]
pub struct DoubleCoded {
    /// The report.
    pub submission: SubmissionId,
    /// The case's labels.
    pub first: Labels,
    /// The second coder and her labels.
    pub second: Option<(UserId, Labels)>,
}

/// The sample and its second codings.
pub trait QualityStore {
    /// Marks up to `n` coded reports (published or statistics only) not yet in the sample,
    /// chosen at random, with `audit`, in one transaction; returns how many were marked.
    fn sample_for_double_coding(
        &self,
        n: u32,
        by: UserId,
        audit: &AuditEvent,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// The sample, in the order it was marked.
    fn double_coding(&self) -> impl Future<Output = Result<Vec<DoubleCoded>, StorageError>> + Send;

    /// Stores the second coding of a report of the sample with `audit`; false when the report
    /// is not in the sample or was coded a second time already.
    fn save_second_coding(
        &self,
        submission: SubmissionId,
        coder: UserId,
        labels: &Labels,
        audit: &AuditEvent,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
}

impl QualityStore for Store {
    async fn sample_for_double_coding(
        &self,
        n: u32,
        by: UserId,
        audit: &AuditEvent,
    ) -> Result<u64, StorageError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "INSERT INTO double_coding (submission_id, marked_by, marked_at) \
             SELECT c.submission_id, $1, $2 FROM cases c \
             WHERE c.submission_id IS NOT NULL \
             AND c.status IN ('published', 'statistics_only') \
             AND NOT EXISTS (SELECT 1 FROM double_coding d WHERE d.submission_id = c.submission_id) \
             ORDER BY random() LIMIT $3",
        )
        .bind(by.to_string())
        .bind(ts(OffsetDateTime::now_utc()))
        .bind(i64::from(n))
        .execute(&mut *tx)
        .await?;
        write_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }

    async fn double_coding(&self) -> Result<Vec<DoubleCoded>, StorageError> {
        let rows = sqlx::query(
            "SELECT d.submission_id, c.labels, s.coder, s.labels AS second_labels \
             FROM double_coding d JOIN cases c ON c.submission_id = d.submission_id \
             LEFT JOIN second_codings s ON s.submission_id = d.submission_id \
             ORDER BY d.marked_at, d.submission_id",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let c = Cols::new(r, "double_coding");
                let second = match c.opt_parsed::<UserId>("coder")? {
                    Some(coder) => Some((coder, c.labels("second_labels")?)),
                    None => None,
                };
                Ok(DoubleCoded {
                    submission: c.parsed("submission_id")?,
                    first: c.labels("labels")?,
                    second,
                })
            })
            .collect()
    }

    async fn save_second_coding(
        &self,
        submission: SubmissionId,
        coder: UserId,
        labels: &Labels,
        audit: &AuditEvent,
    ) -> Result<bool, StorageError> {
        let json = serde_json::to_string(labels).map_err(|e| StorageError::Corrupt {
            table: "second_codings",
            column: "labels",
            reason: e.to_string(),
        })?;
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "INSERT INTO second_codings (submission_id, coder, labels, coded_at) \
             SELECT d.submission_id, $2, $3, $4 FROM double_coding d \
             WHERE d.submission_id = $1 \
             AND NOT EXISTS (SELECT 1 FROM second_codings s WHERE s.submission_id = $1)",
        )
        .bind(submission.to_string())
        .bind(coder.to_string())
        .bind(json)
        .bind(ts(OffsetDateTime::now_utc()))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            // Ended now rather than when dropped (see `approve_contact`): its write lock goes
            // at once.
            tx.rollback().await?;
            return Ok(false);
        }
        write_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(true)
    }
}
