//! The federation feed as another instance reads it: `/federation` and `/data` show the key;
//! the feed at `/federation/feed` opens with that key through the same checks a follower
//! makes (`Envelope::open`); it carries the published stories with a month and a place, in
//! their public categories only, never a statistics-only or unplaced one (a demo one marked demo); a change
//! comes after the cursor at a higher `seq`, a story unpublished or turned statistics-only as
//! a tombstone; an unchanged feed answers 304; a bad `since` 400.

use std::collections::BTreeMap;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use naqsha::storage::ModerationStore;
use naqsha_core::case::{Case, CaseStatus};
use naqsha_core::federation::{Change, Envelope, Exchange, OpenedPage, PublicKey};
use naqsha_core::submission::Consent;
use naqsha_core::taxonomy::Labels;

use crate::support::{App, case, place, story, texts};

fn labels(pairs: &[(&str, &str)]) -> Labels {
    let mut l = Labels::new();
    for (d, t) in pairs {
        l.insert_str(d, t).unwrap();
    }
    l
}

struct Seeded {
    lahore: Case,
    sindh: Case,
    unplaced: Case,
    counted_only: Case,
    demo: Case,
}

/// A story in a district with public and survivor categories, one in a province, one without
/// a place, a statistics-only case and a demo story.
async fn seeded(app: &App) -> Seeded {
    let mut lahore = case("Fake profile made with her photos");
    lahore.story_ur = Some(story("اس کی تصاویر سے جعلی پروفائل", "کہانی"));
    lahore.place = place("pk-pb-lahore");
    lahore.province = place("pk-pb");
    lahore.labels = labels(&[
        ("act", "impersonation"),
        ("platform", "facebook"),
        ("survivor_age_band", "age_18_24"),
    ]);
    let mut sindh = case("Account taken over");
    sindh.place = place("pk-sd");
    sindh.province = place("pk-sd");
    sindh.labels = labels(&[("act", "hacking")]);
    let unplaced = case("Somewhere");
    let mut counted_only = case("Counted only");
    counted_only.status = CaseStatus::StatisticsOnly;
    counted_only.consent = Consent::StatisticsOnly;
    counted_only.story_en = None;
    counted_only.place = place("pk-kp");
    counted_only.province = place("pk-kp");
    let mut demo = case("A demo story");
    demo.demo = true;
    demo.place = place("pk-ba");
    demo.province = place("pk-ba");
    for c in [&lahore, &sindh, &unplaced, &counted_only, &demo] {
        app.save(c).await;
    }
    app.state.public().invalidate();
    Seeded {
        lahore,
        sindh,
        unplaced,
        counted_only,
        demo,
    }
}

async fn key_of(app: &App) -> PublicKey {
    let info = app.get("/federation").await;
    assert_eq!(info.status, StatusCode::OK);
    let info = info.json();
    assert_eq!(info["country"], "PK");
    assert_eq!(info["url"], "https://naqsha.example.org/");
    assert_eq!(info["url_configured"], true);
    assert_eq!(info["feed"], "https://naqsha.example.org/federation/feed");
    info["public_key"].as_str().unwrap().parse().unwrap()
}

fn open(body: &[u8], key: &PublicKey) -> OpenedPage {
    let opened = Envelope::open(
        body,
        key,
        &*naqsha::federation::shapes(),
        Exchange::shipped(),
    )
    .unwrap();
    assert!(opened.refused.is_empty(), "{:?}", opened.refused);
    opened
}

fn by_id(opened: &OpenedPage) -> BTreeMap<String, (u64, Change)> {
    opened
        .page
        .items
        .iter()
        .map(|i| (i.id.clone(), (i.seq, i.change.clone())))
        .collect()
}

async fn app() -> App {
    App::with_config(|c| {
        c.public_url = Some("https://naqsha.example.org".into());
        c.site_title = Some("Naqsha Pakistan".into());
    })
    .await
}

