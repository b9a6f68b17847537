//! Notices on a reporter's own channel that a message from the organisation waits for her on
//! the follow-up page (issue 19, "Talk back safely").
//!
//! A notice never carries the message, nor anything of her report: only that there is a new
//! message and, in the `named` wording, the site and its follow-up page. The `neutral` wording
//! names nothing at all, for a phone someone else may read. It goes only to someone who
//! reported on that channel, whose channel answers senders at all (`reply = "always"`: with
//! `on_request` or `never` nothing is sent unasked), and who has not sent STOP.
//!
//! Where it goes: the number or Telegram id sealed as the report's contact, opened with the
//! organisation key a moderator's unlocked session holds (which is why [`message_waiting`]
//! takes it). How it goes is how replies go on that channel: into the SMS outbox in the
//! database, for the SMSSync phone to fetch from any node (`task=send`), kept a day at most
//! and dropped by STOP like any reply; on WhatsApp and Telegram through the channel's sender
//! in the background, a failure counted in the log (the chat channels keep no queue). WhatsApp
//! delivers free text only within 24 hours of her last message; after that only an approved
//! template (`[whatsapp] notice_template`) can be sent, and without one nothing is.
//!
//! Nothing here writes a number, an id or a text to the log.

use std::time::Duration;

use naqsha_core::ids::SubmissionId;
use naqsha_core::lang::Lang;
use naqsha_core::sealing::{self, OrgSecretKey, SealError};
use naqsha_core::submission::{Channel, ContactDetails, SealedReport};
use time::OffsetDateTime;

use crate::channels::Context;
use crate::channels::conversation::Reply;
use crate::channels::sms::keys::{GatewayKeys, PhoneNumber};
use crate::channels::sms::outbox;
use crate::config::{Config, ReplyPolicy, ReplyWording};
use crate::i18n::Tr;
use crate::storage::{ModerationStore, SmsStore, StorageError};

/// How long after her last message WhatsApp still takes free text from a business.
pub const WHATSAPP_WINDOW: Duration = Duration::from_secs(24 * 60 * 60);
/// Taken off that window, for the time the notice takes to leave and for clocks that differ.
const WINDOW_MARGIN: Duration = Duration::from_secs(15 * 60);

/// What became of a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeOutcome {
    /// Handed to her channel: waiting in the SMS outbox for the gateway phone, or being sent
    /// to WhatsApp or Telegram (as the approved template when `template`).
    Queued {
        /// Her channel.
        channel: Channel,
        /// Sent as `[whatsapp] notice_template` (her last message is over 24 hours old).
        template: bool,
    },
    /// Her channel's settings, or she herself, do not allow it.
    NotAllowed {
        /// Her channel.
        channel: Channel,
        /// Why.
        why: NotAllowed,
    },
    /// Allowed, but the channel cannot carry it now.
    CannotSend {
        /// Her channel.
        channel: Channel,
        /// Why.
        why: CannotSend,
    },
    /// No number or id to send to (the contact details are gone with a withdrawn report).
    NoAddress {
        /// Her channel.
        channel: Channel,
    },
    /// Her channel is not connected on this server (any more).
    ChannelOff {
        /// Her channel.
        channel: Channel,
    },
    /// She did not report on a messaging channel (web form, API, email, import, news): she
    /// reads replies on the follow-up page, and nothing is sent to her.
    NoChannel {
        /// Where the report came from.
        channel: Channel,
    },
}

/// Why a notice is not allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAllowed {
    /// The channel's `reply` is `on_request` or `never`.
    RepliesOff,
    /// She sent STOP on that channel (and not START since).
    Stopped,
}

/// Why an allowed notice cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CannotSend {
    /// WhatsApp: her last message is over 24 hours old and no template is set.
    WindowClosed,
    /// SMS: only the generic webhook is on, and it can answer an SMS but not send one unasked.
    NoOutbox,
}

