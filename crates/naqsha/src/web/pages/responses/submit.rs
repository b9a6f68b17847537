//! Sending a response: the same guards as the report form (signed form token, honeypot,
//! proof of work during a flood, a per-network limit, a refund when the database fails),
//! then [`crate::intake::response::accept_response`] seals and stores it waiting for a
//! moderator, and the writer is sent to her receipt, shown once.
//!
//! The page the form is on (a story, a campaign) checks its target exists, then calls
//! [`submit`] and, when the form must be shown again, renders itself around the
//! [`ResponseFormView`] it gives back, with [`Again::apply`] setting the status.

use std::time::Instant;

use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::lang::Lang;
use naqsha_core::response::{ResponseBody, ResponseKind, ResponseTarget};
use naqsha_core::text::{Pseudonym, ResponseText, TextError};
use serde::Deserialize;
use time::OffsetDateTime;

use super::FORM;
use super::section::ResponseFormView;
use crate::abuse::{self, Decision, LimitKind, NetworkKey, TokenError};
use crate::intake::response::{IncomingResponse, ResponseError, accept_response};
use crate::state::AppState;
use crate::storage::SpentToken;
use crate::web::error::AppError;
use crate::web::layout::Ui;
use crate::web::pages::public_form::Again;

/// What the response form posts.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct PostedResponse {
    #[serde(default)]
    form_token: String,
    /// The honeypot.
    #[serde(default)]
    website: Option<String>,
    #[serde(default)]
    pow_challenge: Option<String>,
    #[serde(default)]
    pow_solution: Option<String>,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    pseudonym: String,
}

/// What became of a sent response.
#[derive(Debug)]
pub enum Submitted {
    /// Stored: go to the receipt (post/redirect/get).
    Stored(Response),
    /// Shown again with her words and what to do, with this status.
    Again(ResponseFormView, Again),
}

/// The kind of response a form's value names (only the two a reader may send here).
pub(crate) fn parse_kind(value: &str) -> Option<ResponseKind> {
    match value {
        "support" => Some(ResponseKind::Support),
        "helped" => Some(ResponseKind::Helped),
        _ => None,
    }
}

/// The translated message of a text field's problem.
fn text_message(e: &TextError) -> &'static str {
    match e {
        TextError::Empty => "responses.error.text_required",
        TextError::TooLong { .. } => "responses.error.text_too_long",
        TextError::Control => "responses.error.text_invalid",
    }
}

/// Her words checked: the text (required), the pseudonym (optional), the kind; or the
/// message beside each field that is wrong.
pub(crate) fn check_words(
    kind: Option<ResponseKind>,
    text: &str,
    pseudonym: &str,
    lang: Lang,
) -> Result<ResponseBody, Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    if kind.is_none() {
        errors.push(("kind", "responses.error.kind"));
    }
    let text = ResponseText::parse(text)
        .map_err(|e| errors.push(("text", text_message(&e))))
        .ok();
    let pseudonym = if pseudonym.trim().is_empty() {
        None
    } else {
        Pseudonym::parse(pseudonym)
            .map_err(|e| {
                errors.push((
                    "pseudonym",
                    match e {
                        TextError::TooLong { .. } => "responses.error.pseudonym_too_long",
                        _ => "responses.error.pseudonym_invalid",
                    },
                ));
            })
            .ok()
    };
    match (kind, text) {
        (Some(kind), Some(text)) if errors.is_empty() => Ok(ResponseBody {
            kind,
            lang,
            text: Some(text),
            pseudonym,
            title: None,
            link: None,
            licence: None,
        }),
        _ => Err(errors),
    }
}

/// Checks, seals and stores a response to `target` sent from a page in `lang`, whose form
/// posts to `action`. A storage failure anywhere gives the network's limit back and shows
/// the form again with her words (503).
pub async fn submit(
    state: &AppState,
    lang: Lang,
    network: NetworkKey,
    target: ResponseTarget,
    action: String,
    posted: PostedResponse,
) -> Result<Submitted, AppError> {
    match check_and_store(state, lang, network, target, action.clone(), &posted).await {
        Err(AppError::Unavailable(cause)) => {
            tracing::error!(
                error = format!("{cause:#}"),
                "a response could not be stored"
            );
            refund(state, network).await;
            let mut form = again(state, action, &posted);
            form.notices.push(
                Ui::new(state, lang, "/")
                    .t("responses.error.unavailable")
                    .to_owned(),
            );
            Ok(Submitted::Again(form, Again::Unavailable))
        }
        other => other,
    }
}

/// The form shown again with what she typed and a fresh token (and challenge).
fn again(state: &AppState, action: String, posted: &PostedResponse) -> ResponseFormView {
    ResponseFormView {
        kind: posted.kind.clone(),
        text: posted.text.clone(),
        pseudonym: posted.pseudonym.clone(),
        ..ResponseFormView::blank(state, action)
    }
}

