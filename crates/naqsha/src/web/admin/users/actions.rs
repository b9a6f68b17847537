//! Disabling a staff account and resetting its second factor. Each first shows a
//! confirmation (a plain form posting back with `confirm=yes`), then acts, ends every
//! session of the account at once (forgetting the keys they unlocked) and is audited.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::ids::UserId;
use naqsha_core::user::User;
use serde::Deserialize;

use super::super::super::error::AppError;
use super::super::super::pages::render;
use super::super::session::{self, Staff};
use super::super::{AdminUi, role_key};
use crate::state::AppState;
use crate::storage::{AuditStore, StaffStore, StorageError, UserStore};

/// The confirmation of an action on an account.
#[derive(Template)]
#[template(path = "admin/user_confirm.html")]
struct ConfirmPage {
    ui: AdminUi,
    /// Translation key of the title.
    title: &'static str,
    /// Translation key of the explanation, with `{username}`.
    body: &'static str,
    /// Translation key of the confirming button.
    button: &'static str,
    username: String,
    role: &'static str,
    action: String,
}

/// An action's form: empty the first time, `confirm=yes` from the confirmation page.
#[derive(Debug, Default, Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    confirm: String,
}

/// The account named in the path.
async fn target(state: &AppState, id: &str) -> Result<User, AppError> {
    let id: UserId = id.parse().map_err(|_| AppError::NotFound)?;
    state.store().user(id).await?.ok_or(AppError::NotFound)
}

/// Ends every session of `user` now: the rows, and the organisation keys they unlocked on
/// this node (other nodes forget theirs at their next sweep, finding the sessions gone).
async fn end_sessions(state: &AppState, user: UserId) -> Result<(), StorageError> {
    for hash in state.store().sessions_of(user).await? {
        session::end_by_hash(state, &hash).await?;
    }
    // A session begun between the two statements would still be refused (the account is
    // disabled or has no second factor); this removes its row too.
    state.store().delete_sessions_of(user).await?;
    Ok(())
}

fn confirm_page(
    staff: &Staff,
    user: &User,
    action: &str,
    texts: (&'static str, &'static str, &'static str),
) -> Result<Response, AppError> {
    let (title, body, button) = texts;
    render(&ConfirmPage {
        ui: AdminUi::new(staff, "/admin/users", "/admin/users"),
        title,
        body,
        button,
        username: user.username.as_str().to_owned(),
        role: role_key(user.role),
        action: format!("/admin/users/{}/{action}", user.id),
    })
}

/// `POST /admin/users/{id}/disable`: disables the account and drops its key wrap.
pub async fn disable(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<ActionForm>,
) -> Result<Response, AppError> {
    let user = target(&state, &id).await?;
    if user.id == staff.user.id {
        return Err(AppError::Forbidden {
            key: "admin.users.error.self",
        });
    }
    if form.confirm != "yes" {
        return confirm_page(
            &staff,
            &user,
            "disable",
            (
                "admin.users.confirm.disable_title",
                "admin.users.confirm.disable_body",
                "admin.users.confirm.disable_button",
            ),
        );
    }
    if !user.disabled {
        state.store().disable_user(user.id).await?;
        end_sessions(&state, user.id).await?;
        state
            .store()
            .append_audit(
                &AuditEvent::now(Some(staff.user.id), AuditAction::UserChange)
                    .subject(user.id)
                    .detail("disabled"),
            )
            .await?;
    }
    Ok(Redirect::to("/admin/users?done=disabled").into_response())
}

/// `POST /admin/users/{id}/reset-second-factor`: removes the TOTP enrolment, so the account
/// enrols a new one at its next sign-in.
pub async fn reset_second_factor(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<ActionForm>,
) -> Result<Response, AppError> {
    let user = target(&state, &id).await?;
    if form.confirm != "yes" {
        return confirm_page(
            &staff,
            &user,
            "reset-second-factor",
            (
                "admin.users.confirm.reset_title",
                "admin.users.confirm.reset_body",
                "admin.users.confirm.reset_button",
            ),
        );
    }
    state.store().remove_totp(user.id).await?;
    end_sessions(&state, user.id).await?;
    state
        .store()
        .append_audit(
            &AuditEvent::now(Some(staff.user.id), AuditAction::UserChange)
                .subject(user.id)
                .detail("second factor reset"),
        )
        .await?;
    Ok(Redirect::to("/admin/users?done=reset").into_response())
}

#[cfg(test)]
mod tests {
    use naqsha_core::lang::Lang;

    use crate::i18n::Tr;

    #[test]
    fn confirmation_texts_exist_in_both_languages() {
        for lang in Lang::BASE {
            for key in [
                "admin.users.confirm.disable_title",
                "admin.users.confirm.disable_body",
                "admin.users.confirm.disable_button",
                "admin.users.confirm.reset_title",
                "admin.users.confirm.reset_body",
                "admin.users.confirm.reset_button",
                "admin.users.error.self",
                "admin.users.error.role",
                "admin.users.error.username",
                "admin.users.error.taken",
            ] {
                assert_ne!(Tr(lang).t(key), key, "{key} in {lang}");
            }
        }
    }
}
