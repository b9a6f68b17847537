//! The bundled Natural Earth outlines (provinces and neighbouring countries), simplified once
//! for the map: rounded to a hundredth of a degree (about a kilometre, finer than a pixel of
//! any view of the whole country) and thinned with Douglas–Peucker, so the server-side SVG
//! and the GeoJSON the interactive map reads stay small.

use std::sync::LazyLock;

use naqsha_core::places::{neighbours_geojson, province_outlines_geojson};
use serde_json::{Value, json};

/// Degrees a simplified province outline may stray from the original.
const PROVINCE_TOLERANCE: f64 = 0.01;
/// Neighbouring countries are background only and drawn coarser.
const NEIGHBOUR_TOLERANCE: f64 = 0.04;

/// A ring of (lon, lat) points in hundredths of a degree.
pub type Ring = Vec<(i32, i32)>;

/// One outlined area: a province or a neighbouring country.
#[derive(Debug, Clone)]
pub struct Outline {
    /// The gazetteer province id, or the country's ISO 3166 alpha-3 code.
    pub id: String,
    /// English name.
    pub name_en: String,
    /// Urdu name.
    pub name_ur: String,
    /// The polygons, each a list of rings (outer first).
    pub polygons: Vec<Vec<Ring>>,
}

/// Every outline the map draws.
#[derive(Debug)]
pub struct Outlines {
    /// Provinces and territories of Pakistan.
    pub provinces: Vec<Outline>,
    /// Neighbouring countries (and Pakistan as a whole), for the background.
    pub neighbours: Vec<Outline>,
}

/// The outlines, simplified on first use.
pub static OUTLINES: LazyLock<Outlines> = LazyLock::new(|| Outlines {
    provinces: parse(province_outlines_geojson(), "id", PROVINCE_TOLERANCE),
    neighbours: parse(neighbours_geojson(), "iso3", NEIGHBOUR_TOLERANCE),
});

/// The simplified outlines as one GeoJSON FeatureCollection for the interactive map: each
/// feature has `layer` (`province` or `neighbour`), `id`, `name_en` and `name_ur`.
pub static OUTLINES_GEOJSON: LazyLock<String> = LazyLock::new(|| {
    let features: Vec<Value> = OUTLINES
        .neighbours
        .iter()
        .map(|o| feature(o, "neighbour"))
        .chain(OUTLINES.provinces.iter().map(|o| feature(o, "province")))
        .collect();
    json!({
        "type": "FeatureCollection",
        "attribution": "Natural Earth (public domain); simplified; boundaries not authoritative",
        "features": features,
    })
    .to_string()
});

