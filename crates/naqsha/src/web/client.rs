//! The one place a visitor's address is read: it is turned at once into an opaque network
//! key (an HMAC of the /24 or /64 prefix under a salt that lives only in memory and rotates
//! daily) and dropped. It is never stored, logged or passed on.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Instant;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::abuse::NetworkKey;
use crate::state::AppState;

/// The requesting client's network, as an opaque rate-limit key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientNetwork(pub NetworkKey);

/// The client address: from the trusted proxy header when one is configured (its last
/// entry, which the proxy itself appended), else the TCP peer.
fn client_ip(parts: &Parts, state: &AppState) -> IpAddr {
    if let Some(header) = state.config().client_ip_header.as_deref() {
        let from_proxy = parts
            .headers
            .get_all(header)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|s| s.trim().parse::<IpAddr>().ok())
            .next_back();
        if let Some(ip) = from_proxy {
            return ip;
        }
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

impl FromRequestParts<AppState> for ClientNetwork {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ip = client_ip(parts, state);
        Ok(ClientNetwork(
            state.intake().keyer.key_for(ip, Instant::now()),
        ))
    }
}
