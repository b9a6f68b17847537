//! The statistics page, the printable summary, the resources page and the story page's
//! additions, as a visitor gets them.

mod web_support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use naqsha::storage::ModerationStore;
use naqsha_core::case::Case;
use naqsha_core::lang::Lang;
use naqsha_core::period::YearMonth;
use naqsha_core::taxonomy::{Labels, Taxonomy};
use scraper::Html;
use web_support::{TestApp, attrs, case, place, term_label, texts};

/// The rows of the table of chart `id` on `/stats`: "label count share".
fn chart_rows(html: &Html, id: &str) -> Vec<String> {
    texts(
        html,
        &format!("section[aria-labelledby=\"chart-{id}-heading\"] tbody tr"),
    )
}

/// The row of `label` in chart `id`.
fn row(html: &Html, id: &str, label: &str) -> Option<String> {
    chart_rows(html, id)
        .into_iter()
        .find(|r| r.starts_with(&format!("{label} ")))
}

/// A published case in `province` and `year` with `labels`.
fn labelled(province: &str, year: i32, labels: &[(&str, &str)]) -> Case {
    let mut c = case("A case");
    c.province = place(province);
    c.place = place(province);
    c.period = Some(YearMonth::new(year, 6).unwrap());
    c.labels = Labels::from_pairs(labels.iter().copied()).unwrap();
    c
}

/// Seven cases: Facebook ×4 and TikTok ×1 in Punjab, WhatsApp ×2 in Sindh (with an
/// outcome); three journalists.
async fn small_world(app: &TestApp) -> Vec<Case> {
    let mut cases = Vec::new();
    for i in 0..4 {
        cases.push(labelled(
            "pk-pb",
            2023 + i % 2,
            &[("platform", "facebook"), ("act", "threats")],
        ));
    }
    cases.push(labelled(
        "pk-pb",
        2024,
        &[("platform", "tiktok"), ("survivor_role", "journalist")],
    ));
    for _ in 0..2 {
        cases.push(labelled(
            "pk-sd",
            2022,
            &[
                ("platform", "whatsapp"),
                ("survivor_role", "journalist"),
                ("outcome", "ongoing"),
            ],
        ));
    }
    app.state.store().save_cases(&cases).await.unwrap();
    cases
}

