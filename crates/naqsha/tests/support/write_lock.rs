//! A connection of another process that holds SQLite's write lock until released, as a
//! stuck writer or a backup tool might: the application's writes wait for the busy timeout
//! and fail with "database is locked".

use naqsha::storage::sqlite_url;
use sqlx::Connection;

use super::app::App;

/// SQLite's write lock, held by a second connection.
pub struct WriteLock(sqlx::SqliteConnection);

impl WriteLock {
    /// Takes the write lock of `app`'s database.
    pub async fn take(app: &App) -> Self {
        let path = app.state.config().sqlite_path().expect("SQLite");
        let mut conn = sqlx::SqliteConnection::connect(&sqlite_url(&path))
            .await
            .expect("a second connection opens");
        sqlx::query("BEGIN EXCLUSIVE")
            .execute(&mut conn)
            .await
            .expect("the write lock is taken");
        Self(conn)
    }

    /// Gives the lock back.
    pub async fn release(mut self) {
        sqlx::query("ROLLBACK").execute(&mut self.0).await.unwrap();
        self.0.close().await.unwrap();
    }
}
