//! Log setup. Naqsha never logs an IP address, user agent, header, query string, request body,
//! report text, phone number or email: the request log names only the route pattern, status,
//! duration and a random request id (see `web::request_log`).

use tracing_subscriber::EnvFilter;

/// Starts logging to stderr with the configured filter. Noisy dependencies are held at `warn`.
///
/// A log that cannot be written never stops a request: when stderr is a file on a full disk
/// (or a closed pipe), the line is dropped. tracing's default would report the failure with
/// `eprintln!`, which panics when stderr fails, and a panic in a handler closes the
/// connection without an answer.
pub fn init(filter: &str) {
    let directives = format!("{filter},sqlx=warn,hyper=warn,tower_http=warn");
    let filter = EnvFilter::try_new(directives).unwrap_or_else(|_| EnvFilter::new("info"));
    // A second call (tests, `serve --demo` after `init`) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(|| LossyStderr)
        .log_internal_errors(false)
        .try_init();
}

/// Standard error, where a failed write is a dropped line, never an error or a panic.
struct LossyStderr;

impl std::io::Write for LossyStderr {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let _ = std::io::stderr().write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = std::io::stderr().flush();
        Ok(())
    }
}
