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
//! Run: `cargo test -p naqsha --test crash -- --nocapture` to see the counts.

mod intake_support;

use std::io::{BufRead, BufReader};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use intake_support::{Multipart, texts, urlencode};
use scraper::Html;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpSocket;
use tokio::sync::{Barrier, Mutex};

const CLIENTS: usize = 200;
/// The server is killed as soon as this many receipts have been read.
const KILL_AFTER_RECEIPTS: usize = 50;
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);

/// A server process, killed (SIGKILL) when dropped so a failing test leaves none behind.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(data_dir: &Path) -> Self {
        let mut child = naqsha()
            .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
            .arg(data_dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the naqsha binary starts");
        let stdout = child.stdout.take().expect("stdout piped");
        let mut lines = BufReader::new(stdout).lines();
        let addr = loop {
            let line = lines
                .next()
                .expect("server exited before it was ready")
                .expect("stdout reads");
            if let Some(rest) = line.split("http://").nth(1) {
                let addr = rest.split('/').next().expect("address");
                break addr.parse().expect("a socket address");
            }
        };
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Self { child, addr }
    }

    /// SIGKILL: no shutdown handler runs, nothing is flushed.
    fn kill(&mut self) {
        self.child.kill().expect("SIGKILL sent");
        self.child.wait().expect("reaped");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn naqsha() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_naqsha"));
    cmd.env_remove("NAQSHA_DATABASE_URL")
        .env_remove("NAQSHA_BIND")
        .env_remove("NAQSHA_DATA_DIR")
        .env("NAQSHA_LOG", "warn");
    cmd
}

/// The loopback source address of client `i`: a /24 of its own.
fn source(i: usize) -> IpAddr {
    let octet = u8::try_from(i + 1).expect("at most 255 clients");
    IpAddr::V4(Ipv4Addr::new(127, octet, 0, 1))
}

/// A response read to its end.
struct HttpReply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl HttpReply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn html(&self) -> Html {
        Html::parse_document(&String::from_utf8_lossy(&self.body))
    }
}

/// One HTTP/1.1 request on a fresh connection from `from`; an error unless the whole response
/// (its full declared length, or the last chunk) arrived.
async fn http(
    from: IpAddr,
    to: SocketAddr,
    method: &str,
    path: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<HttpReply, String> {
    let exchange = async {
        let socket = TcpSocket::new_v4().map_err(|e| e.to_string())?;
        socket
            .bind(SocketAddr::new(from, 0))
            .map_err(|e| format!("bind {from}: {e}"))?;
        let mut stream = socket.connect(to).await.map_err(|e| e.to_string())?;
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {to}\r\nConnection: close\r\n\
             Content-Length: {}\r\n",
            body.len()
        );
        if let Some(ct) = content_type {
            head.push_str(&format!("Content-Type: {ct}\r\n"));
        }
        head.push_str("\r\n");
        stream
            .write_all(head.as_bytes())
            .await
            .map_err(|e| e.to_string())?;
        stream.write_all(body).await.map_err(|e| e.to_string())?;
        let mut raw = Vec::new();
        stream
            .read_to_end(&mut raw)
            .await
            .map_err(|e| e.to_string())?;
        parse_response(&raw)
    };
    tokio::time::timeout(REQUEST_TIMEOUT, exchange)
        .await
        .map_err(|_| "timed out".to_owned())?
}

fn parse_response(raw: &[u8]) -> Result<HttpReply, String> {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no complete response head")?;
    let head = std::str::from_utf8(&raw[..split]).map_err(|e| e.to_string())?;
    let rest = &raw[split + 4..];
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or("no status")?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut reply = HttpReply {
        status,
        headers,
        body: Vec::new(),
    };
    if reply
        .header("transfer-encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"))
    {
        reply.body = dechunk(rest)?;
    } else if let Some(len) = reply.header("content-length") {
        let len: usize = len.parse().map_err(|_| "bad content-length")?;
        if rest.len() != len {
            return Err(format!("body cut short: {} of {len} bytes", rest.len()));
        }
        reply.body = rest.to_vec();
    } else {
        reply.body = rest.to_vec();
    }
    Ok(reply)
}

fn dechunk(mut rest: &[u8]) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    loop {
        let line_end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("chunked body cut short")?;
        let size_text = std::str::from_utf8(&rest[..line_end]).map_err(|e| e.to_string())?;
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| "bad chunk size")?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Ok(body);
        }
        if rest.len() < size + 2 {
            return Err("chunked body cut short".into());
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

fn form_token(reply: &HttpReply) -> Result<String, String> {
    let tokens = intake_support::attrs(&reply.html(), "input[name=form_token]", "value");
    tokens
        .into_iter()
        .next()
        .filter(|t| !t.is_empty())
        .ok_or_else(|| "no form token".to_owned())
}

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
        Ok(page) if page.status == 200 => form_token(&page).ok(),
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

/// Looks a receipt up on the follow-up page: its status label, if the report was found.
async fn look_up(i: usize, server: SocketAddr, words: &str) -> Result<String, String> {
    let from = source(i);
    let page = http(from, server, "GET", "/follow-up", None, b"").await?;
    let token = form_token(&page)?;
    let body = urlencode(&[
        ("form_token", token.as_str()),
        ("action", "view"),
        ("receipt", words),
    ]);
    let reply = http(
        from,
        server,
        "POST",
        "/follow-up",
        Some("application/x-www-form-urlencoded"),
        body.as_bytes(),
    )
    .await?;
    if reply.status != 200 {
        return Err(format!("follow-up answered {}", reply.status));
    }
    let label = texts(&reply.html(), ".status__label");
    label.into_iter().next().ok_or_else(|| "no status".into())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_report_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let init = naqsha()
        .args(["init", "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        init.status.success(),
        "init: {}",
        String::from_utf8_lossy(&init.stderr)
    );

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
