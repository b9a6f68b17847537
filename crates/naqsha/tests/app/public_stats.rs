//! The statistics page, the printable summary, the resources page and the story page's
//! additions, as a visitor gets them.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use naqsha::storage::ModerationStore;
use naqsha_core::case::{Case, CaseStatus};
use naqsha_core::disclosure::PublicCount;
use naqsha_core::lang::Lang;
use naqsha_core::period::YearMonth;
use naqsha_core::submission::Consent;
use naqsha_core::taxonomy::{Labels, Taxonomy};
use scraper::Html;

use crate::support::{App, attrs, case, place, term_label, texts};

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
async fn small_world(app: &App) -> Vec<Case> {
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
    let app = App::new().await;
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
        // Each story's categories as it is drawn (a card, an export row).
        let n = (0..snapshot.cases.len() as u32)
            .filter(|&i| snapshot.labels(i).contains(dimension, term))
            .count();
        let label = term_label(dimension, term, Lang::EN);
        let shown = row(&html, dimension, &label).unwrap_or_else(|| panic!("{label}"));
        if n >= 3 {
            // Published rounded to the nearest 5, like every public count.
            let published = PublicCount::of_usize(n).value().unwrap();
            assert!(
                shown.starts_with(&format!("{label} {published} ")),
                "{shown} should say {published} ({n})"
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
    let app = App::new().await;
    small_world(&app).await;
    let html = app.get("/stats").await.html();
    // 7 and 4 are published rounded to 5; the share is worked from those.
    assert_eq!(texts(&html, ".stats-total__number"), ["5"]);
    assert_eq!(
        row(&html, "platform", "Facebook").as_deref(),
        Some("Facebook 5 100%")
    );
    assert_eq!(
        row(&html, "platform", "TikTok").as_deref(),
        Some("TikTok fewer than 3 –")
    );
    assert_eq!(
        row(&html, "platform", "WhatsApp").as_deref(),
        Some("WhatsApp fewer than 3 –")
    );
    let role = term_label("survivor_role", "journalist", Lang::EN);
    assert_eq!(
        row(&html, "survivor_role", &role),
        Some(format!("{role} 5 100%"))
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
    // A dimension recorded for few cases says so, with the small count hidden as well; one
    // whose published count equals the published total needs no note.
    let notes = texts(&html, ".stats-section__note");
    assert!(
        !notes.iter().any(|n| n.starts_with("Recorded for 5 ")),
        "{notes:?}"
    );
    assert!(
        notes.contains(&"Recorded for fewer than 3 of 5 cases.".to_owned()),
        "{notes:?}"
    );
    assert!(notes.contains(&"Not recorded for any case in this selection.".to_owned()));
    assert!(
        texts(&html, ".stats-method")[0].contains("fewer than 3"),
        "the method note explains the rule"
    );

    let ur = app.get("/ur/stats").await.html();
    assert_eq!(attrs(&ur, "html", "dir"), ["rtl"]);
    let tiktok = term_label("platform", "tiktok", Lang::UR);
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
    let app = App::new().await;
    small_world(&app).await;
    let html = app.get("/stats?province=pk-pb").await.html();
    assert_eq!(texts(&html, ".stats-total__number"), ["5"]);
    assert_eq!(
        attrs(&html, "#filter-province option[selected]", "value"),
        ["pk-pb"]
    );
    assert_eq!(
        row(&html, "platform", "WhatsApp").as_deref(),
        Some("WhatsApp 0 0%")
    );
    let html = app.get("/stats?from=2024&to=2024&province=").await.html();
    assert_eq!(texts(&html, ".stats-total__number"), ["5"]);
    assert_eq!(row(&html, "year", "2024").as_deref(), Some("2024 5 100%"));
    assert_eq!(
        attrs(&html, ".stats-links a", "href")[0],
        "/stats/report?from=2024&to=2024"
    );
    // Every filter of the map is in the form, ticked as chosen, its group open.
    let html = app.get("/stats?platform=facebook&act=threats").await.html();
    assert_eq!(texts(&html, ".stats-total__number"), ["5"]);
    assert_eq!(
        attrs(&html, ".stats-filter input[type=checkbox][checked]", "id"),
        ["sf-act-threats", "sf-platform-facebook"]
    );
    assert_eq!(
        attrs(&html, ".stats-filter details[open] input", "name")
            .into_iter()
            .collect::<std::collections::BTreeSet<_>>(),
        ["act", "platform"].map(String::from).into()
    );
    let groups = attrs(&html, ".stats-filter details input[type=checkbox]", "name")
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>();
    assert_eq!(
        groups,
        ["act", "harm", "kind", "perpetrator", "platform"]
            .map(String::from)
            .into()
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
    assert_eq!(texts(&html, ".stats-total__number"), ["10"]);
    assert_eq!(
        row(&html, "platform", "WhatsApp").as_deref(),
        Some("WhatsApp 5 50%")
    );
}

#[tokio::test]
async fn the_report_prints_the_selection_with_its_method() {
    let app = App::with_config(|c| c.public_url = Some("https://naqsha.example.org".into())).await;
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
        method.contains("fewer than 3") && method.contains("statistics only"),
        "{method}"
    );
    // Links are printed in full, from `server.public_url`.
    assert_eq!(
        texts(&html, ".report__method a.report__url"),
        [
            "https://naqsha.example.org/data",
            "https://naqsha.example.org/stats?from=2023&to=2024&province=pk-pb"
        ]
    );
    // One table layout: every table has the same three columns.
    let tables = texts(&html, ".report__section table").len();
    assert!(tables >= 4);
    assert_eq!(
        texts(&html, ".report__section table.report__table colgroup").len(),
        tables
    );
    assert!(texts(&html, ".report__generated")[0].starts_with("Generated on "));
    assert!(
        texts(&html, ".report__section tbody tr")
            .iter()
            .any(|r| r == "TikTok fewer than 3 –")
    );

    // Every active filter is named in the heading (and the printed page's title).
    let html = app
        .get("/stats/report?act=threats&platform=facebook&platform=tiktok")
        .await
        .html();
    assert_eq!(
        texts(&html, ".report__scope dt"),
        ["What happened", "Platform", "Years", "Area"]
    );
    let act = term_label("act", "threats", Lang::EN);
    assert_eq!(
        texts(&html, ".report__scope dd"),
        [
            act.clone(),
            "Facebook, TikTok".to_owned(),
            "All years".to_owned(),
            "All provinces and territories".to_owned()
        ]
    );
    assert!(
        texts(&html, "title")[0].contains(&act),
        "{:?}",
        texts(&html, "title")
    );

    let ur = app.get("/ur/stats/report?platform=facebook").await.html();
    assert_eq!(attrs(&ur, "html", "dir"), ["rtl"]);
    assert_eq!(
        texts(&ur, ".report__scope dd"),
        [
            term_label("platform", "facebook", Lang::UR),
            "تمام سال".to_owned(),
            "تمام صوبے اور علاقے".to_owned()
        ]
    );
    // Links stay left to right inside the Urdu text.
    assert_eq!(
        attrs(&ur, ".report__method a.report__url", "dir"),
        ["ltr", "ltr"]
    );
    assert_eq!(
        texts(&ur, ".report__method a.report__url")[0],
        "https://naqsha.example.org/ur/data"
    );
}

#[tokio::test]
async fn resources_come_from_the_bundled_files_or_the_admins_copy() {
    let app = App::new().await;
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
    let app = App::new().await;
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
            term_label("action_taken", "fia_cybercrime", Lang::EN),
            term_label("action_taken", "blocked_privacy", Lang::EN),
            term_label("outcome", "ongoing", Lang::EN),
        ]
    );
    assert!(
        !texts(&html, ".story__categories")[0].contains(&term_label(
            "outcome",
            "ongoing",
            Lang::EN
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
            href.starts_with('/')
                || href.starts_with("mailto:")
                || href.starts_with('#')
                || href == naqsha::config::DEFAULT_EXIT_URL,
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

/// A case as the moderator codes a "statistics only" report: categories, a place and a
/// month, no story.
fn statistics_only(province: &str, year: i32, labels: &[(&str, &str)]) -> Case {
    let mut c = labelled(province, year, labels);
    c.status = CaseStatus::StatisticsOnly;
    c.consent = Consent::StatisticsOnly;
    c.story_en = None;
    c.story_ur = None;
    c.published_at = None;
    c
}

/// Every count a visitor sees for the whole selection, on every page and in the API.
async fn all_totals(app: &App) -> Vec<String> {
    let stats = app.get("/stats").await.html();
    let report = app.get("/stats/report").await.html();
    let map = app.get("/").await.html();
    let api = app.get("/api/v1/stats?group_by=year").await.json();
    vec![
        texts(&stats, ".stats-total__number")[0].clone(),
        texts(&report, ".report__total")[0].clone(),
        texts(&map, ".map-totals")[0].clone(),
        api["total"].to_string(),
    ]
}

#[tokio::test]
async fn statistics_only_cases_count_everywhere_and_are_listed_nowhere() {
    let app = App::new().await;
    let stories: Vec<Case> = (0..10)
        .map(|i| labelled("pk-pb", 2023, &[("act", "threats")]).tap_title(i))
        .collect();
    app.state.store().save_cases(&stories).await.unwrap();
    let before = all_totals(&app).await;
    assert_eq!(
        before,
        ["10", "10", "Matching cases: 10. On the map: 10.", "10"]
    );
    let generation = app.get("/api/v1/stats?group_by=year").await.json()["generation"].clone();

    // Six reports coded "statistics only" in Khyber Pakhtunkhwa, 2021: one of them was a
    // story and is taken back to statistics only.
    let mut counted: Vec<Case> = (0..5)
        .map(|_| statistics_only("pk-kp", 2021, &[("act", "blackmail_sextortion")]))
        .collect();
    let mut was_story = labelled("pk-kp", 2021, &[("act", "blackmail_sextortion")]);
    app.save(&was_story).await;
    app.state.public().invalidate();
    assert!(app.get(&format!("/stories/{}", was_story.id)).await.status == StatusCode::OK);
    was_story.status = CaseStatus::StatisticsOnly;
    was_story.consent = Consent::StatisticsOnly;
    was_story.story_en = None;
    counted.push(was_story.clone());
    app.state.store().save_cases(&counted).await.unwrap();
    app.state.public().invalidate();

    // Every count moves: 16 cases, published as 15.
    let after = all_totals(&app).await;
    assert_eq!(
        after,
        ["15", "15", "Matching cases: 15. On the map: 15.", "15"]
    );
    let api = app.get("/api/v1/stats?group_by=province").await.json();
    assert_ne!(
        api["generation"], generation,
        "coding them moved the generation"
    );
    assert_eq!(
        (api["k"].as_u64(), api["rounded_to"].as_u64()),
        (Some(3), Some(5))
    );
    let kp = api["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == "pk-kp")
        .unwrap();
    assert_eq!(
        (kp["count"].as_u64(), kp["suppressed"].as_bool()),
        (Some(5), Some(false))
    );
    let months = app.get("/api/v1/stats?group_by=month").await.json();
    assert!(
        months["groups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["key"] == "2021-06" && g["count"] == 5)
    );
    let stats = app.get("/stats?act=blackmail_sextortion").await.html();
    assert_eq!(texts(&stats, ".stats-total__number"), ["5"]);
    let kp_name = "Khyber Pakhtunkhwa";
    assert_eq!(
        row(&stats, "province", kp_name).as_deref(),
        Some("Khyber Pakhtunkhwa 5 100%")
    );
    let report = app.get("/stats/report?province=pk-kp").await.html();
    assert_eq!(texts(&report, ".report__total"), ["5"]);
    // The map's totals, its table by province and its timeline.
    let map = app.get("/?province=pk-kp").await.html();
    assert_eq!(
        texts(&map, ".map-totals"),
        ["Matching cases: 5. On the map: 5."]
    );
    assert_eq!(
        texts(&map, ".counts__table tbody tr"),
        [
            "Khyber Pakhtunkhwa 5",
            "Khyber Pakhtunkhwa, district not recorded 5"
        ]
    );
    let timeline = texts(&map, ".timeline table tbody tr");
    assert_eq!(timeline, ["2021 5"]);

    // ...and no listing shows them, nor any of their words.
    assert!(
        texts(&map, ".story-card, .stories li").is_empty(),
        "no story to list"
    );
    let cases = app.get("/api/v1/cases?province=pk-kp").await.json();
    assert_eq!(cases["total"], 0);
    assert_eq!(cases["features"].as_array().unwrap().len(), 0);
    let all = app.get("/api/v1/cases?limit=100").await.json();
    assert_eq!(all["total"], 10);
    let listed = all.to_string();
    let csv = app.get("/data/cases.csv").await.text();
    let geojson = app.get("/data/cases.geojson").await.text();
    let json = app.get("/data/cases.json").await.text();
    assert_eq!(csv.lines().count(), 11, "a header and the ten stories");
    for c in &counted {
        let id = c.id.to_string();
        for (what, body) in [
            ("api", &listed),
            ("csv", &csv),
            ("geojson", &geojson),
            ("json", &json),
        ] {
            assert!(!body.contains(&id), "{what} lists a statistics-only case");
        }
        assert_eq!(
            app.get(&format!("/stories/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.get(&format!("/api/v1/cases/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
    }
    for body in [&listed, &csv, &geojson, &json] {
        assert!(
            !body.contains("pk-kp"),
            "nothing from Khyber Pakhtunkhwa is listed"
        );
    }

    // Leaving "statistics only" takes them out of the counts again.
    for c in &mut counted {
        c.status = CaseStatus::Archived;
    }
    app.state.store().save_cases(&counted).await.unwrap();
    app.state.public().invalidate();
    assert_eq!(all_totals(&app).await, before);
}

/// Sets the title of a test case to "Case N".
trait TapTitle {
    fn tap_title(self, n: usize) -> Self;
}

impl TapTitle for Case {
    fn tap_title(mut self, n: usize) -> Self {
        self.story_en = Some(crate::support::story(
            &format!("Case {n}"),
            "What happened.",
        ));
        self
    }
}

/// Every number the public side shows of the selections a visitor could combine: totals
/// filtered and unfiltered, tables and their totals, the pages and the API, in both languages.
async fn published_figures(app: &App) -> Vec<String> {
    let mut figures = Vec::new();
    for lang in ["", "/ur"] {
        for filter in [
            "",
            "?province=pk-pb",
            "?province=pk-sd",
            "?platform=whatsapp",
        ] {
            let stats = app.get(&format!("{lang}/stats{filter}")).await.html();
            figures.extend(texts(&stats, ".stats-total__number"));
            figures.extend(texts(&stats, ".chart__table tbody tr"));
            figures.extend(texts(&stats, ".stats-section__note"));
            let report = app
                .get(&format!("{lang}/stats/report{filter}"))
                .await
                .html();
            figures.extend(texts(&report, ".report__total"));
            figures.extend(texts(&report, ".report__section tbody tr"));
            let map = app.get(&format!("{lang}/{filter}")).await.html();
            figures.extend(texts(&map, ".map-totals"));
            figures.extend(texts(&map, ".counts__table tbody tr"));
            figures.extend(texts(&map, ".timeline table tbody tr"));
        }
    }
    for filter in [
        "",
        "&province=pk-pb",
        "&province=pk-sd",
        "&platform=whatsapp",
    ] {
        for group_by in ["province", "year", "month", "platform"] {
            let mut body = app
                .get(&format!("/api/v1/stats?group_by={group_by}{filter}"))
                .await
                .json();
            body["generation"] = serde_json::Value::Null;
            figures.push(body.to_string());
        }
    }
    figures
}

/// Two worlds that differ only in a withheld cell (one or two cases in Sindh) publish the
/// same figures on every page and in the API, filtered and not: no difference of two
/// requests tells them apart, so none recovers the withheld count. The page and the API say
/// "fewer than 3" for the same cell.
#[tokio::test]
async fn no_two_requests_can_be_subtracted_to_recover_a_withheld_cell() {
    let mut worlds = Vec::new();
    for in_sindh in [1, 2] {
        let app = App::new().await;
        let mut cases: Vec<Case> = (0..10)
            .map(|i| labelled("pk-pb", 2020 + i % 3, &[("platform", "facebook")]))
            .collect();
        for _ in 0..in_sindh {
            cases.push(statistics_only("pk-sd", 2021, &[("platform", "whatsapp")]));
        }
        app.state.store().save_cases(&cases).await.unwrap();
        let figures = published_figures(&app).await;
        let sindh = app.get("/stats").await.html();
        assert_eq!(
            row(&sindh, "province", "Sindh").as_deref(),
            Some("Sindh fewer than 3 –")
        );
        let api = app.get("/api/v1/stats?group_by=province").await.json();
        let cell = api["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["key"] == "pk-sd")
            .unwrap()
            .clone();
        assert_eq!(
            cell,
            serde_json::json!({"key": "pk-sd", "count": null, "suppressed": true})
        );
        // The unfiltered total and Punjab's, which differ by the withheld cell, are equal.
        assert_eq!(api["total"], 10);
        let punjab = app
            .get("/api/v1/stats?group_by=province&province=pk-pb")
            .await
            .json();
        assert_eq!(punjab["total"], 10);
        worlds.push(figures);
    }
    assert!(
        worlds[0].len() > 100,
        "{} figures compared",
        worlds[0].len()
    );
    for (a, b) in worlds[0].iter().zip(&worlds[1]) {
        assert_eq!(a, b, "one case or two in Sindh must look the same");
    }
    assert_eq!(worlds[0].len(), worlds[1].len());
}
