//! Responses from the public: messages of support and "what helped me" under a published
//! story or a campaign page, and creative responses (a poem, a drawing, a link to a video or
//! a podcast) for a campaign's gallery.
//!
//! Anyone may send one, without an account, and nothing of it is public until a moderator
//! approves it. What the writer sent ([`ResponseBody`], and an image if any) is sealed to the
//! organisation key as it arrives, like a report: a message of support may still name
//! someone. Approving it writes a separate public record ([`PublishedResponse`]) from what the
//! moderator saw and accepted. Only the kind, the target, the language and coarse times are
//! kept in the clear.

use serde::{Deserialize, Serialize};

use crate::enums::str_enum;
use crate::ids::CaseId;
use crate::lang::Lang;
use crate::text::{CreativeTitle, Pseudonym, ResponseText};

/// What a response is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseKind {
    /// A message of support to the person whose story it is, or to everyone the campaign is for.
    Support,
    /// What helped the writer when it happened to her (shown on the strategies page too).
    Helped,
    /// A poem, a drawing, a comic, or a link to a video or a podcast (a campaign's gallery).
    Creative,
}

str_enum!(ResponseKind { Support => "support", Helped => "helped", Creative => "creative" });

/// The licence a creative response is shared under, as its maker chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Licence {
    /// Creative Commons Attribution 4.0.
    CcBy,
    /// Creative Commons Attribution-NonCommercial 4.0.
    CcByNc,
    /// All rights reserved: shown here, not to be reused.
    AllRightsReserved,
}

str_enum!(Licence {
    CcBy => "cc_by", CcByNc => "cc_by_nc", AllRightsReserved => "all_rights_reserved",
});

impl Licence {
    /// The licence's own page, for a link beside the work (`None` when all rights are reserved).
    pub fn url(self) -> Option<&'static str> {
        match self {
            Licence::CcBy => Some("https://creativecommons.org/licenses/by/4.0/"),
            Licence::CcByNc => Some("https://creativecommons.org/licenses/by-nc/4.0/"),
            Licence::AllRightsReserved => None,
        }
    }
}

/// Where a response is shown.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ResponseTarget {
    /// Under a published story.
    Story(CaseId),
    /// On a campaign's page (and in its gallery), by the campaign's slug.
    Campaign(String),
}

impl ResponseTarget {
    /// The stored kind of target: `story` or `campaign`.
    pub fn kind(&self) -> &'static str {
        match self {
            ResponseTarget::Story(_) => "story",
            ResponseTarget::Campaign(_) => "campaign",
        }
    }

    /// The stored id of the target: the case id or the campaign slug.
    pub fn id(&self) -> String {
        match self {
            ResponseTarget::Story(case) => case.to_string(),
            ResponseTarget::Campaign(slug) => slug.clone(),
        }
    }

    /// The target from its stored kind and id.
    pub fn from_parts(kind: &str, id: &str) -> Option<Self> {
        match kind {
            "story" => id.parse().ok().map(ResponseTarget::Story),
            "campaign" if !id.is_empty() => Some(ResponseTarget::Campaign(id.to_owned())),
            _ => None,
        }
    }
}

/// Where a response stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResponseStatus {
    /// Waiting for a moderator; not public.
    Pending,
    /// Approved and public.
    Approved,
    /// Rejected; its content is deleted, only the fact remains (for its receipt).
    Rejected,
}

str_enum!(ResponseStatus { Pending => "pending", Approved => "approved", Rejected => "rejected" });

/// A web address a creative response links to (a video, a podcast): `https` or `http`, with
/// a host, at most 500 characters. It is shown as a link and never embedded, so a reader's
/// browser makes no request to another host unless she follows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PublicLink(String);

/// A link that is not an `http(s)` address with a host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a web address")]
pub struct LinkError;

impl PublicLink {
    /// The longest address accepted.
    pub const MAX_CHARS: usize = 500;

