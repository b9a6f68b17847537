//! Serialised public responses, kept per snapshot generation so that a repeated request is
//! answered without selecting or serialising again, and validated by ETag so that a client
//! holding the current body gets `304 Not Modified` and nothing else.
//!
//! Bounded by entries and by bytes; the least recently used entry goes first, and everything
//! goes when the generation changes (the data under every entry has then changed).

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use sha2::{Digest, Sha256};

/// How long browsers and proxies may reuse a public response without asking again; the
/// published data changes at most when a moderator publishes.
pub const CACHE_CONTROL: &str = "public, max-age=60";

/// A response body ready to send, with its validator.
#[derive(Debug)]
pub struct Cached {
    /// The strong ETag, quoted.
    pub etag: HeaderValue,
    /// The ETag of the gzip-compressed representation (the same with `-gz`), made once.
    gzip_etag: HeaderValue,
    /// The content type.
    pub content_type: &'static str,
    /// `Content-Disposition`, for downloads.
    pub disposition: Option<&'static str>,
    /// The body.
    pub body: Bytes,
    /// The body gzip-compressed, made at the first request that accepts it: a cached body is
    /// compressed once, not once per request (and no compression layer sees it again: see
    /// `web::COMPRESSED_BY_CACHE`). `None` when gzip does not make it smaller.
    gzip: std::sync::OnceLock<Option<Bytes>>,
}

impl Cached {
    /// A body for the response identified by `key` at `generation`.
    pub fn new(generation: u64, key: &str, content_type: &'static str, body: Vec<u8>) -> Self {
        let etag = etag(generation, key);
        let gzip_etag = gzip_etag(&etag);
        Self {
            etag,
            gzip_etag,
            content_type,
            disposition: None,
            body: Bytes::from(body),
            gzip: std::sync::OnceLock::new(),
        }
    }

    /// The same, sent as a file to save.
    pub fn attachment(mut self, disposition: &'static str) -> Self {
        self.disposition = Some(disposition);
        self
    }

    /// The body gzip-compressed, if that makes it smaller (not for a body of a few bytes).
    fn gzipped(&self) -> Option<&Bytes> {
        self.gzip
            .get_or_init(|| {
                use std::io::Write;
                if self.body.len() <= MIN_GZIP {
                    return None;
                }
                let mut enc = flate2::write::GzEncoder::new(
                    Vec::with_capacity(self.body.len() / 4),
                    flate2::Compression::default(),
                );
                // Writing into a Vec cannot fail.
                let _ = enc.write_all(&self.body);
                let gz = enc.finish().ok()?;
                (gz.len() < self.body.len()).then(|| Bytes::from(gz))
            })
            .as_ref()
    }

    /// The response to a request with `headers`: 304 without a body when its
    /// `If-None-Match` names this body, else 200 with it — gzip-compressed (from the cache)
    /// when the client accepts gzip. The compressed representation has its own ETag.
    pub fn respond(&self, headers: &HeaderMap) -> Response {
        let gzip = if accepts_gzip(headers) {
            self.gzipped()
        } else {
            None
        };
        let etag = if gzip.is_some() {
            self.gzip_etag.clone()
        } else {
            self.etag.clone()
        };
        let fresh = headers
            .get_all(header::IF_NONE_MATCH)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|tag| tag.trim())
            .any(|tag| tag == "*" || tag.trim_start_matches("W/").as_bytes() == etag.as_bytes());
        let mut res = if fresh {
            let mut res = Response::new(Body::empty());
            *res.status_mut() = StatusCode::NOT_MODIFIED;
            res
        } else {
            let body = gzip.unwrap_or(&self.body).clone();
            let mut res = Response::new(Body::from(body));
            let h = res.headers_mut();
            // Room for these, the security headers and the request id at once: the map is
            // not grown (and rehashed) twice on the way out.
            h.reserve(RESPONSE_HEADERS);
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(self.content_type),
            );
            if gzip.is_some() {
                h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            }
            if let Some(d) = self.disposition {
                h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static(d));
            }
            res
        };
        let h = res.headers_mut();
        h.insert(header::ETAG, etag);
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(CACHE_CONTROL),
        );
        res
    }
}

