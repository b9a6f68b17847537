//! `[federation]`: publishing this instance's feed, and the instances it follows.
//!
//! ```toml
//! [federation]
//! pull_minutes = 15
//! follow = [
//!   { url = "https://nepal.example.org", public_key = "ed25519:…", name = "Nepal" },
//! ]
//! ```

use std::collections::BTreeMap;
use std::path::PathBuf;

use naqsha_core::federation::PublicKey;

use super::{ConfigError, Raw};

/// Default minutes between pulls of one followed instance.
pub const DEFAULT_PULL_MINUTES: u32 = 15;
/// The mapping file's name in the data directory, when `[federation] mapping` is not set.
pub const DEFAULT_MAPPING_FILE: &str = "federation-mapping.toml";
/// The most characters a followed instance's name may have (it is also the source name in
/// the mapping file and on the map).
pub const FOLLOW_NAME_MAX_CHARS: usize = 80;

/// The federation settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FederationSettings {
    /// Whether this instance publishes its feed (`publish`, default true).
    pub publish: bool,
    /// The instance's name in its feed, when not the site title (`name`).
    pub name: Option<String>,
    /// Minutes between pulls of each followed instance (`pull_minutes`).
    pub pull_minutes: u32,
    /// Pull from private and local addresses too (`allow_private_hosts`; off: public only).
    pub allow_private_hosts: bool,
    /// The taxonomy mapping file (`mapping`; default `<data_dir>/federation-mapping.toml`).
    pub mapping: PathBuf,
    /// Instances followed by configuration (`follow`); `naqsha federation follow` adds more.
    pub follow: Vec<FollowEntry>,
}

impl FederationSettings {
    /// The defaults for a data directory.
    pub fn for_data_dir(data_dir: &std::path::Path) -> Self {
        Self {
            publish: true,
            name: None,
            pull_minutes: DEFAULT_PULL_MINUTES,
            allow_private_hosts: false,
            mapping: data_dir.join(DEFAULT_MAPPING_FILE),
            follow: Vec::new(),
        }
    }
}

/// One followed instance: where, whose key, and what it is called here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowEntry {
    /// Its public address (the feed is at `<url>/federation/feed`).
    pub url: url::Url,
    /// The key its feed must be signed with.
    pub public_key: PublicKey,
    /// Its name here: on the map, the admin page and in the mapping file.
    pub name: String,
}

