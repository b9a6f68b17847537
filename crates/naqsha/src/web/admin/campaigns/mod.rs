//! `/admin/campaigns`: campaign pages for admins. A list with a form to start a campaign;
//! each campaign's page edits its address, titles, intros, period, selected stories and
//! daily prompts, its posts, and uploads its images (cleaned of metadata, with alt text in
//! both languages, and the Markdown to paste shown). Forms re-render with a translated
//! message beside each field and the values typed; changes redirect (post/redirect/get).
//! Every change is stored with its `campaign_change` audit entry in one transaction.

mod campaign_actions;
mod image_actions;
mod post_actions;

use std::sync::Arc;

use askama::Template;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::campaign::{
    Campaign, CampaignId, CampaignImageInfo, CampaignPost, format_day, format_prompts,
};
use naqsha_core::ids::CaseId;
use naqsha_core::lang::Lang;
use naqsha_core::user::Permission;
use serde::Deserialize;

use super::super::error::AppError;
use super::super::pages::render;
use super::session::Staff;
use super::{AdminUi, Route};
use crate::public::Snapshot;
use crate::state::AppState;
use crate::storage::CampaignStore;

/// The campaign routes (admins: [`Permission::Settings`]).
pub fn routes() -> Vec<Route> {
    let p = Permission::Settings;
    vec![
        Route::needs(
            "/admin/campaigns",
            p,
            get(list).post(campaign_actions::create),
        ),
        Route::needs(
            "/admin/campaigns/{id}",
            p,
            get(edit).post(campaign_actions::update),
        ),
        Route::needs("/admin/campaigns/{id}/posts", p, post(post_actions::add)),
        Route::needs(
            "/admin/campaigns/{id}/posts/{post}",
            p,
            get(post_actions::edit).post(post_actions::update),
        ),
        Route::needs(
            "/admin/campaigns/{id}/posts/{post}/delete",
            p,
            post(post_actions::delete),
        ),
        Route::needs(
            "/admin/campaigns/{id}/images",
            p,
            post(image_actions::upload).layer(DefaultBodyLimit::max(crate::web::csrf::MAX_UPLOAD)),
        ),
    ]
}

/// Messages beside the fields of a refused form: (field name, translation key).
#[derive(Debug, Default, Clone)]
pub struct FieldErrors(Vec<(&'static str, &'static str)>);

impl FieldErrors {
    /// The message for `field`, if it was refused.
    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, k)| *k)
    }

    /// Whether nothing was refused.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn add(&mut self, field: &'static str, key: &'static str) {
        if self.get(field).is_none() {
            self.0.push((field, key));
        }
    }
}

/// What the campaign form posts.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct CampaignInput {
    #[serde(default)]
    slug: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    title_ur: String,
    #[serde(default)]
    intro_en: String,
    #[serde(default)]
    intro_ur: String,
    #[serde(default)]
    first_day: String,
    #[serde(default)]
    last_day: String,
    #[serde(default)]
    stories: String,
    #[serde(default)]
    prompts: String,
}

impl CampaignInput {
    fn of(c: &Campaign) -> Self {
        Self {
            slug: c.slug.to_string(),
            title_en: c.title.en.clone(),
            title_ur: c.title.ur.clone(),
            intro_en: c.intro.en.clone(),
            intro_ur: c.intro.ur.clone(),
            first_day: format_day(c.period.first()),
            last_day: format_day(c.period.last()),
            stories: c
                .stories
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
            prompts: format_prompts(&c.prompts),
        }
    }
}

/// A selected story as the form lists it.
pub struct StoryRow {
    id: String,
    /// Its title, when it is published.
    title: Option<String>,
}

/// The title of a published case in `lang` (or the other language), None when the case is
/// not among the published stories.
fn story_title(snapshot: &Snapshot, id: CaseId, lang: Lang) -> Option<String> {
    let case = snapshot.case(id)?;
    let (first, second) = match lang.base() {
        Lang::EN => (&case.title_en, &case.title_ur),
        _ => (&case.title_ur, &case.title_en),
    };
    Some(first.clone().or_else(|| second.clone()).unwrap_or_default())
}

/// The campaign form (start or edit).
pub struct CampaignFormView {
    action: String,
    submit: &'static str,
    input: CampaignInput,
    errors: FieldErrors,
    stories: Vec<StoryRow>,
}

