//! The coded-cases list: cases in every status, filtered and paged.

use naqsha_core::case::Case;

use super::CaseListFilter;
use super::query::Conditions;
use crate::storage::case_row::{CASE_COLUMNS, case_from_row};
use crate::storage::rows::Cols;
use crate::storage::{StorageError, Store};

fn conditions(filter: &CaseListFilter) -> Conditions {
    let mut c = Conditions::default();
    if let Some(status) = filter.status {
        c.text("status = ?", status.as_str().to_owned());
    }
    if let Some(kind) = &filter.kind {
        c.text(
            "id IN (SELECT case_id FROM case_labels WHERE dimension = 'kind' AND term = ?)",
            kind.clone(),
        );
    }
    if let Some(province) = &filter.province {
        c.text("province = ?", province.to_string());
    }
    c
}

pub(super) async fn list(
    store: &Store,
    filter: &CaseListFilter,
    limit: u32,
    offset: u32,
) -> Result<Vec<Case>, StorageError> {
    let c = conditions(filter);
    let n = c.next_param();
    let sql = format!(
        "SELECT {CASE_COLUMNS} FROM cases{} ORDER BY updated_at DESC, id LIMIT ${n} OFFSET ${}",
        c.where_clause(),
        n + 1
    );
    let rows = c
        .bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
        .bind(i64::from(limit))
        .bind(i64::from(offset))
        .fetch_all(store.pool())
        .await?;
    rows.iter().map(case_from_row).collect()
}

pub(super) async fn count(store: &Store, filter: &CaseListFilter) -> Result<i64, StorageError> {
    let c = conditions(filter);
    let sql = format!("SELECT COUNT(*) AS n FROM cases{}", c.where_clause());
    let row = c
        .bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
        .fetch_one(store.pool())
        .await?;
    Cols::new(&row, "cases").int("n")
}
