//! The world map (`/world`, `/ur/world`) as a visitor without JavaScript gets it: country
//! outlines with a circle per country that has cases, the zoom into a country and a region,
//! the table of cases by country, the filters, bad filters, and the outlines the interactive
//! map reads. Every count is published as on `/stats`: 1 or 2 as "fewer than 3", others
//! rounded to the nearest 5.

use axum::http::StatusCode;
use naqsha_core::case::Case;
use naqsha_core::period::YearMonth;
use naqsha_core::taxonomy::Labels;

use crate::support::{App, attrs, case, place, texts};

fn placed(title: &str, place_id: &str, province: &str, labels: &[(&str, &str)]) -> Case {
    let mut c = case(title);
    c.place = place(place_id);
    c.province = place(province);
    c.labels = Labels::from_pairs(labels.iter().copied()).unwrap();
    c
}

/// Four cases in Lahore (three of online harassment), one in Karachi East (threats), one with
/// no place (not on any map).
async fn seeded(app: &App) {
    let harassment = [("kind", "online_harassment_cyberstalking")];
    let cases = [
        placed("Lahore one", "pk-pb-lahore", "pk-pb", &harassment),
        placed("Lahore two", "pk-pb-lahore", "pk-pb", &harassment),
        placed("Lahore three", "pk-pb-lahore", "pk-pb", &harassment),
        placed(
            "Lahore four",
            "pk-pb-lahore",
            "pk-pb",
            &[("act", "threats")],
        ),
        placed(
            "Karachi",
            "pk-sd-karachi-east",
            "pk-sd",
            &[("act", "threats")],
        ),
    ];
    for (i, mut c) in cases.into_iter().enumerate() {
        c.period = Some(YearMonth::new(2024, 1 + i as u8).unwrap());
        app.save(&c).await;
    }
    app.save(&case("Nowhere")).await;
}

#[tokio::test]
async fn the_world_view_outlines_every_country_and_circles_those_with_cases() {
    let app = App::new().await;
    seeded(&app).await;
    let reply = app.get("/world").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.headers.get("set-cookie").is_none());
    let html = reply.html();

    let outlined = attrs(&html, "svg.map__svg path.map__land", "data-iso");
    assert!(
        outlined.len() > 150,
        "{} countries outlined",
        outlined.len()
    );
    assert!(outlined.iter().any(|i| i == "IN") && outlined.iter().any(|i| i == "BR"));
    assert_eq!(
        attrs(&html, "path.world-map__country--cases", "data-iso"),
        ["PK"]
    );
    // One circle, for Pakistan: 5 cases on the map, published as 5; the case with no place
    // is on no map.
    assert_eq!(attrs(&html, ".map__dot", "data-name"), ["Pakistan"]);
    assert_eq!(attrs(&html, ".map__dot", "data-count"), ["5"]);
    assert_eq!(texts(&html, ".map__dot title"), ["Pakistan: 5"]);
    assert_eq!(attrs(&html, ".map__dots a", "href"), ["/world?country=PK"]);
    assert_eq!(texts(&html, ".map-totals"), ["Cases on this map: 5."]);
    // The table by country beside the map, each country a link to its zoom.
    assert_eq!(texts(&html, ".world-countries tbody tr"), ["Pakistan 5"]);
    assert_eq!(
        attrs(&html, ".world-countries tbody a", "href"),
        ["/world?country=PK"]
    );
    // The list: each case with its source and place.
    let cards = texts(&html, ".world-cases .story-card");
    assert_eq!(cards.len(), 5, "{cards:?}");
    assert!(cards[0].contains("Karachi East, Pakistan"), "{cards:?}");
    assert_eq!(texts(&html, ".world-source")[0], "from Naqsha");
    let title_links = attrs(&html, ".world-cases .story-card__title a", "href");
    assert!(
        title_links.iter().all(|h| h.starts_with("/stories/")),
        "{title_links:?}"
    );
    // Own cases are links within the site: no rel of an external link needed.
    assert!(attrs(&html, ".world-cases a[rel]", "href").is_empty());
    // Outlines are credited and called not authoritative.
    assert!(texts(&html, ".world-attribution")[0].contains("Natural Earth"));
    assert!(texts(&html, ".map__note")[0].contains("not authoritative"));
    // The Leaflet view gets the same frame and reads the outlines from this site.
    assert_eq!(
        attrs(&html, "figure.world-map", "data-outlines"),
        ["/world/countries.geojson"]
    );
}

