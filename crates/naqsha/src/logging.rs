//! Log setup. Naqsha never logs an IP address, user agent, header, query string, request body,
//! report text, phone number or email: the request log names only the route pattern, status,
//! duration and a random request id (see `web::request_log`).

use tracing_subscriber::EnvFilter;

/// Starts logging to stderr with the configured filter. Noisy dependencies are held at `warn`.
pub fn init(filter: &str) {
    let directives = format!("{filter},sqlx=warn,hyper=warn,tower_http=warn");
    let filter = EnvFilter::try_new(directives).unwrap_or_else(|_| EnvFilter::new("info"));
    // A second call (tests, `serve --demo` after `init`) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .try_init();
}
