//! The in-memory snapshot of published cases and the selections the public pages make of it.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use naqsha_core::case::Verification;
use naqsha_core::ids::CaseId;
use naqsha_core::period::YearMonth;
use naqsha_core::places::{Gazetteer, PlaceId, PlaceLevel};
use naqsha_core::taxonomy::Labels;
use time::OffsetDateTime;

use super::query::PublicQuery;
use crate::storage::{PublicStore, StorageError, Store};

/// How often the publication counter is checked at most.
const CHECK_EVERY: Duration = Duration::from_secs(1);

/// A published case as the public side needs it for lists, maps and counts (the full text
/// is read from storage for the one story shown).
#[derive(Debug, Clone, PartialEq)]
pub struct PublicCase {
    /// The id.
    pub id: CaseId,
    /// Categories.
    pub labels: Labels,
    /// The published place: a district or a province.
    pub place: Option<PlaceId>,
    /// Its district, when the place is one.
    pub district: Option<PlaceId>,
    /// Its province.
    pub province: Option<PlaceId>,
    /// The month.
    pub period: Option<YearMonth>,
    /// English title, if written.
    pub title_en: Option<String>,
    /// Urdu title, if written.
    pub title_ur: Option<String>,
    /// Fictional demo data.
    pub demo: bool,
    /// How far it was checked.
    pub verification: Verification,
    /// First made public.
    pub published_at: Option<OffsetDateTime>,
}

impl PublicCase {
    /// The map position: the point of its district, or of its province when only that is
    /// published; none without a place.
    pub fn position<'g>(&self, gazetteer: &'g Gazetteer) -> Option<&'g naqsha_core::places::Place> {
        gazetteer.get(self.place.as_ref()?)
    }

    fn matches(&self, q: &PublicQuery) -> bool {
        if q.province.is_some() && self.province != q.province {
            return false;
        }
        if q.from.is_some() || q.to.is_some() {
            let Some(year) = self.period.map(|p| p.year()) else {
                return false;
            };
            if q.from.is_some_and(|f| year < f) || q.to.is_some_and(|t| year > t) {
                return false;
            }
        }
        q.terms.iter().all(|(dimension, terms)| {
            self.labels
                .terms(dimension)
                .any(|t| terms.iter().any(|x| x == t.as_str()))
        })
    }
}

/// Every published case at one moment, newest period first (then by id).
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The publication counter it was built at.
    pub generation: u64,
    /// The cases.
    pub cases: Vec<PublicCase>,
}

/// The cases a query selects, with the counts every view shows beside them.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Indexes into [`Snapshot::cases`], in list order.
    pub cases: Vec<u32>,
    /// How many of them carry a map position.
    pub with_position: usize,
    /// Cases per published place (district or province) with a position.
    pub by_place: BTreeMap<PlaceId, u32>,
    /// Cases per year (cases without a month are not counted here).
    pub by_year: BTreeMap<i32, u32>,
}

impl Selection {
    /// How many cases match.
    pub fn total(&self) -> usize {
        self.cases.len()
    }
}

impl Snapshot {
    /// The cases matching `q`, with their counts.
    pub fn select(&self, q: &PublicQuery, gazetteer: &Gazetteer) -> Selection {
        let mut s = Selection::default();
        for (i, c) in self.cases.iter().enumerate() {
            if !c.matches(q) {
                continue;
            }
            s.cases.push(i as u32);
            if let Some(place) = &c.place
                && gazetteer.get(place).is_some()
            {
                s.with_position += 1;
                *s.by_place.entry(place.clone()).or_default() += 1;
            }
            if let Some(p) = c.period {
                *s.by_year.entry(p.year()).or_default() += 1;
            }
        }
        s
    }

    /// A case by id.
    pub fn case(&self, id: CaseId) -> Option<&PublicCase> {
        self.cases.iter().find(|c| c.id == id)
    }
}

/// The shared, self-refreshing snapshot.
#[derive(Default)]
pub struct PublicIndex {
    current: RwLock<Option<Arc<Snapshot>>>,
    checked: Mutex<Option<Instant>>,
    rebuild: tokio::sync::Mutex<()>,
}

