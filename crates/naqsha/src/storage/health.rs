//! What `naqsha doctor` asks of the database: whether its schema matches this binary's
//! migrations, and what time the database server thinks it is.

use sqlx::Row;
use time::OffsetDateTime;

use super::{Backend, StorageError, Store, migrations};

/// The database's schema against the migrations this binary carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaState {
    /// Versions applied to the database, in order (none on a database never migrated).
    pub applied: Vec<i64>,
    /// Versions this binary knows, in order.
    pub known: Vec<i64>,
}

impl SchemaState {
    /// Versions this binary knows that the database lacks (`naqsha migrate` applies them).
    pub fn pending(&self) -> Vec<i64> {
        self.known
            .iter()
            .copied()
            .filter(|v| !self.applied.contains(v))
            .collect()
    }

    /// Versions applied by a newer binary than this one.
    pub fn unknown(&self) -> Vec<i64> {
        self.applied
            .iter()
            .copied()
            .filter(|v| !self.known.contains(v))
            .collect()
    }
}

impl Store {
    /// The schema's state, read without changing anything: a database never migrated has
    /// no migration table and reports none applied.
    pub async fn schema_state(&self) -> Result<SchemaState, StorageError> {
        let exists_sql = match self.backend() {
            Backend::Sqlite => {
                "SELECT COUNT(*) AS n FROM sqlite_master \
                 WHERE type = 'table' AND name = '_sqlx_migrations'"
            }
            Backend::Postgres => {
                "SELECT COUNT(*) AS n FROM information_schema.tables \
                 WHERE table_name = '_sqlx_migrations' AND table_schema = current_schema()"
            }
        };
        let n: i64 = sqlx::query(exists_sql)
            .fetch_one(self.pool())
            .await?
            .try_get("n")?;
        let applied = if n == 0 {
            Vec::new()
        } else {
            self.applied_migrations().await?
        };
        let known = migrations::migrator(self.backend())
            .iter()
            .map(|m| m.version)
            .collect();
        Ok(SchemaState { applied, known })
    }

    /// The database server's clock, to the second. With PostgreSQL on another machine it
    /// can differ from this machine's.
    pub async fn database_time(&self) -> Result<OffsetDateTime, StorageError> {
        let sql = match self.backend() {
            Backend::Sqlite => "SELECT CAST(strftime('%s', 'now') AS INTEGER) AS t",
            Backend::Postgres => {
                "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS BIGINT) AS t"
            }
        };
        let secs: i64 = sqlx::query(sql)
            .fetch_one(self.pool())
            .await?
            .try_get("t")?;
        OffsetDateTime::from_unix_timestamp(secs).map_err(|e| StorageError::Corrupt {
            table: "(clock)",
            column: "now",
            reason: e.to_string(),
        })
    }
}