    /// Validates an address as typed (surrounding spaces are dropped).
    pub fn parse(input: &str) -> Result<Self, LinkError> {
        let trimmed = input.trim();
        if trimmed.is_empty()
            || trimmed.chars().count() > Self::MAX_CHARS
            || trimmed
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || crate::invisible::is_invisible(c))
        {
            return Err(LinkError);
        }
        let url = url::Url::parse(trimmed).map_err(|_| LinkError)?;
        let scheme_ok = matches!(url.scheme(), "https" | "http");
        let host_ok = url.host_str().is_some_and(|h| h.contains('.'));
        if !scheme_ok || !host_ok || !url.username().is_empty() || url.password().is_some() {
            return Err(LinkError);
        }
        Ok(Self(url.to_string()))
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host, for showing beside the link where it goes.
    pub fn host(&self) -> String {
        url::Url::parse(&self.0)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

impl TryFrom<String> for PublicLink {
    type Error = LinkError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<PublicLink> for String {
    fn from(l: PublicLink) -> String {
        l.0
    }
}

/// What a writer sent, sealed as one age file. A creative response has a title and the
/// maker's licence, and a link or an image (the image is sealed as a file of its own), and
/// may have text (a poem); the other kinds have text only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseBody {
    /// What it is.
    pub kind: ResponseKind,
    /// The language the writer used the site in.
    pub lang: Lang,
    /// The message, or a poem.
    pub text: Option<ResponseText>,
    /// The name she wants to be credited by; none means it is shown without a name.
    pub pseudonym: Option<Pseudonym>,
    /// A creative response's title.
    pub title: Option<CreativeTitle>,
    /// A link to a video or a podcast.
    pub link: Option<PublicLink>,
    /// A creative response's licence.
    pub licence: Option<Licence>,
}

/// A response that is not whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BodyError {
    /// A support or "what helped me" response without text.
    #[error("text is required")]
    TextMissing,
    /// A creative response without a title.
    #[error("a title is required")]
    TitleMissing,
    /// A creative response without a licence.
    #[error("a licence is required")]
    LicenceMissing,
    /// A creative response with neither text, link nor image.
    #[error("nothing to show")]
    NothingToShow,
    /// A link or a title on a response that is not creative.
    #[error("only creative responses have a title or a link")]
    NotCreative,
}

impl ResponseBody {
    /// Checks that the parts fit the kind; `has_image` says whether an image comes with it.
    pub fn check(&self, has_image: bool) -> Result<(), BodyError> {
        match self.kind {
            ResponseKind::Support | ResponseKind::Helped => {
                if self.title.is_some()
                    || self.link.is_some()
                    || self.licence.is_some()
                    || has_image
                {
                    return Err(BodyError::NotCreative);
                }
                if self.text.is_none() {
                    return Err(BodyError::TextMissing);
                }
            }
            ResponseKind::Creative => {
                if self.title.is_none() {
                    return Err(BodyError::TitleMissing);
                }
                if self.licence.is_none() {
                    return Err(BodyError::LicenceMissing);
                }
                if self.text.is_none() && self.link.is_none() && !has_image {
                    return Err(BodyError::NothingToShow);
                }
            }
        }
        Ok(())
    }

