//! Storage contract of a moderation decision: one transaction. A failure injected at each
//! write the decision makes (a trigger that aborts the statement) leaves the store exactly
//! as it was, on SQLite and on PostgreSQL; without the failure the same decision is stored
//! whole.

use super::*;
use crate::storage::ApprovalChange;

/// Every write a decision makes: (table, statement) a trigger can abort.
const WRITES: [(&str, &str); 11] = [
    ("submissions", "UPDATE"),
    ("submission_additions", "DELETE"),
    ("submission_additions", "INSERT"),
    ("cases", "INSERT"),
    ("cases", "UPDATE"),
    ("case_labels", "DELETE"),
    ("case_labels", "INSERT"),
    ("meta", "INSERT"),
    ("meta", "UPDATE"),
    ("audit_events", "INSERT"),
    ("publish_requests", "DELETE"),
];

/// Makes every `statement` on `table` fail until [`heal`].
pub(super) async fn inject(store: &Store, table: &str, statement: &str) {
    let sql = match store.backend() {
        Backend::Sqlite => vec![format!(
            "CREATE TRIGGER inject_fault BEFORE {statement} ON {table} \
             BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
        )],
        Backend::Postgres => vec![
            "CREATE OR REPLACE FUNCTION inject_fault() RETURNS trigger LANGUAGE plpgsql AS \
             $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$"
                .to_owned(),
            format!(
                "CREATE TRIGGER inject_fault BEFORE {statement} ON {table} \
                 FOR EACH ROW EXECUTE FUNCTION inject_fault()"
            ),
        ],
    };
    for sql in sql {
        store
            .pool()
            .execute(sqlx::AssertSqlSafe(sql))
            .await
            .unwrap();
    }
}

pub(super) async fn heal(store: &Store, table: &str) {
    let sql = match store.backend() {
        Backend::Sqlite => "DROP TRIGGER inject_fault".to_owned(),
        Backend::Postgres => format!("DROP TRIGGER inject_fault ON {table}"),
    };
    store
        .pool()
        .execute(sqlx::AssertSqlSafe(sql))
        .await
        .unwrap();
}

/// What a decision touches, read back.
async fn state_of(store: &Store, id: SubmissionId) -> Vec<String> {
    let mut out = vec![
        format!("{:?}", store.sealed_submission(id).await.unwrap()),
        format!("{:?}", store.review_draft(id).await.unwrap()),
        format!("{:?}", store.publish_request(id).await.unwrap()),
        format!("{:?}", store.case_for_submission(id).await.unwrap()),
        format!("{:?}", store.publication_generation().await.unwrap()),
        format!(
            "{:?}",
            store
                .audit_events(&AuditFilter::default(), 100, 0)
                .await
                .unwrap()
        ),
    ];
    for sql in [
        "SELECT kinds AS v FROM submissions ORDER BY id",
        "SELECT CAST(updated_at AS TEXT) AS v FROM submissions ORDER BY id",
        "SELECT dimension || '.' || term AS v FROM case_labels ORDER BY case_id, dimension, term",
    ] {
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(store.pool())
            .await
            .unwrap();
        let values: Vec<Option<String>> = rows
            .iter()
            .map(|r| sqlx::Row::get::<Option<String>, _>(r, "v"))
            .collect();
        out.push(format!("{values:?}"));
    }
    out
}

fn in_review(case: &Case) -> Case {
    Case {
        status: CaseStatus::InReview,
        story_en: None,
        story_ur: None,
        published_at: None,
        ..case.clone()
    }
}

