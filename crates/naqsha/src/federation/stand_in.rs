//! STAND-IN until branch `world` (`naqsha_core::places::World`, the Natural Earth country
//! outlines) is merged: rough bounding boxes of a few countries, so that `serve` and the
//! tests can check that a followed case's point lies in its country. Replace every use of
//! [`StandInShapes`] with the world outlines when they land; nothing else depends on it.

use naqsha_core::federation::{CountryCode, CountryShapes};

/// Bounding boxes (south, west, north, east) of the countries the first federations join.
const BOXES: &[(&str, [f64; 4])] = &[
    ("PK", [23.6, 60.8, 37.1, 77.9]),
    ("NP", [26.3, 80.0, 30.5, 88.3]),
    ("BD", [20.6, 88.0, 26.7, 92.7]),
    ("IN", [6.5, 68.1, 35.7, 97.4]),
    ("LK", [5.9, 79.6, 9.9, 81.9]),
];

/// Country boxes: a point is in a country when it is in its box; other countries are
/// unknown (their cases are refused, with that reason).
#[derive(Debug, Clone, Copy, Default)]
pub struct StandInShapes;

impl CountryShapes for StandInShapes {
    fn contains(&self, country: CountryCode, lat: f64, lon: f64) -> Option<bool> {
        let (_, [s, w, n, e]) = BOXES.iter().find(|(c, _)| *c == country.as_str())?;
        Some((*s..=*n).contains(&lat) && (*w..=*e).contains(&lon))
    }
}
