//! Storage contracts of news monitoring.

use naqsha_core::lang::Lang;
use naqsha_core::near_duplicate::Signature;

use super::*;
use naqsha_core::news::{Feed, FeedId, FetchError, FetchErrorKind, Rule, RuleId, RuleLang};

fn feed(name: &str, at: time::OffsetDateTime) -> Feed {
    Feed {
        id: FeedId::random(),
        url: format!("https://news.example.pk/{name}.xml"),
        name: name.into(),
        lang: Lang::UR,
        enabled: true,
        etag: None,
        last_modified: None,
        last_fetched_at: None,
        last_error: None,
        failures: 0,
        next_poll_at: at,
        items_seen: 0,
        candidates: 0,
        created_at: at,
    }
}

async fn feeds_are_scheduled_and_record_their_polls(store: &Store) {
    let t0 = datetime!(2026-03-01 10:00 UTC);
    let a = feed("a", t0);
    let mut b = feed("b", t0 + time::Duration::hours(1));
    b.enabled = true;
    let mut off = feed("c-off", t0);
    off.enabled = false;
    for f in [&a, &b, &off] {
        store.insert_feed(f).await.unwrap();
    }
    assert_eq!(store.feed(a.id).await.unwrap().as_ref(), Some(&a));
    assert!(store.feed(FeedId::random()).await.unwrap().is_none());
    let due: Vec<FeedId> = store
        .due_feeds(t0)
        .await
        .unwrap()
        .iter()
        .map(|f| f.id)
        .collect();
    assert_eq!(due, vec![a.id], "only enabled feeds whose time has come");

    // a failure keeps the validators and the last good fetch, and shows the error
    let ok = PollRecord {
        at: t0,
        etag: Some("\"v1\"".into()),
        last_modified: Some("Sun, 01 Mar 2026 09:00:00 GMT".into()),
        error: None,
        failures: 0,
        next_poll_at: t0 + time::Duration::minutes(30),
        new_items: 3,
        new_candidates: 1,
    };
    store.record_poll(a.id, &ok).await.unwrap();
    let failed = PollRecord {
        at: t0 + time::Duration::minutes(30),
        error: Some(FetchError {
            kind: FetchErrorKind::Status,
            detail: "500".into(),
        }),
        failures: 1,
        next_poll_at: t0 + time::Duration::minutes(90),
        new_items: 0,
        new_candidates: 0,
        ..ok.clone()
    };
    store.record_poll(a.id, &failed).await.unwrap();
    let got = store.feed(a.id).await.unwrap().unwrap();
    assert_eq!(got.etag.as_deref(), Some("\"v1\""));
    assert_eq!(got.last_fetched_at, Some(t0));
    assert_eq!(got.last_error, failed.error);
    assert_eq!(got.failures, 1);
    assert_eq!((got.items_seen, got.candidates), (3, 1));
    assert_eq!(got.next_poll_at, t0 + time::Duration::minutes(90));

    // a new address forgets validators and error, and is due at once
    assert!(
        store
            .update_feed(a.id, "https://other.example.pk/rss", "A", Lang::EN, true)
            .await
            .unwrap()
    );
    let moved = store.feed(a.id).await.unwrap().unwrap();
    assert_eq!(
        (moved.etag, moved.last_error, moved.failures),
        (None, None, 0)
    );
    assert_eq!(moved.lang, Lang::EN);
    assert_ne!(moved.next_poll_at, t0 + time::Duration::minutes(90));
    assert!(
        moved.next_poll_at <= time::OffsetDateTime::now_utc(),
        "due now"
    );
    // the same address keeps them
    store.record_poll(a.id, &failed).await.unwrap();
    store
        .update_feed(a.id, "https://other.example.pk/rss", "A2", Lang::EN, false)
        .await
        .unwrap();
    let kept = store.feed(a.id).await.unwrap().unwrap();
    assert_eq!(
        (kept.etag.as_deref(), kept.failures, kept.enabled),
        (Some("\"v1\""), 1, false)
    );

    assert!(store.set_feed_due(b.id, t0).await.unwrap());
    assert_eq!(store.due_feeds(t0).await.unwrap().len(), 1);
    let names: Vec<String> = store
        .feeds()
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(names, ["A2", "b", "c-off"]);
    assert!(store.delete_feed(b.id).await.unwrap());
    assert!(!store.delete_feed(b.id).await.unwrap());
}
contract!(feeds_are_scheduled_and_record_their_polls);

async fn rules_round_trip(store: &Store) {
    let mut hints = Labels::default();
    hints.insert_str("act", "blackmail_sextortion").unwrap();
    hints
        .insert_str("kind", "online_harassment_cyberstalking")
        .unwrap();
    let mut rule = Rule {
        id: RuleId::random(),
        name: "بلیک میل".into(),
        phrases: vec!["بلیک میل".into(), "blackmail".into()],
        lang: RuleLang::RomanUr,
        match_all: true,
        hints,
        enabled: true,
        created_at: datetime!(2026-03-01 10:00 UTC),
    };
    assert!(!store.save_rule(&rule).await.unwrap());
    assert_eq!(store.rule(rule.id).await.unwrap().as_ref(), Some(&rule));
    rule.phrases = vec!["sextortion".into()];
    rule.hints = Labels::default();
    rule.enabled = false;
    assert!(store.save_rule(&rule).await.unwrap());
    assert_eq!(store.rules().await.unwrap(), vec![rule.clone()]);
    assert!(store.delete_rule(rule.id).await.unwrap());
    assert!(store.rule(rule.id).await.unwrap().is_none());
}
contract!(rules_round_trip);

