//! The conversation page as data: [`build`] turns the opened messages, the approval rounds
//! and the form into a [`ConversationPage`] that askama renders.

use naqsha_core::conversation::{ApprovalAnswer, MessageKind, Proposal};
use naqsha_core::ids::SubmissionId;
use naqsha_core::lang::Lang;
use naqsha_core::places::Gazetteer;
use naqsha_core::submission::{SealedReport, SubmissionEnvelope};
use naqsha_core::taxonomy::Taxonomy;

use super::super::AdminUi;
use super::{Form, OpenedMessage};
use crate::moderation::approval::ApprovalState;
use crate::storage::ApprovalRound;
use crate::web::pages::case_view::{label_groups, month_label, place_label};
use crate::web::referral_view::ReferralPicker;

/// A prefilled reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// A question about the report.
    Question,
    /// Where to get help.
    Referral,
    /// Her story is published.
    Published,
}

impl Template {
    /// Every template, in the order offered.
    pub const ALL: [Template; 3] = [Template::Question, Template::Referral, Template::Published];

    /// The name in the form, the address and the audit entry.
    pub fn as_str(self) -> &'static str {
        match self {
            Template::Question => "question",
            Template::Referral => "referral",
            Template::Published => "published",
        }
    }

    /// The template a form value names.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == value)
    }

    /// The key of its prefilled text (in the reporter's language).
    pub fn text_key(self) -> &'static str {
        match self {
            Template::Question => "admin.conversation.template.question.text",
            Template::Referral => "admin.conversation.template.referral.text",
            Template::Published => "admin.conversation.template.published.text",
        }
    }

    /// The key of its name (in the moderator's language).
    pub fn label_key(self) -> &'static str {
        match self {
            Template::Question => "admin.conversation.template.question.label",
            Template::Referral => "admin.conversation.template.referral.label",
            Template::Published => "admin.conversation.template.published.label",
        }
    }
}

/// The public parts of a proposal, as the moderator reads them.
#[derive(Debug, Clone)]
pub struct ProposalView {
    /// (language name, title, text) of each story.
    pub stories: Vec<(&'static str, String, String)>,
    /// The published place's name.
    pub place: Option<String>,
    /// The published month.
    pub month: Option<String>,
    /// The categories, "dimension: term".
    pub categories: Vec<String>,
}

/// One message as shown.
#[derive(Debug, Clone)]
pub struct MessageView {
    /// She wrote it.
    pub from_her: bool,
    /// Who wrote it, as shown.
    pub author: String,
    /// When, as shown.
    pub at: String,
    /// What it is, translated.
    pub kind: String,
    /// The template it was started from, translated.
    pub template: Option<String>,
    /// Its words.
    pub text: Option<String>,
    /// The names of the referrals attached, as they were sent.
    pub referrals: Vec<String>,
    /// The proposal it carries.
    pub proposal: Option<ProposalView>,
    /// Her answer to a proposal, translated.
    pub answer: Option<String>,
}

/// One approval round as shown.
#[derive(Debug, Clone)]
pub struct RoundView {
    /// "Round n, sent at …".
    pub label: String,
    /// Her answer, translated, and when.
    pub answer: Option<(String, String)>,
}

/// Where the approval stands, said in words, for this page and the review page.
#[derive(Debug, Clone)]
pub struct ApprovalSummary {
    /// A class naming the state (`not-sent`, `waiting`, `approved`, `changes`,
    /// `statistics_only`, `private`).
    pub state: &'static str,
    /// The sentence.
    pub text: String,
    /// Her words with an answer (asked for changes), if any.
    pub her_text: Option<String>,
}

/// The conversation page.
#[derive(askama::Template)]
#[template(path = "admin/conversation.html")]
pub struct ConversationPage {
    /// The frame.
    pub ui: AdminUi,
    /// The report.
    pub id: SubmissionId,
    /// The messages, oldest first.
    pub messages: Vec<MessageView>,
    /// She has a reply key: replies can be sealed to her.
    pub has_key: bool,
    /// Where her approval stands, if she asked to see her story first.
    pub approval: Option<ApprovalSummary>,
    /// The rounds, oldest first.
    pub rounds: Vec<RoundView>,
    /// The reply being written.
    pub text: String,
    /// Its template's name.
    pub template: Option<&'static str>,
    /// Links that prefill a template: (label, href in her language, other language's
    /// name, href in it).
    pub templates: Vec<(String, String, &'static str, String)>,
    /// The referral services to attach (`referral`, repeated).
    pub picker: ReferralPicker,
    /// Why the reply was refused, translated.
    pub reply_error: Option<String>,
    /// The proposal's covering note.
    pub note: String,
    /// Why the proposal was refused, translated.
    pub proposal_errors: Vec<String>,
    /// What the last action did, translated.
    pub notice: Option<String>,
    /// What became of the notice on her channel, translated.
    pub channel_notice: Option<String>,
    /// The language the reporter wrote in, said.
    pub her_lang: String,
}

/// What the page shows, read and opened by the handler.
pub struct Context<'a> {
    /// The report's envelope.
    pub envelope: &'a SubmissionEnvelope,
    /// The opened report.
    pub report: &'a SealedReport,
    /// The opened messages.
    pub messages: &'a [OpenedMessage],
    /// The approval rounds.
    pub rounds: &'a [ApprovalRound],
    /// She has a reply key.
    pub has_key: bool,
    /// Places.
    pub gazetteer: &'static Gazetteer,
    /// The taxonomy.
    pub taxonomy: &'a Taxonomy,
}

fn answer_key(a: ApprovalAnswer) -> &'static str {
    match a {
        ApprovalAnswer::Approved => "admin.conversation.answer.approved",
        ApprovalAnswer::Changes => "admin.conversation.answer.changes",
        ApprovalAnswer::StatisticsOnly => "admin.conversation.answer.statistics_only",
        ApprovalAnswer::Private => "admin.conversation.answer.private",
    }
}

