//! The messaging channels' storage (SMS, WhatsApp, Telegram): messages already stored (for
//! platforms that retry), senders who asked for no more messages, and growing a report as
//! more parts of a conversation arrive. Each channel derives its keys from its own secret,
//! so one table holds all of them apart.
//!
//! Keys are HMACs computed by the channel with a key that is not in the database; nothing
//! here ever sees a phone number.

use std::future::Future;

use naqsha_core::ids::SubmissionId;
use naqsha_core::sealing::Sealed;
use time::OffsetDateTime;

use super::intake::NewAttachment;
use super::rows::ts;
use super::{StorageError, Store};

/// The next message of a conversation, as [`SmsStore::grow_conversation`] adds it.
#[derive(Debug, Clone, Copy)]
pub struct ConversationPart<'a> {
    /// The whole text so far, re-sealed, to replace the unopened report with.
    pub report: Option<&'a Sealed>,
    /// The part alone, sealed, to append as a `follow_up` addition.
    pub follow_up: Option<&'a Sealed>,
    /// Evidence files that came with it.
    pub attachments: &'a [NewAttachment],
    /// Notes of what could not be kept, by addition kind.
    pub notes: &'a [(&'static str, Sealed)],
    /// The key of the platform's message, recorded as stored.
    pub message: Option<&'a str>,
}

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

    /// Adds the next message of a conversation to its report in one transaction: the whole
    /// text re-sealed in place of the report (only while nobody has opened it: status new,
    /// unassigned), or the part as a sealed follow-up, with the files and notes that came
    /// with it and the record of the message (if keyed). Returns false, changing nothing,
    /// when the report may not change that way: opened (for a re-sealed text), withdrawn or
    /// gone.
    fn grow_conversation(
        &self,
        id: SubmissionId,
        part: &ConversationPart<'_>,
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

    async fn grow_conversation(
        &self,
        id: SubmissionId,
        part: &ConversationPart<'_>,
    ) -> Result<bool, StorageError> {
        let now = OffsetDateTime::now_utc();
        let mut tx = self.pool().begin().await?;
        let done = match part.report {
            Some(sealed) => {
                sqlx::query(
                    "UPDATE submissions SET sealed_report = $1, updated_at = $2 \
                     WHERE id = $3 AND status = 'new' AND assigned_to IS NULL \
                     AND sealed_report IS NOT NULL",
                )
                .bind(sealed.as_bytes().to_vec())
                .bind(ts(now))
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?
            }
            None => {
                sqlx::query(
                    "UPDATE submissions SET updated_at = $1 \
                     WHERE id = $2 AND status <> 'withdrawn' AND sealed_report IS NOT NULL",
                )
                .bind(ts(now))
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?
            }
        };
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        if let Some(key) = part.message {
            super::intake::spend_sms_message(&mut tx, key).await?;
        }
        if let Some(sealed) = part.follow_up {
            let kind: &'static str = "follow_up";
            super::intake::insert_notes(&mut tx, id, now, &[(kind, sealed.clone())]).await?;
        }
        let hour = naqsha_core::submission::coarse_arrival(now);
        super::intake::insert_attachment_rows(&mut tx, id, hour, part.attachments).await?;
        super::intake::insert_notes(&mut tx, id, now, part.notes).await?;
        tx.commit().await?;
        Ok(true)
    }
}
