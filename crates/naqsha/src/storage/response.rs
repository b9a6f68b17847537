//! Responses from the public to stories and campaigns: the sealed original waiting for a
//! moderator, and the public record an approval writes.
//!
//! The public side reads only `published_responses`. A decision (approve or reject, one or a
//! thousand at once) is one transaction that changes only responses still waiting, so two
//! moderators clearing the same flood never decide one twice.

use std::future::Future;

use naqsha_core::audit::AuditEvent;
use naqsha_core::ids::{ResponseId, UserId};
use naqsha_core::lang::Lang;
use naqsha_core::response::{
    PublicLink, PublishedResponse, ResponseKind, ResponseStatus, ResponseTarget,
};
use naqsha_core::sealing::Sealed;
use naqsha_core::submission::coarse_arrival;
use naqsha_core::text::{CreativeTitle, Pseudonym, ResponseText};
use time::OffsetDateTime;

use super::audit::write_audit;
use super::intake::{SpentToken, hold_receipt_view, spend_form_token, unique_violation};
use super::rows::{Cols, flag, ts};
use super::{HeldReceipt, StorageError, Store};

/// A response as it arrives.
#[derive(Debug, Clone)]
pub struct NewResponse {
    /// The id.
    pub id: ResponseId,
    /// The keyed hash of the receipt she was given.
    pub receipt_hash: String,
    /// Where it is to be shown.
    pub target: ResponseTarget,
    /// What it is.
    pub kind: ResponseKind,
    /// The language she used the site in.
    pub lang: Lang,
    /// The sealed [`naqsha_core::response::ResponseBody`].
    pub sealed: Sealed,
    /// The sealed image (already cleaned of its metadata), if she sent one.
    pub sealed_image: Option<Sealed>,
    /// Sent during a flood without a proof of work.
    pub flagged: bool,
    /// When it arrived (stored to the hour).
    pub at: OffsetDateTime,
}

/// A stored response (sealed), for moderators and for its writer's receipt.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredResponse {
    /// The id.
    pub id: ResponseId,
    /// Where it is to be shown.
    pub target: ResponseTarget,
    /// What it is.
    pub kind: ResponseKind,
    /// The language she used.
    pub lang: Lang,
    /// Where it stands.
    pub status: ResponseStatus,
    /// The sealed body; none once rejected.
    pub sealed: Option<Sealed>,
    /// The sealed image, if any (none once rejected).
    pub sealed_image: Option<Sealed>,
    /// Sent during a flood without a proof of work.
    pub flagged: bool,
    /// When it arrived (to the hour).
    pub received_at: OffsetDateTime,
    /// Who decided, once decided.
    pub decided_by: Option<UserId>,
    /// When it was decided.
    pub decided_at: Option<OffsetDateTime>,
}

/// An image shown with a published response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseImage {
    /// The cleaned image.
    pub bytes: Vec<u8>,
    /// Its media type (`image/jpeg`, `image/png`, `image/webp`).
    pub content_type: String,
}

/// A published response, as readers see it.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicResponse {
    /// The id (the image is at an address made from it).
    pub id: ResponseId,
    /// What is shown.
    pub response: PublishedResponse,
    /// Whether an image is shown with it.
    pub has_image: bool,
    /// When it was approved.
    pub published_at: OffsetDateTime,
}

/// A moderator's decision on one waiting response.
#[derive(Debug, Clone)]
pub enum ResponseDecision {
    /// Make it public as `public` (with `image`, if any).
    Approve {
        /// Which.
        id: ResponseId,
        /// Exactly what readers will see.
        public: Box<PublishedResponse>,
        /// The image to show, cleaned.
        image: Option<ResponseImage>,
    },
    /// Reject it: its sealed content is deleted.
    Reject {
        /// Which.
        id: ResponseId,
    },
}

/// What a batch of decisions did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Decided {
    /// Approved and now public.
    pub approved: usize,
    /// Rejected.
    pub rejected: usize,
    /// Not changed: decided already (by someone else), changed or deleted by its writer.
    pub stale: usize,
}

/// Which published responses to list.
#[derive(Debug, Clone, Default)]
pub struct PublicResponseFilter {
    /// Only those shown on this story or campaign.
    pub target: Option<ResponseTarget>,
    /// Only this kind.
    pub kind: Option<ResponseKind>,
}

