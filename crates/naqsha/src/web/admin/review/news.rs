//! A news candidate made a case in one step: `POST /admin/submissions/{id}/news-case`
//! from the inbox row. The moderator takes the report, a draft is saved pre-filled from
//! the candidate (source "news report" with its link, the feed's language, the matching
//! rules' taxonomy hints, the headline as the working title) and an in-review case is
//! written, exactly as the review form's "save" would; then the review page opens on it.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::{desk, open};
use crate::moderation::{self, DecisionError, Moderator, NewsCase};
use crate::state::AppState;
use crate::web::admin::session::Staff;
use crate::web::error::AppError;

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
    let key = staff.key()?;
    let by = Moderator {
        id: staff.user.id,
        key: &key.public,
    };
    let review = format!("/admin/submissions/{sid}");
    match moderation::make_news_case(desk(&state), by, &opened.sealed, report).await {
        Ok(NewsCase::Made) => {}
        // Made already (a second click, another moderator): open it as it is.
        Ok(NewsCase::MadeBefore) => return Ok(Redirect::to(&review).into_response()),
        Ok(NewsCase::NotNews) => {
            return Err(AppError::BadRequest {
                key: "admin.feeds.candidate.not_news",
            });
        }
        Err(DecisionError::Storage(e)) => return Err(e.into()),
        Err(DecisionError::Sealing(e)) => return Err(AppError::Internal(e)),
        Err(DecisionError::Refused(_)) => {
            return Err(AppError::Internal(anyhow::anyhow!(
                "making a news case refused a rule it does not check"
            )));
        }
    }
    state.public().invalidate();
    Ok(Redirect::to(&format!("{review}?done=news_case")).into_response())
}
