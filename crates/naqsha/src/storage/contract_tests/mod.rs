//! The storage contract: every test runs against SQLite and, when
//! `NAQSHA_TEST_POSTGRES_URL` names a server (as `.ci/run` does), against PostgreSQL too.
//! Each PostgreSQL test gets a fresh database that is dropped afterwards.

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::case::{Case, CaseStatus, PublicStory, Verification};
use naqsha_core::ids::{AdditionId, AttachmentId, CaseId, SubmissionId, UserId};
use naqsha_core::period::YearMonth;
use naqsha_core::places::PlaceId;
use naqsha_core::sealing::{self, KdfParams, OrgKeyPair, RecoveryKey, SecretString};
use naqsha_core::submission::{Channel, Consent, SubmissionEnvelope, SubmissionStatus};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::{PublicText, PublicTitle, Username};
use naqsha_core::user::{Role, User};
use sqlx::Executor;
use time::OffsetDateTime;
use time::macros::datetime;

use super::transfer::TransferError;
use super::*;

/// A store for one test and what to clean up afterwards.
struct TestDb {
    store: Store,
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

impl TestDb {
    async fn sqlite() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&sqlite_url(&dir.path().join("t.db")))
            .await
            .unwrap();
        Self {
            store,
            _dir: Some(dir),
            pg: None,
        }
    }

    /// A fresh PostgreSQL database, or None when no server is configured.
    async fn postgres() -> Option<Self> {
        let admin_url = std::env::var("NAQSHA_TEST_POSTGRES_URL").ok()?;
        let name = format!("naqsha_t_{}", uuid::Uuid::new_v4().simple());
        let admin = Store::connect(&admin_url)
            .await
            .expect("connect to NAQSHA_TEST_POSTGRES_URL");
        admin
            .pool()
            .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .unwrap();
        admin.close().await;
        let base = admin_url
            .rsplit_once('/')
            .map(|(b, _)| b)
            .unwrap_or(&admin_url);
        let store = Store::open(&format!("{base}/{name}")).await.unwrap();
        Some(Self {
            store,
            _dir: None,
            pg: Some((admin_url, name)),
        })
    }

    async fn finish(self) {
        self.store.close().await;
        if let Some((admin_url, name)) = self.pg {
            let admin = Store::connect(&admin_url).await.unwrap();
            admin
                .pool()
                .execute(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                )))
                .await
                .unwrap();
            admin.close().await;
        }
    }
}

/// Generates a SQLite and a PostgreSQL test from one async contract function.
macro_rules! contract {
    ($name:ident) => {
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                let db = super::TestDb::sqlite().await;
                super::$name(&db.store).await;
                db.finish().await;
            }

            #[tokio::test]
            async fn postgres() {
                let Some(db) = super::TestDb::postgres().await else {
                    eprintln!("NAQSHA_TEST_POSTGRES_URL not set: PostgreSQL run skipped");
                    return;
                };
                super::$name(&db.store).await;
                db.finish().await;
            }
        }
    };
}

fn province(id: &str) -> PlaceId {
    PlaceId::new(id).unwrap()
}

fn published_case(province_id: &str, period: &str, labels: &[(&str, &str)]) -> Case {
    let now = datetime!(2026-01-02 03:04:05 UTC);
    let mut l = Labels::default();
    for (d, t) in labels {
        l.insert_str(d, t).unwrap();
    }
    Case {
        id: CaseId::random(),
        submission: None,
        status: CaseStatus::Published,
        taxonomy_version: "pk-test".into(),
        labels: l,
        place: Some(province(province_id)),
        province: Some(province(province_id)),
        period: Some(period.parse::<YearMonth>().unwrap()),
        story_en: Some(PublicStory {
            title: PublicTitle::parse("A title").unwrap(),
            text: PublicText::parse("A story.\n\nSecond paragraph.").unwrap(),
        }),
        story_ur: Some(PublicStory {
            title: PublicTitle::parse("عنوان").unwrap(),
            text: PublicText::parse("کہانی").unwrap(),
        }),
        consent: Consent::Publish,
        verification: Verification::Corroborated,
        demo: false,
        created_at: now,
        updated_at: now,
        published_at: Some(now),
    }
}

