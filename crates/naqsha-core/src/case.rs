//! A case: the moderated, publishable record derived from a sealed submission.
//!
//! Nothing here is raw: the title and text are written by a moderator, the place is a
//! district or province, the date a month.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::enums::str_enum;
use crate::ids::{CaseId, SubmissionId};
use crate::lang::Lang;
use crate::period::YearMonth;
use crate::places::{Gazetteer, Place, PlaceId};
use crate::submission::Consent;
use crate::taxonomy::Labels;
use crate::text::{PublicText, PublicTitle};

/// Where a case is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Being written; not public.
    InReview,
    /// Public: story, place and categories.
    Published,
    /// Counted in public statistics only; no text is public.
    StatisticsOnly,
    /// Kept internally.
    Archived,
    /// Not a case.
    Rejected,
}

str_enum!(CaseStatus {
    InReview => "in_review", Published => "published", StatisticsOnly => "statistics_only",
    Archived => "archived", Rejected => "rejected",
});

/// How far the facts of a case were checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// Taken as reported.
    Unverified,
    /// Supported by a second source or evidence.
    Corroborated,
    /// Checked by the organisation.
    Verified,
}

str_enum!(Verification { Unverified => "unverified", Corroborated => "corroborated", Verified => "verified" });

/// The public title and text of a case in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicStory {
    /// Title.
    pub title: PublicTitle,
    /// Anonymised story.
    pub text: PublicText,
}

/// A moderated case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// The id, also used in public URLs.
    pub id: CaseId,
    /// The sealed report it was derived from (none for cases entered by staff).
    pub submission: Option<SubmissionId>,
    /// Status.
    pub status: CaseStatus,
    /// The taxonomy version the labels were coded with.
    pub taxonomy_version: String,
    /// Categories.
    pub labels: Labels,
    /// The generalised place: a district or a province.
    pub place: Option<PlaceId>,
    /// The province of `place`, kept for counting.
    pub province: Option<PlaceId>,
    /// The generalised date.
    pub period: Option<YearMonth>,
    /// The English story, if written.
    pub story_en: Option<PublicStory>,
    /// The Urdu story, if written.
    pub story_ur: Option<PublicStory>,
    /// What the reporter allowed.
    pub consent: Consent,
    /// How far it was checked.
    pub verification: Verification,
    /// Fictional demo data.
    pub demo: bool,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// First made public.
    #[serde(with = "time::serde::rfc3339::option")]
    pub published_at: Option<OffsetDateTime>,
}

/// A rule a case breaks that stops it from being published.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PublishError {
    /// The reporter did not consent to publication of the story.
    #[error("the reporter allowed statistics only")]
    ConsentStatisticsOnly,
    /// The reporter asked for the report to stay private.
    #[error("the reporter asked to keep it private")]
    ConsentPrivate,
    /// No story in any language.
    #[error("a published case needs a title and story")]
    NoStory,
}

impl Case {
    /// The story in the wanted language, else the other one, with the language it is in.
    /// A reader of another language gets the version its fallback chain reaches first.
    pub fn story_for(&self, lang: Lang) -> Option<(Lang, &PublicStory)> {
        let lang = lang.base();
        let (first, second) = match lang {
            Lang::EN => (&self.story_en, &self.story_ur),
            _ => (&self.story_ur, &self.story_en),
        };
        first.as_ref().map(|s| (lang, s)).or_else(|| {
            let other = if lang == Lang::EN { Lang::UR } else { Lang::EN };
            second.as_ref().map(|s| (other, s))
        })
    }

    /// Checks the case may become public with its story, honouring the reporter's consent.
    pub fn check_publishable(&self) -> Result<(), PublishError> {
        match self.consent {
            Consent::StatisticsOnly => return Err(PublishError::ConsentStatisticsOnly),
            Consent::Private => return Err(PublishError::ConsentPrivate),
            Consent::Publish => {}
        }
        if self.story_en.is_none() && self.story_ur.is_none() {
            return Err(PublishError::NoStory);
        }
        Ok(())
    }

    /// Whether the case counts in public statistics.
    pub fn counts_in_statistics(&self) -> bool {
        matches!(
            self.status,
            CaseStatus::Published | CaseStatus::StatisticsOnly
        ) && self.consent != Consent::Private
    }
}

