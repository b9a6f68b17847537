//! Notices that a message from the organisation waits on the follow-up page (issue 19), as a
//! reporter on each channel would get them, and the receipt page that tells a web reporter
//! where replies appear. A report comes in through the channel as a platform sends it; the
//! staff side's call (`channels::notice::message_waiting`, with the unlocked key) is made
//! directly; what reaches the SMS phone (`task=send`), the Graph API or the Bot API is read
//! where they would read it. A canary in the report and in a staff note stands for the words a
//! notice must never carry.

use axum::http::{Method, StatusCode};
use naqsha::channels::notice::{
    CannotSend, NotAllowed, NoticeOutcome, message_waiting, notice_text,
};
use naqsha::config::{Config, ReplyPolicy, ReplyWording};
use naqsha::i18n::t;
use naqsha::storage::{IntakeStore, NewAddition};
use naqsha_core::ids::{AdditionId, SubmissionId};
use naqsha_core::lang::Lang;
use naqsha_core::sealing;
use naqsha_core::shared_secret::SharedSecret;
use naqsha_core::submission::Channel;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::nodes::PgDatabase;
use crate::support::{App, FakeApi, PEER, attrs, texts};

const SECRET: &str = "sync-Kq7Vx2Lm9TzR4bWn8YcP3sHd6Jf";
const HOOK_SECRET: &str = "hook-Zr5Tq8Wm2Xv7Nb4Lc9Ks3Pd6Gh";
const PHONE: &str = "+923001234567";
const ORG: &str = "Digital Rights Helpline";
const SITE: &str = "https://helpline.example.org";
/// Words of the report and of the staff's message: a notice carries neither.
const REPORT_CANARY: &str = "Kestrelquartz";
const REPLY_CANARY: &str = "Marigoldvector";

fn secret(s: &str) -> Option<SharedSecret> {
    Some(SharedSecret::parse(s).expect("a secret the configuration accepts"))
}

/// Named after the organisation, at its public address: what a neutral notice must not say.
fn named_site(c: &mut Config) {
    c.site_title = Some(ORG.to_owned());
    c.public_url = Some(SITE.to_owned());
}

/// An SMS app on `db` (SQLite when none) with SMSSync on and `edit` applied.
async fn sms_app(db: Option<&PgDatabase>, edit: impl FnOnce(&mut Config)) -> App {
    let url = db.map(|d| d.url.clone());
    App::with_config(move |c| {
        if let Some(url) = url {
            c.database_url = url;
        }
        named_site(c);
        c.smssync_secret = secret(SECRET);
        edit(c);
    })
    .await
}

