//! A bounded set of random ids used once, each remembered for a fixed time.

use std::collections::{HashSet, VecDeque};
use std::time::{Duration, Instant};

/// Ids are random 16-byte values (token nonces, challenge ids).
pub(crate) type Id = [u8; 16];

/// What to do with a new id when the set is full of unexpired ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WhenFull {
    /// Forget the oldest id (the nearest to expiry): memory stays bounded, and that id could
    /// be used once more.
    EvictOldest,
    /// Refuse the new id.
    Refuse,
}

/// The outcome of [`SeenSet::insert`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Insert {
    /// First use: remembered now.
    Fresh,
    /// Already used.
    Seen,
    /// The set is full and its policy is [`WhenFull::Refuse`].
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
    when_full: WhenFull,
}

impl SeenSet {
    /// An empty set.
    pub(crate) fn new(capacity: usize, ttl: Duration, when_full: WhenFull) -> Self {
        let capacity = capacity.max(1);
        Self {
            ids: HashSet::new(),
            order: VecDeque::new(),
            capacity,
            ttl,
            when_full,
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
            match self.when_full {
                WhenFull::Refuse => return Insert::Full,
                WhenFull::EvictOldest => {
                    if let Some((old, _)) = self.order.pop_front() {
                        self.ids.remove(&old);
                    }
                }
            }
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
        let mut set = SeenSet::new(10, ttl, WhenFull::Refuse);
        assert_eq!(set.insert(id(1), t0), Insert::Fresh);
        assert_eq!(
            set.insert(id(1), t0 + ttl - Duration::from_secs(1)),
            Insert::Seen
        );
        assert_eq!(set.insert(id(1), t0 + ttl), Insert::Fresh);
    }

    #[test]
    fn memory_is_bounded_either_way() {
        let t0 = Instant::now();
        let ttl = Duration::from_secs(3600);
        let mut refusing = SeenSet::new(100, ttl, WhenFull::Refuse);
        let mut evicting = SeenSet::new(100, ttl, WhenFull::EvictOldest);
        for n in 0..1000 {
            let expected = if n < 100 { Insert::Fresh } else { Insert::Full };
            assert_eq!(refusing.insert(id(n), t0), expected);
            assert_eq!(evicting.insert(id(n), t0), Insert::Fresh);
        }
        assert_eq!(refusing.len(), 100);
        assert_eq!(evicting.len(), 100);
        // The newest are remembered, the oldest forgotten.
        assert_eq!(evicting.insert(id(999), t0), Insert::Seen);
        assert_eq!(evicting.insert(id(0), t0), Insert::Fresh);
        // Expiry frees room for the refusing set.
        assert_eq!(refusing.insert(id(5000), t0 + ttl), Insert::Fresh);
        assert_eq!(refusing.len(), 1);
    }
}
