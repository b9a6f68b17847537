//! The map page at `/` and `/ur/`, the framable map at `/embed` and `/ur/embed`, and the
//! outlines the interactive map draws (`/map/outlines.geojson`).
//!
//! Every view is the server-rendered page: an SVG map with one circle per place, a GET filter
//! form, a timeline and the matching stories, twenty to a page. With JavaScript,
//! `assets/js/map.js` replaces the SVG with a Leaflet map that reads the same circles from it
//! and groups nearby ones when zoomed out. The filter lives in the URL only.

pub mod filters;
pub mod outlines;
pub mod svg;
pub mod timeline;
pub mod view;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};

use self::filters::{FilterForm, year_range};
use self::svg::SvgMap;
use self::timeline::Timeline;
use self::view::{Legend, Paging, PlaceCount, StoryCard};
use super::render;
use crate::public::{PublicQuery, QueryError, Selection, Snapshot};
use crate::state::AppState;
use crate::web::error::{AppError, wants_json};
use crate::web::headers::PolicyExceptions;
use crate::web::lang::{PathLang, localise};
use crate::web::layout::Ui;

/// How long browsers may keep the outlines (they change only with a new release).
const OUTLINES_CACHE: &str = "public, max-age=86400";

/// The routes of the map.
pub fn routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/", get(page)),
        ("/ur/", get(page)),
        ("/embed", get(embed)),
        ("/ur/embed", get(embed)),
        ("/map/outlines.geojson", get(outlines_geojson)),
    ]
}

/// What the map shows and the interactive map needs, shared by the page and the embed.
struct MapView {
    map: SvgMap,
    legend: Legend,
    /// The configured tile server's URL template, for the interactive map.
    tiles: Option<String>,
    /// "Matching cases: N. On the map: M."
    totals: String,
    total: usize,
    mapped: usize,
    /// The translated problem with the query, if it could not be used.
    error: Option<String>,
}

/// A request's filter, read from the raw query string.
struct Request {
    pairs: Vec<(String, String)>,
    query: PublicQuery,
    error: Option<QueryError>,
    snapshot: std::sync::Arc<Snapshot>,
    selection: Selection,
}

async fn read(state: &AppState, raw: Option<String>) -> Result<Request, AppError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let parsed = PublicQuery::parse(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        state.taxonomy(),
        state.gazetteer(),
    );
    let snapshot = state.published().await?;
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
    // A filter that cannot be used shows nothing rather than everything.
    let selection = match error {
        None => snapshot.select(&query, state.gazetteer()),
        Some(_) => Selection::default(),
    };
    Ok(Request {
        pairs,
        query,
        error,
        snapshot,
        selection,
    })
}

impl MapView {
    fn new(state: &AppState, ui: &Ui, r: &Request) -> Self {
        let tr = ui.tr;
        let total = r.selection.total();
        let mapped = r.selection.with_position;
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
                    ("total", &total.to_string()),
                    ("mapped", &mapped.to_string()),
                ],
            ),
            total,
            mapped,
            error: r.error.as_ref().map(|e| tr.t(e.key).to_owned()),
        }
    }

    /// The policy widening this page needs: images from the tile server, if one is set.
    fn exceptions(&self, framable: bool) -> Option<PolicyExceptions> {
        let img_origin = self
            .tiles
            .as_deref()
            .and_then(crate::config::tile_origin)
            .map(str::to_owned);
        (framable || img_origin.is_some()).then_some(PolicyExceptions {
            framable,
            img_origin,
        })
    }

    /// Finishes a rendered page: 400 when the filter was bad, the policy exceptions.
    fn respond(&self, mut res: Response, framable: bool) -> Response {
        if self.error.is_some() {
            *res.status_mut() = StatusCode::BAD_REQUEST;
        }
        if let Some(e) = self.exceptions(framable) {
            res.extensions_mut().insert(e);
        }
        res
    }
}

#[derive(Template)]
#[template(path = "public/map.html")]
struct MapPage {
    ui: Ui,
    view: MapView,
    form: FilterForm,
    timeline: Timeline,
    by_place: Vec<PlaceCount>,
    cards: Vec<StoryCard>,
    paging: Option<Paging>,
    csv_href: String,
    geojson_href: String,
    embed_href: String,
}

/// The map page in the language of the path.
pub async fn page(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let r = read(&state, raw).await?;
    // A client that takes only JSON gets the error as JSON, like everywhere else.
    if let Some(e) = &r.error
        && wants_json("/", &headers)
    {
        return Err(AppError::BadRequest { key: e.key });
    }
    let page = r.query.page as usize;
    let pages = view::page_count(r.selection.total());
    if page > pages {
        return Err(AppError::NotFound);
    }
    let mut ui = Ui::new(&state, lang, "/");
    ui.switch_href = r.query.href(&localise(ui.other, "/"), r.query.page);
    let here = ui.href("/");
    let tr = ui.tr;
    let g = state.gazetteer();

    let years = r
        .snapshot
        .cases
        .iter()
        .filter_map(|c| c.period.map(|p| p.year()));
    let (first, last) = years.fold((None, None), |(lo, hi): (Option<i32>, Option<i32>), y| {
        (
            Some(lo.map_or(y, |l| l.min(y))),
            Some(hi.map_or(y, |h| h.max(y))),
        )
    });
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
    let page_view = MapPage {
        view: MapView::new(&state, &ui, &r),
        form,
        timeline: Timeline::new(&r.selection.by_year),
        by_place: view::by_province(&r.snapshot, &r.selection, g, tr),
        cards: view::cards(&r.snapshot, &r.selection, page, &ui, state.taxonomy(), g),
        paging: view::paging(q, &here, page, pages, tr),
        csv_href: q.href("/data/cases.csv", 1),
        geojson_href: q.href("/data/cases.geojson", 1),
        embed_href: q.href(&ui.href("/embed"), 1),
        ui,
    };
    let res = render(&page_view)?;
    Ok(page_view.view.respond(res, false))
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
    let r = read(&state, raw).await?;
    let mut ui = Ui::new(&state, lang, "/embed");
    ui.switch_href = r.query.href(&localise(ui.other, "/embed"), 1);
    let page = EmbedPage {
        view: MapView::new(&state, &ui, &r),
        site_href: r.query.href(&ui.href("/"), 1),
        ui,
    };
    let res = render(&page)?;
    Ok(page.view.respond(res, true))
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
