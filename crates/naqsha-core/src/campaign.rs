//! Campaigns (16 Days of Activism, Take Back the Tech!): pages the organisation writes in
//! English and Urdu, with a period during which the home page features the campaign, a
//! prompt for each day, posts, and stories it selects from the published cases.
//!
//! Every text here is written by staff in the safe Markdown subset
//! ([`crate::safe_markdown`]); nothing a member of the public wrote is kept here.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use time::Date;

use crate::ids::CaseId;
use crate::lang::Lang;

crate::typed_id!(
    /// A campaign.
    CampaignId
);
crate::typed_id!(
    /// A post of a campaign.
    CampaignPostId
);
crate::typed_id!(
    /// An image uploaded for campaign pages.
    CampaignImageId
);

/// The longest slug.
pub const SLUG_MAX: usize = 64;
/// The longest title, in characters.
pub const TITLE_MAX: usize = 200;
/// The longest intro or post body, in characters.
pub const BODY_MAX: usize = 20_000;
/// The longest daily prompt, in characters.
pub const PROMPT_MAX: usize = 500;
/// The most stories a campaign selects.
pub const STORIES_MAX: usize = 30;
/// The longest alt text of an image, in characters.
pub const ALT_MAX: usize = 300;

/// What is wrong with a campaign's input; each is a translation key for the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CampaignError {
    /// The slug is not lowercase letters, digits and inner hyphens, 1 to 64.
    #[error("invalid slug")]
    Slug,
    /// A title is missing or too long.
    #[error("invalid title")]
    Title,
    /// An intro or a body is too long.
    #[error("text too long")]
    TooLong,
    /// A day is not a date (YYYY-MM-DD).
    #[error("invalid date")]
    Date,
    /// The last day is before the first.
    #[error("period ends before it starts")]
    Backwards,
    /// A prompt's day is outside the period, or a prompt is malformed.
    #[error("invalid prompt")]
    Prompt,
    /// A selected story is not an id.
    #[error("invalid story id")]
    Story,
    /// Alt text is missing or too long.
    #[error("invalid alt text")]
    Alt,
}

impl CampaignError {
    /// The translation key of the message shown beside the field.
    pub fn key(self) -> &'static str {
        match self {
            CampaignError::Slug => "admin.campaigns.error.slug",
            CampaignError::Title => "admin.campaigns.error.title",
            CampaignError::TooLong => "admin.campaigns.error.too_long",
            CampaignError::Date => "admin.campaigns.error.date",
            CampaignError::Backwards => "admin.campaigns.error.backwards",
            CampaignError::Prompt => "admin.campaigns.error.prompt",
            CampaignError::Story => "admin.campaigns.error.story",
            CampaignError::Alt => "admin.campaigns.error.alt",
        }
    }
}

/// A campaign's address: `/campaign/<slug>`. Lowercase ASCII letters, digits and `-`,
/// 1 to 64 characters, not starting or ending with `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CampaignSlug(String);

impl CampaignSlug {
    /// Checks a slug.
    pub fn parse(s: &str) -> Result<Self, CampaignError> {
        let ok = (1..=SLUG_MAX).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-');
        ok.then(|| Self(s.to_owned())).ok_or(CampaignError::Slug)
    }

    /// The slug.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for CampaignSlug {
    type Err = CampaignError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for CampaignSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The days of a campaign, first and last included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CampaignPeriod {
    first: Date,
    last: Date,
}

/// The format of a day in forms and storage.
const DAY: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// Reads a day written `YYYY-MM-DD`.
pub fn parse_day(s: &str) -> Result<Date, CampaignError> {
    Date::parse(s.trim(), DAY).map_err(|_| CampaignError::Date)
}

/// Writes a day as `YYYY-MM-DD`.
pub fn format_day(d: Date) -> String {
    d.format(DAY).unwrap_or_default()
}

impl CampaignPeriod {
    /// A period from `first` to `last`, both included; refused when `last` is before `first`.
    pub fn new(first: Date, last: Date) -> Result<Self, CampaignError> {
        if last < first {
            return Err(CampaignError::Backwards);
        }
        Ok(Self { first, last })
    }

    /// The first day.
    pub fn first(&self) -> Date {
        self.first
    }

    /// The last day.
    pub fn last(&self) -> Date {
        self.last
    }

    /// Whether `day` is one of the campaign's days.
    pub fn contains(&self, day: Date) -> bool {
        self.first <= day && day <= self.last
    }
}

/// A text in both languages (either may be empty where the field is optional).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bilingual {
    /// English.
    pub en: String,
    /// Urdu.
    pub ur: String,
}

