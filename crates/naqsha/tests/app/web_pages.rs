//! The public pages as a visitor gets them: home and story pages in English and Urdu, the
//! 404 page, paging and the quick-exit page.

use axum::http::StatusCode;
use naqsha_core::case::{Case, CaseStatus};
use naqsha_core::lang::Lang;
use naqsha_core::period::YearMonth;
use naqsha_core::taxonomy::Labels;

use crate::support::{App, attrs, case, place, story, term_label, texts};

/// Three published cases (Punjab, Sindh, no place) and one still in review.
struct Seeded {
    lahore: Case,
    karachi_ur_only: Case,
    nowhere_en_only: Case,
    in_review: Case,
}

async fn seeded(app: &App) -> Seeded {
    let mut lahore = case("Blackmailed with edited photos");
    lahore.story_ur = Some(story(
        "ترمیم شدہ تصاویر سے بلیک میلنگ",
        "پہلا پیراگراف۔\n\nدوسرا پیراگراف۔",
    ));
    lahore.story_en = Some(story(
        "Blackmailed with edited photos",
        "First paragraph, line one.\nLine two.\n\nSecond paragraph.",
    ));
    lahore.place = place("pk-pb-lahore");
    lahore.province = place("pk-pb");
    lahore.demo = true;
    lahore.labels = Labels::from_pairs([
        ("act", "blackmail_sextortion"),
        ("platform", "whatsapp"),
        ("survivor_gender", "woman"),
    ])
    .unwrap();

    let mut karachi_ur_only = case("unused");
    karachi_ur_only.story_en = None;
    karachi_ur_only.story_ur = Some(story(
        "جعلی پروفائل",
        "کسی نے میرے نام سے جعلی پروفائل بنایا۔",
    ));
    karachi_ur_only.place = place("pk-sd-karachi-east");
    karachi_ur_only.province = place("pk-sd");
    karachi_ur_only.period = Some(YearMonth::new(2024, 2).unwrap());

    let mut nowhere_en_only = case("Account taken over");
    nowhere_en_only.period = Some(YearMonth::new(2023, 11).unwrap());

    let mut in_review = case("Not yet public");
    in_review.status = CaseStatus::InReview;

    for c in [&lahore, &karachi_ur_only, &nowhere_en_only, &in_review] {
        app.save(c).await;
    }
    Seeded {
        lahore,
        karachi_ur_only,
        nowhere_en_only,
        in_review,
    }
}

fn count_row(html: &scraper::Html, name: &str) -> Option<String> {
    let rows = texts(html, ".counts__table tbody tr");
    rows.into_iter().find(|r| r.starts_with(name))
}

#[tokio::test]
async fn english_home_counts_and_lists_published_stories() {
    let app = App::new().await;
    let s = seeded(&app).await;
    let reply = app.get("/").await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();

    assert_eq!(attrs(&html, "html", "lang"), ["en"]);
    assert_eq!(attrs(&html, "html", "dir"), ["ltr"]);
    assert_eq!(
        attrs(&html, ".map-totals", "data-total"),
        ["5"],
        "cases in review are not counted (3 published as 5)"
    );
    assert_eq!(
        count_row(&html, "Punjab").as_deref(),
        Some("Punjab fewer than 3")
    );
    assert_eq!(
        count_row(&html, "Sindh").as_deref(),
        Some("Sindh fewer than 3")
    );
    assert_eq!(
        count_row(&html, "Place not recorded").as_deref(),
        Some("Place not recorded fewer than 3")
    );

    let titles = texts(&html, ".story-card__title");
    assert_eq!(titles.len(), 3);
    assert!(titles.contains(&"Blackmailed with edited photos".to_owned()));
    assert!(!titles.iter().any(|t| t.contains("Not yet public")));

    // Newest period first; the Urdu-only story is shown in Urdu, marked as such.
    let hrefs = attrs(&html, ".story-card__title a", "href");
    assert_eq!(hrefs[0], format!("/stories/{}", s.lahore.id));
    assert_eq!(hrefs[1], format!("/stories/{}", s.karachi_ur_only.id));
    assert_eq!(hrefs[2], format!("/stories/{}", s.nowhere_en_only.id));
    assert_eq!(
        attrs(&html, ".story-card__title[lang=ur][dir=rtl]", "lang").len(),
        1
    );
    assert_eq!(
        texts(&html, ".story-card__title[lang=ur]"),
        ["جعلی پروفائل"]
    );

    let cards = texts(&html, ".story-card");
    let first = &cards[0];
    assert!(first.contains("[Demo]"), "{first}");
    assert!(first.contains("March 2024"), "{first}");
    assert!(first.contains("Lahore, Punjab"), "{first}");
    assert!(
        first.contains(&term_label("act", "blackmail_sextortion", Lang::EN)),
        "{first}"
    );
    assert!(first.contains("WhatsApp"), "{first}");
    assert!(
        !first.contains("Woman"),
        "the survivor's gender is never shown beside a story"
    );
    assert!(!cards[1].contains("[Demo]"));
    assert!(cards[1].contains("Karachi East, Sindh"), "{}", cards[1]);
    assert!(cards[2].contains("November 2023"), "{}", cards[2]);

    assert_eq!(attrs(&html, ".lang-switch", "href"), ["/ur/"]);
    assert!(html.html().contains("anonymised"));
    let _ = s.in_review;
}

