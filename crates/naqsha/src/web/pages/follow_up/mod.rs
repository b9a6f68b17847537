//! `/follow-up`: with the receipt from their report, a survivor sees its status, adds
//! information (sealed and appended) or withdraws it (the raw report and anything published
//! from it are deleted), reads the organisation's messages and answers them
//! ([`conversation`]), and approves the anonymised version when she asked to see it first
//! ([`approval`]). Wrong receipts are throttled per network. No cookie is set: the receipt
//! travels in the form of each step, on pages that are never cached.

mod approval;
mod conversation;

use std::time::Instant;

use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::Response;
use naqsha_core::ids::AdditionId;
use naqsha_core::lang::Lang;
use naqsha_core::sealing;
use naqsha_core::submission::{SubmissionEnvelope, SubmissionStatus};
use naqsha_core::text::{ReportText, TextError};
use serde::Deserialize;

use self::conversation::HerKey;
use super::render;
use crate::intake::receipt::{Receipt, receipt_hash};
use crate::state::AppState;
use crate::storage::{ConversationStore, IntakeStore, NewAddition, PublicStore};
use crate::web::client::ClientNetwork;
use crate::web::error::{AppError, retry_later};
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::public_form::{RefusalKeys, receipt_step};
use crate::web::pages::resources::{Helpline, helpline};

/// Name of the follow-up form in its signed token.
pub const FORM: &str = "follow_up";

/// What the follow-up forms post.
#[derive(Debug, Default, Deserialize)]
pub struct FollowUpForm {
    #[serde(default)]
    receipt: String,
    #[serde(default)]
    form_token: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    confirm: Option<String>,
    /// The approval round answered (`action=decide`).
    #[serde(default)]
    round: String,
    /// Her answer to a proposal (`action=decide`).
    #[serde(default)]
    answer: String,
}

/// A step that could not be done because the database was unavailable, offered again with
/// everything the survivor typed.
struct Retry {
    receipt: String,
    action: String,
    text: String,
    confirm: bool,
    round: String,
    answer: String,
}

/// A found report, as its status page shows it.
struct Found {
    status_label: String,
    status_explain: String,
    story_href: Option<String>,
    withdrawn: bool,
    /// The receipt in canonical form, carried by the next step's form.
    receipt: String,
    /// The messages, oldest first (none for a withdrawn report).
    messages: Vec<conversation::MessageView>,
    /// The proposal waiting for her answer.
    approval: Option<approval::ProposalView>,
}

#[derive(Template)]
#[template(path = "public/follow_up.html")]
struct FollowUpPage {
    ui: Ui,
    /// The organisation's helpline, in a box under the page's own content.
    helpline: Option<Helpline>,
    action: String,
    token: String,
    /// The receipt as typed, kept when it was not found.
    typed: String,
    text: String,
    found: Option<Found>,
    notice: Option<String>,
    error: Option<String>,
    retry: Option<Retry>,
    /// Her answer to a message, kept when it could not be sent.
    answer_text: String,
    /// Her answer to a proposal, kept when it could not be stored.
    choice: approval::Choice,
}

impl FollowUpPage {
    /// Whether answer `value` is the one she chose (kept across a re-render).
    fn chose(&self, value: &str) -> bool {
        self.choice.answer == value
    }

    /// The label of answer `value` to a proposal.
    fn answer_label(&self, value: &str) -> &str {
        self.ui.t(match value {
            "approved" => "conversation.approval.answer.approved",
            "changes" => "conversation.approval.answer.changes",
            "statistics_only" => "conversation.approval.answer.statistics_only",
            _ => "conversation.approval.answer.private",
        })
    }
}

fn page(state: &AppState, lang: Lang) -> Result<FollowUpPage, AppError> {
    let ui = Ui::new(state, lang, "/follow-up");
    Ok(FollowUpPage {
        helpline: helpline(&state.config().data_dir, lang)?,
        action: ui.href("/follow-up"),
        token: state.intake().form_tokens.issue(FORM, Instant::now()),
        ui,
        typed: String::new(),
        text: String::new(),
        found: None,
        notice: None,
        error: None,
        retry: None,
        answer_text: String::new(),
        choice: approval::Choice::default(),
    })
}

/// `GET /follow-up`: the receipt form.
pub async fn form(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
) -> Result<Response, AppError> {
    render(&page(&state, lang)?)
}

async fn found(
    state: &AppState,
    ui: &Ui,
    envelope: &SubmissionEnvelope,
    receipt: &Receipt,
    key: Option<&HerKey>,
) -> Result<Found, AppError> {
    let (label, explain) = crate::i18n::status_keys(envelope.status);
    let story_href = if envelope.status == SubmissionStatus::Published {
        state
            .store()
            .published_case_for_submission(envelope.id)
            .await?
            .map(|id| ui.href(&format!("/stories/{id}")))
    } else {
        None
    };
    let withdrawn = envelope.status == SubmissionStatus::Withdrawn;
    let (messages, approval) = match key {
        Some(key) if !withdrawn => {
            let opened = conversation::open_all(state, envelope, key).await?;
            let rounds = state.store().approval_rounds(envelope.id).await?;
            let approval = approval::waiting(&rounds, &opened)
                .map(|(round, proposal)| approval::view(state, ui, round, proposal));
            (conversation::views(ui, &opened), approval)
        }
        _ => (Vec::new(), None),
    };
    Ok(Found {
        status_label: ui.t(label).to_owned(),
        status_explain: ui.t(explain).to_owned(),
        story_href,
        withdrawn,
        receipt: receipt.words(),
        messages,
        approval,
    })
}

