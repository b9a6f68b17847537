//! The messaging channels' storage (SMS, WhatsApp, Telegram): messages already stored (for
//! platforms that retry), senders who asked for no more messages, and growing a report as
//! more parts of a conversation arrive. Each channel derives its keys from its own secret,
//! so one table holds all of them apart.
//!
//! Keys are HMACs computed by the channel with a key that is not in the database; nothing
//! here ever sees a phone number. Open join windows and replies waiting for the SMSSync
//! phone are kept here too, so every node sees them: as ciphertext the channel sealed with
//! keys derived from its secret, in tables that are UNLOGGED on PostgreSQL (never in its
//! write-ahead log or a backup) and that no copy or backup of the store includes; each row
//! is deleted when the window closes or the reply is delivered, dropped or expired.

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
    /// The sender's window, updated in the same transaction.
    pub window: Option<WindowStep<'a>>,
}

/// A join window opened with a new report ([`super::Arrival::window`]).
#[derive(Debug, Clone)]
pub struct NewWindow {
    /// The channel (`sms`, `whatsapp`, `telegram`).
    pub channel: &'static str,
    /// The keyed hash of the sender.
    pub key: String,
    /// When it closes.
    pub expires_at: OffsetDateTime,
    /// What the channel keeps of it, sealed by the channel.
    pub sealed: Vec<u8>,
    /// The report of an open window this one replaces (it was withdrawn or could not grow):
    /// only that window, or an expired one, is replaced.
    pub replaces: Option<SubmissionId>,
    /// Now, to tell an expired window.
    pub now: OffsetDateTime,
}

/// An open join window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenWindow {
    /// The report the sender's messages join.
    pub submission: SubmissionId,
    /// A moderator has it: later parts are appended, not merged.
    pub opened: bool,
    /// Changes with each step, so two nodes growing it at once take turns.
    pub version: i64,
    /// What the channel keeps of it, sealed by the channel.
    pub sealed: Vec<u8>,
}

/// How a message changes its sender's window: only if nobody changed it since it was read
/// at `version`; else the whole step is [`StorageError::Conflict`] `"conversation_window"`.
#[derive(Debug, Clone, Copy)]
pub struct WindowStep<'a> {
    /// The channel.
    pub channel: &'static str,
    /// The keyed hash of the sender.
    pub key: &'a str,
    /// The version read.
    pub version: i64,
    /// Whether a moderator has the report now.
    pub opened: bool,
    /// What the channel keeps of it now, sealed.
    pub sealed: &'a [u8],
}

/// A reply waiting for the SMSSync phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedReply {
    /// The id the app echoes back.
    pub uuid: String,
    /// The number and text, sealed by the gateway.
    pub sealed: Vec<u8>,
    /// When it was queued.
    pub queued_at: OffsetDateTime,
}

