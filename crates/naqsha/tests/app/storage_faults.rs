//! What a visitor sees when the database fails under them, in-process on SQLite:
//!
//! - **Locked** (another process holds the write lock, as a stuck writer or a backup tool
//!   might): writes wait for SQLite's busy timeout and fail with "database is locked". The
//!   report form, the API and the follow-up page answer 503 with `Retry-After`, keep every
//!   word and file, and use nothing up: once the lock is gone the same page can be sent
//!   again and is stored, and a page that was stored cannot be stored twice.
//! - **Gone** (the connection pool closed): the public side keeps being served from the
//!   published snapshot in memory, `/healthz` says `degraded`, and pages that must read the
//!   database answer 503 with `Retry-After` in the page's language.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use naqsha::i18n::t;
use naqsha::storage::ModerationStore;
use naqsha_core::lang::Lang;

use crate::support::builders;
use crate::support::write_lock::WriteLock;
use crate::support::{App, Multipart, PEER, Reply, attrs, form_token, textarea, texts};

const WORDS: &str = "He threatens to post my pictures unless I pay. نمبر بلاک کر دیا۔";

fn assert_retry_later(reply: &Reply) {
    assert_eq!(
        reply.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        reply.text()
    );
    let wait: u64 = reply
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=120).contains(&wait), "Retry-After {wait}");
}

fn notices(reply: &Reply) -> String {
    texts(&reply.html(), ".error-summary, .notice, [role=alert]").join(" ")
}

fn report(token: &str) -> Multipart {
    Multipart::new()
        .text("form_token", token)
        .text("what_happened", WORDS)
        .text("platform", "whatsapp")
        .text("consent", "statistics_only")
}

#[tokio::test]
async fn a_locked_database_loses_nothing_and_claims_nothing() {
    let app = App::new().await;
    // Stored before the fault: a report whose follow-up page is used below.
    let earlier = app
        .report_with_receipt("/report", report(&app.form_token("/report", PEER).await))
        .await;
    let picture = builders::png(&builders::two_colour_picture(24, 16));

    let lock = WriteLock::take(&app).await;

    // The form: 503, the words and the file kept, in the page's language.
    let first_token = app.form_token("/ur/report", PEER).await;
    let with_file = report(&first_token).file("evidence", "screen.png", "image/png", &picture);
    let refused = app.post_multipart("/ur/report", &with_file, PEER).await;
    assert_retry_later(&refused);
    let page = refused.html();
    assert_eq!(textarea(&page, "what_happened"), WORDS);
    assert!(
        notices(&refused).contains(t(Lang::UR, "report.error.unavailable")),
        "{}",
        notices(&refused)
    );
    assert!(
        !notices(&refused).contains(t(Lang::UR, "report.error.already_sent")),
        "nothing may be called received"
    );
    let draft = attrs(&page, "input[name=draft]", "value");
    assert_eq!(draft.len(), 1, "the file is kept for the next try");
    let second_token = form_token(&page);

    // The API: 503 JSON with Retry-After, in the request's language.
    let body = serde_json::json!({ "what_happened": WORDS, "language": "ur" });
    let api = app
        .send_from(
            Request::post("/api/v1/submissions")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
            "198.51.100.20:4000",
        )
        .await;
    assert_retry_later(&api);
    let json: serde_json::Value = serde_json::from_slice(&api.body).unwrap();
    assert_eq!(json["error"]["code"], "unavailable");
    assert_eq!(
        json["error"]["message"],
        t(Lang::UR, "error.unavailable.report_api")
    );
    assert!(json.get("receipt").is_none());

    // The follow-up page: adding information waits, and the words are offered again.
    let follow_token = app.form_token("/follow-up", PEER).await;
    let addition = "He wrote again from a new number.";
    let fields = [
        ("form_token", follow_token.as_str()),
        ("receipt", earlier.words.as_str()),
        ("action", "add"),
        ("text", addition),
    ];
    let refused_add = app.post_form("/follow-up", &fields, PEER).await;
    assert_retry_later(&refused_add);
    assert_eq!(textarea(&refused_add.html(), "text"), addition);
    assert!(notices(&refused_add).contains(t(Lang::EN, "followup.error.unavailable")));

    let before: Vec<_> = app.inbox().await.into_iter().map(|e| e.id).collect();
    assert_eq!(before.len(), 1, "nothing new was stored");
    lock.release().await;

    // The page shown with the 503, sent again: stored, with its kept file.
    let again = Multipart::new()
        .text("form_token", &second_token)
        .text("draft", &draft[0])
        .text("what_happened", &textarea(&page, "what_happened"))
        .text("consent", "statistics_only");
    let stored = app.post_multipart("/ur/report", &again, PEER).await;
    assert_eq!(stored.status, StatusCode::SEE_OTHER, "{}", stored.text());
    // Arrival times are kept to the hour, so the new report is told apart by its id.
    let newest = app
        .inbox()
        .await
        .into_iter()
        .map(|e| e.id)
        .find(|id| !before.contains(id))
        .expect("a new report");
    assert_eq!(app.attachments(newest).await.len(), 1);
    assert_eq!(
        app.open_report(newest).await.report.what_happened.as_str(),
        WORDS
    );

    // That page sent once more: it really was received this time, and is not stored twice.
    let twice = app.post_multipart("/ur/report", &again, PEER).await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(notices(&twice).contains(t(Lang::UR, "report.error.already_sent")));
    assert_eq!(app.inbox().await.len(), 2);

    // The very first page, sent again after recovery (the browser's "resend"): its token was
    // never spent, so it is stored now rather than called "already received".
    let resent = app
        .post_multipart("/ur/report", &report(&first_token), "198.51.100.30:4000")
        .await;
    assert_eq!(resent.status, StatusCode::SEE_OTHER, "{}", resent.text());
    assert_eq!(app.inbox().await.len(), 3);

    // The follow-up's retry form, sent: the addition is stored.
    let retry = refused_add.html();
    let retry_token = form_token(&retry);
    let receipt = attrs(&retry, "input[name=receipt]", "value");
    let action = attrs(&retry, "input[name=action]", "value");
    let fields = [
        ("form_token", retry_token.as_str()),
        ("receipt", receipt[0].as_str()),
        ("action", action[0].as_str()),
        ("text", addition),
    ];
    let added = app.post_form("/follow-up", &fields, PEER).await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.text());
    assert!(notices(&added).contains(t(Lang::EN, "followup.added")));
}

