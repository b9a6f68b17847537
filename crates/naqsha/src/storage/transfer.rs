//! Moving a whole store between databases (SQLite → PostgreSQL and back), table by table.
//!
//! Every column is text, an integer or bytes on both backends, so rows travel as
//! [`Value`]s without knowing the domain; sealed columns are copied as the ciphertext they are.

use futures_util::TryStreamExt;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{StorageError, Store};

#[derive(Debug, Clone, Copy)]
pub(super) enum Kind {
    Text,
    Int,
    Bytes,
}

use Kind::{Bytes, Int, Text};

/// Tables in an order that satisfies their foreign keys. Staff sessions are not copied (they
/// hold no data, and the keys they unlocked live only in the memory of running nodes), nor
/// are the sign-in throttle's counters and salt (UNLOGGED on PostgreSQL: kept out of every
/// copy on purpose).
pub(super) const TABLES: &[(&str, &[(&str, Kind)])] = &[
    ("meta", &[("key", Text), ("value", Text)]),
    (
        "users",
        &[
            ("id", Text),
            ("username", Text),
            ("role", Text),
            ("password_hash", Text),
            ("key_wrap", Text),
            ("disabled", Int),
            ("must_change_password", Int),
            ("created_at", Int),
        ],
    ),
    (
        "staff_totp",
        &[
            ("user_id", Text),
            ("secret", Text),
            ("last_step", Int),
            ("enrolled_at", Int),
        ],
    ),
    (
        "staff_preferences",
        &[("user_id", Text), ("hide_report_text", Int)],
    ),
    (
        "taxonomies",
        &[
            ("version", Text),
            ("content", Text),
            ("content_hash", Text),
            ("installed_at", Int),
            ("active", Int),
        ],
    ),
    (
        "submissions",
        &[
            ("id", Text),
            ("channel", Text),
            ("status", Text),
            ("consent", Text),
            ("province", Text),
            ("received_hour", Int),
            ("flagged", Int),
            ("taxonomy_version", Text),
            ("receipt_hash", Text),
            ("assigned_to", Text),
            ("sealed_report", Bytes),
            ("sealed_contact", Bytes),
            ("updated_at", Int),
            ("kinds", Text),
            ("duplicate_of", Text),
            ("urgency", Text),
            ("approve_first", Int),
        ],
    ),
    (
        "reply_keys",
        &[
            ("submission_id", Text),
            ("recipient", Text),
            ("salt", Bytes),
            ("kdf", Text),
        ],
    ),
    (
        "conversation_messages",
        &[
            ("id", Text),
            ("submission_id", Text),
            ("author", Text),
            ("kind", Text),
            ("sealed", Bytes),
            ("created_at", Int),
            ("seq", Int),
        ],
    ),
    (
        "reporter_approvals",
        &[
            ("submission_id", Text),
            ("round", Int),
            ("message_id", Text),
            ("digest", Text),
            ("sent_by", Text),
            ("sent_at", Int),
            ("answer", Text),
            ("answered_at", Int),
        ],
    ),
    (
        "responses",
        &[
            ("id", Text),
            ("receipt_hash", Text),
            ("target_kind", Text),
            ("target_id", Text),
            ("kind", Text),
            ("lang", Text),
            ("status", Text),
            ("sealed", Bytes),
            ("sealed_image", Bytes),
            ("flagged", Int),
            ("received_at", Int),
            ("decided_by", Text),
            ("decided_at", Int),
        ],
    ),
    (
        "published_responses",
        &[
            ("id", Text),
            ("target_kind", Text),
            ("target_id", Text),
            ("kind", Text),
            ("lang", Text),
            ("title", Text),
            ("body", Text),
            ("pseudonym", Text),
            ("link", Text),
            ("licence", Text),
            ("image", Bytes),
            ("image_type", Text),
            ("published_at", Int),
        ],
    ),
    (
        "double_coding",
        &[
            ("submission_id", Text),
            ("marked_by", Text),
            ("marked_at", Int),
        ],
    ),
    (
        "second_codings",
        &[
            ("submission_id", Text),
            ("coder", Text),
            ("labels", Text),
            ("coded_at", Int),
        ],
    ),
    (
        "contact_requests",
        &[
            ("submission_id", Text),
            ("requested_by", Text),
            ("requested_at", Int),
            ("approved_by", Text),
            ("approved_at", Int),
        ],
    ),
    (
        "publish_requests",
        &[
            ("submission_id", Text),
            ("requested_by", Text),
            ("requested_at", Int),
        ],
    ),
    (
        "submission_additions",
        &[
            ("id", Text),
            ("submission_id", Text),
            ("kind", Text),
            ("author", Text),
            ("sealed", Bytes),
            ("created_at", Int),
        ],
    ),
    (
        "attachments",
        &[
            ("id", Text),
            ("submission_id", Text),
            ("media_type", Text),
            ("byte_size", Int),
            ("sealed", Bytes),
            ("created_at", Int),
        ],
    ),
    (
        "cases",
        &[
            ("id", Text),
            ("submission_id", Text),
            ("status", Text),
            ("taxonomy_version", Text),
            ("labels", Text),
            ("place", Text),
            ("province", Text),
            ("period", Int),
            ("title_en", Text),
            ("text_en", Text),
            ("title_ur", Text),
            ("text_ur", Text),
            ("consent", Text),
            ("verification", Text),
            ("demo", Int),
            ("created_at", Int),
            ("updated_at", Int),
            ("published_at", Int),
        ],
    ),
    (
        "case_labels",
        &[("case_id", Text), ("dimension", Text), ("term", Text)],
    ),
    (
        "audit_events",
        &[
            ("id", Text),
            ("at", Int),
            ("actor", Text),
            ("action", Text),
            ("subject", Text),
            ("detail", Text),
        ],
    ),
    (
        "boundaries",
        &[("name", Text), ("content", Text), ("imported_at", Int)],
    ),
    (
        "news_feeds",
        &[
            ("id", Text),
            ("url", Text),
            ("name", Text),
            ("lang", Text),
            ("enabled", Int),
            ("etag", Text),
            ("last_modified", Text),
            ("last_fetched_at", Int),
            ("last_error_kind", Text),
            ("last_error_detail", Text),
            ("failures", Int),
            ("next_poll_at", Int),
            ("items_seen", Int),
            ("candidates", Int),
            ("created_at", Int),
        ],
    ),
    (
        "news_rules",
        &[
            ("id", Text),
            ("name", Text),
            ("phrases", Text),
            ("lang", Text),
            ("match_all", Int),
            ("hints", Text),
            ("enabled", Int),
            ("created_at", Int),
        ],
    ),
    (
        "news_items",
        &[
            ("url_hash", Text),
            ("feed_id", Text),
            ("title_signature", Bytes),
            ("submission_id", Text),
            ("seen_at", Int),
        ],
    ),
    (
        "campaigns",
        &[
            ("id", Text),
            ("slug", Text),
            ("title_en", Text),
            ("title_ur", Text),
            ("intro_en", Text),
            ("intro_ur", Text),
            ("first_day", Text),
            ("last_day", Text),
            ("updated_at", Int),
        ],
    ),
    (
        "campaign_posts",
        &[
            ("id", Text),
            ("campaign_id", Text),
            ("title_en", Text),
            ("title_ur", Text),
            ("body_en", Text),
            ("body_ur", Text),
            ("day", Text),
        ],
    ),
    (
        "campaign_prompts",
        &[
            ("campaign_id", Text),
            ("day", Text),
            ("prompt_en", Text),
            ("prompt_ur", Text),
        ],
    ),
    (
        "campaign_stories",
        &[("campaign_id", Text), ("position", Int), ("case_id", Text)],
    ),
    (
        "campaign_images",
        &[
            ("id", Text),
            ("campaign_id", Text),
            ("content_type", Text),
            ("width", Int),
            ("height", Int),
            ("alt_en", Text),
            ("alt_ur", Text),
            ("bytes", Bytes),
            ("created_at", Int),
        ],
    ),
    ("sms_seen", &[("key", Text), ("seen_at", Int)]),
    ("sms_stopped", &[("key", Text), ("stopped_at", Int)]),
    ("email_seen", &[("key", Text), ("seen_at", Int)]),
    ("import_ledger", &[("key", Text), ("imported_at", Int)]),
    (
        "federation_identity",
        &[("id", Int), ("seed", Text), ("created_at", Int)],
    ),
    (
        "federation_log",
        &[
            ("case_id", Text),
            ("seq", Int),
            ("digest", Text),
            ("item", Text),
        ],
    ),
    (
        "federation_follows",
        &[
            ("name", Text),
            ("url", Text),
            ("public_key", Text),
            ("added_at", Int),
            ("cursor", Int),
            ("generated_at", Int),
            ("etag", Text),
            ("last_modified", Text),
            ("last_ok_at", Int),
            ("last_error", Text),
            ("last_error_at", Int),
            ("failures", Int),
            ("next_pull_at", Int),
            ("refused", Text),
            ("lease_until", Int),
            ("leased_by", Text),
        ],
    ),
    (
        "federation_cases",
        &[
            ("source", Text),
            ("case_id", Text),
            ("seq", Int),
            ("item", Text),
        ],
    ),
];

