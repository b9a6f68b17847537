//! Counting the counted cases of a selection (published stories and statistics-only cases)
//! per category in one pass over the snapshot.
//!
//! The counts here are exact; pages publish each of them through the one rule in
//! [`naqsha_core::disclosure::PublicCount`] (1–2 shown as "fewer than 3", others rounded to
//! 5, percentages from the published counts).

use std::collections::BTreeMap;

use naqsha_core::places::PlaceId;

pub use crate::public::index::DimensionCounts;
use crate::public::{Selection, Snapshot};

/// The taxonomy dimensions the statistics page counts, in the order it shows them.
pub const STATS_DIMENSIONS: &[&str] = &[
    "kind",
    "act",
    "platform",
    "harm",
    "perpetrator",
    "survivor_age_band",
    "survivor_role",
    "action_taken",
    "outcome",
];

/// Dimensions whose terms have a natural order (kept instead of sorting by count).
pub const ORDERED_DIMENSIONS: &[&str] = &["survivor_age_band", "outcome"];

/// Everything the statistics pages show about a selection, counted exactly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Cases in the selection.
    pub total: u32,
    /// One entry per counted dimension the taxonomy has, in the order asked for.
    pub dimensions: Vec<DimensionCounts>,
    /// Cases per province; `None` for cases without a place.
    pub by_province: BTreeMap<Option<PlaceId>, u32>,
    /// Cases per year.
    pub by_year: BTreeMap<i32, u32>,
    /// Cases without a month.
    pub without_year: u32,
    /// Cases per verification level: unverified, corroborated, verified.
    pub by_verification: [u32; 3],
}

impl Counts {
    /// The counts of dimension `key`, if it was counted.
    pub fn dimension(&self, key: &str) -> Option<&DimensionCounts> {
        self.dimensions.iter().find(|d| d.key == key)
    }
}

/// Counts the cases of `selection` for `dimensions` (those the taxonomy lacks are skipped),
/// per province and per year, looking at each case once (through the snapshot's index).
pub fn count(snapshot: &Snapshot, selection: &Selection, dimensions: &[&str]) -> Counts {
    let tally = snapshot.tally(selection, dimensions);
    let total = u32::try_from(selection.counted()).unwrap_or(u32::MAX);
    let with_year: u32 = selection.by_year.values().sum();
    Counts {
        total,
        dimensions: tally.dimensions.into_iter().collect(),
        by_province: tally.by_province,
        by_year: selection.by_year.clone(),
        without_year: total.saturating_sub(with_year),
        by_verification: tally.by_verification,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::public::{PublicCase, PublicQuery};
    use naqsha_core::case::Verification;
    use naqsha_core::ids::CaseId;
    use naqsha_core::places::Gazetteer;
    use naqsha_core::taxonomy::Labels;
    use naqsha_core::taxonomy::Taxonomy;

    fn case(province: Option<&str>, year: Option<i32>, labels: &[(&str, &str)]) -> PublicCase {
        PublicCase {
            id: CaseId::random(),
            labels: Labels::from_pairs(labels.iter().copied()).unwrap(),
            place: province.map(|p| PlaceId::new(p).unwrap()),
            district: None,
            province: province.map(|p| PlaceId::new(p).unwrap()),
            period: year.map(|y| naqsha_core::period::YearMonth::new(y, 1).unwrap()),
            title_en: None,
            title_ur: None,
            demo: false,
            verification: Verification::Unverified,
            published: None,
        }
    }

    #[test]
    fn one_pass_counts_terms_places_and_years() {
        let tax = Taxonomy::pakistan_default();
        let g = Gazetteer::pakistan();
        let snapshot = Snapshot::new(
            1,
            vec![
                case(
                    Some("pk-pb"),
                    Some(2024),
                    &[("platform", "whatsapp"), ("platform", "facebook")],
                ),
                case(Some("pk-pb"), Some(2023), &[("platform", "whatsapp")]),
                case(None, None, &[("act", "threats")]),
            ],
            tax,
            g,
        );
        let selection = snapshot.select(&PublicQuery::default());
        let counts = count(&snapshot, &selection, &["platform", "act", "nope"]);
        assert_eq!(counts.total, 3);
        assert_eq!(counts.dimensions.len(), 2, "unknown dimensions are skipped");
        let platform = counts.dimension("platform").unwrap();
        assert_eq!(platform.recorded, 2);
        let n = |k: &str| platform.terms.iter().find(|(t, _)| t == k).unwrap().1;
        assert_eq!((n("whatsapp"), n("facebook"), n("tiktok")), (2, 1, 0));
        assert_eq!(counts.dimension("act").unwrap().recorded, 1);
        assert_eq!(counts.by_province[&Some(PlaceId::new("pk-pb").unwrap())], 2);
        assert_eq!(counts.by_province[&None], 1);
        assert_eq!(counts.by_year.values().sum::<u32>(), 2);
        assert_eq!(counts.without_year, 1);
        assert_eq!(counts.by_verification, [3, 0, 0]);
    }
}
