//! Reading every table in one consistent snapshot (for a backup taken while the server runs)
//! and loading such a snapshot into an empty store (a restore), on either backend.
//!
//! The records are the same for SQLite and PostgreSQL, so a backup of one restores into the
//! other. Sealed columns travel as the ciphertext they are: a backup holds no survivor's
//! words in the clear even before it is encrypted as a whole.

use futures_util::TryStreamExt;
use serde_json::json;

use super::transfer::{Kind, TABLES, TransferError, TransferReport, Value, bind_value, read_value};
use super::{Backend, StorageError, Store};

/// One record of a dump, in order: a table header, then that table's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// The rows that follow belong to `name`, with these columns.
    Table {
        /// The table.
        name: String,
        /// Its columns, in the order of each row's values.
        columns: Vec<String>,
    },
    /// One row of the current table.
    Row(Vec<Value>),
}

impl Record {
    /// The record as one JSON value: `{"table":…,"columns":[…]}` or an array of values, with
    /// bytes as `{"b64":"…"}` so that text and bytes cannot be confused.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Record::Table { name, columns } => json!({ "table": name, "columns": columns }),
            Record::Row(values) => values.iter().map(value_to_json).collect(),
        }
    }

    /// Reads a record written by [`Record::to_json`].
    pub fn from_json(v: serde_json::Value) -> Result<Self, String> {
        match v {
            serde_json::Value::Array(values) => values
                .into_iter()
                .map(value_from_json)
                .collect::<Result<_, _>>()
                .map(Record::Row),
            serde_json::Value::Object(mut o) => {
                let name = o
                    .remove("table")
                    .and_then(|n| n.as_str().map(str::to_owned))
                    .ok_or("a table record without a name")?;
                let columns = o
                    .remove("columns")
                    .and_then(|c| {
                        c.as_array().map(|c| {
                            c.iter()
                                .map(|n| n.as_str().map(str::to_owned))
                                .collect::<Option<Vec<_>>>()
                        })
                    })
                    .flatten()
                    .ok_or("a table record without its columns")?;
                Ok(Record::Table { name, columns })
            }
            other => Err(format!("unexpected record {other}")),
        }
    }
}

fn value_to_json(v: &Value) -> serde_json::Value {
    use base64::Engine;
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Int(i) => json!(i),
        Value::Text(s) => json!(s),
        Value::Bytes(b) => json!({ "b64": base64::engine::general_purpose::STANDARD.encode(b) }),
    }
}

fn value_from_json(v: serde_json::Value) -> Result<Value, String> {
    use base64::Engine;
    match v {
        serde_json::Value::Null => Ok(Value::Null),
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(Value::Int)
            .ok_or_else(|| format!("not an integer: {n}")),
        serde_json::Value::String(s) => Ok(Value::Text(s)),
        serde_json::Value::Object(o) => {
            let b64 = o
                .get("b64")
                .and_then(|b| b.as_str())
                .ok_or("an object value without b64")?;
            base64::engine::general_purpose::STANDARD
                .decode(b64)
                .map(Value::Bytes)
                .map_err(|e| format!("bad base64: {e}"))
        }
        other => Err(format!("unexpected value {other}")),
    }
}

/// Why a restore was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The target is not empty, or storage failed.
    #[error(transparent)]
    Transfer(#[from] TransferError),
    /// The records do not fit this version's tables.
    #[error("{0}")]
    Format(String),
}

impl From<StorageError> for LoadError {
    fn from(e: StorageError) -> Self {
        LoadError::Transfer(TransferError::Storage(e))
    }
}

impl Store {
    /// Reads every table in one read transaction — one consistent moment, even while the
    /// server writes — handing each record to `sink` as it is read (nothing is held in
    /// memory but the current row).
    pub async fn dump(
        &self,
        mut sink: impl FnMut(Record) -> std::io::Result<()>,
    ) -> Result<TransferReport, TransferError> {
        let io = TransferError::Write;
        let mut tx = self.pool().begin().await.map_err(StorageError::from)?;
        if self.backend() == Backend::Postgres {
            // Every table read sees the same snapshot; SQLite's WAL gives a read transaction
            // that from its first read.
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute(&mut *tx)
                .await
                .map_err(StorageError::from)?;
        }
        let mut report = TransferReport::default();
        for &(table, columns) in TABLES {
            sink(Record::Table {
                name: table.to_owned(),
                columns: columns.iter().map(|c| c.0.to_owned()).collect(),
            })
            .map_err(io)?;
            let names: Vec<&str> = columns.iter().map(|c| c.0).collect();
            let select = format!("SELECT {} FROM {table}", names.join(", "));
            let mut rows = sqlx::query(sqlx::AssertSqlSafe(select)).fetch(&mut *tx);
            let mut count = 0u64;
            while let Some(row) = rows.try_next().await.map_err(StorageError::from)? {
                let values = columns
                    .iter()
                    .map(|&(column, kind)| read_value(&row, column, kind))
                    .collect::<Result<Vec<_>, _>>()?;
                sink(Record::Row(values)).map_err(io)?;
                count += 1;
            }
            report.tables.push((table, count));
        }
        tx.commit().await.map_err(StorageError::from)?;
        Ok(report)
    }

