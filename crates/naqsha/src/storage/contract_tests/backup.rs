//! Contracts of backups: a dump read in one snapshot loads into an empty store of either
//! backend with every record intact, all at once or not at all.

use super::super::backup::{LoadError, Record};
use super::super::transfer::TransferError;
use super::*;

async fn a_dump_loads_into_an_empty_store_whole_or_not_at_all(target: &Store) {
    let source = TestDb::sqlite().await;
    fill(&source.store).await;
    let mut records = Vec::new();
    let report = source
        .store
        .dump(|r| {
            records.push(r);
            Ok(())
        })
        .await
        .unwrap();
    let tables = records
        .iter()
        .filter(|r| matches!(r, Record::Table { .. }))
        .count();
    assert_eq!(tables, report.tables.len(), "every table is announced");
    assert!(report.total() > 10, "{report:?}");

    // A backup that breaks off before its end loads nothing.
    let cut = records.len() - 3;
    let broken = records[..cut]
        .iter()
        .cloned()
        .map(Ok)
        .chain(std::iter::once(Err("the backup ends early".to_owned())));
    assert!(matches!(
        target.load(broken).await,
        Err(LoadError::Format(_))
    ));
    assert_eq!(target.first_non_empty_table().await.unwrap(), None);

    let loaded = target.load(records.iter().cloned().map(Ok)).await.unwrap();
    assert_eq!(loaded.tables, report.tables);
    assert_eq!(snapshot(&source.store).await, snapshot(target).await);

    // Into a store that holds anything: refused.
    let again = target.load(records.into_iter().map(Ok)).await;
    assert!(matches!(
        again,
        Err(LoadError::Transfer(TransferError::TargetNotEmpty("meta")))
    ));
    source.finish().await;
}
contract!(a_dump_loads_into_an_empty_store_whole_or_not_at_all);

async fn a_dump_from_an_older_layout_fills_what_it_has(target: &Store) {
    // A backup whose users table lacks a column this version has (as after a future
    // migration adds one) loads, the missing column taking its default; an unknown table is
    // refused with a message that names it.
    let records = vec![
        Record::Table {
            name: "boundaries".into(),
            columns: vec!["name".into(), "content".into(), "imported_at".into()],
        },
        Record::Row(vec![
            transfer::Value::Text("districts".into()),
            transfer::Value::Text("{}".into()),
            transfer::Value::Int(1_700_000_000),
        ]),
    ];
    let unknown = vec![Ok(Record::Table {
        name: "from_the_future".into(),
        columns: vec![],
    })];
    match target.load(unknown.into_iter()).await {
        Err(LoadError::Format(m)) => assert!(m.contains("from_the_future"), "{m}"),
        other => panic!("an unknown table must be refused: {other:?}"),
    }
    let report = target.load(records.into_iter().map(Ok)).await.unwrap();
    assert_eq!(report.tables, [("boundaries", 1)]);
    assert_eq!(target.boundaries().await.unwrap().len(), 1);
}
contract!(a_dump_from_an_older_layout_fills_what_it_has);
