//! Storage contract of the conversation with a reporter: one reply key per report, messages
//! sealed and in order (hers dated to the hour), approval rounds answered once and only the
//! latest, a consent change taking down what was public, and all of it gone on withdrawal.

use naqsha_core::conversation::{ApprovalAnswer, MessageKind};
use naqsha_core::ids::MessageId;
use naqsha_core::sealing::ReplyKey;

use super::*;

fn reply_key_row(receipt: &str) -> ReplyKeyRow {
    let salt = ReplyKey::new_salt();
    let key = ReplyKey::derive(receipt, &salt, KdfParams::INSECURE_FAST_FOR_TESTS).unwrap();
    ReplyKeyRow {
        recipient: key.recipient(),
        salt: salt.to_vec(),
        kdf: KdfParams::INSECURE_FAST_FOR_TESTS,
    }
}

fn message(
    submission: SubmissionId,
    author: Option<UserId>,
    kind: MessageKind,
    to: &[sealing::OrgPublicKey],
    text: &[u8],
    at: OffsetDateTime,
) -> NewMessage {
    NewMessage {
        id: MessageId::random(),
        submission,
        author,
        kind,
        sealed: sealing::seal_to_recipients(to, text).unwrap(),
        at,
    }
}

async fn stored(store: &Store, receipt: &str) -> (OrgKeyPair, User, SubmissionId) {
    let keys = OrgKeyPair::generate();
    let mona = user(&format!("mona-{}", SubmissionId::random()), Role::Moderator);
    store.insert_user(&mona).await.unwrap();
    let s = new_submission(&keys.public, Some(receipt));
    let id = s.envelope.id;
    store
        .insert_submission(&s, &Arrival::default())
        .await
        .unwrap();
    (keys, mona, id)
}

async fn a_report_keeps_its_first_reply_key(store: &Store) {
    let (_, _, id) = stored(store, "receipt-hash-c").await;
    assert_eq!(store.reply_key(id).await.unwrap(), None);
    let first = reply_key_row("one two three");
    assert!(store.set_reply_key_if_absent(id, &first).await.unwrap());
    assert!(
        !store
            .set_reply_key_if_absent(id, &reply_key_row("other"))
            .await
            .unwrap()
    );
    assert_eq!(store.reply_key(id).await.unwrap(), Some(first));
}
contract!(a_report_keeps_its_first_reply_key);

async fn a_report_is_stored_with_the_reply_key_of_its_arrival(store: &Store) {
    let keys = OrgKeyPair::generate();
    let row = reply_key_row("four five six");
    let with_key = new_submission(&keys.public, Some("receipt-hash-k"));
    store
        .insert_submission(
            &with_key,
            &Arrival {
                reply_key: Some(row.clone()),
                ..Arrival::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        store.reply_key(with_key.envelope.id).await.unwrap(),
        Some(row.clone())
    );
    // A report refused (its receipt is taken) leaves no key behind.
    let clash = new_submission(&keys.public, Some("receipt-hash-k"));
    let refused = store
        .insert_submission(
            &clash,
            &Arrival {
                reply_key: Some(row),
                ..Arrival::default()
            },
        )
        .await;
    assert!(refused.is_err());
    assert_eq!(store.reply_key(clash.envelope.id).await.unwrap(), None);
}
contract!(a_report_is_stored_with_the_reply_key_of_its_arrival);

async fn messages_come_back_sealed_in_order_and_hers_to_the_hour(store: &Store) {
    let (keys, mona, id) = stored(store, "receipt-hash-c").await;
    let row = reply_key_row("seven words");
    store.set_reply_key_if_absent(id, &row).await.unwrap();
    let to = [keys.public.clone(), row.recipient.clone()];
    let reply = message(
        id,
        Some(mona.id),
        MessageKind::Reply,
        &to,
        b"May we call you?",
        datetime!(2026-05-06 10:20:42 UTC),
    );
    let audit = AuditEvent::now(Some(mona.id), AuditAction::ReplySent).subject(id);
    store.add_message(&reply, Some(&audit)).await.unwrap();
    let answer = message(
        id,
        None,
        MessageKind::Answer,
        &to,
        b"Yes, after four",
        datetime!(2026-05-06 10:47:01 UTC),
    );
    store.add_message(&answer, None).await.unwrap();

    // Stored in this order though her answer is dated 10:00 and the reply 10:20.
    let got = store.messages(id).await.unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(
        (
            got[0].id,
            got[0].kind,
            got[0].author,
            got[0].author_name.as_deref()
        ),
        (
            reply.id,
            MessageKind::Reply,
            Some(mona.id),
            Some(mona.username.as_str())
        )
    );
    assert_eq!(got[0].created_at, datetime!(2026-05-06 10:20:42 UTC));
    assert_eq!(got[0].sealed, reply.sealed);
    assert_eq!((got[1].kind, got[1].author), (MessageKind::Answer, None));
    assert_eq!(
        got[1].created_at,
        datetime!(2026-05-06 10:00 UTC),
        "her message is dated to the hour"
    );
    // A staff message written later in the same hour sorts after hers.
    let later = message(
        id,
        Some(mona.id),
        MessageKind::Reply,
        &to,
        b"Thank you",
        datetime!(2026-05-06 10:50:00 UTC),
    );
    store.add_message(&later, None).await.unwrap();
    let got = store.messages(id).await.unwrap();
    assert_eq!(got.len(), 3);
    assert_eq!(got[2].id, later.id);
    assert_eq!(
        &sealing::open(&keys.secret, &got[1].sealed).unwrap()[..],
        b"Yes, after four"
    );
    let events = store
        .audit_events(&AuditFilter::default(), 10, 0)
        .await
        .unwrap();
    assert!(events.iter().any(|e| e.action == AuditAction::ReplySent));
    assert!(
        store
            .messages(SubmissionId::random())
            .await
            .unwrap()
            .is_empty()
    );
}
contract!(messages_come_back_sealed_in_order_and_hers_to_the_hour);

async fn only_the_latest_round_is_answered_and_only_once(store: &Store) {
    let (keys, mona, id) = stored(store, "receipt-hash-c").await;
    let to = [keys.public.clone()];
    let at = datetime!(2026-05-07 08:00 UTC);
    let first = message(id, Some(mona.id), MessageKind::Proposal, &to, b"p1", at);
    assert_eq!(store.send_proposal(&first, "d1", None).await.unwrap(), 1);
    let second = message(id, Some(mona.id), MessageKind::Proposal, &to, b"p2", at);
    assert_eq!(store.send_proposal(&second, "d2", None).await.unwrap(), 2);

    let decision = |text: &[u8]| message(id, None, MessageKind::Decision, &to, text, at);
    assert_eq!(
        store
            .answer_proposal(1, ApprovalAnswer::Approved, &decision(b"old"))
            .await
            .unwrap(),
        Answered::Stale,
        "a replaced proposal cannot be approved"
    );
    assert_eq!(
        store
            .answer_proposal(2, ApprovalAnswer::Changes, &decision(b"change the month"))
            .await
            .unwrap(),
        Answered::Stored
    );
    assert_eq!(
        store
            .answer_proposal(2, ApprovalAnswer::Approved, &decision(b"again"))
            .await
            .unwrap(),
        Answered::Stale,
        "answered once"
    );
    let rounds = store.approval_rounds(id).await.unwrap();
    assert_eq!(rounds.len(), 2);
    assert_eq!((rounds[0].round, rounds[0].answer), (1, None));
    assert_eq!(
        (
            rounds[1].round,
            rounds[1].digest.as_str(),
            rounds[1].answer,
            rounds[1].message,
            rounds[1].sent_by
        ),
        (
            2,
            "d2",
            Some(ApprovalAnswer::Changes),
            second.id,
            Some(mona.id)
        )
    );
    let kinds: Vec<_> = store
        .messages(id)
        .await
        .unwrap()
        .iter()
        .map(|m| m.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            MessageKind::Proposal,
            MessageKind::Proposal,
            MessageKind::Decision
        ],
        "stale answers store no message"
    );
}
contract!(only_the_latest_round_is_answered_and_only_once);