#[tokio::test]
async fn the_feed_verifies_with_the_key_shown_and_carries_only_published_placed_stories() {
    let app = app().await;
    let s = seeded(&app).await;
    let key = key_of(&app).await;

    // The /data page shows the same key and the feed's address, and says what is left out.
    let data = app.get("/data").await.html();
    assert_eq!(texts(&data, ".federation-key"), vec![key.to_string()]);
    assert!(
        texts(&data, "#federation-heading + p + dl a")
            .contains(&"https://naqsha.example.org/federation/feed".to_owned())
    );
    assert_eq!(
        texts(&data, ".federation-unsent"),
        vec!["1 published story is not in the feed: it has no month or no place."]
    );
    let ur = app.get("/ur/data").await.html();
    assert_eq!(texts(&ur, ".federation-key"), vec![key.to_string()]);
    assert_eq!(
        texts(&ur, "#federation-heading"),
        vec!["کسی دوسرے نقشہ سے اس نقشے کو فالو کریں"]
    );

    let feed = app.get("/federation/feed?since=0").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert_eq!(feed.header("content-type"), Some("application/json"));
    assert!(feed.header("set-cookie").is_none());
    let opened = open(&feed.body, &key);
    let page = &opened.page;
    assert_eq!(page.instance.name, "Naqsha Pakistan");
    assert_eq!(page.instance.country.as_str(), "PK");
    assert_eq!((page.since, page.more), (0, false));
    let items = by_id(&opened);
    let ids: Vec<&String> = items.keys().collect();
    let mut expected = [
        s.lahore.id.to_string(),
        s.sindh.id.to_string(),
        s.demo.id.to_string(),
    ];
    expected.sort();
    assert_eq!(ids, expected.iter().collect::<Vec<_>>());
    for absent in [&s.unplaced, &s.counted_only] {
        assert!(!items.contains_key(&absent.id.to_string()));
    }
    // The demo story goes marked as demo, the others not.
    for (id, (_, change)) in &items {
        let Change::Case(c) = change else {
            panic!("{id} is a case")
        };
        assert_eq!(c.demo, *id == s.demo.id.to_string(), "{id}");
    }
    assert_eq!(page.cursor, page.items.iter().map(|i| i.seq).max().unwrap());

    let Change::Case(lahore) = &items[&s.lahore.id.to_string()].1 else {
        panic!("the Lahore story is a case");
    };
    assert_eq!(
        lahore.url.as_str(),
        format!("https://naqsha.example.org/stories/{}", s.lahore.id)
    );
    assert_eq!(
        (lahore.region.code.as_str(), lahore.region.name.as_str()),
        ("PK-PB", "Punjab")
    );
    let district = lahore.district.as_ref().unwrap();
    assert_eq!(
        (district.code.as_str(), district.name.as_str()),
        ("pk-pb-lahore", "Lahore")
    );
    assert_eq!(lahore.month.to_string(), "2024-03");
    assert_eq!(lahore.title["en"], "Fake profile made with her photos");
    assert_eq!(lahore.title["ur"], "اس کی تصاویر سے جعلی پروفائل");
    // The survivor's age band is counted, never sent beside a story.
    assert_eq!(lahore.terms, vec!["act/impersonation", "platform/facebook"]);
    assert_eq!(
        lahore.exchange,
        vec!["act/impersonation", "platform/facebook"]
    );
    let Change::Case(sindh) = &items[&s.sindh.id.to_string()].1 else {
        panic!("the Sindh story is a case");
    };
    assert_eq!(sindh.district, None);
    assert_eq!(sindh.region.code, "PK-SD");

    // Signed by this key only: another key refuses the page whole.
    let other = naqsha_core::federation::InstanceKey::generate().public();
    assert!(
        Envelope::open(
            &feed.body,
            &other,
            &*naqsha::federation::shapes(),
            Exchange::shipped()
        )
        .is_err()
    );
}

