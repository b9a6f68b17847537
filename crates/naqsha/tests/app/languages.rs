//! Every language of `data/languages/languages.toml` has its pages: the survivor's path under
//! `/sd/`, `/ps/`, `/pa/` in that language and right to left, a language switch naming every
//! other language in its own name, complete `hreflang` alternates, a report sent in Sindhi
//! stored and answered in Sindhi, follow-up in Pashto, a visible note where a page falls back
//! to Urdu, and an address in a language the site does not offer answered with a 404 that
//! links to the languages it does.

use axum::http::StatusCode;
use naqsha::i18n::{Tr, has_message, t, watch_fallback};
use naqsha_core::lang::Lang;

use crate::support::{App, Multipart, PEER, Reply, attrs, case, count, form_token, story, texts};

/// The languages added by issue 21, each with its own prefix.
fn new_languages() -> Vec<Lang> {
    ["sd", "ps", "pa"]
        .into_iter()
        .map(|code| Lang::from_code(code).expect("a language of languages.toml"))
        .collect()
}

/// The pages of the survivor's path, by their language-neutral path.
const SURVIVOR_PATH: &[&str] = &["/", "/report", "/follow-up", "/resources"];

/// Other public pages, which answer in every language too (partly in Urdu for now).
const OTHER_PAGES: &[&str] = &[
    "/stats",
    "/stats/report",
    "/strategies",
    "/data",
    "/campaigns",
];

async fn page(app: &App, uri: &str) -> Reply {
    let reply = app.get(uri).await;
    assert_eq!(reply.status, StatusCode::OK, "GET {uri}: {}", reply.text());
    reply
}

#[tokio::test]
async fn every_page_answers_in_each_language_with_its_direction_and_the_language_links() {
    let app = App::new().await;
    for lang in new_languages() {
        for neutral in SURVIVOR_PATH.iter().chain(OTHER_PAGES) {
            let uri = lang.localise(neutral);
            let html = page(&app, &uri).await.html();
            assert_eq!(attrs(&html, "html", "lang"), [lang.code()], "{uri}");
            assert_eq!(attrs(&html, "html", "dir"), ["rtl"], "{uri}");

            // The switch: every other language, in its own name, each link saying its
            // language to the browser, the screen reader and the search engine.
            let others: Vec<Lang> = Lang::all().iter().copied().filter(|l| *l != lang).collect();
            assert_eq!(
                texts(&html, ".languages a"),
                others.iter().map(|l| l.native_name()).collect::<Vec<_>>(),
                "{uri}"
            );
            for attr in ["lang", "hreflang"] {
                assert_eq!(
                    attrs(&html, ".languages a", attr),
                    others.iter().map(|l| l.code()).collect::<Vec<_>>(),
                    "{uri}"
                );
            }
            assert_eq!(
                attrs(&html, ".languages a", "href"),
                others
                    .iter()
                    .map(|l| l.localise(neutral))
                    .collect::<Vec<_>>(),
                "{uri}"
            );
            assert_eq!(
                attrs(&html, ".languages a", "dir"),
                others.iter().map(|l| l.dir()).collect::<Vec<_>>()
            );

            // The alternates: every language, this one included, and the default for others
            // (the map's other alternate, its Atom feed, has no `hreflang`).
            let mut hreflangs: Vec<String> =
                Lang::all().iter().map(|l| l.code().to_owned()).collect();
            hreflangs.push("x-default".to_owned());
            assert_eq!(
                attrs(&html, "link[rel=alternate][hreflang]", "hreflang"),
                hreflangs,
                "{uri}"
            );
            let mut hrefs: Vec<String> = Lang::all().iter().map(|l| l.localise(neutral)).collect();
            hrefs.push((*neutral).to_owned());
            assert_eq!(
                attrs(&html, "link[rel=alternate][hreflang]", "href"),
                hrefs,
                "{uri}"
            );
        }
    }
}

/// With `[server] public_url` set, the `hreflang` alternates are absolute addresses, as search
/// engines require; the language switch stays a path.
#[tokio::test]
async fn alternates_are_absolute_under_the_public_address() {
    let app = App::with_config(|c| c.public_url = Some("https://map.example.org/".into())).await;
    let sd = Lang::from_code("sd").unwrap();
    let html = page(&app, "/sd/report").await.html();
    let mut hrefs: Vec<String> = Lang::all()
        .iter()
        .map(|l| format!("https://map.example.org{}", l.localise("/report")))
        .collect();
    hrefs.push("https://map.example.org/report".to_owned());
    assert_eq!(attrs(&html, "link[rel=alternate][hreflang]", "href"), hrefs);
    assert_eq!(
        attrs(&html, ".languages a[hreflang=ps]", "href"),
        ["/ps/report"]
    );
    assert_eq!(attrs(&html, "html", "lang"), [sd.code()]);
}

