//! The intake pipeline shared by every channel: validate → seal → durable commit.
//!
//! The raw report is serialised and sealed to the organisation's public key here, in memory;
//! storage only ever sees ciphertext. The clear envelope keeps what the inbox filters on.

pub mod batch;
pub mod creative_form;
pub mod evidence;
pub mod form;
pub mod gate;
mod local_drafts;
pub mod not_kept;
pub mod receipt;
pub mod receipt_view;
pub mod reply_key;
pub mod response;
pub mod runtime;

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::ids::SubmissionId;
use naqsha_core::places::Gazetteer;
use naqsha_core::sealing::{self, OrgPublicKey};
use naqsha_core::submission::{
    Channel, ContactDetails, RawReport, SealedReport, SubmissionEnvelope, SubmissionStatus,
    coarse_arrival,
};
use naqsha_core::taxonomy::Taxonomy;

use crate::intake::runtime::IntakeRuntime;
use crate::keyring::KeyringError;
use crate::storage::{Arrival, IntakeStore, NewAttachment, NewSubmission, StorageError, Store};

/// Why a report was not accepted.
#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    /// The ticked categories do not belong to the taxonomy.
    #[error("invalid categories: {0}")]
    Labels(String),
    /// The place is not in the gazetteer.
    #[error("unknown place")]
    UnknownPlace,
    /// Serialising the report failed (a bug).
    #[error("could not encode the report: {0}")]
    Encode(String),
    /// Storage failed; the report was not stored.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The organisation key could not be read (not initialised, or the database failed).
    #[error(transparent)]
    Keyring(#[from] KeyringError),
}

impl IntakeError {
    /// Whether the report was refused only because the database is unavailable for now:
    /// nothing was stored, and sending the same report again later will work.
    pub fn is_unavailable(&self) -> bool {
        match self {
            IntakeError::Storage(e) | IntakeError::Keyring(KeyringError::Storage(e)) => {
                e.is_unavailable()
            }
            _ => false,
        }
    }

    /// Whether the form token or gateway message that carried the report was already spent
    /// by a stored report (a form sent twice, a gateway retrying): nothing new was stored.
    pub fn already_stored(&self) -> bool {
        matches!(
            self,
            IntakeError::Storage(StorageError::Conflict(
                "form_token" | "sms_message" | "email_message"
            ))
        )
    }
}

/// A report arriving from a channel.
pub struct Incoming {
    /// The report.
    pub report: RawReport,
    /// How to reach the reporter, if given.
    pub contact: Option<ContactDetails>,
    /// The channel.
    pub channel: Channel,
    /// Arrived in a flood without proof of work.
    pub flagged: bool,
    /// The keyed hash of the receipt issued for it.
    pub receipt_hash: Option<String>,
    /// Evidence files, already cleaned and sealed.
    pub attachments: Vec<NewAttachment>,
}

/// Validates, seals and durably stores a report, with what its arrival uses up (a form
/// token, a gateway message) and its audit entry, in one transaction. Returns only after the
/// commit; on any error nothing was stored and nothing was used up.
pub async fn accept(
    store: &Store,
    public_key: &OrgPublicKey,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
    incoming: Incoming,
    arrival: Arrival,
) -> Result<SubmissionId, IntakeError> {
    let submission = seal_submission(public_key, taxonomy, gazetteer, incoming)?;
    store_sealed(store, submission, arrival)
        .await
        .map_err(|(e, _)| e.into())
}

/// Commits a sealed submission with its arrival; on failure gives the submission back
/// (so a form can keep its sealed files for the next try).
async fn store_sealed(
    store: &Store,
    submission: NewSubmission,
    mut arrival: Arrival,
) -> Result<SubmissionId, (StorageError, NewSubmission)> {
    let channel = submission.envelope.channel;
    arrival.audit =
        Some(AuditEvent::now(None, AuditAction::SubmissionReceived).detail(channel.as_str()));
    match store.insert_submission(&submission, &arrival).await {
        Ok(()) => {
            tracing::info!(channel = channel.as_str(), "report received");
            Ok(submission.envelope.id)
        }
        Err(e) => Err((e, submission)),
    }
}

/// Validates a report and seals it, in memory, into the submission to store: the one place
/// where a report turns into ciphertext, for single reports and batched imports alike.
/// CPU-bound (age sealing, the personal-data scan).
pub fn seal_submission(
    public_key: &OrgPublicKey,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
    incoming: Incoming,
) -> Result<NewSubmission, IntakeError> {
    let Incoming {
        report,
        contact,
        channel,
        flagged,
        receipt_hash,
        attachments,
    } = incoming;
    taxonomy
        .validate_labels(&report.labels)
        .map_err(|e| IntakeError::Labels(e.to_string()))?;
    let province = match &report.place {
        Some(place) => {
            gazetteer.get(place).ok_or(IntakeError::UnknownPlace)?;
            gazetteer.province_of(place).map(|p| p.id().clone())
        }
        None => None,
    };
    let consent = report.consent;
    let approve_first = report.approve_first;
    let kinds = report.labels.terms("kind").map(|t| t.to_string()).collect();
    let received_at = report.received_at;
    // Read from the words before they are sealed; only the reason is kept in the clear.
    let urgency = naqsha_core::urgency::of_report(&report, channel);
    let sealed_report = seal_report(public_key, report)?;
    let sealed_contact = match contact.filter(ContactDetails::reaches_anyone) {
        Some(c) => {
            let plain = sealing::Zeroizing::new(
                serde_json::to_vec(&c).map_err(|e| IntakeError::Encode(e.to_string()))?,
            );
            Some(sealing::seal(public_key, &plain))
        }
        None => None,
    };
    Ok(NewSubmission {
        envelope: SubmissionEnvelope {
            urgency,
            approve_first,
            id: SubmissionId::random(),
            channel,
            status: SubmissionStatus::New,
            consent,
            province,
            received_hour: coarse_arrival(received_at),
            flagged,
        },
        taxonomy_version: taxonomy.version().as_str().to_owned(),
        kinds,
        receipt_hash,
        sealed_report,
        sealed_contact,
        attachments,
    })
}

