//! Per-network token buckets and the global flood detector.
//!
//! Buckets use the generic cell rate algorithm: one instant per bucket (its "theoretical
//! arrival time"), which behaves exactly like a bucket of `burst` tokens refilled one every
//! `refill_every`. A bucket whose instant has passed is full, which is the same as having
//! no entry, so such entries are dropped freely. The table is split in shards, each behind
//! its own mutex and bounded; when a shard is full, full buckets go first, then the ones
//! closest to full until an eighth of the shard is free (an evicted network starts again
//! with a full bucket, so those lose least). At the default 100,000 buckets the table takes
//! about 5 MB. A check takes one mutex, one hash look-up and no allocation.
//!
//! The flood detector counts accepted submissions from all networks over a sliding window;
//! reaching the threshold starts flood mode, which lasts `cool_down` after the last time the
//! threshold was reached. Flood mode can also be forced on by a setting. In flood mode the
//! web layer asks JavaScript clients for a proof of work and flags no-JS submissions.
//!
//! Anyone can keep flood mode on by sending reports, so staff may switch the automatic mode
//! off for a while ([`Limiter::pause_flood`]): until then traffic does not switch it on (the
//! setting still forces it). On one node (SQLite) the flood state — counts, since when, the
//! pause — lives in this memory and a restart forgets it. With several nodes (PostgreSQL) it
//! lives in the database (`intake::runtime` counts there, adopts the shared state here with
//! [`Limiter::adopt_flood`] and hands pauses on through [`Limiter::on_flood_switch`]), so
//! every node judges all traffic and a pause taken on one applies on all.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::network::NetworkKey;

const SHARDS: usize = 16;

/// A token bucket: `burst` requests at once, then one more every `refill_every`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BucketLimit {
    /// Requests allowed at once from a quiet network (at least 1).
    pub burst: u32,
    /// Time to earn one more request.
    pub refill_every: Duration,
}

/// When the whole site is considered flooded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloodLimits {
    /// Accepted submissions (all networks) within `window` that start flood mode (at least 1).
    pub threshold: u32,
    /// The sliding window the threshold is counted over.
    pub window: Duration,
    /// How long flood mode lasts after the threshold was last reached.
    pub cool_down: Duration,
}

/// All limits, with defaults meant for a deployment that receives tens of reports a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// New reports from one network.
    pub report: BucketLimit,
    /// Receipt look-ups from one network (wrong receipts included).
    pub receipt: BucketLimit,
    /// Responses to stories and campaigns from one network (a bucket of their own, with the
    /// reports' numbers: a troll flooding responses from a shared address spends none of the
    /// reports that a survivor behind the same address may need to send).
    pub response: BucketLimit,
    /// Staff sign-in attempts (passwords checked) from one network.
    pub sign_in: BucketLimit,
    /// Wrong or missing SMS gateway secrets from one network.
    pub gateway_secret: BucketLimit,
    /// The global flood detector.
    pub flood: FloodLimits,
    /// Buckets kept in memory at most, over all kinds and networks.
    pub max_buckets: usize,
}

impl Default for RateLimits {
    /// Reports: 5 at once then 1 every 2 minutes, room for a family or an office behind one
    /// address and for re-submitting after a validation error. Receipts: 10 then 1 a minute,
    /// enough for someone mistyping, while guessing a 90-bit receipt stays hopeless. Sign-in:
    /// 30 at once then 1 every 10 seconds, so a team of twenty behind one office address can
    /// all sign in at nine (and mistype) while one network costs at most six password hashes a
    /// minute once its burst is spent. Gateway secrets: 10 wrong ones, then 1 a minute; a
    /// gateway with the right secret never draws from it. Flood: 20 accepted reports in a
    /// minute, far above any real day, for 30 minutes after. Responses (messages of support and
    /// creative works): the reports' numbers, in a bucket of their own.
    fn default() -> Self {
        let report = BucketLimit {
            burst: 5,
            refill_every: Duration::from_secs(120),
        };
        Self {
            report,
            receipt: BucketLimit {
                burst: 10,
                refill_every: Duration::from_secs(60),
            },
            response: report,
            sign_in: BucketLimit {
                burst: 30,
                refill_every: Duration::from_secs(10),
            },
            gateway_secret: BucketLimit {
                burst: 10,
                refill_every: Duration::from_secs(60),
            },
            flood: FloodLimits {
                threshold: 20,
                window: Duration::from_secs(60),
                cool_down: Duration::from_secs(30 * 60),
            },
            max_buckets: 100_000,
        }
    }
}

