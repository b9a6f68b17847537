//! Storage contract of responses from the public: stored sealed and waiting, a form token
//! spent with its response, decisions applied once and only to waiting responses (a
//! rejection deleting the sealed content), the public list showing only approved ones, and a
//! receipt that changes or deletes a response and takes its public record down.

use naqsha_core::ids::{CaseId, ResponseId};
use naqsha_core::lang::Lang;
use naqsha_core::response::{
    Licence, PublicLink, PublishedResponse, ResponseBody, ResponseKind, ResponseStatus,
    ResponseTarget,
};
use naqsha_core::text::{CreativeTitle, Pseudonym, ResponseText};

use super::*;

fn body(kind: ResponseKind, text: &str) -> ResponseBody {
    ResponseBody {
        kind,
        lang: Lang::UR,
        text: Some(ResponseText::parse(text).unwrap()),
        pseudonym: None,
        title: None,
        link: None,
        licence: None,
    }
}

fn arriving(
    keys: &OrgKeyPair,
    target: &ResponseTarget,
    body: &ResponseBody,
    receipt: &str,
    flagged: bool,
) -> NewResponse {
    NewResponse {
        id: ResponseId::random(),
        receipt_hash: receipt.to_owned(),
        target: target.clone(),
        kind: body.kind,
        lang: body.lang,
        sealed: sealing::seal(&keys.public, &serde_json::to_vec(body).unwrap()),
        sealed_image: None,
        flagged,
        at: datetime!(2026-11-30 14:37:12 UTC),
    }
}

fn event() -> AuditEvent {
    AuditEvent::now(None, AuditAction::ResponseDecision)
}

