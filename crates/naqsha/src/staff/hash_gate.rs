//! The gate in front of password hashing, the costliest thing the server does: argon2id with
//! 64 MiB and three passes, once or twice per sign-in.
//!
//! At most one hash per CPU runs at once (so memory stays at 64 MiB a CPU, and the async
//! workers that serve every page are never the ones hashing: the work itself runs on the
//! blocking pool, see `keyring`). A sign-in that cannot start within [`QUEUE_DEADLINE`], or
//! finds [`WAITING_PER_SLOT`] others per slot already queued, is turned away as busy rather than
//! left to pile up: the page says to try again in a minute and answers 503 with
//! `Retry-After`. The queue is first come, first served.

use std::num::NonZeroUsize;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// How long a sign-in may wait for a free slot.
pub const QUEUE_DEADLINE: Duration = Duration::from_secs(5);
/// Sign-ins that may wait for each slot before more are turned away at once.
pub const WAITING_PER_SLOT: usize = 8;
/// What a busy answer asks the browser to wait.
pub const BUSY_RETRY_AFTER: Duration = Duration::from_secs(60);

/// No slot came free in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("too many passwords are being checked right now")]
pub struct Busy;

/// A slot to hash in; the slot is freed when this is dropped.
#[derive(Debug)]
pub struct HashPermit(#[allow(dead_code)] OwnedSemaphorePermit);

/// Limits concurrent password hashes.
#[derive(Debug)]
pub struct HashGate {
    slots: Arc<Semaphore>,
    size: usize,
    waiting: AtomicUsize,
    max_waiting: usize,
    deadline: Duration,
}

impl HashGate {
    /// A gate of `slots` concurrent hashes, with at most `max_waiting` queued for at most
    /// `deadline` each.
    pub fn new(slots: usize, max_waiting: usize, deadline: Duration) -> Self {
        let size = slots.max(1);
        Self {
            slots: Arc::new(Semaphore::new(size)),
            size,
            waiting: AtomicUsize::new(0),
            max_waiting,
            deadline,
        }
    }

    /// One slot per CPU this process may use.
    pub fn for_this_machine() -> Self {
        let cpus = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
        Self::new(cpus, cpus * WAITING_PER_SLOT, QUEUE_DEADLINE)
    }

    /// How many hashes may run at once.
    pub fn slots(&self) -> usize {
        self.size
    }

    /// Waits for a slot, or says the server is busy.
    pub async fn admit(&self) -> Result<HashPermit, Busy> {
        if let Ok(permit) = Arc::clone(&self.slots).try_acquire_owned() {
            return Ok(HashPermit(permit));
        }
        let queued = Queued::join(&self.waiting);
        if queued.ahead >= self.max_waiting || self.deadline.is_zero() {
            return Err(Busy);
        }
        match tokio::time::timeout(self.deadline, Arc::clone(&self.slots).acquire_owned()).await {
            Ok(Ok(permit)) => Ok(HashPermit(permit)),
            // Timed out, or the semaphore was closed (it never is).
            _ => Err(Busy),
        }
    }
}

/// A place in the queue, left however the wait ends.
struct Queued<'a> {
    waiting: &'a AtomicUsize,
    ahead: usize,
}

impl<'a> Queued<'a> {
    fn join(waiting: &'a AtomicUsize) -> Self {
        let ahead = waiting.fetch_add(1, Ordering::SeqCst);
        Self { waiting, ahead }
    }
}

impl Drop for Queued<'_> {
    fn drop(&mut self) {
        self.waiting.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn slots_are_shared_out_and_a_full_queue_is_turned_away() {
        let gate = Arc::new(HashGate::new(2, 1, Duration::from_secs(5)));
        let a = gate.admit().await.unwrap();
        let _b = gate.admit().await.unwrap();
        // A third waits in the queue and gets the first slot freed.
        let waiter = tokio::spawn({
            let gate = Arc::clone(&gate);
            async move { gate.admit().await.map(|_| ()) }
        });
        tokio::task::yield_now().await;
        while gate.waiting.load(Ordering::SeqCst) == 0 {
            tokio::task::yield_now().await;
        }
        // The queue (one place) is full: a fourth is turned away at once.
        assert_eq!(gate.admit().await.unwrap_err(), Busy);
        drop(a);
        assert_eq!(waiter.await.unwrap(), Ok(()));
        assert_eq!(gate.waiting.load(Ordering::SeqCst), 0);
    }

    #[tokio::test]
    async fn a_wait_past_the_deadline_is_busy() {
        let gate = HashGate::new(1, 8, Duration::from_millis(100));
        let _held = gate.admit().await.unwrap();
        let started = std::time::Instant::now();
        assert_eq!(gate.admit().await.unwrap_err(), Busy);
        assert!(started.elapsed() >= Duration::from_millis(100));
        assert_eq!(
            gate.waiting.load(Ordering::SeqCst),
            0,
            "the queue place is left"
        );
    }

    #[test]
    fn one_slot_per_cpu() {
        let gate = HashGate::for_this_machine();
        let cpus = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
        assert_eq!(gate.slots(), cpus);
        assert_eq!(gate.max_waiting, cpus * WAITING_PER_SLOT);
    }
}
