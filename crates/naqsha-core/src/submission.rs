//! A submission: a raw report exactly as it arrived, sealed before it is stored.
//!
//! Only the few fields the inbox must filter on stay in the clear (channel, status, consent,
//! province, the hour it arrived). Everything a survivor wrote is in [`RawReport`], which is
//! serialised and sealed to the organisation's key before it touches disk.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::enums::str_enum;
use crate::ids::SubmissionId;
use crate::lang::Lang;
use crate::period::YearMonth;
use crate::places::PlaceId;
use crate::taxonomy::Labels;
use crate::text::ReportText;

/// Where a submission came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The public web form.
    Web,
    /// The partner JSON API.
    Api,
    /// An SMS gateway.
    Sms,
    /// An email message.
    Email,
    /// A WhatsApp Business number (Cloud API webhook).
    WhatsApp,
    /// A Telegram bot (Bot API webhook).
    Telegram,
    /// A news item found by media monitoring.
    News,
    /// A row imported from another system.
    Import,
}

/// Where a submission is in moderation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionStatus {
    /// Not yet opened by a moderator.
    New,
    /// A moderator is working on it.
    InReview,
    /// A case derived from it is public.
    Published,
    /// Counted in statistics, no story published.
    StatisticsOnly,
    /// Kept, not published.
    Archived,
    /// Not a case (spam, out of scope).
    Rejected,
    /// The survivor withdrew it; the raw report is gone.
    Withdrawn,
}

/// What the person reporting allows to become public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    /// The anonymised story may be published.
    Publish,
    /// Only counted in statistics; no text is ever published.
    StatisticsOnly,
    /// Neither published nor counted.
    Private,
}

/// Whose story a report tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WhoseStory {
    /// The reporter's own.
    Own,
    /// Someone else's, told with their consent.
    OtherWithConsent,
    /// A news report.
    NewsReport,
}

str_enum!(Channel { Web => "web", Api => "api", Sms => "sms", Email => "email", WhatsApp => "whatsapp", Telegram => "telegram", News => "news", Import => "import" });
str_enum!(SubmissionStatus {
    New => "new", InReview => "in_review", Published => "published",
    StatisticsOnly => "statistics_only", Archived => "archived", Rejected => "rejected",
    Withdrawn => "withdrawn",
});
str_enum!(Consent { Publish => "publish", StatisticsOnly => "statistics_only", Private => "private" });
str_enum!(WhoseStory { Own => "own", OtherWithConsent => "other_with_consent", NewsReport => "news_report" });

/// When it happened, as the reporter remembers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedWhen {
    /// The month.
    pub month: YearMonth,
    /// The reporter said "about".
    pub approximate: bool,
}

/// Everything the reporter wrote. Exists in the clear only in memory; stored only sealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawReport {
    /// What happened, in the reporter's words.
    pub what_happened: ReportText,
    /// When it happened.
    pub when: Option<ReportedWhen>,
    /// The place chosen from the gazetteer (district or town, never an address).
    pub place: Option<PlaceId>,
    /// A place typed by hand when the gazetteer had no match.
    pub place_text: Option<String>,
    /// The categories the reporter ticked.
    pub labels: Labels,
    /// Her gender in her own words, when she chose "prefer to self-describe".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_description: Option<String>,
    /// Whose story this is.
    pub whose_story: Option<WhoseStory>,
    /// The link to a news report, when the story is one.
    pub source_url: Option<String>,
    /// What may become public.
    pub consent: Consent,
    /// She said she is in danger now (the report is urgent, whatever its words).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub danger_now: bool,
    /// She asked to see the anonymised version before it is published.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approve_first: bool,
    /// The language the reporter used.
    pub language: Lang,
    /// The exact time of arrival; the clear-text column only keeps the hour.
    #[serde(with = "time::serde::rfc3339")]
    pub received_at: OffsetDateTime,
}

/// Everything sealed for one submission's report: the reporter's words and the redaction
/// engine's suggestions for them (which would point straight at the personal data, so they
/// are sealed too).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SealedReport {
    /// The report.
    pub report: RawReport,
    /// Personal data the engine found in `report.what_happened`, for the moderator.
    #[serde(default)]
    pub suggested_spans: Vec<crate::redaction::Span>,
}

