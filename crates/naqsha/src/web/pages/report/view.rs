//! The report form as a page shows it: every option with its label in the page language and
//! the reporter's values and messages in place.

use std::collections::BTreeMap;

use naqsha_core::lang::Lang;
use naqsha_core::places::Gazetteer;
use naqsha_core::submission::{Consent, WhoseStory};
use naqsha_core::taxonomy::Taxonomy;

use crate::i18n::Tr;
use crate::intake::form::{FieldErrors, REPORTER_DIMENSIONS, ReportInput};

/// One choice in a select, radio group or checkbox group.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
    pub checked: bool,
}

/// A group of places under a province heading.
pub struct PlaceGroup {
    pub label: String,
    pub options: Vec<Choice>,
}

/// The term of a single-choice dimension that the form's own "Prefer not to say" answer
/// (the empty value) already stands for: listing it too showed the same choice twice.
const PREFER_NOT_TO_SAY: &str = "prefer_not_to_say";
/// The term that comes with a box for her own words.
const SELF_DESCRIBE: &str = "self_describe";

/// A taxonomy dimension the reporter may tick.
pub struct DimensionView {
    pub key: String,
    /// About the survivor herself (age, gender, role): folded under "About you".
    pub about_survivor: bool,
    /// Has a "prefer to self-describe" choice, shown with a text box.
    pub self_describe: bool,
    pub legend: String,
    pub hint: Option<String>,
    pub multiple: bool,
    pub any_checked: bool,
    pub choices: Vec<Choice>,
}

/// Everything the form template needs.
pub struct FormView {
    pub action: String,
    pub token: String,
    pub draft: Option<String>,
    pub draft_files: usize,
    pub pow_challenge: Option<String>,
    pub input: ReportInput,
    pub months: Vec<Choice>,
    pub years: Vec<Choice>,
    pub places: Vec<PlaceGroup>,
    pub dimensions: Vec<DimensionView>,
    pub whose: Vec<Choice>,
    pub consent: Vec<Choice>,
    /// Field → translated message.
    pub errors: BTreeMap<&'static str, String>,
    /// Messages about the whole form (expired token, throttled…).
    pub notices: Vec<String>,
    pub max_text: usize,
}

impl FormView {
    /// The message for `field`, if it has one.
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field).map(String::as_str)
    }

    /// Whether any of `fields` has a message.
    fn any_error(&self, fields: &[&str]) -> bool {
        fields.iter().any(|f| self.errors.contains_key(f))
    }

    /// "More about what happened" opens when she ticked something in it or it has a message.
    pub fn open_details(&self) -> bool {
        self.any_error(&["labels"])
            || self
                .dimensions
                .iter()
                .any(|d| !d.about_survivor && d.any_checked)
    }

    /// "About you" opens when she answered something in it or it has a message.
    pub fn open_about(&self) -> bool {
        self.any_error(&["self_description", "whose_story", "source_url"])
            || self
                .dimensions
                .iter()
                .any(|d| d.about_survivor && d.any_checked)
            || !self.input.self_description.trim().is_empty()
            || !self.input.whose_story.trim().is_empty()
            || !self.input.source_url.trim().is_empty()
    }

    /// "Staying in touch" opens when she filled something in it or it has a message.
    pub fn open_contact(&self) -> bool {
        let i = &self.input;
        self.any_error(&["contact_phone", "contact_email", "contact_safe_times"])
            || !i.contact_phone.trim().is_empty()
            || !i.contact_email.trim().is_empty()
            || !i.contact_safe_times.trim().is_empty()
            || i.contact_safe_call
            || i.contact_safe_text
    }

    /// "Evidence" opens when files are kept from an earlier try or it has a message.
    pub fn open_evidence(&self) -> bool {
        self.any_error(&["evidence"]) || self.draft_files > 0
    }

    /// Whether the form carries any message.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || !self.notices.is_empty()
    }
}

fn choice(value: impl Into<String>, label: impl Into<String>, checked: bool) -> Choice {
    Choice {
        value: value.into(),
        label: label.into(),
        hint: None,
        checked,
    }
}

