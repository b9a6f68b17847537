//! What every public upload form does the same way (the report form, the creative response
//! form): reading a text field or a file within its limit, the guards in front of intake
//! (honeypot, per-network limit, signed form token, flood proof of work), and the status a
//! form shown again answers with.

use std::time::{Duration, Instant};

use axum::extract::multipart::Field;
use axum::http::StatusCode;
use axum::response::Response;

use crate::abuse::budget::{Budget, Held};
use crate::abuse::{self, Decision, LimitKind, NetworkKey, TokenError};
use crate::intake::evidence::EvidenceError;
use crate::intake::runtime::IntakeRuntime;
use crate::web::error::{AppError, retry_later};

/// The longest text field read: far above the longest report (20,000 characters of up to
/// four bytes each), so a longer one is refused as too long with what was read kept.
pub(crate) const MAX_TEXT_FIELD: usize = 128 * 1024;

fn bad_body(_: axum::extract::multipart::MultipartError) -> AppError {
    AppError::BadRequest {
        key: "error.bad_request.form.body",
    }
}

/// Reads a text field, keeping at most [`MAX_TEXT_FIELD`] bytes of it.
pub(crate) async fn read_text(field: &mut Field<'_>) -> Result<String, AppError> {
    let mut kept = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(bad_body)? {
        let room = MAX_TEXT_FIELD.saturating_sub(kept.len());
        kept.extend_from_slice(&chunk[..chunk.len().min(room)]);
    }
    Ok(String::from_utf8(kept)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Reads a file field of at most `max_bytes`, holding twice its size from the shared
/// uploads budget in `held` (kept as sent and again cleaned, while the request runs). An
/// empty field (no file chosen) is `Ok(None)`; a file over the limit, or one the budget
/// cannot hold now, is read to its end and refused.
pub(crate) async fn read_upload(
    field: &mut Field<'_>,
    max_bytes: usize,
    uploads: &Budget,
    held: &mut Held,
) -> Result<Option<Result<Vec<u8>, EvidenceError>>, AppError> {
    let mut bytes = Vec::new();
    let mut refused = None;
    while let Some(chunk) = field.chunk().await.map_err(bad_body)? {
        if refused.is_some() {
            continue;
        }
        if bytes.len() + chunk.len() > max_bytes {
            refused = Some(EvidenceError::TooLarge { max_bytes });
            continue;
        }
        match uploads.try_take(2 * chunk.len()) {
            Some(more) => held.merge(more),
            None => refused = Some(EvidenceError::Busy),
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(match refused {
        Some(e) => Some(Err(e)),
        None if bytes.is_empty() => None,
        None => Some(Ok(bytes)),
    })
}

/// The signed form token as the guards found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenState {
    /// Valid, and the form was not sent too fast for a person.
    Fine,
    /// Expired, forged or for another form: the form is shown again with a new one.
    Expired,
}

/// What the guards in front of intake found.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Guards {
    /// The network is over its limit: wait this long.
    pub throttled: Option<Duration>,
    /// The form token.
    pub token: TokenState,
    /// Taken but marked for moderators: the honeypot was filled, the form was sent too
    /// fast for a person, or it came during a flood without a proof of work.
    pub flagged: bool,
}

/// What a form posted besides its own fields: the token, the honeypot and the proof of work.
#[derive(Debug, Default)]
pub(crate) struct Envelope {
    pub token: String,
    pub honeypot: Option<String>,
    pub pow_challenge: Option<String>,
    pub pow_solution: Option<String>,
}

impl Envelope {
    /// Takes `name` if it is one of the envelope's fields; `false` if it is the form's own.
    pub(crate) fn take(&mut self, name: &str, value: &str) -> bool {
        let some = || Some(value.to_owned()).filter(|v| !v.is_empty());
        match name {
            abuse::form_token::FORM_TOKEN_FIELD => self.token = value.to_owned(),
            abuse::HONEYPOT_FIELD => self.honeypot = Some(value.to_owned()),
            abuse::pow::CHALLENGE_FIELD => self.pow_challenge = some(),
            abuse::pow::SOLUTION_FIELD => self.pow_solution = some(),
            _ => return false,
        }
        true
    }
}

/// Checks the honeypot, the network's limit of `kind` (taking one from it), the form token
/// of `form` and, during a flood, the proof of work. Without JavaScript there is no proof:
/// the form is still taken, and marked.
pub(crate) async fn check_guards(
    runtime: &IntakeRuntime,
    kind: LimitKind,
    network: NetworkKey,
    form: &str,
    envelope: &Envelope,
    now: Instant,
) -> Guards {
    let mut flagged = abuse::honeypot_tripped(envelope.honeypot.as_deref());
    let throttled = match runtime.check(kind, network, now).await {
        Decision::Allow => None,
        Decision::Throttle { retry_after } => Some(retry_after),
    };
    let token = match runtime.form_tokens.verify(&envelope.token, form, now) {
        Ok(()) => TokenState::Fine,
        Err(TokenError::TooFast) => {
            flagged = true;
            TokenState::Fine
        }
        Err(_) => TokenState::Expired,
    };
    if runtime.flood() {
        let solved = match (&envelope.pow_challenge, &envelope.pow_solution) {
            (Some(c), Some(s)) => runtime.pow.verify(c, s, now).is_ok(),
            _ => false,
        };
        flagged |= !solved;
    }
    Guards {
        throttled,
        token,
        flagged,
    }
}

/// Why a form is shown again, which sets its status.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Again {
    /// Something to correct (422).
    Correct,
    /// Too many from the network (429 with `Retry-After`).
    Throttled(Duration),
    /// The server could not do its part now (503 with `Retry-After`).
    Unavailable,
}

impl Again {
    /// Sets the status (and `Retry-After`) of the page shown again.
    pub(crate) fn apply(self, res: &mut Response) {
        match self {
            Again::Correct => *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY,
            Again::Throttled(wait) => {
                *res.status_mut() = StatusCode::TOO_MANY_REQUESTS;
                res.headers_mut().insert(
                    axum::http::header::RETRY_AFTER,
                    wait.as_secs().max(1).into(),
                );
            }
            Again::Unavailable => {
                *res.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
                retry_later(res);
            }
        }
    }
}

/// Why a receipt step (on `/follow-up` or `/responses/manage`) was refused before the
/// receipt was looked up.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ReceiptRefusal {
    /// Too many receipt look-ups from the network (429 with `Retry-After`).
    Throttled(Duration),
    /// The page's form token is no longer valid (422).
    FormExpired,
    /// What was typed is not a receipt in any of its forms (422).
    Format,
}

