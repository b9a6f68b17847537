//! Configuration: defaults, then an optional `naqsha.toml`, then `NAQSHA_*` environment
//! variables (with `NAQSHA_*_FILE` for secrets), then command-line flags. Every bad value is
//! reported as one line naming the key and what was expected.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use naqsha_core::shared_secret::SharedSecret;

mod chat;
mod federation;
mod node;

pub use chat::{
    ApiSecret, ConversationSettings, NOTICE_TEMPLATE_MAX, TELEGRAM_API_BASE, TelegramSettings,
    WHATSAPP_API_BASE, WHATSAPP_API_VERSION, WHATSAPP_MEDIA_HOST, WhatsAppSettings,
};
pub use federation::{
    DEFAULT_MAPPING_FILE, DEFAULT_PULL_MINUTES, FOLLOW_NAME_MAX_CHARS, FederationSettings,
    FollowEntry, parse_follow_name, parse_follow_url,
};
pub use node::{BadNodeId, NodeId};

/// The settings Naqsha runs with. Built only by [`Config::load`] or [`Config::for_data_dir`].
#[derive(Clone, PartialEq, Eq)]
pub struct Config {
    /// Where the database, uploads and keys live.
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; defaults to `<data_dir>/naqsha.db`.
    pub database_url: String,
    /// Connections this process keeps to the database at most (`[database] max_connections`);
    /// none: the backend's default ([`Backend::default_max_connections`]).
    pub database_max_connections: Option<u32>,
    /// The address `serve` listens on.
    pub bind: SocketAddr,
    /// This node's id among several over one database (`[server] node`); by default derived
    /// from the host name and [`Config::bind`].
    pub node: NodeId,
    /// A neutral title shown instead of "Naqsha" (so the site does not reveal its purpose on a
    /// shared screen).
    pub site_title: Option<String>,
    /// The public base URL (e.g. `https://naqsha.example.org`), used in printed links.
    pub public_url: Option<String>,
    /// The site's onion service address (`[server] onion_address`, a v3 address like
    /// `abc…xyz.onion`, lower case, without scheme): pages served over https name it in
    /// `Onion-Location`, so Tor Browser offers the onion.
    pub onion_address: Option<String>,
    /// Where quick exit leads (`[server] exit_url`): an ordinary page of another site, so a
    /// shared phone's screen and history show nothing of this one. Absolute http(s).
    pub exit_url: String,
    /// The organisation's time zone (`[server] time_zone`, an IANA name): staff pages show
    /// times in it.
    pub time_zone: jiff::tz::TimeZone,
    /// Mark session cookies `Secure` and `__Host-` (may be turned off only for plain-http use
    /// on a loopback address).
    pub secure_cookies: bool,
    /// The log filter (tracing `EnvFilter` syntax), e.g. `info` or `naqsha=debug`.
    pub log: String,
    /// Whether a publication waits for a second moderator or coordinator
    /// (`[moderation] second_approval`).
    pub second_approval: SecondApproval,
    /// Days after which a proposal the reporter has not answered counts as approved; 0 means
    /// never: a story she asked to see first waits for her approval
    /// (`[moderation] approval_timeout_days`).
    pub approval_timeout_days: u32,
    /// Shared secret of the SMSSync gateway (at least 128 bits of randomness).
    pub smssync_secret: Option<SharedSecret>,
    /// The rest of the SMS gateways' settings.
    pub sms: SmsSettings,
    /// Email intake: the mailbox to poll, if any.
    pub email: EmailSettings,
    /// A WhatsApp Business number (`[whatsapp]`), when connected.
    pub whatsapp: Option<WhatsAppSettings>,
    /// A Telegram bot (`[telegram]`), when connected.
    pub telegram: Option<TelegramSettings>,
    /// The header a trusted reverse proxy puts the client address in (e.g.
    /// `X-Forwarded-For`); only used to rate-limit per network, never stored or logged.
    pub client_ip_header: Option<String>,
    /// Require proof of work from JavaScript clients now, not only when a flood is detected.
    pub force_flood: bool,
    /// A map tile server the interactive map may draw under the outlines, as a URL template
    /// with `{z}`, `{x}` and `{y}` (e.g. `https://tiles.example.org/{z}/{x}/{y}.png`); none by
    /// default, so the map makes no request anywhere but here.
    pub map_tile_url: Option<String>,
    /// The age X25519 public keys (`age1…`) `naqsha backup` encrypts to when none is given
    /// on the command line.
    pub backup_recipients: Vec<String>,
    /// Minutes between polls of each news feed (`[news] poll_minutes`).
    pub news_poll_minutes: u32,
    /// Fetch news feeds from private and local addresses too (off: only public ones).
    pub news_allow_private_hosts: bool,
    /// Limits on the connections `serve` keeps open.
    pub connections: ConnectionSettings,
    /// Federation: the feed this instance publishes and the instances it follows.
    pub federation: FederationSettings,
}

/// Limits on open connections (`[server] max_connections`, `max_connections_per_network`,
/// `header_timeout_seconds`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionSettings {
    /// Open connections at most; one beyond it is closed at once.
    pub max: usize,
    /// Open connections from one network at most (not applied behind a reverse proxy, i.e.
    /// with `client_ip_header` set, where every connection comes from the proxy).
    pub per_network: usize,
    /// Time to send a request's headers, and the longest a kept-alive connection idles.
    pub header_timeout: std::time::Duration,
}

