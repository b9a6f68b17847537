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

/// A subscriber that writes every event, at every level, into `log`, in the server's line
/// format (which adds the request id to every line logged while a request runs).
fn subscriber(log: &Captured) -> impl tracing::Subscriber + Send + Sync + use<> {
    let buf = log.clone();
    tracing_subscriber::fmt()
        .with_writer(move || buf.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .event_format(naqsha::logging::LineFormat)
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
            naqsha_core::lang::Lang::UR,
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

#[tokio::test]
async fn chat_webhooks_log_no_sender_no_words_and_no_token() {
    use axum::http::Method;
    use naqsha::channels::whatsapp::signature;

    let _one = ONE_AT_A_TIME.lock().await;
    // A platform API that answers nothing: media lookups, getFile and replies all fail.
    let api = crate::support::FakeApi::start().await;
    let verify = naqsha_core::shared_secret::SharedSecret::generate();
    let tg_secret = naqsha_core::shared_secret::SharedSecret::generate();
    let app_secret = "canary-app-secret-0123456789abcdef";
    let access_token = "canary-access-token";
    let bot_token = "123456789:canary_bot_token";
    let env = [
        ("NAQSHA_WHATSAPP_APP_SECRET", app_secret),
        ("NAQSHA_WHATSAPP_VERIFY_TOKEN", verify.expose()),
        ("NAQSHA_WHATSAPP_ACCESS_TOKEN", access_token),
        ("NAQSHA_WHATSAPP_PHONE_NUMBER_ID", "106540352242922"),
        ("NAQSHA_WHATSAPP_API_BASE", api.base.as_str()),
        ("NAQSHA_TELEGRAM_BOT_TOKEN", bot_token),
        ("NAQSHA_TELEGRAM_SECRET_TOKEN", tg_secret.expose()),
        ("NAQSHA_TELEGRAM_API_BASE", api.base.as_str()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let loaded =
        naqsha::config::Config::load_from(&naqsha::config::Overrides::default(), &env).unwrap();
    let app = App::with_config(|c| {
        c.whatsapp = loaded.whatsapp;
        c.telegram = loaded.telegram;
    })
    .await;
    let log = Captured::default();
    let _guard = tracing::subscriber::set_default(subscriber(&log));
    tracing::callsite::rebuild_interest_cache();

    let wa = |message: serde_json::Value| {
        serde_json::json!({ "object": "whatsapp_business_account", "entry": [{ "id": "1",
            "changes": [{ "field": "messages", "value": { "messaging_product": "whatsapp",
                "metadata": { "display_phone_number": "15550783881",
                              "phone_number_id": "106540352242922" },
                "contacts": [{ "profile": { "name": "canary-name" }, "wa_id": "923001234567" }],
                "messages": [message] } }] }] })
        .to_string()
    };
    let post_wa = |body: String, secret: &'static str| {
        let app = &app;
        async move {
            let req = Request::post("/whatsapp/webhook")
                .header("content-type", "application/json")
                .header(
                    "x-hub-signature-256",
                    signature::sign(secret, body.as_bytes()),
                )
                .body(Body::from(body))
                .unwrap();
            app.send(req).await.status
        }
    };
    let text = wa(
        serde_json::json!({ "from": "923001234567", "id": "wamid.L1",
        "timestamp": "1", "type": "text", "text": { "body": "canary-words one" } }),
    );
    assert_eq!(post_wa(text.clone(), "guess").await, StatusCode::FORBIDDEN);
    assert_eq!(post_wa(text, app_secret).await, StatusCode::OK);
    let image = wa(
        serde_json::json!({ "from": "923001234567", "id": "wamid.L2",
        "timestamp": "1", "type": "image",
        "image": { "id": "777", "mime_type": "image/jpeg", "caption": "canary-words two" } }),
    );
    assert_eq!(post_wa(image, app_secret).await, StatusCode::OK);

    let tg = |update_id: i64, content: serde_json::Value| {
        let mut message = serde_json::json!({ "message_id": update_id,
            "from": { "id": 7281934455i64, "is_bot": false, "first_name": "canary-name" },
            "chat": { "id": 7281934455i64, "type": "private" }, "date": 1 });
        for (k, v) in content.as_object().unwrap() {
            message[k] = v.clone();
        }
        serde_json::json!({ "update_id": update_id, "message": message }).to_string()
    };
    for body in [
        tg(1, serde_json::json!({ "text": "canary-words three" })),
        tg(
            2,
            serde_json::json!({ "photo": [{ "file_id": "F", "file_unique_id": "U",
            "width": 10, "height": 10 }], "caption": "canary-words four" }),
        ),
    ] {
        let req = Request::post("/telegram/webhook")
            .header("content-type", "application/json")
            .header("x-telegram-bot-api-secret-token", tg_secret.expose())
            .body(Body::from(body))
            .unwrap();
        assert_eq!(app.send(req).await.status, StatusCode::OK);
    }
    assert_eq!(app.inbox().await.len(), 2);
    // Both receipts were tried (and failed: the fake API answers 404).
    api.wait_for(Method::POST, "/v23.0/106540352242922/messages", 1)
        .await;
    api.wait_for(Method::POST, &format!("/bot{bot_token}/sendMessage"), 1)
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(app.state.whatsapp().outgoing.flush(), 1);
    assert_eq!(app.state.telegram().outgoing.flush(), 1);
    app.state
        .whatsapp()
        .guard
        .flush(std::time::Instant::now() + std::time::Duration::from_secs(60));

    let text = log.text();
    assert!(
        text.contains("replies could not be sent") && text.contains("404"),
        "the failed replies are in the log:\n{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("wrong gateway secrets") && l.contains("WhatsApp")),
        "the wrong signature is counted:\n{text}"
    );
    for canary in [
        "923001234567",
        "3001234567",
        "7281934455",
        "canary-words",
        "canary-name",
        "canary-app-secret",
        "canary-access-token",
        "canary_bot_token",
        tg_secret.expose(),
        verify.expose(),
    ] {
        assert!(
            !text.contains(canary),
            "the log contains {canary:?}:\n{text}"
        );
    }
}