/// How to reach the reporter, sealed separately from the report.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ContactDetails {
    /// A phone number as typed.
    pub phone: Option<String>,
    /// An email address as typed.
    pub email: Option<String>,
    /// The numeric id of a Telegram user who wrote to the organisation's bot (a bot can
    /// write back to it; it is not a phone number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telegram: Option<String>,
    /// The reporter said it is safe to call her.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub safe_to_call: bool,
    /// The reporter said it is safe to send her a text message.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub safe_to_text: bool,
    /// When it is safe to contact her, as typed ("after 4 pm, not on Fridays").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safe_times: Option<String>,
}

impl ContactDetails {
    /// Details with a phone and/or email and nothing said about when contact is safe.
    pub fn new(phone: Option<String>, email: Option<String>) -> Self {
        Self {
            phone,
            email,
            ..Self::default()
        }
    }

    /// Details naming only a Telegram user.
    pub fn telegram(user_id: String) -> Self {
        Self {
            telegram: Some(user_id),
            ..Self::default()
        }
    }

    /// Whether they name any way to reach the reporter.
    pub fn reaches_anyone(&self) -> bool {
        self.phone.is_some() || self.email.is_some() || self.telegram.is_some()
    }
}

impl std::fmt::Debug for ContactDetails {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ContactDetails(..)")
    }
}

/// Rounds an arrival time down to the hour: the clear-text record must not let anyone line a
/// submission up against network logs to the second.
pub fn coarse_arrival(at: OffsetDateTime) -> OffsetDateTime {
    at.replace_minute(0)
        .and_then(|t| t.replace_second(0))
        .and_then(|t| t.replace_nanosecond(0))
        .unwrap_or(at)
}

/// The clear-text envelope of a stored submission (what the inbox can filter on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionEnvelope {
    /// The id.
    pub id: SubmissionId,
    /// Where it came from.
    pub channel: Channel,
    /// Moderation status.
    pub status: SubmissionStatus,
    /// What the reporter allows.
    pub consent: Consent,
    /// The province, if the reporter chose a place (coarse enough to keep in the clear).
    pub province: Option<PlaceId>,
    /// Arrival time rounded down to the hour.
    pub received_hour: OffsetDateTime,
    /// Arrived during a flood without proof of work; moderators should look twice.
    pub flagged: bool,
    /// Why it should be read first, if it should.
    pub urgency: Option<crate::urgency::Urgency>,
    /// The reporter asked to see the anonymised version before it is published: a story
    /// is published only once she approved it (see [`crate::conversation`]).
    pub approve_first: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn arrival_is_coarsened_to_the_hour() {
        let at = datetime!(2026-03-04 13:47:12.5 UTC);
        assert_eq!(coarse_arrival(at), datetime!(2026-03-04 13:00 UTC));
    }

    #[test]
    fn enums_round_trip_through_their_names() {
        for s in SubmissionStatus::ALL {
            assert_eq!(s.as_str().parse::<SubmissionStatus>().unwrap(), *s);
        }
        assert!("bogus".parse::<Channel>().is_err());
    }

    #[test]
    fn contact_sealed_before_the_safety_choices_still_reads() {
        let old: ContactDetails =
            serde_json::from_str(r#"{"phone":"0300 1234567","email":null}"#).unwrap();
        assert_eq!(old, ContactDetails::new(Some("0300 1234567".into()), None));
        assert!(!old.safe_to_call && !old.safe_to_text && old.safe_times.is_none());
        assert!(old.telegram.is_none() && old.reaches_anyone());
        assert!(!ContactDetails::default().reaches_anyone());
        assert!(ContactDetails::telegram("7281934".into()).reaches_anyone());
        let new = ContactDetails {
            safe_to_text: true,
            safe_times: Some("after 4 pm".into()),
            ..old.clone()
        };
        let json = serde_json::to_string(&new).unwrap();
        assert_eq!(serde_json::from_str::<ContactDetails>(&json).unwrap(), new);
        // nothing new is written for details without the choices
        assert!(!serde_json::to_string(&old).unwrap().contains("safe"));
    }

    #[test]
    fn contact_debug_hides_details() {
        let c = ContactDetails {
            safe_times: Some("after 4 pm".into()),
            ..ContactDetails::new(Some("0300-1234567".into()), None)
        };
        assert!(!format!("{c:?}").contains("0300"));
        assert!(!format!("{c:?}").contains("4 pm"));
    }
}
