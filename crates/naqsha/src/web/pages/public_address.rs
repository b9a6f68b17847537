//! The site's own address, for links that must be absolute: the address to share on a story
//! page, the links of the printed report (`/stats/report`) and of an Atom feed, which a feed
//! reader follows from anywhere. One place, so that they agree on scheme and host.

use axum::http::{HeaderMap, header};

use crate::state::AppState;

/// The site's address without a trailing slash (`https://map.example.org`): the configured
/// `server.public_url`, else the scheme and `Host` of this request (only shown back to the
/// same visitor, and only if it looks like a host name), else none. Configure `public_url`
/// to make it exact.
pub fn base(state: &AppState, headers: &HeaderMap) -> Option<String> {
    if let Some(base) = &state.config().public_url {
        return Some(base.trim_end_matches('/').to_owned());
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })?;
    // A public site runs behind TLS; plain http is for a loopback address or a deployment
    // that turned secure cookies off for plain-http use.
    let loopback = ["localhost", "127.", "[::1]"]
        .iter()
        .any(|l| host.starts_with(l));
    let scheme = if state.config().secure_cookies && !loopback {
        "https"
    } else {
        "http"
    };
    Some(format!("{scheme}://{host}"))
}

/// The absolute address of `path` on this site ([`base`]), or the path alone when no base is
/// known (a static export without `public_url`).
pub fn absolute(state: &AppState, headers: &HeaderMap, path: &str) -> String {
    match base(state, headers) {
        Some(base) => format!("{base}{path}"),
        None => path.to_owned(),
    }
}
