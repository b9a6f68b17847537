//! What a reporter fills in, from any channel, and its validation into a [`RawReport`].
//!
//! The web form and the partner API both build a [`ReportInput`] of plain strings and call
//! [`ReportInput::validate`]; every problem is reported per field as a translation key, so
//! the form can re-render with the reporter's values and a message beside each field.

use std::collections::{BTreeMap, BTreeSet};

use naqsha_core::lang::Lang;
use naqsha_core::period::YearMonth;
use naqsha_core::places::{Gazetteer, PlaceId, PlaceLevel};
use naqsha_core::submission::{Consent, ContactDetails, RawReport, ReportedWhen, WhoseStory};
use naqsha_core::taxonomy::{Labels, Taxonomy};
use naqsha_core::text::{ReportText, TextError};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The taxonomy dimensions a reporter may tick. The kind of violence is coded by moderators,
/// and the source follows from "whose story".
pub const REPORTER_DIMENSIONS: &[&str] = &[
    "act",
    "platform",
    "perpetrator",
    "harm",
    "action_taken",
    "outcome",
    "survivor_age_band",
    "survivor_gender",
    "survivor_role",
];

/// Limits on what a reporter may type, in characters.
pub const MAX_PLACE_TEXT: usize = 120;
/// Longest accepted link to a news report.
pub const MAX_URL: usize = 2_000;
/// Longest accepted phone number as typed.
pub const MAX_PHONE: usize = 40;
/// Longest accepted email address.
pub const MAX_EMAIL: usize = 254;
/// Longest accepted gender self-description.
pub const MAX_SELF_DESCRIPTION: usize = 100;
/// Longest accepted note on when contact is safe.
pub const MAX_SAFE_TIMES: usize = 200;

/// The reporter's answers as typed: every field a string, nothing validated yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportInput {
    /// What happened (required).
    pub what_happened: String,
    /// Month 1–12, as typed or selected.
    pub month: String,
    /// Year, as typed or selected.
    pub year: String,
    /// "About" ticked.
    pub approximate: bool,
    /// "I am in danger now" ticked.
    #[serde(default)]
    pub danger_now: bool,
    /// A district (or province) id from the gazetteer.
    pub place: String,
    /// A town or city typed by hand.
    pub place_text: String,
    /// Ticked terms: dimension key → term keys.
    pub labels: BTreeMap<String, Vec<String>>,
    /// Her gender in her own words (with "prefer to self-describe").
    #[serde(default)]
    pub self_description: String,
    /// `own`, `other_with_consent` or `news_report`.
    pub whose_story: String,
    /// Link to the news report.
    pub source_url: String,
    /// `publish`, `statistics_only` or `private`; empty means statistics only.
    pub consent: String,
    /// "Show me the anonymised version before it is published" ticked.
    #[serde(default)]
    pub approve_first: bool,
    /// Phone for follow-up.
    pub contact_phone: String,
    /// Email for follow-up.
    pub contact_email: String,
    /// "It is safe to call me" ticked.
    #[serde(default)]
    pub contact_safe_call: bool,
    /// "It is safe to send me a text message" ticked.
    #[serde(default)]
    pub contact_safe_text: bool,
    /// When it is safe to contact her, as typed.
    #[serde(default)]
    pub contact_safe_times: String,
}

/// Field name → translation key of what is wrong with it.
pub type FieldErrors = BTreeMap<&'static str, &'static str>;

/// A validated report and its separately sealed contact details.
#[derive(Debug, Clone)]
pub struct ValidReport {
    /// The report.
    pub report: RawReport,
    /// Contact details, if any were given.
    pub contact: Option<ContactDetails>,
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Digits in any of the scripts a Pakistani phone keyboard produces, as ASCII.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            other => other,
        })
        .collect()
}

fn valid_phone(s: &str) -> bool {
    let s = ascii_digits(s.trim());
    let digits = s.chars().filter(char::is_ascii_digit).count();
    s.chars().count() <= MAX_PHONE
        && (7..=15).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || " +-()./".contains(c))
}

