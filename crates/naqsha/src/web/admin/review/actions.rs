//! The review form's actions (save, publish, statistics only, archive, reject) and notes.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::audit::AuditAction;
use naqsha_core::case::CaseStatus;
use naqsha_core::ids::AdditionId;
use naqsha_core::sealing::{self, Zeroizing};
use naqsha_core::submission::SubmissionStatus;
use time::OffsetDateTime;

use super::draft::ReviewDraft;
use super::form::{self, Action, Problem};
use super::page::Messages;
use super::publish::{self, CaseBase, Stories};
use super::{Opened, View, audit, open, place_choice, render_page, saved_draft};
use crate::state::AppState;
use crate::storage::{IntakeStore, ModerationStore, NewAddition, ReviewStore};
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
) -> Result<Response, AppError> {
    let view = View {
        draft: Some(draft),
        messages: Messages {
            problems,
            ..Messages::default()
        },
        contact: false,
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
    if !posted.problems.is_empty() {
        return refuse(&state, &staff, &opened, posted.draft, posted.problems).await;
    }
    let draft = posted.draft;
    if posted.action == Action::Publish && posted.stripped {
        // The moderator saw the wording with the hidden characters laid out; show it as it
        // would be published before it is.
        let problems = vec![Problem::new("admin.review.error.hidden_removed")];
        return refuse(&state, &staff, &opened, draft, problems).await;
    }
    let consent = opened.sealed.envelope.consent;
    let place = place_choice(&state, report, &draft, case.as_ref()).await?;
    let (status, stories) = match posted.action {
        Action::Save => (CaseStatus::InReview, Stories::default()),
        Action::Publish => match publish::check_publish(&draft, report, consent, &place) {
            Ok(stories) => (CaseStatus::Published, stories),
            Err(problems) => return refuse(&state, &staff, &opened, draft, problems).await,
        },
        Action::Statistics => {
            let problems = publish::check_statistics(&draft, consent, &place);
            if !problems.is_empty() {
                return refuse(&state, &staff, &opened, draft, problems).await;
            }
            (CaseStatus::StatisticsOnly, Stories::default())
        }
        Action::Archive => (CaseStatus::Archived, Stories::default()),
        Action::Reject => (CaseStatus::Rejected, Stories::default()),
    };

    let key = staff.key()?;
    let sealed = draft
        .seal(&key.public)
        .map_err(|e| AppError::Internal(e.context("sealing a review draft")))?;
    store.save_review_draft(sid, staff.user.id, &sealed).await?;
    if !had_draft || saved.plan != draft.plan {
        audit(
            &state,
            &staff,
            AuditAction::RedactionDecision,
            sid,
            form::decision_summary(&draft.plan),
        )
        .await?;
    }
    let base = CaseBase {
        existing: case.as_ref(),
        submission: sid,
        consent,
        taxonomy_version: state.taxonomy().version().as_str().to_owned(),
    };
    let now = OffsetDateTime::now_utc();
    let new_case = publish::case_from(&draft, &base, &place, status, stories, now);
    store.save_case(&new_case).await?;
    state.public().invalidate();
    let unpublished = case
        .as_ref()
        .is_some_and(|c| c.status == CaseStatus::Published && status != CaseStatus::Published);
    if unpublished {
        // The story's text is gone from the table; make it gone from the write-ahead log
        // too before the moderator hears it was unpublished.
        store.checkpoint().await?;
    }
    let kinds: Vec<String> = draft.labels.terms("kind").map(|t| t.to_string()).collect();
    store.set_submission_kinds(sid, &kinds).await?;
    let submission_status = match status {
        CaseStatus::InReview => SubmissionStatus::InReview,
        CaseStatus::Published => SubmissionStatus::Published,
        CaseStatus::StatisticsOnly => SubmissionStatus::StatisticsOnly,
        CaseStatus::Archived => SubmissionStatus::Archived,
        CaseStatus::Rejected => SubmissionStatus::Rejected,
    };
    store.set_submission_status(sid, submission_status).await?;
    let before = case
        .as_ref()
        .map_or(opened.sealed.envelope.status.as_str(), |c| {
            c.status.as_str()
        });
    if before != status.as_str() {
        let change = format!("{before} -> {}", status.as_str());
        audit(&state, &staff, AuditAction::StatusChange, sid, change).await?;
    }
    if status == CaseStatus::Published {
        audit(
            &state,
            &staff,
            AuditAction::Publish,
            sid,
            format!("case {}", new_case.id),
        )
        .await?;
    }
    let done = match status {
        CaseStatus::InReview => "saved",
        CaseStatus::Published => "published",
        CaseStatus::StatisticsOnly => "statistics",
        CaseStatus::Archived => "archived",
        CaseStatus::Rejected => "rejected",
    };
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
