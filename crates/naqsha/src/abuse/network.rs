//! The opaque key rate limits use instead of an address: an HMAC of the client's network
//! prefix (/24 for IPv4, /64 for IPv6) under a salt that never leaves the servers' memory
//! (and, with several nodes, PostgreSQL's unlogged table of shared secrets).
//!
//! The address itself is never stored: it goes into the HMAC and is dropped. The salt is one
//! per UTC day, agreed by every node ([`super::shared_secret`]) so that a network has one
//! key, one bucket and one draft allowance however its requests are spread; it is deleted
//! when the day is over, so a key cannot be linked to a network afterwards, and a memory
//! image yields keys for one day at most (an IPv4 /24 has only 2^24 values, so anyone holding
//! the salt could enumerate them; that is why the salt is kept nowhere else).
//!
//! No grace window: the previous salt is dropped at rotation. Keeping it would mean two HMACs
//! and two bucket look-ups per request to carry a network's bucket across midnight, whereas
//! dropping it only gives every network one fresh burst per day; the global flood detector
//! (`rate_limit`) counts all networks together and is not reset by a rotation.

use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::shared_secret::{Purpose, SharedSecrets};

/// How often the salt is replaced.
pub const SALT_ROTATION: Duration = Duration::from_secs(24 * 60 * 60);

/// An opaque, salted key of a client's network. Debug does not show it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct NetworkKey([u8; 16]);

impl NetworkKey {
    /// The first byte, used to pick a shard.
    pub(crate) fn shard_byte(&self) -> u8 {
        self.0[0]
    }

    /// The key's bytes, to store beside what it limits.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    /// A key from raw bytes, for tests of code that consumes keys.
    #[cfg(test)]
    pub(crate) fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(bytes)
    }
}

impl fmt::Debug for NetworkKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NetworkKey(..)")
    }
}

/// Turns client addresses into [`NetworkKey`]s under a salt rotated every [`SALT_ROTATION`].
pub struct NetworkKeyer {
    purpose: Purpose,
    secrets: Arc<SharedSecrets>,
}

impl NetworkKeyer {
    /// A keyer with a salt of this process alone.
    pub fn new(_now: Instant) -> Self {
        Self::shared(Arc::new(SharedSecrets::local()))
    }

    /// A keyer whose salt is agreed through `secrets`.
    pub fn shared(secrets: Arc<SharedSecrets>) -> Self {
        Self {
            purpose: Purpose {
                name: "network",
                period: SALT_ROTATION,
                keep_previous: false,
            },
            secrets,
        }
    }

    /// What the salt is kept under, to load it before serving.
    pub(crate) fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// The key of the network `ip` belongs to. IPv4-mapped IPv6 addresses count as IPv4.
    pub fn key_for(&self, ip: IpAddr, now: Instant) -> NetworkKey {
        // The prefix is tagged with its family so a v4 /24 and a v6 /64 never collide.
        let mut prefix = [0u8; 9];
        let prefix: &[u8] = match ip.to_canonical() {
            IpAddr::V4(v4) => {
                prefix[0] = 4;
                prefix[1..4].copy_from_slice(&v4.octets()[..3]);
                &prefix[..4]
            }
            IpAddr::V6(v6) => {
                prefix[0] = 6;
                prefix[1..9].copy_from_slice(&v6.octets()[..8]);
                &prefix[..9]
            }
        };
        let salt = self.secrets.signing(&self.purpose, now);
        let mut mac = Hmac::<Sha256>::new_from_slice(&salt[..])
            .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
        drop(salt);
        mac.update(prefix);
        let tag = mac.finalize().into_bytes();
        let mut key = [0u8; 16];
        key.copy_from_slice(&tag[..16]);
        NetworkKey(key)
    }
}

impl fmt::Debug for NetworkKeyer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NetworkKeyer(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn same_ipv4_slash_24_shares_a_key() {
        let t0 = Instant::now();
        let k = NetworkKeyer::new(t0);
        assert_eq!(
            k.key_for(ip("203.0.113.7"), t0),
            k.key_for(ip("203.0.113.250"), t0)
        );
        assert_ne!(
            k.key_for(ip("203.0.113.7"), t0),
            k.key_for(ip("203.0.114.7"), t0)
        );
        assert_ne!(
            k.key_for(ip("203.0.113.7"), t0),
            k.key_for(ip("204.0.113.7"), t0)
        );
    }

    #[test]
    fn same_ipv6_slash_64_shares_a_key() {
        let t0 = Instant::now();
        let k = NetworkKeyer::new(t0);
        assert_eq!(
            k.key_for(ip("2001:db8:1:2::1"), t0),
            k.key_for(ip("2001:db8:1:2:ffff:ffff:ffff:ffff"), t0)
        );
        assert_ne!(
            k.key_for(ip("2001:db8:1:2::1"), t0),
            k.key_for(ip("2001:db8:1:3::1"), t0)
        );
    }

    #[test]
    fn ipv4_mapped_ipv6_is_its_ipv4_network() {
        let t0 = Instant::now();
        let k = NetworkKeyer::new(t0);
        assert_eq!(
            k.key_for(ip("::ffff:198.51.100.9"), t0),
            k.key_for(ip("198.51.100.20"), t0)
        );
        // An IPv6 address whose first bytes look like an IPv4 prefix is another network.
        assert_ne!(
            k.key_for(ip("c633:6400::"), t0),
            k.key_for(ip("198.51.100.20"), t0)
        );
    }

    #[test]
    fn rotation_changes_every_key_and_only_keyers_sharing_secrets_agree() {
        use super::super::shared_secret::Clock;
        let t0 = Instant::now();
        // Ten seconds before midnight UTC.
        let secrets = Arc::new(SharedSecrets::with_clock(
            None,
            Clock::at(t0, 20_000 * 86_400_000 - 10_000),
        ));
        let k = NetworkKeyer::shared(secrets.clone());
        let before = k.key_for(ip("203.0.113.7"), t0);
        let just_before = t0 + Duration::from_secs(9);
        assert_eq!(k.key_for(ip("203.0.113.7"), just_before), before);
        let midnight = t0 + Duration::from_secs(10);
        let after = k.key_for(ip("203.0.113.7"), midnight);
        assert_ne!(after, before);
        assert_eq!(k.key_for(ip("203.0.113.99"), midnight), after);
        let same_secrets = NetworkKeyer::shared(secrets);
        assert_eq!(same_secrets.key_for(ip("203.0.113.7"), t0), before);
        let other = NetworkKeyer::new(t0);
        assert_ne!(other.key_for(ip("203.0.113.7"), t0), before);
    }

    #[test]
    fn debug_reveals_neither_salt_nor_key() {
        let t0 = Instant::now();
        let k = NetworkKeyer::new(t0);
        let key = k.key_for(ip("203.0.113.7"), t0);
        // Exact strings: a derived Debug would print the bytes.
        assert_eq!(format!("{k:?}"), "NetworkKeyer(..)");
        assert_eq!(format!("{key:?}"), "NetworkKey(..)");
    }
}
