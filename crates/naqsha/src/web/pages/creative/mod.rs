//! Creative responses to a campaign (issue 20 item 4): the form that takes a poem, a
//! drawing, a comic or a link to a video or a podcast (`/campaign/{slug}/create`), the
//! receipt shown once after it, the campaign's gallery of approved works
//! (`/campaign/{slug}/gallery`), and the pictures of approved works (`/responses/{id}/image`).
//! Each page also under `/ur/`. Nothing sent is public before a moderator approves it; the
//! gallery reads only the published records an approval writes.

mod form;
mod gallery;
mod image;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use naqsha_core::campaign::{Campaign, CampaignSlug};
use naqsha_core::lang::Lang;

use crate::state::AppState;
use crate::storage::{CampaignStore, quick};
use crate::web::error::AppError;
use crate::web::public_route::PublicRoute;

pub use form::MAX_BODY;

/// The campaign at `slug`, or "not found": the form and the gallery exist only for a
/// campaign there is, so nothing can be sent to (or listed for) a made-up one.
async fn campaign_of(state: &AppState, slug: &str) -> Result<Campaign, AppError> {
    let slug = CampaignSlug::parse(slug).map_err(|_| AppError::NotFound)?;
    quick(state.campaign_store().campaign_by_slug(&slug))
        .await?
        .ok_or(AppError::NotFound)
}

/// A text with the language it is in, for `lang` and `dir` on its element when that is not
/// the page's.
pub(crate) struct Shown {
    pub text: String,
    pub lang: Option<&'static str>,
    pub dir: Option<&'static str>,
}

impl Shown {
    fn new(text: impl Into<String>, text_lang: Lang, page: Lang) -> Self {
        let foreign = text_lang != page;
        Self {
            text: text.into(),
            lang: foreign.then(|| text_lang.code()),
            dir: foreign.then(|| text_lang.dir()),
        }
    }

    /// A campaign's title in the page language (or the other one, when it has none there).
    fn title_of(campaign: &Campaign, page: Lang) -> Self {
        Self::new(campaign.title.get(page), campaign.title.lang_of(page), page)
    }
}

/// The routes of creative responses and the gallery.
pub fn routes() -> Vec<PublicRoute> {
    let create = get(form::form)
        .post(form::submit)
        .layer(DefaultBodyLimit::max(MAX_BODY));
    vec![
        PublicRoute::page("/campaign/{slug}/create", create),
        PublicRoute::page("/campaign/{slug}/create/receipt/{view}", get(form::receipt)),
        PublicRoute::page("/campaign/{slug}/gallery", get(gallery::gallery)),
        PublicRoute::once("/responses/{id}/image", get(image::image)),
    ]
}
