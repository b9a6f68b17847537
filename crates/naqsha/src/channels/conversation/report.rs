//! Storing a message as a new report, or as the next part of the sender's open one.
//!
//! The sender's open window lives in the database (so a part received by another node joins
//! the same report): the report it grows, and, sealed with a key only her next message can
//! rebuild (the channel's secret and her number, see [`GatewayKeys::window_lock`]), the text
//! so far, the receipt, the language, consent and time of her first message. Two messages
//! of hers stored at once, on one node or two, take turns: the step that changed the window
//! first wins, and the other reads it again and joins it.

use std::time::Duration;

use naqsha_core::lang::Lang;
use naqsha_core::sealing;
use naqsha_core::submission::{Consent, RawReport};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::{ReportText, TextError};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use zeroize::{Zeroize, Zeroizing};

use super::{Evidence, Inbound, Settings, clean};
use crate::channels::Context;
use crate::channels::sms::commands;
use crate::channels::sms::keys::{GatewayKeys, Lockbox, PhoneNumber};
use crate::intake::receipt::{Receipt, receipt_hash};
use crate::intake::{self, Incoming, IntakeError};
use crate::storage::{ConversationPart, NewWindow, SmsStore, StorageError, WindowStep};

/// How often a message whose window another message changed meanwhile is tried again.
const ATTEMPTS: usize = 5;

/// The report text of a message that brought files (or notes of files not kept) and no
/// words: what the moderator needs is in those.
pub const NO_TEXT: &str = "[a message without text: see the evidence files and the notes]";

/// What a window keeps between messages, sealed to the sender; wiped from memory on drop.
#[derive(Serialize, Deserialize)]
struct WindowState {
    /// When her first message arrived (unix seconds).
    received_at: i64,
    lang: Lang,
    consent: Consent,
    /// The whole text so far.
    text: String,
    /// The report's receipt (digits form), for `RECEIPT`.
    receipt: String,
}

impl Drop for WindowState {
    fn drop(&mut self) {
        self.text.zeroize();
        self.receipt.zeroize();
    }
}

impl WindowState {
    fn seal(&self, lock: &Lockbox, key: &str) -> anyhow::Result<Vec<u8>> {
        let plain = Zeroizing::new(serde_json::to_vec(self)?);
        Ok(lock.seal(key, &plain))
    }

    /// None when it does not open: sealed under another secret of the channel.
    fn open(lock: &Lockbox, key: &str, sealed: &[u8]) -> Option<Self> {
        let plain = lock.open(key, sealed)?;
        serde_json::from_slice(&plain).ok()
    }

    fn received_at(&self) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(self.received_at)
            .unwrap_or_else(|_| OffsetDateTime::now_utc())
    }
}