fn feature(o: &Outline, layer: &str) -> Value {
    let polygons: Vec<Value> = o
        .polygons
        .iter()
        .map(|rings| {
            rings
                .iter()
                .map(|ring| {
                    ring.iter()
                        .map(|&(x, y)| json!([f64::from(x) / 100.0, f64::from(y) / 100.0]))
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        })
        .map(Value::from)
        .collect();
    json!({
        "type": "Feature",
        "properties": { "layer": layer, "id": o.id, "name_en": o.name_en, "name_ur": o.name_ur },
        "geometry": { "type": "MultiPolygon", "coordinates": polygons },
    })
}

/// Reads a bundled FeatureCollection. The files are part of the build and checked by the
/// tests of `naqsha-core`; a feature that does not read is left out rather than failing the
/// page.
fn parse(text: &str, id_key: &str, tolerance: f64) -> Vec<Outline> {
    let Ok(doc) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    let Some(features) = doc["features"].as_array() else {
        return Vec::new();
    };
    features
        .iter()
        .filter_map(|f| {
            let props = &f["properties"];
            let coords = &f["geometry"]["coordinates"];
            let polygons: Vec<&Value> = match f["geometry"]["type"].as_str()? {
                "Polygon" => vec![coords],
                "MultiPolygon" => coords.as_array()?.iter().collect(),
                _ => return None,
            };
            let polygons = polygons
                .into_iter()
                .filter_map(|p| {
                    let rings: Vec<Ring> = p
                        .as_array()?
                        .iter()
                        .filter_map(|r| simplify_ring(&read_ring(r)?, tolerance))
                        .collect();
                    (!rings.is_empty()).then_some(rings)
                })
                .collect();
            Some(Outline {
                id: props[id_key].as_str()?.to_owned(),
                name_en: props["name_en"].as_str()?.to_owned(),
                name_ur: props["name_ur"].as_str().unwrap_or_default().to_owned(),
                polygons,
            })
        })
        .collect()
}

fn read_ring(ring: &Value) -> Option<Vec<(f64, f64)>> {
    ring.as_array()?
        .iter()
        .map(|p| Some((p[0].as_f64()?, p[1].as_f64()?)))
        .collect()
}

/// Douglas–Peucker, then rounding to hundredths with repeated points dropped; `None` when
/// fewer than three distinct points are left.
fn simplify_ring(points: &[(f64, f64)], tolerance: f64) -> Option<Ring> {
    if points.len() < 4 {
        return None;
    }
    let keep = douglas_peucker(points, tolerance);
    let mut ring: Ring = Vec::new();
    for (p, _) in points.iter().zip(&keep).filter(|(_, k)| **k) {
        let q = ((p.0 * 100.0).round() as i32, (p.1 * 100.0).round() as i32);
        if ring.last() != Some(&q) {
            ring.push(q);
        }
    }
    if ring.first() != ring.last() {
        let first = ring[0];
        ring.push(first);
    }
    (ring.len() >= 4).then_some(ring)
}

/// Douglas–Peucker on a closed ring (first point = last): which points to keep so that no
/// dropped point lies farther than `tolerance` from the line kept. Every point is kept of a
/// ring of fewer than four.
pub(crate) fn douglas_peucker(points: &[(f64, f64)], tolerance: f64) -> Vec<bool> {
    if points.len() < 4 {
        return vec![true; points.len()];
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    // The ring is closed (first = last), so split it at its farthest point from the start to
    // give the line simplification two open halves.
    let far = (1..points.len() - 1)
        .max_by(|&a, &b| dist2(points[0], points[a]).total_cmp(&dist2(points[0], points[b])))
        .unwrap_or(1);
    keep[far] = true;
    let mut stack = vec![(0, far), (far, points.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let mut worst = (0.0, 0);
        for i in a + 1..b {
            let d = segment_distance(points[i], points[a], points[b]);
            if d > worst.0 {
                worst = (d, i);
            }
        }
        if worst.0 > tolerance {
            keep[worst.1] = true;
            stack.push((a, worst.1));
            stack.push((worst.1, b));
        }
    }
    keep
}

fn dist2(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

/// Distance from `p` to the segment `a`–`b`.
fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let len2 = dist2(a, b);
    if len2 == 0.0 {
        return dist2(p, a).sqrt();
    }
    let t = (((p.0 - a.0) * (b.0 - a.0) + (p.1 - a.1) * (b.1 - a.1)) / len2).clamp(0.0, 1.0);
    dist2(p, (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use naqsha_core::places::Gazetteer;

    #[test]
    fn every_province_is_outlined_and_thinned() {
        let g = Gazetteer::pakistan();
        let ids: Vec<&str> = OUTLINES.provinces.iter().map(|o| o.id.as_str()).collect();
        for p in g.provinces() {
            assert!(ids.contains(&p.id().as_str()), "{} has no outline", p.id());
        }
        let points: usize = OUTLINES
            .provinces
            .iter()
            .flat_map(|o| o.polygons.iter().flatten())
            .map(Vec::len)
            .sum();
        assert!(
            (300..2000).contains(&points),
            "{points} points: too coarse or not simplified"
        );
        assert!(OUTLINES.neighbours.iter().any(|o| o.id == "IND"));
        assert!(OUTLINES.provinces.iter().all(|o| !o.name_ur.is_empty()));
    }

    #[test]
    fn simplification_keeps_the_corners_of_a_square() {
        let mut square = vec![(60.0, 30.0)];
        for i in 1..=10 {
            square.push((60.0 + f64::from(i) * 0.1, 30.0 + 0.001 * f64::from(i % 2)));
        }
        square.extend([(61.0, 31.0), (60.0, 31.0), (60.0, 30.0)]);
        let ring = simplify_ring(&square, 0.01).unwrap();
        assert_eq!(
            ring,
            [
                (6000, 3000),
                (6100, 3000),
                (6100, 3100),
                (6000, 3100),
                (6000, 3000)
            ]
        );
        let geojson: Value = serde_json::from_str(&OUTLINES_GEOJSON).unwrap();
        assert!(geojson["features"].as_array().unwrap().len() >= 8);
    }
}
