//! The review form's actions (save, publish, statistics only, archive, reject) and notes.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::ids::AdditionId;
use naqsha_core::sealing::{self, Zeroizing};
use naqsha_core::user::Permission;

use super::form::{self, Action, Problem};
use super::page::Messages;
use super::{Opened, View, desk, open, render_page, saved_draft};
use crate::moderation::{self, DecisionError, Moderator, ReviewDraft};
use crate::state::AppState;
use crate::storage::{IntakeStore, ModerationStore, NewAddition, ReviewStore};
use crate::web::admin::inbox::{Viewer, next_report, safe_back};
use crate::web::admin::session::Staff;
use crate::web::error::AppError;

/// The longest internal note, in characters.
pub const MAX_NOTE_CHARS: usize = 10_000;

async fn refuse(
    state: &AppState,
    staff: &Staff,
    opened: &Opened,
    draft: ReviewDraft,
    problems: Vec<Problem>,
    (from, then_next): (Option<String>, bool),
) -> Result<Response, AppError> {
    let view = View {
        draft: Some(draft),
        messages: Messages {
            problems,
            ..Messages::default()
        },
        contact: false,
        reveal: None,
        from,
        then_next,
        status: StatusCode::UNPROCESSABLE_ENTITY,
    };
    render_page(state, staff, opened, view).await
}

