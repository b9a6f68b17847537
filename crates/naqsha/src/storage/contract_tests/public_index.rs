//! Storage contracts of the public index: the publication counter moves with every write or
//! deletion of a case, and the summaries carry every published case and nothing else.

use super::*;

async fn publication_counter_and_summaries(store: &Store) {
    let start = store.publication_generation().await.unwrap();
    let mut a = published_case("pk-pb", "2024-03", &[("kind", "intimate_partner_violence")]);
    let b = published_case("pk-sd", "2023-11", &[("platform", "whatsapp")]);
    store.save_cases(&[a.clone(), b.clone()]).await.unwrap();
    let after_two = store.publication_generation().await.unwrap();
    assert!(after_two > start);

    let mut summaries = store.published_summaries().await.unwrap();
    summaries.sort_by_key(|s| s.period);
    assert_eq!(summaries.len(), 2);
    assert_eq!(summaries[1].id, a.id);
    assert_eq!(summaries[1].province, a.province);
    assert_eq!(summaries[1].title_en.as_deref(), Some("A title"));
    assert!(
        summaries[1]
            .labels
            .terms("kind")
            .any(|t| t.as_str() == "intimate_partner_violence")
    );

    // Taking a case off the public site moves the counter and drops it from the summaries.
    a.status = CaseStatus::InReview;
    store.save_case(&a).await.unwrap();
    assert!(store.publication_generation().await.unwrap() > after_two);
    let summaries = store.published_summaries().await.unwrap();
    assert_eq!(summaries.iter().map(|s| s.id).collect::<Vec<_>>(), [b.id]);
}
contract!(publication_counter_and_summaries);
