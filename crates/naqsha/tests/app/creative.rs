//! Creative responses to a campaign (`/campaign/{slug}/create`) and the campaign's gallery
//! (`/campaign/{slug}/gallery`), in English and Urdu, as a visitor gets them: what the form
//! keeps when it is shown again, what is stored (sealed, the picture cleaned), that nothing
//! is public before a moderator approves it, and what the gallery shows once she has.

use axum::http::StatusCode;
use naqsha::i18n::t;
use naqsha::intake::evidence::strip_check;
use naqsha::storage::{ResponseDecision, ResponseImage, ResponseStore, UserStore, WaitingFilter};
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::lang::Lang;
use naqsha_core::response::{PublishedResponse, ResponseBody, ResponseTarget};
use naqsha_core::sealing;

use crate::support::{App, Multipart, PEER, attrs, builders, count, receipt_on_page, texts};

const SLUG: &str = "sixteen-days";

/// A poem as the form sends it (without its token).
fn poem(title: &str, text: &str) -> Multipart {
    Multipart::new()
        .text("title", title)
        .text("what", "poem")
        .text("text", text)
        .text("link", "")
        .text("credit", "anonymous")
        .text("pseudonym", "")
        .text("licence", "cc_by_nc")
        .text("website", "")
}

/// A drawing sent as a phone photo with GPS in its EXIF.
fn drawing(title: &str) -> (Multipart, Vec<u8>) {
    let picture = builders::two_colour_picture(48, 32);
    let jpeg = builders::phone_jpeg(&picture, Some(6));
    assert!(strip_check(&jpeg).contains(&"gps"), "fixture carries GPS");
    let form = Multipart::new()
        .text("title", title)
        .text("what", "artwork")
        .text("credit", "pseudonym")
        .text("pseudonym", "Noor")
        .text("licence", "cc_by")
        .file("image", "IMG_2041_home.jpg", "image/jpeg", &jpeg);
    (form, jpeg)
}

/// Loads the form at `uri`, puts its token into `form` and posts it.
async fn send(app: &App, uri: &str, form: Multipart) -> crate::support::Reply {
    let token = app.form_token(uri, PEER).await;
    app.post_multipart(uri, &form.text("form_token", &token), PEER)
        .await
}

/// Every waiting response, opened with the admin's key: (id, body, clean picture).
async fn waiting(
    app: &App,
) -> Vec<(
    naqsha_core::ids::ResponseId,
    ResponseTarget,
    ResponseBody,
    Option<Vec<u8>>,
)> {
    let key = app.unlock().await;
    let rows = app
        .state
        .store()
        .waiting_responses(WaitingFilter::default(), 100, 0)
        .await
        .unwrap();
    rows.into_iter()
        .map(|r| {
            let body = sealing::open(&key.secret, r.sealed.as_ref().unwrap()).unwrap();
            let body: ResponseBody = serde_json::from_slice(&body).unwrap();
            let image = r
                .sealed_image
                .as_ref()
                .map(|s| sealing::open(&key.secret, s).unwrap().to_vec());
            (r.id, r.target, body, image)
        })
        .collect()
}

/// A moderator approves every waiting response as it was sent.
async fn approve_all(app: &App) {
    let admin = app
        .state
        .store()
        .user_by_name("admin")
        .await
        .unwrap()
        .unwrap();
    let decisions: Vec<ResponseDecision> = waiting(app)
        .await
        .into_iter()
        .map(|(id, target, body, image)| ResponseDecision::Approve {
            id,
            public: Box::new(PublishedResponse::from_body(&body, target)),
            image: image.map(|bytes| ResponseImage {
                content_type: "image/jpeg".into(),
                bytes,
            }),
        })
        .collect();
    let decided = app
        .state
        .store()
        .decide_responses(
            &decisions,
            admin.id,
            &AuditEvent::now(Some(admin.id), AuditAction::ResponseDecision),
        )
        .await
        .unwrap();
    assert_eq!(decided.approved, decisions.len());
}

