//! Storage contract of the inbox's bulk actions: each is one transaction that reaches only
//! new and in-review reports (and, for a moderator, hers and nobody's), writes an audit entry
//! per report reached, and changes nothing when any of its writes fails.

use super::decisions::{heal, inject};
use super::*;
use crate::storage::{BulkChange, BulkWrite, InboxSort};
use naqsha_core::urgency::Urgency;

async fn statuses(
    store: &Store,
    ids: &[SubmissionId],
) -> Vec<(SubmissionStatus, Option<SubmissionId>)> {
    let mut out = Vec::new();
    for id in ids {
        let row = store.inbox_row(*id).await.unwrap().unwrap();
        out.push((row.envelope.status, row.duplicate_of));
    }
    out
}

async fn bulk_actions_are_one_transaction_and_reach_only_open_reports(store: &Store) {
    let keys = OrgKeyPair::generate();
    let mona = user("mona", Role::Moderator);
    let cora = user("cora", Role::Coordinator);
    store.insert_user(&mona).await.unwrap();
    store.insert_user(&cora).await.unwrap();
    let mut ids = Vec::new();
    for n in 0..6 {
        let mut s = new_submission(&keys.public, None);
        s.envelope.received_hour += time::Duration::hours(n);
        if n == 5 {
            s.envelope.urgency = Some(Urgency::Leak);
        }
        store
            .insert_submission(&s, &Arrival::default())
            .await
            .unwrap();
        ids.push(s.envelope.id);
    }
    // 0–2 nobody's and new; 3 in review, cora's; 4 published; 5 urgent (a threat to leak).
    store
        .set_submission_status(ids[3], SubmissionStatus::InReview)
        .await
        .unwrap();
    store.assign(ids[3], Some(cora.id)).await.unwrap();
    store
        .set_submission_status(ids[4], SubmissionStatus::Published)
        .await
        .unwrap();
    // A draft case of report 0, in review: archived with it.
    let draft = Case {
        submission: Some(ids[0]),
        status: CaseStatus::InReview,
        published_at: None,
        ..published_case("pk-pb", "2025-03", &[("kind", "blackmail")])
    };
    store.save_case(&draft).await.unwrap();

    // Urgent first, then newest; the urgent filter.
    let urgent_first = store.inbox(&InboxFilter::default(), 10, 0).await.unwrap();
    assert_eq!(urgent_first[0].id, ids[5]);
    assert_eq!(urgent_first[0].urgency, Some(Urgency::Leak));
    assert_eq!(urgent_first[1].id, ids[4], "then newest");
    let oldest = InboxFilter {
        sort: InboxSort::Oldest,
        ..Default::default()
    };
    assert_eq!(store.inbox(&oldest, 1, 0).await.unwrap()[0].id, ids[0]);
    let urgent = InboxFilter {
        urgent: Some(true),
        ..Default::default()
    };
    assert_eq!(store.inbox_count(&urgent).await.unwrap(), 1);
    let open = InboxFilter {
        statuses: vec![SubmissionStatus::New, SubmissionStatus::InReview],
        ..Default::default()
    };
    assert_eq!(store.inbox_count(&open).await.unwrap(), 5);

    // A moderator archives all six: her own and nobody's that are open, nothing else.
    let archive = BulkWrite {
        ids: &ids,
        change: BulkChange::Archive,
        only_for: Some(mona.id),
        actor: mona.id,
        detail: "bulk: archived, spam",
    };
    let audit_before = store
        .count_audit_events(&AuditFilter::default())
        .await
        .unwrap();
    let before = statuses(store, &ids).await;
    for (table, statement) in [
        ("submissions", "UPDATE"),
        ("cases", "UPDATE"),
        ("audit_events", "INSERT"),
    ] {
        inject(store, table, statement).await;
        let result = store.bulk_change(&archive).await;
        heal(store, table).await;
        assert!(result.is_err(), "{statement} on {table} is not written");
        assert_eq!(
            statuses(store, &ids).await,
            before,
            "{statement} on {table}"
        );
        assert_eq!(
            store
                .count_audit_events(&AuditFilter::default())
                .await
                .unwrap(),
            audit_before
        );
        assert_eq!(
            store
                .case_for_submission(ids[0])
                .await
                .unwrap()
                .unwrap()
                .status,
            CaseStatus::InReview
        );
    }
    let reached = store.bulk_change(&archive).await.unwrap();
    assert_eq!(reached, [ids[0], ids[1], ids[2], ids[5]]);
    assert_eq!(
        store
            .case_for_submission(ids[0])
            .await
            .unwrap()
            .unwrap()
            .status,
        CaseStatus::Archived
    );
    let after = statuses(store, &ids).await;
    assert_eq!(after[3].0, SubmissionStatus::InReview, "cora's is not hers");
    assert_eq!(
        after[4].0,
        SubmissionStatus::Published,
        "decided stays decided"
    );
    let entries = store
        .audit_events(&AuditFilter::default(), 100, 0)
        .await
        .unwrap();
    let mut subjects: Vec<String> = entries
        .iter()
        .filter(|e| e.detail.as_deref() == Some("bulk: archived, spam"))
        .map(|e| e.subject.clone().unwrap())
        .collect();
    subjects.sort();
    let mut want: Vec<String> = reached.iter().map(ToString::to_string).collect();
    want.sort();
    assert_eq!(subjects, want, "one entry per report reached");
    assert_eq!(
        store.bulk_change(&archive).await.unwrap(),
        Vec::<SubmissionId>::new(),
        "archived reports are not reached again"
    );

    // The coordinator reaches anyone's: a duplicate link, never to itself.
    let mut more = Vec::new();
    for _ in 0..3 {
        let s = new_submission(&keys.public, None);
        store
            .insert_submission(&s, &Arrival::default())
            .await
            .unwrap();
        more.push(s.envelope.id);
    }
    store.assign(more[1], Some(mona.id)).await.unwrap();
    let dup = BulkWrite {
        ids: &[more[0], more[1], more[2], ids[3]],
        change: BulkChange::DuplicateOf(more[0]),
        only_for: None,
        actor: cora.id,
        detail: "bulk: duplicate",
    };
    assert_eq!(
        store.bulk_change(&dup).await.unwrap(),
        [more[1], more[2], ids[3]]
    );
    assert_eq!(
        statuses(store, &[more[0], more[1]]).await,
        [
            (SubmissionStatus::New, None),
            (SubmissionStatus::Archived, Some(more[0]))
        ]
    );

    // Assign and urgency; a flag keeps the reason it was raised for.
    let fresh: Vec<SubmissionId> = {
        let mut v = Vec::new();
        for n in 0..2 {
            let mut s = new_submission(&keys.public, None);
            if n == 1 {
                s.envelope.urgency = Some(Urgency::Danger);
            }
            store
                .insert_submission(&s, &Arrival::default())
                .await
                .unwrap();
            v.push(s.envelope.id);
        }
        v
    };
    let assign = BulkWrite {
        ids: &fresh,
        change: BulkChange::Assign(Some(mona.id)),
        only_for: Some(mona.id),
        actor: mona.id,
        detail: "bulk: assigned to mona",
    };
    assert_eq!(store.bulk_change(&assign).await.unwrap(), fresh);
    let flag = BulkWrite {
        change: BulkChange::Urgency(Some(Urgency::Moderator)),
        detail: "bulk: flagged urgent",
        ..assign
    };
    assert_eq!(store.bulk_change(&flag).await.unwrap(), [fresh[0]]);
    let row = |id| async move { store.inbox_row(id).await.unwrap().unwrap() };
    assert_eq!(
        row(fresh[0]).await.envelope.urgency,
        Some(Urgency::Moderator)
    );
    assert_eq!(row(fresh[1]).await.envelope.urgency, Some(Urgency::Danger));
    assert_eq!(row(fresh[1]).await.assigned_to, Some(mona.id));
    let clear = BulkWrite {
        change: BulkChange::Urgency(None),
        detail: "bulk: urgency cleared",
        ..assign
    };
    assert_eq!(store.bulk_change(&clear).await.unwrap(), fresh);
    assert_eq!(row(fresh[1]).await.envelope.urgency, None);
}

contract!(bulk_actions_are_one_transaction_and_reach_only_open_reports);

async fn many_reports_are_archived_in_one_action(store: &Store) {
    let keys = OrgKeyPair::generate();
    let mona = user("mona", Role::Moderator);
    store.insert_user(&mona).await.unwrap();
    let mut ids = Vec::new();
    for _ in 0..1_000 {
        let s = new_submission(&keys.public, None);
        ids.push(s.envelope.id);
        store
            .insert_submission(&s, &Arrival::default())
            .await
            .unwrap();
    }
    let reached = store
        .bulk_change(&BulkWrite {
            ids: &ids,
            change: BulkChange::Archive,
            only_for: None,
            actor: mona.id,
            detail: "bulk: archived, spam",
        })
        .await
        .unwrap();
    assert_eq!(reached, ids, "every chunk of the ids is reached");
    let archived = InboxFilter {
        statuses: vec![SubmissionStatus::Archived],
        ..Default::default()
    };
    assert_eq!(store.inbox_count(&archived).await.unwrap(), 1_000);
}

contract!(many_reports_are_archived_in_one_action);
