//! The web layer: one route table, the middleware every response passes through, and the
//! public pages. Handlers stay thin: extract → read storage → render a template.

pub mod admin;
mod api;
mod assets;
pub(crate) mod client;
pub mod csrf;
mod error;
mod headers;
pub mod i18n;
mod lang;
mod layout;
pub(crate) mod pages;
mod request_log;

use std::future::Future;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::response::Redirect;
use axum::routing::{MethodRouter, get, post};
use tokio::net::TcpListener;

use crate::channels::sms;
use crate::state::AppState;

pub use admin::{Access, Route};
pub use error::AppError;
pub use headers::SECURITY_HEADERS;
pub use lang::PathLang;
pub use request_log::RequestId;

/// Every route: the public site, the API and the staff workspace, with who may use each. One
/// table, so tests can walk it (see [`route_table`]).
fn routes() -> Vec<Route> {
    let follow_up = || get(pages::follow_up::form).post(pages::follow_up::submit);
    let public: Vec<(&'static str, MethodRouter<AppState>)> = vec![
        ("/ur", get(|| async { Redirect::permanent("/ur/") })),
        ("/report", report_routes()),
        ("/ur/report", report_routes()),
        ("/report/receipt/{view}", get(pages::report::receipt)),
        ("/ur/report/receipt/{view}", get(pages::report::receipt)),
        ("/follow-up", follow_up()),
        ("/ur/follow-up", follow_up()),
        ("/exit", get(pages::exit::exit)),
        ("/healthz", get(pages::health::healthz)),
        (
            "/api/v1/submissions",
            post(api::submissions::create).layer(DefaultBodyLimit::max(api::submissions::MAX_BODY)),
        ),
        (
            "/api/v1/submissions/challenge",
            get(api::submissions::challenge),
        ),
        ("/api/openapi.json", get(api::openapi::document)),
        ("/assets/{*path}", get(assets::asset)),
        (
            "/sms/smssync",
            get(sms::smssync::get)
                .post(sms::smssync::post)
                .layer(DefaultBodyLimit::max(sms::fields::MAX_BODY)),
        ),
        (
            "/sms/webhook",
            post(sms::webhook::post).layer(DefaultBodyLimit::max(sms::fields::MAX_BODY)),
        ),
    ];
    let mut all: Vec<Route> = public
        .into_iter()
        .chain(pages::map::routes())
        .chain(pages::story::routes())
        .chain(pages::stats::routes())
        .chain(pages::resources::routes())
        .chain(pages::data::routes())
        .chain(api::public::routes())
        .map(|(path, router)| Route {
            path,
            access: Access::Anyone,
            router,
        })
        .collect();
    all.extend(admin::routes());
    all
}

/// Every route's path pattern (e.g. `/stories/{id}`) and who may use it, as registered.
pub fn route_table() -> Vec<(&'static str, Access)> {
    routes().into_iter().map(|r| (r.path, r.access)).collect()
}

/// Whether responses of a route may be compressed. Pages that carry a secret next to text an
/// attacker can influence (receipts, form tokens, CSRF tokens, the staff workspace) are never
/// compressed, so their length cannot leak the secret (BREACH); the public read-only pages,
/// the open data, the read API and the assets are.
fn compressible(path: &str) -> bool {
    const NEVER: &[&str] = &[
        "/report",
        "/ur/report",
        "/follow-up",
        "/ur/follow-up",
        "/admin",
        "/api/v1/submissions",
        "/exit",
        "/sms",
    ];
    !NEVER
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}/")))
}

/// gzip or brotli, as the client accepts, at a cheap level; not for bodies that are already
/// compressed.
fn compression()
-> tower_http::compression::CompressionLayer<impl tower_http::compression::Predicate> {
    use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
    // Level 4: brotli's default (11) spends tens of milliseconds on one page for a few
    // per cent less; 4 keeps compression well under a millisecond a page.
    tower_http::compression::CompressionLayer::new()
        .quality(tower_http::CompressionLevel::Precise(4))
        .compress_when(
            DefaultPredicate::new()
                .and(NotForContentType::const_new("font/woff2"))
                .and(NotForContentType::const_new("application/pdf")),
        )
}

/// Builds the application: every route, the fallback 404 page and the middleware stack.
pub fn router(state: AppState) -> Router {
    let hsts = state
        .config()
        .public_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://"));
    let mut router = Router::new();
    for route in routes() {
        let method_router = match route.access {
            Access::Needs(permission) => {
                let state = state.clone();
                route
                    .router
                    .route_layer(middleware::from_fn(move |req, next| {
                        admin::check_access(state.clone(), permission, req, next)
                    }))
            }
            Access::Anyone | Access::SignedIn => route.router,
        };
        let method_router = if compressible(route.path) {
            method_router.layer(compression())
        } else {
            method_router
        };
        router = router.route(route.path, method_router);
    }
    router
        .fallback(pages::not_found)
        // Layers run outside-in in the reverse order of these calls: security headers wrap
        // everything, the request log sees the final status, error pages are rendered
        // inside it so they can show the request id, and the CSRF check refuses a forged
        // request before any handler sees it.
        .layer(middleware::from_fn_with_state(state.clone(), csrf::protect))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            error::render_error_pages,
        ))
        .layer(middleware::from_fn(request_log::log_request))
        .layer(middleware::map_response(move |res| {
            headers::apply(res, hsts)
        }))
        .with_state(state)
}

/// The report form: the page, and its submission with room for evidence files.
fn report_routes() -> axum::routing::MethodRouter<AppState> {
    get(pages::report::form)
        .post(pages::report::submit)
        .layer(DefaultBodyLimit::max(pages::report::MAX_BODY))
}

/// Serves the application on `listener` until `shutdown` completes, then lets requests in
/// flight finish.
///
/// The peer address reaches only the [`client::ClientNetwork`] extractor, which turns it into
/// an opaque rate-limit key at once: nothing downstream can log or store a visitor's IP.
pub async fn serve(
    state: AppState,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}