/// An SMS as SMSSync posts it; the gateway takes it.
async fn sms(app: &App, from: &str, message: &str, message_id: &str) -> Value {
    let reply = app
        .post_form(
            "/sms/smssync",
            &[
                ("secret", SECRET),
                ("from", from),
                ("message", message),
                ("sent_timestamp", "1767225600000"),
                ("sent_to", "+923119876543"),
                ("message_id", message_id),
                ("device_id", "naqsha-phone-1"),
            ],
            PEER,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    reply.json()
}

/// What the SMSSync phone fetches with task checking: (to, message).
async fn phone_fetches(app: &App) -> Vec<(String, String)> {
    let poll = app
        .get(&format!("/sms/smssync?task=send&secret={SECRET}"))
        .await
        .json();
    poll["payload"]["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["to"].as_str().unwrap().to_owned(),
                m["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The staff's message to her, stored sealed beside the report (as a note here: the
/// conversation's own storage is another part of issue 19).
async fn staff_writes(app: &App, id: SubmissionId) {
    let key = app.unlock().await;
    app.state
        .store()
        .add_to_submission(&NewAddition {
            id: AdditionId::random(),
            submission: id,
            kind: "note",
            author: None,
            sealed: sealing::seal(
                &key.public,
                format!("We can help you report the account. {REPLY_CANARY}").as_bytes(),
            ),
            sms_message: None,
        })
        .await
        .unwrap();
}

/// The staff side's call after storing a message.
async fn notify(app: &App, id: SubmissionId) -> NoticeOutcome {
    let key = app.unlock().await;
    message_waiting(&app.state, &key.secret, id).await.unwrap()
}

fn assert_no_content(text: &str) {
    for word in [REPORT_CANARY, REPLY_CANARY, "blackmail", "account"] {
        assert!(!text.contains(word), "the notice says {word:?}: {text}");
    }
}

/// With `reply = "always"` a notice for an SMS reporter waits in the outbox for the phone, in
/// her language, naming the site and its follow-up page and nothing of the report or the
/// message; after she sends STOP no notice is queued, and one still waiting is dropped.
async fn an_sms_reporter_gets_a_notice_without_content_until_she_sends_stop(
    db: Option<&PgDatabase>,
) {
    let app = sms_app(db, |_| {}).await;
    sms(
        &app,
        PHONE,
        &format!("He is blackmailing me with my account photos. {REPORT_CANARY}"),
        "n-1",
    )
    .await;
    let id = app.only_submission().await.id;
    assert!(
        phone_fetches(&app).await.is_empty(),
        "the receipt went instantly"
    );
    staff_writes(&app, id).await;

    assert_eq!(
        notify(&app, id).await,
        NoticeOutcome::Queued {
            channel: Channel::Sms,
            template: false
        }
    );
    let fetched = phone_fetches(&app).await;
    assert_eq!(fetched.len(), 1, "{fetched:?}");
    let (to, text) = &fetched[0];
    assert_eq!(to, PHONE);
    assert_no_content(text);
    assert!(
        text.contains(ORG) && text.contains(&format!("{SITE}/follow-up")),
        "{text}"
    );

    // STOP: the next notice is not queued, and one still waiting goes with the STOP.
    assert_eq!(
        notify(&app, id).await,
        NoticeOutcome::Queued {
            channel: Channel::Sms,
            template: false
        }
    );
    sms(&app, PHONE, "STOP", "n-2").await;
    assert!(
        phone_fetches(&app).await.is_empty(),
        "STOP dropped the waiting notice"
    );
    assert_eq!(
        notify(&app, id).await,
        NoticeOutcome::NotAllowed {
            channel: Channel::Sms,
            why: NotAllowed::Stopped
        }
    );
    assert!(phone_fetches(&app).await.is_empty());
    // START: notices may come again.
    sms(&app, PHONE, "START", "n-3").await;
    assert!(matches!(
        notify(&app, id).await,
        NoticeOutcome::Queued { .. }
    ));
    assert_eq!(phone_fetches(&app).await.len(), 1);
}
on_both_backends!(an_sms_reporter_gets_a_notice_without_content_until_she_sends_stop);

/// `reply = "on_request"` or `"never"`: nothing is sent unasked, so no notice either.
async fn no_notice_unless_replies_are_always_on(db: Option<&PgDatabase>) {
    for policy in [ReplyPolicy::OnRequest, ReplyPolicy::Never] {
        // A database of its own for each setting (the first one's is already initialised).
        let own = match db {
            Some(_) => PgDatabase::create().await,
            None => None,
        };
        let app = sms_app(own.as_ref(), |c| c.sms.reply = policy).await;
        sms(
            &app,
            PHONE,
            &format!("Fake profile. {REPORT_CANARY}"),
            "p-1",
        )
        .await;
        let id = app.only_submission().await.id;
        staff_writes(&app, id).await;
        assert_eq!(
            notify(&app, id).await,
            NoticeOutcome::NotAllowed {
                channel: Channel::Sms,
                why: NotAllowed::RepliesOff
            },
            "{policy:?}"
        );
        assert!(phone_fetches(&app).await.is_empty(), "{policy:?}");
    }
}
on_both_backends!(no_notice_unless_replies_are_always_on);

#[tokio::test]
async fn the_neutral_wording_names_no_organisation_no_site_and_is_in_her_language() {
    let app = sms_app(None, |c| c.sms.reply_wording = ReplyWording::Neutral).await;
    sms(
        &app,
        PHONE,
        &format!("وہ میری تصویریں پھیلانے کی دھمکی دے رہا ہے {REPORT_CANARY}"),
        "u-1",
    )
    .await;
    let id = app.only_submission().await.id;
    staff_writes(&app, id).await;
    assert!(matches!(
        notify(&app, id).await,
        NoticeOutcome::Queued { .. }
    ));
    let fetched = phone_fetches(&app).await;
    let text = &fetched[0].1;
    assert_eq!(
        text,
        &notice_text(app.state.config(), ReplyWording::Neutral, Lang::UR),
        "the neutral wording, in Urdu as she wrote"
    );
    assert_no_content(text);
    for named in [
        ORG,
        "helpline",
        "example.org",
        "Naqsha",
        t(Lang::UR, "site.name"),
    ] {
        assert!(!text.contains(named), "names {named}: {text}");
    }
}

#[tokio::test]
async fn the_webhook_gateway_alone_cannot_send_a_notice_and_web_reports_get_none() {
    let app = App::with_config(|c| c.sms.webhook_secret = secret(HOOK_SECRET)).await;
    let posted = app
        .post_form(
            "/sms/webhook",
            &[
                ("secret", HOOK_SECRET),
                ("from", PHONE),
                ("to", "+923119876543"),
                ("body", "Someone hacked my account."),
            ],
            PEER,
        )
        .await;
    assert_eq!(posted.status, StatusCode::OK, "{}", posted.text());
    let id = app.only_submission().await.id;
    assert_eq!(
        notify(&app, id).await,
        NoticeOutcome::CannotSend {
            channel: Channel::Sms,
            why: CannotSend::NoOutbox
        }
    );
    let summary = notify(&app, id).await.summary(Lang::EN);
    assert!(summary.starts_with("No notice"), "{summary}");

    let web = App::new().await;
    web.report_with_receipt(
        "/report",
        crate::support::Multipart::new()
            .text("what_happened", "Someone shares my photos.")
            .text("consent", "private")
            .text("contact_phone", "0321 7654321"),
    )
    .await;
    let id = web.only_submission().await.id;
    assert_eq!(
        notify(&web, id).await,
        NoticeOutcome::NoChannel {
            channel: Channel::Web
        },
        "a phone given on the form is for the moderators, not for notices"
    );
}

// ---------------------------------------------------------------------------------------
// WhatsApp and Telegram

const APP_SECRET: &str = "5f1d3c0a9b8e7d6c5b4a39281706f5e4";
const ACCESS_TOKEN: &str = "EAAJB-test-access-token";
const PHONE_NUMBER_ID: &str = "106540352242922";
const WA_ID: &str = "923001234567";

async fn whatsapp(extra: &[(&str, &str)]) -> (App, FakeApi) {
    let api = FakeApi::start().await;
    let verify = SharedSecret::generate().expose().to_owned();
    let env: std::collections::BTreeMap<String, String> = [
        ("NAQSHA_WHATSAPP_APP_SECRET", APP_SECRET),
        ("NAQSHA_WHATSAPP_VERIFY_TOKEN", verify.as_str()),
        ("NAQSHA_WHATSAPP_ACCESS_TOKEN", ACCESS_TOKEN),
        ("NAQSHA_WHATSAPP_PHONE_NUMBER_ID", PHONE_NUMBER_ID),
        ("NAQSHA_WHATSAPP_API_BASE", api.base.as_str()),
    ]
    .iter()
    .chain(extra)
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let loaded = Config::load_from(&naqsha::config::Overrides::default(), &env).unwrap();
    let app = App::with_config(|c| {
        named_site(c);
        c.whatsapp = loaded.whatsapp;
    })
    .await;
    api.json(
        Method::POST,
        &format!("/v23.0/{PHONE_NUMBER_ID}/messages"),
        json!({ "messaging_product": "whatsapp", "messages": [{ "id": "wamid.X" }] }),
    );
    (app, api)
}

async fn whatsapp_text(app: &App, id: &str, body: &str) {
    let notification = json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "102290129340398", "changes": [{ "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "15550783881", "phone_number_id": PHONE_NUMBER_ID },
            "contacts": [{ "profile": { "name": "Ayesha" }, "wa_id": WA_ID }],
            "messages": [{ "from": WA_ID, "id": id, "timestamp": "1749416383", "type": "text",
                           "text": { "body": body } }]
        }}]}]
    })
    .to_string();
    let req = axum::http::Request::post("/whatsapp/webhook")
        .header("content-type", "application/json")
        .header(
            "x-hub-signature-256",
            naqsha::channels::whatsapp::signature::sign(APP_SECRET, notification.as_bytes()),
        )
        .body(axum::body::Body::from(notification))
        .unwrap();
    let reply = app.send(req).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
}

