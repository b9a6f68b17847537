//! The review form as posted: which button, the decisions on each suggestion, marks added
//! by typing or selecting, the wording and the coding. Parsed into a new [`ReviewDraft`]
//! on top of the saved one; nothing here logs or echoes a field's value.

use naqsha_core::case::Verification;
use naqsha_core::period::YearMonth;
use naqsha_core::redaction::generalise::PlacePolicy;
use naqsha_core::redaction::{Kind, Span};
use naqsha_core::review::{self, Decision, RedactionPlan};
use naqsha_core::submission::SealedReport;
use naqsha_core::taxonomy::{Labels, Taxonomy};

use crate::moderation::draft::{ReviewDraft, machine_draft};

pub use crate::moderation::{Action, Problem};

/// The action a button's value names.
fn parse_action(value: &str) -> Option<Action> {
    Some(match value {
        "save" | "mark" => Action::Save,
        "publish" => Action::Publish,
        "statistics" => Action::Statistics,
        "archive" => Action::Archive,
        "reject" => Action::Reject,
        _ => return None,
    })
}

/// The posted form, parsed.
#[derive(Debug, Clone)]
pub struct Posted {
    /// The button.
    pub action: Action,
    /// The draft it describes.
    pub draft: ReviewDraft,
    /// What could not be taken as posted.
    pub problems: Vec<Problem>,
    /// Characters that hide were removed from the wording as posted (see
    /// [`naqsha_core::invisible`]): the moderator has not yet seen the wording as it would be
    /// published.
    pub stripped: bool,
}

/// A mark posted as `start:end:kind` (character offsets of the raw text).
fn parse_mark(value: &str, raw: &str) -> Option<Span> {
    let mut parts = value.splitn(3, ':');
    let start = parts.next()?.parse().ok()?;
    let end = parts.next()?.parse().ok()?;
    let kind = parts.next()?.parse::<Kind>().ok()?;
    review::span_from_selection(raw, start, end, kind)
}

/// How a mark is posted back.
pub fn mark_value(span: &Span) -> String {
    format!("{}:{}:{}", span.start, span.end, span.kind.as_str())
}

/// Parses an URL-encoded body on top of `saved` (the draft as last stored).
pub fn parse(
    body: &[u8],
    saved: &ReviewDraft,
    report: &SealedReport,
    taxonomy: &Taxonomy,
) -> Posted {
    let raw = report.report.what_happened.as_str();
    let suggested = saved.plan.suggested().to_vec();
    let mut decisions = vec![Decision::Accept; suggested.len()];
    let mut added = Vec::new();
    let mut problems = Vec::new();
    let mut action = None;
    let mut phrase = String::new();
    let mut phrase_kind = None;
    let mut draft = saved.clone();
    draft.en = Default::default();
    draft.ur = Default::default();
    draft.labels = Labels::default();
    draft.place = PlacePolicy::Province;
    draft.period = None;
    let mut bad_label = false;
    for (key, value) in form_urlencoded::parse(body) {
        let value = value.as_ref();
        match key.as_ref() {
            "action" => action = parse_action(value),
            "added" => match parse_mark(value, raw) {
                Some(span) => added.push(span),
                None => problems.push(Problem::new("admin.review.error.mark")),
            },
            "mark_phrase" => phrase = value.to_owned(),
            "mark_kind" => phrase_kind = value.parse::<Kind>().ok(),
            "title_en" => draft.en.title = value.to_owned(),
            "text_en" => draft.en.text = value.to_owned(),
            "title_ur" => draft.ur.title = value.to_owned(),
            "text_ur" => draft.ur.text = value.to_owned(),
            "place_level" => {
                draft.place = match value {
                    "district" => PlacePolicy::District,
                    _ => PlacePolicy::Province,
                }
            }
            "period" if !value.trim().is_empty() => match value.trim().parse::<YearMonth>() {
                Ok(m) => draft.period = Some(m),
                Err(_) => problems.push(Problem::new("admin.review.error.period")),
            },
            "verification" => match value.parse::<Verification>() {
                Ok(v) => draft.verification = v,
                Err(_) => problems.push(Problem::new("admin.review.error.verification")),
            },
            other => {
                if let Some(index) = other.strip_prefix("decision-") {
                    let slot = index
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| decisions.get_mut(i));
                    match (slot, value) {
                        (Some(d), "reject") => *d = Decision::Reject,
                        (Some(d), "accept") => *d = Decision::Accept,
                        _ => problems.push(Problem::new("admin.review.error.mark")),
                    }
                } else if let Some(dimension) = other.strip_prefix("label.")
                    && !value.is_empty()
                    && draft.labels.insert_str(dimension, value).is_err()
                {
                    bad_label = true;
                }
            }
        }
    }
    if !phrase.trim().is_empty() {
        match phrase_kind {
            Some(kind) => {
                let found = review::find_marks(raw, &phrase, kind);
                if found.is_empty() {
                    problems.push(Problem::new("admin.review.error.phrase_not_found"));
                }
                added.extend(found);
            }
            None => problems.push(Problem::new("admin.review.error.mark")),
        }
    }
    if bad_label || !taxonomy.label_errors(&draft.labels).is_empty() {
        problems.push(Problem::new("admin.review.error.labels"));
    }
    // Published text keeps nothing that hides; strip it here, so the draft and the page
    // shown next hold exactly what would be published.
    let mut stripped = false;
    for wording in [&mut draft.en, &mut draft.ur] {
        for field in [&mut wording.title, &mut wording.text] {
            if let std::borrow::Cow::Owned(visible) = naqsha_core::invisible::strip(field) {
                *field = visible;
                stripped = true;
            }
        }
    }
    let plan = RedactionPlan::from_parts(suggested, decisions, dedup(added))
        .unwrap_or_else(|_| saved.plan.clone());
    // A text still exactly as the machine drafted it follows the new plan.
    let before = machine_draft(report, &saved.plan);
    draft.plan = plan;
    let after = machine_draft(report, &draft.plan);
    let wording = draft.wording_mut(report.report.language);
    if wording.text.trim().is_empty() || wording.text.replace("\r\n", "\n") == before {
        wording.text = after;
    }
    Posted {
        action: action.unwrap_or(Action::Save),
        draft,
        problems,
        stripped,
    }
}

