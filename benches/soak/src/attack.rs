//! The six attackers. Each runs a fixed number of loops until the run ends, every request
//! from the next /24 of its own /16 of the loopback range (so per-network limits meet the
//! whole /16, as from an attacker holding one), and counts what the server answered.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpSocket;

use crate::files::{self, Rng};
use crate::form::{self, Multipart};
use crate::http::{self, Client};
use crate::stats::{Counts, failure_kind};

/// What every loop needs: where the server is, and whether the run still goes on.
#[derive(Clone)]
pub struct Run {
    pub server: SocketAddr,
    pub end: Instant,
    pub stop: Arc<AtomicBool>,
}

impl Run {
    pub fn going(&self) -> bool {
        Instant::now() < self.end && !self.stop.load(Ordering::Relaxed)
    }
}

/// Addresses from one /16 of the loopback range, the next /24 each time:
/// 127.S.0.1, 127.S.1.1, … 127.S.255.1, 127.S.0.2, …
pub struct Networks {
    second: u8,
    next: AtomicUsize,
}

impl Networks {
    pub fn new(second: u8) -> Self {
        Self {
            second,
            next: AtomicUsize::new(0),
        }
    }

    pub fn next(&self) -> IpAddr {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let third = u8::try_from(n % 256).unwrap_or(0);
        let fourth = u8::try_from(1 + (n / 256) % 254).unwrap_or(1);
        IpAddr::V4(Ipv4Addr::new(127, self.second, third, fourth))
    }
}

/// What one attacker got.
#[derive(Default)]
pub struct Tally {
    /// Answers to its main request, by status (or "closed", "timeout", …).
    pub answers: Counts,
    /// Other things worth telling (a form that could not be loaded, a draft kept).
    pub notes: Counts,
    pub latencies: Vec<Duration>,
}

pub type Shared = Arc<Mutex<Tally>>;

fn note(t: &Shared, f: impl FnOnce(&mut Tally)) {
    let mut t = t.lock().unwrap_or_else(|p| p.into_inner());
    f(&mut t);
}

