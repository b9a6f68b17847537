//! The map as server-side SVG, for visitors without JavaScript and as the data the
//! interactive map starts from: one `<path>` per province over the neighbouring land, one
//! circle per place with cases, its area proportional to the published count, and the counts
//! written where they can be read (see [`super::labels`]). A place with one or two cases
//! gets a hollow circle and no number on the map ("fewer than 3" in the legend, its title
//! and the table).
//!
//! Projection: equirectangular over the map frame, with longitudes scaled by the cosine of
//! the frame's middle latitude so Pakistan keeps its shape. One unit is a hundredth of a
//! degree of latitude, so the rounded outlines land on whole units.
//!
//! The `viewBox` is fitted to the circles (never smaller than [`MIN_VIEW_WIDTH`]), and the
//! circles and labels are sized as fractions of it, so a filter that leaves a few districts
//! shows them close up. The SVG scales to the width of the page, so the labels come in
//! [`LABEL_LAYERS`], one per range of rendered widths (map.css shows one by a container
//! query), each sized to read at least [`LABEL_PX`] CSS pixels at the narrowest width it is
//! shown at and placed for that size.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::LazyLock;

use naqsha_core::disclosure::PublicCount;
use naqsha_core::lang::Lang;
use naqsha_core::places::{Gazetteer, PlaceId};
use naqsha_core::script::is_arabic_script;

use super::labels::{self, Mark, Rect};
use super::outlines::{OUTLINES, Ring};
use crate::i18n::Tr;
pub use crate::web::pages::stats::shown_count;

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
/// The narrowest view fitted to few results, in units: about a large province.
pub const MIN_VIEW_WIDTH: f64 = 500.0;
/// Radius of a circle of [`FULL_CIRCLE`] cases or more, as a fraction of the view's width.
const MAX_RADIUS: f64 = 0.055;
/// The count that gets the largest circle: a map of few cases keeps small circles.
const FULL_CIRCLE: u32 = 50;
/// Radius of the smallest circle, as a fraction of the view's width (about 4 px on a phone).
const MIN_RADIUS: f64 = 0.012;
/// Room kept around the circles inside the view, as a fraction of its width.
const MARGIN: f64 = 0.05;
/// The smallest size of a label, in CSS pixels.
pub const LABEL_PX: f64 = 13.0;
/// The label layers: a name (the class `map__labels--NAME`) and the narrowest rendered
/// width of the map, in CSS pixels, at which the layer is shown; each is shown up to the
/// next one's width. map.css has a container query at each width.
pub const LABEL_LAYERS: [(&str, f64); 3] = [("s", 320.0), ("m", 560.0), ("l", 880.0)];

/// Units per degree of longitude.
fn x_scale() -> f64 {
    UNITS * ((SOUTH + NORTH) / 2.0).to_radians().cos()
}

/// (x, y) of a point, in units from the top-left corner.
pub fn project(lon: f64, lat: f64) -> (f64, f64) {
    ((lon - WEST) * x_scale(), (NORTH - lat) * UNITS)
}

/// The size of the whole frame, in units.
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
    /// "Lahore: 15", shown when pointing at the circle.
    pub title: String,
    /// Cases there, as published.
    pub count: PublicCount,
    /// The count as written on the map and in the table: the number, or "fewer than 3".
    pub shown: String,
    /// Centre, in units.
    pub cx: f64,
    /// Centre, in units.
    pub cy: f64,
    /// Radius, in units.
    pub r: f64,
}

/// One count written on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The count as written.
    pub text: String,
    /// Centre of the text.
    pub x: f64,
    /// Centre of the text.
    pub y: f64,
    /// Inside its circle, light on the circle's colour; else beside it on a background.
    pub inside: bool,
    /// The background of a label beside its circle.
    pub rect: Rect,
    /// The line back to the circle of a label set further out.
    pub leader: Option<[f64; 4]>,
    /// The text has Arabic script (set in the Urdu font).
    pub script: bool,
}

