//! A bounded set of random ids used once, each remembered for a fixed time.

use std::collections::{HashSet, VecDeque};
use std::time::{Duration, Instant};

/// Ids are random 16-byte values (token nonces, challenge ids).
pub(crate) type Id = [u8; 16];

/// The outcome of [`SeenSet::insert`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Insert {
    /// First use: remembered now.
    Fresh,
    /// Already used.
    Seen,
    /// The set is full of unexpired ids: the new one is refused (forgetting an unexpired id
    /// would let it be used twice).
    Full,
}

/// Remembers each id for `ttl` after its first use, at most `capacity` at a time.
///
/// Entries expire in insertion order (every entry lives exactly `ttl`), so a queue holds
/// them oldest first and expiry pops from its front.
pub(crate) struct SeenSet {
    ids: HashSet<Id>,
    order: VecDeque<(Id, Instant)>,
    capacity: usize,
    ttl: Duration,
}

impl SeenSet {
    /// An empty set.
    pub(crate) fn new(capacity: usize, ttl: Duration) -> Self {
        let capacity = capacity.max(1);
        Self {
            ids: HashSet::new(),
            order: VecDeque::new(),
            capacity,
            ttl,
        }
    }

    /// Records a use of `id` at `now`.
    pub(crate) fn insert(&mut self, id: Id, now: Instant) -> Insert {
        while let Some(&(old, expires)) = self.order.front() {
            if expires > now {
                break;
            }
            self.order.pop_front();
            self.ids.remove(&old);
        }
        if self.ids.contains(&id) {
            return Insert::Seen;
        }
        if self.ids.len() >= self.capacity {
            return Insert::Full;
        }
        self.ids.insert(id);
        self.order.push_back((id, now + self.ttl));
        Insert::Fresh
    }

    /// Ids remembered now.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u32) -> Id {
        let mut id = [0u8; 16];
        id[..4].copy_from_slice(&n.to_be_bytes());
        id
    }

    #[test]
    fn a_second_use_is_seen_until_the_ttl_ends() {
        let t0 = Instant::now();
        let ttl = Duration::from_secs(60);
        let mut set = SeenSet::new(10, ttl);
        assert_eq!(set.insert(id(1), t0), Insert::Fresh);
        assert_eq!(
            set.insert(id(1), t0 + ttl - Duration::from_secs(1)),
            Insert::Seen
        );
        assert_eq!(set.insert(id(1), t0 + ttl), Insert::Fresh);
    }

    #[test]
    fn memory_is_bounded_and_nothing_unexpired_is_forgotten() {
        let t0 = Instant::now();
        let ttl = Duration::from_secs(3600);
        let mut refusing = SeenSet::new(100, ttl);
        for n in 0..1000 {
            let expected = if n < 100 { Insert::Fresh } else { Insert::Full };
            assert_eq!(refusing.insert(id(n), t0), expected);
        }
        assert_eq!(refusing.len(), 100);
        assert_eq!(refusing.insert(id(0), t0), Insert::Seen);
        // Expiry frees room.
        assert_eq!(refusing.insert(id(5000), t0 + ttl), Insert::Fresh);
        assert_eq!(refusing.len(), 1);
    }
}
