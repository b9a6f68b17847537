//! `/report` and `/ur/report`: the survivor's form. One page of sections that works without
//! JavaScript; it re-renders with every value and a translated message beside each problem;
//! after a report is stored durably, the receipt is shown once at an unguessable address.

mod view;

use std::time::Instant;

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::lang::Lang;
use time::OffsetDateTime;

use self::view::{FormView, form_view};
use super::render;
use crate::abuse::{self, Decision, LimitKind, TokenError};
use crate::intake;
use crate::intake::evidence::{EvidenceError, EvidenceLimits};
use crate::intake::form::{FieldErrors, REPORTER_DIMENSIONS, ReportInput};
use crate::keyring;
use crate::state::AppState;
use crate::storage::NewAttachment;
use crate::web::client::ClientNetwork;
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;

/// Name of the report form in its signed token.
pub const FORM: &str = "report";
/// The largest request the report form accepts: all evidence plus the text fields.
pub const MAX_BODY: usize = 27 * 1024 * 1024;

#[derive(Template)]
#[template(path = "public/report.html")]
struct ReportPage {
    ui: Ui,
    form: FormView,
}

#[derive(Template)]
#[template(path = "public/receipt.html")]
struct ReceiptPage {
    ui: Ui,
    words: String,
    digits: String,
    follow_up_href: String,
}

fn blank_page(
    state: &AppState,
    lang: Lang,
    input: ReportInput,
    errors: &FieldErrors,
) -> ReportPage {
    let now = Instant::now();
    let ui = Ui::new(state, lang, "/report");
    let mut form = form_view(
        lang,
        state.taxonomy(),
        state.gazetteer(),
        ui.href("/report"),
        state.intake().form_tokens.issue(FORM, now),
        input,
        errors,
        OffsetDateTime::now_utc().year(),
    );
    if state.intake().flood() {
        form.pow_challenge = Some(state.intake().pow.issue(now).to_string());
    }
    ReportPage { ui, form }
}

/// `GET /report`: the empty form.
pub async fn form(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
) -> Result<Response, AppError> {
    render(&blank_page(
        &state,
        lang,
        ReportInput::default(),
        &FieldErrors::new(),
    ))
}

/// What the form posted, besides the report itself.
#[derive(Default)]
struct Posted {
    input: ReportInput,
    token: String,
    honeypot: Option<String>,
    draft: Option<String>,
    pow_challenge: Option<String>,
    pow_solution: Option<String>,
    files: Vec<Vec<u8>>,
    file_error: Option<EvidenceError>,
}

async fn read_form(mut multipart: Multipart, limits: &EvidenceLimits) -> Result<Posted, AppError> {
    let bad = |_| AppError::BadRequest {
        key: "error.bad_request.form.body",
    };
    let mut p = Posted::default();
    while let Some(mut field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "evidence" {
            let mut bytes = Vec::new();
            let mut too_large = false;
            while let Some(chunk) = field.chunk().await.map_err(bad)? {
                if bytes.len() + chunk.len() > limits.max_file_bytes {
                    too_large = true;
                } else if !too_large {
                    bytes.extend_from_slice(&chunk);
                }
            }
            if too_large {
                p.file_error = Some(EvidenceError::TooLarge {
                    max_bytes: limits.max_file_bytes,
                });
            } else if !bytes.is_empty() {
                p.files.push(bytes);
            }
            continue;
        }
        let value = field.text().await.map_err(bad)?;
        let i = &mut p.input;
        match name.as_str() {
            "what_happened" => i.what_happened = value,
            "month" => i.month = value,
            "year" => i.year = value,
            "approximate" => i.approximate = !value.is_empty(),
            "place" => i.place = value,
            "place_text" => i.place_text = value,
            "whose_story" => i.whose_story = value,
            "source_url" => i.source_url = value,
            "consent" => i.consent = value,
            "contact_phone" => i.contact_phone = value,
            "contact_email" => i.contact_email = value,
            abuse::form_token::FORM_TOKEN_FIELD => p.token = value,
            abuse::HONEYPOT_FIELD => p.honeypot = Some(value),
            "draft" => p.draft = Some(value).filter(|v| !v.is_empty()),
            abuse::pow::CHALLENGE_FIELD => p.pow_challenge = Some(value).filter(|v| !v.is_empty()),
            abuse::pow::SOLUTION_FIELD => p.pow_solution = Some(value).filter(|v| !v.is_empty()),
            other if REPORTER_DIMENSIONS.contains(&other) && !value.trim().is_empty() => {
                i.labels.entry(other.to_owned()).or_default().push(value);
            }
            // Unknown fields are ignored rather than refused: an old cached form still works.
            _ => {}
        }
    }
    Ok(p)
}

/// Cleans and seals each evidence file (decoding runs off the async threads).
async fn seal_evidence(
    state: &AppState,
    files: Vec<Vec<u8>>,
    limits: EvidenceLimits,
) -> Result<Result<Vec<NewAttachment>, EvidenceError>, AppError> {
    if files.is_empty() {
        return Ok(Ok(Vec::new()));
    }
    let public_key = keyring::public_key(state.store())
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    tokio::task::spawn_blocking(move || {
        intake::clean_and_seal_evidence(&files, &limits, &public_key)
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))
}

