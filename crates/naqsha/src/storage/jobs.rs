//! Background jobs that one node at a time runs (polling the IMAP mailbox): a named lease,
//! taken in one statement, so of several nodes trying at once one gets it.

use std::future::Future;

use time::OffsetDateTime;

use super::rows::ts;
use super::{StorageError, Store};

/// Leases on background jobs.
pub trait JobStore {
    /// Takes the job `name` for `node` until `until`: true when it was free at `now` (never
    /// taken, released, or its lease run out) or already `node`'s, false when another node
    /// holds it.
    fn claim_job(
        &self,
        name: &str,
        node: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Gives the job back, if `node` holds it.
    fn release_job(
        &self,
        name: &str,
        node: &str,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
}

impl JobStore for Store {
    async fn claim_job(
        &self,
        name: &str,
        node: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> Result<bool, StorageError> {
        let done = sqlx::query(
            "INSERT INTO job_leases (name, leased_by, lease_until) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET leased_by = excluded.leased_by, \
               lease_until = excluded.lease_until \
             WHERE job_leases.lease_until < $4 OR job_leases.leased_by = excluded.leased_by",
        )
        .bind(name)
        .bind(node)
        .bind(ts(until))
        .bind(ts(now))
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn release_job(&self, name: &str, node: &str) -> Result<(), StorageError> {
        sqlx::query("DELETE FROM job_leases WHERE name = $1 AND leased_by = $2")
            .bind(name)
            .bind(node)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