impl Bilingual {
    /// The text in `lang`, or in the other language when it is empty there.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang.base() {
            Lang::EN => (&self.en, &self.ur),
            _ => (&self.ur, &self.en),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    /// Which language [`Bilingual::get`] answers in for `lang`.
    pub fn lang_of(&self, lang: Lang) -> Lang {
        let lang = lang.base();
        let first = match lang.base() {
            Lang::EN => &self.en,
            _ => &self.ur,
        };
        if first.trim().is_empty() {
            match lang.base() {
                Lang::EN => Lang::UR,
                _ => Lang::EN,
            }
        } else {
            lang
        }
    }
}

/// A campaign with everything its page shows except posts and images.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    /// The id.
    pub id: CampaignId,
    /// The address.
    pub slug: CampaignSlug,
    /// The title (required in both languages).
    pub title: Bilingual,
    /// The introduction, in the safe Markdown subset.
    pub intro: Bilingual,
    /// Its days.
    pub period: CampaignPeriod,
    /// Published cases it features, in the order chosen.
    pub stories: Vec<CaseId>,
    /// A prompt for some of its days.
    pub prompts: BTreeMap<Date, Bilingual>,
}

impl Campaign {
    /// The prompt of `day`, when the day is in the period and has one.
    pub fn prompt_on(&self, day: Date) -> Option<&Bilingual> {
        self.period
            .contains(day)
            .then(|| self.prompts.get(&day))
            .flatten()
    }
}

/// A post of a campaign (news of the campaign, a call to action).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignPost {
    /// The id (also the post's anchor on the page).
    pub id: CampaignPostId,
    /// The campaign.
    pub campaign: CampaignId,
    /// The title.
    pub title: Bilingual,
    /// The text, in the safe Markdown subset.
    pub body: Bilingual,
    /// The day it is dated.
    pub date: Date,
}

/// An image as the pages need it (without its bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignImageInfo {
    /// The id.
    pub id: CampaignImageId,
    /// The campaign it was uploaded for.
    pub campaign: CampaignId,
    /// `image/jpeg`, `image/png` or `image/webp`.
    pub content_type: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The text alternative in both languages.
    pub alt: Bilingual,
}

impl CampaignImageInfo {
    /// The address the pages use.
    pub fn src(&self) -> String {
        format!("{}{}", crate::safe_markdown::CAMPAIGN_IMAGE_PATH, self.id)
    }
}

/// Checks a required title.
pub fn parse_title(s: &str) -> Result<String, CampaignError> {
    let s = crate::invisible::strip(s.trim()).into_owned();
    if s.is_empty() || s.chars().count() > TITLE_MAX {
        return Err(CampaignError::Title);
    }
    Ok(s)
}

/// Checks an optional Markdown text (intro or body); line endings are normalised.
pub fn parse_body(s: &str) -> Result<String, CampaignError> {
    let s = s.replace("\r\n", "\n").trim().to_owned();
    if s.chars().count() > BODY_MAX {
        return Err(CampaignError::TooLong);
    }
    Ok(s)
}

/// Checks a required alt text.
pub fn parse_alt(s: &str) -> Result<String, CampaignError> {
    let s = crate::invisible::strip(s.trim()).into_owned();
    if s.is_empty() || s.chars().count() > ALT_MAX || s.contains(['[', ']', '(', ')']) {
        return Err(CampaignError::Alt);
    }
    Ok(s)
}

/// Reads the selected stories: case ids separated by spaces, commas or lines, in order,
/// each once.
pub fn parse_story_ids(s: &str) -> Result<Vec<CaseId>, CampaignError> {
    let mut out: Vec<CaseId> = Vec::new();
    for word in s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
    {
        let id: CaseId = word.parse().map_err(|_| CampaignError::Story)?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    if out.len() > STORIES_MAX {
        return Err(CampaignError::Story);
    }
    Ok(out)
}

/// Reads the daily prompts, one a line: `YYYY-MM-DD | English prompt | Urdu prompt`. Every
/// day must be in `period` and appear once; either prompt may be empty, not both.
pub fn parse_prompts(
    s: &str,
    period: &CampaignPeriod,
) -> Result<BTreeMap<Date, Bilingual>, CampaignError> {
    let mut out = BTreeMap::new();
    for line in s.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut parts = line.splitn(3, '|').map(str::trim);
        let day = parse_day(parts.next().unwrap_or_default()).map_err(|_| CampaignError::Prompt)?;
        let en = crate::invisible::strip(parts.next().unwrap_or_default()).into_owned();
        let ur = crate::invisible::strip(parts.next().unwrap_or_default()).into_owned();
        if !period.contains(day)
            || (en.is_empty() && ur.is_empty())
            || en.chars().count() > PROMPT_MAX
            || ur.chars().count() > PROMPT_MAX
            || out.insert(day, Bilingual { en, ur }).is_some()
        {
            return Err(CampaignError::Prompt);
        }
    }
    Ok(out)
}

