//! `POST /admin/submissions/{id}/conversation/proposal`: sends the reporter the case the
//! saved review draft would publish, for her approval.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::text::ReplyText;

use super::{Form, href, open, render_page};
use crate::moderation::{self, DecisionError, Moderator};
use crate::state::AppState;
use crate::storage::{ConversationStore, ReviewStore};
use crate::web::admin::review::{self, page::problem_text};
use crate::web::admin::session::Staff;
use crate::web::error::AppError;

/// Sends the proposal and goes back to the page; a refused one re-renders it with the
/// reasons (the draft's problems as publishing would name them) and the note kept.
pub async fn send(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (opened, report) = open(&state, &staff, &id).await?;
    let sid = opened.sealed.envelope.id;
    let note = form_urlencoded::parse(&body)
        .find(|(k, _)| k == "note")
        .map(|(_, v)| v.replace("\r\n", "\n"))
        .unwrap_or_default();
    let ui = crate::web::admin::AdminUi::new(&staff, "/admin/inbox", href(sid));
    let refuse = |errors: Vec<String>| Form {
        note: note.clone(),
        proposal_errors: errors,
        ..Form::default()
    };
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    let Some(her) = state.store().reply_key(sid).await? else {
        let form = refuse(vec![ui.t("admin.conversation.error.no_key").to_owned()]);
        return render_page(&state, &staff, &opened, &report, form, status).await;
    };
    let note_text = match note.trim() {
        "" => None,
        words => match ReplyText::parse(words) {
            Ok(t) => Some(t.as_str().to_owned()),
            Err(_) => {
                let form = refuse(vec![ui.t("admin.conversation.error.note").to_owned()]);
                return render_page(&state, &staff, &opened, &report, form, status).await;
            }
        },
    };
    let store = state.store();
    let case = store.case_for_submission(sid).await?;
    let Some(sealed_draft) = store.review_draft(sid).await? else {
        let form = refuse(vec![ui.t("admin.conversation.error.no_draft").to_owned()]);
        return render_page(&state, &staff, &opened, &report, form, status).await;
    };
    let key = staff.key()?;
    let draft = moderation::ReviewDraft::open(&key.secret, &sealed_draft)
        .map_err(|e| AppError::Internal(e.context("opening a review draft")))?;
    let by = Moderator {
        id: staff.user.id,
        key: &key.public,
    };
    let on = moderation::Opened {
        sealed: &opened.sealed,
        report: &report,
        case: case.as_ref(),
        saved: Some(&draft),
        request: None,
    };
    let desk = review::desk(&state);
    match moderation::conversation::send_proposal(desk, by, on, &draft, &her.recipient, note_text)
        .await
    {
        Ok(_round) => {}
        Err(DecisionError::Refused(problems)) => {
            let errors = problems.iter().map(|p| problem_text(&ui, p)).collect();
            return render_page(&state, &staff, &opened, &report, refuse(errors), status).await;
        }
        Err(DecisionError::Storage(e)) => return Err(e.into()),
        Err(DecisionError::Sealing(e)) => return Err(AppError::Internal(e)),
    }
    let sent = super::notify(&state, &staff, sid).await;
    let to = format!("{}?done=proposal&sent={sent}", href(sid));
    Ok(Redirect::to(&to).into_response())
}