#[tokio::test]
async fn the_framable_map_answers_in_each_language() {
    let app = App::new().await;
    for lang in new_languages() {
        let html = page(&app, &lang.localise("/embed")).await.html();
        assert_eq!(attrs(&html, "html", "lang"), [lang.code()]);
        assert_eq!(attrs(&html, "html", "dir"), ["rtl"]);
    }
}

#[tokio::test]
async fn a_language_prefix_alone_goes_to_its_home_page() {
    let app = App::new().await;
    for lang in Lang::all().iter().filter(|l| !l.is_default()) {
        let reply = app.get(&format!("/{}", lang.code())).await;
        assert_eq!(reply.status, StatusCode::PERMANENT_REDIRECT);
        assert_eq!(
            reply.header("location"),
            Some(format!("/{}/", lang.code()).as_str())
        );
    }
}

#[tokio::test]
async fn the_english_and_urdu_switch_still_offers_each_other_first() {
    let app = App::new().await;
    let html = page(&app, "/").await.html();
    assert_eq!(attrs(&html, ".lang-switch", "href"), ["/ur/"]);
    assert_eq!(count(&html, ".languages a"), Lang::all().len() - 1);
    let html = page(&app, "/ur/stats").await.html();
    assert_eq!(attrs(&html, ".lang-switch", "href"), ["/stats"]);
    // A Sindhi page offers Urdu, the language it falls back to, first.
    let html = page(&app, "/sd/stats").await.html();
    assert_eq!(attrs(&html, ".lang-switch", "href"), ["/ur/stats"]);
    assert_eq!(attrs(&html, ".languages a", "href")[0], "/stats");
}

fn report(text: &str) -> Multipart {
    Multipart::new()
        .text("what_happened", text)
        .text("consent", "statistics_only")
}

#[tokio::test]
async fn a_report_sent_in_sindhi_is_stored_in_sindhi_and_its_receipt_is_in_sindhi() {
    let app = App::new().await;
    let sd = Lang::from_code("sd").unwrap();
    let form = page(&app, "/sd/report").await.html();
    assert_eq!(
        attrs(&form, "form.report-form", "action")
            .iter()
            .map(|a| a.split('#').next().unwrap_or_default())
            .collect::<Vec<_>>(),
        ["/sd/report"]
    );
    assert_eq!(
        texts(&form, "h1"),
        [t(sd, "report.title").to_owned()],
        "the form's heading is in Sindhi"
    );

    let text = "ڪنهن منهنجي نالي سان جعلي پروفائل ٺاهي ۽ منهنجون تصويرون لڳائي ڇڏيون.";
    let reply = app.submit_report("/sd/report", report(text), PEER).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    let location = reply.header("location").unwrap().to_owned();
    assert!(location.starts_with("/sd/report/receipt/"), "{location}");

    let html = page(&app, &location).await.html();
    assert_eq!(attrs(&html, "html", "lang"), ["sd"]);
    assert_eq!(attrs(&html, "html", "dir"), ["rtl"]);
    assert!(has_message(sd, "receipt.title"), "Sindhi translates it");
    assert_eq!(texts(&html, "h1"), [t(sd, "receipt.title").to_owned()]);
    assert_ne!(t(sd, "receipt.title"), t(Lang::UR, "receipt.title"));
    crate::support::receipts::receipt_on_page(&html);
    assert_eq!(
        count(&html, ".fallback-note"),
        0,
        "every word of the receipt is Sindhi"
    );
    assert!(
        attrs(&html, "a", "href").contains(&"/sd/follow-up".to_owned()),
        "the receipt's follow-up link stays in Sindhi"
    );

    let envelope = app.only_submission().await;
    let opened = app.open_report(envelope.id).await;
    assert_eq!(opened.report.what_happened.as_str(), text);
    assert_eq!(opened.report.language, sd);
}