/// The labels for one range of rendered widths.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelLayer {
    /// See [`LABEL_LAYERS`].
    pub name: &'static str,
    /// Font size, in units.
    pub font: f64,
    /// Corner radius of the backgrounds, in units.
    pub round: f64,
    /// The labels that found room, largest circle first.
    pub labels: Vec<Label>,
}

/// The SVG map of one selection.
#[derive(Debug, Clone)]
pub struct SvgMap {
    /// The part of the frame shown, fitted to the circles.
    pub view: Rect,
    /// The neighbouring land as one path.
    pub land: &'static str,
    /// The provinces.
    pub provinces: Vec<ProvincePath>,
    /// The circles, largest first so small ones stay on top.
    pub dots: Vec<Dot>,
    /// The counts, one layer per range of widths.
    pub layers: Vec<LabelLayer>,
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
    write_ring(
        &mut out,
        ring[..ring.len() - 1].iter().map(|&(lon, lat)| {
            let (x, y) = project(f64::from(lon) / 100.0, f64::from(lat) / 100.0);
            (x.round() as i64, y.round() as i64)
        }),
    );
    out
}

/// Appends the ring through `points` (whole units) as `M x y l dx dy … z`, a repeated point
/// left out: relative steps keep the numbers short.
pub(crate) fn write_ring(out: &mut String, points: impl IntoIterator<Item = (i64, i64)>) {
    let mut last: Option<(i64, i64)> = None;
    let mut open_l = false;
    for p in points {
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
}

impl SvgMap {
    /// The map of `by_place` (exact cases per place, published by [`PublicCount`]), names in
    /// the language of `tr`, with the `chosen` province highlighted.
    pub fn new(
        gazetteer: &Gazetteer,
        tr: Tr,
        by_place: &BTreeMap<PlaceId, u32>,
        chosen: Option<&PlaceId>,
    ) -> Self {
        let lang = tr.lang();
        let provinces = PATHS
            .provinces
            .iter()
            .map(|(id, en, ur, d)| ProvincePath {
                // The outlines carry English and Urdu names; a reader of another language
                // gets the gazetteer's name for the province, along its fallback chain.
                name: if lang == Lang::EN || ur.is_empty() {
                    en.clone()
                } else if lang == Lang::UR {
                    ur.clone()
                } else {
                    PlaceId::new(id.as_str())
                        .ok()
                        .and_then(|pid| gazetteer.get(&pid))
                        .map_or_else(|| ur.clone(), |p| p.name(lang).to_owned())
                },
                d: d.as_str(),
                chosen: chosen.is_some_and(|c| c.as_str() == id),
            })
            .collect();
        let mut dots: Vec<Dot> = by_place
            .iter()
            .filter_map(|(id, &exact)| {
                let count = PublicCount::of(exact);
                let place = gazetteer.get(id).filter(|_| count.is_some())?;
                let (cx, cy) = project(place.lon(), place.lat());
                let name = place.name(lang);
                let shown = shown_count(tr, count);
                Some(Dot {
                    title: tr.f("map.place_count", &[("place", name), ("count", &shown)]),
                    name: name.to_owned(),
                    count,
                    shown,
                    cx: round1(cx),
                    cy: round1(cy),
                    r: 0.0,
                })
            })
            .collect();
        dots.sort_by(|a, b| {
            b.count
                .weight()
                .cmp(&a.count.weight())
                .then(a.name.cmp(&b.name))
        });
        let max = dots.iter().map(|d| d.count.weight()).max().unwrap_or(1);
        let factors: Vec<f64> = dots
            .iter()
            .map(|d| radius_factor(d.count.weight(), max))
            .collect();
        let centres: Vec<(f64, f64)> = dots.iter().map(|d| (d.cx, d.cy)).collect();
        let view = fit(&centres, &factors);
        for (d, f) in dots.iter_mut().zip(&factors) {
            d.r = round1(view.w * f);
        }
        let layers = LABEL_LAYERS
            .iter()
            .map(|&(name, width)| label_layer(name, view, width, &dots))
            .collect();
        Self {
            view,
            land: PATHS.land.as_str(),
            provinces,
            dots,
            layers,
            frame: frame_attr(),
        }
    }

    /// The `viewBox` attribute.
    pub fn view_box(&self) -> String {
        let v = self.view;
        format!("{} {} {} {}", v.x, v.y, v.w, v.h)
    }
}

/// Rounds to a tenth of a unit (a fraction of a pixel at any size), keeping the page short.
fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// A circle's radius as a fraction of the view's width: area proportional to the count,
/// the largest (or [`FULL_CIRCLE`] cases, if more) at [`MAX_RADIUS`], none smaller than
/// [`MIN_RADIUS`].
fn radius_factor(weight: u32, max: u32) -> f64 {
    let full = f64::from(max.max(FULL_CIRCLE));
    (MAX_RADIUS * (f64::from(weight) / full).sqrt()).max(MIN_RADIUS)
}

/// The view that holds every circle (centres `centres`, radii `factors` × the view's
/// width) with a margin, in the frame's proportions, at least [`MIN_VIEW_WIDTH`] wide, and
/// inside the frame where the circles allow. The whole frame when there is no circle.
pub fn fit(centres: &[(f64, f64)], factors: &[f64]) -> Rect {
    let (fw, fh) = size();
    let (fw, fh) = (f64::from(fw), f64::from(fh));
    let frame = Rect {
        x: 0.0,
        y: 0.0,
        w: fw,
        h: fh,
    };
    if centres.is_empty() {
        return frame;
    }
    let aspect = fh / fw;
    // The extent of the circles and their margins for a view `w` wide.
    let extent = |w: f64| {
        let mut e = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (&(x, y), f) in centres.iter().zip(factors) {
            let r = w * (f + MARGIN);
            e = (
                e.0.min(x - r),
                e.1.min(y - r),
                e.2.max(x + r),
                e.3.max(y + r),
            );
        }
        e
    };
    // The room the circles need grows more slowly than the view, so this settles.
    let mut w = MIN_VIEW_WIDTH;
    for _ in 0..60 {
        let (x0, y0, x1, y1) = extent(w);
        let need = (x1 - x0).max((y1 - y0) / aspect).max(MIN_VIEW_WIDTH);
        if (need - w).abs() < 0.05 {
            break;
        }
        w = need;
    }
    if w >= fw {
        let (x0, y0, x1, y1) = extent(fw);
        if x0 >= 0.0 && y0 >= 0.0 && x1 <= fw && y1 <= fh {
            return frame;
        }
    }
    let h = w * aspect;
    let (x0, y0, x1, y1) = extent(w);
    // Centred on the circles, then moved back inside the frame as far as they allow.
    let x = place_side(x0, x1, w, fw);
    let y = place_side(y0, y1, h, fh);
    Rect {
        x: round1(x),
        y: round1(y),
        w: round1(w),
        h: round1(h),
    }
}

/// The start of a side `len` long that holds `lo..hi` (no longer than `len`): centred on
/// it, moved inside `0..frame` as far as that allows.
fn place_side(lo: f64, hi: f64, len: f64, frame: f64) -> f64 {
    let centred = (lo + hi - len) / 2.0;
    let in_frame = if len <= frame {
        centred.clamp(0.0, frame - len)
    } else {
        (frame - len) / 2.0
    };
    in_frame.clamp((hi - len).min(lo), lo)
}

/// Estimated advance of a label's text, in ems (Noto Sans Bold for numbers and Latin
/// letters, Noto Nastaliq Urdu for Urdu words), a little generous so boxes never touch.
fn text_ems(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            ' ' => 0.3,
            '0'..='9' => 0.62,
            c if is_arabic_script(c) => 0.5,
            'm' | 'w' | 'M' | 'W' => 0.95,
            'i' | 'l' | 'j' | 'f' | 't' | 'r' => 0.42,
            _ => 0.64,
        })
        .sum()
}