fn new_submission(pk: &sealing::OrgPublicKey, receipt: Option<&str>) -> NewSubmission {
    NewSubmission {
        envelope: SubmissionEnvelope {
            urgency: None,
            approve_first: false,
            id: SubmissionId::random(),
            channel: Channel::Web,
            status: SubmissionStatus::New,
            consent: Consent::Publish,
            province: Some(province("pk-pb")),
            received_hour: datetime!(2026-05-06 07:00 UTC),
            flagged: false,
        },
        taxonomy_version: "pk-test".into(),
        kinds: Vec::new(),
        receipt_hash: receipt.map(str::to_owned),
        sealed_report: sealing::seal(pk, b"report text"),
        sealed_contact: Some(sealing::seal(pk, b"0300-1234567")),
        attachments: vec![NewAttachment {
            id: AttachmentId::random(),
            media_type: "image/jpeg".into(),
            byte_size: 12,
            sealed: sealing::seal(pk, b"jpeg bytes.."),
        }],
    }
}

fn user(name: &str, role: Role) -> User {
    User {
        id: UserId::random(),
        username: Username::parse(name).unwrap(),
        role,
        password_hash: "$argon2id$placeholder-hash-for-storage-tests".into(),
        key_wrap: None,
        disabled: false,
        must_change_password: false,
        created_at: datetime!(2026-01-01 00:00 UTC),
    }
}

async fn migrations_are_applied_once(store: &Store) {
    store.migrate().await.unwrap();
    store.migrate().await.unwrap();
    assert_eq!(
        store.applied_migrations().await.unwrap(),
        (1..=19).collect::<Vec<i64>>()
    );
    store.ping().await.unwrap();
}
contract!(migrations_are_applied_once);

