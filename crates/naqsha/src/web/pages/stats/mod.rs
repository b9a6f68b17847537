//! `GET /stats` (and `/ur/stats`): the counted cases (published stories and the cases whose
//! survivors chose "statistics only") per category, province and year as server-drawn bar
//! charts with their tables; `GET /stats/report`: the same for printing. Both take every
//! filter of the map in the query string, and publish every count by
//! [`naqsha_core::disclosure::PublicCount`].
//!
//! `GET /strategies` counts the same cases by what was done and what happened.
//!
//! Counting reads the in-memory snapshot once per page; the rendered page is kept per
//! (snapshot, filter, language) in a small cache, so repeated views cost a lookup.

mod chart;
mod counting;
mod report;
mod strategies;
mod view;

use std::sync::Arc;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use naqsha_core::disclosure::PublicCount;
use naqsha_core::lang::Lang;

use self::chart::Chart;
pub use self::chart::shown_count;
use self::counting::{Counts, STATS_DIMENSIONS};
use self::view::FilterForm;
use crate::public::{PublicQuery, Snapshot};
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::page_cache::{PAGES, PageKey};
use crate::web::public_route::PublicRoute;

#[derive(Template)]
#[template(path = "public/stats.html")]
struct StatsPage {
    ui: Ui,
    form: FilterForm,
    total: Total,
    charts: Vec<Chart>,
    verification: String,
    report_href: String,
    map_href: String,
    data_href: String,
}

/// The total of a selection as published.
struct Total {
    /// The number or "fewer than 3".
    shown: String,
    /// The number, when one is published (for `<data value>`).
    value: Option<u32>,
    /// No case matches.
    empty: bool,
}

impl Total {
    fn new(tr: crate::i18n::Tr, exact: u32) -> Self {
        let count = PublicCount::of(exact);
        Total {
            shown: chart::shown_count(tr, count),
            value: count.value(),
            empty: !count.is_some(),
        }
    }
}

/// Parses the shared filter from the raw query string.
fn parse_query(state: &AppState, raw: Option<&str>) -> Result<PublicQuery, AppError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    PublicQuery::parse(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        state.taxonomy(),
        state.gazetteer(),
    )
    .map_err(|e| AppError::BadRequest { key: e.key })
}

/// Serves the cached page for `key`, or renders it with `build` and keeps it.
fn cached(
    snapshot: &Arc<Snapshot>,
    key: PageKey,
    build: impl FnOnce() -> Result<String, AppError>,
) -> Result<Response, AppError> {
    if let Some(html) = PAGES.get(snapshot, &key) {
        return Ok(Html(html.to_string()).into_response());
    }
    let html: Arc<str> = build()?.into();
    PAGES.insert(snapshot, key, html.clone());
    Ok(Html(html.to_string()).into_response())
}

/// The statistics page.
pub async fn stats(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let q = parse_query(&state, raw.as_deref())?;
    let snapshot = state.published().await?;
    let key = PageKey {
        page: "/stats",
        filter: q.filter_string(),
        lang,
        extra: String::new(),
    };
    cached(&snapshot, key, || {
        Ok(crate::web::pages::html(&stats_page(
            &state, lang, &q, &snapshot,
        ))?)
    })
}

fn stats_page(state: &AppState, lang: Lang, q: &PublicQuery, snapshot: &Snapshot) -> StatsPage {
    let taxonomy = state.taxonomy();
    let gazetteer = state.gazetteer();
    let selection = snapshot.select(q);
    let counts: Counts = counting::count(snapshot, &selection, STATS_DIMENSIONS);
    let ui = Ui::new(state, lang, &q.href("/stats", 1));
    let tr = ui.tr;
    let dimension = |key: &str| {
        counts
            .dimension(key)
            .and_then(|d| view::dimension_chart(tr, taxonomy, &counts, d, false))
    };
    // Where it happened and when, after what happened and before the survivor's details.
    let mut charts: Vec<Chart> = ["kind", "act", "platform", "harm", "perpetrator"]
        .into_iter()
        .filter_map(dimension)
        .collect();
    charts.push(view::province_chart(tr, gazetteer, &counts));
    charts.push(view::year_chart(tr, &counts));
    charts.extend(
        [
            "survivor_age_band",
            "survivor_role",
            "action_taken",
            "outcome",
        ]
        .into_iter()
        .filter_map(dimension),
    );
    StatsPage {
        form: FilterForm::new(tr, ui.href("/stats"), q, snapshot, taxonomy, gazetteer),
        total: Total::new(tr, counts.total),
        verification: view::verification_note(tr, &counts),
        report_href: q.href(&ui.href("/stats/report"), 1),
        map_href: q.href(&ui.href("/"), 1),
        data_href: ui.href("/data"),
        charts,
        ui,
    }
}

/// The routes of the statistics pages and of the survivor strategies page.
pub fn routes() -> Vec<PublicRoute> {
    vec![
        PublicRoute::page("/stats", get(stats)),
        PublicRoute::page("/stats/report", get(report::report)),
        PublicRoute::page("/strategies", get(strategies::strategies)),
    ]
}
