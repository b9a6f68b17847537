//! Reports by WhatsApp, through Meta's Cloud API: `/whatsapp/webhook`.
//!
//! - `GET` is Meta's verification handshake: with `hub.mode=subscribe` and the configured
//!   `hub.verify_token`, the `hub.challenge` is echoed; anything else is refused.
//! - `POST` carries notifications. The `X-Hub-Signature-256` signature of the raw body under
//!   the app secret is checked in constant time before the body is read; a missing one is
//!   401, a wrong one 403, and a network that sends too many of either gets 429 unchecked
//!   (as for SMS gateway secrets). Each message of the business's number becomes (part of)
//!   a sealed report through the conversation SMS uses; statuses (delivery receipts of our
//!   replies) are accepted and ignored. 200 means every message in the body is stored;
//!   on a storage failure the answer is 5xx and Meta delivers the whole body again, whose
//!   stored messages are then recognised by their id and not stored twice.
//!
//! Files: an image, document, sticker, audio or video is fetched by its media id: the Graph
//! API (`GET {api_base}/{version}/{media-id}` with the access token) gives a URL, which is
//! downloaded with the token only when it is on the API's own host or on one of
//! `[whatsapp] media_hosts` over https (Meta's `lookaside.fbsbx.com` by default), with no
//! redirect followed. The file is then cleaned like a web upload. Audio and video are not
//! evidence Naqsha can clean, so they are not downloaded. Whatever is not kept is named in
//! a sealed note on the report, and the words that came with it are stored all the same.
//!
//! The sender's number is sealed as the report's contact; in the database only HMACs of it
//! are kept, under keys derived from the app secret: one keys her open join window (whose
//! text is sealed with a key that also needs her number, and deleted when it closes), one
//! records that she sent STOP.

pub mod payload;
pub mod signature;

use std::time::Instant;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use naqsha_core::submission::{Channel, ContactDetails};
use url::Url;

use self::payload::{Media, MediaUrl, Message, Notification};
use crate::abuse::NetworkKey;
use crate::channels::Context;
use crate::channels::chat::api::{ApiError, Origin};
use crate::channels::chat::media::{Fetched, FileAbout, FileNote};
use crate::channels::chat::{self, ChatMessage, answer, refused};
use crate::channels::conversation::{Reply, clean};
use crate::channels::sms::keys::{GatewayKeys, PhoneNumber};
use crate::config::WhatsAppSettings;
use crate::intake::evidence::EvidenceLimits;
use crate::intake::not_kept::SkipReason;

/// The largest notification read (Meta batches a few messages per POST; a media message is
/// under a kilobyte).
pub const MAX_BODY: usize = 1024 * 1024;

/// `GET /whatsapp/webhook`: Meta's verification request.
pub async fn verify(state: impl Context, network: NetworkKey, uri: Uri) -> Response {
    let Some(config) = &state.config().whatsapp else {
        return off();
    };
    let mut mode = None;
    let mut token = None;
    let mut challenge = None;
    for (k, v) in form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()) {
        match k.as_ref() {
            "hub.mode" => mode = Some(v.into_owned()),
            "hub.verify_token" => token = Some(v.into_owned()),
            "hub.challenge" => challenge = Some(v.into_owned()),
            _ => {}
        }
    }
    let keys = GatewayKeys::derive(config.verify_token.expose());
    let verdict = state.whatsapp().guard.check(
        &state.intake().limiter,
        &keys,
        token.as_deref(),
        network,
        Instant::now(),
    );
    if let Some(res) = refused(verdict, "verify token") {
        return res;
    }
    // Meta's challenge is a number; nothing else is echoed.
    let challenge = challenge
        .filter(|c| !c.is_empty() && c.len() <= 64 && c.bytes().all(|b| b.is_ascii_alphanumeric()));
    match (mode.as_deref(), challenge) {
        (Some("subscribe"), Some(challenge)) => (
            StatusCode::OK,
            [(
                axum::http::header::CONTENT_TYPE,
                "text/plain; charset=utf-8",
            )],
            challenge,
        )
            .into_response(),
        _ => answer(
            StatusCode::BAD_REQUEST,
            Some("expected hub.mode=subscribe and a numeric hub.challenge"),
        ),
    }
}

