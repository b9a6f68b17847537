//! The review page as data: [`build`] turns an opened report, the draft and what storage
//! said into a [`ReviewPage`] that askama renders. Pure and linear in the length of the
//! report and the number of spans, so it can be timed without HTTP.

use std::borrow::Cow;

use askama::Template;
use naqsha_core::case::{Case, CaseStatus, Verification};
use naqsha_core::ids::{AttachmentId, SubmissionId};
use naqsha_core::invisible::{self, Piece};
use naqsha_core::lang::Lang;
use naqsha_core::redaction::Kind;
use naqsha_core::redaction::generalise::PlacePolicy;
use naqsha_core::review::Decision;
use naqsha_core::submission::{
    Channel, Consent, ContactDetails, SealedReport, SubmissionEnvelope, SubmissionStatus,
    WhoseStory,
};
use naqsha_core::taxonomy::Taxonomy;

use super::super::AdminUi;
use super::form::{Problem, mark_value};
use super::labels;
use super::segments::{CharIndex, Segment, segments};
use crate::intake::not_kept::NotKept;
use crate::moderation::draft::{ReviewDraft, machine_draft};
use crate::moderation::{PlaceChoice, content_note};
use crate::storage::AttachmentInfo;
use crate::web::admin::conversation::ApprovalSummary;

/// A stretch of raw text as the moderator sees it: as stored, or — for a character that
/// hides (a bidi control, a zero-width character) — a visible marker such as `⟨U+202E⟩`, so
/// the text is read in its stored order and nothing is laid out by a control the reporter
/// typed. Which characters hide is [`invisible`]'s rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPiece<'a> {
    /// The text, or the marker.
    pub text: Cow<'a, str>,
    /// For a marker: the translation key of its explanation.
    pub hidden: Option<&'static str>,
}

/// `text` cut into [`RawPiece`]s.
pub fn raw_pieces(text: &str) -> Vec<RawPiece<'_>> {
    invisible::pieces(text)
        .into_iter()
        .map(|p| match p {
            Piece::Shown(s) => RawPiece {
                text: Cow::Borrowed(s),
                hidden: None,
            },
            Piece::Hidden(c) => RawPiece {
                text: Cow::Owned(Piece::marker(c)),
                hidden: Some(if invisible::is_bidi_control(c) {
                    "admin.review.hidden.direction"
                } else {
                    "admin.review.hidden.invisible"
                }),
            },
        })
        .collect()
}

/// How many characters of `text` hide.
fn hidden_count(text: &str) -> usize {
    invisible::pieces(text)
        .iter()
        .filter(|p| matches!(p, Piece::Hidden(_)))
        .count()
}

/// An opened staff note or follow-up.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Who wrote it (staff notes).
    pub author: Option<String>,
    /// When, as shown.
    pub at: String,
    /// The text.
    pub text: String,
}

/// Everything about the submission the page shows, read and opened by the handler.
pub struct Context<'a> {
    /// The submission's clear envelope.
    pub envelope: &'a SubmissionEnvelope,
    /// Whether it is assigned to the viewer, someone else, or nobody.
    pub assignment: &'static str,
    /// The opened report; `None` once withdrawn.
    pub report: Option<&'a SealedReport>,
    /// Follow-ups from the survivor, oldest first.
    pub follow_ups: &'a [Entry],
    /// Internal notes, oldest first.
    pub notes: &'a [Entry],
    /// Evidence files.
    pub attachments: &'a [AttachmentInfo],
    /// What intake could not keep (files refused, text beyond the report), opened.
    pub not_kept: &'a [NotKept],
    /// Contact details, when the moderator asked to see them.
    pub contact: Option<&'a ContactDetails>,
    /// The case written from the submission, if any.
    pub case: Option<&'a Case>,
    /// The evidence image the moderator chose to see as it is.
    pub reveal: Option<AttachmentId>,
    /// The inbox list the moderator is working through (an inbox address), if any.
    pub from: Option<String>,
    /// "Then open the next report" starts ticked.
    pub then_next: bool,
    /// The moderator keeps report texts behind a click.
    pub hide_text: bool,
    /// A publication waiting for a second approval, said in words.
    pub waiting: Option<String>,
    /// Others' requests to see the contact details, waiting for approval: (id, name).
    pub contact_asks: Vec<(String, String)>,
    /// How many messages the conversation with the reporter holds.
    pub conversation: usize,
    /// Where her approval of the anonymised version stands, if she asked to see it first.
    pub approval: Option<ApprovalSummary>,
    /// The taxonomy to code with.
    pub taxonomy: &'a Taxonomy,
    /// The place options.
    pub place: &'a PlaceChoice<'a>,
}

