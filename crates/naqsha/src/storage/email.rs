//! The email channel's storage: which messages were already stored, so a message delivered
//! again (an MTA retrying, a mailbox polled after a crash, the same file piped twice) is
//! stored once.
//!
//! A key is an HMAC of the sender and Message-ID computed by the channel; nothing here sees
//! either. A key is written in the transaction that stores its report (see
//! [`super::Arrival::email_message`]).

use std::future::Future;

use time::OffsetDateTime;

use super::rows::ts;
use super::{StorageError, Store};

/// Storage the email channel needs.
pub trait EmailStore {
    /// Whether an email with this key was stored before.
    fn email_seen(&self, key: &str) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Forgets keys recorded before `before`; returns how many were removed.
    fn prune_email_seen(
        &self,
        before: OffsetDateTime,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;
}

impl EmailStore for Store {
    async fn email_seen(&self, key: &str) -> Result<bool, StorageError> {
        let row = sqlx::query("SELECT key FROM email_seen WHERE key = $1")
            .bind(key)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.is_some())
    }

    async fn prune_email_seen(&self, before: OffsetDateTime) -> Result<u64, StorageError> {
        let done = sqlx::query("DELETE FROM email_seen WHERE seen_at < $1")
            .bind(ts(before))
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }
}
