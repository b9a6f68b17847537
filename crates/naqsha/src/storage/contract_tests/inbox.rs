//! Storage contracts of the inbox: kinds kept at intake and recoded, filters by kind and
//! assignee, counting for paging, assignment, duplicate links, and the coded-cases list.

use super::*;

async fn staff_member(store: &Store, name: &str) -> User {
    let u = user(name, Role::Moderator);
    store.insert_user(&u).await.unwrap();
    u
}

async fn inbox_rows_carry_kinds_assignee_and_filters(store: &Store) {
    let keys = OrgKeyPair::generate();
    let amina = staff_member(store, "amina").await;
    let mut a = new_submission(&keys.public, None);
    a.kinds = vec![
        "online_harassment_cyberstalking".into(),
        "intimate_partner_violence".into(),
    ];
    a.envelope.received_hour = datetime!(2026-05-07 08:00 UTC);
    let mut b = new_submission(&keys.public, None);
    b.kinds = vec!["intimate_partner_violence".into()];
    b.envelope.received_hour = datetime!(2026-05-06 08:00 UTC);
    let c = new_submission(&keys.public, None);
    for s in [&a, &b, &c] {
        store
            .insert_submission(s, &Arrival::default())
            .await
            .unwrap();
    }

    let rows = store
        .inbox_rows(&InboxFilter::default(), 10, 0)
        .await
        .unwrap();
    assert_eq!(
        rows.iter().map(|r| r.envelope.id).collect::<Vec<_>>(),
        vec![a.envelope.id, b.envelope.id, c.envelope.id]
    );
    assert_eq!(
        rows[0].kinds,
        vec![
            "intimate_partner_violence",
            "online_harassment_cyberstalking"
        ],
        "kinds read back sorted"
    );
    assert!(rows[2].kinds.is_empty());
    assert_eq!(rows[0].envelope, a.envelope);
    assert_eq!(store.inbox_count(&InboxFilter::default()).await.unwrap(), 3);

    let ipv = InboxFilter {
        kind: Some("intimate_partner_violence".into()),
        ..Default::default()
    };
    assert_eq!(store.inbox_count(&ipv).await.unwrap(), 2);
    let harassment = InboxFilter {
        kind: Some("online_harassment_cyberstalking".into()),
        ..Default::default()
    };
    let found = store.inbox_rows(&harassment, 10, 0).await.unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].envelope.id, a.envelope.id);
    let partial = InboxFilter {
        kind: Some("violence".into()),
        ..Default::default()
    };
    assert_eq!(
        store.inbox_count(&partial).await.unwrap(),
        0,
        "a kind matches whole terms only"
    );

    // Assignment and the assignee filters.
    assert!(store.assign(b.envelope.id, Some(amina.id)).await.unwrap());
    assert!(
        !store
            .assign(SubmissionId::random(), Some(amina.id))
            .await
            .unwrap()
    );
    let row = store.inbox_row(b.envelope.id).await.unwrap().unwrap();
    assert_eq!(row.assigned_to, Some(amina.id));
    assert_eq!(row.assignee.as_deref(), Some("amina"));
    assert!(
        store
            .inbox_row(SubmissionId::random())
            .await
            .unwrap()
            .is_none()
    );
    let count = |assigned| {
        let f = InboxFilter {
            assigned,
            ..Default::default()
        };
        async move { store.inbox_count(&f).await.unwrap() }
    };
    assert_eq!(count(Assigned::Anyone).await, 3);
    assert_eq!(count(Assigned::Nobody).await, 2);
    assert_eq!(count(Assigned::To(amina.id)).await, 1);
    assert_eq!(count(Assigned::To(UserId::random())).await, 0);
    assert_eq!(count(Assigned::NobodyOr(amina.id)).await, 3);
    assert_eq!(count(Assigned::NobodyOr(UserId::random())).await, 2);
    let ipv_nobody = InboxFilter {
        kind: Some("intimate_partner_violence".into()),
        assigned: Assigned::Nobody,
        ..Default::default()
    };
    assert_eq!(
        store.inbox_rows(&ipv_nobody, 10, 0).await.unwrap()[0]
            .envelope
            .id,
        a.envelope.id,
        "filters combine"
    );
    assert!(store.assign(b.envelope.id, None).await.unwrap());
    assert_eq!(count(Assigned::Nobody).await, 3);

    // Paging: limit and offset over the same order as the count.
    let second = store
        .inbox_rows(&InboxFilter::default(), 2, 2)
        .await
        .unwrap();
    assert_eq!(
        second.iter().map(|r| r.envelope.id).collect::<Vec<_>>(),
        vec![c.envelope.id]
    );

    // Recoding replaces the kinds.
    assert!(
        store
            .set_submission_kinds(c.envelope.id, &["rape_sexual_assault".into()])
            .await
            .unwrap()
    );
    assert!(
        store
            .set_submission_kinds(a.envelope.id, &[])
            .await
            .unwrap()
    );
    assert!(
        !store
            .set_submission_kinds(SubmissionId::random(), &[])
            .await
            .unwrap()
    );
    assert_eq!(
        store.inbox_row(c.envelope.id).await.unwrap().unwrap().kinds,
        vec!["rape_sexual_assault"]
    );
    assert!(
        store
            .inbox_row(a.envelope.id)
            .await
            .unwrap()
            .unwrap()
            .kinds
            .is_empty()
    );
    assert_eq!(store.inbox_count(&harassment).await.unwrap(), 0);
}
contract!(inbox_rows_carry_kinds_assignee_and_filters);

