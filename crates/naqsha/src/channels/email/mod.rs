//! Reports by email: one message (from an MTA pipe, a file, or a polled IMAP mailbox)
//! becomes one submission. The text is the subject and the body (HTML reduced to text),
//! followed by the headers and text of any message attached to it (Outlook's "forward as
//! attachment"). Each attachment, the attached messages' included, that is a supported
//! evidence file is cleaned (metadata stripped, images re-encoded) and sealed like the web
//! form's, and the sender's address is sealed as the contact.
//!
//! What cannot be kept is not fatal and not silent: attachments that are refused (a HEIC
//! photo, a file over 10 MB, a sixth file) and text beyond the longest report go into a
//! sealed note that moderators see on the review page, stored in the same transaction.
//!
//! A message is stored once: a keyed hash of its sender and Message-ID is recorded with its
//! report, and a second delivery (an MTA retrying, the same file piped again) is answered
//! "already stored". A message without a Message-ID is stored each time it arrives.

pub mod imap;
pub mod parse;

use std::time::Duration;

use naqsha_core::ids::SubmissionId;
use naqsha_core::sealing::OrgPublicKey;
use naqsha_core::submission::{Channel, ContactDetails, RawReport};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::ReportText;
use time::OffsetDateTime;

use crate::channels::Context;
use crate::intake::evidence::{EvidenceError, EvidenceLimits};
use crate::intake::not_kept::{self, NotKept, SkippedFile};
use crate::intake::{self, Incoming};
use crate::storage::{EmailStore, NewAttachment};

/// The report text of a message that carried only attachments.
const NO_TEXT: &str = "[email without text; see the attached files]";

/// How long a stored message is remembered, so that a second delivery is not stored again.
/// Mail servers give up retrying after five days; a month covers that with room to spare
/// and keeps no trace of a message for longer.
pub const SEEN_KEPT: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// The purpose a message's key is derived for (see [`crate::intake::receipt::ReceiptKey`]).
const SEEN_PURPOSE: &str = "email message seen v1";

/// What became of one message.
#[derive(Debug)]
pub enum Outcome {
    /// Stored as a new report.
    Stored(Ingested),
    /// A message with the same sender and Message-ID was stored before: nothing was stored.
    AlreadyStored,
}

/// What was stored from one message.
#[derive(Debug)]
pub struct Ingested {
    /// The new submission.
    pub submission: SubmissionId,
    /// Evidence files stored with it.
    pub evidence: usize,
    /// Messages attached to it whose text and files were read.
    pub attached_messages: usize,
    /// Attachments left out, and why (also listed in the sealed note).
    pub skipped: Vec<Skipped>,
    /// Characters of text beyond the longest report, kept in the sealed note.
    pub text_over_limit: usize,
    /// It had a Message-ID, so a second delivery will be recognised.
    pub has_message_id: bool,
}

/// An attachment that was not stored. Names nothing a sender wrote (not the file name):
/// this is what the command line prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its place among all the attachments (an attached message's included), from 1.
    pub position: usize,
    /// The type the message declared for it.
    pub declared_type: String,
    /// Why it was left out.
    pub reason: EvidenceError,
    /// It came inside an attached message.
    pub in_attached_message: bool,
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

fn storage(e: impl Into<anyhow::Error>) -> IngestError {
    IngestError::Storage(e.into())
}

