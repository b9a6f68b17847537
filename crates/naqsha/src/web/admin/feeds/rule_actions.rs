//! Adding, changing and removing a keyword rule.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use time::OffsetDateTime;

use super::super::super::error::AppError;
use super::super::super::pages::render;
use super::super::AdminUi;
use super::super::session::Staff;
use super::{RuleFormView, RuleInput, audited, feeds_page};
use crate::state::AppState;
use crate::storage::NewsStore;
use naqsha_core::news::{
    InvalidInput, Rule, RuleId, RuleLang, parse_hints, parse_name, parse_phrases,
};

#[derive(Template)]
#[template(path = "admin/rule_edit.html")]
struct EditPage {
    ui: AdminUi,
    rule_form: RuleFormView,
}

/// A rule from the form, or why not.
fn check(
    state: &AppState,
    id: RuleId,
    created_at: OffsetDateTime,
    input: &RuleInput,
) -> Result<Rule, InvalidInput> {
    Ok(Rule {
        id,
        name: parse_name(&input.name)?,
        phrases: parse_phrases(&input.phrases)?,
        lang: input.lang.parse::<RuleLang>()?,
        match_all: input.match_all,
        hints: parse_hints(input.hints.iter().map(String::as_str), state.taxonomy())?,
        enabled: input.enabled,
        created_at,
    })
}

async fn target(state: &AppState, id: &str) -> Result<Rule, AppError> {
    let id: RuleId = id.parse().map_err(|_| AppError::NotFound)?;
    state.store().rule(id).await?.ok_or(AppError::NotFound)
}

/// `POST /admin/feeds/rules`: adds a rule.
pub async fn add(
    State(state): State<AppState>,
    staff: Staff,
    body: Bytes,
) -> Result<Response, AppError> {
    let input = RuleInput::parse(&body);
    let now = OffsetDateTime::now_utc();
    match check(&state, RuleId::random(), now, &input) {
        Ok(rule) => {
            state.store().save_rule(&rule).await?;
            audited(&state, &staff, rule.id, "rule added").await?;
            Ok(Redirect::to("/admin/feeds?done=rule_added#rules").into_response())
        }
        Err(e) => {
            let mut form = RuleFormView::new(
                "/admin/feeds/rules".into(),
                "admin.feeds.add_rule",
                &input,
                state.taxonomy(),
                staff.lang,
            );
            form.error = Some(e.key());
            let page = feeds_page(&state, &staff, None, Some(form), None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

fn edit_page(state: &AppState, staff: &Staff, rule_id: RuleId, input: &RuleInput) -> EditPage {
    let here = format!("/admin/feeds/rules/{rule_id}");
    EditPage {
        ui: AdminUi::new(staff, "/admin/feeds", here.clone()),
        rule_form: RuleFormView::new(
            here,
            "admin.feeds.save",
            input,
            state.taxonomy(),
            staff.lang,
        ),
    }
}

/// `GET /admin/feeds/rules/{id}`: the rule's form.
pub async fn edit(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let rule = target(&state, &id).await?;
    render(&edit_page(&state, &staff, rule.id, &RuleInput::of(&rule)))
}

/// `POST /admin/feeds/rules/{id}`: saves the rule.
pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let existing = target(&state, &id).await?;
    let input = RuleInput::parse(&body);
    match check(&state, existing.id, existing.created_at, &input) {
        Ok(rule) => {
            state.store().save_rule(&rule).await?;
            audited(&state, &staff, rule.id, "rule changed").await?;
            Ok(Redirect::to("/admin/feeds?done=rule_saved#rules").into_response())
        }
        Err(e) => {
            let mut page = edit_page(&state, &staff, existing.id, &input);
            page.rule_form.error = Some(e.key());
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

/// `POST /admin/feeds/rules/{id}/delete`: removes the rule.
pub async fn delete(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let rule = target(&state, &id).await?;
    state.store().delete_rule(rule.id).await?;
    audited(&state, &staff, rule.id, "rule removed").await?;
    Ok(Redirect::to("/admin/feeds?done=rule_deleted#rules").into_response())
}