/// What to say at the top of the page and what the note form keeps.
#[derive(Debug, Clone, Default)]
pub struct Messages {
    /// Problems that stopped the last action.
    pub problems: Vec<Problem>,
    /// Translation key of what the last action did.
    pub notice: Option<&'static str>,
    /// The note being typed when it was refused.
    pub note: String,
    /// Why the note was refused.
    pub note_error: Option<&'static str>,
}

/// A suggestion in the list beside the text.
#[derive(Debug, Clone)]
pub struct Suggestion {
    /// Its number.
    pub index: usize,
    /// Its kind.
    pub kind: Kind,
    /// The text it covers.
    pub text: String,
    /// Accepted (redacted).
    pub accepted: bool,
}

/// A mark the moderator added.
#[derive(Debug, Clone)]
pub struct Added {
    /// The value posted back (`start:end:kind`).
    pub value: String,
    /// Its kind.
    pub kind: Kind,
    /// The text it covers.
    pub text: String,
}

/// One term checkbox or radio.
#[derive(Debug, Clone)]
pub struct TermOption {
    /// The term key.
    pub key: String,
    /// Its label in the page language.
    pub label: String,
    /// Ticked.
    pub checked: bool,
}

/// One dimension's picker.
#[derive(Debug, Clone)]
pub struct DimensionPicker {
    /// The dimension key.
    pub key: String,
    /// Its label in the page language.
    pub label: String,
    /// Several terms allowed (checkboxes) or one (radios).
    pub multiple: bool,
    /// The terms.
    pub terms: Vec<TermOption>,
    /// No term ticked.
    pub none: bool,
}

/// An evidence file. Images are shown as a blurred preview (a few pixels across, scaled up)
/// until the moderator reveals one, one at a time; the reveal loads the image, and serving
/// it is audited.
#[derive(Debug, Clone)]
pub struct Evidence {
    /// The viewer's address.
    pub href: String,
    /// The blurred preview's address.
    pub preview: String,
    /// This image is shown as it is.
    pub revealed: bool,
    /// The review page with this image revealed.
    pub reveal_href: String,
    /// The review page with every image blurred again.
    pub hide_href: String,
    /// An image (shown inline) rather than a PDF (downloaded).
    pub image: bool,
    /// Its number, from 1.
    pub number: usize,
    /// Size in kilobytes.
    pub kilobytes: String,
}

/// A file that arrived with the report but was not kept, as the moderator sees it.
#[derive(Debug, Clone)]
pub struct NotKeptFile {
    /// Its name as sent, if it had one.
    pub name: Option<String>,
    /// The type the sender declared.
    pub declared_type: String,
    /// Its size, as shown.
    pub size: String,
    /// Translation key of why it was not kept.
    pub reason: &'static str,
    /// It came inside a forwarded (attached) message.
    pub in_attached_message: bool,
}