impl Default for ConnectionSettings {
    fn default() -> Self {
        Self {
            max: 2048,
            per_network: 64,
            header_timeout: std::time::Duration::from_secs(10),
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The database URL may carry a password; secrets are never printed.
        f.debug_struct("Config")
            .field("data_dir", &self.data_dir)
            .field("database", &redact_url(&self.database_url))
            .field("database_max_connections", &self.database_max_connections)
            .field("bind", &self.bind)
            .field("node", &self.node)
            .field("site_title", &self.site_title)
            .field("public_url", &self.public_url)
            .field("onion_address", &self.onion_address)
            .field("exit_url", &self.exit_url)
            .field("time_zone", &self.time_zone.iana_name())
            .field("second_approval", &self.second_approval)
            .field("approval_timeout_days", &self.approval_timeout_days)
            .field("secure_cookies", &self.secure_cookies)
            .field("log", &self.log)
            .field("smssync_secret", &self.smssync_secret.as_ref().map(|_| "…"))
            .field("sms", &self.sms)
            .field("email", &self.email)
            .field("whatsapp", &self.whatsapp)
            .field("telegram", &self.telegram)
            .field("client_ip_header", &self.client_ip_header)
            .field("force_flood", &self.force_flood)
            .field("map_tile_url", &self.map_tile_url)
            .field("backup_recipients", &self.backup_recipients)
            .field("news_poll_minutes", &self.news_poll_minutes)
            .field("news_allow_private_hosts", &self.news_allow_private_hosts)
            .field("connections", &self.connections)
            .field("federation", &self.federation)
            .finish()
    }
}

/// A configuration problem, phrased for the person running the command.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("configuration: {key}{source_hint}: {message}")]
pub struct ConfigError {
    /// The key, as written in naqsha.toml (e.g. `server.bind`).
    pub key: String,
    /// Where the value came from, e.g. ` (from NAQSHA_BIND)`.
    pub source_hint: String,
    /// What is wrong and what is expected.
    pub message: String,
}

/// Values given on the command line, which win over everything else.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--config FILE`.
    pub config_file: Option<PathBuf>,
    /// `--data-dir DIR`.
    pub data_dir: Option<PathBuf>,
    /// `--bind ADDR`.
    pub bind: Option<String>,
    /// `--database-url URL`.
    pub database_url: Option<String>,
}

/// One setting: where it lives in the TOML file and which environment variable overrides it.
struct Key {
    path: &'static str,
    env: &'static str,
}

