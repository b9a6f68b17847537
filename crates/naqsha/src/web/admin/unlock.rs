//! Per-node unlock: a signed-in staff member whose request reached a node that does not hold
//! her session's key (she signed in through another node, or this one restarted) enters her
//! password once on this node, which unwraps the organisation key into its own memory. She
//! stays signed in throughout; no node ends another node's session.
//!
//! The session cookie already proved the second factor at sign-in and the session's timeouts
//! are in its row, so the password alone unlocks here; wrong passwords count in the same
//! throttle as the sign-in form's, and each check passes this node's hashing gate.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use naqsha_core::sealing::SecretString;
use serde::Deserialize;
use time::OffsetDateTime;

use super::super::error::AppError;
use super::super::pages::render;
use super::session::Staff;
use super::{Access, AdminUi, Route};
use crate::keyring::{self, KeyringError};
use crate::staff::hash_gate::BUSY_RETRY_AFTER;
use crate::staff::throttle;
use crate::state::AppState;

/// The unlock route.
pub fn routes() -> Vec<Route> {
    vec![Route {
        path: "/admin/unlock",
        access: Access::SignedIn,
        router: get(unlock_form).post(unlock),
    }]
}

/// Where a request that needed the key goes: the unlock page, coming back to the page asked
/// for (a GET), or to the workspace with a note that what was sent was not saved (a form
/// posted to this node before it held the key; the browser's back button still has it).
pub fn redirect(method: &Method, uri: &Uri) -> Response {
    let to = if *method == Method::GET || *method == Method::HEAD {
        let back = uri.path_and_query().map_or("/admin", |p| p.as_str());
        let back: String = form_urlencoded::byte_serialize(back.as_bytes()).collect();
        format!("/admin/unlock?back={back}")
    } else {
        "/admin/unlock?unsent=1".to_owned()
    };
    Redirect::to(&to).into_response()
}

#[derive(Template)]
#[template(path = "admin/unlock.html")]
struct UnlockPage {
    ui: AdminUi,
    back: String,
    unsent: bool,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct UnlockQuery {
    #[serde(default)]
    back: String,
    #[serde(default)]
    unsent: Option<String>,
}

/// A workspace page to come back to; anything else goes to the workspace's start.
fn back_to(back: &str) -> String {
    let workspace = back
        .strip_prefix("/admin")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?']));
    let safe = workspace
        && !back.contains('\\')
        && !back.chars().any(char::is_control)
        && !back.starts_with("/admin/unlock");
    if safe {
        back.to_owned()
    } else {
        "/admin".to_owned()
    }
}

fn page(
    staff: &Staff,
    back: String,
    unsent: bool,
    error: Option<String>,
) -> Result<Response, AppError> {
    render(&UnlockPage {
        ui: AdminUi::new(staff, "", "/admin/unlock"),
        back,
        unsent,
        error,
    })
}

async fn unlock_form(staff: Staff, Query(q): Query<UnlockQuery>) -> Result<Response, AppError> {
    let back = back_to(&q.back);
    // The form is shown even if this node holds the key: behind a proxy that does not pin
    // `/admin`, the node that sent her here and the one that answers this page differ, and
    // sending her back from here would send her round in a loop. Her password then unlocks
    // whichever node receives it, and a node that already holds the key just sends her back.
    if !staff.can(naqsha_core::user::Permission::ReadRaw) {
        return Ok(Redirect::to(&back).into_response());
    }
    page(&staff, back, q.unsent.is_some(), None)
}

#[derive(Deserialize)]
pub struct UnlockForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    back: String,
}

async fn unlock(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<UnlockForm>,
) -> Result<Response, AppError> {
    let back = back_to(&form.back);
    if staff.holds_key() || !staff.can(naqsha_core::user::Permission::ReadRaw) {
        return Ok(Redirect::to(&back).into_response());
    }
    let tr = crate::i18n::Tr(staff.lang);
    let name = staff.user.username.as_str().to_owned();
    let store = state.store();
    if let Some(wait) = throttle::wait(store, &name, OffsetDateTime::now_utc()).await? {
        let msg = tr.wait_minutes("admin.login.throttled", wait);
        return page(&staff, back, false, Some(msg));
    }
    let Ok(slot) = state.staff().hashing.admit().await else {
        let msg = tr.t("admin.busy").to_owned();
        let res = page(&staff, back, false, Some(msg))?;
        return Ok(super::login::refused(
            res,
            StatusCode::SERVICE_UNAVAILABLE,
            BUSY_RETRY_AFTER,
        ));
    };
    let password = SecretString::from(form.password);
    let checked = keyring::sign_in(store, &name, &password).await;
    drop(slot);
    match checked {
        Ok(signed) if signed.user.id == staff.user.id => {
            let Some(key) = signed.key else {
                return Err(AppError::Forbidden {
                    key: "error.forbidden.locked",
                });
            };
            state.staff().vault.insert(&staff.vault_id, Arc::new(key));
            throttle::succeeded(store, &name).await?;
            tracing::info!(node = %state.config().node, "a session's key was unlocked on this node");
            Ok(Redirect::to(&back).into_response())
        }
        Ok(_) | Err(KeyringError::WrongCredentials | KeyringError::NoKeyForRole) => {
            throttle::failed(store, &name, OffsetDateTime::now_utc()).await?;
            let msg = tr.t("admin.unlock.wrong").to_owned();
            page(&staff, back, false, Some(msg))
        }
        Err(KeyringError::Storage(e)) => Err(e.into()),
        Err(other) => Err(AppError::Internal(other.into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_goes_only_to_a_workspace_page_other_than_this_one() {
        for here in ["/admin", "/admin/inbox", "/admin/submissions/x?done=note"] {
            assert_eq!(back_to(here), here);
        }
        for elsewhere in [
            "",
            "https://evil.example/admin",
            "//evil.example",
            "/administrator",
            "/admin\\..\\x",
            "/admin/unlock?back=/admin",
            "/admin/x\r\nSet-Cookie: a=1",
        ] {
            assert_eq!(back_to(elsewhere), "/admin", "{elsewhere:?}");
        }
    }

    #[test]
    fn a_page_comes_back_and_a_form_says_it_was_not_sent() {
        let get = redirect(&Method::GET, &"/admin/inbox?page=2".parse().unwrap());
        assert_eq!(
            get.headers()["location"],
            "/admin/unlock?back=%2Fadmin%2Finbox%3Fpage%3D2"
        );
        let post = redirect(&Method::POST, &"/admin/submissions/x/note".parse().unwrap());
        assert_eq!(post.headers()["location"], "/admin/unlock?unsent=1");
    }
}
