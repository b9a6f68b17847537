//! What the WhatsApp and Telegram channels share: their memory ([`ChatRuntime`]), calls to
//! the platform's API ([`api`]), files turned into cleaned evidence or a note of what was
//! not kept ([`media`]), and replies sent after the answer ([`outgoing`]). The conversation
//! itself (commands, join window, a retry stored once) is SMS's, in
//! [`crate::channels::conversation`].
//!
//! A chat message is taken in the order: verify the platform's signature or secret, skip a
//! message already stored, fetch and clean its file, store it with its text (sealed, durable),
//! answer the platform 200, then send the replies. A storage failure answers 5xx so the
//! platform delivers again; a file that could not be fetched or kept never holds back the
//! words that came with it.

pub mod api;
pub mod media;
pub mod outgoing;

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use naqsha_core::submission::{Channel, ContactDetails};
use zeroize::Zeroizing;

use self::api::ApiClient;
use self::media::{Fetched, FileNote};
use crate::channels::Context;
use crate::channels::conversation::{self, Conversations, Received, ReplyTexts, Settings};
use crate::channels::sms::guard::{SecretGuard, Verdict};
use crate::channels::sms::keys::{GatewayKeys, PhoneNumber};
use crate::config::ConversationSettings;
use crate::storage::SmsStore;

/// The replies of WhatsApp and Telegram.
/// How a chat channel's conversations run, from its `conversation` settings.
pub fn settings(channel: Channel, config: &ConversationSettings) -> Settings {
    Settings {
        channel,
        join_window: config.join_window,
        default_consent: config.default_consent,
        reply: config.reply,
        texts: &TEXTS,
    }
}

pub const TEXTS: ReplyTexts = ReplyTexts {
    received: "chat.reply.received",
    status: "chat.reply.status",
    not_found: "chat.reply.not_found",
    receipt_format: "chat.reply.receipt_format",
    started: "chat.reply.started",
    no_receipt: "chat.reply.no_receipt",
};

/// One channel's memory: conversations, the guard against guessed secrets, the API client
/// and the replies being sent. Lost on restart, by design.
pub struct ChatRuntime {
    /// Messages being stored right now on this node (open windows are in the database).
    pub conversations: Conversations,
    /// Wrong secrets or signatures: throttled per network and counted for the log.
    pub guard: SecretGuard,
    client: OnceLock<Result<ApiClient, String>>,
    /// Replies on their way.
    pub outgoing: outgoing::Outgoing,
}

impl ChatRuntime {
    /// The memory of the channel named `name` in the log.
    pub fn new(name: &'static str) -> Self {
        Self {
            conversations: Conversations::default(),
            guard: SecretGuard::for_gateway(name),
            client: OnceLock::new(),
            outgoing: outgoing::Outgoing::new(name),
        }
    }

    /// The HTTP client, made on first use.
    pub fn client(&self) -> anyhow::Result<&ApiClient> {
        self.client
            .get_or_init(|| ApiClient::new().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| anyhow::anyhow!("the HTTP client cannot be made: {e}"))
    }
}

/// One message from a chat platform, parsed, before its file is fetched.
pub struct ChatMessage<F> {
    /// The sender: a number (`+923001234567`) or a user id.
    pub from: PhoneNumber,
    /// How to reach her, sealed with a new report.
    pub contact: ContactDetails,
    /// The text or the file's caption (may be empty).
    pub text: Zeroizing<String>,
    /// The key of the platform's message id.
    pub seen_key: String,
    /// The file it carries, to fetch.
    pub file: Option<F>,
    /// What it carried that cannot be kept at all (a location, a contact card).
    pub unkept: Option<FileNote>,
}