async fn a_decision_is_one_transaction(store: &Store) {
    let keys = OrgKeyPair::generate();
    let s = new_submission(&keys.public, None);
    let id = s.envelope.id;
    store
        .insert_submission(&s, &Arrival::default())
        .await
        .unwrap();
    let moderator = user("moderator", Role::Moderator);
    store.insert_user(&moderator).await.unwrap();

    // The first decision: taken and saved, in review.
    let published = Case {
        submission: Some(id),
        ..published_case(
            "pk-pb",
            "2025-03",
            &[("kind", "blackmail"), ("act", "threats")],
        )
    };
    let first_draft = sealing::seal(&keys.public, b"draft one");
    let event = |detail: &str| {
        AuditEvent::now(Some(moderator.id), AuditAction::StatusChange)
            .subject(id)
            .detail(detail)
    };
    store
        .commit_decision(&DecisionWrite {
            submission: id,
            claim_for: Some(moderator.id),
            draft: (moderator.id, &first_draft),
            case: &in_review(&published),
            kinds: &["blackmail".to_owned()],
            status: SubmissionStatus::InReview,
            audit: &[event("new -> in_review")],
            approval: ApprovalChange::Request(moderator.id),
        })
        .await
        .unwrap();
    let sealed = store.sealed_submission(id).await.unwrap().unwrap();
    assert_eq!(sealed.assigned_to, Some(moderator.id), "claimed");
    assert_eq!(
        store.publish_request(id).await.unwrap().map(|r| r.by),
        Some(moderator.id),
        "a publication asked for waits"
    );
    assert_eq!(sealed.envelope.status, SubmissionStatus::InReview);
    assert_eq!(store.review_draft(id).await.unwrap(), Some(first_draft));

    // The second: publish, with other labels and kinds and a new draft.
    let second_draft = sealing::seal(&keys.public, b"draft two");
    let mut labels = Labels::default();
    labels.insert_str("kind", "impersonation").unwrap();
    labels.insert_str("platform", "facebook").unwrap();
    let publish_case = Case {
        labels,
        ..published.clone()
    };
    let audit = [
        event("in_review -> published"),
        AuditEvent::now(Some(moderator.id), AuditAction::Publish)
            .subject(id)
            .detail(format!("case {}", publish_case.id)),
    ];
    let kinds = ["impersonation".to_owned()];
    let decision = DecisionWrite {
        submission: id,
        claim_for: None,
        draft: (moderator.id, &second_draft),
        case: &publish_case,
        kinds: &kinds,
        status: SubmissionStatus::Published,
        audit: &audit,
        approval: ApprovalChange::Clear,
    };

    let before = state_of(store, id).await;
    for (table, statement) in WRITES {
        inject(store, table, statement).await;
        let result = store.commit_decision(&decision).await;
        heal(store, table).await;
        assert!(
            result.is_err(),
            "a failure injected at {statement} on {table} was not met: the decision does not \
             write there"
        );
        assert_eq!(
            state_of(store, id).await,
            before,
            "a failure at {statement} on {table} left part of the decision stored"
        );
    }

    // Without a failure the whole decision is stored.
    store.commit_decision(&decision).await.unwrap();
    let after = store.sealed_submission(id).await.unwrap().unwrap();
    assert_eq!(after.envelope.status, SubmissionStatus::Published);
    assert_eq!(
        store.publish_request(id).await.unwrap(),
        None,
        "approved: none waits"
    );
    assert_eq!(store.review_draft(id).await.unwrap(), Some(second_draft));
    assert_eq!(
        store.case_for_submission(id).await.unwrap(),
        Some(publish_case.clone())
    );
    assert_eq!(
        store.published_case(publish_case.id).await.unwrap(),
        Some(publish_case)
    );
    let events = store
        .audit_events(&AuditFilter::default(), 100, 0)
        .await
        .unwrap();
    assert_eq!(
        events.len(),
        3,
        "the first decision's entry and the second's two"
    );
    assert_ne!(state_of(store, id).await, before);
}
contract!(a_decision_is_one_transaction);

async fn a_story_is_not_published_under_a_consent_she_changed(store: &Store) {
    let keys = OrgKeyPair::generate();
    let s = new_submission(&keys.public, None);
    let id = s.envelope.id;
    store
        .insert_submission(&s, &Arrival::default())
        .await
        .unwrap();
    let moderator = user("moderator", Role::Moderator);
    store.insert_user(&moderator).await.unwrap();
    // She chose statistics only (on /follow-up) after the moderator opened the report.
    sqlx::query("UPDATE submissions SET consent = 'statistics_only' WHERE id = $1")
        .bind(id.to_string())
        .execute(store.pool())
        .await
        .unwrap();
    let before = state_of(store, id).await;
    let case = Case {
        submission: Some(id),
        ..published_case("pk-pb", "2025-03", &[("kind", "blackmail")])
    };
    assert_eq!(case.consent, Consent::Publish);
    let draft = sealing::seal(&keys.public, b"draft");
    let decision = DecisionWrite {
        submission: id,
        claim_for: None,
        draft: (moderator.id, &draft),
        case: &case,
        kinds: &["blackmail".to_owned()],
        status: SubmissionStatus::Published,
        audit: &[AuditEvent::now(Some(moderator.id), AuditAction::Publish).subject(id)],
        approval: ApprovalChange::Clear,
    };
    assert!(matches!(
        store.commit_decision(&decision).await,
        Err(StorageError::Conflict("consent"))
    ));
    assert_eq!(state_of(store, id).await, before, "nothing was written");
    // Under the consent she gave, the same decision is stored.
    let counted = Case {
        consent: Consent::StatisticsOnly,
        status: CaseStatus::StatisticsOnly,
        story_en: None,
        story_ur: None,
        ..case.clone()
    };
    store
        .commit_decision(&DecisionWrite {
            case: &counted,
            status: SubmissionStatus::StatisticsOnly,
            ..decision
        })
        .await
        .unwrap();
    assert_eq!(
        store
            .case_for_submission(id)
            .await
            .unwrap()
            .map(|c| c.status),
        Some(CaseStatus::StatisticsOnly)
    );
}
contract!(a_story_is_not_published_under_a_consent_she_changed);
