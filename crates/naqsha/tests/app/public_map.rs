//! The map page (`/`, `/ur/`) and the embed (`/embed`) as a visitor without JavaScript gets
//! them: the SVG map's circles, the filter form, the story list and its paging, the totals,
//! bad filters, and the one route other sites may frame. Every count is published as on
//! `/stats`: 1 or 2 as "fewer than 3", others rounded to the nearest 5.

use axum::http::StatusCode;
use naqsha_core::case::Case;
use naqsha_core::period::YearMonth;
use naqsha_core::taxonomy::Labels;

use crate::support::{App, attrs, case, place, texts};

/// A published case at `place` (district or province) with `labels`.
fn placed(
    title: &str,
    place_id: Option<&str>,
    province: Option<&str>,
    labels: &[(&str, &str)],
) -> Case {
    let mut c = case(title);
    c.place = place_id.and_then(place);
    c.province = province.and_then(place);
    c.labels = Labels::from_pairs(labels.iter().copied()).unwrap();
    c
}

/// Six cases: three in Lahore, one in Karachi East, one placed only in Sindh, one nowhere.
async fn seeded(app: &App) {
    let whatsapp = [
        ("platform", "whatsapp"),
        ("kind", "online_harassment_cyberstalking"),
    ];
    let cases = [
        placed("Lahore one", Some("pk-pb-lahore"), Some("pk-pb"), &whatsapp),
        placed("Lahore two", Some("pk-pb-lahore"), Some("pk-pb"), &whatsapp),
        placed(
            "Lahore three",
            Some("pk-pb-lahore"),
            Some("pk-pb"),
            &[("platform", "facebook")],
        ),
        placed(
            "Karachi",
            Some("pk-sd-karachi-east"),
            Some("pk-sd"),
            &whatsapp,
        ),
        placed(
            "Somewhere in Sindh",
            Some("pk-sd"),
            Some("pk-sd"),
            &[("act", "threats")],
        ),
        placed("Nowhere", None, None, &[("act", "threats")]),
    ];
    for (i, mut c) in cases.into_iter().enumerate() {
        c.period = Some(YearMonth::new(2019 + i as i32 % 3, 5).unwrap());
        app.save(&c).await;
    }
}

/// The published count of every circle: a number, or "<3".
fn dot_counts(html: &scraper::Html) -> Vec<String> {
    attrs(html, "svg.map__svg .map__dot", "data-count")
}

#[tokio::test]
async fn the_map_has_one_circle_per_place_adding_up_to_the_cases_on_it() {
    let app = App::new().await;
    seeded(&app).await;
    let reply = app.get("/").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.headers.get("set-cookie").is_none());
    let html = reply.html();

    assert_eq!(attrs(&html, ".map-totals", "data-total"), ["5"]);
    assert_eq!(attrs(&html, ".map-totals", "data-mapped"), ["5"]);
    assert_eq!(
        texts(&html, ".map-totals"),
        ["Matching cases: 5. On the map: 5."],
        "6 and 5 cases, published rounded"
    );
    assert_eq!(
        dot_counts(&html),
        ["5", "<3", "<3"],
        "Lahore, then Karachi East and Sindh's capital"
    );
    assert_eq!(
        attrs(&html, ".map__dot", "class"),
        [
            "map__dot",
            "map__dot map__dot--few",
            "map__dot map__dot--few"
        ]
    );
    assert_eq!(
        attrs(&html, ".map__dot", "data-name")
            .iter()
            .filter(|n| *n == "Lahore")
            .count(),
        1
    );
    assert_eq!(texts(&html, ".map__dot title")[0], "Lahore: 5");
    assert_eq!(
        texts(&html, ".map__dot title")[1],
        "Karachi East: fewer than 3"
    );
    // Only Lahore's count is written on the map, once per width.
    assert_eq!(texts(&html, ".map__labels text"), ["5", "5", "5"]);
    assert!(
        texts(&html, ".map-active").is_empty(),
        "nothing is filtered"
    );
    assert_eq!(texts(&html, ".map__key"), ["All kinds of violence"]);
    assert_eq!(
        attrs(&html, "svg.map__svg path.map__province", "d").len(),
        7
    );
    assert_eq!(texts(&html, ".story-card").len(), 6);
    assert_eq!(attrs(&html, "figure.map", "class"), ["map map-colour--all"]);

    // The timeline covers 2019–2021, its numbers also in a table.
    assert_eq!(texts(&html, ".timeline__bar").len(), 3);
    assert_eq!(
        texts(&html, ".timeline tbody tr"),
        [
            "2019 fewer than 3",
            "2020 fewer than 3",
            "2021 fewer than 3"
        ]
    );

    // Every circle of the map is in the table, by province, with the province's total.
    let rows = texts(&html, ".counts__table tbody tr");
    assert_eq!(
        rows,
        [
            "Punjab 5",
            "Lahore 5",
            "Sindh fewer than 3",
            "Karachi East fewer than 3",
            "Sindh, district not recorded fewer than 3",
            "Place not recorded fewer than 3"
        ]
    );
    assert!(
        rows.iter().all(|r| r.ends_with("fewer than 3")
            || r.rsplit(' ')
                .next()
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| n % 5 == 0)),
        "no exact count: {rows:?}"
    );
    assert_eq!(attrs(&html, ".downloads a", "href")[0], "/data/cases.csv");
}