/// Which bucket a request draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LimitKind {
    /// Submitting a report.
    Report,
    /// Looking up a receipt.
    Receipt,
    /// Sending a response to a story or a campaign.
    Response,
    /// A staff sign-in attempt (a password hash).
    SignIn,
    /// A wrong or missing SMS gateway secret.
    GatewaySecret,
}

/// The answer to [`Limiter::check`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Go ahead; one token was taken.
    Allow,
    /// Too many; try again after `retry_after` (for a `Retry-After` header).
    Throttle {
        /// Until the next token.
        retry_after: Duration,
    },
}

/// What switched flood mode on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloodCause {
    /// Accepted reports reached the threshold.
    Traffic,
    /// The `force_flood` setting (`NAQSHA_FORCE_FLOOD=true`).
    Setting,
}

/// Flood mode as staff see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloodStatus {
    /// What keeps it on now; `None` when it is off.
    pub cause: Option<FloodCause>,
    /// Since when it is on (for the setting: since the setting took effect).
    pub since: Option<Instant>,
    /// When a flood switched on by traffic ends, unless the threshold is reached again.
    pub ends: Option<Instant>,
    /// Staff switched the automatic mode off until then.
    pub paused_until: Option<Instant>,
}

impl FloodStatus {
    /// Whether flood mode is on.
    pub fn on(&self) -> bool {
        self.cause.is_some()
    }
}

/// The whole seconds to send in `Retry-After` for `wait`: rounded up, so a client that waits
/// that long is let in, and at least 1.
pub fn retry_after_secs(wait: Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

/// A switch staff made to the automatic flood mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloodSwitch {
    /// Off until then.
    Pause {
        /// The end of the pause.
        until: Instant,
    },
    /// On again.
    Resume,
}

/// Who hears of a staff switch (the nodes' shared flood state).
type SwitchListener = Box<dyn Fn(FloodSwitch) + Send + Sync>;

/// Per-network limits and flood state, shared by all requests.
pub struct Limiter {
    limits: RateLimits,
    shards: Box<[Mutex<Shard>]>,
    flood: Mutex<FloodState>,
    forced_flood: AtomicBool,
    switch_listener: Mutex<Option<SwitchListener>>,
}

struct Shard {
    /// Theoretical arrival time of each bucket's next request.
    tat: HashMap<(LimitKind, NetworkKey), Instant>,
    capacity: usize,
}

struct FloodState {
    /// Times of recent accepted submissions, oldest first, at most `threshold` of them.
    recent: VecDeque<Instant>,
    /// When the automatic flood mode ends.
    until: Option<Instant>,
    /// When the current automatic flood began.
    since: Option<Instant>,
    /// Traffic does not start flood mode before this.
    paused_until: Option<Instant>,
    /// When the setting forced flood mode on.
    forced_since: Option<Instant>,
}

impl FloodState {
    fn paused(&self, now: Instant) -> bool {
        self.paused_until.is_some_and(|p| now < p)
    }

    fn automatic(&self, now: Instant) -> bool {
        !self.paused(now) && self.until.is_some_and(|until| now < until)
    }
}

impl Limiter {
    /// A limiter with empty buckets and no flood.
    pub fn new(limits: RateLimits) -> Self {
        let capacity = (limits.max_buckets / SHARDS).max(1);
        let shards = (0..SHARDS)
            .map(|_| {
                Mutex::new(Shard {
                    tat: HashMap::new(),
                    capacity,
                })
            })
            .collect();
        Self {
            limits,
            shards,
            flood: Mutex::new(FloodState {
                recent: VecDeque::new(),
                until: None,
                since: None,
                paused_until: None,
                forced_since: None,
            }),
            forced_flood: AtomicBool::new(false),
            switch_listener: Mutex::new(None),
        }
    }

    /// The limits in force.
    pub fn limits(&self) -> &RateLimits {
        &self.limits
    }

