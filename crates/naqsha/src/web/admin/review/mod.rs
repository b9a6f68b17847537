//! The review screen, `/admin/submissions/{id}`: the raw report with the engine's
//! suggestions, the public wording and coding beside it, internal notes and evidence.
//!
//! Every view of raw text is audited (`view_raw`), every redaction change
//! (`redaction_decision`, counts only) and status change. A moderator works on reports
//! assigned to them or to nobody; someone else's needs [`Permission::Assign`].

mod actions;
mod evidence;
pub mod form;
pub mod labels;
pub mod news;
pub mod page;
pub mod segments;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::case::Case;
use naqsha_core::ids::{AttachmentId, SubmissionId};
use naqsha_core::sealing;
use naqsha_core::submission::{ContactDetails, SealedReport, SubmissionStatus};
use naqsha_core::user::Permission;
use serde::Deserialize;

use super::super::error::AppError;
use super::super::pages::render;
use super::inbox::safe_back;
use super::session::Staff;
use super::{AdminUi, Route};
use crate::intake::not_kept::{self, NotKept};
use crate::moderation::{self, PlaceChoice, ReviewDraft};
use crate::state::AppState;
use crate::storage::{
    AuditStore, ConversationStore, ModerationStore, ReviewStore, SealedSubmission, StaffStore,
    StoredAddition, UserStore,
};
use page::{Context, Entry, Messages};

/// The routes of the review screen.
pub fn routes() -> Vec<Route> {
    vec![
        Route::needs(
            "/admin/submissions/{id}",
            Permission::Moderate,
            get(show).post(actions::act),
        ),
        Route::needs(
            "/admin/submissions/{id}/notes",
            Permission::Moderate,
            post(actions::add_note),
        ),
        Route::needs(
            "/admin/submissions/{id}/contact",
            Permission::Moderate,
            post(show_contact),
        ),
        Route::needs(
            "/admin/submissions/{id}/contact/approve",
            Permission::Moderate,
            post(approve_contact),
        ),
        Route::needs(
            "/admin/submissions/{id}/hide-text",
            Permission::Moderate,
            post(actions::hide_text),
        ),
        Route::needs(
            "/admin/submissions/{id}/urgency",
            Permission::Moderate,
            post(actions::urgency),
        ),
        Route::needs(
            "/admin/submissions/{id}/news-case",
            Permission::Moderate,
            post(news::make_case),
        ),
        Route::needs(
            "/admin/submissions/{id}/evidence/{attachment}",
            Permission::Moderate,
            get(evidence::serve),
        ),
        Route::needs(
            "/admin/submissions/{id}/evidence/{attachment}/preview",
            Permission::Moderate,
            get(evidence::preview),
        ),
    ]
}

/// A submission opened for the signed-in moderator.
pub(in crate::web::admin) struct Opened {
    /// What storage holds.
    pub sealed: SealedSubmission,
    /// The opened report; `None` once withdrawn.
    pub report: Option<SealedReport>,
}

impl Opened {
    fn id(&self) -> SubmissionId {
        self.sealed.envelope.id
    }
}

