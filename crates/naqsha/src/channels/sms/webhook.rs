//! `/sms/webhook`: a generic inbound webhook for SMS gateways other than SMSSync.
//!
//! The gateway posts a form (or JSON) with `from` (the sender), `to` (the gateway's own
//! number), `body` (the text) and `secret` (`[sms] webhook_secret`); it may add `message_id`
//! so that a retried delivery is stored once. The answer is JSON:
//! `{"success":true,"error":null,"reply":"…"}`, where `reply` is the SMS to send back to the
//! sender, or null when there is none (a later part of a report, STOP, or a number that
//! sent STOP). Failures are `{"success":false,"error":"…","reply":null}` with 403 (secret),
//! 400 (missing field), 404 (webhook off) or 500 (storage; retry).

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::fields::Fields;
use super::keys::{GatewayKeys, PhoneNumber};
use super::{Inbound, clean, receive};
use crate::state::AppState;

fn refuse(status: StatusCode, error: &str) -> Response {
    (
        status,
        Json(json!({ "success": false, "error": error, "reply": null })),
    )
        .into_response()
}

/// `POST /sms/webhook`.
pub async fn post(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(secret) = &state.config().sms.webhook_secret else {
        return refuse(
            StatusCode::NOT_FOUND,
            "the SMS webhook is not enabled on this server",
        );
    };
    let keys = GatewayKeys::derive(secret);
    let Some(fields) = Fields::read(&uri, &headers, &body) else {
        return refuse(StatusCode::BAD_REQUEST, "the request body cannot be read");
    };
    match fields.get("secret") {
        Some(given) if keys.accepts(given) => {}
        Some(_) => return refuse(StatusCode::FORBIDDEN, "the secret is wrong"),
        None => return refuse(StatusCode::FORBIDDEN, "the secret is missing"),
    }
    let Some(from) = fields.get("from").and_then(PhoneNumber::parse) else {
        return refuse(StatusCode::BAD_REQUEST, "the from field is missing");
    };
    let text = clean(fields.get("body").unwrap_or(""));
    if text.is_empty() {
        return refuse(StatusCode::BAD_REQUEST, "the body field is missing");
    }
    let seen_key = fields
        .get("message_id")
        .map(|id| keys.seen_key(fields.get("to").unwrap_or(""), id));
    match receive(
        &state,
        &keys,
        Inbound {
            from,
            text,
            seen_key,
        },
    )
    .await
    {
        Ok(received) => {
            let reply = received.replies.into_iter().next().map(|r| r.text);
            Json(json!({ "success": true, "error": null, "reply": reply })).into_response()
        }
        Err(err) => {
            let mut res = refuse(
                super::not_stored_status(&err),
                "the message could not be stored; please retry",
            );
            super::retry_after_failure(&err, &mut res);
            res
        }
    }
}
