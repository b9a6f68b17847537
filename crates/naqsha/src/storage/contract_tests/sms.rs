//! Storage contracts of the SMS gateways.

use super::*;

fn resealed(report: &sealing::Sealed) -> ConversationPart<'_> {
    ConversationPart {
        report: Some(report),
        follow_up: None,
        attachments: &[],
        notes: &[],
        message: None,
        window: None,
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
        window: None,
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

fn when(seconds: i64) -> OffsetDateTime {
    datetime!(2026-03-01 10:00 UTC) + time::Duration::seconds(seconds)
}

fn window(key: &str, sealed: &[u8], seconds: i64, replaces: Option<SubmissionId>) -> NewWindow {
    NewWindow {
        channel: "sms",
        key: key.into(),
        expires_at: when(600),
        sealed: sealed.to_vec(),
        replaces,
        now: when(seconds),
    }
}

async fn a_window_opens_with_its_report_and_a_second_one_of_hers_is_refused(store: &Store) {
    let keys = OrgKeyPair::generate();
    let first = new_submission(&keys.public, None);
    let arrival = Arrival {
        window: Some(window("her-key", b"sealed one", 0, None)),
        ..Default::default()
    };
    store.insert_submission(&first, &arrival).await.unwrap();
    let open = store
        .conversation_window("sms", "her-key", when(1))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(open.submission, first.envelope.id);
    assert_eq!(
        (open.opened, open.sealed.as_slice()),
        (false, &b"sealed one"[..])
    );
    assert!(
        store
            .conversation_window("whatsapp", "her-key", when(1))
            .await
            .unwrap()
            .is_none(),
        "each channel its own windows"
    );
    assert_eq!(store.open_windows("sms", when(1)).await.unwrap(), 1);

    // Another message of hers that found no window (on another node, at the same time)
    // cannot open a second one: nothing of its report is stored.
    let second = new_submission(&keys.public, None);
    let arrival = Arrival {
        window: Some(window("her-key", b"sealed two", 2, None)),
        ..Default::default()
    };
    let err = store
        .insert_submission(&second, &arrival)
        .await
        .unwrap_err();
    assert!(
        matches!(err, StorageError::Conflict("conversation_window")),
        "{err:?}"
    );
    assert!(
        store
            .sealed_submission(second.envelope.id)
            .await
            .unwrap()
            .is_none()
    );

    // The window of a report that can no longer grow is replaced by name.
    let third = new_submission(&keys.public, None);
    let arrival = Arrival {
        window: Some(window(
            "her-key",
            b"sealed three",
            3,
            Some(first.envelope.id),
        )),
        ..Default::default()
    };
    store.insert_submission(&third, &arrival).await.unwrap();
    let open = store
        .conversation_window("sms", "her-key", when(4))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(open.submission, third.envelope.id);

    // Closed windows are not found, and are deleted; after that a new one opens.
    assert!(
        store
            .conversation_window("sms", "her-key", when(600))
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(store.close_expired_windows(when(599)).await.unwrap(), 0);
    assert_eq!(store.close_expired_windows(when(600)).await.unwrap(), 1);
    assert_eq!(store.open_windows("sms", when(1)).await.unwrap(), 0);
    let fourth = new_submission(&keys.public, None);
    let arrival = Arrival {
        window: Some(window("her-key", b"sealed four", 700, None)),
        ..Default::default()
    };
    store.insert_submission(&fourth, &arrival).await.unwrap();
}
contract!(a_window_opens_with_its_report_and_a_second_one_of_hers_is_refused);

async fn a_window_grows_once_per_version(store: &Store) {
    let keys = OrgKeyPair::generate();
    let s = new_submission(&keys.public, None);
    let id = s.envelope.id;
    let arrival = Arrival {
        window: Some(window("k", b"v0", 0, None)),
        ..Default::default()
    };
    store.insert_submission(&s, &arrival).await.unwrap();
    let read = store
        .conversation_window("sms", "k", when(1))
        .await
        .unwrap()
        .unwrap();
    let longer = sealing::seal(&keys.public, b"part one, part two");
    let step = |sealed: &'static [u8]| WindowStep {
        channel: "sms",
        key: "k",
        version: read.version,
        opened: false,
        sealed,
    };
    let mut part = resealed(&longer);
    part.message = Some("msg-2");
    part.window = Some(step(b"v1"));
    assert!(store.grow_conversation(id, &part).await.unwrap());
    // A second message that read the same version (on another node) is refused whole: its
    // text, and its record as stored, are not written.
    let other = sealing::seal(&keys.public, b"part one, part three");
    let mut late = resealed(&other);
    late.message = Some("msg-3");
    late.window = Some(step(b"v1 too"));
    let err = store.grow_conversation(id, &late).await.unwrap_err();
    assert!(
        matches!(err, StorageError::Conflict("conversation_window")),
        "{err:?}"
    );
    assert_eq!(
        store.sealed_submission(id).await.unwrap().unwrap().report,
        Some(longer)
    );
    assert!(!store.sms_seen("msg-3").await.unwrap());
    assert!(store.sms_seen("msg-2").await.unwrap());
    let now = store
        .conversation_window("sms", "k", when(2))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(now.sealed, b"v1");
    assert_eq!(now.version, read.version + 1);
}
contract!(a_window_grows_once_per_version);

fn reply(uuid: &str, seconds: i64) -> QueuedReply {
    QueuedReply {
        uuid: uuid.into(),
        sealed: format!("sealed {uuid}").into_bytes(),
        queued_at: when(seconds),
    }
}

async fn a_queued_reply_is_handed_to_one_fetch_then_sent_then_forgotten(store: &Store) {
    let day = when(86_400);
    store
        .queue_sms_reply(&reply("b", 2), "her", day)
        .await
        .unwrap();
    store
        .queue_sms_reply(&reply("a", 1), "her", day)
        .await
        .unwrap();
    store
        .queue_sms_reply(&reply("c", 3), "other", day)
        .await
        .unwrap();
    let lease = when(10) + time::Duration::minutes(5);
    let got = store.claim_sms_replies(when(10), lease).await.unwrap();
    let uuids: Vec<&str> = got.iter().map(|r| r.uuid.as_str()).collect();
    assert_eq!(uuids, ["a", "b", "c"], "oldest first");
    assert_eq!(got[0], reply("a", 1));
    assert!(
        store
            .claim_sms_replies(when(11), lease)
            .await
            .unwrap()
            .is_empty(),
        "held for the first fetch"
    );
    // Never confirmed: handed out again once the lease has run out.
    let again = store
        .claim_sms_replies(lease, lease + time::Duration::minutes(5))
        .await
        .unwrap();
    assert_eq!(again.len(), 3);

    let confirmed = store
        .acknowledge_sms_replies(&["a".into(), "unknown".into()], when(12))
        .await
        .unwrap();
    assert_eq!(confirmed, ["a"]);
    assert!(
        store
            .acknowledge_sms_replies(&["a".into()], when(12))
            .await
            .unwrap()
            .is_empty(),
        "confirmed once"
    );
    assert_eq!(
        store.sms_replies_awaiting_result(when(13)).await.unwrap(),
        ["a"]
    );
    assert_eq!(
        store.drop_sms_replies_to("her").await.unwrap(),
        1,
        "b, not a being sent"
    );
    assert_eq!(
        store
            .finish_sms_replies(&["a".into(), "c".into()])
            .await
            .unwrap(),
        1
    );
    assert_eq!(store.sms_replies_held().await.unwrap(), 1);
    assert_eq!(store.prune_sms_replies(when(86_399)).await.unwrap(), 0);
    assert_eq!(store.prune_sms_replies(day).await.unwrap(), 1);
    assert_eq!(store.sms_replies_held().await.unwrap(), 0);
}
contract!(a_queued_reply_is_handed_to_one_fetch_then_sent_then_forgotten);

async fn the_reply_queue_is_bounded_oldest_first(store: &Store) {
    let day = when(86_400);
    for i in 0..MAX_QUEUED_REPLIES + 3 {
        store
            .queue_sms_reply(&reply(&format!("r{i:05}"), i), "k", day)
            .await
            .unwrap();
    }
    assert_eq!(
        store.sms_replies_held().await.unwrap(),
        u64::try_from(MAX_QUEUED_REPLIES).unwrap()
    );
    let got = store.claim_sms_replies(when(0), when(1)).await.unwrap();
    assert_eq!(got[0].uuid, "r00003", "the three oldest went");
}
contract!(the_reply_queue_is_bounded_oldest_first);
