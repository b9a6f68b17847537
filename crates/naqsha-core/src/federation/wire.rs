//! The federation feed as it travels: a signed envelope around one page of changes.
//!
//! ```json
//! {"format":"naqsha-federation/1","key":"ed25519:…","signature":"…","payload":"{…}"}
//! ```
//!
//! The payload is the page's JSON as a string, signed byte for byte, so no canonical form is
//! needed: a follower verifies the exact bytes, then parses them. A page names the instance,
//! the cursor it continues from (`since`) and the one it reaches (`cursor`), and its items:
//! a published case, or a tombstone for a case that was withdrawn, unpublished or sent back to
//! review. Reading from cursor 0 gives the whole snapshot; from a later cursor, the changes.
//!
//! What a follower accepts is checked here, once: the envelope and the page header are all or
//! nothing (a page that fails is refused whole, and the follower keeps its last good state);
//! each item is checked on its own and refused with a reason ([`ItemRefusal`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use url::Url;

use super::country::{CountryCode, CountryShapes};
use super::exchange::Exchange;
use super::key::{InstanceKey, PublicKey};
use crate::period::YearMonth;

/// The format string of this version of the feed.
pub const FORMAT: &str = "naqsha-federation/1";
/// The most characters a title may have.
pub const TITLE_MAX_CHARS: usize = 300;
/// The most characters a name (instance, region, district) may have.
pub const NAME_MAX_CHARS: usize = 200;
/// The most characters a code or id may have.
pub const CODE_MAX_CHARS: usize = 64;
/// The most categories a case may carry, in each vocabulary.
pub const TERMS_MAX: usize = 64;
/// The most characters a URL may have.
pub const URL_MAX_CHARS: usize = 2000;
/// The most items one page may carry.
pub const PAGE_ITEMS_MAX: usize = 5000;
/// The most titles (languages) a case may carry.
pub const TITLES_MAX: usize = 16;

/// The signed envelope, as sent.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    /// Always [`FORMAT`].
    pub format: String,
    /// The key that signed it.
    pub key: PublicKey,
    /// The Ed25519 signature of `payload`'s UTF-8 bytes, base64.
    pub signature: String,
    /// The page, as JSON text.
    pub payload: String,
}

/// The instance a page comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instance {
    /// Its name, as its organisation calls it.
    pub name: String,
    /// Its public address; every case's URL is on this host.
    pub url: Url,
    /// The country its cases are in.
    pub country: CountryCode,
    /// The version of its own taxonomy, which its cases' `terms` are in.
    pub taxonomy: String,
    /// The version of the exchange vocabulary its cases' `exchange` terms are in.
    pub exchange: String,
}

/// A district or province as the source names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Its code at the source (ISO 3166-2 for a province where there is one: `PK-PB`).
    pub code: String,
    /// Its name, in English or the source's main language.
    pub name: String,
}

/// Where a case is placed: the point of its district, or of its province.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
}

/// A published case as another instance may show it: nothing but what the source's public
/// pages already show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedCase {
    /// Its story page at the source.
    pub url: Url,
    /// Its country.
    pub country: CountryCode,
    /// Its province (state, region).
    pub region: Area,
    /// Its district, when the source published one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<Area>,
    /// The point it is drawn at.
    pub point: Point,
    /// The month it happened.
    pub month: YearMonth,
    /// Its published title by language code (`en`, `ur`).
    #[serde(default)]
    pub title: BTreeMap<String, String>,
    /// Its categories in the source's taxonomy, `dimension/term`.
    #[serde(default)]
    pub terms: Vec<String>,
    /// Its categories in the exchange vocabulary as the source mapped them, `dimension/term`.
    #[serde(default)]
    pub exchange: Vec<String>,
    /// Fictional demo data (a demonstration instance's): shown marked as such, as the source
    /// shows it, and never evidence.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub demo: bool,
}

/// One change in a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    /// Its place in the source's sequence of changes.
    pub seq: u64,
    /// The case's id at the source.
    pub id: String,
    /// What changed.
    pub change: Change,
}

/// A case published (or changed), or gone.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// The case as it is now.
    Case(Box<FeedCase>),
    /// Withdrawn, unpublished or back in review: a follower removes it.
    Gone,
}

/// An item as written in JSON.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    seq: u64,
    id: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    gone: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    case: Option<Box<FeedCase>>,
}

/// One page of a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedPage {
    /// Who publishes it.
    pub instance: Instance,
    /// When the page was made (a follower refuses a page older than one it has accepted).
    pub generated_at: OffsetDateTime,
    /// The cursor it continues from (0: the beginning, the whole snapshot).
    pub since: u64,
    /// The cursor it reaches: ask for `since=cursor` next.
    pub cursor: u64,
    /// Whether more changes wait after `cursor` (ask again at once).
    pub more: bool,
    /// The changes, in sequence order.
    pub items: Vec<FeedItem>,
}

