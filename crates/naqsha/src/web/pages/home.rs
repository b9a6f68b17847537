//! `GET /` and `GET /ur/`: what the platform is, how many cases are published and where, and
//! the latest stories, twenty to a page.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use naqsha_core::case::Case;
use serde::Deserialize;

use super::case_view::{card_labels, display_title, month_label, place_label, province_label};
use super::render;
use crate::state::AppState;
use crate::storage::{CaseFilter, PublicStore};
use crate::web::error::AppError;
use crate::web::i18n::Tr;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;

/// Stories per page of the list.
pub const PAGE_SIZE: u32 = 20;
/// Category labels shown on a card.
const CARD_LABELS: usize = 3;

/// The query string of the home page.
#[derive(Debug, Deserialize)]
pub struct HomeQuery {
    page: Option<String>,
}

/// One row of the counts table.
struct PlaceCount {
    name: String,
    count: i64,
}

/// A story in the list.
struct StoryCard {
    href: String,
    title: String,
    /// `Some((lang, dir))` when the story is not in the page language.
    foreign: Option<(&'static str, &'static str)>,
    month: Option<String>,
    place: Option<String>,
    labels: Vec<String>,
    demo: bool,
}

/// Links between pages of the list.
struct Paging {
    position: String,
    newer: Option<String>,
    older: Option<String>,
}

#[derive(Template)]
#[template(path = "public/home.html")]
struct HomePage {
    ui: Ui,
    total: i64,
    by_place: Vec<PlaceCount>,
    cards: Vec<StoryCard>,
    paging: Option<Paging>,
}

/// Parses `?page=N` (1 when absent).
fn page_number(query: Result<Query<HomeQuery>, QueryRejection>) -> Result<u32, AppError> {
    let text = match &query {
        Ok(Query(q)) => q.page.as_deref().map(str::trim).unwrap_or(""),
        Err(_) => "invalid",
    };
    match text {
        "" => Ok(1),
        _ => text
            .parse::<u32>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or(AppError::BadRequest {
                key: "error.page_number.body",
            }),
    }
}

/// The home page in the language of the path.
pub async fn home(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    query: Result<Query<HomeQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let page = page_number(query)?;
    let store = state.store();
    let filter = CaseFilter::default();
    let total = store.count_published(&filter).await?;
    let pages = u32::try_from((total.max(1) + i64::from(PAGE_SIZE) - 1) / i64::from(PAGE_SIZE))
        .unwrap_or(u32::MAX);
    if page > pages {
        return Err(AppError::NotFound);
    }
    let cases = store
        .published_cases(&filter, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        .await?;
    let by_province = store.published_by_province().await?;

    let ui = Ui::new(&state, lang, "/");
    let tr = ui.tr;
    let by_place = by_province
        .iter()
        .map(|(province, count)| PlaceCount {
            name: province_label(state.gazetteer(), tr, province.as_ref()),
            count: *count,
        })
        .collect();
    let cards = cases
        .iter()
        .filter_map(|case| card(&state, &ui, case))
        .collect();
    let paging = (pages > 1).then(|| {
        let href = |n: u32| {
            if n == 1 {
                ui.href("/")
            } else {
                format!("{}?page={n}", ui.href("/"))
            }
        };
        Paging {
            position: tr.f(
                "paging.position",
                &[("page", &page.to_string()), ("pages", &pages.to_string())],
            ),
            newer: (page > 1).then(|| href(page - 1)),
            older: (page < pages).then(|| href(page + 1)),
        }
    });
    render(&HomePage {
        ui,
        total,
        by_place,
        cards,
        paging,
    })
}

/// The card of one case; `None` for a case without a story in any language (publication
/// requires one, so that would be a broken record, left out of the list rather than shown
/// untitled).
fn card(state: &AppState, ui: &Ui, case: &Case) -> Option<StoryCard> {
    let tr: Tr = ui.tr;
    let (story_lang, story) = case.story_for(ui.lang)?;
    Some(StoryCard {
        href: ui.href(&format!("/stories/{}", case.id)),
        title: display_title(case, story.title.as_str()),
        foreign: (story_lang != ui.lang).then(|| (story_lang.code(), story_lang.dir())),
        month: month_label(tr, case.period),
        place: place_label(
            state.gazetteer(),
            tr,
            case.place.as_ref(),
            case.province.as_ref(),
        ),
        labels: card_labels(state.taxonomy(), &case.labels, ui.lang, CARD_LABELS),
        demo: case.demo,
    })
}
