//! `GET /campaign/{slug}/gallery`: the creative responses a moderator approved for a
//! campaign, newest first, a page at a time. Each shows its title, its credit (a pseudonym,
//! or "Anonymous"), its licence, its picture (served by us), its text, and its link as a
//! link with the host it goes to. A link is never embedded: the page makes no request to
//! another host.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use naqsha_core::lang::Lang;
use naqsha_core::response::{ResponseKind, ResponseTarget};
use serde::Deserialize;

use super::form::licence_words;
use super::{Shown, campaign_of};
use crate::state::AppState;
use crate::storage::{PublicResponse, PublicResponseFilter, ResponseStore, quick};
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::render;

/// Works on a page.
pub const PAGE_SIZE: u32 = 12;

/// The gallery's query: the page, counted from 1 (anything else is the first page).
#[derive(Debug, Default, Deserialize)]
pub struct GalleryQuery {
    page: Option<String>,
}

/// One work as the gallery shows it.
pub struct Work {
    /// The element id, for a link to the work.
    pub anchor: String,
    pub title: Shown,
    /// The pseudonym; `None` shows "Anonymous".
    pub credit: Option<Shown>,
    pub licence: &'static str,
    /// The licence's own page (Creative Commons), if it has one.
    pub licence_href: Option<&'static str>,
    /// Our address of the picture.
    pub image_src: Option<String>,
    /// The text (a poem), kept with its line breaks.
    pub text: Option<Shown>,
    /// The link and the host it goes to.
    pub link: Option<(String, String)>,
}

/// Links to the pages before and after.
pub struct Paging {
    pub position: String,
    pub newer: Option<String>,
    pub older: Option<String>,
}

#[derive(Template)]
#[template(path = "public/gallery.html")]
struct GalleryPage {
    ui: Ui,
    campaign: Shown,
    campaign_href: String,
    create_href: String,
    works: Vec<Work>,
    paging: Option<Paging>,
}

fn work(ui: &Ui, lang: Lang, r: PublicResponse) -> Work {
    let p = r.response;
    let shown = |text: &str| Shown::new(text, p.lang, lang);
    let (licence, _) = p
        .licence
        .map(|l| licence_words(ui.tr, l))
        .unwrap_or((ui.t("creative.licence.all_rights_reserved"), ""));
    Work {
        anchor: format!("work-{}", r.id),
        title: shown(p.title.as_ref().map_or("", |t| t.as_str())),
        // A pseudonym is in whatever script she typed it in: left to the browser.
        credit: p.pseudonym.as_ref().map(|n| Shown {
            text: n.as_str().to_owned(),
            lang: None,
            dir: Some("auto"),
        }),
        licence,
        licence_href: p.licence.and_then(|l| l.url()),
        image_src: r.has_image.then(|| format!("/responses/{}/image", r.id)),
        text: p.text.as_ref().map(|t| shown(t.as_str())),
        link: p.link.as_ref().map(|l| (l.as_str().to_owned(), l.host())),
    }
}

/// The gallery of a campaign.
pub async fn gallery(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    Path(slug): Path<String>,
    query: Result<Query<GalleryQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let campaign = campaign_of(&state, &slug).await?;
    let slug = campaign.slug.as_str();
    let page: u32 = query
        .ok()
        .and_then(|Query(q)| q.page)
        .and_then(|p| p.parse().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1);
    let filter = PublicResponseFilter {
        target: Some(ResponseTarget::Campaign(slug.to_owned())),
        kind: Some(ResponseKind::Creative),
    };
    let total = quick(state.store().count_published_responses(&filter)).await?;
    let pages = u32::try_from(total.div_ceil(u64::from(PAGE_SIZE)))
        .unwrap_or(u32::MAX)
        .max(1);
    if page > pages {
        return Err(AppError::NotFound);
    }
    let found = quick(state.store().published_responses(
        &filter,
        PAGE_SIZE,
        (page - 1).saturating_mul(PAGE_SIZE),
    ))
    .await?;

    let here = format!("/campaign/{slug}/gallery");
    let ui = Ui::new(&state, lang, &here);
    let base = ui.href(&here);
    let href = |n: u32| {
        if n == 1 {
            base.clone()
        } else {
            format!("{base}?page={n}")
        }
    };
    let paging = (pages > 1).then(|| Paging {
        position: ui.tr.f(
            "creative.gallery.position",
            &[("page", &page.to_string()), ("pages", &pages.to_string())],
        ),
        newer: (page > 1).then(|| href(page - 1)),
        older: (page < pages).then(|| href(page + 1)),
    });
    let works = found.into_iter().map(|r| work(&ui, lang, r)).collect();
    render(&GalleryPage {
        campaign: Shown::title_of(&campaign, lang),
        campaign_href: ui.href(&format!("/campaign/{slug}")),
        create_href: ui.href(&format!("/campaign/{slug}/create")),
        works,
        paging,
        ui,
    })
}