#[tokio::test]
async fn urdu_home_uses_urdu_everywhere() {
    let app = App::new().await;
    let s = seeded(&app).await;
    let reply = app.get("/ur/").await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();

    assert_eq!(attrs(&html, "html", "lang"), ["ur"]);
    assert_eq!(attrs(&html, "html", "dir"), ["rtl"]);
    assert_eq!(texts(&html, ".site-title"), ["نقشہ"]);
    assert_eq!(
        texts(&html, "h1"),
        ["ٹیکنالوجی کے ذریعے تشدد: ریکارڈ اور نقشہ"]
    );
    assert_eq!(count_row(&html, "پنجاب").as_deref(), Some("پنجاب 3 سے کم"));
    assert_eq!(count_row(&html, "سندھ").as_deref(), Some("سندھ 3 سے کم"));
    assert_eq!(
        count_row(&html, "مقام درج نہیں").as_deref(),
        Some("مقام درج نہیں 3 سے کم")
    );

    let cards = texts(&html, ".story-card");
    assert!(
        cards[0].contains("ترمیم شدہ تصاویر سے بلیک میلنگ"),
        "{}",
        cards[0]
    );
    assert!(cards[0].contains("[نمونہ]"));
    assert!(cards[0].contains("مارچ 2024"));
    assert!(cards[0].contains("لاہور، پنجاب"), "{}", cards[0]);
    assert!(cards[0].contains(&term_label("act", "blackmail_sextortion", Lang::UR)));
    assert!(
        !cards[0].contains("Blackmail"),
        "Urdu page shows the Urdu title and labels"
    );

    // The English-only story keeps its language on the card.
    assert_eq!(
        texts(&html, ".story-card__title[lang=en][dir=ltr]"),
        ["Account taken over"]
    );
    assert_eq!(
        attrs(&html, ".story-card__title a", "href")[0],
        format!("/ur/stories/{}", s.lahore.id)
    );
    assert_eq!(attrs(&html, ".lang-switch", "href"), ["/"]);
}

