//! Moderation: the inbox of sealed submissions and the cases written from them.
//!
//! The inbox reads only clear columns (envelope, kinds, assignee, duplicate link); sealed
//! columns are read one submission at a time, for a moderator who holds the key.

mod cases;
mod inbox;
mod query;

pub(crate) use inbox::join_kinds;

use std::future::Future;

use naqsha_core::audit::AuditEvent;
use naqsha_core::case::{Case, CaseStatus};
use naqsha_core::ids::{CaseId, SubmissionId, UserId};
use naqsha_core::places::PlaceId;
use naqsha_core::sealing::Sealed;
use naqsha_core::submission::{Channel, SubmissionEnvelope, SubmissionStatus};
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use super::case_row::{CASE_COLUMNS, case_from_row};
use super::changes::Touched;
use super::rows::{Cols, flag, ts};
use super::{StorageError, Store};

/// One moderation decision as it is written: everything it changes, committed in one
/// transaction by [`ModerationStore::commit_decision`], so that a crash or a failed write
/// leaves the report exactly as it was before the decision.
#[derive(Debug)]
pub struct DecisionWrite<'a> {
    /// The report decided on.
    pub submission: SubmissionId,
    /// Assign the report to this moderator if nobody has it and it is new (a news candidate
    /// made a case from the inbox).
    pub claim_for: Option<UserId>,
    /// The moderator's draft, sealed, replacing any saved one (author, draft).
    pub draft: (UserId, &'a Sealed),
    /// The case written from it.
    pub case: &'a Case,
    /// The report's kinds, for the inbox filter.
    pub kinds: &'a [String],
    /// The report's new status.
    pub status: SubmissionStatus,
    /// The audit entries of the decision, in order.
    pub audit: &'a [AuditEvent],
    /// What becomes of a publication waiting for a second approval.
    pub approval: ApprovalChange,
}

/// A decision's effect on the report's publication request (four eyes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApprovalChange {
    /// Left as it is.
    Keep,
    /// This moderator asks for publication: it waits for a second person.
    Request(UserId),
    /// Approved, or overtaken by another decision: no request waits any more.
    Clear,
}

/// A moderator's request to see a report's contact details (four eyes on contact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContactRequest {
    /// Who asked.
    pub by: UserId,
    /// When.
    pub at: OffsetDateTime,
    /// Who approved it, if anyone has.
    pub approved_by: Option<UserId>,
}

/// A publication waiting for a second approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublishRequest {
    /// Who asked.
    pub by: UserId,
    /// When.
    pub at: OffsetDateTime,
}

/// What a bulk action of the inbox does to each report it reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkChange {
    /// Archive it (as spam, or for the reason in the audit detail); a draft case of it is
    /// archived too.
    Archive,
    /// Link it as a duplicate of this report, which archives it (the case is counted once).
    DuplicateOf(SubmissionId),
    /// Assign it to this staff member, or to nobody.
    Assign(Option<UserId>),
    /// Flag it urgent for this reason, or clear the flag.
    Urgency(Option<naqsha_core::urgency::Urgency>),
}

/// A change to many reports at once, written by [`ModerationStore::bulk_change`] in one
/// transaction. It reaches those of `ids` that are new or in review and, with `only_for`,
/// assigned to nobody or to that moderator (a moderator's bulk action cannot touch a
/// colleague's reports). Each report reached gets an audit entry by `actor` saying `detail`.
#[derive(Debug, Clone, Copy)]
pub struct BulkWrite<'a> {
    /// The reports ticked.
    pub ids: &'a [SubmissionId],
    /// What is done to each.
    pub change: BulkChange,
    /// Only reports assigned to nobody or to this moderator.
    pub only_for: Option<UserId>,
    /// Who acts.
    pub actor: UserId,
    /// The audit detail of each entry (no content).
    pub detail: &'a str,
}

/// Whose submissions the inbox shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Assigned {
    /// Assigned or not, to anyone.
    #[default]
    Anyone,
    /// Assigned to nobody yet.
    Nobody,
    /// Assigned to this user.
    To(UserId),
    /// Assigned to nobody or to this user (a moderator's own view).
    NobodyOr(UserId),
}

/// The order of the inbox.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InboxSort {
    /// Urgent reports first, then newest first.
    #[default]
    UrgentFirst,
    /// Newest first.
    Newest,
    /// Oldest first.
    Oldest,
}

