//! Faults under a stream of reports: PostgreSQL stopping for a while, and the SQLite disk
//! filling up. A bounded stream of reports (4 a second by default, each from its own /24 of
//! the loopback range, every tenth carrying a small PNG) goes through the web form as a
//! browser without JavaScript sends it, while the fault lasts for a while in the middle.
//! Every answer is sorted into: acknowledged (the receipt page read to its end), refused
//! clearly (503 with `Retry-After` and her words on the page again), or something else.
//! After the stream, the original POST of every report that was not acknowledged is sent
//! again once; then the server is killed (SIGKILL) and started again, every receipt that was
//! shown is looked up at `/follow-up`, and the stored reports are counted in the database.
//!
//! Targets: no acknowledged report lost, and no page saying a report was received ("already
//! sent") for a report that is not stored. The exit status is 1 when a target is missed
//! (unless `--report-only`), 2 when the run could not be set up.
//!
//! Every loop is bounded; the server, the database, the tmpfs and the temporary directories
//! are removed at the end, and a PostgreSQL cluster this run stopped is always started again.
//! See `## Faults and abuse (issue 12)` in `benches/README.md` for the commands and figures.

#[path = "../../support/files.rs"]
mod files;
#[path = "../../support/form.rs"]
mod form;
#[path = "../../flood/src/http.rs"]
mod http;
mod proxy;
#[path = "../../flood/src/server.rs"]
mod server;
mod setup;
#[path = "../../support/stats.rs"]
mod stats;

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use form::Multipart;
use http::Client;
use server::{Launch, Server};
use stats::{Counts, failure_kind, p50_p99_max};

/// How long a person takes to fill in the form: past the server's 2 s too-fast threshold.
const FILL_TIME: Duration = Duration::from_millis(2_200);
/// The place each report names, by its number: told apart in the store's clear envelope, so
/// stored reports can be counted per group ("-": no place given).
const PROVINCES: [&str; 8] = [
    "pk-pb", "pk-sd", "pk-kp", "pk-ba", "pk-is", "pk-gb", "pk-jk", "-",
];
/// Requests in flight at once when re-sending and looking up receipts.
const AT_ONCE: usize = 8;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scenario {
    Postgres,
    DiskFull,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum OutageMode {
    Proxy,
    Stop,
}

struct Options {
    bin: PathBuf,
    scenarios: Vec<Scenario>,
    outage: OutageMode,
    rate: f64,
    seconds: f64,
    fault_at: f64,
    fault_for: f64,
    png_every: usize,
    pg_url: String,
    pg_cluster: Option<String>,
    tmpfs_size: String,
    report_only: bool,
    short: bool,
}

const USAGE: &str = "usage: naqsha-faults [--bin PATH] [--scenario postgres|disk-full|all] \
    [--outage proxy|stop] [--short] [--rate N] [--seconds S] [--fault-at S] [--fault-for S] \
    [--png-every N] [--pg-url postgres://USER@HOST:PORT] [--pg-cluster VERSION/NAME] \
    [--tmpfs-size 16m] [--report-only]";

fn options() -> Result<Options, String> {
    let mut o = Options {
        bin: PathBuf::from("target/release/naqsha"),
        scenarios: vec![Scenario::Postgres, Scenario::DiskFull],
        outage: OutageMode::Proxy,
        rate: 4.0,
        seconds: 60.0,
        fault_at: 20.0,
        fault_for: 15.0,
        png_every: 10,
        pg_url: "postgres://postgres@127.0.0.1:5432".into(),
        pg_cluster: None,
        tmpfs_size: "16m".into(),
        report_only: false,
        short: false,
    };
    let (mut fault_at, mut seconds) = (None, None);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_owned(), Some(v.to_owned())),
            None => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{flag} needs a value"))
        };
        let number = |v: String| {
            v.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && *n >= 0.0)
                .ok_or(format!("{flag}: {v}?"))
        };
        match flag.as_str() {
            "--bin" => o.bin = PathBuf::from(value()?),
            "--scenario" => {
                o.scenarios = match value()?.as_str() {
                    "postgres" => vec![Scenario::Postgres],
                    "disk-full" => vec![Scenario::DiskFull],
                    "all" => vec![Scenario::Postgres, Scenario::DiskFull],
                    other => return Err(format!("--scenario {other}?\n{USAGE}")),
                }
            }
            "--outage" => {
                o.outage = match value()?.as_str() {
                    "proxy" => OutageMode::Proxy,
                    "stop" => OutageMode::Stop,
                    other => return Err(format!("--outage {other}?\n{USAGE}")),
                }
            }
            "--short" => o.short = true,
            "--rate" => o.rate = number(value()?)?.clamp(0.1, 50.0),
            "--seconds" => seconds = Some(number(value()?)?.clamp(1.0, 3_600.0)),
            "--fault-at" => fault_at = Some(number(value()?)?),
            "--fault-for" => o.fault_for = number(value()?)?.clamp(0.0, 600.0),
            "--png-every" => o.png_every = number(value()?)? as usize,
            "--pg-url" => o.pg_url = value()?.trim_end_matches('/').to_owned(),
            "--pg-cluster" => o.pg_cluster = Some(value()?),
            "--tmpfs-size" => o.tmpfs_size = value()?,
            "--report-only" => o.report_only = true,
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    if o.short {
        // Same rate and outage length, a shorter stream: about 40 s a scenario.
        o.seconds = 32.0;
        o.fault_at = 8.0;
    }
    if let Some(s) = seconds {
        o.seconds = s;
    }
    o.fault_at = fault_at.unwrap_or(o.fault_at).min(o.seconds);
    if o.short && o.outage == OutageMode::Stop {
        return Err("--short never stops the shared PostgreSQL server: use --outage proxy".into());
    }
    Ok(o)
}