#[tokio::test]
async fn changes_come_after_the_cursor_and_unpublished_stories_as_tombstones() {
    let app = app().await;
    let s = seeded(&app).await;
    let key = key_of(&app).await;
    let first = app.get("/federation/feed?since=0").await;
    let first = open(&first.body, &key).page;
    let cursor = first.cursor;
    let etag = app
        .get(&format!("/federation/feed?since={cursor}"))
        .await
        .header("etag")
        .unwrap()
        .to_owned();

    // Nothing changed: nothing after the cursor, and 304 for the same validator.
    let nothing = app.get(&format!("/federation/feed?since={cursor}")).await;
    let nothing = open(&nothing.body, &key).page;
    assert!(nothing.items.is_empty());
    assert_eq!(nothing.cursor, cursor);
    let not_modified = app
        .send(
            Request::get(format!("/federation/feed?since={cursor}"))
                .header("if-none-match", &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(not_modified.status, StatusCode::NOT_MODIFIED);
    assert!(not_modified.body.is_empty());

    // The Lahore story is edited, the Sindh story goes back to review, and the unplaced one
    // gets a place and so enters the feed.
    let mut lahore = s.lahore.clone();
    lahore.story_en = Some(story(
        "Fake profile, reported",
        "What happened, anonymised.",
    ));
    let mut sindh = s.sindh.clone();
    sindh.status = CaseStatus::InReview;
    let mut placed = s.unplaced.clone();
    placed.place = place("pk-is");
    placed.province = place("pk-is");
    for c in [&lahore, &sindh, &placed] {
        app.state.store().save_case(c).await.unwrap();
    }
    app.state.public().invalidate();

    let changed = app
        .send(
            Request::get(format!("/federation/feed?since={cursor}"))
                .header("if-none-match", &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        changed.status,
        StatusCode::OK,
        "the old validator no longer matches"
    );
    let opened = open(&changed.body, &key);
    let items = by_id(&opened);
    assert_eq!(items.len(), 3);
    assert!(items.values().all(|(seq, _)| *seq > cursor));
    let Change::Case(edited) = &items[&lahore.id.to_string()].1 else {
        panic!("the edited story is sent again");
    };
    assert_eq!(edited.title["en"], "Fake profile, reported");
    assert_eq!(items[&sindh.id.to_string()].1, Change::Gone);
    assert!(matches!(items[&placed.id.to_string()].1, Change::Case(_)));
    let cursor = opened.page.cursor;

    // A story turned statistics-only leaves the feed too.
    let mut counted = lahore.clone();
    counted.status = CaseStatus::StatisticsOnly;
    counted.consent = Consent::StatisticsOnly;
    app.state.store().save_case(&counted).await.unwrap();
    app.state.public().invalidate();
    let gone = app.get(&format!("/federation/feed?since={cursor}")).await;
    let gone = open(&gone.body, &key);
    assert_eq!(gone.page.items.len(), 1);
    assert_eq!(gone.page.items[0].id, lahore.id.to_string());
    assert_eq!(gone.page.items[0].change, Change::Gone);
    assert!(gone.page.items[0].seq > cursor);

    // Read from the start, the feed is the snapshot: no tombstones, the stories left (the
    // new one and the demo one).
    let snapshot = app.get("/federation/feed?since=0").await;
    let snapshot = open(&snapshot.body, &key).page;
    let mut ids: Vec<String> = snapshot.items.iter().map(|i| i.id.clone()).collect();
    ids.sort();
    let mut left = vec![placed.id.to_string(), s.demo.id.to_string()];
    left.sort();
    assert_eq!(ids, left);
    assert_eq!(
        snapshot.cursor, gone.page.cursor,
        "the cursor passes the tombstones"
    );
}

#[tokio::test]
async fn pages_follow_on_and_bad_cursors_are_refused() {
    let app = app().await;
    for i in 0..5 {
        let mut c = case(&format!("Story {i}"));
        c.place = place("pk-pb-lahore");
        c.province = place("pk-pb");
        app.save(&c).await;
    }
    app.state.public().invalidate();
    let key = key_of(&app).await;
    let mut since = 0;
    let mut seen = Vec::new();
    loop {
        let reply = app
            .get(&format!("/federation/feed?since={since}&limit=2"))
            .await;
        let page = open(&reply.body, &key).page;
        assert!(page.items.len() <= 2);
        seen.extend(page.items.iter().map(|i| i.id.clone()));
        since = page.cursor;
        if !page.more {
            break;
        }
    }
    assert_eq!(seen.len(), 5);

    for bad in [
        "since=-1",
        "since=abc",
        "since=1&limit=0",
        "limit=5001",
        "since=999",
    ] {
        let reply = app.get(&format!("/federation/feed?{bad}")).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
        let body = reply.json();
        assert_eq!(body["error"]["code"], "bad_request", "{bad}");
        assert!(
            body["error"]["detail"]
                .as_str()
                .unwrap()
                .starts_with("query parameter"),
            "{bad}: {body}"
        );
    }
    let openapi = app.get("/api/openapi.json").await.json();
    assert!(openapi["paths"]["/federation/feed"]["get"].is_object());
}

#[tokio::test]
async fn the_command_prints_the_key_the_feed_is_signed_with() {
    // No public_url: the command says the address is the bind address.
    let app = App::new().await;
    let out = app.naqsha(&["federation", "key"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut lines = stdout.lines();
    let printed: PublicKey = lines.next().unwrap().parse().unwrap();
    assert_eq!(
        lines.next(),
        Some("feed: http://127.0.0.1:8080/federation/feed")
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("public_url is not set"));
    // The server made no other key: the feed it serves opens with the printed one.
    let feed = app.get("/federation/feed").await;
    assert_eq!(feed.status, StatusCode::OK);
    Envelope::open(
        &feed.body,
        &printed,
        &*naqsha::federation::shapes(),
        Exchange::shipped(),
    )
    .unwrap();
}

#[tokio::test]
async fn an_instance_that_does_not_publish_has_no_feed_and_no_key_on_data() {
    let app = App::with_config(|c| {
        c.public_url = Some("https://naqsha.example.org".into());
        c.federation.publish = false;
    })
    .await;
    seeded(&app).await;
    assert_eq!(
        app.get("/federation/feed?since=0").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get("/federation").await.status, StatusCode::NOT_FOUND);
    let data = app.get("/data").await;
    assert_eq!(data.status, StatusCode::OK);
    assert!(
        !data.text().contains("Follow this map from another Naqsha"),
        "{}",
        data.text()
    );
    assert!(!data.text().contains("ed25519:"));
}
