//! Staff sessions over HTTP: the cookies, the [`Staff`] extractor every workspace handler
//! takes, and the session's life (begin after the password, rotate when fully signed in, end).
//!
//! The session cookie is `__Host-` prefixed, `Secure`, `HttpOnly`, `SameSite=Strict`, path
//! `/`, with no expiry (gone when the browser closes). With `server.secure_cookies = false`
//! (plain-http local use only) the prefix and `Secure` are dropped, since browsers refuse a
//! `__Host-` cookie without them.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::lang::Lang;
use naqsha_core::user::{Permission, SessionStage, User};
use time::OffsetDateTime;

use super::super::error::AppError;
use crate::keyring::Unlocked;
use crate::staff::{self, PENDING_TIMEOUT, expired};
use crate::state::AppState;
use crate::storage::{
    AuditStore, ResponseStore, StaffSession, StaffStore, StorageError, UserStore,
};

const SESSION_SECURE: &str = "__Host-naqsha-staff";
const SESSION_PLAIN: &str = "naqsha-staff";
const LOGIN_SECURE: &str = "__Host-naqsha-signin";
const LOGIN_PLAIN: &str = "naqsha-signin";

fn names(state: &AppState) -> (&'static str, &'static str) {
    if state.config().secure_cookies {
        (SESSION_SECURE, LOGIN_SECURE)
    } else {
        (SESSION_PLAIN, LOGIN_PLAIN)
    }
}

/// The value of cookie `name` in the request.
fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

fn set_cookie(state: &AppState, name: &str, value: &str, max_age: Option<u64>) -> HeaderValue {
    let secure = if state.config().secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let age = max_age
        .map(|s| format!("; Max-Age={s}"))
        .unwrap_or_default();
    let line = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict{secure}{age}");
    HeaderValue::from_str(&line).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The `Set-Cookie` that stores a session.
pub fn session_cookie(state: &AppState, value: &str) -> HeaderValue {
    set_cookie(state, names(state).0, value, None)
}

/// The `Set-Cookie` that removes the session cookie.
pub fn clear_session_cookie(state: &AppState) -> HeaderValue {
    set_cookie(state, names(state).0, "", Some(0))
}

/// The `Set-Cookie` of the sign-in form's nonce.
pub fn login_cookie(state: &AppState, nonce: &str) -> HeaderValue {
    set_cookie(
        state,
        names(state).1,
        nonce,
        Some(PENDING_TIMEOUT.as_secs()),
    )
}

/// The `Set-Cookie` that removes the sign-in nonce.
pub fn clear_login_cookie(state: &AppState) -> HeaderValue {
    set_cookie(state, names(state).1, "", Some(0))
}

/// The sign-in form's nonce, if the browser has one.
pub fn login_nonce<'h>(state: &AppState, headers: &'h HeaderMap) -> Option<&'h str> {
    cookie(headers, names(state).1)
}

/// The request's session cookie value, if it has one (never stored; the row is found by its
/// hash, and a pending TOTP secret is sealed with a key derived from it).
pub fn session_cookie_value<'h>(state: &AppState, headers: &'h HeaderMap) -> Option<&'h str> {
    cookie(headers, names(state).0)
}

/// The hash of the request's session cookie, if it has one.
pub fn session_id_hash(state: &AppState, headers: &HeaderMap) -> Option<String> {
    session_cookie_value(state, headers).map(staff::session_hash)
}

/// What a CSRF token must be bound to for this request.
pub enum Binding {
    /// A stored session (signed in, or part way): its random CSRF secret.
    Session(Box<StaffSession>),
    /// The sign-in form's nonce.
    Login(String),
}

impl Binding {
    /// Whether `token` is valid for this binding, on any node.
    pub fn accepts(&self, token: &str) -> bool {
        match self {
            Binding::Session(s) => staff::csrf_ok(&s.csrf_secret, "session", token),
            Binding::Login(nonce) => staff::login_csrf_ok(nonce, token),
        }
    }
}

