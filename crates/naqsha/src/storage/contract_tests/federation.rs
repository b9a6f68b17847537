//! Storage contracts of following other instances.

use naqsha_core::federation::InstanceKey;

use super::*;

fn new_follow(name: &str, host: &str, at: OffsetDateTime) -> NewFollow {
    NewFollow {
        name: name.into(),
        url: format!("https://{host}/").parse().unwrap(),
        public_key: InstanceKey::generate().public(),
        at,
    }
}

fn page(
    since: u64,
    cursor: u64,
    at: OffsetDateTime,
    upserts: &[(&str, u64)],
    removals: &[&str],
) -> PageWrite {
    PageWrite {
        since,
        cursor,
        generated_at: at,
        upserts: upserts
            .iter()
            .map(|(id, seq)| {
                (
                    id.to_string(),
                    *seq,
                    format!("{{\"id\":\"{id}\",\"seq\":{seq}}}"),
                )
            })
            .collect(),
        removals: removals.iter().map(|s| s.to_string()).collect(),
        refused: Vec::new(),
    }
}

async fn ids_of(store: &Store, source: &str) -> Vec<String> {
    store
        .followed_rows()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.source == source)
        .map(|r| r.id)
        .collect()
}

async fn follows_are_added_once_and_removed_with_their_cases(store: &Store) {
    let t0 = datetime!(2026-03-01 10:00 UTC);
    let np = new_follow("Nepal", "np.example", t0);
    store.add_follow(&np).await.unwrap();
    let got = store.follow("Nepal").await.unwrap().unwrap();
    assert_eq!(
        (got.url.as_str(), got.public_key),
        ("https://np.example/", np.public_key)
    );
    assert_eq!((got.cursor, got.cases, got.failures), (0, 0, 0));
    assert_eq!(got.next_pull_at, t0, "due at once");
    // The same name, or the same address under another name: refused.
    let again = store.add_follow(&np).await.unwrap_err();
    assert!(matches!(again, StorageError::Conflict(_)), "{again}");
    let same_url = new_follow("Nepal 2", "np.example", t0);
    assert!(matches!(
        store.add_follow(&same_url).await.unwrap_err(),
        StorageError::Conflict(_)
    ));
    assert!(store.follow("Nobody").await.unwrap().is_none());

    assert!(
        store
            .apply_page("Nepal", &page(0, 2, t0, &[("a", 1), ("b", 2)], &[]))
            .await
            .unwrap()
    );
    assert_eq!(store.follow("Nepal").await.unwrap().unwrap().cases, 2);
    assert!(store.remove_follow("Nepal").await.unwrap());
    assert!(store.follow("Nepal").await.unwrap().is_none());
    assert!(
        store.followed_rows().await.unwrap().is_empty(),
        "its cases went with it"
    );
    assert!(!store.remove_follow("Nepal").await.unwrap());
}
contract!(follows_are_added_once_and_removed_with_their_cases);

async fn pages_write_only_their_own_source_and_need_the_cursor_they_continue(store: &Store) {
    let t0 = datetime!(2026-03-01 10:00 UTC);
    store
        .add_follow(&new_follow("Nepal", "np.example", t0))
        .await
        .unwrap();
    store
        .add_follow(&new_follow("Bangladesh", "bd.example", t0))
        .await
        .unwrap();
    // The same case id at two sources is two cases.
    assert!(
        store
            .apply_page(
                "Nepal",
                &page(0, 3, t0, &[("a", 1), ("b", 2), ("c", 3)], &[])
            )
            .await
            .unwrap()
    );
    assert!(
        store
            .apply_page("Bangladesh", &page(0, 1, t0, &[("a", 1)], &[]))
            .await
            .unwrap()
    );
    // A tombstone and a change at Nepal touch nothing of Bangladesh.
    let t1 = t0 + time::Duration::minutes(15);
    assert!(
        store
            .apply_page("Nepal", &page(3, 5, t1, &[("b", 5)], &["a"]))
            .await
            .unwrap()
    );
    assert_eq!(ids_of(store, "Nepal").await, ["b", "c"]);
    assert_eq!(ids_of(store, "Bangladesh").await, ["a"]);
    let b = store
        .followed_rows()
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.source == "Nepal" && r.id == "b")
        .unwrap();
    assert_eq!(b.item, "{\"id\":\"b\",\"seq\":5}");
    let nepal = store.follow("Nepal").await.unwrap().unwrap();
    assert_eq!((nepal.cursor, nepal.generated_at), (5, Some(t1)));
    // A page continuing from a cursor we are no longer at writes nothing.
    assert!(
        !store
            .apply_page("Nepal", &page(3, 9, t1, &[("z", 9)], &["b"]))
            .await
            .unwrap()
    );
    assert_eq!(ids_of(store, "Nepal").await, ["b", "c"]);
    assert_eq!(store.follow("Nepal").await.unwrap().unwrap().cursor, 5);
    // Many rows at once (more than one statement's batch).
    let many: Vec<(String, u64)> = (0..1000).map(|i| (format!("m{i}"), 6 + i)).collect();
    let refs: Vec<(&str, u64)> = many.iter().map(|(id, s)| (id.as_str(), *s)).collect();
    assert!(
        store
            .apply_page("Nepal", &page(5, 1005, t1, &refs, &[]))
            .await
            .unwrap()
    );
    assert_eq!(store.follow("Nepal").await.unwrap().unwrap().cases, 1002);
    let gone: Vec<&str> = many.iter().map(|(id, _)| id.as_str()).collect();
    assert!(
        store
            .apply_page("Nepal", &page(1005, 1006, t1, &[], &gone))
            .await
            .unwrap()
    );
    assert_eq!(store.follow("Nepal").await.unwrap().unwrap().cases, 2);
}
contract!(pages_write_only_their_own_source_and_need_the_cursor_they_continue);