const KEYS: &[Key] = &[
    Key {
        path: "data_dir",
        env: "NAQSHA_DATA_DIR",
    },
    Key {
        path: "database_url",
        env: "NAQSHA_DATABASE_URL",
    },
    Key {
        path: "database.max_connections",
        env: "NAQSHA_DATABASE_MAX_CONNECTIONS",
    },
    Key {
        path: "server.bind",
        env: "NAQSHA_BIND",
    },
    Key {
        path: "server.node",
        env: "NAQSHA_NODE",
    },
    Key {
        path: "server.site_title",
        env: "NAQSHA_SITE_TITLE",
    },
    Key {
        path: "server.public_url",
        env: "NAQSHA_PUBLIC_URL",
    },
    Key {
        path: "server.onion_address",
        env: "NAQSHA_ONION_ADDRESS",
    },
    Key {
        path: "server.exit_url",
        env: "NAQSHA_EXIT_URL",
    },
    Key {
        path: "server.time_zone",
        env: "NAQSHA_TIME_ZONE",
    },
    Key {
        path: "server.secure_cookies",
        env: "NAQSHA_SECURE_COOKIES",
    },
    Key {
        path: "log",
        env: "NAQSHA_LOG",
    },
    Key {
        path: "server.client_ip_header",
        env: "NAQSHA_CLIENT_IP_HEADER",
    },
    Key {
        path: "server.max_connections",
        env: "NAQSHA_MAX_CONNECTIONS",
    },
    Key {
        path: "server.max_connections_per_network",
        env: "NAQSHA_MAX_CONNECTIONS_PER_NETWORK",
    },
    Key {
        path: "server.header_timeout_seconds",
        env: "NAQSHA_HEADER_TIMEOUT_SECONDS",
    },
    Key {
        path: "moderation.second_approval",
        env: "NAQSHA_SECOND_APPROVAL",
    },
    Key {
        path: "moderation.approval_timeout_days",
        env: "NAQSHA_APPROVAL_TIMEOUT_DAYS",
    },
    Key {
        path: "intake.force_flood",
        env: "NAQSHA_FORCE_FLOOD",
    },
    Key {
        path: "sms.smssync_secret",
        env: "NAQSHA_SMSSYNC_SECRET",
    },
    Key {
        path: "map.tile_url",
        env: "NAQSHA_MAP_TILE_URL",
    },
    Key {
        path: "backup.recipients",
        env: "NAQSHA_BACKUP_RECIPIENTS",
    },
    Key {
        path: "news.poll_minutes",
        env: "NAQSHA_NEWS_POLL_MINUTES",
    },
    Key {
        path: "news.allow_private_hosts",
        env: "NAQSHA_NEWS_ALLOW_PRIVATE_HOSTS",
    },
    Key {
        path: "federation.publish",
        env: "NAQSHA_FEDERATION_PUBLISH",
    },
    Key {
        path: "federation.name",
        env: "NAQSHA_FEDERATION_NAME",
    },
    Key {
        path: "federation.pull_minutes",
        env: "NAQSHA_FEDERATION_PULL_MINUTES",
    },
    Key {
        path: "federation.allow_private_hosts",
        env: "NAQSHA_FEDERATION_ALLOW_PRIVATE_HOSTS",
    },
    Key {
        path: "federation.mapping",
        env: "NAQSHA_FEDERATION_MAPPING",
    },
    Key {
        path: "federation.follow",
        env: "NAQSHA_FEDERATION_FOLLOW",
    },
    Key {
        path: "sms.webhook_secret",
        env: "NAQSHA_SMS_WEBHOOK_SECRET",
    },
    Key {
        path: "sms.join_window_minutes",
        env: "NAQSHA_SMS_JOIN_WINDOW_MINUTES",
    },
    Key {
        path: "sms.default_consent",
        env: "NAQSHA_SMS_DEFAULT_CONSENT",
    },
    Key {
        path: "sms.smssync_instant_reply",
        env: "NAQSHA_SMSSYNC_INSTANT_REPLY",
    },
    Key {
        path: "sms.reply",
        env: "NAQSHA_SMS_REPLY",
    },
    Key {
        path: "sms.reply_wording",
        env: "NAQSHA_SMS_REPLY_WORDING",
    },
    Key {
        path: "whatsapp.app_secret",
        env: "NAQSHA_WHATSAPP_APP_SECRET",
    },
    Key {
        path: "whatsapp.verify_token",
        env: "NAQSHA_WHATSAPP_VERIFY_TOKEN",
    },
    Key {
        path: "whatsapp.access_token",
        env: "NAQSHA_WHATSAPP_ACCESS_TOKEN",
    },
    Key {
        path: "whatsapp.phone_number_id",
        env: "NAQSHA_WHATSAPP_PHONE_NUMBER_ID",
    },
    Key {
        path: "whatsapp.api_base",
        env: "NAQSHA_WHATSAPP_API_BASE",
    },
    Key {
        path: "whatsapp.api_version",
        env: "NAQSHA_WHATSAPP_API_VERSION",
    },
    Key {
        path: "whatsapp.media_hosts",
        env: "NAQSHA_WHATSAPP_MEDIA_HOSTS",
    },
    Key {
        path: "whatsapp.join_window_minutes",
        env: "NAQSHA_WHATSAPP_JOIN_WINDOW_MINUTES",
    },
    Key {
        path: "whatsapp.default_consent",
        env: "NAQSHA_WHATSAPP_DEFAULT_CONSENT",
    },
    Key {
        path: "whatsapp.reply",
        env: "NAQSHA_WHATSAPP_REPLY",
    },
    Key {
        path: "whatsapp.reply_wording",
        env: "NAQSHA_WHATSAPP_REPLY_WORDING",
    },
    Key {
        path: "whatsapp.notice_template",
        env: "NAQSHA_WHATSAPP_NOTICE_TEMPLATE",
    },
    Key {
        path: "telegram.bot_token",
        env: "NAQSHA_TELEGRAM_BOT_TOKEN",
    },
    Key {
        path: "telegram.secret_token",
        env: "NAQSHA_TELEGRAM_SECRET_TOKEN",
    },
    Key {
        path: "telegram.api_base",
        env: "NAQSHA_TELEGRAM_API_BASE",
    },
    Key {
        path: "telegram.join_window_minutes",
        env: "NAQSHA_TELEGRAM_JOIN_WINDOW_MINUTES",
    },
    Key {
        path: "telegram.default_consent",
        env: "NAQSHA_TELEGRAM_DEFAULT_CONSENT",
    },
    Key {
        path: "telegram.reply",
        env: "NAQSHA_TELEGRAM_REPLY",
    },
    Key {
        path: "telegram.reply_wording",
        env: "NAQSHA_TELEGRAM_REPLY_WORDING",
    },
    Key {
        path: "email.default_consent",
        env: "NAQSHA_EMAIL_DEFAULT_CONSENT",
    },
    Key {
        path: "email.imap_host",
        env: "NAQSHA_IMAP_HOST",
    },
    Key {
        path: "email.imap_port",
        env: "NAQSHA_IMAP_PORT",
    },
    Key {
        path: "email.imap_user",
        env: "NAQSHA_IMAP_USER",
    },
    Key {
        path: "email.imap_password",
        env: "NAQSHA_IMAP_PASSWORD",
    },
    Key {
        path: "email.imap_mailbox",
        env: "NAQSHA_IMAP_MAILBOX",
    },
    Key {
        path: "email.imap_tls",
        env: "NAQSHA_IMAP_TLS",
    },
    Key {
        path: "email.poll_minutes",
        env: "NAQSHA_EMAIL_POLL_MINUTES",
    },
];

/// A raw value and where it came from.
#[derive(Debug, Clone)]
struct Raw {
    value: toml::Value,
    from: String,
}

impl Config {
    /// Defaults for a data directory, with nothing read from files or the environment.
    pub fn for_data_dir(data_dir: impl Into<PathBuf>) -> Self {
        let data_dir = data_dir.into();
        Self {
            database_url: sqlite_url(&data_dir.join("naqsha.db")),
            database_max_connections: None,
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            node: NodeId::for_this_host(SocketAddr::from(([127, 0, 0, 1], 8080))),
            site_title: None,
            public_url: None,
            onion_address: None,
            exit_url: DEFAULT_EXIT_URL.to_owned(),
            time_zone: default_time_zone(),
            second_approval: SecondApproval::Off,
            approval_timeout_days: 0,
            secure_cookies: true,
            log: "info".into(),
            smssync_secret: None,
            sms: SmsSettings::default(),
            email: EmailSettings::default(),
            whatsapp: None,
            telegram: None,
            client_ip_header: None,
            force_flood: false,
            map_tile_url: None,
            backup_recipients: Vec::new(),
            news_poll_minutes: DEFAULT_POLL_MINUTES,
            news_allow_private_hosts: false,
            connections: ConnectionSettings::default(),
            federation: FederationSettings::for_data_dir(&data_dir),
            data_dir,
        }
    }

    /// Loads the configuration from the process environment.
    pub fn load(overrides: &Overrides) -> Result<Self, ConfigError> {
        let env: BTreeMap<String, String> = std::env::vars()
            .filter(|(k, _)| k.starts_with("NAQSHA_"))
            .collect();
        Self::load_from(overrides, &env)
    }

