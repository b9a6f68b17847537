//! Guessing a gateway's secret: one answer per network, and a count in the log.
//!
//! Wrong (or missing) secrets draw from the network's `GatewaySecret` bucket (10, then one a
//! minute); a right one never does, so a busy gateway is never slowed. Once a network's
//! bucket is empty, its requests are answered 429 with `Retry-After` **without looking at
//! the secret**: were a right secret let through, each answer would still tell right from
//! wrong, and the throttle would slow nothing.
//!
//! A correct secret from a throttled network: refused too, with one exception. A network that
//! presented the right secret within the last day is a gateway's network, and is never shut
//! out (its wrong guesses still count and are still answered 429 once its bucket is empty).
//! So an attacker on the gateway's own network, a mobile carrier's shared addresses say,
//! cannot silence it, and gains nothing by trying: each answer there tells right from wrong
//! anyway, and the secret carries at least 128 bits. A gateway that moves to a network that
//! is being throttled waits out the `Retry-After`; SMSSync keeps what it could not deliver
//! and sends it again, so nothing is lost. Memory of gateway networks ends with the daily
//! rotation of network keys (the keys change) or after a day.
//!
//! The log gets one warning line per minute at most, with the number of wrong secrets and of
//! requests refused unchecked since the last line; never an address, a network key or what
//! was guessed.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::keys::GatewayKeys;
use crate::abuse::{Decision, LimitKind, Limiter, NetworkKey};

/// How long a network that presented the right secret is known as a gateway's.
const KNOWN_FOR: Duration = Duration::from_secs(24 * 60 * 60);
/// Gateway networks remembered at most (a handful of phones and providers is the real number).
const MAX_KNOWN: usize = 256;
/// At most one warning line this often.
const LOG_EVERY: Duration = Duration::from_secs(60);

/// What became of the secret a request presented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The right secret.
    Accepted,
    /// A wrong secret.
    Wrong,
    /// No secret.
    Missing,
    /// Too many wrong secrets from this network: not checked.
    Throttled {
        /// Until the network may try again.
        retry_after: Duration,
    },
}

#[derive(Default)]
struct Tally {
    wrong: u64,
    unchecked: u64,
    last_line: Option<Instant>,
}

/// The memory of one server for one gateway: networks known as the gateway's, and the
/// tally for the log.
pub struct SecretGuard {
    gateway: &'static str,
    known: Mutex<HashMap<NetworkKey, Instant>>,
    tally: Mutex<Tally>,
}

impl Default for SecretGuard {
    fn default() -> Self {
        Self::for_gateway("SMS")
    }
}

impl SecretGuard {
    /// A guard for the gateway named `gateway` in the log (`SMS`, `WhatsApp`, `Telegram`).
    pub fn for_gateway(gateway: &'static str) -> Self {
        Self {
            gateway,
            known: Mutex::new(HashMap::new()),
            tally: Mutex::new(Tally::default()),
        }
    }

    /// Checks the secret `given` from `network` against `keys`, drawing wrong ones from the
    /// network's bucket in `limiter`.
    pub fn check(
        &self,
        limiter: &Limiter,
        keys: &GatewayKeys,
        given: Option<&str>,
        network: NetworkKey,
        now: Instant,
    ) -> Verdict {
        self.check_with(limiter, network, now, || match given {
            Some(secret) if keys.accepts(secret) => Verdict::Accepted,
            Some(_) => Verdict::Wrong,
            None => Verdict::Missing,
        })
    }

    /// The same for a gateway that proves itself another way (a signature): `verify` says
    /// [`Verdict::Accepted`], [`Verdict::Wrong`] or [`Verdict::Missing`], and is not called
    /// for a throttled network.
    pub fn check_with(
        &self,
        limiter: &Limiter,
        network: NetworkKey,
        now: Instant,
        verify: impl FnOnce() -> Verdict,
    ) -> Verdict {
        if !self.is_known(network, now)
            && let Decision::Throttle { retry_after } =
                limiter.peek(LimitKind::GatewaySecret, network, now)
        {
            self.count(false, now);
            return Verdict::Throttled { retry_after };
        }
        let verdict = match verify() {
            Verdict::Accepted => {
                self.remember(network, now);
                return Verdict::Accepted;
            }
            other => other,
        };
        self.count(true, now);
        match limiter.check(LimitKind::GatewaySecret, network, now) {
            Decision::Allow => verdict,
            Decision::Throttle { retry_after } => Verdict::Throttled { retry_after },
        }
    }

    fn is_known(&self, network: NetworkKey, now: Instant) -> bool {
        let known = self.known.lock().unwrap_or_else(|p| p.into_inner());
        known
            .get(&network)
            .is_some_and(|at| now.saturating_duration_since(*at) < KNOWN_FOR)
    }

    fn remember(&self, network: NetworkKey, now: Instant) {
        let mut known = self.known.lock().unwrap_or_else(|p| p.into_inner());
        if !known.contains_key(&network) && known.len() >= MAX_KNOWN {
            known.retain(|_, at| now.saturating_duration_since(*at) < KNOWN_FOR);
            if known.len() >= MAX_KNOWN
                && let Some(oldest) = known.iter().min_by_key(|(_, at)| **at).map(|(k, _)| *k)
            {
                known.remove(&oldest);
            }
        }
        known.insert(network, now);
    }

