//! Intake: storing sealed submissions, follow-ups and withdrawals.

use std::future::Future;

use naqsha_core::audit::AuditEvent;
use naqsha_core::ids::{AdditionId, AttachmentId, SubmissionId, UserId};
use naqsha_core::sealing::Sealed;
use naqsha_core::submission::{SubmissionEnvelope, SubmissionStatus};
use sqlx::Row;
use time::OffsetDateTime;

use super::audit::write_audit;
use super::changes::Touched;
use super::moderation::{ENVELOPE_COLUMNS, envelope_from_row, join_kinds};
use super::rows::{Cols, flag, ts};
use super::{StorageError, Store};

/// A sealed evidence file to store with a submission.
#[derive(Debug, Clone)]
pub struct NewAttachment {
    /// The id.
    pub id: AttachmentId,
    /// The media type after re-encoding (e.g. image/jpeg).
    pub media_type: String,
    /// Size of the clear file in bytes.
    pub byte_size: u64,
    /// The sealed file.
    pub sealed: Sealed,
}

/// A new submission: the clear envelope and the sealed parts.
#[derive(Debug, Clone)]
pub struct NewSubmission {
    /// What the inbox may filter on.
    pub envelope: SubmissionEnvelope,
    /// The taxonomy the reporter's ticks refer to.
    pub taxonomy_version: String,
    /// The ticked terms of the `kind` dimension: coarse categories, kept in the clear like
    /// the province so the inbox can filter on them.
    pub kinds: Vec<String>,
    /// A keyed hash of the receipt, if one was issued.
    pub receipt_hash: Option<String>,
    /// The sealed [`naqsha_core::submission::RawReport`].
    pub sealed_report: Sealed,
    /// The sealed contact details, if any were given.
    pub sealed_contact: Option<Sealed>,
    /// Sealed evidence files.
    pub attachments: Vec<NewAttachment>,
}

/// A sealed addition to a submission: more information from the survivor, or a staff note.
#[derive(Debug, Clone)]
pub struct NewAddition {
    /// The id.
    pub id: AdditionId,
    /// The submission it belongs to.
    pub submission: SubmissionId,
    /// `follow_up` (from the survivor) or `note` (internal, by staff).
    pub kind: &'static str,
    /// The staff author of a note.
    pub author: Option<UserId>,
    /// The sealed text.
    pub sealed: Sealed,
    /// The key of the gateway message that carried it (an SMS part), recorded as stored in
    /// the same transaction.
    pub sms_message: Option<String>,
}

/// A form token spent by the report it carried.
#[derive(Debug, Clone)]
pub struct SpentToken {
    /// The token's random nonce.
    pub nonce: String,
    /// When the token expires anyway (after that the row may be pruned).
    pub expires_at: OffsetDateTime,
}

