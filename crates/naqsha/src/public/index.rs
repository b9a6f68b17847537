//! The in-memory snapshot of counted cases and the selections the public pages make of it.
//!
//! Two kinds of case are counted: published stories, and cases a survivor agreed to have
//! counted in statistics only. Both count in every total, circle and chart; only stories
//! can be listed. A count-only case enters the snapshot as a [`CountedCase`], which has no
//! id and no text, and is kept in the index alone: [`Snapshot::cases`] and
//! [`Selection::cases`], the only way to reach a case's details, hold stories only.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use naqsha_core::case::Verification;
use naqsha_core::ids::CaseId;
use naqsha_core::period::YearMonth;
use naqsha_core::places::{Gazetteer, PlaceId, PlaceLevel};
use naqsha_core::taxonomy::{Labels, Taxonomy};

pub use naqsha_core::case::{CaseSummary, CountedCase, PublicCase};

use super::query::PublicQuery;
use crate::storage::{PublicStore, StorageError, quick};

/// How often the publication counter is checked at most.
const CHECK_EVERY: Duration = Duration::from_secs(1);

/// Every counted case at one moment, with a compact index of what the filters and counts
/// look at; the stories among them, newest period first (then by id), in [`Self::cases`].
///
/// Filtering and counting 100,000 cases must take a few milliseconds, so the index holds
/// each case's categories as a bit set over the taxonomy's terms and its province, mapped
/// place and year as small numbers: a selection is a pass over flat arrays, with no string
/// compared and nothing allocated per case.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The publication counter it was built at.
    pub generation: u64,
    /// The published stories (count-only cases are not among them).
    pub cases: Vec<PublicCase>,
    bits: TermBits,
    /// One per counted case: the stories first (at their index in `cases`), then the
    /// count-only cases.
    codes: Vec<Code>,
    /// The month of each counted case.
    periods: Vec<Option<YearMonth>>,
    /// `bits.words` words per case.
    terms: Vec<u64>,
    /// Provinces of the cases, in first-seen order; `Code::province` indexes it.
    provinces: Vec<PlaceId>,
    /// Places with a map position; `Code::place` indexes it.
    places: Vec<PlaceId>,
    by_id: HashMap<CaseId, u32>,
    /// The oldest and newest year of a case with a month.
    years: Option<(i32, i32)>,
}

/// No province, no mapped place, no year.
const NONE: u16 = u16::MAX;
const NO_YEAR: i16 = i16::MIN;

/// The numbers of one case.
#[derive(Debug, Clone, Copy)]
struct Code {
    province: u16,
    place: u16,
    year: i16,
    verification: u8,
}

/// The taxonomy's terms numbered as bits, each dimension's terms in a run in taxonomy order.
#[derive(Debug, Default)]
struct TermBits {
    words: usize,
    dimensions: Vec<DimensionBits>,
}

/// The run of bits of one dimension.
#[derive(Debug)]
struct DimensionBits {
    key: String,
    first: usize,
    terms: Vec<String>,
}

impl TermBits {
    fn new(taxonomy: &Taxonomy) -> Self {
        let mut next = 0;
        let dimensions = taxonomy
            .dimensions()
            .iter()
            .map(|d| {
                let first = next;
                next += d.terms.len();
                DimensionBits {
                    key: d.key.as_str().to_owned(),
                    first,
                    terms: d.terms.iter().map(|t| t.key.as_str().to_owned()).collect(),
                }
            })
            .collect();
        TermBits {
            words: next.div_ceil(64).max(1),
            dimensions,
        }
    }

    fn dimension(&self, key: &str) -> Option<&DimensionBits> {
        self.dimensions.iter().find(|d| d.key == key)
    }

    fn bit(&self, dimension: &str, term: &str) -> Option<usize> {
        let d = self.dimension(dimension)?;
        d.terms.iter().position(|t| t == term).map(|i| d.first + i)
    }

