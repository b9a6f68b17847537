//! Storage contracts of the federation feed's publishing side: the instance's key is made
//! once, whoever asks first; the change log gives every change a higher `seq`, a tombstone to
//! every case that left, and refuses a snapshot older than the publication counter.

use std::collections::HashMap;

use super::*;

async fn set_counter(store: &Store, value: u64) {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO meta (key, value) VALUES ('publication_generation', '{value}') \
         ON CONFLICT (key) DO UPDATE SET value = '{value}'"
    )))
    .execute(store.pool())
    .await
    .unwrap();
}

fn items(cases: &[(&str, &str)]) -> HashMap<String, String> {
    cases
        .iter()
        .map(|(id, digest)| ((*id).to_owned(), (*digest).to_owned()))
        .collect()
}

/// The item JSON of a case in these tests: its id and digest, so a row shows which it is.
fn item_of(current: &HashMap<String, String>) -> impl Fn(&str) -> Option<String> + Send + Sync {
    let current = current.clone();
    move |id: &str| {
        Some(format!(
            "{{\"id\":\"{id}\",\"v\":\"{}\"}}",
            current.get(id)?
        ))
    }
}

async fn the_identity_is_made_once_whoever_asks_first(store: &Store) {
    let now = datetime!(2026-12-01 10:00 UTC);
    // Several nodes asking at once with their own fresh keys all end with one.
    let (a, b, c) = tokio::join!(
        store.federation_seed("seed-a", now),
        store.federation_seed("seed-b", now),
        store.federation_seed("seed-c", now),
    );
    let (a, b, c) = (a.unwrap(), b.unwrap(), c.unwrap());
    assert!(["seed-a", "seed-b", "seed-c"].contains(&a.as_str()));
    assert_eq!(a, b);
    assert_eq!(b, c);
    assert_eq!(store.federation_seed("later", now).await.unwrap(), a);
}
contract!(the_identity_is_made_once_whoever_asks_first);

async fn the_log_rises_with_every_change_and_keeps_tombstones(store: &Store) {
    assert_eq!(store.feed_head().await.unwrap(), 0);
    let empty = store.feed_rows(0, 10, false).await.unwrap();
    assert_eq!((empty.head, empty.rows.len(), empty.more), (0, 0, false));

    // First snapshot: three cases, in id order.
    set_counter(store, 3).await;
    let first = items(&[("c", "d1"), ("a", "d1"), ("b", "d1")]);
    let done = store
        .update_feed_log(3, &first, item_of(&first))
        .await
        .unwrap();
    assert_eq!(
        done,
        LogUpdate::Written {
            changed: 3,
            gone: 0,
            head: 3
        }
    );
    let page = store.feed_rows(0, 10, false).await.unwrap();
    let seen: Vec<(u64, &str)> = page
        .rows
        .iter()
        .map(|r| (r.seq, r.case_id.as_str()))
        .collect();
    assert_eq!(seen, vec![(1, "a"), (2, "b"), (3, "c")]);
    assert_eq!(
        page.rows[0].item.as_deref(),
        Some("{\"id\":\"a\",\"v\":\"d1\"}")
    );

    // The same snapshot again: nothing written.
    let again = store
        .update_feed_log(3, &first, item_of(&first))
        .await
        .unwrap();
    assert_eq!(
        again,
        LogUpdate::Written {
            changed: 0,
            gone: 0,
            head: 3
        }
    );

    // A snapshot older than the counter writes nothing, even if it differs.
    set_counter(store, 5).await;
    let old = items(&[("a", "d1")]);
    assert_eq!(
        store.update_feed_log(4, &old, item_of(&old)).await.unwrap(),
        LogUpdate::Stale { counter: 5 }
    );
    assert_eq!(store.feed_head().await.unwrap(), 3);

    // b changed, c left: b at 4 with its new item, c a tombstone at 5; a stays at 1.
    let second = items(&[("a", "d1"), ("b", "d2")]);
    let done = store
        .update_feed_log(5, &second, item_of(&second))
        .await
        .unwrap();
    assert_eq!(
        done,
        LogUpdate::Written {
            changed: 1,
            gone: 1,
            head: 5
        }
    );
    let after = store.feed_rows(3, 10, false).await.unwrap();
    assert_eq!(after.head, 5);
    assert_eq!(after.rows.len(), 2);
    assert_eq!(
        (after.rows[0].seq, after.rows[0].case_id.as_str()),
        (4, "b")
    );
    assert_eq!(
        after.rows[0].item.as_deref(),
        Some("{\"id\":\"b\",\"v\":\"d2\"}")
    );
    assert_eq!(
        (
            after.rows[1].seq,
            after.rows[1].case_id.as_str(),
            after.rows[1].item.as_deref()
        ),
        (5, "c", None)
    );
    // From the start, tombstones can be left out.
    let snapshot: Vec<String> = store
        .feed_rows(0, 10, true)
        .await
        .unwrap()
        .rows
        .iter()
        .map(|r| r.case_id.clone())
        .collect();
    assert_eq!(snapshot, vec!["a", "b"]);

    // A tombstone is written once; the case coming back is sent again at a new seq.
    set_counter(store, 6).await;
    let third = items(&[("a", "d1"), ("b", "d2"), ("c", "d1")]);
    let done = store
        .update_feed_log(6, &third, item_of(&third))
        .await
        .unwrap();
    assert_eq!(
        done,
        LogUpdate::Written {
            changed: 1,
            gone: 0,
            head: 6
        }
    );

    // Paging: at most `limit` rows, and whether more remain.
    let one = store.feed_rows(0, 2, false).await.unwrap();
    assert_eq!(one.rows.len(), 2);
    assert!(one.more);
    let rest = store.feed_rows(one.rows[1].seq, 2, false).await.unwrap();
    assert_eq!(rest.rows.len(), 1);
    assert!(!rest.more);
}
contract!(the_log_rises_with_every_change_and_keeps_tombstones);

