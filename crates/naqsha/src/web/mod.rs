//! The web layer: one route table, the middleware every response passes through, and the
//! public pages. Handlers stay thin: extract → read storage → render a template.

pub mod admin;
mod api;
mod assets;

mod chat_gateway;
mod client;
pub mod csrf;
mod error;
mod headers;
mod lang;
mod layout;
pub mod listener;
pub(crate) mod pages;
mod request_log;
mod sms_gateway;

use std::future::Future;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::response::Redirect;
use axum::routing::{MethodRouter, get, post};
use tokio::net::TcpListener;

use crate::channels::{sms, telegram, whatsapp};
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
            get(sms_gateway::smssync_get)
                .post(sms_gateway::smssync_post)
                // The app's "PUT" method sends the same request with another verb.
                .put(sms_gateway::smssync_post)
                .layer(DefaultBodyLimit::max(sms::fields::MAX_BODY)),
        ),
        (
            "/sms/webhook",
            post(sms_gateway::webhook_post).layer(DefaultBodyLimit::max(sms::fields::MAX_BODY)),
        ),
        (
            "/whatsapp/webhook",
            get(chat_gateway::whatsapp_verify)
                .post(chat_gateway::whatsapp_notify)
                .layer(DefaultBodyLimit::max(whatsapp::MAX_BODY)),
        ),
        (
            "/telegram/webhook",
            post(chat_gateway::telegram_update).layer(DefaultBodyLimit::max(telegram::MAX_BODY)),
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
        "/whatsapp",
        "/telegram",
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
        let method_router =
            method_router.layer(tower_http::timeout::TimeoutLayer::with_status_code(
                axum::http::StatusCode::REQUEST_TIMEOUT,
                request_time(route.path),
            ));
        router = router.route(route.path, method_router);
    }
    let router = router
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
        .layer(middleware::map_request(body_deadline))
        // A panic in a handler becomes a plain 500 instead of a connection closed without an
        // answer (the cause goes to the log, if the log can be written).
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            panic_response,
        ))
        .layer(middleware::map_response(move |res| {
            headers::apply(res, hsts)
        }));
    // Outside the security headers, so that on the onion it can take HSTS away again.
    let router = match state.config().onion_address.as_deref() {
        Some(onion) => {
            let onion: std::sync::Arc<str> = onion.into();
            router.layer(middleware::from_fn(move |req, next| {
                headers::onion_location(onion.clone(), req, next)
            }))
        }
        None => router,
    };
    router.with_state(state)
}

/// The longest a request may take, reading its body included. Uploads of evidence get ten
/// minutes (25 MiB on a slow mobile connection); everything else two.
fn request_time(path: &str) -> std::time::Duration {
    const UPLOADS: &[&str] = &["/report", "/ur/report", "/api/v1/submissions"];
    if UPLOADS.contains(&path) {
        std::time::Duration::from_secs(10 * 60)
    } else {
        std::time::Duration::from_secs(2 * 60)
    }
}

/// The longest a request body may pause between two pieces: a client that stops sending
/// mid-body is cut off rather than holding the request open.
const BODY_PAUSE: std::time::Duration = std::time::Duration::from_secs(30);

/// Puts [`BODY_PAUSE`] on the request's body.
async fn body_deadline(req: axum::extract::Request) -> axum::extract::Request {
    req.map(|body| axum::body::Body::new(tower_http::timeout::TimeoutBody::new(BODY_PAUSE, body)))
}

/// The answer to a request whose handler panicked: an opaque 500.
fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> axum::response::Response {
    tracing::error!("a request handler panicked");
    axum::response::IntoResponse::into_response((
        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        "internal error",
    ))
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
    let app = router(state.clone());
    listener::serve(state, app, listener, shutdown).await
}