/// The receipt of the sender's open report, if her window is open.
pub(super) async fn open_receipt(
    state: &impl Context,
    settings: &Settings,
    keys: &GatewayKeys,
    from: &PhoneNumber,
) -> anyhow::Result<Option<Zeroizing<String>>> {
    let key = keys.window_key(from);
    let Some(window) = state
        .store()
        .conversation_window(settings.channel.as_str(), &key, OffsetDateTime::now_utc())
        .await?
    else {
        return Ok(None);
    };
    Ok(
        WindowState::open(&keys.window_lock(from), &key, &window.sealed)
            .map(|w| Zeroizing::new(w.receipt.clone())),
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
        approve_first: false,
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

/// Stores a message as a new report or as the next part of the sender's open one, with the
/// files and notes that came with it. Returns the receipt of a new report.
pub(super) async fn store(
    state: &impl Context,
    settings: &Settings,
    keys: &GatewayKeys,
    inbound: &Inbound,
    evidence: Evidence,
) -> anyhow::Result<Option<Receipt>> {
    let part = clean(&inbound.text);
    if part.is_empty() && evidence.is_empty() {
        anyhow::bail!("a message with neither text nor files");
    }
    let mut attempt = 1;
    loop {
        match step(state, settings, keys, inbound, &part, &evidence).await {
            Err(e) if window_moved(&e) && attempt < ATTEMPTS => attempt += 1,
            done => return done,
        }
    }
}

/// Whether another message changed the sender's window while this one was being stored
/// (nothing of this one was stored).
fn window_moved(e: &anyhow::Error) -> bool {
    let conflict = |s: &StorageError| matches!(s, StorageError::Conflict("conversation_window"));
    e.downcast_ref::<StorageError>().is_some_and(conflict)
        || matches!(e.downcast_ref::<IntakeError>(), Some(IntakeError::Storage(s)) if conflict(s))
}

/// One try at storing a message against the window as it is now.
async fn step(
    state: &impl Context,
    settings: &Settings,
    keys: &GatewayKeys,
    inbound: &Inbound,
    part: &Zeroizing<String>,
    evidence: &Evidence,
) -> anyhow::Result<Option<Receipt>> {
    let store = state.store();
    let public_key = state.intake().public_key(store).await?;
    let seen_key = inbound.seen_key.as_deref();
    let channel = settings.channel.as_str();
    let key = keys.window_key(&inbound.from);
    let lock = keys.window_lock(&inbound.from);
    let now = OffsetDateTime::now_utc();

    // The report an open window of hers grows, if it cannot grow any more (opened and
    // withdrawn, gone) or its state does not open (the channel's secret changed): the new
    // report's window takes its place.
    let mut replaces = None;
    if let Some(window) = store.conversation_window(channel, &key, now).await? {
        replaces = Some(window.submission);
        if let Some(state_now) = WindowState::open(&lock, &key, &window.sealed) {
            // Sealed texts, made below, outlive the part that borrows them.
            let resealed;
            let grown;
            let appended;
            let sealed_same = state_now.seal(&lock, &key)?;
            let mut grow = ConversationPart {
                report: None,
                follow_up: None,
                attachments: &evidence.attachments,
                notes: &evidence.notes,
                message: seen_key,
                window: Some(WindowStep {
                    channel,
                    key: &key,
                    version: window.version,
                    opened: window.opened,
                    sealed: &sealed_same,
                }),
            };
            if part.is_empty() {
                // Files alone: the text stays as it is.
                if store.grow_conversation(window.submission, &grow).await? {
                    return Ok(None);
                }
            } else {
                // Words after files alone take the place of the placeholder.
                let joined = if state_now.text == NO_TEXT {
                    part.to_string()
                } else {
                    format!("{}\n{}", state_now.text, part.as_str())
                };
                if !window.opened {
                    // the whole text so far: an Urdu window stays Urdu (it has Arabic
                    // letters), and a short first part that said too little to tell Sindhi
                    // from Urdu is told by what follows
                    let lang = commands::language_of(&joined);
                    let report =
                        raw_report(&joined, lang, state_now.consent, state_now.received_at());
                    if let Ok(report) = report {
                        resealed = intake::seal_report(&public_key, report)?;
                        grown = WindowState {
                            received_at: state_now.received_at,
                            lang,
                            consent: state_now.consent,
                            text: joined,
                            receipt: state_now.receipt.clone(),
                        }
                        .seal(&lock, &key)?;
                        grow.report = Some(&resealed);
                        grow.window = Some(WindowStep {
                            channel,
                            key: &key,
                            version: window.version,
                            opened: false,
                            sealed: &grown,
                        });
                        if store.grow_conversation(window.submission, &grow).await? {
                            return Ok(None);
                        }
                    }
                }
                // A moderator has the report (or it grew too long): the part is appended to
                // it as a sealed addition, unless the report was withdrawn meanwhile.
                if ReportText::parse(part).is_ok() {
                    appended = sealing::seal(&public_key, part.as_bytes());
                    grow.report = None;
                    grow.follow_up = Some(&appended);
                    grow.window = Some(WindowStep {
                        channel,
                        key: &key,
                        version: window.version,
                        opened: true,
                        sealed: &sealed_same,
                    });
                    if store.grow_conversation(window.submission, &grow).await? {
                        return Ok(None);
                    }
                }
            }
        }
    }

    let text = if part.is_empty() {
        NO_TEXT
    } else {
        part.as_str()
    };
    let lang = commands::language_of(part);
    let consent = settings.default_consent;
    let received_at = now;
    let report = raw_report(text, lang, consent, received_at)
        .map_err(|e| anyhow::anyhow!("a message is not a valid report text: {e}"))?;
    let receipt = Receipt::generate();
    let receipt_key = state.intake().receipt_key(store).await?;
    let window = if settings.join_window > Duration::ZERO {
        let opened = WindowState {
            received_at: received_at.unix_timestamp(),
            lang,
            consent,
            text: text.to_owned(),
            receipt: receipt.digits(),
        };
        Some(NewWindow {
            channel,
            key: key.clone(),
            expires_at: now + settings.join_window,
            sealed: opened.seal(&lock, &key)?,
            replaces,
            now,
        })
    } else {
        None
    };
    let id = intake::accept(
        store,
        &public_key,
        state.taxonomy(),
        state.gazetteer(),
        Incoming {
            report,
            contact: Some(inbound.contact.clone()),
            channel: settings.channel,
            flagged: false,
            receipt_hash: Some(receipt_hash(receipt_key, &receipt)),
            attachments: evidence.attachments.clone(),
        },
        crate::storage::Arrival {
            sms_message: inbound.seen_key.clone(),
            notes: evidence.notes.clone(),
            window,
            ..Default::default()
        },
    )
    .await?;
    // Her reply key is made after the report is stored, never delaying the gateway's answer.
    state
        .intake()
        .reply_keys
        .make_after_stored(store, id, receipt.second_copy());
    Ok(Some(receipt))
}
