//! The in-memory snapshot of counted cases and the selections the public pages make of it.
//!
//! Two kinds of case are counted: published stories, and cases a survivor agreed to have
//! counted in statistics only. Both count in every total, circle and chart; only stories
//! can be listed. A count-only case enters the snapshot as a [`CountedCase`], which has no
//! id and no text, and is kept in the index alone: [`Snapshot::cases`] and
//! [`Selection::cases`], the only way to reach a case's details, hold stories only.
//!
//! A story's categories are kept once, as its bit row in the index: its record
//! ([`StoryRecord`]) has no field for them, and [`Snapshot::story`] rebuilds them (as
//! [`Labels`]) when a card, an API record or an export row is drawn. A `Labels` map per story
//! was most of the snapshot's memory: about 2.5 KB a case, against a few bytes a row.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use naqsha_core::case::Verification;
use naqsha_core::ids::CaseId;
use naqsha_core::period::YearMonth;
use naqsha_core::places::{Gazetteer, Place, PlaceId, PlaceLevel};
use naqsha_core::taxonomy::{DimensionKey, Labels, Taxonomy, TermKey};

pub use naqsha_core::case::{CaseSummary, CountedCase, PublicCase};

use super::query::PublicQuery;
#[cfg(doc)]
use crate::storage::PublicStore;

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
    /// The published stories (count-only cases are not among them), without their
    /// categories: [`Self::story`] draws one whole. Each record is shared with the snapshots
    /// before and after this one, which differ from it by a few cases.
    pub cases: Vec<Arc<StoryRecord>>,
    bits: Arc<TermBits>,
    /// One row per counted case: the stories first (at their index in `cases`), then the
    /// count-only cases.
    rows: Rows,
    /// Provinces of the cases, in first-seen order; `Code::province` indexes it.
    provinces: Vec<PlaceId>,
    /// Places with a map position; `Code::place` indexes it.
    places: Vec<PlaceId>,
    by_id: HashMap<CaseId, u32>,
    /// The ids of the count-only cases, in the order of their rows (after the stories'):
    /// kept only to update such a case in place, never shown. `None` for a case indexed
    /// without one ([`Self::with_count_only`]).
    count_only: Vec<Option<CaseId>>,
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
    key: DimensionKey,
    first: usize,
    terms: Vec<TermKey>,
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
                    key: d.key.clone(),
                    first,
                    terms: d.terms.iter().map(|t| t.key.clone()).collect(),
                }
            })
            .collect();
        TermBits {
            words: next.div_ceil(64).max(1),
            dimensions,
        }
    }

    fn dimension(&self, key: &str) -> Option<&DimensionBits> {
        self.dimensions.iter().find(|d| d.key.as_str() == key)
    }

    fn bit(&self, dimension: &str, term: &str) -> Option<usize> {
        let d = self.dimension(dimension)?;
        d.terms
            .iter()
            .position(|t| t.as_str() == term)
            .map(|i| d.first + i)
    }

    /// The terms whose bits `row` has set, as labels (the keys are the taxonomy's, shared).
    fn labels(&self, row: &[u64]) -> Labels {
        self.dimensions
            .iter()
            .flat_map(|d| {
                d.terms
                    .iter()
                    .enumerate()
                    .filter(move |(j, _)| has_bit(row, d.first + j))
                    .map(move |(_, t)| (d.key.clone(), t.clone()))
            })
            .collect()
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

fn has_bit(row: &[u64], bit: usize) -> bool {
    row.get(bit / 64)
        .is_some_and(|w| w & (1 << (bit % 64)) != 0)
}

/// A published story as the snapshot keeps it: all that a list, the map or an export shows
/// of it except its categories, which live once, as its row in the index. There is no field
/// to read them from, so none can be read emptied: [`Snapshot::story`] draws the story whole.
#[derive(Debug, PartialEq)]
pub struct StoryRecord {
    /// The id.
    pub id: CaseId,
    /// The published place: a district or a province.
    pub place: Option<PlaceId>,
    /// Its district, when the place is one.
    pub district: Option<PlaceId>,
    /// Its province.
    pub province: Option<PlaceId>,
    /// The month.
    pub period: Option<YearMonth>,
    /// English title, if written.
    pub title_en: Option<Box<str>>,
    /// Urdu title, if written.
    pub title_ur: Option<Box<str>>,
    /// Fictional demo data.
    pub demo: bool,
    /// How far it was checked.
    pub verification: Verification,
    /// The month it was first made public.
    pub published: Option<YearMonth>,
    /// Its terms that have no bit in the snapshot's taxonomy (normally none): a case coded
    /// with an older taxonomy, or imported, may carry one, and exports have always listed it
    /// under its dimension. Kept here so that a drawn story has every category it was
    /// published with; private, so the record cannot be built outside this module.
    unindexed: Option<Box<Labels>>,
}

impl StoryRecord {
    /// The record of `case`, whose categories went to its index row but for `unindexed`.
    /// Place ids the gazetteer has are taken from it: shared, not one copy per case.
    fn new(case: PublicCase, unindexed: Option<Box<Labels>>, gazetteer: &Gazetteer) -> Self {
        let shared = |id: Option<PlaceId>| {
            id.map(|id| gazetteer.get(&id).map(|p| p.id().clone()).unwrap_or(id))
        };
        Self {
            id: case.id,
            place: shared(case.place),
            district: shared(case.district),
            province: shared(case.province),
            period: case.period,
            title_en: case.title_en.map(String::into_boxed_str),
            title_ur: case.title_ur.map(String::into_boxed_str),
            demo: case.demo,
            verification: case.verification,
            published: case.published,
            unindexed,
        }
    }

    /// The map position: the point of its district, or of its province when only that is
    /// published; none without a place.
    pub fn position<'g>(&self, gazetteer: &'g Gazetteer) -> Option<&'g Place> {
        gazetteer.get(self.place.as_ref()?)
    }

    /// Its place in the list: newest month first, then by id (the API's cursors are made of
    /// it too).
    pub fn list_order(&self) -> ListOrder {
        (Reverse(self.period), self.id)
    }
}