/// Sends the main request of an attack and counts its answer; `Some(reply)` if answered.
async fn counted(
    tally: &Shared,
    client: &mut Client,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Option<http::Reply> {
    let started = Instant::now();
    let reply = client.send_with(method, path, headers, body).await;
    let took = started.elapsed();
    note(tally, |t| match &reply {
        Ok(r) => {
            t.answers.add(r.status.to_string());
            t.latencies.push(took);
        }
        Err(e) => t.answers.add(failure_kind(e)),
    });
    reply.ok()
}

/// Loads a page with a form and returns the value of its hidden `field`, counting failures.
async fn load_form(
    tally: &Shared,
    client: &mut Client,
    path: &str,
    field: &str,
) -> Option<(String, http::Reply)> {
    match client.send("GET", path, None, b"").await {
        Ok(r) if r.status == 200 => match http::input_value(&r.text(), field) {
            Some(v) => Some((v, r)),
            None => {
                note(tally, |t| t.notes.add(format!("GET {path}: no {field}")));
                None
            }
        },
        Ok(r) => {
            note(tally, |t| t.notes.add(format!("GET {path}: {}", r.status)));
            None
        }
        Err(e) => {
            note(tally, |t| {
                t.notes.add(format!("GET {path}: {}", failure_kind(&e)))
            });
            None
        }
    }
}

/// A pause after a failed attempt, so a loop that meets a closed door does not spin.
async fn breathe() {
    tokio::time::sleep(Duration::from_millis(200)).await;
}

/// (2) Reports with five giant pictures each (12,000 × 3,333 px PNGs of ~116 KB).
pub async fn giant_images(run: Run, nets: Arc<Networks>, png: Arc<Vec<u8>>, tally: Shared) {
    while run.going() {
        let mut client = Client::new(nets.next(), run.server);
        let Some((token, _)) = load_form(&tally, &mut client, "/report", "form_token").await else {
            breathe().await;
            continue;
        };
        let mut form = Multipart::new()
            .text("form_token", &token)
            .text(
                "what_happened",
                "Look at these pictures of what he posted about me.",
            )
            .text("consent", "statistics_only");
        for k in 0..5 {
            form = form.file("evidence", &format!("scan-{k}.png"), "image/png", &png);
        }
        let (ct, body) = form.finish();
        if counted(
            &tally,
            &mut client,
            "POST",
            "/report",
            &[("Content-Type", &ct)],
            &body,
        )
        .await
        .is_none()
        {
            breathe().await;
        }
    }
}

/// (3) Forms sent with two 9.5 MB PDFs and no words: shown again, the files kept as a draft.
pub async fn large_drafts(run: Run, nets: Arc<Networks>, pdfs: Arc<[Vec<u8>; 2]>, tally: Shared) {
    while run.going() {
        let mut client = Client::new(nets.next(), run.server);
        let Some((token, _)) = load_form(&tally, &mut client, "/report", "form_token").await else {
            breathe().await;
            continue;
        };
        let (ct, body) = Multipart::new()
            .text("form_token", &token)
            .text("what_happened", "")
            .text("consent", "statistics_only")
            .file("evidence", "statement-1.pdf", "application/pdf", &pdfs[0])
            .file("evidence", "statement-2.pdf", "application/pdf", &pdfs[1])
            .finish();
        drop(token);
        match counted(
            &tally,
            &mut client,
            "POST",
            "/report",
            &[("Content-Type", &ct)],
            &body,
        )
        .await
        {
            Some(reply) => {
                let kept = http::input_value(&reply.text(), "draft").is_some_and(|d| !d.is_empty());
                note(&tally, |t| {
                    t.notes.add(if kept {
                        "files kept as a draft"
                    } else {
                        "files not kept"
                    });
                });
            }
            None => breathe().await,
        }
    }
}

/// (4) Sign-in attempts with made-up names and passwords.
pub async fn sign_in_flood(run: Run, nets: Arc<Networks>, tally: Shared) {
    let mut rng = Rng::new();
    while run.going() {
        let mut client = Client::new(nets.next(), run.server);
        let Some((csrf, page)) = load_form(&tally, &mut client, "/admin/login", "csrf").await
        else {
            breathe().await;
            continue;
        };
        let cookie = form::cookies(&page.headers);
        let username = format!("staff{}", rng.next() % 1_000_000);
        let password = files::base64url(&rng.next().to_le_bytes());
        let body = form::urlencode(&[
            ("csrf", &csrf),
            ("username", &username),
            ("password", &password),
        ]);
        let headers = [
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Cookie", cookie.as_str()),
        ];
        if counted(
            &tally,
            &mut client,
            "POST",
            "/admin/login",
            &headers,
            body.as_bytes(),
        )
        .await
        .is_none()
        {
            breathe().await;
        }
    }
}

/// (5) SMSSync posts with wrong secrets.
pub async fn wrong_sms_secrets(run: Run, nets: Arc<Networks>, tally: Shared) {
    let mut rng = Rng::new();
    let mut client = Client::new(nets.next(), run.server);
    while run.going() {
        let secret = files::base64url(&files::random_bytes(32));
        let from = format!("+92300{:07}", rng.next() % 10_000_000);
        let body = form::urlencode(&[
            ("from", &from),
            (
                "message",
                "Mujhe madad chahiye, koi meri tasveerein phaila raha hai",
            ),
            ("secret", &secret),
            ("message_id", &format!("{}", rng.next())),
            ("sent_to", "+923001112223"),
        ]);
        if counted(
            &tally,
            &mut client,
            "POST",
            "/sms/smssync",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            body.as_bytes(),
        )
        .await
        .is_none()
        {
            client = Client::new(nets.next(), run.server);
            breathe().await;
        }
    }
}

/// (6) Receipt guessing: seven random words of the receipt word list at `/follow-up`.
pub async fn receipt_guessing(
    run: Run,
    nets: Arc<Networks>,
    words: Arc<Vec<&'static str>>,
    tally: Shared,
) {
    let mut rng = Rng::new();
    while run.going() {
        let mut client = Client::new(nets.next(), run.server);
        let Some((token, _)) = load_form(&tally, &mut client, "/follow-up", "form_token").await
        else {
            breathe().await;
            continue;
        };
        let guess: Vec<&str> = (0..7).map(|_| words[rng.below(words.len())]).collect();
        let body = form::urlencode(&[
            ("form_token", &token),
            ("action", "view"),
            ("receipt", &guess.join("-")),
        ]);
        if counted(
            &tally,
            &mut client,
            "POST",
            "/follow-up",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            body.as_bytes(),
        )
        .await
        .is_none()
        {
            breathe().await;
        }
    }
}

/// What the slow connections met.
#[derive(Default)]
pub struct SlowTally {
    pub opened: usize,
    pub connect_failed: Counts,
    /// How long the server kept each connection open before closing it.
    pub held: Vec<Duration>,
    /// What the server sent before closing, by status line (e.g. "408").
    pub answered: Counts,
    pub open_now: usize,
    pub open_max: usize,
    pub open_at_end: usize,
}

pub type SlowShared = Arc<Mutex<SlowTally>>;

fn slow_note(t: &SlowShared, f: impl FnOnce(&mut SlowTally)) {
    let mut t = t.lock().unwrap_or_else(|p| p.into_inner());
    f(&mut t);
}

/// (1) A slow connection: request headers one byte every `every`, never finished. When the
/// server closes it, wait a second and open another, until the run ends.
pub async fn slow_connection(run: Run, from: IpAddr, every: Duration, tally: SlowShared) {
    const REQUEST: &[u8] =
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: Mozilla/5.0\r\nX-Padding: ";
    while run.going() {
        let connected = async {
            let socket = TcpSocket::new_v4()?;
            socket.bind(SocketAddr::new(from, 0))?;
            socket.connect(run.server).await
        };
        let mut stream = match tokio::time::timeout(Duration::from_secs(10), connected).await {
            Ok(Ok(s)) => s,
            Ok(Err(e)) => {
                slow_note(&tally, |t| {
                    t.connect_failed.add(failure_kind(&e.to_string()))
                });
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            Err(_) => {
                slow_note(&tally, |t| t.connect_failed.add("timeout"));
                continue;
            }
        };
        slow_note(&tally, |t| {
            t.opened += 1;
            t.open_now += 1;
            t.open_max = t.open_max.max(t.open_now);
        });
        let opened = Instant::now();
        let mut sent = 0usize;
        let mut buf = [0u8; 512];
        let closed = loop {
            tokio::select! {
                () = tokio::time::sleep(every) => {
                    if !run.going() {
                        break false;
                    }
                    let byte = REQUEST.get(sent).copied().unwrap_or(b'a');
                    sent += 1;
                    if stream.write_all(&[byte]).await.is_err() {
                        break true;
                    }
                }
                read = stream.read(&mut buf) => {
                    if let Ok(n) = read
                        && n > 0
                    {
                        let head = String::from_utf8_lossy(&buf[..n]).into_owned();
                        let status = head.split(' ').nth(1).unwrap_or("?").to_owned();
                        slow_note(&tally, |t| t.answered.add(status));
                    }
                    break true;
                }
            }
        };
        slow_note(&tally, |t| {
            t.open_now -= 1;
            if closed {
                t.held.push(opened.elapsed());
            } else {
                t.open_at_end += 1;
            }
        });
        if closed {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}