/// Report `i`'s network: a /24 of its own (127.10.0.1, 127.10.1.1, …).
fn source(i: usize) -> IpAddr {
    let hi = u8::try_from(10 + i / 250).unwrap_or(255);
    let mid = u8::try_from(i % 250).unwrap_or(0);
    IpAddr::V4(Ipv4Addr::new(127, hi, mid, 1))
}

/// What the server answered one report.
#[derive(Clone, Debug)]
enum Answer {
    /// The receipt page was read to its end: the survivor holds these words.
    Acknowledged(String),
    /// 503 with `Retry-After`, and the form again with her words.
    RefusedClearly,
    /// Anything else, by kind.
    Other(String),
}

/// A POST as sent: (content type, body).
type Post = (String, Arc<Vec<u8>>);

/// One report of the stream: what was sent and what came back.
struct Sent {
    i: usize,
    province: &'static str,
    /// The original POST (content type, body), kept to send it again after recovery.
    post: Option<Post>,
    /// Seconds after the stream began when the POST left.
    posted_at: f64,
    /// From sending the POST to reading its whole answer.
    latency: Option<Duration>,
    answer: Answer,
}

fn words_of(i: usize) -> String {
    format!("Fault report {i}: he shared my photo in the family group and threatens me.")
}

fn report_body(i: usize, token: &str, png: Option<&[u8]>) -> (String, Vec<u8>) {
    let words = words_of(i);
    let province = PROVINCES[i % PROVINCES.len()];
    let mut form = Multipart::new()
        .text("form_token", token)
        .text("what_happened", &words)
        .text("consent", "statistics_only");
    if province != "-" {
        form = form.text("place", province);
    }
    if let Some(png) = png {
        form = form.file("evidence", "screenshot.png", "image/png", png);
    }
    form.finish()
}

