//! Installed taxonomies. Every version ever installed is kept, so a case always finds the
//! labels it was coded with; one is active for new coding.

use std::future::Future;

use time::OffsetDateTime;

use super::rows::{Cols, ts};
use super::{StorageError, Store};

/// A taxonomy file as installed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTaxonomy {
    /// Its version string.
    pub version: String,
    /// The TOML text.
    pub content: String,
    /// Hash of the canonical content, to catch a changed file that kept its version.
    pub content_hash: String,
    /// When it was installed.
    pub installed_at: OffsetDateTime,
    /// Whether it is the one used for new coding.
    pub active: bool,
}

/// Installing and reading taxonomies.
pub trait TaxonomyStore {
    /// Installs a taxonomy version and makes it active. Installing the same version with the
    /// same content again only re-activates it; the same version with other content is a
    /// [`StorageError::Conflict`].
    fn install_taxonomy(
        &self,
        version: &str,
        content: &str,
        content_hash: &str,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// The active taxonomy.
    fn active_taxonomy(
        &self,
    ) -> impl Future<Output = Result<Option<StoredTaxonomy>, StorageError>> + Send;

    /// A taxonomy by version.
    fn taxonomy_version(
        &self,
        version: &str,
    ) -> impl Future<Output = Result<Option<StoredTaxonomy>, StorageError>> + Send;
}

fn from_row(row: &sqlx::any::AnyRow) -> Result<StoredTaxonomy, StorageError> {
    let c = Cols::new(row, "taxonomies");
    Ok(StoredTaxonomy {
        version: c.text("version")?,
        content: c.text("content")?,
        content_hash: c.text("content_hash")?,
        installed_at: c.time("installed_at")?,
        active: c.flag("active")?,
    })
}

const COLUMNS: &str = "SELECT version, content, content_hash, installed_at, active FROM taxonomies";

impl TaxonomyStore for Store {
    async fn install_taxonomy(
        &self,
        version: &str,
        content: &str,
        content_hash: &str,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let existing = sqlx::query("SELECT content_hash FROM taxonomies WHERE version = $1")
            .bind(version)
            .fetch_optional(&mut *tx)
            .await?;
        match existing {
            Some(row) => {
                if Cols::new(&row, "taxonomies").text("content_hash")? != content_hash {
                    return Err(StorageError::Conflict(
                        "taxonomy version with other content",
                    ));
                }
            }
            None => {
                sqlx::query(
                    "INSERT INTO taxonomies (version, content, content_hash, installed_at, active) \
                     VALUES ($1, $2, $3, $4, 0)",
                )
                .bind(version)
                .bind(content)
                .bind(content_hash)
                .bind(ts(OffsetDateTime::now_utc()))
                .execute(&mut *tx)
                .await?;
            }
        }
        sqlx::query("UPDATE taxonomies SET active = CASE WHEN version = $1 THEN 1 ELSE 0 END")
            .bind(version)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn active_taxonomy(&self) -> Result<Option<StoredTaxonomy>, StorageError> {
        let sql = format!("{COLUMNS} WHERE active = 1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(from_row).transpose()
    }

    async fn taxonomy_version(
        &self,
        version: &str,
    ) -> Result<Option<StoredTaxonomy>, StorageError> {
        let sql = format!("{COLUMNS} WHERE version = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(version)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(from_row).transpose()
    }
}
