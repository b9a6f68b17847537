//! Log setup. Naqsha never logs an IP address, user agent, header, query string, request body,
//! report text, phone number or email: the request log names only the route pattern, status,
//! duration and a random request id (see `web::request_log`).
//!
//! Commands write each line to standard error as it is made. The server, which writes a
//! line for every request, hands its lines to a writer thread instead (see [`Buffered`]): a
//! request then costs a copy into memory, not a system call, and tens of thousands of lines a
//! second leave in a few hundred writes.

use std::io::Write;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::time::{FormatTime, SystemTime};
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields, FormattedFields};
use tracing_subscriber::registry::LookupSpan;

/// The id of one request: random, never derived from anything the client sent. It lives
/// here, below the web layer that makes it, because every line logged while a request runs
/// carries it ([`LineFormat`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestId(uuid::Uuid);

impl RequestId {
    /// A fresh random id, from the thread's cryptographic generator (seeded and reseeded from
    /// the system's): one system call per request fewer than asking the system each time.
    pub fn random() -> Self {
        Self(uuid::Builder::from_random_bytes(rand::random()).into_uuid())
    }

    /// The id as the 32 lower-case hex digits it is logged and shown as, written into `buf`.
    pub fn encode_lower<'b>(&self, buf: &'b mut [u8; uuid::fmt::Simple::LENGTH]) -> &'b str {
        self.0.as_simple().encode_lower(buf)
    }

    /// Its version number (4: random).
    #[cfg(test)]
    pub(crate) fn version(&self) -> usize {
        self.0.get_version_num()
    }
}

impl std::fmt::Display for RequestId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.as_simple().fmt(f)
    }
}

tokio::task_local! {
    /// The id of the request whose future is running on this task, if any.
    static CURRENT_REQUEST: RequestId;
}

/// Runs `request` with `id` as the current request id: every line logged while it runs, on
/// the task that runs it, carries the id. A task-local instead of a tracing span: the span
/// cost a registry entry and a formatted copy of its fields per request.
pub async fn in_request<F: std::future::Future>(id: RequestId, request: F) -> F::Output {
    CURRENT_REQUEST.scope(id, request).await
}

/// The id of the request running on this task, if any.
pub fn current_request() -> Option<RequestId> {
    CURRENT_REQUEST.try_with(|id| *id).ok()
}

/// How lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Each line straight to standard error (commands: their lines show in order with what
    /// they print, and nothing is held when they exit).
    Direct,
    /// Through the writer thread (the server).
    Buffered,
}

/// Starts logging to stderr with the configured filter. Noisy dependencies are held at `warn`.
///
/// A log that cannot be written never stops a request: when stderr is a file on a full disk
/// (or a closed pipe), the line is dropped. tracing's default would report the failure with
/// `eprintln!`, which panics when stderr fails, and a panic in a handler closes the
/// connection without an answer.
pub fn init(filter: &str, output: Output) {
    let directives = format!("{filter},sqlx=warn,hyper=warn,tower_http=warn");
    let filter = EnvFilter::try_new(directives).unwrap_or_else(|_| EnvFilter::new("info"));
    // Colours only for a person reading a terminal: in a file or the journal the escape
    // codes are noise to read and to search, and cost time on every line.
    let colour = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(colour)
        .log_internal_errors(false)
        .event_format(LineFormat);
    // A second call (tests, `serve --demo` after `init`) keeps the first subscriber.
    let _ = match output {
        Output::Direct => builder.with_writer(|| LossyStderr).try_init(),
        Output::Buffered => {
            let log = BUFFERED
                .get_or_init(|| Buffered::start(LossyStderr))
                .clone();
            builder.with_writer(move || log.clone()).try_init()
        }
    };
}

/// The format of a log line: time, level, the request being answered (as
/// `request{request_id=…}:`, on every line logged while it runs — see [`in_request`]), any
/// spans, then the message and its fields. The same as
/// tracing's default format without the target, as the lines read when the request id came
/// from a span per request.
#[derive(Debug, Clone, Copy, Default)]
pub struct LineFormat;