/// `POST /admin/submissions/{id}`: the button named by `action`.
pub async fn act(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let opened = open(&state, &staff, &id).await?;
    let Some(report) = &opened.report else {
        return Err(AppError::BadRequest {
            key: "admin.review.withdrawn",
        });
    };
    let sid = opened.sealed.envelope.id;
    let store = state.store();
    let case = store.case_for_submission(sid).await?;
    let (saved, had_draft) = saved_draft(&state, &staff, &opened, report, case.as_ref()).await?;
    let posted = form::parse(&body, &saved, report, state.taxonomy());
    // The inbox list she works through, and whether to open its next report afterwards.
    let field = |name: &str| {
        form_urlencoded::parse(&body)
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    let from = field("from").map(|f| safe_back(&f));
    let then_next = field("then").as_deref() == Some("next");
    if !posted.problems.is_empty() {
        return refuse(
            &state,
            &staff,
            &opened,
            posted.draft,
            posted.problems,
            (from, then_next),
        )
        .await;
    }
    let draft = posted.draft;
    let key = staff.key()?;
    let by = Moderator {
        id: staff.user.id,
        key: &key.public,
    };
    let request = store.publish_request(sid).await?;
    let on = moderation::Opened {
        sealed: &opened.sealed,
        report,
        case: case.as_ref(),
        saved: had_draft.then_some(&saved),
        request,
    };
    let action = posted.action;
    let requested =
        match moderation::decide(desk(&state), by, on, &draft, action, posted.stripped).await {
            Ok(decided) => decided.requested,
            Err(DecisionError::Refused(problems)) => {
                return refuse(&state, &staff, &opened, draft, problems, (from, then_next)).await;
            }
            Err(DecisionError::Storage(e)) => return Err(e.into()),
            Err(DecisionError::Sealing(e)) => return Err(AppError::Internal(e)),
        };
    state.public().invalidate();
    let done = match action {
        Action::Save => "saved",
        Action::Publish if requested => "requested",
        Action::Publish => "published",
        Action::Statistics => "statistics",
        Action::Archive => "archived",
        Action::Reject => "rejected",
    };
    if let Some(from) = from.filter(|_| then_next) {
        let viewer = Viewer {
            user: staff.user.id,
            coordinates: staff.can(Permission::Assign),
        };
        let (taxonomy, gazetteer) = (state.taxonomy(), state.gazetteer());
        let next = next_report(store, viewer, taxonomy, gazetteer, &from, sid).await?;
        let Some(next) = next else {
            // Nothing left in the list: back to it.
            return Ok(Redirect::to(&from).into_response());
        };
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("done", done);
        q.append_pair("from", &from);
        q.append_pair("then", "next");
        let to = format!("/admin/submissions/{next}?{}", q.finish());
        return Ok(Redirect::to(&to).into_response());
    }
    Ok(Redirect::to(&format!("/admin/submissions/{sid}?done={done}")).into_response())
}

/// `POST /admin/submissions/{id}/notes`: adds a sealed internal note.
pub async fn add_note(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let opened = open(&state, &staff, &id).await?;
    if opened.report.is_none() {
        return Err(AppError::BadRequest {
            key: "admin.review.withdrawn",
        });
    }
    let text = form_urlencoded::parse(&body)
        .find(|(k, _)| k == "text")
        .map(|(_, v)| Zeroizing::new(v.replace("\r\n", "\n").trim().to_owned()))
        .unwrap_or_default();
    let problem = if text.is_empty() {
        Some("admin.review.notes.empty")
    } else if text.chars().count() > MAX_NOTE_CHARS {
        Some("admin.review.notes.too_long")
    } else {
        None
    };
    if let Some(key) = problem {
        let view = View {
            draft: None,
            messages: Messages {
                note: text.to_string(),
                note_error: Some(key),
                ..Messages::default()
            },
            contact: false,
            reveal: None,
            from: None,
            then_next: false,
            status: StatusCode::UNPROCESSABLE_ENTITY,
        };
        return render_page(&state, &staff, &opened, view).await;
    }
    let sid = opened.sealed.envelope.id;
    state
        .store()
        .add_to_submission(&NewAddition {
            id: AdditionId::random(),
            submission: sid,
            kind: "note",
            author: Some(staff.user.id),
            sealed: sealing::seal(&staff.key()?.public, text.as_bytes()),
            sms_message: None,
        })
        .await?;
    Ok(Redirect::to(&format!("/admin/submissions/{sid}?done=note#notes")).into_response())
}

/// `POST /admin/submissions/{id}/urgency`: flags the report urgent (`urgent=1`) or clears
/// the flag — a bulk action of one ([`crate::moderation::bulk`]): audited, for new and
/// in-review reports, hers or nobody's (anyone's for coordinators). Back to the report.
pub async fn urgency(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    use crate::moderation::bulk::{self, Actor, BulkAction, BulkError};
    use crate::storage::ModerationStore;

    let sid = super::parse_id(&id)?;
    let row = state
        .store()
        .inbox_row(sid)
        .await?
        .ok_or(AppError::NotFound)?;
    if !crate::web::admin::inbox::may_work_on(&staff, &row) {
        return Err(AppError::Forbidden {
            key: "admin.inbox.error.not_yours",
        });
    }
    let set = form_urlencoded::parse(&body).any(|(k, v)| k == "urgent" && v == "1");
    let action = if set {
        BulkAction::Urgent
    } else {
        BulkAction::NotUrgent
    };
    let actor = Actor {
        id: staff.user.id,
        coordinates: staff.can(Permission::Assign),
    };
    match bulk::apply(state.store(), actor, &[sid], action, "").await {
        Ok(_) => Ok(Redirect::to(&format!("/admin/submissions/{sid}")).into_response()),
        Err(BulkError::Storage(e)) => Err(e.into()),
        Err(_) => Err(AppError::BadRequest {
            key: "admin.inbox.bulk.error.action",
        }),
    }
}

/// `POST /admin/submissions/{id}/hide-text`: the moderator's own setting — keep every
/// report's words behind one click (`hide=1`) or show them at once — and back to the report.
pub async fn hide_text(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    use crate::storage::StaffStore;

    let sid = super::parse_id(&id)?;
    let hide = form_urlencoded::parse(&body).any(|(k, v)| k == "hide" && v == "1");
    state
        .store()
        .set_hides_report_text(staff.user.id, hide)
        .await?;
    Ok(Redirect::to(&format!("/admin/submissions/{sid}")).into_response())
}