/// A story's place in the list ([`StoryRecord::list_order`]).
pub type ListOrder = (Reverse<Option<YearMonth>>, CaseId);

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
        let mut builder = SnapshotBuilder::new(generation, taxonomy, gazetteer);
        for c in cases {
            builder.push_story(c);
        }
        for c in count_only {
            builder.push_count_only(None, c);
        }
        builder.finish_in(false)
    }

    /// Every counted case read from the store, in any order: what a full read gives the
    /// [`SnapshotBuilder`] one at a time.
    #[cfg(test)]
    pub(crate) fn from_summaries(
        generation: u64,
        summaries: Vec<(CaseId, CaseSummary)>,
        taxonomy: &Taxonomy,
        gazetteer: &Gazetteer,
    ) -> Self {
        let mut builder = SnapshotBuilder::new(generation, taxonomy, gazetteer);
        for (id, summary) in summaries {
            builder.push(id, summary);
        }
        builder.finish()
    }

    /// This snapshot with the cases `touched` taken out and the counted ones among them put
    /// back as `fresh` (read from the store after the change) says: a publication, an edit,
    /// a withdrawal, a case becoming or ceasing to be counted. Every other case keeps its
    /// record (shared, not copied) and its index row (copied: a few bytes).
    pub(crate) fn changed(
        &self,
        generation: u64,
        touched: &HashSet<CaseId>,
        fresh: Vec<(CaseId, CaseSummary)>,
        gazetteer: &Gazetteer,
    ) -> Self {
        let mut coder = Coder::new(
            self.bits.clone(),
            gazetteer,
            self.provinces.clone(),
            self.places.clone(),
        );
        let words = self.bits.words;
        // The stories read again are coded as they come, then merged into the list in order.
        let mut added = Vec::new();
        let mut added_rows = Rows::new(words);
        let mut added_count_only = Vec::new();
        for (id, summary) in fresh {
            match summary {
                CaseSummary::Story(c) => {
                    let record = coder.story(with_district(c, gazetteer), &mut added_rows);
                    added.push(Arc::new(record));
                }
                CaseSummary::CountOnly(c) => added_count_only.push((id, c)),
            }
        }
        let mut order: Vec<usize> = (0..added.len()).collect();
        order.sort_by_key(|&j| added[j].list_order());
        let mut rows = Rows::with_capacity(self.rows.len() + added.len(), words);
        let mut cases = Vec::with_capacity(self.cases.len() + added.len());
        let kept = (0..self.cases.len()).filter(|&i| !touched.contains(&self.cases[i].id));
        let mut kept = kept.peekable();
        let mut order = order.into_iter().peekable();
        loop {
            let take_old = match (kept.peek(), order.peek()) {
                (Some(&i), Some(&j)) => self.cases[i].list_order() < added[j].list_order(),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if take_old {
                let Some(i) = kept.next() else { break };
                rows.copy(&self.rows, i);
                cases.push(self.cases[i].clone());
            } else {
                let Some(j) = order.next() else { break };
                rows.copy(&added_rows, j);
                cases.push(added[j].clone());
            }
        }
        let first_count_only = self.cases.len();
        let mut ids = Vec::with_capacity(self.count_only.len() + added_count_only.len());
        for (j, id) in self.count_only.iter().enumerate() {
            if id.is_some_and(|id| touched.contains(&id)) {
                continue;
            }
            rows.copy(&self.rows, first_count_only + j);
            ids.push(*id);
        }
        for (id, c) in &added_count_only {
            coder.push(Facts::from(c), &mut rows);
            ids.push(Some(*id));
        }
        Self::assemble(generation, cases, ids, rows, coder)
    }

    fn assemble(
        generation: u64,
        cases: Vec<Arc<StoryRecord>>,
        count_only: Vec<Option<CaseId>>,
        rows: Rows,
        coder: Coder<'_>,
    ) -> Self {
        let by_id = cases
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let years = rows
            .codes
            .iter()
            .filter(|c| c.year != NO_YEAR)
            .map(|c| i32::from(c.year))
            .fold(None, |acc: Option<(i32, i32)>, y| {
                Some(acc.map_or((y, y), |(lo, hi)| (lo.min(y), hi.max(y))))
            });
        Snapshot {
            generation,
            cases,
            bits: coder.bits,
            rows,
            provinces: coder.provinces,
            places: coder.places,
            by_id,
            count_only,
            years,
        }
    }

    fn row(&self, i: usize) -> &[u64] {
        self.rows.row(i)
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
        for (i, code) in self.rows.codes.iter().enumerate() {
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
            .map(|d| self.bits.dimension_mask(d.key.as_str()))
            .collect();
        let mut recorded = vec![0u32; wanted.len()];
        let mut by_province = vec![0u32; self.provinces.len()];
        let mut without_province = 0;
        let mut by_verification = [0u32; 3];
        for &i in &selection.counted {
            let i = i as usize;
            let Some(code) = self.rows.codes.get(i) else {
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
                    key: d.key.as_str().to_owned(),
                    terms: d
                        .terms
                        .iter()
                        .enumerate()
                        .map(|(j, t)| (t.as_str().to_owned(), per_bit[d.first + j]))
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
            match self.rows.periods.get(i as usize).copied().flatten() {
                Some(m) => *months.entry(m).or_insert(0) += 1,
                None => without += 1,
            }
        }
        (months, without)
    }

    /// How many cases are counted (stories and count-only).
    pub fn counted(&self) -> usize {
        self.rows.len()
    }

    /// Whether story `i` carries `term` of `dimension` (a term of the snapshot's taxonomy).
    pub fn has_term(&self, i: u32, dimension: &str, term: &str) -> bool {
        self.bits
            .bit(dimension, term)
            .is_some_and(|bit| has_bit(self.row(i as usize), bit))
    }

    /// The categories of story `i` (an index into [`Self::cases`]), rebuilt from its index
    /// row, with any term the snapshot's taxonomy has no bit for.
    pub fn labels(&self, i: u32) -> Labels {
        let i = i as usize;
        let mut labels = self.bits.labels(self.row(i));
        if let Some(unindexed) = &self.cases[i].unindexed {
            labels.extend(unindexed.pairs().map(|(d, t)| (d.clone(), t.clone())));
        }
        labels
    }

    /// Story `i` (an index into [`Self::cases`], as [`Selection::cases`] holds them) whole:
    /// its record with its categories, for a card, an API record or an export row.
    pub fn story(&self, i: u32) -> PublicCase {
        let c = &self.cases[i as usize];
        PublicCase {
            id: c.id,
            labels: self.labels(i),
            place: c.place.clone(),
            district: c.district.clone(),
            province: c.province.clone(),
            period: c.period,
            title_en: c.title_en.as_deref().map(str::to_owned),
            title_ur: c.title_ur.as_deref().map(str::to_owned),
            demo: c.demo,
            verification: c.verification,
            published: c.published,
        }
    }

    /// The stories `which` (indexes into [`Self::cases`]), each drawn whole only as the
    /// iterator reaches it: an export of every story never holds them all whole at once.
    pub fn stories<'a>(
        &'a self,
        which: &'a [u32],
    ) -> impl ExactSizeIterator<Item = PublicCase> + 'a {
        which.iter().map(|&i| self.story(i))
    }

    /// The oldest and newest year of a case with a month.
    pub fn years(&self) -> Option<(i32, i32)> {
        self.years
    }

    /// A story by id, drawn whole.
    pub fn case(&self, id: CaseId) -> Option<PublicCase> {
        let &i = self.by_id.get(&id)?;
        ((i as usize) < self.cases.len()).then(|| self.story(i))
    }
}

