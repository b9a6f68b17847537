//! The login throttle: each account may fail a few times freely, then must wait longer and
//! longer between attempts. Only that account waits; everyone else signs in as usual, so an
//! attacker cannot lock the whole team out, and guessing one password becomes hopeless.
//!
//! Names are remembered whether an account exists or not (a throttle that only knew real
//! accounts would tell which exist), as a keyed hash under a salt that lives only in memory,
//! never as the name: a fixed 16 bytes however long the name typed.
//!
//! Forgetting is by time, never by eviction an attacker controls. A name's failures are
//! forgotten [`FORGET_AFTER`] after its wait ended. When the table is full ([`MAX_ACCOUNTS`]),
//! forgotten-by-time entries go first, then entries that are not waiting now, fewest failures
//! first (made-up names fail once or twice; a real account under attack has many); an entry
//! still waiting is never dropped, so no number of made-up names resets an attacked account's
//! counter. When every entry is waiting, a new name's failure is not recorded (and a warning
//! says so): filling the table with waiting names takes more password checks than the server
//! can make — each failure is one argon2id hash, a few a second per core, and 100,000 names
//! kept waiting need a failure each every 15 minutes.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

/// Failures allowed before waiting starts.
const FREE_FAILURES: u32 = 5;
/// The longest wait between attempts.
const MAX_WAIT: Duration = Duration::from_secs(15 * 60);
/// How long after its wait ended a name's failures are kept.
pub const FORGET_AFTER: Duration = Duration::from_secs(24 * 60 * 60);
/// Names remembered at most (about 60 bytes each).
pub const MAX_ACCOUNTS: usize = 100_000;

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    last: Instant,
}

impl Failures {
    fn wait_ends(&self) -> Instant {
        self.last + wait_after(self.count)
    }

    fn waiting(&self, now: Instant) -> bool {
        now < self.wait_ends()
    }

    fn forgotten(&self, now: Instant) -> bool {
        now >= self.wait_ends() + FORGET_AFTER
    }
}

type NameKey = [u8; 16];

/// Failed sign-ins per account name.
pub struct LoginThrottle {
    salt: [u8; 32],
    capacity: usize,
    accounts: Mutex<HashMap<NameKey, Failures>>,
    /// When a full table last refused to record a failure (for one warning a minute).
    last_full_warning: Mutex<Option<Instant>>,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        Self::with_capacity(MAX_ACCOUNTS)
    }
}

impl LoginThrottle {
    /// A throttle remembering at most `capacity` names.
    pub fn with_capacity(capacity: usize) -> Self {
        let mut salt = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut salt);
        Self {
            salt,
            capacity: capacity.max(1),
            accounts: Mutex::new(HashMap::new()),
            last_full_warning: Mutex::new(None),
        }
    }

    fn key(&self, username: &str) -> NameKey {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.salt)
            .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
        mac.update(username.trim().to_lowercase().as_bytes());
        let mut key = [0u8; 16];
        key.copy_from_slice(&mac.finalize().into_bytes()[..16]);
        key
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<NameKey, Failures>> {
        self.accounts.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// How long `username` must still wait before another attempt; none if it may try now.
    pub fn wait(&self, username: &str, now: Instant) -> Option<Duration> {
        let key = self.key(username);
        let accounts = self.lock();
        let f = accounts.get(&key).filter(|f| !f.forgotten(now))?;
        f.waiting(now).then(|| f.wait_ends() - now)
    }

    /// Records a failed attempt.
    pub fn failed(&self, username: &str, now: Instant) {
        let key = self.key(username);
        let mut accounts = self.lock();
        if !accounts.contains_key(&key) && accounts.len() >= self.capacity {
            make_room(&mut accounts, self.capacity, now);
            if accounts.len() >= self.capacity {
                drop(accounts);
                self.warn_full(now);
                return;
            }
        }
        let f = accounts.entry(key).or_insert(Failures {
            count: 0,
            last: now,
        });
        if f.forgotten(now) {
            f.count = 0;
        }
        f.count = f.count.saturating_add(1);
        f.last = now;
    }

    /// Forgets the failures of an account that signed in.
    pub fn succeeded(&self, username: &str) {
        let key = self.key(username);
        self.lock().remove(&key);
    }

    /// Names remembered now.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no name is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn warn_full(&self, now: Instant) {
        let mut last = self
            .last_full_warning
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if last.is_none_or(|at| now.saturating_duration_since(at) >= Duration::from_secs(60)) {
            *last = Some(now);
            tracing::warn!(
                names = self.capacity,
                "the sign-in throttle is full of names that are all waiting; a failure of a \
                 new name was not recorded (someone is guessing many names)"
            );
        }
    }
}

