//! A disk that fills up under a stream of reports, against the built binary on SQLite.
//!
//! The data directory and the server's log live on a small tmpfs this test mounts (so the log
//! cannot be written either while the disk is full). Reports are sent in three waves: before
//! the disk fills, while it is full, and after space is freed. Every answer must be one a
//! survivor can act on: a receipt (and then the report is stored), or the form again with
//! her words and a "could not save, try again" (503 with `Retry-After`). No connection may
//! close without an answer, writes must resume without a restart once space is back, and
//! after a SIGKILL and restart every receipt that was shown still works.
//!
//! Mounting needs root (as in CI); elsewhere the test says so and passes without running.
//! Run: `cargo test -p naqsha --test faults disk_full -- --nocapture` to see the counts.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use tokio::sync::Mutex;

use crate::support::binary::Server;
use crate::support::socket::{form_token_of, http, look_up, source};
use crate::support::{Multipart, texts};

/// Reports per wave, and how many are in flight at once.
const WAVE: usize = 24;
const AT_ONCE: usize = 8;

/// A tmpfs mounted for the test, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Self> {
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Self(dir.to_owned()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// Writes zeros to `path` until the filesystem refuses more.
fn fill(path: &Path) {
    let mut file = std::fs::File::create(path).unwrap();
    let chunk = vec![0u8; 64 * 1024];
    while file.write_all(&chunk).is_ok() {}
    // The last partial chunk: byte by byte, to leave nothing free.
    while file.write_all(&[0]).is_ok() {}
    let _ = file.sync_all();
}

#[derive(Debug, Default)]
struct Wave {
    /// The receipt page was read to its end: the survivor holds a receipt.
    acknowledged: Vec<(usize, String)>,
    /// 503 with Retry-After, and the form with her words and the "not saved" notice.
    refused_clearly: usize,
    /// Anything else: another status, a page without her words, a closed connection.
    failures: Vec<String>,
}

async fn send_report(i: usize, server: std::net::SocketAddr) -> Result<Option<String>, String> {
    let from = source(i);
    let form = http(from, server, "GET", "/report", None, b"").await?;
    if form.status != 200 {
        return Err(format!("GET /report answered {}", form.status));
    }
    let token = form_token_of(&form)?;
    let words = format!("Disk-full report {i}: he shared my photo in the family group.");
    let body = Multipart::new()
        .text("form_token", &token)
        .text("what_happened", &words)
        .text("consent", "statistics_only");
    let reply = http(
        from,
        server,
        "POST",
        "/report",
        Some(&body.content_type()),
        &body.body(),
    )
    .await?;
    match reply.status.as_u16() {
        303 => {
            let location = reply.header("location").ok_or("303 without Location")?;
            let page = http(from, server, "GET", location, None, b"").await?;
            let shown = texts(&page.html(), ".receipt__words code");
            match shown.as_slice() {
                [receipt] if page.status == 200 => Ok(Some(receipt.clone())),
                _ => Err(format!("receipt page answered {}", page.status)),
            }
        }
        503 => {
            let kept = crate::support::textarea(&reply.html(), "what_happened");
            if kept != words {
                return Err("503 without her words".into());
            }
            if reply.header("retry-after").is_none() {
                return Err("503 without Retry-After".into());
            }
            let told = texts(&reply.html(), ".notice, [role=alert]").join(" ");
            if !told.contains(naqsha::i18n::t(
                naqsha_core::lang::Lang::EN,
                "report.error.unavailable",
            )) {
                return Err(format!("503 without the notice: {told}"));
            }
            Ok(None)
        }
        other => Err(format!("POST /report answered {other}")),
    }
}

async fn wave(first: usize, server: std::net::SocketAddr) -> Wave {
    let result = Arc::new(Mutex::new(Wave::default()));
    for batch in (first..first + WAVE).collect::<Vec<_>>().chunks(AT_ONCE) {
        let mut tasks = tokio::task::JoinSet::new();
        for &i in batch {
            let result = result.clone();
            tasks.spawn(async move {
                let outcome = send_report(i, server).await;
                let mut w = result.lock().await;
                match outcome {
                    Ok(Some(receipt)) => w.acknowledged.push((i, receipt)),
                    Ok(None) => w.refused_clearly += 1,
                    Err(e) => w.failures.push(format!("report {i}: {e}")),
                }
            });
        }
        while tasks.join_next().await.is_some() {}
    }
    Arc::try_unwrap(result).unwrap().into_inner()
}

async fn healthz_answers(server: std::net::SocketAddr) -> bool {
    http(source(250), server, "GET", "/healthz", None, b"")
        .await
        .is_ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_full_disk_loses_no_acknowledged_report_and_writes_resume() {
    let _alone = crate::one_at_a_time().await;
    let dir = tempfile::tempdir().unwrap();
    let Some(mount) = Tmpfs::mount(dir.path(), "12m") else {
        eprintln!("disk_full: cannot mount a tmpfs here (needs root); test skipped");
        return;
    };
    let data = dir.path().join("data");
    crate::support::binary::init(&data);
    let log = std::fs::File::create(dir.path().join("naqsha.log")).unwrap();
    let mut server = Server::start_with(&data, log, &[("NAQSHA_LOG", "info")]);
    let addr = server.addr;

    let before = wave(0, addr).await;
    let filler = dir.path().join("filler");
    fill(&filler);
    let full = wave(WAVE, addr).await;
    let health_while_full = healthz_answers(addr).await;
    std::fs::remove_file(&filler).unwrap();
    let after = wave(2 * WAVE, addr).await;

    server.kill();
    let server = Server::start(&data);
    let mut missing = Vec::new();
    let all: Vec<(usize, String)> = [&before, &full, &after]
        .iter()
        .flat_map(|w| w.acknowledged.iter().cloned())
        .collect();
    for (i, receipt) in &all {
        if let Err(e) = look_up(*i, server.addr, receipt).await {
            missing.push(format!("report {i}: {e}"));
        }
    }
    drop(server);
    drop(mount);

    eprintln!(
        "disk full: before {} acknowledged / {} refused; while full {} acknowledged / {} \
         refused clearly; after freeing {} acknowledged / {} refused; {} of {} receipts found \
         after restart",
        before.acknowledged.len(),
        before.refused_clearly,
        full.acknowledged.len(),
        full.refused_clearly,
        after.acknowledged.len(),
        after.refused_clearly,
        all.len() - missing.len(),
        all.len()
    );
    let failures: Vec<&String> = [&before, &full, &after]
        .iter()
        .flat_map(|w| w.failures.iter())
        .collect();
    assert!(
        failures.is_empty(),
        "answers a survivor cannot act on: {failures:?}"
    );
    assert!(missing.is_empty(), "acknowledged but lost: {missing:?}");
    assert_eq!(
        before.acknowledged.len(),
        WAVE,
        "all stored before the disk filled"
    );
    assert!(
        full.refused_clearly > 0,
        "the disk must actually be full for this test to mean anything"
    );
    assert!(health_while_full, "/healthz answers while the disk is full");
    assert_eq!(
        after.acknowledged.len(),
        WAVE,
        "writes resume without a restart once space is back"
    );
}
