//! Campaign pages: `/campaigns` lists them, `/campaign/{slug}` shows one (title, intro, the
//! day's prompt during its period, posts newest first with anchors, the stories it
//! selected), each also under `/ur/`; `/campaign/images/{id}` serves the images uploaded for
//! them (cleaned of metadata at upload). Everything shown was written by staff in the safe
//! Markdown subset; images in it show only when they are ours. The home page features the
//! campaign of the day ([`feature`]).
//!
//! These pages read the store only through [`CampaignStore`] (`AppState::campaign_store`),
//! and the published stories from the snapshot.

pub mod feature;

use std::collections::HashSet;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use naqsha_core::campaign::{Campaign, CampaignImageId, CampaignPost, CampaignSlug, format_day};
use naqsha_core::lang::Lang;
use naqsha_core::safe_markdown::{Block, Inline, parse_with_images};
use time::Date;

use crate::i18n::Tr;
use crate::public::Snapshot;
use crate::state::AppState;
use crate::storage::{CampaignStore, StorageError, quick};
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::responses::section::ResponsesSection;
use crate::web::public_route::PublicRoute;

/// Images never change once uploaded (a new image is a new id).
const IMAGE_CACHE: &str = "public, max-age=31536000, immutable";

/// The routes of the campaign pages.
pub fn routes() -> Vec<PublicRoute> {
    vec![
        PublicRoute::page("/campaigns", get(list)),
        PublicRoute::page("/campaign/{slug}", get(page)),
        PublicRoute::once("/campaign/images/{id}", get(image)),
    ]
}

/// Today in the deployment's time zone (`[server] time_zone`): a campaign's days are the
/// organisation's days, so a Pakistan deployment changes prompt at midnight in Pakistan.
pub fn today(state: &AppState) -> Date {
    let zoned = jiff::Timestamp::now().to_zoned(state.config().time_zone.clone());
    let d = zoned.date();
    time::Month::try_from(d.month().unsigned_abs())
        .ok()
        .and_then(|m| Date::from_calendar_date(i32::from(d.year()), m, d.day().unsigned_abs()).ok())
        .unwrap_or_else(|| time::OffsetDateTime::now_utc().date())
}

/// A day as the pages show it: "25 November 2026".
pub fn day_label(tr: Tr, day: Date) -> String {
    format!(
        "{} {} {}",
        day.day(),
        tr.month(u8::from(day.month())),
        day.year()
    )
}

/// Text in a language, with the language it is in (it may be the other one).
pub struct Said {
    /// The text.
    pub text: String,
    /// Its language code, when it differs from the page's.
    pub lang: Option<&'static str>,
    /// Its direction, when it differs from the page's.
    pub dir: Option<&'static str>,
}

impl Said {
    fn of(b: &naqsha_core::campaign::Bilingual, lang: Lang) -> Self {
        let in_lang = b.lang_of(lang);
        let other = in_lang != lang;
        Self {
            text: b.get(lang).to_owned(),
            lang: other.then(|| in_lang.code()),
            dir: other.then(|| in_lang.dir()),
        }
    }
}

/// A story the campaign selected, as a link.
pub struct StoryLink {
    /// `/stories/{id}` in the page language.
    pub href: String,
    /// Its title.
    pub title: Said,
}

/// The selected stories that are published now (a withdrawn one is left out), at most
/// `limit`.
pub fn story_links(
    snapshot: &Snapshot,
    campaign: &Campaign,
    ui: &Ui,
    limit: usize,
) -> Vec<StoryLink> {
    campaign
        .stories
        .iter()
        .filter_map(|id| snapshot.case(*id))
        .filter_map(|case| {
            let title = naqsha_core::campaign::Bilingual {
                en: case.title_en.clone().unwrap_or_default(),
                ur: case.title_ur.clone().unwrap_or_default(),
            };
            (!title.get(ui.lang).is_empty()).then(|| StoryLink {
                href: ui.href(&format!("/stories/{}", case.id)),
                title: Said::of(&title, ui.lang),
            })
        })
        .take(limit)
        .collect()
}

/// A post as the page shows it.
struct PostView {
    anchor: String,
    title: Said,
    date: String,
    machine_date: String,
    body: Vec<Block>,
}

#[derive(Template)]
#[template(path = "public/campaign.html")]
struct CampaignPage {
    ui: Ui,
    slug: String,
    title: Said,
    intro: Vec<Block>,
    intro_lang: Option<&'static str>,
    intro_dir: Option<&'static str>,
    period: String,
    prompt: Option<Said>,
    posts: Vec<PostView>,
    stories: Vec<StoryLink>,
    /// The approved responses and the form to send one (none in a static export).
    responses: Option<ResponsesSection>,
}

/// Parses a staff text, keeping only images that are ours.
fn markdown(text: &str, images: &HashSet<String>) -> Vec<Block> {
    parse_with_images(text, &|id| images.contains(id))
}

/// Every campaign image id, as the Markdown parser asks about them.
async fn image_ids(state: &AppState) -> Result<HashSet<String>, StorageError> {
    Ok(quick(state.campaign_store().campaign_image_ids())
        .await?
        .into_iter()
        .map(|id| id.to_string())
        .collect())
}

