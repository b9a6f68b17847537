//! Two nodes over one database: what one node publishes, edits, withdraws or counts, the
//! other node's public API shows within a second, carried by the change announcement alone
//! (both nodes check the publication counter only once an hour here).
//!
//! "Two nodes" are two application states with their own routers and snapshots over one
//! store: on SQLite one store shared in process (its announcements are in-process), on
//! PostgreSQL (when `NAQSHA_TEST_POSTGRES_URL` names a server) two stores, each with its own
//! pool, on one fresh database (announcements by NOTIFY). A test binary of its own: its nodes
//! start background tasks that no other test should share a runtime with.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use naqsha::config::Config;
use naqsha::state::AppState;
use naqsha::storage::{ModerationStore, Store};
use naqsha_core::case::CaseStatus;
use naqsha_core::submission::Consent;
use naqsha_core::taxonomy::Taxonomy;
use serde_json::Value;
use sqlx::Connection;
use tower::ServiceExt;

use crate::support::cases::{case, place};
use crate::support::{App, Multipart, PEER};

/// Far longer than any test: only an announcement can bring a change.
const NO_POLL: Duration = Duration::from_secs(3600);

/// What "visible on every node" must take at most.
const VISIBLE_WITHIN: Duration = Duration::from_secs(1);

/// The second node: its own state, snapshot and router.
struct Node {
    router: Router,
    _dir: tempfile::TempDir,
}

impl Node {
    async fn over(store: Store, database_url: String) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::for_data_dir(dir.path().join("data"));
        config.database_url = database_url;
        let taxonomy = Arc::new(Taxonomy::pakistan_default().clone());
        let state = AppState::new(store, config, taxonomy).with_public_poll(NO_POLL);
        Self {
            router: naqsha::web::router(state),
            _dir: dir,
        }
    }
}

