//! The conversation with a reporter, `/admin/submissions/{id}/conversation` (issue 19): the
//! sealed messages both ways, opened with the unlocked organisation key (each view audited
//! as `view_conversation`), a reply form with templates in her language, and — when she
//! asked to see her story first — the approval rounds and "send for approval".
//!
//! Who may converse is who may review: [`Permission::Moderate`], on her own or unassigned
//! reports (someone else's needs [`Permission::Assign`], as on the review page).

mod page;
mod proposal;
mod reply;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use naqsha_core::audit::AuditAction;
use naqsha_core::conversation::MessageBody;
use naqsha_core::lang::Lang;
use naqsha_core::referral::HARM_DIMENSION;
use naqsha_core::sealing;
use naqsha_core::submission::SealedReport;
use naqsha_core::user::Permission;
use serde::Deserialize;

use super::Route;
use super::review::{self, Opened};
use super::session::Staff;
use crate::moderation::approval::ApprovalState;
use crate::state::AppState;
use crate::storage::{ApprovalRound, ConversationStore, StoredMessage};
use crate::web::error::AppError;
use crate::web::pages::render;
use crate::web::referral_view::ReferralPicker;
pub use page::ApprovalSummary;

/// The routes of the conversation page.
pub fn routes() -> Vec<Route> {
    vec![
        Route::needs(
            "/admin/submissions/{id}/conversation",
            Permission::Moderate,
            get(show),
        ),
        Route::needs(
            "/admin/submissions/{id}/conversation/reply",
            Permission::Moderate,
            post(reply::send),
        ),
        Route::needs(
            "/admin/submissions/{id}/conversation/proposal",
            Permission::Moderate,
            post(proposal::send),
        ),
    ]
}

/// The address of a report's conversation page.
pub fn href(id: naqsha_core::ids::SubmissionId) -> String {
    format!("/admin/submissions/{id}/conversation")
}

/// Opens a report for the conversation: as the review page opens it, refusing a withdrawn
/// one (its conversation was deleted with it).
async fn open(
    state: &AppState,
    staff: &Staff,
    id: &str,
) -> Result<(Opened, SealedReport), AppError> {
    let mut opened = review::open(state, staff, id).await?;
    let report = opened.report.take().ok_or(AppError::BadRequest {
        key: "admin.review.withdrawn",
    })?;
    Ok((opened, report))
}

/// A message opened with the organisation key.
pub(super) struct OpenedMessage {
    /// As stored.
    pub stored: StoredMessage,
    /// What it says.
    pub body: MessageBody,
}

/// Opens every message of a report, oldest first.
async fn open_messages(
    state: &AppState,
    staff: &Staff,
    id: naqsha_core::ids::SubmissionId,
) -> Result<Vec<OpenedMessage>, AppError> {
    let key = staff.key()?;
    let mut out = Vec::new();
    for stored in state.store().messages(id).await? {
        let plain = sealing::open(&key.secret, &stored.sealed).map_err(|e| {
            AppError::Internal(anyhow::Error::new(e).context("opening a conversation message"))
        })?;
        let body = MessageBody::from_json(&plain).map_err(|e| {
            AppError::Internal(anyhow::Error::new(e).context("decoding a conversation message"))
        })?;
        out.push(OpenedMessage { stored, body });
    }
    Ok(out)
}

/// What a render of the page needs besides the report.
#[derive(Debug, Default)]
pub(super) struct Form {
    /// The reply being written.
    pub text: String,
    /// The template it started from.
    pub template: Option<page::Template>,
    /// The referral ids ticked.
    pub referrals: Vec<String>,
    /// Why the reply was refused (a translation key).
    pub reply_error: Option<&'static str>,
    /// The covering note of a proposal being sent.
    pub note: String,
    /// Why the proposal was refused (translated).
    pub proposal_errors: Vec<String>,
    /// What the last action did (a translation key).
    pub notice: Option<&'static str>,
    /// What became of the notice on her channel, translated.
    pub channel_notice: Option<String>,
}

