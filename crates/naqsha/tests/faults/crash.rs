//! Durability of intake against the built binary: 200 reports are sent at once, the server
//! is killed with SIGKILL while most are in flight, and after a restart on the same data
//! directory every report whose receipt was shown must be there, its receipt working.
//!
//! A receipt counts as acknowledged when the 303 arrived and the receipt page was read to its
//! end: that is the moment a survivor holds it. A report stored but never acknowledged is
//! fine (the survivor will send it again); an acknowledged one missing is the failure.
//!
//! Each client sends from its own loopback address in its own /24 (127.1.0.1, 127.2.0.1, …;
//! Linux routes all of 127/8 to `lo`), because the per-network limit rightly allows only five
//! reports in a burst from one network.
//!
//! Run: `cargo test -p naqsha --test faults crash -- --nocapture` to see the counts.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::{Barrier, Mutex};

use crate::support::binary::Server;
use crate::support::socket::{form_token_of, http, look_up, source};
use crate::support::{Multipart, texts};

const CLIENTS: usize = 200;
/// The server is killed as soon as this many receipts have been read.
const KILL_AFTER_RECEIPTS: usize = 50;

#[derive(Default)]
struct Counts {
    /// POSTs started.
    posted: AtomicUsize,
    /// POSTs that got a complete answer.
    answered: AtomicUsize,
    /// Receipt pages read to their end.
    acknowledged: AtomicUsize,
}

/// One survivor: load the form, wait for everyone, send, read the receipt.
async fn survivor(
    i: usize,
    server: SocketAddr,
    ready: Arc<Barrier>,
    counts: Arc<Counts>,
    receipts: Arc<Mutex<Vec<(usize, String)>>>,
) {
    let from = source(i);
    let token = match http(from, server, "GET", "/report", None, b"").await {
        Ok(page) if page.status == 200 => form_token_of(&page).ok(),
        _ => None,
    };
    // Every client reaches the barrier, even one that failed, so none waits forever.
    ready.wait().await;
    let Some(token) = token else {
        eprintln!("client {i}: could not load the form before the crash");
        return;
    };
    let form = Multipart::new()
        .text("form_token", &token)
        .text(
            "what_happened",
            &format!("Crash-test report {i}: threats on WhatsApp after I blocked him."),
        )
        .text("platform", "whatsapp")
        .text("consent", "statistics_only");
    let body = form.body();
    let content_type = form.content_type();
    let posted = http(from, server, "POST", "/report", Some(&content_type), &body);
    counts.posted.fetch_add(1, Ordering::SeqCst);
    let Ok(reply) = posted.await else {
        return;
    };
    counts.answered.fetch_add(1, Ordering::SeqCst);
    let Some(location) = reply.header("location").filter(|_| reply.status == 303) else {
        eprintln!("client {i}: POST answered {}", reply.status);
        return;
    };
    let Ok(page) = http(from, server, "GET", location, None, b"").await else {
        return;
    };
    if page.status != 200 {
        return;
    }
    let words = texts(&page.html(), ".receipt__words code");
    if let [words] = words.as_slice() {
        receipts.lock().await.push((i, words.clone()));
        counts.acknowledged.fetch_add(1, Ordering::SeqCst);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_report_survives_sigkill() {
    let _alone = crate::one_at_a_time().await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    crate::support::binary::init(&data);

    let mut server = Server::start(&data);
    let addr = server.addr;
    let counts = Arc::new(Counts::default());
    let receipts = Arc::new(Mutex::new(Vec::new()));
    let ready = Arc::new(Barrier::new(CLIENTS));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|i| {
            tokio::spawn(survivor(
                i,
                addr,
                ready.clone(),
                counts.clone(),
                receipts.clone(),
            ))
        })
        .collect();

    // Kill the server the moment enough receipts have been read, with the rest in flight.
    let started = Instant::now();
    while counts.acknowledged.load(Ordering::SeqCst) < KILL_AFTER_RECEIPTS {
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "only {} receipts in 5 minutes",
            counts.acknowledged.load(Ordering::SeqCst)
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    server.kill();
    let in_flight = counts.posted.load(Ordering::SeqCst) - counts.answered.load(Ordering::SeqCst);
    let unanswered_at_kill = CLIENTS - counts.answered.load(Ordering::SeqCst);
    for client in clients {
        client.await.expect("client task");
    }
    let receipts = Arc::try_unwrap(receipts).unwrap().into_inner();
    let sent = counts.posted.load(Ordering::SeqCst);
    let acknowledged = receipts.len();

    // Restart on the same data directory and use every receipt.
    let server = Server::start(&data);
    let mut lookups = tokio::task::JoinSet::new();
    for (i, words) in receipts.iter().cloned() {
        lookups.spawn(async move { (i, look_up(i, server.addr, &words).await) });
    }
    let mut found = 0;
    let mut missing = Vec::new();
    while let Some(result) = lookups.join_next().await {
        match result.expect("lookup task") {
            (_, Ok(_label)) => found += 1,
            (i, Err(e)) => missing.push(format!("client {i}: {e}")),
        }
    }
    drop(server);

    // How many reports reached the disk at all (acknowledged or not).
    let db = sqlx::SqlitePool::connect_with(
        sqlx::sqlite::SqliteConnectOptions::new().filename(data.join("naqsha.db")),
    )
    .await
    .unwrap();
    let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM submissions")
        .fetch_one(&db)
        .await
        .unwrap();
    db.close().await;

    eprintln!(
        "crash test: {CLIENTS} clients, {sent} reports sent, {in_flight} in flight and \
         {unanswered_at_kill} unanswered when SIGKILL hit, {acknowledged} acknowledged \
         (receipt read), {found} found after restart, {stored} stored in all"
    );
    assert!(missing.is_empty(), "acknowledged but lost: {missing:?}");
    assert_eq!(found, acknowledged);
    assert!(acknowledged >= KILL_AFTER_RECEIPTS);
    assert!(
        in_flight > 0,
        "the kill must interrupt reports in flight for this test to mean anything"
    );
    assert!(
        usize::try_from(stored).unwrap() >= acknowledged,
        "{stored} stored < {acknowledged} acknowledged"
    );
}