impl NoticeOutcome {
    /// The catalog key of the one-line summary for the moderator.
    pub fn summary_key(&self) -> &'static str {
        use Channel::{Sms, WhatsApp};
        match *self {
            Self::Queued { channel: Sms, .. } => "notice.outcome.queued_sms",
            Self::Queued {
                channel: WhatsApp,
                template: true,
            } => "notice.outcome.queued_whatsapp_template",
            Self::Queued {
                channel: WhatsApp, ..
            } => "notice.outcome.queued_whatsapp",
            Self::Queued { .. } => "notice.outcome.queued_telegram",
            Self::NotAllowed {
                channel: Sms,
                why: NotAllowed::RepliesOff,
            } => "notice.outcome.replies_off_sms",
            Self::NotAllowed {
                channel: WhatsApp,
                why: NotAllowed::RepliesOff,
            } => "notice.outcome.replies_off_whatsapp",
            Self::NotAllowed {
                why: NotAllowed::RepliesOff,
                ..
            } => "notice.outcome.replies_off_telegram",
            Self::NotAllowed {
                why: NotAllowed::Stopped,
                ..
            } => "notice.outcome.stopped",
            Self::CannotSend {
                why: CannotSend::WindowClosed,
                ..
            } => "notice.outcome.window_closed",
            Self::CannotSend {
                why: CannotSend::NoOutbox,
                ..
            } => "notice.outcome.no_outbox",
            Self::NoAddress { .. } => "notice.outcome.no_address",
            Self::ChannelOff { channel: Sms } => "notice.outcome.off_sms",
            Self::ChannelOff { channel: WhatsApp } => "notice.outcome.off_whatsapp",
            Self::ChannelOff { .. } => "notice.outcome.off_telegram",
            Self::NoChannel { .. } => "notice.outcome.no_channel",
        }
    }

    /// The one-line summary for the moderator, in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        Tr(lang).t(self.summary_key()).to_owned()
    }

    /// A short name for the log.
    fn log_name(&self) -> &'static str {
        match self {
            Self::Queued { .. } => "queued",
            Self::NotAllowed { .. } => "not allowed",
            Self::CannotSend { .. } => "cannot be sent",
            Self::NoAddress { .. } => "no address",
            Self::ChannelOff { .. } => "channel off",
            Self::NoChannel { .. } => "not a messaging channel",
        }
    }
}

/// Why no outcome could be given: nothing was sent.
#[derive(Debug, thiserror::Error)]
pub enum NoticeError {
    /// No report has this id.
    #[error("no such report")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The contact details or the report did not open with this key, or are not what was
    /// sealed.
    #[error("the report's sealed parts do not open: {0}")]
    Sealed(String),
    /// The notice could not be put in the SMS outbox for a reason other than the database.
    #[error("the notice could not be queued: {0}")]
    Queue(String),
}

impl From<SealError> for NoticeError {
    fn from(e: SealError) -> Self {
        Self::Sealed(e.to_string())
    }
}

/// What a channel needs to send a notice, from the configuration.
struct Route<'a> {
    reply: ReplyPolicy,
    wording: ReplyWording,
    /// The keys STOP may have been recorded under (SMS: each gateway's).
    stop_keys: Vec<GatewayKeys>,
    way: Way<'a>,
}