/// Writes the prompts back in the form [`parse_prompts`] reads.
pub fn format_prompts(prompts: &BTreeMap<Date, Bilingual>) -> String {
    prompts
        .iter()
        .map(|(d, p)| format!("{} | {} | {}", format_day(*d), p.en, p.ur))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn slugs_are_lowercase_words_joined_by_hyphens() {
        for good in ["16-days", "a", "take-back-the-tech", &"x".repeat(64)] {
            assert_eq!(CampaignSlug::parse(good).unwrap().as_str(), good);
        }
        for bad in [
            "",
            "-a",
            "a-",
            "A",
            "a b",
            "a_b",
            "ا",
            "a/b",
            "a.b",
            &"x".repeat(65),
        ] {
            assert_eq!(
                CampaignSlug::parse(bad),
                Err(CampaignError::Slug),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_period_includes_both_ends_and_never_runs_backwards() {
        let p = CampaignPeriod::new(date!(2026 - 11 - 25), date!(2026 - 12 - 10)).unwrap();
        assert!(p.contains(date!(2026 - 11 - 25)) && p.contains(date!(2026 - 12 - 10)));
        assert!(!p.contains(date!(2026 - 11 - 24)) && !p.contains(date!(2026 - 12 - 11)));
        assert!(CampaignPeriod::new(date!(2026 - 12 - 1), date!(2026 - 12 - 1)).is_ok());
        assert_eq!(
            CampaignPeriod::new(date!(2026 - 12 - 2), date!(2026 - 12 - 1)),
            Err(CampaignError::Backwards)
        );
        assert_eq!(parse_day("2026-13-01"), Err(CampaignError::Date));
    }

    #[test]
    fn prompts_are_days_of_the_period() {
        let p = CampaignPeriod::new(date!(2026 - 11 - 25), date!(2026 - 12 - 10)).unwrap();
        let prompts =
            parse_prompts("2026-11-25 | Speak | بولیں\n\n2026-12-01 | | صرف اردو", &p).unwrap();
        assert_eq!(prompts.len(), 2);
        assert_eq!(prompts[&date!(2026 - 12 - 01)].get(Lang::EN), "صرف اردو");
        assert_eq!(
            parse_prompts(&format_prompts(&prompts), &p).unwrap(),
            prompts
        );
        for bad in [
            "2026-11-24 | before | پہلے",
            "2026-11-25 | a | b\n2026-11-25 | again | دوبارہ",
            "2026-11-26 | |",
            "tomorrow | a | b",
        ] {
            assert_eq!(parse_prompts(bad, &p), Err(CampaignError::Prompt), "{bad}");
        }
        let c = Campaign {
            id: CampaignId::random(),
            slug: CampaignSlug::parse("x").unwrap(),
            title: Bilingual::default(),
            intro: Bilingual::default(),
            period: p,
            stories: vec![],
            prompts,
        };
        assert!(c.prompt_on(date!(2026 - 11 - 25)).is_some());
        assert!(c.prompt_on(date!(2026 - 11 - 26)).is_none());
    }

    #[test]
    fn stories_are_case_ids_once_each() {
        let a = CaseId::random();
        let b = CaseId::random();
        assert_eq!(
            parse_story_ids(&format!("{a}, {b}\n{a}")).unwrap(),
            vec![a, b]
        );
        assert_eq!(parse_story_ids("not-an-id"), Err(CampaignError::Story));
        assert!(parse_story_ids("").unwrap().is_empty());
    }

    #[test]
    fn titles_and_alt_text_are_required() {
        assert_eq!(parse_title("  "), Err(CampaignError::Title));
        assert_eq!(parse_title(" 16 Days ").unwrap(), "16 Days");
        assert_eq!(parse_alt(""), Err(CampaignError::Alt));
        assert_eq!(parse_alt("a](x"), Err(CampaignError::Alt));
        assert_eq!(
            parse_body(&"x".repeat(BODY_MAX + 1)),
            Err(CampaignError::TooLong)
        );
    }
}