/// The page as written in JSON, items left raw so each is judged on its own.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPage<I> {
    instance: Instance,
    #[serde(with = "time::serde::rfc3339")]
    generated_at: OffsetDateTime,
    since: u64,
    cursor: u64,
    more: bool,
    items: Vec<I>,
}

/// Why a whole page was refused (the follower keeps its last good state).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// Not the envelope JSON.
    #[error("not a Naqsha federation feed: {0}")]
    NotAFeed(String),
    /// Another format or version.
    #[error("feed format {0:?} is not {FORMAT}")]
    Format(String),
    /// Signed by a key other than the one followed.
    #[error("signed by {found}, not by the followed key {expected}")]
    WrongKey {
        /// The key the follower has.
        expected: String,
        /// The key in the envelope.
        found: String,
    },
    /// The signature does not match the payload: changed on the way, or forged.
    #[error("the signature does not match the feed: it was changed after signing or forged")]
    BadSignature,
    /// The payload is not a page, or has fields this version does not know.
    #[error("the signed page is malformed: {0}")]
    Malformed(String),
    /// More items than a page may hold.
    #[error("{0} items on one page; at most {PAGE_ITEMS_MAX}")]
    TooManyItems(usize),
    /// The page's own header breaks a rule.
    #[error("{0}")]
    Header(String),
}

/// Why one item was refused (the rest of the page is taken).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRefusal {
    /// Its position on the page.
    pub index: usize,
    /// Its id, when it had a readable one.
    pub id: Option<String>,
    /// What was wrong.
    pub reason: String,
}

/// A page that passed: its header, the items taken, and those refused.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedPage {
    /// The page with the items that passed.
    pub page: FeedPage,
    /// The items refused, with their reasons.
    pub refused: Vec<ItemRefusal>,
}

impl FeedPage {
    /// The page's JSON, signed with `key`.
    pub fn seal(&self, key: &InstanceKey) -> Result<Envelope, serde_json::Error> {
        let raw = RawPage {
            instance: self.instance.clone(),
            generated_at: self.generated_at,
            since: self.since,
            cursor: self.cursor,
            more: self.more,
            items: self
                .items
                .iter()
                .map(|item| match &item.change {
                    Change::Case(case) => RawItem {
                        seq: item.seq,
                        id: item.id.clone(),
                        gone: false,
                        case: Some(case.clone()),
                    },
                    Change::Gone => RawItem {
                        seq: item.seq,
                        id: item.id.clone(),
                        gone: true,
                        case: None,
                    },
                })
                .collect(),
        };
        let payload = serde_json::to_string(&raw)?;
        Ok(Envelope {
            format: FORMAT.to_owned(),
            key: key.public(),
            signature: key.sign(payload.as_bytes()),
            payload,
        })
    }
}

impl Envelope {
    /// The envelope's JSON text.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }

    /// Reads a feed response: checks the envelope, that `expected` signed it and the
    /// signature holds, then the page and each item. `shapes` checks each case's point is in
    /// its country; `vocabulary` that its exchange terms exist.
    pub fn open(
        body: &[u8],
        expected: &PublicKey,
        shapes: &dyn CountryShapes,
        vocabulary: &Exchange,
    ) -> Result<OpenedPage, FeedError> {
        let envelope: Envelope =
            serde_json::from_slice(body).map_err(|e| FeedError::NotAFeed(e.to_string()))?;
        if envelope.format != FORMAT {
            return Err(FeedError::Format(envelope.format));
        }
        if envelope.key != *expected {
            return Err(FeedError::WrongKey {
                expected: expected.to_string(),
                found: envelope.key.to_string(),
            });
        }
        if !expected.verifies(envelope.payload.as_bytes(), &envelope.signature) {
            return Err(FeedError::BadSignature);
        }
        let raw: RawPage<serde_json::Value> = serde_json::from_str(&envelope.payload)
            .map_err(|e| FeedError::Malformed(e.to_string()))?;
        if raw.items.len() > PAGE_ITEMS_MAX {
            return Err(FeedError::TooManyItems(raw.items.len()));
        }
        check_instance(&raw.instance)?;
        if raw.cursor < raw.since {
            return Err(FeedError::Header(format!(
                "the page goes back from cursor {} to {}",
                raw.since, raw.cursor
            )));
        }
        let mut items = Vec::with_capacity(raw.items.len());
        let mut refused = Vec::new();
        let mut last_seq = raw.since;
        for (index, value) in raw.items.into_iter().enumerate() {
            let id = value.get("id").and_then(|v| v.as_str()).map(str::to_owned);
            let checked = serde_json::from_value::<RawItem>(value)
                .map_err(|e| e.to_string())
                .and_then(|item| check_item(item, &raw.instance, shapes, vocabulary));
            match checked {
                Ok(item) if item.seq <= last_seq || item.seq > raw.cursor => {
                    return Err(FeedError::Header(format!(
                        "item {index} has sequence number {} outside the page's {}..={} or out of order",
                        item.seq, raw.since, raw.cursor
                    )));
                }
                Ok(item) => {
                    last_seq = item.seq;
                    items.push(item);
                }
                Err(reason) => refused.push(ItemRefusal { index, id, reason }),
            }
        }
        Ok(OpenedPage {
            page: FeedPage {
                instance: raw.instance,
                generated_at: raw.generated_at,
                since: raw.since,
                cursor: raw.cursor,
                more: raw.more,
                items,
            },
            refused,
        })
    }
}

