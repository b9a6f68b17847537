//! The identity of one `serve` process among several over one database (`[server] node`,
//! `NAQSHA_NODE`). Staff sessions record the node that holds their key, so a node can tell
//! its own sessions from another's and never ends or forgets those.

use std::fmt;
use std::net::SocketAddr;

use sha2::{Digest, Sha256};

/// Characters a node id may have at most.
pub const MAX_LEN: usize = 32;

/// A node's id: 1 to [`MAX_LEN`] characters of `a-z`, `0-9` and `-`, not starting or ending
/// with `-` (it appears in logs and in the database, never in a URL).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NodeId(String);

/// Why a text is not a node id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "expected 1 to {MAX_LEN} characters of a-z, 0-9 and '-' (not first or last), like web-1, got {0:?}"
)]
pub struct BadNodeId(pub String);

impl NodeId {
    /// Parses a configured node id.
    pub fn parse(text: &str) -> Result<Self, BadNodeId> {
        let ok = !text.is_empty()
            && text.len() <= MAX_LEN
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !text.starts_with('-')
            && !text.ends_with('-');
        if ok {
            Ok(Self(text.to_owned()))
        } else {
            Err(BadNodeId(text.to_owned()))
        }
    }

    /// The id of a node nobody named: the host name (lower-cased, other characters as `-`,
    /// at most 20 of them) and six hex digits of a hash of the host name and the listen
    /// address. The same machine and address give the same id after a restart; two nodes on
    /// one machine differ by their address.
    pub fn derived(host: &str, bind: SocketAddr) -> Self {
        let mut name: String = host
            .trim()
            .chars()
            .map(|c| match c.to_ascii_lowercase() {
                c @ ('a'..='z' | '0'..='9') => c,
                _ => '-',
            })
            .take(20)
            .collect();
        name = name.trim_matches('-').to_owned();
        if name.is_empty() {
            name = "node".to_owned();
        }
        let digest = Sha256::digest(format!("{}\0{bind}", host.trim()).as_bytes());
        let tag: String = digest[..3].iter().map(|b| format!("{b:02x}")).collect();
        Self(format!("{name}-{tag}"))
    }

    /// The id derived for this machine's host name and `bind` ([`NodeId::derived`]).
    pub fn for_this_host(bind: SocketAddr) -> Self {
        Self::derived(&host_name(), bind)
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// This machine's host name, as the kernel or `/etc/hostname` says; `HOSTNAME` otherwise;
/// empty when none can be found (the id then starts with `node`).
fn host_name() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|s| s.trim().to_owned())
        .find(|s| !s.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_ids_are_short_lowercase_words() {
        for ok in ["web-1", "a", "node2", &"x".repeat(MAX_LEN)] {
            assert_eq!(NodeId::parse(ok).unwrap().as_str(), ok);
        }
        for bad in [
            "",
            "Web-1",
            "web_1",
            "web 1",
            "-web",
            "web-",
            "wéb",
            &"x".repeat(MAX_LEN + 1),
        ] {
            assert!(NodeId::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_derived_id_is_stable_valid_and_differs_by_address() {
        let a: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        let b: SocketAddr = "127.0.0.1:8081".parse().unwrap();
        let id = NodeId::derived("Web1.Example.ORG", a);
        assert_eq!(id, NodeId::derived("Web1.Example.ORG", a), "stable");
        assert!(id.as_str().starts_with("web1-example-org-"), "{id}");
        assert_ne!(id, NodeId::derived("Web1.Example.ORG", b));
        assert_ne!(id, NodeId::derived("web2.example.org", a));
        for host in [
            "",
            "---",
            "a-very-long-host-name-of-a-cloud-machine.internal",
            "ü",
        ] {
            let id = NodeId::derived(host, a);
            assert_eq!(NodeId::parse(id.as_str()), Ok(id.clone()), "{host:?}");
        }
        assert_eq!(
            NodeId::parse(NodeId::for_this_host(a).as_str()),
            Ok(NodeId::for_this_host(a))
        );
    }
}
