//! The review screen's side of storage: the case written from a submission, the sealed
//! review draft a moderator resumes, staff notes and follow-ups with their authors,
//! evidence files, claiming an unassigned report, and the small-cell count.
//!
//! The draft (redaction plan and unpublished wording) is a `submission_additions` row of
//! kind [`DRAFT_KIND`], sealed like every other addition and replaced on each save.

use std::future::Future;

use naqsha_core::case::Case;
use naqsha_core::ids::{AdditionId, AttachmentId, CaseId, SubmissionId, UserId};
use naqsha_core::period::YearMonth;
use naqsha_core::places::PlaceId;
use naqsha_core::sealing::Sealed;
use time::OffsetDateTime;

use super::case_row::{CASE_COLUMNS, case_from_row};
use super::rows::{Cols, ts};
use super::{StorageError, Store};

/// The addition kind of the sealed review draft.
pub const DRAFT_KIND: &str = "review";

/// A sealed addition to a submission as the review page lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAddition {
    /// The id.
    pub id: AdditionId,
    /// `follow_up`, `note` or [`DRAFT_KIND`].
    pub kind: String,
    /// The staff author's username (notes), if any and still known.
    pub author: Option<String>,
    /// When it was added.
    pub created_at: OffsetDateTime,
    /// The sealed text.
    pub sealed: Sealed,
}

/// What the page shows of an evidence file without opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentInfo {
    /// The id.
    pub id: AttachmentId,
    /// The media type it is served with.
    pub media_type: String,
    /// Size of the clear file in bytes.
    pub byte_size: u64,
}

/// The small-cell question: which published cell a case would join.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseCell<'a> {
    /// The district.
    pub district: &'a PlaceId,
    /// The month; `None` counts every month (a case without a month joins the wider cell).
    pub period: Option<YearMonth>,
    /// The kind of violence (`kind` dimension term); `None` counts cases without a kind.
    pub kind: Option<&'a str>,
    /// The case being decided, left out of the count.
    pub except: Option<CaseId>,
}

/// Storage for the review screen.
pub trait ReviewStore {
    /// The case written from a submission, in any status (the latest if several).
    fn case_for_submission(
        &self,
        id: SubmissionId,
    ) -> impl Future<Output = Result<Option<Case>, StorageError>> + Send;

