//! What every request and its response pass through, as one layer on each route: the request
//! id and the request's log line, the security headers, the error pages, the CSRF check, the
//! deadlines and the answer to a panic.
//!
//! One hand-written layer rather than a stack of `from_fn` / `map_*` / tower-http layers: each
//! of those boxed a future and cloned a boxed service per request, and together they cost
//! more than the cached API handlers inside them (see `benches/README.md`, "Issue 18:
//! throughput"). The steps keep the order the layers had, outside in:
//!
//! 1. `Onion-Location`, and no HSTS on the onion (when an onion address is configured);
//! 2. the security headers, with HSTS when the public URL is https;
//! 3. a panic becomes an opaque 500;
//! 4. the request body may pause at most [`BODY_PAUSE`] between two pieces;
//! 5. a fresh request id, returned in `X-Request-Id`, and one log line; every line logged
//!    while the request runs carries the id ([`crate::logging::in_request`]);
//! 6. error pages, rendered with the request id;
//! 7. the CSRF check of the staff workspace, before any handler;
//! 8. the route's deadline for the whole request (`408` when it passes).

use std::convert::Infallible;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::{Body, HttpBody};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use futures_util::FutureExt;
use tower::{Layer, Service, ServiceExt};

use super::csrf;
use super::error::{AppError, ErrorPages};
use super::headers::{self, OnionLocation};
use super::request_log::{self, RequestId};
use crate::state::AppState;

/// The longest a request body may pause between two pieces: a client that stops sending
/// mid-body is cut off rather than holding the request open.
pub const BODY_PAUSE: Duration = Duration::from_secs(30);

/// What every route's layer shares.
struct Site {
    state: AppState,
    /// The public URL is https: responses carry HSTS.
    hsts: bool,
    /// The onion address, if the site has one.
    onion: Option<Arc<str>>,
}

/// The layer, made once per router and then given each route's own settings
/// ([`EveryRequest::route`]).
#[derive(Clone)]
pub struct EveryRequest {
    site: Arc<Site>,
    /// The route pattern, for the log line ([`request_log::NO_ROUTE`] for the fallback).
    route: &'static str,
    /// The longest the whole request may take.
    deadline: Duration,
}

impl EveryRequest {
    /// The layer for the site `state` serves (not yet for a route: see [`Self::route`]).
    pub fn new(state: AppState) -> Self {
        let config = state.config();
        let hsts = config
            .public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"));
        let onion = config.onion_address.as_deref().map(Arc::from);
        Self {
            site: Arc::new(Site { state, hsts, onion }),
            route: request_log::NO_ROUTE,
            deadline: Duration::MAX,
        }
    }

    /// The layer for the route `pattern`, whose requests may take at most `deadline`.
    pub fn route(&self, pattern: &'static str, deadline: Duration) -> Self {
        Self {
            site: self.site.clone(),
            route: pattern,
            deadline,
        }
    }

    /// Everything of one request.
    async fn run<S>(self, inner: S, req: Request) -> Response
    where
        S: Service<Request, Response = Response, Error = Infallible>,
    {
        let id = RequestId::random();
        let method = request_log::method_of(req.method());
        let onion = self
            .site
            .onion
            .as_deref()
            .map(|onion| OnionLocation::for_request(onion, &req));
        let error_pages = ErrorPages::for_request(&req);
        let req = with_body_pause(req);
        let started = Instant::now();
        let site = &self.site;

        let mut res = crate::logging::in_request(id, async {
            // Should the error page or the log line panic, the visitor still gets a plain 500.
            AssertUnwindSafe(async {
                // The page the handler renders notes any word it takes from a fallback
                // language (an error page rendered below answers for its own words).
                let res = AssertUnwindSafe(crate::i18n::in_request(self.handle(inner, req)))
                    .catch_unwind()
                    .await
                    // The cause goes to the log with the request id; the visitor sees the
                    // opaque 500 page with that id.
                    .unwrap_or_else(|_| {
                        AppError::Internal(anyhow::anyhow!("a request handler panicked"))
                            .into_response()
                    });
                let res = error_pages.render(&site.state, id, res);
                request_log::log(method, self.route, res.status(), started);
                res
            })
            .catch_unwind()
            .await
            .unwrap_or_else(|_| {
                tracing::error!("answering a request panicked");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
            })
        })
        .await;
        request_log::set_header(&mut res, id);
        headers::apply(&mut res, site.hsts);
        if let Some(onion) = onion {
            onion.apply(&mut res);
        }
        res
    }

