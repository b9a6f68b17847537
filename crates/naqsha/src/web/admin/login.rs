//! Signing in: password (which unwraps the organisation key into the session's memory), a
//! new password if the current one was issued once, TOTP enrolment or a TOTP code, then a
//! fresh session id. Also signing out and the workspace language.
//!
//! Before a password is checked (an argon2id hash, the costliest thing the server does) it
//! passes, cheapest first: the account's throttle (the page says how long to wait), the
//! network's sign-in bucket (429 with `Retry-After`), and the gate that lets one hash per CPU
//! run at once (503 with `Retry-After` when no slot comes free within seconds). Each refusal
//! shows the sign-in page again with the name typed kept.

use std::time::{Duration, Instant};

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::lang::Lang;
use naqsha_core::password::MIN_PASSWORD_CHARS;
use naqsha_core::sealing::SecretString;
use naqsha_core::user::SessionStage;
use serde::Deserialize;
use time::OffsetDateTime;

use super::super::client::ClientNetwork;
use super::super::error::AppError;
use super::super::pages::render;
use super::session::{self, Binding, Current, Staff};
use super::{Access, AdminUi, Route};
use crate::abuse::{Decision, LimitKind, retry_after_secs};
use crate::keyring::{self, KeyringError};
use crate::staff::hash_gate::BUSY_RETRY_AFTER;
use crate::staff::{self, throttle, totp};
use crate::state::AppState;
use crate::storage::{AuditStore, StaffStore};

/// The sign-in routes.
pub fn routes() -> Vec<Route> {
    let anyone = |path, router| Route {
        path,
        access: Access::Anyone,
        router,
    };
    let signed_in = |path, router| Route {
        path,
        access: Access::SignedIn,
        router,
    };
    vec![
        anyone("/admin/login", get(login_form).post(login)),
        anyone("/admin/login/password", get(password_form).post(password)),
        anyone("/admin/login/enrol", get(enrol_form).post(enrol)),
        anyone("/admin/login/totp", get(totp_form).post(totp_code)),
        signed_in("/admin/logout", post(logout)),
        signed_in("/admin/lang", post(switch_lang)),
    ]
}

/// The page of a sign-in stage.
pub fn stage_path(stage: SessionStage) -> &'static str {
    match stage {
        SessionStage::ChangePassword => "/admin/login/password",
        SessionStage::EnrolTotp => "/admin/login/enrol",
        SessionStage::Totp => "/admin/login/totp",
        SessionStage::Active => "/admin",
    }
}

fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// A redirect that also sets or clears cookies.
fn see_other_with(to: &str, cookies: &[header::HeaderValue]) -> Response {
    let mut res = see_other(to);
    for c in cookies {
        res.headers_mut().append(header::SET_COOKIE, c.clone());
    }
    res
}