/// Stores one raw RFC 5322 message as a sealed submission; returns after the commit, or
/// says the message was stored before.
pub async fn ingest(state: &impl Context, raw: &[u8]) -> Result<Outcome, IngestError> {
    let parsed = parse::parse(raw)?;
    let store = state.store();
    let public_key = crate::keyring::public_key(store).await.map_err(storage)?;

    let seen_key = match &parsed.message_id {
        Some(id) => {
            let key = state.intake().receipt_key(store).await.map_err(storage)?;
            let from = parsed
                .from
                .as_ref()
                .map(|a| a.to_lowercase())
                .unwrap_or_default();
            Some(key.keyed_hash(SEEN_PURPOSE, &[from.as_bytes(), id.as_bytes()]))
        }
        None => None,
    };
    if let Some(key) = &seen_key {
        store
            .prune_email_seen(OffsetDateTime::now_utc() - SEEN_KEPT)
            .await
            .map_err(storage)?;
        if store.email_seen(key).await.map_err(storage)? {
            return Ok(Outcome::AlreadyStored);
        }
    }

    // Cleaning re-encodes images: CPU work, off the async threads.
    let files: Vec<(String, bool, Vec<u8>)> = parsed
        .attachments
        .iter()
        .map(|a| {
            (
                a.declared_type.clone(),
                a.in_attached_message,
                a.bytes.clone(),
            )
        })
        .collect();
    let key = public_key.clone();
    let (attachments, skipped) = crate::heavy::run(move || clean_all(&files, &key))
        .await
        .map_err(storage)?;

    let mut note = NotKept {
        files: skipped
            .iter()
            .map(|s| {
                let a = &parsed.attachments[s.position - 1];
                SkippedFile {
                    name: a.name.as_deref().and_then(not_kept::clean_name),
                    declared_type: s.declared_type.clone(),
                    bytes: a.bytes.len() as u64,
                    reason: (&s.reason).into(),
                    in_attached_message: s.in_attached_message,
                }
            })
            .collect(),
        ..NotKept::default()
    };
    let (text, rest) = split_at_limit(&parsed.text);
    let text_over_limit = rest.chars().count();
    if !rest.is_empty() {
        note.keep_rest_of_text(rest);
    }
    let text = if text.trim().is_empty() {
        NO_TEXT
    } else {
        text
    };
    let what_happened = ReportText::parse(text).map_err(|e| {
        storage(anyhow::anyhow!(
            "the report text was refused after cleaning: {e}"
        ))
    })?;
    let notes = if note.is_empty() {
        Vec::new()
    } else {
        vec![(not_kept::KIND, note.seal(&public_key).map_err(storage)?)]
    };

    let report = RawReport {
        danger_now: false,
        approve_first: false,
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
    let stored = intake::accept(
        store,
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
        crate::storage::Arrival {
            email_message: seen_key,
            notes,
            ..Default::default()
        },
    )
    .await;
    let submission = match stored {
        Ok(id) => id,
        // Stored by another delivery meanwhile (its key was spent in the same transaction
        // as its report).
        Err(e) if e.already_stored() => return Ok(Outcome::AlreadyStored),
        Err(e) => return Err(storage(e)),
    };
    Ok(Outcome::Stored(Ingested {
        submission,
        evidence,
        attached_messages: parsed.attached_messages,
        skipped,
        text_over_limit,
        has_message_id: parsed.message_id.is_some(),
    }))
}

/// The text cut at the longest report (at a line break near the limit when there is one),
/// and what is left over.
fn split_at_limit(text: &str) -> (&str, &str) {
    let Some((cut, _)) = text.char_indices().nth(ReportText::MAX_CHARS) else {
        return (text, "");
    };
    // A line break in the last 2,000 characters makes a cleaner cut than mid-sentence.
    let floor = text
        .char_indices()
        .nth(ReportText::MAX_CHARS - 2_000)
        .map_or(0, |(i, _)| i);
    let at = text[floor..cut].rfind('\n').map_or(cut, |i| floor + i + 1);
    (&text[..at], &text[at..])
}

/// Cleans and seals each attachment on its own, so one bad file costs only itself; stops
/// at the web form's count and size limits.
fn clean_all(
    files: &[(String, bool, Vec<u8>)],
    public_key: &OrgPublicKey,
) -> (Vec<NewAttachment>, Vec<Skipped>) {
    let limits = EvidenceLimits::default();
    let mut kept = Vec::new();
    let mut skipped = Vec::new();
    let mut total = 0usize;
    for (i, (declared_type, in_attached_message, bytes)) in files.iter().enumerate() {
        let skip = |reason: EvidenceError| Skipped {
            position: i + 1,
            declared_type: declared_type.clone(),
            reason,
            in_attached_message: *in_attached_message,
        };
        if bytes.len() > limits.max_file_bytes {
            skipped.push(skip(EvidenceError::TooLarge {
                max_bytes: limits.max_file_bytes,
            }));
            continue;
        }
        if kept.len() >= limits.max_files {
            skipped.push(skip(EvidenceError::TooManyFiles {
                max_files: limits.max_files,
            }));
            continue;
        }
        if total + bytes.len() > limits.max_total_bytes {
            skipped.push(skip(EvidenceError::TotalTooLarge {
                max_total_bytes: limits.max_total_bytes,
            }));
            continue;
        }
        match intake::gate::clean_and_seal_one(bytes, &limits, public_key) {
            Ok(one) => {
                total += bytes.len();
                kept.push(one);
            }
            Err(e) => skipped.push(skip(e)),
        }
    }
    (kept, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_is_not_cut() {
        assert_eq!(split_at_limit("short"), ("short", ""));
        let exact = "a".repeat(ReportText::MAX_CHARS);
        assert_eq!(split_at_limit(&exact), (exact.as_str(), ""));
    }

    #[test]
    fn a_long_text_is_cut_at_a_line_break_near_the_limit_and_nothing_is_lost() {
        let first = format!("{}\n", "ا".repeat(ReportText::MAX_CHARS - 500));
        let text = format!("{first}{}", "b".repeat(3_000));
        let (head, rest) = split_at_limit(&text);
        assert_eq!(head, first);
        assert_eq!(format!("{head}{rest}"), text);
        assert!(ReportText::parse(head).is_ok());

        // No line break near the limit: cut at the limit itself.
        let flat = "c".repeat(ReportText::MAX_CHARS + 10);
        let (head, rest) = split_at_limit(&flat);
        assert_eq!(head.chars().count(), ReportText::MAX_CHARS);
        assert_eq!(rest.len(), 10);
    }

    #[test]
    fn one_refused_file_costs_only_itself_and_oversized_files_are_named_as_such() {
        let key = naqsha_core::sealing::OrgKeyPair::generate().public;
        let big = vec![0u8; EvidenceLimits::default().max_file_bytes + 1];
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec();
        let files = vec![
            ("application/octet-stream".to_owned(), false, big),
            ("image/heic".to_owned(), true, heic),
        ];
        let (kept, skipped) = clean_all(&files, &key);
        assert!(kept.is_empty());
        assert_eq!(
            skipped,
            vec![
                Skipped {
                    position: 1,
                    declared_type: "application/octet-stream".into(),
                    reason: EvidenceError::TooLarge {
                        max_bytes: 10 * 1024 * 1024
                    },
                    in_attached_message: false,
                },
                Skipped {
                    position: 2,
                    declared_type: "image/heic".into(),
                    reason: EvidenceError::Heic,
                    in_attached_message: true,
                },
            ]
        );
    }
}