#[tokio::test]
async fn a_poem_is_received_with_a_receipt_shown_once_and_waits_for_a_moderator() {
    for lang in [Lang::EN, Lang::UR] {
        let app = App::new().await;
        app.save_campaign(SLUG).await;
        let prefix = if lang == Lang::UR { "/ur" } else { "" };
        let uri = format!("{prefix}/campaign/{SLUG}/create");
        let page = app.get(&uri).await;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.html();
        assert_eq!(
            texts(&html, "h1"),
            [t(lang, "creative.form.title").to_owned()]
        );
        assert_eq!(count(&html, "input[name=website]"), 1, "the honeypot");
        assert!(page.header("set-cookie").is_none());
        // The licences are explained in plain words.
        let licences = texts(&html, "#field-licence label");
        assert!(licences[0].contains(t(lang, "creative.licence.cc_by_hint")));

        let reply = send(&app, &uri, poem("رات", "پہلی سطر\nدوسری سطر")).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
        let to = reply.header("location").unwrap().to_owned();
        assert!(
            to.starts_with(&format!("{prefix}/campaign/{SLUG}/create/receipt/")),
            "{to}"
        );
        let receipt = app.get(&to).await;
        assert_eq!(receipt.status, StatusCode::OK);
        let shown = receipt_on_page(&receipt.html());
        assert!(!shown.words.is_empty());
        assert_eq!(
            texts(&receipt.html(), "h1"),
            [t(lang, "creative.receipt.title").to_owned()]
        );
        // Shown once.
        assert_eq!(app.get(&to).await.status, StatusCode::NOT_FOUND);

        let stored = waiting(&app).await;
        assert_eq!(stored.len(), 1);
        let (_, target, body, image) = &stored[0];
        assert_eq!(*target, ResponseTarget::Campaign(SLUG.into()));
        assert_eq!(body.lang, lang);
        assert_eq!(body.title.as_ref().unwrap().as_str(), "رات");
        assert_eq!(body.text.as_ref().unwrap().as_str(), "پہلی سطر\nدوسری سطر");
        assert_eq!(body.pseudonym, None);
        assert!(image.is_none());

        // Nothing is public before a moderator approves it.
        let gallery = app.get(&format!("{prefix}/campaign/{SLUG}/gallery")).await;
        assert_eq!(gallery.status, StatusCode::OK);
        let html = gallery.html();
        assert_eq!(count(&html, ".work"), 0);
        assert!(!gallery.text().contains("رات"));
        assert_eq!(
            texts(&html, ".gallery__empty a"),
            [t(lang, "creative.gallery.empty_link").to_owned()]
        );
        assert_eq!(
            attrs(&html, ".gallery__empty a", "href"),
            [format!("{prefix}/campaign/{SLUG}/create")]
        );
    }
}

#[tokio::test]
async fn a_form_with_mistakes_comes_back_with_every_value_and_a_message_beside_each_field() {
    for lang in [Lang::EN, Lang::UR] {
        let app = App::new().await;
        app.save_campaign(SLUG).await;
        let prefix = if lang == Lang::UR { "/ur" } else { "" };
        let uri = format!("{prefix}/campaign/{SLUG}/create");
        let picture = builders::phone_jpeg(&builders::two_colour_picture(20, 20), None);
        let form = Multipart::new()
            .text("title", "")
            .text("what", "video")
            .text("text", "a few words\nabout it")
            .text("link", "javascript:alert(1)")
            .text("credit", "pseudonym")
            .text("pseudonym", "Noor <b>")
            .text("licence", "")
            .file("image", "x.jpg", "image/jpeg", &picture);
        let reply = send(&app, &uri, form).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = reply.html();
        let message = |field: &str| texts(&html, &format!("#field-{field} .field-error"));
        assert_eq!(
            message("title"),
            [t(lang, "creative.error.title_missing").to_owned()]
        );
        assert_eq!(
            message("link"),
            [t(lang, "creative.error.link_invalid").to_owned()]
        );
        assert_eq!(
            message("licence"),
            [t(lang, "creative.error.licence_missing").to_owned()]
        );
        // The picture cannot be kept in the page: it says so.
        assert_eq!(
            message("image"),
            [t(lang, "creative.form.image_again").to_owned()]
        );
        assert_eq!(
            attrs(&html, "input[name=link]", "value"),
            ["javascript:alert(1)"]
        );
        assert_eq!(attrs(&html, "input[name=pseudonym]", "value"), ["Noor <b>"]);
        assert_eq!(count(&html, "#what-video[checked]"), 1);
        assert_eq!(count(&html, "#credit-pseudonym[checked]"), 1);
        assert_eq!(
            crate::support::textarea(&html, "text"),
            "a few words\nabout it"
        );
        assert!(waiting(&app).await.is_empty(), "nothing stored");
    }
}