async fn get(router: &Router, uri: &str) -> (StatusCode, Value) {
    let mut req = Request::get(uri).body(Body::empty()).unwrap();
    let addr: SocketAddr = PEER.parse().unwrap();
    req.extensions_mut().insert(ConnectInfo(addr));
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

/// Asks `uri` of `router` until `seen` holds, and says how long that took; fails after
/// [`VISIBLE_WITHIN`].
async fn visible(
    router: &Router,
    uri: &str,
    seen: impl Fn(StatusCode, &Value) -> bool,
) -> Duration {
    let start = Instant::now();
    loop {
        let (status, body) = get(router, uri).await;
        if seen(status, &body) {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < VISIBLE_WITHIN,
            "{uri} still shows {status} {body} after {:?}",
            start.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

fn title(body: &Value) -> Option<&str> {
    body["properties"]["title_en"].as_str()
}

/// Node A publishes, edits, takes back to statistics only, and withdraws; node B's API shows
/// each within a second, as does node A's own.
async fn publications_reach_the_other_node(a: &App, b: &Node) {
    let nodes = [&a.router, &b.router];
    // Both have their first snapshot (built at start-up by `serve`).
    for n in nodes {
        assert_eq!(get(n, "/api/v1/cases").await.1["total"], 0);
    }
    let mut published = case("Fake profile made with her photos");
    published.place = place("pk-pb-lahore");
    published.province = place("pk-pb");
    a.state.store().save_case(&published).await.unwrap();
    let one = format!("/api/v1/cases/{}", published.id);
    for n in nodes {
        let took = visible(n, &one, |s, body| {
            s == StatusCode::OK && title(body) == Some("Fake profile made with her photos")
        })
        .await;
        eprintln!("publication visible after {took:?}");
        let (_, list) = get(n, "/api/v1/cases").await;
        assert_eq!(list["total"], 1);
        assert_eq!(list["features"][0]["id"], published.id.to_string());
    }

    // An edit: a new title and a category.
    let mut edited = published.clone();
    edited.story_en = Some(support::cases::story(
        "Fake profile, reported to the platform",
        "What happened, anonymised.",
    ));
    edited.labels.insert_str("act", "impersonation").unwrap();
    a.state.store().save_case(&edited).await.unwrap();
    for n in nodes {
        visible(n, &one, |_, body| {
            title(body) == Some("Fake profile, reported to the platform")
        })
        .await;
        let (_, filtered) = get(n, "/api/v1/cases?act=impersonation").await;
        assert_eq!(filtered["total"], 1, "the new category filters it in");
    }

    // Taken back to "statistics only", with two more cases coded so: no longer listed or
    // readable, but counted. One counted case is withheld from the statistics (fewer than
    // 3); three are shown (rounded to 5).
    let stats = "/api/v1/stats?group_by=province";
    for n in nodes {
        let (_, body) = get(n, stats).await;
        assert_eq!(body["total_suppressed"], true, "{body}");
    }
    let mut counted = edited.clone();
    counted.status = CaseStatus::StatisticsOnly;
    counted.consent = Consent::StatisticsOnly;
    let also_counted = |title| {
        let mut c = case(title);
        c.status = CaseStatus::StatisticsOnly;
        c.consent = Consent::StatisticsOnly;
        c.story_en = None;
        c
    };
    a.state
        .store()
        .save_cases(&[counted, also_counted("One"), also_counted("Two")])
        .await
        .unwrap();
    for n in nodes {
        visible(n, &one, |s, _| s == StatusCode::NOT_FOUND).await;
        let (_, list) = get(n, "/api/v1/cases").await;
        assert_eq!(list["total"], 0);
        visible(n, stats, |_, body| body["total"] == 5).await;
    }

    // Withdrawn by the survivor with the receipt, on node A's follow-up page: gone from
    // node B too.
    let token = a.form_token("/report", PEER).await;
    let receipt = a
        .report_with_receipt(
            "/report",
            Multipart::new()
                .text("form_token", &token)
                .text(
                    "what_happened",
                    "Someone made a fake profile with my photos.",
                )
                .text("consent", "publish"),
        )
        .await;
    let mut from_report = case("Blackmail with edited photos");
    from_report.submission = Some(a.only_submission().await.id);
    a.state.store().save_case(&from_report).await.unwrap();
    let two = format!("/api/v1/cases/{}", from_report.id);
    for n in nodes {
        visible(n, &two, |s, _| s == StatusCode::OK).await;
    }
    let token = a.form_token("/follow-up", PEER).await;
    let reply = a
        .post_form(
            "/follow-up",
            &[
                ("form_token", &token),
                ("receipt", &receipt.words),
                ("action", "withdraw"),
                ("confirm", "1"),
            ],
            PEER,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    for n in nodes {
        visible(n, &two, |s, _| s == StatusCode::NOT_FOUND).await;
        let (_, list) = get(n, "/api/v1/cases").await;
        assert_eq!(list["total"], 0);
    }
}

async fn app_with(database_url: Option<String>) -> App {
    App::with_state(
        |c| {
            if let Some(url) = database_url {
                c.database_url = url;
            }
        },
        |s| s.with_public_poll(NO_POLL),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_nodes_see_each_others_publications() {
    let a = app_with(None).await;
    let b = Node::over(
        a.state.store().clone(),
        a.state.config().database_url.clone(),
    )
    .await;
    publications_reach_the_other_node(&a, &b).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_nodes_see_each_others_publications() {
    let Ok(admin_url) = std::env::var("NAQSHA_TEST_POSTGRES_URL") else {
        eprintln!("NAQSHA_TEST_POSTGRES_URL not set: PostgreSQL run skipped");
        return;
    };
    let name = format!("naqsha_nodes_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(&admin_url).await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .unwrap();
    let base = admin_url
        .rsplit_once('/')
        .map_or(admin_url.as_str(), |(b, _)| b);
    let url = format!("{base}/{name}");
    {
        let a = app_with(Some(url.clone())).await;
        // Node B has a pool of its own: nothing in process carries A's changes to it.
        let b = Node::over(Store::open(&url).await.unwrap(), url.clone()).await;
        publications_reach_the_other_node(&a, &b).await;
    }
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&mut admin)
    .await
    .unwrap();
}

/// Another program writing to the same SQLite file (an `import` beside the server) announces
/// nothing to the server's process: the counter check finds the change, and the snapshot is
/// read again in the background.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_nobody_announced_is_found_by_the_counter_check() {
    let a = App::with_state(|_| {}, |s| s.with_public_poll(Duration::from_millis(100))).await;
    assert_eq!(get(&a.router, "/api/v1/cases").await.1["total"], 0);
    let other_program = Store::open(&a.state.config().database_url).await.unwrap();
    let imported = case("Imported from the old spreadsheet");
    other_program.save_case(&imported).await.unwrap();
    let uri = format!("/api/v1/cases/{}", imported.id);
    let took = visible(&a.router, &uri, |s, _| s == StatusCode::OK).await;
    eprintln!("found by the counter check after {took:?}");
    other_program.close().await;
}
