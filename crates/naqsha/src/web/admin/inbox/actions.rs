//! The inbox's forms: the bulk actions (`POST /admin/inbox/bulk`) and the row forms
//! `POST /admin/submissions/{id}/assign` and `…/duplicate`. Each change is audited (without
//! content) and the browser goes back to the inbox page it came from, with its filters.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::ids::{SubmissionId, UserId};
use naqsha_core::submission::SubmissionStatus;
use naqsha_core::user::Permission;
use serde::Deserialize;

use super::filters::safe_back;
use super::require_work_on;
use crate::state::AppState;
use crate::storage::{AuditStore, InboxRow, ModerationStore, UserStore};
use crate::web::admin::session::Staff;
use crate::web::error::AppError;

/// The assignment form.
#[derive(Debug, Deserialize)]
pub struct AssignForm {
    /// The staff member's id, or empty for nobody.
    #[serde(default)]
    to: String,
    /// The inbox page to go back to.
    #[serde(default)]
    back: String,
}

/// The duplicate form.
#[derive(Debug, Deserialize)]
pub struct DuplicateForm {
    /// The submission this one repeats, or empty to unlink.
    #[serde(default)]
    of: String,
    /// The inbox page to go back to.
    #[serde(default)]
    back: String,
}

async fn live_row(state: &AppState, id: &str) -> Result<InboxRow, AppError> {
    let id: SubmissionId = id.parse().map_err(|_| AppError::NotFound)?;
    let row = state
        .store()
        .inbox_row(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.envelope.status == SubmissionStatus::Withdrawn {
        return Err(AppError::BadRequest {
            key: "admin.inbox.error.withdrawn",
        });
    }
    Ok(row)
}

async fn audit(
    state: &AppState,
    staff: &Staff,
    id: SubmissionId,
    detail: String,
) -> Result<(), AppError> {
    state
        .store()
        .append_audit(
            &AuditEvent::now(Some(staff.user.id), AuditAction::StatusChange)
                .subject(id)
                .detail(detail),
        )
        .await?;
    Ok(())
}

fn back_to(back: &str) -> Response {
    Redirect::to(&safe_back(back)).into_response()
}

/// `POST /admin/submissions/{id}/assign`: take, release or (coordinators) assign.
pub async fn assign(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<AssignForm>,
) -> Result<Response, AppError> {
    let row = live_row(&state, &id).await?;
    let to = match form.to.trim() {
        "" => None,
        t => Some(t.parse::<UserId>().map_err(|_| AppError::BadRequest {
            key: "admin.inbox.error.assignee",
        })?),
    };
    let me = staff.user.id;
    match to {
        // releasing: one's own, or anyone's with Assign
        None => require_work_on(&staff, &row)?,
        // taking: nobody's (or already one's own), or anyone's with Assign
        Some(u) if u == me => require_work_on(&staff, &row)?,
        Some(_) => staff.require(Permission::Assign)?,
    }
    let assignee = match to {
        Some(u) => {
            let user = state
                .store()
                .user(u)
                .await?
                .filter(|x| !x.disabled && x.role.can(Permission::Moderate))
                .ok_or(AppError::BadRequest {
                    key: "admin.inbox.error.assignee",
                })?;
            Some(user.username.as_str().to_owned())
        }
        None => None,
    };
    if row.assigned_to != to {
        state.store().assign(row.envelope.id, to).await?;
        let detail = match assignee {
            Some(name) => format!("assigned to {name}"),
            None => "unassigned".to_owned(),
        };
        audit(&state, &staff, row.envelope.id, detail).await?;
    }
    Ok(back_to(&form.back))
}

/// `POST /admin/submissions/{id}/duplicate`: links the submission to the one it repeats
/// (which archives it, so the case is counted once), or unlinks it.
pub async fn duplicate(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<DuplicateForm>,
) -> Result<Response, AppError> {
    let row = live_row(&state, &id).await?;
    require_work_on(&staff, &row)?;
    let bad = || AppError::BadRequest {
        key: "admin.inbox.error.duplicate",
    };
    let of = match form.of.trim() {
        "" => None,
        t => {
            let of: SubmissionId = t.parse().map_err(|_| bad())?;
            let target = state.store().inbox_row(of).await?.ok_or_else(bad)?;
            // a submission cannot repeat itself, and two cannot repeat each other
            if of == row.envelope.id || target.duplicate_of == Some(row.envelope.id) {
                return Err(bad());
            }
            Some(of)
        }
    };
    if row.duplicate_of != of {
        let id = row.envelope.id;
        state.store().mark_duplicate(id, of).await?;
        let after = state
            .store()
            .inbox_row(id)
            .await?
            .map_or(row.envelope.status, |r| r.envelope.status);
        let detail = match of {
            Some(of) => format!(
                "duplicate of {of}; {} -> {}",
                row.envelope.status.as_str(),
                after.as_str()
            ),
            None => "duplicate link removed".to_owned(),
        };
        audit(&state, &staff, id, detail).await?;
    }
    Ok(back_to(&form.back))
}

/// `POST /admin/inbox/bulk`: one action on every ticked report (`id`, repeated), in one
/// transaction ([`crate::moderation::bulk`]). Back to the inbox page it came from, which
/// says how many reports it reached; a refusal shows that page again with the message, the
/// ticks and the form as they were.
pub async fn bulk(
    State(state): State<AppState>,
    staff: Staff,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    use super::page::{Bulk, Choice, Extra, Notice};
    use crate::moderation::bulk::{self, Actor, ArchiveReason, BulkAction, BulkError};

    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.trim())
    };
    let back = safe_back(field("back"));
    let ticked: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "id")
        .map(|(_, v)| v.trim().to_owned())
        .collect();
    let ids: Vec<SubmissionId> = ticked.iter().filter_map(|t| t.parse().ok()).collect();
    let chosen = |value: &str| {
        vec![Choice {
            value: value.to_owned(),
            label: String::new(),
            selected: true,
        }]
    };
    let kept = Bulk {
        action: field("action").to_owned(),
        reasons: chosen(field("reason")),
        note: field("note").chars().take(200).collect(),
        of: field("of").chars().take(64).collect(),
        assignees: chosen(field("to")),
        checked: ticked.iter().cloned().collect(),
    };
    let refuse = |key: &'static str, kept: Bulk| {
        let state = state.clone();
        let staff = staff.clone();
        let back = back.clone();
        async move {
            let ui = crate::web::admin::AdminUi::new(&staff, "/admin/inbox", String::new());
            let extra = Extra {
                notice: Some(Notice {
                    text: ui.t(key).to_owned(),
                    error: true,
                }),
                bulk: Some(kept),
            };
            super::page::page(
                &state,
                &staff,
                &super::filters::InboxQuery::of_address(&back),
                extra,
            )
            .await
        }
    };
    if ids.is_empty() {
        return refuse("admin.inbox.bulk.error.nothing", kept).await;
    }
    let action = match field("action") {
        "archive" => match ArchiveReason::parse(field("reason")) {
            Some(reason) => BulkAction::Archive(reason),
            None => return refuse("admin.inbox.bulk.error.action", kept).await,
        },
        "duplicate" => {
            let typed = field("of");
            let of = match typed.parse::<SubmissionId>() {
                Ok(id) => Some(id),
                Err(_) => state.store().submission_by_prefix(typed).await?,
            };
            match of {
                Some(of) => BulkAction::DuplicateOf(of),
                None => return refuse("admin.inbox.bulk.error.target", kept).await,
            }
        }
        "assign" => match field("to") {
            "" => BulkAction::Assign(None),
            to => match to.parse::<UserId>() {
                Ok(u) => BulkAction::Assign(Some(u)),
                Err(_) => return refuse("admin.inbox.bulk.error.assignee", kept).await,
            },
        },
        "urgent" => BulkAction::Urgent,
        "not_urgent" => BulkAction::NotUrgent,
        _ => return refuse("admin.inbox.bulk.error.action", kept).await,
    };
    let actor = Actor {
        id: staff.user.id,
        coordinates: staff.can(Permission::Assign),
    };
    match bulk::apply(state.store(), actor, &ids, action, field("note")).await {
        Ok(done) => Ok(Redirect::to(&super::filters::with_outcome(
            &back,
            field("action"),
            done.reached.len(),
            done.chosen,
        ))
        .into_response()),
        Err(BulkError::NothingChosen) => refuse("admin.inbox.bulk.error.nothing", kept).await,
        Err(BulkError::TooMany) => refuse("admin.inbox.bulk.error.too_many", kept).await,
        Err(BulkError::DuplicateTarget) => refuse("admin.inbox.bulk.error.target", kept).await,
        Err(BulkError::Assignee) => refuse("admin.inbox.bulk.error.assignee", kept).await,
        Err(BulkError::Storage(e)) => Err(e.into()),
    }
}
