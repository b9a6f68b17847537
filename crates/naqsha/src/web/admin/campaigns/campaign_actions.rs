//! Starting a campaign and changing one.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::campaign::{
    Bilingual, Campaign, CampaignError, CampaignId, CampaignPeriod, CampaignSlug, parse_body,
    parse_day, parse_prompts, parse_story_ids, parse_title,
};

use super::super::super::error::AppError;
use super::super::super::pages::render;
use super::super::session::Staff;
use super::{
    CampaignFormView, CampaignInput, FieldErrors, Refused, change, edit_page, list_page, target,
};
use crate::public::Snapshot;
use crate::state::AppState;
use crate::storage::{CampaignStore, StorageError};

/// Another campaign has the address.
pub const SLUG_TAKEN: &str = "admin.campaigns.error.slug_taken";
/// A selected story is not a published story.
pub const NOT_PUBLISHED: &str = "admin.campaigns.error.not_published";

/// Checks the form: the campaign to store under `id`, or every field's problem.
fn check(
    id: CampaignId,
    input: &CampaignInput,
    snapshot: &Snapshot,
) -> Result<Campaign, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut field = |name: &'static str, e: CampaignError| errors.add(name, e.key());
    let slug = CampaignSlug::parse(input.slug.trim())
        .map_err(|e| field("slug", e))
        .ok();
    let title_en = parse_title(&input.title_en)
        .map_err(|e| field("title_en", e))
        .ok();
    let title_ur = parse_title(&input.title_ur)
        .map_err(|e| field("title_ur", e))
        .ok();
    let intro_en = parse_body(&input.intro_en)
        .map_err(|e| field("intro_en", e))
        .ok();
    let intro_ur = parse_body(&input.intro_ur)
        .map_err(|e| field("intro_ur", e))
        .ok();
    let first = parse_day(&input.first_day)
        .map_err(|e| field("first_day", e))
        .ok();
    let last = parse_day(&input.last_day)
        .map_err(|e| field("last_day", e))
        .ok();
    let period = match (first, last) {
        (Some(f), Some(l)) => CampaignPeriod::new(f, l)
            .map_err(|e| field("last_day", e))
            .ok(),
        _ => None,
    };
    let stories = parse_story_ids(&input.stories)
        .map_err(|e| field("stories", e))
        .ok();
    if let Some(stories) = &stories
        && stories.iter().any(|id| snapshot.case(*id).is_none())
    {
        errors.add("stories", NOT_PUBLISHED);
    }
    let prompts = period.as_ref().and_then(|p| {
        parse_prompts(&input.prompts, p)
            .map_err(|e| errors.add("prompts", e.key()))
            .ok()
    });
    match (
        slug, title_en, title_ur, intro_en, intro_ur, period, stories, prompts,
    ) {
        (
            Some(slug),
            Some(title_en),
            Some(title_ur),
            Some(intro_en),
            Some(intro_ur),
            Some(period),
            Some(stories),
            Some(prompts),
        ) if errors.is_empty() => Ok(Campaign {
            id,
            slug,
            title: Bilingual {
                en: title_en,
                ur: title_ur,
            },
            intro: Bilingual {
                en: intro_en,
                ur: intro_ur,
            },
            period,
            stories,
            prompts,
        }),
        _ => Err(errors),
    }
}

/// Stores a checked campaign; a slug taken by another campaign is a field error.
async fn save(
    state: &AppState,
    staff: &Staff,
    campaign: &Campaign,
    what: &str,
) -> Result<Result<(), FieldErrors>, AppError> {
    match state
        .store()
        .save_campaign(campaign, &change(staff, campaign.id, what))
        .await
    {
        Ok(()) => {
            // The home page of this node shows the change at once.
            state.campaign_of_the_day().forget();
            Ok(Ok(()))
        }
        Err(StorageError::Conflict("campaign_slug")) => {
            let mut errors = FieldErrors::default();
            errors.add("slug", SLUG_TAKEN);
            Ok(Err(errors))
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/campaigns`: starts a campaign.
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    Form(input): Form<CampaignInput>,
) -> Result<Response, AppError> {
    let snapshot = state.published().await?;
    let id = CampaignId::random();
    let refused = match check(id, &input, &snapshot) {
        Ok(campaign) => match save(&state, &staff, &campaign, "campaign created").await? {
            Ok(()) => {
                return Ok(
                    Redirect::to(&format!("/admin/campaigns/{id}?done=created")).into_response()
                );
            }
            Err(errors) => errors,
        },
        Err(errors) => errors,
    };
    let form = CampaignFormView::new(
        "/admin/campaigns".into(),
        "admin.campaigns.create",
        input,
        refused,
        &snapshot,
        staff.lang,
    );
    let page = list_page(&state, &staff, Some(form), None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

/// `POST /admin/campaigns/{id}`: saves a campaign's settings, prompts and stories.
pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(input): Form<CampaignInput>,
) -> Result<Response, AppError> {
    let campaign = target(&state, &id).await?;
    let snapshot = state.published().await?;
    let refused = match check(campaign.id, &input, &snapshot) {
        Ok(changed) => match save(&state, &staff, &changed, "campaign changed").await? {
            Ok(()) => {
                return Ok(
                    Redirect::to(&format!("/admin/campaigns/{}?done=saved", campaign.id))
                        .into_response(),
                );
            }
            Err(errors) => errors,
        },
        Err(errors) => errors,
    };
    let form = CampaignFormView::new(
        format!("/admin/campaigns/{}", campaign.id),
        "admin.campaigns.save",
        input,
        refused,
        &snapshot,
        staff.lang,
    );
    let refused = Refused {
        campaign: Some(form),
        ..Refused::default()
    };
    let page = edit_page(&state, &staff, &campaign, refused, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}
