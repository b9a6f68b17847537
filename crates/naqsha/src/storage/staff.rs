//! Staff sign-in: TOTP secrets and server-side sessions.
//!
//! A session row holds nothing that opens a report: it is found by the SHA-256 of the cookie
//! value, and the organisation key it unlocked lives only in the memory of the nodes that
//! unlocked it. It does hold the session's CSRF secret (so every node checks its tokens) and,
//! during enrolment, the offered TOTP secret sealed with a key derived from the cookie.

use std::future::Future;

use naqsha_core::ids::UserId;
use naqsha_core::lang::Lang;
use naqsha_core::user::SessionStage;
use time::OffsetDateTime;

use super::rows::{Cols, ts};
use super::{StorageError, Store};

/// A stored session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffSession {
    /// SHA-256 of the cookie value, hex.
    pub id_hash: String,
    /// Whose session it is.
    pub user: UserId,
    /// How far the sign-in has got.
    pub stage: SessionStage,
    /// The language the staff member chose for the workspace.
    pub lang: Lang,
    /// When the session began (absolute timeout).
    pub created_at: OffsetDateTime,
    /// The last request (idle timeout).
    pub last_seen_at: OffsetDateTime,
    /// The node whose memory got the key at sign-in (`[server] node`).
    pub node: String,
    /// What the key is kept under in the memory of the nodes that hold it; kept when the id
    /// rotates at sign-in.
    pub vault_id: String,
    /// The random secret the session's CSRF tokens are derived from.
    pub csrf_secret: String,
    /// A TOTP secret offered at enrolment, not yet confirmed, sealed with a key derived from
    /// the session cookie.
    pub pending_totp: Option<String>,
}

/// A TOTP enrolment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotpSecret {
    /// The shared secret, base32.
    pub secret: String,
    /// The last 30-second step whose code was accepted; codes of it and earlier steps are
    /// refused, so each code works once.
    pub last_step: i64,
}

/// Second factors and sessions.
pub trait StaffStore {
    /// The account's TOTP enrolment.
    fn totp(
        &self,
        user: UserId,
    ) -> impl Future<Output = Result<Option<TotpSecret>, StorageError>> + Send;

