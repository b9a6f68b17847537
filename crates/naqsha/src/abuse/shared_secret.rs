//! Secrets every node agrees on, replaced on wall-clock periods.
//!
//! A secret belongs to a purpose (form tokens, the network keyer, proof-of-work challenges)
//! and a generation, `unix time / period`, so every node knows which generation is current
//! without asking anyone. The first node that needs a generation creates it in the store
//! (`INSERT … ON CONFLICT DO NOTHING`; on PostgreSQL an unlogged table, on SQLite the store's
//! memory) and every node keeps it in memory: signing and verifying read that cache and never
//! wait for the database. [`SharedSecrets::refresh`] (every minute in the background) fetches
//! the current generation and, in the last minutes of a period, the next one, so that nodes
//! whose clocks differ a little agree across the boundary; it deletes generations as they
//! rotate out, which keeps the forgetting the process-memory secrets gave before: a
//! generation signs for one period, verifies for one more if its purpose keeps the previous
//! secret, and is then gone from every node and from the database.
//!
//! If a generation is needed before any node could store it (the database unreachable at a
//! boundary), this node uses one of its own until the next refresh: what it signs then is
//! valid on this node only, exactly as every secret was before nodes shared them.

use std::collections::HashMap;
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rand::RngCore;
use rand::rngs::OsRng;
use zeroize::Zeroizing;

use crate::storage::{StorageError, Store, VisitorStore};

/// Bytes in a secret.
pub(crate) const SECRET_LEN: usize = 32;

/// A secret's bytes, wiped when dropped.
pub(crate) type Secret = Zeroizing<[u8; SECRET_LEN]>;

/// How far before a period ends the next generation is fetched (and created).
const PRE_CREATE: Duration = Duration::from_secs(10 * 60);

/// What a secret is for, and how long each generation is current.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Purpose {
    /// Its name in the store.
    pub(crate) name: &'static str,
    /// How long a generation is current.
    pub(crate) period: Duration,
    /// Whether verifiers also accept the previous generation.
    pub(crate) keep_previous: bool,
}

impl Purpose {
    fn period_ms(&self) -> i64 {
        i64::try_from(self.period.as_millis().max(1)).unwrap_or(i64::MAX)
    }

    /// The generation current at `unix_ms`.
    pub(crate) fn generation(&self, unix_ms: i64) -> i64 {
        unix_ms.div_euclid(self.period_ms())
    }

    /// The oldest generation still needed at `unix_ms`.
    fn oldest_kept(&self, unix_ms: i64) -> i64 {
        self.generation(unix_ms) - i64::from(self.keep_previous)
    }
}

/// Wall-clock time read through the monotonic clock: `Instant`s the callers pass are turned
/// into unix milliseconds by one reading of both clocks taken at start.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Clock {
    at: Instant,
    unix_ms: i64,
}

impl Clock {
    /// Reads both clocks now.
    pub(crate) fn now() -> Self {
        let unix_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0);
        Self {
            at: Instant::now(),
            unix_ms,
        }
    }

    /// A clock that reads `unix_ms` at `at` (tests).
    #[cfg(test)]
    pub(crate) fn at(at: Instant, unix_ms: i64) -> Self {
        Self { at, unix_ms }
    }

    /// Unix milliseconds at `t`.
    pub(crate) fn unix_ms(&self, t: Instant) -> i64 {
        // Floored, so that two instants a whole second apart are always 1,000 ms apart.
        let nanos = if t >= self.at {
            i128::try_from((t - self.at).as_nanos()).unwrap_or(i128::MAX)
        } else {
            -i128::try_from((self.at - t).as_nanos()).unwrap_or(i128::MAX)
        };
        let ms = i64::try_from(nanos.div_euclid(1_000_000)).unwrap_or(i64::MAX);
        self.unix_ms.saturating_add(ms)
    }

    /// The `Instant` of unix milliseconds `ms`.
    pub(crate) fn instant(&self, ms: i64) -> Instant {
        let delta = Duration::from_millis(ms.abs_diff(self.unix_ms));
        if ms >= self.unix_ms {
            self.at + delta
        } else {
            self.at.checked_sub(delta).unwrap_or(self.at)
        }
    }
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// The secrets of every purpose this node uses, cached from the store.
pub struct SharedSecrets {
    store: Option<Store>,
    clock: Clock,
    /// Generations fetched from the store, by purpose.
    cache: RwLock<HashMap<&'static str, Vec<(i64, Secret)>>>,
    /// Generations this node had to make up on its own (see the module comment).
    own: Mutex<HashMap<(&'static str, i64), Secret>>,
    /// Purposes in use, for the refresh.
    purposes: Mutex<Vec<Purpose>>,
}

impl std::fmt::Debug for SharedSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SharedSecrets(..)")
    }
}

