//! `/report` and `/ur/report`: the survivor's form. One page of sections that works without
//! JavaScript; it re-renders with every value and a translated message beside each problem;
//! after a report is stored durably, the receipt is shown once at an unguessable address.

mod view;

use std::time::Instant;

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::lang::Lang;
use time::OffsetDateTime;

use self::view::{FormView, form_view};
use super::render;
use crate::abuse::budget::{Budget, Held};
use crate::abuse::{LimitKind, NetworkKey};
use crate::intake;
use crate::intake::evidence::{EvidenceError, EvidenceLimits};
use crate::intake::form::{FieldErrors, REPORTER_DIMENSIONS, ReportInput};
use crate::state::AppState;
use crate::storage::{Arrival, IntakeStore, NewAttachment, SpentToken};
use crate::web::client::ClientNetwork;
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::public_form::{
    Again, Envelope, TokenState, check_guards, read_text, read_upload,
};
use crate::web::pages::resources::{Helpline, helpline};

/// Name of the report form in its signed token.
pub const FORM: &str = "report";
/// The largest request the report form accepts: all evidence plus the text fields.
pub const MAX_BODY: usize = 27 * 1024 * 1024;

#[derive(Template)]
#[template(path = "public/report.html")]
struct ReportPage {
    ui: Ui,
    form: FormView,
    /// The organisation's helpline, shown at the top of the form.
    helpline: Option<Helpline>,
}

#[derive(Template)]
#[template(path = "public/receipt.html")]
struct ReceiptPage {
    ui: Ui,
    helpline: Option<Helpline>,
    /// The English words form (the hashed one).
    words: String,
    /// The digits form in groups of five, each shown unbroken.
    digit_groups: Vec<String>,
    /// The Urdu words form, shown one word per line on Urdu pages.
    urdu_words: Vec<&'static str>,
    /// Urdu pages lead with the digits, then the Urdu words; English ones with the words.
    urdu_first: bool,
    follow_up_href: String,
}

fn blank_page(
    state: &AppState,
    lang: Lang,
    input: ReportInput,
    errors: &FieldErrors,
) -> Result<ReportPage, AppError> {
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
    Ok(ReportPage {
        ui,
        form,
        helpline: helpline(&state.config().data_dir, lang)?,
    })
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
    )?)
}

/// What the form posted, besides the report itself.
#[derive(Default)]
struct Posted {
    input: ReportInput,
    envelope: Envelope,
    draft: Option<String>,
    files: Vec<Vec<u8>>,
    file_error: Option<EvidenceError>,
    /// The share of the uploads budget the files hold while this request runs.
    held: Held,
}

async fn read_form(
    mut multipart: Multipart,
    limits: &EvidenceLimits,
    uploads: &Budget,
) -> Result<Posted, AppError> {
    let mut p = Posted::default();
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::BadRequest {
            key: "error.bad_request.form.body",
        })?
    {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "evidence" {
            match read_upload(&mut field, limits.max_file_bytes, uploads, &mut p.held).await? {
                Some(Ok(bytes)) => p.files.push(bytes),
                Some(Err(e)) => {
                    if e.is_busy() {
                        // None of this form's files can be kept: give their share back now.
                        p.files.clear();
                        p.held = Held::default();
                    }
                    p.file_error = Some(e);
                }
                None => {}
            }
            continue;
        }
        let value = read_text(&mut field).await?;
        let i = &mut p.input;
        match name.as_str() {
            "what_happened" => i.what_happened = value,
            "month" => i.month = value,
            "year" => i.year = value,
            "approximate" => i.approximate = !value.is_empty(),
            "danger_now" => i.danger_now = !value.is_empty(),
            "approve_first" => i.approve_first = !value.is_empty(),
            "place" => i.place = value,
            "place_text" => i.place_text = value,
            "whose_story" => i.whose_story = value,
            "source_url" => i.source_url = value,
            "consent" => i.consent = value,
            "contact_phone" => i.contact_phone = value,
            "contact_email" => i.contact_email = value,
            "contact_safe_call" => i.contact_safe_call = !value.is_empty(),
            "contact_safe_text" => i.contact_safe_text = !value.is_empty(),
            "contact_safe_times" => i.contact_safe_times = value,
            "self_description" => i.self_description = value,
            "draft" => p.draft = Some(value).filter(|v| !v.is_empty()),
            other if p.envelope.take(other, &value) => {}
            other if REPORTER_DIMENSIONS.contains(&other) && !value.trim().is_empty() => {
                i.labels.entry(other.to_owned()).or_default().push(value);
            }
            // Unknown fields are ignored rather than refused: an old cached form still works.
            _ => {}
        }
    }
    Ok(p)
}

