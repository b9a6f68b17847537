//! Configuration: defaults, then an optional `naqsha.toml`, then `NAQSHA_*` environment
//! variables (with `NAQSHA_*_FILE` for secrets), then command-line flags. Every bad value is
//! reported as one line naming the key and what was expected.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// The settings Naqsha runs with. Built only by [`Config::load`] or [`Config::for_data_dir`].
#[derive(Clone, PartialEq, Eq)]
pub struct Config {
    /// Where the database, uploads and keys live.
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; defaults to `<data_dir>/naqsha.db`.
    pub database_url: String,
    /// The address `serve` listens on.
    pub bind: SocketAddr,
    /// A neutral title shown instead of "Naqsha" (so the site does not reveal its purpose on a
    /// shared screen).
    pub site_title: Option<String>,
    /// The public base URL (e.g. `https://naqsha.example.org`), used in printed links.
    pub public_url: Option<String>,
    /// Mark session cookies `Secure` and `__Host-` (may be turned off only for plain-http use
    /// on a loopback address).
    pub secure_cookies: bool,
    /// The log filter (tracing `EnvFilter` syntax), e.g. `info` or `naqsha=debug`.
    pub log: String,
    /// Shared secret of the SMSSync gateway.
    pub smssync_secret: Option<String>,
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
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The database URL may carry a password; secrets are never printed.
        f.debug_struct("Config")
            .field("data_dir", &self.data_dir)
            .field("database", &redact_url(&self.database_url))
            .field("bind", &self.bind)
            .field("site_title", &self.site_title)
            .field("public_url", &self.public_url)
            .field("secure_cookies", &self.secure_cookies)
            .field("log", &self.log)
            .field("smssync_secret", &self.smssync_secret.as_ref().map(|_| "…"))
            .field("client_ip_header", &self.client_ip_header)
            .field("force_flood", &self.force_flood)
            .field("map_tile_url", &self.map_tile_url)
            .field("backup_recipients", &self.backup_recipients)
            .field("news_poll_minutes", &self.news_poll_minutes)
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
        path: "server.bind",
        env: "NAQSHA_BIND",
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
            database_url: crate::storage::sqlite_url(&data_dir.join("naqsha.db")),
            data_dir,
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            site_title: None,
            public_url: None,
            secure_cookies: true,
            log: "info".into(),
            smssync_secret: None,
            client_ip_header: None,
            force_flood: false,
            map_tile_url: None,
            backup_recipients: Vec::new(),
            news_poll_minutes: crate::channels::feeds::poll::DEFAULT_POLL_MINUTES,
        }
    }

    /// Loads the configuration from the process environment.
    pub fn load(overrides: &Overrides) -> Result<Self, ConfigError> {
        let env: BTreeMap<String, String> = std::env::vars()
            .filter(|(k, _)| k.starts_with("NAQSHA_"))
            .collect();
        Self::load_from(overrides, &env)
    }

    /// Loads the configuration with an explicit environment (for tests).
    pub fn load_from(
        overrides: &Overrides,
        env: &BTreeMap<String, String>,
    ) -> Result<Self, ConfigError> {
        let mut raw: BTreeMap<&'static str, Raw> = BTreeMap::new();

        // 1. The file: --config, NAQSHA_CONFIG, or ./naqsha.toml if present.
        let file = overrides
            .config_file
            .clone()
            .or_else(|| env.get("NAQSHA_CONFIG").map(PathBuf::from))
            .or_else(|| Some(PathBuf::from("naqsha.toml")).filter(|p| p.exists()));
        if let Some(path) = &file {
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
        if crate::storage::Backend::from_url(&url).is_err() {
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
    config.smssync_secret = string("sms.smssync_secret")?.filter(|s| !s.is_empty());
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
    Ok(config)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults() {
        let c = Config::load_from(&Overrides::default(), &env(&[])).unwrap();
        assert_eq!(c.data_dir, PathBuf::from("naqsha-data"));
        assert_eq!(c.database_url, "sqlite://naqsha-data/naqsha.db?mode=rwc");
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(
            c.sqlite_path(),
            Some(PathBuf::from("naqsha-data/naqsha.db"))
        );
    }

    #[test]
    fn backup_recipients_come_as_a_list_or_one_string_and_must_be_age_keys() {
        let a = age::x25519::Identity::generate().to_public().to_string();
        let b = age::x25519::Identity::generate().to_public().to_string();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("naqsha.toml");
        std::fs::write(
            &file,
            format!("[backup]\nrecipients = [\"{a}\", \"{b}\"]\n"),
        )
        .unwrap();
        let o = Overrides {
            config_file: Some(file),
            ..Default::default()
        };
        let c = Config::load_from(&o, &env(&[])).unwrap();
        assert_eq!(c.backup_recipients, [a.clone(), b.clone()]);
        let joined = format!("{a}, {b}");
        let c = Config::load_from(
            &Overrides::default(),
            &env(&[("NAQSHA_BACKUP_RECIPIENTS", joined.as_str())]),
        )
        .unwrap();
        assert_eq!(c.backup_recipients, [a, b]);
        let e = Config::load_from(
            &Overrides::default(),
            &env(&[("NAQSHA_BACKUP_RECIPIENTS", "ssh-ed25519 AAAA")]),
        )
        .unwrap_err();
        assert_eq!(e.key, "backup.recipients");
    }

    #[test]
    fn file_then_env_then_flags() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("naqsha.toml");
        std::fs::write(
            &file,
            "data_dir = \"/srv/n\"\n[server]\nbind = \"0.0.0.0:80\"\nsite_title = \"Notes\"\n",
        )
        .unwrap();
        let o = Overrides {
            config_file: Some(file.clone()),
            ..Default::default()
        };
        let c = Config::load_from(&o, &env(&[])).unwrap();
        assert_eq!(c.bind.to_string(), "0.0.0.0:80");
        assert_eq!(c.site_title.as_deref(), Some("Notes"));
        assert_eq!(c.database_url, "sqlite:///srv/n/naqsha.db?mode=rwc");

        let c = Config::load_from(&o, &env(&[("NAQSHA_BIND", "127.0.0.1:9000")])).unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:9000");

        let o2 = Overrides {
            bind: Some("127.0.0.1:9100".into()),
            data_dir: Some("/tmp/x".into()),
            ..o
        };
        let c = Config::load_from(&o2, &env(&[("NAQSHA_BIND", "127.0.0.1:9000")])).unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:9100");
        assert_eq!(c.data_dir, PathBuf::from("/tmp/x"));
    }

    #[test]
    fn news_poll_minutes_from_file_or_environment_within_a_week() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("naqsha.toml");
        std::fs::write(&file, "[news]\npoll_minutes = 15\n").unwrap();
        let overrides = Overrides {
            config_file: Some(file),
            ..Overrides::default()
        };
        let c = Config::load_from(&overrides, &env(&[])).unwrap();
        assert_eq!(c.news_poll_minutes, 15);
        let c = Config::load_from(&overrides, &env(&[("NAQSHA_NEWS_POLL_MINUTES", "45")])).unwrap();
        assert_eq!(c.news_poll_minutes, 45);
        let defaults = Config::load_from(&Overrides::default(), &env(&[])).unwrap();
        assert_eq!(defaults.news_poll_minutes, 30);
        for bad in ["0", "-5", "soon", "20000"] {
            let e = Config::load_from(
                &Overrides::default(),
                &env(&[("NAQSHA_NEWS_POLL_MINUTES", bad)]),
            )
            .unwrap_err();
            assert_eq!(e.key, "news.poll_minutes", "{bad}");
        }
    }

    #[test]
    fn secrets_from_files() {
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("db");
        std::fs::write(&secret, "postgres://naqsha:s3cret@db/naqsha\n").unwrap();
        let c = Config::load_from(
            &Overrides::default(),
            &env(&[("NAQSHA_DATABASE_URL_FILE", secret.to_str().unwrap())]),
        )
        .unwrap();
        assert_eq!(c.database_url, "postgres://naqsha:s3cret@db/naqsha");
        assert!(
            !format!("{c:?}").contains("s3cret"),
            "Debug must hide the password"
        );
        assert_eq!(c.database_for_display(), "postgres://naqsha:…@db/naqsha");
    }

    #[test]
    fn bad_values_name_the_key_in_one_line() {
        let e = Config::load_from(&Overrides::default(), &env(&[("NAQSHA_BIND", "localhost")]))
            .unwrap_err();
        let line = e.to_string();
        assert_eq!(
            line,
            "configuration: server.bind (from NAQSHA_BIND): expected an address like 127.0.0.1:8080, got \"localhost\""
        );
        assert!(!line.contains('\n'));

        let e = Config::load_from(
            &Overrides::default(),
            &env(&[("NAQSHA_DATABASE_URL", "mysql://x")]),
        )
        .unwrap_err();
        assert_eq!(e.key, "database_url");

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("naqsha.toml");
        std::fs::write(&file, "[server]\nbindd = \"x\"\n").unwrap();
        let o = Overrides {
            config_file: Some(file),
            ..Default::default()
        };
        let e = Config::load_from(&o, &env(&[])).unwrap_err();
        assert_eq!(e.key, "server.bindd");
        assert!(e.message.starts_with("unknown setting"));

        std::fs::write(
            dir.path().join("naqsha.toml"),
            "[server]\nsecure_cookies = 3\n",
        )
        .unwrap();
        let o = Overrides {
            config_file: Some(dir.path().join("naqsha.toml")),
            ..Default::default()
        };
        let e = Config::load_from(&o, &env(&[])).unwrap_err();
        assert_eq!(e.key, "server.secure_cookies");
    }

    #[test]
    fn map_tile_url_needs_a_plain_host_and_the_tile_placeholders() {
        let ok = Config::load_from(
            &Overrides::default(),
            &env(&[(
                "NAQSHA_MAP_TILE_URL",
                "https://t.example.org:8443/{z}/{x}/{y}.png",
            )]),
        )
        .unwrap();
        let url = ok.map_tile_url.unwrap();
        assert_eq!(tile_origin(&url), Some("https://t.example.org:8443"));
        for bad in [
            "https://{s}.tile.example.org/{z}/{x}/{y}.png",
            "ftp://t.example.org/{z}/{x}/{y}.png",
            "https://t.example.org/tiles.png",
        ] {
            let e = Config::load_from(&Overrides::default(), &env(&[("NAQSHA_MAP_TILE_URL", bad)]))
                .unwrap_err();
            assert_eq!(e.key, "map.tile_url", "{bad}");
        }
    }

    #[test]
    fn insecure_cookies_only_for_local_plain_http() {
        let o = Overrides::default();
        let local = Config::load_from(&o, &env(&[("NAQSHA_SECURE_COOKIES", "false")])).unwrap();
        assert!(!local.secure_cookies);
        let public = Config::load_from(
            &o,
            &env(&[
                ("NAQSHA_SECURE_COOKIES", "false"),
                ("NAQSHA_BIND", "0.0.0.0:8080"),
            ]),
        )
        .unwrap_err();
        assert_eq!(public.key, "server.secure_cookies");
        let https = Config::load_from(
            &o,
            &env(&[
                ("NAQSHA_SECURE_COOKIES", "false"),
                ("NAQSHA_PUBLIC_URL", "https://naqsha.example.org"),
            ]),
        )
        .unwrap_err();
        assert_eq!(https.key, "server.secure_cookies");
    }
}