/// A snapshot built one case at a time, as a full read streams them from the store
/// ([`PublicStore::each_counted_case`]): each case becomes its record and index row as it
/// arrives, so every case whole (with its `Labels`) is never in memory at once.
pub(crate) struct SnapshotBuilder<'g> {
    generation: u64,
    coder: Coder<'g>,
    /// The stories in the order they came, and their rows.
    stories: Vec<Arc<StoryRecord>>,
    story_rows: Rows,
    /// The count-only cases' ids and rows.
    count_only: Vec<Option<CaseId>>,
    count_rows: Rows,
}

impl<'g> SnapshotBuilder<'g> {
    /// An empty snapshot at publication counter `generation`, to index with `taxonomy`.
    pub(crate) fn new(generation: u64, taxonomy: &Taxonomy, gazetteer: &'g Gazetteer) -> Self {
        let bits = Arc::new(TermBits::new(taxonomy));
        let words = bits.words;
        Self {
            generation,
            coder: Coder::new(bits, gazetteer, Vec::new(), Vec::new()),
            stories: Vec::new(),
            story_rows: Rows::new(words),
            count_only: Vec::new(),
            count_rows: Rows::new(words),
        }
    }

    /// Adds a counted case as the store reads it; a story gets its district.
    pub(crate) fn push(&mut self, id: CaseId, summary: CaseSummary) {
        match summary {
            CaseSummary::Story(c) => self.push_story(with_district(c, self.coder.gazetteer)),
            CaseSummary::CountOnly(c) => self.push_count_only(Some(id), &c),
        }
    }

