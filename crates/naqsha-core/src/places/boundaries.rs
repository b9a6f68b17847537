//! District boundaries supplied by a deployer (e.g. geoBoundaries or OCHA COD GeoJSON),
//! matched by name to the gazetteer's districts, and stored as text for reloading.

use serde_json::{Value, json};

use super::gazetteer::{Gazetteer, MatchKind};
use super::geometry::MultiPolygon;
use super::{PlaceId, PlaceLevel};

/// Feature properties that commonly carry a district name, tried in this order.
const NAME_KEYS: &[&str] = &[
    "shapeName",
    "ADM2_EN",
    "adm2_en",
    "NAME_2",
    "ADM2_NAME",
    "adm2_name",
    "DISTRICT",
    "District",
    "district",
    "DIST_NAME",
    "dist_name",
    "NAME_EN",
    "name_en",
    "NAME",
    "Name",
    "name",
];

/// Feature properties that commonly carry the province name, used to break ties.
const PROVINCE_KEYS: &[&str] = &[
    "ADM1_EN",
    "adm1_en",
    "NAME_1",
    "ADM1_NAME",
    "PROVINCE",
    "Province",
    "province",
];

/// Lowest lookup score accepted for a district name (prefix and fuzzy matches above it
/// are accepted only when they are unambiguous).
const MIN_SCORE: f32 = 0.4;

/// Imported district polygons.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Boundaries {
    districts: Vec<DistrictShape>,
}

#[derive(Debug, Clone, PartialEq)]
struct DistrictShape {
    id: PlaceId,
    source_names: Vec<String>,
    shape: MultiPolygon,
}

/// A feature matched to a district.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryMatch {
    /// Position of the feature in the FeatureCollection.
    pub feature: usize,
    /// The name found in the feature.
    pub source_name: String,
    /// The district it was matched to.
    pub district: PlaceId,
    /// Lookup score of the match (1.0 = exact name).
    pub score: f32,
}

/// A feature whose name matched no district.
#[derive(Debug, Clone, PartialEq)]
pub struct UnmatchedFeature {
    /// Position of the feature in the FeatureCollection.
    pub feature: usize,
    /// The name found in the feature.
    pub name: String,
    /// Districts that matched equally well, when the name was ambiguous.
    pub candidates: Vec<PlaceId>,
}

/// Why a feature was skipped.
#[derive(Debug, Clone, PartialEq)]
pub enum SkipReason {
    /// None of the usual name properties is present.
    NoName,
    /// The feature has no geometry, or one that is not a (Multi)Polygon or is invalid.
    Geometry(String),
    /// Not a GeoJSON Feature object.
    NotAFeature,
}

/// A feature that was not considered for matching.
#[derive(Debug, Clone, PartialEq)]
pub struct SkippedFeature {
    /// Position of the feature in the FeatureCollection.
    pub feature: usize,
    /// Why.
    pub reason: SkipReason,
}

/// What an import did with each feature.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BoundaryImportReport {
    /// Features matched to a district (several features may match one district; their
    /// polygons are merged).
    pub matched: Vec<BoundaryMatch>,
    /// Features with a name that matched no district, or several equally.
    pub unmatched: Vec<UnmatchedFeature>,
    /// Features skipped before matching.
    pub skipped: Vec<SkippedFeature>,
    /// Gazetteer districts that received no polygon.
    pub districts_without_boundary: Vec<PlaceId>,
}

/// Why boundaries could not be read at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BoundaryError {
    /// Not JSON.
    #[error("boundary file is not valid JSON: {0}")]
    Json(String),
    /// JSON, but not a GeoJSON FeatureCollection.
    #[error("boundary file is not a GeoJSON FeatureCollection")]
    NotFeatureCollection,
    /// A stored boundary set that does not have the expected shape.
    #[error("stored boundaries are invalid: {0}")]
    Stored(String),
}

