//! Storage contracts of the public index: the publication counter moves with every write or
//! deletion of a case, and the summaries carry every counted case (published stories with
//! their titles, statistics-only cases without any text) and nothing else.

use super::*;
use naqsha_core::case::{CaseSummary, CountedCase, PublicCase};

/// Every counted case, as a full read gives them to the snapshot one at a time (a story
/// with its own id).
async fn counted_summaries(store: &Store) -> Vec<CaseSummary> {
    let mut all = Vec::new();
    store
        .each_counted_case(|id, summary| {
            if let CaseSummary::Story(c) = &summary {
                assert_eq!(c.id, id);
            }
            all.push(summary);
        })
        .await
        .unwrap();
    all
}

/// The stories among the summaries, oldest first.
fn stories(summaries: &[CaseSummary]) -> Vec<&PublicCase> {
    let mut s: Vec<_> = summaries
        .iter()
        .filter_map(|s| match s {
            CaseSummary::Story(c) => Some(c),
            CaseSummary::CountOnly(_) => None,
        })
        .collect();
    s.sort_by_key(|c| c.period);
    s
}

/// The count-only cases among the summaries.
fn count_only(summaries: &[CaseSummary]) -> Vec<&CountedCase> {
    summaries
        .iter()
        .filter_map(|s| match s {
            CaseSummary::CountOnly(c) => Some(c),
            CaseSummary::Story(_) => None,
        })
        .collect()
}

async fn publication_counter_and_summaries(store: &Store) {
    let start = store.publication_generation().await.unwrap();
    let mut a = published_case("pk-pb", "2024-03", &[("kind", "intimate_partner_violence")]);
    let b = published_case("pk-sd", "2023-11", &[("platform", "whatsapp")]);
    store.save_cases(&[a.clone(), b.clone()]).await.unwrap();
    let after_two = store.publication_generation().await.unwrap();
    assert!(after_two > start);

    let summaries = counted_summaries(store).await;
    let listed = stories(&summaries);
    assert_eq!(summaries.len(), 2);
    assert_eq!(listed[1].id, a.id);
    assert_eq!(listed[1].province, a.province);
    assert_eq!(listed[1].title_en.as_deref(), Some("A title"));
    assert!(
        listed[1]
            .labels
            .terms("kind")
            .any(|t| t.as_str() == "intimate_partner_violence")
    );

    // Taking a case off the public site moves the counter and drops it from the summaries.
    a.status = CaseStatus::InReview;
    store.save_case(&a).await.unwrap();
    let after_review = store.publication_generation().await.unwrap();
    assert!(after_review > after_two);
    let summaries = counted_summaries(store).await;
    assert_eq!(
        stories(&summaries).iter().map(|s| s.id).collect::<Vec<_>>(),
        [b.id]
    );
    assert!(count_only(&summaries).is_empty());
}
contract!(publication_counter_and_summaries);

/// A case coded "statistics only" is counted with its categories, place and month, but
/// nothing of its text or id reaches the public side; becoming statistics-only and leaving
/// it both move the counter. A private case is never counted.
async fn statistics_only_cases_are_counted_without_text(store: &Store) {
    let mut counted = published_case("pk-kp", "2022-06", &[("act", "blackmail_sextortion")]);
    counted.status = CaseStatus::StatisticsOnly;
    counted.consent = Consent::StatisticsOnly;
    let mut private = published_case("pk-ba", "2021-01", &[]);
    private.status = CaseStatus::StatisticsOnly;
    private.consent = Consent::Private;
    let story = published_case("pk-sd", "2023-11", &[("platform", "whatsapp")]);
    let before = store.publication_generation().await.unwrap();
    store
        .save_cases(&[counted.clone(), private.clone(), story.clone()])
        .await
        .unwrap();
    let after = store.publication_generation().await.unwrap();
    assert!(
        after > before,
        "coding a case statistics-only moves the counter"
    );

    let summaries = counted_summaries(store).await;
    assert_eq!(summaries.len(), 2, "the private case is not counted");
    assert_eq!(
        stories(&summaries).iter().map(|s| s.id).collect::<Vec<_>>(),
        [story.id]
    );
    let only = count_only(&summaries);
    assert_eq!(only.len(), 1);
    assert_eq!(only[0].province, counted.province);
    assert_eq!(only[0].place, counted.place);
    assert_eq!(only[0].period, counted.period);
    assert!(only[0].labels.contains("act", "blackmail_sextortion"));
    // Not a story anywhere a story is read.
    assert!(store.published_case(counted.id).await.unwrap().is_none());
    assert_eq!(
        store.count_published(&CaseFilter::default()).await.unwrap(),
        1
    );

    // Leaving "statistics only" moves the counter and takes it out of the count.
    counted.status = CaseStatus::Archived;
    store.save_case(&counted).await.unwrap();
    assert!(store.publication_generation().await.unwrap() > after);
    let summaries = counted_summaries(store).await;
    assert!(count_only(&summaries).is_empty());
    assert_eq!(summaries.len(), 1);
}
contract!(statistics_only_cases_are_counted_without_text);