/// The binding of the request: its stored session if it has one, else its sign-in nonce.
/// A cookie of a session that no longer exists binds nothing (the nonce, if any, counts).
pub async fn binding(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Binding>, StorageError> {
    if let Some(hash) = session_id_hash(state, headers)
        && let Some(session) = state.store().session(&hash).await?
    {
        return Ok(Some(Binding::Session(Box::new(session))));
    }
    Ok(login_nonce(state, headers).map(|n| Binding::Login(n.to_owned())))
}

/// The CSRF token of a session's forms.
pub fn session_csrf(session: &StaffSession) -> String {
    staff::csrf_token(&session.csrf_secret, "session")
}

/// A session part way through sign-in, or fully signed in, as found for a request.
pub struct Current {
    /// The stored session.
    pub session: StaffSession,
    /// Its account.
    pub user: User,
}

/// The request's live session and account, ending it (and forgetting its key here) if it has
/// expired or the account was disabled.
///
/// A session whose key this node does not hold is not ended: the key may be in another
/// node's memory, or this node restarted since. Pages that need the key ask for the password
/// to unlock it on this node ([`Staff::key`], `/admin/unlock`); the cookie still proves the
/// second factor, the password proves the rest, and the session's timeouts are in its row.
pub async fn current(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Current>, StorageError> {
    let Some(hash) = session_id_hash(state, headers) else {
        return Ok(None);
    };
    let Some(session) = state.store().session(&hash).await? else {
        return Ok(None);
    };
    let now = OffsetDateTime::now_utc();
    let user = state.store().user(session.user).await?;
    match user {
        Some(user) if !user.disabled && !expired(&session, now) => {
            Ok(Some(Current { session, user }))
        }
        _ => {
            end(state, &session).await?;
            Ok(None)
        }
    }
}

/// Ends a session: the row, and the key this node holds for it. Other nodes that unlocked it
/// forget theirs at their next sweep (within a minute), finding no live session for it.
pub async fn end(state: &AppState, session: &StaffSession) -> Result<(), StorageError> {
    state.staff().vault.remove(&session.vault_id);
    state.store().delete_session(&session.id_hash).await?;
    Ok(())
}

/// Ends the session stored under `id_hash`, if there is one.
pub async fn end_by_hash(state: &AppState, id_hash: &str) -> Result<(), StorageError> {
    if let Some(session) = state.store().session(id_hash).await? {
        end(state, &session).await?;
    }
    Ok(())
}

/// Stores a new session row under a fresh id, on this node, with a fresh CSRF secret;
/// returns the cookie value and the row.
async fn new_session(
    state: &AppState,
    user: &User,
    stage: SessionStage,
    lang: Lang,
    vault_id: String,
) -> Result<(String, StaffSession), StorageError> {
    let value = staff::random_token();
    let now = OffsetDateTime::now_utc();
    let session = StaffSession {
        id_hash: staff::session_hash(&value),
        user: user.id,
        stage,
        lang,
        created_at: now,
        last_seen_at: now,
        node: state.config().node.to_string(),
        vault_id,
        csrf_secret: staff::random_token(),
        pending_totp: None,
    };
    state.store().insert_session(&session).await?;
    Ok((value, session))
}

/// Starts a session after a correct password, at `stage`, holding `key` in this node's
/// memory. Returns the cookie value.
pub async fn begin(
    state: &AppState,
    user: &User,
    stage: SessionStage,
    lang: Lang,
    key: Option<Unlocked>,
) -> Result<String, StorageError> {
    let (value, session) = new_session(state, user, stage, lang, staff::random_token()).await?;
    if let Some(key) = key {
        state.staff().vault.insert(&session.vault_id, Arc::new(key));
    }
    Ok(value)
}

/// Moves a pending session on: to another pending stage under the same id, or to
/// [`SessionStage::Active`] under a new id (rotation at sign-in, so an id seen before sign-in
/// is worthless after). The key stays where it is, under the same vault id, on whichever node
/// holds it. Returns the new cookie value when the id changed.
pub async fn advance(
    state: &AppState,
    current: &Current,
    stage: SessionStage,
) -> Result<Option<String>, StorageError> {
    let old = &current.session.id_hash;
    if stage != SessionStage::Active {
        state.store().set_session_stage(old, stage).await?;
        return Ok(None);
    }
    let vault_id = current.session.vault_id.clone();
    let (value, _) =
        new_session(state, &current.user, stage, current.session.lang, vault_id).await?;
    state.store().delete_session(old).await?;
    state
        .store()
        .append_audit(
            &AuditEvent::now(Some(current.user.id), AuditAction::Login).subject(current.user.id),
        )
        .await?;
    Ok(Some(value))
}

/// A signed-in staff member: what every workspace handler takes.
#[derive(Clone)]
pub struct Staff {
    /// The account.
    pub user: User,
    /// The session's id hash.
    pub session: String,
    /// What the session's key is kept under in memory.
    pub vault_id: String,
    /// The workspace language.
    pub lang: Lang,
    /// The CSRF token for this session's forms.
    pub csrf: String,
    /// The organisation's time zone, times are shown in.
    pub tz: jiff::tz::TimeZone,
    /// How many responses from the public wait for a moderator (for the menu; only for
    /// roles that moderate).
    pub responses_waiting: Option<u64>,
    key: Option<Arc<Unlocked>>,
}

impl Staff {
    /// Whether the account's role allows `what`.
    pub fn can(&self, what: Permission) -> bool {
        self.user.role.can(what)
    }

    /// Refuses with 403 unless the role allows `what`.
    pub fn require(&self, what: Permission) -> Result<(), AppError> {
        if self.can(what) {
            Ok(())
        } else {
            Err(AppError::Forbidden {
                key: "error.forbidden.role",
            })
        }
    }

    /// The organisation key this session unlocked, for reading raw reports. Refuses unless
    /// the role reads raw reports; when this node does not hold the key (it was unlocked on
    /// another node, or this one restarted), the person is sent to `/admin/unlock` to enter
    /// the password here ([`AppError::Locked`]).
    pub fn key(&self) -> Result<&Unlocked, AppError> {
        self.require(Permission::ReadRaw)?;
        self.key.as_deref().ok_or(AppError::Locked)
    }

    /// Whether this node holds the session's key.
    pub fn holds_key(&self) -> bool {
        self.key.is_some()
    }
}

/// Why a request has no signed-in staff member: it is sent to the sign-in page.
pub struct SignInFirst;

impl IntoResponse for SignInFirst {
    fn into_response(self) -> Response {
        Redirect::to("/admin/login").into_response()
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        // The access layer already looked the session up for this request.
        if let Some(staff) = parts.extensions.get::<Staff>() {
            return Ok(staff.clone());
        }
        let current = current(state, &parts.headers)
            .await
            .map_err(|e| AppError::from(e).into_response())?;
        let Some(Current { session, user }) = current else {
            return Err(SignInFirst.into_response());
        };
        if session.stage != SessionStage::Active {
            return Err(Redirect::to(super::login::stage_path(session.stage)).into_response());
        }
        state
            .store()
            .touch_session(&session.id_hash, OffsetDateTime::now_utc())
            .await
            .map_err(|e| AppError::from(e).into_response())?;
        let responses_waiting = if user.role.can(Permission::Moderate) {
            let (waiting, _) = state
                .store()
                .waiting_response_counts()
                .await
                .map_err(|e| AppError::from(e).into_response())?;
            Some(waiting)
        } else {
            None
        };
        Ok(Staff {
            responses_waiting,
            csrf: session_csrf(&session),
            key: state.staff().vault.get(&session.vault_id),
            lang: session.lang,
            vault_id: session.vault_id,
            session: session.id_hash,
            tz: state.config().time_zone.clone(),
            user,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_read_from_any_cookie_header() {
        let mut h = HeaderMap::new();
        h.append(
            header::COOKIE,
            "a=1; __Host-naqsha-staff=abc".parse().unwrap(),
        );
        h.append(header::COOKIE, "b=2".parse().unwrap());
        assert_eq!(cookie(&h, SESSION_SECURE), Some("abc"));
        assert_eq!(cookie(&h, "b"), Some("2"));
        assert_eq!(cookie(&h, "c"), None);
    }

    #[test]
    fn sessions_expire_by_stage_idle_and_age() {
        let now = OffsetDateTime::now_utc();
        let mut s = StaffSession {
            id_hash: "h".into(),
            user: naqsha_core::ids::UserId::random(),
            stage: SessionStage::Totp,
            lang: Lang::EN,
            created_at: now - time::Duration::minutes(11),
            last_seen_at: now,
            node: "web-1".into(),
            vault_id: "v".into(),
            csrf_secret: "s".into(),
            pending_totp: None,
        };
        assert!(expired(&s, now), "a pending sign-in lasts 10 minutes");
        s.stage = SessionStage::Active;
        assert!(!expired(&s, now));
        s.last_seen_at = now - time::Duration::minutes(31);
        assert!(expired(&s, now), "30 minutes idle");
        s.last_seen_at = now;
        s.created_at = now - time::Duration::hours(13);
        assert!(expired(&s, now), "12 hours in all");
    }
}
