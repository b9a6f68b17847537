//! Storage: one narrow trait per role, implemented for SQLite (embedded, the default) and
//! PostgreSQL. Both backends run the same SQL through sqlx's `Any` driver; where the two
//! dialects differ the code branches on [`Backend`], and each backend has its own migrations.
//!
//! Sealed columns only ever receive [`naqsha_core::sealing::Sealed`] bytes: no function here
//! takes a survivor's words in the clear.

mod audit;
pub mod backup;
mod boundaries;
mod export;
mod import;
mod intake;
mod keys;
mod migrations;
mod moderation;
mod news;
mod public;
mod review;
mod rows;
mod sms;
mod staff;
mod taxonomy;
pub mod transfer;

#[cfg(test)]
mod contract_tests;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

pub use audit::{AuditFilter, AuditStore};
pub use boundaries::BoundaryStore;
pub use export::{CodedCase, ExportStore};
pub use import::{ImportStore, ImportedSubmission};
pub use intake::{IntakeStore, NewAddition, NewAttachment, NewSubmission};
pub use keys::{KeyStore, OrgKeys, UserStore};
pub use moderation::{
    Assigned, CaseListFilter, InboxFilter, InboxRow, ModerationStore, SealedSubmission,
};
pub use news::{NewsStore, PollRecord, SeenItem};
pub use public::{CaseFilter, PublicStore};
pub use review::{AttachmentInfo, CaseCell, DRAFT_KIND, ReviewStore, StoredAddition};
pub use sms::SmsStore;
pub use staff::{StaffSession, StaffStore, TotpSecret};
pub use taxonomy::{StoredTaxonomy, TaxonomyStore};

/// A storage failure. "Not found" is never an error: lookups return `Ok(None)`.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The database failed or refused the statement.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// A migration failed.
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored value does not parse as its domain type (a corrupt row or a bug).
    #[error("corrupt value in {table}.{column}: {reason}")]
    Corrupt {
        /// Table.
        table: &'static str,
        /// Column.
        column: &'static str,
        /// What was wrong.
        reason: String,
    },
    /// A uniqueness rule was broken (e.g. a username taken).
    #[error("already exists: {0}")]
    Conflict(&'static str),
    /// The database URL names a backend Naqsha does not support.
    #[error("unsupported database URL (expected sqlite:… or postgres://…)")]
    UnsupportedUrl,
}

/// Which database is behind a [`Store`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

impl Backend {
    /// Tells the backend from a database URL.
    pub fn from_url(url: &str) -> Result<Self, StorageError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StorageError::UnsupportedUrl)
        }
    }

    /// A short name for logs and the health check.
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// The database, shared by every part of the application. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

/// The SQLite URL for a database file, creating it if missing.
pub fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

impl Store {
    /// Opens the database at `url` without migrating it.
    pub async fn connect(url: &str) -> Result<Self, StorageError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let options = AnyConnectOptions::from_str(url)?;
        let pool = match backend {
            Backend::Sqlite => {
                AnyPoolOptions::new()
                    .max_connections(8)
                    .min_connections(1)
                    .after_connect(|conn, _meta| {
                        Box::pin(async move {
                            // WAL with synchronous=FULL: a commit is on disk when it returns,
                            // so a receipt is only shown for a report that survives a crash.
                            // Temporary tables and sort files stay in memory, and deleted
                            // pages are zeroed so a withdrawn report leaves no ciphertext behind.
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                                 PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                                 PRAGMA temp_store = MEMORY; PRAGMA secure_delete = ON;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await?
            }
            Backend::Postgres => {
                AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?
            }
        };
        Ok(Self { pool, backend })
    }

    /// Opens the database and applies any pending migrations.
    pub async fn open(url: &str) -> Result<Self, StorageError> {
        let store = Self::connect(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Applies the embedded migrations of this backend.
    pub async fn migrate(&self) -> Result<(), StorageError> {
        migrations::migrator(self.backend).run(&self.pool).await?;
        Ok(())
    }

    /// Names of migrations applied, in order.
    pub async fn applied_migrations(&self) -> Result<Vec<i64>, StorageError> {
        let rows: Vec<(i64,)> =
            sqlx::query_as("SELECT version FROM _sqlx_migrations ORDER BY version")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(v,)| v).collect())
    }

    /// Which backend this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Answers a trivial query: the health check.
    pub async fn ping(&self) -> Result<(), StorageError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Closes every connection (SQLite then checkpoints its WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }
}
