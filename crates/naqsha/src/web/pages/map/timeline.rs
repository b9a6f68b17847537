//! The timeline: counted cases (stories and statistics-only) per year as a small server-side SVG bar chart, with the same numbers
//! in a table for screen readers. Every count is published by [`PublicCount`]: a year with
//! one or two cases says "fewer than 3" and its bar is drawn as one case.

use std::collections::BTreeMap;

use naqsha_core::disclosure::PublicCount;

use super::svg::shown_count;
use crate::i18n::Tr;

/// Width of the chart's `viewBox`.
pub const WIDTH: u32 = 600;
/// Height of the chart's `viewBox` (bars and the year labels under them).
pub const HEIGHT: u32 = 140;
/// Height available to the tallest bar.
const PLOT: f64 = 100.0;
/// Space above the tallest bar for its count.
const TOP: f64 = 16.0;

/// One year's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The year.
    pub year: i32,
    /// Cases that year, as published.
    pub count: PublicCount,
    /// The count as written: the number, or "fewer than 3".
    pub shown: String,
    /// Left edge, in units.
    pub x: f64,
    /// Top edge, in units.
    pub y: f64,
    /// Width, in units.
    pub width: f64,
    /// Height, in units.
    pub height: f64,
    /// Horizontal centre, for the label under the bar.
    pub mid: f64,
    /// Whether its year is written under it (the first, the last, and enough between to read).
    pub labelled: bool,
}

/// The chart: one bar per year from the first to the last with cases, gaps included.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// The bars, oldest first.
    pub bars: Vec<Bar>,
    /// The largest published count (by [`PublicCount::weight`]).
    pub max: u32,
}

impl Timeline {
    /// The chart of `by_year` (exact cases per year), counts written in the language of `tr`.
    pub fn new(by_year: &BTreeMap<i32, u32>, tr: Tr) -> Self {
        let (Some(&first), Some(&last)) = (by_year.keys().next(), by_year.keys().next_back())
        else {
            return Self::default();
        };
        let published = |year: i32| PublicCount::of(by_year.get(&year).copied().unwrap_or(0));
        let max = by_year
            .keys()
            .map(|&y| published(y).weight())
            .max()
            .unwrap_or(0)
            .max(1);
        let years = usize::try_from(last - first + 1).unwrap_or(1);
        let slot = f64::from(WIDTH) / years as f64;
        let every = years.div_ceil(8).max(1);
        let bars = (first..=last)
            .enumerate()
            .map(|(i, year)| {
                let count = published(year);
                let weight = if count.is_some() { count.weight() } else { 0 };
                let height = PLOT * f64::from(weight) / f64::from(max);
                let x = slot * i as f64 + slot * 0.1;
                Bar {
                    year,
                    count,
                    shown: shown_count(tr, count),
                    x,
                    y: TOP + PLOT - height,
                    width: slot * 0.8,
                    height,
                    mid: x + slot * 0.4,
                    labelled: i == 0 || i + 1 == years || i % every == 0,
                }
            })
            .collect();
        Self { bars, max }
    }

    /// Whether `bar` is (one of) the tallest, whose count is written above it.
    pub fn is_tallest(&self, bar: &Bar) -> bool {
        bar.count.is_some() && bar.count.weight() == self.max
    }

    /// Whether there is nothing to chart.
    pub fn is_empty(&self) -> bool {
        self.bars.is_empty()
    }

    /// The `viewBox` width.
    pub fn width(&self) -> u32 {
        WIDTH
    }

    /// The `viewBox` height.
    pub fn height(&self) -> u32 {
        HEIGHT
    }

    /// The y of the year labels.
    pub fn label_y(&self) -> f64 {
        TOP + PLOT + 18.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_are_empty_bars_the_tallest_fills_the_plot_and_small_years_are_withheld() {
        use naqsha_core::lang::Lang;
        let t = Timeline::new(
            &BTreeMap::from([(2019, 9), (2022, 2), (2023, 4)]),
            Tr(Lang::EN),
        );
        let years: Vec<i32> = t.bars.iter().map(|b| b.year).collect();
        assert_eq!(years, [2019, 2020, 2021, 2022, 2023]);
        assert_eq!(t.bars[1].count, PublicCount::Zero);
        assert_eq!(t.bars[1].height, 0.0);
        assert_eq!(t.bars[0].shown, "10", "9 is published as 10");
        assert_eq!(t.bars[0].height, PLOT);
        assert_eq!(t.bars[3].shown, "fewer than 3");
        assert_eq!(t.bars[3].height, PLOT / 10.0, "drawn as one case");
        assert_eq!(t.bars[4].height, PLOT / 2.0);
        assert!(t.is_tallest(&t.bars[0]) && !t.is_tallest(&t.bars[4]));
        assert!(t.bars.iter().all(|b| b.x + b.width <= f64::from(WIDTH)));
        assert!(Timeline::new(&BTreeMap::new(), Tr(Lang::EN)).is_empty());
    }
}