    /// The whole text a moderator reads and the redaction engine scans: title, text and
    /// pseudonym, one per line.
    pub fn readable(&self) -> String {
        [
            self.title.as_ref().map(CreativeTitle::as_str),
            self.text.as_ref().map(ResponseText::as_str),
            self.pseudonym.as_ref().map(Pseudonym::as_str),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n")
    }
}

/// The public record a moderator's approval writes: exactly what readers see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedResponse {
    /// What it is.
    pub kind: ResponseKind,
    /// Where it is shown.
    pub target: ResponseTarget,
    /// The language it is written in.
    pub lang: Lang,
    /// The text (possibly redacted by the moderator).
    pub text: Option<ResponseText>,
    /// The credit; none means no name.
    pub pseudonym: Option<Pseudonym>,
    /// A creative response's title.
    pub title: Option<CreativeTitle>,
    /// A creative response's link.
    pub link: Option<PublicLink>,
    /// A creative response's licence.
    pub licence: Option<Licence>,
}

impl PublishedResponse {
    /// The public record of a body as its writer sent it, for a moderator who approves it
    /// unchanged.
    pub fn from_body(body: &ResponseBody, target: ResponseTarget) -> Self {
        Self {
            kind: body.kind,
            target,
            lang: body.lang,
            text: body.text.clone(),
            pseudonym: body.pseudonym.clone(),
            title: body.title.clone(),
            link: body.link.clone(),
            licence: body.licence,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(kind: ResponseKind) -> ResponseBody {
        ResponseBody {
            kind,
            lang: Lang::EN,
            text: None,
            pseudonym: None,
            title: None,
            link: None,
            licence: None,
        }
    }

    #[test]
    fn links_are_web_addresses_with_a_host_and_nothing_else() {
        assert!(PublicLink::parse(" https://www.youtube.com/watch?v=abc ").is_ok());
        assert_eq!(
            PublicLink::parse("https://example.org/a b").unwrap_err(),
            LinkError
        );
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<b>",
            "ftp://example.org/x",
            "https://localhost/x",
            "https://user:pw@example.org/",
            "//example.org/x",
            "/stories/1",
            "https://exa\u{202e}mple.org/",
            "",
        ] {
            assert!(PublicLink::parse(bad).is_err(), "{bad:?} accepted");
        }
        let long = format!("https://example.org/{}", "a".repeat(500));
        assert!(PublicLink::parse(&long).is_err());
        assert_eq!(
            PublicLink::parse("https://Example.org/x").unwrap().host(),
            "example.org"
        );
    }

    #[test]
    fn a_body_must_fit_its_kind() {
        let mut support = body(ResponseKind::Support);
        assert_eq!(support.check(false), Err(BodyError::TextMissing));
        support.text = Some(ResponseText::parse("You are not alone").unwrap());
        assert_eq!(support.check(false), Ok(()));
        assert_eq!(support.check(true), Err(BodyError::NotCreative));
        support.link = PublicLink::parse("https://example.org/v").ok();
        assert_eq!(support.check(false), Err(BodyError::NotCreative));

        let mut creative = body(ResponseKind::Creative);
        assert_eq!(creative.check(true), Err(BodyError::TitleMissing));
        creative.title = Some(CreativeTitle::parse("Dawn").unwrap());
        assert_eq!(creative.check(true), Err(BodyError::LicenceMissing));
        creative.licence = Some(Licence::CcBy);
        assert_eq!(creative.check(false), Err(BodyError::NothingToShow));
        assert_eq!(creative.check(true), Ok(()));
        creative.link = PublicLink::parse("https://example.org/podcast").ok();
        assert_eq!(creative.check(false), Ok(()));
    }

    #[test]
    fn targets_round_trip_through_their_stored_parts() {
        let story = ResponseTarget::Story(CaseId::random());
        assert_eq!(
            ResponseTarget::from_parts(story.kind(), &story.id()),
            Some(story)
        );
        let campaign = ResponseTarget::Campaign("16-days".into());
        assert_eq!(
            ResponseTarget::from_parts(campaign.kind(), &campaign.id()),
            Some(campaign)
        );
        assert_eq!(ResponseTarget::from_parts("story", "nope"), None);
        assert_eq!(ResponseTarget::from_parts("poll", "x"), None);
    }

    #[test]
    fn the_readable_text_holds_every_part_a_name_could_hide_in() {
        let mut b = body(ResponseKind::Creative);
        b.title = CreativeTitle::parse("For Ayesha").ok();
        b.text = ResponseText::parse("a poem").ok();
        b.pseudonym = Pseudonym::parse("Sana from Lahore").ok();
        let all = b.readable();
        assert!(all.contains("For Ayesha") && all.contains("a poem") && all.contains("Sana"));
    }
}
