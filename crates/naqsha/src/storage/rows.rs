//! Conversions between stored columns and domain types.

use std::str::FromStr;

use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use super::StorageError;

/// Unix seconds for a timestamp column.
pub(crate) fn ts(t: OffsetDateTime) -> i64 {
    t.unix_timestamp()
}

/// A flag column (INTEGER/BIGINT 0 or 1 on both backends).
pub(crate) fn flag(b: bool) -> i64 {
    i64::from(b)
}

/// Reads columns of one row, turning bad values into [`StorageError::Corrupt`].
pub(crate) struct Cols<'r> {
    row: &'r AnyRow,
    table: &'static str,
}

impl<'r> Cols<'r> {
    pub(crate) fn new(row: &'r AnyRow, table: &'static str) -> Self {
        Self { row, table }
    }

    pub(crate) fn text(&self, column: &'static str) -> Result<String, StorageError> {
        Ok(self.row.try_get::<String, _>(column)?)
    }

    pub(crate) fn opt_text(&self, column: &'static str) -> Result<Option<String>, StorageError> {
        Ok(self.row.try_get::<Option<String>, _>(column)?)
    }

    pub(crate) fn int(&self, column: &'static str) -> Result<i64, StorageError> {
        Ok(self.row.try_get::<i64, _>(column)?)
    }

    pub(crate) fn opt_int(&self, column: &'static str) -> Result<Option<i64>, StorageError> {
        Ok(self.row.try_get::<Option<i64>, _>(column)?)
    }

    pub(crate) fn flag(&self, column: &'static str) -> Result<bool, StorageError> {
        Ok(self.int(column)? != 0)
    }

    pub(crate) fn bytes(&self, column: &'static str) -> Result<Option<Vec<u8>>, StorageError> {
        Ok(self.row.try_get::<Option<Vec<u8>>, _>(column)?)
    }

    pub(crate) fn time(&self, column: &'static str) -> Result<OffsetDateTime, StorageError> {
        let secs = self.int(column)?;
        OffsetDateTime::from_unix_timestamp(secs).map_err(|e| self.corrupt(column, e))
    }

    pub(crate) fn opt_time(
        &self,
        column: &'static str,
    ) -> Result<Option<OffsetDateTime>, StorageError> {
        self.opt_int(column)?
            .map(|secs| {
                OffsetDateTime::from_unix_timestamp(secs).map_err(|e| self.corrupt(column, e))
            })
            .transpose()
    }

    /// A text column parsed with `FromStr`.
    pub(crate) fn parsed<T>(&self, column: &'static str) -> Result<T, StorageError>
    where
        T: FromStr,
        T::Err: std::fmt::Display,
    {
        let raw = self.text(column)?;
        raw.parse().map_err(|e| self.corrupt(column, e))
    }

    /// A nullable text column parsed with `FromStr`.
    pub(crate) fn opt_parsed<T>(&self, column: &'static str) -> Result<Option<T>, StorageError>
    where
        T: FromStr,
        T::Err: std::fmt::Display,
    {
        self.opt_text(column)?
            .map(|raw| raw.parse().map_err(|e| self.corrupt(column, e)))
            .transpose()
    }

    /// A labels column (JSON object of term arrays).
    pub(crate) fn labels(
        &self,
        column: &'static str,
    ) -> Result<naqsha_core::taxonomy::Labels, StorageError> {
        serde_json::from_str(&self.text(column)?).map_err(|e| self.corrupt(column, e))
    }

    /// A month column (stored as its ordinal), if set.
    pub(crate) fn opt_month(
        &self,
        column: &'static str,
    ) -> Result<Option<naqsha_core::period::YearMonth>, StorageError> {
        self.opt_int(column)?
            .map(|o| {
                naqsha_core::period::YearMonth::from_ordinal(o).map_err(|e| self.corrupt(column, e))
            })
            .transpose()
    }

    pub(crate) fn corrupt(
        &self,
        column: &'static str,
        reason: impl std::fmt::Display,
    ) -> StorageError {
        StorageError::Corrupt {
            table: self.table,
            column,
            reason: reason.to_string(),
        }
    }
}