/// Reads the answer to a report POST the way a survivor meets it.
async fn judge(
    client: &mut Client,
    i: usize,
    reply: Result<http::Reply, String>,
) -> (Answer, Option<String>) {
    let reply = match reply {
        Ok(r) => r,
        Err(e) => return (Answer::Other(failure_kind(&e).to_owned()), None),
    };
    let page = reply.text();
    match reply.status {
        303 => {
            let Some(location) = reply.header("location").map(str::to_owned) else {
                return (Answer::Other("303 without Location".into()), Some(page));
            };
            match client.send("GET", &location, None, b"").await {
                Ok(r) if r.status == 200 => match form::receipt(&r.text()) {
                    Some(w) => (Answer::Acknowledged(w), None),
                    _ => (
                        Answer::Other("303, receipt page without words".into()),
                        None,
                    ),
                },
                Ok(r) => (
                    Answer::Other(format!("303, receipt page {}", r.status)),
                    None,
                ),
                Err(e) => (
                    Answer::Other(format!("303, receipt page {}", failure_kind(&e))),
                    None,
                ),
            }
        }
        503 => {
            let kept = form::textarea(&page, "what_happened").is_some_and(|t| t == words_of(i));
            let retry = reply.header("retry-after").is_some();
            let answer = match (kept, retry) {
                (true, true) => Answer::RefusedClearly,
                (false, true) => Answer::Other("503 without her words".into()),
                (true, false) => Answer::Other("503 without Retry-After".into()),
                (false, false) => Answer::Other("503".into()),
            };
            (answer, Some(page))
        }
        other => (Answer::Other(other.to_string()), Some(page)),
    }
}

/// One person: loads the form, takes [`FILL_TIME`] to fill it in, sends it, reads the answer.
async fn report(server: SocketAddr, i: usize, png: Option<Arc<Vec<u8>>>, t0: Instant) -> Sent {
    let mut client = Client::new(source(i), server);
    let province = PROVINCES[i % PROVINCES.len()];
    let failed = |answer: String| Sent {
        i,
        province,
        post: None,
        posted_at: t0.elapsed().as_secs_f64(),
        latency: None,
        answer: Answer::Other(answer),
    };
    let token = match client.send("GET", "/report", None, b"").await {
        Ok(r) if r.status == 200 => match http::input_value(&r.text(), "form_token") {
            Some(t) => t,
            None => return failed("form without a token".into()),
        },
        Ok(r) => return failed(format!("form {}", r.status)),
        Err(e) => return failed(format!("form {}", failure_kind(&e))),
    };
    tokio::time::sleep(FILL_TIME).await;
    let (content_type, body) = report_body(i, &token, png.as_deref().map(Vec::as_slice));
    let posted_at = t0.elapsed().as_secs_f64();
    let started = Instant::now();
    let reply = client
        .send("POST", "/report", Some(&content_type), &body)
        .await;
    let latency = reply.is_ok().then(|| started.elapsed());
    let (answer, _) = judge(&mut client, i, reply).await;
    Sent {
        i,
        province,
        post: Some((content_type, Arc::new(body))),
        posted_at,
        latency,
        answer,
    }
}

/// What sending the original POST of an unacknowledged report again, after recovery, got.
#[derive(Debug)]
enum Again {
    /// Stored now: the receipt page was read.
    Stored(String),
    /// The page says the form was already sent and the report received.
    ClaimsReceived,
    /// Refused again (with its kind).
    Refused(String),
}

async fn send_again(server: SocketAddr, sent: &Sent) -> Again {
    let Some((content_type, body)) = &sent.post else {
        return Again::Refused("never posted".into());
    };
    let mut client = Client::new(source(sent.i), server);
    let reply = client
        .send("POST", "/report", Some(content_type), body)
        .await;
    match judge(&mut client, sent.i, reply).await {
        (Answer::Acknowledged(w), _) => Again::Stored(w),
        // report.error.already_sent: "This form was already sent and your report was received."
        (_, Some(page)) if page.contains("already sent") => Again::ClaimsReceived,
        (Answer::RefusedClearly, _) => Again::Refused("503".into()),
        (Answer::Other(kind), _) => Again::Refused(kind),
    }
}

/// Looks a receipt up at `/follow-up`: `Ok(true)` found, `Ok(false)` not found (404).
async fn look_up(server: SocketAddr, i: usize, words: &str) -> Result<bool, String> {
    let mut client = Client::new(source(i), server);
    let page = client.send("GET", "/follow-up", None, b"").await?;
    let token = http::input_value(&page.text(), "form_token").ok_or("no form token")?;
    let body = form::urlencode(&[
        ("form_token", &token),
        ("action", "view"),
        ("receipt", words),
    ]);
    let reply = client
        .send(
            "POST",
            "/follow-up",
            Some("application/x-www-form-urlencoded"),
            body.as_bytes(),
        )
        .await?;
    match reply.status {
        200 if form::has_class(&reply.text(), "status__label") => Ok(true),
        404 => Ok(false),
        other => Err(format!("follow-up answered {other}")),
    }
}

