//! The public read API under `/api/v1/`: published cases as GeoJSON, one case with its text,
//! counts (stories and statistics-only cases) by the one public-count rule, the taxonomy and
//! the places.
//!
//! Every answer comes from the in-memory snapshot of published cases (the text of one case
//! aside), never from the database, and is cached serialised per snapshot generation and
//! normalised request, with an ETag so that a client polling an unchanged view gets `304`.
//! Refusals use the shared error shape, with the message in `?lang=` or else the
//! `Accept-Language` language (any declared language; a message not yet translated into it
//! comes from the next language of its fallback chain).

pub mod cache;
pub mod cases;
pub mod places;
pub mod stats;
pub mod taxonomy;

use std::sync::Arc;

use axum::Extension;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{MethodRouter, get};
use naqsha_core::label::Label;
use naqsha_core::lang::Lang;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use self::cache::ResponseCache;
use super::{ErrorCode, Refusal};
use crate::i18n::Tr;
use crate::public::{PublicQuery, QueryError};
use crate::state::AppState;

/// Entries kept by the API's response cache.
const CACHE_ENTRIES: usize = 256;

/// Bytes of bodies kept by the API's response cache.
const CACHE_BYTES: usize = 64 * 1024 * 1024;

/// The public read API routes, sharing one response cache (one per router built). The
/// handlers get the cache from their route, not through an `Extension` layer: a layer is one
/// more boxed service called on every request.
pub fn routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    let cache = Arc::new(ResponseCache::new(CACHE_ENTRIES, CACHE_BYTES));
    let shared = |cache: &Arc<ResponseCache>| Extension(cache.clone());
    let (c1, c2, c3, c4, c5) = (
        cache.clone(),
        cache.clone(),
        cache.clone(),
        cache.clone(),
        cache,
    );
    vec![
        (
            "/api/v1/cases",
            get(
                move |state: State<AppState>, query: RawQuery, headers: HeaderMap| {
                    cases::list(state, shared(&c1), query, headers)
                },
            ),
        ),
        (
            "/api/v1/cases/{id}",
            get(
                move |state: State<AppState>,
                      id: Result<Path<String>, PathRejection>,
                      query: RawQuery,
                      headers: HeaderMap| {
                    cases::one(state, shared(&c2), id, query, headers)
                },
            ),
        ),
        (
            "/api/v1/stats",
            get(
                move |state: State<AppState>, query: RawQuery, headers: HeaderMap| {
                    stats::stats(state, shared(&c3), query, headers)
                },
            ),
        ),
        (
            "/api/v1/taxonomy",
            get(move |state: State<AppState>, headers: HeaderMap| {
                taxonomy::taxonomy(state, shared(&c4), headers)
            }),
        ),
        (
            "/api/v1/places",
            get(move |state: State<AppState>, headers: HeaderMap| {
                places::places(state, shared(&c5), headers)
            }),
        ),
    ]
}

/// The filters every list and count accepts (the same as the public pages'). Parsed by
/// [`PublicQuery::parse`]; this type only documents them.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(
    dead_code,
    reason = "documents the query; the handlers parse it with PublicQuery, which repeats keys"
)]
pub struct FilterParams {
    /// Kind of violence: a term key of the `kind` dimension. Repeat for any of several.
    #[param(style = Form, explode)]
    kind: Option<Vec<String>>,
    /// What was done: a term key of `act`. Repeat for any of several.
    #[param(style = Form, explode)]
    act: Option<Vec<String>>,
    /// Where: a term key of `platform`. Repeat for any of several.
    #[param(style = Form, explode, example = json!(["whatsapp"]))]
    platform: Option<Vec<String>>,
    /// The harm done: a term key of `harm`. Repeat for any of several.
    #[param(style = Form, explode)]
    harm: Option<Vec<String>>,
    /// Who did it: a term key of `perpetrator`. Repeat for any of several.
    #[param(style = Form, explode)]
    perpetrator: Option<Vec<String>>,
    /// First year included (1990–2100).
    #[param(minimum = 1990, maximum = 2100, example = 2015)]
    from: Option<i32>,
    /// Last year included (1990–2100, not before `from`).
    #[param(minimum = 1990, maximum = 2100)]
    to: Option<i32>,
    /// Only cases in this province or territory (an id from `/api/v1/places`).
    province: Option<String>,
    /// The language of error messages: a declared code (`en`, `ur`, `sd`, `ps`, `pa`); a
    /// message not translated into it comes from its fallback chain (Urdu, then English).
    /// Without it, `Accept-Language` decides.
    lang: Option<String>,
}

