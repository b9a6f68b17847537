//! Storage contracts of imports and exports: a batch is stored whole with its ledger keys,
//! a key seen before (in an earlier batch or earlier in the same one) is never stored twice,
//! and the coded-case pages cover every case exactly once.

use super::*;

fn imported(pk: &sealing::OrgPublicKey, key: &str) -> ImportedSubmission {
    let mut s = new_submission(pk, None);
    s.envelope.channel = Channel::Import;
    ImportedSubmission {
        ledger_key: key.to_owned(),
        submission: s,
    }
}

async fn imports_are_stored_once_per_ledger_key(store: &Store) {
    let keys = OrgKeyPair::generate();
    // More rows than one multi-row statement holds, with a key repeated inside the batch.
    let mut batch: Vec<ImportedSubmission> = (0..150)
        .map(|i| imported(&keys.public, &format!("k{i}")))
        .collect();
    batch.push(imported(&keys.public, "k7"));
    let audit = |n: usize| {
        AuditEvent::now(None, AuditAction::SubmissionReceived).detail(format!("t: {n} stored"))
    };
    let stored = store.insert_imported(&batch, audit).await.unwrap();
    assert_eq!(stored.iter().filter(|s| **s).count(), 150);
    assert!(!stored[150], "the repeated key is not stored twice");
    let got = store
        .sealed_submission(batch[120].submission.envelope.id)
        .await
        .unwrap()
        .expect("a row of the second statement is stored");
    assert_eq!(got.envelope.channel, Channel::Import);
    assert_eq!(
        got.report.as_ref(),
        Some(&batch[120].submission.sealed_report)
    );

    let known = store
        .imported_keys(&["k0".to_owned(), "k149".to_owned(), "new".to_owned()])
        .await
        .unwrap();
    assert_eq!(known.len(), 2);
    assert!(!known.contains("new"));

    let again = vec![
        imported(&keys.public, "k3"),
        imported(&keys.public, "fresh"),
    ];
    let stored = store.insert_imported(&again, audit).await.unwrap();
    assert_eq!(stored, vec![false, true]);
    let nothing_new = store.insert_imported(&again[..1], audit).await.unwrap();
    assert_eq!(nothing_new, vec![false]);
    assert!(
        store
            .sealed_submission(again[0].submission.envelope.id)
            .await
            .unwrap()
            .is_none()
    );
    let entries = store
        .audit_events(
            &AuditFilter {
                action: Some(AuditAction::SubmissionReceived),
                ..Default::default()
            },
            10,
            0,
        )
        .await
        .unwrap();
    // One entry per batch that stored anything, counting what it stored (151 rows sent,
    // 150 stored; then 1 of 2; then none of 1).
    let mut details: Vec<String> = entries.iter().filter_map(|e| e.detail.clone()).collect();
    details.sort();
    assert_eq!(details, vec!["t: 1 stored", "t: 150 stored"]);
}
contract!(imports_are_stored_once_per_ledger_key);

async fn coded_cases_are_paged_by_id(store: &Store) {
    let mut draft = published_case("pk-sd", "2023-11", &[("act", "threats")]);
    draft.status = CaseStatus::InReview;
    let cases = vec![
        published_case("pk-pb", "2024-03", &[("kind", "intimate_partner_violence")]),
        draft.clone(),
        published_case("pk-kp", "2022-01", &[]),
    ];
    store.save_cases(&cases).await.unwrap();
    let first = store.coded_cases_after(None, 2).await.unwrap();
    assert_eq!(first.len(), 2);
    let rest = store.coded_cases_after(Some(first[1].id), 2).await.unwrap();
    assert_eq!(rest.len(), 1);
    let mut ids: Vec<CaseId> = first.iter().chain(&rest).map(|c| c.id).collect();
    ids.sort();
    let mut expected: Vec<CaseId> = cases.iter().map(|c| c.id).collect();
    expected.sort();
    assert_eq!(ids, expected);
    let got = first
        .iter()
        .chain(&rest)
        .find(|c| c.id == draft.id)
        .unwrap();
    assert_eq!(got.status, CaseStatus::InReview);
    assert!(got.labels.contains("act", "threats"));
    assert_eq!(got.channel, None, "entered by staff");
}
contract!(coded_cases_are_paged_by_id);
