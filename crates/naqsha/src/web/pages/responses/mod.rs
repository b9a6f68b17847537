//! Responses from the public to a published story (and to a campaign): the section under
//! the story with the approved ones and the form ([`section`]), sending one ([`submit`]),
//! its receipt shown once (`/respond/receipt/{view}`), the page of all of a story's
//! responses (`/stories/{id}/responses`), and changing or deleting one with its receipt
//! ([`manage`], `/responses/manage`). Nothing a reader sends is shown before a moderator
//! approves it: the public side reads only the published responses.

pub mod manage;
pub mod section;
pub mod submit;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use naqsha_core::lang::Lang;
use naqsha_core::response::{ResponseKind, ResponseTarget};
use serde::Deserialize;

use self::section::ResponseItem;
use super::render;
use crate::state::AppState;
use crate::storage::{PublicResponseFilter, ResponseStore, quick};
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::resources::{Helpline, helpline};

/// Name of the response form in its signed token.
pub const FORM: &str = "response";

/// Responses on one page of a story's list.
const PER_PAGE: u32 = 50;

#[derive(Template)]
#[template(path = "public/response_receipt.html")]
struct ReceiptPage {
    ui: Ui,
    helpline: Option<Helpline>,
    words: String,
    digit_groups: Vec<String>,
    urdu_words: Vec<&'static str>,
    urdu_first: bool,
    manage_href: String,
}

/// `GET /respond/receipt/{view}`: a response's receipt, shown once.
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
    let ui = Ui::new(&state, lang, "/responses/manage");
    render(&ReceiptPage {
        helpline: helpline(&state.config().data_dir, lang)?,
        manage_href: ui.href("/responses/manage"),
        ui,
        words: receipt.words(),
        digit_groups: receipt.digits().split(' ').map(str::to_owned).collect(),
        urdu_words: receipt.urdu_words(),
        urdu_first: lang == Lang::Ur,
    })
}

/// The page of a list.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    page: Option<String>,
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
    let found = quick(state.store().published_responses(
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
    let case = super::story::published(&state, &id).await?;
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

/// The routes of responses (the story's form posts to `/stories/{id}/respond`, in
/// [`super::story::routes`]).
pub fn routes() -> Vec<(&'static str, axum::routing::MethodRouter<AppState>)> {
    use axum::routing::get;
    let manage = || get(manage::form).post(manage::submit);
    vec![
        ("/respond/receipt/{view}", get(receipt)),
        ("/ur/respond/receipt/{view}", get(receipt)),
        ("/stories/{id}/responses", get(story_list)),
        ("/ur/stories/{id}/responses", get(story_list)),
        ("/responses/manage", manage()),
        ("/ur/responses/manage", manage()),
    ]
}
