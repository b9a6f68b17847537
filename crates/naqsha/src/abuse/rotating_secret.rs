//! A random secret that lives only in memory and is replaced after a period.

use std::time::{Duration, Instant};

use rand::RngCore;
use rand::rngs::OsRng;
use zeroize::Zeroizing;

/// Bytes in a secret.
pub(crate) const SECRET_LEN: usize = 32;

/// The current secret and, for verifiers, the one before it.
///
/// Rotation is lazy: [`RotatingSecret::rotate_if_due`] runs before every use, so the current
/// secret is never used after its period. Hence the previous one was last used less than one
/// period ago when it is retired, and once two periods have passed without any use neither
/// secret can have signed anything younger than a period, and both are dropped.
pub(crate) struct RotatingSecret {
    current: Zeroizing<[u8; SECRET_LEN]>,
    previous: Option<Zeroizing<[u8; SECRET_LEN]>>,
    rotated_at: Instant,
    period: Duration,
    keep_previous: bool,
}

impl RotatingSecret {
    /// A fresh secret, replaced every `period`; `keep_previous` keeps the last one for verifying.
    pub(crate) fn new(now: Instant, period: Duration, keep_previous: bool) -> Self {
        Self {
            current: fresh(),
            previous: None,
            rotated_at: now,
            period,
            keep_previous,
        }
    }

    /// Replaces the secret if its period is over. Returns whether it did.
    pub(crate) fn rotate_if_due(&mut self, now: Instant) -> bool {
        let age = now.saturating_duration_since(self.rotated_at);
        if age < self.period {
            return false;
        }
        let old = std::mem::replace(&mut self.current, fresh());
        self.previous = (self.keep_previous && age < self.period * 2).then_some(old);
        self.rotated_at = now;
        true
    }

    /// The secret to sign or key with now.
    pub(crate) fn current(&self) -> &[u8; SECRET_LEN] {
        &self.current
    }

    /// The secrets a verifier should try, newest first.
    pub(crate) fn all(&self) -> impl Iterator<Item = &[u8; SECRET_LEN]> {
        std::iter::once(&*self.current).chain(self.previous.as_deref())
    }
}

fn fresh() -> Zeroizing<[u8; SECRET_LEN]> {
    let mut bytes = Zeroizing::new([0u8; SECRET_LEN]);
    OsRng.fill_bytes(&mut bytes[..]);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: Duration = Duration::from_secs(3600);

    #[test]
    fn rotates_after_the_period_and_keeps_one_previous() {
        let t0 = Instant::now();
        let mut s = RotatingSecret::new(t0, HOUR, true);
        let first = *s.current();
        assert!(!s.rotate_if_due(t0 + HOUR - Duration::from_secs(1)));
        assert_eq!(*s.current(), first);
        assert!(s.rotate_if_due(t0 + HOUR));
        assert_ne!(*s.current(), first);
        let all: Vec<_> = s.all().copied().collect();
        assert_eq!(all.len(), 2);
        assert_eq!(all[1], first);
        // Next rotation retires the first secret entirely.
        assert!(s.rotate_if_due(t0 + HOUR * 2));
        assert!(s.all().all(|k| *k != first));
    }

    #[test]
    fn a_long_idle_gap_drops_the_previous_secret() {
        let t0 = Instant::now();
        let mut s = RotatingSecret::new(t0, HOUR, true);
        assert!(s.rotate_if_due(t0 + HOUR * 3));
        assert_eq!(s.all().count(), 1);
    }

    #[test]
    fn without_keep_previous_only_the_current_secret_exists() {
        let t0 = Instant::now();
        let mut s = RotatingSecret::new(t0, HOUR, false);
        assert!(s.rotate_if_due(t0 + HOUR));
        assert_eq!(s.all().count(), 1);
    }
}
