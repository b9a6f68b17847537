//! Three instances on loopback, as issue 22 asks: a real Naqsha in Pakistan (the whole app,
//! serving its signed feed over TCP, with Urdu titles and the default taxonomy), "Nepal" with
//! another country and another taxonomy (`support::fake_instance`, signed as a publisher signs),
//! and an aggregator following both. The aggregator pulls, verifies and shows both on its world
//! map, attributed and linked; a story sent back to review in Pakistan vanishes from the
//! aggregator on the next pull; a feed changed on its way (a proxy that edits the signed page) is
//! refused with the reason on the admin page, and what was held before stays.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::State;
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};
use naqsha::federation::pull::{PullNow, PullOutcome};
use naqsha_core::case::CaseStatus;
use naqsha_core::taxonomy::Labels;
use naqsha_core::user::Role;

use crate::support::fake_instance::FakeInstance;
use crate::support::staff::signed_in;
use crate::support::{App, attrs, case, place, story, texts};

/// Binds a loopback port first, so the app can be told its own public address.
async fn listener() -> (tokio::net::TcpListener, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    (listener, url)
}

/// Serves `app`'s router on `listener` until the test's runtime ends.
fn serve(app: &App, listener: tokio::net::TcpListener) {
    let router = app.router.clone();
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
}

/// A proxy in front of `upstream` that changes `from` into `to` in every body it passes on.
fn tampering_proxy(listener: tokio::net::TcpListener, upstream: String, from: &str, to: &str) {
    #[derive(Clone)]
    struct Proxy {
        upstream: String,
        from: String,
        to: String,
    }
    async fn forward(State(p): State<Proxy>, req: Request<Body>) -> Response {
        let url = format!("{}{}", p.upstream, req.uri());
        let body = reqwest::get(&url).await.unwrap().text().await.unwrap();
        body.replace(&p.from, &p.to).into_response()
    }
    let proxy = Proxy {
        upstream,
        from: from.into(),
        to: to.into(),
    };
    let router = axum::Router::new().fallback(forward).with_state(proxy);
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
}

fn labels(pairs: &[(&str, &str)]) -> Labels {
    let mut l = Labels::new();
    for (d, t) in pairs {
        l.insert_str(d, t).unwrap();
    }
    l
}

async fn pull(app: &App, name: &str) -> PullOutcome {
    let puller = app.state.federation().puller().expect("a puller");
    match puller.pull_now(app.state.store(), name).await.unwrap() {
        PullNow::Pulled(o) => o,
        other => panic!("{name} not pulled: {other:?}"),
    }
}