/// A followed instance's address checked: http(s), a host, no credentials, query or
/// fragment; the path kept (an instance may live under one) and ended with `/`.
pub fn parse_follow_url(text: &str) -> Result<url::Url, String> {
    let mut url = url::Url::parse(text.trim()).map_err(|_| {
        format!("expected an http(s) address like https://map.example.org, got {text:?}")
    })?;
    if !matches!(url.scheme(), "https" | "http") || url.host_str().is_none() {
        return Err(format!(
            "expected an http(s) address like https://map.example.org, got {text:?}"
        ));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("an address with a user name or password is not followed".into());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!(
            "expected the instance's address without ?… or #…, got {text:?}"
        ));
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

/// A followed instance's name checked: 1 to [`FOLLOW_NAME_MAX_CHARS`] characters, no
/// control characters, trimmed.
pub fn parse_follow_name(text: &str) -> Result<String, String> {
    let name = text.trim();
    if name.is_empty()
        || name.chars().count() > FOLLOW_NAME_MAX_CHARS
        || name.chars().any(char::is_control)
    {
        return Err(format!(
            "a name has 1 to {FOLLOW_NAME_MAX_CHARS} characters and no control characters, got {text:?}"
        ));
    }
    Ok(name.to_owned())
}

/// Reads `[federation]` into `settings`.
pub(super) fn read(
    settings: &mut FederationSettings,
    raw: &BTreeMap<&'static str, Raw>,
    string: &dyn Fn(&'static str) -> Result<Option<String>, ConfigError>,
    boolean: &dyn Fn(&'static str) -> Result<Option<bool>, ConfigError>,
    err: &dyn Fn(&str, String) -> ConfigError,
) -> Result<(), ConfigError> {
    if let Some(b) = boolean("federation.publish")? {
        settings.publish = b;
    }
    if let Some(b) = boolean("federation.allow_private_hosts")? {
        settings.allow_private_hosts = b;
    }
    if let Some(name) = string("federation.name")?.filter(|s| !s.trim().is_empty()) {
        settings.name = Some(parse_follow_name(&name).map_err(|m| err("federation.name", m))?);
    }
    if let Some(value) = raw.get("federation.pull_minutes").map(|r| &r.value) {
        let minutes = match value {
            toml::Value::Integer(n) => u32::try_from(*n).ok(),
            toml::Value::String(s) => s.trim().parse::<u32>().ok(),
            _ => None,
        };
        settings.pull_minutes = minutes
            .filter(|m| (1..=10_080).contains(m))
            .ok_or_else(|| {
                err(
                    "federation.pull_minutes",
                    "expected a whole number of minutes from 1 to 10080".into(),
                )
            })?;
    }
    if let Some(path) = string("federation.mapping")?.filter(|s| !s.trim().is_empty()) {
        settings.mapping = PathBuf::from(path.trim());
    }
    let key = "federation.follow";
    let list = match raw.get(key).map(|r| &r.value) {
        None => Vec::new(),
        Some(toml::Value::Array(items)) => items.clone(),
        // In the environment: the same list as TOML text.
        Some(toml::Value::String(s)) => {
            let table: toml::Table = format!("follow = {s}").parse().map_err(|_| {
                err(
                    key,
                    "expected a TOML list like [{ url = \"https://…\", public_key = \"ed25519:…\", name = \"…\" }]".into(),
                )
            })?;
            match table.get("follow") {
                Some(toml::Value::Array(items)) => items.clone(),
                _ => return Err(err(key, "expected a list of instances".into())),
            }
        }
        Some(other) => {
            return Err(err(
                key,
                format!("expected a list of instances, got {}", other.type_str()),
            ));
        }
    };
    let mut follow: Vec<FollowEntry> = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let entry = follow_entry(item).map_err(|m| err(key, format!("entry {}: {m}", i + 1)))?;
        if let Some(other) = follow
            .iter()
            .find(|f| f.name == entry.name || f.url == entry.url)
        {
            return Err(err(
                key,
                format!(
                    "entry {}: {:?} at {} repeats {:?} at {}",
                    i + 1,
                    entry.name,
                    entry.url,
                    other.name,
                    other.url
                ),
            ));
        }
        follow.push(entry);
    }
    settings.follow = follow;
    Ok(())
}

fn follow_entry(item: &toml::Value) -> Result<FollowEntry, String> {
    let toml::Value::Table(table) = item else {
        return Err(format!(
            "expected {{ url = …, public_key = …, name = … }}, got {}",
            item.type_str()
        ));
    };
    if let Some(unknown) = table
        .keys()
        .find(|k| !matches!(k.as_str(), "url" | "public_key" | "name"))
    {
        return Err(format!(
            "unknown field {unknown:?} (known: url, public_key, name)"
        ));
    }
    let text = |field: &str| match table.get(field) {
        Some(toml::Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(format!("{field}: expected text, got {}", other.type_str())),
        None => Err(format!("{field} is missing")),
    };
    let name = parse_follow_name(&text("name")?).map_err(|m| format!("name: {m}"))?;
    let url = parse_follow_url(&text("url")?).map_err(|m| format!("{name}: url: {m}"))?;
    let public_key = text("public_key")?
        .parse::<PublicKey>()
        .map_err(|e| format!("{name}: public_key: {e}"))?;
    Ok(FollowEntry {
        url,
        public_key,
        name,
    })
}
