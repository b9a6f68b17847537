//! Faults and abuse against the built binary served on loopback: a SIGKILL with 200 reports
//! in flight (`crash`), a disk that fills up (`disk_full`), connections held open by an
//! attacker (`connection_limits`). One test binary, its tests one at a time: each loads the
//! machine or times the server, and must have it to itself (see [`one_at_a_time`]).
//!
//! Run one with its counts: `cargo test -p naqsha --test faults crash -- --nocapture`.

// Tests may unwrap, expect and panic (clippy.toml allows it in #[test] functions; this
// extends it to the helpers of the harness): a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/mod.rs"]
mod support;

mod connection_limits;
mod crash;
mod disk_full;

/// Held by every test of this binary for its whole run, so that the test threads of the
/// harness never run two at once: two hundred clients racing a SIGKILL, a filling disk or a
/// deadline measured in milliseconds would each disturb the others.
async fn one_at_a_time() -> tokio::sync::MutexGuard<'static, ()> {
    static LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    LOCK.lock().await
}