async fn follow(aggregator: &App, name: &str, url: &str, key: &str) {
    let new = naqsha::federation::follows::parse(url, key, name).unwrap();
    naqsha::federation::follows::follow(aggregator.state.store(), &new)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_aggregator_follows_a_naqsha_in_pakistan_and_a_map_in_nepal() {
    // Pakistan: the real application, its feed served over TCP.
    let (pk_listener, pk_url) = listener().await;
    let pk = App::with_config(|c| {
        c.public_url = Some(pk_url.clone());
        c.site_title = Some("Naqsha Pakistan".into());
    })
    .await;
    let mut lahore = case("Fake profile made with her photos");
    lahore.story_ur = Some(story("اس کی تصاویر سے جعلی پروفائل", "کہانی"));
    lahore.place = place("pk-pb-lahore");
    lahore.province = place("pk-pb");
    lahore.labels = labels(&[("act", "impersonation"), ("platform", "facebook")]);
    let mut karachi = case("Threatened after a video");
    karachi.story_ur = Some(story("ویڈیو کے بعد دھمکیاں", "کہانی"));
    karachi.place = place("pk-sd-karachi-south");
    karachi.province = place("pk-sd");
    karachi.labels = labels(&[("act", "threats")]);
    // Two more, so that every count stays above the small-cell rule's threshold.
    let mut more = Vec::new();
    for (title, district, province) in [
        ("Account taken over", "pk-kp-peshawar", "pk-kp"),
        ("Doxxed after a post", "pk-pb-lahore", "pk-pb"),
    ] {
        let mut c = case(title);
        c.place = place(district);
        c.province = place(province);
        c.labels = labels(&[("act", "hacking")]);
        more.push(c);
    }
    // The last is demo data: it travels marked, and the aggregator marks it too.
    more[1].demo = true;
    for c in [&lahore, &karachi, &more[0], &more[1]] {
        pk.save(c).await;
    }
    pk.state.public().invalidate();
    serve(&pk, pk_listener);
    let info: serde_json::Value =
        serde_json::from_slice(&pk.get("/federation").await.body).unwrap();
    let pk_key = info["public_key"].as_str().unwrap().to_owned();
    // The key /data shows is the one the feed is signed with.
    assert!(pk.get("/data").await.text().contains(&pk_key));

    // Nepal: another country, another taxonomy.
    let np = FakeInstance::nepal().await;

    // The aggregator follows both, and a copy of Pakistan's feed that a proxy edits.
    let aggregator = App::with_config(|c| {
        c.federation.allow_private_hosts = true;
        c.site_title = Some("Global map".into());
    })
    .await;
    follow(&aggregator, "Pakistan", &pk_url, &pk_key).await;
    follow(
        &aggregator,
        "Nepal",
        np.url.as_str(),
        &np.public_key().to_string(),
    )
    .await;
    for name in ["Pakistan", "Nepal"] {
        let outcome = pull(&aggregator, name).await;
        assert_eq!(outcome.error, None, "{name}: {outcome:?}");
        assert!(outcome.refused.is_empty(), "{name}: {outcome:?}");
    }

    // Both on the world map, counted by country, each case attributed and linked home.
    let html = aggregator.get("/world").await.html();
    // Counts are shown as the small-cell rule allows (rounded), so the rows are checked by
    // country and the cases by the list below.
    let rows = texts(&html, ".world-countries tbody tr");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows[0].starts_with("Nepal ") && rows[1].starts_with("Pakistan "),
        "{rows:?}"
    );
    // Held apart, under each source's name: three from Nepal, four from Pakistan.
    let held = aggregator.state.followed_cases().await.unwrap();
    let held: Vec<(&str, &str)> = held
        .cases
        .iter()
        .map(|c| (c.source.name.as_str(), c.id.as_str()))
        .collect();
    assert_eq!(held.len(), 7, "{held:?}");
    let html = aggregator.get("/world?country=PK").await.html();
    let links = attrs(&html, ".world-cases .story-card__title a", "href");
    assert_eq!(links.len(), 4, "{links:?}");
    assert!(
        links
            .iter()
            .all(|l| l.starts_with(&format!("{pk_url}/stories/"))),
        "{links:?}"
    );
    assert_eq!(texts(&html, ".world-cases .badge--demo").len(), 1);
    let from = texts(&html, ".world-cases .world-source");
    assert_eq!(from.len(), 4, "{from:?}");
    assert!(from.iter().all(|f| f.contains("Pakistan")), "{from:?}");
    // In Urdu, the Pakistani stories have their Urdu titles.
    let html = aggregator.get("/ur/world?country=PK").await.html();
    let titles = texts(&html, ".world-cases .story-card__title");
    assert!(
        titles.iter().any(|t| t.contains("جعلی پروفائل")),
        "{titles:?}"
    );
    // A followed case's link opens the story at its source.
    let story_path = links[0].trim_start_matches(&pk_url).to_owned();
    assert_eq!(pk.get(&story_path).await.status, StatusCode::OK);

    // Sent back to review in Pakistan: gone from the aggregator after the next pull.
    karachi.status = CaseStatus::InReview;
    pk.save(&karachi).await;
    pk.state.public().invalidate();
    let outcome = pull(&aggregator, "Pakistan").await;
    assert_eq!(outcome.error, None, "{outcome:?}");
    let html = aggregator.get("/world?country=PK").await.html();
    let titles = texts(&html, ".world-cases .story-card__title");
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(
        !titles.iter().any(|t| t.contains("Threatened")),
        "{titles:?}"
    );

    // Tampered on the way: a proxy in front of Pakistan turns a title into another. The
    // signature fails, the page is refused with the reason on the admin page, nothing of it is
    // taken, and what the aggregator holds from Pakistan directly stays.
    let (proxy_listener, proxy_url) = listener().await;
    tampering_proxy(
        proxy_listener,
        pk_url.clone(),
        "Fake profile",
        "Fake pr0file",
    );
    let aggregator2 = App::with_config(|c| c.federation.allow_private_hosts = true).await;
    follow(&aggregator2, "Pakistan", &pk_url, &pk_key).await;
    assert_eq!(pull(&aggregator2, "Pakistan").await.error, None);
    follow(&aggregator2, "Pakistan via proxy", &proxy_url, &pk_key).await;
    let outcome = pull(&aggregator2, "Pakistan via proxy").await;
    let error = outcome.error.expect("a tampered feed is refused");
    assert!(error.contains("signature"), "{error}");
    let admin = signed_in(&aggregator2, "fed-admin", Role::Admin).await;
    let html = admin.get(&aggregator2, "/admin/federation").await.html();
    let errors = texts(&html, ".follow-error");
    assert!(errors.iter().any(|e| e.contains("signature")), "{errors:?}");
    assert_eq!(
        aggregator2
            .state
            .followed_cases()
            .await
            .unwrap()
            .cases
            .len(),
        3
    );
}