/// A size in bytes as a person reads it: KB below a megabyte, MB with one decimal above.
fn size_label(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB {
        format!("{}.{} MB", bytes / MIB, (bytes % MIB) * 10 / MIB)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// The raw side and the form: everything shown only while the report exists.
#[derive(Debug, Clone)]
pub struct RawView {
    /// Content notes (translated) shown before anything of the report: it mentions
    /// intimate images or sexual violence.
    pub content_notes: Vec<String>,
    /// The report's language.
    pub lang: Lang,
    /// When it happened, as the reporter said.
    pub when: Option<String>,
    /// The reporter said "about".
    pub approximate: bool,
    /// The place the reporter chose.
    pub place: Option<String>,
    /// A place typed by hand.
    pub place_text: Option<String>,
    /// Her gender in her own words.
    pub self_description: Option<String>,
    /// Whose story it is.
    pub whose: Option<&'static str>,
    /// The news link.
    pub source_url: Option<String>,
    /// The reporter's ticks, as "dimension: term" labels.
    pub ticks: Vec<String>,
    /// The raw text in stretches.
    pub segments: Vec<Segment>,
    /// Characters of the raw text that hide (shown as markers).
    pub hidden: usize,
    /// The engine's suggestions.
    pub suggestions: Vec<Suggestion>,
    /// Marks added by the moderator.
    pub added: Vec<Added>,
    /// English title and text as shown in the form.
    pub title_en: String,
    /// English text.
    pub text_en: String,
    /// Urdu title.
    pub title_ur: String,
    /// Urdu text.
    pub text_ur: String,
    /// Taxonomy pickers.
    pub dimensions: Vec<DimensionPicker>,
    /// The place options and the rule.
    pub place_choice: PlaceView,
    /// The month as `YYYY-MM`, or empty.
    pub period: String,
    /// The verification level.
    pub verification: Verification,
    /// Evidence files.
    pub evidence: Vec<Evidence>,
    /// Files that arrived but were not kept.
    pub not_kept: Vec<NotKeptFile>,
    /// Text that did not fit in the report.
    pub rest_of_text: Option<String>,
    /// Characters beyond even that (not stored), as shown; `None` when none.
    pub text_dropped: Option<String>,
}

/// The place options as shown.
#[derive(Debug, Clone)]
pub struct PlaceView {
    /// The district's name, if the place has one.
    pub district: Option<String>,
    /// The province's name.
    pub province: Option<String>,
    /// The rule lets the district be published.
    pub district_allowed: bool,
    /// The district is chosen.
    pub district_chosen: bool,
    /// Cases in the cell counting this one.
    pub in_cell: String,
    /// The same number, choosing the plural form.
    pub in_cell_n: u64,
    /// The rule's k.
    pub k: String,
}

/// The review page.
#[derive(Template)]
#[template(path = "admin/review.html")]
pub struct ReviewPage {
    /// The frame.
    pub ui: AdminUi,
    /// The inbox list the moderator is working through: the form offers to open the next
    /// report of it after the decision.
    pub from: Option<String>,
    /// That offer starts ticked (the last decision took it).
    pub then_next: bool,
    /// The submission id.
    pub id: SubmissionId,
    /// Its status.
    pub status: SubmissionStatus,
    /// Its channel.
    pub channel: Channel,
    /// Arrival hour, as shown.
    pub received: String,
    /// What the reporter allowed.
    pub consent: Consent,
    /// Arrived in a flood without proof of work.
    pub flagged: bool,
    /// Why it is urgent (a sentence), if it is.
    pub urgent: Option<String>,
    /// The report's own words stay behind a click (the moderator's setting).
    pub hide_text: bool,
    /// A publication waiting for a second approval, said in words.
    pub waiting: Option<String>,
    /// Others' requests to see the contact details, waiting for approval: (id, name).
    pub contact_asks: Vec<(String, String)>,
    /// The link to the conversation with the reporter, with its count.
    pub conversation: String,
    /// Where her approval of the anonymised version stands, if she asked to see it first.
    pub approval: Option<ApprovalSummary>,
    /// Whether the moderator can flag or clear urgency here (new or in review).
    pub can_flag: bool,
    /// Translation key of the assignment.
    pub assignment: &'static str,
    /// The status of the case written from it.
    pub case_status: Option<CaseStatus>,
    /// The public page of a published case.
    pub case_href: Option<String>,
    /// Problems of the last action, translated.
    pub errors: Vec<String>,
    /// What the last action did, translated.
    pub notice: Option<String>,
    /// The raw report and the form; `None` once withdrawn.
    pub raw: Option<RawView>,
    /// Follow-ups from the survivor.
    pub follow_ups: Vec<Entry>,
    /// Internal notes.
    pub notes: Vec<Entry>,
    /// The note being typed.
    pub note: String,
    /// Why the note was refused.
    pub note_error: Option<String>,
    /// Contact details, when asked for.
    pub contact: Option<ContactDetails>,
    /// Every kind of mark, for the kind pickers.
    pub kinds: &'static [Kind],
}

/// Builds the page.
/// `draft` is required to show the raw side: without it (a withdrawn report) only the
/// envelope and notes are shown.
pub fn build(
    ui: AdminUi,
    ctx: &Context<'_>,
    draft: Option<&ReviewDraft>,
    messages: Messages,
) -> ReviewPage {
    let errors = messages
        .problems
        .iter()
        .map(|p| problem_text(&ui, p))
        .collect();
    let raw = ctx
        .report
        .zip(draft)
        .map(|(report, draft)| raw_view(&ui, ctx, report, draft));
    ReviewPage {
        from: ctx.from.clone(),
        then_next: ctx.then_next,
        id: ctx.envelope.id,
        status: ctx.envelope.status,
        channel: ctx.envelope.channel,
        received: ui.time(ctx.envelope.received_hour),
        consent: ctx.envelope.consent,
        flagged: ctx.envelope.flagged,
        urgent: ctx.envelope.urgency.map(|u| {
            ui.f(
                "admin.inbox.urgent_because",
                &[("why", ui.t(crate::web::admin::inbox::urgency_key(u)))],
            )
        }),
        hide_text: ctx.hide_text,
        waiting: ctx.waiting.clone(),
        contact_asks: ctx.contact_asks.clone(),
        conversation: ui.p(
            "admin.conversation.link",
            ctx.conversation as u64,
            &[("n", &ctx.conversation.to_string())],
        ),
        approval: ctx.approval.clone(),
        can_flag: matches!(
            ctx.envelope.status,
            SubmissionStatus::New | SubmissionStatus::InReview
        ),
        assignment: ctx.assignment,
        case_status: ctx.case.map(|c| c.status),
        case_href: ctx
            .case
            .filter(|c| c.status == CaseStatus::Published)
            .map(|c| format!("/stories/{}", c.id)),
        errors,
        notice: messages.notice.map(|k| ui.t(k).to_owned()),
        raw,
        follow_ups: ctx.follow_ups.to_vec(),
        notes: ctx.notes.to_vec(),
        note: messages.note,
        note_error: messages.note_error.map(|k| ui.t(k).to_owned()),
        contact: ctx.contact.cloned(),
        kinds: &Kind::ALL,
        ui,
    }
}

/// A problem of a decision, translated.
pub fn problem_text(ui: &AdminUi, p: &Problem) -> String {
    let mut what = p.what.clone().unwrap_or_default();
    if !p.kinds.is_empty() {
        what = p
            .kinds
            .iter()
            .map(|k| ui.t(labels::kind(*k)))
            .collect::<Vec<_>>()
            .join("، ");
    }
    ui.f(p.key, &[("what", &what)])
}

fn raw_view(
    ui: &AdminUi,
    ctx: &Context<'_>,
    report: &SealedReport,
    draft: &ReviewDraft,
) -> RawView {
    let r = &report.report;
    let lang = ui.lang;
    let raw = r.what_happened.as_str();
    let index = CharIndex::new(raw);
    let plan = &draft.plan;
    let suggestions = plan
        .suggested()
        .iter()
        .zip(plan.decisions())
        .enumerate()
        .map(|(i, (s, d))| Suggestion {
            index: i,
            kind: s.kind,
            text: index.slice(s.start, s.end).to_owned(),
            accepted: *d == Decision::Accept,
        })
        .collect();
    let added = plan
        .added()
        .iter()
        .map(|s| Added {
            value: mark_value(s),
            kind: s.kind,
            text: index.slice(s.start, s.end).to_owned(),
        })
        .collect();
    // An empty text in the report's language starts from the machine draft.
    let mut en = draft.en.clone();
    let mut ur = draft.ur.clone();
    let mine = if r.language == Lang::EN {
        &mut en
    } else {
        &mut ur
    };
    if mine.text.trim().is_empty() {
        mine.text = machine_draft(report, plan);
    }
    let ticks = r
        .labels
        .pairs()
        .map(|(d, t)| match ctx.taxonomy.term(d.as_str(), t.as_str()) {
            Some(term) => {
                let dim = ctx
                    .taxonomy
                    .dimension(d.as_str())
                    .map_or(d.as_str(), |x| x.label(lang));
                format!("{dim}: {}", term.label(lang))
            }
            None => format!("{d}: {t}"),
        })
        .collect();
    let dimensions = ctx
        .taxonomy
        .dimensions()
        .iter()
        .map(|d| {
            let terms: Vec<TermOption> = d
                .terms
                .iter()
                .map(|t| TermOption {
                    key: t.key.to_string(),
                    label: t.label(lang).to_owned(),
                    checked: draft.labels.contains(d.key.as_str(), t.key.as_str()),
                })
                .collect();
            DimensionPicker {
                key: d.key.to_string(),
                label: d.label(lang).to_owned(),
                multiple: d.multiple,
                none: !terms.iter().any(|t| t.checked),
                terms,
            }
        })
        .collect();
    let place = ctx.place;
    let place_choice = PlaceView {
        district: place.district.map(|p| p.name(lang).to_owned()),
        province: place.province.map(|p| p.name(lang).to_owned()),
        district_allowed: place.district_allowed(),
        district_chosen: draft.place == PlacePolicy::District && place.district_allowed(),
        in_cell: (place.others_in_cell + 1).to_string(),
        in_cell_n: u64::try_from(place.others_in_cell + 1).unwrap_or(u64::MAX),
        k: place.rule.k.to_string(),
    };
    RawView {
        content_notes: content_note::notes(raw)
            .into_iter()
            .map(|n| ui.t(n.key()).to_owned())
            .collect(),
        lang: r.language,
        when: r
            .when
            .as_ref()
            .map(|w| format!("{} {}", ui.tr.month(w.month.month()), w.month.year())),
        approximate: r.when.as_ref().is_some_and(|w| w.approximate),
        place: place.reported.map(|p| p.name(lang).to_owned()),
        place_text: r.place_text.clone(),
        self_description: r.self_description.clone(),
        whose: r.whose_story.map(|w| match w {
            WhoseStory::Own => "admin.review.whose.own",
            WhoseStory::OtherWithConsent => "admin.review.whose.other",
            WhoseStory::NewsReport => "admin.review.whose.news",
        }),
        source_url: r.source_url.clone(),
        ticks,
        segments: segments(raw, plan.suggested(), plan.decisions(), plan.added()),
        hidden: hidden_count(raw),
        suggestions,
        added,
        // a draft saved before hiding characters were stripped is shown without them, so
        // the form never lays out a control the reporter typed
        title_en: invisible::strip(&en.title).into_owned(),
        text_en: invisible::strip(&en.text).into_owned(),
        title_ur: invisible::strip(&ur.title).into_owned(),
        text_ur: invisible::strip(&ur.text).into_owned(),
        dimensions,
        place_choice,
        period: draft.period.map(|p| p.to_string()).unwrap_or_default(),
        verification: draft.verification,
        evidence: ctx
            .attachments
            .iter()
            .enumerate()
            .map(|(i, a)| Evidence {
                href: format!("/admin/submissions/{}/evidence/{}", ctx.envelope.id, a.id),
                preview: format!(
                    "/admin/submissions/{}/evidence/{}/preview",
                    ctx.envelope.id, a.id
                ),
                revealed: ctx.reveal == Some(a.id),
                reveal_href: format!(
                    "/admin/submissions/{}?reveal={}#evidence-{}",
                    ctx.envelope.id,
                    a.id,
                    i + 1
                ),
                hide_href: format!("/admin/submissions/{}#evidence-{}", ctx.envelope.id, i + 1),
                image: a.media_type.starts_with("image/"),
                number: i + 1,
                kilobytes: a.byte_size.div_ceil(1024).to_string(),
            })
            .collect(),
        not_kept: ctx
            .not_kept
            .iter()
            .flat_map(|n| &n.files)
            .map(|f| NotKeptFile {
                name: f.name.clone(),
                declared_type: f.declared_type.clone(),
                size: size_label(f.bytes),
                reason: f.reason.message_key(),
                in_attached_message: f.in_attached_message,
            })
            .collect(),
        rest_of_text: {
            let rest: Vec<&str> = ctx
                .not_kept
                .iter()
                .filter_map(|n| n.rest_of_text.as_deref())
                .collect();
            (!rest.is_empty()).then(|| rest.concat())
        },
        text_dropped: {
            let dropped: usize = ctx.not_kept.iter().map(|n| n.text_dropped_chars).sum();
            (dropped > 0).then(|| dropped.to_string())
        },
    }
}

impl ReviewPage {
    /// Raw text in pieces, hidden characters as markers (see [`raw_pieces`]).
    pub fn pieces<'t>(&self, text: &'t str) -> Vec<RawPiece<'t>> {
        raw_pieces(text)
    }

    /// A kind of personal data, translated.
    pub fn kind_label(&self, k: &Kind) -> &'static str {
        self.ui.t(labels::kind(*k))
    }

    /// The submission's status, translated.
    pub fn status_label(&self) -> &'static str {
        self.ui.t(labels::status(self.status))
    }

    /// The case's status, translated.
    pub fn case_status_label(&self, s: &CaseStatus) -> &'static str {
        self.ui.t(labels::case_status(*s))
    }

    /// The consent, translated.
    pub fn consent_label(&self) -> &'static str {
        self.ui.t(labels::consent(self.consent))
    }

    /// The channel, translated.
    pub fn channel_label(&self) -> &'static str {
        self.ui.t(labels::channel(self.channel))
    }

    /// Every verification level: (value, label, chosen).
    pub fn verifications(&self, chosen: &Verification) -> Vec<(&'static str, &'static str, bool)> {
        labels::VERIFICATIONS
            .iter()
            .map(|v| (v.as_str(), self.ui.t(labels::verification(*v)), v == chosen))
            .collect()
    }

    /// The story may be published under the reporter's consent.
    pub fn may_publish(&self) -> bool {
        self.consent == Consent::Publish
    }

    /// The case may be counted under the reporter's consent.
    pub fn may_count(&self) -> bool {
        self.consent != Consent::Private
    }
}

#[cfg(test)]
mod tests {
    use super::size_label;

    #[test]
    fn sizes_read_as_kilobytes_or_megabytes() {
        assert_eq!(size_label(1), "1 KB");
        assert_eq!(size_label(1024 * 1024 - 1), "1024 KB");
        assert_eq!(size_label(10 * 1024 * 1024 + 600 * 1024), "10.5 MB");
    }
}
