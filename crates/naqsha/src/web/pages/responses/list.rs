//! The page of every approved response to a story (`/stories/{id}/responses`, 50 a page,
//! newest first), for when there are more than its page shows; [`list`] serves a campaign's
//! the same way. Reads only what approvals wrote, through the public store.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use naqsha_core::lang::Lang;
use naqsha_core::response::{ResponseKind, ResponseTarget};
use serde::Deserialize;

use super::section::ResponseItem;
use crate::state::AppState;
use crate::storage::{PublicResponseFilter, PublicStore, quick};
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::render;

/// Responses on one page of a list.
const PER_PAGE: u32 = 50;

/// The page of a list.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    page: Option<String>,
}

impl PageQuery {
    /// The page asked for, as given.
    pub fn page(&self) -> Option<&str> {
        self.page.as_deref()
    }
}

#[derive(Template)]
#[template(path = "public/responses_list.html")]
struct ListPage {
    ui: Ui,
    items: Vec<ResponseItem>,
    back_href: String,
    prev_href: Option<String>,
    next_href: Option<String>,
}

/// The page of every approved response to `target` (50 a page, newest first); `path` is its
/// address without the language prefix, `back` the page they answer.
pub async fn list(
    state: &AppState,
    lang: Lang,
    target: ResponseTarget,
    path: &str,
    back: &str,
    page: Option<&str>,
) -> Result<Response, AppError> {
    let page: u32 = match page {
        None => 1,
        Some(p) => p
            .parse()
            .ok()
            .filter(|p| (1..=10_000).contains(p))
            .ok_or(AppError::NotFound)?,
    };
    let ui = Ui::new(state, lang, path);
    let filter = PublicResponseFilter {
        target: Some(target),
        kind: None,
    };
    let found = quick(state.public_store().approved_responses(
        &filter,
        PER_PAGE + 1,
        (page - 1) * PER_PAGE,
    ))
    .await?;
    if found.is_empty() && page > 1 {
        return Err(AppError::NotFound);
    }
    let href = |p: u32| {
        if p == 1 {
            ui.href(path)
        } else {
            format!("{}?page={p}", ui.href(path))
        }
    };
    render(&ListPage {
        items: found
            .iter()
            .take(PER_PAGE as usize)
            .filter(|r| r.response.kind != ResponseKind::Creative)
            .map(|r| ResponseItem::new(ui.tr, r))
            .collect(),
        back_href: ui.href(back),
        prev_href: (page > 1).then(|| href(page - 1)),
        next_href: (found.len() > PER_PAGE as usize).then(|| href(page + 1)),
        ui,
    })
}

/// `GET /stories/{id}/responses`: every approved response to a published story.
pub async fn story_list(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let case = crate::web::pages::story::published(&state, &id).await?;
    list(
        &state,
        lang,
        ResponseTarget::Story(case),
        &format!("/stories/{case}/responses"),
        &format!("/stories/{case}"),
        q.page.as_deref(),
    )
    .await
}