impl<S, N> FormatEvent<S, N> for LineFormat
where
    S: tracing::Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        ctx: &FmtContext<'_, S, N>,
        mut w: Writer<'_>,
        event: &tracing::Event<'_>,
    ) -> std::fmt::Result {
        let ansi = w.has_ansi_escapes();
        let paint = |w: &mut Writer<'_>, code: &str, text: &dyn std::fmt::Display| {
            if ansi {
                write!(w, "\x1b[{code}m{text}\x1b[0m")
            } else {
                write!(w, "{text}")
            }
        };
        if ansi {
            w.write_str("\x1b[2m")?;
        }
        if SystemTime.format_time(&mut w).is_err() {
            w.write_str("<unknown time>")?;
        }
        if ansi {
            w.write_str("\x1b[0m")?;
        }
        w.write_char(' ')?;
        let (colour, level) = match *event.metadata().level() {
            tracing::Level::TRACE => ("35", "TRACE"),
            tracing::Level::DEBUG => ("34", "DEBUG"),
            tracing::Level::INFO => ("32", " INFO"),
            tracing::Level::WARN => ("33", " WARN"),
            tracing::Level::ERROR => ("31", "ERROR"),
        };
        paint(&mut w, colour, &level)?;
        w.write_char(' ')?;
        let mut context = false;
        if let Some(id) = current_request() {
            paint(&mut w, "1", &"request{")?;
            write!(w, "request_id={id}")?;
            paint(&mut w, "1", &"}")?;
            paint(&mut w, "2", &":")?;
            context = true;
        }
        for span in ctx
            .event_scope()
            .into_iter()
            .flat_map(|scope| scope.from_root())
        {
            paint(&mut w, "1", &span.metadata().name())?;
            let extensions = span.extensions();
            if let Some(fields) = extensions.get::<FormattedFields<N>>()
                && !fields.is_empty()
            {
                paint(&mut w, "1", &"{")?;
                write!(w, "{fields}")?;
                paint(&mut w, "1", &"}")?;
            }
            paint(&mut w, "2", &":")?;
            context = true;
        }
        if context {
            w.write_char(' ')?;
        }
        ctx.format_fields(w.by_ref(), event)?;
        writeln!(w)
    }
}

/// Writes out every line the writer thread still holds. Called when the server stops; a
/// process killed outright loses at most the lines of the last [`FLUSH_EVERY`].
pub fn flush() {
    if let Some(log) = BUFFERED.get() {
        log.flush_now();
    }
}

/// The server's log, once started.
static BUFFERED: OnceLock<Buffered> = OnceLock::new();

/// Standard error, where a failed write is a dropped line, never an error or a panic.
struct LossyStderr;

impl Write for LossyStderr {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let _ = std::io::stderr().write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = std::io::stderr().flush();
        Ok(())
    }
}

/// How long a line may wait in memory before the writer thread writes it.
pub const FLUSH_EVERY: Duration = Duration::from_millis(10);

/// Bytes waiting at which the writer thread is woken at once.
const WAKE_AT: usize = 64 * 1024;

/// Bytes waiting at which a line waits for room: a log that cannot keep up slows the
/// requests down rather than losing lines or growing without bound.
const HOLD_AT: usize = 1024 * 1024;

/// Lines on their way to a writer, written by a thread of their own every [`FLUSH_EVERY`]
/// (sooner when [`WAKE_AT`] bytes wait). Lines are kept whole and in the order they were
/// made; nothing is dropped here (a writer that fails drops what it was given, as
/// [`LossyStderr`] does).
#[derive(Clone)]
pub struct Buffered(Arc<Shared>);

struct Shared {
    pending: Mutex<Pending>,
    /// Wakes the writer thread.
    wake: Condvar,
    /// Tells waiting lines (and [`Buffered::flush_now`]) that the writer took what was
    /// waiting.
    taken: Condvar,
    /// The writer, held by whoever writes (the thread, or a final flush).
    out: Mutex<Box<dyn Write + Send>>,
}

#[derive(Default)]
struct Pending {
    bytes: Vec<u8>,
    /// The writer thread waits with nothing to write and no deadline: the next line wakes it.
    idle: bool,
    /// There is no writer thread: each line is written as it comes.
    direct: bool,
}

impl Buffered {
    /// Starts the writer thread, writing into `out`. If the thread cannot be started, every
    /// line is written as it comes.
    pub fn start(out: impl Write + Send + 'static) -> Self {
        let shared = Arc::new(Shared {
            pending: Mutex::new(Pending::default()),
            wake: Condvar::new(),
            taken: Condvar::new(),
            out: Mutex::new(Box::new(out)),
        });
        let writer = shared.clone();
        let started = std::thread::Builder::new()
            .name("naqsha-log".into())
            .spawn(move || writer.run());
        if started.is_err() {
            lock(&shared.pending).direct = true;
        }
        Self(shared)
    }

    /// Writes out at once everything waiting, and returns when it is written.
    pub fn flush_now(&self) {
        self.0.write_waiting();
    }
}