/// The bodies posted to the number's `messages` endpoint, once there are `n`.
async fn whatsapp_sent(api: &FakeApi, n: usize) -> Vec<Value> {
    api.wait_for(
        Method::POST,
        &format!("/v23.0/{PHONE_NUMBER_ID}/messages"),
        n,
    )
    .await
    .iter()
    .map(|g| g.json())
    .collect()
}

/// Moves the report's arrival back by `hours`, as if she wrote that long ago.
async fn arrived_hours_ago(app: &App, id: SubmissionId, hours: i64) {
    let path = app.state.config().sqlite_path().unwrap();
    let pool =
        sqlx::SqlitePool::connect_with(sqlx::sqlite::SqliteConnectOptions::new().filename(path))
            .await
            .unwrap();
    sqlx::query("UPDATE submissions SET received_hour = received_hour - ? WHERE id = ?")
        .bind(hours * 3600)
        .bind(id.to_string())
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
}

#[tokio::test]
async fn a_whatsapp_notice_is_free_text_within_a_day_then_the_template_or_nothing() {
    let (app, api) = whatsapp(&[("NAQSHA_WHATSAPP_NOTICE_TEMPLATE", "new_message")]).await;
    whatsapp_text(
        &app,
        "wamid.A",
        &format!("He blackmails me. {REPORT_CANARY}"),
    )
    .await;
    let id = app.only_submission().await.id;
    whatsapp_sent(&api, 1).await; // the receipt
    staff_writes(&app, id).await;

    assert_eq!(
        notify(&app, id).await,
        NoticeOutcome::Queued {
            channel: Channel::WhatsApp,
            template: false
        }
    );
    let sent = whatsapp_sent(&api, 2).await;
    let notice = &sent[1];
    assert_eq!(notice["to"], WA_ID);
    assert_eq!(notice["type"], "text");
    let text = notice["text"]["body"].as_str().unwrap();
    assert_no_content(text);
    assert!(text.contains(&format!("{SITE}/follow-up")), "{text}");

    // A day later WhatsApp takes only the approved template, which carries no values.
    arrived_hours_ago(&app, id, 30).await;
    assert_eq!(
        notify(&app, id).await,
        NoticeOutcome::Queued {
            channel: Channel::WhatsApp,
            template: true
        }
    );
    let sent = whatsapp_sent(&api, 3).await;
    assert_eq!(sent[2]["type"], "template");
    assert_eq!(
        sent[2]["template"],
        json!({ "name": "new_message", "language": { "code": "en" } })
    );
    assert_no_content(&sent[2].to_string());

    // Without a template nothing is sent, and the moderator reads why.
    let (app, api) = whatsapp(&[]).await;
    whatsapp_text(&app, "wamid.B", "They share my pictures.").await;
    let id = app.only_submission().await.id;
    whatsapp_sent(&api, 1).await;
    arrived_hours_ago(&app, id, 30).await;
    let outcome = notify(&app, id).await;
    assert_eq!(
        outcome,
        NoticeOutcome::CannotSend {
            channel: Channel::WhatsApp,
            why: CannotSend::WindowClosed
        }
    );
    assert!(outcome.summary(Lang::EN).contains("24 hours"));
    assert!(naqsha_core::script::has_arabic_letters(
        &outcome.summary(Lang::UR)
    ));
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        whatsapp_sent(&api, 1).await.len(),
        1,
        "only the receipt was sent"
    );
}

