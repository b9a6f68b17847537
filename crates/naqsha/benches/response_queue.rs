//! The responses queue with a flood of 1,000 waiting responses (issue 20): server time of
//! `GET /admin/responses` (every waiting response of the filter opened with the key and
//! grouped by near-duplicates, the shown ones scanned by the redaction engine, rendered),
//! then clearing the flood: "reject every flagged" and approving a page of 100.
//!
//! `cargo bench -p naqsha --bench response_queue` (release profile, SQLite, in-process
//! requests through the whole router). Figures in `benches/README.md`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a measuring tool run by hand: a failed step should stop it loudly"
)]

mod support;

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use naqsha::config::Config;
use naqsha::intake::response::{IncomingResponse, accept_response};
use naqsha::keyring;
use naqsha::storage::{ResponseStore, WaitingFilter};
use naqsha_core::ids::CaseId;
use naqsha_core::lang::Lang;
use naqsha_core::response::{ResponseBody, ResponseKind, ResponseTarget};
use naqsha_core::sealing::KdfParams;
use naqsha_core::text::ResponseText;
use tower::ServiceExt;

const ROUNDS: usize = 20;
const TROLL: &str = "this story is a lie made up to shame our brothers and everyone who shares \
     it will answer for spreading these lies about decent families";
const WORDS: &[&str] = &[
    "courage", "family", "phone", "report", "blocked", "sister", "helpline", "friends", "school",
    "village", "evening", "letter", "garden", "river", "market", "teacher", "doctor", "lawyer",
    "office", "window", "morning", "quiet", "strong", "patient", "listen", "believe", "support",
    "change", "password", "account", "privacy", "screen",
];

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(run());
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn body(kind: ResponseKind, text: &str) -> ResponseBody {
    ResponseBody {
        kind,
        lang: Lang::EN,
        text: Some(ResponseText::parse(text).expect("text")),
        pseudonym: None,
        title: None,
        link: None,
        licence: None,
    }
}

async fn run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config::for_data_dir(dir.path().join("data"));
    let state = naqsha::startup::build_state(config)
        .await
        .expect("state")
        .with_test_kdf();
    let init = keyring::initialise(state.store(), "admin", KdfParams::INSECURE_FAST_FOR_TESTS)
        .await
        .expect("init");

    // 600 copies of a troll template and 100 other messages sent in a flood (flagged), and
    // 300 genuine ones, through the intake as the public form stores them.
    let target = ResponseTarget::Story(CaseId::random());
    let made = Instant::now();
    let mut sent = Vec::new();
    for i in 0..600 {
        sent.push((body(ResponseKind::Support, &format!("{TROLL} {i}")), true));
    }
    for i in 0..100 {
        let t = format!("{} {} spam {i}", WORDS[i % 32], WORDS[(i * 7) % 32]);
        sent.push((body(ResponseKind::Support, &t), true));
    }
    for i in 0..300 {
        let words: Vec<&str> = (0..9)
            .map(|k| WORDS[(i * 5 + k * k * 3 + i / 7) % 32])
            .collect();
        sent.push((
            body(ResponseKind::Helped, &format!("{} {i}", words.join(" "))),
            false,
        ));
    }
    for (body, flagged) in sent {
        accept_response(
            &state,
            IncomingResponse {
                target: target.clone(),
                body,
                image: None,
                flagged,
            },
            None,
            false,
            Instant::now(),
        )
        .await
        .expect("stored");
    }
    println!(
        "1,000 responses sealed and stored in {:.1} s",
        made.elapsed().as_secs_f64()
    );

    let cookie = support::signed_in_admin(&state, &init).await;
    let router = naqsha::web::router(state.clone());
    let get = |uri: &str| {
        Request::get(uri)
            .header(header::COOKIE, cookie.as_str())
            .body(Body::empty())
            .expect("request")
    };
    let mut csrf = String::new();
    for (what, uri) in [
        ("every waiting response (1,000)", "/admin/responses"),
        ("not flagged (300)", "/admin/responses?flagged=0"),
    ] {
        let mut times = Vec::with_capacity(ROUNDS);
        let mut entries = 0;
        for _ in 0..ROUNDS {
            let started = Instant::now();
            let res = router.clone().oneshot(get(uri)).await.expect("answer");
            assert_eq!(res.status(), StatusCode::OK, "{uri}");
            let body = res.into_body().collect().await.expect("body").to_bytes();
            times.push(started.elapsed());
            let page = String::from_utf8_lossy(&body).into_owned();
            entries = page.matches("<li class=\"response-entry").count();
            csrf = page
                .split("name=\"csrf\" value=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .expect("a csrf field")
                .to_owned();
        }
        times.sort();
        let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
        println!(
            "GET {uri}, {what}: {entries} entries; × {ROUNDS}: median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            ms(pct(0.5)),
            ms(pct(0.95)),
            ms(times[times.len() - 1])
        );
    }

    let post = |uri: &str, body: String| {
        Request::post(uri)
            .header(header::COOKIE, cookie.as_str())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .expect("request")
    };
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.append_pair("csrf", &csrf);
    let started = Instant::now();
    let res = router
        .clone()
        .oneshot(post("/admin/responses/reject-flagged", form.finish()))
        .await
        .expect("answer");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()[header::LOCATION].to_str().expect("location");
    assert!(location.contains("rejected=700"), "{location}");
    println!(
        "POST /admin/responses/reject-flagged (700): {:.0} ms",
        ms(started.elapsed())
    );

    let ids = state
        .store()
        .waiting_response_ids(WaitingFilter::default(), 100)
        .await
        .expect("ids");
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.append_pair("csrf", &csrf)
        .append_pair("action", "approve");
    for id in &ids {
        form.append_pair("id", &id.to_string());
    }
    let started = Instant::now();
    let res = router
        .clone()
        .oneshot(post("/admin/responses/bulk", form.finish()))
        .await
        .expect("answer");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()[header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned();
    println!(
        "POST /admin/responses/bulk, approve {} (opened, scanned, published): {:.0} ms ({location})",
        ids.len(),
        ms(started.elapsed())
    );
    state.store().close().await;
}
