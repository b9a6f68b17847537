//! Evidence files attached to a report: only JPEG, PNG, WebP and PDF, recognised by their
//! bytes; images decoded and re-encoded so that EXIF (with GPS), XMP, ICC, comments and
//! anything appended are gone and the EXIF orientation is applied; PDFs kept byte for byte
//! after polyglot and active-content checks, for moderators only.
//!
//! Pure functions over bytes, with no I/O: decoding a large image takes tens of
//! milliseconds, so the web layer should call [`clean`] through
//! `tokio::task::spawn_blocking`. The cleaned bytes are then sealed like the report.

mod error;
mod image;
mod limits;
mod markers;
mod pdf;
mod sniff;
mod structure;

pub use error::EvidenceError;
pub use limits::{EvidenceLimits, check_batch};
pub use markers::strip_check;

/// The formats accepted as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EvidenceKind {
    /// JPEG (JFIF/EXIF) image.
    Jpeg,
    /// PNG image.
    Png,
    /// WebP image (cleaned copies are lossless WebP).
    WebP,
    /// PDF document, kept as uploaded.
    Pdf,
}

impl EvidenceKind {
    /// The media type to store and serve the cleaned bytes with.
    #[must_use]
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::WebP => "image/webp",
            Self::Pdf => "application/pdf",
        }
    }

    /// The file extension to offer when a moderator downloads the cleaned bytes.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::WebP => "webp",
            Self::Pdf => "pdf",
        }
    }

    /// Whether cleaned bytes of this kind may ever appear on a public page. PDFs are kept
    /// unmodified and their active-content check is a heuristic, so they never may.
    #[must_use]
    pub fn may_be_served_publicly(self) -> bool {
        !matches!(self, Self::Pdf)
    }
}

/// A file that passed the checks, ready to be sealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanEvidence {
    /// The kind of the cleaned bytes, always the kind of the upload.
    pub kind: EvidenceKind,
    /// The media type of the cleaned bytes.
    pub media_type: &'static str,
    /// The re-encoded image, or the PDF as uploaded.
    pub bytes: Vec<u8>,
    /// The extension of the uploaded file's name, if it had a plain one. Never the name
    /// itself: names identify people ("photo_of_ayesha.jpg").
    pub original_name_extension: Option<String>,
    /// Width in pixels after orientation (images only).
    pub width: Option<u32>,
    /// Height in pixels after orientation (images only).
    pub height: Option<u32>,
}

impl CleanEvidence {
    /// Keeps only the extension of the uploaded file's name: 1–5 ASCII letters or digits,
    /// lower-cased; anything else is dropped.
    #[must_use]
    pub fn with_original_name(mut self, file_name: &str) -> Self {
        self.original_name_extension = safe_extension(file_name);
        self
    }
}

fn safe_extension(file_name: &str) -> Option<String> {
    let base = file_name.rsplit(['/', '\\']).next()?;
    let (stem, extension) = base.rsplit_once('.')?;
    let plain = !stem.is_empty()
        && (1..=5).contains(&extension.len())
        && extension.bytes().all(|b| b.is_ascii_alphanumeric());
    plain.then(|| extension.to_ascii_lowercase())
}

/// The memory [`clean`] needs for `bytes` at its peak, estimated without decoding: for an
/// image from the dimensions and layout in its header, for a PDF its size (it is copied
/// once). A server bounds how much cleaning runs at once with this.
#[must_use]
pub fn working_memory(bytes: &[u8]) -> u64 {
    let small = bytes.len() as u64 + 1024 * 1024;
    match sniff::sniff(bytes) {
        Some(kind @ (EvidenceKind::Jpeg | EvidenceKind::Png | EvidenceKind::WebP)) => {
            image::working_memory(bytes, kind).unwrap_or(small)
        }
        _ => small,
    }
}

/// Checks one uploaded file and returns the copy to keep: images re-encoded without
/// metadata, PDFs unchanged. The kind comes from the bytes alone.
pub fn clean(bytes: &[u8], limits: &EvidenceLimits) -> Result<CleanEvidence, EvidenceError> {
    if bytes.is_empty() {
        return Err(EvidenceError::Empty);
    }
    if bytes.len() > limits.max_file_bytes {
        return Err(EvidenceError::TooLarge {
            max_bytes: limits.max_file_bytes,
        });
    }
    let kind = match sniff::sniff(bytes) {
        Some(kind) => kind,
        None if sniff::is_heif(bytes) => return Err(EvidenceError::Heic),
        None => return Err(EvidenceError::UnsupportedType),
    };
    match kind {
        EvidenceKind::Pdf => {
            pdf::check_pdf(bytes)?;
            Ok(CleanEvidence {
                kind,
                media_type: kind.media_type(),
                bytes: bytes.to_vec(),
                original_name_extension: None,
                width: None,
                height: None,
            })
        }
        EvidenceKind::Jpeg | EvidenceKind::Png | EvidenceKind::WebP => {
            image::clean_image(bytes, kind, limits)
        }
    }
}

/// The longest side of a [`blurred_preview`], in pixels: few enough that no face, body or
/// word can be made out, enough to tell a screenshot from a photo.
pub const PREVIEW_SIDE: u32 = 12;

/// A preview of a kept evidence image that shows nothing recognisable: the picture shrunk
/// to at most [`PREVIEW_SIDE`] pixels across, as a PNG (a page scales it up, blurred). A
/// moderator sees that an image is there and roughly what kind, and opens the image itself
/// only when she chooses to. `None` for a PDF or bytes that are not an image.
#[must_use]
pub fn blurred_preview(bytes: &[u8]) -> Option<Vec<u8>> {
    match sniff::sniff(bytes)? {
        kind @ (EvidenceKind::Jpeg | EvidenceKind::Png | EvidenceKind::WebP) => {
            image::preview(bytes, kind, &EvidenceLimits::default(), PREVIEW_SIDE)
        }
        EvidenceKind::Pdf => None,
    }
}

#[cfg(test)]
mod tests;
