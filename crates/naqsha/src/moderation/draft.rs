//! The moderator's work on one report between saves: the redaction plan and the coding,
//! sealed to the organisation key (the draft text may still hold personal data until the
//! publish guard has passed it, so it is never stored in the clear).

use naqsha_core::case::{Case, Verification};
use naqsha_core::lang::Lang;
use naqsha_core::period::YearMonth;
use naqsha_core::redaction::generalise::PlacePolicy;
use naqsha_core::review::{self, RedactionPlan};
use naqsha_core::sealing::{self, OrgPublicKey, OrgSecretKey, Sealed, Zeroizing};
use naqsha_core::submission::SealedReport;
use naqsha_core::taxonomy::Labels;
use serde::{Deserialize, Serialize};

/// One language's public title and text as typed (possibly empty, not yet validated).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wording {
    /// The title.
    pub title: String,
    /// The anonymised story.
    pub text: String,
}

/// Everything the review form edits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewDraft {
    /// Which spans of the raw text are redacted.
    pub plan: RedactionPlan,
    /// English title and text.
    pub en: Wording,
    /// Urdu title and text.
    pub ur: Wording,
    /// The coded categories.
    pub labels: Labels,
    /// Publish the district or only the province.
    pub place: PlacePolicy,
    /// The published month, if any.
    pub period: Option<YearMonth>,
    /// How far the facts were checked.
    pub verification: Verification,
}

impl ReviewDraft {
    /// The terms of the `kind` dimension it codes: the report's kinds for the inbox filter.
    pub fn kinds(&self) -> Vec<String> {
        self.labels.terms("kind").map(|t| t.to_string()).collect()
    }

    /// The starting point for a report: every suggestion accepted, the reporter's ticks and
    /// month, and the wording of an existing case (e.g. one published before drafts were kept).
    pub fn fresh(report: &SealedReport, case: Option<&Case>) -> Self {
        let wording = |lang: Lang| {
            case.and_then(|c| match lang.base() {
                Lang::EN => c.story_en.as_ref(),
                _ => c.story_ur.as_ref(),
            })
            .map(|s| Wording {
                title: s.title.to_string(),
                text: s.text.to_string(),
            })
            .unwrap_or_default()
        };
        Self {
            plan: RedactionPlan::new(report.suggested_spans.clone()),
            en: wording(Lang::EN),
            ur: wording(Lang::UR),
            labels: case.map_or_else(|| report.report.labels.clone(), |c| c.labels.clone()),
            place: PlacePolicy::District,
            period: case.map_or_else(
                || report.report.when.as_ref().map(|w| w.month),
                |c| c.period,
            ),
            verification: case.map_or(Verification::Unverified, |c| c.verification),
        }
    }

    /// The wording in `lang`.
    pub fn wording(&self, lang: Lang) -> &Wording {
        match lang.base() {
            Lang::EN => &self.en,
            _ => &self.ur,
        }
    }

    /// The wording in `lang`, to change.
    pub fn wording_mut(&mut self, lang: Lang) -> &mut Wording {
        match lang.base() {
            Lang::EN => &mut self.en,
            _ => &mut self.ur,
        }
    }

    /// Seals the draft to the organisation key.
    pub fn seal(&self, public: &OrgPublicKey) -> anyhow::Result<Sealed> {
        let plain = Zeroizing::new(serde_json::to_vec(self)?);
        Ok(sealing::seal(public, &plain))
    }

    /// Opens a sealed draft.
    pub fn open(secret: &OrgSecretKey, sealed: &Sealed) -> anyhow::Result<Self> {
        let plain = sealing::open(secret, sealed)?;
        Ok(serde_json::from_slice(&plain)?)
    }
}

/// The report's text with the plan's redactions applied, in the report's language, without
/// the characters that hide (published text may not hold them): what the public text
/// starts from.
pub fn machine_draft(report: &SealedReport, plan: &RedactionPlan) -> String {
    let raw = report.report.what_happened.as_str();
    let draft = review::draft_text(raw, &plan.spans(raw), Some(report.report.language));
    naqsha_core::invisible::strip(&draft).into_owned()
}

/// Reports for the unit tests of the review screen.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;
    use naqsha_core::redaction::Span;
    use naqsha_core::submission::{Consent, RawReport};
    use naqsha_core::text::ReportText;

    /// An English report with `spans` suggested.
    pub(crate) fn report(text: &str, spans: Vec<Span>) -> SealedReport {
        SealedReport {
            report: RawReport {
                danger_now: false,
                approve_first: false,
                self_description: None,
                what_happened: ReportText::parse(text).unwrap(),
                when: None,
                place: None,
                place_text: None,
                labels: Labels::default(),
                whose_story: None,
                source_url: None,
                consent: Consent::Publish,
                language: Lang::EN,
                received_at: time::OffsetDateTime::UNIX_EPOCH,
            },
            suggested_spans: spans,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::report;
    use super::*;
    use naqsha_core::redaction::{Kind, Span};
    use naqsha_core::sealing::OrgKeyPair;

    #[test]
    fn a_draft_round_trips_sealed_and_the_machine_draft_follows_the_plan() {
        let span = Span {
            start: 6,
            end: 12,
            kind: Kind::Name,
            score: 0.9,
        };
        let r = report("I met Ayesha there.", vec![span]);
        let mut draft = ReviewDraft::fresh(&r, None);
        assert_eq!(machine_draft(&r, &draft.plan), "I met [NAME] there.");
        draft.en.title = "A title".into();
        let keys = OrgKeyPair::generate();
        let sealed = draft.seal(&keys.public).unwrap();
        assert!(!String::from_utf8_lossy(sealed.as_bytes()).contains("A title"));
        assert_eq!(ReviewDraft::open(&keys.secret, &sealed).unwrap(), draft);
        draft
            .plan
            .decide(0, naqsha_core::review::Decision::Reject)
            .unwrap();
        assert_eq!(machine_draft(&r, &draft.plan), "I met Ayesha there.");
    }
}
