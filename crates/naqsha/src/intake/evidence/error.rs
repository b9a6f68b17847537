//! Why a piece of evidence was refused.

/// Why a file (or a batch of files) was refused.
///
/// `Display` is plain English for logs and never carries file content or names;
/// users see the translation behind [`EvidenceError::message_key`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvidenceError {
    /// The file has no bytes.
    #[error("empty file")]
    Empty,
    /// Not a JPEG, PNG, WebP or PDF by its content (whatever its name or declared type says).
    #[error("unsupported file type")]
    UnsupportedType,
    /// A HEIC/HEIF photo (as iPhones take them): it cannot be decoded here, so its location
    /// and camera data cannot be removed.
    #[error("HEIC photo, whose location data cannot be removed")]
    Heic,
    /// One file is bigger than the per-file limit.
    #[error("file larger than {max_bytes} bytes")]
    TooLarge {
        /// The per-file limit in bytes.
        max_bytes: usize,
    },
    /// The image has more pixels, a longer side or a bigger decoded size than allowed
    /// (this is how decompression bombs are refused).
    #[error("image larger than {max_pixels} pixels or {max_dimension} pixels on a side")]
    TooManyPixels {
        /// The pixel-count limit.
        max_pixels: u64,
        /// The longest side allowed.
        max_dimension: u32,
    },
    /// The file is truncated or damaged and cannot be read.
    #[error("corrupt or truncated file")]
    Corrupt,
    /// The file is also another kind of file (data appended or another container inside).
    #[error("file carries a second format (polyglot)")]
    Polyglot,
    /// The PDF carries scripts, launch actions, embedded files or similar active content.
    #[error("PDF with active content")]
    PdfActiveContent,
    /// The PDF hides its objects in a way the active-content check cannot read
    /// (for example encrypted or oversized object streams).
    #[error("PDF that cannot be checked for active content")]
    PdfUncheckable,
    /// More files than allowed in one report.
    #[error("more than {max_files} files")]
    TooManyFiles {
        /// The per-report file limit.
        max_files: usize,
    },
    /// The files together are bigger than allowed.
    #[error("files together larger than {max_total_bytes} bytes")]
    TotalTooLarge {
        /// The per-report total limit in bytes.
        max_total_bytes: usize,
    },
    /// Re-encoding a readable image failed; a fault on our side, not the survivor's.
    #[error("re-encoding the image failed")]
    Reencode,
    /// The server is checking too many files just now to check these in time; nothing is
    /// wrong with them, and sending them again in a minute will work.
    #[error("the server is too busy to check files now")]
    Busy,
}

impl EvidenceError {
    /// The stable translation key of the message shown to the person uploading.
    #[must_use]
    pub fn message_key(&self) -> &'static str {
        match self {
            Self::Empty => "evidence.empty",
            Self::UnsupportedType => "evidence.unsupported_type",
            Self::Heic => "evidence.heic",
            Self::TooLarge { .. } => "evidence.too_large",
            Self::TooManyPixels { .. } => "evidence.too_many_pixels",
            Self::Corrupt => "evidence.corrupt",
            Self::Polyglot => "evidence.polyglot",
            Self::PdfActiveContent => "evidence.pdf_active_content",
            Self::PdfUncheckable => "evidence.pdf_uncheckable",
            Self::TooManyFiles { .. } => "evidence.too_many_files",
            Self::TotalTooLarge { .. } => "evidence.total_too_large",
            Self::Reencode => "evidence.processing_failed",
            Self::Busy => "evidence.busy",
        }
    }

    /// Whether the files were refused only because the server was busy (answer 503 with
    /// `Retry-After`, not a complaint about the files).
    #[must_use]
    pub fn is_busy(&self) -> bool {
        *self == Self::Busy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_its_own_key_under_the_evidence_prefix() {
        let all = [
            EvidenceError::Empty,
            EvidenceError::UnsupportedType,
            EvidenceError::Heic,
            EvidenceError::TooLarge { max_bytes: 1 },
            EvidenceError::TooManyPixels {
                max_pixels: 1,
                max_dimension: 1,
            },
            EvidenceError::Corrupt,
            EvidenceError::Polyglot,
            EvidenceError::PdfActiveContent,
            EvidenceError::PdfUncheckable,
            EvidenceError::TooManyFiles { max_files: 1 },
            EvidenceError::TotalTooLarge { max_total_bytes: 1 },
            EvidenceError::Reencode,
            EvidenceError::Busy,
        ];
        let mut keys: Vec<_> = all.iter().map(EvidenceError::message_key).collect();
        assert!(keys.iter().all(|k| k.starts_with("evidence.")));
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), all.len(), "two variants share a message key");
    }
}
