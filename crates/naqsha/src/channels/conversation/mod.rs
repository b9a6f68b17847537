//! A conversation with a sender on a messaging channel (SMS, WhatsApp, Telegram): the
//! follow-up commands, storing a retried message once, and the join window that makes one
//! report of several messages. Each channel parses what its platform delivers into an
//! [`Inbound`] and hands it to [`receive`] with its [`Settings`] and its [`Conversations`].
//!
//! Joining: people write a story in several messages. The first message from a sender
//! creates a submission at once (sealed, durable before the platform hears "received");
//! later ones from the same sender within the join window of the first are added to it by
//! re-sealing the whole text and replacing that submission's sealed report, as long as no
//! moderator has opened it (after that they are appended as sealed additions). Files and
//! notes that came with a message join the same report in the same transaction. To do that
//! a sender's open window is kept in the database, so that every node sees it: keyed by an
//! HMAC of the sender, its text sealed with a key that needs the channel's secret and her
//! number (see `report.rs`), and deleted when the window closes. On PostgreSQL the table is
//! UNLOGGED: a crash of the database forgets open windows, and the next message starts a new
//! report.
//!
//! Replies: each new report is answered in the sender's language with its receipt and the
//! commands (`STATUS <receipt>`, `STOP`, `START`, `RECEIPT`; see [`crate::channels::sms::commands`]);
//! nothing is sent to a sender who sent STOP, and the channel's `reply` setting can hold the
//! receipt back until she asks for it or send nothing at all, because a receipt on a shared
//! phone can tell someone that she reported. The sender keys and the command words are the
//! SMS channel's ([`crate::channels::sms::keys`], [`crate::channels::sms::commands`]).

mod report;

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use naqsha_core::lang::Lang;
use naqsha_core::sealing::Sealed;
use naqsha_core::submission::{Channel, Consent, ContactDetails};
use time::OffsetDateTime;
use zeroize::Zeroizing;

use crate::channels::Context;
use crate::channels::sms::commands::{self, Command};
use crate::channels::sms::keys::{GatewayKeys, PhoneNumber};
use crate::config::ReplyPolicy;
use crate::i18n::Tr;
use crate::intake;
use crate::intake::receipt::{Receipt, receipt_hash};
use crate::storage::{IntakeStore, NewAttachment, SmsStore};

/// How long the record of a stored message is kept (platforms retry for less).
const SEEN_KEPT: Duration = Duration::from_secs(7 * 24 * 60 * 60);
/// How often old records are pruned.
const PRUNE_EVERY: Duration = Duration::from_secs(60 * 60);
/// How long the replies to a stored message are kept for a platform that retries because
/// it never heard the answer (so the reporter still gets their receipt), and how many at
/// most.
const REPLAY_TTL: Duration = Duration::from_secs(60 * 60);
const MAX_REPLAYS: usize = 2_000;

/// How a channel runs its conversations.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The channel reports are stored as.
    pub channel: Channel,
    /// Messages from one sender within this time of their first one join one report.
    pub join_window: Duration,
    /// What the channel's reporters are taken to allow (they were not asked).
    pub default_consent: Consent,
    /// When a sender is answered at all.
    pub reply: ReplyPolicy,
    /// The channel's reply texts.
    pub texts: &'static ReplyTexts,
}

/// The catalog keys of a channel's replies (an SMS must be short; a chat reply may say more).
#[derive(Debug)]
pub struct ReplyTexts {
    /// A new report's receipt and the commands (`{receipt}`).
    pub received: &'static str,
    /// The answer to STATUS (`{status}`, `{explain}`).
    pub status: &'static str,
    /// STATUS with a receipt nobody has.
    pub not_found: &'static str,
    /// STATUS with something that is not a receipt.
    pub receipt_format: &'static str,
    /// The answer to START.
    pub started: &'static str,
    /// RECEIPT with no open report (`{minutes}`).
    pub no_receipt: &'static str,
}

