//! Several nodes over one database: the first [`App`] on SQLite (a temporary file) or, when
//! `NAQSHA_TEST_POSTGRES_URL` names a server, on a fresh PostgreSQL database dropped
//! afterwards; more nodes join it with [`App::another_node`].

use sqlx::Connection;

use super::App;

/// A fresh PostgreSQL database for one test.
pub struct PgDatabase {
    admin_url: String,
    name: String,
    /// Its URL.
    pub url: String,
}

impl PgDatabase {
    /// Creates one, or `None` when `NAQSHA_TEST_POSTGRES_URL` is not set.
    pub async fn create() -> Option<Self> {
        let admin_url = std::env::var("NAQSHA_TEST_POSTGRES_URL").ok()?;
        let name = format!("naqsha_nodes_{}", uuid::Uuid::new_v4().simple());
        let mut admin = sqlx::PgConnection::connect(&admin_url).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .unwrap();
        admin.close().await.unwrap();
        let base = admin_url.rsplit_once('/').map_or(&*admin_url, |(b, _)| b);
        let url = format!("{base}/{name}");
        Some(Self {
            admin_url,
            name,
            url,
        })
    }

    /// Drops it (with every connection still open to it).
    pub async fn drop(self) {
        let mut admin = sqlx::PgConnection::connect(&self.admin_url).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        )))
        .execute(&mut admin)
        .await
        .unwrap();
        admin.close().await.unwrap();
    }
}

/// The first node, `node`, on SQLite (`db` None) or on `db`.
pub async fn first_node(db: Option<&PgDatabase>, node: &str) -> App {
    let node = naqsha::config::NodeId::parse(node).expect("a valid node id");
    let url = db.map(|d| d.url.clone());
    App::with_config(move |c| {
        c.node = node;
        if let Some(url) = url {
            c.database_url = url;
        }
    })
    .await
}

/// Generates a SQLite and a PostgreSQL test from one async function taking the database
/// (`None` for SQLite); the PostgreSQL one is skipped when no server is configured.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident) => {
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name(None).await;
            }

            #[tokio::test]
            async fn postgres() {
                let Some(db) = $crate::support::nodes::PgDatabase::create().await else {
                    eprintln!("NAQSHA_TEST_POSTGRES_URL not set: PostgreSQL run skipped");
                    return;
                };
                super::$name(Some(&db)).await;
                db.drop().await;
            }
        }
    };
}
