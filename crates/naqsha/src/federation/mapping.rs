//! The mapping file of followed instances' taxonomies onto the exchange vocabulary:
//! read where the world map needs it, written by `naqsha federation mapping --write`.

use std::collections::BTreeMap;
use std::path::Path;

use naqsha_core::federation::{Exchange, Mapping};

use super::world::term_counts;
use crate::storage::{FollowStore, StorageError, Store};

/// Why the mapping file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum MappingFileError {
    /// It exists but cannot be read.
    #[error("cannot read {path}: {error}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        error: std::io::Error,
    },
    /// It does not parse, or maps to terms outside the vocabulary.
    #[error("{path}: {error}")]
    Invalid {
        /// The file.
        path: String,
        /// Why.
        error: naqsha_core::federation::MappingError,
    },
}

/// Reads the mapping file; a missing file is an empty mapping (every source's own mapping
/// is used).
pub fn load(path: &Path) -> Result<Mapping, MappingFileError> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            Mapping::parse(&text, Exchange::shipped()).map_err(|error| MappingFileError::Invalid {
                path: path.display().to_string(),
                error,
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Mapping::default()),
        Err(error) => Err(MappingFileError::Read {
            path: path.display().to_string(),
            error,
        }),
    }
}

/// The mapping file as `--write` makes it from the followed cases held now, keeping the
/// decisions of `existing`, and per source how many of its terms it leaves unmapped.
pub async fn written(
    store: &Store,
    existing: &Mapping,
) -> Result<(String, BTreeMap<String, usize>), StorageError> {
    let counts = term_counts(&store.followed_rows().await?)?;
    let vocabulary = Exchange::shipped();
    let text = existing.write(&counts, vocabulary);
    // What the written file leaves unmapped: `write` gives each source a section, in the
    // order of `counts`, and marks each term it could not map.
    let sources: Vec<&String> = counts.keys().collect();
    let mut unmapped: BTreeMap<String, usize> = sources.iter().map(|s| ((*s).clone(), 0)).collect();
    let mut section: Option<&String> = None;
    let mut next = sources.iter();
    for line in text.lines() {
        if line.starts_with("[sources.") {
            section = next.next().copied();
        } else if line.contains("# ") && line.ends_with("UNMAPPED: decide") {
            if let Some(n) = section.and_then(|s| unmapped.get_mut(s)) {
                *n += 1;
            }
        }
    }
    Ok((text, unmapped))
}
