//! Storage contracts of the email channel.

use super::*;

/// An email's key is spent with its report and its sealed note, in one transaction: the
/// same key again stores nothing (not even the note), another key stores a second report.
async fn an_email_is_stored_once_with_its_note(store: &Store) {
    let keys = OrgKeyPair::generate();
    let arrival = |key: &str, note: &[u8]| Arrival {
        email_message: Some(key.into()),
        notes: vec![("not_kept", sealing::seal(&keys.public, note))],
        ..Arrival::default()
    };
    assert!(!store.email_seen("e1").await.unwrap());
    let first = new_submission(&keys.public, None);
    store
        .insert_submission(&first, &arrival("e1", b"first note"))
        .await
        .unwrap();
    assert!(store.email_seen("e1").await.unwrap());
    let notes = store
        .additions(first.envelope.id, "not_kept")
        .await
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].author, None);
    assert_eq!(
        &*sealing::open(&keys.secret, &notes[0].sealed).unwrap(),
        b"first note"
    );

    let again = new_submission(&keys.public, None);
    assert!(matches!(
        store
            .insert_submission(&again, &arrival("e1", b"second note"))
            .await,
        Err(StorageError::Conflict("email_message"))
    ));
    assert!(
        store
            .sealed_submission(again.envelope.id)
            .await
            .unwrap()
            .is_none(),
        "nothing of the second delivery is stored"
    );
    let other = new_submission(&keys.public, None);
    store
        .insert_submission(&other, &arrival("e2", b"other note"))
        .await
        .unwrap();
    assert_eq!(
        store
            .inbox(&InboxFilter::default(), 10, 0)
            .await
            .unwrap()
            .len(),
        2
    );
    let total: i64 = sqlx::Row::get(
        &sqlx::query("SELECT COUNT(*) AS n FROM submission_additions")
            .fetch_one(store.pool())
            .await
            .unwrap(),
        "n",
    );
    assert_eq!(total, 2, "the refused delivery left no note");

    // Withdrawing a report deletes its note with the rest.
    assert!(store.withdraw_submission(first.envelope.id).await.unwrap());
    assert!(
        store
            .additions(first.envelope.id, "not_kept")
            .await
            .unwrap()
            .is_empty()
    );
}
contract!(an_email_is_stored_once_with_its_note);

async fn email_keys_are_pruned_by_age(store: &Store) {
    let keys = OrgKeyPair::generate();
    let s = new_submission(&keys.public, None);
    store
        .insert_submission(
            &s,
            &Arrival {
                email_message: Some("recent".into()),
                ..Arrival::default()
            },
        )
        .await
        .unwrap();
    let now = OffsetDateTime::now_utc();
    assert_eq!(
        store
            .prune_email_seen(now - time::Duration::days(1))
            .await
            .unwrap(),
        0
    );
    assert!(store.email_seen("recent").await.unwrap());
    assert_eq!(
        store
            .prune_email_seen(now + time::Duration::minutes(1))
            .await
            .unwrap(),
        1
    );
    assert!(!store.email_seen("recent").await.unwrap());
}
contract!(email_keys_are_pruned_by_age);
