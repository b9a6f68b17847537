//! `GET /api/v1/cases` (published cases as a GeoJSON FeatureCollection, a page at a time)
//! and `GET /api/v1/cases/{id}` (one case, with its text).
//!
//! Paging is by cursor, not by offset: the cursor names the last case of the page before, in
//! list order (newest month first, then by id), so a page follows on from the one before even
//! when cases were published in between; a cursor never expires.

use std::cmp::Reverse;
use std::sync::Arc;

use axum::Extension;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use naqsha_core::ids::CaseId;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::cache::{Cached, ResponseCache};
use super::{
    FilterParams, bad_param, filter, not_found, param, query_pairs, refuse_filter, request_lang,
    to_json,
};
use crate::public::export::{CaseFeature, CaseRecord, Point};
use crate::public::index::ListOrder;
use crate::state::AppState;
use crate::storage::{PublicStore, quick};
use crate::web::api::{ApiError, ErrorBody};
use crate::web::error::AppError;

/// Cases per page when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 100;

/// The most cases per page.
pub const MAX_LIMIT: usize = 1000;

/// The content type of GeoJSON (RFC 7946).
pub const GEOJSON: &str = "application/geo+json";

/// Paging parameters of the case list.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(
    dead_code,
    reason = "documents the query; the handler reads it from the raw query string"
)]
pub struct PageParams {
    /// Cases per page, 1 to 1000. Default 100.
    #[param(minimum = 1, maximum = 1000, example = 20)]
    limit: Option<u32>,
    /// Where to continue: the `cursor` in the previous page's `next` link. Opaque; it names
    /// the last case of that page, so it stays valid when cases are published meanwhile.
    cursor: Option<String>,
}

/// A page of published cases.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseCollection {
    /// Always `FeatureCollection`.
    #[serde(rename = "type")]
    #[schema(value_type = String, example = "FeatureCollection")]
    pub kind: &'static str,
    /// The snapshot of published cases this page was read from; it changes when cases are
    /// published, edited or withdrawn.
    pub generation: u64,
    /// How many published stories match the filters (on every page). Cases counted in
    /// statistics only are never listed, so this can be less than the `/api/v1/stats` total.
    pub total: usize,
    /// How many of them have a place, and so a point.
    pub with_position: usize,
    /// The page size used.
    pub limit: usize,
    /// The next page (a path with the same filters and a cursor), or null on the last.
    #[schema(example = "/api/v1/cases?limit=100&cursor=MjAyNC0wMy8wMTkw")]
    pub next: Option<String>,
    /// The cases of this page, in list order: newest month first, then by id.
    pub features: Vec<CaseFeature>,
}

/// One published case with its text.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseDetail {
    /// Always `Feature`.
    #[serde(rename = "type")]
    #[schema(value_type = String, example = "Feature")]
    pub kind: &'static str,
    /// The case id.
    pub id: String,
    /// The point of the published place; null for a case without a place.
    pub geometry: Option<Point>,
    /// The record, with the anonymised text.
    pub properties: CaseDetailProperties,
}

/// A case's record and its anonymised text.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseDetailProperties {
    /// The record, as in the list.
    #[serde(flatten)]
    pub record: CaseRecord,
    /// The anonymised story in English, if written.
    pub text_en: Option<String>,
    /// The anonymised story in Urdu, if written.
    pub text_ur: Option<String>,
}

fn encode_cursor((Reverse(period), id): &ListOrder) -> String {
    let period = period.map_or_else(|| "-".to_owned(), |p| p.to_string());
    URL_SAFE_NO_PAD.encode(format!("{period}/{id}"))
}

fn decode_cursor(cursor: &str) -> Option<ListOrder> {
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(cursor).ok()?).ok()?;
    let (period, id) = text.split_once('/')?;
    let period = match period {
        "-" => None,
        p => Some(p.parse().ok()?),
    };
    Some((Reverse(period), id.parse().ok()?))
}