    fn count(&self, checked: bool, now: Instant) {
        let mut tally = self.tally.lock().unwrap_or_else(|p| p.into_inner());
        if checked {
            tally.wrong += 1;
        } else {
            tally.unchecked += 1;
        }
        Self::log_if_due(self.gateway, &mut tally, now);
    }

    /// Writes the pending count if a minute has passed since the last line (called by the
    /// SMS sweeper, so the last guesses of a burst are reported too).
    pub fn flush(&self, now: Instant) {
        let mut tally = self.tally.lock().unwrap_or_else(|p| p.into_inner());
        Self::log_if_due(self.gateway, &mut tally, now);
    }

    fn log_if_due(gateway: &str, tally: &mut Tally, now: Instant) {
        if tally.wrong + tally.unchecked == 0
            || tally
                .last_line
                .is_some_and(|at| now.saturating_duration_since(at) < LOG_EVERY)
        {
            return;
        }
        tracing::warn!(
            gateway,
            wrong = tally.wrong,
            refused_unchecked = tally.unchecked,
            "wrong gateway secrets since the last such line (a misconfigured gateway, or \
             someone guessing)"
        );
        tally.wrong = 0;
        tally.unchecked = 0;
        tally.last_line = Some(now);
    }

    /// Wrong secrets and unchecked refusals not yet written to the log (for tests).
    pub fn pending(&self) -> (u64, u64) {
        let tally = self.tally.lock().unwrap_or_else(|p| p.into_inner());
        (tally.wrong, tally.unchecked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abuse::RateLimits;

    fn network(n: u8) -> NetworkKey {
        NetworkKey::from_bytes([n; 16])
    }

    #[test]
    fn a_guessing_network_is_refused_unchecked_and_the_right_secret_waits_too() {
        let limiter = Limiter::new(RateLimits::default());
        let guard = SecretGuard::default();
        let keys = GatewayKeys::derive("the-right-secret");
        let t0 = Instant::now();
        let attacker = network(1);
        for _ in 0..9 {
            assert_eq!(
                guard.check(&limiter, &keys, Some("guess"), attacker, t0),
                Verdict::Wrong
            );
        }
        assert_eq!(
            guard.check(&limiter, &keys, None, attacker, t0),
            Verdict::Missing
        );
        let minute = Duration::from_secs(60);
        assert_eq!(
            guard.check(&limiter, &keys, Some("guess"), attacker, t0),
            Verdict::Throttled {
                retry_after: minute
            }
        );
        // Now nothing from that network is checked: the right secret gets the same answer.
        assert_eq!(
            guard.check(&limiter, &keys, Some("the-right-secret"), attacker, t0),
            Verdict::Throttled {
                retry_after: minute
            }
        );
        // Another network is not affected.
        assert_eq!(
            guard.check(&limiter, &keys, Some("the-right-secret"), network(2), t0),
            Verdict::Accepted
        );
        // After the wait, one more try.
        assert_eq!(
            guard.check(
                &limiter,
                &keys,
                Some("the-right-secret"),
                attacker,
                t0 + minute
            ),
            Verdict::Accepted
        );
    }

    #[test]
    fn a_gateways_network_is_never_shut_out_by_guesses_from_it() {
        let limiter = Limiter::new(RateLimits::default());
        let guard = SecretGuard::default();
        let keys = GatewayKeys::derive("the-right-secret");
        let t0 = Instant::now();
        let shared = network(3);
        assert_eq!(
            guard.check(&limiter, &keys, Some("the-right-secret"), shared, t0),
            Verdict::Accepted
        );
        let mut throttled = 0;
        for _ in 0..50 {
            if let Verdict::Throttled { .. } =
                guard.check(&limiter, &keys, Some("guess"), shared, t0)
            {
                throttled += 1;
            }
        }
        assert_eq!(throttled, 40, "wrong guesses there are still throttled");
        assert_eq!(
            guard.check(&limiter, &keys, Some("the-right-secret"), shared, t0),
            Verdict::Accepted
        );
        // A day later the network is forgotten and treated like any other.
        let later = t0 + KNOWN_FOR;
        for _ in 0..10 {
            guard.check(&limiter, &keys, Some("guess"), shared, later);
        }
        assert!(matches!(
            guard.check(&limiter, &keys, Some("the-right-secret"), shared, later),
            Verdict::Throttled { .. }
        ));
    }

    #[test]
    fn wrong_secrets_are_counted_and_the_count_is_written_once_a_minute() {
        let limiter = Limiter::new(RateLimits::default());
        let guard = SecretGuard::default();
        let keys = GatewayKeys::derive("the-right-secret");
        let t0 = Instant::now();
        // The first one is written at once.
        guard.check(&limiter, &keys, Some("guess"), network(5), t0);
        assert_eq!(guard.pending(), (0, 0));
        for _ in 0..20 {
            guard.check(&limiter, &keys, Some("guess"), network(5), t0);
        }
        assert_eq!(
            guard.pending(),
            (9, 11),
            "nine more checked, eleven refused unchecked"
        );
        guard.flush(t0 + Duration::from_secs(30));
        assert_eq!(guard.pending(), (9, 11), "not yet a minute");
        guard.flush(t0 + LOG_EVERY);
        assert_eq!(guard.pending(), (0, 0));
    }
}
