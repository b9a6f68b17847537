//! The people the site is for, during the attack: a visitor who every few seconds reads the
//! map and statistics, opens the report form and sends a text-only report; and a monitor
//! probing `/healthz`. Each visit and each probe comes from its own /24 (127.200.0.1, …;
//! 127.201.0.1, …), far from the attackers' networks, on a fresh connection.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::form::{self, Multipart};
use crate::http::{self, Client};
use crate::stats::{Counts, failure_kind};

/// How long a person takes to fill in the form: past the server's 2 s too-fast threshold.
const FILL_TIME: Duration = Duration::from_millis(2_200);

/// What the honest visitor met.
#[derive(Default)]
pub struct Visits {
    pub visits: usize,
    /// POST → 303 → receipt page read to its end with seven words.
    pub reports: Vec<Duration>,
    /// Each of /, /stats, /report.
    pub pages: Vec<(&'static str, Duration)>,
    /// What went wrong, by step and kind; an honest failure is any entry here.
    pub failures: Counts,
    /// Seconds into the run of each failure.
    pub failed_at: Vec<f64>,
}

pub type SharedVisits = Arc<Mutex<Visits>>;

fn record(v: &SharedVisits, f: impl FnOnce(&mut Visits)) {
    let mut v = v.lock().unwrap_or_else(|p| p.into_inner());
    f(&mut v);
}

/// Visit `n`'s network.
fn visitor(n: usize) -> IpAddr {
    let second = u8::try_from(200 + (n / 256) % 50).unwrap_or(200);
    IpAddr::V4(Ipv4Addr::new(
        127,
        second,
        u8::try_from(n % 256).unwrap_or(0),
        1,
    ))
}

/// One visit: /, /stats and /report, then a text-only report. A failure is counted by its
/// step and kind, with the second of the run when it happened.
pub async fn visit(server: SocketAddr, n: usize, t0: Instant, out: SharedVisits) {
    record(&out, |v| v.visits += 1);
    if let Err(failure) = visit_steps(server, n, &out).await {
        let at = t0.elapsed().as_secs_f64();
        record(&out, |v| {
            v.failures.add(failure);
            v.failed_at.push(at);
        });
    }
}

async fn visit_steps(server: SocketAddr, n: usize, out: &SharedVisits) -> Result<(), String> {
    let mut client = Client::new(visitor(n), server);
    let mut form_page = None;
    for path in ["/", "/stats", "/report"] {
        let started = Instant::now();
        match client.send("GET", path, None, b"").await {
            Ok(r) if r.status == 200 => {
                let took = started.elapsed();
                record(out, |v| v.pages.push((path, took)));
                if path == "/report" {
                    form_page = Some(r.text());
                }
            }
            Ok(r) => return Err(format!("GET {path}: {}", r.status)),
            Err(e) => return Err(format!("GET {path}: {}", failure_kind(&e))),
        }
    }
    let token = form_page
        .and_then(|p| http::input_value(&p, "form_token"))
        .ok_or("GET /report: no form token")?;
    tokio::time::sleep(FILL_TIME).await;
    let words = format!(
        "Visit {n}: someone made a fake account with my name and photos and messages my family."
    );
    let (ct, body) = Multipart::new()
        .text("form_token", &token)
        .text("what_happened", &words)
        .text("consent", "statistics_only")
        .finish();
    let started = Instant::now();
    let reply = client
        .send("POST", "/report", Some(&ct), &body)
        .await
        .map_err(|e| format!("POST /report: {}", failure_kind(&e)))?;
    if reply.status != 303 {
        return Err(format!("POST /report: {}", reply.status));
    }
    let location = reply
        .header("location")
        .ok_or("POST /report: 303 without Location")?
        .to_owned();
    let page = client
        .send("GET", &location, None, b"")
        .await
        .map_err(|e| format!("receipt page: {}", failure_kind(&e)))?;
    if page.status != 200 {
        return Err(format!("receipt page: {}", page.status));
    }
    form::receipt(&page.text()).ok_or("receipt page without a receipt")?;
    let took = started.elapsed();
    record(out, |v| v.reports.push(took));
    Ok(())
}

/// What the `/healthz` prober met: (seconds into the run, latency) of each answer.
#[derive(Default)]
pub struct Probes {
    pub answered: Vec<(f64, Duration)>,
    pub failures: Counts,
    /// Seconds into the run of each probe that failed (when it was sent).
    pub failed_at: Vec<f64>,
}

pub type SharedProbes = Arc<Mutex<Probes>>;

/// One probe on a fresh connection.
pub async fn probe(server: SocketAddr, n: usize, t0: Instant, out: SharedProbes) {
    let from = IpAddr::V4(Ipv4Addr::new(
        127,
        201,
        u8::try_from(n % 256).unwrap_or(0),
        1,
    ));
    let mut client = Client::new(from, server);
    let at = t0.elapsed().as_secs_f64();
    let started = Instant::now();
    let result = client.send("GET", "/healthz", None, b"").await;
    let took = started.elapsed();
    let mut p = out.lock().unwrap_or_else(|p| p.into_inner());
    match result {
        Ok(r) if r.status == 200 => p.answered.push((at, took)),
        Ok(r) => {
            p.failures.add(r.status.to_string());
            p.failed_at.push(at);
        }
        Err(e) => {
            p.failures.add(failure_kind(&e));
            p.failed_at.push(at);
        }
    }
}
