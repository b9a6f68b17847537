//! Fetching a feed: one conditional GET with a neutral client (no cookies, no referrer,
//! a generic User-Agent), a time limit, and a cap on the body read into memory.
//!
//! Feeds are fetched only from public addresses: a feed URL (or a redirect, or a host name
//! that resolves) pointing at loopback, a private or link-local network or the like is
//! refused, so the feed form cannot be used to reach services inside the server's network.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{self, HeaderMap, HeaderValue};

use naqsha_core::news::{Feed, FetchError, FetchErrorKind};

/// The User-Agent sent to every feed: names the software, not the organisation or host.
pub const USER_AGENT: &str = "Naqsha-feed-reader/1";

/// What a fetch may take.
#[derive(Debug, Clone, Copy)]
pub struct FetchLimits {
    /// The whole request, connection to last byte.
    pub timeout: Duration,
    /// Connecting alone.
    pub connect_timeout: Duration,
    /// The largest body read; a larger one is refused.
    pub max_bytes: usize,
    /// Fetch from private and local addresses too (`[news] allow_private_hosts`, e.g. a feed
    /// server on the same network, or tests on loopback).
    pub allow_private_hosts: bool,
}

impl Default for FetchLimits {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_bytes: 5 * 1024 * 1024,
            allow_private_hosts: false,
        }
    }
}

/// A fetch's answer.
#[derive(Debug)]
pub enum Fetched {
    /// The feed is unchanged since the validators sent (304).
    NotModified,
    /// A new body, with its validators.
    Body {
        /// The bytes (at most the cap).
        bytes: Vec<u8>,
        /// `ETag`.
        etag: Option<String>,
        /// `Last-Modified`.
        last_modified: Option<String>,
    },
}