    /// The configuration file [`Config::load`] reads, if any: `--config`, `NAQSHA_CONFIG`, or
    /// `./naqsha.toml` when present.
    pub fn file_in_use(overrides: &Overrides) -> Option<PathBuf> {
        let env: BTreeMap<String, String> = std::env::var("NAQSHA_CONFIG")
            .map(|v| BTreeMap::from([("NAQSHA_CONFIG".to_owned(), v)]))
            .unwrap_or_default();
        Self::file_from(overrides, &env)
    }

    fn file_from(overrides: &Overrides, env: &BTreeMap<String, String>) -> Option<PathBuf> {
        overrides
            .config_file
            .clone()
            .or_else(|| env.get("NAQSHA_CONFIG").map(PathBuf::from))
            .or_else(|| Some(PathBuf::from("naqsha.toml")).filter(|p| p.exists()))
    }

    /// Loads the configuration with an explicit environment (for tests).
    pub fn load_from(
        overrides: &Overrides,
        env: &BTreeMap<String, String>,
    ) -> Result<Self, ConfigError> {
        let mut raw: BTreeMap<&'static str, Raw> = BTreeMap::new();

        // 1. The file: --config, NAQSHA_CONFIG, or ./naqsha.toml if present.
        if let Some(path) = &Self::file_from(overrides, env) {
            read_file(path, &mut raw)?;
        }

        // 2. The environment; NAQSHA_X_FILE reads a secret from a file.
        for key in KEYS {
            if let Some(v) = env.get(key.env) {
                raw.insert(
                    key.path,
                    Raw {
                        value: toml::Value::String(v.clone()),
                        from: key.env.into(),
                    },
                );
            }
            let file_var = format!("{}_FILE", key.env);
            if let Some(path) = env.get(&file_var) {
                let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
                    key: key.path.into(),
                    source_hint: format!(" (from {file_var})"),
                    message: format!("cannot read {path}: {e}"),
                })?;
                let value = text.trim_end_matches(['\n', '\r']).to_owned();
                raw.insert(
                    key.path,
                    Raw {
                        value: toml::Value::String(value),
                        from: file_var,
                    },
                );
            }
        }

        // 3. Command-line flags.
        let mut flag = |path: &'static str, name: &str, v: &Option<String>| {
            if let Some(v) = v {
                raw.insert(
                    path,
                    Raw {
                        value: toml::Value::String(v.clone()),
                        from: name.into(),
                    },
                );
            }
        };
        flag(
            "data_dir",
            "--data-dir",
            &overrides.data_dir.as_ref().map(|p| p.display().to_string()),
        );
        flag("server.bind", "--bind", &overrides.bind);
        flag("database_url", "--database-url", &overrides.database_url);

        build(&raw)
    }

    /// The SQLite file, when the database is SQLite.
    pub fn sqlite_path(&self) -> Option<PathBuf> {
        let rest = self.database_url.strip_prefix("sqlite:")?;
        let rest = rest.strip_prefix("//").unwrap_or(rest);
        let path = rest.split('?').next().unwrap_or(rest);
        Some(PathBuf::from(path))
    }

    /// The database URL with any password replaced, for messages.
    pub fn database_for_display(&self) -> String {
        redact_url(&self.database_url)
    }
}

fn read_file(path: &Path, raw: &mut BTreeMap<&'static str, Raw>) -> Result<(), ConfigError> {
    let hint = format!(" (in {})", path.display());
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        key: "--config".into(),
        source_hint: String::new(),
        message: format!("cannot read {}: {e}", path.display()),
    })?;
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| ConfigError {
        key: "naqsha.toml".into(),
        source_hint: hint.clone(),
        message: format!("not valid TOML: {}", e.message()),
    })?;
    let mut flat = Vec::new();
    flatten("", &toml::Value::Table(table), &mut flat);
    for (path_key, value) in flat {
        let Some(key) = KEYS.iter().find(|k| k.path == path_key) else {
            let known: Vec<&str> = KEYS.iter().map(|k| k.path).collect();
            return Err(ConfigError {
                key: path_key,
                source_hint: hint,
                message: format!("unknown setting (known: {})", known.join(", ")),
            });
        };
        raw.insert(
            key.path,
            Raw {
                value,
                from: path.display().to_string(),
            },
        );
    }
    Ok(())
}

