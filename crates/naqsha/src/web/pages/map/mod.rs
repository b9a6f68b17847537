//! The map page at `/` and `/ur/`, the framable map at `/embed` and `/ur/embed`, and the
//! outlines the interactive map draws (`/map/outlines.geojson`).
//!
//! Every view is the server-rendered page: the active filter in words, an SVG map with one
//! circle per place fitted to the results, a table of every place's count, a GET filter
//! form, a timeline and the matching stories, twenty to a page. With JavaScript,
//! `assets/js/map.js` replaces the SVG with a Leaflet map that reads the same circles from it
//! and merges circles that would overlap. The filter lives in the URL only. Every count on
//! these pages is published by `naqsha_core::disclosure::PublicCount`, as on `/stats`.

pub mod filters;
pub mod labels;
pub mod outlines;
pub mod svg;
pub mod timeline;
pub mod view;

use std::sync::Arc;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use naqsha_core::disclosure::PublicCount;

use self::filters::{FilterForm, year_range};
use self::svg::SvgMap;
use self::timeline::Timeline;
use self::view::{Legend, Paging, PlaceCount, ProvinceCounts, StoryCard};
use super::render;
use crate::public::{PublicQuery, QueryError, Selection, Snapshot};
use crate::state::AppState;
use crate::web::error::{AppError, wants_json};
use crate::web::headers::PolicyExceptions;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::campaign::feature::{self, HomeFeature, campaign_of_the_day};
use crate::web::pages::page_cache::{PAGES, PageKey};
use crate::web::public_route::PublicRoute;

/// How long browsers may keep the outlines (they change only with a new release).
const OUTLINES_CACHE: &str = "public, max-age=86400";

/// The routes of the map.
pub fn routes() -> Vec<PublicRoute> {
    vec![
        PublicRoute::page("/", get(page)),
        PublicRoute::page("/embed", get(embed)),
        PublicRoute::once("/map/outlines.geojson", get(outlines_geojson)),
    ]
}

/// What the map shows and the interactive map needs, shared by the page and the embed.
struct MapView {
    map: SvgMap,
    legend: Legend,
    /// The configured tile server's URL template, for the interactive map.
    tiles: Option<String>,
    /// "Matching cases: N. On the map: M.", as published.
    totals: String,
    /// Matching cases, as published (the number, or `<3`).
    total: PublicCount,
    /// Of which on the map, as published.
    mapped: PublicCount,
    /// The active filter in words; empty when nothing is filtered.
    summary: Vec<String>,
    /// The same view without any filter.
    clear_href: String,
    /// "fewer than 3", for the interactive map.
    fewer: String,
    /// The page has the table of counts under the map (the embed has not).
    with_table: bool,
    /// The translated problem with the query, if it could not be used.
    error: Option<String>,
}

/// A filter as a public page reads it from its raw query string: the decoded pairs (the
/// form shows them back as chosen), and the parsed filter or what is wrong with it. The map,
/// the embed and the Atom feeds read their filters with it, so they agree on every value.
pub struct Filter {
    /// The decoded query pairs, in order.
    pub pairs: Vec<(String, String)>,
    /// The filter; unfiltered (page 1) when [`Self::error`] is set.
    pub query: PublicQuery,
    /// Why the query could not be used, if it could not.
    pub error: Option<QueryError>,
}

impl Filter {
    /// Parses `raw` against the taxonomy and gazetteer of `state`.
    pub fn parse(state: &AppState, raw: &str) -> Self {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let parsed = PublicQuery::parse(
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            state.taxonomy(),
            state.gazetteer(),
        );
        let (query, error) = match parsed {
            Ok(q) => (q, None),
            Err(e) => (
                PublicQuery {
                    page: 1,
                    ..Default::default()
                },
                Some(e),
            ),
        };
        Self {
            pairs,
            query,
            error,
        }
    }

