//! Reports by SMS, from any gateway: the SMSSync Android app ([`smssync`]) or a generic
//! webhook ([`webhook`]). Both hand an [`Inbound`] message to [`receive`].
//!
//! Joining: people write a story in several SMS. The first SMS from a number creates a
//! submission at once (sealed, durable before the gateway hears "success"); later SMS from
//! the same number within `[sms] join_window_minutes` of the first are added to it by
//! re-sealing the whole text and replacing that submission's sealed report, as long as no
//! moderator has opened it (after that they are appended as sealed additions). To do that
//! the clear text of a sender's open window is kept in memory only, keyed by an HMAC of the
//! number with a salt that never leaves memory, and wiped when the window closes. A restart
//! forgets open windows: the next SMS starts a new report.
//!
//! Replies: each new report is answered in the sender's language with its receipt and the
//! follow-up commands (`STATUS <receipt>`, `STOP`, `START`); nothing is sent to a number that
//! sent STOP. `[sms] reply` can hold the receipt back until she asks for it (`RECEIPT`,
//! while her window is open: the receipt is kept in memory with the window) or send nothing
//! at all, because a receipt on a shared phone can tell someone that she reported. Replies
//! travel in the gateway's answer or wait in the in-memory [`outbox`]; each fits two SMS
//! (see [`length`]).
//!
//! A sender that is a name (`JAZZ`, `ZONG-4G`: an operator's or a shop's, letters or no
//! digits) is not a person who can report or be answered: such SMS are dropped unstored and
//! only counted.

pub mod commands;
pub mod fields;
pub mod guard;
pub mod keys;
pub mod length;
pub mod outbox;
pub mod smssync;
pub mod webhook;

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use naqsha_core::ids::{AdditionId, SubmissionId};
use naqsha_core::lang::Lang;
use naqsha_core::sealing;
use naqsha_core::submission::{Channel, Consent, ContactDetails, RawReport, SubmissionStatus};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::{ReportText, TextError};
use time::OffsetDateTime;
use zeroize::Zeroizing;

use self::commands::Command;
use self::keys::{GatewayKeys, MemorySalt, PhoneNumber};
use self::outbox::Outbox;
use crate::channels::Context;
use crate::config::ReplyPolicy;
use crate::i18n::Tr;
use crate::intake::receipt::{Receipt, receipt_hash};
use crate::intake::{self, Incoming};
use crate::storage::{IntakeStore, ModerationStore, NewAddition, SmsStore};

/// How long the record of a stored gateway message is kept (a gateway retries for less).
const SEEN_KEPT: Duration = Duration::from_secs(7 * 24 * 60 * 60);
/// How often old records are pruned.
const PRUNE_EVERY: Duration = Duration::from_secs(60 * 60);
/// Most senders with an open window at once; the oldest window closes first.
const MAX_WINDOWS: usize = 10_000;
/// How long the replies to a stored message are kept for a gateway that retries because it
/// never heard the answer (so the reporter still gets their receipt), and how many at most.
const REPLAY_TTL: Duration = Duration::from_secs(60 * 60);
const MAX_REPLAYS: usize = 2_000;

/// One SMS as a gateway delivered it.
pub struct Inbound {
    /// The sender.
    pub from: PhoneNumber,
    /// The text.
    pub text: Zeroizing<String>,
    /// The key of the gateway's message id, when it gives one (for storing a retry once).
    pub seen_key: Option<String>,
}

/// An SMS to send.
#[derive(Clone)]
pub struct Reply {
    /// The number.
    pub to: PhoneNumber,
    /// The text.
    pub text: String,
}

/// What became of an incoming SMS.
pub struct Received {
    /// The same message was stored before; nothing was stored. `replies` are then those
    /// given the first time (for a gateway that never heard that answer), if still known.
    pub duplicate: bool,
    /// SMS to send back (none to a number that sent STOP).
    pub replies: Vec<Reply>,
}

/// A sender's open window: the report their SMS are joining.
struct Window {
    submission: SubmissionId,
    started: Instant,
    received_at: OffsetDateTime,
    lang: Lang,
    consent: Consent,
    /// The whole text so far, in the clear, memory only; wiped on drop.
    text: Zeroizing<String>,
    /// A moderator has it: later parts are appended, not merged.
    opened: bool,
    /// The report's receipt (digits form), for `RECEIPT`; memory only, wiped on drop.
    receipt: Zeroizing<String>,
}