fn check_instance(instance: &Instance) -> Result<(), FeedError> {
    let header = |m: String| Err(FeedError::Header(m));
    if instance.name.trim().is_empty() || instance.name.chars().count() > NAME_MAX_CHARS {
        return header(format!(
            "the instance name must have 1 to {NAME_MAX_CHARS} characters"
        ));
    }
    if !matches!(instance.url.scheme(), "https" | "http") || instance.url.host_str().is_none() {
        return header(format!(
            "the instance address {} is not an http(s) URL",
            instance.url
        ));
    }
    if instance.taxonomy.chars().count() > CODE_MAX_CHARS
        || instance.exchange.chars().count() > CODE_MAX_CHARS
    {
        return header(format!(
            "a vocabulary version is longer than {CODE_MAX_CHARS} characters"
        ));
    }
    Ok(())
}

fn check_item(
    item: RawItem,
    instance: &Instance,
    shapes: &dyn CountryShapes,
    vocabulary: &Exchange,
) -> Result<FeedItem, String> {
    let id_ok = !item.id.is_empty()
        && item.id.len() <= CODE_MAX_CHARS
        && item
            .id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !id_ok {
        return Err(format!(
            "the id must be 1 to {CODE_MAX_CHARS} letters, digits, - or _"
        ));
    }
    let change = match (item.gone, item.case) {
        (true, None) => Change::Gone,
        (false, Some(case)) => {
            check_case(&case, instance, shapes, vocabulary)?;
            Change::Case(case)
        }
        (true, Some(_)) => return Err("an item is either a case or gone, not both".into()),
        (false, None) => return Err("an item has neither a case nor gone".into()),
    };
    Ok(FeedItem {
        seq: item.seq,
        id: item.id,
        change,
    })
}

fn check_case(
    case: &FeedCase,
    instance: &Instance,
    shapes: &dyn CountryShapes,
    vocabulary: &Exchange,
) -> Result<(), String> {
    if case.url.as_str().len() > URL_MAX_CHARS {
        return Err(format!("its URL is longer than {URL_MAX_CHARS} characters"));
    }
    if case.url.scheme() != instance.url.scheme() || case.url.host_str() != instance.url.host_str()
    {
        return Err(format!(
            "its URL {} is not on the instance's host",
            case.url
        ));
    }
    if case.country != instance.country {
        return Err(format!(
            "its country {} is not the instance's {}",
            case.country, instance.country
        ));
    }
    for area in std::iter::once(&case.region).chain(case.district.as_ref()) {
        if area.code.trim().is_empty() || area.code.chars().count() > CODE_MAX_CHARS {
            return Err(format!(
                "a place code must have 1 to {CODE_MAX_CHARS} characters"
            ));
        }
        if area.name.trim().is_empty() || area.name.chars().count() > NAME_MAX_CHARS {
            return Err(format!(
                "a place name must have 1 to {NAME_MAX_CHARS} characters"
            ));
        }
    }
    let Point { lat, lon } = case.point;
    if !(lat.is_finite()
        && lon.is_finite()
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon))
    {
        return Err(format!("its point {lat}, {lon} is not on Earth"));
    }
    match shapes.contains(case.country, lat, lon) {
        Some(true) => {}
        Some(false) => {
            return Err(format!(
                "its point {lat}, {lon} is outside {}",
                case.country
            ));
        }
        None => return Err(format!("the country {} is not known", case.country)),
    }
    if case.title.len() > TITLES_MAX {
        return Err(format!("more than {TITLES_MAX} titles"));
    }
    for (lang, title) in &case.title {
        if lang.is_empty()
            || lang.len() > 8
            || !lang.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(format!("{lang:?} is not a language code"));
        }
        if title.chars().count() > TITLE_MAX_CHARS {
            return Err(format!(
                "its {lang} title has {} characters; at most {TITLE_MAX_CHARS}",
                title.chars().count()
            ));
        }
    }
    if case.terms.len() > TERMS_MAX || case.exchange.len() > TERMS_MAX {
        return Err(format!("more than {TERMS_MAX} categories"));
    }
    for term in &case.terms {
        if term.chars().count() > CODE_MAX_CHARS * 2 || term.split_once('/').is_none() {
            return Err(format!("the category {term:?} is not dimension/term"));
        }
    }
    for term in &case.exchange {
        if !vocabulary.has(term) {
            return Err(format!(
                "the exchange category {term:?} is not in {}",
                vocabulary.version()
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