fn flatten(prefix: &str, value: &toml::Value, out: &mut Vec<(String, toml::Value)>) {
    match value {
        toml::Value::Table(t) => {
            for (k, v) in t {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        other => out.push((prefix.to_owned(), other.clone())),
    }
}

fn build(raw: &BTreeMap<&'static str, Raw>) -> Result<Config, ConfigError> {
    let err = |path: &str, message: String| {
        let from = raw
            .get(path)
            .map(|r| format!(" (from {})", r.from))
            .unwrap_or_default();
        ConfigError {
            key: path.into(),
            source_hint: from,
            message,
        }
    };
    let string = |path: &'static str| -> Result<Option<String>, ConfigError> {
        match raw.get(path).map(|r| &r.value) {
            None => Ok(None),
            Some(toml::Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(err(
                path,
                format!("expected text, got {}", other.type_str()),
            )),
        }
    };

    let data_dir = string("data_dir")?.unwrap_or_else(|| "naqsha-data".into());
    if data_dir.trim().is_empty() {
        return Err(err(
            "data_dir",
            "expected a directory path, got an empty value".into(),
        ));
    }
    let mut config = Config::for_data_dir(PathBuf::from(data_dir));

    if let Some(url) = string("database_url")? {
        if Backend::of_url(&url).is_none() {
            return Err(err(
                "database_url",
                "expected sqlite://PATH or postgres://USER@HOST/DB".into(),
            ));
        }
        config.database_url = url;
    }
    if let Some(bind) = string("server.bind")? {
        config.bind = bind.parse().map_err(|_| {
            err(
                "server.bind",
                format!("expected an address like 127.0.0.1:8080, got {bind:?}"),
            )
        })?;
    }
    config.node = match string("server.node")? {
        Some(id) => NodeId::parse(id.trim()).map_err(|e| err("server.node", e.to_string()))?,
        None => NodeId::for_this_host(config.bind),
    };
    config.site_title = string("server.site_title")?.filter(|s| !s.trim().is_empty());
    if let Some(url) = string("server.public_url")? {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(err(
                "server.public_url",
                format!("expected an http(s) URL, got {url:?}"),
            ));
        }
        config.public_url = Some(url.trim_end_matches('/').to_owned());
    }
    if let Some(onion) = string("server.onion_address")?.filter(|s| !s.trim().is_empty()) {
        config.onion_address = Some(onion_address(&onion).ok_or_else(|| {
            err(
                "server.onion_address",
                format!(
                    "expected a v3 onion address (56 letters and digits 2-7, then .onion), as \
                     Tor writes it to the service's hostname file, got {onion:?}"
                ),
            )
        })?);
    }
    if let Some(url) = string("server.exit_url")? {
        config.exit_url = exit_url(&url).ok_or_else(|| {
            err(
                "server.exit_url",
                format!("expected an absolute http(s) URL like {DEFAULT_EXIT_URL}, got {url:?}"),
            )
        })?;
    }
    if let Some(name) = string("server.time_zone")? {
        config.time_zone = jiff::tz::TimeZone::get(name.trim()).map_err(|_| {
            err(
                "server.time_zone",
                format!("expected an IANA time zone name like {DEFAULT_TIME_ZONE}, got {name:?}"),
            )
        })?;
    }
    let boolean = |path: &'static str| -> Result<Option<bool>, ConfigError> {
        let bad = |got: String| err(path, format!("expected true or false, got {got}"));
        match raw.get(path).map(|r| &r.value) {
            None => Ok(None),
            Some(toml::Value::Boolean(b)) => Ok(Some(*b)),
            Some(toml::Value::String(s)) => match s.as_str() {
                "true" | "1" | "yes" => Ok(Some(true)),
                "false" | "0" | "no" => Ok(Some(false)),
                other => Err(bad(format!("{other:?}"))),
            },
            Some(other) => Err(bad(other.type_str().to_owned())),
        }
    };
    if let Some(b) = boolean("server.secure_cookies")? {
        // Staff cookies without `Secure` are only for trying Naqsha over plain http on this
        // machine: never on a public address or behind an https URL.
        let https = config
            .public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"));
        if !b && (https || !config.bind.ip().is_loopback()) {
            return Err(err(
                "server.secure_cookies",
                "can only be false for local use over plain http (a loopback server.bind and \
                 no https public_url)"
                    .into(),
            ));
        }
        config.secure_cookies = b;
    }
    if let Some(value) = string("moderation.second_approval")? {
        config.second_approval = match value.trim() {
            "off" => SecondApproval::Off,
            "publish" => SecondApproval::Publish,
            "publish_and_contact" => SecondApproval::PublishAndContact,
            other => {
                return Err(err(
                    "moderation.second_approval",
                    format!(
                        "expected \"off\", \"publish\" or \"publish_and_contact\", got {other:?}"
                    ),
                ));
            }
        };
    }
    if let Some(b) = boolean("intake.force_flood")? {
        config.force_flood = b;
    }
    if let Some(header) = string("server.client_ip_header")? {
        let header = header.trim().to_ascii_lowercase();
        if axum::http::HeaderName::from_bytes(header.as_bytes()).is_err() {
            return Err(err(
                "server.client_ip_header",
                format!("expected a header name like X-Forwarded-For, got {header:?}"),
            ));
        }
        config.client_ip_header = Some(header).filter(|h| !h.is_empty());
    }
    if let Some(log) = string("log")? {
        tracing_subscriber::EnvFilter::try_new(&log).map_err(|_| {
            err(
                "log",
                format!("expected a log filter like info or naqsha=debug, got {log:?}"),
            )
        })?;
        config.log = log;
    }
    if let Some(value) = raw.get("news.poll_minutes").map(|r| &r.value) {
        let minutes = match value {
            toml::Value::Integer(n) => u32::try_from(*n).ok(),
            toml::Value::String(s) => s.trim().parse::<u32>().ok(),
            _ => None,
        };
        config.news_poll_minutes =
            minutes
                .filter(|m| (1..=10_080).contains(m))
                .ok_or_else(|| {
                    err(
                        "news.poll_minutes",
                        "expected a whole number of minutes from 1 to 10080".into(),
                    )
                })?;
    }
    let whole = |path: &'static str, min: u64, max: u64| -> Result<Option<u64>, ConfigError> {
        let Some(value) = raw.get(path).map(|r| &r.value) else {
            return Ok(None);
        };
        let n = match value {
            toml::Value::Integer(n) => u64::try_from(*n).ok(),
            toml::Value::String(s) => s.trim().parse::<u64>().ok(),
            _ => None,
        };
        n.filter(|n| (min..=max).contains(n))
            .map(Some)
            .ok_or_else(|| err(path, format!("expected a whole number from {min} to {max}")))
    };
    if let Some(n) = whole("database.max_connections", 1, 1_000)? {
        config.database_max_connections = Some(n as u32);
    }
    if let Some(n) = whole("server.max_connections", 16, 1_000_000)? {
        config.connections.max = n as usize;
    }
    if let Some(n) = whole("server.max_connections_per_network", 1, 1_000_000)? {
        config.connections.per_network = n as usize;
    }
    if let Some(n) = whole("server.header_timeout_seconds", 1, 3600)? {
        config.connections.header_timeout = std::time::Duration::from_secs(n);
    }
    if let Some(n) = whole("moderation.approval_timeout_days", 0, 3650)? {
        config.approval_timeout_days = n as u32;
    }
    if let Some(b) = boolean("news.allow_private_hosts")? {
        config.news_allow_private_hosts = b;
    }
    config.smssync_secret = shared_secret("sms.smssync_secret", &string, &err)?;
    if let Some(url) = string("map.tile_url")?.filter(|s| !s.trim().is_empty()) {
        let url = url.trim().to_owned();
        if tile_origin(&url).is_none() || !["{z}", "{x}", "{y}"].iter().all(|p| url.contains(p)) {
            return Err(err(
                "map.tile_url",
                format!(
                    "expected an http(s) URL with {{z}}, {{x}} and {{y}} and a plain host, like \
                     https://tiles.example.org/{{z}}/{{x}}/{{y}}.png, got {url:?}"
                ),
            ));
        }
        config.map_tile_url = Some(url);
    }
    // A list in the file; in the environment, one string separated by commas or spaces.
    let recipients: Vec<String> = match raw.get("backup.recipients").map(|r| &r.value) {
        None => Vec::new(),
        Some(toml::Value::String(s)) => s
            .split([',', ' ', '\n'])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect(),
        Some(toml::Value::Array(items)) => items
            .iter()
            .map(|v| match v {
                toml::Value::String(s) => Ok(s.trim().to_owned()),
                other => Err(err(
                    "backup.recipients",
                    format!("expected age public keys (age1…), got {}", other.type_str()),
                )),
            })
            .collect::<Result<_, _>>()?,
        Some(other) => {
            return Err(err(
                "backup.recipients",
                format!(
                    "expected a list of age public keys (age1…), got {}",
                    other.type_str()
                ),
            ));
        }
    };
    for r in &recipients {
        if r.parse::<age::x25519::Recipient>().is_err() {
            return Err(err(
                "backup.recipients",
                format!("expected an age public key like age1…, got {r:?}"),
            ));
        }
    }
    config.backup_recipients = recipients;
    channel_settings(&mut config, raw, &string, &boolean, &err)?;
    federation::read(&mut config.federation, raw, &string, &boolean, &err)?;
    (config.whatsapp, config.telegram) = chat::read(raw, &string, &err)?;
    Ok(config)
}