#[tokio::test]
async fn ur_without_slash_redirects_permanently() {
    let app = App::new().await;
    let reply = app.get("/ur").await;
    assert_eq!(reply.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(reply.header("location"), Some("/ur/"));
}

#[tokio::test]
async fn empty_site_says_so() {
    let app = App::new().await;
    let html = app.get("/").await.html();
    assert_eq!(attrs(&html, ".map-totals", "data-total"), ["0"]);
    assert_eq!(
        texts(&html, ".empty"),
        ["No stories have been published yet."]
    );
    assert!(texts(&html, ".story-card").is_empty());
    let html = app.get("/ur/").await.html();
    assert_eq!(
        texts(&html, ".empty"),
        ["ابھی تک کوئی کہانی شائع نہیں ہوئی۔"]
    );
}

#[tokio::test]
async fn stories_page_twenty_at_a_time() {
    let app = App::new().await;
    for i in 0..21 {
        let mut c = case(&format!("Story number {i}"));
        c.period = Some(YearMonth::new(2000 + i, 1).unwrap());
        app.save(&c).await;
    }
    let html = app.get("/").await.html();
    assert_eq!(texts(&html, ".story-card").len(), 20);
    assert_eq!(
        texts(&html, ".story-card__title")[0],
        "Story number 20",
        "newest first"
    );
    assert_eq!(attrs(&html, ".paging__older", "href"), ["/?page=2"]);
    assert!(texts(&html, ".paging__newer").is_empty());
    assert_eq!(texts(&html, ".paging__position"), ["Page 1 of 2"]);

    let html = app.get("/?page=2").await.html();
    assert_eq!(texts(&html, ".story-card__title"), ["Story number 0"]);
    assert_eq!(attrs(&html, ".paging__newer", "href"), ["/"]);
    assert_eq!(attrs(&html, ".map-totals", "data-total"), ["20"]);

    let html = app.get("/ur/?page=2").await.html();
    assert_eq!(attrs(&html, ".paging__newer", "href"), ["/ur/"]);
    assert_eq!(
        texts(&html, ".paging__position"),
        ["کل 2 صفحات میں سے صفحہ 2"]
    );

    assert_eq!(app.get("/?page=3").await.status, StatusCode::NOT_FOUND);

    let bad = app.get("/?page=zero").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(
        bad.text()
            .contains("The page number must be a whole number"),
        "{}",
        bad.text()
    );
    let bad = app.get("/ur/?page=0").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.text().contains("صفحہ نمبر 1 یا اس سے بڑا"));
}

#[tokio::test]
async fn story_page_shows_a_published_story() {
    let app = App::new().await;
    let s = seeded(&app).await;
    let reply = app.get(&format!("/stories/{}", s.lahore.id)).await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();

    assert_eq!(texts(&html, "h1"), ["Blackmailed with edited photos"]);
    assert_eq!(
        texts(&html, "title"),
        ["Blackmailed with edited photos · Naqsha"]
    );
    assert_eq!(
        texts(&html, ".story__facts dd"),
        ["March 2024", "Lahore, Punjab"]
    );
    assert_eq!(
        texts(&html, ".story__text p"),
        ["First paragraph, line one. Line two.", "Second paragraph."]
    );
    assert_eq!(
        texts(&html, ".story__text p br").len(),
        1,
        "line breaks are kept"
    );
    assert_eq!(texts(&html, ".story .badge--demo"), ["[Demo]"]);

    // Dimension labels come from the taxonomy, in its order.
    let tax = naqsha_core::taxonomy::Taxonomy::pakistan_default();
    let expected: Vec<String> = ["act", "platform"]
        .iter()
        .map(|k| tax.dimension(k).unwrap().label(Lang::EN).to_owned())
        .collect();
    assert_eq!(texts(&html, ".story__categories dt"), expected);
    let terms = texts(&html, ".story__categories dd li");
    assert_eq!(
        terms,
        [
            term_label("act", "blackmail_sextortion", Lang::EN),
            "WhatsApp".to_owned()
        ]
    );
    assert!(
        !html.html().contains("Woman"),
        "sensitive dimensions stay off story pages"
    );
    assert_eq!(
        attrs(&html, ".lang-switch", "href"),
        [format!("/ur/stories/{}", s.lahore.id)]
    );

    // The same story in Urdu.
    let html = app
        .get(&format!("/ur/stories/{}", s.lahore.id))
        .await
        .html();
    assert_eq!(attrs(&html, "html", "dir"), ["rtl"]);
    assert_eq!(texts(&html, "h1"), ["ترمیم شدہ تصاویر سے بلیک میلنگ"]);
    assert_eq!(
        texts(&html, ".story__facts dd"),
        ["مارچ 2024", "لاہور، پنجاب"]
    );
    assert!(
        texts(&html, ".story__categories dd li").contains(&term_label(
            "platform",
            "whatsapp",
            Lang::UR
        ))
    );
    assert!(
        texts(&html, ".notice").is_empty(),
        "no note when the story is in the page language"
    );
}

