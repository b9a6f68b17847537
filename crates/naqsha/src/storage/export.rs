//! Reading every coded case for the analysts' export, a page at a time. No text column is
//! selected: titles and stories (drafts or published) never leave through here.

use std::future::Future;

use naqsha_core::case::Case;
use naqsha_core::ids::CaseId;
use naqsha_core::submission::Channel;

use super::case_row::{CODED_COLUMNS, coded_case};
use super::rows::Cols;
use super::{StorageError, Store};

/// A case as coded by moderators, without any of its text: `case.story_en` and
/// `case.story_ur` are always `None`, since no text column is read.
#[derive(Debug, Clone, PartialEq)]
pub struct CodedCase {
    /// The channel of the report it was derived from (none for cases entered by staff).
    pub channel: Option<Channel>,
    /// The case, without its stories.
    pub case: Case,
}

impl std::ops::Deref for CodedCase {
    type Target = Case;

    fn deref(&self) -> &Case {
        &self.case
    }
}

/// Reading coded cases for exports.
pub trait ExportStore {
    /// Up to `limit` cases of any status with an id after `after`, in id order (keyset
    /// paging, so an export of any size holds one page in memory).
    fn coded_cases_after(
        &self,
        after: Option<CaseId>,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<CodedCase>, StorageError>> + Send;
}

impl ExportStore for Store {
    async fn coded_cases_after(
        &self,
        after: Option<CaseId>,
        limit: u32,
    ) -> Result<Vec<CodedCase>, StorageError> {
        let sql = format!(
            "SELECT {CODED_COLUMNS}, (SELECT s.channel FROM submissions s \
             WHERE s.id = cases.submission_id) AS channel FROM cases \
             WHERE ($1 IS NULL OR id > $1) ORDER BY id LIMIT $2"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(after.map(|a| a.to_string()))
            .bind(i64::from(limit))
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| {
                let c = Cols::new(row, "cases");
                Ok(CodedCase {
                    channel: c.opt_parsed("channel")?,
                    case: coded_case(&c)?,
                })
            })
            .collect()
    }
}