/// Height of a text box as a browser measures it (ascent to descent), in ems: Noto Sans
/// 1.36, Noto Nastaliq Urdu much taller.
fn text_box_ems(script: bool) -> f64 {
    if script { 2.4 } else { 1.4 }
}

/// The labels of `dots` for a map shown `width` CSS pixels wide or more.
fn label_layer(name: &'static str, view: Rect, width: f64, dots: &[Dot]) -> LabelLayer {
    let font = round1(LABEL_PX * view.w / width);
    let pad = font * 0.3;
    let marks: Vec<Mark> = dots
        .iter()
        .map(|d| {
            let script = d.shown.chars().any(is_arabic_script);
            Mark {
                cx: d.cx,
                cy: d.cy,
                r: d.r,
                // A withheld count is not written on the map: its circle is drawn hollow,
                // the legend says what that means and the table gives every place.
                w: if d.count.is_withheld() {
                    0.0
                } else {
                    text_ems(&d.shown) * font
                },
                h: text_box_ems(script) * font,
                ink: 0.8 * font,
            }
        })
        .collect();
    let labels = labels::place(&marks, view, pad)
        .into_iter()
        .zip(dots)
        .filter_map(|(placed, d)| {
            let p = placed?;
            let r = p.rect;
            Some(Label {
                text: d.shown.clone(),
                x: round1(r.cx()),
                y: round1(r.cy()),
                inside: p.inside,
                rect: Rect {
                    x: round1(r.x),
                    y: round1(r.y),
                    w: round1(r.w),
                    h: round1(r.h),
                },
                leader: p.leader.map(|l| l.map(round1)),
                script: d.shown.chars().any(is_arabic_script),
            })
        })
        .collect();
    LabelLayer {
        name,
        font,
        round: round1(font * 0.35),
        labels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lahore_and_sindh(lahore: u32, sindh: u32) -> BTreeMap<PlaceId, u32> {
        BTreeMap::from([
            (PlaceId::new("pk-pb-lahore").unwrap(), lahore),
            (PlaceId::new("pk-sd").unwrap(), sindh),
        ])
    }

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
        assert_eq!(radius_factor(100, 100), MAX_RADIUS);
        assert!(
            (radius_factor(25, 100) - MAX_RADIUS / 2.0).abs() < 1e-9,
            "a quarter of the area"
        );
        assert_eq!(
            radius_factor(10, 10),
            radius_factor(10, FULL_CIRCLE),
            "a few cases are not drawn as many"
        );
        assert_eq!(radius_factor(1, 10_000), MIN_RADIUS);
    }

    #[test]
    fn a_sindhi_map_names_places_in_sindhi_or_else_urdu() {
        let g = Gazetteer::pakistan();
        let sd = Lang::from_code("sd").unwrap();
        let map = SvgMap::new(g, Tr(sd), &lahore_and_sindh(7, 7), None);
        let names: Vec<&str> = map.provinces.iter().map(|p| p.name.as_str()).collect();
        assert!(names.contains(&"سنڌ"), "{names:?}");
        assert!(
            !names.contains(&"Sindh") && !names.contains(&"سندھ"),
            "{names:?}"
        );
        // Lahore has no Sindhi name: the Urdu one, not the English.
        assert!(map.dots.iter().any(|d| d.name == "لاہور"));
        let english = SvgMap::new(g, Tr(Lang::EN), &lahore_and_sindh(7, 7), None);
        assert!(english.provinces.iter().any(|p| p.name == "Sindh"));
    }

    #[test]
    fn one_circle_per_place_with_published_counts_and_a_compact_outline() {
        let g = Gazetteer::pakistan();
        let sindh = PlaceId::new("pk-sd").unwrap();
        let map = SvgMap::new(g, Tr(Lang::UR), &lahore_and_sindh(7, 2), Some(&sindh));
        assert_eq!(map.dots.len(), 2);
        assert_eq!(map.dots[0].name, "لاہور");
        assert_eq!(map.dots[0].count, PublicCount::Rounded(5));
        assert_eq!(map.dots[0].shown, "5");
        assert_eq!(map.dots[1].shown, "3 سے کم", "never the exact 2");
        assert!(map.dots[0].r > map.dots[1].r);
        assert_eq!(map.provinces.iter().filter(|p| p.chosen).count(), 1);
        let bytes: usize = map.land.len() + map.provinces.iter().map(|p| p.d.len()).sum::<usize>();
        assert!(bytes < 24_000, "outlines take {bytes} bytes");
    }

    #[test]
    fn the_view_fits_the_circles_and_keeps_a_minimum_size() {
        let g = Gazetteer::pakistan();
        let (fw, fh) = size();
        let empty = SvgMap::new(g, Tr(Lang::EN), &BTreeMap::new(), None);
        assert_eq!((empty.view.w, empty.view.h), (f64::from(fw), f64::from(fh)));

        let one = BTreeMap::from([(PlaceId::new("pk-pb-lahore").unwrap(), 40)]);
        let map = SvgMap::new(g, Tr(Lang::EN), &one, None);
        assert!((map.view.w - MIN_VIEW_WIDTH).abs() < 0.5, "{:?}", map.view);
        assert!(
            (map.view.h / map.view.w - f64::from(fh) / f64::from(fw)).abs() < 1e-3,
            "the frame's proportions"
        );

        let spread = lahore_and_sindh(40, 9);
        let map = SvgMap::new(g, Tr(Lang::EN), &spread, None);
        assert!(map.view.w > MIN_VIEW_WIDTH && map.view.w <= f64::from(fw));
        for d in &map.dots {
            let circle = Rect::centred(d.cx, d.cy, 2.0 * d.r, 2.0 * d.r);
            assert!(
                map.view.contains(&circle),
                "{} outside {:?}",
                d.name,
                map.view
            );
        }
    }

    #[test]
    fn every_layer_reads_at_least_label_px_and_no_labels_overlap() {
        let g = Gazetteer::pakistan();
        // Every district with a case or two, a few with many: the crowded case.
        let by_place: BTreeMap<PlaceId, u32> = g
            .districts()
            .iter()
            .enumerate()
            .map(|(i, d)| {
                (
                    d.id().clone(),
                    if i % 7 == 0 { 60 } else { 1 + i as u32 % 2 },
                )
            })
            .collect();
        for lang in [Lang::EN, Lang::UR] {
            let map = SvgMap::new(g, Tr(lang), &by_place, None);
            assert_eq!(map.layers.len(), LABEL_LAYERS.len());
            for (layer, (_, width)) in map.layers.iter().zip(LABEL_LAYERS) {
                let px = layer.font * width / map.view.w;
                assert!(px >= LABEL_PX - 0.1, "{} reads {px} px", layer.name);
                assert!(!layer.labels.is_empty());
                for (i, a) in layer.labels.iter().enumerate() {
                    assert!(map.view.contains(&a.rect));
                    for b in &layer.labels[i + 1..] {
                        assert!(!a.rect.overlaps(&b.rect), "{a:?} and {b:?}");
                    }
                }
            }
            // Wider maps have room for at least as many labels.
            let counts: Vec<usize> = map.layers.iter().map(|l| l.labels.len()).collect();
            assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
            assert!(map.dots.iter().all(|d| d.shown != "1" && d.shown != "2"));
            let withheld: Vec<&str> = map
                .dots
                .iter()
                .filter(|d| d.count.is_withheld())
                .map(|d| d.shown.as_str())
                .collect();
            assert!(!withheld.is_empty());
            for layer in &map.layers {
                assert!(
                    layer
                        .labels
                        .iter()
                        .all(|l| !withheld.contains(&l.text.as_str())),
                    "withheld counts are not written on the map"
                );
            }
        }
    }

    #[test]
    fn the_css_shows_each_layer_at_its_width() {
        let css = include_str!("../../../../../../assets/css/map.css");
        for (name, width) in LABEL_LAYERS.iter().skip(1) {
            assert!(
                css.contains(&format!("@container map (min-width: {width}px)")),
                "map.css has no container query for layer {name} at {width}px"
            );
        }
    }
}