#[tokio::test]
async fn a_country_zoom_shows_a_circle_per_place_and_counts_by_region() {
    let app = App::new().await;
    seeded(&app).await;
    let reply = app.get("/world?country=pk").await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();
    assert_eq!(
        attrs(&html, ".map__dot", "data-name"),
        ["Lahore", "Karachi East"]
    );
    assert_eq!(attrs(&html, ".map__dot", "data-count"), ["5", "<3"]);
    assert_eq!(
        attrs(&html, ".map__dot", "class"),
        ["map__dot", "map__dot map__dot--few"]
    );
    assert_eq!(
        attrs(&html, ".map__dots a", "href"),
        [
            "/world?country=PK&region=PK-PB",
            "/world?country=PK&region=PK-SD"
        ]
    );
    // The view is Pakistan's, not the world's: far narrower in degrees.
    let bounds: Vec<f64> = attrs(&html, "figure.world-map", "data-bounds")[0]
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    assert!(bounds[0] > 50.0 && bounds[2] < 90.0, "{bounds:?}");
    assert_eq!(
        attrs(&html, "path.world-map__country--chosen", "data-iso"),
        ["PK"]
    );
    assert_eq!(attrs(&html, "path.world-map__province", "d").len(), 7);
    assert_eq!(texts(&html, ".world-crumbs li"), ["World", "Pakistan"]);
    assert_eq!(attrs(&html, ".world-crumbs a", "href"), ["/world"]);
    assert_eq!(
        texts(&html, ".world-places tbody tr"),
        ["Punjab 5", "Sindh fewer than 3"]
    );
    assert_eq!(
        texts(&html, "#world-places-heading"),
        ["Cases in Pakistan by region"]
    );
    assert_eq!(
        attrs(&html, "input[type=hidden][name=country]", "value"),
        ["PK"]
    );
}

#[tokio::test]
async fn a_region_zoom_keeps_only_its_cases() {
    let app = App::new().await;
    seeded(&app).await;
    let html = app.get("/world?country=PK&region=PK-SD").await.html();
    assert_eq!(attrs(&html, ".map__dot", "data-name"), ["Karachi East"]);
    assert_eq!(texts(&html, ".story-card__title"), ["Karachi"]);
    assert_eq!(
        texts(&html, ".world-crumbs li"),
        ["World", "Pakistan", "Sindh"]
    );
    assert_eq!(
        attrs(&html, ".world-crumbs a", "href"),
        ["/world", "/world?country=PK"]
    );
    assert_eq!(
        texts(&html, ".map-totals"),
        ["Cases on this map: fewer than 3."]
    );
    // The table by country still counts the whole world.
    assert_eq!(texts(&html, ".world-countries tbody tr"), ["Pakistan 5"]);
}

#[tokio::test]
async fn filters_by_kind_act_and_source_narrow_circles_tables_and_list() {
    let app = App::new().await;
    seeded(&app).await;
    let html = app
        .get("/world?kind=online_harassment_cyberstalking")
        .await
        .html();
    // Three cases: published as 5, the rule's smallest number.
    assert_eq!(attrs(&html, ".map__dot", "data-count"), ["5"]);
    assert_eq!(texts(&html, ".story-card__title").len(), 3);
    assert_eq!(
        attrs(&html, "#w-kind option[selected]", "value"),
        ["online_harassment_cyberstalking"]
    );
    assert_eq!(
        texts(&html, "#w-kind option"),
        ["Every kind", "Online harassment and cyberstalking"]
    );
    assert_eq!(attrs(&html, ".filter-form__clear", "href"), ["/world"]);
    // The zoom links keep the filter.
    assert_eq!(
        attrs(&html, ".map__dots a", "href"),
        ["/world?country=PK&kind=online_harassment_cyberstalking"]
    );

    let html = app.get("/world?country=PK&act=threats").await.html();
    assert_eq!(attrs(&html, ".map__dot", "data-count"), ["<3", "<3"]);
    assert_eq!(
        texts(&html, ".story-card__title"),
        ["Karachi", "Lahore four"]
    );
    assert_eq!(
        texts(&html, ".world-countries tbody tr"),
        ["Pakistan fewer than 3"]
    );

    let html = app.get("/world?source=Naqsha").await.html();
    assert_eq!(
        attrs(&html, "#w-source option[selected]", "value"),
        ["Naqsha"]
    );
    assert_eq!(texts(&html, ".story-card__title").len(), 5);
    let html = app.get("/world?source=Elsewhere").await.html();
    assert!(attrs(&html, ".map__dot", "data-count").is_empty());
    assert_eq!(texts(&html, ".world-cases").len(), 0);
    assert_eq!(
        texts(&html, ".stories .empty"),
        ["No published case matches."]
    );
}

#[tokio::test]
async fn an_unknown_country_or_a_foreign_region_is_refused_with_the_reason() {
    let app = App::new().await;
    seeded(&app).await;
    let reply = app.get("/world?country=ZZ").await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let html = reply.html();
    assert_eq!(
        texts(&html, "#world-error"),
        ["That country code is not known. Choose a country from the map or the table."]
    );
    assert!(attrs(&html, ".map__dot", "data-count").is_empty());

    let reply = app.get("/world?country=NP&region=PK-PB").await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        texts(&reply.html(), "#world-error"),
        ["That region does not belong to the chosen country."]
    );
}

