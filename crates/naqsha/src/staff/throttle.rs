//! The login throttle: each account may fail a few times freely, then must wait longer and
//! longer between attempts. Only that account waits; everyone else signs in as usual, so an
//! attacker cannot lock the whole team out, and guessing one password becomes hopeless.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed before waiting starts.
const FREE_FAILURES: u32 = 5;
/// The longest wait between attempts.
const MAX_WAIT: Duration = Duration::from_secs(15 * 60);
/// Accounts remembered at most (the oldest forgotten first), so a flood of invented names
/// cannot fill memory.
const MAX_ACCOUNTS: usize = 10_000;

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    last: Instant,
}

/// Failed sign-ins per account name.
#[derive(Default)]
pub struct LoginThrottle {
    accounts: Mutex<HashMap<String, Failures>>,
}

impl LoginThrottle {
    fn key(username: &str) -> String {
        username.trim().to_lowercase()
    }

    /// How long `username` must still wait before another attempt; none if it may try now.
    pub fn wait(&self, username: &str, now: Instant) -> Option<Duration> {
        let accounts = self.accounts.lock().unwrap_or_else(|p| p.into_inner());
        let f = accounts.get(&Self::key(username))?;
        let wait = wait_after(f.count);
        let waited = now.saturating_duration_since(f.last);
        (waited < wait).then(|| wait - waited)
    }

    /// Records a failed attempt.
    pub fn failed(&self, username: &str, now: Instant) {
        let mut accounts = self.accounts.lock().unwrap_or_else(|p| p.into_inner());
        if accounts.len() >= MAX_ACCOUNTS
            && let Some(oldest) = accounts
                .iter()
                .min_by_key(|(_, f)| f.last)
                .map(|(k, _)| k.clone())
        {
            accounts.remove(&oldest);
        }
        let f = accounts.entry(Self::key(username)).or_insert(Failures {
            count: 0,
            last: now,
        });
        f.count = f.count.saturating_add(1);
        f.last = now;
    }

    /// Forgets the failures of an account that signed in.
    pub fn succeeded(&self, username: &str) {
        let mut accounts = self.accounts.lock().unwrap_or_else(|p| p.into_inner());
        accounts.remove(&Self::key(username));
    }
}

/// The wait after `count` failures: nothing for the first few, then 2, 4, 8 … seconds, at
/// most [`MAX_WAIT`].
fn wait_after(count: u32) -> Duration {
    if count < FREE_FAILURES {
        return Duration::ZERO;
    }
    let exponent = (count - FREE_FAILURES + 1).min(20);
    Duration::from_secs(1u64 << exponent).min(MAX_WAIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_for_one_account_only() {
        let t = LoginThrottle::default();
        let now = Instant::now();
        for _ in 0..4 {
            t.failed("Amina", now);
        }
        assert_eq!(t.wait("amina", now), None, "four failures are free");
        t.failed("amina", now);
        assert_eq!(t.wait("amina", now), Some(Duration::from_secs(2)));
        assert_eq!(t.wait("amina", now + Duration::from_secs(2)), None);
        for _ in 0..30 {
            t.failed("amina", now);
        }
        assert_eq!(t.wait("amina", now), Some(MAX_WAIT));
        assert_eq!(t.wait("bilal", now), None, "another account is not slowed");
        t.succeeded("AMINA");
        assert_eq!(t.wait("amina", now), None);
    }
}
