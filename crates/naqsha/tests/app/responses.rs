//! Responses to stories, as readers and writers see them, in English and Urdu: the form
//! under a story (errors keep every value), nothing public before a moderator approves it,
//! the receipt shown once, changing and deleting with the receipt, a story that is not
//! published, the per-network limit, a flood from many networks, the database failing
//! under the form, and "what helped me" on the strategies page.

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use naqsha::i18n::{Tr, t};
use naqsha::storage::{ResponseDecision, ResponseStore, UserStore, WaitingFilter};
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::case::{Case, CaseStatus};
use naqsha_core::ids::CaseId;
use naqsha_core::lang::Lang;
use naqsha_core::response::{PublishedResponse, ResponseBody};
use naqsha_core::sealing;
use sqlx::Connection;

use crate::support::receipts::receipt_on_page;
use crate::support::write_lock::WriteLock;
use crate::support::{App, OTHER_PEER, PEER, Reply, attrs, case, count, form_token, texts};

/// The path prefix of a language.
fn prefix(lang: Lang) -> &'static str {
    match lang.base() {
        Lang::EN => "",
        _ => "/ur",
    }
}

/// A published story, saved.
async fn published_story(app: &App) -> Case {
    let c = case("Threats after she spoke up");
    app.save(&c).await;
    c
}

/// A form token of the response form, issued as if the page had been open for a while (so
/// a test about another flag cannot pass because of "sent too fast").
fn aged_token(app: &App) -> String {
    let then = Instant::now().checked_sub(Duration::from_secs(30)).unwrap();
    app.state.intake().form_tokens.issue("response", then)
}

/// Posts a response to the story `id` from `peer` with a fresh token.
async fn respond(app: &App, lang: Lang, id: CaseId, fields: &[(&str, &str)], peer: &str) -> Reply {
    let token = aged_token(app);
    let mut all = vec![("form_token", token.as_str())];
    all.extend_from_slice(fields);
    app.post_form(
        &format!("{}/stories/{id}/respond", prefix(lang)),
        &all,
        peer,
    )
    .await
}

/// The messages at the top of the form and beside its fields.
fn messages(reply: &Reply) -> Vec<String> {
    let html = reply.html();
    let mut all = texts(&html, "#responses .field-error");
    all.extend(texts(&html, "#respond-problems li"));
    all
}

/// Sends a response and reads its receipt page (the way she is sent to it).
async fn respond_with_receipt(
    app: &App,
    lang: Lang,
    id: CaseId,
    fields: &[(&str, &str)],
) -> crate::support::ShownReceipt {
    let reply = respond(app, lang, id, fields, PEER).await;
    assert_eq!(
        reply.status,
        StatusCode::SEE_OTHER,
        "{:?}",
        messages(&reply)
    );
    let location = reply.header("location").unwrap().to_owned();
    assert!(
        location.starts_with(&format!("{}/respond/receipt/", prefix(lang))),
        "{location}"
    );
    let page = app.get(&location).await;
    assert_eq!(page.status, StatusCode::OK);
    receipt_on_page(&page.html())
}

/// Approves every waiting response as a moderator would: opens what was sent with the
/// organisation key and publishes it unchanged.
async fn approve_all(app: &App) -> usize {
    let store = app.state.store();
    let key = app.unlock().await;
    let admin = store.user_by_name("admin").await.unwrap().unwrap();
    let waiting = store
        .waiting_responses(WaitingFilter::default(), 1000, 0)
        .await
        .unwrap();
    let decisions: Vec<ResponseDecision> = waiting
        .iter()
        .map(|w| {
            let clear = sealing::open(&key.secret, w.sealed.as_ref().unwrap()).unwrap();
            let body: ResponseBody = serde_json::from_slice(&clear).unwrap();
            ResponseDecision::Approve {
                id: w.id,
                public: Box::new(PublishedResponse::from_body(&body, w.target.clone())),
                image: None,
            }
        })
        .collect();
    let decided = store
        .decide_responses(
            &decisions,
            admin.id,
            &AuditEvent::now(Some(admin.id), AuditAction::ResponseDecision),
        )
        .await
        .unwrap();
    decided.approved
}

/// The responses under a story as the page shows them: (kind, by, text).
async fn shown(app: &App, lang: Lang, id: CaseId) -> Vec<(String, String, String)> {
    let page = app.get(&format!("{}/stories/{id}", prefix(lang))).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.html();
    let kinds = texts(&html, "#responses .response__kind");
    let by = texts(&html, "#responses .response__by");
    let words = texts(&html, "#responses .response__text");
    assert_eq!(kinds.len(), words.len());
    kinds
        .into_iter()
        .zip(by)
        .zip(words)
        .map(|((k, b), w)| (k, b, w))
        .collect()
}