#[tokio::test]
async fn with_the_database_gone_the_public_side_is_served_from_memory() {
    let app = App::new().await;
    let case = crate::support::case("Fake profile used to threaten a teacher");
    app.state.store().save_case(&case).await.unwrap();
    // A visit before the outage loads the snapshot.
    assert_eq!(app.get("/").await.status, StatusCode::OK);
    let healthy: serde_json::Value =
        serde_json::from_slice(&app.get("/healthz").await.body).unwrap();
    assert_eq!(healthy["status"], "ok");

    app.state.store().close().await;

    for uri in [
        "/",
        "/ur/",
        "/stats",
        "/ur/stats",
        "/strategies",
        "/ur/strategies",
    ] {
        let page = app.get(uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.text());
    }
    let api = app.get("/api/v1/cases").await;
    assert_eq!(api.status, StatusCode::OK);
    assert!(
        api.text()
            .contains("Fake profile used to threaten a teacher")
    );

    let health = app.get("/healthz").await;
    assert_eq!(health.status, StatusCode::OK);
    let body: serde_json::Value = serde_json::from_slice(&health.body).unwrap();
    assert_eq!(body["status"], "degraded");
    assert_eq!(body["public"], "from_memory");

    // A story is read from the store (so a withdrawn one is gone at once): 503 for now.
    for (prefix, lang) in [("", Lang::EN), ("/ur", Lang::UR)] {
        let story = app.get(&format!("{prefix}/stories/{}", case.id)).await;
        assert_retry_later(&story);
        assert!(
            story.text().contains(t(lang, "error.unavailable.body")),
            "{}",
            story.text()
        );
    }

    // A report cannot be stored: the form says so and keeps the words.
    let token = app.form_token("/report", PEER).await;
    let refused = app.post_multipart("/report", &report(&token), PEER).await;
    assert_retry_later(&refused);
    assert_eq!(textarea(&refused.html(), "what_happened"), WORDS);
}

#[tokio::test]
async fn an_import_the_database_stops_says_how_far_it_got_and_resumes() {
    let app = App::new().await;
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let data_dir = app.state.config().data_dir.clone();
    let import = move || {
        crate::support::binary::naqsha()
            .arg("--data-dir")
            .arg(&data_dir)
            .args(["import", "ushahidi"])
            .arg(fixtures.join("ushahidi-v3-hxl.csv"))
            .arg("--mapping")
            .arg(fixtures.join("ushahidi-v3.toml"))
            .output()
            .unwrap()
    };

    let lock = WriteLock::take(&app).await;
    let stopped = tokio::task::spawn_blocking(import.clone()).await.unwrap();
    assert_eq!(
        stopped.status.code(),
        Some(75),
        "a temporary failure, so a script can retry: {}",
        String::from_utf8_lossy(&stopped.stderr)
    );
    let said = String::from_utf8_lossy(&stopped.stderr);
    assert!(said.contains("run the same command again"), "{said}");
    lock.release().await;
    assert!(app.inbox().await.is_empty());

    let done = tokio::task::spawn_blocking(import).await.unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(String::from_utf8_lossy(&done.stdout).contains("imported 5"));
    assert_eq!(app.inbox().await.len(), 5);
}