    fn push_story(&mut self, c: PublicCase) {
        let record = self.coder.story(c, &mut self.story_rows);
        self.stories.push(Arc::new(record));
    }

    fn push_count_only(&mut self, id: Option<CaseId>, c: &CountedCase) {
        // A count-only case is never drawn: a term without a bit has nowhere to show.
        self.coder.push(Facts::from(c), &mut self.count_rows);
        self.count_only.push(id);
    }

    /// The snapshot, its stories in list order.
    pub(crate) fn finish(self) -> Snapshot {
        self.finish_in(true)
    }

    /// The snapshot, its stories in list order with `sort`, else in the order they came.
    fn finish_in(self, sort: bool) -> Snapshot {
        let SnapshotBuilder {
            generation,
            coder,
            stories,
            story_rows,
            count_only,
            count_rows,
        } = self;
        let mut order: Vec<usize> = (0..stories.len()).collect();
        if sort {
            order.sort_by_key(|&i| stories[i].list_order());
        }
        let mut rows = Rows::with_capacity(story_rows.len() + count_rows.len(), story_rows.words);
        let mut cases = Vec::with_capacity(stories.len());
        for i in order {
            rows.copy(&story_rows, i);
            cases.push(stories[i].clone());
        }
        drop((stories, story_rows));
        rows.append(&count_rows);
        Snapshot::assemble(generation, cases, count_only, rows, coder)
    }
}

