//! The in-memory snapshot of counted cases and the selections the public pages make of it.
//!
//! Two kinds of case are counted: published stories, and cases a survivor agreed to have
//! counted in statistics only. Both count in every total, circle and chart; only stories
//! can be listed. A count-only case enters the snapshot as a [`CountedCase`], which has no
//! id and no text, and is kept in the index alone: [`Snapshot::cases`] and
//! [`Selection::cases`], the only way to reach a case's details, hold stories only.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use naqsha_core::case::Verification;
use naqsha_core::ids::CaseId;
use naqsha_core::period::YearMonth;
use naqsha_core::places::{Gazetteer, PlaceId, PlaceLevel};
use naqsha_core::taxonomy::{Labels, Taxonomy};

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
    /// The published stories (count-only cases are not among them). Each record is shared
    /// with the snapshots before and after this one, which differ from it by a few cases.
    pub cases: Vec<Arc<PublicCase>>,
    bits: Arc<TermBits>,
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
        Self::build(
            generation,
            cases.into_iter().map(Arc::new).collect(),
            count_only.iter().map(|c| (None, c)),
            Arc::new(TermBits::new(taxonomy)),
            gazetteer,
        )
    }

    /// Every counted case read from the store, in any order, as [`PublicStore::counted_cases_all`]
    /// gives them: stories get their district and their place in the list.
    pub(crate) fn from_summaries(
        generation: u64,
        summaries: Vec<(CaseId, CaseSummary)>,
        taxonomy: &Taxonomy,
        gazetteer: &Gazetteer,
    ) -> Self {
        let mut stories = Vec::new();
        let mut count_only = Vec::new();
        for (id, summary) in summaries {
            match summary {
                CaseSummary::Story(c) => stories.push(Arc::new(with_district(c, gazetteer))),
                CaseSummary::CountOnly(c) => count_only.push((Some(id), c)),
            }
        }
        stories.sort_by_key(|c| list_order(c));
        Self::build(
            generation,
            stories,
            count_only.iter().map(|(id, c)| (*id, c)),
            Arc::new(TermBits::new(taxonomy)),
            gazetteer,
        )
    }

    fn build<'c>(
        generation: u64,
        cases: Vec<Arc<PublicCase>>,
        count_only: impl ExactSizeIterator<Item = (Option<CaseId>, &'c CountedCase)>,
        bits: Arc<TermBits>,
        gazetteer: &Gazetteer,
    ) -> Self {
        let counted = cases.len() + count_only.len();
        let mut coder = Coder::new(bits, gazetteer, Vec::new(), Vec::new());
        let mut rows = Rows::with_capacity(counted, coder.bits.words);
        for c in &cases {
            coder.push(Facts::from(&**c), &mut rows);
        }
        let mut ids = Vec::with_capacity(count_only.len());
        for (id, c) in count_only {
            coder.push(Facts::from(c), &mut rows);
            ids.push(id);
        }
        Self::assemble(generation, cases, ids, rows, coder)
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
        let mut added = Vec::new();
        let mut added_count_only = Vec::new();
        for (id, summary) in fresh {
            match summary {
                CaseSummary::Story(c) => added.push(Arc::new(with_district(c, gazetteer))),
                CaseSummary::CountOnly(c) => added_count_only.push((id, c)),
            }
        }
        added.sort_by_key(|c| list_order(c));
        let words = self.bits.words;
        let mut rows = Rows::with_capacity(self.codes.len() + added.len(), words);
        let mut cases = Vec::with_capacity(self.cases.len() + added.len());
        let kept = (0..self.cases.len()).filter(|&i| !touched.contains(&self.cases[i].id));
        let mut kept = kept.peekable();
        let mut added = added.into_iter().peekable();
        loop {
            let take_old = match (kept.peek(), added.peek()) {
                (Some(&i), Some(new)) => list_order(&self.cases[i]) < list_order(new),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if take_old {
                let Some(i) = kept.next() else { break };
                rows.copy(self, i);
                cases.push(self.cases[i].clone());
            } else {
                let Some(new) = added.next() else { break };
                coder.push(Facts::from(&*new), &mut rows);
                cases.push(new);
            }
        }
        let first_count_only = self.cases.len();
        let mut ids = Vec::with_capacity(self.count_only.len() + added_count_only.len());
        for (j, id) in self.count_only.iter().enumerate() {
            if id.is_some_and(|id| touched.contains(&id)) {
                continue;
            }
            rows.copy(self, first_count_only + j);
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
        cases: Vec<Arc<PublicCase>>,
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
            codes: rows.codes,
            periods: rows.periods,
            terms: rows.terms,
            provinces: coder.provinces,
            places: coder.places,
            by_id,
            count_only,
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
            .map(|c| &**c)
    }
}

/// A case's place in the list: newest month first, then by id.
fn list_order(c: &PublicCase) -> (Reverse<Option<YearMonth>>, CaseId) {
    (Reverse(c.period), c.id)
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

/// The index rows being written for a new snapshot.
struct Rows {
    codes: Vec<Code>,
    periods: Vec<Option<YearMonth>>,
    terms: Vec<u64>,
}

impl Rows {
    fn with_capacity(n: usize, words: usize) -> Self {
        Rows {
            codes: Vec::with_capacity(n),
            periods: Vec::with_capacity(n),
            terms: Vec::with_capacity(n * words),
        }
    }

    /// Row `i` of `from`, as it is (its places are numbered the same in the new snapshot).
    fn copy(&mut self, from: &Snapshot, i: usize) {
        self.codes.push(from.codes[i]);
        self.periods.push(from.periods[i]);
        self.terms.extend_from_slice(from.row(i));
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

    fn push(&mut self, c: Facts<'_>, rows: &mut Rows) {
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
        for (dimension, term) in c.labels.pairs() {
            if let Some(bit) = self.bits.bit(dimension.as_str(), term.as_str()) {
                row[bit / 64] |= 1 << (bit % 64);
            }
        }
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
        assert_eq!(snapshot.case(some.id), Some(some));
        assert_eq!(snapshot.case(CaseId::random()), None);
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
            let listed: Vec<&PublicCase> =
                sel.cases.iter().map(|&i| &*s.cases[i as usize]).collect();
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
        let rebuilt = Snapshot::from_summaries(2, now, tax, g);
        assert_eq!(changed.counted(), rebuilt.counted());
        assert_eq!(shown(&changed), shown(&rebuilt));
        for c in &rebuilt.cases {
            assert_eq!(changed.case(c.id), Some(&**c));
        }
        // Unchanged stories are the same records, shared rather than copied.
        let kept = old.cases.iter().find(|c| !touched.contains(&c.id)).unwrap();
        let again = changed.cases.iter().find(|c| c.id == kept.id).unwrap();
        assert!(Arc::ptr_eq(kept, again));
    }
}
