//! District boundaries imported by a deployer (optional; everything works without them).

use std::future::Future;

use time::OffsetDateTime;

use super::rows::{Cols, ts};
use super::{StorageError, Store};

/// Storing imported boundary sets.
pub trait BoundaryStore {
    /// Stores (or replaces) a named boundary set in its stored text form.
    fn save_boundaries(
        &self,
        name: &str,
        content: &str,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// All boundary sets: (name, stored text).
    fn boundaries(
        &self,
    ) -> impl Future<Output = Result<Vec<(String, String)>, StorageError>> + Send;
}

impl BoundaryStore for Store {
    async fn save_boundaries(&self, name: &str, content: &str) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO boundaries (name, content, imported_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET content = excluded.content, \
             imported_at = excluded.imported_at",
        )
        .bind(name)
        .bind(content)
        .bind(ts(OffsetDateTime::now_utc()))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn boundaries(&self) -> Result<Vec<(String, String)>, StorageError> {
        let rows = sqlx::query("SELECT name, content FROM boundaries ORDER BY name")
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| {
                let c = Cols::new(r, "boundaries");
                Ok((c.text("name")?, c.text("content")?))
            })
            .collect()
    }
}
