//! Turning an imported row's location into a gazetteer place: coordinates become the nearest
//! district, a name is matched against the gazetteer's names. Exact coordinates are not
//! kept: a place in Naqsha is a district or a town, never an address.

use std::collections::HashMap;

use naqsha_core::places::{Gazetteer, MatchKind, PlaceId, PlaceLevel, haversine_km};

/// How far outside every province outline a point may lie and still count (the outlines
/// are simplified; a point on the coast or a border may fall just outside).
const BORDER_SLACK_KM: f64 = 25.0;

/// Names looked up at most before the cache is emptied (a file has few distinct places;
/// this only bounds memory on a file where every row names another).
const CACHE_LIMIT: usize = 20_000;

/// Where a row was.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    /// A gazetteer place.
    Place(PlaceId),
    /// A name the gazetteer does not know, kept as typed.
    Text(String),
    /// Nothing given.
    None,
}

/// Resolves places, remembering names already looked up.
pub struct PlaceResolver {
    gazetteer: &'static Gazetteer,
    names: HashMap<String, Option<PlaceId>>,
}

impl PlaceResolver {
    /// A resolver over `gazetteer`.
    pub fn new(gazetteer: &'static Gazetteer) -> Self {
        Self {
            gazetteer,
            names: HashMap::new(),
        }
    }

    /// The district nearest to a point inside the gazetteer's country; `None` for a point
    /// elsewhere (or the 0,0 that many systems write for "no location").
    pub fn at(&self, lat: f64, lon: f64) -> Option<PlaceId> {
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return None;
        }
        if lat == 0.0 && lon == 0.0 {
            return None;
        }
        let district = self.gazetteer.nearest(lat, lon, PlaceLevel::District)?;
        let inside = self.gazetteer.province_at(lat, lon).is_some();
        let close = haversine_km(lat, lon, district.lat(), district.lon()) <= BORDER_SLACK_KM;
        (inside || close).then(|| district.id().clone())
    }

    /// The place a name means: the whole name, or else the first of its comma-separated
    /// parts ("House 12, Street 4, Lahore, Pakistan") that is exactly a gazetteer name.
    pub fn named(&mut self, name: &str) -> Option<PlaceId> {
        let key = name.trim().to_lowercase();
        if key.is_empty() {
            return None;
        }
        if let Some(hit) = self.names.get(&key) {
            return hit.clone();
        }
        let found = std::iter::once(key.as_str())
            .chain(key.split(',').map(str::trim))
            .find_map(|part| self.exact(part));
        if self.names.len() >= CACHE_LIMIT {
            self.names.clear();
        }
        self.names.insert(key, found.clone());
        found
    }

    fn exact(&self, part: &str) -> Option<PlaceId> {
        self.gazetteer
            .lookup(part)
            .into_iter()
            .find(|m| matches!(m.kind, MatchKind::Exact | MatchKind::Alt))
            .map(|m| m.place.id().clone())
    }

    /// Resolves a row: coordinates first (they are precise), then the name; a name that
    /// matches nothing is kept as text.
    pub fn resolve(
        &mut self,
        lat: Option<&str>,
        lon: Option<&str>,
        name: Option<&str>,
    ) -> Resolved {
        let coords = match (lat.map(str::trim), lon.map(str::trim)) {
            (Some(a), Some(b)) if !a.is_empty() && !b.is_empty() => {
                a.parse::<f64>().ok().zip(b.parse::<f64>().ok())
            }
            _ => None,
        };
        if let Some((lat, lon)) = coords
            && let Some(id) = self.at(lat, lon)
        {
            return Resolved::Place(id);
        }
        match name.map(str::trim).filter(|n| !n.is_empty()) {
            Some(n) => match self.named(n) {
                Some(id) => Resolved::Place(id),
                None => Resolved::Text(n.chars().take(200).collect()),
            },
            None => Resolved::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_become_the_nearest_district_inside_the_country_only() {
        let g = Gazetteer::pakistan();
        let r = PlaceResolver::new(g);
        let lahore = g.get(&PlaceId::new("pk-pb-lahore").unwrap()).unwrap();
        assert_eq!(
            r.at(lahore.lat() + 0.01, lahore.lon() - 0.01).as_ref(),
            Some(lahore.id())
        );
        assert_eq!(r.at(0.0, 0.0), None);
        assert_eq!(
            r.at(48.85, 2.35),
            None,
            "Paris is not in a Pakistani district"
        );
    }

    #[test]
    fn names_match_exactly_or_are_kept_as_text() {
        let mut r = PlaceResolver::new(Gazetteer::pakistan());
        let lahore = Some(PlaceId::new("pk-pb-lahore").unwrap());
        assert_eq!(r.named("Lahore"), lahore);
        assert_eq!(r.named("House 12, Street 4, Lahore, Pakistan"), lahore);
        assert_eq!(r.named("لاہور"), lahore);
        assert_eq!(
            r.resolve(Some(""), None, Some("Atlantis")),
            Resolved::Text("Atlantis".into())
        );
        assert_eq!(r.resolve(None, None, None), Resolved::None);
    }
}
