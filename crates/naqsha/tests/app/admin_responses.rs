//! The moderation queue of responses from the public (`/admin/responses`), in process: it
//! lists only waiting responses, opened with the session's key (without it the moderator is
//! sent to unlock), in English and Urdu; near-duplicates are one group decided at once;
//! bulk approval leaves responses with personal data waiting, to be approved alone after an
//! edit that is what gets published; two moderators racing see "already decided"; audit
//! entries hold counts, never words; a flood of 1,000 is cleared in a handful of requests.

use std::time::Instant;

use axum::http::StatusCode;
use naqsha::intake::response::{IncomingResponse, accept_response};
use naqsha::storage::{
    AuditFilter, AuditStore, PublicResponseFilter, ResponseStore, WaitingFilter,
};
use naqsha_core::audit::AuditAction;
use naqsha_core::ids::ResponseId;
use naqsha_core::lang::Lang;
use naqsha_core::response::{
    Licence, PublicLink, ResponseBody, ResponseKind, ResponseStatus, ResponseTarget,
};
use naqsha_core::text::{CreativeTitle, Pseudonym, ResponseText};
use naqsha_core::user::Role;

use crate::support::staff::{Browser, signed_in};
use crate::support::{App, Reply, attrs, case, count, texts};

/// A 1×1 PNG, as the intake would have cleaned it.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// A troll template; copies differ by a word or a number.
const TROLL: &str = "this story is a lie made up to shame our brothers and everyone who shares \
     it will answer for spreading these lies about decent families";

fn body(kind: ResponseKind, lang: Lang, text: &str) -> ResponseBody {
    ResponseBody {
        kind,
        lang,
        text: Some(ResponseText::parse(text).unwrap()),
        pseudonym: None,
        title: None,
        link: None,
        licence: None,
    }
}

/// Stores a response through the intake, as the public form does.
async fn send(
    app: &App,
    target: &ResponseTarget,
    body: ResponseBody,
    image: Option<Vec<u8>>,
    flagged: bool,
) -> ResponseId {
    accept_response(
        &app.state,
        IncomingResponse {
            target: target.clone(),
            body,
            image,
            flagged,
        },
        None,
        false,
        Instant::now(),
    )
    .await
    .unwrap()
    .id
}

fn ids_on(reply: &Reply) -> Vec<String> {
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    attrs(&reply.html(), "article.response", "data-id")
}

/// Follows a decision's redirect back to the queue and returns the page.
async fn after(browser: &Browser, app: &App, reply: Reply) -> Reply {
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    let to = reply.header("location").unwrap().to_owned();
    assert!(to.starts_with("/admin/responses"), "{to}");
    browser.get(app, &to).await
}

fn notice(reply: &Reply) -> String {
    texts(&reply.html(), "#queue-notice").join(" ")
}

async fn status_of(app: &App, id: ResponseId) -> ResponseStatus {
    app.state
        .store()
        .response(id)
        .await
        .unwrap()
        .unwrap()
        .status
}

async fn published_texts(app: &App) -> Vec<String> {
    app.state
        .store()
        .published_responses(&PublicResponseFilter::default(), 1000, 0)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|p| p.response.text.map(|t| t.as_str().to_owned()))
        .collect()
}

