//! The one error type of the web layer, and the middleware that turns it into a page.
//!
//! A handler returns [`AppError`]; its `IntoResponse` only sets the status and attaches what
//! went wrong. [`ErrorPages`], which saw the request, then writes the body: an HTML page in
//! the page's language, or JSON for `/api/…`, `/healthz` and clients that accept only JSON.
//! Server errors are opaque: the cause is logged (while the request runs, so with its id) and
//! the visitor sees a generic message and the request id.

use askama::Template;
use axum::Json;
use axum::extract::Request;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use naqsha_core::lang::Lang;

use super::lang::lang_of_path;
use super::layout::Ui;
use super::request_log::RequestId;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::storage::{RETRY_AFTER_UNAVAILABLE, StorageError};

/// Why a request failed. User-facing messages are translation keys.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Nothing (public) at this address.
    #[error("not found")]
    NotFound,
    /// The request is malformed; the key names the message shown.
    #[error("bad request: {key}")]
    BadRequest {
        /// Translation key of the explanation.
        key: &'static str,
    },
    /// Not allowed: no valid CSRF token, or the account's role may not do this.
    #[error("forbidden: {key}")]
    Forbidden {
        /// Translation key of the explanation.
        key: &'static str,
    },
    /// A staff page needs the organisation key and this node does not hold it for the session
    /// (unlocked on another node, or this node restarted): the person is sent to
    /// `/admin/unlock` to enter the password here, then back.
    #[error("the key is not unlocked on this node")]
    Locked,
    /// The database cannot do its part for now (unreachable, disk full, locked): answered
    /// with 503 and `Retry-After`; the cause is logged, never shown.
    #[error("unavailable: {0:#}")]
    Unavailable(anyhow::Error),
    /// A failure on our side; the cause is logged, never shown.
    #[error("internal error: {0:#}")]
    Internal(anyhow::Error),
}

impl From<StorageError> for AppError {
    fn from(e: StorageError) -> Self {
        if e.is_unavailable() {
            AppError::Unavailable(e.into())
        } else {
            AppError::Internal(e.into())
        }
    }
}

impl From<crate::keyring::KeyringError> for AppError {
    fn from(e: crate::keyring::KeyringError) -> Self {
        match e {
            crate::keyring::KeyringError::Storage(e) => e.into(),
            other => AppError::Internal(other.into()),
        }
    }
}

/// Sets `Retry-After` to [`RETRY_AFTER_UNAVAILABLE`] on a 503.
pub(crate) fn retry_later(res: &mut Response) {
    res.headers_mut().insert(
        header::RETRY_AFTER,
        RETRY_AFTER_UNAVAILABLE.as_secs().into(),
    );
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(anyhow::Error::new(e).context("rendering a template"))
    }
}

/// What [`ErrorPages`] needs to know to write the body, carried in the response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ErrorKind {
    NotFound,
    BadRequest(&'static str),
    Forbidden(&'static str),
    Locked,
    Unavailable,
    Internal,
}

impl ErrorKind {
    fn status(self) -> StatusCode {
        match self {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::BadRequest(_) => StatusCode::BAD_REQUEST,
            ErrorKind::Forbidden(_) | ErrorKind::Locked => StatusCode::FORBIDDEN,
            ErrorKind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not_found",
            ErrorKind::BadRequest(_) => "bad_request",
            ErrorKind::Forbidden(_) => "forbidden",
            ErrorKind::Locked => "locked",
            ErrorKind::Unavailable => "unavailable",
            ErrorKind::Internal => "internal",
        }
    }

    fn title_key(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "error.not_found.title",
            ErrorKind::BadRequest(_) => "error.bad_request.title",
            ErrorKind::Forbidden(_) | ErrorKind::Locked => "error.forbidden.title",
            ErrorKind::Unavailable => "error.unavailable.title",
            ErrorKind::Internal => "error.internal.title",
        }
    }

    fn message_key(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "error.not_found.body",
            ErrorKind::BadRequest(key) | ErrorKind::Forbidden(key) => key,
            ErrorKind::Locked => "error.forbidden.locked",
            ErrorKind::Unavailable => "error.unavailable.body",
            ErrorKind::Internal => "error.internal.body",
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let kind = match self {
            AppError::NotFound => ErrorKind::NotFound,
            AppError::BadRequest { key } => ErrorKind::BadRequest(key),
            AppError::Forbidden { key } => ErrorKind::Forbidden(key),
            AppError::Locked => ErrorKind::Locked,
            AppError::Unavailable(cause) => {
                tracing::error!(error = format!("{cause:#}"), "database unavailable");
                ErrorKind::Unavailable
            }
            AppError::Internal(cause) => {
                tracing::error!(error = format!("{cause:#}"), "request failed");
                ErrorKind::Internal
            }
        };
        // The plain body is only seen if this response escapes the error-page middleware.
        let mut res = (kind.status(), kind.code()).into_response();
        res.extensions_mut().insert(kind);
        res
    }
}