async fn duplicates_are_linked_archived_and_unlinked(store: &Store) {
    let keys = OrgKeyPair::generate();
    let survivor = new_submission(&keys.public, None);
    let news = new_submission(&keys.public, None);
    let published = new_submission(&keys.public, None);
    let gone = new_submission(&keys.public, Some("r-gone"));
    for s in [&survivor, &news, &published, &gone] {
        store
            .insert_submission(s, &Arrival::default())
            .await
            .unwrap();
    }
    let (s, n) = (survivor.envelope.id, news.envelope.id);

    assert!(store.mark_duplicate(n, Some(s)).await.unwrap());
    let row = store.inbox_row(n).await.unwrap().unwrap();
    assert_eq!(row.duplicate_of, Some(s));
    assert_eq!(
        row.envelope.status,
        SubmissionStatus::Archived,
        "the linked copy is archived so the case counts once"
    );
    assert_eq!(
        store.inbox_row(s).await.unwrap().unwrap().envelope.status,
        SubmissionStatus::New
    );
    assert!(store.mark_duplicate(n, None).await.unwrap());
    let row = store.inbox_row(n).await.unwrap().unwrap();
    assert_eq!(row.duplicate_of, None);
    assert_eq!(
        row.envelope.status,
        SubmissionStatus::Archived,
        "unlinking leaves the status"
    );

    store
        .set_submission_status(published.envelope.id, SubmissionStatus::Published)
        .await
        .unwrap();
    assert!(
        store
            .mark_duplicate(published.envelope.id, Some(s))
            .await
            .unwrap()
    );
    assert_eq!(
        store
            .inbox_row(published.envelope.id)
            .await
            .unwrap()
            .unwrap()
            .envelope
            .status,
        SubmissionStatus::Published
    );
    store.withdraw_submission(gone.envelope.id).await.unwrap();
    store
        .mark_duplicate(gone.envelope.id, Some(s))
        .await
        .unwrap();
    assert_eq!(
        store
            .inbox_row(gone.envelope.id)
            .await
            .unwrap()
            .unwrap()
            .envelope
            .status,
        SubmissionStatus::Withdrawn
    );
    assert!(
        !store
            .mark_duplicate(SubmissionId::random(), Some(s))
            .await
            .unwrap()
    );

    let mut with_report = store.submissions_with_report().await.unwrap();
    with_report.sort();
    let mut expected = vec![s, n, published.envelope.id];
    expected.sort();
    assert_eq!(with_report, expected, "withdrawn reports give no hints");
}
contract!(duplicates_are_linked_archived_and_unlinked);

async fn cases_in_every_status_are_listed(store: &Store) {
    let mut published =
        published_case("pk-pb", "2024-03", &[("kind", "intimate_partner_violence")]);
    published.updated_at = datetime!(2026-02-01 00:00 UTC);
    let mut review = published_case(
        "pk-sd",
        "2025-01",
        &[("kind", "online_harassment_cyberstalking")],
    );
    review.status = CaseStatus::InReview;
    review.published_at = None;
    review.updated_at = datetime!(2026-03-01 00:00 UTC);
    let mut archived = published_case("pk-pb", "2023-05", &[]);
    archived.status = CaseStatus::Archived;
    archived.updated_at = datetime!(2026-01-01 00:00 UTC);
    store
        .save_cases(&[published.clone(), review.clone(), archived.clone()])
        .await
        .unwrap();

    let all = store
        .cases(&CaseListFilter::default(), 10, 0)
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![review.id, published.id, archived.id],
        "every status, most recently changed first"
    );
    assert_eq!(all[0], review);
    assert_eq!(
        store.count_cases(&CaseListFilter::default()).await.unwrap(),
        3
    );
    let in_review = CaseListFilter {
        status: Some(CaseStatus::InReview),
        ..Default::default()
    };
    assert_eq!(
        store.cases(&in_review, 10, 0).await.unwrap()[0].id,
        review.id
    );
    let ipv = CaseListFilter {
        kind: Some("intimate_partner_violence".into()),
        ..Default::default()
    };
    assert_eq!(store.count_cases(&ipv).await.unwrap(), 1);
    let punjab = CaseListFilter {
        province: Some(province("pk-pb")),
        ..Default::default()
    };
    assert_eq!(store.count_cases(&punjab).await.unwrap(), 2);
    let punjab_archived = CaseListFilter {
        status: Some(CaseStatus::Archived),
        province: Some(province("pk-pb")),
        ..Default::default()
    };
    assert_eq!(
        store.cases(&punjab_archived, 10, 0).await.unwrap()[0].id,
        archived.id
    );
    assert_eq!(
        store.cases(&CaseListFilter::default(), 1, 1).await.unwrap()[0].id,
        published.id
    );
}
contract!(cases_in_every_status_are_listed);
