//! The append-only audit log. There is no update or delete here, and the database refuses
//! them too (triggers in the migrations).

use std::future::Future;

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::ids::UserId;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use super::rows::{Cols, ts};
use super::{StorageError, Store};

/// Which audit entries to list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only this actor.
    pub actor: Option<UserId>,
    /// Only this action.
    pub action: Option<AuditAction>,
    /// Only this subject id.
    pub subject: Option<String>,
    /// Only entries at or after this moment.
    pub from: Option<OffsetDateTime>,
    /// Only entries before this moment (exclusive, so a day's end is the next midnight).
    pub to: Option<OffsetDateTime>,
}

/// The condition of [`AuditFilter`], with its values bound as `$1` to `$5` in field order.
const FILTER_WHERE: &str = "($1 IS NULL OR actor = $1) AND ($2 IS NULL OR action = $2) \
     AND ($3 IS NULL OR subject = $3) AND ($4 IS NULL OR at >= $4) AND ($5 IS NULL OR at < $5)";

impl AuditFilter {
    /// Binds the filter's values, in the order [`FILTER_WHERE`] expects them.
    fn bind<'q>(
        &'q self,
        query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
        query
            .bind(self.actor.map(|a| a.to_string()))
            .bind(self.action.map(|a| a.as_str()))
            .bind(self.subject.as_deref())
            .bind(self.from.map(ts))
            .bind(self.to.map(ts))
    }
}

/// Appending to and reading the audit log.
pub trait AuditStore {
    /// Appends an entry.
    fn append_audit(
        &self,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Entries matching the filter, newest first.
    fn audit_events(
        &self,
        filter: &AuditFilter,
        limit: u32,
        offset: u32,
    ) -> impl Future<Output = Result<Vec<AuditEvent>, StorageError>> + Send;

    /// How many entries match the filter (for paging).
    fn count_audit_events(
        &self,
        filter: &AuditFilter,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// How many different reports had their text opened (a `view_raw` entry of a report)
    /// in `[from, to)`, by `actor` or by anyone: a moderator's workload, counted from the
    /// audit trail.
    fn reports_opened(
        &self,
        actor: Option<UserId>,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;
}

pub(crate) fn audit_from_row(row: &AnyRow) -> Result<AuditEvent, StorageError> {
    let c = Cols::new(row, "audit_events");
    Ok(AuditEvent {
        id: c.parsed("id")?,
        at: c.time("at")?,
        actor: c.opt_parsed("actor")?,
        action: c.parsed("action")?,
        subject: c.opt_text("subject")?,
        detail: c.opt_text("detail")?,
    })
}

pub(crate) async fn write_audit(
    conn: &mut sqlx::AnyConnection,
    e: &AuditEvent,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO audit_events (id, at, actor, action, subject, detail) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(e.id.to_string())
    .bind(ts(e.at))
    .bind(e.actor.map(|a| a.to_string()))
    .bind(e.action.as_str())
    .bind(e.subject.as_deref())
    .bind(e.detail.as_deref())
    .execute(conn)
    .await?;
    Ok(())
}

impl AuditStore for Store {
    async fn append_audit(&self, event: &AuditEvent) -> Result<(), StorageError> {
        let mut conn = self.pool().acquire().await?;
        write_audit(&mut conn, event).await
    }

    async fn audit_events(
        &self,
        filter: &AuditFilter,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<AuditEvent>, StorageError> {
        let sql = format!(
            "SELECT id, at, actor, action, subject, detail FROM audit_events \
             WHERE {FILTER_WHERE} ORDER BY at DESC, id LIMIT $6 OFFSET $7"
        );
        let rows = filter
            .bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
            .bind(i64::from(limit))
            .bind(i64::from(offset))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(audit_from_row).collect()
    }

    async fn reports_opened(
        &self,
        actor: Option<UserId>,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> Result<u64, StorageError> {
        // The review page audits its raw text as "report" or "report, contact details".
        let row = sqlx::query(
            "SELECT COUNT(DISTINCT subject) AS n FROM audit_events \
             WHERE action = $1 AND detail LIKE 'report%' AND ($2 IS NULL OR actor = $2) \
             AND at >= $3 AND at < $4",
        )
        .bind(AuditAction::ViewRaw.as_str())
        .bind(actor.map(|a| a.to_string()))
        .bind(ts(from))
        .bind(ts(to))
        .fetch_one(self.pool())
        .await?;
        let c = Cols::new(&row, "audit_events");
        let n = c.int("n")?;
        u64::try_from(n).map_err(|e| c.corrupt("n", e))
    }

    async fn count_audit_events(&self, filter: &AuditFilter) -> Result<u64, StorageError> {
        let sql = format!("SELECT COUNT(*) AS n FROM audit_events WHERE {FILTER_WHERE}");
        let row = filter
            .bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
            .fetch_one(self.pool())
            .await?;
        let c = Cols::new(&row, "audit_events");
        let n = c.int("n")?;
        u64::try_from(n).map_err(|e| c.corrupt("n", e))
    }
}