/// List published cases.
///
/// A page of the cases matching the filters, as a GeoJSON FeatureCollection with the counts
/// of the whole selection. Cases without a place have a null geometry. Responses carry an
/// ETag; send it back in `If-None-Match` to get `304` while nothing changed.
#[utoipa::path(
    get,
    path = "/api/v1/cases",
    tag = "cases",
    params(FilterParams, PageParams),
    responses(
        (status = 200, description = "A page of cases.", content_type = "application/geo+json",
            body = CaseCollection,
            headers(("ETag" = String, description = "Validator of this body."),
                ("Cache-Control" = String, description = "`public, max-age=60`."))),
        (status = 304, description = "Not modified: the `If-None-Match` ETag is current."),
        (status = 400, description = "A filter, `limit` or `cursor` is not valid; the message \
            is in the request's language.", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<ResponseCache>>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let pairs = query_pairs(raw.as_deref());
    let lang = request_lang(&pairs, &headers);
    let q = filter(&state, &pairs).map_err(|e| refuse_filter(lang, e))?;
    let limit = match param(&pairs, "limit") {
        None => DEFAULT_LIMIT,
        Some(l) => l
            .parse()
            .ok()
            .filter(|l| (1..=MAX_LIMIT).contains(l))
            .ok_or_else(|| bad_param(lang, "limit", "api.error.limit"))?,
    };
    let after = match param(&pairs, "cursor") {
        None => None,
        Some(c) => {
            Some(decode_cursor(c).ok_or_else(|| bad_param(lang, "cursor", "api.error.cursor"))?)
        }
    };
    let snapshot = state.published().await.map_err(AppError::from)?;
    let filters = q.filter_string();
    let cursor = after.as_ref().map(encode_cursor).unwrap_or_default();
    let key = format!("cases?{filters}&limit={limit}&cursor={cursor}");
    if let Some(hit) = cache.get(snapshot.generation, &key) {
        return Ok(hit.respond(&headers));
    }

    let gazetteer = state.gazetteer();
    let selection = snapshot.select(&q);
    let start = after.map_or(0, |after| {
        selection
            .cases
            .partition_point(|&i| snapshot.cases[i as usize].list_order() <= after)
    });
    // Stories only: a statistics-only case is counted (in `/api/v1/stats`), never listed.
    let page = &selection.cases[start..(start + limit).min(selection.stories())];
    let next = (start + page.len() < selection.stories())
        .then(|| page.last())
        .flatten()
        .map(|&last| {
            let mut next = form_urlencoded::Serializer::new(filters.clone());
            next.append_pair("limit", &limit.to_string());
            next.append_pair(
                "cursor",
                &encode_cursor(&snapshot.cases[last as usize].list_order()),
            );
            format!("/api/v1/cases?{}", next.finish())
        });
    let body = CaseCollection {
        kind: "FeatureCollection",
        generation: snapshot.generation,
        total: selection.stories(),
        with_position: selection
            .cases
            .iter()
            .filter(|&&i| snapshot.cases[i as usize].position(gazetteer).is_some())
            .count(),
        limit,
        next,
        features: page
            .iter()
            .map(|&i| {
                CaseRecord::new(&snapshot.story(i), state.taxonomy(), gazetteer).into_feature()
            })
            .collect(),
    };
    let cached = Cached::new(snapshot.generation, &key, GEOJSON, to_json(&body));
    Ok(cache
        .insert(snapshot.generation, key, cached)
        .respond(&headers))
}

/// Get one published case.
///
/// The case as a GeoJSON Feature, its properties those of the list plus the anonymised text
/// in each language it was written in.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}",
    tag = "cases",
    params(("id" = String, Path, description = "The case id.",
        example = "0190f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f")),
    responses(
        (status = 200, description = "The case.", content_type = "application/geo+json",
            body = CaseDetail,
            headers(("ETag" = String, description = "Validator of this body."))),
        (status = 304, description = "Not modified: the `If-None-Match` ETag is current."),
        (status = 404, description = "No published case has this id.", body = ErrorBody),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<ResponseCache>>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = request_lang(&query_pairs(raw.as_deref()), &headers);
    let id: CaseId = id
        .ok()
        .and_then(|Path(id)| id.parse().ok())
        .ok_or_else(|| not_found(lang))?;
    let snapshot = state.published().await.map_err(AppError::from)?;
    let key = format!("case/{id}");
    if let Some(hit) = cache.get(snapshot.generation, &key) {
        return Ok(hit.respond(&headers));
    }
    let summary = snapshot.case(id).ok_or_else(|| not_found(lang))?;
    // Unpublished since the snapshot was taken: gone for this request too.
    let case = quick(state.public_store().published_case(id))
        .await
        .map_err(AppError::from)?
        .ok_or_else(|| not_found(lang))?;
    let feature = CaseRecord::new(&summary, state.taxonomy(), state.gazetteer()).into_feature();
    let text =
        |s: &Option<naqsha_core::case::PublicStory>| s.as_ref().map(|s| s.text.as_str().to_owned());
    let body = CaseDetail {
        kind: "Feature",
        id: feature.id,
        geometry: feature.geometry,
        properties: CaseDetailProperties {
            record: feature.properties,
            text_en: text(&case.story_en),
            text_ur: text(&case.story_ur),
        },
    };
    let cached = Cached::new(snapshot.generation, &key, GEOJSON, to_json(&body));
    Ok(cache
        .insert(snapshot.generation, key, cached)
        .respond(&headers))
}

#[cfg(test)]
mod tests {
    use naqsha_core::period::YearMonth;

    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_junk() {
        for period in [Some(YearMonth::new(2024, 3).unwrap()), None] {
            let o = (Reverse(period), CaseId::random());
            assert_eq!(decode_cursor(&encode_cursor(&o)), Some(o));
        }
        assert_eq!(decode_cursor("not a cursor"), None);
        assert_eq!(decode_cursor(&URL_SAFE_NO_PAD.encode("2024-13/x")), None);
    }
}