/// The spans without repeats, in posted order.
fn dedup(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    let mut seen = std::collections::HashSet::new();
    for s in spans {
        if seen.insert((s.start, s.end, s.kind)) {
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str, spans: Vec<Span>) -> SealedReport {
        crate::moderation::draft::tests_support::report(text, spans)
    }

    #[test]
    fn decisions_marks_and_coding_are_read() {
        let name = Span {
            start: 6,
            end: 11,
            kind: Kind::Name,
            score: 0.9,
        };
        let r = report("I met Ayesha and Ali and Ayesha again.", vec![name]);
        let saved = ReviewDraft::fresh(&r, None);
        let tax = Taxonomy::pakistan_default();
        let body = b"action=publish&decision-0=reject&mark_phrase=ayesha&mark_kind=name\
            &added=17%3A20%3Aname&label.platform=whatsapp&place_level=district\
            &period=2024-03&verification=verified&title_en=T";
        let p = parse(body, &saved, &r, tax);
        assert_eq!(p.action, Action::Publish);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.draft.plan.decisions(), [Decision::Reject]);
        let starts: Vec<usize> = p.draft.plan.added().iter().map(|s| s.start).collect();
        assert_eq!(starts, [17, 6, 25], "selected, then every typed occurrence");
        assert!(p.draft.labels.contains("platform", "whatsapp"));
        assert_eq!(p.draft.place, PlacePolicy::District);
        assert_eq!(p.draft.period.unwrap().to_string(), "2024-03");
        assert_eq!(p.draft.verification, Verification::Verified);
        // The untouched English text follows the new plan.
        assert_eq!(p.draft.en.text, "I met [NAME] and [NAME] and [NAME] again.");
        assert_eq!(
            crate::moderation::decision_summary(&p.draft.plan),
            "0 accepted, 1 rejected, 3 added"
        );
    }

    #[test]
    fn hidden_characters_are_stripped_from_the_wording() {
        let r = report("Plain words.", vec![]);
        let saved = ReviewDraft::fresh(&r, None);
        let tax = Taxonomy::pakistan_default();
        // "%E2%80%AE" is U+202E, "%E2%80%8B" U+200B; the Urdu ZWNJ (%E2%80%8C) between
        // letters stays
        let body = concat!(
            "action=publish&title_en=%E2%80%AEevil&text_en=Ay%E2%80%8Besha",
            "&title_ur=%D9%86%D9%85%DA%A9%E2%80%8C%D8%AF%D8%A7%D9%86"
        );
        let p = parse(body.as_bytes(), &saved, &r, tax);
        assert!(p.stripped);
        assert_eq!(p.draft.en.title, "evil");
        assert_eq!(p.draft.en.text, "Ayesha");
        assert_eq!(p.draft.ur.title, "نمک\u{200c}دان");
        let clean = parse(b"title_en=Fine", &saved, &r, tax);
        assert!(!clean.stripped);
    }

    #[test]
    fn typed_text_is_kept_and_bad_fields_are_problems() {
        let r = report("Plain words.", vec![]);
        let saved = ReviewDraft::fresh(&r, None);
        let tax = Taxonomy::pakistan_default();
        let body = b"text_en=My+own+words&period=March&label.nope=x&added=5%3A2%3Aname";
        let p = parse(body, &saved, &r, tax);
        assert_eq!(p.action, Action::Save);
        assert_eq!(p.draft.en.text, "My own words");
        let keys: Vec<&str> = p.problems.iter().map(|p| p.key).collect();
        assert_eq!(
            keys,
            [
                "admin.review.error.period",
                "admin.review.error.mark",
                "admin.review.error.labels"
            ]
        );
    }
}