/// How SMS gateways behave. Secrets never appear in `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct SmsSettings {
    /// Shared secret of the generic inbound webhook (`/sms/webhook`), at least 128 bits of
    /// randomness; off when unset.
    pub webhook_secret: Option<SharedSecret>,
    /// SMS from one sender within this time of their first one join one report.
    pub join_window: std::time::Duration,
    /// What reporters by SMS are taken to allow (they were not asked).
    pub default_consent: naqsha_core::submission::Consent,
    /// Put replies into the answer to the app's POST (SMSSync "Get reply from server");
    /// when false they wait for the app's `task=send` poll.
    pub smssync_instant_reply: bool,
    /// When a sender is answered at all (`[sms] reply`).
    pub reply: ReplyPolicy,
    /// How a notice of a message waiting on the follow-up page is worded
    /// (`[sms] reply_wording`).
    pub reply_wording: ReplyWording,
}

impl Default for SmsSettings {
    fn default() -> Self {
        Self {
            webhook_secret: None,
            join_window: std::time::Duration::from_secs(10 * 60),
            default_consent: naqsha_core::submission::Consent::Private,
            smssync_instant_reply: true,
            reply: ReplyPolicy::Always,
            reply_wording: ReplyWording::Named,
        }
    }
}

impl std::fmt::Debug for SmsSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmsSettings")
            .field("webhook_secret", &self.webhook_secret.as_ref().map(|_| "…"))
            .field("join_window", &self.join_window)
            .field("default_consent", &self.default_consent)
            .field("smssync_instant_reply", &self.smssync_instant_reply)
            .field("reply", &self.reply)
            .field("reply_wording", &self.reply_wording)
            .finish()
    }
}

/// Email intake settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailSettings {
    /// What reporters by email are taken to allow (they were not asked).
    pub default_consent: naqsha_core::submission::Consent,
    /// The mailbox `serve` polls, when `email.imap_host` is set.
    pub imap: Option<ImapSettings>,
}

impl Default for EmailSettings {
    fn default() -> Self {
        Self {
            default_consent: naqsha_core::submission::Consent::Private,
            imap: None,
        }
    }
}

/// An IMAP mailbox to poll for reports.
#[derive(Clone, PartialEq, Eq)]
pub struct ImapSettings {
    /// Server host name.
    pub host: String,
    /// Port (993 with TLS, 143 without, by default).
    pub port: u16,
    /// Login name.
    pub user: String,
    /// Password (use `NAQSHA_IMAP_PASSWORD_FILE` to keep it out of the environment).
    pub password: String,
    /// The mailbox to read, `INBOX` by default.
    pub mailbox: String,
    /// Connect with TLS (default); plain IMAP only for a server on this machine.
    pub tls: bool,
    /// Minutes between polls.
    pub poll: std::time::Duration,
}

impl std::fmt::Debug for ImapSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImapSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("user", &"…")
            .field("password", &"…")
            .field("mailbox", &self.mailbox)
            .field("tls", &self.tls)
            .field("poll", &self.poll)
            .finish()
    }
}

/// How to make a secret that passes, for the message that refuses one.
pub const MAKE_A_SECRET: &str = "make one with `naqsha secret`, or with \
    `head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\\n'`";