/// Cleans and seals each evidence file, as the evidence gate lets it (decoding runs off the
/// async threads).
async fn seal_evidence(
    state: &AppState,
    files: Vec<Vec<u8>>,
    limits: &EvidenceLimits,
) -> Result<Result<Vec<NewAttachment>, EvidenceError>, AppError> {
    if files.is_empty() {
        return Ok(Ok(Vec::new()));
    }
    let public_key = state.intake().public_key(state.store()).await?;
    Ok(state
        .intake()
        .evidence
        .clean_and_seal(files, limits, &public_key)
        .await)
}

/// `POST /report`: checks, seals and stores a report, then shows the receipt once.
pub async fn submit(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    ClientNetwork(network): ClientNetwork,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let limits = EvidenceLimits::default();
    let posted = read_form(multipart, &limits, &state.intake().uploads).await?;
    let input = posted.input.clone();
    match check_and_store(&state, lang, network, posted, &limits).await {
        // Whatever step needed the database and found it unavailable: her words come back.
        Err(AppError::Unavailable(cause)) => {
            tracing::error!(error = format!("{cause:#}"), "a report could not be stored");
            refund(&state, network).await;
            rerender(
                &Visit {
                    state: &state,
                    lang,
                    network,
                },
                input,
                &FieldErrors::new(),
                &["report.error.unavailable"],
                Vec::new(),
                Again::Unavailable,
            )
            .await
        }
        other => other,
    }
}

async fn check_and_store(
    state: &AppState,
    lang: Lang,
    network: NetworkKey,
    posted: Posted,
    limits: &EvidenceLimits,
) -> Result<Response, AppError> {
    let now = Instant::now();
    let visit = Visit {
        state,
        lang,
        network,
    };
    let runtime = state.intake();
    let mut errors = FieldErrors::new();
    let mut notices: Vec<&'static str> = Vec::new();

    // Files kept from an earlier attempt of this form, then the new ones.
    let mut attachments = Vec::new();
    if let Some(draft) = posted.draft.as_deref() {
        match runtime.take_draft(draft).await? {
            Some(kept) => attachments = kept,
            // Taken by this very page sent a moment ago (a double click): that one was stored.
            None if token_spent(state, &posted.envelope.token).await? => {
                notices.push("report.error.already_sent");
            }
            // Kept no longer (an hour passed, or memory ran short): say so rather than
            // store the report without the files the page said were kept.
            None => {
                errors.insert("evidence", "evidence.draft_lost");
            }
        }
    }
    let mut busy = posted
        .file_error
        .as_ref()
        .is_some_and(EvidenceError::is_busy);
    if let Some(e) = &posted.file_error {
        errors.insert("evidence", e.message_key());
    }

    let guards = check_guards(
        runtime,
        LimitKind::Report,
        network,
        FORM,
        &posted.envelope,
        now,
    )
    .await;
    let throttled = guards.throttled;
    if throttled.is_some() {
        notices.push("report.error.throttled");
    }
    if guards.token == TokenState::Expired {
        notices.push("report.error.form_expired");
    }
    let flagged = guards.flagged;

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
        match seal_evidence(state, posted.files, limits).await? {
            Ok(new) if attachments.len() + new.len() <= limits.max_files => attachments.extend(new),
            Ok(_) => {
                errors.insert("evidence", "evidence.too_many_files");
            }
            Err(e) => {
                busy |= e.is_busy();
                errors.insert("evidence", e.message_key());
            }
        }
    }

    let valid = match valid {
        Ok(v) if errors.is_empty() && notices.is_empty() => v,
        _ => {
            let again = match throttled {
                Some(wait) => Again::Throttled(wait),
                None if busy => Again::Unavailable,
                None => Again::Correct,
            };
            return rerender(&visit, posted.input, &errors, &notices, attachments, again).await;
        }
    };

    let spendable = match runtime.form_tokens.spend(&posted.envelope.token, FORM, now) {
        Ok(spendable) => spendable,
        Err(_) => {
            notices.push("report.error.form_expired");
            return rerender(
                &visit,
                posted.input,
                &errors,
                &notices,
                attachments,
                Again::Correct,
            )
            .await;
        }
    };
    let arrival = Arrival {
        form_token: Some(SpentToken {
            nonce: spendable.nonce,
            expires_at: OffsetDateTime::now_utc() + spendable.remaining,
        }),
        ..Arrival::default()
    };
    let stored = intake::accept_with_receipt(
        state,
        valid,
        naqsha_core::submission::Channel::Web,
        flagged || spendable.too_fast,
        attachments,
        arrival,
        true,
        now,
    )
    .await;
    match stored {
        Ok(accepted) => {
            let view = accepted.view.unwrap_or_default();
            let ui = Ui::new(state, lang, "/report");
            Ok(Redirect::to(&ui.href(&format!("/report/receipt/{view}"))).into_response())
        }
        Err(refused) if refused.error.already_stored() => {
            // The same form sent twice (a double click, a retry after a lost answer): the
            // first one was stored, in the same transaction that spent this token.
            notices.push("report.error.already_sent");
            rerender(
                &visit,
                posted.input,
                &errors,
                &notices,
                Vec::new(),
                Again::Correct,
            )
            .await
        }
        Err(refused) if refused.error.is_unavailable() => {
            // Nothing was stored and the token is unspent: the same page can be sent again,
            // and this try does not count against the network's limit.
            tracing::warn!(error = %refused.error, "a report could not be stored");
            refund(state, network).await;
            notices.push("report.error.unavailable");
            rerender(
                &visit,
                posted.input,
                &errors,
                &notices,
                refused.attachments,
                Again::Unavailable,
            )
            .await
        }
        Err(refused) => Err(AppError::Internal(refused.error.into())),
    }
}