/// The SMS channel's memory: open windows, replies waiting for the phone, messages being
/// stored right now. Lost on restart, by design.
pub struct SmsRuntime {
    salt: MemorySalt,
    windows: tokio::sync::Mutex<HashMap<[u8; 32], Window>>,
    /// Replies waiting for the SMSSync app.
    pub outbox: Mutex<Outbox>,
    in_flight: Mutex<HashSet<String>>,
    /// Replies given to recently stored messages, by their seen-key, to answer a retry.
    replays: Mutex<HashMap<String, (Instant, Vec<Reply>)>>,
    last_prune: Mutex<Option<Instant>>,
    /// Wrong gateway secrets: throttled per network and counted for the log.
    pub guard: guard::SecretGuard,
    /// SMS from sender names dropped since the last log line.
    sender_names: AtomicU64,
}

impl Default for SmsRuntime {
    fn default() -> Self {
        Self {
            salt: MemorySalt::generate(),
            windows: tokio::sync::Mutex::new(HashMap::new()),
            outbox: Mutex::new(Outbox::default()),
            in_flight: Mutex::new(HashSet::new()),
            replays: Mutex::new(HashMap::new()),
            last_prune: Mutex::new(None),
            guard: guard::SecretGuard::default(),
            sender_names: AtomicU64::new(0),
        }
    }
}

impl SmsRuntime {
    /// The outbox, even if a panic poisoned its lock (it holds no invariant a panic breaks).
    pub fn outbox(&self) -> std::sync::MutexGuard<'_, Outbox> {
        self.outbox.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Logs how many SMS from sender names were dropped since the last call, if any, and
    /// returns that count.
    pub fn flush_sender_names(&self) -> u64 {
        let n = self.sender_names.swap(0, Ordering::Relaxed);
        if n > 0 {
            tracing::info!(
                dropped = n,
                "SMS from sender names (operators, shops) were not stored"
            );
        }
        n
    }

    /// Open join windows.
    pub async fn open_windows(&self) -> usize {
        self.windows.lock().await.len()
    }

    /// Closes windows older than `join_window`, wiping their text, and drops expired
    /// replies; returns how many windows were closed.
    pub async fn close_expired(&self, join_window: Duration, now: Instant) -> usize {
        let mut windows = self.windows.lock().await;
        let before = windows.len();
        windows.retain(|_, w| now.saturating_duration_since(w.started) < join_window);
        self.outbox().queued(now);
        self.replays
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|_, (at, _)| now.saturating_duration_since(*at) < REPLAY_TTL);
        before - windows.len()
    }
}

/// Every minute, closes expired windows so a sender's words do not stay in memory until the
/// next SMS arrives.
pub fn spawn_sweeper(state: impl Context) {
    if state.config().smssync_secret.is_none() && state.config().sms.webhook_secret.is_none() {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            let now = Instant::now();
            state
                .sms()
                .close_expired(state.config().sms.join_window, now)
                .await;
            state.sms().guard.flush(now);
            state.sms().flush_sender_names();
        }
    });
}

/// Removes a message from the in-flight set when its handling ends, however it ends.
struct InFlight<'a> {
    runtime: &'a SmsRuntime,
    key: Option<String>,
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        if let Some(key) = self.key.take() {
            self.runtime
                .in_flight
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(&key);
        }
    }
}