/// The next change announced to `changes`, failing after five seconds.
async fn next_change(changes: &mut CaseChanges) -> CaseChange {
    tokio::time::timeout(std::time::Duration::from_secs(5), changes.next())
        .await
        .expect("a change is announced")
}

/// Every write and deletion of a case is announced with the counter values it took and the
/// cases it touched (a NOTIFY on PostgreSQL, in-process on SQLite), and the cases named can be
/// read again by id, count-only ones included: what each node's snapshot follows.
async fn changes_are_announced_with_their_cases(store: &Store) {
    let mut changes = store.case_changes();
    if store.backend() == Backend::Postgres {
        // Listening starts by saying that what came before was not heard.
        assert_eq!(next_change(&mut changes).await, CaseChange::Unknown);
    }
    let story = published_case("pk-pb", "2024-03", &[("platform", "whatsapp")]);
    store.save_case(&story).await.unwrap();
    let counter = store.publication_generation().await.unwrap();
    assert_eq!(
        next_change(&mut changes).await,
        CaseChange::Cases {
            from: counter,
            to: counter,
            ids: vec![story.id]
        }
    );

    // Two in one transaction: one announcement, both counter values, both cases.
    let mut counted = published_case("pk-kp", "2022-06", &[("act", "threats")]);
    counted.status = CaseStatus::StatisticsOnly;
    counted.consent = Consent::StatisticsOnly;
    let mut draft = published_case("pk-sd", "2023-01", &[]);
    draft.status = CaseStatus::InReview;
    store
        .save_cases(&[counted.clone(), draft.clone()])
        .await
        .unwrap();
    assert_eq!(
        next_change(&mut changes).await,
        CaseChange::Cases {
            from: counter + 1,
            to: counter + 2,
            ids: vec![counted.id, draft.id]
        }
    );
    let mut read = store
        .counted_cases(&[story.id, counted.id, draft.id])
        .await
        .unwrap();
    read.sort_by_key(|(id, _)| *id == counted.id);
    assert_eq!(read.len(), 2, "the draft is not counted: {read:?}");
    assert!(
        matches!(&read[0], (id, CaseSummary::Story(c)) if *id == story.id && c.title_en.as_deref() == Some("A title"))
    );
    assert!(
        matches!(&read[1], (id, CaseSummary::CountOnly(c)) if *id == counted.id && c.province == counted.province)
    );
    assert_eq!(counted_summaries(store).await.len(), 2);

    // A withdrawal names the cases it deleted.
    let keys = OrgKeyPair::generate();
    let s = new_submission(&keys.public, None);
    store
        .insert_submission(&s, &Arrival::default())
        .await
        .unwrap();
    let mut from_report = published_case("pk-ba", "2025-01", &[]);
    from_report.submission = Some(s.envelope.id);
    store.save_case(&from_report).await.unwrap();
    assert!(
        matches!(next_change(&mut changes).await, CaseChange::Cases { ids, .. } if ids == [from_report.id])
    );
    assert!(store.withdraw_submission(s.envelope.id).await.unwrap());
    let after = store.publication_generation().await.unwrap();
    assert_eq!(
        next_change(&mut changes).await,
        CaseChange::Cases {
            from: after,
            to: after,
            ids: vec![from_report.id]
        }
    );
    assert!(
        store
            .counted_cases(&[from_report.id])
            .await
            .unwrap()
            .is_empty()
    );
}
contract!(changes_are_announced_with_their_cases);
