//! The rules a case must pass before it becomes public or is counted, and the case that a
//! draft turns into. Pure: the handlers read storage, these decide.

use naqsha_core::case::{Case, CaseStatus, PublicStory, PublishError};
use naqsha_core::ids::{CaseId, SubmissionId};
use naqsha_core::lang::Lang;
use naqsha_core::places::{Gazetteer, Place, PlaceId};
use naqsha_core::redaction::Kind;
use naqsha_core::redaction::generalise::{PlacePolicy, SmallCellRule};
use naqsha_core::review;
use naqsha_core::submission::{Consent, SealedReport};
use naqsha_core::text::{PublicText, PublicTitle};
use time::OffsetDateTime;

use super::Problem;
use super::draft::ReviewDraft;

/// The place options of a report: the reporter's place, its district and province, and
/// whether the small-cell rule lets the district be shown.
#[derive(Debug, Clone)]
pub struct PlaceChoice<'g> {
    /// The place the reporter chose.
    pub reported: Option<&'g Place>,
    /// Its district, if it has one.
    pub district: Option<&'g Place>,
    /// Its province.
    pub province: Option<&'g Place>,
    /// Other public cases in the same district, month and kind (the fewest over the
    /// case's kinds).
    pub others_in_cell: i64,
    /// The rule.
    pub rule: SmallCellRule,
}

impl<'g> PlaceChoice<'g> {
    /// The options for the reporter's place `place`.
    pub fn new(gazetteer: &'g Gazetteer, place: Option<&PlaceId>, others_in_cell: i64) -> Self {
        Self {
            reported: place.and_then(|p| gazetteer.get(p)),
            district: place.and_then(|p| gazetteer.district_of(p)),
            province: place.and_then(|p| gazetteer.province_of(p)),
            others_in_cell,
            rule: SmallCellRule::default(),
        }
    }

    /// Whether the district may be published: the cell, counting this case, holds at
    /// least `k` cases.
    pub fn district_allowed(&self) -> bool {
        let k = i64::try_from(self.rule.k).unwrap_or(i64::MAX);
        self.district.is_some() && self.others_in_cell + 1 >= k
    }

    /// The place published under `policy`: the district only when allowed.
    pub fn place(&self, policy: PlacePolicy) -> Option<&'g Place> {
        match policy {
            PlacePolicy::District if self.district_allowed() => self.district,
            _ => self.province,
        }
    }

    /// The problem with `policy`, if it asks for more than the rule allows.
    pub fn check(&self, policy: PlacePolicy) -> Option<Problem> {
        (policy == PlacePolicy::District && self.district.is_some() && !self.district_allowed())
            .then(|| Problem::new("admin.review.error.small_cell"))
    }
}

/// What a case is made from besides the draft.
#[derive(Debug, Clone)]
pub struct CaseBase<'c> {
    /// The case already written from the submission, if any.
    pub existing: Option<&'c Case>,
    /// The submission.
    pub submission: SubmissionId,
    /// What the reporter allowed.
    pub consent: Consent,
    /// The taxonomy the labels are coded with.
    pub taxonomy_version: String,
}

/// The case for `draft` in `status`, with `stories` (only a published case carries text).
pub fn case_from(
    draft: &ReviewDraft,
    base: &CaseBase<'_>,
    place: &PlaceChoice<'_>,
    status: CaseStatus,
    stories: Stories,
    now: OffsetDateTime,
) -> Case {
    let published = place.place(draft.place);
    let first_published = base.existing.and_then(|c| c.published_at);
    Case {
        id: base.existing.map_or_else(CaseId::random, |c| c.id),
        submission: Some(base.submission),
        status,
        taxonomy_version: base.taxonomy_version.clone(),
        labels: draft.labels.clone(),
        place: published.map(|p| p.id().clone()),
        province: place.province.map(|p| p.id().clone()),
        period: draft.period,
        story_en: stories.en,
        story_ur: stories.ur,
        consent: base.consent,
        verification: draft.verification,
        demo: base.existing.is_some_and(|c| c.demo),
        created_at: base.existing.map_or(now, |c| c.created_at),
        updated_at: now,
        published_at: match status {
            CaseStatus::Published => first_published.or(Some(now)),
            _ => first_published,
        },
    }
}

/// The case `draft` would publish, checked as publishing checks it ([`check_publish`]):
/// what the Publish button writes and what a reporter who asked to see it first is sent
/// ([`naqsha_core::conversation::Proposal::of_case`]) are this one case, so her approval's
/// digest can be compared with what is about to be published.
pub fn publishable_case(
    draft: &ReviewDraft,
    report: &SealedReport,
    base: &CaseBase<'_>,
    place: &PlaceChoice<'_>,
    now: OffsetDateTime,
) -> Result<Case, Vec<Problem>> {
    let stories = check_publish(draft, report, base.consent, place)?;
    Ok(case_from(
        draft,
        base,
        place,
        CaseStatus::Published,
        stories,
        now,
    ))
}

/// The validated stories of a draft.
#[derive(Debug, Clone, Default)]
pub struct Stories {
    /// English.
    pub en: Option<PublicStory>,
    /// Urdu.
    pub ur: Option<PublicStory>,
}

