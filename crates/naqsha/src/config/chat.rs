//! The `[whatsapp]` and `[telegram]` settings: a WhatsApp Business number through Meta's
//! Cloud API and a Telegram bot through the Bot API, each off until its secrets are set.

use std::collections::BTreeMap;
use std::time::Duration;

use naqsha_core::shared_secret::SharedSecret;
use naqsha_core::submission::Consent;
use url::Url;
use zeroize::Zeroizing;

use super::{ConfigError, MAKE_A_SECRET, Raw, ReplyPolicy, ReplyWording};

/// Where Meta's Graph API is.
pub const WHATSAPP_API_BASE: &str = "https://graph.facebook.com";
/// The Graph API version called unless `[whatsapp] api_version` says otherwise.
pub const WHATSAPP_API_VERSION: &str = "v23.0";
/// The host Meta serves WhatsApp media from.
pub const WHATSAPP_MEDIA_HOST: &str = "lookaside.fbsbx.com";
/// The longest name of a WhatsApp message template Meta accepts.
pub const NOTICE_TEMPLATE_MAX: usize = 512;
/// Where Telegram's Bot API is.
pub const TELEGRAM_API_BASE: &str = "https://api.telegram.org";

/// A credential the platform gave us (an app secret, an access token, a bot token): not
/// chosen by us, so not held to [`SharedSecret`]'s randomness rule. Memory only, wiped on
/// drop; `Debug` does not show it.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiSecret(Zeroizing<String>);

impl ApiSecret {
    /// The credential itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for ApiSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiSecret(..)")
    }
}

/// How a chat channel treats a conversation, as SMS does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationSettings {
    /// Messages from one sender within this time of their first one join one report.
    pub join_window: Duration,
    /// What reporters on this channel are taken to allow (they were not asked).
    pub default_consent: Consent,
    /// When a sender is answered at all.
    pub reply: ReplyPolicy,
    /// How a notice of a message waiting on the follow-up page is worded.
    pub reply_wording: ReplyWording,
}

impl Default for ConversationSettings {
    fn default() -> Self {
        Self {
            join_window: Duration::from_secs(10 * 60),
            default_consent: Consent::Private,
            reply: ReplyPolicy::Always,
            reply_wording: ReplyWording::Named,
        }
    }
}

/// A WhatsApp Business number (`[whatsapp]`), on when `app_secret` is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatsAppSettings {
    /// The Meta app's secret: every webhook is signed with it (`X-Hub-Signature-256`).
    pub app_secret: ApiSecret,
    /// The token Meta echoes when the webhook is registered (chosen by the organisation).
    pub verify_token: SharedSecret,
    /// The access token media is fetched and replies are sent with.
    pub access_token: ApiSecret,
    /// The id of the organisation's number in the Graph API (not the number itself).
    pub phone_number_id: String,
    /// The Graph API's base URL.
    pub api_base: Url,
    /// The Graph API version, e.g. `v23.0`.
    pub api_version: String,
    /// Hosts media may be downloaded from besides the API's own.
    pub media_hosts: Vec<String>,
    /// The approved message template a notice is sent as once her last message is more than
    /// 24 hours old (WhatsApp allows free text only within 24 hours of it); without one such a
    /// notice is not sent.
    pub notice_template: Option<String>,
    /// Join window, consent and replies.
    pub conversation: ConversationSettings,
}

/// A Telegram bot (`[telegram]`), on when `bot_token` is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TelegramSettings {
    /// The bot's token from BotFather.
    pub bot_token: ApiSecret,
    /// The secret Telegram sends with every update (`X-Telegram-Bot-Api-Secret-Token`), as
    /// given to `setWebhook`.
    pub secret_token: SharedSecret,
    /// The Bot API's base URL.
    pub api_base: Url,
    /// Join window, consent and replies.
    pub conversation: ConversationSettings,
}