#[tokio::test]
async fn a_story_has_the_response_form_in_both_languages() {
    let app = App::new().await;
    let c = published_story(&app).await;
    for lang in [Lang::EN, Lang::UR] {
        let page = app.get(&format!("{}/stories/{}", prefix(lang), c.id)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.header("set-cookie").is_none(), "no cookie");
        let html = page.html();
        assert_eq!(
            attrs(&html, "form.respond-form", "action"),
            [format!(
                "{}/stories/{}/respond#respond-problems",
                prefix(lang),
                c.id
            )]
        );
        assert_eq!(
            texts(&html, "#respond-moderated"),
            [t(lang, "responses.form.moderated")]
        );
        assert_eq!(
            texts(&html, "#responses .responses__empty"),
            [t(lang, "responses.empty")]
        );
        assert_eq!(count(&html, "input[name=kind][value=support][checked]"), 1);
        assert_eq!(count(&html, "input[name=kind][value=helped]"), 1);
        assert_eq!(count(&html, "textarea[name=text][dir=auto]"), 1);
        assert_eq!(count(&html, ".form-extra input[name=website]"), 1);
        assert!(
            texts(&html, "label[for=respond-pseudonym] + .hint")
                .concat()
                .contains(&t(lang, "responses.form.pseudonym_hint")[..10])
        );
        form_token(&html);
        // Outside a flood no proof of work is asked for.
        assert_eq!(count(&html, "script[src='/assets/js/pow.js']"), 0);
    }
}