/// Frees an eighth of the table if it can: forgotten entries, then entries not waiting now,
/// fewest failures (then oldest) first; never one still waiting. A fixed share keeps the cost
/// per new name constant on average, however the table is attacked.
fn make_room(accounts: &mut HashMap<NameKey, Failures>, capacity: usize, now: Instant) {
    accounts.retain(|_, f| !f.forgotten(now));
    let target = capacity - (capacity / 8).max(1);
    if accounts.len() <= target {
        return;
    }
    let mut idle: Vec<(u32, Instant, NameKey)> = accounts
        .iter()
        .filter(|(_, f)| !f.waiting(now))
        .map(|(k, f)| (f.count, f.last, *k))
        .collect();
    let evict = (accounts.len() - target).min(idle.len());
    if evict == 0 {
        return;
    }
    idle.select_nth_unstable_by_key(evict - 1, |(count, last, _)| (*count, *last));
    for (_, _, key) in &idle[..evict] {
        accounts.remove(key);
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

    const SECOND: Duration = Duration::from_secs(1);

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

    /// Fails `name` `failures` times at `now`.
    fn attack(t: &LoginThrottle, name: &str, now: Instant, failures: u32) {
        for _ in 0..failures {
            t.failed(name, now);
        }
    }

    #[test]
    fn a_flood_of_made_up_names_never_resets_a_waiting_account() {
        let t = LoginThrottle::with_capacity(10_000);
        let t0 = Instant::now();
        attack(&t, "amina", t0, 12);
        let wait = t.wait("amina", t0).unwrap();
        assert_eq!(wait, Duration::from_secs(256));
        // 20,000 made-up names, each failing once to three times, over the next minute.
        for n in 0..20_000u32 {
            let now = t0 + Duration::from_millis(u64::from(n) * 3);
            for _ in 0..=(n % 3) {
                t.failed(&format!("made-up-{n}"), now);
            }
            assert!(t.len() <= 10_000);
        }
        let later = t0 + Duration::from_secs(60);
        assert_eq!(
            t.wait("amina", later),
            Some(wait - Duration::from_secs(60)),
            "still waiting, the counter untouched"
        );
        // And it keeps counting: the next failure after the wait doubles it.
        let after = t0 + wait;
        t.failed("amina", after);
        assert_eq!(t.wait("amina", after), Some(Duration::from_secs(512)));
    }

    #[test]
    fn an_account_between_waits_outlasts_made_up_names_with_fewer_failures() {
        let t = LoginThrottle::with_capacity(1_000);
        let t0 = Instant::now();
        attack(&t, "amina", t0, 8);
        // Its 16 s wait is over, but its eight failures are remembered.
        let t1 = t0 + Duration::from_secs(20);
        assert_eq!(t.wait("amina", t1), None);
        for n in 0..20_000u32 {
            t.failed(&format!("made-up-{n}"), t1);
            t.failed(&format!("made-up-{n}"), t1);
        }
        t.failed("amina", t1);
        assert_eq!(
            t.wait("amina", t1),
            Some(Duration::from_secs(32)),
            "the ninth failure, not a first one"
        );
    }

    #[test]
    fn failures_are_forgotten_by_time() {
        let t = LoginThrottle::default();
        let t0 = Instant::now();
        attack(&t, "amina", t0, 6);
        let wait = t.wait("amina", t0).unwrap();
        let just_before = t0 + wait + FORGET_AFTER - SECOND;
        t.failed("amina", just_before);
        assert_eq!(
            t.wait("amina", just_before),
            Some(Duration::from_secs(8)),
            "remembered a day after the wait"
        );
        let forgotten = just_before + Duration::from_secs(8) + FORGET_AFTER;
        assert_eq!(t.wait("amina", forgotten), None);
        t.failed("amina", forgotten);
        assert_eq!(t.wait("amina", forgotten), None, "counting starts again");
        // Forgotten entries make room first when the table is full.
        let small = LoginThrottle::with_capacity(8);
        for n in 0..8 {
            small.failed(&format!("old-{n}"), t0);
        }
        small.failed("new", t0 + FORGET_AFTER);
        assert_eq!(small.len(), 1);
    }

    #[test]
    fn a_table_full_of_waiting_names_keeps_them_all() {
        let t = LoginThrottle::with_capacity(16);
        let t0 = Instant::now();
        for n in 0..16 {
            attack(&t, &format!("waiting-{n}"), t0, 10);
        }
        for n in 0..100 {
            t.failed(&format!("made-up-{n}"), t0 + SECOND);
        }
        assert_eq!(t.len(), 16);
        for n in 0..16 {
            assert!(t.wait(&format!("waiting-{n}"), t0 + SECOND).is_some());
        }
    }

    #[test]
    fn a_name_is_one_entry_however_it_is_typed() {
        let t = LoginThrottle::default();
        let now = Instant::now();
        let long = "x".repeat(1_000_000);
        t.failed(&long, now);
        for name in ["Amina ", "amina", " AMINA", "Amina", "aMina"] {
            t.failed(name, now);
        }
        assert_eq!(t.len(), 2);
        assert_eq!(t.wait("amina", now), Some(Duration::from_secs(2)));
        assert_eq!(t.wait(&long, now), None);
    }
}
