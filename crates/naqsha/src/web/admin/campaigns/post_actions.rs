//! Adding, changing and removing a campaign's posts.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::campaign::{
    Bilingual, Campaign, CampaignPost, CampaignPostId, parse_body, parse_day, parse_title,
};

use super::super::super::error::AppError;
use super::super::super::pages::render;
use super::super::AdminUi;
use super::super::session::Staff;
use super::{
    FieldErrors, PostFormView, PostInput, Refused, change, edit_page, new_post_form, target,
};
use crate::state::AppState;
use crate::storage::CampaignStore;

#[derive(Template)]
#[template(path = "admin/campaign_post.html")]
struct PostPage {
    ui: AdminUi,
    campaign_id: String,
    campaign_title: String,
    post_form: PostFormView,
}

/// Checks the form: the post, or every field's problem.
fn check(
    campaign: &Campaign,
    id: CampaignPostId,
    input: &PostInput,
) -> Result<CampaignPost, FieldErrors> {
    let mut errors = FieldErrors::default();
    let title_en = parse_title(&input.title_en)
        .map_err(|e| errors.add("title_en", e.key()))
        .ok();
    let title_ur = parse_title(&input.title_ur)
        .map_err(|e| errors.add("title_ur", e.key()))
        .ok();
    let body_en = parse_body(&input.body_en)
        .map_err(|e| errors.add("body_en", e.key()))
        .ok();
    let body_ur = parse_body(&input.body_ur)
        .map_err(|e| errors.add("body_ur", e.key()))
        .ok();
    let date = parse_day(&input.date)
        .map_err(|e| errors.add("date", e.key()))
        .ok();
    match (title_en, title_ur, body_en, body_ur, date) {
        (Some(title_en), Some(title_ur), Some(body_en), Some(body_ur), Some(date))
            if errors.is_empty() =>
        {
            Ok(CampaignPost {
                id,
                campaign: campaign.id,
                title: Bilingual {
                    en: title_en,
                    ur: title_ur,
                },
                body: Bilingual {
                    en: body_en,
                    ur: body_ur,
                },
                date,
            })
        }
        _ => Err(errors),
    }
}

/// `POST /admin/campaigns/{id}/posts`: adds a post.
pub async fn add(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(input): Form<PostInput>,
) -> Result<Response, AppError> {
    let campaign = target(&state, &id).await?;
    match check(&campaign, CampaignPostId::random(), &input) {
        Ok(post) => {
            state
                .store()
                .save_campaign_post(&post, &change(&staff, campaign.id, "post added"))
                .await?;
            Ok(
                Redirect::to(&format!("/admin/campaigns/{}?done=post_added", campaign.id))
                    .into_response(),
            )
        }
        Err(errors) => {
            let refused = Refused {
                post: Some(new_post_form(campaign.id, input, errors)),
                ..Refused::default()
            };
            let page = edit_page(&state, &staff, &campaign, refused, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

/// The campaign and the post of a path, or "not found".
async fn post_target(
    state: &AppState,
    id: &str,
    post: &str,
) -> Result<(Campaign, CampaignPost), AppError> {
    let campaign = target(state, id).await?;
    let post: CampaignPostId = post.parse().map_err(|_| AppError::NotFound)?;
    let post = state
        .store()
        .campaign_posts(campaign.id)
        .await?
        .into_iter()
        .find(|p| p.id == post)
        .ok_or(AppError::NotFound)?;
    Ok((campaign, post))
}

fn post_page(
    staff: &Staff,
    campaign: &Campaign,
    post: &CampaignPost,
    input: PostInput,
    errors: FieldErrors,
) -> PostPage {
    let action = format!("/admin/campaigns/{}/posts/{}", campaign.id, post.id);
    PostPage {
        ui: AdminUi::new(staff, "/admin/campaigns", action.clone()),
        campaign_id: campaign.id.to_string(),
        campaign_title: campaign.title.get(staff.lang).to_owned(),
        post_form: PostFormView {
            action,
            submit: "admin.campaigns.save",
            input,
            errors,
        },
    }
}

/// `GET /admin/campaigns/{id}/posts/{post}`: the post's form.
pub async fn edit(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, post)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (campaign, post) = post_target(&state, &id, &post).await?;
    render(&post_page(
        &staff,
        &campaign,
        &post,
        PostInput::of(&post),
        FieldErrors::default(),
    ))
}

/// `POST /admin/campaigns/{id}/posts/{post}`: saves a post.
pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, post)): Path<(String, String)>,
    Form(input): Form<PostInput>,
) -> Result<Response, AppError> {
    let (campaign, post) = post_target(&state, &id, &post).await?;
    match check(&campaign, post.id, &input) {
        Ok(changed) => {
            state
                .store()
                .save_campaign_post(&changed, &change(&staff, campaign.id, "post changed"))
                .await?;
            Ok(
                Redirect::to(&format!("/admin/campaigns/{}?done=post_saved", campaign.id))
                    .into_response(),
            )
        }
        Err(errors) => {
            let page = post_page(&staff, &campaign, &post, input, errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

/// `POST /admin/campaigns/{id}/posts/{post}/delete`: removes a post.
pub async fn delete(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, post)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (campaign, post) = post_target(&state, &id, &post).await?;
    state
        .store()
        .delete_campaign_post(
            campaign.id,
            post.id,
            &change(&staff, campaign.id, "post removed"),
        )
        .await?;
    Ok(Redirect::to(&format!(
        "/admin/campaigns/{}?done=post_deleted",
        campaign.id
    ))
    .into_response())
}