impl CampaignFormView {
    fn new(
        action: String,
        submit: &'static str,
        input: CampaignInput,
        errors: FieldErrors,
        snapshot: &Snapshot,
        lang: Lang,
    ) -> Self {
        let stories = input
            .stories
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(|w| StoryRow {
                id: w.to_owned(),
                title: w
                    .parse::<CaseId>()
                    .ok()
                    .and_then(|id| story_title(snapshot, id, lang)),
            })
            .collect();
        Self {
            action,
            submit,
            input,
            errors,
            stories,
        }
    }

    fn blank(snapshot: &Snapshot, lang: Lang) -> Self {
        Self::new(
            "/admin/campaigns".into(),
            "admin.campaigns.create",
            CampaignInput::default(),
            FieldErrors::default(),
            snapshot,
            lang,
        )
    }
}

/// One campaign of the list.
struct CampaignRow {
    id: String,
    slug: String,
    title: String,
    first_day: String,
    last_day: String,
}

#[derive(Template)]
#[template(path = "admin/campaigns.html")]
struct ListPage {
    ui: AdminUi,
    campaigns: Vec<CampaignRow>,
    form: CampaignFormView,
    notice: Option<&'static str>,
}

/// What was just done, named in the redirect after an action.
#[derive(Debug, Default, Deserialize)]
pub struct Done {
    #[serde(default)]
    done: String,
}

fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "created" => "admin.campaigns.done.created",
        "saved" => "admin.campaigns.done.saved",
        "post_added" => "admin.campaigns.done.post_added",
        "post_saved" => "admin.campaigns.done.post_saved",
        "post_deleted" => "admin.campaigns.done.post_deleted",
        "image_added" => "admin.campaigns.done.image_added",
        _ => return None,
    })
}

/// The list page with the given start form (blank, or refused with its values).
async fn list_page(
    state: &AppState,
    staff: &Staff,
    form: Option<CampaignFormView>,
    notice: Option<&'static str>,
) -> Result<ListPage, AppError> {
    let snapshot = state.published().await?;
    let campaigns = state
        .store()
        .campaigns()
        .await?
        .into_iter()
        .map(|c| CampaignRow {
            id: c.id.to_string(),
            slug: c.slug.to_string(),
            title: c.title.get(staff.lang).to_owned(),
            first_day: format_day(c.period.first()),
            last_day: format_day(c.period.last()),
        })
        .collect();
    Ok(ListPage {
        ui: AdminUi::new(staff, "/admin/campaigns", "/admin/campaigns"),
        campaigns,
        form: form.unwrap_or_else(|| CampaignFormView::blank(&snapshot, staff.lang)),
        notice,
    })
}

/// `GET /admin/campaigns`.
async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(done): Query<Done>,
) -> Result<Response, AppError> {
    render(&list_page(&state, &staff, None, notice(&done.done)).await?)
}

/// What the post form posts.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct PostInput {
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    title_ur: String,
    #[serde(default)]
    body_en: String,
    #[serde(default)]
    body_ur: String,
    #[serde(default)]
    date: String,
}

impl PostInput {
    fn of(p: &CampaignPost) -> Self {
        Self {
            title_en: p.title.en.clone(),
            title_ur: p.title.ur.clone(),
            body_en: p.body.en.clone(),
            body_ur: p.body.ur.clone(),
            date: format_day(p.date),
        }
    }
}

/// The post form (add or edit).
pub struct PostFormView {
    action: String,
    submit: &'static str,
    input: PostInput,
    errors: FieldErrors,
}

/// One post of the campaign's page.
struct PostRow {
    id: String,
    title: String,
    date: String,
}

/// What the image form posts (the file is not kept when the form is refused: a browser
/// cannot be given a file back).
#[derive(Debug, Default, Clone)]
pub struct ImageInput {
    alt_en: String,
    alt_ur: String,
}

/// The image upload form.
pub struct ImageFormView {
    input: ImageInput,
    errors: FieldErrors,
}

/// An uploaded image with the Markdown to paste.
struct ImageRow {
    src: String,
    alt: String,
    width: u32,
    height: u32,
    snippet_en: String,
    snippet_ur: String,
}

impl ImageRow {
    fn new(i: &CampaignImageInfo, lang: Lang) -> Self {
        let src = i.src();
        Self {
            snippet_en: format!("![{}]({src})", i.alt.en),
            snippet_ur: format!("![{}]({src})", i.alt.ur),
            alt: i.alt.get(lang).to_owned(),
            width: i.width,
            height: i.height,
            src,
        }
    }
}

