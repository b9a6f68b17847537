//! CSRF protection for the staff workspace, in one layer.
//!
//! Every request that can change something under `/admin` (any method but GET, HEAD and
//! OPTIONS) must carry a token bound to the caller's session — or, before sign-in, to the
//! nonce cookie of the sign-in form — in the `X-CSRF-Token` header or a `csrf` form field.
//! Both check the same on every node: a session's token derives from the random secret in
//! its row, the sign-in form's from its nonce, so a form loaded from one node may be posted
//! to another.
//! Requests a browser marks as coming from another site are refused outright.
//!
//! The public forms are not behind this layer because they carry no ambient authority (no
//! cookie, no session: a forged request can do nothing a visitor could not do directly) and
//! because an expired token there must re-render the survivor's text, not refuse it. Each of
//! them checks its own signed form token; the route-walking test covers both kinds.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, Method, header};
use axum::response::{IntoResponse, Response};

use super::admin::session::{self, Binding};
use super::error::AppError;
use crate::state::AppState;

/// The form field that carries the token.
pub const FIELD: &str = "csrf";
/// The header that carries the token (for scripts).
pub const HEADER: &str = "x-csrf-token";
/// The largest form body read to find the token (a review with two 20,000-character
/// stories, URL-encoded, fits several times over).
const MAX_FORM: usize = 4 * 1024 * 1024;

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn is_protected(path: &str) -> bool {
    path == "/admin" || path.starts_with("/admin/")
}

fn refuse() -> Response {
    AppError::Forbidden {
        key: "error.forbidden.csrf",
    }
    .into_response()
}

/// Whether `req` must carry a token: a state-changing request to the workspace.
pub(crate) fn applies(req: &Request) -> bool {
    changes_state(req.method()) && is_protected(req.uri().path())
}

/// Checks the token of a request that [`applies`]: the request to hand on (its body put back
/// when the token was read from the form), or the refusal.
pub(crate) async fn check(state: &AppState, req: Request) -> Result<Request, Response> {
    if cross_site(req.headers()) {
        return Err(refuse());
    }
    let binding = match session::binding(state, req.headers()).await {
        Ok(Some(binding)) => binding,
        Ok(None) => return Err(refuse()),
        Err(e) => return Err(AppError::from(e).into_response()),
    };
    if let Some(token) = req.headers().get(HEADER).and_then(|v| v.to_str().ok()) {
        return if binding.accepts(token) {
            Ok(req)
        } else {
            Err(refuse())
        };
    }
    let multipart = content_type(req.headers()).is_some_and(|v| {
        v.split(';')
            .next()
            .is_some_and(|m| m.trim().eq_ignore_ascii_case("multipart/form-data"))
    });
    if !is_urlencoded(req.headers()) && !multipart {
        return Err(refuse());
    }
    let (parts, body) = req.into_parts();
    let limit = if multipart { MAX_UPLOAD } else { MAX_FORM };
    let Ok(bytes) = to_bytes(body, limit).await else {
        return Err(AppError::BadRequest {
            key: "error.bad_request.form.body",
        }
        .into_response());
    };
    let ok = if multipart {
        multipart_token_ok(&binding, &parts.headers, &bytes).await
    } else {
        form_token_ok(&binding, &bytes)
    };
    if !ok {
        return Err(refuse());
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// The largest upload read to find the token (a campaign image, with room for the form).
pub const MAX_UPLOAD: usize = 12 * 1024 * 1024;

/// How much of an upload is searched for its token.
const MULTIPART_HEAD: usize = 64 * 1024;

fn content_type(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
}

/// The token of an upload form (`multipart/form-data`, the campaign image form): a `csrf`
/// field, which the form puts before its file so that it is found in the first
/// [`MULTIPART_HEAD`] bytes, without parsing the file.
async fn multipart_token_ok(binding: &Binding, headers: &HeaderMap, body: &[u8]) -> bool {
    use axum::extract::{FromRequest, Multipart};
    let Some(ct) = content_type(headers) else {
        return false;
    };
    let Ok(req) = Request::builder()
        .header(header::CONTENT_TYPE, ct)
        .body(Body::from(body[..body.len().min(MULTIPART_HEAD)].to_vec()))
    else {
        return false;
    };
    let Ok(mut form) = Multipart::from_request(req, &()).await else {
        return false;
    };
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some(FIELD) {
            return field.text().await.is_ok_and(|t| binding.accepts(&t));
        }
    }
    false
}

fn form_token_ok(binding: &Binding, body: &[u8]) -> bool {
    form_urlencoded::parse(body)
        .filter(|(k, _)| k == FIELD)
        .any(|(_, v)| binding.accepts(&v))
}

/// Fetch metadata: a browser says when a request comes from another site. Older browsers
/// send nothing, and the token still protects them.
fn cross_site(headers: &HeaderMap) -> bool {
    headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == "cross-site" || v == "same-site")
}

fn is_urlencoded(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| {
            v.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unsafe_admin_requests_are_checked() {
        assert!(changes_state(&Method::POST));
        assert!(changes_state(&Method::DELETE));
        assert!(!changes_state(&Method::GET));
        assert!(is_protected("/admin"));
        assert!(is_protected("/admin/login"));
        assert!(!is_protected("/administrator"));
        assert!(!is_protected("/report"));
    }
}
