//! Many reports at once (imports from other systems): the same validation and sealing as
//! [`super::accept`], spread over every core, and stored many to a transaction with one
//! audit entry per batch instead of one per report.
//!
//! A batch is two steps so a caller can overlap them (the import seals one batch while the
//! previous one is stored): [`seal_batch`] is CPU-bound (run it off the async threads),
//! [`store_batch`] waits on the database.

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::ids::SubmissionId;
use naqsha_core::places::Gazetteer;
use naqsha_core::sealing::OrgPublicKey;
use naqsha_core::taxonomy::Taxonomy;
use rayon::prelude::*;

use super::{Incoming, IntakeError, seal_submission};
use crate::storage::{ImportStore, ImportedSubmission, StorageError, Store};

/// One report of a batch with the ledger key of the source row it came from.
pub struct BatchItem {
    /// Where the item sits in the caller's numbering (e.g. the row of the file).
    pub row: u64,
    /// The ledger key (see [`crate::channels::import::ledger_key`]).
    pub ledger_key: String,
    /// The report.
    pub incoming: Incoming,
}

/// What became of one item.
#[derive(Debug)]
pub enum Outcome {
    /// Sealed and stored.
    Stored(SubmissionId),
    /// Its source row was imported before (or earlier in the same run).
    Duplicate,
    /// Refused by validation.
    Invalid(IntakeError),
}

/// A batch after sealing: the sealed submissions and the items that did not seal.
pub struct SealedBatch {
    /// The rows of `sealed`, in the same order.
    pub rows: Vec<u64>,
    /// Sealed submissions ready to store.
    pub sealed: Vec<ImportedSubmission>,
    /// (row, why) for items refused by validation.
    pub refused: Vec<(u64, IntakeError)>,
}

/// Validates and seals every item in parallel (rayon). Blocks: call it from a blocking
/// thread.
pub fn seal_batch(
    public_key: &OrgPublicKey,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
    items: Vec<BatchItem>,
) -> SealedBatch {
    let results: Vec<(u64, String, Result<_, IntakeError>)> = items
        .into_par_iter()
        .map(|item| {
            let sealed = seal_submission(public_key, taxonomy, gazetteer, item.incoming);
            (item.row, item.ledger_key, sealed)
        })
        .collect();
    let mut batch = SealedBatch {
        rows: Vec::with_capacity(results.len()),
        sealed: Vec::with_capacity(results.len()),
        refused: Vec::new(),
    };
    for (row, ledger_key, result) in results {
        match result {
            Ok(submission) => {
                batch.rows.push(row);
                batch.sealed.push(ImportedSubmission {
                    ledger_key,
                    submission,
                });
            }
            Err(e) => batch.refused.push((row, e)),
        }
    }
    batch
}

/// Stores a sealed batch in one transaction with one audit entry counting the reports
/// stored (`detail` names the source, never content). Returns (row, outcome) for every item of the batch.
pub async fn store_batch(
    store: &Store,
    batch: SealedBatch,
    detail: &str,
) -> Result<Vec<(u64, Outcome)>, StorageError> {
    let mut out: Vec<(u64, Outcome)> = Vec::with_capacity(batch.sealed.len() + batch.refused.len());
    if !batch.sealed.is_empty() {
        let audit = |stored: usize| {
            AuditEvent::now(None, AuditAction::SubmissionReceived)
                .detail(format!("{detail}: {stored} stored"))
        };
        let stored = store.insert_imported(&batch.sealed, audit).await?;
        for ((row, s), was_stored) in batch.rows.into_iter().zip(&batch.sealed).zip(stored) {
            let outcome = if was_stored {
                Outcome::Stored(s.submission.envelope.id)
            } else {
                Outcome::Duplicate
            };
            out.push((row, outcome));
        }
    }
    out.extend(
        batch
            .refused
            .into_iter()
            .map(|(row, e)| (row, Outcome::Invalid(e))),
    );
    Ok(out)
}