async fn check_and_store(
    state: &AppState,
    lang: Lang,
    network: NetworkKey,
    target: ResponseTarget,
    action: String,
    posted: &PostedResponse,
) -> Result<Submitted, AppError> {
    let now = Instant::now();
    let runtime = state.intake();
    let tr = crate::i18n::Tr(lang);
    let mut notices: Vec<String> = Vec::new();
    let mut flagged = abuse::honeypot_tripped(posted.website.as_deref());

    let throttled = match runtime.check(LimitKind::Response, network, now).await {
        Decision::Allow => None,
        Decision::Throttle { retry_after } => Some(retry_after),
    };
    if let Some(wait) = throttled {
        notices.push(tr.wait_minutes("responses.error.throttled", wait));
    }
    match runtime.form_tokens.verify(&posted.form_token, FORM, now) {
        Ok(()) => {}
        Err(TokenError::TooFast) => flagged = true,
        Err(_) => notices.push(tr.t("responses.error.form_expired").to_owned()),
    }
    if runtime.flood() {
        let solved = match (&posted.pow_challenge, &posted.pow_solution) {
            (Some(c), Some(s)) if !c.is_empty() && !s.is_empty() => {
                runtime.pow.verify(c, s, now).is_ok()
            }
            _ => false,
        };
        // Without JavaScript there is no solution: the response is still taken, and marked.
        flagged |= !solved;
    }
    let checked = check_words(
        parse_kind(&posted.kind),
        &posted.text,
        &posted.pseudonym,
        lang,
    );
    let show_again = |notices: Vec<String>, errors: &[(&'static str, &'static str)]| {
        let mut form = again(state, action.clone(), posted);
        form.notices = notices;
        form.errors = errors
            .iter()
            .map(|(field, key)| (*field, tr.t(key).to_owned()))
            .collect();
        form
    };
    let body = match checked {
        Ok(body) if notices.is_empty() => body,
        Ok(_) => {
            let why = throttled.map_or(Again::Correct, Again::Throttled);
            return Ok(Submitted::Again(show_again(notices, &[]), why));
        }
        Err(errors) => {
            let why = throttled.map_or(Again::Correct, Again::Throttled);
            return Ok(Submitted::Again(show_again(notices, &errors), why));
        }
    };
    let Ok(spendable) = runtime.form_tokens.spend(&posted.form_token, FORM, now) else {
        notices.push(tr.t("responses.error.form_expired").to_owned());
        return Ok(Submitted::Again(show_again(notices, &[]), Again::Correct));
    };
    let token = SpentToken {
        nonce: spendable.nonce,
        expires_at: OffsetDateTime::now_utc() + spendable.remaining,
    };
    let incoming = IncomingResponse {
        target,
        body,
        image: None,
        flagged: flagged || spendable.too_fast,
    };
    match accept_response(state, incoming, Some(token), true, now).await {
        Ok(accepted) => {
            let view = accepted.view.unwrap_or_default();
            let ui = Ui::new(state, lang, "/");
            Ok(Submitted::Stored(
                Redirect::to(&ui.href(&format!("/respond/receipt/{view}"))).into_response(),
            ))
        }
        Err(e) if e.already_stored() => {
            // The same form sent twice: the first one was stored with this token.
            notices.push(tr.t("responses.error.already_sent").to_owned());
            Ok(Submitted::Again(show_again(notices, &[]), Again::Correct))
        }
        Err(e) => Err(response_error(e)),
    }
}

/// A failed response step as the web layer answers it: 503 when the database is
/// unavailable for now, else 500.
pub(crate) fn response_error(e: ResponseError) -> AppError {
    if e.is_unavailable() {
        AppError::Unavailable(e.into())
    } else {
        AppError::Internal(e.into())
    }
}

/// Gives back the network's response token of a try the database failed.
async fn refund(state: &AppState, network: NetworkKey) {
    state
        .intake()
        .refund(LimitKind::Response, network, Instant::now())
        .await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_sends_support_or_what_helped_only() {
        assert_eq!(parse_kind("support"), Some(ResponseKind::Support));
        assert_eq!(parse_kind("helped"), Some(ResponseKind::Helped));
        assert_eq!(parse_kind("creative"), None);
        assert_eq!(parse_kind(""), None);
    }

    #[test]
    fn an_empty_pseudonym_is_anonymous_and_each_wrong_field_says_so() {
        let body = check_words(
            Some(ResponseKind::Helped),
            " Blocking him. ",
            "  ",
            Lang::UR,
        )
        .unwrap();
        assert_eq!(body.pseudonym, None);
        assert_eq!(body.text.unwrap().as_str(), "Blocking him.");
        assert_eq!(body.lang, Lang::UR);
        assert!(body.title.is_none() && body.link.is_none() && body.licence.is_none());

        let named = check_words(Some(ResponseKind::Support), "x", " Sara ", Lang::EN).unwrap();
        assert_eq!(named.pseudonym.unwrap().as_str(), "Sara");

        let errors = check_words(None, "", &"n".repeat(61), Lang::EN).unwrap_err();
        assert_eq!(
            errors,
            [
                ("kind", "responses.error.kind"),
                ("text", "responses.error.text_required"),
                ("pseudonym", "responses.error.pseudonym_too_long"),
            ]
        );
        let errors =
            check_words(Some(ResponseKind::Support), "a\u{7}b", "x", Lang::EN).unwrap_err();
        assert_eq!(errors, [("text", "responses.error.text_invalid")]);
    }
}