fn valid_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    s.chars().count() <= MAX_EMAIL
        && !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn valid_url(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > "https://x.y".len() - 1
        && s.chars().count() <= MAX_URL
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

impl ReportInput {
    /// Validates every field at once; on failure, every problem is reported.
    pub fn validate(
        &self,
        taxonomy: &Taxonomy,
        gazetteer: &Gazetteer,
        language: Lang,
        now: OffsetDateTime,
    ) -> Result<ValidReport, FieldErrors> {
        let mut errors = FieldErrors::new();

        let what_happened = match ReportText::parse(&self.what_happened) {
            Ok(t) => Some(t),
            Err(TextError::Empty) => {
                errors.insert("what_happened", "report.error.text_required");
                None
            }
            Err(TextError::TooLong { .. }) => {
                errors.insert("what_happened", "report.error.text_too_long");
                None
            }
            Err(TextError::Control) => {
                errors.insert("what_happened", "report.error.text_invalid");
                None
            }
        };

        let when = match (blank(&self.month), blank(&self.year)) {
            (true, true) => None,
            (true, false) | (false, true) => {
                errors.insert("when", "report.error.when_incomplete");
                None
            }
            (false, false) => {
                let month = ascii_digits(self.month.trim()).parse::<u8>().ok();
                let year = ascii_digits(self.year.trim()).parse::<i32>().ok();
                match month.zip(year).map(|(m, y)| YearMonth::new(y, m)) {
                    Some(Ok(ym)) if ym.ordinal() <= now_ordinal(now) => Some(ReportedWhen {
                        month: ym,
                        approximate: self.approximate,
                    }),
                    Some(Ok(_)) => {
                        errors.insert("when", "report.error.when_future");
                        None
                    }
                    _ => {
                        errors.insert("when", "report.error.when_invalid");
                        None
                    }
                }
            }
        };

        let place = if blank(&self.place) {
            None
        } else {
            match PlaceId::new(self.place.trim())
                .ok()
                .and_then(|id| gazetteer.get(&id))
            {
                Some(p)
                    if p.level() != PlaceLevel::Town || gazetteer.district_of(p.id()).is_some() =>
                {
                    Some(p.id().clone())
                }
                _ => {
                    errors.insert("place", "report.error.place_unknown");
                    None
                }
            }
        };
        let place_text = if blank(&self.place_text) {
            None
        } else if self.place_text.trim().chars().count() > MAX_PLACE_TEXT {
            errors.insert("place_text", "report.error.place_text_too_long");
            None
        } else {
            Some(self.place_text.trim().to_owned())
        };

        let self_description = if blank(&self.self_description) {
            None
        } else if self.self_description.trim().chars().count() > MAX_SELF_DESCRIPTION
            || self.self_description.chars().any(char::is_control)
        {
            errors.insert("self_description", "report.error.self_description");
            None
        } else {
            Some(self.self_description.trim().to_owned())
        };

        let mut labels = Labels::default();
        for (dimension, terms) in &self.labels {
            if !REPORTER_DIMENSIONS.contains(&dimension.as_str()) {
                errors.insert("labels", "report.error.label_unknown");
                continue;
            }
            for term in terms.iter().filter(|t| !blank(t)) {
                if taxonomy.term(dimension, term.trim()).is_none()
                    || labels.insert_str(dimension, term.trim()).is_err()
                {
                    errors.insert("labels", "report.error.label_unknown");
                }
            }
        }

        let whose_story = match self.whose_story.trim() {
            "" => None,
            s => match s.parse::<WhoseStory>() {
                Ok(w) => Some(w),
                Err(_) => {
                    errors.insert("whose_story", "report.error.choice_invalid");
                    None
                }
            },
        };
        if let Some(w) = whose_story {
            let term = match w {
                WhoseStory::Own => "own_story",
                WhoseStory::OtherWithConsent => "someone_else_consent",
                WhoseStory::NewsReport => "news_report",
            };
            if taxonomy.term("source", term).is_some() {
                labels.remove("source");
                let _ = labels.insert_str("source", term);
            }
        }
        // Words typed in the self-description box with no gender chosen mean that choice.
        if self_description.is_some()
            && labels.get("survivor_gender").is_none_or(BTreeSet::is_empty)
            && taxonomy.term("survivor_gender", "self_describe").is_some()
        {
            let _ = labels.insert_str("survivor_gender", "self_describe");
        }
        if let Err(e) = taxonomy.validate_labels(&labels) {
            tracing::debug!(error = %e, "labels refused");
            errors.insert("labels", "report.error.label_single");
        }

        let source_url = if blank(&self.source_url) {
            None
        } else if valid_url(&self.source_url) {
            Some(self.source_url.trim().to_owned())
        } else {
            errors.insert("source_url", "report.error.source_url");
            None
        };

        let consent = match self.consent.trim() {
            "" => Consent::StatisticsOnly,
            s => s.parse::<Consent>().unwrap_or_else(|_| {
                errors.insert("consent", "report.error.choice_invalid");
                Consent::StatisticsOnly
            }),
        };

        let phone = if blank(&self.contact_phone) {
            None
        } else if valid_phone(&self.contact_phone) {
            Some(self.contact_phone.trim().to_owned())
        } else {
            errors.insert("contact_phone", "report.error.phone");
            None
        };
        let email = if blank(&self.contact_email) {
            None
        } else if valid_email(&self.contact_email) {
            Some(self.contact_email.trim().to_owned())
        } else {
            errors.insert("contact_email", "report.error.email");
            None
        };

        let safe_times = if blank(&self.contact_safe_times) {
            None
        } else if self.contact_safe_times.trim().chars().count() > MAX_SAFE_TIMES
            || self
                .contact_safe_times
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\r')
        {
            errors.insert("contact_safe_times", "report.error.safe_times");
            None
        } else {
            Some(self.contact_safe_times.trim().to_owned())
        };
        // The safety choices only mean something with a way to reach her.
        let contact = (phone.is_some() || email.is_some()).then(|| ContactDetails {
            safe_to_call: self.contact_safe_call && phone.is_some(),
            safe_to_text: self.contact_safe_text && phone.is_some(),
            safe_times,
            ..ContactDetails::new(phone, email)
        });

        match what_happened {
            Some(what_happened) if errors.is_empty() => Ok(ValidReport {
                report: RawReport {
                    danger_now: self.danger_now,
                    approve_first: self.approve_first,
                    what_happened,
                    when,
                    place,
                    place_text,
                    labels,
                    self_description,
                    whose_story,
                    source_url,
                    consent,
                    language,
                    received_at: now,
                },
                contact,
            }),
            _ => Err(errors),
        }
    }
}

fn now_ordinal(now: OffsetDateTime) -> i64 {
    i64::from(now.year()) * 12 + i64::from(u8::from(now.month()) - 1)
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    const NOW: OffsetDateTime = datetime!(2026-11-28 12:00 UTC);

    fn check(input: &ReportInput) -> Result<ValidReport, FieldErrors> {
        input.validate(
            Taxonomy::pakistan_default(),
            Gazetteer::pakistan(),
            Lang::UR,
            NOW,
        )
    }

    fn text_only(text: &str) -> ReportInput {
        ReportInput {
            what_happened: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn only_the_story_is_required_and_consent_defaults_to_statistics() {
        let ok = check(&text_only("  someone made a fake profile of me  ")).unwrap();
        assert_eq!(
            ok.report.what_happened.as_str(),
            "someone made a fake profile of me"
        );
        assert_eq!(ok.report.consent, Consent::StatisticsOnly);
        assert_eq!(ok.report.language, Lang::UR);
        assert!(ok.contact.is_none());
        assert_eq!(
            check(&text_only("   ")).unwrap_err()["what_happened"],
            "report.error.text_required"
        );
    }

    #[test]
    fn every_field_is_checked_at_once() {
        let input = ReportInput {
            what_happened: "x".repeat(ReportText::MAX_CHARS + 1),
            month: "13".into(),
            year: "2026".into(),
            place: "pk-nowhere".into(),
            labels: BTreeMap::from([("platform".into(), vec!["myspace".into()])]),
            source_url: "javascript:alert(1)".into(),
            consent: "sell".into(),
            contact_phone: "call me".into(),
            contact_email: "not-an-email".into(),
            ..Default::default()
        };
        let errors = check(&input).unwrap_err();
        for field in [
            "what_happened",
            "when",
            "place",
            "labels",
            "source_url",
            "consent",
            "contact_phone",
            "contact_email",
        ] {
            assert!(
                errors.contains_key(field),
                "{field} not reported: {errors:?}"
            );
        }
    }

    #[test]
    fn a_full_report_in_urdu_digits() {
        let input = ReportInput {
            what_happened: "مجھے واٹس ایپ پر دھمکیاں ملیں".into(),
            month: "۳".into(),
            year: "۲۰۲۵".into(),
            approximate: true,
            place: "pk-pb-lahore".into(),
            labels: BTreeMap::from([
                ("platform".into(), vec!["whatsapp".into()]),
                (
                    "act".into(),
                    vec!["threats".into(), "blackmail_sextortion".into()],
                ),
            ]),
            whose_story: "own".into(),
            consent: "publish".into(),
            contact_phone: "۰۳۰۰-۱۲۳۴۵۶۷".into(),
            ..Default::default()
        };
        let ok = check(&input).unwrap();
        assert_eq!(ok.report.when.unwrap().month.to_string(), "2025-03");
        assert!(
            ok.report.labels.contains("source", "own_story"),
            "source follows whose story"
        );
        assert!(ok.report.labels.contains("act", "threats"));
        assert_eq!(ok.report.place.unwrap().as_str(), "pk-pb-lahore");
        assert_eq!(ok.contact.unwrap().phone.as_deref(), Some("۰۳۰۰-۱۲۳۴۵۶۷"));
    }

    #[test]
    fn future_dates_and_half_dates_are_refused() {
        let mut input = text_only("x");
        input.month = "12".into();
        input.year = "2026".into();
        assert_eq!(
            check(&input).unwrap_err()["when"],
            "report.error.when_future"
        );
        input.year.clear();
        assert_eq!(
            check(&input).unwrap_err()["when"],
            "report.error.when_incomplete"
        );
    }

    #[test]
    fn single_choice_dimensions_take_one_term() {
        let mut input = text_only("x");
        input
            .labels
            .insert("outcome".into(), vec!["resolved".into(), "ongoing".into()]);
        assert_eq!(
            check(&input).unwrap_err()["labels"],
            "report.error.label_single"
        );
    }

    #[test]
    fn kind_is_for_moderators() {
        let mut input = text_only("x");
        input
            .labels
            .insert("kind".into(), vec!["intimate_partner_violence".into()]);
        assert_eq!(
            check(&input).unwrap_err()["labels"],
            "report.error.label_unknown"
        );
    }

    #[test]
    fn contact_safety_goes_with_the_contact_and_only_with_a_phone() {
        let input = ReportInput {
            contact_phone: "0300 1234567".into(),
            contact_safe_text: true,
            contact_safe_times: "  after 4 pm  ".into(),
            ..text_only("x")
        };
        let contact = check(&input).unwrap().contact.unwrap();
        assert!(contact.safe_to_text && !contact.safe_to_call);
        assert_eq!(contact.safe_times.as_deref(), Some("after 4 pm"));

        // an email only: nothing to call or text
        let email_only = ReportInput {
            contact_email: "a@b.org".into(),
            contact_safe_call: true,
            contact_safe_text: true,
            ..text_only("x")
        };
        let contact = check(&email_only).unwrap().contact.unwrap();
        assert!(!contact.safe_to_call && !contact.safe_to_text);

        // no way to reach her: no contact at all
        let nothing = ReportInput {
            contact_safe_call: true,
            contact_safe_times: "mornings".into(),
            ..text_only("x")
        };
        assert!(check(&nothing).unwrap().contact.is_none());

        let too_long = ReportInput {
            contact_phone: "0300 1234567".into(),
            contact_safe_times: "x".repeat(MAX_SAFE_TIMES + 1),
            ..text_only("x")
        };
        assert_eq!(
            check(&too_long).unwrap_err()["contact_safe_times"],
            "report.error.safe_times"
        );
    }

    #[test]
    fn self_description_is_kept_and_means_self_describe() {
        let input = ReportInput {
            self_description: " khawaja sira ".into(),
            ..text_only("x")
        };
        let report = check(&input).unwrap().report;
        assert_eq!(report.self_description.as_deref(), Some("khawaja sira"));
        assert!(report.labels.contains("survivor_gender", "self_describe"));

        // with another answer chosen, her words are kept and her choice stands
        let mut labels = BTreeMap::new();
        labels.insert("survivor_gender".to_owned(), vec!["woman".to_owned()]);
        let chosen = ReportInput {
            labels,
            ..input.clone()
        };
        let report = check(&chosen).unwrap().report;
        assert!(report.labels.contains("survivor_gender", "woman"));
        assert!(!report.labels.contains("survivor_gender", "self_describe"));

        let too_long = ReportInput {
            self_description: "x".repeat(MAX_SELF_DESCRIPTION + 1),
            ..text_only("x")
        };
        assert_eq!(
            check(&too_long).unwrap_err()["self_description"],
            "report.error.self_description"
        );
    }
}
