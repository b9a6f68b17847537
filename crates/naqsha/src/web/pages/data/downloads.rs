//! `GET /data/cases.csv`, `/data/cases.geojson` and `/data/cases.json`: every published case
//! (or those matching the shared filters, so a filtered map view can be downloaded as it is)
//! as a file, written by [`crate::public::export`].
//!
//! The files are built from the in-memory snapshot, off the async threads, and kept per
//! snapshot generation and filter; an unchanged file is revalidated by ETag.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{MethodRouter, get};

use crate::public::PublicQuery;
use crate::public::export::{write_csv, write_geojson, write_json};
use crate::state::AppState;
use crate::web::api::public::cache::{Cached, ResponseCache};
use crate::web::error::AppError;

/// Files kept at most (each format unfiltered, and a few filtered views).
const CACHE_ENTRIES: usize = 12;

/// Bytes of files kept at most. Every format of 100,000 cases is roughly 250 MB together;
/// the newest file is always kept even alone over this bound.
const CACHE_BYTES: usize = 192 * 1024 * 1024;

/// A download format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV, UTF-8 with a byte-order mark.
    Csv,
    /// GeoJSON FeatureCollection.
    GeoJson,
    /// JSON object with a list of records.
    Json,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::GeoJson => "geojson",
            Format::Json => "json",
        }
    }

    /// The content type sent.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::GeoJson => "application/geo+json",
            Format::Json => "application/json",
        }
    }

    fn disposition(self) -> &'static str {
        match self {
            Format::Csv => "attachment; filename=\"naqsha-cases.csv\"",
            Format::GeoJson => "attachment; filename=\"naqsha-cases.geojson\"",
            Format::Json => "attachment; filename=\"naqsha-cases.json\"",
        }
    }
}

/// The shared filters of a query string; a bad value is a 400 page naming the problem.
pub fn filter(state: &AppState, raw: Option<&str>) -> Result<PublicQuery, AppError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    PublicQuery::parse(
        pairs
            .iter()
            .filter(|(k, _)| k != "page")
            .map(|(k, v)| (k.as_str(), v.as_str())),
        state.taxonomy(),
        state.gazetteer(),
    )
    .map_err(|e| AppError::BadRequest { key: e.key })
}

async fn download(
    state: AppState,
    cache: Arc<ResponseCache>,
    format: Format,
    raw: Option<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let q = filter(&state, raw.as_deref())?;
    let snapshot = state.published().await?;
    let key = format!("{}?{}", format.name(), q.filter_string());
    if let Some(hit) = cache.get(snapshot.generation, &key) {
        return Ok(hit.respond(&headers));
    }
    let generation = snapshot.generation;
    let built_key = key.clone();
    let cached = tokio::task::spawn_blocking(move || -> std::io::Result<Cached> {
        let selection = snapshot.select(&q);
        // Each story drawn whole only as it is written.
        let cases = snapshot.stories(&selection.cases);
        let (taxonomy, gazetteer) = (state.taxonomy(), state.gazetteer());
        let mut body = Vec::new();
        match format {
            Format::Csv => write_csv(&mut body, cases, taxonomy, gazetteer)?,
            Format::GeoJson => write_geojson(&mut body, cases, taxonomy, gazetteer)?,
            Format::Json => write_json(&mut body, cases, taxonomy, gazetteer)?,
        }
        Ok(
            Cached::new(generation, &built_key, format.content_type(), body)
                .attachment(format.disposition()),
        )
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?
    .map_err(|e| AppError::Internal(e.into()))?;
    Ok(cache.insert(generation, key, cached).respond(&headers))
}

/// The download routes, sharing one cache of files (one per router built), which each
/// handler holds (no `Extension` layer to pass it on every request).
pub fn routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    let cache = Arc::new(ResponseCache::new(CACHE_ENTRIES, CACHE_BYTES));
    let route = |format: Format| {
        let cache = cache.clone();
        get(
            move |State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap| {
                download(state, cache.clone(), format, raw, headers)
            },
        )
    };
    vec![
        ("/data/cases.csv", route(Format::Csv)),
        ("/data/cases.geojson", route(Format::GeoJson)),
        ("/data/cases.json", route(Format::Json)),
    ]
}
