//! Campaign pages (issue 20 item 3): admins start and edit campaigns (errors beside the
//! fields, values kept), add posts and upload images that lose their metadata; the public
//! pages in English and Urdu; the home page features a campaign during its days only; unsafe
//! Markdown is text; `export-static` writes the pages and images.

use std::collections::BTreeMap;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use naqsha::intake::evidence::strip_check;
use naqsha::storage::{AuditFilter, AuditStore, CampaignImage, CampaignStore};
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::campaign::{
    Bilingual, Campaign, CampaignId, CampaignImageId, CampaignImageInfo, CampaignPeriod,
    CampaignPost, CampaignPostId, CampaignSlug, format_day,
};
use naqsha_core::user::Role;
use time::{Date, Duration};

use crate::support::staff::{Browser, send, signed_in};
use crate::support::{App, Multipart, attrs, builders, case, count, files_under, texts};

fn both(en: &str, ur: &str) -> Bilingual {
    Bilingual {
        en: en.into(),
        ur: ur.into(),
    }
}

/// Today where the deployment is (`[server] time_zone`, Pakistan by default): campaign
/// days are the organisation's days.
fn today(app: &App) -> Date {
    let d = jiff::Timestamp::now()
        .to_zoned(app.state.config().time_zone.clone())
        .date();
    Date::from_calendar_date(
        i32::from(d.year()),
        time::Month::try_from(d.month().unsigned_abs()).unwrap(),
        d.day().unsigned_abs(),
    )
    .unwrap()
}

/// A campaign stored directly, with a prompt on `first`.
async fn stored(
    app: &App,
    slug: &str,
    first: Date,
    last: Date,
    stories: Vec<naqsha_core::ids::CaseId>,
) -> Campaign {
    let c = Campaign {
        id: CampaignId::random(),
        slug: CampaignSlug::parse(slug).unwrap(),
        title: both("Sixteen Days", "سولہ دن"),
        intro: both(
            "## Why\n\nBecause [help](/resources) matters.",
            "کیونکہ مدد اہم ہے۔",
        ),
        period: CampaignPeriod::new(first, last).unwrap(),
        stories,
        prompts: BTreeMap::from([(first, both("What helped you?", "آپ کی کس چیز نے مدد کی؟"))]),
    };
    app.state
        .store()
        .save_campaign(&c, &AuditEvent::now(None, AuditAction::CampaignChange))
        .await
        .unwrap();
    c
}