/// A bilingual text.
#[derive(Debug, Serialize, ToSchema)]
pub struct Bilingual {
    /// English.
    pub en: String,
    /// Urdu.
    pub ur: String,
}

/// A text in every language it is written in, keyed by language code: `en` always, `ur` for
/// every label and for provinces and districts, `sd`, `ps`, `pa` where written. A language
/// missing here is shown as the next one of its fallback chain (`sd`, `ps` and `pa` fall back
/// to `ur`, every language ends with `en`), as `label`/`name` already do for Urdu.
#[derive(Debug, Serialize, ToSchema)]
#[serde(transparent)]
#[schema(
    value_type = BTreeMap<String, String>,
    example = json!({"en": "Police", "ur": "پولیس", "sd": "پوليس", "ps": "پولیس", "pa": "پولیس"})
)]
pub struct Texts(pub Label);

/// The decoded query string.
fn query_pairs(raw: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The first value of `name` in the query.
fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// The language of messages: `?lang=` (any declared language), else the preferred declared
/// language in `Accept-Language`, else English.
fn request_lang(pairs: &[(String, String)], headers: &HeaderMap) -> Lang {
    if let Some(lang) = param(pairs, "lang").and_then(Lang::from_code) {
        return lang;
    }
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let mut best: Option<(f32, Lang)> = None;
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let Some(lang) = Lang::from_code(parts.next().unwrap_or_default()) else {
            continue;
        };
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
            best = Some((q, lang));
        }
    }
    best.map_or(Lang::EN, |(_, lang)| lang)
}

/// 400 for the query parameter `param`, with the translated message of `key`.
fn bad_param(lang: Lang, param: &str, key: &'static str) -> Refusal {
    let mut r = Refusal::new(
        StatusCode::BAD_REQUEST,
        ErrorCode::BadRequest,
        Tr(lang).t(key).to_owned(),
    );
    r.body.error.detail = Some(format!("query parameter `{param}`"));
    r
}

/// 404 in the request's language.
fn not_found(lang: Lang) -> Refusal {
    Refusal::new(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        Tr(lang).t("error.not_found.body").to_owned(),
    )
}

/// The shared filters of the query (`page`, which the API does not use, left out); refuse a
/// bad one with [`refuse_filter`].
fn filter(state: &AppState, pairs: &[(String, String)]) -> Result<PublicQuery, QueryError> {
    PublicQuery::parse(
        pairs
            .iter()
            .filter(|(k, _)| k != "page")
            .map(|(k, v)| (k.as_str(), v.as_str())),
        state.taxonomy(),
        state.gazetteer(),
    )
}

/// 400 for a bad filter value, in `lang`.
fn refuse_filter(lang: Lang, e: QueryError) -> Refusal {
    bad_param(lang, &e.param, e.key)
}

/// A body as JSON bytes (serialising these types cannot fail).
#[expect(
    clippy::expect_used,
    reason = "the API's response types always serialise to JSON"
)]
fn to_json(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(value).expect("API bodies serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn lang_of(query: &str, accept: Option<&str>) -> Lang {
        let mut headers = HeaderMap::new();
        if let Some(a) = accept {
            headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_str(a).unwrap());
        }
        request_lang(&query_pairs(Some(query)), &headers)
    }

    #[test]
    fn the_language_comes_from_the_query_then_accept_language() {
        assert_eq!(lang_of("", None), Lang::EN);
        assert_eq!(lang_of("lang=ur", Some("en")), Lang::UR);
        assert_eq!(lang_of("lang=en", Some("ur")), Lang::EN);
        assert_eq!(lang_of("", Some("ur-PK,en;q=0.8")), Lang::UR);
        assert_eq!(lang_of("", Some("de, en;q=0.5, ur;q=0.9")), Lang::UR);
        assert_eq!(lang_of("", Some("ur;q=0, en;q=0.1")), Lang::EN);
        assert_eq!(lang_of("", Some("fr")), Lang::EN);
    }
}