#[tokio::test]
async fn filters_in_the_url_change_totals_circles_cards_and_links() {
    let app = App::new().await;
    seeded(&app).await;
    let html = app.get("/?platform=whatsapp&utm_source=x").await.html();
    assert_eq!(attrs(&html, ".map-totals", "data-total"), ["5"]);
    assert_eq!(dot_counts(&html), ["<3", "<3"]);
    // The filter is named above the map, the legend follows it.
    assert_eq!(texts(&html, ".map-active__list li"), ["Platform: WhatsApp"]);
    assert_eq!(attrs(&html, ".map-active__clear", "href"), ["/"]);
    assert_eq!(texts(&html, ".map__key"), ["WhatsApp"]);
    // The view closes in on the circles.
    let view: Vec<f64> = attrs(&html, "svg.map__svg", "viewBox")[0]
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    assert!(view[2] < 1500.0, "{view:?}");
    let titles = texts(&html, ".story-card__title");
    assert_eq!(titles.len(), 3);
    assert!(
        titles
            .iter()
            .all(|t| t.starts_with("Lahore") || t == "Karachi"),
        "{titles:?}"
    );
    assert_eq!(
        attrs(&html, "input[name=platform][checked]", "value"),
        ["whatsapp"]
    );
    assert_eq!(
        attrs(
            &html,
            "details[open] summary + fieldset input[checked]",
            "value"
        ),
        ["whatsapp"]
    );
    assert_eq!(
        attrs(&html, ".downloads a", "href"),
        [
            "/data/cases.csv?platform=whatsapp",
            "/data/cases.geojson?platform=whatsapp",
            "/embed?platform=whatsapp"
        ]
    );
    assert_eq!(
        attrs(&html, ".lang-switch", "href"),
        ["/ur/?platform=whatsapp"]
    );
    assert_eq!(attrs(&html, ".filter-form__clear", "href"), ["/"]);

    // One kind colours the circles; a province is outlined; years narrow the list.
    let html = app
        .get("/?kind=online_harassment_cyberstalking&province=pk-sd")
        .await
        .html();
    assert_eq!(attrs(&html, ".map-totals", "data-total"), ["<3"]);
    assert_eq!(attrs(&html, "figure.map", "class"), ["map map-colour--k1"]);
    assert_eq!(
        texts(&html, ".map-active__list li"),
        [
            "Kind of violence: Online harassment and cyberstalking",
            "Province or territory: Sindh"
        ]
    );
    assert_eq!(
        texts(&html, ".map__key"),
        ["Online harassment and cyberstalking"]
    );
    assert_eq!(attrs(&html, ".map__province--chosen", "class").len(), 1);
    assert_eq!(
        attrs(&html, "#f-province option[selected]", "value"),
        ["pk-sd"]
    );

    let html = app.get("/?from=2020&to=2020").await.html();
    assert_eq!(attrs(&html, ".map-totals", "data-total"), ["<3"]);
    assert_eq!(texts(&html, ".map-active__list li"), ["Years: 2020"]);
    let html = app.get("/ur/?from=2020&to=2021").await.html();
    assert_eq!(
        texts(&html, ".map-active__list li"),
        ["سال: 2020 سے 2021 تک"]
    );
    assert_eq!(attrs(&html, ".map-active__clear", "href"), ["/ur/"]);
    assert_eq!(attrs(&html, "#f-from option[selected]", "value"), ["2020"]);

    let html = app.get("/?act=threats&platform=whatsapp").await.html();
    assert_eq!(attrs(&html, ".map-totals", "data-total"), ["0"]);
    assert!(dot_counts(&html).is_empty());
    assert_eq!(
        texts(&html, ".empty"),
        ["No published case matches these filters."]
    );
}

