//! Adding, changing, switching, polling now and removing a feed.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use time::OffsetDateTime;

use super::super::super::error::AppError;
use super::super::super::pages::render;
use super::super::AdminUi;
use super::super::session::Staff;
use super::{FeedFormView, FeedInput, audited, feeds_page};
use crate::state::AppState;
use crate::storage::NewsStore;
use naqsha_core::news::{Feed, FeedId, InvalidInput, parse_feed_lang, parse_feed_url, parse_name};

#[derive(Template)]
#[template(path = "admin/feed_edit.html")]
struct EditPage {
    ui: AdminUi,
    feed_form: FeedFormView,
}

/// A feed's settings checked.
struct Valid {
    url: String,
    name: String,
    lang: naqsha_core::lang::Lang,
}

fn check(input: &FeedInput) -> Result<Valid, InvalidInput> {
    Ok(Valid {
        url: parse_feed_url(&input.url)?,
        name: parse_name(&input.name)?,
        lang: parse_feed_lang(&input.lang)?,
    })
}

async fn target(state: &AppState, id: &str) -> Result<Feed, AppError> {
    let id: FeedId = id.parse().map_err(|_| AppError::NotFound)?;
    state.store().feed(id).await?.ok_or(AppError::NotFound)
}

/// `POST /admin/feeds`: adds a feed, due at once.
pub async fn add(
    State(state): State<AppState>,
    staff: Staff,
    Form(input): Form<FeedInput>,
) -> Result<Response, AppError> {
    let valid = match check(&input) {
        Ok(v) => v,
        Err(e) => {
            let mut form = FeedFormView::new("/admin/feeds".into(), "admin.feeds.add_feed", &input);
            form.error = Some(e.key());
            let page = feeds_page(&state, &staff, Some(form), None, None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let now = OffsetDateTime::now_utc();
    let id = FeedId::random();
    state
        .store()
        .insert_feed(&Feed {
            id,
            url: valid.url,
            name: valid.name,
            lang: valid.lang,
            enabled: input.enabled.is_some(),
            etag: None,
            last_modified: None,
            last_fetched_at: None,
            last_error: None,
            failures: 0,
            next_poll_at: now,
            items_seen: 0,
            candidates: 0,
            created_at: now,
        })
        .await?;
    audited(&state, &staff, id, "feed added").await?;
    Ok(Redirect::to("/admin/feeds?done=feed_added").into_response())
}

fn edit_form(feed_id: &str, input: &FeedInput) -> FeedFormView {
    FeedFormView::new(format!("/admin/feeds/{feed_id}"), "admin.feeds.save", input)
}

/// `GET /admin/feeds/{id}`: the feed's form.
pub async fn edit(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let feed = target(&state, &id).await?;
    let input = FeedInput {
        url: feed.url.clone(),
        name: feed.name.clone(),
        lang: feed.lang.code().to_owned(),
        enabled: feed.enabled.then(|| "1".to_owned()),
    };
    let here = format!("/admin/feeds/{}", feed.id);
    render(&EditPage {
        ui: AdminUi::new(&staff, "/admin/feeds", here),
        feed_form: edit_form(&feed.id.to_string(), &input),
    })
}

/// `POST /admin/feeds/{id}`: saves the feed's settings.
pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(input): Form<FeedInput>,
) -> Result<Response, AppError> {
    let feed = target(&state, &id).await?;
    let valid = match check(&input) {
        Ok(v) => v,
        Err(e) => {
            let mut form = edit_form(&feed.id.to_string(), &input);
            form.error = Some(e.key());
            let here = format!("/admin/feeds/{}", feed.id);
            let page = EditPage {
                ui: AdminUi::new(&staff, "/admin/feeds", here),
                feed_form: form,
            };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    state
        .store()
        .update_feed(
            feed.id,
            &valid.url,
            &valid.name,
            valid.lang,
            input.enabled.is_some(),
        )
        .await?;
    audited(&state, &staff, feed.id, "feed changed").await?;
    Ok(Redirect::to("/admin/feeds?done=feed_saved").into_response())
}

/// `POST /admin/feeds/{id}/toggle`: switches polling on or off.
pub async fn toggle(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let feed = target(&state, &id).await?;
    state
        .store()
        .update_feed(feed.id, &feed.url, &feed.name, feed.lang, !feed.enabled)
        .await?;
    let what = if feed.enabled {
        "feed turned off"
    } else {
        "feed turned on"
    };
    audited(&state, &staff, feed.id, what).await?;
    Ok(Redirect::to("/admin/feeds?done=feed_saved").into_response())
}

/// `POST /admin/feeds/{id}/poll`: makes the feed due now (the poller takes it within a
/// minute), e.g. after fixing what made it fail.
pub async fn poll_now(
    State(state): State<AppState>,
    _staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let feed = target(&state, &id).await?;
    state
        .store()
        .set_feed_due(feed.id, OffsetDateTime::now_utc())
        .await?;
    Ok(Redirect::to("/admin/feeds?done=feed_due").into_response())
}

/// `POST /admin/feeds/{id}/delete`: removes the feed (candidates it made stay in the inbox).
pub async fn delete(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let feed = target(&state, &id).await?;
    state.store().delete_feed(feed.id).await?;
    audited(&state, &staff, feed.id, "feed removed").await?;
    Ok(Redirect::to("/admin/feeds?done=feed_deleted").into_response())
}
