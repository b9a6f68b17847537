//! The world map at `/world` (and `/ur/world`…): the published cases of this instance and of
//! the instances it follows, on country outlines, counted by country.
//!
//! Three zooms, each a plain link that works without JavaScript: the world (one circle per
//! country), a country (`?country=PK`: one circle per district or region point) and a region
//! (`?country=PK&region=PK-PB`). Filters by source instance, kind and act are a GET form.
//! Every count is published by `naqsha_core::disclosure::PublicCount`. Each listed case names
//! its source and links to its page there; that link is the visitor's choice, never a request
//! the page makes. With JavaScript, `assets/js/world.js` draws the same circles on Leaflet.

pub mod cases;
pub mod svg;
pub mod view;

use std::collections::BTreeMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use naqsha_core::disclosure::PublicCount;
use naqsha_core::places::{BBox, World};

use naqsha_core::federation::WorldCase;

use self::cases::own_cases;
use self::svg::{Frame, Spot, WorldSvg};
use self::view::{Choice, CountRow, WorldCard, WorldFilter, country_name, term_label};
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::page_cache::{PAGES, PageKey};
use crate::web::pages::stats::shown_count;
use crate::web::public_route::PublicRoute;

/// How long browsers may keep the outlines (they change only with a new release).
const OUTLINES_CACHE: &str = "public, max-age=86400";

/// The routes of the world map.
pub fn routes() -> Vec<PublicRoute> {
    vec![
        PublicRoute::page("/world", get(page)),
        PublicRoute::once("/world/countries.geojson", get(countries_geojson)),
    ]
}

/// One step of the "World › Pakistan › Punjab" trail.
struct Crumb {
    name: String,
    /// None for the current zoom.
    href: Option<String>,
}

#[derive(Template)]
#[template(path = "public/world.html")]
struct WorldPage {
    ui: Ui,
    map: WorldSvg,
    crumbs: Vec<Crumb>,
    /// "Cases on this map: 15."
    totals: String,
    total: PublicCount,
    countries: Vec<CountRow>,
    places: Vec<CountRow>,
    /// Heading of the table of places ("Cases in Pakistan by place").
    places_heading: String,
    cards: Vec<WorldCard>,
    /// "Showing the newest 50 of 120." when the list is cut.
    list_note: Option<String>,
    sources: Vec<Choice>,
    kinds: Vec<Choice>,
    acts: Vec<Choice>,
    /// The zoom, kept by the form.
    country: Option<String>,
    region: Option<String>,
    filtered: bool,
    clear_href: String,
    error: Option<String>,
}