#[tokio::test]
async fn a_form_with_errors_comes_back_with_every_value() {
    let app = App::new().await;
    let c = published_story(&app).await;
    // Each try draws from the network's limit, as a report's does: one network per language.
    for (lang, peer) in [(Lang::EN, PEER), (Lang::UR, OTHER_PEER)] {
        let pseudonym = "بہن 24-A";
        let reply = respond(
            &app,
            lang,
            c.id,
            &[
                ("kind", "helped"),
                ("text", "   "),
                ("pseudonym", pseudonym),
            ],
            peer,
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = reply.html();
        assert_eq!(
            texts(&html, "#respond-field-text .field-error"),
            [t(lang, "responses.error.text_required")]
        );
        assert_eq!(attrs(&html, "#respond-pseudonym", "value"), [pseudonym]);
        assert_eq!(count(&html, "input[name=kind][value=helped][checked]"), 1);
        assert_eq!(count(&html, "input[name=kind][value=support][checked]"), 0);

        // Too long: the words are kept as typed, with the message beside the field.
        let long = "ب".repeat(2_001);
        let reply = respond(
            &app,
            lang,
            c.id,
            &[
                ("kind", "support"),
                ("text", &long),
                ("pseudonym", &"x".repeat(61)),
            ],
            peer,
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = reply.html();
        assert_eq!(crate::support::textarea(&html, "text"), long);
        assert_eq!(
            texts(&html, "#respond-field-text .field-error"),
            [t(lang, "responses.error.text_too_long")]
        );
        assert_eq!(
            texts(&html, "#respond-field-pseudonym .field-error"),
            [t(lang, "responses.error.pseudonym_too_long")]
        );
        // A kind a reader may not send here.
        let reply = respond(
            &app,
            lang,
            c.id,
            &[("kind", "creative"), ("text", "x")],
            peer,
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(messages(&reply).contains(&t(lang, "responses.error.kind").to_owned()));
    }
    assert_eq!(
        app.state.store().waiting_response_counts().await.unwrap(),
        (0, 0)
    );
}

#[tokio::test]
async fn nothing_is_public_before_a_moderator_approves_it() {
    let app = App::new().await;
    let c = published_story(&app).await;
    let anonymous = "You are not alone. It was not your fault.";
    let named = "مجھے FIA کی ہیلپ لائن 0800-39393 سے مدد ملی۔";
    respond_with_receipt(
        &app,
        Lang::EN,
        c.id,
        &[("kind", "support"), ("text", anonymous)],
    )
    .await;
    respond_with_receipt(
        &app,
        Lang::UR,
        c.id,
        &[("kind", "helped"), ("text", named), ("pseudonym", "Sara")],
    )
    .await;
    for lang in [Lang::EN, Lang::UR] {
        assert!(
            shown(&app, lang, c.id).await.is_empty(),
            "nothing public yet"
        );
        let page = app.get(&format!("{}/stories/{}", prefix(lang), c.id)).await;
        assert!(!page.text().contains("not alone") && !page.text().contains("FIA"));
    }

    assert_eq!(approve_all(&app).await, 2);
    for lang in [Lang::EN, Lang::UR] {
        let responses = shown(&app, lang, c.id).await;
        // Newest first: both arrived within the hour, approved at once; find each.
        let support = responses
            .iter()
            .find(|r| r.2.contains("not alone"))
            .unwrap();
        assert_eq!(support.0, t(lang, "responses.kind.support"));
        assert_eq!(support.1, t(lang, "responses.someone"), "no name");
        let helped = responses.iter().find(|r| r.2.contains("FIA")).unwrap();
        assert_eq!(helped.0, t(lang, "responses.kind.helped"));
        assert_eq!(helped.1, "Sara");
        let html = app
            .get(&format!("{}/stories/{}", prefix(lang), c.id))
            .await
            .html();
        // Each in its own language and direction; the month it was approved.
        assert_eq!(attrs(&html, "#responses .response__text", "lang").len(), 2);
        assert!(attrs(&html, "#responses .response__text[lang=ur]", "dir") == ["rtl"]);
        assert!(attrs(&html, "#responses .response__text[lang=en]", "dir") == ["ltr"]);
        // A phone number inside Urdu words keeps its order, on either page.
        assert_eq!(
            texts(&html, "#responses .response__text[lang=ur] bdi[dir=ltr]"),
            ["0800-39393"]
        );
        let now = time::OffsetDateTime::now_utc();
        let month = format!("{} {}", Tr(lang).month(u8::from(now.month())), now.year());
        assert!(texts(&html, ".response__month").iter().all(|m| *m == month));
    }
}

#[tokio::test]
async fn markup_in_a_response_is_shown_as_text() {
    let app = App::new().await;
    let c = published_story(&app).await;
    let words = "<script>alert(1)</script> <b>bold</b>";
    respond_with_receipt(
        &app,
        Lang::EN,
        c.id,
        &[("kind", "support"), ("text", words)],
    )
    .await;
    approve_all(&app).await;
    let page = app.get(&format!("/stories/{}", c.id)).await;
    assert!(!page.text().contains("<script>alert"), "escaped");
    assert_eq!(shown(&app, Lang::EN, c.id).await[0].2, words);
}

#[tokio::test]
async fn the_receipt_is_shown_once() {
    let app = App::new().await;
    let c = published_story(&app).await;
    for lang in [Lang::EN, Lang::UR] {
        let reply = respond(
            &app,
            lang,
            c.id,
            &[("kind", "support"), ("text", "Strength to you.")],
            PEER,
        )
        .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        let location = reply.header("location").unwrap().to_owned();
        let first = app.get(&location).await;
        assert_eq!(first.status, StatusCode::OK);
        assert!(first.header("set-cookie").is_none());
        let html = first.html();
        assert_eq!(texts(&html, "h1"), [t(lang, "responses.receipt.title")]);
        assert_eq!(
            texts(&html, ".lead"),
            [t(lang, "responses.receipt.waiting")]
        );
        assert_eq!(
            attrs(&html, "a.button", "href"),
            [format!("{}/responses/manage", prefix(lang))]
        );
        receipt_on_page(&html);
        let again = app.get(&location).await;
        assert_eq!(again.status, StatusCode::NOT_FOUND, "shown once");
    }
}

/// Looks a receipt up on the manage page.
async fn manage(app: &App, lang: Lang, fields: &[(&str, &str)], peer: &str) -> Reply {
    let path = format!("{}/responses/manage", prefix(lang));
    let page = app.get_from(&path, peer).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header("set-cookie").is_none());
    let token = form_token(&page.html());
    let mut all = vec![("form_token", token.as_str())];
    all.extend_from_slice(fields);
    app.post_form(&path, &all, peer).await
}

#[tokio::test]
async fn a_changed_response_is_taken_down_until_approved_again() {
    let app = App::new().await;
    let c = published_story(&app).await;
    for lang in [Lang::EN, Lang::UR] {
        let old = format!("First words ({lang:?}).");
        let new = format!("Better words ({lang:?}).");
        let receipt =
            respond_with_receipt(&app, lang, c.id, &[("kind", "support"), ("text", &old)]).await;
        approve_all(&app).await;
        assert!(shown(&app, lang, c.id).await.iter().any(|r| r.2 == old));

        // Any form of the receipt finds it: here the digits, in Urdu digits on Urdu pages.
        let typed = match lang.base() {
            Lang::EN => receipt.digits.clone(),
            _ => receipt.urdu_digits(),
        };
        let status = manage(&app, lang, &[("action", "view"), ("receipt", &typed)], PEER).await;
        assert_eq!(status.status, StatusCode::OK);
        let html = status.html();
        assert_eq!(
            texts(&html, ".status__label"),
            [t(lang, "responses.manage.status.approved")]
        );
        let link = attrs(&html, "a.status__public", "href");
        assert_eq!(link.len(), 1);
        assert!(link[0].starts_with(&format!("{}/stories/{}#response-", prefix(lang), c.id)));
        let carried = attrs(&html, "form input[name=receipt]", "value");
        assert_eq!(
            carried[0], receipt.words,
            "the receipt is carried in the form only"
        );

        // A change with an error keeps what she typed.
        let bad = manage(
            &app,
            lang,
            &[
                ("action", "edit"),
                ("receipt", &receipt.words),
                ("text", ""),
                ("pseudonym", "Nida"),
            ],
            PEER,
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = bad.html();
        assert_eq!(
            texts(&html, "#manage-field-text .field-error"),
            [t(lang, "responses.error.text_required")]
        );
        assert_eq!(attrs(&html, "#pseudonym", "value"), ["Nida"]);
        assert!(
            shown(&app, lang, c.id).await.iter().any(|r| r.2 == old),
            "unchanged"
        );

        let changed = manage(
            &app,
            lang,
            &[
                ("action", "edit"),
                ("receipt", &receipt.words),
                ("text", &new),
                ("pseudonym", "Nida"),
            ],
            PEER,
        )
        .await;
        assert_eq!(changed.status, StatusCode::OK);
        let html = changed.html();
        assert_eq!(
            texts(&html, ".notice"),
            [t(lang, "responses.manage.edited_was_public")]
        );
        assert_eq!(
            texts(&html, ".status__label"),
            [t(lang, "responses.manage.status.pending")]
        );
        let now_shown = shown(&app, lang, c.id).await;
        assert!(
            !now_shown.iter().any(|r| r.2 == old || r.2 == new),
            "taken down at once"
        );

        approve_all(&app).await;
        let now_shown = shown(&app, lang, c.id).await;
        let mine = now_shown
            .iter()
            .find(|r| r.2 == new)
            .expect("the new words, approved");
        assert_eq!(mine.1, "Nida");
    }
}

#[tokio::test]
async fn a_deleted_response_is_gone_and_its_receipt_finds_nothing() {
    let app = App::new().await;
    let c = published_story(&app).await;
    let receipt = respond_with_receipt(
        &app,
        Lang::UR,
        c.id,
        &[("kind", "helped"), ("text", "بلاک کرنے سے مدد ملی۔")],
    )
    .await;
    approve_all(&app).await;
    assert_eq!(shown(&app, Lang::UR, c.id).await.len(), 1);

    let unconfirmed = manage(
        &app,
        Lang::UR,
        &[("action", "delete"), ("receipt", &receipt.words)],
        PEER,
    )
    .await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&unconfirmed.html(), "#manage-error"),
        [t(Lang::UR, "responses.manage.error.confirm_delete")]
    );
    assert_eq!(shown(&app, Lang::UR, c.id).await.len(), 1);

    let deleted = manage(
        &app,
        Lang::UR,
        &[
            ("action", "delete"),
            ("receipt", &receipt.words),
            ("confirm", "1"),
        ],
        PEER,
    )
    .await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(
        texts(&deleted.html(), ".notice"),
        [t(Lang::UR, "responses.manage.deleted")]
    );
    assert!(shown(&app, Lang::UR, c.id).await.is_empty());

    // Its receipt, a report's receipt and a receipt never given get the same answer.
    let report_receipt = app
        .report_with_receipt(
            "/report",
            crate::support::Multipart::new()
                .text("what_happened", "A report, not a response.")
                .text("consent", "statistics_only"),
        )
        .await;
    let never = naqsha::intake::receipt::Receipt::generate().words();
    for typed in [
        receipt.words.as_str(),
        report_receipt.words.as_str(),
        never.as_str(),
    ] {
        for lang in [Lang::EN, Lang::UR] {
            let reply = manage(
                &app,
                lang,
                &[("action", "view"), ("receipt", typed)],
                OTHER_PEER,
            )
            .await;
            assert_eq!(reply.status, StatusCode::NOT_FOUND);
            assert_eq!(
                texts(&reply.html(), "#manage-error"),
                [t(lang, "responses.manage.error.not_found")]
            );
            assert_eq!(
                crate::support::textarea(&reply.html(), "receipt"),
                typed,
                "kept"
            );
        }
    }
}

#[tokio::test]
async fn receipt_lookups_are_throttled_per_network() {
    let app = App::new().await;
    let never = naqsha::intake::receipt::Receipt::generate().words();
    let mut throttled = None;
    for n in 0..12 {
        let reply = manage(
            &app,
            Lang::EN,
            &[("action", "view"), ("receipt", &never)],
            PEER,
        )
        .await;
        if reply.status == StatusCode::TOO_MANY_REQUESTS {
            throttled = Some((n, reply));
            break;
        }
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
    }
    let (n, reply) = throttled.expect("throttled");
    assert_eq!(n, 10, "the receipt limit's burst");
    assert!(reply.header("retry-after").is_some());
    let other = manage(
        &app,
        Lang::EN,
        &[("action", "view"), ("receipt", &never)],
        OTHER_PEER,
    )
    .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_story_that_is_not_published_takes_no_response() {
    let app = App::new().await;
    let mut hidden = case("In review");
    hidden.status = CaseStatus::InReview;
    hidden.published_at = None;
    app.save(&hidden).await;
    for id in [hidden.id, CaseId::random()] {
        for lang in [Lang::EN, Lang::UR] {
            let reply = respond(
                &app,
                lang,
                id,
                &[("kind", "support"), ("text", "Hello")],
                PEER,
            )
            .await;
            assert_eq!(reply.status, StatusCode::NOT_FOUND);
            assert!(reply.header("location").is_none());
        }
    }
    let bad = app
        .post_form("/stories/not-an-id/respond", &[("text", "x")], PEER)
        .await;
    assert_eq!(bad.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.state.store().waiting_response_counts().await.unwrap(),
        (0, 0),
        "nothing stored"
    );
}

#[tokio::test]
async fn the_sixth_response_in_a_burst_from_one_network_is_throttled() {
    let app = App::new().await;
    let c = published_story(&app).await;
    for n in 1..=5 {
        let reply = respond(
            &app,
            Lang::UR,
            c.id,
            &[("kind", "support"), ("text", &format!("Message {n}"))],
            PEER,
        )
        .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "response {n}");
    }
    let words = "چھٹا پیغام، احتیاط سے لکھا۔";
    let same_network = "203.0.113.200:40000";
    let reply = respond(
        &app,
        Lang::UR,
        c.id,
        &[("kind", "support"), ("text", words)],
        same_network,
    )
    .await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = reply.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=600).contains(&retry_after), "{retry_after}");
    assert_eq!(
        crate::support::textarea(&reply.html(), "text"),
        words,
        "kept"
    );
    let expected = Tr(Lang::UR).wait_minutes(
        "responses.error.throttled",
        Duration::from_secs(retry_after),
    );
    assert!(
        messages(&reply).contains(&expected),
        "{:?}",
        messages(&reply)
    );
    // Reports from that network are not affected: responses have a bucket of their own.
    let report = app
        .submit_report(
            "/report",
            crate::support::Multipart::new()
                .text("what_happened", "A report from the same office.")
                .text("consent", "statistics_only"),
            same_network,
        )
        .await;
    assert_eq!(report.status, StatusCode::SEE_OTHER);
    // Another network is not affected.
    let other = respond(
        &app,
        Lang::EN,
        c.id,
        &[("kind", "support"), ("text", "From elsewhere")],
        OTHER_PEER,
    )
    .await;
    assert_eq!(other.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.state.store().waiting_response_counts().await.unwrap().0,
        6
    );
}

