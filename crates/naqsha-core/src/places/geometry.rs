//! Small planar geometry on longitude/latitude: polygons with holes, bounding boxes,
//! point-in-polygon by ray casting, and reading GeoJSON Polygon/MultiPolygon geometry.

use serde_json::Value;

/// A position as `[longitude, latitude]`, the GeoJSON order.
pub type Position = [f64; 2];

/// An axis-aligned bounding box in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    /// Smallest longitude.
    pub min_lon: f64,
    /// Smallest latitude.
    pub min_lat: f64,
    /// Largest longitude.
    pub max_lon: f64,
    /// Largest latitude.
    pub max_lat: f64,
}

impl BBox {
    fn empty() -> Self {
        Self {
            min_lon: f64::INFINITY,
            min_lat: f64::INFINITY,
            max_lon: f64::NEG_INFINITY,
            max_lat: f64::NEG_INFINITY,
        }
    }

    fn extend(&mut self, p: Position) {
        self.min_lon = self.min_lon.min(p[0]);
        self.max_lon = self.max_lon.max(p[0]);
        self.min_lat = self.min_lat.min(p[1]);
        self.max_lat = self.max_lat.max(p[1]);
    }

    fn union(&mut self, o: &BBox) {
        self.min_lon = self.min_lon.min(o.min_lon);
        self.max_lon = self.max_lon.max(o.max_lon);
        self.min_lat = self.min_lat.min(o.min_lat);
        self.max_lat = self.max_lat.max(o.max_lat);
    }

    /// Whether the point (inclusive edges) lies in the box.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        lon >= self.min_lon && lon <= self.max_lon && lat >= self.min_lat && lat <= self.max_lat
    }
}

/// A polygon: one exterior ring and any number of holes. Rings are stored closed or
/// open; the last edge back to the first point is implied.
#[derive(Debug, Clone, PartialEq)]
pub struct Polygon {
    rings: Vec<Vec<Position>>,
    bbox: BBox,
}

impl Polygon {
    /// Build from rings (exterior first). Each ring needs at least three distinct points.
    pub fn new(rings: Vec<Vec<Position>>) -> Result<Self, GeometryError> {
        if rings.is_empty() {
            return Err(GeometryError::Empty);
        }
        let mut bbox = BBox::empty();
        for ring in &rings {
            let mut distinct = ring.clone();
            if distinct.len() > 1 && distinct.first() == distinct.last() {
                distinct.pop();
            }
            if distinct.len() < 3 {
                return Err(GeometryError::ShortRing(ring.len()));
            }
            for p in ring {
                if !p[0].is_finite() || !p[1].is_finite() || p[0].abs() > 180.0 || p[1].abs() > 90.0
                {
                    return Err(GeometryError::BadPosition);
                }
            }
        }
        for p in &rings[0] {
            bbox.extend(*p);
        }
        Ok(Self { rings, bbox })
    }

    /// The exterior ring.
    pub fn exterior(&self) -> &[Position] {
        &self.rings[0]
    }

    /// The holes.
    pub fn holes(&self) -> &[Vec<Position>] {
        &self.rings[1..]
    }

    /// All rings, exterior first.
    pub fn rings(&self) -> &[Vec<Position>] {
        &self.rings
    }

    /// Bounding box of the exterior ring.
    pub fn bbox(&self) -> BBox {
        self.bbox
    }

    /// Whether the point lies inside the exterior ring and outside every hole.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        self.bbox.contains(lat, lon)
            && ring_contains(&self.rings[0], lat, lon)
            && !self.rings[1..].iter().any(|h| ring_contains(h, lat, lon))
    }
}

/// Several polygons treated as one shape.
#[derive(Debug, Clone, PartialEq)]
pub struct MultiPolygon {
    polygons: Vec<Polygon>,
    bbox: BBox,
}

impl MultiPolygon {
    /// Build from polygons; at least one is needed.
    pub fn new(polygons: Vec<Polygon>) -> Result<Self, GeometryError> {
        if polygons.is_empty() {
            return Err(GeometryError::Empty);
        }
        let mut bbox = BBox::empty();
        for p in &polygons {
            bbox.union(&p.bbox);
        }
        Ok(Self { polygons, bbox })
    }

    /// The polygons.
    pub fn polygons(&self) -> &[Polygon] {
        &self.polygons
    }

    /// Bounding box of all polygons.
    pub fn bbox(&self) -> BBox {
        self.bbox
    }

    /// Whether any polygon contains the point.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        self.bbox.contains(lat, lon) && self.polygons.iter().any(|p| p.contains(lat, lon))
    }

    /// Add the polygons of another shape to this one.
    pub fn absorb(&mut self, other: MultiPolygon) {
        self.bbox.union(&other.bbox);
        self.polygons.extend(other.polygons);
    }

    /// Read a GeoJSON geometry object of type Polygon or MultiPolygon.
    pub fn from_geojson(geometry: &Value) -> Result<Self, GeometryError> {
        let kind = geometry
            .get("type")
            .and_then(Value::as_str)
            .ok_or(GeometryError::Missing)?;
        let coords = geometry.get("coordinates").ok_or(GeometryError::Missing)?;
        match kind {
            "Polygon" => Self::new(vec![polygon_from(coords)?]),
            "MultiPolygon" => {
                let parts = coords.as_array().ok_or(GeometryError::Malformed)?;
                let polys = parts
                    .iter()
                    .map(polygon_from)
                    .collect::<Result<Vec<_>, _>>()?;
                Self::new(polys)
            }
            other => Err(GeometryError::Unsupported(other.to_string())),
        }
    }

    /// The GeoJSON geometry object (MultiPolygon), coordinates rounded to `digits`.
    pub fn to_geojson(&self, digits: i32) -> Value {
        let scale = 10f64.powi(digits);
        let round = |x: f64| (x * scale).round() / scale;
        let coords: Vec<Value> = self
            .polygons
            .iter()
            .map(|p| {
                Value::Array(
                    p.rings
                        .iter()
                        .map(|r| {
                            Value::Array(
                                r.iter()
                                    .map(|q| serde_json::json!([round(q[0]), round(q[1])]))
                                    .collect(),
                            )
                        })
                        .collect(),
                )
            })
            .collect();
        serde_json::json!({"type": "MultiPolygon", "coordinates": coords})
    }
}