#[tokio::test]
async fn counts_equal_a_direct_count_over_the_snapshot() {
    let app = TestApp::new().await;
    let tax = Taxonomy::pakistan_default();
    naqsha::demo::seed(app.state.store(), tax, app.state.gazetteer(), 120, 7)
        .await
        .unwrap();
    let reply = app.get("/stats").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.header("set-cookie").is_none());
    let html = reply.html();
    assert_eq!(texts(&html, ".stats-total__number"), ["120"]);

    let snapshot = app.state.published().await.unwrap();
    let mut checked = 0;
    for (dimension, term) in [
        ("platform", "whatsapp"),
        ("platform", "facebook"),
        ("act", "blackmail_sextortion"),
        ("kind", "online_harassment_cyberstalking"),
        ("harm", "emotional"),
    ] {
        let n = snapshot
            .cases
            .iter()
            .filter(|c| c.labels.contains(dimension, term))
            .count();
        let label = term_label(dimension, term, Lang::En);
        let shown = row(&html, dimension, &label).unwrap_or_else(|| panic!("{label}"));
        if n >= 3 {
            assert!(
                shown.starts_with(&format!("{label} {n} ")),
                "{shown} should say {n}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 3, "the demo data has common categories");
    // Every chart is an SVG with a title and description, and has its table.
    let charts = attrs(&html, "svg.chart__svg[role=img]", "aria-labelledby");
    assert!(charts.len() >= 9, "{charts:?}");
    assert_eq!(
        texts(&html, "svg.chart__svg title").len(),
        charts.len(),
        "each chart has a title"
    );
    assert_eq!(texts(&html, "svg.chart__svg desc").len(), charts.len());
    assert_eq!(
        texts(&html, "details.chart__table table").len(),
        charts.len()
    );
}

#[tokio::test]
async fn small_counts_say_fewer_than_three_and_never_the_number() {
    let app = TestApp::new().await;
    small_world(&app).await;
    let html = app.get("/stats").await.html();
    assert_eq!(texts(&html, ".stats-total__number"), ["7"]);
    assert_eq!(
        row(&html, "platform", "Facebook").as_deref(),
        Some("Facebook 4 57.1%")
    );
    assert_eq!(
        row(&html, "platform", "TikTok").as_deref(),
        Some("TikTok fewer than 3 –")
    );
    assert_eq!(
        row(&html, "platform", "WhatsApp").as_deref(),
        Some("WhatsApp fewer than 3 –")
    );
    let role = term_label("survivor_role", "journalist", Lang::En);
    assert_eq!(
        row(&html, "survivor_role", &role),
        Some(format!("{role} 3 42.9%"))
    );
    assert_eq!(
        row(&html, "province", "Sindh").as_deref(),
        Some("Sindh fewer than 3 –")
    );
    // In the drawn chart: the words instead of the number, and no bar.
    let suppressed = texts(&html, "g.chart__row--suppressed");
    assert!(
        suppressed.iter().any(|t| t == "TikTok fewer than 3"),
        "{suppressed:?}"
    );
    let svg_text = texts(
        &html,
        "section[aria-labelledby=\"chart-platform-heading\"] svg",
    );
    assert!(!svg_text[0].contains("TikTok 1"), "{svg_text:?}");
    assert_eq!(
        Html::parse_fragment(&html.html())
            .select(&scraper::Selector::parse("g.chart__row--suppressed rect").unwrap())
            .count(),
        0
    );
    // A dimension recorded for few cases says so, with the small count hidden as well.
    let notes = texts(&html, ".stats-section__note");
    assert!(
        notes.contains(&"Recorded for 3 of 7 cases.".to_owned()),
        "{notes:?}"
    );
    assert!(
        notes.contains(&"Recorded for fewer than 3 of 7 cases.".to_owned()),
        "{notes:?}"
    );
    assert!(notes.contains(&"Not recorded for any case in this selection.".to_owned()));
    assert!(
        texts(&html, ".stats-method")[0].contains("fewer than 3"),
        "the method note explains the rule"
    );

    let ur = app.get("/ur/stats").await.html();
    assert_eq!(attrs(&ur, "html", "dir"), ["rtl"]);
    let tiktok = term_label("platform", "tiktok", Lang::Ur);
    assert_eq!(
        row(&ur, "platform", &tiktok),
        Some(format!("{tiktok} 3 سے کم –"))
    );
    // Right to left: labels start at the right edge and bars grow from it.
    assert!(
        attrs(&ur, "text.chart__label", "x")
            .iter()
            .all(|x| x == "100%")
    );
    let bar_x = attrs(
        &ur,
        "section[aria-labelledby=\"chart-platform-heading\"] rect",
        "x",
    );
    assert_eq!(
        bar_x,
        ["28.00%"],
        "the one bar drawn (Facebook) ends at the right edge"
    );
}

#[tokio::test]
async fn filters_change_the_counts_and_bad_ones_are_refused() {
    let app = TestApp::new().await;
    small_world(&app).await;
    let html = app.get("/stats?province=pk-pb").await.html();
    assert_eq!(texts(&html, ".stats-total__number"), ["5"]);
    assert_eq!(
        attrs(&html, "#filter-province option[selected]", "value"),
        ["pk-pb"]
    );
    assert_eq!(
        row(&html, "platform", "WhatsApp").as_deref(),
        Some("WhatsApp 0 0.0%")
    );
    let html = app.get("/stats?from=2024&to=2024&province=").await.html();
    assert_eq!(texts(&html, ".stats-total__number"), ["3"]);
    assert_eq!(row(&html, "year", "2024").as_deref(), Some("2024 3 100.0%"));
    assert_eq!(
        attrs(&html, ".stats-links a", "href")[0],
        "/stats/report?from=2024&to=2024"
    );
    // Category filters from the map are kept by the form and described.
    let html = app.get("/stats?platform=facebook").await.html();
    assert_eq!(texts(&html, ".stats-total__number"), ["4"]);
    assert_eq!(
        attrs(&html, ".stats-filter input[type=hidden]", "value"),
        ["facebook"]
    );
    assert_eq!(
        texts(&html, ".stats-filter__terms li"),
        ["Platform: Facebook"]
    );

    for bad in [
        "/stats?from=20x",
        "/stats?province=nowhere",
        "/stats/report?from=2025&to=2020",
    ] {
        assert_eq!(app.get(bad).await.status, StatusCode::BAD_REQUEST, "{bad}");
    }

    // A new publication shows at once (the cached page belongs to the old snapshot).
    app.save(&labelled("pk-sd", 2022, &[("platform", "whatsapp")]))
        .await;
    app.state.public().invalidate();
    let html = app.get("/stats").await.html();
    assert_eq!(texts(&html, ".stats-total__number"), ["8"]);
    assert_eq!(
        row(&html, "platform", "WhatsApp").as_deref(),
        Some("WhatsApp 3 37.5%")
    );
}

#[tokio::test]
async fn the_report_prints_the_selection_with_its_method() {
    let app = TestApp::new().await;
    small_world(&app).await;
    let reply = app
        .get("/stats/report?from=2023&to=2024&province=pk-pb")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.header("set-cookie").is_none());
    let html = reply.html();
    assert!(
        attrs(&html, "link[rel=stylesheet]", "href").contains(&"/assets/css/stats.css".to_owned())
    );
    assert_eq!(texts(&html, "h1"), ["Summary of documented cases"]);
    assert_eq!(texts(&html, ".report__scope dd"), ["2023–2024", "Punjab"]);
    assert_eq!(texts(&html, ".report__total"), ["5"]);
    assert_eq!(
        attrs(&html, "form.stats-filter", "action"),
        ["/stats/report"]
    );
    assert_eq!(
        attrs(&html, "#filter-from option[selected]", "value"),
        ["2023"]
    );
    let headings = texts(&html, ".report__section h2");
    for expected in [
        "Kind of violence",
        "Platform",
        "Province or territory",
        "Year",
    ] {
        assert!(headings.iter().any(|h| h == expected), "{headings:?}");
    }
    let method = texts(&html, ".report__method")[0].clone();
    assert!(
        method.contains("fewer than 3") && method.contains("/data"),
        "{method}"
    );
    assert!(texts(&html, ".report__generated")[0].starts_with("Generated on "));
    assert!(
        texts(&html, ".report__section tbody tr")
            .iter()
            .any(|r| r == "TikTok fewer than 3 –")
    );

    let ur = app.get("/ur/stats/report").await.html();
    assert_eq!(
        texts(&ur, ".report__scope dd"),
        ["تمام سال", "تمام صوبے اور علاقے"]
    );
}

#[tokio::test]
async fn resources_come_from_the_bundled_files_or_the_admins_copy() {
    let app = TestApp::new().await;
    let reply = app.get("/resources").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.header("set-cookie").is_none());
    let html = reply.html();
    let ids = attrs(&html, ".resources__content h2", "id");
    for id in [
        "helplines",
        "report-fia",
        "law",
        "ncii",
        "account-recovery",
        "safety",
    ] {
        assert!(ids.iter().any(|i| i == id), "{id} in {ids:?}");
    }
    assert!(
        attrs(&html, "a[href=\"tel:080039393\"]", "rel")
            .iter()
            .all(|r| r == "noreferrer")
    );
    assert!(!attrs(&html, "a[href=\"tel:1991\"]", "href").is_empty());
    assert!(texts(&html, "main")[0].contains("Section 24"));

    let ur = app.get("/ur/resources").await.html();
    assert_eq!(attrs(&ur, "html", "dir"), ["rtl"]);
    assert_eq!(texts(&ur, "h1"), ["مدد اور وسائل"]);
    assert!(texts(&ur, "#helplines")[0].contains("ہیلپ لائنز"));

    // An admin's file in the data directory replaces the English page; its markup is text.
    let dir = app.state.config().data_dir.join("resources");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("en.md"),
        "## Local shelter {#shelter}\n\nCall [the shelter](tel:0420000000) or [this](javascript:alert(1)).\n\n<script>alert(1)</script>\n\n- [forms](/\\evil.example) [more](/\t/evil.example) [old](\\\\evil.example) [us](/report)\n",
    )
    .unwrap();
    let html = app.get("/resources").await.html();
    assert_eq!(texts(&html, ".resources__content h2"), ["Local shelter"]);
    assert_eq!(attrs(&html, ".resources__toc a", "href"), ["#shelter"]);
    // Links that a browser would take to another host (`/\` is read as `//`) are text.
    assert_eq!(
        attrs(&html, ".resources__content a", "href"),
        ["tel:0420000000", "/report"]
    );
    assert!(texts(&html, ".resources__content li")[0].contains("forms more old"));
    assert!(texts(&html, ".resources__content p")[1].contains("<script>alert(1)</script>"));
    assert_eq!(attrs(&html, "script", "src"), ["/assets/js/quick-exit.js"]);
    // The Urdu page still uses its bundled file.
    let ur = app.get("/ur/resources").await.html();
    assert!(!attrs(&ur, "#helplines", "id").is_empty());
}

