//! The organisation's keys and the staff accounts that hold wraps of them.

use std::future::Future;

use naqsha_core::ids::UserId;
use naqsha_core::sealing::{OrgPublicKey, WrappedKey};
use naqsha_core::text::Username;
use naqsha_core::user::{Role, User};
use sqlx::any::AnyRow;

use super::intake::unique_violation;
use super::rows::{Cols, flag, ts};
use super::{StorageError, Store};

/// The organisation's public key and its recovery wrap, written once by `naqsha init`.
#[derive(Debug, Clone)]
pub struct OrgKeys {
    /// Reports are sealed to this.
    pub public_key: OrgPublicKey,
    /// The secret key wrapped with the recovery key.
    pub recovery_wrap: WrappedKey,
}

/// The organisation key pair as stored: public key and the recovery wrap.
pub trait KeyStore {
    /// The keys, if `init` has run.
    fn org_keys(&self) -> impl Future<Output = Result<Option<OrgKeys>, StorageError>> + Send;

    /// A setting in the meta table, or `value` stored under `key` if none was there. Two
    /// concurrent callers get the same answer.
    fn meta_get_or_insert(
        &self,
        key: &str,
        value: &str,
    ) -> impl Future<Output = Result<String, StorageError>> + Send;

    /// Stores the keys and the first admin in one transaction; refuses if keys exist.
    fn initialise(
        &self,
        keys: &OrgKeys,
        first_admin: &User,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
}

/// Staff accounts.
pub trait UserStore {
    /// Adds a user; a taken username is a [`StorageError::Conflict`].
    fn insert_user(&self, user: &User) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// A user by login name.
    fn user_by_name(
        &self,
        username: &str,
    ) -> impl Future<Output = Result<Option<User>, StorageError>> + Send;

    /// A user by id.
    fn user(&self, id: UserId) -> impl Future<Output = Result<Option<User>, StorageError>> + Send;

    /// All users by name.
    fn users(&self) -> impl Future<Output = Result<Vec<User>, StorageError>> + Send;

    /// Replaces a user's password hash and key wrap together (password change, recovery).
    fn set_credentials(
        &self,
        id: UserId,
        password_hash: &str,
        key_wrap: Option<&WrappedKey>,
        must_change_password: bool,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Disables a user and drops their key wrap.
    fn disable_user(&self, id: UserId) -> impl Future<Output = Result<bool, StorageError>> + Send;
}

const USER_COLUMNS: &str =
    "id, username, role, password_hash, key_wrap, disabled, must_change_password, created_at";

pub(crate) fn user_from_row(row: &AnyRow) -> Result<User, StorageError> {
    let c = Cols::new(row, "users");
    Ok(User {
        id: c.parsed("id")?,
        username: Username::parse(&c.text("username")?).map_err(|e| c.corrupt("username", e))?,
        role: c.parsed::<Role>("role")?,
        password_hash: c.text("password_hash")?,
        key_wrap: c.opt_text("key_wrap")?,
        disabled: c.flag("disabled")?,
        must_change_password: c.flag("must_change_password")?,
        created_at: c.time("created_at")?,
    })
}

pub(crate) async fn write_user(
    conn: &mut sqlx::AnyConnection,
    u: &User,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO users (id, username, role, password_hash, key_wrap, disabled, \
         must_change_password, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(u.id.to_string())
    .bind(u.username.as_str())
    .bind(u.role.as_str())
    .bind(&u.password_hash)
    .bind(u.key_wrap.as_deref())
    .bind(flag(u.disabled))
    .bind(flag(u.must_change_password))
    .bind(ts(u.created_at))
    .execute(conn)
    .await
    .map_err(|e| unique_violation(e, "username"))?;
    Ok(())
}

impl KeyStore for Store {
    async fn org_keys(&self) -> Result<Option<OrgKeys>, StorageError> {
        let rows = sqlx::query(
            "SELECT key, value FROM meta WHERE key IN ('org_public_key', 'org_recovery_wrap')",
        )
        .fetch_all(self.pool())
        .await?;
        let mut public_key = None;
        let mut recovery_wrap = None;
        for row in &rows {
            let c = Cols::new(row, "meta");
            match c.text("key")?.as_str() {
                "org_public_key" => public_key = Some(c.parsed("value")?),
                "org_recovery_wrap" => recovery_wrap = Some(c.parsed("value")?),
                _ => {}
            }
        }
        Ok(public_key
            .zip(recovery_wrap)
            .map(|(public_key, recovery_wrap)| OrgKeys {
                public_key,
                recovery_wrap,
            }))
    }

    async fn meta_get_or_insert(&self, key: &str, value: &str) -> Result<String, StorageError> {
        sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
            .bind(key)
            .bind(value)
            .execute(self.pool())
            .await?;
        let row = sqlx::query("SELECT value FROM meta WHERE key = $1")
            .bind(key)
            .fetch_one(self.pool())
            .await?;
        Cols::new(&row, "meta").text("value")
    }

    async fn initialise(&self, keys: &OrgKeys, first_admin: &User) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        for (key, value) in [
            ("org_public_key", keys.public_key.to_string()),
            ("org_recovery_wrap", keys.recovery_wrap.to_string()),
        ] {
            sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2)")
                .bind(key)
                .bind(value)
                .execute(&mut *tx)
                .await
                .map_err(|e| unique_violation(e, "organisation keys"))?;
        }
        write_user(&mut tx, first_admin).await?;
        tx.commit().await?;
        Ok(())
    }
}

impl UserStore for Store {
    async fn insert_user(&self, user: &User) -> Result<(), StorageError> {
        let mut conn = self.pool().acquire().await?;
        write_user(&mut conn, user).await
    }

    async fn user_by_name(&self, username: &str) -> Result<Option<User>, StorageError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE username = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(username)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    async fn user(&self, id: UserId) -> Result<Option<User>, StorageError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    async fn users(&self) -> Result<Vec<User>, StorageError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY username");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(user_from_row).collect()
    }

    async fn set_credentials(
        &self,
        id: UserId,
        password_hash: &str,
        key_wrap: Option<&WrappedKey>,
        must_change_password: bool,
    ) -> Result<bool, StorageError> {
        let done = sqlx::query(
            "UPDATE users SET password_hash = $1, key_wrap = $2, must_change_password = $3 \
             WHERE id = $4",
        )
        .bind(password_hash)
        .bind(key_wrap.map(|w| w.to_string()))
        .bind(flag(must_change_password))
        .bind(id.to_string())
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn disable_user(&self, id: UserId) -> Result<bool, StorageError> {
        let done = sqlx::query("UPDATE users SET disabled = 1, key_wrap = NULL WHERE id = $1")
            .bind(id.to_string())
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }
}
