//! News monitoring end to end: feeds served on loopback by the test itself (RSS 2.0 and
//! Atom fixtures with ETag support), polled by the real poller, matched against English,
//! Urdu and Roman Urdu rules, de-duplicated, sealed into the inbox; failing feeds shown to
//! admins with their error and backed off; the admin forms; a candidate made a case.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use naqsha::channels::feeds::fetch::{FetchLimits, USER_AGENT};
use naqsha::channels::feeds::poll::{LEASE, Poller};
use naqsha::storage::{AuditFilter, AuditStore, NewsStore, ReviewStore};
use naqsha_core::lang::Lang;
use naqsha_core::news::{Feed, FeedId, FetchErrorKind, Rule, RuleId, RuleLang};
use naqsha_core::submission::{Channel, SubmissionStatus, WhoseStory};
use naqsha_core::taxonomy::Labels;
use naqsha_core::user::Role;
use time::OffsetDateTime;

use crate::support::staff::signed_in;
use crate::support::{App, Shared, TwoNodes, count, texts};

const ETAG: &str = "\"fixture-v1\"";

/// What the loopback feed server saw: each request's path and headers.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<(String, HeaderMap)>>>);

async fn serve_fixture(
    State(seen): State<Seen>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Response {
    seen.0.lock().unwrap().push((name.clone(), headers.clone()));
    let body = match name.as_str() {
        "dawn.xml" => include_str!("../fixtures/feeds/dawn.xml"),
        "tribune.xml" => include_str!("../fixtures/feeds/tribune.xml"),
        "jang.xml" => include_str!("../fixtures/feeds/jang.xml"),
        "invalid" => include_str!("../fixtures/feeds/invalid.txt"),
        "broken" => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == ETAG.as_bytes())
    {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, ETAG)]).into_response();
    }
    let kind = if name.ends_with(".xml") {
        "application/xml; charset=utf-8"
    } else {
        "text/html"
    };
    ([(header::ETAG, ETAG), (header::CONTENT_TYPE, kind)], body).into_response()
}

