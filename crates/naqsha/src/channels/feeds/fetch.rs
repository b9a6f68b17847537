//! Fetching a feed: one conditional GET with a neutral client (no cookies, no referrer,
//! a generic User-Agent), a time limit, and a cap on the body read into memory.
//!
//! Feeds are fetched only from public addresses: a feed URL (or a redirect, or a host name
//! that resolves) pointing at loopback, a private or link-local network or the like is
//! refused, so the feed form cannot be used to reach services inside the server's network.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{self, HeaderMap, HeaderValue};

use super::model::{Feed, FetchError, FetchErrorKind};

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
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
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
                || (a == 198 && (18..20).contains(&b))
                || a >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || first == 0x2001 && v6.segments()[1] == 0x0db8)
        }
    }
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
    if !limits.allow_private_hosts
        && reqwest::Url::parse(&feed.url).is_ok_and(|u| literal_private(&u))
    {
        return Err(failure(FetchErrorKind::PrivateAddress, ""));
    }
    let mut req = client.get(&feed.url);
    if let Some(etag) = &feed.etag {
        req = req.header(header::IF_NONE_MATCH, etag);
    }
    if let Some(lm) = &feed.last_modified {
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
