//! Intake under flood: one network sends thousands of reports through the web form as fast as
//! it can, while a second network sends a few, spaced out, as people would. Prints what the
//! server answered each, the latencies, and what the store holds afterwards (which reports
//! were flagged for the moderators).
//!
//! Loopback only; every loop is bounded; the server and its data directory are removed at the
//! end. See `## Intake under flood` in `benches/README.md` for the command and figures.

mod http;
mod server;

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use tokio::sync::Mutex;

use http::{Client, input_value, multipart};
use server::Server;

/// The flooding network.
const FLOOD_SOURCE: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 1));
/// The second network: another /24 of the loopback range.
const TRICKLE_SOURCE: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 1, 1));
/// How long the trickle's "person" takes to fill in the form: past the server's 2 s
/// too-fast threshold, so only flood mode can flag these reports.
const FILL_TIME: Duration = Duration::from_millis(2_200);

struct Options {
    bin: PathBuf,
    reports: usize,
    concurrency: usize,
    trickle: usize,
    trickle_every: Duration,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        bin: PathBuf::from("target/release/naqsha"),
        reports: 10_000,
        concurrency: 32,
        trickle: 20,
        trickle_every: Duration::from_millis(1_000),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| v.parse::<usize>().map_err(|_| format!("{flag}: {v}?"));
        match flag.as_str() {
            "--bin" => o.bin = PathBuf::from(value()?),
            "--reports" => o.reports = number(value()?)?.clamp(1, 1_000_000),
            "--concurrency" => o.concurrency = number(value()?)?.clamp(1, 1_000),
            "--trickle" => o.trickle = number(value()?)?.clamp(1, 1_000),
            "--trickle-every-ms" => {
                o.trickle_every = Duration::from_millis(number(value()?)?.clamp(1, 60_000) as u64);
            }
            other => {
                return Err(format!(
                    "unknown argument {other}\nusage: naqsha-flood [--bin PATH] [--reports N] \
                     [--concurrency N] [--trickle N] [--trickle-every-ms MS]"
                ));
            }
        }
    }
    Ok(o)
}

/// What the server answered one report.
#[derive(Clone, Copy)]
struct Outcome {
    /// The POST's status; `None` if the exchange failed.
    status: Option<u16>,
    /// Time from sending the POST to reading its whole answer.
    latency: Duration,
    /// The form carried a proof-of-work challenge (flood mode was on).
    pow_asked: bool,
    /// The client solved it (a JavaScript client).
    pow_sent: bool,
}

/// The report form's token and proof-of-work challenge, if it asks for one.
async fn load_form(client: &mut Client) -> Result<(String, Option<String>), String> {
    let page = client.send("GET", "/report", None, b"").await?;
    if page.status != 200 {
        return Err(format!("GET /report answered {}", page.status));
    }
    let html = page.text();
    let token = input_value(&html, "form_token").ok_or("no form token")?;
    Ok((token, input_value(&html, "pow_challenge")))
}

async fn post(client: &mut Client, fields: &[(&str, &str)]) -> (Option<u16>, Duration) {
    let (content_type, body) = multipart(fields);
    let started = Instant::now();
    let status = client
        .send("POST", "/report", Some(&content_type), &body)
        .await
        .ok()
        .map(|r| r.status);
    (status, started.elapsed())
}

/// The search `assets/js/pow.js` performs: SHA-256(challenge ":" n) with `bits` leading zero
/// bits, `bits` being the third field of the challenge.
fn solve(challenge: &str) -> Option<String> {
    let bits: u32 = challenge.split('.').nth(2)?.parse().ok()?;
    (0u64..1 << 40).map(|n| n.to_string()).find(|n| {
        let hash = Sha256::new()
            .chain_update(challenge.as_bytes())
            .chain_update(b":")
            .chain_update(n.as_bytes())
            .finalize();
        let mut zeros = 0;
        for byte in hash {
            zeros += byte.leading_zeros();
            if byte != 0 {
                break;
            }
        }
        zeros >= bits
    })
}