/// A published case as the public side needs it for lists, maps and counts (the full text
/// is read from storage for the one story shown).
#[derive(Debug, Clone, PartialEq)]
pub struct PublicCase {
    /// The id.
    pub id: CaseId,
    /// Categories.
    pub labels: Labels,
    /// The published place: a district or a province.
    pub place: Option<PlaceId>,
    /// Its district, when the place is one.
    pub district: Option<PlaceId>,
    /// Its province.
    pub province: Option<PlaceId>,
    /// The month.
    pub period: Option<YearMonth>,
    /// English title, if written.
    pub title_en: Option<String>,
    /// Urdu title, if written.
    pub title_ur: Option<String>,
    /// Fictional demo data.
    pub demo: bool,
    /// How far it was checked.
    pub verification: Verification,
    /// The month it was first made public: never the day or time, which would narrow down
    /// the month-only date of the case (a case is usually published soon after it happened).
    pub published: Option<YearMonth>,
}

/// A case counted in the public figures but never shown as a story (the survivor chose
/// "statistics only"): what the filters and counts look at, and nothing that could be listed.
#[derive(Debug, Clone, PartialEq)]
pub struct CountedCase {
    /// Categories.
    pub labels: Labels,
    /// The published place: a district or a province.
    pub place: Option<PlaceId>,
    /// Its province.
    pub province: Option<PlaceId>,
    /// The month.
    pub period: Option<YearMonth>,
    /// How far it was checked.
    pub verification: Verification,
}

/// A case read for the snapshot: a story, or one counted only.
#[derive(Debug, Clone, PartialEq)]
pub enum CaseSummary {
    /// A published story.
    Story(PublicCase),
    /// A statistics-only case.
    CountOnly(CountedCase),
}

impl CountedCase {
    /// What of a case is counted: its categories, place, month and verification.
    pub fn of(case: &Case) -> Self {
        Self {
            labels: case.labels.clone(),
            place: case.place.clone(),
            province: case.province.clone(),
            period: case.period,
            verification: case.verification,
        }
    }
}

impl PublicCase {
    /// The summary of a published case, with its titles (read apart from its text, which
    /// the summary never holds). The district is left for the caller, who has the gazetteer.
    pub fn of(
        case: Case,
        title_en: Option<String>,
        title_ur: Option<String>,
    ) -> Result<Self, crate::period::PeriodError> {
        Ok(Self {
            id: case.id,
            published: case.published_at.map(YearMonth::of).transpose()?,
            labels: case.labels,
            place: case.place,
            district: None,
            province: case.province,
            period: case.period,
            title_en,
            title_ur,
            demo: case.demo,
            verification: case.verification,
        })
    }

    /// The map position: the point of its district, or of its province when only that is
    /// published; none without a place.
    pub fn position<'g>(&self, gazetteer: &'g Gazetteer) -> Option<&'g Place> {
        gazetteer.get(self.place.as_ref()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(consent: Consent) -> Case {
        let now = OffsetDateTime::UNIX_EPOCH;
        Case {
            id: CaseId::random(),
            submission: None,
            status: CaseStatus::InReview,
            taxonomy_version: "t1".into(),
            labels: Labels::default(),
            place: None,
            province: None,
            period: None,
            story_en: None,
            story_ur: Some(PublicStory {
                title: PublicTitle::parse("عنوان").unwrap(),
                text: PublicText::parse("کہانی").unwrap(),
            }),
            consent,
            verification: Verification::Unverified,
            demo: false,
            created_at: now,
            updated_at: now,
            published_at: None,
        }
    }

    #[test]
    fn consent_is_enforced() {
        assert_eq!(case(Consent::Publish).check_publishable(), Ok(()));
        assert_eq!(
            case(Consent::StatisticsOnly).check_publishable(),
            Err(PublishError::ConsentStatisticsOnly)
        );
        assert_eq!(
            case(Consent::Private).check_publishable(),
            Err(PublishError::ConsentPrivate)
        );
    }

    #[test]
    fn story_falls_back_to_the_other_language() {
        let c = case(Consent::Publish);
        let (lang, _) = c.story_for(Lang::EN).unwrap();
        assert_eq!(lang, Lang::UR);
    }
}
