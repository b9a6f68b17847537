//! Storage contracts of the SMS gateways.

use super::*;

fn resealed(report: &sealing::Sealed) -> ConversationPart<'_> {
    ConversationPart {
        report: Some(report),
        follow_up: None,
        attachments: &[],
        notes: &[],
        message: None,
    }
}

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
            .grow_conversation(id, &resealed(&longer))
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
            .grow_conversation(SubmissionId::random(), &resealed(&longer))
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
            .grow_conversation(id, &resealed(&third))
            .await
            .unwrap()
    );
    let stored = store.sealed_submission(id).await.unwrap().unwrap();
    assert_eq!(stored.report, Some(longer));

    // Nor may a withdrawn report get its text back, or anything else.
    let w = new_submission(&keys.public, None);
    store
        .insert_submission(&w, &Arrival::default())
        .await
        .unwrap();
    assert!(store.withdraw_submission(w.envelope.id).await.unwrap());
    assert!(
        !store
            .grow_conversation(w.envelope.id, &resealed(&third))
            .await
            .unwrap()
    );
    let follow_up = ConversationPart {
        report: None,
        follow_up: Some(&third),
        ..resealed(&third)
    };
    assert!(
        !store
            .grow_conversation(w.envelope.id, &follow_up)
            .await
            .unwrap()
    );
    let stored = store
        .sealed_submission(w.envelope.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.report, None);
    assert!(stored.additions.is_empty());
}
contract!(an_unopened_report_is_replaced_in_place_and_an_opened_one_is_not);

async fn a_later_message_brings_its_files_notes_and_record_in_one_transaction(store: &Store) {
    let keys = OrgKeyPair::generate();
    let s = new_submission(&keys.public, None);
    let id = s.envelope.id;
    let note = sealing::seal(&keys.public, b"a photo was not kept");
    store
        .insert_submission(
            &s,
            &Arrival {
                sms_message: Some("first".into()),
                notes: vec![("not_kept", note.clone())],
                ..Arrival::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(store.additions(id, "not_kept").await.unwrap().len(), 1);

    let photo = NewAttachment {
        id: AttachmentId::random(),
        media_type: "image/png".into(),
        byte_size: 9,
        sealed: sealing::seal(&keys.public, b"png bytes"),
    };
    let more = sealing::seal(&keys.public, b"and here is the screenshot");
    let part = ConversationPart {
        report: None,
        follow_up: Some(&more),
        attachments: std::slice::from_ref(&photo),
        notes: &[("not_kept", note.clone())],
        message: Some("second"),
    };
    assert!(store.grow_conversation(id, &part).await.unwrap());
    let files = store.attachments(id).await.unwrap();
    assert_eq!(files.len(), 2, "the first file and the new one");
    assert!(files.iter().any(|f| f.id == photo.id));
    assert_eq!(store.additions(id, "follow_up").await.unwrap().len(), 1);
    assert_eq!(store.additions(id, "not_kept").await.unwrap().len(), 2);
    assert!(store.sms_seen("second").await.unwrap());

    // The same message again: refused whole, nothing added.
    let again = ConversationPart {
        attachments: &[NewAttachment {
            id: AttachmentId::random(),
            ..photo.clone()
        }],
        ..part
    };
    assert!(matches!(
        store.grow_conversation(id, &again).await,
        Err(StorageError::Conflict("sms_message"))
    ));
    assert_eq!(store.attachments(id).await.unwrap().len(), 2);
    assert_eq!(store.additions(id, "follow_up").await.unwrap().len(), 1);

    // A withdrawal takes the later files and notes with it.
    assert!(store.withdraw_submission(id).await.unwrap());
    assert!(store.attachments(id).await.unwrap().is_empty());
    assert!(store.additions(id, "not_kept").await.unwrap().is_empty());
}
contract!(a_later_message_brings_its_files_notes_and_record_in_one_transaction);

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
