//! The queue's forms: `POST /admin/responses/bulk` (approve or reject the ticked responses,
//! or a whole group) and `POST /admin/responses/reject-flagged` (every flagged one waiting).
//! Each is one decision of [`crate::moderation::responses`]; the browser goes back to the
//! queue with its filters and a summary ("312 rejected, 2 already decided by someone else").

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::ids::ResponseId;

use super::Filters;
use super::queue::{Notice, page};
use crate::moderation::responses::{self, DecisionError};
use crate::state::AppState;
use crate::web::admin::AdminUi;
use crate::web::admin::session::Staff;
use crate::web::error::AppError;

fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.trim())
}

fn filters_of(pairs: &[(String, String)]) -> Filters {
    Filters {
        flagged: field(pairs, "flagged").to_owned(),
        kind: field(pairs, "kind").to_owned(),
        page: field(pairs, "page").to_owned(),
    }
}

fn failed(e: DecisionError) -> AppError {
    match e {
        DecisionError::Storage(e) => e.into(),
        other => AppError::Internal(anyhow::Error::new(other).context("a response decision")),
    }
}

/// `POST /admin/responses/bulk`: `action` approve or reject, on every `id` sent (the ticked
/// boxes, or a group's hidden ids). Nothing chosen shows the queue again with the message.
pub async fn bulk(
    State(state): State<AppState>,
    staff: Staff,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let filters = filters_of(&pairs);
    let ticked: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "id")
        .map(|(_, v)| v.trim().to_owned())
        .collect();
    let ids: Vec<ResponseId> = ticked.iter().filter_map(|t| t.parse().ok()).collect();
    let refuse = |key: &'static str| {
        let state = state.clone();
        let staff = staff.clone();
        let filters = filters.clone();
        let ticked = ticked.clone();
        async move {
            let ui = AdminUi::new(&staff, super::QUEUE_PATH, String::new());
            let notice = Notice {
                text: ui.t(key).to_owned(),
                error: true,
            };
            page(&state, &staff, filters, Some(notice), &ticked).await
        }
    };
    let outcome = match field(&pairs, "action") {
        "approve" => {
            let key = staff.key()?;
            responses::approve(state.store(), &key.secret, staff.user.id, &ids).await
        }
        "reject" => responses::reject(state.store(), staff.user.id, &ids).await,
        _ => return refuse("admin.responses.error.action").await,
    };
    match outcome {
        Ok(done) => Ok(Redirect::to(&filters.after(done)).into_response()),
        Err(DecisionError::NothingChosen) => refuse("admin.responses.error.nothing").await,
        Err(DecisionError::TooMany) => refuse("admin.responses.error.too_many").await,
        Err(e) => Err(failed(e)),
    }
}

/// `POST /admin/responses/reject-flagged`: rejects every flagged response still waiting,
/// on every page.
pub async fn reject_flagged(
    State(state): State<AppState>,
    staff: Staff,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let filters = filters_of(&pairs);
    let done = responses::reject_flagged(state.store(), staff.user.id)
        .await
        .map_err(failed)?;
    Ok(Redirect::to(&filters.after(done)).into_response())
}
