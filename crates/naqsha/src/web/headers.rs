//! The browser policy every response carries, in one table applied by one layer.

use axum::http::{HeaderName, HeaderValue, header};
use axum::response::Response;

/// Headers set on every response. A handler that needs a different value for one of them
/// (e.g. the future embed route's `frame-ancestors`) sets it itself and takes responsibility.
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    (
        "content-security-policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; \
         frame-ancestors 'none'",
    ),
    ("referrer-policy", "no-referrer"),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ),
];

/// Sent only when the site is configured with an `https://` public URL: over plain HTTP
/// (local use) it would be ignored, and behind a misconfigured proxy it could lock users out.
pub const HSTS: &str = "max-age=63072000; includeSubDomains";

/// The cache policy of a response that chose none: a page read on a shared phone should
/// leave no copy in the browser's cache. Assets set their own.
const DEFAULT_CACHE_CONTROL: &str = "no-store";

/// Adds the security headers (and HSTS when `hsts`) to a response.
pub async fn apply(mut res: Response, hsts: bool) -> Response {
    let headers = res.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers
            .entry(HeaderName::from_static(name))
            .or_insert(HeaderValue::from_static(value));
    }
    if hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static(DEFAULT_CACHE_CONTROL));
    res
}