    /// The CSRF check, then the route within its deadline.
    async fn handle<S>(&self, inner: S, req: Request) -> Response
    where
        S: Service<Request, Response = Response, Error = Infallible>,
    {
        let req = if csrf::applies(&req) {
            match csrf::check(&self.site.state, req).await {
                Ok(req) => req,
                Err(refused) => return refused,
            }
        } else {
            req
        };
        match tokio::time::timeout(self.deadline, inner.oneshot(req)).await {
            Ok(Ok(res)) => res,
            Ok(Err(never)) => match never {},
            Err(_elapsed) => StatusCode::REQUEST_TIMEOUT.into_response(),
        }
    }
}

/// Puts [`BODY_PAUSE`] on the request's body; an empty body (most requests) cannot pause and
/// is left as it is.
fn with_body_pause(req: Request) -> Request {
    if req.body().is_end_stream() {
        return req;
    }
    req.map(|body| Body::new(tower_http::timeout::TimeoutBody::new(BODY_PAUSE, body)))
}

impl<S> Layer<S> for EveryRequest {
    type Service = EveryRequestService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        EveryRequestService {
            layer: self.clone(),
            inner,
        }
    }
}

/// A route's service behind [`EveryRequest`].
#[derive(Clone)]
pub struct EveryRequestService<S> {
    layer: EveryRequest,
    inner: S,
}

impl<S> Service<Request> for EveryRequestService<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        // The inner service is made ready when it is called (`oneshot`).
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let inner = self.inner.clone();
        let layer = self.layer.clone();
        Box::pin(async move { Ok(layer.run(inner, req).await) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::Router;
    use axum::routing::get;

    /// A router of one route, `/api/v1/test`, answered by `handler`, behind the layer with
    /// the request deadline `deadline`.
    async fn app(
        handler: axum::routing::MethodRouter<AppState>,
        deadline: Duration,
    ) -> (Router, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let config = crate::config::Config::for_data_dir(dir.path().join("data"));
        std::fs::create_dir_all(&config.data_dir).unwrap();
        let store = crate::storage::Store::open(&config.database_url)
            .await
            .unwrap();
        // Built here, not by `startup` (a layer beside this one): the layer needs a state,
        // not a prepared server.
        let state = AppState::new(
            store,
            config,
            std::sync::Arc::new(naqsha_core::taxonomy::Taxonomy::pakistan_default().clone()),
        );
        let every = EveryRequest::new(state.clone());
        let router = Router::new()
            .route(
                "/api/v1/test",
                handler.layer(every.route("/api/v1/test", deadline)),
            )
            .with_state(state);
        (router, dir)
    }

    async fn get_test(router: Router) -> (Response, serde_json::Value) {
        use http_body_util::BodyExt;
        let req = Request::get("/api/v1/test").body(Body::empty()).unwrap();
        let res = router.oneshot(req).await.unwrap();
        let (parts, body) = res.into_parts();
        let bytes = body.collect().await.unwrap().to_bytes();
        let json = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
        (Response::from_parts(parts, Body::empty()), json)
    }

    #[tokio::test]
    async fn a_panic_is_an_opaque_500_with_the_request_id_and_the_security_headers() {
        async fn boom() -> &'static str {
            panic!("canary-secret in a panic")
        }
        let (router, _dir) = app(get(boom), Duration::from_secs(120)).await;
        let (res, json) = get_test(router).await;
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let id = res.headers()["x-request-id"].to_str().unwrap();
        assert_eq!(json["error"]["code"], "internal");
        assert_eq!(json["error"]["request_id"], id);
        assert!(!json.to_string().contains("canary-secret"));
        for (name, value) in headers::SECURITY_HEADERS {
            assert_eq!(res.headers()[*name], *value, "{name}");
        }
    }

    #[tokio::test]
    async fn a_request_over_its_deadline_is_answered_408() {
        async fn slow() -> &'static str {
            tokio::time::sleep(Duration::from_secs(600)).await;
            "too late"
        }
        // A handler that would take ten minutes, a deadline of a millisecond.
        let (router, _dir) = app(get(slow), Duration::from_millis(1)).await;
        let (res, _) = get_test(router).await;
        assert_eq!(res.status(), StatusCode::REQUEST_TIMEOUT);
        assert!(res.headers().contains_key("x-request-id"));
        assert_eq!(res.headers()["x-frame-options"], "DENY");
    }
}