    /// The bits of `terms` of `dimension` (terms the taxonomy lacks have none).
    fn mask<'a>(&self, dimension: &str, terms: impl IntoIterator<Item = &'a str>) -> Vec<u64> {
        let mut mask = vec![0; self.words];
        for t in terms {
            if let Some(bit) = self.bit(dimension, t) {
                mask[bit / 64] |= 1 << (bit % 64);
            }
        }
        mask
    }

    /// The bits of every term of `dimension`.
    fn dimension_mask(&self, dimension: &str) -> Vec<u64> {
        let mut mask = vec![0; self.words];
        if let Some(d) = self.dimension(dimension) {
            for bit in d.first..d.first + d.terms.len() {
                mask[bit / 64] |= 1 << (bit % 64);
            }
        }
        mask
    }
}

fn intersects(a: &[u64], b: &[u64]) -> bool {
    a.iter().zip(b).any(|(x, y)| x & y != 0)
}

/// The cases matching `q`: the stories to list, and the counts every view shows beside
/// them, which take in the count-only cases too.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// The matching stories: indexes into [`Snapshot::cases`], in list order.
    pub cases: Vec<u32>,
    /// Every matching counted case (stories and count-only), as index rows; never listed.
    counted: Vec<u32>,
    /// How many counted cases carry a map position.
    pub with_position: usize,
    /// Counted cases per published place (district or province) with a position.
    pub by_place: BTreeMap<PlaceId, u32>,
    /// Counted cases per year (cases without a month are not counted here).
    pub by_year: BTreeMap<i32, u32>,
}

impl Selection {
    /// How many cases match and are counted: stories and statistics-only cases. This is
    /// the exact number; what is published of it goes through
    /// [`naqsha_core::disclosure::PublicCount`].
    pub fn counted(&self) -> usize {
        self.counted.len()
    }

    /// How many stories match (the length of the list).
    pub fn stories(&self) -> usize {
        self.cases.len()
    }
}

/// The counts of one taxonomy dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionCounts {
    /// The dimension key.
    pub key: String,
    /// (term key, cases carrying it), in taxonomy order.
    pub terms: Vec<(String, u32)>,
    /// Cases with at least one term of this dimension recorded.
    pub recorded: u32,
}

/// Counts of a selection per term, per province and per verification level
/// ([`Snapshot::tally`]).
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// Per dimension asked for that the taxonomy has, in the order asked for.
    pub dimensions: Vec<DimensionCounts>,
    /// Cases per province; `None` for cases without one.
    pub by_province: BTreeMap<Option<PlaceId>, u32>,
    /// Cases per verification level: unverified, corroborated, verified.
    pub by_verification: [u32; 3],
}

/// What the index reads of one counted case.
struct Facts<'a> {
    labels: &'a Labels,
    place: Option<&'a PlaceId>,
    province: Option<&'a PlaceId>,
    period: Option<YearMonth>,
    verification: Verification,
}

impl<'a> From<&'a PublicCase> for Facts<'a> {
    fn from(c: &'a PublicCase) -> Self {
        Facts {
            labels: &c.labels,
            place: c.place.as_ref(),
            province: c.province.as_ref(),
            period: c.period,
            verification: c.verification,
        }
    }
}

impl<'a> From<&'a CountedCase> for Facts<'a> {
    fn from(c: &'a CountedCase) -> Self {
        Facts {
            labels: &c.labels,
            place: c.place.as_ref(),
            province: c.province.as_ref(),
            period: c.period,
            verification: c.verification,
        }
    }
}

impl Snapshot {
    /// Indexes the stories `cases` (already in list order) for filtering and counting with
    /// `taxonomy`; `gazetteer` decides which places have a map position.
    pub fn new(
        generation: u64,
        cases: Vec<PublicCase>,
        taxonomy: &Taxonomy,
        gazetteer: &Gazetteer,
    ) -> Self {
        Self::with_count_only(generation, cases, &[], taxonomy, gazetteer)
    }

