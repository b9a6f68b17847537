//! The public side of storage: only published cases, and the facts of statistics-only cases
//! that are counted (never their text); never a sealed column.

use std::future::Future;

use futures_util::TryStreamExt;
use naqsha_core::case::{Case, CaseStatus, CaseSummary, CountedCase, PublicCase};
use naqsha_core::ids::{CaseId, SubmissionId};
use naqsha_core::places::PlaceId;
use naqsha_core::submission::Consent;
use naqsha_core::text::PublicTitle;

use super::case_row::{CASE_COLUMNS, CODED_COLUMNS, case_from_row, coded_case};
use super::response::{PublicResponse, PublicResponseFilter, ResponseStore};
use super::rows::Cols;
use super::{CaseChanges, StorageError, Store};

/// Which published cases to show.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    /// Only this province.
    pub province: Option<PlaceId>,
    /// Only cases carrying this (dimension, term) label.
    pub label: Option<(String, String)>,
}

/// Reading published cases.
pub trait PublicStore {
    /// Published cases, newest period first.
    fn published_cases(
        &self,
        filter: &CaseFilter,
        limit: u32,
        offset: u32,
    ) -> impl Future<Output = Result<Vec<Case>, StorageError>> + Send;

    /// How many published cases match.
    fn count_published(
        &self,
        filter: &CaseFilter,
    ) -> impl Future<Output = Result<i64, StorageError>> + Send;

    /// One published case; cases in any other status are not found.
    fn published_case(
        &self,
        id: CaseId,
    ) -> impl Future<Output = Result<Option<Case>, StorageError>> + Send;

    /// The published case derived from a submission, if there is one.
    fn published_case_for_submission(
        &self,
        submission: SubmissionId,
    ) -> impl Future<Output = Result<Option<CaseId>, StorageError>> + Send;

    /// The publication counter: moves whenever any case is written or deleted, so a cached
    /// view of the published cases knows it is stale.
    fn publication_generation(&self) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Every counted case without its text, for the public side's in-memory index, given to
    /// `each` one at a time as its row is read: the published stories (with their titles) and
    /// the statistics-only cases (their categories, place, month and verification alone),
    /// each with its id (a count-only case's stays inside the snapshot, which needs it to
    /// update that case in place). A case counts as
    /// [`naqsha_core::case::Case::counts_in_statistics`] says. No list of every case is made:
    /// the snapshot codes each case compactly as it comes, so the cases whole are never all
    /// in memory at once.
    fn each_counted_case<F>(
        &self,
        each: F,
    ) -> impl Future<Output = Result<(), StorageError>> + Send
    where
        F: FnMut(CaseId, CaseSummary) + Send;

    /// The counted cases among `ids`, each with its id, as [`Self::each_counted_case`]
    /// reads them: what the public side's snapshot updates in place after a change. A case
    /// of `ids` that is absent is no longer counted (or no longer exists).
    fn counted_cases(
        &self,
        ids: &[CaseId],
    ) -> impl Future<Output = Result<Vec<(CaseId, CaseSummary)>, StorageError>> + Send;

    /// The changes of cases from now on, as this store announces them (every node's on
    /// PostgreSQL, this process's on SQLite).
    fn case_changes(&self) -> CaseChanges;

    /// Published cases per province (None: no place recorded), largest first.
    fn published_by_province(
        &self,
    ) -> impl Future<Output = Result<Vec<(Option<PlaceId>, i64)>, StorageError>> + Send;

    /// Approved responses from the public, newest first: only the records an approval wrote
    /// ([`ResponseStore::published_responses`]), never a waiting one.
    fn approved_responses(
        &self,
        filter: &PublicResponseFilter,
        limit: u32,
        offset: u32,
    ) -> impl Future<Output = Result<Vec<PublicResponse>, StorageError>> + Send;
}

/// A stored title read as a [`PublicTitle`], so it reaches the public side in published form
/// (a case stored before a rule of that form was added, e.g. stripping what hides, gets it
/// too).
fn public_title(c: &Cols<'_>, column: &'static str) -> Result<Option<String>, StorageError> {
    c.opt_text(column)?
        .map(|t| {
            PublicTitle::parse(&t)
                .map(String::from)
                .map_err(|e| c.corrupt(column, e))
        })
        .transpose()
}

/// Moves the publication counter (inside the transaction that writes or deletes a case) and
/// returns its new value, which the transaction announces (`super::changes`).
pub(crate) async fn bump_publication(conn: &mut sqlx::AnyConnection) -> Result<u64, StorageError> {
    let row = sqlx::query(
        "INSERT INTO meta (key, value) VALUES ('publication_generation', '1') \
         ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS TEXT) \
         RETURNING value",
    )
    .fetch_one(conn)
    .await?;
    let c = Cols::new(&row, "meta");
    let value = c.text("value")?;
    value.parse().map_err(|_| c.corrupt("value", value))
}

const FILTER_SQL: &str = "status = $1 AND ($2 IS NULL OR province = $2) \
     AND ($3 IS NULL OR id IN (SELECT case_id FROM case_labels WHERE dimension = $3 AND term = $4))";

impl PublicStore for Store {
    fn case_changes(&self) -> CaseChanges {
        Store::case_changes(self)
    }