#[tokio::test]
async fn follow_up_works_in_pashto() {
    let app = App::new().await;
    let ps = Lang::from_code("ps").unwrap();
    let receipt = app
        .report_with_receipt(
            "/ps/report",
            report("یو چا زما په نوم جعلي پروفایل جوړ کړ."),
        )
        .await;
    let opened = app.open_report(app.only_submission().await.id).await;
    assert_eq!(opened.report.language, ps);

    let form = page(&app, "/ps/follow-up").await.html();
    assert_eq!(attrs(&form, "html", "lang"), ["ps"]);
    let token = form_token(&form);
    let reply = app
        .post_form(
            "/ps/follow-up",
            &[("form_token", &token), ("receipt", &receipt.words)],
            PEER,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let html = reply.html();
    assert_eq!(attrs(&html, "html", "lang"), ["ps"]);
    assert!(has_message(ps, "followup.status.new"));
    assert_eq!(
        texts(&html, ".status__label"),
        [t(ps, "followup.status.new").to_owned()]
    );
    assert_eq!(
        count(&html, ".fallback-note"),
        0,
        "every word of the follow-up status is Pashto"
    );
    // The next step's forms post back to the Pashto page.
    assert!(
        attrs(&html, "form[method=post]", "action")
            .iter()
            .all(|a| a == "/ps/follow-up"),
        "{:?}",
        attrs(&html, "form[method=post]", "action")
    );
}

/// The note a page in `lang` shows when part of it is in its fallback language.
fn fallback_note(lang: Lang) -> String {
    let fallback = lang.fallbacks()[1];
    Tr(lang).f(
        "site.fallback_note",
        &[
            ("language", lang.native_name()),
            ("fallback", fallback.native_name()),
        ],
    )
}

/// No public page of these languages falls back any more: responses (the last public
/// catalog missing, with creative responses) are translated too, and what Sindhi, Pashto and
/// Punjabi still lack (the staff workspace, `admin-*` and `referrals-admin-*`) is on no public
/// page. So the note is checked the way a page raises it: a message the language lacks is
/// noticed as taken from Urdu, and the note that then shows names Urdu (the frame keeps or
/// drops it on that signal, as the unit test
/// `web::pages::tests::the_fallback_note_is_kept_only_when_the_page_fell_back` checks).
#[tokio::test]
async fn a_page_partly_in_urdu_says_so_and_a_translated_page_does_not() {
    let app = App::new().await;
    app.save_campaign("sixteen-days").await;
    for lang in new_languages() {
        // Untranslated: the staff menu, on no public page. Translating it is noticed as a
        // fallback (a page doing so would keep its note); a translated message is not.
        let ((), fell_back) = watch_fallback(|| {
            Tr(lang).t("admin.nav.inbox");
        });
        assert!(fell_back, "{lang:?}: the staff menu is not translated");
        assert!(!has_message(lang, "admin.nav.inbox"), "{lang:?}");
        let ((), fell_back) = watch_fallback(|| {
            Tr(lang).t("responses.manage.title");
        });
        assert!(!fell_back, "{lang:?}: responses are translated");
        assert!(fallback_note(lang).contains("اردو"));
        // The survivor's path is translated whole: home (the map), form, follow-up, help;
        // and so are what others did, the statistics and the open data, the responses and a
        // campaign's pages (its responses, creative form and gallery).
        for neutral in [
            "/",
            "/report",
            "/follow-up",
            "/resources",
            "/strategies",
            "/stats",
            "/data",
            "/responses/manage",
            "/campaigns",
            "/campaign/sixteen-days",
            "/campaign/sixteen-days/responses",
            "/campaign/sixteen-days/create",
            "/campaign/sixteen-days/gallery",
        ] {
            let html = page(&app, &lang.localise(neutral)).await.html();
            assert_eq!(count(&html, ".fallback-note"), 0, "{neutral} in {lang:?}");
            assert!(
                !html.html().contains("fallback-note"),
                "{neutral}: marker left"
            );
        }
    }
    for uri in ["/", "/stats", "/ur/", "/ur/stats", "/ur/report"] {
        let html = page(&app, uri).await.html();
        assert_eq!(count(&html, ".fallback-note"), 0, "{uri}");
        assert!(!html.html().contains("fallback-note"), "{uri}: marker left");
    }
}

/// Counts the map formats before its template renders ("fewer than 3" for a place with one
/// story) are in the page's language, and would have raised the note had they fallen back.
#[tokio::test]
async fn the_home_page_s_small_counts_are_in_its_language() {
    let app = App::new().await;
    app.save(&case("Account taken over")).await;
    for lang in new_languages() {
        let fewer = Tr(lang).f("stats.fewer_than", &[("k", "3")]);
        assert!(has_message(lang, "stats.fewer_than"), "{lang:?}");
        let html = page(&app, &lang.localise("/")).await.html();
        assert!(
            html.html().contains(&fewer),
            "{lang:?}: the home page's counts say {fewer:?}"
        );
        assert!(
            !html
                .html()
                .contains(&Tr(Lang::UR).f("stats.fewer_than", &[("k", "3")])),
            "{lang:?}: an Urdu count on the page"
        );
        assert_eq!(count(&html, ".fallback-note"), 0, "{lang:?}");
    }
}

#[tokio::test]
async fn a_story_shown_in_urdu_on_a_sindhi_page_says_so_and_is_marked_urdu() {
    let app = App::new().await;
    let sd = Lang::from_code("sd").unwrap();
    let mut both = case("Account taken over");
    both.story_ur = Some(story("اکاؤنٹ پر قبضہ", "جو ہوا، گمنام۔"));
    app.save(&both).await;
    let mut english_only = case("Threats after she spoke up");
    english_only.story_ur = None;
    app.save(&english_only).await;

    let html = page(&app, &format!("/sd/stories/{}", both.id)).await.html();
    assert_eq!(texts(&html, ".story .notice"), [t(sd, "story.shown_in_ur")]);
    assert_eq!(attrs(&html, ".story__text", "lang"), ["ur"]);
    assert_eq!(texts(&html, ".story h1[lang=ur]"), ["اکاؤنٹ پر قبضہ"]);

    let html = page(&app, &format!("/sd/stories/{}", english_only.id))
        .await
        .html();
    assert_eq!(texts(&html, ".story .notice"), [t(sd, "story.only_in_en")]);
    assert_eq!(attrs(&html, ".story__text", "lang"), ["en"]);

    // English and Urdu pages say what they said before.
    let html = page(&app, &format!("/ur/stories/{}", english_only.id))
        .await
        .html();
    assert_eq!(
        texts(&html, ".story .notice"),
        [t(Lang::UR, "story.only_in_en")]
    );
    let html = page(&app, &format!("/ur/stories/{}", both.id)).await.html();
    assert_eq!(count(&html, ".story .notice"), 0);
}

#[tokio::test]
async fn an_unknown_language_is_a_404_that_links_to_the_languages_offered() {
    let app = App::new().await;
    let homes: Vec<String> = Lang::all().iter().map(|l| l.localise("/")).collect();
    let names: Vec<&str> = Lang::all().iter().map(|l| l.native_name()).collect();
    for uri in ["/fr/", "/fr", "/fr/report", "/xx/anything", "/fil/stats"] {
        let reply = app.get(uri).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        let html = reply.html();
        assert_eq!(attrs(&html, "html", "lang"), ["en"], "{uri}");
        assert_eq!(
            texts(&html, "h1"),
            [t(Lang::EN, "error.unknown_language.title")],
            "{uri}"
        );
        assert_eq!(attrs(&html, ".error-page__languages a", "href"), homes);
        assert_eq!(texts(&html, ".error-page__languages a"), names);
        assert_eq!(
            attrs(&html, ".error-page__languages a", "lang"),
            Lang::all().iter().map(|l| l.code()).collect::<Vec<_>>()
        );
    }

    // An ordinary 404 is in the path's language and links to the languages too.
    let reply = app.get("/sd/no-such-page").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let html = reply.html();
    let sd = Lang::from_code("sd").unwrap();
    assert_eq!(attrs(&html, "html", "lang"), ["sd"]);
    assert_eq!(texts(&html, "h1"), [t(sd, "error.not_found.title")]);
    assert_eq!(attrs(&html, ".error-page__languages a", "href"), homes);
    let html = app.get("/no-such-page").await.html();
    assert_eq!(texts(&html, "h1"), [t(Lang::EN, "error.not_found.title")]);
    assert_eq!(attrs(&html, ".error-page__languages a", "href"), homes);

    // Routes whose first segment looks like a code are not languages.
    let reply = app.get("/api/v9/nothing").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.json()["error"]["code"], "not_found");
    let reply = app.get("/map/nothing").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(
        texts(&reply.html(), "h1"),
        [t(Lang::EN, "error.not_found.title")]
    );
}