impl Shared {
    /// The writer thread: take what waits, write it, wait a little, again.
    fn run(&self) {
        let mut batch = Vec::new();
        loop {
            {
                // The writer first, then the lines: whoever writes holds the writer from
                // taking lines until they are written, so batches leave in order.
                let mut out = lock(&self.out);
                let mut pending = lock(&self.pending);
                if pending.bytes.is_empty() {
                    drop(out);
                    while pending.bytes.is_empty() {
                        pending.idle = true;
                        pending = self.wake.wait(pending).unwrap_or_else(|p| p.into_inner());
                    }
                    pending.idle = false;
                    continue;
                }
                std::mem::swap(&mut batch, &mut pending.bytes);
                drop(pending);
                self.taken.notify_all();
                write_lossy(&mut out, &batch);
                batch.clear();
            }
            // Let lines gather; a full buffer cuts the wait short.
            let pending = lock(&self.pending);
            if pending.bytes.len() < WAKE_AT {
                let _ = self.wake.wait_timeout(pending, FLUSH_EVERY);
            }
        }
    }

    /// Writes out what waits, here and now.
    fn write_waiting(&self) {
        let mut out = lock(&self.out);
        let batch = std::mem::take(&mut lock(&self.pending).bytes);
        self.taken.notify_all();
        write_lossy(&mut out, &batch);
    }
}

/// Writes `batch`; a failed write drops these lines, and the next batch is tried again.
fn write_lossy(out: &mut Box<dyn Write + Send>, batch: &[u8]) {
    if batch.is_empty() {
        return;
    }
    let _ = out.write_all(batch);
    let _ = out.flush();
}

impl Write for Buffered {
    /// Takes one line (tracing writes each event whole, in one call).
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut pending = lock(&self.0.pending);
        if pending.direct {
            drop(pending);
            write_lossy(&mut lock(&self.0.out), buf);
            return Ok(buf.len());
        }
        while pending.bytes.len() >= HOLD_AT {
            let (next, timeout) = self
                .0
                .taken
                .wait_timeout(pending, FLUSH_EVERY * 10)
                .unwrap_or_else(|p| p.into_inner());
            pending = next;
            if timeout.timed_out() && pending.bytes.len() >= HOLD_AT {
                // The writer thread is not taking lines: write them from here.
                drop(pending);
                self.0.write_waiting();
                pending = lock(&self.0.pending);
            }
        }
        let before = pending.bytes.len();
        let wake =
            (pending.idle && before == 0) || (before < WAKE_AT && before + buf.len() >= WAKE_AT);
        pending.bytes.extend_from_slice(buf);
        if wake {
            pending.idle = false;
            drop(pending);
            self.0.wake.notify_one();
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer into shared memory.
    #[derive(Clone, Default)]
    struct Memory(Arc<Mutex<Vec<u8>>>);

    impl Write for Memory {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            lock(&self.0).extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Memory {
        fn text(&self) -> String {
            String::from_utf8(lock(&self.0).clone()).unwrap()
        }
    }

    #[test]
    fn every_line_arrives_whole_and_in_order_from_many_threads() {
        let memory = Memory::default();
        let log = Buffered::start(memory.clone());
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let mut log = log.clone();
                std::thread::spawn(move || {
                    for i in 0..20_000 {
                        // Long enough that the buffer fills and lines wait for room.
                        let line = format!("thread={t} line={i} {}\n", "x".repeat(40));
                        log.write_all(line.as_bytes()).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        log.flush_now();
        let text = memory.text();
        let mut next = [0usize; 4];
        for line in text.lines() {
            let (t, i) = line
                .strip_prefix("thread=")
                .and_then(|l| l.split_once(" line="))
                .unwrap_or_else(|| panic!("a broken line: {line:?}"));
            let t: usize = t.parse().unwrap();
            let i: usize = i.split(' ').next().unwrap().parse().unwrap();
            assert_eq!(i, next[t], "thread {t}: lines out of order or lost");
            next[t] += 1;
        }
        assert_eq!(next, [20_000; 4]);
    }

    #[test]
    fn a_line_is_written_within_moments_without_a_flush() {
        let memory = Memory::default();
        let mut log = Buffered::start(memory.clone());
        log.write_all(b"first\n").unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while !memory.text().contains("first") {
            assert!(std::time::Instant::now() < deadline, "never written");
            std::thread::sleep(Duration::from_millis(1));
        }
        // Again after the writer went idle.
        std::thread::sleep(FLUSH_EVERY * 3);
        log.write_all(b"second\n").unwrap();
        while !memory.text().contains("second") {
            assert!(std::time::Instant::now() < deadline, "never written");
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(memory.text(), "first\nsecond\n");
    }
}
