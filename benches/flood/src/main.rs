//! Intake under flood: one network (127.0.0.1) sends thousands of reports through the web form
//! as fast as it can; meanwhile people on other networks (127.0.1.1, 127.0.2.1, …: other /24s
//! of the loopback range) send theirs, spaced out; afterwards, while flood mode lasts, a few
//! more people send reports with JavaScript on (solving the proof of work) and off. Prints
//! what the server answered each, the latencies, and what the store holds afterwards (which
//! reports were flagged for the moderators).
//!
//! Loopback only; every loop is bounded; the server and its data directory are removed at the
//! end. See `## Intake under flood` in `benches/README.md` for the command and figures.

mod http;
mod server;

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use tokio::sync::Mutex;

use http::{Client, input_value, multipart};
use server::Server;

/// The flooding network.
const FLOOD_SOURCE: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 1));
/// How long a person takes to fill in the form: past the server's 2 s
/// too-fast threshold, so only flood mode can flag these reports.
const FILL_TIME: Duration = Duration::from_millis(2_200);

struct Options {
    bin: PathBuf,
    reports: usize,
    concurrency: usize,
    trickle: usize,
    trickle_networks: usize,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        bin: PathBuf::from("target/release/naqsha"),
        reports: 10_000,
        concurrency: 32,
        trickle: 20,
        trickle_networks: 20,
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
            "--trickle-networks" => o.trickle_networks = number(value()?)?.clamp(1, 99),
            other => {
                return Err(format!(
                    "unknown argument {other}\nusage: naqsha-flood [--bin PATH] [--reports N] \
                     [--concurrency N] [--trickle N] [--trickle-networks N]"
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
async fn flood(server: std::net::SocketAddr, o: &Options, done: Arc<AtomicUsize>) -> Vec<Outcome> {
    let next = Arc::new(AtomicUsize::new(0));
    let results = Arc::new(Mutex::new(Vec::with_capacity(o.reports)));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..o.concurrency {
        let (next, results, done, total) = (next.clone(), results.clone(), done.clone(), o.reports);
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
                done.fetch_add(1, Ordering::SeqCst);
            }
        });
    }
    while workers.join_next().await.is_some() {}
    Arc::try_unwrap(results)
        .map(Mutex::into_inner)
        .unwrap_or_default()
}

/// What one person of the trickle does.
#[derive(Clone, Copy)]
struct Person {
    /// Their network.
    source: IpAddr,
    /// With JavaScript on, they solve the proof of work when the form asks for one.
    js: bool,
    /// Told apart in the store by the clear envelope: the province they choose.
    province: &'static str,
}

/// Loads the form, takes [`FILL_TIME`] to fill it in (and waits for its `turn`), solves
/// the proof of work if the form asks and JavaScript is on, and sends it.
async fn person(
    server: std::net::SocketAddr,
    p: Person,
    n: usize,
    turn: impl Future<Output = ()>,
) -> Outcome {
    let mut client = Client::new(p.source, server);
    let Ok((token, challenge)) = load_form(&mut client).await else {
        return Outcome {
            status: None,
            latency: Duration::ZERO,
            pow_asked: false,
            pow_sent: false,
        };
    };
    let solution = match (&challenge, p.js) {
        (Some(c), true) => solve(c),
        _ => None,
    };
    tokio::join!(tokio::time::sleep(FILL_TIME), turn);
    let text = format!("Report {n} from another network: a fake profile with my photos.");
    let mut fields = vec![
        ("form_token", token.as_str()),
        ("what_happened", text.as_str()),
        ("place", p.province),
        // Consent tells JavaScript on and off apart in the store.
        ("consent", if p.js { "publish" } else { "private" }),
    ];
    if let (Some(c), Some(s)) = (&challenge, &solution) {
        fields.push(("pow_challenge", c));
        fields.push(("pow_solution", s));
    }
    let (status, latency) = post(&mut client, &fields).await;
    Outcome {
        status,
        latency,
        pow_asked: challenge.is_some(),
        pow_sent: solution.is_some(),
    }
}

/// Waits until the flood has answered `at` of its requests (or has ended).
async fn flood_progress(answered: Arc<AtomicUsize>, at: usize, ended: Arc<AtomicBool>) {
    // Bounded: the flood's own loop is bounded and sets `ended` when it stops.
    while answered.load(Ordering::SeqCst) < at && !ended.load(Ordering::SeqCst) {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

/// The trickle during the flood: `trickle` people on `trickle_networks` other /24s
/// (127.0.1.1, 127.0.2.1, …) who opened the form while the site was calm and send it at
/// evenly spaced points of the flood (whatever its speed on this machine). Odd-numbered ones
/// have JavaScript on. Returns each outcome and whether the flood was still running when it
/// was answered.
async fn trickle(
    server: std::net::SocketAddr,
    o: &Options,
    answered: Arc<AtomicUsize>,
    ended: Arc<AtomicBool>,
) -> Vec<(Outcome, bool)> {
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..o.trickle {
        let network = u8::try_from(1 + i % o.trickle_networks).unwrap_or(1);
        let p = Person {
            source: IpAddr::V4(Ipv4Addr::new(127, 0, network, 1)),
            js: i % 2 == 1,
            province: "pk-sd",
        };
        let at = (i + 1) * o.reports / (o.trickle + 1);
        let turn = flood_progress(answered.clone(), at, ended.clone());
        let ended = ended.clone();
        tasks.spawn(async move {
            let outcome = person(server, p, i, turn).await;
            (i, outcome, !ended.load(Ordering::SeqCst))
        });
    }
    let mut results = Vec::new();
    while let Some(Ok(r)) = tasks.join_next().await {
        results.push(r);
    }
    results.sort_by_key(|(i, _, _)| *i);
    results
        .into_iter()
        .map(|(_, o, during)| (o, during))
        .collect()
}

/// After the flood, while flood mode lasts: `AFTER` people on yet other networks open the
/// form (which now asks for a proof of work) and send it, half with JavaScript on.
async fn after_the_flood(server: std::net::SocketAddr) -> Vec<Outcome> {
    const AFTER: u8 = 4;
    let mut tasks = tokio::task::JoinSet::new();
    for j in 0..AFTER {
        let p = Person {
            source: IpAddr::V4(Ipv4Addr::new(127, 0, 101 + j, 1)),
            js: j % 2 == 1,
            province: "pk-pb",
        };
        tasks.spawn(async move {
            (
                j,
                person(server, p, 1000 + usize::from(j), std::future::ready(())).await,
            )
        });
    }
    let mut results = Vec::new();
    while let Some(Ok(r)) = tasks.join_next().await {
        results.push(r);
    }
    results.sort_by_key(|(j, _)| *j);
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
        "serving at http://{}/; {} reports from {FLOOD_SOURCE} ({} at a time); {} from {} other \
         network(s) at evenly spaced points of the flood",
        server.addr, o.reports, o.concurrency, o.trickle, o.trickle_networks,
    );
    let addr = server.addr;
    // The trickle opens its forms FILL_TIME before the flood begins.
    let flood_starts = Instant::now() + FILL_TIME;
    let answered = Arc::new(AtomicUsize::new(0));
    let ended = Arc::new(AtomicBool::new(false));
    let (flooded, trickled) = tokio::join!(
        async {
            tokio::time::sleep_until(flood_starts.into()).await;
            let r = flood(addr, &o, answered.clone()).await;
            ended.store(true, Ordering::SeqCst);
            (r, flood_starts.elapsed())
        },
        trickle(addr, &o, answered.clone(), ended.clone())
    );
    let (flooded, flood_time) = flooded;
    let after = after_the_flood(addr).await;
    server.stop();

    let during: Vec<Outcome> = trickled.iter().map(|(o, _)| *o).collect();
    println!(
        "| source | sent | 303 accepted | 429 throttled | other | POST latency ms p50 / p90 / p99 / max |"
    );
    println!("| --- | --- | --- | --- | --- | --- |");
    println!("{}", row(&format!("flood: {FLOOD_SOURCE}"), &flooded));
    println!(
        "{}",
        row(
            &format!(
                "during the flood: {} other network{}",
                o.trickle_networks,
                if o.trickle_networks == 1 { "" } else { "s" }
            ),
            &during
        )
    );
    println!("{}", row("after the flood: 4 other networks", &after));
    println!();
    let accepted_at: Vec<String> = flooded
        .iter()
        .enumerate()
        .filter(|(_, o)| o.status == Some(303))
        .map(|(n, _)| (n + 1).to_string())
        .take(10)
        .collect();
    println!(
        "flood: {} reports in {:.2} s ({:.0} a second); accepted ones were number {} to \
         finish (of {} running at once); everything else from it was throttled",
        flooded.len(),
        flood_time.as_secs_f64(),
        flooded.len() as f64 / flood_time.as_secs_f64(),
        accepted_at.join(", "),
        o.concurrency,
    );
    println!(
        "during the flood: {} of {} answered while the flood was still running",
        trickled.iter().filter(|(_, d)| *d).count(),
        trickled.len()
    );
    println!(
        "forms that asked for a proof of work (flood mode on when loaded): flood {} of {}, \
         during {} of {}, after {} of {}; solved and sent by JavaScript clients after: {}",
        flooded.iter().filter(|o| o.pow_asked).count(),
        flooded.len(),
        during.iter().filter(|o| o.pow_asked).count(),
        during.len(),
        after.iter().filter(|o| o.pow_asked).count(),
        after.len(),
        after.iter().filter(|o| o.pow_sent).count(),
    );
    match server::stored_by_envelope(&server.data_dir) {
        Some(rows) => {
            println!();
            println!("stored (read from the database after the server stopped):");
            println!("| reports | consent | province | flagged | count |");
            println!("| --- | --- | --- | --- | --- |");
            for (consent, province, flagged, count) in rows {
                let phase = match province.as_str() {
                    "pk-sd" => "during the flood",
                    "pk-pb" => "after the flood",
                    "-" => "flood",
                    _ => "?",
                };
                let js = match consent.as_str() {
                    "publish" => ", JavaScript on",
                    "private" => ", JavaScript off",
                    _ => "",
                };
                println!("| {phase}{js} | {consent} | {province} | {flagged} | {count} |");
            }
        }
        None => println!("(sqlite3 not found: stored reports not counted)"),
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&data_dir);
    std::process::ExitCode::SUCCESS
}