#[derive(Template)]
#[template(path = "admin/campaign_edit.html")]
struct EditPage {
    ui: AdminUi,
    id: String,
    slug: String,
    form: CampaignFormView,
    posts: Vec<PostRow>,
    post_form: PostFormView,
    images: Vec<ImageRow>,
    image_form: ImageFormView,
    notice: Option<&'static str>,
}

/// The forms of a campaign's page that a request may hand back refused.
#[derive(Default)]
struct Refused {
    campaign: Option<CampaignFormView>,
    post: Option<PostFormView>,
    image: Option<ImageFormView>,
}

fn new_post_form(id: CampaignId, input: PostInput, errors: FieldErrors) -> PostFormView {
    PostFormView {
        action: format!("/admin/campaigns/{id}/posts"),
        submit: "admin.campaigns.add_post",
        input,
        errors,
    }
}

/// A campaign's page, with blank forms where none was refused.
async fn edit_page(
    state: &AppState,
    staff: &Staff,
    campaign: &Campaign,
    refused: Refused,
    notice: Option<&'static str>,
) -> Result<EditPage, AppError> {
    let store = state.store();
    let snapshot: Arc<Snapshot> = state.published().await?;
    let id = campaign.id;
    let posts = store
        .campaign_posts(id)
        .await?
        .iter()
        .map(|p| PostRow {
            id: p.id.to_string(),
            title: p.title.get(staff.lang).to_owned(),
            date: format_day(p.date),
        })
        .collect();
    let images = store
        .campaign_images(id)
        .await?
        .iter()
        .map(|i| ImageRow::new(i, staff.lang))
        .collect();
    let here = format!("/admin/campaigns/{id}");
    Ok(EditPage {
        ui: AdminUi::new(staff, "/admin/campaigns", here.clone()),
        id: id.to_string(),
        slug: campaign.slug.to_string(),
        form: refused.campaign.unwrap_or_else(|| {
            CampaignFormView::new(
                here,
                "admin.campaigns.save",
                CampaignInput::of(campaign),
                FieldErrors::default(),
                &snapshot,
                staff.lang,
            )
        }),
        posts,
        post_form: refused
            .post
            .unwrap_or_else(|| new_post_form(id, PostInput::default(), FieldErrors::default())),
        images,
        image_form: refused.image.unwrap_or(ImageFormView {
            input: ImageInput::default(),
            errors: FieldErrors::default(),
        }),
        notice,
    })
}

/// The campaign of a path, or "not found".
async fn target(state: &AppState, id: &str) -> Result<Campaign, AppError> {
    let id: CampaignId = id.parse().map_err(|_| AppError::NotFound)?;
    state.store().campaign(id).await?.ok_or(AppError::NotFound)
}

/// `GET /admin/campaigns/{id}`.
async fn edit(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, AppError> {
    let campaign = target(&state, &id).await?;
    render(
        &edit_page(
            &state,
            &staff,
            &campaign,
            Refused::default(),
            notice(&done.done),
        )
        .await?,
    )
}

/// The audit entry of a change to `campaign`: who, which campaign, what was done (never
/// the text).
fn change(staff: &Staff, campaign: CampaignId, what: &str) -> AuditEvent {
    AuditEvent::now(Some(staff.user.id), AuditAction::CampaignChange)
        .subject(campaign)
        .detail(what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Tr;

    #[test]
    fn every_message_exists_in_both_languages() {
        for lang in Lang::BASE {
            for done in [
                "created",
                "saved",
                "post_added",
                "post_saved",
                "post_deleted",
                "image_added",
            ] {
                let key = notice(done).unwrap();
                assert_ne!(Tr(lang).t(key), key, "{key} in {lang}");
            }
            use naqsha_core::campaign::CampaignError as E;
            for e in [
                E::Slug,
                E::Title,
                E::TooLong,
                E::Date,
                E::Backwards,
                E::Prompt,
                E::Story,
                E::Alt,
            ] {
                assert_ne!(Tr(lang).t(e.key()), e.key(), "{lang}");
            }
            for key in [
                campaign_actions::SLUG_TAKEN,
                campaign_actions::NOT_PUBLISHED,
                image_actions::NOT_AN_IMAGE,
            ] {
                assert_ne!(Tr(lang).t(key), key, "{lang}");
            }
        }
    }
}
