//! Storage contract of the moderation queue of responses: the ids of waiting ones, oldest
//! first and filtered, for a decision on all of them (every flagged one) without reading
//! their sealed content.

use naqsha_core::ids::{CaseId, ResponseId};
use naqsha_core::lang::Lang;
use naqsha_core::response::{ResponseBody, ResponseKind, ResponseTarget};
use naqsha_core::text::ResponseText;

use super::*;

fn waiting(keys: &OrgKeyPair, n: usize, flagged: bool, at: OffsetDateTime) -> NewResponse {
    let body = ResponseBody {
        kind: ResponseKind::Support,
        lang: Lang::EN,
        text: Some(ResponseText::parse(&format!("message {n}")).unwrap()),
        pseudonym: None,
        title: None,
        link: None,
        licence: None,
    };
    NewResponse {
        id: ResponseId::random(),
        receipt_hash: format!("queue-{n}"),
        target: ResponseTarget::Story(CaseId::random()),
        kind: body.kind,
        lang: body.lang,
        sealed: sealing::seal(&keys.public, &serde_json::to_vec(&body).unwrap()),
        sealed_image: None,
        flagged,
        at,
    }
}

async fn waiting_ids_are_oldest_first_filtered_and_limited(store: &Store) {
    let keys = OrgKeyPair::generate();
    let mona = user("mona-queue", Role::Moderator);
    store.insert_user(&mona).await.unwrap();
    let late = waiting(&keys, 1, true, datetime!(2026-11-30 16:10 UTC));
    let early = waiting(&keys, 2, true, datetime!(2026-11-30 14:10 UTC));
    let calm = waiting(&keys, 3, false, datetime!(2026-11-30 15:10 UTC));
    for r in [&late, &early, &calm] {
        store.add_response(r, None, None).await.unwrap();
    }
    let flagged = WaitingFilter {
        flagged: Some(true),
        kind: None,
    };
    assert_eq!(
        store.waiting_response_ids(flagged, 10).await.unwrap(),
        vec![early.id, late.id]
    );
    assert_eq!(
        store.waiting_response_ids(flagged, 1).await.unwrap(),
        vec![early.id]
    );
    assert_eq!(
        store
            .waiting_response_ids(WaitingFilter::default(), 10)
            .await
            .unwrap(),
        vec![early.id, calm.id, late.id]
    );
    let helped_only = WaitingFilter {
        flagged: None,
        kind: Some(ResponseKind::Helped),
    };
    assert!(
        store
            .waiting_response_ids(helped_only, 10)
            .await
            .unwrap()
            .is_empty()
    );
    // A decided response is no longer waiting.
    store
        .decide_responses(
            &[ResponseDecision::Reject { id: early.id }],
            mona.id,
            &AuditEvent::now(Some(mona.id), AuditAction::ResponseDecision),
        )
        .await
        .unwrap();
    assert_eq!(
        store.waiting_response_ids(flagged, 10).await.unwrap(),
        vec![late.id]
    );
}
contract!(waiting_ids_are_oldest_first_filtered_and_limited);
