//! Storage: one narrow trait per role, implemented for SQLite (embedded, the default) and
//! PostgreSQL. Both backends run the same SQL through sqlx's `Any` driver; where the two
//! dialects differ the code branches on [`Backend`], and each backend has its own migrations.
//!
//! Sealed columns only ever receive [`naqsha_core::sealing::Sealed`] bytes: no function here
//! takes a survivor's words in the clear.
//!
//! # Why role traits, and what the compiler keeps apart
//!
//! [`Store`] is the only implementation of every role trait, and most callers take a
//! `&Store`: moderation, intake and the commands legitimately reach several roles, and a
//! trait per role mostly names what a caller uses (its `use` line says `IntakeStore` or
//! `ModerationStore`). One boundary matters for survivors' safety and is kept by the
//! compiler rather than by a naming convention: **the public side never reads a sealed
//! column.** Its code is generic over [`PublicStore`], the role that reads published cases
//! and counts only (`crate::public` takes `&impl PublicStore`; public pages read the store
//! through `AppState::public_store`, which returns `&impl PublicStore`), so inside it a
//! call to any other role's method does not compile. The import check
//! (`scripts/check-layers`) refuses a public page or `crate::public` that names `Store` or
//! another role. Turning the other roles into plain methods of `Store` would gain nothing
//! and lose the per-role contracts (`contract_tests/`) that both backends must pass.
//!
//! Nothing in storage imports any layer above it: it uses `crate::config` and
//! `naqsha_core` alone.

mod audit;
pub mod backup;
mod boundaries;
mod campaign;
mod case_row;
mod changes;
mod conversation;
mod email;
mod export;
mod federation;
mod health;
mod import;
mod intake;
mod jobs;
mod keys;
mod migrations;
mod moderation;
mod news;
mod public;
mod quality;
mod response;
mod review;
mod rows;
mod sms;
mod staff;
mod taxonomy;
mod throttle;
pub mod transfer;
mod visitor;

#[cfg(test)]
mod contract_tests;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Connection, Executor};

pub use crate::config::{Backend, sqlite_url};

pub use audit::{AuditFilter, AuditStore};
pub use boundaries::BoundaryStore;
pub use campaign::{CampaignImage, CampaignStore};
pub use changes::{CaseChange, CaseChanges};
pub use conversation::{
    Answered, ApprovalRound, ConversationStore, NewMessage, ReplyKeyRow, StoredMessage,
};
pub use email::EmailStore;
pub use export::{CodedCase, ExportStore};
pub use federation::{
    FeedLogStore, Follow, FollowStore, FollowedRow, LogPage, LogRow, LogUpdate, NewFollow,
    PageWrite, PullEnd, RefusedItem, Synced,
};
pub use health::SchemaState;
pub use import::{ImportStore, ImportedSubmission};
pub use intake::{Arrival, IntakeStore, NewAddition, NewAttachment, NewSubmission, SpentToken};
pub use jobs::JobStore;
pub use keys::{KeyStore, OrgKeys, UserStore};
pub use moderation::{
    ApprovalChange, Assigned, BulkChange, BulkWrite, CaseListFilter, ContactRequest, DecisionWrite,
    InboxFilter, InboxRow, InboxSort, ModerationStore, PublishRequest, SealedSubmission,
};
pub use news::{NewsStore, PollRecord, SeenItem};
pub use public::{CaseFilter, PublicStore};
pub use quality::{DoubleCoded, QualityStore};
pub use response::{
    ByReceipt, Decided, NewResponse, PublicResponse, PublicResponseFilter, ResponseDecision,
    ResponseImage, ResponseStore, StoredResponse, WaitingFilter,
};
pub use review::{AttachmentInfo, CaseCell, DRAFT_KIND, ReviewStore, StoredAddition};
pub use sms::{
    ConversationPart, MAX_QUEUED_REPLIES, NewWindow, OpenWindow, QueuedReply, SmsStore, WindowStep,
};
pub use staff::{StaffSession, StaffStore, TotpSecret};
pub use taxonomy::{StoredTaxonomy, TaxonomyStore};
pub use throttle::{ThrottleEntry, ThrottleStore};
pub use visitor::{DraftFiles, FloodRow, HeldReceipt, VisitorStore};

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

/// How long a client is asked to wait (`Retry-After`) when the database is unavailable.
pub const RETRY_AFTER_UNAVAILABLE: Duration = Duration::from_secs(30);

/// How long a read that a visitor waits on (a public page, the health check) may take
/// before the database counts as unavailable for it. PostgreSQL's pool waits up to 5 s for
/// a connection during an outage; a public page answers from memory or with 503 long before.
pub const QUICK_READ: Duration = Duration::from_secs(1);

/// Runs a storage read, giving up after [`QUICK_READ`] (as [`sqlx::Error::PoolTimedOut`],
/// which [`StorageError::is_unavailable`] counts as unavailable).
pub async fn quick<T>(
    read: impl std::future::Future<Output = Result<T, StorageError>>,
) -> Result<T, StorageError> {
    tokio::time::timeout(QUICK_READ, read)
        .await
        .unwrap_or(Err(StorageError::Database(sqlx::Error::PoolTimedOut)))
}

impl StorageError {
    /// Whether the database could not do its part for now (unreachable, restarting, disk
    /// full, locked), as opposed to a bug or a corrupt value: the request may be tried
    /// again, and the visitor is told so (503 with `Retry-After`).
    pub fn is_unavailable(&self) -> bool {
        match self {
            StorageError::Database(e) => is_transient(e),
            StorageError::Migrate(sqlx::migrate::MigrateError::Execute(e)) => is_transient(e),
            _ => false,
        }
    }
}