/// Runs `f` over `items`, [`AT_ONCE`] at a time, keeping their order.
async fn in_batches<T, R, F, Fut>(items: Vec<T>, f: F) -> Vec<R>
where
    T: Send + 'static,
    R: Send + 'static,
    F: Fn(T) -> Fut,
    Fut: Future<Output = R> + Send + 'static,
{
    let mut out = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        let batch: Vec<_> = items
            .by_ref()
            .take(AT_ONCE)
            .map(|t| tokio::spawn(f(t)))
            .collect();
        for task in batch {
            if let Ok(r) = task.await {
                out.push(r);
            }
        }
    }
    out
}

/// The fault a scenario injects.
enum Fault {
    Proxy(proxy::Proxy),
    Stop(Arc<setup::Cluster>),
    DiskFull(PathBuf),
}

impl Fault {
    async fn begin(&self) -> Result<String, String> {
        match self {
            Fault::Proxy(p) => {
                p.cut();
                Ok("proxy cut".into())
            }
            Fault::Stop(c) => {
                let c = c.clone();
                tokio::task::spawn_blocking(move || c.stop())
                    .await
                    .map_err(|e| e.to_string())??;
                Ok("PostgreSQL stopped".into())
            }
            Fault::DiskFull(filler) => {
                let filler = filler.clone();
                let bytes = tokio::task::spawn_blocking(move || setup::fill(&filler))
                    .await
                    .map_err(|e| e.to_string())??;
                Ok(format!(
                    "disk filled ({:.1} MiB of filler)",
                    bytes as f64 / 1048576.0
                ))
            }
        }
    }

    async fn end(&self) -> Result<String, String> {
        match self {
            Fault::Proxy(p) => {
                p.restore();
                Ok("proxy restored".into())
            }
            Fault::Stop(c) => {
                let c = c.clone();
                tokio::task::spawn_blocking(move || c.start())
                    .await
                    .map_err(|e| e.to_string())??;
                Ok("PostgreSQL started".into())
            }
            Fault::DiskFull(filler) => {
                std::fs::remove_file(filler).map_err(|e| e.to_string())?;
                Ok("filler deleted".into())
            }
        }
    }
}

/// Counts of stored reports per province group, read from the database.
fn stored_by_province(store: &Store) -> Result<BTreeMap<String, usize>, String> {
    const SQL: &str = "SELECT COALESCE(province, '-'), COUNT(*) FROM submissions GROUP BY 1";
    let text = match store {
        Store::Sqlite(db) => {
            let out = std::process::Command::new("sqlite3")
                .arg("-separator")
                .arg("|")
                .arg(db)
                .arg(SQL)
                .output()
                .map_err(|e| format!("cannot run sqlite3: {e}"))?;
            if !out.status.success() {
                return Err(String::from_utf8_lossy(&out.stderr).into_owned());
            }
            String::from_utf8_lossy(&out.stdout).into_owned()
        }
        Store::Postgres(url) => setup::psql(url, SQL)?,
    };
    let mut counts = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (province, n) = line.split_once('|').ok_or(format!("{line:?}?"))?;
        counts.insert(
            province.to_owned(),
            n.trim().parse().map_err(|_| format!("{line:?}?"))?,
        );
    }
    Ok(counts)
}

enum Store {
    Sqlite(PathBuf),
    Postgres(String),
}

/// What one scenario measured.
struct Outcome {
    key: &'static str,
    title: String,
    sent: Vec<Sent>,
    fault_window: (f64, f64),
    fault_notes: Vec<String>,
    again: Vec<(usize, &'static str, Again)>,
    found: usize,
    lost: Vec<usize>,
    lookup_errors: Counts,
    stored: Option<BTreeMap<String, usize>>,
    server_died: bool,
}

impl Outcome {
    fn acknowledged(&self) -> usize {
        self.sent
            .iter()
            .filter(|s| matches!(s.answer, Answer::Acknowledged(_)))
            .count()
    }