/// Handles one incoming SMS: a command, or (part of) a report that is sealed and stored
/// before this returns.
pub async fn receive(
    state: &impl Context,
    keys: &GatewayKeys,
    inbound: Inbound,
) -> anyhow::Result<Received> {
    let runtime = state.sms();
    let store = state.store();
    let now = Instant::now();
    if is_sender_name(&inbound.from) {
        // Never stored and never answered: a reply would go to an operator's short code.
        runtime.sender_names.fetch_add(1, Ordering::Relaxed);
        return Ok(Received {
            duplicate: false,
            replies: Vec::new(),
        });
    }
    prune_seen(state, now).await?;

    // A message stored before is not stored again. A retry that arrives while the first try
    // is still being stored fails (the gateway retries again later and then hears
    // "duplicate"): answering "success" now would lose the message if the first try failed.
    let _guard = match &inbound.seen_key {
        Some(key) => {
            let fresh = runtime
                .in_flight
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(key.clone());
            if !fresh {
                anyhow::bail!("the same message is being stored right now");
            }
            let guard = InFlight {
                runtime,
                key: Some(key.clone()),
            };
            if store.sms_seen(key).await? {
                let replies = runtime
                    .replays
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .get(key)
                    .filter(|(at, _)| now.saturating_duration_since(*at) < REPLAY_TTL)
                    .map(|(_, r)| r.clone())
                    .unwrap_or_default();
                return Ok(Received {
                    duplicate: true,
                    replies,
                });
            }
            guard
        }
        None => InFlight { runtime, key: None },
    };

    let stop_key = keys.stop_key(&inbound.from);
    let stopped = store.sms_stopped(&stop_key).await?;
    let policy = state.config().sms.reply;
    let reply_lang = commands::language_of(&inbound.text);
    let mut replies = Vec::new();
    let command = commands::parse(&inbound.text);
    let is_report = matches!(command, Command::Report);
    match command {
        Command::Stop => {
            store
                .set_sms_stopped(&stop_key, true, OffsetDateTime::now_utc())
                .await?;
            runtime.outbox().drop_for(&inbound.from);
            tracing::info!("an SMS sender asked for no more messages");
        }
        Command::Start => {
            store
                .set_sms_stopped(&stop_key, false, OffsetDateTime::now_utc())
                .await?;
            replies.push(reply_text(state, reply_lang, "sms.reply.started", &[]));
        }
        Command::Status(receipt) => {
            let answer = status_reply(state, reply_lang, receipt).await?;
            if !stopped {
                replies.push(answer);
            }
        }
        Command::Receipt => {
            let window_key = runtime.salt.key(&inbound.from);
            let join_window = state.config().sms.join_window;
            let receipt = runtime
                .windows
                .lock()
                .await
                .get(&window_key)
                .filter(|w| now.saturating_duration_since(w.started) < join_window)
                .map(|w| w.receipt.clone());
            if !stopped {
                replies.push(match receipt {
                    Some(digits) => reply_text(
                        state,
                        reply_lang,
                        "sms.reply.received",
                        &[("receipt", &digits)],
                    ),
                    None => {
                        let minutes = (join_window.as_secs() / 60).to_string();
                        reply_text(
                            state,
                            reply_lang,
                            "sms.reply.no_receipt",
                            &[("minutes", &minutes)],
                        )
                    }
                });
            }
        }
        Command::Report => {
            let stored = match report(state, &inbound, now).await {
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
                && policy == ReplyPolicy::Always
            {
                let digits = receipt.digits();
                replies.push(reply_text(
                    state,
                    reply_lang,
                    "sms.reply.received",
                    &[("receipt", &digits)],
                ));
            }
        }
    }
    if policy == ReplyPolicy::Never {
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
            let mut replays = runtime.replays.lock().unwrap_or_else(|p| p.into_inner());
            replays.retain(|_, (at, _)| now.saturating_duration_since(*at) < REPLAY_TTL);
            if replays.len() >= MAX_REPLAYS
                && let Some(oldest) = replays
                    .iter()
                    .min_by_key(|(_, (at, _))| *at)
                    .map(|(k, _)| k.clone())
            {
                replays.remove(&oldest);
            }
            replays.insert(key.clone(), (now, replies.clone()));
        }
    }
    Ok(Received {
        duplicate: false,
        replies,
    })
}

