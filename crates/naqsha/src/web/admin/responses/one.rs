//! `/admin/responses/{id}`: one response alone, with the engine's suggestions listed. The
//! moderator may edit its text and pseudonym (remove a name, a number) and approve it, or
//! reject it. This is the only way a response with personal-data suggestions is approved.
//! A bad edit shows the page again with the message beside the field and what she typed.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::ids::ResponseId;
use naqsha_core::redaction::Kind;
use naqsha_core::response::{ResponseKind, ResponseStatus};
use naqsha_core::text::{Pseudonym, ResponseText, TextError};
use serde::Deserialize;

use super::queue::{Item, item};
use super::{Filters, QUEUE_PATH};
use crate::moderation::responses::{self, ApproveOneError, DecisionError, Edit, open_body};
use crate::state::AppState;
use crate::storage::{ResponseStore, StoredResponse};
use crate::web::admin::AdminUi;
use crate::web::admin::review::page::{RawPiece, raw_pieces};
use crate::web::admin::session::Staff;
use crate::web::error::AppError;
use crate::web::pages::render;

/// One suggestion, listed under the text.
pub struct Suggestion {
    /// What kind of personal data.
    pub kind: Kind,
    /// The words it covers.
    pub text: String,
}

#[derive(Template)]
#[template(path = "admin/response.html")]
struct OnePage {
    ui: AdminUi,
    /// The response as the queue shows it.
    item: Item,
    /// The suggestions, in order.
    suggestions: Vec<Suggestion>,
    /// The text in the edit field.
    text: String,
    /// The pseudonym in the edit field.
    pseudonym: String,
    /// Whether the text may be emptied (creative responses).
    text_optional: bool,
    /// The message beside the text field.
    text_error: Option<&'static str>,
    /// The message beside the pseudonym field.
    pseudonym_error: Option<&'static str>,
}

impl OnePage {
    /// Raw text in pieces, hidden characters as markers.
    pub fn pieces<'t>(&self, text: &'t str) -> Vec<RawPiece<'t>> {
        raw_pieces(text)
    }

    /// A kind of personal data, translated.
    pub fn kind_label(&self, k: &Kind) -> &'static str {
        self.ui.t(crate::web::admin::review::labels::kind(*k))
    }
}

/// The decision form.
#[derive(Debug, Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    pseudonym: String,
}

fn status_key(status: ResponseStatus) -> &'static str {
    match status {
        ResponseStatus::Pending => "admin.responses.status.pending",
        ResponseStatus::Approved => "admin.responses.status.approved",
        ResponseStatus::Rejected => "admin.responses.status.rejected",
    }
}

async fn find(state: &AppState, id: &str) -> Result<StoredResponse, AppError> {
    let id: ResponseId = id.parse().map_err(|_| AppError::NotFound)?;
    state.store().response(id).await?.ok_or(AppError::NotFound)
}

fn opening_failed(e: DecisionError) -> AppError {
    match e {
        DecisionError::Storage(e) => e.into(),
        other => AppError::Internal(anyhow::Error::new(other).context("opening a response")),
    }
}

/// What she typed, kept when the page is shown again.
struct Typed {
    text: String,
    pseudonym: String,
    text_error: Option<&'static str>,
    pseudonym_error: Option<&'static str>,
}

