//! `GET /admin/cases`: coded cases in every status, for everyone who may view cases
//! (analysts too). Only coded fields are shown: title, kinds, place, month, verification,
//! status and publication date — never a report's raw text.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use naqsha_core::case::{Case, CaseStatus};
use naqsha_core::places::{PlaceId, PlaceLevel};
use serde::Deserialize;
use time::macros::format_description;

use super::page::{Choice, Paging, choices};
use super::{case_status_key, kind_options, page_count, province_options, verification_key};
use crate::state::AppState;
use crate::storage::{CaseListFilter, ModerationStore};
use crate::web::admin::AdminUi;
use crate::web::admin::session::Staff;
use crate::web::error::AppError;
use crate::web::pages::case_view::{display_title, month_label, place_label};
use crate::web::pages::render;

/// Cases per page.
pub const PER_PAGE: u32 = 50;

/// The query string as typed.
#[derive(Debug, Default, Deserialize)]
pub struct CasesQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    province: String,
    #[serde(default)]
    page: String,
}

/// One row of the list.
pub struct CaseRow {
    /// Title in the page language, or the other one.
    pub title: Option<String>,
    /// Kind labels.
    pub kinds: Vec<String>,
    /// Place name.
    pub place: Option<String>,
    /// Month.
    pub month: Option<String>,
    /// Verification label.
    pub verification: String,
    /// Status label.
    pub status: String,
    /// Publication day.
    pub published: Option<String>,
    /// The public page, when published.
    pub public_href: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/cases.html")]
struct CasesPage {
    ui: AdminUi,
    statuses: Vec<Choice>,
    kinds: Vec<Choice>,
    provinces: Vec<Choice>,
    total: String,
    rows: Vec<CaseRow>,
    paging: Option<Paging>,
}

/// A parsed query.
struct Chosen {
    filter: CaseListFilter,
    page: u32,
}

impl Chosen {
    fn href(&self, page: u32) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if let Some(s) = self.filter.status {
            q.append_pair("status", s.as_str());
        }
        if let Some(k) = &self.filter.kind {
            q.append_pair("kind", k);
        }
        if let Some(p) = &self.filter.province {
            q.append_pair("province", p.as_str());
        }
        if page > 1 {
            q.append_pair("page", &page.to_string());
        }
        format!("/admin/cases?{}", q.finish())
    }
}

fn parse(state: &AppState, q: &CasesQuery) -> Option<Chosen> {
    let status = match q.status.trim() {
        "" => None,
        s => Some(s.parse::<CaseStatus>().ok()?),
    };
    let kind = match q.kind.trim() {
        "" => None,
        k => Some(state.taxonomy().term("kind", k)?.key.to_string()),
    };
    let province = match q.province.trim() {
        "" => None,
        p => {
            let id = PlaceId::new(p).ok()?;
            if state.gazetteer().get(&id)?.level() != PlaceLevel::Province {
                return None;
            }
            Some(id)
        }
    };
    let page = match q.page.trim() {
        "" => 1,
        p => p.parse::<u32>().ok().filter(|n| *n >= 1)?,
    };
    Some(Chosen {
        filter: CaseListFilter {
            status,
            kind,
            province,
        },
        page,
    })
}

/// `GET /admin/cases`.
pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    query: Result<Query<CasesQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let bad = AppError::BadRequest {
        key: "admin.cases.error.filter",
    };
    let Ok(Query(query)) = query else {
        return Err(bad);
    };
    let chosen = parse(&state, &query).ok_or(bad)?;
    let store = state.store();
    let total = store.count_cases(&chosen.filter).await?;
    let pages = page_count(total, PER_PAGE);
    if chosen.page > pages {
        return Err(AppError::NotFound);
    }
    let cases = store
        .cases(&chosen.filter, PER_PAGE, (chosen.page - 1) * PER_PAGE)
        .await?;
    let ui = AdminUi::new(&staff, "/admin/cases", chosen.href(chosen.page));
    let rows = cases.iter().map(|c| row(&state, &ui, c)).collect();
    let statuses = CaseStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), ui.t(case_status_key(*s)).to_owned()))
        .collect();
    let paging = (pages > 1).then(|| Paging {
        position: ui.f(
            "admin.cases.position",
            &[
                ("page", &chosen.page.to_string()),
                ("pages", &pages.to_string()),
            ],
        ),
        newer: (chosen.page > 1).then(|| chosen.href(chosen.page - 1)),
        older: (chosen.page < pages).then(|| chosen.href(chosen.page + 1)),
    });
    let page = CasesPage {
        statuses: choices(statuses, chosen.filter.status.map_or("", |s| s.as_str())),
        kinds: choices(
            kind_options(state.taxonomy(), ui.lang),
            chosen.filter.kind.as_deref().unwrap_or(""),
        ),
        provinces: choices(
            province_options(state.gazetteer(), ui.lang),
            chosen.filter.province.as_ref().map_or("", |p| p.as_str()),
        ),
        total: ui.p(
            "admin.cases.count",
            u64::try_from(total).unwrap_or(0),
            &[("count", &total.to_string())],
        ),
        rows,
        paging,
        ui,
    };
    render(&page)
}

fn row(state: &AppState, ui: &AdminUi, case: &Case) -> CaseRow {
    let kinds: Vec<String> = case.labels.terms("kind").map(|t| t.to_string()).collect();
    CaseRow {
        title: case
            .story_for(ui.lang)
            .map(|(_, story)| display_title(case, story.title.as_str())),
        kinds: super::kind_labels(state.taxonomy(), &kinds, ui.lang),
        place: place_label(
            state.gazetteer(),
            ui.tr,
            case.place.as_ref(),
            case.province.as_ref(),
        ),
        month: month_label(ui.tr, case.period),
        verification: ui.t(verification_key(case.verification)).to_owned(),
        status: ui.t(case_status_key(case.status)).to_owned(),
        published: case.published_at.map(|t| {
            t.format(format_description!("[year]-[month]-[day]"))
                .unwrap_or_default()
        }),
        public_href: (case.status == CaseStatus::Published)
            .then(|| format!("/stories/{}", case.id)),
    }
}