    async fn publication_generation(&self) -> Result<u64, StorageError> {
        let row = sqlx::query("SELECT value FROM meta WHERE key = 'publication_generation'")
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else { return Ok(0) };
        let c = Cols::new(&row, "meta");
        let value = c.text("value")?;
        value.parse().map_err(|_| c.corrupt("value", value))
    }

    async fn each_counted_case<F>(&self, mut each: F) -> Result<(), StorageError>
    where
        F: FnMut(CaseId, CaseSummary) + Send,
    {
        counted(self, None, &mut each).await
    }

    async fn counted_cases(
        &self,
        ids: &[CaseId],
    ) -> Result<Vec<(CaseId, CaseSummary)>, StorageError> {
        let mut found = Vec::new();
        for chunk in ids.chunks(500) {
            counted(self, Some(chunk), &mut |id, summary| {
                found.push((id, summary))
            })
            .await?;
        }
        Ok(found)
    }

    async fn published_cases(
        &self,
        filter: &CaseFilter,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<Case>, StorageError> {
        let sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases WHERE {FILTER_SQL} \
             ORDER BY period DESC, id LIMIT $5 OFFSET $6"
        );
        let (dim, term) = filter.label.clone().unzip();
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(CaseStatus::Published.as_str())
            .bind(filter.province.as_ref().map(|p| p.to_string()))
            .bind(dim)
            .bind(term)
            .bind(i64::from(limit))
            .bind(i64::from(offset))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(case_from_row).collect()
    }

    async fn count_published(&self, filter: &CaseFilter) -> Result<i64, StorageError> {
        let sql = format!("SELECT COUNT(*) AS n FROM cases WHERE {FILTER_SQL}");
        let (dim, term) = filter.label.clone().unzip();
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(CaseStatus::Published.as_str())
            .bind(filter.province.as_ref().map(|p| p.to_string()))
            .bind(dim)
            .bind(term)
            .fetch_one(self.pool())
            .await?;
        Cols::new(&row, "cases").int("n")
    }

    async fn published_case(&self, id: CaseId) -> Result<Option<Case>, StorageError> {
        let sql = format!("SELECT {CASE_COLUMNS} FROM cases WHERE id = $1 AND status = $2");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .bind(CaseStatus::Published.as_str())
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(case_from_row).transpose()
    }

    async fn published_case_for_submission(
        &self,
        submission: SubmissionId,
    ) -> Result<Option<CaseId>, StorageError> {
        let row = sqlx::query(
            "SELECT id FROM cases WHERE submission_id = $1 AND status = $2 ORDER BY id LIMIT 1",
        )
        .bind(submission.to_string())
        .bind(CaseStatus::Published.as_str())
        .fetch_optional(self.pool())
        .await?;
        row.as_ref()
            .map(|r| Cols::new(r, "cases").parsed("id"))
            .transpose()
    }

    async fn published_by_province(&self) -> Result<Vec<(Option<PlaceId>, i64)>, StorageError> {
        let rows = sqlx::query(
            "SELECT province, COUNT(*) AS n FROM cases WHERE status = $1 \
             GROUP BY province ORDER BY n DESC, province",
        )
        .bind(CaseStatus::Published.as_str())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let c = Cols::new(r, "cases");
                Ok((c.opt_parsed("province")?, c.int("n")?))
            })
            .collect()
    }

    async fn approved_responses(
        &self,
        filter: &PublicResponseFilter,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<PublicResponse>, StorageError> {
        ResponseStore::published_responses(self, filter, limit, offset).await
    }
}

/// The counted cases (of `ids` only, when given) without their text, each given to `each`
/// as its row is read.
async fn counted(
    store: &Store,
    ids: Option<&[CaseId]>,
    each: &mut (impl FnMut(CaseId, CaseSummary) + Send),
) -> Result<(), StorageError> {
    // The titles of a count-only case are never read, not even into memory; no story text
    // is read at all.
    let only = ids.map_or_else(String::new, |ids| {
        let marks: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 4)).collect();
        format!(" AND id IN ({})", marks.join(", "))
    });
    let sql = format!(
        "SELECT {CODED_COLUMNS}, \
         CASE WHEN status = $1 THEN title_en END AS title_en, \
         CASE WHEN status = $1 THEN title_ur END AS title_ur FROM cases \
         WHERE status IN ($1, $2) AND consent <> $3{only}"
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(CaseStatus::Published.as_str())
        .bind(CaseStatus::StatisticsOnly.as_str())
        .bind(Consent::Private.as_str());
    for id in ids.unwrap_or_default() {
        query = query.bind(id.to_string());
    }
    // Row by row, each handed on at once: every row read first would be a second copy of
    // all the cases in memory while the snapshot is built.
    let mut rows = query.fetch(store.pool());
    while let Some(row) = rows.try_next().await? {
        let c = Cols::new(&row, "cases");
        let case = coded_case(&c)?;
        let id = case.id;
        if case.status != CaseStatus::Published {
            each(id, CaseSummary::CountOnly(CountedCase::of(&case)));
            continue;
        }
        let (title_en, title_ur) = (public_title(&c, "title_en")?, public_title(&c, "title_ur")?);
        let story =
            PublicCase::of(case, title_en, title_ur).map_err(|e| c.corrupt("published_at", e))?;
        each(id, CaseSummary::Story(story));
    }
    Ok(())
}