/// Unix milliseconds (join windows may be seconds long).
fn ms(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

fn from_ms(n: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(n) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// Replies held at most; the oldest go first.
pub const MAX_QUEUED_REPLIES: i64 = 2_000;

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

    /// The sender's join window on `channel`, if open at `now`.
    fn conversation_window(
        &self,
        channel: &'static str,
        key: &str,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Option<OpenWindow>, StorageError>> + Send;

    /// Deletes windows closed by `now` (every channel's); returns how many.
    fn close_expired_windows(
        &self,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Open windows of a channel at `now`.
    fn open_windows(
        &self,
        channel: &'static str,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Queues a reply for the SMSSync phone until `expires_at` (the oldest beyond
    /// [`MAX_QUEUED_REPLIES`] are dropped). `stop_key` is the sender's STOP key.
    fn queue_sms_reply(
        &self,
        reply: &QueuedReply,
        stop_key: &str,
        expires_at: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Hands the queued replies no phone holds to one fetch, holding them until `until`: a
    /// fetch through another node meanwhile does not get them again. Oldest first.
    fn claim_sms_replies(
        &self,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> impl Future<Output = Result<Vec<QueuedReply>, StorageError>> + Send;

    /// The phone took these replies in (`task=sent`): of them, those still queued (neither
    /// expired nor dropped) are now being sent, and returned.
    fn acknowledge_sms_replies(
        &self,
        uuids: &[String],
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Vec<String>, StorageError>> + Send;

    /// Replies being sent whose delivery reports are wanted (`task=result`).
    fn sms_replies_awaiting_result(
        &self,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Vec<String>, StorageError>> + Send;

    /// Delivery reports came for these replies: forgets them; returns how many were known.
    fn finish_sms_replies(
        &self,
        uuids: &[String],
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Drops the replies not yet taken by the phone for a sender who sent STOP.
    fn drop_sms_replies_to(
        &self,
        stop_key: &str,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Deletes replies expired by `now`; returns how many.
    fn prune_sms_replies(
        &self,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Replies held (queued or being sent).
    fn sms_replies_held(&self) -> impl Future<Output = Result<u64, StorageError>> + Send;
}

/// Opens a join window with the report `submission`, inside the transaction that stores it.
/// A window of the same sender that is still open (and not the one it replaces) is
/// [`StorageError::Conflict`] `"conversation_window"`: another message opened it meanwhile,
/// and this one should join it instead.
pub(super) async fn open_window(
    conn: &mut sqlx::AnyConnection,
    window: &NewWindow,
    submission: SubmissionId,
) -> Result<(), StorageError> {
    let done = sqlx::query(
        "INSERT INTO conversation_windows \
           (channel, key, submission_id, expires_at, opened, version, sealed) \
         VALUES ($1, $2, $3, $4, 0, 0, $5) \
         ON CONFLICT (channel, key) DO UPDATE SET submission_id = excluded.submission_id, \
           expires_at = excluded.expires_at, opened = 0, \
           version = conversation_windows.version + 1, sealed = excluded.sealed \
         WHERE conversation_windows.expires_at <= $6 \
           OR conversation_windows.submission_id = $7",
    )
    .bind(window.channel)
    .bind(&window.key)
    .bind(submission.to_string())
    .bind(ms(window.expires_at))
    .bind(window.sealed.clone())
    .bind(ms(window.now))
    .bind(window.replaces.map(|s| s.to_string()).unwrap_or_default())
    .execute(conn)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StorageError::Conflict("conversation_window"));
    }
    Ok(())
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
        let mut tx = self.begin_write().await?;
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
        if let Some(step) = &part.window {
            let moved = sqlx::query(
                "UPDATE conversation_windows SET version = version + 1, opened = $1, \
                 sealed = $2 WHERE channel = $3 AND key = $4 AND version = $5",
            )
            .bind(super::rows::flag(step.opened))
            .bind(step.sealed.to_vec())
            .bind(step.channel)
            .bind(step.key)
            .bind(step.version)
            .execute(&mut *tx)
            .await?;
            if moved.rows_affected() != 1 {
                // Another message changed (or closed) the window since it was read: nothing
                // of this one is stored, and the caller reads the window again.
                return Err(StorageError::Conflict("conversation_window"));
            }
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

    async fn conversation_window(
        &self,
        channel: &'static str,
        key: &str,
        now: OffsetDateTime,
    ) -> Result<Option<OpenWindow>, StorageError> {
        self.window_rows(channel, key, now).await
    }

    async fn close_expired_windows(&self, now: OffsetDateTime) -> Result<u64, StorageError> {
        let done = sqlx::query("DELETE FROM conversation_windows WHERE expires_at <= $1")
            .bind(ms(now))
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }

    async fn open_windows(
        &self,
        channel: &'static str,
        now: OffsetDateTime,
    ) -> Result<u64, StorageError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM conversation_windows WHERE channel = $1 AND expires_at > $2",
        )
        .bind(channel)
        .bind(ms(now))
        .fetch_one(self.pool())
        .await?;
        let n = super::rows::Cols::new(&row, "conversation_windows").int("n")?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    async fn queue_sms_reply(
        &self,
        reply: &QueuedReply,
        stop_key: &str,
        expires_at: OffsetDateTime,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO sms_outbox (uuid, stop_key, sealed, queued_at, expires_at, sending) \
             VALUES ($1, $2, $3, $4, $5, 0)",
        )
        .bind(&reply.uuid)
        .bind(stop_key)
        .bind(reply.sealed.clone())
        .bind(ms(reply.queued_at))
        .bind(ms(expires_at))
        .execute(&mut *tx)
        .await?;
        // A phone that stopped polling cannot grow the queue without end.
        sqlx::query(
            "DELETE FROM sms_outbox WHERE uuid IN (SELECT uuid FROM sms_outbox \
             ORDER BY queued_at DESC, uuid DESC LIMIT 1000000000 OFFSET $1)",
        )
        .bind(MAX_QUEUED_REPLIES)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn claim_sms_replies(
        &self,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> Result<Vec<QueuedReply>, StorageError> {
        // One statement: of two fetches through two nodes at once, each reply goes to one.
        let rows = sqlx::query(
            "UPDATE sms_outbox SET lease_until = $1 \
             WHERE sending = 0 AND expires_at > $2 AND (lease_until IS NULL OR lease_until <= $2) \
             RETURNING uuid, sealed, queued_at",
        )
        .bind(ms(until))
        .bind(ms(now))
        .fetch_all(self.pool())
        .await?;
        let mut replies = rows.iter().map(reply_from).collect::<Result<Vec<_>, _>>()?;
        replies.sort_by(|a, b| (a.queued_at, &a.uuid).cmp(&(b.queued_at, &b.uuid)));
        Ok(replies)
    }

    async fn acknowledge_sms_replies(
        &self,
        uuids: &[String],
        now: OffsetDateTime,
    ) -> Result<Vec<String>, StorageError> {
        let mut confirmed = Vec::new();
        for uuid in uuids {
            let done = sqlx::query(
                "UPDATE sms_outbox SET sending = 1 \
                 WHERE uuid = $1 AND sending = 0 AND expires_at > $2",
            )
            .bind(uuid)
            .bind(ms(now))
            .execute(self.pool())
            .await?;
            if done.rows_affected() == 1 {
                confirmed.push(uuid.clone());
            }
        }
        Ok(confirmed)
    }

    async fn sms_replies_awaiting_result(
        &self,
        now: OffsetDateTime,
    ) -> Result<Vec<String>, StorageError> {
        let rows = sqlx::query(
            "SELECT uuid FROM sms_outbox WHERE sending = 1 AND expires_at > $1 \
             ORDER BY queued_at, uuid",
        )
        .bind(ms(now))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| super::rows::Cols::new(r, "sms_outbox").text("uuid"))
            .collect()
    }

    async fn finish_sms_replies(&self, uuids: &[String]) -> Result<u64, StorageError> {
        let mut done = 0;
        for uuid in uuids {
            done += sqlx::query("DELETE FROM sms_outbox WHERE uuid = $1 AND sending = 1")
                .bind(uuid)
                .execute(self.pool())
                .await?
                .rows_affected();
        }
        Ok(done)
    }

    async fn drop_sms_replies_to(&self, stop_key: &str) -> Result<u64, StorageError> {
        let done = sqlx::query("DELETE FROM sms_outbox WHERE stop_key = $1 AND sending = 0")
            .bind(stop_key)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }

    async fn prune_sms_replies(&self, now: OffsetDateTime) -> Result<u64, StorageError> {
        let done = sqlx::query("DELETE FROM sms_outbox WHERE expires_at <= $1")
            .bind(ms(now))
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }

    async fn sms_replies_held(&self) -> Result<u64, StorageError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM sms_outbox")
            .fetch_one(self.pool())
            .await?;
        let n = super::rows::Cols::new(&row, "sms_outbox").int("n")?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}

fn reply_from(row: &sqlx::any::AnyRow) -> Result<QueuedReply, StorageError> {
    let c = super::rows::Cols::new(row, "sms_outbox");
    Ok(QueuedReply {
        uuid: c.text("uuid")?,
        sealed: c.bytes("sealed")?.unwrap_or_default(),
        queued_at: from_ms(c.int("queued_at")?),
    })
}

impl Store {
    async fn window_rows(
        &self,
        channel: &'static str,
        key: &str,
        now: OffsetDateTime,
    ) -> Result<Option<OpenWindow>, StorageError> {
        let row = sqlx::query(
            "SELECT submission_id, opened, version, sealed FROM conversation_windows \
             WHERE channel = $1 AND key = $2 AND expires_at > $3",
        )
        .bind(channel)
        .bind(key)
        .bind(ms(now))
        .fetch_optional(self.pool())
        .await?;
        row.as_ref()
            .map(|r| {
                let c = super::rows::Cols::new(r, "conversation_windows");
                Ok(OpenWindow {
                    submission: c.parsed("submission_id")?,
                    opened: c.flag("opened")?,
                    version: c.int("version")?,
                    sealed: c.bytes("sealed")?.unwrap_or_default(),
                })
            })
            .transpose()
    }
}
