//! How long the review page takes for a long report: 20,000 characters with 200 suggested
//! redactions, through the whole request — session lookup, reading and opening the sealed
//! report and draft, building and rendering the page, and the audit entry of the view.
//!
//! `cargo bench -p naqsha --bench review_page` (release profile). Prints the distribution of
//! in-process request times; run it on an otherwise idle machine.

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
use naqsha::intake::{self, Incoming};
use naqsha::keyring;
use naqsha_core::lang::Lang;
use naqsha_core::sealing::KdfParams;
use naqsha_core::submission::{Channel, Consent, RawReport, WhoseStory};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::ReportText;
use time::OffsetDateTime;
use tower::ServiceExt;

const ROUNDS: usize = 200;
const TARGET_CHARS: usize = 20_000;
const TARGET_SPANS: usize = 200;

/// An Urdu report of exactly 20,000 characters in which the engine finds 200 phone numbers.
fn long_report() -> String {
    let mut text = String::new();
    for i in 0..TARGET_SPANS {
        text.push_str(&format!(
            "اس نے دوبارہ نمبر 0300-{:07} سے فون کر کے دھمکی دی اور کہا کہ تصاویر سب کو بھیج دے گا۔ ",
            1_000_000 + i * 7919
        ));
    }
    let filler = "میں نے کئی بار اسے بلاک کیا لیکن وہ نئے نمبروں سے پیغامات بھیجتا رہا۔ ";
    while text.chars().count() < TARGET_CHARS {
        text.push_str(filler);
    }
    text.chars().take(TARGET_CHARS).collect()
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(run());
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

    let text = long_report();
    let spans = naqsha_core::redaction::detect(&text).len();
    let report = RawReport {
        danger_now: false,
        approve_first: false,
        self_description: None,
        what_happened: ReportText::parse(&text).expect("report text"),
        when: None,
        place: None,
        place_text: None,
        labels: Labels::new(),
        whose_story: Some(WhoseStory::Own),
        source_url: None,
        consent: Consent::Publish,
        language: Lang::UR,
        received_at: OffsetDateTime::now_utc(),
    };
    let id = intake::accept(
        state.store(),
        &init.public_key,
        state.taxonomy(),
        state.gazetteer(),
        Incoming {
            report,
            contact: None,
            channel: Channel::Web,
            flagged: false,
            receipt_hash: None,
            attachments: Vec::new(),
        },
        naqsha::storage::Arrival::default(),
    )
    .await
    .expect("stored");

    let cookie = support::signed_in_admin(&state, &init).await;

    let router = naqsha::web::router(state.clone());
    let uri = format!("/admin/submissions/{id}");
    let get = || {
        Request::get(uri.as_str())
            .header(header::COOKIE, cookie.as_str())
            .body(Body::empty())
            .expect("request")
    };
    // The first view claims the report and saves the first draft; time the views after it.
    let first = router.clone().oneshot(get()).await.expect("answer");
    assert_eq!(first.status(), StatusCode::OK);
    let page = first.into_body().collect().await.expect("body").to_bytes();
    let marks = String::from_utf8_lossy(&page).matches("<mark").count();

    let mut times = Vec::with_capacity(ROUNDS);
    for _ in 0..ROUNDS {
        let started = Instant::now();
        let res = router.clone().oneshot(get()).await.expect("answer");
        assert_eq!(res.status(), StatusCode::OK);
        let body = res.into_body().collect().await.expect("body").to_bytes();
        times.push(started.elapsed());
        assert!(body.len() > TARGET_CHARS);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "review page: {} chars, {spans} suggested spans, {marks} <mark>s, {} KiB of HTML",
        text.chars().count(),
        page.len() / 1024
    );
    println!(
        "GET /admin/submissions/{{id}} × {ROUNDS}: min {:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        ms(times[0]),
        ms(pct(0.5)),
        ms(pct(0.95)),
        ms(times[times.len() - 1])
    );
    state.store().close().await;
}
