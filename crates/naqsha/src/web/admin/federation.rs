//! `/admin/federation`: the instances this one follows, for admins. Each with its address
//! and key, the cases held, the last good pull, the last error and when, the next pull, and
//! the items its feed's last pages had refused with their reasons; "Pull now" (POST, then
//! back to the list); and the terms of the mapping file left unmapped.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use naqsha_core::user::Permission;
use serde::Deserialize;

use super::super::error::AppError;
use super::super::pages::render;
use super::session::Staff;
use super::{AdminUi, Route};
use crate::federation::pull::PullNow;
use crate::state::AppState;
use crate::storage::{Follow, FollowStore, RefusedItem};

/// The routes (admins: [`Permission::Settings`]).
pub fn routes() -> Vec<Route> {
    let p = Permission::Settings;
    vec![
        Route::needs("/admin/federation", p, get(list)),
        Route::needs("/admin/federation/pull", p, post(pull_now)),
    ]
}

/// One followed instance as the page shows it.
struct FollowRow {
    name: String,
    url: String,
    key: String,
    cases: u64,
    last_ok: Option<String>,
    error: Option<(String, Option<String>)>,
    failures: u32,
    next_pull: String,
    refused: Vec<RefusedItem>,
}

impl FollowRow {
    fn new(f: Follow, ui: &AdminUi) -> Self {
        Self {
            url: f.url.to_string(),
            key: f.public_key.to_string(),
            cases: f.cases,
            last_ok: f.last_ok_at.map(|t| ui.time(t)),
            error: f
                .last_error
                .map(|e| (e, f.last_error_at.map(|t| ui.time(t)))),
            failures: f.failures,
            next_pull: ui.time(f.next_pull_at),
            refused: f.refused,
            name: f.name,
        }
    }
}

/// A source's terms the mapping file leaves unmapped.
struct UnmappedRow {
    source: String,
    terms: Vec<(String, u64)>,
}

#[derive(Template)]
#[template(path = "admin/federation.html")]
struct FederationPage {
    ui: AdminUi,
    follows: Vec<FollowRow>,
    unmapped: Vec<UnmappedRow>,
    undecided: Vec<(String, Vec<String>)>,
    mapping_error: Option<String>,
    mapping_path: String,
    pull_minutes: u32,
    notice: Option<&'static str>,
}

/// What was just done, named in the redirect after "Pull now".
#[derive(Debug, Default, Deserialize)]
pub struct Done {
    #[serde(default)]
    done: String,
}

fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "pulled" => "admin.federation.done.pulled",
        "refused" => "admin.federation.done.refused",
        "busy" => "admin.federation.done.busy",
        "off" => "admin.federation.done.off",
        _ => return None,
    })
}

/// `GET /admin/federation`.
async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(done): Query<Done>,
) -> Result<Response, AppError> {
    let ui = AdminUi::new(&staff, "/admin/federation", "/admin/federation");
    let follows = state
        .store()
        .follows()
        .await?
        .into_iter()
        .map(|f| FollowRow::new(f, &ui))
        .collect();
    let followed = state.followed_cases().await?;
    let unmapped = followed
        .unmapped
        .iter()
        .map(|(source, terms)| UnmappedRow {
            source: source.clone(),
            terms: terms.iter().map(|(t, n)| (t.clone(), *n)).collect(),
        })
        .collect();
    let config = &state.config().federation;
    render(&FederationPage {
        ui,
        follows,
        unmapped,
        undecided: followed
            .undecided
            .iter()
            .map(|(s, t)| (s.clone(), t.clone()))
            .collect(),
        mapping_error: followed.mapping_error.clone(),
        mapping_path: config.mapping.display().to_string(),
        pull_minutes: config.pull_minutes,
        notice: notice(&done.done),
    })
}

/// What "Pull now" posts.
#[derive(Debug, Deserialize)]
pub struct PullInput {
    name: String,
}

/// `POST /admin/federation/pull`: pulls one followed instance now, then back to the list,
/// which shows what happened.
async fn pull_now(
    State(state): State<AppState>,
    _staff: Staff,
    Form(input): Form<PullInput>,
) -> Result<Response, AppError> {
    let Some(puller) = state.federation().puller() else {
        return Ok(Redirect::to("/admin/federation?done=off").into_response());
    };
    let done = match puller.pull_now(state.store(), &input.name).await? {
        PullNow::NotFollowed => return Err(AppError::NotFound),
        PullNow::Busy => "busy",
        PullNow::Pulled(o) if o.error.is_some() => "refused",
        PullNow::Pulled(_) => "pulled",
    };
    Ok(Redirect::to(&format!("/admin/federation?done={done}")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Tr;
    use naqsha_core::lang::Lang;

    #[test]
    fn every_notice_exists_in_both_languages() {
        for lang in Lang::BASE {
            for done in ["pulled", "refused", "busy", "off"] {
                let key = notice(done).unwrap();
                assert_ne!(Tr(lang).t(key), key, "{key} in {lang}");
            }
        }
    }
}
