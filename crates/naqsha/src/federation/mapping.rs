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

/// The mark `Mapping::write` puts on a term it could not map (written as `[]`).
const UNDECIDED: &str = "UNMAPPED: decide";

/// Per source, the terms a written mapping file still marks for an admin to decide
/// (written as `[]` by `--write`, so counted in no exchange category until someone does).
pub fn undecided(text: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut section: Option<String> = None;
    for line in text.lines() {
        let line = line.trim();
        if let Some(header) = line
            .strip_prefix("[sources.")
            .and_then(|h| h.strip_suffix(']'))
        {
            // A header's name is a TOML key: bare or quoted.
            section = format!("k = {header}")
                .parse::<toml::Table>()
                .ok()
                .and_then(|t| t.get("k").and_then(|v| v.as_str()).map(str::to_owned))
                .or_else(|| Some(header.to_owned()));
        } else if line.ends_with(UNDECIDED) {
            let term = format!("k = {}", line.split(" = ").next().unwrap_or_default())
                .parse::<toml::Table>()
                .ok()
                .and_then(|t| t.get("k").and_then(|v| v.as_str()).map(str::to_owned));
            if let (Some(source), Some(term)) = (&section, term) {
                out.entry(source.clone()).or_default().push(term);
            }
        }
    }
    out
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
    let undecided = undecided(&text);
    let unmapped = counts
        .keys()
        .map(|source| (source.clone(), undecided.get(source).map_or(0, Vec::len)))
        .collect();
    Ok((text, unmapped))
}