enum Way<'a> {
    /// The SMSSync outbox, under these keys; none when only the webhook is on.
    Sms(Option<GatewayKeys>),
    WhatsApp(&'a crate::config::WhatsAppSettings),
    Telegram(&'a crate::config::TelegramSettings),
}

/// The route of `channel`; none when it is not connected.
fn route(config: &Config, channel: Channel) -> Option<Route<'_>> {
    match channel {
        Channel::Sms => {
            let keys = |secret: Option<&naqsha_core::shared_secret::SharedSecret>| {
                secret.map(|s| GatewayKeys::derive(s.expose()))
            };
            let smssync = config.smssync_secret.as_ref();
            let webhook = config.sms.webhook_secret.as_ref();
            if smssync.is_none() && webhook.is_none() {
                return None;
            }
            Some(Route {
                reply: config.sms.reply,
                wording: config.sms.reply_wording,
                // STOP through either gateway counts: both reach the same phones.
                stop_keys: [keys(smssync), keys(webhook)]
                    .into_iter()
                    .flatten()
                    .collect(),
                way: Way::Sms(keys(smssync)),
            })
        }
        Channel::WhatsApp => config.whatsapp.as_ref().map(|w| Route {
            reply: w.conversation.reply,
            wording: w.conversation.reply_wording,
            stop_keys: vec![GatewayKeys::derive(w.app_secret.expose())],
            way: Way::WhatsApp(w),
        }),
        Channel::Telegram => config.telegram.as_ref().map(|t| Route {
            reply: t.conversation.reply,
            wording: t.conversation.reply_wording,
            stop_keys: vec![GatewayKeys::derive(t.secret_token.expose())],
            way: Way::Telegram(t),
        }),
        _ => None,
    }
}

/// Tells the reporter of `submission`, on the channel she reported on, that a message from
/// the organisation waits for her on the follow-up page, if her channel and she allow it.
/// Call it right after the message is stored, with the organisation key of the moderator's
/// unlocked session. Returns what became of the notice ([`NoticeOutcome::summary`] words it
/// for the moderator); an error means nothing was sent.
pub async fn message_waiting(
    ctx: &impl Context,
    org_secret: &OrgSecretKey,
    submission: SubmissionId,
) -> Result<NoticeOutcome, NoticeError> {
    let outcome = decide_and_send(ctx, org_secret, submission).await?;
    tracing::info!(
        channel = outcome_channel(&outcome).as_str(),
        outcome = outcome.log_name(),
        "a notice of a waiting message"
    );
    Ok(outcome)
}

fn outcome_channel(outcome: &NoticeOutcome) -> Channel {
    match *outcome {
        NoticeOutcome::Queued { channel, .. }
        | NoticeOutcome::NotAllowed { channel, .. }
        | NoticeOutcome::CannotSend { channel, .. }
        | NoticeOutcome::NoAddress { channel }
        | NoticeOutcome::ChannelOff { channel }
        | NoticeOutcome::NoChannel { channel } => channel,
    }
}