    fn refused_clearly(&self) -> usize {
        self.sent
            .iter()
            .filter(|s| matches!(s.answer, Answer::RefusedClearly))
            .count()
    }

    fn others(&self) -> Counts {
        let mut c = Counts::default();
        for s in &self.sent {
            if let Answer::Other(kind) = &s.answer {
                c.add(kind.clone());
            }
        }
        c
    }

    /// Pages that said "received" for a report that is not stored, counted per province
    /// group: claims beyond the stored reports that nobody was given a receipt for. Exact
    /// when no group holds a stored report without a receipt; otherwise a lower bound.
    fn called_received_not_stored(&self) -> Option<(usize, bool)> {
        let stored = self.stored.as_ref()?;
        let mut total = 0;
        let mut exact = true;
        for group in PROVINCES {
            let claims = self
                .again
                .iter()
                .filter(|(_, p, a)| *p == group && matches!(a, Again::ClaimsReceived))
                .count();
            let receipts = self
                .sent
                .iter()
                .filter(|s| s.province == group && matches!(s.answer, Answer::Acknowledged(_)))
                .filter(|s| !self.lost.contains(&s.i))
                .count()
                + self
                    .again
                    .iter()
                    .filter(|(i, p, a)| {
                        *p == group && matches!(a, Again::Stored(_)) && !self.lost.contains(i)
                    })
                    .count();
            let in_store = stored.get(group).copied().unwrap_or(0);
            let without_receipt = in_store.saturating_sub(receipts);
            if claims > 0 && without_receipt > 0 {
                exact = false;
            }
            total += claims.saturating_sub(without_receipt);
        }
        Some((total, exact))
    }

    fn print(&self) {
        let (begin, end) = self.fault_window;
        println!("### {}", self.title);
        println!();
        for note in &self.fault_notes {
            println!("- {note}");
        }
        let phase = |s: &Sent| {
            if s.posted_at < begin {
                0
            } else if s.posted_at <= end {
                1
            } else {
                2
            }
        };
        println!();
        println!(
            "| POST sent | sent | acknowledged | refused clearly (503, Retry-After, words kept) | other answers | POST answered in ms p50 / p99 / max |"
        );
        println!("| --- | --- | --- | --- | --- | --- |");
        let names = [
            "before the fault",
            &format!("during the fault ({begin:.1}–{end:.1} s)"),
            "after the fault",
            "all",
        ];
        for (k, name) in names.iter().enumerate() {
            let group: Vec<&Sent> = self
                .sent
                .iter()
                .filter(|s| k == 3 || phase(s) == k)
                .collect();
            let mut other = Counts::default();
            for s in &group {
                if let Answer::Other(kind) = &s.answer {
                    other.add(kind.clone());
                }
            }
            let latencies: Vec<Duration> = group.iter().filter_map(|s| s.latency).collect();
            println!(
                "| {name} | {} | {} | {} | {}{} | {} |",
                group.len(),
                group
                    .iter()
                    .filter(|s| matches!(s.answer, Answer::Acknowledged(_)))
                    .count(),
                group
                    .iter()
                    .filter(|s| matches!(s.answer, Answer::RefusedClearly))
                    .count(),
                other.total(),
                if other.total() > 0 {
                    format!(" ({})", other.summary())
                } else {
                    String::new()
                },
                p50_p99_max(&latencies),
            );
        }
        println!();
        let mut again = Counts::default();
        for (_, _, a) in &self.again {
            again.add(match a {
                Again::Stored(_) => "stored now (receipt read)".to_owned(),
                Again::ClaimsReceived => "page says already sent / received".to_owned(),
                Again::Refused(kind) => format!("refused again: {kind}"),
            });
        }
        println!(
            "- sent again after recovery (the original POST of each of the {} posted and not acknowledged): {}",
            self.again.len(),
            again.summary()
        );
        let receipts = self.acknowledged()
            + self
                .again
                .iter()
                .filter(|(_, _, a)| matches!(a, Again::Stored(_)))
                .count();
        println!(
            "- after SIGKILL and restart: {} of {receipts} receipts found at /follow-up; lost \
             (acknowledged, not found): {}{}",
            self.found,
            self.lost.len(),
            if self.lookup_errors.total() > 0 {
                format!("; look-ups that failed: {}", self.lookup_errors.summary())
            } else {
                String::new()
            }
        );
        match &self.stored {
            Some(stored) => {
                let total: usize = stored.values().sum();
                println!(
                    "- stored in total: {total} (receipts given: {receipts}; stored without a \
                     receipt: {})",
                    total.saturating_sub(receipts - self.lost.len())
                );
            }
            None => println!("- stored in total: not counted"),
        }
        match self.called_received_not_stored() {
            Some((n, exact)) => println!(
                "- called received but not stored: {}{n}",
                if exact { "" } else { "at least " }
            ),
            None => println!("- called received but not stored: not counted"),
        }
        if self.server_died {
            println!("- the server process ended by itself during the stream");
        }
        println!();
        let (missed, exact) = self.called_received_not_stored().unwrap_or((0, true));
        println!(
            "RESULT {} sent={} acknowledged={} refused_clearly={} other={} lost={} stored={} \
             called_received_not_stored={}{missed}",
            self.key,
            self.sent.len(),
            self.acknowledged(),
            self.refused_clearly(),
            self.others().total(),
            self.lost.len(),
            self.stored
                .as_ref()
                .map_or("?".into(), |s| s.values().sum::<usize>().to_string()),
            if exact { "" } else { ">=" },
        );
        println!();
    }