async fn pulls_are_leased_scheduled_and_record_their_errors(store: &Store) {
    let t0 = datetime!(2026-03-01 10:00 UTC);
    store
        .add_follow(&new_follow("Nepal", "np.example", t0))
        .await
        .unwrap();
    store
        .add_follow(&new_follow(
            "Later",
            "later.example",
            t0 + time::Duration::hours(1),
        ))
        .await
        .unwrap();
    let due: Vec<String> = store
        .due_follows(t0)
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(due, ["Nepal"]);
    let lease = t0 + time::Duration::minutes(15);
    let claimed = store
        .claim_follow("Nepal", t0, lease, "node-a")
        .await
        .unwrap();
    assert_eq!(claimed.map(|f| f.name).as_deref(), Some("Nepal"));
    // Held: another node gets nothing, and it is not listed as due.
    assert!(
        store
            .claim_follow("Nepal", t0, lease, "node-b")
            .await
            .unwrap()
            .is_none()
    );
    assert!(store.due_follows(t0).await.unwrap().is_empty());

    let refused = vec![RefusedItem {
        id: Some("x".into()),
        reason: "its point 10, 10 is outside NP".into(),
    }];
    let mut p = page(0, 1, t0, &[("a", 1)], &[]);
    p.refused = refused.clone();
    assert!(store.apply_page("Nepal", &p).await.unwrap());
    let ok = PullEnd {
        at: t0,
        etag: Some("\"v1\"".into()),
        last_modified: None,
        error: None,
        failures: 0,
        next_pull_at: t0 + time::Duration::minutes(15),
    };
    store.finish_pull("Nepal", &ok).await.unwrap();
    // A refused pull keeps the validators, the last good pull and the cases.
    let t1 = t0 + time::Duration::minutes(15);
    assert!(
        store
            .claim_follow("Nepal", t1, t1 + time::Duration::minutes(15), "node-b")
            .await
            .unwrap()
            .is_some()
    );
    let failed = PullEnd {
        at: t1,
        error: Some("the signature does not match".into()),
        failures: 1,
        next_pull_at: t1 + time::Duration::minutes(30),
        ..ok.clone()
    };
    store.finish_pull("Nepal", &failed).await.unwrap();
    let got = store.follow("Nepal").await.unwrap().unwrap();
    assert_eq!(got.etag.as_deref(), Some("\"v1\""));
    assert_eq!(got.last_ok_at, Some(t0));
    assert_eq!(
        got.last_error.as_deref(),
        Some("the signature does not match")
    );
    assert_eq!(got.last_error_at, Some(t1));
    assert_eq!((got.failures, got.cases, got.cursor), (1, 1, 1));
    assert_eq!(got.refused, refused);
    assert_eq!(got.next_pull_at, t1 + time::Duration::minutes(30));
    // The lease is released: due again when its time comes, for any node.
    assert!(store.due_follows(t1).await.unwrap().is_empty());
    assert!(store.set_follow_due("Nepal", t1).await.unwrap());
    assert_eq!(store.due_follows(t1).await.unwrap().len(), 1);
    assert!(!store.set_follow_due("Nobody", t1).await.unwrap());
}
contract!(pulls_are_leased_scheduled_and_record_their_errors);

async fn the_configuration_wins_for_address_and_key(store: &Store) {
    let t0 = datetime!(2026-03-01 10:00 UTC);
    let np = new_follow("Nepal", "np.example", t0);
    assert_eq!(store.sync_follow(&np).await.unwrap(), Synced::Added);
    assert_eq!(store.sync_follow(&np).await.unwrap(), Synced::Same);
    assert!(
        store
            .apply_page("Nepal", &page(0, 7, t0, &[("a", 7)], &[]))
            .await
            .unwrap()
    );
    let stamp = store.followed_stamp().await.unwrap();
    // A new key: the cases signed by the old one go, and the feed is read from the start.
    let rekeyed = NewFollow {
        public_key: InstanceKey::generate().public(),
        at: t0 + time::Duration::hours(1),
        ..np.clone()
    };
    assert_eq!(store.sync_follow(&rekeyed).await.unwrap(), Synced::Changed);
    let got = store.follow("Nepal").await.unwrap().unwrap();
    assert_eq!((got.cursor, got.cases, got.generated_at), (0, 0, None));
    assert_eq!(got.public_key, rekeyed.public_key);
    assert_eq!(got.next_pull_at, rekeyed.at);
    assert_ne!(
        store.followed_stamp().await.unwrap(),
        stamp,
        "the cache sees the change"
    );
    // An address another follow has: refused, nothing changed.
    store
        .add_follow(&new_follow("Other", "other.example", t0))
        .await
        .unwrap();
    let clash = NewFollow {
        url: "https://other.example/".parse().unwrap(),
        ..rekeyed.clone()
    };
    assert!(matches!(
        store.sync_follow(&clash).await.unwrap_err(),
        StorageError::Conflict(_)
    ));
    assert_eq!(
        store.follow("Nepal").await.unwrap().unwrap().url.as_str(),
        "https://np.example/"
    );
}
contract!(the_configuration_wins_for_address_and_key);
