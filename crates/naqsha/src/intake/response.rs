//! Intake of responses from the public (to a story or a campaign): check that the parts fit
//! the kind, seal what she wrote (and her image, already cleaned of metadata) to the
//! organisation key in memory, and store it waiting for a moderator, with the form token
//! that carried it spent and its receipt held to be shown once, in one transaction.

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::ids::ResponseId;
use naqsha_core::response::{BodyError, ResponseBody, ResponseTarget};
use naqsha_core::sealing::{self, OrgPublicKey, Sealed};
use time::OffsetDateTime;

use super::receipt::{self, Receipt};
use super::{Context, IntakeError, receipt_view};
use crate::storage::{ByReceipt, NewResponse, ResponseStore, SpentToken, StorageError};

/// A response arriving from a form.
#[derive(Debug)]
pub struct IncomingResponse {
    /// Where it is to be shown (the caller has checked that the story or campaign exists).
    pub target: ResponseTarget,
    /// What she wrote.
    pub body: ResponseBody,
    /// Her image, already cleaned (re-encoded without metadata), if any.
    pub image: Option<Vec<u8>>,
    /// Sent during a flood without a proof of work, or too fast for a person.
    pub flagged: bool,
}

/// Why a response was not stored.
#[derive(Debug, thiserror::Error)]
pub enum ResponseError {
    /// The parts do not fit the kind (a form checks this first and says which field).
    #[error(transparent)]
    Body(#[from] BodyError),
    /// Sealing or storing failed; nothing was stored.
    #[error(transparent)]
    Intake(#[from] IntakeError),
}

impl ResponseError {
    /// Whether the database is unavailable for now (nothing stored; try again later).
    pub fn is_unavailable(&self) -> bool {
        matches!(self, ResponseError::Intake(e) if e.is_unavailable())
    }

    /// Whether the form token was already spent by a stored response (a form sent twice).
    pub fn already_stored(&self) -> bool {
        matches!(
            self,
            ResponseError::Intake(IntakeError::Storage(StorageError::Conflict("form_token")))
        )
    }
}

/// A stored response: its id, its receipt, and where the form shows the receipt once.
#[derive(Debug)]
pub struct AcceptedResponse {
    /// The id.
    pub id: ResponseId,
    /// The receipt, to change or delete it later.
    pub receipt: Receipt,
    /// The address token of the page that shows the receipt once, if asked for.
    pub view: Option<String>,
}

/// Seals a body (and an image) to the organisation key.
fn seal_parts(
    public_key: &OrgPublicKey,
    body: &ResponseBody,
    image: Option<&[u8]>,
) -> Result<(Sealed, Option<Sealed>), IntakeError> {
    let plain = sealing::Zeroizing::new(
        serde_json::to_vec(body).map_err(|e| IntakeError::Encode(e.to_string()))?,
    );
    let sealed = sealing::seal(public_key, &plain);
    let image = image.map(|bytes| sealing::seal(public_key, bytes));
    Ok((sealed, image))
}

/// Checks, seals and durably stores a response; returns only after the commit. Counts it for
/// the flood detector, like a report.
pub async fn accept_response(
    state: &impl Context,
    incoming: IncomingResponse,
    form_token: Option<SpentToken>,
    show_once: bool,
    now: std::time::Instant,
) -> Result<AcceptedResponse, ResponseError> {
    incoming.body.check(incoming.image.is_some())?;
    let runtime = state.intake();
    let store = state.store();
    let key = runtime
        .receipt_key(store)
        .await
        .map_err(IntakeError::from)?;
    let public_key = runtime.public_key(store).await.map_err(IntakeError::from)?;
    let (sealed, sealed_image) =
        seal_parts(&public_key, &incoming.body, incoming.image.as_deref())?;
    let receipt = Receipt::generate();
    let (view, held) = if show_once {
        let (token, held) =
            receipt_view::hold(&receipt, OffsetDateTime::now_utc().unix_timestamp());
        (Some(token), Some(held))
    } else {
        (None, None)
    };
    let response = NewResponse {
        id: ResponseId::random(),
        receipt_hash: receipt::receipt_hash(key, &receipt),
        target: incoming.target,
        kind: incoming.body.kind,
        lang: incoming.body.lang,
        sealed,
        sealed_image,
        flagged: incoming.flagged,
        at: OffsetDateTime::now_utc(),
    };
    store
        .add_response(&response, form_token.as_ref(), held.as_ref())
        .await
        .map_err(IntakeError::from)?;
    tracing::info!(kind = response.kind.as_str(), "response received");
    runtime.record_accepted(now).await;
    Ok(AcceptedResponse {
        id: response.id,
        receipt,
        view,
    })
}

/// The stored hash of a receipt as typed, for finding a response by it.
pub async fn receipt_hash_of(
    state: &impl Context,
    receipt: &Receipt,
) -> Result<String, IntakeError> {
    let key = state.intake().receipt_key(state.store()).await?;
    Ok(receipt::receipt_hash(key, receipt))
}

/// Replaces what a response says, through its receipt: the new words wait for a moderator
/// and anything public from the old ones is taken down, in one transaction.
pub async fn edit_by_receipt(
    state: &impl Context,
    receipt: &Receipt,
    body: &ResponseBody,
    image: Option<&[u8]>,
    flagged: bool,
) -> Result<ByReceipt, ResponseError> {
    body.check(image.is_some())?;
    let hash = receipt_hash_of(state, receipt).await?;
    let public_key = state
        .intake()
        .public_key(state.store())
        .await
        .map_err(IntakeError::from)?;
    let (sealed, sealed_image) = seal_parts(&public_key, body, image)?;
    let audit = AuditEvent::now(None, AuditAction::ResponseWithdrawn).detail("edited");
    Ok(state
        .store()
        .replace_response_by_receipt(&hash, &sealed, sealed_image.as_ref(), flagged, &audit)
        .await
        .map_err(IntakeError::from)?)
}

/// Deletes a response, and anything public from it, through its receipt.
pub async fn delete_by_receipt(
    state: &impl Context,
    receipt: &Receipt,
) -> Result<ByReceipt, ResponseError> {
    let hash = receipt_hash_of(state, receipt).await?;
    let audit = AuditEvent::now(None, AuditAction::ResponseWithdrawn).detail("deleted");
    Ok(state
        .store()
        .delete_response_by_receipt(&hash, &audit)
        .await
        .map_err(IntakeError::from)?)
}
