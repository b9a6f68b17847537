//! CPU-heavy work — password derivation (argon2id, 64 MiB, three passes), cleaning and
//! re-encoding evidence files, blurred previews — on threads of its own that run at a lower
//! scheduling priority ([`NICE`]) than the async workers answering pages and `/healthz`.
//!
//! On a two-core server under a sign-in flood the password work alone wants most of the
//! CPU. At equal priority the kernel shares the cores evenly between it and the workers, so
//! every page and every `/healthz` answer waits its turn behind a derivation. At nice 10 a
//! heavy thread weighs about a tenth of a normal one when both want a core: the workers go
//! first, and the heavy work still has every cycle they leave.
//!
//! How many heavy jobs run at once stays the callers' decision (`staff::HashGate`, the
//! evidence lanes of `intake::gate`); the pool has threads enough for all of them at once,
//! so a job never waits here for a thread. Where threads of lower priority cannot be made
//! (not Linux, or the pool cannot start), the work goes to Tokio's blocking pool, as before.

use std::panic::AssertUnwindSafe;
use std::sync::OnceLock;

/// The nice value of the heavy threads (the workers keep the process's, normally 0).
pub const NICE: i32 = 10;

/// Heavy threads per core: enough for every gate's slots at once (hashing one a core, small
/// files one a core, large files one per two cores).
const THREADS_PER_CORE: usize = 4;

/// Heavy work that did not give its result: it panicked, or its thread went away.
#[derive(Debug, thiserror::Error)]
#[error("heavy work did not finish: {0}")]
pub struct Unfinished(String);

/// Runs `work` on a heavy thread and waits for it without holding an async worker.
pub async fn run<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Unfinished> {
    let Some(pool) = pool() else {
        return tokio::task::spawn_blocking(work)
            .await
            .map_err(|e| Unfinished(e.to_string()));
    };
    let (done, result) = tokio::sync::oneshot::channel();
    pool.spawn(move || {
        // A panic is caught here and given to the caller: rayon would otherwise abort the
        // process.
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(work));
        let _ = done.send(outcome);
    });
    match result.await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(panic)) => Err(Unfinished(panic_message(panic.as_ref()))),
        Err(_) => Err(Unfinished("its thread went away".to_owned())),
    }
}

/// The heavy pool, started on first use; `None` where it cannot run at a lower priority.
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        if !lower_priority_possible() {
            return None;
        }
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        rayon::ThreadPoolBuilder::new()
            .num_threads(cores * THREADS_PER_CORE)
            .thread_name(|i| format!("naqsha-heavy-{i}"))
            .start_handler(|_| {
                if let Err(e) = lower_this_thread() {
                    tracing::warn!(error = %e, "a heavy thread keeps the normal priority");
                }
            })
            .build()
            .map_err(|e| tracing::warn!(error = %e, "no heavy pool: the blocking pool is used"))
            .ok()
    })
    .as_ref()
}

#[cfg(target_os = "linux")]
fn lower_priority_possible() -> bool {
    true
}

#[cfg(not(target_os = "linux"))]
fn lower_priority_possible() -> bool {
    false
}

/// Sets the calling thread's nice value to [`NICE`] (on Linux a nice value belongs to a
/// thread; raising it needs no privilege). A process started nicer than that keeps its own.
#[cfg(target_os = "linux")]
fn lower_this_thread() -> std::io::Result<()> {
    use rustix::process::{getpriority_process, setpriority_process};
    let me = Some(rustix::thread::gettid());
    let now = getpriority_process(me)?;
    if now < NICE {
        setpriority_process(me, NICE)?;
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn lower_this_thread() -> std::io::Result<()> {
    Ok(())
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "it panicked".to_owned())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[tokio::test]
    async fn work_runs_on_a_thread_of_lower_priority() {
        let (name, nice) = run(|| {
            let me = Some(rustix::thread::gettid());
            (
                std::thread::current().name().map(str::to_owned),
                rustix::process::getpriority_process(me).ok(),
            )
        })
        .await
        .unwrap();
        assert!(name.unwrap().starts_with("naqsha-heavy-"));
        assert!(nice.unwrap() >= NICE, "nice {nice:?}");
        // The caller's thread is untouched.
        let here = rustix::process::getpriority_process(Some(rustix::thread::gettid())).unwrap();
        assert!(here < NICE);
    }

    #[tokio::test]
    async fn a_panic_is_an_error_not_an_abort() {
        let err = run(|| -> u8 { panic!("broken image") }).await.unwrap_err();
        assert!(err.to_string().contains("broken image"), "{err}");
        assert_eq!(run(|| 7).await.unwrap(), 7);
    }
}