/// The proof of work `assets/js/pow.js` finds (see `intake_web::solve_pow`).
fn solve_pow(challenge: &str) -> String {
    use sha2::{Digest, Sha256};
    let bits: u32 = challenge.split('.').nth(2).unwrap().parse().unwrap();
    (0u64..1 << 32)
        .map(|n| n.to_string())
        .find(|n| {
            let hash = Sha256::new()
                .chain_update(challenge.as_bytes())
                .chain_update(b":")
                .chain_update(n.as_bytes())
                .finalize();
            let mut zero = 0;
            for byte in hash {
                zero += byte.leading_zeros();
                if byte != 0 {
                    break;
                }
            }
            zero >= bits
        })
        .unwrap()
}

#[tokio::test]
async fn a_flood_of_a_thousand_responses_from_many_networks_is_flagged_and_throttled() {
    let app = App::new().await;
    let c = published_story(&app).await;
    let threshold = app.state.intake().limiter.limits().flood.threshold as usize;
    for n in 0..1000u32 {
        // One network (/24) each.
        let peer = format!("10.{}.{}.1:4000", n / 256, n % 256);
        let reply = respond(
            &app,
            Lang::EN,
            c.id,
            &[("kind", "support"), ("text", &format!("Troll message {n}"))],
            &peer,
        )
        .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "response {n}");
    }
    assert!(app.state.intake().flood(), "flood mode is on");
    let (waiting, flagged) = app.state.store().waiting_response_counts().await.unwrap();
    assert_eq!(waiting, 1000);
    assert_eq!(
        flagged as usize,
        1000 - threshold,
        "every response without a proof of work once the flood began"
    );

    // The story's form now asks for a proof of work; one solved is not flagged.
    let page = app.get(&format!("/stories/{}", c.id)).await.html();
    assert_eq!(count(&page, "script[src='/assets/js/pow.js']"), 1);
    let challenge = attrs(
        &page,
        "form.respond-form input[name=pow_challenge]",
        "value",
    );
    assert_eq!(
        attrs(&page, "form.respond-form", "data-pow-challenge"),
        challenge
    );
    let solution = solve_pow(&challenge[0]);
    let reply = respond(
        &app,
        Lang::EN,
        c.id,
        &[
            ("kind", "support"),
            ("text", "A person, with JavaScript on."),
            ("pow_challenge", &challenge[0]),
            ("pow_solution", &solution),
        ],
        "192.0.2.1:4000",
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let (waiting, flagged_after) = app.state.store().waiting_response_counts().await.unwrap();
    assert_eq!((waiting, flagged_after), (1001, flagged));

    // A network that comes back is throttled like a report's.
    let repeat = "10.0.7.99:4000";
    let mut statuses = Vec::new();
    for n in 0..6 {
        let reply = respond(
            &app,
            Lang::EN,
            c.id,
            &[("kind", "support"), ("text", &format!("Again {n}"))],
            repeat,
        )
        .await;
        statuses.push(reply.status);
    }
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::SEE_OTHER)
            .count(),
        4,
        "its burst of 5, less the one it sent: {statuses:?}"
    );
    assert_eq!(statuses[4], StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(statuses[5], StatusCode::TOO_MANY_REQUESTS);
    // Nothing of the flood is public.
    assert!(shown(&app, Lang::EN, c.id).await.is_empty());
}