    fn missed_target(&self) -> bool {
        !self.lost.is_empty()
            || self
                .called_received_not_stored()
                .is_some_and(|(n, _)| n > 0)
    }
}

/// The stream, the fault in its middle, the re-sends, the restart and the look-ups.
async fn run_scenario(
    o: &Options,
    key: &'static str,
    title: String,
    data_dir: &Path,
    launch: impl Fn() -> Result<Launch, String>,
    fault: Fault,
    store: Store,
) -> Result<Outcome, String> {
    let png = match o.png_every {
        0 => None,
        _ => Some(Arc::new(files::png(96, 64, false)?)),
    };
    server::init(&o.bin, data_dir, &launch()?)?;
    let mut server = Server::launch(&o.bin, data_dir, launch()?)?;
    let addr = server.addr;
    let total = (o.rate * o.seconds).round() as usize;
    eprintln!(
        "{title}: serving at http://{addr}/; {total} reports over {:.0} s; fault at {:.0} s for {:.0} s",
        o.seconds, o.fault_at, o.fault_for
    );

    let t0 = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..total {
        let png = (o.png_every > 0 && i % o.png_every == o.png_every - 1)
            .then(|| png.clone())
            .flatten();
        let at = t0 + Duration::from_secs_f64(i as f64 / o.rate);
        tasks.spawn(async move {
            tokio::time::sleep_until(at.into()).await;
            report(addr, i, png, t0).await
        });
    }
    let mut notes = Vec::new();
    tokio::time::sleep_until((t0 + Duration::from_secs_f64(o.fault_at)).into()).await;
    let begin = t0.elapsed().as_secs_f64();
    let began = fault.begin().await;
    let fault_result = match began {
        Ok(note) => {
            notes.push(format!("{:.1} s: {note}", t0.elapsed().as_secs_f64()));
            tokio::time::sleep_until(
                (t0 + Duration::from_secs_f64(o.fault_at + o.fault_for)).into(),
            )
            .await;
            fault.end().await
        }
        Err(e) => Err(e),
    };
    let end = t0.elapsed().as_secs_f64();
    match fault_result {
        Ok(note) => notes.push(format!("{end:.1} s: {note}")),
        Err(e) => {
            // The fault could not be set up or undone: stop here (guards clean up).
            tasks.abort_all();
            return Err(format!("the fault failed: {e}"));
        }
    }
    let mut sent = Vec::with_capacity(total);
    while let Some(r) = tasks.join_next().await {
        if let Ok(s) = r {
            sent.push(s);
        }
    }
    sent.sort_by_key(|s| s.i);
    notes.push(format!(
        "{:.1} s: the last answer of the stream arrived",
        t0.elapsed().as_secs_f64()
    ));
    let server_died = server.exited();
    if server_died {
        // Nothing to re-send to: start it again as an operator would.
        server = Server::launch(&o.bin, data_dir, launch()?)?;
    }

    // Recovery: the original POST of each report that was not acknowledged, once.
    let addr = server.addr;
    let unacknowledged: Vec<(usize, &'static str, Option<Post>)> = sent
        .iter()
        .filter(|s| !matches!(s.answer, Answer::Acknowledged(_)) && s.post.is_some())
        .map(|s| (s.i, s.province, s.post.clone()))
        .collect();
    let again = in_batches(unacknowledged, move |(i, province, post)| async move {
        let s = Sent {
            i,
            province,
            post,
            posted_at: 0.0,
            latency: None,
            answer: Answer::RefusedClearly,
        };
        (i, province, send_again(addr, &s).await)
    })
    .await;

    // SIGKILL, start again, look every receipt up.
    server.kill();
    let server = Server::launch(&o.bin, data_dir, launch()?)?;
    let addr = server.addr;
    let receipts: Vec<(usize, String)> = sent
        .iter()
        .filter_map(|s| match &s.answer {
            Answer::Acknowledged(w) => Some((s.i, w.clone())),
            _ => None,
        })
        .chain(again.iter().filter_map(|(i, _, a)| match a {
            Again::Stored(w) => Some((*i, w.clone())),
            _ => None,
        }))
        .collect();
    let looked = in_batches(receipts, move |(i, words)| async move {
        (i, look_up(addr, i, &words).await)
    })
    .await;
    let mut found = 0;
    let mut lost = Vec::new();
    let mut lookup_errors = Counts::default();
    for (i, r) in looked {
        match r {
            Ok(true) => found += 1,
            Ok(false) => lost.push(i),
            Err(e) => lookup_errors.add(e),
        }
    }
    let mut server = server;
    server.stop();
    let stored = match stored_by_province(&store) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("stored reports not counted: {e}");
            None
        }
    };
    Ok(Outcome {
        key,
        title,
        sent,
        fault_window: (begin, end),
        fault_notes: notes,
        again,
        found,
        lost,
        lookup_errors,
        stored,
        server_died,
    })
}