/// Evidence that came with a message: files already cleaned and sealed, and sealed notes
/// of what could not be kept, by addition kind.
#[derive(Debug, Default)]
pub struct Evidence {
    /// Evidence files, cleaned and sealed.
    pub attachments: Vec<NewAttachment>,
    /// Sealed notes for the moderators, by addition kind.
    pub notes: Vec<(&'static str, Sealed)>,
}

impl Evidence {
    /// Whether the message brought neither files nor notes.
    pub fn is_empty(&self) -> bool {
        self.attachments.is_empty() && self.notes.is_empty()
    }
}

/// One message as a channel delivered it.
pub struct Inbound {
    /// The sender, as the channel identifies them (a number, a user id).
    pub from: PhoneNumber,
    /// How to reach the sender, sealed with a new report.
    pub contact: ContactDetails,
    /// The text (empty when a file came without one).
    pub text: Zeroizing<String>,
    /// The key of the platform's message id, when it gives one (for storing a retry once).
    pub seen_key: Option<String>,
    /// Files and notes that came with it.
    pub evidence: Evidence,
}

/// A message to send back.
#[derive(Clone)]
pub struct Reply {
    /// The sender it goes to.
    pub to: PhoneNumber,
    /// The text.
    pub text: String,
}

/// What became of an incoming message.
pub struct Received {
    /// The same message was stored before; nothing was stored. `replies` are then those
    /// given the first time (for a platform that never heard that answer), if still known.
    pub duplicate: bool,
    /// Messages to send back (none to a sender who sent STOP).
    pub replies: Vec<Reply>,
}

/// One channel's memory of its conversations on this node: messages being stored right
/// now, replies given to recent ones. Lost on restart, by design. (Open windows are in the
/// database.)
pub struct Conversations {
    in_flight: Mutex<HashSet<String>>,
    replays: Mutex<HashMap<String, (Instant, Vec<Reply>)>>,
    last_prune: Mutex<Option<Instant>>,
}

impl Default for Conversations {
    fn default() -> Self {
        Self {
            in_flight: Mutex::new(HashSet::new()),
            replays: Mutex::new(HashMap::new()),
            last_prune: Mutex::new(None),
        }
    }
}

/// Open join windows of a channel.
pub async fn open_windows(
    store: &crate::storage::Store,
    channel: Channel,
) -> Result<u64, crate::storage::StorageError> {
    store
        .open_windows(channel.as_str(), OffsetDateTime::now_utc())
        .await
}

/// Deletes the windows that have closed (every channel's, on every node's behalf), so a
/// sender's words do not stay until her next message; returns how many.
pub async fn close_expired_windows(
    store: &crate::storage::Store,
) -> Result<u64, crate::storage::StorageError> {
    store.close_expired_windows(OffsetDateTime::now_utc()).await
}

impl Conversations {
    /// Drops replies remembered for retries that have expired.
    pub fn forget_old_replies(&self, now: Instant) {
        self.replays
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|_, (at, _)| now.saturating_duration_since(*at) < REPLAY_TTL);
    }

    /// Whether a message with this key is being stored right now (by another request).
    fn claim(&self, key: &str) -> Option<InFlight<'_>> {
        let fresh = self
            .in_flight
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(key.to_owned());
        fresh.then(|| InFlight {
            conversations: self,
            key: Some(key.to_owned()),
        })
    }

    fn replayed(&self, key: &str, now: Instant) -> Vec<Reply> {
        self.replays
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(key)
            .filter(|(at, _)| now.saturating_duration_since(*at) < REPLAY_TTL)
            .map(|(_, r)| r.clone())
            .unwrap_or_default()
    }

    fn remember_replies(&self, key: &str, replies: &[Reply], now: Instant) {
        let mut replays = self.replays.lock().unwrap_or_else(|p| p.into_inner());
        replays.retain(|_, (at, _)| now.saturating_duration_since(*at) < REPLAY_TTL);
        if replays.len() >= MAX_REPLAYS
            && let Some(oldest) = replays
                .iter()
                .min_by_key(|(_, (at, _))| *at)
                .map(|(k, _)| k.clone())
        {
            replays.remove(&oldest);
        }
        replays.insert(key.to_owned(), (now, replies.to_vec()));
    }
}

/// Removes a message from the in-flight set when its handling ends, however it ends.
struct InFlight<'a> {
    conversations: &'a Conversations,
    key: Option<String>,
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        if let Some(key) = self.key.take() {
            self.conversations
                .in_flight
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(&key);
        }
    }
}

