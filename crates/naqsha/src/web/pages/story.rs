//! `GET /stories/{id}` and `GET /ur/stories/{id}`: one published story.

use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::Response;
use naqsha_core::ids::CaseId;
use naqsha_core::lang::Lang;

use super::case_view::{
    LabelGroup, display_title, label_groups, month_label, paragraphs, place_label,
};
use super::render;
use crate::state::AppState;
use crate::storage::PublicStore;
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;

#[derive(Template)]
#[template(path = "public/story.html")]
struct StoryPage {
    ui: Ui,
    title: String,
    /// `Some((lang, dir))` when the story is not in the page language.
    foreign: Option<(&'static str, &'static str)>,
    /// The note saying which language the story is in, when it is not the page's.
    only_in: Option<&'static str>,
    month: Option<String>,
    place: Option<String>,
    groups: Vec<LabelGroup>,
    paragraphs: Vec<Vec<String>>,
    demo: bool,
}

/// A published story; any other id, valid or not, is "not found".
pub async fn story(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    // A malformed id (even one that is not valid UTF-8) is just an address with no story.
    let Ok(Path(id)) = id else {
        return Err(AppError::NotFound);
    };
    let id: CaseId = id.parse().map_err(|_| AppError::NotFound)?;
    let case = state
        .store()
        .published_case(id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (story_lang, story) = case.story_for(lang).ok_or(AppError::NotFound)?;

    let ui = Ui::new(&state, lang, &format!("/stories/{id}"));
    let tr = ui.tr;
    let foreign = story_lang != lang;
    let page = StoryPage {
        title: display_title(&case, story.title.as_str()),
        foreign: foreign.then(|| (story_lang.code(), story_lang.dir())),
        only_in: foreign.then(|| match story_lang {
            Lang::En => tr.t("story.only_in_en"),
            Lang::Ur => tr.t("story.only_in_ur"),
        }),
        month: month_label(tr, case.period),
        place: place_label(
            state.gazetteer(),
            tr,
            case.place.as_ref(),
            case.province.as_ref(),
        ),
        groups: label_groups(state.taxonomy(), &case.labels, lang),
        paragraphs: paragraphs(story.text.as_str()),
        demo: case.demo,
        ui,
    };
    render(&page)
}

/// The routes of story pages.
pub fn routes() -> Vec<(&'static str, axum::routing::MethodRouter<AppState>)> {
    vec![
        ("/stories/{id}", axum::routing::get(story)),
        ("/ur/stories/{id}", axum::routing::get(story)),
    ]
}
