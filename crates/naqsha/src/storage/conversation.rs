//! The conversation with a reporter on her receipt: her reply key's public half, the sealed
//! messages both ways, and the rounds of her approval of the anonymised version.
//!
//! Every message is stored sealed (to the organisation key and her reply key); the clear
//! columns are the kind, the staff author and a time. Nothing here records that she looked.

use std::future::Future;

use naqsha_core::audit::AuditEvent;
use naqsha_core::conversation::{ApprovalAnswer, MessageKind};
use naqsha_core::ids::{MessageId, SubmissionId, UserId};
use naqsha_core::sealing::{KdfParams, OrgPublicKey, Sealed};
use naqsha_core::submission::{Consent, coarse_arrival};
use time::OffsetDateTime;

use super::audit::write_audit;
use super::changes::Touched;
use super::rows::{Cols, ts};
use super::{StorageError, Store};

/// The stored public half of a report's reply key, and how to derive it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyKeyRow {
    /// What replies are sealed to.
    pub recipient: OrgPublicKey,
    /// The argon2id salt.
    pub salt: Vec<u8>,
    /// The argon2id cost.
    pub kdf: KdfParams,
}

/// A message to store.
#[derive(Debug, Clone)]
pub struct NewMessage {
    /// The id.
    pub id: MessageId,
    /// The report it belongs to.
    pub submission: SubmissionId,
    /// The staff author; `None` for the reporter.
    pub author: Option<UserId>,
    /// What it is.
    pub kind: MessageKind,
    /// The sealed [`naqsha_core::conversation::MessageBody`].
    pub sealed: Sealed,
    /// When (hers are rounded down to the hour as they are stored).
    pub at: OffsetDateTime,
}

/// A stored message.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredMessage {
    /// The id.
    pub id: MessageId,
    /// What it is.
    pub kind: MessageKind,
    /// The staff author's id, if staff wrote it.
    pub author: Option<UserId>,
    /// The staff author's username, if known.
    pub author_name: Option<String>,
    /// When (to the hour for hers).
    pub created_at: OffsetDateTime,
    /// The sealed body.
    pub sealed: Sealed,
}

/// One proposal sent for her approval, and her answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovalRound {
    /// 1 for the first proposal, then 2, …
    pub round: i64,
    /// The proposal's message.
    pub message: MessageId,
    /// [`naqsha_core::conversation::Proposal::digest`] of what was proposed.
    pub digest: String,
    /// Who sent it.
    pub sent_by: Option<UserId>,
    /// When it was sent.
    pub sent_at: OffsetDateTime,
    /// Her answer, once given.
    pub answer: Option<ApprovalAnswer>,
    /// When she answered (to the hour).
    pub answered_at: Option<OffsetDateTime>,
}

/// What became of an answer to a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    /// Stored.
    Stored,
    /// Not stored: the round was answered already, or a newer proposal replaced it.
    Stale,
}