/// Renders the page with `status`, auditing that the conversation was opened.
async fn render_page(
    state: &AppState,
    staff: &Staff,
    opened: &Opened,
    report: &SealedReport,
    form: Form,
    status: StatusCode,
) -> Result<Response, AppError> {
    let id = opened.sealed.envelope.id;
    let store = state.store();
    let messages = open_messages(state, staff, id).await?;
    let rounds = store.approval_rounds(id).await?;
    let has_key = store.reply_key(id).await?.is_some();
    review::audit(state, staff, AuditAction::ViewConversation, id, "messages").await?;
    let ui = super::AdminUi::new(staff, "/admin/inbox", href(id));
    let services = referral_list(state).services;
    let harms: Vec<&str> = report
        .report
        .labels
        .terms(HARM_DIMENSION)
        .map(|t| t.as_str())
        .collect();
    let suggested = services.suggest(state.gazetteer(), report.report.place.as_ref(), &harms);
    let picker = ReferralPicker::new(&services, &suggested, &form.referrals, ui.lang);
    let ctx = page::Context {
        envelope: &opened.sealed.envelope,
        report,
        messages: &messages,
        rounds: &rounds,
        has_key,
        gazetteer: state.gazetteer(),
        taxonomy: state.taxonomy(),
    };
    let page = page::build(ui, &ctx, form, picker);
    Ok((status, render(&page)?).into_response())
}

const NOTICE_OUTCOME: &str = "notice.outcome.";

/// Tells her on the channel she reported on, if she allowed it, that a message waits on
/// the follow-up page (never what it says); returns what became of it for the redirect's
/// `sent=`. A failure is logged and said: the message itself is stored.
async fn notify(state: &AppState, staff: &Staff, id: naqsha_core::ids::SubmissionId) -> String {
    let outcome = match staff.key() {
        Ok(key) => crate::channels::notice::message_waiting(state, &key.secret, id).await,
        Err(_) => return "failed".to_owned(),
    };
    match outcome {
        Ok(o) => o
            .summary_key()
            .strip_prefix(NOTICE_OUTCOME)
            .unwrap_or("failed")
            .to_owned(),
        Err(e) => {
            tracing::warn!(error = %e, "a notice of a waiting message failed");
            "failed".to_owned()
        }
    }
}

/// The referral list in use (the organisation's file, or the bundled one).
fn referral_list(state: &AppState) -> crate::moderation::referrals::Loaded {
    crate::moderation::referrals::load(
        &state.config().data_dir,
        state.taxonomy(),
        state.gazetteer(),
    )
}

/// The query of the page: a template to start the reply from, its language, and what the
/// last action did.
#[derive(Debug, Deserialize)]
pub struct PageQuery {
    template: Option<String>,
    #[serde(rename = "in")]
    lang: Option<String>,
    done: Option<String>,
    /// What became of the notice on her channel (see [`notify`]).
    sent: Option<String>,
}

/// `GET /admin/submissions/{id}/conversation`.
async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let (opened, report) = open(&state, &staff, &id).await?;
    let mut form = Form::default();
    if let Some(template) = q.template.as_deref().and_then(page::Template::parse) {
        // Her language unless the moderator chose the other one.
        let lang = q
            .lang
            .as_deref()
            .and_then(|l| l.parse::<Lang>().ok())
            .unwrap_or(report.report.language);
        form.text = crate::i18n::t(lang, template.text_key()).to_owned();
        form.template = Some(template);
    }
    form.notice = match q.done.as_deref() {
        Some("reply") => Some("admin.conversation.done.reply"),
        Some("proposal") => Some("admin.conversation.done.proposal"),
        _ => None,
    };
    form.channel_notice = q.sent.as_deref().and_then(|sent| {
        let key = match sent {
            "failed" => "admin.conversation.notice_failed".to_owned(),
            outcome => format!("{NOTICE_OUTCOME}{outcome}"),
        };
        crate::i18n::has_message(staff.lang, &key)
            .then(|| crate::i18n::t(staff.lang, &key).to_owned())
    });
    render_page(&state, &staff, &opened, &report, form, StatusCode::OK).await
}

/// Where a report's approval stands, for the review page: `None` when she did not ask to
/// see her story first. Opens her latest decision for her words when she asked for changes
/// (the review page is audited as a view of the report).
pub async fn approval_summary(
    state: &AppState,
    staff: &Staff,
    ui: &super::AdminUi,
    approve_first: bool,
    id: naqsha_core::ids::SubmissionId,
) -> Result<Option<ApprovalSummary>, AppError> {
    if !approve_first {
        return Ok(None);
    }
    let rounds: Vec<ApprovalRound> = state.store().approval_rounds(id).await?;
    let changes = ApprovalState::of(&rounds)
        == ApprovalState::Answered(naqsha_core::conversation::ApprovalAnswer::Changes);
    let messages = if changes {
        open_messages(state, staff, id).await?
    } else {
        Vec::new()
    };
    Ok(Some(page::approval_summary(ui, &rounds, &messages)))
}