/// The flooding network: `reports` submissions, `concurrency` at a time, each loading the
/// form and posting it straight back.
async fn flood(server: std::net::SocketAddr, o: &Options) -> Vec<Outcome> {
    let next = Arc::new(AtomicUsize::new(0));
    let results = Arc::new(Mutex::new(Vec::with_capacity(o.reports)));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..o.concurrency {
        let (next, results, total) = (next.clone(), results.clone(), o.reports);
        workers.spawn(async move {
            let mut client = Client::new(FLOOD_SOURCE, server);
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= total {
                    break;
                }
                let outcome = match load_form(&mut client).await {
                    Ok((token, challenge)) => {
                        let text = format!("Flood report {n}: the same words again and again.");
                        let (status, latency) = post(
                            &mut client,
                            &[
                                ("form_token", &token),
                                ("what_happened", &text),
                                ("consent", "statistics_only"),
                            ],
                        )
                        .await;
                        Outcome {
                            status,
                            latency,
                            pow_asked: challenge.is_some(),
                            pow_sent: false,
                        }
                    }
                    Err(_) => Outcome {
                        status: None,
                        latency: Duration::ZERO,
                        pow_asked: false,
                        pow_sent: false,
                    },
                };
                results.lock().await.push(outcome);
            }
        });
    }
    while workers.join_next().await.is_some() {}
    Arc::try_unwrap(results)
        .map(Mutex::into_inner)
        .unwrap_or_default()
}

