//! Uploading a campaign image: JPEG, PNG or WebP, re-encoded without metadata (EXIF with
//! GPS, XMP, comments) by the evidence cleaner, with alt text in both languages.

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::campaign::{Bilingual, CampaignImageId, CampaignImageInfo, parse_alt};

use super::super::super::error::AppError;
use super::super::super::pages::render;
use super::super::session::Staff;
use super::{FieldErrors, ImageFormView, ImageInput, Refused, change, edit_page, target};
use crate::intake::evidence::{self, EvidenceLimits};
use crate::state::AppState;
use crate::storage::{CampaignImage, CampaignStore};

/// The file is not an image we serve (a PDF, or no file).
pub const NOT_AN_IMAGE: &str = "admin.campaigns.error.not_an_image";

/// `POST /admin/campaigns/{id}/images`: stores a cleaned image.
pub async fn upload(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    mut form: Multipart,
) -> Result<Response, AppError> {
    let campaign = target(&state, &id).await?;
    let bad = |_| AppError::BadRequest {
        key: "error.bad_request.form.body",
    };
    let mut input = ImageInput::default();
    let mut file: Vec<u8> = Vec::new();
    while let Some(field) = form.next_field().await.map_err(bad)? {
        match field.name() {
            Some("alt_en") => input.alt_en = field.text().await.map_err(bad)?,
            Some("alt_ur") => input.alt_ur = field.text().await.map_err(bad)?,
            Some("file") => file = field.bytes().await.map_err(bad)?.to_vec(),
            _ => {}
        }
    }
    let mut errors = FieldErrors::default();
    let alt_en = parse_alt(&input.alt_en)
        .map_err(|e| errors.add("alt_en", e.key()))
        .ok();
    let alt_ur = parse_alt(&input.alt_ur)
        .map_err(|e| errors.add("alt_ur", e.key()))
        .ok();
    let cleaned = if file.is_empty() {
        errors.add("file", NOT_AN_IMAGE);
        None
    } else {
        let cleaned =
            tokio::task::spawn_blocking(move || evidence::clean(&file, &EvidenceLimits::default()))
                .await
                .map_err(|e| AppError::Internal(e.into()))?;
        match cleaned {
            Ok(c) if c.kind.may_be_served_publicly() => Some(c),
            Ok(_) => {
                errors.add("file", NOT_AN_IMAGE);
                None
            }
            Err(e) => {
                errors.add("file", e.message_key());
                None
            }
        }
    };
    match (alt_en, alt_ur, cleaned) {
        (Some(en), Some(ur), Some(c)) if errors.is_empty() => {
            let image = CampaignImage {
                info: CampaignImageInfo {
                    id: CampaignImageId::random(),
                    campaign: campaign.id,
                    content_type: c.media_type.to_owned(),
                    width: c.width.unwrap_or(0),
                    height: c.height.unwrap_or(0),
                    alt: Bilingual { en, ur },
                },
                bytes: c.bytes,
            };
            state
                .store()
                .insert_campaign_image(&image, &change(&staff, campaign.id, "image added"))
                .await?;
            Ok(Redirect::to(&format!(
                "/admin/campaigns/{}?done=image_added#images",
                campaign.id
            ))
            .into_response())
        }
        _ => {
            let refused = Refused {
                image: Some(ImageFormView { input, errors }),
                ..Refused::default()
            };
            let page = edit_page(&state, &staff, &campaign, refused, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}