fn parse_id(raw: &str) -> Result<SubmissionId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// Reads and opens a submission, refusing someone else's report without
/// [`Permission::Assign`].
pub(in crate::web::admin) async fn open(
    state: &AppState,
    staff: &Staff,
    id: &str,
) -> Result<Opened, AppError> {
    let id = parse_id(id)?;
    let key = staff.key()?;
    let sealed = state
        .store()
        .sealed_submission(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if sealed
        .assigned_to
        .is_some_and(|u| u != staff.user.id && !staff.can(Permission::Assign))
    {
        return Err(AppError::Forbidden {
            key: "admin.review.forbidden",
        });
    }
    let report = match &sealed.report {
        Some(s) => {
            let plain = sealing::open(&key.secret, s).map_err(|e| {
                AppError::Internal(anyhow::Error::new(e).context("opening a report"))
            })?;
            Some(serde_json::from_slice(&plain).map_err(|e| {
                AppError::Internal(anyhow::Error::new(e).context("decoding a report"))
            })?)
        }
        None => None,
    };
    Ok(Opened { sealed, report })
}

/// Appends an audit entry about a submission.
pub(in crate::web::admin) async fn audit(
    state: &AppState,
    staff: &Staff,
    action: AuditAction,
    id: SubmissionId,
    detail: impl Into<String>,
) -> Result<(), AppError> {
    state
        .store()
        .append_audit(
            &AuditEvent::now(Some(staff.user.id), action)
                .subject(id)
                .detail(detail),
        )
        .await?;
    Ok(())
}

/// The saved draft of a report, or a fresh one.
pub(super) async fn saved_draft(
    state: &AppState,
    staff: &Staff,
    opened: &Opened,
    report: &SealedReport,
    case: Option<&Case>,
) -> Result<(ReviewDraft, bool), AppError> {
    match state.store().review_draft(opened.id()).await? {
        Some(sealed) => {
            let draft = ReviewDraft::open(&staff.key()?.secret, &sealed)
                .map_err(|e| AppError::Internal(e.context("opening a review draft")))?;
            Ok((draft, true))
        }
        None => Ok((ReviewDraft::fresh(report, case), false)),
    }
}

/// What a moderation decision needs of the running application.
pub(in crate::web::admin) fn desk(state: &AppState) -> moderation::Desk<'_> {
    moderation::Desk {
        store: state.store(),
        taxonomy: state.taxonomy(),
        gazetteer: state.gazetteer(),
        second_approval: state.config().second_approval != crate::config::SecondApproval::Off,
        approval_timeout_days: state.config().approval_timeout_days,
    }
}

/// The place options of a report under `draft`'s month and kinds.
pub(super) async fn place_choice(
    state: &AppState,
    report: &SealedReport,
    draft: &ReviewDraft,
    case: Option<&Case>,
) -> Result<PlaceChoice<'static>, AppError> {
    Ok(moderation::place_choice(desk(state), report, draft, case).await?)
}

/// Opens the notes of what intake could not keep.
fn open_not_kept(staff: &Staff, entries: &[StoredAddition]) -> Result<Vec<NotKept>, AppError> {
    let key = staff.key()?;
    entries
        .iter()
        .map(|a| {
            let plain = sealing::open(&key.secret, &a.sealed).map_err(|e| {
                AppError::Internal(anyhow::Error::new(e).context("opening an intake note"))
            })?;
            NotKept::from_json(&plain).map_err(|e| {
                AppError::Internal(anyhow::Error::new(e).context("decoding an intake note"))
            })
        })
        .collect()
}

fn open_entries(staff: &Staff, entries: &[StoredAddition]) -> Result<Vec<Entry>, AppError> {
    let key = staff.key()?;
    entries
        .iter()
        .map(|a| {
            let plain = sealing::open(&key.secret, &a.sealed).map_err(|e| {
                AppError::Internal(anyhow::Error::new(e).context("opening an addition"))
            })?;
            Ok(Entry {
                author: a.author.clone(),
                at: super::local_time(&staff.tz, a.created_at),
                text: String::from_utf8_lossy(&plain).into_owned(),
            })
        })
        .collect()
}

/// What a page render needs besides the submission.
pub(super) struct View {
    /// The draft to show (a refused form's, or the saved one when `None`).
    pub draft: Option<ReviewDraft>,
    /// Messages.
    pub messages: Messages,
    /// Show the contact details.
    pub contact: bool,
    /// The one evidence image shown as it is; every other image is shown only as a
    /// blurred preview.
    pub reveal: Option<AttachmentId>,
    /// The inbox list the moderator is working through, if she came from one.
    pub from: Option<String>,
    /// Tick "then open the next report" (she is working through the list that way).
    pub then_next: bool,
    /// The status to answer with.
    pub status: StatusCode,
}

impl View {
    fn plain() -> Self {
        Self {
            draft: None,
            messages: Messages::default(),
            contact: false,
            reveal: None,
            from: None,
            then_next: false,
            status: StatusCode::OK,
        }
    }
}