async fn responses_wait_sealed_until_approved(store: &Store) {
    let keys = OrgKeyPair::generate();
    let mona = user("mona-responses", Role::Moderator);
    store.insert_user(&mona).await.unwrap();
    let story = ResponseTarget::Story(CaseId::random());
    let campaign = ResponseTarget::Campaign("16-days".into());
    let support = body(ResponseKind::Support, "آپ اکیلی نہیں ہیں");
    let a = arriving(&keys, &story, &support, "r-a", false);
    let b = arriving(
        &keys,
        &story,
        &body(ResponseKind::Helped, "blocking"),
        "r-b",
        true,
    );
    let mut creative = body(ResponseKind::Creative, "a poem");
    creative.title = Some(CreativeTitle::parse("Dawn").unwrap());
    creative.licence = Some(Licence::CcByNc);
    creative.link = Some(PublicLink::parse("https://example.org/podcast/1").unwrap());
    creative.pseudonym = Some(Pseudonym::parse("Sana").unwrap());
    let c = arriving(&keys, &campaign, &creative, "r-c", false);
    let token = SpentToken {
        nonce: "nonce-responses".into(),
        expires_at: datetime!(2026-12-01 00:00 UTC),
    };
    store.add_response(&a, Some(&token), None).await.unwrap();
    // The same token cannot carry a second response, and that one is not stored.
    let again = arriving(&keys, &story, &support, "r-again", false);
    assert!(matches!(
        store.add_response(&again, Some(&token), None).await,
        Err(StorageError::Conflict("form_token"))
    ));
    assert_eq!(store.response(again.id).await.unwrap(), None);
    store.add_response(&b, None, None).await.unwrap();
    store.add_response(&c, None, None).await.unwrap();

    let stored = store.response_by_receipt("r-a").await.unwrap().unwrap();
    assert_eq!(stored.id, a.id);
    assert_eq!(stored.status, ResponseStatus::Pending);
    assert_eq!(stored.target, story);
    assert_eq!(stored.lang, Lang::UR);
    assert_eq!(
        stored.received_at,
        datetime!(2026-11-30 14:00 UTC),
        "arrival kept to the hour"
    );
    let opened: ResponseBody = serde_json::from_slice(
        &sealing::open(&keys.secret, stored.sealed.as_ref().unwrap()).unwrap(),
    )
    .unwrap();
    assert_eq!(opened, support);
    assert_eq!(store.response_by_receipt("nope").await.unwrap(), None);

    assert_eq!(store.waiting_response_counts().await.unwrap(), (3, 1));
    let flagged = store
        .waiting_responses(
            WaitingFilter {
                flagged: Some(true),
                kind: None,
            },
            10,
            0,
        )
        .await
        .unwrap();
    assert_eq!(flagged.iter().map(|r| r.id).collect::<Vec<_>>(), vec![b.id]);
    let creative_only = store
        .waiting_responses(
            WaitingFilter {
                flagged: None,
                kind: Some(ResponseKind::Creative),
            },
            10,
            0,
        )
        .await
        .unwrap();
    assert_eq!(creative_only.len(), 1);

    // Nothing is public before a decision.
    let all = PublicResponseFilter::default();
    assert!(
        store
            .published_responses(&all, 10, 0)
            .await
            .unwrap()
            .is_empty()
    );

    let decided = store
        .decide_responses(
            &[
                ResponseDecision::Approve {
                    id: a.id,
                    public: Box::new(PublishedResponse::from_body(&support, story.clone())),
                    image: None,
                },
                ResponseDecision::Reject { id: b.id },
                ResponseDecision::Approve {
                    id: c.id,
                    public: Box::new(PublishedResponse::from_body(&creative, campaign.clone())),
                    image: Some(ResponseImage {
                        bytes: b"\x89PNG fake".to_vec(),
                        content_type: "image/png".into(),
                    }),
                },
            ],
            mona.id,
            &event(),
        )
        .await
        .unwrap();
    assert_eq!(
        decided,
        Decided {
            approved: 2,
            rejected: 1,
            stale: 0
        }
    );
    // A second moderator deciding the same ones changes nothing.
    let twice = store
        .decide_responses(&[ResponseDecision::Reject { id: a.id }], mona.id, &event())
        .await
        .unwrap();
    assert_eq!(twice.stale, 1);
    assert_eq!(store.waiting_response_counts().await.unwrap(), (0, 0));

    let rejected = store.response(b.id).await.unwrap().unwrap();
    assert_eq!(rejected.status, ResponseStatus::Rejected);
    assert_eq!(rejected.sealed, None, "a rejection deletes what she wrote");
    assert_eq!(rejected.decided_by, Some(mona.id));

    let on_story = store
        .published_responses(
            &PublicResponseFilter {
                target: Some(story.clone()),
                kind: None,
            },
            10,
            0,
        )
        .await
        .unwrap();
    assert_eq!(on_story.len(), 1);
    assert_eq!(on_story[0].response.text, support.text);
    assert_eq!(on_story[0].response.pseudonym, None);
    assert!(!on_story[0].has_image);
    let gallery = PublicResponseFilter {
        target: Some(campaign.clone()),
        kind: Some(ResponseKind::Creative),
    };
    let shown = store.published_responses(&gallery, 10, 0).await.unwrap();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].response.licence, Some(Licence::CcByNc));
    assert_eq!(
        shown[0].response.pseudonym.as_ref().unwrap().as_str(),
        "Sana"
    );
    assert!(shown[0].has_image);
    assert_eq!(store.count_published_responses(&gallery).await.unwrap(), 1);
    assert_eq!(store.count_published_responses(&all).await.unwrap(), 2);
    let image = store.published_response_image(c.id).await.unwrap().unwrap();
    assert_eq!(image.content_type, "image/png");
    assert_eq!(store.published_response_image(a.id).await.unwrap(), None);
    let helped = PublicResponseFilter {
        target: None,
        kind: Some(ResponseKind::Helped),
    };
    assert_eq!(store.count_published_responses(&helped).await.unwrap(), 0);
}
contract!(responses_wait_sealed_until_approved);

