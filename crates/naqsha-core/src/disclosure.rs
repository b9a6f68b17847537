//! The one rule by which every public count is published: the statistics page and its printed
//! summary, the map's totals and circles, the timeline, the home page and `/api/v1/stats`.
//!
//! A count of 1 or 2 could single out a survivor once combined with what else is known (a
//! small district, a rare kind of abuse, a month), so it is never published: it is shown as
//! "fewer than 3". Hiding small cells alone is not enough when other counts are exact: the
//! total of a table minus the cells that are shown gives back the hidden one, and so does a
//! filtered total subtracted from an unfiltered one (`province=A` from everything, less the
//! other provinces). So every other count is rounded to the nearest multiple of
//! [`ROUNDING_BASE`] (halves up, and 3 and 4 to 5, never down to 0): the difference of two
//! rounded counts says at most that something lies within a few cases, never how many
//! there are in a hidden cell. Zero is published as zero.
//!
//! Percentages are worked out from the published (rounded) counts, never from the exact
//! ones, which a percentage of a known total would give away.

use std::fmt;

/// Counts from 1 to `SMALL_CELL - 1` are never published.
pub const SMALL_CELL: u32 = 3;

/// Counts from [`SMALL_CELL`] up are published rounded to a multiple of this.
pub const ROUNDING_BASE: u32 = 5;

/// A count as it may be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PublicCount {
    /// No case.
    Zero,
    /// One or two cases: shown as "fewer than 3", never as a number.
    FewerThanSmallCell,
    /// At least [`SMALL_CELL`] cases, rounded to a multiple of [`ROUNDING_BASE`] (at least
    /// [`ROUNDING_BASE`]).
    Rounded(u32),
}

impl PublicCount {
    /// Applies the rule to an exact count.
    pub fn of(exact: u32) -> Self {
        match exact {
            0 => Self::Zero,
            n if n < SMALL_CELL => Self::FewerThanSmallCell,
            n => Self::Rounded(round(n)),
        }
    }

    /// Applies the rule to an exact count held as `usize` (saturating).
    pub fn of_usize(exact: usize) -> Self {
        Self::of(u32::try_from(exact).unwrap_or(u32::MAX))
    }

    /// The number that may be shown, `None` when the count is withheld.
    pub fn value(self) -> Option<u32> {
        match self {
            Self::Zero => Some(0),
            Self::FewerThanSmallCell => None,
            Self::Rounded(n) => Some(n),
        }
    }

    /// Whether the count is withheld ("fewer than 3").
    pub fn is_withheld(self) -> bool {
        self == Self::FewerThanSmallCell
    }

    /// Whether there is at least one case (a withheld count is one or two).
    pub fn is_some(self) -> bool {
        self != Self::Zero
    }

    /// A number to size or sort by (a bar, a circle): the shown value, and 1 for a withheld
    /// count, so a withheld cell is drawn the same whatever it hides.
    pub fn weight(self) -> u32 {
        self.value().unwrap_or(1)
    }

    /// `part` as a whole percentage of `whole`, both as published; `None` when either is
    /// withheld or the whole is zero.
    pub fn percent_of(self, whole: PublicCount) -> Option<u32> {
        let (part, whole) = (self.value()?, whole.value()?);
        if whole == 0 {
            return None;
        }
        let pct = (f64::from(part) * 100.0 / f64::from(whole)).round();
        // Rounded counts of one selection can make a part a little larger than its whole.
        Some(pct.min(100.0) as u32)
    }
}

/// The nearest multiple of [`ROUNDING_BASE`], halves up, never below it.
fn round(n: u32) -> u32 {
    let half = ROUNDING_BASE / 2;
    let rounded = n.saturating_add(half) / ROUNDING_BASE * ROUNDING_BASE;
    rounded.max(ROUNDING_BASE)
}

impl fmt::Display for PublicCount {
    /// The number, or `<3` for a withheld count (pages translate that themselves).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value() {
            Some(n) => write!(f, "{n}"),
            None => write!(f, "<{SMALL_CELL}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_withheld_others_rounded_and_zero_is_zero() {
        assert_eq!(PublicCount::of(0), PublicCount::Zero);
        assert_eq!(PublicCount::of(1), PublicCount::FewerThanSmallCell);
        assert_eq!(PublicCount::of(2), PublicCount::FewerThanSmallCell);
        let shown: Vec<_> = (3..=13).map(|n| PublicCount::of(n).value()).collect();
        let expect = [5, 5, 5, 5, 5, 10, 10, 10, 10, 10, 15].map(Some);
        assert_eq!(shown, expect);
        assert_eq!(PublicCount::of(300).value(), Some(300));
        assert_eq!(PublicCount::of(u32::MAX).value().map(|n| n % 5), Some(0));
    }

    #[test]
    fn percentages_come_from_published_counts() {
        let whole = PublicCount::of(300);
        assert_eq!(PublicCount::of(56).percent_of(whole), Some(18)); // 55 of 300
        assert_eq!(PublicCount::of(2).percent_of(whole), None);
        assert_eq!(PublicCount::of(0).percent_of(PublicCount::of(0)), None);
        assert_eq!(PublicCount::of(4).percent_of(PublicCount::of(3)), Some(100));
    }

    /// Every pair of selections one or two cases apart (a filtered and an unfiltered total,
    /// a table's total and the sum of its other cells) publishes counts whose difference does
    /// not tell whether the cases between them are one or two: for each pair of published
    /// values there is an exact count on either side that explains both. (When both counts
    /// are withheld there is nothing to subtract: each already says "one or two".)
    #[test]
    fn no_difference_of_two_published_counts_recovers_a_withheld_cell() {
        for base in 0..200u32 {
            let seen_one = (PublicCount::of(base), PublicCount::of(base + 1));
            let seen_two = (PublicCount::of(base), PublicCount::of(base + 2));
            for (hidden, (small, large)) in [(1, seen_one), (2, seen_two)] {
                if small.is_withheld() && large.is_withheld() {
                    continue;
                }
                let other = 3 - hidden;
                // Some other base makes the same pair of published counts with the other
                // number of cases between them.
                let ambiguous = (0..=base + 5)
                    .any(|b| (PublicCount::of(b), PublicCount::of(b + other)) == (small, large));
                assert!(
                    ambiguous,
                    "{base} and {} ({small} and {large}) give away {hidden}",
                    base + hidden
                );
            }
        }
    }
}