#[tokio::test]
async fn the_urdu_world_map_is_right_to_left_with_urdu_names() {
    let app = App::new().await;
    seeded(&app).await;
    let reply = app.get("/ur/world?country=PK").await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();
    assert_eq!(attrs(&html, "html", "dir"), ["rtl"]);
    assert_eq!(attrs(&html, "html", "lang"), ["ur"]);
    assert_eq!(texts(&html, "h1"), ["شائع شدہ واقعات کا عالمی نقشہ"]);
    assert_eq!(texts(&html, ".world-crumbs li"), ["دنیا", "پاکستان"]);
    assert_eq!(attrs(&html, ".world-crumbs a", "href"), ["/ur/world"]);
    assert_eq!(
        attrs(&html, ".map__dots a", "href")[0],
        "/ur/world?country=PK&region=PK-PB"
    );
    assert!(
        attrs(&html, ".world-cases .story-card__title a", "href")
            .iter()
            .all(|h| h.starts_with("/ur/stories/"))
    );
    // The language switch keeps the zoom.
    assert!(
        attrs(&html, "a.lang-switch", "href")
            .iter()
            .any(|h| h == "/world?country=PK")
    );
}

#[tokio::test]
async fn the_country_outlines_are_served_by_this_site_and_the_map_page_links_the_world() {
    let app = App::new().await;
    let reply = app.get("/world/countries.geojson").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), Some("application/geo+json"));
    assert!(reply.header("cache-control").unwrap().contains("max-age"));
    let geo = reply.json();
    let features = geo["features"].as_array().unwrap();
    assert!(features.len() > 240);
    assert!(
        features
            .iter()
            .any(|f| f["properties"]["iso2"] == "PK" && f["properties"]["name_ur"] == "پاکستان")
    );

    let html = app.get("/").await.html();
    assert_eq!(attrs(&html, ".world-link a", "href"), ["/world"]);
    let html = app.get("/ur/").await.html();
    assert_eq!(attrs(&html, ".world-link a", "href"), ["/ur/world"]);
}

/// Runs `naqsha federation ARGS` on the app's data directory.
fn federation_cli(app: &App, args: &[&str]) -> std::process::Output {
    crate::support::binary::naqsha()
        .arg("--data-dir")
        .arg(app.data_dir())
        .env("NAQSHA_FEDERATION_ALLOW_PRIVATE_HOSTS", "true")
        .arg("federation")
        .args(args)
        .output()
        .expect("the naqsha binary runs")
}

async fn pull(app: &App, name: &str) {
    use naqsha::federation::pull::PullNow;
    let puller = app.state.federation().puller().expect("a puller");
    match puller.pull_now(app.state.store(), name).await.unwrap() {
        PullNow::Pulled(o) => assert_eq!(o.error, None),
        other => panic!("{name} not pulled: {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_followed_instance_s_cases_are_on_the_world_map_attributed_until_withdrawn() {
    use crate::support::fake_instance::FakeInstance;
    let app = App::with_config(|c| c.federation.allow_private_hosts = true).await;
    seeded(&app).await;
    let np = FakeInstance::nepal().await;
    let key = np.public_key().to_string();
    let o = federation_cli(
        &app,
        &["follow", np.url.as_str(), "--key", &key, "--name", "Nepal"],
    );
    assert!(o.status.success(), "{o:?}");
    pull(&app, "Nepal").await;

    let html = app.get("/world").await.html();
    assert_eq!(
        attrs(&html, ".map__dot", "data-name"),
        ["Nepal", "Pakistan"]
    );
    assert_eq!(attrs(&html, ".map__dot", "data-count"), ["5", "5"]);
    assert_eq!(
        texts(&html, ".world-countries tbody tr"),
        ["Nepal 5", "Pakistan 5"]
    );
    assert_eq!(
        attrs(&html, "#w-source option", "value"),
        ["", "Naqsha", "Nepal"]
    );
    // Nepal's cases: the country zoom, each case attributed and linked to its source.
    let html = app.get("/world?country=NP").await.html();
    assert_eq!(attrs(&html, ".map__dot", "data-name"), ["Bagmati"]);
    let links = attrs(&html, ".world-cases .story-card__title a", "href");
    assert_eq!(links.len(), 3);
    assert!(
        links.iter().all(|h| h.starts_with(np.url.as_str())),
        "{links:?}"
    );
    assert_eq!(
        attrs(&html, ".world-cases .story-card__title a", "rel")[0],
        "noopener noreferrer"
    );
    assert_eq!(texts(&html, ".world-source")[0], "from Nepal");
    assert_eq!(attrs(&html, ".world-source", "href")[0], np.url.as_str());
    let html = app.get("/world?act=blackmail_sextortion").await.html();
    assert_eq!(attrs(&html, ".map__dot", "data-name"), ["Nepal"]);

    // Withdrawn at the source: gone from the world map on the next pull.
    for id in ["n1", "n2", "n3"] {
        np.withdraw(id);
    }
    pull(&app, "Nepal").await;
    let html = app.get("/world").await.html();
    assert_eq!(attrs(&html, ".map__dot", "data-name"), ["Pakistan"]);
    assert!(
        texts(&html, ".world-cases")
            .iter()
            .all(|t| !t.contains("Doxxed"))
    );
}