#[tokio::test]
async fn paging_links_keep_the_filter() {
    let app = App::new().await;
    for i in 0..23 {
        let mut c = placed(
            &format!("Threat {i}"),
            Some("pk-pb-lahore"),
            Some("pk-pb"),
            &[("act", "threats")],
        );
        c.period = Some(YearMonth::new(2000 + i, 1).unwrap());
        app.save(&c).await;
    }
    app.save(&placed("Other", None, None, &[("act", "doxxing")]))
        .await;

    let html = app.get("/?act=threats").await.html();
    assert_eq!(texts(&html, ".story-card").len(), 20);
    assert_eq!(texts(&html, ".story-card__title")[0], "Threat 22");
    assert_eq!(
        attrs(&html, ".paging__older", "href"),
        ["/?act=threats&page=2"]
    );
    assert_eq!(
        dot_counts(&html),
        ["25"],
        "the map shows every match (23, published as 25), not one page"
    );

    let html = app.get("/ur/?act=threats&page=2").await.html();
    assert_eq!(texts(&html, ".story-card").len(), 3);
    assert_eq!(attrs(&html, ".paging__newer", "href"), ["/ur/?act=threats"]);
    assert_eq!(
        attrs(&html, ".lang-switch", "href"),
        ["/?act=threats&page=2"]
    );
    assert_eq!(
        app.get("/?act=threats&page=3").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_bad_filter_is_explained_beside_the_form_with_the_choices_kept() {
    let app = App::new().await;
    seeded(&app).await;
    let reply = app
        .get("/?platform=whatsapp&kind=nope&province=pk-sd")
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let html = reply.html();
    assert_eq!(
        texts(&html, ".filter-form__error"),
        ["That category is not in the list."]
    );
    assert_eq!(
        attrs(&html, "input[name=platform][checked]", "value"),
        ["whatsapp"]
    );
    assert_eq!(
        attrs(&html, "#f-province option[selected]", "value"),
        ["pk-sd"]
    );
    assert!(
        texts(&html, ".story-card").is_empty(),
        "no results for a filter that cannot be used"
    );
    assert!(dot_counts(&html).is_empty());
    assert!(texts(&html, ".map-totals").is_empty());

    let reply = app.get("/ur/?from=2024&to=2019").await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let html = reply.html();
    assert_eq!(
        texts(&html, ".filter-form__error"),
        ["پہلا سال آخری سال کے بعد کا نہیں ہو سکتا۔"]
    );
    assert_eq!(attrs(&html, "#f-from option[selected]", "value"), ["2024"]);
    assert_eq!(attrs(&html, "#f-to option[selected]", "value"), ["2019"]);
    assert_eq!(attrs(&html, "html", "dir"), ["rtl"]);
}

#[tokio::test]
async fn only_the_embed_may_be_framed() {
    let app = App::new().await;
    seeded(&app).await;
    let page = app.get("/").await;
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(page.header("x-frame-options"), Some("DENY"));

    let embed = app.get("/embed?platform=whatsapp").await;
    assert_eq!(embed.status, StatusCode::OK);
    let csp = embed.header("content-security-policy").unwrap();
    assert!(!csp.contains("frame-ancestors"), "{csp}");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(embed.header("x-frame-options").is_none());
    assert!(embed.headers.get("set-cookie").is_none());
    let html = embed.html();
    assert!(
        texts(&html, ".site-header").is_empty(),
        "no site frame in the embed"
    );
    assert!(texts(&html, "form").is_empty());
    assert_eq!(attrs(&html, ".map-totals", "data-total"), ["5"]);
    assert_eq!(dot_counts(&html), ["<3", "<3"]);
    assert_eq!(texts(&html, ".map-active__list li"), ["Platform: WhatsApp"]);
    assert_eq!(attrs(&html, ".map-active__clear", "href"), ["/embed"]);
    assert_eq!(
        attrs(&html, ".embed__site a", "href"),
        ["/?platform=whatsapp"]
    );
    assert_eq!(attrs(&html, ".embed__site a", "target"), ["_blank"]);
    assert_eq!(attrs(&html, ".embed__site a", "rel"), ["noopener"]);

    let html = app.get("/ur/embed").await.html();
    assert_eq!(attrs(&html, "html", "dir"), ["rtl"]);
    assert_eq!(attrs(&html, ".embed__site a", "href"), ["/ur/"]);
    assert!(attrs(&html, ".map__dot", "data-name").contains(&"لاہور".to_owned()));

    let bad = app.get("/embed?from=soon").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.header("x-frame-options").is_none());
}

#[tokio::test]
async fn a_configured_tile_server_is_allowed_for_images_only() {
    let app = App::with_config(|c| {
        c.map_tile_url = Some("https://tiles.example.org/{z}/{x}/{y}.png".into())
    })
    .await;
    let page = app.get("/").await;
    let csp = page.header("content-security-policy").unwrap();
    assert!(
        csp.contains("img-src 'self' data: https://tiles.example.org;"),
        "{csp}"
    );
    assert!(csp.contains("connect-src 'self';") && csp.contains("frame-ancestors 'none'"));
    assert_eq!(
        attrs(&page.html(), "figure.map", "data-tiles"),
        ["https://tiles.example.org/{z}/{x}/{y}.png"]
    );
    // Without one, the page names no other host but the quick exit's destination (a link
    // followed only when she leaves; nothing is loaded from it).
    let plain = App::new().await.get("/").await;
    let exit = naqsha::config::DEFAULT_EXIT_URL.replace('&', "&amp;");
    assert!(
        !plain.text().replace(&exit, "").contains("https://"),
        "the default page refers to no other site"
    );
}

#[tokio::test]
async fn outlines_are_served_for_the_interactive_map() {
    let app = App::new().await;
    let reply = app.get("/map/outlines.geojson").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), Some("application/geo+json"));
    assert!(reply.header("cache-control").unwrap().starts_with("public"));
    let geo = reply.json();
    let features = geo["features"].as_array().unwrap();
    let provinces: Vec<&str> = features
        .iter()
        .filter(|f| f["properties"]["layer"] == "province")
        .map(|f| f["properties"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(provinces.len(), 7);
    assert!(provinces.contains(&"pk-pb"));
    assert!(reply.body.len() < 40_000, "{} bytes", reply.body.len());
}