#[tokio::test]
async fn a_picture_is_cleaned_of_its_location_before_it_is_kept_and_when_it_is_shown() {
    let app = App::new().await;
    app.save_campaign(SLUG).await;
    let (form, sent) = drawing("Home");
    let reply = send(&app, &format!("/campaign/{SLUG}/create"), form).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());

    let stored = waiting(&app).await;
    let (id, _, body, image) = &stored[0];
    let kept = image.as_ref().expect("the picture is kept, sealed");
    assert_ne!(kept, &sent);
    assert_eq!(strip_check(kept), Vec::<&str>::new(), "no metadata kept");
    assert_eq!(body.pseudonym.as_ref().unwrap().as_str(), "Noor");

    // Not served before approval.
    let early = app.get(&format!("/responses/{id}/image")).await;
    assert_eq!(early.status, StatusCode::NOT_FOUND);

    approve_all(&app).await;
    let served = app.get(&format!("/responses/{id}/image")).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.header("content-type"), Some("image/jpeg"));
    assert_eq!(served.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(
        served.header("cross-origin-resource-policy"),
        Some("same-origin")
    );
    assert!(served.header("cache-control").unwrap().contains("max-age"));
    assert!(served.header("set-cookie").is_none());
    assert_eq!(strip_check(&served.body), Vec::<&str>::new());
    assert!(image::load_from_memory(&served.body).is_ok());
}

#[tokio::test]
async fn what_is_not_a_picture_is_refused_and_nothing_is_stored() {
    let app = App::new().await;
    app.save_campaign(SLUG).await;
    for (name, bytes) in [
        ("notes.pdf", builders::pdf("", &[])),
        ("photo.jpg", b"#!/bin/sh\necho not a picture\n".to_vec()),
    ] {
        let form = Multipart::new()
            .text("title", "Home")
            .text("what", "artwork")
            .text("credit", "anonymous")
            .text("licence", "cc_by")
            .file("image", name, "image/jpeg", &bytes);
        let reply = send(&app, &format!("/ur/campaign/{SLUG}/create"), form).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert_eq!(
            texts(&reply.html(), "#field-image .field-error")[0],
            t(Lang::UR, "creative.error.image_type"),
            "{name}"
        );
        assert_eq!(attrs(&reply.html(), "input[name=title]", "value"), ["Home"]);
    }
    assert!(waiting(&app).await.is_empty());
}

#[tokio::test]
async fn the_gallery_shows_approved_works_with_credit_and_licence_and_never_embeds_a_link() {
    for lang in [Lang::EN, Lang::UR] {
        let app = App::new().await;
        app.save_campaign(SLUG).await;
        app.save_campaign("take-back-the-tech").await;
        let prefix = if lang == Lang::UR { "/ur" } else { "" };
        let uri = format!("{prefix}/campaign/{SLUG}/create");
        let (form, _) = drawing("Home");
        assert_eq!(send(&app, &uri, form).await.status, StatusCode::SEE_OTHER);
        approve_all(&app).await;
        // Approval times are kept to the second: the next one is approved a second later.
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        let video = poem("Our voices", "")
            .text("what", "video")
            .text("link", "https://video.example.org/watch?v=abc")
            .text("licence", "all_rights_reserved");
        assert_eq!(send(&app, &uri, video).await.status, StatusCode::SEE_OTHER);
        // One for another campaign, which this gallery does not show.
        let other = format!("{prefix}/campaign/take-back-the-tech/create");
        assert_eq!(
            send(&app, &other, poem("Elsewhere", "words")).await.status,
            StatusCode::SEE_OTHER
        );
        approve_all(&app).await;

        let page = app.get(&format!("{prefix}/campaign/{SLUG}/gallery")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.header("set-cookie").is_none());
        let html = page.html();
        // Newest first.
        assert_eq!(texts(&html, ".work__title"), ["Our voices", "Home"]);
        let credits = texts(&html, ".work__credit");
        assert!(credits[0].ends_with(t(lang, "creative.gallery.anonymous")));
        assert!(credits[1].ends_with("Noor"));
        let licences = texts(&html, ".work__licence");
        assert!(licences[0].ends_with(t(lang, "creative.licence.all_rights_reserved")));
        assert!(licences[1].ends_with(t(lang, "creative.licence.cc_by")));
        assert_eq!(
            attrs(&html, ".work__licence a", "href"),
            ["https://creativecommons.org/licenses/by/4.0/"]
        );
        // The link is a link, with the host it goes to; nothing of it is embedded.
        assert_eq!(
            attrs(&html, ".work__link a", "href"),
            ["https://video.example.org/watch?v=abc"]
        );
        assert_eq!(
            attrs(&html, ".work__link a", "rel"),
            ["nofollow ugc noopener noreferrer"]
        );
        assert_eq!(texts(&html, ".work__host bdi"), ["video.example.org"]);
        assert_eq!(
            count(&html, "iframe, video, audio, embed, object, source"),
            0
        );
        for src in attrs(&html, "[src]", "src") {
            assert!(src.starts_with('/') && !src.starts_with("//"), "{src}");
        }
        let images = attrs(&html, ".work__image", "src");
        assert_eq!(images.len(), 1);
        assert!(images[0].starts_with("/responses/"));
        assert!(!page.text().contains("Elsewhere"));
    }
}