/// Takes one message in: skips one stored before, fetches its file with `fetch` (only for
/// a message not stored yet), cleans it, and stores the message through the conversation.
/// Returns what to answer; an error means nothing was stored.
pub async fn take<C, F, Fut>(
    state: &C,
    runtime: &ChatRuntime,
    settings: &Settings,
    keys: &GatewayKeys,
    message: ChatMessage<F>,
    fetch: impl FnOnce(F) -> Fut,
) -> anyhow::Result<Received>
where
    C: Context,
    Fut: std::future::Future<Output = Fetched>,
{
    // A delivery retried after a stored message: answered without fetching anything again.
    if state.store().sms_seen(&message.seen_key).await? {
        return Ok(Received {
            duplicate: true,
            replies: Vec::new(),
        });
    }
    let mut notes = Vec::new();
    if let Some(unkept) = message.unkept {
        notes.push(unkept);
    }
    let mut files = Vec::new();
    if let Some(file) = message.file {
        match fetch(file).await {
            Fetched::Bytes { bytes, about } => files.push((bytes, about)),
            Fetched::NotKept(note) => notes.push(note),
        }
    }
    let evidence = media::evidence(state, files, notes).await?;
    conversation::receive(
        state,
        &runtime.conversations,
        settings,
        keys,
        conversation::Inbound {
            from: message.from,
            contact: message.contact,
            text: message.text,
            seen_key: Some(message.seen_key),
            evidence,
        },
    )
    .await
}

/// Every minute, deletes expired join windows, so a sender's words do not stay until her
/// next message, and writes the guards' counts of the chat channels that are on.
pub fn spawn_sweeper(state: impl Context) {
    let whatsapp = state
        .config()
        .whatsapp
        .as_ref()
        .map(|w| w.conversation.join_window);
    let telegram = state
        .config()
        .telegram
        .as_ref()
        .map(|t| t.conversation.join_window);
    if whatsapp.is_none() && telegram.is_none() {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            let now = Instant::now();
            if let Err(e) = conversation::close_expired_windows(state.store()).await {
                tracing::warn!(error = %e, "closing expired chat windows failed");
            }
            for (runtime, on) in [
                (state.whatsapp(), whatsapp.is_some()),
                (state.telegram(), telegram.is_some()),
            ] {
                if on {
                    runtime.conversations.forget_old_replies(now);
                    runtime.guard.flush(now);
                    runtime.outgoing.flush();
                }
            }
        }
    });
}

/// A JSON answer to the platform: `{"ok":true}`, or `{"ok":false,"error":"…"}` with the
/// status. Platforms read only the status; the words are for whoever sets the webhook up.
pub fn answer(status: axum::http::StatusCode, error: Option<&str>) -> axum::response::Response {
    use axum::response::IntoResponse;
    let body = match error {
        None => serde_json::json!({ "ok": true }),
        Some(e) => serde_json::json!({ "ok": false, "error": e }),
    };
    (status, axum::Json(body)).into_response()
}

/// The answer to a request whose secret or signature was not accepted: 401 when missing,
/// 403 when wrong, 429 with `Retry-After` when the network guessed too often. `None` when
/// it was accepted.
pub fn refused(verdict: Verdict, what: &str) -> Option<axum::response::Response> {
    use axum::http::{HeaderValue, StatusCode, header};
    match verdict {
        Verdict::Accepted => None,
        Verdict::Missing => Some(answer(
            StatusCode::UNAUTHORIZED,
            Some(&format!("the {what} is missing")),
        )),
        Verdict::Wrong => Some(answer(
            StatusCode::FORBIDDEN,
            Some(&format!("the {what} is wrong")),
        )),
        Verdict::Throttled { retry_after } => {
            let mut res = answer(
                StatusCode::TOO_MANY_REQUESTS,
                Some("too many wrong secrets from this network; retry later"),
            );
            res.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(crate::abuse::retry_after_secs(retry_after)),
            );
            Some(res)
        }
    }
}

/// The answer to a message that was not stored: 503 with `Retry-After` when the database
/// or the evidence checks are busy or unavailable for now, 500 otherwise; the platform
/// delivers it again either way.
pub fn not_stored(channel: Channel, err: &anyhow::Error) -> axum::response::Response {
    use axum::http::{HeaderValue, StatusCode, header};
    if err.downcast_ref::<media::Busy>().is_some() {
        tracing::warn!(
            channel = channel.as_str(),
            "a message waits: the evidence checks are busy"
        );
        let mut res = answer(
            StatusCode::SERVICE_UNAVAILABLE,
            Some("busy checking files; please deliver again"),
        );
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(30u64));
        return res;
    }
    let status = conversation::not_stored_status(channel, err);
    let mut res = answer(
        status,
        Some("the message could not be stored; please retry"),
    );
    conversation::retry_after_failure(err, &mut res);
    res
}