impl InboxSort {
    /// Every order, as the inbox offers them.
    pub const ALL: [InboxSort; 3] = [InboxSort::UrgentFirst, InboxSort::Newest, InboxSort::Oldest];

    /// The name in the query string.
    pub fn as_str(self) -> &'static str {
        match self {
            InboxSort::UrgentFirst => "urgent",
            InboxSort::Newest => "newest",
            InboxSort::Oldest => "oldest",
        }
    }
}

/// Which submissions the inbox shows, in which order.
#[derive(Debug, Clone, Default)]
pub struct InboxFilter {
    /// Only these statuses (every status when empty).
    pub statuses: Vec<SubmissionStatus>,
    /// Only this channel.
    pub channel: Option<Channel>,
    /// Only submissions carrying this term of the `kind` dimension.
    pub kind: Option<String>,
    /// Only this province.
    pub province: Option<PlaceId>,
    /// Only flagged (arrived during a flood without proof of work).
    pub flagged: Option<bool>,
    /// Only urgent (`true`) or only not urgent (`false`) ones.
    pub urgent: Option<bool>,
    /// Only these submissions (a wave shown alone); `Some` of nothing matches nothing.
    pub only: Option<Vec<SubmissionId>>,
    /// Not these (the members of waves, shown as one line each).
    pub except: Vec<SubmissionId>,
    /// Whose submissions.
    pub assigned: Assigned,
    /// The order.
    pub sort: InboxSort,
}

/// One line of the inbox: the clear envelope and the clear moderation fields, nothing sealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxRow {
    /// The clear envelope.
    pub envelope: SubmissionEnvelope,
    /// Terms of the `kind` dimension, as ticked or coded.
    pub kinds: Vec<String>,
    /// Who it is assigned to.
    pub assigned_to: Option<UserId>,
    /// That user's name.
    pub assignee: Option<String>,
    /// The submission this one repeats, when linked as a duplicate.
    pub duplicate_of: Option<SubmissionId>,
}

/// Which cases the coded-cases list shows (every status unless one is chosen).
#[derive(Debug, Clone, Default)]
pub struct CaseListFilter {
    /// Only this status.
    pub status: Option<CaseStatus>,
    /// Only cases coded with this term of the `kind` dimension.
    pub kind: Option<String>,
    /// Only this province.
    pub province: Option<PlaceId>,
}

/// A submission with its sealed parts, for a moderator who holds the key.
#[derive(Debug, Clone)]
pub struct SealedSubmission {
    /// The clear envelope.
    pub envelope: SubmissionEnvelope,
    /// The taxonomy version the reporter's ticks refer to.
    pub taxonomy_version: String,
    /// Who it is assigned to.
    pub assigned_to: Option<UserId>,
    /// The sealed report; none once withdrawn.
    pub report: Option<Sealed>,
    /// The sealed contact details.
    pub contact: Option<Sealed>,
    /// Sealed additions in order: (kind, sealed text).
    pub additions: Vec<(String, Sealed)>,
}

/// The moderators' side of storage.
pub trait ModerationStore {
    /// Envelopes of the submissions matching the filter, newest first.
    fn inbox(
        &self,
        filter: &InboxFilter,
        limit: u32,
        offset: u32,
    ) -> impl Future<Output = Result<Vec<SubmissionEnvelope>, StorageError>> + Send;

    /// Inbox lines matching the filter, newest first.
    fn inbox_rows(
        &self,
        filter: &InboxFilter,
        limit: u32,
        offset: u32,
    ) -> impl Future<Output = Result<Vec<InboxRow>, StorageError>> + Send;

    /// How many submissions match the filter.
    fn inbox_count(
        &self,
        filter: &InboxFilter,
    ) -> impl Future<Output = Result<i64, StorageError>> + Send;

    /// One inbox line.
    fn inbox_row(
        &self,
        id: SubmissionId,
    ) -> impl Future<Output = Result<Option<InboxRow>, StorageError>> + Send;

    /// Ids of the submissions whose sealed report is still there (not withdrawn), in no
    /// particular order.
    fn submissions_with_report(
        &self,
    ) -> impl Future<Output = Result<Vec<SubmissionId>, StorageError>> + Send;