/// The second network: `trickle` reports, one started every `trickle_every`, each filled in
/// for [`FILL_TIME`]. Odd-numbered ones behave as a JavaScript client (solving the proof of
/// work when the form asks), even ones as a browser with JavaScript off. They are told apart
/// in the store by the clear envelope: province Sindh, consent `publish` (JS) or `private`.
async fn trickle(server: std::net::SocketAddr, o: &Options) -> Vec<Outcome> {
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..o.trickle {
        let delay = o.trickle_every * u32::try_from(i).unwrap_or(u32::MAX);
        tasks.spawn(async move {
            tokio::time::sleep(delay).await;
            let js = i % 2 == 1;
            let mut client = Client::new(TRICKLE_SOURCE, server);
            let Ok((token, challenge)) = load_form(&mut client).await else {
                return (
                    i,
                    Outcome {
                        status: None,
                        latency: Duration::ZERO,
                        pow_asked: false,
                        pow_sent: false,
                    },
                );
            };
            let solution = match (&challenge, js) {
                (Some(c), true) => solve(c),
                _ => None,
            };
            tokio::time::sleep(FILL_TIME).await;
            let text = format!("Trickle report {i}: a fake profile with my photos.");
            let mut fields = vec![
                ("form_token", token.as_str()),
                ("what_happened", text.as_str()),
                ("place", "pk-sd"),
                ("consent", if js { "publish" } else { "private" }),
            ];
            if let (Some(c), Some(s)) = (&challenge, &solution) {
                fields.push(("pow_challenge", c));
                fields.push(("pow_solution", s));
            }
            let (status, latency) = post(&mut client, &fields).await;
            (
                i,
                Outcome {
                    status,
                    latency,
                    pow_asked: challenge.is_some(),
                    pow_sent: solution.is_some(),
                },
            )
        });
    }
    let mut results = Vec::new();
    while let Some(Ok(r)) = tasks.join_next().await {
        results.push(r);
    }
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, o)| o).collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// One table row: sent, accepted, throttled, other, latencies.
fn row(name: &str, outcomes: &[Outcome]) -> String {
    let mut by_status: BTreeMap<String, usize> = BTreeMap::new();
    for o in outcomes {
        let key = o.status.map_or("error".to_owned(), |s| s.to_string());
        *by_status.entry(key).or_default() += 1;
    }
    let get = |k: &str| by_status.get(k).copied().unwrap_or(0);
    let other: usize = by_status
        .iter()
        .filter(|(k, _)| k.as_str() != "303" && k.as_str() != "429")
        .map(|(_, v)| v)
        .sum();
    let other_detail = by_status
        .iter()
        .filter(|(k, _)| k.as_str() != "303" && k.as_str() != "429")
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut latencies: Vec<Duration> = outcomes
        .iter()
        .filter(|o| o.status.is_some())
        .map(|o| o.latency)
        .collect();
    latencies.sort();
    format!(
        "| {name} | {} | {} | {} | {other}{} | {} / {} / {} / {} |",
        outcomes.len(),
        get("303"),
        get("429"),
        if other_detail.is_empty() {
            String::new()
        } else {
            format!(" ({other_detail})")
        },
        ms(percentile(&latencies, 50.0)),
        ms(percentile(&latencies, 90.0)),
        ms(percentile(&latencies, 99.0)),
        ms(latencies.last().copied().unwrap_or_default()),
    )
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let data_dir = std::env::temp_dir().join(format!("naqsha-flood-{}", std::process::id()));
    let mut server = match Server::start(&o.bin, &data_dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}\n(build it first: cargo build --release -p naqsha)");
            let _ = std::fs::remove_dir_all(&data_dir);
            return std::process::ExitCode::FAILURE;
        }
    };
    eprintln!(
        "serving at http://{}/; flooding with {} reports from {FLOOD_SOURCE} ({} at a time), \
         {} from {TRICKLE_SOURCE} one every {} ms",
        server.addr,
        o.reports,
        o.concurrency,
        o.trickle,
        o.trickle_every.as_millis()
    );
    let started = Instant::now();
    let addr = server.addr;
    let (flooded, trickled) = tokio::join!(
        async {
            let r = flood(addr, &o).await;
            (r, started.elapsed())
        },
        trickle(addr, &o)
    );
    let (flooded, flood_time) = flooded;
    let total = started.elapsed();
    server.stop();

    println!("| source | sent | 303 accepted | 429 throttled | other | POST latency ms p50 / p90 / p99 / max |");
    println!("| --- | --- | --- | --- | --- | --- |");
    println!("{}", row(&format!("{FLOOD_SOURCE} (flood)"), &flooded));
    println!(
        "{}",
        row(&format!("{TRICKLE_SOURCE} (trickle, all)"), &trickled)
    );
    let js: Vec<Outcome> = trickled.iter().skip(1).step_by(2).copied().collect();
    let no_js: Vec<Outcome> = trickled.iter().step_by(2).copied().collect();
    println!("{}", row("  of which JavaScript on", &js));
    println!("{}", row("  of which JavaScript off", &no_js));
    println!();
    println!(
        "flood: {} reports in {:.1} s ({:.0} a second); whole run {:.1} s",
        flooded.len(),
        flood_time.as_secs_f64(),
        flooded.len() as f64 / flood_time.as_secs_f64(),
        total.as_secs_f64()
    );
    let first_throttled = flooded.iter().position(|o| o.status == Some(429));
    println!(
        "flood: first 429 at report {} (in completion order); forms with a proof-of-work \
         challenge: {} of {}",
        first_throttled.map_or("-".to_owned(), |n| (n + 1).to_string()),
        flooded.iter().filter(|o| o.pow_asked).count(),
        flooded.len()
    );
    println!(
        "trickle: forms with a proof-of-work challenge (flood mode on): {} of {}; solved and \
         sent by the JavaScript clients: {}",
        trickled.iter().filter(|o| o.pow_asked).count(),
        trickled.len(),
        trickled.iter().filter(|o| o.pow_sent).count()
    );
    match server::stored_by_envelope(&server.data_dir) {
        Some(rows) => {
            println!();
            println!("stored (read from the database after the server stopped):");
            println!("| source | consent | province | flagged | count |");
            println!("| --- | --- | --- | --- | --- |");
            for (consent, province, flagged, count) in rows {
                let source = match (province.as_str(), consent.as_str()) {
                    ("pk-sd", "publish") => "trickle, JavaScript on",
                    ("pk-sd", "private") => "trickle, JavaScript off",
                    ("-", _) => "flood",
                    _ => "?",
                };
                println!("| {source} | {consent} | {province} | {flagged} | {count} |");
            }
        }
        None => println!("(sqlite3 not found: stored reports not counted)"),
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&data_dir);
    std::process::ExitCode::SUCCESS
}
