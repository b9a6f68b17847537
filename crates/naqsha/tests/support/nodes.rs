//! Several nodes over one database, as several `serve` processes behind a proxy: the first
//! [`App`] on SQLite (a temporary file) or, when `NAQSHA_TEST_POSTGRES_URL` names a server, on
//! a fresh PostgreSQL database dropped afterwards; more nodes join it with
//! [`App::another_node`] (on SQLite they share the first node's store, as one node's
//! database; on PostgreSQL each has its own connections and memory).

use naqsha::config::Config;
use sqlx::Executor;

use super::app::App;

/// The database a test's nodes share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    /// One SQLite file in the first node's data directory.
    Sqlite,
    /// A fresh database on the server `NAQSHA_TEST_POSTGRES_URL` names.
    Postgres,
}

/// Node one and node two, and the PostgreSQL database they share (if any).
pub struct TwoNodes {
    pub one: App,
    pub two: App,
    _db: Option<PgDatabase>,
}

impl TwoNodes {
    /// Two nodes on `shared`, each with the configuration `edit` made; none when PostgreSQL
    /// is asked for and no server is configured (the test says so and passes).
    pub async fn new(shared: Shared, edit: impl Fn(&mut Config)) -> Option<Self> {
        let db = match shared {
            Shared::Sqlite => None,
            Shared::Postgres => match PgDatabase::create().await {
                Some(db) => Some(db),
                None => {
                    eprintln!("NAQSHA_TEST_POSTGRES_URL not set: PostgreSQL run skipped");
                    return None;
                }
            },
        };
        let one = App::with_config(|c| {
            edit(c);
            if let Some(db) = &db {
                c.database_url = db.url.clone();
            }
        })
        .await;
        let two = one.another_node("two").await;
        Some(Self { one, two, _db: db })
    }
}

/// A fresh PostgreSQL database for one test, dropped (with its connections) when the value is.
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
        let admin = sqlx::PgPool::connect(&admin_url)
            .await
            .expect("connect to NAQSHA_TEST_POSTGRES_URL");
        admin
            .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .expect("create a database");
        admin.close().await;
        let base = admin_url
            .rsplit_once('/')
            .map(|(b, _)| b.to_owned())
            .unwrap_or_else(|| admin_url.clone());
        Some(Self {
            url: format!("{base}/{name}"),
            admin_url,
            name,
        })
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        // Drop runs inside the test's runtime: the database is dropped from a thread of its own.
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        let dropped = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime");
            rt.block_on(async {
                let admin = sqlx::PgPool::connect(&admin_url).await.expect("connect");
                let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                if let Err(e) = admin.execute(sqlx::AssertSqlSafe(sql)).await {
                    eprintln!("dropping {name}: {e}");
                }
                admin.close().await;
            });
        })
        .join();
        if dropped.is_err() {
            eprintln!("the test database {} was not dropped", self.name);
        }
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
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name(None).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(db) = $crate::support::nodes::PgDatabase::create().await else {
                    eprintln!("NAQSHA_TEST_POSTGRES_URL not set: PostgreSQL run skipped");
                    return;
                };
                super::$name(Some(&db)).await;
            }
        }
    };
}