    /// The cases of `snapshot` it selects. A filter that cannot be used selects nothing
    /// rather than everything.
    pub fn select(&self, snapshot: &Snapshot) -> Selection {
        match self.error {
            None => snapshot.select(&self.query),
            Some(_) => Selection::default(),
        }
    }
}

/// A request's filter, read from the raw query string, and its cases.
struct Request {
    pairs: Vec<(String, String)>,
    query: PublicQuery,
    error: Option<QueryError>,
    snapshot: Arc<Snapshot>,
    selection: Selection,
}

/// Reads the filter of `raw` and selects its cases from `snapshot`.
fn read(state: &AppState, raw: &str, snapshot: Arc<Snapshot>) -> Request {
    let filter = Filter::parse(state, raw);
    let selection = filter.select(&snapshot);
    Request {
        pairs: filter.pairs,
        query: filter.query,
        error: filter.error,
        snapshot,
        selection,
    }
}

/// The policy widening the map pages need: framing for the embed, images from the tile
/// server if one is set.
fn exceptions(state: &AppState, framable: bool) -> Option<PolicyExceptions> {
    let img_origin = state
        .config()
        .map_tile_url
        .as_deref()
        .and_then(crate::config::tile_origin)
        .map(str::to_owned);
    (framable || img_origin.is_some()).then_some(PolicyExceptions {
        framable,
        img_origin,
    })
}

impl MapView {
    fn new(state: &AppState, ui: &Ui, r: &Request, path: &str) -> Self {
        let tr = ui.tr;
        let total = PublicCount::of_usize(r.selection.counted());
        let mapped = PublicCount::of_usize(r.selection.with_position);
        Self {
            map: SvgMap::new(
                state.gazetteer(),
                tr,
                &r.selection.by_place,
                r.query.province.as_ref(),
            ),
            legend: Legend::new(&r.query, state.taxonomy(), tr),
            tiles: state.config().map_tile_url.clone(),
            totals: tr.f(
                "map.totals",
                &[
                    ("total", &svg::shown_count(tr, total)),
                    ("mapped", &svg::shown_count(tr, mapped)),
                ],
            ),
            total,
            mapped,
            summary: view::filter_summary(&r.query, state.taxonomy(), state.gazetteer(), tr),
            clear_href: ui.href(path),
            fewer: svg::shown_count(tr, PublicCount::FewerThanSmallCell),
            with_table: path == "/",
            error: r.error.as_ref().map(|e| tr.t(e.key).to_owned()),
        }
    }

    /// Finishes a rendered page: 400 when the filter was bad, the policy exceptions.
    fn respond(&self, state: &AppState, mut res: Response, framable: bool) -> Response {
        if self.error.is_some() {
            *res.status_mut() = StatusCode::BAD_REQUEST;
        }
        if let Some(e) = exceptions(state, framable) {
            res.extensions_mut().insert(e);
        }
        res
    }
}

#[derive(Template)]
#[template(path = "public/map.html")]
struct MapPage {
    ui: Ui,
    /// The campaign of the day, featured above the map.
    campaign: Option<HomeFeature>,
    view: MapView,
    form: FilterForm,
    timeline: Timeline,
    /// Every circle of the map with its count, by province.
    by_place: Vec<ProvinceCounts>,
    /// Matching cases not on the map.
    unplaced: Option<PlaceCount>,
    cards: Vec<StoryCard>,
    paging: Option<Paging>,
    csv_href: String,
    geojson_href: String,
    embed_href: String,
}