/// Bodies of at most this many bytes are sent as they are (the compression layer's own
/// threshold, which these responses had before they were compressed here).
const MIN_GZIP: usize = 32;

/// Headers a cached response leaves with: its own five, the security headers
/// (`crate::web::headers`) and the request id.
const RESPONSE_HEADERS: usize = 16;

/// The ETag of the gzip-compressed representation of the body tagged `etag`.
fn gzip_etag(etag: &HeaderValue) -> HeaderValue {
    let plain = etag.to_str().unwrap_or("\"\"").trim_matches('"');
    HeaderValue::from_str(&format!("\"{plain}-gz\"")).unwrap_or_else(|_| etag.clone())
}

/// Whether the request's `Accept-Encoding` allows gzip (and does not refuse it with q=0).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| {
                let p = p.trim().replace(' ', "");
                p == "q=0" || p == "q=0.0" || p == "q=0.00" || p == "q=0.000"
            });
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
        })
}

/// The ETag of the response identified by `key` at `generation`: a hash of both, so it
/// changes exactly when the data or the request does.
#[expect(
    clippy::expect_used,
    reason = "quoted hex digits are always a valid header value"
)]
pub fn etag(generation: u64, key: &str) -> HeaderValue {
    let mut hash = Sha256::new();
    hash.update(generation.to_be_bytes());
    hash.update(key.as_bytes());
    let digest = hash.finalize();
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    HeaderValue::from_str(&format!("\"{hex}\"")).expect("hex digits are a valid header value")
}

/// A small bounded cache of [`Cached`] bodies of one snapshot generation.
#[derive(Debug)]
pub struct ResponseCache {
    max_entries: usize,
    max_bytes: usize,
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    generation: u64,
    clock: u64,
    bytes: usize,
    entries: HashMap<String, Entry>,
}

#[derive(Debug)]
struct Entry {
    value: std::sync::Arc<Cached>,
    used: u64,
}

