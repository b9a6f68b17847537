//! The WhatsApp and Telegram webhooks: the client's network is read here, in the web layer,
//! and the channels (`channels::whatsapp`, `channels::telegram`) do the rest.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;

use super::client::ClientNetwork;
use crate::channels::{telegram, whatsapp};
use crate::state::AppState;

/// `GET /whatsapp/webhook`: Meta's verification handshake.
pub async fn whatsapp_verify(
    State(state): State<AppState>,
    ClientNetwork(network): ClientNetwork,
    uri: Uri,
) -> Response {
    whatsapp::verify(state, network, uri).await
}

/// `POST /whatsapp/webhook`.
pub async fn whatsapp_notify(
    State(state): State<AppState>,
    ClientNetwork(network): ClientNetwork,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    whatsapp::notify(state, network, headers, body).await
}

/// `POST /telegram/webhook`.
pub async fn telegram_update(
    State(state): State<AppState>,
    ClientNetwork(network): ClientNetwork,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    telegram::update(state, network, headers, body).await
}