/// Renders the review page, auditing the view of raw text.
pub(super) async fn render_page(
    state: &AppState,
    staff: &Staff,
    opened: &Opened,
    view: View,
) -> Result<Response, AppError> {
    let id = opened.id();
    let store = state.store();
    let case = store.case_for_submission(id).await?;
    let notes = open_entries(staff, &store.additions(id, "note").await?)?;
    let here = format!("/admin/submissions/{id}");
    let ui = AdminUi::new(staff, "/admin/inbox", here);
    let hide_text = store.hides_report_text(staff.user.id).await?;
    let contact_asks: Vec<(String, String)> =
        if state.config().second_approval == crate::config::SecondApproval::PublishAndContact {
            let mut asks = Vec::new();
            for r in store.contact_requests(id).await? {
                if r.approved_by.is_some() || r.by == staff.user.id {
                    continue;
                }
                let name = store
                    .user(r.by)
                    .await?
                    .map_or_else(|| r.by.to_string(), |u| u.username.as_str().to_owned());
                asks.push((r.by.to_string(), name));
            }
            asks
        } else {
            Vec::new()
        };
    let waiting = match store.publish_request(id).await? {
        None => None,
        Some(r) if r.by == staff.user.id => {
            Some(ui.f("admin.review.waiting.yours", &[("at", &ui.time(r.at))]))
        }
        Some(r) => {
            let name = store
                .user(r.by)
                .await?
                .map_or_else(|| r.by.to_string(), |u| u.username.as_str().to_owned());
            Some(ui.f(
                "admin.review.waiting.other",
                &[("name", &name), ("at", &ui.time(r.at))],
            ))
        }
    };
    let conversation = store.messages(id).await?.len();
    let approval = super::conversation::approval_summary(
        state,
        staff,
        &ui,
        opened.sealed.envelope.approve_first,
        id,
    )
    .await?;
    let assignment = match opened.sealed.assigned_to {
        None => "admin.review.assigned.nobody",
        Some(u) if u == staff.user.id => "admin.review.assigned.you",
        Some(_) => "admin.review.assigned.other",
    };
    let Some(report) = &opened.report else {
        let place = PlaceChoice::new(state.gazetteer(), None, 0);
        let ctx = Context {
            envelope: &opened.sealed.envelope,
            assignment,
            report: None,
            follow_ups: &[],
            notes: &notes,
            attachments: &[],
            not_kept: &[],
            contact: None,
            case: case.as_ref(),
            taxonomy: state.taxonomy(),
            place: &place,
            reveal: None,
            from: None,
            then_next: false,
            hide_text,
            waiting: waiting.clone(),
            contact_asks: contact_asks.clone(),
            conversation,
            approval: approval.clone(),
        };
        let page = page::build(ui, &ctx, None, view.messages);
        return Ok((view.status, render(&page)?).into_response());
    };
    let draft = match view.draft {
        Some(d) => d,
        None => {
            saved_draft(state, staff, opened, report, case.as_ref())
                .await?
                .0
        }
    };
    let follow_ups = open_entries(staff, &store.additions(id, "follow_up").await?)?;
    let attachments = store.attachments(id).await?;
    let not_kept = open_not_kept(staff, &store.additions(id, not_kept::KIND).await?)?;
    let place = place_choice(state, report, &draft, case.as_ref()).await?;
    let contact = match (&opened.sealed.contact, view.contact) {
        (Some(sealed), true) => {
            let plain = sealing::open(&staff.key()?.secret, sealed).map_err(|e| {
                AppError::Internal(anyhow::Error::new(e).context("opening contact details"))
            })?;
            Some(
                serde_json::from_slice::<ContactDetails>(&plain).map_err(|e| {
                    AppError::Internal(anyhow::Error::new(e).context("decoding contact details"))
                })?,
            )
        }
        (None, true) => Some(ContactDetails::default()),
        _ => None,
    };
    audit(
        state,
        staff,
        AuditAction::ViewRaw,
        id,
        if view.contact {
            "report, contact details"
        } else {
            "report"
        },
    )
    .await?;
    let ctx = Context {
        envelope: &opened.sealed.envelope,
        assignment,
        report: Some(report),
        follow_ups: &follow_ups,
        notes: &notes,
        attachments: &attachments,
        not_kept: &not_kept,
        contact: contact.as_ref(),
        case: case.as_ref(),
        taxonomy: state.taxonomy(),
        place: &place,
        reveal: view.reveal,
        from: view.from,
        then_next: view.then_next,
        hide_text,
        waiting: waiting.clone(),
        contact_asks: contact_asks.clone(),
        conversation,
        approval,
    };
    let page = page::build(ui, &ctx, Some(&draft), view.messages);
    Ok((view.status, render(&page)?).into_response())
}