/// `GET /world`.
pub async fn page(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let raw = raw.unwrap_or_default();
    let snapshot = state.published().await?;
    let followed = state.followed_cases().await?;
    // Kept per snapshot, query and language, like the map page, and per version of the
    // followed cases: those change with a pull, not with a publication.
    let key = PageKey {
        page: "/world",
        filter: raw.clone(),
        lang,
        extra: format!("followed:{}", followed.version),
    };
    if let Some(html) = PAGES.get(&snapshot, &key) {
        return Ok(Html(html.to_string()).into_response());
    }
    let mut ui = Ui::new(&state, lang, "/world");
    let (filter, error) = match WorldFilter::parse(&raw) {
        Ok(f) => (f, None),
        Err(key) => (WorldFilter::default(), Some(key)),
    };
    {
        let f = filter.clone();
        ui.keep_query(move |path| f.href(path, f.country.as_deref(), f.region.as_deref()));
    }
    let tr = ui.tr;
    let own = own_cases(&state, &snapshot);
    // This instance's cases and every followed one's: beside each other, counted together.
    let all: Vec<&WorldCase> = own.iter().chain(followed.cases.iter()).collect();
    // A filter that cannot be used shows nothing rather than everything.
    let kept: Vec<&WorldCase> = if error.is_some() {
        Vec::new()
    } else {
        all.iter().copied().filter(|c| filter.keeps(c)).collect()
    };
    let zoomed: Vec<&WorldCase> = kept.iter().copied().filter(|c| filter.in_zoom(c)).collect();
    let here = ui.href("/world");
    let world = World::get();

    // Counts by country: the table, and the circles at world zoom.
    let by_country: BTreeMap<String, u32> = view::tally(kept.iter().map(|c| c.case.country))
        .into_iter()
        .map(|(code, n)| (code.as_str().to_owned(), n))
        .collect();
    let countries = view::rows(
        by_country
            .iter()
            .map(|(iso2, &n)| {
                view::row(
                    tr,
                    country_name(iso2, lang),
                    iso2.clone(),
                    filter.href(&here, Some(iso2), None),
                    n,
                )
            })
            .collect(),
    );
    let with_cases: Vec<String> = by_country.keys().cloned().collect();

    let chosen = filter.country.as_deref().and_then(|c| world.country(c));
    let (frame, spots) = match chosen {
        None => {
            let spots = by_country
                .iter()
                .filter_map(|(iso2, &n)| {
                    let c = world.country(iso2)?;
                    let name = c.name().get(lang).to_owned();
                    Some(spot(
                        tr,
                        name,
                        n,
                        c.point(),
                        filter.href(&here, Some(iso2), None),
                    ))
                })
                .collect();
            (Frame::world(), spots)
        }
        Some(country) => {
            let spots = place_spots(tr, &filter, &here, country.iso2(), &zoomed);
            let frame = match &filter.region {
                Some(_) if !zoomed.is_empty() => Frame::fit(points_bbox(&zoomed), 3.0),
                _ => Frame::fit(country.main_bbox(), 2.0),
            };
            (frame, spots)
        }
    };
    // The bundled province outlines belong to the gazetteer's own country.
    let own_country = state
        .gazetteer()
        .provinces()
        .first()
        .and_then(|p| world.country_at(p.lat(), p.lon()))
        .map(|c| c.iso2());
    let outline_provinces = chosen.is_some() && chosen.map(|c| c.iso2()) == own_country;
    let map = WorldSvg::new(
        frame,
        spots,
        filter.country.as_deref(),
        &with_cases,
        outline_provinces,
    );

    let places_heading = chosen
        .map(|c| tr.f("world.places_heading", &[("country", c.name().get(lang))]))
        .unwrap_or_default();
    let places = match chosen {
        Some(c) => region_rows(tr, &filter, &here, c.iso2(), &kept),
        None => Vec::new(),
    };

    let mut crumbs = vec![Crumb {
        name: tr.t("world.crumb_world").to_owned(),
        href: chosen.map(|_| filter.href(&here, None, None)),
    }];
    if let Some(c) = chosen {
        crumbs.push(Crumb {
            name: c.name().get(lang).to_owned(),
            href: filter
                .region
                .as_ref()
                .map(|_| filter.href(&here, Some(c.iso2()), None)),
        });
        if let Some(r) = &filter.region {
            let name = zoomed
                .iter()
                .find(|x| x.case.region.code.eq_ignore_ascii_case(r))
                .map_or_else(|| r.clone(), |x| x.case.region.name.clone());
            crumbs.push(Crumb { name, href: None });
        }
    }

    let total = PublicCount::of_usize(zoomed.len());
    let values = view::values_of(&own).with(&followed.cases);
    let terms = &values.terms;
    let dim_choices = |dim: &str, chosen: Option<&str>| {
        let prefix = format!("{dim}/");
        view::choices(
            terms.iter().filter_map(|p| {
                let term = p.strip_prefix(&prefix)?;
                Some((term.to_owned(), term_label(p, lang)))
            }),
            chosen,
        )
    };
    let sources = &values.sources;
    let stories = ui.href("/stories/");
    let page = WorldPage {
        map,
        crumbs,
        totals: tr.f("world.totals", &[("count", &shown_count(tr, total))]),
        total,
        countries,
        places,
        places_heading,
        cards: view::cards(&zoomed, tr, |id| {
            if id.is_empty() {
                ui.home_href.clone()
            } else {
                format!("{stories}{id}")
            }
        }),
        list_note: (zoomed.len() > view::LIST_LIMIT).then(|| {
            tr.f(
                "world.list_cut",
                &[("shown", &view::LIST_LIMIT.to_string())],
            )
        }),
        sources: view::choices(
            sources.iter().map(|s| (s.clone(), s.clone())),
            filter.source.as_deref(),
        ),
        kinds: dim_choices("kind", filter.kind.as_deref()),
        acts: dim_choices("act", filter.act.as_deref()),
        country: filter.country.clone(),
        region: filter.region.clone(),
        filtered: filter.filtered(),
        clear_href: WorldFilter::default().href(
            &here,
            filter.country.as_deref(),
            filter.region.as_deref(),
        ),
        error: error.map(|k| tr.t(k).to_owned()),
        ui,
    };
    let html: Arc<str> = super::html(&page)?.into();
    let mut res = Html(html.to_string()).into_response();
    if page.error.is_some() {
        *res.status_mut() = StatusCode::BAD_REQUEST;
    } else {
        PAGES.insert(&snapshot, key, html);
    }
    Ok(res)
}

