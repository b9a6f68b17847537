//! Storage contract of four eyes on contact details: a request is recorded once, can only
//! be approved by someone else, once, and goes with its report.

use super::*;

async fn contact_requests_are_approved_by_someone_else_once(store: &Store) {
    let keys = OrgKeyPair::generate();
    let mona = user("mona", Role::Moderator);
    let cora = user("cora", Role::Coordinator);
    store.insert_user(&mona).await.unwrap();
    store.insert_user(&cora).await.unwrap();
    let s = new_submission(&keys.public, None);
    let id = s.envelope.id;
    store
        .insert_submission(&s, &Arrival::default())
        .await
        .unwrap();
    let audit = |who: &User| AuditEvent::now(Some(who.id), AuditAction::StatusChange).subject(id);
    let entries = || async {
        store
            .count_audit_events(&AuditFilter::default())
            .await
            .unwrap()
    };

    store
        .request_contact(id, mona.id, &audit(&mona))
        .await
        .unwrap();
    store
        .request_contact(id, mona.id, &audit(&mona))
        .await
        .unwrap();
    assert_eq!(entries().await, 1, "asked once, audited once");
    let asked = store.contact_requests(id).await.unwrap();
    assert_eq!(asked.len(), 1);
    assert_eq!((asked[0].by, asked[0].approved_by), (mona.id, None));

    assert!(
        !store
            .approve_contact(id, mona.id, mona.id, &audit(&mona))
            .await
            .unwrap()
    );
    assert!(
        !store
            .approve_contact(id, cora.id, mona.id, &audit(&mona))
            .await
            .unwrap()
    );
    assert!(
        store
            .approve_contact(id, mona.id, cora.id, &audit(&cora))
            .await
            .unwrap()
    );
    assert!(
        !store
            .approve_contact(id, mona.id, cora.id, &audit(&cora))
            .await
            .unwrap()
    );
    assert_eq!(entries().await, 2);
    assert_eq!(
        store.contact_requests(id).await.unwrap()[0].approved_by,
        Some(cora.id)
    );
    store.withdraw_submission(id).await.unwrap();
    assert!(
        store.contact_requests(id).await.unwrap().is_empty(),
        "a withdrawal takes its requests with it"
    );
}

contract!(contact_requests_are_approved_by_someone_else_once);
