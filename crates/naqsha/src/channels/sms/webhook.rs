//! `/sms/webhook`: a generic inbound webhook for SMS gateways other than SMSSync.
//!
//! The gateway posts a form (or JSON) with `from` (the sender), `to` (the gateway's own
//! number), `body` (the text) and `secret` (`[sms] webhook_secret`); it may add `message_id`
//! so that a retried delivery is stored once. The answer is JSON:
//! `{"success":true,"error":null,"reply":"…"}`, where `reply` is the SMS to send back to the
//! sender, or null when there is none (a later part of a report, STOP, or a number that
//! sent STOP). Failures are `{"success":false,"error":"…","reply":null}` with 403 (secret),
//! 400 (missing field), 404 (webhook off), 429 with `Retry-After` (too many wrong secrets from
//! this network, the secret not checked: see [`super::guard`]) or 500 (storage; retry).

use axum::Json;
use axum::body::Bytes;
use std::time::Instant;

use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::fields::Fields;
use super::guard::Verdict;
use super::keys::{GatewayKeys, PhoneNumber};
use super::{Inbound, clean, receive};
use crate::abuse::retry_after_secs;
use crate::channels::Context;

fn refuse(status: StatusCode, error: &str) -> Response {
    (
        status,
        Json(json!({ "success": false, "error": error, "reply": null })),
    )
        .into_response()
}

/// `POST /sms/webhook`, from the client network `network`.
pub async fn post(
    state: impl Context,
    network: crate::abuse::NetworkKey,
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
    let keys = GatewayKeys::derive(secret.expose());
    let Some(fields) = Fields::read(&uri, &headers, &body) else {
        return refuse(StatusCode::BAD_REQUEST, "the request body cannot be read");
    };
    let verdict = state.sms().guard.check(
        &state.intake().limiter,
        &keys,
        fields.get("secret"),
        network,
        Instant::now(),
    );
    match verdict {
        Verdict::Accepted => {}
        Verdict::Wrong => return refuse(StatusCode::FORBIDDEN, "the secret is wrong"),
        Verdict::Missing => return refuse(StatusCode::FORBIDDEN, "the secret is missing"),
        Verdict::Throttled { retry_after } => {
            let mut res = refuse(
                StatusCode::TOO_MANY_REQUESTS,
                "too many wrong secrets from this network; retry later",
            );
            res.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(retry_after_secs(retry_after)),
            );
            return res;
        }
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