/// A secret that a client presents to us (a gateway's), refused unless it carries at least
/// 128 bits of randomness. An empty value leaves the gateway off. The message never holds the
/// value.
fn shared_secret(
    path: &'static str,
    string: &dyn Fn(&'static str) -> Result<Option<String>, ConfigError>,
    err: &dyn Fn(&str, String) -> ConfigError,
) -> Result<Option<SharedSecret>, ConfigError> {
    let Some(value) = string(path)?.filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    SharedSecret::parse(&value)
        .map(Some)
        .map_err(|weak| err(path, format!("{weak}; {MAKE_A_SECRET}")))
}

/// Reads the `[sms]` and `[email]` settings into `config`.
fn channel_settings(
    config: &mut Config,
    raw: &BTreeMap<&'static str, Raw>,
    string: &dyn Fn(&'static str) -> Result<Option<String>, ConfigError>,
    boolean: &dyn Fn(&'static str) -> Result<Option<bool>, ConfigError>,
    err: &dyn Fn(&str, String) -> ConfigError,
) -> Result<(), ConfigError> {
    let number = |path: &'static str, min: u64, max: u64| -> Result<Option<u64>, ConfigError> {
        let bad = |got: String| {
            err(
                path,
                format!("expected a number from {min} to {max}, got {got}"),
            )
        };
        let n = match raw.get(path).map(|r| &r.value) {
            None => return Ok(None),
            Some(toml::Value::Integer(i)) => u64::try_from(*i).map_err(|_| bad(i.to_string()))?,
            Some(toml::Value::String(s)) => s.trim().parse().map_err(|_| bad(format!("{s:?}")))?,
            Some(other) => return Err(bad(other.type_str().to_owned())),
        };
        if (min..=max).contains(&n) {
            Ok(Some(n))
        } else {
            Err(bad(n.to_string()))
        }
    };
    let consent =
        |path: &'static str| -> Result<Option<naqsha_core::submission::Consent>, ConfigError> {
            string(path)?
                .map(|s| {
                    s.trim().parse().map_err(|_| {
                        err(
                            path,
                            format!("expected private, statistics_only or publish, got {s:?}"),
                        )
                    })
                })
                .transpose()
        };
    config.sms.webhook_secret = shared_secret("sms.webhook_secret", string, err)?;
    if let Some(m) = number("sms.join_window_minutes", 0, 24 * 60)? {
        config.sms.join_window = std::time::Duration::from_secs(m * 60);
    }
    if let Some(c) = consent("sms.default_consent")? {
        config.sms.default_consent = c;
    }
    if let Some(b) = boolean("sms.smssync_instant_reply")? {
        config.sms.smssync_instant_reply = b;
    }
    if let Some(value) = string("sms.reply")? {
        config.sms.reply = value
            .trim()
            .parse()
            .map_err(|msg: String| err("sms.reply", msg))?;
    }
    if let Some(value) = string("sms.reply_wording")? {
        config.sms.reply_wording = value
            .trim()
            .parse()
            .map_err(|msg: String| err("sms.reply_wording", msg))?;
    }
    if let Some(c) = consent("email.default_consent")? {
        config.email.default_consent = c;
    }
    let Some(host) = string("email.imap_host")?.filter(|h| !h.trim().is_empty()) else {
        return Ok(());
    };
    let tls = boolean("email.imap_tls")?.unwrap_or(true);
    let loopback = matches!(host.trim(), "localhost" | "::1" | "[::1]")
        || host
            .trim()
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    if !tls && !loopback {
        return Err(err(
            "email.imap_tls",
            "can only be false for an IMAP server on this machine (the password would travel \
             in the clear)"
                .into(),
        ));
    }
    let port = number("email.imap_port", 1, 65_535)?.unwrap_or(if tls { 993 } else { 143 });
    let user = string("email.imap_user")?
        .filter(|u| !u.is_empty())
        .ok_or_else(|| {
            err(
                "email.imap_user",
                "expected a login name (imap_host is set)".into(),
            )
        })?;
    let password = string("email.imap_password")?.ok_or_else(|| {
        err(
            "email.imap_password",
            "expected a password, or NAQSHA_IMAP_PASSWORD_FILE (imap_host is set)".into(),
        )
    })?;
    let poll = number("email.poll_minutes", 1, 24 * 60)?.unwrap_or(5);
    config.email.imap = Some(ImapSettings {
        host: host.trim().to_owned(),
        port: u16::try_from(port).unwrap_or(993),
        user,
        password,
        mailbox: string("email.imap_mailbox")?
            .filter(|m| !m.trim().is_empty())
            .unwrap_or_else(|| "INBOX".into()),
        tls,
        poll: std::time::Duration::from_secs(poll * 60),
    });
    Ok(())
}

/// Which database a database URL names. Storage opens it; configuration only checks that
/// the URL names one Naqsha supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

impl Backend {
    /// Tells the backend from a database URL: `sqlite:…`, `postgres://…` or
    /// `postgresql://…`; none for anything else.
    pub fn of_url(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }

    /// Connections one process keeps to the database at most unless
    /// `[database] max_connections` says otherwise. SQLite: a handful (one writer at a time
    /// anyway). PostgreSQL: 10, so that nine nodes stay within the server's default 100
    /// connections with room for its reserved ones, a backup and a `psql` session.
    pub fn default_max_connections(&self) -> u32 {
        match self {
            Backend::Sqlite => 8,
            Backend::Postgres => 10,
        }
    }

    /// A short name for logs and the health check.
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// The SQLite URL for a database file, creating it if missing.
pub fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

/// Default minutes between polls of one news feed (`[news] poll_minutes`).
pub const DEFAULT_POLL_MINUTES: u32 = 30;

/// When a channel that can answer a sender (SMS) does: a receipt on a shared phone can
/// tell someone else that she reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReplyPolicy {
    /// A receipt for each new report, and answers to STATUS, RECEIPT and START.
    #[default]
    Always,
    /// No receipt unless she asks for it (RECEIPT, within the join window); answers to
    /// STATUS, RECEIPT and START only.
    OnRequest,
    /// Nothing is ever sent. STOP and START are still recorded.
    Never,
}

impl std::str::FromStr for ReplyPolicy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "always" => Ok(Self::Always),
            "on_request" => Ok(Self::OnRequest),
            "never" => Ok(Self::Never),
            other => Err(format!(
                "expected \"always\", \"on_request\" or \"never\", got {other:?}"
            )),
        }
    }
}