fn kind_key(k: MessageKind) -> &'static str {
    match k {
        MessageKind::Reply => "admin.conversation.kind.reply",
        MessageKind::Answer => "admin.conversation.kind.answer",
        MessageKind::Proposal => "admin.conversation.kind.proposal",
        MessageKind::Decision => "admin.conversation.kind.decision",
    }
}

fn proposal_view(ui: &AdminUi, ctx: &Context<'_>, p: &Proposal) -> ProposalView {
    let lang = ui.lang;
    let mut stories = Vec::new();
    for (l, story) in [(Lang::EN, &p.story_en), (Lang::UR, &p.story_ur)] {
        if let Some(s) = story {
            stories.push((
                l.native_name(),
                s.title.as_str().to_owned(),
                s.text.as_str().to_owned(),
            ));
        }
    }
    // Place, month and categories as the story page will show them (and as she sees
    // them on /follow-up): only the public dimensions.
    ProposalView {
        stories,
        place: place_label(ctx.gazetteer, ui.tr, p.place.as_ref(), None),
        month: month_label(ui.tr, p.period),
        categories: label_groups(ctx.taxonomy, &p.labels, lang)
            .into_iter()
            .map(|g| format!("{}: {}", g.dimension, g.terms.join("، ")))
            .collect(),
    }
}