/// Storage for the conversation with a reporter.
pub trait ConversationStore {
    /// Stores the reply key of a report unless it has one; true if this call stored it.
    fn set_reply_key_if_absent(
        &self,
        submission: SubmissionId,
        key: &ReplyKeyRow,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// The reply key of a report, if it has one.
    fn reply_key(
        &self,
        submission: SubmissionId,
    ) -> impl Future<Output = Result<Option<ReplyKeyRow>, StorageError>> + Send;

    /// Stores a reply or an answer (not a proposal or a decision: see [`Self::send_proposal`]
    /// and [`Self::answer_proposal`]) with its audit entry, in one transaction.
    fn add_message(
        &self,
        message: &NewMessage,
        audit: Option<&AuditEvent>,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// The messages of a report, oldest first.
    fn messages(
        &self,
        submission: SubmissionId,
    ) -> impl Future<Output = Result<Vec<StoredMessage>, StorageError>> + Send;

    /// Stores a proposal as the next approval round of its report, with its audit entry, in
    /// one transaction; returns the round's number.
    fn send_proposal(
        &self,
        message: &NewMessage,
        digest: &str,
        audit: Option<&AuditEvent>,
    ) -> impl Future<Output = Result<i64, StorageError>> + Send;

    /// The approval rounds of a report, oldest first.
    fn approval_rounds(
        &self,
        submission: SubmissionId,
    ) -> impl Future<Output = Result<Vec<ApprovalRound>, StorageError>> + Send;

    /// Stores her answer to round `round` with its message (a
    /// [`MessageKind::Decision`]), if that round is the latest and unanswered. An answer
    /// that changes her consent ([`ApprovalAnswer::consent`]) changes the report's consent
    /// (and the consent of its cases) in the same transaction and takes down what was made
    /// public from it: a published story becomes statistics only, or a published or counted
    /// case is removed when she asks for it to stay private (announced like any publication
    /// change). A case still in review keeps its status, with the new consent.
    fn answer_proposal(
        &self,
        round: i64,
        answer: ApprovalAnswer,
        message: &NewMessage,
    ) -> impl Future<Output = Result<Answered, StorageError>> + Send;
}

const MESSAGE_COLUMNS: &str = "m.id, m.kind, m.author, u.username, m.created_at, m.sealed";

fn message_from_row(row: &sqlx::any::AnyRow) -> Result<StoredMessage, StorageError> {
    let c = Cols::new(row, "conversation_messages");
    let bytes = c.bytes("sealed")?.unwrap_or_default();
    Ok(StoredMessage {
        id: c.parsed("id")?,
        kind: c.parsed("kind")?,
        author: c.opt_parsed("author")?,
        author_name: c.opt_text("username")?,
        created_at: c.time("created_at")?,
        sealed: Sealed::from_bytes(bytes).map_err(|e| c.corrupt("sealed", e))?,
    })
}

fn round_from_row(row: &sqlx::any::AnyRow) -> Result<ApprovalRound, StorageError> {
    let c = Cols::new(row, "reporter_approvals");
    Ok(ApprovalRound {
        round: c.int("round")?,
        message: c.parsed("message_id")?,
        digest: c.text("digest")?,
        sent_by: c.opt_parsed("sent_by")?,
        sent_at: c.time("sent_at")?,
        answer: c.opt_parsed("answer")?,
        answered_at: c.opt_time("answered_at")?,
    })
}

/// The stored time of a message: hers to the hour, staff's to the second.
fn stored_time(message: &NewMessage) -> i64 {
    if message.author.is_none() {
        ts(coarse_arrival(message.at))
    } else {
        ts(message.at)
    }
}

async fn insert_message(
    conn: &mut sqlx::AnyConnection,
    m: &NewMessage,
) -> Result<(), StorageError> {
    // The next number in the report's order; two messages stored at the same instant
    // collide on the unique index and the later one is refused (the caller offers a retry).
    sqlx::query(
        "INSERT INTO conversation_messages (id, submission_id, author, kind, sealed, created_at, \
         seq) SELECT $1, $2, $3, $4, $5, $6, COALESCE(MAX(seq), 0) + 1 \
         FROM conversation_messages WHERE submission_id = $2",
    )
    .bind(m.id.to_string())
    .bind(m.submission.to_string())
    .bind(m.author.map(|a| a.to_string()))
    .bind(m.kind.as_str())
    .bind(m.sealed.as_bytes().to_vec())
    .bind(stored_time(m))
    .execute(conn)
    .await
    .map_err(|e| super::intake::unique_violation(e, "conversation_message"))?;
    Ok(())
}

/// Stores the reply key of a report unless it has one; true if this stored it.
pub(super) async fn insert_reply_key(
    conn: &mut sqlx::AnyConnection,
    submission: SubmissionId,
    key: &ReplyKeyRow,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "INSERT INTO reply_keys (submission_id, recipient, salt, kdf) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (submission_id) DO NOTHING",
    )
    .bind(submission.to_string())
    .bind(key.recipient.to_string())
    .bind(key.salt.clone())
    .bind(key.kdf.to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

impl ConversationStore for Store {
    async fn set_reply_key_if_absent(
        &self,
        submission: SubmissionId,
        key: &ReplyKeyRow,
    ) -> Result<bool, StorageError> {
        let mut conn = self.pool().acquire().await?;
        insert_reply_key(&mut conn, submission, key).await
    }

    async fn reply_key(
        &self,
        submission: SubmissionId,
    ) -> Result<Option<ReplyKeyRow>, StorageError> {
        let row =
            sqlx::query("SELECT recipient, salt, kdf FROM reply_keys WHERE submission_id = $1")
                .bind(submission.to_string())
                .fetch_optional(self.pool())
                .await?;
        let Some(row) = row else { return Ok(None) };
        let c = Cols::new(&row, "reply_keys");
        Ok(Some(ReplyKeyRow {
            recipient: c.parsed("recipient")?,
            salt: c.bytes("salt")?.unwrap_or_default(),
            kdf: c.parsed("kdf")?,
        }))
    }

    async fn add_message(
        &self,
        message: &NewMessage,
        audit: Option<&AuditEvent>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        insert_message(&mut tx, message).await?;
        if let Some(event) = audit {
            write_audit(&mut tx, event).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn messages(&self, submission: SubmissionId) -> Result<Vec<StoredMessage>, StorageError> {
        let sql = format!(
            "SELECT {MESSAGE_COLUMNS} FROM conversation_messages m \
             LEFT JOIN users u ON u.id = m.author \
             WHERE m.submission_id = $1 ORDER BY m.seq"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(submission.to_string())
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(message_from_row).collect()
    }

    async fn send_proposal(
        &self,
        message: &NewMessage,
        digest: &str,
        audit: Option<&AuditEvent>,
    ) -> Result<i64, StorageError> {
        let mut tx = self.begin_write().await?;
        insert_message(&mut tx, message).await?;
        let row = sqlx::query(
            "SELECT COALESCE(MAX(round), 0) AS n FROM reporter_approvals WHERE submission_id = $1",
        )
        .bind(message.submission.to_string())
        .fetch_one(&mut *tx)
        .await?;
        let round = Cols::new(&row, "reporter_approvals").int("n")? + 1;
        // Two moderators sending at once: the primary key makes the second one fail.
        sqlx::query(
            "INSERT INTO reporter_approvals (submission_id, round, message_id, digest, sent_by, \
             sent_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(message.submission.to_string())
        .bind(round)
        .bind(message.id.to_string())
        .bind(digest)
        .bind(message.author.map(|a| a.to_string()))
        .bind(ts(message.at))
        .execute(&mut *tx)
        .await
        .map_err(|e| super::intake::unique_violation(e, "approval_round"))?;
        if let Some(event) = audit {
            write_audit(&mut tx, event).await?;
        }
        tx.commit().await?;
        Ok(round)
    }

    async fn approval_rounds(
        &self,
        submission: SubmissionId,
    ) -> Result<Vec<ApprovalRound>, StorageError> {
        let rows = sqlx::query(
            "SELECT round, message_id, digest, sent_by, sent_at, answer, answered_at \
             FROM reporter_approvals WHERE submission_id = $1 ORDER BY round",
        )
        .bind(submission.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(round_from_row).collect()
    }

    async fn answer_proposal(
        &self,
        round: i64,
        answer: ApprovalAnswer,
        message: &NewMessage,
    ) -> Result<Answered, StorageError> {
        let id = message.submission.to_string();
        let mut tx = self.begin_write().await?;
        let latest = sqlx::query(
            "SELECT COALESCE(MAX(round), 0) AS n FROM reporter_approvals WHERE submission_id = $1",
        )
        .bind(&id)
        .fetch_one(&mut *tx)
        .await?;
        if Cols::new(&latest, "reporter_approvals").int("n")? != round {
            return Ok(Answered::Stale);
        }
        let done = sqlx::query(
            "UPDATE reporter_approvals SET answer = $1, answered_at = $2 \
             WHERE submission_id = $3 AND round = $4 AND answer IS NULL",
        )
        .bind(answer.as_str())
        .bind(ts(coarse_arrival(message.at)))
        .bind(&id)
        .bind(round)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(Answered::Stale);
        }
        insert_message(&mut tx, message).await?;
        let mut touched = Touched::default();
        if let Some(consent) = answer.consent() {
            sqlx::query("UPDATE submissions SET consent = $1, updated_at = $2 WHERE id = $3")
                .bind(consent.as_str())
                .bind(ts(OffsetDateTime::now_utc()))
                .bind(&id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE cases SET consent = $1 WHERE submission_id = $2")
                .bind(consent.as_str())
                .bind(&id)
                .execute(&mut *tx)
                .await?;
            let cases = if consent == Consent::Private {
                sqlx::query(
                    "DELETE FROM case_labels WHERE case_id IN (SELECT id FROM cases \
                     WHERE submission_id = $1 AND status IN ('published', 'statistics_only'))",
                )
                .bind(&id)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "DELETE FROM cases WHERE submission_id = $1 \
                     AND status IN ('published', 'statistics_only') RETURNING id",
                )
                .bind(&id)
                .fetch_all(&mut *tx)
                .await?
            } else {
                sqlx::query(
                    "UPDATE cases SET status = 'statistics_only', consent = $1, title_en = NULL, \
                     text_en = NULL, title_ur = NULL, text_ur = NULL, updated_at = $2 \
                     WHERE submission_id = $3 AND status = 'published' RETURNING id",
                )
                .bind(consent.as_str())
                .bind(ts(OffsetDateTime::now_utc()))
                .bind(&id)
                .fetch_all(&mut *tx)
                .await?
            };
            if !cases.is_empty() {
                touched.add(super::public::bump_publication(&mut tx).await?, None);
                for row in &cases {
                    touched.add_case(Cols::new(row, "cases").parsed("id")?);
                }
            }
        }
        self.announce(&mut tx, &touched).await?;
        tx.commit().await?;
        self.announced(&touched);
        Ok(Answered::Stored)
    }
}