/// Gives back the report limit's token of a try the database failed (not of one refused as
/// busy, which an attacker could cause at will).
async fn refund(state: &AppState, network: NetworkKey) {
    state
        .intake()
        .refund(LimitKind::Report, network, Instant::now())
        .await;
}

/// Whether the form token was spent by a stored report.
async fn token_spent(state: &AppState, token: &str) -> Result<bool, AppError> {
    match state
        .intake()
        .form_tokens
        .spend(token, FORM, Instant::now())
    {
        Ok(spendable) => Ok(state.store().form_token_spent(&spendable.nonce).await?),
        Err(_) => Ok(false),
    }
}

/// Who a form is shown again to: the request's state, language and network.
struct Visit<'a> {
    state: &'a AppState,
    lang: Lang,
    network: NetworkKey,
}

async fn rerender(
    visit: &Visit<'_>,
    input: ReportInput,
    errors: &FieldErrors,
    notices: &[&'static str],
    attachments: Vec<NewAttachment>,
    again: Again,
) -> Result<Response, AppError> {
    let Visit {
        state,
        lang,
        network,
    } = *visit;
    // The files wait for the next try on any node (on this one during an outage).
    let mut draft = None;
    if !attachments.is_empty() {
        let count = attachments.len();
        let database_down = matches!(again, Again::Unavailable);
        let token = state
            .intake()
            .hold_draft(attachments, network, database_down)
            .await;
        draft = Some((token, count));
    }
    let mut page = blank_page(state, lang, input, errors)?;
    let tr = page.ui.tr;
    for key in notices {
        let text = match (*key, again) {
            ("report.error.throttled", Again::Throttled(wait)) => {
                tr.wait_minutes("report.error.throttled", wait)
            }
            _ => tr.t(key).to_owned(),
        };
        page.form.notices.push(text);
    }
    if let Some((token, count)) = draft {
        page.form.draft_files = count;
        page.form.draft = Some(token);
    }
    let mut res = render(&page)?;
    again.apply(&mut res);
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
        .await?
        .ok_or(AppError::NotFound)?;
    let ui = Ui::new(&state, lang, "/report");
    let follow_up_href = ui.href("/follow-up");
    render(&ReceiptPage {
        helpline: helpline(&state.config().data_dir, lang)?,
        ui,
        words: receipt.words(),
        digit_groups: receipt.digits().split(' ').map(str::to_owned).collect(),
        urdu_words: receipt.urdu_words(),
        urdu_first: lang == Lang::UR,
        follow_up_href,
    })
}
