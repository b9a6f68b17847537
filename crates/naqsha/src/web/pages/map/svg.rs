//! The map as server-side SVG, for visitors without JavaScript and as the data the
//! interactive map starts from: one `<path>` per province over the neighbouring land, and one
//! circle per place with cases, its area proportional to the count.
//!
//! Projection: equirectangular over the map frame, with longitudes scaled by the cosine of
//! the frame's middle latitude so Pakistan keeps its shape. One unit is a hundredth of a
//! degree of latitude, so the rounded outlines land on whole units.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::LazyLock;

use naqsha_core::lang::Lang;
use naqsha_core::places::{Gazetteer, PlaceId};

use super::outlines::{OUTLINES, Ring};
use crate::web::i18n::Tr;

/// West edge of the frame, degrees.
const WEST: f64 = 60.5;
/// East edge of the frame, degrees.
const EAST: f64 = 78.0;
/// South edge of the frame, degrees.
const SOUTH: f64 = 23.5;
/// North edge of the frame, degrees.
const NORTH: f64 = 37.2;
/// Units per degree of latitude.
const UNITS: f64 = 100.0;
/// Radius of the largest circle, in units (about a tenth of the map's width).
const MAX_RADIUS: f64 = 80.0;
/// Radius of the smallest circle, so a single case stays visible and tappable.
const MIN_RADIUS: f64 = 12.0;
/// Circles at least this large carry their count as text (smaller ones in their title).
const LABEL_RADIUS: f64 = 26.0;

/// Units per degree of longitude.
fn x_scale() -> f64 {
    UNITS * ((SOUTH + NORTH) / 2.0).to_radians().cos()
}

/// (x, y) of a point, in units from the top-left corner.
pub fn project(lon: f64, lat: f64) -> (f64, f64) {
    ((lon - WEST) * x_scale(), (NORTH - lat) * UNITS)
}

/// The `viewBox` size.
pub fn size() -> (u32, u32) {
    let (w, h) = project(EAST, SOUTH);
    (w.round() as u32, h.round() as u32)
}

/// What the interactive map needs to turn SVG units back into degrees:
/// "west north units-per-degree-of-longitude units-per-degree-of-latitude".
pub fn frame_attr() -> String {
    format!("{WEST} {NORTH} {:.4} {UNITS}", x_scale())
}

/// One province: its outline as path data.
#[derive(Debug, Clone)]
pub struct ProvincePath {
    /// The name in the page language.
    pub name: String,
    /// SVG path data.
    pub d: &'static str,
    /// It is the province the filter chose.
    pub chosen: bool,
}

/// One circle.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    /// The place's name in the page language.
    pub name: String,
    /// "Lahore: 12", shown when pointing at the circle.
    pub title: String,
    /// Cases there.
    pub count: u32,
    /// Centre, in units.
    pub cx: i32,
    /// Centre, in units.
    pub cy: i32,
    /// Radius, in units.
    pub r: i32,
    /// Whether the count is written inside.
    pub labelled: bool,
}

/// The SVG map of one selection.
#[derive(Debug, Clone)]
pub struct SvgMap {
    /// `viewBox` width.
    pub width: u32,
    /// `viewBox` height.
    pub height: u32,
    /// The neighbouring land as one path.
    pub land: &'static str,
    /// The provinces.
    pub provinces: Vec<ProvincePath>,
    /// The circles, largest first so small ones stay on top.
    pub dots: Vec<Dot>,
    /// See [`frame_attr`].
    pub frame: String,
}

/// Path data of every outline, built once.
struct Paths {
    land: String,
    provinces: Vec<(String, String, String, String)>,
}

static PATHS: LazyLock<Paths> = LazyLock::new(|| Paths {
    land: OUTLINES
        .neighbours
        .iter()
        .filter(|o| o.id != "PAK")
        .flat_map(|o| o.polygons.iter().flatten())
        .map(ring_path)
        .collect(),
    provinces: OUTLINES
        .provinces
        .iter()
        .map(|o| {
            let d = o.polygons.iter().flatten().map(ring_path).collect();
            (o.id.clone(), o.name_en.clone(), o.name_ur.clone(), d)
        })
        .collect(),
});