/// What a new report uses up and leaves behind, written in the same transaction as the
/// report: either all of it is stored or none of it.
#[derive(Debug, Clone, Default)]
pub struct Arrival {
    /// The form token that carried it: spent exactly when the report is stored, so a form
    /// whose report could not be stored can be sent again.
    pub form_token: Option<SpentToken>,
    /// The key of the gateway message that carried it (SMS, WhatsApp, Telegram), recorded
    /// as stored.
    pub sms_message: Option<String>,
    /// The key of the email that carried it (a keyed hash of its sender and Message-ID),
    /// recorded as stored.
    pub email_message: Option<String>,
    /// The feed item it was made of (a news candidate), remembered as seen.
    pub news_item: Option<super::news::SeenItem>,
    /// The sender's join window it opens (a messaging channel), so her next messages join
    /// it on any node.
    pub window: Option<super::sms::NewWindow>,
    /// Sealed notes stored with it, by addition kind (what intake could not keep).
    pub notes: Vec<(&'static str, Sealed)>,
    /// The audit entry recording its arrival.
    pub audit: Option<AuditEvent>,
    /// The receipt to show once, on whichever node its address is opened: held only if
    /// the report is stored.
    pub receipt_view: Option<super::HeldReceipt>,
    /// Her reply key's stored half, made from the receipt (`None` when it could not be
    /// made in time: her first follow-up step makes it).
    pub reply_key: Option<super::ReplyKeyRow>,
}

/// Receipts waiting to be shown at most: the oldest give way beyond it.
const MAX_RECEIPT_VIEWS: i64 = 10_000;

/// Storing what arrives from survivors.
pub trait IntakeStore {
    /// Stores a submission with its attachments, and what its arrival uses up, in one
    /// durable transaction. A form token, gateway message, email or news item already spent
    /// is [`StorageError::Conflict`] (`"form_token"`, `"sms_message"`, `"email_message"`,
    /// `"news_item"`), and so is a sender's join window another message opened meanwhile
    /// (`"conversation_window"`); then nothing is stored.
    fn insert_submission(
        &self,
        submission: &NewSubmission,
        arrival: &Arrival,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Whether a form token (by its nonce) was spent by a stored report.
    fn form_token_spent(
        &self,
        nonce: &str,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Forgets spent form tokens that have expired anyway; returns how many.
    fn prune_spent_tokens(
        &self,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Appends a sealed addition (and records its gateway message) in one transaction.
    fn add_to_submission(
        &self,
        addition: &NewAddition,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Finds the submission a receipt hash belongs to.
    fn submission_by_receipt(
        &self,
        receipt_hash: &str,
    ) -> impl Future<Output = Result<Option<SubmissionEnvelope>, StorageError>> + Send;

    /// Deletes the raw report, its additions, attachments and every case derived from it,
    /// keeping only a withdrawn marker so the receipt still answers, and records the bare
    /// fact of a withdrawal in the audit log, in one transaction; then checkpoints the
    /// write-ahead log so the deleted words are gone from every file before this returns.
    /// Returns false if unknown.
    fn withdraw_submission(
        &self,
        id: SubmissionId,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
}

/// Binds the 15 columns of a submission row, in the order `insert_submission` names them
/// (shared with the batched import, which writes many rows per statement).
pub(super) fn submission_values<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    s: &'q NewSubmission,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    let e = &s.envelope;
    q.bind(e.id.to_string())
        .bind(e.channel.as_str())
        .bind(e.status.as_str())
        .bind(e.consent.as_str())
        .bind(e.province.as_ref().map(|p| p.to_string()))
        .bind(ts(e.received_hour))
        .bind(flag(e.flagged))
        .bind(s.taxonomy_version.as_str())
        .bind(s.receipt_hash.as_deref())
        .bind(s.sealed_report.as_bytes().to_vec())
        .bind(s.sealed_contact.as_ref().map(|c| c.as_bytes().to_vec()))
        .bind(ts(e.received_hour))
        .bind(join_kinds(&s.kinds))
        .bind(e.urgency.map(|u| u.as_str()))
        .bind(flag(e.approve_first))
}

/// Stores the sealed evidence files of a submission inside the caller's transaction.
pub(super) async fn insert_attachments(
    conn: &mut sqlx::AnyConnection,
    s: &NewSubmission,
) -> Result<(), StorageError> {
    insert_attachment_rows(
        conn,
        s.envelope.id,
        s.envelope.received_hour,
        &s.attachments,
    )
    .await
}

/// Stores sealed evidence files of submission `id` inside the caller's transaction, dated
/// `at` (an hour, like the submission's arrival, or a later day).
pub(super) async fn insert_attachment_rows(
    conn: &mut sqlx::AnyConnection,
    id: SubmissionId,
    at: OffsetDateTime,
    attachments: &[NewAttachment],
) -> Result<(), StorageError> {
    for a in attachments {
        sqlx::query(
            "INSERT INTO attachments (id, submission_id, media_type, byte_size, sealed, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(a.id.to_string())
        .bind(id.to_string())
        .bind(&a.media_type)
        .bind(i64::try_from(a.byte_size).unwrap_or(i64::MAX))
        .bind(a.sealed.as_bytes().to_vec())
        .bind(ts(at))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Stores sealed notes (additions without an author) of submission `id` inside the
/// caller's transaction.
pub(super) async fn insert_notes(
    conn: &mut sqlx::AnyConnection,
    id: SubmissionId,
    at: OffsetDateTime,
    notes: &[(&'static str, Sealed)],
) -> Result<(), StorageError> {
    for (kind, sealed) in notes {
        sqlx::query(
            "INSERT INTO submission_additions (id, submission_id, kind, author, sealed, \
             created_at) VALUES ($1, $2, $3, NULL, $4, $5)",
        )
        .bind(AdditionId::random().to_string())
        .bind(id.to_string())
        .bind(*kind)
        .bind(sealed.as_bytes().to_vec())
        .bind(ts(at))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Spends a form token: a token spent already gives `Conflict("form_token")`.
pub(super) async fn spend_form_token(
    conn: &mut sqlx::AnyConnection,
    token: &SpentToken,
) -> Result<(), StorageError> {
    sqlx::query("INSERT INTO spent_form_tokens (nonce, expires_at) VALUES ($1, $2)")
        .bind(&token.nonce)
        .bind(ts(token.expires_at))
        .execute(conn)
        .await
        .map_err(|err| unique_violation(err, "form_token"))?;
    Ok(())
}

/// Holds a receipt to be shown once (by any node), dropping the oldest beyond the limit.
pub(super) async fn hold_receipt_view(
    conn: &mut sqlx::AnyConnection,
    backend: super::Backend,
    view: &super::HeldReceipt,
) -> Result<(), StorageError> {
    sqlx::query("INSERT INTO receipt_views (id_hash, sealed, expires_at) VALUES ($1, $2, $3)")
        .bind(&view.id_hash)
        .bind(view.sealed.clone())
        .bind(view.expires_at)
        .execute(&mut *conn)
        .await?;
    // SQLite spells "no limit" -1, PostgreSQL ALL.
    let all = match backend {
        super::Backend::Sqlite => "-1",
        super::Backend::Postgres => "ALL",
    };
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DELETE FROM receipt_views WHERE id_hash IN (SELECT id_hash FROM receipt_views \
         ORDER BY expires_at DESC, id_hash LIMIT {all} OFFSET $1)"
    )))
    .bind(MAX_RECEIPT_VIEWS)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl IntakeStore for Store {
    async fn insert_submission(
        &self,
        s: &NewSubmission,
        arrival: &Arrival,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        if let Some(token) = &arrival.form_token {
            spend_form_token(&mut tx, token).await?;
        }
        if let Some(key) = &arrival.sms_message {
            spend_sms_message(&mut tx, key).await?;
        }
        if let Some(key) = &arrival.email_message {
            sqlx::query("INSERT INTO email_seen (key, seen_at) VALUES ($1, $2)")
                .bind(key)
                .bind(ts(OffsetDateTime::now_utc()))
                .execute(&mut *tx)
                .await
                .map_err(|err| unique_violation(err, "email_message"))?;
        }
        let q = sqlx::query(
            "INSERT INTO submissions (id, channel, status, consent, province, received_hour, \
             flagged, taxonomy_version, receipt_hash, sealed_report, sealed_contact, updated_at, \
             kinds, urgency, approve_first) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        );
        submission_values(q, s)
            .execute(&mut *tx)
            .await
            .map_err(|err| unique_violation(err, "receipt"))?;
        insert_attachments(&mut tx, s).await?;
        insert_notes(
            &mut tx,
            s.envelope.id,
            s.envelope.received_hour,
            &arrival.notes,
        )
        .await?;
        if let Some(item) = &arrival.news_item {
            super::news::insert_candidate_item(&mut tx, item, s.envelope.id).await?;
        }
        if let Some(window) = &arrival.window {
            super::sms::open_window(&mut tx, window, s.envelope.id).await?;
        }
        if let Some(event) = &arrival.audit {
            write_audit(&mut tx, event).await?;
        }
        if let Some(key) = &arrival.reply_key {
            super::conversation::insert_reply_key(&mut tx, s.envelope.id, key).await?;
        }
        if let Some(view) = &arrival.receipt_view {
            hold_receipt_view(&mut tx, self.backend(), view).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn form_token_spent(&self, nonce: &str) -> Result<bool, StorageError> {
        let row = sqlx::query("SELECT nonce FROM spent_form_tokens WHERE nonce = $1")
            .bind(nonce)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.is_some())
    }

    async fn prune_spent_tokens(&self, now: OffsetDateTime) -> Result<u64, StorageError> {
        let done = sqlx::query("DELETE FROM spent_form_tokens WHERE expires_at < $1")
            .bind(ts(now))
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }

    async fn add_to_submission(&self, a: &NewAddition) -> Result<(), StorageError> {
        let now = OffsetDateTime::now_utc();
        let mut tx = self.begin_write().await?;
        if let Some(key) = &a.sms_message {
            spend_sms_message(&mut tx, key).await?;
        }
        sqlx::query(
            "INSERT INTO submission_additions (id, submission_id, kind, author, sealed, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(a.id.to_string())
        .bind(a.submission.to_string())
        .bind(a.kind)
        .bind(a.author.map(|u| u.to_string()))
        .bind(a.sealed.as_bytes().to_vec())
        .bind(ts(now))
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE submissions SET updated_at = $1 WHERE id = $2")
            .bind(ts(now))
            .bind(a.submission.to_string())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn submission_by_receipt(
        &self,
        receipt_hash: &str,
    ) -> Result<Option<SubmissionEnvelope>, StorageError> {
        let sql = format!("SELECT {ENVELOPE_COLUMNS} FROM submissions WHERE receipt_hash = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(receipt_hash)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(envelope_from_row).transpose()
    }

    async fn withdraw_submission(&self, id: SubmissionId) -> Result<bool, StorageError> {
        let id = id.to_string();
        let mut tx = self.begin_write().await?;
        let exists = sqlx::query("SELECT id FROM submissions WHERE id = $1")
            .bind(&id)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.try_get::<String, _>("id"))
            .transpose()?
            .is_some();
        if !exists {
            return Ok(false);
        }
        sqlx::query("DELETE FROM case_labels WHERE case_id IN (SELECT id FROM cases WHERE submission_id = $1)")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        let deleted = sqlx::query("DELETE FROM cases WHERE submission_id = $1 RETURNING id")
            .bind(&id)
            .fetch_all(&mut *tx)
            .await?;
        let mut touched = Touched::default();
        touched.add(super::public::bump_publication(&mut tx).await?, None);
        for row in &deleted {
            touched.add_case(Cols::new(row, "cases").parsed("id")?);
        }
        sqlx::query("DELETE FROM submission_additions WHERE submission_id = $1")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM attachments WHERE submission_id = $1")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        // What moderators derived from it or asked about it goes too: a second coding, its
        // place in the double-coding sample, waiting requests to publish or to see contact.
        // The conversation goes with it: what was said, her approvals, her reply key.
        for table in [
            "reporter_approvals",
            "conversation_messages",
            "reply_keys",
            "second_codings",
            "double_coding",
            "publish_requests",
            "contact_requests",
        ] {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE submission_id = $1"
            )))
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "UPDATE submissions SET status = $1, sealed_report = NULL, sealed_contact = NULL, \
             province = NULL, assigned_to = NULL, updated_at = $2 WHERE id = $3",
        )
        .bind(SubmissionStatus::Withdrawn.as_str())
        .bind(ts(OffsetDateTime::now_utc()))
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        // Only the fact of a withdrawal is kept: no id, no content.
        write_audit(
            &mut tx,
            &AuditEvent::now(None, naqsha_core::audit::AuditAction::SubmissionWithdrawn),
        )
        .await?;
        self.announce(&mut tx, &touched).await?;
        tx.commit().await?;
        self.announced(&touched);
        // The withdrawal is done either way; a failed checkpoint is retried by the next one.
        if let Err(e) = self.checkpoint().await {
            tracing::warn!(error = %e, "checkpoint after a withdrawal failed");
        }
        Ok(true)
    }
}

/// Records a gateway message as stored, inside the transaction that stores it; a message
/// recorded before is [`StorageError::Conflict`] `"sms_message"`.
pub(super) async fn spend_sms_message(
    conn: &mut sqlx::AnyConnection,
    key: &str,
) -> Result<(), StorageError> {
    sqlx::query("INSERT INTO sms_seen (key, seen_at) VALUES ($1, $2)")
        .bind(key)
        .bind(ts(OffsetDateTime::now_utc()))
        .execute(conn)
        .await
        .map_err(|err| unique_violation(err, "sms_message"))?;
    Ok(())
}

/// Maps a uniqueness violation to [`StorageError::Conflict`].
pub(crate) fn unique_violation(err: sqlx::Error, what: &'static str) -> StorageError {
    match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => StorageError::Conflict(what),
        _ => StorageError::Database(err),
    }
}