impl ResponseCache {
    /// A cache holding at most `max_entries` bodies and `max_bytes` bytes of them (a single
    /// larger body is still kept, alone).
    pub fn new(max_entries: usize, max_bytes: usize) -> Self {
        Self {
            max_entries: max_entries.max(1),
            max_bytes,
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The body stored for `key` at `generation`, if any.
    pub fn get(&self, generation: u64, key: &str) -> Option<std::sync::Arc<Cached>> {
        let mut inner = self.lock();
        if inner.generation != generation {
            return None;
        }
        inner.clock += 1;
        let now = inner.clock;
        let entry = inner.entries.get_mut(key)?;
        entry.used = now;
        Some(entry.value.clone())
    }

    /// Stores `value` for `key` at `generation` and returns it shared. Storing for a newer
    /// generation drops everything older; a body built from an older snapshot than the
    /// cache's is returned without being stored.
    pub fn insert(&self, generation: u64, key: String, value: Cached) -> std::sync::Arc<Cached> {
        let value = std::sync::Arc::new(value);
        let mut inner = self.lock();
        if generation < inner.generation {
            return value;
        }
        if generation > inner.generation || inner.entries.is_empty() {
            inner.entries.clear();
            inner.bytes = 0;
            inner.generation = generation;
        }
        inner.clock += 1;
        let used = inner.clock;
        let size = value.body.len();
        if let Some(old) = inner.entries.insert(
            key,
            Entry {
                value: value.clone(),
                used,
            },
        ) {
            inner.bytes -= old.value.body.len();
        }
        inner.bytes += size;
        while inner.entries.len() > 1
            && (inner.entries.len() > self.max_entries || inner.bytes > self.max_bytes)
        {
            let Some(oldest) = inner
                .entries
                .iter()
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some(gone) = inner.entries.remove(&oldest) {
                inner.bytes -= gone.value.body.len();
            }
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(n: usize) -> Cached {
        Cached::new(1, "k", "application/json", vec![b'x'; n])
    }

    #[test]
    fn bounded_by_entries_and_bytes_least_recently_used_first() {
        let cache = ResponseCache::new(2, 100);
        cache.insert(1, "a".into(), body(10));
        cache.insert(1, "b".into(), body(10));
        assert!(cache.get(1, "a").is_some());
        cache.insert(1, "c".into(), body(10));
        assert!(cache.get(1, "b").is_none(), "b was the least recently used");
        assert!(cache.get(1, "a").is_some() && cache.get(1, "c").is_some());
        cache.insert(1, "big".into(), body(95));
        assert!(cache.get(1, "big").is_some());
        assert!(cache.get(1, "a").is_none() && cache.get(1, "c").is_none());
    }

    #[test]
    fn a_new_generation_drops_the_old_and_an_old_one_is_not_stored() {
        let cache = ResponseCache::new(8, 1000);
        cache.insert(1, "a".into(), body(1));
        assert!(cache.get(2, "a").is_none());
        cache.insert(2, "b".into(), body(1));
        assert!(cache.get(1, "a").is_none());
        cache.insert(1, "a".into(), body(1));
        assert!(cache.get(1, "a").is_none() && cache.get(2, "b").is_some());
    }

    #[test]
    fn etags_change_with_generation_and_key_and_match_if_none_match() {
        assert_ne!(etag(1, "a"), etag(2, "a"));
        assert_ne!(etag(1, "a"), etag(1, "b"));
        let cached = Cached::new(3, "q", "application/json", b"{}".to_vec());
        let mut headers = HeaderMap::new();
        assert_eq!(cached.respond(&headers).status(), StatusCode::OK);
        let tag = cached.etag.to_str().unwrap().to_owned();
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_str(&format!("\"other\", W/{tag}")).unwrap(),
        );
        let res = cached.respond(&headers);
        assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(res.headers()[header::CACHE_CONTROL], CACHE_CONTROL);
        assert!(res.headers().get(header::CONTENT_TYPE).is_none());
    }

    #[tokio::test]
    async fn gzip_is_made_once_and_has_its_own_etag() {
        use http_body_util::BodyExt;
        let body = "{\"features\": []} ".repeat(200).into_bytes();
        let cached = Cached::new(1, "q", "application/json", body.clone());
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("br, gzip"),
        );
        let res = cached.respond(&headers);
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "gzip");
        let gz_tag = res.headers()[header::ETAG].clone();
        assert_ne!(gz_tag, cached.etag);
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let mut plain = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut plain)
            .unwrap();
        assert_eq!(plain, body);
        headers.insert(header::IF_NONE_MATCH, gz_tag);
        assert_eq!(cached.respond(&headers).status(), StatusCode::NOT_MODIFIED);
        let mut refused = HeaderMap::new();
        refused.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("gzip;q=0"),
        );
        assert!(
            cached
                .respond(&refused)
                .headers()
                .get(header::CONTENT_ENCODING)
                .is_none()
        );
    }

    #[test]
    fn a_body_gzip_would_not_shrink_is_sent_as_it_is() {
        let mut gzip = HeaderMap::new();
        gzip.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip"));
        let tiny = Cached::new(1, "tiny", "application/json", b"{\"total\":0}".to_vec());
        let res = tiny.respond(&gzip);
        assert!(res.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(res.headers()[header::ETAG], tiny.etag);
        // Two hundred bytes of hash output: nothing for gzip to find.
        let noise: Vec<u8> = (0u8..7).flat_map(|i| Sha256::digest([i])).collect();
        let noise = Cached::new(1, "noise", "application/octet-stream", noise);
        assert!(
            noise
                .respond(&gzip)
                .headers()
                .get(header::CONTENT_ENCODING)
                .is_none()
        );
        // A small body that does shrink is compressed, as the compression layer did.
        let counts = "{\"province\":\"pk-pb\",\"count\":12},".repeat(8);
        let counts = Cached::new(1, "counts", "application/json", counts.into_bytes());
        assert_eq!(
            counts.respond(&gzip).headers()[header::CONTENT_ENCODING],
            "gzip"
        );
    }
}
