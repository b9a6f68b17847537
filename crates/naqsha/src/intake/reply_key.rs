//! Her reply key ([`ReplyKey`]): made from her receipt when her report is stored, and made
//! again from it on each follow-up step with a found receipt, to open what was sealed to her.
//!
//! A derivation costs about 20 ms of one core and 19 MiB of memory
//! ([`ReplyKdf::DEFAULT`]), so at most one per core runs at once, on the heavy threads
//! ([`crate::heavy`]). A report is never delayed for its key: the key of a new report is made
//! after the report is stored and acknowledged ([`ReplyKeyGate::make_after_stored`]); when
//! every slot is busy then, or the server stops first, the key is made at her first
//! follow-up step, which waits its turn (a few milliseconds).

use std::sync::Arc;

use naqsha_core::sealing::{ReplyKdf, ReplyKey, ReplyKeyError};
use tokio::sync::Semaphore;
use zeroize::Zeroizing;

use super::receipt::Receipt;
use crate::heavy;
use naqsha_core::ids::SubmissionId;

use crate::storage::{ConversationStore, ReplyKeyRow, Store};

/// Why a reply key could not be derived.
#[derive(Debug, thiserror::Error)]
pub enum ReplyKeyFailure {
    /// argon2 refused the stored salt or cost.
    #[error(transparent)]
    Derive(#[from] ReplyKeyError),
    /// The heavy thread did not give a result.
    #[error(transparent)]
    Unfinished(#[from] heavy::Unfinished),
    /// The gate was closed (the server is stopping).
    #[error("the reply key gate is closed")]
    Closed,
}

/// At most one reply key derivation per core at once.
#[derive(Debug, Clone)]
pub struct ReplyKeyGate {
    slots: Arc<Semaphore>,
}

impl ReplyKeyGate {
    /// A gate of `slots` derivations at once (at least one).
    pub fn new(slots: usize) -> Self {
        ReplyKeyGate {
            slots: Arc::new(Semaphore::new(slots.max(1))),
        }
    }

    /// One slot per core of this machine.
    pub fn for_this_machine() -> Self {
        Self::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
    }

    /// The stored half of a fresh key for `receipt`, made now if a slot is free; `None` if
    /// every slot is busy or the derivation failed (logged without anything of hers): her
    /// first follow-up step makes it then.
    pub async fn fresh_if_free(&self, receipt: &Receipt) -> Option<ReplyKeyRow> {
        let permit = self.slots.clone().try_acquire_owned().ok()?;
        let made = fresh(receipt).await;
        drop(permit);
        match made {
            Ok((_, row)) => Some(row),
            Err(e) => {
                tracing::warn!(error = %e, "a reply key could not be made at intake");
                None
            }
        }
    }

    /// Makes the key of report `submission`, just stored and acknowledged with `receipt`,
    /// in the background if a slot is free as that work starts, at once (else it is made at
    /// her first follow-up step). The receipt stays in this process's memory until the key is made (a few
    /// tens of milliseconds) and is wiped then; it is never written anywhere.
    pub fn make_after_stored(&self, store: &Store, submission: SubmissionId, receipt: Receipt) {
        let gate = self.clone();
        let store = store.clone();
        tokio::spawn(async move {
            let made = gate.fresh_if_free(&receipt).await;
            drop(receipt);
            let Some(row) = made else { return };
            if let Err(e) = store.set_reply_key_if_absent(submission, &row).await {
                tracing::warn!(error = %e, "a reply key could not be stored after a report");
            }
        });
    }

    /// A fresh key and its stored half for `receipt` (a report stored without one), waiting
    /// for a free slot.
    pub async fn fresh(
        &self,
        receipt: &Receipt,
    ) -> Result<(ReplyKey, ReplyKeyRow), ReplyKeyFailure> {
        let _permit = self
            .slots
            .acquire()
            .await
            .map_err(|_| ReplyKeyFailure::Closed)?;
        fresh(receipt).await
    }

    /// Her key, derived again from `receipt` with the stored salt and cost, waiting for a
    /// free slot.
    pub async fn derive(
        &self,
        receipt: &Receipt,
        row: &ReplyKeyRow,
    ) -> Result<ReplyKey, ReplyKeyFailure> {
        let _permit = self
            .slots
            .acquire()
            .await
            .map_err(|_| ReplyKeyFailure::Closed)?;
        let canonical = Zeroizing::new(receipt.canonical());
        let salt = row.salt.clone();
        let kdf = row.kdf;
        Ok(heavy::run(move || ReplyKey::derive(&canonical, &salt, kdf)).await??)
    }
}

/// Derives a key for `receipt` with a new salt (the caller holds a slot).
async fn fresh(receipt: &Receipt) -> Result<(ReplyKey, ReplyKeyRow), ReplyKeyFailure> {
    let canonical = Zeroizing::new(receipt.canonical());
    let salt = ReplyKey::new_salt();
    let key = heavy::run(move || ReplyKey::derive(&canonical, &salt, ReplyKdf::DEFAULT)).await??;
    let row = ReplyKeyRow {
        recipient: key.recipient(),
        salt: salt.to_vec(),
        kdf: ReplyKdf::DEFAULT,
    };
    Ok((key, row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_busy_gate_gives_no_key_at_intake_and_a_free_one_gives_hers() {
        let gate = ReplyKeyGate::new(1);
        let receipt = Receipt::generate();
        let held = gate.slots.clone().try_acquire_owned().unwrap();
        assert!(gate.fresh_if_free(&receipt).await.is_none());
        drop(held);
        let row = gate.fresh_if_free(&receipt).await.unwrap();
        assert_eq!(row.kdf, ReplyKdf::DEFAULT);
        // Her receipt makes the same key again; another receipt does not.
        let again = gate.derive(&receipt, &row).await.unwrap();
        assert_eq!(again.recipient(), row.recipient);
        let other = gate.derive(&Receipt::generate(), &row).await.unwrap();
        assert_ne!(other.recipient(), row.recipient);
    }
}