fn story(draft: &ReviewDraft, lang: Lang, problems: &mut Vec<Problem>) -> Option<PublicStory> {
    let w = draft.wording(lang);
    let (title, text) = (w.title.trim(), w.text.trim());
    if title.is_empty() && text.is_empty() {
        return None;
    }
    let name = lang.native_name();
    let title = PublicTitle::parse(title)
        .map_err(|_| problems.push(Problem::with("admin.review.error.title", name)))
        .ok();
    let text = PublicText::parse(text)
        .map_err(|_| problems.push(Problem::with("admin.review.error.text", name)))
        .ok();
    Some(PublicStory {
        title: title?,
        text: text?,
    })
}

/// Why `draft` may not be published, or its stories if it may.
pub fn check_publish(
    draft: &ReviewDraft,
    report: &SealedReport,
    consent: Consent,
    place: &PlaceChoice<'_>,
) -> Result<Stories, Vec<Problem>> {
    let mut problems = Vec::new();
    let stories = Stories {
        en: story(draft, Lang::EN, &mut problems),
        ur: story(draft, Lang::UR, &mut problems),
    };
    let consent_check = match consent {
        Consent::StatisticsOnly => Err(PublishError::ConsentStatisticsOnly),
        Consent::Private => Err(PublishError::ConsentPrivate),
        Consent::Publish if stories.en.is_none() && stories.ur.is_none() => {
            Err(PublishError::NoStory)
        }
        Consent::Publish => Ok(()),
    };
    if let Err(e) = consent_check {
        problems.insert(
            0,
            Problem::new(match e {
                PublishError::ConsentStatisticsOnly => "admin.review.error.consent_statistics",
                PublishError::ConsentPrivate => "admin.review.error.consent_private",
                PublishError::NoStory => "admin.review.error.no_story",
            }),
        );
    }
    let leaked = leaked_kinds(draft, report);
    if !leaked.is_empty() {
        problems.push(Problem {
            key: "admin.review.error.leak",
            what: None,
            kinds: leaked,
        });
    }
    problems.extend(place.check(draft.place));
    if problems.is_empty() {
        Ok(stories)
    } else {
        Err(problems)
    }
}

/// Why `draft` may not be counted in statistics.
pub fn check_statistics(
    draft: &ReviewDraft,
    consent: Consent,
    place: &PlaceChoice<'_>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if consent == Consent::Private {
        problems.push(Problem::new("admin.review.error.consent_private"));
    }
    problems.extend(place.check(draft.place));
    problems
}

/// The kinds of redacted data still readable in any title or text of the draft.
pub fn leaked_kinds(draft: &ReviewDraft, report: &SealedReport) -> Vec<Kind> {
    let raw = report.report.what_happened.as_str();
    let spans = draft.plan.spans(raw);
    let mut kinds: Vec<Kind> = [&draft.en, &draft.ur]
        .iter()
        .flat_map(|w| [w.title.as_str(), w.text.as_str()])
        .flat_map(|public| review::leaks(public, raw, &spans))
        .map(|(kind, _)| kind)
        .collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

#[cfg(test)]
mod tests {
    use super::super::draft::tests_support::report;
    use super::*;
    use naqsha_core::places::PlaceLevel;
    use naqsha_core::redaction::Span;

    fn lahore() -> PlaceId {
        PlaceId::new("pk-pb-lahore").unwrap()
    }

    #[test]
    fn small_cells_keep_the_district_back() {
        let gaz = Gazetteer::pakistan();
        let small = PlaceChoice::new(gaz, Some(&lahore()), 1);
        assert!(!small.district_allowed(), "2 of 3");
        assert_eq!(
            small.place(PlacePolicy::District).unwrap().level(),
            PlaceLevel::Province
        );
        assert!(small.check(PlacePolicy::District).is_some());
        assert!(small.check(PlacePolicy::Province).is_none());
        let big = PlaceChoice::new(gaz, Some(&lahore()), 2);
        assert!(big.district_allowed());
        assert_eq!(
            big.place(PlacePolicy::District).unwrap().level(),
            PlaceLevel::District
        );
    }

    #[test]
    fn publishing_needs_consent_a_story_and_no_leak() {
        let gaz = Gazetteer::pakistan();
        let place = PlaceChoice::new(gaz, None, 0);
        let phone = Span {
            start: 10,
            end: 22,
            kind: Kind::Phone,
            score: 0.9,
        };
        let r = report("Call me at 0300-1234567 please.", vec![phone]);
        let mut d = ReviewDraft::fresh(&r, None);
        let keys = |res: Result<Stories, Vec<Problem>>| -> Vec<&'static str> {
            res.err()
                .unwrap_or_default()
                .iter()
                .map(|p| p.key)
                .collect()
        };
        assert_eq!(
            keys(check_publish(&d, &r, Consent::Publish, &place)),
            ["admin.review.error.no_story"]
        );
        d.en.title = "Calls".into();
        d.en.text = "He called from 0300 1234567.".into();
        let refused = check_publish(&d, &r, Consent::Publish, &place).unwrap_err();
        assert_eq!(refused[0].kinds, [Kind::Phone]);
        d.en.text = "He called me.".into();
        assert!(check_publish(&d, &r, Consent::Publish, &place).is_ok());
        assert_eq!(
            keys(check_publish(&d, &r, Consent::StatisticsOnly, &place)),
            ["admin.review.error.consent_statistics"]
        );
        d.ur.title = "عنوان".into();
        assert_eq!(
            keys(check_publish(&d, &r, Consent::Publish, &place)),
            ["admin.review.error.text"]
        );
        assert_eq!(
            check_statistics(&d, Consent::Private, &place)[0].key,
            "admin.review.error.consent_private"
        );
    }
}