/// The map page in the language of the path. A page whose filter could be used is kept
/// (per snapshot, raw query string and language), so a popular view is selected and rendered
/// once per publication.
pub async fn page(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let raw = raw.unwrap_or_default();
    let snapshot = state.published().await?;
    let campaign = campaign_of_the_day(&state).await;
    let key = PageKey {
        page: "/",
        filter: raw.clone(),
        lang,
        extra: campaign
            .as_ref()
            .map(|c| feature::cache_key(&state, c))
            .unwrap_or_default(),
    };
    if let Some(html) = PAGES.get(&snapshot, &key) {
        let mut res = Html(html.to_string()).into_response();
        if let Some(e) = exceptions(&state, false) {
            res.extensions_mut().insert(e);
        }
        return Ok(res);
    }
    let r = read(&state, &raw, snapshot);
    // A client that takes only JSON gets the error as JSON, like everywhere else.
    if let Some(e) = &r.error
        && wants_json("/", &headers)
    {
        return Err(AppError::BadRequest { key: e.key });
    }
    let page = r.query.page as usize;
    // The list holds stories only; statistics-only cases are counted above, never listed.
    let pages = view::page_count(r.selection.stories());
    if page > pages {
        return Err(AppError::NotFound);
    }
    let mut ui = Ui::new(&state, lang, "/");
    ui.keep_query(|path| r.query.href(path, r.query.page));
    ui.feed = Some(r.query.href(&ui.href(crate::web::pages::atom::PATH), 1));
    let here = ui.href("/");
    let tr = ui.tr;
    let g = state.gazetteer();

    let (first, last) = r.snapshot.years().unzip();
    let this_year = time::OffsetDateTime::now_utc().year();
    // From the raw values, so that a range refused as backwards is still shown as chosen.
    let chosen_years: Vec<Option<i32>> = r
        .pairs
        .iter()
        .filter(|(k, _)| k == "from" || k == "to")
        .map(|(_, v)| v.trim().parse().ok().filter(|y| (1990..=2100).contains(y)))
        .collect();
    let form = FilterForm::new(
        &r.pairs,
        state.taxonomy(),
        g,
        lang,
        year_range(first, last, &chosen_years, this_year),
    );
    let q = &r.query;
    let (by_place, unplaced) = view::by_place(&r.selection, g, tr);
    let page_view = MapPage {
        campaign: campaign
            .as_ref()
            .map(|c| feature::home_feature(&state, &r.snapshot, c, &ui)),
        view: MapView::new(&state, &ui, &r, "/"),
        form,
        timeline: Timeline::new(&r.selection.by_year, tr),
        by_place,
        unplaced,
        cards: view::cards(&r.snapshot, &r.selection, page, &ui, state.taxonomy(), g),
        paging: view::paging(q, &here, page, pages, tr),
        csv_href: q.href("/data/cases.csv", 1),
        geojson_href: q.href("/data/cases.geojson", 1),
        embed_href: q.href(&ui.href("/embed"), 1),
        ui,
    };
    let html: Arc<str> = crate::web::pages::html(&page_view)?.into();
    if page_view.view.error.is_none() {
        PAGES.insert(&r.snapshot, key, html.clone());
    }
    let res = Html(html.to_string()).into_response();
    Ok(page_view.view.respond(&state, res, false))
}

#[derive(Template)]
#[template(path = "public/embed.html")]
struct EmbedPage {
    ui: Ui,
    view: MapView,
    /// The full page with the same filter.
    site_href: String,
}

/// The map alone, for other sites to frame.
pub async fn embed(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let snapshot = state.published().await?;
    let r = read(&state, raw.as_deref().unwrap_or_default(), snapshot);
    let mut ui = Ui::new(&state, lang, "/embed");
    ui.keep_query(|path| r.query.href(path, 1));
    let page = EmbedPage {
        view: MapView::new(&state, &ui, &r, "/embed"),
        site_href: r.query.href(&ui.href("/"), 1),
        ui,
    };
    let res = render(&page)?;
    Ok(page.view.respond(&state, res, true))
}

/// `GET /map/outlines.geojson`: provinces and neighbouring countries, simplified.
pub async fn outlines_geojson() -> Response {
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
        outlines::OUTLINES_GEOJSON.as_str(),
    )
        .into_response()
}
