//! Generalisation before publication: a place becomes its district or province, a month
//! may become a quarter, and a district is withheld (the province published instead) when
//! too few published cases share its district, month and kind — a small cell that could
//! point at one survivor.

use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;

use serde::{Deserialize, Serialize};

use crate::period::YearMonth;
use crate::places::{Gazetteer, Place, PlaceId, PlaceLevel};

/// How precise a published place may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum PlacePolicy {
    /// The district (the finest a published case carries).
    #[default]
    District,
    /// The province or territory only.
    Province,
}

/// The published place for `place` under `policy`: its district or province. `None` when
/// the place is unknown, or is a province and the policy asks for a district.
pub fn generalise_place<'g>(
    gazetteer: &'g Gazetteer,
    place: &PlaceId,
    policy: PlacePolicy,
) -> Option<&'g Place> {
    match policy {
        PlacePolicy::District => gazetteer.district_of(place),
        PlacePolicy::Province => gazetteer.province_of(place),
    }
}

/// How precise a published date may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DatePolicy {
    /// The month.
    #[default]
    Month,
    /// The quarter of the year.
    Quarter,
}

/// A published date: a month or a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PublishedPeriod {
    /// A month, shown as `2024-03`.
    Month(YearMonth),
    /// A quarter, shown as `2024-Q1`.
    Quarter {
        /// The year.
        year: i32,
        /// 1 to 4.
        quarter: u8,
    },
}

impl fmt::Display for PublishedPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PublishedPeriod::Month(m) => m.fmt(f),
            PublishedPeriod::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
        }
    }
}

/// The published period for a month under `policy`.
pub fn generalise_date(month: YearMonth, policy: DatePolicy) -> PublishedPeriod {
    match policy {
        DatePolicy::Month => PublishedPeriod::Month(month),
        DatePolicy::Quarter => PublishedPeriod::Quarter {
            year: month.year(),
            quarter: month.quarter(),
        },
    }
}

/// Published cases counted per (district, month, kind of violence).
#[derive(Debug, Clone)]
pub struct CellCounts<K> {
    counts: HashMap<(PlaceId, YearMonth, K), usize>,
}

impl<K: Hash + Eq + Clone> Default for CellCounts<K> {
    fn default() -> Self {
        Self {
            counts: HashMap::new(),
        }
    }
}

impl<K: Hash + Eq + Clone> CellCounts<K> {
    /// Counts cases given as (place, month, kind); each place is counted in its district,
    /// places without a district (provinces, unknown ids) are not counted.
    pub fn from_cases<'a, I>(gazetteer: &Gazetteer, cases: I) -> Self
    where
        I: IntoIterator<Item = (&'a PlaceId, YearMonth, K)>,
    {
        let mut counts = Self::default();
        for (place, month, kind) in cases {
            counts.add(gazetteer, place, month, kind);
        }
        counts
    }

    /// Counts one more published case.
    pub fn add(&mut self, gazetteer: &Gazetteer, place: &PlaceId, month: YearMonth, kind: K) {
        if let Some(d) = gazetteer.district_of(place) {
            *self
                .counts
                .entry((d.id().clone(), month, kind))
                .or_insert(0) += 1;
        }
    }

    /// Published cases in the cell.
    pub fn get(&self, district: &PlaceId, month: YearMonth, kind: &K) -> usize {
        self.counts
            .get(&(district.clone(), month, kind.clone()))
            .copied()
            .unwrap_or(0)
    }
}

/// The small-cell rule: a district is published only when at least `k` published cases
/// (counting the one being decided) share its district, month and kind; otherwise the
/// province is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmallCellRule {
    /// The smallest cell that may be shown.
    pub k: usize,
}

impl Default for SmallCellRule {
    fn default() -> Self {
        Self { k: 3 }
    }
}

impl SmallCellRule {
    /// The place to publish for a case at `place` in `month` of `kind`.
    pub fn place<'g, K: Hash + Eq + Clone>(
        &self,
        gazetteer: &'g Gazetteer,
        counts: &CellCounts<K>,
        place: &PlaceId,
        month: YearMonth,
        kind: &K,
    ) -> Option<&'g Place> {
        match gazetteer.district_of(place) {
            Some(d) if counts.get(d.id(), month, kind) >= self.k => Some(d),
            _ => gazetteer.province_of(place),
        }
    }
}

/// Whether a published place is at most as precise as a district.
pub fn is_publishable_level(level: PlaceLevel) -> bool {
    level != PlaceLevel::Town
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(gaz: &Gazetteer, name: &str, level: PlaceLevel) -> PlaceId {
        gaz.lookup_level(name, level)[0].place.id().clone()
    }

    #[test]
    fn a_town_generalises_to_its_district_or_province() {
        let gaz = Gazetteer::pakistan();
        let lahore = id(gaz, "Lahore", PlaceLevel::District);
        let d = generalise_place(gaz, &lahore, PlacePolicy::District).unwrap();
        assert_eq!(d.level(), PlaceLevel::District);
        let p = generalise_place(gaz, &lahore, PlacePolicy::Province).unwrap();
        assert_eq!(p.name_en(), "Punjab");
    }

    #[test]
    fn months_generalise_to_quarters() {
        let m: YearMonth = "2024-05".parse().unwrap();
        assert_eq!(
            generalise_date(m, DatePolicy::Quarter).to_string(),
            "2024-Q2"
        );
        assert_eq!(generalise_date(m, DatePolicy::Month).to_string(), "2024-05");
    }

    #[test]
    fn small_cells_fall_back_to_the_province() {
        let gaz = Gazetteer::pakistan();
        let lahore = id(gaz, "Lahore", PlaceLevel::District);
        let multan = id(gaz, "Multan", PlaceLevel::District);
        let m: YearMonth = "2024-05".parse().unwrap();
        let cases = [
            (&lahore, m, "blackmail"),
            (&lahore, m, "blackmail"),
            (&lahore, m, "blackmail"),
            (&multan, m, "blackmail"),
        ];
        let counts = CellCounts::from_cases(gaz, cases);
        let rule = SmallCellRule { k: 3 };
        let at_lahore = rule.place(gaz, &counts, &lahore, m, &"blackmail").unwrap();
        assert_eq!(at_lahore.level(), PlaceLevel::District);
        let at_multan = rule.place(gaz, &counts, &multan, m, &"blackmail").unwrap();
        assert_eq!(at_multan.level(), PlaceLevel::Province);
        assert_eq!(at_multan.name_en(), "Punjab");
        // another kind in Lahore that month is a cell of its own
        let other = rule.place(gaz, &counts, &lahore, m, &"hacking").unwrap();
        assert_eq!(other.level(), PlaceLevel::Province);
    }
}