async fn a_receipt_changes_or_deletes_its_response(store: &Store) {
    let keys = OrgKeyPair::generate();
    let mona = user("mona-receipts", Role::Moderator);
    store.insert_user(&mona).await.unwrap();
    let story = ResponseTarget::Story(CaseId::random());
    let first = body(ResponseKind::Support, "first words");
    let a = arriving(&keys, &story, &first, "receipt-1", false);
    store.add_response(&a, None, None).await.unwrap();
    store
        .decide_responses(
            &[ResponseDecision::Approve {
                id: a.id,
                public: Box::new(PublishedResponse::from_body(&first, story.clone())),
                image: None,
            }],
            mona.id,
            &event(),
        )
        .await
        .unwrap();
    let on_story = PublicResponseFilter {
        target: Some(story.clone()),
        kind: None,
    };
    assert_eq!(store.count_published_responses(&on_story).await.unwrap(), 1);

    // Her edit takes the public version down at once and waits again.
    let edited = sealing::seal(
        &keys.public,
        &serde_json::to_vec(&body(ResponseKind::Support, "second")).unwrap(),
    );
    assert_eq!(
        store
            .replace_response_by_receipt(
                "receipt-1",
                &edited,
                None,
                true,
                &AuditEvent::now(None, AuditAction::ResponseWithdrawn)
            )
            .await
            .unwrap(),
        ByReceipt::WasPublic
    );
    assert_eq!(store.count_published_responses(&on_story).await.unwrap(), 0);
    let waiting = store.response(a.id).await.unwrap().unwrap();
    assert_eq!(waiting.status, ResponseStatus::Pending);
    assert!(waiting.flagged);
    assert_eq!(waiting.decided_by, None);
    let opened: ResponseBody = serde_json::from_slice(
        &sealing::open(&keys.secret, waiting.sealed.as_ref().unwrap()).unwrap(),
    )
    .unwrap();
    assert_eq!(opened.text.unwrap().as_str(), "second");
    assert_eq!(
        store
            .replace_response_by_receipt(
                "other",
                &edited,
                None,
                false,
                &AuditEvent::now(None, AuditAction::ResponseWithdrawn)
            )
            .await
            .unwrap(),
        ByReceipt::NotFound
    );

    assert_eq!(
        store
            .delete_response_by_receipt(
                "receipt-1",
                &AuditEvent::now(None, AuditAction::ResponseWithdrawn)
            )
            .await
            .unwrap(),
        ByReceipt::WasNotPublic
    );
    assert_eq!(store.response(a.id).await.unwrap(), None);
    assert_eq!(
        store
            .delete_response_by_receipt(
                "receipt-1",
                &AuditEvent::now(None, AuditAction::ResponseWithdrawn)
            )
            .await
            .unwrap(),
        ByReceipt::NotFound
    );
    // A moderator's late decision on a deleted response changes nothing.
    let late = store
        .decide_responses(&[ResponseDecision::Reject { id: a.id }], mona.id, &event())
        .await
        .unwrap();
    assert_eq!(late.stale, 1);
    let entries = store
        .audit_events(&AuditFilter::default(), 100, 0)
        .await
        .unwrap();
    assert!(
        entries
            .iter()
            .filter(|e| e.action == AuditAction::ResponseWithdrawn)
            .count()
            >= 2
    );
}
contract!(a_receipt_changes_or_deletes_its_response);

/// The public side reads approved responses through its own role, which gives what an
/// approval wrote and nothing that waits.
async fn the_public_role_reads_approved_responses_only(store: &Store) {
    let keys = OrgKeyPair::generate();
    let mona = user("mona-public-role", Role::Moderator);
    store.insert_user(&mona).await.unwrap();
    let story = ResponseTarget::Story(CaseId::random());
    let approved = body(ResponseKind::Helped, "بلاک کرنے سے مدد ملی");
    let waiting = body(ResponseKind::Helped, "ابھی انتظار میں");
    let a = arriving(&keys, &story, &approved, "r-public-a", false);
    let b = arriving(&keys, &story, &waiting, "r-public-b", false);
    store.add_response(&a, None, None).await.unwrap();
    store.add_response(&b, None, None).await.unwrap();
    let helped = PublicResponseFilter {
        target: None,
        kind: Some(ResponseKind::Helped),
    };
    assert!(
        PublicStore::approved_responses(store, &helped, 10, 0)
            .await
            .unwrap()
            .is_empty(),
        "nothing before approval"
    );
    store
        .decide_responses(
            &[ResponseDecision::Approve {
                id: a.id,
                public: Box::new(PublishedResponse::from_body(&approved, story.clone())),
                image: None,
            }],
            mona.id,
            &event(),
        )
        .await
        .unwrap();
    let public = PublicStore::approved_responses(store, &helped, 10, 0)
        .await
        .unwrap();
    assert_eq!(public.len(), 1);
    assert_eq!(public[0].id, a.id);
    assert_eq!(public[0].response.text, approved.text);
    assert_eq!(
        public,
        store.published_responses(&helped, 10, 0).await.unwrap()
    );
}
contract!(the_public_role_reads_approved_responses_only);