/// Builds the form view for `input` in `lang`.
#[allow(clippy::too_many_arguments)]
pub fn form_view(
    lang: Lang,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
    action: String,
    token: String,
    input: ReportInput,
    errors: &FieldErrors,
    this_year: i32,
) -> FormView {
    let tr = Tr(lang);
    let months = (1..=12u8)
        .map(|m| {
            choice(
                m.to_string(),
                tr.month(m),
                input.month.trim() == m.to_string(),
            )
        })
        .collect();
    let years = (2000..=this_year)
        .rev()
        .map(|y| {
            choice(
                y.to_string(),
                y.to_string(),
                input.year.trim() == y.to_string(),
            )
        })
        .collect();

    let name = |p: &naqsha_core::places::Place| p.name(lang).to_owned();
    let mut provinces = gazetteer.provinces();
    provinces.sort_by_key(|p| name(p));
    let places = provinces
        .into_iter()
        .map(|province| {
            let mut districts = gazetteer.districts_of(province.id());
            districts.sort_by_key(|d| name(d));
            let whole = choice(
                province.id().as_str(),
                tr.f(
                    "report.place_whole_province",
                    &[("province", &name(province))],
                ),
                input.place == province.id().as_str(),
            );
            let mut options = vec![whole];
            options.extend(
                districts
                    .into_iter()
                    .map(|d| choice(d.id().as_str(), name(d), input.place == d.id().as_str())),
            );
            PlaceGroup {
                label: name(province),
                options,
            }
        })
        .collect();

    let dimensions = REPORTER_DIMENSIONS
        .iter()
        .filter_map(|key| taxonomy.dimension(key))
        .map(|d| {
            let ticked = input.labels.get(d.key.as_str());
            let single = d.is_single_choice();
            let choices: Vec<Choice> = d
                .terms
                .iter()
                .filter(|t| !(single && t.key.as_str() == PREFER_NOT_TO_SAY))
                .map(|t| Choice {
                    value: t.key.as_str().to_owned(),
                    label: t.label(lang).to_owned(),
                    hint: t.hint.as_ref().map(|b| b.get(lang).to_owned()),
                    checked: ticked.is_some_and(|v| v.iter().any(|x| x == t.key.as_str())),
                })
                .collect();
            DimensionView {
                any_checked: choices.iter().any(|c| c.checked),
                about_survivor: d.key.as_str().starts_with("survivor_"),
                self_describe: choices.iter().any(|c| c.value == SELF_DESCRIBE),
                key: d.key.as_str().to_owned(),
                legend: d.label(lang).to_owned(),
                hint: d.description.as_ref().map(|b| b.get(lang).to_owned()),
                multiple: !single,
                choices,
            }
        })
        .collect();

    let whose = WhoseStory::ALL
        .iter()
        .map(|w| {
            let key = match w {
                WhoseStory::Own => "report.whose.own",
                WhoseStory::OtherWithConsent => "report.whose.other_with_consent",
                WhoseStory::NewsReport => "report.whose.news_report",
            };
            choice(w.as_str(), tr.t(key), input.whose_story == w.as_str())
        })
        .collect();
    let chosen_consent = if input.consent.is_empty() {
        "statistics_only"
    } else {
        input.consent.as_str()
    };
    let consent = Consent::ALL
        .iter()
        .map(|c| {
            let (label, hint) = match c {
                Consent::Publish => ("report.consent.publish", "report.consent.publish_hint"),
                Consent::StatisticsOnly => (
                    "report.consent.statistics_only",
                    "report.consent.statistics_only_hint",
                ),
                Consent::Private => ("report.consent.private", "report.consent.private_hint"),
            };
            Choice {
                value: c.as_str().to_owned(),
                label: tr.t(label).to_owned(),
                hint: Some(tr.t(hint).to_owned()),
                checked: chosen_consent == c.as_str(),
            }
        })
        .collect();

    FormView {
        action,
        token,
        draft: None,
        draft_files: 0,
        pow_challenge: None,
        input,
        months,
        years,
        places,
        dimensions,
        whose,
        consent,
        errors: errors
            .iter()
            .map(|(k, v)| (*k, tr.t(v).to_owned()))
            .collect(),
        notices: Vec::new(),
        max_text: naqsha_core::text::ReportText::MAX_CHARS,
    }
}
