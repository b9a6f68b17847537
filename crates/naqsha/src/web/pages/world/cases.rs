//! The cases the world map shows.
//!
//! STAND-IN, to be replaced by the integrator: `crate::federation::world_cases` (own published
//! cases and every followed instance's, as `naqsha_core::federation::WorldCase`) does not exist
//! yet. Until it does, this module gives the page the same shape from this instance's own
//! published snapshot alone, so the page can be built and tested. Swap [`world_cases`] and
//! [`WorldCase`] for the federation ones; the rest of the page reads only the fields below.

use std::sync::Arc;

use naqsha_core::places::{Gazetteer, World};

use crate::public::Snapshot;

/// Where a case comes from: this instance or one it follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorldSource {
    /// The instance's name, as shown ("from Naqsha Pakistan").
    pub name: String,
    /// The instance's public address.
    pub url: String,
    /// This instance itself.
    pub own: bool,
}

/// A named administrative area: its code (ISO 3166-2 for a region) and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    /// Code, e.g. `PK-PB` for a region or `pk-pb-lahore` for a district.
    pub code: String,
    /// Name in the source's main language.
    pub name: String,
}

/// One published case on the world map.
#[derive(Debug, Clone)]
pub struct WorldCase {
    /// Its instance.
    pub source: Arc<WorldSource>,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: String,
    /// Its region (province), if published.
    pub region: Option<Area>,
    /// Its district, if published.
    pub district: Option<Area>,
    /// Latitude of the district's (or region's) point.
    pub lat: f64,
    /// Longitude of the same point.
    pub lon: f64,
    /// Month, `YYYY-MM`.
    pub month: Option<String>,
    /// Categories in the exchange vocabulary, as (dimension, term): `kind`, `act`, `platform`,
    /// `harm`.
    pub categories: Vec<(String, String)>,
    /// Title in the source's language.
    pub title: String,
    /// The case's page at its source.
    pub url: String,
}

/// The dimensions of the exchange vocabulary.
pub const EXCHANGE_DIMENSIONS: [&str; 4] = ["kind", "act", "platform", "harm"];

/// STAND-IN for `crate::federation::world_cases`: this instance's own published stories
/// with a place, each in the country its point lies in.
pub fn world_cases(
    snapshot: &Snapshot,
    gazetteer: &Gazetteer,
    site_name: &str,
    public_url: Option<&str>,
) -> Vec<WorldCase> {
    let base = public_url.unwrap_or("").trim_end_matches('/').to_owned();
    let source = Arc::new(WorldSource {
        name: site_name.to_owned(),
        url: if base.is_empty() { "/".into() } else { base.clone() },
        own: true,
    });
    let world = World::get();
    let mut out = Vec::new();
    for (i, record) in snapshot.cases.iter().enumerate() {
        let Some(point) = record.position(gazetteer) else {
            continue;
        };
        let (lat, lon) = (point.lat(), point.lon());
        let Some(country) = world
            .country_at(lat, lon)
            .or_else(|| world.countries().iter().find(|c| c.contains(lat, lon)))
        else {
            continue;
        };
        let area = |id: &Option<naqsha_core::places::PlaceId>| {
            id.as_ref().and_then(|id| gazetteer.get(id)).map(|p| Area {
                code: p.id().as_str().to_owned(),
                name: p.name(naqsha_core::lang::Lang::EN).to_owned(),
            })
        };
        // A province id `pk-pb` is the ISO 3166-2 code `PK-PB`.
        let region = area(&record.province).map(|a| Area {
            code: a.code.to_ascii_uppercase(),
            name: a.name,
        });
        let Ok(index) = u32::try_from(i) else {
            break;
        };
        let labels = snapshot.labels(index);
        let categories = EXCHANGE_DIMENSIONS
            .iter()
            .flat_map(|d| {
                labels
                    .terms(d)
                    .map(move |t| ((*d).to_owned(), t.as_str().to_owned()))
            })
            .collect();
        let title = record
            .title_en
            .as_deref()
            .or(record.title_ur.as_deref())
            .unwrap_or_default()
            .to_owned();
        out.push(WorldCase {
            source: source.clone(),
            country: country.iso2().to_owned(),
            region,
            district: area(&record.district),
            lat,
            lon,
            month: record.period.map(|p| p.to_string()),
            categories,
            title,
            url: format!("{base}/stories/{}", record.id),
        });
    }
    out
}