async fn campaign_changes(app: &App) -> usize {
    app.state
        .store()
        .audit_events(
            &AuditFilter {
                action: Some(AuditAction::CampaignChange),
                ..Default::default()
            },
            100,
            0,
        )
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn admins_start_and_edit_a_campaign_and_refused_forms_keep_what_was_typed() {
    let app = App::new().await;
    let published = case("A story the campaign features");
    app.save(&published).await;
    let admin = signed_in(&app, "campaign-admin", Role::Admin).await;

    let list = admin.get(&app, "/admin/campaigns").await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(
        attrs(&list.html(), "nav a[href=\"/admin/campaigns\"]", "href").len(),
        1,
        "linked from the workspace menu"
    );

    let refused = admin
        .post(
            &app,
            "/admin/campaigns",
            &[
                ("slug", "16 Days!"),
                ("title_en", "Sixteen Days"),
                ("title_ur", ""),
                ("intro_en", "Hello"),
                ("first_day", "2026-12-10"),
                ("last_day", "2026-11-25"),
                ("stories", ""),
                ("prompts", ""),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.html();
    assert!(texts(&html, "#campaign-slug-error")[0].contains("lowercase letters"));
    assert!(texts(&html, "#campaign-title_ur-error")[0].contains("title"));
    assert!(texts(&html, "#campaign-last_day-error")[0].contains("cannot be before"));
    assert_eq!(attrs(&html, "#campaign-slug", "value"), ["16 Days!"]);
    assert_eq!(
        attrs(&html, "#campaign-title_en", "value"),
        ["Sixteen Days"]
    );
    assert_eq!(texts(&html, "#campaign-intro_en"), ["Hello"]);
    assert_eq!(campaign_changes(&app).await, 0, "nothing stored");

    let story = published.id.to_string();
    let fields = |slug: &'static str, stories: String| {
        vec![
            ("slug", slug.to_owned()),
            ("title_en", "Sixteen Days".to_owned()),
            ("title_ur", "سولہ دن".to_owned()),
            ("intro_en", "## Why\nBecause.".to_owned()),
            ("intro_ur", "کیونکہ".to_owned()),
            ("first_day", "2026-11-25".to_owned()),
            ("last_day", "2026-12-10".to_owned()),
            ("stories", stories),
            (
                "prompts",
                "2026-11-25 | What helped you? | آپ کی کس چیز نے مدد کی؟".to_owned(),
            ),
        ]
    };
    let post = |f: Vec<(&'static str, String)>, uri: String| {
        let admin: &Browser = &admin;
        let app = &app;
        async move {
            let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            admin.post(app, &uri, &pairs).await
        }
    };
    let created = post(
        fields("sixteen-days", story.clone()),
        "/admin/campaigns".into(),
    )
    .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER);
    let location = created.header("location").unwrap().to_owned();
    let id = location
        .strip_prefix("/admin/campaigns/")
        .and_then(|l| l.strip_suffix("?done=created"))
        .unwrap()
        .to_owned();
    let page = admin.get(&app, &location).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.html();
    assert_eq!(texts(&html, "[role=status]"), ["The campaign was started."]);
    assert_eq!(
        texts(&html, ".campaign-stories a"),
        ["A story the campaign features"],
        "the selected story is shown with its title"
    );

    // A second campaign cannot take the address; an unpublished story is refused.
    let clash = post(
        fields("sixteen-days", String::new()),
        "/admin/campaigns".into(),
    )
    .await;
    assert_eq!(clash.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(texts(&clash.html(), "#campaign-slug-error")[0].contains("Another campaign"));
    let unknown = naqsha_core::ids::CaseId::random().to_string();
    let refused = post(
        fields("sixteen-days", format!("{story}\n{unknown}")),
        format!("/admin/campaigns/{id}"),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.html();
    assert!(texts(&html, "#campaign-stories-error")[0].contains("Not a published story"));
    assert!(
        texts(&html, "#campaign-stories")[0].contains(&unknown),
        "kept as typed"
    );

    let saved = post(
        fields("sixteen-days-2026", story.clone()),
        format!("/admin/campaigns/{id}"),
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let stored = app
        .state
        .store()
        .campaign_by_slug(&CampaignSlug::parse("sixteen-days-2026").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.stories, [published.id]);
    assert_eq!(stored.prompts.len(), 1);

    // Posts: a refused one keeps its text; added, edited, deleted.
    let refused = admin
        .post(
            &app,
            &format!("/admin/campaigns/{id}/posts"),
            &[
                ("title_en", ""),
                ("title_ur", "آغاز"),
                ("body_en", "We begin."),
                ("date", "2026-11-25"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.html();
    assert!(!texts(&html, "#post-title_en-error").is_empty());
    assert_eq!(texts(&html, "#post-body_en"), ["We begin."]);
    let added = admin
        .post(
            &app,
            &format!("/admin/campaigns/{id}/posts"),
            &[
                ("title_en", "We begin"),
                ("title_ur", "آغاز"),
                ("body_en", "We begin."),
                ("date", "2026-11-25"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    let posts = app.state.store().campaign_posts(stored.id).await.unwrap();
    assert_eq!(posts.len(), 1);
    let post_uri = format!("/admin/campaigns/{id}/posts/{}", posts[0].id);
    let edit = admin.get(&app, &post_uri).await;
    assert_eq!(attrs(&edit.html(), "#post-title_en", "value"), ["We begin"]);
    let edited = admin
        .post(
            &app,
            &post_uri,
            &[
                ("title_en", "We began"),
                ("title_ur", "آغاز"),
                ("body_en", "We began."),
                ("date", "2026-11-26"),
            ],
        )
        .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.state.store().campaign_posts(stored.id).await.unwrap()[0]
            .title
            .en,
        "We began"
    );
    let deleted = admin.post(&app, &format!("{post_uri}/delete"), &[]).await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert!(
        app.state
            .store()
            .campaign_posts(stored.id)
            .await
            .unwrap()
            .is_empty()
    );

    // Created, saved, post added, edited, deleted: each audited, refusals not.
    assert_eq!(campaign_changes(&app).await, 5);

    // In Urdu, a refused form says so in Urdu, beside the field, with the text kept.
    let switched = admin
        .post(
            &app,
            "/admin/lang",
            &[("lang", "ur"), ("back", "/admin/campaigns")],
        )
        .await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    let refused = post(fields("-bad-", String::new()), "/admin/campaigns".into()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.html();
    assert_eq!(attrs(&html, "html", "dir"), ["rtl"]);
    assert_eq!(
        texts(&html, "#campaign-slug-error"),
        [naqsha::i18n::t(
            naqsha_core::lang::Lang::UR,
            "admin.campaigns.error.slug"
        )]
    );
    assert_eq!(attrs(&html, "#campaign-title_ur", "value"), ["سولہ دن"]);
    assert_eq!(campaign_changes(&app).await, 5);

    // Another role does not see campaigns.
    let moderator = signed_in(&app, "campaign-moderator", Role::Moderator).await;
    assert_eq!(
        moderator.get(&app, "/admin/campaigns").await.status,
        StatusCode::FORBIDDEN
    );
}

/// Posts the image form as a browser does (multipart, the CSRF token first).
async fn upload(
    app: &App,
    admin: &Browser,
    id: CampaignId,
    form: Multipart,
) -> crate::support::Reply {
    let req = Request::post(format!("/admin/campaigns/{id}/images"))
        .header(header::CONTENT_TYPE, form.content_type())
        .body(Body::from(form.body()))
        .unwrap();
    send(app, Some(&admin.cookie), req).await
}

#[tokio::test]
async fn uploaded_images_lose_their_metadata_and_are_served_from_our_host() {
    let app = App::new().await;
    let c = stored(&app, "images", today(&app), today(&app), vec![]).await;
    let admin = signed_in(&app, "image-admin", Role::Admin).await;
    let picture = builders::two_colour_picture(48, 32);
    let jpeg = builders::phone_jpeg(&picture, Some(6));
    assert!(
        strip_check(&jpeg).contains(&"gps"),
        "the upload carries GPS"
    );

    // Without the token: refused.
    let forged = upload(
        &app,
        &admin,
        c.id,
        Multipart::new()
            .text("alt_en", "A ribbon")
            .text("alt_ur", "ربن")
            .file("file", "ribbon.jpg", "image/jpeg", &jpeg),
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let forged = upload(
        &app,
        &admin,
        c.id,
        Multipart::new()
            .text("csrf", "forged-token")
            .text("alt_en", "A ribbon")
            .text("alt_ur", "ربن")
            .file("file", "ribbon.jpg", "image/jpeg", &jpeg),
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(
        app.state
            .store()
            .campaign_images(c.id)
            .await
            .unwrap()
            .is_empty()
    );

    // Without alt text, or with a PDF: refused beside the field, alt text kept.
    let refused = upload(
        &app,
        &admin,
        c.id,
        Multipart::new()
            .text("csrf", &admin.csrf)
            .text("alt_en", "A purple ribbon")
            .text("alt_ur", "")
            .file(
                "file",
                "doc.pdf",
                "application/pdf",
                &builders::pdf("", &[]),
            ),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.html();
    assert!(!texts(&html, "#image-alt_ur-error").is_empty());
    assert!(texts(&html, "#image-file-error")[0].contains("JPEG, PNG or WebP"));
    assert_eq!(attrs(&html, "#image-alt_en", "value"), ["A purple ribbon"]);

    let done = upload(
        &app,
        &admin,
        c.id,
        Multipart::new()
            .text("csrf", &admin.csrf)
            .text("alt_en", "A purple ribbon")
            .text("alt_ur", "جامنی ربن")
            .file("file", "IMG_2041.jpg", "image/jpeg", &jpeg),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text());
    let images = app.state.store().campaign_images(c.id).await.unwrap();
    assert_eq!(images.len(), 1);
    let src = images[0].src();
    let page = admin.get(&app, &format!("/admin/campaigns/{}", c.id)).await;
    assert_eq!(
        texts(&page.html(), ".campaign-image .snippet")[0],
        format!("![A purple ribbon]({src})"),
        "the Markdown to paste"
    );

    let served = app.get(&src).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.header("content-type"), Some("image/jpeg"));
    assert_eq!(served.header("x-content-type-options"), Some("nosniff"));
    assert!(served.header("cache-control").unwrap().contains("max-age"));
    assert!(served.header("set-cookie").is_none());
    assert!(
        strip_check(&served.body).is_empty(),
        "no metadata left: {:?}",
        strip_check(&served.body)
    );
    assert_ne!(served.body, jpeg, "re-encoded");
    assert_eq!(
        app.get(&format!("/campaign/images/{}", CampaignImageId::random()))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_campaign_page_and_list_read_in_english_and_urdu() {
    let app = App::new().await;
    let story = case("Blackmailed over old photos");
    app.save(&story).await;
    let day = today(&app);
    let c = stored(
        &app,
        "sixteen-days",
        day,
        day + Duration::days(3),
        vec![story.id],
    )
    .await;
    for (title, date) in [("Older news", day), ("Newer news", day + Duration::days(1))] {
        let post = CampaignPost {
            id: CampaignPostId::random(),
            campaign: c.id,
            title: both(title, ""),
            body: both("Read [the resources](/resources).", ""),
            date,
        };
        app.state
            .store()
            .save_campaign_post(&post, &AuditEvent::now(None, AuditAction::CampaignChange))
            .await
            .unwrap();
    }

    let en = app.get("/campaign/sixteen-days").await;
    assert_eq!(en.status, StatusCode::OK);
    assert!(
        en.header("set-cookie").is_none(),
        "no cookie on a public page"
    );
    let html = en.html();
    assert_eq!(texts(&html, "h1"), ["Sixteen Days"]);
    assert_eq!(texts(&html, ".campaign__prompt p"), ["What helped you?"]);
    assert_eq!(texts(&html, ".campaign__intro h2"), ["Why"]);
    assert_eq!(attrs(&html, ".campaign__intro a", "href"), ["/resources"]);
    assert_eq!(
        texts(&html, ".campaign-post h3"),
        ["Newer news", "Older news"],
        "newest first"
    );
    let anchors = attrs(&html, ".campaign-post", "id");
    assert!(anchors.iter().all(|a| a.starts_with("post-")) && anchors.len() == 2);
    assert_eq!(
        attrs(&html, ".campaign__stories a", "href"),
        [format!("/stories/{}", story.id)]
    );
    assert_eq!(
        texts(&html, ".campaign__stories a"),
        ["Blackmailed over old photos"]
    );

    let ur = app.get("/ur/campaign/sixteen-days").await;
    assert_eq!(ur.status, StatusCode::OK);
    let html = ur.html();
    assert_eq!(attrs(&html, "html", "lang"), ["ur"]);
    assert_eq!(attrs(&html, "html", "dir"), ["rtl"]);
    assert_eq!(texts(&html, "h1"), ["سولہ دن"]);
    assert_eq!(
        texts(&html, ".campaign__prompt p"),
        ["آپ کی کس چیز نے مدد کی؟"]
    );
    assert_eq!(
        attrs(&html, ".campaign__stories a", "href"),
        [format!("/ur/stories/{}", story.id)]
    );
    // A post written in English only is shown in English, marked as such.
    assert_eq!(attrs(&html, ".campaign-post h3", "lang"), ["en", "en"]);

    for (path, title, link) in [
        ("/campaigns", "Sixteen Days", "/campaign/sixteen-days"),
        ("/ur/campaigns", "سولہ دن", "/ur/campaign/sixteen-days"),
    ] {
        let html = app.get(path).await.html();
        assert_eq!(texts(&html, ".campaign-list a"), [title]);
        assert_eq!(attrs(&html, ".campaign-list a", "href"), [link]);
        assert_eq!(count(&html, ".campaign-list__now"), 1);
    }
    assert_eq!(
        app.get("/campaign/none-such").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/campaign/Not_A_Slug").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn unsafe_markdown_is_shown_as_text() {
    let app = App::new().await;
    let day = today(&app);
    let mut c = stored(&app, "safe", day, day, vec![]).await;
    let image = CampaignImage {
        info: CampaignImageInfo {
            id: CampaignImageId::random(),
            campaign: c.id,
            content_type: "image/png".into(),
            width: 1,
            height: 1,
            alt: both("ours", "ہمارا"),
        },
        bytes: vec![1],
    };
    app.state
        .store()
        .insert_campaign_image(&image, &AuditEvent::now(None, AuditAction::CampaignChange))
        .await
        .unwrap();
    c.intro.en = format!(
        "<script>alert(1)</script> <b>bold</b>\n\n[click](javascript:alert(1)) \
         ![tracker](https://evil.example/pixel.png) ![ours]({})",
        image.info.src()
    );
    app.state
        .store()
        .save_campaign(&c, &AuditEvent::now(None, AuditAction::CampaignChange))
        .await
        .unwrap();
    let html = app.get("/campaign/safe").await.html();
    let intro = texts(&html, ".campaign__intro").join(" ");
    assert!(
        intro.contains("<script>alert(1)</script> <b>bold</b>"),
        "{intro}"
    );
    assert_eq!(
        count(&html, ".campaign__intro script, .campaign__intro b"),
        0
    );
    assert!(attrs(&html, ".campaign__intro a", "href").is_empty());
    assert!(intro.contains("click") && intro.contains("tracker"));
    assert_eq!(
        attrs(&html, ".campaign__intro img", "src"),
        [image.info.src()]
    );
    assert_eq!(attrs(&html, ".campaign__intro img", "alt"), ["ours"]);
}

#[tokio::test]
async fn the_home_page_features_a_campaign_only_during_its_days() {
    let app = App::new().await;
    let day = today(&app);
    let stories: Vec<_> = (0..4)
        .map(|i| case(&format!("Featured story {i}")))
        .collect();
    for s in &stories {
        app.save(s).await;
    }
    stored(
        &app,
        "last-year",
        day - Duration::days(20),
        day - Duration::days(1),
        vec![stories[0].id],
    )
    .await;
    stored(
        &app,
        "next-month",
        day + Duration::days(1),
        day + Duration::days(16),
        vec![],
    )
    .await;
    for path in ["/", "/ur/"] {
        let html = app.get(path).await.html();
        assert_eq!(
            count(&html, ".campaign-feature"),
            0,
            "{path}: no campaign today"
        );
    }

    // The home page was cached just now, and the answer "no campaign today" remembered; a
    // campaign saved through the workspace shows at once.
    let admin = signed_in(&app, "home-admin", Role::Admin).await;
    let ids: Vec<String> = stories.iter().map(|s| s.id.to_string()).collect();
    let ids = ids.join("\n");
    let (first, last) = (format_day(day - Duration::days(2)), format_day(day));
    let mut fields = vec![
        ("slug", "today"),
        ("title_en", "Sixteen Days"),
        ("title_ur", "سولہ دن"),
        ("first_day", first.as_str()),
        ("last_day", last.as_str()),
        ("stories", ids.as_str()),
    ];
    let saved = admin.post(&app, "/admin/campaigns", &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let edit = saved
        .header("location")
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let html = app.get("/").await.html();
    assert_eq!(texts(&html, ".campaign-feature__title a"), ["Sixteen Days"]);
    assert_eq!(
        count(&html, ".campaign-feature__prompt"),
        0,
        "no prompt for today yet"
    );

    // A prompt for today, added on the campaign's page.
    let prompt = format!("{last} | Write to a survivor | کسی متاثرہ کو لکھیں");
    fields.push(("prompts", prompt.as_str()));
    let saved = admin.post(&app, &edit, &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);

    let html = app.get("/").await.html();
    assert_eq!(texts(&html, ".campaign-feature__title a"), ["Sixteen Days"]);
    assert_eq!(
        attrs(&html, ".campaign-feature__title a", "href"),
        ["/campaign/today"]
    );
    assert!(texts(&html, ".campaign-feature__prompt")[0].contains("Write to a survivor"));
    assert_eq!(
        count(&html, ".campaign-feature__stories a"),
        3,
        "three stories at most"
    );
    let html = app.get("/ur/").await.html();
    assert_eq!(texts(&html, ".campaign-feature__title a"), ["سولہ دن"]);
    assert_eq!(
        attrs(&html, ".campaign-feature__title a", "href"),
        ["/ur/campaign/today"]
    );
    assert!(texts(&html, ".campaign-feature__prompt")[0].contains("کسی متاثرہ کو لکھیں"));
    assert_eq!(format_day(day).len(), 10);
}

#[tokio::test]
async fn export_static_writes_the_campaign_pages_and_images() {
    let app = App::new().await;
    let day = today(&app);
    let c = stored(&app, "exported", day, day, vec![]).await;
    let image = CampaignImage {
        info: CampaignImageInfo {
            id: CampaignImageId::random(),
            campaign: c.id,
            content_type: "image/png".into(),
            width: 1,
            height: 1,
            alt: both("ours", "ہمارا"),
        },
        bytes: builders::phone_png(&builders::two_colour_picture(4, 4)),
    };
    app.state
        .store()
        .insert_campaign_image(&image, &AuditEvent::now(None, AuditAction::CampaignChange))
        .await
        .unwrap();
    let mut c = c;
    c.intro.en = format!("![ours]({})", image.info.src());
    app.state
        .store()
        .save_campaign(&c, &AuditEvent::now(None, AuditAction::CampaignChange))
        .await
        .unwrap();
    let site = tempfile::tempdir().unwrap();
    app.naqsha(&["export-static", site.path().to_str().unwrap()]);
    let rel: Vec<String> = files_under(site.path())
        .iter()
        .map(|p| p.strip_prefix(site.path()).unwrap().display().to_string())
        .collect();
    for must in [
        "campaigns/index.html".to_owned(),
        "ur/campaigns/index.html".to_owned(),
        "campaign/exported/index.html".to_owned(),
        "ur/campaign/exported/index.html".to_owned(),
        format!("campaign/images/{}", image.info.id),
    ] {
        assert!(rel.contains(&must), "{must} missing from {rel:?}");
    }
    let page = std::fs::read_to_string(site.path().join("campaign/exported/index.html")).unwrap();
    assert!(page.contains("Sixteen Days"));
}
