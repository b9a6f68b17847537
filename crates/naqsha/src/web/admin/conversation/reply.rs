//! `POST /admin/submissions/{id}/conversation/reply`: a reply to the reporter.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::conversation::MessageBody;
use naqsha_core::referral::Service;
use naqsha_core::text::{ReplyText, TextError};

use super::page::Template;
use super::{Form, href, open, render_page};
use crate::moderation::{self, DecisionError, Moderator};
use crate::state::AppState;
use crate::storage::ConversationStore;
use crate::web::admin::review;
use crate::web::admin::session::Staff;
use crate::web::error::AppError;

/// What a reply says, as sealed: the words, the template and copies of the referral
/// services as they are now (a later edit of the list does not change what she was told).
fn reply_body(
    text: &ReplyText,
    template: Option<Template>,
    referrals: Vec<Service>,
) -> MessageBody {
    MessageBody {
        text: Some(text.as_str().to_owned()),
        template: template.map(|t| t.as_str().to_owned()),
        referrals,
        ..MessageBody::default()
    }
}

fn text_error(e: &TextError) -> &'static str {
    match e {
        TextError::Empty => "admin.conversation.error.empty",
        TextError::TooLong { .. } => "admin.conversation.error.too_long",
        _ => "admin.conversation.error.control",
    }
}

/// Stores the reply and goes back to the page; a refused reply re-renders it with the text.
pub async fn send(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (opened, report) = open(&state, &staff, &id).await?;
    let sid = opened.sealed.envelope.id;
    let field = |name: &str| {
        form_urlencoded::parse(&body)
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    let raw = field("text").unwrap_or_default().replace("\r\n", "\n");
    let template = field("template").as_deref().and_then(Template::parse);
    let ticked: Vec<String> = form_urlencoded::parse(&body)
        .filter(|(k, _)| k == "referral")
        .map(|(_, v)| v.into_owned())
        .collect();
    let refuse = |error: &'static str| Form {
        text: raw.clone(),
        template,
        referrals: ticked.clone(),
        reply_error: Some(error),
        ..Form::default()
    };
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    let Some(her) = state.store().reply_key(sid).await? else {
        let form = refuse("admin.conversation.error.no_key");
        return render_page(&state, &staff, &opened, &report, form, status).await;
    };
    let text = match ReplyText::parse(raw.trim()) {
        Ok(text) => text,
        Err(e) => {
            let form = refuse(text_error(&e));
            return render_page(&state, &staff, &opened, &report, form, status).await;
        }
    };
    let services = super::referral_list(&state).services;
    let Ok(referrals) = services.select(ticked.iter().map(String::as_str)) else {
        // The list changed while she wrote: the page again, with the list as it is now.
        let form = refuse("admin.conversation.error.referral");
        return render_page(&state, &staff, &opened, &report, form, status).await;
    };
    let key = staff.key()?;
    let by = Moderator {
        id: staff.user.id,
        key: &key.public,
    };
    let message = reply_body(&text, template, referrals);
    match moderation::conversation::send_reply(
        review::desk(&state),
        by,
        sid,
        &her.recipient,
        &message,
    )
    .await
    {
        Ok(()) => {}
        Err(DecisionError::Storage(e)) => return Err(e.into()),
        Err(DecisionError::Sealing(e)) => return Err(AppError::Internal(e)),
        Err(DecisionError::Refused(problems)) => {
            let error = problems
                .first()
                .map_or("admin.conversation.error.empty", |p| p.key);
            let form = refuse(error);
            return render_page(&state, &staff, &opened, &report, form, status).await;
        }
    }
    let sent = super::notify(&state, &staff, sid).await;
    let to = format!("{}?done=reply&sent={sent}", href(sid));
    Ok(Redirect::to(&to).into_response())
}
