//! The login throttle: each account may fail a few times freely, then must wait longer and
//! longer between attempts. Only that account waits; everyone else signs in as usual, so an
//! attacker cannot lock the whole team out, and guessing one password becomes hopeless.
//!
//! The counters live in the database, so every node over it counts the same failures: five
//! wrong passwords spread over two nodes are five. Each failure is one atomic upsert.
//!
//! Names are remembered whether an account exists or not (a throttle that only knew real
//! accounts would tell which exist), as an HMAC of the lower-cased name under a random salt
//! kept beside the counters, never as the name: a fixed 32 hex digits however long the name
//! typed. The salt is in the database, so someone who reads the database can test a guessed
//! name against the counters (learning that it failed to sign in lately); they cannot list
//! the names, and on PostgreSQL neither table reaches the WAL, a replica or a base backup
//! (UNLOGGED), nor is either copied by `naqsha backup`.
//!
//! Forgetting is by time, never by eviction an attacker controls: a name's failures are
//! forgotten [`FORGET_AFTER`] after its wait ended, and the sweeper deletes such rows. There
//! is no cap on rows: each one costs the attacker an argon2id hash (a few a second per core,
//! behind each node's hashing gate) and about 100 bytes of the database, so a day of
//! guessing made-up names at full speed leaves well under a million short rows.

use std::time::Duration;

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use time::OffsetDateTime;

use crate::storage::{StorageError, Store, ThrottleStore};

/// Failures allowed before waiting starts.
const FREE_FAILURES: u32 = 5;
/// The longest wait between attempts.
const MAX_WAIT: Duration = Duration::from_secs(15 * 60);
/// How long after its wait ended a name's failures are kept.
pub const FORGET_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// The key a name is counted under: HMAC-SHA-256 of the trimmed, lower-cased name under the
/// stored salt (made now if there is none), first 16 bytes, hex.
async fn key(store: &Store, username: &str) -> Result<String, StorageError> {
    let mut candidate = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut candidate);
    let candidate: String = candidate.iter().map(|b| format!("{b:02x}")).collect();
    let salt = store.throttle_salt(&candidate).await?;
    let mut mac = Hmac::<Sha256>::new_from_slice(salt.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(username.trim().to_lowercase().as_bytes());
    Ok(mac.finalize().into_bytes()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// How long `username` must still wait at `now` before another attempt; none if it may try.
pub async fn wait(
    store: &Store,
    username: &str,
    now: OffsetDateTime,
) -> Result<Option<Duration>, StorageError> {
    let key = key(store, username).await?;
    let Some(entry) = store.throttle_entry(&key).await? else {
        return Ok(None);
    };
    if now >= entry.forget_at {
        return Ok(None);
    }
    let ends = entry.last_at + wait_after(entry.failures);
    Ok((now < ends).then(|| (ends - now).unsigned_abs()))
}

/// Records a failed attempt at `now`.
pub async fn failed(
    store: &Store,
    username: &str,
    now: OffsetDateTime,
) -> Result<(), StorageError> {
    let key = key(store, username).await?;
    let failures = store.throttle_failed(&key, now, now + FORGET_AFTER).await?;
    store
        .set_throttle_forget_at(&key, failures, now + wait_after(failures) + FORGET_AFTER)
        .await
}

/// Forgets the failures of an account that signed in.
pub async fn succeeded(store: &Store, username: &str) -> Result<(), StorageError> {
    let key = key(store, username).await?;
    store.throttle_clear(&key).await
}

/// Deletes the counters forgotten by `now` (the sweeper calls it).
pub async fn prune(store: &Store, now: OffsetDateTime) -> Result<u64, StorageError> {
    store.prune_throttle(now).await
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

    async fn store() -> (Store, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&crate::storage::sqlite_url(&dir.path().join("t.db")))
            .await
            .unwrap();
        (store, dir)
    }

    fn t0() -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap()
    }

    #[test]
    fn waits_double_from_the_fifth_failure_up_to_a_quarter_hour() {
        assert_eq!(wait_after(4), Duration::ZERO);
        assert_eq!(wait_after(5), 2 * SECOND);
        assert_eq!(wait_after(6), 4 * SECOND);
        assert_eq!(wait_after(13), 512 * SECOND);
        assert_eq!(wait_after(14), MAX_WAIT);
        assert_eq!(wait_after(u32::MAX), MAX_WAIT);
    }

    #[tokio::test]
    async fn waits_grow_for_one_account_only() {
        let (s, _dir) = store().await;
        let now = t0();
        for _ in 0..4 {
            failed(&s, "Amina", now).await.unwrap();
        }
        assert_eq!(wait(&s, "amina", now).await.unwrap(), None, "four are free");
        failed(&s, "amina", now).await.unwrap();
        assert_eq!(wait(&s, "amina", now).await.unwrap(), Some(2 * SECOND));
        assert_eq!(wait(&s, "amina", now + 2 * SECOND).await.unwrap(), None);
        for _ in 0..30 {
            failed(&s, "amina", now).await.unwrap();
        }
        assert_eq!(wait(&s, "amina", now).await.unwrap(), Some(MAX_WAIT));
        assert_eq!(
            wait(&s, "bilal", now).await.unwrap(),
            None,
            "another account"
        );
        succeeded(&s, "AMINA").await.unwrap();
        assert_eq!(wait(&s, "amina", now).await.unwrap(), None);
    }

    #[tokio::test]
    async fn failures_are_forgotten_by_time_and_pruned() {
        let (s, _dir) = store().await;
        let t0 = t0();
        for _ in 0..6 {
            failed(&s, "amina", t0).await.unwrap();
        }
        let wait0 = wait(&s, "amina", t0).await.unwrap().unwrap();
        assert_eq!(wait0, 4 * SECOND);
        let just_before = t0 + wait0 + FORGET_AFTER - SECOND;
        failed(&s, "amina", just_before).await.unwrap();
        assert_eq!(
            wait(&s, "amina", just_before).await.unwrap(),
            Some(8 * SECOND),
            "remembered a day after the wait: the seventh failure"
        );
        let forgotten = just_before + 8 * SECOND + FORGET_AFTER;
        assert_eq!(wait(&s, "amina", forgotten).await.unwrap(), None);
        failed(&s, "amina", forgotten).await.unwrap();
        assert_eq!(
            wait(&s, "amina", forgotten).await.unwrap(),
            None,
            "counting starts again"
        );
        failed(&s, "bilal", t0).await.unwrap();
        assert_eq!(prune(&s, t0 + FORGET_AFTER).await.unwrap(), 1, "bilal's");
        assert_eq!(prune(&s, forgotten).await.unwrap(), 0, "amina's is new");
    }

    #[tokio::test]
    async fn a_name_is_one_entry_however_it_is_typed_and_never_stored() {
        let (s, _dir) = store().await;
        let now = t0();
        let long = "x".repeat(1_000_000);
        failed(&s, &long, now).await.unwrap();
        for name in ["Amina ", "amina", " AMINA", "Amina", "aMina"] {
            failed(&s, name, now).await.unwrap();
        }
        assert_eq!(wait(&s, "amina", now).await.unwrap(), Some(2 * SECOND));
        assert_eq!(wait(&s, &long, now).await.unwrap(), None);
        let rows: Vec<(String,)> = sqlx::query_as("SELECT name_key FROM staff_throttle")
            .fetch_all(s.pool())
            .await
            .unwrap();
        assert_eq!(rows.len(), 2);
        for (k,) in rows {
            assert_eq!(k.len(), 32);
            assert!(!k.contains("amina"));
        }
    }
}
