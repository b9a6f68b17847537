//! Reports by SMS, from any gateway: the SMSSync Android app ([`smssync`]) or a generic
//! webhook ([`webhook`]). Both hand an [`Inbound`] message to [`receive`], which runs the
//! conversation ([`crate::channels::conversation`]: commands, join window, a retry stored
//! once) the WhatsApp and Telegram channels share.
//!
//! Replies: each new report is answered in the sender's language with its receipt and the
//! follow-up commands (`STATUS <receipt>`, `STOP`, `START`); nothing is sent to a number that
//! sent STOP. `[sms] reply` can hold the receipt back until she asks for it (`RECEIPT`,
//! while her window is open: the receipt is kept sealed with the window) or send nothing
//! at all, because a receipt on a shared phone can tell someone that she reported. Replies
//! travel in the gateway's answer or wait in the [`outbox`] (in the database, for whichever
//! node the phone polls); each fits two SMS (see [`length`]).
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

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use naqsha_core::submission::{Channel, ContactDetails};
use zeroize::Zeroizing;

use self::keys::{GatewayKeys, PhoneNumber};
use crate::channels::Context;
use crate::channels::conversation::{self, Conversations, Evidence, ReplyTexts, Settings};
use crate::storage::SmsStore;

pub use crate::channels::conversation::{Received, Reply, clean, unavailable};

/// One SMS as a gateway delivered it.
pub struct Inbound {
    /// The sender.
    pub from: PhoneNumber,
    /// The text.
    pub text: Zeroizing<String>,
    /// The key of the gateway's message id, when it gives one (for storing a retry once).
    pub seen_key: Option<String>,
}

/// The SMS channel's memory on this node: messages being stored right now, the secret
/// guard, a count for the log. Lost on restart, by design. (Join windows and the replies
/// waiting for the phone are in the database, shared by every node.)
#[derive(Default)]
pub struct SmsRuntime {
    /// Messages being stored right now, replies given to recent ones.
    pub conversations: Conversations,
    /// Wrong gateway secrets: throttled per network and counted for the log.
    pub guard: guard::SecretGuard,
    /// SMS from sender names dropped since the last log line.
    sender_names: AtomicU64,
}

impl SmsRuntime {
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
}

/// Every minute, deletes expired join windows (so a sender's words do not stay until her
/// next SMS) and expired replies.
pub fn spawn_sweeper(state: impl Context) {
    if state.config().smssync_secret.is_none() && state.config().sms.webhook_secret.is_none() {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            let now = Instant::now();
            let store = state.store();
            let swept = match conversation::close_expired_windows(store).await {
                Ok(_) => {
                    store
                        .prune_sms_replies(time::OffsetDateTime::now_utc())
                        .await
                }
                Err(e) => Err(e),
            };
            if let Err(e) = swept {
                tracing::warn!(error = %e, "closing expired SMS windows and replies failed");
            }
            state.sms().conversations.forget_old_replies(now);
            state.sms().guard.flush(now);
            state.sms().flush_sender_names();
        }
    });
}

/// How SMS conversations run, from `[sms]`.
fn settings(state: &impl Context) -> Settings {
    let sms = &state.config().sms;
    Settings {
        channel: Channel::Sms,
        join_window: sms.join_window,
        default_consent: sms.default_consent,
        reply: sms.reply,
        texts: &TEXTS,
    }
}

/// The SMS replies, each within two SMS (see [`length`]).
const TEXTS: ReplyTexts = ReplyTexts {
    received: "sms.reply.received",
    status: "sms.reply.status",
    not_found: "sms.reply.not_found",
    receipt_format: "sms.reply.receipt_format",
    started: "sms.reply.started",
    no_receipt: "sms.reply.no_receipt",
};

/// Handles one incoming SMS: a command, or (part of) a report that is sealed and stored
/// before this returns.
pub async fn receive(
    state: &impl Context,
    keys: &GatewayKeys,
    inbound: Inbound,
) -> anyhow::Result<Received> {
    let runtime = state.sms();
    if is_sender_name(&inbound.from) {
        // Never stored and never answered: a reply would go to an operator's short code.
        runtime.sender_names.fetch_add(1, Ordering::Relaxed);
        return Ok(Received {
            duplicate: false,
            replies: Vec::new(),
        });
    }
    let message = conversation::Inbound {
        contact: ContactDetails::new(Some(inbound.from.as_str().to_owned()), None),
        from: inbound.from,
        text: inbound.text,
        seen_key: inbound.seen_key,
        evidence: Evidence::default(),
    };
    conversation::receive(
        state,
        &runtime.conversations,
        &settings(state),
        keys,
        message,
    )
    .await
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

/// The status answering an SMS that was not stored, after logging why: 503 when the
/// database is unavailable for now, 500 otherwise. Either way the gateway retries, and
/// nothing was stored.
pub fn not_stored_status(err: &anyhow::Error) -> axum::http::StatusCode {
    conversation::not_stored_status(Channel::Sms, err)
}

/// Asks the gateway to wait before retrying when the database is unavailable.
pub fn retry_after_failure(err: &anyhow::Error, res: &mut axum::response::Response) {
    conversation::retry_after_failure(err, res);
}

#[cfg(test)]
mod tests {
    use naqsha_core::lang::Lang;
    use naqsha_core::submission::SubmissionStatus;

    use super::*;
    use crate::i18n::Tr;
    use crate::intake::receipt::Receipt;

    #[test]
    fn every_reply_fits_two_sms_in_both_languages() {
        // The longest receipt form and minutes as configured; every status a report can have.
        let receipt = Receipt::generate().digits();
        for lang in [Lang::EN, Lang::UR] {
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
        let tr = Tr(Lang::UR);
        let long_site = "ڈیجیٹل حقوق";
        let text = tr.f(
            "sms.reply.received",
            &[("site", long_site), ("receipt", &receipt)],
        );
        assert_eq!(length::segments(&text), 2, "{text}");
    }
}