/// Handles one incoming message: a command, or (part of) a report that is sealed and
/// stored before this returns.
pub async fn receive(
    state: &impl Context,
    conversations: &Conversations,
    settings: &Settings,
    keys: &GatewayKeys,
    mut inbound: Inbound,
) -> anyhow::Result<Received> {
    let store = state.store();
    let now = Instant::now();
    prune_seen(state, conversations, now).await?;

    // A message stored before is not stored again. A retry that arrives while the first try
    // is still being stored fails (the platform retries again later and then hears
    // "duplicate"): answering "received" now would lose the message if the first try failed.
    let _guard = match &inbound.seen_key {
        Some(key) => {
            let Some(guard) = conversations.claim(key) else {
                anyhow::bail!("the same message is being stored right now");
            };
            if store.sms_seen(key).await? {
                return Ok(Received {
                    duplicate: true,
                    replies: conversations.replayed(key, now),
                });
            }
            guard
        }
        None => InFlight {
            conversations,
            key: None,
        },
    };

    let stop_key = keys.stop_key(&inbound.from);
    let stopped = store.sms_stopped(&stop_key).await?;
    let reply_lang = commands::language_of(&inbound.text);
    let texts = Texts {
        state,
        settings,
        lang: reply_lang,
    };
    let mut replies = Vec::new();
    // Files are never a command, whatever their caption says.
    let command = if inbound.evidence.is_empty() {
        commands::parse(&inbound.text)
    } else {
        Command::Report
    };
    let is_report = matches!(command, Command::Report);
    match command {
        Command::Stop => {
            store
                .set_sms_stopped(&stop_key, true, OffsetDateTime::now_utc())
                .await?;
            // Replies still waiting for the SMS phone go too (queued under the same key).
            store.drop_sms_replies_to(&stop_key).await?;
            tracing::info!(
                channel = settings.channel.as_str(),
                "a sender asked for no more messages"
            );
        }
        Command::Start => {
            store
                .set_sms_stopped(&stop_key, false, OffsetDateTime::now_utc())
                .await?;
            replies.push(texts.text(settings.texts.started, &[]));
        }
        Command::Status(receipt) => {
            let answer = status_reply(&texts, receipt).await?;
            if !stopped {
                replies.push(answer);
            }
        }
        Command::Receipt => {
            let receipt = report::open_receipt(state, settings, keys, &inbound.from).await?;
            if !stopped {
                replies.push(match receipt {
                    Some(digits) => texts.text(settings.texts.received, &[("receipt", &digits)]),
                    None => {
                        let minutes = (settings.join_window.as_secs() / 60).to_string();
                        texts.text(settings.texts.no_receipt, &[("minutes", &minutes)])
                    }
                });
            }
        }
        Command::Report => {
            let evidence = std::mem::take(&mut inbound.evidence);
            let stored = match report::store(state, settings, keys, &inbound, evidence).await {
                Ok(stored) => stored,
                // Stored by another node meanwhile (its record was spent in the same
                // transaction as the report): a duplicate, like any retry.
                Err(e) if already_stored(&e) => {
                    return Ok(Received {
                        duplicate: true,
                        replies: Vec::new(),
                    });
                }
                Err(e) => return Err(e),
            };
            if let Some(receipt) = stored
                && !stopped
                && settings.reply == ReplyPolicy::Always
            {
                let digits = receipt.digits();
                replies.push(texts.text(settings.texts.received, &[("receipt", &digits)]));
            }
        }
    }
    if settings.reply == ReplyPolicy::Never {
        replies.clear();
    }
    let replies: Vec<Reply> = replies
        .into_iter()
        .map(|text| Reply {
            to: inbound.from.clone(),
            text,
        })
        .collect();
    if let Some(key) = &inbound.seen_key {
        // A report recorded its message in the transaction that stored it; a command is
        // recorded now (doing one twice is harmless).
        if !is_report {
            store.mark_sms_seen(key, OffsetDateTime::now_utc()).await?;
        }
        if !replies.is_empty() {
            conversations.remember_replies(key, &replies, now);
        }
    }
    Ok(Received {
        duplicate: false,
        replies,
    })
}

/// Whether an error says the message was already stored (its record already spent).
fn already_stored(e: &anyhow::Error) -> bool {
    e.downcast_ref::<intake::IntakeError>()
        .is_some_and(intake::IntakeError::already_stored)
        || matches!(
            e.downcast_ref::<crate::storage::StorageError>(),
            Some(crate::storage::StorageError::Conflict("sms_message"))
        )
}