type Text<'a> = &'a dyn Fn(&'static str) -> Result<Option<String>, ConfigError>;
type Fail<'a> = &'a dyn Fn(&str, String) -> ConfigError;

/// Reads `[whatsapp]` and `[telegram]`.
pub(super) fn read(
    raw: &BTreeMap<&'static str, Raw>,
    string: Text<'_>,
    err: Fail<'_>,
) -> Result<(Option<WhatsAppSettings>, Option<TelegramSettings>), ConfigError> {
    Ok((whatsapp(raw, string, err)?, telegram(raw, string, err)?))
}

fn whatsapp(
    raw: &BTreeMap<&'static str, Raw>,
    string: Text<'_>,
    err: Fail<'_>,
) -> Result<Option<WhatsAppSettings>, ConfigError> {
    let Some(app_secret) = string("whatsapp.app_secret")?.filter(|s| !s.trim().is_empty()) else {
        return Ok(None);
    };
    let required = |path: &'static str, what: &str| {
        string(path)?
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| {
                err(
                    path,
                    format!("expected {what} (whatsapp.app_secret is set)"),
                )
            })
    };
    let verify_token = required("whatsapp.verify_token", "the webhook's verify token")?;
    let verify_token = SharedSecret::parse(&verify_token)
        .map_err(|weak| err("whatsapp.verify_token", format!("{weak}; {MAKE_A_SECRET}")))?;
    let access_token = required("whatsapp.access_token", "an access token")?;
    let phone_number_id = required("whatsapp.phone_number_id", "the phone number id")?;
    let phone_number_id = phone_number_id.trim().to_owned();
    if !phone_number_id.bytes().all(|b| b.is_ascii_digit()) || phone_number_id.len() > 32 {
        return Err(err(
            "whatsapp.phone_number_id",
            "expected the number's id from the app's WhatsApp settings (digits, not the phone \
             number itself)"
                .into(),
        ));
    }
    let api_base = api_base("whatsapp.api_base", WHATSAPP_API_BASE, string, err)?;
    let api_version = match string("whatsapp.api_version")? {
        Some(v) => {
            let v = v.trim().to_owned();
            let plain = v.strip_prefix('v').is_some_and(|n| {
                n.split('.').count() == 2
                    && n.split('.')
                        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            });
            if !plain {
                return Err(err(
                    "whatsapp.api_version",
                    format!("expected a Graph API version like {WHATSAPP_API_VERSION}, got {v:?}"),
                ));
            }
            v
        }
        None => WHATSAPP_API_VERSION.to_owned(),
    };
    let media_hosts = hosts(raw, err)?;
    let notice_template = match string("whatsapp.notice_template")? {
        Some(name) if !name.trim().is_empty() => {
            let name = name.trim().to_owned();
            // Meta's rule for template names: lower-case letters, digits and underscores.
            let plain = name.len() <= NOTICE_TEMPLATE_MAX
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !plain {
                return Err(err(
                    "whatsapp.notice_template",
                    format!(
                        "expected the name of an approved message template (lower-case letters, \
                         digits and _), got {name:?}"
                    ),
                ));
            }
            Some(name)
        }
        _ => None,
    };
    Ok(Some(WhatsAppSettings {
        app_secret: ApiSecret(Zeroizing::new(app_secret)),
        verify_token,
        access_token: ApiSecret(Zeroizing::new(access_token.trim().to_owned())),
        phone_number_id,
        api_base,
        api_version,
        media_hosts,
        notice_template,
        conversation: conversation("whatsapp", raw, string, err)?,
    }))
}

fn telegram(
    raw: &BTreeMap<&'static str, Raw>,
    string: Text<'_>,
    err: Fail<'_>,
) -> Result<Option<TelegramSettings>, ConfigError> {
    let Some(bot_token) = string("telegram.bot_token")?.filter(|s| !s.trim().is_empty()) else {
        return Ok(None);
    };
    let bot_token = bot_token.trim().to_owned();
    // BotFather's form, `123456789:AA…`; it goes into URL paths, so nothing else may pass.
    let plain = bot_token.split_once(':').is_some_and(|(id, key)| {
        !id.is_empty()
            && id.bytes().all(|b| b.is_ascii_digit())
            && !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
    });
    if !plain {
        return Err(err(
            "telegram.bot_token",
            "expected the token BotFather gave, like 123456789:AAE… (the value is not shown)"
                .into(),
        ));
    }
    let secret = string("telegram.secret_token")?
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            err(
                "telegram.secret_token",
                "expected the secret token given to setWebhook (telegram.bot_token is set)".into(),
            )
        })?;
    // Telegram accepts 1–256 characters of A–Z, a–z, 0–9, `_` and `-` (what `naqsha secret`
    // prints).
    if secret.len() > 256
        || !secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
    {
        return Err(err(
            "telegram.secret_token",
            format!("Telegram allows only letters, digits, _ and - (at most 256); {MAKE_A_SECRET}"),
        ));
    }
    let secret_token = SharedSecret::parse(&secret)
        .map_err(|weak| err("telegram.secret_token", format!("{weak}; {MAKE_A_SECRET}")))?;
    Ok(Some(TelegramSettings {
        bot_token: ApiSecret(Zeroizing::new(bot_token)),
        secret_token,
        api_base: api_base("telegram.api_base", TELEGRAM_API_BASE, string, err)?,
        conversation: conversation("telegram", raw, string, err)?,
    }))
}