async fn two_writers_of_the_log_never_write_one_change_twice(store: &Store) {
    set_counter(store, 1).await;
    let many: HashMap<String, String> = (0..450)
        .map(|i| (format!("case-{i:04}"), "d1".to_owned()))
        .collect();
    // Two nodes with the same snapshot at once: every case is written once.
    let (x, y) = tokio::join!(
        store.update_feed_log(1, &many, item_of(&many)),
        store.update_feed_log(1, &many, item_of(&many)),
    );
    let count = |u: LogUpdate| match u {
        LogUpdate::Written { changed, .. } => changed,
        LogUpdate::Stale { .. } => panic!("not stale"),
    };
    assert_eq!(count(x.unwrap()) + count(y.unwrap()), 450);
    assert_eq!(store.feed_head().await.unwrap(), 450);

    // Two different snapshots at once (a bug elsewhere, or two configurations): whichever
    // wrote last says what each case is, and no seq is shared.
    set_counter(store, 2).await;
    let other: HashMap<String, String> = (0..450)
        .map(|i| (format!("case-{i:04}"), "d2".to_owned()))
        .collect();
    let third: HashMap<String, String> = (0..450)
        .map(|i| (format!("case-{i:04}"), "d3".to_owned()))
        .collect();
    let (x, y) = tokio::join!(
        store.update_feed_log(2, &other, item_of(&other)),
        store.update_feed_log(2, &third, item_of(&third)),
    );
    let written = count(x.unwrap()) + count(y.unwrap());
    let rows = store.feed_rows(0, 5000, false).await.unwrap();
    assert_eq!(rows.rows.len(), 450);
    assert_eq!(rows.head, 450 + written as u64);
    let seqs: std::collections::BTreeSet<u64> = rows.rows.iter().map(|r| r.seq).collect();
    assert_eq!(seqs.len(), 450);
    assert!(seqs.iter().all(|&s| s > 450));
}
contract!(two_writers_of_the_log_never_write_one_change_twice);