    /// Assigns a submission to a user, or to nobody; false if unknown.
    fn assign(
        &self,
        id: SubmissionId,
        to: Option<UserId>,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Links a submission to the one it repeats (archiving it unless it is published or
    /// withdrawn), or unlinks it with `None` (leaving its status); false if unknown.
    fn mark_duplicate(
        &self,
        id: SubmissionId,
        of: Option<SubmissionId>,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Applies a bulk action in one transaction (see [`BulkWrite`]); returns the reports it
    /// reached, in the order given. On any error nothing changed.
    fn bulk_change(
        &self,
        write: &BulkWrite<'_>,
    ) -> impl Future<Output = Result<Vec<SubmissionId>, StorageError>> + Send;

    /// New reports of the wave detector: received in or after the hour of `since`, assigned
    /// to nobody or (with `for_user`) to that user, newest first, at most `limit`: (id,
    /// arrival hour as Unix seconds).
    fn wave_candidates(
        &self,
        since: OffsetDateTime,
        for_user: Option<UserId>,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<(SubmissionId, i64)>, StorageError>> + Send;

    /// The publication of a report waiting for a second approval, if one does.
    fn publish_request(
        &self,
        submission: SubmissionId,
    ) -> impl Future<Output = Result<Option<PublishRequest>, StorageError>> + Send;

    /// The requests to see a report's contact details, oldest first.
    fn contact_requests(
        &self,
        submission: SubmissionId,
    ) -> impl Future<Output = Result<Vec<ContactRequest>, StorageError>> + Send;

    /// Records `by`'s request to see a report's contact details (kept if she asked already),
    /// with `audit`.
    fn request_contact(
        &self,
        submission: SubmissionId,
        by: UserId,
        audit: &AuditEvent,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Approves `requester`'s waiting request by `approver` (never her own), with `audit`;
    /// false when there is no such waiting request.
    fn approve_contact(
        &self,
        submission: SubmissionId,
        requester: UserId,
        approver: UserId,
        audit: &AuditEvent,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// The submission whose id starts with `prefix` (at least 8 characters of it), if
    /// exactly one does.
    fn submission_by_prefix(
        &self,
        prefix: &str,
    ) -> impl Future<Output = Result<Option<SubmissionId>, StorageError>> + Send;

    /// Replaces a submission's kinds (terms of the `kind` dimension); false if unknown.
    fn set_submission_kinds(
        &self,
        id: SubmissionId,
        kinds: &[String],
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Cases in any status matching the filter, most recently changed first.
    fn cases(
        &self,
        filter: &CaseListFilter,
        limit: u32,
        offset: u32,
    ) -> impl Future<Output = Result<Vec<Case>, StorageError>> + Send;

    /// How many cases in any status match the filter.
    fn count_cases(
        &self,
        filter: &CaseListFilter,
    ) -> impl Future<Output = Result<i64, StorageError>> + Send;

    /// One submission with its sealed parts.
    fn sealed_submission(
        &self,
        id: SubmissionId,
    ) -> impl Future<Output = Result<Option<SealedSubmission>, StorageError>> + Send;

    /// Changes a submission's status; false if unknown.
    fn set_submission_status(
        &self,
        id: SubmissionId,
        status: SubmissionStatus,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Creates or replaces a case with its labels.
    fn save_case(&self, case: &Case) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Writes one moderation decision in one transaction: the claim, the sealed draft, the
    /// case (moving the publication counter), the report's kinds and status and the audit
    /// entries. Either all of it is stored or none of it.
    fn commit_decision(
        &self,
        decision: &DecisionWrite<'_>,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Saves many cases in one transaction (imports, demo data).
    fn save_cases(&self, cases: &[Case]) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// One case in any status.
    fn case(&self, id: CaseId) -> impl Future<Output = Result<Option<Case>, StorageError>> + Send;
}

pub(crate) const ENVELOPE_COLUMNS: &str =
    "id, channel, status, consent, province, received_hour, flagged, urgency, approve_first";

pub(crate) fn envelope_from_row(row: &AnyRow) -> Result<SubmissionEnvelope, StorageError> {
    let c = Cols::new(row, "submissions");
    Ok(SubmissionEnvelope {
        id: c.parsed("id")?,
        channel: c.parsed("channel")?,
        status: c.parsed("status")?,
        consent: c.parsed("consent")?,
        province: c.opt_parsed("province")?,
        received_hour: c.time("received_hour")?,
        flagged: c.flag("flagged")?,
        urgency: c.opt_parsed("urgency")?,
        approve_first: c.flag("approve_first")?,
    })
}

/// Writes one case and its label rows inside a transaction, noting the counter value it took
/// in `touched` for the transaction to announce.
pub(crate) async fn write_case(
    conn: &mut sqlx::AnyConnection,
    case: &Case,
    touched: &mut Touched,
) -> Result<(), StorageError> {
    touched.add(
        super::public::bump_publication(&mut *conn).await?,
        Some(case.id),
    );
    let id = case.id.to_string();
    let labels = serde_json::to_string(&case.labels).map_err(|e| StorageError::Corrupt {
        table: "cases",
        column: "labels",
        reason: e.to_string(),
    })?;
    sqlx::query("DELETE FROM case_labels WHERE case_id = $1")
        .bind(&id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO cases (id, submission_id, status, taxonomy_version, labels, place, province, \
         period, title_en, text_en, title_ur, text_ur, consent, verification, demo, created_at, \
         updated_at, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
         $13, $14, $15, $16, $17, $18) \
         ON CONFLICT (id) DO UPDATE SET submission_id = excluded.submission_id, \
         status = excluded.status, taxonomy_version = excluded.taxonomy_version, \
         labels = excluded.labels, place = excluded.place, province = excluded.province, \
         period = excluded.period, title_en = excluded.title_en, text_en = excluded.text_en, \
         title_ur = excluded.title_ur, text_ur = excluded.text_ur, consent = excluded.consent, \
         verification = excluded.verification, demo = excluded.demo, \
         updated_at = excluded.updated_at, published_at = excluded.published_at",
    )
    .bind(&id)
    .bind(case.submission.map(|s| s.to_string()))
    .bind(case.status.as_str())
    .bind(&case.taxonomy_version)
    .bind(labels)
    .bind(case.place.as_ref().map(|p| p.to_string()))
    .bind(case.province.as_ref().map(|p| p.to_string()))
    .bind(case.period.map(|p| p.ordinal()))
    .bind(case.story_en.as_ref().map(|s| s.title.to_string()))
    .bind(case.story_en.as_ref().map(|s| s.text.to_string()))
    .bind(case.story_ur.as_ref().map(|s| s.title.to_string()))
    .bind(case.story_ur.as_ref().map(|s| s.text.to_string()))
    .bind(case.consent.as_str())
    .bind(case.verification.as_str())
    .bind(flag(case.demo))
    .bind(ts(case.created_at))
    .bind(ts(case.updated_at))
    .bind(case.published_at.map(ts))
    .execute(&mut *conn)
    .await?;
    for (dimension, terms) in case.labels.iter() {
        for term in terms {
            sqlx::query("INSERT INTO case_labels (case_id, dimension, term) VALUES ($1, $2, $3)")
                .bind(&id)
                .bind(dimension.to_string())
                .bind(term.to_string())
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

impl ModerationStore for Store {
    async fn inbox(
        &self,
        filter: &InboxFilter,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<SubmissionEnvelope>, StorageError> {
        let rows = inbox::rows(self, filter, limit, offset).await?;
        Ok(rows.into_iter().map(|r| r.envelope).collect())
    }

    async fn inbox_rows(
        &self,
        filter: &InboxFilter,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<InboxRow>, StorageError> {
        inbox::rows(self, filter, limit, offset).await
    }

    async fn inbox_count(&self, filter: &InboxFilter) -> Result<i64, StorageError> {
        inbox::count(self, filter).await
    }

    async fn inbox_row(&self, id: SubmissionId) -> Result<Option<InboxRow>, StorageError> {
        inbox::row(self, id).await
    }

    async fn submissions_with_report(&self) -> Result<Vec<SubmissionId>, StorageError> {
        inbox::with_report(self).await
    }

    async fn assign(&self, id: SubmissionId, to: Option<UserId>) -> Result<bool, StorageError> {
        inbox::assign(self, id, to).await
    }

    async fn mark_duplicate(
        &self,
        id: SubmissionId,
        of: Option<SubmissionId>,
    ) -> Result<bool, StorageError> {
        inbox::mark_duplicate(self, id, of).await
    }

    async fn bulk_change(&self, write: &BulkWrite<'_>) -> Result<Vec<SubmissionId>, StorageError> {
        inbox::bulk_change(self, write).await
    }

    async fn wave_candidates(
        &self,
        since: OffsetDateTime,
        for_user: Option<UserId>,
        limit: u32,
    ) -> Result<Vec<(SubmissionId, i64)>, StorageError> {
        inbox::wave_candidates(self, since, for_user, limit).await
    }

    async fn publish_request(
        &self,
        submission: SubmissionId,
    ) -> Result<Option<PublishRequest>, StorageError> {
        let row = sqlx::query(
            "SELECT requested_by, requested_at FROM publish_requests WHERE submission_id = $1",
        )
        .bind(submission.to_string())
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| {
            let c = Cols::new(&r, "publish_requests");
            Ok(PublishRequest {
                by: c.parsed("requested_by")?,
                at: c.time("requested_at")?,
            })
        })
        .transpose()
    }

    async fn contact_requests(
        &self,
        submission: SubmissionId,
    ) -> Result<Vec<ContactRequest>, StorageError> {
        let rows = sqlx::query(
            "SELECT requested_by, requested_at, approved_by FROM contact_requests \
             WHERE submission_id = $1 ORDER BY requested_at, requested_by",
        )
        .bind(submission.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let c = Cols::new(r, "contact_requests");
                Ok(ContactRequest {
                    by: c.parsed("requested_by")?,
                    at: c.time("requested_at")?,
                    approved_by: c.opt_parsed("approved_by")?,
                })
            })
            .collect()
    }

    async fn request_contact(
        &self,
        submission: SubmissionId,
        by: UserId,
        audit: &AuditEvent,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "INSERT INTO contact_requests (submission_id, requested_by, requested_at) \
             VALUES ($1, $2, $3) ON CONFLICT (submission_id, requested_by) DO NOTHING",
        )
        .bind(submission.to_string())
        .bind(by.to_string())
        .bind(ts(OffsetDateTime::now_utc()))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() > 0 {
            super::audit::write_audit(&mut tx, audit).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn approve_contact(
        &self,
        submission: SubmissionId,
        requester: UserId,
        approver: UserId,
        audit: &AuditEvent,
    ) -> Result<bool, StorageError> {
        if requester == approver {
            return Ok(false);
        }
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE contact_requests SET approved_by = $1, approved_at = $2 \
             WHERE submission_id = $3 AND requested_by = $4 AND approved_by IS NULL",
        )
        .bind(approver.to_string())
        .bind(ts(OffsetDateTime::now_utc()))
        .bind(submission.to_string())
        .bind(requester.to_string())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            // Ended here, not when dropped: a dropped transaction is rolled back only when its
            // connection is next used or released, and until then its UPDATE (even of no row)
            // holds SQLite's write lock, so the next write on another connection can meet
            // "database is locked" (seen once in CI, the withdrawal right after this).
            tx.rollback().await?;
            return Ok(false);
        }
        super::audit::write_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn submission_by_prefix(
        &self,
        prefix: &str,
    ) -> Result<Option<SubmissionId>, StorageError> {
        inbox::by_prefix(self, prefix).await
    }

    async fn set_submission_kinds(
        &self,
        id: SubmissionId,
        kinds: &[String],
    ) -> Result<bool, StorageError> {
        inbox::set_kinds(self, id, kinds).await
    }

    async fn cases(
        &self,
        filter: &CaseListFilter,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<Case>, StorageError> {
        cases::list(self, filter, limit, offset).await
    }

    async fn count_cases(&self, filter: &CaseListFilter) -> Result<i64, StorageError> {
        cases::count(self, filter).await
    }

    async fn sealed_submission(
        &self,
        id: SubmissionId,
    ) -> Result<Option<SealedSubmission>, StorageError> {
        let sql = format!(
            "SELECT {ENVELOPE_COLUMNS}, taxonomy_version, assigned_to, sealed_report, \
             sealed_contact FROM submissions WHERE id = $1"
        );
        let Some(row) = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(self.pool())
            .await?
        else {
            return Ok(None);
        };
        let c = Cols::new(&row, "submissions");
        let sealed = |column: &'static str| -> Result<Option<Sealed>, StorageError> {
            c.bytes(column)?
                .map(|b| Sealed::from_bytes(b).map_err(|e| c.corrupt(column, e)))
                .transpose()
        };
        let additions = sqlx::query(
            "SELECT kind, sealed FROM submission_additions WHERE submission_id = $1 \
             ORDER BY created_at, id",
        )
        .bind(id.to_string())
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|r| {
            let a = Cols::new(r, "submission_additions");
            let bytes = a.bytes("sealed")?.unwrap_or_default();
            Ok((
                a.text("kind")?,
                Sealed::from_bytes(bytes).map_err(|e| a.corrupt("sealed", e))?,
            ))
        })
        .collect::<Result<Vec<_>, StorageError>>()?;
        Ok(Some(SealedSubmission {
            envelope: envelope_from_row(&row)?,
            taxonomy_version: c.text("taxonomy_version")?,
            assigned_to: c.opt_parsed("assigned_to")?,
            report: sealed("sealed_report")?,
            contact: sealed("sealed_contact")?,
            additions,
        }))
    }

    async fn set_submission_status(
        &self,
        id: SubmissionId,
        status: SubmissionStatus,
    ) -> Result<bool, StorageError> {
        let done = sqlx::query("UPDATE submissions SET status = $1, updated_at = $2 WHERE id = $3")
            .bind(status.as_str())
            .bind(ts(OffsetDateTime::now_utc()))
            .bind(id.to_string())
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn save_case(&self, case: &Case) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let mut touched = Touched::default();
        write_case(&mut tx, case, &mut touched).await?;
        self.announce(&mut tx, &touched).await?;
        tx.commit().await?;
        self.announced(&touched);
        Ok(())
    }

    async fn commit_decision(&self, d: &DecisionWrite<'_>) -> Result<(), StorageError> {
        let id = d.submission.to_string();
        let now = ts(OffsetDateTime::now_utc());
        let mut tx = self.begin_write().await?;
        // A story is published only under the consent it was decided with: if the reporter
        // changed it meanwhile (an answer on /follow-up), nothing is written. Touching her
        // row first also makes her answer wait for this transaction, or this one for hers.
        if d.case.status == naqsha_core::case::CaseStatus::Published {
            let same = sqlx::query(
                "UPDATE submissions SET updated_at = $1 WHERE id = $2 AND consent = $3",
            )
            .bind(now)
            .bind(&id)
            .bind(d.case.consent.as_str())
            .execute(&mut *tx)
            .await?;
            if same.rows_affected() != 1 {
                return Err(StorageError::Conflict("consent"));
            }
        }
        if let Some(user) = d.claim_for {
            sqlx::query(
                "UPDATE submissions SET assigned_to = $1, updated_at = $2 \
                 WHERE id = $3 AND assigned_to IS NULL AND status = 'new'",
            )
            .bind(user.to_string())
            .bind(now)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        }
        let (author, draft) = d.draft;
        super::review::write_draft(&mut tx, d.submission, author, draft).await?;
        let mut touched = Touched::default();
        write_case(&mut tx, d.case, &mut touched).await?;
        sqlx::query(
            "UPDATE submissions SET kinds = $1, status = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(join_kinds(d.kinds))
        .bind(d.status.as_str())
        .bind(now)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        match d.approval {
            ApprovalChange::Keep => {}
            ApprovalChange::Request(by) => {
                sqlx::query(
                    "INSERT INTO publish_requests (submission_id, requested_by, requested_at) \
                     VALUES ($1, $2, $3) ON CONFLICT (submission_id) DO UPDATE SET \
                     requested_by = excluded.requested_by, requested_at = excluded.requested_at",
                )
                .bind(&id)
                .bind(by.to_string())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            ApprovalChange::Clear => {
                sqlx::query("DELETE FROM publish_requests WHERE submission_id = $1")
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        for event in d.audit {
            super::audit::write_audit(&mut tx, event).await?;
        }
        self.announce(&mut tx, &touched).await?;
        tx.commit().await?;
        self.announced(&touched);
        Ok(())
    }

    async fn save_cases(&self, cases: &[Case]) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let mut touched = Touched::default();
        for case in cases {
            write_case(&mut tx, case, &mut touched).await?;
        }
        self.announce(&mut tx, &touched).await?;
        tx.commit().await?;
        self.announced(&touched);
        Ok(())
    }

    async fn case(&self, id: CaseId) -> Result<Option<Case>, StorageError> {
        let sql = format!("SELECT {CASE_COLUMNS} FROM cases WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(case_from_row).transpose()
    }
}