/// An API's base URL: https, or http only to this machine (tests, a local proxy); no query,
/// no credentials; without a trailing slash.
fn api_base(
    path: &'static str,
    default: &str,
    string: Text<'_>,
    err: Fail<'_>,
) -> Result<Url, ConfigError> {
    let text = string(path)?
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| default.to_owned());
    let bad = || {
        err(
            path,
            format!(
                "expected an https URL like {default} (http only on this machine), got {text:?}"
            ),
        )
    };
    let url = Url::parse(text.trim().trim_end_matches('/')).map_err(|_| bad())?;
    let loopback = match url.host() {
        Some(url::Host::Domain(d)) => d == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => return Err(bad()),
    };
    let plain = (url.scheme() == "https" || (url.scheme() == "http" && loopback))
        && url.username().is_empty()
        && url.password().is_none()
        && url.query().is_none()
        && url.fragment().is_none();
    if !plain {
        return Err(bad());
    }
    Ok(url)
}

/// `[whatsapp] media_hosts`: a list in the file; in the environment one string separated
/// by commas or spaces. Host names only.
fn hosts(raw: &BTreeMap<&'static str, Raw>, err: Fail<'_>) -> Result<Vec<String>, ConfigError> {
    let path = "whatsapp.media_hosts";
    let items: Vec<String> = match raw.get(path).map(|r| &r.value) {
        None => return Ok(vec![WHATSAPP_MEDIA_HOST.to_owned()]),
        Some(toml::Value::String(s)) => s
            .split([',', ' ', '\n'])
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .map(str::to_owned)
            .collect(),
        Some(toml::Value::Array(a)) => a
            .iter()
            .map(|v| match v {
                toml::Value::String(s) => Ok(s.trim().to_owned()),
                other => Err(err(
                    path,
                    format!("expected host names, got {}", other.type_str()),
                )),
            })
            .collect::<Result<_, _>>()?,
        Some(other) => {
            return Err(err(
                path,
                format!("expected a list of host names, got {}", other.type_str()),
            ));
        }
    };
    for h in &items {
        let plain = !h.is_empty()
            && h.split('.').count() >= 2
            && h.split('.').all(|label| {
                !label.is_empty()
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            });
        if !plain {
            return Err(err(
                path,
                format!("expected host names like {WHATSAPP_MEDIA_HOST}, got {h:?}"),
            ));
        }
    }
    Ok(items.into_iter().map(|h| h.to_ascii_lowercase()).collect())
}

/// `join_window_minutes`, `default_consent`, `reply` and `reply_wording` of a chat channel's
/// section.
fn conversation(
    section: &'static str,
    raw: &BTreeMap<&'static str, Raw>,
    string: Text<'_>,
    err: Fail<'_>,
) -> Result<ConversationSettings, ConfigError> {
    let key = |name: &str| -> &'static str {
        match (section, name) {
            ("whatsapp", "join_window_minutes") => "whatsapp.join_window_minutes",
            ("whatsapp", "default_consent") => "whatsapp.default_consent",
            ("whatsapp", "reply_wording") => "whatsapp.reply_wording",
            ("whatsapp", _) => "whatsapp.reply",
            (_, "join_window_minutes") => "telegram.join_window_minutes",
            (_, "default_consent") => "telegram.default_consent",
            (_, "reply_wording") => "telegram.reply_wording",
            _ => "telegram.reply",
        }
    };
    let mut out = ConversationSettings::default();
    let minutes = key("join_window_minutes");
    if let Some(value) = raw.get(minutes).map(|r| &r.value) {
        let n = match value {
            toml::Value::Integer(n) => u64::try_from(*n).ok(),
            toml::Value::String(s) => s.trim().parse::<u64>().ok(),
            _ => None,
        };
        let n = n.filter(|n| *n <= 24 * 60).ok_or_else(|| {
            err(
                minutes,
                "expected a whole number of minutes from 0 to 1440".into(),
            )
        })?;
        out.join_window = Duration::from_secs(n * 60);
    }
    let consent = key("default_consent");
    if let Some(s) = string(consent)? {
        out.default_consent = s.trim().parse().map_err(|_| {
            err(
                consent,
                format!("expected private, statistics_only or publish, got {s:?}"),
            )
        })?;
    }
    let reply = key("reply");
    if let Some(s) = string(reply)? {
        out.reply = s.trim().parse().map_err(|msg: String| err(reply, msg))?;
    }
    let wording = key("reply_wording");
    if let Some(s) = string(wording)? {
        out.reply_wording = s.trim().parse().map_err(|msg: String| err(wording, msg))?;
    }
    Ok(out)
}
