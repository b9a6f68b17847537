//! The JSON API under `/api/…`: partner submissions, and the OpenAPI document derived from
//! these handlers and types (so the document cannot drift from what the code accepts).
//!
//! Errors the API writes itself share the shape of the errors the error-page middleware
//! writes for `/api/…` (`{"error": {"code", "message", …}}`), so a client reads one shape for
//! every failure. Server errors still go through [`AppError`]: opaque, logged with the
//! request id.
//!
//! No route here sets a cookie. State-changing routes take only `application/json`, which a
//! browser on another site cannot send without a CORS preflight that this server never
//! grants: that, not a form token, is what keeps other sites from posting on a visitor's behalf.

pub mod federation;
pub mod openapi;
pub mod public;
pub mod submissions;

use std::collections::BTreeMap;
use std::time::Duration;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use naqsha_core::lang::Lang;
use serde::Serialize;
use utoipa::ToSchema;

use super::error::AppError;
use crate::i18n::Tr;

/// What went wrong, as a stable machine-readable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not JSON, not the documented shape, or has unknown fields.
    BadRequest,
    /// The body is well formed but some fields are not acceptable; see `fields`.
    Invalid,
    /// Too many requests from this network; see the `Retry-After` header.
    Throttled,
    /// The body is larger than the route accepts.
    TooLarge,
    /// The body is not `application/json`.
    UnsupportedMediaType,
    /// The server cannot take the request just now (its database is unavailable, or it is
    /// busy with other uploads); nothing was stored. Send the same request again after the
    /// `Retry-After` header's seconds.
    Unavailable,
    /// Nothing at this address.
    #[allow(
        dead_code,
        reason = "written by the error middleware for every /api/ 404; listed to document it"
    )]
    NotFound,
    /// A failure on the server's side; `request_id` identifies it in the server's log.
    #[allow(
        dead_code,
        reason = "written by the error middleware for every 500; listed to document it"
    )]
    Internal,
}

/// The body of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// One error: a code for programs and a message for people.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable code to branch on.
    pub code: ErrorCode,
    /// A message that may be shown to the person reporting, in the request's language where
    /// the request could be read far enough to know it (otherwise English).
    pub message: String,
    /// For `invalid`: each field that was refused, with a message in the request's language.
    /// Keys are the request's field names; nested fields are dotted (`contact.phone`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<BTreeMap<String, String>>,
    /// For `bad_request`: what the JSON parser objected to, for the developer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// For `internal`: the reference of the request in the server's log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// A request the API refused: the status, the body saying why, and when to try again.
#[derive(Debug)]
pub struct Refusal {
    status: StatusCode,
    body: ErrorBody,
    retry_after: Option<Duration>,
}

impl Refusal {
    fn new(status: StatusCode, code: ErrorCode, message: String) -> Self {
        Self {
            status,
            body: ErrorBody {
                error: ErrorDetail {
                    code,
                    message,
                    fields: None,
                    detail: None,
                    request_id: None,
                },
            },
            retry_after: None,
        }
    }

    /// 400: the body could not be read as the documented request; `detail` is the parser's
    /// complaint (it describes only what the client itself sent).
    pub fn bad_request(lang: Lang, detail: Option<String>) -> Self {
        let mut r = Self::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadRequest,
            Tr(lang).t("error.bad_request.title").to_owned(),
        );
        r.body.error.detail = detail;
        r
    }

    /// 413: the body is over the route's limit.
    pub fn too_large(lang: Lang) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::TooLarge,
            Tr(lang).t("evidence.total_too_large").to_owned(),
        )
    }

    /// 415: the body is not declared as JSON.
    pub fn unsupported_media_type(lang: Lang) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::UnsupportedMediaType,
            Tr(lang).t("error.bad_request.title").to_owned(),
        )
    }

    /// 422: each refused field (by its name in the request) with its translated message.
    pub fn invalid(lang: Lang, fields: BTreeMap<String, &'static str>) -> Self {
        let tr = Tr(lang);
        let mut r = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::Invalid,
            tr.t("report.problems_heading").to_owned(),
        );
        r.body.error.fields = Some(
            fields
                .into_iter()
                .map(|(field, key)| (field, tr.t(key).to_owned()))
                .collect(),
        );
        r
    }

    /// 503: the report could not be stored just now; nothing was stored.
    pub fn unavailable(lang: Lang) -> Self {
        let mut r = Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Unavailable,
            Tr(lang).t("error.unavailable.report_api").to_owned(),
        );
        r.retry_after = Some(crate::storage::RETRY_AFTER_UNAVAILABLE);
        r
    }

    /// 503: the server is too busy with other uploads to take this one now; nothing was stored.
    pub fn busy(lang: Lang) -> Self {
        let mut r = Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Unavailable,
            Tr(lang).t("error.unavailable.report_api").to_owned(),
        );
        r.retry_after = Some(crate::storage::RETRY_AFTER_UNAVAILABLE);
        r
    }

    /// 429: too many requests from this network; try again after `retry_after`.
    pub fn throttled(lang: Lang, retry_after: Duration) -> Self {
        let message = Tr(lang).wait_minutes("followup.error.throttled", retry_after);
        let mut r = Self::new(StatusCode::TOO_MANY_REQUESTS, ErrorCode::Throttled, message);
        r.retry_after = Some(retry_after);
        r
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let mut res = no_store((self.status, Json(self.body)).into_response());
        if let Some(wait) = self.retry_after {
            // Whole seconds, rounded up: a client that waits exactly this long finds a token
            // in its bucket.
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs.max(1)));
        }
        res
    }
}

/// What an API handler fails with: a refusal the client can act on, or a failure on our side
/// (rendered opaquely, with the request id, by the error middleware).
#[derive(Debug)]
pub enum ApiError {
    /// The client's request was refused; the body says why.
    Refused(Refusal),
    /// A failure on our side.
    Server(AppError),
}

impl From<Refusal> for ApiError {
    fn from(r: Refusal) -> Self {
        ApiError::Refused(r)
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        ApiError::Server(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::Refused(r) => r.into_response(),
            ApiError::Server(e) => e.into_response(),
        }
    }
}

/// Marks a response as never to be stored by a browser or proxy: a receipt left in a shared
/// cache would let anyone who finds it read or withdraw the report.
pub fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_fields_are_translated_into_the_request_language() {
        let fields = BTreeMap::from([("what_happened".to_owned(), "report.error.text_required")]);
        let en = Refusal::invalid(Lang::EN, fields.clone());
        assert_eq!(en.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            en.body.error.fields.unwrap()["what_happened"],
            "Please tell us what happened."
        );
        let ur = Refusal::invalid(Lang::UR, fields)
            .body
            .error
            .fields
            .unwrap();
        let message = &ur["what_happened"];
        assert!(
            message
                .chars()
                .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "{message}"
        );
    }

    #[test]
    fn retry_after_is_rounded_up_to_a_whole_second() {
        let res = Refusal::throttled(Lang::EN, Duration::from_millis(61_500)).into_response();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(res.headers()[header::RETRY_AFTER], "62");
        assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
        let message = Refusal::throttled(Lang::EN, Duration::from_secs(90))
            .body
            .error
            .message;
        assert!(message.contains("2 minutes"), "{message}");
    }

    #[test]
    fn codes_serialise_as_documented() {
        let text = serde_json::to_string(&ErrorCode::UnsupportedMediaType).unwrap();
        assert_eq!(text, "\"unsupported_media_type\"");
    }
}
