//! Storage contracts of the SMS gateways.

use super::*;

async fn an_unopened_report_is_replaced_in_place_and_an_opened_one_is_not(store: &Store) {
    let keys = OrgKeyPair::generate();
    let s = new_submission(&keys.public, None);
    let id = s.envelope.id;
    store
        .insert_submission(&s, &Arrival::default())
        .await
        .unwrap();

    let longer = sealing::seal(&keys.public, b"report text, and the second part");
    assert!(
        store
            .replace_unopened_report(id, &longer, None)
            .await
            .unwrap()
    );
    let stored = store.sealed_submission(id).await.unwrap().unwrap();
    assert_eq!(stored.report, Some(longer.clone()));
    assert_eq!(stored.envelope.status, SubmissionStatus::New);
    assert_eq!(
        store
            .inbox(&InboxFilter::default(), 10, 0)
            .await
            .unwrap()
            .len(),
        1,
        "still one submission"
    );

    assert!(
        !store
            .replace_unopened_report(SubmissionId::random(), &longer, None)
            .await
            .unwrap(),
        "an unknown id changes nothing"
    );

    // A moderator opens it: its report must not change under their eyes any more.
    let moderator = user("moderator", Role::Moderator);
    store.insert_user(&moderator).await.unwrap();
    assert!(store.claim_submission(id, moderator.id).await.unwrap());
    let third = sealing::seal(&keys.public, b"a third part");
    assert!(
        !store
            .replace_unopened_report(id, &third, None)
            .await
            .unwrap()
    );
    let stored = store.sealed_submission(id).await.unwrap().unwrap();
    assert_eq!(stored.report, Some(longer));

    // Nor may a withdrawn report get its text back.
    let w = new_submission(&keys.public, None);
    store
        .insert_submission(&w, &Arrival::default())
        .await
        .unwrap();
    assert!(store.withdraw_submission(w.envelope.id).await.unwrap());
    assert!(
        !store
            .replace_unopened_report(w.envelope.id, &third, None)
            .await
            .unwrap()
    );
    let stored = store
        .sealed_submission(w.envelope.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.report, None);
}
contract!(an_unopened_report_is_replaced_in_place_and_an_opened_one_is_not);

async fn gateway_messages_are_remembered_and_pruned(store: &Store) {
    let old = datetime!(2026-01-01 00:00 UTC);
    let new = datetime!(2026-01-10 00:00 UTC);
    assert!(!store.sms_seen("k1").await.unwrap());
    store.mark_sms_seen("k1", old).await.unwrap();
    store.mark_sms_seen("k1", old).await.unwrap();
    store.mark_sms_seen("k2", new).await.unwrap();
    assert!(store.sms_seen("k1").await.unwrap());
    assert_eq!(
        store
            .prune_sms_seen(datetime!(2026-01-05 00:00 UTC))
            .await
            .unwrap(),
        1
    );
    assert!(!store.sms_seen("k1").await.unwrap());
    assert!(store.sms_seen("k2").await.unwrap());
}
contract!(gateway_messages_are_remembered_and_pruned);

async fn a_stopped_number_stays_stopped_until_it_starts_again(store: &Store) {
    let at = datetime!(2026-01-01 00:00 UTC);
    assert!(!store.sms_stopped("n1").await.unwrap());
    store.set_sms_stopped("n1", true, at).await.unwrap();
    store.set_sms_stopped("n1", true, at).await.unwrap();
    assert!(store.sms_stopped("n1").await.unwrap());
    assert!(!store.sms_stopped("n2").await.unwrap());
    store.set_sms_stopped("n1", false, at).await.unwrap();
    assert!(!store.sms_stopped("n1").await.unwrap());
}
contract!(a_stopped_number_stays_stopped_until_it_starts_again);