async fn one_page(
    state: &AppState,
    staff: &Staff,
    stored: &StoredResponse,
    typed: Option<Typed>,
) -> Result<Response, AppError> {
    let key = staff.key()?;
    let here = format!("{QUEUE_PATH}/{}", stored.id);
    let ui = AdminUi::new(staff, QUEUE_PATH, here);
    let body = if stored.status == ResponseStatus::Pending {
        open_body(&key.secret, stored).map_err(opening_failed)?
    } else {
        None
    };
    let Some(body) = body else {
        // Decided: what it was is public (approved) or deleted (rejected); only the fact shows.
        let page = Decided {
            status: ui.t(status_key(stored.status)),
            ui,
        };
        return render(&page);
    };
    let readable = body.readable();
    let chars: Vec<char> = readable.chars().collect();
    let suggestions = responses::suggestions(&body)
        .into_iter()
        .map(|s| Suggestion {
            kind: s.kind,
            text: chars[s.start.min(chars.len())..s.end.min(chars.len())]
                .iter()
                .collect(),
        })
        .collect();
    let mut titles = HashMap::new();
    let item = item(state, &ui, stored, &body, &mut titles, &[]).await?;
    let had_error = typed
        .as_ref()
        .is_some_and(|t| t.text_error.is_some() || t.pseudonym_error.is_some());
    let typed = typed.unwrap_or_else(|| Typed {
        text: body
            .text
            .as_ref()
            .map_or_else(String::new, |t| t.as_str().to_owned()),
        pseudonym: body
            .pseudonym
            .as_ref()
            .map_or_else(String::new, |p| p.as_str().to_owned()),
        text_error: None,
        pseudonym_error: None,
    });
    let page = OnePage {
        item,
        suggestions,
        text: typed.text,
        pseudonym: typed.pseudonym,
        text_optional: body.kind == ResponseKind::Creative,
        text_error: typed.text_error,
        pseudonym_error: typed.pseudonym_error,
        ui,
    };
    let mut response = render(&page)?;
    if had_error {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

#[derive(Template)]
#[template(path = "admin/response_decided.html")]
struct Decided {
    ui: AdminUi,
    status: &'static str,
}

/// `GET /admin/responses/{id}`.
pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let stored = find(&state, &id).await?;
    one_page(&state, &staff, &stored, None).await
}

fn text_error(e: &TextError) -> &'static str {
    match e {
        TextError::TooLong { .. } => "admin.responses.error.too_long",
        _ => "admin.responses.error.text",
    }
}

/// `POST /admin/responses/{id}`: `action` approve (with the edited text and pseudonym) or
/// reject. Back to the queue, which says what happened.
pub async fn decide(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<DecideForm>,
) -> Result<Response, AppError> {
    let stored = find(&state, &id).await?;
    let back = |outcome| Redirect::to(&Filters::default().after(outcome)).into_response();
    match form.action.as_str() {
        "reject" => {
            let done = responses::reject(state.store(), staff.user.id, &[stored.id])
                .await
                .map_err(opening_failed)?;
            Ok(back(done))
        }
        "approve" => {
            let key = staff.key()?;
            let mut typed = Typed {
                text: form.text.clone(),
                pseudonym: form.pseudonym.clone(),
                text_error: None,
                pseudonym_error: None,
            };
            let text = match form.text.trim() {
                "" => None,
                t => match ResponseText::parse(t) {
                    Ok(t) => Some(t),
                    Err(e) => {
                        typed.text_error = Some(text_error(&e));
                        None
                    }
                },
            };
            let pseudonym = match form.pseudonym.trim() {
                "" => None,
                p => match Pseudonym::parse(p) {
                    Ok(p) => Some(p),
                    Err(e) => {
                        typed.pseudonym_error = Some(match e {
                            TextError::TooLong { .. } => "admin.responses.error.pseudonym_long",
                            _ => "admin.responses.error.pseudonym",
                        });
                        None
                    }
                },
            };
            if typed.text_error.is_some() || typed.pseudonym_error.is_some() {
                return one_page(&state, &staff, &stored, Some(typed)).await;
            }
            let edit = Edit { text, pseudonym };
            match responses::approve_one(state.store(), &key.secret, staff.user.id, stored.id, edit)
                .await
            {
                Ok(done) => Ok(back(done)),
                Err(ApproveOneError::NotWhole) => {
                    typed.text_error = Some("admin.responses.error.text_needed");
                    one_page(&state, &staff, &stored, Some(typed)).await
                }
                Err(ApproveOneError::Decision(e)) => Err(opening_failed(e)),
            }
        }
        _ => Err(AppError::BadRequest {
            key: "admin.responses.error.action",
        }),
    }
}