/// Serves the fixtures on 127.0.0.1 at a free port.
async fn feed_server() -> (SocketAddr, Seen) {
    let seen = Seen::default();
    let app = axum::Router::new()
        .route("/{name}", axum::routing::get(serve_fixture))
        .with_state(seen.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (addr, seen)
}

fn poller() -> Poller {
    let limits = FetchLimits {
        timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(2),
        max_bytes: 256 * 1024,
        // The test's feeds are served on loopback.
        allow_private_hosts: true,
    };
    Poller::new(30, limits).unwrap()
}

async fn add_feed(app: &App, url: String, lang: Lang, now: OffsetDateTime) -> FeedId {
    let id = FeedId::random();
    app.state
        .store()
        .insert_feed(&Feed {
            id,
            url: url.clone(),
            name: url,
            lang,
            enabled: true,
            etag: None,
            last_modified: None,
            last_fetched_at: None,
            last_error: None,
            failures: 0,
            next_poll_at: now,
            items_seen: 0,
            candidates: 0,
            created_at: now,
        })
        .await
        .unwrap();
    id
}

async fn add_rule(app: &App, phrases: &[&str], lang: RuleLang, all: bool, hints: &[(&str, &str)]) {
    app.state
        .store()
        .save_rule(&Rule {
            id: RuleId::random(),
            name: phrases.join(" / "),
            phrases: phrases.iter().map(|p| p.to_string()).collect(),
            lang,
            match_all: all,
            hints: Labels::from_pairs(hints.iter().copied()).unwrap(),
            enabled: true,
            created_at: OffsetDateTime::now_utc(),
        })
        .await
        .unwrap();
}

/// The three rules of the tests: English, Urdu (typed with Urdu letters), Roman Urdu.
async fn standard_rules(app: &App) {
    add_rule(
        app,
        &["blackmail", "sextortion"],
        RuleLang::En,
        false,
        &[("act", "blackmail_sextortion")],
    )
    .await;
    add_rule(
        app,
        &["بلیک میل"],
        RuleLang::Ur,
        false,
        &[("kind", "online_harassment_cyberstalking")],
    )
    .await;
    add_rule(
        app,
        &["tasveerein", "viral"],
        RuleLang::RomanUr,
        true,
        &[("act", "nonconsensual_intimate_images")],
    )
    .await;
}

fn terms(labels: &Labels, dimension: &str) -> Vec<String> {
    labels.terms(dimension).map(|t| t.to_string()).collect()
}

#[tokio::test]
async fn matching_items_become_sealed_candidates_once_and_unchanged_feeds_answer_304() {
    let app = App::new().await;
    let (addr, seen) = feed_server().await;
    standard_rules(&app).await;
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
    // the longest-waiting feed is polled first: the first outlet's item is the candidate
    let minute = time::Duration::minutes(1);
    let dawn = add_feed(
        &app,
        format!("http://{addr}/dawn.xml"),
        Lang::EN,
        now - minute * 2,
    )
    .await;
    let tribune = add_feed(
        &app,
        format!("http://{addr}/tribune.xml"),
        Lang::EN,
        now - minute,
    )
    .await;
    let jang = add_feed(&app, format!("http://{addr}/jang.xml"), Lang::UR, now).await;

    let poller = poller();
    assert_eq!(poller.poll_due(&app.state, now).await.unwrap(), 3);

    let inbox = app.inbox().await;
    assert_eq!(
        inbox.len(),
        3,
        "the Lahore story once (not again by URL, not from the second outlet), the Roman \
         Urdu one, the Urdu one; no cricket, budget or weather"
    );
    assert!(inbox.iter().all(|e| e.channel == Channel::News));
    let mut by_url = std::collections::BTreeMap::new();
    for e in &inbox {
        let r = app.open_report(e.id).await;
        by_url.insert(r.report.source_url.clone().unwrap(), r);
    }
    let keys: Vec<String> = by_url.keys().cloned().collect();
    let lahore = by_url
        .get("https://dawn.example.pk/news/2026/03/fia-arrests-man")
        .unwrap_or_else(|| panic!("{keys:?}"));
    let text = lahore.report.what_happened.as_str();
    assert!(
        text.starts_with("FIA arrests man for blackmailing woman with fake pictures in Lahore\n\n")
    );
    assert!(
        text.contains("used blackmail to demand money & threatened"),
        "{text}"
    );
    assert!(
        !text.contains('<') && !text.contains("track()"),
        "HTML reduced to text: {text}"
    );
    assert_eq!(lahore.report.whose_story, Some(WhoseStory::NewsReport));
    assert_eq!(lahore.report.language, Lang::EN);
    assert_eq!(
        terms(&lahore.report.labels, "act"),
        ["blackmail_sextortion"]
    );
    assert_eq!(terms(&lahore.report.labels, "source"), ["news_report"]);
    assert_eq!(
        lahore.report.when.as_ref().map(|w| w.month.to_string()),
        Some("2026-03".into())
    );

    let roman = &by_url["https://dawn.example.pk/news/2026/03/tasveerein"];
    assert_eq!(
        terms(&roman.report.labels, "act"),
        ["nonconsensual_intimate_images"]
    );

    let urdu = &by_url["https://jang.example.pk/news/1001"];
    assert_eq!(urdu.report.language, Lang::UR);
    assert_eq!(
        terms(&urdu.report.labels, "kind"),
        ["online_harassment_cyberstalking"]
    );
    assert!(urdu.report.what_happened.as_str().contains("جعلی تصویریں"));

    let store = app.state.store();
    let f = store.feed(dawn).await.unwrap().unwrap();
    assert_eq!(
        (f.items_seen, f.candidates),
        (3, 2),
        "four items, two of them one link"
    );
    assert_eq!(f.etag.as_deref(), Some(ETAG));
    assert!(f.last_error.is_none() && f.last_fetched_at.is_some());
    assert_eq!(f.next_poll_at, now + time::Duration::minutes(30));
    let t = store.feed(tribune).await.unwrap().unwrap();
    assert_eq!(
        (t.items_seen, t.candidates),
        (2, 0),
        "the same headline is not a second candidate"
    );
    let j = store.feed(jang).await.unwrap().unwrap();
    assert_eq!((j.items_seen, j.candidates), (2, 1));

    // Half an hour later: every feed answers 304 to its ETag, nothing new arrives.
    let later = now + time::Duration::minutes(31);
    assert_eq!(poller.poll_due(&app.state, later).await.unwrap(), 3);
    assert_eq!(app.inbox().await.len(), 3);
    let f = store.feed(dawn).await.unwrap().unwrap();
    assert_eq!(f.last_fetched_at, Some(later));
    assert_eq!(f.items_seen, 3);
    let requests = seen.0.lock().unwrap().clone();
    assert_eq!(requests.len(), 6);
    for (i, (_, headers)) in requests.iter().enumerate() {
        let conditional = headers
            .get(header::IF_NONE_MATCH)
            .map(|v| v.to_str().unwrap());
        assert_eq!(conditional, (i >= 3).then_some(ETAG), "request {i}");
        assert_eq!(headers.get(header::USER_AGENT).unwrap(), USER_AGENT);
        assert!(headers.get(header::COOKIE).is_none());
        assert!(headers.get(header::REFERER).is_none());
        assert!(headers.get(header::AUTHORIZATION).is_none());
    }
}

#[tokio::test]
async fn failing_feeds_show_their_error_to_admins_and_back_off() {
    let app = App::new().await;
    let (addr, _) = feed_server().await;
    standard_rules(&app).await;
    // a port nobody listens on: bound, then released
    let refused = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap()
    };
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
    let broken = add_feed(&app, format!("http://{addr}/broken"), Lang::EN, now).await;
    let invalid = add_feed(&app, format!("http://{addr}/invalid"), Lang::EN, now).await;
    let closed = add_feed(&app, format!("http://{refused}/feed.xml"), Lang::EN, now).await;
    let poller = poller();
    assert_eq!(poller.poll_due(&app.state, now).await.unwrap(), 3);
    assert!(app.inbox().await.is_empty());

    let store = app.state.store();
    let expected = [
        (broken, FetchErrorKind::Status, "500"),
        (invalid, FetchErrorKind::Parse, ""),
        (closed, FetchErrorKind::Connect, ""),
    ];
    for (id, kind, detail) in expected {
        let f = store.feed(id).await.unwrap().unwrap();
        let e = f.last_error.clone().expect("the error is kept");
        assert_eq!(e.kind, kind, "{}", f.url);
        if !detail.is_empty() {
            assert_eq!(e.detail, detail);
        }
        assert_eq!(f.failures, 1);
        assert!(f.last_fetched_at.is_none());
        assert_eq!(
            f.next_poll_at,
            now + time::Duration::minutes(60),
            "twice the interval"
        );
    }
    // not due again before the backoff has passed; then it doubles again
    assert_eq!(
        poller
            .poll_due(&app.state, now + time::Duration::minutes(45))
            .await
            .unwrap(),
        0
    );
    let later = now + time::Duration::minutes(61);
    assert_eq!(poller.poll_due(&app.state, later).await.unwrap(), 3);
    let f = store.feed(broken).await.unwrap().unwrap();
    assert_eq!(f.failures, 2);
    assert_eq!(f.next_poll_at, later + time::Duration::minutes(120));

    let admin = signed_in(&app, "feeds-admin", Role::Admin).await;
    let page = admin.get(&app, "/admin/feeds").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.html();
    let error = |id: FeedId| texts(&html, &format!("tr[data-feed=\"{id}\"] .feed-error")).join(" ");
    assert!(
        error(broken).contains("The feed's server answered with an error")
            && error(broken).contains("500")
    );
    assert!(error(invalid).contains("This is not an RSS or Atom feed"));
    assert!(error(closed).contains("Could not connect to the feed."));
    assert!(error(closed).contains("2 failed checks in a row"));
}