fn off() -> Response {
    answer(
        StatusCode::NOT_FOUND,
        Some("WhatsApp is not connected on this server"),
    )
}

/// `POST /whatsapp/webhook`: a notification, from the client network `network`.
pub async fn notify(
    state: impl Context,
    network: NetworkKey,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(config) = state.config().whatsapp.clone() else {
        return off();
    };
    let given = headers
        .get(signature::HEADER)
        .map(|v| v.to_str().unwrap_or(""));
    let verdict =
        state
            .whatsapp()
            .guard
            .check_with(&state.intake().limiter, network, Instant::now(), || {
                signature::check(config.app_secret.expose(), given, &body)
            });
    if let Some(res) = refused(verdict, "X-Hub-Signature-256 signature") {
        return res;
    }
    let Ok(notification) = serde_json::from_slice::<Notification>(&body) else {
        return answer(
            StatusCode::BAD_REQUEST,
            Some("the body is not a WhatsApp webhook notification (JSON with object and entry)"),
        );
    };
    if notification.object != payload::OBJECT {
        // Signed by our app, but about something else the app is subscribed to.
        tracing::info!(
            object = %notification.object,
            "a webhook notification that is not about WhatsApp was ignored"
        );
        return answer(StatusCode::OK, None);
    }
    let keys = GatewayKeys::derive(config.app_secret.expose());
    let conversation = chat::settings(Channel::WhatsApp, &config.conversation);
    let mut other_numbers = 0u64;
    for change in notification.entry.iter().flat_map(|e| &e.changes) {
        if change.field != "messages" {
            continue;
        }
        let value = &change.value;
        if value.metadata.phone_number_id != config.phone_number_id {
            other_numbers += value.messages.len() as u64;
            continue;
        }
        for message in &value.messages {
            let Some(parsed) = chat_message(&keys, &config, message) else {
                continue;
            };
            let runtime = state.whatsapp();
            let fetch_state = state.clone();
            let fetch_config = config.clone();
            let received = chat::take(&state, runtime, &conversation, &keys, parsed, |media| {
                fetch(fetch_state, fetch_config, media)
            })
            .await;
            match received {
                Ok(received) => send_replies(&state, &config, received.replies),
                Err(err) => return chat::not_stored(Channel::WhatsApp, &err),
            }
        }
    }
    if other_numbers > 0 {
        tracing::warn!(
            messages = other_numbers,
            "WhatsApp messages to another number of the business account were not stored \
             (check [whatsapp] phone_number_id)"
        );
    }
    answer(StatusCode::OK, None)
}

/// A file to fetch: the media of a message and its kind.
pub struct MediaFile {
    kind: String,
    media: Media,
}

/// The parts of a message Naqsha stores; none for what carries nothing to keep (a
/// reaction, a system notice) or comes without a sender number.
fn chat_message(
    keys: &GatewayKeys,
    config: &WhatsAppSettings,
    m: &Message,
) -> Option<ChatMessage<MediaFile>> {
    let digits = m
        .from
        .as_deref()
        .filter(|f| !f.is_empty() && f.len() <= 20 && f.bytes().all(|b| b.is_ascii_digit()));
    let Some(digits) = digits else {
        tracing::warn!("a WhatsApp message without a sender number was not stored");
        return None;
    };
    let number = format!("+{digits}");
    let from = PhoneNumber::parse(&number)?;
    let seen_key = keys.seen_key(&format!("whatsapp:{}", config.phone_number_id), &m.id);
    let mut text = String::new();
    let mut file = None;
    let mut unkept = None;
    match m.kind.as_str() {
        "text" => text = m.text.as_ref().map(|t| t.body.clone()).unwrap_or_default(),
        "reaction" | "system" => return None,
        kind => match m.media() {
            Some(media) => {
                text = media.caption.clone().unwrap_or_default();
                file = Some(MediaFile {
                    kind: kind.to_owned(),
                    media: media.clone(),
                });
            }
            None => {
                unkept = Some(FileNote {
                    about: FileAbout {
                        declared_type: kind
                            .chars()
                            .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                            .take(32)
                            .collect(),
                        name: None,
                        bytes: 0,
                    },
                    reason: SkipReason::NotAFile,
                })
            }
        },
    }
    Some(ChatMessage {
        contact: ContactDetails::new(Some(number), None),
        from,
        text: clean(&text),
        seen_key,
        file,
        unkept,
    })
}