    /// The bucket of `kind`.
    pub fn limit(&self, kind: LimitKind) -> BucketLimit {
        match kind {
            LimitKind::Report => self.limits.report,
            LimitKind::Receipt => self.limits.receipt,
            LimitKind::Response => self.limits.response,
            LimitKind::SignIn => self.limits.sign_in,
            LimitKind::GatewaySecret => self.limits.gateway_secret,
        }
    }

    /// Takes a token from `key`'s bucket of `kind`, or says how long to wait.
    pub fn check(&self, kind: LimitKind, key: NetworkKey, now: Instant) -> Decision {
        self.decide(kind, key, now, true)
    }

    /// What [`Limiter::check`] would answer now, without taking a token: for a limit that only
    /// failures draw from (a wrong secret), asked before knowing whether this one fails.
    pub fn peek(&self, kind: LimitKind, key: NetworkKey, now: Instant) -> Decision {
        self.decide(kind, key, now, false)
    }

    fn decide(&self, kind: LimitKind, key: NetworkKey, now: Instant, take: bool) -> Decision {
        let limit = self.limit(kind);
        let interval = limit.refill_every;
        let tolerance = interval.saturating_mul(limit.burst.max(1) - 1);
        let shard = &self.shards[usize::from(key.shard_byte()) % SHARDS];
        let mut shard = shard.lock().unwrap_or_else(|p| p.into_inner());
        let stored = shard.tat.get(&(kind, key)).copied();
        let tat = stored.map_or(now, |t| t.max(now));
        let ahead = tat - now;
        if ahead > tolerance {
            return Decision::Throttle {
                retry_after: ahead - tolerance,
            };
        }
        if !take {
            return Decision::Allow;
        }
        if stored.is_none() && shard.tat.len() >= shard.capacity {
            shard.make_room(now);
        }
        shard.tat.insert((kind, key), tat + interval);
        Decision::Allow
    }

    /// Gives back the token [`Limiter::check`] took for a request the server failed to serve
    /// (the database was unavailable, nothing was stored), so that retrying after an outage
    /// is not counted against the network. Never for a refusal an attacker can cause at will.
    pub fn refund(&self, kind: LimitKind, key: NetworkKey, now: Instant) {
        let interval = self.limit(kind).refill_every;
        let shard = &self.shards[usize::from(key.shard_byte()) % SHARDS];
        let mut shard = shard.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(tat) = shard.tat.get_mut(&(kind, key)) {
            match tat.checked_sub(interval) {
                Some(earlier) if earlier > now => *tat = earlier,
                _ => {
                    shard.tat.remove(&(kind, key));
                }
            }
        }
    }

    /// Counts one accepted submission towards the flood threshold.
    pub fn record_accepted(&self, now: Instant) {
        let FloodLimits {
            threshold,
            window,
            cool_down,
        } = self.limits.flood;
        let threshold = usize::try_from(threshold.max(1)).unwrap_or(usize::MAX);
        let mut state = self.flood.lock().unwrap_or_else(|p| p.into_inner());
        while state
            .recent
            .front()
            .is_some_and(|&t| now.saturating_duration_since(t) >= window)
        {
            state.recent.pop_front();
        }
        state.recent.push_back(now);
        while state.recent.len() > threshold {
            state.recent.pop_front();
        }
        if state.recent.len() >= threshold && !state.paused(now) {
            if !state.automatic(now) {
                state.since = Some(now);
            }
            state.until = Some(now + cool_down);
        }
    }

    /// Whether the site is in flood mode now (forced, or automatic, not cooled down and not
    /// switched off by staff).
    pub fn flood(&self, now: Instant) -> bool {
        if self.forced_flood.load(Ordering::Relaxed) {
            return true;
        }
        let state = self.flood.lock().unwrap_or_else(|p| p.into_inner());
        state.automatic(now)
    }

    /// Forces flood mode on (or back to automatic), e.g. from a setting.
    pub fn set_forced_flood(&self, on: bool) {
        let mut state = self.flood.lock().unwrap_or_else(|p| p.into_inner());
        state.forced_since = on.then(Instant::now);
        self.forced_flood.store(on, Ordering::Relaxed);
    }