/// A ring as `M x y l dx dy … z` with whole units (relative steps keep the numbers short).
fn ring_path(ring: &Ring) -> String {
    let mut out = String::new();
    let mut last: Option<(i64, i64)> = None;
    let mut open_l = false;
    for &(lon, lat) in &ring[..ring.len() - 1] {
        let (x, y) = project(f64::from(lon) / 100.0, f64::from(lat) / 100.0);
        let p = (x.round() as i64, y.round() as i64);
        match last {
            None => {
                let _ = write!(out, "M{} {}", p.0, p.1);
            }
            Some(q) if q == p => continue,
            Some(q) => {
                // After the first `l`, further pairs repeat it implicitly; a minus sign
                // separates numbers as well as a space does.
                let (dx, dy) = (p.0 - q.0, p.1 - q.1);
                let lead = if !open_l {
                    "l"
                } else if dx < 0 {
                    ""
                } else {
                    " "
                };
                let sep = if dy < 0 { "" } else { " " };
                let _ = write!(out, "{lead}{dx}{sep}{dy}");
                open_l = true;
            }
        }
        last = Some(p);
    }
    out.push('z');
    out
}

impl SvgMap {
    /// The map of `by_place` (cases per place), names in the language of `tr`, with the
    /// `chosen` province highlighted.
    pub fn new(
        gazetteer: &Gazetteer,
        tr: Tr,
        by_place: &BTreeMap<PlaceId, u32>,
        chosen: Option<&PlaceId>,
    ) -> Self {
        let lang = tr.lang();
        let (width, height) = size();
        let provinces = PATHS
            .provinces
            .iter()
            .map(|(id, en, ur, d)| ProvincePath {
                name: match lang {
                    Lang::Ur if !ur.is_empty() => ur.clone(),
                    _ => en.clone(),
                },
                d: d.as_str(),
                chosen: chosen.is_some_and(|c| c.as_str() == id),
            })
            .collect();
        let max = by_place.values().copied().max().unwrap_or(1).max(1);
        let mut dots: Vec<Dot> = by_place
            .iter()
            .filter_map(|(id, &count)| {
                let place = gazetteer.get(id)?;
                let (x, y) = project(place.lon(), place.lat());
                let r = radius(count, max);
                let name = place.name(lang);
                Some(Dot {
                    title: tr.f(
                        "map.place_count",
                        &[("place", name), ("count", &count.to_string())],
                    ),
                    name: name.to_owned(),
                    count,
                    cx: x.round() as i32,
                    cy: y.round() as i32,
                    r: r.round() as i32,
                    labelled: r >= LABEL_RADIUS,
                })
            })
            .collect();
        dots.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
        Self {
            width,
            height,
            land: PATHS.land.as_str(),
            provinces,
            dots,
            frame: frame_attr(),
        }
    }
}

/// A circle's radius: area proportional to the count, the largest at [`MAX_RADIUS`], none
/// smaller than [`MIN_RADIUS`].
fn radius(count: u32, max: u32) -> f64 {
    (MAX_RADIUS * (f64::from(count) / f64::from(max)).sqrt()).max(MIN_RADIUS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_land_inside_the_frame_and_circles_scale_by_area() {
        let g = Gazetteer::pakistan();
        let (w, h) = size();
        for d in g.districts() {
            let (x, y) = project(d.lon(), d.lat());
            assert!(
                (0.0..=f64::from(w)).contains(&x) && (0.0..=f64::from(h)).contains(&y),
                "{} is off the map",
                d.id()
            );
        }
        assert_eq!(radius(100, 100), MAX_RADIUS);
        assert!(
            (radius(25, 100) - MAX_RADIUS / 2.0).abs() < 1e-9,
            "a quarter of the area"
        );
        assert_eq!(radius(1, 10_000), MIN_RADIUS);
    }

    #[test]
    fn one_circle_per_place_and_a_compact_outline() {
        let g = Gazetteer::pakistan();
        let lahore = PlaceId::new("pk-pb-lahore").unwrap();
        let sindh = PlaceId::new("pk-sd").unwrap();
        let by_place = BTreeMap::from([(lahore, 7), (sindh.clone(), 2)]);
        let map = SvgMap::new(g, Tr(Lang::Ur), &by_place, Some(&sindh));
        assert_eq!(map.dots.len(), 2);
        assert_eq!(map.dots.iter().map(|d| d.count).sum::<u32>(), 9);
        assert_eq!(map.dots[0].name, "لاہور");
        assert!(map.dots[0].labelled && map.dots[0].r > map.dots[1].r);
        assert_eq!(map.provinces.iter().filter(|p| p.chosen).count(), 1);
        let bytes: usize = map.land.len() + map.provinces.iter().map(|p| p.d.len()).sum::<usize>();
        assert!(bytes < 24_000, "outlines take {bytes} bytes");
    }
}
