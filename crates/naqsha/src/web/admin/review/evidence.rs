//! `GET /admin/submissions/{id}/evidence/{attachment}`: one evidence file, opened in memory
//! and never cached. Images are shown inline; anything else (PDFs) is offered as a download
//! only, so the browser does not render a document from a stranger inside the workspace.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use naqsha_core::audit::AuditAction;
use naqsha_core::ids::{AttachmentId, SubmissionId};
use naqsha_core::sealing::{self, Sealed, Zeroizing};

use super::{audit, open};
use crate::state::AppState;
use crate::storage::ReviewStore;
use crate::web::admin::session::Staff;
use crate::web::error::AppError;

/// The images a browser may show inline; every other type is downloaded.
const INLINE: &[&str] = &["image/jpeg", "image/png", "image/webp"];

/// The `Content-Disposition` of a file of `media_type`.
fn disposition(media_type: &str, attachment: AttachmentId) -> String {
    if INLINE.contains(&media_type) {
        "inline".to_owned()
    } else {
        let ext = match media_type {
            "application/pdf" => "pdf",
            _ => "bin",
        };
        format!("attachment; filename=\"evidence-{attachment}.{ext}\"")
    }
}

/// One evidence file of a submission the moderator may open: the submission, the file's id,
/// its media type and its sealed bytes. Not found for a file of another submission.
async fn find(
    state: &AppState,
    staff: &Staff,
    id: &str,
    attachment: &str,
) -> Result<(SubmissionId, AttachmentId, String, Sealed), AppError> {
    let opened = open(state, staff, id).await?;
    let attachment: AttachmentId = attachment.parse().map_err(|_| AppError::NotFound)?;
    let sid = opened.sealed.envelope.id;
    let (media_type, sealed) = state
        .store()
        .attachment(sid, attachment)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((sid, attachment, media_type, sealed))
}

/// The file's bytes, opened with the moderator's key.
fn unseal(staff: &Staff, sealed: &Sealed) -> Result<Zeroizing<Vec<u8>>, AppError> {
    sealing::open(&staff.key()?.secret, sealed)
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("opening evidence")))
}

/// Serves one evidence file of a submission.
pub async fn serve(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, attachment)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (sid, attachment, media_type, sealed) = find(&state, &staff, &id, &attachment).await?;
    let plain = unseal(&staff, &sealed)?;
    audit(
        &state,
        &staff,
        AuditAction::ViewRaw,
        sid,
        format!("evidence {attachment}"),
    )
    .await?;
    let content_type = if INLINE.contains(&media_type.as_str()) || media_type == "application/pdf" {
        media_type.clone()
    } else {
        "application/octet-stream".to_owned()
    };
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_str(&content_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream")),
        ),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&disposition(&media_type, attachment))
                .unwrap_or(HeaderValue::from_static("attachment")),
        ),
    ];
    Ok((headers, plain.to_vec()).into_response())
}

/// `GET …/evidence/{attachment}/preview`: a blurred preview of an evidence image, a few
/// pixels across ([`crate::intake::evidence::blurred_preview`]), which the review page shows
/// until the moderator reveals the image itself. Nothing in it can be recognised, so it is
/// not audited as a view of raw content; the image it stands for is, when revealed.
pub async fn preview(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, attachment)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (_, _, media_type, sealed) = find(&state, &staff, &id, &attachment).await?;
    if !INLINE.contains(&media_type.as_str()) {
        return Err(AppError::NotFound);
    }
    let plain = unseal(&staff, &sealed)?;
    // Decoding a large photograph takes a while: off the threads that serve pages.
    let png = crate::heavy::run(move || crate::intake::evidence::blurred_preview(&plain))
        .await
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("making a preview")))?
        .ok_or(AppError::NotFound)?;
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static("image/png")),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_static("inline"),
        ),
    ];
    Ok((headers, png).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_images_are_shown_inline() {
        let id = AttachmentId::random();
        assert_eq!(disposition("image/png", id), "inline");
        assert!(disposition("application/pdf", id).starts_with("attachment;"));
        assert!(disposition("image/svg+xml", id).starts_with("attachment;"));
    }
}