/// One column value in transit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// NULL.
    Null,
    /// An integer.
    Int(i64),
    /// Text.
    Text(String),
    /// Bytes (sealed data), base64 in JSON.
    Bytes(#[serde(with = "b64")] Vec<u8>),
}

mod b64 {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("b64:{}", STANDARD.encode(v)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let s = String::deserialize(d)?;
        let body = s
            .strip_prefix("b64:")
            .ok_or_else(|| serde::de::Error::custom("not bytes"))?;
        STANDARD.decode(body).map_err(serde::de::Error::custom)
    }
}

/// How many rows of each table were copied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TransferReport {
    /// (table, rows) in copy order.
    pub tables: Vec<(&'static str, u64)>,
}

impl TransferReport {
    /// Rows copied in all.
    pub fn total(&self) -> u64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }
}

/// Why a transfer was refused.
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    /// The target already holds data; copying would mix two organisations' records.
    #[error("the target database is not empty (table {0} has rows)")]
    TargetNotEmpty(&'static str),
    /// Storage failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// Writing the records out failed (a backup's file).
    #[error("writing: {0}")]
    Write(std::io::Error),
}

pub(super) fn read_value(row: &AnyRow, column: &str, kind: Kind) -> Result<Value, StorageError> {
    let v = match kind {
        Text => row.try_get::<Option<String>, _>(column)?.map(Value::Text),
        Int => row.try_get::<Option<i64>, _>(column)?.map(Value::Int),
        Bytes => row.try_get::<Option<Vec<u8>>, _>(column)?.map(Value::Bytes),
    };
    Ok(v.unwrap_or(Value::Null))
}