/// Whether a message could not be handled only because the database is unavailable for now.
pub fn unavailable(e: &anyhow::Error) -> bool {
    e.downcast_ref::<intake::IntakeError>()
        .is_some_and(intake::IntakeError::is_unavailable)
        || e.downcast_ref::<crate::storage::StorageError>()
            .is_some_and(crate::storage::StorageError::is_unavailable)
        || matches!(
            e.downcast_ref::<crate::keyring::KeyringError>(),
            Some(crate::keyring::KeyringError::Storage(s)) if s.is_unavailable()
        )
}

/// The status answering a message that was not stored, after logging why: 503 when the
/// database is unavailable for now, 500 otherwise. Either way the platform retries, and
/// nothing was stored.
pub fn not_stored_status(channel: Channel, err: &anyhow::Error) -> axum::http::StatusCode {
    if unavailable(err) {
        tracing::warn!(
            channel = channel.as_str(),
            error = %format!("{err:#}"),
            "a message could not be stored for now"
        );
        axum::http::StatusCode::SERVICE_UNAVAILABLE
    } else {
        tracing::error!(
            channel = channel.as_str(),
            error = %format!("{err:#}"),
            "a message could not be stored"
        );
        axum::http::StatusCode::INTERNAL_SERVER_ERROR
    }
}

/// Asks the platform to wait before retrying when the database is unavailable.
pub fn retry_after_failure(err: &anyhow::Error, res: &mut axum::response::Response) {
    if unavailable(err) {
        res.headers_mut().insert(
            axum::http::header::RETRY_AFTER,
            crate::storage::RETRY_AFTER_UNAVAILABLE.as_secs().into(),
        );
    }
}

/// Prunes old seen-message records at most once an hour (per channel; the table is
/// shared, so this prunes every channel's).
async fn prune_seen(
    state: &impl Context,
    conversations: &Conversations,
    now: Instant,
) -> anyhow::Result<()> {
    {
        let mut last = conversations
            .last_prune
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if last.is_some_and(|at| now.saturating_duration_since(at) < PRUNE_EVERY) {
            return Ok(());
        }
        *last = Some(now);
    }
    state
        .store()
        .prune_sms_seen(OffsetDateTime::now_utc() - SEEN_KEPT)
        .await?;
    Ok(())
}

/// The reply texts of one channel in one language, signed with the site's name.
struct Texts<'a, C> {
    state: &'a C,
    settings: &'a Settings,
    lang: Lang,
}

impl<C: Context> Texts<'_, C> {
    fn text(&self, key: &str, args: &[(&str, &str)]) -> String {
        let tr = Tr(self.lang);
        let site = self
            .state
            .config()
            .site_title
            .clone()
            .unwrap_or_else(|| tr.t("site.name").to_owned());
        let mut all = vec![("site", site.as_str())];
        all.extend_from_slice(args);
        tr.f(key, &all)
    }
}

/// The answer to `STATUS <receipt>`: the status as the follow-up page words it.
async fn status_reply<C: Context>(
    texts: &Texts<'_, C>,
    receipt: Result<Receipt, crate::intake::receipt::ReceiptError>,
) -> anyhow::Result<String> {
    let Ok(receipt) = receipt else {
        return Ok(texts.text(texts.settings.texts.receipt_format, &[]));
    };
    let state = texts.state;
    let key = state.intake().receipt_key(state.store()).await?;
    let Some(envelope) = state
        .store()
        .submission_by_receipt(&receipt_hash(key, &receipt))
        .await?
    else {
        return Ok(texts.text(texts.settings.texts.not_found, &[]));
    };
    let (label, explain) = crate::i18n::status_keys(envelope.status);
    let tr = Tr(texts.lang);
    Ok(texts.text(
        texts.settings.texts.status,
        &[("status", tr.t(label)), ("explain", tr.t(explain))],
    ))
}

/// Text as a report accepts it: control characters other than line breaks and tabs removed.
pub fn clean(text: &str) -> Zeroizing<String> {
    Zeroizing::new(
        text.trim()
            .chars()
            .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
            .collect(),
    )
}
