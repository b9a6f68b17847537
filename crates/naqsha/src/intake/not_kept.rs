//! The sealed note intake leaves on a report when it could not keep all of what arrived:
//! attached files that were refused (with their names and why), files a chat platform would
//! not give or pointed elsewhere for, content that is not a file (a shared location), and
//! report text beyond the longest report. It is sealed like the report, stored in the same transaction as a
//! `submission_additions` row of kind [`KIND`], and shown to moderators on the review page.

use naqsha_core::sealing::{self, OrgPublicKey, Sealed};
use serde::{Deserialize, Serialize};

use super::evidence::EvidenceError;

/// The addition kind of the note.
pub const KIND: &str = "not_kept";

/// The longest file name kept in the note, in characters.
const MAX_NAME_CHARS: usize = 200;

/// The most report text the note carries beyond the report itself, in characters (a message
/// is at most 64 MiB; a moderator reads this much and no more).
pub const MAX_REST_CHARS: usize = 200_000;

/// What intake did not keep of one arrival.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotKept {
    /// Files that were not stored as evidence, in the order they arrived.
    #[serde(default)]
    pub files: Vec<SkippedFile>,
    /// Text that did not fit in the report, cut at [`MAX_REST_CHARS`].
    #[serde(default)]
    pub rest_of_text: Option<String>,
    /// Characters of text beyond even that.
    #[serde(default)]
    pub text_dropped_chars: usize,
}

/// A file that was not stored as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedFile {
    /// Its name as sent, if it had one (control characters removed, cut to 200 characters).
    pub name: Option<String>,
    /// The type the sender declared for it.
    pub declared_type: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Why it was not kept.
    pub reason: SkipReason,
    /// It came inside a forwarded (attached) message rather than the message itself.
    #[serde(default)]
    pub in_attached_message: bool,
}

/// Why a file was not kept: the evidence checks' reasons, and a chat platform's, by a stable
/// name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// No bytes.
    Empty,
    /// Not a JPEG, PNG, WebP or PDF.
    UnsupportedType,
    /// A HEIC/HEIF photo, whose metadata cannot be removed.
    Heic,
    /// Over the per-file limit.
    TooLarge,
    /// Too many pixels.
    TooManyPixels,
    /// Damaged or cut short.
    Corrupt,
    /// Hides another format.
    Polyglot,
    /// A PDF with scripts or attachments.
    PdfActiveContent,
    /// A PDF that cannot be checked.
    PdfUncheckable,
    /// More files than one report keeps.
    TooManyFiles,
    /// The files together are over the limit.
    TotalTooLarge,
    /// Cleaning failed on our side.
    ProcessingFailed,
    /// The chat platform did not give the file (an error, no answer, an unusable answer).
    NotFetched,
    /// The chat platform pointed to a host the configuration does not allow: not downloaded.
    HostNotAllowed,
    /// Not a file: a shared location, a contact card, a poll.
    NotAFile,
    /// A reason this version does not know (written by a newer one).
    #[serde(other)]
    Other,
}

impl From<&EvidenceError> for SkipReason {
    fn from(e: &EvidenceError) -> Self {
        match e {
            EvidenceError::Empty => Self::Empty,
            EvidenceError::UnsupportedType => Self::UnsupportedType,
            EvidenceError::Heic => Self::Heic,
            EvidenceError::TooLarge { .. } => Self::TooLarge,
            EvidenceError::TooManyPixels { .. } => Self::TooManyPixels,
            EvidenceError::Corrupt => Self::Corrupt,
            EvidenceError::Polyglot => Self::Polyglot,
            EvidenceError::PdfActiveContent => Self::PdfActiveContent,
            EvidenceError::PdfUncheckable => Self::PdfUncheckable,
            EvidenceError::TooManyFiles { .. } => Self::TooManyFiles,
            EvidenceError::TotalTooLarge { .. } => Self::TotalTooLarge,
            EvidenceError::Reencode | EvidenceError::Busy => Self::ProcessingFailed,
        }
    }
}

