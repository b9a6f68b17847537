//! What an admin configures for news monitoring: feeds and keyword rules, each built only
//! through a parse that the workspace forms and storage share.

use crate::lang::Lang;
use crate::taxonomy::{Labels, Taxonomy};
use time::OffsetDateTime;

crate::typed_id!(
    /// A news feed an admin follows.
    FeedId
);
crate::typed_id!(
    /// A keyword rule of news monitoring.
    RuleId
);

/// The longest feed or rule name, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest feed URL, in bytes.
pub const MAX_URL_LEN: usize = 2_000;
/// The most phrases one rule may list.
pub const MAX_PHRASES: usize = 200;
/// The longest phrase, in characters.
pub const MAX_PHRASE_CHARS: usize = 200;

/// The language a rule's phrases are written in. Roman Urdu is Urdu typed in Latin letters
/// ("blackmail kiya", "tasveerein"), common in Pakistani English-language news.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleLang {
    /// English.
    En,
    /// Urdu in Urdu script.
    Ur,
    /// Urdu in Latin letters.
    RomanUr,
}

impl RuleLang {
    /// Every value, in the order the form offers them.
    pub const ALL: [RuleLang; 3] = [RuleLang::En, RuleLang::Ur, RuleLang::RomanUr];

    /// The stored and posted name.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleLang::En => "en",
            RuleLang::Ur => "ur",
            RuleLang::RomanUr => "roman_ur",
        }
    }

    /// The translation key of its name.
    pub fn label(self) -> &'static str {
        match self {
            RuleLang::En => "admin.feeds.lang.en",
            RuleLang::Ur => "admin.feeds.lang.ur",
            RuleLang::RomanUr => "admin.feeds.lang.roman_ur",
        }
    }

    /// Whether its phrases are typed right to left.
    pub fn rtl(self) -> bool {
        self == RuleLang::Ur
    }
}

impl std::str::FromStr for RuleLang {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RuleLang::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or(InvalidInput::Lang)
    }
}

/// Why an admin's input was refused; each maps to a translated message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InvalidInput {
    /// The name is empty or too long.
    #[error("name")]
    Name,
    /// The URL is not an http(s) URL.
    #[error("url")]
    Url,
    /// Not a language offered.
    #[error("language")]
    Lang,
    /// No phrase, too many, or one too long.
    #[error("phrases")]
    Phrases,
    /// A hint is not a term of the taxonomy.
    #[error("hints")]
    Hints,
}

impl InvalidInput {
    /// The translation key of the message.
    pub fn key(self) -> &'static str {
        match self {
            InvalidInput::Name => "admin.feeds.error.name",
            InvalidInput::Url => "admin.feeds.error.url",
            InvalidInput::Lang => "admin.feeds.error.lang",
            InvalidInput::Phrases => "admin.feeds.error.phrases",
            InvalidInput::Hints => "admin.feeds.error.hints",
        }
    }
}

/// A name of a feed or rule: trimmed, 1 to [`MAX_NAME_CHARS`] characters, one line.
pub fn parse_name(raw: &str) -> Result<String, InvalidInput> {
    let name = raw.trim();
    if name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || name.chars().any(char::is_control)
    {
        return Err(InvalidInput::Name);
    }
    Ok(name.to_owned())
}

/// A feed URL: absolute http or https with a host, no credentials in it.
pub fn parse_feed_url(raw: &str) -> Result<String, InvalidInput> {
    let raw = raw.trim();
    if raw.len() > MAX_URL_LEN {
        return Err(InvalidInput::Url);
    }
    let url = url::Url::parse(raw).map_err(|_| InvalidInput::Url)?;
    let ok = matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some_and(|h| !h.is_empty())
        && url.username().is_empty()
        && url.password().is_none();
    if !ok {
        return Err(InvalidInput::Url);
    }
    Ok(url.to_string())
}

/// A feed language: the language its items are written in, given to the candidates.
pub fn parse_feed_lang(raw: &str) -> Result<Lang, InvalidInput> {
    match raw {
        "en" => Ok(Lang::EN),
        "ur" => Ok(Lang::UR),
        _ => Err(InvalidInput::Lang),
    }
}

/// The phrases of a rule, one per line: trimmed, blank lines dropped, duplicates kept once.
pub fn parse_phrases(raw: &str) -> Result<Vec<String>, InvalidInput> {
    let mut phrases: Vec<String> = Vec::new();
    for line in raw.lines() {
        let p = line.trim();
        if p.is_empty() {
            continue;
        }
        if p.chars().count() > MAX_PHRASE_CHARS || p.chars().any(char::is_control) {
            return Err(InvalidInput::Phrases);
        }
        // a phrase of punctuation alone would fold to nothing and match nothing
        if crate::near_duplicate::normalise(p).is_empty() {
            return Err(InvalidInput::Phrases);
        }
        if !phrases.iter().any(|q| q == p) {
            phrases.push(p.to_owned());
        }
    }
    if phrases.is_empty() || phrases.len() > MAX_PHRASES {
        return Err(InvalidInput::Phrases);
    }
    Ok(phrases)
}

/// Taxonomy hints given as `dimension:term` values: each must be a term of `taxonomy`.
pub fn parse_hints<'a>(
    values: impl IntoIterator<Item = &'a str>,
    taxonomy: &Taxonomy,
) -> Result<Labels, InvalidInput> {
    let mut labels = Labels::new();
    for v in values {
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        let (d, t) = v.split_once(':').ok_or(InvalidInput::Hints)?;
        if taxonomy.term(d, t).is_none() {
            return Err(InvalidInput::Hints);
        }
        labels.insert_str(d, t).map_err(|_| InvalidInput::Hints)?;
    }
    taxonomy
        .validate_labels(&labels)
        .map_err(|_| InvalidInput::Hints)?;
    Ok(labels)
}