#[tokio::test]
async fn when_responses_cannot_be_read_the_story_is_still_shown() {
    let app = App::new().await;
    let c = published_story(&app).await;
    {
        let path = app.state.config().sqlite_path().unwrap();
        let mut conn = sqlx::SqliteConnection::connect(&naqsha::storage::sqlite_url(&path))
            .await
            .unwrap();
        sqlx::query("ALTER TABLE published_responses RENAME TO published_responses_away")
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
    }
    for lang in [Lang::EN, Lang::UR] {
        let page = app.get(&format!("{}/stories/{}", prefix(lang), c.id)).await;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.html();
        assert_eq!(
            texts(&html, ".responses__unavailable"),
            [t(lang, "responses.unavailable")]
        );
        assert_eq!(
            count(&html, "form.respond-form"),
            1,
            "the form is still there"
        );
        assert!(!texts(&html, ".story__text").is_empty());
    }
}

#[tokio::test]
async fn a_locked_database_keeps_her_words_and_costs_her_nothing() {
    let app = App::new().await;
    let c = published_story(&app).await;
    // Four of the network's five responses are used first.
    for n in 0..4 {
        let reply = respond(
            &app,
            Lang::EN,
            c.id,
            &[("kind", "support"), ("text", &format!("n{n}"))],
            PEER,
        )
        .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
    }
    let words = "What helped me: a helpline call. ہیلپ لائن";
    let token = aged_token(&app);
    let fields = [
        ("form_token", token.as_str()),
        ("kind", "helped"),
        ("text", words),
        ("pseudonym", "Amna"),
    ];
    let lock = WriteLock::take(&app).await;
    for _ in 0..2 {
        let reply = app
            .post_form(&format!("/ur/stories/{}/respond", c.id), &fields, PEER)
            .await;
        assert_eq!(
            reply.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "{:?}",
            messages(&reply)
        );
        assert!(reply.header("retry-after").is_some());
        let html = reply.html();
        assert_eq!(crate::support::textarea(&html, "text"), words);
        assert_eq!(attrs(&html, "#respond-pseudonym", "value"), ["Amna"]);
        assert_eq!(count(&html, "input[name=kind][value=helped][checked]"), 1);
        assert!(messages(&reply).contains(&t(Lang::UR, "responses.error.unavailable").to_owned()));
    }
    lock.release().await;
    // The failed tries cost nothing: the same form goes through, within the burst.
    let reply = app
        .post_form(&format!("/ur/stories/{}/respond", c.id), &fields, PEER)
        .await;
    assert_eq!(
        reply.status,
        StatusCode::SEE_OTHER,
        "{:?}",
        messages(&reply)
    );
    assert_eq!(
        app.state.store().waiting_response_counts().await.unwrap().0,
        5
    );
}