/// Which waiting responses to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct WaitingFilter {
    /// Only flagged (true) or only unflagged (false) ones.
    pub flagged: Option<bool>,
    /// Only this kind.
    pub kind: Option<ResponseKind>,
}

/// What changed through a receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ByReceipt {
    /// No response has that receipt.
    NotFound,
    /// Done; it had been public (and is not any more).
    WasPublic,
    /// Done; it had not been public.
    WasNotPublic,
}

/// Storage for responses.
pub trait ResponseStore {
    /// Stores a new response, spending the form token that carried it and holding its
    /// receipt to be shown once, in the same transaction (a token spent already gives
    /// `Conflict("form_token")` and stores nothing).
    fn add_response(
        &self,
        response: &NewResponse,
        form_token: Option<&SpentToken>,
        receipt_view: Option<&HeldReceipt>,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// One response.
    fn response(
        &self,
        id: ResponseId,
    ) -> impl Future<Output = Result<Option<StoredResponse>, StorageError>> + Send;

    /// The response a receipt belongs to.
    fn response_by_receipt(
        &self,
        receipt_hash: &str,
    ) -> impl Future<Output = Result<Option<StoredResponse>, StorageError>> + Send;

    /// Waiting responses, oldest first.
    fn waiting_responses(
        &self,
        filter: WaitingFilter,
        limit: u32,
        offset: u32,
    ) -> impl Future<Output = Result<Vec<StoredResponse>, StorageError>> + Send;

    /// The ids of waiting responses, oldest first, at most `limit` (for a decision on all
    /// of them, without reading their sealed content).
    fn waiting_response_ids(
        &self,
        filter: WaitingFilter,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<ResponseId>, StorageError>> + Send;

    /// How many responses wait, and how many of them are flagged.
    fn waiting_response_counts(
        &self,
    ) -> impl Future<Output = Result<(u64, u64), StorageError>> + Send;

    /// Applies decisions in one transaction, with the audit entry; only responses still
    /// waiting change.
    fn decide_responses(
        &self,
        decisions: &[ResponseDecision],
        by: UserId,
        audit: &AuditEvent,
    ) -> impl Future<Output = Result<Decided, StorageError>> + Send;

    /// Published responses, newest first.
    fn published_responses(
        &self,
        filter: &PublicResponseFilter,
        limit: u32,
        offset: u32,
    ) -> impl Future<Output = Result<Vec<PublicResponse>, StorageError>> + Send;

    /// How many published responses the filter selects.
    fn count_published_responses(
        &self,
        filter: &PublicResponseFilter,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// The image of a published response.
    fn published_response_image(
        &self,
        id: ResponseId,
    ) -> impl Future<Output = Result<Option<ResponseImage>, StorageError>> + Send;

    /// Deletes the response a receipt belongs to, and what was published from it, with the
    /// audit entry.
    fn delete_response_by_receipt(
        &self,
        receipt_hash: &str,
        audit: &AuditEvent,
    ) -> impl Future<Output = Result<ByReceipt, StorageError>> + Send;

    /// Replaces what the response a receipt belongs to says (an edit by its writer): the new
    /// content waits for a moderator again and what was published is taken down at once.
    fn replace_response_by_receipt(
        &self,
        receipt_hash: &str,
        sealed: &Sealed,
        sealed_image: Option<&Sealed>,
        flagged: bool,
        audit: &AuditEvent,
    ) -> impl Future<Output = Result<ByReceipt, StorageError>> + Send;
}

const STORED_COLUMNS: &str = "id, target_kind, target_id, kind, lang, status, sealed, \
     sealed_image, flagged, received_at, decided_by, decided_at";

const PUBLIC_COLUMNS: &str = "id, target_kind, target_id, kind, lang, title, body, pseudonym, \
     link, licence, image_type, published_at";

fn sealed_column(c: &Cols<'_>, column: &'static str) -> Result<Option<Sealed>, StorageError> {
    c.bytes(column)?
        .map(|b| Sealed::from_bytes(b).map_err(|e| c.corrupt(column, e)))
        .transpose()
}

fn target(c: &Cols<'_>) -> Result<ResponseTarget, StorageError> {
    let kind = c.text("target_kind")?;
    let id = c.text("target_id")?;
    ResponseTarget::from_parts(&kind, &id).ok_or_else(|| c.corrupt("target_id", id))
}

fn lang(c: &Cols<'_>) -> Result<Lang, StorageError> {
    let code = c.text("lang")?;
    Lang::from_code(&code).ok_or_else(|| c.corrupt("lang", code))
}

fn stored_from_row(row: &sqlx::any::AnyRow) -> Result<StoredResponse, StorageError> {
    let c = Cols::new(row, "responses");
    Ok(StoredResponse {
        id: c.parsed("id")?,
        target: target(&c)?,
        kind: c.parsed("kind")?,
        lang: lang(&c)?,
        status: c.parsed("status")?,
        sealed: sealed_column(&c, "sealed")?,
        sealed_image: sealed_column(&c, "sealed_image")?,
        flagged: c.flag("flagged")?,
        received_at: c.time("received_at")?,
        decided_by: c.opt_parsed("decided_by")?,
        decided_at: c.opt_time("decided_at")?,
    })
}

fn opt_text<T, E: std::fmt::Display>(
    c: &Cols<'_>,
    column: &'static str,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Result<Option<T>, StorageError> {
    c.opt_text(column)?
        .map(|s| parse(&s).map_err(|e| c.corrupt(column, e)))
        .transpose()
}

fn public_from_row(row: &sqlx::any::AnyRow) -> Result<PublicResponse, StorageError> {
    let c = Cols::new(row, "published_responses");
    Ok(PublicResponse {
        id: c.parsed("id")?,
        response: PublishedResponse {
            kind: c.parsed("kind")?,
            target: target(&c)?,
            lang: lang(&c)?,
            text: opt_text(&c, "body", ResponseText::parse)?,
            pseudonym: opt_text(&c, "pseudonym", Pseudonym::parse)?,
            title: opt_text(&c, "title", CreativeTitle::parse)?,
            link: opt_text(&c, "link", PublicLink::parse)?,
            licence: c.opt_parsed("licence")?,
        },
        has_image: c.opt_text("image_type")?.is_some(),
        published_at: c.time("published_at")?,
    })
}

/// `WHERE` conditions for a public filter, from parameter `$first` on, and their values.
fn public_where(filter: &PublicResponseFilter, first: usize) -> (String, Vec<String>) {
    let mut conditions = Vec::new();
    let mut values = Vec::new();
    if let Some(t) = &filter.target {
        conditions.push(format!(
            "target_kind = ${} AND target_id = ${}",
            first + values.len(),
            first + values.len() + 1
        ));
        values.push(t.kind().to_owned());
        values.push(t.id());
    }
    if let Some(k) = filter.kind {
        conditions.push(format!("kind = ${}", first + values.len()));
        values.push(k.as_str().to_owned());
    }
    if conditions.is_empty() {
        ("TRUE".to_owned(), values)
    } else {
        (conditions.join(" AND "), values)
    }
}

fn waiting_where(filter: WaitingFilter) -> String {
    let mut sql = "status = 'pending'".to_owned();
    match filter.flagged {
        Some(true) => sql.push_str(" AND flagged = 1"),
        Some(false) => sql.push_str(" AND flagged = 0"),
        None => {}
    }
    if let Some(k) = filter.kind {
        // A fixed name from the enum, never user text.
        sql.push_str(&format!(" AND kind = '{}'", k.as_str()));
    }
    sql
}

/// Finds the response a receipt belongs to and deletes what was published from it; its id
/// and whether it had been public.
async fn take_down_by_receipt(
    conn: &mut sqlx::AnyConnection,
    receipt_hash: &str,
) -> Result<Option<(String, bool)>, StorageError> {
    let row = sqlx::query("SELECT id FROM responses WHERE receipt_hash = $1")
        .bind(receipt_hash)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let id = Cols::new(&row, "responses").text("id")?;
    let taken = sqlx::query("DELETE FROM published_responses WHERE id = $1")
        .bind(&id)
        .execute(&mut *conn)
        .await?;
    Ok(Some((id, taken.rows_affected() > 0)))
}

impl ResponseStore for Store {
    async fn add_response(
        &self,
        r: &NewResponse,
        form_token: Option<&SpentToken>,
        receipt_view: Option<&HeldReceipt>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        if let Some(token) = form_token {
            spend_form_token(&mut tx, token).await?;
        }
        sqlx::query(
            "INSERT INTO responses (id, receipt_hash, target_kind, target_id, kind, lang, \
             status, sealed, sealed_image, flagged, received_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $9, $10)",
        )
        .bind(r.id.to_string())
        .bind(&r.receipt_hash)
        .bind(r.target.kind())
        .bind(r.target.id())
        .bind(r.kind.as_str())
        .bind(r.lang.code())
        .bind(r.sealed.as_bytes().to_vec())
        .bind(r.sealed_image.as_ref().map(|s| s.as_bytes().to_vec()))
        .bind(flag(r.flagged))
        .bind(ts(coarse_arrival(r.at)))
        .execute(&mut *tx)
        .await
        .map_err(|err| unique_violation(err, "response"))?;
        if let Some(view) = receipt_view {
            hold_receipt_view(&mut tx, self.backend(), view).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn response(&self, id: ResponseId) -> Result<Option<StoredResponse>, StorageError> {
        let sql = format!("SELECT {STORED_COLUMNS} FROM responses WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(stored_from_row).transpose()
    }

    async fn response_by_receipt(
        &self,
        receipt_hash: &str,
    ) -> Result<Option<StoredResponse>, StorageError> {
        let sql = format!("SELECT {STORED_COLUMNS} FROM responses WHERE receipt_hash = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(receipt_hash)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(stored_from_row).transpose()
    }

    async fn waiting_responses(
        &self,
        filter: WaitingFilter,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<StoredResponse>, StorageError> {
        let sql = format!(
            "SELECT {STORED_COLUMNS} FROM responses WHERE {} \
             ORDER BY received_at, id LIMIT $1 OFFSET $2",
            waiting_where(filter)
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(i64::from(limit))
            .bind(i64::from(offset))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(stored_from_row).collect()
    }

    async fn waiting_response_ids(
        &self,
        filter: WaitingFilter,
        limit: u32,
    ) -> Result<Vec<ResponseId>, StorageError> {
        let sql = format!(
            "SELECT id FROM responses WHERE {} ORDER BY received_at, id LIMIT $1",
            waiting_where(filter)
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(i64::from(limit))
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| Cols::new(r, "responses").parsed("id"))
            .collect()
    }

    async fn waiting_response_counts(&self) -> Result<(u64, u64), StorageError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n, COUNT(CASE WHEN flagged = 1 THEN 1 END) AS f FROM responses \
             WHERE status = 'pending'",
        )
        .fetch_one(self.pool())
        .await?;
        let c = Cols::new(&row, "responses");
        Ok((
            u64::try_from(c.int("n")?).unwrap_or(0),
            u64::try_from(c.int("f")?).unwrap_or(0),
        ))
    }

    async fn decide_responses(
        &self,
        decisions: &[ResponseDecision],
        by: UserId,
        audit: &AuditEvent,
    ) -> Result<Decided, StorageError> {
        let now = ts(OffsetDateTime::now_utc());
        let mut done = Decided::default();
        let mut tx = self.begin_write().await?;
        for decision in decisions {
            match decision {
                ResponseDecision::Approve { id, public, image } => {
                    let changed = sqlx::query(
                        "UPDATE responses SET status = 'approved', decided_by = $1, \
                         decided_at = $2 WHERE id = $3 AND status = 'pending'",
                    )
                    .bind(by.to_string())
                    .bind(now)
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                    if changed.rows_affected() != 1 {
                        done.stale += 1;
                        continue;
                    }
                    sqlx::query(
                        "INSERT INTO published_responses (id, target_kind, target_id, kind, lang, \
                         title, body, pseudonym, link, licence, image, image_type, published_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                    )
                    .bind(id.to_string())
                    .bind(public.target.kind())
                    .bind(public.target.id())
                    .bind(public.kind.as_str())
                    .bind(public.lang.code())
                    .bind(public.title.as_ref().map(|t| t.as_str().to_owned()))
                    .bind(public.text.as_ref().map(|t| t.as_str().to_owned()))
                    .bind(public.pseudonym.as_ref().map(|t| t.as_str().to_owned()))
                    .bind(public.link.as_ref().map(|t| t.as_str().to_owned()))
                    .bind(public.licence.map(|l| l.as_str()))
                    .bind(image.as_ref().map(|i| i.bytes.clone()))
                    .bind(image.as_ref().map(|i| i.content_type.clone()))
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    done.approved += 1;
                }
                ResponseDecision::Reject { id } => {
                    let changed = sqlx::query(
                        "UPDATE responses SET status = 'rejected', sealed = NULL, \
                         sealed_image = NULL, decided_by = $1, decided_at = $2 \
                         WHERE id = $3 AND status = 'pending'",
                    )
                    .bind(by.to_string())
                    .bind(now)
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                    if changed.rows_affected() == 1 {
                        done.rejected += 1;
                    } else {
                        done.stale += 1;
                    }
                }
            }
        }
        write_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(done)
    }

    async fn published_responses(
        &self,
        filter: &PublicResponseFilter,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<PublicResponse>, StorageError> {
        let (conditions, values) = public_where(filter, 3);
        let sql = format!(
            "SELECT {PUBLIC_COLUMNS} FROM published_responses WHERE {conditions} \
             ORDER BY published_at DESC, id LIMIT $1 OFFSET $2"
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(i64::from(limit))
            .bind(i64::from(offset));
        for v in values {
            query = query.bind(v);
        }
        let rows = query.fetch_all(self.pool()).await?;
        rows.iter().map(public_from_row).collect()
    }

    async fn count_published_responses(
        &self,
        filter: &PublicResponseFilter,
    ) -> Result<u64, StorageError> {
        let (conditions, values) = public_where(filter, 1);
        let sql = format!("SELECT COUNT(*) AS n FROM published_responses WHERE {conditions}");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for v in values {
            query = query.bind(v);
        }
        let row = query.fetch_one(self.pool()).await?;
        Ok(u64::try_from(Cols::new(&row, "published_responses").int("n")?).unwrap_or(0))
    }

    async fn published_response_image(
        &self,
        id: ResponseId,
    ) -> Result<Option<ResponseImage>, StorageError> {
        let row = sqlx::query(
            "SELECT image, image_type FROM published_responses \
             WHERE id = $1 AND image IS NOT NULL AND image_type IS NOT NULL",
        )
        .bind(id.to_string())
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let c = Cols::new(&row, "published_responses");
        Ok(Some(ResponseImage {
            bytes: c.bytes("image")?.unwrap_or_default(),
            content_type: c.text("image_type")?,
        }))
    }

    async fn delete_response_by_receipt(
        &self,
        receipt_hash: &str,
        audit: &AuditEvent,
    ) -> Result<ByReceipt, StorageError> {
        let mut tx = self.begin_write().await?;
        let Some((id, public)) = take_down_by_receipt(&mut tx, receipt_hash).await? else {
            return Ok(ByReceipt::NotFound);
        };
        sqlx::query("DELETE FROM responses WHERE id = $1")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        write_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(if public {
            ByReceipt::WasPublic
        } else {
            ByReceipt::WasNotPublic
        })
    }

    async fn replace_response_by_receipt(
        &self,
        receipt_hash: &str,
        sealed: &Sealed,
        sealed_image: Option<&Sealed>,
        flagged: bool,
        audit: &AuditEvent,
    ) -> Result<ByReceipt, StorageError> {
        let mut tx = self.begin_write().await?;
        let Some((id, public)) = take_down_by_receipt(&mut tx, receipt_hash).await? else {
            return Ok(ByReceipt::NotFound);
        };
        sqlx::query(
            "UPDATE responses SET status = 'pending', sealed = $1, sealed_image = $2, \
             flagged = $3, received_at = $4, decided_by = NULL, decided_at = NULL WHERE id = $5",
        )
        .bind(sealed.as_bytes().to_vec())
        .bind(sealed_image.map(|s| s.as_bytes().to_vec()))
        .bind(flag(flagged))
        .bind(ts(coarse_arrival(OffsetDateTime::now_utc())))
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        write_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(if public {
            ByReceipt::WasPublic
        } else {
            ByReceipt::WasNotPublic
        })
    }
}