async fn submissions_round_trip_sealed(store: &Store) {
    let keys = OrgKeyPair::generate();
    let s = new_submission(&keys.public, Some("receipt-hash-1"));
    store
        .insert_submission(&s, &Arrival::default())
        .await
        .unwrap();

    let got = store
        .sealed_submission(s.envelope.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(got.envelope, s.envelope);
    assert_eq!(got.report.as_ref().unwrap(), &s.sealed_report);
    assert_eq!(
        &*sealing::open(&keys.secret, got.report.as_ref().unwrap()).unwrap(),
        b"report text"
    );
    assert_eq!(got.contact, s.sealed_contact);

    let by_receipt = store.submission_by_receipt("receipt-hash-1").await.unwrap();
    assert_eq!(by_receipt.map(|e| e.id), Some(s.envelope.id));
    assert!(
        store
            .submission_by_receipt("other")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .sealed_submission(SubmissionId::random())
            .await
            .unwrap()
            .is_none()
    );

    let dup = new_submission(&keys.public, Some("receipt-hash-1"));
    assert!(matches!(
        store.insert_submission(&dup, &Arrival::default()).await,
        Err(StorageError::Conflict(_))
    ));

    let addition = NewAddition {
        id: AdditionId::random(),
        submission: s.envelope.id,
        kind: "follow_up",
        author: None,
        sealed: sealing::seal(&keys.public, b"more information"),
        sms_message: None,
    };
    store.add_to_submission(&addition).await.unwrap();
    let got = store
        .sealed_submission(s.envelope.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(got.additions.len(), 1);
    assert_eq!(
        &*sealing::open(&keys.secret, &got.additions[0].1).unwrap(),
        b"more information"
    );
}
contract!(submissions_round_trip_sealed);

/// A form token is spent with the report it carried, in the same transaction: a second
/// report with it stores nothing, a report that failed leaves it unspent.
async fn form_tokens_are_spent_with_their_report(store: &Store) {
    let keys = sealing::OrgKeyPair::generate();
    let now = OffsetDateTime::now_utc();
    let token = |nonce: &str, expires_at| Arrival {
        form_token: Some(SpentToken {
            nonce: nonce.into(),
            expires_at,
        }),
        ..Arrival::default()
    };
    assert!(!store.form_token_spent("n1").await.unwrap());
    let first = new_submission(&keys.public, None);
    store
        .insert_submission(&first, &token("n1", now + time::Duration::hours(2)))
        .await
        .unwrap();
    assert!(store.form_token_spent("n1").await.unwrap());
    let second = new_submission(&keys.public, None);
    assert!(matches!(
        store
            .insert_submission(&second, &token("n1", now + time::Duration::hours(2)))
            .await,
        Err(StorageError::Conflict("form_token"))
    ));
    assert!(
        store
            .sealed_submission(second.envelope.id)
            .await
            .unwrap()
            .is_none()
    );

    // A report that fails (its receipt is taken) spends nothing.
    let clash = new_submission(&keys.public, Some("receipt-x"));
    store
        .insert_submission(&clash, &Arrival::default())
        .await
        .unwrap();
    let failing = new_submission(&keys.public, Some("receipt-x"));
    assert!(
        store
            .insert_submission(&failing, &token("n2", now + time::Duration::hours(2)))
            .await
            .is_err()
    );
    assert!(!store.form_token_spent("n2").await.unwrap());

    // Expired records are pruned.
    store
        .insert_submission(
            &new_submission(&keys.public, None),
            &token("old", now - time::Duration::minutes(1)),
        )
        .await
        .unwrap();
    assert_eq!(store.prune_spent_tokens(now).await.unwrap(), 1);
    assert!(!store.form_token_spent("old").await.unwrap());
    assert!(store.form_token_spent("n1").await.unwrap());
}
contract!(form_tokens_are_spent_with_their_report);

async fn inbox_filters_and_status(store: &Store) {
    let keys = OrgKeyPair::generate();
    let mut a = new_submission(&keys.public, None);
    a.envelope.channel = Channel::Sms;
    a.envelope.received_hour = datetime!(2026-05-07 08:00 UTC);
    let mut b = new_submission(&keys.public, None);
    b.envelope.flagged = true;
    b.envelope.province = Some(province("pk-sd"));
    store
        .insert_submission(&a, &Arrival::default())
        .await
        .unwrap();
    store
        .insert_submission(&b, &Arrival::default())
        .await
        .unwrap();

    let all = store.inbox(&InboxFilter::default(), 10, 0).await.unwrap();
    assert_eq!(
        all.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![a.envelope.id, b.envelope.id]
    );
    let sms = InboxFilter {
        channel: Some(Channel::Sms),
        ..Default::default()
    };
    assert_eq!(store.inbox(&sms, 10, 0).await.unwrap().len(), 1);
    let flagged = InboxFilter {
        flagged: Some(true),
        ..Default::default()
    };
    assert_eq!(
        store.inbox(&flagged, 10, 0).await.unwrap()[0].id,
        b.envelope.id
    );
    let sindh = InboxFilter {
        province: Some(province("pk-sd")),
        ..Default::default()
    };
    assert_eq!(store.inbox(&sindh, 10, 0).await.unwrap().len(), 1);
    assert_eq!(
        store.inbox(&InboxFilter::default(), 1, 1).await.unwrap()[0].id,
        b.envelope.id
    );

    assert!(
        store
            .set_submission_status(a.envelope.id, SubmissionStatus::InReview)
            .await
            .unwrap()
    );
    assert!(
        !store
            .set_submission_status(SubmissionId::random(), SubmissionStatus::InReview)
            .await
            .unwrap()
    );
    let review = InboxFilter {
        statuses: vec![SubmissionStatus::InReview],
        ..Default::default()
    };
    assert_eq!(
        store.inbox(&review, 10, 0).await.unwrap()[0].id,
        a.envelope.id
    );
}
contract!(inbox_filters_and_status);

async fn withdrawal_deletes_everything_derived(store: &Store) {
    let keys = OrgKeyPair::generate();
    let s = new_submission(&keys.public, Some("r-withdraw"));
    store
        .insert_submission(&s, &Arrival::default())
        .await
        .unwrap();
    let mut case = published_case("pk-pb", "2025-01", &[]);
    case.submission = Some(s.envelope.id);
    store.save_case(&case).await.unwrap();
    assert!(store.published_case(case.id).await.unwrap().is_some());

    assert_eq!(
        store
            .published_case_for_submission(s.envelope.id)
            .await
            .unwrap(),
        Some(case.id)
    );
    assert!(store.withdraw_submission(s.envelope.id).await.unwrap());
    assert_eq!(
        store
            .published_case_for_submission(s.envelope.id)
            .await
            .unwrap(),
        None
    );
    assert!(store.published_case(case.id).await.unwrap().is_none());
    assert!(store.case(case.id).await.unwrap().is_none());
    let left = store
        .sealed_submission(s.envelope.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(left.envelope.status, SubmissionStatus::Withdrawn);
    assert!(left.report.is_none() && left.contact.is_none() && left.additions.is_empty());
    assert_eq!(
        store
            .submission_by_receipt("r-withdraw")
            .await
            .unwrap()
            .map(|e| e.status),
        Some(SubmissionStatus::Withdrawn)
    );
    assert!(
        !store
            .withdraw_submission(SubmissionId::random())
            .await
            .unwrap()
    );
}
contract!(withdrawal_deletes_everything_derived);

async fn published_cases_are_listed_filtered_and_counted(store: &Store) {
    let a = published_case(
        "pk-pb",
        "2024-03",
        &[("platform", "whatsapp"), ("act", "blackmail")],
    );
    let b = published_case("pk-sd", "2025-07", &[("platform", "facebook")]);
    let mut hidden = published_case("pk-pb", "2026-01", &[("platform", "whatsapp")]);
    hidden.status = CaseStatus::InReview;
    store
        .save_cases(&[a.clone(), b.clone(), hidden.clone()])
        .await
        .unwrap();

    let all = store
        .published_cases(&CaseFilter::default(), 10, 0)
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![b.id, a.id],
        "newest period first, in review hidden"
    );
    assert_eq!(all[1], a, "a case reads back exactly as written");
    assert_eq!(
        store.count_published(&CaseFilter::default()).await.unwrap(),
        2
    );

    let wa = CaseFilter {
        label: Some(("platform".into(), "whatsapp".into())),
        ..Default::default()
    };
    assert_eq!(store.published_cases(&wa, 10, 0).await.unwrap()[0].id, a.id);
    assert_eq!(store.count_published(&wa).await.unwrap(), 1);
    let sd = CaseFilter {
        province: Some(province("pk-sd")),
        ..Default::default()
    };
    assert_eq!(store.count_published(&sd).await.unwrap(), 1);

    assert!(store.published_case(hidden.id).await.unwrap().is_none());
    assert_eq!(
        store.case(hidden.id).await.unwrap().unwrap().status,
        CaseStatus::InReview
    );
    let mut by_province = store.published_by_province().await.unwrap();
    by_province.sort();
    assert_eq!(
        by_province,
        vec![(Some(province("pk-pb")), 1), (Some(province("pk-sd")), 1)]
    );

    // Re-saving replaces labels rather than adding to them.
    let mut a2 = a.clone();
    a2.labels = Labels::default();
    a2.labels.insert_str("platform", "tiktok").unwrap();
    store.save_case(&a2).await.unwrap();
    assert_eq!(store.count_published(&wa).await.unwrap(), 0);
    assert_eq!(store.case(a.id).await.unwrap().unwrap().labels, a2.labels);
}
contract!(published_cases_are_listed_filtered_and_counted);

async fn keys_and_users(store: &Store) {
    assert!(store.org_keys().await.unwrap().is_none());
    let pair = OrgKeyPair::generate();
    let recovery = RecoveryKey::generate();
    let keys = OrgKeys {
        public_key: pair.public.clone(),
        recovery_wrap: sealing::wrap_with_recovery(&pair.secret, &pair.public, &recovery).unwrap(),
    };
    let mut admin = user("admin", Role::Admin);
    let wrap = sealing::wrap_with_password(
        &pair.secret,
        &pair.public,
        &SecretString::from("a long password"),
        KdfParams::INSECURE_FAST_FOR_TESTS,
    )
    .unwrap();
    admin.key_wrap = Some(wrap.to_string());
    store.initialise(&keys, &admin).await.unwrap();
    let again = store.initialise(&keys, &user("admin2", Role::Admin)).await;
    assert!(matches!(again, Err(StorageError::Conflict(_))));
    assert!(
        store.user_by_name("admin2").await.unwrap().is_none(),
        "a refused init leaves no user"
    );

    assert_eq!(
        store
            .meta_get_or_insert("receipt_key", "first")
            .await
            .unwrap(),
        "first"
    );
    assert_eq!(
        store
            .meta_get_or_insert("receipt_key", "second")
            .await
            .unwrap(),
        "first"
    );
    let stored = store.org_keys().await.unwrap().unwrap();
    assert_eq!(stored.public_key, pair.public);
    assert_eq!(stored.recovery_wrap, keys.recovery_wrap);
    assert_eq!(store.user_by_name("admin").await.unwrap().unwrap(), admin);
    assert_eq!(
        store
            .user(admin.id)
            .await
            .unwrap()
            .unwrap()
            .username
            .as_str(),
        "admin"
    );

    let analyst = user("analyst", Role::Analyst);
    store.insert_user(&analyst).await.unwrap();
    let dup = store.insert_user(&user("analyst", Role::Moderator)).await;
    assert!(matches!(dup, Err(StorageError::Conflict("username"))));
    assert_eq!(
        store
            .users()
            .await
            .unwrap()
            .iter()
            .map(|u| u.username.as_str())
            .collect::<Vec<_>>(),
        vec!["admin", "analyst"]
    );

    assert!(
        store
            .set_credentials(admin.id, "$argon2id$new", Some(&wrap), true)
            .await
            .unwrap()
    );
    let a = store.user(admin.id).await.unwrap().unwrap();
    assert_eq!(
        (a.password_hash.as_str(), a.must_change_password),
        ("$argon2id$new", true)
    );
    assert!(store.disable_user(admin.id).await.unwrap());
    let a = store.user(admin.id).await.unwrap().unwrap();
    assert!(
        a.disabled && a.key_wrap.is_none(),
        "disabling removes the key wrap"
    );
}
contract!(keys_and_users);

async fn audit_log_is_append_only(store: &Store) {
    let actor = UserId::random();
    let first = AuditEvent::now(Some(actor), AuditAction::Login).subject(actor);
    let mut second = AuditEvent::now(None, AuditAction::Export).detail("csv");
    second.at = first.at + time::Duration::seconds(5);
    store.append_audit(&first).await.unwrap();
    store.append_audit(&second).await.unwrap();
    let all = store
        .audit_events(&AuditFilter::default(), 10, 0)
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![second.id, first.id]
    );
    assert_eq!(all[1].subject, first.subject);
    let mine = AuditFilter {
        actor: Some(actor),
        ..Default::default()
    };
    assert_eq!(store.audit_events(&mine, 10, 0).await.unwrap().len(), 1);
    let exports = AuditFilter {
        action: Some(AuditAction::Export),
        ..Default::default()
    };
    assert_eq!(
        store.audit_events(&exports, 10, 0).await.unwrap()[0]
            .detail
            .as_deref(),
        Some("csv")
    );

    let update = store
        .pool()
        .execute("UPDATE audit_events SET detail = 'changed'")
        .await;
    assert!(
        update.is_err(),
        "the database refuses to change audit entries"
    );
    let delete = store.pool().execute("DELETE FROM audit_events").await;
    assert!(
        delete.is_err(),
        "the database refuses to delete audit entries"
    );
    assert_eq!(
        store
            .audit_events(&AuditFilter::default(), 10, 0)
            .await
            .unwrap()
            .len(),
        2
    );
}
contract!(audit_log_is_append_only);

async fn taxonomy_versions(store: &Store) {
    assert!(store.active_taxonomy().await.unwrap().is_none());
    store
        .install_taxonomy("v1", "content one", "h1")
        .await
        .unwrap();
    store
        .install_taxonomy("v2", "content two", "h2")
        .await
        .unwrap();
    assert_eq!(
        store.active_taxonomy().await.unwrap().unwrap().version,
        "v2"
    );
    assert_eq!(
        store.taxonomy_version("v1").await.unwrap().unwrap().content,
        "content one"
    );
    let clash = store.install_taxonomy("v1", "changed", "h9").await;
    assert!(matches!(clash, Err(StorageError::Conflict(_))));
    store
        .install_taxonomy("v1", "content one", "h1")
        .await
        .unwrap();
    assert_eq!(
        store.active_taxonomy().await.unwrap().unwrap().version,
        "v1",
        "re-activation"
    );
}
contract!(taxonomy_versions);

async fn boundaries_are_replaced_by_name(store: &Store) {
    store
        .save_boundaries("districts", "{\"a\":1}")
        .await
        .unwrap();
    store
        .save_boundaries("districts", "{\"a\":2}")
        .await
        .unwrap();
    assert_eq!(
        store.boundaries().await.unwrap(),
        vec![("districts".to_owned(), "{\"a\":2}".to_owned())]
    );
}
contract!(boundaries_are_replaced_by_name);

/// Fills a store with one of everything, through the public traits.
async fn fill(store: &Store) {
    let pair = OrgKeyPair::generate();
    let recovery = RecoveryKey::generate();
    let keys = OrgKeys {
        public_key: pair.public.clone(),
        recovery_wrap: sealing::wrap_with_recovery(&pair.secret, &pair.public, &recovery).unwrap(),
    };
    store
        .initialise(&keys, &user("admin", Role::Admin))
        .await
        .unwrap();
    store.install_taxonomy("v1", "content", "h").await.unwrap();
    let s = new_submission(&pair.public, Some("r1"));
    store
        .insert_submission(&s, &Arrival::default())
        .await
        .unwrap();
    store
        .add_to_submission(&NewAddition {
            id: AdditionId::random(),
            submission: s.envelope.id,
            kind: "note",
            author: None,
            sealed: sealing::seal(&pair.public, b"note"),
            sms_message: None,
        })
        .await
        .unwrap();
    let mut c = published_case("pk-kp", "2023-02", &[("platform", "tiktok")]);
    c.submission = Some(s.envelope.id);
    store
        .save_cases(&[c, published_case("pk-ba", "2020-12", &[])])
        .await
        .unwrap();
    store
        .append_audit(&AuditEvent::now(None, AuditAction::Init))
        .await
        .unwrap();
    store.save_boundaries("districts", "{}").await.unwrap();
}

/// Every row of every table, as text, for comparing two stores.
async fn snapshot(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    let tables = [
        "meta",
        "users",
        "taxonomies",
        "submissions",
        "submission_additions",
        "attachments",
        "cases",
        "case_labels",
        "audit_events",
        "boundaries",
    ];
    let mut cases = store
        .published_cases(&CaseFilter::default(), 100, 0)
        .await
        .unwrap();
    cases.sort_by_key(|c| c.id);
    for table in tables {
        let sql = format!("SELECT COUNT(*) AS n FROM {table}");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_one(store.pool())
            .await
            .unwrap();
        out.push(format!("{table}: {}", sqlx::Row::get::<i64, _>(&row, "n")));
        if table == "cases" {
            out.push(format!("{cases:?}"));
        }
    }
    out.push(format!(
        "{:?}",
        store.org_keys().await.unwrap().map(|k| k.public_key)
    ));
    out.push(format!("{:?}", store.users().await.unwrap()));
    out.push(format!("{:?}", store.active_taxonomy().await.unwrap()));
    out.push(format!(
        "{:?}",
        store
            .audit_events(&AuditFilter::default(), 100, 0)
            .await
            .unwrap()
    ));
    out.push(format!("{:?}", store.boundaries().await.unwrap()));
    let mut subs = store.inbox(&InboxFilter::default(), 100, 0).await.unwrap();
    subs.sort_by_key(|s| s.id);
    for s in subs {
        out.push(format!(
            "{:?}",
            store.sealed_submission(s.id).await.unwrap()
        ));
    }
    out
}

/// The store moves from SQLite into the backend under test (another SQLite file, or
/// PostgreSQL) with every record intact, and a non-empty target is refused.
async fn whole_store_moves_between_backends(target: &Store) {
    let source = TestDb::sqlite().await;
    fill(&source.store).await;
    let report = source.store.copy_into(target, |_, _| {}).await.unwrap();
    assert_eq!(report.tables.iter().find(|t| t.0 == "cases").unwrap().1, 2);
    assert_eq!(snapshot(&source.store).await, snapshot(target).await);

    let again = source.store.copy_into(target, |_, _| {}).await;
    assert!(matches!(again, Err(TransferError::TargetNotEmpty("meta"))));
    source.finish().await;
}
contract!(whole_store_moves_between_backends);

#[tokio::test]
async fn sqlite_runs_in_wal_with_full_sync() {
    let db = TestDb::sqlite().await;
    let mut conn = db.store.pool().acquire().await.unwrap();
    let mode: (String,) = sqlx::query_as("PRAGMA journal_mode")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(mode.0, "wal");
    let sync: (i64,) = sqlx::query_as("PRAGMA synchronous")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(
        sync.0, 2,
        "synchronous=FULL: a commit is durable when it returns"
    );
    drop(conn);
    db.finish().await;
}

#[test]
fn unsupported_urls_are_refused() {
    assert!(matches!(
        Backend::from_url("mysql://x"),
        Err(StorageError::UnsupportedUrl)
    ));
    assert_eq!(
        Backend::from_url("postgresql://a/b").unwrap(),
        Backend::Postgres
    );
}

// Contracts of the moderation workspace and the channels, one file per area.
mod approvals;
mod backup;
mod bulk;
mod campaigns;
mod conversation;
mod decisions;
mod email;
mod federation;
mod federation_feed;
mod health;
mod import;
mod inbox;
mod jobs;
mod news;
mod public_index;
mod quality;
mod response_queue;
mod responses;
mod review;
mod sms;
mod staff;
mod visitor;

async fn audit_filter_by_time_and_counts(store: &Store) {
    let actor = UserId::random();
    let at = |t| {
        let mut e = AuditEvent::now(Some(actor), AuditAction::Login).subject(actor);
        e.at = t;
        e
    };
    for t in [
        datetime!(2025-03-01 00:00 UTC),
        datetime!(2025-03-01 23:59:59 UTC),
        datetime!(2025-03-02 00:00 UTC),
        datetime!(2025-04-10 08:00 UTC),
    ] {
        store.append_audit(&at(t)).await.unwrap();
    }
    store
        .append_audit(&AuditEvent::now(None, AuditAction::Backup))
        .await
        .unwrap();
    let march_first = AuditFilter {
        from: Some(datetime!(2025-03-01 00:00 UTC)),
        to: Some(datetime!(2025-03-02 00:00 UTC)),
        ..Default::default()
    };
    let found = store.audit_events(&march_first, 10, 0).await.unwrap();
    assert_eq!(
        found.iter().map(|e| e.at).collect::<Vec<_>>(),
        [
            datetime!(2025-03-01 23:59:59 UTC),
            datetime!(2025-03-01 00:00 UTC)
        ],
        "from is inclusive, to exclusive, newest first"
    );
    assert_eq!(store.count_audit_events(&march_first).await.unwrap(), 2);
    let since_march = AuditFilter {
        actor: Some(actor),
        from: Some(datetime!(2025-03-01 12:00 UTC)),
        ..Default::default()
    };
    assert_eq!(store.count_audit_events(&since_march).await.unwrap(), 3);
    assert_eq!(
        store.audit_events(&since_march, 2, 2).await.unwrap().len(),
        1,
        "limit and offset page through the filtered entries"
    );
    assert_eq!(
        store
            .count_audit_events(&AuditFilter::default())
            .await
            .unwrap(),
        5
    );
    let none = AuditFilter {
        action: Some(AuditAction::Backup),
        to: Some(datetime!(2025-01-01 00:00 UTC)),
        ..Default::default()
    };
    assert_eq!(store.count_audit_events(&none).await.unwrap(), 0);
}
contract!(audit_filter_by_time_and_counts);

async fn sessions_of_lists_one_accounts_sessions(store: &Store) {
    let now = datetime!(2025-03-01 10:00 UTC);
    let (me, them) = (
        user("sessions-me", Role::Moderator),
        user("sessions-them", Role::Analyst),
    );
    store.insert_user(&me).await.unwrap();
    store.insert_user(&them).await.unwrap();
    let (mine, theirs) = (me.id, them.id);
    for (hash, user) in [("h-mine-1", mine), ("h-mine-2", mine), ("h-theirs", theirs)] {
        store
            .insert_session(&StaffSession {
                id_hash: hash.to_owned(),
                user,
                stage: naqsha_core::user::SessionStage::Active,
                lang: naqsha_core::lang::Lang::EN,
                created_at: now,
                last_seen_at: now,
                node: "web-1".into(),
                vault_id: format!("v-{hash}"),
                csrf_secret: "secret".into(),
                pending_totp: None,
            })
            .await
            .unwrap();
    }
    let mut found = store.sessions_of(mine).await.unwrap();
    found.sort();
    assert_eq!(found, ["h-mine-1", "h-mine-2"]);
    assert!(
        store
            .sessions_of(UserId::random())
            .await
            .unwrap()
            .is_empty()
    );
}
contract!(sessions_of_lists_one_accounts_sessions);

/// A moderator's workload: the different reports whose text she opened in a period, counted
/// from the audit trail (each report once, however often opened; evidence and other entries
/// not counted), for her or for everyone.
async fn reports_opened_counts_each_report_once(store: &Store) {
    let mona = user("mona", Role::Moderator);
    let omar = user("omar", Role::Moderator);
    store.insert_user(&mona).await.unwrap();
    store.insert_user(&omar).await.unwrap();
    let (a, b, c) = (
        SubmissionId::random(),
        SubmissionId::random(),
        SubmissionId::random(),
    );
    let day = datetime!(2026-03-01 00:00 UTC);
    let at = |hours: i64| day + time::Duration::hours(hours);
    let view = |who: &User, id: SubmissionId, detail: &str, hours: i64| {
        let mut e = AuditEvent::now(Some(who.id), AuditAction::ViewRaw)
            .subject(id)
            .detail(detail);
        e.at = at(hours);
        e
    };
    for e in [
        view(&mona, a, "report", 1),
        view(&mona, a, "report", 2),
        view(&mona, a, "report, contact details", 3),
        view(&mona, b, "report", 4),
        view(&mona, c, "evidence 123", 5),
        view(&omar, c, "report", 6),
        view(&mona, c, "report", 30),
    ] {
        store.append_audit(&e).await.unwrap();
    }
    let next_day = at(24);
    assert_eq!(
        store
            .reports_opened(Some(mona.id), day, next_day)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        store
            .reports_opened(Some(omar.id), day, next_day)
            .await
            .unwrap(),
        1
    );
    assert_eq!(store.reports_opened(None, day, next_day).await.unwrap(), 3);
    assert_eq!(
        store
            .reports_opened(Some(mona.id), next_day, at(48))
            .await
            .unwrap(),
        1
    );
}
contract!(reports_opened_counts_each_report_once);
