//! Responses on a campaign's page (`/campaign/{slug}`): the same section as under a story,
//! posting to `/campaign/{slug}/respond`, and the page of all of them
//! (`/campaign/{slug}/responses`). A slug with no campaign is "not found" and stores nothing.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Response};
use naqsha_core::campaign::CampaignSlug;
use naqsha_core::lang::Lang;
use naqsha_core::response::ResponseTarget;

use super::list::{PageQuery, list};
use super::section::{ResponseFormView, ResponsesSection};
use super::submit::{PostedResponse, Submitted, submit};
use crate::state::AppState;
use crate::web::client::ClientNetwork;
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::campaign::{content, render_campaign, today};

/// The responses section of a campaign's page, with the form blank or as `form` holds it.
pub async fn section(
    state: &AppState,
    lang: Lang,
    slug: &CampaignSlug,
    form: Option<ResponseFormView>,
) -> ResponsesSection {
    let ui = Ui::new(state, lang, &format!("/campaign/{slug}"));
    let form = form.unwrap_or_else(|| {
        ResponseFormView::blank(state, ui.href(&format!("/campaign/{slug}/respond")))
    });
    ResponsesSection::load(
        state,
        &ui,
        ResponseTarget::Campaign(slug.to_string()),
        ui.href(&format!("/campaign/{slug}/responses")),
        form,
    )
    .await
}

/// `POST /campaign/{slug}/respond`: a response to a campaign; a form to correct comes back
/// on the campaign's page.
pub async fn respond(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    ClientNetwork(network): ClientNetwork,
    Path(slug): Path<String>,
    Form(posted): Form<PostedResponse>,
) -> Result<Response, AppError> {
    let slug = CampaignSlug::parse(&slug).map_err(|_| AppError::NotFound)?;
    let page = content(&state, &slug).await?.ok_or(AppError::NotFound)?;
    let action = Ui::new(&state, lang, "/").href(&format!("/campaign/{slug}/respond"));
    let target = ResponseTarget::Campaign(slug.to_string());
    match submit(&state, lang, network, target, action, posted).await? {
        Submitted::Stored(redirect) => Ok(redirect),
        Submitted::Again(form, again) => {
            let snapshot = state.published().await?;
            let responses = section(&state, lang, &slug, Some(form)).await;
            let html = render_campaign(
                &state,
                &snapshot,
                &page,
                lang,
                today(&state),
                Some(responses),
            )?;
            let mut res = Html(html).into_response();
            again.apply(&mut res);
            Ok(res)
        }
    }
}

/// `GET /campaign/{slug}/responses`: every approved response to a campaign.
pub async fn all(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    Path(slug): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let slug = CampaignSlug::parse(&slug).map_err(|_| AppError::NotFound)?;
    content(&state, &slug).await?.ok_or(AppError::NotFound)?;
    list(
        &state,
        lang,
        ResponseTarget::Campaign(slug.to_string()),
        &format!("/campaign/{slug}/responses"),
        &format!("/campaign/{slug}"),
        q.page(),
    )
    .await
}
