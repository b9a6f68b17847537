//! Storing a message as a new report, or as the next part of the sender's open one.

use std::time::{Duration, Instant};

use naqsha_core::ids::SubmissionId;
use naqsha_core::lang::Lang;
use naqsha_core::sealing;
use naqsha_core::submission::{Consent, RawReport};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::{ReportText, TextError};
use time::OffsetDateTime;
use zeroize::Zeroizing;

use super::{Conversations, Evidence, Inbound, Settings, clean};
use crate::channels::Context;
use crate::channels::sms::commands;
use crate::channels::sms::keys::PhoneNumber;
use crate::intake::receipt::{Receipt, receipt_hash};
use crate::intake::{self, Incoming};
use crate::storage::{ConversationPart, SmsStore};

/// Most senders with an open window at once; the oldest window closes first.
const MAX_WINDOWS: usize = 10_000;

/// The report text of a message that brought files (or notes of files not kept) and no
/// words: what the moderator needs is in those.
pub const NO_TEXT: &str = "[a message without text: see the evidence files and the notes]";

/// A sender's open window: the report their messages are joining.
pub(super) struct Window {
    pub(super) submission: SubmissionId,
    pub(super) started: Instant,
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

/// The receipt of the sender's open report, if their window is open.
pub(super) async fn open_receipt(
    conversations: &Conversations,
    settings: &Settings,
    from: &PhoneNumber,
    now: Instant,
) -> Option<Zeroizing<String>> {
    let key = conversations.salt.key(from);
    conversations
        .windows
        .lock()
        .await
        .get(&key)
        .filter(|w| now.saturating_duration_since(w.started) < settings.join_window)
        .map(|w| w.receipt.clone())
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

/// Stores a message as a new report or as the next part of the sender's open one, with the
/// files and notes that came with it. Returns the receipt of a new report.
pub(super) async fn store(
    state: &impl Context,
    conversations: &Conversations,
    settings: &Settings,
    inbound: &Inbound,
    evidence: Evidence,
    now: Instant,
) -> anyhow::Result<Option<Receipt>> {
    let store = state.store();
    let public_key = state.intake().public_key(store).await?;
    let part = clean(&inbound.text);
    if part.is_empty() && evidence.is_empty() {
        anyhow::bail!("a message with neither text nor files");
    }
    let seen_key = inbound.seen_key.as_deref();
    let window_key = conversations.salt.key(&inbound.from);
    let join_window = settings.join_window;

    // One lock for the whole step keeps two parts from racing to the same report; messages
    // from people arrive slowly enough that serialising them costs little.
    let mut windows = conversations.windows.lock().await;
    windows.retain(|_, w| now.saturating_duration_since(w.started) < join_window);

    if let Some(window) = windows.get_mut(&window_key) {
        // Sealed texts, made below, outlive the part that borrows them.
        let resealed;
        let appended;
        let mut grow = ConversationPart {
            report: None,
            follow_up: None,
            attachments: &evidence.attachments,
            notes: &evidence.notes,
            message: seen_key,
        };
        if part.is_empty() {
            // Files alone: the text stays as it is.
            if store.grow_conversation(window.submission, &grow).await? {
                return Ok(None);
            }
        } else {
            // Words after files alone take the place of the placeholder.
            let joined = if window.text.as_str() == NO_TEXT {
                part.clone()
            } else {
                Zeroizing::new(format!("{}\n{}", window.text.as_str(), part.as_str()))
            };
            if !window.opened {
                let lang = if window.lang == Lang::Ur {
                    Lang::Ur
                } else {
                    commands::language_of(&part)
                };
                if let Ok(report) = raw_report(&joined, lang, window.consent, window.received_at) {
                    resealed = intake::seal_report(&public_key, report)?;
                    grow.report = Some(&resealed);
                    if store.grow_conversation(window.submission, &grow).await? {
                        window.text = joined;
                        window.lang = lang;
                        return Ok(None);
                    }
                    window.opened = true;
                }
            }
            // A moderator has the report (or it grew too long): the part is appended to it
            // as a sealed addition, unless the report was withdrawn meanwhile.
            if ReportText::parse(&part).is_ok() {
                appended = sealing::seal(&public_key, part.as_bytes());
                grow.report = None;
                grow.follow_up = Some(&appended);
                if store.grow_conversation(window.submission, &grow).await? {
                    window.opened = true;
                    return Ok(None);
                }
            }
        }
        windows.remove(&window_key);
    }

    let text = if part.is_empty() { NO_TEXT } else { &part };
    let lang = commands::language_of(&part);
    let consent = settings.default_consent;
    let received_at = OffsetDateTime::now_utc();
    let report = raw_report(text, lang, consent, received_at)
        .map_err(|e| anyhow::anyhow!("a message is not a valid report text: {e}"))?;
    let receipt = Receipt::generate();
    let key = state.intake().receipt_key(store).await?;
    let Evidence { attachments, notes } = evidence;
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
            receipt_hash: Some(receipt_hash(key, &receipt)),
            attachments,
        },
        crate::storage::Arrival {
            sms_message: inbound.seen_key.clone(),
            notes,
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
                text: if part.is_empty() {
                    Zeroizing::new(NO_TEXT.to_owned())
                } else {
                    part
                },
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

    #[tokio::test]
    async fn expired_windows_are_closed_and_their_text_dropped() {
        let rt = Conversations::default();
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