#[tokio::test]
async fn strategies_show_approved_what_helped_me_responses_only() {
    let app = App::new().await;
    let c = published_story(&app).await;
    let gone = published_story(&app).await;
    respond_with_receipt(
        &app,
        Lang::EN,
        c.id,
        &[
            ("kind", "helped"),
            ("text", "Blocking and reporting the account helped."),
        ],
    )
    .await;
    respond_with_receipt(
        &app,
        Lang::EN,
        c.id,
        &[("kind", "support"), ("text", "Sending you strength.")],
    )
    .await;
    respond_with_receipt(
        &app,
        Lang::EN,
        gone.id,
        &[
            ("kind", "helped"),
            ("text", "Under a story later withdrawn."),
        ],
    )
    .await;
    respond_with_receipt(
        &app,
        Lang::EN,
        c.id,
        &[
            ("kind", "helped"),
            ("text", "Still waiting for a moderator."),
        ],
    )
    .await;
    // All but the last are approved.
    {
        let store = app.state.store();
        let key = app.unlock().await;
        let admin = store.user_by_name("admin").await.unwrap().unwrap();
        let waiting = store
            .waiting_responses(WaitingFilter::default(), 10, 0)
            .await
            .unwrap();
        let decisions: Vec<ResponseDecision> = waiting
            .iter()
            .filter_map(|w| {
                let clear = sealing::open(&key.secret, w.sealed.as_ref().unwrap()).unwrap();
                let body: ResponseBody = serde_json::from_slice(&clear).unwrap();
                (!body.text.as_ref().unwrap().as_str().starts_with("Still")).then(|| {
                    ResponseDecision::Approve {
                        id: w.id,
                        public: Box::new(PublishedResponse::from_body(&body, w.target.clone())),
                        image: None,
                    }
                })
            })
            .collect();
        store
            .decide_responses(
                &decisions,
                admin.id,
                &AuditEvent::now(Some(admin.id), AuditAction::ResponseDecision),
            )
            .await
            .unwrap();
    }
    let mut withdrawn = gone.clone();
    withdrawn.status = CaseStatus::Archived;
    withdrawn.published_at = None;
    app.save(&withdrawn).await;

    for lang in [Lang::EN, Lang::UR] {
        let page = app.get(&format!("{}/strategies", prefix(lang))).await;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.html();
        assert_eq!(
            texts(&html, "#helped-heading"),
            [t(lang, "responses.strategies.heading")]
        );
        assert_eq!(
            texts(&html, ".strategies__helped .response__text"),
            ["Blocking and reporting the account helped."]
        );
        let link = attrs(&html, ".strategies__helped .response__where a", "href");
        assert_eq!(link.len(), 1);
        assert!(link[0].starts_with(&format!("{}/stories/{}#response-", prefix(lang), c.id)));
    }
}