#[tokio::test]
async fn the_queue_lists_only_waiting_responses_opened_with_the_key_in_english_and_urdu() {
    let app = App::new().await;
    let story = case("Blackmailed with edited photos");
    app.save(&story).await;
    let on_story = ResponseTarget::Story(story.id);
    let on_campaign = ResponseTarget::Campaign("16-days".into());
    let support = send(
        &app,
        &on_story,
        body(
            ResponseKind::Support,
            Lang::UR,
            "آپ اکیلی نہیں ہیں، ہم آپ کے ساتھ ہیں",
        ),
        None,
        false,
    )
    .await;
    let mut poem = body(
        ResponseKind::Creative,
        Lang::EN,
        "a poem about the morning after",
    );
    poem.title = Some(CreativeTitle::parse("Dawn").unwrap());
    poem.licence = Some(Licence::CcByNc);
    poem.link = Some(PublicLink::parse("https://video.example.org/watch?v=dawn").unwrap());
    let creative = send(&app, &on_campaign, poem, Some(PNG.to_vec()), true).await;
    let decided = send(
        &app,
        &on_story,
        body(
            ResponseKind::Helped,
            Lang::EN,
            "blocking him and telling my sister helped",
        ),
        None,
        false,
    )
    .await;

    let mona = signed_in(&app, "mona", Role::Moderator).await;
    mona.post(
        &app,
        "/admin/responses/bulk",
        &[("action", "reject"), ("id", &decided.to_string())],
    )
    .await;

    let page = mona.get(&app, "/admin/responses").await;
    let mut shown = ids_on(&page);
    shown.sort();
    let mut waiting = vec![support.to_string(), creative.to_string()];
    waiting.sort();
    assert_eq!(shown, waiting, "only waiting responses are listed");
    let html = page.html();
    assert_eq!(
        texts(&html, "#queue-count"),
        ["2 responses waiting (1 flagged)."]
    );
    // The menu links the queue with its count.
    assert_eq!(
        texts(&html, ".site-nav a[href='/admin/responses']"),
        ["Responses (2 waiting)"]
    );
    // The Urdu message is shown in its language and direction, under the story it answers.
    let urdu = format!("article[data-id='{support}']");
    assert_eq!(
        attrs(&html, &format!("{urdu} .response-text"), "lang"),
        ["ur"]
    );
    assert_eq!(
        attrs(&html, &format!("{urdu} .response-text"), "dir"),
        ["rtl"]
    );
    assert!(texts(&html, &format!("{urdu} .response-text"))[0].contains("آپ اکیلی نہیں ہیں"));
    assert_eq!(
        attrs(&html, &format!("{urdu} .response-meta a"), "href"),
        [format!("/stories/{}", story.id)]
    );
    assert_eq!(
        texts(&html, &format!("{urdu} .response-meta a")),
        ["Blackmailed with edited photos"]
    );
    // The creative one: campaign, flag, title, licence, the link as text only, the image
    // through the admin route.
    let art = format!("article[data-id='{creative}']");
    assert!(texts(&html, &format!("{art} .response-meta"))[0].contains("16-days"));
    assert_eq!(count(&html, &format!("{art} .inbox-flag")), 1);
    assert!(texts(&html, &format!("{art} .response-parts"))[0].contains("CC BY-NC 4.0"));
    assert_eq!(
        texts(&html, &format!("{art} .response-link")),
        ["https://video.example.org/watch?v=dawn"]
    );
    assert_eq!(
        count(&html, "a[href^='https://video.example.org']"),
        0,
        "a link is never a link in the queue"
    );
    let src = attrs(&html, &format!("{art} img.response-image"), "src");
    assert_eq!(src, [format!("/admin/responses/{creative}/image")]);
    let image = mona.get(&app, &src[0]).await;
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(image.header("content-type"), Some("image/png"));
    assert_eq!(image.header("cache-control"), Some("no-store"));
    assert_eq!(image.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(image.body, PNG);
    assert_eq!(
        mona.get(&app, &format!("/admin/responses/{support}/image"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Filters keep to what they say.
    let flagged = mona.get(&app, "/admin/responses?flagged=1").await;
    assert_eq!(ids_on(&flagged), [creative.to_string()]);
    let support_only = mona.get(&app, "/admin/responses?kind=support").await;
    assert_eq!(ids_on(&support_only), [support.to_string()]);
    assert_eq!(
        mona.get(&app, "/admin/responses?kind=poll").await.status,
        StatusCode::BAD_REQUEST
    );

    // In Urdu: the workspace right to left, the English response still left to right.
    let reply = mona
        .post(
            &app,
            "/admin/lang",
            &[("lang", "ur"), ("back", "/admin/responses")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let ur = mona.get(&app, "/admin/responses").await;
    let html = ur.html();
    assert_eq!(attrs(&html, "html", "dir"), ["rtl"]);
    assert_eq!(texts(&html, "h1"), ["منتظر جوابات"]);
    assert_eq!(
        attrs(&html, &format!("{art} .response-text"), "dir"),
        ["ltr"]
    );
    assert!(texts(&html, &format!("{art} .response-kind"))[0].contains("تخلیقی جواب"));

    // Without the key on this node (restarted, or unlocked elsewhere): sent to unlock.
    app.state.staff().vault.remove(&mona.vault_id);
    let locked = mona.get(&app, "/admin/responses").await;
    assert_eq!(locked.status, StatusCode::SEE_OTHER);
    assert!(
        locked
            .header("location")
            .unwrap()
            .starts_with("/admin/unlock"),
        "{:?}",
        locked.header("location")
    );
    let locked = mona
        .get(&app, &format!("/admin/responses/{creative}/image"))
        .await;
    assert_eq!(locked.status, StatusCode::SEE_OTHER);

    // Nothing reached a public page.
    assert!(published_texts(&app).await.is_empty());
}

#[tokio::test]
async fn near_duplicates_are_one_group_rejected_at_once_and_their_content_deleted() {
    let app = App::new().await;
    let story = case("A fake profile");
    app.save(&story).await;
    let target = ResponseTarget::Story(story.id);
    let mut trolls = Vec::new();
    for i in 0..12 {
        let text = format!("{TROLL} {i}");
        trolls.push(
            send(
                &app,
                &target,
                body(ResponseKind::Support, Lang::EN, &text),
                None,
                false,
            )
            .await,
        );
    }
    let kind_words = send(
        &app,
        &target,
        body(
            ResponseKind::Support,
            Lang::EN,
            "you were brave to speak and you are not alone in this",
        ),
        None,
        false,
    )
    .await;
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let page = mona.get(&app, "/admin/responses").await;
    let html = page.html();
    assert_eq!(count(&html, ".response-entry"), 2, "{}", page.text());
    assert_eq!(
        texts(&html, ".response-group__summary"),
        ["12 near-identical responses"]
    );
    // The group's members are folded, every one of them in its forms.
    assert_eq!(count(&html, "details.response-group__members article"), 11);
    let group_ids = attrs(&html, ".response-group__actions input[name='id']", "value");
    assert_eq!(group_ids.len(), 12);

    let mut form: Vec<(&str, &str)> = vec![("action", "reject")];
    form.extend(group_ids.iter().map(|id| ("id", id.as_str())));
    let reply = mona.post(&app, "/admin/responses/bulk", &form).await;
    let page = after(&mona, &app, reply).await;
    assert_eq!(notice(&page), "12 rejected");
    assert_eq!(ids_on(&page), [kind_words.to_string()]);
    for id in &trolls {
        let stored = app.state.store().response(*id).await.unwrap().unwrap();
        assert_eq!(stored.status, ResponseStatus::Rejected);
        assert!(stored.sealed.is_none(), "a rejection deletes the content");
    }
    // A rejected one alone says only what became of it.
    let gone = mona
        .get(&app, &format!("/admin/responses/{}", trolls[0]))
        .await;
    assert_eq!(gone.status, StatusCode::OK);
    assert_eq!(
        texts(&gone.html(), "#response-status"),
        ["Already rejected"]
    );
    assert!(!gone.text().contains("this story is a lie"));
}

#[tokio::test]
async fn bulk_approval_leaves_personal_data_waiting_and_the_edited_text_is_published() {
    let app = App::new().await;
    let story = case("Threats after a video");
    app.save(&story).await;
    let target = ResponseTarget::Story(story.id);
    let clean_a = send(
        &app,
        &target,
        body(
            ResponseKind::Support,
            Lang::EN,
            "we stand with you, stay strong",
        ),
        None,
        false,
    )
    .await;
    let clean_b = send(
        &app,
        &target,
        body(
            ResponseKind::Helped,
            Lang::EN,
            "reporting the account to the platform got it removed in a week",
        ),
        None,
        false,
    )
    .await;
    let mut personal = body(
        ResponseKind::Helped,
        Lang::EN,
        "call the helpline, or call me on 0300-1234567 and I will help you",
    );
    personal.pseudonym = Some(Pseudonym::parse("Sana from Lahore").unwrap());
    let personal = send(&app, &target, personal, None, false).await;

    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let page = mona.get(&app, "/admin/responses").await;
    let html = page.html();
    let marked = format!("article[data-id='{personal}']");
    assert_eq!(
        texts(&html, &format!("{marked} .response-check")),
        ["Check before approving"]
    );
    assert!(
        texts(&html, &format!("{marked} mark.sugg"))
            .iter()
            .any(|m| m.contains("0300-1234567")),
        "the number is highlighted"
    );
    assert_eq!(count(&html, "article.response--check"), 1);

    let reply = mona
        .post(
            &app,
            "/admin/responses/bulk",
            &[
                ("action", "approve"),
                ("id", &clean_a.to_string()),
                ("id", &clean_b.to_string()),
                ("id", &personal.to_string()),
            ],
        )
        .await;
    let page = after(&mona, &app, reply).await;
    assert_eq!(
        notice(&page),
        "2 approved, 1 left waiting: check it before approving"
    );
    assert_eq!(ids_on(&page), [personal.to_string()]);
    assert_eq!(status_of(&app, personal).await, ResponseStatus::Pending);
    let published = published_texts(&app).await;
    assert_eq!(published.len(), 2);
    assert!(!published.iter().any(|t| t.contains("0300")));

    // Alone: the suggestions listed, the text and pseudonym in the edit form.
    let one = mona
        .get(&app, &format!("/admin/responses/{personal}"))
        .await;
    assert_eq!(one.status, StatusCode::OK);
    let html = one.html();
    assert!(
        texts(&html, ".response-suggestions li")
            .iter()
            .any(|s| s.contains("0300-1234567"))
    );
    assert_eq!(
        crate::support::textarea(&html, "text"),
        "call the helpline, or call me on 0300-1234567 and I will help you"
    );
    assert_eq!(attrs(&html, "#pseudonym", "value"), ["Sana from Lahore"]);

    // A bad edit is refused beside its field, with what she typed kept.
    let long_name = "S".repeat(61);
    let bad = mona
        .post(
            &app,
            &format!("/admin/responses/{personal}"),
            &[
                ("action", "approve"),
                ("text", "call the helpline, they listen"),
                ("pseudonym", &long_name),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.html();
    assert_eq!(
        texts(&html, "#pseudonym-error"),
        ["The pseudonym is too long (at most 60 characters)."]
    );
    assert_eq!(
        crate::support::textarea(&html, "text"),
        "call the helpline, they listen"
    );
    assert_eq!(attrs(&html, "#pseudonym", "value"), [long_name]);
    assert_eq!(status_of(&app, personal).await, ResponseStatus::Pending);

    // Approved alone with the number removed and the city dropped from the credit.
    let reply = mona
        .post(
            &app,
            &format!("/admin/responses/{personal}"),
            &[
                ("action", "approve"),
                ("text", "call the helpline, they listen"),
                ("pseudonym", "Sana"),
            ],
        )
        .await;
    let page = after(&mona, &app, reply).await;
    assert_eq!(notice(&page), "1 approved");
    let public = app
        .state
        .store()
        .published_responses(&PublicResponseFilter::default(), 10, 0)
        .await
        .unwrap();
    let edited = public.iter().find(|p| p.id == personal).unwrap();
    assert_eq!(
        edited.response.text.as_ref().unwrap().as_str(),
        "call the helpline, they listen"
    );
    assert_eq!(edited.response.pseudonym.as_ref().unwrap().as_str(), "Sana");
    assert!(
        !published_texts(&app)
            .await
            .iter()
            .any(|t| t.contains("0300")),
        "what she wrote before the edit is not public"
    );
}

#[tokio::test]
async fn two_moderators_racing_see_what_the_other_decided_and_the_audit_holds_no_words() {
    let app = App::new().await;
    let story = case("Hacked account");
    app.save(&story).await;
    let target = ResponseTarget::Story(story.id);
    let mut ids = Vec::new();
    for text in [
        "WORDMARK stay strong, sister",
        "WORDMARK we believe you and we are with you",
        "WORDMARK changing every password and turning on two step login helped me",
    ] {
        ids.push(
            send(
                &app,
                &target,
                body(ResponseKind::Support, Lang::EN, text),
                None,
                false,
            )
            .await,
        );
    }
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let cora = signed_in(&app, "cora", Role::Coordinator).await;
    // Both opened the same page; Mona rejects two first.
    let reply = mona
        .post(
            &app,
            "/admin/responses/bulk",
            &[
                ("action", "reject"),
                ("id", &ids[0].to_string()),
                ("id", &ids[1].to_string()),
            ],
        )
        .await;
    assert_eq!(notice(&after(&mona, &app, reply).await), "2 rejected");
    let mut all: Vec<(&str, String)> = vec![("action", "approve".into())];
    all.extend(ids.iter().map(|id| ("id", id.to_string())));
    let form: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let reply = cora.post(&app, "/admin/responses/bulk", &form).await;
    let page = after(&cora, &app, reply).await;
    assert_eq!(
        notice(&page),
        "1 approved, 2 already decided by someone else"
    );
    assert_eq!(status_of(&app, ids[0]).await, ResponseStatus::Rejected);
    assert_eq!(status_of(&app, ids[2]).await, ResponseStatus::Approved);
    // Nothing chosen: the page again with the message.
    let none = cora
        .post(&app, "/admin/responses/bulk", &[("action", "reject")])
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(notice(&none), "Choose at least one response.");

    let events = app
        .state
        .store()
        .audit_events(&AuditFilter::default(), 100, 0)
        .await
        .unwrap();
    let decisions: Vec<_> = events
        .iter()
        .filter(|e| e.action == AuditAction::ResponseDecision)
        .collect();
    assert_eq!(decisions.len(), 2, "one entry per decision");
    for e in &events {
        let detail = e.detail.clone().unwrap_or_default();
        for word in ["WORDMARK", "sister", "password"] {
            assert!(!detail.contains(word), "audit detail shows words: {detail}");
        }
    }
}

#[tokio::test]
async fn a_flood_of_a_thousand_responses_is_cleared_in_a_handful_of_requests() {
    let app = App::new().await;
    let story = case("Deepfake video");
    app.save(&story).await;
    let target = ResponseTarget::Story(story.id);
    const WORDS: &[&str] = &[
        "courage", "family", "phone", "report", "blocked", "sister", "helpline", "friends",
        "school", "village", "evening", "letter", "garden", "river", "market", "teacher", "doctor",
        "lawyer", "office", "window", "morning", "quiet", "strong", "patient", "listen", "believe",
        "support", "change", "password", "account", "privacy", "screen",
    ];
    // 600 copies of a troll template (flagged: no proof of work during the flood), 100
    // other flagged messages, and 300 genuine messages (a few alike enough to be grouped).
    for i in 0..600 {
        let text = format!("{TROLL} {i}");
        send(
            &app,
            &target,
            body(ResponseKind::Support, Lang::EN, &text),
            None,
            true,
        )
        .await;
    }
    for i in 0..100 {
        let text = format!("{} {} spam {i}", WORDS[i % 32], WORDS[(i * 7) % 32]);
        send(
            &app,
            &target,
            body(ResponseKind::Support, Lang::EN, &text),
            None,
            true,
        )
        .await;
    }
    for i in 0..300 {
        let words: Vec<&str> = (0..9)
            .map(|k| WORDS[(i * 5 + k * k * 3 + i / 7) % 32])
            .collect();
        let text = format!("{} {i}", words.join(" "));
        send(
            &app,
            &target,
            body(ResponseKind::Helped, Lang::EN, &text),
            None,
            false,
        )
        .await;
    }
    let store = app.state.store();
    assert_eq!(store.waiting_response_counts().await.unwrap(), (1000, 700));

    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let mut requests = 0;
    // The page renders with 1,000 waiting: the template is one group of 600.
    let page = mona.get(&app, "/admin/responses").await;
    requests += 1;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.html();
    assert_eq!(
        texts(&html, "#queue-count"),
        ["1000 responses waiting (700 flagged)."]
    );
    assert!(
        texts(&html, ".response-group__summary")
            .iter()
            .any(|s| s.starts_with("600 near-identical responses")),
        "{:?}",
        texts(&html, ".response-group__summary")
    );
    assert!(count(&html, ".response-entry") <= 100);

    // Every flagged one, across pages, in one request.
    let reply = mona
        .post(&app, "/admin/responses/reject-flagged", &[])
        .await;
    requests += 1;
    let mut page = after(&mona, &app, reply).await;
    requests += 1;
    assert_eq!(notice(&page), "700 rejected");
    // Then the genuine ones, a page at a time; any the engine marks are rejected here
    // (a moderator would open them alone).
    while store.waiting_response_counts().await.unwrap().0 > 0 {
        let ids = ids_on(&page);
        let mut form: Vec<(&str, &str)> = vec![("action", "approve")];
        form.extend(ids.iter().map(|id| ("id", id.as_str())));
        let reply = mona.post(&app, "/admin/responses/bulk", &form).await;
        requests += 1;
        page = after(&mona, &app, reply).await;
        requests += 1;
        let left = store
            .waiting_response_ids(WaitingFilter::default(), 1000)
            .await
            .unwrap();
        if !left.is_empty() && left.len() <= ids.len() {
            let held: Vec<String> = left.iter().map(ToString::to_string).collect();
            let mut form: Vec<(&str, &str)> = vec![("action", "reject")];
            form.extend(held.iter().map(|id| ("id", id.as_str())));
            let reply = mona.post(&app, "/admin/responses/bulk", &form).await;
            requests += 1;
            page = after(&mona, &app, reply).await;
            requests += 1;
        }
        assert!(requests < 20, "too many requests to clear the flood");
    }
    assert!(requests <= 12, "{requests} requests");
    assert!(published_texts(&app).await.len() >= 250);
    assert_eq!(count(&page.html(), ".inbox-empty"), 1);
}