/// Hints as stored: `dimension:term` pairs joined by commas, in the labels' order.
pub fn hints_to_string(labels: &Labels) -> String {
    hint_values(labels).join(",")
}

/// Hints as `dimension:term` values (what the form's checkboxes post).
pub fn hint_values(labels: &Labels) -> Vec<String> {
    labels
        .iter()
        .flat_map(|(d, terms)| terms.iter().map(move |t| format!("{d}:{t}")))
        .collect()
}

/// A feed as stored, with its poll state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// The id.
    pub id: FeedId,
    /// The feed's URL.
    pub url: String,
    /// A name for the admin list.
    pub name: String,
    /// The language of its items.
    pub lang: Lang,
    /// Polled only when enabled.
    pub enabled: bool,
    /// The `ETag` of the last full answer, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` of the last full answer, sent back as `If-Modified-Since`.
    pub last_modified: Option<String>,
    /// The last poll that got an answer (200 or 304).
    pub last_fetched_at: Option<OffsetDateTime>,
    /// The last poll's failure, if it failed.
    pub last_error: Option<FetchError>,
    /// Failed polls in a row (the backoff exponent).
    pub failures: u32,
    /// When it is next due.
    pub next_poll_at: OffsetDateTime,
    /// Distinct items seen in it.
    pub items_seen: i64,
    /// Items that matched a rule and became candidates.
    pub candidates: i64,
    /// When it was added.
    pub created_at: OffsetDateTime,
}

/// What went wrong fetching or reading a feed, shown to admins translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    /// What kind of failure.
    pub kind: FetchErrorKind,
    /// A short technical detail (an HTTP status, a parser message); never a body.
    pub detail: String,
}

/// The kinds of feed failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchErrorKind {
    /// No connection (refused, DNS, TLS).
    Connect,
    /// No complete answer in time.
    Timeout,
    /// An HTTP status other than 200 or 304.
    Status,
    /// The body was larger than the cap.
    TooLarge,
    /// Not RSS or Atom.
    Parse,
    /// The address is on a private or local network (refused unless allowed in config).
    PrivateAddress,
}

impl FetchErrorKind {
    const ALL: [FetchErrorKind; 6] = [
        FetchErrorKind::Connect,
        FetchErrorKind::Timeout,
        FetchErrorKind::Status,
        FetchErrorKind::TooLarge,
        FetchErrorKind::Parse,
        FetchErrorKind::PrivateAddress,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            FetchErrorKind::Connect => "connect",
            FetchErrorKind::Timeout => "timeout",
            FetchErrorKind::Status => "status",
            FetchErrorKind::TooLarge => "too_large",
            FetchErrorKind::Parse => "parse",
            FetchErrorKind::PrivateAddress => "private_address",
        }
    }

    /// The translation key of its explanation.
    pub fn label(self) -> &'static str {
        match self {
            FetchErrorKind::Connect => "admin.feeds.fetch_error.connect",
            FetchErrorKind::Timeout => "admin.feeds.fetch_error.timeout",
            FetchErrorKind::Status => "admin.feeds.fetch_error.status",
            FetchErrorKind::TooLarge => "admin.feeds.fetch_error.too_large",
            FetchErrorKind::Parse => "admin.feeds.fetch_error.parse",
            FetchErrorKind::PrivateAddress => "admin.feeds.fetch_error.private_address",
        }
    }
}

impl std::str::FromStr for FetchErrorKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FetchErrorKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown fetch error kind {s:?}"))
    }
}

/// A keyword rule as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The id.
    pub id: RuleId,
    /// A name for the admin list.
    pub name: String,
    /// The phrases, each matched as whole words.
    pub phrases: Vec<String>,
    /// The language they are written in.
    pub lang: RuleLang,
    /// Every phrase must occur (a word list), rather than any one.
    pub match_all: bool,
    /// Taxonomy terms that pre-fill a candidate's coding.
    pub hints: Labels,
    /// Applied only when enabled.
    pub enabled: bool,
    /// When it was added.
    pub created_at: OffsetDateTime,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_urls_must_be_http_with_a_host_and_no_credentials() {
        assert_eq!(
            parse_feed_url(" https://Example.org/rss ").unwrap(),
            "https://example.org/rss"
        );
        for bad in [
            "",
            "ftp://example.org/feed",
            "example.org/rss",
            "https://user:pw@example.org/rss",
            "javascript:alert(1)",
        ] {
            assert_eq!(parse_feed_url(bad), Err(InvalidInput::Url), "{bad}");
        }
    }

    #[test]
    fn phrases_are_one_per_line_and_blank_or_punctuation_only_lines_are_refused() {
        assert_eq!(
            parse_phrases("blackmail\n\n  بلیک میل \nblackmail\r\n").unwrap(),
            vec!["blackmail".to_owned(), "بلیک میل".to_owned()]
        );
        assert_eq!(parse_phrases(" \n "), Err(InvalidInput::Phrases));
        assert_eq!(parse_phrases("!!!"), Err(InvalidInput::Phrases));
    }

    #[test]
    fn hints_must_be_taxonomy_terms() {
        let t = Taxonomy::pakistan_default();
        let labels = parse_hints(["act:blackmail_sextortion", ""], t).unwrap();
        assert_eq!(hints_to_string(&labels), "act:blackmail_sextortion");
        assert_eq!(
            parse_hints(["act:no_such_term"], t),
            Err(InvalidInput::Hints)
        );
        assert_eq!(parse_hints(["nonsense"], t), Err(InvalidInput::Hints));
    }
}