fn polygon_from(coords: &Value) -> Result<Polygon, GeometryError> {
    let rings = coords.as_array().ok_or(GeometryError::Malformed)?;
    let mut out = Vec::with_capacity(rings.len());
    for ring in rings {
        let pts = ring.as_array().ok_or(GeometryError::Malformed)?;
        let mut r = Vec::with_capacity(pts.len());
        for pt in pts {
            let xy = pt.as_array().ok_or(GeometryError::Malformed)?;
            let (Some(x), Some(y)) = (
                xy.first().and_then(Value::as_f64),
                xy.get(1).and_then(Value::as_f64),
            ) else {
                return Err(GeometryError::Malformed);
            };
            r.push([x, y]);
        }
        out.push(r);
    }
    Polygon::new(out)
}

/// Ray casting: count crossings of a ray from the point towards +longitude.
fn ring_contains(ring: &[Position], lat: f64, lon: f64) -> bool {
    let n = ring.len();
    if n < 3 {
        return false;
    }
    let mut inside = false;
    let mut j = n - 1;
    for i in 0..n {
        let [xi, yi] = ring[i];
        let [xj, yj] = ring[j];
        if (yi > lat) != (yj > lat) {
            let x_cross = (xj - xi) * (lat - yi) / (yj - yi) + xi;
            if lon < x_cross {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

/// Great-circle distance in kilometres.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().min(1.0).asin()
}

/// Why a geometry could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GeometryError {
    /// No `type` or `coordinates`.
    #[error("geometry has no type or coordinates")]
    Missing,
    /// A geometry type other than Polygon or MultiPolygon.
    #[error("unsupported geometry type {0}")]
    Unsupported(String),
    /// Coordinates not nested as GeoJSON requires.
    #[error("coordinates are malformed")]
    Malformed,
    /// A polygon without rings, or a multipolygon without polygons.
    #[error("geometry is empty")]
    Empty,
    /// A ring with fewer than three distinct points.
    #[error("a ring has too few points ({0})")]
    ShortRing(usize),
    /// A position that is not a finite longitude/latitude.
    #[error("a position is not a valid longitude/latitude")]
    BadPosition,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn square_with_hole() -> Polygon {
        Polygon::new(vec![
            vec![
                [0.0, 0.0],
                [10.0, 0.0],
                [10.0, 10.0],
                [0.0, 10.0],
                [0.0, 0.0],
            ],
            vec![[4.0, 4.0], [6.0, 4.0], [6.0, 6.0], [4.0, 6.0], [4.0, 4.0]],
        ])
        .unwrap()
    }

    #[test]
    fn point_in_polygon_respects_holes() {
        let p = square_with_hole();
        assert!(p.contains(2.0, 2.0));
        assert!(!p.contains(5.0, 5.0), "inside the hole");
        assert!(!p.contains(11.0, 5.0));
        assert!(!p.contains(-0.5, 5.0));
    }

    #[test]
    fn concave_ring() {
        // a "U" shape: the notch is outside
        let u = Polygon::new(vec![vec![
            [0.0, 0.0],
            [3.0, 0.0],
            [3.0, 3.0],
            [2.0, 3.0],
            [2.0, 1.0],
            [1.0, 1.0],
            [1.0, 3.0],
            [0.0, 3.0],
        ]])
        .unwrap();
        assert!(u.contains(0.5, 2.5));
        assert!(!u.contains(2.0, 1.5));
        assert!(u.contains(2.0, 2.5));
    }

    #[test]
    fn reads_geojson_and_rejects_other_types() {
        let g = json!({"type": "MultiPolygon", "coordinates": [
            [[[0, 0], [1, 0], [1, 1], [0, 0]]],
            [[[5, 5], [6, 5], [6, 6], [5, 5]]]
        ]});
        let m = MultiPolygon::from_geojson(&g).unwrap();
        assert_eq!(m.polygons().len(), 2);
        assert!(m.contains(5.2, 5.8));
        let back = MultiPolygon::from_geojson(&m.to_geojson(4)).unwrap();
        assert_eq!(back, m);
        let pt = json!({"type": "Point", "coordinates": [0, 0]});
        assert_eq!(
            MultiPolygon::from_geojson(&pt),
            Err(GeometryError::Unsupported("Point".into()))
        );
        let short = json!({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]});
        assert!(matches!(
            MultiPolygon::from_geojson(&short),
            Err(GeometryError::ShortRing(_))
        ));
    }

    #[test]
    fn haversine_lahore_karachi() {
        let d = haversine_km(31.5580, 74.3507, 24.8608, 67.0104);
        assert!((d - 1030.0).abs() < 20.0, "{d}");
    }
}