    /// Assigns a submission that is `new` and unassigned to `user` and sets it `in_review`;
    /// false if it was not (someone else was quicker, or it is not new).
    fn claim_submission(
        &self,
        id: SubmissionId,
        user: UserId,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Sealed additions of `kind`, oldest first, with their authors' usernames.
    fn additions(
        &self,
        id: SubmissionId,
        kind: &str,
    ) -> impl Future<Output = Result<Vec<StoredAddition>, StorageError>> + Send;

    /// Replaces the sealed review draft of a submission.
    fn save_review_draft(
        &self,
        id: SubmissionId,
        author: UserId,
        sealed: &Sealed,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// The sealed review draft of a submission, if one was saved.
    fn review_draft(
        &self,
        id: SubmissionId,
    ) -> impl Future<Output = Result<Option<Sealed>, StorageError>> + Send;

    /// The evidence files of a submission, without their contents.
    fn attachments(
        &self,
        id: SubmissionId,
    ) -> impl Future<Output = Result<Vec<AttachmentInfo>, StorageError>> + Send;

    /// One sealed evidence file of a submission with its media type; `None` when the file
    /// does not belong to that submission.
    fn attachment(
        &self,
        id: SubmissionId,
        attachment: AttachmentId,
    ) -> impl Future<Output = Result<Option<(String, Sealed)>, StorageError>> + Send;

    /// Cases counted in public statistics (published or statistics only) placed in the
    /// cell's district, month and kind.
    fn count_in_cell(
        &self,
        cell: &CaseCell<'_>,
    ) -> impl Future<Output = Result<i64, StorageError>> + Send;
}

fn sealed_column(c: &Cols<'_>, column: &'static str) -> Result<Sealed, StorageError> {
    let bytes = c.bytes(column)?.unwrap_or_default();
    Sealed::from_bytes(bytes).map_err(|e| c.corrupt(column, e))
}

impl ReviewStore for Store {
    async fn case_for_submission(&self, id: SubmissionId) -> Result<Option<Case>, StorageError> {
        let sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases WHERE submission_id = $1 \
             ORDER BY updated_at DESC, id LIMIT 1"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(case_from_row).transpose()
    }

    async fn claim_submission(&self, id: SubmissionId, user: UserId) -> Result<bool, StorageError> {
        let done = sqlx::query(
            "UPDATE submissions SET assigned_to = $1, status = 'in_review', updated_at = $2 \
             WHERE id = $3 AND assigned_to IS NULL AND status = 'new'",
        )
        .bind(user.to_string())
        .bind(ts(OffsetDateTime::now_utc()))
        .bind(id.to_string())
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn additions(
        &self,
        id: SubmissionId,
        kind: &str,
    ) -> Result<Vec<StoredAddition>, StorageError> {
        let rows = sqlx::query(
            "SELECT a.id, a.kind, u.username, a.created_at, a.sealed \
             FROM submission_additions a LEFT JOIN users u ON u.id = a.author \
             WHERE a.submission_id = $1 AND a.kind = $2 ORDER BY a.created_at, a.id",
        )
        .bind(id.to_string())
        .bind(kind)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let c = Cols::new(row, "submission_additions");
                Ok(StoredAddition {
                    id: c.parsed("id")?,
                    kind: c.text("kind")?,
                    author: c.opt_text("username")?,
                    created_at: c.time("created_at")?,
                    sealed: sealed_column(&c, "sealed")?,
                })
            })
            .collect()
    }

    async fn save_review_draft(
        &self,
        id: SubmissionId,
        author: UserId,
        sealed: &Sealed,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        write_draft(&mut tx, id, author, sealed).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn review_draft(&self, id: SubmissionId) -> Result<Option<Sealed>, StorageError> {
        let row = sqlx::query(
            "SELECT sealed FROM submission_additions WHERE submission_id = $1 AND kind = $2 \
             ORDER BY created_at DESC, id LIMIT 1",
        )
        .bind(id.to_string())
        .bind(DRAFT_KIND)
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| sealed_column(&Cols::new(&r, "submission_additions"), "sealed"))
            .transpose()
    }

    async fn attachments(&self, id: SubmissionId) -> Result<Vec<AttachmentInfo>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, media_type, byte_size FROM attachments WHERE submission_id = $1 \
             ORDER BY created_at, id",
        )
        .bind(id.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let c = Cols::new(row, "attachments");
                let size = c.int("byte_size")?;
                Ok(AttachmentInfo {
                    id: c.parsed("id")?,
                    media_type: c.text("media_type")?,
                    byte_size: u64::try_from(size).map_err(|e| c.corrupt("byte_size", e))?,
                })
            })
            .collect()
    }

    async fn attachment(
        &self,
        id: SubmissionId,
        attachment: AttachmentId,
    ) -> Result<Option<(String, Sealed)>, StorageError> {
        let row = sqlx::query(
            "SELECT media_type, sealed FROM attachments WHERE id = $1 AND submission_id = $2",
        )
        .bind(attachment.to_string())
        .bind(id.to_string())
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| {
            let c = Cols::new(&r, "attachments");
            Ok((c.text("media_type")?, sealed_column(&c, "sealed")?))
        })
        .transpose()
    }

    async fn count_in_cell(&self, cell: &CaseCell<'_>) -> Result<i64, StorageError> {
        // Every condition is bound; an absent month matches every month, an absent kind
        // matches the cases that have none.
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM cases c \
             WHERE c.status IN ('published', 'statistics_only') AND c.consent <> 'private' \
             AND c.place = $1 AND ($2 IS NULL OR c.period = $2) \
             AND ($3 IS NULL OR c.id <> $3) \
             AND (($4 IS NULL AND NOT EXISTS (SELECT 1 FROM case_labels l \
                    WHERE l.case_id = c.id AND l.dimension = 'kind')) \
               OR EXISTS (SELECT 1 FROM case_labels l WHERE l.case_id = c.id \
                    AND l.dimension = 'kind' AND l.term = $4))",
        )
        .bind(cell.district.to_string())
        .bind(cell.period.map(|p| p.ordinal()))
        .bind(cell.except.map(|c| c.to_string()))
        .bind(cell.kind)
        .fetch_one(self.pool())
        .await?;
        Cols::new(&row, "cases").int("n")
    }
}

/// Replaces the review draft of a submission (inside the caller's transaction).
pub(crate) async fn write_draft(
    conn: &mut sqlx::AnyConnection,
    id: SubmissionId,
    author: UserId,
    sealed: &Sealed,
) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM submission_additions WHERE submission_id = $1 AND kind = $2")
        .bind(id.to_string())
        .bind(DRAFT_KIND)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO submission_additions (id, submission_id, kind, author, sealed, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(AdditionId::random().to_string())
    .bind(id.to_string())
    .bind(DRAFT_KIND)
    .bind(author.to_string())
    .bind(sealed.as_bytes().to_vec())
    .bind(ts(OffsetDateTime::now_utc()))
    .execute(&mut *conn)
    .await?;
    Ok(())
}
