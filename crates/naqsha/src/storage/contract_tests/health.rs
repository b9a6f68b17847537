//! Storage contract of what `naqsha doctor` reads: the schema against this binary's
//! migrations, and the database's clock.

use super::*;

async fn a_migrated_database_has_nothing_pending(store: &Store) {
    let schema = store.schema_state().await.unwrap();
    assert!(!schema.known.is_empty());
    assert_eq!(schema.applied, schema.known);
    assert_eq!(schema.pending(), Vec::<i64>::new());
    assert_eq!(schema.unknown(), Vec::<i64>::new());
}
contract!(a_migrated_database_has_nothing_pending);

async fn the_database_clock_reads_now(store: &Store) {
    let before = OffsetDateTime::now_utc().unix_timestamp();
    let db = store.database_time().await.unwrap().unix_timestamp();
    let after = OffsetDateTime::now_utc().unix_timestamp();
    // The test's database runs on this machine: the same clock, read to the second.
    assert!(
        before - 1 <= db && db <= after + 1,
        "{before} <= {db} <= {after}"
    );
}
contract!(the_database_clock_reads_now);

/// A database nobody migrated yet (no migration table) is read, not changed: every known
/// version is pending, and reading it twice finds the same.
#[tokio::test]
async fn a_database_never_migrated_has_everything_pending_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&sqlite_url(&dir.path().join("fresh.db")))
        .await
        .unwrap();
    for _ in 0..2 {
        let schema = store.schema_state().await.unwrap();
        assert_eq!(schema.applied, Vec::<i64>::new());
        assert_eq!(schema.pending(), schema.known);
    }
    store.close().await;
}
