//! Storage contracts of the public index: the publication counter moves with every write or
//! deletion of a case, and the summaries carry every counted case (published stories with
//! their titles, statistics-only cases without any text) and nothing else.

use super::*;
use naqsha_core::case::{CaseSummary, CountedCase, PublicCase};

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

    let summaries = store.counted_summaries().await.unwrap();
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
    let summaries = store.counted_summaries().await.unwrap();
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

    let summaries = store.counted_summaries().await.unwrap();
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
    let summaries = store.counted_summaries().await.unwrap();
    assert!(count_only(&summaries).is_empty());
    assert_eq!(summaries.len(), 1);
}
contract!(statistics_only_cases_are_counted_without_text);