/// A failure of the database's availability rather than of the statement.
fn is_transient(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => db.code().is_some_and(|code| transient_code(&code)),
        _ => false,
    }
}

/// SQLite result codes (numbers; the primary code is the low byte of the extended one) and
/// PostgreSQL SQLSTATEs that mean "not now" rather than "never".
fn transient_code(code: &str) -> bool {
    if let Ok(extended) = code.parse::<u32>() {
        // BUSY, LOCKED, NOMEM, READONLY, IOERR, FULL, CANTOPEN, PROTOCOL.
        return matches!(extended & 0xff, 5 | 6 | 7 | 8 | 10 | 13 | 14 | 15);
    }
    // Connection exceptions, insufficient resources (disk full, out of memory), operator
    // intervention (shutdown, starting up), system errors, serialisation failures and
    // deadlocks, and a read-only standby.
    ["08", "53", "57", "58"]
        .iter()
        .any(|class| code.starts_with(class))
        || matches!(code, "40001" | "40P01" | "25006")
}

impl Backend {
    /// Tells the backend from a database URL ([`Backend::of_url`]), refusing any other.
    pub fn from_url(url: &str) -> Result<Self, StorageError> {
        Backend::of_url(url).ok_or(StorageError::UnsupportedUrl)
    }
}

/// The database, shared by every part of the application. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    local: Arc<visitor::ProcessLocal>,
    announcer: changes::Announcer,
}

impl Store {
    /// Opens the database at `url` without migrating it, with the backend's default
    /// number of connections.
    pub async fn connect(url: &str) -> Result<Self, StorageError> {
        Self::connect_with(url, None).await
    }

    /// Opens the database at `url` without migrating it, keeping at most `max_connections`
    /// (none: the backend's default, [`Backend::default_max_connections`]).
    pub async fn connect_with(
        url: &str,
        max_connections: Option<u32>,
    ) -> Result<Self, StorageError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let max_connections = max_connections
            .unwrap_or_else(|| backend.default_max_connections())
            .max(1);
        let options = AnyConnectOptions::from_str(url)?;
        let pool = match backend {
            Backend::Sqlite => {
                AnyPoolOptions::new()
                    .max_connections(max_connections)
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
                    .after_release(|conn, _meta| {
                        Box::pin(async move {
                            // A transaction that failed (e.g. "database or disk is full")
                            // can leave its connection inside a transaction: SQLite may
                            // already have rolled it back, so sqlx's ROLLBACK fails and its
                            // count of open transactions stays at one, or the ROLLBACK did not
                            // run and the connection keeps the write lock. Returned to the
                            // pool, such a connection turns every later transaction on it
                            // into a savepoint of one that never commits (acknowledged
                            // reports vanish) and every other connection's write into
                            // "database is locked". Closed instead, it rolls back whatever it
                            // held and the pool opens a fresh one.
                            conn.ping().await?;
                            Ok(!conn.is_in_transaction())
                        })
                    })
                    .connect_with(options)
                    .await?
            }
            Backend::Postgres => {
                // A short wait for a connection: during an outage a visitor hears "try again"
                // within seconds rather than after a long silence.
                AnyPoolOptions::new()
                    .max_connections(max_connections)
                    .acquire_timeout(Duration::from_secs(5))
                    .after_release(|conn, _meta| {
                        Box::pin(async move { Ok(!conn.is_in_transaction()) })
                    })
                    .connect_with(options)
                    .await?
            }
        };
        let announcer = changes::Announcer::new(backend, url);
        Ok(Self {
            pool,
            backend,
            local: Arc::default(),
            announcer,
        })
    }

    /// Opens the database and applies any pending migrations.
    pub async fn open(url: &str) -> Result<Self, StorageError> {
        Self::open_with(url, None).await
    }

    /// Opens the database with at most `max_connections` (see [`Store::connect_with`]) and
    /// applies any pending migrations.
    pub async fn open_with(url: &str, max_connections: Option<u32>) -> Result<Self, StorageError> {
        let store = Self::connect_with(url, max_connections).await?;
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

    /// Moves everything in SQLite's write-ahead log into the database file and empties the
    /// log, so that rows just deleted (a withdrawn report, an unpublished story) do not stay
    /// readable in `naqsha.db-wal` until the next automatic checkpoint. The freed pages are
    /// zeroed by `secure_delete`. A no-op on PostgreSQL, whose own files the server manages.
    /// A checkpoint that cannot complete now (a reader holds an old snapshot) is retried by
    /// the next one; it is reported as an error only when the database failed.
    pub async fn checkpoint(&self) -> Result<(), StorageError> {
        if self.backend == Backend::Sqlite {
            let row = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .fetch_one(&self.pool)
                .await?;
            let busy: i64 = sqlx::Row::try_get(&row, 0)?;
            if busy != 0 {
                tracing::warn!("WAL checkpoint blocked by a reader; the next one retries");
            }
        }
        Ok(())
    }

    /// Closes every connection (SQLite then checkpoints its WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Begins a transaction that will write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), waiting up to the busy timeout for another writer: a transaction
    /// that began by reading and then wrote would instead fail with "database is locked"
    /// (SQLITE_BUSY_SNAPSHOT, which no timeout waits out) whenever another connection had
    /// committed in between, and a moderator's action or a survivor's report would be lost
    /// to a race. PostgreSQL's row locks need no such care.
    pub(crate) async fn begin_write(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }
}