    /// Indexes the stories `cases` (already in list order) and the `count_only` cases, which
    /// are counted with them but never listed.
    pub fn with_count_only(
        generation: u64,
        cases: Vec<PublicCase>,
        count_only: &[CountedCase],
        taxonomy: &Taxonomy,
        gazetteer: &Gazetteer,
    ) -> Self {
        let bits = TermBits::new(taxonomy);
        let mut provinces: Vec<PlaceId> = Vec::new();
        let mut places: Vec<PlaceId> = Vec::new();
        let mut province_index: HashMap<PlaceId, u16> = HashMap::new();
        let mut place_index: HashMap<PlaceId, u16> = HashMap::new();
        let number = |id: &PlaceId, list: &mut Vec<PlaceId>, index: &mut HashMap<PlaceId, u16>| {
            *index.entry(id.clone()).or_insert_with(|| {
                list.push(id.clone());
                u16::try_from(list.len() - 1).unwrap_or(NONE)
            })
        };
        let counted = cases.len() + count_only.len();
        let mut codes = Vec::with_capacity(counted);
        let mut periods = Vec::with_capacity(counted);
        let mut terms = vec![0u64; counted * bits.words];
        let mut by_id = HashMap::with_capacity(cases.len());
        for (i, c) in cases.iter().enumerate() {
            by_id.insert(c.id, u32::try_from(i).unwrap_or(u32::MAX));
        }
        let mut years: Option<(i32, i32)> = None;
        let facts = cases
            .iter()
            .map(Facts::from)
            .chain(count_only.iter().map(Facts::from));
        for (i, c) in facts.enumerate() {
            let province = c
                .province
                .map_or(NONE, |p| number(p, &mut provinces, &mut province_index));
            let place = c
                .place
                .filter(|p| gazetteer.get(p).is_some())
                .map_or(NONE, |p| number(p, &mut places, &mut place_index));
            let year = c
                .period
                .and_then(|p| i16::try_from(p.year()).ok())
                .filter(|y| *y != NO_YEAR);
            if let Some(y) = year.map(i32::from) {
                years = Some(years.map_or((y, y), |(lo, hi)| (lo.min(y), hi.max(y))));
            }
            codes.push(Code {
                province,
                place,
                year: year.unwrap_or(NO_YEAR),
                verification: match c.verification {
                    Verification::Unverified => 0,
                    Verification::Corroborated => 1,
                    Verification::Verified => 2,
                },
            });
            periods.push(c.period);
            let row = &mut terms[i * bits.words..(i + 1) * bits.words];
            for (dimension, term) in c.labels.pairs() {
                if let Some(bit) = bits.bit(dimension.as_str(), term.as_str()) {
                    row[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        Snapshot {
            generation,
            cases,
            bits,
            codes,
            periods,
            terms,
            provinces,
            places,
            by_id,
            years,
        }
    }

    fn row(&self, i: usize) -> &[u64] {
        &self.terms[i * self.bits.words..(i + 1) * self.bits.words]
    }

    /// The cases matching `q`, with their counts.
    pub fn select(&self, q: &PublicQuery) -> Selection {
        let mut s = Selection::default();
        let province = match &q.province {
            None => None,
            Some(p) => match self.provinces.iter().position(|x| x == p) {
                Some(i) => Some(i as u16),
                // No published case is in that province.
                None => return s,
            },
        };
        let masks: Vec<Vec<u64>> = q
            .terms
            .iter()
            .map(|(d, terms)| self.bits.mask(d, terms.iter().map(String::as_str)))
            .collect();
        let from = q.from.map_or(i32::MIN, |y| y);
        let to = q.to.map_or(i32::MAX, |y| y);
        let years_filtered = q.from.is_some() || q.to.is_some();
        let mut by_place = vec![0u32; self.places.len()];
        let (first_year, last_year) = self.years.unwrap_or((0, 0));
        let mut by_year = vec![0u32; (last_year - first_year + 1).max(0) as usize];
        for (i, code) in self.codes.iter().enumerate() {
            if province.is_some_and(|p| p != code.province) {
                continue;
            }
            if years_filtered {
                let year = i32::from(code.year);
                if code.year == NO_YEAR || year < from || year > to {
                    continue;
                }
            }
            if !masks.is_empty() {
                let row = self.row(i);
                if !masks.iter().all(|m| intersects(row, m)) {
                    continue;
                }
            }
            if i < self.cases.len() {
                s.cases.push(i as u32);
            }
            s.counted.push(i as u32);
            if code.place != NONE {
                by_place[code.place as usize] += 1;
            }
            if code.year != NO_YEAR {
                by_year[(i32::from(code.year) - first_year) as usize] += 1;
            }
        }
        s.with_position = by_place.iter().map(|n| *n as usize).sum();
        s.by_place = self
            .places
            .iter()
            .zip(by_place)
            .filter(|(_, n)| *n > 0)
            .map(|(p, n)| (p.clone(), n))
            .collect();
        s.by_year = (first_year..)
            .zip(by_year)
            .filter(|(_, n)| *n > 0)
            .collect();
        s
    }

    /// Counts the counted cases of `selection` (stories and count-only) per term of each of `dimensions` (those the
    /// taxonomy of the snapshot lacks are skipped), per province and per verification level.
    pub fn tally(&self, selection: &Selection, dimensions: &[&str]) -> Tally {
        let words = self.bits.words;
        let mut per_bit = vec![0u32; words * 64];
        let wanted: Vec<&DimensionBits> = dimensions
            .iter()
            .filter_map(|d| self.bits.dimension(d))
            .collect();
        let masks: Vec<Vec<u64>> = wanted
            .iter()
            .map(|d| self.bits.dimension_mask(&d.key))
            .collect();
        let mut recorded = vec![0u32; wanted.len()];
        let mut by_province = vec![0u32; self.provinces.len()];
        let mut without_province = 0;
        let mut by_verification = [0u32; 3];
        for &i in &selection.counted {
            let i = i as usize;
            let Some(code) = self.codes.get(i) else {
                continue;
            };
            let row = self.row(i);
            for (w, &word) in row.iter().enumerate() {
                let mut rest = word;
                while rest != 0 {
                    per_bit[w * 64 + rest.trailing_zeros() as usize] += 1;
                    rest &= rest - 1;
                }
            }
            for (n, mask) in recorded.iter_mut().zip(&masks) {
                *n += u32::from(intersects(row, mask));
            }
            match code.province {
                NONE => without_province += 1,
                p => by_province[p as usize] += 1,
            }
            by_verification[code.verification as usize] += 1;
        }
        let mut provinces: BTreeMap<Option<PlaceId>, u32> = self
            .provinces
            .iter()
            .zip(by_province)
            .filter(|(_, n)| *n > 0)
            .map(|(p, n)| (Some(p.clone()), n))
            .collect();
        if without_province > 0 {
            provinces.insert(None, without_province);
        }
        Tally {
            dimensions: wanted
                .iter()
                .zip(recorded)
                .map(|(d, recorded)| DimensionCounts {
                    key: d.key.clone(),
                    terms: d
                        .terms
                        .iter()
                        .enumerate()
                        .map(|(j, t)| (t.clone(), per_bit[d.first + j]))
                        .collect(),
                    recorded,
                })
                .collect(),
            by_province: provinces,
            by_verification,
        }
    }

    /// The counted cases of `selection` per month, and how many have no month.
    pub fn by_month(&self, selection: &Selection) -> (BTreeMap<YearMonth, u32>, u32) {
        let mut months = BTreeMap::new();
        let mut without = 0;
        for &i in &selection.counted {
            match self.periods.get(i as usize).copied().flatten() {
                Some(m) => *months.entry(m).or_insert(0) += 1,
                None => without += 1,
            }
        }
        (months, without)
    }

    /// How many cases are counted (stories and count-only).
    pub fn counted(&self) -> usize {
        self.codes.len()
    }

    /// Whether story `i` carries `term` of `dimension`.
    pub fn has_term(&self, i: u32, dimension: &str, term: &str) -> bool {
        match self.bits.bit(dimension, term) {
            Some(bit) => self.row(i as usize)[bit / 64] & (1 << (bit % 64)) != 0,
            None => false,
        }
    }

    /// The oldest and newest year of a case with a month.
    pub fn years(&self) -> Option<(i32, i32)> {
        self.years
    }

    /// A case by id.
    pub fn case(&self, id: CaseId) -> Option<&PublicCase> {
        self.by_id
            .get(&id)
            .and_then(|&i| self.cases.get(i as usize))
    }
}

/// The shared, self-refreshing snapshot.
#[derive(Default)]
pub struct PublicIndex {
    current: RwLock<Option<Arc<Snapshot>>>,
    checked: Mutex<Option<Instant>>,
    rebuild: tokio::sync::Mutex<()>,
    /// The last check of the store failed: the snapshot served may be stale.
    stale: std::sync::atomic::AtomicBool,
}

impl PublicIndex {
    /// The current snapshot, rebuilt first if the store's publication counter moved since
    /// it was built (checked at most once a second; [`Self::invalidate`] forces a check).
    ///
    /// While the database is unavailable (the check fails or takes longer than
    /// [`crate::storage::QUICK_READ`]), the snapshot already in memory is served: published
    /// cases are public, so a slightly stale map beats none. Only with no snapshot yet does
    /// this fail.
    pub async fn snapshot(
        &self,
        store: &impl PublicStore,
        taxonomy: &Taxonomy,
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
        let generation = match quick(store.publication_generation()).await {
            Ok(generation) => {
                self.stale.store(false, Ordering::Relaxed);
                generation
            }
            Err(e) => {
                self.stale.store(true, Ordering::Relaxed);
                return match self.current() {
                    Some(current) => {
                        tracing::warn!(error = %e, "serving the published snapshot from memory");
                        Ok(current)
                    }
                    None => Err(e),
                };
            }
        };
        if let Some(current) = self.current().filter(|c| c.generation == generation) {
            return Ok(current);
        }
        // One rebuild at a time. While it runs, others are served the snapshot they had
        // (a rebuild of 100,000 cases takes seconds); only with none yet do they wait.
        let _one_at_a_time = match (self.rebuild.try_lock(), self.current()) {
            (Ok(guard), _) => guard,
            (Err(_), Some(stale)) => return Ok(stale),
            (Err(_), None) => self.rebuild.lock().await,
        };
        if let Some(current) = self.current().filter(|c| c.generation == generation) {
            return Ok(current);
        }
        let fresh = match build(store, taxonomy, gazetteer, generation).await {
            Ok(fresh) => Arc::new(fresh),
            Err(e) => {
                self.stale.store(true, Ordering::Relaxed);
                return match self.current() {
                    Some(current) => Ok(current),
                    None => Err(e),
                };
            }
        };
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = Some(fresh.clone());
        Ok(fresh)
    }

    /// Whether a snapshot is in memory, and whether the last check of the store failed (so
    /// it may be stale): what `/healthz` reports.
    pub fn state(&self) -> (bool, bool) {
        (self.current().is_some(), self.stale.load(Ordering::Relaxed))
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
    store: &impl PublicStore,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
    generation: u64,
) -> Result<Snapshot, StorageError> {
    let mut cases = Vec::new();
    let mut count_only = Vec::new();
    for summary in store.counted_summaries().await? {
        let c = match summary {
            CaseSummary::Story(c) => c,
            CaseSummary::CountOnly(c) => {
                count_only.push(c);
                continue;
            }
        };
        let district = c
            .place
            .as_ref()
            .and_then(|p| gazetteer.get(p))
            .filter(|p| p.level() == PlaceLevel::District)
            .map(|p| p.id().clone());
        cases.push(PublicCase { district, ..c });
    }
    cases.sort_by(|a, b| b.period.cmp(&a.period).then_with(|| a.id.cmp(&b.id)));
    Ok(Snapshot::with_count_only(
        generation,
        cases,
        &count_only,
        taxonomy,
        gazetteer,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

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
            published: None,
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
        let snapshot = Snapshot::new(
            1,
            vec![
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
            Taxonomy::pakistan_default(),
            g,
        );
        let all = snapshot.select(&query(""));
        assert_eq!((all.counted(), all.stories()), (4, 4));
        assert_eq!(
            all.with_position, 3,
            "the case without a place is listed, not mapped"
        );
        assert_eq!(
            all.by_place.values().sum::<u32>() as usize,
            all.with_position
        );
        assert_eq!(all.by_year.values().sum::<u32>(), 4);

        let whatsapp = snapshot.select(&query("platform=whatsapp"));
        assert_eq!(whatsapp.cases, [0, 2]);
        let either = snapshot.select(&query("platform=whatsapp&platform=facebook&province=pk-pb"));
        assert_eq!(either.cases, [0, 1]);
        let both_dims = snapshot.select(&query("platform=whatsapp&act=threats"));
        assert_eq!(both_dims.cases, [2]);
        let years = snapshot.select(&query("from=2020&to=2023"));
        assert_eq!(years.cases, [1]);
    }

    /// The straightforward reading of a filter, to check the index against.
    fn matches(c: &PublicCase, q: &PublicQuery) -> bool {
        if q.province.is_some() && c.province != q.province {
            return false;
        }
        let year = c.period.map(|p| p.year());
        if q.from.is_some_and(|f| year.is_none_or(|y| y < f))
            || q.to.is_some_and(|t| year.is_none_or(|y| y > t))
        {
            return false;
        }
        q.terms.iter().all(|(dimension, terms)| {
            c.labels
                .terms(dimension)
                .any(|t| terms.iter().any(|x| x == t.as_str()))
        })
    }

    #[test]
    fn the_index_selects_and_counts_like_reading_every_case() {
        let tax = Taxonomy::pakistan_default();
        let g = Gazetteer::pakistan();
        let districts = g.districts();
        let mut cases: Vec<PublicCase> =
            naqsha_core::demo::demo_cases(tax, districts.len(), 3000, 7)
                .into_iter()
                .enumerate()
                .map(|(i, d)| {
                    let district = districts[d.district_index].id();
                    let mut c = case(
                        Some(district.as_str()),
                        g.province_of(district).map(|p| p.id().as_str()),
                        &format!("{}-{:02}", d.year, d.month),
                        &[],
                    );
                    c.labels = d.labels;
                    // Some cases without a place or a month, as moderators may publish them.
                    if i % 11 == 0 {
                        c.place = None;
                        c.province = None;
                    }
                    if i % 13 == 0 {
                        c.period = None;
                    }
                    c
                })
                .collect();
        cases.sort_by(|a, b| b.period.cmp(&a.period).then_with(|| a.id.cmp(&b.id)));
        let snapshot = Snapshot::new(1, cases.clone(), tax, g);
        for qs in [
            "",
            "province=pk-sd",
            "province=pk-gb&platform=whatsapp",
            "from=2020",
            "to=2019&act=threats",
            "from=2019&to=2021&platform=facebook&platform=instagram",
            "kind=online_harassment_cyberstalking&harm=emotional",
            "perpetrator=stranger&harm=economic&province=pk-pb",
        ] {
            let q = query(qs);
            let selection = snapshot.select(&q);
            let expected: Vec<u32> = (0..cases.len() as u32)
                .filter(|&i| matches(&cases[i as usize], &q))
                .collect();
            assert_eq!(selection.cases, expected, "{qs}");
            let mapped = expected
                .iter()
                .filter(|&&i| cases[i as usize].place.is_some())
                .count();
            assert_eq!(selection.with_position, mapped, "{qs}");
            assert_eq!(
                selection.by_year.values().sum::<u32>() as usize,
                expected
                    .iter()
                    .filter(|&&i| cases[i as usize].period.is_some())
                    .count(),
                "{qs}"
            );

            let tally = snapshot.tally(&selection, &["platform", "outcome", "no_such"]);
            assert_eq!(tally.dimensions.len(), 2);
            for counts in &tally.dimensions {
                let (dimension, recorded) = (&counts.key, counts.recorded);
                for (term, n) in &counts.terms {
                    let by_reading = expected
                        .iter()
                        .filter(|&&i| cases[i as usize].labels.contains(dimension, term))
                        .count();
                    assert_eq!(*n as usize, by_reading, "{qs} {dimension} {term}");
                    for &i in &expected {
                        assert_eq!(
                            snapshot.has_term(i, dimension, term),
                            cases[i as usize].labels.contains(dimension, term)
                        );
                    }
                }
                let with_any = expected
                    .iter()
                    .filter(|&&i| cases[i as usize].labels.get(dimension).is_some())
                    .count();
                assert_eq!(recorded as usize, with_any, "{qs} {dimension}");
            }
            assert_eq!(
                tally.by_province.values().sum::<u32>() as usize,
                expected.len()
            );
            assert_eq!(
                tally.by_province.get(&None).copied().unwrap_or(0) as usize,
                expected
                    .iter()
                    .filter(|&&i| cases[i as usize].province.is_none())
                    .count()
            );
        }
        // The same cases with every third one counted only: the counts stay, the list loses
        // exactly those.
        let (stories, count_only): (Vec<_>, Vec<_>) =
            cases.iter().enumerate().partition(|(i, _)| i % 3 != 0);
        let stories: Vec<PublicCase> = stories.into_iter().map(|(_, c)| c.clone()).collect();
        let count_only: Vec<CountedCase> = count_only
            .into_iter()
            .map(|(_, c)| CountedCase {
                labels: c.labels.clone(),
                place: c.place.clone(),
                province: c.province.clone(),
                period: c.period,
                verification: c.verification,
            })
            .collect();
        let mixed = Snapshot::with_count_only(1, stories.clone(), &count_only, tax, g);
        assert_eq!(mixed.counted(), cases.len());
        for qs in ["", "province=pk-sd", "from=2019&to=2021&platform=facebook"] {
            let q = query(qs);
            let (all, part) = (snapshot.select(&q), mixed.select(&q));
            assert_eq!(part.counted(), all.counted(), "{qs}");
            assert_eq!(part.by_place, all.by_place, "{qs}");
            assert_eq!(part.by_year, all.by_year, "{qs}");
            assert_eq!(snapshot.by_month(&all), mixed.by_month(&part), "{qs}");
            let (a, b) = (snapshot.tally(&all, &["act"]), mixed.tally(&part, &["act"]));
            assert_eq!(a.dimensions, b.dimensions, "{qs}");
            assert_eq!(a.by_province, b.by_province, "{qs}");
            let listed: Vec<CaseId> = part
                .cases
                .iter()
                .map(|&i| mixed.cases[i as usize].id)
                .collect();
            let expected: Vec<CaseId> = stories
                .iter()
                .filter(|c| matches(c, &q))
                .map(|c| c.id)
                .collect();
            assert_eq!(listed, expected, "{qs}: only stories are listed");
        }
        let some = &cases[1234];
        assert_eq!(snapshot.case(some.id), Some(some));
        assert_eq!(snapshot.case(CaseId::random()), None);
    }
}