/// A story with its district (its place, when that is a district of the gazetteer).
fn with_district(c: PublicCase, gazetteer: &Gazetteer) -> PublicCase {
    let district = c
        .place
        .as_ref()
        .and_then(|p| gazetteer.get(p))
        .filter(|p| p.level() == PlaceLevel::District)
        .map(|p| p.id().clone());
    PublicCase { district, ..c }
}

/// Index rows: per case its numbers, its month and `words` words of term bits.
#[derive(Debug, Default)]
struct Rows {
    words: usize,
    codes: Vec<Code>,
    periods: Vec<Option<YearMonth>>,
    terms: Vec<u64>,
}

impl Rows {
    fn new(words: usize) -> Self {
        Self::with_capacity(0, words)
    }

    fn with_capacity(n: usize, words: usize) -> Self {
        Rows {
            words,
            codes: Vec::with_capacity(n),
            periods: Vec::with_capacity(n),
            terms: Vec::with_capacity(n * words),
        }
    }

    fn len(&self) -> usize {
        self.codes.len()
    }

    fn row(&self, i: usize) -> &[u64] {
        &self.terms[i * self.words..(i + 1) * self.words]
    }

    /// Row `i` of `from`, as it is (coded with the same places' numbers and term bits).
    fn copy(&mut self, from: &Rows, i: usize) {
        self.codes.push(from.codes[i]);
        self.periods.push(from.periods[i]);
        self.terms.extend_from_slice(from.row(i));
    }

    /// Every row of `from`, after these.
    fn append(&mut self, from: &Rows) {
        self.codes.extend_from_slice(&from.codes);
        self.periods.extend_from_slice(&from.periods);
        self.terms.extend_from_slice(&from.terms);
    }
}

/// Codes cases as index rows: numbers their provinces and mapped places (keeping the numbers
/// an earlier snapshot gave) and sets their terms' bits.
struct Coder<'g> {
    bits: Arc<TermBits>,
    gazetteer: &'g Gazetteer,
    provinces: Vec<PlaceId>,
    places: Vec<PlaceId>,
    province_index: HashMap<PlaceId, u16>,
    place_index: HashMap<PlaceId, u16>,
}

impl<'g> Coder<'g> {
    fn new(
        bits: Arc<TermBits>,
        gazetteer: &'g Gazetteer,
        provinces: Vec<PlaceId>,
        places: Vec<PlaceId>,
    ) -> Self {
        let numbered = |list: &[PlaceId]| {
            list.iter()
                .enumerate()
                .map(|(i, p)| (p.clone(), u16::try_from(i).unwrap_or(NONE)))
                .collect()
        };
        Coder {
            province_index: numbered(&provinces),
            place_index: numbered(&places),
            bits,
            gazetteer,
            provinces,
            places,
        }
    }

    fn number(id: &PlaceId, list: &mut Vec<PlaceId>, index: &mut HashMap<PlaceId, u16>) -> u16 {
        *index.entry(id.clone()).or_insert_with(|| {
            list.push(id.clone());
            u16::try_from(list.len() - 1).unwrap_or(NONE)
        })
    }

    /// Codes story `c` into `rows` and keeps the rest of it as its record.
    fn story(&mut self, c: PublicCase, rows: &mut Rows) -> StoryRecord {
        let unindexed = self.push(Facts::from(&c), rows);
        StoryRecord::new(c, unindexed, self.gazetteer)
    }

