//! Storage contracts of what visitors carry between requests: secrets agreed by every node,
//! receipts shown once, drafts within their bounds, and (PostgreSQL) shared token buckets
//! and the flood state.

use super::*;

/// The first offer of a generation is kept; later offers get it back; forgetting deletes
/// older generations only, and of that purpose only.
async fn secrets_are_agreed_once_and_forgotten(store: &Store) {
    let first = store.shared_secret("form", 10, &[1u8; 32]).await.unwrap();
    assert_eq!(first, vec![1u8; 32]);
    let second = store.shared_secret("form", 10, &[2u8; 32]).await.unwrap();
    assert_eq!(
        second, first,
        "the second node gets the first node's secret"
    );
    store.shared_secret("form", 11, &[3u8; 32]).await.unwrap();
    store.shared_secret("pow", 10, &[4u8; 32]).await.unwrap();
    assert_eq!(store.forget_secrets("form", 11).await.unwrap(), 1);
    assert_eq!(
        store.shared_secret("form", 10, &[5u8; 32]).await.unwrap(),
        vec![5u8; 32],
        "a forgotten generation is gone"
    );
    assert_eq!(
        store.shared_secret("form", 11, &[6u8; 32]).await.unwrap(),
        vec![3u8; 32]
    );
    assert_eq!(
        store.shared_secret("pow", 10, &[7u8; 32]).await.unwrap(),
        vec![4u8; 32]
    );
}
contract!(secrets_are_agreed_once_and_forgotten);

/// A receipt held with its report is taken once, and not after it expired.
async fn receipts_are_held_with_their_report_and_taken_once(store: &Store) {
    let keys = OrgKeyPair::generate();
    let arrival = |id: &str, expires_at: i64| Arrival {
        receipt_view: Some(HeldReceipt {
            id_hash: id.into(),
            sealed: vec![7u8; 30],
            expires_at,
        }),
        ..Arrival::default()
    };
    store
        .insert_submission(&new_submission(&keys.public, None), &arrival("v1", 2_000))
        .await
        .unwrap();
    store
        .insert_submission(&new_submission(&keys.public, None), &arrival("v2", 1_000))
        .await
        .unwrap();
    assert_eq!(store.take_receipt_view("nope", 500).await.unwrap(), None);
    assert_eq!(
        store.take_receipt_view("v1", 1_500).await.unwrap(),
        Some(vec![7u8; 30])
    );
    assert_eq!(store.take_receipt_view("v1", 1_500).await.unwrap(), None);
    assert_eq!(
        store.take_receipt_view("v2", 1_500).await.unwrap(),
        None,
        "expired"
    );

    // A report that is not stored holds no receipt.
    let dup = new_submission(&keys.public, None);
    let token = Arrival {
        form_token: Some(SpentToken {
            nonce: "n1".into(),
            expires_at: OffsetDateTime::now_utc(),
        }),
        ..arrival("v3", 2_000)
    };
    store.insert_submission(&dup, &token).await.unwrap();
    let again = Arrival {
        form_token: token.form_token.clone(),
        ..arrival("v4", 2_000)
    };
    assert!(
        store
            .insert_submission(&new_submission(&keys.public, None), &again)
            .await
            .is_err()
    );
    assert_eq!(store.take_receipt_view("v4", 1_500).await.unwrap(), None);
    assert!(
        store
            .take_receipt_view("v3", 1_500)
            .await
            .unwrap()
            .is_some()
    );
}
contract!(receipts_are_held_with_their_report_and_taken_once);

fn draft(id: &str, network: u8, at: i64, sizes: &[usize]) -> DraftFiles {
    let keys = OrgKeyPair::generate();
    DraftFiles {
        id_hash: id.into(),
        network: vec![network; 16],
        created_ms: at,
        files: sizes
            .iter()
            .map(|&n| NewAttachment {
                id: AttachmentId::random(),
                media_type: "image/png".into(),
                byte_size: n as u64,
                sealed: sealing::seal(&keys.public, &vec![1u8; n]),
            })
            .collect(),
    }
}