    /// Enrols (or re-enrols) a TOTP secret, with the step of the code that confirmed it.
    fn set_totp(
        &self,
        user: UserId,
        secret: &str,
        step: i64,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Records `step` as used if it is later than the last used one; false if it is not
    /// (a replayed code). Atomic, so two requests cannot both use one code.
    fn use_totp_step(
        &self,
        user: UserId,
        step: i64,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Removes an account's second factor (an admin resets a lost phone).
    fn remove_totp(&self, user: UserId) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Whether the review page keeps report texts behind a click for `user`.
    fn hides_report_text(
        &self,
        user: UserId,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Sets that choice.
    fn set_hides_report_text(
        &self,
        user: UserId,
        hide: bool,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Stores a new session.
    fn insert_session(
        &self,
        session: &StaffSession,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// A session by the hash of its cookie.
    fn session(
        &self,
        id_hash: &str,
    ) -> impl Future<Output = Result<Option<StaffSession>, StorageError>> + Send;

    /// The sessions whose key is kept under `vault_id` (one, or two while the id rotates).
    fn sessions_with_vault_id(
        &self,
        vault_id: &str,
    ) -> impl Future<Output = Result<Vec<StaffSession>, StorageError>> + Send;

    /// Records a request on a session.
    fn touch_session(
        &self,
        id_hash: &str,
        at: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Moves a session to another sign-in stage.
    fn set_session_stage(
        &self,
        id_hash: &str,
        stage: SessionStage,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Changes a session's language.
    fn set_session_lang(
        &self,
        id_hash: &str,
        lang: Lang,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Keeps (or with `None` forgets) the sealed TOTP secret offered to a session at enrolment.
    fn set_pending_totp(
        &self,
        id_hash: &str,
        sealed: Option<&str>,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Ends a session; false if there was none.
    fn delete_session(
        &self,
        id_hash: &str,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// The id hashes of every session of an account, to forget their keys before ending them.
    fn sessions_of(
        &self,
        user: UserId,
    ) -> impl Future<Output = Result<Vec<String>, StorageError>> + Send;

    /// Ends every session of an account (disabled, password changed elsewhere).
    fn delete_sessions_of(
        &self,
        user: UserId,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Ends every session last seen before `idle_before` or begun before `begun_before`.
    fn purge_sessions(
        &self,
        idle_before: OffsetDateTime,
        begun_before: OffsetDateTime,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Ends the sessions of `node` last seen before `idle_before` or begun before
    /// `begun_before`; other nodes' sessions are left alone.
    fn purge_node_sessions(
        &self,
        node: &str,
        idle_before: OffsetDateTime,
        begun_before: OffsetDateTime,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;
}

const SESSION_COLUMNS: &str = "id_hash, user_id, stage, lang, created_at, last_seen_at, node, \
                               vault_id, csrf_secret, pending_totp";

fn session_of(r: &sqlx::any::AnyRow) -> Result<StaffSession, StorageError> {
    let c = Cols::new(r, "staff_sessions");
    let lang = c.text("lang")?;
    Ok(StaffSession {
        id_hash: c.text("id_hash")?,
        user: c.parsed("user_id")?,
        stage: c.parsed("stage")?,
        lang: Lang::from_code(&lang).ok_or_else(|| c.corrupt("lang", lang))?,
        created_at: c.time("created_at")?,
        last_seen_at: c.time("last_seen_at")?,
        node: c.text("node")?,
        vault_id: c.text("vault_id")?,
        csrf_secret: c.text("csrf_secret")?,
        pending_totp: c.opt_text("pending_totp")?,
    })
}

impl StaffStore for Store {
    async fn totp(&self, user: UserId) -> Result<Option<TotpSecret>, StorageError> {
        let row = sqlx::query("SELECT secret, last_step FROM staff_totp WHERE user_id = $1")
            .bind(user.to_string())
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| {
            let c = Cols::new(&r, "staff_totp");
            Ok(TotpSecret {
                secret: c.text("secret")?,
                last_step: c.int("last_step")?,
            })
        })
        .transpose()
    }

    async fn hides_report_text(&self, user: UserId) -> Result<bool, StorageError> {
        let row = sqlx::query("SELECT hide_report_text FROM staff_preferences WHERE user_id = $1")
            .bind(user.to_string())
            .fetch_optional(self.pool())
            .await?;
        row.map_or(Ok(false), |r| {
            crate::storage::rows::Cols::new(&r, "staff_preferences").flag("hide_report_text")
        })
    }

    async fn set_hides_report_text(&self, user: UserId, hide: bool) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO staff_preferences (user_id, hide_report_text) VALUES ($1, $2) \
             ON CONFLICT (user_id) DO UPDATE SET hide_report_text = excluded.hide_report_text",
        )
        .bind(user.to_string())
        .bind(crate::storage::rows::flag(hide))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn set_totp(&self, user: UserId, secret: &str, step: i64) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO staff_totp (user_id, secret, last_step, enrolled_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (user_id) DO UPDATE SET \
             secret = excluded.secret, last_step = excluded.last_step, \
             enrolled_at = excluded.enrolled_at",
        )
        .bind(user.to_string())
        .bind(secret)
        .bind(step)
        .bind(ts(OffsetDateTime::now_utc()))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn use_totp_step(&self, user: UserId, step: i64) -> Result<bool, StorageError> {
        let done = sqlx::query(
            "UPDATE staff_totp SET last_step = $1 WHERE user_id = $2 AND last_step < $1",
        )
        .bind(step)
        .bind(user.to_string())
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn remove_totp(&self, user: UserId) -> Result<bool, StorageError> {
        let done = sqlx::query("DELETE FROM staff_totp WHERE user_id = $1")
            .bind(user.to_string())
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn insert_session(&self, s: &StaffSession) -> Result<(), StorageError> {
        let sql = format!(
            "INSERT INTO staff_sessions ({SESSION_COLUMNS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(&s.id_hash)
            .bind(s.user.to_string())
            .bind(s.stage.as_str())
            .bind(s.lang.code())
            .bind(ts(s.created_at))
            .bind(ts(s.last_seen_at))
            .bind(&s.node)
            .bind(&s.vault_id)
            .bind(&s.csrf_secret)
            .bind(s.pending_totp.as_deref())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn session(&self, id_hash: &str) -> Result<Option<StaffSession>, StorageError> {
        let sql = format!("SELECT {SESSION_COLUMNS} FROM staff_sessions WHERE id_hash = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id_hash)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(session_of).transpose()
    }

    async fn sessions_with_vault_id(
        &self,
        vault_id: &str,
    ) -> Result<Vec<StaffSession>, StorageError> {
        let sql = format!("SELECT {SESSION_COLUMNS} FROM staff_sessions WHERE vault_id = $1");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(vault_id)
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(session_of).collect()
    }

    async fn touch_session(&self, id_hash: &str, at: OffsetDateTime) -> Result<(), StorageError> {
        sqlx::query("UPDATE staff_sessions SET last_seen_at = $1 WHERE id_hash = $2")
            .bind(ts(at))
            .bind(id_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn set_session_stage(
        &self,
        id_hash: &str,
        stage: SessionStage,
    ) -> Result<(), StorageError> {
        sqlx::query("UPDATE staff_sessions SET stage = $1 WHERE id_hash = $2")
            .bind(stage.as_str())
            .bind(id_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn set_session_lang(&self, id_hash: &str, lang: Lang) -> Result<(), StorageError> {
        sqlx::query("UPDATE staff_sessions SET lang = $1 WHERE id_hash = $2")
            .bind(lang.code())
            .bind(id_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn set_pending_totp(
        &self,
        id_hash: &str,
        sealed: Option<&str>,
    ) -> Result<(), StorageError> {
        sqlx::query("UPDATE staff_sessions SET pending_totp = $1 WHERE id_hash = $2")
            .bind(sealed)
            .bind(id_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn delete_session(&self, id_hash: &str) -> Result<bool, StorageError> {
        let done = sqlx::query("DELETE FROM staff_sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn sessions_of(&self, user: UserId) -> Result<Vec<String>, StorageError> {
        let rows = sqlx::query("SELECT id_hash FROM staff_sessions WHERE user_id = $1")
            .bind(user.to_string())
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| Cols::new(r, "staff_sessions").text("id_hash"))
            .collect()
    }

    async fn delete_sessions_of(&self, user: UserId) -> Result<u64, StorageError> {
        let done = sqlx::query("DELETE FROM staff_sessions WHERE user_id = $1")
            .bind(user.to_string())
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }

    async fn purge_sessions(
        &self,
        idle_before: OffsetDateTime,
        begun_before: OffsetDateTime,
    ) -> Result<u64, StorageError> {
        let done =
            sqlx::query("DELETE FROM staff_sessions WHERE last_seen_at < $1 OR created_at < $2")
                .bind(ts(idle_before))
                .bind(ts(begun_before))
                .execute(self.pool())
                .await?;
        Ok(done.rows_affected())
    }

    async fn purge_node_sessions(
        &self,
        node: &str,
        idle_before: OffsetDateTime,
        begun_before: OffsetDateTime,
    ) -> Result<u64, StorageError> {
        let done = sqlx::query(
            "DELETE FROM staff_sessions WHERE node = $1 AND (last_seen_at < $2 OR created_at < $3)",
        )
        .bind(node)
        .bind(ts(idle_before))
        .bind(ts(begun_before))
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected())
    }
}
