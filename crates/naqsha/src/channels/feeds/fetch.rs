//! Fetching a feed: one conditional GET with a neutral client (no cookies, no referrer,
//! a generic User-Agent), a time limit, and a cap on the body read into memory.

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
}

impl Default for FetchLimits {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_bytes: 5 * 1024 * 1024,
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
    reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .default_headers(headers)
        .referer(false)
        .redirect(reqwest::redirect::Policy::limited(5))
        .timeout(limits.timeout)
        .connect_timeout(limits.connect_timeout)
        .build()
}

fn failure(kind: FetchErrorKind, detail: impl Into<String>) -> FetchError {
    let mut detail: String = detail.into();
    if detail.chars().count() > 200 {
        detail = detail.chars().take(200).collect();
    }
    FetchError { kind, detail }
}

fn from_reqwest(e: &reqwest::Error) -> FetchError {
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
