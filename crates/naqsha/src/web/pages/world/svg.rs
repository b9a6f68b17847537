//! The world map as server-side SVG: country outlines, and one circle per country (world
//! zoom) or per district or region point (country and region zoom), its area proportional to
//! the published count. Works without JavaScript; `assets/js/world.js` reads the same circles
//! (their `data-lat`/`data-lon`) to draw the Leaflet view.
//!
//! Projection: equirectangular over the view's frame, longitudes scaled by the cosine of its
//! middle latitude; the frame is 1000 units wide, and outlines are thinned to two units (under two
//! CSS pixels on the widest screen, under one on a phone).

use std::sync::LazyLock;

use naqsha_core::disclosure::PublicCount;
use naqsha_core::places::{BBox, Position, World};

use crate::web::pages::map::outlines::{OUTLINES, douglas_peucker};
use crate::web::pages::map::svg::write_ring;

/// Width of every view, in units.
const WIDTH: f64 = 1000.0;
/// Radius of the largest circle, in units.
const MAX_RADIUS: f64 = 45.0;
/// Radius of the smallest circle, in units (about 4 px on a phone).
const MIN_RADIUS: f64 = 11.0;
/// The count that gets the largest circle: a map of few cases keeps small circles.
const FULL_CIRCLE: u32 = 50;
/// The world view: Antarctica and the far north carry no cases and are left out.
const WORLD: BBox = BBox {
    min_lon: -180.0,
    min_lat: -58.0,
    max_lon: 180.0,
    max_lat: 84.0,
};

/// The part of the globe a view shows, and its projection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// West edge, degrees.
    pub west: f64,
    /// North edge, degrees.
    pub north: f64,
    /// East edge, degrees.
    pub east: f64,
    /// South edge, degrees.
    pub south: f64,
    /// Units per degree of longitude.
    pub kx: f64,
    /// Units per degree of latitude.
    pub ky: f64,
}

impl Frame {
    /// The whole world.
    pub fn world() -> Self {
        Self::around(WORLD, 0.0)
    }

    /// A frame holding `b` with `pad` of its size around it, no flatter than 2:1 and no
    /// taller than square, and at least `min` degrees on each side.
    pub fn fit(b: BBox, min: f64) -> Self {
        let mut b = b;
        let grow = |lo: &mut f64, hi: &mut f64, to: f64| {
            let mid = (*lo + *hi) / 2.0;
            if *hi - *lo < to {
                *lo = mid - to / 2.0;
                *hi = mid + to / 2.0;
            }
        };
        grow(&mut b.min_lon, &mut b.max_lon, min);
        grow(&mut b.min_lat, &mut b.max_lat, min);
        Self::around(b, 0.08)
    }

    fn around(b: BBox, pad: f64) -> Self {
        let (mut west, mut east) = (b.min_lon, b.max_lon);
        let (mut south, mut north) = (b.min_lat, b.max_lat);
        let dx = (east - west) * pad;
        let dy = (north - south) * pad;
        west -= dx;
        east += dx;
        south = (south - dy).max(-85.0);
        north = (north + dy).min(85.0);
        let cos = ((south + north) / 2.0).to_radians().cos().max(0.3);
        // Keep the shape between 2:1 and square by widening the shorter side.
        let w = (east - west) * cos;
        let h = north - south;
        if h > w {
            let extra = (h / cos - (east - west)) / 2.0;
            west -= extra;
            east += extra;
        } else if h < w / 2.0 {
            let extra = (w / 2.0 - h) / 2.0;
            south = (south - extra).max(-85.0);
            north = (north + extra).min(85.0);
        }
        let kx = WIDTH / (east - west);
        Self {
            west,
            north,
            east,
            south,
            kx,
            ky: kx / cos,
        }
    }

    /// (x, y) of a point, in units from the top-left corner.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        ((lon - self.west) * self.kx, (self.north - lat) * self.ky)
    }

    /// The height of the view, in units.
    pub fn height(&self) -> f64 {
        ((self.north - self.south) * self.ky).round()
    }

    /// The `viewBox` attribute.
    pub fn view_box(&self) -> String {
        format!("0 0 {WIDTH} {}", self.height())
    }

    /// "west south east north" of the frame, for the interactive map to fit.
    pub fn bounds_attr(&self) -> String {
        format!(
            "{:.3} {:.3} {:.3} {:.3}",
            self.west, self.south, self.east, self.north
        )
    }

    fn bbox(&self) -> BBox {
        BBox {
            min_lon: self.west,
            min_lat: self.south,
            max_lon: self.east,
            max_lat: self.north,
        }
    }
}

/// One country's outline in a view.
#[derive(Debug, Clone)]
pub struct CountryPath {
    /// ISO alpha-2 code.
    pub iso2: String,
    /// SVG path data.
    pub d: String,
    /// It is the country the filter chose.
    pub chosen: bool,
    /// It has cases (drawn a little darker).
    pub with_cases: bool,
}