impl SharedSecrets {
    /// Secrets agreed through `store`.
    pub fn new(store: Store) -> Self {
        Self::with_clock(Some(store), Clock::now())
    }

    /// Secrets of this process alone (tools and unit tests).
    pub fn local() -> Self {
        Self::with_clock(None, Clock::now())
    }

    pub(crate) fn with_clock(store: Option<Store>, clock: Clock) -> Self {
        Self {
            store,
            clock,
            cache: RwLock::new(HashMap::new()),
            own: Mutex::new(HashMap::new()),
            purposes: Mutex::new(Vec::new()),
        }
    }

    /// The wall clock these secrets' generations follow.
    pub(crate) fn clock(&self) -> Clock {
        self.clock
    }

    /// The secret to sign or key with for `purpose` at `now`.
    pub(crate) fn signing(&self, purpose: &Purpose, now: Instant) -> Secret {
        let generation = purpose.generation(self.clock.unix_ms(now));
        self.get(purpose, generation)
    }

    /// The secrets a verifier tries for `purpose` at `now`, newest first.
    pub(crate) fn verifying(&self, purpose: &Purpose, now: Instant) -> Vec<Secret> {
        let generation = purpose.generation(self.clock.unix_ms(now));
        let mut all = vec![self.get(purpose, generation)];
        if purpose.keep_previous {
            all.push(self.get(purpose, generation - 1));
        }
        // What this node signed with a secret of its own while the store was unreachable
        // stays valid here after the shared one arrived.
        let own = self.own.lock().unwrap_or_else(|p| p.into_inner());
        for g in [generation, generation - 1] {
            if let Some(s) = own.get(&(purpose.name, g))
                && !all.iter().any(|a| **a == **s)
            {
                all.push(s.clone());
            }
        }
        all
    }

    fn get(&self, purpose: &Purpose, generation: i64) -> Secret {
        if let Some(secret) = self.cached(purpose, generation) {
            return secret;
        }
        self.remember(purpose);
        let mut own = self.own.lock().unwrap_or_else(|p| p.into_inner());
        own.retain(|(name, g), _| *name != purpose.name || *g >= generation - 1);
        own.entry((purpose.name, generation))
            .or_insert_with(fresh)
            .clone()
    }

    /// The shared secret of `purpose` for `generation`, if this node has fetched it.
    fn cached(&self, purpose: &Purpose, generation: i64) -> Option<Secret> {
        self.cache
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(purpose.name)
            .and_then(|gens| gens.iter().find(|(g, _)| *g == generation))
            .map(|(_, s)| s.clone())
    }

    fn remember(&self, purpose: &Purpose) {
        let mut purposes = self.purposes.lock().unwrap_or_else(|p| p.into_inner());
        if !purposes.contains(purpose) {
            purposes.push(*purpose);
        }
    }

    /// Fetches (creating where none exists) the generations of `purpose` needed at `now`,
    /// drops older ones here and in the store. Nothing to do for secrets of this process.
    pub(crate) async fn load(&self, purpose: &Purpose, now: Instant) -> Result<(), StorageError> {
        self.remember(purpose);
        let Some(store) = &self.store else {
            return Ok(());
        };
        let unix_ms = self.clock.unix_ms(now);
        let current = purpose.generation(unix_ms);
        let mut wanted = vec![current];
        if purpose.keep_previous {
            wanted.push(current - 1);
        }
        if purpose.generation(unix_ms + millis(PRE_CREATE)) != current {
            wanted.push(current + 1);
        }
        let mut fetched = Vec::with_capacity(wanted.len());
        for generation in wanted {
            let secret = match self.cached(purpose, generation) {
                Some(s) => s,
                None => {
                    let offer = fresh();
                    let stored = store
                        .shared_secret(purpose.name, generation, &offer[..])
                        .await?;
                    let stored = Zeroizing::new(stored);
                    let mut secret = Zeroizing::new([0u8; SECRET_LEN]);
                    if stored.len() != SECRET_LEN {
                        return Err(StorageError::Corrupt {
                            table: "shared_secrets",
                            column: "secret",
                            reason: format!("{} bytes", stored.len()),
                        });
                    }
                    secret.copy_from_slice(&stored);
                    secret
                }
            };
            fetched.push((generation, secret));
        }
        let oldest = purpose.oldest_kept(unix_ms);
        self.cache
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(purpose.name, fetched);
        self.own
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|(name, g), _| *name != purpose.name || *g >= oldest);
        store.forget_secrets(purpose.name, oldest).await?;
        Ok(())
    }

    /// Loads (as at start) the secrets of every purpose used so far.
    pub async fn refresh(&self, now: Instant) -> Result<(), StorageError> {
        let purposes = self
            .purposes
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        for purpose in &purposes {
            self.load(purpose, now).await?;
        }
        Ok(())
    }
}

