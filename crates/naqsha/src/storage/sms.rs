//! The SMS channel's storage: messages already stored (for idempotent gateways), numbers that
//! asked for no more messages, and growing an unopened report as more parts of it arrive.
//!
//! Keys are HMACs computed by the channel with a key that is not in the database; nothing
//! here ever sees a phone number.

use std::future::Future;

use naqsha_core::ids::SubmissionId;
use naqsha_core::sealing::Sealed;
use time::OffsetDateTime;

use super::rows::ts;
use super::{StorageError, Store};

/// Storage the SMS gateways need.
pub trait SmsStore {
    /// Whether a gateway message with this key was stored before.
    fn sms_seen(&self, key: &str) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Records that the message with this key is stored (a second call is a no-op).
    fn mark_sms_seen(
        &self,
        key: &str,
        at: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Forgets markers older than `before`; returns how many were removed.
    fn prune_sms_seen(
        &self,
        before: OffsetDateTime,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Whether the number with this key asked for no more messages.
    fn sms_stopped(&self, key: &str) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Records (`stopped` true) or lifts a number's request for no more messages.
    fn set_sms_stopped(
        &self,
        key: &str,
        stopped: bool,
        at: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Replaces the sealed report of a submission that nobody has opened yet (status new,
    /// unassigned), recording the gateway message that grew it (if keyed) in the same
    /// transaction. Returns false, changing nothing, once a moderator has it or it is gone.
    fn replace_unopened_report(
        &self,
        id: SubmissionId,
        sealed_report: &Sealed,
        sms_message: Option<&str>,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
}

impl SmsStore for Store {
    async fn sms_seen(&self, key: &str) -> Result<bool, StorageError> {
        let row = sqlx::query("SELECT key FROM sms_seen WHERE key = $1")
            .bind(key)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.is_some())
    }

    async fn mark_sms_seen(&self, key: &str, at: OffsetDateTime) -> Result<(), StorageError> {
        sqlx::query("INSERT INTO sms_seen (key, seen_at) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(key)
            .bind(ts(at))
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn prune_sms_seen(&self, before: OffsetDateTime) -> Result<u64, StorageError> {
        let done = sqlx::query("DELETE FROM sms_seen WHERE seen_at < $1")
            .bind(ts(before))
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }

    async fn sms_stopped(&self, key: &str) -> Result<bool, StorageError> {
        let row = sqlx::query("SELECT key FROM sms_stopped WHERE key = $1")
            .bind(key)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.is_some())
    }

    async fn set_sms_stopped(
        &self,
        key: &str,
        stopped: bool,
        at: OffsetDateTime,
    ) -> Result<(), StorageError> {
        if stopped {
            sqlx::query(
                "INSERT INTO sms_stopped (key, stopped_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )
            .bind(key)
            .bind(ts(at))
            .execute(self.pool())
            .await?;
        } else {
            sqlx::query("DELETE FROM sms_stopped WHERE key = $1")
                .bind(key)
                .execute(self.pool())
                .await?;
        }
        Ok(())
    }

    async fn replace_unopened_report(
        &self,
        id: SubmissionId,
        sealed_report: &Sealed,
        sms_message: Option<&str>,
    ) -> Result<bool, StorageError> {
        let mut tx = self.pool().begin().await?;
        let done = sqlx::query(
            "UPDATE submissions SET sealed_report = $1, updated_at = $2 \
             WHERE id = $3 AND status = 'new' AND assigned_to IS NULL \
             AND sealed_report IS NOT NULL",
        )
        .bind(sealed_report.as_bytes().to_vec())
        .bind(ts(OffsetDateTime::now_utc()))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        if let Some(key) = sms_message {
            super::intake::spend_sms_message(&mut tx, key).await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}
