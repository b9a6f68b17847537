//! A news candidate made a case in one step: `POST /admin/submissions/{id}/news-case`
//! from the inbox row. The moderator takes the report, a draft is saved pre-filled from
//! the candidate (source "news report" with its link, the feed's language, the matching
//! rules' taxonomy hints, the headline as the working title) and an in-review case is
//! written, exactly as the review form's "save" would; then the review page opens on it.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::audit::AuditAction;
use naqsha_core::case::CaseStatus;
use naqsha_core::submission::{Channel, SubmissionStatus};
use time::OffsetDateTime;

use super::draft::ReviewDraft;
use super::form;
use super::publish::{self, CaseBase, Stories};
use super::{audit, open, place_choice};
use crate::state::AppState;
use crate::storage::{ModerationStore, ReviewStore};
use crate::web::admin::session::Staff;
use crate::web::error::AppError;

/// The audit detail of a candidate made a case.
pub const AUDIT_DETAIL: &str = "news candidate -> case";

/// The headline: the first line of a candidate's text (the poller puts it there).
fn headline(text: &str) -> String {
    let first = text.lines().next().unwrap_or_default();
    naqsha_core::invisible::strip(first)
        .trim()
        .chars()
        .take(naqsha_core::text::PublicTitle::MAX_CHARS)
        .collect()
}

/// `POST /admin/submissions/{id}/news-case`.
pub async fn make_case(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let opened = open(&state, &staff, &id).await?;
    let sid = opened.sealed.envelope.id;
    let Some(report) = &opened.report else {
        return Err(AppError::BadRequest {
            key: "admin.review.withdrawn",
        });
    };
    if opened.sealed.envelope.channel != Channel::News {
        return Err(AppError::BadRequest {
            key: "admin.feeds.candidate.not_news",
        });
    }
    let store = state.store();
    let review = format!("/admin/submissions/{sid}");
    // Made already (a second click, another moderator): open it as it is.
    if store.case_for_submission(sid).await?.is_some() {
        return Ok(Redirect::to(&review).into_response());
    }
    if opened.sealed.assigned_to.is_none() {
        store.claim_submission(sid, staff.user.id).await?;
    }
    let mut draft = ReviewDraft::fresh(report, None);
    draft.wording_mut(report.report.language).title =
        headline(report.report.what_happened.as_str());
    let key = staff.key()?;
    let sealed = draft
        .seal(&key.public)
        .map_err(|e| AppError::Internal(e.context("sealing a review draft")))?;
    store.save_review_draft(sid, staff.user.id, &sealed).await?;
    audit(
        &state,
        &staff,
        AuditAction::RedactionDecision,
        sid,
        form::decision_summary(&draft.plan),
    )
    .await?;
    let place = place_choice(&state, report, &draft, None).await?;
    let base = CaseBase {
        existing: None,
        submission: sid,
        consent: opened.sealed.envelope.consent,
        taxonomy_version: state.taxonomy().version().as_str().to_owned(),
    };
    let now = OffsetDateTime::now_utc();
    let case = publish::case_from(
        &draft,
        &base,
        &place,
        CaseStatus::InReview,
        Stories::default(),
        now,
    );
    store.save_case(&case).await?;
    state.public().invalidate();
    let kinds: Vec<String> = draft.labels.terms("kind").map(|t| t.to_string()).collect();
    store.set_submission_kinds(sid, &kinds).await?;
    store
        .set_submission_status(sid, SubmissionStatus::InReview)
        .await?;
    let before = opened.sealed.envelope.status.as_str();
    audit(
        &state,
        &staff,
        AuditAction::StatusChange,
        sid,
        format!("{before} -> in_review ({AUDIT_DETAIL}, case {})", case.id),
    )
    .await?;
    Ok(Redirect::to(&format!("{review}?done=news_case")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_is_the_first_line_cut_to_a_title() {
        assert_eq!(
            headline("FIA arrests blackmailer\n\nLAHORE: ..."),
            "FIA arrests blackmailer"
        );
        assert_eq!(headline(&"a".repeat(500)).chars().count(), 200);
    }
}