fn spot(tr: crate::i18n::Tr, name: String, exact: u32, at: [f64; 2], href: String) -> Spot {
    let shown = shown_count(tr, PublicCount::of(exact));
    Spot {
        title: tr.f("map.place_count", &[("place", &name), ("count", &shown)]),
        name,
        exact,
        at,
        href,
    }
}

/// The cases at one district or region point, before they become a circle.
struct PlaceTally {
    name: String,
    at: [f64; 2],
    region: String,
    exact: u32,
}

/// One circle per district (or region, for a case published only to its region) point of
/// each source.
fn place_spots(
    tr: crate::i18n::Tr,
    filter: &WorldFilter,
    here: &str,
    iso2: &str,
    cases: &[&WorldCase],
) -> Vec<Spot> {
    let mut by: BTreeMap<(&str, &str), PlaceTally> = BTreeMap::new();
    for c in cases {
        let area = c.case.district.as_ref().unwrap_or(&c.case.region);
        by.entry((c.source.name.as_str(), area.code.as_str()))
            .or_insert_with(|| PlaceTally {
                name: area.name.clone(),
                at: [c.case.point.lon, c.case.point.lat],
                region: c.case.region.code.to_ascii_uppercase(),
                exact: 0,
            })
            .exact += 1;
    }
    by.into_values()
        .map(|p| {
            let href = filter.href(here, Some(iso2), Some(&p.region));
            spot(tr, p.name, p.exact, p.at, href)
        })
        .collect()
}

/// Counts by region within a country.
fn region_rows(
    tr: crate::i18n::Tr,
    filter: &WorldFilter,
    here: &str,
    iso2: &str,
    cases: &[&WorldCase],
) -> Vec<CountRow> {
    let mut by: BTreeMap<&str, (&str, u32)> = BTreeMap::new();
    for c in cases.iter().filter(|c| c.case.country.as_str() == iso2) {
        let r = &c.case.region;
        by.entry(r.code.as_str()).or_insert((r.name.as_str(), 0)).1 += 1;
    }
    view::rows(
        by.into_iter()
            .map(|(code, (name, n))| {
                let code = code.to_ascii_uppercase();
                let href = filter.href(
                    here,
                    Some(iso2),
                    (!code.is_empty()).then_some(code.as_str()),
                );
                view::row(tr, name.to_owned(), code, href, n)
            })
            .collect(),
    )
}

fn points_bbox(cases: &[&WorldCase]) -> BBox {
    let mut b = BBox {
        min_lon: f64::INFINITY,
        min_lat: f64::INFINITY,
        max_lon: f64::NEG_INFINITY,
        max_lat: f64::NEG_INFINITY,
    };
    for c in cases {
        let p = c.case.point;
        b.min_lon = b.min_lon.min(p.lon);
        b.max_lon = b.max_lon.max(p.lon);
        b.min_lat = b.min_lat.min(p.lat);
        b.max_lat = b.max_lat.max(p.lat);
    }
    b
}

/// `GET /world/countries.geojson`: the world's country outlines, simplified.
pub async fn countries_geojson() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/geo+json"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static(OUTLINES_CACHE),
            ),
        ],
        World::geojson(),
    )
        .into_response()
}
