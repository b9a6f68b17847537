//! `/responses/manage`: with the receipt of her response, a writer sees where it stands
//! (waiting, public with a link, not approved), changes its words (they wait for a moderator
//! again and what was public is taken down at once) or deletes it (with anything public).
//!
//! As on `/follow-up`: every step draws from the network's receipt limit, a wrong receipt
//! gets one answer whatever it is, no cookie is set, and the receipt travels only in the
//! form of each step, on pages that are never cached.

use std::time::Instant;

use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::Response;
use naqsha_core::lang::Lang;
use naqsha_core::response::{ResponseKind, ResponseStatus, ResponseTarget};
use naqsha_core::text::{Pseudonym, ResponseText};
use serde::Deserialize;

use super::section::kind_label;
use super::submit::{check_words, response_error};
use crate::intake::receipt::Receipt;
use crate::intake::response::{delete_by_receipt, edit_by_receipt, receipt_hash_of};
use crate::state::AppState;
use crate::storage::{ByReceipt, ResponseStore, StoredResponse};
use crate::web::client::ClientNetwork;
use crate::web::error::{AppError, retry_later};
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::public_form::{RefusalKeys, receipt_step};
use crate::web::pages::render;
use crate::web::pages::resources::{Helpline, helpline};

/// Name of the manage form in its signed token.
pub const FORM: &str = "response_manage";

/// What the manage forms post.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ManageForm {
    #[serde(default)]
    receipt: String,
    #[serde(default)]
    form_token: String,
    /// `view`, `edit` or `delete`.
    #[serde(default)]
    action: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    pseudonym: String,
    #[serde(default)]
    confirm: Option<String>,
}

/// A found response, as its status page shows it.
pub struct Found {
    /// The receipt in canonical form, carried by the next step's form.
    receipt: String,
    kind_label: &'static str,
    status_label: &'static str,
    status_explain: &'static str,
    /// Where it is public, when it is.
    public_href: Option<String>,
    /// Support and "what helped me" can be changed here (a creative response is sent again).
    editable: bool,
}