fn fresh() -> Secret {
    let mut bytes = Zeroizing::new([0u8; SECRET_LEN]);
    OsRng.fill_bytes(&mut bytes[..]);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Duration = Duration::from_secs(24 * 3600);
    const FORM: Purpose = Purpose {
        name: "test",
        period: DAY,
        keep_previous: true,
    };

    async fn sqlite() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&crate::storage::sqlite_url(&dir.path().join("t.db")))
            .await
            .unwrap();
        (dir, store)
    }

    #[tokio::test]
    async fn two_nodes_over_one_store_agree_and_others_do_not() {
        let (_dir, store) = sqlite().await;
        let t0 = Instant::now();
        let noon = 20_000 * 86_400_000 + 43_200_000;
        let a = SharedSecrets::with_clock(Some(store.clone()), Clock::at(t0, noon));
        let b = SharedSecrets::with_clock(Some(store.clone()), Clock::at(t0, noon));
        a.load(&FORM, t0).await.unwrap();
        b.load(&FORM, t0).await.unwrap();
        assert_eq!(*a.signing(&FORM, t0), *b.signing(&FORM, t0));
        let (_other_dir, other) = sqlite().await;
        let c = SharedSecrets::with_clock(Some(other), Clock::at(t0, noon));
        c.load(&FORM, t0).await.unwrap();
        assert_ne!(*a.signing(&FORM, t0), *c.signing(&FORM, t0));
    }

    #[tokio::test]
    async fn a_new_period_brings_a_new_secret_and_the_old_one_goes_after_one_more() {
        let (_dir, store) = sqlite().await;
        let t0 = Instant::now();
        let noon = 20_000 * 86_400_000 + 43_200_000;
        let a = SharedSecrets::with_clock(Some(store.clone()), Clock::at(t0, noon));
        a.load(&FORM, t0).await.unwrap();
        let first = *a.signing(&FORM, t0);
        // Five minutes before midnight the next day's secret is already agreed.
        let late = t0 + DAY / 2 - Duration::from_secs(300);
        a.load(&FORM, late).await.unwrap();
        let b = SharedSecrets::with_clock(Some(store.clone()), Clock::at(t0, noon));
        let tomorrow = t0 + DAY / 2 + Duration::from_secs(60);
        b.load(&FORM, tomorrow).await.unwrap();
        assert_eq!(*a.signing(&FORM, tomorrow), *b.signing(&FORM, tomorrow));
        assert_ne!(*a.signing(&FORM, tomorrow), first);
        // Verifiers still accept yesterday's for one period.
        a.load(&FORM, tomorrow).await.unwrap();
        assert!(a.verifying(&FORM, tomorrow).iter().any(|s| **s == first));
        // A day later it is gone from memory and from the store.
        let after = tomorrow + DAY;
        a.load(&FORM, after).await.unwrap();
        assert!(a.verifying(&FORM, after).iter().all(|s| **s != first));
        let again = store
            .shared_secret("test", FORM.generation(noon), &[9u8; SECRET_LEN])
            .await
            .unwrap();
        assert_eq!(again, vec![9u8; SECRET_LEN], "deleted, so made anew");
    }

    #[test]
    fn without_a_store_the_secret_is_this_process_own() {
        let t0 = Instant::now();
        let a = SharedSecrets::local();
        let b = SharedSecrets::local();
        assert_eq!(*a.signing(&FORM, t0), *a.signing(&FORM, t0));
        assert_ne!(*a.signing(&FORM, t0), *b.signing(&FORM, t0));
    }

    #[test]
    fn the_clock_maps_both_ways() {
        let t0 = Instant::now();
        let clock = Clock::at(t0, 1_000_000);
        assert_eq!(clock.unix_ms(t0 + Duration::from_millis(250)), 1_000_250);
        assert_eq!(clock.instant(1_000_250), t0 + Duration::from_millis(250));
    }
}