/// Fetches a message's file: its URL from the Graph API, then the bytes, from allowed hosts
/// only.
async fn fetch(state: impl Context, config: WhatsAppSettings, file: MediaFile) -> Fetched {
    let MediaFile { kind, media } = file;
    let mut about = FileAbout {
        declared_type: media.mime_type.clone().unwrap_or(kind),
        name: media.filename.clone(),
        bytes: 0,
    };
    let not_kept = |about: FileAbout, reason| Fetched::NotKept(FileNote { about, reason });
    let declared = about.declared_type.to_ascii_lowercase();
    if declared.starts_with("audio/") || declared.starts_with("video/") {
        return not_kept(about, SkipReason::UnsupportedType);
    }
    let Ok(client) = state.whatsapp().client() else {
        return not_kept(about, SkipReason::NotFetched);
    };
    let api = Origin::of(&config.api_base).into_iter().collect::<Vec<_>>();
    let plain_id = !media.id.is_empty()
        && media.id.len() <= 64
        && media
            .id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    let Some(info_url) = plain_id
        .then(|| endpoint(&config, &[&config.api_version, &media.id]))
        .flatten()
    else {
        return not_kept(about, SkipReason::NotFetched);
    };
    let token = config.access_token.expose();
    let info = match client.get_json(&info_url, &api, Some(token)).await {
        Ok(json) => serde_json::from_value::<MediaUrl>(json).ok(),
        Err(_) => None,
    };
    let Some(info) = info else {
        return not_kept(about, SkipReason::NotFetched);
    };
    let max = EvidenceLimits::default().max_file_bytes;
    about.bytes = info.file_size.unwrap_or(0);
    if let Some(t) = info.mime_type {
        about.declared_type = t;
    }
    if about.bytes > max as u64 {
        return not_kept(about, SkipReason::TooLarge);
    }
    let Ok(url) = Url::parse(&info.url) else {
        return not_kept(about, SkipReason::NotFetched);
    };
    let mut allowed = api;
    allowed.extend(config.media_hosts.iter().map(|h| Origin::https(h)));
    match client.download(&url, &allowed, Some(token), max).await {
        Ok(bytes) => {
            about.bytes = bytes.len() as u64;
            Fetched::Bytes { bytes, about }
        }
        Err(ApiError::HostNotAllowed) => {
            tracing::warn!("a WhatsApp media URL on a host not allowed was refused");
            not_kept(about, SkipReason::HostNotAllowed)
        }
        Err(ApiError::TooLarge { .. }) => not_kept(about, SkipReason::TooLarge),
        Err(_) => not_kept(about, SkipReason::NotFetched),
    }
}

/// `{api_base}/{segments…}`.
fn endpoint(config: &WhatsAppSettings, segments: &[&str]) -> Option<Url> {
    let mut url = config.api_base.clone();
    url.path_segments_mut()
        .ok()?
        .pop_if_empty()
        .extend(segments);
    Some(url)
}

/// Sends replies through the Graph API, after the answer.
pub(crate) fn send_replies(state: &impl Context, config: &WhatsAppSettings, replies: Vec<Reply>) {
    let bodies = replies
        .into_iter()
        .map(|reply| {
            serde_json::json!({
                "messaging_product": "whatsapp",
                "recipient_type": "individual",
                "to": reply.to.as_str().trim_start_matches('+'),
                "type": "text",
                "text": { "preview_url": false, "body": reply.text },
            })
        })
        .collect();
    send_messages(state, config, bodies);
}

