//! Storage contract of double coding: a random sample of coded reports only, each marked
//! once; one second coding per report of the sample.

use super::*;
use crate::storage::QualityStore;

async fn a_sample_of_coded_reports_is_coded_a_second_time(store: &Store) {
    let keys = OrgKeyPair::generate();
    let admin = user("admin", Role::Admin);
    let mona = user("mona", Role::Moderator);
    store.insert_user(&admin).await.unwrap();
    store.insert_user(&mona).await.unwrap();
    let mut coded = Vec::new();
    for n in 0..5 {
        let s = new_submission(&keys.public, None);
        store
            .insert_submission(&s, &Arrival::default())
            .await
            .unwrap();
        let status = if n == 4 {
            CaseStatus::InReview
        } else {
            CaseStatus::StatisticsOnly
        };
        let case = Case {
            submission: Some(s.envelope.id),
            status,
            story_en: None,
            story_ur: None,
            published_at: None,
            ..published_case("pk-pb", "2025-03", &[("kind", "blackmail")])
        };
        store.save_case(&case).await.unwrap();
        coded.push(s.envelope.id);
    }
    let audit = || AuditEvent::now(Some(admin.id), AuditAction::SettingsChange);
    assert_eq!(
        store
            .sample_for_double_coding(3, admin.id, &audit())
            .await
            .unwrap(),
        3
    );
    assert_eq!(
        store
            .sample_for_double_coding(10, admin.id, &audit())
            .await
            .unwrap(),
        1,
        "only coded reports not yet marked: the one in review is not coded yet"
    );
    let sample = store.double_coding().await.unwrap();
    assert_eq!(sample.len(), 4);
    assert!(!sample.iter().any(|d| d.submission == coded[4]));
    assert!(sample.iter().all(|d| d.second.is_none()));
    assert!(
        sample[0]
            .first
            .terms("kind")
            .any(|t| t.as_str() == "blackmail")
    );

    let mut labels = Labels::default();
    labels.insert_str("kind", "impersonation").unwrap();
    let one = sample[0].submission;
    assert!(
        store
            .save_second_coding(one, mona.id, &labels, &audit())
            .await
            .unwrap()
    );
    assert!(
        !store
            .save_second_coding(one, mona.id, &labels, &audit())
            .await
            .unwrap(),
        "coded a second time once"
    );
    assert!(
        !store
            .save_second_coding(coded[4], mona.id, &labels, &audit())
            .await
            .unwrap(),
        "not in the sample"
    );
    let sample = store.double_coding().await.unwrap();
    let done = sample.iter().find(|d| d.submission == one).unwrap();
    assert_eq!(done.second, Some((mona.id, labels)));
}

contract!(a_sample_of_coded_reports_is_coded_a_second_time);