/// One circle.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    /// The country's or place's name.
    pub name: String,
    /// "Pakistan: 15", shown when pointing at it.
    pub title: String,
    /// Cases there, as published.
    pub count: PublicCount,
    /// Where, degrees.
    pub lat: f64,
    /// Where, degrees.
    pub lon: f64,
    /// Centre, in units.
    pub cx: f64,
    /// Centre, in units.
    pub cy: f64,
    /// Radius, in units.
    pub r: f64,
    /// Where a click leads (the zoom into it), without JavaScript too.
    pub href: String,
}

/// A point to draw a circle at, before sizing.
pub struct Spot {
    /// Name shown.
    pub name: String,
    /// Hover text.
    pub title: String,
    /// The exact count, published through [`PublicCount`] here.
    pub exact: u32,
    /// Position `[lon, lat]`.
    pub at: Position,
    /// Link.
    pub href: String,
}

/// The SVG map of one view.
#[derive(Debug, Clone)]
pub struct WorldSvg {
    /// Frame and projection.
    pub frame: Frame,
    /// Countries in view.
    pub countries: Vec<CountryPath>,
    /// Province outlines (only when zoomed into a country the gazetteer outlines).
    pub provinces: Vec<String>,
    /// The circles, largest first so small ones stay on top.
    pub dots: Vec<Dot>,
}

/// The world view's outlines, built once.
static WORLD_PATHS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let frame = Frame::world();
    World::get()
        .countries()
        .iter()
        .map(|c| (c.iso2().to_owned(), country_path(c, &frame)))
        .filter(|(_, d)| !d.is_empty())
        .collect()
});

impl WorldSvg {
    /// The map of `spots` in `frame`, with `chosen` highlighted, `with_cases` the countries
    /// that have any; `outline_provinces`: draw the bundled province outlines.
    pub fn new(
        frame: Frame,
        spots: Vec<Spot>,
        chosen: Option<&str>,
        with_cases: &[String],
        outline_provinces: bool,
    ) -> Self {
        let world = World::get();
        let countries = if frame == Frame::world() {
            WORLD_PATHS
                .iter()
                .map(|(iso2, d)| CountryPath {
                    chosen: chosen == Some(iso2.as_str()),
                    with_cases: with_cases.contains(iso2),
                    iso2: iso2.clone(),
                    d: d.clone(),
                })
                .collect()
        } else {
            let view = frame.bbox();
            world
                .countries()
                .iter()
                .filter(|c| overlaps(&c.bbox(), &view))
                .map(|c| CountryPath {
                    iso2: c.iso2().to_owned(),
                    d: country_path(c, &frame),
                    chosen: chosen == Some(c.iso2()),
                    with_cases: with_cases.iter().any(|w| w == c.iso2()),
                })
                .filter(|p| !p.d.is_empty())
                .collect()
        };
        let provinces = if outline_provinces {
            OUTLINES
                .provinces
                .iter()
                .map(|o| {
                    let mut d = String::new();
                    for ring in o.polygons.iter().flatten() {
                        let pts: Vec<Position> = ring
                            .iter()
                            .map(|&(x, y)| [f64::from(x) / 100.0, f64::from(y) / 100.0])
                            .collect();
                        ring_path(&mut d, &pts, &frame);
                    }
                    d
                })
                .collect()
        } else {
            Vec::new()
        };
        let max = spots
            .iter()
            .map(|s| PublicCount::of(s.exact).weight())
            .max()
            .unwrap_or(1)
            .max(FULL_CIRCLE);
        let mut dots: Vec<Dot> = spots
            .into_iter()
            .filter_map(|s| {
                let count = PublicCount::of(s.exact);
                if !count.is_some() {
                    return None;
                }
                let (cx, cy) = frame.project(s.at[0], s.at[1]);
                let r = (MAX_RADIUS * (f64::from(count.weight()) / f64::from(max)).sqrt())
                    .max(MIN_RADIUS);
                Some(Dot {
                    name: s.name,
                    title: s.title,
                    count,
                    lat: s.at[1],
                    lon: s.at[0],
                    cx: round1(cx),
                    cy: round1(cy),
                    r: round1(r),
                    href: s.href,
                })
            })
            .collect();
        dots.sort_by(|a, b| {
            b.count
                .weight()
                .cmp(&a.count.weight())
                .then(a.name.cmp(&b.name))
        });
        Self {
            frame,
            countries,
            provinces,
            dots,
        }
    }
}