/// How a notice that a message waits on the follow-up page is worded (`reply_wording` of
/// `[sms]`, `[whatsapp]`, `[telegram]`). Neither wording ever carries the message or anything
/// of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReplyWording {
    /// Names the site and says where to read it: its follow-up page, with the receipt.
    #[default]
    Named,
    /// Names nothing (no organisation, no site, no word about reports): "You have a new
    /// message. Use your code to read it." For a phone someone else may read.
    Neutral,
}

impl std::str::FromStr for ReplyWording {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "named" => Ok(Self::Named),
            "neutral" => Ok(Self::Neutral),
            other => Err(format!("expected \"named\" or \"neutral\", got {other:?}")),
        }
    }
}

/// Four eyes on publication (`[moderation] second_approval`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SecondApproval {
    /// One moderator publishes.
    #[default]
    Off,
    /// A publication waits for a second moderator or coordinator, who approves the same draft.
    Publish,
    /// Publication as with `Publish`, and a moderator sees a reporter's contact details only
    /// once a second moderator or coordinator has approved her request.
    PublishAndContact,
}

/// The time zone staff pages use unless `[server] time_zone` says otherwise.
pub const DEFAULT_TIME_ZONE: &str = "Asia/Karachi";

/// [`DEFAULT_TIME_ZONE`] from the time zone database (the system's, else the copy built in);
/// Pakistan's fixed UTC+05:00 should neither have it (it has kept no daylight saving time
/// since 2009).
fn default_time_zone() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get(DEFAULT_TIME_ZONE)
        .unwrap_or_else(|_| jiff::tz::TimeZone::fixed(jiff::tz::offset(5)))
}

/// Where quick exit leads unless `[server] exit_url` says otherwise: a weather search, a page
/// anyone might have open and that says nothing about why she was here.
pub const DEFAULT_EXIT_URL: &str = "https://www.google.com/search?q=weather";

/// `text` as a quick-exit address: an absolute http(s) URL with a host and no credentials,
/// written out in its normal form; none otherwise. Anything else (a path on this site, a
/// `javascript:` address) would either keep her on this site or run in its pages.
fn exit_url(text: &str) -> Option<String> {
    let url = url::Url::parse(text.trim()).ok()?;
    let plain = matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some_and(|h| !h.is_empty())
        && url.username().is_empty()
        && url.password().is_none();
    plain.then(|| url.to_string())
}

/// `text` as a v3 onion service address (`<56 base32 characters>.onion`, lower case),
/// with an `http://` in front and a `/` after accepted and dropped; none otherwise.
fn onion_address(text: &str) -> Option<String> {
    let text = text.trim().to_ascii_lowercase();
    let host = text.strip_prefix("http://").unwrap_or(&text);
    let host = host.strip_suffix('/').unwrap_or(host);
    let label = host.strip_suffix(".onion")?;
    let v3 = label.len() == 56
        && label
            .bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'2'..=b'7'));
    v3.then(|| host.to_owned())
}

/// The origin (`scheme://host[:port]`) of a tile URL template, for the page's Content
/// Security Policy; none when it is not http(s) or its host is itself a template (`{s}`).
pub fn tile_origin(url: &str) -> Option<&str> {
    let scheme_end = url.find("://")?;
    if !matches!(&url[..scheme_end], "https" | "http") {
        return None;
    }
    let host_end = url[scheme_end + 3..]
        .find('/')
        .map_or(url.len(), |i| scheme_end + 3 + i);
    let origin = &url[..host_end];
    let host = &origin[scheme_end + 3..];
    let plain = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    plain.then_some(origin)
}

/// Replaces the password in a URL like `postgres://user:pw@host/db`.
fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((creds, host)) => {
            let user = creds.split(':').next().unwrap_or("");
            if creds.contains(':') {
                format!("{scheme}://{user}:…@{host}")
            } else {
                format!("{scheme}://{user}@{host}")
            }
        }
        None => url.to_owned(),
    }
}

/// The rows of the first table under the README's `## {section}` heading, each as its
/// cells (trimmed; the header and the `---` line left out). For the tests that hold the
/// README's tables to the code's lists.
#[cfg(test)]
pub(crate) fn readme_table(section: &str) -> Vec<Vec<String>> {
    let readme = include_str!("../../../../README.md");
    let heading = format!("\n## {section}\n");
    let start = readme
        .find(&heading)
        .map_or(readme.len(), |i| i + heading.len());
    let body = &readme[start..];
    let body = &body[..body.find("\n## ").unwrap_or(body.len())];
    let cells = |line: &str| -> Vec<String> {
        // A `|` escaped as `\|` (inside a code span) is not a cell border.
        let line = line.trim().trim_matches('|').replace("\\|", "\u{0}");
        line.split('|')
            .map(|c| c.trim().replace('\u{0}', "|"))
            .collect()
    };
    body.lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(cells)
        .collect()
}

#[cfg(test)]
mod tests;
