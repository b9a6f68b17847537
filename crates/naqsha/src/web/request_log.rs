//! One log line per request, and a random id that ties it to any error logged while the
//! request ran and to the reference shown on an error page.
//!
//! What is logged is chosen, not filtered: method, the *route pattern* that matched (never
//! the raw path, which may carry text), status, duration and the request id. Never the
//! address, user agent, other headers, query string or body.

use std::time::Instant;

use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::response::Response;

pub use crate::logging::RequestId;

/// The id as the 32 lower-case hex digits it is logged and shown as, without allocating.
fn header_value(id: RequestId) -> Option<HeaderValue> {
    let mut buf = [0u8; uuid::fmt::Simple::LENGTH];
    HeaderValue::from_str(id.encode_lower(&mut buf)).ok()
}

/// The response header carrying the request id.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// The log target of the per-request line, for filters such as `naqsha::web::request=warn`.
pub const TARGET: &str = "naqsha::web::request";

/// The route for the log line when no route matched.
pub const NO_ROUTE: &str = "(no route)";

/// The method for the log line; a non-standard method is a client-chosen string and is not
/// echoed into the log.
pub(crate) fn method_of(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        Method::CONNECT => "CONNECT",
        Method::TRACE => "TRACE",
        _ => "OTHER",
    }
}

/// Logs the one line of a request: its method, the route pattern that matched (never the
/// path), the status and how long it took since `started`. Called within
/// [`crate::logging::in_request`], so the line carries the request id.
pub(crate) fn log(method: &'static str, route: &'static str, status: StatusCode, started: Instant) {
    let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    let status = status.as_u16();
    tracing::info!(target: TARGET, method, route = %route, status, duration_ms, "request");
}

/// Returns the id to the client in `X-Request-Id`.
pub(crate) fn set_header(res: &mut Response, id: RequestId) {
    if let Some(value) = header_value(id) {
        const NAME: HeaderName = HeaderName::from_static(REQUEST_ID_HEADER);
        res.headers_mut().insert(NAME, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_id_is_current_only_inside_its_request() {
        let id = RequestId::random();
        assert_eq!(crate::logging::current_request(), None);
        let inside = crate::logging::in_request(id, async {
            tokio::task::yield_now().await;
            crate::logging::current_request()
        })
        .await;
        assert_eq!(inside, Some(id));
        assert_eq!(crate::logging::current_request(), None);
    }

    #[test]
    fn the_header_shows_the_id_as_logged_and_ids_differ() {
        let a = RequestId::random();
        let b = RequestId::random();
        assert_ne!(a, b);
        let shown = header_value(a).unwrap();
        assert_eq!(shown.to_str().unwrap(), a.to_string());
        assert_eq!(shown.len(), 32);
        assert_eq!(a.version(), 4, "a random (version 4) UUID");
    }
}