#[tokio::test]
async fn story_in_the_other_language_is_marked() {
    let app = App::new().await;
    let s = seeded(&app).await;
    let html = app
        .get(&format!("/stories/{}", s.karachi_ur_only.id))
        .await
        .html();
    assert_eq!(attrs(&html, "html", "lang"), ["en"]);
    assert_eq!(
        texts(&html, ".notice"),
        ["This story is only available in Urdu."]
    );
    assert_eq!(attrs(&html, "h1", "lang"), ["ur"]);
    assert_eq!(attrs(&html, ".story__text", "dir"), ["rtl"]);
    assert_eq!(
        texts(&html, ".story__facts dd"),
        ["February 2024", "Karachi East, Sindh"]
    );

    let html = app
        .get(&format!("/ur/stories/{}", s.nowhere_en_only.id))
        .await
        .html();
    assert_eq!(
        texts(&html, ".notice"),
        ["یہ کہانی صرف انگریزی میں دستیاب ہے۔"]
    );
    assert_eq!(attrs(&html, ".story__text", "lang"), ["en"]);
    assert_eq!(texts(&html, ".story__facts dd")[1], "مقام درج نہیں");
}

#[tokio::test]
async fn unknown_unpublished_and_malformed_stories_are_not_found() {
    let app = App::new().await;
    let s = seeded(&app).await;
    for path in [
        format!("/stories/{}", naqsha_core::ids::CaseId::random()),
        format!("/stories/{}", s.in_review.id),
        "/stories/not-an-id".to_owned(),
        "/stories/%FF%FE".to_owned(),
        format!("/ur/stories/{}", s.in_review.id),
    ] {
        let reply = app.get(&path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!reply.text().contains("Not yet public"), "{path}");
    }
}

#[tokio::test]
async fn not_found_page_is_translated() {
    let app = App::new().await;
    let reply = app.get("/no/such/page").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let html = reply.html();
    assert_eq!(attrs(&html, "html", "lang"), ["en"]);
    assert_eq!(texts(&html, "h1"), ["Page not found"]);
    assert_eq!(attrs(&html, ".error-page a", "href"), ["/"]);
    assert!(
        texts(&html, ".error-page__reference").is_empty(),
        "a 404 needs no reference"
    );

    let reply = app.get("/ur/no/such/page").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let html = reply.html();
    assert_eq!(attrs(&html, "html", "dir"), ["rtl"]);
    assert_eq!(texts(&html, "h1"), ["صفحہ نہیں ملا"]);
    assert_eq!(attrs(&html, ".error-page a", "href"), ["/ur/"]);
}

