//! A chat message's file: fetched by the channel, then cleaned like a web upload (type read
//! from the bytes, metadata stripped, size and pixel limits) and sealed; or, when it could
//! not be fetched or kept, a sealed note that tells the moderator what came and why it is
//! not there. The words that came with it are stored either way.

use crate::channels::Context;
use crate::channels::conversation::Evidence;
use crate::intake::evidence::{EvidenceError, EvidenceLimits};
use crate::intake::not_kept::{self, NotKept, SkipReason, SkippedFile};

/// What the platform said about a file.
#[derive(Debug, Clone)]
pub struct FileAbout {
    /// The type the platform declared (`image/jpeg`), or what the content was (`location`).
    pub declared_type: String,
    /// The file's name as sent, if it had one.
    pub name: Option<String>,
    /// Its size in bytes, if known.
    pub bytes: u64,
}

/// Something a message carried that is not stored as evidence, and why.
#[derive(Debug, Clone)]
pub struct FileNote {
    /// What it was.
    pub about: FileAbout,
    /// Why it was not kept.
    pub reason: SkipReason,
}

/// What fetching a file gave.
pub enum Fetched {
    /// The bytes, to clean.
    Bytes {
        /// The file as downloaded.
        bytes: Vec<u8>,
        /// What the platform said about it.
        about: FileAbout,
    },
    /// It could not be fetched (or was refused before downloading).
    NotKept(FileNote),
}

/// The evidence checks are busy: nothing was stored, the platform should deliver again.
#[derive(Debug, thiserror::Error)]
#[error("the server is too busy to check files now")]
pub struct Busy;

/// Cleans and seals `files` one by one through the evidence gate; a file refused by the
/// checks joins `notes`, and all notes become one sealed note. Only a busy gate fails
/// (with [`Busy`]): retrying later will work.
pub async fn evidence(
    state: &impl Context,
    files: Vec<(Vec<u8>, FileAbout)>,
    mut notes: Vec<FileNote>,
) -> anyhow::Result<Evidence> {
    let public_key = state.intake().public_key(state.store()).await?;
    let limits = EvidenceLimits::default();
    let mut attachments = Vec::new();
    for (bytes, about) in files {
        match state
            .intake()
            .evidence
            .clean_and_seal(vec![bytes], &limits, &public_key)
            .await
        {
            Ok(mut sealed) => attachments.append(&mut sealed),
            Err(EvidenceError::Busy) => return Err(Busy.into()),
            Err(e) => notes.push(FileNote {
                about,
                reason: SkipReason::from(&e),
            }),
        }
    }
    let mut sealed_notes = Vec::new();
    if !notes.is_empty() {
        let note = NotKept {
            files: notes
                .into_iter()
                .map(|n| SkippedFile {
                    name: n.about.name.as_deref().and_then(not_kept::clean_name),
                    declared_type: n.about.declared_type,
                    bytes: n.about.bytes,
                    reason: n.reason,
                    in_attached_message: false,
                })
                .collect(),
            ..NotKept::default()
        };
        sealed_notes.push((not_kept::KIND, note.seal(&public_key)?));
    }
    Ok(Evidence {
        attachments,
        notes: sealed_notes,
    })
}