/// Everything a campaign page shows, read once (the export uses it too).
pub struct CampaignContent {
    /// The campaign.
    pub campaign: Campaign,
    /// Its posts, newest first.
    pub posts: Vec<CampaignPost>,
    /// Ids of our images.
    pub images: HashSet<String>,
}

/// Reads a campaign's page content by slug; None when there is no such campaign.
pub async fn content(
    state: &AppState,
    slug: &CampaignSlug,
) -> Result<Option<CampaignContent>, StorageError> {
    let store = state.campaign_store();
    let Some(campaign) = quick(store.campaign_by_slug(slug)).await? else {
        return Ok(None);
    };
    let posts = quick(store.campaign_posts(campaign.id)).await?;
    let images = image_ids(state).await?;
    Ok(Some(CampaignContent {
        campaign,
        posts,
        images,
    }))
}

/// The page of a campaign in `lang`, as HTML, with its responses section when served.
pub fn render_campaign(
    state: &AppState,
    snapshot: &Snapshot,
    c: &CampaignContent,
    lang: Lang,
    today: Date,
    responses: Option<ResponsesSection>,
) -> Result<String, AppError> {
    let campaign = &c.campaign;
    let path = format!("/campaign/{}", campaign.slug);
    let ui = Ui::new(state, lang, &path);
    let tr = ui.tr;
    let intro_lang = campaign.intro.lang_of(lang);
    let other = (intro_lang != lang).then_some(intro_lang);
    let page = CampaignPage {
        slug: campaign.slug.to_string(),
        title: Said::of(&campaign.title, lang),
        intro: markdown(campaign.intro.get(lang), &c.images),
        intro_lang: other.map(|l| l.code()),
        intro_dir: other.map(|l| l.dir()),
        period: tr.f(
            "campaign.period",
            &[
                ("first", &day_label(tr, campaign.period.first())),
                ("last", &day_label(tr, campaign.period.last())),
            ],
        ),
        prompt: campaign.prompt_on(today).map(|p| Said::of(p, lang)),
        posts: c
            .posts
            .iter()
            .map(|p| PostView {
                anchor: format!("post-{}", p.id),
                title: Said::of(&p.title, lang),
                date: day_label(tr, p.date),
                machine_date: format_day(p.date),
                body: markdown(p.body.get(lang), &c.images),
            })
            .collect(),
        stories: story_links(snapshot, campaign, &ui, usize::MAX),
        responses,
        ui,
    };
    Ok(crate::web::pages::html(&page)?)
}

/// `GET /campaign/{slug}` and `/ur/campaign/{slug}`.
async fn page(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let slug = CampaignSlug::parse(&slug).map_err(|_| AppError::NotFound)?;
    let content = content(&state, &slug).await?.ok_or(AppError::NotFound)?;
    let snapshot = state.published().await?;
    let responses =
        crate::web::pages::responses::campaign::section(&state, lang, &slug, None).await;
    let html = render_campaign(
        &state,
        &snapshot,
        &content,
        lang,
        today(&state),
        Some(responses),
    )?;
    Ok(axum::response::Html(html).into_response())
}

/// A campaign of the list.
pub struct CampaignItem {
    href: String,
    title: Said,
    period: String,
    now: bool,
}

#[derive(Template)]
#[template(path = "public/campaigns.html")]
struct ListPage {
    ui: Ui,
    campaigns: Vec<CampaignItem>,
}

/// The list of campaigns in `lang`, as HTML.
pub fn render_list(
    state: &AppState,
    campaigns: &[Campaign],
    lang: Lang,
    today: Date,
) -> Result<String, AppError> {
    let ui = Ui::new(state, lang, "/campaigns");
    let tr = ui.tr;
    let page = ListPage {
        campaigns: campaigns
            .iter()
            .map(|c| CampaignItem {
                href: ui.href(&format!("/campaign/{}", c.slug)),
                title: Said::of(&c.title, lang),
                period: tr.f(
                    "campaign.period",
                    &[
                        ("first", &day_label(tr, c.period.first())),
                        ("last", &day_label(tr, c.period.last())),
                    ],
                ),
                now: c.period.contains(today),
            })
            .collect(),
        ui,
    };
    Ok(crate::web::pages::html(&page)?)
}

/// `GET /campaigns` and `/ur/campaigns`.
async fn list(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
) -> Result<Response, AppError> {
    let campaigns = quick(state.campaign_store().campaigns()).await?;
    let html = render_list(&state, &campaigns, lang, today(&state))?;
    Ok(axum::response::Html(html).into_response())
}

/// `GET /campaign/images/{id}`: an image, as cleaned at upload.
async fn image(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: CampaignImageId = id.parse().map_err(|_| AppError::NotFound)?;
    let image = quick(state.campaign_store().campaign_image(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let content_type = HeaderValue::from_str(&image.info.content_type)
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, HeaderValue::from_static(IMAGE_CACHE)),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        image.bytes,
    )
        .into_response())
}