const BOT_TOKEN: &str = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const USER_ID: i64 = 7_281_934_455;

async fn telegram(extra: &[(&str, &str)]) -> (App, FakeApi, String) {
    let api = FakeApi::start().await;
    let secret = SharedSecret::generate().expose().to_owned();
    let env: std::collections::BTreeMap<String, String> = [
        ("NAQSHA_TELEGRAM_BOT_TOKEN", BOT_TOKEN),
        ("NAQSHA_TELEGRAM_SECRET_TOKEN", secret.as_str()),
        ("NAQSHA_TELEGRAM_API_BASE", api.base.as_str()),
    ]
    .iter()
    .chain(extra)
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let loaded = Config::load_from(&naqsha::config::Overrides::default(), &env).unwrap();
    let app = App::with_config(|c| {
        named_site(c);
        c.telegram = loaded.telegram;
    })
    .await;
    api.json(
        Method::POST,
        &format!("/bot{BOT_TOKEN}/sendMessage"),
        json!({ "ok": true, "result": { "message_id": 99, "date": 1441645600,
                "chat": { "id": USER_ID, "type": "private" }, "text": "…" } }),
    );
    (app, api, secret)
}

async fn telegram_text(app: &App, secret: &str, update_id: i64, text: &str) {
    let body = json!({ "update_id": update_id, "message": {
        "message_id": update_id, "date": 1441645532, "text": text,
        "from": { "id": USER_ID, "is_bot": false, "first_name": "Ayesha" },
        "chat": { "id": USER_ID, "first_name": "Ayesha", "type": "private" } } })
    .to_string();
    let req = axum::http::Request::post("/telegram/webhook")
        .header("content-type", "application/json")
        .header("x-telegram-bot-api-secret-token", secret)
        .body(axum::body::Body::from(body))
        .unwrap();
    let reply = app.send(req).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
}

