//! `/sms/smssync`: the Sync URL of the SMSSync Android app (Ushahidi's SMS gateway).
//!
//! What the app does, and what it gets:
//!
//! - `POST` (or `PUT`, as the app's sync URL may be set) with the fields `from`, `message`,
//!   `message_id`, `sent_to`, `secret`, `device_id`, `sent_timestamp` (a form, JSON or XML
//!   `<payload>…</payload>`, as the app's data format is set) for each SMS the phone
//!   receives. Answer: `{"payload":{"success":true,"error":null,"messages":[…]}}` with
//!   the instant replies (`{"to","message","uuid"}`, sent when "Get reply from server" is on),
//!   `"task":"send"` when there are any. The app reads `messages` without checking for it,
//!   so the list is always there, empty when there is nothing to send. A wrong or missing
//!   secret is 403, a missing `from` or `message` 400, both with `success: false` and the
//!   reason in `error`.
//! - `GET ?task=send&secret=…` (task checking): the replies waiting in the outbox, with the
//!   secret echoed back as the app requires. The outbox is shared by every node, and each
//!   reply is handed to one fetch (see [`super::outbox`]).
//! - `POST ?task=sent` with `{"queued_messages":[uuids]}` (Message Results API): the app took
//!   these replies; the answer `{"message_uuids":[…]}` lists those it may send. The app sends
//!   no secret with this request; it is accepted because the uuids are random and known only
//!   to whoever fetched them with the secret (a secret, when given, must still be right).
//! - `GET ?task=result&secret=…`: `{"message_uuids":[…]}` of replies awaiting a delivery
//!   report; `POST ?task=result&secret=…` with `{"message_result":[{uuid, sent_result_code,
//!   …}]}` delivers them, and those replies are forgotten.
//!
//! Too many wrong secrets from one network: 429 with `Retry-After` and `success: false`, the
//! secret not checked (see [`super::guard`]). The app keeps an SMS it could not deliver and
//! sends it again.

use std::time::{Duration, Instant};

use axum::Json;
use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::fields::Fields;
use super::guard::Verdict;
use super::keys::{GatewayKeys, PhoneNumber};
use super::outbox;
use super::{Inbound, clean, receive};
use crate::abuse::{NetworkKey, retry_after_secs};
use crate::channels::Context;

/// A failure in the shape the app understands, with how long to wait when throttled.
struct Refusal(StatusCode, &'static str, Option<Duration>);

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let mut res = (
            self.0,
            Json(json!({ "payload": { "success": false, "error": self.1 } })),
        )
            .into_response();
        if let Some(wait) = self.2 {
            res.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(retry_after_secs(wait)),
            );
        }
        res
    }
}

fn refuse(status: StatusCode, error: &'static str) -> Response {
    Refusal(status, error, None).into_response()
}

/// The gateway's keys and secret, or the answer when it is off.
fn keys(state: &impl Context) -> Result<(GatewayKeys, String), Refusal> {
    match &state.config().smssync_secret {
        Some(secret) => Ok((
            GatewayKeys::derive(secret.expose()),
            secret.expose().to_owned(),
        )),
        None => Err(Refusal(
            StatusCode::NOT_FOUND,
            "the SMSSync gateway is not enabled on this server",
            None,
        )),
    }
}

/// Checks the request's secret, throttling wrong ones per network.
fn check_secret(
    state: &impl Context,
    keys: &GatewayKeys,
    fields: &Fields,
    network: NetworkKey,
) -> Result<(), Refusal> {
    let verdict = state.sms().guard.check(
        &state.intake().limiter,
        keys,
        fields.get("secret"),
        network,
        Instant::now(),
    );
    match verdict {
        Verdict::Accepted => Ok(()),
        Verdict::Wrong => Err(Refusal(StatusCode::FORBIDDEN, "the secret is wrong", None)),
        Verdict::Missing => Err(Refusal(
            StatusCode::FORBIDDEN,
            "the secret is missing",
            None,
        )),
        Verdict::Throttled { retry_after } => Err(Refusal(
            StatusCode::TOO_MANY_REQUESTS,
            "too many wrong secrets from this network; retry later",
            Some(retry_after),
        )),
    }
}

fn read(uri: &Uri, headers: &HeaderMap, body: &[u8]) -> Result<Fields, Refusal> {
    Fields::read(uri, headers, body).ok_or(Refusal(
        StatusCode::BAD_REQUEST,
        "the request body cannot be read",
        None,
    ))
}

fn internal(err: &anyhow::Error) -> Response {
    // The cause goes to the log (it never holds a number or text); the app retries.
    let mut res = refuse(
        super::not_stored_status(err),
        "the message could not be stored; please retry",
    );
    super::retry_after_failure(err, &mut res);
    res
}

/// `GET /sms/smssync?task=send|result`, from the client network `network`.
pub async fn get(
    state: impl Context,
    network: NetworkKey,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    match answer_get(&state, &uri, &headers, network).await {
        Ok(res) => res,
        Err(refusal) => refusal.into_response(),
    }
}