#[tokio::test]
async fn a_trailing_slash_leads_to_the_page_without_it() {
    let app = App::new().await;
    for (typed, page) in [
        ("/admin/", "/admin"),
        ("/stats/", "/stats"),
        ("/ur/stats/?year=2024", "/ur/stats?year=2024"),
        ("/report//", "/report"),
        ("/resources/", "/resources"),
    ] {
        let reply = app.get(typed).await;
        assert_eq!(reply.status, StatusCode::PERMANENT_REDIRECT, "{typed}");
        assert_eq!(reply.header("location"), Some(page), "{typed}");
        let there = app.get(page).await.status;
        assert!(
            there == StatusCode::OK || there == StatusCode::SEE_OTHER,
            "{page}: {there}"
        );
    }
    // The homes keep their slash, and nothing leads to another host.
    assert_eq!(app.get("/").await.status, StatusCode::OK);
    assert_eq!(app.get("/ur/").await.status, StatusCode::OK);
    assert_eq!(
        app.get("//evil.example/").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn every_page_has_skip_link_quick_exit_and_no_inline_code() {
    let app = App::new().await;
    let s = seeded(&app).await;
    for path in [
        "/".to_owned(),
        "/ur/".to_owned(),
        format!("/stories/{}", s.lahore.id),
        "/nope".to_owned(),
    ] {
        let html = app.get(&path).await.html();
        assert_eq!(attrs(&html, "a.skip-link", "href"), ["#main"], "{path}");
        assert_eq!(attrs(&html, "main", "id"), ["main"], "{path}");
        assert_eq!(
            attrs(&html, "a.quick-exit", "href"),
            [naqsha::config::DEFAULT_EXIT_URL],
            "{path}"
        );
        assert_eq!(
            attrs(&html, "a.quick-exit", "rel"),
            ["noreferrer"],
            "{path}"
        );
        // Nothing on our pages is loaded from the exit page's host.
        assert!(
            attrs(
                &html,
                "link[rel=preconnect], link[rel=dns-prefetch], link[rel=prefetch], link[rel=prerender]",
                "href"
            )
            .is_empty(),
            "{path}"
        );
        // Story pages add the script of their "copy link" button.
        let mut expected = vec!["/assets/js/quick-exit.js"];
        if path.contains("/stories/") {
            expected.push("/assets/js/share.js");
        }
        // The map page adds Leaflet and the interactive map.
        if path == "/" || path == "/ur/" {
            expected.extend([
                "/assets/vendor/leaflet/leaflet.db49d009c841.js",
                "/assets/js/map.js",
            ]);
        }
        let scripts = attrs(&html, "script", "src");
        assert_eq!(scripts, expected, "{path}");
        assert_eq!(
            attrs(&html, "script[defer]", "src").len(),
            expected.len(),
            "{path}"
        );
        assert!(
            texts(&html, "style").is_empty(),
            "{path}: no inline style element"
        );
        assert!(
            attrs(&html, "[style]", "style").is_empty(),
            "{path}: no style attributes"
        );
        for href in attrs(&html, "link[rel=stylesheet]", "href") {
            assert!(
                href.starts_with("/assets/"),
                "{path}: {href} is served by us"
            );
        }
        assert!(!texts(&html, "footer").is_empty(), "{path}");
    }
}

#[tokio::test]
async fn quick_exit_leaves_for_the_configured_outside_page() {
    let app = App::with_config(|c| c.exit_url = "https://weather.example.org/today".into()).await;
    for path in ["/", "/ur/report", "/follow-up", "/resources"] {
        let html = app.get(path).await.html();
        assert_eq!(
            attrs(&html, "a.quick-exit", "href"),
            ["https://weather.example.org/today"],
            "{path}"
        );
    }
    // The old address sends the browser on, tells the outside page nothing and is not kept.
    let reply = app.get("/exit").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(
        reply.header("location"),
        Some("https://weather.example.org/today")
    );
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert_eq!(reply.header("referrer-policy"), Some("no-referrer"));
    assert!(reply.body.is_empty());
}

#[tokio::test]
async fn the_form_receipt_and_follow_up_tabs_show_only_the_site_title() {
    let app = App::new().await;
    for (path, title) in [
        ("/report", "Naqsha"),
        ("/ur/report", "نقشہ"),
        ("/follow-up", "Naqsha"),
        ("/ur/follow-up", "نقشہ"),
    ] {
        let html = app.get(path).await.html();
        assert_eq!(texts(&html, "head > title"), [title], "{path}");
    }
}

#[tokio::test]
async fn help_is_in_the_header_and_menu_and_the_helpline_on_the_form_and_follow_up() {
    let app = App::new().await;
    for (lang, prefix) in [("en", ""), ("ur", "/ur")] {
        for path in [
            "/",
            "/report",
            "/follow-up",
            "/stats",
            "/strategies",
            "/data",
            "/resources",
        ] {
            let path = format!("{prefix}{path}");
            let html = app.get(&path).await.html();
            assert_eq!(
                attrs(&html, ".site-header a.get-help", "href"),
                [format!("{prefix}/resources")],
                "{path}"
            );
            let menu = attrs(&html, ".site-nav a", "href");
            for target in ["/stats", "/data", "/resources"] {
                assert!(
                    menu.contains(&format!("{prefix}{target}")),
                    "{path}: {menu:?}"
                );
            }
            // English pages load no Urdu font; Urdu pages preload it.
            let sheets = attrs(&html, "link[rel=stylesheet]", "href");
            let preloads = attrs(&html, "link[rel=preload][as=font]", "href");
            if lang == "en" {
                assert!(
                    !sheets.iter().any(|h| h.contains("urdu")),
                    "{path}: {sheets:?}"
                );
                assert!(preloads.is_empty(), "{path}");
            } else {
                assert!(
                    sheets.contains(&"/assets/vendor/fonts/fonts-urdu.css".to_owned()),
                    "{path}"
                );
                assert_eq!(preloads.len(), 1, "{path}");
                assert!(preloads[0].contains("nastaliq"), "{path}");
            }
        }
        for path in ["/report", "/follow-up"] {
            let path = format!("{prefix}{path}");
            let html = app.get(&path).await.html();
            assert_eq!(
                attrs(&html, ".help-box a[href^='tel:']", "href"),
                ["tel:080039393"],
                "{path}"
            );
            assert_eq!(
                attrs(&html, ".help-box a[href^='tel:']", "dir"),
                ["ltr"],
                "{path}"
            );
            assert_eq!(
                texts(&html, ".help-box a[href^='tel:'] bdi"),
                ["0800-39393"],
                "{path}"
            );
        }
        let html = app.get(&format!("{prefix}/report")).await.html();
        assert_eq!(texts(&html, "details.hide-visit li").len(), 3);
    }
}

#[tokio::test]
async fn a_neutral_site_title_hides_the_purpose_from_tabs() {
    let app = App::with_config(|c| c.site_title = Some("Recipes".into())).await;
    let s = seeded(&app).await;
    let html = app.get(&format!("/stories/{}", s.lahore.id)).await.html();
    assert_eq!(texts(&html, "head > title"), ["Recipes"]);
    assert_eq!(texts(&html, ".site-title"), ["Recipes"]);
    let html = app.get("/ur/").await.html();
    assert_eq!(texts(&html, "head > title"), ["Recipes"]);
    assert_eq!(texts(&html, ".site-title"), ["Recipes"]);
    let html = app.get("/").await.html();
    assert!(!html.html().contains("Naqsha"));
}

#[tokio::test]
async fn each_language_s_pages_link_and_preload_only_its_own_font() {
    let app = App::new().await;
    let mut checked = Vec::new();
    for &lang in Lang::all() {
        let prefix = if lang == Lang::EN {
            String::new()
        } else {
            format!("/{}", lang.code())
        };
        // Languages whose pages are not routed yet have nothing to check; English and Urdu
        // always are (asserted below).
        if app.get(&format!("{prefix}/")).await.status != StatusCode::OK {
            continue;
        }
        for page in ["/", "/report", "/stats", "/embed"] {
            let path = format!("{prefix}{page}");
            let reply = app.get(&path).await;
            assert_eq!(reply.status, StatusCode::OK, "{path}");
            let html = reply.html();
            let fonts: Vec<String> = attrs(&html, "link[rel=stylesheet]", "href")
                .into_iter()
                .filter(|href| href.starts_with("/assets/vendor/fonts/"))
                .collect();
            let preloads = attrs(&html, "link[rel=preload][as=font]", "href");
            let mut want = vec!["/assets/vendor/fonts/fonts.css".to_owned()];
            match lang.font() {
                None => assert!(preloads.is_empty(), "{path}: {preloads:?}"),
                Some(font) => {
                    want.push(format!("/assets/vendor/fonts/{}", font.stylesheet));
                    // The embed, framed by other sites, links the font but preloads nothing.
                    if page != "/embed" {
                        assert_eq!(preloads.len(), 1, "{path}: {preloads:?}");
                        let name = preloads[0].strip_prefix("/assets/vendor/fonts/").unwrap();
                        assert!(
                            name.starts_with(&format!("{}.", font.preload)),
                            "{path}: {name}"
                        );
                        assert_eq!(app.get(&preloads[0]).await.status, StatusCode::OK);
                    }
                }
            }
            assert_eq!(fonts, want, "{path}");
        }
        checked.push(lang.code());
    }
    assert!(checked.starts_with(&["en", "ur"]), "{checked:?}");
    // Urdu in Nastaliq, and (once routed) Sindhi and Pashto in Naskh, Punjabi in Nastaliq.
    let stylesheet = |code| {
        Lang::from_code(code)
            .and_then(Lang::font)
            .map(|f| f.stylesheet.as_str())
    };
    assert_eq!(stylesheet("ur"), Some("fonts-urdu.css"));
    assert_eq!(stylesheet("pa"), Some("fonts-urdu.css"));
    assert_eq!(stylesheet("sd"), Some("fonts-naskh.css"));
    assert_eq!(stylesheet("ps"), Some("fonts-naskh.css"));
}