    /// Switches the automatic flood mode off until `until`: a flood on now ends, and traffic
    /// does not start one before then. A forced flood stays on.
    pub fn pause_flood(&self, now: Instant, until: Instant) {
        let mut state = self.flood.lock().unwrap_or_else(|p| p.into_inner());
        state.paused_until = Some(until.max(now));
        state.until = None;
        state.since = None;
        state.recent.clear();
        drop(state);
        self.tell(FloodSwitch::Pause {
            until: until.max(now),
        });
    }

    /// Ends a pause: traffic may switch flood mode on again from now.
    pub fn resume_flood(&self) {
        let mut state = self.flood.lock().unwrap_or_else(|p| p.into_inner());
        state.paused_until = None;
        drop(state);
        self.tell(FloodSwitch::Resume);
    }

    /// Calls `listener` with every pause and resume staff make from now on.
    pub fn on_flood_switch(&self, listener: impl Fn(FloodSwitch) + Send + Sync + 'static) {
        *self
            .switch_listener
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some(Box::new(listener));
    }

    fn tell(&self, switch: FloodSwitch) {
        if let Some(listener) = &*self
            .switch_listener
            .lock()
            .unwrap_or_else(|p| p.into_inner())
        {
            listener(switch);
        }
    }

    /// Takes the flood state every node shares: since when a flood is on, until when, and
    /// any pause (the forced setting stays this node's own).
    pub fn adopt_flood(
        &self,
        since: Option<Instant>,
        until: Option<Instant>,
        paused_until: Option<Instant>,
    ) {
        let mut state = self.flood.lock().unwrap_or_else(|p| p.into_inner());
        state.since = since;
        state.until = until;
        state.paused_until = paused_until;
        state.recent.clear();
    }

    /// Flood mode now: whether it is on, why, since when, and any pause.
    pub fn flood_status(&self, now: Instant) -> FloodStatus {
        let state = self.flood.lock().unwrap_or_else(|p| p.into_inner());
        let forced = self.forced_flood.load(Ordering::Relaxed);
        let automatic = state.automatic(now);
        let (cause, since) = if forced {
            (Some(FloodCause::Setting), state.forced_since)
        } else if automatic {
            (Some(FloodCause::Traffic), state.since)
        } else {
            (None, None)
        };
        FloodStatus {
            cause,
            since,
            ends: if automatic { state.until } else { None },
            paused_until: state.paused_until.filter(|p| now < *p),
        }
    }

    /// Buckets held in memory now.
    pub fn tracked_buckets(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.lock().unwrap_or_else(|p| p.into_inner()).tat.len())
            .sum()
    }
}