/// The answer when the outbox could not be read or changed: the app asks again later.
fn outbox_failed(err: crate::storage::StorageError) -> Response {
    internal(&anyhow::Error::new(err))
}

async fn answer_get(
    state: &impl Context,
    uri: &Uri,
    headers: &HeaderMap,
    network: NetworkKey,
) -> Result<Response, Refusal> {
    let (keys, secret) = keys(state)?;
    let fields = read(uri, headers, b"")?;
    check_secret(state, &keys, &fields, network)?;
    Ok(match fields.get("task") {
        Some("send") => {
            let fetched = match outbox::fetch(state.store(), &keys).await {
                Ok(f) => f,
                Err(e) => return Ok(outbox_failed(e)),
            };
            let messages: Vec<_> = fetched
                .iter()
                .map(|o| json!({ "to": o.to.as_str(), "message": o.text.as_str(), "uuid": o.uuid }))
                .collect();
            Json(json!({
                "payload": {
                    "success": true,
                    "error": null,
                    "task": "send",
                    "secret": secret,
                    "messages": messages,
                }
            }))
            .into_response()
        }
        Some("result") => match outbox::awaiting_result(state.store()).await {
            Ok(uuids) => Json(json!({ "message_uuids": uuids })).into_response(),
            Err(e) => outbox_failed(e),
        },
        _ => refuse(StatusCode::BAD_REQUEST, "unknown task"),
    })
}

/// `POST` (or `PUT`) `/sms/smssync`: an incoming SMS, or `?task=sent|result` of the Message Results API,
/// from the client network `network`.
pub async fn post(
    state: impl Context,
    network: NetworkKey,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match answer_post(&state, &uri, &headers, &body, network).await {
        Ok(res) => res,
        Err(refusal) => refusal.into_response(),
    }
}

async fn answer_post(
    state: &impl Context,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
    network: NetworkKey,
) -> Result<Response, Refusal> {
    let (keys, _) = keys(state)?;
    let fields = read(uri, headers, body)?;
    Ok(match fields.get("task") {
        None => {
            check_secret(state, &keys, &fields, network)?;
            incoming(state, &keys, &fields).await?
        }
        Some("sent") => {
            // The app sends no secret here (see the module comment); a wrong one still fails.
            if fields.get("secret").is_some() {
                check_secret(state, &keys, &fields, network)?;
            }
            let uuids = fields.all("queued_messages");
            match outbox::acknowledge(state.store(), &uuids).await {
                Ok(confirmed) => Json(json!({ "message_uuids": confirmed })).into_response(),
                Err(e) => outbox_failed(e),
            }
        }
        Some("result") => {
            check_secret(state, &keys, &fields, network)?;
            match outbox::finish(state.store(), &fields.all("message_result")).await {
                Ok(done) => {
                    tracing::info!(reports = done, "SMS delivery reports received");
                    Json(json!({ "payload": { "success": true, "error": null } })).into_response()
                }
                Err(e) => outbox_failed(e),
            }
        }
        Some(_) => refuse(StatusCode::BAD_REQUEST, "unknown task"),
    })
}

async fn incoming(
    state: &impl Context,
    keys: &GatewayKeys,
    fields: &Fields,
) -> Result<Response, Refusal> {
    let from = fields
        .get("from")
        .and_then(PhoneNumber::parse)
        .ok_or(Refusal(
            StatusCode::BAD_REQUEST,
            "the from field is missing",
            None,
        ))?;
    let text = clean(fields.get("message").unwrap_or(""));
    if text.is_empty() {
        return Err(Refusal(
            StatusCode::BAD_REQUEST,
            "the message field is missing",
            None,
        ));
    }
    let seen_key = fields
        .get("message_id")
        .map(|id| keys.seen_key(fields.get("device_id").unwrap_or(""), id));
    let received = match receive(
        state,
        keys,
        Inbound {
            from,
            text,
            seen_key,
        },
    )
    .await
    {
        Ok(r) => r,
        Err(err) => return Ok(internal(&err)),
    };
    let mut messages = Vec::new();
    for reply in received.replies {
        if received.duplicate && !state.config().sms.smssync_instant_reply {
            // Already queued when the message was first stored.
            continue;
        }
        if state.config().sms.smssync_instant_reply {
            messages.push(json!({
                "to": reply.to.as_str(),
                "message": reply.text,
                "uuid": uuid::Uuid::new_v4().to_string(),
            }));
        } else if let Err(err) = outbox::push(state.store(), keys, &reply.to, &reply.text).await {
            // The message is stored; only its reply is lost (the phone would otherwise send
            // the SMS again, and it would be a duplicate with no reply either).
            tracing::warn!(error = %format!("{err:#}"), "an SMS reply could not be queued");
        }
    }
    let mut payload = json!({ "success": true, "error": null, "messages": messages });
    if !messages_is_empty(&payload) {
        payload["task"] = json!("send");
    }
    Ok(Json(json!({ "payload": payload })).into_response())
}

fn messages_is_empty(payload: &serde_json::Value) -> bool {
    payload["messages"].as_array().is_none_or(Vec::is_empty)
}