async fn postgres(o: &Options) -> Result<Option<Outcome>, String> {
    if let Err(e) = setup::psql(&format!("{}/postgres", o.pg_url), "SELECT 1") {
        println!(
            "PostgreSQL scenario skipped: no server at {}: {e}\n",
            o.pg_url
        );
        return Ok(None);
    }
    let cluster = match o.outage {
        OutageMode::Stop => Some(Arc::new(setup::Cluster::find(o.pg_cluster.as_deref())?)),
        OutageMode::Proxy => None,
    };
    let database = setup::Database::create(&o.pg_url)?;
    let dir = setup::TempDir::new("faults-pg")?;
    let host = o
        .pg_url
        .split_once("://")
        .and_then(|(_, rest)| rest.rsplit_once('@').map(|(_, h)| h).or(Some(rest)))
        .unwrap_or("127.0.0.1:5432")
        .to_owned();
    let (fault, url, how) = match &cluster {
        Some(c) => (
            Fault::Stop(c.clone()),
            database.url(),
            format!("`pg_ctlcluster {} stop -m fast`, then start", c.describe()),
        ),
        None => {
            let proxy = proxy::Proxy::start(host).await?;
            let user = o
                .pg_url
                .split_once("://")
                .and_then(|(_, rest)| rest.rsplit_once('@').map(|(u, _)| u.to_owned()))
                .unwrap_or_else(|| "postgres".into());
            let url = format!("postgres://{user}@{}/{}", proxy.addr, database.name);
            (
                Fault::Proxy(proxy),
                url,
                "a TCP proxy in front of it cut (all connections closed, new ones refused)"
                    .to_owned(),
            )
        }
    };
    let log_path = dir.0.join("naqsha.log");
    let launch = || -> Result<Launch, String> {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log_path)
            .map_err(|e| e.to_string())?;
        Ok(Launch {
            args: Vec::new(),
            env: vec![
                ("NAQSHA_LOG".into(), "info".into()),
                ("NAQSHA_DATABASE_URL".into(), url.clone()),
            ],
            log: Some(log),
        })
    };
    let title = format!(
        "PostgreSQL stopped for {:.0} s, outage={} ({how})",
        o.fault_for,
        if cluster.is_some() { "stop" } else { "proxy" }
    );
    let key = if cluster.is_some() {
        "postgres-stop"
    } else {
        "postgres-proxy"
    };
    let outcome = run_scenario(
        o,
        key,
        title,
        &dir.0.join("data"),
        launch,
        fault,
        Store::Postgres(database.url()),
    )
    .await;
    // Started again before the database is dropped (the guards would do it too).
    drop(cluster);
    drop(database);
    outcome.map(Some)
}