impl Boundaries {
    /// Read a FeatureCollection of district (Multi)Polygons and match each feature to a
    /// gazetteer district by its name property (`shapeName`, `ADM2_EN`, `NAME_2`, `name`,
    /// `district`, …). Ties between equally good names are broken by the province property
    /// when present, then by which candidate's headquarters lies inside the feature.
    pub fn from_geojson(
        text: &str,
        gazetteer: &Gazetteer,
    ) -> Result<(Boundaries, BoundaryImportReport), BoundaryError> {
        let v: Value =
            serde_json::from_str(text).map_err(|e| BoundaryError::Json(e.to_string()))?;
        if v.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
            return Err(BoundaryError::NotFeatureCollection);
        }
        let feats = v
            .get("features")
            .and_then(Value::as_array)
            .ok_or(BoundaryError::NotFeatureCollection)?;
        let mut report = BoundaryImportReport::default();
        let mut out = Boundaries::default();
        for (i, f) in feats.iter().enumerate() {
            if f.get("type").and_then(Value::as_str) != Some("Feature") {
                report.skipped.push(SkippedFeature {
                    feature: i,
                    reason: SkipReason::NotAFeature,
                });
                continue;
            }
            let props = f.get("properties");
            let Some(name) = first_string(props, NAME_KEYS) else {
                report.skipped.push(SkippedFeature {
                    feature: i,
                    reason: SkipReason::NoName,
                });
                continue;
            };
            let shape = match f.get("geometry") {
                Some(g) if !g.is_null() => MultiPolygon::from_geojson(g),
                _ => {
                    report.skipped.push(SkippedFeature {
                        feature: i,
                        reason: SkipReason::Geometry("no geometry".into()),
                    });
                    continue;
                }
            };
            let shape = match shape {
                Ok(s) => s,
                Err(e) => {
                    report.skipped.push(SkippedFeature {
                        feature: i,
                        reason: SkipReason::Geometry(e.to_string()),
                    });
                    continue;
                }
            };
            let province = first_string(props, PROVINCE_KEYS);
            match match_district(gazetteer, &name, province.as_deref(), &shape) {
                Ok((id, score)) => {
                    report.matched.push(BoundaryMatch {
                        feature: i,
                        source_name: name.clone(),
                        district: id.clone(),
                        score,
                    });
                    out.add(id, name, shape);
                }
                Err(candidates) => report.unmatched.push(UnmatchedFeature {
                    feature: i,
                    name,
                    candidates,
                }),
            }
        }
        report.districts_without_boundary = gazetteer
            .districts()
            .into_iter()
            .map(|d| d.id().clone())
            .filter(|id| !out.districts.iter().any(|s| &s.id == id))
            .collect();
        Ok((out, report))
    }

    fn add(&mut self, id: PlaceId, name: String, shape: MultiPolygon) {
        if let Some(existing) = self.districts.iter_mut().find(|d| d.id == id) {
            existing.shape.absorb(shape);
            if !existing.source_names.contains(&name) {
                existing.source_names.push(name);
            }
        } else {
            self.districts.push(DistrictShape {
                id,
                source_names: vec![name],
                shape,
            });
        }
    }

    /// The district whose polygon contains the point.
    pub fn district_at(&self, lat: f64, lon: f64) -> Option<&PlaceId> {
        self.districts
            .iter()
            .find(|d| d.shape.contains(lat, lon))
            .map(|d| &d.id)
    }

    /// Districts that have a polygon.
    pub fn district_ids(&self) -> Vec<&PlaceId> {
        self.districts.iter().map(|d| &d.id).collect()
    }

    /// The polygon of one district.
    pub fn shape(&self, id: &PlaceId) -> Option<&MultiPolygon> {
        self.districts
            .iter()
            .find(|d| &d.id == id)
            .map(|d| &d.shape)
    }

    /// Number of districts with a polygon.
    pub fn len(&self) -> usize {
        self.districts.len()
    }

    /// Whether no district has a polygon.
    pub fn is_empty(&self) -> bool {
        self.districts.is_empty()
    }

    /// Serialise as a GeoJSON FeatureCollection (one MultiPolygon feature per district,
    /// properties `id` and `source_names`, coordinates to 5 decimals), suitable for
    /// storing and for [`Boundaries::from_stored`].
    pub fn to_geojson(&self) -> String {
        let feats: Vec<Value> = self
            .districts
            .iter()
            .map(|d| {
                json!({
                    "type": "Feature",
                    "properties": {"id": d.id.as_str(), "source_names": d.source_names},
                    "geometry": d.shape.to_geojson(5),
                })
            })
            .collect();
        json!({
            "type": "FeatureCollection",
            "naqsha": "district-boundaries/1",
            "features": feats,
        })
        .to_string()
    }

    /// Reload boundaries written by [`Boundaries::to_geojson`].
    pub fn from_stored(text: &str) -> Result<Boundaries, BoundaryError> {
        let v: Value =
            serde_json::from_str(text).map_err(|e| BoundaryError::Json(e.to_string()))?;
        if v.get("naqsha").and_then(Value::as_str) != Some("district-boundaries/1") {
            return Err(BoundaryError::Stored("missing format marker".into()));
        }
        let feats = v
            .get("features")
            .and_then(Value::as_array)
            .ok_or(BoundaryError::NotFeatureCollection)?;
        let mut out = Boundaries::default();
        for (i, f) in feats.iter().enumerate() {
            let id = f
                .pointer("/properties/id")
                .and_then(Value::as_str)
                .ok_or_else(|| BoundaryError::Stored(format!("feature {i} has no id")))
                .and_then(|s| {
                    PlaceId::new(s).map_err(|e| BoundaryError::Stored(format!("feature {i}: {e}")))
                })?;
            let source_names = f
                .pointer("/properties/source_names")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let shape = f
                .get("geometry")
                .ok_or_else(|| BoundaryError::Stored(format!("feature {i} has no geometry")))
                .and_then(|g| {
                    MultiPolygon::from_geojson(g)
                        .map_err(|e| BoundaryError::Stored(format!("feature {i}: {e}")))
                })?;
            if out.districts.iter().any(|d| d.id == id) {
                return Err(BoundaryError::Stored(format!(
                    "district {id} appears twice"
                )));
            }
            out.districts.push(DistrictShape {
                id,
                source_names,
                shape,
            });
        }
        Ok(out)
    }
}