async fn seen_items_are_remembered_once(store: &Store) {
    let t0 = datetime!(2026-03-01 10:00 UTC);
    let feed_id = FeedId::random();
    let sig = Signature::of("FIA arrests man for blackmailing woman with fake pictures");
    let candidate = SubmissionId::random();
    let item = SeenItem {
        url_hash: "aa".repeat(32),
        feed: feed_id,
        title: sig.clone(),
        submission: Some(candidate),
        seen_at: t0,
    };
    assert!(!store.item_seen(&item.url_hash).await.unwrap());
    assert!(store.insert_item(&item).await.unwrap());
    assert!(store.item_seen(&item.url_hash).await.unwrap());
    assert!(
        !store.insert_item(&item).await.unwrap(),
        "a link is stored once"
    );
    let skipped = SeenItem {
        url_hash: "bb".repeat(32),
        submission: None,
        ..item.clone()
    };
    assert!(store.insert_item(&skipped).await.unwrap());
    let old = SeenItem {
        url_hash: "cc".repeat(32),
        submission: Some(SubmissionId::random()),
        seen_at: t0 - time::Duration::days(60),
        ..item.clone()
    };
    assert!(store.insert_item(&old).await.unwrap());
    let titles = store
        .candidate_titles(t0 - time::Duration::days(30))
        .await
        .unwrap();
    assert_eq!(
        titles,
        vec![(candidate, sig)],
        "only recent candidates, signature intact"
    );
}
contract!(seen_items_are_remembered_once);

async fn a_due_feed_is_claimed_by_one_node_until_its_lease_ends(store: &Store) {
    let t0 = datetime!(2026-03-01 10:00 UTC);
    let a = feed("a", t0);
    store.insert_feed(&a).await.unwrap();
    let lease = t0 + time::Duration::minutes(10);
    let claimed = store.claim_feed(a.id, t0, lease, "node-1").await.unwrap();
    assert_eq!(claimed.as_ref(), Some(&a), "the feed as it is");
    assert!(
        store
            .claim_feed(a.id, t0, lease, "node-2")
            .await
            .unwrap()
            .is_none(),
        "one node at a time"
    );
    assert!(
        store.due_feeds(t0).await.unwrap().is_empty(),
        "not listed while held"
    );
    // A node that died holding it: another takes it once the lease has run out.
    let later = lease + time::Duration::seconds(1);
    assert_eq!(store.due_feeds(later).await.unwrap().len(), 1);
    assert!(
        store
            .claim_feed(a.id, later, later + time::Duration::minutes(10), "node-2")
            .await
            .unwrap()
            .is_some()
    );
    // Recording the poll releases it and sets the next time it is due.
    let done = PollRecord {
        at: later,
        etag: None,
        last_modified: None,
        error: None,
        failures: 0,
        next_poll_at: later + time::Duration::minutes(30),
        new_items: 0,
        new_candidates: 0,
    };
    store.record_poll(a.id, &done).await.unwrap();
    assert!(
        store
            .claim_feed(a.id, later, later + time::Duration::minutes(10), "node-1")
            .await
            .unwrap()
            .is_none(),
        "not due yet"
    );
    let due = later + time::Duration::minutes(30);
    assert!(
        store
            .claim_feed(a.id, due, due + time::Duration::minutes(10), "node-1")
            .await
            .unwrap()
            .is_some(),
        "released by the poll"
    );
    let mut off = feed("off", t0);
    off.enabled = false;
    store.insert_feed(&off).await.unwrap();
    assert!(
        store
            .claim_feed(off.id, t0, lease, "node-1")
            .await
            .unwrap()
            .is_none()
    );
}
contract!(a_due_feed_is_claimed_by_one_node_until_its_lease_ends);

async fn a_candidate_is_stored_with_its_item_once(store: &Store) {
    let keys = OrgKeyPair::generate();
    let t0 = datetime!(2026-03-01 10:00 UTC);
    let item = SeenItem {
        url_hash: "dd".repeat(32),
        feed: FeedId::random(),
        title: Signature::of("A headline"),
        submission: None,
        seen_at: t0,
    };
    let first = new_submission(&keys.public, None);
    let arrival = Arrival {
        news_item: Some(item.clone()),
        ..Default::default()
    };
    store.insert_submission(&first, &arrival).await.unwrap();
    assert!(store.item_seen(&item.url_hash).await.unwrap());
    assert_eq!(
        store.candidate_titles(t0).await.unwrap(),
        vec![(first.envelope.id, item.title.clone())],
        "the item names its candidate"
    );
    // The same item taken by another node: nothing stored.
    let second = new_submission(&keys.public, None);
    let err = store
        .insert_submission(&second, &arrival)
        .await
        .unwrap_err();
    assert!(
        matches!(err, StorageError::Conflict("news_item")),
        "{err:?}"
    );
    assert!(
        store
            .sealed_submission(second.envelope.id)
            .await
            .unwrap()
            .is_none()
    );
}
contract!(a_candidate_is_stored_with_its_item_once);
