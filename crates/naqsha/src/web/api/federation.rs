//! `GET /federation/feed` (the signed feed of this instance's published stories, for other
//! Naqsha instances to follow) and `GET /federation` (who this instance is, unsigned: what a
//! person adding it to a follower needs).
//!
//! The feed is read from the change log, which is first brought up to the published snapshot
//! ([`crate::federation::Publisher::sync`]). No cookie is set or read; nothing of the
//! follower is kept.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use naqsha_core::federation::{Exchange, wire::PAGE_ITEMS_MAX};
use naqsha_core::lang::Lang;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::{ApiError, ErrorBody, ErrorCode, Refusal};
use crate::federation::page::{etag, page};
use crate::federation::{DEFAULT_LIMIT, FeedSource, PageError};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::storage::{FeedLogStore, quick};
use crate::web::error::AppError;

/// Where to read from.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(
    dead_code,
    reason = "documents the query; the handler reads it from the raw query string"
)]
pub struct FeedParams {
    /// The cursor of the last page read (0, the default: from the start, the whole snapshot).
    #[param(minimum = 0, example = 0)]
    since: Option<u64>,
    /// Changes per page, 1 to 5000. Default 1000.
    #[param(minimum = 1, maximum = 5000)]
    limit: Option<u32>,
}

/// A page of the feed: the page's JSON as a string, and its Ed25519 signature.
#[derive(Serialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the body, which naqsha_core's Envelope writes"
)]
pub struct SignedPage {
    /// `naqsha-federation/1`.
    format: String,
    /// The key that signed it, `ed25519:` and base64: the one `/federation` and `/data` show.
    key: String,
    /// The Ed25519 signature of `payload`'s UTF-8 bytes, base64.
    signature: String,
    /// The page as JSON text: `instance` {name, url, country, taxonomy, exchange},
    /// `generated_at`, `since`, `cursor` (ask `since=cursor` next), `more`, and `items`, each
    /// `{seq, id, case}` or `{seq, id, gone: true}`.
    payload: String,
}

/// This instance as a feed source.
#[derive(Debug, Serialize, ToSchema)]
pub struct FederationInfo {
    /// Its name.
    pub name: String,
    /// Its public address.
    pub url: String,
    /// Whether that address is configured (`server.public_url`); if not, it is the bind
    /// address, which other instances may not reach.
    pub url_configured: bool,
    /// The country of its cases, ISO 3166-1 alpha-2.
    #[schema(example = "PK")]
    pub country: String,
    /// The key its feed is signed with.
    #[schema(example = "ed25519:MCowBQYDK2VwAyEA…")]
    pub public_key: String,
    /// The feed's address.
    pub feed: String,
    /// The version of its taxonomy, which its cases' `terms` are in.
    pub taxonomy: String,
    /// The version of the exchange vocabulary its cases' `exchange` terms are in.
    pub exchange: String,
}

/// 400 for the query parameter `param`.
fn bad_param(param: &str, why: String) -> ApiError {
    let mut r = Refusal::new(
        StatusCode::BAD_REQUEST,
        ErrorCode::BadRequest,
        Tr(Lang::EN).t("error.bad_request.title").to_owned(),
    );
    r.body.error.detail = Some(format!("query parameter `{param}`: {why}"));
    ApiError::Refused(r)
}

/// The source, or a server error when this instance cannot be one (logged, not shown); not
/// found when the configuration turned publishing off (`[federation] publish = false`).
fn source(state: &AppState) -> Result<&FeedSource, AppError> {
    if !state.config().federation.publish {
        return Err(AppError::NotFound);
    }
    state
        .publisher()
        .source()
        .map(|s| s.as_ref())
        .map_err(|e| AppError::Internal(anyhow::anyhow!("federation: {e}")))
}

/// Read the federation feed.
///
/// The changes to this instance's published stories after `since`, oldest first, signed with
/// the instance's Ed25519 key. From `since=0` the whole snapshot (withdrawn cases left out);
/// after that, changed cases and tombstones (`gone`) for cases withdrawn, unpublished or sent
/// back to review. Statistics-only cases, demo cases and categories of non-public dimensions
/// are never in it.
#[utoipa::path(
    get,
    path = "/federation/feed",
    tag = "federation",
    params(FeedParams),
    responses(
        (status = 200, description = "A signed page.", content_type = "application/json",
            body = SignedPage,
            headers(("ETag" = String, description = "Validator: the same while nothing after `since` changed."))),
        (status = 304, description = "Not modified: nothing changed after `since`."),
        (status = 400, description = "`since` or `limit` is not valid, or `since` is past the \
            feed's last change (read again from 0).", body = ErrorBody),
    )
)]
pub async fn feed(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let mut since = 0u64;
    let mut limit = DEFAULT_LIMIT;
    for (k, v) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        match k.as_ref() {
            "since" => {
                since = v
                    .trim()
                    .parse()
                    .map_err(|_| bad_param("since", "a whole number, 0 or more".into()))?;
            }
            "limit" => {
                limit = v
                    .trim()
                    .parse()
                    .ok()
                    .filter(|l| (1..=PAGE_ITEMS_MAX).contains(l))
                    .ok_or_else(|| bad_param("limit", format!("1 to {PAGE_ITEMS_MAX}")))?;
            }
            _ => {}
        }
    }
    let source = source(&state)?;
    let publisher = state.publisher();
    let snapshot = state.published().await.map_err(AppError::from)?;
    publisher.sync(&snapshot).await.map_err(AppError::from)?;
    let key = publisher.key().await.map_err(AppError::from)?;

    let head = quick(state.store().feed_head())
        .await
        .map_err(AppError::from)?;
    let current = etag(source, &key.public(), head, since, limit);
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == current));
    if matches && since <= head {
        return Ok(with_etag(
            StatusCode::NOT_MODIFIED.into_response(),
            &current,
        ));
    }
    let (envelope, tag) = match page(state.store(), &key, source, since, limit).await {
        Ok(done) => done,
        Err(e @ PageError::Ahead { .. }) => return Err(bad_param("since", e.to_string())),
        Err(PageError::Storage(e)) => return Err(AppError::from(e).into()),
    };
    let body = envelope
        .to_json()
        .map_err(|e| AppError::Internal(e.into()))?;
    let res = (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response();
    Ok(with_etag(res, &tag))
}

/// The response with its validator; a follower revalidates every time (`no-cache`).
fn with_etag(mut res: Response, tag: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(tag) {
        res.headers_mut().insert(header::ETAG, v);
    }
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

/// Describe this instance as a feed source.
///
/// Its name, address, country, public key and feed address: what to give
/// `naqsha federation follow` on another instance. Unsigned; compare the key with the one
/// the instance's people publish elsewhere (its `/data` page, `naqsha federation key`).
#[utoipa::path(
    get,
    path = "/federation",
    tag = "federation",
    responses((status = 200, description = "This instance.", body = FederationInfo))
)]
pub async fn info(State(state): State<AppState>) -> Result<Response, ApiError> {
    let source = source(&state)?;
    let key = state
        .publisher()
        .public_key()
        .await
        .map_err(AppError::from)?;
    let info = FederationInfo {
        name: source.instance.name.clone(),
        url: source.instance.url.to_string(),
        url_configured: source.url_configured,
        country: source.country().to_string(),
        public_key: key.to_string(),
        feed: source.feed_url().to_string(),
        taxonomy: source.instance.taxonomy.clone(),
        exchange: Exchange::shipped().version().to_owned(),
    };
    Ok(axum::Json(info).into_response())
}