impl PublicIndex {
    /// The current snapshot, rebuilt first if the store's publication counter moved since
    /// it was built (checked at most once a second; [`Self::invalidate`] forces a check).
    pub async fn snapshot(
        &self,
        store: &Store,
        gazetteer: &Gazetteer,
    ) -> Result<Arc<Snapshot>, StorageError> {
        let due = {
            let mut checked = self.checked.lock().unwrap_or_else(|p| p.into_inner());
            let due = checked.is_none_or(|t| t.elapsed() >= CHECK_EVERY);
            if due {
                *checked = Some(Instant::now());
            }
            due
        };
        if let Some(current) = self.current()
            && !due
        {
            return Ok(current);
        }
        let generation = store.publication_generation().await?;
        if let Some(current) = self.current().filter(|c| c.generation == generation) {
            return Ok(current);
        }
        // One rebuild at a time; whoever waited finds it done.
        let _one_at_a_time = self.rebuild.lock().await;
        if let Some(current) = self.current().filter(|c| c.generation == generation) {
            return Ok(current);
        }
        let fresh = Arc::new(build(store, gazetteer, generation).await?);
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = Some(fresh.clone());
        Ok(fresh)
    }

    fn current(&self) -> Option<Arc<Snapshot>> {
        self.current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Makes the next [`Self::snapshot`] check the counter at once (after a publication in
    /// this process).
    pub fn invalidate(&self) {
        *self.checked.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}

async fn build(
    store: &Store,
    gazetteer: &Gazetteer,
    generation: u64,
) -> Result<Snapshot, StorageError> {
    let mut cases = Vec::new();
    for c in store.published_summaries().await? {
        let district = c
            .place
            .as_ref()
            .and_then(|p| gazetteer.get(p))
            .filter(|p| p.level() == PlaceLevel::District)
            .map(|p| p.id().clone());
        cases.push(PublicCase { district, ..c });
    }
    cases.sort_by(|a, b| b.period.cmp(&a.period).then_with(|| a.id.cmp(&b.id)));
    Ok(Snapshot { generation, cases })
}

#[cfg(test)]
mod tests {
    use super::*;
    use naqsha_core::taxonomy::Taxonomy;

    fn case(
        place: Option<&str>,
        province: Option<&str>,
        period: &str,
        labels: &[(&str, &str)],
    ) -> PublicCase {
        let mut l = Labels::new();
        for (d, t) in labels {
            l.insert_str(d, t).unwrap();
        }
        PublicCase {
            id: CaseId::random(),
            labels: l,
            place: place.map(|p| PlaceId::new(p).unwrap()),
            district: None,
            province: province.map(|p| PlaceId::new(p).unwrap()),
            period: Some(period.parse().unwrap()),
            title_en: None,
            title_ur: None,
            demo: false,
            verification: Verification::Unverified,
            published_at: None,
        }
    }

    fn query(qs: &str) -> PublicQuery {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(qs.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        PublicQuery::parse(
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            Taxonomy::pakistan_default(),
            Gazetteer::pakistan(),
        )
        .unwrap()
    }

    #[test]
    fn selections_count_what_they_list() {
        let g = Gazetteer::pakistan();
        let snapshot = Snapshot {
            generation: 1,
            cases: vec![
                case(
                    Some("pk-pb-lahore"),
                    Some("pk-pb"),
                    "2024-05",
                    &[("platform", "whatsapp")],
                ),
                case(
                    Some("pk-pb-lahore"),
                    Some("pk-pb"),
                    "2023-01",
                    &[("platform", "facebook")],
                ),
                case(
                    Some("pk-sd"),
                    Some("pk-sd"),
                    "2024-02",
                    &[("platform", "whatsapp"), ("act", "threats")],
                ),
                case(None, None, "2019-07", &[("act", "threats")]),
            ],
        };
        let all = snapshot.select(&query(""), g);
        assert_eq!(all.total(), 4);
        assert_eq!(
            all.with_position, 3,
            "the case without a place is listed, not mapped"
        );
        assert_eq!(
            all.by_place.values().sum::<u32>() as usize,
            all.with_position
        );
        assert_eq!(all.by_year.values().sum::<u32>(), 4);

        let whatsapp = snapshot.select(&query("platform=whatsapp"), g);
        assert_eq!(whatsapp.cases, [0, 2]);
        let either = snapshot.select(
            &query("platform=whatsapp&platform=facebook&province=pk-pb"),
            g,
        );
        assert_eq!(either.cases, [0, 1]);
        let both_dims = snapshot.select(&query("platform=whatsapp&act=threats"), g);
        assert_eq!(both_dims.cases, [2]);
        let years = snapshot.select(&query("from=2020&to=2023"), g);
        assert_eq!(years.cases, [1]);
    }
}
