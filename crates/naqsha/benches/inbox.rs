//! The inbox with 10,000 reports in the store (issue 15's targets): server time of the inbox
//! page, 100 rows, in its default view (new and in review, hers and nobody's, urgent first)
//! and filtered and sorted other ways; then a bulk action archiving 1,000 reports as spam
//! through `POST /admin/inbox/bulk`, one transaction with 1,000 audit entries.
//!
//! `cargo bench -p naqsha --bench inbox` (release profile, SQLite, in-process requests:
//! session lookup, the near-duplicate hints, the queries, rendering and the audit entry of
//! the view). Run it on an otherwise idle machine; figures in `benches/README.md`.

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
use naqsha::intake::{Incoming, seal_submission};
use naqsha::keyring;
use naqsha::storage::{AuditFilter, AuditStore, ImportStore, ImportedSubmission, ModerationStore};
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::lang::Lang;
use naqsha_core::sealing::KdfParams;
use naqsha_core::submission::{Channel, Consent, RawReport, SubmissionStatus};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::ReportText;
use time::OffsetDateTime;
use tower::ServiceExt;

const REPORTS: usize = 10_000;
const ROUNDS: usize = 100;
const BULK: usize = 1_000;

/// Words of a report, some carrying threats (urgent), most not; each a little different.
fn text(n: usize) -> String {
    match n % 10 {
        0 => format!("He says he will post the video tonight ({n})."),
        1 => format!("Usne kaha jaan se maar dunga, number {n} se call karta hai."),
        2 => format!("اس نے جعلی اکاؤنٹ بنایا اور میری تصویریں لگائیں {n}"),
        _ => format!(
            "Report {n}: a fake profile with my photos messages my colleagues and family, \
             asking them for money in my name."
        ),
    }
}

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

    // 10,000 reports over the last 60 days: a third decided, the rest new or in review.
    let made = Instant::now();
    let now = OffsetDateTime::now_utc();
    let mut batch = Vec::with_capacity(REPORTS);
    for n in 0..REPORTS {
        let report = RawReport {
            danger_now: n % 97 == 0,
            approve_first: false,
            self_description: None,
            what_happened: ReportText::parse(&text(n)).expect("text"),
            when: None,
            place: None,
            place_text: None,
            labels: Labels::new(),
            whose_story: None,
            source_url: None,
            consent: Consent::StatisticsOnly,
            language: Lang::EN,
            received_at: now - time::Duration::minutes((n * 9) as i64),
        };
        let mut submission = seal_submission(
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
        )
        .expect("sealed");
        submission.envelope.status = match n % 6 {
            0 => SubmissionStatus::Archived,
            1 => SubmissionStatus::Published,
            2 => SubmissionStatus::InReview,
            _ => SubmissionStatus::New,
        };
        batch.push(ImportedSubmission {
            ledger_key: format!("bench-{n}"),
            submission,
        });
    }
    for chunk in batch.chunks(500) {
        state
            .store()
            .insert_imported(chunk, |_| AuditEvent::now(None, AuditAction::Import))
            .await
            .expect("stored");
    }
    println!(
        "{REPORTS} reports sealed and stored in {:.1} s",
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

    // The first view signs every report for the near-duplicate hints (once a process).
    let started = Instant::now();
    let first = router
        .clone()
        .oneshot(get("/admin/inbox"))
        .await
        .expect("answer");
    assert_eq!(first.status(), StatusCode::OK);
    let page = first.into_body().collect().await.expect("body").to_bytes();
    let page = String::from_utf8_lossy(&page).into_owned();
    println!(
        "first view (opens and signs {REPORTS} reports for the hints): {:.0} ms",
        ms(started.elapsed())
    );
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a csrf field")
        .to_owned();

    for (what, uri) in [
        (
            "default view (new and in review, urgent first)",
            "/admin/inbox",
        ),
        (
            "every status, oldest first, page 50",
            "/admin/inbox?status=any&assigned=anyone&sort=oldest&page=50",
        ),
        (
            "urgent only, web, newest first",
            "/admin/inbox?status=any&channel=web&urgent=1&sort=newest",
        ),
    ] {
        let mut times = Vec::with_capacity(ROUNDS);
        let mut rows = 0;
        for _ in 0..ROUNDS {
            let started = Instant::now();
            let res = router.clone().oneshot(get(uri)).await.expect("answer");
            assert_eq!(res.status(), StatusCode::OK, "{uri}");
            let body = res.into_body().collect().await.expect("body").to_bytes();
            times.push(started.elapsed());
            rows = String::from_utf8_lossy(&body)
                .matches("<tr class=\"inbox-row")
                .count();
        }
        times.sort();
        let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
        println!(
            "GET inbox, {what}: {rows} rows; × {ROUNDS}: median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            ms(pct(0.5)),
            ms(pct(0.95)),
            ms(times[times.len() - 1])
        );
    }

    // Bulk archive of 1,000 new reports as spam, as the form sends it.
    let page = router
        .clone()
        .oneshot(get("/admin/inbox?status=new&assigned=anyone&sort=oldest"))
        .await
        .expect("answer");
    assert_eq!(page.status(), StatusCode::OK);
    let ids: Vec<String> = {
        let rows = state
            .store()
            .inbox_rows(
                &naqsha::storage::InboxFilter {
                    statuses: vec![SubmissionStatus::New],
                    ..Default::default()
                },
                BULK as u32,
                0,
            )
            .await
            .expect("rows");
        rows.iter().map(|r| r.envelope.id.to_string()).collect()
    };
    assert_eq!(ids.len(), BULK);
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.append_pair("csrf", &csrf)
        .append_pair("back", "/admin/inbox")
        .append_pair("action", "archive")
        .append_pair("reason", "spam");
    for id in &ids {
        form.append_pair("id", id);
    }
    let body = form.finish();
    let before = state
        .store()
        .count_audit_events(&AuditFilter::default())
        .await
        .expect("count");
    let started = Instant::now();
    let res = router
        .clone()
        .oneshot(
            Request::post("/admin/inbox/bulk")
                .header(header::COOKIE, cookie.as_str())
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .expect("request"),
        )
        .await
        .expect("answer");
    let took = started.elapsed();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()[header::LOCATION].to_str().expect("location");
    assert!(location.contains("done_n=1000"), "{location}");
    let after = state
        .store()
        .count_audit_events(&AuditFilter::default())
        .await
        .expect("count");
    println!(
        "POST /admin/inbox/bulk, archive {BULK} as spam: {:.0} ms, {} audit entries written",
        ms(took),
        after - before
    );
    state.store().close().await;
}
