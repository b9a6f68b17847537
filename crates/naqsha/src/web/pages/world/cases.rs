//! The cases the world map shows.
//!
//! STAND-IN, for the integrator to replace: `crate::federation::world_cases` (this instance's
//! published cases and every followed instance's) is not on `main` yet. Until it is, this gives
//! the page the same type, `naqsha_core::federation::WorldCase`, from this instance's own
//! published snapshot alone, so the page can be built and tested. Swap [`world_cases`] for the
//! federation one; the page reads nothing else from here.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, PoisonError, Weak};

use naqsha_core::federation::{Area, Exchange, FeedCase, Point, WorldCase, WorldSource};
use naqsha_core::places::{Gazetteer, PlaceId, World};
use url::Url;

use crate::public::Snapshot;

/// The list last built, for the snapshot it was built from (a `Weak` keeps the allocation's
/// address from being reused, so a new snapshot never matches an old entry).
type Built = Option<(Weak<Snapshot>, Arc<Vec<WorldCase>>)>;
static BUILT: Mutex<Built> = Mutex::new(None);

/// STAND-IN for `crate::federation::world_cases`: this instance's own published stories that
/// have a place and a month (what a feed case needs), each in the country its point lies in,
/// its categories in the exchange vocabulary where its own term has the same key. Built once
/// per snapshot (100,000 cases take seconds in a debug build), then shared.
pub fn world_cases(
    snapshot: &Arc<Snapshot>,
    gazetteer: &Gazetteer,
    site_name: &str,
    public_url: Option<&str>,
) -> Arc<Vec<WorldCase>> {
    let mut built = BUILT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((of, cases)) = built.as_ref()
        && std::ptr::eq(of.as_ptr(), Arc::as_ptr(snapshot))
    {
        return cases.clone();
    }
    let cases = Arc::new(build(snapshot, gazetteer, site_name, public_url));
    *built = Some((Arc::downgrade(snapshot), cases.clone()));
    cases
}

fn build(
    snapshot: &Snapshot,
    gazetteer: &Gazetteer,
    site_name: &str,
    public_url: Option<&str>,
) -> Vec<WorldCase> {
    // Own cases are linked by their path on this site (see `view::cards`); the address only
    // fills the source's field when none is configured.
    let Some(base) = public_url
        .and_then(|u| Url::parse(u).ok())
        .or_else(|| Url::parse("http://localhost/").ok())
    else {
        return Vec::new();
    };
    let source = Arc::new(WorldSource {
        name: site_name.to_owned(),
        url: base.clone(),
        own: true,
    });
    let world = World::get();
    // The instance's own country: the one its gazetteer's first province lies in. A point
    // near its border counts as in it (the border tolerance) before any neighbour is asked.
    let home = gazetteer
        .provinces()
        .first()
        .and_then(|p| world.country_at(p.lat(), p.lon()));
    let exchange = Exchange::shipped();
    let area = |id: &Option<PlaceId>| {
        id.as_ref().and_then(|id| gazetteer.get(id)).map(|p| Area {
            // A province id `pk-pb` is its ISO 3166-2 code `PK-PB`.
            code: if p.parent().is_none() {
                p.id().as_str().to_ascii_uppercase()
            } else {
                p.id().as_str().to_owned()
            },
            name: p.name_en().to_owned(),
        })
    };
    let mut out = Vec::new();
    for (i, record) in snapshot.cases.iter().enumerate() {
        let (Some(point), Some(month), Some(region)) = (
            record.position(gazetteer),
            record.period,
            area(&record.province),
        ) else {
            continue;
        };
        let (lat, lon) = (point.lat(), point.lon());
        let Some(country) = home
            .filter(|c| c.contains(lat, lon))
            .or_else(|| world.country_at(lat, lon))
            .or_else(|| world.countries().iter().find(|c| c.contains(lat, lon)))
            .and_then(|c| c.iso2().parse().ok())
        else {
            continue;
        };
        let Ok(index) = u32::try_from(i) else {
            break;
        };
        let labels = snapshot.labels(index);
        let terms: Vec<String> = labels
            .iter()
            .flat_map(|(d, ts)| {
                ts.iter()
                    .map(move |t| format!("{}/{}", d.as_str(), t.as_str()))
            })
            .collect();
        let mapped: BTreeSet<String> = terms.iter().filter(|t| exchange.has(t)).cloned().collect();
        let mut title = BTreeMap::new();
        if let Some(t) = &record.title_en {
            title.insert("en".to_owned(), t.to_string());
        }
        if let Some(t) = &record.title_ur {
            title.insert("ur".to_owned(), t.to_string());
        }
        let Ok(url) = base.join(&format!("stories/{}", record.id)) else {
            continue;
        };
        out.push(WorldCase {
            source: source.clone(),
            id: record.id.to_string(),
            case: FeedCase {
                url,
                country,
                region,
                district: area(&record.district),
                point: Point { lat, lon },
                month,
                title,
                terms,
                exchange: mapped.iter().cloned().collect(),
            },
            exchange: mapped,
        });
    }
    out
}