#[derive(Template)]
#[template(path = "public/responses_manage.html")]
struct ManagePage {
    ui: Ui,
    helpline: Option<Helpline>,
    action: String,
    token: String,
    /// The receipt as typed, kept when it was not found.
    typed: String,
    found: Option<Found>,
    notice: Option<String>,
    error: Option<String>,
    /// The new words and pseudonym, kept when they could not be stored.
    text: String,
    pseudonym: String,
    /// Messages beside the edit form's fields.
    field_errors: Vec<(&'static str, String)>,
    /// A step the database could not do, offered again with what she typed.
    retry: Option<ManageForm>,
    max_text: usize,
    max_pseudonym: usize,
}

impl ManagePage {
    /// The message beside `field`, if any.
    fn field_error(&self, field: &str) -> Option<&str> {
        self.field_errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

fn page(state: &AppState, lang: Lang) -> Result<ManagePage, AppError> {
    let ui = Ui::new(state, lang, "/responses/manage");
    Ok(ManagePage {
        helpline: helpline(&state.config().data_dir, lang)?,
        action: ui.href("/responses/manage"),
        token: state.intake().form_tokens.issue(FORM, Instant::now()),
        ui,
        typed: String::new(),
        found: None,
        notice: None,
        error: None,
        text: String::new(),
        pseudonym: String::new(),
        field_errors: Vec::new(),
        retry: None,
        max_text: ResponseText::MAX_CHARS,
        max_pseudonym: Pseudonym::MAX_CHARS,
    })
}

/// `GET /responses/manage`: the receipt form.
pub async fn form(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
) -> Result<Response, AppError> {
    render(&page(&state, lang)?)
}

/// `POST /responses/manage`: look up a receipt, then view, change or delete the response.
/// When the database is unavailable nothing is done and the same step is offered again
/// with what was typed (503 with `Retry-After`).
pub async fn submit(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    ClientNetwork(network): ClientNetwork,
    Form(form): Form<ManageForm>,
) -> Result<Response, AppError> {
    match step(&state, lang, network, &form).await {
        Err(AppError::Unavailable(cause)) => {
            tracing::warn!(
                error = format!("{cause:#}"),
                "a response step failed for now"
            );
            let mut p = page(&state, lang)?;
            p.error = Some(p.ui.t("responses.manage.error.unavailable").to_owned());
            p.retry = Some(form);
            let mut res = render(&p)?;
            *res.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
            retry_later(&mut res);
            Ok(res)
        }
        other => other,
    }
}

/// Where a response stands, in words, with the link to where it is public.
fn found(ui: &Ui, stored: &StoredResponse, receipt: &Receipt) -> Found {
    let (status_label, status_explain) = match stored.status {
        ResponseStatus::Pending => (
            "responses.manage.status.pending",
            "responses.manage.status.pending_explain",
        ),
        ResponseStatus::Approved => (
            "responses.manage.status.approved",
            "responses.manage.status.approved_explain",
        ),
        ResponseStatus::Rejected => (
            "responses.manage.status.rejected",
            "responses.manage.status.rejected_explain",
        ),
    };
    let public_href = (stored.status == ResponseStatus::Approved).then(|| {
        let page = match &stored.target {
            ResponseTarget::Story(case) => format!("/stories/{case}"),
            ResponseTarget::Campaign(slug) => format!("/campaign/{slug}"),
        };
        format!("{}#response-{}", ui.href(&page), stored.id)
    });
    Found {
        receipt: receipt.words(),
        kind_label: kind_label(ui.tr, stored.kind),
        status_label: ui.t(status_label),
        status_explain: ui.t(status_explain),
        public_href,
        editable: stored.kind != ResponseKind::Creative,
    }
}

/// What this page says when a receipt step is refused before the look-up.
const REFUSALS: RefusalKeys = RefusalKeys {
    throttled: "responses.manage.error.throttled",
    form_expired: "responses.manage.error.form_expired",
    format: "responses.manage.error.receipt_format",
};

async fn step(
    state: &AppState,
    lang: Lang,
    network: crate::abuse::NetworkKey,
    form: &ManageForm,
) -> Result<Response, AppError> {
    let now = Instant::now();
    let mut p = page(state, lang)?;
    p.typed = form.receipt.clone();
    let runtime = state.intake();
    let fail = |mut p: ManagePage, key: &str, status: StatusCode| -> Result<Response, AppError> {
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
    let hash = receipt_hash_of(state, &receipt)
        .await
        .map_err(|e| response_error(e.into()))?;
    let Some(stored) = state.store().response_by_receipt(&hash).await? else {
        return fail(p, "responses.manage.error.not_found", StatusCode::NOT_FOUND);
    };
    p.typed.clear();
    let mut status = StatusCode::OK;
    let mut shown = Some(stored.clone());
    match form.action.as_str() {
        "edit" if stored.kind != ResponseKind::Creative => {
            match check_words(Some(stored.kind), &form.text, &form.pseudonym, stored.lang) {
                Ok(body) => {
                    // This page asks for no proof of work: during a flood a change is taken
                    // and flagged, like a response sent without JavaScript.
                    let flagged = runtime.flood();
                    let done = edit_by_receipt(state, &receipt, &body, None, flagged)
                        .await
                        .map_err(response_error)?;
                    p.notice = Some(
                        p.ui.t(match done {
                            ByReceipt::WasPublic => "responses.manage.edited_was_public",
                            _ => "responses.manage.edited",
                        })
                        .to_owned(),
                    );
                    shown = state.store().response_by_receipt(&hash).await?;
                }
                Err(errors) => {
                    p.text = form.text.clone();
                    p.pseudonym = form.pseudonym.clone();
                    p.field_errors = errors
                        .iter()
                        .map(|(f, key)| (*f, p.ui.t(key).to_owned()))
                        .collect();
                    status = StatusCode::UNPROCESSABLE_ENTITY;
                }
            }
        }
        "delete" => {
            if form.confirm.is_none() {
                p.error = Some(p.ui.t("responses.manage.error.confirm_delete").to_owned());
                status = StatusCode::UNPROCESSABLE_ENTITY;
            } else {
                delete_by_receipt(state, &receipt)
                    .await
                    .map_err(response_error)?;
                p.notice = Some(p.ui.t("responses.manage.deleted").to_owned());
                shown = None;
            }
        }
        _ => {}
    }
    p.found = shown.as_ref().map(|s| found(&p.ui, s, &receipt));
    let mut res = render(&p)?;
    *res.status_mut() = status;
    Ok(res)
}