/// Drafts come back whole and once; beyond a network's bound its own oldest go first,
/// beyond the total the largest holder's oldest; old drafts are pruned.
async fn drafts_are_bounded_and_taken_once(store: &Store) {
    let kept = draft("d1", 1, 1_000, &[10, 2_000]);
    let size = kept.bytes();
    store.hold_draft(&kept, 10 * size, 10 * size).await.unwrap();
    let back = store.take_draft("d1", 0).await.unwrap().expect("kept");
    assert_eq!(back.len(), 2);
    assert_eq!(back[0].id, kept.files[0].id, "in order");
    assert_eq!(back[1].sealed.as_bytes(), kept.files[1].sealed.as_bytes());
    assert!(store.take_draft("d1", 0).await.unwrap().is_none());

    // Per network: room for two. (Sealed sizes differ a little: bounds use the real ones.)
    let a: Vec<DraftFiles> = (0..3)
        .map(|i| draft(&format!("a{i}"), 2, 2_000 + i, &[1_000]))
        .collect();
    let room = a[1].bytes() + a[2].bytes();
    for d in &a {
        store.hold_draft(d, room, 1_000_000).await.unwrap();
    }
    assert!(
        store.take_draft("a0", 0).await.unwrap().is_none(),
        "oldest gave way"
    );
    assert!(store.take_draft("a1", 0).await.unwrap().is_some());
    // In total: network 3 holds the most, so its oldest gives way to network 4.
    let b1 = draft("b1", 3, 3_000, &[1_000]);
    let b2 = draft("b2", 3, 3_001, &[1_000]);
    let c1 = draft("c1", 4, 3_002, &[1_000]);
    let kept = a[2].bytes() + b2.bytes() + c1.bytes();
    let total = kept.max(a[2].bytes() + b1.bytes() + b2.bytes());
    for d in [&b1, &b2, &c1] {
        store.hold_draft(d, 1_000_000, total).await.unwrap();
    }
    assert_eq!(store.draft_bytes().await.unwrap(), kept, "a2, b2, c1");
    assert!(store.take_draft("b1", 0).await.unwrap().is_none());
    // Too old for the caller: gone, and not given.
    assert!(store.take_draft("b2", 5_000).await.unwrap().is_none());
    assert_eq!(store.prune_visitor_state(0, 3_001).await.unwrap(), 1, "a2");
    assert_eq!(store.draft_bytes().await.unwrap(), c1.bytes(), "c1");
}
contract!(drafts_are_bounded_and_taken_once);

/// PostgreSQL: the shared bucket admits a burst, then one per interval; a token given back
/// is taken again; full buckets are pruned. The flood state counts every caller and obeys a
/// pause. SQLite keeps these in the node's memory and refuses the calls.
async fn shared_buckets_and_flood(store: &Store) {
    let net = [9u8; 16];
    if store.backend() == Backend::Sqlite {
        assert!(matches!(
            store.take_rate_token("report", &net, 0, 1, 0).await,
            Err(StorageError::Conflict("backend"))
        ));
        assert!(store.flood_read().await.is_err());
        return;
    }
    let (interval, tolerance) = (120_000, 4 * 120_000);
    let t0 = 1_000_000;
    for _ in 0..5 {
        assert_eq!(
            store
                .take_rate_token("report", &net, t0, interval, tolerance)
                .await
                .unwrap(),
            None
        );
    }
    assert_eq!(
        store
            .take_rate_token("report", &net, t0, interval, tolerance)
            .await
            .unwrap(),
        Some(interval)
    );
    assert_eq!(
        store
            .take_rate_token("receipt", &net, t0, interval, tolerance)
            .await
            .unwrap(),
        None,
        "another kind is another bucket"
    );
    store
        .give_back_rate_token("report", &net, interval)
        .await
        .unwrap();
    assert_eq!(
        store
            .take_rate_token("report", &net, t0, interval, tolerance)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store
            .take_rate_token("report", &net, t0 + interval - 1, interval, tolerance)
            .await
            .unwrap(),
        Some(1)
    );
    assert_eq!(
        store.prune_rate_buckets(t0 + 6 * interval).await.unwrap(),
        2
    );

    let (window, cool) = (60_000, 1_800_000);
    for i in 0..2 {
        let row = store.flood_record(t0 + i, window, 3, cool).await.unwrap();
        assert_eq!(row.until_ms, None);
    }
    let row = store.flood_record(t0 + 2, window, 3, cool).await.unwrap();
    assert_eq!(row.since_ms, Some(t0 + 2));
    assert_eq!(row.until_ms, Some(t0 + 2 + cool));
    let later = store.flood_record(t0 + 10, window, 3, cool).await.unwrap();
    assert_eq!(later.since_ms, Some(t0 + 2), "the same flood goes on");
    assert_eq!(store.flood_read().await.unwrap(), later);
    store.flood_pause(t0 + 3_600_000).await.unwrap();
    for i in 0..5 {
        store
            .flood_record(t0 + 20 + i, window, 3, cool)
            .await
            .unwrap();
    }
    let paused = store.flood_read().await.unwrap();
    assert_eq!(paused.until_ms, None);
    assert_eq!(paused.paused_until_ms, Some(t0 + 3_600_000));
    store.flood_resume().await.unwrap();
    let row = store.flood_record(t0 + 30, window, 3, cool).await.unwrap();
    assert_eq!(
        row.since_ms,
        Some(t0 + 30),
        "after the pause traffic counts again"
    );
}
contract!(shared_buckets_and_flood);
