//! The web layer: one route table, the middleware every response passes through, and the
//! public pages. Handlers stay thin: extract → read storage → render a template.

pub mod admin;
mod api;
mod assets;

mod chat_gateway;
mod client;
pub mod csrf;
mod error;
mod every_request;
mod headers;
mod lang;
mod layout;
pub mod listener;
pub(crate) mod pages;
mod public_route;
pub mod referral_view;
pub(crate) mod request_log;
mod sms_gateway;

use std::collections::HashSet;
use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::Uri;
use axum::middleware;
use axum::routing::{any, get, post};
use tokio::net::TcpListener;

use crate::channels::{sms, telegram, whatsapp};
use crate::state::AppState;

pub use admin::{Access, Route};
pub use error::AppError;
use every_request::EveryRequest;
pub use headers::SECURITY_HEADERS;
pub use lang::{PathLang, neutral_path};
use public_route::PublicRoute;
pub use request_log::RequestId;

/// Every route: the public site, the API and the staff workspace, with who may use each. One
/// table, so tests can walk it (see [`route_table`]).
fn routes() -> Vec<Route> {
    let public = vec![
        PublicRoute::page("/report", report_routes()),
        PublicRoute::page("/report/receipt/{view}", get(pages::report::receipt)),
        PublicRoute::page(
            "/follow-up",
            get(pages::follow_up::form).post(pages::follow_up::submit),
        ),
        PublicRoute::once("/exit", get(pages::exit::exit)),
        PublicRoute::once("/healthz", get(pages::health::healthz)),
        PublicRoute::once(
            "/api/v1/submissions",
            post(api::submissions::create).layer(DefaultBodyLimit::max(api::submissions::MAX_BODY)),
        ),
        PublicRoute::once(
            "/api/v1/submissions/challenge",
            get(api::submissions::challenge),
        ),
        PublicRoute::once("/api/openapi.json", get(api::openapi::document)),
        PublicRoute::once("/federation", get(api::federation::info)),
        PublicRoute::once("/federation/feed", get(api::federation::feed)),
        PublicRoute::once("/assets/{*path}", get(assets::asset)),
        PublicRoute::once(
            "/sms/smssync",
            get(sms_gateway::smssync_get)
                .post(sms_gateway::smssync_post)
                // The app's "PUT" method sends the same request with another verb.
                .put(sms_gateway::smssync_post)
                .layer(DefaultBodyLimit::max(sms::fields::MAX_BODY)),
        ),
        PublicRoute::once(
            "/sms/webhook",
            post(sms_gateway::webhook_post).layer(DefaultBodyLimit::max(sms::fields::MAX_BODY)),
        ),
        PublicRoute::once(
            "/whatsapp/webhook",
            get(chat_gateway::whatsapp_verify)
                .post(chat_gateway::whatsapp_notify)
                .layer(DefaultBodyLimit::max(whatsapp::MAX_BODY)),
        ),
        PublicRoute::once(
            "/telegram/webhook",
            post(chat_gateway::telegram_update).layer(DefaultBodyLimit::max(telegram::MAX_BODY)),
        ),
    ];
    let public = public
        .into_iter()
        .chain(pages::map::routes())
        .chain(pages::story::routes())
        .chain(pages::atom::routes())
        .chain(pages::responses::routes())
        .chain(pages::stats::routes())
        .chain(pages::resources::routes())
        .chain(pages::campaign::routes())
        .chain(pages::creative::routes())
        .chain(pages::data::routes())
        .chain(pages::world::routes())
        .chain(
            api::public::routes()
                .into_iter()
                .map(|(path, router)| PublicRoute::once(path, router)),
        )
        .collect();
    let mut all: Vec<Route> = public_route::expand(public)
        .into_iter()
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
    let path = lang::neutral_path(path);
    const NEVER: &[&str] = &[
        "/report",
        "/follow-up",
        "/responses/manage",
        "/respond",
        "/admin",
        "/api/v1/submissions",
        "/exit",
        "/sms",
        "/whatsapp",
        "/telegram",
        "/campaign/{slug}/create",
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

/// Builds the application: every route, the fallback 404 page, and on each of them the layer
/// every request passes through ([`EveryRequest`]).
pub fn router(state: AppState) -> Router {
    let every = EveryRequest::new(state.clone());
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
        let method_router = if compressible(route.path) && !compressed_by_cache(route.path) {
            method_router.layer(compression())
        } else {
            method_router
        };
        let method_router = method_router.layer(every.route(route.path, request_time(route.path)));
        router = router.route(route.path, method_router);
    }
    let route_roots: Arc<HashSet<&'static str>> = Arc::new(
        route_table()
            .into_iter()
            .filter_map(|(path, _)| path.strip_prefix('/')?.split('/').next())
            .collect(),
    );
    let fallback = any(move |uri: Uri| async move { pages::not_found(&uri, &route_roots) })
        .layer(every.route(request_log::NO_ROUTE, request_time("")))
        .with_state(state.clone());
    router.fallback_service(fallback).with_state(state)
}

/// Routes answered from a response cache (`api::public::cache`), which compresses each body
/// once and keeps it: a compression layer there would only look at every response and pass
/// it on.
const COMPRESSED_BY_CACHE: &[&str] = &[
    "/api/v1/cases",
    "/api/v1/cases/{id}",
    "/api/v1/stats",
    "/api/v1/taxonomy",
    "/api/v1/places",
    "/data/cases.csv",
    "/data/cases.geojson",
    "/data/cases.json",
];

fn compressed_by_cache(path: &str) -> bool {
    COMPRESSED_BY_CACHE.contains(&path)
}

/// The longest a request may take, reading its body included. Uploads of evidence get ten
/// minutes (25 MiB on a slow mobile connection); everything else two.
fn request_time(path: &str) -> std::time::Duration {
    const UPLOADS: &[&str] = &["/report", "/api/v1/submissions", "/campaign/{slug}/create"];
    if UPLOADS.contains(&lang::neutral_path(path)) {
        std::time::Duration::from_secs(10 * 60)
    } else {
        std::time::Duration::from_secs(2 * 60)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_said_to_be_compressed_by_the_cache_is_a_public_route() {
        let table = route_table();
        for path in COMPRESSED_BY_CACHE {
            assert!(
                table
                    .iter()
                    .any(|(p, access)| p == path && *access == Access::Anyone),
                "{path} is not a public route"
            );
            assert!(compressible(path), "{path}");
        }
    }
}
