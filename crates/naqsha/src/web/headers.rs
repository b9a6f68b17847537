//! The browser policy every response carries, in one table applied by one layer.

use axum::http::{HeaderName, HeaderValue, header};
use axum::response::Response;

/// Headers set on every response. A handler that needs a different value for one of them
/// sets it itself and takes responsibility, or asks for a [`PolicyExceptions`].
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("referrer-policy", "no-referrer"),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ),
];

/// The Content-Security-Policy of every page that asks for no [`PolicyExceptions`].
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; \
     base-uri 'none'; frame-ancestors 'none'";

/// Sent only when the site is configured with an `https://` public URL: over plain HTTP
/// (local use) it would be ignored, and behind a misconfigured proxy it could lock users out.
pub const HSTS: &str = "max-age=63072000; includeSubDomains";

/// The cache policy of a response that chose none: a page read on a shared phone should
/// leave no copy in the browser's cache. Assets set their own.
const DEFAULT_CACHE_CONTROL: &str = "no-store";

/// Put in a response's extensions by a handler whose page needs more than the default
/// policy allows; [`apply`] widens only what it names, for that response only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicyExceptions {
    /// Other sites may frame the page (the embed route): no `frame-ancestors 'none'` and no
    /// `X-Frame-Options`, and the page may be loaded across origins.
    pub framable: bool,
    /// One more origin images may come from (the configured map tile server).
    pub img_origin: Option<String>,
}

impl PolicyExceptions {
    /// The Content-Security-Policy with these exceptions.
    fn content_security_policy(&self) -> String {
        let mut csp = CONTENT_SECURITY_POLICY.to_owned();
        if let Some(origin) = &self.img_origin {
            csp = csp.replace(
                "img-src 'self' data:",
                &format!("img-src 'self' data: {origin}"),
            );
        }
        if self.framable {
            csp = csp.replace("; frame-ancestors 'none'", "");
        }
        csp
    }
}

/// [`SECURITY_HEADERS`] as header names and values, parsed once rather than on every
/// response.
fn parsed() -> &'static [(HeaderName, HeaderValue)] {
    static PARSED: std::sync::LazyLock<Vec<(HeaderName, HeaderValue)>> =
        std::sync::LazyLock::new(|| {
            SECURITY_HEADERS
                .iter()
                .map(|(name, value)| {
                    (
                        HeaderName::from_static(name),
                        HeaderValue::from_static(value),
                    )
                })
                .collect()
        });
    &PARSED
}

/// Adds the security headers (and HSTS when `hsts`) to a response, widened by the
/// response's [`PolicyExceptions`] if its handler set any.
pub fn apply(res: &mut Response, hsts: bool) {
    let exceptions = res.extensions_mut().remove::<PolicyExceptions>();
    let headers = res.headers_mut();
    let framable = exceptions.as_ref().is_some_and(|e| e.framable);
    if let Some(exceptions) = exceptions
        && let Ok(csp) = HeaderValue::from_str(&exceptions.content_security_policy())
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    for (name, value) in parsed() {
        let value = match name.as_str() {
            "x-frame-options" if framable => continue,
            "cross-origin-resource-policy" if framable => HeaderValue::from_static("cross-origin"),
            _ => value.clone(),
        };
        headers.entry(name).or_insert(value);
    }
    if hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static(DEFAULT_CACHE_CONTROL));
}

/// Tells Tor Browser that the site has an onion service (`[server] onion_address`): an HTML
/// page of the public side answered on the ordinary address carries `Onion-Location` with the
/// same path and query on the onion (Tor Browser heeds it only over https, and offers the
/// onion; other browsers ignore it). On the onion itself, i.e. a request whose `Host` is an
/// onion, there is no such header and no HSTS: the onion is plain http with Tor's own
/// encryption, and no certificate. Used only when an onion address is configured, after the
/// other security headers, so that on the onion it can take HSTS away again.
pub(crate) struct OnionLocation {
    on_onion: bool,
    /// The onion URL of a public page request (`GET`/`HEAD` outside the workspace).
    page: Option<String>,
}

impl OnionLocation {
    /// What `req` (answered on a site with the onion address `onion`) decides.
    pub(crate) fn for_request(onion: &str, req: &axum::extract::Request) -> Self {
        let on_onion = req
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map(|h| h.rsplit_once(':').map_or(h, |(host, _port)| host))
            .is_some_and(|host| host.to_ascii_lowercase().ends_with(".onion"));
        let page = (!on_onion
            && (req.method() == axum::http::Method::GET
                || req.method() == axum::http::Method::HEAD)
            && !is_staff_path(req.uri().path()))
        .then(|| {
            let target = req.uri().path_and_query().map_or("/", |pq| pq.as_str());
            format!("http://{onion}{target}")
        });
        Self { on_onion, page }
    }

    /// Takes HSTS away on the onion, or adds `Onion-Location` to an HTML page.
    pub(crate) fn apply(self, res: &mut Response) {
        let headers = res.headers_mut();
        if self.on_onion {
            headers.remove(header::STRICT_TRANSPORT_SECURITY);
            return;
        }
        let html = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        if html
            && let Some(url) = self.page
            && let Ok(value) = HeaderValue::from_str(&url)
        {
            headers.insert(HeaderName::from_static("onion-location"), value);
        }
    }
}

/// The staff workspace's paths, which are not advertised on the onion.
fn is_staff_path(path: &str) -> bool {
    path == "/admin" || path.starts_with("/admin/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers_of(exceptions: Option<PolicyExceptions>) -> axum::http::HeaderMap {
        let mut res = Response::new(axum::body::Body::empty());
        if let Some(e) = exceptions {
            res.extensions_mut().insert(e);
        }
        apply(&mut res, false);
        res.headers().clone()
    }

    #[test]
    fn only_a_framable_page_may_be_framed() {
        let default = headers_of(None);
        let csp = default["content-security-policy"].to_str().unwrap();
        assert!(csp.ends_with("frame-ancestors 'none'"), "{csp}");
        assert_eq!(default["x-frame-options"], "DENY");

        let framed = headers_of(Some(PolicyExceptions {
            framable: true,
            img_origin: None,
        }));
        let csp = framed["content-security-policy"].to_str().unwrap();
        assert!(!csp.contains("frame-ancestors"), "{csp}");
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe"),
            "{csp}"
        );
        assert!(framed.get("x-frame-options").is_none());
        assert_eq!(framed["cross-origin-resource-policy"], "cross-origin");
    }

    #[test]
    fn a_tile_origin_widens_only_images() {
        let h = headers_of(Some(PolicyExceptions {
            framable: false,
            img_origin: Some("https://tiles.example.org".into()),
        }));
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("img-src 'self' data: https://tiles.example.org;"),
            "{csp}"
        );
        assert!(csp.contains("connect-src 'self';") && csp.ends_with("frame-ancestors 'none'"));
        assert_eq!(h["x-frame-options"], "DENY");
    }
}