/// Where the approval stands after `rounds`, said in words; with her words when she asked
/// for changes (from the latest of `messages`, her decisions among them).
pub fn approval_summary(
    ui: &AdminUi,
    rounds: &[ApprovalRound],
    messages: &[OpenedMessage],
) -> ApprovalSummary {
    let (class, text) = match ApprovalState::of(rounds) {
        ApprovalState::NotSent => (
            "not-sent",
            ui.t("admin.conversation.approval.not_sent").to_owned(),
        ),
        ApprovalState::Waiting(since) => (
            "waiting",
            ui.f(
                "admin.conversation.approval.waiting",
                &[("at", &ui.time(since))],
            ),
        ),
        ApprovalState::Answered(a) => {
            let at = rounds
                .last()
                .and_then(|r| r.answered_at)
                .map(|t| ui.time(t))
                .unwrap_or_default();
            let key = match a {
                ApprovalAnswer::Approved => "admin.conversation.approval.approved",
                ApprovalAnswer::Changes => "admin.conversation.approval.changes",
                ApprovalAnswer::StatisticsOnly => "admin.conversation.approval.statistics_only",
                ApprovalAnswer::Private => "admin.conversation.approval.private",
            };
            (a.as_str(), ui.f(key, &[("at", &at)]))
        }
    };
    let her_text = (class == ApprovalAnswer::Changes.as_str())
        .then(|| {
            messages
                .iter()
                .rev()
                .find(|m| m.stored.kind == MessageKind::Decision)
                .and_then(|m| m.body.text.clone())
        })
        .flatten();
    ApprovalSummary {
        state: class,
        text,
        her_text,
    }
}

/// Builds the page.
pub fn build(
    ui: AdminUi,
    ctx: &Context<'_>,
    form: Form,
    picker: ReferralPicker,
) -> ConversationPage {
    let id = ctx.envelope.id;
    let messages: Vec<MessageView> = ctx
        .messages
        .iter()
        .map(|m| {
            let from_her = m.stored.kind.from_reporter();
            let author = if from_her {
                ui.t("admin.conversation.author.her").to_owned()
            } else {
                m.stored
                    .author_name
                    .clone()
                    .unwrap_or_else(|| ui.t("admin.conversation.author.unknown").to_owned())
            };
            MessageView {
                from_her,
                author,
                at: ui.time(m.stored.created_at),
                kind: ui.t(kind_key(m.stored.kind)).to_owned(),
                template: m
                    .body
                    .template
                    .as_deref()
                    .and_then(Template::parse)
                    .map(|t| ui.t(t.label_key()).to_owned()),
                text: m.body.text.clone().filter(|t| !t.trim().is_empty()),
                referrals: m
                    .body
                    .referrals
                    .iter()
                    .map(|r| r.name(ui.lang).to_owned())
                    .collect(),
                proposal: m.body.proposal.as_ref().map(|p| proposal_view(&ui, ctx, p)),
                answer: m.body.answer.map(|a| ui.t(answer_key(a)).to_owned()),
            }
        })
        .collect();
    let approval = ctx
        .envelope
        .approve_first
        .then(|| approval_summary(&ui, ctx.rounds, ctx.messages));
    let rounds = ctx
        .rounds
        .iter()
        .map(|r| RoundView {
            label: ui.f(
                "admin.conversation.approval.round",
                &[("n", &r.round.to_string()), ("at", &ui.time(r.sent_at))],
            ),
            answer: r.answer.map(|a| {
                (
                    ui.t(answer_key(a)).to_owned(),
                    r.answered_at.map(|t| ui.time(t)).unwrap_or_default(),
                )
            }),
        })
        .collect();
    let her = ctx.report.report.language;
    let other = if her == Lang::EN { Lang::UR } else { Lang::EN };
    let base = super::href(id);
    let templates = Template::ALL
        .iter()
        .map(|t| {
            (
                ui.t(t.label_key()).to_owned(),
                format!("{base}?template={}#reply", t.as_str()),
                other.native_name(),
                format!("{base}?template={}&in={}#reply", t.as_str(), other.code()),
            )
        })
        .collect();
    ConversationPage {
        id,
        messages,
        has_key: ctx.has_key,
        approval,
        rounds,
        text: form.text,
        template: form.template.map(Template::as_str),
        templates,
        picker,
        reply_error: form.reply_error.map(|k| ui.t(k).to_owned()),
        note: form.note,
        proposal_errors: form.proposal_errors,
        notice: form.notice.map(|k| ui.t(k).to_owned()),
        channel_notice: form.channel_notice,
        her_lang: ui.f(
            "admin.conversation.her_language",
            &[("lang", her.native_name())],
        ),
        ui,
    }
}