async fn telegram_sent(api: &FakeApi, n: usize) -> Vec<(i64, String)> {
    api.wait_for(Method::POST, &format!("/bot{BOT_TOKEN}/sendMessage"), n)
        .await
        .iter()
        .map(|g| {
            let body = g.json();
            (
                body["chat_id"].as_i64().unwrap(),
                body["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_telegram_notice_goes_to_her_chat_in_the_neutral_wording_and_not_after_stop() {
    let (app, api, secret) = telegram(&[("NAQSHA_TELEGRAM_REPLY_WORDING", "neutral")]).await;
    telegram_text(
        &app,
        &secret,
        1,
        &format!("He threatens me. {REPORT_CANARY}"),
    )
    .await;
    let id = app.only_submission().await.id;
    telegram_sent(&api, 1).await;
    staff_writes(&app, id).await;
    assert_eq!(
        notify(&app, id).await,
        NoticeOutcome::Queued {
            channel: Channel::Telegram,
            template: false
        }
    );
    let sent = telegram_sent(&api, 2).await;
    assert_eq!(sent[1].0, USER_ID);
    assert_no_content(&sent[1].1);
    for named in [ORG, "helpline", "Naqsha"] {
        assert!(!sent[1].1.contains(named), "names {named}: {}", sent[1].1);
    }

    telegram_text(&app, &secret, 2, "/stop").await;
    assert_eq!(
        notify(&app, id).await,
        NoticeOutcome::NotAllowed {
            channel: Channel::Telegram,
            why: NotAllowed::Stopped
        }
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(telegram_sent(&api, 2).await.len(), 2, "nothing after STOP");
}

// ---------------------------------------------------------------------------------------
// The receipt page

/// The receipt page in each language says where replies appear, how often to look, and
/// that nothing is sent to her, with a link to the follow-up page in that language.
#[tokio::test]
async fn the_receipt_page_says_replies_appear_on_follow_up_and_nothing_is_sent() {
    let app = App::new().await;
    for (prefix, lang) in [("", Lang::EN), ("/ur", Lang::UR)] {
        let reply = app
            .submit_report(
                &format!("{prefix}/report"),
                crate::support::Multipart::new()
                    .text(
                        "what_happened",
                        "Someone made a fake profile with my photos.",
                    )
                    .text("consent", "private"),
                PEER,
            )
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
        let location = reply.header("location").unwrap().to_owned();
        let html = app.get(&location).await.html();
        assert_eq!(
            texts(&html, ".receipt-replies h2"),
            [t(lang, "receipt.replies_heading")]
        );
        let paragraphs = texts(&html, ".receipt-replies p");
        assert!(
            paragraphs.contains(&t(lang, "receipt.replies").to_owned()),
            "{lang:?}: {paragraphs:?}"
        );
        assert!(
            paragraphs.contains(&t(lang, "receipt.no_notifications").to_owned()),
            "{lang:?}: {paragraphs:?}"
        );
        assert_eq!(
            attrs(&html, ".receipt-replies a", "href"),
            [format!("{prefix}/follow-up")]
        );
    }
    assert!(t(Lang::EN, "receipt.replies").contains("every few days"));
    assert!(t(Lang::EN, "receipt.no_notifications").contains("email"));
}