async fn decide_and_send(
    ctx: &impl Context,
    org_secret: &OrgSecretKey,
    submission: SubmissionId,
) -> Result<NoticeOutcome, NoticeError> {
    let store = ctx.store();
    let sealed = store
        .sealed_submission(submission)
        .await?
        .ok_or(NoticeError::NotFound)?;
    let channel = sealed.envelope.channel;
    if !matches!(
        channel,
        Channel::Sms | Channel::WhatsApp | Channel::Telegram
    ) {
        return Ok(NoticeOutcome::NoChannel { channel });
    }
    let Some(route) = route(ctx.config(), channel) else {
        return Ok(NoticeOutcome::ChannelOff { channel });
    };
    if route.reply != ReplyPolicy::Always {
        return Ok(NoticeOutcome::NotAllowed {
            channel,
            why: NotAllowed::RepliesOff,
        });
    }
    let Some(sealed_contact) = &sealed.contact else {
        return Ok(NoticeOutcome::NoAddress { channel });
    };
    let plain = sealing::open(org_secret, sealed_contact)?;
    let contact: ContactDetails =
        serde_json::from_slice(&plain).map_err(|e| NoticeError::Sealed(e.to_string()))?;
    let address = match channel {
        Channel::Telegram => contact.telegram.as_deref(),
        _ => contact.phone.as_deref(),
    };
    let Some(to) = address.and_then(PhoneNumber::parse) else {
        return Ok(NoticeOutcome::NoAddress { channel });
    };
    for keys in &route.stop_keys {
        if store.sms_stopped(&keys.stop_key(&to)).await? {
            return Ok(NoticeOutcome::NotAllowed {
                channel,
                why: NotAllowed::Stopped,
            });
        }
    }
    // Her language, the one the report was taken in; only that leaves the sealed report.
    let lang = match &sealed.report {
        Some(report) => {
            let plain = sealing::open(org_secret, report)?;
            serde_json::from_slice::<SealedReport>(&plain)
                .map_err(|e| NoticeError::Sealed(e.to_string()))?
                .report
                .language
        }
        None => Lang::EN,
    };
    let text = notice_text(ctx.config(), route.wording, lang);
    let queued = |template| NoticeOutcome::Queued { channel, template };
    match route.way {
        Way::Sms(None) => Ok(NoticeOutcome::CannotSend {
            channel,
            why: CannotSend::NoOutbox,
        }),
        Way::Sms(Some(keys)) => {
            outbox::push(store, &keys, &to, &text).await.map_err(|e| {
                match e.downcast::<StorageError>() {
                    Ok(storage) => NoticeError::Storage(storage),
                    Err(other) => NoticeError::Queue(other.to_string()),
                }
            })?;
            Ok(queued(false))
        }
        Way::WhatsApp(config) => {
            let reply = Reply { to, text };
            if within_window(sealed.envelope.received_hour, OffsetDateTime::now_utc()) {
                crate::channels::whatsapp::send_replies(ctx, config, vec![reply]);
                Ok(queued(false))
            } else if let Some(template) = &config.notice_template {
                crate::channels::whatsapp::send_template(ctx, config, &reply.to, template, lang);
                Ok(queued(true))
            } else {
                Ok(NoticeOutcome::CannotSend {
                    channel,
                    why: CannotSend::WindowClosed,
                })
            }
        }
        Way::Telegram(config) => {
            // In a private chat with the bot the chat's id is her user id.
            let Ok(chat_id) = to.as_str().parse::<i64>() else {
                return Ok(NoticeOutcome::NoAddress { channel });
            };
            crate::channels::telegram::send_replies(ctx, config, chat_id, vec![Reply { to, text }]);
            Ok(queued(false))
        }
    }
}

/// Whether WhatsApp still takes free text from us: the report arrived within the last 24
/// hours, less a margin. Its arrival is kept only to the hour, rounded down, so this errs
/// towards the template, never towards a message WhatsApp would refuse.
fn within_window(received_hour: OffsetDateTime, now: OffsetDateTime) -> bool {
    now - received_hour < WHATSAPP_WINDOW - WINDOW_MARGIN
}

