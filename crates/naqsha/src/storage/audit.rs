//! The append-only audit log. There is no update or delete here, and the database refuses
//! them too (triggers in the migrations).

use std::future::Future;

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::ids::UserId;
use sqlx::any::AnyRow;

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
        let rows = sqlx::query(
            "SELECT id, at, actor, action, subject, detail FROM audit_events \
             WHERE ($1 IS NULL OR actor = $1) AND ($2 IS NULL OR action = $2) \
             AND ($3 IS NULL OR subject = $3) ORDER BY at DESC, id LIMIT $4 OFFSET $5",
        )
        .bind(filter.actor.map(|a| a.to_string()))
        .bind(filter.action.map(|a| a.as_str()))
        .bind(filter.subject.as_deref())
        .bind(i64::from(limit))
        .bind(i64::from(offset))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(audit_from_row).collect()
    }
}