async fn disk_full(o: &Options) -> Result<Option<Outcome>, String> {
    let dir = setup::TempDir::new("faults-disk")?;
    let Some(mount) = setup::Tmpfs::mount(&dir.0, &o.tmpfs_size) else {
        println!("Disk-full scenario skipped: cannot mount a tmpfs here (needs root).\n");
        return Ok(None);
    };
    let data = dir.0.join("data");
    let log_path = dir.0.join("naqsha.log");
    let launch = || -> Result<Launch, String> {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log_path)
            .map_err(|e| e.to_string())?;
        Ok(Launch {
            args: Vec::new(),
            env: vec![("NAQSHA_LOG".into(), "info".into())],
            log: Some(log),
        })
    };
    let title = format!(
        "SQLite disk full for {:.0} s (data dir and log on a {} tmpfs, filled with a file, then the file deleted)",
        o.fault_for, o.tmpfs_size
    );
    let outcome = run_scenario(
        o,
        "sqlite-disk-full",
        title,
        &data,
        launch,
        Fault::DiskFull(dir.0.join("filler")),
        Store::Sqlite(data.join("naqsha.db")),
    )
    .await;
    drop(mount);
    drop(dir);
    outcome.map(Some)
}

async fn run(o: Options) -> ExitCode {
    if !o.bin.exists() {
        eprintln!(
            "{} not found (build it: cargo build --release -p naqsha)",
            o.bin.display()
        );
        return ExitCode::from(2);
    }
    println!(
        "## Faults: {} — {} reports a second for {:.0} s, each from its own /24, every {} with a PNG; fault at {:.0} s for {:.0} s\n",
        o.bin.display(),
        o.rate,
        o.seconds,
        match o.png_every {
            0 => "none".to_owned(),
            1 => "one".to_owned(),
            n => format!("{n}th"),
        },
        o.fault_at,
        o.fault_for
    );
    let mut missed = false;
    for scenario in &o.scenarios {
        let result = match scenario {
            Scenario::Postgres => postgres(&o).await,
            Scenario::DiskFull => disk_full(&o).await,
        };
        match result {
            Ok(Some(outcome)) => {
                outcome.print();
                missed |= outcome.missed_target();
            }
            Ok(None) => {}
            Err(e) => {
                eprintln!("the scenario could not run: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if missed && !o.report_only {
        println!(
            "TARGET MISSED: an acknowledged report was lost, or a page called a report received that is not stored"
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

#[tokio::main]
async fn main() -> ExitCode {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut terminate =
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("cannot watch for SIGTERM: {e}");
                return ExitCode::from(2);
            }
        };
    // On Ctrl-C or SIGTERM the run is dropped, and with it its guards: the server is killed,
    // PostgreSQL started again, the database dropped, the tmpfs unmounted.
    tokio::select! {
        code = run(o) => code,
        _ = tokio::signal::ctrl_c() => {
            eprintln!("interrupted: cleaning up");
            ExitCode::from(130)
        }
        _ = terminate.recv() => {
            eprintln!("terminated: cleaning up");
            ExitCode::from(143)
        }
    }
}