/// `POST /report`: checks, seals and stores a report, then shows the receipt once.
pub async fn submit(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    ClientNetwork(network): ClientNetwork,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let now = Instant::now();
    let limits = EvidenceLimits::default();
    let posted = read_form(multipart, &limits).await?;
    let runtime = state.intake();
    let mut errors = FieldErrors::new();
    let mut notices: Vec<&'static str> = Vec::new();
    let mut flagged = abuse::honeypot_tripped(posted.honeypot.as_deref());

    // Files kept from an earlier attempt of this form, then the new ones.
    let mut attachments = posted
        .draft
        .as_deref()
        .map(|d| runtime.take_draft(d))
        .unwrap_or_default();
    if let Some(e) = &posted.file_error {
        errors.insert("evidence", e.message_key());
    }

    let throttled = match runtime.limiter.check(LimitKind::Report, network, now) {
        Decision::Allow => None,
        Decision::Throttle { retry_after } => Some(retry_after),
    };
    if throttled.is_some() {
        notices.push("report.error.throttled");
    }

    match runtime.form_tokens.verify(&posted.token, FORM, now) {
        Ok(()) => {}
        Err(TokenError::TooFast) => flagged = true,
        Err(_) => notices.push("report.error.form_expired"),
    }

    if runtime.flood() {
        let solved = match (&posted.pow_challenge, &posted.pow_solution) {
            (Some(c), Some(s)) => runtime.pow.verify(c, s, now).is_ok(),
            _ => false,
        };
        // Without JavaScript there is no solution: the report is still taken, and marked.
        flagged |= !solved;
    }

    let valid = posted.input.validate(
        state.taxonomy(),
        state.gazetteer(),
        lang,
        OffsetDateTime::now_utc(),
    );
    if let Err(field_errors) = &valid {
        errors.extend(field_errors.iter().map(|(k, v)| (*k, *v)));
    }

    if throttled.is_none() && posted.file_error.is_none() {
        match seal_evidence(&state, posted.files, limits.clone()).await? {
            Ok(new) if attachments.len() + new.len() <= limits.max_files => attachments.extend(new),
            Ok(_) => {
                errors.insert("evidence", "evidence.too_many_files");
            }
            Err(e) => {
                errors.insert("evidence", e.message_key());
            }
        }
    }

    let valid = match valid {
        Ok(v) if errors.is_empty() && notices.is_empty() => v,
        _ => {
            return rerender(
                &state,
                lang,
                posted.input,
                &errors,
                &notices,
                attachments,
                throttled,
            );
        }
    };

    match runtime.form_tokens.consume(&posted.token, FORM, now) {
        Ok(()) | Err(TokenError::TooFast) => {}
        Err(TokenError::AlreadyUsed) => {
            // The same form sent twice (a double click): the first one was stored.
            notices.push("report.error.already_sent");
            return rerender(
                &state,
                lang,
                posted.input,
                &errors,
                &notices,
                Vec::new(),
                None,
            );
        }
        Err(_) => {
            notices.push("report.error.form_expired");
            return rerender(
                &state,
                lang,
                posted.input,
                &errors,
                &notices,
                attachments,
                None,
            );
        }
    }

    let receipt = intake::accept_with_receipt(
        &state,
        valid,
        naqsha_core::submission::Channel::Web,
        flagged,
        attachments,
        now,
    )
    .await
    .map_err(AppError::Internal)?;
    let view = runtime.hold_receipt(receipt);
    let ui = Ui::new(&state, lang, "/report");
    Ok(Redirect::to(&ui.href(&format!("/report/receipt/{view}"))).into_response())
}

fn rerender(
    state: &AppState,
    lang: Lang,
    input: ReportInput,
    errors: &FieldErrors,
    notices: &[&'static str],
    attachments: Vec<NewAttachment>,
    throttled: Option<std::time::Duration>,
) -> Result<Response, AppError> {
    let mut page = blank_page(state, lang, input, errors);
    let tr = page.ui.tr;
    for key in notices {
        let text = match (*key, throttled) {
            ("report.error.throttled", Some(wait)) => {
                let minutes = wait.as_secs().div_ceil(60).max(1).to_string();
                tr.f("report.error.throttled", &[("minutes", &minutes)])
            }
            _ => tr.t(key).to_owned(),
        };
        page.form.notices.push(text);
    }
    if !attachments.is_empty() {
        page.form.draft_files = attachments.len();
        page.form.draft = Some(state.intake().hold_draft(attachments));
    }
    let status = if throttled.is_some() {
        StatusCode::TOO_MANY_REQUESTS
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut res = render(&page)?;
    *res.status_mut() = status;
    if let Some(wait) = throttled {
        res.headers_mut().insert(
            axum::http::header::RETRY_AFTER,
            wait.as_secs().max(1).into(),
        );
    }
    Ok(res)
}

/// `GET /report/receipt/{view}`: the receipt, shown once.
pub async fn receipt(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    Path(view): Path<String>,
) -> Result<Response, AppError> {
    let receipt = state
        .intake()
        .take_receipt(&view)
        .ok_or(AppError::NotFound)?;
    let ui = Ui::new(&state, lang, "/report");
    let follow_up_href = ui.href("/follow-up");
    render(&ReceiptPage {
        ui,
        words: receipt.words(),
        digits: receipt.digits(),
        follow_up_href,
    })
}