    /// Loads records written by [`Store::dump`] (possibly by another backend or an older
    /// version: columns it lacks are left NULL) into this store, which must be migrated and
    /// empty. Everything lands in one transaction, so a failed restore leaves it empty.
    pub async fn load(
        &self,
        records: impl Iterator<Item = Result<Record, String>>,
    ) -> Result<TransferReport, LoadError> {
        if let Some(table) = self.first_non_empty_table().await? {
            return Err(TransferError::TargetNotEmpty(table).into());
        }
        let mut report = TransferReport::default();
        let mut tx = self.begin_write().await.map_err(StorageError::from)?;
        let mut current: Option<Loading> = None;
        for record in records {
            match record.map_err(LoadError::Format)? {
                Record::Table { name, columns } => {
                    if let Some(done) = current.take() {
                        report.tables.push(done.finish(&mut tx).await?);
                    }
                    let &(table, known) =
                        TABLES.iter().find(|(t, _)| *t == name).ok_or_else(|| {
                            LoadError::Format(format!(
                                "the backup has a table this version does not know ({name}): \
                                 restore it with the Naqsha version that made it"
                            ))
                        })?;
                    let columns = columns
                        .iter()
                        .map(|c| {
                            known.iter().find(|(k, _)| k == c).copied().ok_or_else(|| {
                                LoadError::Format(format!(
                                    "the backup's table {name} has a column this version does \
                                     not know ({c})"
                                ))
                            })
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    current = Some(Loading {
                        table,
                        columns,
                        pending: Vec::new(),
                        rows: 0,
                    });
                }
                Record::Row(values) => {
                    let Some(loading) = current.as_mut() else {
                        return Err(LoadError::Format("a row before any table".into()));
                    };
                    if values.len() != loading.columns.len() {
                        return Err(LoadError::Format(format!(
                            "a row of {} has {} values for {} columns",
                            loading.table,
                            values.len(),
                            loading.columns.len()
                        )));
                    }
                    loading.pending.push(values);
                    if loading.pending.len() == ROWS_PER_INSERT {
                        loading.flush(&mut tx).await?;
                    }
                }
            }
        }
        if let Some(done) = current.take() {
            report.tables.push(done.finish(&mut tx).await?);
        }
        tx.commit().await.map_err(StorageError::from)?;
        Ok(report)
    }
}

/// Rows inserted by one statement (more bound values cost SQLite's driver more per value).
const ROWS_PER_INSERT: usize = 25;

/// The table a restore is filling: its columns in the backup's order, the rows read but not
/// yet inserted, and how many it has so far.
struct Loading {
    table: &'static str,
    columns: Vec<(&'static str, Kind)>,
    pending: Vec<Vec<Value>>,
    rows: u64,
}

impl Loading {
    /// Inserts the pending rows with one statement.
    async fn flush(&mut self, tx: &mut sqlx::AnyConnection) -> Result<(), StorageError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let names: Vec<&str> = self.columns.iter().map(|c| c.0).collect();
        let width = self.columns.len();
        let tuples: Vec<String> = (0..self.pending.len())
            .map(|r| {
                let params: Vec<String> =
                    (1..=width).map(|c| format!("${}", r * width + c)).collect();
                format!("({})", params.join(", "))
            })
            .collect();
        let insert = format!(
            "INSERT INTO {} ({}) VALUES {}",
            self.table,
            names.join(", "),
            tuples.join(", ")
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(insert));
        let rows = std::mem::take(&mut self.pending);
        self.rows += rows.len() as u64;
        for row in rows {
            for (value, &(_, kind)) in row.into_iter().zip(&self.columns) {
                q = bind_value(q, kind, value);
            }
        }
        q.execute(&mut *tx).await?;
        Ok(())
    }

    /// Inserts what is left; the table's name and row count.
    async fn finish(
        mut self,
        tx: &mut sqlx::AnyConnection,
    ) -> Result<(&'static str, u64), StorageError> {
        self.flush(tx).await?;
        Ok((self.table, self.rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_survive_json_and_text_is_never_taken_for_bytes() {
        let records = [
            Record::Table {
                name: "attachments".into(),
                columns: vec!["id".into(), "sealed".into(), "byte_size".into()],
            },
            Record::Row(vec![
                Value::Text("b64:AAAA".into()),
                Value::Bytes(vec![0, 159, 255]),
                Value::Int(-3),
            ]),
            Record::Row(vec![
                Value::Null,
                Value::Bytes(vec![]),
                Value::Int(i64::MAX),
            ]),
        ];
        for r in records {
            let line = r.to_json().to_string();
            let back = Record::from_json(serde_json::from_str(&line).unwrap()).unwrap();
            assert_eq!(back, r, "{line}");
        }
        assert!(Record::from_json(json!("x")).is_err());
        assert!(Record::from_json(json!([1.5])).is_err());
        assert!(Record::from_json(json!({"columns": []})).is_err());
    }
}
