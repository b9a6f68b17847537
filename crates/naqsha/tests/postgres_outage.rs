//! PostgreSQL going away under a running application, and coming back.
//!
//! The application reaches its own fresh database through a TCP proxy in this test; cutting
//! the proxy (every open connection closed, new ones closed at once) is the database server
//! stopping, as far as Naqsha can tell, without stopping the shared server other tests use.
//! During the outage the public side is served from memory, `/healthz` says `degraded`,
//! reports are refused with 503 and kept on the page; afterwards the same page is stored.
//!
//! Runs when `NAQSHA_TEST_POSTGRES_URL` names a server whose user may create databases (as
//! in CI); otherwise it says so and passes without running. A test binary of its own, which CI
//! runs by name: `cargo test -p naqsha --test postgres_outage`.

// Tests may unwrap, expect and panic (clippy.toml allows it in #[test] functions; this
// extends it to the helpers of the harness): a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use naqsha::storage::ModerationStore;
use sqlx::Connection;
use tokio::net::{TcpListener, TcpStream};

use crate::support::{App, Multipart, PEER, attrs, form_token, textarea};

/// A TCP proxy to the database server that can be cut and restored.
struct Proxy {
    addr: SocketAddr,
    down: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<tokio::task::AbortHandle>>>,
}

impl Proxy {
    async fn start(target: String) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let down = Arc::new(AtomicBool::new(false));
        let open = Arc::new(Mutex::new(Vec::new()));
        let (d, o) = (down.clone(), open.clone());
        tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                if d.load(Ordering::SeqCst) {
                    continue; // dropped: closed at once, like a server that is not there
                }
                let target = target.clone();
                let task = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(&target).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                o.lock().unwrap().push(task.abort_handle());
            }
        });
        Self { addr, down, open }
    }

    fn cut(&self) {
        self.down.store(true, Ordering::SeqCst);
        for task in self.open.lock().unwrap().drain(..) {
            task.abort();
        }
    }

    fn restore(&self) {
        self.down.store(false, Ordering::SeqCst);
    }
}

/// A fresh database on the test server; dropped with `WITH (FORCE)` by [`drop_database`].
async fn create_database(admin_url: &str) -> (String, String) {
    let name = format!("naqsha_outage_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(admin_url).await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .unwrap();
    admin.close().await.unwrap();
    let rest = admin_url.split_once("://").unwrap().1;
    let host = rest
        .split('@')
        .next_back()
        .unwrap()
        .split('/')
        .next()
        .unwrap();
    (name, host.to_owned())
}

async fn drop_database(admin_url: &str, name: &str) {
    let mut admin = sqlx::PgConnection::connect(admin_url).await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&mut admin)
    .await
    .unwrap();
}

const WORDS: &str = "My ex made a fake profile with my photos. میری تصویریں۔";

fn report(token: &str) -> Multipart {
    Multipart::new()
        .text("form_token", token)
        .text("what_happened", WORDS)
        .text("consent", "statistics_only")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgres_outage_keeps_the_public_side_and_loses_no_report() {
    let Ok(admin_url) = std::env::var("NAQSHA_TEST_POSTGRES_URL") else {
        eprintln!("NAQSHA_TEST_POSTGRES_URL not set: PostgreSQL outage test skipped");
        return;
    };
    let (name, server) = create_database(&admin_url).await;
    let proxy = Proxy::start(server).await;
    let user = admin_url
        .split_once("://")
        .and_then(|(_, rest)| rest.split_once('@'))
        .map_or("postgres", |(user, _)| user)
        .to_owned();
    let url = format!("postgres://{user}@{}/{name}", proxy.addr);
    let app = App::with_config(|c| c.database_url = url).await;

    let case = crate::support::case("Hacked account used for blackmail");
    app.state.store().save_case(&case).await.unwrap();
    assert_eq!(app.get("/").await.status, StatusCode::OK);
    let token = app.form_token("/report", PEER).await;
    let first = app.post_multipart("/report", &report(&token), PEER).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.text());

    proxy.cut();

    for uri in ["/", "/ur/", "/stats", "/api/v1/cases"] {
        let page = app.get(uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri} during the outage");
    }
    let health: serde_json::Value =
        serde_json::from_slice(&app.get("/healthz").await.body).unwrap();
    assert_eq!(health["status"], "degraded");
    let story = app.get(&format!("/stories/{}", case.id)).await;
    assert_eq!(story.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(story.header("retry-after").is_some());

    let token = app.form_token("/report", PEER).await;
    let refused = app.post_multipart("/report", &report(&token), PEER).await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(refused.header("retry-after").is_some());
    let page = refused.html();
    assert_eq!(textarea(&page, "what_happened"), WORDS);
    let api = app
        .send_from(
            Request::post("/api/v1/submissions")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(
                    serde_json::json!({ "what_happened": WORDS }).to_string(),
                ))
                .unwrap(),
            "198.51.100.20:4000",
        )
        .await;
    assert_eq!(api.status, StatusCode::SERVICE_UNAVAILABLE);

    proxy.restore();

    // The page shown during the outage, sent again: stored once, and only once.
    let again = Multipart::new()
        .text("form_token", &form_token(&page))
        .text("what_happened", &textarea(&page, "what_happened"))
        .text("consent", "statistics_only");
    assert!(attrs(&page, "input[name=draft]", "value").is_empty());
    let stored = app.post_multipart("/report", &again, PEER).await;
    assert_eq!(stored.status, StatusCode::SEE_OTHER, "{}", stored.text());
    let twice = app.post_multipart("/report", &again, PEER).await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The original page of the refused report, resent: its token was never spent.
    let resent = app
        .post_multipart("/report", &report(&token), "198.51.100.30:4000")
        .await;
    assert_eq!(resent.status, StatusCode::SEE_OTHER, "{}", resent.text());
    assert_eq!(app.inbox().await.len(), 3);
    let health: serde_json::Value =
        serde_json::from_slice(&app.get("/healthz").await.body).unwrap();
    assert_eq!(health["status"], "ok");
    assert_eq!(
        app.get(&format!("/stories/{}", case.id)).await.status,
        StatusCode::OK
    );

    app.state.store().close().await;
    drop_database(&admin_url, &name).await;
}
