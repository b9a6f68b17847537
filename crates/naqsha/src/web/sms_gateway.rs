//! The SMS gateways' routes: the client's network is read here, in the web layer, and the
//! channel (`channels::sms`) does the rest.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;

use super::client::ClientNetwork;
use crate::channels::sms;
use crate::state::AppState;

/// `GET /sms/smssync`.
pub async fn smssync_get(
    State(state): State<AppState>,
    ClientNetwork(network): ClientNetwork,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    sms::smssync::get(state, network, uri, headers).await
}

/// `POST /sms/smssync`.
pub async fn smssync_post(
    State(state): State<AppState>,
    ClientNetwork(network): ClientNetwork,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    sms::smssync::post(state, network, uri, headers, body).await
}

/// `POST /sms/webhook`.
pub async fn webhook_post(
    State(state): State<AppState>,
    ClientNetwork(network): ClientNetwork,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    sms::webhook::post(state, network, uri, headers, body).await
}