impl Shard {
    /// Frees at least an eighth of the shard: full buckets first, then those nearest to full.
    /// Freeing a fixed share keeps the cost per new network constant on average, however the
    /// table is attacked.
    fn make_room(&mut self, now: Instant) {
        self.tat.retain(|_, tat| *tat > now);
        let target = self.capacity - (self.capacity / 8).max(1);
        if self.tat.len() <= target {
            return;
        }
        let evict = self.tat.len() - target;
        let mut by_tat: Vec<(Instant, (LimitKind, NetworkKey))> =
            self.tat.iter().map(|(k, t)| (*t, *k)).collect();
        by_tat.select_nth_unstable_by_key(evict - 1, |(t, _)| *t);
        for (_, key) in &by_tat[..evict] {
            self.tat.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: Duration = Duration::from_secs(60);

    fn key(n: u32) -> NetworkKey {
        let mut bytes = [0u8; 16];
        bytes[..4].copy_from_slice(&n.to_le_bytes());
        NetworkKey::from_bytes(bytes)
    }

    #[test]
    fn a_refunded_attempt_is_not_counted() {
        let limiter = Limiter::new(RateLimits::default());
        let t0 = Instant::now();
        // Ten tries during an outage, each given back: the network still has its burst.
        for _ in 0..10 {
            assert_eq!(
                limiter.check(LimitKind::Report, key(1), t0),
                Decision::Allow
            );
            limiter.refund(LimitKind::Report, key(1), t0);
        }
        for _ in 0..5 {
            assert_eq!(
                limiter.check(LimitKind::Report, key(1), t0),
                Decision::Allow
            );
        }
        assert!(matches!(
            limiter.check(LimitKind::Report, key(1), t0),
            Decision::Throttle { .. }
        ));
        // A refund for a network with nothing taken changes nothing.
        limiter.refund(LimitKind::Report, key(2), t0);
        assert_eq!(limiter.tracked_buckets(), 1);
    }

    #[test]
    fn sixth_report_in_a_burst_is_throttled_until_refill() {
        let limiter = Limiter::new(RateLimits::default());
        let t0 = Instant::now();
        for _ in 0..5 {
            assert_eq!(
                limiter.check(LimitKind::Report, key(1), t0),
                Decision::Allow
            );
        }
        assert_eq!(
            limiter.check(LimitKind::Report, key(1), t0),
            Decision::Throttle {
                retry_after: 2 * MINUTE
            }
        );
        let almost = t0 + 2 * MINUTE - Duration::from_secs(1);
        assert_eq!(
            limiter.check(LimitKind::Report, key(1), almost),
            Decision::Throttle {
                retry_after: Duration::from_secs(1)
            }
        );
        let refilled = t0 + 2 * MINUTE;
        assert_eq!(
            limiter.check(LimitKind::Report, key(1), refilled),
            Decision::Allow
        );
        assert!(matches!(
            limiter.check(LimitKind::Report, key(1), refilled),
            Decision::Throttle { .. }
        ));
        // A long quiet spell refills the whole burst, and no more.
        let later = t0 + 60 * MINUTE;
        for _ in 0..5 {
            assert_eq!(
                limiter.check(LimitKind::Report, key(1), later),
                Decision::Allow
            );
        }
        assert!(matches!(
            limiter.check(LimitKind::Report, key(1), later),
            Decision::Throttle { .. }
        ));
    }

    #[test]
    fn other_networks_and_kinds_are_unaffected() {
        let limiter = Limiter::new(RateLimits::default());
        let t0 = Instant::now();
        while limiter.check(LimitKind::Report, key(1), t0) == Decision::Allow {}
        assert_eq!(
            limiter.check(LimitKind::Report, key(2), t0),
            Decision::Allow
        );
        assert_eq!(
            limiter.check(LimitKind::Receipt, key(1), t0),
            Decision::Allow
        );
    }

    #[test]
    fn wrong_receipts_are_throttled_after_ten() {
        let limiter = Limiter::new(RateLimits::default());
        let t0 = Instant::now();
        let allowed = (0..100)
            .take_while(|_| limiter.check(LimitKind::Receipt, key(7), t0) == Decision::Allow)
            .count();
        assert_eq!(allowed, 10);
        assert_eq!(
            limiter.check(LimitKind::Receipt, key(7), t0 + MINUTE),
            Decision::Allow
        );
    }

    #[test]
    fn retry_after_is_rounded_up_to_whole_seconds() {
        assert_eq!(retry_after_secs(Duration::from_millis(59_990)), 60);
        assert_eq!(retry_after_secs(MINUTE), 60);
        assert_eq!(retry_after_secs(Duration::ZERO), 1);
    }

    #[test]
    fn peeking_takes_no_token() {
        let limiter = Limiter::new(RateLimits::default());
        let t0 = Instant::now();
        for _ in 0..100 {
            assert_eq!(
                limiter.peek(LimitKind::GatewaySecret, key(4), t0),
                Decision::Allow
            );
        }
        assert_eq!(limiter.tracked_buckets(), 0, "peeking stores nothing");
        let allowed = (0..100)
            .take_while(|_| limiter.check(LimitKind::GatewaySecret, key(4), t0) == Decision::Allow)
            .count();
        assert_eq!(allowed, 10, "ten wrong secrets, then a wait");
        assert_eq!(
            limiter.peek(LimitKind::GatewaySecret, key(4), t0),
            Decision::Throttle {
                retry_after: MINUTE
            }
        );
        assert_eq!(
            limiter.peek(LimitKind::GatewaySecret, key(4), t0 + MINUTE),
            Decision::Allow
        );
    }

    #[test]
    fn an_office_of_twenty_signs_in_at_once_a_flood_is_slowed_to_six_a_minute() {
        let limiter = Limiter::new(RateLimits::default());
        let t0 = Instant::now();
        // Twenty people, a third of them mistyping once.
        for _ in 0..27 {
            assert_eq!(
                limiter.check(LimitKind::SignIn, key(9), t0),
                Decision::Allow
            );
        }
        // A flood from that network: its burst is spent, then one attempt every 10 s.
        let mut allowed = 0;
        for s in 0..=600u64 {
            let now = t0 + Duration::from_millis(s * 100);
            if limiter.check(LimitKind::SignIn, key(9), now) == Decision::Allow {
                allowed += 1;
            }
        }
        assert_eq!(
            allowed,
            3 + 6,
            "the rest of the burst, then one every ten seconds"
        );
        assert_eq!(
            limiter.check(LimitKind::SignIn, key(10), t0),
            Decision::Allow,
            "another network signs in as usual"
        );
    }

    #[test]
    fn memory_stays_bounded_under_many_networks() {
        let limits = RateLimits {
            max_buckets: 160,
            ..RateLimits::default()
        };
        let limiter = Limiter::new(limits);
        let t0 = Instant::now();
        for n in 0..10_000 {
            assert_eq!(
                limiter.check(LimitKind::Report, key(n), t0),
                Decision::Allow
            );
            assert!(limiter.tracked_buckets() <= 160);
        }
        assert!(limiter.tracked_buckets() > 100);
    }

    #[test]
    fn eviction_prefers_full_and_nearly_full_buckets() {
        let limits = RateLimits {
            max_buckets: SHARDS * 8,
            ..RateLimits::default()
        };
        let limiter = Limiter::new(limits);
        let t0 = Instant::now();
        // key(0) has used its whole burst; the rest one request each.
        while limiter.check(LimitKind::Report, key(0), t0) == Decision::Allow {}
        for n in 1..2000 {
            limiter.check(LimitKind::Report, key(n), t0);
        }
        assert!(matches!(
            limiter.check(LimitKind::Report, key(0), t0),
            Decision::Throttle { .. }
        ));
        // Newer networks keep pushing out the older single-request buckets, not key(0).
        let later = t0 + MINUTE + MINUTE / 2;
        for n in 5000..7000 {
            limiter.check(LimitKind::Report, key(n), later);
        }
        assert!(matches!(
            limiter.check(LimitKind::Report, key(0), later),
            Decision::Throttle { .. }
        ));
    }

    #[test]
    fn refilled_buckets_are_dropped_when_room_is_needed() {
        let limits = RateLimits {
            max_buckets: SHARDS * 8,
            ..RateLimits::default()
        };
        let limiter = Limiter::new(limits);
        let t0 = Instant::now();
        // Keys that are multiples of 16 all fall in shard 0.
        for n in 0..8 {
            limiter.check(LimitKind::Report, key(n * 16), t0);
        }
        assert_eq!(limiter.tracked_buckets(), 8);
        limiter.check(LimitKind::Report, key(8 * 16), t0 + 3 * MINUTE);
        assert_eq!(limiter.tracked_buckets(), 1);
    }

    #[test]
    fn global_threshold_starts_flood_and_cool_down_ends_it() {
        let limiter = Limiter::new(RateLimits::default());
        let t0 = Instant::now();
        for i in 0..19 {
            limiter.record_accepted(t0 + Duration::from_secs(i));
        }
        assert!(!limiter.flood(t0 + Duration::from_secs(19)));
        limiter.record_accepted(t0 + Duration::from_secs(19));
        assert!(limiter.flood(t0 + Duration::from_secs(19)));
        let end = t0 + Duration::from_secs(19) + 30 * MINUTE;
        assert!(limiter.flood(end - Duration::from_secs(1)));
        assert!(!limiter.flood(end));
    }

    #[test]
    fn a_slow_steady_stream_never_floods() {
        let limiter = Limiter::new(RateLimits::default());
        let t0 = Instant::now();
        // 19 a minute for an hour: one short of the threshold in every window.
        for i in 0..(19 * 60) {
            let now = t0 + Duration::from_secs(i * 60 / 19 + 1);
            limiter.record_accepted(now);
            assert!(!limiter.flood(now), "flooded at submission {i}");
        }
    }

    #[test]
    fn forced_flood_overrides_automatic_mode() {
        let limiter = Limiter::new(RateLimits::default());
        let t0 = Instant::now();
        assert!(!limiter.flood(t0));
        limiter.set_forced_flood(true);
        assert!(limiter.flood(t0));
        limiter.set_forced_flood(false);
        assert!(!limiter.flood(t0));
    }

    fn flood_now(limiter: &Limiter, at: Instant) {
        for i in 0..20 {
            limiter.record_accepted(at + Duration::from_millis(i));
        }
    }

    #[test]
    fn flood_status_says_why_and_since_when() {
        let limiter = Limiter::new(RateLimits::default());
        let t0 = Instant::now();
        assert_eq!(
            limiter.flood_status(t0),
            FloodStatus {
                cause: None,
                since: None,
                ends: None,
                paused_until: None
            }
        );
        flood_now(&limiter, t0);
        let last = t0 + Duration::from_millis(19);
        let status = limiter.flood_status(last);
        assert_eq!(status.cause, Some(FloodCause::Traffic));
        assert_eq!(status.since, Some(last), "when the threshold was reached");
        assert_eq!(status.ends, Some(last + 30 * MINUTE));
        // more reports later keep the flood going from the same start
        flood_now(&limiter, last + MINUTE);
        let again = last + MINUTE + Duration::from_millis(19);
        let later = limiter.flood_status(again);
        assert_eq!(later.since, Some(last));
        assert_eq!(later.ends, Some(again + 30 * MINUTE));
        // a new flood after the last one ended starts anew
        let next = last + 2 * 60 * MINUTE;
        assert!(!limiter.flood(next));
        flood_now(&limiter, next);
        assert_eq!(
            limiter.flood_status(next + MINUTE).since,
            Some(next + Duration::from_millis(19))
        );
    }

    #[test]
    fn a_pause_ends_the_flood_and_traffic_cannot_start_one_until_it_ends() {
        let limiter = Limiter::new(RateLimits::default());
        let t0 = Instant::now();
        flood_now(&limiter, t0);
        assert!(limiter.flood(t0 + MINUTE));
        let until = t0 + MINUTE + 60 * MINUTE;
        limiter.pause_flood(t0 + MINUTE, until);
        assert!(!limiter.flood(t0 + MINUTE));
        // a flood of reports during the pause does not switch it on
        flood_now(&limiter, t0 + 10 * MINUTE);
        assert!(!limiter.flood(t0 + 10 * MINUTE));
        let status = limiter.flood_status(t0 + 10 * MINUTE);
        assert_eq!(status.cause, None);
        assert_eq!(status.paused_until, Some(until));
        // after the pause, traffic switches it on again
        flood_now(&limiter, until + MINUTE);
        assert!(limiter.flood(until + MINUTE));
        assert_eq!(limiter.flood_status(until + MINUTE).paused_until, None);
        // resuming early gives traffic its say at once
        limiter.pause_flood(until + MINUTE, until + 120 * MINUTE);
        limiter.resume_flood();
        flood_now(&limiter, until + 2 * MINUTE);
        assert!(limiter.flood(until + 2 * MINUTE));
    }

    #[test]
    fn the_setting_keeps_flood_mode_on_through_a_pause() {
        let limiter = Limiter::new(RateLimits::default());
        let t0 = Instant::now();
        limiter.set_forced_flood(true);
        limiter.pause_flood(t0, t0 + 60 * MINUTE);
        assert!(limiter.flood(t0));
        let status = limiter.flood_status(t0);
        assert_eq!(status.cause, Some(FloodCause::Setting));
        assert!(status.since.is_some());
        assert_eq!(status.paused_until, Some(t0 + 60 * MINUTE));
    }

    #[test]
    fn limiter_is_shared_across_threads() {
        let limiter = std::sync::Arc::new(Limiter::new(RateLimits::default()));
        let t0 = Instant::now();
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let limiter = limiter.clone();
                std::thread::spawn(move || {
                    (0..10)
                        .filter(|_| limiter.check(LimitKind::Report, key(3), t0) == Decision::Allow)
                        .count()
                })
            })
            .collect();
        let allowed: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
        assert_eq!(allowed, 5);
    }
}