#[tokio::test]
async fn admins_add_feeds_and_rules_through_the_forms() {
    let app = App::new().await;
    let admin = signed_in(&app, "feeds-admin", Role::Admin).await;

    let refused = admin
        .post(
            &app,
            "/admin/feeds",
            &[
                ("url", "dawn.example.pk/rss"),
                ("name", "Daily Example"),
                ("lang", "en"),
                ("enabled", "1"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.html();
    assert!(
        texts(&html, ".feed-form + *, .form-error")
            .join(" ")
            .contains("starting with https://")
    );
    assert_eq!(
        crate::support::attrs(&html, "#feed-name", "value"),
        ["Daily Example"],
        "the values typed are kept"
    );
    let added = admin
        .post(
            &app,
            "/admin/feeds",
            &[
                ("url", "https://dawn.example.pk/rss"),
                ("name", "Daily Example"),
                ("lang", "ur"),
                ("enabled", "1"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    assert_eq!(
        added.header("location"),
        Some("/admin/feeds?done=feed_added")
    );
    let feeds = app.state.store().feeds().await.unwrap();
    assert_eq!(feeds.len(), 1);
    assert_eq!(
        (feeds[0].url.as_str(), feeds[0].lang, feeds[0].enabled),
        ("https://dawn.example.pk/rss", Lang::UR, true)
    );

    let refused = admin
        .post(
            &app,
            "/admin/feeds/rules",
            &[
                ("name", "Blackmail"),
                ("lang", "ur"),
                ("phrases", "  \n "),
                ("hint", "act:blackmail_sextortion"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.html();
    assert!(
        texts(&html, ".form-error")
            .join(" ")
            .contains("at least one word or phrase")
    );
    assert_eq!(
        crate::support::attrs(&html, "#rule-name", "value"),
        ["Blackmail"]
    );
    assert_eq!(
        count(
            &html,
            "input[name=hint][value=\"act:blackmail_sextortion\"][checked]"
        ),
        1
    );
    let added = admin
        .post(
            &app,
            "/admin/feeds/rules",
            &[
                ("name", "Blackmail"),
                ("lang", "ur"),
                ("phrases", "بلیک میل\nblackmail"),
                ("match", "any"),
                ("enabled", "1"),
                ("hint", "act:blackmail_sextortion"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    let rules = app.state.store().rules().await.unwrap();
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0].phrases, ["بلیک میل", "blackmail"]);
    assert_eq!(terms(&rules[0].hints, "act"), ["blackmail_sextortion"]);

    let list = admin.get(&app, "/admin/feeds?done=rule_added").await;
    let html = list.html();
    assert_eq!(texts(&html, ".feed-name").len(), 1);
    assert!(texts(&html, ".rule-phrases").join(" ").contains("بلیک میل"));
    assert!(texts(&html, ".feed-fetched").join(" ").contains("Never"));

    // switched off from the list, edited through its own page
    let id = feeds[0].id;
    admin
        .post(&app, &format!("/admin/feeds/{id}/toggle"), &[])
        .await;
    assert!(!app.state.store().feed(id).await.unwrap().unwrap().enabled);
    let edit = admin.get(&app, &format!("/admin/feeds/{id}")).await;
    assert_eq!(
        crate::support::attrs(&edit.html(), "#feed-url", "value"),
        ["https://dawn.example.pk/rss"]
    );
    let saved = admin
        .post(
            &app,
            &format!("/admin/feeds/{id}"),
            &[
                ("url", "https://dawn.example.pk/feed"),
                ("name", "Dawn"),
                ("lang", "en"),
                ("enabled", "1"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let f = app.state.store().feed(id).await.unwrap().unwrap();
    assert_eq!((f.name.as_str(), f.enabled), ("Dawn", true));
    admin
        .post(&app, &format!("/admin/feeds/{id}/delete"), &[])
        .await;
    assert!(app.state.store().feeds().await.unwrap().is_empty());

    // Every change is in the audit log, with the feed or rule it touched.
    let changes = app
        .state
        .store()
        .audit_events(
            &AuditFilter {
                action: Some(naqsha_core::audit::AuditAction::SettingsChange),
                ..Default::default()
            },
            100,
            0,
        )
        .await
        .unwrap();
    let details: Vec<&str> = changes.iter().filter_map(|e| e.detail.as_deref()).collect();
    for what in ["feed added", "rule added", "feed changed", "feed removed"] {
        assert!(
            details.contains(&what),
            "{what} is not audited: {details:?}"
        );
    }
    assert!(
        changes
            .iter()
            .any(|e| e.subject.as_deref() == Some(id.to_string().as_str()))
    );

    // moderators do not configure monitoring
    let moderator = signed_in(&app, "mod", Role::Moderator).await;
    assert_eq!(
        moderator.get(&app, "/admin/feeds").await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_moderator_makes_a_case_from_a_news_candidate_in_one_step() {
    let app = App::new().await;
    let (addr, _) = feed_server().await;
    standard_rules(&app).await;
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
    add_feed(&app, format!("http://{addr}/jang.xml"), Lang::UR, now).await;
    poller().poll_due(&app.state, now).await.unwrap();
    let candidate = app.only_submission().await;

    let moderator = signed_in(&app, "mod", Role::Moderator).await;
    let inbox = moderator.get(&app, "/admin/inbox").await;
    let html = inbox.html();
    let action = format!("/admin/submissions/{}/news-case", candidate.id);
    assert_eq!(
        count(&html, &format!("form[action=\"{action}\"]")),
        1,
        "the inbox row offers it"
    );
    let review = format!("/admin/submissions/{}", candidate.id);
    let before = moderator.get(&app, &review).await;
    assert_eq!(
        count(&before.html(), &format!("form[action=\"{action}\"]")),
        1,
        "so does the review page"
    );

    let made = moderator.post(&app, &action, &[]).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.text());
    assert_eq!(
        made.header("location"),
        Some(format!("{review}?done=news_case").as_str())
    );

    let store = app.state.store();
    let case = store
        .case_for_submission(candidate.id)
        .await
        .unwrap()
        .expect("a case");
    assert_eq!(terms(&case.labels, "source"), ["news_report"]);
    assert_eq!(
        terms(&case.labels, "kind"),
        ["online_harassment_cyberstalking"]
    );
    assert_eq!(case.period.map(|p| p.to_string()), Some("2026-03".into()));
    let envelope = app.only_submission().await;
    assert_eq!(envelope.status, SubmissionStatus::InReview);

    let page = moderator
        .get(&app, &format!("{review}?done=news_case"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        count(&page.html(), &format!("form[action=\"{action}\"]")),
        0,
        "once made, the case is not offered again"
    );
    let body = page.text();
    assert!(
        body.contains("https://jang.example.pk/news/1001"),
        "the source link is shown"
    );
    assert!(body.contains("Case made from the news item"));
    // the headline is the working Urdu title
    assert!(body.contains("خاتون کو بليك ميل کرنے والا ملزم گرفتار"));
    assert_eq!(
        count(
            &moderator.get(&app, "/admin/inbox").await.html(),
            &format!("form[action=\"{action}\"]")
        ),
        0,
        "done once"
    );

    let audit = store
        .audit_events(&AuditFilter::default(), 100, 0)
        .await
        .unwrap();
    assert!(audit.iter().any(|e| {
        e.detail
            .as_deref()
            .is_some_and(|d| d.contains("news candidate -> case"))
            && e.actor == Some(moderator.user.id)
    }));
}

#[tokio::test]
async fn a_feed_larger_than_the_cap_is_refused_not_read() {
    let app = App::new().await;
    let (addr, _) = feed_server().await;
    standard_rules(&app).await;
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
    let dawn = add_feed(&app, format!("http://{addr}/dawn.xml"), Lang::EN, now).await;
    let small = Poller::new(
        30,
        FetchLimits {
            timeout: Duration::from_secs(5),
            connect_timeout: Duration::from_secs(2),
            max_bytes: 1024,
            allow_private_hosts: true,
        },
    )
    .unwrap();
    small.poll_due(&app.state, now).await.unwrap();
    let f = app.state.store().feed(dawn).await.unwrap().unwrap();
    assert_eq!(f.last_error.map(|e| e.kind), Some(FetchErrorKind::TooLarge));
    assert!(app.inbox().await.is_empty());
}

#[tokio::test]
async fn feeds_on_private_addresses_are_refused_unless_allowed() {
    let app = App::new().await;
    let (addr, seen) = feed_server().await;
    standard_rules(&app).await;
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
    // By address and by a name that resolves to loopback.
    let by_ip = add_feed(&app, format!("http://{addr}/dawn.xml"), Lang::EN, now).await;
    let by_name = add_feed(
        &app,
        format!("http://localhost:{}/dawn.xml", addr.port()),
        Lang::EN,
        now,
    )
    .await;
    let default = Poller::new(30, FetchLimits::default()).unwrap();
    default.poll_due(&app.state, now).await.unwrap();
    for id in [by_ip, by_name] {
        let f = app.state.store().feed(id).await.unwrap().unwrap();
        assert_eq!(
            f.last_error.map(|e| e.kind),
            Some(FetchErrorKind::PrivateAddress)
        );
    }
    assert!(
        seen.0.lock().unwrap().is_empty(),
        "nothing reached the private server"
    );
    assert!(app.inbox().await.is_empty());
    let admin = signed_in(&app, "ssrf-admin", Role::Admin).await;
    let page = admin.get(&app, "/admin/feeds").await;
    assert!(page.text().contains("private or local network"));
}

/// Two nodes poll at the same instant: one feed, and the same stories under a second feed
/// (an outlet's two addresses). Each feed is fetched by one node only, and each story
/// becomes one candidate, whichever node took it.
async fn two_nodes_polling_at_once_make_each_candidate_once(shared: Shared) {
    let Some(nodes) = TwoNodes::new(shared, |_| {}).await else {
        return;
    };
    let (addr, seen) = feed_server().await;
    standard_rules(&nodes.one).await;
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
    let minute = time::Duration::minutes(1);
    let dawn = add_feed(
        &nodes.one,
        format!("http://{addr}/dawn.xml"),
        Lang::EN,
        now - minute,
    )
    .await;
    let mirror = add_feed(
        &nodes.one,
        format!("http://{addr}/dawn.xml?mirror"),
        Lang::EN,
        now,
    )
    .await;
    let (p1, p2) = (poller(), poller());
    let (a, b) = tokio::join!(
        p1.poll_due(&nodes.one.state, now),
        p2.poll_due(&nodes.two.state, now)
    );
    assert_eq!(
        a.unwrap() + b.unwrap(),
        2,
        "each feed polled once between the two nodes"
    );
    assert_eq!(seen.0.lock().unwrap().len(), 2, "two fetches, not four");

    for node in [&nodes.one, &nodes.two] {
        let inbox = node.inbox().await;
        assert_eq!(
            inbox.len(),
            2,
            "the Lahore story and the Roman Urdu one, once each, on either node"
        );
        let mut urls: Vec<String> = Vec::new();
        for e in &inbox {
            urls.push(node.open_report(e.id).await.report.source_url.unwrap());
        }
        urls.sort();
        urls.dedup();
        assert_eq!(urls.len(), 2, "{urls:?}");
    }
    let store = nodes.two.state.store();
    let (d, m) = (
        store.feed(dawn).await.unwrap().unwrap(),
        store.feed(mirror).await.unwrap().unwrap(),
    );
    assert_eq!(
        (d.items_seen + m.items_seen, d.candidates + m.candidates),
        (3, 2),
        "three items and two candidates between the two feeds"
    );
    for f in [&d, &m] {
        assert_eq!(f.next_poll_at, now + time::Duration::minutes(30));
    }

    // Neither node polls again before the feeds are due.
    let (a, b) = tokio::join!(
        p1.poll_due(&nodes.one.state, now + minute),
        p2.poll_due(&nodes.two.state, now + minute)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 0);
    assert_eq!(seen.0.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn two_nodes_polling_at_once_make_each_candidate_once_on_sqlite() {
    two_nodes_polling_at_once_make_each_candidate_once(Shared::Sqlite).await;
}

#[tokio::test]
async fn two_nodes_polling_at_once_make_each_candidate_once_on_postgres() {
    two_nodes_polling_at_once_make_each_candidate_once(Shared::Postgres).await;
}

/// A node that claimed a feed and died holds it until its lease runs out; then another
/// polls it.
#[tokio::test]
async fn a_feed_held_by_a_node_that_died_is_polled_after_its_lease() {
    let app = App::new().await;
    let (addr, seen) = feed_server().await;
    standard_rules(&app).await;
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
    let dawn = add_feed(&app, format!("http://{addr}/dawn.xml"), Lang::EN, now).await;
    let store = app.state.store();
    let held = store
        .claim_feed(dawn, now, now + LEASE, "a node that died")
        .await
        .unwrap();
    assert!(held.is_some());
    assert_eq!(poller().poll_due(&app.state, now).await.unwrap(), 0);
    assert!(seen.0.lock().unwrap().is_empty());
    let after = now + LEASE + time::Duration::seconds(1);
    assert_eq!(poller().poll_due(&app.state, after).await.unwrap(), 1);
    assert_eq!(app.inbox().await.len(), 2);
}
