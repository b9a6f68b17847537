//! Drafts this node keeps in its own memory when the database cannot take them (an outage):
//! the form's next try on this node still finds its files. Bounded like the shared drafts.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::abuse::NetworkKey;
use crate::storage::NewAttachment;

/// Sealed files of a form that is shown again, waiting for the next try.
struct Draft {
    at: Instant,
    network: NetworkKey,
    bytes: usize,
    files: Vec<NewAttachment>,
}

/// Every waiting draft, and the bytes they hold.
#[derive(Default)]
pub(super) struct LocalDrafts {
    by_token: HashMap<String, Draft>,
    bytes: usize,
}

impl LocalDrafts {
    /// Keeps `files` under `token` within `per_network` and `total` bytes, giving up the
    /// network's own oldest drafts first, then those of the largest holder.
    pub(super) fn hold(
        &mut self,
        token: String,
        files: Vec<NewAttachment>,
        network: NetworkKey,
        now: Instant,
        ttl: Duration,
        (per_network, total): (usize, usize),
    ) {
        let bytes: usize = files.iter().map(|f| f.sealed.as_bytes().len()).sum();
        self.prune(now, ttl);
        while self.bytes_of(network) + bytes > per_network && self.evict_from(Some(network)) {}
        while self.bytes + bytes > total && self.evict_from(None) {}
        self.bytes += bytes;
        self.by_token.insert(
            token,
            Draft {
                at: now,
                network,
                bytes,
                files,
            },
        );
    }

    /// Takes the files under `token` if kept less than `ttl` ago.
    pub(super) fn take(
        &mut self,
        token: &str,
        now: Instant,
        ttl: Duration,
    ) -> Option<Vec<NewAttachment>> {
        let draft = self.remove(token)?;
        (now.saturating_duration_since(draft.at) < ttl).then_some(draft.files)
    }

    fn remove(&mut self, token: &str) -> Option<Draft> {
        let draft = self.by_token.remove(token)?;
        self.bytes -= draft.bytes;
        Some(draft)
    }

    fn prune(&mut self, now: Instant, ttl: Duration) {
        let expired: Vec<String> = self
            .by_token
            .iter()
            .filter(|(_, d)| now.saturating_duration_since(d.at) >= ttl)
            .map(|(t, _)| t.clone())
            .collect();
        for token in expired {
            self.remove(&token);
        }
    }

    fn bytes_of(&self, network: NetworkKey) -> usize {
        self.by_token
            .values()
            .filter(|d| d.network == network)
            .map(|d| d.bytes)
            .sum()
    }

    /// Drops the oldest draft of `network`, or of the network holding the most if `None`.
    fn evict_from(&mut self, network: Option<NetworkKey>) -> bool {
        let network = match network {
            Some(n) => n,
            None => {
                let mut per: HashMap<NetworkKey, usize> = HashMap::new();
                for d in self.by_token.values() {
                    *per.entry(d.network).or_default() += d.bytes;
                }
                match per.into_iter().max_by_key(|(_, b)| *b) {
                    Some((n, _)) => n,
                    None => return false,
                }
            }
        };
        let oldest = self
            .by_token
            .iter()
            .filter(|(_, d)| d.network == network)
            .min_by_key(|(_, d)| d.at)
            .map(|(t, _)| t.clone());
        match oldest {
            Some(token) => self.remove(&token).is_some(),
            None => false,
        }
    }
}
