//! Her approval of the anonymised version on `/follow-up`: the latest proposal shown in her
//! language (place, month and categories as a story page shows them), and her decision.

use naqsha_core::conversation::{ApprovalAnswer, MessageBody, MessageKind, Proposal};
use naqsha_core::lang::Lang;
use naqsha_core::submission::SubmissionEnvelope;
use naqsha_core::text::AnswerText;

use super::FollowUpPage;
use super::conversation::{HerKey, Opened, choice_key, text_error};
use crate::state::AppState;
use crate::storage::{Answered, ApprovalRound, ConversationStore};
use crate::web::error::AppError;
use crate::web::layout::Ui;
use crate::web::pages::case_view::{
    LabelGroup, label_groups, month_label, paragraphs, place_label,
};

/// One language's version of the proposed story.
pub struct StoryView {
    /// `en` or `ur`.
    pub lang: &'static str,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    /// "The version in English" / "in Urdu", for the other language's version.
    pub heading: Option<String>,
    /// The title.
    pub title: String,
    /// The text, as paragraphs of lines.
    pub paragraphs: Vec<Vec<String>>,
}

/// The proposal waiting for her answer, in the page language.
pub struct ProposalView {
    /// The round her answer is for.
    pub round: i64,
    /// The versions: hers first, then the other language's.
    pub stories: Vec<StoryView>,
    /// The place.
    pub place: Option<String>,
    /// The month.
    pub month: Option<String>,
    /// The categories, as a story page shows them.
    pub groups: Vec<LabelGroup>,
}

/// What she chose and wrote, kept when the form comes back with an error.
#[derive(Debug, Default)]
pub struct Choice {
    /// The answer ticked (`approved`, …), if any.
    pub answer: String,
    /// What to change.
    pub text: String,
    /// The confirmation of a consent change ticked.
    pub confirm: bool,
}

/// The latest round if it waits for her answer, with its proposal.
pub fn waiting<'a>(rounds: &[ApprovalRound], opened: &'a [Opened]) -> Option<(i64, &'a Proposal)> {
    let latest = rounds.last().filter(|r| r.answer.is_none())?;
    let proposal = opened
        .iter()
        .find(|m| m.stored.id == latest.message)
        .and_then(|m| m.body.proposal.as_ref())?;
    Some((latest.round, proposal))
}

/// The proposal as she reads it.
pub fn view(state: &AppState, ui: &Ui, round: i64, proposal: &Proposal) -> ProposalView {
    // The proposal is written in English and Urdu; another language reads its base's.
    let lang = ui.tr.lang().base();
    let other = match lang.base() {
        Lang::EN => Lang::UR,
        _ => Lang::EN,
    };
    let story = |l: Lang| match l.base() {
        Lang::EN => proposal.story_en.as_ref(),
        _ => proposal.story_ur.as_ref(),
    };
    let stories = [lang, other]
        .into_iter()
        .filter_map(|l| {
            story(l).map(|s| StoryView {
                lang: l.code(),
                dir: l.dir(),
                heading: (l != lang).then(|| {
                    ui.t(match l.base() {
                        Lang::EN => "conversation.approval.in_en",
                        _ => "conversation.approval.in_ur",
                    })
                    .to_owned()
                }),
                title: s.title.as_str().to_owned(),
                paragraphs: paragraphs(s.text.as_str()),
            })
        })
        .collect();
    ProposalView {
        round,
        stories,
        place: place_label(state.gazetteer(), ui.tr, proposal.place.as_ref(), None),
        month: month_label(ui.tr, proposal.period),
        groups: label_groups(state.taxonomy(), &proposal.labels, lang),
    }
}

/// The translation key asking her to confirm a consent change, explaining what it does.
fn confirm_key(answer: ApprovalAnswer) -> Option<&'static str> {
    match answer {
        ApprovalAnswer::StatisticsOnly => Some("conversation.error.confirm_statistics_only"),
        ApprovalAnswer::Private => Some("conversation.error.confirm_private"),
        ApprovalAnswer::Approved | ApprovalAnswer::Changes => None,
    }
}

/// `action=decide`: stores her answer to round `round`, or says what is missing or why it
/// was not stored, keeping what she chose and wrote.
pub async fn decide(
    state: &AppState,
    p: &mut FollowUpPage,
    envelope: &SubmissionEnvelope,
    key: &HerKey,
    round: &str,
    choice: Choice,
) -> Result<(), AppError> {
    let answer = choice.answer.parse::<ApprovalAnswer>().ok();
    let text = if choice.text.trim().is_empty() {
        Ok(None)
    } else {
        AnswerText::parse(&choice.text).map(Some)
    };
    let problem = match (answer, &text) {
        (None, _) => Some("conversation.error.answer_required"),
        (_, Err(e)) => Some(text_error(e)),
        (Some(ApprovalAnswer::Changes), Ok(None)) => {
            Some("conversation.error.changes_text_required")
        }
        (Some(a), _) if !choice.confirm => confirm_key(a),
        _ => None,
    };
    let (Some(answer), Ok(text), None) = (answer, text, problem) else {
        p.error = problem.map(|k| p.ui.t(k).to_owned());
        p.choice = choice;
        return Ok(());
    };
    // A round that is not a number is no round she was shown: stale like an old one.
    let Ok(round) = round.trim().parse::<i64>() else {
        p.error = Some(p.ui.t("conversation.error.stale").to_owned());
        return Ok(());
    };
    let body = MessageBody {
        text: text.map(|t| t.as_str().to_owned()),
        answer: Some(answer),
        ..MessageBody::default()
    };
    let message = key
        .message(state, envelope, MessageKind::Decision, &body)
        .await?;
    match state
        .store()
        .answer_proposal(round, answer, &message)
        .await?
    {
        Answered::Stored => p.notice = Some(p.ui.t(choice_key(answer)).to_owned()),
        Answered::Stale => p.error = Some(p.ui.t("conversation.error.stale").to_owned()),
    }
    Ok(())
}