/// The words of a notice in `lang`: there is a new message, and (named) where to read it.
/// Nothing of a message or a report is ever put into it.
pub fn notice_text(config: &Config, wording: ReplyWording, lang: Lang) -> String {
    let tr = Tr(lang);
    match wording {
        ReplyWording::Neutral => tr.t("notice.text.neutral").to_owned(),
        ReplyWording::Named => {
            let site = config
                .site_title
                .clone()
                .unwrap_or_else(|| tr.t("site.name").to_owned());
            match &config.public_url {
                Some(base) => {
                    // The page's address in her language, as the site's own links are made.
                    let url = format!("{base}{}", lang.localise("/follow-up"));
                    tr.f("notice.text.named", &[("site", &site), ("url", &url)])
                }
                None => tr.f("notice.text.named_no_link", &[("site", &site)]),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::channels::sms::length;

    fn config(site_title: Option<&str>, public_url: Option<&str>) -> Config {
        let mut c = Config::for_data_dir("unused");
        c.site_title = site_title.map(str::to_owned);
        c.public_url = public_url.map(str::to_owned);
        c
    }

    #[test]
    fn named_notices_say_where_to_read_in_her_language_and_fit_two_sms() {
        let c = config(
            Some("Digital Rights Helpline"),
            Some("https://naqsha.example.org"),
        );
        let en = notice_text(&c, ReplyWording::Named, Lang::EN);
        assert!(en.contains("Digital Rights Helpline"), "{en}");
        assert!(en.contains("https://naqsha.example.org/follow-up"), "{en}");
        let ur = notice_text(&c, ReplyWording::Named, Lang::UR);
        assert!(
            ur.contains("https://naqsha.example.org/ur/follow-up"),
            "{ur}"
        );
        assert!(naqsha_core::script::has_arabic_letters(&ur), "{ur}");
        let no_link = notice_text(&config(None, None), ReplyWording::Named, Lang::EN);
        assert!(
            no_link.contains("Naqsha") && !no_link.contains("http"),
            "{no_link}"
        );
        for lang in Lang::BASE {
            for c in [&c, &config(None, None)] {
                let text = notice_text(c, ReplyWording::Named, lang);
                assert!(length::segments(&text) <= 2, "{lang:?}: {text}");
            }
        }
    }

    #[test]
    fn neutral_notices_name_neither_organisation_nor_site_nor_reports() {
        let c = config(
            Some("Digital Rights Helpline"),
            Some("https://naqsha.example.org"),
        );
        for lang in Lang::BASE {
            let text = notice_text(&c, ReplyWording::Neutral, lang);
            let lower = text.to_lowercase();
            let site = Tr(lang).t("site.name").to_lowercase();
            for named in [
                "digital rights helpline",
                "naqsha",
                "example.org",
                "http",
                site.as_str(),
            ] {
                assert!(!lower.contains(named), "{lang:?} names {named}: {text}");
            }
            for word in [
                "report",
                "abuse",
                "harass",
                "violence",
                "follow",
                "رپورٹ",
                "ہراس",
                "تشدد",
            ] {
                assert!(!lower.contains(word), "{lang:?} says {word}: {text}");
            }
            assert!(length::segments(&text) <= 2, "{lang:?}: {text}");
        }
    }

    #[test]
    fn whatsapp_free_text_only_well_inside_24_hours_of_the_report() {
        let hour = datetime!(2026-03-04 13:00 UTC);
        assert!(within_window(hour, datetime!(2026-03-04 13:59 UTC)));
        assert!(within_window(hour, datetime!(2026-03-05 12:40 UTC)));
        assert!(!within_window(hour, datetime!(2026-03-05 12:50 UTC)));
        assert!(!within_window(hour, datetime!(2026-03-07 09:00 UTC)));
    }

    #[test]
    fn every_outcome_has_a_summary_in_both_languages() {
        let mut outcomes = Vec::new();
        for channel in [Channel::Sms, Channel::WhatsApp, Channel::Telegram] {
            for template in [false, true] {
                outcomes.push(NoticeOutcome::Queued { channel, template });
            }
            for why in [NotAllowed::RepliesOff, NotAllowed::Stopped] {
                outcomes.push(NoticeOutcome::NotAllowed { channel, why });
            }
            for why in [CannotSend::WindowClosed, CannotSend::NoOutbox] {
                outcomes.push(NoticeOutcome::CannotSend { channel, why });
            }
            outcomes.push(NoticeOutcome::NoAddress { channel });
            outcomes.push(NoticeOutcome::ChannelOff { channel });
        }
        outcomes.push(NoticeOutcome::NoChannel {
            channel: Channel::Web,
        });
        for outcome in outcomes {
            for lang in Lang::BASE {
                assert!(
                    crate::i18n::has_message(lang, outcome.summary_key()),
                    "{outcome:?} in {lang:?}"
                );
            }
        }
        let queued = NoticeOutcome::Queued {
            channel: Channel::Sms,
            template: false,
        };
        assert!(queued.summary(Lang::EN).contains("SMS"));
        let off = NoticeOutcome::NotAllowed {
            channel: Channel::Telegram,
            why: NotAllowed::RepliesOff,
        };
        assert!(off.summary(Lang::EN).contains("Telegram"));
    }
}