pub(super) fn bind_value<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    kind: Kind,
    v: Value,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    match (kind, v) {
        (_, Value::Int(i)) => q.bind(i),
        (_, Value::Text(s)) => q.bind(s),
        (_, Value::Bytes(b)) => q.bind(b),
        (Text, Value::Null) => q.bind(None::<String>),
        (Int, Value::Null) => q.bind(None::<i64>),
        (Bytes, Value::Null) => q.bind(None::<Vec<u8>>),
    }
}

impl Store {
    /// Whether no table holds a row (migrations aside).
    pub async fn first_non_empty_table(&self) -> Result<Option<&'static str>, StorageError> {
        for (table, _) in TABLES {
            let sql = format!("SELECT COUNT(*) AS n FROM {table}");
            let row = sqlx::query(sqlx::AssertSqlSafe(sql))
                .fetch_one(self.pool())
                .await?;
            if row.try_get::<i64, _>("n")? > 0 {
                return Ok(Some(table));
            }
        }
        Ok(None)
    }

    /// Copies every record of this store into `target`, which must be migrated and empty.
    /// The copy runs in one transaction on the target: it lands whole or not at all.
    pub async fn copy_into(
        &self,
        target: &Store,
        mut progress: impl FnMut(&'static str, u64),
    ) -> Result<TransferReport, TransferError> {
        if let Some(table) = target.first_non_empty_table().await? {
            return Err(TransferError::TargetNotEmpty(table));
        }
        let mut report = TransferReport::default();
        let mut tx = target.begin_write().await.map_err(StorageError::from)?;
        for &(table, columns) in TABLES {
            let names: Vec<&str> = columns.iter().map(|c| c.0).collect();
            let select = format!("SELECT {} FROM {table}", names.join(", "));
            let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("${i}")).collect();
            let insert = format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                names.join(", "),
                placeholders.join(", ")
            );
            let mut rows = sqlx::query(sqlx::AssertSqlSafe(select)).fetch(self.pool());
            let mut count = 0u64;
            while let Some(row) = rows.try_next().await.map_err(StorageError::from)? {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(insert.clone()));
                for &(column, kind) in columns {
                    q = bind_value(q, kind, read_value(&row, column, kind)?);
                }
                q.execute(&mut *tx).await.map_err(StorageError::from)?;
                count += 1;
                if count.is_multiple_of(1000) {
                    progress(table, count);
                }
            }
            progress(table, count);
            report.tables.push((table, count));
        }
        tx.commit().await.map_err(StorageError::from)?;
        Ok(report)
    }
}
