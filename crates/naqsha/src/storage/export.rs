//! Reading every coded case for the analysts' export, a page at a time. No text column is
//! selected: titles and stories (drafts or published) never leave through here.

use std::future::Future;

use naqsha_core::case::{CaseStatus, Verification};
use naqsha_core::ids::CaseId;
use naqsha_core::period::YearMonth;
use naqsha_core::places::PlaceId;
use naqsha_core::submission::{Channel, Consent};
use naqsha_core::taxonomy::Labels;
use time::OffsetDateTime;

use super::rows::Cols;
use super::{StorageError, Store};

/// A case as coded by moderators, without any of its text.
#[derive(Debug, Clone, PartialEq)]
pub struct CodedCase {
    /// The id.
    pub id: CaseId,
    /// The channel of the report it was derived from (none for cases entered by staff).
    pub channel: Option<Channel>,
    /// Status.
    pub status: CaseStatus,
    /// The taxonomy version the labels were coded with.
    pub taxonomy_version: String,
    /// Categories in every dimension.
    pub labels: Labels,
    /// The generalised place.
    pub place: Option<PlaceId>,
    /// Its province.
    pub province: Option<PlaceId>,
    /// The month.
    pub period: Option<YearMonth>,
    /// What the reporter allowed.
    pub consent: Consent,
    /// How far it was checked.
    pub verification: Verification,
    /// Fictional demo data.
    pub demo: bool,
    /// Created.
    pub created_at: OffsetDateTime,
    /// Last changed.
    pub updated_at: OffsetDateTime,
    /// First made public.
    pub published_at: Option<OffsetDateTime>,
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
        let rows = sqlx::query(
            "SELECT c.id, s.channel, c.status, c.taxonomy_version, c.labels, c.place, \
             c.province, c.period, c.consent, c.verification, c.demo, c.created_at, \
             c.updated_at, c.published_at FROM cases c \
             LEFT JOIN submissions s ON s.id = c.submission_id \
             WHERE ($1 IS NULL OR c.id > $1) ORDER BY c.id LIMIT $2",
        )
        .bind(after.map(|a| a.to_string()))
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let c = Cols::new(row, "cases");
                let labels = c.labels("labels")?;
                let period = c.opt_month("period")?;
                Ok(CodedCase {
                    id: c.parsed("id")?,
                    channel: c.opt_parsed("channel")?,
                    status: c.parsed("status")?,
                    taxonomy_version: c.text("taxonomy_version")?,
                    labels,
                    place: c.opt_parsed("place")?,
                    province: c.opt_parsed("province")?,
                    period,
                    consent: c.parsed("consent")?,
                    verification: c.parsed("verification")?,
                    demo: c.flag("demo")?,
                    created_at: c.time("created_at")?,
                    updated_at: c.time("updated_at")?,
                    published_at: c.opt_time("published_at")?,
                })
            })
            .collect()
    }
}