/// What the last action did, from the redirect's query.
#[derive(Debug, Deserialize)]
pub struct Done {
    done: Option<String>,
    /// The evidence image to show unblurred (`?reveal=ATTACHMENT`).
    reveal: Option<String>,
    /// The inbox list the page was opened from (`?from=/admin/inbox?…`).
    from: Option<String>,
    /// `next` when the last decision went on to this report (the box stays ticked).
    then: Option<String>,
}

fn notice(done: Option<&str>) -> Option<&'static str> {
    Some(match done? {
        "saved" => "admin.review.done.saved",
        "published" => "admin.review.done.published",
        "requested" => "admin.review.done.requested",
        "contact_approved" => "admin.review.done.contact_approved",
        "statistics" => "admin.review.done.statistics",
        "archived" => "admin.review.done.archived",
        "rejected" => "admin.review.done.rejected",
        "note" => "admin.review.done.note",
        "news_case" => "admin.feeds.candidate.done",
        _ => return None,
    })
}

/// `GET /admin/submissions/{id}`: the review page. Opening an unassigned new report
/// assigns it to the viewer.
async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, AppError> {
    let mut opened = open(&state, &staff, &id).await?;
    let sid = opened.id();
    if opened.sealed.assigned_to.is_none()
        && opened.sealed.envelope.status == SubmissionStatus::New
        && state.store().claim_submission(sid, staff.user.id).await?
    {
        audit(
            &state,
            &staff,
            AuditAction::StatusChange,
            sid,
            "new -> in_review",
        )
        .await?;
        opened = open(&state, &staff, &id).await?;
    }
    let mut view = View::plain();
    view.messages.notice = notice(done.done.as_deref());
    view.reveal = done.reveal.as_deref().and_then(|r| r.parse().ok());
    view.from = done.from.as_deref().map(safe_back);
    view.then_next = done.then.as_deref() == Some("next");
    render_page(&state, &staff, &opened, view).await
}

/// `POST /admin/submissions/{id}/contact`: the page again, with the contact details.
async fn show_contact(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let opened = open(&state, &staff, &id).await?;
    if opened.report.is_none() {
        return Err(AppError::NotFound);
    }
    let mut view = View::plain();
    if state.config().second_approval == crate::config::SecondApproval::PublishAndContact {
        // Four eyes on contact: shown only once another person approved her request.
        let sid = opened.sealed.envelope.id;
        let store = state.store();
        let mine = store
            .contact_requests(sid)
            .await?
            .into_iter()
            .find(|r| r.by == staff.user.id);
        if mine.is_none_or(|r| r.approved_by.is_none()) {
            if mine.is_none() {
                let audit = AuditEvent::now(Some(staff.user.id), AuditAction::StatusChange)
                    .subject(sid)
                    .detail("asked to see the contact details: waits for a second approval");
                store.request_contact(sid, staff.user.id, &audit).await?;
            }
            view.messages.notice = Some("admin.review.contact.requested");
            return render_page(&state, &staff, &opened, view).await;
        }
    }
    view.contact = true;
    render_page(&state, &staff, &opened, view).await
}

/// `POST /admin/submissions/{id}/contact/approve`: approves another person's request to see
/// the report's contact details (`for` = her id); never one's own.
async fn approve_contact(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    let opened = open(&state, &staff, &id).await?;
    let sid = opened.sealed.envelope.id;
    let requester = form_urlencoded::parse(&body)
        .find(|(k, _)| k == "for")
        .and_then(|(_, v)| v.parse::<naqsha_core::ids::UserId>().ok())
        .ok_or(AppError::BadRequest {
            key: "admin.review.contact.approve_refused",
        })?;
    let audit = AuditEvent::now(Some(staff.user.id), AuditAction::StatusChange)
        .subject(sid)
        .detail(format!(
            "second approval: {requester} may see the contact details"
        ));
    let approved = state
        .store()
        .approve_contact(sid, requester, staff.user.id, &audit)
        .await?;
    if !approved {
        return Err(AppError::BadRequest {
            key: "admin.review.contact.approve_refused",
        });
    }
    Ok(
        axum::response::Redirect::to(&format!("/admin/submissions/{sid}?done=contact_approved"))
            .into_response(),
    )
}