impl SkipReason {
    /// The translation key of the reason as a moderator reads it.
    pub fn message_key(self) -> &'static str {
        match self {
            Self::Empty => "admin.review.not_kept.reason.empty",
            Self::UnsupportedType => "admin.review.not_kept.reason.unsupported_type",
            Self::Heic => "admin.review.not_kept.reason.heic",
            Self::TooLarge => "admin.review.not_kept.reason.too_large",
            Self::TooManyPixels => "admin.review.not_kept.reason.too_many_pixels",
            Self::Corrupt => "admin.review.not_kept.reason.corrupt",
            Self::Polyglot => "admin.review.not_kept.reason.polyglot",
            Self::PdfActiveContent => "admin.review.not_kept.reason.pdf_active_content",
            Self::PdfUncheckable => "admin.review.not_kept.reason.pdf_uncheckable",
            Self::TooManyFiles => "admin.review.not_kept.reason.too_many_files",
            Self::TotalTooLarge => "admin.review.not_kept.reason.total_too_large",
            Self::ProcessingFailed => "admin.review.not_kept.reason.processing_failed",
            Self::NotFetched => "admin.review.not_kept.reason.not_fetched",
            Self::HostNotAllowed => "admin.review.not_kept.reason.host_not_allowed",
            Self::NotAFile => "admin.review.not_kept.reason.not_a_file",
            Self::Other => "admin.review.not_kept.reason.other",
        }
    }
}

/// A file name fit to keep: control characters (line breaks included) removed, cut to 200
/// characters; `None` when nothing is left.
pub fn clean_name(name: &str) -> Option<String> {
    let kept: String = name
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    let kept = kept.trim();
    (!kept.is_empty()).then(|| kept.to_owned())
}

impl NotKept {
    /// Whether there is nothing to tell.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.rest_of_text.is_none() && self.text_dropped_chars == 0
    }

    /// Keeps `rest` (text beyond the report) up to [`MAX_REST_CHARS`], counting the rest.
    pub fn keep_rest_of_text(&mut self, rest: &str) {
        let kept: String = rest.chars().take(MAX_REST_CHARS).collect();
        self.text_dropped_chars = rest.chars().count() - kept.chars().count();
        self.rest_of_text = (!kept.trim().is_empty()).then_some(kept);
    }

    /// The note sealed to the organisation's key.
    pub fn seal(&self, public_key: &OrgPublicKey) -> Result<Sealed, serde_json::Error> {
        let plain = sealing::Zeroizing::new(serde_json::to_vec(self)?);
        Ok(sealing::seal(public_key, &plain))
    }

    /// Reads an opened note.
    pub fn from_json(plain: &[u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(plain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_evidence_refusal_has_a_reason_and_unknown_reasons_still_read() {
        let heic: SkipReason = (&EvidenceError::Heic).into();
        assert_eq!(heic, SkipReason::Heic);
        assert_eq!(
            SkipReason::from(&EvidenceError::TooLarge { max_bytes: 1 }),
            SkipReason::TooLarge
        );
        let note: NotKept = NotKept::from_json(
            br#"{"files":[{"name":"a.mov","declared_type":"video/quicktime","bytes":3,"reason":"video_too_long"}]}"#,
        )
        .unwrap();
        assert_eq!(note.files[0].reason, SkipReason::Other);
        assert!(!note.files[0].in_attached_message);
    }

    #[test]
    fn names_lose_control_characters_and_length() {
        assert_eq!(
            clean_name("IMG_1.jpg\r\nX-Evil: 1").as_deref(),
            Some("IMG_1.jpgX-Evil: 1")
        );
        assert_eq!(clean_name(" \t "), None);
        assert_eq!(clean_name(&"a".repeat(500)).unwrap().chars().count(), 200);
    }

    #[test]
    fn text_beyond_the_note_limit_is_counted() {
        let mut note = NotKept::default();
        assert!(note.is_empty());
        note.keep_rest_of_text(&"ب".repeat(MAX_REST_CHARS + 7));
        assert_eq!(
            note.rest_of_text.as_ref().unwrap().chars().count(),
            MAX_REST_CHARS
        );
        assert_eq!(note.text_dropped_chars, 7);
        assert!(!note.is_empty());
    }

    #[test]
    fn the_note_is_sealed_and_opens_to_the_same_note() {
        let pair = naqsha_core::sealing::OrgKeyPair::generate();
        let note = NotKept {
            files: vec![SkippedFile {
                name: Some("IMG_3120.HEIC".into()),
                declared_type: "image/heic".into(),
                bytes: 2_000_000,
                reason: SkipReason::Heic,
                in_attached_message: true,
            }],
            ..NotKept::default()
        };
        let sealed = note.seal(&pair.public).unwrap();
        assert!(
            !sealed
                .as_bytes()
                .windows(b"IMG_3120".len())
                .any(|w| w == b"IMG_3120")
        );
        let plain = sealing::open(&pair.secret, &sealed).unwrap();
        assert_eq!(NotKept::from_json(&plain).unwrap(), note);
    }
}
