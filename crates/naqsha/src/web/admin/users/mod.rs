//! `/admin/users`: staff accounts for admins. The list (role, status, second factor, key),
//! adding an account with a one-time password shown once (roles that read raw reports get
//! a wrap of the organisation key from the admin's unlocked session), and in
//! [`actions`] disabling an account or resetting its second factor.

mod actions;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::{get, post};
use naqsha_core::password::generate_one_time_password;
use naqsha_core::text::Username;
use naqsha_core::user::{Permission, Role};
use secrecy::ExposeSecret;
use serde::Deserialize;
use time::macros::format_description;

use super::super::error::AppError;
use super::super::pages::render;
use super::session::Staff;
use super::{AdminUi, Route, role_key};
use crate::i18n::Tr;
use crate::keyring::{self, KeyringError};
use crate::state::AppState;
use crate::storage::{StaffStore, StorageError, UserStore};

/// The staff account routes.
pub fn routes() -> Vec<Route> {
    vec![
        Route::needs("/admin/users", Permission::ManageUsers, get(list).post(add)),
        Route::needs(
            "/admin/users/{id}/disable",
            Permission::ManageUsers,
            post(actions::disable),
        ),
        Route::needs(
            "/admin/users/{id}/reset-second-factor",
            Permission::ManageUsers,
            post(actions::reset_second_factor),
        ),
    ]
}

/// One account as the list shows it.
struct UserRow {
    id: String,
    username: String,
    role: &'static str,
    disabled: bool,
    second_factor: bool,
    must_change_password: bool,
    holds_key: bool,
    created: String,
    is_self: bool,
}

/// One choice of the role `<select>`.
struct RoleChoice {
    value: &'static str,
    label: &'static str,
    selected: bool,
}

/// The account just added, with its one-time password: on this one page only.
struct Created {
    username: String,
    role: &'static str,
    password: String,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    ui: AdminUi,
    rows: Vec<UserRow>,
    roles: Vec<RoleChoice>,
    username: String,
    error: Option<String>,
    notice: Option<String>,
    created: Option<Created>,
}

/// What the add form had in it, kept to show again.
#[derive(Debug, Default, Deserialize)]
pub struct AddForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    role: String,
}

/// The page as it stands, with `form`'s values and a message or a new account.
async fn users_page(
    state: &AppState,
    staff: &Staff,
    form: &AddForm,
    error: Option<String>,
    notice: Option<String>,
    created: Option<Created>,
) -> Result<UsersPage, AppError> {
    let date = format_description!("[year]-[month]-[day]");
    let mut rows = Vec::new();
    for u in state.store().users().await? {
        rows.push(UserRow {
            id: u.id.to_string(),
            username: u.username.as_str().to_owned(),
            role: role_key(u.role),
            disabled: u.disabled,
            second_factor: state.store().totp(u.id).await?.is_some(),
            must_change_password: u.must_change_password,
            holds_key: u.key_wrap.is_some(),
            created: u
                .created_at
                .format(date)
                .map_err(|e| AppError::Internal(e.into()))?,
            is_self: u.id == staff.user.id,
        });
    }
    let roles = Role::ALL
        .iter()
        .map(|r| RoleChoice {
            value: r.as_str(),
            label: role_key(*r),
            selected: form.role == r.as_str(),
        })
        .collect();
    Ok(UsersPage {
        ui: AdminUi::new(staff, "/admin/users", "/admin/users"),
        rows,
        roles,
        username: form.username.clone(),
        error,
        notice,
        created,
    })
}

/// What was just done, named in the redirect after an action.
#[derive(Debug, Default, Deserialize)]
pub struct Done {
    #[serde(default)]
    done: String,
}

async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(done): Query<Done>,
) -> Result<Response, AppError> {
    let tr = Tr(staff.lang);
    let notice = match done.done.as_str() {
        "disabled" => Some(tr.t("admin.users.done.disabled").to_owned()),
        "reset" => Some(tr.t("admin.users.done.reset").to_owned()),
        _ => None,
    };
    let form = AddForm {
        role: Role::Moderator.as_str().to_owned(),
        ..AddForm::default()
    };
    render(&users_page(&state, &staff, &form, None, notice, None).await?)
}

/// Why an add was refused, as a translation key; `None` if the input is fine.
async fn refusal(state: &AppState, form: &AddForm) -> Result<Option<&'static str>, AppError> {
    if form.role.parse::<Role>().is_err() {
        return Ok(Some("admin.users.error.role"));
    }
    let Ok(name) = Username::parse(&form.username) else {
        return Ok(Some("admin.users.error.username"));
    };
    if state.store().user_by_name(name.as_str()).await?.is_some() {
        return Ok(Some("admin.users.error.taken"));
    }
    Ok(None)
}

async fn add(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<AddForm>,
) -> Result<Response, AppError> {
    let tr = Tr(staff.lang);
    let refuse = async |key: &'static str| -> Result<Response, AppError> {
        let msg = tr.t(key).to_owned();
        render(&users_page(&state, &staff, &form, Some(msg), None, None).await?)
    };
    if let Some(key) = refusal(&state, &form).await? {
        return refuse(key).await;
    }
    let role: Role = form.role.parse().map_err(|_| AppError::BadRequest {
        key: "admin.users.error.role",
    })?;
    let Ok(slot) = state.staff().hashing.admit().await else {
        let msg = tr.t("admin.busy").to_owned();
        let page = render(&users_page(&state, &staff, &form, Some(msg), None, None).await?)?;
        return Ok(super::login::refused(
            page,
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            crate::staff::hash_gate::BUSY_RETRY_AFTER,
        ));
    };
    let password = generate_one_time_password();
    let added = keyring::add_user(
        state.store(),
        staff.key()?,
        &form.username,
        role,
        &password,
        state.kdf(),
    )
    .await;
    drop(slot);
    let user = match added {
        Ok(u) => u,
        // Someone took the name since the check above.
        Err(KeyringError::Storage(StorageError::Conflict(_))) => {
            return refuse("admin.users.error.taken").await;
        }
        Err(KeyringError::Invalid(_)) => return refuse("admin.users.error.username").await,
        Err(KeyringError::Storage(e)) => return Err(e.into()),
        Err(e) => return Err(AppError::Internal(e.into())),
    };
    let created = Created {
        username: user.username.as_str().to_owned(),
        role: role_key(role),
        password: password.expose_secret().to_owned(),
    };
    let blank = AddForm {
        role: Role::Moderator.as_str().to_owned(),
        ..AddForm::default()
    };
    let page = users_page(&state, &staff, &blank, None, None, Some(created)).await?;
    let mut res = render(&page)?;
    // The password is on this page only: no cache may keep it.
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}
