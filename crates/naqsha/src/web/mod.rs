//! The web layer: one route table, the middleware every response passes through, and the
//! public pages. Handlers stay thin: extract → read storage → render a template.

mod api;
mod assets;
mod client;
mod error;
mod headers;
pub mod i18n;
mod lang;
mod layout;
mod pages;
mod request_log;

use std::future::Future;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::response::Redirect;
use axum::routing::{get, post};
use tokio::net::TcpListener;

use crate::state::AppState;

pub use error::AppError;
pub use headers::SECURITY_HEADERS;
pub use lang::PathLang;
pub use request_log::RequestId;

/// Builds the application: every route, the fallback 404 page and the middleware stack.
pub fn router(state: AppState) -> Router {
    let hsts = state
        .config()
        .public_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://"));
    Router::new()
        .route("/", get(pages::home::home))
        .route("/ur", get(|| async { Redirect::permanent("/ur/") }))
        .route("/ur/", get(pages::home::home))
        .route("/stories/{id}", get(pages::story::story))
        .route("/ur/stories/{id}", get(pages::story::story))
        .route("/report", report_routes())
        .route("/ur/report", report_routes())
        .route("/report/receipt/{view}", get(pages::report::receipt))
        .route("/ur/report/receipt/{view}", get(pages::report::receipt))
        .route(
            "/follow-up",
            get(pages::follow_up::form).post(pages::follow_up::submit),
        )
        .route(
            "/ur/follow-up",
            get(pages::follow_up::form).post(pages::follow_up::submit),
        )
        .route("/exit", get(pages::exit::exit))
        .route("/healthz", get(pages::health::healthz))
        .route(
            "/api/v1/submissions",
            post(api::submissions::create).layer(DefaultBodyLimit::max(api::submissions::MAX_BODY)),
        )
        .route(
            "/api/v1/submissions/challenge",
            get(api::submissions::challenge),
        )
        .route("/api/openapi.json", get(api::openapi::document))
        .route("/assets/{*path}", get(assets::asset))
        .fallback(pages::not_found)
        // Layers run outside-in in the reverse order of these calls: security headers wrap
        // everything, the request log sees the final status, and error pages are rendered
        // inside it so they can show the request id.
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