/// The translated messages a page gives for each [`ReceiptRefusal`].
pub(crate) struct RefusalKeys {
    /// Too many look-ups (with the minutes to wait).
    pub(crate) throttled: &'static str,
    /// The page's form token expired.
    pub(crate) form_expired: &'static str,
    /// Not a receipt.
    pub(crate) format: &'static str,
}

impl ReceiptRefusal {
    /// The message to show beside the receipt field, and the status the page answers with.
    pub(crate) fn explain(self, tr: &crate::i18n::Tr, keys: &RefusalKeys) -> (String, Again) {
        match self {
            ReceiptRefusal::Throttled(wait) => (
                tr.wait_minutes(keys.throttled, wait),
                Again::Throttled(wait),
            ),
            ReceiptRefusal::FormExpired => (tr.t(keys.form_expired).to_owned(), Again::Correct),
            ReceiptRefusal::Format => (tr.t(keys.format).to_owned(), Again::Correct),
        }
    }
}

/// The guards in front of a receipt look-up, in order: the network's receipt limit, the
/// page's signed form token (`form` names the page), and the receipt's own format.
pub(crate) async fn receipt_step(
    runtime: &IntakeRuntime,
    network: NetworkKey,
    form: &str,
    form_token: &str,
    typed: &str,
    now: Instant,
) -> Result<crate::intake::receipt::Receipt, ReceiptRefusal> {
    if let Decision::Throttle { retry_after } =
        runtime.check(LimitKind::Receipt, network, now).await
    {
        return Err(ReceiptRefusal::Throttled(retry_after));
    }
    if runtime
        .form_tokens
        .verify(form_token, form, now)
        .is_err_and(|e| !e.is_flag_only())
    {
        return Err(ReceiptRefusal::FormExpired);
    }
    crate::intake::receipt::Receipt::parse(typed).map_err(|_| ReceiptRefusal::Format)
}