async fn a_consent_change_takes_down_what_was_public(store: &Store) {
    for (answer, left) in [
        (
            ApprovalAnswer::StatisticsOnly,
            Some(CaseStatus::StatisticsOnly),
        ),
        (ApprovalAnswer::Private, None),
    ] {
        let receipt = format!("receipt-hash-{answer}");
        let (keys, mona, id) = stored(store, &receipt).await;
        let mut case = published_case("pk-pb", "2026-04", &[]);
        case.submission = Some(id);
        store.save_case(&case).await.unwrap();
        let before = store.publication_generation().await.unwrap();
        let to = [keys.public.clone()];
        let at = datetime!(2026-05-07 08:00 UTC);
        let p = message(id, Some(mona.id), MessageKind::Proposal, &to, b"p", at);
        store.send_proposal(&p, "d", None).await.unwrap();
        let d = message(id, None, MessageKind::Decision, &to, b"", at);
        assert_eq!(
            store.answer_proposal(1, answer, &d).await.unwrap(),
            Answered::Stored
        );
        let envelope = store
            .submission_by_receipt(&receipt)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(Some(envelope.consent), answer.consent());
        let now = store.case(case.id).await.unwrap();
        assert_eq!(now.as_ref().map(|c| c.status), left, "{answer}");
        if let Some(c) = now {
            assert!(c.story_en.is_none() && c.story_ur.is_none());
            assert_eq!(c.consent, Consent::StatisticsOnly);
        }
        assert!(store.publication_generation().await.unwrap() > before);
    }
}
contract!(a_consent_change_takes_down_what_was_public);

async fn a_withdrawal_takes_the_conversation_with_it(store: &Store) {
    let (keys, mona, id) = stored(store, "receipt-hash-c").await;
    store
        .set_reply_key_if_absent(id, &reply_key_row("w"))
        .await
        .unwrap();
    let to = [keys.public.clone()];
    let at = datetime!(2026-05-07 08:00 UTC);
    store
        .add_message(
            &message(id, Some(mona.id), MessageKind::Reply, &to, b"r", at),
            None,
        )
        .await
        .unwrap();
    store
        .send_proposal(
            &message(id, Some(mona.id), MessageKind::Proposal, &to, b"p", at),
            "d",
            None,
        )
        .await
        .unwrap();
    assert!(store.withdraw_submission(id).await.unwrap());
    assert!(store.messages(id).await.unwrap().is_empty());
    assert!(store.approval_rounds(id).await.unwrap().is_empty());
    assert_eq!(store.reply_key(id).await.unwrap(), None);
    for table in ["conversation_messages", "reporter_approvals", "reply_keys"] {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) AS n FROM {table}"
        )))
        .fetch_one(store.pool())
        .await
        .unwrap();
        assert_eq!(
            sqlx::Row::try_get::<i64, _>(&row, "n").unwrap(),
            0,
            "{table}"
        );
    }
}
contract!(a_withdrawal_takes_the_conversation_with_it);