/// Sends the approved template `name` in `lang` to `to`, after the answer: the only message
/// WhatsApp delivers once her last message is more than 24 hours old. The template takes no
/// values, so it can carry nothing of a report.
pub(crate) fn send_template(
    state: &impl Context,
    config: &WhatsAppSettings,
    to: &PhoneNumber,
    name: &str,
    lang: naqsha_core::lang::Lang,
) {
    let body = serde_json::json!({
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to.as_str().trim_start_matches('+'),
        "type": "template",
        "template": { "name": name, "language": { "code": lang.code() } },
    });
    send_messages(state, config, vec![body]);
}

/// Posts each message body to the number's `messages` endpoint, in the background.
fn send_messages(state: &impl Context, config: &WhatsAppSettings, bodies: Vec<serde_json::Value>) {
    let Ok(client) = state.whatsapp().client().cloned() else {
        return;
    };
    let config = config.clone();
    state.whatsapp().outgoing.spawn(bodies, move |body| {
        let client = client.clone();
        let config = config.clone();
        async move {
            let url = endpoint(
                &config,
                &[&config.api_version, &config.phone_number_id, "messages"],
            )
            .ok_or(ApiError::Network("the API base cannot take a path".into()))?;
            let api: Vec<Origin> = Origin::of(&config.api_base).into_iter().collect();
            client
                .post_json(&url, &api, Some(config.access_token.expose()), &body)
                .await
                .map(|_| ())
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_keep_the_base_path_and_escape_nothing_into_it() {
        let base = |b: &str| Url::parse(b).unwrap();
        let settings = |b: &str| WhatsAppSettings {
            api_base: base(b),
            ..test_settings()
        };
        assert_eq!(
            endpoint(
                &settings("https://graph.facebook.com"),
                &["v23.0", "123", "messages"]
            )
            .unwrap()
            .as_str(),
            "https://graph.facebook.com/v23.0/123/messages"
        );
        assert_eq!(
            endpoint(&settings("http://127.0.0.1:9000/graph"), &["v23.0", "55"])
                .unwrap()
                .as_str(),
            "http://127.0.0.1:9000/graph/v23.0/55"
        );
    }

    fn test_settings() -> WhatsAppSettings {
        let config = crate::config::Config::load_from(
            &crate::config::Overrides::default(),
            &[
                ("NAQSHA_WHATSAPP_APP_SECRET", "app-secret"),
                (
                    "NAQSHA_WHATSAPP_VERIFY_TOKEN",
                    naqsha_core::shared_secret::SharedSecret::generate().expose(),
                ),
                ("NAQSHA_WHATSAPP_ACCESS_TOKEN", "token"),
                ("NAQSHA_WHATSAPP_PHONE_NUMBER_ID", "106540352242922"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        )
        .unwrap();
        config.whatsapp.unwrap()
    }

    #[test]
    fn reactions_are_skipped_and_a_location_is_noted_not_stored() {
        let config = test_settings();
        let keys = GatewayKeys::derive("app-secret");
        let read = |json: &str| serde_json::from_str::<Message>(json).unwrap();
        let reaction = read(
            r#"{"from":"923001234567","id":"wamid.A","type":"reaction","reaction":{"message_id":"wamid.B","emoji":"👍"}}"#,
        );
        assert!(chat_message(&keys, &config, &reaction).is_none());
        let location = read(
            r#"{"from":"923001234567","id":"wamid.C","type":"location","location":{"latitude":31.5,"longitude":74.3}}"#,
        );
        let parsed = chat_message(&keys, &config, &location).unwrap();
        assert!(parsed.text.is_empty() && parsed.file.is_none());
        let note = parsed.unkept.unwrap();
        assert_eq!(note.about.declared_type, "location");
        assert_eq!(note.reason, SkipReason::NotAFile);
        assert_eq!(parsed.contact.phone.as_deref(), Some("+923001234567"));
        let no_sender = read(r#"{"id":"wamid.D","type":"text","text":{"body":"hi"}}"#);
        assert!(chat_message(&keys, &config, &no_sender).is_none());
    }
}