#[tokio::test]
async fn the_story_page_shows_what_helped_related_help_and_a_plain_share_link() {
    let app = TestApp::new().await;
    let mut c = labelled(
        "pk-pb",
        2024,
        &[
            ("kind", "online_harassment_cyberstalking"),
            ("act", "blackmail_sextortion"),
            ("act", "hacking"),
            ("action_taken", "fia_cybercrime"),
            ("action_taken", "blocked_privacy"),
            ("outcome", "ongoing"),
        ],
    );
    c.place = place("pk-pb-lahore");
    app.save(&c).await;
    let reply = app
        .send(
            Request::get(format!("/stories/{}", c.id))
                .header("host", "naqsha.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.header("set-cookie").is_none());
    let html = reply.html();

    let helped = texts(&html, ".story__what-helped dd li");
    assert_eq!(
        helped,
        [
            term_label("action_taken", "fia_cybercrime", Lang::En),
            term_label("action_taken", "blocked_privacy", Lang::En),
            term_label("outcome", "ongoing", Lang::En),
        ]
    );
    assert!(
        !texts(&html, ".story__categories")[0].contains(&term_label(
            "outcome",
            "ongoing",
            Lang::En
        )),
        "actions and outcome are not repeated as categories"
    );
    assert_eq!(
        attrs(&html, ".story__resources a", "href"),
        [
            "/resources#ncii",
            "/resources#account-recovery",
            "/resources#report-fia"
        ]
    );
    assert_eq!(
        attrs(&html, ".story__similar a", "href"),
        [
            "/?kind=online_harassment_cyberstalking&province=pk-pb",
            "/stats?kind=online_harassment_cyberstalking&province=pk-pb"
        ]
    );
    let url = format!("https://naqsha.example/stories/{}", c.id);
    assert_eq!(attrs(&html, "input#share-url[readonly]", "value"), [url]);
    assert_eq!(attrs(&html, "label[for=share-url]", "for").len(), 1);
    assert_eq!(
        attrs(&html, "button.share__copy[hidden]", "data-copy"),
        ["share-url"],
        "the copy button waits for JavaScript"
    );
    let mailto = &attrs(&html, "a.share__email", "href")[0];
    assert!(
        mailto.starts_with("mailto:?subject=A%20case&body=https://naqsha.example/stories/"),
        "{mailto}"
    );
    // Only our own addresses: no widget of another site.
    for href in attrs(&html, "[href]", "href")
        .into_iter()
        .chain(attrs(&html, "[src]", "src"))
    {
        assert!(
            href.starts_with('/') || href.starts_with("mailto:") || href.starts_with('#'),
            "{href}"
        );
    }

    let ur = app.get(&format!("/ur/stories/{}", c.id)).await.html();
    assert_eq!(
        attrs(&ur, ".story__resources a", "href")[0],
        "/ur/resources#ncii"
    );
    assert_eq!(
        texts(&ur, "#what-helped-heading"),
        ["کیا قدم اٹھایا گیا اور کیا ہوا"]
    );
}
