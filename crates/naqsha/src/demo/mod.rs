//! Seeding fictional, clearly labelled demo cases (`serve --demo`, `demo seed --cases N`):
//! published stories, and cases coded "statistics only" (categories, a district and a month,
//! no public text) that the public side counts but never lists.

mod campaign;
mod creative;

pub use campaign::{DEMO_CAMPAIGN_SLUG, seed_campaign};
pub use creative::seed_creative;

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::case::{Case, CaseStatus, PublicStory, Verification};
use naqsha_core::demo::demo_cases;
use naqsha_core::ids::CaseId;
use naqsha_core::period::YearMonth;
use naqsha_core::places::{Gazetteer, Place};
use naqsha_core::submission::Consent;
use naqsha_core::taxonomy::Taxonomy;
use naqsha_core::text::{PublicText, PublicTitle};
use time::OffsetDateTime;

use crate::storage::{AuditStore, ModerationStore, StorageError, Store};

/// Districts ordered so that the most populous come first (the generator weights early
/// districts more, as real reports cluster in big cities).
fn districts_by_size(gazetteer: &Gazetteer) -> Vec<&Place> {
    let mut districts = gazetteer.districts();
    let size = |d: &Place| {
        gazetteer
            .towns_of(d.id())
            .iter()
            .filter_map(|t| t.population())
            .max()
            .or(d.population())
    };
    districts.sort_by(|a, b| size(b).cmp(&size(a)).then_with(|| a.id().cmp(b.id())));
    districts
}

/// How many statistics-only cases `serve --demo` adds to its published ones.
pub const DEMO_STATISTICS_ONLY: usize = 60;

/// Builds `n` demo cases (deterministic content for a seed) and stores them, published.
pub async fn seed(
    store: &Store,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
    n: usize,
    seed: u64,
) -> Result<usize, StorageError> {
    seed_as(store, taxonomy, gazetteer, n, seed, CaseStatus::Published).await
}

/// Builds `n` demo cases as the moderator codes a "statistics only" report: categories, a
/// district and a month, no public text. The public side counts them and never lists them.
pub async fn seed_statistics_only(
    store: &Store,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
    n: usize,
    seed: u64,
) -> Result<usize, StorageError> {
    seed_as(
        store,
        taxonomy,
        gazetteer,
        n,
        seed,
        CaseStatus::StatisticsOnly,
    )
    .await
}

async fn seed_as(
    store: &Store,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
    n: usize,
    seed: u64,
    status: CaseStatus,
) -> Result<usize, StorageError> {
    let published = status == CaseStatus::Published;
    let districts = districts_by_size(gazetteer);
    let now = OffsetDateTime::now_utc();
    let corrupt = |column: &'static str, e: String| StorageError::Corrupt {
        table: "demo",
        column,
        reason: e,
    };
    let mut batch = Vec::with_capacity(1000.min(n));
    let mut written = 0;
    for (i, demo) in demo_cases(taxonomy, districts.len(), n, seed)
        .into_iter()
        .enumerate()
    {
        let district = districts[demo.district_index.min(districts.len() - 1)];
        let story = |title: &str, text: &str| -> Result<PublicStory, StorageError> {
            Ok(PublicStory {
                title: PublicTitle::parse(title).map_err(|e| corrupt("title", e.to_string()))?,
                text: PublicText::parse(text).map_err(|e| corrupt("text", e.to_string()))?,
            })
        };
        let (story_en, story_ur, consent) = if published {
            (
                Some(story(&demo.title_en, &demo.text_en)?),
                Some(story(&demo.title_ur, &demo.text_ur)?),
                Consent::Publish,
            )
        } else {
            (None, None, Consent::StatisticsOnly)
        };
        batch.push(Case {
            id: CaseId::random(),
            submission: None,
            status,
            taxonomy_version: taxonomy.version().as_str().to_owned(),
            labels: demo.labels.clone(),
            place: Some(district.id().clone()),
            province: gazetteer.province_of(district.id()).map(|p| p.id().clone()),
            period: Some(
                YearMonth::new(demo.year, demo.month)
                    .map_err(|e| corrupt("period", e.to_string()))?,
            ),
            story_en,
            story_ur,
            consent,
            verification: match i % 7 {
                0 => Verification::Verified,
                1 | 2 => Verification::Corroborated,
                _ => Verification::Unverified,
            },
            demo: true,
            created_at: now,
            updated_at: now,
            published_at: published.then_some(now),
        });
        if batch.len() == 1000 {
            store.save_cases(&batch).await?;
            written += batch.len();
            batch.clear();
        }
    }
    store.save_cases(&batch).await?;
    written += batch.len();
    store
        .append_audit(
            &AuditEvent::now(None, AuditAction::DemoSeeded).detail(format!("{written} cases")),
        )
        .await?;
    Ok(written)
}

mod inbox;
pub mod responses;

pub use inbox::seed_inbox;