#[tokio::test]
async fn an_unknown_campaign_has_no_form_no_gallery_and_takes_nothing() {
    let app = App::new().await;
    app.save_campaign(SLUG).await;
    for uri in [
        "/campaign/no-such-campaign/create",
        "/ur/campaign/no-such-campaign/create",
        "/campaign/no-such-campaign/gallery",
        "/ur/campaign/no-such-campaign/gallery",
        "/campaign/Not%20A%20Slug/gallery",
    ] {
        assert_eq!(app.get(uri).await.status, StatusCode::NOT_FOUND, "{uri}");
    }
    // A token from a real campaign's form, posted to one that does not exist.
    let token = app
        .form_token(&format!("/campaign/{SLUG}/create"), PEER)
        .await;
    let reply = app
        .post_multipart(
            "/campaign/no-such-campaign/create",
            &poem("Lost", "words").text("form_token", &token),
            PEER,
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(waiting(&app).await.is_empty());
    assert_eq!(
        app.get("/responses/not-an-id/image").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_gallery_goes_a_page_at_a_time() {
    let app = App::new().await;
    app.save_campaign(SLUG).await;
    let uri = format!("/campaign/{SLUG}/create");
    // 13 works from as many networks (each network may send 10 at once).
    for n in 0..13 {
        let peer = format!("198.51.{n}.9:50000");
        let token = app.form_token(&uri, &peer).await;
        let form = poem(&format!("Poem {n}"), "words").text("form_token", &token);
        let reply = app.post_multipart(&uri, &form, &peer).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    }
    approve_all(&app).await;
    let first = app.get(&format!("/campaign/{SLUG}/gallery")).await.html();
    assert_eq!(count(&first, ".work"), 12);
    assert_eq!(
        attrs(&first, ".paging__older", "href"),
        [format!("/campaign/{SLUG}/gallery?page=2")]
    );
    let second = app
        .get(&format!("/ur/campaign/{SLUG}/gallery?page=2"))
        .await
        .html();
    assert_eq!(count(&second, ".work"), 1);
    assert_eq!(count(&second, ".paging__older"), 0);
    assert_eq!(
        app.get(&format!("/campaign/{SLUG}/gallery?page=3"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_network_that_sends_too_many_is_asked_to_wait_with_its_words_kept() {
    let app = App::new().await;
    app.save_campaign(SLUG).await;
    let uri = format!("/campaign/{SLUG}/create");
    let mut last = None;
    // Responses have the reports' numbers: 5 at once, then one every 2 minutes.
    for n in 0..6 {
        last = Some(send(&app, &uri, poem(&format!("Poem {n}"), "words")).await);
    }
    let reply = last.unwrap();
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(reply.header("retry-after").is_some());
    assert_eq!(
        attrs(&reply.html(), "input[name=title]", "value"),
        ["Poem 5"]
    );
    assert_eq!(waiting(&app).await.len(), 5);
}

#[tokio::test]
async fn the_campaign_page_links_to_its_gallery_and_its_form() {
    let app = App::new().await;
    app.save_campaign(SLUG).await;
    for (prefix, lang) in [("", Lang::EN), ("/ur", Lang::UR)] {
        let page = app.get(&format!("{prefix}/campaign/{SLUG}")).await;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.html();
        assert_eq!(
            attrs(&html, ".campaign__creative a", "href"),
            [
                format!("{prefix}/campaign/{SLUG}/gallery"),
                format!("{prefix}/campaign/{SLUG}/create")
            ]
        );
        assert_eq!(
            texts(&html, ".campaign__creative a")[0],
            t(lang, "creative.campaign.gallery_link")
        );
    }
}

#[tokio::test]
async fn export_static_mirrors_the_gallery_and_its_pictures_but_not_the_form() {
    let app = App::new().await;
    app.save_campaign(SLUG).await;
    let (form, _) = drawing("Home");
    assert_eq!(
        send(&app, &format!("/campaign/{SLUG}/create"), form)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let id = waiting(&app).await[0].0;
    approve_all(&app).await;
    let site = tempfile::tempdir().unwrap();
    app.naqsha(&["export-static", site.path().to_str().unwrap()]);
    let rel: Vec<String> = crate::support::files_under(site.path())
        .iter()
        .map(|p| {
            p.strip_prefix(site.path())
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    for page in [
        format!("campaign/{SLUG}/gallery/index.html"),
        format!("ur/campaign/{SLUG}/gallery/index.html"),
        format!("responses/{id}/image"),
    ] {
        assert!(rel.contains(&page), "{page} not in {rel:?}");
    }
    assert!(
        !rel.iter().any(|p| p.contains("/create")),
        "the form is not mirrored: {rel:?}"
    );
    let gallery = std::fs::read_to_string(
        site.path()
            .join(format!("campaign/{SLUG}/gallery/index.html")),
    )
    .unwrap();
    assert!(gallery.contains("Home"));
}

#[tokio::test]
async fn during_a_flood_a_work_sent_without_the_proof_of_work_is_taken_and_flagged() {
    let app = App::with_config(|c| c.force_flood = true).await;
    app.save_campaign(SLUG).await;
    let uri = format!("/ur/campaign/{SLUG}/create");
    let page = app.get(&uri).await.html();
    assert_eq!(count(&page, "form[data-pow-challenge]"), 1);
    assert_eq!(count(&page, "input[name=pow_solution]"), 1);
    // Without JavaScript there is no solution: still taken (at a person's pace, so that
    // only the missing proof can flag it), and marked for moderators.
    let token = app.form_token(&uri, PEER).await;
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let form = poem("رات", "سطر").text("form_token", &token);
    let reply = app.post_multipart(&uri, &form, PEER).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(flagged(&app).await, 1);

    // Out of a flood, a form whose honeypot was filled in is flagged too; one without is not.
    let app = App::new().await;
    app.save_campaign(SLUG).await;
    let page = app.get(&uri).await.html();
    assert_eq!(count(&page, "form[data-pow-challenge]"), 0);
    // Both forms filled in at a person's pace (one sent at once is flagged as too fast).
    let bot_token = app.form_token(&uri, PEER).await;
    let her_token = app.form_token(&uri, PEER).await;
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let bot = poem("spam", "buy now")
        .text("website", "http://spam.example")
        .text("form_token", &bot_token);
    let her = poem("رات", "سطر").text("form_token", &her_token);
    for form in [bot, her] {
        let reply = app.post_multipart(&uri, &form, PEER).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
    }
    assert_eq!(flagged(&app).await, 1);
    assert_eq!(waiting(&app).await.len(), 2);
}

/// How many responses wait flagged.
async fn flagged(app: &App) -> usize {
    app.state
        .store()
        .waiting_responses(
            WaitingFilter {
                flagged: Some(true),
                ..WaitingFilter::default()
            },
            10,
            0,
        )
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn with_the_database_gone_the_form_comes_back_with_her_work() {
    let app = App::new().await;
    app.save_campaign(SLUG).await;
    let uri = format!("/ur/campaign/{SLUG}/create");
    let token = app.form_token(&uri, PEER).await;
    app.state.store().close().await;
    let form = poem("رات", "پہلی سطر\nدوسری سطر").text("form_token", &token);
    let reply = app.post_multipart(&uri, &form, PEER).await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(reply.header("retry-after").is_some());
    let html = reply.html();
    assert_eq!(attrs(&html, "input[name=title]", "value"), ["رات"]);
    assert_eq!(
        crate::support::textarea(&html, "text"),
        "پہلی سطر\nدوسری سطر"
    );
    assert!(
        texts(&html, ".error-summary li")
            .contains(&t(Lang::UR, "creative.error.unavailable").to_owned())
    );
}