    /// Codes one case into `rows`; returns its terms that have no bit, if it has any.
    fn push(&mut self, c: Facts<'_>, rows: &mut Rows) -> Option<Box<Labels>> {
        let province = c.province.map_or(NONE, |p| {
            Self::number(p, &mut self.provinces, &mut self.province_index)
        });
        let place = c
            .place
            .filter(|p| self.gazetteer.get(p).is_some())
            .map_or(NONE, |p| {
                Self::number(p, &mut self.places, &mut self.place_index)
            });
        let year = c
            .period
            .and_then(|p| i16::try_from(p.year()).ok())
            .filter(|y| *y != NO_YEAR);
        rows.codes.push(Code {
            province,
            place,
            year: year.unwrap_or(NO_YEAR),
            verification: match c.verification {
                Verification::Unverified => 0,
                Verification::Corroborated => 1,
                Verification::Verified => 2,
            },
        });
        rows.periods.push(c.period);
        let start = rows.terms.len();
        rows.terms.resize(start + self.bits.words, 0);
        let row = &mut rows.terms[start..];
        let mut unindexed = Labels::new();
        for (dimension, term) in c.labels.pairs() {
            match self.bits.bit(dimension.as_str(), term.as_str()) {
                Some(bit) => row[bit / 64] |= 1 << (bit % 64),
                None => {
                    unindexed.insert(dimension.clone(), term.clone());
                }
            }
        }
        (!unindexed.is_empty()).then(|| Box::new(unindexed))
    }
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
        assert_eq!(snapshot.case(some.id).as_ref(), Some(some));
        assert_eq!(snapshot.case(CaseId::random()), None);
        // Every story drawn from the snapshot is the case it was given, its categories
        // (kept only as its index row) included; so is every story of the mixed one.
        for (i, c) in cases.iter().enumerate() {
            assert_eq!(snapshot.story(i as u32), *c);
        }
        let all_stories: Vec<u32> = (0..stories.len() as u32).collect();
        assert!(mixed.stories(&all_stories).eq(stories.iter().cloned()));
    }

    /// A term the snapshot's taxonomy has no bit for (a case coded with an older taxonomy)
    /// is not lost: the drawn story and its export record carry it as before, though no
    /// filter or count can see it.
    #[test]
    fn terms_without_a_bit_are_kept_with_the_story() {
        let tax = Taxonomy::pakistan_default();
        let g = Gazetteer::pakistan();
        let old = case(
            Some("pk-pb-lahore"),
            Some("pk-pb"),
            "2021-04",
            &[
                ("platform", "whatsapp"),
                ("platform", "orkut"),
                ("retired_dimension", "anything"),
            ],
        );
        let plain = case(
            Some("pk-sd"),
            Some("pk-sd"),
            "2022-01",
            &[("act", "threats")],
        );
        let snapshot = Snapshot::new(1, vec![old.clone(), plain.clone()], tax, g);
        assert_eq!(snapshot.story(0), old);
        assert_eq!(snapshot.story(1), plain);
        assert!(snapshot.cases[1].unindexed.is_none(), "nothing kept apart");
        assert!(snapshot.has_term(0, "platform", "whatsapp"));
        assert!(!snapshot.has_term(0, "platform", "orkut"));
        assert_eq!(snapshot.select(&query("platform=whatsapp")).cases, [0]);
        let record = crate::public::export::CaseRecord::new(&snapshot.story(0), tax, g);
        assert_eq!(
            record.categories.get("platform"),
            Some(&vec!["orkut".to_owned(), "whatsapp".to_owned()]),
            "an export row lists it as it always did"
        );
        assert_eq!(record, crate::public::export::CaseRecord::new(&old, tax, g));

        // Read from the store and changed in place, it is kept too.
        let summaries = vec![(plain.id, CaseSummary::Story(plain.clone()))];
        let read = Snapshot::from_summaries(1, summaries, tax, g);
        let touched = HashSet::from([old.id]);
        let changed = read.changed(
            2,
            &touched,
            vec![(old.id, CaseSummary::Story(old.clone()))],
            g,
        );
        assert_eq!(
            changed.case(old.id),
            Some(PublicCase {
                district: old.place.clone(),
                ..old
            })
        );
    }

    /// What a snapshot shows: every listed case in order and every count of a few filters.
    fn shown(s: &Snapshot) -> Vec<String> {
        let mut out = vec![format!("{:?}", s.years())];
        for qs in [
            "",
            "province=pk-sd",
            "from=2019&to=2021&platform=facebook",
            "act=threats",
        ] {
            let q = query(qs);
            let sel = s.select(&q);
            let listed: Vec<PublicCase> = s.stories(&sel.cases).collect();
            let tally = s.tally(&sel, &["act", "platform"]);
            out.push(format!(
                "{qs}: {listed:?} {} {} {:?} {:?} {:?} {:?} {:?} {:?}",
                sel.counted(),
                sel.with_position,
                sel.by_place,
                sel.by_year,
                s.by_month(&sel),
                tally.dimensions,
                tally.by_province,
                tally.by_verification
            ));
        }
        out
    }

    /// A snapshot changed in place (cases published, edited, withdrawn, coded statistics
    /// only or taken out of it) shows exactly what one built from scratch shows.
    #[test]
    fn a_change_in_place_shows_what_a_new_snapshot_shows() {
        let tax = Taxonomy::pakistan_default();
        let g = Gazetteer::pakistan();
        let districts = g.districts();
        let all: Vec<(CaseId, CaseSummary)> =
            naqsha_core::demo::demo_cases(tax, districts.len(), 2000, 11)
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
                    if i % 9 == 0 {
                        c.place = Some(PlaceId::new("pk-gb").unwrap());
                        c.province = Some(PlaceId::new("pk-gb").unwrap());
                    }
                    let id = c.id;
                    let summary = if i % 4 == 0 {
                        CaseSummary::CountOnly(CountedCase {
                            labels: c.labels,
                            place: c.place,
                            province: c.province,
                            period: c.period,
                            verification: Verification::Verified,
                        })
                    } else {
                        CaseSummary::Story(c)
                    };
                    (id, summary)
                })
                .collect();
        let (before, later) = all.split_at(1500);
        let old = Snapshot::from_summaries(1, before.to_vec(), tax, g);

        // Touched: 40 new cases, 30 withdrawn (stories and count-only), 30 edited (a story
        // becomes count-only, a count-only case a story, a place and a month change).
        let mut now: Vec<(CaseId, CaseSummary)> = before.to_vec();
        let mut touched: HashSet<CaseId> = HashSet::new();
        let mut fresh = Vec::new();
        for (id, s) in &later[..40] {
            touched.insert(*id);
            fresh.push((*id, s.clone()));
            now.push((*id, s.clone()));
        }
        for k in 0..30 {
            let (id, _) = now.remove(k * 37);
            touched.insert(id);
        }
        for k in 0..30 {
            let at = k * 41 + 3;
            let (id, s) = now[at].clone();
            let edited = match s {
                CaseSummary::Story(mut c) if k % 2 == 0 => {
                    c.title_en = Some(format!("Edited {k}"));
                    c.period = Some("2018-02".parse().unwrap());
                    c.place = Some(PlaceId::new("pk-sd").unwrap());
                    c.province = Some(PlaceId::new("pk-sd").unwrap());
                    CaseSummary::Story(c)
                }
                CaseSummary::Story(c) => CaseSummary::CountOnly(CountedCase {
                    labels: c.labels,
                    place: c.place,
                    province: c.province,
                    period: c.period,
                    verification: c.verification,
                }),
                CaseSummary::CountOnly(c) => CaseSummary::Story(PublicCase {
                    id,
                    labels: c.labels,
                    place: c.place,
                    province: c.province,
                    period: c.period,
                    ..case(None, None, "2020-01", &[])
                }),
            };
            touched.insert(id);
            fresh.push((id, edited.clone()));
            now[at] = (id, edited);
        }
        let changed = old.changed(2, &touched, fresh, g);
        let rebuilt = Snapshot::from_summaries(2, now.clone(), tax, g);
        assert_eq!(changed.counted(), rebuilt.counted());
        assert_eq!(shown(&changed), shown(&rebuilt));
        // Every story, drawn from either, is the case the store gave: its categories rebuilt
        // from its index row (copied, or coded by the change) equal the ones it was read with.
        let mut stories = 0;
        for (id, summary) in &now {
            let CaseSummary::Story(c) = summary else {
                assert_eq!(changed.case(*id), None, "a count-only case is never drawn");
                continue;
            };
            let read = with_district(c.clone(), g);
            assert_eq!(changed.case(*id).as_ref(), Some(&read));
            assert_eq!(rebuilt.case(*id).as_ref(), Some(&read));
            stories += 1;
        }
        assert_eq!(changed.cases.len(), stories);
        // Unchanged stories are the same records, shared rather than copied.
        let kept = old.cases.iter().find(|c| !touched.contains(&c.id)).unwrap();
        let again = changed.cases.iter().find(|c| c.id == kept.id).unwrap();
        assert!(Arc::ptr_eq(kept, again));
    }
}