#[derive(Template)]
#[template(path = "error/error.html")]
struct ErrorPage<'a> {
    ui: Ui,
    title: &'a str,
    message: &'a str,
    reference: Option<String>,
}

/// Whether the client gets JSON errors: API routes, the health check, or an `Accept` header
/// that lists only JSON types.
pub(crate) fn wants_json(path: &str, headers: &HeaderMap) -> bool {
    if path == "/healthz" || path == "/api" || path.starts_with("/api/") {
        return true;
    }
    let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let mut ranges = accept
        .split(',')
        .map(|r| r.split(';').next().unwrap_or("").trim())
        .filter(|r| !r.is_empty())
        .peekable();
    ranges.peek().is_some()
        && ranges.all(|r| {
            r == "application/json" || (r.starts_with("application/") && r.ends_with("+json"))
        })
}

/// What the error page of a request needs to know of it, read before the request is
/// handled: its language, whether it gets JSON, and what a locked workspace page's redirect
/// needs.
pub(crate) struct ErrorPages {
    lang: Lang,
    json: bool,
    /// Only a workspace page can be locked; its method and URI (no copy otherwise).
    workspace: Option<(Method, Uri)>,
}

impl ErrorPages {
    /// Reads what the error page of `req` would need.
    pub(crate) fn for_request(req: &Request) -> Self {
        let path = req.uri().path();
        Self {
            lang: lang_of_path(path),
            json: wants_json(path, req.headers()),
            workspace: (path.starts_with("/admin/") || path == "/admin")
                .then(|| (req.method().clone(), req.uri().clone())),
        }
    }

    /// Writes the body of an [`AppError`] response (any other response is returned as it
    /// is): an HTML page or JSON, with the request id `id` for a server error.
    pub(crate) fn render(self, state: &AppState, id: RequestId, res: Response) -> Response {
        let Some(kind) = res.extensions().get::<ErrorKind>().copied() else {
            return res;
        };
        if kind == ErrorKind::Locked
            && let Some((method, uri)) = self.workspace
        {
            return super::admin::unlock::redirect(&method, &uri);
        }
        // Only server errors show the reference: a 404 needs no support ticket.
        let reference = match kind {
            ErrorKind::Internal | ErrorKind::Unavailable => Some(id.to_string()),
            _ => None,
        };
        let mut res = if self.json {
            json_body(kind, self.lang, reference)
        } else {
            html_body(state, kind, self.lang, reference)
        };
        if kind == ErrorKind::Unavailable {
            retry_later(&mut res);
        }
        res
    }
}

fn json_body(kind: ErrorKind, lang: Lang, reference: Option<String>) -> Response {
    let tr = Tr(lang);
    let mut error = serde_json::json!({
        "code": kind.code(),
        "message": tr.t(kind.message_key()),
    });
    if let Some(id) = reference {
        error["request_id"] = serde_json::Value::String(id);
    }
    (kind.status(), Json(serde_json::json!({ "error": error }))).into_response()
}

fn html_body(state: &AppState, kind: ErrorKind, lang: Lang, reference: Option<String>) -> Response {
    let ui = Ui::new(state, lang, "/");
    let tr = ui.tr;
    let reference = reference.map(|id| tr.f("error.reference", &[("id", &id)]));
    let page = ErrorPage {
        title: tr.t(kind.title_key()),
        message: tr.t(kind.message_key()),
        reference,
        ui,
    };
    match page.render() {
        Ok(html) => (kind.status(), Html(html)).into_response(),
        Err(e) => {
            // The error page itself failed: answer with its status and a bare text body.
            tracing::error!(error = %e, "rendering the error page failed");
            (kind.status(), tr.t(kind.title_key()).to_owned()).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT, value.parse().unwrap());
        h
    }

    #[test]
    fn json_for_api_health_and_json_only_clients() {
        assert!(wants_json("/api/v1/cases", &HeaderMap::new()));
        assert!(wants_json("/healthz", &HeaderMap::new()));
        assert!(wants_json("/stories/x", &accept("application/json")));
        assert!(wants_json(
            "/",
            &accept("application/problem+json, application/json;q=0.9")
        ));
        assert!(!wants_json("/", &HeaderMap::new()));
        assert!(!wants_json("/", &accept("text/html,application/json")));
        assert!(!wants_json("/", &accept("*/*")));
        assert!(!wants_json("/apix", &HeaderMap::new()));
    }

    #[test]
    fn every_error_message_is_translated() {
        for kind in [
            ErrorKind::NotFound,
            ErrorKind::BadRequest("error.page_number.body"),
            ErrorKind::Forbidden("error.forbidden.role"),
            ErrorKind::Forbidden("error.forbidden.csrf"),
            ErrorKind::Unavailable,
            ErrorKind::Internal,
        ] {
            for lang in Lang::BASE {
                let tr = Tr(lang);
                assert_ne!(tr.t(kind.title_key()), kind.title_key());
                assert_ne!(tr.t(kind.message_key()), kind.message_key());
            }
        }
    }
}