#[tokio::test]
async fn more_than_fifty_responses_have_a_page_of_their_own() {
    let app = App::new().await;
    let c = published_story(&app).await;
    // Sent from 53 networks, then approved.
    for n in 0..53 {
        respond(
            &app,
            Lang::EN,
            c.id,
            &[
                ("kind", "support"),
                ("text", &format!("Message number {n}")),
            ],
            &format!("10.9.{n}.1:1"),
        )
        .await;
    }
    assert_eq!(approve_all(&app).await, 53);
    for lang in [Lang::EN, Lang::UR] {
        assert_eq!(shown(&app, lang, c.id).await.len(), 50);
        let page = app
            .get(&format!("{}/stories/{}", prefix(lang), c.id))
            .await
            .html();
        let more = attrs(&page, ".responses__more a", "href");
        assert_eq!(
            more,
            [format!("{}/stories/{}/responses", prefix(lang), c.id)]
        );
        let list = app.get(&more[0]).await;
        assert_eq!(list.status, StatusCode::OK);
        let html = list.html();
        assert_eq!(count(&html, ".responses__list .response"), 50);
        let older = attrs(&html, "a[rel=next]", "href");
        assert_eq!(
            older,
            [format!(
                "{}/stories/{}/responses?page=2",
                prefix(lang),
                c.id
            )]
        );
        let second = app.get(&older[0]).await.html();
        assert_eq!(count(&second, ".responses__list .response"), 3);
    }
    let none = app
        .get(&format!("/stories/{}/responses?page=3", c.id))
        .await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_filled_honeypot_or_a_form_sent_at_once_is_taken_but_flagged() {
    let app = App::new().await;
    let c = published_story(&app).await;
    let honeypot = respond(
        &app,
        Lang::EN,
        c.id,
        &[
            ("kind", "support"),
            ("text", "Bot or autofill."),
            ("website", "http://spam.example"),
        ],
        PEER,
    )
    .await;
    assert_eq!(
        honeypot.status,
        StatusCode::SEE_OTHER,
        "accepted, not dropped"
    );
    assert_eq!(
        app.state.store().waiting_response_counts().await.unwrap(),
        (1, 1)
    );
    // The page's own token, sent back at once: faster than a person types.
    let page = app.get(&format!("/stories/{}", c.id)).await.html();
    let token = form_token(&page);
    let fast = app
        .post_form(
            &format!("/stories/{}/respond", c.id),
            &[
                ("form_token", &token),
                ("kind", "support"),
                ("text", "Too fast."),
            ],
            OTHER_PEER,
        )
        .await;
    assert_eq!(fast.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.state.store().waiting_response_counts().await.unwrap(),
        (2, 2)
    );
    // The same form again stores nothing more.
    let twice = app
        .post_form(
            &format!("/stories/{}/respond", c.id),
            &[
                ("form_token", &token),
                ("kind", "support"),
                ("text", "Too fast."),
            ],
            OTHER_PEER,
        )
        .await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(messages(&twice).contains(&t(Lang::EN, "responses.error.already_sent").to_owned()));
    assert_eq!(
        app.state.store().waiting_response_counts().await.unwrap().0,
        2
    );
}

/// A campaign stored directly, running from a week ago to a week from now.
async fn a_campaign(app: &App, slug: &str) {
    use naqsha::storage::CampaignStore;
    use naqsha_core::campaign::{Bilingual, Campaign, CampaignId, CampaignPeriod, CampaignSlug};
    let both = |en: &str, ur: &str| Bilingual {
        en: en.into(),
        ur: ur.into(),
    };
    let today = time::OffsetDateTime::now_utc().date();
    let c = Campaign {
        id: CampaignId::random(),
        slug: CampaignSlug::parse(slug).unwrap(),
        title: both("Sixteen Days", "سولہ دن"),
        intro: both("Answer with solidarity.", "یکجہتی سے جواب دیں۔"),
        period: CampaignPeriod::new(
            today - time::Duration::days(7),
            today + time::Duration::days(7),
        )
        .unwrap(),
        stories: Vec::new(),
        prompts: std::collections::BTreeMap::new(),
    };
    app.state
        .store()
        .save_campaign(&c, &AuditEvent::now(None, AuditAction::CampaignChange))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_campaign_page_takes_responses_like_a_story() {
    let app = App::new().await;
    a_campaign(&app, "sixteen-days").await;
    for lang in [Lang::EN, Lang::UR] {
        let page = app
            .get(&format!("{}/campaign/sixteen-days", prefix(lang)))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(
            attrs(&page.html(), "form.respond-form", "action"),
            [format!(
                "{}/campaign/sixteen-days/respond#respond-problems",
                prefix(lang)
            )]
        );
    }
    let campaign_path = |lang: Lang| format!("{}/campaign/sixteen-days/respond", prefix(lang));
    let post = |lang: Lang, fields: Vec<(&'static str, String)>, peer: &'static str| {
        let app = &app;
        async move {
            let token = aged_token(app);
            let mut all: Vec<(&str, &str)> = vec![("form_token", token.as_str())];
            all.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
            app.post_form(&campaign_path(lang), &all, peer).await
        }
    };
    // A form to correct comes back on the campaign's page with what she typed.
    let bad = post(
        Lang::UR,
        vec![
            ("kind", "helped".into()),
            ("text", "".into()),
            ("pseudonym", "Amna".into()),
        ],
        PEER,
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.html();
    assert_eq!(texts(&html, "h1"), ["سولہ دن"]);
    assert_eq!(attrs(&html, "#respond-pseudonym", "value"), ["Amna"]);
    assert_eq!(
        texts(&html, "#respond-field-text .field-error"),
        [t(Lang::UR, "responses.error.text_required")]
    );
    // No such campaign: not found, nothing stored.
    let none = app
        .post_form(
            "/campaign/no-such-campaign/respond",
            &[
                ("form_token", &aged_token(&app)),
                ("kind", "support"),
                ("text", "Hi"),
            ],
            PEER,
        )
        .await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.state.store().waiting_response_counts().await.unwrap().0,
        0
    );

    let sent = post(
        Lang::UR,
        vec![
            ("kind", "helped".into()),
            ("text", "ہیلپ لائن پر بات کرنے سے مدد ملی۔".into()),
        ],
        PEER,
    )
    .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let shown_on = |lang: Lang| {
        let app = &app;
        async move {
            texts(
                &app.get(&format!("{}/campaign/sixteen-days", prefix(lang)))
                    .await
                    .html(),
                "#responses .response__text",
            )
        }
    };
    assert!(
        shown_on(Lang::EN).await.is_empty(),
        "nothing before approval"
    );
    approve_all(&app).await;
    for lang in [Lang::EN, Lang::UR] {
        assert_eq!(shown_on(lang).await, ["ہیلپ لائن پر بات کرنے سے مدد ملی۔"]);
        // "What helped me" on a campaign is on the strategies page too, linked to it.
        let html = app
            .get(&format!("{}/strategies", prefix(lang)))
            .await
            .html();
        let link = attrs(&html, ".strategies__helped .response__where a", "href");
        assert_eq!(link.len(), 1);
        assert!(
            link[0].starts_with(&format!("{}/campaign/sixteen-days#response-", prefix(lang))),
            "{link:?}"
        );
    }
}
