//! Reports by email: one message (from an MTA pipe, a file, or a polled IMAP mailbox)
//! becomes one submission. The text is the subject and the body (HTML reduced to text),
//! each attachment that is a supported evidence file is cleaned (metadata stripped, images
//! re-encoded) and sealed like the web form's, and the sender's address is sealed as the
//! contact. Attachments that cannot be evidence are skipped and reported, not fatal.

pub mod imap;
pub mod parse;

use naqsha_core::ids::SubmissionId;
use naqsha_core::submission::{Channel, ContactDetails, RawReport};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::ReportText;
use time::OffsetDateTime;

use crate::channels::Context;
use crate::intake::evidence::EvidenceLimits;
use crate::intake::{self, Incoming};

/// The report text of a message that carried only attachments.
const NO_TEXT: &str = "[email without text; see the attached files]";

/// What was stored from one message.
#[derive(Debug)]
pub struct Ingested {
    /// The new submission.
    pub submission: SubmissionId,
    /// Evidence files stored with it.
    pub evidence: usize,
    /// Attachments left out, and why.
    pub skipped: Vec<Skipped>,
}

/// An attachment that was not stored. Names nothing a sender wrote (not the file name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its place among the message's attachments, from 1.
    pub position: usize,
    /// The type the message declared for it.
    pub declared_type: String,
    /// Why it was left out.
    pub reason: String,
}

/// Why a message was not stored.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The input is not a usable message: retrying will not help.
    #[error("the message cannot be read: {0}")]
    Unreadable(#[from] parse::ParseError),
    /// Storing failed: retry later.
    #[error("the message could not be stored: {0:#}")]
    Storage(anyhow::Error),
}

impl IngestError {
    /// The sysexits code an MTA understands: 65 (EX_DATAERR, bounce) for unreadable input,
    /// 75 (EX_TEMPFAIL, retry later) for a storage failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            IngestError::Unreadable(_) => 65,
            IngestError::Storage(_) => 75,
        }
    }
}

/// Stores one raw RFC 5322 message as a sealed submission; returns after the commit.
pub async fn ingest(state: &impl Context, raw: &[u8]) -> Result<Ingested, IngestError> {
    let parsed = parse::parse(raw)?;
    let public_key = crate::keyring::public_key(state.store())
        .await
        .map_err(|e| IngestError::Storage(e.into()))?;

    // Cleaning re-encodes images: CPU work, off the async threads.
    let files: Vec<(String, Vec<u8>)> = parsed
        .attachments
        .iter()
        .map(|a| (a.declared_type.clone(), a.bytes.clone()))
        .collect();
    let key = public_key.clone();
    let (attachments, skipped) = crate::heavy::run(move || clean_all(&files, &key))
        .await
        .map_err(|e| IngestError::Storage(e.into()))?;

    let text = if parsed.text.trim().is_empty() {
        NO_TEXT
    } else {
        parsed.text.as_str()
    };
    let what_happened =
        ReportText::parse(text).map_err(|_| IngestError::Unreadable(parse::ParseError::Empty))?;
    let report = RawReport {
        danger_now: false,
        self_description: None,
        language: crate::channels::language_of(text),
        what_happened,
        when: None,
        place: None,
        place_text: None,
        labels: Labels::default(),
        whose_story: None,
        source_url: None,
        consent: state.config().email.default_consent,
        received_at: OffsetDateTime::now_utc(),
    };
    let evidence = attachments.len();
    let submission = intake::accept(
        state.store(),
        &public_key,
        state.taxonomy(),
        state.gazetteer(),
        Incoming {
            report,
            contact: parsed
                .from
                .as_ref()
                .map(|a| ContactDetails::new(None, Some(a.to_string()))),
            channel: Channel::Email,
            flagged: false,
            receipt_hash: None,
            attachments,
        },
        crate::storage::Arrival::default(),
    )
    .await
    .map_err(|e| IngestError::Storage(e.into()))?;
    Ok(Ingested {
        submission,
        evidence,
        skipped,
    })
}

/// Cleans and seals each attachment on its own, so one bad file costs only itself; stops
/// at the web form's count and size limits.
fn clean_all(
    files: &[(String, Vec<u8>)],
    public_key: &naqsha_core::sealing::OrgPublicKey,
) -> (Vec<crate::storage::NewAttachment>, Vec<Skipped>) {
    let limits = EvidenceLimits::default();
    let mut kept = Vec::new();
    let mut skipped = Vec::new();
    let mut total = 0usize;
    for (i, (declared_type, bytes)) in files.iter().enumerate() {
        let skip = |reason: String| Skipped {
            position: i + 1,
            declared_type: declared_type.clone(),
            reason,
        };
        if kept.len() >= limits.max_files {
            skipped.push(skip(format!("more than {} files", limits.max_files)));
            continue;
        }
        if total + bytes.len() > limits.max_total_bytes {
            skipped.push(skip(format!(
                "the files together exceed {} bytes",
                limits.max_total_bytes
            )));
            continue;
        }
        match intake::gate::clean_and_seal_one(bytes, &limits, public_key) {
            Ok(one) => {
                total += bytes.len();
                kept.push(one);
            }
            Err(e) => skipped.push(skip(e.to_string())),
        }
    }
    (kept, skipped)
}