fn overlaps(a: &BBox, b: &BBox) -> bool {
    a.min_lon <= b.max_lon
        && a.max_lon >= b.min_lon
        && a.min_lat <= b.max_lat
        && a.max_lat >= b.min_lat
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Path data of a country's outline in `frame`: each ring clipped to a margin around the
/// frame, thinned to about a unit, in whole units with relative steps.
fn country_path(c: &naqsha_core::places::Country, frame: &Frame) -> String {
    let mut d = String::new();
    for poly in c.outline().polygons() {
        for ring in poly.rings() {
            ring_path(&mut d, ring, frame);
        }
    }
    d
}

fn ring_path(out: &mut String, ring: &[Position], frame: &Frame) {
    let mx = (frame.east - frame.west) * 0.05;
    let my = (frame.north - frame.south) * 0.05;
    let clip = [
        frame.west - mx,
        frame.south - my,
        frame.east + mx,
        frame.north + my,
    ];
    let Some(ring) = clip_ring(ring, clip) else {
        return;
    };
    let mut pts: Vec<(i64, i64)> = Vec::with_capacity(ring.len());
    for p in &ring {
        let (x, y) = frame.project(p[0], p[1]);
        let q = (x.round() as i64, y.round() as i64);
        if pts.last() != Some(&q) {
            pts.push(q);
        }
    }
    let pts = thin(&pts, 2.0);
    if pts.len() < 3 {
        return;
    }
    write_ring(out, pts);
}

/// Douglas–Peucker on projected points, tolerance in units.
fn thin(pts: &[(i64, i64)], tolerance: f64) -> Vec<(i64, i64)> {
    let f: Vec<(f64, f64)> = pts.iter().map(|p| (p.0 as f64, p.1 as f64)).collect();
    let keep = douglas_peucker(&f, tolerance);
    pts.iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(p, _)| *p)
        .collect()
}

/// Sutherland–Hodgman clip of a ring to `[west, south, east, north]`; `None` when nothing
/// of it is left.
fn clip_ring(ring: &[Position], b: [f64; 4]) -> Option<Vec<Position>> {
    let mut pts: Vec<Position> = ring.to_vec();
    if pts.first() == pts.last() {
        pts.pop();
    }
    type Inside = fn(Position, [f64; 4]) -> bool;
    type Cross = fn(Position, Position, [f64; 4]) -> Position;
    let edges: [(Inside, Cross); 4] = [
        (
            |p, b| p[0] >= b[0],
            |a, c, b| [b[0], a[1] + (c[1] - a[1]) * (b[0] - a[0]) / (c[0] - a[0])],
        ),
        (
            |p, b| p[0] <= b[2],
            |a, c, b| [b[2], a[1] + (c[1] - a[1]) * (b[2] - a[0]) / (c[0] - a[0])],
        ),
        (
            |p, b| p[1] >= b[1],
            |a, c, b| [a[0] + (c[0] - a[0]) * (b[1] - a[1]) / (c[1] - a[1]), b[1]],
        ),
        (
            |p, b| p[1] <= b[3],
            |a, c, b| [a[0] + (c[0] - a[0]) * (b[3] - a[1]) / (c[1] - a[1]), b[3]],
        ),
    ];
    for (inside, cross) in edges {
        let &start = pts.last()?;
        let mut out = Vec::with_capacity(pts.len());
        let mut prev = start;
        for &cur in &pts {
            if inside(cur, b) {
                if !inside(prev, b) {
                    out.push(cross(prev, cur, b));
                }
                out.push(cur);
            } else if inside(prev, b) {
                out.push(cross(prev, cur, b));
            }
            prev = cur;
        }
        pts = out;
    }
    (pts.len() >= 3).then_some(pts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_world_view_outlines_every_country_in_little_space() {
        let total: usize = WORLD_PATHS.iter().map(|(_, d)| d.len()).sum();
        assert!(WORLD_PATHS.len() > 150, "{}", WORLD_PATHS.len());
        assert!(total < 120_000, "{total} bytes of outlines at world zoom");
        assert!(WORLD_PATHS.iter().any(|(iso, _)| iso == "PK"));
    }

    #[test]
    fn a_country_frame_holds_the_country_and_projects_inside_the_view() {
        let pk = World::get().country("PK").map(|c| c.main_bbox());
        let frame = Frame::fit(pk.unwrap(), 2.0);
        let (x, y) = frame.project(74.34, 31.55); // Lahore
        assert!((0.0..=WIDTH).contains(&x) && (0.0..=frame.height()).contains(&y));
        let (x, _) = frame.project(100.0, 31.0); // far east of Pakistan
        assert!(x > WIDTH);
    }

    #[test]
    fn clipping_keeps_the_part_inside() {
        let square = [
            [0.0, 0.0],
            [10.0, 0.0],
            [10.0, 10.0],
            [0.0, 10.0],
            [0.0, 0.0],
        ];
        let clipped = clip_ring(&square, [5.0, -1.0, 20.0, 20.0]).unwrap();
        assert!(clipped.iter().all(|p| p[0] >= 5.0));
        assert!(clip_ring(&square, [50.0, 50.0, 60.0, 60.0]).is_none());
    }
}