/// Whether a sender is a name rather than a number: a letter anywhere (`ZONG-4G`), or no
/// digit in any script. A phone number, a short code (`8558`) is digits and `+`.
fn is_sender_name(from: &PhoneNumber) -> bool {
    let text = from.as_str();
    text.chars().any(char::is_alphabetic)
        || !text
            .chars()
            .any(|c| naqsha_core::script::digit_value(c).is_some())
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

/// Whether an SMS could not be handled only because the database is unavailable for now.
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

/// The status answering an SMS that was not stored, after logging why: 503 when the
/// database is unavailable for now, 500 otherwise. Either way the gateway retries, and
/// nothing was stored.
pub fn not_stored_status(err: &anyhow::Error) -> axum::http::StatusCode {
    if unavailable(err) {
        tracing::warn!(error = %format!("{err:#}"), "an SMS could not be stored for now");
        axum::http::StatusCode::SERVICE_UNAVAILABLE
    } else {
        tracing::error!(error = %format!("{err:#}"), "an SMS could not be stored");
        axum::http::StatusCode::INTERNAL_SERVER_ERROR
    }
}

/// Asks the gateway to wait before retrying when the database is unavailable.
pub fn retry_after_failure(err: &anyhow::Error, res: &mut axum::response::Response) {
    if unavailable(err) {
        res.headers_mut().insert(
            axum::http::header::RETRY_AFTER,
            crate::storage::RETRY_AFTER_UNAVAILABLE.as_secs().into(),
        );
    }
}

/// Prunes old seen-message records at most once an hour.
async fn prune_seen(state: &impl Context, now: Instant) -> anyhow::Result<()> {
    {
        let mut last = state
            .sms()
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

/// A reply text in `lang`, signed with the site's name.
fn reply_text(state: &impl Context, lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let tr = Tr(lang);
    let site = state
        .config()
        .site_title
        .clone()
        .unwrap_or_else(|| tr.t("site.name").to_owned());
    let mut all = vec![("site", site.as_str())];
    all.extend_from_slice(args);
    tr.f(key, &all)
}

/// The answer to `STATUS <receipt>`: the status as the follow-up page words it.
async fn status_reply(
    state: &impl Context,
    lang: Lang,
    receipt: Result<Receipt, crate::intake::receipt::ReceiptError>,
) -> anyhow::Result<String> {
    let Ok(receipt) = receipt else {
        return Ok(reply_text(state, lang, "sms.reply.receipt_format", &[]));
    };
    let key = state.intake().receipt_key(state.store()).await?;
    let Some(envelope) = state
        .store()
        .submission_by_receipt(&receipt_hash(key, &receipt))
        .await?
    else {
        return Ok(reply_text(state, lang, "sms.reply.not_found", &[]));
    };
    let (label, explain) = crate::i18n::status_keys(envelope.status);
    let tr = Tr(lang);
    Ok(reply_text(
        state,
        lang,
        "sms.reply.status",
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

fn raw_report(
    text: &str,
    lang: Lang,
    consent: Consent,
    received_at: OffsetDateTime,
) -> Result<RawReport, TextError> {
    Ok(RawReport {
        danger_now: false,
        self_description: None,
        what_happened: ReportText::parse(text)?,
        when: None,
        place: None,
        place_text: None,
        labels: Labels::default(),
        whose_story: None,
        source_url: None,
        consent,
        language: lang,
        received_at,
    })
}

/// Stores an SMS as a new report or as the next part of the sender's open one. Returns the
/// receipt of a new report.
async fn report(
    state: &impl Context,
    inbound: &Inbound,
    now: Instant,
) -> anyhow::Result<Option<Receipt>> {
    let runtime = state.sms();
    let store = state.store();
    let public_key = state.intake().public_key(store).await?;
    let part = clean(&inbound.text);
    let seen_key = inbound.seen_key.as_deref();
    let window_key = runtime.salt.key(&inbound.from);
    let join_window = state.config().sms.join_window;

    // One lock for the whole step keeps two parts from racing to the same report; SMS
    // arrive slowly enough that serialising them costs nothing.
    let mut windows = runtime.windows.lock().await;
    windows.retain(|_, w| now.saturating_duration_since(w.started) < join_window);

    if let Some(window) = windows.get_mut(&window_key) {
        let joined = Zeroizing::new(format!("{}\n{}", window.text.as_str(), part.as_str()));
        if !window.opened {
            let lang = if window.lang == Lang::Ur {
                Lang::Ur
            } else {
                commands::language_of(&part)
            };
            if let Ok(report) = raw_report(&joined, lang, window.consent, window.received_at) {
                let sealed = intake::seal_report(&public_key, report)?;
                if store
                    .replace_unopened_report(window.submission, &sealed, seen_key)
                    .await?
                {
                    window.text = joined;
                    window.lang = lang;
                    return Ok(None);
                }
                window.opened = true;
            }
        }
        // A moderator has the report (or it grew too long): the part is appended to it as
        // a sealed addition, unless the report was withdrawn meanwhile.
        let live = store
            .sealed_submission(window.submission)
            .await?
            .is_some_and(|s| s.envelope.status != SubmissionStatus::Withdrawn);
        if live && ReportText::parse(&part).is_ok() {
            window.opened = true;
            store
                .add_to_submission(&NewAddition {
                    id: AdditionId::random(),
                    submission: window.submission,
                    kind: "follow_up",
                    author: None,
                    sealed: sealing::seal(&public_key, part.as_bytes()),
                    sms_message: inbound.seen_key.clone(),
                })
                .await?;
            return Ok(None);
        }
        windows.remove(&window_key);
    }

    let lang = commands::language_of(&part);
    let consent = state.config().sms.default_consent;
    let received_at = OffsetDateTime::now_utc();
    let report = raw_report(&part, lang, consent, received_at)
        .map_err(|e| anyhow::anyhow!("an SMS is not a valid report text: {e}"))?;
    let receipt = Receipt::generate();
    let key = state.intake().receipt_key(store).await?;
    let id = intake::accept(
        store,
        &public_key,
        state.taxonomy(),
        state.gazetteer(),
        Incoming {
            report,
            contact: Some(ContactDetails::new(
                Some(inbound.from.as_str().to_owned()),
                None,
            )),
            channel: Channel::Sms,
            flagged: false,
            receipt_hash: Some(receipt_hash(key, &receipt)),
            attachments: Vec::new(),
        },
        crate::storage::Arrival {
            sms_message: inbound.seen_key.clone(),
            ..Default::default()
        },
    )
    .await?;
    if join_window > Duration::ZERO {
        if windows.len() >= MAX_WINDOWS
            && let Some(oldest) = windows
                .iter()
                .min_by_key(|(_, w)| w.started)
                .map(|(k, _)| *k)
        {
            windows.remove(&oldest);
        }
        windows.insert(
            window_key,
            Window {
                submission: id,
                started: now,
                received_at,
                lang,
                consent,
                text: part,
                opened: false,
                receipt: Zeroizing::new(receipt.digits()),
            },
        );
    }
    Ok(Some(receipt))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reply_fits_two_sms_in_both_languages() {
        // The longest receipt form and minutes as configured; every status a report can have.
        let receipt = Receipt::generate().digits();
        for lang in [Lang::En, Lang::Ur] {
            let tr = Tr(lang);
            let site = tr.t("site.name");
            let mut texts = Vec::new();
            for key in [
                "received",
                "not_found",
                "receipt_format",
                "started",
                "no_receipt",
            ] {
                texts.push(tr.f(
                    &format!("sms.reply.{key}"),
                    &[("site", site), ("receipt", &receipt), ("minutes", "1440")],
                ));
            }
            for status in [
                SubmissionStatus::New,
                SubmissionStatus::InReview,
                SubmissionStatus::Published,
                SubmissionStatus::StatisticsOnly,
                SubmissionStatus::Archived,
                SubmissionStatus::Withdrawn,
            ] {
                let (label, explain) = crate::i18n::status_keys(status);
                texts.push(tr.f(
                    "sms.reply.status",
                    &[
                        ("site", site),
                        ("status", tr.t(label)),
                        ("explain", tr.t(explain)),
                    ],
                ));
            }
            for text in texts {
                assert!(length::segments(&text) <= 2, "{lang:?}: {text}");
            }
        }
        // The receipt itself, in Urdu, is at most two SMS with a site name of 10 letters.
        let tr = Tr(Lang::Ur);
        let long_site = "ڈیجیٹل حقوق";
        let text = tr.f(
            "sms.reply.received",
            &[("site", long_site), ("receipt", &receipt)],
        );
        assert_eq!(length::segments(&text), 2, "{text}");
    }

    #[tokio::test]
    async fn expired_windows_are_closed_and_their_text_dropped() {
        let rt = SmsRuntime::default();
        let now = Instant::now();
        let number = PhoneNumber::parse("+923001234567").unwrap();
        rt.windows.lock().await.insert(
            rt.salt.key(&number),
            Window {
                submission: SubmissionId::random(),
                started: now,
                received_at: OffsetDateTime::now_utc(),
                lang: Lang::En,
                consent: Consent::Private,
                text: Zeroizing::new("part one".into()),
                opened: false,
                receipt: Zeroizing::new("11111".into()),
            },
        );
        let window = Duration::from_secs(600);
        assert_eq!(
            rt.close_expired(window, now + Duration::from_secs(599))
                .await,
            0
        );
        assert_eq!(rt.open_windows().await, 1);
        assert_eq!(rt.close_expired(window, now + window).await, 1);
        assert_eq!(rt.open_windows().await, 0);
    }
}