#[derive(Template)]
#[template(path = "admin/login.html")]
struct LoginPage {
    ui: AdminUi,
    username: String,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

fn lang_of(code: Option<&str>) -> Lang {
    code.and_then(Lang::from_code).unwrap_or(Lang::EN)
}

/// The sign-in form's CSRF token, and the nonce cookie to set when there is no session.
async fn login_token(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<(String, Option<header::HeaderValue>), AppError> {
    Ok(match session::binding(state, headers).await? {
        Some(Binding::Session(s)) => (session::session_csrf(&s), None),
        Some(Binding::Login(nonce)) => (staff::login_csrf_token(&nonce), None),
        None => {
            let nonce = staff::random_token();
            (
                staff::login_csrf_token(&nonce),
                Some(session::login_cookie(state, &nonce)),
            )
        }
    })
}

async fn login_page(
    state: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    username: String,
    error: Option<String>,
) -> Result<Response, AppError> {
    let (csrf, cookie) = login_token(state, headers).await?;
    let page = LoginPage {
        ui: AdminUi::signing_in(lang, csrf, "/admin/login"),
        username,
        error,
    };
    let mut res = render(&page)?;
    if let Some(c) = cookie {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    Ok(res)
}

async fn login_form(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Response, AppError> {
    if let Some(current) = session::current(&state, &headers).await? {
        return Ok(see_other(stage_path(current.session.stage)));
    }
    login_page(
        &state,
        &headers,
        lang_of(q.lang.as_deref()),
        String::new(),
        None,
    )
    .await
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    lang: Option<String>,
}

fn wait_message(tr: crate::i18n::Tr, wait: Duration) -> String {
    tr.wait_minutes("admin.login.throttled", wait)
}

/// A page refusing a request, with its status and `Retry-After`.
pub(super) fn refused(mut page: Response, status: StatusCode, retry_after: Duration) -> Response {
    *page.status_mut() = status;
    page.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from(retry_after_secs(retry_after)),
    );
    page
}

async fn login(
    State(state): State<AppState>,
    ClientNetwork(network): ClientNetwork,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let lang = lang_of(form.lang.as_deref());
    let tr = crate::i18n::Tr(lang);
    let username = form.username.trim().to_owned();
    let store = state.store();
    if let Some(wait) = throttle::wait(store, &username, OffsetDateTime::now_utc()).await? {
        let msg = wait_message(tr, wait);
        return login_page(&state, &headers, lang, username, Some(msg)).await;
    }
    // The network's bucket: shared by every node on PostgreSQL.
    if let Decision::Throttle { retry_after } = state
        .intake()
        .check(LimitKind::SignIn, network, Instant::now())
        .await
    {
        let msg = tr.wait_minutes("admin.login.network_throttled", retry_after);
        let page = login_page(&state, &headers, lang, username, Some(msg)).await?;
        return Ok(refused(page, StatusCode::TOO_MANY_REQUESTS, retry_after));
    }
    let Ok(slot) = state.staff().hashing.admit().await else {
        let msg = tr.t("admin.busy").to_owned();
        let page = login_page(&state, &headers, lang, username, Some(msg)).await?;
        return Ok(refused(
            page,
            StatusCode::SERVICE_UNAVAILABLE,
            BUSY_RETRY_AFTER,
        ));
    };
    // Attempts on this account that were queued with this one (on any node) may have made it
    // wait.
    if let Some(wait) = throttle::wait(store, &username, OffsetDateTime::now_utc()).await? {
        let msg = wait_message(tr, wait);
        return login_page(&state, &headers, lang, username, Some(msg)).await;
    }
    let password = SecretString::from(form.password);
    let checked = keyring::sign_in(state.store(), &username, &password).await;
    drop(slot);
    let signed_in = match checked {
        Ok(s) => s,
        Err(KeyringError::WrongCredentials | KeyringError::NoKeyForRole) => {
            throttle::failed(store, &username, OffsetDateTime::now_utc()).await?;
            let msg = tr.t("admin.login.wrong").to_owned();
            return login_page(&state, &headers, lang, username, Some(msg)).await;
        }
        Err(KeyringError::Storage(e)) => return Err(e.into()),
        Err(other) => return Err(AppError::Internal(other.into())),
    };
    // An earlier session in this browser (part way, or expired) is ended, not reused.
    if let Some(old) = session::session_id_hash(&state, &headers) {
        session::end_by_hash(&state, &old).await?;
    }
    let user = signed_in.user;
    let stage = if user.must_change_password {
        SessionStage::ChangePassword
    } else if state.store().totp(user.id).await?.is_none() {
        SessionStage::EnrolTotp
    } else {
        SessionStage::Totp
    };
    let value = session::begin(&state, &user, stage, lang, signed_in.key).await?;
    Ok(see_other_with(
        stage_path(stage),
        &[
            session::session_cookie(&state, &value),
            session::clear_login_cookie(&state),
        ],
    ))
}

/// The request's session if it is at `stage`; otherwise where the browser should go.
async fn at_stage(
    state: &AppState,
    headers: &HeaderMap,
    stage: SessionStage,
) -> Result<Result<Current, Response>, AppError> {
    match session::current(state, headers).await? {
        Some(c) if c.session.stage == stage => Ok(Ok(c)),
        Some(c) => Ok(Err(see_other(stage_path(c.session.stage)))),
        None => Ok(Err(see_other_with(
            "/admin/login",
            &[session::clear_session_cookie(state)],
        ))),
    }
}

fn pending_ui(current: &Current, here: &str) -> AdminUi {
    AdminUi::signing_in(
        current.session.lang,
        session::session_csrf(&current.session),
        here,
    )
}

#[derive(Template)]
#[template(path = "admin/password.html")]
struct PasswordPage {
    ui: AdminUi,
    min_chars: usize,
    /// This node does not hold the key the password unlocked on another node (or before a
    /// restart): the form asks for that password again, to unwrap the key here and wrap it
    /// under the new one.
    needs_current: bool,
    error: Option<String>,
}

/// Whether this node lacks the key a password change must re-wrap.
fn needs_current(state: &AppState, current: &Current) -> bool {
    current.user.role.reads_raw() && state.staff().vault.get(&current.session.vault_id).is_none()
}

async fn password_form(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let current = match at_stage(&state, &headers, SessionStage::ChangePassword).await? {
        Ok(c) => c,
        Err(to) => return Ok(to),
    };
    render(&PasswordPage {
        ui: pending_ui(&current, "/admin/login/password"),
        min_chars: MIN_PASSWORD_CHARS,
        needs_current: needs_current(&state, &current),
        error: None,
    })
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    repeat: String,
}

async fn password(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    let current = match at_stage(&state, &headers, SessionStage::ChangePassword).await? {
        Ok(c) => c,
        Err(to) => return Ok(to),
    };
    let tr = crate::i18n::Tr(current.session.lang);
    let error = if form.new_password != form.repeat {
        Some(tr.t("admin.password.mismatch").to_owned())
    } else if form.new_password.chars().count() < MIN_PASSWORD_CHARS {
        Some(tr.f(
            "admin.password.too_short",
            &[("min", &MIN_PASSWORD_CHARS.to_string())],
        ))
    } else {
        None
    };
    let again = |error: String| {
        render(&PasswordPage {
            ui: pending_ui(&current, "/admin/login/password"),
            min_chars: MIN_PASSWORD_CHARS,
            needs_current: needs_current(&state, &current),
            error: Some(error),
        })
    };
    if let Some(error) = error {
        return again(error);
    }
    let Ok(slot) = state.staff().hashing.admit().await else {
        let page = again(tr.t("admin.busy").to_owned())?;
        return Ok(refused(
            page,
            StatusCode::SERVICE_UNAVAILABLE,
            BUSY_RETRY_AFTER,
        ));
    };
    let name = current.user.username.as_str();
    if needs_current(&state, &current) {
        if let Some(wait) = throttle::wait(state.store(), name, OffsetDateTime::now_utc()).await? {
            drop(slot);
            return again(wait_message(tr, wait));
        }
        let typed = SecretString::from(form.current);
        match keyring::sign_in(state.store(), name, &typed).await {
            Ok(signed) if signed.user.id == current.user.id && signed.key.is_some() => {
                if let Some(key) = signed.key {
                    let vault = &state.staff().vault;
                    vault.insert(&current.session.vault_id, std::sync::Arc::new(key));
                }
            }
            Ok(_) | Err(KeyringError::WrongCredentials | KeyringError::NoKeyForRole) => {
                drop(slot);
                throttle::failed(state.store(), name, OffsetDateTime::now_utc()).await?;
                return again(tr.t("admin.unlock.wrong").to_owned());
            }
            Err(KeyringError::Storage(e)) => return Err(e.into()),
            Err(other) => return Err(AppError::Internal(other.into())),
        }
    }
    let key = state.staff().vault.get(&current.session.vault_id);
    let new = SecretString::from(form.new_password);
    keyring::set_password(
        state.store(),
        &current.user,
        key.as_deref(),
        &new,
        state.kdf(),
    )
    .await
    .map_err(|e| AppError::Internal(e.into()))?;
    drop(slot);
    let next = if state.store().totp(current.user.id).await?.is_none() {
        SessionStage::EnrolTotp
    } else {
        SessionStage::Totp
    };
    session::advance(&state, &current, next).await?;
    Ok(see_other(stage_path(next)))
}

#[derive(Template)]
#[template(path = "admin/enrol.html")]
struct EnrolPage {
    ui: AdminUi,
    qr_svg: String,
    secret_groups: String,
    error: Option<String>,
}

/// The secret offered to this session: the one sealed in its row if this browser's cookie
/// opens it, else a new one sealed there now. Any node can show and check it.
async fn pending_secret(
    state: &AppState,
    headers: &HeaderMap,
    current: &Current,
) -> Result<String, AppError> {
    let cookie = session::session_cookie_value(state, headers).unwrap_or_default();
    if let Some(secret) = current
        .session
        .pending_totp
        .as_deref()
        .and_then(|sealed| totp::open_pending(cookie, sealed))
    {
        return Ok(secret);
    }
    let secret = totp::new_secret();
    state
        .store()
        .set_pending_totp(
            &current.session.id_hash,
            Some(&totp::seal_pending(cookie, &secret)),
        )
        .await?;
    Ok(secret)
}

async fn enrol_page(
    state: &AppState,
    headers: &HeaderMap,
    current: &Current,
    error: Option<String>,
) -> Result<Response, AppError> {
    let secret = pending_secret(state, headers, current).await?;
    let issuer = state
        .config()
        .site_title
        .clone()
        .unwrap_or_else(|| "Naqsha".to_owned());
    let url = totp::otpauth_url(&secret, &issuer, current.user.username.as_str())
        .map_err(|e| AppError::Internal(e.into()))?;
    let qr_svg = totp::qr_svg(&url).map_err(|e| AppError::Internal(e.into()))?;
    let secret_groups = secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let mut res = render(&EnrolPage {
        ui: pending_ui(current, "/admin/login/enrol"),
        qr_svg,
        secret_groups,
        error,
    })?;
    // The page shows a secret: never keep it in any cache.
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}

async fn enrol_form(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    match at_stage(&state, &headers, SessionStage::EnrolTotp).await? {
        Ok(current) => enrol_page(&state, &headers, &current, None).await,
        Err(to) => Ok(to),
    }
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

fn unix_now() -> u64 {
    u64::try_from(OffsetDateTime::now_utc().unix_timestamp()).unwrap_or(0)
}

async fn enrol(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Result<Response, AppError> {
    let current = match at_stage(&state, &headers, SessionStage::EnrolTotp).await? {
        Ok(c) => c,
        Err(to) => return Ok(to),
    };
    let tr = crate::i18n::Tr(current.session.lang);
    let cookie = session::session_cookie_value(&state, &headers).unwrap_or_default();
    let Some(secret) = current
        .session
        .pending_totp
        .as_deref()
        .and_then(|sealed| totp::open_pending(cookie, sealed))
    else {
        return enrol_page(&state, &headers, &current, None).await;
    };
    let step = totp::matching_step(&secret, &form.code, unix_now())
        .map_err(|e| AppError::Internal(e.into()))?;
    let Some(step) = step else {
        let msg = tr.t("admin.totp.wrong").to_owned();
        return enrol_page(&state, &headers, &current, Some(msg)).await;
    };
    state
        .store()
        .set_totp(current.user.id, &secret, step)
        .await?;
    state
        .store()
        .append_audit(
            &AuditEvent::now(Some(current.user.id), AuditAction::UserChange)
                .subject(current.user.id)
                .detail("second factor enrolled"),
        )
        .await?;
    finish(&state, &current).await
}

/// Completes sign-in: a new session id, the audit entry, and the workspace.
async fn finish(state: &AppState, current: &Current) -> Result<Response, AppError> {
    throttle::succeeded(state.store(), current.user.username.as_str()).await?;
    let value = session::advance(state, current, SessionStage::Active)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("sign-in did not rotate the id")))?;
    Ok(see_other_with(
        "/admin",
        &[session::session_cookie(state, &value)],
    ))
}

#[derive(Template)]
#[template(path = "admin/totp.html")]
struct TotpPage {
    ui: AdminUi,
    error: Option<String>,
}

async fn totp_form(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    match at_stage(&state, &headers, SessionStage::Totp).await? {
        Ok(current) => render(&TotpPage {
            ui: pending_ui(&current, "/admin/login/totp"),
            error: None,
        }),
        Err(to) => Ok(to),
    }
}

async fn totp_code(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Result<Response, AppError> {
    let current = match at_stage(&state, &headers, SessionStage::Totp).await? {
        Ok(c) => c,
        Err(to) => return Ok(to),
    };
    let tr = crate::i18n::Tr(current.session.lang);
    let name = current.user.username.as_str().to_owned();
    let page = |error: String| {
        render(&TotpPage {
            ui: pending_ui(&current, "/admin/login/totp"),
            error: Some(error),
        })
    };
    if let Some(wait) = throttle::wait(state.store(), &name, OffsetDateTime::now_utc()).await? {
        return page(wait_message(tr, wait));
    }
    let Some(enrolled) = state.store().totp(current.user.id).await? else {
        session::advance(&state, &current, SessionStage::EnrolTotp).await?;
        return Ok(see_other(stage_path(SessionStage::EnrolTotp)));
    };
    let step = totp::matching_step(&enrolled.secret, &form.code, unix_now())
        .map_err(|e| AppError::Internal(e.into()))?;
    // A code works once: its step must be later than the last one used, atomically.
    let accepted = match step {
        Some(step) => state.store().use_totp_step(current.user.id, step).await?,
        None => false,
    };
    if !accepted {
        throttle::failed(state.store(), &name, OffsetDateTime::now_utc()).await?;
        state
            .store()
            .append_audit(
                &AuditEvent::now(Some(current.user.id), AuditAction::LoginFailed)
                    .subject(current.user.id)
                    .detail("second factor"),
            )
            .await?;
        return page(tr.t("admin.totp.wrong").to_owned());
    }
    finish(&state, &current).await
}

async fn logout(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    session::end_by_hash(&state, &staff.session).await?;
    state
        .store()
        .append_audit(
            &AuditEvent::now(Some(staff.user.id), AuditAction::Logout).subject(staff.user.id),
        )
        .await?;
    Ok(see_other_with(
        "/admin/login",
        &[session::clear_session_cookie(&state)],
    ))
}

#[derive(Deserialize)]
pub struct LangForm {
    lang: String,
    #[serde(default)]
    back: String,
}

async fn switch_lang(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<LangForm>,
) -> Result<Response, AppError> {
    let lang = Lang::from_code(&form.lang).ok_or(AppError::BadRequest {
        key: "error.bad_request.form.body",
    })?;
    let back = back_to(&form.back)?;
    state.store().set_session_lang(&staff.session, lang).await?;
    Ok(see_other(back))
}

/// Where the language switch goes back to: the workspace page it was sent from, or the
/// workspace's start for anything else — never another site. A `back` that cannot even be
/// a `Location` header (a line break or other control character in it, or characters that
/// a header cannot carry) is refused as a malformed request.
fn back_to(back: &str) -> Result<&str, AppError> {
    if back.chars().any(char::is_control) || header::HeaderValue::from_str(back).is_err() {
        return Err(AppError::BadRequest {
            key: "error.bad_request.back.body",
        });
    }
    let workspace = back
        .strip_prefix("/admin")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']));
    if workspace && !back.contains('\\') {
        Ok(back)
    } else {
        Ok("/admin")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_goes_only_to_a_workspace_page() {
        for here in ["/admin", "/admin/inbox", "/admin/inbox?page=2", "/admin#x"] {
            assert_eq!(back_to(here).unwrap(), here);
        }
        for elsewhere in [
            "",
            "https://evil.example/admin",
            "//evil.example/admin",
            "/administrator",
            "/admin\\..\\evil",
            "/stories/1",
        ] {
            assert_eq!(back_to(elsewhere).unwrap(), "/admin", "{elsewhere:?}");
        }
    }

    #[test]
    fn a_back_with_a_line_break_or_control_is_a_bad_request() {
        for bad in [
            "/admin\r\nSet-Cookie: x=1",
            "/admin\nx",
            "/admin\u{0}",
            "/admin\u{7f}",
            "/admin/\u{85}",
        ] {
            assert!(
                matches!(
                    back_to(bad),
                    Err(AppError::BadRequest {
                        key: "error.bad_request.back.body"
                    })
                ),
                "{bad:?}"
            );
        }
    }
}
