//! The request log names no visitor, server errors are opaque to the client but logged
//! with their request id, and wrong gateway secrets are counted without what was guessed or
//! from where.
//!
//! These tests capture the log with a thread-local `tracing` subscriber. `tracing` caches per
//! call site whether anyone listens, across threads, so another test emitting events on
//! another thread at the same moment can leave a span switched off for the capture; they run
//! in their own test binary, one at a time.

// Tests may unwrap, expect and panic (clippy.toml allows it in #[test] functions; this
// extends it to the helpers of the harness): a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::support::captured_log::Captured;
use crate::support::{App, attrs, case, texts};

/// One capture at a time in this binary.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A subscriber that writes every event, at every level, into `log`.
fn subscriber(log: &Captured) -> impl tracing::Subscriber + Send + Sync + use<> {
    let buf = log.clone();
    tracing_subscriber::fmt()
        .with_writer(move || buf.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .finish()
}

fn canary_request(path: &str) -> Request<Body> {
    Request::get(path)
        .header("user-agent", "canary-agent")
        .header("x-forwarded-for", "203.0.113.77")
        .header("x-real-ip", "203.0.113.77")
        .header("referer", "https://canary-referer.example/")
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn the_request_log_names_no_visitor() {
    let _one = ONE_AT_A_TIME.lock().await;
    let app = App::new().await;
    let c = case("A story");
    app.save(&c).await;
    let log = Captured::default();
    let _guard = tracing::subscriber::set_default(subscriber(&log));
    // Another test thread may have cached "never" for these callsites while it had no
    // subscriber; ask every callsite again now that this one is set.
    tracing::callsite::rebuild_interest_cache();

    let found = app
        .send(canary_request(&format!("/stories/{}?q=canary-query", c.id)))
        .await;
    assert_eq!(found.status, StatusCode::OK);
    let missing = app
        .send(canary_request("/stories/canary-path?q=canary-query"))
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let nowhere = app
        .send(canary_request("/canary-fallback?q=canary-query"))
        .await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);

    let text = log.text();
    for id in [&found, &missing, &nowhere].map(|r| r.header("x-request-id").unwrap().to_owned()) {
        let line = text
            .lines()
            .find(|l| l.contains(&id) && l.contains("status="))
            .unwrap_or_else(|| panic!("no request line with id {id} in:\n{text}"));
        assert!(
            line.contains("method=\"GET\"") || line.contains("method=GET"),
            "{line}"
        );
        assert!(line.contains("duration_ms="), "{line}");
    }
    assert!(
        text.contains("route=/stories/{id}"),
        "the route pattern is logged:\n{text}"
    );
    assert!(text.contains("status=404"), "{text}");
    for canary in [
        "canary-agent",
        "203.0.113.77",
        "canary-query",
        "canary-path",
        "canary-fallback",
        "canary-referer",
        &c.id.to_string(),
    ] {
        assert!(
            !text.contains(canary),
            "the log contains {canary:?}:\n{text}"
        );
    }
}

#[tokio::test]
async fn server_errors_are_opaque_and_logged_with_the_request_id() {
    let _one = ONE_AT_A_TIME.lock().await;
    let app = App::new().await;
    let log = Captured::default();
    let _guard = tracing::subscriber::set_default(subscriber(&log));
    // Another test thread may have cached "never" for these callsites while it had no
    // subscriber; ask every callsite again now that this one is set.
    tracing::callsite::rebuild_interest_cache();
    app.state.store().close().await;

    // With the database gone and nothing in memory yet, the map cannot be drawn: 503.
    let reply = app.get("/ur/").await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(reply.header("retry-after").is_some());
    let id = reply.header("x-request-id").unwrap().to_owned();
    let html = reply.html();
    assert_eq!(attrs(&html, "html", "lang"), ["ur"]);
    assert_eq!(
        texts(&html, "h1"),
        [naqsha::i18n::t(
            naqsha_core::lang::Lang::Ur,
            "error.unavailable.title"
        )]
    );
    let reference = texts(&html, ".error-page__reference").join(" ");
    assert!(
        reference.contains(&id),
        "the page shows the request id: {reference}"
    );
    let body = reply.text().to_lowercase();
    for internal in ["pool", "sqlx", "database", "closed", "sqlite"] {
        assert!(!body.contains(internal), "the 500 page leaks {internal:?}");
    }

    let reply = app.get("/api/v1/anything").await;
    assert_eq!(
        reply.status,
        StatusCode::NOT_FOUND,
        "no database needed to know an API route is missing"
    );

    let reply = app
        .send(
            Request::get("/")
                .header("accept", "application/json")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    let json = reply.json();
    assert_eq!(json["error"]["code"], "unavailable");
    assert_eq!(
        json["error"]["request_id"],
        reply.header("x-request-id").unwrap()
    );
    assert!(!json.to_string().to_lowercase().contains("pool"));

    let text = log.text();
    let error_line = text
        .lines()
        .find(|l| l.contains("ERROR") && l.contains(&id))
        .unwrap_or_else(|| panic!("the cause is not logged with request id {id}:\n{text}"));
    assert!(
        error_line.to_lowercase().contains("pool") || error_line.contains("database"),
        "{error_line}"
    );
}

#[tokio::test]
async fn wrong_gateway_secrets_are_counted_without_the_guess_or_the_address() {
    use std::time::{Duration, Instant};

    let _one = ONE_AT_A_TIME.lock().await;
    let app = crate::support::App::with_config(|c| {
        c.smssync_secret = Some(naqsha_core::shared_secret::SharedSecret::generate());
    })
    .await;
    let log = Captured::default();
    let _guard = tracing::subscriber::set_default(subscriber(&log));
    tracing::callsite::rebuild_interest_cache();
    for i in 0..3 {
        let reply = app
            .post_form(
                "/sms/smssync",
                &[
                    ("secret", &format!("canary-guess-{i}")),
                    ("from", "+923001234567"),
                    ("message", "canary-text"),
                ],
                crate::support::PEER,
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
    }
    // The first is written at once; the others wait for the next line, at most a minute.
    let first = log.text();
    let warning = |text: &str| {
        text.lines()
            .filter(|l| l.contains("wrong gateway secrets") && l.contains("gateway=\"SMS\""))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let lines = warning(&first);
    assert_eq!(lines.len(), 1, "{first}");
    assert!(
        lines[0].contains("WARN") && lines[0].contains("wrong=1"),
        "{}",
        lines[0]
    );
    app.state
        .sms()
        .guard
        .flush(Instant::now() + Duration::from_secs(60));
    let text = log.text();
    let lines = warning(&text);
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[1].contains("wrong=2"), "{}", lines[1]);
    for canary in ["canary-guess", "203.0.113", "+923001234567", "canary-text"] {
        assert!(
            !text.contains(canary),
            "the log contains {canary:?}:\n{text}"
        );
    }
}