/// Seals a report together with the redaction engine's suggestions for it, as stored in a
/// submission's `sealed_report`.
pub fn seal_report(
    public_key: &OrgPublicKey,
    report: RawReport,
) -> Result<sealing::Sealed, IntakeError> {
    let suggested_spans = naqsha_core::redaction::detect(report.what_happened.as_str());
    let sealed = SealedReport {
        report,
        suggested_spans,
    };
    let plain = serde_json::to_vec(&sealed).map_err(|e| IntakeError::Encode(e.to_string()))?;
    drop(sealed);
    let plain = sealing::Zeroizing::new(plain);
    Ok(sealing::seal(public_key, &plain))
}

/// What intake needs of the running application: the store, the intake runtime (keys,
/// limits and the flood detector), and the taxonomy and gazetteer a report is checked
/// against. The application state implements it; a channel passes on what it was given.
pub trait Context: Send + Sync {
    /// The store reports are committed to.
    fn store(&self) -> &Store;
    /// Keys, limits and the flood detector.
    fn intake(&self) -> &IntakeRuntime;
    /// The taxonomy categories are checked against.
    fn taxonomy(&self) -> &Taxonomy;
    /// The gazetteer places are checked against.
    fn gazetteer(&self) -> &Gazetteer;
}

/// A report from a web door that was not stored, with its sealed evidence files given back
/// so the form can keep them for the next try.
#[derive(Debug)]
pub struct NotAccepted {
    /// Why.
    pub error: IntakeError,
    /// The files, sealed, as they came in.
    pub attachments: Vec<NewAttachment>,
}

/// A report stored from a web door: its receipt, and where the form shows it once.
#[derive(Debug)]
pub struct Accepted {
    /// The receipt.
    pub receipt: receipt::Receipt,
    /// The address token of the receipt's page, if one was asked for: held in the same
    /// transaction as the report, so any node can show it once.
    pub view: Option<String>,
}

/// Stores a validated report from a web door (form or API) with a fresh receipt: seals and
/// commits it (spending the form token that carried it, if any, and holding the receipt to
/// show once if `show_once`, in the same transaction), counts it for the flood detector, and
/// returns the receipt.
#[expect(
    clippy::too_many_arguments,
    reason = "each is one fact of the arrival; a struct would only rename them"
)]
pub async fn accept_with_receipt(
    state: &impl Context,
    valid: form::ValidReport,
    channel: Channel,
    flagged: bool,
    attachments: Vec<NewAttachment>,
    mut arrival: Arrival,
    show_once: bool,
    now: std::time::Instant,
) -> Result<Accepted, NotAccepted> {
    let runtime = state.intake();
    let store = state.store();
    let keys = async {
        let key = runtime.receipt_key(store).await?;
        let public_key = runtime.public_key(store).await?;
        Ok::<_, IntakeError>((key, public_key))
    };
    let (key, public_key) = match keys.await {
        Ok(keys) => keys,
        Err(error) => return Err(NotAccepted { error, attachments }),
    };
    let receipt = receipt::Receipt::generate();
    let view = show_once.then(|| {
        let (token, held) = receipt_view::hold(&receipt, coarse_now_secs());
        arrival.receipt_view = Some(held);
        token
    });
    let incoming = Incoming {
        report: valid.report,
        contact: valid.contact,
        channel,
        flagged,
        receipt_hash: Some(receipt::receipt_hash(key, &receipt)),
        attachments,
    };
    // Validation already passed, so sealing fails only on a bug; the files are then lost
    // with the request, which answers 500.
    let submission = seal_submission(&public_key, state.taxonomy(), state.gazetteer(), incoming)
        .map_err(|error| NotAccepted {
            error,
            attachments: Vec::new(),
        })?;
    let id = store_sealed(store, submission, arrival)
        .await
        .map_err(|(e, submission)| NotAccepted {
            error: e.into(),
            attachments: submission.attachments,
        })?;
    runtime.record_accepted(now).await;
    runtime
        .reply_keys
        .make_after_stored(store, id, receipt.second_copy());
    Ok(Accepted { receipt, view })
}

/// Unix seconds now.
fn coarse_now_secs() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}
