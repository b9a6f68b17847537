//! One log line per request, and a random id that ties it to any error logged while the
//! request ran and to the reference shown on an error page.
//!
//! What is logged is chosen, not filtered: method, the *route pattern* that matched (never
//! the raw path, which may carry text), status, duration and the request id. Never the
//! address, user agent, other headers, query string or body.

use std::fmt;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

/// The id of one request: random, never derived from anything the client sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestId(uuid::Uuid);

impl RequestId {
    /// A fresh random id, from the thread's cryptographic generator (seeded and reseeded from
    /// the system's): one system call per request fewer than asking the system each time.
    pub fn random() -> Self {
        Self(uuid::Builder::from_random_bytes(rand::random()).into_uuid())
    }

    /// The id as the 32 lower-case hex digits it is logged and shown as, without allocating.
    fn header_value(self) -> Option<HeaderValue> {
        let mut buf = [0u8; uuid::fmt::Simple::LENGTH];
        let text = self.0.as_simple().encode_lower(&mut buf);
        HeaderValue::from_str(text).ok()
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.as_simple().fmt(f)
    }
}

/// The response header carrying the request id.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// The log target of the per-request line, for filters such as `naqsha::web::request=warn`.
pub const TARGET: &str = "naqsha::web::request";

/// The route for the log line: the pattern that matched (shared, not copied), or a fixed
/// word for the fallback.
fn route_of(req: &Request) -> Option<MatchedPath> {
    req.extensions().get::<MatchedPath>().cloned()
}

/// The method for the log line; a non-standard method is a client-chosen string and is not
/// echoed into the log.
fn method_of(method: &Method) -> &'static str {
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

/// Middleware: gives the request an id, runs it inside a span carrying that id, logs one line
/// and returns the id in `X-Request-Id`.
pub async fn log_request(mut req: Request, next: Next) -> Response {
    let id = RequestId::random();
    req.extensions_mut().insert(id);
    let method = method_of(req.method());
    let route = route_of(&req);

    let span = tracing::info_span!("request", request_id = %id);
    let started = Instant::now();
    let mut res = next.run(req).instrument(span.clone()).await;
    let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    let status = res.status().as_u16();

    let route = route.as_ref().map_or("(no route)", MatchedPath::as_str);
    span.in_scope(|| {
        tracing::info!(target: TARGET, method, route = %route, status, duration_ms, "request");
    });
    if let Some(value) = id.header_value() {
        res.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_shows_the_id_as_logged_and_ids_differ() {
        let a = RequestId::random();
        let b = RequestId::random();
        assert_ne!(a, b);
        let shown = a.header_value().unwrap();
        assert_eq!(shown.to_str().unwrap(), a.to_string());
        assert_eq!(shown.len(), 32);
        assert_eq!(a.0.get_version_num(), 4, "a random (version 4) UUID");
    }
}