/// `action=add`: appends her information, sealed, or says what is wrong with it.
async fn add(
    state: &AppState,
    p: &mut FollowUpPage,
    envelope: &SubmissionEnvelope,
    text: &str,
) -> Result<(), AppError> {
    match ReportText::parse(text) {
        Ok(text) => {
            let public_key = state.intake().public_key(state.store()).await?;
            let plain = sealing::Zeroizing::new(text.as_str().as_bytes().to_vec());
            state
                .store()
                .add_to_submission(&NewAddition {
                    id: AdditionId::random(),
                    submission: envelope.id,
                    kind: "follow_up",
                    author: None,
                    sealed: sealing::seal(&public_key, &plain),
                    sms_message: None,
                })
                .await?;
            p.notice = Some(p.ui.t("followup.added").to_owned());
        }
        Err(e) => {
            p.text = text.to_owned();
            p.error = Some(
                p.ui.t(match e {
                    TextError::Empty => "followup.error.text_required",
                    TextError::TooLong { .. } => "report.error.text_too_long",
                    TextError::Control => "report.error.text_invalid",
                })
                .to_owned(),
            );
        }
    }
    Ok(())
}

/// `POST /follow-up`: look up a receipt, then view, add to or withdraw the report. When the
/// database is unavailable nothing is done, and the page offers the same step again with
/// what was typed (503 with `Retry-After`).
pub async fn submit(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    ClientNetwork(network): ClientNetwork,
    Form(form): Form<FollowUpForm>,
) -> Result<Response, AppError> {
    match step(&state, lang, network, &form).await {
        Err(AppError::Unavailable(cause)) => {
            tracing::warn!(
                error = format!("{cause:#}"),
                "a follow-up step failed for now"
            );
            let mut p = page(&state, lang)?;
            p.error = Some(p.ui.t("followup.error.unavailable").to_owned());
            p.retry = Some(Retry {
                receipt: form.receipt.clone(),
                action: form.action.clone(),
                text: form.text.clone(),
                confirm: form.confirm.is_some(),
                round: form.round.clone(),
                answer: form.answer.clone(),
            });
            let mut res = render(&p)?;
            *res.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
            retry_later(&mut res);
            Ok(res)
        }
        other => other,
    }
}

/// What this page says when a receipt step is refused before the look-up.
const REFUSALS: RefusalKeys = RefusalKeys {
    throttled: "followup.error.throttled",
    form_expired: "followup.error.form_expired",
    format: "followup.error.receipt_format",
};

async fn step(
    state: &AppState,
    lang: Lang,
    network: crate::abuse::NetworkKey,
    form: &FollowUpForm,
) -> Result<Response, AppError> {
    let now = Instant::now();
    let mut p = page(state, lang)?;
    p.typed = form.receipt.clone();
    let runtime = state.intake();

    let fail = |mut p: FollowUpPage, key: &str, status: StatusCode| -> Result<Response, AppError> {
        p.error = Some(p.ui.t(key).to_owned());
        let mut res = render(&p)?;
        *res.status_mut() = status;
        Ok(res)
    };

    let receipt =
        match receipt_step(runtime, network, FORM, &form.form_token, &form.receipt, now).await {
            Ok(receipt) => receipt,
            Err(refused) => {
                let (message, again) = refused.explain(&p.ui.tr, &REFUSALS);
                p.error = Some(message);
                let mut res = render(&p)?;
                again.apply(&mut res);
                return Ok(res);
            }
        };
    let key = runtime.receipt_key(state.store()).await?;
    let hash = receipt_hash(key, &receipt);
    let Some(envelope) = state.store().submission_by_receipt(&hash).await? else {
        return fail(p, "followup.error.not_found", StatusCode::NOT_FOUND);
    };
    p.typed.clear();

    let open = envelope.status != SubmissionStatus::Withdrawn;
    // Her key is made only for a found, open report, and not to withdraw it.
    let key = if open && !(form.action == "withdraw" && form.confirm.is_some()) {
        Some(HerKey::of(state, &envelope, &receipt).await?)
    } else {
        None
    };
    let mut shown = envelope.clone();
    match (form.action.as_str(), key.as_ref()) {
        ("add", _) if open => add(state, &mut p, &envelope, &form.text).await?,
        ("withdraw", _) if open => {
            if form.confirm.is_none() {
                p.error = Some(p.ui.t("followup.error.confirm_withdraw").to_owned());
            } else {
                state.store().withdraw_submission(envelope.id).await?;
                shown.status = SubmissionStatus::Withdrawn;
                p.notice = Some(p.ui.t("followup.withdrawn_done").to_owned());
            }
        }
        ("answer", Some(key)) => {
            conversation::answer(state, &mut p, &envelope, key, &form.text).await?;
        }
        ("decide", Some(key)) => {
            let choice = approval::Choice {
                answer: form.answer.clone(),
                text: form.text.clone(),
                confirm: form.confirm.is_some(),
            };
            approval::decide(state, &mut p, &envelope, key, &form.round, choice).await?;
        }
        _ => {}
    }
    p.found = Some(found(state, &p.ui, &shown, &receipt, key.as_ref()).await?);
    render(&p)
}