/// The HTTP client for feeds.
pub fn client(limits: &FetchLimits) -> reqwest::Result<reqwest::Client> {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::ACCEPT,
        HeaderValue::from_static(
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, \
             text/xml;q=0.9, */*;q=0.5",
        ),
    );
    // reqwest keeps no cookie store unless asked, sends no Referer once told, and sets no
    // other header of its own beyond Accept-Encoding-free defaults.
    let allow_private = limits.allow_private_hosts;
    let redirects = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= 5 {
            attempt.error("too many redirects")
        } else if !allow_private && literal_private(attempt.url()) {
            attempt.error(PrivateHost)
        } else {
            attempt.follow()
        }
    });
    let builder = reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .default_headers(headers)
        .referer(false)
        .redirect(redirects)
        .timeout(limits.timeout)
        .connect_timeout(limits.connect_timeout);
    if allow_private {
        builder.build()
    } else {
        builder.dns_resolver(Arc::new(PublicOnly)).build()
    }
}

/// Why a fetch was refused before connecting: the address is not public.
#[derive(Debug)]
struct PrivateHost;

impl std::fmt::Display for PrivateHost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the address is on a private or local network")
    }
}

impl std::error::Error for PrivateHost {}

/// Whether an address is reachable on the public internet (not loopback, private, shared,
/// link-local, multicast, documentation or otherwise reserved).
///
/// An IPv6 address that carries an IPv4 address — IPv4-mapped (`::ffff:0:0/96`), NAT64
/// (`64:ff9b::/96`, and the local-use `64:ff9b:1::/48`), 6to4 (`2002::/16`) or Teredo
/// (`2001::/32`) — reaches that IPv4 host through a translator or relay, so it is judged by
/// the IPv4 rule: `64:ff9b::a00:1` is 10.0.0.1. The deprecated IPv4-compatible range
/// (`::/96`) is refused outright: nothing legitimate is served from it.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(v4: Ipv4Addr) -> bool {
    let [a, b, c, _] = v4.octets();
    !(v4.is_loopback()
        || v4.is_private()
        || v4.is_link_local()
        || v4.is_unspecified()
        || v4.is_broadcast()
        || v4.is_multicast()
        || v4.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0)
        || (a == 192 && b == 88 && c == 99)
        || (a == 198 && (18..20).contains(&b))
        || a >= 240)
}

/// The IPv4 address in bits `from..from + 32` of an IPv6 address, skipping bits 64..72
/// (the "u" octet that RFC 6052 keeps zero) when the address runs over them.
fn embedded_v4(v6: Ipv6Addr, from: usize) -> Ipv4Addr {
    let bytes = v6.octets();
    let mut out = [0u8; 4];
    let mut at = from / 8;
    for o in &mut out {
        if at == 8 {
            at += 1;
        }
        *o = bytes[at];
        at += 1;
    }
    Ipv4Addr::from(out)
}

fn is_public_v6(v6: Ipv6Addr) -> bool {
    let s = v6.segments();
    // ::/96: the unspecified and loopback addresses, and the deprecated IPv4-compatible ones
    if s[..6] == [0; 6] {
        return false;
    }
    if let Some(v4) = v6.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    // NAT64, well-known prefix: 64:ff9b::/96 carries the IPv4 address in its last 32 bits
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return is_public_v4(embedded_v4(v6, 96));
    }
    // NAT64, local-use prefix 64:ff9b:1::/48: the operator picks a prefix of 48 to 96 bits,
    // so every place RFC 6052 allows must hold a public address
    if s[..3] == [0x64, 0xff9b, 1] {
        return [48, 56, 64, 96]
            .into_iter()
            .all(|from| is_public_v4(embedded_v4(v6, from)));
    }
    // any other address in 64:ff9b::/32 is reserved
    if s[..2] == [0x64, 0xff9b] {
        return false;
    }
    // 6to4: 2002:AABB:CCDD::/48 is the IPv4 host AA.BB.CC.DD
    if s[0] == 0x2002 {
        return is_public_v4(embedded_v4(v6, 16));
    }
    // Teredo: the server's IPv4 address in bits 32..64, the client's inverted in the last 32
    if s[..2] == [0x2001, 0] {
        let client = Ipv4Addr::from(!u32::from(embedded_v4(v6, 96)));
        return is_public_v4(embedded_v4(v6, 32)) && is_public_v4(client);
    }
    !(v6.is_multicast()
        // unique local fc00::/7, link-local fe80::/10, deprecated site-local fec0::/10
        || (s[0] & 0xfe00) == 0xfc00
        || (s[0] & 0xffc0) == 0xfe80
        || (s[0] & 0xffc0) == 0xfec0
        // discard-only 100::/64
        || s[..4] == [0x100, 0, 0, 0]
        // documentation 2001:db8::/32 and 3fff::/20, benchmarking 2001:2::/48,
        // ORCHID 2001:10::/28 and 2001:20::/28
        || s[..2] == [0x2001, 0x0db8]
        || (s[0] == 0x3fff && (s[1] & 0xf000) == 0)
        || s[..3] == [0x2001, 2, 0]
        || (s[0] == 0x2001 && (s[1] & 0xfff0) == 0x0020)
        || (s[0] == 0x2001 && (s[1] & 0xfff0) == 0x0010))
}

/// Whether the URL's host is an IP address that is not public (names are checked when they
/// resolve, by [`PublicOnly`]).
fn literal_private(url: &reqwest::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => !is_public(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => !is_public(IpAddr::V6(ip)),
        Some(url::Host::Domain(_)) => false,
        None => true,
    }
}

/// A resolver that hands the client only public addresses; a name with none is refused.
struct PublicOnly;

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        Box::pin(async move {
            let all: Vec<SocketAddr> = tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            let public: Vec<SocketAddr> = all.into_iter().filter(|a| is_public(a.ip())).collect();
            if public.is_empty() {
                return Err(Box::new(PrivateHost) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(public.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

fn failure(kind: FetchErrorKind, detail: impl Into<String>) -> FetchError {
    let mut detail: String = detail.into();
    if detail.chars().count() > 200 {
        detail = detail.chars().take(200).collect();
    }
    FetchError { kind, detail }
}

fn from_reqwest(e: &reqwest::Error) -> FetchError {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if s.is::<PrivateHost>() {
            return failure(FetchErrorKind::PrivateAddress, "");
        }
        source = s.source();
    }
    if e.is_timeout() {
        failure(FetchErrorKind::Timeout, "")
    } else if e.is_connect() {
        failure(FetchErrorKind::Connect, "")
    } else {
        failure(FetchErrorKind::Connect, without_url(e))
    }
}

/// The error's own words without the URL (which the admin page shows already).
fn without_url(e: &reqwest::Error) -> String {
    let mut s = e.to_string();
    if let Some(url) = e.url() {
        s = s
            .replace(&format!(" ({url})"), "")
            .replace(url.as_str(), "");
    }
    s
}

/// GETs `feed` with its validators as `If-None-Match` / `If-Modified-Since`.
pub async fn fetch(
    client: &reqwest::Client,
    feed: &Feed,
    limits: &FetchLimits,
) -> Result<Fetched, FetchError> {
    get(
        client,
        &feed.url,
        feed.etag.as_deref(),
        feed.last_modified.as_deref(),
        limits,
    )
    .await
}

/// GETs `url` with a client from [`client`], under the same rules as a news feed (public
/// addresses only unless allowed, the size cap), sending the validators given as
/// `If-None-Match` / `If-Modified-Since`. Federation pulls use it too.
pub async fn get(
    client: &reqwest::Client,
    url: &str,
    etag: Option<&str>,
    last_modified: Option<&str>,
    limits: &FetchLimits,
) -> Result<Fetched, FetchError> {
    if !limits.allow_private_hosts && reqwest::Url::parse(url).is_ok_and(|u| literal_private(&u)) {
        return Err(failure(FetchErrorKind::PrivateAddress, ""));
    }
    let mut req = client.get(url);
    if let Some(etag) = etag {
        req = req.header(header::IF_NONE_MATCH, etag);
    }
    if let Some(lm) = last_modified {
        req = req.header(header::IF_MODIFIED_SINCE, lm);
    }
    let mut resp = req.send().await.map_err(|e| from_reqwest(&e))?;
    let status = resp.status();
    if status == reqwest::StatusCode::NOT_MODIFIED {
        return Ok(Fetched::NotModified);
    }
    if !status.is_success() {
        return Err(failure(FetchErrorKind::Status, status.as_u16().to_string()));
    }
    let too_large = || failure(FetchErrorKind::TooLarge, limits.max_bytes.to_string());
    if resp
        .content_length()
        .is_some_and(|n| n > limits.max_bytes as u64)
    {
        return Err(too_large());
    }
    let header_text = |name: header::HeaderName| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let etag = header_text(header::ETAG);
    let last_modified = header_text(header::LAST_MODIFIED);
    let mut bytes = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(|e| from_reqwest(&e))? {
        if bytes.len() + chunk.len() > limits.max_bytes {
            return Err(too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Fetched::Body {
        bytes,
        etag,
        last_modified,
    })
}

/// Parses RSS 0.9–2.0, Atom 1.0 or JSON Feed.
pub fn parse(bytes: &[u8]) -> Result<feed_rs::model::Feed, FetchError> {
    feed_rs::parser::parse(bytes).map_err(|e| failure(FetchErrorKind::Parse, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public(ip: &str) -> bool {
        is_public(ip.parse().unwrap())
    }

    #[test]
    fn ipv4_compatible_addresses_are_refused() {
        for ip in [
            "::1",
            "::",
            "::127.0.0.1",
            "::10.0.0.1",
            "::8.8.8.8",
            "::ffff",
        ] {
            assert!(!public(ip), "{ip}");
        }
    }

    #[test]
    fn ipv4_mapped_addresses_follow_the_ipv4_rule() {
        for ip in [
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
        ] {
            assert!(!public(ip), "{ip}");
        }
        assert!(public("::ffff:8.8.8.8"));
    }

    #[test]
    fn nat64_addresses_follow_the_ipv4_rule() {
        for ip in [
            "64:ff9b::127.0.0.1",
            "64:ff9b::10.1.2.3",
            "64:ff9b::169.254.169.254",
            "64:ff9b::192.168.0.1",
            "64:ff9b::",
            // the rest of 64:ff9b::/32 is reserved
            "64:ff9b:2::1",
        ] {
            assert!(!public(ip), "{ip}");
        }
        assert!(public("64:ff9b::8.8.8.8"));
        assert!(public("64:ff9b::203.99.163.1"));
    }

    #[test]
    fn local_use_nat64_addresses_are_judged_wherever_an_ipv4_address_may_sit() {
        // 10.0.0.1 after a /48 prefix (bits 48..88, skipping the u octet), /64 and /96
        for ip in [
            "64:ff9b:1:a00:0:100::",
            "64:ff9b:1:0:a:0:100:0",
            "64:ff9b:1::a00:1",
            "64:ff9b:1::",
        ] {
            assert!(!public(ip), "{ip}");
        }
        // 8.8.8.8 at /96, where no other reading of the bits is private either
        assert!(public("64:ff9b:1:808:8:808:808:808"));
    }

    #[test]
    fn six_to_four_addresses_follow_the_ipv4_rule() {
        for ip in [
            "2002:7f00:1::1",
            "2002:a00:1::",
            "2002:c0a8:101::1",
            "2002::1",
        ] {
            assert!(!public(ip), "{ip}");
        }
        assert!(public("2002:808:808::1"));
    }

    #[test]
    fn teredo_addresses_follow_the_ipv4_rule_for_server_and_client() {
        // server 127.0.0.1
        assert!(!public("2001:0:7f00:1::8080:8080"));
        // client 10.0.0.1, stored inverted (f5ff:fffe)
        assert!(!public("2001:0:808:808::f5ff:fffe"));
        // server 8.8.8.8, client 8.8.8.8 (inverted f7f7:f7f7)
        assert!(public("2001:0:808:808::f7f7:f7f7"));
    }

    #[test]
    fn other_reserved_ipv6_ranges_are_refused() {
        for ip in [
            "fec0::1",
            "100::1",
            "2001:db8::1",
            "3fff::1",
            "2001:2::1",
            "2001:10::1",
            "2001:20::1",
        ] {
            assert!(!public(ip), "{ip}");
        }
        assert!(public("2a00:1450:4001::1"));
        assert!(public("2001:4860:4860::8888"));
    }

    #[test]
    fn only_public_addresses_are_public() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.9",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in [
            "1.1.1.1",
            "203.99.163.1",
            "2a00:1450:4001::1",
            "::ffff:8.8.8.8",
        ] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
        let url = |u: &str| reqwest::Url::parse(u).unwrap();
        assert!(literal_private(&url("http://127.0.0.1:8080/feed")));
        assert!(literal_private(&url("http://[::1]/feed")));
        assert!(!literal_private(&url("https://www.dawn.com/feeds/home")));
        assert!(!literal_private(&url("https://1.1.1.1/feed")));
    }
}