fn first_string(props: Option<&Value>, keys: &[&str]) -> Option<String> {
    let props = props?;
    keys.iter()
        .filter_map(|k| props.get(*k).and_then(Value::as_str))
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(str::to_string)
}

/// Remove words that boundary files add to district names ("Lahore District",
/// "Khyber Agency", "District Swat").
fn strip_admin_words(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| {
            let l = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            !matches!(l.as_str(), "district" | "agency" | "dist" | "ضلع")
        })
        .collect();
    words.join(" ")
}

fn match_district(
    gaz: &Gazetteer,
    name: &str,
    province: Option<&str>,
    shape: &MultiPolygon,
) -> Result<(PlaceId, f32), Vec<PlaceId>> {
    let cleaned = strip_admin_words(name);
    let mut matches = gaz.lookup_level(&cleaned, PlaceLevel::District);
    if matches.is_empty() && cleaned != name {
        matches = gaz.lookup_level(name, PlaceLevel::District);
    }
    matches.retain(|m| m.score >= MIN_SCORE);
    let Some((best, best_kind)) = matches.first().map(|m| (m.score, m.kind)) else {
        return Err(Vec::new());
    };
    // An exact or alternate name stands alone; prefixes and misspellings of similar
    // quality are all plausible and are told apart below.
    let mut tied: Vec<_> = matches
        .into_iter()
        .filter(|m| {
            m.score == best
                || (m.kind == best_kind
                    && matches!(best_kind, MatchKind::Prefix | MatchKind::Fuzzy)
                    && m.score >= best - 0.15)
        })
        .collect();
    if tied.len() > 1
        && let Some(prov) = province
        && let Some(p) = gaz
            .lookup_level(prov, PlaceLevel::Province)
            .first()
            .filter(|p| p.score >= 0.9)
    {
        let in_province: Vec<_> = tied
            .iter()
            .filter(|m| m.place.parent() == Some(p.place.id()))
            .cloned()
            .collect();
        if !in_province.is_empty() {
            tied = in_province;
        }
    }
    if tied.len() > 1 {
        let inside: Vec<_> = tied
            .iter()
            .filter(|m| shape.contains(m.place.lat(), m.place.lon()))
            .cloned()
            .collect();
        if !inside.is_empty() {
            tied = inside;
        }
    }
    match tied.as_slice() {
        [one] => Ok((one.place.id().clone(), one.score)),
        _ => Err(tied.iter().map(|m| m.place.id().clone()).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> PlaceId {
        PlaceId::new(s).unwrap()
    }

    /// A box around a point, as GeoJSON coordinates.
    fn square(lat: f64, lon: f64, half: f64) -> String {
        format!(
            "[[[{a},{b}],[{c},{b}],[{c},{d}],[{a},{d}],[{a},{b}]]]",
            a = lon - half,
            b = lat - half,
            c = lon + half,
            d = lat + half
        )
    }

    fn sample() -> String {
        format!(
            r#"{{"type":"FeatureCollection","features":[
              {{"type":"Feature","properties":{{"shapeName":"Lahore District","shapeISO":"PK-PB"}},
                "geometry":{{"type":"Polygon","coordinates":{lahore}}}}},
              {{"type":"Feature","properties":{{"ADM2_EN":"Atlantis"}},
                "geometry":{{"type":"Polygon","coordinates":{sea}}}}},
              {{"type":"Feature","properties":{{"area":12}},
                "geometry":{{"type":"Polygon","coordinates":{sea}}}}},
              {{"type":"Feature","properties":{{"NAME_2":"Quetta"}},
                "geometry":{{"type":"Point","coordinates":[66.97,30.18]}}}}
            ]}}"#,
            lahore = square(31.52, 74.35, 0.3),
            sea = square(22.0, 64.0, 0.5)
        )
    }

    #[test]
    fn import_reports_matched_unmatched_and_skipped() {
        let gaz = Gazetteer::pakistan();
        let (b, report) = Boundaries::from_geojson(&sample(), gaz).unwrap();
        assert_eq!(report.matched.len(), 1);
        assert_eq!(report.matched[0].district, id("pk-pb-lahore"));
        assert_eq!(report.matched[0].source_name, "Lahore District");
        assert_eq!(report.unmatched.len(), 1);
        assert_eq!(report.unmatched[0].name, "Atlantis");
        assert_eq!(report.skipped.len(), 2);
        assert_eq!(report.skipped[0].reason, SkipReason::NoName);
        assert!(matches!(report.skipped[1].reason, SkipReason::Geometry(_)));
        assert_eq!(
            report.districts_without_boundary.len(),
            gaz.districts().len() - 1
        );
        assert_eq!(b.district_at(31.55, 74.34), Some(&id("pk-pb-lahore")));
        assert_eq!(b.district_at(24.86, 67.01), None);
        assert_eq!(b.len(), 1);
    }

    #[test]
    fn stored_form_round_trips() {
        let gaz = Gazetteer::pakistan();
        let (b, _) = Boundaries::from_geojson(&sample(), gaz).unwrap();
        let text = b.to_geojson();
        let back = Boundaries::from_stored(&text).unwrap();
        assert_eq!(back.district_ids(), vec![&id("pk-pb-lahore")]);
        assert_eq!(back.district_at(31.55, 74.34), Some(&id("pk-pb-lahore")));
        assert!(back.shape(&id("pk-pb-lahore")).is_some());
        assert!(matches!(
            Boundaries::from_stored("{\"type\":\"FeatureCollection\",\"features\":[]}"),
            Err(BoundaryError::Stored(_))
        ));
    }

    #[test]
    fn rejects_non_feature_collections() {
        let gaz = Gazetteer::pakistan();
        assert!(matches!(
            Boundaries::from_geojson("not json", gaz),
            Err(BoundaryError::Json(_))
        ));
        assert_eq!(
            Boundaries::from_geojson(r#"{"type":"Feature"}"#, gaz).unwrap_err(),
            BoundaryError::NotFeatureCollection
        );
    }

    #[test]
    fn features_of_one_district_merge_and_ambiguity_uses_the_shape() {
        let gaz = Gazetteer::pakistan();
        // "Karachi" begins four district names; the polygon holds only Karachi South's point.
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[
              {{"type":"Feature","properties":{{"name":"Karachi"}},
                "geometry":{{"type":"Polygon","coordinates":{k}}}}},
              {{"type":"Feature","properties":{{"district":"District Swat"}},
                "geometry":{{"type":"Polygon","coordinates":{s1}}}}},
              {{"type":"Feature","properties":{{"district":"Swat"}},
                "geometry":{{"type":"Polygon","coordinates":{s2}}}}}
            ]}}"#,
            k = square(24.855, 67.02, 0.01),
            s1 = square(34.75, 72.36, 0.1),
            s2 = square(35.2, 72.5, 0.1)
        );
        let (b, report) = Boundaries::from_geojson(&text, gaz).unwrap();
        assert_eq!(report.matched.len(), 3, "{report:?}");
        assert_eq!(report.matched[0].district, id("pk-sd-karachi-south"));
        assert_eq!(b.len(), 2);
        assert_eq!(b.district_at(35.2, 72.5), Some(&id("pk-kp-swat")));
        assert_eq!(b.district_at(34.75, 72.36), Some(&id("pk-kp-swat")));
    }
}
